from pathlib import Path

import pytest

from coordkit.terms import GlossaryError, entries, glossary, markdown

ROOT = Path(__file__).resolve().parents[1]


def test_committed_glossary_matches_its_source():
    assert (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8") == markdown(), (
        "regenerate it: python -m coordkit.terms > docs/glossary.md"
    )


def test_every_entry_says_whose_it_is_and_kit_terms_cite_nobody():
    for entry in entries():
        assert entry.whose and entry.definition and entry.chapter, entry.term
        if entry.whose == "the kit":
            assert not entry.reference, f"{entry.term} is the kit's own: it must not cite a source"


def test_the_kit_never_calls_its_source_a_nickname():
    text = (ROOT / "coordkit" / "glossary.yml").read_text(encoding="utf-8").lower()
    assert "the seed" not in text


def test_lookup_forgives_case_punctuation_plurals_and_aliases():
    assert glossary("Clumsy Solutions.").term == "clumsy solution"
    assert glossary("connectedness").term.startswith("motivations")
    assert glossary("dynamic balance score").term == "balance index"
    assert glossary("egalitarian").term == "solidarity"


def test_unknown_terms_get_suggestions_not_a_traceback_of_the_kit():
    with pytest.raises(GlossaryError, match="did you mean: contrived randomness"):
        glossary("contrived randumness")
    with pytest.raises(GlossaryError, match=r"docs/glossary\.md"):
        glossary("zzzzqqq")


def test_terms_are_unique():
    names = [e.term.lower() for e in entries()]
    assert len(names) == len(set(names))


def test_glossary_with_no_term_is_the_whole_glossary():
    import coordkit as ck

    everything = ck.glossary()
    assert [e.term for e in everything] == [e.term for e in entries()]
    assert "<dl>" in everything._repr_html_() and "clumsy solution (cultural theory)" in str(everything)


@pytest.mark.parametrize("term", ["clumsy solution", "hermit", "myths of nature", "requisite variety",
                                  "contrived randomness", "balance index", "ICC", "omega", "reform pressure",
                                  "half-life", "push", "era", "Hood's doctrines", "threshold", "core route",
                                  "Krippendorff alpha", "New Public Management", "deficit culture",
                                  # the student review's jargon (issue 19, second review)
                                  "ICS", "Lyapunov", "Euler step", "Pielou", "Simpson evenness",
                                  "ternary plot", "TDEL", "OCAI", "acquiescence",
                                  # the third student review's core terms (issue 19, finding 9)
                                  "heard", "engaged", "unresponsive", "excluded", "dominated by",
                                  "articulated", "benign strengths", "rivalry", "allegiance", "outcome",
                                  "agent", "Likert", "congruence", "hybrid", "clumsiness audit", "verdict",
                                  "active voices not all joined", "partly acknowledged", "voice",
                                  "way of life", "overuse share", "level share",
                                  "Heywood case", "response-style checks"])
def test_terms_the_chapters_use_are_in_the_glossary(term):
    assert glossary(term).definition


@pytest.mark.parametrize(("term", "plain"), [("ICS", "integrated care system"), ("TDEL", "budget"),
                                             ("OCAI", "questionnaire"), ("Euler step", "step"),
                                             ("Lyapunov", "stab"), ("acquiescence", "agree")])
def test_jargon_is_spelt_out_in_plain_words(term, plain):
    entry = glossary(term)
    assert plain in (entry.term + " " + entry.definition).lower()
    assert len(entry.definition.split()) >= 20, f"{term}: say it in plain words, not one phrase"


def test_individualism_has_taylors_two_sides_and_fatalism_its_two_faces():
    """Theorist review: individualism was defined in commercial words first, and the fatalism entry
    named neither face by Taylor's words nor set contrived randomness apart from resignation."""
    individualism = glossary("individualism").definition
    assert "creative, entrepreneurial side" in individualism and "competitive side" in individualism
    fatalism = glossary("fatalism").definition
    assert "wisdom" in fatalism and "despair" in fatalism
    assert "not contrived randomness" in fatalism and "not resignation" in fatalism


def test_the_modes_table_gives_individualism_both_sides():
    from coordkit.modes import MODES, Mode

    methods = MODES[Mode.INDIVIDUALISM].methods
    assert "creative, entrepreneurial side" in methods and "competitive side" in methods


def test_the_audit_statuses_say_what_heard_means_and_the_dominance_threshold():
    """Student review (issue 19, finding 1): "heard" was used, never defined; the 60% threshold came late."""
    from coordkit.audit import DEFAULT_OVERUSE_SHARE, STATUSES

    assert "engaged or unresponsive" in glossary("heard").definition
    assert f"{DEFAULT_OVERUSE_SHARE:.0%}" in glossary("dominated").definition
    assert all(glossary(status).whose.startswith("the kit") for status in STATUSES)


def test_form_is_tied_to_benign_and_malign_and_the_two_older_names_are_explained():
    """Student review (issue 19, finding 4): "form" meant both a mode and its benign or malign version."""
    from coordkit.configuration import Kind
    from coordkit.exercises import ch01

    entry = glossary("forms")
    assert "benign or the malign version of a mode" in entry.definition
    names = [k.value for k in Kind if "form" in k.value]
    assert names and all(f'"{name}"' in entry.definition for name in names)
    assert "Which modes reach" in ch01.q3.evaluate("hierarchy monoculture").message


def test_benign_strength_is_defined_where_the_balance_index_uses_it_and_matches_the_library():
    """Student review (issue 19, finding 9): ch01's core built the index on "benign active strengths" whose
    computation was shown only in going further."""
    import json

    import coordkit as ck

    profile = ck.Profile(0.85, 0.7, 0.6, 0.3, malign_hierarchy=0.3)
    assert abs(profile.benign_strengths[0] - 0.85 * 0.7) < 1e-9  # 0.595, "about 0.60"
    assert "0.85 x 0.7, about 0.60" in glossary("benign strengths").definition
    nb = json.loads((ROOT / "notebooks" / "01_coordination_theory.ipynb").read_text(encoding="utf-8"))
    core = next("".join(c["source"]) for c in nb["cells"] if "$$B = E(b)" in "".join(c["source"]))
    assert "[benign strengths](../docs/glossary.md) $b$ (each strength times its benign share)" in core
