"""What a photo's EXIF says, read defensively: a broken field gives no value, never a failed import.

Cameras write odd things: rationals of 0/0, empty GPS blocks, "0000:00:00 00:00:00" when the clock was
never set, text where numbers belong. Each field is read on its own and dropped when it does not make
sense.
"""

from __future__ import annotations

import math
import re
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from PIL import Image

# Pillow warns on every damaged EXIF block it reads past; we read such blocks field by field on purpose.
warnings.filterwarnings("ignore", message="Corrupt EXIF data", category=UserWarning)

GPS_IFD = 0x8825
EXIF_IFD = 0x8769
ORIENTATION = 0x0112
MAKE, MODEL = 0x010F, 0x0110
DATETIME = 0x0132
DATETIME_ORIGINAL, OFFSET_TIME_ORIGINAL = 0x9003, 0x9011
SUBSEC_ORIGINAL = 0x9291
GPS_LAT_REF, GPS_LAT, GPS_LON_REF, GPS_LON = 1, 2, 3, 4
GPS_ALT_REF, GPS_ALT = 5, 6
GPS_DIRECTION_REF, GPS_DIRECTION = 16, 17
_CAMERA_TIME = re.compile(r"^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$")
_OFFSET = re.compile(r"^([+-])(\d{2}):(\d{2})$")


@dataclass
class PhotoMetadata:
    camera_time: str | None = None
    """The camera's own wall-clock time as written (``2026:11:20 09:12:33``), kept for clock fixes."""
    utc_offset: str | None = None
    """``OffsetTimeOriginal`` (``+05:00``) when the camera wrote it."""
    latitude: float | None = None
    longitude: float | None = None
    altitude_m: float | None = None
    bearing_deg: float | None = None
    camera_make: str | None = None
    camera_model: str | None = None
    orientation: int | None = None

    def taken_at(self, assumed_zone: timezone | None = None) -> datetime | None:
        """The moment in UTC: camera time with its written offset, else in ``assumed_zone``."""
        local = parse_camera_time(self.camera_time)
        if local is None:
            return None
        zone = parse_offset(self.utc_offset) or assumed_zone
        if zone is None:
            return None
        return local.replace(tzinfo=zone).astimezone(UTC)


def parse_camera_time(text: str | None) -> datetime | None:
    if not text:
        return None
    match = _CAMERA_TIME.match(text.strip().rstrip("\x00"))
    if match is None:
        return None
    try:
        moment = datetime(*(int(g) for g in match.groups()))
    except ValueError:
        return None
    if moment.year < 1990:  # unset camera clocks start at 0000, 1970 or 1980
        return None
    if moment > datetime.now() + timedelta(days=2):  # a clock set far in the future tells nothing
        return None
    return moment


def parse_offset(text: str | None) -> timezone | None:
    if not text:
        return None
    match = _OFFSET.match(text.strip().rstrip("\x00"))
    if match is None:
        return None
    sign, hours, minutes = match.groups()
    delta = timedelta(hours=int(hours), minutes=int(minutes))
    if delta > timedelta(hours=14):
        return None
    return timezone(-delta if sign == "-" else delta)


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return number if math.isfinite(number) else None


def _dms(value: Any) -> float | None:
    """Degrees, minutes, seconds (three rationals) to decimal degrees."""
    if not isinstance(value, tuple | list) or len(value) != 3:
        return None
    parts = [_number(v) for v in value]
    if any(p is None for p in parts):
        return None
    degrees, minutes, seconds = parts
    if degrees < 0 or minutes < 0 or seconds < 0 or minutes >= 60 or seconds >= 60.5:
        return None
    return degrees + minutes / 60 + seconds / 3600


def _text(value: Any) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if not isinstance(value, str):
        return None
    value = value.replace("\x00", "").strip()
    return value[:100] or None


def read_metadata(image: Image.Image) -> PhotoMetadata:
    """Everything usable in ``image``'s EXIF; missing or broken fields stay ``None``."""
    meta = PhotoMetadata()
    try:
        exif = image.getexif()
    except Exception:  # Pillow raises many kinds on broken EXIF blocks; a photo without EXIF is fine
        return meta
    meta.camera_make = _safe(lambda: _text(exif.get(MAKE)))
    meta.camera_model = _safe(lambda: _text(exif.get(MODEL)))
    orientation = _safe(lambda: int(exif.get(ORIENTATION) or 0))
    meta.orientation = orientation if orientation and 1 <= orientation <= 8 else None
    details = _safe(lambda: exif.get_ifd(EXIF_IFD)) or {}
    meta.camera_time = _safe(lambda: _text(details.get(DATETIME_ORIGINAL))) or _safe(lambda: _text(exif.get(DATETIME)))
    if parse_camera_time(meta.camera_time) is None:
        meta.camera_time = None
    meta.utc_offset = _safe(lambda: _text(details.get(OFFSET_TIME_ORIGINAL)))
    if parse_offset(meta.utc_offset) is None:
        meta.utc_offset = None
    gps = _safe(lambda: exif.get_ifd(GPS_IFD)) or {}
    if gps:
        _read_gps(gps, meta)
    return meta


def _safe(read):
    try:
        return read()
    except Exception:
        return None


def _read_gps(gps: dict[int, Any], meta: PhotoMetadata) -> None:
    lat = _safe(lambda: _dms(gps.get(GPS_LAT)))
    lon = _safe(lambda: _dms(gps.get(GPS_LON)))
    lat_ref = _safe(lambda: _text(gps.get(GPS_LAT_REF)))
    lon_ref = _safe(lambda: _text(gps.get(GPS_LON_REF)))
    if (
        lat is not None
        and lon is not None
        and lat <= 90
        and lon <= 180
        and lat_ref in ("N", "S")
        and lon_ref in ("E", "W")
    ):
        lat = -lat if lat_ref == "S" else lat
        lon = -lon if lon_ref == "W" else lon
        if not (lat == 0 and lon == 0):  # "null island": a receiver without a fix
            meta.latitude, meta.longitude = lat, lon
    altitude = _safe(lambda: _number(gps.get(GPS_ALT)))
    if altitude is not None and -500 < altitude < 9000:
        below = _safe(lambda: gps.get(GPS_ALT_REF)) in (1, b"\x01")
        meta.altitude_m = -altitude if below else altitude
    direction = _safe(lambda: _number(gps.get(GPS_DIRECTION)))
    if direction is not None and 0 <= direction <= 360:
        meta.bearing_deg = direction % 360
