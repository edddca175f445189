"""An import killed midway (SIGKILL, as a power cut or the OOM killer would) leaves every row with its
complete original, no partial file outside photos/tmp, a sound database, and an import that can simply be
run again. And two imports into the same data folder at once do not spoil each other's files."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fieldkit.photos.blobs import BlobStore
from fieldkit.services import photos
from fieldkit.store import DB_NAME, Store
from tests.helpers import run_cli
from tests.photos import makers as m

COUNT = 40


@pytest.fixture(scope="module")
def camera_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """40 camera-like JPEGs of 2400 × 1800 (about 1.5 MB each), so that an import takes seconds, not ms."""
    folder = tmp_path_factory.mktemp("crash") / "DCIM"
    m.camera_series(folder, COUNT, size=(2400, 1800), distinct=4, quality=92)
    return folder


def start_import(data_dir: Path, *paths: Path, workers: int = 2) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "fieldkit", "--data-dir", str(data_dir), "photos", "import"]
    cmd += [*map(str, paths), "--json", "--workers", str(workers)]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def photo_rows(data_dir: Path) -> int | None:
    """Committed photo rows, read as another program would (None while the database is being created)."""
    db = data_dir / DB_NAME
    if not db.exists():
        return None
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
        try:
            return con.execute("SELECT count(*) FROM photos").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return None


def kill_after(proc: subprocess.Popen, data_dir: Path, rows: int, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and proc.poll() is None:
        if (photo_rows(data_dir) or 0) >= rows:
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.005)
    proc.communicate(timeout=60)
    if proc.returncode != -signal.SIGKILL:
        pytest.fail(f"the import ended by itself ({proc.returncode}) before {rows} photos were in: make it slower")


def check_store_after_a_crash(data_dir: Path) -> dict[str, str]:
    """The invariants; returns original name -> sha256 of the rows."""
    con = sqlite3.connect(data_dir / DB_NAME)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = dict(con.execute("SELECT original_name, sha256 FROM photos WHERE deleted_at IS NULL").fetchall())
    finally:
        con.close()
    blobs = BlobStore(data_dir / "photos")
    for name, digest in rows.items():
        assert blobs.verify(digest), f"{name}: its original is missing or incomplete"
    for path in (data_dir / "photos").rglob("*"):
        if path.is_dir():
            continue
        rel = path.relative_to(blobs.root).parts
        if rel[0] == "tmp":
            assert path.suffix == ".part", path  # only temp files of interrupted writes
            continue
        assert len(rel) == 3 and blobs.path_for(rel[2]) == path, path
        assert blobs.verify(rel[2]), f"{path} is a partial file"
    return rows


@pytest.mark.slow
def test_an_import_killed_midway_leaves_a_sound_store_and_can_be_run_again(camera_folder: Path, tmp_path: Path):
    data_dir = tmp_path / "data"
    temp_files_seen = 0
    rows: dict[str, str] = {}
    for after in (3, 12, 25):  # three power cuts, later each time; each run starts where the last one stopped
        proc = start_import(data_dir, camera_folder)
        kill_after(proc, data_dir, after)
        rows = check_store_after_a_crash(data_dir)
        assert after <= len(rows) < COUNT
        temp_files_seen += len(list((data_dir / "photos" / "tmp").glob("*.part")))

    done = run_cli("photos", "import", str(camera_folder), "--json", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    results = {Path(r["path"]).name: r for r in json.loads(done.stdout)}
    assert len(results) == COUNT
    for name, result in results.items():
        assert result["status"] == ("duplicate" if name in rows else "imported"), (name, result)
        assert result["sha256"] == rows.get(name, result["sha256"])
    final = check_store_after_a_crash(data_dir)
    assert len(final) == COUNT
    assert list((data_dir / "photos" / "tmp").glob("*.part")) == []  # the new import cleaned up
    print(f"temp files left by the kills: {temp_files_seen}")


def test_a_new_import_removes_temp_files_left_by_a_crash(store: Store, tmp_path: Path):
    tmp = store.data_dir / "photos" / "tmp"
    tmp.mkdir(parents=True)
    digest = "ab" * 32
    (tmp / f"{digest}.4242.140000000.part").write_bytes(b"\xff\xd8 half a photo")
    result = photos.import_photos(store, [m.write_jpeg(tmp_path / "a.jpg", make="X")])
    assert result.count("imported") == 1
    assert list(tmp.iterdir()) == []
    assert not (store.data_dir / "photos" / "ab" / "ab" / digest).exists()


@pytest.mark.slow
def test_a_second_import_does_not_break_one_already_running(camera_folder: Path, tmp_path: Path):
    data_dir = tmp_path / "data"
    Store.open(data_dir).close()
    tmp = data_dir / "photos" / "tmp"
    other = m.write(tmp_path / "notes.jpg", b"not a photo")
    first = start_import(data_dir, camera_folder, workers=1)
    caught = False
    try:
        deadline = time.monotonic() + 60
        while not caught and first.poll() is None and time.monotonic() < deadline:
            if tmp.is_dir() and any(p.suffix == ".part" for p in tmp.iterdir()):
                first.send_signal(signal.SIGSTOP)  # hold it in the middle of writing an original
                if any(p.suffix == ".part" for p in tmp.iterdir()):
                    caught = True
                else:
                    first.send_signal(signal.SIGCONT)
        if caught:
            in_flight = [p for p in tmp.iterdir() if p.suffix == ".part"]
            second = run_cli("photos", "import", str(other), "--json", data_dir=data_dir)
            assert second.returncode == 3, second.stderr  # its one file is not a photo
            if any(p.exists() for p in in_flight):
                caught = False  # the second import did not get to its clean-up: nothing to test
    finally:
        first.send_signal(signal.SIGCONT)
        out, err = first.communicate(timeout=120)
    if not caught:
        pytest.skip("could not stop the first import while it was writing an original")
    results = json.loads(out)
    assert [r for r in results if r["status"] != "imported"] == []
    assert first.returncode == 0, err
