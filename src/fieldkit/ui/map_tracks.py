"""Tracks on the map: the item that draws one, and the layer that keeps them and their levels of detail.

Levels of detail (:mod:`fieldkit.gps.lod`) cost about 0.6 s per 100,000 points to build here, so
they are kept per track geometry: setting the same tracks again (a refresh after an unrelated
change) reuses them. Large tracks are built in slices of a few milliseconds driven by a zero-delay
timer, between the GUI's events, while a sparse preview is drawn; a worker thread was tried and
made frames stall for up to a second, because the work is pure Python and holds the interpreter lock.

Drawing: Qt strokes antialiased lines wider than a pixel at roughly 5 to 15 us a segment, so a dense
track with thousands of segments in view costs tens of milliseconds a frame. A track item with more
than :data:`DIRECT_DRAW_POINTS` points in view therefore paints through its own cache of 256-pixel
tiles laid on a grid fixed to the map at the current scale: panning draws only the tiles that come
into view, zooming draws each visible tile once (in draft, thin and aliased, while the zoom goes on).
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPixmap, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from fieldkit.gps.geo import to_mercator
from fieldkit.gps.lod import Level, LevelsBuilder, TrackLevels, build_levels, preview_level, segment_columns
from fieldkit.ui.map_layers import cosmetic_pen, field

TRACK_COLORS = ("#d32f2f", "#1565c0", "#6a1b9a", "#ef6c00", "#00796b", "#5d4037", "#c2185b")
BACKGROUND_BUILD_POINTS = 25_000
"""Tracks with more points are built in slices (a low-end laptop may take three times as long as
the 0.15 s this many points take here; that much may block the GUI once)."""
BUILD_SLICE_SECONDS = 0.012
"""Work per slice: short enough that the map still pans and zooms while a big track is built."""
SPARE_LEVELS = 8
"""Levels of detail kept for tracks no longer shown (switching inspections back and forth)."""
DIRECT_DRAW_POINTS = 1000
"""Up to this many points in view a track is stroked straight onto the map (a few milliseconds)."""
TILE_PIXELS = 256
TILE_CACHE = 48
"""Tiles kept per track: a full-HD screen and a ring around it (256 KB each)."""
FULL_PATH_CACHE = 1024
"""Full-resolution chunk paths kept (up to 128 points each): a screenful zoomed in, even dense."""
_PEN_REACH_PIXELS = 6.0
"""How far the widest pen (the highlight halo, 9 px, antialiased) reaches past a point."""


class TrackItem(QGraphicsItem):
    """One track (or route, drawn dashed) at the level of detail that suits the painter's scale.

    Until its levels are built (:meth:`set_levels`) it draws ``preview``, a sparse sample of the
    track. Each chunk of a level becomes a :class:`QPainterPath` once and is kept (simplified levels
    are small; full-resolution chunks go through an LRU). Only chunks in the exposed area are drawn,
    straight onto the map or, past :data:`DIRECT_DRAW_POINTS`, through cached tiles. Chunks never
    span segments, so segments are never joined.
    """

    def __init__(
        self,
        track_id: str,
        name: str,
        kind: str,
        color: str,
        bbox: tuple[float, float, float, float] | None,
        levels: TrackLevels | None = None,
        preview: Level | None = None,
    ) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self.track_id = track_id
        self.name = name
        self.kind = kind
        self.color = QColor(color)
        self.bbox = bbox
        self.levels = levels
        self.preview = preview
        self.highlighted = False
        self.draft = False
        """Thin lines without antialiasing, 20 to 50 times cheaper: while the user zooms."""
        self.key: tuple | None = None
        """Identifies the geometry (finished builds are matched to items by it)."""
        self.last_elements = 0
        """Points of the level drawn last that lay in the exposed area (what a frame has to show)."""
        self.last_rendered = 0
        """Points actually stroked by the last paint (0 when every tile came from the cache)."""
        self.last_tolerance: float | None = None
        """Simplification tolerance (metres) of the level drawn last: 0 full, inf preview."""
        self._paths: dict[tuple[int, int], QPainterPath] = {}
        self._full_paths: OrderedDict[int, QPainterPath] = OrderedDict()
        self._tiles: OrderedDict[tuple, QPixmap] = OrderedDict()
        self._box = QRectF() if bbox is None else QRectF(bbox[0], bbox[1], bbox[2] - bbox[0], bbox[3] - bbox[1])
        self._rect = QRectF(self._box)
        self._ppm = 0.0
        self.setZValue(20)

    # -- state -------------------------------------------------------------------------------------------

    def set_levels(self, levels: TrackLevels) -> None:
        """Swap the preview for the built levels of detail."""
        self.levels = levels
        self.preview = None
        self._paths.clear()
        self._full_paths.clear()
        self._tiles.clear()
        self.update()

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self._tiles.clear()
        self.setZValue(25 if on else 20)
        self.update()

    def set_draft(self, on: bool) -> None:
        if on != self.draft:
            self.draft = on
            self.update()

    def adapt_to_scale(self, pixels_per_metre: float) -> None:
        """Grow the bounding box by the pens' reach at this scale: without it a track just outside
        the view would not be drawn although its halo shows, and an east-west line would have a
        box of zero height."""
        if pixels_per_metre != self._ppm and not self._box.isNull():
            self.prepareGeometryChange()
            pad = _PEN_REACH_PIXELS / pixels_per_metre
            self._rect = self._box.adjusted(-pad, -pad, pad, pad)
            self._ppm = pixels_per_metre

    def level_for(self, metres_per_pixel: float) -> Level | None:
        if self.levels is not None:
            return self.levels.level_for(metres_per_pixel)
        return self.preview

    def data_rect(self) -> QRectF:
        """The box of the track's points (scene metres), without the pens' reach."""
        return QRectF(self._box)

    def boundingRect(self) -> QRectF:
        return self._rect

    # -- painting ----------------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        world = painter.worldTransform()
        ppm = world.m11()
        level = self.level_for(1.0 / ppm) if ppm > 0 else None
        if level is None:
            return
        reach = _PEN_REACH_PIXELS / ppm
        visible = _chunks_in(level, option.exposedRect.adjusted(-reach, -reach, reach, reach))
        self.last_tolerance = level.tolerance
        self.last_elements = sum(len(level.chunks[i]) for i in visible)
        if self.last_elements <= DIRECT_DRAW_POINTS:
            self._stroke(painter, [self._path(level, i) for i in visible])
            self.last_rendered = self.last_elements
            return
        # Tiles on a grid of device pixels fixed to the map: gx = x * ppm, gy = -y * ppm. The view
        # scrolls by whole pixels, so the fraction of its offset stays the same while panning at one
        # scale: tiles are drawn with it and placed at whole pixels, exactly as a direct drawing.
        dx, dy = math.floor(world.dx()), math.floor(world.dy())
        shift = (round(world.dx() - dx, 4), round(world.dy() - dy, 4))
        device = world.mapRect(option.exposedRect)
        if widget is not None:
            device = device.intersected(QRectF(widget.rect()))
        size = TILE_PIXELS
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        cols = range(math.floor((device.left() - dx) / size), math.floor((device.right() - dx) / size) + 1)
        rows = range(math.floor((device.top() - dy) / size), math.floor((device.bottom() - dy) / size) + 1)
        keys = {(tx, ty): (id(level), ppm, shift, self.draft, ratio, tx, ty) for ty in rows for tx in cols}
        missing = [tile for tile, key in keys.items() if key not in self._tiles]
        self.last_rendered = self._render_tiles(level, ppm, shift, ratio, missing, keys) if missing else 0
        painter.save()
        painter.resetTransform()
        for (tx, ty), key in keys.items():
            self._tiles.move_to_end(key)
            painter.drawPixmap(tx * size + dx, ty * size + dy, self._tiles[key])
        painter.restore()
        while len(self._tiles) > max(TILE_CACHE, 2 * len(keys)):
            self._tiles.popitem(last=False)

    def _render_tiles(
        self,
        level: Level,
        ppm: float,
        shift: tuple[float, float],
        ratio: float,
        missing: list[tuple[int, int]],
        keys: dict[tuple[int, int], tuple],
    ) -> int:
        """Draw the ``missing`` tiles in one pass over the rectangle they span (after a zoom, the
        whole view; after a pan, a strip), then cut it into tiles. Drawing tile by tile would
        stroke a path once for every tile it crosses. Returns the points stroked."""
        size = TILE_PIXELS
        c0, c1 = min(t[0] for t in missing), max(t[0] for t in missing)
        r0, r1 = min(t[1] for t in missing), max(t[1] for t in missing)
        side = round(size * ratio)
        image = QImage(side * (c1 - c0 + 1), side * (r1 - r0 + 1), QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        # A tile is cached whole, so it needs every chunk that meets it, not only those in view.
        chunks = _chunks_in(level, _tile_area(ppm, c0, r0, c1 - c0 + 1, r1 - r0 + 1))
        painter = QPainter(image)
        painter.setTransform(QTransform(ppm, 0, 0, -ppm, shift[0] - c0 * size, shift[1] - r0 * size))
        self._stroke(painter, [self._path(level, i) for i in chunks])
        painter.end()
        for tx, ty in missing:
            pixmap = QPixmap.fromImage(image.copy((tx - c0) * side, (ty - r0) * side, side, side))
            pixmap.setDevicePixelRatio(ratio)
            self._tiles[keys[(tx, ty)]] = pixmap
        return sum(len(level.chunks[i]) for i in chunks)

    def _stroke(self, painter: QPainter, paths: list[QPainterPath]) -> None:
        style = Qt.PenStyle.DashLine if self.kind == "route" else Qt.PenStyle.SolidLine
        if self.draft:
            pens = [cosmetic_pen(self.color, 2 if self.highlighted else 1, style)]
        else:
            # A halo under the line keeps it visible over any basemap.
            halo = QColor("#ffeb3b") if self.highlighted else QColor(255, 255, 255, 220)
            pens = [
                cosmetic_pen(halo, 9 if self.highlighted else 5),
                cosmetic_pen(self.color, 4 if self.highlighted else 2.5, style),
            ]
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not self.draft)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for pen in pens:
            painter.setPen(pen)
            for path in paths:
                painter.drawPath(path)

    def _path(self, level: Level, index: int) -> QPainterPath:
        full = level.tolerance == 0.0
        if full and index in self._full_paths:
            self._full_paths.move_to_end(index)
            return self._full_paths[index]
        key = (id(level), index)
        if not full and key in self._paths:
            return self._paths[key]
        chunk = level.chunks[index]
        path = QPainterPath()
        if len(chunk) == 1:
            # A lone fix: a zero-length line, which a round cap turns into a dot.
            path.moveTo(chunk.xs[0], chunk.ys[0])
            path.lineTo(chunk.xs[0], chunk.ys[0])
        else:
            path.addPolygon(QPolygonF([QPointF(x, y) for x, y in zip(chunk.xs, chunk.ys, strict=True)]))
        if full:
            self._full_paths[index] = path
            while len(self._full_paths) > FULL_PATH_CACHE:
                self._full_paths.popitem(last=False)
        else:
            self._paths[key] = path
        return path


def _tile_area(ppm: float, tx: int, ty: int, cols: int = 1, rows: int = 1) -> QRectF:
    """Scene rectangle of ``cols`` x ``rows`` tiles from tile (tx, ty), widened by the pens' reach."""
    size, reach = TILE_PIXELS, _PEN_REACH_PIXELS
    left = (tx * size - reach) / ppm
    top = -((ty + rows) * size + reach) / ppm
    return QRectF(left, top, (cols * size + 2 * reach) / ppm, (rows * size + 2 * reach) / ppm)


def _meets(bbox: tuple[float, float, float, float], rect: QRectF) -> bool:
    return not (bbox[2] < rect.left() or bbox[0] > rect.right() or bbox[3] < rect.top() or bbox[1] > rect.bottom())


def _chunks_in(level: Level, rect: QRectF) -> list[int]:
    """Indices of the chunks of ``level`` whose boxes meet ``rect`` (scene metres)."""
    x0, y0, x1, y1 = rect.left(), rect.top(), rect.right(), rect.bottom()
    return [
        i
        for i, c in enumerate(level.chunks)
        if not (c.bbox[2] < x0 or c.bbox[0] > x1 or c.bbox[3] < y0 or c.bbox[1] > y1)
    ]


class TrackLayer(QObject):
    """Track items in ``scene``; emits :attr:`ready` when no levels of detail are being built."""

    ready = Signal()

    def __init__(self, scene: QGraphicsScene, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._scene = scene
        self._items: list[TrackItem] = []
        self._by_id: dict[str, TrackItem] = {}
        self._highlighted: str | None = None
        self._visible = True
        self._ppm = 1.0
        self._levels: OrderedDict[tuple, TrackLevels] = OrderedDict()
        self._builders: OrderedDict[tuple, LevelsBuilder] = OrderedDict()
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._build_slice)

    def set_tracks(self, tracks: Iterable[Any]) -> None:
        """Replace the tracks (see :meth:`fieldkit.ui.map_view.MapView.set_tracks`)."""
        for item in self._items:
            self._scene.removeItem(item)
        self._items, self._by_id = [], {}
        wanted: set[tuple] = set()
        for number, track in enumerate(tracks):
            track_id = str(field(track, "id"))
            columns = [segment_columns(s) for s in field(track, "segments", ()) or ()]
            columns = [c for c in columns if len(c[0])]
            key = _fingerprint(track_id, columns)
            wanted.add(key)
            levels = self._levels.get(key)
            preview = None
            if levels is not None:
                self._levels.move_to_end(key)
            elif sum(len(c[0]) for c in columns) <= BACKGROUND_BUILD_POINTS:
                levels = self._levels[key] = build_levels(columns)
            else:
                preview = preview_level(columns)
                if key not in self._builders:
                    # Copies: a live log may append to the columns between two slices.
                    self._builders[key] = LevelsBuilder([(lats[:], lons[:]) for lats, lons in columns])
            kind = str(field(track, "kind") or "track")
            color = TRACK_COLORS[number % len(TRACK_COLORS)]
            item = TrackItem(
                track_id, str(field(track, "name") or ""), kind, color, _column_bbox(columns), levels, preview
            )
            item.key = key
            item.setVisible(self._visible)
            item.set_highlighted(track_id == self._highlighted)
            item.adapt_to_scale(self._ppm)
            self._scene.addItem(item)
            self._items.append(item)
            self._by_id[track_id] = item
        for key in [k for k in self._builders if k not in wanted]:
            del self._builders[key]
        spare = [k for k in self._levels if k not in wanted]
        for key in spare[: max(0, len(spare) - SPARE_LEVELS)]:
            del self._levels[key]
        if self._builders:
            self._timer.start()
        else:
            self._timer.stop()
            self.ready.emit()

    def item(self, track_id: str) -> TrackItem | None:
        return self._by_id.get(track_id)

    def items(self) -> list[TrackItem]:
        return list(self._items)

    def data_rects(self) -> list[QRectF]:
        return [item.data_rect() for item in self._items if item.bbox is not None]

    def highlight(self, track_id: str | None) -> None:
        self._highlighted = track_id
        for item in self._items:
            item.set_highlighted(item.track_id == track_id)

    def set_visible(self, visible: bool) -> None:
        self._visible = visible
        for item in self._items:
            item.setVisible(visible)

    def adapt_to_scale(self, pixels_per_metre: float) -> None:
        self._ppm = pixels_per_metre
        for item in self._items:
            item.adapt_to_scale(pixels_per_metre)

    def set_draft(self, on: bool) -> None:
        for item in self._items:
            item.set_draft(on)

    def is_building(self) -> bool:
        return bool(self._builders)

    def finish_building(self) -> None:
        """Build what is pending now, blocking."""
        while self._builders:
            self._build_slice(seconds=3600.0)

    def _build_slice(self, seconds: float = BUILD_SLICE_SECONDS) -> None:
        """Advance the oldest pending build by one slice; hand its levels to its items when done."""
        if self._builders:
            key, builder = next(iter(self._builders.items()))
            if builder.step(seconds):
                del self._builders[key]
                assert builder.result is not None
                self._levels[key] = builder.result
                for item in self._items:
                    if item.key == key:
                        item.set_levels(builder.result)
        if not self._builders:
            self._timer.stop()
            self.ready.emit()


def _fingerprint(track_id: str, columns: list) -> tuple:
    """What identifies a track's geometry cheaply: its id, and each segment's length and ends."""
    parts: list = [track_id]
    for lats, lons in columns:
        parts.append((len(lats), lats[0], lons[0], lats[-1], lons[-1]))
    return tuple(parts)


def _column_bbox(columns: list) -> tuple[float, float, float, float] | None:
    """Mercator bounding box of the segments, exact, without projecting every point: Mercator is
    monotonic in latitude and in longitude."""
    lats = [v for lats, _ in columns for v in (min(lats), max(lats))]
    lons = [v for _, lons in columns for v in (min(lons), max(lons))]
    if not lats:
        return None
    x0, y0 = to_mercator(max(-180.0, min(lons)), max(-90.0, min(lats)))
    x1, y1 = to_mercator(min(180.0, max(lons)), min(90.0, max(lats)))
    return (x0, y0, x1, y1)
