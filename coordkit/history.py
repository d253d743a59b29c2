r"""NHS reform history as data: load and select the reforms, turn their codings into "reform pressure".

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

Selecting reforms
-----------------
:func:`select_reforms` is the one selection every table, figure, description and widget uses
(inclusive whole years, "pushed at least one of these modes", and an optional ``coding=`` so a
view can be drawn from a class consensus or one student's coding instead of the kit's);
:func:`filter_reforms` is a thin wrapper kept for notebooks.

Reading the data for display
----------------------------
Pure helpers the figures, widgets and exercises share: :func:`decimal_year`, :func:`date_label`
(a date only as precise as it is known) and :func:`push_label` for reforms; for the performance
snapshots, :func:`period_span` reads a ``period`` (month, quarter, financial year, span...),
:func:`common_basis` splits the caveats every row shares from each row's own, :func:`basis_tags`
flags rows on a different footing (type 1 only, planned, interim...), :func:`basis_breaks` finds
the years a definition changed, and :func:`snapshots` puts it all together for one series.

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
import re
from collections.abc import Iterable, Mapping, Sequence
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
    "Snapshot",
    "apply_coding",
    "basis_breaks",
    "basis_tags",
    "common_basis",
    "compare_pressure",
    "date_label",
    "decimal_bound",
    "decimal_year",
    "era_of",
    "filter_reforms",
    "load_performance",
    "load_reforms",
    "performance_series",
    "period_span",
    "pressure_profile",
    "pressure_scale",
    "push_label",
    "recode",
    "recode_many",
    "reform_pressure",
    "select_reforms",
    "snapshots",
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


# ----- selecting -------------------------------------------------------------------------------
Bound = int | float | str | date | datetime | pd.Timestamp


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
    return float(decimal_year([_as_timestamp(value, end=end)])[0])  # type: ignore[arg-type]


def _as_set(values: str | Iterable[str]) -> list[str]:
    return [values] if isinstance(values, str) else list(values)


def _as_modes(modes: str | Mode | Iterable[str | Mode]) -> list[Mode]:
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
        out.iloc[:, target] = current.astype(int)  # type: ignore[index]
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
        chosen = _as_modes(modes)
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

    Notes
    -----
    A frame laid out as :func:`reform_pressure` makes it (years ascending, the four modes in
    the kit's order within each year) is reshaped directly, several times faster than a pivot
    (widgets call this on every update); any other frame is pivoted. Both give the same result.

    Examples
    --------
    >>> list(to_wide(reform_pressure(load_reforms())).columns)
    ['hierarchy', 'solidarity', 'individualism', 'fatalism']
    """
    names = [m.value for m in ALL_MODES]
    n = len(pressure)
    if n and n % len(names) == 0:
        grid_modes = pressure["mode"].to_numpy().reshape(-1, len(names))
        grid_years = pressure["year"].to_numpy().reshape(-1, len(names))
        years = grid_years[:, 0]
        if ((grid_modes == np.array(names, dtype=object)).all() and (grid_years == years[:, None]).all()
                and (np.diff(years) > 0).all()):
            values = pressure["pressure"].to_numpy(dtype=float).reshape(-1, len(names))
            return pd.DataFrame(values, index=pd.Index(years, name="year"), columns=names)
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


def pressure_scale(pressure: pd.DataFrame) -> float:
    """The pressure that reads as full strength: the largest absolute pressure in the frame.

    The one rule every profile of reform pressure uses (the recoder, its figure and the
    exercises read a learner's coding on the *kit's* scale with it). A frame with no pressure
    at all (empty, or every reform coded zero) has scale 1, so that it reads as all zero
    rather than dividing by zero. A judgement, like the pressure rule itself.

    Parameters
    ----------
    pressure : pandas.DataFrame
        As returned by :func:`reform_pressure`.

    Returns
    -------
    float
        Always positive.

    Examples
    --------
    >>> toy = reform_pressure(pd.DataFrame({"date": pd.to_datetime(["2000-01-01"]),
    ...     "push_hierarchy": [-2], "push_solidarity": [1], "push_individualism": [0],
    ...     "push_fatalism": [0]}), start=2000, end=2001)
    >>> pressure_scale(toy), pressure_scale(toy.iloc[:0])
    (2.0, 1.0)
    """
    largest = float(pressure["pressure"].abs().max()) if len(pressure) else 0.0
    return largest if math.isfinite(largest) and largest > 0 else 1.0


def pressure_profile(pressure: pd.DataFrame, year: int, *, scale: float | None = None) -> Profile:
    """Read one year's pressure as a :class:`~coordkit.profile.Profile` (a rough, judgemental view).

    Each mode's strength is its pressure divided by ``scale`` and clipped to [0, 1]: negative
    pressure (reforms on balance pushing a mode down) reads as 0. By default ``scale`` is the
    largest absolute pressure anywhere in the frame, so the strongest push in the whole history
    reads as 1 (:func:`pressure_scale`). Malign shares are left at 0. This turns a running score of
    reform *intentions*
    into the kit's profile vocabulary; it says nothing about the NHS's actual culture.

    Parameters
    ----------
    pressure : pandas.DataFrame
        As returned by :func:`reform_pressure`.
    year : int
        A year present in the frame.
    scale : float, optional
        Pressure that counts as full strength; default :func:`pressure_scale` of the frame.

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
        scale = pressure_scale(pressure)
    elif not (math.isfinite(scale) and scale > 0):
        raise ValueError(f"scale must be a positive number, not {scale}")
    rows = pressure[pressure["year"] == year]
    if rows.empty:
        years = pressure["year"]
        span = f"{int(years.min())}-{int(years.max())}" if len(years) else "none"
        raise ValueError(f"year {year} is not in the pressure frame (years {span})")
    by_mode = dict(zip(rows["mode"], rows["pressure"], strict=True))
    strengths = {
        m.value: min(1.0, max(0.0, float(by_mode.get(m.value, 0.0)) / scale))
        for m in ALL_MODES
    }
    return Profile(**strengths)

# ----- dates, codings and performance periods, read for display -------------------------------
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


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


def push_label(row: Mapping[str, object] | pd.Series) -> str:
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
        g = [int(x) if x else None for x in match.groups()]
        if kind == "from":
            return Snapshot(g[0] + ((g[1] or 1) - 1) / 12, float("nan"), "from")
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
