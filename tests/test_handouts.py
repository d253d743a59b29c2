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
    tasks = [c.source.split("\n", 1)[0] for c in cells if c.kind == "markdown" and c.source.startswith("## Task")]
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
    from coordkit.exercises.ch02 import RESPONDENT_NOW

    ch02 = _markdown(publish.paper_exercise(ROOT / "exercises" / "src" / "02_diagnose_your_organisation.py"))
    rows = re.findall(r"^\| (\w+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$", ch02, re.M)
    assert [r[0] for r in rows] == list(survey.questionnaire().dimensions)
    assert [tuple(int(x) for x in r[1:]) for r in rows] == [tuple(r) for r in RESPONDENT_NOW]
    assert "divided by 40, capped at 1" in ch02
    assert survey.profile_from_scores([40.0, 20.0, 60.0, 10.0]).to_dict()["hierarchy"] == 1.0
    assert survey.profile_from_scores([40.0, 20.0, 60.0, 10.0]).to_dict()["solidarity"] == 0.5
    ch01 = _markdown(publish.paper_exercise(ROOT / "exercises" / "src" / "01_coordination_theory.py"))
    tps = ARCHETYPES["traditional public sector"]
    quoted = (f"hierarchy {tps.hierarchy:g}, of it {tps.malign_hierarchy:.0%} malign; solidarity "
              f"{tps.solidarity:g}; individualism {tps.individualism:g}; fatalism {tps.fatalism:g}, all despair")
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
    handout_prose, handout_printed = _slide_text(publish.prepare(source, nb.name, []))
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
    assert cell.outputs[0]["text"] == "Sources disagree: QualityWatch dates the standard from 2004\n0.0 0.0 0.0 1.0\n"
