"""Opening photos safely, and making thumbnails and display copies fast.

Only the formats we expect are opened (JPEG, its multi-picture variant MPO, PNG, and HEIC/HEIF from
phones through pillow-heif); a file's name or suffix decides nothing. The pixel count is checked from
the header before anything is decoded, so a small file declaring a huge image (a decompression bomb)
is refused with a clear message instead of filling the memory.

Thumbnails use JPEG draft mode (the decoder scales by 1/2, 1/4 or 1/8 while decoding: 2-4 times
faster than a full decode) and apply the EXIF orientation after downscaling (turning 320 pixels is
far cheaper than turning 12 million).
"""

from __future__ import annotations

import io
import threading
import warnings
from typing import BinaryIO

from PIL import Image

from fieldkit.i18n import translate

MAX_PIXELS = 120_000_000
"""Largest image accepted: phones with 108-200 MP sensors write 12-50 MP unless told otherwise."""
MAX_FULL_DECODE_PIXELS = 40_000_000
"""Largest PNG or HEIC accepted (decoded in full: no draft mode for them)."""
THUMB_SIDE = 320
FORMATS = ("JPEG", "PNG", "HEIF")  # the JPEG opener also returns multi-picture (MPO) files
MEDIA_TYPES = {"JPEG": "image/jpeg", "MPO": "image/jpeg", "PNG": "image/png", "HEIF": "image/heic"}

# We check the pixel count ourselves with a clear message; Pillow's own check stays as a backstop
# (it raises above twice its limit) and its warning below that would only be noise.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)

_heif_lock = threading.Lock()
_heif_ready = False


class PhotoError(ValueError):
    """A file that is not an image we can take; the message says why."""


def _register_heif() -> None:
    global _heif_ready
    with _heif_lock:
        if not _heif_ready:
            Image.init()  # load every plugin now: open(formats=...) looks them up by name
            try:
                from pillow_heif import register_heif_opener

                register_heif_opener()
            except ImportError:  # HEIC is optional: JPEG and PNG still work
                pass
            _heif_ready = True


def open_image(source: bytes | BinaryIO) -> Image.Image:
    """Open from bytes or a binary file, header only; refuse unexpected formats and bombs."""
    _register_heif()
    handle = io.BytesIO(source) if isinstance(source, bytes | bytearray) else source
    try:
        image = Image.open(handle, formats=[f for f in FORMATS if f in Image.OPEN])
    except Image.DecompressionBombError:
        raise PhotoError(translate("Photos", "the image declares too many pixels (a decompression bomb?)")) from None
    except Image.UnidentifiedImageError:
        raise PhotoError(translate("Photos", "not a JPEG, PNG or HEIC image")) from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise PhotoError(translate("Photos", "the image cannot be read: {reason}").format(reason=exc)) from None
    width, height = image.size
    if width <= 0 or height <= 0:
        raise PhotoError(translate("Photos", "the image has no pixels"))
    # JPEGs are decoded at a reduced scale (draft mode), so their memory stays small whatever their
    # size; PNG and HEIC are decoded in full, so they get a lower limit (40 MP RGBA is 160 MB).
    limit = MAX_PIXELS if image.format in ("JPEG", "MPO") else MAX_FULL_DECODE_PIXELS
    if width * height > limit:
        raise PhotoError(
            translate(
                "Photos", "the image declares {width} × {height} pixels ({mp:.0f} MP); the limit is {limit} MP"
            ).format(width=width, height=height, mp=width * height / 1e6, limit=limit // 1_000_000)
        )
    return image


_TRANSPOSE = {
    2: (Image.Transpose.FLIP_LEFT_RIGHT,),
    3: (Image.Transpose.ROTATE_180,),
    4: (Image.Transpose.FLIP_TOP_BOTTOM,),
    5: (Image.Transpose.TRANSPOSE,),
    6: (Image.Transpose.ROTATE_270,),
    7: (Image.Transpose.TRANSVERSE,),
    8: (Image.Transpose.ROTATE_90,),
}


def orient(image: Image.Image, orientation: int | None) -> Image.Image:
    """Apply an EXIF orientation (1-8) to an already decoded image."""
    for step in _TRANSPOSE.get(orientation or 1, ()):
        image = image.transpose(step)
    return image


def reduced(image: Image.Image, side: int) -> Image.Image:
    """Decode at a reduced size: JPEG draft mode first (the decoder scales), then a good resample."""
    if image.format in ("JPEG", "MPO"):
        # Ask for the box the image will fill, not a square: Pillow picks the draft scale from the
        # smaller ratio, so a square box halves where a quarter would do (4000 × 3000 to 1000 px).
        width, height = image.size
        box = (side, max(1, side * height // width)) if width >= height else (max(1, side * width // height), side)
        image.draft("RGB", box)
    try:
        image.thumbnail(
            (side, side), Image.Resampling.BILINEAR if image.format in ("JPEG", "MPO") else Image.Resampling.LANCZOS
        )
    except (OSError, ValueError, SyntaxError) as exc:
        message = str(exc)
        if "truncated" in message:
            raise PhotoError(translate("Photos", "the image file is truncated (incomplete copy?)")) from None
        raise PhotoError(translate("Photos", "the image cannot be decoded: {reason}").format(reason=message)) from None
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    return image


def thumbnail(image: Image.Image, orientation: int | None, side: int = THUMB_SIDE) -> bytes:
    """A JPEG thumbnail, oriented, at most ``side`` pixels on its long side."""
    small = orient(reduced(image, side), orientation)
    out = io.BytesIO()
    small.save(out, "JPEG", quality=80, optimize=False)
    return out.getvalue()


def display_copy(data: bytes | BinaryIO, orientation: int | None, side: int) -> Image.Image:
    """A decoded, oriented copy no larger than ``side`` (for the viewer and for reports)."""
    image = open_image(data)
    result = orient(reduced(image, side), orientation)
    result.load()  # decoded now, while the source is still open (a small photo may need no resize)
    return result


def ensure_decodable(image: Image.Image) -> None:
    """Force a (reduced) decode: truncated or corrupt data fails here, not later in the gallery."""
    reduced(image, THUMB_SIDE)


__all__ = ["FORMATS", "MAX_PIXELS", "MEDIA_TYPES", "PhotoError", "display_copy", "open_image", "orient", "thumbnail"]
