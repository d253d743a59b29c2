r"""NHS reform history as data: load and filter the reforms, turn their codings into "reform pressure".

The reforms (``data/nhs_reforms.csv``) carry, besides sourced facts, the kit's **coding** of each
reform: a signed integer weight from -2 to +2 for how hard it pushed each mode of coordination
(hierarchy, solidarity, individualism, fatalism) up or down. Those codings are **judgements**, made
for teaching and open to argument; :func:`recode` lets a learner change any of them and
:func:`compare_pressure` shows what difference it makes.

The reform-pressure rule
------------------------
:func:`reform_pressure` adds the codings up over time with a deliberately simple rule, itself a
judgement rather than a finding:

.. math::

    P_m(y) = \sum_{r:\, y_r \le y} w_{r,m} \; K(y - y_r), \qquad
    K(\Delta) = \begin{cases} 1 & \text{no decay} \\ 2^{-\Delta / h} & \text{half-life } h \end{cases}

where :math:`w_{r,m}` is reform :math:`r`'s push on mode :math:`m`, :math:`y_r` the calendar year of
its date and :math:`y` the year being scored. Each reform adds its signed push from the year of its
date onwards, for ever (no decay) or fading by half every :math:`h` years. The rule is linear: the
pressure from several reforms is the sum of their separate pressures, so a reform coded zero
contributes nothing, and decay shrinks each reform's contribution towards zero without ever
changing its sign. Pressure is a running score of how reforms have leaned, not a measure of the
NHS's actual culture.

Examples
--------
>>> reforms = load_reforms()
>>> len(reforms) >= 35
True
>>> pressure = reform_pressure(reforms, half_life=10)
>>> sorted(pressure["mode"].unique())
['fatalism', 'hierarchy', 'individualism', 'solidarity']
>>> more_market = recode(reforms, "health_social_care_act_2012", individualism=0)
>>> diff = compare_pressure(reforms, more_market)
>>> diff.loc[(diff["year"] == 2015) & (diff["mode"] == "individualism"), "difference"].item()
-2.0
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from coordkit import data
from coordkit.modes import ALL_MODES, Mode, parse_mode
from coordkit.profile import Profile

__all__ = [
    "ERAS",
    "ERA_LABELS",
    "FIRST_YEAR",
    "LAST_YEAR",
    "MAX_PUSH",
    "MIN_PUSH",
    "PRESSURE_RULE",
    "PUSH_COLUMNS",
    "Era",
    "compare_pressure",
    "era_of",
    "filter_reforms",
    "load_performance",
    "load_reforms",
    "performance_series",
    "pressure_profile",
    "recode",
    "recode_many",
    "reform_pressure",
    "to_wide",
]

#: First and last years covered by the reform data.
FIRST_YEAR: int = 1946
LAST_YEAR: int = 2025
#: Range of a coding: a push is an integer from MIN_PUSH to MAX_PUSH.
MIN_PUSH: int = -2
MAX_PUSH: int = 2
#: The column holding each mode's push, in the kit's canonical mode order.
PUSH_COLUMNS: dict[Mode, str] = {mode: f"push_{mode.value}" for mode in ALL_MODES}

#: The pressure rule in one plain sentence, for notebooks and figure captions.
PRESSURE_RULE: str = (
    "Reform pressure (a judgement, not a measurement): each reform adds its coded push on each mode "
    "(-2 to +2) from the year of its date onwards, either for ever or fading by half every "
    "half-life years; a year's pressure is the sum over all reforms so far."
)

Direction = Literal["up", "down", "any"]


@dataclass(frozen=True)
class Era:
    """A period of NHS history used to group reforms.

    Attributes
    ----------
    label : str
        The label used in the ``era`` column of ``nhs_reforms.csv``.
    first_year, last_year : int
        Calendar years the era covers, inclusive.
    summary : str
        What characterised the era, in a phrase.
    """

    label: str
    first_year: int
    last_year: int
    summary: str


#: The eras, in order; together they cover 1946-2025 without gaps or overlaps.
ERAS: tuple[Era, ...] = (
    Era("founding", 1946, 1961, "a national, tax-funded service is created and settles in"),
    Era("consensus", 1962, 1982, "national planning, reorganisation and management by consensus"),
    Era("general management", 1983, 1988, "named general managers replace consensus teams"),
    Era("internal market", 1989, 1996, "purchasers and providers split; trusts and GP fundholding"),
    Era("new labour", 1997, 2009, "investment with national targets, inspection, choice and tariffs"),
    Era("competition", 2010, 2013, "austerity, GP-led commissioning and competition law"),
    Era("integration", 2014, 2021, "new care models, local partnerships and integrated care systems"),
    Era("post-2022", 2022, 2025, "statutory integrated care, fewer targets, recentralisation, league tables"),
)
#: Era labels in order.
ERA_LABELS: tuple[str, ...] = tuple(era.label for era in ERAS)


def era_of(year: int) -> str:
    """The label of the era containing a calendar year.

    Parameters
    ----------
    year : int
        A year from 1946 to 2025.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        If the year is outside every era.

    Examples
    --------
    >>> era_of(1991)
    'internal market'
    """
    for era in ERAS:
        if era.first_year <= year <= era.last_year:
            return era.label
    raise ValueError(f"{year} is outside the eras covered ({ERAS[0].first_year}-{ERAS[-1].last_year})")


# ----- loading ---------------------------------------------------------------------------------
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


# ----- filtering -------------------------------------------------------------------------------
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


def _as_set(values: str | Iterable[str]) -> list[str]:
    return [values] if isinstance(values, str) else list(values)


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
    """Select reforms by era, kind, date range and the mode they pushed.

    All conditions given must hold. The input is not changed.

    Parameters
    ----------
    reforms : pandas.DataFrame
        As returned by :func:`load_reforms` (or :func:`recode`).
    eras : str or iterable of str, optional
        Era labels to keep (see :data:`ERA_LABELS`).
    kinds : str or iterable of str, optional
        Values of the ``kind`` column to keep, e.g. ``"act"``.
    start, end : int, str, date or Timestamp, optional
        Inclusive date range; a bare year means 1 January (``start``) or 31 December (``end``).
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
        For an unknown era or kind (the message lists the known ones), an unknown mode or
        direction, or a start after the end.

    Examples
    --------
    >>> reforms = load_reforms()
    >>> market = filter_reforms(reforms, eras="internal market", mode="I")
    >>> market["id"].tolist()[:2]
    ['working_for_patients_1989', 'nhs_community_care_act_1990']
    >>> len(filter_reforms(reforms, start=2022, end=2022))
    4
    """
    mask = pd.Series(True, index=reforms.index)
    if eras is not None:
        wanted = _as_set(eras)
        unknown = [e for e in wanted if e not in ERA_LABELS]
        if unknown:
            raise ValueError(f"unknown era(s) {unknown}; known eras: {', '.join(ERA_LABELS)}")
        mask &= reforms["era"].isin(wanted)
    if kinds is not None:
        wanted = _as_set(kinds)
        present = sorted(set(reforms["kind"]))
        unknown = [k for k in wanted if k not in present]
        if unknown:
            raise ValueError(f"unknown kind(s) {unknown}; kinds in the data: {', '.join(present)}")
        mask &= reforms["kind"].isin(wanted)
    dates = pd.to_datetime(reforms["date"])
    lo = None if start is None else _as_timestamp(start, end=False)
    hi = None if end is None else _as_timestamp(end, end=True)
    if lo is not None and hi is not None and lo > hi:
        raise ValueError(f"start {lo.date()} is after end {hi.date()}")
    if lo is not None:
        mask &= dates >= lo
    if hi is not None:
        mask &= dates <= hi
    if mode is not None:
        column = PUSH_COLUMNS[parse_mode(mode)]
        if direction == "up":
            mask &= reforms[column] > 0
        elif direction == "down":
            mask &= reforms[column] < 0
        elif direction == "any":
            mask &= reforms[column] != 0
        else:
            raise ValueError(f"direction must be 'up', 'down' or 'any', not {direction!r}")
    return reforms[mask]


# ----- recoding --------------------------------------------------------------------------------
def _check_push(mode: Mode, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise TypeError(
            f"{mode.value}: a push must be a whole number from {MIN_PUSH} to {MAX_PUSH}, not {value!r}"
        )
    if not MIN_PUSH <= int(value) <= MAX_PUSH:
        raise ValueError(f"{mode.value}: a push must be from {MIN_PUSH} to {MAX_PUSH}, not {value}")
    return int(value)


def _row_of(reforms: pd.DataFrame, reform_id: str) -> object:
    matches = reforms.index[reforms["id"] == reform_id]
    if len(matches) == 0:
        close = difflib.get_close_matches(str(reform_id), [str(i) for i in reforms["id"]], n=3)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise ValueError(f"no reform with id {reform_id!r}{hint}")
    if len(matches) > 1:
        raise ValueError(f"id {reform_id!r} appears {len(matches)} times; ids must be unique")
    return matches[0]


def recode(
    reforms: pd.DataFrame,
    reform_id: str,
    *,
    hierarchy: int | None = None,
    solidarity: int | None = None,
    individualism: int | None = None,
    fatalism: int | None = None,
    rationale: str | None = None,
) -> pd.DataFrame:
    """A copy of the reforms with one reform's coding changed; the input is never modified.

    Parameters
    ----------
    reforms : pandas.DataFrame
        As returned by :func:`load_reforms`.
    reform_id : str
        The ``id`` of the reform to recode.
    hierarchy, solidarity, individualism, fatalism : int, optional
        New pushes, whole numbers from -2 to +2; modes not given keep their coding.
    rationale : str, optional
        Your reason; if given, it replaces ``coding_rationale`` (prefixed ``"Recoded: "``).

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    ValueError
        If the id is unknown (with suggestions), no new push is given, or a push is out of range.
    TypeError
        If a push is not a whole number.

    Examples
    --------
    >>> reforms = load_reforms()
    >>> mine = recode(reforms, "griffiths_inquiry_1983", individualism=2, rationale="business methods")
    >>> int(mine.set_index("id").loc["griffiths_inquiry_1983", "push_individualism"])
    2
    >>> int(reforms.set_index("id").loc["griffiths_inquiry_1983", "push_individualism"])  # unchanged
    1
    """
    changes = {m: v for m, v in zip(ALL_MODES, (hierarchy, solidarity, individualism, fatalism), strict=True)
               if v is not None}
    return recode_many(reforms, {reform_id: changes}, rationale=rationale)


def recode_many(
    reforms: pd.DataFrame,
    codings: Mapping[str, Mapping[str | Mode, int]],
    *,
    rationale: str | None = None,
) -> pd.DataFrame:
    """A copy of the reforms with several codings changed at once.

    Parameters
    ----------
    reforms : pandas.DataFrame
        As returned by :func:`load_reforms`.
    codings : mapping of id to mapping of mode to int
        For each reform id, the new push for each mode to change; modes by name, initial or
        :class:`~coordkit.modes.Mode`.
    rationale : str, optional
        If given, replaces ``coding_rationale`` of every recoded reform (prefixed ``"Recoded: "``).

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    ValueError, TypeError
        As for :func:`recode`.

    Examples
    --------
    >>> reforms = load_reforms()
    >>> flat = recode_many(reforms, {"nhs_plan_2000": {"H": 0}, "star_ratings_2001": {"H": 0}})
    >>> int(flat["push_hierarchy"].sum()) == int(reforms["push_hierarchy"].sum()) - 4
    True
    """
    if not codings:
        raise ValueError("nothing to recode: give at least one reform id and one push")
    out = reforms.copy()
    out.attrs = dict(reforms.attrs)
    for reform_id, changes in codings.items():
        if not changes:
            raise ValueError(f"{reform_id}: nothing to recode: give at least one new push")
        row = _row_of(out, reform_id)
        for key, value in changes.items():
            mode = parse_mode(key)
            out.loc[row, PUSH_COLUMNS[mode]] = _check_push(mode, value)
        if rationale is not None and "coding_rationale" in out.columns:
            out.loc[row, "coding_rationale"] = f"Recoded: {rationale}"
    return out


# ----- pressure --------------------------------------------------------------------------------
def _check_years(start: int, end: int) -> None:
    for name, value in (("start", start), ("end", end)):
        if isinstance(value, bool) or not isinstance(value, int | np.integer):
            raise TypeError(f"{name} must be a whole year, not {value!r}")
    if start > end:
        raise ValueError(f"start {start} is after end {end}")


def _check_half_life(half_life: float | None) -> None:
    if half_life is None:
        return
    if isinstance(half_life, bool) or not isinstance(half_life, int | float | np.integer | np.floating):
        raise TypeError(f"half_life must be a number of years or None, not {half_life!r}")
    if not math.isfinite(half_life) or half_life <= 0:
        raise ValueError(f"half_life must be a positive number of years or None, not {half_life}")


def _push_matrix(reforms: pd.DataFrame) -> np.ndarray:
    missing = [c for c in ("date", *PUSH_COLUMNS.values()) if c not in reforms.columns]
    if missing:
        raise ValueError(f"reforms frame lacks column(s) {missing}")
    weights = reforms[list(PUSH_COLUMNS.values())].to_numpy(dtype=float)
    if not np.isfinite(weights).all():
        raise ValueError("every push must be a finite number (a push is missing or not a number)")
    return weights


def reform_pressure(
    reforms: pd.DataFrame,
    *,
    start: int = FIRST_YEAR,
    end: int = LAST_YEAR,
    half_life: float | None = None,
) -> pd.DataFrame:
    """Cumulative reform pressure on each mode, year by year (a judgement-laden teaching device).

    Each reform adds its signed push on each mode from the calendar year of its date onwards;
    with ``half_life`` the contribution fades by half every ``half_life`` years. See the module
    docstring for the formula. Both the codings and this rule are judgements, not measurements.

    Parameters
    ----------
    reforms : pandas.DataFrame
        Needs ``date`` and the four ``push_*`` columns (as from :func:`load_reforms` or
        :func:`recode`). Pushes may be any finite numbers here, though the data use -2 to +2.
    start, end : int, default 1946 and 2025
        First and last year to score, inclusive.
    half_life : float, optional
        Years for a reform's push to fade to half; ``None`` (default) means no fading.

    Returns
    -------
    pandas.DataFrame
        Tidy: one row per year and mode, columns ``year`` (int), ``mode`` (mode name) and
        ``pressure`` (float), years ascending and modes in the kit's order.

    Raises
    ------
    ValueError
        If columns are missing, a push is not finite, ``start > end`` or ``half_life <= 0``.

    Examples
    --------
    >>> toy = pd.DataFrame({
    ...     "date": pd.to_datetime(["2000-05-01", "2002-01-01"]),
    ...     "push_hierarchy": [2, -1], "push_solidarity": [0, 1],
    ...     "push_individualism": [0, 0], "push_fatalism": [0, 0]})
    >>> to_wide(reform_pressure(toy, start=1999, end=2003))["hierarchy"].tolist()
    [0.0, 2.0, 2.0, 1.0, 1.0]
    >>> to_wide(reform_pressure(toy, start=2000, end=2002, half_life=1))["hierarchy"].tolist()
    [2.0, 1.0, -0.5]
    """
    _check_years(start, end)
    _check_half_life(half_life)
    weights = _push_matrix(reforms)
    years = np.arange(int(start), int(end) + 1)
    reform_years = pd.to_datetime(reforms["date"]).dt.year.to_numpy(dtype=float)
    lag = years[:, None] - reform_years[None, :]
    if half_life is None:
        kernel = (lag >= 0).astype(float)
    else:
        kernel = np.where(lag >= 0, np.exp2(-np.maximum(lag, 0) / float(half_life)), 0.0)
    pressure = kernel @ weights if len(reforms) else np.zeros((len(years), len(ALL_MODES)))
    return pd.DataFrame({
        "year": np.repeat(years, len(ALL_MODES)).astype(int),
        "mode": [m.value for _ in years for m in ALL_MODES],
        "pressure": pressure.reshape(-1).astype(float),
    })


def to_wide(pressure: pd.DataFrame) -> pd.DataFrame:
    """Pivot a tidy pressure frame to one row per year and one column per mode.

    Parameters
    ----------
    pressure : pandas.DataFrame
        As returned by :func:`reform_pressure`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``year``; columns in the kit's mode order.

    Examples
    --------
    >>> list(to_wide(reform_pressure(load_reforms())).columns)
    ['hierarchy', 'solidarity', 'individualism', 'fatalism']
    """
    wide = pressure.pivot(index="year", columns="mode", values="pressure")
    wide = wide[[m.value for m in ALL_MODES if m.value in wide.columns]]
    wide.columns.name = None
    return wide


def compare_pressure(
    baseline: pd.DataFrame,
    alternative: pd.DataFrame,
    *,
    start: int = FIRST_YEAR,
    end: int = LAST_YEAR,
    half_life: float | None = None,
) -> pd.DataFrame:
    """Reform pressure under two codings side by side, e.g. the kit's and a learner's.

    Parameters
    ----------
    baseline, alternative : pandas.DataFrame
        Reform frames (e.g. :func:`load_reforms` and a :func:`recode` of it).
    start, end, half_life
        As for :func:`reform_pressure`.

    Returns
    -------
    pandas.DataFrame
        Columns ``year, mode, baseline, alternative, difference`` (alternative minus baseline).

    Examples
    --------
    >>> reforms = load_reforms()
    >>> diff = compare_pressure(reforms, recode(reforms, "nhs_act_1946", solidarity=0))
    >>> float(diff.loc[diff["mode"] == "solidarity", "difference"].min())
    -2.0
    """
    base = reform_pressure(baseline, start=start, end=end, half_life=half_life)
    alt = reform_pressure(alternative, start=start, end=end, half_life=half_life)
    out = base.rename(columns={"pressure": "baseline"})
    out["alternative"] = alt["pressure"].to_numpy()
    out["difference"] = out["alternative"] - out["baseline"]
    return out


def pressure_profile(pressure: pd.DataFrame, year: int, *, scale: float | None = None) -> Profile:
    """Read one year's pressure as a :class:`~coordkit.profile.Profile` (a rough, judgemental view).

    Each mode's strength is its pressure divided by ``scale`` and clipped to [0, 1]: negative
    pressure (reforms on balance pushing a mode down) reads as 0. By default ``scale`` is the
    largest absolute pressure anywhere in the frame, so the strongest push in the whole history
    reads as 1. Malign shares are left at 0. This turns a running score of reform *intentions*
    into the kit's profile vocabulary; it says nothing about the NHS's actual culture.

    Parameters
    ----------
    pressure : pandas.DataFrame
        As returned by :func:`reform_pressure`.
    year : int
        A year present in the frame.
    scale : float, optional
        Pressure that counts as full strength; default the frame's largest absolute pressure.

    Returns
    -------
    Profile

    Raises
    ------
    ValueError
        If the year is not in the frame or ``scale`` is not positive.

    Examples
    --------
    >>> p = pressure_profile(reform_pressure(load_reforms()), 2025)
    >>> 0 <= p.hierarchy <= 1 and 0 <= p.fatalism <= 1
    True
    """
    if scale is None:
        scale = float(pressure["pressure"].abs().max()) if len(pressure) else 0.0
    elif not (math.isfinite(scale) and scale > 0):
        raise ValueError(f"scale must be a positive number, not {scale}")
    rows = pressure[pressure["year"] == year]
    if rows.empty:
        years = pressure["year"]
        span = f"{int(years.min())}-{int(years.max())}" if len(years) else "none"
        raise ValueError(f"year {year} is not in the pressure frame (years {span})")
    by_mode = dict(zip(rows["mode"], rows["pressure"], strict=True))
    strengths = {
        m.value: (0.0 if scale == 0 else min(1.0, max(0.0, float(by_mode.get(m.value, 0.0)) / scale)))
        for m in ALL_MODES
    }
    return Profile(**strengths)
