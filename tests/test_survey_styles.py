"""Strength asked, response styles withheld, neutral not benign (review findings 1-3, 8)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coordkit import survey
from coordkit.survey import NOT_CLASSIFIED, questionnaire, score_answers

Q = questionnaire()
ORG = [Q.likert_items.index(i) for i in Q.block("strength")
       if i.level == "organisation" and i.timeframe == "now"]
EX = survey.example_answers()


def _points(draw_row: list[int]) -> list[list[float]]:
    total = sum(draw_row) or 1
    row = [100 * v / total for v in draw_row]
    if not sum(draw_row):
        row = [25.0] * 4
    return [row] * len(Q.dimensions)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 10), min_size=4, max_size=4), st.sets(st.integers(0, 3), min_size=1))
def test_a_dont_know_rating_never_yields_a_configuration_from_points(row, unknown):
    likert = np.asarray(EX["likert"], dtype=float)
    for k in unknown:
        likert[ORG[k]] = np.nan  # "don't know" is read as missing
    points = _points(row)
    r = score_answers(points, points, likert)
    assert r.configuration_now is not None and r.configuration_now.name == NOT_CLASSIFIED
    assert "strength not rated" in r.configuration_now.diagnosis
    assert r.balance_now is None


def test_the_reviewers_worked_example_no_longer_flips():
    likert = np.asarray(EX["likert"], dtype=float)
    rated = score_answers(EX["now"], EX["preferred"], likert)
    assert rated.configuration_now.name == "deficit culture: weak individualism"
    likert[ORG[2]] = np.nan  # AOI "don't know": was "balanced" from 40 points
    assert score_answers(EX["now"], EX["preferred"], likert).configuration_now.name == NOT_CLASSIFIED
    likert[ORG] = np.nan  # all four: was "individualism monoculture"
    assert score_answers(EX["now"], EX["preferred"], likert).configuration_now.name == NOT_CLASSIFIED


def test_version_1_keeps_the_points_and_says_so():
    q1 = questionnaire(version=1)
    r = score_answers([[40, 30, 10, 20]] * len(q1.dimensions), [[25] * 4] * len(q1.dimensions), q=q1)
    assert r.configuration_now.name == "deficit culture: weak individualism"
    assert "inferred from the divide-100 shares" in r.configuration_now.diagnosis


@pytest.mark.parametrize("c", [1, 2, 3, 4, 5])
def test_straight_liners_are_not_classified(c):
    r = score_answers(EX["now"], EX["preferred"], [c] * len(Q.likert_items))
    assert r.response_style
    for conf in (r.configuration_now, r.configuration_preferred):
        assert conf.name == NOT_CLASSIFIED and "response style" in conf.diagnosis
    assert r.balance_now is None and r.balance_preferred is None


def test_agreeing_with_forward_items_and_skipping_reversals_is_not_scored():
    likert = np.asarray(EX["likert"], dtype=float)
    for k, item in enumerate(Q.likert_items):
        if item.block == "likert":
            likert[k] = np.nan if item.reverse else 5.0
    r = score_answers(EX["now"], EX["preferred"], likert)
    assert np.isnan(r.forms.benign).all() and np.isnan(r.forms.malign).all()  # was +1.0 everywhere
    assert float(r.forms.despair) == 0.0
    assert r.configuration_now.kind.value != "overshadowed"


def test_a_scale_needs_three_of_four_items_with_both_keyings():
    x = np.full(len(Q.likert_items), np.nan)
    cols = {i.id: Q.likert_items.index(i) for i in Q.likert_items}
    x[[cols["BH1"], cols["BH2"], cols["BH3"]]] = [5, 5, 1]
    assert survey.scale_levels(x, Q)["hierarchy benign"] == pytest.approx(1.0)
    x[cols["BH3"]] = np.nan
    assert np.isnan(survey.scale_levels(x, Q)["hierarchy benign"])  # two forward items only
    x[cols["BH3"]] = 1
    x[cols["BH1"]] = np.nan
    assert np.isnan(survey.scale_levels(x, Q)["hierarchy benign"])  # two of four


def test_random_answers_are_flagged_as_inconsistent_more_often_than_honest_ones():
    rng = np.random.default_rng(14)
    random = rng.integers(1, 6, size=(400, len(Q.likert_items))).astype(float)
    flags = survey.response_style_flags(random, Q)
    assert flags.inconsistent.mean() > 0.6  # withheld from 1.5
    assert (flags.inconsistent | flags.caution).mean() > 0.8  # withheld or read with a caution from 1.35
    assert survey.inconsistency_index(EX["likert"], Q) < 1.0
    assert not survey.response_style_flags(EX["likert"], Q).any
    assert survey.inconsistency_index([3] * len(Q.likert_items), Q) == 0.0


def test_nay_saying_is_flagged():
    assert survey.acquiescence_flags(-0.5) and not survey.acquiescence_flags(-0.25)
    flags = survey.response_style_flags([2] * len(Q.likert_items), Q)
    assert flags.nay_saying and "nay-saying" in flags.reasons()


def test_non_differentiation_is_the_within_person_spread_of_the_strength_ratings():
    likert = np.asarray(EX["likert"], dtype=float)
    assert survey.strength_spread(likert, Q) > 0.5
    for item in Q.block("strength"):
        likert[Q.likert_items.index(item)] = 4
    assert survey.strength_spread(likert, Q) == 0.0
    assert survey.response_style_flags(likert, Q).non_differentiating


def test_neutral_forms_are_not_determined_and_never_called_benign():
    f = survey.form_scores([3] * len(Q.likert_items), Q)
    assert survey.form_readings(f) == ["not determined"] * 4
    # fatalism strong, forms neutral: no "mostly benign", no "despair is in check"
    p = survey.profile_from_scores([25] * 4, (0.0, 0.0, 0.0, 0.0), strength=[1.0, 1.0, 1.0, 0.75])
    text = survey.survey_configuration(p, f).diagnosis
    assert "mostly benign" not in text and "despair is in check" not in text
    assert "not determined (neutral answers)" in text
    likert = np.full(len(Q.likert_items), 3.0)
    cols = {i.id: Q.likert_items.index(i) for i in Q.likert_items}
    likert[[cols["BF1"], cols["BF2"], cols["BF3"], cols["BF4"]]] = [5, 5, 1, 1]  # wisdom reported
    benign = survey.form_scores(likert, Q)
    assert survey.form_readings(benign)[3] == "benign"
    assert "mostly benign" in survey.survey_configuration(p, benign).diagnosis


def test_a_malign_warning_needs_the_margin():
    likert = np.full(len(Q.likert_items), 3.0)
    cols = {i.id: Q.likert_items.index(i) for i in Q.likert_items}
    likert[[cols["MH1"], cols["MH2"], cols["MH3"], cols["MH4"]]] = [4, 4, 2, 2]  # malign 0.5
    likert[[cols["BH1"], cols["BH2"], cols["BH3"], cols["BH4"]]] = [4, 4, 2, 3]  # benign 0.375
    f = survey.form_scores(likert, Q)
    assert f.malign[0] > f.benign[0]
    assert survey.malign_warnings(f) == []  # led by 0.125 only: not determined
    assert survey.form_readings(f)[0] == "not determined"


def test_the_screen_flags_most_uniformly_random_responders_and_more_careless_than_attentive_ones():
    # issue 14, finding 4: at the old cut (1.5) the screen passed 35% of random responders; finding 8 of
    # the re-review: the synthetic class now has imperfect reversals, a method factor and partly careless
    # respondents, so the screen's false alarms are measured on answers that do not mirror perfectly;
    # finding 2 of re-review 2: withholding from 1.5, cautioning from 1.35
    rates = survey.style_screen_rates(random_n=600, realistic_n=300, seed=7)
    assert rates.random_passed < 0.4
    assert rates.careless_n > 0 and rates.careless_flagged > 5 * rates.realistic_flagged
    assert rates.realistic_flagged < 0.05
    assert rates.random_passed_alone > 0.9  # a caution alone would let nearly every random responder in


def test_the_stated_screen_rates_are_the_measured_ones():
    from pathlib import Path

    from coordkit.survey import styles

    rates = survey.style_screen_rates()  # the defaults the docs state: 2,000 random (seed 1), 1,000 synthetic
    assert rates == survey.MEASURED_SCREEN  # the stored measurement the report prints
    assert (rates.random_n, rates.realistic_n + rates.careless_n) == (2000, 998)
    passed, flagged = f"passes {rates.random_passed:.0%}", f"flags {rates.realistic_flagged:.1%}"
    careless = f"{rates.careless_flagged:.0%} of its {rates.careless_n} partly careless ones"
    caution = f"a further {rates.realistic_cautioned:.1%} of the"
    # was 15% and 9.1% withholding from 1.35 (re-review 2, finding 2), 16% and 0.5% on perfect mirrors
    assert (passed, flagged, caution) == ("passes 31%", "flags 2.4%", "a further 6.7% of the")
    doc = " ".join((styles.__doc__ or "").split())
    function_doc = " ".join((styles.response_style_flags.__doc__ or "").split())
    guide = " ".join((Path(__file__).parents[1] / "docs" / "questionnaire.md").read_text().split())
    for text in (doc, function_doc, guide):
        assert f"{passed} of 2,000 uniformly random responders (numpy seed 1" in text
        assert f"{flagged} of" in text and f"{rates.realistic_n} realistic" in text
        assert careless in text and caution in text
        assert "provisional until real data exist" in text  # the cut is the kit's, set on made-up answers
    for text in (doc, guide):  # the alternative measured and not taken: a caution alone
        assert f"{rates.random_passed_alone:.0%} of 2,000 uniformly random responders" in text
    assert f"= {styles.INCONSISTENCY_FLAG:g}" in doc and f"= {styles.INCONSISTENCY_CAUTION:g}" in doc
    assert (styles.INCONSISTENCY_CAUTION, styles.INCONSISTENCY_FLAG) == (1.35, 1.5)


def _answers(inconsistency_pairs: int) -> np.ndarray:
    """The nurse's answers with ``inconsistency_pairs`` reversals turned to agree with their statements."""
    likert = np.asarray(EX["likert"], dtype=float)
    index = {i.id: k for k, i in enumerate(Q.likert_items)}
    pairs = [(index[a.id], index[b.id]) for s in Q.scales() for a, b in s.pairs()]
    for a, b in pairs[:inconsistency_pairs]:
        likert[a], likert[b] = 5, 5  # |5 + 5 - 6| = 4
    return likert


def test_the_caution_band_keeps_the_respondent_classified_with_a_caution_in_words():
    # re-review 2, finding 2: from 1.35 to 1.5 the respondent is kept, with a caution; from 1.5 withheld
    found = {}
    for k in range(12):
        likert = _answers(k)
        value = float(survey.inconsistency_index(likert, Q))
        flags = survey.response_style_flags(likert, Q)
        if flags.yes_saying or flags.nay_saying:
            continue
        band = ("withheld" if value >= 1.5 else "caution" if value >= 1.35 else "clear")
        found.setdefault(band, (likert, value, flags))
    assert set(found) == {"clear", "caution", "withheld"}
    likert, value, flags = found["caution"]
    assert 1.35 <= value < 1.5 and bool(flags.caution) and not flags.any and bool(flags.read_with_caution)
    r = survey.score_answers(EX["now"], EX["preferred"], likert)
    assert r.caution and not r.response_style
    assert r.configuration_now.name != survey.NOT_CLASSIFIED and r.balance_now is not None
    assert "reversed statements were not answered as mirrors of their pairs; read this with care" in \
        r.configuration_now.diagnosis
    likert, value, flags = found["withheld"]
    assert value >= 1.5 and flags.any and not flags.read_with_caution and flags.notices() == []
    r = survey.score_answers(EX["now"], EX["preferred"], likert)
    assert r.configuration_now.name == survey.NOT_CLASSIFIED and "read this with care" not in \
        r.configuration_now.diagnosis
    likert, value, flags = found["clear"]
    assert "read this with care" not in survey.score_answers(EX["now"], EX["preferred"], likert)\
        .configuration_now.diagnosis


@pytest.mark.parametrize(("cut", "attentive", "random"), [(1.35, "9.1%", "15%"), (1.45, "4.5%", "25%"),
                                                         (1.55, "2.0%", "38%"), (1.6, "1.8%", "44%")])
def test_the_rates_at_the_other_cuts_the_docs_compare_are_the_measured_ones(monkeypatch, cut, attentive,
                                                                           random):
    # the reason for 1.5 stated in coordkit.survey.styles and docs/questionnaire.md: the attentive rate
    # stops falling there while the random responders let through keep rising
    from pathlib import Path

    from coordkit.survey import styles

    monkeypatch.setattr(styles, "INCONSISTENCY_FLAG", cut)
    rates = survey.style_screen_rates()
    assert (f"{rates.realistic_flagged:.1%}", f"{rates.random_passed:.0%}") == (attentive, random)
    doc = " ".join((styles.__doc__ or "").split())
    guide = " ".join((Path(__file__).parents[1] / "docs" / "questionnaire.md").read_text().split())
    if cut == 1.35:  # the old cut, named as what it cost
        assert f"wronged {attentive} of the synthetic class's" in doc and f"wronged {attentive} of" in guide
    elif cut == 1.6:
        assert f"{random} at {cut:g}" in doc
    else:
        word = "withholds" if cut < 1.5 else "still"
        for text in (doc, guide):
            assert f"{cut:g} {word} {attentive}" in text or f"{cut:g} {word} {attentive} of them" in text
        if cut == 1.55:
            assert f"{random} at 1.55" in doc and f"{random} at 1.55" in guide


def test_the_same_answer_to_every_agreement_statement_is_a_notice_not_a_withholding_flag():
    # re-review 2, "still open": every agreement statement 3, strength ratings varied, was not flagged
    likert = np.asarray(EX["likert"], dtype=float)
    agreement = [k for k, i in enumerate(Q.likert_items) if i.block in ("likert", "structure")]
    assert len(agreement) == 40
    likert[agreement] = 3
    flags = survey.response_style_flags(likert, Q)
    assert survey.same_answer_share(likert, Q) == 1.0 and bool(flags.same_answers) and not flags.any
    r = survey.score_answers(EX["now"], EX["preferred"], likert)
    assert r.configuration_now.name != survey.NOT_CLASSIFIED  # the configuration rests on the ratings
    assert "You gave the same answer to at least three quarters of the agreement statements" in \
        r.configuration_now.diagnosis
    assert "Johnson 2005" in r.configuration_now.diagnosis
    # 29 of 40 the same is under the kit's 0.75; 30 of 40 reaches it
    likert[agreement[:11]] = 4
    assert survey.same_answer_share(likert, Q) == 29 / 40
    assert not survey.response_style_flags(likert, Q).same_answers
    likert[agreement[10]] = 3
    assert survey.same_answer_share(likert, Q) == 0.75 and survey.response_style_flags(likert, Q).same_answers
    # the nurse's own answers: no notice
    assert "same answer" not in survey.score_answers(EX["now"], EX["preferred"], EX["likert"])\
        .configuration_now.diagnosis
    assert survey.SAME_ANSWER_SHARE == 0.75


def test_the_stated_same_answer_rates_are_the_measured_ones():
    from pathlib import Path

    from coordkit.survey import styles, synthetic

    rates = survey.style_screen_rates()
    assert (rates.realistic_same, rates.careless_same, rates.random_same) == (0.0, 0.0, 0.0)
    c, _ = synthetic._generate(synthetic.SYNTHETIC_SEED, 1000)
    most = float(np.nanmax(survey.same_answer_share(c.likert, Q)))
    doc = " ".join((styles.__doc__ or "").split())
    assert f"reach at most {most:.2f} (0 of {rates.realistic_n} at 0.75)" in doc
    guide = " ".join((Path(__file__).parents[1] / "docs" / "questionnaire.md").read_text().split())
    assert f"at most {most:.2f} (0 of {rates.realistic_n} at 0.75)" in guide
    assert "Johnson 2005, *Journal of Research in Personality* 39(1) 103-129" in doc


def test_the_class_report_counts_the_same_answer_respondents():
    from coordkit import class_report as report

    c = survey.synthetic_class()
    likert = c.likert.copy()
    agreement = [k for k, i in enumerate(Q.likert_items) if i.block in ("likert", "structure")]
    likert[:3, agreement] = 3  # three straight-liners on the agreement block only
    made = survey.Responses(ids=c.ids, now=c.now, preferred=c.preferred, likert=likert, groups=c.groups)
    a = survey.analyse(made)
    kept = ~made.styles().any[:3]
    assert a.same_answers == int(kept.sum()) >= 2 and survey.analyse(c).same_answers == 0
    page = report.render_report(made, date="x").replace("&#39;", "'")
    assert (f"{a.same_answers} respondent(s) not withheld gave one answer to at least 75% of the agreement "
            "statements") in page


def _few_pairs(answered: int, first: tuple[float, float], second: tuple[float, float]) -> np.ndarray:
    """The nurse's answers with only ``answered`` pairs left: alternately ``first`` and ``second``."""
    likert = np.asarray(EX["likert"], dtype=float)
    index = {i.id: k for k, i in enumerate(Q.likert_items)}
    pairs = [(index[a.id], index[b.id]) for s in Q.scales() for a, b in s.pairs()]
    assert len(pairs) == 20
    for k, (a, b) in enumerate(pairs):
        likert[a], likert[b] = (np.nan, np.nan) if k >= answered else (first if k % 2 == 0 else second)
    return likert


def test_inconsistency_is_not_checked_on_too_few_answered_pairs():
    # methodologist 3, finding 2 (/tmp/method3/s4.py): 2 of the 20 pairs answered, 4/4 and 4/3, gave an
    # index of (2 + 1) / 2 = 1.5 and withheld the diagnosis; now too few pairs to check, with a notice
    assert survey.MIN_PAIRS_ANSWERED == 10
    likert = _few_pairs(2, (4, 4), (4, 3))
    assert survey.answered_pairs(likert, Q) == 2 and np.isnan(survey.inconsistency_index(likert, Q))
    flags = survey.response_style_flags(likert, Q)
    assert not flags.inconsistent and not flags.caution and not flags.any and bool(flags.unchecked)
    r = survey.score_answers(EX["now"], EX["preferred"], likert)
    assert r.configuration_now.name != NOT_CLASSIFIED and not r.response_style
    assert "Inconsistency and yes-saying not checked (2 pairs answered)" in r.configuration_now.diagnosis
    # the nurse's own answers (all 20 pairs): no such notice
    nurse = score_answers(EX["now"], EX["preferred"], EX["likert"])
    assert "not checked" not in nurse.configuration_now.diagnosis


def test_inconsistency_is_checked_from_the_minimum_of_answered_pairs():
    # alternately 4/4 and 2/2: each pair |sum - 6| = 2, no lean to yes or no (acquiescence 0)
    at = survey.MIN_PAIRS_ANSWERED
    above, below = _few_pairs(at, (4, 4), (2, 2)), _few_pairs(at - 1, (4, 4), (2, 2))
    assert survey.answered_pairs(above, Q) == at and float(survey.inconsistency_index(above, Q)) == 2.0
    flags = survey.response_style_flags(above, Q)
    assert bool(flags.inconsistent) and flags.reasons() == ["reversals not mirrored (inconsistent answers)"]
    assert not flags.unchecked and flags.notices() == []
    assert survey.score_answers(EX["now"], EX["preferred"], above).configuration_now.name == NOT_CLASSIFIED
    flags = survey.response_style_flags(below, Q)
    assert not flags.any and bool(flags.unchecked)
    assert flags.notices() == [survey.UNCHECKED_NOTICE.format(pairs=at - 1)]
    # the caution band from the minimum too: 10 pairs, four at |sum - 6| = 2 (4/4, 2/2) and six at 1 (4/3,
    # 2/3), (8 + 6) / 10 = 1.4: kept, with the caution, and no "not checked" notice
    likert = _few_pairs(at, (4, 4), (2, 2))
    index = {i.id: k for k, i in enumerate(Q.likert_items)}
    pairs = [(index[a.id], index[b.id]) for s in Q.scales() for a, b in s.pairs()]
    for k, (a, b) in enumerate(pairs[4:at]):
        likert[a], likert[b] = (4, 3) if k % 2 == 0 else (2, 3)
    assert float(survey.inconsistency_index(likert, Q)) == pytest.approx(1.4)
    flags = survey.response_style_flags(likert, Q)
    assert bool(flags.read_with_caution) and not flags.unchecked
    assert flags.notices() == [survey.CAUTION_NOTICE]
    # version 1 has no pairs: nothing to check, so no notice either
    v1 = questionnaire(version=1)
    flags = survey.response_style_flags(np.full(len(v1.likert_items), 3.0), v1)
    assert not flags.unchecked.any() and flags.notices() == []


def test_the_class_report_counts_respondents_whose_inconsistency_was_not_checked():
    from coordkit import class_report as report

    c = survey.synthetic_class()
    likert = c.likert.copy()
    index = {i.id: k for k, i in enumerate(Q.likert_items)}
    drop = [index[i.id] for s in Q.scales() for pair in s.pairs()[1:] for i in pair]
    likert[:4, drop] = np.nan  # each scale's first pair kept: 11 pairs (8 benign/malign, 3 structure)
    likert[1:4, [index[s.pairs()[0][0].id] for s in Q.scales()[:2]]] = np.nan  # two more gone: 9
    made = survey.Responses(ids=c.ids, now=c.now, preferred=c.preferred, likert=likert, groups=c.groups)
    assert survey.answered_pairs(made.likert, Q)[:4].tolist() == [11, 9, 9, 9]
    a = survey.analyse(made)
    assert a.unchecked == 3 and survey.analyse(c).unchecked == 0
    page = report.render_report(made, date="x").replace("&#39;", "'")
    assert "3 respondent(s) answered fewer, so their inconsistency and yes-saying were not checked" in page
    assert "answered fewer, so their" not in report.render_report(c, date="x")


def _with_straight_liners(c: survey.Responses, count: int = 10) -> survey.Responses:
    """``c`` and copies of ``count`` kept respondents with every agreement answer 3 (/tmp/method3/s6.py)."""
    kept = np.flatnonzero(~c.styles().any)[:count]
    likert = c.likert[kept].copy()
    likert[:, [k for k, i in enumerate(Q.likert_items) if i.block in ("likert", "structure")]] = 3
    ids = tuple(f"X{k:03d}" for k in range(count))
    return survey.Responses(
        ids=c.ids + ids, now=np.vstack([c.now, c.now[kept]]),
        preferred=np.vstack([c.preferred, c.preferred[kept]]),
        likert=np.vstack([c.likert, likert]),
        groups={g: tuple(v) + tuple(v[k] for k in kept) for g, v in c.groups.items()})


def test_same_answer_respondents_are_left_out_of_the_levels_and_reliability_not_the_configurations():
    # methodologist 3, finding 5: with 10 all-3 agreement respondents among the shipped 60, hierarchy
    # malign's alpha went 0.67 -> 0.70, grid's 0.51 -> 0.57, and their levels of 0 pulled the class's
    c = survey.synthetic_class()
    made = _with_straight_liners(c)
    flags = made.styles()
    assert int(flags.same_answers_kept.sum()) == 10 and int(flags.any.sum()) == int(c.styles().any.sum())
    assert flags.in_levels.tolist() == (~flags.any & ~flags.same_answers).tolist()
    before, after = survey.reliability_table(c), survey.reliability_table(made)
    assert after["alpha"].tolist() == before["alpha"].tolist() and after["n"].tolist() == before["n"].tolist()
    assert after["alpha, every respondent"].tolist() != before["alpha, every respondent"].tolist()
    assert "10 who gave one answer to most agreement statements left out" in after.attrs["respondents"]
    a0, a1 = survey.analyse(c, group_column="team"), survey.analyse(made, group_column="team")
    for s0, s1 in zip(a0.summaries(), a1.summaries(), strict=True):  # the class and every group
        assert s0.label == s1.label
        np.testing.assert_allclose(s1.benign_level, s0.benign_level)
        np.testing.assert_allclose(s1.malign_level, s0.malign_level)
        np.testing.assert_allclose(s1.malign_mean, s0.malign_mean)
    # the configurations count them: 10 more respondents, classified (none 'not classified' more)
    assert int(a1.configurations["now"].sum()) == int(a0.configurations["now"].sum()) + 10
    assert a1.configurations.loc[survey.NOT_CLASSIFIED, "now"] == a0.configurations.loc[survey.NOT_CLASSIFIED,
                                                                                         "now"]
    assert a1.overall.n == a0.overall.n + 10 and a1.overall.classified == a0.overall.classified + 10
    # the shipped class has none: nothing moves
    assert a0.same_answers == 0 and survey.reliability_table(c).attrs["respondents"] == (
        "the 53 respondents the profiles use (7 flagged for a response style left out, as in the profiles)")


def test_the_class_report_says_which_respondents_the_levels_and_reliability_use():
    from coordkit import class_report as report

    page = report.render_report(_with_straight_liners(survey.synthetic_class()), date="x")
    page = page.replace("&#39;", "'")
    assert "10 gave one answer to most agreement statements." in page
    assert "The levels are those of the respondents classified, less the 10 who gave one answer" in page
    assert ("Respondents used: the 53 respondents the benign and malign levels use (7 flagged for a "
            "response style left out, as in the profiles; 10 who gave one answer to most agreement "
            "statements left out, as in the levels)") in page
    plain = report.render_report(survey.synthetic_class(), date="x")
    assert "gave one answer to most agreement statements." not in plain and "less the" not in plain


def test_same_answer_respondents_are_left_out_of_the_level_iccs_as_of_the_levels():
    """The group ICC of the benign and malign levels follows the levels' rule (ResponseStyles.in_levels)."""
    c = survey.synthetic_class()
    made = _with_straight_liners(c)
    levels = ["benign level", "malign level"]
    icc = [survey.group_icc_table(x, "team", level="team") for x in (c, made)]
    analysed = [survey.analyse(x, group_column="team").group_icc for x in (c, made)]
    for t0, t1 in (icc, analysed):
        same, more = t0["measure"].isin(levels), ~t0["measure"].isin(levels)
        assert t1.loc[same, "n"].tolist() == t0.loc[same, "n"].tolist()
        assert t1.loc[same, "ICC(1)"].tolist() == t0.loc[same, "ICC(1)"].tolist()
        assert (t1.loc[more, "n"] == t0.loc[more, "n"] + 10).all()  # the points and ratings count them


def test_yes_saying_is_not_flagged_on_too_few_answered_pairs():
    # methodologist 4: one pair answered 4 and 5 (acquiescence +0.75) withheld the diagnosis as yes-saying
    likert = _few_pairs(1, (4, 5), (4, 5))
    assert survey.acquiescence_index(likert, Q) == 0.75  # the index itself is still shown
    flags = survey.response_style_flags(likert, Q)
    assert not flags.yes_saying and not flags.any and bool(flags.unchecked)
    at = survey.MIN_PAIRS_ANSWERED
    many = survey.response_style_flags(_few_pairs(at, (4, 5), (5, 5)), Q)
    assert bool(many.yes_saying) and bool(many.any) and not many.unchecked
    nay = survey.response_style_flags(_few_pairs(at - 1, (1, 2), (1, 1)), Q)
    assert not nay.nay_saying and not nay.any
    assert bool(survey.response_style_flags(_few_pairs(at, (1, 2), (1, 1)), Q).nay_saying)
