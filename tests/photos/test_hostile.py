"""Hostile and broken files: decompression bombs, truncated data, oversized files, other formats under a
photo's name, file names that try to be paths or break lines, unreadable files, pipes and link loops.
Each is refused with a message (or skipped) and leaves nothing behind; the other files still import."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from fieldkit.services import photos
from fieldkit.store import Store
from tests.helpers import run_cli
from tests.photos import makers as m
from tests.photos.makers import PKT


def stored_files(store: Store) -> list[Path]:
    root = store.data_dir / "photos"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []


def assert_nothing_stored(store: Store) -> None:
    assert photos.list_photos(store, None) == []
    assert stored_files(store) == []  # no original, no temp file


def import_single(store: Store, path: Path) -> photos.PhotoResult:
    [result] = photos.import_photos(store, [path], zone=PKT).results
    return result


# -- decompression bombs ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "make", "size"),
    [
        ("bomb.png", m.png_declaring, (20000, 20000)),  # beyond twice Pillow's limit: refused on opening
        ("bomb-144mp.png", m.png_declaring, (12000, 12000)),  # beyond FieldKit's own limit
        ("bomb.jpg", m.jpeg_declaring, (20000, 20000)),
        ("bomb-121mp.jpg", m.jpeg_declaring, (11000, 11000)),
        ("wide.png", m.png_declaring, (1_000_000, 200)),
    ],
)
def test_a_small_file_declaring_a_huge_image_is_refused_naming_the_pixels(
    store: Store, tmp_path: Path, name: str, make, size: tuple[int, int]
):
    path = m.write(tmp_path / name, make(*size))
    assert path.stat().st_size < 4096
    result = import_single(store, path)
    assert result.status == "rejected"
    assert "pixels" in result.error
    assert_nothing_stored(store)


def test_the_pixel_limit_message_names_the_size_and_the_limit(store: Store, tmp_path: Path):
    result = import_single(store, m.write(tmp_path / "bomb.png", m.png_declaring(12000, 12000)))
    assert "12000 × 12000" in result.error and "144 MP" in result.error and "the limit is 40 MP" in result.error


def test_a_tiny_png_declaring_100_megapixels_is_refused_before_decoding(store: Store, tmp_path: Path):
    path = m.write(tmp_path / "bomb-100mp.png", m.png_declaring(10000, 10000))
    assert path.stat().st_size < 1000
    result = import_single(store, path)
    assert result.status == "rejected" and "pixels" in result.error
    assert_nothing_stored(store)


def test_a_compressed_text_bomb_in_a_png_is_refused(store: Store, tmp_path: Path):
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "A" * 20_000_000, zip=True)  # 20 MB of text in about 20 KB
    out = io.BytesIO()
    Image.new("RGB", (64, 64)).save(out, "PNG", pnginfo=info)
    result = import_single(store, m.write(tmp_path / "text-bomb.png", out.getvalue()))
    assert result.status == "rejected" and result.error
    assert_nothing_stored(store)


# -- truncated and corrupt files --------------------------------------------------------------------


@pytest.mark.parametrize("keep", [0.25, 0.5, 0.9, 0.999], ids=lambda k: f"{k:.1%}")
def test_a_truncated_jpeg_is_refused_as_truncated(store: Store, tmp_path: Path, keep: float):
    full = m.jpeg_bytes(m.textured((1600, 1200), seed=1), exif=m.make_exif(camera_time="2026:10:14 09:00:00"))
    path = m.write(tmp_path / "cut.jpg", full[: int(len(full) * keep)])
    result = import_single(store, path)
    assert result.status == "rejected"
    assert "truncated" in result.error.lower()
    assert_nothing_stored(store)


def test_a_jpeg_cut_inside_its_headers_is_refused(store: Store, tmp_path: Path):
    full = m.jpeg_bytes(exif=m.make_exif(camera_time="2026:10:14 09:00:00", make="Canon"))
    result = import_single(store, m.write(tmp_path / "cut.jpg", full[:100]))
    assert result.status == "rejected" and result.error
    assert_nothing_stored(store)


def test_a_truncated_png_is_refused(store: Store, tmp_path: Path):
    out = io.BytesIO()
    m.textured((800, 600), seed=2).save(out, "PNG")
    result = import_single(store, m.write(tmp_path / "cut.png", out.getvalue()[: len(out.getvalue()) // 2]))
    assert result.status == "rejected" and "truncated" in result.error.lower()
    assert_nothing_stored(store)


@pytest.mark.parametrize("fmt", ["GIF", "WEBP", "BMP", "TIFF", "PDF"])
def test_other_formats_under_a_jpeg_name_are_refused(store: Store, tmp_path: Path, fmt: str):
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "red").save(out, fmt)
    result = import_single(store, m.write(tmp_path / "IMG_0001.jpg", out.getvalue()))
    assert result.status == "rejected" and result.error == "not a JPEG, PNG or HEIC image"
    assert_nothing_stored(store)


def test_an_exif_pointer_loop_does_not_hang_or_break_the_import(store: Store, tmp_path: Path):
    payload = bytearray(
        m.raw_exif([m.ascii_entry(m.MAKE, "Loop")], exif=[m.ascii_entry(m.DATETIME_ORIGINAL, "2026:10:14 09:00:00")])
    )
    # Point the EXIF sub-IFD at IFD0 itself (offset 8): a reader that follows pointers blindly loops.
    tiff = 6
    count = int.from_bytes(payload[tiff + 8 : tiff + 10], "little")
    for i in range(count):
        entry = tiff + 10 + 12 * i
        if int.from_bytes(payload[entry : entry + 2], "little") == m.EXIF_IFD:
            payload[entry + 8 : entry + 12] = (8).to_bytes(4, "little")
    result = import_single(store, m.write(tmp_path / "loop.jpg", m.jpeg_bytes(exif=bytes(payload))))
    assert result.status == "imported"
    assert photos.get_photo(store, result.photo_id).camera_make == "Loop"


# -- the size limit ---------------------------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_without_being_read(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(photos, "MAX_BYTES", 20_000)
    small = m.write(tmp_path / "small.jpg", m.jpeg_bytes(quality=30))
    big = m.write(tmp_path / "big.jpg", m.jpeg_bytes(m.textured((800, 600), seed=3), quality=95))
    assert small.stat().st_size < 20_000 < big.stat().st_size
    result = photos.import_photos(store, [big, small], zone=PKT)
    assert [r.status for r in result.results] == ["rejected", "imported"]
    assert "limit" in result.results[0].error
    assert [p.original_name for p in photos.list_photos(store, None)] == ["small.jpg"]
    assert len(stored_files(store)) == 1


def test_the_size_message_shows_a_size_above_the_limit(store: Store, tmp_path: Path):
    path = tmp_path / "huge.jpg"
    with path.open("wb") as fh:  # sparse: takes no disk space, and must not be read at all
        fh.write(m.jpeg_bytes())
        fh.truncate(photos.MAX_BYTES + 512 * 1024)
    result = import_single(store, path)
    assert result.status == "rejected"
    size, limit = (float(n) for n in re.findall(r"\d+(?:\.\d+)?", result.error)[:2])
    assert size > limit, result.error


# -- names are never paths --------------------------------------------------------------------------

ODD_NAMES = [
    "DCIM\\..\\..\\evil.jpg",  # (a name starting with a dot is a hidden file: skipped)
    "line\nbreak.jpg",
    "tab\there.jpg",
    "-rf.jpg",
    "تصویر ۱ ٹیلنگز ڈیم.jpg",
    "山达克 照片.jpg",
    "\u202egpj.exe",
    " spaced out .jpg",
    "%2e%2e%2fevil.jpg",
    "x" * 240 + ".jpg",
]


def snapshot(folder: Path, skip: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if skip not in p.parents and p != skip}


def test_file_names_are_kept_as_metadata_and_never_used_as_paths(store: Store, tmp_path: Path):
    folder = tmp_path / "sd-card" / "DCIM"
    for i, name in enumerate(ODD_NAMES):
        m.write(folder / name, m.jpeg_bytes(seed=i))
    before = snapshot(tmp_path, store.data_dir)

    result = photos.import_photos(store, [folder], zone=PKT)
    assert [r.status for r in result.results] == ["imported"] * len(ODD_NAMES), [r for r in result.results if r.error]
    assert {p.original_name for p in photos.list_photos(store, None)} == set(ODD_NAMES)
    assert snapshot(tmp_path, store.data_dir) == before  # nothing written next to the photos or above
    root = store.data_dir / "photos"
    for path in stored_files(store):
        rel = path.relative_to(root).parts
        assert len(rel) == 3 and rel[0] == rel[2][:2] and rel[1] == rel[2][2:4] and len(rel[2]) == 64, rel
    assert sorted(p.name for p in stored_files(store)) == sorted(r.sha256 for r in result.results)
    outside = {p.relative_to(store.data_dir).parts[0] for p in store.data_dir.rglob("*") if p.is_file()}
    assert outside <= {"photos", "fieldkit.db", "fieldkit.db-wal", "fieldkit.db-shm", "logs"}, outside


def test_a_path_with_dot_dots_reads_that_file_and_stores_it_by_hash(store: Store, tmp_path: Path):
    m.write(tmp_path / "evil.jpg", m.jpeg_bytes(seed=1))
    (tmp_path / "a" / "b").mkdir(parents=True)
    result = import_single(store, tmp_path / "a" / "b" / ".." / ".." / "evil.jpg")
    assert result.status == "imported"
    row = photos.get_photo(store, result.photo_id)
    assert row.original_name == "evil.jpg"
    assert photos.original_path(store, row.id).parent.parent.parent == store.data_dir / "photos"


def test_a_file_name_that_is_not_utf8_does_not_stop_the_import(store: Store, tmp_path: Path):
    folder = tmp_path / "old-camera"
    folder.mkdir()
    m.write(folder / "a.jpg", m.jpeg_bytes(seed=1))
    odd = Path(os.fsdecode(os.fsencode(folder) + b"/caf\xe9.jpg"))  # as a Windows-1252 card shows it on Linux
    m.write(odd, m.jpeg_bytes(seed=2))
    m.write(folder / "z.jpg", m.jpeg_bytes(seed=3))
    result = photos.import_photos(store, [folder], zone=PKT)
    assert [r.status for r in result.results] == ["imported"] * 3
    assert len(photos.list_photos(store, None)) == 3


# -- files that cannot be read, pipes, link loops ---------------------------------------------------


def test_an_unreadable_file_is_refused_and_the_others_import(data_dir: Path, tmp_path: Path):
    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    folder = tmp_path / "camera"
    m.write(folder / "a.jpg", m.jpeg_bytes(seed=1))
    locked = m.write(folder / "b.jpg", m.jpeg_bytes(seed=2))
    m.write(folder / "c.jpg", m.jpeg_bytes(seed=3))
    locked.chmod(0)
    try:
        out = run_cli("photos", "import", str(folder), "--json", data_dir=data_dir, drop_root=True)
    finally:
        locked.chmod(0o644)
    assert out.returncode == 3, out.stderr
    results = {Path(r["path"]).name: r for r in json.loads(out.stdout)}
    assert [results[n]["status"] for n in ("a.jpg", "b.jpg", "c.jpg")] == ["imported", "rejected", "imported"]
    assert "cannot read the file" in results["b.jpg"]["error"] and "ermission" in results["b.jpg"]["error"]
    assert results["b.jpg"]["sha256"] is None


def test_a_named_pipe_in_a_folder_is_skipped_not_read(store: Store, tmp_path: Path):
    folder = tmp_path / "camera"
    m.write(folder / "a.jpg", m.jpeg_bytes(seed=1))
    os.mkfifo(folder / "b.jpg")  # reading it would wait forever
    result = photos.import_photos(store, [folder], zone=PKT)
    assert [(Path(r.path).name, r.status) for r in result.results] == [("a.jpg", "imported")]


def test_a_link_loop_in_a_folder_does_not_hang_the_import(store: Store, tmp_path: Path):
    folder = tmp_path / "camera"
    m.write(folder / "a.jpg", m.jpeg_bytes(seed=1))
    (folder / "again").symlink_to(folder, target_is_directory=True)
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)
    result = photos.import_photos(store, [folder], zone=PKT)
    assert [r.status for r in result.results] == ["imported"]


def test_a_file_that_does_not_exist_is_refused_with_a_message(store: Store, tmp_path: Path):
    result = import_single(store, tmp_path / "gone.jpg")
    assert result.status == "rejected" and "cannot read the file" in result.error
    assert_nothing_stored(store)
