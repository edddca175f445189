"""What to push, in what batches, and how the registry's answers are applied (shared with bundles).

A change's id derives from the edit itself (entity, id, ``updated_at``, deleted), so sending the same
edit again after a lost answer is recognised by the registry and changes nothing. The local row is
marked clean only when the registry accepted exactly the edit it holds now: an edit made while the
sync ran stays dirty and goes next time.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from fieldkit.store import Store
from fieldkit.store.models import Inspection, LocalMeta, Photo, SyncConflict, SyncIssue
from fieldkit.store.types import utcnow
from fieldkit.sync.ids import NAMESPACE
from fieldkit.sync.protocol import FIELD_ENTITIES, INSPECTION_CHILDREN, MAX_BATCH, Change, ChangeResult, Record
from fieldkit.sync.records import MODELS, row_data

#: LocalMeta key: ids of the sites the registry lets this user see (written with each pulled page).
SCOPE_KEY = "sync_scope"
#: Refusals that say "not yet", not "no": the change is sent again at every sync, edited or not (its
#: SyncIssue stays, and is shown, until the registry accepts it). ``blob_missing``: the original is still
#: uploading. ``parent_missing``: the registry lacks the inspection, e.g. refused for a form version an
#: administrator has not published yet; once published the inspection goes, and its children must follow
#: without anybody editing them.
RETRIED_REASONS = frozenset({"blob_missing", "parent_missing"})


def change_id(entity: str, record_id: str, updated_at: datetime | None, deleted: bool) -> str:
    stamp = updated_at.isoformat() if updated_at else "-"
    return str(uuid.uuid5(NAMESPACE, f"change:{entity}:{record_id}:{stamp}:{int(deleted)}"))


@dataclass
class Outbox:
    """The changes to push, and the ``updated_at`` each was made at (to clear ``dirty`` safely)."""

    changes: list[Change] = field(default_factory=list)
    stamps: dict[str, datetime | None] = field(default_factory=dict)
    held_back: int = 0  # dirty rows not sent: open conflict, rejected and not edited since, blob not synced

    def batches(self, size: int = MAX_BATCH) -> list[list[Change]]:
        """Batches of at most ``size``; an inspection and its children stay together when they fit."""
        groups: list[list[Change]] = []
        children: dict[str, list[Change]] = defaultdict(list)
        inspections: list[Change] = []
        others: list[Change] = []
        for change in self.changes:
            parent = change.data.get("inspection_id")
            if change.entity == "inspections":
                inspections.append(change)
            elif change.entity in INSPECTION_CHILDREN and parent:
                children[parent].append(change)
            else:
                others.append(change)
        for insp in inspections:
            groups.append([insp, *children.pop(insp.id, [])])
        groups.extend(children.values())
        groups.extend([c] for c in others)
        batches: list[list[Change]] = []
        current: list[Change] = []
        for group in groups:
            if current and len(current) + len(group) > size and len(group) <= size:
                batches.append(current)
                current = []
            for change in group:
                if len(current) >= size:
                    batches.append(current)
                    current = []
                current.append(change)
        if current:
            batches.append(current)
        return batches


def collect(store: Store, *, blobs_carried: frozenset[str] | set[str] = frozenset()) -> Outbox:
    """The dirty records of the field entities, parents before children.

    A photo goes only when the registry has its original, or it travels with the change
    (``blobs_carried``: a bundle).
    """
    out = Outbox()
    with store.read() as session:
        outside = outside_scope(session)
        open_conflicts = set(
            session.execute(
                select(SyncConflict.entity, SyncConflict.record_id).where(SyncConflict.resolved_at.is_(None))
            ).all()
        )
        issues = {
            (i.entity, i.record_id): i for i in session.scalars(select(SyncIssue)) if i.reason not in RETRIED_REASONS
        }
        for entity in FIELD_ENTITIES:
            model = MODELS[entity]
            stmt = select(model).where(model.dirty.is_(True))
            for row in session.scalars(stmt):
                key = (entity, row.id)
                if outside(entity, row):
                    out.held_back += 1  # a site the registry does not let this user see: kept, not sent
                    continue
                issue = issues.get(key)
                if key in open_conflicts or (issue is not None and issue.record_updated_at == row.updated_at):
                    out.held_back += 1
                    continue
                if isinstance(row, Photo) and not row.blob_synced and row.sha256 not in blobs_carried:
                    out.held_back += 1
                    continue
                deleted = row.deleted_at is not None
                cid = change_id(entity, row.id, row.updated_at, deleted)
                out.changes.append(
                    Change(
                        change_id=cid,
                        entity=entity,
                        id=row.id,
                        base_rev=row.rev,
                        deleted=deleted,
                        data=row_data(session, row),
                    )
                )
                out.stamps[cid] = row.updated_at
    return out


def outside_scope(session: Session):
    """A test for records of sites outside the sync scope (the sites the registry said this user may
    see): they stay on the laptop, dirty, and are not offered to a registry that would refuse them
    (e.g. a demo store's inspections at a site the user is not assigned to)."""
    meta = session.get(LocalMeta, SCOPE_KEY)
    if meta is None or meta.value is None:
        return lambda entity, row: False
    scope = set(meta.value)
    # Asked only for the (few) dirty rows, by primary key and cached: a laptop may hold thousands of
    # inspections, and scanning them costs more than the rest of an incremental sync.
    sites: dict[str, str | None] = {}

    def site_of(inspection_id: str) -> str | None:
        if inspection_id not in sites:
            sites[inspection_id] = session.scalar(select(Inspection.site_id).where(Inspection.id == inspection_id))
        return sites[inspection_id]

    def outside(entity: str, row: Any) -> bool:
        if entity in ("inspections", "grievances"):
            return row.site_id not in scope
        parent = getattr(row, "inspection_id", None) if entity in INSPECTION_CHILDREN else None
        return parent is not None and site_of(parent) not in scope

    return outside


@dataclass
class ResultCounts:
    accepted: int = 0
    conflicts: int = 0
    rejected: int = 0
    problems: list[str] = field(default_factory=list)


def open_conflict(session: Session, entity: str, record_id: str, local: dict[str, Any], remote: Record) -> bool:
    """Keep the registry's copy beside the local row (one open conflict per record, the newest copy);
    returns True when the conflict is new."""
    found = session.scalar(
        select(SyncConflict).where(
            SyncConflict.entity == entity, SyncConflict.record_id == record_id, SyncConflict.resolved_at.is_(None)
        )
    )
    new = found is None
    if found is None:
        found = SyncConflict(entity=entity, record_id=record_id, detected_at=utcnow())
        session.add(found)
    found.local_data = local
    found.remote = remote.model_dump(mode="json")
    found.remote_rev = remote.rev
    return new


def apply_results(session: Session, outbox: Outbox, results: list[ChangeResult]) -> ResultCounts:
    """Apply one batch's answers (in a ``store.write(actor, remote=True)`` session)."""
    counts = ResultCounts()
    for result in results:
        model = MODELS.get(result.entity)
        row = session.get(model, result.id) if model is not None else None
        if row is None:
            continue
        clear_issue = delete(SyncIssue).where(SyncIssue.entity == result.entity, SyncIssue.record_id == result.id)
        # The row still holds the very edit that was answered (its change id derives from the edit).
        unchanged = change_id(result.entity, row.id, row.updated_at, row.deleted_at is not None) == result.change_id
        if result.status == "accepted":
            counts.accepted += 1
            if result.rev is not None:
                row.rev = result.rev
            if unchanged:
                row.dirty = False
            if isinstance(row, Photo):
                row.blob_synced = True  # the registry accepts a photo only with its original
            session.execute(clear_issue)
        elif result.status == "conflict" and result.current is not None:
            counts.conflicts += open_conflict(session, result.entity, result.id, row_data(session, row), result.current)
            session.execute(clear_issue)
        else:
            counts.rejected += 1
            reason = result.reason or "invalid"
            if reason == "blob_missing":
                session.execute(update(Photo).where(Photo.id == result.id).values(blob_synced=False))
            session.execute(clear_issue)
            session.add(
                SyncIssue(
                    entity=result.entity,
                    record_id=result.id,
                    change_id=result.change_id,
                    record_updated_at=row.updated_at if unchanged else outbox.stamps.get(result.change_id),
                    reason=reason,
                    detail=result.reason_detail,
                    at=utcnow(),
                )
            )
            counts.problems.append(f"{result.entity} {result.id[:8]}: {reason}")
    session.flush()
    return counts
