"""The photos of an inspection as a lazy Qt list model, the delegate that draws them, and the grid.

Rows are plain :class:`~fieldkit.services.photos.PhotoRow` values, shown a batch at a time
(``canFetchMore``/``fetchMore``). Thumbnails are read and decoded on the thread pool only when the
view first asks for one (that is, when it is painted), a batch at a time, and kept as pixmaps in a
bounded cache; a grey tile shows meanwhile.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from fieldkit import services
from fieldkit.services.photos import PhotoRow
from fieldkit.store import Store
from fieldkit.ui.widgets import ltr

log = logging.getLogger("fieldkit.ui")

ObjectRole = Qt.ItemDataRole.UserRole + 1
"""Role returning the row's :class:`PhotoRow`."""
TimeRole = Qt.ItemDataRole.UserRole + 2
"""Role returning when the photo was taken, as local time text ("" when unknown)."""

_Index = QModelIndex | QPersistentModelIndex
_OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def local_time(row: PhotoRow, seconds: bool = False) -> str:
    if row.taken_at is None:
        return ""
    return row.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


class _Loaded(QObject):
    done = Signal(object)


class _ThumbnailJob(QRunnable):
    """Reads and decodes thumbnails on the pool (QImage is safe off the GUI thread; QPixmap is not)."""

    def __init__(self, store: Store, ids: list[str]) -> None:
        super().__init__()
        self.signals = _Loaded()
        self._store, self._ids = store, ids

    def run(self) -> None:
        images: list[tuple[str, QImage | None]] = []
        for photo_id in self._ids:
            image = None
            try:
                data = services.photos.thumbnail_bytes(self._store, photo_id)
                if data:
                    image = QImage.fromData(data)
            except Exception:  # a closed store or a broken row: a grey tile, never a crash
                log.exception("thumbnail of %s not loaded", photo_id)
            images.append((photo_id, image if image is not None and not image.isNull() else None))
        self.signals.done.emit(images)


class PhotoListModel(QAbstractListModel):
    BATCH = 300
    """Rows handed to the view per fetch."""
    CACHE = 800
    """Thumbnails kept as pixmaps (about 300 KB each at most: 800 are a few hundred MB at worst)."""
    LOAD_BATCH = 24

    thumbnail_ready = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._rows: list[PhotoRow] = []
        self._shown = 0
        self._row_of: dict[str, int] = {}
        self._cache: OrderedDict[str, QPixmap] = OrderedDict()
        self._wanted: dict[str, None] = {}  # insertion-ordered: the latest asked for are loaded first
        self._loading: _ThumbnailJob | None = None
        self._placeholder = QPixmap(4, 3)
        self._placeholder.fill(QColor("#d9dee4"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._load_next)

    # -- rows ------------------------------------------------------------------------------------

    def set_photos(self, rows: list[PhotoRow]) -> None:
        """Show ``rows`` (thumbnails already loaded for the same ids are kept)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._shown = min(len(self._rows), self.BATCH)
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}
        self._wanted.clear()
        self.endResetModel()

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        more = min(self.BATCH, len(self._rows) - self._shown)
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._shown

    def photo_at(self, row: int) -> PhotoRow | None:
        return self._rows[row] if 0 <= row < self._shown else None

    def row_of(self, photo_id: str) -> int:
        """Row of a photo (making it shown if it is further down), or -1."""
        row = self._row_of.get(photo_id, -1)
        while row >= self._shown and self.canFetchMore():
            self.fetchMore()
        return row

    def ids(self) -> list[str]:
        """Every photo of the current list, shown or not yet, in order."""
        return [r.id for r in self._rows]

    def total(self) -> int:
        return len(self._rows)

    # -- data --------------------------------------------------------------------------------------

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.photo_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:  # a file name reads left to right, even in Urdu
            return row.caption or ltr(row.original_name or "")
        if role == Qt.ItemDataRole.DecorationRole:
            pixmap = self.thumbnail(row.id)
            if pixmap is None:
                self._want(row.id)
                return self._placeholder
            return pixmap
        if role == TimeRole:
            return local_time(row)
        if role == ObjectRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [row.original_name or "", local_time(row)]
            if row.caption:
                lines.append(row.caption)
            if row.latitude is None:
                lines.append(self.tr("No position"))
            return "\n".join(line for line in lines if line)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return " ".join(p for p in (row.caption or row.original_name or "", local_time(row)) if p)
        return None

    # -- thumbnails --------------------------------------------------------------------------------

    def thumbnail(self, photo_id: str) -> QPixmap | None:
        """The cached thumbnail, or ``None`` when not loaded yet."""
        pixmap = self._cache.get(photo_id)
        if pixmap is not None:
            self._cache.move_to_end(photo_id)
        return pixmap

    def pending(self) -> bool:
        """Whether thumbnails are still being loaded."""
        return bool(self._wanted) or self._loading is not None

    def _want(self, photo_id: str) -> None:
        self._wanted.pop(photo_id, None)
        self._wanted[photo_id] = None
        if self._loading is None and not self._timer.isActive():
            self._timer.start()

    def _load_next(self) -> None:
        if self._loading is not None or not self._wanted:
            return
        ids = list(self._wanted)[-self.LOAD_BATCH :]
        for photo_id in ids:
            del self._wanted[photo_id]
        job = _ThumbnailJob(self._store, ids)
        job.signals.done.connect(self._loaded)
        self._loading = job
        QThreadPool.globalInstance().start(job)

    def _loaded(self, images: list[tuple[str, QImage | None]]) -> None:
        self._loading = None
        for photo_id, image in images:
            if image is None:
                pixmap = QPixmap(4, 3)
                pixmap.fill(QColor("#b0b7c0"))
            else:
                pixmap = QPixmap.fromImage(image)
            self._cache[photo_id] = pixmap
            while len(self._cache) > self.CACHE:
                self._cache.popitem(last=False)
            row = self._row_of.get(photo_id, -1)
            if 0 <= row < self._shown:
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
            self.thumbnail_ready.emit(photo_id)
        if self._wanted:
            self._timer.start()


class PhotoDelegate(QStyledItemDelegate):
    """A grid cell: the thumbnail centred in a square, the time and the caption under it."""

    BOX = 150
    PAD = 6

    def cell_size(self, option_font_height: int) -> QSize:
        return QSize(self.BOX + 2 * self.PAD + 12, self.BOX + 2 * self.PAD + 2 * option_font_height + 8)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        # Constant: asking the model for the thumbnail here would load every photo at layout time.
        return self.cell_size(option.fontMetrics.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        painter.save()
        rect: QRect = option.rect.adjusted(2, 2, -2, -2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, option.palette.highlight())
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(option.palette.highlight().color().darker(130), 1))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        box = QRect(rect.x() + (rect.width() - self.BOX) // 2, rect.y() + self.PAD, self.BOX, self.BOX)
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            size = pixmap.size().scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(box.center())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawPixmap(target, pixmap)
        metrics = option.fontMetrics
        line = metrics.height()
        text_rect = QRect(rect.x() + 4, box.bottom() + 4, rect.width() - 8, line)
        text_colour = option.palette.highlightedText() if selected else option.palette.text()
        when = ltr(index.data(TimeRole) or "")
        painter.setPen(text_colour.color() if selected else QColor("#5f6b7a"))
        painter.drawText(
            text_rect,
            Qt.AlignmentFlag.AlignHCenter,
            metrics.elidedText(when, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        caption = index.data(Qt.ItemDataRole.DisplayRole) or ""
        painter.setPen(text_colour.color())
        text_rect.translate(0, line)
        painter.drawText(
            text_rect,
            Qt.AlignmentFlag.AlignHCenter,
            metrics.elidedText(caption, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        painter.restore()


class PhotoGrid(QListView):
    """The thumbnail grid. Enter and Delete are taken here first: the main window's Delete (delete
    the inspection) must not fire while a photo is selected."""

    open_requested = Signal()
    delete_requested = Signal()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._ours(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._ours(event):
            (self.open_requested if event.key() in _OPEN_KEYS else self.delete_requested).emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def _ours(self, event: QKeyEvent) -> bool:
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        return plain and (event.key() in _OPEN_KEYS or event.key() == Qt.Key.Key_Delete)
