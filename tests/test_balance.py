import math

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from scipy.stats import entropy

from coordkit.balance import (
    EVENNESS_METHODS,
    balance_index,
    dynamic_balance,
    evenness,
    malign_share,
    report,
    strength,
)
from coordkit.profile import Profile

METHODS = list(EVENNESS_METHODS)
positive = st.floats(1e-6, 1e6, allow_nan=False, allow_infinity=False)
nonneg = st.floats(0, 1e6, allow_nan=False, allow_infinity=False)
three = st.lists(nonneg, min_size=3, max_size=3).filter(lambda v: sum(v) > 1e-9)
unit = st.floats(0, 1, allow_nan=False)
profiles = st.builds(Profile, unit, unit, unit, unit, unit, unit, unit, unit)


@pytest.mark.parametrize("method", METHODS)
@given(values=three)
def test_range(method, values):
    assert 0.0 <= evenness(values, method) <= 1.0


@pytest.mark.parametrize("method", METHODS)
@given(value=positive, k=st.integers(2, 6))
def test_exactly_one_at_equal_shares(method, value, k):
    assert evenness([value] * k, method) == 1.0


@pytest.mark.parametrize("method", METHODS)
@given(values=three)
def test_maximum_only_at_equal_shares(method, values):
    p = np.array(values) / sum(values)
    assume(np.ptp(p) > 1e-3)
    assert evenness(values, method) < 1.0


@pytest.mark.parametrize("method", METHODS)
def test_zero_at_a_single_mode(method):
    assert evenness([0, 5, 0], method) == 0.0


@pytest.mark.parametrize("method", METHODS)
@given(values=three, data=st.data())
def test_permutation_symmetry(method, values, data):
    perm = data.draw(st.permutations(values))
    assert evenness(perm, method) == pytest.approx(evenness(values, method), abs=1e-12)


@pytest.mark.parametrize("method", METHODS)
@given(values=three, scale=st.floats(1e-3, 1e3))
def test_scale_invariance(method, values, scale):
    assert evenness([v * scale for v in values], method) == pytest.approx(
        evenness(values, method), abs=1e-9)


@pytest.mark.parametrize("method", METHODS)
@given(values=three, step=st.floats(0, 1))
def test_monotone_in_the_weakest_mode(method, values, step):
    v = sorted(values)
    raised = [v[0] + step * (v[1] - v[0]), v[1], v[2]]  # weakest rises, stays weakest
    assert evenness(raised, method) >= evenness(v, method) - 1e-12


@given(values=three)
def test_pielou_matches_scipy_entropy(values):
    assert evenness(values, "pielou") == pytest.approx(entropy(values) / math.log(3), abs=1e-12)


def test_known_values():
    assert evenness([0.6, 0.3, 0.1], "minmax") == pytest.approx(1 / 6)
    assert evenness([0.5, 0.5, 0.0], "simpson") == pytest.approx(0.75)
    assert evenness([0.5, 0.5, 0.0], "centroid") == pytest.approx(0.5)
    assert evenness([0.5, 0.5, 0.0], "pielou") == pytest.approx(math.log(2) / math.log(3))


def test_the_indices_disagree_in_between():
    # The same two-form profile ranks differently under different indices: the reason the
    # notebook shows them side by side.
    two_form = [0.5, 0.5, 0.0]
    skewed = [0.7, 0.2, 0.1]
    assert evenness(two_form, "pielou") < evenness(skewed, "pielou")
    assert evenness(two_form, "simpson") > evenness(skewed, "simpson")
    assert evenness(two_form, "minmax") == 0.0 < evenness(skewed, "minmax")


def test_vectorised_rows_match_single_calls():
    rows = np.array([[1, 2, 3], [3, 3, 3], [0, 0, 1]])
    for method in METHODS:
        batch = evenness(rows, method)
        assert batch.shape == (3,)
        assert list(batch) == pytest.approx([evenness(r, method) for r in rows])


@pytest.mark.parametrize("bad, message", [
    ([0, 0, 0], "every value is zero"), ([1, -1, 1], "negative"), ([1, np.nan, 1], "finite"),
    ([1], "at least two"), (5, "at least two"),
])
def test_evenness_errors(bad, message):
    with pytest.raises(ValueError, match=message):
        evenness(bad)


def test_unknown_method():
    with pytest.raises(ValueError, match=r"unknown evenness method 'gini'.*pielou"):
        evenness([1, 2, 3], "gini")


def test_uniformly_weak_is_even_but_scores_low():
    weak = Profile(0.1, 0.1, 0.1, 0.0)
    r = report(weak)
    assert r.evenness == 1.0
    assert r.score == pytest.approx(0.1)
    assert r.score < report(Profile(0.9, 0.8, 0.2, 0.0)).score


@given(profiles)
def test_score_is_the_product_of_its_components(p):
    r = report(p)
    assert 0 <= r.score <= 1
    assert r.score == pytest.approx(
        r.evenness * r.strength * (1 - r.malign_share) * (1 - r.despair), abs=1e-9)
    assert r.despair == pytest.approx(p.fatalism * p.malign_fatalism)


@pytest.mark.parametrize("method", METHODS)
@given(p=profiles)
def test_score_never_rises_with_fatalism_or_malignity(method, p):
    base = dynamic_balance(p, method)
    assert dynamic_balance(p.replace(fatalism=min(1.0, p.fatalism + 0.2)), method) <= base + 1e-12
    worse = p.replace(malign_hierarchy=min(1.0, p.malign_hierarchy + 0.2))
    # More malign hierarchy can even out a hierarchy-heavy profile, but never adds benign
    # strength: the mean benign strength cannot rise.
    assert np.mean(worse.benign_strengths) <= np.mean(p.benign_strengths) + 1e-12


def test_dynamic_balance_is_an_alias_of_the_balance_index():
    assert dynamic_balance is balance_index


def test_benign_fatalism_scores_higher_than_the_same_profile_with_malign_fatalism():
    despair = Profile(0.8, 0.7, 0.6, 0.5, malign_fatalism=1.0)
    wisdom = despair.replace(malign_fatalism=0.0)
    assert balance_index(wisdom) > balance_index(despair)
    # Wisdom is no penalty: the same as having no fatalism at all.
    assert balance_index(wisdom) == pytest.approx(balance_index(despair.replace(fatalism=0.0)))
    # The default reads all fatalism as despair, reproducing the index before fatalism had two faces.
    assert balance_index(Profile(0.8, 0.7, 0.6, 0.5)) == pytest.approx(balance_index(despair))


@pytest.mark.parametrize("method", METHODS)
@given(p=profiles)
def test_index_never_rises_with_despair(method, p):
    more = p.replace(malign_fatalism=min(1.0, p.malign_fatalism + 0.2))
    assert balance_index(more, method) <= balance_index(p, method) + 1e-12


def test_score_is_one_only_at_full_benign_balance():
    assert dynamic_balance(Profile(1, 1, 1, 0)) == 1.0
    assert dynamic_balance(Profile(1, 1, 1, 0.01)) < 1.0
    assert dynamic_balance(Profile(1, 1, 1, 0, malign_solidarity=0.01)) < 1.0


def test_components():
    p = Profile(0.8, 0.2, 0.0, 0.3, malign_hierarchy=0.5)
    assert strength(p) == pytest.approx(1 / 3)
    assert malign_share(p) == pytest.approx(0.4)
    assert malign_share(Profile(0, 0, 0, 0.5)) == 0.0
    assert dynamic_balance(Profile(0, 0, 0, 0.5)) == 0.0
    r = report(Profile(0, 0, 0, 0.5))
    assert (r.evenness, r.raw_evenness, r.score) == (0.0, 0.0, 0.0)
    assert "balance index 0.00" in r.as_text()


def test_a_report_on_divide_100_shares_says_the_strength_is_not_measured():
    """Theorist review A, finding 3: the caveat on ipsative shares reaches the report."""
    shares = report(Profile.from_shares([30, 30, 30, 10]))
    assert shares.relative and "mix only: strength not measured" in shares.as_text()
    absolute = report(Profile(1, 1, 1, 0.1))
    assert not absolute.relative and "mix only" not in absolute.as_text()
