"""Keep committed notebooks small and diff-friendly without touching what nbval compares.

Removes: saved widget state (notebook metadata ``widgets``), widget-view outputs (they point at
widget models that are not saved, which JupyterLab would show as "model not found"), per-cell
execution timing metadata and kernel-specific language-info noise. Keeps: every other output and
the execution counts (nbval only compares cells that have been executed).

Usage: ``python tools/clean_notebooks.py NOTEBOOK [NOTEBOOK ...]`` (``./kit execute`` runs it).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def clean(notebook: dict) -> dict:
    """Return ``notebook`` (nbformat JSON as a dict) with widget state and noise removed."""
    notebook.get("metadata", {}).pop("widgets", None)
    for cell in notebook.get("cells", []):
        cell.get("metadata", {}).pop("execution", None)
        if cell.get("cell_type") != "code":
            continue
        cell["outputs"] = [
            out for out in cell.get("outputs", []) if WIDGET_VIEW not in out.get("data", {})
        ]
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
