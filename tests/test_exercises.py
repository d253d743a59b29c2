"""Exercises: one source per chapter, generated notebooks up to date, solutions pass every check,
student versions run clean and say "not attempted", and wrong answers get the intended feedback."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import nbformat
import numpy as np
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


# ----- forgiving feedback (issue 19): each fix, with wrong answers too ---------------------------
from coordkit.exercises import explain_error, friendly_errors  # noqa: E402
from coordkit.exercises.answers import (  # noqa: E402
    close_enough,
    count_words,
    match_word,
    parse_number,
    read_answer,
)


@pytest.mark.parametrize("typed", ["connectedness.", "Connectedness", "connectedness!", "the connectedness"])
def test_a_trailing_full_stop_case_or_an_article_never_decides_a_word(typed):
    assert match_word(typed, ["mastery", "connectedness", "autonomy"]) == "connectedness"


def test_a_synonym_counts_only_where_the_check_lists_it():
    words = ["mastery", "connectedness", "autonomy"]
    assert match_word("belonging", words) is None
    assert match_word("Belonging.", words, synonyms={"belonging": "connectedness"}) == "connectedness"
    assert match_word("competition", words, synonyms={"belonging": "connectedness"}) is None


def test_a_near_miss_spelling_of_a_long_word_counts_but_a_different_word_does_not():
    assert match_word("conectedness", ["connectedness"]) == "connectedness"
    assert match_word("autonomy", ["anatomy"]) is None  # short words: no spelling slack
    assert match_word("hierarchy", ["solidarity"]) is None


@pytest.mark.parametrize(("typed", "right"), [("0.3", True), ("0.33", True), ("about 0.33", True),
                                              ("1/3", True), ("33%", True), ("0.4", False),
                                              ("0.35", False), ("0.9/3", False)])
def test_about_a_third_is_read_as_a_person_means_it(typed, right):
    value = parse_number(typed)
    assert value is not None
    assert close_enough(value, 1 / 3, tolerance=0.01, typed=typed) is right


def test_a_whole_number_answer_gets_no_rounding_slack():
    assert not close_enough(3.0, 3.4, typed="3")
    assert close_enough(3.0, 3.0, typed="3")


def test_a_count_reads_as_a_count_not_as_an_item_number():
    assert count_words(2, "more doctrine") == "two more doctrines"
    from coordkit.exercises.ch03 import q1

    message = q1.evaluate({3, 4}).message
    assert "two more doctrines" in message and "missed 2" not in message
    assert q1.evaluate({3, 4, 5}).message.startswith("one more doctrine is")


@pytest.mark.parametrize("typed", ["3, 4, 5, 6", "{3, 4, 5, 6}", "3, 4, 5 and 6", "[6, 5, 4, 3]"])
def test_a_typed_set_of_doctrines_is_read(typed):
    from coordkit.exercises.ch03 import q1

    assert q1.evaluate(typed).status == "correct"


def test_prose_for_a_set_of_doctrines_gets_feedback_not_an_error():
    from coordkit.exercises.ch03 import q1

    result = q1.evaluate("the market ones, I think")
    assert result.status == "wrong" and "not one of Hood's doctrines" in result.message


@pytest.mark.parametrize(("answer", "status"), [("2013.", "correct"), ("2013", "correct"),
                                                (2013.0, "correct"),
                                                ("about 2010", "wrong"), ("twenty thirteen", "wrong")])
def test_a_year_is_read_as_typed(answer, status):
    from coordkit.exercises.ch03 import q2

    assert q2.evaluate(answer).status == status


@pytest.mark.parametrize("typed", ["new labour", "New Labour.", "the New Labour era", "new  labour era."])
def test_an_era_label_is_read_forgivingly(typed):
    from coordkit.exercises.ch03 import q3

    assert q3.evaluate(typed).status == "correct"


def test_a_wrong_era_is_still_wrong_and_a_non_era_names_the_labels():
    from coordkit.exercises.ch03 import q3

    assert q3.evaluate("Internal market.").status == "wrong"
    message = q3.evaluate("thatcher years").message
    assert "not an era label" in message and "new labour" in message


def test_a_typed_number_for_the_recoded_strength_is_checked_and_range_explained():
    from coordkit.exercises.ch03 import _recoded_individualism, q4

    assert q4.evaluate(f"{_recoded_individualism():.2f}").status == "correct"
    assert "strengths run from 0 to 1" in q4.evaluate("1.5").message
    assert q4.evaluate("about half").status == "wrong"


def test_read_answer_reads_literals_and_never_runs_code():
    assert read_answer("{'a': 1}") == {"a": 1}
    assert read_answer("__import__('os').getcwd()") == "__import__('os').getcwd()"
    assert read_answer(" it was the market ") == "it was the market"


def test_read_text_is_off_by_default_so_word_answers_stay_words():
    seen = []
    q = Question("qx", "x", lambda a: seen.append(a) or Feedback.correct())
    q.evaluate("0.5")
    q_read = Question("qy", "y", lambda a: seen.append(a) or Feedback.correct(), read_text=True)
    q_read.evaluate("0.5")
    assert seen == ["0.5", 0.5]


def test_mistakes_in_an_answer_cell_are_explained_in_one_plain_sentence():
    try:
        compile("answer = connectedness is about belonging", "<cell>", "exec")
    except SyntaxError as error:
        syntax = explain_error(error)
    assert "put them in quotes" in syntax and "Traceback" not in syntax
    name = explain_error(NameError("name 'belonging' is not defined", name="belonging"))
    assert '"belonging"' in name
    value = explain_error(ValueError("hierarchy: 1.2 is outside 0 to 1"))
    assert value.startswith("✘ hierarchy: 1.2 is outside 0 to 1.") and "Nothing was checked" in value


def test_friendly_errors_install_on_a_shell_and_only_once():
    class Shell:
        def __init__(self):
            self.calls = []

        def set_custom_exc(self, types, handler):
            self.calls.append((types, handler))

        def showsyntaxerror(self):
            raise AssertionError("replaced")

    shell = Shell()
    assert friendly_errors(shell) and friendly_errors(shell)
    assert len(shell.calls) == 1
    types, _ = shell.calls[0]
    assert ValueError in types and NameError in types
    assert friendly_errors(None) is False  # no notebook: nothing installed


def test_chapter_3_hints_name_only_answers_their_checks_accept():
    """Issue 19: a hint used a word the check had just refused. Each era a ch03 hint names is a label."""
    from coordkit import history
    from coordkit.exercises import ch03

    for q in (ch03.q1, ch03.q2, ch03.q3, ch03.q4, ch03.q5):
        for label in history.ERA_LABELS:
            if f"'{label}'" in q.hint_text:
                assert "not an era label" not in ch03.q3.evaluate(label).message, (q.name, label)
    assert "'consensus'" in ch03.q3.evaluate(3).message  # the example it gives is itself a label
    assert "not an era label" not in ch03.q3.evaluate("consensus").message


# ----- every kind of mistake in an answer cell is one plain sentence (issue 19, second review) ----------
_CELL_MISTAKES = [
    ("answer = [0.1, 0.2, 0.3][3]", IndexError, "counts from 0"),
    ("answer = 'hierarchy'.nme", AttributeError, "Text (a value in quotes) has no .nme"),
    ("import coordkit as ck\nanswer = ck.clasify", AttributeError, "did you mean classify?"),
    ("answer = {'hierarchy': 0.8}['solidarity']", KeyError, "no key 'solidarity'"),
    ("answer = 0.5 + '0.2'", TypeError, "A number was expected, got text"),
    ("answer = max(0.5, 'high')", TypeError, "A number was expected, got text"),
    ("import coordkit as ck\nanswer = ck.Profile(hierarchy=0.8, solidarty=0.2)", TypeError,
     "no setting called solidarty"),
    # student review of 2026-12-02, finding 7: a profile is frozen; say so and how to change a copy
    ("from coordkit.archetypes import ARCHETYPES\nrebalanced = ARCHETYPES['traditional public sector']\n"
     "rebalanced.individualism = 0.55", AttributeError,
     "new = old.replace(individualism=your value)"),
]


@pytest.fixture(scope="module")
def shell():
    from IPython.core.interactiveshell import InteractiveShell

    ipython = InteractiveShell.instance()
    assert friendly_errors(ipython)
    return ipython


@pytest.mark.parametrize(("cell", "kind", "said"), _CELL_MISTAKES, ids=[m[1].__name__ + str(i)
                                                                       for i, m in enumerate(_CELL_MISTAKES)])
def test_each_kind_of_mistake_in_an_answer_cell_is_one_plain_sentence_in_a_real_shell(shell, capsys, cell,
                                                                                   kind, said):
    result = shell.run_cell(cell)
    out = capsys.readouterr()
    assert isinstance(result.error_in_exec, kind)
    text = out.out + out.err
    assert said in text, text
    assert "Traceback" not in text and "Error" not in text, text  # no traceback, no Python error name
    assert text.startswith("✘ ") and text.count("\n") == 1 and "Nothing was checked yet" in text


def test_attribute_and_index_errors_are_among_the_friendly_ones():
    from coordkit.exercises import FRIENDLY

    assert {AttributeError, IndexError, KeyError, TypeError} <= set(FRIENDLY)


def test_an_answer_of_the_wrong_form_is_told_the_form_the_task_asks_for():
    """A check tripped by a wrong form says what was expected, read from the worked solution."""
    def checker(answer):
        right = answer["with_fatalism"] < answer["without_fatalism"]
        return Feedback.correct() if right else Feedback.wrong("")

    q = Question("qz", "closure", checker,
                 solution_text="closure = {'with_fatalism': -0.17,\n           'without_fatalism': -0.28}\n"
                               "Because each row adds up to 100 ...")
    missing = q.evaluate({"with_fatalism": -0.1})
    assert missing.status == "error"
    assert "should be a dict with keys 'with_fatalism', 'without_fatalism'" in missing.message
    assert "yours is a dict with keys 'with_fatalism'" in missing.message
    assert "no key 'without_fatalism'" in missing.message and "KeyError" not in missing.message
    text = q.evaluate("about -0.2")
    assert "should be a dict with keys" in text.message and "yours is text" in text.message
    typed = Question("qn", "x", lambda a: Feedback.correct() if a > 0.5 else Feedback.wrong("low"))
    assert typed.evaluate("0.7").message.startswith("A number was expected, got text")
    assert "TypeError" not in typed.evaluate("0.7").message
    named = Question("qf", "x", lambda a: Feedback.correct(), form="a Profile")
    assert named.form == "a Profile"


def test_every_chapters_checks_answer_a_wrong_form_in_plain_words():
    """No check in any chapter lets a Python error name reach a student."""
    for stem, module in CHAPTERS.items():
        for q in _questions(module).values():
            if not isinstance(q, Question):
                continue
            for answer in ({"x": 1}, "0.5", [0.1], 7, None):
                feedback = q.evaluate(answer)
                assert not re.search(r"\b\w+Error\b", feedback.message), (stem, q.name, answer, feedback)


@pytest.mark.parametrize(("solution", "form"), [
    ("closure = {'a': 1,\n 'b': 2}", "a dict with keys 'a', 'b'"),
    ("closure = [3, 4, 5]  # three doctrines", "a list of three items"),
    ("closure = -0.2", "a number"),
    ("closure = 'hierarchy'", "text in quotes"),
    ("closure = ck.Profile(0.8, 0.2, 0.5, 0.1)", "a Profile, made with ck.Profile(...)"),
    ("closure = history.to_wide(reforms)", "what history.to_wide(...) returns"),
    ("There is no assignment here.", None),
])
def test_expected_form_reads_the_worked_solution(solution, form):
    from coordkit.exercises.answers import expected_form

    assert expected_form(solution, "closure") == form


def test_a_misspelt_setting_names_the_class_and_a_percentage_is_told_to_be_a_fraction():
    import coordkit as ck
    from coordkit.exercises import explain_error

    with pytest.raises(TypeError) as typo:
        ck.Profile(0.5, 0.5, 0.5, 0.5, malign_hierachy=0.2)
    said = explain_error(typo.value)
    assert said.startswith("✘ Profile() has no setting called malign_hierachy") and "__init__" not in said
    with pytest.raises(ValueError) as percent:
        ck.Profile(90, 0.5, 0.5, 0.5)
    assert "0.9, not 90" in explain_error(percent.value)


def test_exercise_1_task_3_answers_a_slip_and_a_sentence_with_a_hint_not_the_table():
    """Student review of 2026-12-02, finding 7: one typo, or the name inside a sentence, got only "use one of
    the names in ck.configuration.table()", a table on chapter 1's going-further route."""
    from coordkit.exercises import ch01

    slip = ch01.q3.evaluate("deficit cultre: weak individualism")
    assert slip.status == "correct" and "spelling" in slip.message
    prose = ch01.q3.evaluate("I think it is a deficit culture because individualism is weak")
    assert prose.status == "wrong" and "only the configuration's name" in prose.message
    other = ch01.q3.evaluate("something else entirely")
    assert other.status == "wrong" and "ck.classify" in other.message
    for feedback in (slip, prose, other):
        assert "configuration.table" not in feedback.message


def test_a_misspelt_setting_gets_a_did_you_mean_and_a_missing_one_no_python_jargon():
    """Student review (issue 19, finding 13): `hierachy=` got no "did you mean hierarchy", and a missing
    argument was reported as "`__init__()` needs a value for 'fatalism'"."""
    import coordkit as ck
    from coordkit.exercises import explain_error

    with pytest.raises(TypeError) as typo:
        ck.Profile(hierachy=0.5, solidarity=0.5, individualism=0.5, fatalism=0.5)
    assert "has no setting called hierachy (did you mean hierarchy?)" in explain_error(typo.value)
    with pytest.raises(TypeError) as missing:
        ck.Profile(hierarchy=0.5, solidarity=0.5, individualism=0.5)
    said = explain_error(missing.value)
    assert "__init__" in str(missing.value) and "__init__" not in said
    assert said.startswith("✘ Profile() needs a value for 'fatalism'")


# ----- the student review of issue 19 ------------------------------------------------------------
def test_exercise_2_task_1_reads_the_mix_from_points_and_the_strength_from_ratings():
    """Chapter 2: points give the mix, ratings the strength; points never stand in for ratings."""
    from coordkit import survey
    from coordkit.exercises import ch02

    right = {"mix": [24, 40, 24, 12], "strength": [0.75, 0.5, 0.25, 0.25]}
    assert ch02.q1.evaluate(right).status == "correct"
    # the old right answer, strength as score / 40, is now what the chapter warns against
    old = survey.profile_from_scores([24, 40, 24, 12])
    assert ch02.q1.evaluate({"mix": right["mix"], "strength": list(old.strengths)}).status == "wrong"
    assert "points never stand in for ratings" in ch02.q1.evaluate(
        {"mix": right["mix"], "strength": list(old.strengths)}).message
    assert "hides the mix" in ch02.q1.evaluate(old).message
    # everything the task needs is shown in the task: the functions and the rating rule
    src = (ROOT / "exercises" / "src" / "02_diagnose_your_organisation.py").read_text(encoding="utf-8")
    task = src[src.index("## Task 1"):src.index("# %% [paper]")]
    for shown in ("survey.complete_dimensions", "survey.mode_scores", "RESPONDENT_RATINGS", "$(r - 1)/4$"):
        assert shown in task
    assert "40" not in task and "profile_from_scores" not in src[:src.index("## Task 2")]


def test_exercise_2_respondent_is_an_array_with_numpys_methods():
    from coordkit.exercises import ch02

    assert ch02.RESPONDENT_NOW.mean(axis=0).shape == (4,)  # a tuple raised AttributeError here
    with pytest.raises(ValueError):
        ch02.RESPONDENT_NOW[0, 0] = 99  # read-only, so a slip cannot change what the check expects


def test_exercise_2_least_balanced_solution_says_what_the_synthetic_class_gives():
    """q4's worked solution quotes the synthetic class: every claim in it is recomputed here."""
    from coordkit import survey
    from coordkit.exercises import ch02

    c = survey.synthetic_class()
    shown = survey.analyse(c, group_column="team")
    worst = min(shown.groups, key=lambda g: g.balance_now.score)
    text = ch02.q4.solution_text
    assert f"# '{worst.label}'" in text and f"its score now is {worst.balance_now.score:.2f}." in text
    assert worst.label == "Ward B" and ch02.q4.evaluate(worst.label).status == "correct"
    # "strong hierarchy showing more of its malign than its benign side": its members' mean levels
    teams, kept = np.array(c.groups["team"]), ~c.styles().any
    forms = c.forms()
    ward_b = (teams == "Ward B") & kept
    assert np.nanmean(forms.malign[ward_b, 0]) > np.nanmean(forms.benign[ward_b, 0])
    assert worst.configuration_now.name == "hierarchy monoculture"
    # "Estates, had it been shown, would score lower still" (with the smallest groups shown)
    every = survey.analyse(c, group_column="team", min_group=3)
    estates = next(g for g in every.groups if g.label == "Estates")
    assert estates.n < 5 and estates.balance_now.score < worst.balance_now.score
    assert "Estates" in shown.plan.suppressed and "Community team" in shown.plan.secondary


@pytest.mark.parametrize("typed", ["0", "0.1", "-1%", "-1 % a year", "about 2.5"])
def test_exercise_4_task_2_reads_a_number_typed_as_a_string(typed):
    from coordkit.exercises import ch04

    message = ch04.q2.evaluate(typed).message
    assert "Give a number" not in message
    assert message == ch04.q2.evaluate(float(typed.replace("about", "").split("%")[0])).message


def test_exercise_4_task_1_counts_missed_levers_in_words():
    from coordkit.exercises import ch04

    message = ch04.q1.evaluate({"financial_incentives", "competition"}).message
    assert "you have missed one lever" in message and "missed 1" not in message


def test_exercise_1_task_2_says_a_malign_share_is_a_fraction_not_an_amount():
    from coordkit.exercises import ch01
    from coordkit.profile import Profile

    base = dict(hierarchy=0.9, solidarity=0.7, individualism=0.2, fatalism=0.4)
    amount = ch01.q2.evaluate(Profile(**base, malign_hierarchy=0.27)).message  # a third of 0.9
    assert "fraction of the mode's own strength" in amount
    assert "fraction" not in ch01.q2.evaluate(Profile(**base, malign_hierarchy=0.6)).message


def test_exercise_headers_name_their_chapter_by_its_title_and_none_claims_a_route():
    for src in sorted((ROOT / "exercises" / "src").glob("*.py")):
        header = src.read_text(encoding="utf-8").split("# %%", 2)[1]
        text = " ".join(line.removeprefix("#").strip() for line in header.splitlines())
        link = re.search(r"\[([^\]]+)\]\(\.\./notebooks/([\w.]+\.ipynb)\)", text)
        assert link, src.name
        nb = nbformat.read(ROOT / "notebooks" / link[2], as_version=4)
        title = nb.cells[0].source.splitlines()[0].removeprefix("# ")
        assert link[1] == title.split(":")[0], (src.name, link[1], title)
        assert "core route" not in text, src.name


def test_chapter_5s_exercises_call_the_models_settings_model_parameters_never_levers():
    """Student review (issue 19): the chapter 5 exercises said "lever" for the dynamics model's settings, the
    scenario term (chapter 4's policy levers, mapped onto the model's parameters); the chapter and the
    glossary call them model parameters. Task text, hints, solutions, every feedback the checks can give
    (read from the check's source) and the generated notebooks use one word."""
    lever = re.compile(r"\blevers?\b")  # the class name, Levers, is capitalised; prose is not
    texts = {"src": (EXERCISES / "src" / "05_dynamics.py").read_text(encoding="utf-8"),
             "checks": Path(CHAPTERS["05_dynamics"].__file__).read_text(encoding="utf-8")}
    for folder in (EXERCISES, EXERCISES / "solutions"):
        nb = json.loads((folder / "05_dynamics.ipynb").read_text(encoding="utf-8"))
        texts[str(folder.name)] = " ".join("".join(c["source"]) + json.dumps(c.get("outputs", []))
                                           for c in nb["cells"])
    for q in _questions(CHAPTERS["05_dynamics"]).values():
        texts[q.name] = f"{getattr(q, 'hint_text', '')} {getattr(q, 'solution_text', '')}"
    for where, text in texts.items():
        assert not lever.findall(text), (where, [m.start() for m in lever.finditer(text)][:3])
    assert "model parameters" in texts["src"]


@pytest.mark.parametrize("typed", ["0.6", "60%", "about 0.6", " 0.60 "])
def test_exercise_5_task_1_reads_a_number_typed_as_text_or_a_percentage(typed):
    """Student re-review (issue 19, finding 1): "0.6" and "60%" got "Give a number", though the quizzes and
    the read_text rule accept them; the one shared reader (answers.read_answer) reads them now."""
    from coordkit.exercises import ch05

    assert ch05.q1.evaluate(typed).status == "correct", ch05.q1.evaluate(typed)
    assert ch05.q1.evaluate(typed).message == ch05.q1.evaluate(0.6).message


@pytest.mark.parametrize("typed", [60, "60", 75.0])
def test_exercise_5_task_1_says_the_scale_when_a_percentage_is_typed_as_a_whole_number(typed):
    from coordkit.exercises import ch05

    feedback = ch05.q1.evaluate(typed)
    assert feedback.status == "wrong"
    assert "scale of 0 to 1" in feedback.message and "not a percentage" in feedback.message
    assert "how much of the demand" not in feedback.message
    assert "scale of 0 to 1" not in ch05.q1.evaluate(1.0).message  # 1.0 is no percentage


#: A name a task, hint, solution or feedback shows as code: a call or index (`name(`, `name.f(`, `name[`) or a
#: dotted name (`module.thing`); the root is the name the student's notebook must know.
_CODE_NAME = re.compile(r"(?<![\w.])([A-Za-z_]\w*)((?:\.[A-Za-z_]\w*)*)(?=\(|\[)"
                        r"|(?<![\w.])([A-Za-z_]\w*)((?:\.[A-Za-z_]\w*)+)")
#: Words that look like code in prose: "e.g.", "i.e.", and the maths in chapter 2's variance, var(ln S/I).
_PROSE_ROOTS = {"e", "i", "ln", "var"}


def _names_shown(text: str) -> list[tuple[str, list[str]]]:
    """The (root, attributes) of each code-like name in text; names the text binds itself are left out."""
    text = re.sub(r"\b\w+\(s\)", "", text)  # "package(s)": a plural, not a call
    own = set(re.findall(r"(?m)(?:^|[;(]\s*)([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s*=[^=]", text))
    bound = {n.strip() for group in own for n in group.split(",")}
    binders = r"\bfor ([A-Za-z_]\w*) in\b|\blambda ([A-Za-z_]\w*)|\bimport ([A-Za-z_]\w*)"
    for match in re.finditer(binders, text):
        bound |= {g for g in match.groups() if g}
    shown = []
    for m in _CODE_NAME.finditer(text):
        root, rest = (m[1], m[2]) if m[1] else (m[3], m[4])
        if root not in bound and root not in _PROSE_ROOTS:
            shown.append((root, [a for a in rest.split(".") if a]))
    return shown


def _feedback_texts(module) -> list[str]:
    """Every string literal in a Feedback.correct/wrong call in a chapter's checks (all it can say)."""
    import ast

    texts = []
    for node in ast.walk(ast.parse(Path(module.__file__).read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("correct", "wrong")
                and getattr(node.func.value, "id", "") == "Feedback"):
            texts += [n.value for n in ast.walk(node)
                      if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return texts


@pytest.mark.parametrize("stem", list(CHAPTERS))
def test_every_name_a_task_hint_or_feedback_shows_is_defined_in_the_exercise_notebook(stem):
    """Student re-review (issue 19, finding 2): ex05 task 2 said "as configuration.table() spells it", but the
    notebook never imported configuration (NameError). Every name shown as code in a task (in backticks), a
    hint, a solution or a check's feedback must be defined once the notebook's set-up cell has run (or by a
    later cell, or by the text itself: ``run = ...``, ``for h in``); a dotted name on a module must exist."""
    import ast
    import builtins
    import types

    cells = parse_percent((EXERCISES / "src" / f"{stem}.py").read_text(encoding="utf-8"))
    code = [c.source for c in cells if c.kind == "code"]
    namespace: dict = {}
    exec(code[0], namespace)  # the set-up cell: imports and data, nothing slow
    defined = set(namespace) | set(dir(builtins))
    for source in code[1:]:
        for node in ast.walk(ast.parse(student_source(source))):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                defined.add(node.id)
            elif isinstance(node, ast.Import | ast.ImportFrom):
                defined |= {(a.asname or a.name).split(".")[0] for a in node.names}
    module = CHAPTERS[stem]
    spans = [span for c in cells if c.kind == "markdown" for span in re.findall(r"`([^`]+)`", c.source)]
    texts = {"task": spans, "feedback": _feedback_texts(module)}
    for name, q in _questions(module).items():
        if isinstance(q, Question):
            texts[f"{name} hint"], texts[f"{name} solution"] = [q.hint_text], [q.solution_text]
    assert texts["task"] and texts["feedback"]
    problems = []
    for where, strings in texts.items():
        for text in strings:
            for root, attributes in _names_shown(text):
                if root == "coordkit":  # a module's full address, e.g. coordkit.models.regimes
                    try:
                        importlib.import_module(".".join([root, *attributes]))
                    except ImportError:
                        problems.append((where, ".".join([root, *attributes])))
                    continue
                if root not in defined:
                    problems.append((where, root))
                    continue
                obj = namespace.get(root)
                for attribute in attributes:
                    if not isinstance(obj, types.ModuleType):
                        break
                    if not hasattr(obj, attribute):
                        problems.append((where, f"{root}.{'.'.join(attributes)}"))
                        break
                    obj = getattr(obj, attribute)
    assert not problems, problems


def test_exercise_4_task_2_says_plainly_that_lower_funding_still_balances():
    """Student re-review (issue 19, finding 8): "At 3.6% it is balanced, but it already is at less" was hard
    to parse."""
    from coordkit.exercises import ch04

    message = ch04.q2.evaluate(3.6).message
    assert "already is at less" not in message
    assert message == ("At 3.6% it is balanced, and it is still balanced at lower funding: go lower, in "
                       "steps of 0.1")
