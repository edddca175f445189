"""Who may read and write which record. Every record of every push and pull goes through here.

Reads are a SQL filter (:func:`visible`) so a pull is one query; writes are decided per change
(:func:`write_denied`) from the caller, the registry's current copy and the pushed data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, and_, false, or_, select
from sqlalchemy.orm import Session

from fieldkit.sync.ids import reference_id
from fieldkit.sync.protocol import INSPECTION_CHILDREN, Change
from fieldkit_registry.auth import Caller
from fieldkit_registry.db import RecordRow

PUBLIC = ("templates", "limit_sets", "parameters", "users")
FIELD_DATA = ("inspections", *sorted(INSPECTION_CHILDREN), "grievances")
INSPECTION_TREE = ("inspections", *sorted(INSPECTION_CHILDREN))
EDITABLE = ("draft", "returned")


def site_ids(session: Session, caller: Caller) -> list[str]:
    """Ids of the sites the caller may see (all sites for an admin)."""
    query = select(RecordRow.id).where(RecordRow.entity == "sites", RecordRow.deleted.is_(False))
    if not caller.is_admin:
        query = query.where(RecordRow.id.in_([reference_id("sites", c) for c in caller.site_codes]))
    return sorted(session.scalars(query))


def visible(caller: Caller, sites: Iterable[str]) -> ColumnElement[bool]:
    """SQL condition on ``records`` for what ``caller`` may read."""
    if caller.is_admin:
        return RecordRow.id.is_not(None)
    sites = list(sites)
    at_site = RecordRow.site_id.in_(sites) if sites else false()
    mine_unfiled = and_(RecordRow.site_id.is_(None), RecordRow.owner_id == caller.user_id)
    parts = [RecordRow.entity.in_(PUBLIC), and_(RecordRow.entity == "sites", at_site)]
    if caller.role in ("inspector", "supervisor"):
        parts.append(and_(RecordRow.entity.in_(FIELD_DATA), at_site))
    elif caller.role == "liaison":
        parts.append(and_(RecordRow.entity.in_(INSPECTION_TREE), RecordRow.approved.is_(True), at_site))
        parts.append(and_(RecordRow.entity == "grievances", at_site))
    parts.append(and_(RecordRow.entity.in_(INSPECTION_CHILDREN), mine_unfiled))
    return or_(*parts)


@dataclass
class Batch:
    """What earlier changes of the same push did (a child may follow its inspection in one batch)."""

    #: inspections this caller could still edit when the batch began (draft, returned or new)
    opened: set[str] = field(default_factory=set)
    #: inspections this caller reviewed (approved or returned) in this batch
    reviewed: set[str] = field(default_factory=set)


Denial = tuple[str, str]  # (reject code, detail)


def write_denied(
    caller: Caller,
    sites: set[str],
    change: Change,
    data: dict[str, Any],
    current: RecordRow | None,
    parent: RecordRow | None,
    batch: Batch,
    old_parent: RecordRow | None = None,
) -> Denial | None:
    """Why ``caller`` may not write this change, or ``None`` when they may.

    ``current`` is the registry's copy of the record (``None`` when new): a write may never take a
    record the caller may not already change, whatever the pushed data says. ``parent`` is the
    registry's copy of the inspection named by a child's data and ``old_parent`` the one named by the
    registry's copy (``None`` when absent). The admin role allows everything; reference entities are
    admin-only.
    """
    if caller.is_admin:
        return None
    role, entity = caller.role, change.entity
    if entity == "grievances":
        return _grievance(caller, sites, data, current)
    if entity == "inspections":
        if role == "inspector":
            return _inspector_inspection(caller, sites, data, current, change.deleted)
        if role == "supervisor":
            if change.deleted:
                return "forbidden", "supervisors do not delete inspections"
            return _supervisor_inspection(sites, data, current)
        return "forbidden", f"a {role} does not edit inspections"
    if entity in INSPECTION_CHILDREN:
        if entity == "reviews":
            return _review(caller, sites, current, parent, batch)
        if role != "inspector":
            return "forbidden", f"a {role} does not edit inspection records"
        return _inspector_child(caller, sites, data, current, parent, old_parent, batch)
    return "forbidden", f"a {role} may not write {entity}"


def _grievance(caller: Caller, sites: set[str], data: dict[str, Any], current: RecordRow | None) -> Denial | None:
    if caller.role not in ("inspector", "liaison") or data.get("site_id") not in sites or not _at(current, sites):
        return "forbidden", "grievances only at your assigned sites, by inspectors and liaison officers"
    if current is not None and not _authored(caller, current):
        return "forbidden", "a grievance is changed only by whoever recorded it (or an administrator)"
    return None


def _authored(caller: Caller, row: RecordRow) -> bool:
    """Whether ``caller`` wrote the first copy of ``row`` (rows from before owners were kept: its last writer)."""
    if row.owner_id is not None:
        return row.owner_id == caller.user_id
    return row.updated_by == caller.username


def _review(
    caller: Caller, sites: set[str], current: RecordRow | None, parent: RecordRow | None, batch: Batch
) -> Denial | None:
    if caller.role != "supervisor":
        return "forbidden", "only supervisors write reviews"
    if current is not None and current.site_id not in sites:
        return "forbidden", "this review is of an inspection not at one of your sites"
    if parent is None:
        return "parent_missing", "the reviewed inspection is not on the registry"
    if parent.site_id not in sites:
        return "forbidden", "the inspection is not at one of your sites"
    if parent.status != "submitted" and parent.id not in batch.reviewed:
        return "forbidden", "only submitted inspections are reviewed"
    return None


def _editable_by(caller: Caller, sites: set[str], inspection: RecordRow, batch: Batch) -> Denial | None:
    if inspection.owner_id != caller.user_id or inspection.site_id not in sites:
        return "forbidden", "not your inspection, or not at one of your sites"
    if inspection.status not in EDITABLE and inspection.id not in batch.opened:
        return "forbidden", f"the inspection is {inspection.status}: its records can no longer change"
    return None


def _inspector_child(
    caller: Caller,
    sites: set[str],
    data: dict[str, Any],
    current: RecordRow | None,
    parent: RecordRow | None,
    old_parent: RecordRow | None,
    batch: Batch,
) -> Denial | None:
    if current is not None:
        # The registry's copy decides first: a record is never taken from its owner, its site or a
        # closed inspection by naming another inspection (or none) in the pushed data.
        if current.owner_id != caller.user_id:
            return "forbidden", "this record belongs to someone else"
        if current.site_id is not None and current.site_id not in sites:
            return "forbidden", "this record is at a site not assigned to you"
        if current.inspection_id is not None and current.inspection_id != data.get("inspection_id"):
            if old_parent is None:
                return "forbidden", "this record belongs to another inspection"
            denied = _editable_by(caller, sites, old_parent, batch)
            if denied is not None:
                return denied[0], f"moving it out of its inspection: {denied[1]}"
    if data.get("inspection_id") is None:
        return None
    if parent is None:
        return "parent_missing", "the inspection of this record is not on the registry"
    return _editable_by(caller, sites, parent, batch)


def _at(current: RecordRow | None, sites: set[str]) -> bool:
    return current is None or current.site_id in sites


def _inspector_inspection(
    caller: Caller, sites: set[str], data: dict[str, Any], current: RecordRow | None, deleted: bool
) -> Denial | None:
    """An inspector writes (and deletes) only their own inspections, and only while they are editable
    (draft or returned) on the registry."""
    if data.get("inspector_id") != caller.user_id:
        return "forbidden", "inspectors write their own inspections (inspector_id is not you)"
    if data.get("site_id") not in sites:
        return "forbidden", "the inspection is not at one of your sites"
    status = data.get("status", "draft")
    if current is None:
        if deleted:
            return None  # made and deleted before it ever reached the registry: nothing to take
        if status not in ("draft", "submitted"):
            return "status_transition", f"a new inspection cannot be {status}"
        return None
    if current.owner_id != caller.user_id or current.site_id not in sites:
        return "forbidden", "not your inspection, or not at one of your sites"
    if current.status not in EDITABLE:
        return "forbidden", f"the inspection is {current.status} on the registry: it can no longer change"
    if status not in ("draft", "submitted", current.status):
        return "status_transition", f"an inspector cannot make an inspection {status}"
    return None


#: What a supervisor's decision may change besides the status.
REVIEW_FIELDS = frozenset({"status", "updated_at", "updated_by"})


def _supervisor_inspection(sites: set[str], data: dict[str, Any], current: RecordRow | None) -> Denial | None:
    if current is None:
        return "forbidden", "supervisors do not create inspections"
    if current.site_id not in sites or data.get("site_id") not in sites:
        return "forbidden", "the inspection is not at one of your sites"
    status = data.get("status")
    if current.status != "submitted" or status not in ("approved", "returned"):
        return "status_transition", f"a supervisor moves submitted inspections to approved or returned, not {status}"
    changed = {k for k in set(data) | set(current.data) if data.get(k) != current.data.get(k)}
    if changed - REVIEW_FIELDS:
        return "forbidden", f"a review changes only the status (not {', '.join(sorted(changed - REVIEW_FIELDS))})"
    return None
