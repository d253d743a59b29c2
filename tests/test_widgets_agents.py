"""Drive the fractal systems explorer over every control, at small sizes so the tests stay fast.

ipywidgets swallows exceptions raised inside callbacks, so only direct tests like these see them.
"""

import inspect
import math

import numpy as np
import pytest

from coordkit.html import escape
from coordkit.models import agents
from coordkit.models.agents import (
    LEVELS,
    PRESETS,
    AgentLevers,
    Structure,
    configurations_by_level,
    fractal_verdict,
)
from coordkit.widgets.agents import AUTO_RUN_LIMIT, CUSTOM, AgentExplorer

SMALL = Structure(ics=1, providers=2, teams=3, staff=4)


@pytest.fixture(scope="module")
def explorer():
    return AgentExplorer(SMALL, steps=20)


def assert_consistent(explorer):
    run = explorer.run
    assert run.structure == explorer.structure
    assert run.steps == explorer.steps.value
    assert run.levers == explorer.levers
    for level in LEVELS:
        shares = run.shares[level]
        assert np.all(np.isfinite(shares)) and np.allclose(shares.sum(axis=-1), 1.0)
    assert np.all((run.level_balance() >= 0) & (run.level_balance() <= 1 + 1e-12))
    assert explorer.verdict == fractal_verdict(run)
    assert explorer.configurations == configurations_by_level(run)
    assert explorer.verdict in explorer.summary.value
    assert explorer._figure.get_suptitle().endswith(explorer.verdict)
    assert explorer.progress.value == 100 and explorer.progress.bar_style == "success"
    assert explorer.png[:8] == b"\x89PNG\r\n\x1a\n"  # shown as <img alt> (the explorer base)
    assert explorer.image.value.startswith('<img class="coordkit-image" alt="Figure: ')
    assert escape(explorer.description.splitlines()[-1]) in explorer.details.value
    assert math.isfinite(explorer.last_run_seconds)


def test_starts_with_the_fractal_claim_holding(explorer):
    assert explorer.preset.value == "fractal balance"
    assert explorer.levers == PRESETS["fractal balance"](SMALL)
    assert explorer.verdict == "Evenly mixed at every level: here an even mix carries across the levels."
    assert_consistent(explorer)


def test_controls_are_labelled():
    e = AgentExplorer(SMALL, steps=20, auto_run=False)
    for control in [*e.sizes.values(), *e.sliders.values(), e.steps, e.seed, e.sweep_points,
                    e.sweep_seeds, e.sweep_range]:
        assert control.description
    for control in [*e.sizes.values(), *e.sliders.values(), e.run_button, e.sweep_button]:
        assert control.tooltip
    assert set(e.sliders) == set(AgentLevers.specs())


@pytest.mark.parametrize("name", list(AgentLevers.specs()))
def test_every_lever_slider_over_its_whole_range(explorer, name):
    explorer.set_preset(CUSTOM)
    slider = explorer.sliders[name]
    for value in np.arange(slider.min, slider.max + 1e-9, slider.step):
        slider.value = float(value)
        assert getattr(explorer.run.levers, name) == pytest.approx(value)
        assert_consistent(explorer)
    explorer.set_preset("fractal balance")


@pytest.mark.parametrize("name", ["ics", "providers", "teams", "staff"])
def test_every_size_over_its_whole_range(name):
    e = AgentExplorer(Structure(1, 1, 2, 2), steps=20)
    slider = e.sizes[name]
    for value in range(slider.min, slider.max + 1):
        slider.value = value
        assert getattr(e.run.structure, name) == value
        assert e.run.shares["team"].shape[1] == e.structure.count("team")
        assert_consistent(e)


def test_steps_and_seed_over_their_ranges(explorer):
    for steps in range(explorer.steps.min, explorer.steps.max + 1, explorer.steps.step):
        explorer.steps.value = steps
        assert explorer._figure.axes[3].get_xlim() == (0.0, steps)
        assert_consistent(explorer)
    explorer.steps.value = 20
    finals = set()
    for seed in range(explorer.seed.min, explorer.seed.max + 1):
        explorer.seed.value = seed
        same = agents.simulate(explorer.structure, explorer.levers, steps=20, seed=seed)
        assert np.array_equal(explorer.run.final_mixes, same.final_mixes)
        finals.add(float(explorer.run.final_mixes[0, 0]))
        assert_consistent(explorer)
    assert len(finals) == explorer.seed.max + 1
    explorer.seed.value = 0


@pytest.mark.parametrize("preset", [CUSTOM, *PRESETS])
def test_every_preset_sets_the_levers_and_the_verdict(explorer, preset):
    explorer.set_preset(preset)
    expected = AgentLevers() if preset == CUSTOM else PRESETS[preset](SMALL)
    assert explorer.levers == expected
    assert_consistent(explorer)
    disabled = {n for n, s in explorer.sliders.items() if s.disabled}
    per_unit = {n for n, v in expected.to_dict().items()
                if isinstance(v, tuple) and n != "leanings"}
    assert disabled == per_unit
    if preset == "balanced team in a monoculture system":
        assert "team autonomy (0 to 1 across units)" in explorer.preset_note.value
        assert explorer.verdict.startswith("1 evenly mixed team inside a system that is not")
    if preset == "balanced nation of monoculture teams":
        assert escape("each team's own leaning") in explorer.preset_note.value
        assert explorer.verdict == \
            ("An evenly mixed nation built of monoculture teams: an even mix does not carry "
             "across levels here.")
    explorer.set_preset("fractal balance")


def test_a_slider_moved_after_a_preset_applies_on_top_of_it(explorer):
    explorer.set_preset("balanced team in a monoculture system")
    explorer.sliders["central_targets"].value = 0.0
    levers = explorer.run.levers
    assert levers.central_targets == 0.0
    assert levers.autonomy == PRESETS["balanced team in a monoculture system"](SMALL).autonomy
    assert "with central targets 0.00" in explorer.summary.value
    explorer.set_preset("fractal balance")


def test_moving_a_slider_changes_picture_and_words(explorer):
    explorer.set_preset("fractal balance")
    before_image, before_text = explorer.png, explorer.summary.value
    assert "Nation: evenly mixed." in before_text
    explorer.sliders["incentives"].value = 1.0
    assert explorer.png != before_image and explorer.summary.value != before_text
    assert "Nation: evenly mixed." not in explorer.summary.value
    explorer.set_preset("fractal balance")


def test_without_auto_run_changes_wait_for_the_run_button():
    e = AgentExplorer(SMALL, steps=20, auto_run=False)
    first = e.run
    e.sliders["overload"].value = 0.8
    assert e.run is first and "press Run" in e.status.value and e.progress.value == 0
    e.run_button.click()
    assert e.run is not first and e.run.levers.overload == 0.8
    assert_consistent(e)


def test_big_models_wait_for_the_run_button_even_with_auto_run():
    e = AgentExplorer(SMALL, steps=20)
    first = e.run
    e.sizes["staff"].value = e.sizes["staff"].max
    e.sizes["teams"].value = e.sizes["teams"].max
    e.sizes["providers"].value = e.sizes["providers"].max  # 1 x 8 x 12 x 30 = 2,880 staff
    assert e.run is not first and e.run.structure == e.structure  # still small enough
    e.steps.value = e.steps.max
    assert e.agent_steps > AUTO_RUN_LIMIT
    assert e.run.steps == 20 and "press Run" in e.status.value


def test_progress_follows_the_model_when_it_reports_steps(monkeypatch):
    calls = []
    real = agents.simulate

    def reporting(structure, levers, *, steps, seed, progress):
        for done in range(1, steps + 1):
            progress(done, steps)
            calls.append(done)
        return real(structure, levers, steps=steps, seed=seed)

    assert "progress" in inspect.signature(real).parameters  # the model reports its steps
    monkeypatch.setattr(agents, "simulate", reporting)
    e = AgentExplorer(SMALL, steps=20)
    assert calls == list(range(1, 21)) and e.progress.value == 100


def test_progress_bar_moves_with_the_real_model_during_a_run():
    e = AgentExplorer(SMALL, steps=100, auto_run=False)
    seen = []
    e.progress.observe(lambda change: seen.append(change["new"]), names="value")
    e.update()
    assert seen == sorted(seen) and seen[-1] == 100
    assert len([v for v in seen if 0 < v < 80]) >= 10  # the model reported steps as they ran


def test_sweep_every_lever_and_every_sweep_control():
    e = AgentExplorer(SMALL, steps=20, auto_run=False)
    e.sweep_points.value, e.sweep_seeds.value = 2, 1
    for lever, spec in AgentLevers.specs().items():
        low, high = spec.low, spec.high
        e.sweep_lever.value = lever
        assert e.sweep_range.value == (low, high)
        e.sweep_button.click()
        assert np.allclose(e.sweep_values, [low, high])
        assert e.sweep_balance.shape == (2, 1, 4) and np.all(np.isfinite(e.sweep_balance))
        assert e.sweep_progress.value == e.sweep_progress.max == 2
        assert e.sweep_png[:4] == b"\x89PNG"  # shown as <img alt>, like the main figure
        assert e.sweep_image.value.startswith('<img class="coordkit-image" alt="Figure: ')
        assert lever.replace("_", " ") in e.sweep_description
    e.sweep_lever.value = "autonomy"
    for points in range(e.sweep_points.min, e.sweep_points.max + 1):
        e.sweep_points.value = points
        e.run_sweep()
        assert e.sweep_balance.shape == (points, 1, 4)
    e.sweep_points.value = 3
    for seeds in range(e.sweep_seeds.min, e.sweep_seeds.max + 1):
        e.sweep_seeds.value = seeds
        e.run_sweep()
        assert e.sweep_balance.shape == (3, seeds, 4)
        assert e.sweep_progress.value == 3 * seeds
    e.sweep_range.value = (0.25, 0.75)
    e.run_sweep()
    assert np.allclose(e.sweep_values, [0.25, 0.5, 0.75])


def test_bad_preset_is_refused():
    with pytest.raises(ValueError, match="preset must be one of"):
        AgentExplorer(SMALL, preset="utopia")


def test_no_empty_sweep_image_shows_before_the_first_sweep():
    e = AgentExplorer(SMALL, steps=20, auto_run=False)
    assert e.sweep_image.layout.display == "none" and e.sweep_image.value == ""
    assert e.sweep_png == b""
    assert "No sweep yet" in e.sweep_summary.value
    e.sweep_points.value, e.sweep_seeds.value = 2, 1
    e.run_sweep()
    assert e.sweep_image.layout.display is None and e.sweep_png[:4] == b"\x89PNG"
