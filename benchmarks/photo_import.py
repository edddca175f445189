"""Photo import: ours vs a Pillow draft thumbnail + SHA-256 alone (target ratio ≤ 1.3), and 2 workers vs 1
(target speedup ≥ 1.7).

Generates camera-like 12 MP JPEGs (4000 × 3000, gradients under sensor-like noise, 3-5 MB each, EXIF with
time, offset, camera and orientation, GPS on every third), then measures in one run, with the files warm in
the page cache:
- ours: ``services.photos.import_photos`` into a fresh store (read, hash, open, EXIF, draft thumbnail,
  original written to the blob store with fsync, row committed), with 1 worker and with 2;
- baseline: for each file read the bytes, SHA-256, ``Image.open``, ``draft``, ``thumbnail`` to 320 px; one
  thread, nothing stored.

    python benchmarks/photo_import.py [--count 100] [--repeat 1]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))  # the photo maker lives with the tests

from PIL import Image  # noqa: E402
from tests.photos.makers import photo_12mp  # noqa: E402

from _common import report  # noqa: E402
from fieldkit.services import photos  # noqa: E402
from fieldkit.store import Store  # noqa: E402

THUMB = 320


def baseline(paths: list[Path]) -> float:
    start = time.perf_counter()
    for path in paths:
        data = path.read_bytes()
        hashlib.sha256(data).hexdigest()
        image = Image.open(io.BytesIO(data))
        image.draft("RGB", (THUMB, THUMB))
        image.thumbnail((THUMB, THUMB))
    return time.perf_counter() - start


def ours(paths: list[Path], work: Path, workers: int) -> float:
    data_dir = Path(tempfile.mkdtemp(dir=work, prefix=f"store-{workers}w-"))
    try:
        with Store.open(data_dir) as store:
            start = time.perf_counter()
            result = photos.import_photos(store, paths, workers=workers)
            elapsed = time.perf_counter() - start
        assert result.count("imported") == len(paths), [r for r in result.results if r.status != "imported"][:3]
        return elapsed
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=1, help="rounds of the three measurements (medians)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        start = time.perf_counter()
        paths = photo_12mp(work / "DCIM", args.count)
        sizes = [p.stat().st_size / 1e6 for p in paths]
        print(
            f"{len(paths)} photos of 4000 × 3000, {min(sizes):.1f}-{max(sizes):.1f} MB each "
            f"({sum(sizes):.0f} MB), made in {time.perf_counter() - start:.0f} s"
        )
        for path in paths:  # warm the page cache: every variant reads from memory
            path.read_bytes()
        times: dict[str, list[float]] = {"baseline": [], "ours 1 worker": [], "ours 2 workers": []}
        for _ in range(args.repeat):
            times["baseline"].append(baseline(paths))
            times["ours 1 worker"].append(ours(paths, work, 1))
            times["ours 2 workers"].append(ours(paths, work, 2))
        base, one, two = (statistics.median(times[k]) for k in times)
        n = len(paths)
        for name, value in zip(times, (base, one, two), strict=True):
            print(f"{name:>15}: {value:6.2f} s, {value / n * 1000:6.1f} ms per photo")
        report("import (1 worker) vs draft thumbnail + sha256", one, base, "≤ 1.3")
        report("import (2 workers, the default) vs draft thumbnail + sha256 (1 thread)", two, base, "≤ 1.3")
        print(f"2 workers vs 1: speedup {one / two:.2f} (target ≥ 1.7)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
