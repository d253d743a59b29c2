"""Shared pieces for the benchmarks: a result line, a median timer on two clocks, and the header.

Every timed figure is measured on two clocks in the same runs: wall time (what a learner waits,
on this machine as shared with others) and this process's CPU time (the same work without the
other processes' load). Each line prints both; the header prints the load average, warns when
the 1-minute load exceeds the cores, and says which clock the OK/MISS verdicts are judged on:
CPU time on a loaded machine (wall time there is mostly waiting for other processes), wall time
otherwise.
"""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    """Median wall-clock and process CPU figures of the same runs, in one unit.

    Scales like a number, so ``median_seconds(f) * 1e3`` is a timing in milliseconds.
    """

    wall: float
    cpu: float

    def __mul__(self, factor: float) -> Timing:
        return Timing(self.wall * factor, self.cpu * factor)

    __rmul__ = __mul__


@dataclass(frozen=True)
class Result:
    """One benchmark figure and its goal.

    ``value`` is a number, or a :class:`Timing` (then ``value`` is its wall figure and ``cpu``
    its CPU figure). ``higher_is_better`` flips the comparison for ratios such as speed-ups.
    """

    name: str
    value: float | Timing
    unit: str
    goal: float
    higher_is_better: bool = False
    cpu: float | None = None

    def __post_init__(self) -> None:
        if isinstance(self.value, Timing):
            timing = self.value
            object.__setattr__(self, "value", timing.wall)
            object.__setattr__(self, "cpu", timing.cpu)

    def judged(self, on_cpu: bool = False) -> float:
        """The figure the verdict is judged on: CPU time if asked and measured, else ``value``."""
        return self.cpu if on_cpu and self.cpu is not None else float(self.value)

    def passes(self, on_cpu: bool = False) -> bool:
        figure = self.judged(on_cpu)
        return figure >= self.goal if self.higher_is_better else figure < self.goal

    @property
    def ok(self) -> bool:
        return self.passes(on_cpu=False)

    def line(self, on_cpu: bool = False) -> str:
        """``name: 0.052 s wall, 0.048 s CPU (goal: < 0.1 s) OK`` (one figure when only one was measured)."""
        sign = ">=" if self.higher_is_better else "<"
        verdict = "OK" if self.passes(on_cpu) else "MISS"
        figures = f"{float(self.value):.4g} {self.unit}"
        if self.cpu is not None:
            figures = f"{figures} wall, {self.cpu:.4g} {self.unit} CPU"
        return f"{self.name}: {figures} (goal: {sign} {self.goal:g} {self.unit}) {verdict}"


def median_seconds(func: Callable[[], object], *, repeat: int = 21, warmup: int = 2) -> Timing:
    """Median wall-clock and process CPU seconds of ``func()`` over ``repeat`` runs after ``warmup`` runs."""
    for _ in range(warmup):
        func()
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        func()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return Timing(statistics.median(walls), statistics.median(cpus))


def machine() -> str:
    """A one-line description of the machine the figures come from."""
    return (
        f"{platform.platform()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, {platform.machine()}"
    )


def load_average() -> tuple[float, float, float] | None:
    """The 1-, 5- and 15-minute load averages, or ``None`` where the system does not give them."""
    try:
        return os.getloadavg()
    except (AttributeError, OSError):  # Windows
        return None


def is_loaded(load: tuple[float, float, float] | None, cores: int) -> bool:
    """Whether the 1-minute load exceeds the cores: then wall times wait for other processes."""
    return load is not None and load[0] > cores


def header(load: tuple[float, float, float] | None, cores: int, description: str) -> list[str]:
    """The lines printed before the results: the machine, its load, and the clock verdicts use.

    Examples
    --------
    >>> print("\\n".join(header((5.2, 4.0, 3.1), 2, "a laptop")))
    # machine: a laptop
    # load average: 5.2, 4.0, 3.1 (1, 5, 15 min) on 2 cores
    # results unreliable: load 5.2 on 2 cores
    # OK/MISS judged on CPU time (the machine is loaded: wall time is mostly waiting)
    """
    lines = [f"# machine: {description}"]
    if load is None:
        lines.append(f"# load average: not available on this system ({cores} cores)")
    else:
        one, five, fifteen = load
        lines.append(f"# load average: {one:.1f}, {five:.1f}, {fifteen:.1f} (1, 5, 15 min) on {cores} cores")
    if is_loaded(load, cores):
        assert load is not None
        lines.append(f"# results unreliable: load {load[0]:.1f} on {cores} cores")
        lines.append("# OK/MISS judged on CPU time (the machine is loaded: wall time is mostly waiting)")
    else:
        lines.append("# OK/MISS judged on wall time (the machine is not loaded)")
    return lines
