"""The reform timeline: one row per mode, each reform drawn in the row of every mode it pushed.

:func:`timeline_selection` selects once (with :func:`coordkit.history.select_reforms`);
:class:`TimelineView` draws and describes that one selection; :func:`reform_timeline`,
:func:`timeline_figure`, :func:`describe_reform_timeline`, :func:`timeline_reforms` and
:func:`reform_table` are the thin functions notebooks call.

Examples
--------
>>> view = TimelineView(history.load_reforms(), eras="founding")
>>> len(view.selection.shown), view.figure().axes[0].get_yticklabels()[0].get_text()
(3, 'Hierarchy')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar, TypedDict, Unpack

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FormatStrFormatter, MaxNLocator

from coordkit import history
from coordkit.history import chosen_modes, date_label, decimal_year, push_label
from coordkit.modes import ALL_MODES, Mode
from coordkit.plots.history.common import add_hlines, add_markers, reset_axes, years_text
from coordkit.plots.history.common import era_bands as draw_era_bands
from coordkit.plots.style import (
    GUIDE,
    MARKERS,
    MUTED,
    PALETTE,
    new_axes,
)
from coordkit.plots.view import FigureView
from coordkit.tables import Table, details

__all__ = ["TableDetails", "TimelineFilters", "TimelineSelection", "TimelineView", "describe_reform_timeline",
           "reform_table", "reform_timeline", "table_details", "timeline_figure", "timeline_reforms",
           "timeline_selection"]

_STEM = 0.17  # row height taken by a push of 1
_AUTO_NUMBER = 20  # number the reforms when no more than this many are shown


def _span_of_eras(eras: str | Iterable[str] | None) -> tuple[float, float]:
    if eras is None:
        return float(history.FIRST_YEAR), float(history.LAST_YEAR + 1)
    wanted = [eras] if isinstance(eras, str) else list(eras)
    chosen = [e for e in history.ERAS if e.label in wanted]
    if not chosen:
        return float(history.FIRST_YEAR), float(history.LAST_YEAR + 1)
    return float(min(e.first_year for e in chosen)), float(max(e.last_year for e in chosen) + 1)


def _axis_end(end: history.Bound) -> float:
    """Where the time axis stops for an ``end`` bound: after the whole of a year given as an int."""
    if isinstance(end, int | np.integer) and not isinstance(end, bool):
        return float(int(end) + 1)
    return history.decimal_bound(end, end=True)


@dataclass(frozen=True)
class TimelineSelection:
    """What a reform timeline shows, selected once; the figure and its description both read it.

    Built by :func:`timeline_selection` with :func:`coordkit.history.select_reforms`, so the
    reforms drawn, the reforms described and the reforms a widget lists are the same rows.

    Attributes
    ----------
    shown : pandas.DataFrame
        The reforms shown, in date order, with the coding asked for.
    modes : tuple of Mode
        The rows drawn, in the kit's order.
    direction : str
        ``"any"``, ``"up"`` or ``"down"``.
    eras : tuple of str or None
        The eras asked for (``None``: all).
    lo, hi : float
        The span of the time axis in decimal years.
    explicit : bool
        Whether ``start`` or ``end`` set the span (then the axis has no margin).
    kits_coding : bool
        Whether the codings are the kit's (no other ``coding`` was given).
    """

    shown: pd.DataFrame
    modes: tuple[Mode, ...]
    direction: history.Direction
    eras: tuple[str, ...] | None
    lo: float
    hi: float
    explicit: bool = False
    kits_coding: bool = True

    @property
    def x(self) -> np.ndarray:
        """The decimal year of each reform shown."""
        return decimal_year(self.shown["date"])


class TimelineFilters(TypedDict, total=False):
    """The filters every reform view takes, spelt once (see :func:`timeline_selection` for their meaning)."""

    eras: str | Iterable[str] | None
    modes: str | Mode | Iterable[str | Mode] | None
    direction: history.Direction
    start: history.Bound | None
    end: history.Bound | None
    coding: pd.DataFrame | None


def timeline_selection(
    reforms: pd.DataFrame,
    *,
    eras: str | Iterable[str] | None = None,
    modes: str | Mode | Iterable[str | Mode] | None = None,
    direction: history.Direction = "any",
    start: history.Bound | None = None,
    end: history.Bound | None = None,
    coding: pd.DataFrame | None = None,
) -> TimelineSelection:
    """Select what a reform timeline shows: reforms in the eras and dates that pushed a row's mode.

    Parameters
    ----------
    reforms : pandas.DataFrame
    eras, modes, direction, start, end, coding
        As for :func:`reform_timeline`; the selection is
        :func:`coordkit.history.select_reforms` with ``modes`` defaulting to all four rows.

    Returns
    -------
    TimelineSelection

    Examples
    --------
    >>> sel = timeline_selection(history.load_reforms(), start=2022, end=2022)
    >>> len(sel.shown), sel.lo, sel.hi
    (4, 2022.0, 2023.0)
    """
    rows = chosen_modes(modes)
    shown = history.select_reforms(reforms, eras=eras, start=start, end=end, modes=rows,
                                   direction=direction, coding=coding)
    shown = shown.iloc[np.argsort(decimal_year(shown["date"]), kind="stable")]
    lo, hi = _span_of_eras(eras)
    lo = lo if start is None else history.decimal_bound(start, end=False)
    hi = hi if end is None else _axis_end(end)
    era_tuple = None if eras is None else tuple([eras] if isinstance(eras, str) else eras)
    return TimelineSelection(shown, tuple(rows), direction, era_tuple, lo, hi,
                             explicit=start is not None or end is not None, kits_coding=coding is None)


def timeline_reforms(reforms: pd.DataFrame, **filters: Unpack[TimelineFilters]) -> pd.DataFrame:
    """The reforms a :func:`reform_timeline` with these filters shows, in date order.

    A reform is shown if it falls in one of the eras (and between ``start`` and ``end``,
    inclusive: see :func:`coordkit.history.select_reforms`) and pushed at least one of the
    modes in the direction asked.

    Parameters
    ----------
    reforms : pandas.DataFrame
    **filters
        ``eras``, ``modes``, ``direction``, ``start``, ``end``, ``coding``: as for
        :func:`timeline_selection` (:class:`TimelineFilters`).

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    ValueError
        For an unknown era, mode or direction.

    Examples
    --------
    >>> down = timeline_reforms(history.load_reforms(), modes="I", direction="down", end=2000)
    >>> down["id"].tolist()
    ['new_nhs_white_paper_1997', 'pcgs_and_nice_1999']
    """
    return timeline_selection(reforms, **filters).shown


def reform_table(reforms: pd.DataFrame, *, rationale: bool = False, date_notes: bool = False,
                 **filters: Unpack[TimelineFilters]) -> pd.DataFrame:
    """The reforms a timeline shows, as a compact table for reading (dates only as precise as known).

    Parameters
    ----------
    reforms : pandas.DataFrame
    rationale : bool, default False
        Add the kit's reason for each coding (column ``why coded so``).
    date_notes : bool, default False
        Add the notes on dates in force and disagreements between sources.
    **filters
        ``eras``, ``modes``, ``direction``, ``start``, ``end``, ``coding``: as for
        :func:`timeline_selection` (:class:`TimelineFilters`).

    Returns
    -------
    pandas.DataFrame
        Numbered from 1 in date order: ``date``, ``title``, ``kind`` and the signed pushes
        ``H``, ``S``, ``I``, ``F`` (then the optional columns).

    Examples
    --------
    >>> reform_table(history.load_reforms(), eras="founding").iloc[0]["title"]
    'National Health Service Act 1946'
    """
    shown = timeline_reforms(reforms, **filters)
    table = pd.DataFrame({
        "date": [date_label(d, p) for d, p in zip(shown["date"], shown["date_precision"], strict=True)],
        "title": shown["title"].to_numpy(),
        "kind": shown["kind"].to_numpy(),
        **{m.initial: shown[history.PUSH_COLUMNS[m]].to_numpy(dtype=int) for m in ALL_MODES},
    })
    if rationale:
        table["why coded so"] = shown["coding_rationale"].to_numpy()
    if date_notes:
        table["date note"] = shown["date_note"].to_numpy()
    table.index = pd.RangeIndex(1, len(table) + 1)
    return table


#: A folded table (:class:`coordkit.tables.Table` with ``folded=True``); the old name, kept for callers.
TableDetails = Table


def table_details(table: pd.DataFrame, summary: str | None = None) -> TableDetails:
    """Fold a table (e.g. a :func:`reform_table`) behind a "See the full table" expander.

    Parameters
    ----------
    table : pandas.DataFrame
    summary : str, optional
        The label; default "See the full table (N reforms)".

    Returns
    -------
    TableDetails

    Examples
    --------
    >>> folded = table_details(reform_table(history.load_reforms(), eras="founding"))
    >>> folded
    See the full table (3 reforms) (3 rows; open it in the notebook or handout)
    >>> folded._repr_html_().startswith("<details><summary>See the full table")
    True
    """
    n = len(table)
    return details(table, summary or f"See the full table ({n} reform{'s' if n != 1 else ''})")


def reform_timeline(
    reforms: pd.DataFrame,
    *,
    ax: Axes | None = None,
    eras: str | Iterable[str] | None = None,
    modes: str | Mode | Iterable[str | Mode] | None = None,
    direction: history.Direction = "any",
    start: history.Bound | None = None,
    end: history.Bound | None = None,
    numbered: bool | None = None,
    era_bands: bool = True,
    legend: bool = True,
    coding: pd.DataFrame | None = None,
    selection: TimelineSelection | None = None,
) -> Axes:
    """The reforms on a time line, one row per mode, each drawn in the row of every mode it pushed.

    A reform's push on a mode is a stem from the row's baseline with the mode's marker at the tip:
    up and filled for a push up, down and hollow for a push down, longer and bigger for a push
    of 2 than of 1. A date known only to the year gets a short bar along the baseline covering
    that year. Eras are shaded alternately and named at the top.

    Parameters
    ----------
    reforms : pandas.DataFrame
        As from :func:`coordkit.history.load_reforms` (or a recoded copy).
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.
    eras : str or iterable of str, optional
        Era labels to show (see :data:`coordkit.history.ERA_LABELS`); default all. The axis
        spans the eras chosen.
    modes : mode or iterable of modes, optional
        Rows to draw (names, initials or :class:`~coordkit.modes.Mode`); default all four.
        Only reforms that pushed one of them are shown.
    direction : {"any", "up", "down"}, default "any"
        Show pushes either way, or only pushes up or only pushes down.
    start, end : int, float, str or date, optional
        Bound the axis and the reforms shown, inclusive, as in
        :func:`coordkit.history.select_reforms` (a whole year covers the whole year; a float
        is a decimal year); they override the eras' span.
    numbered : bool, optional
        Number the reforms shown (1, 2, ... in date order) above the top row, to match
        :func:`describe_reform_timeline`; by default only when 20 or fewer are shown.
    era_bands : bool, default True
        Shade and name the eras.
    legend : bool, default True
        Explain the markers below the axes.
    coding : pandas.DataFrame, optional
        Draw another coding than the kit's (a class consensus, one student's): see
        :func:`coordkit.history.apply_coding`.
    selection : TimelineSelection, optional
        A selection already made by :func:`timeline_selection` (the filters are then ignored).

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        For an unknown era, mode or direction.

    Examples
    --------
    >>> ax = reform_timeline(history.load_reforms(), ax=Figure().add_subplot(), modes="I", direction="down")
    >>> sorted(c.get_gid() for c in ax.collections if (c.get_gid() or "").startswith("push"))
    ['push-individualism-down']
    """
    ax = new_axes(ax, figsize=(11, 4))
    sel = selection or timeline_selection(reforms, eras=eras, modes=modes, direction=direction, start=start,
                                          end=end, coding=coding)
    explicit = sel.explicit
    chosen_modes, direction, lo, hi, shown = list(sel.modes), sel.direction, sel.lo, sel.hi, sel.shown
    margin = 0.0 if explicit else 0.012 * (hi - lo)
    x = sel.x
    n_rows = len(chosen_modes)
    rows_y = {m: float(n_rows - 1 - k) for k, m in enumerate(chosen_modes)}
    ax.set_autoscale_on(False)  # limits are set below; skipping autoscaling keeps widgets fast
    if era_bands:
        draw_era_bands(ax, lo, hi)
    if rows_y:
        add_hlines(ax, list(rows_y.values()), lo - 1, hi + 1, colors=GUIDE, linewidth=0.6, zorder=1)
    for mode, y0 in rows_y.items():
        w = shown[history.PUSH_COLUMNS[mode]].to_numpy(dtype=float)
        for name, mask in (("up", w > 0), ("down", w < 0)):
            if direction not in ("any", name) or not mask.any():
                continue
            xs, ws = x[mask], w[mask]
            tips = y0 + _STEM * ws
            ax.add_collection(LineCollection(
                [[(a, y0), (a, t)] for a, t in zip(xs, tips, strict=True)],
                colors=PALETTE[mode], linewidths=1.2, zorder=2, gid=f"stem-{mode.value}-{name}"),
                autolim=False)
            add_markers(ax, xs, tips, sizes=28 + 26 * np.abs(ws) ** 2, marker=MARKERS[mode],
                        facecolor=PALETTE[mode] if name == "up" else "white",
                        edgecolor="black" if name == "up" else PALETTE[mode],
                        linewidth=0.7 if name == "up" else 1.6, zorder=3, gid=f"push-{mode.value}-{name}")
        pushed = w != 0 if direction == "any" else (w > 0 if direction == "up" else w < 0)
        year_only = (shown["date_precision"].to_numpy() == "year") & pushed
        if year_only.any():
            add_hlines(ax, y0, x[year_only], x[year_only] + 1, colors=PALETTE[mode], linewidth=3,
                       zorder=1.5, gid=f"year-only-{mode.value}")
    top = (n_rows - 1) + 2 * _STEM + 0.12
    if numbered or (numbered is None and 0 < len(shown) <= _AUTO_NUMBER):
        order = np.argsort(x, kind="stable")
        for rank, k in enumerate(order, start=1):
            ax.text(x[k], top + 0.14 * (rank % 3), str(rank), ha="center", va="bottom", fontsize=8,
                    zorder=4, gid="number")
        top += 0.5
    ax.set_xlim(lo - margin, hi + margin)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=10, integer=True))
    ax.xaxis.set_major_formatter(FormatStrFormatter("%d"))
    ax.set_ylim(-2 * _STEM - 0.25, top + 0.75)  # headroom for the era names
    ax.set_yticks(list(rows_y.values()), [m.label for m in rows_y])
    ax.set_xlabel("year (a reform is placed at its date; shading marks the eras)")
    ax.tick_params(axis="y", length=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    if not len(shown):
        ax.text(0.5, 0.5, "no reforms match the filters", transform=ax.transAxes, ha="center",
                va="center", fontsize=10, gid="empty")
    if legend:
        handles = [Line2D([], [], linestyle="none", marker=MARKERS[m], markersize=7,
                          markerfacecolor=PALETTE[m], markeredgecolor="black", label=m.label)
                   for m in chosen_modes]
        handles += [
            Line2D([], [], linestyle="none", marker="o", markersize=7, markerfacecolor=MUTED,
                   markeredgecolor="black", label="filled, above: pushed up"),
            Line2D([], [], linestyle="none", marker="o", markersize=7, markerfacecolor="white",
                   markeredgecolor=MUTED, markeredgewidth=1.6, label="hollow, below: pushed down"),
            Line2D([], [], linestyle="none", marker="o", markersize=9, markerfacecolor=GUIDE,
                   markeredgecolor="black", label="bigger, longer: push of 2"),
        ]
        if any((c.get_gid() or "").startswith("year-only") for c in ax.collections):
            handles.append(Line2D([], [], color=MUTED, linewidth=3, solid_capstyle="butt",
                                  label="bar along the line: date known to the year only"))
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=4,
                  fontsize=8, frameon=False)
    return ax


def timeline_figure(
    reforms: pd.DataFrame,
    *,
    eras: str | Iterable[str] | None = None,
    modes: str | Mode | Iterable[str | Mode] | None = None,
    direction: history.Direction = "any",
    numbered: bool | None = None,
    legend: bool = True,
    coding: pd.DataFrame | None = None,
) -> Figure:
    """:func:`reform_timeline` on a figure of its own, sized and spaced for a page.

    Parameters
    ----------
    reforms : pandas.DataFrame
    eras, modes, direction, numbered, legend, coding
        As for :func:`reform_timeline`.

    Returns
    -------
    matplotlib Figure

    Examples
    --------
    >>> fig = timeline_figure(history.load_reforms(), eras="post-2022")
    >>> len(fig.axes)
    1
    """
    return TimelineView(reforms, eras=eras, modes=modes, direction=direction, numbered=numbered,
                        legend=legend, coding=coding).figure()


def _year_only_text(shown: pd.DataFrame, modes: Sequence[Mode], direction: history.Direction) -> str:
    """The sentence for the bars along the rows: reforms dated to the year only (as drawn)."""
    pushes = shown[[history.PUSH_COLUMNS[m] for m in modes]].to_numpy(dtype=float)
    chosen = pushes != 0 if direction == "any" else pushes > 0 if direction == "up" else pushes < 0
    pushed = chosen.any(axis=1)
    k = int(((shown["date_precision"].to_numpy() == "year") & pushed).sum())
    if not k:
        return ""
    return (f" A short bar along a row's line, covering the year, marks a date known to the year only "
            f"({k} reform{'s' if k != 1 else ''}).")


def describe_reform_timeline(
    reforms: pd.DataFrame,
    *,
    eras: str | Iterable[str] | None = None,
    modes: str | Mode | Iterable[str | Mode] | None = None,
    direction: history.Direction = "any",
    start: history.Bound | None = None,
    end: history.Bound | None = None,
    numbered: bool | None = None,
    coding: pd.DataFrame | None = None,
    selection: TimelineSelection | None = None,
) -> str:
    """A text description of :func:`reform_timeline` with the same filters (or selection).

    Parameters
    ----------
    reforms : pandas.DataFrame
    eras, modes, direction, start, end, numbered, coding, selection
        As for :func:`reform_timeline`.

    Returns
    -------
    str
        What is shown, per mode the number of pushes up and down with their totals, and (when
        the figure is numbered) the numbered list of reforms with dates and codings.

    Examples
    --------
    >>> text = describe_reform_timeline(history.load_reforms(), eras="founding")
    >>> print(text)  # doctest: +NORMALIZE_WHITESPACE
    Timeline of 3 NHS reforms in England, 1946-1961 (era: founding), one row per mode: hierarchy,
    solidarity, individualism, fatalism. Each reform is drawn in the row of every mode it pushed:
    above the line and filled for a push up, below and hollow for a push down, bigger for a push
    of 2. The codings are the kit's judgements. Hierarchy: 1 push up (total +2), 0 down.
    Solidarity: 2 pushes up (total +3), 1 push down (total -1). Individualism: 1 push up
    (total +1), 0 down. Fatalism: 0 up, 1 push down (total -1).
    Reforms shown: 1. 6 Nov 1946, National Health Service Act 1946 (H +2, S +2, F -1); 2. 24 Apr
    1951, Charges for dentures and spectacles; Bevan resigns (S -1, I +1); 3. 25 Jan 1956,
    Committee of Enquiry into the Cost of the NHS (Guillebaud report) (S +1).
    """
    sel = selection or timeline_selection(reforms, eras=eras, modes=modes, direction=direction, start=start,
                                          end=end, coding=coding)
    chosen_modes, direction, lo, hi, shown = list(sel.modes), sel.direction, sel.lo, sel.hi, sel.shown
    coded = "the kit's judgements" if sel.kits_coding else "judgements"
    if sel.eras is None:
        era_text = "all eras"
    else:
        wanted = list(sel.eras)
        era_text = ("era: " if len(wanted) == 1 else "eras: ") + (", ".join(wanted) or "none")
    n = len(shown)
    dir_text = {"any": "", "up": " Only pushes up are shown.",
                "down": " Only pushes down are shown."}[direction]
    lines = [
        f"Timeline of {n} NHS reform{'s' if n != 1 else ''} in England, {years_text(lo, hi)} "
        f"({era_text}), one row per mode: {', '.join(m.value for m in chosen_modes) or 'none'}. "
        "Each reform is drawn in the row of every mode it pushed: above the line and filled for a "
        f"push up, below and hollow for a push down, bigger for a push of 2. The codings are {coded}."
        f"{dir_text}{_year_only_text(shown, chosen_modes, direction)}"
    ]
    per_mode = []
    for mode in chosen_modes:
        w = shown[history.PUSH_COLUMNS[mode]].to_numpy(dtype=int)
        bits = []
        for name, mask in (("up", w > 0), ("down", w < 0)):
            if direction not in ("any", name):
                continue
            k = int(mask.sum())
            bits.append(f"{k} push{'es' if k != 1 else ''} {name} (total {int(w[mask].sum()):+d})"
                        if k else f"0 {name}")
        per_mode.append(f"{mode.label}: {', '.join(bits)}.")
    lines[0] += " " + " ".join(per_mode)
    if numbered or (numbered is None and 0 < n <= _AUTO_NUMBER):
        items = [
            f"{k}. {date_label(r['date'], r['date_precision'])}, {r['title']} ({push_label(r)})"
            for k, (_, r) in enumerate(shown.iterrows(), start=1)
        ]
        lines.append("Reforms shown: " + "; ".join(items) + ".")
    return "\n".join(lines)


@dataclass(frozen=True, eq=False)
class TimelineView(FigureView):
    """The reform timeline as a figure view: one selection, drawn and described.

    Parameters
    ----------
    reforms : pandas.DataFrame
    eras, modes, direction, start, end, numbered, legend, coding
        As for :func:`reform_timeline`.

    Examples
    --------
    >>> view = TimelineView(history.load_reforms(), modes="I", direction="down", end=2000)
    >>> view.selection.shown["id"].tolist()
    ['new_nhs_white_paper_1997', 'pcgs_and_nice_1999']
    >>> view.describe().startswith("Timeline of 2 NHS reforms in England, 1946-2000")
    True
    >>> view.alt()
    'Figure: timeline of 2 NHS reforms in England, 1946-2000 (all eras), coded by the kit.'
    """

    reforms: pd.DataFrame
    eras: str | Iterable[str] | None = None
    modes: str | Mode | Iterable[str | Mode] | None = None
    direction: history.Direction = "any"
    start: history.Bound | None = None
    end: history.Bound | None = None
    numbered: bool | None = None
    legend: bool = True
    coding: pd.DataFrame | None = None

    figsize: ClassVar[tuple[float, float]] = (11.0, 4.6)
    max_width: ClassVar[str | None] = "1100px"

    @cached_property
    def selection(self) -> TimelineSelection:
        """The reforms shown and the axis span (selected once, by :func:`timeline_selection`)."""
        return timeline_selection(self.reforms, eras=self.eras, modes=self.modes, direction=self.direction,
                                  start=self.start, end=self.end, coding=self.coding)

    def draw(self, ax: Axes) -> Axes:
        """Draw the timeline on ``ax`` (:func:`reform_timeline` of the selection)."""
        return reform_timeline(self.reforms, ax=ax, numbered=self.numbered, legend=self.legend,
                               selection=self.selection)

    def figure(self) -> Figure:
        """The timeline on a figure of its own, sized and spaced for a page."""
        fig = Figure(figsize=self.figsize if self.legend else (11.0, 3.6))
        self.draw(fig.add_subplot())
        fig.subplots_adjust(left=0.1, right=0.98, top=0.97, bottom=0.3 if self.legend else 0.14)
        return fig

    def update(self, fig: Figure) -> Figure:
        """Redraw ``fig`` (made by :meth:`figure`) for this view, reusing its axes."""
        self.draw(reset_axes(fig.axes[0]))
        return fig

    def describe(self) -> str:
        """The text description (:func:`describe_reform_timeline` of the same selection)."""
        return describe_reform_timeline(self.reforms, numbered=self.numbered, selection=self.selection)

    def alt(self) -> str:
        """One sentence: how many reforms, which years, whose coding."""
        sel = self.selection
        n = len(sel.shown)
        eras = "all eras" if sel.eras is None else ", ".join(sel.eras) or "no era"
        whose = "coded by the kit" if sel.kits_coding else "another coding"
        return (f"Figure: timeline of {n} NHS reform{'s' if n != 1 else ''} in England, "
                f"{years_text(sel.lo, sel.hi)} ({eras}), {whose}.")
