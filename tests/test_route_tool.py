"""tools/route.py writes the start page's route table from the chapters' metadata; --check catches drift."""

import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("route", ROOT / "tools" / "route.py")
route = importlib.util.module_from_spec(spec)
sys.modules["route"] = route
spec.loader.exec_module(route)


@pytest.fixture
def notebooks(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    for path in (ROOT / "notebooks").glob("*.ipynb"):
        shutil.copy(path, folder / path.name)
    return folder


def _set_route(path: Path, core: int, full: int) -> None:
    nb = json.loads(path.read_text(encoding="utf-8"))
    nb["metadata"].setdefault("coordkit", {})["route"] = {"core": core, "full": full}
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _start_text(folder: Path) -> str:
    nb = json.loads((folder / route.START).read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def test_the_committed_start_page_is_up_to_date():
    assert route.main(["--check"]) == 0, "run python tools/route.py and commit the start page"


def test_a_changed_chapter_makes_the_check_fail_and_the_rewrite_follows_it(notebooks, capsys):
    chapter = next(notebooks.glob("05_*.ipynb"))
    _set_route(chapter, 13, 47)
    assert route.main(["--check", "--notebooks", str(notebooks)]) == 1
    assert "out of date" in capsys.readouterr().err
    assert route.main(["--notebooks", str(notebooks)]) == 0
    assert route.main(["--check", "--notebooks", str(notebooks)]) == 0
    row = next(line for line in _start_text(notebooks).splitlines() if chapter.name in line)
    assert "| 13 min | 47 min |" in row
    core = sum(ch.core for ch in route.chapters(notebooks) if ch.on_route) + route.start_route(notebooks)[0]
    assert f"about {core} minutes" in _start_text(notebooks)


def test_chapter_7_is_listed_off_the_route_and_left_out_of_the_totals(notebooks):
    text = _start_text(notebooks)
    row = next(line for line in text.splitlines() if "07_class_results.ipynb" in line)
    assert "not on the route" in row
    _set_route(next(notebooks.glob("07_*.ipynb")), 99, 99)
    route.main(["--notebooks", str(notebooks)])
    assert "99" not in _start_text(notebooks).split("**The core route")[1].split("minutes")[0]


def test_a_chapter_without_metadata_is_an_error_naming_it_not_a_stale_caveat_in_the_table(notebooks, capsys):
    """Changed (issue 19, second review): the table showed planned times with a caveat, "(chapters 05, 06:
    planned times...)", that stayed on the learners' page after the chapters had their own. Now a chapter
    without route metadata stops the rewrite with its name, and the table never carries such a note."""
    assert "planned" not in route.table(notebooks)
    chapter = next(notebooks.glob("06_*.ipynb"))
    nb = json.loads(chapter.read_text(encoding="utf-8"))
    nb["metadata"].get("coordkit", {}).pop("route", None)
    chapter.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    before = (notebooks / route.START).read_text(encoding="utf-8")
    with pytest.raises(ValueError, match=chapter.name):
        route.chapters(notebooks)
    assert route.main(["--notebooks", str(notebooks)]) == 2
    assert chapter.name in capsys.readouterr().err
    assert (notebooks / route.START).read_text(encoding="utf-8") == before  # nothing written


def test_missing_markers_are_an_error_not_a_silent_skip(notebooks, capsys):
    start = notebooks / route.START
    start.write_text(start.read_text(encoding="utf-8").replace("route table: written", "x"), encoding="utf-8")
    assert route.main(["--check", "--notebooks", str(notebooks)]) == 2
    assert "markers" in capsys.readouterr().err


def test_word_counts_follow_the_route_rule():
    core, full = route.words(ROOT / "notebooks" / route.START)
    assert 0 < core <= full


def _notebook(tmp_path: Path, *codes: str) -> Path:
    cells = [{"cell_type": "markdown", "metadata": {}, "source": "# T\n\n## Try it *(core)*"},
             *({"cell_type": "code", "metadata": {}, "source": code, "execution_count": 1, "outputs": []}
               for code in codes),
             {"cell_type": "markdown", "metadata": {}, "source": "## More *(going further)*"},
             {"cell_type": "code", "metadata": {}, "source": "widgets.interact(f, x=1)", "execution_count": 1,
              "outputs": []}]
    path = tmp_path / "99_x.ipynb"
    path.write_text(json.dumps({"metadata": {}, "nbformat": 4, "nbformat_minor": 5, "cells": cells}),
                    encoding="utf-8")
    return path


def test_an_interact_call_counts_as_an_explorer(tmp_path):
    """Student review (issue 19): the start page's slider (``widgets.interact(...)``) took a learner as long
    as any explorer but counted nothing; ipywidgets' interact family and every kit widget class count, two
    minutes each, on the core route only."""
    e = route.estimate(_notebook(tmp_path, "widgets.interact(diagnose, x=widgets.FloatSlider(value=0.25))"))
    assert (e.cells, e.widgets) == (1, 1)
    assert e.minutes == pytest.approx(e.words / route.PROSE_WPM + route.MINUTES_PER_CELL
                                      + route.MINUTES_PER_WIDGET)
    others = ["w = interactive(f, x=(0, 1))", "@interact(x=(0, 1))\ndef f(x):\n    return x",
              "@widgets.interact_manual\ndef g(y=1):\n    return y", "form = CodingForm()",
              "viewer = PerformanceViewer()", "e = ScenarioExplorer('x')"]
    assert route.estimate(_notebook(tmp_path, *others)).widgets == len(others)
    not_built = ["from coordkit.widgets.history import CodingForm, TimelineExplorer", "explorer.update()",
                 "# levers interact: run each alone"]
    assert route.estimate(_notebook(tmp_path, *not_built)).widgets == 0


def test_the_start_page_estimate_counts_its_slider():
    e = route.estimate(ROOT / "notebooks" / route.START)
    assert e.widgets == 1  # the diagnose slider, its one widget on the core route
    assert e.minutes <= route.start_route(ROOT / "notebooks")[0]
