"""Live track logging from a GPS receiver: filtering, thinning, segments and crash-safe batches.

Where the lines come from is not this module's business: the UI reads them from a ``QSerialPort``,
tests and demos replay a recorded log with :func:`play_log`. Each line goes to
:meth:`LiveLogger.feed_line` together with the (wall-clock) time it was received; the logger decodes
it with :class:`~fieldkit.gps.nmea.FixAssembler`, judges each fix, and hands the points it keeps to a
:class:`TrackWriter` in small batches, so that a crash or a flat battery loses seconds, not the day.

What is kept, in order (see :class:`LiveFilter` for the numbers and why):

1. accuracy gate: the receiver must call the fix valid, with a good enough quality and HDOP;
2. gap: no accepted fix for ``gap_s`` (GPS time or received time: the laptop slept) starts a new
   segment, so that a lost fix is never drawn as a straight line;
3. jump filter: a fix implying an impossible speed from the last accepted one is held back, and
   accepted (in a new segment) only when ``jump_confirm`` consecutive fixes agree with each other;
4. thinning: a point is stored when it is both ``min_interval_s`` and ``min_distance_m`` from the last
   stored point, and at least every ``heartbeat_s`` whatever the distance.
"""

from __future__ import annotations

import math
import time as _time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from fieldkit.gps.geo import distance
from fieldkit.gps.nmea import (
    DAY,
    GGA,
    HALF_DAY,
    RMC,
    Fix,
    FixAssembler,
    SentenceCounts,
    inspect_sentence,
    iter_lines,
    split_sentences,
)
from fieldkit.gps.points import NAN, Point

__all__ = [
    "LiveFilter",
    "LiveLogger",
    "LiveStatus",
    "MemoryWriter",
    "Reason",
    "State",
    "TrackWriter",
    "play_log",
]

UERE_M = 5.0
"""Typical user range error of a consumer receiver: accuracy estimate = HDOP x 5 m."""


@dataclass(frozen=True)
class LiveFilter:
    """What the live logger keeps. The defaults suit an inspector walking or driving round a mine site."""

    min_quality: int = 1
    """Lowest GGA quality accepted: 0 (no fix) is never a position."""
    reject_estimated: bool = True
    """Refuse quality 6 (dead reckoning), 7 (manual entry) and 8 (simulator): not measured positions."""
    max_hdop: float = 5.0
    """HDOP 5 is roughly 25 m; worse is typical at a pit bottom or against a high wall, where the track
    would zigzag. A fix without HDOP (RMC-only receivers) passes: quality is checked instead."""
    min_interval_s: float = 1.0
    """Never more than one point a second, whatever the receiver's rate (5 and 10 Hz units exist)."""
    min_distance_m: float = 2.0
    """Smaller steps are mostly noise; a point is stored only when it also moved this far."""
    heartbeat_s: float = 30.0
    """A point at least this often even when standing still, so that time spent at an inspection stop
    shows in the track (and in moving/standing statistics) and the track never has a hole longer than
    ``gap_s`` that is not a real gap. Costs 120 points an hour at rest."""
    max_speed_mps: float = 60.0
    """216 km/h: faster than anything on a mine site drives. A fix implying more is a receiver glitch
    (multipath, a cold-start fix) unless several fixes in a row confirm it."""
    jump_confirm: int = 3
    """Consecutive fixes that agree with each other (within ``max_speed_mps``) but not with the last
    accepted one: the receiver is consistent, so our reference was wrong or the jump was real. They
    are accepted in a new segment (no line is drawn across the jump)."""
    gap_s: float = 30.0
    """No accepted fix for this long (GPS time or received time) starts a new segment."""

    def __post_init__(self) -> None:
        if self.heartbeat_s > self.gap_s:
            raise ValueError("heartbeat_s must not exceed gap_s: standing still would look like a gap")
        if self.jump_confirm < 1:
            raise ValueError("jump_confirm must be at least 1")


class State(StrEnum):
    IDLE = "idle"
    """Created: fixes are decoded and shown, nothing is stored until :meth:`LiveLogger.start`."""
    RECORDING = "recording"
    PAUSED = "paused"
    STOPPED = "stopped"


class Reason(StrEnum):
    """Why a fix was not accepted."""

    NO_FIX = "no_fix"
    """The receiver says it has no valid position."""
    QUALITY = "quality"
    HDOP = "hdop"
    JUMP = "jump"


class TrackWriter(Protocol):
    """Where kept points go (the store-backed writer appends chunks to the track being recorded).

    Calls come in the order ``begin_segment``, ``write``..., ``begin_segment``, ``write``..., ``close``;
    ``write`` is never called before the first ``begin_segment``, and a segment is begun only when it
    has a point to write.
    """

    def begin_segment(self) -> None: ...
    def write(self, points: list[Point]) -> None: ...
    def close(self) -> None: ...


@dataclass
class MemoryWriter:
    """A :class:`TrackWriter` that keeps everything in lists: for tests and previews."""

    segments: list[list[Point]] = field(default_factory=list)
    batches: list[int] = field(default_factory=list)
    """Size of each ``write`` call, in order."""
    closed: bool = False

    def begin_segment(self) -> None:
        if self.closed:
            raise RuntimeError("begin_segment after close")
        self.segments.append([])

    def write(self, points: list[Point]) -> None:
        if self.closed or not self.segments:
            raise RuntimeError("write before begin_segment or after close")
        self.segments[-1].extend(points)
        self.batches.append(len(points))

    def close(self) -> None:
        self.closed = True

    @property
    def points(self) -> list[Point]:
        return [p for segment in self.segments for p in segment]


@dataclass(frozen=True)
class LiveStatus:
    """A snapshot for the UI after each line."""

    state: State
    fix: Fix | None
    """The latest fix from the receiver, valid or not (None before the first epoch)."""
    valid: bool
    quality: int
    satellites: int
    hdop: float
    accuracy_m: float
    """HDOP x 5 m, NaN without HDOP."""
    last_valid_at: float
    """``received_at`` of the latest valid fix (NaN before one): the UI shows "fix lost N s ago"."""
    accepted: int
    """Fixes that passed the gates (stored or thinned)."""
    stored: int
    thinned: int
    rejected: dict[str, int]
    """Fixes refused, by :class:`Reason` value."""
    held: int
    """Fixes held back by the jump filter, waiting for confirmation."""
    segment: int
    """Number of the segment being recorded, from 1; 0 before the first stored point."""
    segment_points: int
    unflushed: int
    """Points stored but not yet handed to the writer."""
    sentences: SentenceCounts


@dataclass
class _Kept:
    point: Point
    t: float  # GPS time, or received time when the fix has no date
    received: float


class LiveLogger:
    """Decodes NMEA lines, filters and thins fixes, and writes kept points in batches.

    ``writer`` receives the points; ``filter`` holds the thresholds; ``flush_interval_s`` bounds how
    long (in received time) a kept point may wait before it is written; ``default_date`` dates fixes
    from receivers that send no RMC/ZDA date (without it, received time is used for time logic and
    the points' time stays NaN).

    Control: :meth:`start`, :meth:`pause`, :meth:`resume`, :meth:`stop`. Before ``start`` and while
    paused, lines are still decoded so the status shows the receiver's state, but nothing is stored.
    Resuming starts a new segment: the way walked while paused was not recorded.
    """

    def __init__(
        self,
        writer: TrackWriter,
        filter: LiveFilter | None = None,
        *,
        flush_interval_s: float = 2.0,
        default_date: date | None = None,
    ) -> None:
        self.writer = writer
        self.filter = filter or LiveFilter()
        self.flush_interval_s = flush_interval_s
        self.assembler = FixAssembler(default_date)
        self.state = State.IDLE
        self._fix: Fix | None = None
        self._last_valid_at = NAN
        self._accepted = self._stored = self._thinned = 0
        self._rejected: dict[str, int] = {r.value: 0 for r in Reason}
        self._segment = 0
        self._segment_points = 0
        self._segment_open = False  # the writer has begun the segment the buffer belongs to
        self._buffer: list[Point] = []
        self._buffer_since = NAN  # received time of the oldest unflushed point
        self._last_good: _Kept | None = None  # last accepted fix: reference for gaps and jumps
        self._last_stored: _Kept | None = None  # reference for thinning
        self._unstored: _Kept | None = None  # last accepted fix if thinning dropped it
        self._suspects: list[_Kept] = []
        self._now = NAN

    # -- control ----------------------------------------------------------------------------------------

    def start(self) -> None:
        """Begin recording (from idle); a stopped logger cannot start again (its writer is closed)."""
        if self.state is State.STOPPED:
            raise RuntimeError("the logger was stopped; make a new one")
        if self.state is State.IDLE:
            self.state = State.RECORDING

    def pause(self) -> None:
        """Stop storing; what was kept so far is written now."""
        if self.state is State.RECORDING:
            self._complete_epoch()  # the fix on screen when the button was pressed belongs to the track
            self._end_segment()
            self.state = State.PAUSED

    def resume(self) -> None:
        """Store again, in a new segment."""
        if self.state is State.PAUSED:
            self._complete_epoch()  # a fix from the pause is shown, not stored
            self.state = State.RECORDING

    def stop(self) -> LiveStatus:
        """Use the epoch in progress, write everything and close the writer; returns the final status."""
        if self.state is State.STOPPED:
            return self.status
        self._complete_epoch()
        if self.state is State.RECORDING:
            self._end_segment()
        self._flush()
        self.writer.close()
        self.state = State.STOPPED
        return self.status

    # -- input --------------------------------------------------------------------------------------------

    def feed_line(self, line: str, received_at: float) -> LiveStatus:
        """Decode one line received at ``received_at`` (seconds, wall clock) and return the status.

        Never raises for bad input: damaged lines are counted in ``status.sentences``.
        """
        # A fix is complete only when the next epoch's first sentence arrives, so the fix an epoch makes
        # is dated with the received time of the line before this one (its own last sentence). Otherwise
        # the epoch before a pause would look as if it came after it, and the pause would not count.
        epoch_received = received_at if math.isnan(self._now) else self._now
        self._now = received_at
        for fix in self.assembler.feed_line(line):
            self._take(fix, epoch_received)
        self.tick(received_at)
        return self.status

    def tick(self, now: float) -> None:
        """Write the buffer if its oldest point has waited ``flush_interval_s``. Call it from a timer too,
        so that points are written even when the receiver falls silent."""
        if self._buffer and now - self._buffer_since >= self.flush_interval_s:
            self._flush()

    @property
    def status(self) -> LiveStatus:
        fix = self._fix
        point = fix.point if fix is not None else None
        return LiveStatus(
            state=self.state,
            fix=fix,
            valid=fix is not None and fix.valid,
            quality=point.fix if point is not None else -1,
            satellites=point.sats if point is not None else -1,
            hdop=point.hdop if point is not None else NAN,
            accuracy_m=point.hdop * UERE_M if point is not None else NAN,
            last_valid_at=self._last_valid_at,
            accepted=self._accepted,
            stored=self._stored,
            thinned=self._thinned,
            rejected=dict(self._rejected),
            held=len(self._suspects),
            segment=self._segment,
            segment_points=self._segment_points,
            unflushed=len(self._buffer),
            sentences=replace(self.assembler.counts),
        )

    def _complete_epoch(self) -> None:
        # The assembler completes an epoch when the next one starts; pause and stop cannot wait for it.
        # Should the rest of that epoch's sentences still arrive, they make a fix of the same time,
        # which is dropped as a duplicate.
        fix = self.assembler.finish()
        if fix is not None:
            self._take(fix, self._now)

    # -- judging fixes --------------------------------------------------------------------------------------

    def _take(self, fix: Fix, received_at: float) -> None:
        self._fix = fix
        if fix.valid:
            self._last_valid_at = received_at
        if self.state is not State.RECORDING:
            return
        f = self.filter
        p = fix.point
        if not fix.valid:
            self._reject(Reason.NO_FIX)
            return
        if p.fix >= 0 and (p.fix < f.min_quality or (f.reject_estimated and p.fix >= 6)):
            self._reject(Reason.QUALITY)
            return
        if p.hdop > f.max_hdop:  # NaN (no HDOP sent) compares false: passes
            self._reject(Reason.HDOP)
            return
        kept = _Kept(p, p.time if not math.isnan(p.time) else received_at, received_at)
        last = self._last_good
        if last is not None:
            step, waited = kept.t - last.t, received_at - last.received
            if step > f.gap_s or step < 0 or waited > f.gap_s:
                # Fix lost for a while, the laptop slept, or the receiver's clock jumped back.
                self._end_segment()
                last = None
            elif step == 0:
                self._thinned += 1  # the same epoch twice (a second talker): nothing new
                return
        if last is not None and distance(last.point.lat, last.point.lon, p.lat, p.lon) / (kept.t - last.t) > (
            f.max_speed_mps
        ):
            self._hold(kept)
            return
        self._drop_suspects()
        self._accept(kept)

    def _hold(self, kept: _Kept) -> None:
        """A jump: keep the fix aside until enough consecutive fixes agree with it."""
        f = self.filter
        if self._suspects:
            prev = self._suspects[-1]
            dt = kept.t - prev.t
            agrees = dt > 0 and distance(prev.point.lat, prev.point.lon, kept.point.lat, kept.point.lon) / dt <= (
                f.max_speed_mps
            )
            if not agrees:
                self._drop_suspects()
        self._suspects.append(kept)
        if len(self._suspects) >= f.jump_confirm:
            confirmed, self._suspects = self._suspects, []
            self._end_segment()  # no straight line across the jump
            for item in confirmed:
                self._accept(item)

    def _drop_suspects(self) -> None:
        self._rejected[Reason.JUMP.value] += len(self._suspects)
        self._suspects = []

    def _reject(self, reason: Reason) -> None:
        self._rejected[reason.value] += 1

    def _accept(self, kept: _Kept) -> None:
        f = self.filter
        self._accepted += 1
        self._last_good = kept
        ref = self._last_stored
        if ref is not None:
            dt = kept.t - ref.t
            moved = distance(ref.point.lat, ref.point.lon, kept.point.lat, kept.point.lon)
            if not ((dt >= f.min_interval_s and moved >= f.min_distance_m) or dt >= f.heartbeat_s):
                self._thinned += 1
                self._unstored = kept
                return
        self._store(kept)

    def _store(self, kept: _Kept) -> None:
        if not self._buffer:
            self._buffer_since = kept.received
        if self._last_stored is None:  # first point of a segment
            self._segment += 1
            self._segment_points = 0
        self._buffer.append(kept.point)
        self._last_stored = kept
        self._unstored = None
        self._stored += 1
        self._segment_points += 1

    def _end_segment(self) -> None:
        """Close the current segment: keep where it really ended, write it, forget the references."""
        if self._unstored is not None:
            # Thinning dropped the last fix; the segment should end where the inspector was.
            self._thinned -= 1
            self._store(self._unstored)
        self._drop_suspects()
        self._flush()
        self._segment_open = False
        self._last_good = self._last_stored = self._unstored = None

    def _flush(self) -> None:
        if not self._buffer:
            return
        if not self._segment_open:
            self.writer.begin_segment()
            self._segment_open = True
        batch, self._buffer = self._buffer, []
        self._buffer_since = NAN
        self.writer.write(batch)


# -- replay -------------------------------------------------------------------------------------------------


def _time_of_day(line: str) -> float:
    """The UTC time of day of the first GGA or RMC in a line, NaN if none."""
    for text in split_sentences(line)[1]:
        sentence = inspect_sentence(text)[1]
        if isinstance(sentence, GGA | RMC) and not math.isnan(sentence.time):
            return sentence.time
    return NAN


def play_log(
    path: Path,
    logger: LiveLogger,
    *,
    speed: float | None = None,
    start_at: float | None = None,
    sleep: Callable[[float], None] = _time.sleep,
    max_wait_s: float = 5.0,
) -> LiveStatus:
    """Feed a recorded NMEA log to ``logger`` line by line, as if a receiver were sending it.

    ``speed=None``: as fast as possible, with ``received_at`` taken from the log's own sentence times
    (``start_at``, default now, plus the log time elapsed), so flushing, gaps and sleep detection
    behave as they would live. Otherwise the log plays at its own pace times ``speed`` (2 = twice as
    fast), ``received_at`` is the real clock, and no single wait exceeds ``max_wait_s`` (a log with an
    hour's pause should not stall a demo). Time going back in the log (a restarted receiver) does not
    move ``received_at`` back. The caller starts and stops the logger; returns the last status.
    """
    base = _time.time() if start_at is None else start_at
    elapsed = 0.0
    last_tod = NAN
    status = logger.status
    with path.open("rb") as handle:
        for line in iter_lines(handle):
            tod = _time_of_day(line)
            if not math.isnan(tod):
                step = 0.0 if math.isnan(last_tod) else tod - last_tod
                if step < -HALF_DAY:
                    step += DAY  # midnight
                step = max(step, 0.0)
                last_tod = tod
                elapsed += step
                if speed is not None and step > 0:
                    sleep(min(step / speed, max_wait_s))
            received = base + elapsed if speed is None else _time.time()
            status = logger.feed_line(line, received)
    return status
