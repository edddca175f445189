"""SIGKILL in the middle of a stream of autosaved edits never loses an acknowledged edit."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fieldkit import services
from fieldkit.store import DB_NAME, Store

WRITER = r"""
import sys
from pathlib import Path
from fieldkit import services
from fieldkit.store import Store
from fieldkit.store.models import Answer

store = Store.open(Path(sys.argv[1]))
inspection_id, start = sys.argv[2], int(sys.argv[3])
i = start
while True:
    # One autosaved edit = one write transaction, exactly as the UI's write path does it.
    with store.write("inspector") as session:
        session.add(Answer(inspection_id=inspection_id, item_id=f"item-{i}", value=i))
    services.update_inspection(store, inspection_id, notes=f"edit {i}")
    print(i, flush=True)  # acknowledged: both writes above are committed
    i += 1
"""

pytestmark = pytest.mark.slow


def test_sigkill_during_autosave_loses_nothing_acknowledged(demo_store: Store, data_dir: Path):
    inspection_id = next(r.id for r in services.all_inspections(demo_store) if r.status == "draft")
    demo_store.close()
    rng = random.Random(20261123)
    acknowledged: list[int] = []
    next_i = 0
    kills = 20
    for _ in range(kills):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data_dir), inspection_id, str(next_i)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        first = proc.stdout.readline()  # wait until it is writing
        assert first, "writer died before its first edit"
        acknowledged.append(int(first))
        time.sleep(rng.uniform(0.02, 0.4))
        os.kill(proc.pid, signal.SIGKILL)
        rest, _ = proc.communicate()
        acknowledged.extend(int(line) for line in rest.split())
        next_i = acknowledged[-1] + 2  # the edit in flight may or may not have committed
    assert len(acknowledged) > kills * 3

    con = sqlite3.connect(data_dir / DB_NAME)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    stored = {int(v) for (v,) in con.execute("SELECT value FROM answers WHERE inspection_id = ?", (inspection_id,))}
    con.close()
    missing = sorted(set(acknowledged) - stored)
    assert missing == [], f"acknowledged edits lost: {missing[:10]}"

    with Store.open(data_dir) as store:
        notes = services.get_inspection(store, inspection_id).notes or ""
        last = int(notes.split()[-1])
        assert last >= acknowledged[-1]  # the last acknowledged note (or the one in flight after it)
