"""Loading, selecting and reading reforms: the one selection every view of the reforms uses.

:func:`select_reforms` is the one selection every table, figure, description and widget uses;
:func:`filter_reforms` is a thin wrapper kept for notebooks. :func:`decimal_year`,
:func:`date_label` and :func:`push_label` read a reform for display.

Examples
--------
>>> len(select_reforms(load_reforms(), start=2022, end=2022))
4
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Literal, TypeAlias

import numpy as np
import pandas as pd

from coordkit import data
from coordkit.history.eras import ERA_LABELS, MAX_PUSH, MIN_PUSH, PUSH_COLUMNS
from coordkit.history.recoding import recode_many
from coordkit.modes import ALL_MODES, Mode, parse_mode

__all__ = ["WORDING_CHECKED", "Bound", "Direction", "apply_coding", "chosen_modes", "date_label",
           "decimal_bound", "decimal_year", "doctrine_table", "filter_reforms", "load_reforms", "push_label",
           "select_reforms"]

Direction: TypeAlias = Literal["up", "down", "any"]
#: A ``start`` or ``end`` of a selection: a whole year, a decimal year, an ISO date or a date.
Bound: TypeAlias = int | float | str | date | datetime | pd.Timestamp
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


#: The displayed name of ``hood_npm_doctrines.csv``'s ``wording_confirmed`` column, which says how
#: far the doctrine's wording was checked, never whether Hood (1991) named it (he named all seven).
WORDING_CHECKED = "wording checked against Hood (1991)"


def doctrine_table(directory: str | Path | None = None) -> pd.DataFrame:
    """Hood's seven NPM doctrines with the kit's mode for each, as a learner reads them.

    The data's ``wording_confirmed`` column (True/False) is shown as :data:`WORDING_CHECKED`, in
    words: "quoted" where the wording was confirmed from a direct quotation of Hood (1991), "short
    name only" where only the short name was confirmed, from secondary summaries. Either way the
    doctrine is Hood's; only how closely the kit could check his wording differs.

    Parameters
    ----------
    directory : str or Path, optional
        Data folder; default the kit's own.

    Returns
    -------
    pandas.DataFrame
        Indexed by Hood's doctrine number (1 to 7, the only numbering shown); columns doctrine, mode,
        secondary_mode and :data:`WORDING_CHECKED`.

    Examples
    --------
    >>> table = doctrine_table()
    >>> table[WORDING_CHECKED].value_counts().to_dict()
    {'quoted': 4, 'short name only': 3}
    >>> table.index.name, table.index.tolist()
    ('number', [1, 2, 3, 4, 5, 6, 7])
    """
    frame = data.load("hood_npm_doctrines.csv", directory)
    shown = frame[["number", "doctrine", "mode", "secondary_mode"]].copy()
    shown[WORDING_CHECKED] = frame["wording_confirmed"].map({True: "quoted", False: "short name only"})
    return shown.set_index("number")


def load_reforms(directory: str | Path | None = None) -> pd.DataFrame:
    """The reforms, validated against their sidecar and sorted by date.

    Parameters
    ----------
    directory : str or Path, optional
        Data folder; default the kit's own (:func:`coordkit.data.data_dir`).

    Returns
    -------
    pandas.DataFrame
        One row per reform with the columns of ``nhs_reforms.csv``; ``date`` is a datetime and
        the ``push_*`` columns are integers. ``attrs["sidecar"]`` holds the sidecar.

    Examples
    --------
    >>> reforms = load_reforms()
    >>> reforms.iloc[0]["id"]
    'nhs_act_1946'
    """
    frame = data.load("nhs_reforms.csv", directory)
    meta = frame.attrs
    frame = frame.sort_values(["date", "id"], kind="stable").reset_index(drop=True)
    frame.attrs.update(meta)
    return frame


def _as_timestamp(value: int | str | date | datetime | pd.Timestamp, *, end: bool) -> pd.Timestamp:
    """A bound for a date filter: a year means its first (or last) day."""
    if isinstance(value, bool):
        raise TypeError(f"date bound {value!r} must be a year, an ISO date or a date, not a bool")
    if isinstance(value, int | np.integer):
        return pd.Timestamp(int(value), 12, 31) if end else pd.Timestamp(int(value), 1, 1)
    try:
        return pd.Timestamp(value)
    except (TypeError, ValueError):
        raise ValueError(f"date bound {value!r} is not a year, an ISO date or a date") from None


def decimal_bound(value: Bound, *, end: bool) -> float:
    """A ``start`` or ``end`` bound of :func:`select_reforms` as a decimal year.

    A whole year is its first day (``end=False``) or its last day (``end=True``); a date is
    that day; a float is already a decimal year.

    Parameters
    ----------
    value : int, float, str, date or Timestamp
    end : bool
        Whether the bound closes the range.

    Returns
    -------
    float

    Examples
    --------
    >>> decimal_bound(2022, end=False), round(decimal_bound(2022, end=True), 3)
    (2022.0, 2022.997)
    >>> decimal_bound(2022.5, end=True)
    2022.5
    """
    if isinstance(value, float | np.floating):
        if not math.isfinite(value):
            raise ValueError(f"date bound {value!r} must be a finite decimal year")
        return float(value)
    return float(decimal_year([_as_timestamp(value, end=end)])[0])


def _as_set(values: str | Iterable[str]) -> list[str]:
    return [values] if isinstance(values, str) else list(values)


def chosen_modes(modes: str | Mode | Iterable[str | Mode] | None) -> list[Mode]:
    """The modes named (names, initials or :class:`~coordkit.modes.Mode`), in the kit's order.

    Parameters
    ----------
    modes : mode, iterable of modes or None
        ``None`` means all four.

    Returns
    -------
    list of Mode

    Raises
    ------
    ValueError
        For an unknown mode.

    Examples
    --------
    >>> [m.initial for m in chosen_modes(["F", "hierarchy"])], len(chosen_modes(None))
    (['H', 'F'], 4)
    """
    if modes is None:
        return list(ALL_MODES)
    if isinstance(modes, str | Mode):
        modes = [modes]
    chosen = {parse_mode(m) for m in modes}
    return [m for m in ALL_MODES if m in chosen]


def apply_coding(
    reforms: pd.DataFrame,
    coding: pd.DataFrame | Mapping[str, Mapping[str | Mode, int]] | None,
) -> pd.DataFrame:
    """The reforms with another coding put in place of the kit's; the input is never modified.

    Parameters
    ----------
    reforms : pandas.DataFrame
        As returned by :func:`load_reforms`.
    coding : DataFrame, mapping or None
        ``None`` keeps the kit's coding. A frame with an ``id`` column and any of the four
        ``push_*`` columns (a class consensus, one student's coding, a recoded copy of the
        reforms) replaces the pushes of the reforms it lists; a missing value keeps the kit's
        push. A mapping of id to ``{mode: push}`` is passed to :func:`recode_many`. Reforms the
        coding does not mention keep the kit's coding.

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    ValueError
        If the coding names a reform id that is not in ``reforms`` or has a push outside -2..+2.

    Examples
    --------
    >>> reforms = load_reforms()
    >>> theirs = pd.DataFrame({"id": ["nhs_act_1946"], "push_solidarity": [1]})
    >>> mine = apply_coding(reforms, theirs).set_index("id")
    >>> int(mine.loc["nhs_act_1946", "push_solidarity"]), int(mine.loc["nhs_act_1946", "push_hierarchy"])
    (1, 2)
    """
    if coding is None:
        return reforms
    if isinstance(coding, Mapping):
        return recode_many(reforms, coding) if coding else reforms
    if "id" not in coding.columns:
        raise ValueError("a coding frame needs an 'id' column naming the reforms it codes")
    columns = [c for c in PUSH_COLUMNS.values() if c in coding.columns]
    known = set(reforms["id"])
    unknown = sorted(set(coding["id"].astype(str)) - known)
    if unknown:
        raise ValueError(f"the coding names reform id(s) not in the reforms: {', '.join(unknown)}")
    out = reforms.copy()
    out.attrs = dict(reforms.attrs)
    position = pd.Series(np.arange(len(out)), index=out["id"].to_numpy())
    rows = position.loc[coding["id"].astype(str).to_numpy()].to_numpy()
    for column in columns:
        values = pd.to_numeric(coding[column], errors="coerce").to_numpy(dtype=float)
        given = ~np.isnan(values)
        if ((values[given] < MIN_PUSH) | (values[given] > MAX_PUSH)).any():
            raise ValueError(f"{column}: a push must be from {MIN_PUSH} to {MAX_PUSH}")
        target = out.columns.get_loc(column)
        current = out[column].to_numpy(dtype=float).copy()
        current[rows[given]] = np.round(values[given])
        out.iloc[:, target] = current.astype(int)
    return out


def select_reforms(
    reforms: pd.DataFrame,
    *,
    eras: str | Iterable[str] | None = None,
    kinds: str | Iterable[str] | None = None,
    start: Bound | None = None,
    end: Bound | None = None,
    modes: str | Mode | Iterable[str | Mode] | None = None,
    direction: Direction = "any",
    coding: pd.DataFrame | Mapping[str, Mapping[str | Mode, int]] | None = None,
) -> pd.DataFrame:
    """The one way the kit selects reforms: for tables, figures, their descriptions and widgets.

    Every condition given must hold. The meanings are fixed:

    * ``eras`` and ``kinds`` keep reforms whose ``era`` or ``kind`` is one of those given.
    * ``start`` and ``end`` are **inclusive**. A whole year (an ``int``) covers that whole
      calendar year: ``start=2022, end=2022`` keeps every reform dated in 2022. An ISO date,
      ``date`` or ``Timestamp`` is that day. A ``float`` is a point in decimal years (as on a
      figure's time axis, so 2022.0 is 1 January 2022).
    * ``modes`` keeps reforms that pushed **at least one** of the modes given in ``direction``:
      ``"up"`` (push > 0), ``"down"`` (< 0) or ``"any"`` (not 0, the default). Without
      ``modes`` there is no mode condition, so reforms coded zero on every mode stay in.
    * ``coding`` first puts another coding in place of the kit's (see :func:`apply_coding`):
      a class consensus or one student's coding, so every view can be drawn from it.

    Parameters
    ----------
    reforms : pandas.DataFrame
        As returned by :func:`load_reforms` (or :func:`recode`).
    eras, kinds, start, end, modes, direction, coding
        As above.

    Returns
    -------
    pandas.DataFrame
        The matching rows in their original order, with the coding asked for.

    Raises
    ------
    ValueError
        For an unknown era or kind (the message lists the known ones), an unknown mode or
        direction, a start after the end, or a bad coding.

    Examples
    --------
    >>> reforms = load_reforms()
    >>> len(select_reforms(reforms, start=2022, end=2022))
    4
    >>> up = select_reforms(reforms, modes="I", direction="up")
    >>> either = select_reforms(reforms, modes="I")
    >>> bool((up["push_individualism"] > 0).all()) and len(either) >= len(up)
    True
    """
    if direction not in ("up", "down", "any"):
        raise ValueError(f"direction must be 'up', 'down' or 'any', not {direction!r}")
    reforms = apply_coding(reforms, coding)
    mask = np.ones(len(reforms), dtype=bool)
    if eras is not None:
        wanted = _as_set(eras)
        unknown = [e for e in wanted if e not in ERA_LABELS]
        if unknown:
            raise ValueError(f"unknown era(s) {unknown}; known eras: {', '.join(ERA_LABELS)}")
        mask &= reforms["era"].isin(wanted).to_numpy()
    if kinds is not None:
        wanted = _as_set(kinds)
        present = sorted(set(reforms["kind"]))
        unknown = [k for k in wanted if k not in present]
        if unknown:
            raise ValueError(f"unknown kind(s) {unknown}; kinds in the data: {', '.join(present)}")
        mask &= reforms["kind"].isin(wanted).to_numpy()
    lo = None if start is None else decimal_bound(start, end=False)
    hi = None if end is None else decimal_bound(end, end=True)
    if lo is not None and hi is not None and lo > hi:
        raise ValueError(f"start {start} is after end {end}")
    if lo is not None or hi is not None:
        x = decimal_year(reforms["date"])
        if lo is not None:
            mask &= x >= lo
        if hi is not None:
            mask &= x <= hi
    if modes is not None:
        chosen = chosen_modes(modes)
        pushes = reforms[[PUSH_COLUMNS[m] for m in chosen]].to_numpy(dtype=float)
        test = {"up": pushes > 0, "down": pushes < 0, "any": pushes != 0}[direction]
        mask &= test.any(axis=1) if chosen else np.zeros(len(reforms), dtype=bool)
    return reforms[mask]


def filter_reforms(
    reforms: pd.DataFrame,
    *,
    eras: str | Iterable[str] | None = None,
    kinds: str | Iterable[str] | None = None,
    start: int | str | date | pd.Timestamp | None = None,
    end: int | str | date | pd.Timestamp | None = None,
    mode: str | Mode | None = None,
    direction: Direction = "up",
) -> pd.DataFrame:
    """Select reforms by era, kind, date range and one mode pushed (kept for notebooks).

    A thin wrapper over :func:`select_reforms` with one mode and, as before, ``direction="up"``
    by default; see that function for what each argument means.

    Parameters
    ----------
    reforms : pandas.DataFrame
        As returned by :func:`load_reforms` (or :func:`recode`).
    eras, kinds, start, end
        As for :func:`select_reforms`.
    mode : str or Mode, optional
        Keep only reforms that pushed this mode (name, initial or :class:`~coordkit.modes.Mode`).
    direction : {"up", "down", "any"}, default "up"
        With ``mode``: pushed it up (> 0), down (< 0) or either way (not 0).

    Returns
    -------
    pandas.DataFrame
        The matching rows, in their original order.

    Raises
    ------
    ValueError
        As for :func:`select_reforms`.

    Examples
    --------
    >>> reforms = load_reforms()
    >>> market = filter_reforms(reforms, eras="internal market", mode="I")
    >>> market["id"].tolist()[:2]
    ['working_for_patients_1989', 'nhs_community_care_act_1990']
    >>> len(filter_reforms(reforms, start=2022, end=2022))
    4
    """
    if direction not in ("up", "down", "any"):
        raise ValueError(f"direction must be 'up', 'down' or 'any', not {direction!r}")
    return select_reforms(reforms, eras=eras, kinds=kinds, start=start, end=end,
                          modes=None if mode is None else [mode], direction=direction)


def decimal_year(dates: pd.Series | Sequence[pd.Timestamp] | pd.DatetimeIndex) -> np.ndarray:
    """Dates as decimal years (1 July 2000 is about 2000.5), for plotting on a year axis.

    Parameters
    ----------
    dates : sequence of datetime-like

    Returns
    -------
    numpy.ndarray of float

    Examples
    --------
    >>> decimal_year(pd.to_datetime(["2000-01-01", "2001-07-02"])).round(3).tolist()
    [2000.0, 2001.5]
    """
    stamps = pd.DatetimeIndex(pd.to_datetime(pd.Series(dates)))
    if len(stamps) == 0:
        return np.zeros(0)
    days = np.where(stamps.is_leap_year, 366.0, 365.0)
    return stamps.year.to_numpy(float) + (stamps.day_of_year.to_numpy(float) - 1) / days


def date_label(date: pd.Timestamp, precision: str) -> str:
    """A date written only as precisely as it is known.

    Parameters
    ----------
    date : Timestamp
    precision : {"day", "month", "year"}

    Returns
    -------
    str

    Raises
    ------
    ValueError
        For an unknown precision.

    Examples
    --------
    >>> d = pd.Timestamp("1946-11-06")
    >>> date_label(d, "day"), date_label(d, "month"), date_label(d, "year")
    ('6 Nov 1946', 'Nov 1946', '1946')
    """
    date = pd.Timestamp(date)
    if precision == "day":
        return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"
    if precision == "month":
        return f"{_MONTHS[date.month - 1]} {date.year}"
    if precision == "year":
        return str(date.year)
    raise ValueError(f"precision must be 'day', 'month' or 'year', not {precision!r}")


def push_label(row: Mapping[str, int] | pd.Series) -> str:
    """A reform's coding in compact form: the modes it pushed, with signs.

    Parameters
    ----------
    row : mapping or Series
        With the four ``push_*`` columns.

    Returns
    -------
    str

    Examples
    --------
    >>> push_label({"push_hierarchy": 2, "push_solidarity": 2, "push_individualism": 0,
    ...             "push_fatalism": -1})
    'H +2, S +2, F -1'
    >>> push_label({c: 0 for c in PUSH_COLUMNS.values()})
    'no push'
    """
    parts = [f"{m.initial} {int(row[c]):+d}" for m, c in PUSH_COLUMNS.items() if int(row[c]) != 0]
    return ", ".join(parts) if parts else "no push"
