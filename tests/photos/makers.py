"""Photos made by the tests: JPEGs with EXIF written by Pillow, raw EXIF blocks for broken fields, images
whose corners tell their orientation, small files declaring huge images, and 12 MP camera-like JPEGs.

Nothing here imports FieldKit: the files are built from the EXIF and JPEG/PNG specifications (and Pillow),
so that the tests check FieldKit's reading against an independent writer.
"""

from __future__ import annotations

import io
import random
import struct
import zlib
from datetime import UTC, datetime, timedelta, timezone
from fractions import Fraction
from pathlib import Path

from PIL import Image, ImageChops
from PIL.TiffImagePlugin import IFDRational

PKT = timezone(timedelta(hours=5), "PKT")
"""Pakistan Standard Time (no daylight saving)."""

# EXIF tags (CIPA DC-008)
MAKE, MODEL, ORIENTATION, DATETIME = 0x010F, 0x0110, 0x0112, 0x0132
EXIF_IFD, GPS_IFD = 0x8769, 0x8825
DATETIME_ORIGINAL, OFFSET_TIME_ORIGINAL = 0x9003, 0x9011
GPS_LAT_REF, GPS_LAT, GPS_LON_REF, GPS_LON, GPS_ALT_REF, GPS_ALT = 1, 2, 3, 4, 5, 6
GPS_DIRECTION_REF, GPS_DIRECTION = 16, 17


# -- EXIF written by Pillow ------------------------------------------------------------------------


def rational(value: float) -> IFDRational:
    frac = Fraction(value).limit_denominator(1_000_000)
    return IFDRational(frac.numerator, frac.denominator)


def dms(value: float) -> tuple[IFDRational, IFDRational, IFDRational]:
    """Decimal degrees (sign ignored) as degrees, minutes and seconds (1/100 s), the way phones write them."""
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round((value - degrees - minutes / 60) * 3600, 2)
    return IFDRational(degrees, 1), IFDRational(minutes, 1), IFDRational(round(seconds * 100), 100)


def _rationals(values: tuple) -> tuple:
    return tuple(IFDRational(*v) if isinstance(v, tuple) else v for v in values)


def make_exif(
    *,
    camera_time: str | None = None,
    offset: str | None = None,
    lat: float | tuple | None = None,
    lon: float | tuple | None = None,
    lat_ref: str | None = None,
    lon_ref: str | None = None,
    altitude: float | None = None,
    below_sea_level: bool = False,
    direction: float | None = None,
    make: str | None = None,
    model: str | None = None,
    orientation: int | None = None,
) -> Image.Exif:
    """An EXIF block as Pillow writes it. ``lat``/``lon`` are signed decimal degrees (refs follow the
    sign) or ready DMS tuples of rationals or (numerator, denominator) pairs (then give the refs)."""
    exif = Image.Exif()
    if make is not None:
        exif[MAKE] = make
    if model is not None:
        exif[MODEL] = model
    if orientation is not None:
        exif[ORIENTATION] = orientation
    if camera_time is not None or offset is not None:
        details = exif.get_ifd(EXIF_IFD)
        if camera_time is not None:
            details[DATETIME_ORIGINAL] = camera_time
        if offset is not None:
            details[OFFSET_TIME_ORIGINAL] = offset
    if lat is not None or lon is not None or altitude is not None or direction is not None:
        gps = exif.get_ifd(GPS_IFD)
        if lat is not None:
            if isinstance(lat, tuple):
                gps[GPS_LAT] = _rationals(lat)
            else:
                gps[GPS_LAT] = dms(lat)
                lat_ref = lat_ref or ("N" if lat >= 0 else "S")
            gps[GPS_LAT_REF] = lat_ref
        if lon is not None:
            if isinstance(lon, tuple):
                gps[GPS_LON] = _rationals(lon)
            else:
                gps[GPS_LON] = dms(lon)
                lon_ref = lon_ref or ("E" if lon >= 0 else "W")
            gps[GPS_LON_REF] = lon_ref
        if altitude is not None:
            gps[GPS_ALT_REF] = 1 if below_sea_level else 0
            gps[GPS_ALT] = rational(altitude)
        if direction is not None:
            gps[GPS_DIRECTION_REF] = "T"
            gps[GPS_DIRECTION] = rational(direction)
    return exif


def camera_time(moment: datetime, zone: timezone = PKT) -> str:
    """How a camera set to ``zone`` writes ``moment`` (EXIF DateTimeOriginal)."""
    return moment.astimezone(zone).strftime("%Y:%m:%d %H:%M:%S")


def plain_image(size: tuple[int, int] = (640, 480), seed: int = 0) -> Image.Image:
    """A small picture with some structure (each seed gives different pixels, hence different bytes)."""
    rng = random.Random(seed)
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    tint = Image.new("RGB", size, (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    return ImageChops.blend(image, tint, 0.4)


def jpeg_bytes(
    image: Image.Image | None = None, exif: Image.Exif | bytes | None = None, quality: int = 85, seed: int = 0
) -> bytes:
    image = image if image is not None else plain_image(seed=seed)
    out = io.BytesIO()
    if exif is None:
        image.save(out, "JPEG", quality=quality)
    else:
        image.save(out, "JPEG", quality=quality, exif=exif)
    return out.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def write_jpeg(path: Path, image: Image.Image | None = None, seed: int = 0, **exif_fields) -> Path:
    """A JPEG at ``path``; keyword arguments go to :func:`make_exif` (none: no EXIF at all)."""
    exif = make_exif(**exif_fields) if exif_fields else None
    return write(path, jpeg_bytes(image, exif, seed=seed))


# -- raw EXIF for what Pillow refuses to write (text in numeric fields, odd counts) ---------------------

BYTE, ASCII, SHORT, LONG, RATIONAL, UNDEFINED = 1, 2, 3, 4, 5, 7


def ascii_entry(tag: int, text: str) -> tuple[int, int, int, bytes]:
    data = text.encode("latin-1") + b"\x00"
    return tag, ASCII, len(data), data


def short_entry(tag: int, *values: int) -> tuple[int, int, int, bytes]:
    return tag, SHORT, len(values), struct.pack(f"<{len(values)}H", *values)


def rational_entry(tag: int, *pairs: tuple[int, int]) -> tuple[int, int, int, bytes]:
    return tag, RATIONAL, len(pairs), b"".join(struct.pack("<II", n, d) for n, d in pairs)


def raw_exif(
    ifd0: list[tuple[int, int, int, bytes]] = (),
    exif: list[tuple[int, int, int, bytes]] | None = None,
    gps: list[tuple[int, int, int, bytes]] | None = None,
) -> bytes:
    """An APP1 EXIF payload (``Exif\\0\\0`` + little-endian TIFF) with entries exactly as given; ``gps=[]``
    writes an empty GPS IFD."""
    subs = [(EXIF_IFD, exif), (GPS_IFD, gps)]
    pointers = [(tag, LONG, 1, b"\x00\x00\x00\x00") for tag, entries in subs if entries is not None]
    top = sorted([*ifd0, *pointers])

    def size(entries) -> int:
        return 2 + 12 * len(entries) + 4 + sum(len(p) + len(p) % 2 for *_, p in entries if len(p) > 4)

    offsets, at = {}, 8 + size(top)
    for tag, entries in subs:
        if entries is not None:
            offsets[tag] = at
            at += size(entries)
    top = [(t, ty, n, struct.pack("<I", offsets[t])) if t in offsets else (t, ty, n, p) for t, ty, n, p in top]

    def build(entries, start: int) -> bytes:
        entries = sorted(entries)
        head = struct.pack("<H", len(entries))
        data, data_at = b"", start + 2 + 12 * len(entries) + 4
        for tag, kind, count, payload in entries:
            if len(payload) <= 4:
                value = payload.ljust(4, b"\x00")
            else:
                value = struct.pack("<I", data_at + len(data))
                data += payload + b"\x00" * (len(payload) % 2)
            head += struct.pack("<HHI", tag, kind, count) + value
        return head + b"\x00\x00\x00\x00" + data

    tiff = b"II*\x00" + struct.pack("<I", 8) + build(top, 8)
    for tag, entries in subs:
        if entries is not None:
            tiff += build(entries, offsets[tag])
    return b"Exif\x00\x00" + tiff


# -- orientation ------------------------------------------------------------------------------------

QUADRANT_COLOURS = {
    "top-left": (220, 30, 30),  # red
    "top-right": (30, 30, 220),  # blue
    "bottom-left": (30, 200, 30),  # green
    "bottom-right": (235, 225, 40),  # yellow
}


def _display_position(x: int, y: int, orientation: int, stored_w: int, stored_h: int) -> tuple[int, int]:
    """Where stored pixel (x = column, y = row) is shown, from the EXIF definition of Orientation:
    which side the stored 0th row and 0th column are on."""
    r, c, rows, cols = y, x, stored_h, stored_w
    return {
        1: (c, r),  # 0th row top, 0th column left
        2: (cols - 1 - c, r),  # top, right
        3: (cols - 1 - c, rows - 1 - r),  # bottom, right
        4: (c, rows - 1 - r),  # bottom, left
        5: (r, c),  # 0th row left, 0th column top
        6: (rows - 1 - r, c),  # right, top
        7: (rows - 1 - r, cols - 1 - c),  # right, bottom
        8: (r, cols - 1 - c),  # left, bottom
    }[orientation]


def quadrant_at(x: float, y: float, width: int, height: int) -> str:
    return ("top" if y < height / 2 else "bottom") + "-" + ("left" if x < width / 2 else "right")


def stored_for_orientation(orientation: int, upright: tuple[int, int] = (1280, 640)) -> Image.Image:
    """The pixels a camera stores so that, shown with ``orientation``, the picture is ``upright`` in size
    with red top-left, blue top-right, green bottom-left, yellow bottom-right."""
    w, h = upright
    sw, sh = (w, h) if orientation <= 4 else (h, w)
    image = Image.new("RGB", (sw, sh))
    for qy in (0, 1):
        for qx in (0, 1):
            box = (qx * sw // 2, qy * sh // 2, (qx + 1) * sw // 2, (qy + 1) * sh // 2)
            cx, cy = (box[0] + box[2]) // 2, (box[1] + box[3]) // 2
            dx, dy = _display_position(cx, cy, orientation, sw, sh)
            image.paste(QUADRANT_COLOURS[quadrant_at(dx, dy, w, h)], box)
    return image


def nearest_quadrant_colour(pixel: tuple[int, ...]) -> str:
    return min(
        QUADRANT_COLOURS, key=lambda k: sum((a - b) ** 2 for a, b in zip(QUADRANT_COLOURS[k], pixel[:3], strict=True))
    )


def corners_of(image: Image.Image) -> dict[str, str]:
    """For each quadrant of ``image`` as shown, which of the reference colours is there."""
    w, h = image.size
    rgb = image.convert("RGB")
    return {
        name: nearest_quadrant_colour(rgb.getpixel((int(fx * w), int(fy * h))))
        for name, (fx, fy) in {
            "top-left": (0.25, 0.25),
            "top-right": (0.75, 0.25),
            "bottom-left": (0.25, 0.75),
            "bottom-right": (0.75, 0.75),
        }.items()
    }


# -- hostile files ----------------------------------------------------------------------------------


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_declaring(width: int, height: int, rows: int = 16) -> bytes:
    """A valid-looking 1-bit greyscale PNG header declaring ``width`` × ``height`` pixels, with only a few
    rows of (zero) pixel data: a few hundred bytes on disk."""
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    idat = zlib.compress(row * rows, 9)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", idat) + _png_chunk(b"IEND", b"")


def jpeg_declaring(width: int, height: int) -> bytes:
    """A small real JPEG whose frame header (SOF0) is patched to declare ``width`` × ``height``."""
    data = bytearray(jpeg_bytes(Image.new("RGB", (16, 16), "gray")))
    sof = data.find(b"\xff\xc0")
    assert sof > 0
    # FFC0, length (2), precision (1), height (2), width (2)
    struct.pack_into(">HH", data, sof + 5, height, width)
    return bytes(data)


# -- camera-like photos (crash test, benchmark) ------------------------------------------------------


def textured(size: tuple[int, int], seed: int, sigma: float = 25.0) -> Image.Image:
    """Gradients under sensor-like noise: compresses like a real photo (about 4 MB at 12 MP, quality 90)."""
    rng = random.Random(seed)
    ramp = Image.linear_gradient("L")
    channels = []
    for i in range(3):
        noise = Image.effect_noise(size, sigma + rng.uniform(-3, 3))
        base = ramp.rotate(rng.choice((0, 90, 180, 270)) + 30 * i).resize(size)
        channels.append(ImageChops.blend(noise, base, 0.5))
    return Image.merge("RGB", channels)


def with_exif_segment(jpeg: bytes, exif_payload: bytes) -> bytes:
    """``jpeg`` with an APP1 EXIF segment inserted right after SOI (as cameras write it)."""
    assert jpeg[:2] == b"\xff\xd8"
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(exif_payload) + 2) + exif_payload + jpeg[2:]


def camera_series(
    folder: Path,
    count: int,
    *,
    size: tuple[int, int] = (4000, 3000),
    distinct: int = 8,
    start: datetime = datetime(2026, 10, 14, 4, 0, tzinfo=UTC),
    quality: int = 90,
    seed: int = 0,
    gps_every: int = 3,
) -> list[Path]:
    """``count`` camera-like JPEGs ``IMG_0001.jpg``… in ``folder``: ``distinct`` different pictures (encoding
    is the slow part), each file with its own EXIF (time a minute apart; every ``gps_every``-th with GPS
    around Saindak), so every file has different bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    bases = []
    for i in range(min(distinct, count)):
        out = io.BytesIO()
        textured(size, seed * 1000 + i).save(out, "JPEG", quality=quality)
        bases.append(out.getvalue())
    paths = []
    for n in range(count):
        moment = start + timedelta(minutes=n)
        fields = {
            "camera_time": camera_time(moment),
            "offset": "+05:00",
            "make": "Canon",
            "model": "PowerShot SX740 HS",
            "orientation": 1,
        }
        if gps_every and n % gps_every == 0:
            fields.update(lat=29.2633 + n * 1e-5, lon=61.5717 + n * 1e-5, altitude=850.0, direction=(n * 37) % 360)
        payload = make_exif(**fields).tobytes()
        paths.append(write(folder / f"IMG_{n + 1:04d}.jpg", with_exif_segment(bases[n % len(bases)], payload)))
    return paths


def photo_12mp(folder: Path, count: int, seed: int = 0) -> list[Path]:
    """``count`` 12 MP (4000 × 3000) camera-like JPEGs of 3-5 MB each, with EXIF, for the benchmark."""
    return camera_series(folder, count, size=(4000, 3000), seed=seed)
