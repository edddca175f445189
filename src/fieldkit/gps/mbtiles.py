"""Read raster basemap tiles from an MBTiles file (an SQLite database of map tiles), offline.

Inspectors bring basemaps prepared elsewhere (QGIS, MOBAC, gdal2tiles) on a USB stick. Such files
come in many shapes: a ``tiles`` table or a ``tiles`` view over ``map``/``images``, metadata with or
without bounds and zoom range, vector tiles (gzip-compressed protobuf) that we cannot draw, broken
or empty tiles. :class:`MBTiles` opens any of them read-only, refuses what it cannot show with an
:class:`MbtilesError` naming the file, and hands out PNG, JPEG or WebP bytes by XYZ tile address.

MBTiles numbers tile rows from the south (TMS); the XYZ scheme used by every slippy map numbers them
from the north, so :meth:`MBTiles.tile` flips the row.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from fieldkit.errors import FieldKitError
from fieldkit.gps.geo import EARTH_HALF, from_mercator
from fieldkit.i18n import translate

_SQLITE_MAGIC = b"SQLite format 3\x00"
_SAMPLE_TILES = 16
"""Tiles read when opening a file to learn its format: enough to skip a few broken ones."""
_VECTOR_FORMATS = {"pbf", "mvt", "application/x-protobuf", "application/vnd.mapbox-vector-tile"}


class MbtilesError(FieldKitError, ValueError):
    """An MBTiles file that cannot be used as a basemap; the message names the file and says why."""


def tile_format(data: bytes | None) -> str | None:
    """``"png"``, ``"jpeg"`` or ``"webp"`` from the first bytes of a tile, ``"vector"`` for
    gzip/zlib-compressed (vector) tiles, ``None`` for anything else (empty, garbage)."""
    if not data:
        return None
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if len(data) >= 12 and data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "webp"
    # Vector tiles are protobuf, stored gzip-compressed (1f 8b) or zlib-compressed (78 xx).
    if data.startswith(b"\x1f\x8b") or (len(data) >= 2 and data[0] == 0x78 and data[1] in (0x01, 0x5E, 0x9C, 0xDA)):
        return "vector"
    return None


@dataclass(frozen=True)
class MbtilesInfo:
    """What an MBTiles file says about itself (metadata, completed from the tiles where missing)."""

    name: str
    format: str
    """``png``, ``jpeg`` or ``webp``: the format of the sampled tiles (metadata may be wrong)."""
    minzoom: int
    maxzoom: int
    bounds: tuple[float, float, float, float]
    """West, south, east, north in degrees (WGS 84)."""


class MBTiles:
    """A raster MBTiles file opened read-only.

    ``MBTiles(path)`` raises :class:`MbtilesError` when the file is missing, is not SQLite, has no
    ``tiles`` table, is corrupt, holds vector tiles or holds no usable tile at all. Once open,
    :meth:`tile` never raises for a bad tile: a NULL, empty or undecodable tile is simply missing.
    One connection is shared under a lock, so a reader may be used from more than one thread.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        try:
            self._db = self._connect()
            self.info = self._read_info()
        except sqlite3.DatabaseError as exc:
            self.close()
            raise self._error_for(exc) from exc
        except BaseException:
            self.close()
            raise

    # -- opening -------------------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        name = self._display_name()
        try:
            with open(self.path, "rb") as f:
                head = f.read(len(_SQLITE_MAGIC))
        except FileNotFoundError:
            raise MbtilesError(translate("MBTiles", "{file}: the file does not exist.").format(file=name)) from None
        except OSError as exc:
            raise MbtilesError(
                translate("MBTiles", "{file} cannot be read: {reason}").format(file=name, reason=exc.strerror or exc)
            ) from None
        if head != _SQLITE_MAGIC:
            raise MbtilesError(
                translate("MBTiles", "{file} is not an MBTiles file: it is not an SQLite database.").format(file=name)
            )
        uri = self.path.resolve().as_uri() + "?mode=ro"
        # A basemap is a finished file: "immutable" skips locking and journal checks, so it opens
        # from read-only media (CD, write-protected stick) and costs no lock round-trips per tile.
        # It is unsafe only while someone writes the file, which a journal or WAL file next to it
        # betrays; then plain read-only mode lets SQLite see the writer's changes consistently.
        sidecars = ("-wal", "-journal")
        if not any(self.path.with_name(self.path.name + s).exists() for s in sidecars):
            uri += "&immutable=1"
        db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        return db

    def _display_name(self) -> str:
        return self.path.name or str(self.path)

    def _read_info(self) -> MbtilesInfo:
        assert self._db is not None
        name = self._display_name()
        objects = {
            row[0].lower() for row in self._db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
        }
        if "tiles" not in objects:
            raise MbtilesError(
                translate("MBTiles", "{file} is not an MBTiles file: it has no tiles table.").format(file=name)
            )
        meta: dict[str, str] = {}
        if "metadata" in objects:
            for key, value in self._db.execute("SELECT name, value FROM metadata"):
                if isinstance(key, str) and value is not None:
                    meta[key.strip().lower()] = str(value).strip()

        declared = meta.get("format", "").lower()
        if declared in _VECTOR_FORMATS:
            raise MbtilesError(_vector_message(name))
        sample = [
            row[0]
            for row in self._db.execute(
                "SELECT tile_data FROM tiles WHERE tile_data IS NOT NULL AND length(tile_data) > 0 LIMIT ?",
                (_SAMPLE_TILES,),
            )
        ]
        if not sample:
            raise MbtilesError(translate("MBTiles", "{file} holds no map tiles.").format(file=name))
        formats = [tile_format(bytes(data)) for data in sample]
        images = [f for f in formats if f in ("png", "jpeg", "webp")]
        if not images:
            if "vector" in formats:
                raise MbtilesError(_vector_message(name))
            raise MbtilesError(
                translate(
                    "MBTiles", "{file} holds no tiles that can be shown: they are not PNG, JPEG or WebP images."
                ).format(file=name)
            )

        minzoom, maxzoom = _int(meta.get("minzoom")), _int(meta.get("maxzoom"))
        if minzoom is None or maxzoom is None or minzoom > maxzoom:
            # The zoom index (zoom_level first) makes MIN/MAX a lookup, not a scan, on a tiles table.
            low, high = self._db.execute("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles").fetchone()
            minzoom, maxzoom = int(low), int(high)
        minzoom, maxzoom = max(0, minzoom), min(30, maxzoom)
        bounds = _bounds(meta.get("bounds")) or self._bounds_from_tiles(maxzoom)
        return MbtilesInfo(
            name=meta.get("name") or self.path.stem,
            format=max(set(images), key=images.count),
            minzoom=minzoom,
            maxzoom=maxzoom,
            bounds=bounds,
        )

    def _bounds_from_tiles(self, zoom: int) -> tuple[float, float, float, float]:
        """The extent of the tiles stored at ``zoom``; the whole world when there are none."""
        assert self._db is not None
        row = self._db.execute(
            "SELECT MIN(tile_column), MAX(tile_column), MIN(tile_row), MAX(tile_row) FROM tiles WHERE zoom_level = ?",
            (zoom,),
        ).fetchone()
        if row is None or row[0] is None:
            return (-180.0, -85.0511287798, 180.0, 85.0511287798)
        n = 2**zoom
        size = 2 * EARTH_HALF / n
        x0, x1 = int(row[0]), int(row[1]) + 1
        # TMS rows count from the south.
        y0, y1 = int(row[2]), int(row[3]) + 1
        west, south = from_mercator(-EARTH_HALF + x0 * size, -EARTH_HALF + y0 * size)
        east, north = from_mercator(-EARTH_HALF + x1 * size, -EARTH_HALF + y1 * size)
        return (max(-180.0, west), south, min(180.0, east), north)

    def _error_for(self, exc: sqlite3.DatabaseError) -> MbtilesError:
        name = self._display_name()
        text = str(exc).lower()
        if "malformed" in text or "corrupt" in text:
            return MbtilesError(
                translate("MBTiles", "{file} is damaged (database disk image is malformed); copy it again.").format(
                    file=name
                )
            )
        if "not a database" in text or "encrypted" in text:
            return MbtilesError(
                translate("MBTiles", "{file} is not an MBTiles file: it is not an SQLite database.").format(file=name)
            )
        if "no such table" in text or "no such column" in text:
            return MbtilesError(
                translate(
                    "MBTiles", "{file} is not an MBTiles file: its tiles table is not laid out as MBTiles."
                ).format(file=name)
            )
        return MbtilesError(
            translate("MBTiles", "{file} cannot be read as MBTiles: {reason}").format(file=name, reason=exc)
        )

    # -- reading ---------------------------------------------------------------------------------------

    @property
    def name(self) -> str:
        return self.info.name

    @property
    def minzoom(self) -> int:
        return self.info.minzoom

    @property
    def maxzoom(self) -> int:
        return self.info.maxzoom

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        return self.info.bounds

    @property
    def format(self) -> str:
        return self.info.format

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The image bytes (PNG, JPEG or WebP) of XYZ tile ``z/x/y`` (row 0 in the north).

        ``None`` when the tile is absent, NULL, empty, not an image, outside the tile grid, or when
        its page of the database turns out to be damaged (the rest of the map still shows).
        """
        if z < 0 or z > 30:
            return None
        n = 1 << z
        if not (0 <= x < n and 0 <= y < n):
            return None
        with self._lock:
            if self._db is None:
                return None
            try:
                row = self._db.execute(
                    "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
                    (z, x, n - 1 - y),
                ).fetchone()
            except sqlite3.DatabaseError:
                return None
        if row is None or row[0] is None:
            return None
        data = bytes(row[0]) if not isinstance(row[0], bytes) else row[0]
        return data if tile_format(data) in ("png", "jpeg", "webp") else None

    def close(self) -> None:
        """Close the file; later :meth:`tile` calls return ``None``."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def __enter__(self) -> MBTiles:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"MBTiles({str(self.path)!r})"


def _vector_message(name: str) -> str:
    return translate(
        "MBTiles",
        "{file} holds vector tiles: vector MBTiles cannot be shown; open a raster (PNG, JPEG or WebP) MBTiles.",
    ).format(file=name)


def _int(text: str | None) -> int | None:
    try:
        return int(float(text)) if text is not None else None
    except ValueError:
        return None


def _bounds(text: str | None) -> tuple[float, float, float, float] | None:
    """``"west,south,east,north"`` in degrees, checked; ``None`` when absent or not sensible."""
    if not text:
        return None
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except ValueError:
        return None
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        return None
    return (west, south, east, north)
