"""The photos of a finding: a strip of thumbnails under the finding, and a chooser to attach them."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldkit import services
from fieldkit.ui.operations import Operations

THUMB = QSize(96, 72)


def _icon(ops: Operations, photo_id: str) -> QIcon:
    pixmap = QPixmap()
    data = services.photos.thumbnail_bytes(ops.store, photo_id)
    if data:
        pixmap.loadFromData(data)
    return QIcon(pixmap)


class FindingPhotos(QWidget):
    """Thumbnails of the photos linked to one finding, with a button to change the selection."""

    changed = Signal()

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._inspection_id: str | None = None
        self._finding_id: str | None = None
        self.strip = QListWidget(self)
        self.strip.setViewMode(QListView.ViewMode.IconMode)
        self.strip.setIconSize(THUMB)
        self.strip.setFlow(QListView.Flow.LeftToRight)
        self.strip.setWrapping(False)
        self.strip.setGridSize(QSize(THUMB.width() + 24, THUMB.height() + 28))
        self.strip.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.strip.setFixedHeight(THUMB.height() + 50)
        self.strip.setAccessibleName(self.tr("Photos of this finding"))
        self.attach = QPushButton(self.tr("Attach photos…"), self)
        self.empty = QLabel(self.tr("No photo attached."), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.strip, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.attach, 0, Qt.AlignmentFlag.AlignTop)
        self.attach.clicked.connect(self.choose)

    def show_finding(self, inspection_id: str | None, finding_id: str | None, editable: bool) -> None:
        self._inspection_id, self._finding_id = inspection_id, finding_id
        self.strip.clear()
        photos = (
            services.photos.list_photos(self._ops.store, inspection_id, finding_id=finding_id)
            if inspection_id and finding_id
            else []
        )
        for photo in photos:
            entry = QListWidgetItem(_icon(self._ops, photo.id), photo.caption or photo.original_name or "")
            entry.setToolTip(photo.caption or photo.original_name or "")
            self.strip.addItem(entry)
        self.strip.setVisible(bool(photos))
        self.empty.setVisible(not photos)
        self.attach.setEnabled(editable and finding_id is not None)

    def choose(self) -> None:
        if self._inspection_id is None or self._finding_id is None:
            return
        photos = services.photos.list_photos(self._ops.store, self._inspection_id)
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Photos of the finding"))
        grid = QListWidget(dialog)
        grid.setViewMode(QListView.ViewMode.IconMode)
        grid.setIconSize(QSize(128, 96))
        grid.setResizeMode(QListView.ResizeMode.Adjust)
        for photo in photos:
            entry = QListWidgetItem(_icon(self._ops, photo.id), photo.caption or photo.original_name or "")
            entry.setData(Qt.ItemDataRole.UserRole, photo.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(
                Qt.CheckState.Checked if photo.finding_id == self._finding_id else Qt.CheckState.Unchecked
            )
            grid.addItem(entry)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        hint = QLabel(self.tr("Tick the photos that show this finding (import photos in the Photos tab)."), dialog)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(grid, 1)
        layout.addWidget(buttons)
        dialog.resize(640, 460)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        for row in range(grid.count()):
            entry = grid.item(row)
            photo_id = entry.data(Qt.ItemDataRole.UserRole)
            linked = next(p.finding_id for p in photos if p.id == photo_id) == self._finding_id
            checked = entry.checkState() == Qt.CheckState.Checked
            if checked != linked:
                self._ops.run(
                    services.photos.update_photo,
                    photo_id,
                    finding_id=self._finding_id if checked else None,
                    parent=self,
                )
        self.show_finding(self._inspection_id, self._finding_id, True)
        self.changed.emit()
