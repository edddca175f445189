"""Print copies of photos: small, oriented, capped in size, cached, and failures reported per photo."""

from __future__ import annotations

import os
from pathlib import Path

from PIL import Image

from fieldkit.reports import printphotos
from fieldkit.reports.printphotos import MAX_COPY_BYTES, PRINT_SIDE, PrintJob, print_copies, print_copy


def _jpeg(path: Path, size: tuple[int, int], noise: bool = False) -> Path:
    if noise:
        image = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    else:
        image = Image.linear_gradient("L").resize(size).convert("RGB")
    image.save(path, "JPEG", quality=92)
    return path


def test_a_camera_photo_becomes_a_small_print_copy(tmp_path: Path):
    copy = print_copy(_jpeg(tmp_path / "a.jpg", (4000, 3000)), 1)
    assert (copy.width, copy.height) == (PRINT_SIDE, 750)
    assert copy.data[:2] == b"\xff\xd8" and len(copy.data) < 100 * 1024


def test_orientation_is_applied(tmp_path: Path):
    copy = print_copy(_jpeg(tmp_path / "a.jpg", (4000, 3000)), 6)  # camera held upright
    assert (copy.width, copy.height) == (750, PRINT_SIDE)


def test_even_pure_noise_stays_under_the_cap(tmp_path: Path):
    # Nothing compresses worse than noise; already at print size, nothing averages it out.
    copy = print_copy(_jpeg(tmp_path / "noise.jpg", (PRINT_SIDE, 750), noise=True), 1)
    assert len(copy.data) <= MAX_COPY_BYTES


def test_failures_are_reported_per_photo_and_copies_are_reused(tmp_path: Path):
    printphotos.clear_cache()
    good = _jpeg(tmp_path / "good.jpg", (1600, 1200))
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 broken")
    jobs = [PrintJob("g", good, 1), PrintJob("b", bad, 1), PrintJob("m", tmp_path / "missing.jpg", 1)]
    seen: list[tuple[int, int]] = []
    copies, failed = print_copies(jobs, progress=lambda done, total: seen.append((done, total)))
    assert set(copies) == {"g"} and set(failed) == {"b", "m"}
    assert "No such file" in failed["m"]
    assert seen[-1] == (3, 3)
    again, _ = print_copies([PrintJob("g", good, 1)])
    assert again["g"] is copies["g"]  # from the cache, not decoded again
    good.unlink()
    _, failed = print_copies([PrintJob("g", good, 1)])
    assert "g" in failed  # a cached copy is never printed for a file that is gone
