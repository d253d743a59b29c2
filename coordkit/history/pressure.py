r"""Reform pressure: the codings added up over time by one simple rule (a judgement, not a finding).

See :mod:`coordkit.history` for the rule's formula. :func:`pressure_scale` is the one rule for
what pressure reads as full strength; :func:`pressure_profile` reads a year as a profile.

Examples
--------
>>> from coordkit.history import load_reforms
>>> float(to_wide(reform_pressure(load_reforms()))["hierarchy"].iloc[-1])
37.0
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from coordkit.history.eras import FIRST_YEAR, LAST_YEAR, PUSH_COLUMNS
from coordkit.modes import ALL_MODES
from coordkit.profile import Profile

__all__ = ["PRESSURE_RULE", "compare_pressure", "pressure_profile", "pressure_scale", "reform_pressure",
           "to_wide"]

#: The pressure rule in one plain sentence, for notebooks and figure captions.
PRESSURE_RULE: str = (
    "Reform pressure (a judgement, not a measurement): each reform adds its coded push on each mode "
    "(-2 to +2) from the year of its date onwards, either for ever or fading by half every "
    "half-life years; a year's pressure is the sum over all reforms so far."
)


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
        ``pressure`` (float), years ascending and modes in the kit's order. ``attrs["half_life"]``
        holds ``half_life`` (None: no decay).

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
    frame = pd.DataFrame({
        "year": np.repeat(years, len(ALL_MODES)).astype(int),
        "mode": [m.value for _ in years for m in ALL_MODES],
        "pressure": pressure.reshape(-1).astype(float),
    })
    frame.attrs["half_life"] = half_life  # read by the figures: a faded sum is labelled as one
    return frame


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
    >>> from coordkit.history import load_reforms
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
    >>> from coordkit.history import load_reforms, recode
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
    >>> from coordkit.history import load_reforms
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
