"""Answering checklist items (the autosaved write path), and a checklist's state and problems.

``answer_item`` is what the entry form calls on every change: one write transaction that checks and
normalises the value, evaluates it against its constraint and the site's limits, stores it with its
flags, and refreshes the flags of items that depend on it (a changed discharge route changes which
limits apply to every reading).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldkit.checklists.evaluate import ChecklistState, CompiledTemplate, ProposedFinding, evaluate
from fieldkit.checklists.evaluate import Problem as ChecklistProblem
from fieldkit.checklists.limits import Flag, LimitSet
from fieldkit.checklists.model import Item
from fieldkit.checklists.values import normalise
from fieldkit.errors import NotFoundError, ValidationError
from fieldkit.i18n import translate
from fieldkit.services.changes import Change, ChangeSet
from fieldkit.services.inspections import EDITABLE_STATUSES, _load, status_label
from fieldkit.services.library import compiled_template, limit_sets_for, parameter_labels
from fieldkit.store import Store
from fieldkit.store.models import Answer, Inspection

UNSET: Any = object()


@dataclass
class AnswerResult:
    changes: ChangeSet
    item: Item
    value: Any
    flags: list[Flag]
    proposal: ProposedFinding | None
    relevant: bool
    dependents: dict[str, list[Flag]] = field(default_factory=dict)
    """Flags of other items that changed because of this answer."""

    def as_json(self) -> dict[str, Any]:
        return {
            "item": self.item.id,
            "value": self.value,
            "unit": self.item.unit,
            "relevant": self.relevant,
            "flags": [f.as_json() for f in self.flags],
            "proposed_finding": None
            if self.proposal is None
            else {"title": self.proposal.title, "severity": self.proposal.severity},
        }


@dataclass
class Checklist:
    """What an entry form needs: the template, the evaluated state and each item's comment."""

    inspection_id: str
    compiled: CompiledTemplate
    state: ChecklistState
    comments: dict[str, str]
    editable: bool


def _context(session: Session, inspection: Inspection) -> tuple[CompiledTemplate, list[LimitSet], Any]:
    if inspection.template_id is None:
        raise ValidationError(translate("Checklist", "This inspection has no checklist."))
    compiled = compiled_template(session, inspection.template_id)
    limit_sets = limit_sets_for(session, list(inspection.site.limit_sets or []))
    return compiled, limit_sets, parameter_labels(session)


def _answers(session: Session, inspection_id: str) -> dict[str, Answer]:
    rows = session.scalars(
        select(Answer).where(Answer.inspection_id == inspection_id, Answer.deleted_at.is_(None))
    ).all()
    return {row.item_id: row for row in rows}


def load_checklist(store: Store, inspection_id: str, lang: str = "en") -> Checklist:
    with store.read() as session:
        inspection = _load(session, inspection_id)
        compiled, limit_sets, labels = _context(session, inspection)
        rows = _answers(session, inspection_id)
        state = evaluate(
            compiled,
            {k: r.value for k, r in rows.items()},
            limit_sets,
            lambda p: labels.get(p, lang),
            lang,
        )
        comments = {k: r.comment for k, r in rows.items() if r.comment}
        return Checklist(inspection_id, compiled, state, comments, inspection.status in EDITABLE_STATUSES)


def submission_problems(store: Store, inspection_id: str, lang: str = "en") -> list[ChecklistProblem]:
    with store.read() as session:
        inspection = _load(session, inspection_id)
        if inspection.template_id is None:
            return []
        return problems_in(session, inspection, lang)


def problems_in(session: Session, inspection: Inspection, lang: str = "en") -> list[ChecklistProblem]:
    compiled, limit_sets, labels = _context(session, inspection)
    rows = _answers(session, inspection.id)
    state = evaluate(compiled, {k: r.value for k, r in rows.items()}, limit_sets, lambda p: labels.get(p, lang), lang)
    return state.problems(lang)


def answer_item(
    store: Store,
    inspection_id: str,
    item_id: str,
    value: Any = UNSET,
    *,
    comment: Any = UNSET,
    actor: str | None = None,
    lang: str = "en",
) -> AnswerResult:
    """Save the answer (and/or comment) of one item and return its evaluation.

    Raises :class:`ValidationError` for a value that does not fit the item (nothing is stored),
    :class:`NotFoundError` for an unknown item.
    """
    with store.write(actor) as session:
        inspection = _load(session, inspection_id)
        if inspection.status not in EDITABLE_STATUSES:
            raise ValidationError(
                translate("Checklist", "This inspection is {status}: its answers can no longer change.").format(
                    status=status_label(inspection.status).lower()
                )
            )
        compiled, limit_sets, labels = _context(session, inspection)
        item = compiled.template.items.get(item_id)
        if item is None:
            raise NotFoundError(
                translate("Checklist", "The checklist {form} has no item {item}.").format(
                    form=compiled.template.id, item=item_id
                )
            )
        rows = _answers(session, inspection_id)
        row = rows.get(item_id)
        changes: list[Change] = []
        new_value = row.value if row is not None else None
        if value is not UNSET:
            new_value = normalise(item, value)
        answers = {k: r.value for k, r in rows.items()}
        answers[item_id] = new_value
        state = evaluate(compiled, answers, limit_sets, lambda p: labels.get(p, lang), lang)
        item_state = state.items[item_id]
        flags_json = [f.as_json() for f in item_state.flags]
        if row is None:
            if new_value is None and comment in (UNSET, None, ""):
                return AnswerResult(ChangeSet(), item, None, item_state.flags, None, item_state.relevant)
            row = Answer(
                inspection_id=inspection_id, item_id=item_id, value=new_value, unit=item.unit, flags=flags_json
            )
            session.add(row)
            session.flush()
            changes.append(Change("answers", row.id, "created"))
        else:
            fields: dict[str, tuple[Any, Any]] = {}
            if row.value != new_value:
                fields["value"] = (row.value, new_value)
                row.value = new_value
            if row.flags != flags_json:
                fields["flags"] = (row.flags, flags_json)
                row.flags = flags_json
            if comment is not UNSET and (row.comment or None) != (comment or None):
                fields["comment"] = (row.comment, comment or None)
            if fields:
                changes.append(Change("answers", row.id, "updated", fields))
        if comment is not UNSET:
            row.comment = (comment or "").strip()[:10_000] or None
        dependents: dict[str, list[Flag]] = {}
        for other_id in compiled.dependents(item_id):
            other = rows.get(other_id)
            if other is None or other_id == item_id:
                continue
            other_flags = [f.as_json() for f in state.items[other_id].flags]
            if other.flags != other_flags:
                other.flags = other_flags
                dependents[other_id] = state.items[other_id].flags
                changes.append(Change("answers", other.id, "updated", {"flags": ((), tuple(other_flags))}))
        return AnswerResult(
            ChangeSet(tuple(changes)),
            item,
            new_value,
            item_state.flags,
            item_state.proposal,
            item_state.relevant,
            dependents,
        )
