"""Local rows <-> wire records (:class:`fieldkit.sync.protocol.Record`), and applying pulled records.

The wire form of a row is its column dict minus the device-local columns (``dirty``, ``rev``,
``blob_synced``, ``thumbnail``) and ``id``; dates are ISO strings, a track carries its packed points.
Applying runs in a session opened ``store.write(actor, remote=True)``, so pulled rows arrive clean
(the audit hook leaves them alone) with the registry's ``rev``.

A pulled child whose parent has not arrived yet (pages are in revision order, and a parent edited
after its child comes later) is parked in ``sync_parked`` and applied when the parent comes: the
cursor can move on, nothing is lost, and foreign keys always hold.

A reference record (site, user, template, limit set, parameter) that matches a local row by natural
key under another id (a store made before ids were derived from natural keys) re-keys that row and
every column naming it in the same transaction, so the local inspections follow.
"""

from __future__ import annotations

import base64
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, delete, select, text, update
from sqlalchemy.orm import Session

from fieldkit.store.models import (
    Answer,
    Finding,
    Grievance,
    Inspection,
    LimitSetRecord,
    ParameterRecord,
    Photo,
    Review,
    Site,
    SyncMixin,
    SyncParked,
    Template,
    Track,
    TrackChunk,
    User,
    Waypoint,
)
from fieldkit.store.types import UTCDateTime, utcnow
from fieldkit.sync.protocol import ENTITIES, REFERENCE_ENTITIES, Record

MODELS: dict[str, type[SyncMixin]] = {
    "sites": Site,
    "users": User,
    "templates": Template,
    "limit_sets": LimitSetRecord,
    "parameters": ParameterRecord,
    "inspections": Inspection,
    "findings": Finding,
    "tracks": Track,
    "waypoints": Waypoint,
    "photos": Photo,
    "answers": Answer,
    "reviews": Review,
    "grievances": Grievance,
}
LOCAL_COLUMNS = frozenset({"id", "dirty", "rev", "blob_synced", "thumbnail"})
#: Columns that change with every save; two copies that differ only here hold the same content.
VOLATILE = frozenset({"created_at", "updated_at", "updated_by"})
#: Natural keys of the reference entities, for re-keying rows of old stores.
NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "sites": ("code",),
    "users": ("username",),
    "templates": ("form_id", "version"),
    "limit_sets": ("set_id",),
    "parameters": ("param_id",),
}
ORDER = {entity: n for n, entity in enumerate(ENTITIES)}


def _columns(model: type[SyncMixin]):
    return [c for c in model.__table__.columns if c.name not in LOCAL_COLUMNS]  # type: ignore[attr-defined]


def _to_wire(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _from_wire(column, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, UTCDateTime):
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00")) if isinstance(value, str) else value
        if parsed.tzinfo is None:
            from datetime import UTC

            parsed = parsed.replace(tzinfo=UTC)
        return parsed
    if isinstance(column.type, Date):
        return date.fromisoformat(value[:10]) if isinstance(value, str) else value
    return value


def row_data(session: Session, row: SyncMixin) -> dict[str, Any]:
    """The wire ``data`` of a local row (a track with its chunks)."""
    data = {c.name: _to_wire(getattr(row, c.key)) for c in _columns(type(row))}
    if isinstance(row, Track):
        chunks = session.scalars(
            select(TrackChunk).where(TrackChunk.track_id == row.id).order_by(TrackChunk.segment, TrackChunk.seq)
        )
        data["chunks"] = [
            {
                "segment": c.segment,
                "seq": c.seq,
                "point_count": c.point_count,
                "data": base64.b64encode(c.data).decode("ascii"),
            }
            for c in chunks
        ]
    return data


def content(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` without the columns every save changes: what a person would call the record."""
    return {k: v for k, v in data.items() if k not in VOLATILE}


def same_content(a: dict[str, Any], b: dict[str, Any]) -> bool:
    ca, cb = content(a), content(b)
    keys = set(ca) | set(cb)
    return all(_norm(ca.get(k)) == _norm(cb.get(k)) for k in keys)


def _norm(value: Any) -> Any:
    if isinstance(value, str) and len(value) >= 19 and value[10:11] == "T":
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# -- applying pulled records ------------------------------------------------------------------------


def _missing_parent(session: Session, record: Record, applied: set[tuple[str, str]]) -> bool:
    model = MODELS[record.entity]
    for column in model.__table__.columns:  # type: ignore[attr-defined]
        for fk in column.foreign_keys:
            value = record.data.get(column.name)
            if value is None or value == record.id:
                continue
            target = fk.column.table.name
            if (target, value) in applied:
                continue
            if session.get(MODELS[target], value) is None:
                return True
    return False


def rekey(session: Session, entity: str, record: Record) -> str | None:
    """Give the local row that matches ``record`` by natural key the record's id; returns the old id."""
    model = MODELS[entity]
    keys = NATURAL_KEYS[entity]
    if any(record.data.get(k) is None for k in keys):
        return None
    where = [getattr(model, k) == record.data[k] for k in keys]
    old = session.scalar(select(model.id).where(*where, model.id != record.id))
    if old is None or session.get(model, record.id) is not None:
        return None
    session.flush()
    # Deferred foreign keys (SQLite checks them at COMMIT): parent and children change in one go.
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    session.execute(update(model).where(model.id == old).values(id=record.id))
    refs = {
        "sites": [(Inspection.site_id, Inspection), (Grievance.site_id, Grievance)],
        "users": [(Inspection.inspector_id, Inspection)],
        "templates": [(Inspection.template_id, Inspection)],
    }.get(entity, [])
    for column, child in refs:
        # A changed reference is a local edit: the row goes (again) with the next push.
        session.execute(
            update(child).where(column == old).values({column.key: record.id, "updated_at": utcnow(), "dirty": True})
        )
    session.expire_all()
    return old


def apply_record(session: Session, record: Record) -> SyncMixin:
    """Insert, update or tombstone the local row of ``record`` (the caller decided it may)."""
    model = MODELS[record.entity]
    if record.entity in REFERENCE_ENTITIES:
        rekey(session, record.entity, record)
    row = session.get(model, record.id)
    if row is None:
        row = model(id=record.id)
        session.add(row)
    for column in _columns(model):
        if column.name in record.data:
            setattr(row, column.key, _from_wire(column, record.data[column.name]))
    if record.deleted and row.deleted_at is None:
        row.deleted_at = record.updated_at or row.updated_at
    if not record.deleted and "deleted_at" not in record.data:
        row.deleted_at = None
    if row.created_at is None:
        row.created_at = record.updated_at
    if row.updated_at is None:
        row.updated_at = record.updated_at
    row.rev = record.rev
    row.dirty = False
    if isinstance(row, Photo):
        row.blob_synced = True  # the registry holds what it serves
    session.flush()
    if isinstance(row, Track) and "chunks" in record.data:
        session.execute(delete(TrackChunk).where(TrackChunk.track_id == row.id))
        for c in record.data["chunks"] or []:
            session.add(
                TrackChunk(
                    track_id=row.id,
                    segment=int(c["segment"]),
                    seq=int(c["seq"]),
                    point_count=int(c["point_count"]),
                    data=base64.b64decode(c["data"]),
                )
            )
        session.flush()
    return row


def apply_with_parking(session: Session, records: list[Record], decide) -> tuple[int, int]:
    """Apply ``records`` plus those parked earlier, parents first; park the ones still orphaned.

    ``decide(session, record)`` returns True to apply the record (False: the caller kept it aside,
    e.g. as a conflict). Returns (applied, parked).
    """
    parked = {(p.entity, p.record_id): p for p in session.scalars(select(SyncParked))}
    pending: dict[tuple[str, str], Record] = {key: Record.model_validate(p.record) for key, p in parked.items()}
    for record in records:
        if record.entity not in MODELS:
            continue  # an entity a newer registry knows: skipped, not fatal
        key = (record.entity, record.id)
        if key not in pending or pending[key].rev <= record.rev:
            pending[key] = record
    queue = sorted(pending.values(), key=lambda r: (ORDER.get(r.entity, 99), r.rev))
    applied: set[tuple[str, str]] = set()
    wanted: set[tuple[str, str]] = set()
    count = 0
    progress = True
    while queue and progress:
        progress = False
        waiting = []
        for record in queue:
            key = (record.entity, record.id)
            if key not in wanted:
                if not decide(session, record):
                    progress = True  # skipped: held already, or kept aside as a conflict
                    continue
                wanted.add(key)
            if _missing_parent(session, record, applied):
                waiting.append(record)
                continue
            apply_record(session, record)
            count += 1
            applied.add(key)
            progress = True
        queue = waiting
    still = {(r.entity, r.id): r for r in queue}
    for key in parked.keys() - still.keys():
        session.execute(delete(SyncParked).where(SyncParked.entity == key[0], SyncParked.record_id == key[1]))
    for key, record in still.items():
        session.merge(
            SyncParked(entity=key[0], record_id=key[1], rev=record.rev, record=record.model_dump(mode="json"))
        )
    return count, len(still)
