"""Tables shown in full: every cell wrapped, never cut, or folded behind a "See the full table" expander.

A notebook that shows a :class:`pandas.DataFrame` the default way cuts long text (``"self-serving,
rul..."``) and lets wide tables run off the page, so a definition or a coding reason can be half
hidden. :func:`full_table` shows every cell in full, its text wrapped to the page, left-aligned and
read top to bottom; :func:`details` does the same behind an HTML ``<details>`` expander, for long
tables a learner may skip. As plain text (on GitHub without HTML, or in a terminal) a full table
prints every cell in full too; a folded one prints one line saying what it holds.

Any chapter can use these: ``from coordkit.tables import full_table, details``.

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame({"form": ["hierarchy"], "failure": ["rule-following for its own sake " * 4]})
>>> shown = full_table(frame)
>>> "rule-following for its own sake rule-following" in repr(shown)
True
>>> "white-space:normal" in shown._repr_html_() and "..." not in shown._repr_html_()
True
>>> folded = details(frame, "See the full table")
>>> folded
See the full table (1 row; open it in the notebook or handout)
>>> folded._repr_html_().startswith("<details><summary>See the full table</summary>")
True
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

__all__ = ["Table", "details", "full_table"]

_CELL = "white-space:normal;text-align:left;vertical-align:top;max-width:36em"


@dataclass(frozen=True)
class Table:
    """A table to display in full.

    Attributes
    ----------
    frame : pandas.DataFrame
    summary : str
        The expander's label when ``folded``; else an optional caption.
    folded : bool
        Behind a ``<details>`` expander (closed until the reader opens it).
    index : bool
        Show the frame's index.
    """

    frame: pd.DataFrame
    summary: str = ""
    folded: bool = False
    index: bool = True

    def html(self) -> str:
        """The table as HTML: escaped text, wrapped cells, a caption or an expander."""
        body = self.frame.to_html(escape=True, index=self.index, na_rep="", border=0)
        body = body.replace("<td>", f'<td style="{_CELL}">').replace("<th>", f'<th style="{_CELL}">')
        body = f'<div class="coordkit-table" style="overflow-x:auto">{body}</div>'
        label = html.escape(self.summary)
        if self.folded:
            return f"<details><summary>{label}</summary>{body}</details>"
        return (f"<p><strong>{label}</strong></p>" if label else "") + body

    def _repr_html_(self) -> str:
        return self.html()

    def __repr__(self) -> str:
        n = len(self.frame)
        if self.folded:
            return f"{self.summary} ({n} row{'s' if n != 1 else ''}; open it in the notebook or handout)"
        with pd.option_context("display.max_colwidth", None, "display.width", 10_000,
                               "display.max_columns", None, "display.max_rows", None):
            text = self.frame.to_string(index=self.index)
        return f"{self.summary}\n{text}" if self.summary else text


def full_table(frame: pd.DataFrame, caption: str = "", index: bool = True) -> Table:
    """Show every cell of ``frame`` in full, wrapped to the page.

    Parameters
    ----------
    frame : pandas.DataFrame
    caption : str, optional
        A line above the table.
    index : bool, default True
        Show the index.

    Returns
    -------
    Table
        Displays as HTML in a notebook; ``repr`` is the whole table as text.

    Examples
    --------
    >>> import pandas as pd
    >>> print(repr(full_table(pd.DataFrame({"a": [1]}), index=False)))
     a
     1
    """
    return Table(frame, caption, folded=False, index=index)


def details(frame: pd.DataFrame, summary: str | None = None, index: bool = True) -> Table:
    """Fold ``frame``, shown in full, behind a "See the full table" expander.

    Parameters
    ----------
    frame : pandas.DataFrame
    summary : str, optional
        The expander's label; default "See the full table (N rows)".
    index : bool, default True

    Returns
    -------
    Table

    Examples
    --------
    >>> import pandas as pd
    >>> details(pd.DataFrame({"a": [1, 2]})).summary
    'See the full table (2 rows)'
    """
    n = len(frame)
    return Table(frame, summary or f"See the full table ({n} row{'s' if n != 1 else ''})", folded=True,
                 index=index)
