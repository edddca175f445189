"""Levels of detail of a track: simplified within their bound, segments kept apart, built in slices."""

from __future__ import annotations

import math
import random
from array import array
from itertools import pairwise

import pytest

from fieldkit.gps.geo import to_mercator
from fieldkit.gps.lod import (
    BASE_TOLERANCE_M,
    CHUNK_POINTS,
    Cancelled,
    LevelsBuilder,
    build_levels,
    preview_level,
    project,
    segment_columns,
)
from fieldkit.gps.points import Point, Segment


def walk(n: int, seed: int = 7, lat: float = 29.0, lon: float = 61.5) -> tuple[array, array]:
    """A GPS-like walk: 1.4 m steps, a wandering heading, half a metre of noise."""
    rng = random.Random(seed)
    lats, lons = array("d"), array("d")
    heading = 0.0
    for _ in range(n):
        heading += rng.gauss(0, 0.2)
        lat += (math.cos(heading) * 1.4 + rng.gauss(0, 0.5)) / 111_320
        lon += (math.sin(heading) * 1.4 + rng.gauss(0, 0.5)) / 97_000
        lats.append(lat)
        lons.append(lon)
    return lats, lons


def _distance_to_segment(px, py, ax, ay, bx, by) -> float:
    dx, dy = bx - ax, by - ay
    norm = dx * dx + dy * dy
    t = 0.0 if norm == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / norm))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def _level_points(level) -> tuple[list[float], list[float]]:
    xs, ys = [], []
    for chunk in level.chunks:
        start = 1 if xs and (xs[-1], ys[-1]) == (chunk.xs[0], chunk.ys[0]) else 0
        xs.extend(chunk.xs[start:])
        ys.extend(chunk.ys[start:])
    return xs, ys


def test_projection_matches_to_mercator_and_skips_bad_points():
    xs, ys = project([29.0, float("nan"), 95.0, -33.5], [61.5, 61.0, 61.0, 151.2])
    assert list(zip(xs, ys, strict=True)) == [to_mercator(61.5, 29.0), to_mercator(151.2, -33.5)]


def test_every_level_stays_within_its_bound_of_the_full_track():
    lats, lons = walk(20_000)
    levels = build_levels([(lats, lons)])
    fx, fy = project(lats, lons)
    assert levels.full.points == 20_000
    assert len(levels.levels) > 8
    for level in levels.levels:
        xs, ys = _level_points(level)
        assert level.max_error < 2 * level.tolerance
        # Levels keep a subset of the original points, in order: walk both together.
        j = 0
        worst = 0.0
        for i in range(len(fx)):
            if j + 1 < len(xs) and (fx[i], fy[i]) == (xs[j + 1], ys[j + 1]):
                j += 1
            if j + 1 < len(xs):
                worst = max(worst, _distance_to_segment(fx[i], fy[i], xs[j], ys[j], xs[j + 1], ys[j + 1]))
        assert worst <= level.max_error + 1e-6, level.tolerance
        assert (xs[0], ys[0], xs[-1], ys[-1]) == (fx[0], fy[0], fx[-1], fy[-1])


def test_coarser_levels_have_fewer_points_and_are_chosen_at_half_a_pixel():
    levels = build_levels([walk(20_000)])
    counts = [level.points for level in levels.levels]
    assert counts == sorted(counts, reverse=True) and counts[-1] < counts[0] / 20
    assert levels.level_for(0.5).tolerance == 0.0  # closer than 1 m/pixel: full resolution
    assert levels.level_for(2 * BASE_TOLERANCE_M).tolerance == BASE_TOLERANCE_M
    assert levels.level_for(100.0).tolerance == 32.0
    assert levels.level_for(1e9) is levels.levels[-1]


def test_segments_are_never_joined():
    a = walk(3_000, seed=1, lat=29.0, lon=61.5)
    b = walk(3_000, seed=2, lat=29.3, lon=61.9)  # about 50 km away
    levels = build_levels([a, b])
    for level in [levels.full, *levels.levels]:
        for chunk in level.chunks:
            steps = [math.hypot(x2 - x1, y2 - y1) for x1, y1, x2, y2 in _pairs(chunk)]
            # Even the coarsest level never jumps from one walk to the other inside a chunk.
            assert max(steps, default=0.0) < 30_000
        assert len(level.chunks) >= 2


def _pairs(chunk):
    for i in range(len(chunk) - 1):
        yield chunk.xs[i], chunk.ys[i], chunk.xs[i + 1], chunk.ys[i + 1]


def test_chunks_are_small_and_share_their_joining_points():
    levels = build_levels([walk(1_000)])
    chunks = levels.full.chunks
    assert all(len(c) <= CHUNK_POINTS for c in chunks)
    for left, right in pairwise(chunks):
        assert (left.xs[-1], left.ys[-1]) == (right.xs[0], right.ys[0])
    for c in chunks:
        assert c.bbox == (min(c.xs), min(c.ys), max(c.xs), max(c.ys))


def test_building_in_slices_gives_the_same_levels():
    segment = walk(30_000)
    whole = build_levels([segment])
    builder = LevelsBuilder([segment])
    slices = 0
    while not builder.step(0.001):
        slices += 1
    assert slices > 10
    assert builder.result is not None
    assert [lv.points for lv in builder.result.levels] == [lv.points for lv in whole.levels]
    assert builder.result.bbox == whole.bbox


def test_a_build_can_be_cancelled():
    with pytest.raises(Cancelled):
        build_levels([walk(50_000)], cancel=lambda: True)


def test_preview_samples_each_segment_with_its_ends():
    a, b = walk(50_000, seed=3), walk(10, seed=4, lat=30.0)
    preview = preview_level([a, b], max_points=1_000)
    assert preview.points <= 1_100
    xs, ys = project([a[0][-1], b[0][-1]], [a[1][-1], b[1][-1]])
    ends = {(c.xs[-1], c.ys[-1]) for c in preview.chunks}
    assert {(xs[0], ys[0]), (xs[1], ys[1])} <= ends


def test_segments_may_be_segment_objects_or_column_pairs():
    segment = Segment()
    for i in range(5):
        segment.append(Point(29.0 + i * 1e-4, 61.5))
    lats, lons = segment_columns(segment)
    assert list(lats) == list(segment.lat) and list(lons) == list(segment.lon)
    assert segment_columns(([1.0, 2.0], [3.0, 4.0])) == ([1.0, 2.0], [3.0, 4.0])
    with pytest.raises(ValueError, match="Segment or a pair"):
        segment_columns([(29.0, 61.5), (29.1, 61.6), (29.2, 61.7)])


def test_empty_tracks_have_no_bounds():
    levels = build_levels([([], [])])
    assert levels.bbox is None and levels.levels == [] and levels.full.points == 0
