"""What the sync state of this laptop is, cheaply (the app's status bar polls it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from fieldkit.store import Store
from fieldkit.store.models import SyncConflict, SyncIssue
from fieldkit.sync.outbox import outside_scope
from fieldkit.sync.protocol import FIELD_ENTITIES
from fieldkit.sync.records import MODELS


@dataclass(frozen=True)
class SyncStatus:
    server: str | None
    username: str | None
    last_sync_at: datetime | None
    pending: int
    """Local records not yet confirmed by the registry."""
    conflicts: int
    """Open conflicts, waiting for a person."""
    rejected: int
    """Changes the registry refused: not retried until edited again, except ``parent_missing`` (retried at
    every sync, and counted here until accepted); ``blob_missing`` (an upload under way) is not counted."""
    outside_scope: int = 0
    """Local records of sites this user may not sync (kept on the laptop, never sent)."""

    def as_json(self) -> dict:
        return {
            "server": self.server,
            "username": self.username,
            "last_sync_at": self.last_sync_at,
            "pending": self.pending,
            "conflicts": self.conflicts,
            "rejected": self.rejected,
            "outside_scope": self.outside_scope,
        }


def sync_status(store: Store) -> SyncStatus:
    meta = store.meta_items()
    user = meta.get("sync_user") or {}
    last = meta.get("last_sync_at")
    with store.read() as session:
        outside = outside_scope(session)
        pending = held = 0
        for entity in FIELD_ENTITIES:
            for row in session.scalars(select(MODELS[entity]).where(MODELS[entity].dirty.is_(True))):
                if outside(entity, row):
                    held += 1
                else:
                    pending += 1
        conflicts = session.scalar(select(func.count()).where(SyncConflict.resolved_at.is_(None))) or 0
        rejected = session.scalar(select(func.count()).where(SyncIssue.reason != "blob_missing")) or 0
    return SyncStatus(
        server=meta.get("sync_server"),
        username=user.get("username") if isinstance(user, dict) else None,
        last_sync_at=datetime.fromisoformat(last) if last else None,
        pending=pending,
        conflicts=conflicts,
        rejected=rejected,
        outside_scope=held,
    )
