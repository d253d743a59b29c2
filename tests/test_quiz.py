import io
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coordkit.exercises import lms
from coordkit.exercises import quiz as quizzes
from coordkit.exercises.quiz import (
    Choice,
    MultipleChoice,
    Number,
    QuizError,
    ShortAnswer,
    chapters,
    load,
    parse_number,
    solution,
)

ROOT = Path(__file__).resolve().parents[1]
ALL = [load(c) for c in chapters()]
QUESTIONS = [(quiz.chapter, q) for quiz in ALL for q in quiz.questions]


def test_every_chapter_notebook_has_a_quiz():
    from pathlib import Path

    notebooks = sorted(p.name for p in (Path(__file__).parents[1] / "notebooks").glob("0*.ipynb"))
    quiz_notebooks = {quiz.notebook for quiz in ALL}
    missing = [nb for nb in notebooks if nb not in quiz_notebooks]
    assert not missing, f"notebooks without a quiz: {missing}"
    assert len(ALL) >= 8


@pytest.mark.parametrize(("chapter", "question"), QUESTIONS, ids=[f"{c}-{q.id}" for c, q in QUESTIONS])
def test_each_question_marks_its_solution_right_and_a_wrong_answer_wrong(chapter, question):
    assert question.evaluate(solution(question)).status == "correct"
    assert question.evaluate("").status == "not attempted"
    assert question.evaluate(None).status == "not attempted"
    if isinstance(question, MultipleChoice):
        wrong = next(i for i, o in enumerate(question.options) if not o.correct)
        result = question.evaluate([wrong] if question.multiple else wrong)
    elif isinstance(question, Number):
        result = question.evaluate(question.answer + 10 * max(question.tolerance, 1) + 1)
    else:
        result = question.evaluate("zzz not an answer")
    assert result.status == "wrong" and result.message
    assert question.explanation, "every question explains itself after an attempt"


@pytest.mark.parametrize(("chapter", "question"), QUESTIONS, ids=[f"{c}-{q.id}" for c, q in QUESTIONS])
def test_garbage_never_raises(chapter, question):
    for junk in ("", "   ", "42", "hierarchy.", "1/0", "%", 3.5, -1, 10**9, ["x"], {"a": 1}, object()):
        assert question.evaluate(junk).status in {"correct", "wrong", "error", "not attempted"}


def test_the_source_is_named_by_its_name_never_a_nickname():
    from pathlib import Path

    for path in (Path(lms.__file__).parent / "quizzes").glob("*.yml"):
        assert "the seed" not in path.read_text(encoding="utf-8").lower(), path.name


def test_forgiving_text_answers():
    q = ShortAnswer(
        "t", "?", accept=("connectedness",), near=(("belonging", "Close: the word is connectedness."),)
    )
    assert q.evaluate("connectedness.").status == "correct"
    assert q.evaluate("  Connectedness ").status == "correct"
    assert q.evaluate("belonging").message == "Close: the word is connectedness."


def test_numbers_are_read_as_people_write_them():
    assert parse_number("0.3") == pytest.approx(0.3)
    assert parse_number("30%") == pytest.approx(0.3)
    assert parse_number("30 %") == pytest.approx(0.3)
    assert parse_number("1/3") == pytest.approx(1 / 3)
    assert parse_number("about a third") == pytest.approx(1 / 3)
    assert parse_number("0,3") == pytest.approx(0.3)
    assert parse_number("1/0") is None
    assert parse_number("nan") is None
    assert parse_number(True) is None
    third = Number("n", "About a third?", answer=1 / 3, tolerance=0.05)
    assert third.evaluate("0.3").status == "correct"
    assert "0.9/3" not in third.evaluate("0.9").message


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6))
def test_any_plain_number_round_trips(x):
    assert parse_number(repr(x)) == pytest.approx(x)


def test_answer_from_follows_the_library():
    from coordkit.survey import DEFAULT_MIN_GROUP

    assert load("ch07")["q1"].answer == DEFAULT_MIN_GROUP


def test_malformed_quiz_files_name_file_and_question(tmp_path, monkeypatch):
    from coordkit.exercises import quiz as quiz_module

    (tmp_path / "ch99.yml").write_text(
        "title: x\nquestions:\n  - id: a\n    type: choice\n    prompt: p\n"
        "    options:\n      - text: only one\n",
        encoding="utf-8",
    )
    (tmp_path / "ch98.yml").write_text(
        "title: x\nquestions:\n  - id: a\n    prompt: b: c: d\n", encoding="utf-8"
    )
    monkeypatch.setattr(quiz_module, "_FOLDER", tmp_path)
    load.cache_clear()
    try:
        with pytest.raises(QuizError, match=r"quizzes/ch99.yml, item 1, question a"):
            load("ch99")
        with pytest.raises(QuizError, match=r"quizzes/ch98.yml: not valid YAML"):
            load("ch98")
        with pytest.raises(QuizError, match="no quiz for"):
            load("ch42")
    finally:
        load.cache_clear()


def test_multiple_answers_partial_credit_message():
    q = MultipleChoice("m", "?", options=(Choice("a", True), Choice("b", True), Choice("c")), multiple=True)
    assert q.evaluate([0, 1]).status == "correct"
    partial = q.evaluate([0])
    assert partial.status == "wrong" and "one more option" in partial.message
    assert q.evaluate([0, 2]).status == "wrong"


# --- exports -------------------------------------------------------------------------------------


def test_moodle_xml_parses_and_every_question_has_its_answer_and_feedback():
    root = ET.fromstring(lms.moodle_xml(ALL).encode("utf-8"))
    questions = [q for q in root.findall("question") if q.get("type") != "category"]
    assert len(questions) == len(QUESTIONS)
    assert len(root.findall("question[@type='category']")) == len(ALL)
    for element, (_, q) in zip(questions, QUESTIONS, strict=True):
        assert element.findtext("name/text") == f"{_}-{q.id}"
        assert q.prompt.split()[0] in element.findtext("questiontext/text")
        assert element.findtext("generalfeedback/text").removeprefix("<p>").removesuffix("</p>")
        answers = element.findall("answer")
        fractions = [float(a.get("fraction")) for a in answers]
        for a in answers:
            assert a.findtext("text") is not None and a.findtext("feedback/text")
        if isinstance(q, MultipleChoice):
            assert len(answers) == len(q.options)
            assert sum(f for f in fractions if f > 0) == pytest.approx(100)
            right = {a.findtext("text") for a, f in zip(answers, fractions, strict=True) if f > 0}
            assert right == {q.options[i].text for i in q.correct}
        elif isinstance(q, Number):
            full = [a for a, f in zip(answers, fractions, strict=True) if f == 100]
            assert len(full) == 1 and float(full[0].findtext("text")) == pytest.approx(q.answer, rel=1e-5)
            assert float(full[0].findtext("tolerance")) == pytest.approx(q.tolerance)
        else:
            full = [a.findtext("text") for a, f in zip(answers, fractions, strict=True) if f == 100]
            assert full == list(q.accept)
        expected_type = {"choice": "multichoice", "number": "numerical", "text": "shortanswer"}[q.kind]
        assert element.get("type") == expected_type


_GIFT_BLOCK = re.compile(
    r"::(?P<name>(?:\\.|[^:])+)::(?P<prompt>(?:\\.|[^{])*)\{(?P<body>(?:\\.|[^}])*)\}", re.S
)


def _gift_unescape(text):
    return re.sub(r"\\(.)", r"\1", text)


def _gift_answers(body):
    """Split a GIFT answer block into (mark, text, feedback) triples, honouring backslash escapes."""
    body = body.strip()
    if body.startswith("#") and not body.startswith("####"):
        body = body[1:]  # numeric question marker
    out, i, n = [], 0, len(body)
    while i < n:
        if body.startswith("####", i):
            out.append(("general", _gift_unescape(body[i + 4 :].strip()), ""))
            break
        if body[i] in "=~":
            mark, j, parts, current = body[i], i + 1, [], ""
            while j < n and not (body[j] in "=~" and body[j - 1] != "\\") and not body.startswith("####", j):
                if body[j] == "#" and body[j - 1] != "\\":
                    parts.append(current)
                    current = ""
                else:
                    current += body[j]
                j += 1
            parts.append(current)
            text, feedback = parts[0], parts[1] if len(parts) > 1 else ""
            out.append((mark, _gift_unescape(text.strip()), _gift_unescape(feedback.strip())))
            i = j
        else:
            i += 1
    return out


def test_gift_parses_and_every_question_has_a_right_answer_and_explanation():
    text = lms.gift(ALL)
    blocks = list(_GIFT_BLOCK.finditer(text))
    assert len(blocks) == len(QUESTIONS)
    assert text.count("$CATEGORY:") == len(ALL)
    for block, (chapter, q) in zip(blocks, QUESTIONS, strict=True):
        assert _gift_unescape(block["name"]) == f"{chapter}-{q.id}"
        assert _gift_unescape(" ".join(block["prompt"].split())) == " ".join(q.prompt.split())
        answers = _gift_answers(block["body"])
        general = [a for a in answers if a[0] == "general"]
        assert general and general[0][1] == " ".join(q.explanation.split())
        rights = [a for a in answers if a[0] == "=" and not a[1].startswith("%0%")]
        if isinstance(q, MultipleChoice) and q.multiple:
            weighted = [a for a in answers if a[0] == "~" and not a[1].startswith("%-")]
            assert len(weighted) == len(q.correct)
        else:
            assert rights, f"{chapter}-{q.id} has no right answer"
        if isinstance(q, Number):
            value, _, tol = rights[0][1].partition(":")
            assert float(value) == pytest.approx(q.answer, rel=1e-5)
            assert float(tol) == pytest.approx(q.tolerance)
        if isinstance(q, MultipleChoice) and not q.multiple:
            assert rights[0][1] == q.options[min(q.correct)].text


def test_canvas_qti_package_is_consistent():
    data = lms.canvas_qti(ALL)
    archive = zipfile.ZipFile(io.BytesIO(data))
    manifest = ET.fromstring(archive.read("imsmanifest.xml"))
    ns = {"m": "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"}
    hrefs = [r.get("href") for r in manifest.findall(".//m:resource", ns)]
    assert len(hrefs) == len(ALL) and all(h in archive.namelist() for h in hrefs)
    qti = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
    n_items = 0
    for href, quiz in zip(hrefs, ALL, strict=True):
        root = ET.fromstring(archive.read(href))
        items = root.findall(".//q:item", qti)
        assert len(items) == len(quiz.questions)
        for item, q in zip(items, quiz.questions, strict=True):
            n_items += 1
            assert item.find(".//q:resprocessing//q:setvar", qti).text == "100"
            labels = {label.get("ident") for label in item.findall(".//q:response_label", qti)}
            compared = [v.text for v in item.findall(".//q:respcondition[@continue='No']//q:varequal", qti)]
            assert compared, f"{q.id} has no correct-response condition"
            if isinstance(q, MultipleChoice):
                assert set(compared) <= labels and len(labels) == len(q.options)
            if q.explanation:
                general = item.find(".//q:itemfeedback[@ident='general_fb']//q:mattext", qti)
                assert general.text == q.explanation
    assert n_items == len(QUESTIONS)


def test_write_all_writes_three_files(tmp_path):
    written = lms.write_all(tmp_path)
    assert sorted(p.name for p in written) == ["canvas_qti.zip", "moodle.xml", "quizzes.gift"]
    assert all(p.stat().st_size > 500 for p in written)
    assert lms.main(["-o", str(tmp_path / "x"), "ch01"]) == 0
    assert "ch01" in (tmp_path / "x" / "quizzes.gift").read_text(encoding="utf-8")


# --- widget --------------------------------------------------------------------------------------


def test_quiz_widget_marks_answers_and_names_every_control():
    from coordkit.exercises.quiz_widgets import QuizView

    for quiz in ALL:
        view = QuizView(quiz)
        assert len(view.items) == len(quiz.questions)
        for item in view.items:
            assert item.control.description.startswith("Answer to question")
            assert 'aria-live="polite"' in item.feedback.value
            item.answer(item.question_solution())
            assert "Correct" in item.feedback.value and "Why:" in item.feedback.value
            item.answer("")
            assert "Not attempted" in item.feedback.value


def test_quiz_widget_check_button_reads_the_control():
    from coordkit.exercises.quiz_widgets import QuizView

    view = QuizView("ch00")
    item = view.items[1]  # the number question
    item.control.value = "three"
    item.button.click()
    assert "Correct" in item.feedback.value


# ----- the same forgiving feedback as the exercises (issue 19) ----------------------------------
def test_short_answers_forgive_punctuation_case_articles_and_a_slip():
    q = ShortAnswer("t", "?", accept=("connectedness",))
    for typed in ("connectedness.", "Connectedness", " the connectedness! ", "conectedness"):
        assert q.evaluate(typed).status == "correct", typed
    for typed in ("belonging", "connected", "mastery"):
        assert q.evaluate(typed).status == "wrong", typed


def test_a_synonym_counts_where_the_quiz_lists_it_and_a_near_miss_is_explained():
    q = ShortAnswer("t", "?", accept=("connectedness", "belonging"),
                    near=(("solidarity", "That is the form; the question asks for the motivation."),))
    assert q.evaluate("Belonging.").status == "correct"
    result = q.evaluate("Solidarity.")
    assert result.status == "wrong" and "the motivation" in result.message


def test_numbers_forgive_rounding_as_typed_but_not_a_different_number():
    q = Number("n", "?", answer=1 / 3, tolerance=0.01)
    for typed in ("0.3", "0.33", "about a third", "33%", "1/3", "0.333."):
        assert q.evaluate(typed).status == "correct", typed
    for typed in ("0.4", "0.35", "3", "0.9/3"):
        assert q.evaluate(typed).status == "wrong", typed
    whole = Number("w", "?", answer=7)
    assert whole.evaluate("7.").status == "correct" and whole.evaluate("6.8").status == "wrong"


def test_choices_can_be_given_by_letter_or_by_text_with_punctuation():
    q = MultipleChoice("m", "?", options=(Choice("hierarchy"), Choice("fatalism", True)))
    assert [q.evaluate(r).status for r in ("b", "(B)", "b.", "Fatalism.", "a")] == \
        ["correct", "correct", "correct", "correct", "wrong"]
    assert q.evaluate("z").status == "error"


def test_a_word_cannot_be_both_accepted_and_a_near_miss(tmp_path, monkeypatch):
    from coordkit.exercises import quiz

    (tmp_path / "ch99.yml").write_text(
        "title: t\nquestions:\n  - id: q1\n    type: text\n    prompt: p\n    accept: [clumsy]\n"
        "    near:\n      Clumsy.: no\n", encoding="utf-8")
    monkeypatch.setattr(quiz, "_FOLDER", tmp_path)
    quiz.load.cache_clear()
    try:
        with pytest.raises(QuizError, match="both accepted and a near-miss"):
            quiz.load("ch99")
    finally:
        quiz.load.cache_clear()


def test_the_quiz_and_the_exercises_read_numbers_with_one_reader():
    from coordkit.exercises import answers

    assert parse_number is answers.parse_number


def test_a_list_for_a_single_choice_question_is_one_option_or_marked_wrong_without_the_right_feedback():
    """Issue 19: ch01 q1 answered with a list showed the right option's "Yes" as if correct.

    A single-choice question takes one option: a list of one is read as that option; a list of several
    is wrong, says the question has one right answer, and shows no option's feedback.
    """
    q = load("ch01")["q1"]
    assert isinstance(q, MultipleChoice) and not q.multiple
    right = min(q.correct)
    assert q.evaluate([right]).status == "correct" and q.evaluate((right,)).status == "correct"
    for several in ([0, right], [right, 2], list(range(len(q.options)))):
        feedback = q.evaluate(several)
        assert feedback.status == "wrong", several
        assert "one right answer" in feedback.message
        assert not any(o.feedback and o.feedback in feedback.message for o in q.options), feedback.message
    # a wrong single pick says that option's feedback, never the right one's
    wrong = next(i for i in range(len(q.options)) if i != right)
    said = q.evaluate(wrong).message
    assert q.options[wrong].feedback in said and q.options[right].feedback not in said


def test_a_wrong_set_of_several_options_says_only_the_wrongly_picked_options_feedback():
    q = MultipleChoice("m", "?", options=(Choice("a", True, "Yes, a."), Choice("b", True, "Yes, b."),
                                          Choice("c", False, "Not c.")), multiple=True)
    feedback = q.evaluate([0, 2])
    assert feedback.status == "wrong" and feedback.message == "Not c."
    assert q.evaluate([0, 1]).message == "Yes, a. Yes, b."


def test_every_single_choice_question_exports_as_single_answer_with_one_right_option():
    """The exports keep the rule the widget follows: one answer for a single-choice question."""
    root = ET.fromstring(lms.moodle_xml(ALL).encode("utf-8"))
    elements = [e for e in root.findall("question") if e.get("type") != "category"]
    archive = zipfile.ZipFile(io.BytesIO(lms.canvas_qti(ALL)))
    qti = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
    items = [item for name in sorted(n for n in archive.namelist() if n.endswith(".xml") and "/" in n)
             for item in ET.fromstring(archive.read(name)).findall(".//q:item", qti)]
    assert len(items) == len(QUESTIONS)
    gift = list(_GIFT_BLOCK.finditer(lms.gift(ALL)))
    checked = 0
    for element, block, (_, q) in zip(elements, gift, QUESTIONS, strict=True):
        if not (isinstance(q, MultipleChoice) and not q.multiple):
            continue
        checked += 1
        assert element.findtext("single") == "true"
        fractions = [float(a.get("fraction")) for a in element.findall("answer")]
        assert fractions.count(100) == 1 and all(f in (0, 100) for f in fractions)
        marks = [a[0] for a in _gift_answers(block["body"]) if a[0] in "=~"]
        assert marks.count("=") == 1 and len(marks) == len(q.options)
    single = [i for i in items if i.find(".//q:response_lid", qti) is not None
              and i.find(".//q:response_lid", qti).get("rcardinality") == "Single"]
    assert checked >= 10 and len(single) == checked


def test_a_choice_can_be_answered_by_its_first_words_a_phrase_in_it_or_letters_in_a_string():
    q3 = quizzes.load("ch01")["q3"]  # options begin "Yes, ..." and "No, ..."
    assert q3.evaluate("no").status == q3.evaluate("b").status
    assert q3.evaluate("No.").status == "correct" and q3.evaluate("yes").status == "wrong"
    q1 = quizzes.load("ch01")["q1"]
    assert q1.evaluate("more benign").status == "correct"  # a phrase inside exactly one option
    many = next(q for ch in quizzes.chapters() for q in quizzes.load(ch).questions
                if getattr(q, "multiple", False))
    letters = ", ".join(chr(ord("a") + i) for i in sorted(many.correct))
    assert many.evaluate(letters).status == "correct", letters
    wrong = many.evaluate("1")
    assert wrong.status == "error" and "letter" in wrong.message


# ----- student review of 2026-12-02, finding 6 ------------------------------------------------------
def test_one_slip_is_forgiven_in_short_words_too_but_not_two():
    assert load("ch06")["q3"].evaluate("sead").status == "correct"
    assert load("ch06")["q3"].evaluate("seed number").status == "correct"
    hermit = ShortAnswer("t", "?", accept=("hermit",))
    assert hermit.evaluate("hermet").status == "correct"
    assert hermit.evaluate("Hermti").status == "correct"  # two letters swapped
    seed = ShortAnswer("t", "?", accept=("seed",))
    for typed in ("weed", "steed", "sede"):  # one letter changed, added, two swapped
        assert seed.evaluate(typed).status == "correct", typed
    for typed in ("sed", "sd", "sxxd", "seeded"):  # under four letters, or two slips
        assert seed.evaluate(typed).status == "wrong", typed


def test_a_slip_near_two_accepted_words_decides_nothing():
    q = ShortAnswer("t", "?", accept=("bead", "bend"))
    assert q.evaluate("bexd").status == "wrong"
    assert q.evaluate("bead").status == "correct"


def test_a_percentage_typed_for_a_share_of_1_gets_the_share_hint():
    q = load("ch03")["q4"]
    feedback = q.evaluate("50")
    assert feedback.status == "wrong"
    assert "share of 1" in feedback.message and "0.5" in feedback.message and "not 50" in feedback.message
    for typed in ("50%", "0.5", "1/2", "half"):
        assert q.evaluate(typed).status == "correct", typed
    assert "share of 1" not in q.evaluate("25").message  # a real mistake gets the question's own hint


def test_feedback_never_says_not_quite_twice_nor_shows_two_symbols():
    from coordkit.exercises.quiz_widgets import QuizView

    for quiz in ALL:
        view = QuizView(quiz)
        for item in view.items:
            for typed in ("4", "six", "three motivations", "zzz", "50", "x y z", "[1, 2]"):
                item.answer(typed)
                shown = re.sub(r"<[^>]+>", " ", item.feedback.value)
                assert shown.lower().count("not quite") <= 1, (quiz.chapter, item.question.id, typed, shown)
                symbols = [c for c in shown if c in "✔✘○?"]
                head = shown.split("Why:")[0].strip()
                marks = sum(head.count(c) for c in "✔✘○") + head[:1].count("?")
                assert marks <= 1, (quiz.chapter, typed, head)
                assert symbols, shown
    assert str(load("ch00")["q2"].evaluate("4")).count("Not quite") == 1
    assert str(load("ch03")["q1"].evaluate("six")).count("Not quite") == 1


def test_a_number_followed_by_its_noun_is_read_as_the_number():
    q = load("ch00")["q2"]
    assert q.evaluate("three motivations").status == "correct"
    assert q.evaluate("3 motivations.").status == "correct"
    assert parse_number("one in three") is None and parse_number("3 or 4") is None


def test_the_start_page_quiz_points_to_chapter_1_not_to_a_section_of_its_own():
    message = load("ch00")["q3"].evaluate("structuralism").message
    assert "Chapter 1" in message and "section this question is about" not in message


def test_quiz_feedback_uses_no_term_the_core_route_never_defines():
    words = ("ipsative", "closure problem", "docstring")
    for quiz in ALL:
        for q in quiz.questions:
            text = " ".join([q.prompt, q.explanation, getattr(q, "wrong_message", "")]
                            + [o.text + " " + o.feedback for o in getattr(q, "options", ())]
                            + [m for _, m in getattr(q, "near", ())]).lower()
            assert not [w for w in words if w in text], (quiz.chapter, q.id)


def _headings(notebook: str) -> set[str]:
    """The ``##`` headings of a chapter, without their *(core)* / *(going further)* mark."""
    import json

    cells = json.loads((ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
    lines = ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
    found = re.findall(r"^## (.+?)\s*$", "\n".join(lines), flags=re.M)
    return {re.sub(r"\s*\*\((core|going further)\)\*$", "", h) for h in found}


@pytest.mark.parametrize("quiz", ALL, ids=lambda q: q.chapter)
def test_a_wrong_word_or_number_is_sent_to_a_section_that_exists(quiz):
    """Student review (issue 19, finding 10): "look back at the section this question is about" named no
    section. A question without its own wrong-answer message names its section, by the chapter's heading."""
    headings = _headings(quiz.notebook)
    for q in quiz.questions:
        if q.section:
            assert q.section in headings, f"{quiz.chapter} {q.id}: no '## {q.section}' in {quiz.notebook}"
        if isinstance(q, ShortAnswer | Number) and not q.wrong_message:
            assert q.section, f"{quiz.chapter} {q.id}: add 'section:' (the heading to reread)"
            message = q.evaluate("zzzz" if isinstance(q, ShortAnswer) else "987654").message
            assert f'the section "{q.section}"' in message and "this question is about" not in message


def test_the_section_check_can_fail():
    assert "Nowhere" not in _headings("08_clumsy_solutions.ipynb")
    assert "What it is" in _headings("08_clumsy_solutions.ipynb")


def _section_text(notebook: str, heading: str) -> str:
    """The markdown of one ``##`` section of a chapter, up to the next ``##`` heading."""
    import json

    cells = json.loads((ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    parts = re.split(r"^## ", text, flags=re.M)
    return next((p for p in parts if re.sub(r"\s*\*\((core|going further)\)\*$", "", p.splitlines()[0])
                 == heading), "")


def test_chapter_6s_seed_question_sends_a_wrong_answer_where_the_seed_is_explained():
    """Student review (issue 19, finding 10): q3 pointed at "How it works"; the seed is in "What it is"."""
    quiz = next(q for q in ALL if q.chapter == "ch06")
    q3 = next(q for q in quiz.questions if q.id == "q3")
    assert "seed" in _section_text(quiz.notebook, q3.section).lower()
    assert "seed" not in _section_text(quiz.notebook, "How it works").lower()  # the old pointer, wrong


def _core_prose(notebook: str) -> str:
    import json

    core, lines = True, []
    for cell in json.loads((ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        for line in "".join(cell["source"]).splitlines():
            if line.startswith("## "):
                core = line.rstrip().endswith("*(core)*")
            elif core:
                lines.append(line)
    return " ".join(" ".join(lines).split()).lower()


@pytest.mark.parametrize("quiz", ALL, ids=lambda quiz: quiz.chapter)
def test_quiz_feedback_names_no_archetype_the_core_route_does_not(quiz):
    """Student re-review (issue 19, finding 9): ch01 q3's wrong-answer feedback said "uniformly weak", an
    archetype named only in the going-further section; the quiz is on the core route, so its words are the
    core's ("a team weak in everything is perfectly even")."""
    from coordkit.archetypes import ARCHETYPES

    core = _core_prose(quiz.notebook)
    said = " ".join(f"{q.prompt} {q.explanation} {getattr(q, 'near', '')} "
                    + " ".join(o.feedback for o in getattr(q, "options", ())) for q in quiz.questions).lower()
    assert not [name for name in ARCHETYPES if name.lower() in said and name.lower() not in core]
    if quiz.chapter == "ch01":
        wrong = next(o.feedback for o in load("ch01").questions[2].options if not o.correct)
        assert "a team weak in everything is perfectly even" in wrong and wrong.split(":")[0].lower() in core
