"""End-of-chapter quizzes that need no Python: multiple choice, numbers and short answers.

Each chapter's quiz lives in one YAML file, ``coordkit/exercises/quizzes/chNN.yml``. That one
source feeds the quiz widget at the end of the notebook (:func:`coordkit.exercises.quiz_widgets.show`),
the printable handouts, and the exports to Moodle and Canvas (:mod:`coordkit.exercises.lms`), so
the three can never disagree.

A question is one of three kinds:

``choice``
    Options, one (or, with ``multiple: true``, several) marked ``correct``; each option may carry
    its own feedback, said when it is picked.
``number``
    A number with a tolerance. The answer may be written in the file or, better, named as a value
    of the library (``answer_from: coordkit.survey:DEFAULT_MIN_GROUP``), so the quiz follows the
    kit if the kit changes. Answers are read forgivingly: ``0.3``, ``30%``, ``1/3`` and
    ``about 0.3`` all mean what a person means by them, and a value rounded to the decimals the
    student typed counts (``0.3`` for one third).
``text``
    A short answer compared with a list of accepted answers (synonyms included) the way the
    exercises compare words (:func:`coordkit.exercises.answers.match_word`): case, spaces,
    punctuation, a trailing full stop, a leading "the" and a one-letter slip in a long word never
    decide a mark; ``near`` maps common near-misses to a friendly explanation (a near-miss may not
    also be an accepted answer).

Choices may be given by their letter too (``b``, ``(b)``, ``B.``).

Checking never raises: anything a student types gets feedback. The pure part is
:meth:`QuizQuestion.evaluate`, which returns a :class:`~coordkit.exercises.Feedback`.

Examples
--------
>>> q = load("ch00")
>>> q.chapter, len(q.questions) >= 3
('ch00', True)
>>> question = Number("n1", "How many active modes?", answer=3,
...                   wrong_message="Not quite: count the modes that organise change actively "
...                                 "(fatalism is the fourth, passive one)")
>>> question.evaluate("3").status, question.evaluate("three").status
('correct', 'correct')
>>> question.evaluate("4").message
'Not quite: count the modes that organise change actively (fatalism is the fourth, passive one)'
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from coordkit.exercises import Feedback
from coordkit.exercises.answers import close_enough, match_word, parse_number

__all__ = [
    "Choice",
    "MultipleChoice",
    "Number",
    "Quiz",
    "QuizError",
    "QuizQuestion",
    "ShortAnswer",
    "chapters",
    "load",
    "parse_number",
]

_FOLDER = Path(__file__).with_name("quizzes")
_LETTER = re.compile(r"^\(?([a-z])[).]?$")
_LETTERS = re.compile(r"^\(?[a-z][).]?(\s*(,|and|&|\s)\s*\(?[a-z][).]?)+$")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def _phrase_in(words: list[str], option: list[str]) -> bool:
    """``words`` start ``option`` (a yes or no, its first words) or, two words or more, sit inside it."""
    n = len(words)
    if option[:n] == words:
        return True
    return n >= 2 and any(option[i:i + n] == words for i in range(len(option) - n + 1))


class QuizError(ValueError):
    """A quiz file is malformed; the message names the file and the question."""


@dataclass(frozen=True)
class Choice:
    """One option of a multiple-choice question.

    Attributes
    ----------
    text : str
    correct : bool
    feedback : str
        Said when a student picks this option.
    """

    text: str
    correct: bool = False
    feedback: str = ""


@dataclass(frozen=True)
class QuizQuestion:
    """What every quiz question has: an id, a prompt and an explanation shown after an attempt."""

    id: str
    prompt: str
    explanation: str = field(default="", kw_only=True)
    #: The heading of the chapter's section the question is about (without its *(core)* mark),
    #: named in the feedback to a wrong answer that has no message of its own.
    section: str = field(default="", kw_only=True)

    kind: Literal["choice", "number", "text"] = field(default="text", init=False)

    def evaluate(self, response: Any) -> Feedback:
        """Check a response (never raises). Subclasses say how."""
        raise NotImplementedError

    def _blank(self, response: Any) -> bool:
        return (
            response is None
            or (isinstance(response, str) and not response.strip())
            or (isinstance(response, Sequence) and not isinstance(response, str) and len(response) == 0)
        )

    def _not_attempted(self) -> Feedback:
        return Feedback("not attempted", "Choose or type an answer, then press Check")

    def _look_back(self) -> str:
        """Where to look after a wrong answer: the section the question is about, by its heading.

        Examples
        --------
        >>> ShortAnswer("t", "?", accept=("x",), section="What it is")._look_back()
        'look back at the section "What it is", then try again'
        """
        where = f'the section "{self.section}"' if self.section else "the section this question is about"
        return f"look back at {where}, then try again"


@dataclass(frozen=True, kw_only=True)
class MultipleChoice(QuizQuestion):
    """Pick one option (or several, with ``multiple=True``).

    Examples
    --------
    >>> q = MultipleChoice("m", "Which is the passive form?",
    ...                    options=(Choice("hierarchy"), Choice("fatalism", True, "Yes.")))
    >>> q.evaluate(1).status, q.evaluate("Fatalism.").message, q.evaluate(0).status
    ('correct', 'Yes.', 'wrong')
    >>> q.evaluate("b").status
    'correct'
    """

    options: tuple[Choice, ...] = ()
    multiple: bool = False

    kind: Literal["choice", "number", "text"] = field(default="choice", init=False)

    @property
    def correct(self) -> frozenset[int]:
        """Indices of the correct options."""
        return frozenset(i for i, option in enumerate(self.options) if option.correct)

    def _index(self, response: Any) -> int:
        if isinstance(response, int) and not isinstance(response, bool):
            if 0 <= response < len(self.options):
                return response
            raise LookupError(f"there is no option {response}")
        texts = [option.text for option in self.options]
        found = match_word(str(response), texts, spelling=False)
        if found is not None:
            return texts.index(found)
        letter = _LETTER.match(str(response).strip().lower())
        if letter and ord(letter[1]) - ord("a") < len(self.options):
            return ord(letter[1]) - ord("a")
        said = _words(str(response))
        if said:
            fits = [i for i, text in enumerate(texts) if _phrase_in(said, _words(text))]
            if len(fits) == 1:
                return fits[0]
            if len(fits) > 1:
                raise LookupError(f"{str(response)!r} fits more than one option: type its letter")
        last = chr(ord("a") + len(self.options) - 1)
        letters = "a or b" if last == "b" else f"a to {last}"
        raise LookupError(f"{str(response)!r} is not one of the options: type the option's letter "
                          f"({letters}) or some of its words")

    def evaluate(self, response: Any) -> Feedback:
        """Check the chosen option(s): an index, the option's text, or a list of them.

        A question with one right answer (not ``multiple``) takes one option. A list holding one
        option is read as that option; a list of several is marked wrong with a message saying so,
        and no option's own feedback is shown (it would reveal which of them is right). When an
        answer is wrong, only the feedback of the options wrongly picked is said, never the
        "Yes" of a right option picked beside them.

        Examples
        --------
        >>> options = (Choice("hierarchy", feedback="No."), Choice("fatalism", True, "Yes."))
        >>> q = MultipleChoice("m", "Which is the passive form?", options=options)
        >>> q.evaluate(["fatalism"]).status
        'correct'
        >>> print(q.evaluate([0, 1]))
        ✘ Not quite: This question has one right answer: pick one option, not 2, then press Check again.
        """
        if self._blank(response):
            return self._not_attempted()
        if isinstance(response, str) and _LETTERS.match(response.strip().lower()):
            response = re.findall(r"[a-z]", re.sub(r"\band\b", " ", response.lower()))  # "a, b and d"
        picked_raw = response if isinstance(response, list | tuple | set | frozenset) else [response]
        try:
            picked = {self._index(r) for r in picked_raw}
        except LookupError as error:
            return Feedback("error", str(error))
        if not self.multiple and len(picked) > 1:
            return Feedback.wrong(f"This question has one right answer: pick one option, not "
                                  f"{len(picked)}, then press Check again")
        right = set(self.correct)
        if picked == right:
            return Feedback.correct(" ".join(self.options[i].feedback for i in sorted(picked)
                                             if self.options[i].feedback))
        if self.multiple and picked < right:
            said = " ".join(self.options[i].feedback for i in sorted(picked) if self.options[i].feedback)
            missing = len(right) - len(picked)
            more = "one more option is" if missing == 1 else f"{missing} more options are"
            return Feedback.wrong(" ".join(filter(None, [said, f"Right so far, but {more} also true"])))
        said = " ".join(self.options[i].feedback for i in sorted(picked - right) if self.options[i].feedback)
        return Feedback.wrong(said or "Not this one: read the options again")


@dataclass(frozen=True, kw_only=True)
class Number(QuizQuestion):
    """A numeric answer within a tolerance.

    ``near`` maps wrong values that students often give to what to tell them.

    Examples
    --------
    >>> q = Number("n", "A third as a decimal?", answer=1 / 3, tolerance=0.02)
    >>> q.evaluate("0.33").status, q.evaluate("about a third").status, q.evaluate("0.3").status
    ('correct', 'correct', 'correct')
    >>> q.evaluate("0.4").status
    'wrong'
    """

    answer: float = 0.0
    tolerance: float = 0.0
    unit: str = ""
    near: tuple[tuple[float, str], ...] = ()
    wrong_message: str = ""

    kind: Literal["choice", "number", "text"] = field(default="number", init=False)

    def evaluate(self, response: Any) -> Feedback:
        """Check a number, written however a person writes it."""
        if self._blank(response):
            return self._not_attempted()
        value = parse_number(response)
        if value is None:
            return Feedback(
                "error", f"{str(response)!r} is not a number I can read: type digits, e.g. 0.5, 50% or 1/2"
            )
        if close_enough(value, self.answer, self.tolerance, typed=response):
            return Feedback.correct()
        for wrong, message in self.near:
            if close_enough(value, wrong, self.tolerance, typed=response):
                return Feedback.wrong(message)
        if (0 < abs(self.answer) <= 1 and abs(value) > 1 and "%" not in str(response)
                and close_enough(value / 100, self.answer, self.tolerance)):
            return Feedback.wrong(f"The answer is a share of 1, not of 100: write {value / 100:g}, not "
                                  f"{str(response).strip()} (or {value:g}%)")
        return Feedback.wrong(self.wrong_message or self._look_back())


@dataclass(frozen=True, kw_only=True)
class ShortAnswer(QuizQuestion):
    """A short answer: a word or phrase, compared forgivingly with a list of accepted answers.

    Examples
    --------
    >>> q = ShortAnswer("t", "Opposite of an elegant solution?", accept=("clumsy solution", "clumsy"),
    ...                 near=(("messy", "Close in spirit: the theory's own word is 'clumsy'."),))
    >>> q.evaluate("Clumsy solution.").status, q.evaluate("messy").message
    ('correct', "Close in spirit: the theory's own word is 'clumsy'.")
    >>> q.evaluate("the clumsy soluton").status
    'correct'
    """

    accept: tuple[str, ...] = ()
    near: tuple[tuple[str, str], ...] = ()
    wrong_message: str = ""

    kind: Literal["choice", "number", "text"] = field(default="text", init=False)

    def evaluate(self, response: Any) -> Feedback:
        """Check a word or phrase (case, spacing and punctuation ignored)."""
        if self._blank(response):
            return self._not_attempted()
        near = dict(self.near)
        missed = match_word(response, list(near), spelling=False)
        if missed is not None:
            return Feedback.wrong(near[missed])
        if match_word(response, self.accept) is not None:
            return Feedback.correct()
        return Feedback.wrong(self.wrong_message or f"Not the word the chapter uses: {self._look_back()}")


@dataclass(frozen=True)
class Quiz:
    """A chapter's quiz.

    Attributes
    ----------
    chapter : str
        E.g. ``"ch01"``.
    title : str
    questions : tuple of QuizQuestion
    notebook : str
        The notebook the quiz belongs to (file name).
    """

    chapter: str
    title: str
    questions: tuple[QuizQuestion, ...]
    notebook: str = ""

    def __getitem__(self, question_id: str) -> QuizQuestion:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(f"{self.chapter} has no question {question_id!r}")

    def score(self, responses: Mapping[str, Any]) -> tuple[int, int]:
        """How many of ``responses`` (question id -> response) are correct, out of the total.

        Examples
        --------
        >>> quiz = load("ch00")
        >>> right = {q.id: solution(q) for q in quiz.questions}
        >>> quiz.score(right) == (len(quiz.questions), len(quiz.questions))
        True
        """
        right = sum(q.evaluate(responses.get(q.id)).status == "correct" for q in self.questions)
        return right, len(self.questions)


def solution(question: QuizQuestion) -> Any:
    """A response that the question marks correct (for tests, answer keys and exports).

    Examples
    --------
    >>> solution(Number("n", "?", answer=5))
    5
    """
    if isinstance(question, MultipleChoice):
        picked = sorted(question.correct)
        return picked if question.multiple else picked[0]
    if isinstance(question, Number):
        return int(question.answer) if float(question.answer).is_integer() else question.answer
    if isinstance(question, ShortAnswer):
        return question.accept[0]
    raise TypeError(f"unknown question type {type(question).__name__}")


def _value_from(ref: str, where: str) -> float:
    module, _, attr = ref.partition(":")
    try:
        value: Any = importlib.import_module(module)
        for part in attr.split("."):
            value = getattr(value, part)
        if callable(value):
            value = value()
        return float(value)
    except Exception as error:
        raise QuizError(f"{where}: answer_from {ref!r} could not be read ({error})") from None


def _question(raw: Mapping[str, Any], where: str) -> QuizQuestion:
    kind = raw.get("type")
    common = {
        "id": str(raw.get("id", "")),
        "prompt": str(raw.get("prompt", "")).strip(),
        "explanation": str(raw.get("explanation", "")).strip(),
        "section": str(raw.get("section", "")).strip(),
    }
    if not common["id"] or not common["prompt"]:
        raise QuizError(f"{where}: every question needs an id and a prompt")
    where = f"{where}, question {common['id']}"
    if kind == "choice":
        options = tuple(
            Choice(str(o["text"]), bool(o.get("correct", False)), str(o.get("feedback", "")))
            for o in raw.get("options", [])
        )
        multiple = bool(raw.get("multiple", False))
        n_right = sum(o.correct for o in options)
        if len(options) < 2 or n_right == 0 or (n_right > 1 and not multiple):
            raise QuizError(
                f"{where}: a choice question needs two or more options and "
                f"{'at least' if multiple else 'exactly'} one correct one"
            )
        return MultipleChoice(**common, options=options, multiple=multiple)
    if kind == "number":
        if "answer_from" in raw:
            answer = _value_from(str(raw["answer_from"]), where)
        elif "answer" in raw:
            answer = float(raw["answer"])
        else:
            raise QuizError(f"{where}: a number question needs answer or answer_from")
        near = tuple((float(k), str(v)) for k, v in (raw.get("near") or {}).items())
        return Number(
            **common,
            answer=answer,
            tolerance=float(raw.get("tolerance", 0)),
            unit=str(raw.get("unit", "")),
            near=near,
            wrong_message=str(raw.get("wrong", "")),
        )
    if kind == "text":
        accept = tuple(str(a) for a in raw.get("accept", []))
        if not accept:
            raise QuizError(f"{where}: a text question needs a list of accepted answers")
        near_words = tuple((str(k), str(v)) for k, v in (raw.get("near") or {}).items())
        both = [k for k, _ in near_words if match_word(k, accept, spelling=False) is not None]
        if both:
            raise QuizError(f"{where}: {both[0]!r} is both accepted and a near-miss; it can only be one")
        return ShortAnswer(**common, accept=accept, near=near_words, wrong_message=str(raw.get("wrong", "")))
    raise QuizError(f"{where}: type must be choice, number or text, not {kind!r}")


def chapters() -> list[str]:
    """The chapters that have a quiz, in order.

    Examples
    --------
    >>> chapters()[0]
    'ch00'
    """
    return sorted(p.stem for p in _FOLDER.glob("ch*.yml"))


@cache
def load(chapter: str) -> Quiz:
    """Read a chapter's quiz from its YAML source.

    Parameters
    ----------
    chapter : str
        ``"ch01"``, ``"01"`` or ``1``.

    Returns
    -------
    Quiz

    Raises
    ------
    QuizError
        If there is no quiz for that chapter or its file is malformed.
    """
    import yaml

    name = str(chapter)
    name = name if name.startswith("ch") else f"ch{int(name):02d}"
    path = _FOLDER / f"{name}.yml"
    if not path.exists():
        raise QuizError(f"no quiz for {chapter!r}; quizzes exist for {', '.join(chapters())}")
    where = f"quizzes/{path.name}"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise QuizError(f"{where}: not valid YAML ({error})") from None
    questions = tuple(_question(q, f"{where}, item {i + 1}") for i, q in enumerate(raw.get("questions", [])))
    ids = [q.id for q in questions]
    if len(set(ids)) != len(ids):
        raise QuizError(f"{where}: question ids must be unique")
    return Quiz(name, str(raw.get("title", name)), questions, str(raw.get("notebook", "")))
