"""NHS reform history widgets: a timeline explorer, a performance viewer and "recode it yourself".

* :class:`TimelineExplorer` -- the reform timeline filtered by era, mode and direction of push,
  with every reform shown listed with its date, coding, rationale and sources.
* :class:`PerformanceViewer` -- one performance series above the reforms of the same years, with
  each point's basis (its caveats) and source in text beside the figure.
* :class:`RecodeExplorer` -- pick a reform, set its push on each mode with sliders, and watch the
  cumulative reform pressure and the profile and configuration it implies change, against the
  kit's own coding.
* :class:`CodingForm` -- a student codes a set of reforms from scratch (without seeing the kit's
  coding) and saves a coding file for the class pool (:mod:`coordkit.codings`).

All three are thin: the computation is :mod:`coordkit.history` and the figures are
:mod:`coordkit.plots.history`.

Examples
--------
>>> recoder = RecodeExplorer(reform="health_social_care_act_2012")
>>> recoder.your_configuration.name
'balanced'
>>> recoder.sliders["individualism"].value = 0
>>> recoder.your_configuration.name
'deficit culture: weak individualism'
"""

from __future__ import annotations

import html
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import ipywidgets as w
import pandas as pd
from matplotlib.figure import Figure

from coordkit import history
from coordkit.configuration import Configuration, classify
from coordkit.modes import ALL_MODES, Mode
from coordkit.plots import FastPNG, to_png
from coordkit.plots import history as hplots
from coordkit.plots.style import MARKERS, PALETTE
from coordkit.profile import Profile

__all__ = [
    "DEFAULT_RECODE_REFORM",
    "HALF_LIVES",
    "CodingForm",
    "PerformanceViewer",
    "RecodeExplorer",
    "TimelineExplorer",
]

#: The reform the recoder starts on: the Act that made integrated care statutory and repealed
#: compulsory competition, coded as pushing individualism down hard.
DEFAULT_RECODE_REFORM = "health_and_care_act_2022"
#: Choices of half-life (years for a reform's push to fade by half) offered by the recoder.
HALF_LIVES: tuple[tuple[str, float | None], ...] = (
    ("no fading (count every reform for ever)", None),
    ("5 years", 5.0),
    ("10 years", 10.0),
    ("20 years", 20.0),
    ("40 years", 40.0),
)
_WIDE = {"description_width": "initial"}
_MODE_HELP = {
    Mode.HIERARCHY: "leadership, rules, plans, targets, inspection",
    Mode.SOLIDARITY: "shared values, professional peers, collaboration, belonging",
    Mode.INDIVIDUALISM: "autonomy, enterprise, choice, competition, incentives",
    Mode.FATALISM: "the sense that nothing anyone does makes a difference",
}


_SYMBOL = {"^": "\u25b2", "o": "\u25cf", "D": "\u25c6", "X": "\u2716"}


def _e(text: object) -> str:
    return html.escape(str(text))


def _mode_key(modes: Sequence[Mode] = ALL_MODES) -> str:
    """The timeline's legend as text (widgets leave it out of the figure: it draws faster)."""
    swatches = " ".join(
        f"<span style='color:{PALETTE[m]};font-size:120%'>{_SYMBOL[MARKERS[m]]}</span>&nbsp;{m.label}"
        for m in modes)
    return (f"<div style='line-height:1.4'><small>{swatches} &middot; filled, above the line: pushed up "
            "&middot; hollow, below: "
            "pushed down &middot; bigger, longer: a push of 2 &middot; a pale bar along the line: date known "
            "only to the year &middot; shading: eras</small></div>")


_PERFORMANCE_KEY = (
    "<div style='line-height:1.4'><small>Key: \u25cf a month &middot; \u25a0 a quarter &middot; "
    "\u25c6 a financial year &middot; "
    "\u25b2 a survey year &middot; \u2501 an average over several years &middot; \u25cb hollow: a different "
    "basis (tagged) &middot; <span style='color:#D55E00'>\u2504 the standard or plan, "
    "\u2606 interim thresholds</span> &middot; \u2506 dotted: the definition changed. Letters match the "
    "table below.</small></div>"
)


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


def _details(description: str) -> str:
    """The figure's text description, folded away until asked for (it is long)."""
    body = "<br>".join(_e(line) for line in description.splitlines())
    return (f"<details style='line-height:1.35'><summary><small>Figure description (text)</small></summary>"
            f"<small>{body}</small></details>")


def _links(sources: str) -> str:
    return " ".join(f'<a href="{_e(u)}" target="_blank" rel="noopener">[{k}]</a>'
                    for k, u in enumerate(str(sources).split(" ; "), start=1))


def _reform_rows(frame: pd.DataFrame, numbered: bool = True) -> str:
    rows = []
    for k, (_, r) in enumerate(frame.iterrows(), start=1):
        note = f"<br><i>Date note:</i> {_e(r['date_note'])}" if r.get("date_note") else ""
        rows.append(
            "<tr>"
            + (f"<td style='vertical-align:top'>{k}</td>" if numbered else "")
            + f"<td style='vertical-align:top;white-space:nowrap'>"
            f"{_e(history.date_label(r['date'], r['date_precision']))}</td>"
            f"<td style='vertical-align:top'><b>{_e(r['title'])}</b> ({_e(r['kind'])})<br>"
            f"<small>{_e(r['description'])}{note}<br><i>Why coded so:</i> {_e(r['coding_rationale'])} "
            f"{_links(r['sources'])}</small></td>"
            f"<td style='vertical-align:top;white-space:nowrap'>{_e(history.push_label(r))}</td>"
            "</tr>"
        )
    head = ("<tr>" + ("<th>#</th>" if numbered else "") +
            "<th>date</th><th>reform (what it did; why it is coded so; sources)</th><th>coding</th></tr>")
    return f"<table style='border-collapse:collapse;font-size:90%'>{head}{''.join(rows)}</table>"


# ----- timeline explorer -------------------------------------------------------------------------


class TimelineExplorer:
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
    summary, listing : ipywidgets.HTML
        A one-line summary, and the table of reforms shown with codings, rationales and sources.
    image : ipywidgets.Image
    last_update_seconds : float
    widget : ipywidgets.VBox
    """

    def __init__(
        self,
        reforms: pd.DataFrame | None = None,
        *,
        eras: Sequence[str] | None = None,
        modes: Sequence[str] | None = None,
        direction: str = "any",
    ) -> None:
        self.reforms = _plain(history.load_reforms() if reforms is None else reforms)
        self.eras = w.SelectMultiple(
            options=[(f"{e.label} ({e.first_year}-{e.last_year})", e.label) for e in history.ERAS],
            value=tuple(history.ERA_LABELS if eras is None else eras), rows=len(history.ERAS),
            description="Eras",
            tooltip="Eras to show: ctrl-click or shift-click to choose several",
            style=_WIDE, layout=w.Layout(width="330px"),
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
        self.summary = w.HTML()
        self.listing = w.HTML(layout=w.Layout(max_height="340px", overflow="auto", border="1px solid #ccc"))
        self.image = w.Image(format="png", layout=w.Layout(width="100%", max_width="980px"))
        self._figure = Figure(figsize=(11, 3.6))
        self._figure.subplots_adjust(left=0.1, right=0.98, top=0.97, bottom=0.14)
        self._ax = self._figure.add_subplot()
        self._cache = _Cache()
        modes_box = w.VBox([w.HTML("<b>Modes</b>"), *self.mode_boxes.values(), self.direction])
        self.widget = w.VBox([w.HBox([self.eras, modes_box]), self.summary, self.image,
                              w.HTML(_mode_key()),
                              w.HTML("<b>Reforms shown</b> (numbers match the figure when 20 or fewer "
                                     "are shown)"), self.listing])
        for control in self._controls:
            control.observe(self.update, names="value")
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
        started = time.perf_counter()
        filters = {"eras": list(self.eras.value), "modes": self.modes, "direction": self.direction.value}
        key = (tuple(filters["eras"]), tuple(filters["modes"]), filters["direction"])
        (png, self.shown, self.description), self.cached = self._cache.get(key, lambda: self._render(filters))
        n = len(self.shown)
        if not filters["eras"] or not filters["modes"]:
            hint = " Choose at least one era and one mode."
        else:
            hint = ""
        self.summary.value = (
            f"<p><b>{n} reform{'s' if n != 1 else ''} shown</b>.{hint} Codings are the kit's "
            "judgements: the table gives the reason for each.</p>"
            + _details(self.description)
        )
        self.listing.value = _reform_rows(self.shown) if n else "<p>No reforms match the filters.</p>"
        self.image.value = png
        self.last_update_seconds = time.perf_counter() - started

    def _render(self, filters: dict[str, Any]) -> tuple[bytes, pd.DataFrame, str]:
        hplots.reform_timeline(self.reforms, ax=hplots.reset_axes(self._ax), legend=False, **filters)
        shown = hplots.timeline_reforms(self.reforms, **filters)
        text = hplots.describe_reform_timeline(self.reforms, **filters)
        return to_png(self._figure, compress_level=1), shown, text  # level 1: quick to encode

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


# ----- performance viewer ------------------------------------------------------------------------


class PerformanceViewer:
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
    description : str
    summary, basis : ipywidgets.HTML
        The series and its shared caveat; the table of points with their bases and sources.
    image : ipywidgets.Image
    last_update_seconds : float
    widget : ipywidgets.VBox
    """

    def __init__(self, performance: pd.DataFrame | None = None, reforms: pd.DataFrame | None = None,
                 *, series: str = "ae_4hr") -> None:
        self.performance = _plain(history.load_performance() if performance is None else performance)
        self.reforms = _plain(history.load_reforms() if reforms is None else reforms)
        references = set(hplots.REFERENCE_SERIES.values())
        present = [s for s in hplots.SERIES_LABELS if s in set(self.performance["series"])]
        options = [(hplots.SERIES_LABELS[s], s) for s in present if s not in references]
        self.series = w.Dropdown(options=options, value=series, description="Series",
                                 tooltip="The performance series to show", style=_WIDE,
                                 layout=w.Layout(width="560px"))
        self.show_reference = w.Checkbox(value=True, description="Show the standard or plan (dashed)",
                                         tooltip="Draw the four-hour standard beside A&E performance, or "
                                                 "the planned settlements beside spending growth",
                                         indent=False, layout=w.Layout(width="300px"))
        self.reform_mode = w.Dropdown(
            options=[("pushing any mode", "any"), *[(f"pushing {m.value}", m.value) for m in ALL_MODES]],
            value="any", description="Reforms below", tooltip="Which reforms to show beneath the series",
            style=_WIDE, layout=w.Layout(width="330px"),
        )
        self.summary = w.HTML()
        self.basis = w.HTML(layout=w.Layout(max_height="320px", overflow="auto", border="1px solid #ccc"))
        self.image = w.Image(format="png", layout=w.Layout(width="100%", max_width="980px"))
        self._cache = _Cache()
        self._selections = _Cache()
        self._figure: Figure | None = None
        self.widget = w.VBox([self.series, w.HBox([self.show_reference, self.reform_mode]), self.summary,
                              self.image, w.HTML(_PERFORMANCE_KEY + _mode_key()),
                              w.HTML("<b>Every point, its basis and its source</b>"), self.basis])
        for control in (self.series, self.show_reference, self.reform_mode):
            control.observe(self.update, names="value")
        self.update()

    def update(self, change: Any = None) -> None:
        """Redraw for the current series and options (the controls call this)."""
        started = time.perf_counter()
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

        def render() -> tuple[bytes, str]:
            options = {"modes": modes, "legend": False, "caption": False, "selection": selection}
            if self._figure is None:
                self._figure = hplots.performance_figure(self.performance, series, self.reforms, **options)
            else:
                hplots.update_performance_figure(self._figure, self.performance, series, self.reforms,
                                                 **options)
            fig = self._figure
            text = hplots.describe_performance(self.performance, series, reforms=self.reforms, modes=modes,
                                               selection=selection)
            return to_png(fig, compress_level=1), text

        (png, self.description), self.cached = self._cache.get((series, reference, modes), render)
        common = self.snapshots.attrs["common_basis"]
        unit = self.snapshots["unit"].iloc[0]
        tagged = self.snapshots[self.snapshots["tags"].map(bool)]
        warn = "".join(f"<li>({_e(r['letter'])}) {_e(r['period'])} is {_e(', '.join(r['tags']))}</li>"
                       for _, r in tagged.iterrows())
        self.summary.value = (
            f"<p><b>{_e(hplots.SERIES_LABELS.get(series, series))}</b> ({_e(unit)}): "
            f"{len(self.snapshots)} snapshots, read in different sources; never join them into a trend "
            "without reading their bases.</p>"
            + (f"<p><b>Basis of every point:</b> {_e(common)}</p>" if common else
               "<p><b>Each point has its own basis</b>: read the table below.</p>")
            + (f"<p><b>Not comparable with their neighbours:</b></p><ul>{warn}</ul>" if warn else "")
            + _details(self.description)
        )
        rows = "".join(
            f"<tr><td style='vertical-align:top'>{_e(r['letter'])}</td>"
            f"<td style='vertical-align:top;white-space:nowrap'>{_e(r['period'])}</td>"
            f"<td style='vertical-align:top'>{r['value']:g}</td>"
            f"<td style='vertical-align:top'><small>"
            f"{_e(r['particular'] if common else r['basis']) or '(as above)'}"
            f"</small></td><td style='vertical-align:top'>{_links(r['source'])}</td></tr>"
            for _, r in self.snapshots.iterrows()
        )
        self.basis.value = (
            "<table style='border-collapse:collapse;font-size:90%'><tr><th></th><th>period</th>"
            f"<th>{_e(unit)}</th><th>basis (caveats)</th><th>source</th></tr>{rows}</table>"
        )
        self.image.value = png
        self.last_update_seconds = time.perf_counter() - started

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


# ----- recode it yourself ------------------------------------------------------------------------


class RecodeExplorer:
    """Recode any reform with sliders and watch the reform pressure and implied configuration move.

    Pick a reform; the four sliders show its coding (the kit's, until you change it). Moving a
    slider recodes that reform; your recodings are kept as you move between reforms, so you can
    recode several. The figure shows the cumulative pressure under the kit's coding (solid) and
    yours (dashed), and the profile each implies in the chosen year, both read on the kit's scale
    (:func:`coordkit.history.pressure_profile`), with the configuration each falls into.

    Parameters
    ----------
    reforms : pandas.DataFrame, optional
        Default :func:`coordkit.history.load_reforms` (the kit's coding).
    reform : str, default :data:`DEFAULT_RECODE_REFORM`
        The reform to start on.
    half_life : float or None, default 10
        Starting half-life (one of :data:`HALF_LIVES`).
    year : int, default 2025
        Year whose profile is read.
    threshold : float, default 0.5
        Strength at which a mode counts as strong.

    Attributes
    ----------
    reform : Dropdown
    sliders : dict of str to IntSlider
        The chosen reform's push on each mode, -2 to +2, keyed by mode name.
    half_life : Dropdown
    year : IntSlider
    reset, reset_all : Button
        Put the chosen reform (or every reform) back to the kit's coding.
    codings : dict
        Your recodings: reform id to {mode name: push}, only where they differ from the kit's.
    alternative : pandas.DataFrame
        The reforms with your recodings.
    difference : pandas.DataFrame
        :func:`coordkit.history.compare_pressure` of the kit's coding and yours.
    kit_profile, your_profile : Profile
    kit_configuration, your_configuration : Configuration
    description : str
    info, summary : ipywidgets.HTML
        The chosen reform's facts and the kit's rationale; the comparison in words.
    image : ipywidgets.Image
    last_update_seconds : float
    widget : ipywidgets.VBox
    """

    def __init__(
        self,
        reforms: pd.DataFrame | None = None,
        *,
        reform: str = DEFAULT_RECODE_REFORM,
        half_life: float | None = 10.0,
        year: int = history.LAST_YEAR,
        threshold: float = 0.5,
    ) -> None:
        self.reforms = _plain(history.load_reforms() if reforms is None else reforms)
        self.threshold = threshold
        self.codings: dict[str, dict[str, int]] = {}
        self._by_id = self.reforms.set_index("id")
        self.reform = w.Dropdown(
            options=[(f"{r['date'].year} \u00b7 {r['title']}", r["id"]) for _, r in self.reforms.iterrows()],
            value=reform, description="Reform", tooltip="The reform to recode", style=_WIDE,
            layout=w.Layout(width="620px"),
        )
        self.sliders: dict[str, w.IntSlider] = {
            m.value: w.IntSlider(
                value=0, min=history.MIN_PUSH, max=history.MAX_PUSH, step=1, description=m.label,
                continuous_update=False, tooltip=f"How hard this reform pushed {m.value} ({_MODE_HELP[m]}): "
                "-2 strongly down, 0 not at all, +2 strongly up",
                style={"description_width": "95px"}, layout=w.Layout(width="330px"),
            )
            for m in ALL_MODES
        }
        self.half_life = w.Dropdown(options=list(HALF_LIVES), value=half_life, description="Half-life",
                                    tooltip="Years for a reform's push to fade by half", style=_WIDE,
                                    layout=w.Layout(width="330px"))
        self.year = w.IntSlider(value=year, min=history.FIRST_YEAR, max=history.LAST_YEAR, step=1,
                                description="Profile year", continuous_update=False,
                                tooltip="Year in which to read the profile implied by the pressure",
                                style={"description_width": "95px"}, layout=w.Layout(width="330px"))
        self.reset = w.Button(description="Back to the kit's coding",
                              tooltip="Undo your recoding of this reform", layout=w.Layout(width="200px"))
        self.reset_all = w.Button(description="Undo all recodings", tooltip="Undo every recoding",
                                  layout=w.Layout(width="200px"))
        self.info = w.HTML()
        self.summary = w.HTML()
        self.image = w.Image(format="png", layout=w.Layout(width="100%", max_width="980px"))
        self._baseline_cache: dict[float | None, pd.DataFrame] = {}
        self._set_sliders(self._coding(reform))
        kit = self._baseline(half_life)
        self._figure = hplots.recode_figure(kit, kit, year=year, threshold=threshold)
        self._fast: FastPNG | None = None  # made on the first update, remade when the y-limits move
        self._fast_ylim: tuple[float, float] | None = None
        pushes = w.VBox([w.HTML("<b>Your coding of this reform</b> (-2 to +2)"), *self.sliders.values()])
        options = w.VBox([w.HTML("<b>Reading the pressure</b>"), self.half_life, self.year,
                          w.HBox([self.reset, self.reset_all])])
        self.widget = w.VBox([self.reform, self.info, w.HBox([pushes, options]), self.summary, self.image])
        for slider in self.sliders.values():
            slider.observe(self._on_push, names="value")
        self.reform.observe(self._on_reform, names="value")
        self.half_life.observe(self.update, names="value")
        self.year.observe(self.update, names="value")
        self.reset.on_click(lambda _: self.reset_reform())
        self.reset_all.on_click(lambda _: self.reset_everything())
        self.update()

    # -- state ------------------------------------------------------------------------------------
    def kit_coding(self, reform_id: str) -> dict[str, int]:
        """The kit's coding of a reform, by mode name.

        Parameters
        ----------
        reform_id : str

        Returns
        -------
        dict of str to int
        """
        row = self._by_id.loc[reform_id]
        return {m.value: int(row[history.PUSH_COLUMNS[m]]) for m in ALL_MODES}

    def _coding(self, reform_id: str) -> dict[str, int]:
        return {**self.kit_coding(reform_id), **self.codings.get(reform_id, {})}

    @contextmanager
    def _held(self) -> Iterator[None]:
        for slider in self.sliders.values():
            slider.unobserve(self._on_push, names="value")
        try:
            yield
        finally:
            for slider in self.sliders.values():
                slider.observe(self._on_push, names="value")

    def _set_sliders(self, coding: dict[str, int]) -> None:
        with self._held():
            for name, value in coding.items():
                self.sliders[name].value = value

    def _on_push(self, change: Any = None) -> None:
        reform_id = self.reform.value
        kit = self.kit_coding(reform_id)
        mine = {name: int(s.value) for name, s in self.sliders.items()}
        changed = {name: v for name, v in mine.items() if v != kit[name]}
        if changed:
            self.codings[reform_id] = changed
        else:
            self.codings.pop(reform_id, None)
        self.update()

    def _on_reform(self, change: Any = None) -> None:
        self._set_sliders(self._coding(self.reform.value))
        self.update()

    def set_coding(self, reform_id: str, **pushes: int) -> None:
        """Recode a reform directly (as if with the sliders) and update once.

        Parameters
        ----------
        reform_id : str
        **pushes : int
            New pushes by mode name, e.g. ``individualism=0``.
        """
        unknown = set(pushes) - {m.value for m in ALL_MODES}
        if unknown:
            raise ValueError(f"unknown mode(s) {sorted(unknown)}; use hierarchy, solidarity, "
                             "individualism or fatalism")
        history.recode(self.reforms, reform_id, **pushes)  # validates the id and the values
        kit = self.kit_coding(reform_id)
        merged = {**self._coding(reform_id), **pushes}
        changed = {n: int(v) for n, v in merged.items() if int(v) != kit[n]}
        if changed:
            self.codings[reform_id] = changed
        else:
            self.codings.pop(reform_id, None)
        if reform_id == self.reform.value:
            self._set_sliders(self._coding(reform_id))
        self.update()

    def reset_reform(self) -> None:
        """Put the chosen reform back to the kit's coding."""
        self.codings.pop(self.reform.value, None)
        self._set_sliders(self.kit_coding(self.reform.value))
        self.update()

    def reset_everything(self) -> None:
        """Undo every recoding."""
        self.codings.clear()
        self._set_sliders(self.kit_coding(self.reform.value))
        self.update()

    def _baseline(self, half_life: float | None) -> pd.DataFrame:
        if half_life not in self._baseline_cache:
            self._baseline_cache[half_life] = history.reform_pressure(self.reforms, half_life=half_life)
        return self._baseline_cache[half_life]

    # -- update -----------------------------------------------------------------------------------
    def update(self, change: Any = None) -> None:
        """Recompute and redraw from the current controls (the controls call this)."""
        started = time.perf_counter()
        half_life, year = self.half_life.value, int(self.year.value)
        self.alternative = (history.recode_many(self.reforms, self.codings, rationale="learner's recoding")
                            if self.codings else self.reforms)
        self.difference = history.compare_pressure(self.reforms, self.alternative, half_life=half_life)
        kit = self._baseline(half_life)
        yours = self.difference[["year", "mode", "alternative"]].rename(columns={"alternative": "pressure"})
        scale = history.pressure_scale(kit)
        self.kit_profile: Profile = history.pressure_profile(kit, year, scale=scale)
        self.your_profile: Profile = history.pressure_profile(yours, year, scale=scale)
        self.kit_configuration: Configuration = classify(self.kit_profile, strong=self.threshold)
        self.your_configuration: Configuration = classify(self.your_profile, strong=self.threshold)
        row = self._by_id.loc[self.reform.value]
        reform_year = float(history.decimal_year(pd.Series([row["date"]]))[0])
        hplots.update_recode_figure(self._figure, kit, yours, year=year, reform_year=reform_year,
                                    scale=scale, threshold=self.threshold)
        self.description = hplots.describe_recode(kit, yours, year=year, scale=scale,
                                                  threshold=self.threshold)
        self.info.value = self._info_html(row)
        self.summary.value = self._summary_html(year, half_life)
        self.image.value = self._render()
        self.last_update_seconds = time.perf_counter() - started

    def _render(self) -> bytes:
        """The figure as PNG, redrawing only what the update changed (see FastPNG)."""
        ylim = tuple(self._figure.axes[0].get_ylim())
        if self._fast is None or ylim != self._fast_ylim:
            self._fast, self._fast_ylim = FastPNG(self._figure), ylim
        return self._fast.png(self._figure)

    def _info_html(self, row: pd.Series) -> str:
        kit = history.push_label(row)
        return (
            f"<p><b>{_e(row['title'])}</b>, {_e(history.date_label(row['date'], row['date_precision']))} "
            f"({_e(row['kind'])}). {_e(row['description'])}<br><small><i>Kit's coding:</i> {_e(kit)}. "
            f"<i>Why:</i> {_e(row['coding_rationale'])} {_links(row['sources'])}</small></p>"
        )

    def _summary_html(self, year: int, half_life: float | None) -> str:
        fade = "no fading" if half_life is None else f"half-life {half_life:g} years"
        d = self.difference[self.difference["year"] == year].set_index("mode")["difference"]
        moved = [f"{m.value} {d[m.value]:+.1f}" for m in ALL_MODES if abs(d[m.value]) > 1e-9]
        recoded = []
        for reform_id, changes in self.codings.items():
            kit = self.kit_coding(reform_id)
            title = self._by_id.loc[reform_id, "title"]
            recoded.append(f"{_e(title)}: " + ", ".join(
                f"{name} {kit[name]:+d} \u2192 {v:+d}" for name, v in changes.items()))

        def fmt(p: Profile) -> str:
            return ", ".join(f"{m.initial} {v:.2f}" for m, v in zip(ALL_MODES, p.strengths, strict=True))

        same = self.your_configuration == self.kit_configuration
        return (
            f"<p><b>Your coding in {year}: {_e(self.your_configuration.name)}</b> ({fmt(self.your_profile)})"
            f"<br>Kit's coding in {year}: {_e(self.kit_configuration.name)} ({fmt(self.kit_profile)})"
            f"<br>{'Same configuration.' if same else '<b>A different configuration.</b>'} "
            f"Pressure in {year} ({fade}), yours minus the kit's: "
            f"{', '.join(moved) if moved else 'no difference'}.</p>"
            f"<p>Your recodings ({len(recoded)}): {'; '.join(recoded) if recoded else 'none yet'}.</p>"
            f"<p style='line-height:1.35'><small>{_e(self.your_configuration.diagnosis)}</small></p>"
            + _details(self.description)
        )

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


# ----- code the reforms yourself, for the class pool ----------------------------------------------


class CodingForm:
    """Code a set of reforms from scratch and save a coding file for the class (a new file per save).

    The kit's coding is not shown, so that it does not anchor yours. Every reform starts *not
    coded*; moving any of its sliders codes it (all four pushes as the sliders show them).
    Saving writes a new ``coding-....csv`` with :func:`coordkit.codings.write_coding` and prints
    where; nothing is ever overwritten. No name is asked for or saved.

    Parameters
    ----------
    reforms : pandas.DataFrame, optional
        Default :func:`coordkit.history.load_reforms`.
    reform_ids : sequence of str, default :data:`coordkit.codings.CODING_SET`
    directory : str or Path, optional
        Where files are saved (default the current folder).

    Attributes
    ----------
    reform : Dropdown
    sliders : dict of str to IntSlider
        One per mode, -2 to +2.
    save : Button
    codings : dict
        Reform id to ``{mode: push}``, for the reforms coded so far.
    saved : list of Path
        The files written, in order.
    status, about : ipywidgets.HTML
        The result of the last action (an ARIA live region) and the chosen reform's description.
    widget : ipywidgets.VBox

    Examples
    --------
    >>> import tempfile
    >>> form = CodingForm(directory=tempfile.mkdtemp())
    >>> form.sliders["solidarity"].value = 2
    >>> path = form.save_coding()
    saved ...coding-...csv
    >>> path.name.startswith("coding-"), form.codings[form.reform.value]["solidarity"]
    (True, 2)
    """

    def __init__(self, reforms: pd.DataFrame | None = None, reform_ids: Sequence[str] | None = None,
                 *, directory: Any = None) -> None:
        from coordkit import codings

        self._codings_module = codings
        self.reforms = _plain(history.load_reforms() if reforms is None else reforms)
        self.reform_ids = list(codings.CODING_SET if reform_ids is None else reform_ids)
        self._by_id = self.reforms.set_index("id")
        self.directory = directory
        self.codings: dict[str, dict[str, int]] = {}
        self.saved: list[Any] = []
        by_id = self._by_id
        options = [(f"{history.date_label(by_id.loc[r, 'date'], by_id.loc[r, 'date_precision'])}: "
                    f"{by_id.loc[r, 'title']}", r) for r in self.reform_ids]
        self.reform = w.Dropdown(options=options, value=self.reform_ids[0], description="Reform",
                                 tooltip="The reform to code", style=_WIDE,
                                 layout=w.Layout(width="100%", max_width="640px"))
        self.sliders = {
            m.value: w.IntSlider(value=0, min=history.MIN_PUSH, max=history.MAX_PUSH, step=1,
                                 description=m.label, tooltip=f"{m.label}: {_MODE_HELP[m]}", style=_WIDE,
                                 continuous_update=False, layout=w.Layout(width="100%", max_width="420px"))
            for m in ALL_MODES
        }
        self.save = w.Button(description="Save my coding", tooltip="Write a new coding file to hand in",
                             icon="save")
        self.about = w.HTML()
        self.status = w.HTML(layout=w.Layout(min_height="2em"))
        self.widget = w.VBox([self.reform, self.about, *self.sliders.values(), self.save, self.status],
                             layout=w.Layout(width="100%", max_width="680px"))
        self._holding = False
        for slider in self.sliders.values():
            slider.observe(self._on_push, names="value")
        self.reform.observe(self._on_reform, names="value")
        self.save.on_click(lambda _: self.save_coding())
        self._on_reform()

    def _show(self, text: str) -> None:
        self.status.value = f"<p role='status' aria-live='polite'>{text}</p>"

    def _progress(self) -> str:
        return f"You have coded {len(self.codings)} of {len(self.reform_ids)} reforms."

    def _on_reform(self, change: Any = None) -> None:
        reform_id = self.reform.value
        row = self._by_id.loc[reform_id]
        self.about.value = f"<p>{_e(row['description'])}</p>"
        self._holding = True
        try:
            for name, slider in self.sliders.items():
                slider.value = self.codings.get(reform_id, {}).get(name, 0)
        finally:
            self._holding = False
        state = "coded" if reform_id in self.codings else "not coded yet (move a slider to code it)"
        self._show(f"This reform is {state}. {self._progress()}")

    def _on_push(self, change: Any = None) -> None:
        if self._holding:
            return
        self.codings[self.reform.value] = {name: int(s.value) for name, s in self.sliders.items()}
        self._show(f"Coded. {self._progress()}")

    def save_coding(self) -> Any:
        """Write the coding so far to a new file; returns its path (``None`` if nothing is coded)."""
        if not self.codings:
            self._show("Code at least one reform first: move a slider.")
            return None
        try:
            path = self._codings_module.write_coding(self.codings, self.directory)
        except OSError as error:
            self._show(f"Could not save here ({_e(error.strerror or error)}); run the notebook from a "
                       "folder you can write to.")
            return None
        self.saved.append(path)
        print(f"saved {path}")
        self._show(f"Saved {len(self.codings)} reforms to <code>{_e(path)}</code> (a new file each time: "
                   "hand in the latest).")
        return path

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)
