"""NHS reform history widgets: a timeline explorer and a performance viewer (and the recoders).

* :class:`TimelineExplorer` -- the reform timeline filtered by era, mode and direction of push,
  with every reform shown listed with its date, coding, rationale and sources.
* :class:`PerformanceViewer` -- one performance series above the reforms of the same years, with
  each point's basis (its caveats) and source in text beside the figure.
* :class:`~coordkit.widgets.recode.RecodeExplorer` and :class:`~coordkit.widgets.recode.CodingForm`
  (recode a reform; code reforms for the class pool) live in :mod:`coordkit.widgets.recode` and
  are importable from here too.

All are thin, on :class:`~coordkit.widgets._base.Explorer`: the computation is
:mod:`coordkit.history` and the figures are :mod:`coordkit.plots.history`.

Examples
--------
>>> timeline = TimelineExplorer(eras=["new labour"])
>>> len(timeline.shown) > 0 and timeline.unnamed() == []
True
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import ipywidgets as w
import pandas as pd
from matplotlib.figure import Figure

from coordkit import history
from coordkit.html import Markup, render
from coordkit.modes import ALL_MODES, Mode
from coordkit.plots import history as hplots
from coordkit.plots.output import LiveCanvas, alt_text
from coordkit.plots.style import ANNOTATION, GUIDE, MARKERS, PALETTE
from coordkit.widgets._base import Explorer

__all__ = [
    "DEFAULT_RECODE_REFORM",
    "HALF_LIVES",
    "MODE_HELP",
    "CodingForm",
    "PerformanceViewer",
    "RecodeExplorer",
    "TimelineExplorer",
]

_WIDE = {"description_width": "initial"}
#: What each mode stands for, in a few words (tooltips and help of the history widgets).
MODE_HELP = {
    Mode.HIERARCHY: "leadership, rules, plans, targets, inspection",
    Mode.SOLIDARITY: "shared values, professional peers, collaboration, belonging",
    Mode.INDIVIDUALISM: "autonomy, enterprise, choice, competition, incentives",
    Mode.FATALISM: "the sense that nothing anyone does makes a difference",
}
_MODE_HELP = MODE_HELP

_SYMBOL = {"^": "\u25b2", "o": "\u25cf", "D": "\u25c6", "X": "\u2716"}


def _key(part: str) -> str:
    """A key as text: ``"mode_key"`` (the modes' symbols) or ``"performance_key"`` (the markers)."""
    modes = [{"colour": PALETTE[m], "symbol": _SYMBOL[MARKERS[m]], "label": m.label} for m in ALL_MODES]
    return render("history_explorer.html.j2", part=part, modes=modes, annotation=ANNOTATION)


_DPI = 80  # as to_png draws a widget's figure


class _Cache:
    """A small least-recently-used cache of rendered states (figures are slow, states repeat)."""

    def __init__(self, size: int = 48) -> None:
        self.size = size
        self._items: OrderedDict[Any, Any] = OrderedDict()

    def get(self, key: Any, make: Callable[[], Any]) -> tuple[Any, bool]:
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key], True
        value = make()
        self._items[key] = value
        if len(self._items) > self.size:
            self._items.popitem(last=False)
        return value, False

    def clear(self) -> None:
        self._items.clear()


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy without ``attrs``.

    pandas deep-copies attrs (here, the whole sidecar) on every operation, which would cost a
    widget tens of milliseconds per update.
    """
    out = frame.copy()
    out.attrs = {}
    return out


def _sources(sources: object) -> list[str]:
    return str(sources).split(" ; ")


def _reform_rows(frame: pd.DataFrame, numbered: bool = True) -> str:
    """The table of reforms shown, with dates, codings, rationales and sources."""
    rows = [
        {"date": history.date_label(r["date"], r["date_precision"]), "title": r["title"], "kind": r["kind"],
         "description": r["description"], "date_note": r.get("date_note") or "",
         "rationale": r["coding_rationale"], "sources": _sources(r["sources"]), "push": history.push_label(r)}
        for r in frame.to_dict("records")
    ]
    return render("history_explorer.html.j2", part="reforms", rows=rows, numbered=numbered)


# ----- timeline explorer -------------------------------------------------------------------------


class TimelineExplorer(Explorer):
    """The reform timeline, filtered by era, mode and direction of push, with the reforms listed.

    Parameters
    ----------
    reforms : pandas.DataFrame, optional
        Default :func:`coordkit.history.load_reforms`.
    eras : sequence of str, optional
        Eras selected at the start; default all.
    modes : sequence of str, optional
        Modes ticked at the start (names); default all four.
    direction : {"any", "up", "down"}, default "any"

    Attributes
    ----------
    eras : SelectMultiple
        Eras to show (ctrl/shift-click to pick several).
    mode_boxes : dict of str to Checkbox
        One per mode: show that mode's row (and the reforms that pushed it).
    direction : Dropdown
        Pushes up or down, up only, or down only.
    shown : pandas.DataFrame
        The reforms shown after the last update, in date order.
    description : str
        Text description of the figure from the last update.
    summary : ipywidgets.HTML
        A one-line summary (the base's live region).
    listing : ipywidgets.HTML
        The table of reforms shown with codings, rationales and sources.

    The figure, its alt text, description and timing are as in
    :class:`~coordkit.widgets._base.Explorer`.
    """

    def __init__(
        self,
        reforms: pd.DataFrame | None = None,
        *,
        eras: Sequence[str] | None = None,
        modes: Sequence[str] | None = None,
        direction: str = "any",
        layout: str = "notebook",
        presenter: bool = False,
    ) -> None:
        super().__init__(layout=layout, presenter=presenter)
        self.reforms = _plain(history.load_reforms() if reforms is None else reforms)
        self.eras = w.SelectMultiple(
            options=[(f"{e.label} ({e.first_year}-{e.last_year})", e.label) for e in history.ERAS],
            value=tuple(history.ERA_LABELS if eras is None else eras), rows=len(history.ERAS),
            description="Eras",
            tooltip="Eras to show: ctrl-click or shift-click to choose several",
            style=_WIDE, layout=w.Layout(width="100%", max_width="330px"),
        )
        self.mode_boxes: dict[str, w.Checkbox] = {
            m.value: w.Checkbox(value=modes is None or m.value in modes, description=m.label, indent=False,
                                tooltip=f"Show the {m.value} row: {_MODE_HELP[m]}",
                                layout=w.Layout(width="140px"))
            for m in ALL_MODES
        }
        self.direction = w.Dropdown(
            options=[("up or down", "any"), ("up only", "up"), ("down only", "down")], value=direction,
            description="Pushes shown", tooltip="Show pushes in either direction, or only one",
            style=_WIDE, layout=w.Layout(width="240px"),
        )
        self.summary = self.live
        self.listing = w.HTML(layout=w.Layout(max_height="340px", overflow="auto",
                                              border=f"1px solid {GUIDE}"))
        self._canvas = Figure(figsize=(11, 3.6), dpi=_DPI)
        self._canvas.subplots_adjust(left=0.1, right=0.98, top=0.97, bottom=0.14)
        self._agg = LiveCanvas(self._canvas)
        self._ax = self._canvas.add_subplot()
        self._cache = _Cache()
        modes_box = w.VBox([w.HTML("<b>Modes</b>"), *self.mode_boxes.values(), self.direction])
        self.watch(*self._controls)
        self.assemble([self.eras, modes_box])
        self.widget.children = (*self.widget.children, w.HTML(_key("mode_key")),
                                w.HTML("<b>Reforms shown</b> (numbers match the figure when 20 or "
                                       "fewer are shown)"), self.listing)
        self.update()

    @property
    def _controls(self) -> list[w.ValueWidget]:
        return [self.eras, *self.mode_boxes.values(), self.direction]

    @property
    def modes(self) -> list[str]:
        """The modes whose boxes are ticked."""
        return [name for name, box in self.mode_boxes.items() if box.value]

    def update(self, change: Any = None) -> None:
        """Redraw for the current filters (the controls call this).

        Rendered states are cached, so returning to an earlier choice is instant.
        """
        with self.timed():
            self._update()

    def _update(self) -> None:
        filters = {"eras": list(self.eras.value), "modes": self.modes, "direction": self.direction.value}
        key = (tuple(filters["eras"]), tuple(filters["modes"]), filters["direction"])
        (png, self.shown, description, listing), self.cached = self._cache.get(
            key, lambda: self._render(filters))
        n = len(self.shown)
        if not filters["eras"] or not filters["modes"]:
            hint = " Choose at least one era and one mode."
        else:
            hint = ""
        self.set_result(Markup(render("history_explorer.html.j2", part="timeline_result", n=n, hint=hint)))
        self.listing.value = listing
        self.set_image(png, alt=alt_text(None, description))
        self.set_description(description)

    def _render(self, filters: dict[str, Any]) -> tuple[bytes, pd.DataFrame, str, str]:
        # one selection for the figure, the listing and the description (it was made three times)
        selection = hplots.timeline_selection(self.reforms, **filters)
        hplots.reform_timeline(self.reforms, ax=hplots.reset_axes(self._ax), legend=False,
                               selection=selection)
        text = hplots.describe_reform_timeline(self.reforms, selection=selection)
        # drawn on the canvas kept for the explorer's life, whose renderer keeps the text measurements
        shown = selection.shown
        listing = _reform_rows(shown) if len(shown) else "<p>No reforms match the filters.</p>"
        return self._agg.png(), shown, text, listing  # the listing is kept with the state too


# ----- performance viewer ------------------------------------------------------------------------

class PerformanceViewer(Explorer):
    """A performance series above the reforms of the same years, with every point's basis in text.

    Parameters
    ----------
    performance, reforms : pandas.DataFrame, optional
        Default :func:`coordkit.history.load_performance` and :func:`~coordkit.history.load_reforms`.
    series : str, default "ae_4hr"
        The series to start on.

    Attributes
    ----------
    series : Dropdown
        The series shown (the standards and planned settlements are drawn as references instead).
    show_reference : Checkbox
        Draw the reference series (the four-hour standard, planned settlements) where there is one.
    reform_mode : Dropdown
        Which reforms to show beneath: those pushing any mode, or one mode.
    snapshots : pandas.DataFrame
        The series' rows from the last update, lettered as in the figure.
    summary : ipywidgets.HTML
        The series and its shared caveat (the base's live region).
    basis : ipywidgets.HTML
        The table of points with their bases and sources.

    The figure, its alt text, description and timing are as in
    :class:`~coordkit.widgets._base.Explorer`.
    """

    def __init__(self, performance: pd.DataFrame | None = None, reforms: pd.DataFrame | None = None,
                 *, series: str = "ae_4hr", layout: str = "notebook", presenter: bool = False) -> None:
        super().__init__(layout=layout, presenter=presenter)
        self.performance = _plain(history.load_performance() if performance is None else performance)
        self.reforms = _plain(history.load_reforms() if reforms is None else reforms)
        references = set(hplots.REFERENCE_SERIES.values())
        present = [s for s in hplots.SERIES_LABELS if s in set(self.performance["series"])]
        options = [(hplots.SERIES_LABELS[s], s) for s in present if s not in references]
        self.series = w.Dropdown(options=options, value=series, description="Series",
                                 tooltip="The performance series to show", style=_WIDE,
                                 layout=w.Layout(width="100%", max_width="560px"))
        self.show_reference = w.Checkbox(value=True, description="Show the standard or plan (dashed)",
                                         tooltip="Draw the four-hour standard beside A&E performance, or "
                                                 "the planned settlements beside spending growth",
                                         indent=False, layout=w.Layout(width="300px"))
        self.reform_mode = w.Dropdown(
            options=[("pushing any mode", "any"), *[(f"pushing {m.value}", m.value) for m in ALL_MODES]],
            value="any", description="Reforms below", tooltip="Which reforms to show beneath the series",
            style=_WIDE, layout=w.Layout(width="100%", max_width="330px"),
        )
        self.summary = self.live
        self.basis = w.HTML(layout=w.Layout(max_height="320px", overflow="auto",
                                            border=f"1px solid {GUIDE}"))
        self._cache = _Cache()
        self._selections = _Cache()
        self._canvas: Figure | None = None
        self._agg: LiveCanvas | None = None
        self.watch(self.series, self.show_reference, self.reform_mode)
        self.assemble(self.series, [self.show_reference, self.reform_mode])
        self.widget.children = (*self.widget.children, w.HTML(_key("performance_key") + _key("mode_key")),
                                w.HTML("<b>Every point, its basis and its source</b>"), self.basis)
        self.update()

    def update(self, change: Any = None) -> None:
        """Redraw for the current series and options (the controls call this)."""
        with self.timed():
            self._update()

    def _update(self) -> None:
        series = self.series.value
        has_reference = series in hplots.REFERENCE_SERIES
        self.show_reference.disabled = not has_reference
        reference = "auto" if self.show_reference.value else None
        modes = None if self.reform_mode.value == "any" else self.reform_mode.value
        # the series is read once per update; the figure and its description both use that reading
        selection, _ = self._selections.get(
            (series, reference), lambda: hplots.performance_selection(self.performance, series,
                                                                      reference=reference))
        self.snapshots = selection.snaps

        def draw() -> tuple[bytes, str]:
            options = {"modes": modes, "legend": False, "caption": False, "selection": selection}
            if self._canvas is None or self._agg is None:
                self._canvas = hplots.performance_figure(self.performance, series, self.reforms, **options)
                # drawn at the size it is shown, on one canvas kept for the viewer's life: its
                # renderer keeps the text measurements (ticks, letters, era names) between
                # updates, where a PNG saved afresh measures every text again on a new canvas
                self._canvas.set_dpi(_DPI)
                self._agg = LiveCanvas(self._canvas)
            else:
                hplots.update_performance_figure(self._canvas, self.performance, series, self.reforms,
                                                 **options)
            text = hplots.describe_performance(self.performance, series, reforms=self.reforms, modes=modes,
                                               selection=selection)
            return self._agg.png(), text

        (png, description), self.cached = self._cache.get((series, reference, modes), draw)
        common = self.snapshots.attrs["common_basis"]
        unit = self.snapshots["unit"].iloc[0]
        records = self.snapshots.to_dict("records")
        tagged = [r for r in records if r["tags"]]
        self.set_result(Markup(render(
            "history_explorer.html.j2", part="performance_result",
            label=hplots.SERIES_LABELS.get(series, series), unit=unit, n=len(records), common=common,
            tagged=tagged)))
        rows = [{"letter": r["letter"], "period": r["period"], "value": f"{r['value']:.3g}",
                 "basis": (r["particular"] if common else r["basis"]) or "(as above)",
                 "sources": _sources(r["source"])} for r in records]
        self.basis.value = render("history_explorer.html.j2", part="basis", rows=rows, unit=unit)
        self.set_image(png, alt=alt_text(None, description))
        self.set_description(description)


# the recoders live in their own module (which imports this one); importable from here as before
_RECODE_NAMES = ("DEFAULT_RECODE_REFORM", "HALF_LIVES", "CodingForm", "RecodeExplorer")
if TYPE_CHECKING:
    from coordkit.widgets.recode import DEFAULT_RECODE_REFORM, HALF_LIVES, CodingForm, RecodeExplorer


def __getattr__(name: str) -> Any:
    if name in _RECODE_NAMES:
        from coordkit.widgets import recode

        return getattr(recode, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
