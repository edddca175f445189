"""Conflicts kept by sync, listed for a person and resolved by their choice.

Keeping "mine" makes the local edit a new edit on top of the registry's copy (its revision becomes
the base), so the next sync sends it and the registry accepts it; keeping "theirs" applies the
registry's copy locally. Either way the conflict row stays, marked resolved, as a record of the choice.

Reference records (sites, users, forms, limit sets, parameters) are published by the registry and never
pushed: keeping "mine" for one keeps the local edit on this laptop only (:func:`keep_mine_note` says so
to the person), and the registry's next change to it opens a new conflict.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import select

from fieldkit.errors import NotFoundError, ValidationError
from fieldkit.i18n import translate
from fieldkit.services.changes import Change, ChangeSet
from fieldkit.store import Store
from fieldkit.store.models import SyncConflict
from fieldkit.store.types import utcnow
from fieldkit.sync.protocol import REFERENCE_ENTITIES, Record
from fieldkit.sync.records import MODELS, apply_record


@dataclass(frozen=True)
class ConflictRow:
    id: str
    entity: str
    record_id: str
    label: str
    local: dict
    remote: dict
    remote_rev: int
    remote_by: str | None
    detected_at: datetime

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "entity": self.entity,
            "record_id": self.record_id,
            "label": self.label,
            "local": self.local,
            "remote": self.remote,
            "remote_rev": self.remote_rev,
            "remote_by": self.remote_by,
            "detected_at": self.detected_at,
        }


def _label(entity: str, data: dict) -> str:
    for key in ("title", "name", "original_name", "item_id", "description"):
        value = data.get(key)
        if value:
            return f"{entity}: {str(value)[:80]}"
    return entity


def list_conflicts(store: Store) -> list[ConflictRow]:
    """Open conflicts, oldest first."""
    with store.read() as session:
        rows = session.scalars(
            select(SyncConflict).where(SyncConflict.resolved_at.is_(None)).order_by(SyncConflict.detected_at)
        ).all()
        return [
            ConflictRow(
                id=c.id,
                entity=c.entity,
                record_id=c.record_id,
                label=_label(c.entity, c.local_data or {}),
                local=dict(c.local_data or {}),
                remote=dict((c.remote or {}).get("data") or {}),
                remote_rev=c.remote_rev,
                remote_by=(c.remote or {}).get("updated_by"),
                detected_at=c.detected_at,
            )
            for c in rows
        ]


def keep_mine_note(entity: str) -> str:
    """What keeping "mine" means for ``entity``: empty for field records (sent next sync); for reference
    records a sentence saying the edit stays on this laptop (the registry is not told)."""
    if entity not in REFERENCE_ENTITIES:
        return ""
    return translate(
        "Sync",
        "Sites, users and forms are published by the registry and never sent from a laptop: keeping yours "
        "keeps it on this laptop only. Ask the registry's administrator to make the change there.",
    )


def resolve_conflict(store: Store, conflict_id: str, keep: Literal["mine", "theirs"]) -> ChangeSet:
    if keep not in ("mine", "theirs"):
        raise ValidationError(translate("Sync", "Keep 'mine' or 'theirs'."))
    with store.read() as session:
        found = session.get(SyncConflict, conflict_id)
        if found is None:
            matches = session.scalars(
                select(SyncConflict).where(
                    SyncConflict.id.startswith(conflict_id.lower()), SyncConflict.resolved_at.is_(None)
                )
            ).all()
            found = matches[0] if len(matches) == 1 else None
        if found is None or found.resolved_at is not None:
            raise NotFoundError(translate("Sync", "No open conflict {id}.").format(id=conflict_id))
        conflict_id, entity, record_id = found.id, found.entity, found.record_id
        remote = Record.model_validate(found.remote)
    model = MODELS[entity]
    if keep == "theirs":
        with store.write(remote=True) as session:
            apply_record(session, remote)
            _close(session, conflict_id, keep)
    else:
        with store.write() as session:
            row = session.get(model, record_id)
            # The edit now stands on the registry's copy: sent, and accepted, next sync. A reference record
            # is never sent: it stays dirty, as this laptop's own copy, until the registry changes it again.
            row.rev = remote.rev
            _close(session, conflict_id, keep)
    return ChangeSet((Change(entity, record_id, "updated"),))


def _close(session, conflict_id: str, keep: str) -> None:
    conflict = session.get(SyncConflict, conflict_id)
    conflict.resolved_at = utcnow()
    conflict.resolution = keep
