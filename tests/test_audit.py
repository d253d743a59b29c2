"""The clumsiness audit: its data, its rules, and properties that fail if a voice is dropped."""

from __future__ import annotations

import csv
import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coordkit import audit, data
from coordkit.modes import MODES, parse_mode

TYPES = list(audit.control_types())
HYBRIDS = [t for t in TYPES if " x " in t]


def rows(name: str) -> list[dict[str, str]]:
    with open(data.data_dir() / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


# ----- data ------------------------------------------------------------------------------------
def test_four_polar_types_and_six_hybrids_one_per_pair():
    types = audit.control_types()
    assert [t.name for t in types.values() if t.kind == "polar"] == list(audit.POLAR_TYPES)
    pairs = {frozenset(t.parts) for t in types.values() if t.kind == "hybrid"}
    assert len(pairs) == 6 and all(len(p) == 2 for p in pairs)
    for t in types.values():
        assert t.characteristic_failure and t.nhs_example and t.page_reference


def test_contrived_randomness_is_an_active_strategy_not_resignation():
    cr = audit.control_types()["contrived randomness"]
    assert "active" in cr.how_it_controls.lower()
    assert "apathy" not in cr.characteristic_failure.lower()
    assert cr.way_of_life_failure == MODES[parse_mode("fatalism")].hood_failure
    assert "not fatalist resignation" in cr.rationale


def test_five_voices_each_with_every_field():
    voices = audit.voices()
    assert tuple(voices) == audit.VOICES
    for v in voices.values():
        for field in dataclasses.fields(v):
            if field.name != "preferred_control":
                assert getattr(v, field.name), (v.name, field.name)
    assert [voices[n].preferred_control for n in audit.VOICES[:4]] == list(audit.POLAR_TYPES)
    assert voices["hermit"].preferred_control == ""
    assert {v.myth_of_nature for v in voices.values()} == {
        "benign", "ephemeral", "perverse/tolerant", "capricious", "resilient"}


def test_every_instrument_belongs_to_a_real_reform_and_cites_one_of_its_sources():
    reforms = {r["id"]: r["sources"] for r in rows("nhs_reforms.csv")}
    for r in rows("policy_packages.csv"):
        assert r["reform_id"] in reforms, r["instrument"]
        assert r["source"] in reforms[r["reform_id"]], r["instrument"]
        assert r["control_type"] in TYPES
        assert len(r["coding_rationale"]) > 30


def test_every_package_has_one_sourced_fatalism_coding():
    reforms = {r["id"]: r["sources"] for r in rows("nhs_reforms.csv")}
    coded = rows("policy_packages_fatalism.csv")
    assert sorted(r["package"] for r in coded) == sorted(audit.packages())
    for r in coded:
        assert r["source"] in reforms[r["reform_id"]], r["package"]
        assert len(r["coding_rationale"]) > 80
        assert {r[a] for a in audit.FATALISM_ASPECTS} <= {"true", "false"}
    for p in audit.packages().values():
        assert p.fatalism is not None and p.fatalism.rationale


def test_five_packages_each_with_one_title():
    packages = audit.packages()
    assert len(packages) >= 5
    for p in packages.values():
        assert len(p.instruments) >= 3
    titles = {}
    for r in rows("policy_packages.csv"):
        assert titles.setdefault(r["package"], r["package_title"]) == r["package_title"]


# ----- the rules on hand-made packages ---------------------------------------------------------
def I(ident: str, kind: str, voluntary: bool = False) -> audit.Instrument:  # noqa: E743
    return audit.Instrument(ident, ident, kind, voluntary)


def test_a_monoculture_is_elegant_and_its_voice_unresponsive():
    result = audit.audit([I("a", "oversight"), I("b", "oversight")])
    # every verdict short of clumsy names who is excluded (review 3)
    assert result.verdict.startswith("elegant; ") and result.verdict.endswith(" excluded")
    assert result.status("hierarchy") == "unresponsive"
    assert result.by_status("excluded") == ["solidarity", "individualism", "fatalism", "hermit"]
    assert [o.control_type for o in result.overuse] == ["oversight"]


def test_a_hybrid_engages_both_its_voices():
    result = audit.audit([I("a", "mutuality x competition")])
    assert result.by_status("engaged") == ["solidarity", "individualism"]
    assert [h.hybrid for h in result.hybrids] == ["mutuality x competition"]


def test_polar_instruments_side_by_side_are_unresponsive():
    result = audit.audit([I("a", "oversight"), I("b", "competition")])
    assert result.by_status("unresponsive") == ["hierarchy", "individualism"]
    assert result.verdict == "active voices not all joined; solidarity, fatalism and the hermit excluded"


def test_clumsy_needs_the_three_active_voices_engaged_and_reports_the_others_beside_it():
    two = [I("a", "oversight x mutuality"), I("b", "oversight")]
    # oversight in both: over the share
    assert audit.audit(two).verdict == \
        "dominated by hierarchy; individualism, fatalism and the hermit excluded"
    assert audit.audit(two, overuse_share=1.0).verdict == \
        "active voices not all joined; individualism, fatalism and the hermit excluded"
    active = audit.audit([I("a", "oversight x mutuality"), I("b", "mutuality x competition")])
    # was "clumsy": a clumsy solution excludes no way of life, so the verdict now names who is left out
    assert active.verdict == "active voices joined; fatalism and the hermit excluded"
    assert active.by_status("excluded") == ["fatalism", "hermit"]  # reported, with amendments
    # the kit's own worked example (chapter 8): the 2012 Act plus one peer-review hybrid
    act = audit.audit([*audit.package("hsca_2012").instruments, I("peer", "oversight x mutuality")])
    assert act.verdict == "active voices joined; fatalism and the hermit excluded"
    heard = audit.audit(active.package.instruments, fatalism=audit.FatalismCoding(True, True, True))
    # issue 13, finding 1: the hermit is Ney & Verweij's further criterion, not a condition of clumsy
    assert heard.verdict == "clumsy; the hermit excluded (a further criterion)"
    opt_out = audit.audit([*active.package.instruments, I("c", "oversight x competition", voluntary=True)])
    assert opt_out.verdict == "active voices joined; fatalism excluded"
    partly = audit.audit([*opt_out.package.instruments], fatalism=audit.FatalismCoding(limits=True))
    # was "clumsy": fatalism heard only weakly is not enough, a clumsy solution keeps each voice responsive
    assert partly.status("fatalism") == "partly acknowledged"
    assert partly.verdict == "active voices joined; fatalism partly acknowledged"
    assert {a.voice for a in active.amendments} == {"fatalism", "hermit"}
    # individualism joined only to contrived randomness is no longer engaged (theoristB finding 1):
    # the fixture that used to be called clumsy is now "active voices not all joined", with individualism
    # unresponsive
    randomness_only = [I("a", "oversight x mutuality"), I("b", "competition x contrived randomness"),
                       I("c", "mutuality", voluntary=True)]
    was = audit.audit(randomness_only, fatalism=audit.FatalismCoding(True, True, True))
    assert was.verdict == "active voices not all joined; none excluded"
    assert was.status("individualism") == "unresponsive"
    items = [I("a", "oversight x mutuality"), I("b", "competition x contrived randomness"),
             I("c", "mutuality x competition", voluntary=True)]
    everyone = audit.audit(items, fatalism=audit.FatalismCoding(True, True, True))
    assert everyone.verdict == "clumsy" and everyone.amendments == ()
    # contrived randomness alone does not hear fatalism: without a coding it stays excluded
    uncoded = audit.audit(items)
    assert uncoded.status("fatalism") == "excluded" and uncoded.contrived_randomness == ("b",)
    assert "not coded" in uncoded.as_text()


def test_amendments_speak_for_the_excluded_voice_in_its_own_terms():
    result = audit.audit(audit.package("health_and_care_act_2022"))
    mine = [a for a in result.amendments if a.voice == "individualism"]
    assert mine[0].control_type == "competition"
    because = audit.voices()["individualism"].accepts_because
    assert all(because in a.because for a in mine)
    assert {a.control_type for a in mine[1:]} == {"oversight x competition", "mutuality x competition"}
    assert any(a.voice == "hermit" for a in result.amendments)


def test_unresponsive_voices_get_hybrids_not_more_of_the_same():
    result = audit.audit(audit.package("hsca_2012"))
    mine = [a.control_type for a in result.amendments if a.voice == "solidarity"]
    assert mine and all(" x " in m and "mutuality" in m for m in mine)


def test_overuse_threshold_is_strict_and_checked():
    two = [I("a", "oversight"), I("b", "competition")]
    assert audit.overuse(two, 0.5) == ()
    assert [o.control_type for o in audit.overuse(two, 0.45)] == ["oversight", "competition"]
    with pytest.raises(ValueError, match=r"\(0, 1\]"):
        audit.overuse(two, 0)


def test_bad_codings_and_names_get_clear_messages():
    with pytest.raises(ValueError, match="coded to 'market', which is not one of Hood's control types"):
        audit.audit([I("x", "market")])
    with pytest.raises(KeyError, match="known packages: internal_market_1991"):
        audit.package("nhs_1948")
    with pytest.raises(ValueError, match="not instruments of hsca_2012: nope"):
        audit.package("hsca_2012").only(["nope"])
    with pytest.raises(ValueError, match="two different polar types"):
        audit.hybrid_name("oversight", "oversight")


def test_every_result_carries_the_kits_rules():
    result = audit.audit(audit.package("internal_market_1991"))
    assert set(result.rules) >= {"engaged", "unresponsive", "excluded", "verdict", "overuse",
                                 "amendments"}
    assert all("kit" in text for text in result.rules.values() if not text.startswith("Hood"))


def test_the_coded_packages_read_as_the_chapter_says():
    read = {p: audit.audit(audit.package(p)) for p in audit.packages()}
    assert all(r.status("fatalism") != "engaged" for r in read.values())
    assert [p for p, r in read.items() if r.status("fatalism") == "partly acknowledged"] == [
        "targets_and_terror_2000_05", "ten_year_plan_2025"]  # demand and capacity only
    assert all(r.contrived_randomness == () for r in read.values())
    assert read["internal_market_1991"].by_status("excluded") == ["solidarity", "fatalism"]
    assert read["health_and_care_act_2022"].status("individualism") == "excluded"


# ----- properties: no voice is ever dropped ----------------------------------------------------
instruments = st.lists(
    st.builds(audit.Instrument, id=st.text("abc", min_size=1, max_size=3),
              label=st.text("xyz", min_size=1, max_size=3), control_type=st.sampled_from(TYPES),
              voluntary=st.booleans()),
    max_size=12)


@settings(max_examples=200, deadline=None)
@given(instruments)
def test_every_voice_gets_exactly_one_status(items):
    result = audit.audit(items)
    assert [v.voice for v in result.voices] == list(audit.VOICES)
    assert all(v.status in audit.STATUSES for v in result.voices)
    assert sorted(v for s in audit.STATUSES for v in result.by_status(s)) == sorted(audit.VOICES)
    base, *rest = result.verdict.split("; ")
    assert base in audit.VERDICTS
    assert (base == "clumsy") == (not rest)  # every other verdict names who is left out
    excluded = result.by_status("excluded")
    if base != "clumsy" and not (base == "active voices joined" and not excluded):
        assert rest[0] == (f"{audit.check._left_out(excluded)} excluded" if excluded else "none excluded")
    heard = [v for v in audit.ACTIVE_VOICES if result.status(v) != "excluded"]
    assert result.verdict.startswith("dominated by") == (result.dominance is not None and len(heard) > 1)


@settings(max_examples=200, deadline=None)
@given(instruments)
def test_a_voice_is_excluded_exactly_when_no_instrument_uses_its_type(items):
    result = audit.audit(items)
    for name in audit.ACTIVE_VOICES:
        kind = audit.voices()[name].preferred_control
        uses = any(kind in audit.control_types()[i.control_type].parts for i in items)
        assert (result.status(name) != "excluded") == uses, name
    assert (result.status("hermit") == "engaged") == any(i.voluntary for i in items)
    assert result.status("fatalism") == "excluded"  # no coding given: read as not acknowledged
    assert len(result.contrived_randomness) == sum(
        "contrived randomness" in audit.control_types()[i.control_type].parts for i in items)


@settings(max_examples=200, deadline=None)
@given(instruments)
def test_every_voice_not_engaged_gets_an_amendment_and_inputs_are_untouched(items):
    before = list(items)
    result = audit.audit(items)
    assert items == before
    needing = {v.voice for v in result.voices if v.status != "engaged"}
    offered = {a.voice for a in result.amendments}
    assert offered == needing
    # clumsy exactly when the three active voices are engaged, none dominates (dominance
    # overrides an all-engaged package: item 4 of review B) and no voice at all is excluded
    # (fatalism and the hermit included: the kit's own definition of a clumsy solution)
    # and (review 3) fatalism engaged, not merely not excluded
    assert (result.verdict == "clumsy") == (not needing & set(audit.ACTIVE_VOICES)
                                            and result.dominance is None
                                            and not result.by_status("excluded")
                                            and result.status("fatalism") == "engaged")
    # a verdict that is not clumsy for all three engaged and none dominating names every excluded voice
    if not needing & set(audit.ACTIVE_VOICES) and result.dominance is None and result.verdict != "clumsy":
        for voice in result.by_status("excluded"):
            assert voice in result.verdict, (voice, result.verdict)


def test_a_voice_dropped_from_the_results_counts_as_excluded_not_heard():
    items = [I("a", "oversight x mutuality"), I("b", "mutuality x competition"),
             I("c", "mutuality", voluntary=True)]
    full = audit.voice_results(items, audit.FatalismCoding(True, True, True))
    assert audit.verdict(full) == "clumsy"
    for dropped in ("fatalism", "hermit"):
        rest = [r for r in full if r.voice != dropped]
        assert audit.verdict(rest) != "clumsy" and dropped in audit.verdict(rest)
    assert audit.verdict([r for r in full if r.voice != "solidarity"]) == \
        "active voices not all joined; solidarity excluded"


@settings(max_examples=200, deadline=None)
@given(instruments, st.builds(audit.FatalismCoding, st.booleans(), st.booleans(), st.booleans()))
def test_no_verdict_but_clumsy_says_clumsy_and_fatalism_is_never_unresponsive(items, coding):
    """Theorist review (issue 13, findings 6 and 7): "partly clumsy; X excluded" called a package partly
    clumsy while it shut out a voice, against the definition (no voice excluded); and fatalism's
    status, "unresponsive", was never explained. Fatalism is engaged, partly acknowledged or excluded."""
    assert [v for v in audit.VERDICTS if "clumsy" in v] == ["clumsy"]
    result = audit.audit(items, fatalism=coding)
    if set(result.by_status("excluded")) - {"hermit"}:  # the hermit: a further criterion (issue 13, 1)
        assert "clumsy" not in result.verdict, result.verdict
    if result.verdict.startswith("clumsy") and result.status("hermit") == "excluded":
        assert result.verdict == "clumsy" + audit.HERMIT_FURTHER
    assert result.status("fatalism") == audit.FATALISM_STATUS[coding.treatment]
    assert result.status("fatalism") in ("engaged", "partly acknowledged", "excluded")
    assert "fatalism" not in result.by_status("unresponsive")
    if coding.treatment == "partly acknowledged":
        assert "Partly acknowledged: fatalism." in result.as_text().splitlines()
        assert "fatalism unresponsive" not in result.verdict
    assert result.by_status("partly acknowledged") in ([], ["fatalism"])


def test_every_display_says_partly_acknowledged_for_fatalism_and_the_rules_explain_it():
    from coordkit.plots import audit as audit_plots

    terror = audit.audit(audit.package("targets_and_terror_2000_05"))  # demand and capacity only
    assert terror.status("fatalism") == "partly acknowledged"
    assert "Partly acknowledged: fatalism." in terror.as_text()
    row = audit.summary_table([terror]).iloc[0]
    assert row["fatalism"] == "partly acknowledged" and "fatalism" not in row["unresponsive"]
    assert "Partly acknowledged: fatalism." in audit_plots.describe_audit(terror)
    panel = audit_plots.audit_figure(terror).axes[1]
    assert "PARTLY ACKNOWLEDGED" in [t.get_text() for t in panel.texts]
    rule = " ".join(audit.RULES["fatalism"].split())
    assert "one or two, 'partly acknowledged'" in rule and "never called 'unresponsive'" in rule
    assert "Contrived randomness does not count towards any aspect" in rule
    verdict_rule = audit.RULES["verdict"]
    assert "'partly clumsy'" not in verdict_rule and "'active voices not all joined'" in verdict_rule
    assert "operationalisations of Verweij et al. (2006)" in verdict_rule


def test_overuse_weighs_a_hybrid_half_as_dominance_does():
    even = audit.audit([I("a", "oversight x mutuality"), I("b", "oversight x competition"),
                        I("c", "mutuality x competition")])
    assert even.overuse == () and even.dominance is None  # was: all three flagged at 67% beside "even"
    assert "Reverse effects" not in even.as_text()
    tt = audit.audit(audit.package("targets_and_terror_2000_05"))
    assert [(o.control_type, round(o.share, 2)) for o in tt.overuse] == [("oversight", 0.67)]
    assert round(tt.dominance.share, 2) == 0.67  # the same weighing for both rules


@settings(max_examples=100, deadline=None)
@given(instruments, st.sampled_from(HYBRIDS))
def test_adding_a_hybrid_never_silences_a_voice(items, hybrid):
    before = audit.audit(items)
    after = audit.audit([*items, audit.Instrument("new", "new", hybrid)])
    rank = {"excluded": 0, "unresponsive": 1, "partly acknowledged": 1, "engaged": 2}
    for b, a in zip(before.voices, after.voices, strict=True):
        assert rank[a.status] >= rank[b.status], (b.voice, b.status, a.status)


def test_the_workshop_worksheet_names_every_control_type_and_voice():
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "docs" / "clumsiness_worksheet.md"
    sheet = path.read_text(encoding="utf-8")
    for name in audit.control_types():
        assert f"| {name.replace(' x ', ' × ')} |" in sheet, name
    for voice in audit.VOICES:
        assert f"| {voice} |" in sheet, voice
    assert "60%" in sheet and audit.DEFAULT_OVERUSE_SHARE == 0.6


def test_a_package_one_voice_dominates_is_not_called_partly_clumsy():
    ten = [I(f"t{k}", "oversight") for k in range(10)] + [I("l", "oversight x competition")]
    assert audit.audit(ten).verdict == "dominated by hierarchy; solidarity, fatalism and the hermit excluded"
    trio = audit.audit([I("a", "oversight"), I("b", "mutuality"), I("c", "competition")])
    assert trio.verdict == "active voices not all joined; fatalism and the hermit excluded"
    assert audit.audit(audit.package("targets_and_terror_2000_05")).verdict == \
        "dominated by hierarchy; solidarity excluded"


def test_dominance_overrides_three_engaged_voices_and_is_tied_to_the_threshold():
    ten = [I(f"t{k}", "oversight") for k in range(10)]
    engaged = [*ten, I("l", "oversight x competition"), I("p", "oversight x mutuality")]
    result = audit.audit(engaged)
    assert result.by_status("engaged")[:3] == list(audit.ACTIVE_VOICES)
    assert result.verdict == ("dominated by hierarchy, all three active heard; "
                              "fatalism and the hermit excluded")
    # the dominance line names whose rule it is, and no longer calls the package "near-elegant"
    assert "Dominated, the kit's rule (Hood's overuse threshold applied to the verdict, not Verweij's)" \
        in result.as_text()
    assert "near-elegant" not in result.as_text().lower()
    assert round(result.dominance.share, 2) == 0.92
    # threshold moved past it: no longer dominated (fatalism and the hermit are still excluded)
    assert audit.audit(engaged, overuse_share=0.95).verdict == \
        "active voices joined; fatalism and the hermit excluded"
    # the other way: the three active hybrids are even, so not dominated, and (overuse weighed
    # as dominance is, a hybrid half to each type) no type is flagged as over-used either
    even = audit.audit([I("a", "oversight x mutuality"), I("b", "oversight x competition"),
                        I("c", "mutuality x competition")])
    assert even.verdict.startswith("active voices joined") and even.dominance is None
    assert len(even.overuse) == 0
    # strictly over the threshold: 3 of 5 instruments on one type is exactly 0.6, not dominance
    three_of_five = [I("a", "oversight"), I("b", "oversight"), I("c", "oversight"),
                     I("d", "mutuality"), I("e", "competition")]
    assert audit.dominance(three_of_five) is None
    assert audit.dominance(three_of_five, 0.55).voice == "hierarchy"
    with pytest.raises(ValueError, match=r"\(0, 1\]"):
        audit.dominance(three_of_five, 1.5)


def test_fatalism_is_read_from_its_coding_not_from_contrived_randomness():
    spot = [I("s", "oversight x contrived randomness"), I("m", "mutuality"), I("c", "competition")]
    assert audit.audit(spot).status("fatalism") == "excluded"
    for coding, status in [(audit.FatalismCoding(), "excluded"),
                           (audit.FatalismCoding(demand_capacity=True), "partly acknowledged"),
                           (audit.FatalismCoding(True, False, True), "partly acknowledged"),
                           (audit.FatalismCoding(True, True, True), "engaged")]:
        result = audit.audit([I("t", "oversight")], fatalism=coding)
        assert result.status("fatalism") == status, coding
        assert result.contrived_randomness == ()
        offered = [a for a in result.amendments if a.voice == "fatalism"]
        assert len(offered) == len(coding.missing())
    terror = audit.audit(audit.package("targets_and_terror_2000_05"))
    assert terror.fatalism.shown() == ("demand_capacity",)
    lines = terror.as_text().splitlines()  # fatalism's status said once, then randomness apart from it
    assert "Partly acknowledged: fatalism." in lines
    assert "Contrived randomness used in: no instrument." in lines
    # a package's own coding survives dropping instruments
    assert audit.package("targets_and_terror_2000_05").only(["tt_star_ratings"]).fatalism == terror.fatalism


def test_every_rule_is_labelled_the_kits_and_gives_its_reason():
    for name, text in audit.RULES.items():
        if name == "hybrids":
            assert text.startswith("Hood (1995) predicts") and "likely to be unstable" in text
            continue
        assert text.startswith("The kit's"), name
        assert "Reason" in text, name
    assert "proxy" in audit.RULES["engaged"] and "can still be clumsy" in audit.RULES["engaged"]
    excluded = audit.RULES["excluded"]
    assert ("Thompson, Ellis & Wildavsky 1990, as summarised in secondary sources): each way of life needs "
            "its rivals") in excluded
    assert "Verweij et al. 2006): each way of life notices a part of reality" in excluded


def test_the_hermits_opt_in_coding_is_labelled_as_the_kits_wherever_it_is_shown():
    engaged = audit.audit(audit.package("internal_market_1991"))
    assert engaged.status("hermit") == "engaged"
    note = audit.HERMIT_OPT_IN_NOTE
    assert "contested coding, the kit's" in note
    assert note in engaged.as_text()
    assert note in engaged.table().loc["hermit", "reason"]
    assert "contested coding" in audit.summary_table([engaged]).iloc[0]["engaged"]
    excluded = audit.audit(audit.package("health_and_care_act_2022"))
    assert excluded.status("hermit") == "excluded"
    assert note not in excluded.as_text()
    assert "contested" not in audit.summary_table([excluded]).iloc[0]["excluded"]


def test_each_missing_fatalism_aspect_gets_its_own_named_amendment():
    results = audit.voice_results([I("a", "oversight")], audit.FatalismCoding(limits=True))
    mine = [a for a in audit.amendments(results, audit.FatalismCoding(limits=True)) if a.voice == "fatalism"]
    assert [a.control_type for a in mine] == [audit.FATALISM_AMENDMENTS["demand_capacity"],
                                              audit.FATALISM_AMENDMENTS["humility"]]
    assert len(set(audit.FATALISM_AMENDMENTS.values())) == len(audit.FATALISM_ASPECTS)
    assert set(audit.FATALISM_AMENDMENTS) == set(audit.FATALISM_ASPECTS)


def test_each_fatalism_amendment_has_its_own_caution_and_example():
    # review 3: one shared caution ("can be heard as giving up") for all three aspects was wrong
    result = audit.audit(audit.package("targets_and_terror_2000_05"))
    mine = [a for a in result.amendments if a.voice == "fatalism"]
    assert mine and len({a.caution for a in mine}) == len(mine)
    for a in mine:
        assert a.control_type not in a.example  # the example does not repeat the amendment's name
        aspect = next(k for k, v in audit.FATALISM_AMENDMENTS.items() if v == a.control_type)
        assert a.caution == audit.FATALISM_CAUTIONS[aspect] and a.example == audit.FATALISM_EXAMPLES[aspect]
    assert set(audit.FATALISM_CAUTIONS) == set(audit.FATALISM_EXAMPLES) == set(audit.FATALISM_ASPECTS)


def test_the_hermit_rule_says_the_opt_in_proxy_is_the_kits_not_ney_and_verweijs():
    assert "Ney & Verweij's (2014) hermit test" in audit.RULES["engaged"]
    assert "the opt-in proxy is the kit's" in audit.RULES["engaged"]


def test_all_three_heard_but_one_dominating_is_its_own_verdict():
    """The kit's rule: three active voices heard but one outweighing them is told apart from both a
    package that shuts a voice out and a clumsy one (the old verdict read 'dominated by hierarchy'
    for both)."""
    ten = [I(f"t{k}", "oversight") for k in range(10)]
    three_polar = audit.audit([*ten, I("m", "mutuality"), I("c", "competition")])
    assert [three_polar.status(v) for v in audit.ACTIVE_VOICES] == ["unresponsive"] * 3
    assert three_polar.verdict == ("dominated by hierarchy, all three active heard; "
                                   "fatalism and the hermit excluded")
    two = audit.audit([*ten, I("c", "competition")])
    assert two.verdict == "dominated by hierarchy; solidarity, fatalism and the hermit excluded"
    assert "dominated by hierarchy, all three active heard" in audit.VERDICTS
    assert "all three active heard" in audit.RULES["verdict"]
    assert not three_polar.verdict.startswith("clumsy")


def test_the_fatalist_voice_is_a_way_of_life_mapped_to_contrived_randomness_by_the_kit():
    fatalist = audit.voices()["fatalism"]
    rationale = next(r["rationale"] for r in rows("ways_of_life.csv") if r["voice"] == "fatalism")
    assert fatalist.preferred_control == "contrived randomness"
    assert "way of life, not a control type" in rationale and "closest" in rationale and "kit's" in rationale
    # the mapping never decides the voice: random audit alone leaves the fatalist voice excluded
    lottery = audit.audit([I("r", "contrived randomness"), I("u", "oversight x contrived randomness")])
    assert lottery.status("fatalism") == "excluded"
    assert lottery.contrived_randomness == ("r", "u")


# ----- round 2 of the theorist's review (theoristB findings 1 and 2) --------------------------
def _fatalism_all() -> audit.FatalismCoding:
    return audit.FatalismCoding(limits=True, demand_capacity=True, humility=True)


def test_a_hybrid_with_contrived_randomness_does_not_engage_an_active_voice():
    # three controls each joined only to a randomiser: three elegant fragments, not a clumsy package
    lots = [audit.Instrument("u", "Unannounced inspection", "oversight x contrived randomness"),
            audit.Instrument("r", "Peer reviewers by lot", "mutuality x contrived randomness"),
            audit.Instrument("b", "Lottery among bidders", "competition x contrived randomness",
                             voluntary=True)]
    result = audit.audit(lots, fatalism=_fatalism_all())
    assert result.verdict != "clumsy"
    assert result.verdict == "active voices not all joined; none excluded"
    assert result.by_status("unresponsive") == list(audit.ACTIVE_VOICES)
    for name in audit.ACTIVE_VOICES:
        reason = result.table().loc[name, "reason"]
        assert "joined only to contrived randomness" in reason and "not another voice" in reason
    assert set(result.contrived_randomness) == {i.label for i in lots}
    # joined to another active type as well: engaged, and its reason names only the active partner
    mixed = audit.audit([*lots, audit.Instrument("l", "League table", "oversight x competition")])
    assert mixed.status("hierarchy") == "engaged" and mixed.status("individualism") == "engaged"
    assert mixed.status("solidarity") == "unresponsive"
    assert mixed.table().loc["hierarchy", "reason"] == "its control type is joined to competition in a hybrid"
    # the amendments join an unresponsive voice to an active voice, never to contrived randomness
    for a in result.amendments:
        if a.voice in audit.ACTIVE_VOICES:
            assert "contrived randomness" not in a.control_type


def test_the_dominance_verdict_is_the_kits_rule_and_moves_with_the_threshold():
    # every voice engaged, oversight carrying 7 of 9 points (78%): the verdict turns on the threshold
    package = [*(audit.Instrument(f"t{k}", "Central target", "oversight") for k in range(6)),
               audit.Instrument("l", "League table (opt-in)", "oversight x competition", voluntary=True),
               audit.Instrument("p", "Peer review under a regulator", "oversight x mutuality"),
               audit.Instrument("b", "Benchmarking club", "mutuality x competition")]
    verdicts = {share: audit.audit(package, overuse_share=share, fatalism=_fatalism_all()).verdict
                for share in (0.6, 0.7, 0.8)}
    assert verdicts == {0.6: "dominated by hierarchy, all three active heard; none excluded",
                        0.7: "dominated by hierarchy, all three active heard; none excluded",
                        0.8: "clumsy"}
    result = audit.audit(package, fatalism=_fatalism_all())
    assert result.by_status("engaged") == list(audit.VOICES)
    assert round(result.dominance.share, 2) == 0.78
    # the rule says whose it is, and states this very sensitivity
    rule = audit.RULES["verdict"]
    assert "the dominance test is the kit's rule, not Verweij's" in rule
    assert "'dominated' at 0.6 or 0.7 and 'clumsy' at 0.8" in rule and "78%" in rule
    assert "near-elegant" not in rule.lower()


def test_the_glossary_clumsy_entry_agrees_with_the_code():
    from coordkit.terms import glossary

    clumsy = glossary("clumsy solution").definition
    # the code's conditions for "clumsy": all five voices engaged and no active voice's type dominating
    assert "all engaged" in clumsy and "no active voice's type (oversight, mutuality, competition)" in clumsy
    assert "no polar type carries more than" not in clumsy  # contrived randomness may (issue 13, N1)
    assert "the kit's rule, not Verweij's" in clumsy
    assert "near-elegant" not in glossary("elegant solution").definition.lower()
    # a package the glossary would call clumsy is clumsy in the code, and one dominated is not
    evenly = [audit.Instrument("a", "a", "oversight x mutuality", voluntary=True),
              audit.Instrument("b", "b", "oversight x competition"),
              audit.Instrument("c", "c", "mutuality x competition")]
    assert audit.audit(evenly, fatalism=_fatalism_all()).verdict == "clumsy"
    heavy = [*evenly, *(audit.Instrument(f"t{k}", "t", "oversight") for k in range(6))]
    assert audit.audit(heavy, fatalism=_fatalism_all()).verdict.startswith("dominated by hierarchy")


def _randomness_heavy() -> list:
    """Every voice engaged, but two thirds of the weight on contrived randomness (random audits)."""
    evenly = [audit.Instrument("a", "a", "oversight x mutuality", voluntary=True),
              audit.Instrument("b", "b", "oversight x competition"),
              audit.Instrument("c", "c", "mutuality x competition")]
    return [*evenly, *(audit.Instrument(f"r{k}", "Random audit", "contrived randomness") for k in range(6))]


def test_only_an_active_voices_type_can_dominate_and_every_text_says_so():
    """Issue 13 (N1): dominance weighs only the active voices' types; overuse weighs all four.

    A package whose weight lies two thirds on contrived randomness is flagged for reverse effects
    but not dominated, so with every voice engaged it is called clumsy; the texts must say that,
    not that "no type" may carry more than the threshold.
    """
    from pathlib import Path

    from coordkit.terms import glossary

    result = audit.audit(_randomness_heavy(), fatalism=_fatalism_all())
    assert audit.weights(_randomness_heavy())["contrived randomness"] == pytest.approx(2 / 3)
    assert result.dominance is None and result.verdict == "clumsy"
    assert [o.control_type for o in result.overuse] == ["contrived randomness"]
    # the same weight on an active voice's type does dominate
    swapped = [audit.Instrument(i.id, i.label, "oversight" if i.control_type == "contrived randomness"
                                else i.control_type, voluntary=i.voluntary) for i in _randomness_heavy()]
    assert audit.audit(swapped, fatalism=_fatalism_all()).verdict.startswith("dominated by hierarchy")
    # and every text that states the rule says which types count
    rules = " ".join(audit.RULES["verdict"].split())
    assert ("Only the active voices' types (oversight, mutuality, competition) are weighed for dominance"
            in rules)
    assert "a package whose weight lies mostly on it can still be called clumsy" in rules
    assert "one active voice's type outweighs the rest is not called clumsy" in rules
    assert "contrived randomness included" in audit.RULES["overuse"]
    assert "Contrived randomness, no voice's type, never dominates" in glossary("dominated").definition
    assert "(contrived randomness included)" in glossary("overuse share").definition
    root = Path(__file__).resolve().parents[1]
    guide = " ".join((root / "docs" / "lecturer_guide.md").read_text(encoding="utf-8").split())
    assert "when one active voice's type (oversight, mutuality or competition) carries more than 60%" in guide
    assert ("Contrived randomness over 60% is flagged for reverse effects but makes no package dominated"
            in guide)
    assert "when one type carries more than 60%" not in guide
    cells = {k: " ".join(v.split()) for k, v in _nb08().items()}
    assert "a package in which one active voice's type outweighs the rest is *dominated*" in cells["3fb4ebe0"]
    assert "one type outweighs" not in " ".join(cells.values())


def _verdict_families() -> list[str]:
    return sorted({v.partition(",")[0].replace(" hierarchy", "").replace(" solidarity", "")
                   .replace(" individualism", "") for v in audit.VERDICTS})


def _nb08() -> dict[str, str]:
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "notebooks" / "08_clumsy_solutions.ipynb"
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return {c["id"]: "".join(c["source"]) for c in cells}


def test_the_worksheet_lists_every_verdict_and_credits_each_rule_to_its_source():
    from pathlib import Path

    sheet = (Path(__file__).resolve().parents[1] / "docs" / "clumsiness_worksheet.md").read_text(
        encoding="utf-8")
    assert _verdict_families() == ["active voices joined", "active voices not all joined", "clumsy",
                                   "dominated by", "elegant", "no active voice heard"]
    for family in _verdict_families():
        assert f"☐ **{family}**" in sheet, family
    preface = sheet.split("## The ten control types")[0]
    for source in ("Hood (1995)", "Verweij et\nal. (2006)", "Taylor (2022)", "Ney & Verweij (2014)"):
        assert source in preface, source
    assert "near-elegant" not in sheet.lower()
    assert "joined to another *active voice's* type" in sheet
    flat = " ".join(sheet.split())
    assert "partly clumsy" not in flat.lower()
    assert "one or two: **partly acknowledged**" in flat and "Fatalism is never \"unresponsive\"" in flat
    assert "| voice | engaged | unresponsive | partly acknowledged | excluded |" in sheet
    assert "are the kit's operationalisations of Verweij et al. (2006), not tests they set" in flat
    assert "the kit's, Hood's overuse warning applied to the verdict, not Verweij's" in flat
    # the weight question and the dominated verdict name the types that can dominate (issue 13, N1)
    assert "Does one active voice's type (oversight, mutuality or competition) carry more than 60%" in flat
    assert "it is no voice's type, so it never makes a package dominated" in flat


def test_chapter_8_lists_every_verdict_and_keeps_requisite_variety_apart_from_verweij():
    cells = _nb08()
    how_to = cells["cbba446d"]
    flat = " ".join(how_to.split())
    for family in _verdict_families():
        assert f"**{family}" in flat, family
    # dominance is checked even when all three are heard, and the threshold is named as the kit's
    assert "with all three heard, *dominated by X, all three active heard*" in flat
    assert "over 60% of the weight (the kit's threshold" in flat
    assert "one or two, **partly acknowledged**" in flat and "partly clumsy" not in flat
    text = "\n".join(cells.values())
    assert "near-elegant" not in text.lower()
    what = cells["3fb4ebe0"]
    # issue 13, finding 7: shortened to make room for "as summarised in secondary sources"; ideas kept apart
    assert ("Each needs its rivals (*requisite variety*) and sees what the others miss "
            "(Verweij et al., 2006).") in " ".join(what.split())
    assert "adds one rule of its own" in what
    # the kit says a mode is articulated, not strong (issue 13, finding 4')
    said = " ".join(what.split())
    assert "are articulated and in balance" in said and "are strong and in balance" not in said
    assert "* Ashby, W. R. (1956)" in cells["0a4feba5"]
    assert "not the requisite-variety condition itself" in cells["c3909896"]


def test_no_text_the_kit_ships_calls_a_verdict_partly_clumsy():
    """Theorist review (issue 13, finding 6): "partly clumsy" was given to packages that exclude a voice."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    patterns = ["notebooks/*.ipynb", "exercises/**/*.ipynb", "apps/*.ipynb", "docs/**/*.md", "docs/**/*.html",
                "coordkit/**/*.py", "coordkit/**/*.yml", "coordkit/**/*.j2", "data/*.yml"]
    shipped = [path for pattern in patterns for path in root.glob(pattern)]
    assert len(shipped) > 50
    said = [str(p.relative_to(root)) for p in shipped
            if "partly clumsy" in p.read_text(encoding="utf-8").lower()]
    assert said == []


def test_the_hermit_is_a_further_criterion_reported_beside_clumsy_not_a_condition_of_it():
    """Issue 13, finding 1: no way of life Verweij et al. (2006) name shut out (fatalism: the kit's reading);
    Ney & Verweij (2014) set the hermit as a second criterion. The old rule withheld "clumsy" without an
    opt-out."""
    joined = [I("a", "oversight x mutuality"), I("b", "mutuality x competition")]
    every = audit.FatalismCoding(True, True, True)
    without = audit.audit(joined, fatalism=every)
    assert without.status("hermit") == "excluded"
    assert without.verdict == "clumsy" + audit.HERMIT_FURTHER
    assert without.verdict == "clumsy; the hermit excluded (a further criterion)"
    assert "Hermit: no instrument can be declined; a further criterion (Ney & Verweij 2014" \
        in without.as_text()
    with_opt_out = audit.audit([*joined, I("c", "oversight x competition", voluntary=True)], fatalism=every)
    assert with_opt_out.verdict == "clumsy"
    # fatalism still counts: one of the four ways of life Verweij et al. name (all three aspects: the kit's)
    partly = audit.audit(joined, fatalism=audit.FatalismCoding(limits=True))
    assert partly.verdict.startswith("active voices joined")
    rule = " ".join(audit.RULES["verdict"].split())
    assert "by definition" not in rule
    assert "The hermit is not a condition of 'clumsy'" in rule and "second, further criterion" in rule
    assert "the kit's operationalisation" in rule
    # no real package's verdict changes: none has the three active voices engaged, so the hermit decides none
    packages = audit.packages().values()
    assert not any(audit.audit(p).verdict.startswith(("clumsy", "active voices joined")) for p in packages)
