"""No respondent or group is given a score it did not earn (issue 14).

Respondents flagged for a response style are left out of group results and counted; a version 2
group's configuration is never read from the points; a respondent answering "don't know" to
everything is "not classified" with a reason on every path; anonymising a read result is pure.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from coordkit.class_report import render_report
from coordkit.survey import (
    NOT_CLASSIFIED,
    Responses,
    analyse,
    questionnaire,
    score_answers,
    synthetic_class,
)
from coordkit.survey.read import LATE_SUBMISSION_WARNING, read_files

ROOT = Path(__file__).resolve().parents[1]
Q = questionnaire()
STRENGTH = {i.id: k for k, i in enumerate(Q.likert_items) if i.block == "strength"}


def with_extra(base: Responses, likert_rows: np.ndarray, team: str) -> Responses:
    """``base`` plus one respondent per row of ``likert_rows`` in ``team``, with fixed points."""
    k = len(likert_rows)
    dims = base.now.shape[1]
    now = np.tile([[70.0, 10.0, 10.0, 10.0]], (k, dims, 1))  # far from every team's mean
    return Responses(
        ids=(*base.ids, *(f"X{j:03d}" for j in range(k))),
        now=np.concatenate([base.now, now]), preferred=np.concatenate([base.preferred, now]),
        likert=np.concatenate([base.likert, likert_rows]),
        groups={"team": (*base.groups["team"], *([team] * k))}, version=base.version,
    )


@pytest.fixture(scope="module")
def padded():
    """The synthetic class with eight straight-liners (every answer 5) added to Ward B."""
    base = synthetic_class()
    return base, with_extra(base, np.full((8, len(Q.likert_items)), 5.0), "Ward B")


def test_flagged_respondents_are_left_out_of_group_scores_and_counted(padded):
    base, c = padded
    flagged = c.styles().any
    assert flagged[-8:].all() and flagged.sum() == base.styles().any.sum() + 8
    a = analyse(c, group_column="team")
    ward = next(g for g in a.groups if g.label == "Ward B")
    team = np.array(c.groups["team"]) == "Ward B"
    kept = team & ~flagged
    assert ward.n == team.sum() and ward.style_excluded == (team & flagged).sum() >= 8
    assert ward.classified == kept.sum()
    # the straight-liners' 70 points of hierarchy and their all-5 levels move nothing
    assert ward.now_mean == pytest.approx(c.scores("now")[kept].mean(axis=0))
    assert ward.benign_level == pytest.approx(np.nanmean(c.forms().benign[kept], axis=0))
    assert ward.strength_mean == pytest.approx(np.nanmean(c.strength("team")[kept], axis=0))  # a team
    assert a.overall is not None
    assert a.overall.style_excluded == flagged.sum()
    assert a.overall.now_mean == pytest.approx(c.scores("now")[~flagged].mean(axis=0))
    # group comparisons (ICC) rest on the same members
    from coordkit.survey import group_icc_table

    shown = np.isin(np.array(c.groups["team"]), [g.label for g in a.groups if "combined" not in g.label])
    expected = group_icc_table(c.select(shown & ~flagged), "team", level="team")
    assert a.group_icc is not None and a.group_icc.equals(expected)
    # and their own configurations are not classified, with the reason
    confs = c.configurations("now")
    assert all(confs[k].name == NOT_CLASSIFIED and "response style" in confs[k].diagnosis
               for k in np.flatnonzero(flagged))


def test_the_report_says_how_many_respondents_are_not_classified(padded):
    _, c = padded
    html = render_report(c, group_column="team", date="2026-01-01")
    n = int(c.styles().any.sum())
    assert f"{n} respondents not classified: response style." in html
    assert "the same strength rating throughout: 8" in html
    assert "not classified: response style</th>" in html  # the groups table's column


def test_a_class_of_straight_liners_gets_no_configuration_and_no_balance():
    base = synthetic_class(size=10)
    c = Responses(ids=base.ids, now=base.now, preferred=base.preferred,
                  likert=np.full((10, len(Q.likert_items)), 5.0), groups=base.groups)
    a = analyse(c)
    assert a.overall is not None and a.overall.classified == 0
    assert a.overall.configuration_now.name == NOT_CLASSIFIED
    assert a.overall.configuration_preferred.name == NOT_CLASSIFIED
    assert np.isnan(a.overall.shown_balance("now")) and np.isnan(a.overall.shown_balance("preferred"))
    assert "every member's answers were flagged" in a.overall.configuration_now.diagnosis
    html = render_report(c, date="2026-01-01")
    assert "Now: balanced" not in html and "Now: not classified." in html
    assert "10 respondents not classified: response style." in html and "Every respondent was flagged" in html


def test_a_group_whose_members_rated_no_strength_for_a_mode_is_not_classified_from_points():
    base = synthetic_class()
    likert = base.likert.copy()
    team = np.array(base.groups["team"]) == "Ward B"
    likert[np.ix_(team, [STRENGTH["ATI"]])] = np.nan  # every member: "don't know" on team individualism
    c = Responses(ids=base.ids, now=base.now, preferred=base.preferred, likert=likert,
                  groups=base.groups)
    ward = next(g for g in analyse(c, group_column="team").groups if g.label == "Ward B")
    assert np.isnan(ward.strength_mean[2])
    assert ward.configuration_now.name == NOT_CLASSIFIED
    assert "individualism not rated" in ward.configuration_now.diagnosis
    assert "does not infer it from the points" in ward.configuration_now.diagnosis
    assert ward.shown_configuration("now") == NOT_CLASSIFIED and np.isnan(ward.shown_balance("now"))
    # the other groups keep theirs
    other = next(g for g in analyse(c, group_column="team").groups if g.label == "Ward A")
    assert other.configuration_now.name != NOT_CLASSIFIED


def test_a_version_1_group_still_infers_strength_from_points_and_says_so():
    base = synthetic_class()
    v1 = Responses(ids=base.ids, now=base.now, preferred=base.preferred, groups=base.groups, version=1)
    s = analyse(v1, group_column="team").overall
    assert s is not None and s.configuration_now.name != NOT_CLASSIFIED
    assert "inferred from the divide-100 shares" in s.configuration_now.diagnosis


def dont_know_everything() -> Responses:
    base = synthetic_class(size=8)
    likert = base.likert.copy()
    likert[:3] = np.nan  # three respondents answer "don't know" to every rated item
    return Responses(ids=base.ids, now=base.now, preferred=base.preferred, likert=likert,
                     groups=base.groups)


def test_dont_know_to_everything_is_not_classified_with_a_reason_on_every_path():
    # one respondent
    ex = synthetic_class(size=1)
    r = score_answers(ex.now[0], ex.preferred[0], np.full(len(Q.likert_items), np.nan))
    assert r.configuration_now is not None and r.configuration_now.name == NOT_CLASSIFIED
    assert "strength not rated" in r.configuration_now.diagnosis
    assert r.configuration_preferred is not None and r.configuration_preferred.name == NOT_CLASSIFIED
    assert r.balance_now is None and r.balance_preferred is None
    # in a class: their own configurations, and the report
    c = dont_know_everything()
    for timeframe in ("now", "preferred"):
        confs = c.configurations(timeframe)
        assert all(x.name == NOT_CLASSIFIED and "not rated" in x.diagnosis for x in confs[:3])
    a = analyse(c)
    assert a.configurations is not None and a.configurations.loc[NOT_CLASSIFIED, "now"] >= 3
    html = render_report(c, date="2026-01-01")
    assert "Traceback" not in html and "<td>not classified</td>" in html


def test_dont_know_to_everything_in_the_form_says_not_classified():
    from coordkit.survey import example_answers
    from coordkit.widgets.survey import DK, SurveyForm

    answers = example_answers()
    answers["likert"] = [DK] * len(Q.likert_items)
    f = SurveyForm(answers)
    f.show_result()
    assert f.result.configuration_now is not None and f.result.configuration_now.name == NOT_CLASSIFIED
    assert "Now: not classified" in f.summary.value and "strength not rated" in f.summary.value
    assert "Balance index withheld" in f.summary.value


def test_anonymising_twice_adds_the_late_submission_warning_once():
    r = read_files([ROOT / "data" / "synthetic_class.csv"], group_columns=["team"])
    once = r.anonymised()
    twice = once.anonymised()
    assert once.notes.count(LATE_SUBMISSION_WARNING) == 1
    assert twice.notes == once.notes and twice.sources == once.sources
    assert r.anonymised().notes == once.notes  # pure: the original is unchanged
    assert LATE_SUBMISSION_WARNING not in r.notes


# ----- methodologist 2, finding 9: the report's statistics agree with its text --------------------
def test_the_report_no_longer_contradicts_itself(padded):
    import re

    from coordkit.survey import gap_drivers

    _, c = padded
    flagged = c.styles().any
    a = analyse(c, group_column="team")
    # (c) the gap drivers leave flagged respondents out, as the text says
    assert a.drivers is not None and a.drivers.equals(gap_drivers(c.select(~flagged)))
    assert not a.drivers.equals(gap_drivers(c))
    html = render_report(c, group_column="team", date="2026-01-01")
    assert "gap driver and group comparison (ICC)" in html
    assert "and out of the reliability table too" in html
    # (b) no "flagged" column under a sentence counting the flagged: the table is of unflagged members
    acq = html[html.index("<b>Acquiescence.</b>"):]
    acq = acq[:acq.index("</table>")]
    assert "mean acquiescence (members not flagged)" in acq and "<th>flagged</th>" not in acq
    # (e) one statement of the malign rule, the code's
    assert "at least 0.25 and at least 0.25 above its benign level" in html
    # (a) a negative ICC is never printed raw
    org = render_report(c, group_column="team", group_level="organisation", date="2026-01-01")
    icc = org[org.index("<b>Do the groups differ?</b>"):]
    icc = icc[:icc.index("</table>")]
    assert not re.search(r"<td[^>]*>-\d", icc) and "no between-group variance" in icc


def test_the_synthetic_class_does_not_rate_its_levels_alike_as_notebook_07_says():
    # notebook 07 cell 32: every mean absolute level difference is over the kit's margin, and only a
    # small share of students rate every level the same
    from coordkit import data, survey, survey_io

    result = survey_io.read_responses(data.data_dir() / "synthetic_class.csv", group_columns=["team"])
    levels = survey.analyse(result.responses, group_column="team").levels
    assert (levels["|team - organisation|"] > 0.5).all() and (levels["|organisation - system|"] > 0.5).all()
    assert (levels["same at every level"] < 0.1).all()
    assert levels["level share"].max() < 0.25
