"""Print copies of photos: decoded at a reduced size, oriented and re-encoded as modest JPEGs.

A 12 MP camera JPEG is 4-8 MB; printed 80 mm wide it needs about 1000 pixels. Embedding the original
makes a report of 20 photos 100 MB and slow to write and to open; the print copy is 100-250 KB. The
JPEG decoder's draft mode does most of the scaling (it decodes at 1/2, 1/4 or 1/8 size), and the
copies are made on several threads (Pillow releases the GIL while decoding and encoding).
"""

from __future__ import annotations

import io
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from fieldkit.photos.images import display_copy

PRINT_SIDE = 1000
"""Pixels on the long side: 80 mm at 317 dpi, sharp on any office printer. 1000 and not 1024: a 12 MP
camera photo (4000 × 3000) then decodes at 1/4 scale in draft mode, four times less work than 1/2."""
PRINT_QUALITY = 75
MAX_COPY_BYTES = 240 * 1024
"""A very detailed photo (foliage, gravel, sensor noise) is encoded again at a lower quality until its
copy fits: reports stay under 300 KB a photo whatever was photographed."""
FALLBACK_QUALITIES = (60, 45, 30)


@dataclass(frozen=True)
class PrintCopy:
    data: bytes
    width: int
    height: int


@dataclass(frozen=True)
class PrintJob:
    key: str
    path: Path
    orientation: int | None


def print_copy(path: Path, orientation: int | None, side: int = PRINT_SIDE) -> PrintCopy:
    """The print copy of the image at ``path``; raises ``OSError`` or ``PhotoError``."""
    with path.open("rb") as source:
        image = display_copy(source, orientation, side)
    if image.mode != "RGB":
        image = image.convert("RGB")
    for quality in (PRINT_QUALITY, *FALLBACK_QUALITIES):
        out = io.BytesIO()
        image.save(out, "JPEG", quality=quality)
        if out.tell() <= MAX_COPY_BYTES:
            break
    return PrintCopy(out.getvalue(), image.width, image.height)


_cache: OrderedDict[tuple[str, int | None], PrintCopy] = OrderedDict()
_cache_lock = threading.Lock()
CACHE_BYTES = 48 * 1024 * 1024
"""Print copies kept in memory: switching a preview's language or saving it reuses them."""


def _cached(key: tuple[str, int | None]) -> PrintCopy | None:
    with _cache_lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
        return found


def _keep(key: tuple[str, int | None], copy: PrintCopy) -> None:
    with _cache_lock:
        _cache[key] = copy
        total = sum(len(c.data) for c in _cache.values())
        while total > CACHE_BYTES and len(_cache) > 1:
            _, dropped = _cache.popitem(last=False)
            total -= len(dropped.data)


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()


def print_copies(
    jobs: Sequence[PrintJob],
    *,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[dict[str, PrintCopy], dict[str, str]]:
    """Print copies of ``jobs`` keyed by ``job.key``, and the reason for each one that failed."""
    copies: dict[str, PrintCopy] = {}
    failed: dict[str, str] = {}
    if not jobs:
        return copies, failed
    workers = workers or min(len(jobs), max(1, (os.cpu_count() or 1)))

    def one(job: PrintJob) -> tuple[str, PrintCopy | None, str | None]:
        # Keyed by the file (content-addressed: its name is its hash) and orientation.
        key = (str(job.path), job.orientation)
        found = _cached(key)
        if found is not None and job.path.is_file():
            return job.key, found, None
        try:
            copy = print_copy(job.path, job.orientation)
            _keep(key, copy)
            return job.key, copy, None
        except Exception as exc:
            return job.key, None, str(exc) or type(exc).__name__

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="print-copy") as pool:
        for done, (key, copy, reason) in enumerate(pool.map(one, jobs), start=1):
            if copy is not None:
                copies[key] = copy
            else:
                failed[key] = reason or ""
            if progress is not None:
                progress(done, len(jobs))
    return copies, failed
