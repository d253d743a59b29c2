"""Drive the dynamics explorer as a learner would: every control over its whole range.

ipywidgets swallows exceptions raised inside callbacks, so only direct tests like these see them.
"""

import math
import statistics

import numpy as np
import pytest

from coordkit.html import escape
from coordkit.models.dynamics import LEVER_SPECS, Levers, simulate
from coordkit.widgets.dynamics import LEVER_GROUPS, START_OPTIONS, DynamicsExplorer


@pytest.fixture(scope="module")
def explorer():
    return DynamicsExplorer()


def assert_consistent(explorer):
    run = explorer.run
    assert run.levers == explorer.levers
    s = explorer.summary_values
    for key in ("balance", "evenness", "strength", "malign_share", "fatalism", "outcome"):
        assert math.isfinite(s[key]) and 0 <= s[key] <= 1, key
    assert s["outcome"] <= s["ceiling"] + 1e-12
    assert explorer.configuration == s["configuration"]
    assert f"{explorer.configuration.capitalize()} after {explorer.years.value} years" in \
        explorer.summary.value
    assert explorer._figure.get_suptitle().startswith(f"After {explorer.years.value:g} years: "
                                                      f"{explorer.configuration}")
    assert explorer.png[:8] == b"\x89PNG\r\n\x1a\n"  # shown as <img alt> (the explorer base)
    assert explorer.image.value.startswith('<img class="coordkit-image" alt="Figure: After ')
    assert escape(explorer.description.splitlines()[0]) in explorer.details.value


def test_starts_balanced_at_the_default_levers(explorer):
    assert explorer.levers == Levers()
    assert explorer.configuration == "balanced"
    assert explorer.baseline is not None and explorer.baseline.levers == Levers()
    assert_consistent(explorer)


def test_every_lever_has_a_labelled_slider_in_one_group(explorer):
    grouped = [name for names in LEVER_GROUPS.values() for name in names]
    assert sorted(grouped) == sorted(LEVER_SPECS)
    for name, slider in explorer.sliders.items():
        spec = LEVER_SPECS[name]
        assert (slider.min, slider.max, slider.value) == (spec.low, spec.high, spec.default)
        assert slider.description and spec.help in slider.tooltip


@pytest.mark.parametrize("name", list(LEVER_SPECS))
def test_every_lever_slider_over_its_whole_range(explorer, name):
    slider = explorer.sliders[name]
    for value in np.arange(slider.min, slider.max + 1e-9, slider.step):
        slider.value = float(value)
        assert getattr(explorer.levers, name) == pytest.approx(value)
        assert_consistent(explorer)
    explorer.set_levers(Levers())


def test_years_seed_and_start_over_their_ranges(explorer):
    explorer.set_levers(Levers(noise=0.3))
    for years in range(explorer.years.min, explorer.years.max + 1, explorer.years.step):
        explorer.years.value = years
        assert explorer.run.time[-1] == pytest.approx(years)
        assert explorer.baseline.time[-1] == pytest.approx(years)
        assert explorer._figure.axes[0].get_xlim() == (0.0, years)
        assert_consistent(explorer)
    explorer.years.value = 20
    ends = set()
    for seed in range(explorer.seed.min, explorer.seed.max + 1):
        explorer.seed.value = seed
        assert np.array_equal(explorer.run.fatalism,
                              simulate(explorer.levers, seed=seed).fatalism)
        ends.add(round(float(explorer.run.fatalism[-1]), 12))
        assert_consistent(explorer)
    assert len(ends) > 40  # the seed matters under noise
    for name, profile in START_OPTIONS.items():
        explorer.start.value = name
        assert explorer.initial is profile
        expected = simulate(explorer.levers, profile, seed=explorer.seed.value)
        assert np.allclose(explorer.run.benign, expected.benign)
        assert_consistent(explorer)
    explorer.start.value = next(iter(START_OPTIONS))
    explorer.seed.value = 0
    explorer.set_levers(Levers())


def test_compare_toggles_the_dashed_default_run(explorer):
    explorer.compare.value = False
    assert explorer.baseline is None
    assert not any(":default model parameters" in str(line.get_gid())
                   for line in explorer._figure.axes[0].lines)
    assert "Dashed lines" not in explorer.description
    explorer.compare.value = True
    assert explorer.baseline.levers == Levers()
    assert any(line.get_gid() == "benign:hierarchy:default model parameters"
               for line in explorer._figure.axes[0].lines)
    assert "Dashed lines: default model parameters" in explorer.description


def test_moving_a_slider_changes_picture_and_words(explorer):
    explorer.set_levers(Levers())
    before_image, before_text = explorer.png, explorer.summary.value
    explorer.sliders["support_hierarchy"].value = 1.0
    assert explorer.configuration == "hierarchy monoculture"
    assert "Hierarchy monoculture after 20 years" in explorer.summary.value
    assert explorer.png != before_image and explorer.summary.value != before_text
    explorer.sliders["demand"].value = 2.0
    assert "Demand exceeds capacity" in explorer.summary.value
    assert explorer.run.outcome.max() <= 0.5
    explorer.set_levers(Levers())


def test_reset_button_restores_the_default_levers(explorer):
    explorer.sliders["rivalry"].value = 2.0
    explorer.sliders["capacity"].value = 0.5
    explorer.reset.click()
    assert explorer.levers == Levers()
    assert explorer.configuration == "balanced"


def test_updates_are_fast_enough_for_a_live_slider(explorer):
    times = []
    for value in np.linspace(0, 1, 11):
        explorer.sliders["support_solidarity"].value = float(value)
        times.append(explorer.last_update_seconds)
    explorer.set_levers(Levers())
    # goal < 0.1 s (benchmarks/bench_widgets_models.py); generous here for slow CI machines
    assert statistics.median(times) < 0.25


def test_bad_start_is_refused():
    with pytest.raises(ValueError, match="start must be one of"):
        DynamicsExplorer(start="utopia")


def _sliders_shown(widget) -> list[str]:
    found, stack = [], [widget]
    while stack:
        node = stack.pop()
        if hasattr(node, "children"):
            stack.extend(node.children)
        elif hasattr(node, "min") and hasattr(node, "description"):
            found.append(node.description)
    return found


def test_a_small_explorer_shows_only_the_chosen_lever_and_keeps_the_rest():
    start = Levers(rivalry=2.0, surprise=2.0)
    small = DynamicsExplorer(start, start="traditional public sector", years=150, compare=False,
                             only=["rivalry"])
    assert _sliders_shown(small.widget) == [small.sliders["rivalry"].description]
    assert small.unnamed() == []
    run = simulate(start, START_OPTIONS["traditional public sector"], years=150)
    assert np.array_equal(small.run.strength, run.strength)  # the hidden levers are the given ones
    small.sliders["rivalry"].value = 0.3
    assert small.levers == start.replace(rivalry=0.3)
    assert small.run.settled() and not run.settled()  # lower rivalry: the swings die away
    with pytest.raises(ValueError, match="only must name levers"):
        DynamicsExplorer(only=["nonsense"])
    with pytest.raises(ValueError, match="only must name levers"):
        DynamicsExplorer(only=[])


def test_the_swings_view_draws_the_figure_a_notebook_stores_as_its_static_copy():
    """Student review (issue 19): chapter 5's core explorer draws what its static copy shows (strength and
    allegiance, swings_figure), not the four-panel figure, and redraws it when rivalry moves."""
    from coordkit.plots.regimes import describe_swings

    start = Levers(rivalry=2.0, surprise=2.0)
    swings = DynamicsExplorer(start, start="traditional public sector", years=150, only=["rivalry"],
                              view="swings")
    run = simulate(start, START_OPTIONS["traditional public sector"], years=150)
    assert swings.description == describe_swings(run)
    assert swings.baseline is None and swings.unnamed() == []
    before = swings.png
    swings.sliders["rivalry"].value = 0.3
    assert swings.description == describe_swings(swings.run) != describe_swings(run)
    assert swings.png != before
    assert "Strength and allegiance" in swings.alt
    with pytest.raises(ValueError, match="view must be"):
        DynamicsExplorer(view="map")
