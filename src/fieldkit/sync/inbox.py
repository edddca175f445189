"""Applying pulled pages (shared by the HTTP sync and reply bundles).

A page and the cursor it earns are stored in ONE transaction, so a sync cut anywhere resumes at the
first page not stored, and applying a page twice changes nothing (a record at or below the local
revision is skipped). A pulled record never overwrites a local edit the registry has not confirmed:
it becomes a conflict that a person resolves (unless both say the same); reference records too, though
they are never pushed (see ``_decide``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from fieldkit.store import Store
from fieldkit.store.models import LocalMeta
from fieldkit.sync.outbox import SCOPE_KEY, open_conflict
from fieldkit.sync.protocol import REFERENCE_ENTITIES, PullPage, Record
from fieldkit.sync.records import MODELS, apply_with_parking, row_data, same_content

CURSOR_KEY = "sync_cursor"


@dataclass
class PageResult:
    applied: int = 0
    conflicts: int = 0
    parked: int = 0


def cursor_state(store: Store) -> dict[str, Any]:
    """``{"cursor": int, "scope": [site ids] | None}`` as last stored."""
    state = store.get_meta(CURSOR_KEY) or {}
    return {"cursor": int(state.get("cursor", 0) or 0), "scope": state.get("scope")}


def _decide(result: PageResult):
    def decide(session: Session, record: Record) -> bool:
        local = session.get(MODELS[record.entity], record.id)
        if record.entity in REFERENCE_ENTITIES:
            # Sites, users, forms, limit sets and parameters are published by the registry and never pushed.
            # A copy never synced (rev None: a store made before its first sync, the demo) simply adopts the
            # registry's. But a synced copy edited here since (``fieldkit sites boundary``, a newer built-in
            # limit set) is a person's work: overwriting it silently would lose it without anyone knowing.
            # So it becomes a conflict like any record's, shown in the same list. Why not "the registry
            # wins, with a note"? The note would show what was lost, but the person could not get it back;
            # a conflict lets them choose. "Keep mine" keeps the edit on this laptop only (it is still not
            # sent: see conflicts.keep_mine_note), "keep theirs" applies the registry's copy.
            if local is None or local.rev is None:
                return True
            if record.rev <= local.rev:
                return False
            if local.dirty and not same_content(row_data(session, local), record.data):
                result.conflicts += open_conflict(session, record.entity, record.id, row_data(session, local), record)
                return False
            return True
        if local is None:
            return not record.deleted  # a tombstone of something never held: nothing to do
        if local.rev is not None and record.rev <= local.rev:
            return False
        if local.dirty:
            mine = row_data(session, local)
            if same_content(mine, record.data) and (local.deleted_at is not None) == record.deleted:
                return True
            result.conflicts += open_conflict(session, record.entity, record.id, mine, record)
            return False
        return True

    return decide


def apply_page(session: Session, page: PullPage, scope: list[str], *, never_back: bool = False) -> PageResult:
    """Apply ``page`` and store its cursor, in the caller's ``store.write(actor, remote=True)`` session.

    ``never_back``: keep a later cursor already stored (a reply bundle older than the last sync).
    """
    result = PageResult()
    result.applied, result.parked = apply_with_parking(session, page.records, _decide(result))
    cursor = page.cursor
    if never_back:
        stored = session.get(LocalMeta, CURSOR_KEY)
        if stored is not None and stored.value and int(stored.value.get("cursor", 0) or 0) > cursor:
            cursor = int(stored.value["cursor"])
    session.merge(LocalMeta(key=CURSOR_KEY, value={"cursor": cursor, "scope": scope}))
    session.merge(LocalMeta(key=SCOPE_KEY, value=scope))
    return result
