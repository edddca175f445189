"""Push and pull: the registry's side of sync, used by the HTTP API and by bundle import.

A push runs in one transaction holding the revision counter (see :mod:`fieldkit_registry.db`); each
change gets exactly one answer, stored under its change id so a replay returns it unchanged.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from fieldkit.store.types import utcnow
from fieldkit.sync.protocol import (
    ENTITIES,
    INSPECTION_CHILDREN,
    PAGE_BYTES_MAX,
    REFERENCE_ENTITIES,
    Change,
    ChangeResult,
    PullPage,
    Record,
)
from fieldkit_registry import checks, rules
from fieldkit_registry.auth import Caller
from fieldkit_registry.db import (
    AppliedChange,
    BlobRow,
    ConflictRow,
    RecordRow,
    Revisions,
    current_rev,
    note_written,
    read_session,
    write_session,
)
from fieldkit_registry.validate import Invalid, clean_data

log = logging.getLogger("fieldkit_registry.sync")


def to_record(row: RecordRow) -> Record:
    return Record(
        entity=row.entity,
        id=row.id,
        rev=row.rev,
        deleted=row.deleted,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
        data=row.data,
    )


def put_record(
    session: Session,
    revs: Revisions,
    entity: str,
    record_id: str,
    data: dict[str, Any],
    *,
    deleted: bool = False,
    by: str | None = None,
    device: str | None = None,
    base_rev: int | None = None,
) -> RecordRow:
    """Store ``data`` as the registry's copy of the record with a new revision, with the columns
    the registry filters on; an inspection passes its site, owner and approval on to its children."""
    row = session.get(RecordRow, record_id)
    if row is None:
        row = RecordRow(id=record_id, entity=entity)
        session.add(row)
    before = (row.site_id, row.owner_id, row.approved, row.deleted)
    row.rev = revs.next()
    row.data = data
    row.deleted = deleted
    row.updated_at = utcnow()
    row.updated_by = by
    row.device = device
    row.base_rev = base_rev
    row.blob_sha256 = data.get("sha256") if entity == "photos" else None
    row.status = data.get("status") if entity == "inspections" else None
    if entity == "sites":
        row.site_id = record_id
    elif entity in ("inspections", "grievances"):
        row.site_id = data.get("site_id")
    if entity == "inspections":
        row.owner_id = data.get("inspector_id")
        row.approved = row.status == "approved" and not deleted
    elif entity in INSPECTION_CHILDREN:
        row.inspection_id = data.get("inspection_id")
        parent = session.get(RecordRow, row.inspection_id) if row.inspection_id else None
        if parent is not None:
            row.site_id, row.owner_id, row.approved = parent.site_id, parent.owner_id, parent.approved
        else:
            row.site_id, row.approved = None, False  # not filed yet: the owner is set by the caller
    session.flush()
    if entity == "inspections" and before != (row.site_id, row.owner_id, row.approved, row.deleted):
        _bump_children(session, revs, row)
    return row


def _bump_children(session: Session, revs: Revisions, parent: RecordRow) -> None:
    """Children follow their inspection's site, owner and approval, with new revisions so that
    laptops which could not see them before (a liaison officer's, after approval) pull them."""
    children = session.scalars(
        select(RecordRow).where(RecordRow.inspection_id == parent.id).order_by(RecordRow.rev)
    ).all()
    for child in children:
        child.site_id, child.owner_id, child.approved = parent.site_id, parent.owner_id, parent.approved
        child.rev = revs.next()
        session.flush()


# -- push ----------------------------------------------------------------------------------------------


class PushContext:
    def __init__(self, session: Session, caller: Caller, device: str, changes: list[Change]) -> None:
        self.session = session
        self.caller = caller
        self.device = device
        self.changes = changes
        self.revs = Revisions(session)
        self.sites = set(rules.site_ids(session, caller))
        self.batch = rules.Batch()
        self.readable = rules.visible(caller, self.sites)


def push(engine: Engine, caller: Caller, device: str, changes: list[Change]) -> list[ChangeResult]:
    """Apply ``changes`` in order, in one transaction; one answer per change."""
    with write_session(engine) as session, session.begin():
        ctx = PushContext(session, caller, device, changes)
        results = [_apply(ctx, change) for change in changes]
    note_written(engine, sum(r.status == "accepted" for r in results))
    return results


def _result(change: Change, status: str, **fields) -> ChangeResult:
    return ChangeResult(change_id=change.change_id, entity=change.entity, id=change.id, status=status, **fields)


def _remember(ctx: PushContext, change: Change, result: ChangeResult) -> ChangeResult:
    ctx.session.add(
        AppliedChange(change_id=change.change_id, user_id=ctx.caller.user_id, result=result.model_dump(mode="json"))
    )
    ctx.session.flush()
    return result


def _apply(ctx: PushContext, change: Change) -> ChangeResult:
    session, caller = ctx.session, ctx.caller
    stored = session.get(AppliedChange, (change.change_id, caller.user_id))
    if stored is not None:
        return ChangeResult.model_validate(stored.result)
    if change.entity not in ENTITIES:
        return _remember(ctx, change, _result(change, "rejected", reason="unknown_entity"))
    if change.entity in REFERENCE_ENTITIES and (not caller.is_admin or change.entity == "users"):
        detail = "reference records are published with fieldkit-registry commands"
        return _remember(ctx, change, _result(change, "rejected", reason="forbidden", reason_detail=detail))
    try:
        data = clean_data(change.entity, change.id, change.data)
    except Invalid as exc:
        return _remember(ctx, change, _result(change, "rejected", reason=exc.code, reason_detail=exc.detail))
    current = session.get(RecordRow, change.id)
    if current is not None and current.entity != change.entity:
        detail = f"id {change.id} is a {current.entity} record"
        return _remember(ctx, change, _result(change, "rejected", reason="invalid", reason_detail=detail))
    if (
        current is not None
        and _same(current.data, data)
        and current.deleted == change.deleted
        and _readable(ctx, current)
    ):
        return _remember(ctx, change, _result(change, "accepted", rev=current.rev))
    parent_id = data.get("inspection_id") if change.entity in INSPECTION_CHILDREN else None
    parent = _inspection(session, parent_id)
    old_parent = _inspection(session, current.inspection_id) if current is not None else None
    denied = rules.write_denied(caller, ctx.sites, change, data, current, parent, ctx.batch, old_parent)
    if denied is None and parent_id and parent is None:
        denied = "parent_missing", "the inspection of this record is not on the registry"
    if denied is not None:
        reason, detail = denied
        return _refuse(ctx, change, _result(change, "rejected", reason=reason, reason_detail=detail))
    try:
        checks.check_record(ctx, change, data, current)
    except Invalid as exc:
        return _refuse(ctx, change, _result(change, "rejected", reason=exc.code, reason_detail=exc.detail))
    # Who wrote it is the caller, whatever the data says (laptops show these names).
    data["updated_by"] = caller.username
    if change.entity == "reviews":
        data["reviewer"] = caller.username
    if current is not None and not _may_replace(ctx, change, current):
        if not _readable(ctx, current):  # never show a copy the caller may not read
            detail = "the registry holds a record with this id that you may not change"
            return _remember(ctx, change, _result(change, "rejected", reason="forbidden", reason_detail=detail))
        session.add(
            ConflictRow(
                entity=change.entity,
                record_id=change.id,
                change_id=change.change_id,
                username=caller.username,
                device=ctx.device,
                base_rev=change.base_rev,
                current_rev=current.rev,
                deleted=change.deleted,
                data=data,
            )
        )
        log.info("conflict on %s %s from %s/%s", change.entity, change.id, caller.username, ctx.device)
        return _remember(ctx, change, _result(change, "conflict", current=to_record(current)))
    _note_batch(ctx, change, data, current)
    row = put_record(
        session,
        ctx.revs,
        change.entity,
        change.id,
        data,
        deleted=change.deleted,
        by=caller.username,
        device=ctx.caller.device,
        base_rev=change.base_rev,
    )
    if change.entity in INSPECTION_CHILDREN and row.site_id is None and row.owner_id is None:
        row.owner_id = caller.user_id  # a track or photo not filed under an inspection yet: its author's
    if change.entity == "grievances" and current is None:
        row.owner_id = caller.user_id  # its author: the only one besides an administrator to change it
    return _remember(ctx, change, _result(change, "accepted", rev=row.rev))


#: When and by whom a copy was written: two copies differing only here hold the same content (the
#: demo made on a laptop and on the registry; an edit sent again after its answer was lost).
BOOKKEEPING = frozenset({"created_at", "updated_at", "updated_by"})


#: Refusals that go away by themselves (an upload finishing, an inspection reaching the registry):
#: not remembered under the change id, so the same change is tried again at the next sync.
TRANSIENT = frozenset({"blob_missing", "parent_missing"})


def _refuse(ctx: PushContext, change: Change, result: ChangeResult) -> ChangeResult:
    return result if result.reason in TRANSIENT else _remember(ctx, change, result)


def _inspection(session: Session, record_id: str | None) -> RecordRow | None:
    row = session.get(RecordRow, record_id) if record_id else None
    return row if row is not None and row.entity == "inspections" else None


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return {k: v for k, v in a.items() if k not in BOOKKEEPING} == {k: v for k, v in b.items() if k not in BOOKKEEPING}


def _readable(ctx: PushContext, row: RecordRow) -> bool:
    return ctx.session.scalar(select(RecordRow.id).where(RecordRow.id == row.id, ctx.readable)) is not None


def _may_replace(ctx: PushContext, change: Change, current: RecordRow) -> bool:
    if change.base_rev == current.rev:
        return True
    # The answer to this device's earlier push was lost: the registry's copy is that push, made on
    # the same base, and the new edit contains it.
    return (
        current.device == ctx.caller.device
        and current.updated_by == ctx.caller.username
        and current.base_rev == change.base_rev
    )


def _note_batch(ctx: PushContext, change: Change, data: dict[str, Any], current: RecordRow | None) -> None:
    if change.entity != "inspections":
        return
    if current is None or current.status in rules.EDITABLE:
        ctx.batch.opened.add(change.id)
    if current is not None and current.status == "submitted" and data.get("status") in ("approved", "returned"):
        ctx.batch.reviewed.add(change.id)


def blob_present(session: Session, sha256: str) -> bool:
    return session.get(BlobRow, sha256) is not None


# -- pull ----------------------------------------------------------------------------------------------


def pull(engine: Engine, caller: Caller, since: int, limit: int) -> PullPage:
    with read_session(engine) as session, session.begin():
        sites = rules.site_ids(session, caller)
        # Read the counter first: every record up to it has committed (revisions are allocated and
        # committed under one lock), so a cursor never passes a record that commits later.
        top = current_rev(session)
        if since > top:
            # A cursor past the registry's newest revision: the registry was restored from an older
            # backup. Answer from the start, or the laptop would skip what was written since then.
            log.warning("pull by %s from %d past the newest revision %d: answering from 0", caller.username, since, top)
            since = 0
        rows = session.scalars(
            select(RecordRow)
            .where(RecordRow.rev > since, RecordRow.rev <= top, rules.visible(caller, sites))
            .order_by(RecordRow.rev)
            .limit(limit + 1)
        ).all()
        records: list[Record] = []
        size = 0
        for row in rows[:limit]:
            record = to_record(row)
            size += len(json.dumps(row.data, separators=(",", ":"), default=str))
            records.append(record)
            if size >= PAGE_BYTES_MAX:
                break
        more = len(records) < len(rows)
        cursor = records[-1].rev if records else max(since, top)
        return PullPage(records=records, cursor=cursor, more=more, scope=sites)


def pages_since(engine: Engine, caller: Caller, since: int, limit: int = 1000) -> Iterable[PullPage]:
    """Every page from ``since`` (for a reply bundle)."""
    while True:
        page = pull(engine, caller, since, limit)
        yield page
        if not page.more:
            return
        since = page.cursor
