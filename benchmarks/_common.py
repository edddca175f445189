"""Shared by the benchmark scripts: timing with medians, and how results are printed."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_time(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(name: str, ours: float, baseline: float, target: str, unit: str = "s") -> float:
    ratio = ours / baseline if baseline else float("inf")
    print(f"{name}: ours {ours:.3f} {unit}, baseline {baseline:.3f} {unit}, ratio {ratio:.2f} (target {target})")
    return ratio
