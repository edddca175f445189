"""Answering checklist items (the autosaved write path), and a checklist's state and problems.

``answer_item`` is what the entry form calls on every change: one write transaction that checks and
normalises the value, evaluates it against its constraint and the site's limits, stores it with its
flags, and refreshes the flags of items that depend on it (a changed discharge route changes which
limits apply to every reading).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, select, update
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
from fieldkit.store.audit import ACTOR, touched
from fieldkit.store.models import Answer, Inspection, Site

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
    state: ChecklistState | None = None
    """The whole checklist as evaluated with this answer (saves the caller a second read)."""

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


@dataclass(frozen=True)
class _Row:
    """An answer as read for evaluation (plain values, not an ORM object: the write path is hot)."""

    id: str
    value: Any
    flags: list[Any]
    comment: str | None


# The hot path's statements are built once: constructing SQLAlchemy statements per call cost
# more than running them (profiled on the answer write path).
_CONTEXT = (
    select(Inspection.status, Inspection.template_id, Inspection.deleted_at, Site.limit_sets)
    .join(Site, Site.id == Inspection.site_id)
    .where(Inspection.id == bindparam("inspection_id"))
)
_ANSWERS = select(Answer.item_id, Answer.id, Answer.value, Answer.flags, Answer.comment).where(
    Answer.inspection_id == bindparam("inspection_id"), Answer.deleted_at.is_(None)
)


def _context(session: Session, inspection_id: str) -> tuple[str, CompiledTemplate, list[LimitSet], Any]:
    """Status, compiled template, the site's limit sets and parameter labels, in a few small queries."""
    row = session.connection().execute(_CONTEXT, {"inspection_id": inspection_id}).one_or_none()
    if row is None or row.deleted_at is not None:
        raise NotFoundError(translate("Inspections", "No inspection with id {id}.").format(id=inspection_id))
    if row.template_id is None:
        raise ValidationError(translate("Checklist", "This inspection has no checklist."))
    compiled = compiled_template(session, row.template_id)
    limit_sets = limit_sets_for(session, list(row.limit_sets or []))
    return row.status, compiled, limit_sets, parameter_labels(session)


def _answers(session: Session, inspection_id: str) -> dict[str, _Row]:
    rows = session.connection().execute(_ANSWERS, {"inspection_id": inspection_id})
    return {r.item_id: _Row(r.id, r.value, r.flags, r.comment) for r in rows}


def load_checklist(store: Store, inspection_id: str, lang: str = "en") -> Checklist:
    with store.read() as session:
        status, compiled, limit_sets, labels = _context(session, inspection_id)
        rows = _answers(session, inspection_id)
        state = evaluate(
            compiled,
            {k: r.value for k, r in rows.items()},
            limit_sets,
            lambda p: labels.get(p, lang),
            lang,
        )
        comments = {k: r.comment for k, r in rows.items() if r.comment}
        return Checklist(inspection_id, compiled, state, comments, status in EDITABLE_STATUSES)


def submission_problems(store: Store, inspection_id: str, lang: str = "en") -> list[ChecklistProblem]:
    with store.read() as session:
        inspection = _load(session, inspection_id)
        if inspection.template_id is None:
            return []
        return problems_in(session, inspection, lang)


def problems_in(session: Session, inspection: Inspection, lang: str = "en") -> list[ChecklistProblem]:
    _status, compiled, limit_sets, labels = _context(session, inspection.id)
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
        status, compiled, limit_sets, labels = _context(session, inspection_id)
        if status not in EDITABLE_STATUSES:
            raise ValidationError(
                translate("Checklist", "This inspection is {status}: its answers can no longer change.").format(
                    status=status_label(status).lower()
                )
            )
        item = compiled.template.items.get(item_id)
        if item is None:
            raise NotFoundError(
                translate("Checklist", "The checklist {form} has no item {item}.").format(
                    form=compiled.template.id, item=item_id
                )
            )
        rows = _answers(session, inspection_id)
        row = rows.get(item_id)
        new_value = row.value if row is not None else None
        if value is not UNSET:
            new_value = normalise(item, value)
        new_comment = row.comment if row is not None else None
        if comment is not UNSET:
            new_comment = (comment or "").strip()[:10_000] or None
        answers = {k: r.value for k, r in rows.items()}
        answers[item_id] = new_value
        state = evaluate(compiled, answers, limit_sets, lambda p: labels.get(p, lang), lang)
        item_state = state.items[item_id]
        who = session.info.get(ACTOR)
        changes: list[Change] = []

        def store_row(target_id: str, current: _Row | None, fields: dict[str, Any]) -> None:
            # Creating goes through the ORM (the flush hook audits it); updating is one UPDATE with
            # the sync columns set explicitly, which keeps this path within a few milliseconds.
            if current is None:
                created = Answer(inspection_id=inspection_id, item_id=target_id, **fields)
                session.add(created)
                session.flush()
                changes.append(Change("answers", created.id, "created"))
                return
            changed = {k: (getattr(current, k), v) for k, v in fields.items() if getattr(current, k, v) != v}
            if changed:
                session.execute(update(Answer).where(Answer.id == current.id).values(**fields, **touched(who)))
                changes.append(Change("answers", current.id, "updated", changed))

        flags_json = [f.as_json() for f in item_state.flags]
        if row is not None or new_value is not None or new_comment is not None:
            store_row(
                item_id,
                row,
                {"value": new_value, "flags": flags_json, "comment": new_comment}
                | ({"unit": item.unit} if row is None else {}),
            )
        dependents: dict[str, list[Flag]] = {}
        for other_id in compiled.dependents(item_id):
            if other_id == item_id:
                continue
            other_state = state.items[other_id]
            other = rows.get(other_id)
            computed = other_state.item.type == "calculate"
            fields = {"flags": [f.as_json() for f in other_state.flags]}
            if computed:
                # Calculated values are stored like answers, so that reports and the registry see them.
                fields["value"] = other_state.value
            elif other is None:
                continue
            if other is None and other_state.value is None:
                continue
            if other is None:
                fields["unit"] = other_state.item.unit
            before = len(changes)
            store_row(other_id, other, fields)
            if len(changes) > before:
                dependents[other_id] = other_state.flags
        return AnswerResult(
            ChangeSet(tuple(changes)),
            item,
            new_value,
            item_state.flags,
            item_state.proposal,
            item_state.relevant,
            dependents,
            state,
        )
