"""A streaming GPX 1.0/1.1 reader: bounded memory, refuses what GPX never needs, says where it failed.

gpxpy builds a Python object per point and reads the whole file into memory (176 MB for 100k points
here); a week of 1 Hz logging is 600k points. This reader runs expat over the file in blocks and
hands points to a sink in columnar batches, so memory stays flat whatever the file size. gpxpy is
kept for writing GPX and as the reference the tests compare against; where gpxpy rejects a file,
this reader rejects it too (an unreadable number, an unknown ``<fix>``), and otherwise returns the
same points, segments, times and elevations.

Security: a DOCTYPE, an entity declaration or an external entity reference is refused outright
(GPX never needs them; they are how entity-expansion and local-file attacks get in), and files over
a size limit are refused before they are read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import BinaryIO, Protocol
from xml.parsers import expat

from fieldkit.gps.points import NAN, Point
from fieldkit.i18n import translate

MAX_BYTES = 512 * 1024 * 1024
BLOCK = 1 << 20
_FIX = {"none": 0, "2d": 1, "3d": 1, "dgps": 2, "pps": 3}
_TIME = re.compile(
    r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})[T ]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})"
    r"(\.[0-9]{1,15})?(Z|[+\-−][0-9]{2}:?(?:[0-9]{2})?)?$"
)


class GpxError(ValueError):
    """A file that cannot be imported; the message says why and, where known, on which line."""

    def __init__(self, message: str, line: int | None = None) -> None:
        self.line = line
        super().__init__(
            message if line is None else translate("GPS", "line {line}: {message}").format(line=line, message=message)
        )


class Sink(Protocol):
    """Receives what the reader finds, in file order."""

    def begin_track(self, name: str | None, kind: str, description: str | None) -> None: ...
    def begin_segment(self) -> None: ...
    def add_point(self, point: Point) -> None: ...
    def end_segment(self) -> None: ...
    def end_track(self) -> None: ...
    def add_waypoint(self, point: Point, name: str | None, description: str | None, symbol: str | None) -> None: ...


_DAYS: dict[str, float] = {}


def parse_time(text: str) -> float:
    """Seconds since the epoch for a GPX time; NaN when it cannot be read (as gpxpy: time unknown).

    A time without a zone is UTC, as the GPX schema says.
    """
    # Fast path for what loggers write ("2026-11-23T04:05:06Z", optionally with a fraction): the
    # date's epoch is cached (a day has 86,400 points at 1 Hz) and the time of day is added. This
    # is the hottest line of a big import; the general parser below handles everything else.
    if len(text) >= 20 and text[10] == "T" and text[-1] == "Z" and text[13] == ":" and text[16] == ":":
        day = _DAYS.get(text[:10])
        if day is None and len(_DAYS) < 10_000:
            try:
                day = _DAYS[text[:10]] = datetime.fromisoformat(text[:10]).replace(tzinfo=UTC).timestamp()
            except ValueError:
                day = None
        if day is not None:
            try:
                hour, minute = int(text[11:13]), int(text[14:16])
                second = float(text[17:-1])
            except ValueError:
                pass
            else:
                if hour < 24 and minute < 60 and second < 61:
                    return day + hour * 3600 + minute * 60 + second
    m = _TIME.match(text.strip())
    if m is None:
        return NAN
    fraction = m.group(7)
    micro = int((fraction[1:7]).ljust(6, "0")) if fraction else 0
    zone = m.group(8)
    tz = UTC
    if zone and zone != "Z":
        sign = -1 if zone[0] in "-−" else 1
        digits = zone[1:].replace(":", "")
        hours = int(digits[:2])
        minutes = int(digits[2:4]) if len(digits) >= 4 else 0
        tz = timezone(sign * timedelta(hours=hours, minutes=minutes))
    try:
        moment = datetime(*(int(m.group(i)) for i in range(1, 7)), micro, tzinfo=tz)
    except ValueError:
        return NAN
    return moment.timestamp()


class _Reader:
    """Turns expat callbacks into sink calls, keeping only the point being read in memory.

    The callbacks are the hot path of a big import (a dozen per point): they do as little as
    possible, with the common case (a child element of a point) handled first.
    """

    POINT_FIELDS = frozenset(("ele", "time", "hdop", "sat", "fix", "name", "desc", "sym"))

    def __init__(self, sink: Sink) -> None:
        self.sink = sink
        self.parser = expat.ParserCreate()
        self.parser.buffer_text = True
        self.parser.buffer_size = 65536
        self.parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.parser.StartDoctypeDeclHandler = self._doctype
        self.parser.EntityDeclHandler = self._entity
        self.parser.ExternalEntityRefHandler = self._external
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._text
        self.depth = 0
        self.root_seen = False
        self.in_extensions = 0
        self.container: str | None = None  # "trk" or "rte" being read
        self.container_fields: dict[str, str] = {}
        self.container_started = False
        self.point_kind: str | None = None
        self.point_lat = self.point_lon = NAN
        self.fields: dict[str, str] = {}
        self.capture: str | None = None
        self.text = ""
        self.in_segment = False

    # -- refusals -----------------------------------------------------------------------------------

    def _line(self) -> int:
        return self.parser.CurrentLineNumber

    def _doctype(self, *_args) -> None:
        raise GpxError(translate("GPS", "a DOCTYPE declaration is not allowed in a GPX file"), self._line())

    def _entity(self, *_args) -> None:
        raise GpxError(translate("GPS", "an entity declaration is not allowed in a GPX file"), self._line())

    def _external(self, *_args) -> int:
        raise GpxError(translate("GPS", "external entities are not allowed in a GPX file"), self._line())

    # -- structure ----------------------------------------------------------------------------------

    def _start(self, tag: str, attrs: dict[str, str]) -> None:
        name = tag.rpartition(":")[2] if ":" in tag else tag
        self.depth += 1
        if self.point_kind is not None and not self.in_extensions:
            # The common case first: a child of the point being read.
            if name in self.POINT_FIELDS:
                self.capture = name
                self.text = ""
            elif name == "extensions":
                self.in_extensions = 1  # Garmin TrackPointExtension and the like: skipped cleanly
            return
        if self.depth == 1:
            if name != "gpx":
                raise GpxError(
                    translate("GPS", "not a GPX file: the document is <{name}>, not <gpx>").format(name=name),
                    self._line(),
                )
            self.root_seen = True
            return
        if self.in_extensions or name == "extensions":
            self.in_extensions += 1
            return
        if name in ("trkpt", "rtept", "wpt"):
            self.point_lat = self._coordinate(attrs, "lat")
            self.point_lon = self._coordinate(attrs, "lon")
            self.point_kind = name
            self.fields = {}
            if name == "rtept":
                self._start_container_if_needed()
            return
        if self.depth == 2 and name in ("trk", "rte"):
            self.container = name
            self.container_fields = {}
            self.container_started = False
            return
        if self.container is not None and self.depth == 3:
            if name == "trkseg" and self.container == "trk":
                self._start_container_if_needed()
                self.sink.begin_segment()
                self.in_segment = True
            elif name in ("name", "desc"):
                self.capture, self.text = name, ""

    def _start_container_if_needed(self) -> None:
        if self.container is not None and not self.container_started:
            kind = "route" if self.container == "rte" else "track"
            fields = self.container_fields
            self.sink.begin_track(fields.get("name") or None, kind, fields.get("desc") or None)
            self.container_started = True
            if kind == "route":
                self.sink.begin_segment()

    def _coordinate(self, attrs: dict[str, str], which: str) -> float:
        raw = attrs.get(which)
        if raw is None:
            raise GpxError(translate("GPS", "a point has no {which} attribute").format(which=which), self._line())
        try:
            value = float(raw)  # float() itself ignores surrounding white space
        except ValueError:
            raise GpxError(
                translate("GPS", "{which}={raw!r} is not a number").format(which=which, raw=raw), self._line()
            ) from None
        limit = 90.0 if which == "lat" else 180.0
        if not -limit <= value <= limit:
            raise GpxError(
                translate("GPS", "{which}={raw!r} is outside -{limit:g}..{limit:g}").format(
                    which=which, raw=raw, limit=limit
                ),
                self._line(),
            )
        return value

    def _text(self, data: str) -> None:
        if self.capture is not None:
            self.text += data  # with buffer_text, usually a single call per element

    def _end(self, tag: str) -> None:
        self.depth -= 1
        if self.in_extensions:
            self.in_extensions -= 1
            return
        capture = self.capture
        if capture is not None:
            if self.point_kind is not None:
                self.fields[capture] = self.text
            else:
                self.container_fields[capture] = self.text.strip()
            self.capture = None
            return
        name = tag.rpartition(":")[2] if ":" in tag else tag
        if name == self.point_kind:
            self._finish_point()
            return
        if name == "trkseg" and self.in_segment:
            self.sink.end_segment()
            self.in_segment = False
        elif name in ("trk", "rte") and self.depth == 1 and self.container is not None:
            if name == "rte":
                self._start_container_if_needed()
                self.sink.end_segment()
            elif not self.container_started:
                self._start_container_if_needed()  # a track without segments is still a track
            self.sink.end_track()
            self.container = None

    def _number(self, key: str, raw: str | None) -> float:
        if raw is None:
            return NAN
        try:
            return float(raw)
        except ValueError:
            if not raw.strip():
                return NAN  # an empty element: the value is unknown, as gpxpy reads it
            raise GpxError(
                translate("GPS", "<{key}>{raw}</{key}> is not a number").format(key=key, raw=raw.strip()[:40]),
                self._line(),
            ) from None

    def _finish_point(self) -> None:
        kind = self.point_kind
        self.point_kind = None
        get = self.fields.get
        sats = fix = -1
        raw_sat = get("sat")
        if raw_sat is not None and raw_sat.strip():
            try:
                sats = int(raw_sat)
            except ValueError:
                raise GpxError(
                    translate("GPS", "<sat>{raw}</sat> is not a whole number").format(raw=raw_sat.strip()[:40]),
                    self._line(),
                ) from None
        raw_fix = get("fix")
        if raw_fix is not None and raw_fix.strip():
            fix_value = _FIX.get(raw_fix.strip())
            if fix_value is None:
                raise GpxError(
                    translate("GPS", "<fix>{raw}</fix> is not one of none, 2d, 3d, dgps, pps").format(
                        raw=raw_fix.strip()[:40]
                    ),
                    self._line(),
                )
            fix = fix_value
        raw_time = get("time")
        point = Point(
            self.point_lat,
            self.point_lon,
            self._number("ele", get("ele")),
            parse_time(raw_time) if raw_time else NAN,
            self._number("hdop", get("hdop")),
            sats,
            fix,
        )
        if kind == "wpt":
            self.sink.add_waypoint(point, _clean(get("name")), _clean(get("desc")), _clean(get("sym")))
        elif kind == "rtept" or self.in_segment:
            self.sink.add_point(point)

    # -- running ------------------------------------------------------------------------------------

    def feed(self, data: bytes, final: bool = False) -> None:
        try:
            self.parser.Parse(data, final)
        except expat.ExpatError as exc:
            raise GpxError(
                translate("GPS", "not well-formed XML: {reason}").format(reason=expat.errors.messages[exc.code]),
                exc.lineno,
            ) from None


def _clean(text: str | None) -> str | None:
    return text.strip() or None if text is not None else None


def read_gpx(
    source: Path | BinaryIO,
    sink: Sink,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    """Stream ``source`` (a path or a binary file) into ``sink``; raise :class:`GpxError`.

    ``progress`` receives the number of bytes read so far; when ``cancelled()`` turns true the read
    stops with :class:`Cancelled`.
    """
    reader = _Reader(sink)
    handle = source.open("rb") if isinstance(source, Path) else source
    read = 0
    try:
        while True:
            block = handle.read(BLOCK)
            if not block:
                break
            read += len(block)
            if read > MAX_BYTES:
                raise GpxError(
                    translate("GPS", "the file is larger than {limit} MB").format(limit=MAX_BYTES // (1024 * 1024))
                )
            reader.feed(block)
            if progress is not None:
                progress(read)
            if cancelled is not None and cancelled():
                raise Cancelled()
        if read == 0:
            raise GpxError(translate("GPS", "the file is empty"))
        reader.feed(b"", final=True)
    finally:
        if isinstance(source, Path):
            handle.close()
    if not reader.root_seen:
        raise GpxError(translate("GPS", "the file is empty"))


class Cancelled(Exception):
    """The user cancelled a long import; nothing was stored."""
