"""The map's layers as graphics items: site boundaries and point markers, and what they take in
(tracks are in :mod:`fieldkit.ui.map_tracks`).

Items live in a scene whose units are Web Mercator metres with y to the north (the view flips it).
Lines use cosmetic pens and markers ignore the view's transformation, so both keep their pixel size
at every zoom. Inputs are duck-typed: an attribute object (a service's row) or a mapping works.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

from fieldkit.gps.geo import Boundary, to_mercator

log = logging.getLogger("fieldkit.ui")

SITE_COLOR = QColor("#0d47a1")


def field(obj: Any, name: str, default: Any = None) -> Any:
    """``obj[name]`` for a mapping, ``obj.name`` otherwise; ``default`` when absent."""
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


class MapPoint(NamedTuple):
    """One marker of a point layer; ``bearing`` in degrees clockwise from north (a photo's view
    direction) or ``None``; ``payload`` is handed back by the map's ``point_clicked`` signal."""

    lat: float
    lon: float
    label: str = ""
    bearing: float | None = None
    payload: Any = None


def to_map_point(obj: Any) -> MapPoint:
    """A :class:`MapPoint` from a tuple ``(lat, lon[, label[, bearing[, payload]]])`` or an object
    or mapping with ``lat``, ``lon`` and optionally ``label`` (or ``name``), ``bearing``, ``payload``."""
    if isinstance(obj, MapPoint):
        return obj
    if isinstance(obj, tuple | list):
        return MapPoint(*obj)
    label = field(obj, "label") or field(obj, "name") or ""
    return MapPoint(
        float(field(obj, "lat")),
        float(field(obj, "lon")),
        str(label),
        field(obj, "bearing"),
        field(obj, "payload", obj),
    )


@dataclass(frozen=True)
class PointStyle:
    """How a point layer looks: marker colour, shape (``circle``, ``square``, ``diamond`` or
    ``triangle``), size in pixels, whether labels are written next to markers, stacking order."""

    color: str = "#d81b60"
    shape: str = "circle"
    size: float = 11.0
    labels: bool = True
    z: float = 40.0


def cosmetic_pen(color: QColor | str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(color), width, style, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    pen.setCosmetic(True)
    return pen


def _label_font(base: QFont | None = None, bold: bool = False) -> QFont:
    font = QFont(base) if base is not None else QFont()
    font.setBold(bold)
    return font


class LabelItem(QGraphicsItem):
    """Text centred on its position, with a white halo so it reads over any basemap."""

    def __init__(self, text: str, font: QFont, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.text = text
        self._path = QPainterPath()
        metrics = QFontMetricsF(font)
        width = metrics.horizontalAdvance(text)
        self._path.addText(QPointF(-width / 2, metrics.ascent() / 2 - 1), font, text)
        self._rect = self._path.boundingRect().adjusted(-3, -3, 3, 3)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.strokePath(self._path, QPen(QColor(255, 255, 255, 235), 3.5))
        painter.fillPath(self._path, QColor("#102a43"))


class SiteItem(QGraphicsPathItem):
    """A site's boundary (GeoJSON Polygon or MultiPolygon, holes kept) outlined and lightly filled,
    labelled with its code and name."""

    def __init__(self, code: str, name: str, boundary: Boundary, font: QFont) -> None:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        for polygon in boundary.polygons:
            for ring in polygon:
                path.addPolygon(QPolygonF([QPointF(*to_mercator(lon, lat)) for lon, lat in ring]))
                path.closeSubpath()
        super().__init__(path)
        self.code = code
        self.setPen(cosmetic_pen(SITE_COLOR, 2))
        fill = QColor(SITE_COLOR)
        fill.setAlpha(28)
        self.setBrush(QBrush(fill))
        self.setZValue(10)
        text = f"{code} · {name}" if code and name else (code or name)
        if text:
            label = LabelItem(text, _label_font(font, bold=True), self)
            label.setPos(path.boundingRect().center())
            label.setZValue(1)


def parse_boundary(value: Any) -> Boundary | None:
    """A :class:`Boundary` from a GeoJSON geometry or Feature (dict or JSON text); ``None`` when
    empty or not a usable Polygon/MultiPolygon (logged, so one bad site does not hide the others)."""
    if not value:
        return None
    try:
        geometry = json.loads(value) if isinstance(value, str | bytes) else value
        if isinstance(geometry, Mapping) and geometry.get("type") == "Feature":
            geometry = geometry.get("geometry") or {}
        return Boundary(dict(geometry))
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        log.warning("site boundary not drawn: %s", exc)
        return None


class PointItem(QGraphicsItem):
    """A marker of a point layer at a fixed pixel size, with an optional bearing cone (the
    direction a photo was taken in) and an optional label."""

    CONE_PIXELS = 34.0

    def __init__(self, layer: str, point: MapPoint, style: PointStyle, font: QFont) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.layer = layer
        self.point = point
        self.style = style
        self.setPos(*to_mercator(point.lon, point.lat))
        self.setZValue(style.z)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        if point.label:
            self.setToolTip(point.label)
        self._font = font
        r = style.size / 2 + 2
        rect = QRectF(-r, -r, 2 * r, 2 * r)
        if point.bearing is not None:
            c = self.CONE_PIXELS + 2
            rect = rect.united(QRectF(-c, -c, 2 * c, 2 * c))
        if style.labels and point.label:
            metrics = QFontMetricsF(font)
            rect = rect.united(
                QRectF(
                    r + 1, -metrics.height() / 2 - 2, metrics.horizontalAdvance(point.label) + 8, metrics.height() + 4
                )
            )
        self._rect = rect

    def boundingRect(self) -> QRectF:
        return self._rect

    def shape(self) -> QPainterPath:
        # Clicks and tooltips hit the marker (with a little slack for fingers on touch pads).
        path = QPainterPath()
        r = self.style.size / 2 + 4
        path.addEllipse(QPointF(0, 0), r, r)
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        color = QColor(self.style.color)
        if self.point.bearing is not None:
            cone = QPainterPath(QPointF(0, 0))
            c = self.CONE_PIXELS
            # Qt's angles run counter-clockwise from east; bearings clockwise from north.
            start = 90.0 - float(self.point.bearing) - 22.0
            cone.arcTo(QRectF(-c, -c, 2 * c, 2 * c), start, 44.0)
            cone.closeSubpath()
            fill = QColor(color)
            fill.setAlpha(110)
            painter.setPen(QPen(QColor(255, 255, 255, 200), 1))
            painter.setBrush(fill)
            painter.drawPath(cone)
        painter.setPen(QPen(QColor("white"), 1.5))
        painter.setBrush(color)
        s = self.style.size / 2
        shape = self.style.shape
        if shape == "square":
            painter.drawRect(QRectF(-s, -s, 2 * s, 2 * s))
        elif shape == "diamond":
            painter.drawPolygon(
                QPolygonF([QPointF(0, -s * 1.2), QPointF(s * 1.2, 0), QPointF(0, s * 1.2), QPointF(-s * 1.2, 0)])
            )
        elif shape == "triangle":
            painter.drawPolygon(
                QPolygonF([QPointF(0, -s * 1.2), QPointF(s * 1.1, s * 0.8), QPointF(-s * 1.1, s * 0.8)])
            )
        else:
            painter.drawEllipse(QPointF(0, 0), s, s)
        if self.style.labels and self.point.label:
            metrics = QFontMetricsF(self._font)
            at = QPointF(s + 5, metrics.ascent() / 2 - 1)
            path = QPainterPath()
            path.addText(at, self._font, self.point.label)
            painter.strokePath(path, QPen(QColor(255, 255, 255, 230), 3))
            painter.fillPath(path, QColor("#202020"))
