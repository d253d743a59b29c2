"""The dynamics explorer: live sliders for the mean-field model's levers, redrawn on every move.

A slider per lever (ranges, defaults and meanings from
:data:`~coordkit.models.dynamics.LEVER_SPECS`), plus the length of the run, the starting profile
and a seed for the shocks. Every move runs :func:`~coordkit.models.dynamics.simulate` and redraws
:func:`~coordkit.plots.dynamics.dynamics_figure` in place (trajectories, outcome against its
ceiling, balance, end state), with the default levers dashed behind for comparison.

Examples
--------
>>> explorer = DynamicsExplorer()
>>> explorer.configuration
'balanced'
>>> explorer.sliders["support_hierarchy"].value = 1.0
>>> explorer.configuration
'hierarchy monoculture'
"""

from __future__ import annotations

import html
import time
from typing import Any

import ipywidgets as w
from matplotlib.figure import Figure

from coordkit.archetypes import ARCHETYPES
from coordkit.models.dynamics import LEVER_SPECS, Levers, Trajectory, simulate
from coordkit.plots.dynamics import (
    describe_dynamics_figure,
    dynamics_figure,
    update_dynamics_figure,
)
from coordkit.plots.output import FastPNG
from coordkit.profile import Profile
from coordkit.widgets.common import silenced

__all__ = ["LEVER_GROUPS", "START_OPTIONS", "DynamicsExplorer"]

#: How the sliders are grouped on screen, with a heading for each group.
LEVER_GROUPS: dict[str, tuple[str, ...]] = {
    "Policy support for each mode": ("support_hierarchy", "support_solidarity",
                                     "support_individualism"),
    "Share of new growth that arrives malign": ("malign_bias_hierarchy", "malign_bias_solidarity",
                                                "malign_bias_individualism"),
    "Mechanisms": ("reverse_effect", "critique", "rivalry", "renewal"),
    "Demand, capacity and shocks": ("demand", "capacity", "noise"),
    "Surprise, critics and fatalism": ("surprise", "surprise_delay", "responsiveness",
                                       "benign_fatalism"),
}

#: Starting profiles on offer: the model's default start and the kit's archetypes.
START_OPTIONS: dict[str, Profile | None] = {
    "the model's default (even, benign)": None,
    **ARCHETYPES,
}

_BASELINE_LABEL = "default levers"


class DynamicsExplorer:
    """Sliders for the mean-field model's levers; live trajectories, outcome, balance and diagnosis.

    Parameters
    ----------
    levers : Levers, optional
        Where the sliders start (default :class:`~coordkit.models.dynamics.Levers` ``()``).
    start : str, default "the model's default (even, benign)"
        Starting profile, a key of :data:`START_OPTIONS`.
    years : int, default 20
        Length of each run (5 to 60, in fives).
    compare : bool, default True
        Draw the run with default levers (same start and length) dashed behind.
    continuous_update : bool, default False
        Update while a slider is dragged (smooth on a local machine, heavier on a hub).

    Attributes
    ----------
    sliders : dict of str to FloatSlider
        One slider per lever, keyed by lever name.
    years, seed : IntSlider
        Length of the run and seed of the shocks (used when noise > 0).
    start : Dropdown
        Starting profile.
    compare : Checkbox
        Show the default-lever run dashed.
    reset : Button
        Put every lever back to its default.
    run : Trajectory
        The run from the last update.
    baseline : Trajectory or None
        The default-lever run drawn for comparison (None when ``compare`` is off).
    summary_values : dict
        :meth:`Trajectory.summary` of :attr:`run`.
    configuration : str
        Name of the end configuration.
    description : str
        Text description of the figure.
    image : ipywidgets.Image
        The figure as PNG.
    summary : ipywidgets.HTML
        The verdict in words, with the description.
    last_update_seconds : float
        How long the last update took (compute and redraw).
    widget : ipywidgets.VBox
        The whole explorer, for ``display``.
    """

    def __init__(
        self,
        levers: Levers | None = None,
        *,
        start: str = "the model's default (even, benign)",
        years: int = 20,
        compare: bool = True,
        continuous_update: bool = False,
    ) -> None:
        levers = Levers() if levers is None else levers
        if start not in START_OPTIONS:
            raise ValueError(f"start must be one of {', '.join(START_OPTIONS)}, got {start!r}")
        style = {"description_width": "105px"}
        self.sliders: dict[str, w.FloatSlider] = {}
        for name, spec in LEVER_SPECS.items():
            self.sliders[name] = w.FloatSlider(
                value=getattr(levers, name), min=spec.low, max=spec.high,
                step=spec.step, description=spec.label,
                tooltip=f"{spec.help} ({spec.low:g} to {spec.high:g}, default {spec.default:g})",
                readout_format=".2f", continuous_update=continuous_update, style=style,
                layout=w.Layout(width="330px"),
            )
        self.years = w.IntSlider(value=years, min=5, max=150, step=5, description="Years",
                                 tooltip="length of the run in years",
                                 continuous_update=continuous_update, style=style,
                                 layout=w.Layout(width="330px"))
        self.seed = w.IntSlider(value=0, min=0, max=50, description="Seed",
                                tooltip="seed of the random shocks (only matters when noise > 0)",
                                continuous_update=continuous_update, style=style,
                                layout=w.Layout(width="330px"))
        self.start = w.Dropdown(options=list(START_OPTIONS), value=start,
                                description="Start from", tooltip="the profile at year 0",
                                style=style, layout=w.Layout(width="440px"))
        self.compare = w.Checkbox(value=compare, description="Show the default levers (dashed)",
                                  tooltip="draw the run with default levers behind this one",
                                  indent=False)
        self.reset = w.Button(description="Reset levers", icon="undo",
                              tooltip="put every lever back to its default")
        self.reset.on_click(lambda _: self.set_levers(Levers()))
        self.summary = w.HTML()
        self.image = w.Image(format="png", layout=w.Layout(width="100%", max_width="900px"))

        columns = []
        for heading, names in LEVER_GROUPS.items():
            columns.append(w.VBox([w.HTML(f"<b>{heading}</b>"), *(self.sliders[n] for n in names)]))
        run_box = w.VBox([w.HTML("<b>The run</b>"), self.years, self.seed])
        self.widget = w.VBox([
            w.HBox([columns[0], columns[1]]),
            w.HBox([columns[2], columns[4]]),
            w.HBox([columns[3], run_box]),
            w.HBox([self.start, self.compare, self.reset]),
            self.summary,
            self.image,
        ])
        self._figure: Figure | None = None
        self._renderer: FastPNG | None = None
        self._renderer_key: tuple | None = None
        self._figure_has_baseline = False
        self._baseline_key: tuple | None = None
        self.baseline: Trajectory | None = None
        for control in self._controls():
            control.observe(self.update, names="value")
        self.update()

    def _controls(self) -> list[w.ValueWidget]:
        return [*self.sliders.values(), self.years, self.seed, self.start, self.compare]

    @property
    def levers(self) -> Levers:
        """The levers the sliders currently show."""
        return Levers(**{name: s.value for name, s in self.sliders.items()})

    @property
    def initial(self) -> Profile | None:
        """The starting profile chosen (None: the model's default)."""
        return START_OPTIONS[self.start.value]

    def set_levers(self, levers: Levers) -> None:
        """Move every lever slider to ``levers`` and update once.

        Parameters
        ----------
        levers : Levers
        """
        with self._held():
            for name, value in levers.to_dict().items():
                self.sliders[name].value = value
        self.update()

    def _held(self) -> Any:
        """Silence the controls while several of them move at once."""
        return silenced(self._controls(), self.update)

    def _baseline(self) -> Trajectory | None:
        if not self.compare.value:
            return None
        key = (self.start.value, self.years.value)
        if key != self._baseline_key or self.baseline is None:
            self.baseline = simulate(Levers(), self.initial, years=self.years.value)
            self._baseline_key = key
        return self.baseline

    def update(self, change: Any = None) -> None:
        """Rerun the model from the current controls and redraw (the controls call this)."""
        started = time.perf_counter()
        self.run: Trajectory = simulate(self.levers, self.initial, years=self.years.value,
                                        seed=self.seed.value)
        baseline = self._baseline()
        if not self.compare.value:
            self.baseline = None
        if self._figure is None or self._figure_has_baseline != (baseline is not None):
            self._figure = dynamics_figure(self.run, baseline=baseline,
                                           baseline_label=_BASELINE_LABEL)
            self._figure_has_baseline = baseline is not None
        else:
            update_dynamics_figure(self._figure, self.run, baseline=baseline,
                                   baseline_label=_BASELINE_LABEL)
        # The cached frame holds the time axis: a new length of run needs a new renderer.
        key = (id(self._figure), self.years.value)
        if self._renderer is None or key != self._renderer_key:
            self._renderer, self._renderer_key = FastPNG(self._figure), key
        self.summary_values = self.run.summary()
        self.configuration = str(self.summary_values["configuration"])
        self.description = describe_dynamics_figure(self.run, baseline=baseline,
                                                    baseline_label=_BASELINE_LABEL)
        self.image.value = self._renderer.png()
        self.summary.value = self._summary_html()
        self.last_update_seconds = time.perf_counter() - started

    def _summary_html(self) -> str:
        s = self.summary_values
        lv = self.run.levers
        squeeze = ""
        if lv.demand > lv.capacity:
            squeeze = (f" <b>Demand exceeds capacity</b>: whatever the other levers, the outcome "
                       f"cannot pass {lv.ceiling:.2f}.")
        settled = "has settled" if self.run.settled() else "is still moving"
        text = html.escape(self.description).replace("\n", "<br>")
        return (
            f"<p><b>{str(s['configuration']).capitalize()} after {self.years.value} years</b> "
            f"&mdash; outcome {s['outcome']:.2f} (ceiling {s['ceiling']:.2f}), balance index "
            f"{s['balance']:.2f}, malign share {s['malign_share']:.2f}, fatalism "
            f"{s['fatalism']:.2f}; the system {settled}.{squeeze}</p>"
            f"<details><summary>Figure description</summary><small>{text}</small></details>"
        )

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)
