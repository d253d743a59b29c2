"""Drawing shared by the history figures: the era bands, clearing axes for a redraw, year spans.

Examples
--------
>>> from matplotlib.figure import Figure
>>> ax = Figure().add_subplot()
>>> era_bands(ax, 1980.0, 2000.0)
>>> sorted({t.get_text() for t in ax.texts})
['consensus', 'general management', 'internal market', 'new labour']
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.markers import MarkerStyle
from matplotlib.patches import Rectangle
from matplotlib.transforms import IdentityTransform

from coordkit import history
from coordkit.plots.style import (
    BACKGROUND,
    MUTED,
    PANEL,
)

__all__ = ["add_hlines", "add_markers", "era_bands", "reset_axes", "years_text"]

_ERA_TINTS = (PANEL, BACKGROUND)


def era_bands(
    ax: Axes, lo: float, hi: float, *, labels: bool = True, y: float = 0.985, gids: bool = True,
    above: bool = False,
) -> None:
    """Shade the eras that fall in [lo, hi] alternately and name them at the top.

    Names sit just inside the top of the axes (leave headroom for them), or with ``above=True``
    in two rows just above the axes, clear of the data (leave a top margin for them).
    ``gids=False`` leaves the bands and names without gids, so that
    :class:`coordkit.plots.FastPNG` treats them as static scenery in a live figure.
    """
    shown = 0
    for k, era in enumerate(history.ERAS):
        a, b = max(era.first_year, lo), min(era.last_year + 1, hi)
        if a >= b:
            continue
        # the band as ax.axvspan draws it (full height, x in data), without its data-limit updates
        band = Rectangle((a, 0.0), b - a, 1.0, color=_ERA_TINTS[k % 2], zorder=0, linewidth=0,
                         gid=f"era-{era.label}" if gids else None)
        band.set_transform(ax.get_xaxis_transform(which="grid"))
        ax.add_artist(band)
        if labels and (b - a) >= 0.03 * (hi - lo):
            # a narrow band at the edge of the axes is named from that edge inwards, so that its name
            # is not cut off (post-2022 is short and often ends at the edge); others are centred
            x, ha = (a + b) / 2, "center"
            if b - a < 0.15 * (hi - lo):
                x, ha = (a, "left") if a <= lo else (b, "right") if b >= hi else (x, ha)
            # alternate heights so that the names of short neighbouring eras do not collide
            row = 0.055 * (shown % 2)
            ax.text(x, 1.015 + row if above else y - row, era.label, transform=ax.get_xaxis_transform(),
                    ha=ha, va="bottom" if above else "top", fontsize=8, color=MUTED, zorder=1,
                    clip_on=not above, gid="era-label" if gids else None)
            shown += 1


def reset_axes(ax: Axes) -> Axes:
    """Remove everything a history plot drew on ``ax`` but keep the axes and their tick objects.

    Redrawing on the same axes is much faster than clearing them (``ax.clear()`` rebuilds every
    tick) or making a new figure, which matters for widgets.

    Parameters
    ----------
    ax : matplotlib Axes

    Returns
    -------
    matplotlib Axes
        The same axes, empty of data, labels and legend.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> _ = ax.plot([0, 1]), ax.text(0, 0, "x"), ax.set_title("t")
    >>> ax = reset_axes(ax)
    >>> len(ax.lines) + len(ax.collections) + len(ax.patches) + len(ax.texts)
    0
    """
    for artist in [*ax.lines, *ax.collections, *ax.patches, *ax.texts, *ax.artists, *ax.images]:
        artist.remove()
    legend = ax.get_legend()
    if legend is not None:
        legend.remove()
    ax.set_title("")
    ax.set_xlabel("")
    ax.set_ylabel("")
    return ax


def add_markers(ax: Axes, x: np.ndarray, y: np.ndarray, *, sizes: np.ndarray | float, marker: str,
                facecolor: str, edgecolor: str, linewidth: float, zorder: float, gid: str) -> PathCollection:
    """Markers at (x, y), as ``ax.scatter`` draws them, without its data-limit bookkeeping.

    The history figures set their limits themselves, so the masking and limit updates
    ``scatter`` does on every call are wasted; skipping them makes a live figure's first view
    markedly cheaper. ``marker`` must be a filled marker.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> dots = add_markers(ax, np.array([1.0]), np.array([2.0]), sizes=np.array([30.0]), marker="o",
    ...                    facecolor="white", edgecolor="black", linewidth=1.0, zorder=3, gid="dots")
    >>> dots.get_offsets().tolist(), [float(v) for v in ax.get_xlim()]  # limits untouched
    ([[1.0, 2.0]], [0.0, 1.0])
    """
    style = MarkerStyle(marker)
    path = style.get_path().transformed(style.get_transform())
    markers = PathCollection([path], sizes=np.broadcast_to(sizes, len(x)), offsets=np.column_stack([x, y]),
                             offset_transform=ax.transData, facecolors=facecolor, edgecolors=edgecolor,
                             linewidths=linewidth, zorder=zorder, gid=gid)
    markers.set_transform(IdentityTransform())
    ax.add_collection(markers, autolim=False)
    return markers


def add_hlines(ax: Axes, y: object, xmin: object, xmax: object, *, colors: str, linewidth: float,
               zorder: float, linestyles: str = "solid", gid: str | None = None) -> LineCollection:
    """Horizontal lines at ``y`` from ``xmin`` to ``xmax``, as ``ax.hlines`` draws them, without bookkeeping.

    Like :func:`add_markers`: the history figures set their limits themselves, and ``hlines``
    costs four times as much in masking and data-limit updates as the lines it adds.
    ``y``, ``xmin`` and ``xmax`` are numbers or arrays (broadcast together).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> rows = add_hlines(ax, [0.0, 1.0], 1990, 2000, colors="grey", linewidth=0.6, zorder=1)
    >>> [s.tolist() for s in rows.get_segments()], [float(v) for v in ax.get_ylim()]  # limits untouched
    ([[[1990.0, 0.0], [2000.0, 0.0]], [[1990.0, 1.0], [2000.0, 1.0]]], [0.0, 1.0])
    """
    ys, starts, stops = (np.ravel(v) for v in np.broadcast_arrays(*(np.asarray(v, dtype=float)
                                                                  for v in (y, xmin, xmax))))
    segments = np.stack([np.column_stack([starts, ys]), np.column_stack([stops, ys])], axis=1)
    lines = LineCollection(list(segments), colors=colors, linestyles=linestyles, linewidths=linewidth,
                           zorder=zorder, gid=gid)
    ax.add_collection(lines, autolim=False)
    return lines


def years_text(lo: float, hi: float) -> str:
    """The whole years a span of decimal years covers, e.g. ``"1989-1996"``.

    Examples
    --------
    >>> years_text(1989.0, 1997.0)
    '1989-1996'
    """
    return f"{int(np.floor(lo))}-{int(np.ceil(hi)) - 1}"
