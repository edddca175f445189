"""GPS points in columns, and their compact stored form.

A day of 1 Hz logging is 86,400 points and a week 600,000: points are never Python objects each.
A :class:`Segment` keeps parallel arrays (latitude, longitude, elevation, time, hdop, satellites,
fix quality); :func:`pack` turns a slice of them into one binary chunk (a ``track_chunks`` row) and
:func:`unpack` back. Missing values are NaN (floats) or -1 (small integers).
"""

from __future__ import annotations

import math
import struct
import sys
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

NAN = math.nan
CHUNK_POINTS = 4096
"""Points per stored chunk: big enough to keep rows few, small enough to page through a track."""

_FORMAT_VERSION = 1
_HEADER = struct.Struct("<BI")  # format version, point count
# Column layout of a chunk: typecode of each column, in order.
_COLUMNS = (("lat", "d"), ("lon", "d"), ("ele", "f"), ("time", "d"), ("hdop", "f"), ("sats", "b"), ("fix", "b"))


class Point(NamedTuple):
    lat: float
    lon: float
    ele: float = NAN
    time: float = NAN
    """Seconds since the Unix epoch (UTC), NaN when unknown."""
    hdop: float = NAN
    sats: int = -1
    fix: int = -1
    """0 none, 1 GPS, 2 DGPS, 4 RTK fixed, 5 RTK float, 6 estimated (NMEA GGA quality); -1 unknown."""


@dataclass
class Segment:
    """One unbroken run of points, stored column by column."""

    lat: array = field(default_factory=lambda: array("d"))
    lon: array = field(default_factory=lambda: array("d"))
    ele: array = field(default_factory=lambda: array("f"))
    time: array = field(default_factory=lambda: array("d"))
    hdop: array = field(default_factory=lambda: array("f"))
    sats: array = field(default_factory=lambda: array("b"))
    fix: array = field(default_factory=lambda: array("b"))

    def __len__(self) -> int:
        return len(self.lat)

    def append(self, p: Point) -> None:
        lat, lon, ele, time, hdop, sats, fix = p
        self.lat.append(lat)
        self.lon.append(lon)
        self.ele.append(ele)
        self.time.append(time)
        self.hdop.append(hdop)
        # Signed bytes: clamp the rare out-of-range value rather than fail (a comparison, not
        # min/max calls: this runs once per point of a million-point import).
        self.sats.append(sats if -1 <= sats <= 127 else (127 if sats > 127 else -1))
        self.fix.append(fix if -1 <= fix <= 127 else (127 if fix > 127 else -1))

    def point(self, i: int) -> Point:
        return Point(self.lat[i], self.lon[i], self.ele[i], self.time[i], self.hdop[i], self.sats[i], self.fix[i])

    def points(self) -> Iterator[Point]:
        for i in range(len(self)):
            yield self.point(i)

    def extend(self, other: Segment) -> None:
        for name, _code in _COLUMNS:
            getattr(self, name).extend(getattr(other, name))

    def slice(self, start: int, stop: int) -> Segment:
        part = Segment()
        for name, _code in _COLUMNS:
            setattr(part, name, getattr(self, name)[start:stop])
        return part

    def clear(self) -> None:
        for name, code in _COLUMNS:
            setattr(self, name, array(code))


def pack(segment: Segment) -> bytes:
    """One chunk: a small header, then each column as little-endian machine values."""
    parts = [_HEADER.pack(_FORMAT_VERSION, len(segment))]
    for name, _code in _COLUMNS:
        column = getattr(segment, name)
        if sys.byteorder != "little":
            column = array(column.typecode, column)
            column.byteswap()
        parts.append(column.tobytes())
    return b"".join(parts)


def unpack(data: bytes) -> Segment:
    version, count = _HEADER.unpack_from(data)
    if version != _FORMAT_VERSION:
        raise ValueError(f"unknown track chunk format {version}")
    segment = Segment()
    offset = _HEADER.size
    for name, code in _COLUMNS:
        column = array(code)
        size = column.itemsize * count
        column.frombytes(data[offset : offset + size])
        if sys.byteorder != "little":
            column.byteswap()
        setattr(segment, name, column)
        offset += size
    if offset != len(data):
        raise ValueError("track chunk has trailing bytes")
    return segment


def chunks(segment: Segment, size: int = CHUNK_POINTS) -> Iterator[Segment]:
    for start in range(0, len(segment), size):
        yield segment.slice(start, start + size)
