"""Export the chapter quizzes to a learning platform: Moodle XML, GIFT and Canvas (QTI 1.2).

The exports are made from the same YAML source as the in-notebook quizzes
(:mod:`coordkit.exercises.quiz`), so a lecturer's Moodle or Canvas quiz says what the notebooks
say. Every question carries its correct answer, the feedback for each option and the
explanation as general feedback.

- **Moodle XML** (Question bank, Import, "Moodle XML format"): one category per chapter.
- **GIFT** (Question bank, Import, "GIFT format"): the same questions as plain text.
- **Canvas**: a QTI 1.2 content package (a ``.zip`` holding ``imsmanifest.xml`` and one
  assessment per chapter), imported with Settings, Import course content, "QTI .zip file".

Command line::

    python -m coordkit.exercises.lms -o quizzes/     # writes moodle.xml, quizzes.gift, canvas_qti.zip

Examples
--------
>>> from coordkit.exercises.quiz import load
>>> xml = moodle_xml([load("ch00")])
>>> xml.startswith('<?xml version="1.0" encoding="UTF-8"?>') and "<quiz>" in xml
True
>>> "::ch00-" in gift([load("ch00")])
True
"""

from __future__ import annotations

import argparse
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from xml.etree import ElementTree as ET

from coordkit.exercises.quiz import MultipleChoice, Number, Quiz, QuizQuestion, ShortAnswer, chapters, load

__all__ = ["canvas_qti", "gift", "main", "moodle_xml", "write_all"]


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _text(parent: ET.Element, tag: str, text: str, *, html: bool = False) -> ET.Element:
    element = _sub(parent, tag, format="html") if html else _sub(parent, tag)
    _sub(element, "text", text)
    return element


def _fraction(n_correct: int) -> str:
    value = 100 / n_correct
    return f"{value:.5f}".rstrip("0").rstrip(".")


def _moodle_question(parent: ET.Element, quiz: Quiz, q: QuizQuestion) -> None:
    kind = {"choice": "multichoice", "number": "numerical", "text": "shortanswer"}[q.kind]
    question = _sub(parent, "question", type=kind)
    _text(question, "name", f"{quiz.chapter}-{q.id}")
    _text(question, "questiontext", f"<p>{_escape_html(q.prompt)}</p>", html=True)
    _text(question, "generalfeedback", f"<p>{_escape_html(q.explanation)}</p>", html=True)
    _sub(question, "defaultgrade", "1")
    if isinstance(q, MultipleChoice):
        _sub(question, "single", "false" if q.multiple else "true")
        _sub(question, "shuffleanswers", "1")
        _sub(question, "answernumbering", "abc")
        n_right = len(q.correct)
        for option in q.options:
            fraction = _fraction(n_right) if option.correct else ("-100" if q.multiple else "0")
            answer = _sub(question, "answer", fraction=fraction, format="html")
            _sub(answer, "text", _escape_html(option.text))
            _text(
                answer,
                "feedback",
                option.feedback or ("Yes." if option.correct else "Not this one."),
                html=True,
            )
    elif isinstance(q, Number):
        answer = _sub(question, "answer", fraction="100")
        _sub(answer, "text", _number(q.answer))
        _sub(answer, "tolerance", _number(q.tolerance))
        _text(answer, "feedback", "Correct.")
        for value, message in q.near:
            near = _sub(question, "answer", fraction="0")
            _sub(near, "text", _number(value))
            _sub(near, "tolerance", "0")
            _text(near, "feedback", message)
    elif isinstance(q, ShortAnswer):
        _sub(question, "usecase", "0")
        for accepted in q.accept:
            answer = _sub(question, "answer", fraction="100")
            _sub(answer, "text", accepted)
            _text(answer, "feedback", "Correct.")
        for wrong, message in q.near:
            near = _sub(question, "answer", fraction="0")
            _sub(near, "text", wrong)
            _text(near, "feedback", message)


def _escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _number(value: float) -> str:
    return f"{value:.6g}"


def moodle_xml(quizzes: Iterable[Quiz]) -> str:
    """The quizzes as one Moodle XML file, a question-bank category per chapter.

    Parameters
    ----------
    quizzes : iterable of Quiz

    Returns
    -------
    str
        The XML document.
    """
    root = ET.Element("quiz")
    for quiz in quizzes:
        category = _sub(root, "question", type="category")
        _text(category, "category", f"$course$/top/coordkit/{quiz.chapter} {quiz.title}")
        for q in quiz.questions:
            _moodle_question(root, quiz, q)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


_GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")


def _g(text: str) -> str:
    """Escape GIFT's special characters and fold new lines."""
    return _GIFT_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _gift_question(quiz: Quiz, q: QuizQuestion) -> str:
    head = f"::{quiz.chapter}-{q.id}::{_g(q.prompt)} {{"
    lines: list[str] = []
    if isinstance(q, MultipleChoice):
        n_right = len(q.correct)
        for option in q.options:
            if q.multiple:
                weight = _fraction(n_right) if option.correct else "-100"
                mark = f"~%{weight}%"
            else:
                mark = "=" if option.correct else "~"
            feedback = f"#{_g(option.feedback)}" if option.feedback else ""
            lines.append(f"\t{mark}{_g(option.text)}{feedback}")
    elif isinstance(q, Number):
        lines.append(f"\t#={_number(q.answer)}:{_number(q.tolerance)}#Correct.")
        lines.extend(f"\t=%0%{_number(value)}:0#{_g(message)}" for value, message in q.near)
    elif isinstance(q, ShortAnswer):
        lines.extend(f"\t={_g(a)}#Correct." for a in q.accept)
        lines.extend(f"\t=%0%{_g(wrong)}#{_g(message)}" for wrong, message in q.near)
    if q.explanation:
        lines.append(f"\t####{_g(q.explanation)}")
    if isinstance(q, Number):
        head = f"::{quiz.chapter}-{q.id}::{_g(q.prompt)} {{#"
        lines[0] = lines[0].replace("\t#=", "\t=", 1)
    return "\n".join([head, *lines, "}"])


def gift(quizzes: Iterable[Quiz]) -> str:
    """The quizzes in Moodle's GIFT text format, a ``$CATEGORY`` per chapter.

    Parameters
    ----------
    quizzes : iterable of Quiz

    Returns
    -------
    str
    """
    parts: list[str] = []
    for quiz in quizzes:
        parts.append(f"$CATEGORY: $course$/top/coordkit/{quiz.chapter} {_g(quiz.title)}")
        parts.extend(_gift_question(quiz, q) for q in quiz.questions)
    return "\n\n".join(parts) + "\n"


_QTI_TYPES = {
    "choice": "multiple_choice_question",
    "number": "numerical_question",
    "text": "short_answer_question",
}


def _qti_item(section: ET.Element, quiz: Quiz, q: QuizQuestion) -> None:
    ident = f"{quiz.chapter}-{q.id}"
    item = _sub(section, "item", ident=ident, title=ident)
    meta = _sub(_sub(item, "itemmetadata"), "qtimetadata")
    qtype = _QTI_TYPES[q.kind]
    if isinstance(q, MultipleChoice) and q.multiple:
        qtype = "multiple_answers_question"
    for label, entry in (("question_type", qtype), ("points_possible", "1")):
        field = _sub(meta, "qtimetadatafield")
        _sub(field, "fieldlabel", label)
        _sub(field, "fieldentry", entry)
    presentation = _sub(item, "presentation")
    _sub(_sub(presentation, "material"), "mattext", f"<p>{_escape_html(q.prompt)}</p>", texttype="text/html")
    processing = _sub(item, "resprocessing")
    _sub(
        _sub(processing, "outcomes"),
        "decvar",
        maxvalue="100",
        minvalue="0",
        varname="SCORE",
        vartype="Decimal",
    )
    if isinstance(q, MultipleChoice):
        response = _sub(
            presentation,
            "response_lid",
            ident="response1",
            rcardinality="Multiple" if q.multiple else "Single",
        )
        choices = _sub(response, "render_choice")
        for i, option in enumerate(q.options):
            option_label = _sub(choices, "response_label", ident=f"{ident}-o{i}")
            _sub(_sub(option_label, "material"), "mattext", option.text, texttype="text/plain")
        condition = _sub(processing, "respcondition", **{"continue": "No"})
        test = _sub(condition, "conditionvar")
        if q.multiple:
            both = _sub(test, "and")
            for i, option in enumerate(q.options):
                target = both if option.correct else _sub(both, "not")
                _sub(target, "varequal", f"{ident}-o{i}", respident="response1")
        else:
            _sub(test, "varequal", f"{ident}-o{min(q.correct)}", respident="response1")
        _sub(condition, "setvar", "100", action="Set", varname="SCORE")
        for i, option in enumerate(q.options):
            if option.feedback:
                fb = _sub(processing, "respcondition", **{"continue": "Yes"})
                _sub(_sub(fb, "conditionvar"), "varequal", f"{ident}-o{i}", respident="response1")
                _sub(fb, "displayfeedback", feedbacktype="Response", linkrefid=f"{ident}-o{i}-fb")
    else:
        response = _sub(presentation, "response_str", ident="response1", rcardinality="Single")
        _sub(response, "render_fib", fibtype="Decimal" if isinstance(q, Number) else "String")
        condition = _sub(processing, "respcondition", **{"continue": "No"})
        test = _sub(condition, "conditionvar")
        if isinstance(q, Number):
            either = _sub(test, "or")
            _sub(either, "varequal", _number(q.answer), respident="response1")
            both = _sub(either, "and")
            _sub(both, "vargte", _number(q.answer - q.tolerance), respident="response1")
            _sub(both, "varlte", _number(q.answer + q.tolerance), respident="response1")
        else:
            for accepted in q.accept if isinstance(q, ShortAnswer) else ():
                _sub(test, "varequal", accepted, respident="response1")
        _sub(condition, "setvar", "100", action="Set", varname="SCORE")
    if q.explanation:
        general = _sub(processing, "respcondition", **{"continue": "Yes"})
        _sub(_sub(general, "conditionvar"), "other")
        _sub(general, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
        feedback = _sub(item, "itemfeedback", ident="general_fb")
        _sub(_sub(_sub(feedback, "flow_mat"), "material"), "mattext", q.explanation, texttype="text/plain")
    if isinstance(q, MultipleChoice):
        for i, option in enumerate(q.options):
            if option.feedback:
                feedback = _sub(item, "itemfeedback", ident=f"{ident}-o{i}-fb")
                _sub(
                    _sub(_sub(feedback, "flow_mat"), "material"),
                    "mattext",
                    option.feedback,
                    texttype="text/plain",
                )


def _qti_assessment(quiz: Quiz) -> str:
    root = ET.Element("questestinterop", xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2")
    assessment = _sub(root, "assessment", ident=f"coordkit-{quiz.chapter}", title=f"coordkit: {quiz.title}")
    section = _sub(assessment, "section", ident="root_section")
    for q in quiz.questions:
        _qti_item(section, quiz, q)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def canvas_qti(quizzes: Sequence[Quiz]) -> bytes:
    """The quizzes as a QTI 1.2 content package (zip bytes) that Canvas imports.

    Parameters
    ----------
    quizzes : sequence of Quiz

    Returns
    -------
    bytes
        A zip holding ``imsmanifest.xml`` and ``<chapter>/<chapter>.xml`` per quiz.

    Examples
    --------
    >>> from coordkit.exercises.quiz import load
    >>> import io, zipfile
    >>> names = zipfile.ZipFile(io.BytesIO(canvas_qti([load("ch00")]))).namelist()
    >>> sorted(names)
    ['ch00/ch00.xml', 'imsmanifest.xml']
    """
    manifest = ET.Element(
        "manifest",
        {"identifier": "coordkit-quizzes", "xmlns": "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"},
    )
    _sub(manifest, "organizations")
    resources = _sub(manifest, "resources")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for quiz in quizzes:
            path = f"{quiz.chapter}/{quiz.chapter}.xml"
            archive.writestr(path, _qti_assessment(quiz))
            resource = _sub(
                resources, "resource", identifier=f"coordkit-{quiz.chapter}", type="imsqti_xmlv1p2", href=path
            )
            _sub(resource, "file", href=path)
        ET.indent(manifest)
        text = ET.tostring(manifest, encoding="unicode")
        archive.writestr("imsmanifest.xml", '<?xml version="1.0" encoding="UTF-8"?>\n' + text)
    return buffer.getvalue()


def write_all(folder: str | Path, chapter_names: Sequence[str] | None = None) -> list[Path]:
    """Write ``moodle.xml``, ``quizzes.gift`` and ``canvas_qti.zip`` for the chapters into ``folder``.

    Parameters
    ----------
    folder : str or Path
        Created if missing.
    chapter_names : sequence of str, optional
        Default: every chapter with a quiz.

    Returns
    -------
    list of Path
        The files written.
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    quizzes = [load(c) for c in (chapter_names or chapters())]
    files = {
        "moodle.xml": moodle_xml(quizzes).encode("utf-8"),
        "quizzes.gift": gift(quizzes).encode("utf-8"),
        "canvas_qti.zip": canvas_qti(quizzes),
    }
    written = []
    for name, content in files.items():
        (out / name).write_bytes(content)
        written.append(out / name)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m coordkit.exercises.lms -o FOLDER [CHAPTER ...]``."""
    parser = argparse.ArgumentParser(
        prog="python -m coordkit.exercises.lms",
        description="Export the chapter quizzes for Moodle and Canvas.",
    )
    parser.add_argument("chapters", nargs="*", help="chapters to export, e.g. ch01 ch02 (default: all)")
    parser.add_argument("-o", "--output", default="quizzes", help="folder to write into (default: quizzes)")
    args = parser.parse_args(argv)
    for path in write_all(args.output, args.chapters or None):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
