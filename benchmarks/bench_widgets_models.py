"""Benchmarks for the model widgets (issue 4): ``python -m benchmarks widgets_models``.

- the dynamics explorer: one update after a slider move (simulate 20 years, update the figure in
  place, render the PNG, write the summary), median over moves of every lever; goal < 0.1 s;
- the same when the length of the run changes (the time axis moves, so the cached frame is
  redrawn in full): informative, goal < 0.5 s;
- the fractal systems explorer: one run at its default size (2,000 staff x 200 steps: simulate,
  classify every unit at every level, update the figure, render), median over seeds; goal < 0.5 s
  (it runs on every control change, so it should feel immediate);
- its default parameter sweep (5 settings x 3 seeds at the default size, with the plot);
  goal < 3 s.
"""

from __future__ import annotations

import itertools
import statistics

import numpy as np

from benchmarks._harness import Result, median_seconds


def _dynamics() -> list[Result]:
    from coordkit.models.dynamics import LEVER_SPECS
    from coordkit.widgets.dynamics import DynamicsExplorer

    explorer = DynamicsExplorer()
    moves = itertools.cycle([
        (name, float(value)) for name, spec in LEVER_SPECS.items()
        for value in np.linspace(spec.low, spec.high, 5)
    ])
    times = []
    for _ in range(3 * 5 * len(LEVER_SPECS)):
        name, value = next(moves)
        explorer.sliders[name].value = value  # the slider calls update()
        times.append(explorer.last_update_seconds)
    years = itertools.cycle([10, 20, 30, 40])
    longer = []
    for _ in range(12):
        explorer.years.value = next(years)
        longer.append(explorer.last_update_seconds)
    return [
        Result("widgets: dynamics explorer update after a lever move (compute + redraw)",
               statistics.median(times[5:]), "s", 0.1),
        Result("widgets: dynamics explorer update after a change of years (full redraw)",
               statistics.median(longer), "s", 0.5),
    ]


def _agents() -> list[Result]:
    from coordkit.widgets.agents import AgentExplorer

    explorer = AgentExplorer()  # the model's default structure: 2,000 staff, 200 steps
    seeds = itertools.cycle(range(1, 51))

    def run_once() -> None:
        explorer.seed.value = next(seeds)  # auto-run: the slider runs the model

    run_time = median_seconds(run_once, repeat=11, warmup=1)
    sweep_time = median_seconds(explorer.run_sweep, repeat=3, warmup=0)
    return [
        Result(f"widgets: agent explorer run at default size ({explorer.structure.n_agents:,} "
               f"staff x {explorer.steps.value} steps, with redraw)", run_time, "s", 0.5),
        Result(f"widgets: agent explorer default sweep ({explorer.sweep_points.value} settings x "
               f"{explorer.sweep_seeds.value} seeds, with plot)", sweep_time, "s", 3.0),
    ]


def run() -> list[Result]:
    return [*_dynamics(), *_agents()]
