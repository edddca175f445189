"""What the map paints around its layers: basemap tiles or a graticule behind, scale bar and north
arrow in front.

Everything here paints in viewport pixels (the painter's transform reset), given the view's
scene-to-viewport transform: tiles land on whole pixels so neighbours never show a seam, and lines
and text keep their pixel size at every zoom. Scene units are Web Mercator metres, y to the north.
"""

from __future__ import annotations

import math
import unicodedata
from collections import OrderedDict

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImageReader, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from fieldkit.gps.geo import EARTH_HALF, MERCATOR_MAX_LAT, from_mercator, to_mercator
from fieldkit.gps.mbtiles import MBTiles

BACKGROUND = QColor("#f3f0e8")
GRID_COLOR = QColor(120, 120, 120, 110)
GRID_TEXT = QColor("#5a5a5a")
MAX_TILE_PIXELS = 1024
"""A tile declaring more pixels than this per side is refused before decoding (a 10 KB PNG can
declare a 50,000 x 50,000 image)."""
MAX_TILES_PER_FRAME = 600
"""Beyond this many tiles in view (far out of a basemap's zoom range) the basemap is not drawn."""
_NICE_DEGREES = (
    1e-5,
    2e-5,
    5e-5,
    1e-4,
    2e-4,
    5e-4,
    1e-3,
    2e-3,
    5e-3,
    0.01,
    0.02,
    0.05,
    0.1,
    0.2,
    0.5,
    1,
    2,
    5,
    10,
    15,
    30,
)
_NICE_METRES = tuple(m * 10**k for k in range(0, 7) for m in (1, 2, 5))


class TileLayer:
    """An MBTiles basemap drawn at the zoom level that matches the view's scale.

    Tiles are decoded on first use and kept as pixmaps in a least-recently-used cache, missing ones
    included (as ``None``) so that a sparse file is not queried again every frame. Where a tile is
    missing, or the view is zoomed in past the file's deepest level, the nearest ancestor tile is
    scaled up in its place; zoomed out past the shallowest level, that level's tiles are scaled down.
    """

    def __init__(self, mbtiles: MBTiles, cache_size: int = 192) -> None:
        self.mbtiles = mbtiles
        self.cache_size = cache_size
        self.tile_pixels = 256
        """Learnt from the first tile decoded (some files have 512-pixel tiles)."""
        self._size_known = False
        self._cache: OrderedDict[tuple[int, int, int], QPixmap | None] = OrderedDict()
        self.last_zoom: int | None = None
        """The zoom level of the tiles drawn last (for tests and the status bar)."""
        self.last_tiles = 0
        w, s, e, n = mbtiles.bounds
        self._bounds = (*to_mercator(w, s), *to_mercator(e, n))

    def close(self) -> None:
        self._cache.clear()
        self.mbtiles.close()

    def zoom_for(self, device_pixels_per_metre: float) -> int:
        """The tile zoom level whose pixels are closest to the screen's at this scale."""
        world_pixels = 2 * EARTH_HALF * device_pixels_per_metre
        return max(0, min(30, round(math.log2(max(world_pixels / self.tile_pixels, 1e-9)))))

    def draw(self, painter: QPainter, transform, exposed: QRectF, device_ratio: float = 1.0) -> int:
        """Draw the tiles covering ``exposed`` (scene rectangle); returns how many were drawn.

        ``transform`` maps scene to viewport pixels (a scale and a translation, y flipped).
        """
        ppm = transform.m11()
        info = self.mbtiles.info
        ideal = self.zoom_for(ppm * device_ratio)
        z = max(info.minzoom, min(info.maxzoom, ideal))
        size = 2 * EARTH_HALF / (1 << z)
        west = max(exposed.left(), self._bounds[0])
        east = min(exposed.right(), self._bounds[2])
        south = max(exposed.top(), self._bounds[1])
        north = min(exposed.bottom(), self._bounds[3])
        self.last_zoom, self.last_tiles = z, 0
        if west >= east or south >= north:
            return 0
        n = 1 << z
        x0 = max(0, int((west + EARTH_HALF) // size))
        x1 = min(n - 1, int((east + EARTH_HALF) // size))
        y0 = max(0, int((EARTH_HALF - north) // size))
        y1 = min(n - 1, int((EARTH_HALF - south) // size))
        if (x1 - x0 + 1) * (y1 - y0 + 1) > MAX_TILES_PER_FRAME:
            return 0
        sx, dx, sy, dy = transform.m11(), transform.dx(), transform.m22(), transform.dy()
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        drawn = 0
        for ty in range(y0, y1 + 1):
            top = round((EARTH_HALF - ty * size) * sy + dy)
            bottom = round((EARTH_HALF - (ty + 1) * size) * sy + dy)
            for tx in range(x0, x1 + 1):
                left = round((-EARTH_HALF + tx * size) * sx + dx)
                right = round((-EARTH_HALF + (tx + 1) * size) * sx + dx)
                found = self._tile_or_ancestor(z, tx, ty, info.minzoom)
                if found is None:
                    continue
                pixmap, source = found
                painter.drawPixmap(QRectF(left, top, right - left, bottom - top), pixmap, source)
                drawn += 1
        painter.restore()
        self.last_tiles = drawn
        return drawn

    def _tile_or_ancestor(self, z: int, x: int, y: int, minzoom: int) -> tuple[QPixmap, QRectF] | None:
        """The pixmap of tile z/x/y and the part of it to draw: the whole tile, or the matching
        quarter, sixteenth ... of the nearest ancestor that exists."""
        for up in range(0, z - minzoom + 1):
            pixmap = self._pixmap(z - up, x >> up, y >> up)
            if pixmap is None:
                continue
            if up == 0:
                return pixmap, QRectF(pixmap.rect())
            part = pixmap.width() / (1 << up)
            mask = (1 << up) - 1
            return pixmap, QRectF((x & mask) * part, (y & mask) * part, part, part)
        return None

    def _pixmap(self, z: int, x: int, y: int) -> QPixmap | None:
        key = (z, x, y)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        pixmap = decode_tile(self.mbtiles.tile(z, x, y))
        if pixmap is not None and not self._size_known:
            self._size_known = True
            if pixmap.width() == 512:
                self.tile_pixels = 512
        self._cache[key] = pixmap
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return pixmap


def decode_tile(data: bytes | None) -> QPixmap | None:
    """A pixmap from PNG, JPEG or WebP bytes; ``None`` when empty, undecodable or oversized."""
    if not data:
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if not size.isValid() or size.width() > MAX_TILE_PIXELS or size.height() > MAX_TILE_PIXELS:
        return None
    image = reader.read()
    if image.isNull():
        return None
    return QPixmap.fromImage(image)


def text_direction(text: str) -> Qt.LayoutDirection:
    """The direction of ``text`` from its first strong character (Unicode bidi rule P2).

    Labels are drawn with it rather than the widget's: in a right-to-left interface an English
    "1 km" would otherwise read "km 1", while an Urdu label still reads right to left.
    """
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
    return Qt.LayoutDirection.LeftToRight


def _draw_text(painter: QPainter, at: QPointF, text: str) -> None:
    painter.setLayoutDirection(text_direction(text))
    painter.drawText(at, text)


# -- graticule ----------------------------------------------------------------------------------------


def graticule_spacing(pixels_per_metre: float, min_pixels: float = 90.0) -> float:
    """Degrees between graticule lines: the smallest round step at least ``min_pixels`` apart."""
    pixels_per_degree = pixels_per_metre * EARTH_HALF / 180.0
    for step in _NICE_DEGREES:
        if step * pixels_per_degree >= min_pixels:
            return step
    return _NICE_DEGREES[-1]


def _decimals(step: float) -> int:
    return max(0, -math.floor(math.log10(step) + 1e-9))


def format_longitude(lon: float, step: float) -> str:
    """``61.25°E``: as many decimals as the graticule step needs, a hemisphere instead of a sign."""
    text = f"{abs(lon):.{_decimals(step)}f}"
    if abs(lon) < step / 2:
        return QCoreApplication.translate("MapView", "{value}°").format(value=text)
    if lon > 0:
        return QCoreApplication.translate("MapView", "{value}°E").format(value=text)
    return QCoreApplication.translate("MapView", "{value}°W").format(value=text)


def format_latitude(lat: float, step: float) -> str:
    """``29.5°N``: as :func:`format_longitude`, for parallels."""
    text = f"{abs(lat):.{_decimals(step)}f}"
    if abs(lat) < step / 2:
        return QCoreApplication.translate("MapView", "{value}°").format(value=text)
    if lat > 0:
        return QCoreApplication.translate("MapView", "{value}°N").format(value=text)
    return QCoreApplication.translate("MapView", "{value}°S").format(value=text)


def draw_graticule(painter: QPainter, transform, exposed: QRectF, font: QFont) -> None:
    """Meridians and parallels across ``exposed`` at a spacing that suits the scale, labelled in
    degrees along the top and left edges of the viewport."""
    ppm = transform.m11()
    step = graticule_spacing(ppm)
    sx, dx, sy, dy = transform.m11(), transform.dx(), transform.m22(), transform.dy()
    west, south = from_mercator(exposed.left(), max(exposed.top(), -EARTH_HALF))
    east, north = from_mercator(exposed.right(), min(exposed.bottom(), EARTH_HALF))
    west, east = max(west, -180.0), min(east, 180.0)
    south, north = max(south, -MERCATOR_MAX_LAT), min(north, MERCATOR_MAX_LAT)
    top_px = (min(exposed.bottom(), EARTH_HALF)) * sy + dy
    bottom_px = (max(exposed.top(), -EARTH_HALF)) * sy + dy
    left_px = max(exposed.left(), -EARTH_HALF) * sx + dx
    right_px = min(exposed.right(), EARTH_HALF) * sx + dx
    painter.save()
    painter.resetTransform()
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    painter.setPen(QPen(GRID_COLOR, 1))
    labels: list[tuple[QPointF, str]] = []
    lon = math.ceil(west / step) * step
    while lon <= east + 1e-12:
        x = round(to_mercator(lon, 0)[0] * sx + dx) + 0.5
        painter.drawLine(QPointF(x, top_px), QPointF(x, bottom_px))
        labels.append((QPointF(x + 3, max(top_px, 0) + metrics.ascent() + 2), format_longitude(lon, step)))
        lon += step
    lat = math.ceil(south / step) * step
    while lat <= north + 1e-12:
        y = round(to_mercator(0, lat)[1] * sy + dy) + 0.5
        painter.drawLine(QPointF(left_px, y), QPointF(right_px, y))
        labels.append((QPointF(max(left_px, 0) + 3, y - 3), format_latitude(lat, step)))
        lat += step
    painter.setPen(GRID_TEXT)
    for at, text in labels:
        _draw_text(painter, at, text)
    painter.restore()


# -- scale bar and north arrow ------------------------------------------------------------------------


def scale_bar_length(ground_metres_per_pixel: float, max_pixels: float = 140.0) -> float:
    """The longest round length (1, 2 or 5 times a power of ten metres) that fits in ``max_pixels``."""
    best = _NICE_METRES[0]
    for metres in _NICE_METRES:
        if metres / ground_metres_per_pixel <= max_pixels:
            best = metres
        else:
            break
    return best


def format_length(metres: float) -> str:
    if metres >= 1000:
        return QCoreApplication.translate("MapView", "{n} km").format(n=f"{metres / 1000:g}")
    return QCoreApplication.translate("MapView", "{n} m").format(n=f"{metres:g}")


def _halo_text(painter: QPainter, at: QPointF, text: str, font: QFont) -> None:
    path = QPainterPath()
    path.addText(at, font, text)
    painter.strokePath(path, QPen(QColor(255, 255, 255, 230), 3))
    painter.fillPath(path, QColor("#202020"))


def draw_scale_bar(
    painter: QPainter, viewport: QRectF, ground_mpp: float, font: QFont, right_to_left: bool = False
) -> tuple[float, str]:
    """A scale bar in a bottom corner (bottom left, or bottom right in right-to-left layouts);
    returns the length it shows in metres and its label."""
    metres = scale_bar_length(ground_mpp)
    width = metres / ground_mpp
    label = format_length(metres)
    margin = 12.0
    x0 = viewport.right() - margin - width if right_to_left else viewport.left() + margin
    y = viewport.bottom() - margin
    metrics = QFontMetricsF(font)
    box = QRectF(
        x0 - 6, y - metrics.height() - 12, max(width, metrics.horizontalAdvance(label)) + 12, metrics.height() + 18
    )
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255, 190))
    painter.drawRoundedRect(box, 4, 4)
    pen = QPen(QColor("#202020"), 2)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    painter.drawPolyline(
        QPolygonF([QPointF(x0, y - 6), QPointF(x0, y), QPointF(x0 + width, y), QPointF(x0 + width, y - 6)])
    )
    painter.setFont(font)
    painter.setPen(QColor("#202020"))
    _draw_text(painter, QPointF(x0 + (width - metrics.horizontalAdvance(label)) / 2, y - 6 - metrics.descent()), label)
    painter.restore()
    return metres, label


def draw_north_arrow(painter: QPainter, viewport: QRectF, font: QFont, right_to_left: bool = False) -> None:
    """An arrow pointing up with an "N" under it, in a top corner (the map is always north up)."""
    radius = 17.0
    margin = 12.0
    cx = viewport.left() + margin + radius if right_to_left else viewport.right() - margin - radius
    cy = viewport.top() + margin + radius
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(QColor(0, 0, 0, 90), 1))
    painter.setBrush(QColor(255, 255, 255, 200))
    painter.drawEllipse(QPointF(cx, cy), radius, radius)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#c62828"))
    painter.drawPolygon(QPolygonF([QPointF(cx, cy - radius + 3), QPointF(cx + 6, cy + 1), QPointF(cx - 6, cy + 1)]))
    painter.setBrush(QColor("#424242"))
    painter.drawPolygon(QPolygonF([QPointF(cx, cy + 5), QPointF(cx + 6, cy + 1), QPointF(cx - 6, cy + 1)]))
    bold = QFont(font)
    bold.setBold(True)
    metrics = QFontMetricsF(bold)
    north = QCoreApplication.translate("MapView", "N", "north arrow")
    painter.setFont(bold)
    painter.setPen(QColor("#202020"))
    _draw_text(painter, QPointF(cx - metrics.horizontalAdvance(north) / 2, cy + radius - 2), north)
    painter.restore()
