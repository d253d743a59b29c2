"""Item design rules that can fail (review findings 4, 11): a reversal is the low pole of its own item."""

from __future__ import annotations

import html
import re
from itertools import pairwise

import pytest

from coordkit.survey import printable_questionnaire, questionnaire

Q = questionnaire()

#: Words that carry another mode's content (the kit's curated list). An item may use only its own
#: mode's cues: "team" in an individualism item is solidarity content, "room" (latitude someone
#: grants) and "procedure" hierarchy content, "events" fatalism's.
CUES = {
    "hierarchy": {"procedure", "procedures", "rule", "rules", "manager", "managers", "senior", "authority",
                  "room", "allowed", "permitted", "checks"},
    "solidarity": {"team", "teams", "group", "loyalty", "values", "outsiders", "belonging",
                   "share"},
    "individualism": {"advancement", "compete", "competition", "ideas", "initiative", "ahead", "best",
                      "adapt", "discretion"},
    "fatalism": {"events", "luck", "difference", "overtaken", "overtake"},
}
ABSOLUTES = re.compile(r"\b(every|everyone|exactly|nothing|always|all|any|still)\b", re.IGNORECASE)
NEGATION = re.compile(r"\b(not|never|no|none|nobody|seldom|rarely|hardly|barely|scarcely)\b|n't\b",
                      re.IGNORECASE)
#: Words that carry the other form of the same mode (the kit's curated list): a reversal of a
#: malign statement must not turn into a benign one ("checks matched to the risk").
FORM_CUES = {
    ("hierarchy", "benign"): {"risk", "protect", "purpose", "direction", "clear"},
    ("hierarchy", "malign"): {"detail", "closely", "rigid"},
    ("solidarity", "benign"): {"help", "look", "guided"},
    ("solidarity", "malign"): {"outsiders", "wary", "question"},
    ("individualism", "benign"): {"free", "strive", "best"},
    ("individualism", "malign"): {"expense", "harm"},
    ("fatalism", "benign"): {"accept", "expect", "surprised"},
    ("fatalism", "malign"): {"difference", "given", "improve"},
}
OTHER_FORM = {"benign": "malign", "malign": "benign"}


def _cues(mode: str, form: str, text: str) -> list[str]:
    """The other modes' and the other form's cue words in ``text`` (an item of ``mode``, ``form``)."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    other = set().union(*(c for m, c in CUES.items() if m != mode)) | FORM_CUES[(mode, OTHER_FORM[form])]
    return sorted(words & other)


def test_no_agreement_statement_carries_another_modes_or_forms_cue_words():
    offending = [(i.id, _cues(i.mode.value, i.form, i.statement)) for i in Q.block("likert")
                 if i.mode is not None and _cues(i.mode.value, i.form, i.statement)]
    assert offending == []


@pytest.mark.parametrize(("mode", "form", "text"), [
    ("hierarchy", "malign", "Managers match their checks to the risk of the work."),  # old MH3
    ("hierarchy", "malign", "Staff may adapt a procedure to fit the case in front of them."),  # v2.0 MH4
    ("hierarchy", "malign", "Procedures here are applied with their purpose in mind."),  # round-1 MH4
    ("individualism", "malign", "People put the team before their own advancement."),  # old MI3
    ("individualism", "malign", "Colleagues who compete share what they know with one another."),  # old MI4
    ("individualism", "benign", "People have little room to try out new ideas."),  # old BI3
])
def test_the_cue_lists_catch_the_reviewed_items(mode, form, text):
    # the check can fail: each statement the review found mis-moded or of the other form is caught
    assert _cues(mode, form, text)


def test_no_statement_uses_an_absolute_or_a_negation():
    rated = [i for i in Q.likert_items if i.scale == "agreement"]
    assert [i.id for i in rated if ABSOLUTES.search(i.statement)] == []
    assert [i.id for i in rated if i.reverse and NEGATION.search(i.statement)] == []
    assert ABSOLUTES.search("People here expect every plan to work out as intended.")  # old BF4
    # review 2, finding 5: the six "seldom X" reversals of round 1 are caught
    for old in ("Managers seldom check work more closely than it needs.",
                "Following procedure here seldom gets in the way of the result.",
                "Colleagues seldom help one another.", "People here seldom try out new ideas.",
                "People here seldom pursue their own advancement at others' expense.",
                "Colleagues here seldom harm one another's work to get ahead."):
        assert NEGATION.search(old), old


@pytest.mark.parametrize("word", ["the group", "as far as my job allows", "until they agree",
                                  "shared values"])
def test_wording_fixes_of_finding_11(word):
    assert [i.id for i in Q.items if word in i.statement.lower()] == []


def test_team_items_say_who_skips_them():
    team = [i for i in Q.items if "my team" in i.statement or "your own team" in i.heading]
    assert team and all("skip these if you are not part of" in i.heading for i in team)


def test_the_printed_copy_never_puts_a_statement_next_to_its_reversal():
    page = html.unescape(printable_questionnaire(part="questionnaire"))
    pairs = [(a.statement, b.statement) for s in Q.scales() for a, b in s.pairs()]
    order = sorted((page.index(i.statement), i.statement) for i in Q.likert_items if i.block != "strength")
    statements = [s for _, s in order]
    neighbours = set(pairwise(statements)) | {(b, a) for a, b in pairwise(statements)}
    assert [p for p in pairs if p in neighbours] == []


# ----- methodologist 2, finding 7: the survey-tool guides use the printed copy's fixed order ------
def test_the_form_guides_separate_reversals_interleave_scales_and_vary_the_divide_order():
    import json

    from coordkit.survey.read.forms import FIXED_ORDER_NOTE, form_questions, guides

    pairs = {frozenset((a.id, b.id)) for s in Q.scales() for a, b in s.pairs()}
    scale_of = {i.id: s.name for s in Q.scales() for i in s.items}
    qs = form_questions(Q)
    grids = [x for x in qs if x.kind == "scale"]
    assert grids
    for x in grids:
        ids = [key for key, _ in x.rows]
        assert [p for p in pairwise(ids) if frozenset(p) in pairs] == [], x.title
        # no scale's statements sit together as a run (file order put all four in a row)
        runs = [scale_of.get(a) == scale_of.get(b) for a, b in pairwise(ids) if a in scale_of]
        assert not runs or sum(runs) < len(runs) / 2, x.title
    agreement = next(x for x in grids if len(x.rows) == len(Q.block("likert")))
    printed = html.unescape(printable_questionnaire(part="questionnaire"))
    statements = [s for _, s in agreement.rows]
    assert statements == sorted(statements, key=printed.index)  # the printed copy's order
    first = {x.rows[0][0][-1] for x in qs if x.kind == "divide"}
    assert len(first) > 1  # not always hierarchy first
    files = guides(Q)
    for name in ("microsoft-forms.md", "jisc.md", "surveymonkey.md"):
        assert FIXED_ORDER_NOTE in files[name], name
    assert "Leave *Settings* > *Shuffle questions* off" in files["microsoft-forms.md"]
    qsf = json.loads(files["coordkit.qsf"])
    cs = [e["Payload"] for e in qsf["SurveyElements"] if e["Element"] == "SQ"
          and e["Payload"]["QuestionType"] in ("CS", "Matrix")]
    assert cs and all(p.get("Randomization", {}).get("Type") == "All" for p in cs)
