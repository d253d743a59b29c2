"""Performance alongside reforms: one series as lettered snapshots, the reforms of its years below.

:func:`performance_selection` reads the series once; :class:`PerformanceView` holds that reading
and the one selection of reforms for the same years, and draws and describes both.
:func:`performance_chart`, :func:`performance_figure`, :func:`update_performance_figure` and
:func:`describe_performance` are the thin functions notebooks and widgets call.

Examples
--------
>>> view = PerformanceView(history.load_performance(), "ae_4hr", history.load_reforms())
>>> fig = view.figure()
>>> fig.axes[0].get_xlim() == fig.axes[1].get_xlim()
True
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar, TypedDict, Unpack

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FormatStrFormatter, MaxNLocator

from coordkit import history
from coordkit.history import basis_breaks, chosen_modes, date_label, push_label
from coordkit.modes import Mode
from coordkit.plots.history.common import add_hlines, add_markers, reset_axes, years_text
from coordkit.plots.history.timeline import TimelineSelection, reform_timeline, timeline_selection
from coordkit.plots.style import (
    ANNOTATION,
    INK,
    MUTED,
    NEUTRAL,
    REFERENCE,
    new_axes,
)
from coordkit.plots.view import FigureView

__all__ = ["REFERENCE_SERIES", "SERIES_LABELS", "PerformanceOptions", "PerformanceSelection",
           "PerformanceView", "describe_performance", "performance_chart", "performance_figure",
           "performance_selection", "update_performance_figure"]

#: Readable names for the performance series.
SERIES_LABELS: dict[str, str] = {
    "ae_4hr": "A&E: patients seen within four hours",
    "ae_4hr_standard": "A&E four-hour standard",
    "rtt_waiting_list": "Waiting list for planned hospital treatment (RTT)",
    "spending_growth_real": "Real-terms growth in health spending",
    "spending_settlement_real": "Planned real-terms growth (spending settlements)",
    "national_targets": "Headline national targets in planning guidance",
    "staff_survey_recommend_work": "Staff survey: would recommend their organisation as a place to work",
    "staff_survey_enough_staff": "Staff survey: enough staff to do the job properly",
}
#: Series drawn as a reference alongside another: the standard beside A&E performance, the
#: planned settlements beside spending outturn.
REFERENCE_SERIES: dict[str, str] = {
    "ae_4hr": "ae_4hr_standard",
    "spending_growth_real": "spending_settlement_real",
}


_KIND_MARKERS = {"month": "o", "quarter": "s", "months": "s", "financial year": "D", "year": "^"}
_KIND_NAMES = {"month": "a month", "quarter": "a quarter", "months": "several months",
               "financial year": "a financial year", "year": "a survey year",
               "span": "average over several years"}


def _x_range(snaps: pd.DataFrame, extra: Iterable[float] = ()) -> tuple[float, float]:
    values = [*snaps["start"].tolist(), *[e for e in snaps["end"].tolist() if not np.isnan(e)], *extra]
    lo, hi = float(np.floor(min(values))) - 1, float(np.ceil(max(values))) + 1
    if hi - lo < 6:
        pad = (6 - (hi - lo)) / 2
        lo, hi = lo - pad, hi + pad
    return lo, hi


def _reference(performance: pd.DataFrame, series: str, reference: str | None) -> str | None:
    if reference == "auto":
        return REFERENCE_SERIES.get(series)
    if reference is not None and reference not in set(performance["series"]):
        known = ", ".join(sorted(set(performance["series"])))
        raise ValueError(f"unknown reference series {reference!r}; available: {known}")
    return reference


@dataclass(frozen=True)
class PerformanceSelection:
    """One performance series read once: the chart, the figure and the description all use it.

    Attributes
    ----------
    series : str
    snaps : pandas.DataFrame
        :func:`coordkit.history.snapshots` of the series.
    reference : str or None
        The reference series drawn dashed beside it, if any.
    ref : pandas.DataFrame or None
        Its snapshots.
    breaks : list of int
        Years the basis changes.
    lo, hi : float
        The time axis, in decimal years.
    """

    series: str
    snaps: pd.DataFrame
    reference: str | None
    ref: pd.DataFrame | None
    breaks: list[int]
    lo: float
    hi: float
    _alongside: dict[tuple[int, tuple[Mode, ...], str], tuple[pd.DataFrame, TimelineSelection]] = field(
        default_factory=dict, compare=False, repr=False)

    def reforms_alongside(self, reforms: pd.DataFrame, *,
                          modes: str | Mode | Iterable[str | Mode] | None = None,
                          direction: history.Direction = "any") -> TimelineSelection:
        """The reforms of the series' years (the panel below and the description's list).

        Selected once per frame and filter (:func:`timeline_selection` over ``lo`` to ``hi``) and
        kept with the selection, so a figure and its description drawn from the same selection
        share one selection of reforms too.

        Examples
        --------
        >>> sel = performance_selection(history.load_performance(), "ae_4hr")
        >>> reforms = history.load_reforms()
        >>> sel.reforms_alongside(reforms, modes="I") is sel.reforms_alongside(reforms, modes="I")
        True
        """
        key = (id(reforms), tuple(chosen_modes(modes)), direction)
        kept = self._alongside.get(key)
        if kept is not None and kept[0] is reforms:
            return kept[1]
        made = timeline_selection(reforms, modes=modes, direction=direction, start=self.lo, end=self.hi)
        self._alongside[key] = (reforms, made)
        return made


def performance_selection(performance: pd.DataFrame, series: str, *,
                          reference: str | None = "auto") -> PerformanceSelection:
    """Read a series (and its reference) once for :func:`performance_chart` and its description.

    Parameters
    ----------
    performance : pandas.DataFrame
    series : str
    reference : str or None, default "auto"
        As for :func:`performance_chart`.

    Returns
    -------
    PerformanceSelection

    Raises
    ------
    ValueError
        For an unknown series or reference series.

    Examples
    --------
    >>> sel = performance_selection(history.load_performance(), "ae_4hr")
    >>> sel.reference, sel.lo < 2005 < sel.hi
    ('ae_4hr_standard', True)
    """
    snaps = history.snapshots(performance, series)
    ref_name = _reference(performance, series, reference)
    ref = history.snapshots(performance, ref_name) if ref_name else None
    breaks = basis_breaks(snaps["basis"])
    lo, hi = _x_range(snaps if ref is None else pd.concat([snaps, ref]), breaks)
    return PerformanceSelection(series, snaps, ref_name, ref, breaks, lo, hi)


def performance_chart(
    performance: pd.DataFrame,
    series: str,
    *,
    ax: Axes | None = None,
    reference: str | None = "auto",
    start: float | None = None,
    end: float | None = None,
    caption: bool = True,
    legend: bool = True,
    selection: PerformanceSelection | None = None,
) -> Axes:
    """One performance series as lettered snapshots, with its caveats drawn on the figure.

    The rows are *not* joined into a line: they were read in different sources on different
    bases. Each point is lettered (a, b, c ... in time order) to match
    :func:`describe_performance`, which gives every point's full basis. The marker says what
    kind of period the number covers (month, quarter, financial year, survey year); an average
    over several years is a horizontal bar across those years. Points whose basis differs from
    their neighbours' (type 1 only, planned, UK-wide, interim) are hollow and tagged; years
    where the basis notes say the definition changed are dotted vertical lines. The caveat
    every point shares is printed beneath the axes.

    Parameters
    ----------
    performance : pandas.DataFrame
        As from :func:`coordkit.history.load_performance`.
    series : str
        The series to draw (see :data:`SERIES_LABELS`).
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.
    reference : str or None, default "auto"
        A series to draw as a dashed reference: ``"auto"`` uses :data:`REFERENCE_SERIES` (the
        four-hour standard beside A&E performance, planned settlements beside spending).
    start, end : float, optional
        Decimal years for the axis; by default the series' span plus a margin.
    caption : bool, default True
        Print the shared caveat beneath the axes.
    legend : bool, default True
        Explain the markers in a legend to the right (widgets give the key in text instead).
    selection : PerformanceSelection, optional
        The series already read by :func:`performance_selection` (then ``series`` and
        ``reference`` are taken from it).

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    ValueError
        For an unknown series or reference series.

    Examples
    --------
    >>> perf = history.load_performance()
    >>> ax = performance_chart(perf, "rtt_waiting_list", ax=Figure().add_subplot())
    >>> sorted({line.get_gid() for line in ax.lines if line.get_gid()})
    ['break-2007', 'break-2009']
    """
    fresh = ax is None
    ax = new_axes(ax, figsize=(10, 4.4))
    if fresh:
        ax.figure.subplots_adjust(left=0.08, right=0.74, bottom=0.22)
    sel = selection or performance_selection(performance, series, reference=reference)
    snaps, ref_name, ref, breaks, lo, hi = sel.snaps, sel.reference, sel.ref, sel.breaks, sel.lo, sel.hi
    series = sel.series
    lo = lo if start is None else float(start)
    hi = hi if end is None else float(end)
    unit = str(snaps["unit"].iloc[0])
    # the columns read once as arrays: a live figure redraws this on every first view
    kinds = snaps["kind"].to_numpy()
    tagged = snaps["tags"].map(bool).to_numpy()
    xs, ys = snaps["x"].to_numpy(dtype=float), snaps["value"].to_numpy(dtype=float)
    # points, by kind of period; spans as bars
    for kind, marker in _KIND_MARKERS.items():
        of_kind = kinds == kind
        for hollow, mask in ((False, of_kind & ~tagged), (True, of_kind & tagged)):
            if mask.any():
                add_markers(ax, xs[mask], ys[mask], marker=marker, sizes=55.0, zorder=3,
                            facecolor="white" if hollow else INK, edgecolor=INK, linewidth=1.5,
                            gid=f"points-{kind}{'-different' if hollow else ''}")
    spans = snaps[snaps["kind"] == "span"]
    if not spans.empty:
        add_hlines(ax, spans["value"], spans["start"], spans["end"], colors=INK, linewidth=3, zorder=3,
                   gid="spans")
        ax.scatter(spans["start"], spans["value"], marker="|", s=80, color=INK, zorder=3)
        ax.scatter(spans["end"], spans["value"], marker="|", s=80, color=INK, zorder=3)
    for letter, tags, x, y in zip(snaps["letter"], snaps["tags"], xs, ys, strict=True):
        label = letter + (f" ({', '.join(tags)})" if tags else "")
        ax.annotate(label, (x, y), xytext=(5, 5), textcoords="offset points",
                    fontsize=8, color=INK, zorder=4, gid="letter")
    # the reference series, dashed
    if ref is not None:
        fixed = ref[ref["kind"] == "from"].sort_values("start")
        bounds = [*fixed["start"].tolist()[1:], hi][: len(fixed)]
        for (_, r), stop in zip(fixed.iterrows(), bounds, strict=True):
            add_hlines(ax, r["value"], r["start"], stop, colors=REFERENCE, linestyles="--", linewidth=1.5,
                       zorder=2, gid="reference-standard")
            unit_text = "%" if r["unit"] == "percent" else " " + str(r["unit"])
            ax.annotate(f"{r['value']:g}{unit_text} from {r['period'][5:]}",
                        (r["start"], r["value"]), xytext=(2, -11), textcoords="offset points",
                        fontsize=8, color=ANNOTATION)
        ref_spans = ref[ref["kind"] == "span"]
        if not ref_spans.empty:
            add_hlines(ax, ref_spans["value"], ref_spans["start"], ref_spans["end"], colors=REFERENCE,
                       linestyles="--", linewidth=2, zorder=2, gid="reference-spans")
        dated = ref[~ref["kind"].isin(["from", "span"])]
        if not dated.empty:
            ax.scatter(dated["x"], dated["value"], marker="*", s=90, facecolors="white",
                       edgecolors=REFERENCE, linewidths=1.3, zorder=3, gid="reference-points")
        for k, (_, r) in enumerate(ref[ref["kind"] != "from"].iterrows()):
            ax.annotate(f"{r['value']:g}", (r["x"], r["value"]), xytext=(0, 6 + 8 * (k % 2)),
                        textcoords="offset points", fontsize=8, ha="center", color=ANNOTATION)
    for year in breaks:
        ax.axvline(year, color=NEUTRAL, linestyle=":", linewidth=1.3, zorder=1, gid=f"break-{year}")
        ax.text(year, 0.03, f" basis changes {year}", transform=ax.get_xaxis_transform(), rotation=90,
                fontsize=8, va="bottom", ha="right", color=MUTED, clip_on=True)
    ax.set_xlim(lo, hi)
    values = [*snaps["value"].tolist(), *([] if ref is None else ref["value"].tolist())]
    top = max(values)
    ax.set_ylim(0, top * 1.18 if top > 0 else 1)
    ax.set_ylabel(unit)
    # a fixed title height (y=1: no ticks above the axes) spares matplotlib measuring the tick
    # labels on every draw to place it, which a live figure pays on each update
    ax.set_title(SERIES_LABELS.get(series, series), fontsize=11, y=1.0)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    handles = [Line2D([], [], linestyle="none", marker=_KIND_MARKERS[k], markersize=7,
                      markerfacecolor=INK, markeredgecolor=INK, label=_KIND_NAMES[k])
               for k in _KIND_MARKERS if (kinds == k).any()]
    if not spans.empty:
        handles.append(Line2D([], [], color=INK, linewidth=3, label=_KIND_NAMES["span"]))
    if tagged.any():
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=7, markerfacecolor="white",
                              markeredgecolor=INK, markeredgewidth=1.5, label="hollow: different basis"))
    if ref is not None and ref_name is not None:
        handles.append(Line2D([], [], color=REFERENCE, linestyle="--",
                              label=textwrap.fill(SERIES_LABELS.get(ref_name, ref_name), 28)))
        dated = ref.loc[~ref["kind"].isin(["from", "span"]), "tags"]
        dated_tags = sorted({t for tags in dated for t in tags})
        if dated_tags:
            handles.append(Line2D([], [], linestyle="none", marker="*", markersize=9, markerfacecolor="white",
                                  markeredgecolor=REFERENCE, label=", ".join(dated_tags)))
    if breaks:
        handles.append(Line2D([], [], color=NEUTRAL, linestyle=":", label="definition changed"))
    if legend:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=10, integer=True))
    ax.xaxis.set_major_formatter(FormatStrFormatter("%d"))
    common = snaps.attrs["common_basis"]
    if caption:
        text = (("Basis of every point: " + common) if common
                else "Each point has its own basis: see the description.")
        ax.text(0, -0.16, textwrap.fill(text, 130), transform=ax.transAxes, fontsize=8, va="top",
                color=INK, gid="caption")
    return ax


class PerformanceOptions(TypedDict, total=False):
    """The options of a performance figure, spelt once (defaults and meaning: :class:`PerformanceView`)."""

    reference: str | None
    modes: str | Mode | Iterable[str | Mode] | None
    direction: history.Direction
    legend: bool
    caption: bool
    selection: PerformanceSelection | None


def performance_figure(performance: pd.DataFrame, series: str, reforms: pd.DataFrame,
                       **options: Unpack[PerformanceOptions]) -> Figure:
    """A performance series above the reforms of the same years, with the shared caveat beneath.

    Parameters
    ----------
    performance : pandas.DataFrame
    series : str
    reforms : pandas.DataFrame
    reference : str or None, default "auto"
        As for :func:`performance_chart`.
    modes, direction
        Which reforms to show in the timeline below (as for :func:`reform_timeline`).
    legend : bool, default True
        Legends for both panels (widgets give the key in text instead, which draws faster);
        without them the year axis is labelled just "year" (the key explains the rest).
    caption : bool, default True
        Print the caveat every point shares at the foot of the figure.

    Returns
    -------
    matplotlib Figure
        Two axes sharing the year axis: the series, then the reform timeline.

    Examples
    --------
    >>> perf, reforms = history.load_performance(), history.load_reforms()
    >>> fig = performance_figure(perf, "ae_4hr", reforms)
    >>> fig.axes[0].get_xlim() == fig.axes[1].get_xlim()
    True
    """
    return PerformanceView(performance, series, reforms, **options).figure()


def update_performance_figure(fig: Figure, performance: pd.DataFrame, series: str, reforms: pd.DataFrame,
                              **options: Unpack[PerformanceOptions]) -> Figure:
    """Redraw a :func:`performance_figure` for another series or filter, reusing its axes (fast).

    Parameters
    ----------
    fig : matplotlib Figure
        Made by :func:`performance_figure`.
    performance, series, reforms, reference, modes, direction, legend, caption
        As for :func:`performance_figure`.
    selection : PerformanceSelection, optional
        The series already read by :func:`performance_selection`.

    Returns
    -------
    matplotlib Figure
        The same figure.

    Examples
    --------
    >>> perf, reforms = history.load_performance(), history.load_reforms()
    >>> fig = performance_figure(perf, "ae_4hr", reforms)
    >>> update_performance_figure(fig, perf, "national_targets", reforms).axes[0].get_title()
    'Headline national targets in planning guidance'
    """
    return PerformanceView(performance, series, reforms, **options).update(fig)


def describe_performance(
    performance: pd.DataFrame,
    series: str,
    *,
    reforms: pd.DataFrame | None = None,
    reference: str | None = "auto",
    modes: str | Mode | Iterable[str | Mode] | None = None,
    direction: history.Direction = "any",
    selection: PerformanceSelection | None = None,
) -> str:
    """A text description of :func:`performance_chart` (and :func:`performance_figure`).

    Parameters
    ----------
    performance : pandas.DataFrame
    series : str
    reforms : pandas.DataFrame, optional
        If given, the reforms of the same years are listed too (filtered by ``modes`` and
        ``direction`` as in the figure).
    reference, modes, direction
        As for :func:`performance_figure`.

    Returns
    -------
    str
        Every point with its letter, period, value, tags and full basis; the reference series;
        breaks; and the reforms alongside.

    Examples
    --------
    >>> text = describe_performance(history.load_performance(), "staff_survey_enough_staff")
    >>> print(textwrap.fill(text.splitlines()[0], 100))
    Staff survey: enough staff to do the job properly (percent agreeing): 3 snapshots from 2022 to
    2024, drawn as separate points, not a line, because their bases differ.
    >>> "basis changes in 2021" in text
    True
    """
    return PerformanceView(performance, series, reforms, reference=reference, modes=modes,
                           direction=direction, selection=selection).describe()


@dataclass(frozen=True, eq=False)
class PerformanceView(FigureView):
    """A performance series above the reforms of its years: one reading, drawn and described.

    The series (and its reference) is read once (:attr:`series_selection`) and the reforms of
    the same years are selected once (:attr:`reform_selection`); the figure, the description
    and the alt text all read those two selections, so what is drawn is what is described.

    Parameters
    ----------
    performance : pandas.DataFrame
    series : str
    reforms : pandas.DataFrame, optional
        The reforms to show below (and list in the description); without them, one panel.
    reference, modes, direction, legend, caption
        As for :func:`performance_figure`.
    selection : PerformanceSelection, optional
        The series already read by :func:`performance_selection` (e.g. cached by a widget).

    Examples
    --------
    >>> view = PerformanceView(history.load_performance(), "national_targets", history.load_reforms())
    >>> print(view.alt())  # doctest: +NORMALIZE_WHITESPACE
    Figure: Headline national targets in planning guidance (targets), 4 snapshots from 2022/23 to
    2026/27-2028/29, with the 14 reforms of those years below.
    >>> len(view.reform_selection.shown) == int(view.describe().split("Reforms alongside, ")[1]
    ...                                          .split("(")[1].split(")")[0])
    True
    """

    performance: pd.DataFrame
    series: str
    reforms: pd.DataFrame | None = None
    reference: str | None = "auto"
    modes: str | Mode | Iterable[str | Mode] | None = None
    direction: history.Direction = "any"
    legend: bool = True
    caption: bool = True
    selection: PerformanceSelection | None = None

    figsize: ClassVar[tuple[float, float]] = (11.0, 6.6)
    max_width: ClassVar[str | None] = "1100px"

    @cached_property
    def series_selection(self) -> PerformanceSelection:
        """The series and its reference, read once (:func:`performance_selection`)."""
        return self.selection or performance_selection(self.performance, self.series,
                                                       reference=self.reference)

    @cached_property
    def reform_selection(self) -> TimelineSelection | None:
        """The reforms of the series' years, selected once (``None`` without reforms)."""
        if self.reforms is None:
            return None
        return self.series_selection.reforms_alongside(self.reforms, modes=self.modes,
                                                       direction=self.direction)

    def draw(self, ax: Axes) -> Axes:
        """Draw the series alone on ``ax`` (:func:`performance_chart`)."""
        return performance_chart(self.performance, self.series_selection.series, ax=ax, caption=self.caption,
                                 legend=self.legend, selection=self.series_selection)

    def figure(self) -> Figure:
        """The series above the reforms of the same years (one panel without reforms)."""
        if self.reforms is None:
            fig = Figure(figsize=(10.0, 4.4))
            self.draw(fig.add_subplot())
            fig.subplots_adjust(left=0.08, right=0.74, bottom=0.22)
            return fig
        fig = Figure(figsize=self.figsize if self.legend else (10.0, 5.6))
        top = fig.add_subplot(2, 1, 1)
        bottom = fig.add_subplot(2, 1, 2, sharex=top)
        # the top panel's x label and the bottom panel's y label stay empty: fixing where they
        # would go spares matplotlib measuring the tick labels to place them on every draw
        top.xaxis.set_label_coords(0.5, 0.0)
        bottom.yaxis.set_label_coords(0.0, 0.5)
        return self.update(fig)

    def update(self, fig: Figure) -> Figure:
        """Redraw a two-panel :meth:`figure` for this view, reusing its axes (fast)."""
        timeline = self.reform_selection
        if timeline is None:
            raise ValueError("a performance figure with the reforms below needs reforms")
        sel = self.series_selection
        top, bottom = fig.axes[0], fig.axes[1]
        reset_axes(top)
        reset_axes(bottom)
        for text in list(fig.texts):
            text.remove()
        performance_chart(self.performance, sel.series, ax=top, caption=False, legend=self.legend,
                          selection=sel)
        lo, hi = top.get_xlim()
        reform_timeline(timeline.shown, ax=bottom, numbered=False, legend=self.legend, selection=timeline)
        bottom.set_xlim(lo, hi)
        if not self.legend:
            # the key beside a legend-free figure (a widget's) says where reforms sit and what the
            # shading is; the long axis label would be the most expensive text of every redraw
            bottom.set_xlabel("year")
        top.tick_params(labelbottom=self.legend)
        top.set_xlabel("")
        if self.caption:
            common = sel.snaps.attrs["common_basis"]
            caption = ("Basis of every point: " + common) if common else (
                "Each point has its own basis (letters match the description).")
            fig.text(0.01, 0.01, textwrap.fill(caption, 170), fontsize=8, va="bottom", color=INK)
        if self.legend:
            fig.subplots_adjust(left=0.1, right=0.8, top=0.94, bottom=0.2, hspace=0.3)
        else:
            fig.subplots_adjust(left=0.1, right=0.98, top=0.93, bottom=0.1, hspace=0.12)
        return fig

    def describe(self) -> str:
        """Every point with its letter, period, value, tags and basis; the reference; the reforms."""
        sel = self.series_selection
        snaps = sel.snaps
        unit = str(snaps["unit"].iloc[0])
        first, last = snaps.iloc[0], snaps.iloc[-1]
        lines = [
            f"{SERIES_LABELS.get(sel.series, sel.series)} ({unit}): "
            f"{len(snaps)} snapshot{'s' if len(snaps) != 1 else ''} "
            f"from {first['period']} to {last['period']}, drawn as separate points, not a line, "
            "because their bases differ."
        ]
        common = snaps.attrs["common_basis"]
        if common:
            lines.append(f"Basis of every point: {common}.")
        for _, r in snaps.iterrows():
            tags = f" [{', '.join(r['tags'])}]" if r["tags"] else ""
            note = r["particular"] if common else r["basis"]
            lines.append(f"({r['letter']}) {r['period']}: {r['value']:g} {unit}{tags}"
                         + (f"; {note}" if note else "") + f". Source: {r['source']}")
        if sel.reference is not None and sel.ref is not None:
            items = [f"{r['period']}: {r['value']:g} ({r['basis']})" for _, r in sel.ref.iterrows()]
            lines.append(f"Dashed reference, {SERIES_LABELS.get(sel.reference, sel.reference)}: "
                         + "; ".join(items) + ".")
        if sel.breaks:
            breaks = " and ".join(str(y) for y in sel.breaks)
            lines.append(f"Dotted lines: the basis changes in {breaks}.")
        timeline = self.reform_selection
        if timeline is not None:
            items = [f"{date_label(r['date'], r['date_precision'])} {r['title']} ({push_label(r)})"
                     for _, r in timeline.shown.iterrows()]
            lines.append(f"Reforms alongside, {years_text(sel.lo, sel.hi)} ({len(items)}): "
                         + ("; ".join(items) if items else "none") + ".")
        return "\n".join(lines)

    def alt(self) -> str:
        """One sentence: the series, its unit, its span and the reforms below."""
        snaps = self.series_selection.snaps
        name = SERIES_LABELS.get(self.series_selection.series, self.series_selection.series)
        below = "" if self.reform_selection is None else (
            f", with the {len(self.reform_selection.shown)} reforms of those years below")
        return (f"Figure: {name} ({snaps['unit'].iloc[0]}), {len(snaps)} snapshots from "
                f"{snaps['period'].iloc[0]} to {snaps['period'].iloc[-1]}{below}.")
