"""A sink that keeps everything in memory: for small files, previews and tests."""

from __future__ import annotations

from dataclasses import dataclass, field

from fieldkit.gps.points import Point, Segment


@dataclass
class ParsedTrack:
    name: str | None
    kind: str
    description: str | None
    segments: list[Segment] = field(default_factory=list)

    @property
    def points(self) -> int:
        return sum(len(s) for s in self.segments)


@dataclass
class ParsedWaypoint:
    point: Point
    name: str | None
    description: str | None
    symbol: str | None


@dataclass
class Collector:
    tracks: list[ParsedTrack] = field(default_factory=list)
    waypoints: list[ParsedWaypoint] = field(default_factory=list)

    def begin_track(self, name: str | None, kind: str, description: str | None) -> None:
        self.tracks.append(ParsedTrack(name, kind, description))

    def begin_segment(self) -> None:
        self.tracks[-1].segments.append(Segment())

    def add_point(self, point: Point) -> None:
        self.tracks[-1].segments[-1].append(point)

    def end_segment(self) -> None:
        pass

    def end_track(self) -> None:
        pass

    def add_waypoint(self, point: Point, name: str | None, description: str | None, symbol: str | None) -> None:
        self.waypoints.append(ParsedWaypoint(point, name, description, symbol))
