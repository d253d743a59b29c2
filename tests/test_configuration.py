from itertools import product

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coordkit.configuration import Kind, all_configurations, classify, configuration_of
from coordkit.modes import ACTIVE_MODES, ALL_MODES, Mode
from coordkit.profile import Profile

unit = st.floats(0, 1, allow_nan=False)
profiles = st.builds(Profile, unit, unit, unit, unit, unit, unit, unit, unit)


def test_sixteen_configurations_one_balanced_fifteen_not():
    configs = all_configurations()
    assert len(configs) == 16
    assert len({c.forms for c in configs}) == 16
    wrong = [c for c in configs if c.kind is not Kind.BALANCED]
    assert len(wrong) == 15
    by_size = [sum(1 for c in wrong if len(c.forms) == n) for n in (0, 1, 2, 3, 4)]
    assert by_size == [1, 4, 6, 3, 1]
    counts = {k: sum(1 for c in configs if c.kind is k) for k in Kind}
    assert counts == {Kind.NONE: 1, Kind.MONOCULTURE: 4, Kind.DEFICIT: 3, Kind.FATALIST_PAIR: 3,
                      Kind.FATALIST_DEFICIT: 3, Kind.OVERSHADOWED: 1, Kind.BALANCED: 1}


def test_names_and_diagnoses_are_unique_and_plain():
    configs = all_configurations()
    assert len({c.name for c in configs}) == 16
    assert len({c.diagnosis for c in configs}) == 16
    for c in configs:
        assert c.diagnosis.endswith(".")
        for weak in c.weak_active:
            if c.kind in (Kind.DEFICIT, Kind.FATALIST_DEFICIT):
                assert f"weak {weak.value}" in c.name


def test_public_sector_deficit_culture():
    c = classify(Profile(hierarchy=0.9, solidarity=0.8, individualism=0.2, fatalism=0.3))
    assert c.kind is Kind.DEFICIT
    assert c.name == "deficit culture: weak individualism"
    assert "traditional public-sector pattern" in c.diagnosis
    assert c.code == "HS"


@pytest.mark.parametrize("mode", ALL_MODES)
def test_monocultures(mode):
    values = {m.value: 0.1 for m in ALL_MODES}
    values[mode.value] = 0.9
    c = classify(Profile(**values))
    assert c.kind is Kind.MONOCULTURE and c.forms == {mode}


@given(profiles, st.floats(0.05, 1), st.floats(0.05, 1))
def test_forms_are_exactly_those_over_threshold(p, strong, fatal):
    c = classify(p, strong=strong, fatalism_unchecked=fatal)
    for mode, s in zip(ACTIVE_MODES, p.active_strengths, strict=True):
        assert (mode in c.forms) == (s >= strong)
    assert (Mode.FATALISM in c.forms) == (p.despair >= fatal)  # only despair counts
    assert c.kind is configuration_of(c.forms).kind


def test_threshold_is_a_parameter():
    p = Profile(0.6, 0.45, 0.4, 0.1)
    assert classify(p).kind is Kind.MONOCULTURE
    assert classify(p, strong=0.4).kind is Kind.BALANCED
    assert classify(p.replace(fatalism=0.45), strong=0.4, fatalism_unchecked=0.6).kind is Kind.BALANCED
    assert classify(p.replace(fatalism=0.45), strong=0.4).kind is Kind.OVERSHADOWED


def test_only_despair_makes_fatalism_unchecked():
    despair = Profile(0.8, 0.7, 0.7, 0.6)  # malign_fatalism defaults to 1
    assert classify(despair).kind is Kind.OVERSHADOWED
    wisdom = despair.replace(malign_fatalism=0.2)
    c = classify(wisdom)
    assert c.kind is Kind.BALANCED and Mode.FATALISM not in c.forms
    assert "strong but mostly benign" in c.diagnosis
    assert "mostly benign" not in classify(despair.replace(fatalism=0.1)).diagnosis


def test_strong_fatalism_mostly_despair_is_not_called_mostly_benign():
    # review 3: 70% despair, 0.49 in all, is under the unchecked threshold but not "mostly benign"
    c = classify(Profile(0.8, 0.8, 0.8, 0.7, malign_fatalism=0.7))
    assert c.kind is Kind.BALANCED and Mode.FATALISM not in c.forms
    assert "mostly benign" not in c.diagnosis
    assert "70% of it is despair" in c.diagnosis and "0.49" in c.diagnosis
    assert "mostly benign" in classify(Profile(0.8, 0.8, 0.8, 0.7, malign_fatalism=0.49)).diagnosis


@pytest.mark.parametrize("points", [[25, 25, 25, 25], [30, 30, 25, 15], [20, 20, 20, 40],
                                    [10, 40, 10, 40], [33, 33, 33, 1]])
def test_divide_100_shares_are_never_overshadowed_unless_fatalism_takes_half(points):
    # Issue 14: an even split and 30/30/25/15 used to read "overshadowed by fatalism".
    c = classify(Profile.from_shares(points))
    assert c.kind is not Kind.OVERSHADOWED and Mode.FATALISM not in c.forms
    assert classify(Profile.from_shares([25, 25, 25, 25])).kind is Kind.BALANCED
    assert classify(Profile.from_shares([30, 30, 25, 15])).kind is Kind.BALANCED


@given(st.lists(st.integers(0, 100), min_size=4, max_size=4).filter(lambda v: sum(v[:3]) > 0))
def test_divide_100_fatalism_is_unchecked_only_when_it_outweighs_the_active_modes(points):
    c = classify(Profile.from_shares(points, total=sum(points)))
    assert (Mode.FATALISM in c.forms) == (points[3] >= 0.5 * sum(points))


def test_weak_everywhere_is_none_not_balanced():
    assert classify(Profile(0.1, 0.1, 0.1, 0.1)).kind is Kind.NONE


def test_malign_warning():
    p = Profile(0.9, 0.8, 0.2, 0.1, malign_hierarchy=0.7, malign_individualism=0.9)
    text = classify(p).diagnosis
    assert "hierarchy is mostly malign" in text
    assert "individualism" not in text.split("Warning:")[1]  # weak forms get no warning
    assert "Warning" not in classify(p, malign_warning=0.8).diagnosis


@pytest.mark.parametrize("name, value", [("strong", 0), ("strong", 1.5), ("fatalism_unchecked", -1),
                                         ("malign_warning", 2)])
def test_threshold_errors(name, value):
    with pytest.raises(ValueError, match=name):
        classify(Profile(0.5, 0.5, 0.5, 0.5), **{name: value})


def test_every_combination_of_strengths_is_classified():
    for values in product([0.2, 0.8], repeat=4):
        c = classify(Profile(*values))
        assert len(c.forms) == sum(v >= 0.5 for v in values)


def test_a_form_strong_only_through_its_malign_part_is_said_to_be():
    """The kit counts whole strength; the diagnosis says when the benign part alone is under the threshold."""
    thin = classify(Profile(0.6, 0.6, 0.6, 0.2, malign_hierarchy=0.45, malign_individualism=0.45))
    assert thin.name == "balanced"
    assert "strong only with the malign part counted" in thin.diagnosis
    assert "hierarchy 0.33" in thin.diagnosis and "individualism 0.33" in thin.diagnosis
    assert "solidarity 0." not in thin.diagnosis
    benign = classify(Profile(0.8, 0.7, 0.7, 0.1))
    assert "malign part counted" not in benign.diagnosis and "the kit's reading" in benign.diagnosis


# ----- theorist review A, finding 3: divide-100 shares carry no strength ------------------------
@pytest.mark.parametrize("points", [[25, 25, 25, 25], [30, 30, 30, 10], [40, 35, 10, 15]])
def test_divide_100_shares_are_named_a_mix_and_never_balanced(points):
    c = classify(Profile.from_shares(points))
    assert "balanced" not in c.name
    if c.kind is Kind.BALANCED:
        assert c.name == "evenly mixed"
    assert c.diagnosis.startswith("Mix only: strength not measured.")
    assert "conditions Taylor (2022) associates" not in c.diagnosis


def test_the_same_strengths_given_absolutely_keep_their_name():
    shares = Profile.from_shares([25, 25, 25, 25])
    absolute = Profile(*shares.strengths)
    assert shares.relative and not absolute.relative and shares != absolute
    assert classify(absolute).name == "balanced"
    assert classify(shares.replace(fatalism=0.6)).diagnosis.startswith("Mix only: strength not measured.")


# ----- theorist review A, findings 4 and 18 ------------------------------------------------------
def test_a_balanced_profile_led_by_one_form_says_so_and_an_even_one_does_not():
    led = classify(Profile(1.0, 0.5, 0.5, 0.1))
    assert led.name == "balanced"  # the kit's threshold rule; the limitation is stated
    assert "hierarchy leads (solidarity 0.50 is under two thirds of hierarchy 1.00)" in led.diagnosis
    assert "all three strong, led by hierarchy" in led.diagnosis
    assert "leads" not in classify(Profile(0.8, 0.7, 0.6, 0.1)).diagnosis  # 0.6 is over 2/3 of 0.8
    assert "leads" not in classify(Profile(0.9, 0.2, 0.1, 0.1)).diagnosis  # a monoculture: no note


def test_despair_just_under_the_threshold_is_not_printed_as_the_threshold():
    text = classify(Profile(0.8, 0.8, 0.8, 0.9, malign_fatalism=0.55)).diagnosis
    assert "0.495 in all: under the 0.5" in text and "0.50 in all" not in text
    assert "0.49 in all" in classify(Profile(0.8, 0.8, 0.8, 0.7, malign_fatalism=0.7)).diagnosis
