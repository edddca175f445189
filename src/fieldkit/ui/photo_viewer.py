"""The photo viewer: one photo large (zoom, fit, pan), what is known about it, and its caption and
links, saved as they are edited.

Keyboard: Left/Right (or Page Up/Down) previous/next photo, +/- or the wheel zoom, F fits, 1 shows
actual pixels, Escape closes. The display copy is decoded on the thread pool; the thumbnail shows,
enlarged, meanwhile. A missing or unreadable original shows the thumbnail and says why.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from fieldkit import services
from fieldkit.errors import FieldKitError
from fieldkit.i18n import current_language
from fieldkit.photos.images import PhotoError, display_copy
from fieldkit.services.photos import PhotoRow
from fieldkit.ui.operations import Operations
from fieldkit.ui.photo_canvas import PhotoCanvas
from fieldkit.ui.photo_map import PlaceOnMapDialog
from fieldkit.ui.photo_model import local_time
from fieldkit.ui.widgets import ltr
from fieldkit.ui.workers import Task

DISPLAY_SIDE = 4096
"""Long side of the decoded copy: full detail of a 12 MP photo, a quarter of the pixels of 50 MP."""
SAVE_DELAY_MS = 600


def decode_display(path: str, orientation: int | None, side: int, **_ignored: Any) -> QImage:
    """A display copy of the file at ``path`` as a QImage (runs on the pool; raises PhotoError)."""
    try:
        with open(path, "rb") as handle:
            image = display_copy(handle, orientation, side)
            image.load()  # a photo smaller than ``side`` comes back undecoded: decode it while the file is open
    except OSError as exc:
        raise PhotoError(str(exc)) from None
    if image.mode != "RGB":
        image = image.convert("RGB")
    data = image.tobytes()
    return QImage(data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888).copy()


class PhotoViewer(QDialog):
    """Opened with the ids of a list of photos (the gallery's, or the map's) and the one to show."""

    photo_shown = Signal(str)

    def __init__(
        self,
        ops: Operations,
        photo_ids: list[str],
        current: int = 0,
        *,
        editable: bool = True,
        basemap: str | None = None,
        language: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._ids = list(photo_ids)
        self._index = -1
        self._editable = editable
        self._basemap = basemap
        self._lang = language or current_language()
        self.photo: PhotoRow | None = None
        self._task: Task | None = None
        self._caption_dirty = False
        self._links_for: str | None = None
        self.setWindowTitle(self.tr("Photo"))
        self.resize(1100, 720)

        self.canvas = PhotoCanvas(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("background: #fdecea; color: #8a1c12; padding: 6px;")
        self.message.hide()
        self.counter = QLabel(self)
        # Standard back/forward arrows: they point the other way in a right-to-left (Urdu) layout.
        back, forward = QStyle.StandardPixmap.SP_ArrowBack, QStyle.StandardPixmap.SP_ArrowForward
        self.previous = QPushButton(self.style().standardIcon(back), self.tr("Previous"), self)
        self.next = QPushButton(self.style().standardIcon(forward), self.tr("Next"), self)
        self.place = QPushButton(self.tr("Place on &map…"), self)
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        self.place.clicked.connect(self.place_on_map)

        self.details: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, title in (
            ("name", self.tr("File:")),
            ("taken", self.tr("Taken at:")),
            ("camera", self.tr("Camera:")),
            ("size", self.tr("Size:")),
            ("position", self.tr("Position:")),
            ("bearing", self.tr("Bearing:")),
            ("sha256", self.tr("SHA-256:")),
        ):
            label = QLabel(self)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.details[key] = label
            form.addRow(title, label)
        self.caption = QPlainTextEdit(self)
        self.caption.setTabChangesFocus(True)
        self.caption.setPlaceholderText(self.tr("What the photo shows (saved as you type)"))
        self.caption.setMaximumHeight(self.caption.fontMetrics().height() * 5)
        self.item = QComboBox(self)
        self.finding = QComboBox(self)
        for combo in (self.item, self.finding):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(18)
        form.addRow(self.tr("&Caption:"), self.caption)
        form.addRow(self.tr("Checklist &item:"), self.item)
        form.addRow(self.tr("&Finding:"), self.finding)

        panel = QWidget(self)
        side = QVBoxLayout(panel)
        side.addLayout(form)
        side.addWidget(self.place)
        side.addStretch(1)
        nav = QHBoxLayout()
        nav.addWidget(self.previous)
        nav.addWidget(self.counter, 1, Qt.AlignmentFlag.AlignCenter)
        nav.addWidget(self.next)
        side.addLayout(nav)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.message)
        left_layout.addWidget(self.canvas, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(panel)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([760, 340])
        QVBoxLayout(self).addWidget(splitter)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.caption.textChanged.connect(self._caption_edited)
        self.caption.installEventFilter(self)
        self.item.activated.connect(lambda _i: self._save(item_id=self.item.currentData()))
        self.finding.activated.connect(lambda _i: self._save(finding_id=self.finding.currentData()))
        for keys, slot in (
            (("Right", "PgDown"), lambda: self.step(-1 if self.isRightToLeft() else 1)),
            (("Left", "PgUp"), lambda: self.step(1 if self.isRightToLeft() else -1)),
            (("+", "="), lambda: self.canvas.zoom_by(1.25)),
            (("-",), lambda: self.canvas.zoom_by(0.8)),
            (("F",), self.canvas.fit),
            (("1",), lambda: self.canvas.zoom_by(1.0 / self.canvas.zoom())),
        ):
            for key in keys:
                QShortcut(QKeySequence(key), self, slot)
        self.show_index(current)
        self.canvas.setFocus()

    # -- showing -------------------------------------------------------------------------------------

    def show_index(self, index: int) -> None:
        if not self._ids:
            return
        self.flush()
        index = max(0, min(index, len(self._ids) - 1))
        try:
            photo = services.photos.get_photo(self._ops.store, self._ids[index])
        except FieldKitError as exc:  # deleted meanwhile
            self.message.setText(str(exc))
            self.message.show()
            return
        same = self.photo is not None and photo.id == self.photo.id
        self._index, self.photo = index, photo
        self.counter.setText(self.tr("{number} of {count}").format(number=index + 1, count=len(self._ids)))
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index < len(self._ids) - 1)
        self._show_details(photo)
        self._show_links(photo)
        if not same:
            self._show_image(photo)
        self.photo_shown.emit(photo.id)

    def step(self, delta: int) -> None:
        if 0 <= self._index + delta < len(self._ids):
            self.show_index(self._index + delta)

    def _show_details(self, photo: PhotoRow) -> None:
        d = self.details
        self.setWindowTitle(photo.caption or photo.original_name or self.tr("Photo"))
        d["name"].setText(photo.original_name or "")
        if photo.taken_at is None:
            d["taken"].setText(self.tr("unknown (the photo has no time)"))
        else:
            zone = photo.taken_at.astimezone().strftime("%z")
            d["taken"].setText(ltr(f"{local_time(photo, seconds=True)} (UTC{zone[:3]}:{zone[3:]})"))
        d["taken"].setToolTip(
            self.tr("The camera's clock showed {time}").format(time=photo.camera_time) if photo.camera_time else ""
        )
        make, model = (photo.camera_make or "").strip(), (photo.camera_model or "").strip()
        d["camera"].setText(model if make and model.lower().startswith(make.lower()) else f"{make} {model}".strip())
        size = []
        if photo.width and photo.height:
            size.append(self.tr("{width} × {height} pixels").format(width=photo.width, height=photo.height))
        if photo.byte_size:
            size.append(self.locale().formattedDataSize(photo.byte_size, 1))
        d["size"].setText(" · ".join(size))
        d["position"].setText(position_text(photo))
        if photo.bearing_deg is None:
            d["bearing"].setText("—")
        else:
            d["bearing"].setText(f"{ltr(f'{photo.bearing_deg:.0f}°')} ({compass(photo.bearing_deg)})")
        d["sha256"].setText(ltr(photo.sha256[:12]))
        d["sha256"].setToolTip(photo.sha256)
        self.caption.blockSignals(True)
        if self.caption.toPlainText() != (photo.caption or "") and not self._caption_dirty:
            self.caption.setPlainText(photo.caption or "")
        self.caption.blockSignals(False)
        self.caption.setReadOnly(not self._editable)
        self.place.setEnabled(self._editable)

    def _show_links(self, photo: PhotoRow) -> None:
        """Fill the item and finding combos (their lists once per inspection) and choose the links."""
        if self._links_for != photo.inspection_id:
            self._links_for = photo.inspection_id
            store = self._ops.store
            for combo in (self.item, self.finding):
                combo.clear()
                combo.addItem(self.tr("— none —"), None)
            if photo.inspection_id is not None:
                try:
                    template = services.load_checklist(store, photo.inspection_id, self._lang).compiled.template
                    for item in template.items.values():
                        if item.type == "photo":
                            self.item.addItem(item.label.get(self._lang), item.id)
                except FieldKitError:
                    pass  # no checklist: nothing to link to
                for finding in services.list_findings(store, photo.inspection_id):
                    self.finding.addItem(f"{services.severity_label(finding.severity)} · {finding.title}", finding.id)
        for combo, value in ((self.item, photo.item_id), (self.finding, photo.finding_id)):
            found = combo.findData(value)
            if found < 0:  # linked to something no longer listed (another template version): keep it shown
                combo.addItem(str(value), value)
                found = combo.count() - 1
            combo.setCurrentIndex(found)
            combo.setEnabled(self._editable and combo.count() > 1)

    def _show_image(self, photo: PhotoRow) -> None:
        self.message.hide()
        thumb = services.photos.thumbnail_bytes(self._ops.store, photo.id)
        pixmap = QPixmap()
        if thumb:
            pixmap.loadFromData(thumb)
        self.canvas.set_pixmap(pixmap)
        if self._task is not None:
            self._task.cancel()
        try:
            path = services.photos.original_path(self._ops.store, photo.id)
        except FieldKitError as exc:
            self._task = None
            self._failed(None, exc)
            return
        task = Task(decode_display, str(path), photo.orientation, DISPLAY_SIDE)
        # Results come back through the task: one the viewer no longer waits for (closed, moved on) is ignored.
        task.signals.finished.connect(lambda image, t=task: self._decoded(t, image))
        task.signals.failed.connect(lambda exc, t=task: self._failed(t, exc))
        self._task = task
        self.canvas.viewport().setCursor(Qt.CursorShape.BusyCursor)
        QThreadPool.globalInstance().start(task)

    def _decoded(self, task: Task, image: QImage) -> None:
        if task is not self._task:
            return
        self._task = None
        self.canvas.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        self.canvas.set_pixmap(QPixmap.fromImage(image), same_photo=True)

    def _failed(self, task: Task | None, exc: Exception) -> None:
        if task is not self._task:
            return
        if not isinstance(exc, FieldKitError | PhotoError | OSError):
            raise exc
        self._task = None
        self.canvas.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        self.message.setText(
            self.tr("The photo cannot be shown in full ({reason}). The thumbnail is shown instead.").format(
                reason=str(exc).rstrip(".")
            )
        )
        self.message.show()

    def is_loading(self) -> bool:
        return self._task is not None

    # -- saving ---------------------------------------------------------------------------------------

    def _caption_edited(self) -> None:
        if self._editable:
            self._caption_dirty = True
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.caption and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return False

    def flush(self) -> None:
        """Save a caption still being typed."""
        self._timer.stop()
        if not self._caption_dirty:
            return
        self._caption_dirty = False
        if self.photo is not None and (self.photo.caption or "") != self.caption.toPlainText().strip():
            self._save(caption=self.caption.toPlainText())

    def _save(self, **fields: Any) -> None:
        if self.photo is None or not self._editable:
            return
        if self._ops.run(services.photos.update_photo, self.photo.id, parent=self, **fields) is not None:
            self.photo = services.photos.get_photo(self._ops.store, self.photo.id)
        self._show_links(self.photo)

    def place_on_map(self) -> None:
        if self.photo is None or not self._editable:
            return
        self.flush()
        dialog = PlaceOnMapDialog(self._ops, self.photo, self._basemap, self)
        dialog.exec()
        self.photo = services.photos.get_photo(self._ops.store, self.photo.id)
        self._show_details(self.photo)

    def done(self, result: int) -> None:
        self.flush()
        if self._task is not None:
            self._task.cancel()
            self._task = None
        super().done(result)


def position_text(photo: PhotoRow) -> str:
    """The position with where it came from, in words."""
    if photo.latitude is None or photo.longitude is None:
        return QCoreApplication.translate("PhotoViewer", "no position")
    source = {
        "exif": QCoreApplication.translate("PhotoViewer", "from the photo's GPS"),
        "track": QCoreApplication.translate("PhotoViewer", "from the track"),
        "manual": QCoreApplication.translate("PhotoViewer", "placed by hand"),
    }.get(photo.position_source or "", photo.position_source or "")
    where = f"{photo.latitude:.6f}, {photo.longitude:.6f}"
    if photo.altitude_m is not None:
        where += f", {photo.altitude_m:.0f} m"
    return f"{ltr(where)} — {source}" if source else ltr(where)


def compass(bearing: float) -> str:
    """The nearest of the eight compass points."""
    names = QCoreApplication.translate("PhotoViewer", "N NE E SE S SW W NW", "eight compass points, space-separated")
    parts = names.split()
    if len(parts) != 8:  # a catalogue that lost a word: English rather than a wrong direction
        parts = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"]
    return parts[round(bearing / 45) % 8]
