"""Positions for photos without GPS: where the inspection's track was when the photo was taken.

The camera's clock is often wrong (minutes to hours, or the wrong zone); the inspector can give the
offset, or take one photo of the GPS unit's screen showing its time, from which the offset follows.
A photo taken while the track has a gap (lost fix, laptop asleep) gets no position rather than a
guess along a straight line.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from fieldkit.gps.points import Segment

MAX_BRACKET_S = 120.0
"""Interpolate only between fixes at most this far apart in time."""
MAX_OUTSIDE_S = 30.0
"""A photo up to this long before the first or after the last fix takes that fix's position."""


@dataclass(frozen=True)
class TrackTime:
    """The timed points of one segment, for lookups by time."""

    times: list[float]
    lats: list[float]
    lons: list[float]
    eles: list[float]


def index_segments(segments: list[Segment]) -> list[TrackTime]:
    indexed = []
    for seg in segments:
        rows = sorted((t, y, x, e) for t, y, x, e in zip(seg.time, seg.lat, seg.lon, seg.ele, strict=True) if t == t)
        if rows:
            times, lats, lons, eles = (list(col) for col in zip(*rows, strict=True))
            indexed.append(TrackTime(times, lats, lons, eles))
    return indexed


def position_at(index: list[TrackTime], moment: float) -> tuple[float, float, float | None] | None:
    """(lat, lon, elevation) at ``moment`` (epoch seconds), or ``None`` when the track does not tell."""
    for seg in index:
        times = seg.times
        if moment < times[0] - MAX_OUTSIDE_S or moment > times[-1] + MAX_OUTSIDE_S:
            continue
        i = bisect.bisect_left(times, moment)
        if i == 0:
            return seg.lats[0], seg.lons[0], _ele(seg.eles[0])
        if i == len(times):
            return seg.lats[-1], seg.lons[-1], _ele(seg.eles[-1])
        t0, t1 = times[i - 1], times[i]
        if t1 - t0 > MAX_BRACKET_S:
            return None  # a gap in the track: no straight-line guess
        f = 0.0 if t1 == t0 else (moment - t0) / (t1 - t0)
        lat = seg.lats[i - 1] + (seg.lats[i] - seg.lats[i - 1]) * f
        lon = seg.lons[i - 1] + (seg.lons[i] - seg.lons[i - 1]) * f
        e0, e1 = seg.eles[i - 1], seg.eles[i]
        ele = None if e0 != e0 or e1 != e1 else e0 + (e1 - e0) * f
        return lat, lon, ele
    return None


def _ele(value: float) -> float | None:
    return None if value != value else value
