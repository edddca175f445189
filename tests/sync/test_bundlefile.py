"""Bundle files: round trip, and hostile files refused with a clear message before anything is stored."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fieldkit.errors import ValidationError
from fieldkit.sync.bundlefile import read_bundle, write_bundle
from fieldkit.sync.protocol import BundleManifest


def _manifest(**kw) -> BundleManifest:
    base = dict(kind="changes", bundle_id="b1", created_at=datetime.now(UTC), username="inspector", device="lap")
    base.update(kw)
    return BundleManifest(**base)


def _blob(tmp_path: Path, data: bytes) -> tuple[str, Path]:
    sha = hashlib.sha256(data).hexdigest()
    path = tmp_path / sha
    path.write_bytes(data)
    return sha, path


def test_round_trip_verifies_blobs(tmp_path: Path) -> None:
    sha, blob = _blob(tmp_path, b"photo bytes" * 1000)
    out = write_bundle(tmp_path / "b.zip", _manifest(since=7), {sha: blob})
    manifest, reader = read_bundle(out)
    with reader:
        assert manifest.since == 7 and manifest.blobs == [sha]
        assert reader.blob_bytes(sha) == blob.read_bytes()
        dest = tmp_path / "copy"
        assert reader.copy_blob(sha, dest) == blob.stat().st_size
        assert hashlib.sha256(dest.read_bytes()).hexdigest() == sha
    assert not list(tmp_path.glob(".*.part"))


def _raw_zip(path: Path, members: dict[str, bytes], manifest: BundleManifest | None = None, **kw) -> Path:
    with zipfile.ZipFile(path, "w", compression=kw.get("compression", zipfile.ZIP_DEFLATED)) as zf:
        if manifest is not None:
            zf.writestr("manifest.json", manifest.model_dump_json())
        for name, data in members.items():
            zf.writestr(name, data)
    return path


@pytest.mark.parametrize("name", ["../../evil.txt", "/etc/passwd", "blobs/../../x", "blobs/ABC", "manifest.json/"])
def test_zip_slip_names_refused(tmp_path: Path, name: str) -> None:
    bad = _raw_zip(tmp_path / "slip.zip", {name: b"x"}, _manifest())
    with pytest.raises(ValidationError, match=r"unexpected member|not a usable"):
        read_bundle(bad)
    assert not (tmp_path.parent / "evil.txt").exists()


def test_zip_bomb_refused_without_inflating(tmp_path: Path) -> None:
    sha = "0" * 64
    bomb = _raw_zip(tmp_path / "bomb.zip", {f"blobs/{sha}": b"\0" * (50 * 1024 * 1024)}, _manifest(blobs=[sha]))
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(ValidationError, match="bomb"):
        read_bundle(bomb)


def test_manifest_bomb_refused(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "m.zip", "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", b" " * (70 * 1024 * 1024))
    with pytest.raises(ValidationError, match=r"too large|bomb"):
        read_bundle(tmp_path / "m.zip")


def test_truncated_and_not_a_zip(tmp_path: Path) -> None:
    sha, blob = _blob(tmp_path, bytes(range(256)) * 4000)
    good = write_bundle(tmp_path / "good.zip", _manifest(), {sha: blob})
    cut = tmp_path / "cut.zip"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(ValidationError, match="not a zip"):
        read_bundle(cut)
    text = tmp_path / "text.zip"
    text.write_text("hello")
    with pytest.raises(ValidationError, match="not a zip"):
        read_bundle(text)


def test_wrong_sha_refused(tmp_path: Path) -> None:
    sha = hashlib.sha256(b"the real bytes").hexdigest()
    bad = _raw_zip(tmp_path / "sha.zip", {f"blobs/{sha}": b"other bytes"}, _manifest(blobs=[sha]))
    _, reader = read_bundle(bad)
    with reader, pytest.raises(ValidationError, match="does not match"):
        reader.copy_blob(sha, tmp_path / "dest")
    assert not (tmp_path / "dest").exists()


def test_invalid_manifest_and_disagreeing_blobs(tmp_path: Path) -> None:
    bad = _raw_zip(tmp_path / "j.zip", {"manifest.json": b"{not json"})
    with pytest.raises(ValidationError, match="manifest is invalid"):
        read_bundle(bad)
    sha = "a" * 64
    extra = _raw_zip(tmp_path / "e.zip", {f"blobs/{sha}": b"x"}, _manifest())
    with pytest.raises(ValidationError, match="disagree"):
        read_bundle(extra)
    none = _raw_zip(tmp_path / "n.zip", {})
    with pytest.raises(ValidationError, match="no manifest"):
        read_bundle(none)
