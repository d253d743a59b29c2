"""The sweep figure for the fractal agent-based model: end-of-run evenness at each level against one lever.

A *sweep* runs the model at several values of one lever, several seeds each, as NetLogo's
BehaviorSpace would; the runs come from :func:`coordkit.models.agents.sweep`.
:func:`plot_agent_sweep` draws the result, :func:`agent_sweep_figure` makes a whole figure of
it, and :func:`describe_agent_sweep` is its text description, computed from the same arrays.
Levels are told apart by marker as well as colour (:data:`coordkit.plots.agents.LEVEL_STYLES`).
Every name here is also importable from :mod:`coordkit.plots.agents`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from coordkit.models.agents import LEVELS, AgentLevers
from coordkit.modes import ALL_MODES
from coordkit.plots.agents import LEVEL_LABELS, LEVEL_STYLES
from coordkit.plots.style import PALETTE, new_axes

__all__ = ["agent_sweep_figure", "describe_agent_sweep", "plot_agent_sweep"]


def plot_agent_sweep(
    values: ArrayLike,
    balance: ArrayLike,
    *,
    lever: str,
    fatalism: ArrayLike | None = None,
    ax: Axes | None = None,
    levels: Sequence[str] = LEVELS,
) -> Axes:
    """End-of-run evenness at each level against one lever, over several seeds (BehaviorSpace).

    Each seed is a faint point; the line joins the means.

    Parameters
    ----------
    values : array_like, shape (settings,)
        Lever values.
    balance : array_like, shape (settings, seeds, 4)
        Mean evenness at each level (team, provider, ICS, nation) at the end of each run, as from
        :meth:`AgentRun.level_balance` ``()[-1]``.
    lever : str
        Name of the lever (for the axis label).
    fatalism : array_like, shape (settings, seeds), optional
        The nation's fatalism share at the end of each run, drawn in grey.
    ax : matplotlib Axes, optional
    levels : sequence of str, default all levels

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        If the shapes do not match.

    Examples
    --------
    >>> import numpy as np
    >>> ax = plot_agent_sweep([0, 1], np.ones((2, 3, 4)), lever="autonomy")
    >>> len(ax.lines)
    4
    """
    x = np.asarray(values, dtype=float)
    b = np.asarray(balance, dtype=float)
    if b.ndim != 3 or b.shape[0] != len(x) or b.shape[2] != len(LEVELS):
        raise ValueError(f"balance must have shape (settings={len(x)}, seeds, {len(LEVELS)}), "
                         f"got {b.shape}")
    ax = new_axes(ax, figsize=(6, 3.5))
    seeds = b.shape[1]
    for level in levels:
        k = LEVELS.index(level)
        colour, marker, size = LEVEL_STYLES[level]
        if seeds > 1:
            ax.scatter(np.repeat(x, seeds), b[:, :, k].ravel(), color=colour, marker=marker,
                       s=size ** 2 * 0.4, alpha=0.35, linewidths=0)
        ax.plot(x, b[:, :, k].mean(axis=1), color=colour, marker=marker, markersize=size * 0.8,
                linewidth=1.6, label=LEVEL_LABELS[level], gid=f"sweep-{level}")
    if fatalism is not None:
        f = np.asarray(fatalism, dtype=float)
        if f.shape != b.shape[:2]:
            raise ValueError(f"fatalism must have shape {b.shape[:2]}, got {f.shape}")
        colour = PALETTE[ALL_MODES[3]]
        ax.plot(x, f.mean(axis=1), color=colour, marker="X", linestyle="--", linewidth=1.4,
                label="fatalism share (nation)", gid="sweep-fatalism")
    specs = AgentLevers.specs()
    doc = specs[lever].help if lever in specs else lever
    ax.set_xlabel(f"{lever.replace('_', ' ')} ({doc})", fontsize=8)
    ax.set_ylabel(f"at the end (mean of {seeds} seed{'s' if seeds != 1 else ''})")
    ax.set_ylim(0, 1.05)
    ax.legend(fontsize=7, loc="best", frameon=False)
    return ax


def agent_sweep_figure(
    values: ArrayLike,
    balance: ArrayLike,
    *,
    lever: str,
    fatalism: ArrayLike | None = None,
    title: str | None = None,
) -> Figure:
    """A whole figure around :func:`plot_agent_sweep` (not registered with pyplot).

    Parameters
    ----------
    values, balance, lever, fatalism
        As for :func:`plot_agent_sweep`.
    title : str, optional
        Defaults to "Evenness at each level against <lever>".

    Returns
    -------
    matplotlib Figure

    Examples
    --------
    >>> import numpy as np
    >>> fig = agent_sweep_figure([0, 1], np.ones((2, 1, 4)), lever="voice")
    >>> fig.axes[0].get_title()
    'Evenness at each level against voice'
    """
    fig = Figure(figsize=(7, 3.8))
    ax = plot_agent_sweep(values, balance, lever=lever, fatalism=fatalism, ax=fig.add_subplot())
    ax.set_title(title or f"Evenness at each level against {lever.replace('_', ' ')}",
                 fontsize=9)
    fig.subplots_adjust(left=0.1, right=0.97, top=0.9, bottom=0.16)
    return fig


# ----- description -------------------------------------------------------------------------------


def describe_agent_sweep(values: ArrayLike, balance: ArrayLike, *, lever: str,
                         fatalism: ArrayLike | None = None) -> str:
    """A text description of :func:`plot_agent_sweep`.

    Parameters
    ----------
    values : array_like, shape (settings,)
    balance : array_like, shape (settings, seeds, 4)
    lever : str
    fatalism : array_like, shape (settings, seeds), optional

    Returns
    -------
    str

    Examples
    --------
    >>> import numpy as np
    >>> b = np.stack([np.full((2, 4), 0.9), np.full((2, 4), 0.6)])
    >>> print(describe_agent_sweep([0, 1], b, lever="autonomy"))
    Sweep of autonomy from 0 to 1 (2 settings, 2 seeds each), mean evenness at the end:
    - teams: 0.90 at 0, 0.60 at 1
    - providers: 0.90 at 0, 0.60 at 1
    - ICSs: 0.90 at 0, 0.60 at 1
    - nation: 0.90 at 0, 0.60 at 1
    """
    x = np.asarray(values, dtype=float)
    b = np.asarray(balance, dtype=float)
    shown = list(dict.fromkeys([0, len(x) // 2, len(x) - 1])) if len(x) > 3 else range(len(x))
    lines = [f"Sweep of {lever.replace('_', ' ')} from {x[0]:g} to {x[-1]:g} ({len(x)} settings, "
             f"{b.shape[1]} seed{'s' if b.shape[1] != 1 else ''} each), mean evenness at the end:"]
    for k, level in enumerate(LEVELS):
        m = b[:, :, k].mean(axis=1)
        lines.append(f"- {LEVEL_LABELS[level]}: " + ", ".join(f"{m[i]:.2f} at {x[i]:g}"
                                                              for i in shown))
    if fatalism is not None:
        f = np.asarray(fatalism, dtype=float).mean(axis=1)
        lines.append("- fatalism share (nation): " + ", ".join(f"{f[i]:.2f} at {x[i]:g}"
                                                               for i in shown))
    return "\n".join(lines)
