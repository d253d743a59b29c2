"""Figures for NHS reform scenarios: the demand-capacity ceiling, and which levers made the difference.

Trajectories of a scenario against a baseline are drawn by :mod:`coordkit.plots.dynamics`
(:func:`~coordkit.plots.dynamics.dynamics_figure` with ``baseline=``); this module adds the two
views that are specific to scenarios. Each has a ``describe_*`` text description.

Examples
--------
>>> from coordkit.scenarios import PolicyLevers, ceiling_curve
>>> ax = plot_ceiling({"default levers": ceiling_curve(PolicyLevers(), [0.5, 1.0, 1.5])})
>>> [line.get_label() for line in ax.lines if not line.get_label().startswith("_")]
['ceiling: min(1, capacity / demand)', 'default levers']
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from coordkit.plots.style import ACCENT, GUIDE, NEUTRAL, REFERENCE, SECONDARY, new_axes

__all__ = [
    "ceiling_figure",
    "describe_ceiling",
    "describe_lever_effects",
    "lever_effects_figure",
    "plot_ceiling",
    "plot_lever_effects",
]

# Colours for up to four curves (the style module's series colours), each with its own marker and
# line style, so curves never differ by colour alone.
_CURVE_STYLES = [(SECONDARY, "o", "-"), (REFERENCE, "s", "--"), (NEUTRAL, "^", "-."),
                 (ACCENT, "D", ":")]


def plot_ceiling(
    curves: Mapping[str, pd.DataFrame],
    *,
    ax: Axes | None = None,
    current: tuple[float, float] | None = None,
) -> Axes:
    """Outcome against capacity relative to demand, for one or more lever settings, with the ceiling.

    Parameters
    ----------
    curves : mapping of label to DataFrame
        Each from :func:`coordkit.scenarios.ceiling_curve` (columns ``ratio``, ``ceiling``,
        ``outcome``); at most four.
    ax : matplotlib Axes, optional
    current : (ratio, outcome), optional
        A point to mark, e.g. the scenario being explored.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        For no curves or more than four.
    """
    if not 1 <= len(curves) <= len(_CURVE_STYLES):
        raise ValueError(f"plot_ceiling takes 1 to {len(_CURVE_STYLES)} curves, got {len(curves)}")
    ax = new_axes(ax, figsize=(6, 4))
    first = next(iter(curves.values()))
    ratio = np.asarray(first["ratio"], dtype=float)
    ceiling = np.minimum(1.0, ratio)
    ax.plot(ratio, ceiling, color="black", linewidth=2, linestyle=":",
            label="ceiling: min(1, capacity / demand)")
    ax.fill_between(ratio, ceiling, 1.05, facecolor="none", edgecolor=GUIDE, hatch="//",
                    linewidth=0, label="out of reach")
    for (label, frame), (colour, marker, style) in zip(curves.items(), _CURVE_STYLES, strict=False):
        ax.plot(frame["ratio"], frame["outcome"], color=colour, marker=marker, linestyle=style,
                markersize=4, label=label)
    if current is not None:
        ax.plot([current[0]], [current[1]], marker="*", markersize=16, color="black",
                linestyle="none", label="this scenario", zorder=5)
    ax.axvline(1.0, color=GUIDE, linewidth=0.8)
    ax.text(1.0, 1.01, " capacity = demand", fontsize=8, va="bottom")
    ax.set_xlim(float(ratio.min()), float(ratio.max()))
    ax.set_ylim(0, 1.05)
    ax.set_xlabel("capacity relative to demand after ten years")
    ax.set_ylabel("outcome after ten years (0 to 1)")
    ax.legend(fontsize=8, loc="upper left", frameon=False)
    return ax


def describe_ceiling(curves: Mapping[str, pd.DataFrame],
                     current: tuple[float, float] | None = None) -> str:
    """Text description of :func:`plot_ceiling`.

    Parameters
    ----------
    curves : mapping of label to DataFrame
    current : (ratio, outcome), optional

    Returns
    -------
    str

    Examples
    --------
    >>> from coordkit.scenarios import PolicyLevers, ceiling_curve
    >>> print(describe_ceiling({"default": ceiling_curve(PolicyLevers(), [0.5, 1.0])}))
    ... # doctest: +ELLIPSIS
    Outcome after ten years against capacity relative to demand (0.50 to 1.00); the ceiling is ...
    """
    first = next(iter(curves.values()))
    lines = [
        f"Outcome after ten years against capacity relative to demand "
        f"({first['ratio'].min():.2f} to {first['ratio'].max():.2f}); the ceiling is "
        "min(1, capacity / demand) and no curve rises above it."
    ]
    for label, frame in curves.items():
        best = frame.loc[frame["outcome"].idxmax()]
        at_one = frame.loc[(frame["ratio"] - 1.0).abs().idxmin()]
        low = frame.iloc[0]
        lines.append(
            f"- {label}: outcome {low['outcome']:.2f} at ratio {low['ratio']:.2f}, "
            f"{at_one['outcome']:.2f} at ratio {at_one['ratio']:.2f}, at most {best['outcome']:.2f}."
        )
    if current is not None:
        lines.append(f"- This scenario (star): ratio {current[0]:.2f}, outcome {current[1]:.2f}.")
    return "\n".join(lines)


def plot_lever_effects(differences: pd.DataFrame, *, ax: Axes | None = None,
                       quantity: str = "outcome_change", top: int = 6) -> Axes:
    """Horizontal bars: the change each differing lever makes on its own (from ``compare``).

    Bars that raise the quantity are solid, bars that lower it are hatched, so the sign does not
    rest on colour.

    Parameters
    ----------
    differences : pandas.DataFrame
        The second result of :func:`coordkit.scenarios.compare`.
    ax : matplotlib Axes, optional
    quantity : {"outcome_change", "balance_change"}
    top : int, default 6
        How many levers to show (largest effects first).

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from coordkit.scenarios import PolicyLevers, compare
    >>> _, diffs = compare({"a": PolicyLevers(), "b": PolicyLevers(central_targets=120, devolution=9)})
    >>> [t.get_text() for t in plot_lever_effects(diffs).get_yticklabels()]
    ['Central targets', 'Devolution to systems']
    """
    if quantity not in ("outcome_change", "balance_change"):
        raise ValueError(f"quantity must be 'outcome_change' or 'balance_change', got {quantity!r}")
    ax = new_axes(ax, figsize=(6, 3.5))
    shown = differences.reindex(differences[quantity].abs().sort_values(ascending=False).index)
    shown = shown.head(top).iloc[::-1]
    values = shown[quantity].to_numpy(dtype=float)
    bars = ax.barh(range(len(values)), values, color=[SECONDARY if v >= 0 else REFERENCE
                                                     for v in values], edgecolor="black")
    for bar, v in zip(bars, values, strict=True):
        bar.set_hatch("" if v >= 0 else "//")
    ax.set_yticks(range(len(values)), list(shown["label"]))
    ax.axvline(0, color="black", linewidth=0.8)
    what = quantity.replace("_change", "")
    ax.set_xlabel(f"change in {what} when only this lever is switched")
    ax.legend(handles=[Patch(facecolor=SECONDARY, edgecolor="black", label=f"raises {what}"),
                       Patch(facecolor=REFERENCE, edgecolor="black", hatch="//",
                             label=f"lowers {what}")], fontsize=8, frameon=False)
    return ax


def describe_lever_effects(differences: pd.DataFrame, quantity: str = "outcome_change",
                           top: int = 6) -> str:
    """Text description of :func:`plot_lever_effects`.

    Parameters
    ----------
    differences : pandas.DataFrame
    quantity : str, default "outcome_change"
    top : int, default 6

    Returns
    -------
    str

    Examples
    --------
    >>> from coordkit.scenarios import PolicyLevers, compare
    >>> _, diffs = compare({"a": PolicyLevers(), "b": PolicyLevers(central_targets=120)})
    >>> print(describe_lever_effects(diffs))  # doctest: +ELLIPSIS
    Levers that differ, by the change in outcome each makes alone (largest first):
    - Central targets: 30 -> 120, outcome -0.030
    >>> _, diffs = compare({"a": PolicyLevers(), "b": PolicyLevers(central_targets=120, devolution=9)})
    >>> print(describe_lever_effects(diffs, top=1))  # doctest: +ELLIPSIS
    The 1 largest of the 2 levers that differ, by the change in outcome each makes alone:
    - ...
    The other lever changes the outcome by ... or less on its own.
    """
    what = quantity.replace("_change", "")
    if differences.empty:
        return "The scenarios use the same levers: nothing differs."
    reference = differences.columns[3]
    shown = differences.reindex(differences[quantity].abs().sort_values(ascending=False).index)
    n, rest = len(shown), shown.iloc[top:]
    if rest.empty:
        lines = [f"Levers that differ, by the change in {what} each makes alone (largest first):"]
    else:
        lines = [f"The {top} largest of the {n} levers that differ, by the change in {what} each "
                 "makes alone:"]
    for _, row in shown.head(top).iterrows():
        lines.append(f"- {row['label']}: {row[reference]:g} -> {row['other']:g}, "
                     f"{what} {row[quantity]:+.3f}")
    if not rest.empty:
        others = "other lever changes" if len(rest) == 1 else f"other {len(rest)} levers each change"
        lines.append(f"The {others} the {what} by {rest[quantity].abs().max():.3f} or less on its own.")
    return "\n".join(lines)


def ceiling_figure(curves: Mapping[str, pd.DataFrame],
                   current: tuple[float, float] | None = None) -> Figure:
    """:func:`plot_ceiling` on a figure of its own (not registered with pyplot).

    Parameters
    ----------
    curves : mapping of label to DataFrame
    current : (ratio, outcome), optional

    Returns
    -------
    matplotlib Figure
    """
    fig = Figure(figsize=(7, 4.2))
    plot_ceiling(curves, ax=fig.add_subplot(), current=current)
    fig.subplots_adjust(left=0.1, right=0.97, bottom=0.13, top=0.95)
    return fig


def lever_effects_figure(differences: pd.DataFrame, *, quantity: str = "outcome_change",
                         top: int = 6) -> Figure:
    """:func:`plot_lever_effects` on a figure of its own, or a note when nothing differs.

    Parameters
    ----------
    differences : pandas.DataFrame
    quantity : str, default "outcome_change"
    top : int, default 6

    Returns
    -------
    matplotlib Figure
    """
    fig = Figure(figsize=(7, 3.2))
    ax = fig.add_subplot()
    if differences.empty:
        ax.text(0.5, 0.5, "the two scenarios use the same levers", ha="center")
        ax.set_axis_off()
    else:
        plot_lever_effects(differences, ax=ax, quantity=quantity, top=top)
        if len(differences) > top:
            ax.set_title(f"the {top} largest of {len(differences)} levers that differ", fontsize=9)
    fig.subplots_adjust(left=0.47, right=0.97, bottom=0.2)
    return fig
