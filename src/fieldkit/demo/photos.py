"""Demo photos: generated pictures with real EXIF (time, and for phone photos a GPS position and
bearing), taken along the demo track, for the photo items of the checklists and for the findings.

The pictures are drawn, not photographed: a sky, the ground, a structure and a caption naming what
an inspector would have photographed. They are JPEGs like a phone's, so they go through the same
import code as real photos (EXIF reading, thumbnails, the blob store, positions from the track).
"""

from __future__ import annotations

import io
import random
from datetime import datetime, timedelta
from fractions import Fraction
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from PIL.TiffImagePlugin import IFDRational

from fieldkit.demo.data import PKT

SIZE = (1600, 1200)


def _rational(value: float) -> IFDRational:
    frac = Fraction(value).limit_denominator(10_000)
    return IFDRational(frac.numerator, frac.denominator)


def _dms(value: float) -> tuple[IFDRational, IFDRational, IFDRational]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = (value - degrees - minutes / 60) * 3600
    return IFDRational(degrees, 1), IFDRational(minutes, 1), _rational(round(seconds, 4))


def draw(subject: str, seed: str) -> Image.Image:
    rng = random.Random(seed)
    image = Image.new("RGB", SIZE)
    pixels = ImageDraw.Draw(image)
    horizon = int(SIZE[1] * rng.uniform(0.35, 0.5))
    for y in range(horizon):  # hazy desert sky
        t = y / horizon
        pixels.line([(0, y), (SIZE[0], y)], fill=(int(150 + 70 * t), int(185 + 45 * t), int(215 + 20 * t)))
    ground = (rng.randint(150, 190), rng.randint(125, 150), rng.randint(90, 110))
    pixels.rectangle([0, horizon, SIZE[0], SIZE[1]], fill=ground)
    for _ in range(900):  # gravel and scrub
        x, y = rng.randrange(SIZE[0]), rng.randrange(horizon, SIZE[1])
        r = rng.randint(2, 7)
        shade = rng.randint(-35, 25)
        pixels.ellipse([x, y, x + r, y + r], fill=tuple(max(0, min(255, c + shade)) for c in ground))
    ridge = (
        [(0, horizon)]
        + [(x, horizon - rng.randint(20, 120)) for x in range(0, SIZE[0] + 200, 200)]
        + [(SIZE[0], horizon)]
    )
    pixels.polygon(ridge, fill=(118, 104, 92))
    x0 = rng.randint(300, 900)
    pixels.rectangle([x0, horizon - 180, x0 + 420, horizon + 140], fill=(96, 96, 104), outline=(40, 40, 40), width=6)
    pixels.rectangle([x0 + 60, horizon - 120, x0 + 160, horizon + 20], fill=(200, 200, 210))
    font = ImageFont.load_default(size=54)
    pixels.rectangle([40, SIZE[1] - 130, SIZE[0] - 40, SIZE[1] - 40], fill=(0, 0, 0))
    pixels.text((70, SIZE[1] - 118), subject[:48], fill=(255, 255, 255), font=font)
    return image


def jpeg(
    subject: str,
    when: datetime,
    seed: str,
    *,
    position: tuple[float, float] | None = None,
    bearing: float | None = None,
    make: str = "Samsung",
    model: str = "Galaxy A14",
) -> bytes:
    """A JPEG with EXIF: camera time in PKT with its offset, and GPS when ``position`` is given."""
    image = draw(subject, seed)
    exif = Image.Exif()
    exif[0x010F] = make
    exif[0x0110] = model
    exif[0x0112] = 1
    local = when.astimezone(PKT)
    details = exif.get_ifd(0x8769)
    details[0x9003] = local.strftime("%Y:%m:%d %H:%M:%S")
    details[0x9011] = "+05:00"
    if position is not None:
        lat, lon = position
        gps = exif.get_ifd(0x8825)
        gps[1] = "N" if lat >= 0 else "S"
        gps[2] = _dms(lat)
        gps[3] = "E" if lon >= 0 else "W"
        gps[4] = _dms(lon)
        if bearing is not None:
            gps[16] = "T"
            gps[17] = _rational(bearing % 360)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82, exif=exif)
    return out.getvalue()


def times_along(start: datetime, end: datetime | None, count: int, seed: str) -> list[datetime]:
    rng = random.Random(seed)
    span = ((end or start + timedelta(hours=2)) - start).total_seconds()
    return sorted(start + timedelta(seconds=span * rng.uniform(0.05, 0.95)) for _ in range(count))


def name_for(when: datetime, index: int) -> Path:
    return Path(f"IMG_{when.astimezone(PKT):%Y%m%d_%H%M%S}_{index:02d}.jpg")


def bearing_at(index: int) -> float:
    return (index * 67.0 + 30.0) % 360


__all__ = ["bearing_at", "jpeg", "name_for", "times_along"]
