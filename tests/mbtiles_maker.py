"""Small MBTiles files made by the tests themselves: solid-colour PNG, JPEG or WebP tiles."""

from __future__ import annotations

import io
import math
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path

RGB = tuple[int, int, int]


def image_bytes(color: RGB, fmt: str = "PNG", size: int = 256) -> bytes:
    """A ``size`` x ``size`` tile of one colour, encoded as ``fmt`` (PNG, JPEG or WEBP)."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (size, size), color).save(buffer, fmt, **({"quality": 95} if fmt == "JPEG" else {}))
    return buffer.getvalue()


def xyz_tile(lat: float, lon: float, zoom: int) -> tuple[int, int]:
    """The XYZ column and row (row 0 in the north) of the tile holding (lat, lon) at ``zoom``."""
    n = 2**zoom
    x = int((lon + 180.0) / 360.0 * n)
    rad = math.radians(lat)
    y = int((1.0 - math.log(math.tan(rad) + 1.0 / math.cos(rad)) / math.pi) / 2.0 * n)
    return x, y


def make_mbtiles(
    path: Path,
    tiles: Mapping[tuple[int, int, int], bytes | None],
    metadata: Mapping[str, str] | None = None,
) -> Path:
    """Write an MBTiles file: ``tiles`` maps XYZ addresses (z, x, y with row 0 in the north) to
    tile bytes; they are stored with TMS rows as the format requires."""
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    db.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
    db.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)")
    for (z, x, y), data in tiles.items():
        db.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)", (z, x, 2**z - 1 - y, data))
    db.executemany("INSERT INTO metadata VALUES (?, ?)", list((metadata or {}).items()))
    db.commit()
    db.close()
    return path


def tiles_around(
    lat: float, lon: float, zooms: Iterable[int], colors: Mapping[int, RGB], fmt: str = "PNG", radius: int = 2
) -> dict[tuple[int, int, int], bytes]:
    """Tiles of colour ``colors[z]`` covering ``radius`` tiles around (lat, lon) at each zoom."""
    tiles = {}
    for z in zooms:
        data = image_bytes(colors[z], fmt)
        cx, cy = xyz_tile(lat, lon, z)
        for x in range(max(0, cx - radius), min(2**z, cx + radius + 1)):
            for y in range(max(0, cy - radius), min(2**z, cy + radius + 1)):
                tiles[(z, x, y)] = data
    return tiles
