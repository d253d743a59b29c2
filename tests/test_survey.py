"""The questionnaire and its scoring: items, profiles, gaps, congruence, forms, log-ratios, groups,
privacy rules and the synthetic class (whose committed file must equal the generator's output)."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from coordkit import data, survey
from coordkit.balance import report
from coordkit.configuration import classify
from coordkit.modes import ACTIVE_MODES, ALL_MODES, Mode
from coordkit.survey import (
    Responses,
    SurveyError,
    analyse,
    clr,
    clr_inverse,
    congruence,
    disclosure_plan,
    mode_scores,
    questionnaire,
    score_answers,
    synthetic_class,
)
from coordkit.survey_io import responses_csv

Q = questionnaire()


# ----- the item file ---------------------------------------------------------------------------
def test_six_dimensions_with_one_statement_per_mode():
    assert Q.dimensions == ("decisions", "cohesion", "rewards", "change", "failure", "leaders")
    for row in Q.divide_items:
        assert [i.mode for i in row] == list(ALL_MODES)
        assert all(i.form == "neutral" and i.block == "divide100" for i in row)
        assert len({i.heading for i in row}) == 1


def test_likert_block_separates_benign_from_malign_for_each_active_mode():
    items = Q.likert_items
    assert len(items) == 12
    for mode in ACTIVE_MODES:
        forms = sorted(i.form for i in items if i.mode is mode)
        assert forms == ["benign", "benign", "malign", "malign"]
    assert not any(i.mode is Mode.FATALISM for i in items)


def test_item_ids_encode_their_keys():
    for item in Q.items:
        if item.block == "divide100":
            d = Q.dimensions.index(item.dimension) + 1
            assert item.id == f"D{d}{item.mode.initial}"
        else:
            assert item.id[:3] == f"L{item.mode.initial}{item.form[0].upper()}"


def test_statements_are_our_own_words_not_ocai():
    # A guard against pasting published items: OCAI's statements use its culture-type vocabulary.
    banned = re.compile(r"\b(clan|adhocracy|market culture|OCAI|Cameron|Quinn)\b", re.I)
    for item in Q.items:
        assert not banned.search(item.statement), item.id
        assert len(item.statement) > 30 and item.statement.endswith(".")


def test_item_file_validates_and_has_a_sidecar():
    assert data.check("survey_items.csv") == []
    meta = data.read_sidecar("survey_items.csv")
    assert "OCAI" in meta["licence"] and "not reproduced" in meta["licence"]


def test_questionnaire_rejects_a_malformed_item_set():
    items = list(Q.items)
    items[1], items[2] = items[2], items[1]  # solidarity and individualism swapped in dimension 1
    with pytest.raises(SurveyError, match="dimension 'decisions' must have one statement per mode"):
        survey.Questionnaire(tuple(items))


# ----- scoring ---------------------------------------------------------------------------------
points_grid = arrays(float, (6, 4), elements=st.integers(0, 20).map(float)).filter(
    lambda a: bool(np.all(a.sum(axis=1) > 0)))


@given(points_grid)
def test_mode_scores_sum_to_100_and_are_scale_free(points):
    scores = mode_scores(points)
    assert scores.sum() == pytest.approx(100)
    assert np.all(scores >= 0)
    assert mode_scores(points * 7) == pytest.approx(scores)


@given(points_grid, points_grid)
def test_score_answers_is_consistent(now, preferred):
    now = now / now.sum(axis=1, keepdims=True) * 100
    preferred = preferred / preferred.sum(axis=1, keepdims=True) * 100
    r = score_answers(now, preferred)
    assert r.complete
    assert r.gap == pytest.approx(r.preferred_scores - r.now_scores)
    assert r.gap.sum() == pytest.approx(0, abs=1e-9)
    assert max(r.now.strengths) == 1.0
    assert r.configuration_now == classify(r.now)
    assert r.balance_now == report(r.now)
    assert 0 <= r.congruence_now <= 1


def test_profile_uses_from_shares_relative_to_the_strongest_mode():
    r = score_answers([[40, 30, 10, 20]] * 6, [[25] * 4] * 6)
    assert r.now.strengths == (1.0, 0.75, 0.25, 0.5)
    assert r.preferred.strengths == (1.0, 1.0, 1.0, 1.0)


def test_incomplete_dimensions_are_left_out_and_flagged():
    now = [[40, 30, 10, 20]] * 5 + [[90, 10, 10, 10]]
    r = score_answers(now, [[25] * 4] * 6)
    assert r.complete_now.tolist() == [True] * 5 + [False]
    assert r.now_scores.tolist() == [40, 30, 10, 20]
    assert not r.complete
    nothing = score_answers([[0] * 4] * 6, [[0] * 4] * 6)
    assert nothing.now is None and nothing.configuration_now is None
    assert np.isnan(nothing.now_scores).all()


def test_tolerance_absorbs_rounding():
    third = [[33.3, 33.3, 33.3, 0]] * 6
    assert score_answers(third, third).complete
    assert not score_answers(third, third, tolerance=0.05).complete


def test_congruence_extremes():
    assert congruence([[40, 30, 10, 20]] * 6) == 1.0
    assert congruence([[100, 0, 0, 0], [0, 100, 0, 0], [0, 0, 100, 0], [0, 0, 0, 100]]) == pytest.approx(0.25)


def test_malign_share_formula_and_unanswered_items():
    f = survey.form_scores([5, 5, 1, 1, 3, 3, 3, 3, 1, 1, 5, 5])
    assert f.benign.tolist() == [1.0, 0.5, 0.0]
    assert f.malign.tolist() == [0.0, 0.5, 1.0]
    assert f.share.tolist() == [0.0, 0.5, 1.0]
    nan = float("nan")
    partial = survey.form_scores([5, nan, nan, nan, 1, 1, 1, 1, 4, 4, 4, 4])
    assert partial.answered.tolist() == [False, True, True]
    assert partial.share.tolist() == [0.0, 0.0, 0.5]  # unanswered -> 0; nothing agreed -> 0
    with pytest.raises(SurveyError, match="from 1"):
        survey.form_scores([6] * 12)


def test_malign_shares_reach_the_now_profile_only():
    ex = survey.example_answers()
    r = score_answers(ex["now"], ex["preferred"], ex["likert"])
    assert r.now.malign == pytest.approx(tuple(r.forms.share))
    assert r.preferred.malign == (0.0, 0.0, 0.0)


# ----- log-ratios ------------------------------------------------------------------------------
compositions = arrays(float, (5, 4), elements=st.integers(0, 100).map(float)).filter(
    lambda a: bool(np.all(a.sum(axis=1) > 0)))


@given(compositions)
def test_clr_rows_sum_to_zero_and_invert(x):
    z = clr(x)
    assert np.allclose(z.sum(axis=1), 0)
    back = clr_inverse(z)
    assert np.allclose(back.sum(axis=1), 100)
    assert np.allclose(back, survey.replace_zeros(x))


@given(compositions)
def test_clr_is_scale_invariant_and_aitchison_distance_is_a_metric(x):
    assert np.allclose(clr(x), clr(x * 3.5))
    a, b, c = x[0], x[1], x[2]
    d = survey.aitchison_distance
    assert d(a, a) == pytest.approx(0, abs=1e-9)
    assert d(a, b) == pytest.approx(d(b, a))
    assert d(a, c) <= d(a, b) + d(b, c) + 1e-9


def test_zero_replacement_keeps_the_total_and_the_ratios():
    out = survey.replace_zeros([60, 40, 0, 0])
    assert out.sum() == pytest.approx(100)
    assert out[0] / out[1] == pytest.approx(1.5)
    with pytest.raises(SurveyError, match="every part zero"):
        clr([0, 0, 0, 0])


def test_compositional_mean_and_total_variance():
    rows = np.array([[40, 30, 10, 20], [20, 30, 40, 10]])
    centre = survey.compositional_mean(rows)
    assert centre.sum() == pytest.approx(100)
    assert survey.total_variance(rows) > 0
    assert survey.total_variance(rows[:1]) == 0.0


# ----- privacy ---------------------------------------------------------------------------------
@given(st.dictionaries(st.text("abcdefgh ", min_size=1, max_size=4), st.integers(1, 40), min_size=1,
                       max_size=8),
       st.integers(3, 12))
def test_disclosure_plan_never_reveals_a_small_group(sizes, min_size):
    plan = disclosure_plan(sizes, min_size)
    total = sum(sizes.values())
    assert set(plan.shown) | set(plan.pooled) == set(sizes)
    assert not set(plan.shown) & set(plan.pooled)
    assert all(sizes[g] >= min_size for g in plan.shown)
    assert plan.pooled_size == sum(sizes[g] for g in plan.pooled)
    if plan.suppressed and plan.shown:
        # what is not shown, worked out as class minus shown groups, is never under the threshold
        assert total - sum(sizes[g] for g in plan.shown) >= min_size
    if plan.show_pooled:
        assert plan.pooled_size >= min_size
    assert set(re.findall(r"\d+", plan.note())) <= {str(min_size)}  # no group's size is revealed


def test_min_group_has_a_floor_of_three():
    with pytest.raises(ValueError, match="at least 3"):
        disclosure_plan({"a": 10}, 2)
    with pytest.raises(ValueError, match="at least 3"):
        analyse(synthetic_class(), min_group=1)


def test_analyse_suppresses_estates_and_pools_a_second_group():
    a = analyse(synthetic_class(), group_column="team")
    labels = [g.label for g in a.groups]
    assert "Estates" not in labels and "Community team" not in labels
    assert labels[-1] == "other groups combined (2 groups)"
    assert a.groups[-1].n == 12
    assert sum(g.n for g in a.groups) == a.n == 60
    open_all = analyse(synthetic_class(), group_column="team", min_group=3)
    assert [g.label for g in open_all.groups] == ["Ward A", "Ward B", "Outpatients", "Community team",
                                                  "Estates"]


def test_a_class_under_the_threshold_shows_nothing():
    small = synthetic_class(size=4)
    a = analyse(small, group_column="team")
    assert not a.class_shown and a.overall is None and a.groups == ()
    assert len(a.now_scores) == 0


def test_group_profiles_are_means_of_individuals_with_spread():
    c = synthetic_class()
    a = analyse(c, group_column="team", min_group=3)
    ward = next(g for g in a.groups if g.label == "Ward A")
    members = np.array(c.groups["team"]) == "Ward A"
    scores = c.scores("now")[members]
    assert ward.n == members.sum()
    assert ward.now_mean == pytest.approx(scores.mean(axis=0))
    assert ward.now_sd == pytest.approx(scores.std(axis=0, ddof=1))
    assert ward.now_mean.sum() == pytest.approx(100)
    assert ward.now == survey.profile_from_scores(ward.now_mean, ward.malign_mean)
    assert ward.variance_now == pytest.approx(survey.total_variance(scores))


def test_gap_drivers_rank_items_by_absolute_mean_gap():
    d = analyse(synthetic_class()).drivers
    assert len(d) == 24
    assert list(d["gap_mean"].abs()) == sorted(d["gap_mean"].abs(), reverse=True)
    assert set(d.columns) >= {"item", "statement", "gap_mean", "gap_sd", "more", "less"}
    assert (d["more"] + d["less"] <= 1 + 1e-9).all()


def test_responses_validate_their_shape():
    with pytest.raises(SurveyError, match="unique"):
        Responses(ids=("a", "a"), now=np.full((2, 6, 4), 25.0), preferred=np.full((2, 6, 4), 25.0))
    with pytest.raises(SurveyError, match="group column 'team'"):
        Responses(ids=("a",), now=np.full((1, 6, 4), 25.0), preferred=np.full((1, 6, 4), 25.0),
                  groups={"team": ("x", "y")})


# ----- the synthetic class ---------------------------------------------------------------------
def test_committed_synthetic_class_equals_the_generator_output():
    committed = (data.data_dir() / "synthetic_class.csv").read_text(encoding="utf-8")
    assert committed == responses_csv(synthetic_class(survey.SYNTHETIC_SEED)), (
        "data/synthetic_class.csv is stale: run `python -m coordkit.cli synthetic -o "
        "data/synthetic_class.csv --force`, then `python -m coordkit.data rehash`")
    assert data.check("synthetic_class.csv") == []


def test_synthetic_class_is_labelled_synthetic_and_deterministic():
    meta = data.read_sidecar("synthetic_class.csv")
    assert "SYNTHETIC" in meta["title"] and "SYNTHETIC" in meta["description"]
    assert any("SYNTHETIC" in c for c in meta["caveats"])
    a, b = synthetic_class(5, size=20), synthetic_class(5, size=20)
    assert responses_csv(a) == responses_csv(b)
    assert responses_csv(synthetic_class(6, size=20)) != responses_csv(a)
    big = synthetic_class(size=500)
    assert len(big) == 500 and (big.now.sum(axis=-1) == 100).all() and (big.preferred % 5 == 0).all()


def test_the_worked_example_is_clear_of_the_malign_warning_threshold():
    """The notebook's worked example must not sit on the 0.5 threshold where the warning starts."""
    ex = survey.example_answers()
    r = survey.score_answers(ex["now"], ex["preferred"], ex["likert"])
    assert r.forms.share[0] == pytest.approx(0.4)
    assert "Warning" not in r.configuration_now.diagnosis
    strongly = list(ex["likert"])
    strongly[2:4] = [5, 5]  # strongly agree with both malign hierarchy statements
    worse = survey.score_answers(ex["now"], ex["preferred"], strongly)
    assert worse.forms.share[0] == pytest.approx(4 / 7)
    assert "hierarchy is mostly malign" in worse.configuration_now.diagnosis
    assert worse.configuration_now.name == r.configuration_now.name
    assert worse.balance_now.score < r.balance_now.score


def test_an_incomplete_dimension_drops_out_and_the_rest_are_averaged():
    """What notebook 02 says happens while a dimension is off 100."""
    ex = survey.example_answers()
    moved = [list(row) for row in ex["now"]]
    moved[0][0] += 5
    r = survey.score_answers(moved, ex["preferred"])
    assert r.complete_now.tolist() == [False] + [True] * 5
    expected = np.mean(np.array(ex["now"][1:], dtype=float), axis=0)
    assert r.now_scores.tolist() == pytest.approx(expected.tolist())
    assert r.now_scores.tolist() == pytest.approx([43, 30, 10, 17])
