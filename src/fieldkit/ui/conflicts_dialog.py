"""The conflicts inbox: records edited here and on the registry since the last sync, shown side by side.

Nothing is decided automatically: the user keeps their copy or takes the registry's, one record at a
time, through ``resolve_conflict`` (run via :class:`Operations`, so the lists refresh from its change
set). Changes the registry refused are counted below the list.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldkit.store import Store
from fieldkit.sync.conflicts import ConflictRow, list_conflicts, resolve_conflict
from fieldkit.sync.status import sync_status
from fieldkit.ui.operations import Operations
from fieldkit.ui.widgets import ltr

#: Bookkeeping columns shown after the content, since they always differ.
META_FIELDS = ("updated_at", "updated_by", "created_at", "created_by", "deleted")
HIDDEN_FIELDS = frozenset({"id", "chunks"})
DIFF_BRUSH = QBrush(QColor("#fff1c2"))


def _when(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    return None


def local_time(value: datetime | None) -> str:
    if value is None:
        return "—"
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def _show(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def theirs_data(row: ConflictRow) -> dict[str, Any]:
    """The registry's field values: ``remote`` holds them directly, or is a protocol Record dump (under ``data``)."""
    remote = row.remote or {}
    data = remote.get("data")
    if isinstance(data, dict) and "entity" in remote:
        merged = dict(data)
        for key in ("deleted", "updated_at", "updated_by"):
            if key in remote and key not in merged:
                merged[key] = remote[key]
        return merged
    return dict(remote)


def field_diff(row: ConflictRow) -> list[tuple[str, Any, Any, bool]]:
    """(field, mine, theirs, differs) for every field either side has, content first, bookkeeping last."""
    mine, theirs = row.local or {}, theirs_data(row)
    names = [n for n in dict.fromkeys([*mine, *theirs]) if n not in HIDDEN_FIELDS]
    names.sort(key=lambda n: (n in META_FIELDS, n))
    return [(n, mine.get(n), theirs.get(n), _show(mine.get(n)) != _show(theirs.get(n))) for n in names]


class ConflictsDialog(QDialog):
    """Lists open conflicts; Keep Mine / Take Theirs resolve the selected one and the list refreshes."""

    def __init__(
        self,
        store: Store,
        ops: Operations,
        parent: QWidget | None = None,
        *,
        conflicts: Callable[[Store], list[ConflictRow]] = list_conflicts,
        resolve: Callable[..., Any] = resolve_conflict,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(980, 560)
        self.store, self.ops = store, ops
        self._list_conflicts, self._resolve = conflicts, resolve
        self.rows: list[ConflictRow] = []
        self.resolved = 0

        intro = QLabel(
            self.tr(
                "These records were changed here and on the registry since your last sync. "
                "Choose which copy to keep; the other is replaced at the next sync."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setHeaderLabels([self.tr("Record"), self.tr("Changed by"), self.tr("When")])
        self.list.setRootIsDecorated(False)
        self.list.setAccessibleName(self.tr("Conflicts"))
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.diff = QTableWidget(0, 3, self)
        self.diff.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Mine (this laptop)"), self.tr("Theirs (registry)")]
        )
        self.diff.verticalHeader().hide()
        self.diff.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.diff.setWordWrap(True)
        self.diff.setAccessibleName(self.tr("Differences"))
        header = self.diff.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.only_differences = QCheckBox(self.tr("Show only the fields that differ"), self)
        self.only_differences.toggled.connect(lambda _on: self._show_selected())

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.diff, 1)
        right_layout.addWidget(self.only_differences)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setSizes([430, 550])

        self.keep_mine = QPushButton(self.tr("Keep &Mine"), self)
        self.keep_mine.setToolTip(self.tr("Keep this laptop's copy; it replaces the registry's at the next sync"))
        self.take_theirs = QPushButton(self.tr("Take &Theirs"), self)
        self.take_theirs.setToolTip(self.tr("Replace this laptop's copy with the registry's"))
        self.keep_mine.clicked.connect(lambda: self.resolve_selected("mine"))
        self.take_theirs.clicked.connect(lambda: self.resolve_selected("theirs"))
        self.rejected_label = QLabel(self)
        self.rejected_label.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_mine)
        buttons.addWidget(self.take_theirs)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.rejected_label)
        layout.addLayout(buttons)
        self.list.currentItemChanged.connect(lambda *_: self._show_selected())
        self.reload()

    def reload(self, select: int = 0) -> None:
        self.rows = self._list_conflicts(self.store)
        self.list.clear()
        for row in self.rows:
            when = _when((row.remote or {}).get("updated_at")) or row.detected_at
            item = QTreeWidgetItem([row.label, row.remote_by or "—", ltr(local_time(when))])
            item.setToolTip(0, f"{row.label}\n{row.entity} {row.record_id}")
            self.list.addTopLevelItem(item)
        if self.rows:
            self.list.setCurrentItem(self.list.topLevelItem(min(select, len(self.rows) - 1)))
        else:
            self.diff.setRowCount(0)
        has = bool(self.rows)
        self.keep_mine.setEnabled(has)
        self.take_theirs.setEnabled(has)
        rejected = sync_status(self.store).rejected
        self.rejected_label.setVisible(bool(rejected) or not has)
        notes = [] if has else [self.tr("No conflicts: nothing needs a decision.")]
        if rejected:
            notes.append(
                self.tr(
                    "{count} change(s) were refused by the registry; edit them to send them again "
                    "(fieldkit sync status lists them)."
                ).format(count=rejected)
            )
        self.rejected_label.setText(" ".join(notes))

    def selected(self) -> ConflictRow | None:
        index = self.list.indexOfTopLevelItem(self.list.currentItem()) if self.list.currentItem() else -1
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def _show_selected(self) -> None:
        row = self.selected()
        fields = field_diff(row) if row else []
        if self.only_differences.isChecked():
            fields = [f for f in fields if f[3]]
        self.diff.setRowCount(len(fields))
        bold = QFont(self.diff.font())
        bold.setBold(True)
        for r, (name, mine, theirs, differs) in enumerate(fields):
            for c, text in enumerate((name, _show(mine), _show(theirs))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if differs:
                    item.setBackground(DIFF_BRUSH)
                    item.setFont(bold)
                self.diff.setItem(r, c, item)
        self.diff.resizeRowsToContents()

    def differing_fields(self) -> list[str]:
        row = self.selected()
        return [f[0] for f in field_diff(row) if f[3]] if row else []

    def resolve_selected(self, keep: str) -> bool:
        row = self.selected()
        if row is None:
            return False
        index = self.rows.index(row)
        if self.ops.run(self._resolve, row.id, keep, parent=self) is None:
            return False
        self.resolved += 1
        self.reload(select=index)
        return True
