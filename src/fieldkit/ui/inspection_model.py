"""The inspection list as a lazy Qt table model: pages of 256 rows fetched by key, on demand."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from fieldkit import services
from fieldkit.services import InspectionQuery, InspectionRow, PageKey
from fieldkit.store import Store

ObjectRole = Qt.ItemDataRole.UserRole + 1
"""Role returning the row's :class:`InspectionRow`."""

STATUS_COLOURS = {
    "draft": QColor("#5f6b7a"),
    "submitted": QColor("#1f6feb"),
    "approved": QColor("#1a7f37"),
    "returned": QColor("#bc4c00"),
}

_Index = QModelIndex | QPersistentModelIndex


class InspectionTableModel(QAbstractTableModel):
    TITLE, SITE, STATUS, DATE, FINISHED, INSPECTOR = range(6)
    #: Column -> sort key of :class:`InspectionQuery` (``None``: not sortable).
    SORT_KEYS = {
        TITLE: None,
        SITE: "site",
        STATUS: "status",
        DATE: "date",
        FINISHED: None,
        INSPECTOR: "inspector",
    }
    PAGE_SIZE = 256

    def __init__(self, store: Store, parent=None) -> None:
        super().__init__(parent)
        self._store = store
        self._query = InspectionQuery()
        self._rows: list[InspectionRow] = []
        self._next: PageKey | None = None
        self._exhausted = False
        self._headers = [
            self.tr("Inspection"),
            self.tr("Site"),
            self.tr("Status"),
            self.tr("Date"),
            self.tr("Finished"),
            self.tr("Inspector"),
        ]
        self._fetch_page()

    # -- query ---------------------------------------------------------------------------------

    @property
    def query(self) -> InspectionQuery:
        return self._query

    def set_query(self, query: InspectionQuery) -> None:
        if query == self._query:
            return
        self._query = query
        self.reload()

    def reload(self, keep_loaded: bool = True) -> None:
        """Re-read from the store; keeps at least as many rows loaded as before (for the scroll position)."""
        wanted = max(len(self._rows), self.PAGE_SIZE) if keep_loaded else self.PAGE_SIZE
        self.beginResetModel()
        self._rows, self._next, self._exhausted = [], None, False
        while len(self._rows) < wanted and not self._exhausted:
            self._fetch_page()
        self.endResetModel()

    def _fetch_page(self) -> list[InspectionRow]:
        page = services.list_inspections(self._store, self._query, self._next, self.PAGE_SIZE)
        self._rows.extend(page.rows)
        self._next = page.next
        self._exhausted = page.next is None
        return page.rows

    # -- lazy loading ------------------------------------------------------------------------------

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:
        if parent.isValid() or self._exhausted:
            return
        page = services.list_inspections(self._store, self._query, self._next, self.PAGE_SIZE)
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self._next = page.next
        self._exhausted = page.next is None

    # -- model interface ---------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == ObjectRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.SITE:
                return f"{row.site_name} ({row.site_code})"
            if col == self.STATUS and row.dirty:
                return self.tr("Changed on this laptop; not yet synced")
            return self._display(row, col)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.STATUS:
            return QBrush(STATUS_COLOURS.get(row.status, QColor("black")))
        if role == Qt.ItemDataRole.FontRole and col == self.STATUS:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, row: InspectionRow, col: int) -> str:
        if col == self.TITLE:
            return row.title or self.tr("(untitled)")
        if col == self.SITE:
            return row.site_code
        if col == self.STATUS:
            return services.status_label(row.status)
        if col == self.DATE:
            return _local(row.started_at or row.planned_at)
        if col == self.FINISHED:
            return _local(row.finished_at)
        if col == self.INSPECTOR:
            return row.inspector or ""
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(column)
        if key is None:
            return
        self.set_query(replace(self._query, sort=key, descending=order == Qt.SortOrder.DescendingOrder))

    # -- lookups -----------------------------------------------------------------------------------

    def row_of(self, inspection_id: str) -> int:
        """Row of a loaded inspection, or -1 (rows not loaded yet are not searched)."""
        for i, row in enumerate(self._rows):
            if row.id == inspection_id:
                return i
        return -1

    def row_at(self, row: int) -> InspectionRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None


def _local(value) -> str:
    return "" if value is None else value.astimezone().strftime("%Y-%m-%d %H:%M")
