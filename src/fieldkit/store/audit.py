"""Bookkeeping done at every flush: sync columns and the append-only audit trail.

Hooked to the write sessions of :class:`fieldkit.store.Store`, so that every code path that changes a
record through the ORM (services, importers, sync) gets it right without remembering to.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, sessionmaker

from fieldkit.store.models import AuditEvent, Inspection, SyncMixin
from fieldkit.store.types import new_id, utcnow

#: session.info key: the user name recorded as ``updated_by`` and audit actor.
ACTOR = "actor"
#: session.info key: set by sync while applying records the registry sent; they arrive clean.
REMOTE = "remote"


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _before_flush)


def _changed(obj: Any, attr: str) -> tuple[Any, Any] | None:
    hist = inspect(obj).attrs[attr].history
    if not hist.has_changes():
        return None
    old = hist.deleted[0] if hist.deleted else None
    new = hist.added[0] if hist.added else None
    return (old, new) if old != new else None


def _before_flush(session: Session, _flush_context: Any, _instances: Any) -> None:
    if session.info.get(REMOTE):
        return
    actor = session.info.get(ACTOR)
    now = utcnow()
    events: list[AuditEvent] = []

    for obj in list(session.new):
        if not isinstance(obj, SyncMixin):
            continue
        if obj.id is None:
            obj.id = new_id()
        obj.created_at = obj.created_at or now
        obj.updated_at = now
        obj.updated_by = actor
        obj.dirty = True
        detail = {"status": obj.status} if isinstance(obj, Inspection) else {}
        events.append(_event(obj, "create", actor, now, detail))

    for obj in list(session.dirty):
        if not isinstance(obj, SyncMixin) or not session.is_modified(obj, include_collections=False):
            continue
        obj.updated_at = now
        obj.updated_by = actor
        obj.dirty = True
        deleted = _changed(obj, "deleted_at")
        if deleted is not None:
            action = "delete" if deleted[1] is not None else "restore"
            events.append(_event(obj, action, actor, now, {}))
        if isinstance(obj, Inspection):
            status = _changed(obj, "status")
            if status is not None:
                events.append(_event(obj, "status", actor, now, {"from": status[0], "to": status[1]}))

    session.add_all(events)


def touched(actor: str | None) -> dict[str, Any]:
    """The sync columns of a row changed by a Core ``UPDATE`` (which bypasses the flush hook): the
    few write paths that update rows in bulk for speed set these with the new values."""
    return {"updated_at": utcnow(), "updated_by": actor, "dirty": True}


def _event(obj: SyncMixin, action: str, actor: str | None, now: Any, detail: dict[str, Any]) -> AuditEvent:
    return AuditEvent(
        id=new_id(),
        at=now,
        actor=actor,
        entity=obj.__tablename__,  # type: ignore[attr-defined]
        entity_id=obj.id,
        action=action,
        detail=detail,
    )
