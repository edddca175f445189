"""Photos on maps: the point layer of positioned photos (with their bearing cones), and a small map
dialog to place a photo by hand with a click."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from fieldkit import services
from fieldkit.errors import FieldKitError
from fieldkit.gps.geo import from_mercator
from fieldkit.gps.mbtiles import MbtilesError
from fieldkit.services.photos import PhotoRow
from fieldkit.ui.map_layers import MapPoint, PointStyle
from fieldkit.ui.map_view import MapView
from fieldkit.ui.operations import Operations
from fieldkit.ui.widgets import ltr

PHOTO_LAYER = "photos"
PHOTO_STYLE = PointStyle(color="#ef6c00", shape="circle", size=10, labels=False, z=45)
PLACED_STYLE = PointStyle(color="#d81b60", shape="circle", size=12, labels=False, z=50)
_CLICK_SLOP = 4


def photo_points(rows: Iterable[PhotoRow]) -> list[MapPoint]:
    """Map points of the photos that have a position; the payload is the photo's id, the label
    (a tooltip on the map) its caption or file name."""
    return [
        MapPoint(r.latitude, r.longitude, r.caption or r.original_name or "", r.bearing_deg, r.id)
        for r in rows
        if r.latitude is not None and r.longitude is not None
    ]


class PickingMap(MapView):
    """A map that also reports clicks anywhere (not only on markers) as :attr:`picked` (lat, lon);
    a press that turns into a drag pans and picks nothing."""

    picked = Signal(float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._down: QPointF | None = None
        self.viewport().setCursor(Qt.CursorShape.CrossCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._down = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        down, self._down = self._down, None
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or down is None:
            return
        moved = event.position() - down
        if abs(moved.x()) + abs(moved.y()) <= _CLICK_SLOP:
            scene = self.mapToScene(event.position().toPoint())
            lon, lat = from_mercator(scene.x(), scene.y())
            self.picked.emit(lat, lon)
        self.viewport().setCursor(Qt.CursorShape.CrossCursor)


class PlaceOnMapDialog(QDialog):
    """Shows the site, the inspection's tracks and the photo; a click places the photo there at once
    (saved like every other edit: no Save button)."""

    def __init__(self, ops: Operations, photo: PhotoRow, basemap: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.photo = photo
        self.setWindowTitle(self.tr("Place “{name}” on the map").format(name=photo.original_name or ""))
        hint = QLabel(
            self.tr("Click where the photo was taken. Drag to move the map, turn the wheel to zoom, F to fit."), self
        )
        hint.setWordWrap(True)
        self.position = QLabel(self)
        self.map = PickingMap(self)
        self.map.setMinimumSize(560, 400)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.map, 1)
        layout.addWidget(self.position)
        layout.addWidget(buttons)
        self.map.picked.connect(self.place)
        if basemap:
            try:
                self.map.set_basemap(basemap)
            except MbtilesError:
                pass  # the graticule instead: placing still works
        self._show_context()
        self._show_photo()
        self.map.fit_to_data()  # the site, the tracks and the photo (fitted again once shown)

    def _show_context(self) -> None:
        store = self._ops.store
        if self.photo.inspection_id is None:
            return
        try:
            detail = services.get_inspection(store, self.photo.inspection_id)
            self.map.set_sites([services.get_site(store, detail.site_code)])
            self.map.set_tracks(
                {"id": t.id, "name": t.name, "kind": t.kind, "segments": services.tracks.track_segments(store, t.id)}
                for t in services.tracks.list_tracks(store, self.photo.inspection_id)
            )
        except FieldKitError:
            pass  # context only: the photo can be placed without it

    def _show_photo(self) -> None:
        points = photo_points([self.photo])
        self.map.add_point_layer(PHOTO_LAYER, points, PLACED_STYLE)
        if points:
            self.position.setText(
                self.tr("Position: {position}").format(
                    position=ltr(f"{self.photo.latitude:.6f}, {self.photo.longitude:.6f}")
                )
            )
        else:
            self.position.setText(self.tr("No position yet."))

    def place(self, lat: float, lon: float) -> bool:
        """Save (lat, lon) as the photo's position, placed by hand."""
        if self._ops.run(services.photos.set_photo_position, self.photo.id, lat, lon, parent=self) is None:
            return False
        self.photo = services.photos.get_photo(self._ops.store, self.photo.id)
        self._show_photo()
        return True
