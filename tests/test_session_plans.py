"""Every quiz item the session plans and the lecturer's guide name exists (``chNN qM``)."""

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
QUIZZES = ROOT / "coordkit" / "exercises" / "quizzes"
DOCS = [ROOT / "docs" / "session_plans.md", ROOT / "docs" / "lecturer_guide.md"]
#: A quiz reference: ``ch01 q3`` (the form the docs use) or "chapter 1 quiz question 3".
REFERENCE = re.compile(r"\b(?:ch(\d\d)\s+q(\d+)|chapter (\d) quiz question (\d+))\b", re.I)


def _ids(chapter: str) -> set[str]:
    path = QUIZZES / f"ch{chapter}.yml"
    if not path.exists():
        return set()
    return {q["id"] for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]}


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_quiz_reference_resolves(doc):
    text = doc.read_text(encoding="utf-8")
    found = [(m[1] or f"0{m[3]}", m[2] or m[4]) for m in REFERENCE.finditer(text)]
    for chapter, number in found:
        assert f"q{number}" in _ids(chapter), f"{doc.name}: no quiz item ch{chapter} q{number}"


def test_the_live_vote_names_the_quiz_item_that_asks_its_prediction():
    text = DOCS[0].read_text(encoding="utf-8")
    assert "`ch01 q3`" in text and "chapter 1 quiz question 3" not in text
    prompt = next(q for q in yaml.safe_load((QUIZZES / "ch01.yml").read_text(encoding="utf-8"))["questions"]
                  if q["id"] == "q3")["prompt"]
    assert "equally weak" in prompt and "balanced" in prompt


def test_the_lecturer_guide_links_to_the_one_set_of_session_plans():
    guide = DOCS[1].read_text(encoding="utf-8")
    assert "(session_plans.md)" in guide
    assert "### 50 minutes" not in guide and "### 90 minutes" not in guide


def test_the_plans_name_report_sections_and_a_preset_that_exist():
    from coordkit.scenarios import load_presets

    text = DOCS[0].read_text(encoding="utf-8")
    report = (ROOT / "coordkit" / "class_report.py").read_text(encoding="utf-8") + (
        ROOT / "coordkit" / "templates" / "class_report.html.j2").read_text(encoding="utf-8")
    named = re.findall(r"sections? \*\*([^*]+)\*\*(?: and \*\*([^*]+)\*\*)?", text)
    assert named, "the plans name no report section"
    for section in named:
        for name in filter(None, section):
            assert f"<h2>{name}</h2>" in report, f"no report section {name!r}"
    assert "gap chart" not in text
    preset = load_presets()["rumoured_2022"].name
    assert f"**{preset}** (`rumoured_2022`)" in text


def test_the_coding_template_holds_the_four_reforms_the_plans_name():
    import csv

    rows = list(csv.DictReader((ROOT / "docs" / "coding_template.csv").open(encoding="utf-8")))
    ids = [r["reform_id"] for r in rows]
    text = DOCS[0].read_text(encoding="utf-8")
    assert len(ids) == 4 and all(f"(`{i}`)" in text for i in ids), ids
    assert all(not r[m] for r in rows for m in ("hierarchy", "solidarity", "individualism", "fatalism"))
    assert "(white paper)" not in text, "one name for Working for Patients"
    for plan in ("50 minutes", "90 minutes"):
        body = text.split(f"## {plan}", 1)[1].split("\n## ", 1)[0]
        assert "**What each student needs:**" in body and "**If wifi fails:**" in body, plan


def test_the_scenarios_vote_has_an_answer_that_is_not_the_presets_configuration():
    """The 55-80 vote: its numbers are computed here, and the answer differs from the preset's."""
    from coordkit.scenarios import load_presets, run

    text = DOCS[0].read_text(encoding="utf-8")
    preset = load_presets()["rumoured_2022"]
    base = run(preset).summary()
    moved = run(preset.levers.replace(central_targets=100.0), initial=preset.initial).summary()
    funded = run(preset.levers.replace(funding_growth=3.1), initial=preset.initial).summary()
    assert base["configuration"] == "balanced"
    assert f"**Balanced**, balance index {base['balance']:.2f}" in text
    assert moved["configuration"] != base["configuration"]
    assert moved["configuration"] == "deficit culture: weak individualism"
    assert "**raise Central targets from 30 to 100**" in text and preset.levers.central_targets == 30
    assert f"Answer **C** (balance {moved['balance']:.2f})" in text
    assert "C deficit culture: weak individualism" in text
    assert funded["configuration"] == "balanced" and "3.1 still gives Balanced" in text


def test_the_plans_quote_the_kits_coding_of_the_two_voted_reforms_as_in_the_data():
    from coordkit import history

    text = DOCS[0].read_text(encoding="utf-8")
    reforms = history.load_reforms().set_index("id")
    for reform_id, name in (("working_for_patients_1989", "*Working for Patients*"),
                            ("health_and_care_act_2022", "*Health and Care Act 2022*")):
        r = reforms.loc[reform_id]
        pushes = ", ".join(f"{mode} {int(r[f'push_{mode}']):+d}".replace("+0", "0")
                           for mode in ("hierarchy", "solidarity", "individualism", "fatalism"))
        assert f"{name}: {pushes}" in text, (name, pushes)
    assert "./kit codes 200 -o codes.txt" in text


def _plan(minutes: str) -> str:
    text = DOCS[0].read_text(encoding="utf-8")
    return text.split(f"## {minutes} minutes", 1)[1].split("\n## ", 1)[0]


def test_every_number_the_plans_quote_for_the_votes_is_computed_here():
    """Lecturer review 2, N3: the numbers the 50- and 90-minute plans quote, from the library."""
    from coordkit import balance
    from coordkit.configuration import classify
    from coordkit.scenarios import load_presets, run
    from coordkit.scenarios.levers import lever_table
    from coordkit.survey.scoring import STRONG
    from coordkit.widgets.profile import DEFAULT_PROFILE

    fifty, ninety = _plan("50"), _plan("90")
    # 50 minutes: the profile app's start, and the vote's answer B at individualism 0.9
    start = DEFAULT_PROFILE
    assert start.malign_fatalism == 1.0
    quoted = (f"(hierarchy {start.hierarchy:g}, solidarity {start.solidarity:g}, individualism "
              f"{start.individualism:g}, fatalism {start.fatalism:g}, all despair)")
    assert quoted in fifty, quoted
    assert classify(start).name == "deficit culture: weak individualism"
    assert classify(start.replace(individualism=0.9)).name == "balanced"
    assert "at 0.9 individualism joins" in fifty and "**The vote's answer (5-15): B, balanced.**" in fifty
    assert classify.__kwdefaults__["strong"] == 0.5 and STRONG == 0.75
    assert "strong at **0.5**" in fifty and "from **0.75**" in fifty
    # 90 minutes: the scenarios step
    preset = load_presets()["rumoured_2022"]
    base = run(preset)
    levers = preset.levers

    def at(**change: float):
        return run(levers.replace(**change), initial=preset.initial)

    moved, funded = at(central_targets=100.0), at(funding_growth=3.1)
    b0, b1, b2 = (balance.report(r.final) for r in (base, moved, funded))
    assert f"**Balanced**, balance index {b0.score:.2f}" in ninety
    assert f"Answer **C** (balance {b1.score:.2f})" in ninety
    assert moved.configuration.name == "deficit culture: weak individualism"
    # the borderline: individualism just under 0.5 at 100, at 0.5 at 95 (still Balanced), and at 150
    just, still, top = (at(central_targets=t) for t in (100.0, 95.0, 150.0))
    assert 0.498 < just.final.individualism < 0.5 and f"ends at {just.final.individualism:.3f}" in ninety
    assert still.final.individualism >= 0.5 and still.configuration.name == "balanced"
    assert f"at 95 it is still {still.final.individualism:.3f}, answer A" in ninety
    assert lever_table().loc["central_targets", "high"] == 150
    assert f"150, the lever's top, leaves it at {top.final.individualism:.3f}" in ninety
    assert top.configuration.name == "deficit culture: weak individualism"
    assert f"balance index moves smoothly ({b0.score:.2f} to {b1.score:.2f})" in ninety
    # lecturer review 3, N9: over the lever's whole range (whole numbers), Balanced exactly from 0 to 95;
    # 105 gives the same name as 100, so the plan says "95 or below", never "95 or 105"
    low, high = (int(lever_table().loc["central_targets", k]) for k in ("low", "high"))
    balanced = [t for t in range(low, high + 1)
                if at(central_targets=float(t)).configuration.name == "balanced"]
    assert balanced == list(range(low, 96)), balanced
    assert at(central_targets=105.0).configuration.name == moved.configuration.name
    assert "moves the lever to 95 or below and gets another name (Balanced)" in ninety
    assert "95 or 105" not in ninety
    # funding 3.1: still Balanced, the index doubles, and why
    assert funded.configuration.name == "balanced" and "3.1 still gives Balanced" in ninety
    assert f"still doubles, {b0.score:.2f} to {b2.score:.2f}" in ninety
    assert f"mean strength ({b0.strength:.2f} to {b2.strength:.2f})" in ninety
    assert f"falls from {b0.despair:.2f} to {b2.despair:.2f}" in ninety
    assert round(b0.evenness, 2) == round(b2.evenness, 2) == 1.0 and "evenness stays 1.00" in ninety
    s0, s2 = base.summary(), funded.summary()
    assert f"The outcome rises with its ceiling, {s0['outcome']:.2f} to {s2['outcome']:.2f}" in ninety
    assert f"(ceiling {s0['ceiling']:.2f} to {s2['ceiling']:.2f})" in ninety


def test_the_paper_and_typing_steps_say_what_a_blank_box_does():
    """Lecturer review 2, N1: the plans' paper and typing steps say what blank boxes and "?" do."""
    text = DOCS[0].read_text(encoding="utf-8")
    steps = [p for p in text.split("\n\n") if "./kit template -o answers.csv" in p]
    assert len(steps) == 2
    for step in (" ".join(step.split()) for step in steps):
        assert "as 0 when the question's other boxes add up to 100" in step
        assert "`?`" in step and "no flag is needed" in step.lower()
