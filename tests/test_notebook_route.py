"""The student path: a core route of at most two hours, honest times, prose numbers from outputs.

Every chapter marks each ``##`` section heading *(core)* or *(going further)*, states both times in its
first cell (``**Time:** core route about N minutes; full route about M minutes``) and records them in its
metadata (``metadata.coordkit.route = {"core": N, "full": M}``), which the start page's table repeats.

Times are checked against the prose they cover: a learner reads study prose at about 200 words a minute
and needs about as long again for the figures, the widgets and the quiz, so a section's words may not
exceed 100 per stated minute. The words rule alone proved too lenient: the student review of 2026-12-02,
working the route, took about 175 minutes where the chapters stated 120. So the stated core time must also
cover ``tools/route.py``'s estimate, which counts core prose (150 words a minute), the text core cells print
(250), two minutes per figure, half a minute per code cell, three quarters per quiz question, two minutes per
explorer or core *Things to notice*, and any activity the chapter puts on the core route. On the notebooks the
review read (aa7cdb6) it reproduces the review's per-chapter estimates within 2 minutes (a test below). The
rules are the kit's rules of thumb.

Every decimal number or percentage in a chapter's prose must appear in that chapter's stored outputs, so
prose cannot drift from what the code computes. A number that is quoted rather than computed (a source's
figure, a version) is listed in ``metadata.coordkit.prose_numbers`` with the reason.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
#: Chapter 7 is the lecturer's (the class report); it is not on the student route.
ROUTE = [p for p in NOTEBOOKS if not p.stem.startswith("07")]
CORE, FURTHER = "*(core)*", "*(going further)*"
UNMARKED = ("References",)  # reference lists are looked up, not read through
WORDS_PER_MINUTE = 100
TIME_LINE = re.compile(r"\*\*Time:\*\* core route about (\d+) minutes; full route about (\d+) minutes")
NUMBER = re.compile(r"(?<![\w.,/])(\d+\.\d+%?|\d+%)(?![\w/]|\.\d)")


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _text(cell: dict) -> str:
    return "".join(cell["source"])


def _prose(markdown: str) -> str:
    """Markdown without code, maths and link targets (formulas and addresses are not claims)."""
    for pattern in (r"```.*?```", r"`[^`]*`", r"\$\$.*?\$\$", r"\$[^$\n]*\$", r"\]\([^)]*\)",
                    r"https?://\S+", r"\bdoi:\S+", r"<[^>]+>"):
        markdown = re.sub(pattern, " ", markdown, flags=re.S)
    return markdown


def _route(path: Path) -> dict:
    route = _load(path)["metadata"].get("coordkit", {}).get("route")
    assert route and {"core", "full"} <= set(route), \
        f"{path.name}: metadata.coordkit.route with core and full"
    assert 0 < route["core"] <= route["full"], route
    return route


def _sections(cells: list[dict]) -> list[tuple[str, int]]:
    """(heading, prose words) for each ``##`` section; words before the first heading go to the first."""
    sections: list[list] = [["(opening)", 0]]
    for cell in cells:
        if cell["cell_type"] != "markdown":
            continue
        # a fenced code block spans lines: drop it before reading line by line
        for line in re.sub(r"```.*?```", " ", _text(cell), flags=re.S).splitlines():
            if line.startswith("## "):
                sections.append([line[3:].strip(), 0])
            else:
                sections[-1][1] += len(_prose(line).split())
    return [(h, n) for h, n in sections]


@pytest.mark.parametrize("path", ROUTE, ids=lambda p: p.stem)
def test_every_section_is_marked_core_or_going_further(path):
    for heading, _ in _sections(_load(path)["cells"])[1:]:
        if heading.startswith(UNMARKED):
            continue
        assert heading.endswith((CORE, FURTHER)), f"{path.name}: mark '## {heading}' {CORE} or {FURTHER}"


@pytest.mark.parametrize("path", ROUTE[1:], ids=lambda p: p.stem)
def test_key_points_and_the_quiz_are_on_the_core_route(path):
    headings = [h for h, _ in _sections(_load(path)["cells"])[1:]]
    for wanted in ("Key points", "Quiz"):
        found = [h for h in headings if h.startswith(wanted)]
        assert found, f"{path.name}: no '## {wanted}' section"
        assert all(h.endswith(CORE) for h in found), f"{path.name}: '## {found[0]}' belongs on the core route"


@pytest.mark.parametrize("path", ROUTE, ids=lambda p: p.stem)
def test_the_first_cell_states_both_times_as_the_metadata_does(path):
    route = _route(path)
    first = next(_text(c) for c in _load(path)["cells"] if c["cell_type"] == "markdown")
    match = TIME_LINE.search(first)
    assert match, f"{path.name}: the first cell needs '{TIME_LINE.pattern}'"
    assert (int(match[1]), int(match[2])) == (route["core"], route["full"]), (match[0], route)


@pytest.mark.parametrize("path", ROUTE, ids=lambda p: p.stem)
def test_stated_times_cover_the_prose(path):
    route = _route(path)
    sections = _sections(_load(path)["cells"])
    opening = sections[0][1]
    core = opening + sum(n for h, n in sections[1:] if h.endswith(CORE))
    total = opening + sum(n for h, n in sections[1:] if not h.startswith(UNMARKED))
    assert core <= WORDS_PER_MINUTE * route["core"], \
        f"{path.name}: {core} words on the core route is more than {route['core']} minutes"
    assert total <= WORDS_PER_MINUTE * route["full"], \
        f"{path.name}: {total} words in all is more than {route['full']} minutes"


_spec = importlib.util.spec_from_file_location("route", ROOT / "tools" / "route.py")
route_tool = importlib.util.module_from_spec(_spec)
sys.modules["route"] = route_tool
_spec.loader.exec_module(route_tool)


@pytest.mark.parametrize("path", ROUTE, ids=lambda p: p.stem)
def test_stated_core_time_covers_the_estimate_of_reading_running_and_the_quiz(path):
    stated = _route(path)["core"]
    e = route_tool.estimate(path)
    assert e.minutes <= stated, (
        f"{path.name}: the core route is about {e.minutes:.0f} minutes ({e.words} words, {e.cells} cells "
        f"with output, {e.questions} quiz questions, {e.activities:g} min of activities), not {stated}")


def test_the_estimate_counts_what_a_learner_does(tmp_path):
    shown = [{"output_type": "stream", "name": "stdout", "text": "x"}]
    figure = [{"output_type": "display_data", "metadata": {},
               "data": {"text/html": '<figure><img alt="a" src="data:x"><details>' + "described " * 250
                        + "</details></figure>", "text/plain": "<Figure>"}}]

    def md(text: str) -> dict:
        return {"cell_type": "markdown", "metadata": {}, "source": text}

    def code(text: str, outputs: list) -> dict:
        return {"cell_type": "code", "metadata": {}, "source": text, "execution_count": 1, "outputs": outputs}

    nb = {"metadata": {"coordkit": {"route": {"core": 5, "full": 9, "activities": {"fill in the form": 4}}}},
          "nbformat": 4, "nbformat_minor": 5,
          "cells": [md("# Title\n\n" + "word " * 148), md("## Try it *(core)*"), code("1", shown),
                    code("2", []), code("show(fig)", figure), code("e = ck.ScenarioExplorer()", []),
                    md("### Things to notice\n\nword"),
                    md("## More *(going further)*\n\n" + "word " * 500), code("3", figure),
                    md("### Things to notice"), md("## Quiz *(core)*"), code('show("ch01")', shown)]}
    path = tmp_path / "99_x.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    e = route_tool.estimate(path)
    questions = route_tool._quiz_questions("01")
    assert (e.words, e.cells, e.figures, e.output_words, e.widgets, e.activities) == (155, 4, 1, 251, 2, 4.0)
    assert e.questions == questions > 0
    assert e.minutes == pytest.approx(155 / 150 + 251 / 250 + 2 + 4 * 0.5 + 0.75 * questions + 2 * 2 + 4)


#: The student review's per-chapter estimates of the notebooks it read (its "Time per chapter").
REVIEW_MINUTES = {"00": 8, "01": 18, "02": 16, "03": 30, "04": 18, "05": 25, "06": 16, "08": 15}


def test_the_estimate_reproduces_the_student_reviews_minutes_on_the_notebooks_it_read(tmp_path):
    """Calibration: the estimate of aa7cdb6's notebooks (the ones the review worked) is within 2 minutes of
    the review's own estimate for every chapter, so it counts what the review counted (figures, output)."""
    import subprocess

    try:
        for number in REVIEW_MINUTES:
            name = next(p.name for p in NOTEBOOKS if p.name.startswith(number))
            text = subprocess.run(["git", "show", f"aa7cdb6:notebooks/{name}"], cwd=ROOT, check=True,
                                  capture_output=True, text=True).stdout
            (tmp_path / name).write_text(text, encoding="utf-8")
    except (subprocess.CalledProcessError, FileNotFoundError):
        pytest.skip("the reviewed commit aa7cdb6 is not in this clone's history")
    for number, minutes in REVIEW_MINUTES.items():
        path = next(tmp_path.glob(f"{number}_*.ipynb"))
        e = route_tool.estimate(path)
        assert abs(round(e.minutes) - minutes) <= 2, (path.name, e)


def test_the_core_route_takes_at_most_two_hours():
    total = sum(_route(p)["core"] for p in ROUTE)
    assert total <= 120, f"the core route adds up to {total} minutes"


def test_the_start_page_gives_each_chapters_times_as_its_metadata_does():
    start = "\n".join(_text(c) for c in _load(ROUTE[0])["cells"] if c["cell_type"] == "markdown")
    for path in ROUTE[1:]:
        route = _route(path)
        row = next((line for line in start.splitlines() if path.name in line and line.startswith("|")), None)
        assert row, f"the start page's route table has no row linking {path.name}"
        assert re.search(rf"\b{route['core']}\b", row), (row, route)
        assert re.search(rf"\b{route['full']}\b", row), (row, route)
    assert re.search(rf"\b{sum(_route(p)['core'] for p in ROUTE)}\b minutes", start), "the core route's total"


def _outputs(nb: dict) -> str:
    texts = []
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            texts.append("".join(output.get("text", "")))
            texts.extend("".join(v) for k, v in output.get("data", {}).items() if k.startswith("text/"))
    return "\n".join(texts)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_numbers_in_the_prose_come_from_the_stored_outputs(path):
    nb = _load(path)
    quoted = nb["metadata"].get("coordkit", {}).get("prose_numbers", {})
    assert all(isinstance(r, str) and len(r) > 10 for r in quoted.values()), \
        "each quoted number needs a reason"
    outputs = _outputs(nb)
    missing = sorted({n for c in nb["cells"] if c["cell_type"] == "markdown"
                      for n in NUMBER.findall(_prose(_text(c))) if n not in outputs and n not in quoted})
    assert not missing, (f"{path.name}: these numbers in the prose are in no stored output; compute them "
                         f"in the notebook or list them in metadata.coordkit.prose_numbers with a reason: "
                         f"{missing}")


def test_the_number_pattern_finds_claims_and_skips_addresses():
    found = NUMBER.findall(_prose("About 0.39, or 45%, in 3.6 years; see doi:10.1007/x and `0.5` and $0.7$ "
                                  "and https://e.org/1.2 and version 3.11."))
    assert found == ["0.39", "45%", "3.6", "3.11"]


def test_words_in_a_fenced_code_block_are_not_prose():
    cells = [{"cell_type": "markdown", "source": ["## A *(core)*\n", "one two\n", "```\n", "x = 1 and y\n",
                                                   "```\n", "three\n"]}]
    assert _sections(cells) == [("(opening)", 0), ("A *(core)*", 3)]


@pytest.mark.parametrize("chapter", ["02_diagnose_your_organisation", "08_clumsy_solutions"])
def test_the_chapters_the_student_review_found_full_have_a_minute_of_slack(chapter):
    """Student review: chapters 2 (14.9 of 15) and 8 (15.0 of 15) had no slack; each now has a minute."""
    path = ROOT / "notebooks" / f"{chapter}.ipynb"
    assert route_tool.estimate(path).minutes <= _route(path)["core"] - 1


def test_the_start_page_gives_the_range_of_chapter_times_the_route_data_gives():
    """Student review (issue 19, finding 5): the start page said "11-24 minute" blocks when the table's
    longest chapter was 23, and called the two hours chapters 1 to 6 and 8 when the total counts this page."""
    on_route = [ch for ch in route_tool.chapters(ROOT / "notebooks") if ch.on_route]
    core = [ch.core for ch in on_route]
    full = [ch.full for ch in on_route]
    start = " ".join(_text(_load(ROUTE[0])["cells"][0]).split())
    match = re.search(r"an (\d+)–(\d+) minute block on the core route and (\d+)–(\d+) minutes in full", start)
    assert match, "the start page's range of chapter times"
    assert [int(n) for n in match.groups()] == [min(core), max(core), min(full), max(full)], match[0]
    assert "The **core route**, this page and the core sections of chapters 1 to 6 and 8" in start
    own_core = route_tool.start_route(ROOT / "notebooks")[0]
    assert own_core + sum(core) == sum(_route(p)["core"] for p in ROUTE)


def test_the_start_page_says_what_a_stored_copy_shows_under_a_widget():
    """Student review (issue 19, finding 10): the start page said a reader would see `FloatSlider(...)`,
    but a stored notebook keeps no output under a widget's cell: a GitHub reader sees nothing."""
    cells = _load(ROUTE[0])["cells"]
    widget = next(c for c in cells if c["cell_type"] == "code" and "widgets.interact(" in _text(c))
    assert widget["outputs"] == []
    prose = " ".join(" ".join(_text(c) for c in cells if c["cell_type"] == "markdown").split())
    assert "A stored copy (on GitHub, say) shows nothing under a widget's cell" in prose


def test_chapter_7_marks_its_sections_and_its_essentials_time_covers_them():
    """Student review (issue 19, finding 12): ch07 marked none of its sections, against the start page's
    "every section of every chapter is marked"; its essentials are now its *(core)* sections, and the
    minutes its first cell gives them cover the estimate."""
    path = next(p for p in NOTEBOOKS if p.stem.startswith("07"))
    cells = _load(path)["cells"]
    test_every_section_is_marked_core_or_going_further(path)
    test_key_points_and_the_quiz_are_on_the_core_route(path)
    first = " ".join(_text(cells[0]).split())
    essentials = r"\*\*Time:\*\* about (\d+) minutes \((\d+) for the essentials, the sections marked"
    match = re.search(essentials, first)
    assert match, first[:200]
    assert route_tool.estimate(path).minutes <= int(match[2]) <= int(match[1])
    key = next(_text(c) for c in cells if "## Key points" in _text(c))
    assert key.lstrip().startswith("## Key points"), "the key points open their own cell"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_cell_mixes_core_and_going_further_sections(path):
    """Student review (issue 19, finding 12): ch01's core key points shared a cell with going-further text,
    so a student skipping going-further cells could miss them."""
    for k, cell in enumerate(_load(path)["cells"]):
        if cell["cell_type"] == "markdown":
            headings = re.findall(r"^## .*$", _text(cell), flags=re.M)
            marks = {CORE in h for h in headings if h.endswith((CORE, FURTHER))}
            assert len(marks) < 2, f"{path.name} cell {k} holds core and going-further sections: split it"


@pytest.mark.parametrize("path", ROUTE[1:], ids=lambda p: p.stem)
def test_the_quiz_comes_last_with_a_line_saying_what_to_do(path):
    """Student review (issue 19, finding 12): ch05's and ch06's quizzes had no introductory line and came
    before References, unlike the other chapters."""
    cells = [c for c in _load(path)["cells"] if c["cell_type"] == "markdown"]
    quiz = next(k for k, c in enumerate(cells) if _text(c).lstrip().startswith("## Quiz"))
    references = next(k for k, c in enumerate(cells) if re.search(r"^## References", _text(c), flags=re.M))
    assert references < quiz, f"{path.name}: the references come before the quiz"
    intro = _text(cells[quiz]).split("\n", 1)[1] if "\n" in _text(cells[quiz]) else ""
    assert "**Check**" in intro, f"{path.name}: say what to do under '## Quiz'"
