import itertools
import math
import shutil

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coordkit import data, history
from coordkit.models.dynamics import LEVER_SPECS
from coordkit.modes import Mode
from coordkit.scenarios import (
    LEVERS,
    MAPPING,
    PolicyLevers,
    compare,
    fatalism_sensitivity,
    lever_effects,
    load_presets,
    preset,
    run,
    run_sequence,
)

PRESETS = load_presets()


def policy_levers():
    return st.builds(PolicyLevers, **{
        name: st.floats(spec.low, spec.high, allow_nan=False) for name, spec in LEVERS.items()})


def test_the_presets_the_issue_asks_for():
    # 13 since the 2014-2022 preset was split at 2019 so its funding figure is period-true (issue 17).
    assert len(PRESETS) == 13
    years = [s.start_year for s in PRESETS.values()]
    assert years == sorted(years) and years[0] == 1948 and years[-1] == 2025
    for key in ("founding_1948", "griffiths_1983", "internal_market_1991", "hsca_2012",
                "rumoured_2022", "hewitt_2023", "ten_year_plan_2025"):
        assert key in PRESETS


@pytest.mark.parametrize("preset_id", list(PRESETS))
def test_every_preset_loads_validates_and_runs(preset_id):
    scenario = PRESETS[preset_id]
    assert scenario.rationale and scenario.description
    assert scenario.sources and all(s.startswith("http") for s in scenario.sources)
    known = set(history.load_reforms()["id"])
    assert set(scenario.reform_ids) <= known, set(scenario.reform_ids) - known
    summary = run(scenario).summary()
    for key, value in summary.items():
        if key != "configuration":
            assert math.isfinite(value) and 0 <= value <= 1, key
    assert summary["outcome"] <= summary["ceiling"] + 1e-12


def test_presets_tell_the_seed_story():
    # The founding settlement reads as the traditional public-sector deficit culture, and the
    # "targets and terror" years as hierarchy-led with a large malign share. (Since provider
    # competition no longer feeds rivalry, targets_2000 sits on the edge between a hierarchy
    # monoculture and a deficit culture; the test asks only what both readings share.)
    assert run(PRESETS["founding_1948"]).configuration.name == "deficit culture: weak individualism"
    targets = run(PRESETS["targets_2000"])
    assert Mode.HIERARCHY in targets.configuration.forms
    assert Mode.INDIVIDUALISM not in targets.configuration.forms
    before = run(PRESETS["new_labour_1997"]).summary()
    assert targets.summary()["malign_hierarchy"] > before["malign_hierarchy"]


@pytest.mark.parametrize("lever", list(LEVERS))
@given(base=policy_levers(), step=st.floats(0.05, 1.0))
def test_mapping_is_monotone_as_documented(lever, base, step):
    spec = LEVERS[lever]
    low = getattr(base, lever)
    high = min(spec.high, low + step * (spec.high - spec.low))
    a, b = base.to_model(), base.replace(**{lever: high}).to_model()
    for target, (_base, coefficients) in MAPPING.items():
        c = coefficients.get(lever, 0.0)
        if c > 0:
            assert getattr(b, target) >= getattr(a, target) - 1e-12, target
        elif c < 0:
            assert getattr(b, target) <= getattr(a, target) + 1e-12, target
        else:
            assert getattr(b, target) == getattr(a, target), target
    if lever == "funding_growth":
        assert b.capacity >= a.capacity
    elif lever == "demand_growth":
        assert b.capacity <= a.capacity
    else:
        assert b.capacity == a.capacity


def test_mapping_targets_real_model_inputs_within_range():
    for target, (base, coefficients) in MAPPING.items():
        assert target in LEVER_SPECS
        assert set(coefficients) <= set(LEVERS)
        assert LEVER_SPECS[target].low <= base <= LEVER_SPECS[target].high


def test_every_policy_lever_moves_something_and_has_a_rationale():
    effects = lever_effects()
    assert set(effects["policy_lever"]) == set(LEVERS)
    for spec in LEVERS.values():
        assert len(spec.rationale) > 40 and spec.low < spec.high
        assert spec.low <= spec.default <= spec.high


@given(levers=policy_levers())
def test_no_lever_setting_beats_the_demand_capacity_ceiling(levers):
    result = run(levers, years=8)
    assert np.all(result.trajectory.outcome <= min(1.0, levers.capacity_ratio) + 1e-9)
    assert all(math.isfinite(v) for k, v in result.summary().items() if k != "configuration")


def test_comparison_matches_single_runs():
    a, b = PRESETS["hsca_2012"], PRESETS["hewitt_2023"]
    results, diffs = compare({"2012": a, "2023": b}, years=10)
    for name, scenario in (("2012", a), ("2023", b)):
        # compare runs both from one start (the reference's period profile), so only levers differ
        single = run(scenario, initial=a.initial, years=10).summary()
        row = results.loc[name]
        assert row["configuration"] == single["configuration"]
        assert float(row["balance"]) == pytest.approx(single["balance"])
        assert float(row["outcome"]) == pytest.approx(single["outcome"])
    differing = {k for k, v in a.levers.to_dict().items() if v != getattr(b.levers, k)}
    assert set(diffs["lever"]) == differing
    assert list(diffs["outcome_change"].abs()) == sorted(diffs["outcome_change"].abs(), reverse=True)
    # each row's effect is what switching that lever alone does
    row = diffs.iloc[0]
    alone = run(a.levers.replace(**{row["lever"]: row["other"]}), initial=a.initial,
                years=10).summary()
    assert row["outcome_change"] == pytest.approx(alone["outcome"] - run(a, years=10).summary()["outcome"])


def test_comparing_identical_scenarios_finds_no_difference():
    results, diffs = compare({"a": PolicyLevers(), "b": PolicyLevers()})
    assert diffs.empty
    assert results.loc["a", "balance"] == results.loc["b", "balance"]


def test_run_sequence_chains_final_states():
    chain = run_sequence(list(PRESETS.values())[:3])
    for earlier, later in itertools.pairwise(chain):
        assert later.trajectory.profile_at(0).to_dict() == pytest.approx(earlier.final.to_dict(), abs=1e-9)


def test_errors_name_the_lever_and_the_preset():
    with pytest.raises(ValueError, match=r"devolution \(Devolution to systems\) must be between 0 and 10"):
        PolicyLevers(devolution=-1)
    with pytest.raises(ValueError, match="is not a number"):
        PolicyLevers(inspection="lots")
    with pytest.raises(KeyError, match="no preset 'nope'; presets are: founding_1948"):
        preset("nope")
    with pytest.raises(ValueError, match="at least two"):
        compare({"only": PolicyLevers()})


def test_a_corrupted_presets_file_is_rejected_naming_row_and_column(tmp_path):
    for name in ("nhs_scenarios.csv", "nhs_scenarios.csv.yml"):
        shutil.copy(data.data_dir() / name, tmp_path / name)
    frame = pd.read_csv(tmp_path / "nhs_scenarios.csv", dtype=str, keep_default_na=False)
    frame.loc[2, "competition"] = "12"
    frame.to_csv(tmp_path / "nhs_scenarios.csv", index=False)
    original = (data.data_dir() / "nhs_scenarios.csv").read_bytes()
    message = r"row 3 \(line 4\), column 'competition': 12 is above the maximum 10"
    with pytest.raises(data.DataValidationError, match=message):
        load_presets(str(tmp_path))
    assert (data.data_dir() / "nhs_scenarios.csv").read_bytes() == original


def _coefficient(target, lever):
    return MAPPING[target][1].get(lever, 0.0)


def test_provider_competition_does_not_feed_rivalry_between_modes():
    assert _coefficient("rivalry", "competition") == 0.0
    assert PolicyLevers(competition=10).to_model().rivalry == PolicyLevers(competition=0).to_model().rivalry
    assert _coefficient("support_individualism", "competition") > 0


def test_freedom_from_blame_and_professional_autonomy_are_separate_levers():
    # freedom from blame is a shared team belief: solidarity, not individualism
    assert _coefficient("support_solidarity", "psychological_safety") > 0
    assert _coefficient("support_individualism", "psychological_safety") == 0.0
    assert _coefficient("malign_bias_hierarchy", "psychological_safety") < 0
    # professional autonomy is benign individualism
    assert _coefficient("support_individualism", "professional_autonomy") > 0
    assert _coefficient("malign_bias_individualism", "professional_autonomy") < 0
    assert "autonomy" not in LEVERS["psychological_safety"].label.lower()


def test_gaming_is_malign_individualism_provoked_by_targets():
    assert _coefficient("malign_bias_individualism", "central_targets") > 0
    many, few = PolicyLevers(central_targets=150).to_model(), PolicyLevers(central_targets=0).to_model()
    assert many.malign_bias_individualism > few.malign_bias_individualism
    assert "Bevan & Hood" in LEVERS["central_targets"].rationale


def test_devolution_only_partly_removes_hierarchy():
    assert -0.15 <= _coefficient("support_hierarchy", "devolution") < 0
    assert "relocates hierarchy" in LEVERS["devolution"].rationale
    # Theorist review A, finding 7: the departure from Taylor is said, and the judgement is the kit's.
    assert "winding down hierarchy" in LEVERS["devolution"].rationale
    assert "its own judgement (no source)" in LEVERS["devolution"].rationale


def test_lever_help_does_not_credit_taylor_for_the_kits_codings():
    """Theorist review A, findings 5 and 6."""
    safety, autonomy = LEVERS["psychological_safety"].rationale, LEVERS["professional_autonomy"].rationale
    assert "departs from him" in safety and "brake on individualism" in safety
    assert "Taylor's (2022) point" not in autonomy and "(its choice)" in autonomy
    assert "solidaristic domain" in autonomy


def test_duty_to_collaborate_is_a_hierarchist_instrument_making_solidarity():
    assert _coefficient("support_solidarity", "collaboration_duty") > 0
    assert _coefficient("support_hierarchy", "collaboration_duty") > 0
    assert _coefficient("rivalry", "collaboration_duty") > 0  # hybrid instability (Hood 1995)
    assert _coefficient("malign_bias_solidarity", "collaboration_duty") > 0


def test_unannounced_inspection_is_contrived_randomness():
    spec = LEVERS["unannounced_inspection"]
    assert "contrived randomness" in spec.rationale.lower()
    assert _coefficient("malign_bias_individualism", "unannounced_inspection") < 0
    assert _coefficient("support_hierarchy", "unannounced_inspection") == 0.0
    assert PolicyLevers().unannounced_inspection == spec.default


def test_presets_start_from_their_own_period_not_all_from_one_profile():
    starts = {s.initial for s in PRESETS.values()}
    assert len(starts) >= 5
    founding = PRESETS["founding_1948"]
    assert founding.initial != PRESETS["hewitt_2023"].initial
    assert run(founding).trajectory.profile_at(0).to_dict() == pytest.approx(
        founding.initial.to_dict(), abs=1e-9)


def test_period_true_funding_in_the_presets():
    # issue 17: big rises began April 1999; 2019/20-2022/23 averaged 5.7% (Health Foundation)
    assert PRESETS["new_labour_1997"].levers.funding_growth < 6.7
    later = [s for s in PRESETS.values() if s.start_year >= 2019 and s.end_year <= 2022]
    assert [s.levers.funding_growth for s in later] == [5.7]
    assert PRESETS["integration_2014"].end_year < 2019


def test_policy_levers_are_declared_with_the_kit_parameter_idiom():
    from coordkit.params import Param, Params

    assert isinstance(PolicyLevers(), Params)
    specs = PolicyLevers.specs()
    assert list(specs) == list(LEVERS) == list(PolicyLevers().to_dict())
    for name, spec in LEVERS.items():
        assert isinstance(spec, Param) and spec.rationale == spec.help == specs[name].help
        assert spec.default == getattr(PolicyLevers(), name)
    assert LEVERS["central_targets"].scale == "log" and LEVERS["central_targets"].step == 1
    assert PolicyLevers(devolution=9).differences(PolicyLevers()) == {"devolution": (9.0, 5.0)}
    with pytest.raises(ValueError, match="has no parameter 'colour'"):
        PolicyLevers().replace(colour=1)


def test_presets_read_all_fatalism_as_despair_as_their_start_profiles_do():
    for scenario in PRESETS.values():
        assert scenario.initial.malign_fatalism == 1.0, scenario.id
        assert run(scenario, years=1).trajectory.levers.benign_fatalism == 0.0, scenario.id


def test_a_run_carries_its_start_profiles_wise_fatalism_into_the_model():
    scenario = preset("rumoured_2022")
    despair = scenario.initial
    wise = despair.replace(malign_fatalism=0.25)
    r_wise, r_despair = run(scenario, initial=wise), run(scenario, initial=despair)
    assert r_wise.trajectory.levers.benign_fatalism == pytest.approx(0.75)
    assert r_wise.final.malign_fatalism == pytest.approx(0.25)  # the face carries through the run
    assert r_wise.summary()["balance"] > r_despair.summary()["balance"]


def test_the_long_run_funding_figure_is_the_sourced_england_row_chapter_3_quotes():
    from coordkit.scenarios import long_run_funding_growth

    row = long_run_funding_growth().iloc[0]
    performance = data.load("nhs_performance.csv")
    sourced = performance[(performance["series"] == "spending_growth_real")
                          & (performance["period"] == row.name)]
    assert float(row["value"]) == float(sourced["value"].iloc[0])
    assert "England" in row["basis"] and row["source"].startswith("https://")


def test_the_plain_mapping_table_names_every_model_input_in_words_and_keeps_the_model_name():
    from coordkit.scenarios import INPUT_LABELS, mapping_table

    plain, raw = mapping_table(plain=True), mapping_table()
    assert plain.to_numpy().tolist() == raw.to_numpy().tolist()
    assert [c.split(" [")[1].rstrip("]") for c in plain.columns] == list(raw.columns)
    assert set(INPUT_LABELS) == set(raw.columns)


def test_the_readme_counts_the_levers_and_presets_the_code_has():
    from pathlib import Path

    from coordkit import scenarios

    words = {10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen", 15: "fifteen",
             16: "sixteen"}
    readme = " ".join((Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8").split())
    assert f"{words[len(scenarios.LEVERS)]} policy levers" in readme
    assert f"{words[len(scenarios.load_presets())]} sourced presets" in readme


def test_fatalism_sensitivity_shows_the_2012_and_hewitt_verdicts_turn_on_reading_fatalism_as_despair():
    """Theorist review A, finding 2: all-despair fatalism decides ch04's 2012/Hewitt verdicts."""
    t = fatalism_sensitivity(["hsca_2012", "hewitt_2023"])
    assert list(t.index.get_level_values("despair share")) == [1.0, 0.5, 0.0] * 2
    hsca, hewitt = preset("hsca_2012").name, preset("hewitt_2023").name
    assert t.loc[(hsca, 1.0), "configuration"] == "hierarchy monoculture"
    assert t.loc[(hewitt, 1.0), "configuration"] == "deficit culture: weak individualism"
    assert t.loc[(hsca, 0.5), "configuration"] == t.loc[(hewitt, 0.5), "configuration"] == "balanced"
    assert t.loc[(hsca, 1.0), "balance"] < t.loc[(hsca, 0.5), "balance"] < t.loc[(hsca, 0.0), "balance"]
    # the default reading is the presets' own: the 1.0 row is the preset table's result
    assert t.loc[(hsca, 1.0), "outcome"] == pytest.approx(run(preset("hsca_2012")).summary()["outcome"])


def test_the_preset_table_shows_half_despair_beside_the_kits_all_despair_default():
    """Theorist review (issue 13, finding 9): the despair default (1.0) decides the 2012 Act's reading, and
    the preset comparison showed only that default. A column at despair share 0.5 now stands beside it,
    each matching fatalism_sensitivity, and chapter 4 says the default is the kit's."""
    import json
    from pathlib import Path

    from coordkit import scenarios

    table = scenarios.preset_table()
    half = "configuration (despair share 0.5)"
    hsca = preset("hsca_2012").name
    assert table.loc[hsca, "configuration"] == "hierarchy monoculture" and table.loc[hsca, half] == "balanced"
    sensitivity = fatalism_sensitivity(["hsca_2012", "hewitt_2023"])
    for preset_id in ("hsca_2012", "hewitt_2023"):
        name = preset(preset_id).name
        for share, column in [(1.0, "configuration"), (0.5, half)]:
            assert table.loc[name, column] == sensitivity.loc[(name, share), "configuration"]
    assert (table["configuration"] != table[half]).sum() >= 2  # the reading moves for several presets
    assert list(scenarios.preset_table(despair_shares=()).columns) == [
        c for c in table.columns if c != half]
    nb = json.loads((Path(__file__).resolve().parents[1] / "notebooks" / "04_nhs_reform_scenarios.ipynb")
                    .read_text(encoding="utf-8"))
    cells = {c.get("id"): c for c in nb["cells"]}
    prose = " ".join("".join(cells["bad26c7d"]["source"]).split())
    assert "that default is the kit's" in prose and "half of it read as despair" in prose
    assert "scenarios.preset_table()" in "".join(cells["c08"]["source"])
