"""``fieldkit photos import|list`` as scripts use them: in their own process, with stable JSON and exit codes."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from fieldkit.services import photos
from tests.helpers import run_cli
from tests.photos import makers as m
from tests.photos.conftest import WalkedInspection

IMPORT_KEYS = {"path", "status", "error", "sha256", "id", "taken_at", "lat", "lon", "position_source"}
LIST_KEYS = {"id", "sha256", "name", "taken_at", "lat", "lon", "position_source", "caption", "item_id", "finding_id"}


def test_import_json_gives_every_file_its_outcome_and_exit_3_when_one_is_rejected(data_dir: Path, tmp_path: Path):
    folder = tmp_path / "DCIM"
    gps = m.write_jpeg(
        folder / "1-phone.jpg", camera_time="2026:10:14 09:12:33", offset="+05:00", lat=29.2633, lon=-61.5717, seed=1
    )
    m.write_jpeg(folder / "2-camera.jpg", camera_time="2026:10:14 09:20:00", offset="+05:00", seed=2)
    m.write(folder / "3-notes.jpg", b"site notes, not a photo")
    m.write(folder / "4-copy.jpg", gps.read_bytes())
    out = run_cli("photos", "import", str(folder), "--json", data_dir=data_dir)
    assert out.returncode == 3, out.stderr
    results = json.loads(out.stdout)
    assert isinstance(results, list) and len(results) == 4
    assert all(set(r) == IMPORT_KEYS for r in results)
    phone, camera, notes, copy = results
    assert [Path(r["path"]).name for r in results] == ["1-phone.jpg", "2-camera.jpg", "3-notes.jpg", "4-copy.jpg"]
    assert [r["status"] for r in results] == ["imported", "imported", "rejected", "duplicate"]
    assert phone["sha256"] == hashlib.sha256(gps.read_bytes()).hexdigest() == copy["sha256"]
    assert phone["taken_at"] == "2026-10-14T04:12:33Z"
    assert phone["lat"] == pytest.approx(29.2633, abs=1e-6) and phone["lon"] == pytest.approx(-61.5717, abs=1e-6)
    assert phone["position_source"] == "exif" and phone["error"] is None
    assert camera["taken_at"] == "2026-10-14T04:20:00Z"
    assert (camera["lat"], camera["lon"], camera["position_source"]) == (None, None, None)
    assert notes["error"] == "not a JPEG, PNG or HEIC image" and notes["sha256"] is None and notes["id"] is None
    assert copy["id"] == phone["id"] and copy["taken_at"] == phone["taken_at"]


def test_import_exits_0_when_all_are_imported_and_again_when_all_are_duplicates(data_dir: Path, tmp_path: Path):
    paths = [str(m.write_jpeg(tmp_path / f"{n}.jpg", seed=n, make="Canon")) for n in range(3)]
    first = run_cli("photos", "import", *paths, "--json", data_dir=data_dir)
    assert first.returncode == 0, first.stderr
    assert [r["status"] for r in json.loads(first.stdout)] == ["imported"] * 3
    again = run_cli("photos", "import", *paths, data_dir=data_dir)
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip().splitlines()[-1] == "0 imported, 3 duplicates, 0 rejected"


def test_import_reads_camera_times_in_the_laptops_zone(data_dir: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Karachi")
    path = m.write_jpeg(tmp_path / "a.jpg", camera_time="2026:10:14 09:00:00")
    out = run_cli("photos", "import", str(path), "--json", data_dir=data_dir)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)[0]["taken_at"] == "2026-10-14T04:00:00Z"


def test_import_into_an_inspection_places_photos_on_its_track_and_list_shows_them(
    walked: WalkedInspection, tmp_path: Path
):
    data_dir = walked.store.data_dir
    late = m.write_jpeg(tmp_path / "late.jpg", camera_time=m.camera_time(walked.at(1200)), offset="+05:00", seed=1)
    early = m.write_jpeg(tmp_path / "early.jpg", camera_time=m.camera_time(walked.at(300)), offset="+05:00", seed=2)
    out = run_cli("photos", "import", str(late), str(early), "--inspection", walked.id[:8], "--json", data_dir=data_dir)
    assert out.returncode == 0, out.stderr
    imported = json.loads(out.stdout)
    assert [r["position_source"] for r in imported] == ["track", "track"]
    assert (imported[0]["lat"], imported[0]["lon"]) == pytest.approx(walked.position(1200), abs=1e-9)
    assert photos.get_photo(walked.store, imported[0]["id"]).inspection_id == walked.id

    listed = run_cli("photos", "list", "--inspection", walked.id, "--json", data_dir=data_dir)
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert all(set(r) == LIST_KEYS for r in rows)
    assert [r["name"] for r in rows] == ["early.jpg", "late.jpg"]  # by time taken
    assert rows[0]["taken_at"] == "2026-10-14T04:05:00Z" and rows[0]["position_source"] == "track"
    assert rows[1]["id"] == imported[0]["id"] and rows[1]["sha256"] == imported[0]["sha256"]

    table = run_cli("photos", "list", "--inspection", walked.id[:8], data_dir=data_dir)
    assert table.returncode == 0
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["ID", "NAME", "TAKEN", "POSITION", "CAPTION"]
    assert "early.jpg" in lines[1] and "track" in lines[1] and "late.jpg" in lines[2]


def test_import_text_output_names_each_file_and_the_reason(data_dir: Path, tmp_path: Path):
    good = m.write_jpeg(tmp_path / "good.jpg", camera_time="2026:10:14 09:00:00", offset="+05:00", lat=29.26, lon=61.57)
    bomb = m.write(tmp_path / "bomb.png", m.png_declaring(20000, 20000))
    out = run_cli("photos", "import", str(good), str(bomb), data_dir=data_dir)
    assert out.returncode == 3
    lines = out.stdout.splitlines()
    assert lines[0].startswith("imported  good.jpg:") and "29.26000, 61.57000 (exif)" in lines[0]
    assert lines[1].startswith("rejected  bomb.png:") and "pixels" in lines[1]
    assert lines[-1] == "1 imported, 0 duplicates, 1 rejected"


def test_import_of_a_missing_path_or_unknown_inspection_exits_1_with_a_message(data_dir: Path, tmp_path: Path):
    missing = run_cli("photos", "import", str(tmp_path / "nowhere"), data_dir=data_dir)
    assert missing.returncode == 1 and "does not exist" in missing.stderr
    path = m.write_jpeg(tmp_path / "a.jpg", make="X")
    unknown = run_cli("photos", "import", str(path), "--inspection", "ffffffff", data_dir=data_dir)
    assert unknown.returncode == 1 and "No inspection" in unknown.stderr
    assert "Traceback" not in unknown.stderr


def test_import_json_survives_a_file_name_that_is_not_utf8(data_dir: Path, tmp_path: Path):
    folder = tmp_path / "old-camera"
    m.write(folder / "a.jpg", m.jpeg_bytes(seed=1))
    m.write(Path(os.fsdecode(os.fsencode(folder) + b"/caf\xe9.jpg")), m.jpeg_bytes(seed=2))
    out = run_cli("photos", "import", str(folder), "--json", data_dir=data_dir)
    assert out.returncode == 0, out.stderr
    assert [r["status"] for r in json.loads(out.stdout)] == ["imported", "imported"]
