"""Tables shown in full: long cells wrap instead of being cut off with "...".

pandas cuts any cell longer than 50 characters when it displays a table, which hides the very
definitions a table is there to show (a mode's malign forms, a lever's unit). :func:`full_table`
wraps a table so that, in a notebook or handout, every cell is shown whole and wraps within its
column (left-aligned, top-aligned, headers wrapping too), and as plain text it reads row by row,
one labelled line per cell, so nothing is cut there either.

Examples
--------
>>> import pandas as pd
>>> t = full_table(pd.DataFrame({"malign": ["overbearing, micro-managing, " * 3]}, index=["hierarchy"]))
>>> "..." in repr(t)
False
>>> print(repr(t).splitlines()[0])
hierarchy
"""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass

import pandas as pd

__all__ = ["FullTable", "full_table"]

_CELL = "text-align:left; vertical-align:top; white-space:normal; padding:0.2em 0.6em"


@dataclass(frozen=True)
class FullTable:
    """A table displayed whole: every cell wraps in HTML; plain text lists each row's cells.

    Attributes
    ----------
    table : pandas.DataFrame
        The table, unchanged (use it for any further computation).
    caption : str
        Shown above the table (and first in plain text), if given.
    width : int
        Line width of the plain-text form.
    """

    table: pd.DataFrame
    caption: str = ""
    width: int = 100

    def _repr_html_(self) -> str:
        t = self.table
        head = "".join(f'<th scope="col" style="{_CELL}">{html.escape(str(c))}</th>' for c in t.columns)
        corner = html.escape(str(t.index.name or ""))
        rows = "".join(
            f'<tr><th scope="row" style="{_CELL}">{html.escape(str(label))}</th>'
            + "".join(f'<td style="{_CELL}">{html.escape(_text(v))}</td>' for v in row)
            + "</tr>"
            for label, row in zip(t.index, t.itertuples(index=False), strict=True)
        )
        caption = f"<caption>{html.escape(self.caption)}</caption>" if self.caption else ""
        return (f'<table class="coordkit-full-table" style="border-collapse:collapse">{caption}'
                f'<thead><tr><th style="{_CELL}">{corner}</th>{head}</tr></thead>'
                f"<tbody>{rows}</tbody></table>")

    def __repr__(self) -> str:
        lines = [self.caption] if self.caption else []
        for label, row in zip(self.table.index, self.table.itertuples(index=False), strict=True):
            lines.append(str(label))
            for column, value in zip(self.table.columns, row, strict=True):
                text = _text(value)
                if text:
                    lines += textwrap.wrap(f"{column}: {text}", self.width, initial_indent="  ",
                                           subsequent_indent="      ")
        return "\n".join(lines)


def _text(value: object) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return "" if value is None else str(value)


def full_table(table: pd.DataFrame, caption: str = "", *, width: int = 100) -> FullTable:
    """Show ``table`` whole: no cell cut off, long cells wrapped.

    Parameters
    ----------
    table : pandas.DataFrame
    caption : str, optional
        A line said before the table.
    width : int, default 100
        Line width of the plain-text form.

    Returns
    -------
    FullTable
        Displays as a wrapping HTML table in notebooks and handouts.

    Examples
    --------
    >>> from coordkit import modes
    >>> shown = full_table(modes.table()[["malign"]])
    >>> "self-serving, rule-bound" in shown._repr_html_()
    True
    >>> "..." in repr(shown)
    False
    """
    return FullTable(table, caption, width)
