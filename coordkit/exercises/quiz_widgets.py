"""The quiz at the end of each chapter, as clickable controls (no Python needed to answer).

A thin layer over :mod:`coordkit.exercises.quiz`: every control has an accessible name, feedback
is announced to screen readers (an ``aria-live`` region), and the explanation appears after the
first attempt. All checking is :meth:`~coordkit.exercises.quiz.QuizQuestion.evaluate`.

Examples
--------
>>> view = QuizView("ch00")
>>> first = view.items[0]
>>> first.answer(first.question_solution())
>>> "Correct" in first.feedback.value
True

A stored notebook (or GitHub's viewer) has no kernel to draw the controls, so the view also
carries the questions as HTML and plain text, without the answers:

>>> bundle = view._repr_mimebundle_()
>>> "<h3>Quiz: Start here</h3>" in bundle["text/html"], "correct" in bundle["text/html"]
(True, False)
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from coordkit.exercises.quiz import MultipleChoice, Number, Quiz, QuizQuestion, load, solution
from coordkit.html import escape, render

__all__ = ["QuizItem", "QuizView", "show", "static_html", "static_text"]

_STATUS_STYLE = {
    "correct": ("✔", "#1b5e20"),
    "wrong": ("✘", "#8a1c1c"),
    "error": ("?", "#5a3d00"),
    "not attempted": ("○", "#333333"),
}


def _static_questions(quiz: Quiz) -> list[dict[str, Any]]:
    rows = []
    for number, question in enumerate(quiz.questions, start=1):
        rows.append(
            {
                "number": number,
                "prompt": question.prompt,
                "kind": question.kind,
                "multiple": isinstance(question, MultipleChoice) and question.multiple,
                "options": [o.text for o in question.options] if isinstance(question, MultipleChoice) else [],
                "unit": question.unit if isinstance(question, Number) else "",
            }
        )
    return rows


def static_html(quiz: Quiz) -> str:
    """A quiz's questions and options as HTML, without answers or feedback.

    What a learner sees in a stored notebook, where there is no kernel to draw the controls.

    Parameters
    ----------
    quiz : Quiz

    Returns
    -------
    str

    Examples
    --------
    >>> quiz = load("ch01")
    >>> page = static_html(quiz)
    >>> page.count("<li><p>") == len(quiz.questions)
    True
    >>> first = quiz.questions[0]
    >>> first.options[1].text in page, first.options[1].feedback in page  # options, never feedback
    (True, False)
    >>> first.explanation in page
    False
    """
    return render("quiz.html.j2", title=quiz.title, questions=_static_questions(quiz))


def static_text(quiz: Quiz) -> str:
    """A quiz's questions and options as plain text, without answers (the ``text/plain`` twin).

    Parameters
    ----------
    quiz : Quiz

    Returns
    -------
    str

    Examples
    --------
    >>> print(static_text(load("ch00")).splitlines()[0])
    Quiz: Start here (run the notebook to answer and get feedback)
    """
    lines = [f"Quiz: {quiz.title} (run the notebook to answer and get feedback)"]
    for row in _static_questions(quiz):
        lines.append(f"{row['number']}. {row['prompt']}")
        lines.extend(f"   ({chr(ord('a') + k)}) {text}" for k, text in enumerate(row["options"]))
    return "\n".join(lines)


class QuizItem:
    """One question: its prompt, a control, a Check button, feedback and (after trying) why.

    Parameters
    ----------
    question : QuizQuestion
    number : int
        Its position in the quiz, from 1.
    """

    def __init__(self, question: QuizQuestion, number: int) -> None:
        self.question = question
        label = f"Answer to question {number}"
        self.prompt = w.HTML(f"<p><strong>Question {number}.</strong> {escape(question.prompt)}</p>")
        self.control: w.Widget
        if isinstance(question, MultipleChoice):
            options = [(o.text, i) for i, o in enumerate(question.options)]
            if question.multiple:
                self.control = w.SelectMultiple(
                    options=options,
                    value=(),
                    description=label,
                    rows=len(options),
                    style={"description_width": "0px"},
                    layout=w.Layout(width="100%", max_width="640px"),
                )
            else:
                self.control = w.RadioButtons(
                    options=options,
                    value=None,
                    description=label,
                    style={"description_width": "0px"},
                    layout=w.Layout(width="100%", max_width="640px"),
                )
        else:
            unit = f" ({question.unit})" if isinstance(question, Number) and question.unit else ""
            self.control = w.Text(
                value="",
                description=label,
                placeholder=f"type your answer{unit}",
                style={"description_width": "0px"},
                layout=w.Layout(width="100%", max_width="420px"),
            )
        self.button = w.Button(
            description="Check",
            tooltip=f"Check your answer to question {number}",
            layout=w.Layout(width="auto"),
        )
        self.feedback = w.HTML('<div aria-live="polite"></div>')
        self.button.on_click(lambda _: self.answer(self._response()))
        if isinstance(self.control, w.Text):
            self.control.continuous_update = False
        self.box = w.VBox(
            [self.prompt, self.control, w.HBox([self.button]), self.feedback],
            layout=w.Layout(width="100%", max_width="720px", margin="0 0 1em 0"),
        )

    def _response(self) -> Any:
        value = self.control.value
        if isinstance(self.control, w.SelectMultiple):
            return list(value)
        return value

    def question_solution(self) -> Any:
        """A response the question marks correct (for tests and demonstrations)."""
        return solution(self.question)

    def answer(self, response: Any) -> None:
        """Check ``response`` and show the feedback (and the explanation once attempted)."""
        result = self.question.evaluate(response)
        symbol, colour = _STATUS_STYLE[result.status]
        text = escape(str(result).lstrip("".join(s for s, _ in _STATUS_STYLE.values())).strip())  # one symbol
        why = ""
        if result.status in ("correct", "wrong") and self.question.explanation:
            why = f"<p><em>Why:</em> {escape(self.question.explanation)}</p>"
        self.feedback.value = (
            f'<div aria-live="polite" role="status"><p style="color:{colour}">'
            f"<strong>{symbol}</strong> {text}</p>{why}</div>"
        )


class QuizView:
    """A chapter's quiz as a column of questions.

    Parameters
    ----------
    chapter : str or Quiz
        ``"ch01"`` (loaded with :func:`coordkit.exercises.quiz.load`) or a :class:`Quiz`.
    """

    def __init__(self, chapter: str | Quiz) -> None:
        self.quiz = chapter if isinstance(chapter, Quiz) else load(chapter)
        self.items = [QuizItem(q, i + 1) for i, q in enumerate(self.quiz.questions)]
        heading = w.HTML(
            f"<h3>Quiz: {escape(self.quiz.title)}</h3><p>Answer, press <em>Check</em>, "
            "and read why. Nothing is recorded: this is for you.</p>"
        )
        self.box = w.VBox(
            [heading, *(item.box for item in self.items)], layout=w.Layout(width="100%", max_width="760px")
        )

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        """The live controls plus the questions as HTML and text, for readers without a kernel.

        JupyterLab draws the controls while the kernel runs; a stored notebook keeps the HTML
        (``tools/clean_notebooks.py`` drops only the widget view, whose model is not saved).
        """
        bundle = self.box._repr_mimebundle_(**kwargs)
        data: dict[str, Any] = dict(bundle[0] if isinstance(bundle, tuple) else bundle or {})
        data["text/html"] = static_html(self.quiz)
        data["text/plain"] = static_text(self.quiz)
        return data


def show(chapter: str) -> QuizView:
    """The quiz for a chapter, ready to display (the last line of a notebook cell).

    Parameters
    ----------
    chapter : str
        ``"ch01"``, ``"01"`` or ``1``.

    Returns
    -------
    QuizView
    """
    return QuizView(chapter)
