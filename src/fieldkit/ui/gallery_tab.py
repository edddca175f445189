"""The Photos tab: the photos of an inspection as a grid of thumbnails; importing (files, folders,
drag and drop), the camera clock, deleting, filtering, and the viewer.

Keyboard: Ctrl+I imports files, Ctrl+Shift+I a folder, Enter opens the viewer, Delete deletes
(after asking). Imports run on the thread pool with a progress dialog and Cancel.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldkit import services
from fieldkit.errors import FieldKitError
from fieldkit.services import ChangeSet, InspectionDetail
from fieldkit.services.photos import PhotoImport, PhotoRow
from fieldkit.store import Store
from fieldkit.ui.operations import Operations
from fieldkit.ui.photo_dialogs import CameraClockDialog, ImportReportDialog, import_summary
from fieldkit.ui.photo_model import PhotoDelegate, PhotoGrid, PhotoListModel
from fieldkit.ui.photo_viewer import PhotoViewer
from fieldkit.ui.track_tab import BASEMAP_KEY
from fieldkit.ui.workers import run_with_progress

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".heif", ".mpo")


def _import_photos(store: Store, paths: list[Path], inspection_id: str, **kwargs) -> tuple[PhotoImport, bool]:
    """The import, and whether it was cancelled (asked here: the progress dialog cancels when it closes)."""
    result = services.photos.import_photos(store, paths, inspection_id, **kwargs)
    return result, kwargs["cancelled"]()


def _delete_photos(store: Store, photo_ids: list[str]) -> ChangeSet:
    changes = ChangeSet()
    for photo_id in photo_ids:
        changes += services.photos.delete_photo(store, photo_id)
    return changes


class GalleryTab(QWidget):
    def __init__(
        self,
        ops: Operations,
        language: str = "en",
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._lang = language
        self._settings = settings or QSettings()
        self._detail: InspectionDetail | None = None
        self.viewer: PhotoViewer | None = None
        self.setAcceptDrops(True)

        self.import_button = QPushButton(self.tr("I&mport photos…"), self)
        self.import_button.setToolTip(self.tr("Or drop photos and folders on this tab (Ctrl+I)"))
        self.folder_button = QPushButton(self.tr("Import a f&older…"), self)
        self.folder_button.setToolTip(self.tr("Every photo in a folder and its subfolders (Ctrl+Shift+I)"))
        self.clock_button = QPushButton(self.tr("Camera c&lock…"), self)
        self.clock_button.setToolTip(self.tr("Correct a wrong camera clock, so that photos are placed on the track"))
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.filter = QComboBox(self)
        self.filter.setAccessibleName(self.tr("Show"))
        self.filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.filter.setMinimumContentsLength(22)
        self.summary = QLabel(self)
        self.model = PhotoListModel(ops.store, self)
        self.grid = PhotoGrid(self)
        self.grid.setAccessibleName(self.tr("Photos"))
        self.delegate = PhotoDelegate(self.grid)
        self.grid.setItemDelegate(self.delegate)
        self.grid.setModel(self.model)
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setUniformItemSizes(True)
        self.grid.setGridSize(self.delegate.cell_size(self.grid.fontMetrics().height()))
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setDragEnabled(False)
        self.empty = QLabel(self.tr("No photos yet. Drop photos or folders here, or press Ctrl+I."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #5f6b7a;")

        bar = QHBoxLayout()
        for widget in (self.import_button, self.folder_button, self.clock_button, self.delete_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        bar.addWidget(self.filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.grid, 1)

        self.import_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        self.clock_button.clicked.connect(self.camera_clock)
        self.delete_button.clicked.connect(self.delete_selected)
        self.filter.activated.connect(lambda _i: self.reload())
        self.grid.doubleClicked.connect(lambda index: self.open_viewer(self.model.photo_at(index.row()).id))
        self.grid.open_requested.connect(self.open_viewer)
        self.grid.delete_requested.connect(self.delete_selected)
        self.grid.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        ops.changed.connect(self._on_changed)
        QShortcut(QKeySequence("Ctrl+I"), self, self.choose_files)
        QShortcut(QKeySequence("Ctrl+Shift+I"), self, self.choose_folder)

    # -- showing -------------------------------------------------------------------------------------

    def show_inspection(self, detail: InspectionDetail | None) -> None:
        same = detail is not None and self._detail is not None and detail.id == self._detail.id
        if not same:
            self.flush()
        self._detail = detail
        self._fill_filter(keep=same)
        self.reload(keep_selection=same)

    def _fill_filter(self, keep: bool) -> None:
        current = self.filter.currentData() if keep else None
        self.filter.clear()
        self.filter.addItem(self.tr("All photos"), "all")
        self.filter.addItem(self.tr("Without position"), "no_position")
        self.filter.addItem(self.tr("Not linked to an item or finding"), "unlinked")
        if self._detail is not None:
            if self._detail.template_id is not None:
                try:
                    template = services.load_checklist(self._ops.store, self._detail.id, self._lang).compiled.template
                except FieldKitError:
                    template = None
                for item in template.items.values() if template else ():
                    if item.type == "photo":
                        label = self.tr("Item: {label}").format(label=item.label.get(self._lang))
                        self.filter.addItem(label, f"item:{item.id}")
            for finding in services.list_findings(self._ops.store, self._detail.id):
                self.filter.addItem(self.tr("Finding: {title}").format(title=finding.title), f"finding:{finding.id}")
        found = self.filter.findData(current) if current else 0
        self.filter.setCurrentIndex(max(0, found))

    def reload(self, keep_selection: bool = True, select: list[str] | None = None) -> None:
        keep = select if select is not None else (self.selected_ids() if keep_selection else [])
        current = self.current_photo()
        rows = self._filtered() if self._detail is not None else []
        self.model.set_photos(rows)
        total = len(rows)
        located = sum(1 for r in rows if r.latitude is not None)
        self.summary.setText(
            self.tr("{count} photo(s), {located} with a position").format(count=total, located=located) if total else ""
        )
        has_any = total > 0 or self.filter.currentIndex() > 0
        self.empty.setVisible(not has_any and self._detail is not None)
        self.grid.setVisible(has_any or self._detail is None)
        self.select(keep, current.id if current and current.id in keep else None)
        self._update_buttons()

    def _filtered(self) -> list[PhotoRow]:
        kind, _, value = (self.filter.currentData() or "all").partition(":")
        store, inspection_id = self._ops.store, self._detail.id
        if kind == "item":
            return services.photos.list_photos(store, inspection_id, item_id=value)
        if kind == "finding":
            return services.photos.list_photos(store, inspection_id, finding_id=value)
        rows = services.photos.list_photos(store, inspection_id)
        if kind == "no_position":
            return [r for r in rows if r.latitude is None]
        if kind == "unlinked":
            return [r for r in rows if r.item_id is None and r.finding_id is None]
        return rows

    def select(self, photo_ids: list[str], current: str | None = None) -> None:
        selection = self.grid.selectionModel()
        selection.clearSelection()
        rows = [r for r in (self.model.row_of(i) for i in photo_ids) if r >= 0]
        for row in rows:
            selection.select(self.model.index(row), QItemSelectionModel.SelectionFlag.Select)
        focus = self.model.row_of(current) if current else (rows[0] if rows else -1)
        if focus >= 0:
            selection.setCurrentIndex(self.model.index(focus), QItemSelectionModel.SelectionFlag.NoUpdate)
            self.grid.scrollTo(self.model.index(focus))

    def selected_ids(self) -> list[str]:
        rows = sorted(i.row() for i in self.grid.selectionModel().selectedIndexes())
        return [p.id for p in (self.model.photo_at(r) for r in rows) if p is not None]

    def current_photo(self) -> PhotoRow | None:
        index = self.grid.currentIndex()
        chosen = self.model.photo_at(index.row()) if index.isValid() else None
        if chosen is not None and chosen.id in self.selected_ids():
            return chosen
        selected = self.selected_ids()
        return self.model.photo_at(self.model.row_of(selected[0])) if selected else None

    def _update_buttons(self) -> None:
        editable = bool(self._detail and self._detail.editable)
        for button in (self.import_button, self.folder_button, self.clock_button):
            button.setEnabled(editable)
        self.delete_button.setEnabled(editable and bool(self.selected_ids()))

    def _on_changed(self, changes: ChangeSet) -> None:
        if self._detail is None:
            return
        if changes.touches("findings"):
            self._fill_filter(keep=True)
        if changes.touches("photos") or changes.touches("findings"):
            self.reload()

    def flush(self) -> None:
        if self.viewer is not None:
            self.viewer.flush()

    # -- importing -----------------------------------------------------------------------------------

    def choose_files(self) -> None:
        if not self._editable():
            return
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import photos"),
            "",
            self.tr("Photos (*.jpg *.jpeg *.png *.heic *.heif *.JPG *.JPEG *.PNG *.HEIC);;All files (*)"),
        )
        self.import_paths([Path(n) for n in names])

    def choose_folder(self) -> None:
        if not self._editable():
            return
        name = QFileDialog.getExistingDirectory(self, self.tr("Import every photo in a folder"))
        if name:
            self.import_paths([Path(name)])

    def import_paths(self, paths: list[Path]) -> None:
        """Import files and folders into the inspection shown, off the GUI thread; a summary after."""
        if not paths or not self._editable():
            return
        inspection_id = self._detail.id
        label = (
            self.tr("Importing {name}…").format(name=paths[0].name)
            if len(paths) == 1
            else self.tr("Importing {count} files and folders…").format(count=len(paths))
        )

        def done(outcome: tuple[PhotoImport, bool]) -> None:
            result, cancelled = outcome
            if result.changes:
                self._ops.changed.emit(result.changes)
            self._ops.saved.emit()
            self.reload(select=[r.photo_id for r in result.results if r.photo_id and r.status != "rejected"])
            self._show_message(import_summary(result))
            if result.count("rejected") or cancelled:
                ImportReportDialog(result, cancelled, self).exec()

        def failed(exc: Exception) -> None:
            if not isinstance(exc, FieldKitError):
                raise exc
            QMessageBox.warning(self, self.tr("Photos not imported"), str(exc))

        run_with_progress(
            self,
            label,
            _import_photos,
            self._ops.store,
            paths,
            inspection_id,
            workers=max(1, min(4, os.cpu_count() or 2)),
            on_done=done,
            on_error=failed,
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and self._editable():
            event.acceptProposedAction()
            self.import_paths(paths)

    def _accepts(self, mime) -> bool:
        if not self._editable() or not mime.hasUrls():
            return False
        paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        return any(p.is_dir() or p.suffix.lower() in PHOTO_SUFFIXES for p in paths)

    # -- other actions -------------------------------------------------------------------------------

    def open_viewer(self, photo_id: str | None = None) -> PhotoViewer | None:
        """Open the viewer on ``photo_id`` (default: the current photo), with the grid's photos to
        go through with Left and Right."""
        if photo_id is None:
            current = self.current_photo()
            photo_id = current.id if current else None
        ids = self.model.ids()
        if photo_id is None or photo_id not in ids:
            return None
        if self.viewer is not None:
            self.viewer.close()
        self.viewer = PhotoViewer(
            self._ops,
            ids,
            ids.index(photo_id),
            editable=self._editable(),
            basemap=self._settings.value(BASEMAP_KEY) or None,
            language=self._lang,
            parent=self,
        )
        self.viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.viewer.photo_shown.connect(lambda pid: self.select([pid]))
        self.viewer.destroyed.connect(self._viewer_closed)
        self.viewer.open()
        return self.viewer

    def _viewer_closed(self) -> None:
        self.viewer = None
        self.grid.setFocus()

    def delete_selected(self) -> bool:
        ids = self.selected_ids()
        if not ids or not self._editable():
            return False
        if len(ids) == 1:
            photo = self.model.photo_at(self.model.row_of(ids[0]))
            question = self.tr("Delete the photo “{name}” from this inspection?").format(
                name=(photo.caption or photo.original_name or "") if photo else ""
            )
        else:
            question = self.tr("Delete {count} photos from this inspection?").format(count=len(ids))
        answer = QMessageBox.question(
            self,
            self.tr("Delete photos"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        row = min(self.model.row_of(i) for i in ids)
        if self._ops.run(_delete_photos, ids, parent=self) is None:
            return False
        after = self.model.photo_at(min(row, self.model.rowCount() - 1))
        self.select([after.id] if after else [])
        self.grid.setFocus()
        return True

    def camera_clock(self) -> bool:
        """Ask for the camera clock's offset and re-time the inspection's photos with it."""
        if not self._editable():
            return False
        dialog = CameraClockDialog(self._ops.store, self._current_offset(), self.current_photo(), self)
        if dialog.exec() != CameraClockDialog.DialogCode.Accepted:
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            changes = self._ops.run(
                services.photos.set_camera_offset, self._detail.id, dialog.offset_seconds(), parent=self
            )
        finally:
            QApplication.restoreOverrideCursor()
        if changes is not None:
            self._show_message(self.tr("The photos were re-timed and placed again."))
        return changes is not None

    def _current_offset(self) -> float | None:
        offset = getattr(self._detail, "camera_offset_s", None)
        if offset is not None:
            return offset
        # The inspection's offset is not in its detail yet: read it back from a photo it re-timed.
        for row in services.photos.list_photos(self._ops.store, self._detail.id):
            if row.camera_time and row.taken_at is not None:
                try:
                    return round(services.photos.offset_from_gps_photo(self._ops.store, row.id, row.taken_at))
                except FieldKitError:
                    continue
        return None

    def _editable(self) -> bool:
        return bool(self._detail and self._detail.editable)

    def _show_message(self, text: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 8000)
