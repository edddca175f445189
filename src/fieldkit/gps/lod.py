"""Levels of detail of a track: simplified copies for drawing it at any map scale.

A week of 1 Hz logging is 600,000 points; drawing them all at a scale where a pixel covers a
hundred metres wastes hundreds of milliseconds per frame on lines shorter than a pixel. A
:class:`TrackLevels` holds the track in Web Mercator metres at full resolution and simplified by
Douglas-Peucker (:func:`fieldkit.gps.geo.simplify`) at tolerances ``BASE_TOLERANCE_M * 2**k``, each
level from the one before (a million points are scanned once, not once per level). A map asks
:meth:`TrackLevels.level_for` with its current metres per pixel and gets the coarsest level whose
tolerance is at most half a pixel. Because the tolerances of the levels a point went through add up
(0.5 + 0.25 + ... of a pixel), what is drawn stays within one pixel of the full track.

Each level is cut into chunks of at most :data:`CHUNK_POINTS` points with their bounding boxes, so a
map zoomed in close draws only the chunks it can see. A chunk never spans two segments: a gap in the
logging stays a gap on the map.

Building the levels costs a few seconds for a million points (pure Python), so it is done once per
track and comes in two forms: :func:`build_levels` in one go (tests, CLI, a worker process), and
:class:`LevelsBuilder`, which does the same work in slices of a few milliseconds so that a GUI can
interleave it with its events. (A worker thread does not help here: the work is pure Python, and
while it holds the interpreter lock the GUI thread stalled for up to a second per frame, measured.)
"""

from __future__ import annotations

import math
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from fieldkit.gps.geo import MERCATOR_MAX_LAT, A, simplify

BASE_TOLERANCE_M = 0.5
"""Tolerance of the finest simplified level, in Mercator metres. Below twice this many metres per
pixel (zoomed in closer than about 1 m per pixel) the full-resolution track is drawn."""
CHUNK_POINTS = 128
"""Points per chunk. Small chunks cull finely, and Qt strokes many short antialiased paths 5 to 6
times faster than one long self-crossing path of the same points (measured: 16,000 points at
2.5 px, 60 ms in pieces of 64-128 against 360 ms as one path)."""
_STEP_POINTS = 4096
"""Points processed between two yields of the step-wise builder (a few milliseconds)."""
_DP_BLOCK = 64
"""Douglas-Peucker runs on blocks of this many points. On a whole segment it rescans the points
once per level of its recursion (about 20 for a million points); on blocks of 64 about 6 times,
which makes the first level 3 to 4 times faster for at most one extra point per block."""
_MAX_LEVELS = 40
_DONE = object()

Columns = tuple[Sequence[float], Sequence[float]]
"""One segment as two columns: latitudes and longitudes in degrees."""


@dataclass(frozen=True)
class Chunk:
    """A run of consecutive points of one segment in Mercator metres; consecutive chunks of a
    segment share their joining point, so drawing them one after the other leaves no gap."""

    xs: array
    ys: array
    bbox: tuple[float, float, float, float]
    """Min x, min y, max x, max y."""

    def __len__(self) -> int:
        return len(self.xs)


@dataclass(frozen=True)
class Level:
    """The whole track simplified with Douglas-Peucker ``tolerance`` (metres; 0: full resolution)."""

    tolerance: float
    chunks: tuple[Chunk, ...]
    points: int
    max_error: float = 0.0
    """How far (metres) this level may stray from the full track: the sum of the tolerances of
    the levels it was simplified through, less than twice ``tolerance``."""


class Cancelled(Exception):
    """Raised by :func:`build_levels` when its ``cancel`` check returned true."""


class TrackLevels:
    """A track in Mercator metres at full resolution (:attr:`full`) and simplified (:attr:`levels`,
    tolerances doubling from :data:`BASE_TOLERANCE_M`). Build it with :func:`build_levels`."""

    def __init__(self, full: Level, levels: list[Level], bbox: tuple[float, float, float, float] | None) -> None:
        self.full = full
        self.levels = levels
        self.bbox = bbox

    def level_for(self, metres_per_pixel: float) -> Level:
        """The level to draw at ``metres_per_pixel`` (Mercator metres): the coarsest one whose
        tolerance is at most half a pixel (so it strays less than a pixel); the full track when even
        the finest level is too coarse, that is closer than ``2 * BASE_TOLERANCE_M`` m per pixel."""
        limit = 0.5 * metres_per_pixel
        chosen = self.full
        for level in self.levels:
            if level.tolerance > limit:
                break
            chosen = level
        return chosen


def project(lats: Sequence[float], lons: Sequence[float]) -> tuple[array, array]:
    """Web Mercator x and y (metres) of the points, as in :func:`fieldkit.gps.geo.to_mercator`.

    Points with a latitude or longitude out of range (or NaN) are left out.
    """
    xs, ys = array("d"), array("d")
    rad = math.pi / 180.0
    quarter = math.pi / 4.0
    log, tan = math.log, math.tan
    top = MERCATOR_MAX_LAT
    for lat, lon in zip(lats, lons, strict=False):
        # The chained comparisons are false for NaN as well.
        if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
            continue
        if lat > top:
            lat = top
        elif lat < -top:
            lat = -top
        # The same operations in the same order as to_mercator, so both give identical floats.
        xs.append(lon * rad * A)
        ys.append(log(tan(quarter + lat * rad / 2)) * A)
    return xs, ys


def build_levels(
    segments: Iterable[Columns],
    cancel: Callable[[], bool] | None = None,
) -> TrackLevels:
    """Project ``segments`` (each a pair of latitude and longitude columns) and simplify them.

    Level ``k`` is level ``k - 1`` simplified with tolerance ``BASE_TOLERANCE_M * 2**k``, which
    keeps the total cost near that of the first level. Levels stop when every segment is down to
    its two end points or the tolerance exceeds the track's extent. Raises :class:`Cancelled` when
    ``cancel()`` returns true (checked every few thousand points).
    """
    builder = LevelsBuilder(segments)
    while not builder.step(0.05):
        _check(cancel)
    assert builder.result is not None
    return builder.result


class LevelsBuilder:
    """:func:`build_levels` in slices: call :meth:`step` until it returns true, then read
    :attr:`result`. Nothing is shared: the columns are read, never changed."""

    def __init__(self, segments: Iterable[Columns]) -> None:
        self.segments = list(segments)
        self.points = sum(min(len(lats), len(lons)) for lats, lons in self.segments)
        self.result: TrackLevels | None = None
        self._work = self._run()

    def step(self, seconds: float = 0.01) -> bool:
        """Work for about ``seconds``; true once :attr:`result` is ready."""
        if self.result is not None:
            return True
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            if next(self._work, _DONE) is _DONE:
                return True
        return False

    def _run(self) -> Iterator[None]:
        projected = []
        for lats, lons in self.segments:
            n = min(len(lats), len(lons))
            xs, ys = array("d"), array("d")
            for start in range(0, n, _STEP_POINTS * 4):
                px, py = project(lats[start : start + _STEP_POINTS * 4], lons[start : start + _STEP_POINTS * 4])
                xs.extend(px)
                ys.extend(py)
                yield
            if len(xs):
                projected.append((xs, ys))
        full = _level(0.0, projected)
        bbox = _bbox(full.chunks)
        levels: list[Level] = []
        if bbox is not None:
            extent = math.hypot(bbox[2] - bbox[0], bbox[3] - bbox[1])
            current = projected
            tolerance = BASE_TOLERANCE_M
            error = 0.0
            for _ in range(_MAX_LEVELS):
                reduced = []
                for xs, ys in current:
                    yield from _reduce(xs, ys, tolerance, reduced)
                current = reduced
                error += tolerance
                level = _level(tolerance, current, error)
                levels.append(level)
                yield
                if level.points <= 2 * len(current) or tolerance > extent:
                    break
                tolerance *= 2
        self.result = TrackLevels(full, levels, bbox)


def preview_level(segments: Iterable[Columns], max_points: int = 20_000) -> Level:
    """A cheap stand-in for a track whose levels are still being built: every n-th point (plus
    each segment's last), about ``max_points`` in all. Projects only the points it keeps."""
    segments = list(segments)
    total = sum(min(len(lats), len(lons)) for lats, lons in segments)
    step = max(1, math.ceil(total / max_points))
    projected = []
    for lats, lons in segments:
        n = min(len(lats), len(lons))
        if n == 0:
            continue
        picks = list(range(0, n, step))
        if picks[-1] != n - 1:
            picks.append(n - 1)
        xs, ys = project([lats[i] for i in picks], [lons[i] for i in picks])
        if len(xs):
            projected.append((xs, ys))
    return _level(float("inf"), projected)


def segment_columns(segment: object) -> Columns:
    """The (latitudes, longitudes) columns of ``segment``: a :class:`fieldkit.gps.points.Segment`
    (or anything with ``lat`` and ``lon`` columns) or a pair ``(lats, lons)``.

    Raises ``ValueError`` for anything else.
    """
    lat = getattr(segment, "lat", None)
    lon = getattr(segment, "lon", None)
    if lat is not None and lon is not None:
        return lat, lon
    if isinstance(segment, Sequence) and len(segment) == 2:
        lats, lons = segment
        if isinstance(lats, Sequence | array) and isinstance(lons, Sequence | array) and len(lats) == len(lons):
            return lats, lons
    raise ValueError("a track segment must be a Segment or a pair of (latitudes, longitudes) columns")


# -- internals ------------------------------------------------------------------------------------------


def _check(cancel: Callable[[], bool] | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled


def _reduce(xs: array, ys: array, tolerance: float, out: list[tuple[array, array]]) -> Iterator[None]:
    """Append one segment simplified by Douglas-Peucker (to within ``tolerance`` metres) to ``out``;
    yields every few thousand points."""
    n = len(xs)
    if n <= 2:
        out.append((xs, ys))
        return
    keep: list[int] = []
    for start in range(0, n - 1, _DP_BLOCK):
        stop = min(n - 1, start + _DP_BLOCK)
        picks = simplify(xs[start : stop + 1], ys[start : stop + 1], tolerance)
        keep.extend(start + i for i in picks[:-1])
        if start % _STEP_POINTS == 0:
            yield
    keep.append(n - 1)
    out.append((array("d", [xs[i] for i in keep]), array("d", [ys[i] for i in keep])))


def _level(tolerance: float, segments: list[tuple[array, array]], max_error: float = 0.0) -> Level:
    chunks: list[Chunk] = []
    points = 0
    for xs, ys in segments:
        n = len(xs)
        points += n
        if n <= CHUNK_POINTS:
            chunks.append(Chunk(xs, ys, (min(xs), min(ys), max(xs), max(ys))))
            continue
        # Step one short of the chunk size so that neighbouring chunks share a point.
        for start in range(0, n - 1, CHUNK_POINTS - 1):
            cx = xs[start : start + CHUNK_POINTS]
            cy = ys[start : start + CHUNK_POINTS]
            chunks.append(Chunk(cx, cy, (min(cx), min(cy), max(cx), max(cy))))
    return Level(tolerance, tuple(chunks), points, max_error)


def _bbox(chunks: Sequence[Chunk]) -> tuple[float, float, float, float] | None:
    if not chunks:
        return None
    return (
        min(c.bbox[0] for c in chunks),
        min(c.bbox[1] for c in chunks),
        max(c.bbox[2] for c in chunks),
        max(c.bbox[3] for c in chunks),
    )
