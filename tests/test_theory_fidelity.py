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
