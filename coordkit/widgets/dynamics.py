"""The dynamics explorer: live sliders for the mean-field model's parameters, redrawn on every move.

A slider per model parameter (ranges, defaults and meanings from
:data:`~coordkit.models.dynamics.LEVER_SPECS`), plus the length of the run, the starting profile
and a seed for the shocks. Every move runs :func:`~coordkit.models.dynamics.simulate` and redraws
:func:`~coordkit.plots.dynamics.dynamics_figure` in place (trajectories, outcome against its
ceiling, balance, end state), with the default model parameters' run dashed behind for comparison.

Thin: the model and the figure's words come from :mod:`coordkit.models.dynamics` and
:mod:`coordkit.plots.dynamics`; :class:`~coordkit.widgets._base.Explorer` shows them (the
figure as ``<img alt>``, the verdict in a live region, the description folded, named sliders
from the lever specs, pause-while-moving, timing, and the app layout for projecting).

Examples
--------
>>> explorer = DynamicsExplorer()
>>> explorer.configuration
'balanced'
>>> explorer.sliders["support_hierarchy"].value = 1.0
>>> explorer.configuration
'hierarchy monoculture'
>>> explorer.alt
'Figure: After 20 years: hierarchy monoculture, outcome 0.37 (ceiling 1.00), balance 0.38.'
>>> explorer.unnamed()
[]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as w
from matplotlib.figure import Figure

from coordkit.archetypes import ARCHETYPES
from coordkit.html import Markup, escape, render
from coordkit.models.dynamics import LEVER_SPECS, Levers, Trajectory, simulate
from coordkit.params import Param
from coordkit.plots.dynamics import (
    describe_dynamics_figure,
    dynamics_figure,
    update_dynamics_figure,
)
from coordkit.plots.regimes import describe_swings, swings_figure
from coordkit.profile import Profile
from coordkit.widgets._base import CONTROL_LAYOUT, Explorer, slider

__all__ = ["LEVER_GROUPS", "RUN_PARAMS", "START_OPTIONS", "DynamicsExplorer"]

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

#: The run's own controls (not parameters of the model): its length and the seed of the shocks.
RUN_PARAMS: dict[str, Param] = {
    "years": Param("years", "Years", "years", 5, 150, 5, 20, "length of the run", integer=True),
    "seed": Param("seed", "Seed", "", 0, 50, 1, 0,
                  "seed of the random shocks (only matters when noise > 0)", integer=True),
}

_BASELINE_LABEL = "default model parameters"
_COLUMN = {"width": "100%", "max_width": "440px"}


class DynamicsExplorer(Explorer):
    """Sliders for the mean-field model's parameters; live trajectories, outcome, balance and diagnosis.

    Parameters
    ----------
    levers : Levers, optional
        Where the sliders start (default :class:`~coordkit.models.dynamics.Levers` ``()``).
    start : str, default "the model's default (even, benign)"
        Starting profile, a key of :data:`START_OPTIONS`.
    years : int, default 20
        Length of each run (5 to 150, in fives).
    compare : bool, default True
        Draw the run with default levers (same start and length) dashed behind.
    continuous_update : bool, default False
        Update while a slider is dragged (smooth on a local machine, heavier on a hub).
    only : sequence of str, optional
        Show only these levers' sliders (names of
        :data:`~coordkit.models.dynamics.LEVER_SPECS`), with the start and length fixed: a small
        explorer of one or two levers. The other levers stay at ``levers``.
    view : {"dynamics", "swings"}, default "dynamics"
        The figure: the four panels of :func:`~coordkit.plots.dynamics.dynamics_figure`, or
        strength and allegiance over the run (:func:`~coordkit.plots.regimes.swings_figure`, for
        long runs with surprise on; its default title, so a notebook's static copy drawn with
        ``swings_figure(run)`` is the explorer's starting state). ``compare`` is ignored there.
    layout, presenter
        As in :class:`~coordkit.widgets._base.Explorer` (``layout="app"`` for projecting).

    Attributes
    ----------
    sliders : dict of str to FloatSlider
        One slider per lever, keyed by lever name (specs in
        :data:`~coordkit.models.dynamics.LEVER_SPECS`).
    years, seed : IntSlider
        Length of the run and seed of the shocks (used when noise > 0); specs in
        :data:`RUN_PARAMS`.
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
    summary : ipywidgets.HTML
        The verdict in words (the base's live region :attr:`result`).

    The figure (:attr:`image`, :attr:`png`, :attr:`alt`), its description (:attr:`description`,
    folded in :attr:`details`), :attr:`last_update_seconds` and :attr:`widget` are as in
    :class:`~coordkit.widgets._base.Explorer`.
    """

    def __init__(
        self,
        levers: Levers | None = None,
        *,
        start: str = "the model's default (even, benign)",
        years: int = 20,
        compare: bool = True,
        continuous_update: bool = False,
        only: Sequence[str] | None = None,
        view: str = "dynamics",
        layout: str = "notebook",
        presenter: bool = False,
    ) -> None:
        levers = Levers() if levers is None else levers
        if view not in ("dynamics", "swings"):
            raise ValueError(f"view must be 'dynamics' or 'swings', got {view!r}")
        self.view = view
        if start not in START_OPTIONS:
            raise ValueError(f"start must be one of {', '.join(START_OPTIONS)}, got {start!r}")
        shown = tuple(LEVER_SPECS) if only is None else tuple(only)
        unknown = [name for name in shown if name not in LEVER_SPECS]
        if unknown or not shown:
            raise ValueError(f"only must name levers among {', '.join(LEVER_SPECS)}, "
                             f"got {list(shown)!r}")
        super().__init__(layout=layout, presenter=presenter)
        self.sliders: dict[str, w.FloatSlider] = {
            name: slider(spec, value=getattr(levers, name), continuous_update=continuous_update)
            for name, spec in LEVER_SPECS.items()
        }
        self.years = slider(RUN_PARAMS["years"], value=years, continuous_update=continuous_update)
        self.seed = slider(RUN_PARAMS["seed"], continuous_update=continuous_update)
        self.start = w.Dropdown(options=list(START_OPTIONS), value=start,
                                description="Start from", tooltip="the profile at year 0",
                                style={"description_width": "9em"},
                                layout=w.Layout(**CONTROL_LAYOUT))
        self.compare = w.Checkbox(value=compare, description="Show the default run (dashed)",
                                  tooltip="draw the run with default model parameters behind this one",
                                  indent=False, layout=w.Layout(width="auto"))
        self.reset = w.Button(description="Reset parameters", icon="undo",
                              tooltip="put every model parameter back to its default",
                              layout=w.Layout(width="auto"))
        self.reset.on_click(lambda _: self.set_levers(Levers()))
        self.summary = self.live
        self._fig: Figure | None = None
        self._fig_has_baseline = False
        self._baseline_key: tuple[str, int] | None = None
        self.baseline: Trajectory | None = None

        columns = [w.VBox([w.HTML(f"<b>{escape(heading)}</b>"), *(self.sliders[n] for n in names)],
                          layout=w.Layout(**_COLUMN))
                   for heading, names in LEVER_GROUPS.items()]
        run_box = w.VBox([w.HTML("<b>The run</b>"), self.years, self.seed],
                         layout=w.Layout(**_COLUMN))
        self.watch(*self.sliders.values(), self.years, self.seed, self.start, self.compare)
        if only is not None:  # a small explorer: the chosen sliders and the comparison only
            self.assemble([self.sliders[name] for name in shown], [self.compare])
            self.update()
            return
        self.assemble([columns[0], columns[1]], [columns[2], columns[4]], [columns[3], run_box],
                      [self.start, self.compare, self.reset])
        self.update()

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
        with self.held():
            for name, value in levers.to_dict().items():
                self.sliders[name].value = value
        self.update()

    def _baseline(self) -> Trajectory | None:
        """The default-lever run for the current start and length (kept until they change)."""
        if not self.compare.value:
            self.baseline = None
            return None
        key = (self.start.value, self.years.value)
        if key != self._baseline_key or self.baseline is None:
            self.baseline = simulate(Levers(), self.initial, years=self.years.value)
            self._baseline_key = key
        return self.baseline

    def update(self, change: Any = None) -> None:
        """Rerun the model from the current controls and redraw (the controls call this)."""
        with self.timed():
            self.run: Trajectory = simulate(self.levers, self.initial, years=self.years.value,
                                            seed=self.seed.value)
            self.summary_values = self.run.summary()
            self.configuration = str(self.summary_values["configuration"])
            if self.view == "swings":  # a new figure each time: no baseline, no fast redraw
                self.baseline = None
                self.show_figure(swings_figure(self.run), describe_swings(self.run), fast=False)
                self.set_result(self._verdict())
                return
            baseline = self._baseline()
            has_baseline = baseline is not None
            if self._fig is None or self._fig_has_baseline != has_baseline:
                self._fig = dynamics_figure(self.run, baseline=baseline,
                                            baseline_label=_BASELINE_LABEL)
                self._fig_has_baseline = has_baseline
            else:
                update_dynamics_figure(self._fig, self.run, baseline=baseline,
                                       baseline_label=_BASELINE_LABEL)
            description = describe_dynamics_figure(self.run, baseline=baseline,
                                                   baseline_label=_BASELINE_LABEL)
            # the cached frame holds the time axis: a new length of run redraws it in full
            self.show_figure(self._fig, description, key=(has_baseline, self.years.value))
            self.set_result(self._verdict())

    def _verdict(self) -> Markup:
        s = self.summary_values
        lv = self.run.levers
        return Markup(render(
            "explorer_results.html.j2", part="dynamics", configuration=str(s["configuration"]).capitalize(),
            years=self.years.value, outcome=f"{s['outcome']:.2f}", ceiling=f"{s['ceiling']:.2f}",
            balance=f"{s['balance']:.2f}", malign=f"{s['malign_share']:.2f}", fatalism=f"{s['fatalism']:.2f}",
            settled="has settled" if self.run.settled() else "is still moving",
            squeeze=f"{lv.ceiling:.2f}" if lv.demand > lv.capacity else ""))
