"""An offline map: MBTiles basemap (or a graticule), site boundaries, tracks, waypoints and any
number of point layers, with pan, zoom, a scale bar and a north arrow.

The scene is in Web Mercator (EPSG:3857) metres with y to the north: the view's transform scales
by ``p`` pixels per metre and flips y, so ``mapToScene`` gives Mercator coordinates directly.
Nothing here needs a network. Tracks of a million points stay smooth because each track is drawn
from precomputed levels of detail (:mod:`fieldkit.gps.lod`, :mod:`fieldkit.ui.map_tracks`).

Layers are addressed by name: ``"basemap"``, ``"sites"``, ``"tracks"``, ``"waypoints"``, and the
names given to :meth:`MapView.add_point_layer` (photos, findings ...).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from os import PathLike
from typing import Any

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QShowEvent, QTransform, QWheelEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from fieldkit.gps.geo import EARTH_HALF, from_mercator, to_mercator
from fieldkit.gps.mbtiles import MBTiles, MbtilesInfo
from fieldkit.ui.map_layers import MapPoint, PointItem, PointStyle, SiteItem, field, parse_boundary, to_map_point
from fieldkit.ui.map_painting import BACKGROUND, TileLayer, draw_graticule, draw_north_arrow, draw_scale_bar
from fieldkit.ui.map_tracks import TrackItem, TrackLayer

BASEMAP, SITES, TRACKS, WAYPOINTS = "basemap", "sites", "tracks", "waypoints"
MAX_PIXELS_PER_METRE = 10.0
"""Closest zoom: 0.1 m per pixel, finer than any hand-held GPS."""
PAKISTAN = (60.8, 23.6, 77.9, 37.1)
"""West, south, east, north: shown when there is nothing else to show."""
WAYPOINT_STYLE = PointStyle(color="#2e7d32", shape="diamond", size=11, labels=True, z=35)
_KEY_ZOOM = 2.0
_WHEEL_ZOOM_PER_NOTCH = 2**0.5
_CLICK_SLOP = 4
_SETTLE_MS = 200
"""After the last zoom step, tracks drawn in draft are drawn again in full quality."""


class MapView(QGraphicsView):
    """The map widget. Scene units are Web Mercator metres, north up.

    Signals: :attr:`cursor_moved` (lon, lat under the mouse), :attr:`point_clicked` (layer name,
    payload of a point-layer marker), :attr:`scale_changed` (metres per pixel) and
    :attr:`tracks_ready` (every track's levels of detail are built).
    """

    cursor_moved = Signal(float, float)
    point_clicked = Signal(str, object)
    scale_changed = Signal(float)
    tracks_ready = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(-EARTH_HALF, -EARTH_HALF, 2 * EARTH_HALF, 2 * EARTH_HALF, self))
        self.setAccessibleName(self.tr("Map"))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        # The scale bar and north arrow sit still while the map moves: every frame is a full repaint.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        self.setMinimumSize(200, 150)

        self._tiles: TileLayer | None = None
        self._visible: dict[str, bool] = {}
        self._sites: list[SiteItem] = []
        self._tracks = TrackLayer(self.scene(), self)
        self._tracks.ready.connect(self.tracks_ready)
        self._points: dict[str, list[PointItem]] = {}
        self._styles: dict[str, PointStyle] = {WAYPOINTS: WAYPOINT_STYLE}
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(_SETTLE_MS)
        self._settle_timer.timeout.connect(self._settle)
        self._press: QPointF | None = None
        self._dragging = False
        self._fit_on_show = True
        self._set_view(1.0 / 1000.0, QPointF(*to_mercator(69.3, 30.4)))

    # -- basemap -------------------------------------------------------------------------------------

    def set_basemap(self, path: str | PathLike[str] | None) -> MbtilesInfo | None:
        """Show the raster MBTiles file at ``path`` under the layers (``None``: no basemap, a
        graticule instead). Returns the file's metadata.

        Raises :class:`fieldkit.gps.mbtiles.MbtilesError` (with a message for the user) for a file
        that cannot be shown; the previous basemap then stays.
        """
        if path is None:
            if self._tiles is not None:
                self._tiles.close()
            self._tiles = None
            self.viewport().update()
            return None
        tiles = TileLayer(MBTiles(path))
        if self._tiles is not None:
            self._tiles.close()
        self._tiles = tiles
        self.viewport().update()
        return tiles.mbtiles.info

    def basemap(self) -> MbtilesInfo | None:
        """Metadata of the basemap shown, or ``None``."""
        return self._tiles.mbtiles.info if self._tiles is not None else None

    # -- layers --------------------------------------------------------------------------------------

    def set_sites(self, sites: Iterable[Any]) -> None:
        """Replace the site boundaries. Each site has ``code``, ``name`` and ``boundary`` (a GeoJSON
        Polygon or MultiPolygon, as a dict or JSON text); sites without a usable boundary are left out."""
        for item in self._sites:
            self.scene().removeItem(item)
        self._sites = []
        for site in sites:
            boundary = parse_boundary(field(site, "boundary"))
            if boundary is None:
                continue
            item = SiteItem(str(field(site, "code") or ""), str(field(site, "name") or ""), boundary, self.font())
            item.setVisible(self.is_layer_visible(SITES))
            self.scene().addItem(item)
            self._sites.append(item)

    def set_tracks(self, tracks: Iterable[Any]) -> None:
        """Replace the tracks. Each has ``id``, ``name``, ``kind`` (``"track"`` or ``"route"``,
        drawn dashed) and ``segments``: :class:`fieldkit.gps.points.Segment` objects or pairs of
        (latitudes, longitudes) columns. Each segment is drawn on its own, never joined to the next.

        Levels of detail are computed once per track content and kept. Tracks of more than
        :data:`fieldkit.ui.map_tracks.BACKGROUND_BUILD_POINTS` points are built in slices between
        events, a sparse preview showing meanwhile; :attr:`tracks_ready` tells when all are done,
        :meth:`finish_building` waits. Raises ``ValueError`` for a segment of another shape.
        """
        self._tracks.set_tracks(tracks)

    def is_building(self) -> bool:
        """Whether levels of detail of some track are still being built."""
        return self._tracks.is_building()

    def finish_building(self) -> None:
        """Build the pending levels of detail now, blocking (for printing, screenshots, tests)."""
        self._tracks.finish_building()

    def track_item(self, track_id: str) -> TrackItem | None:
        return self._tracks.item(track_id)

    def highlight_track(self, track_id: str | None) -> None:
        """Draw track ``track_id`` wider, with a yellow halo, above the others (``None``: none)."""
        self._tracks.highlight(track_id)

    def set_waypoints(self, points: Iterable[Any]) -> None:
        """Replace the waypoints: objects, mappings or tuples with ``lat``, ``lon`` and ``name``;
        clicking one emits :attr:`point_clicked` with ``"waypoints"`` and the waypoint."""
        waypoints = []
        for p in points:
            if isinstance(p, tuple | list):
                lat, lon, name = (*p, "")[:3]
                waypoints.append(MapPoint(float(lat), float(lon), str(name or ""), None, p))
            else:
                waypoints.append(
                    MapPoint(float(field(p, "lat")), float(field(p, "lon")), str(field(p, "name") or ""), None, p)
                )
        self.set_point_layer(WAYPOINTS, waypoints)

    def add_point_layer(self, name: str, points: Iterable[Any], style: PointStyle | None = None) -> None:
        """Create (or replace) point layer ``name`` drawn with ``style``. Points are
        ``(lat, lon, label, bearing_deg | None, payload)`` tuples or :class:`MapPoint`; clicking
        one emits :attr:`point_clicked` with ``name`` and its payload."""
        self._styles[name] = style or PointStyle()
        self.set_point_layer(name, points)

    def set_point_layer(self, name: str, points: Iterable[Any]) -> None:
        """Replace the points of layer ``name``, keeping its style (created with the default style
        if new)."""
        style = self._styles.setdefault(name, PointStyle())
        for item in self._points.pop(name, []):
            self.scene().removeItem(item)
        visible = self.is_layer_visible(name)
        items = []
        for p in points:
            item = PointItem(name, to_map_point(p), style, self.font())
            item.setVisible(visible)
            self.scene().addItem(item)
            items.append(item)
        self._points[name] = items

    def remove_point_layer(self, name: str) -> None:
        for item in self._points.pop(name, []):
            self.scene().removeItem(item)
        self._styles.pop(name, None)

    def point_layers(self) -> list[str]:
        return list(self._points)

    def layer_visible(self, name: str, visible: bool) -> None:
        """Show or hide layer ``name`` (``"basemap"``, ``"sites"``, ``"tracks"``, ``"waypoints"``
        or a point layer); a layer created later under that name keeps the setting."""
        self._visible[name] = visible
        if name == TRACKS:
            self._tracks.set_visible(visible)
        for item in self._sites if name == SITES else self._points.get(name, []):
            item.setVisible(visible)
        self.viewport().update()

    def is_layer_visible(self, name: str) -> bool:
        return self._visible.get(name, True)

    # -- navigation ----------------------------------------------------------------------------------

    def metres_per_pixel(self) -> float:
        """Web Mercator metres per viewport pixel (ground metres are this times cos(latitude))."""
        return 1.0 / self.transform().m11()

    def centre(self) -> tuple[float, float]:
        """(lat, lon) at the middle of the viewport."""
        lon, lat = from_mercator(*self._centre_scene())
        return lat, lon

    def centre_on(self, lat: float, lon: float) -> None:
        """Move the map so that (lat, lon) is in the middle, keeping the scale."""
        self._fit_on_show = False
        self._set_view(self.metres_per_pixel(), QPointF(*to_mercator(lon, lat)))

    def set_metres_per_pixel(self, mpp: float) -> None:
        """Zoom to ``mpp`` Mercator metres per pixel around the middle (clamped to the limits)."""
        self._fit_on_show = False
        self._set_view(mpp, QPointF(*self._centre_scene()))

    def zoom_in(self) -> None:
        self._zoom(_KEY_ZOOM)

    def zoom_out(self) -> None:
        self._zoom(1 / _KEY_ZOOM)

    def visible_bounds(self) -> tuple[float, float, float, float]:
        """West, south, east, north (degrees) of what the viewport shows."""
        rect = self.mapToScene(self.viewport().rect()).boundingRect()
        west, south = from_mercator(rect.left(), rect.top())
        east, north = from_mercator(rect.right(), rect.bottom())
        return west, south, east, north

    def data_bounds(self) -> QRectF | None:
        """The scene rectangle holding every visible site, track and point; ``None`` when empty."""
        rects: list[QRectF] = []
        if self.is_layer_visible(SITES):
            rects += [item.path().boundingRect() for item in self._sites]
        if self.is_layer_visible(TRACKS):
            rects += self._tracks.data_rects()
        for name, items in self._points.items():
            if self.is_layer_visible(name):
                rects += [QRectF(item.pos(), item.pos()) for item in items]
        if not rects:
            return None
        # Not QRectF.united: it ignores empty rectangles, and a lone point is one.
        x0 = min(r.left() for r in rects)
        y0 = min(r.top() for r in rects)
        x1 = max(r.right() for r in rects)
        y1 = max(r.bottom() for r in rects)
        return QRectF(x0, y0, x1 - x0, y1 - y0)

    def fit_to_data(self) -> None:
        """Zoom and move so that all visible layers fit with a margin; with no data, the basemap's
        extent; with no basemap either, Pakistan."""
        rect = self.data_bounds()
        if rect is None:
            w, s, e, n = self._tiles.mbtiles.bounds if self._tiles is not None else PAKISTAN
            x0, y0 = to_mercator(w, s)
            x1, y1 = to_mercator(e, n)
            rect = QRectF(x0, y0, x1 - x0, y1 - y0)
        self.fit_rect(rect)
        if not self.isVisible():
            self._fit_on_show = True

    def fit_rect(self, rect: QRectF, margin: float = 0.06, min_metres: float = 200.0) -> None:
        """Show scene rectangle ``rect`` whole, with ``margin`` (a fraction) around it; a rectangle
        smaller than ``min_metres`` (one point) is shown at that size."""
        width = max(rect.width() * (1 + 2 * margin), min_metres)
        height = max(rect.height() * (1 + 2 * margin), min_metres)
        view = self.viewport().rect()
        ppm = min(max(view.width(), 1) / width, max(view.height(), 1) / height)
        self._set_view(1.0 / ppm, rect.center())

    # -- events ----------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Fitting before the widget had its size would fit into the default 100 x 30 pixels.
        if self._fit_on_show:
            self._fit_on_show = False
            self.fit_to_data()

    def resizeEvent(self, event: QResizeEvent) -> None:
        centre = QPointF(*self._centre_scene())
        super().resizeEvent(event)
        self._set_view(self.metres_per_pixel(), centre)

    def wheelEvent(self, event: QWheelEvent) -> None:
        notches = event.angleDelta().y() / 120.0
        if notches:
            self._zoom(_WHEEL_ZOOM_PER_NOTCH**notches, event.position())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        step_x, step_y = self.viewport().width() / 6, self.viewport().height() / 6
        pans = {
            Qt.Key.Key_Left: (-step_x, 0),
            Qt.Key.Key_Right: (step_x, 0),
            Qt.Key.Key_Up: (0, -step_y),
            Qt.Key.Key_Down: (0, step_y),
        }
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key == Qt.Key.Key_F:
            self.fit_to_data()
        elif key in pans:
            self._pan(*pans[key])
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._dragging = False
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        x, y = self._to_scene(pos)
        lon, lat = from_mercator(x, y)
        self.cursor_moved.emit(lon, lat)
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            delta = pos - self._press
            if self._dragging or abs(delta.x()) + abs(delta.y()) > _CLICK_SLOP:
                if not self._dragging:
                    self._dragging = True
                    self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
                self._press = pos
                self._pan(-delta.x(), -delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if not self._dragging:
                self._click(event.position())
            self._press = None
            self._dragging = False
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def _click(self, pos: QPointF) -> None:
        p = pos.toPoint()
        hits = [i for i in self.items(QRect(p.x() - 2, p.y() - 2, 5, 5)) if isinstance(i, PointItem) and i.isVisible()]
        if not hits:
            return
        # Markers overlap when zoomed out: the one nearest the click wins, then the topmost.
        scene = QPointF(*self._to_scene(pos))
        nearest = min(hits, key=lambda i: (i.pos() - scene).manhattanLength())
        self.point_clicked.emit(nearest.layer, nearest.point.payload)

    # -- painting ------------------------------------------------------------------------------------

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, BACKGROUND)
        transform = self.viewportTransform()
        if self._tiles is not None and self.is_layer_visible(BASEMAP):
            self._tiles.draw(painter, transform, rect, self.devicePixelRatioF())
        else:
            draw_graticule(painter, transform, rect, self.font())

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        painter.save()
        painter.resetTransform()
        viewport = QRectF(self.viewport().rect())
        lat = self.centre()[0]
        ground_mpp = self.metres_per_pixel() * math.cos(math.radians(lat))
        rtl = self.isRightToLeft()
        draw_scale_bar(painter, viewport, ground_mpp, self.font(), rtl)
        draw_north_arrow(painter, viewport, self.font(), rtl)
        painter.restore()

    # -- internals -------------------------------------------------------------------------------------

    def _limits(self) -> tuple[float, float]:
        """Smallest and largest pixels per metre: the whole world in the viewport .. 0.1 m/pixel."""
        view = self.viewport().rect()
        whole_world = max(min(view.width(), view.height()), 64) / (2 * EARTH_HALF)
        return whole_world, MAX_PIXELS_PER_METRE

    def _set_view(self, mpp: float, centre: QPointF) -> None:
        low, high = self._limits()
        ppm = min(high, max(low, 1.0 / mpp))
        changed = not math.isclose(ppm, self.transform().m11(), rel_tol=1e-9)
        self.setTransform(QTransform(ppm, 0, 0, -ppm, 0, 0))
        self.centerOn(centre)
        self._tracks.adapt_to_scale(ppm)
        self.viewport().update()
        if changed:
            self.scale_changed.emit(1.0 / ppm)

    def _zoom(self, factor: float, anchor: QPointF | None = None) -> None:
        """Scale by ``factor``, keeping the scene point under ``anchor`` (viewport pixels; default
        the middle) where it is."""
        self._fit_on_show = False
        view = self.viewport().rect()
        middle = QPointF(view.width() / 2, view.height() / 2)
        anchor = middle if anchor is None else anchor
        ax, ay = self._to_scene(anchor)
        low, high = self._limits()
        ppm = min(high, max(low, self.transform().m11() * factor))
        centre = QPointF(ax + (middle.x() - anchor.x()) / ppm, ay - (middle.y() - anchor.y()) / ppm)
        # Zoom steps come in bursts (a wheel turned): draw tracks in draft until it settles.
        self._tracks.set_draft(True)
        self._settle_timer.start()
        self._set_view(1.0 / ppm, centre)

    def _settle(self) -> None:
        self._tracks.set_draft(False)

    def _pan(self, dx: float, dy: float) -> None:
        """Move the view by (dx, dy) viewport pixels (right and down positive)."""
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(h.value() + round(dx))
        v.setValue(v.value() + round(dy))
        self.viewport().update()

    def _to_scene(self, pos: QPointF) -> tuple[float, float]:
        inverse, _ok = self.viewportTransform().inverted()
        p = inverse.map(pos)
        return p.x(), p.y()

    def _centre_scene(self) -> tuple[float, float]:
        view = self.viewport().rect()
        return self._to_scene(QPointF(view.width() / 2, view.height() / 2))
