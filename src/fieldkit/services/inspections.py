"""Inspections: create, edit header fields (autosaved), change status, delete, list.

Every function takes the :class:`~fieldkit.store.Store` it works on and returns plain data (rows or a
:class:`ChangeSet`), never live ORM objects: callers may be other threads, the CLI or the UI.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal, or_, select, tuple_
from sqlalchemy.orm import Session, aliased

from fieldkit.errors import NotFoundError, ValidationError
from fieldkit.i18n import translate
from fieldkit.services.changes import Change, ChangeSet
from fieldkit.store import Store
from fieldkit.store.models import INSPECTION_STATUSES, Inspection, Review, Site, Template, User
from fieldkit.store.types import as_utc, utcnow


class SubmissionBlocked(ValidationError):
    """The checklist has required items unanswered or answers that fail their checks."""

    def __init__(self, problems: list[Any]) -> None:
        self.problems = problems
        lines = [f"- {p.label}: {p.message}" for p in problems[:10]]
        if len(problems) > 10:
            lines.append(translate("Inspections", "… and {count} more").format(count=len(problems) - 10))
        super().__init__(
            translate("Inspections", "The inspection cannot be submitted yet ({count} problems):").format(
                count=len(problems)
            )
            + "\n"
            + "\n".join(lines)
        )


#: Status changes a person may make: from -> allowed targets.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "draft": ("submitted",),
    "submitted": ("approved", "returned"),
    "returned": ("submitted",),
    "approved": (),
}
#: Statuses in which the inspector may still edit the record.
EDITABLE_STATUSES = ("draft", "returned")
REVIEWER_ROLES = ("supervisor", "admin")

_TEXT_LIMITS = {"title": 200, "weather": 200, "notes": 20_000}
_TIME_FIELDS = ("planned_at", "started_at", "finished_at")
EDITABLE_FIELDS = (*_TEXT_LIMITS, *_TIME_FIELDS, "temperature_c", "inspector_id", "template_id")


def status_label(status: str) -> str:
    labels = {
        "draft": translate("Status", "Draft"),
        "submitted": translate("Status", "Submitted"),
        "approved": translate("Status", "Approved"),
        "returned": translate("Status", "Returned"),
    }
    return labels.get(status, status)


@dataclass(frozen=True)
class InspectionRow:
    """One line of an inspection list."""

    id: str
    site_id: str
    site_code: str
    site_name: str
    status: str
    title: str | None
    planned_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None
    inspector: str | None
    inspector_username: str | None
    template: str | None
    template_version: str | None
    updated_at: datetime
    dirty: bool
    sort_value: Any = None

    def as_json(self) -> dict[str, Any]:
        def iso(value: datetime | None) -> str | None:
            return None if value is None else value.isoformat().replace("+00:00", "Z")

        return {
            "id": self.id,
            "site_code": self.site_code,
            "site_name": self.site_name,
            "status": self.status,
            "title": self.title,
            "planned_at": iso(self.planned_at),
            "started_at": iso(self.started_at),
            "finished_at": iso(self.finished_at),
            "inspector": self.inspector,
            "inspector_username": self.inspector_username,
            "template": self.template,
            "template_version": self.template_version,
            "updated_at": iso(self.updated_at),
            "synced": not self.dirty,
        }


@dataclass(frozen=True)
class InspectionQuery:
    """Which inspections a list shows, in which order."""

    site_id: str | None = None
    status: str | None = None
    text: str = ""
    sort: str = "date"
    """``date`` (started, else planned, else created), ``site``, ``status`` or ``inspector``."""
    descending: bool = True
    dirty: bool | None = None
    """Only records changed on this device and not yet synced (``True``), or only synced ones."""


@dataclass(frozen=True)
class PageKey:
    """Where the next page starts: the sort value and id of the last row shown (keyed paging)."""

    value: Any
    id: str


@dataclass(frozen=True)
class Page:
    rows: list[InspectionRow]
    next: PageKey | None


_Inspector = aliased(User)


def _sort_column(sort: str) -> ColumnElement[Any]:
    columns: dict[str, ColumnElement[Any]] = {
        "date": func.coalesce(Inspection.started_at, Inspection.planned_at, Inspection.created_at),
        "site": Site.name,
        "status": Inspection.status,
        "inspector": func.coalesce(_Inspector.display_name, ""),
    }
    try:
        return columns[sort]
    except KeyError:
        raise ValidationError(translate("Inspections", "Unknown sort order {sort!r}.").format(sort=sort)) from None


def _list_select(query: InspectionQuery) -> tuple[Select[Any], ColumnElement[Any]]:
    sort_col = _sort_column(query.sort)
    stmt = (
        select(
            Inspection.id,
            Inspection.site_id,
            Site.code,
            Site.name,
            Inspection.status,
            Inspection.title,
            Inspection.planned_at,
            Inspection.started_at,
            Inspection.finished_at,
            _Inspector.display_name,
            _Inspector.username,
            Template.title,
            Template.version,
            Inspection.updated_at,
            Inspection.dirty,
            sort_col.label("sort_value"),
        )
        .join(Site, Site.id == Inspection.site_id)
        .outerjoin(_Inspector, _Inspector.id == Inspection.inspector_id)
        .outerjoin(Template, Template.id == Inspection.template_id)
        .where(Inspection.deleted_at.is_(None))
    )
    if query.site_id:
        stmt = stmt.where(Inspection.site_id == query.site_id)
    if query.status:
        stmt = stmt.where(Inspection.status == query.status)
    if query.dirty is not None:
        stmt = stmt.where(Inspection.dirty.is_(query.dirty))
    text = query.text.strip()
    if text:
        stmt = stmt.where(
            or_(
                *(
                    col.icontains(text, autoescape=True)
                    for col in (
                        Site.name,
                        Site.code,
                        Inspection.title,
                        Inspection.status,
                        Inspection.weather,
                        _Inspector.display_name,
                        _Inspector.username,
                        Template.title,
                    )
                )
            )
        )
    return stmt, sort_col


def list_inspections(
    store: Store, query: InspectionQuery | None = None, after: PageKey | None = None, limit: int = 256
) -> Page:
    """A page of inspections in ``query`` order, starting after ``after`` (keyed, not OFFSET)."""
    query = query or InspectionQuery()
    stmt, sort_col = _list_select(query)
    direction = "desc" if query.descending else "asc"
    order = (getattr(sort_col, direction)(), getattr(Inspection.id, direction)())
    if after is not None:
        key = tuple_(sort_col, Inspection.id)
        bound = tuple_(literal(after.value, sort_col.type), literal(after.id))
        stmt = stmt.where(key < bound if query.descending else key > bound)
    stmt = stmt.order_by(*order).limit(limit + 1)
    with store.read() as session:
        result = session.execute(stmt).all()
    rows = [InspectionRow(*r) for r in result[:limit]]
    more = len(result) > limit
    next_key = PageKey(rows[-1].sort_value, rows[-1].id) if more and rows else None
    return Page(rows, next_key)


def count_inspections(store: Store, query: InspectionQuery | None = None) -> int:
    stmt, _ = _list_select(query or InspectionQuery())
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(stmt.subquery())) or 0


def all_inspections(store: Store, query: InspectionQuery | None = None) -> list[InspectionRow]:
    rows: list[InspectionRow] = []
    after = None
    while True:
        page = list_inspections(store, query, after, limit=1000)
        rows.extend(page.rows)
        if page.next is None:
            return rows
        after = page.next


@dataclass(frozen=True)
class ReviewRow:
    reviewer: str
    reviewer_name: str
    decision: str
    comment: str | None
    reviewed_at: datetime


@dataclass(frozen=True)
class InspectionDetail:
    """An inspection's header fields, for its view."""

    id: str
    site_id: str
    site_code: str
    site_name: str
    template_id: str | None
    template: str | None
    inspector_id: str | None
    inspector: str | None
    title: str | None
    status: str
    planned_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None
    weather: str | None
    temperature_c: float | None
    notes: str | None
    created_at: datetime
    updated_at: datetime
    updated_by: str | None
    dirty: bool
    reviews: tuple[ReviewRow, ...] = ()

    @property
    def last_review(self) -> ReviewRow | None:
        return self.reviews[-1] if self.reviews else None

    @property
    def editable(self) -> bool:
        return self.status in EDITABLE_STATUSES


def _load(session: Session, inspection_id: str) -> Inspection:
    inspection = session.get(Inspection, inspection_id)
    if inspection is None or inspection.deleted_at is not None:
        raise NotFoundError(translate("Inspections", "No inspection with id {id}.").format(id=inspection_id))
    return inspection


def get_inspection(store: Store, inspection_id: str) -> InspectionDetail:
    with store.read() as session:
        i = _load(session, inspection_id)
        template = f"{i.template.title} ({i.template.version})" if i.template else None
        return InspectionDetail(
            id=i.id,
            site_id=i.site_id,
            site_code=i.site.code,
            site_name=i.site.name,
            template_id=i.template_id,
            template=template,
            inspector_id=i.inspector_id,
            inspector=i.inspector.display_name if i.inspector else None,
            title=i.title,
            status=i.status,
            planned_at=i.planned_at,
            started_at=i.started_at,
            finished_at=i.finished_at,
            weather=i.weather,
            temperature_c=i.temperature_c,
            notes=i.notes,
            created_at=i.created_at,
            updated_at=i.updated_at,
            updated_by=i.updated_by,
            dirty=i.dirty,
            reviews=_reviews(session, i.id),
        )


def _reviews(session: Session, inspection_id: str) -> tuple[ReviewRow, ...]:
    stmt = (
        select(Review, User.display_name)
        .outerjoin(User, User.username == Review.reviewer)
        .where(Review.inspection_id == inspection_id, Review.deleted_at.is_(None))
        .order_by(Review.reviewed_at)
    )
    return tuple(
        ReviewRow(r.reviewer, name or r.reviewer, r.decision, r.comment, r.reviewed_at)
        for r, name in session.execute(stmt)
    )


# -- changes -------------------------------------------------------------------------------------


def field_label(field: str) -> str:
    """The name of a header field as the user sees it."""
    labels = {
        "title": translate("Inspections", "Title"),
        "weather": translate("Inspections", "Weather"),
        "notes": translate("Inspections", "Notes"),
        "planned_at": translate("Inspections", "Planned time"),
        "started_at": translate("Inspections", "Start time"),
        "finished_at": translate("Inspections", "Finish time"),
        "temperature_c": translate("Inspections", "Temperature"),
        "inspector_id": translate("Inspections", "Inspector"),
        "template_id": translate("Inspections", "Checklist"),
        "site_id": translate("Inspections", "Site"),
    }
    return labels.get(field, field)


def _clean(field: str, value: Any) -> Any:
    """Check and normalise one header field; raise :class:`ValidationError` for a value that does not fit."""
    if field in _TEXT_LIMITS:
        if value is None:
            return None
        if not isinstance(value, str):
            raise ValidationError(translate("Inspections", "{field} must be text.").format(field=field_label(field)))
        value = value.strip()
        if len(value) > _TEXT_LIMITS[field]:
            raise ValidationError(
                translate("Inspections", "{field} is longer than {limit} characters.").format(
                    field=field_label(field), limit=_TEXT_LIMITS[field]
                )
            )
        return value or None
    if field in _TIME_FIELDS:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValidationError(
                translate("Inspections", "{field} must be a date and time with a time zone.").format(
                    field=field_label(field)
                )
            )
        return as_utc(value)
    if field == "temperature_c":
        if value is None:
            return None
        try:
            value = float(value)
        except (TypeError, ValueError):
            raise ValidationError(translate("Inspections", "The temperature must be a number.")) from None
        if not -60.0 <= value <= 70.0:
            raise ValidationError(
                translate("Inspections", "A temperature of {value} °C is outside -60 to 70 °C.").format(value=value)
            )
        return value
    if field in ("inspector_id", "template_id"):
        return value or None
    raise ValidationError(translate("Inspections", "{field} cannot be edited.").format(field=field_label(field)))


def _check_refs(session: Session, values: dict[str, Any]) -> None:
    for field, model in (("inspector_id", User), ("template_id", Template), ("site_id", Site)):
        ref = values.get(field)
        if ref is None:
            continue
        row = session.get(model, ref)
        if row is None or row.deleted_at is not None:
            raise NotFoundError(
                translate("Inspections", "Unknown {field}: {value}.").format(field=field_label(field), value=ref)
            )
    start, end = values.get("started_at"), values.get("finished_at")
    if start is not None and end is not None and end < start:
        raise ValidationError(translate("Inspections", "The inspection cannot finish before it started."))


def create_inspection(
    store: Store,
    site_id: str,
    *,
    template_id: str | None = None,
    inspector_id: str | None = None,
    actor: str | None = None,
    **fields: Any,
) -> ChangeSet:
    """Create a draft inspection at ``site_id``; ``fields`` are header fields (see ``EDITABLE_FIELDS``).

    The inspector defaults to the device's current user. Returns a change set whose ``created_id``
    is the new inspection's id.
    """
    values = {name: _clean(name, value) for name, value in fields.items()}
    values["template_id"] = template_id
    with store.write(actor) as session:
        if inspector_id is None:
            me = session.scalar(select(User).where(User.username == (actor or store.current_user)))
            inspector_id = me.id if me is not None else None
        values["inspector_id"] = inspector_id
        _check_refs(session, {**values, "site_id": site_id})
        inspection = Inspection(site_id=site_id, status="draft", **values)
        session.add(inspection)
        session.flush()
        return ChangeSet((Change("inspections", inspection.id, "created"),))


def update_inspection(store: Store, inspection_id: str, actor: str | None = None, **fields: Any) -> ChangeSet:
    """Change header fields of an editable inspection; only fields whose value differs are written."""
    values = {name: _clean(name, value) for name, value in fields.items()}
    with store.write(actor) as session:
        inspection = _load(session, inspection_id)
        if inspection.status not in EDITABLE_STATUSES:
            raise ValidationError(
                translate(
                    "Inspections",
                    "This inspection is {status}: it can only be edited while it is a draft or "
                    "after a supervisor returned it.",
                ).format(status=status_label(inspection.status).lower())
            )
        merged = {f: getattr(inspection, f) for f in ("started_at", "finished_at")} | values
        _check_refs(session, merged)
        changed: dict[str, tuple[Any, Any]] = {}
        for name, value in values.items():
            old = getattr(inspection, name)
            if old != value:
                setattr(inspection, name, value)
                changed[name] = (old, value)
        if not changed:
            return ChangeSet()
        return ChangeSet((Change("inspections", inspection_id, "updated", changed),))


def _user(session: Session, username: str | None) -> User | None:
    if username is None:
        return None
    return session.scalar(select(User).where(User.username == username))


def set_status(
    store: Store, inspection_id: str, status: str, *, comment: str | None = None, actor: str | None = None
) -> ChangeSet:
    """Move an inspection along its workflow (draft → submitted → approved | returned → submitted).

    Approving and returning are a reviewer's decisions: they need a supervisor or admin as the
    actor (when the actor is a known user) and are recorded as a :class:`Review`; returning needs
    a comment saying what to correct.
    """
    if status not in INSPECTION_STATUSES:
        raise ValidationError(translate("Inspections", "Unknown status {status!r}.").format(status=status))
    with store.write(actor) as session:
        return apply_status(session, _load(session, inspection_id), status, comment, actor or store.current_user)


def apply_status(
    session: Session,
    inspection: Inspection,
    status: str,
    comment: str | None,
    who: str | None,
    at: datetime | None = None,
    check_checklist: bool = True,
) -> ChangeSet:
    """:func:`set_status` inside an open write session (for callers that batch several changes).

    ``at`` is when the decision was made (default: now); records imported from paper use it.
    """
    old = inspection.status
    if status not in TRANSITIONS[old]:
        raise ValidationError(
            translate("Inspections", "An inspection that is {old} cannot become {new}.").format(
                old=status_label(old).lower(), new=status_label(status).lower()
            )
        )
    if status == "submitted" and inspection.template_id is not None and check_checklist:
        from fieldkit.services.checklists import problems_in

        problems = problems_in(session, inspection)
        if problems:
            raise SubmissionBlocked(problems)
    changes = [Change("inspections", inspection.id, "status", {"status": (old, status)})]
    if status in ("approved", "returned"):
        user = _user(session, who)
        if user is not None and user.role not in REVIEWER_ROLES:
            raise ValidationError(translate("Inspections", "Only a supervisor can approve or return an inspection."))
        if status == "returned" and not (comment or "").strip():
            raise ValidationError(translate("Inspections", "Say what must be corrected when returning an inspection."))
        review = Review(
            inspection_id=inspection.id,
            reviewer=who or "",
            decision=status,
            comment=(comment or "").strip() or None,
            reviewed_at=at or utcnow(),
        )
        session.add(review)
        session.flush()
        changes.append(Change("reviews", review.id, "created"))
    if status == "submitted" and inspection.finished_at is None:
        inspection.finished_at = at or utcnow()
        changes[0].fields["finished_at"] = (None, inspection.finished_at)
    inspection.status = status
    session.flush()
    return ChangeSet(tuple(changes))


def delete_inspection(store: Store, inspection_id: str, actor: str | None = None) -> ChangeSet:
    """Delete an inspection as a tombstone (kept until the registry acknowledges the deletion)."""
    with store.write(actor) as session:
        inspection = _load(session, inspection_id)
        if inspection.status == "approved":
            raise ValidationError(translate("Inspections", "An approved inspection cannot be deleted."))
        inspection.deleted_at = utcnow()
        return ChangeSet((Change("inspections", inspection_id, "deleted"),))


def restore_inspection(store: Store, inspection_id: str, actor: str | None = None) -> ChangeSet:
    """Undo :func:`delete_inspection` (possible until the tombstone has been synced and purged)."""
    with store.write(actor) as session:
        inspection = session.get(Inspection, inspection_id)
        if inspection is None:
            raise NotFoundError(translate("Inspections", "No inspection with id {id}.").format(id=inspection_id))
        if inspection.deleted_at is None:
            return ChangeSet()
        inspection.deleted_at = None
        return ChangeSet((Change("inspections", inspection_id, "restored"),))


def audit_trail(store: Store, inspection_id: str) -> list[dict[str, Any]]:
    """The audit events of one inspection, oldest first."""
    from fieldkit.store.models import AuditEvent

    with store.read() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.entity_id == inspection_id).order_by(AuditEvent.seq)
        ).all()
        return [{"at": e.at, "actor": e.actor, "action": e.action, "detail": dict(e.detail)} for e in events]


__all__ = [
    "EDITABLE_FIELDS",
    "InspectionDetail",
    "InspectionQuery",
    "InspectionRow",
    "Page",
    "PageKey",
    "count_inspections",
    "create_inspection",
    "delete_inspection",
    "get_inspection",
    "list_inspections",
    "restore_inspection",
    "set_status",
    "update_inspection",
]
