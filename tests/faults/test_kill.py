"""``fieldkit sync`` killed with SIGKILL mid-sync, then run again: the store is intact and the sync completes.

The CLI runs in its own process through a slowed proxy, so that the kill lands while photos are going up
(some already on the registry, others not); the second run goes through the same proxy at full speed.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from fieldkit import services
from fieldkit.store import DB_NAME
from fieldkit.sync.status import sync_status
from tests.faults.scenario import (
    assert_client_clean,
    assert_on_registry,
    assert_second_laptop_agrees,
    open_laptop,
    record_work,
    registry_rows,
)

USER = "inspector"


def _sync_cmd(data_dir: Path, server: str) -> list[str]:
    return [sys.executable, "-m", "fieldkit", "--data-dir", str(data_dir), "sync", "--server", server, "--user", USER]


def _blobs_held(registry, hashes) -> int:
    marks = ",".join(f":h{n}" for n in range(len(hashes)))
    params = {f"h{n}": sha for n, sha in enumerate(hashes)}
    return registry_rows(registry.database_url, f"SELECT count(*) FROM blobs WHERE sha256 IN ({marks})", **params)[0][0]


def test_sync_killed_mid_upload_then_restarted_completes(tmp_path: Path, registry, proxy) -> None:
    data_dir = tmp_path / "laptop"
    engine = open_laptop(data_dir, proxy.url, USER, registry.password)
    try:
        work = record_work(engine.store, tmp_path / "photos", "killed", photos=6)
    finally:
        engine.store.close()
    env = {**os.environ, "FIELDKIT_PASSWORD": registry.password, "PYTHONIOENCODING": "utf-8"}

    proxy.slow(60_000, latency=0.01)  # six photos of ~30 kB: about 3 s of uploads
    process = subprocess.Popen(
        _sync_cmd(data_dir, proxy.url),
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while _blobs_held(registry, list(work.photos)) < 2:
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "no photo reached the registry"
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        out, err = process.communicate(timeout=10)
    assert process.returncode == -signal.SIGKILL, (out, err)
    held = _blobs_held(registry, list(work.photos))
    assert 2 <= held < len(work.photos), "the kill did not land mid-upload"

    # The store survives the kill: SQLite's own check, then a normal open with the work still pending.
    with sqlite3.connect(data_dir / DB_NAME) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    with services.open_store(data_dir) as store:
        assert sync_status(store).pending == len(work.records)

    proxy.slow(None)
    done = subprocess.run(
        _sync_cmd(data_dir, proxy.url), env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "rejected 0" in done.stdout and "conflicts 0" in done.stdout, done.stdout

    assert_on_registry(registry, work)
    with services.open_store(data_dir) as store:
        assert_client_clean(store, work)
        assert_second_laptop_agrees(store, tmp_path / "second", registry.url, USER, registry.password, work)
