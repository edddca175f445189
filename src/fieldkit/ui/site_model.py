"""The site list of the side panel: "All sites" first, then each site with its inspection count."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from fieldkit import services
from fieldkit.services import SiteRow
from fieldkit.store import Store

ObjectRole = Qt.ItemDataRole.UserRole + 1
"""Role returning the :class:`SiteRow` (``None`` for "All sites")."""


class SiteListModel(QAbstractListModel):
    def __init__(self, store: Store, language: str = "en", parent=None) -> None:
        super().__init__(parent)
        self._store = store
        self._language = language
        self._sites: list[SiteRow] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._sites = services.list_sites(self._store)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._sites) + 1

    def site_at(self, row: int) -> SiteRow | None:
        return self._sites[row - 1] if 1 <= row <= len(self._sites) else None

    def row_of(self, site_id: str | None) -> int:
        if site_id is None:
            return 0
        for i, site in enumerate(self._sites, start=1):
            if site.id == site_id:
                return i
        return 0

    def name(self, site: SiteRow) -> str:
        return site.local_names.get(self._language) or site.name

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        site = self.site_at(index.row())
        if role == ObjectRole:
            return site
        if site is None:
            total = sum(s.inspection_count for s in self._sites)
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("All sites ({count})").format(count=total)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self.name(site)} ({site.inspection_count})"
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"<b>{site.name}</b> — {site.code}"]
            if site.operator:
                lines.append(self.tr("Operator: {name}").format(name=site.operator))
            if site.partners:
                lines.append(self.tr("Partners: {names}").format(names=", ".join(site.partners)))
            place = ", ".join(p for p in (site.district, site.province) if p)
            if place:
                lines.append(place)
            if site.commodity:
                lines.append(site.commodity)
            return "<br>".join(lines)
        return None
