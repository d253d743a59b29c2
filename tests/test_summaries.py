"""tools/summaries.py writes a printable one-page summary per chapter from its notebook, kept up to date."""

import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("summaries", ROOT / "tools" / "summaries.py")
summaries = importlib.util.module_from_spec(spec)
sys.modules["summaries"] = summaries
spec.loader.exec_module(summaries)

CHAPTERS = [p for p in sorted((ROOT / "notebooks").glob("0*.ipynb")) if not p.name.startswith("07")]


def test_the_committed_summaries_are_up_to_date():
    assert summaries.main(["--check"]) == 0, "run python tools/summaries.py and commit docs/summaries/"


@pytest.mark.parametrize("path", [p for p in CHAPTERS if not p.name.startswith("00")], ids=lambda p: p.stem)
def test_each_chapter_summary_has_objectives_key_points_and_fits_a_page(path):
    summary = summaries.summarise(path)
    assert len(summary.objectives) >= 3, "learning objectives"
    assert len(summary.key_points) >= 3, "key points"
    page = summaries.render(summary)
    words = len(re.sub(r"<style.*?</style>|<[^>]+>", " ", page, flags=re.S).split())
    assert words <= 900, f"{words} words will not print on one page"
    assert "**" not in page and "](" not in page, "markdown left in the page"


def test_the_summary_takes_its_parts_from_the_notebook():
    summary = summaries.summarise(ROOT / "notebooks" / "03_npm_history.ipynb")
    assert summary.time.startswith("core route about")
    assert any("Hood" in o for o in summary.objectives)
    assert "reform pressure" in [t for t, _, _ in summary.terms]
    assert summary.figure.startswith("Figure")


def test_text_from_a_notebook_is_escaped_and_plain():
    text = "**bold** and [a link](x.md) and `code` and *em*"
    assert summaries.plain(text) == "bold and a link and code and em"
    page = summaries.render(summaries.Summary("99_x", "<b>T</b>", "", ["a < b"], ["c"], [], ""))
    assert "&lt;b&gt;T&lt;/b&gt;" in page and "a &lt; b" in page


def test_the_start_page_links_the_summaries():
    start = (ROOT / "notebooks" / "00_start_here.ipynb").read_text(encoding="utf-8")
    assert "docs/summaries/README.md" in start
    assert (ROOT / "docs" / "summaries" / "README.md").exists()


def test_every_summary_links_the_one_stylesheet_written_beside_it():
    files = summaries.outputs()
    assert "summary.css" in files and "color:" in files["summary.css"]
    pages = [text for name, text in files.items() if name.endswith(".html")]
    assert pages and all('href="summary.css"' in p and "<style" not in p for p in pages)


def test_terms_that_would_overflow_the_page_are_named_not_dropped():
    many = [(f"term{i}", "the kit's", "word " * 60) for i in range(30)]
    page = summaries.render(summaries.Summary("99_x", "X", "", ["a", "b", "c"], ["d", "e", "f"], many, ""))
    assert summaries._words(page) <= summaries.PAGE_WORDS
    for term, _, _ in many:
        assert term in page, f"{term} was dropped"
    assert "Also in this chapter" in page
