"""Trend charts for the site summary: a parameter's readings over time against its limit.

Drawn with reportlab's own charts (vector, so they print sharp and stay small); every label uses our
embedded Latin font, never reportlab's default Helvetica.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Circle, Drawing, Line, String
from reportlab.lib import colors

from fieldkit.reports.fonts import FontSet

READING = colors.HexColor("#1f5fa8")
OVER = colors.HexColor("#b3261e")
LIMIT = colors.HexColor("#b3261e")


@dataclass(frozen=True)
class Reading:
    day: date
    value: float
    over: bool


def trend_chart(
    readings: Sequence[Reading],
    *,
    limit_max: float | None,
    limit_min: float | None,
    unit: str,
    width: float,
    height: float,
    fonts: FontSet,
) -> Drawing:
    """Readings (blue, red when over the limit) joined in date order, limits as dashed red lines."""
    font = fonts.latin.normal
    drawing = Drawing(width, height)
    drawing.initialFontName = font
    points = sorted(readings, key=lambda r: r.day)
    xs = [r.day.toordinal() for r in points]
    x0, x1 = min(xs), max(xs)
    if x0 == x1:
        x0, x1 = x0 - 3, x1 + 3
    values = [r.value for r in points] + [v for v in (limit_max, limit_min) if v is not None]
    low, high = min(values), max(values)
    pad = (high - low) * 0.12 or abs(high) * 0.2 or 1.0
    low = 0.0 if low >= 0 and low - pad < 0 else low - pad

    plot = LinePlot()
    plot.x, plot.y = 42, 22
    plot.width, plot.height = width - 54, height - 32
    series = [[(x, r.value) for x, r in zip(xs, points, strict=True)]]
    for limit in (limit_max, limit_min):
        if limit is not None:
            series.append([(x0, limit), (x1, limit)])
    plot.data = series
    plot.lines[0].strokeColor = READING
    plot.lines[0].strokeWidth = 1.2
    for n in range(1, len(series)):
        plot.lines[n].strokeColor = LIMIT
        plot.lines[n].strokeWidth = 1
        plot.lines[n].strokeDashArray = (4, 3)
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = x0, x1
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = low, high + pad
    span = x1 - x0
    plot.xValueAxis.valueSteps = _date_steps(x0, x1)
    plot.xValueAxis.labelTextFormat = lambda v: date.fromordinal(int(v)).strftime("%d %b" if span < 200 else "%b %Y")
    for axis in (plot.xValueAxis, plot.yValueAxis):
        axis.labels.fontName = font
        axis.labels.fontSize = 7
        axis.strokeColor = colors.HexColor("#9aa5b1")
    plot.yValueAxis.visibleGrid = True
    plot.yValueAxis.gridStrokeColor = colors.HexColor("#e4e7eb")
    plot.yValueAxis.labelTextFormat = lambda v: f"{v:.4g}"
    drawing.add(plot)
    scale_x = plot.width / (x1 - x0)
    scale_y = plot.height / (high + pad - low)
    for x, r in zip(xs, points, strict=True):
        cx, cy = plot.x + (x - x0) * scale_x, plot.y + (r.value - low) * scale_y
        drawing.add(
            Circle(
                cx,
                cy,
                2.6 if r.over else 2,
                fillColor=OVER if r.over else READING,
                strokeColor=colors.white,
                strokeWidth=0.5,
            )
        )
    for limit in (limit_max, limit_min):
        if limit is not None:
            y = plot.y + (limit - low) * scale_y
            drawing.add(
                String(
                    plot.x + plot.width - 2,
                    y + 2,
                    f"{limit:.4g} {unit}",
                    fontName=font,
                    fontSize=7,
                    fillColor=LIMIT,
                    textAnchor="end",
                )
            )
    drawing.add(String(4, height - 8, unit, fontName=font, fontSize=7, fillColor=colors.HexColor("#52606d")))
    drawing.add(
        Line(plot.x, plot.y, plot.x + plot.width, plot.y, strokeColor=colors.HexColor("#9aa5b1"), strokeWidth=0.5)
    )
    return drawing


def _date_steps(x0: int, x1: int) -> list[int]:
    """At most six ticks on whole days."""
    span = x1 - x0
    step = max(1, round(span / 5))
    return list(range(x0, x1 + 1, step))
