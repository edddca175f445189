"""Photo import: the shared corpus, EXIF time and position, orientation, broken fields, duplicates, the blob
store, folders with bad files, PNG and HEIC, positions from the track, clock offsets, manual edits."""

from __future__ import annotations

import hashlib
import io
import os
import zlib
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PIL import Image
from PIL.TiffImagePlugin import IFDRational

from fieldkit import services
from fieldkit.errors import FieldKitError, NotFoundError, ValidationError
from fieldkit.photos.blobs import BlobStore
from fieldkit.services import photos
from fieldkit.store import Store
from tests.photos import makers as m
from tests.photos.conftest import GAP, TRACK_END_S, WalkedInspection, saindak
from tests.photos.makers import PKT

ROOT = Path(__file__).resolve().parents[2]


def blob_files(store: Store) -> list[Path]:
    """Every stored original (what is under photos/, temp folder aside)."""
    root = store.data_dir / "photos"
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and "tmp" not in p.relative_to(root).parts)


def import_one(store: Store, path: Path, inspection_id: str | None = None, zone=PKT) -> photos.PhotoRow:
    result = photos.import_photos(store, [path], inspection_id, zone=zone)
    [outcome] = result.results
    assert outcome.status == "imported", outcome
    return photos.get_photo(store, outcome.photo_id)


def thumbnail_image(store: Store, photo_id: str) -> Image.Image:
    data = photos.thumbnail_bytes(store, photo_id)
    assert data, "no thumbnail stored"
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


# -- the shared corpus ------------------------------------------------------------------------------


def corpus_jpegs() -> list[object]:
    root = Path(os.environ.get("FIELDKIT_CORPUS", ROOT.parent / "shared" / "corpus")) / "jpeg"
    if not root.is_dir():
        return [pytest.param(None, id="corpus-absent")]
    files = sorted(p for p in root.rglob("*") if p.is_file())
    return [pytest.param(p, id=p.name) for p in files] or [pytest.param(None, id="corpus-empty")]


@pytest.mark.parametrize("path", corpus_jpegs())
def test_corpus_jpegs_import_or_are_rejected_with_a_message(store: Store, path: Path | None):
    if path is None:
        pytest.skip("shared corpus not found")
    result = photos.import_photos(store, [path], zone=PKT)
    [outcome] = result.results
    assert outcome.status in ("imported", "rejected")
    if outcome.status == "rejected":
        assert outcome.error and "Error:" not in outcome.error  # a sentence, not an exception's repr
        assert photos.list_photos(store, None) == []
        return
    row = photos.get_photo(store, outcome.photo_id)
    assert row.original_name == path.name and row.byte_size == path.stat().st_size
    assert photos.original_path(store, row.id).read_bytes() == path.read_bytes()
    assert thumbnail_image(store, row.id).size[0] > 0
    assert row.latitude is None or -90 <= row.latitude <= 90


def test_corpus_odd_exif_gives_the_fields_that_make_sense(store: Store, corpus: Path):
    folder = corpus / "jpeg" / "pillow"
    result = photos.import_photos(store, [folder], zone=PKT)
    assert {r.status for r in result.results} == {"imported"}
    rows = {r.original_name: r for r in photos.list_photos(store, None)}
    # A Xiaomi phone wrote an empty GPS block: no position, the rest is read.
    xiaomi = rows["empty_gps_ifd.jpg"]
    assert (xiaomi.camera_make, xiaomi.camera_model, xiaomi.orientation) == ("Xiaomi", "Redmi Note 9S", 6)
    assert xiaomi.latitude is None and xiaomi.position_source is None
    assert xiaomi.taken_at == datetime(2020, 7, 27, 9, 46, 48, tzinfo=UTC)  # 14:46:48 in Pakistan
    # A camera time in 2099 and GPS fields of the wrong types: no time, no position.
    future = rows["exif_gps.jpg"]
    assert future.taken_at is None and future.camera_time is None
    assert future.latitude is None and future.longitude is None and future.altitude_m is None
    # Damaged resolution fields do not hide the camera and its time.
    nikon = rows["broken_exif_dpi.jpg"]
    assert (nikon.camera_make, nikon.camera_model) == ("NIKON CORPORATION", "NIKON D800")
    assert nikon.camera_time == "2013:09:11 16:45:13"
    # A time ending in a NUL byte is read without it.
    assert rows["invalid-exif-without-x-resolution.jpg"].camera_time == "2016:12:03 11:17:43"


# -- time and position from EXIF --------------------------------------------------------------------


def test_exif_gps_position_time_and_camera_are_read(store: Store, photo_dir: Path):
    path = m.write_jpeg(
        photo_dir / "IMG_0001.jpg",
        camera_time="2026:10:14 09:12:33",
        offset="+05:00",
        lat=((29, 1), (15, 1), (4788, 100)),  # 29° 15' 47.88" N
        lat_ref="N",
        lon=((61, 1), (34, 1), (1812, 100)),  # 61° 34' 18.12" E
        lon_ref="E",
        altitude=850.1,
        direction=270.5,
        make="samsung",
        model="Galaxy A14",
        orientation=1,
    )
    row = import_one(store, path, zone=UTC)  # the written offset wins over the assumed zone
    assert row.latitude == pytest.approx(29.2633, abs=1e-6)
    assert row.longitude == pytest.approx(61.5717, abs=1e-6)
    assert row.position_source == "exif"
    assert row.taken_at == datetime(2026, 10, 14, 4, 12, 33, tzinfo=UTC)
    assert row.camera_time == "2026:10:14 09:12:33"
    assert row.altitude_m == pytest.approx(850.1)
    assert row.bearing_deg == pytest.approx(270.5)
    assert (row.camera_make, row.camera_model, row.orientation) == ("samsung", "Galaxy A14", 1)
    assert row.media_type == "image/jpeg" and row.byte_size == path.stat().st_size


@pytest.mark.parametrize(
    ("lat", "lon"), [(-33.8688, 151.2093), (51.4779, -0.0015), (-22.9519, -43.2105)], ids=["S-E", "N-W", "S-W"]
)
def test_southern_and_western_positions_are_negative(store: Store, photo_dir: Path, lat: float, lon: float):
    row = import_one(store, m.write_jpeg(photo_dir / "p.jpg", lat=lat, lon=lon))
    assert row.latitude == pytest.approx(lat, abs=1e-5)
    assert row.longitude == pytest.approx(lon, abs=1e-5)


def test_altitude_below_sea_level_is_negative(store: Store, photo_dir: Path):
    row = import_one(store, m.write_jpeg(photo_dir / "p.jpg", lat=31.5, lon=35.5, altitude=412.5, below_sea_level=True))
    assert row.altitude_m == pytest.approx(-412.5)


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        ("+05:00", datetime(2026, 10, 14, 4, 0, tzinfo=UTC)),
        ("+04:00", datetime(2026, 10, 14, 5, 0, tzinfo=UTC)),
        ("-03:30", datetime(2026, 10, 14, 12, 30, tzinfo=UTC)),
        ("+00:00", datetime(2026, 10, 14, 9, 0, tzinfo=UTC)),
    ],
)
def test_offset_time_original_turns_camera_time_into_utc(store: Store, photo_dir: Path, offset: str, expected):
    path = m.write_jpeg(photo_dir / "p.jpg", camera_time="2026:10:14 09:00:00", offset=offset)
    assert import_one(store, path, zone=timezone(timedelta(hours=9))).taken_at == expected


@pytest.mark.parametrize(
    ("zone", "expected"),
    [(PKT, datetime(2026, 10, 14, 4, 0, tzinfo=UTC)), (UTC, datetime(2026, 10, 14, 9, 0, tzinfo=UTC))],
    ids=["PKT", "UTC"],
)
def test_camera_time_without_offset_is_read_in_the_assumed_zone(store: Store, photo_dir: Path, zone, expected):
    path = m.write_jpeg(photo_dir / "p.jpg", camera_time="2026:10:14 09:00:00")
    row = import_one(store, path, zone=zone)
    assert row.taken_at == expected
    assert row.camera_time == "2026:10:14 09:00:00"


def test_photo_without_exif_imports_without_time_or_position(store: Store, photo_dir: Path):
    row = import_one(store, m.write(photo_dir / "scan.jpg", m.jpeg_bytes()))
    assert (row.taken_at, row.latitude, row.longitude, row.position_source, row.camera_time) == (None,) * 5
    assert row.orientation is None and row.camera_make is None


# -- orientation ------------------------------------------------------------------------------------


@pytest.mark.parametrize("orientation", range(1, 9))
def test_thumbnail_is_upright_for_every_exif_orientation(store: Store, photo_dir: Path, orientation: int):
    stored = m.stored_for_orientation(orientation, upright=(1280, 640))
    path = m.write(photo_dir / f"o{orientation}.jpg", m.jpeg_bytes(stored, m.make_exif(orientation=orientation)))
    row = import_one(store, path)
    assert row.orientation == orientation
    thumb = thumbnail_image(store, row.id)
    assert thumb.size == (320, 160)  # landscape as shown, at most 320 px
    assert m.corners_of(thumb) == {q: q for q in m.QUADRANT_COLOURS}


def test_png_with_exif_orientation_gets_an_upright_thumbnail(store: Store, photo_dir: Path):
    stored = m.stored_for_orientation(6, upright=(800, 400))
    out = io.BytesIO()
    stored.save(out, "PNG", exif=m.make_exif(orientation=6))
    row = import_one(store, m.write(photo_dir / "o6.png", out.getvalue()))
    thumb = thumbnail_image(store, row.id)
    assert thumb.width > thumb.height
    assert m.corners_of(thumb) == {q: q for q in m.QUADRANT_COLOURS}


@pytest.mark.parametrize(("fmt", "size"), [("JPEG", (1600, 1200)), ("PNG", (1000, 800))])
def test_stored_width_and_height_are_those_of_the_original(store: Store, photo_dir: Path, fmt: str, size):
    out = io.BytesIO()
    m.plain_image(size).save(out, fmt)
    row = import_one(store, m.write(photo_dir / f"big.{fmt.lower()}", out.getvalue()))
    assert (row.width, row.height) == size


# -- broken fields: the photo imports without that field --------------------------------------------

GOOD_TIME = {"camera_time": "2026:10:14 09:00:00", "offset": "+05:00"}
TIME_ENTRIES = [
    m.ascii_entry(m.DATETIME_ORIGINAL, "2026:10:14 09:00:00"),
    m.ascii_entry(m.OFFSET_TIME_ORIGINAL, "+05:00"),
]
BROKEN = {
    "zero-over-zero latitude": m.make_exif(
        **GOOD_TIME, lat=(IFDRational(0, 0),) * 3, lat_ref="N", lon=61.57, make="FieldCam"
    ),
    "empty GPS block": m.raw_exif(
        [m.ascii_entry(m.MAKE, "FieldCam")],
        exif=TIME_ENTRIES,
        gps=[],
    ),
    "latitude as text": m.raw_exif(
        [m.ascii_entry(m.MAKE, "FieldCam")],
        exif=TIME_ENTRIES,
        gps=[
            m.ascii_entry(m.GPS_LAT_REF, "N"),
            m.ascii_entry(m.GPS_LAT, "29.2633"),
            m.ascii_entry(m.GPS_LON_REF, "E"),
            m.rational_entry(m.GPS_LON, (61, 1), (34, 1), (1812, 100)),
        ],
    ),
    "two rationals for latitude": m.raw_exif(
        [m.ascii_entry(m.MAKE, "FieldCam")],
        exif=TIME_ENTRIES,
        gps=[
            m.ascii_entry(m.GPS_LAT_REF, "N"),
            m.rational_entry(m.GPS_LAT, (29, 1), (15, 1)),
            m.ascii_entry(m.GPS_LON_REF, "E"),
            m.rational_entry(m.GPS_LON, (61, 1), (34, 1), (1812, 100)),
        ],
    ),
    "minutes over 59": m.make_exif(
        **GOOD_TIME, lat=((29, 1), (75, 1), (0, 1)), lat_ref="N", lon=61.57, make="FieldCam"
    ),
    "latitude over 90": m.make_exif(
        **GOOD_TIME, lat=((95, 1), (0, 1), (0, 1)), lat_ref="N", lon=61.57, make="FieldCam"
    ),
    "no latitude reference": m.raw_exif(
        [m.ascii_entry(m.MAKE, "FieldCam")],
        exif=TIME_ENTRIES,
        gps=[
            m.rational_entry(m.GPS_LAT, (29, 1), (15, 1), (4788, 100)),
            m.ascii_entry(m.GPS_LON_REF, "E"),
            m.rational_entry(m.GPS_LON, (61, 1), (34, 1), (1812, 100)),
        ],
    ),
    "null island": m.make_exif(
        **GOOD_TIME,
        lat=((0, 1), (0, 1), (0, 1)),
        lat_ref="N",
        lon=((0, 1), (0, 1), (0, 1)),
        lon_ref="E",
        make="FieldCam",
    ),
    "unset camera clock": m.make_exif(camera_time="0000:00:00 00:00:00", lat=29.2633, lon=61.5717, make="FieldCam"),
    "far-future date": m.make_exif(camera_time="2099:01:01 12:00:00", lat=29.2633, lon=61.5717, make="FieldCam"),
    "impossible date": m.make_exif(camera_time="2026:02:30 25:61:00", lat=29.2633, lon=61.5717, make="FieldCam"),
    "date as text": m.make_exif(camera_time="yesterday", lat=29.2633, lon=61.5717, make="FieldCam"),
    "date as a number": m.raw_exif(
        [m.ascii_entry(m.MAKE, "FieldCam")],
        exif=[m.short_entry(m.DATETIME_ORIGINAL, 2026)],
        gps=[
            m.ascii_entry(m.GPS_LAT_REF, "N"),
            m.rational_entry(m.GPS_LAT, (29, 1), (15, 1), (4788, 100)),
            m.ascii_entry(m.GPS_LON_REF, "E"),
            m.rational_entry(m.GPS_LON, (61, 1), (34, 1), (1812, 100)),
        ],
    ),
    "orientation as text": m.raw_exif(
        [m.ascii_entry(m.MAKE, "FieldCam"), m.ascii_entry(m.ORIENTATION, "six")],
        exif=TIME_ENTRIES,
    ),
    "orientation out of range": m.make_exif(**GOOD_TIME, orientation=9, make="FieldCam"),
    "altitude as text": m.raw_exif(
        [m.ascii_entry(m.MAKE, "FieldCam")],
        exif=TIME_ENTRIES,
        gps=[
            m.ascii_entry(m.GPS_LAT_REF, "N"),
            m.rational_entry(m.GPS_LAT, (29, 1), (15, 1), (4788, 100)),
            m.ascii_entry(m.GPS_LON_REF, "E"),
            m.rational_entry(m.GPS_LON, (61, 1), (34, 1), (1812, 100)),
            m.ascii_entry(m.GPS_ALT, "high"),
            m.rational_entry(m.GPS_DIRECTION, (0, 0)),
        ],
    ),
    "offset as text": m.make_exif(camera_time="2026:10:14 09:00:00", offset="PKT", make="FieldCam"),
}
# What each broken field leaves out; every other field is read as usual.
MISSING = {
    "zero-over-zero latitude": ("latitude", "longitude"),
    "empty GPS block": ("latitude", "longitude"),
    "latitude as text": ("latitude", "longitude"),
    "two rationals for latitude": ("latitude", "longitude"),
    "minutes over 59": ("latitude", "longitude"),
    "latitude over 90": ("latitude", "longitude"),
    "no latitude reference": ("latitude", "longitude"),
    "null island": ("latitude", "longitude"),
    "unset camera clock": ("taken_at", "camera_time"),
    "far-future date": ("taken_at", "camera_time"),
    "impossible date": ("taken_at", "camera_time"),
    "date as text": ("taken_at", "camera_time"),
    "date as a number": ("taken_at", "camera_time"),
    "orientation as text": ("orientation",),
    "orientation out of range": ("orientation",),
    "altitude as text": ("altitude_m", "bearing_deg"),
    "offset as text": (),  # the camera time is then read in the assumed zone
}


LOST_POSITION = [case for case, fields in MISSING.items() if "latitude" in fields]


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_exif_field_is_left_out_and_the_photo_imports(store: Store, photo_dir: Path, case: str):
    exif = BROKEN[case]
    path = m.write(photo_dir / "broken.jpg", m.jpeg_bytes(exif=exif))
    row = import_one(store, path, zone=PKT)
    assert row.camera_make == "FieldCam"
    for name in MISSING[case]:
        assert getattr(row, name) is None, name
    if case not in ("orientation as text", "orientation out of range", "offset as text", *LOST_POSITION):
        assert row.latitude == pytest.approx(29.2633, abs=1e-4) and row.position_source == "exif"
    if "taken_at" not in MISSING[case]:
        assert row.taken_at == datetime(2026, 10, 14, 4, 0, tzinfo=UTC)
    assert thumbnail_image(store, row.id).size[0] > 0


# -- duplicates and the blob store ------------------------------------------------------------------


def test_the_same_bytes_twice_give_one_row_one_blob_and_a_duplicate(store: Store, photo_dir: Path):
    data = m.jpeg_bytes(exif=m.make_exif(camera_time="2026:10:14 09:00:00", lat=29.26, lon=61.57))
    first = m.write(photo_dir / "IMG_0001.jpg", data)
    copy = m.write(photo_dir / "copy of IMG_0001.jpg", data)
    result = photos.import_photos(store, [first, copy], zone=PKT)
    assert [r.status for r in result.results] == ["imported", "duplicate"]
    assert result.results[1].photo_id == result.results[0].photo_id
    assert result.results[1].sha256 == result.results[0].sha256
    assert result.results[1].lat == result.results[0].lat  # the existing row is described
    again = photos.import_photos(store, [first], zone=PKT)
    assert [r.status for r in again.results] == ["duplicate"]
    assert [r.original_name for r in photos.list_photos(store, None)] == ["IMG_0001.jpg"]
    assert len(blob_files(store)) == 1


def test_the_same_photo_in_two_inspections_is_one_blob_and_survives_a_delete(store: Store, photo_dir: Path):
    site = saindak(store)
    a = services.create_inspection(store, site, title="A").created_id
    b = services.create_inspection(store, site, title="B").created_id
    path = m.write_jpeg(photo_dir / "shared.jpg", camera_time="2026:10:14 09:00:00", seed=7)
    before = len(blob_files(store))
    first = photos.import_photos(store, [path], a, zone=PKT).results[0]
    second = photos.import_photos(store, [path], b, zone=PKT).results[0]
    assert (first.status, second.status) == ("imported", "imported") and first.photo_id != second.photo_id
    assert len(blob_files(store)) == before + 1
    photos.delete_photo(store, first.photo_id)
    assert photos.list_photos(store, a) == []
    with pytest.raises(NotFoundError):
        photos.get_photo(store, first.photo_id)
    assert photos.original_path(store, second.photo_id).read_bytes() == path.read_bytes()
    # Deleted, then imported again: a new row.
    third = photos.import_photos(store, [path], a, zone=PKT).results[0]
    assert third.status == "imported" and third.photo_id != first.photo_id


def test_the_blob_is_the_original_byte_for_byte_under_photos_ab_cd_sha256(store: Store, photo_dir: Path):
    path = m.write_jpeg(photo_dir / "IMG_0042.JPG", camera_time="2026:10:14 09:00:00", make="Canon", seed=3)
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    result = photos.import_photos(store, [path], zone=PKT).results[0]
    assert result.sha256 == digest
    blob = store.data_dir / "photos" / digest[:2] / digest[2:4] / digest
    assert blob.read_bytes() == data
    assert photos.original_path(store, result.photo_id) == blob
    assert BlobStore(store.data_dir / "photos").verify(digest)
    assert blob_files(store) == [blob]
    row = photos.get_photo(store, result.photo_id)
    assert (row.sha256, row.original_name, row.byte_size) == (digest, "IMG_0042.JPG", len(data))


def test_a_missing_original_is_reported_as_not_found(store: Store, photo_dir: Path):
    result = photos.import_photos(store, [m.write_jpeg(photo_dir / "a.jpg", make="X")], zone=PKT).results[0]
    photos.original_path(store, result.photo_id).unlink()
    with pytest.raises(NotFoundError, match=r"a\.jpg"):
        photos.original_path(store, result.photo_id)


def test_importing_the_original_again_repairs_a_damaged_stored_copy(store: Store, photo_dir: Path):
    path = m.write_jpeg(photo_dir / "a.jpg", camera_time="2026:10:14 09:00:00", seed=11)
    first = photos.import_photos(store, [path], zone=PKT).results[0]
    blob = photos.original_path(store, first.photo_id)
    damaged = bytearray(blob.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF  # one flipped byte (a bad sector, a sync tool), same size
    blob.write_bytes(bytes(damaged))
    photos.delete_photo(store, first.photo_id)
    again = photos.import_photos(store, [path], zone=PKT).results[0]
    assert again.status == "imported"
    assert BlobStore(store.data_dir / "photos").verify(again.sha256)


# -- folders ----------------------------------------------------------------------------------------


def test_a_folder_with_bad_files_in_the_middle_imports_the_others(store: Store, photo_dir: Path):
    good = m.jpeg_bytes(exif=m.make_exif(camera_time="2026:10:14 09:00:00", offset="+05:00"), seed=1)
    m.write(photo_dir / "01.jpg", good)
    m.write(photo_dir / "02.jpg", b"Notes from the tailings dam walk.\nNo photo here.\n")
    truncated = m.jpeg_bytes(m.textured((1200, 900), seed=2), quality=90)
    m.write(photo_dir / "03.jpg", truncated[: len(truncated) // 2])
    m.write(photo_dir / "04.jpg", m.jpeg_bytes(seed=4))
    out = io.BytesIO()
    m.plain_image(seed=5).save(out, "PNG")
    m.write(photo_dir / "sub" / "05.png", out.getvalue())
    m.write(photo_dir / "06.jpg", b"")
    m.write(photo_dir / ".thumbs" / "07.jpg", m.jpeg_bytes(seed=7))  # hidden folders are skipped
    m.write(photo_dir / "._08.jpg", b"\x00\x05\x16\x07")  # macOS resource forks too

    result = photos.import_photos(store, [photo_dir], zone=PKT)
    by_name = {Path(r.path).name: r for r in result.results}
    assert list(by_name) == ["01.jpg", "02.jpg", "03.jpg", "04.jpg", "06.jpg", "05.png"]
    assert [by_name[n].status for n in ("01.jpg", "04.jpg", "05.png")] == ["imported"] * 3
    assert by_name["02.jpg"].status == "rejected" and "not a JPEG, PNG or HEIC" in by_name["02.jpg"].error
    assert by_name["03.jpg"].status == "rejected" and "truncated" in by_name["03.jpg"].error.lower()
    assert by_name["06.jpg"].status == "rejected" and by_name["06.jpg"].error
    assert all(r.sha256 is None and r.photo_id is None for r in result.results if r.status == "rejected")
    assert (result.count("imported"), result.count("rejected")) == (3, 3)
    assert len(photos.list_photos(store, None)) == 3
    assert len(blob_files(store)) == 3  # nothing kept of the rejected files


def test_results_come_in_the_order_given_with_two_workers(store: Store, photo_dir: Path):
    paths = [m.write_jpeg(photo_dir / f"{n:02d}.jpg", seed=n, make=str(n)) for n in range(12)]
    order = paths[::-1]
    result = photos.import_photos(store, order, zone=PKT, workers=2)
    assert [r.path for r in result.results] == [str(p) for p in order]
    assert result.count("imported") == 12


# -- PNG, HEIC and other pixel formats --------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "mode", "fmt"),
    [
        ("rgb.png", "RGB", "PNG"),
        ("rgba.png", "RGBA", "PNG"),
        ("palette.png", "P", "PNG"),
        ("grey16.png", "I;16", "PNG"),
        ("grey.jpg", "L", "JPEG"),
        ("cmyk.jpg", "CMYK", "JPEG"),
    ],
)
def test_png_and_jpeg_of_any_pixel_format_import_with_a_jpeg_thumbnail(
    store: Store, photo_dir: Path, name: str, mode: str, fmt: str
):
    image = m.plain_image((480, 360)).convert(mode) if mode != "I;16" else Image.new("I;16", (480, 360), 3000)
    out = io.BytesIO()
    image.save(out, fmt)
    row = import_one(store, m.write(photo_dir / name, out.getvalue()))
    assert row.media_type == ("image/png" if fmt == "PNG" else "image/jpeg")
    thumb = thumbnail_image(store, row.id)
    assert thumb.format == "JPEG" and max(thumb.size) == 320 and thumb.mode in ("RGB", "L")


def test_a_multi_picture_jpeg_imports_as_a_jpeg(store: Store, photo_dir: Path):
    out = io.BytesIO()
    first, second = m.plain_image((800, 600), seed=1), m.plain_image((800, 600), seed=2)
    first.save(out, "MPO", save_all=True, append_images=[second], exif=m.make_exif(make="FUJIFILM", orientation=1))
    row = import_one(store, m.write(photo_dir / "DSCF0001.JPG", out.getvalue()))
    assert (row.media_type, row.camera_make) == ("image/jpeg", "FUJIFILM")
    assert thumbnail_image(store, row.id).size == (320, 240)


def _heic(image: Image.Image, exif: Image.Exif) -> bytes:
    pillow_heif = pytest.importorskip("pillow_heif")
    out = io.BytesIO()
    try:
        pillow_heif.from_pillow(image).save(out, quality=80, exif=exif.tobytes())
    except Exception as exc:  # no HEVC encoder in this build of libheif
        pytest.skip(f"pillow_heif cannot write HEIC here: {exc}")
    return out.getvalue()


def test_heic_imports_with_its_time_position_and_an_upright_thumbnail(store: Store, photo_dir: Path):
    stored = m.stored_for_orientation(6, upright=(800, 400))
    exif = m.make_exif(camera_time="2026:10:14 09:30:00", offset="+05:00", lat=29.2633, lon=61.5717, orientation=6)
    path = m.write(photo_dir / "IMG_1234.HEIC", _heic(stored, exif))
    row = import_one(store, path)
    assert row.media_type == "image/heic"
    assert row.taken_at == datetime(2026, 10, 14, 4, 30, tzinfo=UTC)
    assert row.latitude == pytest.approx(29.2633, abs=1e-5) and row.longitude == pytest.approx(61.5717, abs=1e-5)
    thumb = thumbnail_image(store, row.id)
    assert thumb.width > thumb.height
    assert m.corners_of(thumb) == {q: q for q in m.QUADRANT_COLOURS}
    assert photos.original_path(store, row.id).read_bytes() == path.read_bytes()


# -- positions from the inspection's track ----------------------------------------------------------


def camera_photo(folder: Path, name: str, seconds: float, *, clock_error_s: float = 0, **fields) -> Path:
    """A photo taken ``seconds`` after the track start by a camera set to Pakistan time, whose clock is
    ``clock_error_s`` ahead (negative: behind)."""
    moment = WalkedInspection.at(seconds + clock_error_s)
    return m.write_jpeg(
        folder / name, camera_time=m.camera_time(moment), seed=zlib.crc32(name.encode()) % 1000, **fields
    )


def test_a_photo_without_gps_is_placed_on_the_track_at_its_time(walked: WalkedInspection, photo_dir: Path):
    row = import_one(walked.store, camera_photo(photo_dir, "a.jpg", 605), walked.id)
    assert row.taken_at == walked.at(605)
    assert row.position_source == "track"
    lat, lon = walked.position(605)  # halfway between two fixes
    assert row.latitude == pytest.approx(lat, abs=1e-9) and row.longitude == pytest.approx(lon, abs=1e-9)
    assert row.altitude_m == pytest.approx(850 + 6.05, abs=0.01)
    assert row.inspection_id == walked.id


def test_a_photo_is_placed_on_the_demo_walk_at_saindak(demo_store: Store, photo_dir: Path):
    inspection = next(
        r
        for r in services.all_inspections(demo_store)
        if r.site_code == "SDK" and r.started_at == datetime(2026, 10, 14, 3, 40, tzinfo=UTC)
    )
    [track] = services.tracks.list_tracks(demo_store, inspection.id)
    [segment] = services.tracks.track_segments(demo_store, track.id)
    i = len(segment) // 2
    moment = datetime.fromtimestamp(segment.time[i], UTC)
    path = m.write_jpeg(photo_dir / "camera.jpg", camera_time=m.camera_time(moment), make="Nikon", model="COOLPIX W150")
    row = import_one(demo_store, path, inspection.id)
    assert row.taken_at == moment and row.position_source == "track"
    assert (row.latitude, row.longitude) == pytest.approx((segment.lat[i], segment.lon[i]), abs=1e-9)
    assert 29.1 < row.latitude < 29.4 and 61.4 < row.longitude < 61.7  # Saindak, Chagai


def test_a_photo_with_gps_keeps_its_own_position_inside_an_inspection(walked: WalkedInspection, photo_dir: Path):
    path = camera_photo(photo_dir, "phone.jpg", 605, lat=29.3, lon=61.6)
    row = import_one(walked.store, path, walked.id)
    assert row.position_source == "exif"
    assert row.latitude == pytest.approx(29.3, abs=1e-5) and row.longitude == pytest.approx(61.6, abs=1e-5)


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        ((GAP[0] + GAP[1]) / 2, None),  # the receiver had no fix: no straight-line guess
        (GAP[0] + 60, None),
        (-20, 0),  # shortly before the first fix: that fix
        (TRACK_END_S + 20, TRACK_END_S),  # shortly after the last fix: that fix
        (-600, None),
        (TRACK_END_S + 600, None),
    ],
    ids=["gap-middle", "gap-start", "just-before", "just-after", "long-before", "long-after"],
)
def test_track_positions_only_where_the_track_tells(walked: WalkedInspection, photo_dir: Path, seconds, expected):
    row = import_one(walked.store, camera_photo(photo_dir, "p.jpg", seconds), walked.id)
    assert row.taken_at == walked.at(seconds)
    if expected is None:
        assert (row.latitude, row.longitude, row.position_source) == (None, None, None)
    else:
        lat, lon = walked.position(expected)
        assert row.position_source == "track"
        assert row.latitude == pytest.approx(lat, abs=1e-9) and row.longitude == pytest.approx(lon, abs=1e-9)


def test_a_photo_without_time_gets_no_track_position(walked: WalkedInspection, photo_dir: Path):
    row = import_one(walked.store, m.write(photo_dir / "p.jpg", m.jpeg_bytes()), walked.id)
    assert (row.taken_at, row.latitude, row.position_source) == (None, None, None)


def test_import_into_an_unknown_inspection_is_refused(store: Store, photo_dir: Path):
    with pytest.raises(NotFoundError):
        photos.import_photos(store, [m.write_jpeg(photo_dir / "a.jpg", make="X")], "no-such-inspection")
    assert blob_files(store) == []


# -- the camera clock offset ------------------------------------------------------------------------


def test_camera_offset_re_times_and_re_places_track_photos_and_keeps_gps_and_manual_ones(
    walked: WalkedInspection, photo_dir: Path
):
    store, slow = walked.store, -180  # the camera clock is 3 minutes behind
    paths = [
        camera_photo(photo_dir, "a-track.jpg", 600, clock_error_s=slow),
        camera_photo(photo_dir, "b-gps.jpg", 1000, clock_error_s=slow, lat=29.3, lon=61.6),
        camera_photo(photo_dir, "c-manual.jpg", 1200, clock_error_s=slow),
        camera_photo(photo_dir, "d-into-gap.jpg", GAP[0] + 60, clock_error_s=slow),
        camera_photo(photo_dir, "e-out-of-gap.jpg", GAP[1] + 100, clock_error_s=slow),
        m.write(photo_dir / "f-no-time.jpg", m.jpeg_bytes(seed=99)),
    ]
    ids = {Path(r.path).name[0]: r.photo_id for r in photos.import_photos(store, paths, walked.id, zone=PKT).results}
    # Before the correction, d is placed (at the wrong time) and e is in the gap.
    assert photos.get_photo(store, ids["d"]).position_source == "track"
    assert photos.get_photo(store, ids["e"]).position_source is None
    photos.set_photo_position(store, ids["c"], 29.27, 61.58)

    changes = photos.set_camera_offset(store, walked.id, 180, zone=PKT)
    assert changes.touches("photos") and changes.touches("inspections")

    a, b, c, d, e, f = (photos.get_photo(store, ids[k]) for k in "abcdef")
    assert a.taken_at == walked.at(600) and a.position_source == "track"
    assert (a.latitude, a.longitude) == pytest.approx(walked.position(600), abs=1e-9)
    assert b.taken_at == walked.at(1000) and b.position_source == "exif"
    assert (b.latitude, b.longitude) == pytest.approx((29.3, 61.6), abs=1e-5)
    assert (
        c.taken_at == walked.at(1200) and c.position_source == "manual" and (c.latitude, c.longitude) == (29.27, 61.58)
    )
    assert d.taken_at == walked.at(GAP[0] + 60) and (d.latitude, d.position_source) == (None, None)
    assert e.taken_at == walked.at(GAP[1] + 100) and e.position_source == "track"
    assert (e.latitude, e.longitude) == pytest.approx(walked.position(GAP[1] + 100), abs=1e-9)
    assert f.taken_at is None and f.position_source is None

    # Photos imported later into the inspection get the same correction.
    later = import_one(store, camera_photo(photo_dir, "g-later.jpg", 900, clock_error_s=slow), walked.id)
    assert later.taken_at == walked.at(900) and later.position_source == "track"
    assert (later.latitude, later.longitude) == pytest.approx(walked.position(900), abs=1e-9)

    # Setting it back to zero gives the camera's own times again.
    photos.set_camera_offset(store, walked.id, 0, zone=PKT)
    assert photos.get_photo(store, ids["a"]).taken_at == walked.at(600 + slow)


def test_an_implausible_camera_offset_is_refused(walked: WalkedInspection):
    with pytest.raises(ValidationError):
        photos.set_camera_offset(walked.store, walked.id, 400 * 86400, zone=PKT)


def test_offset_from_a_photo_of_the_gps_screen_is_gps_time_minus_camera_time(walked: WalkedInspection, photo_dir: Path):
    store = walked.store
    screen = import_one(store, camera_photo(photo_dir, "gps-screen.jpg", 600, clock_error_s=-180), walked.id)
    gps_time = walked.at(600)  # what the GPS unit showed, in UTC
    assert photos.offset_from_gps_photo(store, screen.id, gps_time, zone=PKT) == pytest.approx(180.0)
    assert photos.offset_from_gps_photo(store, screen.id, gps_time.astimezone(PKT), zone=PKT) == pytest.approx(180.0)
    with pytest.raises(ValidationError):
        photos.offset_from_gps_photo(store, screen.id, gps_time.replace(tzinfo=None), zone=PKT)
    # A camera that wrote its own offset (set to Gulf time, 4 hours ahead of UTC) needs no assumed zone.
    gulf = m.write_jpeg(photo_dir / "gulf.jpg", camera_time="2026:10:14 08:07:00", offset="+04:00")
    gulf_row = import_one(store, gulf, walked.id)
    assert photos.offset_from_gps_photo(store, gulf_row.id, datetime(2026, 10, 14, 4, 10, tzinfo=UTC)) == 180.0
    # The offset found, applied, puts the screen photo at the GPS time.
    photos.set_camera_offset(store, walked.id, photos.offset_from_gps_photo(store, screen.id, gps_time, PKT), zone=PKT)
    assert photos.get_photo(store, screen.id).taken_at == gps_time
    no_time = import_one(store, m.write(photo_dir / "no-time.jpg", m.jpeg_bytes(seed=5)), walked.id)
    with pytest.raises(ValidationError):
        photos.offset_from_gps_photo(store, no_time.id, gps_time)


# -- manual position, caption and links -------------------------------------------------------------


def test_set_photo_position_places_it_by_hand(store: Store, photo_dir: Path):
    row = import_one(store, m.write_jpeg(photo_dir / "a.jpg", lat=29.26, lon=61.57))
    changes = photos.set_photo_position(store, row.id, 29.2701, 61.5802)
    assert changes.ids("photos") == [row.id]
    moved = photos.get_photo(store, row.id)
    assert (moved.latitude, moved.longitude, moved.position_source) == (29.2701, 61.5802, "manual")
    for lat, lon in ((91, 0), (0, 181), (float("nan"), 0)):
        with pytest.raises(ValidationError):
            photos.set_photo_position(store, row.id, lat, lon)
    assert photos.get_photo(store, row.id).latitude == 29.2701
    with pytest.raises(NotFoundError):
        photos.set_photo_position(store, "no-such-photo", 1, 1)


def test_update_photo_sets_and_clears_caption_item_and_finding(walked: WalkedInspection, photo_dir: Path):
    store = walked.store
    row = import_one(store, m.write_jpeg(photo_dir / "a.jpg", make="X"), walked.id)
    finding = services.create_finding(store, walked.id, title="Seepage at the toe of the dam", severity="high")
    changes = photos.update_photo(
        store, row.id, caption="  Seepage, east toe  ", item_id="tailings_seepage", finding_id=finding.created_id
    )
    assert set(changes.changes[0].fields) == {"caption", "item_id", "finding_id"}
    linked = photos.get_photo(store, row.id)
    assert (linked.caption, linked.item_id, linked.finding_id) == (
        "Seepage, east toe",
        "tailings_seepage",
        finding.created_id,
    )
    assert [p.id for p in photos.list_photos(store, walked.id, finding_id=finding.created_id)] == [row.id]
    assert [p.id for p in photos.list_photos(store, walked.id, item_id="tailings_seepage")] == [row.id]
    assert not photos.update_photo(store, row.id, caption="Seepage, east toe")  # unchanged: no change
    photos.update_photo(store, row.id, caption="  ", item_id=None, finding_id=None)
    cleared = photos.get_photo(store, row.id)
    assert (cleared.caption, cleared.item_id, cleared.finding_id) == (None, None, None)
    with pytest.raises(ValidationError):
        photos.update_photo(store, row.id, caption="x" * 2001)


def test_linking_a_photo_to_an_unknown_finding_is_refused_with_a_message(store: Store, photo_dir: Path):
    row = import_one(store, m.write_jpeg(photo_dir / "a.jpg", make="X"))
    with pytest.raises(FieldKitError):
        photos.update_photo(store, row.id, finding_id="no-such-finding")
    assert photos.get_photo(store, row.id).finding_id is None


def test_list_photos_is_in_time_order_with_untimed_photos_last(store: Store, photo_dir: Path):
    paths = [
        m.write_jpeg(photo_dir / "late.jpg", camera_time="2026:10:14 11:00:00", seed=1),
        m.write(photo_dir / "untimed.jpg", m.jpeg_bytes(seed=2)),
        m.write_jpeg(photo_dir / "early.jpg", camera_time="2026:10:14 08:00:00", seed=3),
    ]
    photos.import_photos(store, paths, zone=PKT)
    assert [r.original_name for r in photos.list_photos(store, None)] == ["early.jpg", "late.jpg", "untimed.jpg"]
