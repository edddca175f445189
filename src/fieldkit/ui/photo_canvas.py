"""A photo shown large: fitted to the widget until zoomed (wheel, or the viewer's +/- keys), panned
by dragging."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPixmap, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QWidget

MAX_ZOOM = 8.0
"""Closest zoom: 8 screen pixels per photo pixel."""


class PhotoCanvas(QGraphicsView):
    """The photo, fitted to the window until zoomed; dragging pans."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.item)
        self.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(Qt.GlobalColor.darkGray)
        self.setAccessibleName(self.tr("Photo"))
        self.setMinimumSize(320, 240)
        self.fitted = True

    def set_pixmap(self, pixmap: QPixmap, same_photo: bool = False) -> None:
        """Show ``pixmap``; a sharper copy of the same photo keeps the zoom and the place looked at."""
        old = self.item.pixmap().width()
        centre = self.mapToScene(self.viewport().rect().center())
        self.item.setPixmap(pixmap)
        self.scene().setSceneRect(self.item.boundingRect())
        if self.fitted or not same_photo or old <= 0 or pixmap.width() <= 0:
            self.fit()
            return
        ratio = pixmap.width() / old
        self.scale(1 / ratio, 1 / ratio)
        self.centerOn(centre * ratio)

    def zoom(self) -> float:
        """Screen pixels per photo pixel of the copy shown."""
        return self.transform().m11()

    def fit(self) -> None:
        self.fitted = True
        if not self.item.pixmap().isNull():
            self.fitInView(self.item, Qt.AspectRatioMode.KeepAspectRatio)

    def zoom_by(self, factor: float, under_mouse: bool = False) -> None:
        current = self.zoom()
        fit = self._fit_zoom()
        target = min(max(current * factor, min(fit, 1.0) * 0.5), MAX_ZOOM)
        if target == current:
            return
        self.fitted = False
        anchor = self.transformationAnchor()
        if not under_mouse:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.scale(target / current, target / current)
        self.setTransformationAnchor(anchor)

    def _fit_zoom(self) -> float:
        size = self.item.pixmap().size()
        if size.isEmpty():
            return 1.0
        view = self.viewport().rect()
        return min(view.width() / size.width(), view.height() / size.height())

    def wheelEvent(self, event: QWheelEvent) -> None:
        notches = event.angleDelta().y() / 120.0
        if notches:
            self.zoom_by(1.25**notches, under_mouse=True)
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitted:
            self.fit()
