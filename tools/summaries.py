"""Write a printable one-page summary of each chapter, generated from its notebook.

For each notebook on the student route (and the start page), the summary gives the title, both times,
the learning objectives, the key points, the glossary terms first used in that chapter (their
definitions from ``coordkit/glossary.yml``) and the alt text of the chapter's first figure. It is
rendered with the kit's Jinja2 environment (``coordkit.html.render``, template ``summary.html.j2``) to
``docs/summaries/NN_name.html``, with an index in ``docs/summaries/README.md``.

Usage, from the repository root::

    python tools/summaries.py            # write docs/summaries/
    python tools/summaries.py --check    # exit 1 if a summary is out of date (writes nothing)
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "summaries"
#: Chapter 7 is the lecturer's notebook: no student summary.
SKIP = ("07",)
_ALT = re.compile(r'<img\b[^>]*\balt="([^"]*)"')


@dataclass(frozen=True)
class Summary:
    """What one chapter's summary holds (plain text throughout)."""

    stem: str
    title: str
    time: str
    objectives: list[str]
    key_points: list[str]
    terms: list[tuple[str, str, str]]
    figure: str


def plain(markdown: str) -> str:
    """Markdown inline text as plain text: links keep their words, emphasis and code marks go."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"<[^>]+>", "", text)
    text = text.replace("**", "").replace("`", "")
    text = re.sub(r"(?<!\w)\*([^*]+)\*(?!\w)", r"\1", text)
    return " ".join(text.split())


def _items(block: str) -> list[str]:
    """The items of the first markdown list in ``block`` (bullets or numbers, wrapped lines joined)."""
    items: list[str] = []
    for line in block.splitlines():
        start = re.match(r"^\s*(?:[*-]|\d+\.)\s+(.*)", line)
        if start:
            items.append(start.group(1))
        elif items and line.startswith(" ") and line.strip():
            items[-1] += " " + line.strip()
        elif items and not line.strip():
            continue
        elif items:
            break
    return [plain(item) for item in items]


def _section(markdown: str, heading: str) -> str:
    match = re.search(rf"^## {re.escape(heading)}[^\n]*\n(.*?)(?=^## |\Z)", markdown, flags=re.M | re.S)
    return match.group(1) if match else ""


def summarise(path: Path) -> Summary:
    """Read one notebook's summary from its cells."""
    from coordkit.terms import entries

    nb = json.loads(path.read_text(encoding="utf-8"))
    markdown = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    title = plain(next((line[2:] for line in markdown.splitlines() if line.startswith("# ")), path.stem))
    time = re.search(r"\*\*Time:\*\* (core route about \d+ minutes; full route about \d+ minutes)", markdown)
    objectives_at = markdown.find("you will be able to")
    objectives = _items(markdown[objectives_at:]) if objectives_at >= 0 else []
    key_points = _items(_section(markdown, "Key points"))
    terms = [(e.term, e.whose, e.definition) for e in entries() if e.chapter == path.stem]
    figure = ""
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            found = _ALT.search("".join(output.get("data", {}).get("text/html", "")))
            if found and not figure:
                figure = html.unescape(found.group(1))
    return Summary(path.stem, title, time.group(1) if time else "", objectives, key_points, terms, figure)


#: What prints on one A4 page in the summaries' type (words); terms past it are named, not defined.
PAGE_WORDS = 900


def _words(page: str) -> int:
    return len(re.sub(r"<style.*?</style>|<[^>]+>", " ", page, flags=re.S).split())


def render(summary: Summary) -> str:
    """The summary as a printable HTML page (it links ``summary.css``, written beside it).

    The chapter's terms are defined while the page stays within :data:`PAGE_WORDS`; any that would
    not fit are named at the end, with a pointer to the glossary, so the summary keeps to one page.
    """
    from coordkit.html import render as render_template

    def page(defined: int) -> str:
        return render_template(
            "summary.html.j2", title=summary.title, notebook=f"notebooks/{summary.stem}.ipynb",
            time=summary.time, objectives=summary.objectives, key_points=summary.key_points,
            terms=summary.terms[:defined], more_terms=[t[0] for t in summary.terms[defined:]],
            figure=summary.figure) + "\n"

    defined = len(summary.terms)
    while defined > 0 and _words(page(defined)) > PAGE_WORDS:
        defined -= 1
    return page(defined)


def stylesheet() -> str:
    """``summary.css``: the one stylesheet every summary links (colours from the kit's style)."""
    from coordkit.html import render as render_template
    from coordkit.plots import style

    return render_template("summary.css.j2", ink=style.INK, muted=style.MUTED, background=style.BACKGROUND)


def index(summaries: list[Summary]) -> str:
    """``docs/summaries/README.md``: one link per chapter."""
    rows = [f"* [{s.title}]({s.stem}.html){' (' + s.time + ')' if s.time else ''}" for s in summaries]
    return ("# One-page chapter summaries\n\nPrintable (A4), generated from the notebooks by "
            "`python tools/summaries.py`: objectives, key points, the chapter's glossary terms and its first "
            "figure in words. Open one in a browser and print it.\n\n" + "\n".join(rows) + "\n")


def outputs(folder: Path = ROOT / "notebooks") -> dict[str, str]:
    """File name -> contents for every summary and the index."""
    found = [summarise(p) for p in sorted(folder.glob("[0-9][0-9]_*.ipynb")) if p.name[:2] not in SKIP]
    files = {f"{s.stem}.html": render(s) for s in found}
    files["summary.css"] = stylesheet()
    files["README.md"] = index(found)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a summary is out of date")
    parser.add_argument("--out", type=Path, default=OUT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    stale = []
    for name, text in outputs().items():
        target = args.out / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            stale.append(name)
            if not args.check:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
    if args.check and stale:
        print(f"out of date: {', '.join(stale)}; run python tools/summaries.py", file=sys.stderr)
        return 1
    print(f"{len(stale)} summaries {'stale' if args.check else 'written'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
