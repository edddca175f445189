"""The main window: sites on the left, their inspections in the middle, one inspection on the right."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldkit import services
from fieldkit.errors import FieldKitError, NotFoundError
from fieldkit.services import ChangeSet, InspectionQuery
from fieldkit.store import Store
from fieldkit.ui.dialogs import NewInspectionDialog, show_about
from fieldkit.ui.inspection_model import InspectionTableModel
from fieldkit.ui.inspection_view import InspectionView
from fieldkit.ui.operations import Operations
from fieldkit.ui.site_model import SiteListModel
from fieldkit.ui.site_report_dialog import SiteReportDialog
from fieldkit.ui.submit_dialog import SubmitProblemsDialog
from fieldkit.ui.sync_actions import SyncActions
from fieldkit.ui.widgets import ltr

FILTER_DELAY_MS = 250


class MainWindow(QMainWindow):
    def __init__(self, store: Store, settings: QSettings, language: str = "en") -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.ops = Operations(store, self)
        self._deleted: list[str] = []
        self.setWindowTitle(self.tr("FieldKit"))
        self.resize(1280, 760)

        # Sites
        self.site_model = SiteListModel(store, language, self)
        self.site_list = QListView(self)
        self.site_list.setModel(self.site_model)
        self.site_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.site_list.setAccessibleName(self.tr("Sites"))
        self.site_list.setSpacing(3)
        sites_label = QLabel(self.tr("<b>Sites</b>"), self)
        sites_label.setBuddy(self.site_list)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(sites_label)
        left_layout.addWidget(self.site_list, 1)

        # Inspections: filter bar + lazy table
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter inspections (Ctrl+F)"))
        self.filter.setClearButtonEnabled(True)
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in ("draft", "submitted", "returned", "approved"):
            self.status_filter.addItem(services.status_label(status), status)
        self.model = InspectionTableModel(store, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(InspectionTableModel.DATE, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName(self.tr("Inspections"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in ((0, 230), (1, 45), (2, 85), (3, 120), (4, 120)):
            header.resizeSection(col, width)
        middle = QWidget(self)
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.status_filter)
        mid_layout = QVBoxLayout(middle)
        mid_layout.setContentsMargins(0, 0, 0, 0)
        mid_layout.addLayout(bar)
        mid_layout.addWidget(self.table, 1)

        # One inspection
        self.view = InspectionView(self.ops, language, settings, self)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setSizes([190, 470, 706])
        self.setCentralWidget(self.splitter)

        self.data_dir_label = QLabel(self.tr("Data: {path}").format(path=ltr(store.data_dir)), self)
        self.data_dir_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.count_label = QLabel(self)
        self.saved_label = QLabel(self)
        self.sync_label = QLabel(self)
        self.statusBar().addWidget(self.count_label)
        self.statusBar().addWidget(self.sync_label)
        self.statusBar().addWidget(self.saved_label)
        self.sync = SyncActions(self)
        self.statusBar().addPermanentWidget(self.sync.bar)
        self.statusBar().addPermanentWidget(self.data_dir_label)

        self._build_actions()
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)

        self.site_list.selectionModel().currentChanged.connect(lambda *_: self._apply_filter())
        self.filter.textChanged.connect(lambda _t: self._filter_timer.start())
        self.status_filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.modelReset.connect(self._update_counts)
        self.model.rowsInserted.connect(self._update_counts)
        self.ops.changed.connect(self._on_changed)
        self.ops.saved.connect(self._on_saved)
        self.view.status_requested.connect(self._set_status)

        self._restore_state()
        self._update_counts()

    # -- actions ---------------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, tip: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(
            self.tr("&New Inspection…"),
            self.new_inspection,
            QKeySequence.StandardKey.New,
            self.tr("Start a new inspection at the selected site"),
        )
        self.delete_action = self._action(
            self.tr("&Delete Inspection…"), self.delete_inspection, QKeySequence.StandardKey.Delete
        )
        self.undo_delete_action = self._action(self.tr("&Undo Delete"), self.undo_delete)
        self.undo_delete_action.setEnabled(False)
        quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.site_report_action = self._action(
            self.tr("Site &Summary Report…"),
            self.site_report,
            None,
            self.tr("Inspections, trends against limits and open corrective actions of a site, as a PDF"),
        )
        self.filter_action = self._action(self.tr("&Filter…"), self.focus_filter, QKeySequence.StandardKey.Find)
        self.refresh_action = self._action(self.tr("&Refresh"), self.refresh, QKeySequence.StandardKey.Refresh)
        if self.refresh_action.shortcut() != QKeySequence("F5"):
            self.refresh_action.setShortcuts([self.refresh_action.shortcut(), QKeySequence("F5")])
        self.lists_action = self._action(self.tr("Show &Lists"), self.show_lists, "Ctrl+L")
        self.lists_action.setCheckable(True)
        self.lists_action.setChecked(True)
        self.lists_action.setStatusTip(
            self.tr("Hide the site and inspection lists to give the inspection the whole window")
        )
        about = self._action(self.tr("&About FieldKit"), lambda: show_about(self, str(self.store.data_dir)))

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.delete_action)
        file_menu.addSeparator()
        file_menu.addAction(self.site_report_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit_menu = menu.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_delete_action)
        edit_menu.addAction(self.filter_action)
        view_menu = menu.addMenu(self.tr("&View"))
        view_menu.addAction(self.refresh_action)
        view_menu.addAction(self.lists_action)
        self.sync.add_to_menus(file_menu, edit_menu, before=quit_action)
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(about)

    def site_report(self) -> None:
        dialog = SiteReportDialog(self.store, self.settings, self.current_site_id(), self)
        if dialog.exec() and dialog.result_ is not None:
            result = dialog.result_
            self.statusBar().showMessage(
                self.tr("Saved the site summary to {path} ({pages} pages)").format(
                    path=result.path, pages=result.pages
                ),
                10_000,
            )

    # -- selection and filtering ------------------------------------------------------------------

    def current_site_id(self) -> str | None:
        site = self.site_model.site_at(self.site_list.currentIndex().row())
        return site.id if site else None

    def _apply_filter(self) -> None:
        self._filter_timer.stop()
        keep = self.view.inspection_id
        self.view.flush()
        query = self.model.query
        new = InspectionQuery(
            site_id=self.current_site_id(),
            status=self.status_filter.currentData(),
            text=self.filter.text(),
            sort=query.sort,
            descending=query.descending,
        )
        self.model.set_query(new)
        self._select(keep)

    def _select(self, inspection_id: str | None) -> None:
        row = self.model.row_of(inspection_id) if inspection_id else -1
        if row < 0:
            self.table.selectionModel().clearSelection()
            self.table.setCurrentIndex(QModelIndex())
            self.view.show_inspection(None)
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.view.flush()
        row = self.model.row_at(current.row()) if current.isValid() else None
        self._show(row.id if row else None)

    def _show(self, inspection_id: str | None) -> None:
        detail = None
        if inspection_id is not None:
            try:
                detail = services.get_inspection(self.store, inspection_id)
            except NotFoundError:
                detail = None
        self.view.show_inspection(detail)
        self.delete_action.setEnabled(detail is not None)

    def show_lists(self, shown: bool) -> None:
        for index in (0, 1):
            self.splitter.widget(index).setVisible(shown)
        self.lists_action.setChecked(shown)

    def focus_filter(self) -> None:
        self.show_lists(True)
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def refresh(self) -> None:
        self.view.flush()
        keep = self.view.inspection_id
        self.site_model.reload()
        self.model.reload()
        self._select(keep)
        self._show(keep if self.model.row_of(keep or "") >= 0 else None)

    # -- changes -------------------------------------------------------------------------------------

    def _on_changed(self, changes: ChangeSet) -> None:
        if changes.touches("inspections") or changes.touches("sites"):
            current = self.view.inspection_id
            self.site_model.blockSignals(True)
            site_row = self.site_list.currentIndex().row()
            self.site_model.blockSignals(False)
            self.site_model.reload()
            self.site_list.setCurrentIndex(self.site_model.index(max(0, site_row), 0))
            self.model.reload()
            self._select(current)
            if current and current in changes.ids("inspections"):
                self._show(current)

    def _on_saved(self) -> None:
        self.saved_label.setText(self.tr("All changes saved"))

    def _update_counts(self) -> None:
        total = services.count_inspections(self.store, self.model.query)
        self.count_label.setText(
            self.tr("1 inspection") if total == 1 else self.tr("{count} inspections").format(count=total)
        )
        unsynced = services.count_inspections(self.store, InspectionQuery(dirty=True))
        self.sync_label.setText(
            self.tr("{count} not yet synced").format(count=unsynced) if unsynced else self.tr("All synced")
        )

    def new_inspection(self) -> None:
        self.view.flush()
        sites = services.list_sites(self.store)
        if not sites:
            QMessageBox.information(
                self, self.tr("No sites"), self.tr("There are no sites yet: sync with the registry first.")
            )
            return
        users = [u for u in services.list_users(self.store) if u.role in ("inspector", "supervisor", "admin")]
        me = services.current_user(self.store)
        dialog = NewInspectionDialog(
            sites,
            services.list_forms(self.store),
            users,
            site_id=self.current_site_id(),
            inspector_id=me.id if me else None,
            parent=self,
        )
        if dialog.exec() != NewInspectionDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        site_id = values.pop("site_id")
        changes = self.ops.run(services.create_inspection, site_id, parent=self, **values)
        if changes and changes.created_id:
            if self.current_site_id() not in (None, site_id):
                self.site_list.setCurrentIndex(self.site_model.index(self.site_model.row_of(site_id), 0))
            self.filter.clear()
            self.status_filter.setCurrentIndex(0)
            self._apply_filter()
            self._select(changes.created_id)
            self.view.header.title.setFocus()

    def delete_inspection(self) -> None:
        detail_id = self.view.inspection_id
        if detail_id is None:
            return
        self.view.flush()
        detail = services.get_inspection(self.store, detail_id)
        answer = QMessageBox.question(
            self,
            self.tr("Delete inspection"),
            self.tr("Delete “{title}” at {site}? You can undo this with Edit → Undo Delete.").format(
                title=detail.title or self.tr("(untitled)"), site=detail.site_name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        row = self.table.currentIndex().row()
        if self.ops.run(services.delete_inspection, detail_id, parent=self):
            self._deleted.append(detail_id)
            self.undo_delete_action.setEnabled(True)
            self.statusBar().showMessage(self.tr("Inspection deleted."), 5000)
            next_row = self.model.row_at(min(row, self.model.rowCount() - 1))
            self._select(next_row.id if next_row else None)

    def undo_delete(self) -> None:
        if not self._deleted:
            return
        inspection_id = self._deleted.pop()
        self.undo_delete_action.setEnabled(bool(self._deleted))
        if self.ops.run(services.restore_inspection, inspection_id, parent=self):
            self._select(inspection_id)

    def _set_status(self, status: str, comment: str) -> None:
        inspection_id = self.view.inspection_id
        if inspection_id is None:
            return
        try:
            changes = services.set_status(self.store, inspection_id, status, comment=comment or None)
        except services.SubmissionBlocked as blocked:
            dialog = SubmitProblemsDialog(blocked.problems, self)
            dialog.exec()
            if dialog.chosen:  # after the dialog has closed and handed the focus back
                self.activateWindow()
                self.view.show_item(dialog.chosen)
            return
        except FieldKitError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return
        self.ops.saved.emit()
        self.ops.changed.emit(changes)
        self._show(inspection_id)

    # -- window state ------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("main/state")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.value("main/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        header = self.settings.value("main/table_header")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
        site_id = self.settings.value("main/site_id") or None
        self.site_list.setCurrentIndex(self.site_model.index(self.site_model.row_of(site_id), 0))
        self._apply_filter()
        inspection_id = self.settings.value("main/inspection_id") or None
        if inspection_id and self.model.row_of(inspection_id) >= 0:
            self._select(inspection_id)
        elif self.model.rowCount():
            self._select(self.model.row_at(0).id)

    def save_state(self) -> None:
        self.settings.setValue("main/geometry", self.saveGeometry())
        self.settings.setValue("main/state", self.saveState())
        self.settings.setValue("main/splitter", self.splitter.saveState())
        self.settings.setValue("main/table_header", self.table.horizontalHeader().saveState())
        self.settings.setValue("main/site_id", self.current_site_id() or "")
        self.settings.setValue("main/inspection_id", self.view.inspection_id or "")
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.view.flush()
        if self.view.track.live.logging:
            self.view.track.live.stop_logging()  # everything logged is kept
        self.save_state()
        self.sync.shutdown()
        super().closeEvent(event)
