"""Live logging into the store: batches committed as they arrive; a crash loses seconds, not the day."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fieldkit import services
from fieldkit.gps.live import LiveLogger, play_log
from fieldkit.services.live_tracks import StoreTrackWriter, unfinished_live_tracks
from fieldkit.store import Store

GARMIN = "nmea/NmeaParser/NmeaSampleData_garmin.nmea"


def test_a_played_log_is_stored_with_segments_and_stats(demo_store: Store, corpus: Path):
    inspection = next(r for r in services.all_inspections(demo_store) if r.status == "draft")
    writer = StoreTrackWriter(demo_store, name="Live test", inspection_id=inspection.id)
    logger = LiveLogger(writer)
    logger.start()
    play_log(corpus / GARMIN, logger)
    status = logger.stop()
    writer.close()
    summary = services.tracks.get_track(demo_store, writer.track_id)
    assert summary.points == status.stored > 1000
    assert len(summary.segments) == status.segment >= 2  # gaps in the log start segments (numbered from 1)
    assert summary.distance_m > 1000 and summary.stats["duration_s"] > 0
    segments = services.tracks.track_segments(demo_store, writer.track_id)
    assert sum(len(s) for s in segments) == summary.points
    assert unfinished_live_tracks(demo_store) == []


LOGGER = r"""
import sys, time
from pathlib import Path
from fieldkit import services
from fieldkit.gps.live import LiveLogger, play_log
from fieldkit.services.live_tracks import StoreTrackWriter

class Announcing(StoreTrackWriter):
    def write(self, points):
        super().write(points)
        print(self.points, flush=True)  # committed: the parent may kill us from here on

store = services.open_store(Path(sys.argv[1]))
writer = Announcing(store, name="Crash test")
logger = LiveLogger(writer, flush_interval_s=1.0)
logger.start()
play_log(Path(sys.argv[2]), logger, speed=600.0, max_wait_s=0.05)
time.sleep(60)
"""


@pytest.mark.slow
def test_a_crash_while_logging_loses_only_what_was_not_yet_written(data_dir: Path, corpus: Path):
    proc = subprocess.Popen(
        [sys.executable, "-c", LOGGER, str(data_dir), str(corpus / GARMIN)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    committed = [int(proc.stdout.readline()) for _ in range(3)]  # a few batches written
    time.sleep(0.3)
    os.kill(proc.pid, signal.SIGKILL)
    rest, _ = proc.communicate()
    committed += [int(n) for n in rest.split()]
    with Store.open(data_dir) as store:
        (track_id,) = unfinished_live_tracks(store)  # left open by the crash
        stored = sum(len(s) for s in services.tracks.track_segments(store, track_id))
        assert stored == committed[-1]  # every acknowledged batch is there
    with services.open_store(data_dir) as store:  # the next start finishes it
        assert unfinished_live_tracks(store) == []
        summary = services.tracks.get_track(store, track_id)
        assert summary.points == stored and summary.stats["segments"]
