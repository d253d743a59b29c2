"""Agreement per mode, none without a shared target, and ICC(1)/ICC(2) (issue 14, finding 6)."""

import math

import numpy as np
import pytest

from coordkit import class_report as report
from coordkit.modes import ALL_MODES
from coordkit.survey import (
    AGREEMENT_THRESHOLD,
    Responses,
    analyse,
    group_icc_table,
    icc,
    mode_agreement,
    no_shared_target,
    questionnaire,
    rwg_j,
    synthetic_class,
)

Q = questionnaire()
MODES = [m.value for m in ALL_MODES]


def _strength_columns(timeframe: str = "now", level: str = "organisation") -> list[int]:
    return [k for k, i in enumerate(Q.likert_items)
            if i.block == "strength" and i.level == level and i.timeframe == timeframe]


def _group(now_ratings, preferred_ratings=None, *, seed: int = 5) -> Responses:
    """SYNTHETIC respondents in one team, with the given team strength ratings now (rows H, S, I, F).

    A team's members share their team, so its agreement reads the team ratings (review 2, finding 1);
    the preferred ratings exist for the organisation only.
    """
    now_ratings = np.asarray(now_ratings, dtype=float)
    base = synthetic_class(seed=seed, size=len(now_ratings))
    likert = base.likert.copy()
    likert[:, _strength_columns("now", "team")] = now_ratings
    preferred = now_ratings if preferred_ratings is None else preferred_ratings
    likert[:, _strength_columns("preferred")] = preferred
    return Responses(ids=base.ids, now=base.now, preferred=base.preferred, likert=likert,
                     groups={"team": ("Ward X",) * len(now_ratings)})


def _one_way(values, labels) -> tuple[float, float]:
    """ICC(1) and ICC(2) by hand from the one-way ANOVA (Bliese 2000), for the tests to check against."""
    values, labels = np.asarray(values, dtype=float), np.asarray(labels, dtype=object)
    parts = [values[labels == g] for g in dict.fromkeys(labels.tolist())]
    n, count = sum(len(p) for p in parts), len(parts)
    grand = np.concatenate(parts).mean()
    msb = sum(len(p) * (p.mean() - grand) ** 2 for p in parts) / (count - 1)
    msw = sum(((p - p.mean()) ** 2).sum() for p in parts) / (n - count)
    k = (n - sum(len(p) ** 2 for p in parts) / n) / (count - 1)
    return (msb - msw) / (msb + (k - 1) * msw), (msb - msw) / msb


def _shown_and_kept(c: Responses) -> np.ndarray:
    """Members of the three shown teams not flagged for a response style (the ICC table's members)."""
    return np.isin(c.groups["team"], ["Ward A", "Ward B", "Outpatients"]) & ~c.styles().any


def test_rwg_per_mode_is_one_minus_the_variance_ratio_by_hand():
    # hierarchy 4, 4, 5: variance 1/3, uniform null 2 -> rwg = 1 - 1/6
    a = mode_agreement([[4, 3, 2, 1], [4, 3, 2, 1], [5, 3, 2, 1]])
    assert a.modes[0].rwg == pytest.approx(5 / 6) and [m.rwg for m in a.modes[1:]] == [1.0, 1.0, 1.0]
    assert all(m.items == 1 for m in a.modes) and a.rwg == pytest.approx(5 / 6) and a.agrees
    with pytest.raises(ValueError, match="members x 4 modes"):
        mode_agreement([[1, 2, 3]])


def test_the_split_on_one_mode_that_pooled_rwg_j_passes_is_withheld():
    # the agreement module's own motivating case: six members split 5 / 1 on hierarchy, unanimous on
    # the rest. Pooled over four constructs, rwg(j) calls it agreement (the old rule showed it).
    split = [[5, 4, 2, 1]] * 3 + [[1, 4, 2, 1]] * 3
    assert rwg_j(split).rwg == pytest.approx(0.73, abs=0.005) and rwg_j(split).agrees
    per = mode_agreement(split)
    assert not per.agrees and per.low == ("hierarchy",) and per.modes[0].rwg == 0.0
    g = analyse(_group(split), group_column="team").groups[0]
    assert g.withheld("now")
    assert g.shown_configuration("now").startswith("withheld: members disagree on hierarchy")
    assert g.withheld("preferred")


def test_a_group_agreeing_on_every_mode_now_and_preferred_keeps_its_configuration():
    ratings = [[4, 4, 2, 1]] * 6 + [[5, 4, 2, 1]] * 2
    group = _group(ratings)
    g = analyse(group, group_column="team").groups[0]
    # one of the six 4s (S004, a partly careless responder) is flagged for a response style and left
    # out, so hierarchy is 4 x 5 and 5 x 2: mean 30/7, squared deviations 5(2/7)^2 + 2(5/7)^2 = 10/7,
    # variance 10/42, rwg = 1 - (10/42)/2 = 37/42 (0.881; all eight would give 1 - (3/14)/2 = 25/28)
    kept = ~group.styles().any
    assert g.style_excluded == 1 and list(np.array(ratings)[kept, 0]) == [4] * 5 + [5] * 2
    lowest = 1 - np.var(np.array(ratings)[kept, 0], ddof=1) / 2
    assert lowest == pytest.approx(37 / 42)
    assert g.agreement_now.agrees and g.agreement_now.rwg == pytest.approx(37 / 42)
    assert g.agreement_now.modes[0].n == 7 and [m.rwg for m in g.agreement_now.modes[1:]] == [1.0] * 3
    for timeframe in ("now", "preferred"):
        assert not g.withheld(timeframe)
        config = g.configuration_now if timeframe == "now" else g.configuration_preferred
        assert g.shown_configuration(timeframe) == config.name
    html = report.render_report(_group(ratings), group_column="team", min_group=5, date="x")
    rows = [row.split("</tr>")[0] for row in html.split("<tr>") if "<td>Ward X</td>" in row]
    assert len(rows) >= 2 and not any("withheld" in row for row in rows)


def test_ward_a_is_withheld_on_the_modes_its_configuration_rests_on():
    # declared as an organisation-level grouping, Ward A's organisation ratings are the ones read
    a = analyse(synthetic_class(), group_column="team", group_level="organisation")
    ward = next(g for g in a.groups if g.label == "Ward A")
    assert ward.agreement_now.low == ("hierarchy", "individualism")
    c = synthetic_class()
    teams = np.array(c.groups["team"])
    # the 17 of Ward A's 18 members not flagged for a response style; rwg by hand, 1 - s^2 / 2 per mode
    kept = (teams == "Ward A") & ~c.styles().any
    ward_ratings = (c.strength() * 4 + 1)[kept]
    assert (teams == "Ward A").sum() == 18 and ward_ratings.shape == (17, 4)
    by_hand = 1 - np.var(ward_ratings, axis=0, ddof=1) / 2
    assert [m.rwg for m in ward.agreement_now.modes] == pytest.approx(by_hand)
    assert [round(float(r), 2) for r in by_hand] == [0.67, 0.78, 0.53, 0.74]  # two under 0.70
    assert rwg_j(ward_ratings).rwg > 0.85  # pooled over the four modes, it hid the split
    assert ward.withheld() and "hierarchy (rwg 0.67), individualism (rwg 0.53)" in ward.shown_configuration()
    assert "members disagree on hierarchy" in ward.agreement_now.reading()


def test_no_agreement_for_the_whole_class_or_a_pooled_row_of_different_organisations():
    a = analyse(synthetic_class(), group_column="team")
    pooled = a.groups[-1]
    assert pooled.label.startswith("other groups combined")
    for s in (a.overall, pooled):
        for timeframe in ("now", "preferred"):
            agreement = s.agreement(timeframe)
            assert not agreement.measured and math.isnan(agreement.rwg) and not s.withheld(timeframe)
            assert "describe different organisations" in agreement.reading()
        assert s.shown_configuration() == s.configuration_now.name  # the reason is said beside it
    table = a.group_table()
    assert math.isnan(table.loc["whole class", "agreement now"])
    assert math.isnan(table.loc[pooled.label, "agreement now"])
    html = report.render_report(synthetic_class(), group_column="team", date="x")
    assert "This is not an agreed description; agreement not computed" in html
    assert "not computed (different organisations)" in html
    assert no_shared_target("x").reason.startswith("agreement not computed: x describe")


def test_icc_matches_shrout_and_fleiss_1979_table_2_one_way():
    # six targets (groups) rated by four judges (members); Shrout and Fleiss: BMS 11.24, WMS 6.26,
    # ICC(1,1) = 0.17, ICC(1,k) = 0.44, which are Bliese's ICC(1) and ICC(2)
    table = np.array([[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]])
    r = icc(table.ravel(), np.repeat(list("abcdef"), 4))
    assert r.ms_between == pytest.approx(11.24, abs=0.005) and r.ms_within == pytest.approx(6.26, abs=0.005)
    assert r.icc1 == pytest.approx(0.17, abs=0.005) and r.icc2 == pytest.approx(0.44, abs=0.005)
    assert (r.groups, r.n, r.k) == (6, 24, 4.0)


def test_icc_bounds_unequal_groups_and_missing_values():
    assert icc([1, 1, 5, 5], [0, 0, 1, 1]).icc1 == 1.0  # all spread between groups
    same = icc([1, 2, 1, 2], [0, 0, 1, 1])
    assert same.icc1 == -1.0 and math.isnan(same.icc2)  # none between: ICC(1) = -1/(k-1)
    assert not icc([3, 3, 3, 3], [0, 0, 1, 1]).estimated
    assert not icc([1, 2, 3], [0, 0, 1]).estimated  # one group with two answers
    # unequal groups of 2 and 4 (N 6): k = (6 - (4 + 16)/6) / 1 = 8/3; a NaN is left out
    r = icc([1, 2, 3, 4, 4, 5, np.nan], [0, 0, 1, 1, 1, 1, 1])
    assert r.n == 6 and r.k == pytest.approx(8 / 3)
    # by hand: means 1.5 and 4, grand 19/6; SSB = 2(1.5-19/6)^2 + 4(4-19/6)^2; SSW = 0.5 + 2
    ssb = 2 * (1.5 - 19 / 6) ** 2 + 4 * (4 - 19 / 6) ** 2
    msb, msw = ssb, 2.5 / 4
    assert r.icc1 == pytest.approx((msb - msw) / (msb + (8 / 3 - 1) * msw))
    with pytest.raises(ValueError, match="differ in length"):
        icc([1, 2], [0])


def test_the_class_analysis_has_an_icc_table_for_the_shown_groups_only():
    # the organisation ratings, read as if the teams were organisations, barely differ between teams
    t = analyse(synthetic_class(), group_column="team", group_level="organisation").group_icc
    assert t is not None
    org = t[t["measure"] == "organisation strength rating"]
    assert list(org["mode"]) == ["hierarchy", "solidarity", "individualism", "fatalism"]
    # Ward A, Ward B, Outpatients (18 + 16 + 14 = 48 members, 6 flagged for a response style left
    # out: 1 in Ward A, 3 in Ward B, 2 in Outpatients; 11 when 1.35 withheld); no pooled row
    c = synthetic_class()
    teams, flagged = np.array(c.groups["team"]), c.styles().any
    shown = np.isin(teams, ["Ward A", "Ward B", "Outpatients"])
    assert (shown.sum(), (shown & flagged).sum()) == (48, 6)
    assert (t["groups"] == 3).all() and (t["n"] == 48 - 6).all()
    assert org["reading"].str.contains("do not compare the groups|not reliable enough").all()
    # by hand: solidarity's ICC(1) and ICC(2) on those 42 (the only organisation rating above 0)
    icc1, icc2 = _one_way((c.strength() * 4 + 1)[_shown_and_kept(c), 1], teams[_shown_and_kept(c)])
    assert org.loc["solidarity: organisation strength rating", ["ICC(1)", "ICC(2)"]].tolist() == [
        round(icc1, 2), round(icc2, 2)] == [0.02, 0.19]
    assert analyse(synthetic_class()).group_icc is None
    # groups that really differ on hierarchy: ICC(2) high and read as reliable
    c = synthetic_class(seed=2)
    likert = c.likert.copy()
    teams = np.array(c.groups["team"])
    likert[:, _strength_columns()[0]] = np.where(teams == "Ward A", 5, 1)
    strong = group_icc_table(Responses(ids=c.ids, now=c.now, preferred=c.preferred, likert=likert,
                                       groups=c.groups), "team")
    assert strong.loc["hierarchy: organisation strength rating", "ICC(1)"] == 1.0
    assert "reliable enough to compare" in strong.loc["hierarchy: organisation strength rating", "reading"]
    html = report.render_report(synthetic_class(), group_column="team", date="x")
    assert "ICC(1)" in html and "Bliese 2000" in html


def test_threshold_is_the_kits_labelled_convention():
    assert AGREEMENT_THRESHOLD == 0.70
    from coordkit.survey import agreement

    doc = agreement.__doc__
    assert "the kit's choice of it" in doc and "LeBreton and Senter 2008" in doc
    assert "James, Demaree and Wolf 1984" in doc


# ----- methodologist 2, finding 1: the rating level follows the grouping ---------------------------
def test_team_groups_read_team_ratings_and_the_icc_covers_the_scores_that_differ():
    a = analyse(synthetic_class(), group_column="team")
    assert a.group_level == "team"
    c = synthetic_class()
    teams = np.array(c.groups["team"])
    flagged = c.styles().any
    ward = next(g for g in a.groups if g.label == "Ward A")
    kept = (teams == "Ward A") & ~flagged
    assert ward.level == "team"
    assert ward.strength_mean == pytest.approx(np.nanmean(c.strength("team")[kept], axis=0))
    assert not np.allclose(ward.strength_mean, np.nanmean(c.strength()[kept], axis=0))
    t = a.group_icc
    assert set(t["measure"]) == {"team strength rating", "points now", "benign level", "malign level"}
    # points and levels differ between the teams: ICC(2) by hand on the table's 42 members, and the
    # reading follows the kit's 0.70 (all 12 from 0.70, solidarity's malign level, to 0.99)
    teams, shown = np.array(c.groups["team"]), _shown_and_kept(c)
    forms = c.forms()
    values = {"points now": c.scores("now"), "benign level": forms.benign, "malign level": forms.malign}
    others = t[t["measure"] != "team strength rating"]
    for score, row in others.iterrows():
        icc1, icc2 = _one_way(values[row["measure"]][shown, MODES.index(row["mode"])], teams[shown])
        assert (row["ICC(1)"], row["ICC(2)"]) == (round(max(icc1, 0), 2), round(max(icc2, 0), 2)), score
        assert ("WARNING: the group means are not reliable" in row["reading"]) == (icc2 < 0.70), score
    reliable = others[others["reading"].str.contains("the group means are reliable enough")]
    assert len(reliable) == 12 and reliable["ICC(2)"].min() == 0.70
    assert reliable["ICC(2)"].idxmin() == "solidarity: malign level"
    # only 3 groups: the reading says the estimate is rough, and gives an F test
    assert t["reading"].str.contains("only 3 groups, so the estimate is rough").all()
    assert t["reading"].str.contains("F test p = ").all()


def test_a_negative_icc_is_read_as_no_between_group_variance_never_printed_raw():
    t = analyse(synthetic_class(), group_column="team", group_level="organisation").group_icc
    org = t[t["measure"] == "organisation strength rating"]
    c = synthetic_class()
    shown, teams = _shown_and_kept(c), np.array(c.groups["team"])
    # raw, on the table's own 42 members: hierarchy's ICC(2) -4.77 and individualism's -22.20 (their
    # group means all but equal); by hand and from the library
    raw = [icc((c.strength() * 4 + 1)[shown, k], teams[shown]) for k in range(4)]
    hand = [_one_way((c.strength() * 4 + 1)[shown, k], teams[shown]) for k in range(4)]
    assert [r.icc2 for r in raw] == pytest.approx([h[1] for h in hand])
    assert [round(r.icc2, 2) for r in raw if r.icc2 < -1] == [-4.77, -22.2]
    assert (org["ICC(1)"] >= 0).all() and (org["ICC(2)"] >= 0).all()
    negative = org[org["reading"].str.startswith("no between-group variance")]
    assert list(negative["mode"]) == ["hierarchy", "individualism", "fatalism"]
    assert (negative[["ICC(1)", "ICC(2)"]] == 0).all().all()
    assert not negative["reading"].str.contains(r"-\d").any()


def test_an_unknown_group_level_gets_no_agreement_and_no_configuration():
    c = synthetic_class()
    seminar = Responses(ids=c.ids, now=c.now, preferred=c.preferred, likert=c.likert,
                        groups={"seminar": c.groups["team"]})
    a = analyse(seminar, group_column="seminar")
    assert a.group_level is None
    shown = [g for g in a.groups if not g.label.startswith("other groups")]
    for g in shown:
        assert not g.level_known and not g.agreement_now.measured
        assert "does not know which level the group column 'seminar' denotes" in g.agreement_now.reason
        assert g.shown_configuration().startswith("not shown: the level the group column denotes is not")
    assert set(a.group_icc["measure"]) == {"points now", "benign level", "malign level"}
    named = analyse(seminar, group_column="seminar", group_level="team")
    assert named.group_level == "team" and named.groups[0].level_known
    with pytest.raises(ValueError, match="group_level must be one of"):
        analyse(seminar, group_column="seminar", group_level="ward")
