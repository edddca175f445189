"""Start-up of the app on a big store vs an empty one (DESIGN.md: ≤ 1.3×; lists are lazy).

The big store holds 10,000 inspections, 1,000,000 track points and 20,000 photos (with 8 KB
thumbnails). Each measurement is a new process, from spawn until the main window has been shown and
has painted once, alternating between the two stores; the medians are compared.

    python benchmarks/startup.py [--runs N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import report
from fieldkit.demo import seed_demo
from fieldkit.store import DB_NAME, Store

CHILD = r"""
import sys, time
from pathlib import Path
from PySide6.QtCore import QSettings
from fieldkit.ui.application import create_application
from fieldkit.store import Store
from fieldkit.ui.main_window import MainWindow
app = create_application()
store = Store.open(Path(sys.argv[1]))
window = MainWindow(store, QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
window.repaint()
app.processEvents()
print("shown", flush=True)
"""


def fill_big(data_dir: Path, inspections: int, points: int, photos: int) -> None:
    with Store.open(data_dir) as store:
        seed_demo(store)
    rng = random.Random(1)
    con = sqlite3.connect(data_dir / DB_NAME)
    site_ids = [row[0] for row in con.execute("SELECT id FROM sites")]
    base = datetime(2020, 1, 1, tzinfo=UTC).replace(tzinfo=None)
    sync = "created_at, updated_at, updated_by, rev, dirty, deleted_at"

    def when(i: int) -> str:
        return str(base + timedelta(hours=i * 5))

    rows = [
        (
            str(uuid.uuid4()),
            rng.choice(site_ids),
            f"Routine inspection {i}",
            rng.choice(["draft", "submitted", "approved"]),
            when(i),
            when(i),
            when(i),
            when(i),
        )
        for i in range(inspections)
    ]
    con.executemany(
        f"INSERT INTO inspections (id, site_id, title, status, started_at, {sync}) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 'bench', 1, 0, NULL)",
        [(r[0], r[1], r[2], r[3], r[4], r[5], r[6]) for r in rows],
    )
    per_track, chunk = 10_000, 4096
    for t in range(points // per_track):
        tid = str(uuid.uuid4())
        con.execute(
            "INSERT INTO tracks (id, inspection_id, name, kind, source, point_count, segment_count, stats, "
            f"{sync}) VALUES (?, ?, ?, 'track', 'gpx', ?, 1, '{{}}', ?, ?, 'bench', 1, 0, NULL)",
            (tid, rows[t][0], f"track {t}", per_track, when(t), when(t)),
        )
        for seq, start in enumerate(range(0, per_track, chunk)):
            n = min(chunk, per_track - start)
            con.execute(
                "INSERT INTO track_chunks (track_id, segment, seq, point_count, data) VALUES (?, 0, ?, ?, ?)",
                (tid, seq, n, os.urandom(n * 32)),
            )
    thumb = os.urandom(8192)
    con.executemany(
        f"INSERT INTO photos (id, sha256, inspection_id, thumbnail, blob_synced, {sync}) "
        "VALUES (?, ?, ?, ?, 1, ?, ?, 'bench', 1, 0, NULL)",
        ((str(uuid.uuid4()), f"{i:064x}", rows[i % inspections][0], thumb, when(i), when(i)) for i in range(photos)),
    )
    con.commit()
    con.close()


def start_once(data_dir: Path, settings: Path) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(data_dir), str(settings)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    elapsed = time.perf_counter() - start
    if "shown" not in proc.stdout:
        raise SystemExit(f"start-up failed:\n{proc.stderr}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--inspections", type=int, default=10_000)
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--photos", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        empty, big = Path(tmp, "empty"), Path(tmp, "big")
        with Store.open(empty):
            pass
        t0 = time.perf_counter()
        fill_big(big, args.inspections, args.points, args.photos)
        size_mb = (big / DB_NAME).stat().st_size / 1e6
        print(
            f"big store: {args.inspections} inspections, {args.points} track points, {args.photos} photos, "
            f"{size_mb:.0f} MB, built in {time.perf_counter() - t0:.1f} s"
        )
        settings = Path(tmp, "ui.ini")
        start_once(empty, settings)  # warm the file cache and Python's bytecode cache
        start_once(big, settings)
        t_empty, t_big = [], []
        for _ in range(args.runs):
            t_empty.append(start_once(empty, settings))
            t_big.append(start_once(big, settings))
        report(
            "start-up to first paint, big store vs empty store",
            statistics.median(t_big),
            statistics.median(t_empty),
            "≤ 1.3",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
