"""Inspection lists: filtered, sorted, paged by key (never OFFSET), as plain rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal, or_, select, tuple_
from sqlalchemy.orm import aliased

from fieldkit.errors import ValidationError
from fieldkit.i18n import translate
from fieldkit.store import Store
from fieldkit.store.models import Inspection, Site, Template, User


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
