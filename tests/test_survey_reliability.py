"""Reliability reporting and the level decomposition (issue 14, findings 7 and 9)."""

import re

import numpy as np
import pytest

from coordkit import class_report as report
from coordkit.survey import (
    LEVELS_ALIKE_POINTS,
    MIN_RELIABILITY_N,
    Responses,
    feldt_interval,
    keyed,
    level_decomposition,
    level_table,
    read_reliability,
    reliability,
    reliability_table,
    scale_columns,
    spearman_brown,
    spearman_brown_interval,
    synthetic_class,
)

LEVELS = ["team", "organisation"]


# ----- finding 7: the level share removes the respondent part, as its words say ---------------------
def _known(a: float, b: float, c: float) -> np.ndarray:
    """4 respondents x 2 levels: 3 + respondent effect (-a, -a, +a, +a) + level effect (+b, -b) + a
    residual (+-c) that is orthogonal to both, so the two-way analysis recovers them exactly."""
    resp = np.array([-a, -a, a, a])[:, None]
    level = np.array([b, -b])[None, :]
    resid = np.array([[c, -c], [-c, c], [c, -c], [-c, c]])
    return 3 + resp + level + resid


def test_level_share_on_made_up_data_with_a_known_answer():
    # mean squares: respondent 2a^2 * 4/3, level 4 * 2b^2, residual 8c^2 / 3; with a=1, b=.5, c=.25:
    # respondent component (8/3 - 1/6) / 2 = 1.25, level (2 - 1/6) / 4 = 11/24, residual 1/6
    v = level_decomposition(_known(1.0, 0.5, 0.25), LEVELS)
    assert v.respondent == pytest.approx(1.25) and v.level == pytest.approx(11 / 24)
    assert v.residual == pytest.approx(1 / 6)
    assert v.level_share == pytest.approx((11 / 24) / (11 / 24 + 1 / 6))  # 11/15, about 0.73
    # the old share kept the respondent part in the denominator: 0.24, which read as "levels alike"
    old = (11 / 24) / (1.25 + 11 / 24 + 1 / 6)
    assert old < 0.25 < 0.5 < 0.73 < v.level_share
    assert v.respondent_share == pytest.approx(1.25 / (1.25 + 11 / 24 + 1 / 6))
    text = v.reading()
    assert "Within respondents, 73% of the spread comes from which level is rated" in text
    assert "67% of all the spread" in text
    assert "fit the fractal claim" not in text  # the levels differ: no fractal reading
    assert "most of the spread is between respondents" in text and "The kit's reading" in text


def test_a_larger_halo_does_not_change_the_level_share():
    # the same level and residual parts under a bigger respondent part (a halo): the share stays put
    small, large = (level_decomposition(_known(a, 0.5, 0.25), LEVELS) for a in (0.5, 2.0))
    assert small.level_share == pytest.approx(large.level_share)
    assert large.respondent_share > small.respondent_share


def test_the_methodologists_case_reads_as_levels_differing_not_as_fractal():
    # respondent variance 1.44, level 0.51, residual 0.49 (the review's made-up data): the level
    # share of within-respondent spread is about 51%, not the 21% the old denominator gave
    rng = np.random.default_rng(7)
    n = 4000
    level_effects = np.array([-1.0, 0.0, 1.0]) * np.sqrt(0.51)  # their variance (ddof 1) is 0.51
    x = (3 + rng.normal(scale=1.2, size=(n, 1)) + level_effects[None, :]
         + rng.normal(scale=0.7, size=(n, 3)))
    v = level_decomposition(x, ["team", "organisation", "system"])
    assert v.level == pytest.approx(0.51, abs=0.03) and v.respondent == pytest.approx(1.44, abs=0.1)
    assert v.level_share == pytest.approx(0.51 / (0.51 + 0.49), abs=0.03)
    assert v.level_share >= 0.5 and "fit the fractal claim" not in v.reading()


def test_levels_alike_within_respondents_read_as_fractal_labelled_the_kits():
    alike = level_decomposition([[1, 1.5], [3, 3], [5, 4.5], [2, 2]], LEVELS)
    assert alike.level_share < 0.5 and alike.alike
    assert "The kit's reading: levels rated alike (each mean difference at most 0.5 point" in alike.reading()
    assert "fit the fractal claim" in alike.reading()
    flat = level_decomposition([[2, 2], [4, 4], [3, 3]], LEVELS)  # nothing varies within respondents
    assert flat.level_share == 0.0 and flat.respondent_share == 1.0
    assert np.isnan(level_decomposition([[3, 3], [3, 3]], LEVELS).level_share)
    t = level_table(synthetic_class())
    assert {"level share", "respondent share"} <= set(t.columns)
    for _, row in t.iterrows():  # the reading follows the number it prints
        assert f"{round(100 * row['level share'])}% of the spread" in row["reading"]
        # finding 2 (round 2): "alike" follows the within-respondent differences, not the level share
        apart = [row[c] for c in t.columns if c.startswith("|") and c.endswith("|")]
        assert len(apart) == 2
        assert ("fit the fractal claim" in row["reading"]) == all(v <= LEVELS_ALIKE_POINTS for v in apart)


def test_opposed_halves_give_a_zero_level_share_but_are_not_read_as_alike():
    # methodologist 2, finding 2: half rate team 5 / organisation 1, half the reverse: level share 0,
    # yet every respondent rates the levels 4 points apart
    x = [[5, 1]] * 10 + [[1, 5]] * 10
    v = level_decomposition(x, LEVELS)
    assert v.level_share == 0.0
    name, mean, lo, hi = v.absolute_differences[0]
    assert (name, mean, lo, hi) == ("team - organisation", 4.0, 4.0, 4.0)
    assert v.same_share == 0.0 and v.within_one_share == 0.0 and not v.alike
    text = v.reading()
    assert "fit the fractal claim" not in text and "do not rate the levels alike" in text
    assert "4.00 points apart" in text and "0% rate every level the same" in text


def test_the_synthetic_class_is_not_read_as_levels_alike():
    # the review: mean |team - organisation| about 1 point and 2-6% rating all levels the same
    t = level_table(synthetic_class())
    for mode, row in t.iterrows():
        assert row["|team - organisation|"] > LEVELS_ALIKE_POINTS, mode
        assert row["same at every level"] < 0.1, mode
        assert "fit the fractal claim" not in row["reading"], mode


# ----- finding 9: reliability reporting -----------------------------------------------------------
def test_the_interval_width_at_the_minimum_is_computed_not_quoted():
    lo, hi = feldt_interval(0.70, MIN_RELIABILITY_N, 4)
    assert round(hi - lo, 2) == 0.37
    assert "0.2 wide" not in reliability.__doc__
    html = report.render_report(synthetic_class(), date="x")
    assert f"about {hi - lo:.2f} wide ({lo:.2f} to {hi:.2f}" in html


def test_readings_are_about_consistency_not_one_thing_or_comparing_groups():
    for value, interval in ((0.95, (0.9, 0.97)), (0.82, (0.7, 0.9)), (0.72, (0.6, 0.8)), (0.6, (0.5, 0.69)),
                            (0.3, (0.1, 0.45))):
        text = read_reliability(value, interval, n=60)
        assert "compare groups" not in text and "comparing groups" not in text
        assert "measure one thing" not in text
    assert read_reliability(0.3, (0.1, 0.45)).startswith("WARNING, poor")
    assert read_reliability(0.9, (0.8, 0.95)).startswith("acceptable")
    html = report.render_report(synthetic_class(), date="x")
    section = html.split("<h2>Reliability of the scales")[1].split("<h2>")[0]
    assert "does not show that they measure one thing" in section and "ICC(2)" in section


def test_the_verdict_names_its_coefficient_and_prints_that_coefficients_interval():
    t = reliability_table(synthetic_class())
    for _, row in t.iterrows():
        if row["verdict from"] == "omega":
            # omega has its own interval now (finding 6); alpha's is printed beside it, labelled
            interval = f"95% interval {row['omega low']:.2f} to {row['omega high']:.2f}"
            assert f"(omega {row['omega']:.2f}, {interval})" in row["reading"]
            assert (row["verdict low"], row["verdict high"]) == (row["omega low"], row["omega high"])
            assert row["omega low"] < row["omega"] < row["omega high"]
            assert f"alpha {row['alpha']:.2f}, 95% interval {row['alpha low']:.2f} to" in row["reading"]
            assert "no interval" not in row["reading"]
    assert (t["verdict from"] == "omega").sum() == 8


def test_two_item_scales_use_spearman_brown_and_say_a_respondent_cannot_be_placed():
    c = synthetic_class()
    t = reliability_table(c)
    x = keyed(c.likert, c.questionnaire)[~c.styles().any]  # the respondents the profiles use
    for scale, cols in scale_columns(c.questionnaire).items():
        if len(cols) != 2:
            continue
        r = np.corrcoef(x[:, cols], rowvar=False)[0, 1]
        row = t.loc[scale]
        assert row["verdict from"] == "Spearman-Brown" and np.isnan(row["omega"])
        assert row["spearman-brown"] == pytest.approx(2 * r / (1 + r), abs=0.005)
        assert f"(Spearman-Brown {row['spearman-brown']:.2f}, 95% interval {row['verdict low']:.2f} to" \
            in row["reading"]
        assert "too unreliable to place them" in row["reading"]
    assert "grid-group quadrant" in t.loc["grid", "reading"]
    # v3's group scale has four items (belonging pair GP3, GP4): alpha and omega, not Spearman-Brown
    assert t.loc["group", "verdict from"] != "Spearman-Brown"
    assert len(scale_columns(c.questionnaire)["group"]) == 4
    r = np.corrcoef([1, 2, 3, 4], [1, 2, 3, 5])[0, 1]
    assert spearman_brown([[1, 1], [2, 2], [3, 3], [4, 5]]) == pytest.approx(2 * r / (1 + r))
    lo, hi = spearman_brown_interval(x[:, scale_columns(c.questionnaire)["grid"]])
    assert lo < t.loc["grid", "spearman-brown"] < hi
    # the table's interval is from the same seeded resamples of the same respondents
    assert (round(lo, 2), round(hi, 2)) == (t.loc["grid", "verdict low"], t.loc["grid", "verdict high"])
    with pytest.raises(ValueError, match="two-item"):
        spearman_brown([[1, 2, 3], [2, 3, 4], [3, 4, 5]])


def test_answers_with_no_variation_get_a_plain_message_not_nan():
    c = synthetic_class()
    flat = Responses(ids=c.ids, now=c.now, preferred=c.preferred, likert=np.full_like(c.likert, 5.0))
    t = reliability_table(flat)
    assert t["reading"].str.startswith("not computed: the answers to this scale do not vary").all()
    assert not t["reading"].str.contains("nan").any()
    html = report.render_report(flat, date="x")
    assert not re.search(r"\bnan\b", html.split("<h2>Reliability of the scales")[1].split("<h2>")[0])


def test_bootstrap_counts_kept_between_scales_give_the_intervals_drawn_afresh(monkeypatch):
    # issue 11: every scale of a 5,000-row class drew the same 2000 x 5000 resample counts (1.9 s of
    # the report); the last set is kept, keyed by respondents, resamples and seed
    from coordkit.survey import reliability

    rng = np.random.default_rng(5)
    x, y = rng.integers(1, 6, size=(300, 3)).astype(float), rng.integers(1, 6, size=(250, 2)).astype(float)
    kept = [reliability.alpha_interval(x), reliability.spearman_brown_interval(y),
            reliability.alpha_interval(x, seed=1), reliability.alpha_interval(x)]
    assert reliability._last_counts[0] == (300, 2000, 0)
    assert not reliability._last_counts[1][0][1].flags.writeable
    monkeypatch.setattr(reliability, "_KEPT_COUNTS", 0)
    reliability._last_counts.clear()
    fresh = [reliability.alpha_interval(x), reliability.spearman_brown_interval(y),
             reliability.alpha_interval(x, seed=1), reliability.alpha_interval(x)]
    assert kept == fresh and not reliability._last_counts
    assert kept[0] != kept[2], "another seed draws other resamples"
