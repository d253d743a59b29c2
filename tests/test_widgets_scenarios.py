"""Drive the scenario widgets over every control, as a learner would, without a browser."""

import math

import numpy as np
import pytest

from coordkit.scenarios import LEVERS, PolicyLevers, load_presets, run
from coordkit.widgets.scenarios import CeilingExplorer, ComparisonExplorer, ScenarioExplorer

PRESETS = load_presets()


@pytest.fixture(scope="module")
def explorer():
    return ScenarioExplorer("rumoured_2022")


def _finite_summary(result):
    for key, value in result.summary().items():
        if key != "configuration":
            assert math.isfinite(value) and 0 <= value <= 1, key


@pytest.mark.parametrize("name", list(LEVERS))
def test_every_lever_slider_over_its_whole_range(explorer, name):
    slider = explorer.sliders[name]
    for value in np.linspace(slider.min, slider.max, 6):
        slider.value = float(value)
        assert getattr(explorer.levers, name) == pytest.approx(slider.value)
        _finite_summary(explorer.result)
        start = PRESETS[explorer.preset.value].initial  # your version starts where the preset does
        assert explorer.result.summary() == run(explorer.levers, initial=start,
                                                years=explorer.years).summary()
        assert explorer.result.summary()["configuration"].capitalize() in explorer.summary.value
        changed = set(explorer.differences["lever"])
        expected = {k for k, v in explorer.levers.to_dict().items()
                    if v != getattr(explorer.baseline.levers, k)}
        assert changed == expected
    explorer.preset.value = "hewitt_2023"
    explorer.preset.value = "rumoured_2022"


def test_choosing_a_preset_moves_every_slider_and_the_figure(explorer):
    before = explorer.image.value
    for preset_id, scenario in PRESETS.items():
        explorer.preset.value = preset_id
        assert explorer.levers == scenario.levers
        assert explorer.differences.empty  # your version = the preset as coded
        assert explorer.baseline.name == scenario.name
        assert explorer.result.summary() == explorer.baseline.summary()
    assert explorer.image.value != before
    explorer.preset.value = "rumoured_2022"


def test_moving_a_lever_changes_text_and_image(explorer):
    explorer.preset.value = "rumoured_2022"
    image, text = explorer.image.value, explorer.summary.value
    explorer.sliders["psychological_safety"].value = 10
    assert explorer.image.value != image and explorer.summary.value != text
    assert "Freedom from blame" in explorer.description
    explorer.preset.value = "hewitt_2023"
    explorer.preset.value = "rumoured_2022"


def test_sliders_follow_the_lever_table_order_including_the_new_levers(explorer):
    assert list(explorer.sliders) == list(LEVERS)
    assert {"unannounced_inspection", "professional_autonomy"} <= set(explorer.sliders)
    assert all(s.description for s in explorer.sliders.values())


def test_unknown_preset_is_a_clear_error():
    with pytest.raises(KeyError, match="no preset 'x'"):
        ScenarioExplorer("x")


def test_comparison_explorer_over_every_pair_of_a_few_presets():
    cmp = ComparisonExplorer("hsca_2012", "hewitt_2023")
    assert list(cmp.results.index) == [PRESETS["hsca_2012"].name, PRESETS["hewitt_2023"].name]
    for first in ("founding_1948", "targets_2000", "ten_year_plan_2025"):
        for second in ("internal_market_1991", "ten_year_plan_2025"):
            cmp.first.value, cmp.second.value = first, second
            a, b = PRESETS[first], PRESETS[second]
            # both run from the reference's period profile, so only the levers differ
            assert cmp.results.iloc[1]["configuration"] == run(b, initial=a.initial).configuration.name
            assert float(cmp.results.loc[a.name, "outcome"]) == pytest.approx(
                run(a).summary()["outcome"])
            if first == second:
                assert cmp.differences.empty
            # the effects figure is now an <img alt> (Explorer base); its PNG is kept in .effects_png
            assert cmp.effects_png[:4] == b"\x89PNG" and "<img" in cmp.effects_image.value


def test_ceiling_explorer_never_shows_an_outcome_above_the_ceiling():
    ceiling = CeilingExplorer("hewitt_2023")
    for preset_id in ("founding_1948", "hsca_2012", "ten_year_plan_2025"):
        ceiling.preset.value = preset_id
        for funding in np.linspace(ceiling.funding.min, ceiling.funding.max, 5):
            for demand in np.linspace(ceiling.demand.min, ceiling.demand.max, 4):
                ceiling.funding.value, ceiling.demand.value = float(funding), float(demand)
                ratio, outcome = ceiling.current
                levers = PolicyLevers(funding_growth=float(funding), demand_growth=float(demand))
                assert ratio == pytest.approx(levers.capacity_ratio)
                assert outcome <= min(1.0, ratio) + 1e-9
                for curve in ceiling.curves.values():
                    assert (curve["outcome"] <= curve["ceiling"] + 1e-9).all()
                assert f"{ratio:.2f}" in ceiling.summary.value


def test_the_app_shows_the_plans_levers_and_folds_the_rest_under_a_named_cue():
    from coordkit.scenarios import LEVERS
    from coordkit.widgets.scenarios import APP_LEVERS_FIRST, ScenarioExplorer

    app = ScenarioExplorer(layout="app", presenter=True)
    button = app.more_levers
    rest = len(LEVERS) - len(APP_LEVERS_FIRST)
    assert button is not None and button.value is False and button.description == f"Show {rest} more levers"
    box = app.more_lever_box
    assert box.layout.display == "none"
    folded = {c.description for row in box.children for c in row.children
              if isinstance(c, type(app.sliders["funding_growth"]))}
    in_view = {app.sliders[n].description for n in APP_LEVERS_FIRST}
    assert len(folded) == rest and not folded & in_view
    assert folded | in_view == {s.description for s in app.sliders.values()}  # every lever reachable
    button.value = True
    assert box.layout.display == "" and button.description == f"Hide the {rest} more levers"
    button.value = False
    assert box.layout.display == "none"
    assert ScenarioExplorer().more_levers is None


def test_ceiling_explorer_moves_its_star_in_place_and_draws_what_a_fresh_figure_draws():
    import io

    from PIL import Image

    from coordkit.plots import to_png
    from coordkit.plots.scenarios import ceiling_figure

    def pixels(png: bytes) -> np.ndarray:
        return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))

    ceiling = CeilingExplorer("hewitt_2023")
    for preset_id in ("hewitt_2023", "founding_1948"):
        ceiling.preset.value = preset_id
        figure = ceiling._fig
        for demand in (1.0, 5.0, 9.0):
            ceiling.demand.value = demand
            assert ceiling._fig is figure  # moved, not made afresh, while the preset stays
            fresh = pixels(to_png(ceiling_figure(ceiling.curves, ceiling.current)))
            assert (pixels(ceiling.png) != fresh).sum() == 0
