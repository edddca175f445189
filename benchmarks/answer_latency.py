"""Saving one checklist answer: p95 latency of the write path (DESIGN.md: ≤ 5 ms at p95).

Measured in one run, on a demo store, with an effluent-sampling checklist at Saindak (NEQS + IFC):
- the service write path (``answer_item``: validate, evaluate against limits, store, refresh the
  flags of dependent items, commit with fsync) for a mix of readings and route changes;
- the UI's write path: the same call from the checklist tab plus re-evaluating and repainting
  every item of the form (offscreen);
- baseline: one UPDATE + COMMIT of a single row with Python's sqlite3, same pragmas (WAL, full sync).

    python benchmarks/answer_latency.py [--n 400]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fieldkit import services
from fieldkit.demo import seed_demo


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18]


def baseline(path: Path, n: int) -> list[float]:
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, value TEXT)")
    con.execute("INSERT INTO t VALUES (1, '0')")
    times = []
    for i in range(n):
        start = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        con.execute("UPDATE t SET value = ? WHERE id = 1", (str(i),))
        con.execute("COMMIT")
        times.append(time.perf_counter() - start)
    con.close()
    return times


def answers(n: int):
    routes = ["inland", "sewage"]
    for i in range(n):
        if i % 10 == 9:
            yield "discharge_route", routes[(i // 10) % 2]
        else:
            item = ("lead", "copper", "ph_field", "cod", "zinc")[i % 5]
            yield item, round(0.1 + (i % 17) * 0.05, 3) if item != "ph_field" else 6 + (i % 5)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=400)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = services.open_store(Path(tmp, "data"))
        seed_demo(store)
        iid = services.create_inspection(
            store,
            services.get_site(store, "SDK").id,
            template_id=services.template_id_for(store, "effluent-sampling"),
            started_at=datetime.now(UTC),
        ).created_id
        for item, value in (("discharge_route", "inland"), ("sample_taken", "yes"), ("lab_results_received", "yes")):
            services.answer_item(store, iid, item, value)
        for item, value in answers(20):  # warm caches (compiled template, limit sets)
            services.answer_item(store, iid, item, value)

        service_times = []
        for item, value in answers(args.n):
            start = time.perf_counter()
            services.answer_item(store, iid, item, value)
            service_times.append(time.perf_counter() - start)

        ui_times = ui_path(store, iid, args.n // 2)
        base = baseline(Path(tmp, "baseline.db"), args.n)
        store.close()

    ms = 1000
    print(f"answers saved: {args.n} (service), {args.n // 2} (UI), form of 79 items")
    print(
        f"service write path: p50 {statistics.median(service_times) * ms:.2f} ms, "
        f"p95 {p95(service_times) * ms:.2f} ms (target ≤ 5 ms)"
    )
    print(
        f"UI write path incl. re-evaluation and repaint: p50 {statistics.median(ui_times) * ms:.2f} ms, "
        f"p95 {p95(ui_times) * ms:.2f} ms"
    )
    print(f"baseline single-row UPDATE+COMMIT (sqlite3, WAL, full sync): p95 {p95(base) * ms:.2f} ms")
    print(f"ratio service p95 / baseline p95: {p95(service_times) / p95(base):.2f}")
    return 0


def ui_path(store, iid: str, n: int) -> list[float]:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from fieldkit.ui.application import create_application
    from fieldkit.ui.main_window import MainWindow

    app = create_application()
    window = MainWindow(store, QSettings(str(Path(store.data_dir, "ui.ini")), QSettings.Format.IniFormat))
    window.show()
    window.refresh()
    window._select(iid)
    tab = window.view.checklist
    times = []
    for item, value in answers(n):
        start = time.perf_counter()
        tab._save(item, value=value)
        app.processEvents()
        times.append(time.perf_counter() - start)
    window.close()
    return times


if __name__ == "__main__":
    raise SystemExit(main())
