"""Demo GPS tracks: an inspector walking just inside the site boundary at a walking pace.

Generated, not recorded: 1 fix every 2 s at about 1.1 m/s, with a few metres of GPS noise, an
elevation profile, and (for one inspection) a lost fix in a pit that splits the track in two.
"""

from __future__ import annotations

import math
import random
from datetime import datetime, timedelta

from fieldkit.gps.geo import distance
from fieldkit.gps.points import Point, Segment

STEP_S = 2.0
SPEED = 1.1


def _ring(boundary: dict) -> list[tuple[float, float]]:
    ring = boundary["coordinates"][0] if boundary["type"] == "Polygon" else boundary["coordinates"][0][0]
    cx = sum(p[0] for p in ring[:-1]) / (len(ring) - 1)
    cy = sum(p[1] for p in ring[:-1]) / (len(ring) - 1)
    # 8% inside the boundary: the walk stays on the lease, along its edge.
    return [(cx + (x - cx) * 0.92, cy + (y - cy) * 0.92) for x, y in ring]


def walk(boundary: dict, start: datetime, end: datetime | None, seed: str, gap: bool = False) -> list[Segment]:
    rng = random.Random(seed)
    duration = ((end or start + timedelta(hours=2)) - start).total_seconds()
    steps = int(duration / STEP_S)
    ring = _ring(boundary)
    legs = [
        (ring[i], ring[i + 1], distance(ring[i][1], ring[i][0], ring[i + 1][1], ring[i + 1][0]))
        for i in range(len(ring) - 1)
    ]
    perimeter = sum(leg[2] for leg in legs)
    offset = rng.uniform(0, perimeter)
    segments = [Segment()]
    gap_at = range(int(steps * 0.55), int(steps * 0.6)) if gap else range(0)
    t0 = start.timestamp()
    drift_n = drift_e = 0.0
    for i in range(steps):
        if i in gap_at:
            if len(segments[-1]):
                segments.append(Segment())
            continue
        along = (offset + i * STEP_S * SPEED) % perimeter
        for (x1, y1), (x2, y2), length in legs:
            if along <= length:
                f = along / length if length else 0.0
                lon, lat = x1 + (x2 - x1) * f, y1 + (y2 - y1) * f
                break
            along -= length
        # GPS error drifts slowly (a few metres), it does not jump independently at every fix.
        drift_n = 0.97 * drift_n + rng.gauss(0, 0.35)
        drift_e = 0.97 * drift_e + rng.gauss(0, 0.35)
        lat += drift_n / 111_320
        lon += drift_e / (111_320 * math.cos(math.radians(lat)))
        ele = 850 + 25 * math.sin(i / 700) + rng.gauss(0, 0.8)
        segments[-1].append(Point(lat, lon, ele, t0 + i * STEP_S, rng.uniform(0.7, 1.6), rng.randint(7, 12), 1))
    return [s for s in segments if len(s)]
