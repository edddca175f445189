"""A sink that packs points into chunks on a temporary file while statistics accumulate.

Importing is in two phases so that the store's single writer is held only briefly: the file is read
(seconds, for a week of logging) into packed chunks on disk, then everything is written in one
transaction (a fraction of a second) or not at all. Memory stays bounded by one chunk.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from fieldkit.gps.geo import Boundary
from fieldkit.gps.points import CHUNK_POINTS, Point, Segment, pack
from fieldkit.gps.stats import SegmentStats, combine
from fieldkit.i18n import translate

MAX_WAYPOINTS = 100_000


@dataclass
class SpooledSegment:
    chunks: list[tuple[int, int, int]] = field(default_factory=list)
    """(offset, length, point count) of each packed chunk in the spool file."""
    stats: SegmentStats | None = None

    @property
    def points(self) -> int:
        return sum(c[2] for c in self.chunks)


@dataclass
class SpooledTrack:
    name: str | None
    kind: str
    description: str | None
    segments: list[SpooledSegment] = field(default_factory=list)

    @property
    def points(self) -> int:
        return sum(s.points for s in self.segments)

    def stats(self) -> dict[str, Any]:
        per_segment = [s.stats.result() for s in self.segments if s.stats is not None]
        total = combine(per_segment)
        total["segments"] = per_segment
        return total


@dataclass
class SpooledWaypoint:
    point: Point
    name: str | None
    description: str | None
    symbol: str | None


class Spool:
    """Implements the reader's Sink; use as a context manager (the temporary file is removed)."""

    def __init__(self, boundary: Boundary | None = None) -> None:
        self.boundary = boundary
        self.file = tempfile.TemporaryFile(prefix="fieldkit-track-")  # noqa: SIM115 - closed by __exit__
        self.tracks: list[SpooledTrack] = []
        self.waypoints: list[SpooledWaypoint] = []
        self._buffer = Segment()
        self._buffered = 0
        self._segment: SpooledSegment | None = None

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.file.close()

    # -- Sink ---------------------------------------------------------------------------------------

    def begin_track(self, name: str | None, kind: str, description: str | None) -> None:
        self.tracks.append(SpooledTrack(name, kind, description))

    def begin_segment(self) -> None:
        self._segment = SpooledSegment(stats=SegmentStats(self.boundary))
        self.tracks[-1].segments.append(self._segment)

    def add_point(self, point: Point) -> None:
        self._buffer.append(point)
        self._buffered += 1
        if self._buffered >= CHUNK_POINTS:
            self._flush()

    def end_segment(self) -> None:
        self._flush()
        self._segment = None

    def end_track(self) -> None:
        pass

    def add_waypoint(self, point: Point, name: str | None, description: str | None, symbol: str | None) -> None:
        if len(self.waypoints) >= MAX_WAYPOINTS:
            raise ValueError(translate("GPS", "more than {count} waypoints").format(count=MAX_WAYPOINTS))
        self.waypoints.append(SpooledWaypoint(point, name, description, symbol))

    # -- chunks -------------------------------------------------------------------------------------

    def _flush(self) -> None:
        if not len(self._buffer) or self._segment is None:
            return
        assert self._segment.stats is not None
        self._segment.stats.add(self._buffer)
        data = pack(self._buffer)
        offset = self.file.seek(0, 2)
        self.file.write(data)
        self._segment.chunks.append((offset, len(data), len(self._buffer)))
        self._buffer = Segment()
        self._buffered = 0

    def read_chunks(self, track: SpooledTrack) -> Iterator[tuple[int, int, int, bytes]]:
        """(segment index, chunk index, point count, packed bytes) for every chunk of ``track``."""
        for s_index, segment in enumerate(track.segments):
            for c_index, (offset, length, count) in enumerate(segment.chunks):
                self.file.seek(offset)
                yield s_index, c_index, count, self.file.read(length)
