"""Inspections: create, edit header fields (autosaved), change status, delete, list.

Every function takes the :class:`~fieldkit.store.Store` it works on and returns plain data (rows or a
:class:`ChangeSet`), never live ORM objects: callers may be other threads, the CLI or the UI.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldkit.errors import NotFoundError, ValidationError
from fieldkit.i18n import translate
from fieldkit.services.changes import Change, ChangeSet
from fieldkit.store import Store
from fieldkit.store.models import Inspection, Review, Site, Template, User
from fieldkit.store.types import as_utc, utcnow

#: Statuses in which the inspector may still edit the record.
EDITABLE_STATUSES = ("draft", "returned")

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
    camera_offset_s: float | None = None
    """Seconds added to the camera clock of this inspection's photos (see services.photos)."""

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
            camera_offset_s=i.camera_offset_s,
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
