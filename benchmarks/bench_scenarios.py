"""Scenario benchmarks: a lever change to redrawn figures, for each scenario widget."""

from __future__ import annotations

from benchmarks._harness import Result, median_seconds


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

    return [
        Result("scenario run, ten years (compute only)",
               median_seconds(lambda: run_scenario(PolicyLevers()), repeat=101) * 1e3, "ms", 5),
        Result("scenario explorer: lever change to redrawn figure",
               median_seconds(move_lever, repeat=31), "s", 0.1),
        Result("comparison explorer: preset change to redrawn figures",
               median_seconds(change_comparison, repeat=15), "s", 0.1),
        Result("ceiling explorer: demand change to redrawn figure",
               median_seconds(move_demand, repeat=31), "s", 0.1),
    ]
