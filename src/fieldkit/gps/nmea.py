"""NMEA 0183: sentences, fixes and log files, without Qt.

Three layers, each usable alone:

* :func:`inspect_sentence` / :func:`parse_sentence` check the framing of one sentence (``$`` or ``!``,
  an address, the ``*hh`` checksum) and decode the few sentence types a track needs: GGA, RMC, GSA,
  VTG and ZDA, from any talker (GP, GN, GL, GA, GB, BD, QZ, ...). Every other well-formed sentence
  (GSV, TXT, GLL, proprietary ``$P...``) is *unsupported*: counted, not decoded. No input line raises.
* :class:`FixAssembler` joins the sentences of one epoch (one UTC time of day) into a :class:`Fix`,
  dates it from RMC or ZDA (or a date the caller supplies) and follows midnight roll-over.
* :func:`read_nmea` streams a log file into a GPX-style :class:`~fieldkit.gps.gpx.Sink` as one track,
  starting a new segment wherever the fixes stop for longer than ``gap_s``.

The live logger (:mod:`fieldkit.gps.live`) feeds lines from a serial port through the same
:class:`FixAssembler`, so files and the receiver on the laptop are read by one parser.
(QtPositioning's ``QNmeaPositionInfoSource`` was tried and dropped: see FIELD-NOTES.md.)
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from fieldkit.gps.gpx import Cancelled, Sink
from fieldkit.gps.points import NAN, Point
from fieldkit.i18n import translate

__all__ = [
    "GGA",
    "GSA",
    "MAX_BYTES",
    "MAX_SENTENCE",
    "RMC",
    "VTG",
    "ZDA",
    "Cancelled",
    "Fix",
    "FixAssembler",
    "NmeaError",
    "NmeaReport",
    "Sentence",
    "SentenceCounts",
    "Verdict",
    "checksum",
    "inspect_sentence",
    "iter_lines",
    "looks_like_nmea",
    "parse_sentence",
    "read_nmea",
    "split_sentences",
]

MAX_SENTENCE = 256
"""Characters, ``$`` to checksum. The standard says 82; Trimble and u-blox high-precision output runs
longer (the R2 log has 90), so allow some room, but a 10 kB "sentence" is noise, not data."""
MAX_BYTES = 512 * 1024 * 1024
"""Largest log :func:`read_nmea` accepts. A day of 1 Hz output with satellite views is about 50 MB."""
BLOCK = 1 << 16
MAX_PENDING = 4096
"""Characters kept while waiting for a line end: binary data without newlines cannot grow memory."""
SNIFF_BYTES = 1 << 16
"""How much of a file must hold at least one sentence before :func:`read_nmea` reads the rest."""

KNOT = 1852.0 / 3600.0  # m/s
DAY = 86400.0
HALF_DAY = 43200.0
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()

_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)")
_INTEGER = re.compile(r"\d+")
_TIME = re.compile(r"(\d\d)(\d\d)(\d\d(?:\.\d*)?)")
_LAT = re.compile(r"(\d{1,2})(\d\d(?:\.\d*)?)")
_LON = re.compile(r"(\d{1,3})(\d\d(?:\.\d*)?)")
_DATE = re.compile(r"(\d\d)(\d\d)(\d\d)")
_ADDRESS = re.compile(r"[A-Z0-9]{3,32}")
_HEX2 = re.compile(r"[0-9A-Fa-f]{2}")
_START = re.compile(r"[$!]")
_LINE_END = re.compile(r"[\r\n]")
# A sentence anywhere in a line, for sniffing: start, address, a comma or the checksum.
_SNIFF = re.compile(r"[$!][A-Z][A-Z0-9]{2,31}(?:,[ -~]*)?\*[0-9A-Fa-f]{2}")

# RMC/VTG/GNS mode indicator → GGA quality, for epochs without GGA.
_MODE_QUALITY = {"A": 1, "D": 2, "P": 3, "R": 4, "F": 5, "E": 6, "M": 7, "S": 8, "N": 0}


class NmeaError(ValueError):
    """A log that cannot be imported; the message says why and, where known, on which line."""

    def __init__(self, message: str, line: int | None = None) -> None:
        self.line = line
        super().__init__(
            message if line is None else translate("GPS", "line {line}: {message}").format(line=line, message=message)
        )


class Verdict(StrEnum):
    """What one candidate sentence turned out to be."""

    OK = "ok"
    """Framing and checksum right, a supported type, every field readable."""
    UNSUPPORTED = "unsupported"
    """Framing and checksum right, but a type this module does not decode (GSV, TXT, $P...)."""
    BAD_CHECKSUM = "bad_checksum"
    """The ``*hh`` checksum is missing, not two hex digits, or does not match."""
    MALFORMED = "malformed"
    """A sentence start, but too long, not printable ASCII, a bad address or an unreadable field."""
    GARBAGE = "garbage"
    """Text that is not a sentence at all (logger banners, binary data between sentences)."""


@dataclass
class SentenceCounts:
    ok: int = 0
    unsupported: int = 0
    bad_checksum: int = 0
    malformed: int = 0
    garbage: int = 0

    def add(self, verdict: Verdict) -> None:
        setattr(self, verdict.value, getattr(self, verdict.value) + 1)

    @property
    def sentences(self) -> int:
        """Everything that started like a sentence (garbage excluded)."""
        return self.ok + self.unsupported + self.bad_checksum + self.malformed

    @property
    def readable(self) -> int:
        """Sentences with a right checksum, decoded or not."""
        return self.ok + self.unsupported

    @property
    def bad(self) -> int:
        return self.bad_checksum + self.malformed


# -- decoded sentences -------------------------------------------------------------------------------
# Times are seconds since UTC midnight (NaN when the field is empty), angles are decimal degrees
# (south and west negative), speeds m/s, and missing numbers NaN or -1, as in Point.


@dataclass(frozen=True, slots=True)
class GGA:
    talker: str
    time: float
    lat: float
    lon: float
    quality: int
    """0 invalid, 1 GPS, 2 DGPS, 3 PPS, 4 RTK fixed, 5 RTK float, 6 estimated, 7 manual, 8 simulated; -1 empty."""
    sats: int
    hdop: float
    altitude: float
    """Metres above mean sea level (the geoid)."""
    geoid_separation: float
    """Metres from the WGS 84 ellipsoid up to the geoid: ellipsoidal height = altitude + this."""


@dataclass(frozen=True, slots=True)
class RMC:
    talker: str
    time: float
    status: str
    """``A`` valid, ``V`` void (a warning: do not use the position), empty when absent."""
    lat: float
    lon: float
    speed: float
    course: float
    """Degrees true."""
    date: date | None
    mode: str | None
    """NMEA 2.3+ mode indicator: A autonomous, D differential, E estimated, N not valid, R/F RTK, ..."""


@dataclass(frozen=True, slots=True)
class GSA:
    talker: str
    mode: str
    """``A`` automatic 2D/3D, ``M`` manual."""
    fix_type: int
    """1 no fix, 2 2D, 3 3D; -1 empty."""
    sats_used: int
    """Non-empty satellite fields (one GSA per constellation on multi-GNSS receivers)."""
    pdop: float
    hdop: float
    vdop: float


@dataclass(frozen=True, slots=True)
class VTG:
    talker: str
    course: float
    speed: float
    mode: str | None


@dataclass(frozen=True, slots=True)
class ZDA:
    talker: str
    time: float
    date: date | None


Sentence = GGA | RMC | GSA | VTG | ZDA


class _Malformed(Exception):
    pass


def checksum(body: str) -> int:
    """XOR of the characters between the start character and ``*`` (what ``*hh`` must equal)."""
    value = 0
    for byte in body.encode("latin-1", "replace"):
        value ^= byte
    return value


def split_sentences(line: str) -> tuple[str, list[str]]:
    """Split a line into (text before the first sentence, [candidate sentences]).

    ``$`` and ``!`` are reserved start characters in NMEA 0183, never field data, so each one starts
    a candidate: two sentences run together without a line end are both seen, and binary data
    before a sentence (a u-blox stream mixing UBX and NMEA) is set apart.
    """
    starts = [m.start() for m in _START.finditer(line)]
    if not starts:
        return line, []
    ends = [*starts[1:], len(line)]
    return line[: starts[0]], [line[a:b] for a, b in zip(starts, ends, strict=True)]


def inspect_sentence(text: str) -> tuple[Verdict, Sentence | None]:
    """Check and decode one candidate sentence; never raises.

    ``text`` should start with ``$`` or ``!`` (see :func:`split_sentences`); NUL bytes and trailing
    whitespace are ignored. Returns the verdict and, when it is ``OK``, the decoded sentence.
    """
    try:
        return _inspect(text)
    except (_Malformed, ValueError, IndexError, OverflowError):
        return Verdict.MALFORMED, None


def parse_sentence(line: str) -> Sentence | None:
    """The decoded sentence in ``line``, or None (bad, unsupported, or not a sentence); never raises.

    Anything before the first ``$``/``!`` is skipped; the rest must be one sentence.
    """
    stripped = line.replace("\x00", "")
    start = _START.search(stripped)
    if start is None:
        return None
    return inspect_sentence(stripped[start.start() :])[1]


def _inspect(text: str) -> tuple[Verdict, Sentence | None]:
    text = text.replace("\x00", "").strip()
    if not text or text[0] not in "$!":
        return Verdict.GARBAGE, None
    if len(text) > MAX_SENTENCE or not (text.isascii() and text.isprintable()):
        return Verdict.MALFORMED, None
    body, star, given = text[1:].rpartition("*")
    if not star:
        return Verdict.BAD_CHECKSUM, None  # no checksum at all: we cannot tell noise from data
    if _HEX2.fullmatch(given) is None or int(given, 16) != checksum(body):
        return Verdict.BAD_CHECKSUM, None
    fields = body.split(",")
    address = fields[0]
    if _ADDRESS.fullmatch(address) is None:
        return Verdict.MALFORMED, None
    if text[0] == "!" or address[0] == "P" or len(address) != 5:
        return Verdict.UNSUPPORTED, None  # AIS encapsulation, proprietary, or a vendor variant (GGAH)
    decoder = _DECODERS.get(address[2:])
    if decoder is None:
        return Verdict.UNSUPPORTED, None
    return Verdict.OK, decoder(address[:2], fields[1:])


# -- field readers: raise _Malformed for a non-empty field they cannot read -------------------------


def _field(fields: list[str], i: int) -> str:
    # Trailing fields may be left off by older receivers: missing reads as empty.
    return fields[i].strip() if i < len(fields) else ""


def _number(text: str) -> float:
    if not text:
        return NAN
    if _NUMBER.fullmatch(text) is None:
        raise _Malformed
    return float(text)


def _integer(text: str) -> int:
    if not text:
        return -1
    if _INTEGER.fullmatch(text) is None:
        raise _Malformed
    return int(text)


def _time(text: str) -> float:
    if not text:
        return NAN
    m = _TIME.fullmatch(text)
    if m is None:
        raise _Malformed
    hours, minutes, seconds = int(m.group(1)), int(m.group(2)), float(m.group(3))
    if hours > 23 or minutes > 59 or seconds >= 61:  # 60.x: a leap second
        raise _Malformed
    return hours * 3600.0 + minutes * 60.0 + seconds


def _coordinate(value: str, hemisphere: str, pattern: re.Pattern[str], limit: float, negative: str) -> float:
    if not value:
        return NAN  # some receivers keep the hemisphere letter while they have no position
    m = pattern.fullmatch(value)
    if m is None or hemisphere not in (("N", "S") if limit == 90.0 else ("E", "W")):
        raise _Malformed
    minutes = float(m.group(2))
    if minutes >= 60.0:
        raise _Malformed
    degrees = int(m.group(1)) + minutes / 60.0
    if degrees > limit:
        raise _Malformed
    return -degrees if hemisphere == negative else degrees


def _position(fields: list[str], i: int) -> tuple[float, float]:
    lat = _coordinate(_field(fields, i), _field(fields, i + 1), _LAT, 90.0, "S")
    lon = _coordinate(_field(fields, i + 2), _field(fields, i + 3), _LON, 180.0, "W")
    if math.isnan(lat) != math.isnan(lon):
        raise _Malformed  # half a position is no position, and says the sentence is damaged
    return lat, lon


def _date(day: str, month: str, year: str) -> date:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise _Malformed from None


def _ddmmyy(text: str) -> date | None:
    if not text:
        return None
    m = _DATE.fullmatch(text)
    if m is None:
        raise _Malformed
    yy = int(m.group(3))
    # Two-digit years: NMEA dates start in the GPS era (1980), so 80-99 are 19xx.
    return _date(m.group(1), m.group(2), str(1900 + yy if yy >= 80 else 2000 + yy))


def _letter(text: str) -> str | None:
    if not text:
        return None
    if len(text) != 1 or not text.isalpha():
        raise _Malformed
    return text.upper()


def _gga(talker: str, f: list[str]) -> GGA:
    lat, lon = _position(f, 1)
    return GGA(
        talker,
        _time(_field(f, 0)),
        lat,
        lon,
        _integer(_field(f, 5)),
        _integer(_field(f, 6)),
        _number(_field(f, 7)),
        _number(_field(f, 8)),
        _number(_field(f, 10)),
    )


def _rmc(talker: str, f: list[str]) -> RMC:
    lat, lon = _position(f, 2)
    status = _field(f, 1).upper()
    if status not in ("", "A", "V"):
        raise _Malformed
    return RMC(
        talker,
        _time(_field(f, 0)),
        status,
        lat,
        lon,
        _number(_field(f, 6)) * KNOT,
        _number(_field(f, 7)),
        _ddmmyy(_field(f, 8)),
        _letter(_field(f, 11)),
    )


def _gsa(talker: str, f: list[str]) -> GSA:
    # Twelve satellite slots (fields 2-13) then PDOP, HDOP, VDOP (NMEA 4.1 adds a system id after).
    used = sum(1 for i in range(2, 14) if _field(f, i))
    return GSA(
        talker,
        _field(f, 0).upper(),
        _integer(_field(f, 1)),
        used,
        _number(_field(f, 14)),
        _number(_field(f, 15)),
        _number(_field(f, 16)),
    )


def _vtg(talker: str, f: list[str]) -> VTG:
    if len(f) >= 8 or _field(f, 1) == "T":
        # NMEA 2.x and later: course,T,course,M,knots,N,km/h,K[,mode]
        kmh = _number(_field(f, 6))
        speed = kmh / 3.6 if not math.isnan(kmh) else _number(_field(f, 4)) * KNOT
        return VTG(talker, _number(_field(f, 0)), speed, _letter(_field(f, 8)))
    # NMEA 1.x: course true, course magnetic, knots, km/h, without unit letters
    kmh = _number(_field(f, 3))
    speed = kmh / 3.6 if not math.isnan(kmh) else _number(_field(f, 2)) * KNOT
    return VTG(talker, _number(_field(f, 0)), speed, None)


def _zda(talker: str, f: list[str]) -> ZDA:
    day, month, year = _field(f, 1), _field(f, 2), _field(f, 3)
    when = None
    if day or month or year:
        if not (day.isdigit() and month.isdigit() and len(year) == 4 and year.isdigit()):
            raise _Malformed
        when = _date(day, month, year)
    return ZDA(talker, _time(_field(f, 0)), when)


_DECODERS: dict[str, Callable[[str, list[str]], Sentence]] = {
    "GGA": _gga,
    "RMC": _rmc,
    "GSA": _gsa,
    "VTG": _vtg,
    "ZDA": _zda,
}


# -- fixes ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Fix:
    """One epoch's position, put together from its GGA, RMC, GSA and VTG sentences."""

    point: Point
    """lat/lon (NaN when no sentence had a position), ele = altitude above mean sea level, time in
    seconds since the Unix epoch (NaN when no date is known), hdop, satellites, GGA quality."""
    valid: bool
    """A position the receiver vouches for: quality not 0, RMC status not V, mode not N, GSA not "no fix"."""
    time_of_day: float
    """Seconds since UTC midnight, NaN when the sentences had no time."""
    speed: float = NAN
    """m/s over ground (RMC, else VTG)."""
    course: float = NAN
    """Degrees true (RMC, else VTG)."""
    fix_type: int = -1
    """GSA: 1 no fix, 2 2D, 3 3D."""
    pdop: float = NAN
    vdop: float = NAN
    geoid_separation: float = NAN
    mode: str | None = None

    @property
    def accuracy_m(self) -> float:
        """A rough horizontal accuracy: HDOP times a typical 5 m range error (NaN without HDOP)."""
        return self.point.hdop * 5.0


class _Epoch:
    """The sentences gathered for one time of day."""

    __slots__ = ("gga", "gsa", "gsa_sats", "rmc", "time", "vtg")

    def __init__(self, time: float | None) -> None:
        self.time = time  # None: not known yet (only untimed sentences so far)
        self.gga: GGA | None = None
        self.rmc: RMC | None = None
        self.gsa: GSA | None = None
        self.gsa_sats = 0
        self.vtg: VTG | None = None


def _same_time(a: float, b: float) -> bool:
    return a == b or (math.isnan(a) and math.isnan(b))


class FixAssembler:
    """Turns a stream of sentences (or raw lines) into :class:`Fix` records, one per epoch.

    A receiver sends, every epoch, a burst of sentences in an order of its own (Garmin: RMC, GGA, GSA;
    Trimble: GGA, GSA, RMC, VTG, ZDA). GGA and RMC carry the UTC time of day: a new time starts a new
    epoch and completes the previous one, so each fix comes out when the next epoch begins (or on
    :meth:`finish`). GSA and VTG carry no time and belong to the epoch being gathered.

    Dates: RMC (or ZDA) gives the date; epochs without one (GGA-only receivers) take the date of the
    last dated epoch, moved a day forward when the time of day falls back by more than 12 hours
    (midnight roll-over). Before any date is seen, ``default_date`` (the UTC date of the first fix)
    stands in; without it, fix times stay NaN. A pause of more than 12 hours in a log that has no
    dates at all cannot be told apart from a roll-over.
    """

    def __init__(self, default_date: date | None = None) -> None:
        self.counts = SentenceCounts()
        self.valid_fixes = 0
        self.invalid_fixes = 0
        self._epoch: _Epoch | None = None
        self._ref_date = default_date
        self._ref_time = NAN  # time of day at which _ref_date was true

    # -- input ----------------------------------------------------------------------------------------

    def feed_line(self, line: str) -> list[Fix]:
        """Count and use every sentence in one line of text; return the fixes it completed (0, 1, rarely more)."""
        fixes: list[Fix] = []
        line = line.replace("\x00", "")
        before, candidates = split_sentences(line)
        if before.strip():
            self.counts.add(Verdict.GARBAGE)
        for text in candidates:
            verdict, sentence = inspect_sentence(text)
            self.counts.add(verdict)
            if sentence is not None:
                fix = self.feed(sentence)
                if fix is not None:
                    fixes.append(fix)
        return fixes

    def feed(self, sentence: Sentence) -> Fix | None:
        """Add one decoded sentence; return the previous epoch's fix when this one starts a new epoch."""
        if isinstance(sentence, ZDA):
            # ZDA dates the epoch in progress but often carries a slightly different time (235647.05
            # for the 235647.00 epoch): it sets the date reference rather than starting an epoch.
            if sentence.date is not None:
                self._ref_date, self._ref_time = sentence.date, sentence.time
            return None
        if isinstance(sentence, GSA | VTG):
            if self._epoch is None:
                self._epoch = _Epoch(None)
            if isinstance(sentence, GSA):
                self._epoch.gsa_sats += sentence.sats_used
                if self._epoch.gsa is None:
                    self._epoch.gsa = sentence
            elif self._epoch.vtg is None:
                self._epoch.vtg = sentence
            return None
        done = None
        epoch = self._epoch
        slot = "gga" if isinstance(sentence, GGA) else "rmc"
        if epoch is not None and epoch.time is not None:
            if not _same_time(epoch.time, sentence.time) or (
                math.isnan(sentence.time) and getattr(epoch, slot) is not None
            ):
                done = self._complete(epoch)
                epoch = self._epoch = _Epoch(sentence.time)
        elif epoch is None:
            epoch = self._epoch = _Epoch(sentence.time)
        else:
            epoch.time = sentence.time
        if getattr(epoch, slot) is None:  # a second GGA of the same time (GP and GN): keep the first
            setattr(epoch, slot, sentence)
        return done

    def finish(self) -> Fix | None:
        """Complete the epoch in progress (end of file, logger stopped)."""
        epoch, self._epoch = self._epoch, None
        return self._complete(epoch) if epoch is not None else None

    # -- output ---------------------------------------------------------------------------------------

    def _complete(self, epoch: _Epoch) -> Fix | None:
        gga, rmc, gsa, vtg = epoch.gga, epoch.rmc, epoch.gsa, epoch.vtg
        if gga is None and rmc is None:
            return None  # only GSA/VTG: nothing to place
        tod = epoch.time if epoch.time is not None else NAN
        lat = lon = NAN
        if gga is not None and not math.isnan(gga.lat):
            lat, lon = gga.lat, gga.lon
        elif rmc is not None:
            lat, lon = rmc.lat, rmc.lon
        mode = rmc.mode if rmc is not None and rmc.mode else (vtg.mode if vtg is not None else None)
        if gga is not None and gga.quality >= 0:
            quality = gga.quality
        elif rmc is not None and rmc.status:
            quality = 0 if rmc.status == "V" else _MODE_QUALITY.get(mode or "A", 1)
        else:
            quality = -1
        hdop = gga.hdop if gga is not None and not math.isnan(gga.hdop) else (gsa.hdop if gsa is not None else NAN)
        sats = gga.sats if gga is not None and gga.sats >= 0 else (epoch.gsa_sats if gsa is not None else -1)
        valid = (
            not math.isnan(lat)
            and quality != 0
            and not (rmc is not None and rmc.status == "V")
            and mode != "N"
            and not (gsa is not None and gsa.fix_type == 1)
        )
        speed = course = NAN
        if rmc is not None:
            speed, course = rmc.speed, rmc.course
        if vtg is not None:
            speed = vtg.speed if math.isnan(speed) else speed
            course = vtg.course if math.isnan(course) else course
        point = Point(
            lat,
            lon,
            gga.altitude if gga is not None else NAN,
            self._timestamp(tod, rmc.date if rmc is not None else None),
            hdop,
            sats,
            quality,
        )
        if valid:
            self.valid_fixes += 1
        else:
            self.invalid_fixes += 1
        return Fix(
            point,
            valid,
            tod,
            speed,
            course,
            gsa.fix_type if gsa is not None else -1,
            gsa.pdop if gsa is not None else NAN,
            gsa.vdop if gsa is not None else NAN,
            gga.geoid_separation if gga is not None else NAN,
            mode,
        )

    def _timestamp(self, tod: float, own_date: date | None) -> float:
        """Seconds since the epoch for this time of day, following the date reference across midnight."""
        if own_date is not None:
            self._ref_date, self._ref_time = own_date, tod
        elif self._ref_date is not None and not math.isnan(tod):
            if not math.isnan(self._ref_time):
                step = tod - self._ref_time
                if step < -HALF_DAY:
                    self._ref_date += timedelta(days=1)  # 23:59:59 → 00:00:00
                elif step > HALF_DAY:
                    self._ref_date -= timedelta(days=1)  # a late epoch from before midnight
            self._ref_time = tod
        if self._ref_date is None or math.isnan(tod):
            return NAN
        return (self._ref_date.toordinal() - _EPOCH_ORDINAL) * DAY + tod


# -- files ----------------------------------------------------------------------------------------------


def looks_like_nmea(head: bytes) -> bool:
    """Whether the first bytes of a file look like an NMEA log, by content, whatever the file is called.

    ``head`` is the start of the file (a few kB). True when most of its first non-empty lines hold a
    sentence with a checksum; banners and binary records between sentences are allowed in a minority.
    GPX, XML, JPEG, empty and binary files are not NMEA.
    """
    text = head.replace(b"\x00", b"").decode("latin-1")
    lines = _LINE_END.split(text)
    considered = nmea = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        found = _SNIFF.search(line) is not None
        if not found and i == len(lines) - 1:
            break  # the head may end in the middle of a sentence: do not count the cut line against it
        considered += 1
        nmea += found
        if considered >= 50:
            break
    return nmea > 0 and nmea * 2 > considered


@dataclass
class NmeaReport:
    """What :func:`read_nmea` found."""

    sentences: SentenceCounts = field(default_factory=SentenceCounts)
    fixes: int = 0
    """Valid fixes handed to the sink."""
    invalid_fixes: int = 0
    """Epochs without a usable position (no satellites yet, status V, quality 0)."""
    segments: int = 0
    lines: int = 0
    start: float = NAN
    end: float = NAN
    """Times of the first and last stored fix (NaN when the log has no date and none was given)."""


def iter_lines(
    handle: BinaryIO,
    counts: SentenceCounts | None = None,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[str]:
    """Lines of a binary stream (text, decoded as latin-1), read in blocks with bounded memory.

    CR, LF and CRLF all end a line. A stretch of more than :data:`MAX_PENDING` characters without a
    line end is dropped (counted as garbage in ``counts``) except for a sentence starting at its end.
    Raises :class:`NmeaError` past :data:`MAX_BYTES` and :class:`Cancelled` when ``cancelled()`` is true.
    """
    pending = ""
    read = 0
    while True:
        block = handle.read(BLOCK)
        if not block:
            break
        read += len(block)
        if read > MAX_BYTES:
            raise NmeaError(
                translate("GPS", "the file is larger than {limit} MB").format(limit=MAX_BYTES // (1024 * 1024))
            )
        # latin-1 maps every byte to one character: never fails, and keeps binary junk recognisable.
        # NULs go first: loggers that pre-allocate their file leave kilobytes of them after a power cut.
        parts = _LINE_END.split(pending + block.decode("latin-1").replace("\x00", ""))
        pending = parts.pop()
        yield from parts
        if len(pending) > MAX_PENDING:
            # No line end for kilobytes: binary data. Keep only a sentence that may be starting at its end.
            if counts is not None:
                counts.add(Verdict.GARBAGE)
            cut = max(pending.rfind("$"), pending.rfind("!"))
            pending = pending[cut:] if cut >= 0 and len(pending) - cut <= MAX_SENTENCE else ""
        if progress is not None:
            progress(read)
        if cancelled is not None and cancelled():
            raise Cancelled()
    if pending:
        yield pending


def read_nmea(
    source: Path | BinaryIO,
    sink: Sink,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    gap_s: float = 60.0,
    default_date: date | None = None,
) -> NmeaReport:
    """Stream an NMEA log (a path or a binary file) into ``sink`` as one track; raise :class:`NmeaError`.

    Every valid fix becomes a point (no thinning or filtering: the file is what the receiver said).
    A new segment starts when the time between consecutive valid fixes exceeds ``gap_s`` or goes
    backwards (a lost fix, a restarted logger): a straight line across a gap would be a path nobody
    walked. Bad and unsupported sentences are counted, never fatal. ``default_date`` dates the fixes
    of a log without RMC/ZDA dates (otherwise their times are unknown). ``progress`` receives the bytes
    read so far; when ``cancelled()`` turns true the read stops with :class:`Cancelled`.

    The sink hears nothing until the first valid fix, so a file without one (a configuration dump, a
    receiver that never got a fix) raises :class:`NmeaError` with nothing sent.
    """
    report = NmeaReport()
    assembler = FixAssembler(default_date)
    report.sentences = assembler.counts
    name = None
    raw_name = source if isinstance(source, Path) else getattr(source, "name", None)
    if isinstance(raw_name, str | Path):
        name = Path(raw_name).stem or None
    if isinstance(source, Path) and source.stat().st_size > MAX_BYTES:
        raise NmeaError(translate("GPS", "the file is larger than {limit} MB").format(limit=MAX_BYTES // (1024 * 1024)))

    state = _TrackState(sink, name, gap_s, report)
    handle = source.open("rb") if isinstance(source, Path) else source
    try:
        sniffed = 0
        seen_sentence = False
        for line in iter_lines(handle, assembler.counts, progress, cancelled):
            report.lines += 1
            for fix in assembler.feed_line(line):
                state.add(fix)
            if not seen_sentence:
                # A photo or a video picked by mistake: say so after 64 kB instead of reading it all.
                # ("$" bytes occur in any binary file: only a sentence with a right checksum counts.)
                seen_sentence = assembler.counts.readable > 0
                sniffed += len(line) + 1
                if not seen_sentence and sniffed > SNIFF_BYTES:
                    raise NmeaError(translate("GPS", "not an NMEA log: no NMEA sentence at the start of the file"))
        last = assembler.finish()
        if last is not None:
            state.add(last)
    finally:
        if isinstance(source, Path):
            handle.close()
    report.invalid_fixes = assembler.invalid_fixes
    counts = assembler.counts
    if report.fixes == 0:
        if counts.readable == 0:
            raise NmeaError(translate("GPS", "not an NMEA log: the file contains no readable NMEA sentence"))
        raise NmeaError(
            translate(
                "GPS",
                "no position fixes in the file: none of its {sentences} NMEA sentences gives a valid position "
                "({unsupported} of types without a position, {bad} damaged; epochs without a fix: {invalid})",
            ).format(
                sentences=counts.sentences,
                unsupported=counts.unsupported,
                bad=counts.bad,
                invalid=assembler.invalid_fixes,
            )
        )
    state.close()
    return report


class _TrackState:
    """Sends valid fixes to the sink, opening the track lazily and cutting segments at gaps."""

    def __init__(self, sink: Sink, name: str | None, gap_s: float, report: NmeaReport) -> None:
        self.sink = sink
        self.name = name
        self.gap_s = gap_s
        self.report = report
        self.last_time = NAN
        self.last_tod = NAN

    def add(self, fix: Fix) -> None:
        if not fix.valid:
            return
        report = self.report
        time = fix.point.time
        if report.fixes == 0:
            self.sink.begin_track(self.name, "track", None)
            self._new_segment()
        elif self._is_gap(time, fix.time_of_day):
            self.sink.end_segment()
            self._new_segment()
        self.sink.add_point(fix.point)
        report.fixes += 1
        if not math.isnan(time):
            if math.isnan(report.start):
                report.start = time
            report.end = time
        self.last_time, self.last_tod = time, fix.time_of_day

    def _is_gap(self, time: float, tod: float) -> bool:
        if not (math.isnan(time) or math.isnan(self.last_time)):
            step = time - self.last_time
            return step > self.gap_s or step < 0
        if not (math.isnan(tod) or math.isnan(self.last_tod)):
            return (tod - self.last_tod) % DAY > self.gap_s  # undated: time of day, across midnight
        return False  # no time at all: nothing to measure a gap with

    def _new_segment(self) -> None:
        self.sink.begin_segment()
        self.report.segments += 1

    def close(self) -> None:
        if self.report.fixes:
            self.sink.end_segment()
            self.sink.end_track()
