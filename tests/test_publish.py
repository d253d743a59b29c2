"""Handouts and slides are built from a clean checkout and hold no code, no test markers, no CDN maths."""

import importlib.util
import re
import shutil
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("publish", ROOT / "tools" / "publish.py")
publish = importlib.util.module_from_spec(spec)
sys.modules["publish"] = publish
spec.loader.exec_module(publish)

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def _clean(html: str, name: str) -> None:
    assert "NBVAL" not in html, f"{name}: a test marker reached the page"
    assert "No description has been provided" not in html, f"{name}: a figure without alt text"
    assert 'class="highlight hl-ipython3"' not in html, f"{name}: code reached the page"
    assert "jp-InputPrompt" not in html or "In&nbsp;[" not in html, f"{name}: input prompts shown"
    assert not re.search(r"<script[^>]+src=\"[^\"]*mathjax", html, re.I), f"{name}: maths loaded from the web"
    assert "text/x-mathjax-config" not in html, f"{name}: a MathJax configuration was left in"


@pytest.fixture(scope="module")
def handouts(tmp_path_factory):
    out = tmp_path_factory.mktemp("handouts")
    written, problems = publish.build("handouts", NOTEBOOKS, out)
    return out, written, problems


def test_every_notebook_becomes_a_handout_without_code_or_markers(handouts):
    _, written, problems = handouts
    assert [p.name for p in written] == [f"{nb.stem}.html" for nb in NOTEBOOKS]
    assert not [p for p in problems if "formula kept as TeX" in p], problems
    for path in written:
        _clean(path.read_text(encoding="utf-8"), path.name)


def test_handouts_include_the_printable_questionnaire_and_coding_sheet(tmp_path):
    written, problems = publish.build_sheets(tmp_path)
    assert not problems, problems
    assert [p.name for p in written] == ["questionnaire.html", "coding_sheet.html"]
    questionnaire, sheet = (p.read_text(encoding="utf-8") for p in written)
    for html, name in ((questionnaire, "questionnaire"), (sheet, "coding sheet")):
        _clean(html, name)
        assert html.startswith("<!DOCTYPE html>") and "<script" not in html, name
    assert "Diagnose your organisation" in questionnaire and "100" in questionnaire
    assert "National Health Service Act 1946" in sheet  # the first reform of the coding set


def test_the_handouts_command_writes_the_sheets_beside_the_chapters(tmp_path, capsys):
    assert publish.main(["handouts", str(NOTEBOOKS[0]), "-o", str(tmp_path)]) == 0
    names = sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".html")
    assert names == sorted([f"{NOTEBOOKS[0].stem}.html", "questionnaire.html", "coding_sheet.html"])
    assert '"written": 3' in capsys.readouterr().out


def test_maths_is_drawn_offline_with_its_tex_as_alt_text(handouts):
    out, _, _ = handouts
    with_maths = [nb for nb in NOTEBOOKS if "$" in nb.read_text(encoding="utf-8")]
    assert with_maths, "no notebook has maths to check"
    for nb in with_maths:
        html = (out / f"{nb.stem}.html").read_text(encoding="utf-8")
        assert 'class="ck-math"' in html and "data:image/svg+xml;base64," in html, nb.name
        images = re.findall(r'<img[^>]*class="ck-math"[^>]*>', html)
        assert images and all(re.search(r'alt="[^"]+"', img) for img in images), nb.name


def test_print_css_keeps_headings_with_what_follows(handouts):
    _, written, _ = handouts
    html = written[0].read_text(encoding="utf-8")
    assert "break-after: avoid-page" in html and "break-inside: avoid" in html


def test_an_unknown_formula_is_kept_and_reported_never_dropped():
    problems = []
    text = publish.render_markdown_maths("see $\\notamacro{x}$ and `$not maths$`", problems, "nb cell 1")
    assert "<code>\\notamacro{x}</code>" in text and "`$not maths$`" in text
    assert problems and "nb cell 1" in problems[0]


@pytest.mark.skipif(
    publish.chromium() is None, reason="Chromium is needed to print PDFs (./kit test installs it)"
)
def test_a_handout_prints_to_pdf(tmp_path):
    written, problems = publish.build("handouts", NOTEBOOKS[:1], tmp_path, pdf=True)
    pdf = [p for p in written if p.suffix == ".pdf"]
    assert pdf and pdf[0].read_bytes()[:5] == b"%PDF-" and pdf[0].stat().st_size > 10_000, problems


@pytest.mark.skipif(
    shutil.which("npm") is None, reason="npm is needed to install reveal.js for offline decks"
)
def test_slides_work_offline_and_show_no_code(tmp_path):
    written, problems = publish.build("slides", NOTEBOOKS, tmp_path)
    assert not problems, problems
    assert len(written) == len(NOTEBOOKS)
    for path in written:
        html = path.read_text(encoding="utf-8")
        _clean(html, path.name)
        scripts = re.findall(r'<script[^>]+src="([^"]+)"', html)
        assert scripts and all(not s.startswith("http") for s in scripts), scripts
        assert html.count("<section") >= 3, f"{path.name}: too few slides"
    for asset in ("assets/reveal.js/dist/reveal.js", "assets/require.js", "assets/jquery.min.js"):
        assert (tmp_path / asset).exists(), asset


def test_saved_widget_state_never_reaches_a_handout():
    nb = nbformat.v4.new_notebook()
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {"x": {}}}}
    nb.cells = [nbformat.v4.new_markdown_cell("# A chapter")]
    ready = publish.prepare(nb, "nb", [])
    assert "widgets" not in ready.metadata
    assert "widgets" in nb.metadata, "the notebook itself is never modified"
