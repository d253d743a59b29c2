"""Sweep figures for the mean-field teaching model: end states of many runs against one or two levers.

A *sweep* varies one lever (or two) over a range of values, as NetLogo's BehaviorSpace would;
the runs come from :func:`coordkit.models.dynamics.simulate_many`. :func:`plot_sweep` draws
chosen end-of-run quantities against one lever, :func:`plot_sweep_grid` a heat map over two, and
each has a ``describe_*`` text computed from the same runs. Every name here is also importable
from :mod:`coordkit.plots.dynamics`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from coordkit.configuration import classify
from coordkit.models.dynamics import LEVER_SPECS, Trajectory
from coordkit.plots.dynamics import (
    _CEILING_COLOUR,
    LEVER_LABELS,
    SWEEP_QUANTITIES,
    _check_run,
    _suffix,
)
from coordkit.plots.style import new_axes

__all__ = [
    "describe_sweep",
    "describe_sweep_grid",
    "plot_sweep",
    "plot_sweep_grid",
    "sweep_figure",
    "sweep_grid_figure",
]


# ----- sweeps (BehaviorSpace) ---------------------------------------------------------------------


def _lever_name(lever: str) -> str:
    if lever not in LEVER_SPECS:
        raise ValueError(f"lever must be one of {', '.join(LEVER_SPECS)}, got {lever!r}")
    return lever


def _end_values(runs: Sequence[Trajectory], quantity: str) -> np.ndarray:
    if quantity not in SWEEP_QUANTITIES:
        raise ValueError(f"quantity must be one of {', '.join(SWEEP_QUANTITIES)}, got {quantity!r}")
    getters = {
        "outcome": lambda r: r.outcome[-1],
        "balance": lambda r: r.balance()[-1],
        "evenness": lambda r: r.evenness()[-1],
        "strength": lambda r: r.strength[-1].mean(),
        "malign_share": lambda r: r.malign_share[-1],
        "fatalism": lambda r: r.fatalism[-1],
    }
    return np.array([float(getters[quantity](r)) for r in runs])


def _grouped(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Unique x values and the mean y at each (runs repeated at a setting, e.g. seeds)."""
    xs = np.unique(x)
    return xs, np.array([y[x == v].mean() for v in xs])


def _sweep_runs(runs: Sequence[Trajectory], lever: str) -> tuple[list[Trajectory], np.ndarray]:
    runs = [_check_run(r, "runs") for r in runs]
    if not runs:
        raise ValueError("runs is empty: pass the list returned by coordkit.models.dynamics.simulate_many")
    return runs, np.array([getattr(r.levers, _lever_name(lever)) for r in runs])


def plot_sweep(
    runs: Sequence[Trajectory],
    lever: str,
    *,
    quantities: Sequence[str] = ("outcome", "balance", "malign_share", "fatalism"),
    ax: Axes | None = None,
    ceiling: bool = True,
    label: str | None = None,
    linestyle: str = "-",
) -> Axes:
    """End-of-run quantities against one lever, like a NetLogo BehaviorSpace experiment.

    Runs that share a lever value (e.g. repetitions with different seeds under noise) are drawn
    as faint points, with a line through their mean.

    Parameters
    ----------
    runs : sequence of Trajectory
        E.g. from :func:`coordkit.models.dynamics.sweep`; their levers may differ in ``lever`` only
        or in others too (only ``lever`` is read for the x axis).
    lever : str
        Name of the lever on the x axis (a key of :data:`~coordkit.models.dynamics.LEVER_SPECS`).
    quantities : sequence of str, default outcome, balance, malign share, fatalism
        Keys of :data:`SWEEP_QUANTITIES` to draw.
    ax : matplotlib Axes, optional
    ceiling : bool, default True
        Draw the outcome's ceiling at each setting.
    label : str, optional
        Name of this sweep in the legend (to overlay two sweeps).
    linestyle : str, default "-"

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from coordkit.models.dynamics import Levers, simulate_many
    >>> runs = simulate_many([Levers(demand=d) for d in (0.5, 1.0, 2.0)])
    >>> ax = plot_sweep(runs, "demand", quantities=["outcome"])
    >>> [float(v) for v in ax.lines[-1].get_ydata()]  # the ceiling
    [1.0, 1.0, 0.5]
    """
    runs, x = _sweep_runs(runs, lever)
    ax = new_axes(ax, figsize=(6, 3.5))
    order = np.argsort(x, kind="stable")
    repeated = len(np.unique(x)) < len(x)
    for q in quantities:
        y = _end_values(runs, q)  # checks the name
        name, colour, marker = SWEEP_QUANTITIES[q]
        xs, ys = _grouped(x, y)
        if repeated:
            ax.scatter(x, y, color=colour, marker=marker, s=12, alpha=0.35, linewidths=0)
        ax.plot(xs, ys, color=colour, marker=marker, markersize=5, linestyle=linestyle,
                linewidth=1.8, label=name + _suffix(label), gid=f"sweep:{q}:{label or ''}")
    if ceiling:
        xs, ys = _grouped(x[order], np.array([r.ceiling for r in runs])[order])
        ax.plot(xs, ys, color=_CEILING_COLOUR, linestyle=":", linewidth=2,
                label="outcome ceiling" + _suffix(label), gid=f"sweep:ceiling:{label or ''}")
    spec = LEVER_SPECS[lever]
    ax.set_xlim(float(x.min()), float(x.max()) if x.max() > x.min() else spec.high)
    ax.set_ylim(0, 1.05)
    ax.set_xlabel(f"{LEVER_LABELS[lever]} ({spec.help})")
    ax.set_ylabel("value at the end of the run")
    ax.legend(fontsize=7, frameon=False, loc="best")
    return ax


def plot_sweep_grid(
    runs: Sequence[Trajectory],
    x: str,
    y: str,
    *,
    quantity: str = "outcome",
    ax: Axes | None = None,
    annotate: bool = True,
) -> Axes:
    """A heat map of one end-of-run quantity over two levers (a two-lever BehaviorSpace).

    Cells carry their values as text (``annotate``), so the map does not rely on colour; the
    colour map is cividis (readable with colour-vision deficiencies and in greyscale).

    Parameters
    ----------
    runs : sequence of Trajectory
        One run per (x, y) setting, e.g. from :func:`coordkit.models.dynamics.sweep`; repeated
        settings are averaged.
    x, y : str
        Lever names for the two axes.
    quantity : str, default "outcome"
        A key of :data:`SWEEP_QUANTITIES`.
    ax : matplotlib Axes, optional
    annotate : bool, default True
        Write each cell's value in it.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from coordkit.models.dynamics import Levers, simulate_many
    >>> runs = simulate_many([Levers(support_hierarchy=u, demand=d) for u in (0.2, 0.8) for d in (1, 2)])
    >>> ax = plot_sweep_grid(runs, "support_hierarchy", "demand")
    >>> ax.collections[0].get_array().shape
    (2, 2)
    """
    runs, xv = _sweep_runs(runs, x)
    yv = np.array([getattr(r.levers, _lever_name(y)) for r in runs])
    z = _end_values(runs, quantity)
    xs, ys = np.unique(xv), np.unique(yv)
    grid = np.full((len(ys), len(xs)), np.nan)
    for i, yy in enumerate(ys):
        for j, xx in enumerate(xs):
            hit = (xv == xx) & (yv == yy)
            if hit.any():
                grid[i, j] = z[hit].mean()
    ax = new_axes(ax, figsize=(6, 4.5))
    mesh = ax.pcolormesh(np.arange(len(xs) + 1) - 0.5, np.arange(len(ys) + 1) - 0.5, grid,
                         cmap="cividis", vmin=0, vmax=1, shading="flat")
    if annotate:
        for i in range(len(ys)):
            for j in range(len(xs)):
                if np.isfinite(grid[i, j]):
                    ax.text(j, i, f"{grid[i, j]:.2f}", ha="center", va="center", fontsize=7,
                            color="white" if grid[i, j] < 0.55 else "black")
    ax.set_xticks(range(len(xs)), [f"{v:g}" for v in xs], fontsize=7)
    ax.set_yticks(range(len(ys)), [f"{v:g}" for v in ys], fontsize=7)
    ax.set_xlabel(f"{LEVER_LABELS[x]} ({LEVER_SPECS[x].help})")
    ax.set_ylabel(f"{LEVER_LABELS[y]} ({LEVER_SPECS[y].help})")
    ax.figure.colorbar(mesh, ax=ax, label=f"{SWEEP_QUANTITIES[quantity][0]} at the end")
    return ax


def sweep_figure(
    runs: Sequence[Trajectory],
    lever: str,
    *,
    quantities: Sequence[str] = ("outcome", "balance", "malign_share", "fatalism"),
    title: str | None = None,
) -> Figure:
    """A whole figure around :func:`plot_sweep` (not registered with pyplot), for notebooks.

    Parameters
    ----------
    runs : sequence of Trajectory
    lever : str
    quantities : sequence of str
    title : str, optional
        Defaults to "End of run against <lever>".

    Returns
    -------
    matplotlib Figure

    Examples
    --------
    >>> from coordkit.models.dynamics import Levers, simulate_many
    >>> fig = sweep_figure(simulate_many([Levers(demand=d) for d in (0.5, 1.5)]), "demand")
    >>> fig.axes[0].get_title()
    'End of run against Demand'
    """
    fig = Figure(figsize=(7.5, 4.2))
    ax = plot_sweep(runs, lever, quantities=quantities, ax=fig.add_subplot())
    ax.set_title(title or f"End of run against {LEVER_LABELS[lever]}", fontsize=10)
    fig.subplots_adjust(left=0.1, right=0.97, top=0.9, bottom=0.14)
    return fig


def sweep_grid_figure(
    runs: Sequence[Trajectory],
    x: str,
    y: str,
    *,
    quantity: str = "outcome",
    title: str | None = None,
) -> Figure:
    """A whole figure around :func:`plot_sweep_grid` (not registered with pyplot), for notebooks.

    Parameters
    ----------
    runs : sequence of Trajectory
    x, y : str
    quantity : str, default "outcome"
    title : str, optional

    Returns
    -------
    matplotlib Figure

    Examples
    --------
    >>> from coordkit.models.dynamics import Levers, simulate_many
    >>> runs = simulate_many([Levers(renewal=r, demand=d) for r in (0.1, 0.5) for d in (1, 2)])
    >>> len(sweep_grid_figure(runs, "renewal", "demand").axes)  # the map and its colour bar
    2
    """
    fig = Figure(figsize=(7.5, 5))
    ax = plot_sweep_grid(runs, x, y, quantity=quantity, ax=fig.add_subplot())
    ax.set_title(title or f"{SWEEP_QUANTITIES[quantity][0].capitalize()} at the end of the run",
                 fontsize=10)
    return fig


def describe_sweep(runs: Sequence[Trajectory], lever: str, *,
                   quantities: Sequence[str] = ("outcome", "balance", "malign_share",
                                                "fatalism")) -> str:
    """A text description of :func:`plot_sweep`: each quantity's range and the configurations.

    Parameters
    ----------
    runs : sequence of Trajectory
    lever : str
    quantities : sequence of str

    Returns
    -------
    str

    Examples
    --------
    >>> from coordkit.models.dynamics import Levers, simulate_many
    >>> runs = simulate_many([Levers(support_hierarchy=u) for u in (0.0, 0.5, 1.0)])
    >>> print(describe_sweep(runs, "support_hierarchy", quantities=["outcome"]))
    ... # doctest: +NORMALIZE_WHITESPACE +ELLIPSIS
    Sweep of Support H (policy support for hierarchy) from 0 to 1, 3 settings, 1 run each,
    20 years:
    - outcome: 0.17 at 0, 0.70 at 0.5, 0.37 at 1 (highest 0.70 at 0.5)
    - end configuration: deficit culture: weak hierarchy at 0; balanced at 0.5;
      hierarchy monoculture at 1
    """
    runs, x = _sweep_runs(runs, lever)
    xs = np.unique(x)
    per = len(x) // len(xs)
    lines = [f"Sweep of {LEVER_LABELS[lever]} ({LEVER_SPECS[lever].help}) from {xs[0]:g} to "
             f"{xs[-1]:g}, {len(xs)} settings, {per} run{'s' if per != 1 else ''} each, "
             f"{runs[0].time[-1]:g} years:"]
    for q in quantities:
        _, ys = _grouped(x, _end_values(runs, q))
        shown = [0, len(xs) // 2, len(xs) - 1] if len(xs) > 3 else list(range(len(xs)))
        points = ", ".join(f"{ys[k]:.2f} at {xs[k]:g}" for k in dict.fromkeys(shown))
        best = int(np.argmax(ys))
        lines.append(f"- {SWEEP_QUANTITIES[q][0]}: {points} (highest {ys[best]:.2f} at "
                     f"{xs[best]:g})")
    names: list[str] = []
    for v in xs:
        first = runs[int(np.flatnonzero(x == v)[0])]
        names.append(classify(first.final_profile()).name)
    segments = []
    for k, name in enumerate(names):
        if k == 0 or name != names[k - 1]:
            segments.append(f"{name} at {xs[k]:g}" if k == len(xs) - 1 or names[k + 1] != name
                            else f"{name} from {xs[k]:g}")
        elif k == len(xs) - 1 or names[k + 1] != name:
            segments[-1] += f" to {xs[k]:g}"
    lines.append("- end configuration: " + "; ".join(segments))
    return "\n".join(lines)


def describe_sweep_grid(runs: Sequence[Trajectory], x: str, y: str, *,
                        quantity: str = "outcome") -> str:
    """A text description of :func:`plot_sweep_grid`: the range, and the best and worst cells.

    Parameters
    ----------
    runs : sequence of Trajectory
    x, y : str
    quantity : str, default "outcome"

    Returns
    -------
    str

    Examples
    --------
    >>> from coordkit.models.dynamics import Levers, simulate_many
    >>> runs = simulate_many([Levers(support_hierarchy=u, demand=d) for u in (0.2, 0.8) for d in (1, 2)])
    >>> print(describe_sweep_grid(runs, "support_hierarchy", "demand"))
    ... # doctest: +NORMALIZE_WHITESPACE +ELLIPSIS
    Heat map of outcome at the end of 20 years over Support H (0.2 to 0.8, 2 values) and Demand
    (1 to 2, 2 values): highest ... lowest ...
    """
    runs, xv = _sweep_runs(runs, x)
    yv = np.array([getattr(r.levers, _lever_name(y)) for r in runs])
    z = _end_values(runs, quantity)
    best, worst = int(np.argmax(z)), int(np.argmin(z))
    xs, ys = np.unique(xv), np.unique(yv)
    return (
        f"Heat map of {SWEEP_QUANTITIES[quantity][0]} at the end of {runs[0].time[-1]:g} years "
        f"over {LEVER_LABELS[x]} ({xs[0]:g} to {xs[-1]:g}, {len(xs)} values) and "
        f"{LEVER_LABELS[y]} ({ys[0]:g} to {ys[-1]:g}, {len(ys)} values): highest {z[best]:.2f} "
        f"at {LEVER_LABELS[x]} {xv[best]:g}, {LEVER_LABELS[y]} {yv[best]:g}; lowest "
        f"{z[worst]:.2f} at {LEVER_LABELS[x]} {xv[worst]:g}, {LEVER_LABELS[y]} {yv[worst]:g}."
    )

