"""Keep committed notebooks small and diff-friendly without touching what nbval compares.

Moves nbval's comment markers (``# NBVAL_CHECK_OUTPUT`` ...) out of the code learners read and into
the cell tags nbval also understands (``nbval-check-output`` ...), so no learner ever sees a test
marker. Removes: saved widget state (notebook metadata ``widgets``), widget views (they point at
widget models that are not saved, which JupyterLab would show as "model not found"; an output that
also carries a static ``text/html`` twin, as the quiz does, keeps the twin), per-cell execution
timing metadata and kernel-specific language-info noise. Renames duplicate cell ids (nbconvert
warns of them and JupyterLab may confuse the cells) so every id is unique in its notebook. Keeps:
every other output and the execution counts (nbval only compares cells that have been executed).

Usage: ``python tools/clean_notebooks.py NOTEBOOK [NOTEBOOK ...]`` (``./kit execute`` runs it).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
#: nbval's comment markers and the cell tags that mean the same.
MARKER_TAGS = {"NBVAL_CHECK_OUTPUT": "nbval-check-output", "NBVAL_IGNORE_OUTPUT": "nbval-ignore-output",
               "NBVAL_SKIP": "nbval-skip", "NBVAL_RAISES_EXCEPTION": "raises-exception"}
_MARKER = re.compile(r"^[ \t]*#[ \t]*(NBVAL_[A-Z_]+)[ \t]*\n?", re.M)


def markers_to_tags(cell: dict) -> dict:
    """Move nbval comment markers from a code cell's source into its tags (idempotent)."""
    source = "".join(cell.get("source", []))
    found = [m for m in _MARKER.findall(source) if m in MARKER_TAGS]
    if not found:
        return cell
    tags = cell.setdefault("metadata", {}).setdefault("tags", [])
    for marker in found:
        if MARKER_TAGS[marker] not in tags:
            tags.append(MARKER_TAGS[marker])
    text = _MARKER.sub(lambda m: "" if m[1] in MARKER_TAGS else m[0], source)
    cell["source"] = text.splitlines(keepends=True)
    return cell


def _without_widget_view(output: dict) -> dict | None:
    """``output`` without its widget view: kept if a static HTML twin remains, else dropped."""
    data = output.get("data", {})
    if WIDGET_VIEW not in data:
        return output
    if "text/html" not in data:
        return None
    output["data"] = {key: value for key, value in data.items() if key != WIDGET_VIEW}
    return output


def unique_ids(cells: list[dict]) -> list[dict]:
    """Give every cell a unique id, keeping the first of each repeated id (idempotent).

    A repeat becomes ``<id>-2``, ``<id>-3`` ... (the first such name not already used).

    >>> [c["id"] for c in unique_ids([{"id": "c01"}, {"id": "c02"}, {"id": "c01"}, {"id": "c01-2"}])]
    ['c01', 'c02', 'c01-3', 'c01-2']
    """
    taken = {cell["id"] for cell in cells if "id" in cell}
    seen: set[str] = set()
    for cell in cells:
        if "id" not in cell:
            continue
        if cell["id"] in seen:
            k = 2
            while f"{cell['id']}-{k}" in taken:
                k += 1
            cell["id"] = f"{cell['id']}-{k}"
            taken.add(cell["id"])
        seen.add(cell["id"])
    return cells


def clean(notebook: dict) -> dict:
    """Return ``notebook`` (nbformat JSON as a dict) with widget state and noise removed."""
    notebook.get("metadata", {}).pop("widgets", None)
    for cell in notebook.get("cells", []):
        cell.get("metadata", {}).pop("execution", None)
        if cell.get("cell_type") != "code":
            continue
        markers_to_tags(cell)
        kept = (_without_widget_view(out) for out in cell.get("outputs", []))
        cell["outputs"] = [out for out in kept if out is not None]
    unique_ids(notebook.get("cells", []))
    return notebook


def main(paths: list[str]) -> int:
    for name in paths:
        path = Path(name)
        notebook = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(clean(notebook), indent=1, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
