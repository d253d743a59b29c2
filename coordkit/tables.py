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
>>> "white-space:normal" in shown._repr_html_() and "..." not in repr(shown)
True
>>> folded = details(frame, "See the full table")
>>> folded
See the full table (1 row; open it in the notebook or handout)
>>> folded._repr_html_().startswith("<details><summary>See the full table</summary>")
True
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import pandas as pd

__all__ = ["Table", "details", "full_table"]

_CELL = "white-space:normal;text-align:left;vertical-align:top;max-width:36em;padding:0.2em 0.6em"


def _text(value: object) -> str:
    if isinstance(value, float):
        return "" if pd.isna(value) else f"{value:g}"
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Table:
    """A table to display in full.

    Attributes
    ----------
    frame : pandas.DataFrame
        The table, unchanged (use it for any further computation).
    summary : str
        The expander's label when ``folded``; else an optional caption.
    folded : bool
        Behind a ``<details>`` expander (closed until the reader opens it).
    index : bool
        Show the frame's index (as row headers).
    width : int
        Line width of the plain-text form.
    """

    frame: pd.DataFrame
    summary: str = ""
    folded: bool = False
    index: bool = True
    width: int = 100

    def html(self) -> str:
        """The table as HTML: escaped text, wrapped cells, header cells scoped, a caption or an expander."""
        from coordkit.html import render

        t = self.frame
        rows = [(str(label), [_text(v) for v in row])
                for label, row in zip(t.index, t.itertuples(index=False), strict=True)]
        return render("table.html.j2", columns=[str(c) for c in t.columns], rows=rows,
                      index_name=str(t.index.name or ""), show_index=self.index,
                      caption=self.summary if not self.folded else "", folded=self.folded,
                      summary=self.summary, cell=_CELL)

    def _repr_html_(self) -> str:
        return self.html()

    def __repr__(self) -> str:
        n = len(self.frame)
        if self.folded:
            return f"{self.summary} ({n} row{'s' if n != 1 else ''}; open it in the notebook or handout)"
        lines = [self.summary] if self.summary else []
        for label, row in zip(self.frame.index, self.frame.itertuples(index=False), strict=True):
            if self.index:
                lines.append(str(label))
            for column, value in zip(self.frame.columns, row, strict=True):
                text = _text(value)
                if text:
                    lines += textwrap.wrap(f"{column}: {text}", self.width, initial_indent="  ",
                                           subsequent_indent="      ")
        return "\n".join(lines)


def full_table(frame: pd.DataFrame, caption: str = "", index: bool = True, *, width: int = 100) -> Table:
    """Show every cell of ``frame`` in full, wrapped to the page.

    Parameters
    ----------
    frame : pandas.DataFrame
    caption : str, optional
        A line above the table.
    index : bool, default True
        Show the index (as row headers).
    width : int, default 100
        Line width of the plain-text form.

    Returns
    -------
    Table
        Displays as a wrapping HTML table in a notebook or handout; ``repr`` lists each row's cells
        in full, wrapped.

    Examples
    --------
    >>> import pandas as pd
    >>> print(repr(full_table(pd.DataFrame({"a": [1]}, index=["row"]))))
    row
      a: 1
    >>> from coordkit import modes
    >>> "self-serving, rule-bound" in full_table(modes.table()[["malign"]])._repr_html_()
    True
    """
    return Table(frame, caption, folded=False, index=index, width=width)


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
