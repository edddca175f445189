"""The conflicts inbox: records edited here and on the registry since the last sync, side by side, and
the changes the registry refused.

Nothing is decided automatically: the user keeps their copy or takes the registry's, one record at a
time, through ``resolve_conflict`` (run via :class:`Operations`, so the lists refresh from its change
set). Both copies are told in words by :mod:`fieldkit.sync.describe` (names, local times, answers as
the checklist shows them); only the fields that differ are listed unless the user asks for all.
Refused changes are read-only here: the record stays on the laptop and an edit sends it again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
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
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldkit.store import Store
from fieldkit.sync.conflicts import ConflictRow, list_conflicts, resolve_conflict
from fieldkit.sync.describe import ConflictView, IssueRow, describe_conflict, list_issues, time_text
from fieldkit.ui.operations import Operations
from fieldkit.ui.widgets import ltr

DIFF_BRUSH = QBrush(QColor("#fff1c2"))


def _cell(text: str, *, bold: bool = False, highlight: bool = False, font: QFont | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
    if highlight:
        item.setBackground(DIFF_BRUSH)
    if bold and font is not None:
        strong = QFont(font)
        strong.setBold(True)
        item.setFont(strong)
    return item


class _WrappedRows(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the column's width (QTreeView measures them unwrapped)."""

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        width = max(80, self.view.header().sectionSize(index.column()) - 12)
        text = str(index.data() or "")
        box = option.fontMetrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(width, box.height() + 8)


class ConflictsDialog(QDialog):
    """Lists open conflicts; Keep Mine / Take Theirs resolve the selected one and the list refreshes.
    A second tab lists the changes the registry refused, with the reason in words."""

    def __init__(
        self,
        store: Store,
        ops: Operations,
        parent: QWidget | None = None,
        *,
        conflicts: Callable[[Store], list[ConflictRow]] = list_conflicts,
        resolve: Callable[..., Any] = resolve_conflict,
        issues: Callable[[Store], list[IssueRow]] = list_issues,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(1000, 580)
        self.store, self.ops = store, ops
        self._list_conflicts, self._resolve, self._list_issues = conflicts, resolve, issues
        self.rows: list[ConflictRow] = []
        self.views: list[ConflictView] = []
        self.issue_rows: list[IssueRow] = []
        self.resolved = 0

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._conflicts_page(), "")
        self.tabs.addTab(self._issues_page(), "")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)
        self.tabs.currentChanged.connect(lambda _i: self.issues.resizeRowsToContents())
        self.list.currentItemChanged.connect(lambda *_: self._show_selected())
        self.reload()
        self.list.setFocus()

    # -- building -----------------------------------------------------------------------------------

    def _conflicts_page(self) -> QWidget:
        page = QWidget(self)
        self.intro = QLabel(page)  # its text depends on whether there are conflicts: see reload()
        self.intro.setWordWrap(True)
        self.list = QTreeWidget(page)
        self.list.setHeaderLabels([self.tr("Record")])
        self.list.setRootIsDecorated(False)
        self.list.setWordWrap(True)  # labels are sentences ("Answer to 'Lead (total)' in ..."): never elided
        self.list.setUniformRowHeights(False)
        self.list.setItemDelegate(_WrappedRows(self.list))
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setAccessibleName(self.tr("Conflicts"))
        # QTreeView keeps row heights from the first layout: wrap again at the new width.
        self.list.header().sectionResized.connect(lambda *_: self.list.doItemsLayout())

        self.record_title = QLabel(page)
        self.record_title.setWordWrap(True)
        title_font = QFont(self.record_title.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.1)
        self.record_title.setFont(title_font)
        self.record_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.who = QLabel(page)
        self.who.setWordWrap(True)
        self.diff = _read_only_table(
            page,
            [self.tr("Field"), self.tr("Mine (this laptop)"), self.tr("Theirs (registry)")],
            self.tr("Differences"),
        )
        cols = self.diff.horizontalHeader()
        cols.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        cols.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        cols.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.diff.setColumnWidth(0, 140)
        self.show_all = QCheckBox(self.tr("Show &all fields, not only those that differ"), page)
        self.show_all.toggled.connect(lambda _on: self._show_selected())

        self.keep_mine = QPushButton(self.tr("Keep &Mine"), page)
        self.keep_mine.setToolTip(self.tr("Keep this laptop's copy; it replaces the registry's at the next sync"))
        self.take_theirs = QPushButton(self.tr("Take &Theirs"), page)
        self.take_theirs.setToolTip(self.tr("Replace this laptop's copy with the registry's"))
        self.keep_mine.clicked.connect(lambda: self.resolve_selected("mine"))
        self.take_theirs.clicked.connect(lambda: self.resolve_selected("theirs"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_all)
        buttons.addStretch(1)
        buttons.addWidget(self.keep_mine)
        buttons.addWidget(self.take_theirs)

        right = QWidget(page)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.record_title)
        right_layout.addWidget(self.who)
        right_layout.addWidget(self.diff, 1)
        right_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([360, 640])
        layout = QVBoxLayout(page)
        layout.addWidget(self.intro)
        layout.addWidget(splitter, 1)
        self.diff.horizontalHeader().sectionResized.connect(lambda *_: self.diff.resizeRowsToContents())
        self.setTabOrder(self.list, self.diff)
        self.setTabOrder(self.diff, self.show_all)
        self.setTabOrder(self.show_all, self.keep_mine)
        self.setTabOrder(self.keep_mine, self.take_theirs)
        return page

    def _issues_page(self) -> QWidget:
        page = QWidget(self)
        note = QLabel(
            self.tr(
                "The registry refused these changes. They stay on this laptop and are not sent again as they are: "
                "correct the record (any edit sends it again at the next sync)."
            ),
            page,
        )
        note.setWordWrap(True)
        self.issues = _read_only_table(
            page, [self.tr("Record"), self.tr("Why"), self.tr("When")], self.tr("Refused changes")
        )
        cols = self.issues.horizontalHeader()
        cols.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        cols.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        cols.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.issues.setColumnWidth(0, 360)
        cols.sectionResized.connect(lambda *_: self.issues.resizeRowsToContents())
        self.no_issues = QLabel(self.tr("The registry has not refused any change."), page)
        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addWidget(self.issues, 1)
        layout.addWidget(self.no_issues)
        return page

    # -- filling ------------------------------------------------------------------------------------

    def reload(self, select: int = 0) -> None:
        self.rows = self._list_conflicts(self.store)
        self.views = [describe_conflict(self.store, row) for row in self.rows]
        today = datetime.now().date()
        self.list.clear()
        for view in self.views:
            when = ltr(time_text(view.theirs_at or view.conflict.detected_at, today=today))
            by = self.tr("changed on the registry by {name}, {when}").format(name=view.theirs_by, when=when)
            item = QTreeWidgetItem([f"{view.label}\n{by}"])
            item.setToolTip(0, f"{view.label}\n{view.header}")
            self.list.addTopLevelItem(item)
        has = bool(self.rows)
        if has:
            self.list.setCurrentItem(self.list.topLevelItem(min(select, len(self.rows) - 1)))
        else:
            self._show_selected()
        self.keep_mine.setEnabled(has)
        self.take_theirs.setEnabled(has)
        self.intro.setText(
            self.tr(
                "These records were changed here and on the registry since your last sync. "
                "Choose which copy to keep; the other is replaced at the next sync."
            )
            if has
            else self.tr("No conflicts: nothing needs a decision.")
        )
        self.tabs.setTabText(0, self.tr("Conflicts ({count})").format(count=len(self.rows)))
        self._fill_issues()

    def _fill_issues(self) -> None:
        self.issue_rows = self._list_issues(self.store)
        today = datetime.now().date()
        self.issues.setRowCount(len(self.issue_rows))
        for r, issue in enumerate(self.issue_rows):
            cells = (
                _cell(issue.label),
                _cell(issue.text),
                _cell(ltr(time_text(issue.at, today=today))),
            )
            if issue.detail:
                cells[1].setToolTip(f"{issue.text}\n\n{self.tr('The registry says:')} {issue.detail}")
            for c, cell in enumerate(cells):
                self.issues.setItem(r, c, cell)
        self.issues.resizeRowsToContents()
        self.no_issues.setVisible(not self.issue_rows)
        self.tabs.setTabText(1, self.tr("Refused by the registry ({count})").format(count=len(self.issue_rows)))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.diff.resizeRowsToContents()  # wrapped at the widths the columns have now
        self.issues.resizeRowsToContents()

    def selected(self) -> ConflictRow | None:
        view = self.selected_view()
        return view.conflict if view else None

    def selected_view(self) -> ConflictView | None:
        item = self.list.currentItem()
        index = self.list.indexOfTopLevelItem(item) if item else -1
        return self.views[index] if 0 <= index < len(self.views) else None

    def shown_fields(self) -> list:
        view = self.selected_view()
        if view is None:
            return []
        return list(view.fields if self.show_all.isChecked() else view.differing)

    def _show_selected(self) -> None:
        view = self.selected_view()
        self.record_title.setText(view.label if view else "")
        self.who.setText(view.header if view else "")
        fields = self.shown_fields()
        self.diff.setRowCount(len(fields))
        font = self.diff.font()
        for r, field in enumerate(fields):
            label = _cell(field.label, font=font, bold=field.differs, highlight=field.differs)
            label.setToolTip(field.field)
            self.diff.setItem(r, 0, label)
            for c, text in ((1, field.mine), (2, field.theirs)):
                self.diff.setItem(r, c, _cell(text, font=font, bold=field.differs, highlight=field.differs))
        self.diff.resizeRowsToContents()

    def differing_fields(self) -> list[str]:
        """Column names of the selected record that differ between the two copies."""
        view = self.selected_view()
        return [f.field for f in view.differing] if view else []

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


def _read_only_table(parent: QWidget, headers: list[str], name: str) -> QTableWidget:
    """A table of whole rows to read (never edited in place), with word-wrapped cells."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.setAccessibleName(name)
    return table
