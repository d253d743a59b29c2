"""The lecturer's printed materials (issue 18): paper exercises, sheets, slides without code."""

import importlib.util
import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("publish", ROOT / "tools" / "publish.py")
publish = importlib.util.module_from_spec(spec)
sys.modules["publish"] = publish
spec.loader.exec_module(publish)

SOURCES = sorted((ROOT / "exercises" / "src").glob("*.py"))
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
#: What a paper exercise must never say: it has no cells, no checks and no Python.
CODE_ON_PAPER = ("____", "run the cell", ".check()", ".hint()", ".solution()", "ck.", "double-click",
                 "Profile(", "Levers(", "survey.", "audit.", "scenarios.preset", "agents.", "history.recode",
                 "history.pressure", "np.", "a **dict**", "a **set**", "a dict ")


def _markdown(nb: nbformat.NotebookNode) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


@pytest.fixture(scope="module")
def exercise_pages(tmp_path_factory):
    out = tmp_path_factory.mktemp("paper")
    students = [ROOT / "exercises" / f"{src.stem}.ipynb" for src in SOURCES]
    written, problems = publish.build("handouts", students, out)
    return {p.stem: p.read_text(encoding="utf-8") for p in written}, problems


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.stem[:2])
def test_every_exercise_prints_on_paper_with_its_tasks_and_an_answer_space_and_no_code(src):
    """Was: the exercise handout was the student notebook without code ("replace ____, run the cell")."""
    from coordkit.exercises.build import parse_percent

    cells = parse_percent(src.read_text(encoding="utf-8"))
    tasks = [c.source.split("\n", 1)[0] for c in cells
             if c.kind == "markdown" and c.source.startswith("## Task")]
    paper = publish.paper_exercise(src)
    text = _markdown(paper)
    assert len(tasks) == 6 and [c.source.split("\n", 1)[0] for c in paper.cells[1:]] == tasks
    assert text.count('<div class="ck-answer') == len(tasks)
    found = [phrase for phrase in CODE_ON_PAPER if phrase.lower() in text.lower()]
    assert not found, (src.name, found)
    assert not re.search(r"`[^`]*[(=_.][^`]*`", text), "a code span reached the paper"
    assert publish.PAPER_INTRO in paper.cells[0].source and "**Time:**" in paper.cells[0].source
    assert f"]({src.stem}.html)" in paper.cells[0].source, "the chapter link points at its handout"
    for cell in paper.cells[1:]:  # every task says what to write, in words
        assert len(re.sub(r"<[^>]+>", "", cell.source).split()) > 25, cell.source[:80]


def test_the_handouts_write_the_paper_version_of_each_exercise(exercise_pages):
    pages, problems = exercise_pages
    assert sorted(pages) == sorted(f"exercises_{src.stem}" for src in SOURCES)
    assert not [p for p in problems if "formula" in p], problems
    for name, html in pages.items():
        assert html.count('class="ck-answer') == 6, name
        assert "run the cell" not in html and "____" not in html, name
        assert "ck-answer { border" in html, "the answer space is drawn"


def test_a_paper_cell_never_reaches_a_notebook_and_tasks_that_need_one_say_so():
    from coordkit.exercises.build import notebook_json, parse_percent

    needs = 0
    for src in SOURCES:
        cells = parse_percent(src.read_text(encoding="utf-8"))
        papers = [c.source for c in cells if c.kind == "paper"]
        for student in (True, False):
            nb = notebook_json(cells, student=student)
            text = "".join("".join(c["source"]) for c in nb["cells"])
            assert not any(p in text for p in papers), src.name
            assert [c["id"] for c in nb["cells"]] == [f"c{k:02d}" for k in range(len(nb["cells"]))]
        needs += sum(p.startswith("**Needs the notebook**") and "**On paper:**" in p for p in papers)
    assert needs >= 10  # the honest list: the lecturer's guide names these tasks' paper alternative
    guide = (ROOT / "docs" / "lecturer_guide.md").read_text(encoding="utf-8")
    assert "Needs the notebook" in guide and "exercises_" in guide


def test_the_paper_tasks_quote_the_kits_own_data():
    """Numbers on paper are the ones the checks use: the library assistant and the archetype."""
    from coordkit import survey
    from coordkit.archetypes import ARCHETYPES
    from coordkit.exercises.ch02 import RESPONDENT_NOW, RESPONDENT_RATINGS

    ch02 = _markdown(publish.paper_exercise(ROOT / "exercises" / "src" / "02_diagnose_your_organisation.py"))
    rows = [r for r in re.findall(r"^\| (\w+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$", ch02, re.M)
            if r[0] != "now"]  # the ratings row follows the points table
    assert [r[0] for r in rows] == list(survey.questionnaire().dimensions)
    assert [tuple(int(x) for x in r[1:]) for r in rows] == [tuple(r) for r in RESPONDENT_NOW]
    ratings = re.findall(r"^\| now \| (\d) \| (\d) \| (\d) \| (\d) \|$", ch02, re.M)
    assert [tuple(int(x) for x in r) for r in ratings] == [tuple(RESPONDENT_RATINGS)]
    assert "$(r - 1)/4$" in ch02 and "divided by 40" not in ch02  # strength from ratings, as chapter 2 says
    assert survey.profile_from_scores([40.0, 20.0, 60.0, 10.0]).to_dict()["hierarchy"] == 1.0
    assert survey.profile_from_scores([40.0, 20.0, 60.0, 10.0]).to_dict()["solidarity"] == 0.5
    ch01 = _markdown(publish.paper_exercise(ROOT / "exercises" / "src" / "01_coordination_theory.py"))
    tps = ARCHETYPES["traditional public sector"]
    quoted = (f"hierarchy {tps.hierarchy:g}, of it {tps.malign_hierarchy:.0%} malign; solidarity "
              f"{tps.solidarity:g}; individualism {tps.individualism:g}; fatalism {tps.fatalism:g}, "
              "all despair")
    assert quoted in " ".join(ch01.split()) and tps.malign_fatalism == 1.0


# ----- slides ---------------------------------------------------------------------------------
#: A printed Python value on a slide (was: chapter 1's deck showed ``Profile(hierarchy=0.85, ...)``).
REPR = re.compile(r"^\s*(\w+\(\w+=|array\(|\{'|\['|\(\()", re.M)
#: The notebook's machinery in slide prose (was: "run the notebook", "a thin wrapper", "its update").
MACHINERY = ("run the notebook", "thin wrapper", "thin layer", "its update", "running kernel",
             "called directly", "surfaces any error")


def _slide_text(ready: nbformat.NotebookNode) -> tuple[str, str]:
    prose, printed = [], []
    for cell in ready.cells:
        if cell.metadata.get("slideshow", {}).get("slide_type") == "skip":
            continue
        if cell.cell_type == "markdown":
            prose.append(cell.source)
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            printed.append(str(output.get("text", "")) + ("" if "text/html" in data else
                                                          str(data.get("text/plain", ""))))
    return "\n".join(prose), "\n".join(printed)


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.stem[:2])
def test_no_slide_prints_a_python_value_or_speaks_of_the_notebooks_machinery(nb):
    source = nbformat.read(nb, as_version=4)
    notes: list[str] = []
    prose, printed = _slide_text(publish.prepare(source, nb.name, [], slides=True, notes=notes))
    assert not REPR.search(printed), (nb.name, REPR.search(printed)[0])
    assert not [w for w in MACHINERY if w in prose.lower()], nb.name
    assert "Profile(" not in printed + prose
    _, handout_printed = _slide_text(publish.prepare(source, nb.name, []))
    if REPR.search(handout_printed):  # the handout keeps what the slides leave out, and the cut is listed
        assert any("printed Python value" in n for n in notes), nb.name


def test_chapter_1_deck_has_no_profile_repr_and_inline_maths_sits_on_the_line(tmp_path):
    written, _ = publish.build("slides", [ROOT / "notebooks" / "01_coordination_theory.ipynb"], tmp_path)
    deck = next(p for p in written if p.suffix == ".html").read_text(encoding="utf-8")
    assert "Profile(hierarchy" not in deck and "run the notebook" not in deck.lower()
    assert "thin wrapper" not in deck and 'class="ck-math"' in deck
    assert ".reveal section img.ck-math{display:inline;vertical-align:middle;margin:0;" in deck


def test_repr_filter_keeps_sentences_and_tables():
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [nbformat.v4.new_output("stream", text=(
        "Sources disagree: QualityWatch dates the standard from 2004\n"
        "teams at the end: {'solidarity monoculture': 89}\n0.0 0.0 0.0 1.0\n"))]
    assert publish.without_reprs(cell) == 1
    kept = "Sources disagree: QualityWatch dates the standard from 2004\n0.0 0.0 0.0 1.0\n"
    assert cell.outputs[0]["text"] == kept


# ----- the sheets and the command's message -----------------------------------------------------
def test_the_handouts_build_the_clumsiness_worksheet_and_the_summaries(tmp_path, capsys):
    """Was: the worksheet was Markdown only, and the command named summary PDFs it never wrote."""
    page = publish.sheet_html("clumsiness_worksheet")
    assert page.startswith("<!DOCTYPE html>") and "Part A: code the instruments" in page
    assert "lecturer_guide.md" not in page and "td:empty{height:9mm;}" in page
    assert publish.main(["handouts", str(NOTEBOOKS[0]), "-o", str(tmp_path)]) == 0
    assert (tmp_path / "clumsiness_worksheet.html").is_file()
    summaries = sorted(p.name for p in (tmp_path / "summaries").iterdir())
    assert "summary.css" in summaries and len([s for s in summaries if s.endswith(".html")]) == 8
    kit = (ROOT / "kit").read_text(encoding="utf-8")
    message = next(line for line in kit.splitlines() if "handouts are in" in line)
    assert "or use the PDFs" not in message and "clumsiness_worksheet" in message and "$made" in message


@pytest.mark.skipif(publish.chromium() is None, reason="needs Chromium to print")
def test_the_paper_questionnaire_prints_on_two_sheets_double_sided_and_says_how_to_answer(tmp_path):
    """Lecturer review: the paper questionnaire ran to 10 A4 pages (now 4: Part 1 in two columns)."""
    written, problems = publish.build_sheets(tmp_path, pdf=True)
    assert not problems, problems
    pages = {p.stem: len(re.findall(rb"/Type\s*/Page\b", p.read_bytes()))
             for p in written if p.suffix == ".pdf"}
    assert pages["questionnaire"] <= 4, pages
    assert pages["clumsiness_worksheet"] <= 4, pages
    page = publish.sheet_html("questionnaire")
    assert "in a survey tool, only if it is set up to shuffle" in page
    assert "tick <b>?</b> (don't know) rather than leaving it blank" in page
    assert "Each column must add up to 100: write 0 in any box you give no points." in page  # review 2, N1
    assert "Leave a line blank" not in page


# ----- the lecturer's guide and the session plans ---------------------------------------------
GUIDE = (ROOT / "docs" / "lecturer_guide.md").read_text(encoding="utf-8")
PLANS = (ROOT / "docs" / "session_plans.md").read_text(encoding="utf-8")


def test_the_guide_names_exactly_the_tasks_that_need_the_notebook():
    from coordkit.exercises.build import parse_percent

    needing: dict[str, list[int]] = {}
    for src in SOURCES:
        cells = parse_percent(src.read_text(encoding="utf-8"))
        task = 0
        for cell in cells:
            if cell.kind == "markdown" and cell.source.startswith("## Task"):
                task = int(cell.source.split()[2])
            if cell.kind == "paper" and cell.source.startswith("**Needs the notebook**"):
                needing.setdefault(str(int(src.stem[:2])), []).append(task)
    paragraph = GUIDE.split("**Exercises without laptops.**")[1].split("\n\n")[0]
    listed = {m[1]: list(range(int(m[2]), int(m[3] or m[2]) + 1))
              for m in re.finditer(r"chapter (\d) tasks? (\d)(?:-(\d))?", paragraph)}
    assert listed == needing


def test_one_week_1_homework_with_the_route_times():
    sys.path.insert(0, str(ROOT / "tools"))
    import route

    core = {c.number: c.core for c in route.chapters()}
    estimates = {n: route.estimate(ROOT / "notebooks" / f).minutes for n, f in
                 (("03", "03_npm_history.ipynb"), ("04", "04_nhs_reform_scenarios.ipynb"))}
    homework = (f"**chapters 3 and 4 on the core route, with their quizzes: about {core['03'] + core['04']} "
                f"minutes** ({core['03']} and {core['04']}, the start page's core times")
    ninety = PLANS.split("## 90 minutes", 1)[1].split("\n## ", 1)[0]
    block = PLANS.split("## A two-week block", 1)[1].split("\n## ", 1)[0]
    assert homework in ninety and homework in block, "the 90-minute plan and the block set one homework"
    assert "chapters 0-2 with their quizzes" not in block and "about 2 hours in all" not in block
    assert all(estimates[n] <= core[n] for n in estimates)


def test_the_50_minute_vote_has_its_answer_and_the_two_thresholds_are_explained():
    import coordkit as ck
    from coordkit.survey import scoring
    from coordkit.widgets.profile import DEFAULT_PROFILE

    assert ck.classify(DEFAULT_PROFILE.replace(individualism=0.9)).name == "balanced"
    assert ck.classify(DEFAULT_PROFILE).name != "balanced"
    from coordkit.archetypes import ARCHETYPES

    tps = ARCHETYPES["traditional public sector"]
    assert (tps.hierarchy, tps.solidarity, tps.individualism, tps.fatalism) == DEFAULT_PROFILE.strengths
    fifty = PLANS.split("## 50 minutes", 1)[1].split("\n## ", 1)[0]
    assert "*\"Individualism moves to 0.9; the other forms stay." in fifty
    assert "**The vote's answer (5-15): B, balanced.**" in fifty
    p = DEFAULT_PROFILE
    assert (f"(hierarchy {p.hierarchy:g}, solidarity {p.solidarity:g}, individualism {p.individualism:g}, "
            f"fatalism {p.fatalism:g}, all despair)") in fifty and p.malign_fatalism == 1.0
    assert scoring.STRONG == 0.75 and (4 - 1) / 4 == scoring.STRONG and (3 - 1) / 4 == 0.5
    assert "strong at **0.5**" in fifty and "from **0.75**, a rating of 4" in fifty
    assert ck.classify(ck.Profile(0.5, 0.5, 0.5, 0.0)).name == "balanced"  # 0.5 is strong in the app
    assert ck.classify(ck.Profile(0.49, 0.5, 0.5, 0.0)).name != "balanced"


def test_the_funding_step_explains_the_balance_index_from_computed_parts():
    from coordkit import balance
    from coordkit.scenarios import load_presets, run

    preset = load_presets()["rumoured_2022"]
    base, funded = run(preset), run(preset.levers.replace(funding_growth=3.1), initial=preset.initial)
    b, f = base.summary(), funded.summary()
    rb, rf = balance.report(base.final), balance.report(funded.final)
    assert b["configuration"] == f["configuration"] == "balanced"
    said = (f"the balance index still doubles, {b['balance']:.2f} to {f['balance']:.2f}",
            f"mean strength ({rb.strength:.2f} to {rf.strength:.2f})",
            f"falls from {b['fatalism']:.2f} to {f['fatalism']:.2f}",
            f"evenness stays {rf.evenness:.2f}", f"{b['outcome']:.2f} to {f['outcome']:.2f} (ceiling "
            f"{b['ceiling']:.2f} to {f['ceiling']:.2f})")
    for phrase in said:
        assert phrase in PLANS, phrase
    assert f"{rb.evenness:.2f}" == f"{rf.evenness:.2f}"


def test_the_guide_has_chapter_8_outcomes_and_questions_and_a_workshop_for_40():
    nb = nbformat.read(ROOT / "notebooks" / "08_clumsy_solutions.ipynb", as_version=4)
    objectives = re.findall(r"^\d\. (.+)$", nb.cells[0].source, re.M)
    assert len(objectives) == 5
    rows = [line for line in GUIDE.splitlines() if "`08_clumsy_solutions`" in line and line.startswith("| 1")]
    assert len(rows) == 3 and "*clumsy*" in rows[0] and "hybrids" in rows[1] and "excluded voice" in rows[2]
    questions = GUIDE.split("**Chapter 8 — clumsy solutions**", 1)[1].split("\n\n", 1)[0]
    assert questions.count("\n- ") >= 3
    forty = GUIDE.split("### For 40 students", 1)[1]
    assert "**Tables of 5-6**" in forty and "**a reporter**" in forty
    assert "(lecturer_guide.md#for-40-students)" in PLANS and "[For 40 students](#for-40-students)" in GUIDE
