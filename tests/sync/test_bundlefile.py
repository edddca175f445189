"""Bundle files: round trip, and hostile files refused with a clear message before anything is stored."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fieldkit.errors import ValidationError
from fieldkit.sync.bundlefile import json_depth, read_bundle, write_bundle
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


def _manifest_zip(path: Path, raw: bytes) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", raw)
    return path


def _changes_with(data_json: str) -> bytes:
    head = _manifest().model_dump_json()[:-1]
    change = f'{{"change_id":"c","entity":"findings","id":"{"0" * 36}","data":{{"x":{data_json}}}}}'
    return f'{head},"changes":[{change}]}}'.encode()


@pytest.mark.parametrize(
    "raw, reason",
    [
        (b"[" * 200_000, "nested 200000 levels deep"),  # json would hit RecursionError
        (_changes_with("[" * 5000 + "]" * 5000), "nested 5004 levels deep"),  # well-formed, inside a change
        (_changes_with("[" * 500 + "]" * 500), "nested 504 levels deep"),  # parses, pydantic would recurse
        (_changes_with("1" * 5000), "the manifest is invalid"),  # an integer of 5000 digits
        (b'{"kind": "changes", "bundle_id": "\xff\xfe"}', "the manifest is invalid"),  # not UTF-8
        (b"[1, 2]", "the manifest is invalid"),
        (b'{"kind": "changes"' + b', "a": 1' * 10 + b"", "the manifest is invalid"),  # unterminated
    ],
    ids=["brackets", "deep-change", "500-deep", "huge-int", "not-utf8", "a-list", "unterminated"],
)
def test_pathological_manifest_json_is_a_clear_error(tmp_path: Path, raw: bytes, reason: str) -> None:
    path = _manifest_zip(tmp_path / "p.zip", raw)
    with pytest.raises(ValidationError) as caught:
        read_bundle(path)
    message = str(caught.value)
    assert message.startswith("p.zip is not a usable FieldKit bundle: ") and reason in message
    assert len(message.splitlines()) == 1


def test_brackets_and_escapes_inside_strings_do_not_count_as_nesting(tmp_path: Path) -> None:
    tricky = '"' + '[{\\\\\\"' * 5000 + '"'  # brackets, escaped backslashes and quotes inside one string
    path = _manifest_zip(tmp_path / "ok.zip", _changes_with(tricky))
    manifest, reader = read_bundle(path)
    reader.close()
    assert manifest.changes[0].data["x"].startswith('[{\\"')
    assert json_depth(_changes_with("[[[1]]]")) == 7  # manifest > changes > change > data > 3 lists


def test_cli_import_of_a_deep_manifest_prints_one_line(tmp_path: Path, capsys) -> None:
    from fieldkit.cli import main

    path = _manifest_zip(tmp_path / "deep.zip", b'{"kind": "reply", "x": ' + b"[" * 100_000)
    assert main(["--data-dir", str(tmp_path / "store"), "bundle", "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("fieldkit: deep.zip is not a usable FieldKit bundle") and "Traceback" not in err
    assert len(err.splitlines()) == 1
