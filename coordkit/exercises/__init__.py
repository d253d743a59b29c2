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
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from coordkit.text import normalise

__all__ = ["Feedback", "OpenQuestion", "Question", "____", "normalise"]


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
        if not self.message:
            return f"{_SYMBOLS[self.status]}."
        end = "" if self.message.endswith((".", "!", "?")) else "."
        return f"{_SYMBOLS[self.status]}: {self.message}{end}"


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
    """

    name: str
    variable: str
    checker: Callable[[Any], Feedback]
    hint_text: str = ""
    solution_text: str = ""

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
        try:
            return self.checker(answer)
        except Exception as error:  # a check must never raise at a student
            return Feedback("error", f"{type(error).__name__}: {error}. Look at the type of "
                                     f"answer the task asks for; {self.name}.hint() may help")

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


def _caller_variable(name: str) -> Any:
    """Find ``name`` in the notebook's (the caller's caller's) globals; ``____`` if absent."""
    frame = inspect.currentframe()
    try:
        caller = frame.f_back.f_back if frame and frame.f_back else None  # type: ignore[union-attr]
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
