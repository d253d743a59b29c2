"""Scenario widgets: explore a reform preset, compare two, and see the demand-capacity ceiling.

All three are thin: :mod:`coordkit.scenarios` runs and compares, :mod:`coordkit.plots.dynamics`
and :mod:`coordkit.plots.scenarios` draw. They also run as a clean app under Voila
(``voila notebooks/04_nhs_reform_scenarios.ipynb``), for projecting in class.

Examples
--------
>>> explorer = ScenarioExplorer("hsca_2012")
>>> explorer.sliders["competition"].value = 2
>>> explorer.result.levers.competition
2.0
>>> explorer.baseline.name
'Health and Social Care Act 2012: competition (2012-2014)'
"""

from __future__ import annotations

import html
import time
from typing import Any

import ipywidgets as w

from coordkit.plots.dynamics import dynamics_figure, update_dynamics_figure
from coordkit.plots.output import FastPNG, to_png
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
from coordkit.widgets.common import silenced

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

_STYLE = {"description_width": "250px"}


def _lever_slider(name: str, value: float, continuous_update: bool) -> w.FloatSlider:
    spec = LEVERS[name]
    return w.FloatSlider(
        value=value, min=spec.low, max=spec.high, step=spec.step, description=spec.label,
        tooltip=f"{spec.label} ({spec.unit}): {spec.rationale}", readout_format=".1f",
        continuous_update=continuous_update, style=_STYLE, layout=w.Layout(width="560px"),
    )


def _preset_options() -> list[tuple[str, str]]:
    return [(s.name, s.id) for s in load_presets().values()]


def _result_line(result: ScenarioResult) -> str:
    s = result.summary()
    return (f"<b>{html.escape(s['configuration'].capitalize())}</b> &mdash; balance "
            f"{s['balance']:.2f}, outcome {s['outcome']:.2f} (ceiling {s['ceiling']:.2f}), "
            f"fatalism {s['fatalism']:.2f}")


class ScenarioExplorer:
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

    Attributes
    ----------
    preset : ipywidgets.Dropdown
    sliders : dict of str to FloatSlider
        One per policy lever (see :data:`coordkit.scenarios.LEVERS`).
    result, baseline : ScenarioResult
        Your version and the preset as coded, from the last update.
    differences : pandas.DataFrame
        Which levers made the difference (from :func:`coordkit.scenarios.compare`).
    description : str
        Text description of the figure.
    summary : ipywidgets.HTML
    image : ipywidgets.Image
    widget : ipywidgets.VBox
    """

    def __init__(self, preset_id: str = "rumoured_2022", *, years: float = 10.0,
                 continuous_update: bool = False) -> None:
        self.years = years
        self.presets = load_presets()
        if preset_id not in self.presets:
            raise KeyError(f"no preset {preset_id!r}; presets are: {', '.join(self.presets)}")
        start = self.presets[preset_id].levers
        self.preset = w.Dropdown(options=_preset_options(), value=preset_id, description="Preset",
                                 style={"description_width": "60px"},
                                 layout=w.Layout(width="620px"))
        self.sliders = {name: _lever_slider(name, getattr(start, name), continuous_update)
                        for name in LEVERS}
        self.summary = w.HTML()
        self.image = w.Image(format="png", layout=w.Layout(width="100%", max_width="1000px"))
        self._baselines: dict[str, ScenarioResult] = {}
        baseline = self._baseline(preset_id)
        self._figure = dynamics_figure(baseline.trajectory, baseline=baseline.trajectory,
                                       baseline_label="preset as coded")
        self._renderer = FastPNG(self._figure)
        self.widget = w.VBox([self.preset, w.VBox(list(self.sliders.values())), self.summary,
                              self.image])
        self.preset.observe(self._on_preset, names="value")
        for slider in self.sliders.values():
            slider.observe(self.update, names="value")
        self.update()

    def _baseline(self, preset_id: str) -> ScenarioResult:
        if preset_id not in self._baselines:
            self._baselines[preset_id] = run(self.presets[preset_id], years=self.years)
        return self._baselines[preset_id]

    @property
    def levers(self) -> PolicyLevers:
        """The levers the sliders show."""
        return PolicyLevers(**{name: s.value for name, s in self.sliders.items()})

    def _held(self) -> Any:
        """Silence the controls while several of them move at once."""
        return silenced(self.sliders.values(), self.update)

    def _on_preset(self, change: Any) -> None:
        with self._held():
            for name, value in self.presets[change["new"]].levers.to_dict().items():
                self.sliders[name].value = value
        self.update()

    def update(self, change: Any = None) -> None:
        """Run your version and the preset, redraw, and say which levers made the difference."""
        started = time.perf_counter()
        scenario = self.presets[self.preset.value]
        self.baseline = self._baseline(self.preset.value)
        self.result = run(self.levers, initial=scenario.initial, years=self.years,
                          name="your version")
        _, self.differences = compare({"preset": scenario, "yours": self.levers},
                                      years=self.years)
        update_dynamics_figure(self._figure, self.result.trajectory,
                               baseline=self.baseline.trajectory, baseline_label="preset as coded")
        self.description = (
            f"Solid lines: your version; dashed: {self.baseline.name} as coded. "
            + self._figure.get_suptitle() + ". " + describe_lever_effects(self.differences, top=3)
        )
        self.summary.value = (
            f"<p>Your version: {_result_line(self.result)}<br>"
            f"Preset as coded: {_result_line(self.baseline)}</p>"
            f"<p><small><i>Why the preset is coded this way (a judgement):</i> "
            f"{html.escape(scenario.rationale)}</small></p>"
            f"<p><small><i>Figure description:</i> {html.escape(self.description)}</small></p>"
        )
        self.image.value = self._renderer.png()
        self.last_update_seconds = time.perf_counter() - started

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


class ComparisonExplorer:
    """Two presets side by side: results, trajectories and the levers that made the difference.

    Both run from the reference's period profile, so that only the levers differ.

    Parameters
    ----------
    first, second : str
        Preset ids; the first is the reference (dashed).
    years : float, default 10

    Attributes
    ----------
    first, second : ipywidgets.Dropdown
    results, differences : pandas.DataFrame
        From :func:`coordkit.scenarios.compare`.
    description : str
    table : ipywidgets.HTML
    image, effects_image : ipywidgets.Image
    widget : ipywidgets.VBox
    """

    def __init__(self, first: str = "hsca_2012", second: str = "hewitt_2023", *,
                 years: float = 10.0) -> None:
        self.years = years
        options = _preset_options()
        self.first = w.Dropdown(options=options, value=first, description="Reference",
                                style={"description_width": "80px"}, layout=w.Layout(width="620px"))
        self.second = w.Dropdown(options=options, value=second, description="Compare with",
                                 style={"description_width": "80px"},
                                 layout=w.Layout(width="620px"))
        self.table = w.HTML()
        self.image = w.Image(format="png", layout=w.Layout(width="100%", max_width="1000px"))
        self.effects_image = w.Image(format="png", layout=w.Layout(width="100%", max_width="640px"))
        presets = load_presets()
        self._presets = presets
        self._effects_png: dict[tuple[str, str], bytes] = {}
        start = presets[first].initial
        a = run(presets[first], years=years)
        b = run(presets[second], initial=start, years=years)
        self._figure = dynamics_figure(b.trajectory, baseline=a.trajectory, baseline_label="reference")
        self._renderer = FastPNG(self._figure)
        self.widget = w.VBox([self.first, self.second, self.table, self.image, self.effects_image])
        self.first.observe(self.update, names="value")
        self.second.observe(self.update, names="value")
        self.update()

    def update(self, change: Any = None) -> None:
        """Compare the two chosen presets and redraw."""
        started = time.perf_counter()
        a, b = self._presets[self.first.value], self._presets[self.second.value]
        second_name = b.name if b.id != a.id else f"{b.name} (same preset)"
        self.results, self.differences = compare({a.name: a, second_name: b}, years=self.years)
        ra, rb = run(a, years=self.years), run(b, initial=a.initial, years=self.years)
        update_dynamics_figure(self._figure, rb.trajectory, baseline=ra.trajectory,
                               baseline_label="reference")
        self.image.value = self._renderer.png()
        key = (a.id, b.id)
        if key not in self._effects_png:  # presets never change: draw each pair once
            self._effects_png[key] = to_png(lever_effects_figure(self.differences), compress_level=1)
        self.effects_image.value = self._effects_png[key]
        shown = self.results[["configuration", "balance", "outcome", "ceiling", "fatalism"]].copy()
        for col in ("balance", "outcome", "ceiling", "fatalism"):
            shown[col] = shown[col].astype(float).round(2)
        self.description = (
            f"Solid: {b.name}; dashed: {a.name} (reference); both start from "
            f"{a.start_profile!r}. "
            + "; ".join(f"{name}: {row['configuration']}, balance {row['balance']:.2f}, outcome "
                        f"{row['outcome']:.2f}" for name, row in shown.iterrows())
            + ". " + describe_lever_effects(self.differences, top=3)
        )
        self.table.value = (shown.to_html(border=0, classes="coordkit-table")
                            + f"<p><small><i>Figure description:</i> "
                              f"{html.escape(self.description)}</small></p>")
        self.last_update_seconds = time.perf_counter() - started

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


class CeilingExplorer:
    """Make the demand-capacity ceiling visible: no balance of the modes gets above it.

    Shows the outcome a preset's levers reach at each capacity-to-demand ratio, beside
    :data:`BALANCED_PACKAGE`, with the current funding and demand growth marked.

    Parameters
    ----------
    preset_id : str, default "hewitt_2023"
    years : float, default 10

    Attributes
    ----------
    preset : ipywidgets.Dropdown
    funding, demand : ipywidgets.FloatSlider
    curves : dict of str to DataFrame
    current : (float, float)
        Capacity ratio and outcome of the current setting.
    description : str
    summary : ipywidgets.HTML
    image : ipywidgets.Image
    widget : ipywidgets.VBox
    """

    def __init__(self, preset_id: str = "hewitt_2023", *, years: float = 10.0) -> None:
        self.years = years
        self._presets = load_presets()
        levers = self._presets[preset_id].levers
        self.preset = w.Dropdown(options=_preset_options(), value=preset_id, description="Preset",
                                 style={"description_width": "60px"},
                                 layout=w.Layout(width="620px"))
        self.funding = _lever_slider("funding_growth", levers.funding_growth, False)
        self.demand = _lever_slider("demand_growth", levers.demand_growth, False)
        self.summary = w.HTML()
        self.image = w.Image(format="png", layout=w.Layout(width="100%", max_width="700px"))
        self.widget = w.VBox([self.preset, self.funding, self.demand, self.summary, self.image])
        self._curves: dict[str, Any] = {}
        for control in (self.preset, self.funding, self.demand):
            control.observe(self.update, names="value")
        self.update()

    def _curve(self, key: str, levers: PolicyLevers) -> Any:
        if key not in self._curves:
            self._curves[key] = ceiling_curve(levers, years=self.years)
        return self._curves[key]

    def update(self, change: Any = None) -> None:
        """Recompute the current point (curves are cached) and redraw."""
        started = time.perf_counter()
        scenario = self._presets[self.preset.value]
        levers = scenario.levers.replace(funding_growth=self.funding.value,
                                         demand_growth=self.demand.value)
        self.curves = {
            f"{scenario.name}": self._curve(scenario.id, scenario.levers),
            "a balanced package (illustration)": self._curve("balanced", BALANCED_PACKAGE),
        }
        result = run(levers, years=self.years)
        self.current = (levers.capacity_ratio, float(result.trajectory.outcome[-1]))
        self.image.value = to_png(ceiling_figure(self.curves, self.current), compress_level=1)
        self.description = describe_ceiling(self.curves, self.current)
        ceiling = min(1.0, self.current[0])
        self.summary.value = (
            f"<p>Capacity relative to demand after ten years: <b>{self.current[0]:.2f}</b>, so the "
            f"ceiling is <b>{ceiling:.2f}</b>; this scenario reaches <b>{self.current[1]:.2f}</b> "
            f"({result.configuration.name}).</p>"
            f"<p><small><i>Figure description:</i> "
            f"{html.escape(self.description).replace(chr(10), '<br>')}</small></p>"
        )
        self.last_update_seconds = time.perf_counter() - started

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)
