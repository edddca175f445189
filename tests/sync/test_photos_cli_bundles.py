"""Photos (resumable, verified uploads; downloads), the ``fieldkit sync`` CLI, and bundles by file."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import httpx
from PIL import Image
from sqlalchemy import select

from fieldkit import services
from fieldkit.services.photos import blob_store
from fieldkit.store.models import Inspection, Photo
from fieldkit.sync.bundles import export_bundle, import_reply
from fieldkit.sync.ids import reference_id
from fieldkit.sync.protocol import API_PREFIX
from fieldkit.sync.status import sync_status

SDK = reference_id("sites", "SDK")


def run_cli(*args: str, data_dir: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``python -m fieldkit --data-dir D ARGS`` in its own process (no terminal: no prompt, no progress)."""
    cmd = [sys.executable, "-m", "fieldkit", "--data-dir", str(data_dir), *args]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env, stdin=subprocess.DEVNULL)


def _noise_png(path: Path, width: int, height: int) -> Path:
    Image.frombytes("RGB", (width, height), os.urandom(width * height * 3)).save(path, compress_level=1)
    return path


def _photo(laptop, path: Path) -> tuple[str, str]:
    iid = services.create_inspection(laptop.store, SDK, title="Photos", started_at=datetime.now(UTC)).created_id
    result = services.photos.import_photos(laptop.store, [path], iid, workers=1)
    (one,) = result.results
    assert one.status == "imported", one.error
    return iid, one.photo_id


def test_photo_upload_resumes_is_verified_and_downloads_elsewhere(tmp_path: Path, laptops, registry) -> None:
    inspector = laptops("inspector")
    big = _noise_png(tmp_path / "big.png", 1500, 1100)  # > one 4 MB chunk
    _iid, pid = _photo(inspector, big)
    with inspector.store.read() as s:
        photo = s.get(Photo, pid)
        sha, size = photo.sha256, photo.byte_size
        assert photo.blob_synced is False

    # A first chunk already sent by an earlier, interrupted sync: the next one resumes after it.
    token = inspector.store.get_meta("sync_token")
    first = big.read_bytes()[: 1024 * 1024]
    answer = httpx.put(
        f"{registry.url}{API_PREFIX}/blobs/{sha}",
        params={"offset": 0, "total": size},
        content=first,
        headers={"Authorization": f"Bearer {token}"},
    )
    assert answer.status_code == 200 and answer.json()["received"] == len(first)

    report = inspector.sync()
    assert (report.blobs_up, report.bytes_up) == (1, size - len(first))
    assert report.accepted == 2 and report.rejected == 0, report.problems  # the inspection and its photo
    with inspector.store.read() as s:
        assert s.get(Photo, pid).blob_synced is True and s.get(Photo, pid).dirty is False
    stored = list((registry.data_dir).rglob(sha))
    assert stored and hashlib.sha256(stored[0].read_bytes()).hexdigest() == sha

    supervisor = laptops("supervisor")
    assert supervisor.sync().blobs_down == 0  # fetched by the first sync already
    blobs = blob_store(supervisor.store)
    assert hashlib.sha256(blobs.path_for(sha).read_bytes()).hexdigest() == sha
    with supervisor.store.read() as s:
        copy = s.get(Photo, pid)
        assert copy.thumbnail and copy.blob_synced is True and copy.dirty is False


def test_a_damaged_original_is_not_reported_synced(tmp_path: Path, laptops) -> None:
    inspector = laptops("inspector")
    _iid, pid = _photo(inspector, _noise_png(tmp_path / "small.png", 64, 48))
    with inspector.store.read() as s:
        sha = s.get(Photo, pid).sha256
    path = blob_store(inspector.store).path_for(sha)
    path.chmod(0o644)
    path.write_bytes(b"not the photo any more")
    report = inspector.sync()
    assert any("damaged" in p for p in report.problems)
    with inspector.store.read() as s:
        photo = s.get(Photo, pid)
        assert photo.blob_synced is False and photo.dirty is True and photo.rev is None
    assert sync_status(inspector.store).pending == 1


def test_cli_sync_as_inspector2_shows_only_mbc(tmp_path: Path, registry) -> None:
    data = tmp_path / "cli"
    env = {"FIELDKIT_PASSWORD": registry.password}
    done = run_cli("sync", "--server", registry.url, "--user", "inspector2", "--json", data_dir=data, env=env)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["pulled"] > 0 and report["problems"] == []
    sites = json.loads(run_cli("sites", "list", "--json", data_dir=data).stdout)
    assert [s["code"] for s in sites] == ["MBC"]
    status = json.loads(run_cli("sync", "status", "--json", data_dir=data).stdout)
    assert status["username"] == "inspector2" and status["pending"] == 0 and status["last_sync_at"]
    again = run_cli("sync", data_dir=data, env={**env, "FIELDKIT_PASSWORD": ""})  # the stored token
    assert again.returncode == 0 and again.stdout.startswith("Synced with"), again.stderr
    wrong = run_cli("sync", "--user", "inspector2", data_dir=data, env={**env, "FIELDKIT_PASSWORD": "wrong"})
    assert wrong.returncode == 1 and wrong.stderr.startswith("fieldkit: ") and len(wrong.stderr.splitlines()) == 1


def test_bundle_round_trip_twice_changes_nothing(tmp_path: Path, laptops, registry) -> None:
    inspector = laptops("inspector")
    iid, pid = _photo(inspector, _noise_png(tmp_path / "b.png", 80, 60))
    services.create_finding(inspector.store, iid, title="Carried by hand")
    out = tmp_path / "changes.zip"
    exported = export_bundle(inspector.store, out)
    assert (exported.changes, exported.blobs) == (3, 1)

    replies = []
    for n in range(2):  # the registry imports the same bundle twice: the second changes nothing
        reply = tmp_path / f"reply{n}.zip"
        done = registry.cli("bundle", "import", str(out), "--reply", str(reply))
        assert done.returncode == 0, done.stderr
        replies.append(reply)

    first = import_reply(inspector.store, replies[0])
    assert (first.accepted, first.rejected, first.conflicts) == (3, 0, 0), first.problems
    with inspector.store.read() as s:
        snapshot = [(r.id, r.rev, r.dirty) for r in s.scalars(select(Inspection))]
        assert s.get(Photo, pid).blob_synced is True
    assert sync_status(inspector.store).pending == 0
    assert import_reply(inspector.store, replies[0]).already is True
    second = import_reply(inspector.store, replies[1])  # the registry's answer to the replay
    assert second.rejected == 0 and second.conflicts == 0
    with inspector.store.read() as s:
        assert [(r.id, r.rev, r.dirty) for r in s.scalars(select(Inspection))] == snapshot
    assert sync_status(inspector.store).pending == 0

    # Via the CLI too, and an online sync afterwards has nothing left to send.
    cli = run_cli("bundle", "import", str(replies[0]), "--json", data_dir=inspector.store.data_dir)
    assert cli.returncode == 0 and json.loads(cli.stdout)["already_imported"] is True
    assert inspector.sync().pushed == 0
