"""Shared pieces for the benchmarks: a result line and a median timer."""

from __future__ import annotations

import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    """One benchmark figure and its goal.

    ``higher_is_better`` flips the comparison for ratios such as speed-ups.
    """

    name: str
    value: float
    unit: str
    goal: float
    higher_is_better: bool = False

    @property
    def ok(self) -> bool:
        return self.value >= self.goal if self.higher_is_better else self.value < self.goal

    def line(self) -> str:
        sign = ">=" if self.higher_is_better else "<"
        verdict = "OK" if self.ok else "MISS"
        return f"{self.name}: {self.value:.4g} {self.unit} (goal: {sign} {self.goal:g} {self.unit}) {verdict}"


def median_seconds(func: Callable[[], object], *, repeat: int = 21, warmup: int = 2) -> float:
    """Median wall-clock seconds of ``func()`` over ``repeat`` runs after ``warmup`` runs."""
    for _ in range(warmup):
        func()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def machine() -> str:
    """A one-line description of the machine the figures come from."""
    import os

    return (
        f"{platform.platform()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, {platform.machine()}"
    )
