"""Benchmarks for the toy models (issue 4): ``python -m benchmarks models``.

- the mean-field model: one default run (20 years, dt 0.1), goal < 10 ms, so the scenario widget
  can redraw within 0.1 s; and a 100-setting lever sweep in one vectorised call;
- the regime map (issue 16): 40 x 40 settings of rivalry and surprise, 200 years each (dt 0.2)
  plus a twin run over the 100-year tail for the Lyapunov exponent, goal < 2 s;
- the fractal agent-based model: 10,000 staff x 200 steps, goal < 1 s;
- the Mesa peer (``benchmarks/mesa_agents.py``, the same rules written with Mesa): 1,000 staff x
  200 steps, the speed ratio (goal >= 50x), and a check that both give the same distributions of
  final mixes: two-sample Kolmogorov-Smirnov tests on each mode's final share, agents pooled over
  several seeds (p-value, goal >= 0.01), and the largest difference of mean shares (goal < 0.01).
  Without Mesa installed these lines print as skipped.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

import numpy as np

from benchmarks._harness import Result, median_seconds
from coordkit.models import agents, dynamics, regimes

MESA_STRUCTURE = agents.Structure(ics=2, providers=5, teams=10, staff=10)  # 1,000 staff
BIG_STRUCTURE = agents.Structure(ics=5, providers=5, teams=20, staff=20)  # 10,000 staff
STEPS = 200
SEEDS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class Skipped(Result):
    """A figure that could not be measured here; prints the reason instead of a value."""

    reason: str = ""

    def passes(self, on_cpu: bool = False) -> bool:
        return True

    def line(self, on_cpu: bool = False) -> str:
        return f"{self.name}: skipped ({self.reason})"


def _mean_field() -> list[Result]:
    default = median_seconds(lambda: dynamics.simulate(dynamics.Levers()), repeat=51, warmup=3)
    settings = [
        dynamics.Levers(support_hierarchy=u, demand=d)
        for u in np.linspace(0, 1, 10) for d in np.linspace(0.5, 2.0, 10)
    ]
    swept = median_seconds(lambda: dynamics.sweep(settings), repeat=11, warmup=1)
    return [
        Result("models: mean-field default run (20 years, dt 0.1)", default * 1e3, "ms", 10),
        Result("models: mean-field sweep of 100 lever settings", swept * 1e3, "ms", 100),
    ]


def _regime_map() -> Result:
    xs, ys = np.linspace(0, 2, 40), np.linspace(0, 3, 40)
    seconds = median_seconds(lambda: regimes.regime_map("rivalry", xs, "surprise", ys),
                             repeat=3, warmup=1)
    return Result("models: regime map 40 x 40 (rivalry x surprise, 200 years)", seconds, "s", 2.0)


def _agents() -> Result:
    seconds = median_seconds(
        lambda: agents.simulate(BIG_STRUCTURE, steps=STEPS, seed=0), repeat=5, warmup=1)
    return Result("models: agents 10,000 staff x 200 steps (numpy)", seconds, "s", 1.0)


def _mesa_names(detail: str = "") -> list[str]:
    return [
        f"models: agents 1,000 x 200 numpy speed-up over Mesa{detail}",
        "models: Mesa vs numpy final shares, KS p-value (min over modes)",
        "models: Mesa vs numpy final shares, largest mean difference",
    ]


def _mesa() -> list[Result]:
    try:
        import mesa

        from benchmarks.mesa_agents import run_mesa
    except ImportError as error:
        return [Skipped(name, float("nan"), "", 0.0, reason=f"Mesa not importable: {error}")
                for name in _mesa_names()]
    from scipy.stats import ks_2samp

    levers = agents.AgentLevers()
    mesa_times, mesa_final = [], []
    for seed in SEEDS:
        start = time.perf_counter()
        model = run_mesa(MESA_STRUCTURE, levers, steps=STEPS, seed=seed)
        mesa_times.append(time.perf_counter() - start)
        mesa_final.append(model.final_mixes())
    mesa_seconds = statistics.median(mesa_times)
    numpy_seconds = median_seconds(  # wall, as Mesa's time is
        lambda: agents.simulate(MESA_STRUCTURE, levers, steps=STEPS, seed=0), repeat=21, warmup=2).wall
    numpy_final = [
        agents.simulate(MESA_STRUCTURE, levers, steps=STEPS, seed=100 + seed).final_mixes
        for seed in SEEDS
    ]
    a, b = np.concatenate(mesa_final), np.concatenate(numpy_final)
    p_values = [ks_2samp(a[:, k], b[:, k]).pvalue for k in range(4)]
    mean_gap = float(np.abs(a.mean(axis=0) - b.mean(axis=0)).max())
    names = _mesa_names(
        f" (Mesa {mesa.__version__} {mesa_seconds:.3g} s, numpy {numpy_seconds * 1e3:.3g} ms)")
    return [
        Result(names[0], mesa_seconds / numpy_seconds, "x", 50.0, higher_is_better=True),
        Result(names[1], float(min(p_values)), "p", 0.01, higher_is_better=True),
        Result(names[2], mean_gap, "share", 0.01),
    ]


def run() -> list[Result]:
    return [*_mean_field(), _regime_map(), _agents(), *_mesa()]
