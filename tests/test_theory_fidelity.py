"""Issue 12, a cultural theorist's fidelity review: what is Taylor's, what is the kit's, whose word is cited.

Each test pins the corrected wording of one finding and fails on the text it replaced.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from coordkit import data, profile
from coordkit.exercises.quiz import load
from coordkit.models import agents, dynamics
from coordkit.scenarios import LEVERS, MAPPING
from coordkit.terms import glossary

ROOT = Path(__file__).resolve().parents[1]


def flat(text: str) -> str:
    return " ".join(text.split())


def cell(notebook: str, cell_id: str) -> str:
    nb = json.loads((ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))
    return flat("".join(next(c["source"] for c in nb["cells"] if c.get("id") == cell_id)))


# ----- finding 2: blame culture stifles individualism in Taylor (2022); fatalism is the kit's -----------
def test_blame_culture_is_taylors_brake_on_individualism_and_fatalism_is_the_kits_reading():
    with open(data.data_dir() / "nhs_reforms.csv", newline="", encoding="utf-8") as handle:
        by_id = {row["id"]: row for row in csv.DictReader(handle)}
    for reform_id in ("star_ratings_2001", "oversight_league_tables_2025"):
        rationale = by_id[reform_id]["coding_rationale"]
        assert "Taylor (2022) links to fatalism" not in rationale, reform_id
        assert re.search(r"in Taylor \(2022\),? stifles individualism", rationale), reform_id
        assert "the fatalism coding is the kit's reading, not taylor's" in rationale.lower(), reform_id
        assert int(by_id[reform_id]["push_fatalism"]) > 0, reform_id  # the coding the reason is for


# ----- finding 3: Taylor links autonomy with individualism; the rest of the pairing is the kit's ---------
def test_the_agent_model_and_the_start_quiz_say_taylor_links_autonomy_with_individualism():
    doc = flat(agents.__doc__ or "")
    assert "without pairing them" not in doc
    assert "links autonomy with individualism" in doc
    assert "pairing mastery with hierarchy and connectedness with solidarity is the kit's inference" in doc
    q2 = next(q for q in load("ch00").questions if q.id == "q2")
    assert "pairing each motivation with one mode is the kit's inference" not in q2.explanation
    assert "links autonomy with individualism" in q2.explanation
    assert "mastery with hierarchy and connectedness with solidarity is the kit's inference" in q2.explanation
    guide = flat((ROOT / "docs" / "lecturer_guide.md").read_text(encoding="utf-8"))
    assert "their motivations (mastery, connectedness, autonomy)" not in guide
    assert "which link is his (autonomy with individualism)" in guide
    references = flat((ROOT / "docs" / "references.md").read_text(encoding="utf-8"))
    assert "the pairing of motivations with forms;" not in references
    assert "(autonomy with individualism is Taylor's own link, 2022)" in references


# ----- finding 4: "articulated" glossed by the kit; "passive" is Taylor (2013) -------------------------
def test_the_gloss_of_articulated_is_labelled_as_the_kits():
    entry = glossary("articulated")
    assert "the gloss is the kit's" in entry.whose
    assert "without defining the word" in entry.definition
    assert "The kit's gloss: strong and clearly voiced" in entry.definition


def test_fatalism_as_passive_is_cited_to_taylor_2013():
    for term in ("fatalism", "coordination theory", "mode"):
        definition = glossary(term).definition
        assert "passive" in definition and "2013" in definition, term
    q1 = next(q for q in load("ch00").questions if q.id == "q1")
    fatalism = next(o for o in q1.options if o.text == "fatalism")
    assert "calls passive (Taylor 2013)" in fatalism.feedback
    from coordkit import modes

    assert "which Taylor calls passive (Taylor 2013)" in flat(modes.__doc__ or "")
    address = ("https://www.thersa.org/blog/matthew-taylor/2013/05/"
               "a-responsible-society--an-enterprising-economy--new-leadership-for-new-times")
    assert address in (modes.__doc__ or "")
    assert address in (ROOT / "docs" / "references.md").read_text(encoding="utf-8")


# ----- finding 5: three readings of a profile, the third the kit's, and what 0.8 means -------------------
def test_profile_gives_three_readings_plainly():
    doc = flat(profile.__doc__ or "")
    assert "diagonal opposites" not in doc
    for reading in ("A point on the grid-group map.", "A mix of ways of life in a unit.",
                    "Four independent strengths* -- the kit's teaching choice"):
        assert reading in doc, reading
    assert "0.8 = clearly strong" in doc
    c09 = cell("01_coordination_theory.ipynb", "c09")
    assert "diagonal opposites" not in c09
    for reading in ("(1) A *point* on Douglas's grid-group map", "(2) A *mix* of ways of life within a unit",
                    "(3) Four *independent strengths*: the kit's teaching choice",
                    "**0.8 means clearly strong**"):
        assert reading in c09, reading


# ----- finding 8: unannounced inspection's oversight half, and the hybrid codings as the kit's -----------
def test_the_unannounced_lever_says_why_its_oversight_half_has_no_effect():
    hierarchy_inputs = ("support_hierarchy", "malign_bias_hierarchy")
    assert all("unannounced_inspection" not in MAPPING[name][1] for name in hierarchy_inputs)
    rationale = flat(LEVERS["unannounced_inspection"].rationale)
    assert "oversight x contrived randomness" in rationale
    assert "its oversight half has no effect of its own. That is the kit's judgement" in rationale
    assert "not to count oversight twice" in rationale
    assert "announced or not" in LEVERS["inspection"].rationale
    assert LEVERS["inspection"].label == "Inspection and regulation"  # no longer "scheduled" only


def test_the_worksheet_labels_the_hybrid_codings_and_lists_taylor_and_ney_verweij():
    sheet = (ROOT / "docs" / "clumsiness_worksheet.md").read_text(encoding="utf-8")
    body = flat(sheet)
    assert ("which voices each speaks for, its example and the coding of any instrument as a hybrid are the "
            "kit's judgements") in body
    sources = flat(sheet.split("*Sources:*")[1])
    assert "M. Taylor, \"NHS reform: towards a more balanced change model?\"" in sources
    assert "https://www.nhsconfed.org/articles/nhs-reform-towards-more-balanced-change-model" in sources
    assert "S. Ney and M. Verweij" in sources
    assert "https://papers.ssrn.com/sol3/papers.cfm?abstract_id=2382191" in sources


# ----- finding 10: the triad closely matches SDT's; in SDT autonomy is volition -------------------------
def test_the_triad_closely_matches_sdt_and_does_not_come_from_it():
    from coordkit import modes
    from coordkit.exercises import ch01

    texts = {
        "c01": cell("01_coordination_theory.ipynb", "c01"),
        "modes": flat(modes.__doc__ or ""),
        "exercise source": flat((ROOT / "exercises" / "src" / "01_coordination_theory.py")
                                .read_text(encoding="utf-8").replace("# ", " ")),
        "model answer": flat(ch01.q1.model_answer),
    }
    for name, text in texts.items():
        assert "comes from self-determination" not in text.replace("\n", " "), name
        assert "triad is self-determination theory's" not in text, name
        assert "are self-determination theory's" not in text, name
        assert "closely match" in text and "self-determination theory" in text, name
        assert "volition" in text and "not individualism" in text, name


# ----- finding 12: results that follow from the model say so ------------------------------------------
def test_chapter_4_says_the_ceiling_holds_by_construction_and_surprise_is_simplified():
    c22 = cell("04_nhs_reform_scenarios.ipynb", "c22")
    assert "No curve crosses the dotted ceiling, in this model by construction" in c22
    assert "in this model, where the cap is built in, balance cannot buy its way out" in c22
    doc = flat(dynamics.__doc__ or "")
    assert "Restricting surprise to the three active modes is the kit's simplification" in doc
    assert "fatalism has no lever to support" in doc


# ===== Issue 13, the theorist's re-review: each test fails on the text it replaced =========================
def _doc(name: str) -> str:
    return flat((ROOT / "docs" / name).read_text(encoding="utf-8"))


def _outputs(notebook: str, cell_id: str) -> str:
    nb = json.loads((ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))
    c = next(c for c in nb["cells"] if c.get("id") == cell_id)
    return "".join("".join(o.get("text", "")) + "".join(o.get("data", {}).get("text/plain", ""))
                   for o in c.get("outputs", []))


# ----- finding 1: the hermit is a further criterion, and "by definition" is gone --------------------------
def test_clumsy_is_the_kits_operationalisation_and_the_hermit_a_further_criterion_everywhere():
    from coordkit import audit

    assert "by definition" not in flat(glossary("clumsy solution").definition)
    assert "The hermit is not a condition" in flat(glossary("clumsy solution").definition)
    assert "by definition" not in audit.RULES["verdict"]
    nb08 = cell("08_clumsy_solutions.ipynb", "cbba446d")
    assert "fatalism and the hermit engaged" not in nb08 and "Ney & Verweij's further criterion" in nb08
    notice = cell("08_clumsy_solutions.ipynb", "f7c71a7d")
    assert "a clumsy solution shuts out no way of life" not in notice
    assert "So neither the hermit nor fatalism's aspects decides any verdict" in notice  # r2 finding 1
    assert "none" in _outputs("08_clumsy_solutions.ipynb", "aecd252c").splitlines()[-1]  # computed, not typed
    answers = cell("08_clumsy_solutions.ipynb", "cd7285a9")
    assert "second, further criterion" in answers and "for something people may decline" not in answers
    sidecar = flat((data.data_dir() / "ways_of_life.csv.yml").read_text(encoding="utf-8"))
    assert "because clumsy solutions are judged by whether every voice is heard" not in sidecar
    worksheet = _doc("clumsiness_worksheet.md")
    assert "and fatalism and the hermit engaged too" not in worksheet
    assert "The hermit, a further criterion** (Ney & Verweij 2014), not part of \"clumsy\"" in worksheet
    guide = _doc("lecturer_guide.md")
    assert "Neither the hermit nor fatalism's three aspects decides any verdict" in guide  # r2 finding 1


# ----- finding 2: nb03's agreement with Taylor is partly circular, and computed --------------------------
def test_chapter_3_says_the_agreement_is_partly_by_construction_and_computes_the_profile_and_half_lives():
    from coordkit import history
    from coordkit.configuration import classify

    core = cell("03_npm_history.ipynb", "b32d353a")
    assert "the kit's reading of 2021 agrees" not in core
    assert "partly by construction" in core and "solidarity (0.91) leads hierarchy (0.68)" in core
    assert "reads as his diagnosis" not in cell("03_npm_history.ipynb", "2503ff94")
    assert "partly by construction" in cell("03_npm_history.ipynb", "0bbdab9a")
    reforms = history.load_reforms()
    profile = history.pressure_profile(history.reform_pressure(reforms, half_life=10), 2021)
    assert (round(profile.solidarity, 2), round(profile.hierarchy, 2)) == (0.91, 0.68)
    assert profile.solidarity > profile.hierarchy > profile.individualism
    names = {h: classify(history.pressure_profile(history.reform_pressure(reforms, half_life=h), 2021)).name
             for h in (5, 7, 10, 13, 14, 15, 20)}
    assert {names[h] for h in (5, 7, 10, 13)} == {"deficit culture: weak individualism"}
    assert {names[h] for h in (14, 15, 20)} == {"balanced"}
    said = cell("03_npm_history.ipynb", "a9e3c1d2")
    assert "holds up to a half-life of 13 years and turns *balanced* from 14 (so at 15 and 20 too)" in said
    printed = _outputs("03_npm_history.ipynb", "a9e3c1d1")
    assert "'solidarity': 0.91" in printed and "half-life 14 years: 2021 reads balanced" in printed


# ----- finding 3: the grid-group reading of NPM is Hood (1998); "steered by" is the kit's -------------------
def test_the_chapter_3_quiz_credits_the_grid_group_reading_to_hood_1998_and_steered_by_to_the_kit():
    q3 = load("ch03")["q3"]
    assert '"NPM was individualism steered by hierarchy"' not in q3.prompt
    correct = next(o for o in q3.options if o.correct)
    assert "Hood (1998) reads NPM in grid-group terms" in correct.feedback
    assert "\"Steered by\", and the mapping of each doctrine to one mode, are the kit's" in correct.feedback
    assert "Hood (1991) set out the doctrines and read NPM as this mix" not in q3.explanation
    assert "Hood (1998) reads NPM in grid-group terms" in q3.explanation
    assert "Hood (1998) reads in NPM, which the kit sums up as" in cell("03_npm_history.ipynb", "beee3427")


# ----- findings 4, 5: contrived randomness is reported apart; "no control type" is the kit's choice --------
def test_references_and_texts_say_contrived_randomness_is_set_apart_by_the_kits_choice():
    from coordkit import audit

    references = _doc("references.md")
    assert "use of contrived randomness for the fatalist voice" not in references
    assert "decision to report contrived randomness apart from the fatalist voice" in references
    texts = [audit.RULES["unresponsive"], audit.RULES["fatalism"], glossary("unresponsive").definition,
             glossary("partly acknowledged").definition, _doc("clumsiness_worksheet.md")]
    for text in map(flat, texts):
        assert "has no control type to join" not in text  # the old fatalism wording (the hermit's is true)
        assert "the kit" in text and "contrived randomness" in text


# ----- finding 6: the hermit withdraws from control; TEW put it at the centre ------------------------------
def test_the_hermit_is_withdrawn_from_control_not_low_grid_low_group():
    entry = flat(glossary("hermit").definition)
    assert "neither bound by others' rules nor bound into a group" not in entry
    assert "neither controls others nor lets itself be controlled" in entry and "at the centre" in entry
    assert "withdraws from grid and group" not in cell("01_coordination_theory.ipynb", "c01")
    assert "withdraws from both grid and group" not in cell("08_clumsy_solutions.ipynb", "3fb4ebe0")


# ----- finding 7: TEW read second-hand, cited so; "resilient" flagged where shown --------------------------
def test_tew_is_cited_as_summarised_and_the_resilient_myth_is_flagged_where_shown():
    from coordkit import audit

    for term in ("myths of nature", "requisite variety", "hermit"):
        assert "as summarised in secondary sources" in flat(glossary(term).definition), term
    assert "unconfirmed" in flat(glossary("myths of nature").definition)
    assert "unconfirmed against the 1990 book" in audit.voices()["hermit"].myth_meaning
    assert "unconfirmed against the 1990" in _outputs("08_clumsy_solutions.ipynb", "140a8d85")
    for cell_id in ("e9594e58", "c3909896", "078a8261", "0a4feba5"):
        assert "summarised in secondary sources" in cell("08_clumsy_solutions.ipynb", cell_id), cell_id
    assert "Westview, 1990 (as summarised in secondary sources" in _doc("clumsiness_worksheet.md")


# ----- findings 8, 10, 11: word lists labelled; references complete ---------------------------------------
def test_fatalisms_word_lists_are_the_kits_and_the_reference_lists_are_complete():
    assert "(the word lists are the kit's)" in flat(glossary("fatalism").definition)
    q4 = next(q for q in load("ch01").questions
              if any("benign face" in o.text for o in getattr(q, "options", ())))
    assert any("the word lists in brackets are the kit's" in o.feedback for o in q4.options if o.correct)
    assert "Taylor (2021a, 2021b, 2021c, 2013)" in cell("01_coordination_theory.ipynb", "c24-key")
    sources = _doc("clumsiness_worksheet.md").partition("*Sources:*")[2]
    assert "*Controlling Modern Government*" in sources and "*Risk and Blame" in sources


# ----- findings 12, 13, 14: data wording, the workshop's question, the unconfirmed chapter ---------------
def test_hood_data_has_no_tracker_jargon_and_flags_chapter_2_and_the_workshop_asks_about_the_rule():
    for name in ("hood_control_types.csv", "README.md"):
        assert "the kit's issue names" not in (data.data_dir() / name).read_text(encoding="utf-8"), name
    sidecar = flat((data.data_dir() / "hood_control_types.csv.yml").read_text(encoding="utf-8"))
    assert "(Hood 1998, ch. 2, not confirmed against the book" in sidecar
    guide = _doc("lecturer_guide.md")
    assert "about the packages, about what leaders notice, or about the kit's rule" in guide


# ===== Theorist's re-check (r2), new findings 1-6 =========================================================
ACTIVE = ("hierarchy", "solidarity", "individualism")


def _why_not_clumsy() -> dict[str, int]:
    """Count, on the five coded packages, what keeps each from 'clumsy', with the library's audit."""
    import dataclasses

    from coordkit import audit

    counts = {"hermit engaged": 0, "active type unused": 0, "solidarity unresponsive": 0, "turns": 0}
    for package in audit.packages().values():
        result = audit.audit(package)
        counts["hermit engaged"] += result.status("hermit") == "engaged"
        unused = any(result.status(v) == "excluded" for v in ACTIVE)
        counts["active type unused"] += unused
        counts["solidarity unresponsive"] += not unused and result.status("solidarity") == "unresponsive"
        # would the verdict change if the hermit and fatalism (all three aspects) were engaged?
        lifted = [dataclasses.replace(v, status="engaged") if v.voice in ("hermit", "fatalism") else v
                  for v in result.voices]
        before = result.verdict.split(";")[0]
        counts["turns"] += audit.verdict(lifted, result.dominance).split(";")[0] != before
    return counts


# ----- r2 finding 1: the lecturer guide says what the audit finds, computed ------------------------------
def test_the_lecturer_guide_says_what_the_audit_finds_on_the_five_packages():
    counts = _why_not_clumsy()
    assert counts == {"hermit engaged": 3, "active type unused": 3, "solidarity unresponsive": 2, "turns": 0}
    guide = _doc("lecturer_guide.md")
    assert "Expect fatalism and the hermit to be left out almost everywhere" not in guide
    assert "so the missing \"clumsy\" is largely the rule's doing" not in guide
    assert "The hermit is engaged in three of the five packages, only through the contested opt-in coding" \
        in guide
    said = ("in three an active voice's type is not used at all (the coding); in two solidarity is "
            "unresponsive (the kit's hybrid rule). Neither the hermit nor fatalism's three aspects decides "
            "any verdict.")
    assert said in guide
    notice = cell("08_clumsy_solutions.ipynb", "f7c71a7d")
    assert ("In three an active voice's type is not used at all (the kit's coding); in two solidarity is "
            "unresponsive (the kit's hybrid rule). So neither the hermit nor fatalism's aspects decides any "
            "verdict.") in notice
    for text in (guide, notice):  # changelog, not teaching
        assert "once withheld" not in text and "once required" not in text


# ----- r2 finding 2: "none shut out" includes fatalism in the kit's reading, with Taylor (2022) ----------
def test_fatalism_as_a_condition_of_clumsy_is_the_kits_reading_not_verweijs():
    from coordkit import audit

    reading = ("name four ways of life and ask that none be shut out; the settlements they describe join the "
               "three active ones. The kit reads \"none shut out\" as including fatalism (with Taylor 2022)")
    rule = flat(audit.RULES["verdict"])
    assert "for whom a solution is clumsy when the ways of life they name" not in rule
    assert ("name four ways of life (hierarchy, egalitarianism, individualism, fatalism) and ask that "
            + reading.partition("and ask that ")[2].replace('"', "'")) in rule
    assert "its three aspects are the kit's" in rule
    guide = _doc("lecturer_guide.md")
    assert "clumsiness (Verweij et al. 2006) is the four ways of life heard and responsive" not in guide
    assert reading in guide and "its three aspects are the kit's" in guide
    answer = cell("08_clumsy_solutions.ipynb", "cd7285a9")
    assert "shuts out none of the ways of life they name (fatalism among them)" not in answer
    assert reading in answer and "its three aspects are the kit's" in answer


# ----- r2 finding 3: the hermit withdraws from coercive involvement, in the quiz and the exercises -------
def test_the_hermit_withdraws_from_coercive_involvement_in_the_quiz_and_the_exercises():
    q3 = load("ch08")["q3"]
    assert "withdraws from both grid and group" not in q3.prompt
    assert "withdraws from coercive involvement, neither controlling others nor being controlled" in q3.prompt
    assert "Wildavsky (1990, as summarised in secondary sources) add the hermit" in q3.explanation
    assert "at the centre of the map, off its plane" in q3.explanation
    for path in (ROOT / "exercises" / "src" / "08_clumsy_solutions.py",
                 ROOT / "coordkit" / "exercises" / "ch08.py"):
        text = flat(path.read_text(encoding="utf-8").replace("#", " ").replace('"', " "))
        assert "the hermit, off the map, has none" not in text.lower(), path.name
        assert "hermit, at the centre, off the map's plane, has none" in text, path.name


# ----- r2 finding 4: TEW (1990) is flagged as summarised wherever it is cited for a claim ----------------
def test_tew_is_flagged_as_summarised_in_nb05_nb04_the_quiz_the_model_the_rules_and_the_figure():
    from coordkit import audit
    from coordkit.plots import audit as audit_plots

    flag = "as summarised in secondary sources"
    for cell_id in ("e942fd5d", "973d05ee"):
        assert f"Wildavsky (1990, {flag})" in cell("05_dynamics.ipynb", cell_id) \
            or f"Wildavsky's (1990, {flag})" in cell("05_dynamics.ipynb", cell_id), cell_id
    assert f"Wildavsky (1990, {flag}) expect no resting point" in cell("04_nhs_reform_scenarios.ipynb", "c07")
    assert f"(Thompson, Ellis & Wildavsky 1990, {flag})" in load("ch05")["q2"].prompt
    assert f"(Thompson, Ellis & Wildavsky, 1990, {flag})" in flat(dynamics.__doc__ or "")
    assert f"Thompson, Ellis & Wildavsky 1990, {flag}): each way of life" in flat(audit.RULES["excluded"])
    assert "TEW 1990" in audit_plots.HERMIT_LABEL
    described = audit_plots.describe_hybrids()  # the label's "TEW 1990", flagged where it is described
    assert "Thompson, Ellis & Wildavsky (TEW 1990);" not in described
    assert "at the map's centre in TEW 1990 (Thompson, Ellis & Wildavsky, as summarised)" in described
    references = _doc("references.md")
    assert "The hermit withdraws from coercive involvement and sits at the centre" not in references
    assert "gives the fifth type only as an asocial \"autonomous\" perspective" in references
    assert "comes from a reviewer's account of the book, unchecked against its pages" in references


# ----- r2 finding 5: dominance turning benign into malign is the kit's mechanism ------------------------
def test_nb05_rule_2_gives_taylor_the_vocabulary_and_the_kit_the_mechanism():
    rules = cell("05_dynamics.ipynb", "024d38a3")
    assert "written as Taylor's (2022) benign turning malign" not in rules
    assert ("expressed in Taylor's (2022) terms of benign and malign forms; that dominance turns benign into "
            "malign (faster above a one-third share), its form and its threshold are the kit's") in rules


# ----- r2 finding 6: the ch03 attribution item does not give its answer away -------------------------------
def test_the_ch03_attribution_item_has_plausible_options_of_like_length():
    q3 = load("ch03")["q3"]
    lengths = {o.text: len(o.text.split()) for o in q3.options}
    correct = next(o for o in q3.options if o.correct)
    wrong = [n for text, n in lengths.items() if text != correct.text]
    assert lengths[correct.text] <= 1.25 * max(wrong), lengths  # the old correct one was three times longer
    texts = [o.text for o in q3.options]
    assert "Hood's (1991) reading of NPM, in his words." in texts
    assert not any("Constitution" in text for text in texts)  # the straw man
    assert all(o.feedback for o in q3.options)
