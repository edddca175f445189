"""Track statistics, accumulated chunk by chunk so that a million points never sit in memory at once."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from math import cos, hypot, sin, sqrt
from typing import Any

from fieldkit.gps.geo import E2, A, Boundary, distance
from fieldkit.gps.points import Segment

_RAD = math.pi / 180.0
_HALF_RAD = _RAD / 2
MOVING_SPEED = 0.5
"""m/s: slower than this counts as standing (0.5 m/s = 1.8 km/h; GPS drift at rest is below it)."""
MAX_STEP_S = 300.0
"""A step longer than this (a pause, a lost fix) does not count as moving time."""
ELEVATION_HYSTERESIS = 2.0
"""m: elevation changes smaller than this are GPS noise, not climbing (gain and loss use hysteresis)."""


@dataclass
class SegmentStats:
    """Running statistics of one segment; :meth:`add` takes consecutive chunks of it."""

    boundary: Boundary | None = None
    points: int = 0
    distance_m: float = 0.0
    moving_s: float = 0.0
    inside_s: float = 0.0
    inside_m: float = 0.0
    gain_m: float = 0.0
    loss_m: float = 0.0
    start: float = math.nan
    end: float = math.nan
    bbox: list[float] = field(default_factory=lambda: [math.inf, math.inf, -math.inf, -math.inf])
    _last: tuple[float, float, float, bool] | None = None
    _ele_ref: float = math.nan

    def add(self, seg: Segment) -> None:
        lat, lon, ele, time = seg.lat, seg.lon, seg.ele, seg.time
        boundary = self.boundary
        last = self._last
        west, south, east, north = self.bbox
        for i in range(len(lat)):
            y, x, t = lat[i], lon[i], time[i]
            # Plain comparisons, not min()/max(): no function call per point on a million points.
            if x < west:
                west = x
            if x > east:
                east = x
            if y < south:
                south = y
            if y > north:
                north = y
            inside = boundary.contains(x, y) if boundary is not None else False
            if t == t:  # not NaN
                if self.start != self.start:
                    self.start = t
                self.end = t
            e = ele[i]
            if e == e:
                ref = self._ele_ref
                if ref != ref:
                    self._ele_ref = e
                elif e - ref >= ELEVATION_HYSTERESIS:
                    self.gain_m += e - ref
                    self._ele_ref = e
                elif ref - e >= ELEVATION_HYSTERESIS:
                    self.loss_m += ref - e
                    self._ele_ref = e
            if last is not None:
                py, px, pt, pin = last
                # geo.distance inlined (the local ellipsoid radii at the mid latitude): a function
                # call per step costs as much as the arithmetic on a million-point track.
                phi = (py + y) * _HALF_RAD
                sn = sin(phi)
                w2 = 1.0 - E2 * sn * sn
                n = A / sqrt(w2)
                d = hypot((y - py) * _RAD * n * (1.0 - E2) / w2, (x - px) * _RAD * n * cos(phi))
                if d >= 20_000.0 or abs(x - px) > 180.0:
                    d = distance(py, px, y, x)
                self.distance_m += d
                dt = t - pt
                if dt == dt and 0 < dt <= MAX_STEP_S:
                    if d / dt >= MOVING_SPEED:
                        self.moving_s += dt
                    if inside and pin:
                        self.inside_s += dt
                    elif inside or pin:
                        self.inside_s += dt / 2
                if inside and pin:
                    self.inside_m += d
                elif inside or pin:
                    self.inside_m += d / 2
            last = (y, x, t, inside)
        self._last = last
        self.points += len(lat)
        self.bbox = [west, south, east, north]

    def result(self) -> dict[str, Any]:
        duration = self.end - self.start if self.end == self.end and self.start == self.start else None
        out: dict[str, Any] = {
            "points": self.points,
            "distance_m": round(self.distance_m, 2),
            "duration_s": None if duration is None else round(duration, 1),
            "moving_s": round(self.moving_s, 1),
            "elevation_gain_m": round(self.gain_m, 1),
            "elevation_loss_m": round(self.loss_m, 1),
            "start": None if self.start != self.start else self.start,
            "end": None if self.end != self.end else self.end,
            "bbox": None if self.points == 0 else [round(v, 7) for v in self.bbox],
        }
        if self.boundary is not None:
            out["inside_s"] = round(self.inside_s, 1)
            out["inside_share"] = round(self.inside_m / self.distance_m, 4) if self.distance_m else None
        return out


def combine(segments: list[dict[str, Any]]) -> dict[str, Any]:
    """A track's statistics from its segments' (gaps between segments are not travelled)."""
    total: dict[str, Any] = {
        "points": sum(s["points"] for s in segments),
        "distance_m": round(sum(s["distance_m"] for s in segments), 2),
        "moving_s": round(sum(s["moving_s"] for s in segments), 1),
        "elevation_gain_m": round(sum(s["elevation_gain_m"] for s in segments), 1),
        "elevation_loss_m": round(sum(s["elevation_loss_m"] for s in segments), 1),
    }
    starts = [s["start"] for s in segments if s["start"] is not None]
    ends = [s["end"] for s in segments if s["end"] is not None]
    total["start"] = min(starts) if starts else None
    total["end"] = max(ends) if ends else None
    durations = [s["duration_s"] for s in segments if s["duration_s"] is not None]
    total["duration_s"] = round(sum(durations), 1) if durations else None
    boxes = [s["bbox"] for s in segments if s["bbox"]]
    total["bbox"] = (
        [min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)]
        if boxes
        else None
    )
    if any("inside_s" in s for s in segments):
        total["inside_s"] = round(sum(s.get("inside_s", 0) for s in segments), 1)
        inside_m = sum((s.get("inside_share") or 0) * s["distance_m"] for s in segments)
        total["inside_share"] = round(inside_m / total["distance_m"], 4) if total["distance_m"] else None
    return total
