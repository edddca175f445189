"""Checks of a pushed record that need the registry's data: a published template, the required
items of a submitted checklist (evaluated exactly as the app does, with :mod:`fieldkit.checklists`),
a stored blob for a photo, and published template versions never changing.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from fieldkit.checklists.evaluate import CompiledTemplate, compile_template, evaluate
from fieldkit.checklists.limits import LimitSet
from fieldkit.checklists.model import Template
from fieldkit.sync.ids import reference_id
from fieldkit.sync.protocol import Change
from fieldkit_registry.db import BlobRow, RecordRow
from fieldkit_registry.holders import holds
from fieldkit_registry.validate import Invalid

if TYPE_CHECKING:
    from fieldkit_registry.service import PushContext

_lock = threading.Lock()
_compiled: dict[tuple[str, int], CompiledTemplate] = {}


def check_record(ctx: PushContext, change: Change, data: dict[str, Any], current: RecordRow | None) -> None:
    """Raise :class:`Invalid` (with a protocol reject code) when the record may not be stored."""
    if change.deleted:
        return
    session = ctx.session
    if (
        change.entity == "templates"
        and current is not None
        and current.data.get("definition") != data.get("definition")
    ):
        raise Invalid("invalid", "a published template version never changes: publish a new version")
    if change.entity == "photos":
        blob = session.get(BlobRow, data["sha256"])
        if blob is None:
            raise Invalid("blob_missing", f"blob {data['sha256']} is not on the registry yet")
        if current is None or current.data.get("sha256") != data["sha256"]:
            _may_use_blob(ctx, blob)
    if change.entity != "inspections":
        return
    template = None
    if data.get("template_id") is not None:
        template = session.get(RecordRow, data["template_id"])
        if template is None or template.entity != "templates" or template.deleted:
            raise Invalid("unknown_template", f"template {data['template_id']} was never published by this registry")
    submitting = data.get("status") == "submitted" and (current is None or current.status != "submitted")
    if submitting and template is not None:
        problems = checklist_problems(ctx, change.id, data, template)
        if problems:
            raise Invalid("required_missing", problems)


def _may_use_blob(ctx: PushContext, blob: BlobRow) -> None:
    """A photo record names only a blob its writer holds (sent its bytes, :mod:`fieldkit_registry.holders`)
    or may already see: otherwise knowing a hash would be enough to download anyone's photo (by filing
    a record of one's own with it)."""
    caller = ctx.caller
    if caller.is_admin or holds(ctx.session, caller.user_id, blob.sha256):
        return
    seen = select(RecordRow.id).where(
        RecordRow.entity == "photos", RecordRow.blob_sha256 == blob.sha256, RecordRow.deleted.is_(False), ctx.readable
    )
    if ctx.session.scalar(seen.limit(1)) is None:
        raise Invalid(
            "forbidden",
            (
                "the photo's original on the registry was uploaded by someone else, you have not sent "
                "its bytes, and you may not see a photo that uses it"
            ),
        )


def _compiled_template(row: RecordRow) -> CompiledTemplate:
    key = (row.id, row.rev)
    with _lock:
        found = _compiled.get(key)
    if found is None:
        found = compile_template(Template.model_validate(row.data["definition"]))
        with _lock:
            _compiled[key] = found
    return found


def checklist_problems(
    ctx: PushContext, inspection_id: str, data: dict[str, Any], template: RecordRow
) -> list[dict[str, str]]:
    """What blocks submission: the stored answers plus those later in the same batch."""
    session = ctx.session
    answers: dict[str, Any] = {}
    for row in session.scalars(
        select(RecordRow).where(RecordRow.inspection_id == inspection_id, RecordRow.entity == "answers")
    ):
        if not row.deleted:
            answers[row.data.get("item_id")] = row.data.get("value")
    for change in ctx.changes:
        if change.entity == "answers" and change.data.get("inspection_id") == inspection_id:
            item = change.data.get("item_id")
            if change.deleted:
                answers.pop(item, None)
            else:
                answers[item] = change.data.get("value")
    limit_sets: list[LimitSet] = []
    site = session.get(RecordRow, data.get("site_id")) if data.get("site_id") else None
    if site is not None and site.entity == "sites":
        for set_id in site.data.get("limit_sets") or []:
            row = session.get(RecordRow, reference_id("limit_sets", str(set_id)))
            if row is not None and not row.deleted:
                limit_sets.append(LimitSet.model_validate(row.data["definition"]))
    try:
        state = evaluate(_compiled_template(template), answers, limit_sets)
    except Exception as exc:  # a hostile answer must not crash the push: it is a validation failure
        raise Invalid("invalid", f"the checklist could not be evaluated: {type(exc).__name__}") from None
    return [{"item_id": p.item_id, "kind": p.kind, "message": p.message} for p in state.problems()]
