import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coordkit.profile import Profile, ProfileError

unit = st.floats(0, 1, allow_nan=False)
profiles = st.builds(Profile, unit, unit, unit, unit, unit, unit, unit)


@pytest.mark.parametrize("field", ["hierarchy", "fatalism", "malign_solidarity"])
@pytest.mark.parametrize("bad, message", [(-0.1, "outside 0 to 1"), (1.5, "outside 0 to 1"),
                                          (math.nan, "missing"), ("lots", "not a number")])
def test_validation_names_the_field(field, bad, message):
    values = dict(hierarchy=0.5, solidarity=0.5, individualism=0.5, fatalism=0.5)
    values[field] = bad
    with pytest.raises(ProfileError, match=f"{field}: .*{message}"):
        Profile(**values)


def test_values_are_stored_as_floats():
    p = Profile(1, 0, 1, 0)
    assert all(type(v) is float for v in p.to_dict().values())


@given(profiles)
def test_series_round_trip(p):
    assert Profile.from_series(p.to_series()) == p
    assert Profile.from_mapping(p.to_dict()) == p


@given(st.lists(profiles, min_size=1, max_size=5))
def test_frame_round_trip(ps):
    frame = Profile.to_frame(ps)
    assert list(frame.columns)[:4] == ["hierarchy", "solidarity", "individualism", "fatalism"]
    assert Profile.from_frame(frame) == ps


def test_from_frame_names_the_bad_row():
    frame = pd.DataFrame({"hierarchy": [0.5, 2.0], "solidarity": [0.5, 0.5],
                          "individualism": [0.5, 0.5], "fatalism": [0.1, 0.1]},
                         index=["team a", "team b"])
    with pytest.raises(ProfileError, match="row 'team b': hierarchy: 2 is outside 0 to 1"):
        Profile.from_frame(frame)


@given(profiles)
def test_shares_sum_to_one_and_benign_never_exceeds_strength(p):
    assert math.isclose(sum(p.shares), 1.0)
    assert all(0 <= b <= s for b, s in zip(p.benign_strengths, p.active_strengths, strict=True))


def test_shares_of_an_empty_profile_are_equal_thirds():
    assert Profile(0, 0, 0, 0.7).shares == (1 / 3, 1 / 3, 1 / 3)


def test_from_shares_reads_active_modes_relative_to_the_strongest_and_fatalism_as_its_share():
    p = Profile.from_shares([50, 25, 25, 0])
    assert p.strengths == (1.0, 0.5, 0.5, 0.0)
    # Fatalism is read as its share of all points (it used to be 10/30 = 1/3 relative to the
    # strongest mode, which made an even split read as "overshadowed by fatalism").
    mixed_keys = {"fatalism": 10, "H": 30, "solidarity": 30, "I": 30}
    assert Profile.from_shares(mixed_keys).fatalism == pytest.approx(0.1)


@given(st.lists(st.integers(0, 100), min_size=4, max_size=4).filter(lambda v: sum(v[:3]) > 0))
def test_from_shares_is_scale_invariant(points):
    total = sum(points)
    a = Profile.from_shares(points, total=total)
    b = Profile.from_shares([3 * v for v in points], total=3 * total)
    assert a.strengths == pytest.approx(b.strengths)
    assert max(a.active_strengths) == 1.0
    assert a.fatalism == pytest.approx(points[3] / total)


def test_all_points_on_fatalism_read_as_a_fatalism_monoculture():
    # was a ProfileError ("every active mode has zero points"): an all-fatalist answer is a
    # real answer, read as a fatalism monoculture rather than refused
    from coordkit.configuration import classify

    p = Profile.from_shares([0, 0, 0, 100])
    assert p.strengths == (0.0, 0.0, 0.0, 1.0)
    assert classify(p).name == "fatalism monoculture"
    with pytest.raises(ProfileError, match="every mode has zero points"):
        Profile.from_shares([0, 0, 0, 0], total=0)


def test_shares_describe_the_mix_not_absolute_strength():
    # the documented reading: 2 points each still reads all three active forms at full strength
    p = Profile.from_shares([2, 2, 2, 94])
    assert p.active_strengths == (1.0, 1.0, 1.0) and p.fatalism == pytest.approx(0.94)


def test_fatalism_has_two_faces_and_defaults_to_despair():
    p = Profile(0.5, 0.5, 0.5, 0.4)
    assert p.malign_fatalism == 1.0 and p.fatalism_faces == (0.0, 0.4) and p.despair == 0.4
    wise = p.replace(malign_fatalism=0.25)
    assert wise.fatalism_faces == pytest.approx((0.3, 0.1))
    assert Profile.from_mapping({"H": 0.5, "S": 0.5, "I": 0.5, "F": 0.4,
                                 "malign_fatalism": 0.25}) == wise
    assert Profile.from_strengths([0.5, 0.5, 0.5, 0.4], [0, 0, 0, 0.25]) == wise
    assert Profile.from_series(wise.to_series()) == wise
    with pytest.raises(ProfileError, match="malign_fatalism: 2 is outside 0 to 1"):
        Profile(0.5, 0.5, 0.5, 0.4, malign_fatalism=2)


@pytest.mark.parametrize("shares, message", [
    ([50, 25, 25, 10], "sum to 110, not 100"),
    ([50, 25, 30, -5], "individualism.*fatalism has -5 points|fatalism has -5 points"),
    ({"H": 50, "S": 50, "I": 0}, "missing fatalism"),
    ({"H": 50, "S": 50, "I": 0, "F": 0, "market": 0}, "'market' is not a mode"),
    ([40, 30, 30], "expected 4 values"),
    ([40, "x", 30, 30], "solidarity is 'x', not a number"),
    ([0, 0, 0, 0], "every share is zero|sum to 0"),
    ([0, 0, 0, 101], "sum to 101, not 100"),  # was [0, 0, 0, 100]: now read as a fatalism monoculture
])
def test_from_shares_errors(shares, message):
    with pytest.raises(ProfileError, match=message):
        Profile.from_shares(shares)


def test_from_mapping_rejects_unknown_and_duplicate_keys():
    base = {"H": 0.5, "S": 0.5, "I": 0.5, "F": 0.5}
    with pytest.raises(ProfileError, match="'colour' is not a mode"):
        Profile.from_mapping({**base, "colour": 1})
    with pytest.raises(ProfileError, match="given twice"):
        Profile.from_mapping({**base, "hierarchy": 0.4})
    with pytest.raises(ProfileError, match="'malign_colour' is not a mode"):
        Profile.from_mapping({**base, "malign_colour": 0.4})
    with pytest.raises(ProfileError, match="missing strength for individualism"):
        Profile.from_mapping({"H": 0.5, "S": 0.5, "F": 0.5})


def test_replace_validates():
    p = Profile(0.5, 0.5, 0.5, 0.5)
    assert p.replace(fatalism=0.9).fatalism == 0.9
    with pytest.raises(ProfileError):
        p.replace(fatalism=9)


def test_from_strengths_checks_lengths():
    with pytest.raises(ProfileError, match="expected 4 values"):
        Profile.from_strengths([0.1, 0.2])
    with pytest.raises(ProfileError, match="malign: expected 3 values"):
        Profile.from_strengths([0.1, 0.2, 0.3, 0.4], malign=[0.1])


def test_the_default_face_of_fatalism_is_a_named_visible_choice():
    from coordkit.profile import DEFAULT_MALIGN_FATALISM

    p = Profile(0.5, 0.5, 0.5, 0.4)
    assert p.malign_fatalism == DEFAULT_MALIGN_FATALISM == 1.0
    assert "malign_fatalism=1.0" in repr(p)  # shown wherever a profile is shown


def test_some_archetype_has_a_mostly_wise_fatalism_and_scores_for_it():
    from coordkit.archetypes import ARCHETYPES
    from coordkit.balance import balance_index

    wise = {name: p for name, p in ARCHETYPES.items() if p.malign_fatalism < 0.5}
    assert "benign balance" in wise
    p = wise["benign balance"]
    assert balance_index(p) > balance_index(p.replace(malign_fatalism=1.0))


def test_from_shares_marks_the_profile_relative_and_the_mark_shows_and_survives_replace():
    p = Profile.from_shares([40, 35, 10, 15])
    assert p.relative and repr(p).endswith("relative=True)")
    assert p.replace(fatalism=0.2).relative
    assert "relative" not in p.to_dict() and not Profile(0.5, 0.5, 0.5, 0.5).relative
    assert "relative" not in repr(Profile(0.5, 0.5, 0.5, 0.5))
