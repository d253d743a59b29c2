"""Build lecturer-ready handouts (HTML and PDF, no code) and reveal.js slides from the notebooks.

    python tools/publish.py handouts [NOTEBOOK ...] [--pdf] [-o handouts]
    python tools/publish.py slides   [NOTEBOOK ...] [--pdf] [-o slides]

(`./kit handouts` and `./kit slides` call this.) Both start from the notebooks *as stored*, with the
outputs of a clean run, and change nothing in them. A chapter's page is named after the notebook
(``01_coordination_theory.html``); an exercise (or solution) notebook is prefixed with its folder's
name (``exercises_01_coordination_theory.html``), so it never overwrites its chapter. Two
inputs that would write the same file stop the build before anything is written.

Handouts
    - no code, no prompts, no test markers: inputs are left out, and any ``# NBVAL_...`` line is
      dropped from what remains;
    - maths rendered at build time to SVG (Matplotlib's mathtext), with the TeX as alt text, so the
      page needs no script from the web and reads the same offline, on paper and to a screen reader;
      a formula mathtext cannot draw is kept as TeX in <code> and reported, never dropped;
    - live widgets (which need a running kernel) are replaced by a line saying so: the static figure
      the notebook shows beside every widget stays;
    - print CSS that keeps a heading with what follows and never splits a figure;
    - an exercise notebook (``exercises/NN_*.ipynb``) prints as its paper version, from its source in
      ``exercises/src`` (:func:`paper_exercise`): each task in words and a space to answer, no code;
    - beside them the printable sheets (:data:`SHEETS`: questionnaire, keys, coding sheets, the
      clumsiness worksheet) and the one-page chapter summaries (``summaries/``);
    - with ``--pdf``, a PDF of each page printed by headless Chromium (the browser the tests use).
Slides
    A reveal.js deck per notebook: a new slide at each ``#``/``##`` heading, a vertical sub-slide at
    each ``###`` (unless the cell's own ``slideshow`` metadata says otherwise), and a further
    sub-slide wherever a slide would overflow (about 150 words, a figure counting as 100; long
    prose split at paragraphs); tables over 12 rows and cells tagged ``slides-skip`` left out
    (a note says where the table is), code hidden, figures kept. reveal.js is installed from npm into
    ``.cache/`` and copied beside the decks when npm is available, so they work offline (the
    themes' web fonts are left out: the decks use the themes' fallback fonts); otherwise the decks
    load it from a CDN and a warning says so. Slide text never speaks of code: paragraphs, list
    items and table rows about Python ("run the cell", ``ck.Profile(...)``) or with a command to type
    (``./kit report ...``, ``python -m ...``) stay in the notebook and the handout, and the build
    lists them, as it does printed Python values (``Profile(...)``, a dict or list:
    :func:`without_reprs`) and widgets' self-checks (``explorer.update()``), which stay in the
    notebook. A quiz takes a slide per question; chapter 1's deck
    opens with the slide *Taylor's claim* (``coordkit/templates/decks/``). With ``--pdf``, each
    deck is printed to PDF by Chromium, a page per slide.
Both
    load nothing from the web when opened: nbconvert's mermaid and (handouts) require.js scripts
    are left out; a notebook with a mermaid diagram gets a warning (its text is shown).
"""

from __future__ import annotations

import argparse
import base64
import copy
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".cache"
#: What the decks load, installed from npm once and copied beside them so they work offline.
NPM_PACKAGES = {"reveal.js": "4.6.1", "requirejs": "2.3.7", "jquery": "2.2.4"}

_DISPLAY = re.compile(r"\$\$(.+?)\$\$", re.S)
_INLINE = re.compile(r"(?<![\\$\w])\$(?=\S)([^$\n]+?)(?<=\S)\$(?![\w$])")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
_TEX_ALIASES = {r"\ge ": r"\geq ", r"\le ": r"\leq ", r"\ne ": r"\neq "}
_WIDGET = "application/vnd.jupyter.widget-view+json"
_NBVAL_LINE = re.compile(r"^\s*#\s*NBVAL_\w+\s*$", re.M)



class MathError(ValueError):
    """A formula mathtext cannot draw."""


class PublishError(ValueError):
    """A build that cannot go ahead (the message says why, in words for the lecturer)."""


#: Folders whose notebooks are named like the chapters: their pages get the folder as a prefix.
_PREFIXED_FOLDERS = ("exercises", "solutions")


def target_name(path: Path, kind: str) -> str:
    """The file a notebook becomes: its stem, prefixed ``exercises_`` (or ``solutions_``) for those.

    Examples
    --------
    >>> target_name(Path("notebooks/01_x.ipynb"), "handouts")
    '01_x.html'
    >>> target_name(Path("exercises/01_x.ipynb"), "slides")
    'exercises_01_x.slides.html'
    """
    suffix = ".slides.html" if kind == "slides" else ".html"
    folder = path.resolve().parent.name
    prefix = f"{folder}_" if folder in _PREFIXED_FOLDERS else ""
    return f"{prefix}{path.stem}{suffix}"


def check_targets(names: Sequence[tuple[str, str]]) -> None:
    """Raise :class:`PublishError` if two sources (``(source, target)`` pairs) share a target name."""
    seen: dict[str, str] = {}
    clashes = []
    for source, name in names:
        if name in seen and seen[name] != source:
            clashes.append(f"{name} (from {seen[name]} and from {source})")
        seen.setdefault(name, source)
    if clashes:
        raise PublishError("two inputs would write the same file, so one would overwrite the other: "
                           + "; ".join(clashes) + ". Nothing was written.")


def prepare_output(out: Path) -> None:
    """Create the output folder, or raise :class:`PublishError` saying plainly why it cannot be used."""
    if out.exists() and not out.is_dir():
        raise PublishError(f"-o {out}: that is a file, not a folder; give a folder to write into")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PublishError(f"-o {out}: cannot create that folder ({error.strerror or error})") from None
    probe = out / ".coordkit-write-test"
    try:
        probe.write_text("", encoding="utf-8")
        probe.unlink()
    except OSError as error:
        raise PublishError(f"-o {out}: cannot write into that folder ({error.strerror or error})") from None


def tex_to_svg(tex: str, *, display: bool) -> str:
    """Render TeX to an inline SVG ``<img>`` whose alt text is the TeX itself."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.mathtext import math_to_image

    source = tex.strip()
    for old, new in _TEX_ALIASES.items():
        source = source.replace(old, new)
    source = re.sub(
        r"\\(ge|le|ne)(?![a-z])", lambda m: {"ge": r"\geq", "le": r"\leq", "ne": r"\neq"}[m[1]], source
    )
    # mathtext lacks a few TeX spellings: use their plain equivalents
    source = re.sub(r"\\(textstyle|displaystyle|bigl|bigr|Bigl|Bigr|big|Big)(?![a-zA-Z])", "", source)
    source = source.replace(r"\tfrac", r"\frac").replace(r"\dfrac", r"\frac")
    source = re.sub(r"\\frac\s*(\d)\s*(\d)", r"\\frac{\1}{\2}", source)
    source = " ".join(source.split())
    buffer = io.BytesIO()
    try:
        math_to_image(f"${source}$", buffer, format="svg", prop=FontProperties(size=14 if display else 12))
    except Exception as error:
        raise MathError(f"{' '.join(tex.split())!r}: {' '.join(str(error).split())[:160]}") from None
    # the SVG carries its own size in points, so it sits at text size with no style attribute
    # (which nbconvert's sanitiser would strip anyway)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    alt = tex.strip().replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    img = f'<img class="ck-math" alt="{alt}" src="data:image/svg+xml;base64,{data}">'
    return f'<div class="ck-math">{img}</div>' if display else img


def tex_block_to_svg(tex: str) -> str:
    """Render display maths; an ``aligned`` block (which mathtext lacks) is drawn row by row."""
    body = re.sub(r"\\(begin|end)\{aligned\}", "", tex)
    if "\\\\" not in body and body == tex:
        return tex_to_svg(tex, display=True)
    rows = [r for r in re.split(r"\\\\", body) if r.strip()]
    images = []
    for row in rows:
        clean = row.replace("&", r"\quad " if row.count("&") > 1 else "").replace(r"\textstyle", "")
        clean = clean.replace(r"\tfrac", r"\frac")
        clean = re.sub(r"\\quad\s*$", "", clean.strip())
        images.append(
            tex_to_svg(clean, display=True).removeprefix('<div class="ck-math">').removesuffix("</div>")
        )
    return '<div class="ck-math">' + "<br>".join(images) + "</div>"


def render_markdown_maths(text: str, problems: list[str], where: str) -> str:
    """Replace $$...$$ and $...$ in Markdown with rendered SVG, leaving code spans alone."""
    spans: list[str] = []

    def hide(match: re.Match[str]) -> str:
        spans.append(match[0])
        return f"\x00{len(spans) - 1}\x00"

    hidden = _CODE_SPAN.sub(hide, text)

    def render(match: re.Match[str], display: bool) -> str:
        try:
            return tex_block_to_svg(match[1]) if display else tex_to_svg(match[1], display=False)
        except MathError as error:
            problems.append(f"{where}: formula kept as TeX: {error}")
            return f"<code>{match[1]}</code>"

    hidden = _DISPLAY.sub(lambda m: "\n\n" + render(m, True) + "\n\n", hidden)
    hidden = _INLINE.sub(lambda m: render(m, False), hidden)
    return re.sub(r"\x00(\d+)\x00", lambda m: spans[int(m[1])], hidden)


def _figure_html(data: dict[str, str]) -> str:
    alt = str(data.get("text/plain", "")).removeprefix("[figure] ").strip() or "Figure"
    alt = alt.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return f'<img alt="{alt}" src="data:image/png;base64,{str(data["image/png"]).strip()}">'


#: A chapter's quiz cell: ``show("ch01")`` from :mod:`coordkit.exercises.quiz_widgets`.
_QUIZ_CALL = re.compile(r"""quiz_widgets\b[\s\S]*\bshow\(\s*["'](ch\d\d)["']""")


def quiz_html(chapter: str, *, key: bool = False, only: int | None = None) -> str:
    """A chapter's quiz on paper: the questions and their options (A, B, ...), never the answers.

    With ``key=True``, the answers instead (for the lecturer's key, a file of its own). With
    ``only``, that question alone (numbered as in the whole quiz: a slide per question).
    """
    from coordkit.exercises import quiz as quizzes
    from coordkit.html import escape

    found = quizzes.load(chapter)
    items = []
    chosen = found.questions if only is None else found.questions[only:only + 1]
    for q in chosen:
        body = f"<p>{escape(q.prompt)}</p>"
        if isinstance(q, quizzes.MultipleChoice):
            letters = "ABCDEFGHIJ"
            if key:
                picked = ", ".join(f"{letters[i]} ({escape(q.options[i].text)})" for i in sorted(q.correct))
                body += f"<p><b>Answer:</b> {picked}</p>"
            else:
                how = "Tick every one that applies." if q.multiple else "Tick one."
                body += (f'<p>{how}</p><ol type="A">'
                         + "".join(f"<li>{escape(o.text)}</li>" for o in q.options) + "</ol>")
        elif key:
            body += f"<p><b>Answer:</b> {escape(str(quizzes.solution(q)))}</p>"
        else:
            body += "<p>Answer: ______________________________</p>"
        if key and q.explanation:
            body += f"<p>{escape(q.explanation)}</p>"
        items.append(f'<li id="{escape(chapter)}-{escape(q.id)}">{body}</li>')
    start = f' start="{only + 1}"' if only else ""
    return f'<ol class="ck-quiz"{start}>{"".join(items)}</ol>'


def quiz_length(chapter: str) -> int:
    """How many questions a chapter's quiz has."""
    from coordkit.exercises import quiz as quizzes

    return len(quizzes.load(chapter).questions)


def _quiz_output(chapter: str, only: int | None = None) -> nbformat.NotebookNode:
    note = ('<p class="ck-widget-note">On paper: answer here. In the notebook the same questions check '
            "your answer; the lecturer has the key (quiz_key.html).</p>") if only is None else ""
    html = quiz_html(chapter, only=only) + note
    return nbformat.v4.new_output("display_data", data={"text/html": html,
                                                        "text/plain": f"(the {chapter} quiz)"})


#: The printed exercise's opening, in place of the notebook's instructions (which speak of cells).
PAPER_INTRO = ("*On paper: write your answer in the space under each task. The exercise notebook asks the "
               "same tasks and checks each answer as you go; your lecturer has the worked solutions.*")
_ANSWER_LINE = re.compile(r"^\*Your answer[^*]*\*\s*$", re.M)
_CHAPTER_LINK = re.compile(r"\]\(\.\./notebooks/([\w-]+)\.ipynb\)")


def paper_exercise(source: Path) -> nbformat.NotebookNode:
    """An exercise on paper, from its source in ``exercises/src``: each task's text and a blank space.

    A task's ``[paper]`` cell (:mod:`coordkit.exercises.build`), if it has one, is its text on
    paper; otherwise its own text without the sentences about code (:func:`without_code`). Code,
    and sections other than the tasks (a worked example of code), are left out; the title keeps
    its time and chapter (linked to the chapter's handout) and gets :data:`PAPER_INTRO`. An open
    task (``discuss`` or ``open`` in its heading) gets a larger space.
    """
    from coordkit.exercises.build import parse_percent

    cells = parse_percent(source.read_text(encoding="utf-8"))
    out = []
    for k, cell in enumerate(cells):
        if cell.kind != "markdown":
            continue
        following = next((c for c in cells[k + 1:] if c.kind != "code"), None)
        paper = following.source if following is not None and following.kind == "paper" else None
        heading, _, body = cell.source.strip().partition("\n")
        if k == 0:
            when = next((b for b in re.split(r"\n\s*\n", body) if b.lstrip().startswith("**Time:**")), "")
            text = "\n\n".join(filter(None, [heading, _CHAPTER_LINK.sub(r"](\1.html)", when.strip()), paper,
                                             PAPER_INTRO]))
        elif heading.startswith("## Task"):
            task = paper if paper is not None else without_code(_ANSWER_LINE.sub("", body))[0]
            size = " ck-answer-long" if re.search(r"\b(discuss|open)\b", heading) else ""
            text = (f"{heading}\n\n{task.strip()}\n\n"
                    f'<div class="ck-answer{size}"><span>Your answer:</span></div>')
        else:
            continue
        out.append(nbformat.v4.new_markdown_cell(text))
    nb = nbformat.v4.new_notebook()
    nb.cells = out
    return nb


#: A printed Python value, not a sentence: ``Profile(hierarchy=...``, ``array([...``, a dict, list or
#: tuple, alone or after a short label (``now: [42. 30. ...]``). Slides leave such lines out.
_REPR_LINE = re.compile(r"^\s*(?:[\w ,()'-]{1,40}:\s+)?(?:[A-Z]\w*\(\w+=|array\(|[\[{(]\s*['\"(\[{]|"
                        r"[\[(]\s*-?\d)")
#: The same anywhere in a line (lecturer review 3, N6): a ``Counter({...})`` or other call on a
#: container, a list or dict of strings or numbers (``['damped', ...``, ``{1961: '...``), an empty
#: one (``unresponsive: []``) or a Python boolean (``settled True``, ``[False, True, ...] False``).
_REPR_IN_LINE = re.compile(r"\b[A-Z]\w*\((?:\w+=|[\[{(])|\barray\(|[\[{]\s*(?:['\"\[{(]|-?\d)|"
                           r"\[\s*\]|\{\s*\}|\b(?:True|False)\b")


def is_repr(line: str) -> bool:
    """Whether a line of printed text shows a Python value (:data:`_REPR_LINE`, :data:`_REPR_IN_LINE`).

    Examples
    --------
    >>> [is_repr(s) for s in ("unresponsive: []", "Counter({'a': 1})", "surprise off: settled True",
    ...                       "{1961: 'no strong active form',", "balanced | outcome 0.24")]
    [True, True, True, True, False]
    """
    return bool(_REPR_LINE.match(line) or _REPR_IN_LINE.search(line))


def _depth(line: str) -> int:
    """How many brackets a line leaves open (a dict or list printed over several lines)."""
    return sum(line.count(c) for c in "([{") - sum(line.count(c) for c in ")]}")


#: A widget's self-check in the notebook (``explorer.update()`` and what it printed): not for a slide.
_SELF_CHECK = re.compile(r"^\s*\w+\.update\(\)\s*$", re.M)


def _without_repr_lines(lines: list[str]) -> list[str]:
    kept, open_ = [], 0
    for line in lines:
        if open_ > 0:  # the rest of a value printed over several lines
            open_ += _depth(line)
            continue
        if is_repr(line):
            open_ = max(_depth(line), 0)
            continue
        kept.append(line)
    return kept


def without_reprs(cell: nbformat.NotebookNode) -> int:
    r"""Drop printed Python values (:func:`is_repr`) from a code cell's text outputs; how many lines went.

    Printed text keeps its other lines; an output of nothing but such values goes; figures, tables
    and HTML stay. A value printed over several lines (``pprint``) goes whole.

    Examples
    --------
    >>> cell = nbformat.v4.new_code_cell("x")
    >>> value = nbformat.v4.new_output("execute_result", data={"text/plain": "Profile(hierarchy=0.8)"})
    >>> text = "balanced\nnow: [42. 30. 10. 18.]\nverdict | unresponsive: []\n{1: 'a',\n 2: 'b'}\n"
    >>> cell.outputs = [value, nbformat.v4.new_output("stream", text=text)]
    >>> without_reprs(cell), [o.get("text") for o in cell.outputs]
    (5, ['balanced\n'])
    """
    gone = 0
    outputs = []
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if output.get("output_type") == "stream":
            lines = str(output.get("text", "")).splitlines(keepends=True)
            kept = _without_repr_lines(lines)
            gone += len(lines) - len(kept)
            if not "".join(kept).strip():
                continue
            output["text"] = "".join(kept)
        elif set(data) <= {"text/plain"} and "text/plain" in data:
            lines = str(data["text/plain"]).splitlines()
            if any(is_repr(line) for line in lines[:1]):
                gone += len(lines)
                continue
        outputs.append(output)
    cell["outputs"] = outputs
    return gone


def _strip_widgets(cell: nbformat.NotebookNode) -> None:
    quiz = _QUIZ_CALL.search(cell.get("source", ""))
    if quiz:  # the quiz widget prints as its questions (no answers), or the page would show nothing
        cell["outputs"] = [_quiz_output(quiz[1])]
        return
    outputs = []
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if "image/png" in data and "text/html" not in data:
            # a bare PNG: give it its description as alt text (nbconvert would say "No description")
            html = _figure_html(data)
            outputs.append(
                nbformat.v4.new_output(
                    "display_data", data={"text/html": html, "text/plain": data.get("text/plain", "")}
                )
            )
        elif _WIDGET in data:
            outputs.append(
                nbformat.v4.new_output(
                    "display_data",
                    data={
                        "text/html": '<p class="ck-widget-note">An interactive explorer is here in '
                        "the notebook; the figure above or below shows it as stored.</p>",
                        "text/plain": "(interactive explorer: open the notebook to use it)",
                    },
                )
            )
        else:
            outputs.append(output)
    cell["outputs"] = outputs


def prepare(
    nb: nbformat.NotebookNode, name: str, problems: list[str], *, slides: bool = False,
    notes: list[str] | None = None,
) -> nbformat.NotebookNode:
    """A copy of ``nb`` ready to export: maths rendered, widgets noted, markers gone, slide types set.

    For slides, prose about code is left out (:func:`without_code`; each such passage is listed in
    ``notes``), a quiz takes a slide per question and a deck's own slides
    (:data:`EXTRA_SLIDES`) follow its title slide.
    """
    out = copy.deepcopy(nb)
    out.metadata.pop("widgets", None)  # saved widget state would embed live views' HTML in the page
    cells = []
    chosen: set[int] = set()  # cells whose own metadata sets the slide type (kept as they are)
    for i, cell in enumerate(out.cells):
        tags = set(cell.get("metadata", {}).get("tags", []))
        if "remove-cell" in tags or (slides and "slides-skip" in tags):
            continue
        if cell.cell_type == "markdown":
            if slides:
                cell.source, dropped = without_code(cell.source, commands=True)
                if dropped and notes is not None:
                    notes.append(f"{name} cell {i}: {dropped} passage(s) about code left to the notebook")
                if not cell.source.strip():
                    continue
            cell.source = render_markdown_maths(cell.source, problems, f"{name} cell {i}")
        elif cell.cell_type == "code":
            cell.source = _NBVAL_LINE.sub("", cell.source).strip("\n")
            if slides and _SELF_CHECK.search(cell.source):
                if notes is not None:
                    notes.append(f"{name} cell {i}: a widget's self-check left to the notebook")
                continue
            _strip_widgets(cell)
            if slides:
                _fold_captions(cell)
                gone = without_reprs(cell)
                if gone and notes is not None:
                    notes.append(f"{name} cell {i}: {gone} printed Python value(s) left to the notebook")
            quiz = _QUIZ_CALL.search(cell.source) if slides else None
            if quiz:  # on slides a question per slide: one vote each, and none runs off the slide
                for k in range(quiz_length(quiz[1])):
                    piece = copy.deepcopy(cell)
                    piece["outputs"] = [_quiz_output(quiz[1], only=k)]
                    if k and "id" in piece:
                        piece["id"] = f"{piece['id']}-q{k + 1}"
                    kind = "-" if k == 0 else "subslide"
                    piece.setdefault("metadata", {})["slideshow"] = {"slide_type": kind}
                    if k:
                        chosen.add(id(piece))
                    cells.append(piece)
                continue
        if slides:
            meta = cell.setdefault("metadata", {})
            if "slideshow" in meta:
                chosen.add(id(cell))
            else:
                first = cell.source.lstrip().split("\n", 1)[0] if cell.cell_type == "markdown" else ""
                kind = (
                    "slide"
                    if re.match(r"#{1,2}\s", first)
                    else "subslide"
                    if re.match(r"###\s", first)
                    else "-"
                )
                if cell.cell_type == "code" and not cell.get("outputs"):
                    kind = "skip"
                meta["slideshow"] = {"slide_type": kind}
        cells.append(cell)
    if slides:
        cells = _with_extra_slides(cells, Path(name).stem, chosen)
    out.cells = paginate(cells, chosen) if slides else cells
    return out


_CAPTION = re.compile(r"<figcaption([^>]*)>\s*<b>Figure description:</b>\s*(.*?)</figcaption>", re.S)


def _fold_captions(cell: nbformat.NotebookNode) -> None:
    """On a slide, a figure's long description folded under its summary (a slide has no room)."""
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        html = data.get("text/html")
        if html and "<figcaption" in str(html):
            data["text/html"] = _CAPTION.sub(
                r"<figcaption\1><details><summary>Figure description</summary>\2</details></figcaption>",
                "".join(html) if isinstance(html, list) else html)


#: The decks' own style: a figure never taller than the slide leaves room for (960x700 slides).
SLIDE_STYLE = ("<style>.reveal section img{max-height:460px;width:auto !important;max-width:100%;}"
               # drawn maths sits on the line of text like a word, not as a figure with margins
               ".reveal section img.ck-math{display:inline;vertical-align:middle;margin:0;border:0;"
               "box-shadow:none;background:none;max-height:none;}"
               ".reveal section div.ck-math{text-align:center;margin:0.4em 0;line-height:2;}"
               ".reveal section details{font-size:0.8em;}.reveal section table{font-size:0.75em;}"
               # printed results wrap between words, never mid-word (JupyterLab's break-all)
               ".reveal pre{white-space:pre-wrap;word-break:normal !important;overflow-wrap:break-word;}"
               "</style>")

#: Slides a deck gets beyond its notebook, after the title slide: notebook stem to the files in
#: ``coordkit/templates/decks/`` (Markdown, one slide each).
EXTRA_SLIDES: dict[str, tuple[str, ...]] = {"01_coordination_theory": ("taylor_claim.md",)}
SLIDE_TEMPLATES = ROOT / "coordkit" / "templates" / "decks"


def _with_extra_slides(cells: list[nbformat.NotebookNode], stem: str,
                       chosen: set[int]) -> list[nbformat.NotebookNode]:
    extra = []
    for file in EXTRA_SLIDES.get(stem, ()):
        cell = nbformat.v4.new_markdown_cell((SLIDE_TEMPLATES / file).read_text(encoding="utf-8").strip())
        cell.metadata["slideshow"] = {"slide_type": "slide"}
        chosen.add(id(cell))
        extra.append(cell)
    if not extra:
        return cells
    second = next((k for k, c in enumerate(cells) if k and c.metadata["slideshow"]["slide_type"] == "slide"),
                  len(cells))
    return cells[:second] + extra + cells[second:]


#: Prose that speaks of code or of the notebook's machinery: "run the cell", "in Python", "run the
#: notebook", "a thin wrapper", "calling its update", "a running kernel", or a code span that is
#: Python (a call, an assignment, a dotted or snake_case name; file names and shell commands are not).
_CODE_WORDS = re.compile(r"\b(run (the|this|each|every|a) cells?|the cells? (below|above)|in Python|"
                         r"run the notebook|thin (wrapper|layer)|(its|the explorer's) update|called directly|"
                         r"only calls the library|surfaces? any error|what the explorer computed|"
                         r"(running|restart) kernel|(first|second|third|next) cell( below| above)?|"
                         r"a widget's cell|in code)\b", re.I)
_FILE_SPAN = re.compile(r"^[\w./<>*-]+\.(csv|md|yml|yaml|html|xlsx|ipynb|json|pdf)$|/")
#: A command to type (``python -m ...``, ``./kit ...``, ``coordkit report ...``, ``voila ...``,
#: ``jupyter lab``, ``pip install``, ``git clone`` ...) or a Python file, in a code span or not: code
#: too, on a slide (lecturer reviews 2 and 3, N5), though a paper exercise keeps it.
_COMMAND = re.compile(r"(?<![\w/])(python3? -m\b|\./kit\b|coordkit (report|template|synthetic|codings|codes|"
                      r"forms)\b|voila\b|jupyter[ -](lab|notebook|nbconvert|execute)\b|pip3? install\b|"
                      r"uv (pip|run|sync|venv)\b|git (clone|pull)\b|npm (install|ci)\b)|\b[\w/]+\.py\b")


def _python_span(span: str) -> bool:
    if _FILE_SPAN.search(span) or span.startswith(("coordkit ", "./kit", "python ")):
        return False
    return bool(re.search(r"[(=]|^\.\w|^(ck|coordkit)\.|^[A-Za-z_]\w*(\.\w+)+\??$|^[a-z]+_[a-z_]+$", span))


def _about_code(text: str, commands: bool = False) -> bool:
    return bool(_CODE_WORDS.search(text)) or (commands and bool(_COMMAND.search(text))) or any(
        _python_span(m[2].strip()) for m in _CODE_SPAN.finditer(text))


_PARENTHESIS = re.compile(r"\s*\((?:[^()`]|`[^`]*`)*\)")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z*_\[])")


def _strip_code(text: str, commands: bool = False) -> tuple[str, int]:
    """``text`` without its asides and sentences about code, and how many went."""
    gone = 0

    def aside(match: re.Match[str]) -> str:
        nonlocal gone
        if _about_code(match[0], commands):
            gone += 1
            return ""
        return match[0]

    text = _PARENTHESIS.sub(aside, text)
    marker = re.match(r"\s*([-*+]|\d+\.) ", text)
    prefix, rest = (marker[0], text[marker.end():]) if marker else ("", text)
    sentences = _SENTENCE.split(rest)
    kept = [sentence for sentence in sentences if not _about_code(sentence, commands)]
    gone += len(sentences) - len(kept)
    return (prefix + " ".join(kept)) if kept else "", gone


def without_code(source: str, *, commands: bool = False) -> tuple[str, int]:
    r"""A slide's Markdown without the asides, sentences and table rows that speak of code.

    Headings stay; fenced blocks are kept whole; a list item or paragraph left empty goes.
    With ``commands`` (the slides), a command to type (``python -m ...``, ``./kit ...``,
    ``coordkit report ...``) is code too; without it (a paper exercise) such commands and file
    names stay. Returns the text and how many passages went.

    Examples
    --------
    >>> without_code("## Profiles\n\nFour strengths (`ck.Profile`).\n\nIn Python: `ck.Profile(...)`.")
    ('## Profiles\n\nFour strengths.', 2)
    >>> without_code("* Save it as `answers.csv`.\n* Then call `survey.analyse`.")
    ('* Save it as `answers.csv`.', 1)
    >>> without_code("Ten questions. (Lecturers: they export with `python -m coordkit.exercises.lms`.)",
    ...              commands=True)
    ('Ten questions.', 1)
    """
    kept: list[str] = []
    dropped = 0
    if commands:  # a maintainers' comment is never shown, and names tools: it goes without a count
        source = re.sub(r"[ \t]*<!--.*?-->[ \t]*\n?", "", source, flags=re.S)
    for block in re.split(r"\n\s*\n", source):
        if "```" in block:
            kept.append(block)
            continue
        lines = block.split("\n")
        head = [line for line in lines[:1] if line.lstrip().startswith("#")]
        body = lines[len(head):]
        if head and _CODE_WORDS.search(head[0]):  # a heading stays, without its words about code
            head = [re.sub(r",?\s*" + _CODE_WORDS.pattern, "", head[0], flags=re.I)]
            dropped += 1
        if body and body[0].lstrip().startswith("|"):  # a table: drop its rows about code
            rows = [row for row in body if not _about_code(row, commands)]
            dropped += len(body) - len(rows)
            parts = [*head, *rows] if len(rows) > 2 else head
        else:
            items = re.split(r"\n(?=[-*+] |\d+\. )", "\n".join(body)) if body else []
            parts = list(head)
            for item in items:
                if not _about_code(item, commands):
                    parts.append(item)
                    continue
                stripped, gone = _strip_code(item, commands)
                dropped += gone
                if stripped.strip() and not re.fullmatch(r"\s*([-*+]|\d+\.)\s*", stripped):
                    parts.append(stripped)
        if parts:
            kept.append("\n".join(parts))
        elif head or body:
            kept.append("")  # a cut block: marks a heading above it that may be left empty
    return "\n\n".join(_without_empty_headings(kept)), dropped


def _level(block: str) -> int:
    match = re.match(r"(#+)\s", block)
    return len(match[1]) if match and "\n" not in block.strip() else 0


def _without_empty_headings(blocks: list[str]) -> list[str]:
    """Blocks without a heading whose whole section was cut (a heading over nothing is a blank slide)."""
    out: list[str] = []
    for k, block in enumerate(blocks):
        if not block:
            continue
        level, rest = _level(block), blocks[k + 1:]
        nxt = next((b for b in rest if b), None)
        cut = bool(rest) and rest[0] == ""
        if level and cut and (nxt is None or 0 < _level(nxt) <= level):
            continue
        out.append(block)
    return out


#: About how much one slide holds: words of prose, a figure counting as :data:`FIGURE_WORDS`.
SLIDE_WORDS = 100
FIGURE_WORDS = 100
#: The room a heading takes on a slide, in words.
HEADING_WORDS = 10
#: A table (or printed text) longer than this many rows is left off the slides, with a note.
LONG_TABLE_ROWS = 12
_LONG_TABLE_NOTE = ('<p class="ck-widget-note">A table of {rows} rows is here in the notebook and '
                    "the handout (too long for a slide).</p>")


def _trim_long_tables(cell: nbformat.NotebookNode) -> None:
    """Replace any output longer than :data:`LONG_TABLE_ROWS` rows with a one-line note."""
    outputs = []
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        html = data.get("text/html", "")
        text = output.get("text", "") if output.get("output_type") == "stream" else (
            "" if html or "image/png" in data else data.get("text/plain", ""))
        rows = max(str(html).count("<tr"), len(str(text).splitlines()))
        if "<img" not in str(html) and rows > LONG_TABLE_ROWS:
            note = _LONG_TABLE_NOTE.format(rows=rows)
            outputs.append(nbformat.v4.new_output("display_data", data={"text/html": note,
                                                                        "text/plain": note}))
        else:
            outputs.append(output)
    cell["outputs"] = outputs


def _weight(cell: nbformat.NotebookNode) -> int:
    """How much of a slide a cell fills (see :data:`SLIDE_WORDS`).

    Words, plus the room headings (:data:`HEADING_WORDS` each) and line breaks (two words each)
    take; a figure counts :data:`FIGURE_WORDS`, a table row eight words, printed text its words or
    eight a line, whichever is more. Text folded in ``<details>`` takes no room.
    """
    if cell.cell_type == "markdown":
        lines = [line for line in cell.source.splitlines() if line.strip()]
        headings = sum(line.lstrip().startswith("#") for line in lines)
        return len(re.sub(r"<[^>]+>", " ", cell.source).split()) + HEADING_WORDS * headings + 2 * len(lines)
    weight = 0
    for output in cell.get("outputs", []):
        html = str(output.get("data", {}).get("text/html", ""))
        html = re.sub(r"<style.*?</style>|<script.*?</script>", " ", html, flags=re.S)
        rows = 8 * html.count("<tr")
        # a table of long text cells is as tall as its words, wrapped, not as its rows
        table_words = len(re.sub(r"<[^>]+>", " ", html).split()) if "<table" in html else 0
        # the text shown outside tables (not what a fold hides) fills the slide too
        shown = re.sub(r"<details.*?</details>|<table.*?</table>", " ", html, flags=re.S)
        text_words = len(re.sub(r"<[^>]+>", " ", shown).split())
        weight += FIGURE_WORDS * html.count("<img") + max(rows, table_words) + text_words
        text = str(output.get("text", ""))
        weight += max(8 * len(text.splitlines()), len(text.split()))
    return weight


def _split_markdown(source: str) -> list[str]:
    """Paragraph-sized pieces of a long Markdown cell, each at most about :data:`SLIDE_WORDS` words.

    Splits at a blank line followed by unindented text outside a code fence, or between the
    top-level items of a long list (a list longer than a slide would overflow it), so tables,
    fenced code and each list item stay whole.
    """
    blocks: list[tuple[str, str]] = []  # (separator before it, text)
    for block in re.split(r"\n\s*\n", source):
        if re.match(r"[-*+] |\d+\. ", block) and "```" not in block:
            items = re.split(r"\n(?=[-*+] |\d+\. )", block)
            blocks += [("\n\n" if k == 0 else "\n", item) for k, item in enumerate(items)]
        else:
            blocks.append(("\n\n", block))
    pieces: list[str] = []
    current = ""
    words = 0
    fenced = False
    for separator, block in blocks:
        if block.count("```") % 2:
            fenced = not fenced
        lines = [line for line in block.splitlines() if line.strip()]
        size = (len(block.split()) + 2 * len(lines)
                + HEADING_WORDS * sum(line.lstrip().startswith("#") for line in lines))  # as _weight
        item = bool(re.match(r"[-*+] |\d+\. ", block))
        joinable = block[:1] not in (" ", "\t", "") and not block.startswith("|") and (
            item or not re.match(r"\s*(\||[-*+] |\d+\. )", block))
        if current and words + size > SLIDE_WORDS and joinable and not fenced:
            pieces.append(current)
            current, words = "", 0
        current = f"{current}{separator}{block}" if current else block
        words += size
    pieces.append(current)
    return pieces


def _split_printed(cell: nbformat.NotebookNode, kind: str) -> list[nbformat.NotebookNode]:
    """A long code cell's outputs as slide-sized pieces.

    One output (a figure, a table, printed text) per piece when there are several, and long
    printed text split at lines.
    """
    outputs = cell.get("outputs", [])
    if len(outputs) > 1:
        pieces = []
        for n, output in enumerate(outputs):
            one = copy.deepcopy(cell)
            one["outputs"] = [copy.deepcopy(output)]
            one.metadata["slideshow"] = {"slide_type": kind if n == 0 else "subslide"}
            if n and "id" in one:
                one["id"] = f"{one['id']}-o{n + 1}"
            pieces.extend(_split_printed(one, one.metadata["slideshow"]["slide_type"])
                          if _weight(one) > SLIDE_WORDS else [one])
        return pieces
    if len(outputs) != 1 or outputs[0].get("output_type") != "stream":
        return [cell]
    chunks: list[list[str]] = [[]]
    for line in str(outputs[0].get("text", "")).splitlines(keepends=True):
        lines = [*chunks[-1], line]
        if chunks[-1] and max(8 * len(lines), len("".join(lines).split())) > SLIDE_WORDS:
            chunks.append([line])
        else:
            chunks[-1] = lines
    pieces = []
    for n, chunk in enumerate(chunks):
        piece = copy.deepcopy(cell)
        piece["outputs"][0]["text"] = "".join(chunk)
        piece.metadata["slideshow"] = {"slide_type": kind if n == 0 else "subslide"}
        if n and "id" in piece:
            piece["id"] = f"{piece['id']}-{n + 1}"
        pieces.append(piece)
    return pieces


def paginate(cells: list[nbformat.NotebookNode], chosen: set[int]) -> list[nbformat.NotebookNode]:
    """Break slides that would overflow: long prose and figures go on vertical sub-slides.

    A cell whose own ``slideshow`` metadata is in ``chosen`` (by ``id``) keeps its slide type; any
    other cell starts a new sub-slide when the current slide already holds about
    :data:`SLIDE_WORDS` words; a long Markdown cell is split at paragraphs; long tables are left
    off (:func:`_trim_long_tables`).
    """
    out: list[nbformat.NotebookNode] = []
    filled = 0
    for cell in cells:
        kind = cell.metadata["slideshow"]["slide_type"]
        if kind == "skip":
            out.append(cell)
            continue
        if cell.cell_type == "code":
            _trim_long_tables(cell)
        pieces = [cell]
        if cell.cell_type == "code" and _weight(cell) > SLIDE_WORDS:
            pieces = _split_printed(cell, kind)
        if cell.cell_type == "markdown" and id(cell) not in chosen and _weight(cell) > SLIDE_WORDS:
            pieces = []
            for n, text in enumerate(_split_markdown(cell.source)):
                piece = copy.deepcopy(cell)
                piece.source = text
                piece.metadata["slideshow"] = {"slide_type": kind if n == 0 else "subslide"}
                pieces.append(piece)
        for piece in pieces:
            kind = piece.metadata["slideshow"]["slide_type"]
            weight = _weight(piece)
            if kind == "-" and id(cell) not in chosen and filled and filled + weight > SLIDE_WORDS:
                piece.metadata["slideshow"] = {"slide_type": "subslide"}
                filled = 0
            elif kind in ("slide", "subslide"):
                filled = 0
            filled += weight
            out.append(piece)
    return out


def _exporter(kind: str) -> object:
    from nbconvert import HTMLExporter, SlidesExporter

    if kind == "slides":
        exporter = SlidesExporter()
        exporter.reveal_theme = "simple"
        exporter.reveal_scroll = True
    else:
        # the kit's handout template (coordkit/templates/nbconvert/handout): lab's page plus
        # underlined links, figures that fit the page and print rules
        exporter = HTMLExporter(template_name="handout",
                                extra_template_basedirs=[str(ROOT / "coordkit" / "templates" / "nbconvert")])
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    return exporter


def _npm_assets(folder: Path) -> dict[str, str] | None:
    """Copy reveal.js, require.js and jQuery beside the decks (installing them from npm once).

    Returns the relative URLs to give the exporter, or None when npm cannot provide them.
    """
    modules = CACHE / "npm" / "node_modules"
    wanted = {
        "reveal.js": modules / "reveal.js" / "dist" / "reveal.js",
        "requirejs": modules / "requirejs" / "require.js",
        "jquery": modules / "jquery" / "dist" / "jquery.min.js",
    }
    if not all(path.exists() for path in wanted.values()):
        npm = shutil.which("npm")
        if not npm:
            return None
        specs = [f"{name}@{version}" for name, version in NPM_PACKAGES.items()]
        result = subprocess.run(
            [npm, "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(CACHE / "npm"), *specs],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not all(path.exists() for path in wanted.values()):
            return None
    target = folder / "assets"
    for part in ("dist", "plugin"):
        if not (target / "reveal.js" / part).exists():
            shutil.copytree(modules / "reveal.js" / part, target / "reveal.js" / part)
    for sheet in (target / "reveal.js" / "dist" / "theme").glob("*.css"):  # no web fonts
        text = sheet.read_text(encoding="utf-8")
        if _FONT_IMPORT.search(text):
            sheet.write_text(_FONT_IMPORT.sub("", text), encoding="utf-8")
    shutil.copy2(wanted["requirejs"], target / "require.js")
    shutil.copy2(wanted["jquery"], target / "jquery.min.js")
    return {
        "reveal_url_prefix": "assets/reveal.js",
        "require_js_url": "assets/require.js",
        "jquery_url": "assets/jquery.min.js",
    }


_MATHJAX_BLOCK = re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S)
#: nbconvert's scripts that fetch from a CDN when the page opens: mermaid (diagrams; the kit's
#: notebooks have none, and a build that finds one says so) and, in handouts, require.js (for
#: live widgets, which a handout replaces with a note).
_MERMAID_SCRIPT = re.compile(
    r"<script type=\"module\">(?:(?!</script>).)*?mermaid(?:(?!</script>).)*</script>", re.S)
_CDN_REQUIRE = re.compile(r"<script src=\"https?://[^\"]*require[^\"]*\"></script>")
#: A web font fetched by a reveal.js theme (the decks use the theme's fallback fonts instead).
_FONT_IMPORT = re.compile(r"@import\s+url\(\s*[\"']?https?://[^)]*\)\s*;?")


def offline(body: str) -> str:
    """A page without nbconvert's CDN scripts (maths is drawn already; see :data:`_MERMAID_SCRIPT`).

    Examples
    --------
    >>> page = ('<script type="module">import m from "https://cdn/mermaid.mjs";</script>'
    ...         '<script src="https://cdn/require.min.js"></script><p>kept</p>')
    >>> offline(page)
    '<p>kept</p>'
    """
    body = _MATHJAX_BLOCK.sub("", body)  # maths is already drawn; never fetch a script for it
    body = body.replace("if(MathJax.Hub.getAllJax(", "if(window.MathJax && MathJax.Hub.getAllJax(")
    return _CDN_REQUIRE.sub("", _MERMAID_SCRIPT.sub("", body))


def _has_mermaid(nb: nbformat.NotebookNode) -> bool:
    for cell in nb.cells:
        if cell.cell_type == "markdown" and "```mermaid" in cell.source:
            return True
        if any("text/vnd.mermaid" in output.get("data", {}) for output in cell.get("outputs", [])):
            return True
    return False


def _title(nb: nbformat.NotebookNode, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = re.search(r"^#\s+(.+)$", cell.source, re.M)
            if match:
                return re.sub(r"[*_`]", "", match[1]).strip()
    return fallback


def build(
    kind: str, notebooks: Sequence[Path], out: Path, *, pdf: bool = False, notes: list[str] | None = None
) -> tuple[list[Path], list[str]]:
    """Export ``notebooks`` as handouts or slides into ``out``; the files written and any problems.

    With ``pdf``, each page is printed to PDF by Chromium too (a deck as a page per slide); what
    the slides leave out (prose about code) is listed in ``notes``.

    Raises :class:`PublishError` (before writing anything) if two notebooks would write the same
    file or ``out`` cannot be written into.
    """
    check_targets([(str(path), target_name(path, kind)) for path in notebooks])
    prepare_output(out)
    exporter = _exporter(kind)
    problems: list[str] = []
    if kind == "slides":
        assets = _npm_assets(out)
        if assets is None:
            problems.append(
                "reveal.js could not be installed from npm: the decks load it from a CDN "
                "and need the internet when shown"
            )
        else:
            for trait, url in assets.items():
                setattr(exporter, trait, url)
    written: list[Path] = []
    for path in notebooks:
        paper = path.parent / "src" / f"{path.stem}.py"  # an exercise: its paper version, from its source
        nb = (paper_exercise(paper) if kind == "handouts" and path.parent.name == "exercises"
              and paper.is_file() else nbformat.read(path, as_version=4))
        ready = prepare(nb, path.name, problems, slides=kind == "slides", notes=notes)
        body, _ = exporter.from_notebook_node(ready, resources={"metadata": {"name": _title(nb, path.stem)}})
        body = offline(body)
        if kind == "slides":
            body = body.replace("</head>", SLIDE_STYLE + "</head>", 1)
        if _has_mermaid(nb):
            problems.append(f"{path.name}: a mermaid diagram is shown as its text (the pages load "
                            "no script from the web)")
        target = out / target_name(path, kind)
        target.write_text(body, encoding="utf-8")
        written.append(target)
        if pdf:
            written.append(print_pdf(target, problems, slides=kind == "slides"))
    return written, problems


#: The printable sheets every set of handouts includes: file stem and what makes its page. The
#: questionnaire's key is its own file, so the copies handed out never carry it.
SHEETS: dict[str, str] = {
    "questionnaire": "the questionnaire, to answer on paper before the session",
    "questionnaire_key": "the lecturer's key to the questionnaire (item codes, modes, keying), "
                         "not for respondents",
    "coding_sheet": "the coding sheet, to code the NHS reforms on paper",
    "coding_sheet_four": "the coding sheet of the session plans' four reforms (one page per table)",
    "quiz_key": "the lecturer's key to every chapter's quiz (the handouts and slides print the "
                "questions without answers)",
    "clumsiness_worksheet": "the clumsiness audit worksheet of chapter 8's workshop (one per table), from "
                            "docs/clumsiness_worksheet.md",
}
#: A worksheet on paper: room to write in its blank table cells, and type a little smaller than a handout's.
WORKSHEET_STYLE = ("<style>.jp-RenderedHTMLCommon td:empty{height:9mm;}"
                   ".jp-RenderedHTMLCommon td,.jp-RenderedHTMLCommon th{border:1px solid #888888;}"
                   "@media print{body{font-size:10pt;}.jp-RenderedHTMLCommon table{font-size:8.5pt;}"
                   ".jp-RenderedHTMLCommon td:empty{height:9mm;}}</style>")


def worksheet_html(source: Path = ROOT / "docs" / "clumsiness_worksheet.md") -> str:
    """A Markdown worksheet in ``docs/`` as a printable page, laid out like the handouts.

    Links to other Markdown files become plain text (the page travels alone); blank table cells get
    room to write in (:data:`WORKSHEET_STYLE`).
    """
    text = re.sub(r"\[([^\]]+)\]\([^)\s]*\.md(?:#[^)]*)?\)", r"\1", source.read_text(encoding="utf-8"))
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(text)]
    ready = prepare(nb, source.name, [])
    body, _ = _exporter("handouts").from_notebook_node(
        ready, resources={"metadata": {"name": _title(nb, source.stem)}})
    return offline(body).replace("</head>", WORKSHEET_STYLE + "</head>", 1)


def sheet_html(name: str) -> str:
    """The page of one of :data:`SHEETS` (a self-contained HTML document, no code, no scripts)."""
    if name == "questionnaire":
        from coordkit.survey import printable_questionnaire

        return printable_questionnaire(part="questionnaire")
    if name == "questionnaire_key":
        from coordkit.survey import printable_questionnaire

        return printable_questionnaire(part="key")
    if name == "coding_sheet":
        from coordkit.codings import coding_sheet_html

        return coding_sheet_html()
    if name == "coding_sheet_four":
        from coordkit.codings import SESSION_SET, coding_sheet_html

        return coding_sheet_html(reform_ids=SESSION_SET, title="Code four NHS reforms: how hard did each "
                                 "push each way of coordinating?")
    if name == "clumsiness_worksheet":
        return worksheet_html()
    if name == "quiz_key":
        from coordkit.exercises import quiz as quizzes
        from coordkit.html import escape

        parts = [f"<h2>{escape(quizzes.load(c).title)} ({escape(c)})</h2>{quiz_html(c, key=True)}"
                 for c in quizzes.chapters()]
        return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Quiz key</title>'
                "<style>body{font-family:system-ui,sans-serif;max-width:50em;margin:1em auto;"
                "color:#222222}@page{size:A4;margin:15mm}</style></head><body>"
                "<h1>Key to the chapter quizzes (for the lecturer)</h1>" + "".join(parts) + "</body></html>")
    raise ValueError(f"no sheet {name!r}; sheets are: {', '.join(SHEETS)}")


def build_sheets(out: Path, *, pdf: bool = False) -> tuple[list[Path], list[str]]:
    """Write the printable questionnaire, its key and the coding sheet into ``out`` (and PDFs)."""
    prepare_output(out)
    written: list[Path] = []
    problems: list[str] = []
    for name in SHEETS:
        target = out / f"{name}.html"
        target.write_text(sheet_html(name), encoding="utf-8")
        written.append(target)
        if pdf:
            written.append(print_pdf(target, problems))
    return written, problems


def build_summaries(out: Path, *, pdf: bool = False) -> tuple[list[Path], list[str]]:
    """Copy the chapter summaries (``docs/summaries``) into ``out/summaries``; with ``pdf``, print each."""
    folder = out / "summaries"
    prepare_output(folder)
    source = ROOT / "docs" / "summaries"
    shutil.copy2(source / "summary.css", folder / "summary.css")
    written: list[Path] = []
    problems: list[str] = []
    for page in sorted(source.glob("*.html")):
        target = folder / page.name
        shutil.copy2(page, target)
        written.append(target)
        if pdf:
            written.append(print_pdf(target, problems))
    return written, problems


def chromium() -> str | None:
    """The Chromium executable, if there is one."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def print_pdf(html: Path, problems: list[str], *, slides: bool = False) -> Path:
    """Print an HTML file to PDF with headless Chromium; the PDF's path.

    A reveal.js deck (``slides``) is opened in reveal.js's print view (``?print-pdf``): a page per
    slide, named ``NAME.slides.pdf``.
    """
    target = html.with_suffix(".pdf")
    browser = chromium()
    if browser is not None and slides:
        return _print_deck_pdf(browser, html, target, problems)
    if browser is None:
        problems.append(
            f"{html.name}: no Chromium found, so no PDF (install chromium, or print the HTML "
            "from any browser)"
        )
        return target
    # a throwaway profile in the system's temp folder, removed afterwards: nothing in the repo
    with tempfile.TemporaryDirectory(prefix="coordkit-chromium-") as profile:
        return _print_pdf(browser, html, target, Path(profile), problems)


def _print_deck_pdf(browser: str, html: Path, target: Path, problems: list[str]) -> Path:
    """Print a deck in reveal.js's print view, a page per slide, once reveal.js has laid it out.

    Chromium's ``--print-to-pdf`` prints before reveal.js (loaded by require.js) has made the
    pages, so this drives the same Chromium with Playwright (``./kit slides --pdf`` installs it).
    """
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        problems.append(f"{html.name}: no PDF: printing a deck needs Playwright (./kit slides --pdf "
                        "installs it), or print the deck from a browser with ?print-pdf after its address")
        return target
    try:
        with sync_playwright() as p:
            chrome = p.chromium.launch(executable_path=browser, args=["--no-sandbox"])
            try:
                page = chrome.new_page()
                page.goto(html.resolve().as_uri() + "?print-pdf", wait_until="domcontentloaded")
                page.wait_for_selector(".reveal.ready", state="attached", timeout=60_000)
                page.wait_for_function("document.querySelectorAll('.pdf-page').length > 0", timeout=60_000)
                page.pdf(path=str(target), prefer_css_page_size=True, print_background=True)
            finally:
                chrome.close()
    except PlaywrightError as error:
        problems.append(f"{html.name}: Chromium could not print a PDF ({str(error).strip()[-200:]})")
    return target


def _print_pdf(browser: str, html: Path, target: Path, profile: Path, problems: list[str]) -> Path:
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={target}",
        html.resolve().as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    if result.returncode != 0 or not target.exists():
        problems.append(f"{html.name}: Chromium could not print a PDF ({result.stderr.strip()[-200:]})")
    return target


def default_notebooks() -> list[Path]:
    """Every chapter notebook and every student exercise notebook."""
    return sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "exercises").glob("*.ipynb"))


def main(argv: Sequence[str] | None = None) -> int:
    """Command line."""
    parser = argparse.ArgumentParser(prog="tools/publish.py", description=__doc__.split("\n", 1)[0])
    parser.add_argument("kind", choices=["handouts", "slides"])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("-o", "--output", type=Path)
    parser.add_argument("--pdf", action="store_true",
                        help="also print each handout, or each deck (a page per slide), to PDF (Chromium)")
    args = parser.parse_args(argv)
    notebooks = args.notebooks or (
        default_notebooks() if args.kind == "handouts" else sorted((ROOT / "notebooks").glob("*.ipynb"))
    )
    out = args.output or ROOT / args.kind
    try:
        missing = [str(path) for path in notebooks if not path.is_file()]
        if missing:
            raise PublishError(f"no such notebook: {', '.join(missing)}")
        sheets = [(f"the {name} sheet", f"{name}.html") for name in SHEETS] if args.kind == "handouts" else []
        check_targets([(str(path), target_name(path, args.kind)) for path in notebooks] + sheets)
        notes: list[str] = []
        written, problems = build(args.kind, notebooks, out, pdf=args.pdf, notes=notes)
        if args.kind == "handouts":  # the paper round: questionnaire, keys, coding sheets, worksheet
            sheet_files, sheet_problems = build_sheets(out, pdf=args.pdf)
            summaries, summary_problems = build_summaries(out, pdf=args.pdf)
            written = written + sheet_files + summaries
            problems = problems + sheet_problems + summary_problems
    except PublishError as error:
        print(f"[kit] {args.kind} not built: {error}", file=sys.stderr)
        return 2
    for path in written:
        shown = path.relative_to(out.parent) if path.is_relative_to(out.parent) else path
        print(f"[kit] {args.kind[:-1]}: {shown}")
    for note in notes:
        print(f"[kit] note: {note}")
    for problem in problems:
        print(f"[kit] warning: {problem}", file=sys.stderr)
    print(json.dumps({"written": len(written), "warnings": len(problems)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
