"""Every chapter notebook, as committed, reads well without a kernel (on GitHub, in print).

These checks run on the stored notebooks, not by executing them: a clean run stored (execution
counts 1, 2, 3, ... with no gaps and no errors), the structure every chapter promises (time,
objectives, things to notice and to try, key points, references), a static figure or printed
result just before every widget, and a text description with every figure.

A figure is stored either as accessible HTML (``plots.show``: ``<img alt>`` plus the long
description as a caption, with a ``text/plain`` twin) or, in notebooks not yet re-run since
``show`` changed, as ``image/png`` with the description printed beside it.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
WIDGET_CELL = re.compile(r"(Explorer|Viewer|Form|Recoder)\(|\binteract\(")
IMG = re.compile(r"<img\b[^>]*>")
ALT = re.compile(r'\balt="([^"]*)"')
CAPTION = re.compile(r"<figcaption[^>]*>(.*?)</figcaption>", re.S)


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _text(cell: dict) -> str:
    return "".join(cell["source"])


def _html(output: dict) -> str:
    return "".join(output.get("data", {}).get("text/html", ""))


def _is_figure(output: dict) -> bool:
    return "image/png" in output.get("data", {}) or bool(IMG.search(_html(output)))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_outputs_come_from_one_clean_run(path):
    code = [c for c in _load(path)["cells"] if c["cell_type"] == "code"]
    counts = [c["execution_count"] for c in code]
    assert counts == list(range(1, len(code) + 1)), "re-run with ./kit execute (Restart & Run All)"
    for cell in code:
        assert all(o["output_type"] != "error" for o in cell["outputs"]), _text(cell)[:80]


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if not p.stem.startswith("00")],
                         ids=lambda p: p.stem)
def test_chapter_structure(path):
    cells = _load(path)["cells"]
    markdown = "\n".join(_text(c) for c in cells if c["cell_type"] == "markdown")
    if path.stem.startswith("07"):  # the lecturer's notebook: off the student route, one time
        assert re.search(r"\*\*Time:\*\* about \d+ minutes", markdown), "time estimate"
    else:
        assert re.search(r"\*\*Time:\*\* core route about \d+ minutes; full route about \d+ minutes",
                         markdown), "time estimate for the core route and the full one"
    assert "By the end of this notebook you will be able to" in markdown, "learning objectives"
    for heading in ("Things to notice", "Things to try", "Key points", "References"):
        assert re.search(rf"^#+ .*{heading}", markdown, flags=re.M | re.I), heading
    assert re.search(r"^#+ .*(What it is|what it is)", markdown, flags=re.M), "what it is"
    assert re.search(r"^#+ .*How to use", markdown, flags=re.M), "how to use it"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_widget_has_a_static_copy_just_before_it(path):
    code = [c for c in _load(path)["cells"] if c["cell_type"] == "code"]
    widget_cells = [k for k, c in enumerate(code) if WIDGET_CELL.search(_text(c))
                    and ("NBVAL_IGNORE_OUTPUT" in _text(c)
                         or "nbval-ignore-output" in c.get("metadata", {}).get("tags", []))]
    assert widget_cells, "a widget notebook with no widget?"
    for k in widget_cells:
        before = [o for c in code[max(0, k - 3):k] for o in c["outputs"]]
        has_static = any(_is_figure(o) for o in before) or (
            path.stem.startswith("00") and any(o["output_type"] == "stream" for o in before))
        assert has_static, f"widget cell {k} ({_text(code[k])[:60]!r}) has no static figure before it"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_figure_has_a_text_description(path):
    for cell in _load(path)["cells"]:
        if cell["cell_type"] != "code":
            continue
        images = [o for o in cell["outputs"] if "image/png" in o.get("data", {})]
        if not images:
            continue
        text = "".join("".join(o.get("text", "")) for o in cell["outputs"] if o["output_type"] == "stream")
        alt = "".join("".join(o["data"].get("text/plain", "")) for o in images)
        assert "description" in text.lower() or len(alt) > 40, \
            f"a figure without a text description in {_text(cell)[:60]!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_html_figure_has_alt_text_and_a_long_description(path):
    for cell in _load(path)["cells"]:
        if cell["cell_type"] != "code":
            continue
        for output in cell["outputs"]:
            page = _html(output)
            for img in IMG.findall(page):
                where = f"in {_text(cell)[:60]!r}"
                alt = ALT.search(img)
                assert alt and len(alt.group(1).strip()) > 10, f"an image without alt text {where}"
                assert "No description has been provided" not in alt.group(1), where
                caption = CAPTION.search(page)
                assert caption and len(caption.group(1)) > 40, f"an image without a description {where}"
                plain = "".join(output["data"].get("text/plain", ""))
                assert html.unescape(alt.group(1)) in plain, f"no text/plain twin {where}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_test_marker_is_visible_to_learners(path):
    """nbval's markers live in cell tags (tools/clean_notebooks.py moves them), never in the code."""
    for cell in _load(path)["cells"]:
        if cell["cell_type"] == "code":
            assert "NBVAL" not in _text(cell), _text(cell)[:80]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_checks_the_kit_version_and_ends_with_a_quiz(path):
    code = [_text(c) for c in _load(path)["cells"] if c["cell_type"] == "code"]
    assert code and "coordkit.require(" in code[0], "the first code cell states the coordkit version it needs"
    chapter = f'"ch{path.stem[:2]}"'
    assert any("quiz_widgets" in c and chapter in c for c in code), f"no quiz widget for {chapter}"


def test_chapter_7s_rejected_row_demonstration_rejects_exactly_one_row():
    """Methodologist review of 2026-12-02, finding 12: the demonstration replaced a string that was not in the
    data, so nothing was rejected while the prose said a row was. Run the stored cell and read its output."""
    from coordkit import data, survey_io

    nb = _load(ROOT / "notebooks" / "07_class_results.ipynb")
    cell = next(c for c in nb["cells"] if c["cell_type"] == "code" and "messy =" in _text(c))
    scope: dict = {"data": data, "survey_io": survey_io, "print": lambda *a, **k: None}
    exec(_text(cell), scope)  # the notebook's own cell, as stored
    broken = scope["broken"]
    assert broken.n_rejected == 1 and len(broken.rejected_rows) == 1
    assert "every row needs a respondent id" in broken.rejected[0].problem  # S006's, its code deleted
    # S003 ("n/a"), S004 (110) and S005 (120 points: outside 0-100, read like "n/a"; methodologist 2,
    # finding 7) are kept, each with dimension 1 (now) left out
    assert {"S003", "S004", "S005"} <= set(broken.responses.ids) and "S006" not in broken.responses.ids
    text = broken.problems_text()
    assert "sum to 110" in text and "out of range (points must be from 0 to 100)" in text and "n/a" in text
    assert len({p.row for p in broken.off_total}) == 3
    stored = "".join("".join(o.get("text", "")) for o in cell["outputs"] if o["output_type"] == "stream")
    assert "1 rejected" in stored, stored


def test_chapter_8s_explorers_start_where_their_static_copy_is_drawn():
    """Student review (issue 19, finding 2): the hybrid explorer's static copy drew a different hybrid."""
    code = [_text(c) for c in _load(ROOT / "notebooks" / "08_clumsy_solutions.ipynb")["cells"]
            if c["cell_type"] == "code"]
    k = next(i for i, text in enumerate(code) if "HybridExplorer(" in text and "import" not in text)
    start = re.search(r'HybridExplorer\("([^"]+)"\)', code[k])
    assert start and f'hybrids_figure("{start[1]}")' in code[k - 1]


def test_chapter_5s_core_draws_the_rotation_and_gives_the_rivalry_at_which_it_stops():
    """Student review (issue 19, finding 2): the core rivalry explorer had no static copy, the rotation was
    drawn only in going further, and "lower the rivalry" gave no value (the run settles only near 0.4)."""
    from coordkit.archetypes import ARCHETYPES
    from coordkit.models.dynamics import LEVER_SPECS, Levers, simulate

    cells = _load(ROOT / "notebooks" / "05_dynamics.ipynb")["cells"]
    section, core = "", []
    for cell in cells:
        section = next((line for line in _text(cell).splitlines() if line.startswith("## ")), section)
        if section.startswith("## 2. Surprise") and cell["cell_type"] == "code":
            core.append(cell)
    assert any(_is_figure(o) for c in core for o in c["outputs"]), "section 2 draws the swings"
    printed = " ".join("".join(o.get("text", "")) for c in core for o in c["outputs"])
    spec = LEVER_SPECS["rivalry"]
    grid = [round(spec.low + spec.step * k, 1) for k in range(round((spec.high - spec.low) / spec.step) + 1)]
    start = ARCHETYPES["traditional public sector"]
    # modeller's review (issue 16, finding 1): the threshold is the regime criterion's over a long run, not
    # the quick settled() check at year 150 (which called rivalry 0.5 lasting; it settles by year 300)
    from coordkit.models.regimes import classify_settings

    verdicts = classify_settings([Levers(rivalry=r, surprise=2.0) for r in grid], start, years=300)
    first_cycling = grid[verdicts.index("cycling")]
    assert set(verdicts[verdicts.index("cycling"):]) == {"cycling"}, "every stronger rivalry cycles too"
    assert set(verdicts[:verdicts.index("cycling")]) == {"settled"}, "every weaker one settles"
    calm = grid[grid.index(first_cycling) - 1]
    moving = [r for r in grid[:grid.index(first_cycling)]
              if not simulate(Levers(rivalry=r, surprise=2.0), start, years=150).settled()]
    assert moving == [calm] == [0.5]
    # student review (issue 19, finding 9): the answer to "predict the rivalry at which the swings die away"
    # was printed in the very next cell; it is now folded (a <details> expander, closed) under the explorer
    folded = [o["data"]["text/html"] for c in core for o in c["outputs"]
              if "".join(o.get("data", {}).get("text/html", "")).startswith("<details><summary>The answer")]
    assert len(folded) == 1, "one folded answer in section 2"
    answer = html.unescape(" ".join(re.sub(r"<[^>]+>", " ", "".join(folded[0])).split()))
    # student re-review (issue 19, finding 4): "die away at 0.5 and below" beside "still moving at year 150 at
    # 0.5" read as a contradiction; the explorer shows 150 years, so the answer says what it shows there
    settled = [r for r in grid if simulate(Levers(rivalry=r, surprise=2.0), start, years=150).settled()]
    assert settled == [r for r in grid if r < calm], "in 150 years every weaker rivalry settles"
    said = (f"rivalry settled within the explorer's 150 years {max(settled):g} and below "
            f"still moving at year 150, settled by 300 {calm:g} keep swinging (cycling) {first_cycling:g} "
            "and above")
    assert said in answer, answer
    assert "die away at rivalry" not in answer
    assert "settled within" not in printed, "the answer is not printed in the open"
    prose = " ".join(_text(c) for c in cells if c["cell_type"] == "markdown")
    assert "open it only after your prediction" in " ".join(prose.split())
    # the explorer steps 0.1 years, the regime test 0.2: at surprise 2 they agree on the threshold
    finer = classify_settings([Levers(rivalry=r, surprise=2.0) for r in grid], start, years=300, dt=0.1)
    assert finer == verdicts
    k = next(i for i, c in enumerate(cells) if "DynamicsExplorer(Levers(rivalry=2.0" in _text(c))
    before = [o for c in cells[max(0, k - 3):k] if c["cell_type"] == "code" for o in c["outputs"]]
    assert any(_is_figure(o) for o in before), "the explorer's static copy is the figure just above it"


def test_chapter_5s_core_has_an_explorer_whose_static_copy_is_its_starting_state():
    """Student review (issue 19): chapter 5's core route had nothing to try. Its core now builds an
    explorer, says what to try (predict, then move) and stores a figure just before it that draws the
    explorer's starting state: the stored caption is the description the explorer starts with."""
    cells = _load(ROOT / "notebooks" / "05_dynamics.ipynb")["cells"]
    section, core = "", []
    for cell in cells:
        section = next((line for line in _text(cell).splitlines() if line.startswith("## ")), section)
        if section.rstrip().endswith("*(core)*"):
            core.append(cell)
    k = next((i for i, c in enumerate(core) if c["cell_type"] == "code" and "Explorer(" in _text(c)
              and "import" not in _text(c)), None)
    assert k is not None, "no explorer on chapter 5's core route"
    assert "nbval-ignore-output" in core[k]["metadata"].get("tags", [])
    before = core[max(0, k - 3):k]
    prose = " ".join(_text(c) for c in before if c["cell_type"] == "markdown")
    assert re.search(r"\*\*Try this:\*\* predict\b", prose), "a line saying what to try: predict, then move"
    stored = [o for c in before if c["cell_type"] == "code" for o in c["outputs"] if _is_figure(o)]
    assert stored, "the core explorer has no static copy just before it"
    caption = html.unescape(re.sub(r"<[^>]+>", "", CAPTION.search(_html(stored[-1])).group(1))).strip()
    caption = caption.removeprefix("Figure description:")
    from coordkit.models.dynamics import Levers
    from coordkit.widgets.dynamics import DynamicsExplorer

    scope = {"Levers": Levers, "DynamicsExplorer": DynamicsExplorer}
    exec(_text(core[k]), scope)  # the notebook's own cell, as stored
    explorer = next(v for v in scope.values() if isinstance(v, DynamicsExplorer))
    assert " ".join(explorer.description.split()) == " ".join(caption.split())


def test_chapter_5_says_what_makes_the_swings_and_what_the_hold_out_tests():
    """Modeller's review (issue 16, findings 2, 5, 6, 8, 9, 10): the delay does not make the swings; a longer
    delay slows them but they do not grow; benign fatalism acts through rules 5 and 7; the hold-out tests only
    the choice of setting; where backing goes is the kit's choice; Hood's thesis is read, not quoted."""
    nb = _load(ROOT / "notebooks" / "05_dynamics.ipynb")
    prose = " ".join(" ".join(_text(c).split()) for c in nb["cells"] if c["cell_type"] == "markdown")
    for old in ("delayed surprise was added", "slow down and grow", "why (rule 7)", "leave after the delay"):
        assert old not in prose
    assert "The delay sets their pace, not whether they happen" in prose
    assert "its delay sets their pace, not whether they happen" in prose  # key points
    assert "the swings slow down, but do not grow" in prose
    assert "why (rules 5 and 7)?" in prose
    assert "the hold-out tests only the choice of setting" in prose
    assert "Where the backing goes is the kit's choice too" in prose
    summary = (ROOT / "docs" / "summaries" / "05_dynamics.html").read_text(encoding="utf-8")
    assert "delayed surprise was added" not in summary and "not whether they happen" in summary
    from coordkit.models import agents

    assert "how monocultures sustain themselves" not in agents.__doc__
    assert "the kit's mechanism, not his" in " ".join(agents.__doc__.split())
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    assert "the kit's reading of his instability thesis" in glossary
    quiz = (ROOT / "coordkit" / "exercises" / "quizzes" / "ch05.yml").read_text(encoding="utf-8")
    assert "the kit's reading of this instability thesis, not Hood's wording" in quiz


def test_chapter_5s_core_says_and_computes_what_its_key_point_and_quiz_rely_on():
    """Student review (issue 19, finding 9): the key points and quiz question 3 rely on "losing one mode costs
    far more than a third", which the core never said, and the core jumped from "How it works" to "2.
    Surprise". The core now says it, a core cell computes it (recomputed here), and "How it works" tells the
    core reader to go on to section 2."""
    from coordkit.exercises.quiz import load
    from coordkit.models.dynamics import Levers, simulate

    cells = _load(ROOT / "notebooks" / "05_dynamics.ipynb")["cells"]
    section, core = "", []
    for cell in cells:
        section = next((line for line in _text(cell).splitlines() if line.startswith("## ")), section)
        if section.endswith("*(core)*") and not section.startswith(("## Key points", "## Quiz")):
            core.append(cell)
    prose = " ".join(" ".join(_text(c) for c in core if c["cell_type"] == "markdown").split())
    assert "losing one mode costs far more than a third of it" in prose
    assert "The core route then goes straight to section 2, *Surprise*" in prose
    assert "(section 3)" not in prose, "core prose names a going-further section as such"
    printed = " ".join("".join(o.get("text", "")) for c in core if c["cell_type"] == "code"
                       for o in c["outputs"])
    full, without = simulate(Levers()).outcome[-1], simulate(Levers(support_hierarchy=0.0)).outcome[-1]
    assert 1 - without / full > 1 / 3
    assert (f"outcome with support for all three modes {full:.2f}; with none for hierarchy {without:.2f}: "
            f"{1 - without / full:.0%} of it lost, not a third") in printed
    key = next(_text(c) for c in cells if _text(c).startswith("## Key points"))
    assert "costs far more than a third" in key
    assert "more than a third" in load("ch05").questions[2].prompt


def test_chapter_5_and_its_exercises_say_that_levers_in_code_holds_the_model_parameters():
    """Student re-review (issue 19, finding 3): the prose says "model parameter", the code types Levers(...),
    and levers are chapter 4's scenario term. One sentence in the core How it works (and in ex05's header)
    says the model parameters are the object Levers, an older name kept for existing code; the class's own
    docstring says so too, instead of "the policy levers of the mean-field model"."""
    from coordkit.models.dynamics import Levers

    cells = _load(ROOT / "notebooks" / "05_dynamics.ipynb")["cells"]
    how = next(" ".join(_text(c).split()) for c in cells if _text(c).startswith("## How it works *(core)*"))
    assert ("In code the model parameters are one object, `Levers(...)`: an older name, kept for existing "
            "code, not chapter 4's policy levers.") in how
    source = (ROOT / "exercises" / "src" / "05_dynamics.py").read_text(encoding="utf-8")
    header = " ".join(line.removeprefix("#").strip() for line in source.split("# %%", 2)[1].splitlines())
    assert "In code the model parameters are one object, `dynamics.Levers(...)` (an older name" in header
    doc = " ".join((Levers.__doc__ or "").split())
    assert "policy levers of" not in doc and "keeps its older name, ``Levers``" in doc
