"""Scenario benchmarks: a lever change to redrawn figures, for each scenario widget, and the app's charts."""

from __future__ import annotations

import statistics
import time

from benchmarks._harness import Result, median_seconds


def first_chart_switch_cpu(repeat: int = 3) -> tuple[float, float]:
    """CPU seconds of the scenarios app's start-up, and of the slowest first pick of each chart.

    As in ``apps/scenarios.ipynb``; each repeat starts a fresh app, so every pick is a first.
    CPU, not wall time: the machine is shared.
    """
    from coordkit.plots.dynamics import PANELS
    from coordkit.widgets.scenarios import ScenarioExplorer

    starts, picks = [], []
    for _ in range(repeat):
        start = time.process_time()
        app = ScenarioExplorer("rumoured_2022", layout="app", presenter=True)
        starts.append(time.process_time() - start)
        slowest = 0.0
        for key in [k for k in PANELS if k != app.chart.value]:
            start = time.process_time()
            app.chart.value = key
            slowest = max(slowest, time.process_time() - start)
        picks.append(slowest)
    return statistics.median(starts), statistics.median(picks)


def run() -> list[Result]:
    from coordkit.scenarios import PolicyLevers
    from coordkit.scenarios import run as run_scenario
    from coordkit.widgets.scenarios import CeilingExplorer, ComparisonExplorer, ScenarioExplorer

    explorer = ScenarioExplorer("rumoured_2022")
    comparison = ComparisonExplorer("hsca_2012", "hewitt_2023")
    ceiling = CeilingExplorer("hewitt_2023")
    values = [1.0, 3.0, 5.0, 7.0, 9.0]
    presets = ["founding_1948", "targets_2000", "hsca_2012", "ten_year_plan_2025"]
    state = {"k": 0}

    def move_lever() -> None:
        explorer.sliders["devolution"].value = values[state["k"] % len(values)]
        state["k"] += 1

    def change_comparison() -> None:
        comparison.second.value = presets[state["k"] % len(presets)]
        state["k"] += 1

    def move_demand() -> None:
        ceiling.demand.value = values[state["k"] % len(values)]
        state["k"] += 1

    app_start, first_switch = first_chart_switch_cpu()
    return [
        # 0.4-0.6 s CPU (0.9-1.3 s wall) before the app's charts were made and fitted at start-up
        Result("scenarios app: first chart switch, slowest of the three (CPU)", first_switch, "s", 0.1),
        # 0.7 s CPU before, when each chart was fitted on its first pick instead
        Result("scenarios app: start-up, all four charts ready (CPU)", app_start, "s", 2.5),
        Result("scenario run, ten years (compute only)",
               median_seconds(lambda: run_scenario(PolicyLevers()), repeat=101) * 1e3, "ms", 5),
        Result("scenario explorer: lever change to redrawn figure",
               median_seconds(move_lever, repeat=31), "s", 0.1),
        Result("comparison explorer: preset change to redrawn figures",
               median_seconds(change_comparison, repeat=15), "s", 0.1),
        Result("ceiling explorer: demand change to redrawn figure",
               median_seconds(move_demand, repeat=31), "s", 0.1),
    ]
