"""Write the start page's route table from each chapter's ``metadata.coordkit.route``.

Every chapter notebook records its times in its metadata, ``{"coordkit": {"route": {"core": N, "full": M}}}``
(and states them in its first cell). The start page (``notebooks/00_start_here.ipynb``) repeats them in one
table, one row per chapter on the student route with both times and the totals. Chapters are edited in
parallel, so the table is generated, never typed: this script rewrites the part of the start page between
the two markers below from the notebooks' metadata. The table is for learners, so it carries no note for
maintainers: a chapter without route metadata is an error naming the notebook (exit 2), never a row of
planned times with a caveat that goes stale.

Usage, from the repository root::

    python tools/route.py            # rewrite the table in the start page
    python tools/route.py --check    # exit 1 if the table is out of date (writes nothing)
    python tools/route.py --words    # words of prose per chapter on each route (the test's count)
    python tools/route.py --estimate # an honest estimate of each chapter's core minutes (the test's rule)

The word count is the rule of ``tests/test_notebook_route.py``: prose in ``*(core)*`` sections plus the
opening for the core route, all prose but the references for the full route, at most 100 words per minute.

The estimate (``--estimate``, :func:`estimate`) counts what a learner reads, looks at and does on the core
route: prose at 150 words a minute, the text a core cell prints (tables, results, a figure's long
description) at 250, two minutes for each figure, half a minute for each code cell (read it, run it), three
quarters of a minute for each quiz question, two minutes for each explorer (each call that builds one: a
kit widget, any class of ``coordkit/widgets`` built on ``Explorer``, or an ipywidgets ``interact`` /
``interactive`` call or ``@interact`` decorator, like the start page's slider) and for each core *Things to
notice* / *Things to try*, and the minutes of any activity the
chapter puts on the core route (its metadata ``coordkit.route.activities``, e.g.
``{"fill in the questionnaire": 10}``). A chapter's stated core time must cover it. The weights are the
kit's, calibrated on the student review of 2026-12-02 (``reviews/student.md``, "Time per chapter"): on the
notebooks that review read (aa7cdb6) the estimate gives each chapter's minutes within 2 of the review's
(0: 9 vs 8, 1: 16 vs 18, 2: 15 vs 16, 3: 30 vs 30, 4: 18 vs 18, 5: 25 vs 25, 6: 15 vs 16, 8: 17 vs 15).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START = "00_start_here.ipynb"
BEGIN = "<!-- route table: written by tools/route.py from each notebook's metadata; do not edit by hand -->"
END = "<!-- end of route table -->"
#: Chapter 7 is the lecturer's class report: listed, but not on the student route. Its time, used when
#: its notebook records none (it needs no core route of its own).
OFF_ROUTE: dict[str, tuple[int, int]] = {"07": (30, 30)}
#: What each chapter asks of a learner: the start page's words (the titles come from the notebooks).
DOING: dict[str, str] = {
    "01": "The four modes, profiles, configurations and the balance index",
    "02": "The kit's questionnaire and a worked example; going further, fill it in",
    "03": "What New Public Management tried and left; recode a reform yourself",
    "04": "Move policy levers, from 1948 to the 10 Year Health Plan",
    "05": "A toy model: a monoculture settles; with surprise, the modes take turns",
    "06": "An agent-based model: an evenly mixed nation of monoculture teams",
    "07": "For lecturers: pool a class's questionnaires into a private report",
    "08": "Hood's control types and hybrids, the five voices, a clumsiness audit of NHS reforms",
}
_PROSE_DROP = (r"```.*?```", r"`[^`]*`", r"\$\$.*?\$\$", r"\$[^$\n]*\$", r"\]\([^)]*\)", r"https?://\S+",
               r"\bdoi:\S+", r"<[^>]+>")
CORE, FURTHER = "*(core)*", "*(going further)*"


@dataclass(frozen=True)
class Chapter:
    """One notebook's place on the route."""

    number: str
    file: str
    title: str
    core: int
    full: int

    @property
    def on_route(self) -> bool:
        """Whether the chapter is on the student route (chapter 7, the lecturer's, is not)."""
        return self.number not in OFF_ROUTE


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _source(cell: dict) -> str:
    return "".join(cell["source"])


def _title(nb: dict) -> str:
    first = next((_source(c) for c in nb["cells"] if c["cell_type"] == "markdown"), "")
    heading = next((line[2:] for line in first.splitlines() if line.startswith("# ")), "")
    return re.sub(r"^\d+\.\s*", "", heading).split(":")[0].strip()


def _times(path: Path, nb: dict) -> tuple[int, int]:
    route = nb["metadata"].get("coordkit", {}).get("route")
    if not route and path.name[:2] in OFF_ROUTE:
        return OFF_ROUTE[path.name[:2]]
    if not route or not {"core", "full"} <= set(route):
        raise ValueError(f"{path.name}: no metadata.coordkit.route with core and full minutes; add them (and "
                         "the **Time:** line of its first cell) before the start page can list it")
    return int(route["core"]), int(route["full"])


def chapters(folder: Path = ROOT / "notebooks") -> list[Chapter]:
    """Every chapter notebook (not the start page), with its times from its metadata.

    Raises
    ------
    ValueError
        If a notebook has no route metadata.
    """
    found = []
    for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        number = path.name[:2]
        if path.name == START:
            continue
        nb = _load(path)
        found.append(Chapter(number, path.name, _title(nb), *_times(path, nb)))
    return found


def start_route(folder: Path = ROOT / "notebooks") -> tuple[int, int]:
    """The start page's own (core, full) minutes."""
    return _times(folder / START, _load(folder / START))


def table(folder: Path = ROOT / "notebooks") -> str:
    """The route table (markdown) with the totals line beneath it."""
    own_core, own_full = start_route(folder)
    rows = ["| # | Chapter | What you will do | Core route | Full route |", "|---|---|---|---|---|",
            f"| 0 | Start here (this page) | Find your way around; try a widget | {own_core} min | "
            f"{own_full} min |"]
    core, full = own_core, own_full
    for ch in chapters(folder):
        link = f"[{ch.title}]({ch.file})"
        if ch.on_route:
            core, full = core + ch.core, full + ch.full
            rows.append(f"| {int(ch.number)} | {link} | {DOING.get(ch.number, '')} | {ch.core} min | "
                        f"{ch.full} min |")
        else:
            rows.append(f"| {int(ch.number)} | {link} | {DOING.get(ch.number, '')} | not on the route | "
                        f"{ch.full} min |")
    return "\n".join(rows) + (
        f"\n\n**The core route takes about {core} minutes** (two hours at most); **the full route about "
        f"{full} minutes**, plus the exercises.")


def rewrite(markdown: str, new_table: str) -> str:
    """Replace the text between the markers in ``markdown`` with ``new_table``.

    Raises
    ------
    ValueError
        If the markers are missing.
    """
    start, end = markdown.find(BEGIN), markdown.find(END)
    if start < 0 or end < start:
        raise ValueError(f"{START}: no route table markers ({BEGIN!r} ... {END!r}) in any markdown cell")
    return markdown[:start + len(BEGIN)] + "\n" + new_table + "\n" + markdown[end:]


def update(folder: Path = ROOT / "notebooks", check: bool = False) -> bool:
    """Rewrite the start page's table; return True if it was (or, with ``check``, would be) changed."""
    path = folder / START
    nb = _load(path)
    new = table(folder)
    for cell in nb["cells"]:
        text = _source(cell)
        if cell["cell_type"] == "markdown" and BEGIN in text:
            updated = rewrite(text, new)
            if updated == text:
                return False
            if not check:
                cell["source"] = updated.splitlines(keepends=True)
                path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
            return True
    raise ValueError(f"{path.name}: no markdown cell holds the route table markers")


def words(path: Path) -> tuple[int, int]:
    """Words of prose on the core route and in all (the rule of tests/test_notebook_route.py)."""
    sections: list[list] = [["(opening)", 0]]
    for cell in _load(path)["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        for line in _source(cell).splitlines():
            if line.startswith("## "):
                sections.append([line[3:].strip(), 0])
                continue
            for pattern in _PROSE_DROP:
                line = re.sub(pattern, " ", line, flags=re.S)
            sections[-1][1] += len(line.split())
    opening = sections[0][1]
    core = opening + sum(n for h, n in sections[1:] if h.endswith(CORE))
    full = opening + sum(n for h, n in sections[1:] if not h.startswith("References"))
    return core, full


#: The estimate's weights (see the module docstring): words a minute for prose and for printed output, and
#: minutes for a figure, a code cell, a quiz question, an explorer and a core *Things to notice*.
PROSE_WPM, OUTPUT_WPM = 150, 250
MINUTES_PER_FIGURE, MINUTES_PER_CELL, MINUTES_PER_QUESTION, MINUTES_PER_WIDGET = 2.0, 0.5, 0.75, 2.0
_QUIZ_CALL = re.compile(r"""show\(\s*["']ch(\d\d)["']\s*\)""")
_NOTICE = re.compile(r"^#{2,4} Things to (notice|try)\b")
#: ipywidgets' own explorers: ``interact(f, ...)``, ``interactive(f, ...)``, ``interact_manual(...)`` and the
#: ``@interact`` decorator (with or without arguments).
_INTERACT = r"\binteract(?:ive|_manual)?\s*\(|@\s*(?:\w+\.)*interact(?:_manual)?\b(?!\s*\()"
_OUTPUT_DROP = (r"<style.*?</style>", r"<script.*?</script>", r"<img[^>]*>", r"<[^>]+>")


def _widget_call() -> re.Pattern[str]:
    """Calls that put an explorer on the page.

    The kit's widget classes (read from ``coordkit/widgets``, so a new one counts without a change here) and
    ipywidgets' ``interact`` family.
    """
    sources = [path.read_text(encoding="utf-8") for path in (ROOT / "coordkit" / "widgets").glob("*.py")]
    names = {"Explorer"} | {m[1] for text in sources for m in re.finditer(r"^class (\w+)\(Explorer\)", text,
                                                                           flags=re.M)}
    kit = r"\b(?:\w*Explorer|" + "|".join(sorted(re.escape(n) for n in names)) + r")\s*\("
    return re.compile(f"{kit}|{_INTERACT}")


_WIDGET_CALL = _widget_call()


def widgets_built(code: str) -> int:
    r"""How many explorers a code cell builds (the estimate's two minutes each).

    Examples
    --------
    >>> widgets_built('widgets.interact(diagnose, individualism=widgets.FloatSlider(value=0.25))')
    1
    >>> widgets_built("a = ScenarioExplorer('x')\nb = CodingForm()\nexplorer.update()")
    2
    >>> widgets_built("@interact(x=(0, 1))\ndef f(x):\n    return x\n\n@widgets.interact\ndef g(y=1): pass")
    2
    >>> widgets_built("from coordkit.widgets.scenarios import CeilingExplorer, ScenarioExplorer")
    0
    """
    return len(_WIDGET_CALL.findall(code))


@dataclass(frozen=True)
class Estimate:
    """What a learner does on a chapter's core route, and the minutes it takes by the kit's rule of thumb."""

    words: int
    cells: int
    questions: int
    activities: float
    output_words: int = 0
    figures: int = 0
    widgets: int = 0

    @property
    def minutes(self) -> float:
        """Reading prose and output, looking at figures, running cells, the quiz, explorers and activities."""
        return (self.words / PROSE_WPM + self.output_words / OUTPUT_WPM + MINUTES_PER_FIGURE * self.figures
                + MINUTES_PER_CELL * self.cells + MINUTES_PER_QUESTION * self.questions
                + MINUTES_PER_WIDGET * self.widgets + self.activities)


def _quiz_questions(chapter: str) -> int:
    import yaml

    path = ROOT / "coordkit" / "exercises" / "quizzes" / f"ch{chapter}.yml"
    return len(yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]) if path.exists() else 0


def _output_text(output: dict) -> str:
    if output["output_type"] == "stream":
        text = output.get("text", "")
    else:
        data = output.get("data", {})
        text = data.get("text/html", data.get("text/plain", ""))
    return "".join(text) if isinstance(text, list) else text


def _figures_and_words(cell: dict) -> tuple[int, int]:
    """A code cell's figures (``<img>`` in its output) and the words of the text it prints."""
    figures, count = 0, 0
    for output in cell.get("outputs", []):
        text = _output_text(output)
        figures += text.count("<img")
        for pattern in _OUTPUT_DROP:
            text = re.sub(pattern, " ", text, flags=re.S)
        count += len(text.split())
    return figures, count


def estimate(path: Path) -> Estimate:
    """One notebook's core route: prose and output words, figures, cells, quiz questions, explorers."""
    nb = _load(path)
    core_words, _ = words(path)
    on_core, cells, questions, widgets, figures, output_words = True, 0, 0, 0, 0, 0
    for cell in nb["cells"]:
        text = _source(cell)
        if cell["cell_type"] == "markdown":
            for line in text.splitlines():
                if line.startswith("## "):
                    on_core = line.rstrip().endswith(CORE)
                if on_core and _NOTICE.match(line):
                    widgets += 1
            continue
        if cell["cell_type"] != "code" or not on_core:
            continue
        quiz = _QUIZ_CALL.search(text)
        if quiz:
            questions += _quiz_questions(quiz[1])
            continue
        cells += 1
        widgets += widgets_built(text)
        shown, printed = _figures_and_words(cell)
        figures, output_words = figures + shown, output_words + printed
    activities = nb["metadata"].get("coordkit", {}).get("route", {}).get("activities", {})
    return Estimate(core_words, cells, questions, float(sum(activities.values())), output_words, figures,
                    widgets)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the table is out of date")
    parser.add_argument("--words", action="store_true", help="print the words of prose on each route")
    parser.add_argument("--estimate", action="store_true",
                        help="print an honest estimate of each chapter's core minutes beside the stated time")
    parser.add_argument("--notebooks", type=Path, default=ROOT / "notebooks", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.words:
        for path in sorted(args.notebooks.glob("[0-9][0-9]_*.ipynb")):
            core, full = words(path)
            print(f"{path.name}: core {core} words, full {full} words")
        return 0
    if args.estimate:
        stated = {ch.file: ch.core for ch in chapters(args.notebooks)}
        stated[START] = start_route(args.notebooks)[0]
        for path in sorted(args.notebooks.glob("[0-9][0-9]_*.ipynb")):
            e = estimate(path)
            flag = "OK  " if e.minutes <= stated[path.name] else "OVER"
            print(f"{flag} {path.name}: about {e.minutes:.1f} min (words {e.words}, output words "
                  f"{e.output_words}, figures {e.figures}, cells {e.cells}, quiz questions {e.questions}, "
                  f"explorers and things to notice {e.widgets}, activities {e.activities:g} min); "
                  f"stated {stated[path.name]} min")
        return 0
    try:
        changed = update(args.notebooks, check=args.check)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    if args.check:
        if changed:
            print(f"{START}: the route table is out of date; run python tools/route.py", file=sys.stderr)
        return int(changed)
    print(f"{START}: route table {'rewritten' if changed else 'already up to date'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
