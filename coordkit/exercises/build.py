r"""Build exercise notebooks from their single source: the lecturer's solution and the student version.

Each exercise lives in ``exercises/src/NN_name.py`` in the "percent" format (cells start with
``# %%``, markdown cells with ``# %% [markdown]`` and ``# `` on every line). Inside a code cell,
the lines between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` are the worked answer. A
``# %% [paper]`` cell (written like a markdown cell) after a task is that task's text on paper,
for ``./kit handouts`` (``tools/publish.py``); the notebooks leave it out. From one source this
writes:

- ``exercises/solutions/NN_name.ipynb``: everything, markers removed, each code cell tagged
  ``nbval-check-output`` (run it with ``./kit execute`` to store outputs, which nbval then
  compares: every check must still say it is correct);
- ``exercises/NN_name.ipynb``: the student version, where each solution block becomes one line
  per variable it assigns, ``name = ____``, so the checks report "not attempted" until the
  student answers.

Command line: ``python -m coordkit.exercises.build [--check]`` from the repository root
(``--check`` writes nothing and exits 1 if a committed notebook is out of date).

Examples
--------
>>> cells = parse_percent("# %% [markdown]\n# # Title\n# %%\nx = 1\n")
>>> [(c.kind, c.source) for c in cells]
[('markdown', '# Title'), ('code', 'x = 1')]
>>> [c.kind for c in parse_percent("# %% [markdown]\n# ## Task 1\n# %% [paper]\n# On paper.\n")]
['markdown', 'paper']
>>> student_source("### BEGIN SOLUTION\nanswer = 42\n### END SOLUTION\nq1.check()")
'answer = ____  # replace ____ with your answer\nq1.check()'
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Cell", "build_all", "notebook_json", "parse_percent", "solution_source", "student_source"]

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
_ASSIGNMENT = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)")


@dataclass(frozen=True)
class Cell:
    """One cell of a percent-format source: ``kind`` is ``"code"``, ``"markdown"`` or ``"paper"``.

    A ``"paper"`` cell is the preceding task's wording for the printed exercise (no code); the
    notebooks leave it out.
    """

    kind: str
    source: str


def parse_percent(text: str) -> list[Cell]:
    """Split a percent-format script into cells.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of Cell

    Raises
    ------
    ValueError
        If text comes before the first ``# %%`` marker, naming the line.
    """
    cells: list[Cell] = []
    kind: str | None = None
    lines: list[str] = []

    def flush() -> None:
        if kind is None:
            return
        body = "\n".join(lines).strip("\n")
        if kind in ("markdown", "paper"):
            body = "\n".join(line[2:] if line.startswith("# ") else line.lstrip("#")
                             for line in body.splitlines())
        cells.append(Cell(kind, body))

    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("# %%"):
            flush()
            kind = "markdown" if "[markdown]" in line else "paper" if "[paper]" in line else "code"
            lines = []
        elif kind is None:
            if line.strip():
                raise ValueError(f"line {number}: text before the first '# %%' cell marker")
        else:
            lines.append(line)
    flush()
    return cells


def _blocks(source: str) -> list[tuple[bool, list[str]]]:
    """Split a cell into (is_solution, lines) runs, checking the markers pair up."""
    runs: list[tuple[bool, list[str]]] = [(False, [])]
    for line in source.splitlines():
        if line.strip() == BEGIN:
            if runs[-1][0]:
                raise ValueError(f"nested {BEGIN}")
            runs.append((True, []))
        elif line.strip() == END:
            if not runs[-1][0]:
                raise ValueError(f"{END} without {BEGIN}")
            runs.append((False, []))
        else:
            runs[-1][1].append(line)
    if runs[-1][0]:
        raise ValueError(f"{BEGIN} without {END}")
    return runs


def solution_source(source: str) -> str:
    r"""The cell with its solution markers removed.

    Examples
    --------
    >>> solution_source("### BEGIN SOLUTION\nanswer = 42\n### END SOLUTION")
    'answer = 42'
    """
    return "\n".join(line for _, lines in _blocks(source) for line in lines).strip("\n")


def student_source(source: str) -> str:
    """The cell with each solution block replaced by ``name = ____`` lines."""
    out: list[str] = []
    for is_solution, lines in _blocks(source):
        if not is_solution:
            out.extend(lines)
            continue
        names = [m.group(1) for line in lines if (m := _ASSIGNMENT.match(line))]
        if not names:
            raise ValueError("a solution block must assign the answer variable at the start "
                             "of a line")
        # The answer is the block's last assignment; earlier lines are the worked steps.
        out.append(f"{names[-1]} = ____  # replace ____ with your answer")
    return "\n".join(out).strip("\n")


def notebook_json(cells: list[Cell], *, student: bool) -> dict:
    """An nbformat-4 notebook (as JSON) for one version of the exercise, with no outputs."""
    nb_cells = []
    for k, cell in enumerate(c for c in cells if c.kind != "paper"):
        if cell.kind == "markdown":
            source = cell.source
        else:
            source = student_source(cell.source) if student else solution_source(cell.source)
        metadata: dict = {}
        if cell.kind == "code" and not student:
            # nbval compares every solution cell's output (the feedback) in --nbval-lax mode.
            metadata = {"tags": ["nbval-check-output"]}
        entry: dict = {"cell_type": cell.kind, "id": f"c{k:02d}", "metadata": metadata,
                       "source": source.splitlines(keepends=True)}
        if cell.kind == "code":
            entry.update(execution_count=None, outputs=[])
        nb_cells.append(entry)
    return {
        "cells": nb_cells,
        "metadata": {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python",
                                    "name": "python3"}, "language_info": {"name": "python"}},
        "nbformat": 4, "nbformat_minor": 5,
    }


def _dump(nb: dict) -> str:
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


def _same_sources(a: dict, b: dict) -> bool:
    def key(nb: dict) -> list[tuple[str, str, str]]:
        return [(c["cell_type"], "".join(c["source"]), json.dumps(c.get("metadata", {}).get("tags")))
                for c in nb["cells"]]
    return key(a) == key(b)


def build_all(root: Path, *, check: bool = False) -> list[str]:
    """Write (or, with ``check``, compare) every student and solution notebook.

    A solution notebook whose cell sources are unchanged is left alone, so its stored outputs
    survive a rebuild.

    Parameters
    ----------
    root : Path
        The ``exercises`` folder.
    check : bool, default False
        Write nothing; return the notebooks that are out of date.

    Returns
    -------
    list of str
        The notebooks written (or out of date), relative to ``root``.
    """
    changed = []
    for src in sorted((root / "src").glob("*.py")):
        cells = parse_percent(src.read_text(encoding="utf-8"))
        student = root / f"{src.stem}.ipynb"
        solution = root / "solutions" / f"{src.stem}.ipynb"
        want_student = _dump(notebook_json(cells, student=True))
        if not student.exists() or student.read_text(encoding="utf-8") != want_student:
            changed.append(str(student.relative_to(root)))
            if not check:
                student.write_text(want_student, encoding="utf-8")
        want_solution = notebook_json(cells, student=False)
        have = json.loads(solution.read_text(encoding="utf-8")) if solution.exists() else None
        if have is None or not _same_sources(have, want_solution):
            changed.append(str(solution.relative_to(root)))
            if not check:
                solution.parent.mkdir(exist_ok=True)
                solution.write_text(_dump(want_solution), encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: build, or check with ``--check``."""
    parser = argparse.ArgumentParser(prog="python -m coordkit.exercises.build")
    parser.add_argument("--check", action="store_true", help="write nothing; fail if out of date")
    parser.add_argument("--root", default="exercises", help="the exercises folder")
    args = parser.parse_args(argv)
    changed = build_all(Path(args.root), check=args.check)
    for name in changed:
        print(("out of date: " if args.check else "wrote ") + name)
    return 1 if (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
