"""History figures: the reform timeline, performance alongside reforms, and reform pressure.

Three figures, each with a ``describe_*`` text description:

* :func:`reform_timeline` -- one row per mode; each reform is drawn at its date in the row of every
  mode it pushed, as a stem with the mode's marker at its tip: *up and filled* for a push up,
  *down and hollow* for a push down, longer and bigger for a stronger push. Colour, marker shape,
  direction and fill all carry meaning, so nothing relies on colour alone.
* :func:`performance_chart` / :func:`performance_figure` -- one performance series as separate
  snapshots (never joined into a line, because their bases differ), each lettered so its basis can
  be read in the description; different kinds of period have different markers, points on a
  different basis (type 1 only, planned, UK-wide, interim...) are hollow and tagged, definitional
  breaks are drawn as dotted lines, and the caveat common to every point is printed beneath.
  :func:`performance_figure` adds the reform timeline for the same years below.
* :func:`pressure_trajectory` and :func:`recode_figure` -- the cumulative reform pressure per mode
  (:func:`coordkit.history.reform_pressure`), optionally with a learner's recoded trajectory
  dashed on top, and the profile each implies in a chosen year.

Whole-figure helpers (:func:`timeline_figure`, :func:`performance_figure`, :func:`pressure_figure`,
:func:`recode_figure`) build a ``matplotlib.figure.Figure`` for notebooks; :func:`reform_table` gives
the reforms a timeline shows as a table to read. For widgets, :func:`reset_axes`,
:func:`update_performance_figure` and :func:`update_recode_figure` redraw without rebuilding axes;
every artist :func:`update_recode_figure` changes carries a gid (:func:`recode_dynamic_artists`
lists them), so :class:`coordkit.plots.FastPNG` can redraw just those.

The computation behind the figures (reading dates, codings, performance periods and their
bases: :func:`coordkit.history.snapshots` and friends) lives in :mod:`coordkit.history`. The codings
plotted are the kit's judgements, and every description says so.

Examples
--------
>>> from coordkit import history
>>> reforms = history.load_reforms()
>>> ax = reform_timeline(reforms, ax=Figure().add_subplot(), eras="internal market")
>>> [t.get_text() for t in ax.get_yticklabels()]
['Hierarchy', 'Solidarity', 'Individualism', 'Fatalism']
>>> print(describe_reform_timeline(reforms, eras="internal market").splitlines()[0])
Timeline of 7 NHS reforms in England, 1989-1996 (era: internal market), ...
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FormatStrFormatter, MaxNLocator

from coordkit import history
from coordkit.configuration import classify
from coordkit.history import basis_breaks, date_label, decimal_year, push_label, snapshots
from coordkit.modes import ALL_MODES, Mode, parse_mode
from coordkit.plots.style import HATCHES, MARKERS, PALETTE, new_axes

__all__ = [
    "REFERENCE_SERIES",
    "SERIES_LABELS",
    "PerformanceSelection",
    "TableDetails",
    "TimelineSelection",
    "describe_performance",
    "describe_pressure",
    "describe_recode",
    "describe_reform_timeline",
    "performance_chart",
    "performance_figure",
    "performance_selection",
    "pressure_figure",
    "pressure_trajectory",
    "recode_dynamic_artists",
    "recode_figure",
    "reform_table",
    "reform_timeline",
    "reset_axes",
    "table_details",
    "timeline_figure",
    "timeline_reforms",
    "timeline_selection",
    "update_performance_figure",
    "update_recode_figure",
]

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

_ERA_TINTS = ("#F2F2F2", "#FFFFFF")
_STEM = 0.17  # row height taken by a push of 1
_AUTO_NUMBER = 20  # number the reforms when no more than this many are shown

# ----- shared drawing ----------------------------------------------------------------------------


def _era_bands(
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
        ax.axvspan(a, b, color=_ERA_TINTS[k % 2], zorder=0, linewidth=0,
                   gid=f"era-{era.label}" if gids else None)
        if labels and (b - a) >= 0.03 * (hi - lo):
            # a narrow band at the edge of the axes is named from that edge inwards, so that its name
            # is not cut off (post-2022 is short and often ends at the edge); others are centred
            x, ha = (a + b) / 2, "center"
            if b - a < 0.15 * (hi - lo):
                x, ha = (a, "left") if a <= lo else (b, "right") if b >= hi else (x, ha)
            # alternate heights so that the names of short neighbouring eras do not collide
            row = 0.055 * (shown % 2)
            ax.text(x, 1.015 + row if above else y - row, era.label, transform=ax.get_xaxis_transform(),
                    ha=ha, va="bottom" if above else "top", fontsize=7, color="#444444", zorder=1,
                    clip_on=not above, gid="era-label" if gids else None)
            shown += 1


def _as_modes(modes: str | Mode | Iterable[str | Mode] | None) -> list[Mode]:
    if modes is None:
        return list(ALL_MODES)
    if isinstance(modes, str | Mode):
        modes = [modes]
    chosen = {parse_mode(m) for m in modes}
    return [m for m in ALL_MODES if m in chosen]


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
    """

    shown: pd.DataFrame
    modes: tuple[Mode, ...]
    direction: str
    eras: tuple[str, ...] | None
    lo: float
    hi: float

    @property
    def x(self) -> np.ndarray:
        """The decimal year of each reform shown."""
        return decimal_year(self.shown["date"])


def timeline_selection(
    reforms: pd.DataFrame,
    *,
    eras: str | Iterable[str] | None = None,
    modes: str | Mode | Iterable[str | Mode] | None = None,
    direction: str = "any",
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
    chosen_modes = _as_modes(modes)
    shown = history.select_reforms(reforms, eras=eras, start=start, end=end, modes=chosen_modes,
                                   direction=direction, coding=coding)  # type: ignore[arg-type]
    shown = shown.iloc[np.argsort(decimal_year(shown["date"]), kind="stable")]
    lo, hi = _span_of_eras(eras)
    lo = lo if start is None else history.decimal_bound(start, end=False)
    hi = hi if end is None else _axis_end(end)
    era_tuple = None if eras is None else tuple([eras] if isinstance(eras, str) else eras)
    return TimelineSelection(shown, tuple(chosen_modes), direction, era_tuple, lo, hi)


def timeline_reforms(
    reforms: pd.DataFrame,
    *,
    eras: str | Iterable[str] | None = None,
    modes: str | Mode | Iterable[str | Mode] | None = None,
    direction: str = "any",
    start: history.Bound | None = None,
    end: history.Bound | None = None,
    coding: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The reforms a :func:`reform_timeline` with these filters shows, in date order.

    A reform is shown if it falls in one of the eras (and between ``start`` and ``end``,
    inclusive: see :func:`coordkit.history.select_reforms`) and pushed at least one of the
    modes in the direction asked.

    Parameters
    ----------
    reforms : pandas.DataFrame
    eras, modes, direction, start, end, coding
        As for :func:`reform_timeline`.

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
    return timeline_selection(reforms, eras=eras, modes=modes, direction=direction, start=start, end=end,
                              coding=coding).shown


def reform_table(
    reforms: pd.DataFrame,
    *,
    eras: str | Iterable[str] | None = None,
    modes: str | Mode | Iterable[str | Mode] | None = None,
    direction: str = "any",
    start: history.Bound | None = None,
    end: history.Bound | None = None,
    rationale: bool = False,
    date_notes: bool = False,
    coding: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The reforms a timeline shows, as a compact table for reading (dates only as precise as known).

    Parameters
    ----------
    reforms : pandas.DataFrame
    eras, modes, direction, start, end, coding
        As for :func:`reform_timeline`.
    rationale : bool, default False
        Add the kit's reason for each coding (column ``why coded so``).
    date_notes : bool, default False
        Add the notes on dates in force and disagreements between sources.

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
    shown = timeline_reforms(reforms, eras=eras, modes=modes, direction=direction, start=start, end=end,
                             coding=coding)
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


@dataclass(frozen=True)
class TableDetails:
    """A long table folded behind a "See the full table" expander (HTML ``<details>``).

    Displays as the expander in notebooks and handouts; as text it is one line saying what it
    holds, so a long table does not fill a plain-text view.

    Attributes
    ----------
    table : pandas.DataFrame
    summary : str
        The expander's label.
    """

    table: pd.DataFrame
    summary: str

    def _repr_html_(self) -> str:
        return (f"<details><summary>{html.escape(self.summary)}</summary>"
                f"{self.table.to_html(escape=True)}</details>")

    def __repr__(self) -> str:
        return f"{self.summary} ({len(self.table)} rows; open it in the notebook or handout)"


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
    return TableDetails(table, summary or f"See the full table ({n} reform{'s' if n != 1 else ''})")


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
    >>> ax = reform_timeline(history.load_reforms(), ax=Figure().add_subplot())
    >>> ax = reset_axes(ax)
    >>> len(ax.lines) + len(ax.collections) + len(ax.patches) + len(ax.texts)
    0
    """
    for artist in [*ax.lines, *ax.collections, *ax.patches, *ax.texts, *ax.artists, *ax.images]:
        artist.remove()
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    ax.set_title("")
    ax.set_xlabel("")
    ax.set_ylabel("")
    return ax


# ----- the reform timeline -----------------------------------------------------------------------


def reform_timeline(
    reforms: pd.DataFrame,
    *,
    ax: Axes | None = None,
    eras: str | Iterable[str] | None = None,
    modes: str | Mode | Iterable[str | Mode] | None = None,
    direction: str = "any",
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
    explicit = selection is None and (start is not None or end is not None)
    sel = selection or timeline_selection(reforms, eras=eras, modes=modes, direction=direction, start=start,
                                          end=end, coding=coding)
    chosen_modes, direction, lo, hi, shown = list(sel.modes), sel.direction, sel.lo, sel.hi, sel.shown
    margin = 0.0 if explicit else 0.012 * (hi - lo)
    x = sel.x
    n_rows = len(chosen_modes)
    rows_y = {m: float(n_rows - 1 - k) for k, m in enumerate(chosen_modes)}
    ax.set_autoscale_on(False)  # limits are set below; skipping autoscaling keeps widgets fast
    if era_bands:
        _era_bands(ax, lo, hi)
    if rows_y:
        ax.hlines(list(rows_y.values()), lo - 1, hi + 1, colors="#888888", linewidth=0.6, zorder=1)
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
            ax.scatter(xs, tips, s=28 + 26 * np.abs(ws) ** 2, marker=MARKERS[mode],
                       facecolors=PALETTE[mode] if name == "up" else "white",
                       edgecolors="black" if name == "up" else PALETTE[mode],
                       linewidths=0.7 if name == "up" else 1.6, zorder=3, gid=f"push-{mode.value}-{name}")
        pushed = w != 0 if direction == "any" else (w > 0 if direction == "up" else w < 0)
        year_only = (shown["date_precision"].to_numpy() == "year") & pushed
        if year_only.any():
            ax.hlines(np.full(int(year_only.sum()), y0), x[year_only], x[year_only] + 1,
                      colors=PALETTE[mode], linewidth=4, alpha=0.45, zorder=1.5,
                      gid=f"year-only-{mode.value}")
    top = (n_rows - 1) + 2 * _STEM + 0.12
    if numbered or (numbered is None and 0 < len(shown) <= _AUTO_NUMBER):
        order = np.argsort(x, kind="stable")
        for rank, k in enumerate(order, start=1):
            ax.text(x[k], top + 0.14 * (rank % 3), str(rank), ha="center", va="bottom", fontsize=7,
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
            Line2D([], [], linestyle="none", marker="o", markersize=7, markerfacecolor="#555555",
                   markeredgecolor="black", label="filled, above: pushed up"),
            Line2D([], [], linestyle="none", marker="o", markersize=7, markerfacecolor="white",
                   markeredgecolor="#555555", markeredgewidth=1.6, label="hollow, below: pushed down"),
            Line2D([], [], linestyle="none", marker="o", markersize=9, markerfacecolor="#BBBBBB",
                   markeredgecolor="black", label="bigger, longer: push of 2"),
        ]
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=4,
                  fontsize=8, frameon=False)
    return ax


def timeline_figure(
    reforms: pd.DataFrame,
    *,
    eras: str | Iterable[str] | None = None,
    modes: str | Mode | Iterable[str | Mode] | None = None,
    direction: str = "any",
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
    fig = Figure(figsize=(11, 4.6) if legend else (11, 3.6))
    ax = fig.add_subplot()
    reform_timeline(reforms, ax=ax, eras=eras, modes=modes, direction=direction, numbered=numbered,
                    legend=legend, coding=coding)
    fig.subplots_adjust(left=0.1, right=0.98, top=0.97, bottom=0.3 if legend else 0.14)
    return fig


def _years_text(lo: float, hi: float) -> str:
    return f"{int(np.floor(lo))}-{int(np.ceil(hi)) - 1}"


def describe_reform_timeline(
    reforms: pd.DataFrame,
    *,
    eras: str | Iterable[str] | None = None,
    modes: str | Mode | Iterable[str | Mode] | None = None,
    direction: str = "any",
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
    coded = "the kit's judgements" if coding is None and selection is None else "judgements"
    if sel.eras is None:
        era_text = "all eras"
    else:
        wanted = list(sel.eras)
        era_text = ("era: " if len(wanted) == 1 else "eras: ") + (", ".join(wanted) or "none")
    n = len(shown)
    dir_text = {"any": "", "up": " Only pushes up are shown.",
                "down": " Only pushes down are shown."}[direction]
    lines = [
        f"Timeline of {n} NHS reform{'s' if n != 1 else ''} in England, {_years_text(lo, hi)} "
        f"({era_text}), one row per mode: {', '.join(m.value for m in chosen_modes) or 'none'}. "
        "Each reform is drawn in the row of every mode it pushed: above the line and filled for a "
        f"push up, below and hollow for a push down, bigger for a push of 2. The codings are {coded}."
        f"{dir_text}"
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


# ----- performance alongside reforms -------------------------------------------------------------

_KIND_MARKERS = {"month": "o", "quarter": "s", "months": "s", "financial year": "D", "year": "^"}
_KIND_NAMES = {"month": "a month", "quarter": "a quarter", "months": "several months",
               "financial year": "a financial year", "year": "a survey year",
               "span": "average over several years"}
_INK = "#222222"


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
    snaps = snapshots(performance, series)
    ref_name = _reference(performance, series, reference)
    ref = snapshots(performance, ref_name) if ref_name else None
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
    # points, by kind of period; spans as bars
    for kind, marker in _KIND_MARKERS.items():
        rows = snaps[snaps["kind"] == kind]
        if rows.empty:
            continue
        different = rows["tags"].map(bool).to_numpy()
        for hollow, mask in ((False, ~different), (True, different)):
            if mask.any():
                ax.scatter(rows["x"][mask], rows["value"][mask], marker=marker, s=55, zorder=3,
                           facecolors="white" if hollow else _INK, edgecolors=_INK,
                           linewidths=1.5, gid=f"points-{kind}{'-different' if hollow else ''}")
    spans = snaps[snaps["kind"] == "span"]
    if not spans.empty:
        ax.hlines(spans["value"], spans["start"], spans["end"], colors=_INK, linewidth=3, zorder=3,
                  gid="spans")
        ax.scatter(spans["start"], spans["value"], marker="|", s=80, color=_INK, zorder=3)
        ax.scatter(spans["end"], spans["value"], marker="|", s=80, color=_INK, zorder=3)
    for _, r in snaps.iterrows():
        label = r["letter"] + (f" ({', '.join(r['tags'])})" if r["tags"] else "")
        ax.annotate(label, (r["x"], r["value"]), xytext=(5, 5), textcoords="offset points",
                    fontsize=8, color=_INK, zorder=4, gid="letter")
    # the reference series, dashed
    if ref is not None:
        fixed = ref[ref["kind"] == "from"].sort_values("start")
        bounds = [*fixed["start"].tolist()[1:], hi][: len(fixed)]
        for (_, r), stop in zip(fixed.iterrows(), bounds, strict=True):
            ax.hlines(r["value"], r["start"], stop, colors="#D55E00", linestyles="--", linewidth=1.5,
                      zorder=2, gid="reference-standard")
            unit_text = "%" if r["unit"] == "percent" else " " + str(r["unit"])
            ax.annotate(f"{r['value']:g}{unit_text} from {r['period'][5:]}",
                        (r["start"], r["value"]), xytext=(2, -11), textcoords="offset points",
                        fontsize=7, color="#D55E00")
        ref_spans = ref[ref["kind"] == "span"]
        if not ref_spans.empty:
            ax.hlines(ref_spans["value"], ref_spans["start"], ref_spans["end"], colors="#D55E00",
                      linestyles="--", linewidth=2, zorder=2, gid="reference-spans")
        dated = ref[~ref["kind"].isin(["from", "span"])]
        if not dated.empty:
            ax.scatter(dated["x"], dated["value"], marker="*", s=90, facecolors="white",
                       edgecolors="#D55E00", linewidths=1.3, zorder=3, gid="reference-points")
        for k, (_, r) in enumerate(ref[ref["kind"] != "from"].iterrows()):
            ax.annotate(f"{r['value']:g}", (r["x"], r["value"]), xytext=(0, 6 + 8 * (k % 2)),
                        textcoords="offset points", fontsize=7, ha="center", color="#D55E00")
    for year in breaks:
        ax.axvline(year, color="#555555", linestyle=":", linewidth=1.3, zorder=1, gid=f"break-{year}")
        ax.text(year, 0.03, f" basis changes {year}", transform=ax.get_xaxis_transform(), rotation=90,
                fontsize=7, va="bottom", ha="right", color="#555555", clip_on=True)
    ax.set_xlim(lo, hi)
    values = [*snaps["value"].tolist(), *([] if ref is None else ref["value"].tolist())]
    top = max(values)
    ax.set_ylim(0, top * 1.18 if top > 0 else 1)
    ax.set_ylabel(unit)
    ax.set_title(SERIES_LABELS.get(series, series), fontsize=11)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    handles = [Line2D([], [], linestyle="none", marker=_KIND_MARKERS[k], markersize=7,
                      markerfacecolor=_INK, markeredgecolor=_INK, label=_KIND_NAMES[k])
               for k in _KIND_MARKERS if (snaps["kind"] == k).any()]
    if not spans.empty:
        handles.append(Line2D([], [], color=_INK, linewidth=3, label=_KIND_NAMES["span"]))
    if snaps["tags"].map(bool).any():
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=7, markerfacecolor="white",
                              markeredgecolor=_INK, markeredgewidth=1.5, label="hollow: different basis"))
    if ref is not None:
        handles.append(Line2D([], [], color="#D55E00", linestyle="--",
                              label=textwrap.fill(SERIES_LABELS.get(ref_name, ref_name), 28)))
        dated = ref.loc[~ref["kind"].isin(["from", "span"]), "tags"]
        dated_tags = sorted({t for tags in dated for t in tags})
        if dated_tags:
            handles.append(Line2D([], [], linestyle="none", marker="*", markersize=9, markerfacecolor="white",
                                  markeredgecolor="#D55E00", label=", ".join(dated_tags)))
    if breaks:
        handles.append(Line2D([], [], color="#555555", linestyle=":", label="definition changed"))
    if legend:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7, frameon=False)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=10, integer=True))
    ax.xaxis.set_major_formatter(FormatStrFormatter("%d"))
    common = snaps.attrs["common_basis"]
    if caption:
        text = (("Basis of every point: " + common) if common
                else "Each point has its own basis: see the description.")
        ax.text(0, -0.16, textwrap.fill(text, 130), transform=ax.transAxes, fontsize=7, va="top",
                color="#333333", gid="caption")
    return ax


def performance_figure(
    performance: pd.DataFrame,
    series: str,
    reforms: pd.DataFrame,
    *,
    reference: str | None = "auto",
    modes: str | Mode | Iterable[str | Mode] | None = None,
    direction: str = "any",
    legend: bool = True,
    caption: bool = True,
    selection: PerformanceSelection | None = None,
) -> Figure:
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
        Legends for both panels (widgets give the key in text instead, which draws faster).
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
    fig = Figure(figsize=(11, 6.6) if legend else (10, 5.6))
    top = fig.add_subplot(2, 1, 1)
    fig.add_subplot(2, 1, 2, sharex=top)
    return update_performance_figure(fig, performance, series, reforms, reference=reference, modes=modes,
                                     direction=direction, legend=legend, caption=caption, selection=selection)


def update_performance_figure(
    fig: Figure,
    performance: pd.DataFrame,
    series: str,
    reforms: pd.DataFrame,
    *,
    reference: str | None = "auto",
    modes: str | Mode | Iterable[str | Mode] | None = None,
    direction: str = "any",
    legend: bool = True,
    caption: bool = True,
    selection: PerformanceSelection | None = None,
) -> Figure:
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
    top, bottom = fig.axes[0], fig.axes[1]
    reset_axes(top)
    reset_axes(bottom)
    for text in list(fig.texts):
        text.remove()
    sel = selection or performance_selection(performance, series, reference=reference)
    performance_chart(performance, series, ax=top, caption=False, legend=legend, selection=sel)
    lo, hi = top.get_xlim()
    reform_timeline(reforms, ax=bottom, modes=modes, direction=direction, start=lo, end=hi,
                    numbered=False, legend=legend)
    bottom.set_xlim(lo, hi)
    top.tick_params(labelbottom=legend)
    top.set_xlabel("")
    if caption:
        common = sel.snaps.attrs["common_basis"]
        text = ("Basis of every point: " + common) if common else (
            "Each point has its own basis (letters match the description).")
        fig.text(0.01, 0.01, textwrap.fill(text, 170), fontsize=7, va="bottom", color="#333333")
    if legend:
        fig.subplots_adjust(left=0.1, right=0.8, top=0.94, bottom=0.2, hspace=0.3)
    else:
        fig.subplots_adjust(left=0.1, right=0.98, top=0.93, bottom=0.1, hspace=0.12)
    return fig


def _period_text(r: pd.Series) -> str:
    return str(r["period"])


def describe_performance(
    performance: pd.DataFrame,
    series: str,
    *,
    reforms: pd.DataFrame | None = None,
    reference: str | None = "auto",
    modes: str | Mode | Iterable[str | Mode] | None = None,
    direction: str = "any",
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
    sel = selection or performance_selection(performance, series, reference=reference)
    snaps = sel.snaps
    unit = str(snaps["unit"].iloc[0])
    first, last = snaps.iloc[0], snaps.iloc[-1]
    lines = [
        f"{SERIES_LABELS.get(series, series)} ({unit}): "
        f"{len(snaps)} snapshot{'s' if len(snaps) != 1 else ''} "
        f"from {_period_text(first)} to {_period_text(last)}, drawn as separate points, not a line, "
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
    ref_name, ref = sel.reference, sel.ref
    if ref_name and ref is not None:
        items = [f"{r['period']}: {r['value']:g} ({r['basis']})" for _, r in ref.iterrows()]
        lines.append(f"Dashed reference, {SERIES_LABELS.get(ref_name, ref_name)}: " + "; ".join(items) + ".")
    if sel.breaks:
        lines.append("Dotted lines: the basis changes in " + " and ".join(str(y) for y in sel.breaks) + ".")
    if reforms is not None:
        lo, hi = sel.lo, sel.hi
        shown = timeline_reforms(reforms, modes=modes, direction=direction, start=lo, end=hi)
        items = [f"{date_label(r['date'], r['date_precision'])} {r['title']} ({push_label(r)})"
                 for _, r in shown.iterrows()]
        lines.append(f"Reforms alongside, {_years_text(lo, hi)} ({len(items)}): "
                     + ("; ".join(items) if items else "none") + ".")
    return "\n".join(lines)


# ----- reform pressure ---------------------------------------------------------------------------


def _wide(pressure: pd.DataFrame) -> pd.DataFrame:
    return history.to_wide(pressure)


def pressure_trajectory(
    pressure: pd.DataFrame,
    *,
    ax: Axes | None = None,
    overlay: pd.DataFrame | None = None,
    modes: str | Mode | Iterable[str | Mode] | None = None,
    labels: tuple[str, str] = ("kit's coding", "your coding"),
    era_bands: bool = True,
    legend: bool = True,
) -> Axes:
    """Cumulative reform pressure on each mode over time, with an optional recoded overlay.

    Each mode is a line in its colour with its marker every ten years; the overlay (e.g. a
    learner's recoding, from :func:`coordkit.history.reform_pressure` of a
    :func:`~coordkit.history.recode`) is dashed with hollow markers.

    Parameters
    ----------
    pressure : pandas.DataFrame
        Tidy pressure, as from :func:`coordkit.history.reform_pressure`.
    ax : matplotlib Axes, optional
    overlay : pandas.DataFrame, optional
        A second pressure frame over the same years.
    modes : mode or iterable of modes, optional
        Modes to draw; default all four.
    labels : (str, str)
        Names of the two codings in the legend.
    era_bands : bool, default True
        Shade the eras and name them in two rows just above the axes, clear of the lines
        (leave a top margin for them).
    legend : bool, default True

    Returns
    -------
    matplotlib Axes
        Lines have gids ``pressure-<mode>`` and ``overlay-<mode>``.

    Examples
    --------
    >>> p = history.reform_pressure(history.load_reforms())
    >>> ax = pressure_trajectory(p, ax=Figure().add_subplot(), modes="H")
    >>> line = next(l for l in ax.lines if l.get_gid() == "pressure-hierarchy")
    >>> float(line.get_ydata()[-1])
    37.0
    """
    ax = new_axes(ax, figsize=(9, 4))
    chosen = _as_modes(modes)
    wide = _wide(pressure)
    years = wide.index.to_numpy(dtype=float)
    if era_bands:
        _era_bands(ax, years[0], years[-1] + 1, above=True)
    ax.axhline(0, color="#555555", linewidth=0.8, zorder=1)
    every = [k for k, y in enumerate(years) if int(y) % 10 == 0] or [0]
    other = _wide(overlay) if overlay is not None else None
    # every solid line, then every dashed one: the order matplotlib draws them in (by zorder), so a
    # renderer that redraws them in the order they were added (FastPNG) gives the same picture
    for mode in chosen:
        ax.plot(years, wide[mode.value].to_numpy(), color=PALETTE[mode], marker=MARKERS[mode],
                markevery=every, markersize=7, markeredgecolor="black", markeredgewidth=0.6,
                linewidth=2, zorder=3, gid=f"pressure-{mode.value}", label=mode.label)
    for mode in chosen if other is not None else ():
        ax.plot(other.index.to_numpy(dtype=float), other[mode.value].to_numpy(), color=PALETTE[mode],
                marker=MARKERS[mode], markevery=every, markersize=7, markerfacecolor="white",
                markeredgecolor=PALETTE[mode], linewidth=1.6, linestyle=(0, (4, 2)), zorder=4,
                gid=f"overlay-{mode.value}")
    ax.set_xlim(years[0], years[-1] + 1)
    ax.set_xlabel("year")
    ax.set_ylabel("cumulative reform pressure\n(sum of coded pushes)")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if legend:
        handles = [Line2D([], [], color=PALETTE[m], marker=MARKERS[m], markeredgecolor="black",
                          linewidth=2, label=m.label) for m in chosen]
        handles.append(Line2D([], [], color="#555555", linewidth=2, label=labels[0]))
        if other is not None:
            handles.append(Line2D([], [], color="#555555", linewidth=1.6, linestyle=(0, (4, 2)),
                                  marker="o", markerfacecolor="white", label=labels[1]))
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.16), fontsize=8,
                  frameon=False, ncol=3)
    return ax


def pressure_figure(
    pressure: pd.DataFrame,
    *,
    overlay: pd.DataFrame | None = None,
    modes: str | Mode | Iterable[str | Mode] | None = None,
    labels: tuple[str, str] = ("kit's coding", "your coding"),
) -> Figure:
    """:func:`pressure_trajectory` on a figure of its own, sized and spaced for a page.

    Parameters
    ----------
    pressure, overlay, modes, labels
        As for :func:`pressure_trajectory`.

    Returns
    -------
    matplotlib Figure

    Examples
    --------
    >>> fig = pressure_figure(history.reform_pressure(history.load_reforms(), half_life=10))
    >>> fig.axes[0].get_ylabel().startswith("cumulative reform pressure")
    True
    """
    fig = Figure(figsize=(10, 4.8))
    pressure_trajectory(pressure, ax=fig.add_subplot(), overlay=overlay, modes=modes, labels=labels)
    fig.subplots_adjust(left=0.1, right=0.98, top=0.9, bottom=0.3)  # top margin: era names
    return fig


def describe_pressure(
    pressure: pd.DataFrame,
    *,
    overlay: pd.DataFrame | None = None,
    modes: str | Mode | Iterable[str | Mode] | None = None,
    labels: tuple[str, str] = ("kit's coding", "your coding"),
) -> str:
    """A text description of :func:`pressure_trajectory`.

    Parameters
    ----------
    pressure : pandas.DataFrame
    overlay : pandas.DataFrame, optional
    modes : optional
    labels : (str, str)

    Returns
    -------
    str

    Examples
    --------
    >>> p = history.reform_pressure(history.load_reforms())
    >>> print(describe_pressure(p, modes=["H", "I"]))  # doctest: +NORMALIZE_WHITESPACE
    Cumulative reform pressure, 1946-2025, under the kit's coding (a judgement, not a measurement):
    one line per mode, markers every ten years. In 2025: hierarchy 37.0, individualism 30.0.
    Highest: hierarchy 37.0 in 2025; individualism 30.0 in 2025.
    """
    chosen = _as_modes(modes)
    wide = _wide(pressure)
    y0, y1 = int(wide.index[0]), int(wide.index[-1])
    end = ", ".join(f"{m.value} {wide[m.value].iloc[-1]:.1f}" for m in chosen)
    peaks = "; ".join(f"{m.value} {wide[m.value].max():.1f} in {int(wide[m.value].idxmax())}" for m in chosen)
    text = (f"Cumulative reform pressure, {y0}-{y1}, under the {labels[0]} (a judgement, not a "
            f"measurement): one line per mode, markers every ten years. In {y1}: {end}. Highest: {peaks}.")
    if overlay is not None:
        other = _wide(overlay)
        diff = other - wide
        changed = [m for m in chosen if not np.allclose(diff[m.value].to_numpy(), 0)]
        if not changed:
            text += f" Dashed lines ({labels[1]}): the same as the {labels[0]}."
        else:
            parts = []
            for m in changed:
                d = diff[m.value]
                k = int(d.abs().idxmax())
                parts.append(f"{m.value} {d.iloc[-1]:+.1f} in {y1} (largest {d.loc[k]:+.1f} in {k})")
            text += f" Dashed lines ({labels[1]}) differ: " + "; ".join(parts) + "."
    return text


def _nice_limits(values: np.ndarray) -> tuple[float, float]:
    """Y limits covering the values, rounded outwards to a step of 5 (10 beyond a range of 50).

    Rounding means small recodings leave the axis alone, so a widget can reuse the static parts
    of the figure.
    """
    lo, hi = min(0.0, float(values.min())), max(0.0, float(values.max()))
    step = 5.0 if hi - lo <= 50 else 10.0
    return float(np.floor((lo - 0.5) / step) * step), float(np.ceil((hi + 0.5) / step) * step)


def recode_dynamic_artists(fig: Figure) -> list:
    """The artists of a :func:`recode_figure` that :func:`update_recode_figure` changes.

    Everything else (axes, ticks, era bands, legends) stays put unless the y-limits change, so a
    widget can render it once and redraw only these (blitting). Each carries a gid (bar the
    suptitle), which is how :class:`coordkit.plots.FastPNG` finds them; FastPNG also redraws the
    threshold line and its label, which carry gids only so that they stay on top of the bars.

    Parameters
    ----------
    fig : matplotlib Figure
        Made by :func:`recode_figure`.

    Returns
    -------
    list of matplotlib Artist
        The trajectory lines, the year and reform markers, the profile bars and the two titles,
        in drawing order.

    Examples
    --------
    >>> kit = history.reform_pressure(history.load_reforms())
    >>> len(recode_dynamic_artists(recode_figure(kit, kit)))
    20
    """
    left, right = fig.axes[0], fig.axes[1]
    lines = sorted((line for line in left.lines if line.get_gid() in _RECODE_LINE_GIDS),
                   key=lambda a: a.get_zorder())
    bars = [p for p in right.patches if (p.get_gid() or "").startswith(("kit-", "yours-"))]
    return [*lines, *bars, right.title, fig._suptitle]


_RECODE_LINE_GIDS = {
    "year", "reform", *(f"pressure-{m.value}" for m in ALL_MODES), *(f"overlay-{m.value}" for m in ALL_MODES)
}


def _profiles(baseline: pd.DataFrame, alternative: pd.DataFrame, year: int, scale: float | None):
    if scale is None:
        scale = history.pressure_scale(baseline)
    return (history.pressure_profile(baseline, year, scale=scale),
            history.pressure_profile(alternative, year, scale=scale), scale)


def _recode_title(kit, yours, year: int, threshold: float) -> str:
    return (f"{year}: kit's coding \u2192 {classify(kit, strong=threshold).name}  |  "
            f"yours \u2192 {classify(yours, strong=threshold).name}")


def recode_figure(
    baseline: pd.DataFrame,
    alternative: pd.DataFrame,
    *,
    year: int = history.LAST_YEAR,
    reform_year: float | None = None,
    scale: float | None = None,
    threshold: float = 0.5,
) -> Figure:
    """Two codings' pressure trajectories, and the profile each implies in one year.

    Left: :func:`pressure_trajectory` of ``baseline`` with ``alternative`` dashed on top, a
    dotted line at the recoded reform's date and a grey line at ``year``. Right: the four
    strengths read from each coding's pressure in ``year`` by
    :func:`coordkit.history.pressure_profile`, both on the *baseline's* scale so they compare
    like with like: kit's coding as filled, hatched bars, yours as hollow bars beside them. The
    title names the configuration each implies.

    Parameters
    ----------
    baseline, alternative : pandas.DataFrame
        Tidy pressure frames over the same years (e.g. the kit's coding and a recoding).
    year : int, default 2025
        Year whose profile is shown.
    reform_year : float, optional
        Decimal year of the reform being recoded, marked with a dotted line.
    scale : float, optional
        Pressure counted as full strength; default the baseline's largest absolute pressure.
    threshold : float, default 0.5
        Strength at which a mode counts as strong.

    Returns
    -------
    matplotlib Figure
        Axes 0 the trajectories, axes 1 the profile bars.

    Examples
    --------
    >>> reforms = history.load_reforms()
    >>> kit = history.reform_pressure(reforms, half_life=10)
    >>> mine = history.reform_pressure(history.recode(reforms, "health_and_care_act_2022",
    ...                                               individualism=0), half_life=10)
    >>> recode_figure(kit, mine).get_suptitle()
    "2025: kit's coding → balanced  |  yours → balanced"
    """
    fig = Figure(figsize=(11, 5.2))
    left = fig.add_subplot(1, 3, (1, 2))
    right = fig.add_subplot(1, 3, 3)
    # Every artist update_recode_figure changes carries a gid and nothing else does, so that
    # coordkit.plots.FastPNG can keep the rest as a static background; the changing artists are
    # added in the order matplotlib draws them (by zorder), which is the order FastPNG redraws them.
    left.axvline(year + 0.5, color="#555555", linewidth=1, zorder=2, gid="year")
    left.axvline(reform_year if reform_year is not None else np.nan, color="black", linestyle=":",
                 linewidth=1.4, zorder=2, gid="reform")
    pressure_trajectory(baseline, ax=left, overlay=alternative, era_bands=False)
    years = _wide(baseline).index.to_numpy(dtype=float)
    _era_bands(left, years[0], years[-1] + 1, gids=False, above=True)
    left.set_ylim(*_nice_limits(np.concatenate([baseline["pressure"].to_numpy(),
                                                alternative["pressure"].to_numpy()])))
    kit, yours, _ = _profiles(baseline, alternative, year, scale)
    positions = np.arange(len(ALL_MODES))
    for k, mode in enumerate(ALL_MODES):
        right.bar(positions[k] - 0.2, kit.strengths[k], width=0.38, color=PALETTE[mode],
                  hatch=HATCHES[mode], edgecolor="black", gid=f"kit-{mode.value}")
        right.bar(positions[k] + 0.2, yours.strengths[k], width=0.38, color="white",
                  hatch=HATCHES[mode], edgecolor=PALETTE[mode], linewidth=1.8, gid=f"yours-{mode.value}")
    # the threshold does not change, but it is drawn over the bars, so it is redrawn after them
    right.axhline(threshold, color="black", linestyle="--", linewidth=1, gid="threshold")
    right.text(3.6, threshold, " strong", fontsize=8, va="bottom", ha="right", gid="threshold-label")
    right.set_xticks(positions, [m.initial for m in ALL_MODES])
    right.set_ylim(0, 1.05)
    right.set_ylabel("implied strength (0 to 1)")
    right.set_title(f"profile read from pressure in {year}", fontsize=9, gid="profile-title")
    right.legend(handles=[Patch(facecolor="#BBBBBB", edgecolor="black", label="kit's coding"),
                          Patch(facecolor="white", edgecolor="#555555", linewidth=1.8, label="your coding")],
                 loc="upper right", fontsize=8, frameon=False)
    for side in ("top", "right"):
        right.spines[side].set_visible(False)
    fig.suptitle(_recode_title(kit, yours, year, threshold), fontsize=11)
    fig.subplots_adjust(left=0.08, right=0.98, top=0.82, bottom=0.3, wspace=0.45)  # top: era names
    return fig


def update_recode_figure(
    fig: Figure,
    baseline: pd.DataFrame,
    alternative: pd.DataFrame,
    *,
    year: int = history.LAST_YEAR,
    reform_year: float | None = None,
    scale: float | None = None,
    threshold: float = 0.5,
) -> Figure:
    """Move a :func:`recode_figure` to new codings in place (fast: no axes are rebuilt).

    Every artist this changes carries a gid (the titles aside: the profile title has one, and
    the suptitle is always redrawn), so a widget can render the figure with
    :class:`coordkit.plots.FastPNG`. The y-limits change only when the trajectories leave them
    (they are rounded outwards to a step of 5); a renderer must then be made afresh.

    Parameters
    ----------
    fig : matplotlib Figure
        Made by :func:`recode_figure` over the same years and threshold.
    baseline, alternative, year, reform_year, scale, threshold
        As for :func:`recode_figure`.

    Returns
    -------
    matplotlib Figure
        The same figure.

    Examples
    --------
    >>> reforms = history.load_reforms()
    >>> kit = history.reform_pressure(reforms)
    >>> fig = recode_figure(kit, kit)
    >>> mine = history.reform_pressure(history.recode(reforms, "nhs_act_1946", hierarchy=-2))
    >>> update_recode_figure(fig, kit, mine, year=1950).get_suptitle()
    "1950: kit's coding → no strong form  |  yours → no strong form"
    """
    left, right = fig.axes[0], fig.axes[1]
    wide, other = _wide(baseline), _wide(alternative)
    lines = {line.get_gid(): line for line in left.lines if line.get_gid()}
    for mode in ALL_MODES:
        lines[f"pressure-{mode.value}"].set_ydata(wide[mode.value].to_numpy())
        lines[f"overlay-{mode.value}"].set_ydata(other[mode.value].to_numpy())
    lines["year"].set_xdata([year + 0.5, year + 0.5])
    x = np.nan if reform_year is None else reform_year
    lines["reform"].set_xdata([x, x])
    left.set_ylim(*_nice_limits(np.concatenate([wide.to_numpy().ravel(), other.to_numpy().ravel()])))
    kit, yours, _ = _profiles(baseline, alternative, year, scale)
    bars = {p.get_gid(): p for p in right.patches if p.get_gid()}
    for k, mode in enumerate(ALL_MODES):
        bars[f"kit-{mode.value}"].set_height(kit.strengths[k])
        bars[f"yours-{mode.value}"].set_height(yours.strengths[k])
    right.set_title(f"profile read from pressure in {year}", fontsize=9)
    fig.suptitle(_recode_title(kit, yours, year, threshold), fontsize=11)
    return fig


def describe_recode(
    baseline: pd.DataFrame,
    alternative: pd.DataFrame,
    *,
    year: int = history.LAST_YEAR,
    scale: float | None = None,
    threshold: float = 0.5,
) -> str:
    """A text description of :func:`recode_figure`.

    Parameters
    ----------
    baseline, alternative, year, scale, threshold
        As for :func:`recode_figure`.

    Returns
    -------
    str

    Examples
    --------
    >>> kit = history.reform_pressure(history.load_reforms(), half_life=10)
    >>> print(describe_recode(kit, kit))  # doctest: +NORMALIZE_WHITESPACE
    Cumulative reform pressure, 1946-2025, under the kit's coding (a judgement, not a
    measurement): one line per mode, markers every ten years. In 2025: hierarchy 13.1, solidarity
    14.2, individualism 7.4, fatalism 3.9. Highest: hierarchy 13.1 in 2025; solidarity 14.2 in
    2025; individualism 12.8 in 2012; fatalism 3.9 in 2025. Dashed lines (your coding): the same as
    the kit's coding.
    Profile read from the pressure in 2025 (each mode's pressure over 14.2, clipped to 0-1): kit's
    coding H 0.93, S 1.00, I 0.52, F 0.27, balanced; your coding H 0.93, S 1.00, I 0.52, F 0.27,
    balanced.
    """
    kit, yours, s = _profiles(baseline, alternative, year, scale)

    def fmt(p) -> str:
        return ", ".join(f"{m.initial} {v:.2f}" for m, v in zip(ALL_MODES, p.strengths, strict=True))

    return (
        describe_pressure(baseline, overlay=alternative)
        + f"\nProfile read from the pressure in {year} (each mode's pressure over {s:.1f}, clipped to "
        f"0-1): kit's coding {fmt(kit)}, {classify(kit, strong=threshold).name}; "
        f"your coding {fmt(yours)}, {classify(yours, strong=threshold).name}."
    )
