"""GPX import into the store vs ``gpxpy.parse`` alone, time and peak memory (DESIGN.md targets:
time ≤ 0.5×, peak memory ≤ 0.35× of gpxpy's and flat in file size).

Generates 100k- and 1M-point GPX files (1 Hz walking around a mine site, with elevation, time and
hdop), then measures each operation in a fresh process: wall time, and the growth of the process's
peak resident memory over its size just before the operation (imports done), so that both include
what C extensions allocate.

    python benchmarks/gpx_import.py [--sizes 100000 1000000] [--skip-gpxpy-above N]
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
which, path, data = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
if which == "gpxpy":
    import gpxpy
else:
    from fieldkit import services
    store = services.open_store(Path(data))
def rss_kb():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
before = rss_kb()
start = time.perf_counter()
if which == "gpxpy":
    with path.open(encoding="utf-8") as fh:
        gpx = gpxpy.parse(fh)
    points = sum(len(s.points) for t in gpx.tracks for s in t.segments)
else:
    result = services.tracks.import_track_file(store, path)
    points = sum(t.points for t in result.tracks)
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": elapsed, "peak_growth_mb": max(0, peak - before) / 1024, "points": points}))
"""


def generate(path: Path, points: int) -> None:
    start = datetime(2026, 11, 1, 3, 0, tzinfo=UTC)
    lat0, lon0 = 29.2633, 61.5717
    with path.open("w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        fh.write('<gpx version="1.1" creator="FieldKit benchmark" xmlns="http://www.topografix.com/GPX/1/1">\n')
        fh.write("<trk><name>A week of logging</name>\n")
        per_segment = 50_000
        for i in range(points):
            if i % per_segment == 0:
                if i:
                    fh.write("</trkseg>\n")
                fh.write("<trkseg>\n")
            a = i / 3600.0
            lat = lat0 + 0.01 * math.sin(a) + (i % 7) * 1e-6
            lon = lon0 + 0.01 * math.cos(a) + (i % 5) * 1e-6
            ele = 850 + 20 * math.sin(a * 3)
            t = (start + timedelta(seconds=i)).strftime("%Y-%m-%dT%H:%M:%SZ")
            fh.write(
                f'<trkpt lat="{lat:.7f}" lon="{lon:.7f}"><ele>{ele:.1f}</ele><time>{t}</time>'
                f"<hdop>{0.8 + (i % 10) / 10:.1f}</hdop></trkpt>\n"
            )
        fh.write("</trkseg>\n</trk>\n</gpx>\n")


def measure(which: str, path: Path, data: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, which, str(path), str(data)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = Path(tmp, f"track-{size}.gpx")
            generate(path, size)
            ours = measure("fieldkit", path, Path(tmp, f"store-{size}"))
            ref = measure("gpxpy", path, Path(tmp, "unused"))
            assert ours["points"] == ref["points"] == size, (ours, ref)
            results[size] = (ours, ref)
            mb = path.stat().st_size / 1e6
            print(
                f"{size:>9,} points ({mb:.0f} MB): import into the store {ours['seconds']:.2f} s, "
                f"gpxpy.parse {ref['seconds']:.2f} s, time ratio {ours['seconds'] / ref['seconds']:.2f} "
                "(target ≤ 0.5)"
            )
            print(
                f"{'':>9}  peak memory growth: ours {ours['peak_growth_mb']:.1f} MB, "
                f"gpxpy {ref['peak_growth_mb']:.1f} MB, ratio "
                f"{ours['peak_growth_mb'] / max(ref['peak_growth_mb'], 0.1):.3f} (target ≤ 0.35)"
            )
            path.unlink()
    if len(results) > 1:
        sizes = sorted(results)
        small, big = results[sizes[0]][0], results[sizes[-1]][0]
        print(
            f"our peak memory from {sizes[0]:,} to {sizes[-1]:,} points: {small['peak_growth_mb']:.1f} MB -> "
            f"{big['peak_growth_mb']:.1f} MB (flat means bounded by the chunk size, not the file size)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
