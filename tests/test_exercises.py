"""Exercises: one source per chapter, generated notebooks up to date, solutions pass every check,
student versions run clean and say "not attempted", and wrong answers get the intended feedback."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from coordkit.exercises import Feedback, OpenQuestion, Question, ____
from coordkit.exercises.build import build_all, parse_percent, student_source

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = ROOT / "exercises"
SOURCES = sorted((EXERCISES / "src").glob("*.py"))
CHAPTERS = {src.stem: importlib.import_module(f"coordkit.exercises.ch{src.stem[:2]}") for src in SOURCES}


def _questions(module):
    return {name: obj for name, obj in vars(module).items() if isinstance(obj, Question | OpenQuestion)}


def _run(path: Path) -> list[str]:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    lines = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", f"{path.name}: {out.get('ename')}: {out.get('evalue')}"
            if out["output_type"] == "stream":
                lines += out["text"].splitlines()
    return lines


def test_there_are_exercises_for_the_chapters():
    assert "01_coordination_theory" in CHAPTERS
    for stem in CHAPTERS:
        assert (ROOT / "notebooks" / f"{stem}.ipynb").exists(), f"{stem} has no chapter notebook"


def test_generated_notebooks_match_what_is_committed():
    assert build_all(EXERCISES, check=True) == [], "run `python -m coordkit.exercises.build`"


@pytest.mark.parametrize("stem", list(CHAPTERS))
def test_each_chapter_has_four_to_six_tasks_with_hints_and_solutions(stem):
    questions = _questions(CHAPTERS[stem])
    assert 4 <= len(questions) <= 6
    for q in questions.values():
        if isinstance(q, Question):
            assert q.hint_text and q.solution_text
        else:
            assert q.model_answer and len(q.rubric) >= 3
    source = (EXERCISES / "src" / f"{stem}.py").read_text()
    for name in questions:
        assert f"{name}.check()" in source, f"{name} is never checked in the exercise"


@pytest.mark.parametrize("stem", list(CHAPTERS))
def test_every_solution_passes_every_check(stem):
    lines = _run(EXERCISES / "solutions" / f"{stem}.ipynb")
    questions = _questions(CHAPTERS[stem])
    for name, q in questions.items():
        mine = [line for line in lines if line.startswith(f"{name}:")]
        assert mine, f"{name} printed no feedback"
        if isinstance(q, Question):
            assert mine[0].startswith(f"{name}: ✔ Correct"), mine[0]


@pytest.mark.parametrize("stem", list(CHAPTERS))
def test_every_student_version_runs_clean_and_reports_not_attempted(stem):
    lines = _run(EXERCISES / f"{stem}.ipynb")
    for name, q in _questions(CHAPTERS[stem]).items():
        mine = [line for line in lines if line.startswith(f"{name}:")]
        assert mine, f"{name} printed no feedback"
        if isinstance(q, Question):
            assert mine[0].startswith(f"{name}: ○ Not attempted yet"), mine[0]
    student = json.loads((EXERCISES / f"{stem}.ipynb").read_text())
    text = "".join("".join(c["source"]) for c in student["cells"])
    assert "BEGIN SOLUTION" not in text and "END SOLUTION" not in text


@pytest.mark.parametrize("stem", list(CHAPTERS))
def test_one_wrong_answer_per_task_gets_the_intended_feedback(stem):
    module = CHAPTERS[stem]
    questions = {k: q for k, q in _questions(module).items() if isinstance(q, Question)}
    wrong = module.WRONG_ANSWERS
    assert set(wrong) == set(questions), "every checkable task needs a WRONG_ANSWERS entry"
    for name, (answer, expected) in wrong.items():
        feedback = questions[name].evaluate(answer)
        assert feedback.status == "wrong", (name, feedback)
        assert expected in feedback.message, (name, feedback.message)


@pytest.mark.parametrize("stem", list(CHAPTERS))
@pytest.mark.parametrize("answer", [None, 3, "nonsense", [1, 2], object()])
def test_checks_never_raise_at_a_student(stem, answer):
    for q in _questions(CHAPTERS[stem]).values():
        if isinstance(q, Question):
            feedback = q.evaluate(answer)
            assert feedback.status in ("wrong", "error")
            assert feedback.message


def test_placeholder_and_feedback_text():
    q = Question("qx", "x", lambda a: Feedback.correct())
    assert q.evaluate(____).status == "not attempted"
    assert "`x = ...`" in q.evaluate(____).message
    assert str(Feedback.wrong("Nope")) == "✘ Not quite: Nope."
    assert str(Feedback.correct()) == "✔ Correct."


def test_source_format_errors_are_clear():
    with pytest.raises(ValueError, match="line 1: text before the first"):
        parse_percent("x = 1\n# %%\n")
    with pytest.raises(ValueError, match="without ### END SOLUTION"):
        student_source("### BEGIN SOLUTION\nx = 1")
    with pytest.raises(ValueError, match="must assign"):
        student_source("### BEGIN SOLUTION\nprint(1)\n### END SOLUTION")
