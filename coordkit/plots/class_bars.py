"""The class's culture now against preferred, group by group, as bars: a chart a room can read.

On a triangle, groups of one class sit close together and their markers pile up
(:func:`coordkit.plots.survey.class_arrows_figure`); bars keep every group apart. One panel per
mode (hierarchy, solidarity, individualism, fatalism), one pair of bars per group: now filled in
the mode's colour, preferred white with the mode's hatch, each bar labelled with its points, so
that nothing is told by colour alone.

Examples
--------
>>> from coordkit.survey import analyse, synthetic_class
>>> a = analyse(synthetic_class(), group_column="team")
>>> fig = class_bars_figure(a)
>>> [ax.get_title() for ax in fig.axes]
['Hierarchy', 'Solidarity', 'Individualism', 'Fatalism']
>>> describe_class_bars(a).split(":")[0]
'Points out of 100 for each mode, now and preferred, for the whole class and 4 group(s)'
"""

from __future__ import annotations

import textwrap

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from coordkit.modes import ALL_MODES
from coordkit.plots.style import HATCHES, PALETTE
from coordkit.survey import ClassAnalysis

__all__ = ["ROW_LABEL_CHARS", "bar_scale", "class_bars_figure", "describe_class_bars"]


#: Row labels longer than this wrap onto a second line, so that the panels keep their width.
ROW_LABEL_CHARS = 22


def bar_scale(analysis: ClassAnalysis) -> float:
    """The common x-axis limit of :func:`class_bars_figure`: the longest bar of any panel, plus room.

    One limit for all four panels, taken from the longest bar of all of them, so that every bar
    ends inside its panel and the same points are drawn as the same length in every panel (the
    kit's choice: a panel scaled to its own longest bar would draw fatalism's 20 as long as
    hierarchy's 45). The room, 45 % of the longest bar, holds each bar's label.

    Parameters
    ----------
    analysis : ClassAnalysis

    Returns
    -------
    float
        The upper x limit, in points.

    Examples
    --------
    >>> from coordkit.survey import analyse, synthetic_class
    >>> round(bar_scale(analyse(synthetic_class(), group_column="team")), 1)
    69.1
    """
    rows = analysis.summaries()
    top = max([1.0, *(float(v) for s in rows for v in (*s.now_mean, *s.preferred_mean))])
    return top * 1.45


def class_bars_figure(analysis: ClassAnalysis) -> Figure:
    """One panel per mode; in each, now (filled) and preferred (hatched) bars for every shown group.

    Parameters
    ----------
    analysis : ClassAnalysis
        From :func:`coordkit.survey.analyse`; suppressed groups are not drawn (the analysis
        leaves them out).

    Returns
    -------
    matplotlib Figure
        Four Axes, in the order of :data:`coordkit.modes.ALL_MODES`, on one x scale
        (:func:`bar_scale`); the groups run down the first panel's y axis, the whole class first,
        long names wrapped. Constrained layout keeps titles and labels apart and inside.
    """
    rows = analysis.summaries()
    fig = Figure(figsize=(9.25, 5), layout="constrained")
    axes = fig.subplots(1, len(ALL_MODES), sharey=True)
    y = np.arange(len(rows))[::-1].astype(float)
    height = 0.38
    right = bar_scale(analysis)
    for j, (ax, mode) in enumerate(zip(axes, ALL_MODES, strict=True)):
        now = [float(s.now_mean[j]) for s in rows]
        preferred = [float(s.preferred_mean[j]) for s in rows]
        ax.barh(y + height / 2, now, height=height, color=PALETTE[mode], edgecolor="black",
                gid=f"now-{mode.value}")
        ax.barh(y - height / 2, preferred, height=height, color="white", edgecolor=PALETTE[mode],
                hatch=HATCHES[mode], linewidth=1.2, gid=f"preferred-{mode.value}")
        for k in range(len(rows)):
            for value, at in ((now[k], y[k] + height / 2), (preferred[k], y[k] - height / 2)):
                ax.annotate(f"{value:.0f}", (value, at), xytext=(2, 0), textcoords="offset points",
                            va="center", fontsize=8)
        ax.set_title(mode.label, fontsize=9)
        ax.set_xlim(0, right)
        ax.set_xticks([])
        for side in ("top", "right", "bottom"):
            ax.spines[side].set_visible(False)
        if j:
            ax.tick_params(axis="y", left=False)
    axes[0].set_yticks(y, [textwrap.fill(f"{s.label} ({s.n})", ROW_LABEL_CHARS, break_long_words=False)
                           for s in rows], fontsize=8)
    fig.legend(handles=[Patch(facecolor="0.45", edgecolor="black", label="now (filled)"),
                        Patch(facecolor="white", edgecolor="0.3", hatch="//",
                              label="preferred (hatched)")],
               loc="outside lower center", ncols=2, fontsize=8, frameon=False)
    fig.suptitle("Points out of 100, now and preferred, by group (n in brackets)", fontsize=10)
    return fig


def describe_class_bars(analysis: ClassAnalysis) -> str:
    """Text description of :func:`class_bars_figure`: every bar's points, in words."""
    rows = analysis.summaries()
    groups = max(len(rows) - 1, 0) if analysis.overall else len(rows)
    parts = []
    for s in rows:
        pairs = ", ".join(f"{m.label.lower()} {s.now_mean[j]:.0f} to {s.preferred_mean[j]:.0f}"
                          for j, m in enumerate(ALL_MODES))
        parts.append(f"{s.label} (n={s.n}): {pairs}")
    return (f"Points out of 100 for each mode, now and preferred, for the whole class and "
            f"{groups} group(s): " + "; ".join(parts) + ".")
