"""The cross-block check: divide-100 points against strength ratings (issue 14, method review finding 9)."""

import html
import re

import numpy as np
import pytest

from coordkit import class_report as report
from coordkit.plots.survey import describe_survey
from coordkit.survey import (
    LEAD_POINTS,
    RATING_STEPS,
    Responses,
    analyse,
    cross_block,
    cross_block_flags,
    questionnaire,
    score_answers,
    synthetic_class,
)
from coordkit.widgets.survey import SurveyForm

Q = questionnaire()
RATINGS = {"hierarchy": 5, "solidarity": 2, "individualism": 2, "fatalism": 3}  # the reviewer's H5 S2 I2 F3


def _likert(ratings=RATINGS, levels=("team", "organisation", "system")) -> list[float]:
    """Consistent agreement answers (4 forward, 2 reversed) and the given strength ratings."""
    out = []
    for item in Q.likert_items:
        if item.block == "strength":
            rated = item.level in levels or item.timeframe == "preferred"
            out.append(float(ratings[item.mode.value]) if rated else float("nan"))
        else:
            out.append(2.0 if item.reverse else 4.0)
    return out


def _result(points, likert=None):
    return score_answers([points] * 6, [[25] * 4] * 6, _likert() if likert is None else likert)


def test_the_reviewers_fatalism_respondent_is_told_the_blocks_disagree():
    r = _result([10, 10, 10, 70])
    assert r.configuration_now.name == "hierarchy monoculture"  # unchanged: the check changes no score
    assert r.blocks is not None and r.blocks.disagree and r.blocks.level == "organisation"
    # the rank correlation alone would not catch it: both blocks put solidarity and individualism low
    assert r.blocks.rho == pytest.approx(0.272, abs=0.001) and r.blocks.rho > 0
    assert "Your two blocks disagree: your points (now) put fatalism first, with 70 of 100" in \
        r.configuration_now.diagnosis
    assert "put hierarchy first, and fatalism 2 steps below it" in r.blocks.notice
    assert "The kit's check and rule" in r.blocks.notice
    assert "Your two blocks disagree" in describe_survey(r)  # the profile figure's description too
    assert "blocks disagree" not in describe_survey(_result([70, 10, 10, 10]))


@pytest.mark.parametrize("points", [[70, 10, 10, 10], [25, 25, 25, 25], [40, 20, 15, 25]])
def test_points_that_agree_or_say_nothing_give_no_notice(points):
    r = _result(points)
    assert r.blocks is not None and not r.blocks.disagree and r.blocks.notice == ""
    assert "blocks disagree" not in r.configuration_now.diagnosis


def test_a_negative_rank_correlation_disagrees_without_a_clear_leader():
    # points rise H < S < I < F by steps under a 10-point lead (spread 16), ratings fall: rho = -1
    c = cross_block([18, 22, 26, 34], {"organisation": [1.0, 0.75, 0.5, 0.25]})
    assert c.disagree and c.rho == pytest.approx(-1.0)
    assert "rank correlation -1.00" in c.notice


def test_the_margins_are_the_documented_ones():
    rated = {"organisation": [1.0, 0.25, 0.25, 0.5]}  # H 5, S 2, I 2, F 3
    assert not cross_block([25, 20, 20, 34.5], rated).disagree  # F leads by 9.5 < 10 points
    assert cross_block([25, 20, 20, 35], rated).disagree  # F leads by 10: two steps below H
    one_step = {"organisation": [1.0, 0.25, 0.25, 0.75]}  # F rated 4: one step below H
    assert not cross_block([10, 10, 10, 70], one_step).disagree
    assert LEAD_POINTS == 10 and RATING_STEPS == 2


def test_the_level_falls_back_to_the_team_when_the_organisation_is_not_rated():
    r = _result([10, 10, 10, 70], _likert(levels=("team",)))
    assert r.configuration_now.name == "not classified"  # no organisation rating, no configuration
    assert r.blocks is not None and r.blocks.level == "team" and r.blocks.disagree
    assert "strength ratings (team)" in r.configuration_now.diagnosis
    nothing = _result([10, 10, 10, 70], _likert(levels=()))
    assert nothing.blocks is None and "blocks disagree" not in nothing.configuration_now.diagnosis
    assert score_answers([[10, 10, 10, 70]] * 6, [[25] * 4] * 6).blocks is None  # no ratings at all


def test_the_flags_skip_unscored_and_unrated_respondents():
    nan = float("nan")
    d, rho, level = cross_block_flags([[10, 10, 10, 70], [nan] * 4, [10, 10, 10, 70]],
                                      {"organisation": [[1, .25, .25, .5], [1, .25, .25, .5], [nan] * 4],
                                       "team": [[nan] * 4, [nan] * 4, [1, .25, .25, .5]]})
    assert d.tolist() == [True, False, True] and level.tolist() == ["organisation", None, "team"]
    assert np.isnan(rho[1])


def test_the_form_shows_the_notice_with_the_diagnosis():
    f = SurveyForm()
    f.set_answers({"now": [[10, 10, 10, 70]] * 6, "preferred": [[25] * 4] * 6, "likert": _likert()})
    assert f.show_result()
    assert "Your two blocks disagree" in html.unescape(f.summary.value)
    f.set_answers({"now": [[70, 10, 10, 10]] * 6, "preferred": [[25] * 4] * 6, "likert": _likert()})
    assert f.show_result() and "blocks disagree" not in html.unescape(f.summary.value)


def test_the_class_report_counts_the_respondents_whose_blocks_disagree():
    c = synthetic_class()
    now = c.now.copy()
    likert = c.likert.copy()
    row = np.array(_likert())
    for k in range(5):  # five respondents: the reviewer's fatalism case
        now[k] = [[10, 10, 10, 70]] * 6
        likert[k] = row
    made = Responses(ids=c.ids, now=now, preferred=c.preferred, likert=likert, groups=c.groups)
    base, a = analyse(c), analyse(made)
    assert a.blocks_checked == base.blocks_checked == int((~c.styles().any).sum())  # the classified ones
    # the class count (vectorised) agrees with each respondent's own check (score_answers)
    each = [score_answers(c.now[k], c.preferred[k], c.likert[k]).blocks for k in range(len(c))]
    kept = ~c.styles().any  # only the classified are counted (re-review 2, finding 3)
    counted = [b is not None and b.disagree and k for b, k in zip(each, kept, strict=True)]
    assert base.blocks_disagree == sum(counted) > 0
    assert kept[:5].all()
    assert a.blocks_disagree == base.blocks_disagree - sum(b.disagree for b in each[:5]) + 5
    text = re.sub(r"<[^>]+>", "", html.unescape(report.render_report(made, date="x")))
    counted = f"{a.blocks_disagree} of {a.blocks_checked} respondent(s) checked (those classified"
    assert counted in text
    assert f"({LEAD_POINTS:.0f} or more ahead of the next)" in text


def test_a_one_point_tilt_is_not_a_disagreement():
    # methodologist re-review 2, finding 3: 24/25/25/26 against H 5, S 2, I 2, F 3 correlate at -0.33
    from coordkit.survey import SPREAD_POINTS, crossblock

    rated = {"organisation": [1.0, 0.25, 0.25, 0.5]}
    tilt = cross_block([24, 25, 25, 26], rated)
    assert round(tilt.rho, 2) == -0.33 and not tilt.disagree and tilt.notice == ""
    assert SPREAD_POINTS == 10
    assert cross_block([20, 25, 25, 30], rated).disagree  # spread 10: the correlation counts
    assert not cross_block([21, 25, 25, 29], rated).disagree  # spread 8: it does not
    d, _, _ = cross_block_flags([[24, 25, 25, 26]], {"organisation": [[1.0, 0.25, 0.25, 0.5]]})
    assert not d[0]
    # the old rule (no spread condition) fired: the test fails on it
    old = crossblock.SPREAD_POINTS
    try:
        crossblock.SPREAD_POINTS = 0.0
        assert cross_block([24, 25, 25, 26], rated).disagree
    finally:
        crossblock.SPREAD_POINTS = old


def test_the_class_report_counts_only_classified_respondents():
    # re-review 2, finding 3: 4 of the 10 counted on the shipped class were withheld for a response style
    c = synthetic_class()
    a = analyse(c)
    flags = c.styles().any
    kept = ~flags
    each = [score_answers(c.now[k], c.preferred[k], c.likert[k]).blocks for k in range(len(c))]
    disagree = np.array([b is not None and b.disagree for b in each])
    assert a.blocks_checked == int(kept.sum()) == 53
    assert a.blocks_disagree == int((disagree & kept).sum()) < int(disagree.sum())
    text = re.sub(r"<[^>]+>", "", html.unescape(report.render_report(c, date="x")))
    assert (f"{a.blocks_disagree} of {a.blocks_checked} respondent(s) checked (those classified: a "
            "respondent "
            "withheld for a response style is not checked)") in text
    assert "counted only when the points spread by 10 or more from most to fewest" in text


def test_the_stated_attentive_rate_is_the_measured_one():
    from coordkit.survey import LEVELS, careless_respondents, crossblock

    c = synthetic_class(size=1000)
    planted = np.isin(c.ids, ["S013", "S041"])  # the generator's yea-sayers
    attentive = ~np.isin(c.ids, careless_respondents(size=1000)) & ~planted
    strength = {level: c.strength(level) for level in LEVELS}
    d, _, _ = cross_block_flags(c.divide("now").scores, strength)
    old = crossblock.SPREAD_POINTS
    try:
        crossblock.SPREAD_POINTS = 0.0
        before, _, _ = cross_block_flags(c.divide("now").scores, strength)
    finally:
        crossblock.SPREAD_POINTS = old
    doc = " ".join((crossblock.__doc__ or "").split())
    assert (f"flags {d[attentive].mean():.1%} of its {attentive.sum()} attentive respondents "
            f"({before[attentive].mean():.1%} without the spread condition") in doc
