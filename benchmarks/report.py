"""Reports with many photos: ours vs reportlab embedding the original JPEGs with its defaults (target ours
at least 20× faster, PDF ≤ 300 KB per photo).

Makes 20 camera-like 12 MP JPEGs (4000 × 3000, 3-5 MB each, with EXIF), imports them into an inspection of a
demo store, then measures in one run, with the files warm in the page cache:
- ours: ``inspection_report`` of that inspection (whole report: header, summary, map, checklist results,
  the 20 photos as print copies made on 2 threads, sign-off);
- baseline: a reportlab document of the same 20 photos, one per page at the same printed size with a
  caption, each ``Image(path)`` of the original file, reportlab's defaults (ASCII85 on). Run in a child
  process twice: as ``pip install reportlab`` leaves it (no C accelerator) and with ``rl_accel`` when that
  is installed (it makes ASCII85 about 7× faster).

    python benchmarks/report.py [--count 20] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))  # the photo maker lives with the tests

from tests.photos.makers import photo_12mp  # noqa: E402

from _common import report  # noqa: E402
from fieldkit import services  # noqa: E402
from fieldkit.demo import seed_demo  # noqa: E402
from fieldkit.reports import printphotos  # noqa: E402
from fieldkit.reports.inspection import inspection_report  # noqa: E402
from fieldkit.store import Store  # noqa: E402

BASELINE = r"""
import sys, time
if sys.argv[1] == "plain":
    sys.modules["_rl_accel"] = None  # as a plain `pip install reportlab` has it
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate
from reportlab import rl_config
paths = sys.argv[3:]
style = getSampleStyleSheet()["Normal"]
start = time.perf_counter()
story = []
for path in paths:
    story += [Image(path, width=86 * mm, height=64.5 * mm), Paragraph(path.rsplit("/", 1)[-1], style)]
SimpleDocTemplate(sys.argv[2], pagesize=A4).build(story)
print(time.perf_counter() - start, rl_config.useA85)
"""


def baseline(paths: list[Path], out: Path, variant: str) -> float:
    done = subprocess.run(
        [sys.executable, "-c", BASELINE, variant, str(out), *map(str, paths)], capture_output=True, text=True
    )
    if done.returncode:
        raise SystemExit(f"baseline ({variant}) failed:\n{done.stderr}")
    seconds, a85 = done.stdout.split()
    assert a85 == "1", "the baseline must use reportlab's defaults"
    return float(seconds)


def has_rl_accel() -> bool:
    try:
        import _rl_accel  # noqa: F401
    except ImportError:
        return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3, help="runs of ours (median); the baseline runs once")
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
        with Store.open(work / "data") as store:
            seed_demo(store)
            site = services.get_site(store, "SDK")
            iid = services.create_inspection(store, site.id, title="Photo-heavy walk-over").created_id
            result = services.photos.import_photos(store, paths, iid, workers=2)
            assert result.count("imported") == len(paths)
            for path in paths:
                path.read_bytes()  # warm the page cache for both sides
            times, out = [], work / "ours.pdf"
            for _ in range(args.repeat):
                printphotos.clear_cache()  # cold: every photo decoded and downscaled again
                begin = time.perf_counter()
                built = inspection_report(store, iid, out)
                times.append(time.perf_counter() - begin)
            ours = statistics.median(times)
        ours_size = out.stat().st_size
        print(f"ours: {built.pages} pages, {ours_size / 1e6:.2f} MB, {ours_size / 1024 / len(paths):.0f} KB per photo")
        variants = ["plain"] + (["rl_accel"] if has_rl_accel() else [])
        for variant in variants:
            target = work / f"baseline-{variant}.pdf"
            seconds = baseline(paths, target, variant)
            size = target.stat().st_size
            print(
                f"baseline ({variant}): {seconds:.2f} s, {size / 1e6:.1f} MB, "
                f"{size / 1024 / len(paths):.0f} KB per photo"
            )
            ratio = report(
                f"report with {len(paths)} photos vs reportlab defaults ({variant})", ours, seconds, "≤ 0.05"
            )
            print(f"  = {1 / ratio:.1f}× faster (target ≥ 20×)")
        per_photo = ours_size / 1024 / len(paths)
        print(f"PDF size per photo: {per_photo:.0f} KB (target ≤ 300 KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
