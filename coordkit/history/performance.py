"""Performance snapshots: load a series and read each row's period and basis for display.

:func:`period_span` reads a ``period`` (month, quarter, financial year, span...),
:func:`common_basis` splits the caveats every row shares from each row's own, :func:`basis_tags`
flags rows on a different footing (type 1 only, planned, interim...), :func:`basis_breaks` finds
the years a definition changed, and :func:`snapshots` puts it all together for one series.

Examples
--------
>>> snapshots(load_performance(), "ae_4hr")["letter"].iloc[0]
'a'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from coordkit import data

__all__ = ["Snapshot", "basis_breaks", "basis_tags", "common_basis", "load_performance", "performance_series",
           "period_span", "snapshots"]


def load_performance(directory: str | Path | None = None) -> pd.DataFrame:
    """The performance snapshots (long format), validated and sorted by series and period.

    Parameters
    ----------
    directory : str or Path, optional
        Data folder; default the kit's own.

    Returns
    -------
    pandas.DataFrame
        Columns ``series, period, period_start, value, unit, basis, source``.

    Examples
    --------
    >>> perf = load_performance()
    >>> "ae_4hr" in set(perf["series"])
    True
    """
    frame = data.load("nhs_performance.csv", directory)
    meta = frame.attrs
    frame = frame.sort_values(["series", "period_start", "period"], kind="stable").reset_index(drop=True)
    frame.attrs.update(meta)
    return frame


def performance_series(performance: pd.DataFrame, series: str) -> pd.DataFrame:
    """The rows of one series, in time order, with their basis and source.

    Parameters
    ----------
    performance : pandas.DataFrame
        As returned by :func:`load_performance`.
    series : str
        A value of the ``series`` column, e.g. ``"rtt_waiting_list"``.

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    ValueError
        If the series is unknown; the message lists the series available.

    Examples
    --------
    >>> rtt = performance_series(load_performance(), "rtt_waiting_list")
    >>> rtt["unit"].unique().tolist()
    ['million pathways']
    """
    known = sorted(set(performance["series"]))
    if series not in known:
        raise ValueError(f"unknown series {series!r}; available: {', '.join(known)}")
    rows = performance[performance["series"] == series]
    return rows.sort_values("period_start", kind="stable").reset_index(drop=True)


@dataclass(frozen=True)
class Snapshot:
    """Where one performance row sits in time, read from its ``period`` text.

    Attributes
    ----------
    start, end : float
        Decimal years; ``end`` is ``nan`` for an open-ended period ("from 2010-07").
    kind : str
        ``"month"``, ``"quarter"``, ``"months"``, ``"financial year"``, ``"year"``,
        ``"span"`` (an average over several years) or ``"from"`` (in force from a date).
    """

    start: float
    end: float
    kind: str

    @property
    def middle(self) -> float:
        """Where to draw a point for the period."""
        return self.start if np.isnan(self.end) else (self.start + self.end) / 2


_PERIOD_PATTERNS = (
    (re.compile(r"from (\d{4})(?:-(\d{2}))?"), "from"),
    (re.compile(r"(\d{4})-(\d{2})"), "month"),
    (re.compile(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})"), "months"),
    (re.compile(r"(\d{4})/(\d{2})"), "financial year"),
    (re.compile(r"(\d{4})/\d{2}-(\d{4})/\d{2}"), "span"),
    (re.compile(r"(\d{4})"), "year"),
)


def period_span(period: str) -> Snapshot:
    """Read a ``period`` of ``nhs_performance.csv`` as a span of decimal years.

    The formats are those the sidecar documents: a month ``2019-12``, a span of months
    ``2013-01/2013-03``, a financial year ``2022/23`` (1 April to 31 March), a span of financial
    years ``2009/10-2014/15``, a survey or calendar year ``2023``, and ``from 2010-07`` for a
    standard in force from a date.

    Parameters
    ----------
    period : str

    Returns
    -------
    Snapshot

    Raises
    ------
    ValueError
        If the text matches none of the formats.

    Examples
    --------
    >>> period_span("2022/23")
    Snapshot(start=2022.25, end=2023.25, kind='financial year')
    >>> period_span("2013-01/2013-03").kind, period_span("from 2010-07").start
    ('quarter', 2010.5)
    >>> period_span("1996/97-2009/10")
    Snapshot(start=1996.25, end=2010.25, kind='span')
    """
    text = str(period).strip()
    for pattern, kind in _PERIOD_PATTERNS:
        match = pattern.fullmatch(text)
        if not match:
            continue
        # every group is a number; only the month of "from 2010" may be missing (then January)
        g = [int(x) if x else 1 for x in match.groups()]
        if kind == "from":
            return Snapshot(g[0] + (g[1] - 1) / 12, float("nan"), "from")
        if kind == "month":
            start = g[0] + (g[1] - 1) / 12
            return Snapshot(start, start + 1 / 12, "month")
        if kind == "months":
            start, last = g[0] + (g[1] - 1) / 12, g[2] + (g[3] - 1) / 12
            months = round((last - start) * 12) + 1
            return Snapshot(start, last + 1 / 12, "quarter" if months == 3 else "months")
        if kind == "financial year":
            return Snapshot(g[0] + 0.25, g[0] + 1.25, "financial year")
        if kind == "span":
            return Snapshot(g[0] + 0.25, g[1] + 1.25, "span")
        return Snapshot(float(g[0]), g[0] + 1.0, "year")
    raise ValueError(
        f"period {period!r} is not a month (2019-12), span of months (2013-01/2013-03), financial "
        "year (2022/23), span of years (2009/10-2014/15), year (2023) or 'from 2010-07'"
    )


def _clauses(basis: str) -> list[str]:
    return [c.strip() for c in str(basis).split(";") if c.strip()]


def common_basis(bases: Sequence[str]) -> tuple[str, list[str]]:
    """Split basis notes into the caveat every row shares and what is particular to each row.

    A basis is read as clauses separated by ``;``. Clauses found in every row are common;
    the rest stay with their row.

    Parameters
    ----------
    bases : sequence of str
        The ``basis`` column of one series.

    Returns
    -------
    common : str
        The shared clauses, joined by ``"; "`` (empty if none is shared, or only one row).
    particular : list of str
        For each row, its remaining clauses (empty string if none).

    Examples
    --------
    >>> common_basis(["monthly; all types; rounded", "monthly; all types"])
    ('monthly; all types', ['rounded', ''])
    """
    split = [_clauses(b) for b in bases]
    if len(split) < 2:
        return "", ["; ".join(s) for s in split]
    shared = [c for c in split[0] if all(c in s for s in split[1:])]
    return "; ".join(shared), ["; ".join(c for c in s if c not in shared) for s in split]


#: Caveats that put a row on a different footing from its neighbours, as (pattern, tag).
_TAGS = (
    (re.compile(r"\btype 1\b", re.IGNORECASE), "type 1 only"),
    (re.compile(r"\bplanned\b", re.IGNORECASE), "planned, not outturn"),
    (re.compile(r"\bUK-wide\b"), "UK-wide"),
    (re.compile(r"\binterim\b|\bminimum to be reached\b", re.IGNORECASE), "interim threshold"),
    (re.compile(r"\bthree years\b|\bthree-year\b", re.IGNORECASE), "covers three years"),
)


def basis_tags(basis: str) -> list[str]:
    """Short tags for caveats that make a row unlike its neighbours (type 1 only, planned ...).

    Parameters
    ----------
    basis : str

    Returns
    -------
    list of str
        Possibly empty.

    Examples
    --------
    >>> basis_tags("monthly, TYPE 1 (major emergency departments) only")
    ['type 1 only']
    >>> basis_tags("monthly, all A&E types")
    []
    """
    return [tag for pattern, tag in _TAGS if pattern.search(str(basis))]


_BREAK_WORDS = re.compile(r"\b(changed|realigned|redefined|break)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")


def basis_breaks(bases: Iterable[str]) -> list[int]:
    """Years where a basis note says the definition of a series changed.

    Looks for clauses mentioning a change (``changed``, ``realigned``, ``redefined``, ``break``)
    and collects the years they name.

    Parameters
    ----------
    bases : iterable of str

    Returns
    -------
    list of int
        Sorted, without repeats.

    Examples
    --------
    >>> basis_breaks(["counts pathways; definitions changed in 2007 and 2009, so earlier lists differ"])
    [2007, 2009]
    >>> basis_breaks(["the question set was realigned in 2021", "monthly"])
    [2021]
    """
    years: set[int] = set()
    for basis in bases:
        for clause in re.split(r"[;.]", str(basis)):
            if _BREAK_WORDS.search(clause):
                years.update(int(y) for y in _YEAR.findall(clause))
    return sorted(years)


def _letter(k: int) -> str:
    return chr(ord("a") + k) if k < 26 else f"z{k - 25}"


def snapshots(performance: pd.DataFrame, series: str) -> pd.DataFrame:
    """One series' rows with where each sits in time, its letter, tags and particular basis.

    Parameters
    ----------
    performance : pandas.DataFrame
        As from :func:`load_performance`.
    series : str

    Returns
    -------
    pandas.DataFrame
        The series' rows (in time order) plus ``letter``, ``start``, ``end``, ``x`` (where to
        draw), ``kind``, ``tags`` (list) and ``particular`` (basis clauses not shared by every
        row); ``attrs["common_basis"]`` holds the shared clauses.

    Raises
    ------
    ValueError
        If the series is unknown (listing those available).

    Examples
    --------
    >>> snaps = snapshots(load_performance(), "ae_4hr")
    >>> snaps.loc[snaps["period"] == "2022-12", ["letter", "kind", "tags"]].values.tolist()
    [['h', 'month', ['type 1 only']]]
    """
    rows = performance_series(performance, series).copy()
    spans = [period_span(p) for p in rows["period"]]
    common, particular = common_basis(list(rows["basis"]))
    rows["letter"] = [_letter(k) for k in range(len(rows))]
    rows["start"] = [s.start for s in spans]
    rows["end"] = [s.end for s in spans]
    rows["x"] = [s.middle for s in spans]
    rows["kind"] = [s.kind for s in spans]
    rows["tags"] = [basis_tags(b) for b in rows["basis"]]
    rows["particular"] = particular
    rows.attrs = {"common_basis": common, "series": series}
    return rows
