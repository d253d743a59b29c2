"""Each respondent's results computed once (:func:`coordkit.survey.respondent_table`, issue 11).

The class explorer re-grouped a class by re-scoring and re-classifying every respondent for every
grouping; the table is made once per data set and the groups are summarised from its rows. The
results must be those of the old path: pinned (``fixtures/class_analysis_pinned.csv``, written by
the code before the change and checked identical on 154 analyses), and equal to analysing each
group's answers on their own.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from coordkit.survey import Responses, analyse, group_order, respondent_table, synthetic_class

PINNED = Path(__file__).resolve().parent / "fixtures" / "class_analysis_pinned.csv"
CLASSES = {"synthetic": lambda: synthetic_class(), "small": lambda: synthetic_class(seed=3, size=12)}


def test_group_tables_are_those_of_the_code_before_the_table(monkeypatch):
    from coordkit.survey import styles

    # pinned when inconsistency withheld from 1.35 (before the two tiers of re-review 2, finding 2): at
    # that cut the caution band is empty and the screen is the one the pinned tables were written with
    monkeypatch.setattr(styles, "INCONSISTENCY_FLAG", styles.INCONSISTENCY_CAUTION)
    pinned = pd.read_csv(PINNED, index_col="row", keep_default_na=False, na_values=[""])
    for name, make in CLASSES.items():
        c = make()
        table = respondent_table(c)
        for col, m in ((None, 5), ("team", 3), ("team", 5), ("role", 3)):
            case = f"{name} {col or 'class'} {m}"
            expected = pinned[pinned["case"] == case].drop(columns="case")
            # pinned largest first; groups are now listed as people number them (lecturer review 2, N4)
            rows = list(expected.index)
            pooled = [r for r in rows if r.startswith("other groups combined")]
            groups = group_order(r for r in rows if r != "whole class" and r not in pooled)
            expected = expected.loc[[r for r in rows if r == "whole class"] + list(groups) + pooled]
            for respondents in (None, table):
                got = analyse(c, group_column=col, min_group=m, respondents=respondents).group_table()
                got.index.name = "row"
                pd.testing.assert_frame_equal(got, expected, check_dtype=False, obj=case)


def _same(a, b, path="summary"):
    """Equal field by field (arrays with NaN equal where both are NaN)."""
    if dataclasses.is_dataclass(a):
        for f in dataclasses.fields(a):
            _same(getattr(a, f.name), getattr(b, f.name), f"{path}.{f.name}")
    elif isinstance(a, (tuple, list)):
        assert len(a) == len(b), path
        for k, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{path}[{k}]")
    elif isinstance(a, dict):
        assert list(a) == list(b), path
        for k in a:
            _same(a[k], b[k], f"{path}[{k!r}]")
    elif isinstance(a, np.ndarray):
        assert np.array_equal(a, b, equal_nan=a.dtype.kind == "f"), path
    elif isinstance(a, float) and np.isnan(a):
        assert np.isnan(b), path
    else:
        assert a == b, path


@pytest.mark.parametrize("name", CLASSES)
def test_a_group_is_summarised_as_its_own_answers_alone(name):
    # the group's rows of the class's table, against a table made from the group's answers alone
    c = CLASSES[name]()
    a = analyse(c, group_column="team", min_group=3, group_level="organisation")
    labels = np.array(c.groups["team"], dtype=object)
    for g in a.plan.shown:
        alone = analyse(c.select(labels == g), min_group=3).overall
        group = next(s for s in a.groups if s.label == g)
        keep = ("agreement_now", "agreement_preferred", "label")  # the whole class has no shared target
        _same(dataclasses.replace(group, **{k: getattr(alone, k) for k in keep}), alone)


def test_the_table_selects_the_rows_it_would_be_made_from():
    c = synthetic_class(seed=3, size=40)
    mask = np.arange(40) % 3 == 1
    _same(respondent_table(c).select(mask), respondent_table(c.select(mask)), "table")
    t = respondent_table(c)
    assert np.array_equal(t.strength["team"], c.strength("team"), equal_nan=True)
    assert [x.name for x in t.configurations["preferred"]] == [x.name for x in c.configurations("preferred")]
    with pytest.raises(ValueError, match="read-only"):
        t.malign[0, 0] = 1.0  # shared by every grouping: never changed in place


def test_a_table_of_other_responses_or_another_threshold_is_refused():
    c = synthetic_class(size=12)
    with pytest.raises(ValueError, match="respondent_table of these responses"):
        analyse(c, respondents=respondent_table(c.select(np.arange(12) < 10)))  # other respondents
    with pytest.raises(ValueError, match="at this threshold"):
        analyse(c, threshold=0.6, respondents=respondent_table(c))


def test_a_class_whose_every_respondent_is_flagged_can_be_grouped():
    # analyse raised "cannot reshape array of size 0" here: the group ICC over no sincere respondent
    c = synthetic_class(seed=11, size=40)
    flagged = Responses(ids=c.ids, now=c.now, preferred=c.preferred, likert=np.full_like(c.likert, 3.0),
                        groups=c.groups)
    a = analyse(flagged, group_column="team", min_group=3)
    assert a.overall.style_excluded == 40
    assert {s.configuration_now.name for s in a.groups} == {"not classified"}
    assert set(a.group_icc["groups"]) == {0}


def _v1(c: Responses) -> Responses:
    """The class as a version 1 file without a Likert block: strength from the points, no levels."""
    return Responses(ids=c.ids, now=c.now, preferred=c.preferred, groups=c.groups, version=1)


def _gaps(c: Responses) -> Responses:
    """The class with some ratings not given (NaN) and one dimension off its total."""
    likert = np.array(c.likert, copy=True)
    likert[::7, -6:] = np.nan
    now = np.array(c.now, copy=True)
    now[::5, 0, 0] += 15
    return dataclasses.replace(c, likert=likert, now=now)


def _random_likert(c: Responses) -> Responses:
    """The class with every 1-5 answer drawn at random: every reading and malign warning occurs."""
    rng = np.random.default_rng(11)
    return dataclasses.replace(c, likert=rng.integers(1, 6, size=np.shape(c.likert)).astype(float))


@pytest.mark.parametrize("make", [lambda: synthetic_class(size=400), lambda: _v1(synthetic_class(size=120)),
                                  lambda: _gaps(synthetic_class(size=200)),
                                  lambda: _random_likert(synthetic_class(size=1500))],
                         ids=["v2", "v1", "gaps", "random"])
def test_respondents_who_answered_alike_share_the_configuration_they_would_each_get(make, monkeypatch):
    # issue 11: the 5,000-row report spent 2 s wording 10,000 configurations, most of them alike;
    # each distinct one is now made once. Made one by one, every configuration is the same.
    from coordkit.survey import respondents

    c = make()
    shared = respondent_table(c).configurations
    monkeypatch.setattr(respondents, "_SHARE_CONFIGURATIONS", False)
    one_by_one = respondent_table(c).configurations
    for timeframe in ("now", "preferred"):
        assert shared[timeframe] == one_by_one[timeframe], timeframe
    made = {id(x) for t in ("now", "preferred") for x in shared[t]}
    assert len(made) < len({id(x) for t in ("now", "preferred") for x in one_by_one[t]}), "some shared"


def test_the_class_report_is_byte_identical_with_shared_configurations_and_kept_resamples(monkeypatch):
    from coordkit.class_report import render_report
    from coordkit.survey import reliability, respondents

    c = synthetic_class(size=150)
    fast = render_report(c, group_column="team", date="2026-01-01")
    monkeypatch.setattr(respondents, "_SHARE_CONFIGURATIONS", False)
    monkeypatch.setattr(reliability, "_KEPT_COUNTS", 0)  # every scale draws its resamples afresh
    reliability._last_counts.clear()
    assert render_report(c, group_column="team", date="2026-01-01") == fast
