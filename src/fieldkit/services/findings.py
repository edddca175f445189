"""Findings: what an inspection found, with the corrective action and who must do it by when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from fieldkit.errors import NotFoundError, ValidationError
from fieldkit.i18n import translate
from fieldkit.services.changes import Change, ChangeSet
from fieldkit.services.inspections import EDITABLE_STATUSES, _load
from fieldkit.store import Store
from fieldkit.store.models import SEVERITIES, Finding
from fieldkit.store.types import utcnow

FINDING_STATUSES = ("open", "closed")
_TEXT = {"title": 200, "description": 20_000, "corrective_action": 20_000, "responsible": 200}
EDITABLE = (*_TEXT, "severity", "due_date", "latitude", "longitude", "item_id", "status")


def severity_label(severity: str) -> str:
    return {
        "low": translate("Findings", "Low"),
        "medium": translate("Findings", "Medium"),
        "high": translate("Findings", "High"),
        "critical": translate("Findings", "Critical"),
    }.get(severity, severity)


@dataclass(frozen=True)
class FindingRow:
    id: str
    inspection_id: str
    item_id: str | None
    title: str
    severity: str
    description: str | None
    latitude: float | None
    longitude: float | None
    corrective_action: str | None
    responsible: str | None
    due_date: date | None
    status: str
    created_at: datetime
    updated_at: datetime

    @property
    def overdue(self) -> bool:
        return self.status == "open" and self.due_date is not None and self.due_date < date.today()


def _row(f: Finding) -> FindingRow:
    return FindingRow(
        f.id,
        f.inspection_id,
        f.item_id,
        f.title,
        f.severity,
        f.description,
        f.latitude,
        f.longitude,
        f.corrective_action,
        f.responsible,
        f.due_date,
        f.status,
        f.created_at,
        f.updated_at,
    )


def _clean(field: str, value: Any) -> Any:
    if field in _TEXT:
        if value is None:
            return None
        if not isinstance(value, str):
            raise ValidationError(translate("Findings", "{field} must be text.").format(field=field))
        value = value.strip()
        if len(value) > _TEXT[field]:
            raise ValidationError(
                translate("Findings", "{field} is longer than {limit} characters.").format(
                    field=field, limit=_TEXT[field]
                )
            )
        if field == "title" and not value:
            raise ValidationError(translate("Findings", "A finding needs a title."))
        return value or None
    if field == "severity":
        if value not in SEVERITIES:
            raise ValidationError(
                translate("Findings", "Severity must be one of {values}.").format(
                    values=", ".join(severity_label(v) for v in SEVERITIES)
                )
            )
        return value
    if field == "status":
        if value not in FINDING_STATUSES:
            raise ValidationError(translate("Findings", "A finding is open or closed."))
        return value
    if field == "due_date":
        if value is None or isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise ValidationError(translate("Findings", "The due date must be YYYY-MM-DD.")) from None
    if field in ("latitude", "longitude"):
        if value is None:
            return None
        number = float(value)
        bound = 90 if field == "latitude" else 180
        if not -bound <= number <= bound:
            raise ValidationError(translate("Findings", "The position is outside the globe."))
        return number
    if field == "item_id":
        return value or None
    raise ValidationError(translate("Findings", "{field} cannot be edited.").format(field=field))


def create_finding(store: Store, inspection_id: str, *, actor: str | None = None, **fields: Any) -> ChangeSet:
    values = {k: _clean(k, v) for k, v in fields.items()}
    if not values.get("title"):
        raise ValidationError(translate("Findings", "A finding needs a title."))
    with store.write(actor) as session:
        inspection = _load(session, inspection_id)
        if inspection.status not in EDITABLE_STATUSES:
            raise ValidationError(translate("Findings", "Findings can only be added while the inspection is editable."))
        finding = Finding(inspection_id=inspection_id, status=values.pop("status", "open"), **values)
        session.add(finding)
        session.flush()
        return ChangeSet((Change("findings", finding.id, "created"),))


def _get(session, finding_id: str) -> Finding:
    finding = session.get(Finding, finding_id)
    if finding is None or finding.deleted_at is not None:
        raise NotFoundError(translate("Findings", "No finding with id {id}.").format(id=finding_id))
    return finding


def update_finding(store: Store, finding_id: str, *, actor: str | None = None, **fields: Any) -> ChangeSet:
    """Edit a finding. Its content is editable with its inspection; its status (open/closed) always is,
    because corrective actions are closed long after the inspection was approved."""
    values = {k: _clean(k, v) for k, v in fields.items()}
    with store.write(actor) as session:
        finding = _get(session, finding_id)
        inspection = _load(session, finding.inspection_id)
        if set(values) - {"status"} and inspection.status not in EDITABLE_STATUSES:
            raise ValidationError(
                translate("Findings", "This finding belongs to an inspection that is no longer editable.")
            )
        changed = {}
        for name, value in values.items():
            if getattr(finding, name) != value:
                changed[name] = (getattr(finding, name), value)
                setattr(finding, name, value)
        return ChangeSet((Change("findings", finding_id, "updated", changed),)) if changed else ChangeSet()


def delete_finding(store: Store, finding_id: str, *, actor: str | None = None) -> ChangeSet:
    with store.write(actor) as session:
        finding = _get(session, finding_id)
        if _load(session, finding.inspection_id).status not in EDITABLE_STATUSES:
            raise ValidationError(
                translate("Findings", "This finding belongs to an inspection that is no longer editable.")
            )
        finding.deleted_at = utcnow()
        return ChangeSet((Change("findings", finding_id, "deleted"),))


def list_findings(store: Store, inspection_id: str | None = None, status: str | None = None) -> list[FindingRow]:
    order = {s: i for i, s in enumerate(reversed(SEVERITIES))}
    stmt = select(Finding).where(Finding.deleted_at.is_(None))
    if inspection_id:
        stmt = stmt.where(Finding.inspection_id == inspection_id)
    if status:
        stmt = stmt.where(Finding.status == status)
    with store.read() as session:
        rows = [_row(f) for f in session.scalars(stmt)]
    return sorted(rows, key=lambda f: (order.get(f.severity, 9), f.created_at))
