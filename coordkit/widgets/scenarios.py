"""Scenario widgets: explore a reform preset, compare two, and see the demand-capacity ceiling.

All three are thin: :mod:`coordkit.scenarios` runs and compares, :mod:`coordkit.plots.dynamics`
and :mod:`coordkit.plots.scenarios` draw, and :class:`~coordkit.widgets._base.Explorer` shows
(figures as ``<img alt>``, results in a live region, descriptions folded, named sliders from the
lever specs). They also run as a clean app under Voila (``./kit app``), for projecting in class.

Examples
--------
>>> explorer = ScenarioExplorer("hsca_2012")
>>> explorer.sliders["competition"].value = 2
>>> explorer.result.levers.competition
2.0
>>> explorer.baseline.name
'Health and Social Care Act 2012: competition (2012-2014)'
>>> explorer.unnamed()
[]
"""

from __future__ import annotations

import base64
from typing import Any

import ipywidgets as w
from matplotlib.figure import Figure

from coordkit.html import Markup, render
from coordkit.plots.dynamics import (
    PANELS,
    dynamics_figure,
    dynamics_panel_figure,
    update_dynamics_figure,
)
from coordkit.plots.output import alt_text, to_png
from coordkit.plots.scenarios import (
    ceiling_figure,
    describe_ceiling,
    describe_lever_effects,
    lever_effects_figure,
)
from coordkit.scenarios import (
    LEVERS,
    PolicyLevers,
    ScenarioResult,
    ceiling_curve,
    compare,
    load_presets,
    run,
)
from coordkit.widgets._base import CONTROL_LAYOUT, Explorer, slider_row

__all__ = ["BALANCED_PACKAGE", "CeilingExplorer", "ComparisonExplorer", "ScenarioExplorer"]

#: An illustrative package that articulates all three modes benignly (the kit's judgement, used
#: as a reference curve in the ceiling view): few targets, light-touch inspection, devolution,
#: moderate incentives, freedom from blame, professional autonomy, strong intermediate
#: institutions, a collaboration duty.
BALANCED_PACKAGE = PolicyLevers(
    central_targets=10, inspection=4, devolution=7, financial_incentives=4, competition=2,
    psychological_safety=8, professional_autonomy=7, intermediate_institutions=8,
    collaboration_duty=7,
)

_WIDE = {"description_width": "initial"}
#: In the app layout, the levers a class moves most come first (money and demand, then the rest in
#: :data:`coordkit.scenarios.LEVERS` order), so they are on screen without scrolling.
APP_LEVERS_FIRST = ("funding_growth", "demand_growth", "central_targets", "competition")
_LABEL_WIDTH = "12.5em"


def _lever(name: str, value: float, continuous_update: bool) -> tuple[w.FloatSlider, w.Box]:
    """A lever's slider (named from its spec, its rationale as tooltip) and its row with the unit."""
    control, box = slider_row(LEVERS[name], value=value, continuous_update=continuous_update,
                              label_width=_LABEL_WIDTH)
    return control, box


def _preset_dropdown(value: str, description: str = "Preset") -> w.Dropdown:
    return w.Dropdown(options=[(s.name, s.id) for s in load_presets().values()], value=value,
                      description=description, style=_WIDE, layout=w.Layout(**CONTROL_LAYOUT),
                      tooltip="a reform preset, with its levers as the kit coded them")


def _result_line(result: ScenarioResult) -> dict[str, str]:
    """A scenario's result, formatted for ``explorer_results.html.j2``."""
    s = result.summary()
    return {"configuration": s["configuration"].capitalize(),
            **{k: f"{s[k]:.2f}" for k in ("balance", "outcome", "ceiling", "fatalism")}}


class ScenarioExplorer(Explorer):
    """Pick a preset, move its twelve policy levers, and watch the trajectories against the preset.

    The dashed lines are the preset as the kit coded it; the solid lines are your version. Both
    start from the preset's period profile (:attr:`coordkit.scenarios.Scenario.initial`).

    Parameters
    ----------
    preset_id : str, default "rumoured_2022"
        The preset to start from.
    years : float, default 10
        Length of each run.
    continuous_update : bool, default False
    layout, presenter
        As in :class:`~coordkit.widgets._base.Explorer` (``layout="app"`` for projecting).

    Attributes
    ----------
    preset : ipywidgets.Dropdown
    chart : ipywidgets.Dropdown
        In the app layout, which panel of :func:`~coordkit.plots.dynamics.dynamics_figure` is
        shown, alone and large (default the outcome against its ceiling; the others are listed
        in :data:`coordkit.plots.dynamics.PANELS`). The notebook layout shows all four.
    sliders : dict of str to FloatSlider
        One per policy lever (see :data:`coordkit.scenarios.LEVERS`), each shown with its unit.
    more_levers : ipywidgets.ToggleButton or None
        In the app layout, a button "Show 8 more levers" that shows (and hides) the levers after
        :data:`APP_LEVERS_FIRST`, so every lever is one click away at 1280x800 and the button is
        the cue that there are more (``None`` in a notebook; the levers are then all shown).
    more_lever_box : ipywidgets.VBox
        In the app layout, the box of those levers that the button shows and hides.
    result, baseline : ScenarioResult
        Your version and the preset as coded, from the last update.
    differences : pandas.DataFrame
        Which levers made the difference (from :func:`coordkit.scenarios.compare`).
    summary : ipywidgets.HTML
        Both results in words (the base's live region).
    rationale : ipywidgets.HTML
        Why the preset is coded as it is (a judgement), folded.

    The figure, its alt text, description and timing are as in
    :class:`~coordkit.widgets._base.Explorer`.
    """

    #: The two result lines stay in view above the chart at 125 % zoom.
    result_first = True

    def __init__(self, preset_id: str = "rumoured_2022", *, years: float = 10.0,
                 continuous_update: bool = False, layout: str = "notebook",
                 presenter: bool = False) -> None:
        super().__init__(layout=layout, presenter=presenter)
        self.years = years
        self.presets = load_presets()
        if preset_id not in self.presets:
            raise KeyError(f"no preset {preset_id!r}; presets are: {', '.join(self.presets)}")
        start = self.presets[preset_id].levers
        self.preset = _preset_dropdown(preset_id)
        rows = {name: _lever(name, getattr(start, name), continuous_update) for name in LEVERS}
        self.sliders = {name: control for name, (control, _) in rows.items()}
        self.summary = self.live
        self.rationale = w.HTML(layout=w.Layout(width="100%"))
        self._baselines: dict[str, ScenarioResult] = {}
        baseline = self._baseline(preset_id)
        #: In the app layout, the one chart shown large (a projector cannot show four panels).
        self.chart = w.Dropdown(options=[(title, key) for key, title in PANELS.items()],
                                value="outcome", description="Chart", style=_WIDE,
                                layout=w.Layout(**CONTROL_LAYOUT),
                                tooltip="which view of the run to show large")
        self._figures: dict[str, Any] = {}
        self._fig = self._figure_for(baseline)
        self.watch(self.preset, callback=self._on_preset)
        self.watch(self.chart, *self.sliders.values())
        order = [*APP_LEVERS_FIRST, *(n for n in LEVERS if n not in APP_LEVERS_FIRST)] \
            if layout == "app" else list(LEVERS)
        first = (self.preset, self.chart) if layout == "app" else (self.preset,)
        shown: list[w.Widget] = [rows[name][1] for name in order]
        #: In the app, the levers the plans use stay in view; the rest are one click away in a
        #: named fold (an inner scroll box gave no cue that they were there).
        self.more_levers: w.ToggleButton | None = None
        if layout == "app":
            rest = order[len(APP_LEVERS_FIRST):]
            folded = w.VBox([rows[name][1] for name in rest], layout=w.Layout(display="none"))
            self.more_levers = w.ToggleButton(
                value=False, description=f"Show {len(rest)} more levers", icon="chevron-down",
                tooltip=", ".join(LEVERS[name].label for name in rest), layout=w.Layout(width="auto"))

            def _fold(change: dict[str, Any]) -> None:
                folded.layout.display = "" if change["new"] else "none"
                assert self.more_levers is not None
                self.more_levers.description = (f"Hide the {len(rest)} more levers" if change["new"]
                                                else f"Show {len(rest)} more levers")
                self.more_levers.icon = "chevron-up" if change["new"] else "chevron-down"

            self.more_levers.observe(_fold, names="value")
            self.more_lever_box = folded
            shown = [*shown[:len(APP_LEVERS_FIRST)], self.more_levers, folded]
        self.assemble(*first, w.HTML("<b>Policy levers</b>"), *shown, self.rationale)
        self.update()

    def _figure_for(self, baseline: ScenarioResult) -> Any:
        """The figure to move: all four panels in a notebook, the chosen one alone in the app.

        The app's charts are all made, fitted and rendered once, on the first call: fitting a
        chart to the app's box takes ~0.4 s, too slow for the first pick in the "Chart" list.
        """
        key = self.chart.value if self.layout == "app" else "all"
        if key not in self._figures:
            run = baseline.trajectory
            for other in PANELS if key != "all" else ("all",):
                if other not in self._figures:
                    self._figures[other] = (
                        dynamics_panel_figure(run, other, baseline=run, baseline_label="preset as coded")
                        if other != "all" else
                        dynamics_figure(run, baseline=run, baseline_label="preset as coded"))
                    if other != key:
                        self.prepare_figure(self._figures[other])
        return self._figures[key]

    def _baseline(self, preset_id: str) -> ScenarioResult:
        if preset_id not in self._baselines:
            self._baselines[preset_id] = run(self.presets[preset_id], years=self.years)
        return self._baselines[preset_id]

    @property
    def levers(self) -> PolicyLevers:
        """The levers the sliders show."""
        return PolicyLevers(**{name: s.value for name, s in self.sliders.items()})

    def _on_preset(self, change: Any) -> None:
        with self.held():
            for name, value in self.presets[change["new"]].levers.to_dict().items():
                self.sliders[name].value = value
        self.update()

    def update(self, change: Any = None) -> None:
        """Run your version and the preset, redraw, and say which levers made the difference."""
        with self.timed():
            scenario = self.presets[self.preset.value]
            self.baseline = self._baseline(self.preset.value)
            self.result = run(self.levers, initial=scenario.initial, years=self.years,
                              name="your version")
            _, self.differences = compare({"preset": scenario, "yours": self.levers},
                                          years=self.years)
            self._fig = self._figure_for(self.baseline)
            update_dynamics_figure(self._fig, self.result.trajectory,
                                   baseline=self.baseline.trajectory,
                                   baseline_label="preset as coded")
            description = (
                f"Solid lines: your version; dashed: {self.baseline.name} as coded. "
                + self._fig.get_suptitle() + ". " + describe_lever_effects(self.differences, top=3)
            )
            self.show_figure(self._fig, description)
            self.set_result(Markup(render("explorer_results.html.j2", part="scenario",
                                          yours=_result_line(self.result),
                                          preset=_result_line(self.baseline))))
            self.rationale.value = render(
                "description.html.j2", description=scenario.rationale,
                summary="Why the preset is coded this way (the kit's judgement)")


class ComparisonExplorer(Explorer):
    """Two presets side by side: results, trajectories and the levers that made the difference.

    Both run from the reference's period profile, so that only the levers differ.

    Parameters
    ----------
    first, second : str
        Preset ids; the first is the reference (dashed).
    years : float, default 10
    layout, presenter
        As in :class:`~coordkit.widgets._base.Explorer`.

    Attributes
    ----------
    first, second : ipywidgets.Dropdown
    results, differences : pandas.DataFrame
        From :func:`coordkit.scenarios.compare`.
    table : ipywidgets.HTML
        The results, rounded to two decimals (the base's live region).
    effects_image : ipywidgets.HTML
        Which levers made the difference, as ``<img alt>``; its PNG is :attr:`effects_png`.
    """

    def __init__(self, first: str = "hsca_2012", second: str = "hewitt_2023", *,
                 years: float = 10.0, layout: str = "notebook", presenter: bool = False) -> None:
        super().__init__(layout=layout, presenter=presenter)
        self.years = years
        self.first = _preset_dropdown(first, "Reference")
        self.second = _preset_dropdown(second, "Compare with")
        self.table = self.live
        self.effects_image = w.HTML(layout=w.Layout(width="100%"))
        self.effects_png = b""
        self._presets = load_presets()
        self._effects: dict[tuple[str, str], tuple[bytes, str]] = {}
        a, b = self._presets[first], self._presets[second]
        self._fig = dynamics_figure(run(b, initial=a.initial, years=years).trajectory,
                                    baseline=run(a, years=years).trajectory,
                                    baseline_label="reference")
        self.watch(self.first, self.second)
        self.assemble([self.first, self.second])
        self.widget.children = (*self.widget.children, self.effects_image)
        self.update()

    def update(self, change: Any = None) -> None:
        """Compare the two chosen presets and redraw."""
        with self.timed():
            a, b = self._presets[self.first.value], self._presets[self.second.value]
            second_name = b.name if b.id != a.id else f"{b.name} (same preset)"
            self.results, self.differences = compare({a.name: a, second_name: b},
                                                     years=self.years)
            ra, rb = run(a, years=self.years), run(b, initial=a.initial, years=self.years)
            update_dynamics_figure(self._fig, rb.trajectory, baseline=ra.trajectory,
                                   baseline_label="reference")
            shown = self.results[["configuration", "balance", "outcome", "ceiling",
                                  "fatalism"]].copy()
            for col in ("balance", "outcome", "ceiling", "fatalism"):
                shown[col] = shown[col].astype(float).round(2)
            effects = describe_lever_effects(self.differences, top=3)
            description = (
                f"Solid: {b.name}; dashed: {a.name} (reference); both start from "
                f"{a.start_profile!r}. "
                + "; ".join(f"{name}: {row['configuration']}, balance {row['balance']:.2f}, "
                            f"outcome {row['outcome']:.2f}" for name, row in shown.iterrows())
                + ". " + effects
            )
            self.show_figure(self._fig, description)
            key = (a.id, b.id)
            if key not in self._effects:  # presets never change: draw each pair once
                self._effects[key] = (to_png(lever_effects_figure(self.differences),
                                             compress_level=1), effects)
            self.effects_png, alt = self._effects[key]
            self.effects_image.value = render(
                "image.html.j2", png=base64.b64encode(self.effects_png).decode("ascii"),
                alt=alt_text(None, alt), max_width="640px")
            self.set_result(Markup(shown.to_html(border=0, classes="coordkit-table")))


class CeilingExplorer(Explorer):
    """Make the demand-capacity ceiling visible: no balance of the modes gets above it.

    Shows the outcome a preset's levers reach at each capacity-to-demand ratio, beside
    :data:`BALANCED_PACKAGE`, with the current funding and demand growth marked.

    Parameters
    ----------
    preset_id : str, default "hewitt_2023"
    years : float, default 10
    layout, presenter
        As in :class:`~coordkit.widgets._base.Explorer`.

    Attributes
    ----------
    preset : ipywidgets.Dropdown
    funding, demand : ipywidgets.FloatSlider
    curves : dict of str to DataFrame
    current : (float, float)
        Capacity ratio and outcome of the current setting.
    summary : ipywidgets.HTML
        The ceiling and the outcome in words (the base's live region).
    """

    image_max_width = "700px"

    def __init__(self, preset_id: str = "hewitt_2023", *, years: float = 10.0,
                 layout: str = "notebook", presenter: bool = False) -> None:
        super().__init__(layout=layout, presenter=presenter)
        self.years = years
        self._presets = load_presets()
        levers = self._presets[preset_id].levers
        self.preset = _preset_dropdown(preset_id)
        self.funding, funding_row = _lever("funding_growth", levers.funding_growth, False)
        self.demand, demand_row = _lever("demand_growth", levers.demand_growth, False)
        self.summary = self.live
        self._curves: dict[str, Any] = {}
        self._fig: Figure | None = None
        self._figure_for: str | None = None
        self.watch(self.preset, self.funding, self.demand)
        self.assemble(self.preset, funding_row, demand_row)
        self.update()

    def _curve(self, key: str, levers: PolicyLevers) -> Any:
        if key not in self._curves:
            self._curves[key] = ceiling_curve(levers, years=self.years)
        return self._curves[key]

    def _ceiling_figure(self, preset_id: str) -> Figure:
        """The figure for the preset's curves, made once per preset; the current point moved in place.

        Funding and demand move only the star ("this scenario"), so only it is redrawn (it is
        the figure's one artist with a gid, which :class:`~coordkit.plots.FastPNG` redraws).
        """
        if self._figure_for != preset_id or self._fig is None:
            self._fig = ceiling_figure(self.curves, self.current)
            self._figure_for = preset_id
            star = next(line for line in self._fig.axes[0].lines if line.get_label() == "this scenario")
            star.set_gid("current")
        star = next(line for line in self._fig.axes[0].lines if line.get_gid() == "current")
        star.set_data([self.current[0]], [self.current[1]])
        return self._fig

    def update(self, change: Any = None) -> None:
        """Recompute the current point (curves are cached) and redraw."""
        with self.timed():
            scenario = self._presets[self.preset.value]
            levers = scenario.levers.replace(funding_growth=self.funding.value,
                                             demand_growth=self.demand.value)
            self.curves = {
                f"{scenario.name}": self._curve(scenario.id, scenario.levers),
                "a balanced package (illustration)": self._curve("balanced", BALANCED_PACKAGE),
            }
            result = run(levers, years=self.years)
            self.current = (levers.capacity_ratio, float(result.trajectory.outcome[-1]))
            self.show_figure(self._ceiling_figure(scenario.id), describe_ceiling(self.curves, self.current),
                             key=scenario.id)
            ceiling = min(1.0, self.current[0])
            self.set_result(Markup(render(
                "explorer_results.html.j2", part="ceiling", ratio=f"{self.current[0]:.2f}",
                ceiling=f"{ceiling:.2f}", outcome=f"{self.current[1]:.2f}",
                configuration=result.configuration.name)))
