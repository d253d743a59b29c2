"""Figures for the surprise model: swings over time, the regime map, and the pendulum test.

Each figure has a ``describe_*`` companion computed from the same object, for the text beneath it.
Colour is never the only cue: regimes carry a letter in every cell and a hatch, modes a hatch and
an initial.

Examples
--------
>>> from coordkit.models.regimes import regime_map
>>> rm = regime_map("rivalry", [0.5, 2.0], "surprise", [0.0, 2.0])
>>> fig = regime_map_figure(rm)
>>> describe_regime_map(rm).startswith("Regime map over Rivalry")
True
"""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.collections import PatchCollection
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MaxNLocator

from coordkit.models.dynamics import Trajectory
from coordkit.models.pendulum import PendulumTest, swing_pattern
from coordkit.models.regimes import REGIMES, RegimeMap
from coordkit.modes import ACTIVE_MODES
from coordkit.plots.dynamics import LEVER_LABELS
from coordkit.plots.style import BACKGROUND, HATCHES, INK, MARKERS, MUTED, PALETTE, REGIME_TINTS

__all__ = [
    "REGIME_STYLE",
    "describe_pendulum",
    "describe_regime_map",
    "describe_swings",
    "pendulum_figure",
    "regime_map_figure",
    "swings_figure",
]

#: How each regime is drawn: (fill colour, hatch, letter). Light fills keep black text readable.
REGIME_STYLE: dict[str, tuple[str, str, str]] = {
    "settled": (REGIME_TINTS["settled"], "", "S"),
    "damped": (REGIME_TINTS["damped"], "..", "D"),
    "cycling": (REGIME_TINTS["cycling"], "//", "C"),
    "chaotic": (REGIME_TINTS["chaotic"], "xx", "X"),
    "unresolved": (BACKGROUND, "oo", "U"),
}

_MODES = {m.value: m for m in ACTIVE_MODES}


def _check(obj: object, kind: type, name: str) -> None:
    if not isinstance(obj, kind):
        raise TypeError(f"{name} must be a {kind.__name__}, got {type(obj).__name__}")


# ----- swings over time ------------------------------------------------------------------------------


def swings_figure(run: Trajectory, *, title: str | None = None) -> Figure:
    """Strength and allegiance of each active mode over a (long) run.

    Parameters
    ----------
    run : Trajectory
    title : str, optional

    Returns
    -------
    matplotlib Figure

    Examples
    --------
    >>> from coordkit.models.dynamics import Levers, simulate
    >>> len(swings_figure(simulate(Levers(surprise=2.0), years=30)).axes)
    2
    """
    _check(run, Trajectory, "run")
    fig = Figure(figsize=(8, 5))
    top, bottom = fig.subplots(2, 1, sharex=True)
    every = max(1, len(run.time) // 25)
    assert run.allegiance is not None
    for j, mode in enumerate(ACTIVE_MODES):
        style = {"color": PALETTE[mode], "marker": MARKERS[mode], "markevery": (j * every // 3,
                                                                                  every)}
        top.plot(run.time, run.strength[:, j], label=mode.value, **style)
        bottom.plot(run.time, run.allegiance[:, j], label=mode.value, **style)
    top.set_ylabel("strength")
    top.set_ylim(0, 1.05)
    bottom.set_ylabel("allegiance (share)")
    bottom.set_ylim(0, 1)
    bottom.set_xlabel("years")
    top.legend(loc="upper right", fontsize=8, ncol=3)
    fig.suptitle(title or "Strength and allegiance of each mode", fontsize=10)
    return fig


def describe_swings(run: Trajectory) -> str:
    """A text description of :func:`swings_figure`: the leaders in turn and the swing size.

    Parameters
    ----------
    run : Trajectory

    Returns
    -------
    str

    Examples
    --------
    >>> from coordkit.models.dynamics import Levers, simulate
    >>> describe_swings(simulate(Levers(), years=20)).split(":")[0]
    'Strength and allegiance of hierarchy, solidarity and individualism over 20 years'
    """
    _check(run, Trajectory, "run")
    from coordkit.models.pendulum import spells

    allegiance = run.allegiance
    if allegiance is None:  # a run always records allegiance; this keeps the check explicit
        raise ValueError("run has no allegiance to describe")
    half = len(run.time) // 2
    tail = run.strength[half:]
    swing = float(np.ptp(tail, axis=0).max())
    lead = np.asarray([m.value for m in ACTIVE_MODES])[run.strength.argmax(axis=1)]
    turns = spells(np.arange(len(lead)).tolist(), lead.tolist())
    order = " then ".join(f"{s.mode} (from year {run.time[s.start]:g})" for s in turns[:8])
    more = f", and {len(turns) - 8} more changes" if len(turns) > 8 else ""
    return (f"Strength and allegiance of hierarchy, solidarity and individualism over "
            f"{run.time[-1]:g} years: the strongest mode is {order}{more}. Over the second half "
            f"the strengths move within a range of {swing:.2f}; allegiance ends at "
            + ", ".join(f"{m.value} {w:.2f}" for m, w in zip(ACTIVE_MODES, allegiance[-1],
                                                           strict=True)) + ".")


# ----- the regime map ---------------------------------------------------------------------------------


def regime_map_figure(rm: RegimeMap, *, title: str | None = None) -> Figure:
    """The regimes over two levers: a grid of cells, each with a fill, a hatch and a letter.

    Parameters
    ----------
    rm : RegimeMap
    title : str, optional

    Returns
    -------
    matplotlib Figure
    """
    _check(rm, RegimeMap, "rm")
    codes = np.vectorize(REGIMES.index)(rm.regime)
    fig = Figure(figsize=(7.5, 5.2))
    ax = fig.add_subplot()
    cmap = ListedColormap([REGIME_STYLE[r][0] for r in REGIMES])
    ny, nx = codes.shape
    ax.pcolormesh(np.arange(nx + 1) - 0.5, np.arange(ny + 1) - 0.5, codes, cmap=cmap,
                  vmin=-0.5, vmax=len(REGIMES) - 0.5, shading="flat")
    for k, regime in enumerate(REGIMES):  # hatch each regime's cells, so colour is not alone
        cells = np.argwhere(codes == k)
        if REGIME_STYLE[regime][1] and len(cells):
            ax.add_collection(PatchCollection(
                [Rectangle((j - 0.5, i - 0.5), 1, 1) for i, j in cells], facecolor="none",
                edgecolor=MUTED, linewidth=0, hatch=REGIME_STYLE[regime][1]))
    unsure = np.argwhere(~rm.confirmed)
    if len(unsure):  # a black dot: the label changes when the run is twice as long
        dots = ax.scatter(unsure[:, 1], unsure[:, 0] + 0.3, s=6, color=INK, marker="o",
                   label=f"label changes when runs\nare twice as long ({len(unsure)})")
    if nx * ny <= 400:
        for (i, j), regime in np.ndenumerate(rm.regime):
            ax.text(j, i, REGIME_STYLE[regime][2], ha="center", va="center", fontsize=8)
    for axis, values in ((ax.xaxis, rm.x_values), (ax.yaxis, rm.y_values)):
        positions, labels = _lever_ticks(values)
        axis.set_ticks(positions, labels, fontsize=8)
    ax.set_xlabel(LEVER_LABELS[rm.x_lever])
    ax.set_ylabel(LEVER_LABELS[rm.y_lever])
    handles: list[Any] = [Patch(facecolor=REGIME_STYLE[r][0], hatch=REGIME_STYLE[r][1], edgecolor=INK,
                     label=f"{REGIME_STYLE[r][2]}: {r} ({rm.count(r)})") for r in REGIMES]
    if len(unsure):
        handles.append(dots)
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8,
              title="regime (cells)", title_fontsize=8)
    ax.set_title(title or f"Regimes over {LEVER_LABELS[rm.x_lever]} and "
                 f"{LEVER_LABELS[rm.y_lever]} (the last {rm.criterion.tail_years:g} years of "
                 "each run)", fontsize=10)
    fig.subplots_adjust(left=0.1, right=0.72, top=0.92, bottom=0.11)
    return fig


def _lever_ticks(values: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """Ticks at round values of a lever, placed between the grid's cells by interpolation.

    Cell ``k`` of the map is centred at ``k`` and holds ``values[k]``; a round value (0.5, 1,
    1.5...) sits where it would fall between two cells, so the label is the lever's value.

    Examples
    --------
    >>> _lever_ticks(np.linspace(0, 2, 40))[1]
    ['0', '0.5', '1', '1.5', '2']
    """
    values = np.asarray(values, dtype=float)
    if len(values) < 2 or not np.all(np.diff(values) > 0):  # one value, or not increasing: as given
        return np.arange(len(values), dtype=float), [f"{v:g}" for v in values]
    lo, hi = float(values[0]), float(values[-1])
    ticks = np.asarray(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]).tick_values(lo, hi), dtype=float)
    span = 1e-9 * (hi - lo)
    ticks = ticks[(ticks >= lo - span) & (ticks <= hi + span)]
    positions = np.interp(ticks, values, np.arange(len(values), dtype=float))
    return positions, [f"{round(float(v), 10):g}" for v in ticks]


def _boundary(rm: RegimeMap) -> str:
    """For each row, the smallest x at which the run no longer settles."""
    parts = []
    for i, y in enumerate(rm.y_values):
        moving = np.flatnonzero(np.isin(rm.regime[i], ("cycling", "chaotic")))
        if len(moving):
            parts.append((float(y), float(rm.x_values[moving[0]])))
    if not parts:
        return "No setting keeps swinging."
    first = parts[0]
    last = parts[-1]
    return (f"Lasting swings (cycling or chaotic) start at {LEVER_LABELS[rm.x_lever]} "
            f"{first[1]:.2g} when {LEVER_LABELS[rm.y_lever]} is {first[0]:.2g}, and at "
            f"{last[1]:.2g} when it is {last[0]:.2g}.")


def describe_regime_map(rm: RegimeMap) -> str:
    """A text description of :func:`regime_map_figure`: counts, where swings begin, periods.

    Parameters
    ----------
    rm : RegimeMap

    Returns
    -------
    str
    """
    _check(rm, RegimeMap, "rm")
    counts = ", ".join(f"{r} {rm.count(r)}" for r in REGIMES)
    repeat = rm.period[rm.regime == "cycling"]
    repeat = repeat[np.isfinite(repeat)]
    period = (f" Cycling settings repeat every {repeat.min():.0f} to {repeat.max():.0f} years "
              f"(median {np.median(repeat):.0f}; nine in ten within {np.percentile(repeat, 90):.0f})."
              if len(repeat) else "")
    return (f"Regime map over {LEVER_LABELS[rm.x_lever]} ({rm.x_values[0]:g} to "
            f"{rm.x_values[-1]:g}, {len(rm.x_values)} values, across) and "
            f"{LEVER_LABELS[rm.y_lever]} ({rm.y_values[0]:g} to {rm.y_values[-1]:g}, "
            f"{len(rm.y_values)} values, up), {rm.regime.size} settings: {counts}. "
            f"{_boundary(rm)}{period} {_start(rm)} {_confirmation(rm)}{_symmetry(rm)}")


def _symmetry(rm: RegimeMap) -> str:
    n, rest = int(np.sum(rm.symmetric)), rm.unstable_rest
    text = (f" {n} runs start with two modes exactly alike (a symmetric start): their labels are "
            "artefacts of the start; tilt it and run again." if n else "")
    if rest:
        text += (f" {rest} settled runs rest on an unstable balance (exponent above "
                 f"{rm.criterion.lyapunov:g}): a nudge would set them moving.")
    return text


def _start(rm: RegimeMap) -> str:
    return (f"Every run starts from {rm.start}, with Euler steps of {rm.dt:g} years, and is read "
            f"over its last {rm.criterion.tail_years:g} of {rm.years:g} years.")


def _confirmation(rm: RegimeMap) -> str:
    if not rm.unconfirmed:
        return "Every label stays the same when the runs are twice as long."
    changed = ", ".join(f"{r} {int(np.sum(~rm.confirmed & (rm.regime == r)))}" for r in REGIMES
                        if np.any(~rm.confirmed & (rm.regime == r)))
    return (f"{rm.unconfirmed} labels change when the runs are twice as long (dotted; by first "
            f"label: {changed}): read them as uncertain.")


# ----- the pendulum -----------------------------------------------------------------------------


def pendulum_figure(test: PendulumTest, *, title: str | None = None) -> Figure:
    """Who leads, year by year: the reform history above, the chosen model run below.

    Parameters
    ----------
    test : PendulumTest
    title : str, optional

    Returns
    -------
    matplotlib Figure
    """
    _check(test, PendulumTest, "test")
    fig = Figure(figsize=(9, 3.2))
    ax = fig.add_subplot()
    rows = (("history", 1.0, "history\n(coded reform pressure)"),
            ("model", 0.0, "model\n(effective support)"))
    for which, y, _ in rows:
        for s in test.spells(which):
            mode = _MODES[s.mode]
            ax.barh(y, s.years, left=s.start - 0.5, height=0.7, color=PALETTE[mode],
                    hatch=HATCHES[mode], edgecolor="white", linewidth=0.5)
            if s.years >= 3:
                ax.text(s.start - 0.5 + s.years / 2, y, s.mode[0].upper(), ha="center",
                        va="center", fontsize=9, fontweight="bold",
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    ax.axvline(test.holdout_from - 0.5, color="black", linestyle="--", linewidth=1.2)
    ax.text(test.holdout_from, 1.55, "held back", fontsize=8, va="center")
    ax.set_yticks([1.0, 0.0], [label for _, _, label in rows], fontsize=8)
    ax.set_ylim(-0.6, 1.8)
    ax.set_xlim(test.years[0] - 0.5, test.years[-1] + 0.5)
    ax.set_xlabel("year")
    handles = [Patch(facecolor=PALETTE[m], hatch=HATCHES[m], edgecolor="white",
                     label=f"{m.value[0].upper()}: {m.value}") for m in ACTIVE_MODES]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    ax.set_title(title or "Which mode leads: the kit's coded reform history and the surprise "
                 "model", fontsize=10)
    fig.subplots_adjust(left=0.24, right=0.84, top=0.86, bottom=0.17)
    return fig


def describe_pendulum(test: PendulumTest) -> str:
    """A text description of :func:`pendulum_figure`, with the agreements and the baselines.

    Parameters
    ----------
    test : PendulumTest

    Returns
    -------
    str
    """
    _check(test, PendulumTest, "test")
    fit_years = int(np.sum(test.years < test.holdout_from))
    held = len(test.years) - fit_years
    return (
        f"Leading mode each year, {test.years[0]}-{test.years[-1]}. History (reform pressure): "
        f"{test.order('history')}. Model (surprise {test.levers.surprise:g}, delay "
        f"{test.levers.surprise_delay:g} years, rivalry {test.levers.rivalry:g}): "
        f"{test.order('model')}. Before {test.holdout_from} the model's leader matches in "
        f"{test.fit_agreement:.0%} of {fit_years} years (always naming the usual leader would "
        f"match {test.usual_fit_agreement:.0%}); in the {held} held-back years it matches "
        f"{test.holdout_agreement:.0%}, against {test.persistence_agreement:.0%} for carrying "
        f"the last leader on and {test.usual_agreement:.0%} for the usual leader. "
        f"{_near_best(test)} Pattern: history is {swing_pattern(test.order('history'))}; the "
        f"model is {swing_pattern(test.order('model'))}."
    )


def _near_best(test: PendulumTest) -> str:
    low, mid, high = test.holdout_range
    n = len(test.near_best)
    if n <= 1:
        return "No other candidate fits within a year of the best."
    return (f"The {n} candidates within {test.tolerance} fitting year of the best (the first best, "
            f"by the kit's tie rule, is the one shown) agree held back in {low:.0%} to "
            f"{high:.0%} of years (median {mid:.0%}).")
