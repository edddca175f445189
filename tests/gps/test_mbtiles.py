"""MBTiles basemaps: real files from other projects' test suites, and files made here."""

from __future__ import annotations

import gzip
import hashlib
import sqlite3
import threading
from pathlib import Path

import pytest

from fieldkit.errors import FieldKitError
from fieldkit.gps.mbtiles import MBTiles, MbtilesError, tile_format
from tests.mbtiles_maker import image_bytes, make_mbtiles, tiles_around

RASTER = [
    "mbtileserver/geography-class-png.mbtiles",
    "mbtileserver/geography-class-jpg.mbtiles",
    "mbtileserver/geography-class-png-no-bounds.mbtiles",
    "node-mbtiles/plain_1.mbtiles",
    "node-mbtiles/plain_3.mbtiles",
    "node-mbtiles/corrupt_null_tile.mbtiles",
    "node-mbtiles/some-empty-tiles.mbtiles",
]
REFUSED = {
    "mbtileserver/world_cities.mbtiles": "vector MBTiles cannot be shown",
    "mbtileserver/world_cities_missing_center.mbtiles": "vector MBTiles cannot be shown",
    "mbtileserver/invalid.mbtiles": "no tiles table",
    "mbtileserver/invalid-tile-format.mbtiles": "not PNG, JPEG or WebP",
    "node-mbtiles/corrupt.mbtiles": "database disk image is malformed",
}


def all_tiles(path: Path) -> list[tuple[int, int, int]]:
    """Every XYZ address stored in ``path`` (read straight from SQLite, rows flipped)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows = db.execute("SELECT zoom_level, tile_column, tile_row FROM tiles").fetchall()
    db.close()
    return [(z, x, 2**z - 1 - row) for z, x, row in rows]


# -- the shared corpus -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", RASTER)
def test_raster_corpus_files_open_and_give_image_tiles(corpus: Path, name: str):
    path = corpus / "mbtiles" / name
    with MBTiles(path) as mb:
        assert mb.format in ("png", "jpeg")
        assert 0 <= mb.minzoom <= mb.maxzoom <= 30
        west, south, east, north = mb.bounds
        assert -180 <= west < east <= 180 and -90 <= south < north <= 90
        found = [t for t in (mb.tile(*address) for address in all_tiles(path)) if t is not None]
        assert found, "no tile came back"
        assert {tile_format(t) for t in found} <= {"png", "jpeg"}


def test_missing_zoom_range_and_bounds_come_from_the_tiles(corpus: Path):
    with MBTiles(corpus / "mbtiles/mbtileserver/geography-class-png-no-bounds.mbtiles") as mb:
        assert (mb.minzoom, mb.maxzoom) == (0, 1)
        assert mb.bounds[0] == pytest.approx(-180) and mb.bounds[2] == pytest.approx(180)
    with MBTiles(corpus / "mbtiles/node-mbtiles/plain_3.mbtiles") as mb:
        # No minzoom/maxzoom in its metadata: the stored levels are 4 to 8.
        assert (mb.minzoom, mb.maxzoom) == (4, 8)
        assert mb.name == "plain_3"


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_unusable_corpus_files_are_refused_with_a_message_naming_the_file(corpus: Path, name: str):
    path = corpus / "mbtiles" / name
    with pytest.raises(MbtilesError) as caught:
        MBTiles(path)
    message = str(caught.value)
    assert REFUSED[name] in message
    assert path.name in message
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, FieldKitError)


def test_vector_message_tells_what_to_open_instead(corpus: Path):
    with pytest.raises(MbtilesError, match=r"open a raster \(PNG, JPEG or WebP\) MBTiles"):
        MBTiles(corpus / "mbtiles/mbtileserver/world_cities.mbtiles")


def test_a_null_tile_is_missing_not_a_crash(corpus: Path):
    with MBTiles(corpus / "mbtiles/node-mbtiles/corrupt_null_tile.mbtiles") as mb:
        # The NULL tile is stored at zoom 1, column 0, TMS row 0: XYZ row 1.
        assert mb.tile(1, 0, 1) is None
        assert mb.tile(1, 0, 0) is not None


def test_tiles_absent_from_a_sparse_file_are_missing(corpus: Path):
    path = corpus / "mbtiles/node-mbtiles/some-empty-tiles.mbtiles"
    stored = set(all_tiles(path))
    with MBTiles(path) as mb:
        for z in (1, 2):
            for x in range(2**z):
                for y in range(2**z):
                    assert (mb.tile(z, x, y) is not None) == ((z, x, y) in stored)
        assert mb.tile(0, 0, 0) is None
        assert mb.tile(2, 4, 0) is None and mb.tile(2, -1, 0) is None and mb.tile(-1, 0, 0) is None


def test_rows_are_flipped_from_tms(corpus: Path):
    path = corpus / "mbtiles/node-mbtiles/plain_1.mbtiles"
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    # TMS row 3 at zoom 2 is the northernmost row: XYZ row 0.
    (north_west,) = db.execute(
        "SELECT tile_data FROM tiles WHERE zoom_level = 2 AND tile_column = 0 AND tile_row = 3"
    ).fetchone()
    db.close()
    with MBTiles(path) as mb:
        assert mb.tile(2, 0, 0) == bytes(north_west)


def test_opening_leaves_the_file_untouched(corpus: Path):
    path = corpus / "mbtiles/node-mbtiles/plain_1.mbtiles"
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with MBTiles(path) as mb:
        mb.tile(0, 0, 0)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not path.with_name(path.name + "-journal").exists()


# -- files made here -----------------------------------------------------------------------------------


def test_metadata_is_read_and_completed(tmp_path: Path):
    tiles = tiles_around(29.0, 61.5, [3, 4], {3: (200, 0, 0), 4: (0, 200, 0)})
    path = make_mbtiles(tmp_path / "saindak.mbtiles", tiles, {"name": "Saindak", "format": "png"})
    with MBTiles(path) as mb:
        assert (mb.name, mb.format, mb.minzoom, mb.maxzoom) == ("Saindak", "png", 3, 4)
        west, south, east, north = mb.bounds
        assert west < 61.5 < east and south < 29.0 < north


def test_name_defaults_to_the_file_name(tmp_path: Path):
    path = make_mbtiles(tmp_path / "chagai.mbtiles", {(0, 0, 0): image_bytes((1, 2, 3))})
    with MBTiles(path) as mb:
        assert mb.name == "chagai"


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
def test_png_jpeg_and_webp_tiles_are_served(tmp_path: Path, fmt: str):
    path = make_mbtiles(tmp_path / "t.mbtiles", {(1, 1, 0): image_bytes((10, 20, 30), fmt)})
    with MBTiles(path) as mb:
        assert mb.format == {"PNG": "png", "JPEG": "jpeg", "WEBP": "webp"}[fmt]
        assert tile_format(mb.tile(1, 1, 0)) == mb.format
        assert mb.tile(1, 0, 0) is None


def test_empty_and_garbage_tiles_among_good_ones_are_missing(tmp_path: Path):
    good = image_bytes((0, 0, 255))
    tiles = {(1, 0, 0): good, (1, 1, 0): b"", (1, 0, 1): b"\x00garbage\xff", (1, 1, 1): None}
    with MBTiles(make_mbtiles(tmp_path / "t.mbtiles", tiles)) as mb:
        assert mb.tile(1, 0, 0) == good
        assert mb.tile(1, 1, 0) is None and mb.tile(1, 0, 1) is None and mb.tile(1, 1, 1) is None


@pytest.mark.parametrize(
    ("tiles", "metadata", "message"),
    [
        ({(0, 0, 0): gzip.compress(b"\x1a\x02pb")}, {}, "vector MBTiles cannot be shown"),
        ({(0, 0, 0): image_bytes((1, 1, 1))}, {"format": "pbf"}, "vector MBTiles cannot be shown"),
        ({}, {"name": "empty"}, "holds no map tiles"),
        ({(0, 0, 0): None, (1, 0, 0): b""}, {}, "holds no map tiles"),
    ],
)
def test_files_without_raster_tiles_are_refused(tmp_path: Path, tiles, metadata, message):
    path = make_mbtiles(tmp_path / "bad.mbtiles", tiles, metadata)
    with pytest.raises(MbtilesError, match=message):
        MBTiles(path)


def test_files_that_are_not_mbtiles_are_refused(tmp_path: Path):
    text = tmp_path / "notes.mbtiles"
    text.write_text("not a database")
    with pytest.raises(MbtilesError, match=r"notes\.mbtiles is not an MBTiles file: it is not an SQLite database"):
        MBTiles(text)
    empty = tmp_path / "empty.mbtiles"
    empty.write_bytes(b"")
    with pytest.raises(MbtilesError, match="not an SQLite database"):
        MBTiles(empty)
    other = tmp_path / "other.mbtiles"
    sqlite3.connect(other).execute("CREATE TABLE things (a)").connection.close()
    with pytest.raises(MbtilesError, match="no tiles table"):
        MBTiles(other)
    with pytest.raises(MbtilesError, match="does not exist"):
        MBTiles(tmp_path / "missing.mbtiles")


def test_a_file_being_written_is_read_through_its_journal(tmp_path: Path):
    """With a WAL file beside it the file is not opened "immutable", which would hide the WAL."""
    path = make_mbtiles(tmp_path / "live.mbtiles", {})
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("INSERT INTO tiles VALUES (0, 0, 0, ?)", (image_bytes((9, 9, 9)),))
    writer.commit()
    assert path.with_name("live.mbtiles-wal").exists()
    try:
        with MBTiles(path) as mb:
            assert mb.tile(0, 0, 0) is not None
    finally:
        writer.close()


def test_tiles_can_be_read_from_several_threads(tmp_path: Path):
    tiles = tiles_around(29.0, 61.5, range(3, 7), {z: (z * 30, 0, 0) for z in range(3, 7)})
    path = make_mbtiles(tmp_path / "t.mbtiles", tiles)
    errors: list[BaseException] = []
    with MBTiles(path) as mb:

        def read() -> None:
            try:
                for _ in range(20):
                    for address, data in tiles.items():
                        assert mb.tile(*address) == data
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=read) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == []


def test_a_closed_reader_gives_no_tiles(tmp_path: Path):
    mb = MBTiles(make_mbtiles(tmp_path / "t.mbtiles", {(0, 0, 0): image_bytes((1, 2, 3))}))
    mb.close()
    assert mb.tile(0, 0, 0) is None


def test_tile_format_reads_magic_bytes():
    assert tile_format(image_bytes((0, 0, 0), "PNG")) == "png"
    assert tile_format(image_bytes((0, 0, 0), "JPEG")) == "jpeg"
    assert tile_format(image_bytes((0, 0, 0), "WEBP")) == "webp"
    assert tile_format(gzip.compress(b"x")) == "vector"
    assert tile_format(b"") is None and tile_format(None) is None and tile_format(b"\xff\xff\xff\xff") is None
