"""The report's map figure, drawn with Pillow: site boundary, tracks, photo and finding positions,
a scale bar and a north arrow, over an MBTiles basemap when one is given (a graticule otherwise).

Drawn as an image (not vector graphics) so that a basemap and a million-point track cost the same
in the PDF: one compressed picture.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from fieldkit.gps.geo import EARTH_HALF, simplify, to_mercator
from fieldkit.gps.points import Segment

WORLD = 2 * EARTH_HALF
NICE = [1, 2, 5]


@dataclass(frozen=True)
class MapPoint:
    lat: float
    lon: float
    label: str = ""
    bearing: float | None = None


def _font(size: int) -> ImageFont.ImageFont:
    from fieldkit.paths import shipped_dir

    path = shipped_dir("resources") / "fonts" / "NotoSans-Bold.ttf"
    try:
        return ImageFont.truetype(str(path), size)
    except OSError:
        return ImageFont.load_default(size=size)


def _rings(boundary: dict[str, Any] | None) -> list[list[tuple[float, float]]]:
    if not boundary:
        return []
    polygons = [boundary["coordinates"]] if boundary.get("type") == "Polygon" else boundary.get("coordinates", [])
    return [[(float(x), float(y)) for x, y, *_ in ring] for polygon in polygons for ring in polygon]


class _Frame:
    """Mercator metres to image pixels for a bounding box fitted into an image."""

    def __init__(self, xs: Sequence[float], ys: Sequence[float], size: tuple[int, int], centre: tuple[float, float]):
        if xs:
            x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        else:
            cx, cy = to_mercator(centre[1], centre[0])
            x0, x1, y0, y1 = cx - 1000, cx + 1000, cy - 1000, cy + 1000
        span = max(x1 - x0, y1 - y0, 300.0)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        width, height = size
        self.mpp = max((x1 - x0 + span * 0.16) / width, (y1 - y0 + span * 0.16) / height, 0.05)
        self.x0 = cx - width / 2 * self.mpp
        self.y1 = cy + height / 2 * self.mpp
        self.size = size

    def px(self, x: float, y: float) -> tuple[float, float]:
        return (x - self.x0) / self.mpp, (self.y1 - y) / self.mpp

    def ll(self, lat: float, lon: float) -> tuple[float, float]:
        return self.px(*to_mercator(lon, lat))


def render_map(
    *,
    boundary: dict[str, Any] | None,
    centre: tuple[float, float],
    tracks: Sequence[Sequence[Segment]] = (),
    photos: Sequence[MapPoint] = (),
    findings: Sequence[MapPoint] = (),
    basemap: Path | None = None,
    size: tuple[int, int] = (1600, 1000),
) -> Image.Image:
    """The map as an RGB image of ``size`` pixels."""
    xs: list[float] = []
    ys: list[float] = []
    for ring in _rings(boundary):
        for lon, lat in ring:
            x, y = to_mercator(lon, lat)
            xs.append(x)
            ys.append(y)
    for track in tracks:
        for seg in track:
            step = max(1, len(seg) // 2000)
            for i in range(0, len(seg), step):
                x, y = to_mercator(seg.lon[i], seg.lat[i])
                xs.append(x)
                ys.append(y)
    for p in (*photos, *findings):
        x, y = to_mercator(p.lon, p.lat)
        xs.append(x)
        ys.append(y)
    frame = _Frame(xs, ys, size, centre)
    image = Image.new("RGB", size, (242, 240, 232))
    if basemap is None or not _draw_basemap(image, frame, basemap):
        _draw_graticule(image, frame)
    overlay = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for ring in _rings(boundary):
        points = [frame.ll(lat, lon) for lon, lat in ring]
        if len(points) >= 3:
            draw.polygon(points, fill=(40, 80, 160, 40), outline=(25, 60, 150, 255), width=5)
    for track in tracks:
        for seg in track:
            mx, my = (
                zip(*(to_mercator(lon, lat) for lon, lat in zip(seg.lon, seg.lat, strict=True)), strict=True)
                if len(seg)
                else ((), ())
            )
            keep = simplify(mx, my, frame.mpp * 0.7) if len(seg) > 2 else list(range(len(seg)))
            line = [frame.px(mx[i], my[i]) for i in keep]
            if len(line) >= 2:
                draw.line(line, fill=(255, 255, 255, 230), width=9, joint="curve")
                draw.line(line, fill=(200, 30, 30, 255), width=5, joint="curve")
    font = _font(max(14, size[0] // 70))
    for p in photos:
        x, y = frame.ll(p.lat, p.lon)
        if p.bearing is not None:
            r = size[0] / 30
            draw.pieslice(
                [x - r, y - r, x + r, y + r], p.bearing - 90 - 25, p.bearing - 90 + 25, fill=(240, 120, 20, 110)
            )
        draw.ellipse([x - 8, y - 8, x + 8, y + 8], fill=(240, 120, 20, 255), outline=(255, 255, 255, 255), width=2)
    for p in findings:
        x, y = frame.ll(p.lat, p.lon)
        r = size[0] / 80
        draw.ellipse([x - r, y - r, x + r, y + r], fill=(180, 20, 20, 255), outline=(255, 255, 255, 255), width=3)
        draw.text((x, y), p.label, fill=(255, 255, 255, 255), font=font, anchor="mm")
    image = Image.alpha_composite(image.convert("RGBA"), overlay)
    _draw_scale_bar(image, frame, font)
    _draw_north_arrow(image, font)
    return image.convert("RGB")


def jpeg_bytes(image: Image.Image, quality: int = 82) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True)
    return out.getvalue()


def _draw_graticule(image: Image.Image, frame: _Frame) -> None:
    from fieldkit.gps.geo import from_mercator

    draw = ImageDraw.Draw(image)
    width, height = frame.size
    west, north = from_mercator(frame.x0, frame.y1)
    east, south = from_mercator(frame.x0 + width * frame.mpp, frame.y1 - height * frame.mpp)
    span = max(east - west, 1e-6)
    step = _nice(span / 6)
    font = _font(max(12, width // 90))
    lon = math.ceil(west / step) * step
    while lon < east:
        x, _ = frame.ll(north, lon)
        draw.line([(x, 0), (x, height)], fill=(200, 198, 190), width=1)
        draw.text((x + 4, 4), f"{lon:.{_decimals(step)}f}°E", fill=(120, 120, 120), font=font)
        lon += step
    lat = math.ceil(south / step) * step
    while lat < north:
        _, y = frame.ll(lat, west)
        draw.line([(0, y), (width, y)], fill=(200, 198, 190), width=1)
        draw.text((4, y + 2), f"{lat:.{_decimals(step)}f}°N", fill=(120, 120, 120), font=font)
        lat += step


def _decimals(step: float) -> int:
    return max(0, -math.floor(math.log10(step)))


def _nice(value: float) -> float:
    exponent = math.floor(math.log10(value))
    for base in NICE:
        candidate = base * 10**exponent
        if candidate >= value:
            return candidate
    return 10 ** (exponent + 1)


def _draw_basemap(image: Image.Image, frame: _Frame, path: Path) -> bool:
    from fieldkit.gps.mbtiles import MBTiles, MbtilesError

    try:
        tiles = MBTiles(path)
    except MbtilesError:
        return False
    try:
        info = tiles.info
        zoom = max(info.minzoom, min(info.maxzoom, round(math.log2(WORLD / (256 * frame.mpp)))))
        n = 2**zoom
        tile_m = WORLD / n
        width, height = frame.size
        x_min = int((frame.x0 + EARTH_HALF) // tile_m)
        x_max = int((frame.x0 + width * frame.mpp + EARTH_HALF) // tile_m)
        y_min = int((EARTH_HALF - frame.y1) // tile_m)
        y_max = int((EARTH_HALF - (frame.y1 - height * frame.mpp)) // tile_m)
        drawn = False
        for tx in range(max(0, x_min), min(n - 1, x_max) + 1):
            for ty in range(max(0, y_min), min(n - 1, y_max) + 1):
                data = tiles.tile(zoom, tx, ty)
                if not data:
                    continue
                try:
                    tile = Image.open(io.BytesIO(data), formats=["PNG", "JPEG", "WEBP"]).convert("RGB")
                except (OSError, ValueError):
                    continue
                left, top = frame.px(tx * tile_m - EARTH_HALF, EARTH_HALF - ty * tile_m)
                side = max(1, round(tile_m / frame.mpp))
                image.paste(tile.resize((side, side), Image.Resampling.BILINEAR), (round(left), round(top)))
                drawn = True
        return drawn
    finally:
        tiles.close()


def _draw_scale_bar(image: Image.Image, frame: _Frame, font) -> None:
    draw = ImageDraw.Draw(image)
    width, height = frame.size
    # Web Mercator stretches with latitude: measure at the map's centre.
    centre_y = frame.y1 - height * frame.mpp / 2
    lat = math.degrees(2 * math.atan(math.exp(centre_y / 6378137.0)) - math.pi / 2)
    metres_per_px = frame.mpp * math.cos(math.radians(lat))
    length = _nice(width * 0.12 * metres_per_px)
    bar = length / metres_per_px
    x, y = 40, height - 50
    draw.rectangle([x - 12, y - 44, x + bar + 12, y + 18], fill=(255, 255, 255, 220))
    draw.line([(x, y), (x + bar, y)], fill=(0, 0, 0), width=5)
    for tick in (x, x + bar):
        draw.line([(tick, y - 12), (tick, y + 6)], fill=(0, 0, 0), width=4)
    label = f"{length / 1000:g} km" if length >= 1000 else f"{length:g} m"
    draw.text((x + bar / 2, y - 16), label, fill=(0, 0, 0), font=font, anchor="ms")


def _draw_north_arrow(image: Image.Image, font) -> None:
    draw = ImageDraw.Draw(image)
    width, _ = image.size
    cx, top = width - 60, 30
    draw.ellipse([cx - 34, top - 4, cx + 34, top + 84], fill=(255, 255, 255))
    draw.polygon([(cx, top + 4), (cx - 16, top + 50), (cx, top + 40), (cx + 16, top + 50)], fill=(180, 20, 20))
    draw.text((cx, top + 72), "N", fill=(0, 0, 0), font=font, anchor="mm")
