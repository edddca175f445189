"""Live logging: accuracy gate, thinning, jumps, gaps, pause/resume, batched writes, replaying logs."""

from __future__ import annotations

import itertools
import math
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fieldkit.gps.geo import distance
from fieldkit.gps.live import LiveFilter, LiveLogger, MemoryWriter, State, play_log
from fieldkit.gps.nmea import checksum
from fieldkit.gps.points import Point

CORPUS = Path(os.environ.get("FIELDKIT_CORPUS", Path(__file__).resolve().parents[3] / "shared" / "corpus"))
GARMIN = CORPUS / "nmea" / "NmeaParser" / "NmeaSampleData_garmin.nmea"
TRIMBLE = CORPUS / "nmea" / "NmeaParser" / "TrimbleR2SampleData.nmea"
needs_corpus = pytest.mark.skipif(not GARMIN.is_file(), reason="shared corpus not found")

T0 = datetime(2024, 5, 1, 6, 0, 0, tzinfo=UTC).timestamp()  # 11:00 in Pakistan
LAT0, LON0 = 30.725, 70.1376  # a site in Balochistan
M_PER_DEG_LAT = 111_320.0


def s(body: str) -> str:
    return f"${body}*{checksum(body):02X}"


def ddmm(value: float, lat: bool) -> str:
    hemi = ("N" if value >= 0 else "S") if lat else ("E" if value >= 0 else "W")
    value = abs(value)
    deg = int(value)
    return f"{deg:0{2 if lat else 3}d}{(value - deg) * 60:07.4f},{hemi}"


def epoch(t: float, lat: float, lon: float, *, q: int = 1, hdop: float = 0.9, sats: int = 9) -> list[str]:
    """The sentences a receiver sends for one fix at ``t`` (epoch seconds): RMC, GGA, GSA."""
    when = datetime.fromtimestamp(t, UTC)
    hhmmss = when.strftime("%H%M%S") + f".{round(t % 1 * 100):02d}"
    pos = f"{ddmm(lat, True)},{ddmm(lon, False)}"
    status = "A" if q else "V"
    return [
        s(f"GPRMC,{hhmmss},{status},{pos},1.0,0.0,{when.strftime('%d%m%y')},,,{'A' if q else 'N'}"),
        s(f"GPGGA,{hhmmss},{pos},{q},{sats:02d},{hdop:.1f},500.0,M,-40.0,M,,"),
        s(f"GPGSA,A,{3 if q else 1},01,02,03,04,,,,,,,,,1.8,{hdop:.1f},1.2"),
    ]


def north(metres: float) -> float:
    return LAT0 + metres / M_PER_DEG_LAT


class Clock:
    """Feeds epochs to a logger with received times, and records when the writer was called."""

    def __init__(self, logger: LiveLogger, writer: MemoryWriter) -> None:
        self.logger = logger
        self.now = 0.0
        self.writes: list[tuple[float, list[Point]]] = []
        original = writer.write

        def write(points: list[Point]) -> None:
            self.writes.append((self.now, list(points)))
            original(points)

        writer.write = write  # type: ignore[method-assign]

    def feed(self, t: float, lat: float, lon: float = LON0, received: float | None = None, **kw):
        self.now = t if received is None else received
        status = None
        for line in epoch(t, lat, lon, **kw):
            status = self.logger.feed_line(line + "\r\n", self.now)
        return status


def make(flt: LiveFilter | None = None, **kw) -> tuple[LiveLogger, MemoryWriter, Clock]:
    writer = MemoryWriter()
    logger = LiveLogger(writer, flt, **kw)
    return logger, writer, Clock(logger, writer)


def walk(clock: Clock, start: float, seconds: int, speed: float = 2.5, lat0: float = LAT0, **kw):
    for i in range(seconds):
        clock.feed(start + i, lat0 + i * speed / M_PER_DEG_LAT, **kw)


# -- state and status ---------------------------------------------------------------------------------


def test_nothing_is_stored_before_start_but_the_status_shows_the_receiver():
    logger, writer, clock = make()
    walk(clock, T0, 5)
    status = logger.status
    assert status.state is State.IDLE and status.stored == 0 and writer.segments == []
    assert status.valid and status.quality == 1 and status.satellites == 9
    assert status.hdop == 0.9 and status.accuracy_m == pytest.approx(4.5)
    assert status.fix is not None and status.fix.point.time == T0 + 3  # the 5th epoch completes on the next
    assert status.last_valid_at == T0 + 3 and status.sentences.ok == 15


def test_walking_is_stored_once_a_second_and_stop_writes_everything():
    logger, writer, clock = make()
    logger.start()
    walk(clock, T0, 60)
    assert logger.status.state is State.RECORDING
    final = logger.stop()
    assert writer.closed and final.state is State.STOPPED and final.unflushed == 0
    points = writer.points
    assert len(writer.segments) == 1 and len(points) == 60 == final.stored == final.accepted
    assert [p.time for p in points] == [T0 + i for i in range(60)]
    p = points[0]
    assert p.lat == pytest.approx(LAT0, abs=1e-6) and p.lon == pytest.approx(LON0, abs=1e-6)
    assert (p.ele, p.hdop, p.sats, p.fix) == (500.0, pytest.approx(0.9), 9, 1)
    with pytest.raises(RuntimeError):
        logger.start()


# -- accuracy gate ---------------------------------------------------------------------------------------


def test_bad_hdop_and_no_fix_are_rejected_and_counted():
    logger, writer, clock = make()
    logger.start()
    walk(clock, T0, 5)
    for i in range(5, 8):
        clock.feed(T0 + i, north(i * 2.5), hdop=8.0)
    for i in range(8, 10):
        clock.feed(T0 + i, north(i * 2.5), q=0)
    walk(clock, T0 + 10, 5, lat0=north(25))
    status = logger.stop()
    assert status.rejected == {"no_fix": 2, "quality": 0, "hdop": 3, "jump": 0}
    assert all(p.hdop <= 5 and p.fix >= 1 for p in writer.points)
    assert len(writer.points) == 10 and len(writer.segments) == 1  # 5 s without a fix is not a gap


def test_quality_gate_and_estimated_fixes():
    logger, writer, clock = make(LiveFilter(min_quality=2))
    logger.start()
    walk(clock, T0, 3, q=1)
    walk(clock, T0 + 3, 3, q=2, lat0=north(5))
    walk(clock, T0 + 6, 3, q=6, lat0=north(10))  # dead reckoning
    status = logger.stop()
    assert status.rejected["quality"] == 6 and {p.fix for p in writer.points} == {2}
    logger, writer, clock = make(LiveFilter(reject_estimated=False))
    logger.start()
    walk(clock, T0, 3, q=6)
    assert logger.stop().stored == 3


def test_rmc_only_fix_without_hdop_passes_the_hdop_gate():
    logger, writer, _ = make()
    logger.start()
    for i in range(3):
        t = datetime.fromtimestamp(T0 + i, UTC)
        pos = f"{ddmm(north(i * 3), True)},{ddmm(LON0, False)}"
        logger.feed_line(s(f"GNRMC,{t:%H%M%S}.00,A,{pos},2.0,0.0,{t:%d%m%y},,,A"), T0 + i)
    assert logger.stop().stored == 3 and math.isnan(writer.points[0].hdop)


# -- thinning ---------------------------------------------------------------------------------------------


def test_standing_still_stores_a_heartbeat_every_30_s():
    logger, writer, clock = make()
    logger.start()
    for i in range(121):
        # GPS jitter at rest: under a metre
        clock.feed(T0 + i, LAT0 + (i % 3 - 1) * 0.5 / M_PER_DEG_LAT)
    status = logger.stop()
    times = [p.time - T0 for p in writer.points]
    assert times == [0, 30, 60, 90, 120]
    assert status.thinned == 121 - 5 and status.accepted == 121


def test_min_distance_thins_slow_movement():
    logger, writer, clock = make()
    logger.start()
    walk(clock, T0, 21, speed=0.55)  # 0.55 m/s: 2 m in a little under 4 s
    logger.stop()
    times = [p.time - T0 for p in writer.points]
    assert times == [0, 4, 8, 12, 16, 20]
    steps = [distance(a.lat, a.lon, b.lat, b.lon) for a, b in itertools.pairwise(writer.points)]
    assert all(step >= 2.0 - 1e-6 for step in steps)


def test_min_interval_thins_a_fast_receiver():
    logger, writer, clock = make()
    logger.start()
    for i in range(50):  # 5 Hz, driving at 10 m/s
        clock.feed(T0 + i * 0.2, north(i * 2.0))
    logger.stop()
    times = [round(p.time - T0, 1) for p in writer.points]
    assert times[:-1] == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]
    assert times[-1] == 9.8  # the last accepted fix ends the segment where the receiver was


# -- jumps --------------------------------------------------------------------------------------------------


def test_a_single_jump_is_rejected():
    logger, writer, clock = make()
    logger.start()
    walk(clock, T0, 10)
    clock.feed(T0 + 10, north(25 + 800))  # multipath: 800 m off for one epoch
    walk(clock, T0 + 11, 10, lat0=north(27.5))
    status = logger.stop()
    assert status.rejected["jump"] == 1 and len(writer.segments) == 1 and len(writer.points) == 20
    assert max(p.lat for p in writer.points) < north(50)


def test_a_jump_confirmed_by_consecutive_fixes_is_accepted_in_a_new_segment():
    logger, writer, clock = make()
    logger.start()
    walk(clock, T0, 5)
    status = None
    for i in range(3):  # the receiver settles 5 km away (it was our first fixes that were wrong)
        status = clock.feed(T0 + 5 + i, north(5000 + i * 2.5))
    assert status.held == 2 and status.stored == 5  # the third completes when the next epoch starts
    walk(clock, T0 + 8, 5, lat0=north(5007.5))
    status = logger.stop()
    assert [len(x) for x in writer.segments] == [5, 8]
    assert status.rejected["jump"] == 0 and status.segment == 2
    assert writer.segments[1][0].time == T0 + 5


def test_a_real_fast_vehicle_is_not_a_jump():
    logger, writer, clock = make()
    logger.start()
    walk(clock, T0, 30, speed=25.0)  # 90 km/h on the haul road
    status = logger.stop()
    assert status.rejected["jump"] == 0 and len(writer.points) == 30


# -- gaps ---------------------------------------------------------------------------------------------------


def test_a_lost_fix_for_more_than_30_s_starts_a_new_segment():
    logger, writer, clock = make()
    logger.start()
    walk(clock, T0, 10)
    for i in range(10, 50):
        clock.feed(T0 + i, north(25), q=0)  # in the pit, no fix for 40 s
    walk(clock, T0 + 50, 10, lat0=north(80))
    status = logger.stop()
    assert [len(x) for x in writer.segments] == [10, 10] and status.segment == 2
    assert status.rejected["no_fix"] == 40


def test_a_short_loss_is_not_a_gap():
    logger, writer, clock = make()
    logger.start()
    walk(clock, T0, 10)
    walk(clock, T0 + 25, 10, lat0=north(40))  # 15 s without fixes
    logger.stop()
    assert len(writer.segments) == 1


def test_the_laptop_slept():
    # The GPS times look continuous (the receiver's buffer, or a log replayed) but nothing was received
    # for 45 s: the path in between is unknown.
    logger, writer, clock = make()
    logger.start()
    walk(clock, T0, 10)
    for i in range(10, 20):
        clock.feed(T0 + i, north(i * 2.5), received=T0 + 45 + i)
    logger.stop()
    assert [len(x) for x in writer.segments] == [10, 10]


def test_gps_time_going_back_starts_a_new_segment():
    logger, writer, clock = make()
    logger.start()
    walk(clock, T0, 10)
    for i in range(10):
        clock.feed(T0 - 100 + i, north(30 + i * 2.5), received=T0 + 10 + i)
    logger.stop()
    assert [len(x) for x in writer.segments] == [10, 10]


# -- pause / resume -----------------------------------------------------------------------------------------


def test_pause_and_resume():
    logger, writer, clock = make()
    logger.start()
    walk(clock, T0, 10)
    logger.pause()
    assert logger.status.state is State.PAUSED and logger.status.unflushed == 0
    assert len(writer.points) == 10  # pausing writes what was kept
    walk(clock, T0 + 10, 5, lat0=north(25))  # not recorded
    logger.resume()
    walk(clock, T0 + 15, 10, lat0=north(37.5))
    status = logger.stop()
    assert [len(x) for x in writer.segments] == [10, 10]
    assert writer.segments[1][0].time == T0 + 15  # not a paused fix
    assert status.segment == 2


def test_a_short_pause_still_starts_a_new_segment_and_skips_the_jump_check():
    logger, writer, clock = make()
    logger.start()
    walk(clock, T0, 5)
    logger.pause()
    logger.resume()
    clock.feed(T0 + 5, north(400))  # the first fix after resuming is far away (80 m/s): still accepted
    walk(clock, T0 + 6, 5, lat0=north(402.5))
    status = logger.stop()
    assert [len(x) for x in writer.segments] == [5, 6] and status.rejected["jump"] == 0


# -- flushing -------------------------------------------------------------------------------------------------


def test_points_are_written_within_the_flush_interval_of_received_time():
    logger, writer, clock = make(flush_interval_s=2.0)
    logger.start()
    walk(clock, T0, 60)
    unflushed_before_stop = logger.status.unflushed
    logger.stop()
    assert len(writer.batches) > 10 and max(writer.batches) <= 4
    for written_at, points in clock.writes[:-1]:
        for p in points:
            # a fix completes when the next epoch starts (1 s), then waits at most 2 s (+ the line gap)
            assert written_at - p.time <= 1.0 + 2.0 + 1.0
    assert unflushed_before_stop <= 3
    assert sum(writer.batches) == 60


def test_tick_flushes_when_the_receiver_falls_silent():
    logger, writer, clock = make(flush_interval_s=2.0)
    logger.start()
    walk(clock, T0, 2)
    assert logger.status.unflushed == 1  # the first fix, received at T0
    logger.tick(T0 + 1.5)
    assert logger.status.unflushed == 1
    logger.tick(T0 + 10)
    assert logger.status.unflushed == 0 and len(writer.points) == 1


def test_a_segment_is_begun_only_when_it_has_points():
    logger, writer, clock = make()
    logger.start()
    logger.pause()
    logger.resume()
    for i in range(5):
        clock.feed(T0 + i, LAT0, q=0)
    logger.stop()
    assert writer.segments == [] and writer.closed


def test_filter_settings_are_checked():
    with pytest.raises(ValueError):
        LiveFilter(heartbeat_s=60, gap_s=30)
    with pytest.raises(ValueError):
        LiveFilter(jump_confirm=0)


def test_garbage_lines_never_raise():
    logger, _, _ = make()
    logger.start()
    for i, line in enumerate(["", "\x00\x00", "$GPGGA,*00", "$" * 500, "\xb5b\x01\x07" * 100, "x" * 10_000]):
        status = logger.feed_line(line, T0 + i)
    assert status.sentences.bad > 0 and status.stored == 0


# -- replaying recorded logs -----------------------------------------------------------------------------


def test_play_generated_log(tmp_path):
    lines = []
    for i in range(20):
        lines += epoch(T0 + i, north(i * 2.5), LON0)
    path = tmp_path / "walk.nmea"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="ascii")
    writer = MemoryWriter()
    logger = LiveLogger(writer)
    logger.start()
    status = play_log(path, logger, start_at=1000.0)
    assert status.last_valid_at == 1000.0 + 18  # received times follow the log's own times
    logger.stop()
    assert len(writer.points) == 20


def test_play_log_at_speed_sleeps_at_the_logs_pace(tmp_path):
    lines = []
    for i in range(0, 20, 2):
        lines += epoch(T0 + i, north(i * 2.5), LON0)
    lines += epoch(T0 + 3600, north(100), LON0)  # an hour later: the wait is capped
    path = tmp_path / "walk.nmea"
    path.write_text("\n".join(lines), encoding="ascii")
    sleeps: list[float] = []
    logger = LiveLogger(MemoryWriter())
    play_log(path, logger, speed=4.0, sleep=sleeps.append)
    assert sleeps == [0.5] * 9 + [5.0]


@needs_corpus
def test_play_the_garmin_log():
    writer = MemoryWriter()
    logger = LiveLogger(writer)
    logger.start()
    play_log(GARMIN, logger, start_at=0.0)
    status = logger.stop()
    # A fix every 2 s, driving most of the time; 39 epochs with HDOP above 5; logging paused for 60 s at
    # 00:33:50, 13 minutes at 00:35 and a program restart at 01:27: four segments.
    assert [len(x) for x in writer.segments] == [1046, 3, 729, 1818]
    assert status.accepted == 4469 - 39 and status.rejected == {"no_fix": 0, "quality": 0, "hdop": 39, "jump": 0}
    assert status.stored + status.thinned == status.accepted
    flt = logger.filter
    for segment in writer.segments:
        pairs = list(itertools.pairwise(segment))
        for a, b in pairs:
            assert 0 < b.time - a.time <= flt.gap_s + flt.heartbeat_s
        for a, b in pairs[:-1]:  # the last point of a segment is kept whatever thinning says
            assert b.time - a.time >= flt.heartbeat_s or distance(a.lat, a.lon, b.lat, b.lon) >= flt.min_distance_m
    assert all(p.hdop <= 5.0 for p in writer.points)


@needs_corpus
def test_play_the_trimble_rtk_log():
    writer = MemoryWriter()
    logger = LiveLogger(writer)
    logger.start()
    play_log(TRIMBLE, logger, start_at=0.0)
    status = logger.stop()
    # A receiver nearly still for 34 s (RTK float, then DGPS wandering up to 4 m): the first fix, the
    # two moments it had moved 2 m from the last stored point, and the last fix.
    assert status.accepted == 34 and status.stored == 4
    assert [p.time - writer.points[0].time for p in writer.points] == [0, 13, 29, 33]
