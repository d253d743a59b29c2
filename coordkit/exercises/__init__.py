"""Exercises with automatic feedback, in the style of Kaggle's learntools.

In an exercise notebook each task has an answer variable, first set to the placeholder ``____``,
and a question object::

    from coordkit.exercises.ch01 import ____, q1
    q1.hint()          # a nudge
    motivations = {"hierarchy": "mastery", ...}
    q1.check()         # reads ``motivations`` from the notebook and says what is right or wrong
    q1.solution()      # the worked answer

Checks never raise at a student: an answer not yet attempted says so, a wrong one says what is
wrong and nudges, and an answer that breaks the check itself is reported as feedback. Open
questions (:class:`OpenQuestion`) have no fake check: they show a model answer and a marking
rubric. Right answers are computed with the library wherever possible, not typed in.

The pure part is :meth:`Question.evaluate`, which returns a :class:`Feedback`; ``check()`` prints
it. Tests call ``evaluate`` with right and wrong answers.

A student's mistake in an answer cell never ends in a red traceback. With ``read_text=True`` a
question takes its answer as typed text too (``q1.check("{3, 4}")`` or ``answer = "0.3"``), read
with :func:`coordkit.exercises.answers.read_answer`; and once an exercise module is imported in a
notebook, :func:`friendly_errors` turns a prose answer written without quotes (a ``SyntaxError``
or ``NameError``), an out-of-range value (a ``ValueError`` from, say, ``ck.Profile``), a missing
key, a value of the wrong kind, a misspelt name after a dot or a position past the end of a list
(``KeyError``, ``TypeError``, ``AttributeError``, ``IndexError``) into one plain sentence saying
what to change, before any check runs. An answer of the wrong form that trips a check is told what
the task asks for ("the answer should be a dict with keys ..."), read from the question's ``form``
or its worked solution. Words and numbers are read
forgivingly by :mod:`coordkit.exercises.answers` (the same reader the quizzes use).

Examples
--------
>>> from coordkit.exercises import Feedback, Question, ____
>>> q = Question("q0", "answer",
...              lambda a: Feedback.correct() if a == 42 else Feedback.wrong("Not 42."),
...              hint_text="Think of Douglas Adams.", solution_text="answer = 42")
>>> q.evaluate(____).status
'not attempted'
>>> q.evaluate(41).message
'Not 42.'
"""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from coordkit.exercises.answers import expected_form, explain_problem
from coordkit.text import normalise

__all__ = ["Feedback", "OpenQuestion", "Question", "____", "explain_error", "friendly_errors", "normalise"]


class _Placeholder:
    """The blank a student replaces with an answer."""

    def __repr__(self) -> str:
        return "____"

    def __bool__(self) -> bool:
        return False


#: The placeholder in student notebooks: ``answer = ____``.
____ = _Placeholder()

_SYMBOLS = {"correct": "✔ Correct", "wrong": "✘ Not quite", "not attempted": "○ Not attempted yet",
            "error": "✘ The check could not read your answer"}


@dataclass(frozen=True)
class Feedback:
    """The result of checking an answer.

    Attributes
    ----------
    status : {"correct", "wrong", "not attempted", "error"}
    message : str
    """

    status: str
    message: str = ""

    @classmethod
    def correct(cls, message: str = "") -> Feedback:
        """A right answer, with an optional comment."""
        return cls("correct", message)

    @classmethod
    def wrong(cls, message: str) -> Feedback:
        """A wrong answer: say what is wrong and nudge."""
        return cls("wrong", message)

    def __str__(self) -> str:
        message = self.text
        if not message:
            return f"{_SYMBOLS[self.status]}."
        end = "" if message.endswith((".", "!", "?")) else "."
        return f"{_SYMBOLS[self.status]}: {message}{end}"

    @property
    def text(self) -> str:
        """The message without a leading "Not quite:" that the status line already says.

        Examples
        --------
        >>> print(Feedback.wrong("Not quite: count the modes"))
        ✘ Not quite: count the modes.
        >>> Feedback.wrong("Not quite: count the modes").text
        'count the modes'
        """
        message = self.message.strip()
        if self.status == "wrong" and message.lower().startswith("not quite"):
            message = message[len("not quite"):].lstrip(" :,.-—").strip()
        return message


@dataclass
class Question:
    """A checkable task.

    Parameters
    ----------
    name : str
        E.g. ``"q1"``.
    variable : str
        The notebook variable holding the student's answer.
    checker : callable
        ``checker(answer) -> Feedback``; called only on attempted answers.
    hint_text : str
        What :meth:`hint` prints.
    solution_text : str
        What :meth:`solution` prints: the worked answer and a sentence of explanation.
    read_text : bool, default False
        Read a string answer as the value it spells (``"{3, 4}"``, ``"0.52"``, ``"30%"``) before
        checking, with :func:`coordkit.exercises.answers.read_answer`; prose stays text, which the
        checker answers with feedback. Leave False for questions whose answer is itself a word.
    form : str, optional
        What the answer should be, in plain words (``"a dict with keys 'a', 'b'"``), said when an
        answer trips the check. Default: read from the solution's assignment to ``variable``
        (:func:`coordkit.exercises.answers.expected_form`).
    """

    name: str
    variable: str
    checker: Callable[[Any], Feedback]
    hint_text: str = ""
    solution_text: str = ""
    read_text: bool = False
    form: str | None = None

    def __post_init__(self) -> None:
        friendly_errors()

    def evaluate(self, answer: Any) -> Feedback:
        """Check an answer without printing (never raises).

        Parameters
        ----------
        answer : object

        Returns
        -------
        Feedback
        """
        if answer is ____ or answer is Ellipsis:
            return Feedback("not attempted",
                            f"Replace ____ with your answer in `{self.variable} = ...`, run that "
                            f"cell, then run {self.name}.check() again")
        if self.read_text and isinstance(answer, str):
            from coordkit.exercises.answers import read_answer

            answer = read_answer(answer)
        try:
            return self.checker(answer)
        except Exception as error:  # a check must never raise at a student
            form = self.form or expected_form(self.solution_text, self.variable)
            return Feedback("error", f"{explain_problem(error, answer, form)}; {self.name}.hint() may help")

    def check(self, answer: Any = ____) -> None:
        """Check the answer (by default the notebook variable) and print the feedback."""
        if answer is ____:
            answer = _caller_variable(self.variable)
        print(f"{self.name}: {self.evaluate(answer)}")

    def hint(self) -> None:
        """Print a nudge."""
        print(f"{self.name} hint: {self.hint_text}")

    def solution(self) -> None:
        """Print the worked answer."""
        print(f"{self.name} solution:\n{self.solution_text}")


def explain_error(error: BaseException) -> str:
    """One plain sentence for a mistake in an answer cell, saying what to change (no traceback).

    Parameters
    ----------
    error : BaseException

    Returns
    -------
    str

    Examples
    --------
    >>> try:
    ...     compile("answer = it is about belonging", "<cell>", "exec")
    ... except SyntaxError as error:
    ...     print(explain_error(error)[:79])
    ✘ Python could not read line 1 (answer = it is about belonging). If your answer
    >>> explain_error(NameError("name 'belonging' is not defined", name="belonging")).split(". ")[1]
    'If your answer is a word, put it in quotes: "belonging"'
    >>> print(explain_error(ValueError("hierarchy: 1.2 is outside 0 to 1")))
    ✘ hierarchy: 1.2 is outside 0 to 1. Nothing was checked yet: change the value and run the cell again.
    >>> print(explain_error(ValueError("hierarchy: 90 is outside 0 to 1")).split(". ")[1])
    Write a share as a fraction of 1: 0.9, not 90
    >>> print(explain_error(TypeError("unsupported operand type(s) for +: 'float' and 'str'")).split(":")[0])
    ✘ A number was expected, got text (a value in quotes)
    """
    if isinstance(error, SyntaxError):
        line = (error.text or "").strip()
        where = f"line {error.lineno}" + (f" ({line})" if line else "") if error.lineno else "this cell"
        return (f"✘ Python could not read {where}. If your answer is words, put them in quotes: "
                f'answer = "your words". Nothing was checked yet: fix the line and run the cell again.')
    if isinstance(error, NameError):
        name = getattr(error, "name", None) or str(error).split("'")[1 if "'" in str(error) else 0]
        return (f"✘ Python read {name} as the name of a variable, and there is none. If your answer is a "
                f'word, put it in quotes: "{name}". Nothing was checked yet: fix the line and run the cell '
                "again.")
    if isinstance(error, KeyError | TypeError | AttributeError | IndexError):
        return f"✘ {explain_problem(error)}. Nothing was checked yet: fix the line and run the cell again."
    message = str(error).strip() or type(error).__name__
    end = "" if message.endswith((".", "!", "?")) else "."
    percent = re.search(r"\b(\d+(?:\.\d+)?) is outside 0 to 1\b", message)
    if percent and 2 <= float(percent[1]) <= 100:  # 90 typed for 0.9 (1.2 is no percentage)
        message += f"{end} Write a share as a fraction of 1: {float(percent[1]) / 100:g}, not {percent[1]}"
        end = "."
    return f"✘ {message}{end} Nothing was checked yet: change the value and run the cell again."


#: The mistakes :func:`friendly_errors` explains in plain words; others keep Python's report.
FRIENDLY = (NameError, ValueError, TypeError, KeyError, AttributeError, IndexError)


def friendly_errors(shell: Any = None) -> bool:
    """In a notebook, show a mistake in an answer cell as one plain sentence instead of a traceback.

    Called when an exercise module creates its questions, so it applies in exercise notebooks
    (never in the chapters). Handles a ``SyntaxError`` (prose without quotes) and the errors in
    :data:`FRIENDLY` (an unknown name, an out-of-range value, a missing key, a value of the wrong
    kind, an unknown ``.name``, a position past the end); any other error keeps Python's report.
    Outside IPython it does nothing.

    Parameters
    ----------
    shell : IPython shell, optional
        Default: the running one, if any.

    Returns
    -------
    bool
        Whether friendly errors are on.

    Examples
    --------
    >>> friendly_errors(shell=object())  # not an IPython shell: nothing to change
    False
    """
    if shell is None:
        ipython = sys.modules.get("IPython")
        shell = ipython.get_ipython() if ipython is not None else None
    if shell is None or not hasattr(shell, "set_custom_exc"):
        return False
    if getattr(shell, "_coordkit_friendly_errors", False):
        return True

    def explain(_shell: Any, _etype: type, value: BaseException, _tb: Any, tb_offset: Any = None) -> None:
        print(explain_error(value))

    def show_syntax_error(*_args: Any, **_kwargs: Any) -> None:
        value = sys.exc_info()[1]
        print(explain_error(value) if isinstance(value, SyntaxError) else f"✘ {value}")

    shell.set_custom_exc(FRIENDLY, explain)
    shell.showsyntaxerror = show_syntax_error
    shell._coordkit_friendly_errors = True
    return True


def _caller_variable(name: str) -> Any:
    """Find ``name`` in the notebook's (the caller's caller's) globals; ``____`` if absent."""
    frame = inspect.currentframe()
    try:
        caller = frame.f_back.f_back if frame and frame.f_back else None
        return caller.f_globals.get(name, ____) if caller else ____
    finally:
        del frame


@dataclass
class OpenQuestion:
    """A question with no single right answer: a model answer and a rubric, never a fake check.

    Parameters
    ----------
    name : str
    model_answer : str
    rubric : list of str
        What a good answer does, for self- or peer-marking.
    """

    name: str
    model_answer: str
    rubric: list[str]

    def check(self, answer: Any = ____) -> None:
        """Explain that this question is marked with the rubric, and show the rubric."""
        print(f"{self.name}: this is an open question: there is no automatic check. Compare your "
              "answer with the rubric below (or swap with a classmate), then look at "
              f"{self.name}.solution() for one model answer.")
        self.show_rubric()

    def show_rubric(self) -> None:
        """Print the marking rubric."""
        print("\n".join(f"  - {item}" for item in self.rubric))

    def solution(self) -> None:
        """Print a model answer and the rubric."""
        print(f"{self.name} model answer:\n{self.model_answer}\n\nRubric:")
        self.show_rubric()

    def hint(self) -> None:
        """Print the rubric as a hint."""
        print(f"{self.name} hint: a good answer will")
        self.show_rubric()
