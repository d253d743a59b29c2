"""The fractal systems explorer: run the agent-based model, see balance at every level, sweep a lever.

Controls for the sizes of the nested structure (ICSs, providers, teams, staff), every lever of
:class:`~coordkit.models.agents.AgentLevers`, a preset picker (the fractal claim holding, and the
two ways it breaks), the number of steps and a seed. A Run button runs the model with a progress
bar; small models also run as soon as a control changes. Below, a small parameter sweep in the
manner of NetLogo's BehaviorSpace (:func:`coordkit.models.agents.sweep`): one lever over a range,
several seeds, end-of-run evenness at each level. All computation is in
:mod:`coordkit.models.agents`; the explorer only calls it and draws.

Examples
--------
>>> from coordkit.models.agents import Structure
>>> explorer = AgentExplorer(Structure(1, 2, 3, 4), steps=40)
>>> explorer.verdict
'Balanced at every level: here balance carries across the levels.'
>>> explorer.preset.value = "balanced nation of monoculture teams"
>>> explorer.verdict
'A balanced nation built of unbalanced teams: balance does not carry across levels here.'
"""

from __future__ import annotations

import html
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import ipywidgets as w
import numpy as np
from matplotlib.figure import Figure

from coordkit.models import agents
from coordkit.models.agents import PRESETS, AgentLevers, AgentRun, Structure
from coordkit.plots.agents import (
    agent_sweep_figure,
    agents_figure,
    describe_agent_sweep,
    describe_agents_figure,
    figure_fits,
    update_agents_figure,
)
from coordkit.plots.output import FastPNG, to_png

__all__ = ["AUTO_RUN_LIMIT", "CUSTOM", "AgentExplorer"]

#: The preset picker's entry for "no preset: the sliders alone".
CUSTOM = "custom (the sliders alone)"
#: Models up to this many agent-steps run as soon as a control changes (about 0.2 s of compute).
AUTO_RUN_LIMIT = 1_000_000

_LEVER_LABELS = {name: spec.label for name, spec in AgentLevers.specs().items()}
_LEVER_GROUPS = {
    "Levers at each level": ("central_targets", "devolution", "devolution_hierarchy",
                             "incentives", "autonomy", "overload"),
    "How staff respond": ("conformity", "individuality", "reverse_effect", "suppression",
                          "voice", "rate", "noise"),
}
_SIZES = {  # name: (low, high, label, tooltip)
    "ics": (1, 6, "ICSs", "integrated care systems in the nation"),
    "providers": (1, 8, "Providers", "providers in each ICS"),
    "teams": (1, 12, "Teams", "teams in each provider"),
    "staff": (1, 30, "Staff", "staff in each team"),
}


class AgentExplorer:
    """Controls for the fractal agent-based model; a Run button, progress bar and a lever sweep.

    Parameters
    ----------
    structure : Structure, optional
        Starting sizes (default :class:`~coordkit.models.agents.Structure` ``()``: 2,000 staff).
    preset : str, default "fractal balance"
        A key of :data:`~coordkit.models.agents.PRESETS`, or :data:`CUSTOM`.
    steps : int, default 200
        Steps per run (20 to 400, in twenties).
    seed : int, default 0
        0 to 50.
    auto_run : bool, default True
        Run as soon as a control changes, for models up to :data:`AUTO_RUN_LIMIT` agent-steps.

    Attributes
    ----------
    sizes : dict of str to IntSlider
        ``ics``, ``providers``, ``teams``, ``staff``.
    sliders : dict of str to FloatSlider
        One per numeric lever, keyed by lever name.
    preset : Dropdown
        The preset whose levers the sliders start from.
    steps, seed : IntSlider
    auto_run : Checkbox
    run_button : Button
    progress : IntProgress
        Progress of the current run (0 to 100).
    status : HTML
        What the last run did and how long it took (or that a run is pending).
    run : AgentRun
        The last run.
    verdict : str
        :func:`~coordkit.models.agents.fractal_verdict` of the last run.
    configurations : dict of str to list of str
        The configuration of every unit at every level, from the last run.
    description : str
        Text description of the figure.
    summary : HTML
    image : ipywidgets.Image
    last_run_seconds : float
        Run, measure and redraw time of the last run.
    sweep_lever : Dropdown
    sweep_range : FloatRangeSlider
    sweep_points, sweep_seeds : IntSlider
    sweep_button : Button
    sweep_progress : IntProgress
    sweep_values : ndarray
    sweep_balance : ndarray, shape (points, seeds, 4)
    sweep_fatalism : ndarray, shape (points, seeds)
    sweep_description : str
    sweep_summary : HTML
    sweep_image : ipywidgets.Image
    widget : ipywidgets.VBox
    """

    def __init__(
        self,
        structure: Structure | None = None,
        *,
        preset: str = "fractal balance",
        steps: int = 200,
        seed: int = 0,
        auto_run: bool = True,
    ) -> None:
        structure = Structure() if structure is None else structure
        if preset != CUSTOM and preset not in PRESETS:
            raise ValueError(f"preset must be one of {CUSTOM!r}, {', '.join(PRESETS)}; "
                             f"got {preset!r}")
        style = {"description_width": "110px"}
        layout = w.Layout(width="330px")
        self.sizes: dict[str, w.IntSlider] = {
            name: w.IntSlider(value=getattr(structure, name), min=low,
                              max=max(high, getattr(structure, name)), description=label,
                              tooltip=tip, continuous_update=False, style=style, layout=layout)
            for name, (low, high, label, tip) in _SIZES.items()
        }
        specs = AgentLevers.specs()
        self.sliders: dict[str, w.FloatSlider] = {
            name: w.FloatSlider(value=spec.default, min=spec.low, max=spec.high, step=spec.step,
                                description=spec.label,
                                tooltip=f"{spec.help} ({spec.low:g} to {spec.high:g}, default "
                                        f"{spec.default:g})",
                                readout_format=".2f", continuous_update=False, style=style,
                                layout=layout)
            for name, spec in specs.items()
        }
        self.preset = w.Dropdown(options=[CUSTOM, *PRESETS], value=preset,
                                 description="Preset", style=style,
                                 tooltip="start the levers from a preset (some set each unit "
                                         "separately)", layout=w.Layout(width="440px"))
        self.steps = w.IntSlider(value=steps, min=20, max=400, step=20, description="Steps",
                                 tooltip="rounds of influence (think of a step as a month)",
                                 continuous_update=False, style=style, layout=layout)
        self.seed = w.IntSlider(value=seed, min=0, max=50, description="Seed",
                                tooltip="seed for the starting mixes and the shocks",
                                continuous_update=False, style=style, layout=layout)
        self.auto_run = w.Checkbox(value=auto_run, indent=False,
                                   description="Run on every change (small models)",
                                   tooltip=f"run as soon as a control changes, for models up to "
                                           f"{AUTO_RUN_LIMIT:,} agent-steps",
                                   layout=w.Layout(width="auto", margin="0 0 0 20px"))
        self.run_button = w.Button(description="Run", icon="play", button_style="primary",
                                   tooltip="run the model with these settings")
        self.progress = w.IntProgress(value=0, min=0, max=100, description="Progress",
                                      style={"description_width": "70px"})
        self.status = w.HTML()
        self.preset_note = w.HTML()
        self.summary = w.HTML()
        self.image = w.Image(format="png", layout=w.Layout(width="100%", max_width="1000px"))
        self.run_button.on_click(self.update)

        # --- the sweep ---
        self.sweep_lever = w.Dropdown(options=[(_LEVER_LABELS[k], k) for k in specs],
                                      value="autonomy", description="Lever to sweep",
                                      style=style, layout=w.Layout(width="330px"))
        self.sweep_range = w.FloatRangeSlider(value=(0.0, 1.0), min=0.0, max=1.0, step=0.05,
                                              description="From, to", readout_format=".2f",
                                              continuous_update=False, style=style,
                                              layout=layout)
        self.sweep_points = w.IntSlider(value=5, min=2, max=11, description="Settings",
                                        tooltip="how many values of the lever",
                                        continuous_update=False, style=style, layout=layout)
        self.sweep_seeds = w.IntSlider(value=3, min=1, max=5, description="Seeds",
                                       tooltip="runs at each setting, each with its own seed",
                                       continuous_update=False, style=style, layout=layout)
        self.sweep_button = w.Button(description="Run sweep", icon="play",
                                     tooltip="run the model at every setting and seed")
        self.sweep_progress = w.IntProgress(value=0, min=0, max=1, description="Sweep",
                                            style={"description_width": "70px"})
        self.sweep_summary = w.HTML("<p><i>No sweep yet: press Run sweep.</i></p>")
        # hidden until the first sweep, so no empty (broken-looking) image shows before it
        self.sweep_image = w.Image(format="png", layout=w.Layout(width="100%", max_width="700px",
                                                                  display="none"))
        self.sweep_button.on_click(lambda _: self.run_sweep())
        self.sweep_lever.observe(self._lever_range, names="value")

        column = w.Layout(width="350px", margin="0 12px 0 0")
        lever_boxes = [w.VBox([w.HTML(f"<b>{head}</b>"), *(self.sliders[n] for n in names)],
                              layout=column) for head, names in _LEVER_GROUPS.items()]
        size_box = w.VBox([w.HTML("<b>Sizes and the run</b>"), *self.sizes.values(),
                           self.steps, self.seed], layout=column)
        sweep_box = w.VBox([
            w.HTML("<h4>Parameter sweep (like NetLogo's BehaviorSpace)</h4><p>Runs the model "
                   "above at several values of one lever, several seeds each, and plots "
                   "end-of-run evenness at every level.</p>"),
            w.HBox([w.VBox([self.sweep_lever, self.sweep_range]),
                    w.VBox([self.sweep_points, self.sweep_seeds])]),
            w.HBox([self.sweep_button, self.sweep_progress]),
            self.sweep_summary, self.sweep_image,
        ])
        self.widget = w.VBox([
            w.HBox([self.preset, self.auto_run]), self.preset_note,
            w.HBox([size_box, *lever_boxes], layout=w.Layout(flex_flow="row wrap")),  # wrap, never clip
            w.HBox([self.run_button, self.progress, self.status]),
            self.summary, self.image, sweep_box,
        ])
        self._figure: Figure | None = None
        self._renderer: FastPNG | None = None
        self._renderer_key: tuple | None = None
        self.sweep_description = ""
        self._apply_preset()
        for control in self._controls():
            control.observe(self._changed, names="value")
        self.preset.observe(self._preset_changed, names="value")
        self.update()

    # ----- state -----

    def _controls(self) -> list[w.ValueWidget]:
        return [*self.sizes.values(), *self.sliders.values(), self.steps, self.seed]

    @property
    def structure(self) -> Structure:
        """The sizes the sliders show."""
        return Structure(**{name: s.value for name, s in self.sizes.items()})

    def _preset_levers(self, structure: Structure) -> AgentLevers:
        if self.preset.value == CUSTOM:
            return AgentLevers()
        return PRESETS[self.preset.value](structure)

    @property
    def levers(self) -> AgentLevers:
        """The preset's levers (for the current sizes) with every enabled slider's value on top."""
        base = self._preset_levers(self.structure)
        return base.replace(**{name: s.value for name, s in self.sliders.items()
                               if not s.disabled})

    @property
    def agent_steps(self) -> int:
        """Staff x steps of a run with the current controls."""
        return self.structure.n_agents * self.steps.value

    @contextmanager
    def _held(self) -> Iterator[None]:
        controls = self._controls()
        for control in controls:
            control.unobserve(self._changed, names="value")
        try:
            yield
        finally:
            for control in controls:
                control.observe(self._changed, names="value")

    def _apply_preset(self) -> None:
        """Move the sliders to the preset's values; disable those the preset sets unit by unit."""
        base = self._preset_levers(self.structure)
        per_unit = []
        with self._held():
            for name, slider in self.sliders.items():
                value = getattr(base, name)
                if isinstance(value, tuple):
                    slider.value = float(np.median(value))
                    slider.disabled = True
                    per_unit.append(f"{_LEVER_LABELS[name].lower()} ({min(value):g} to "
                                    f"{max(value):g} across units)")
                else:
                    slider.value = value
                    slider.disabled = False
        if base.leanings is not None:
            per_unit.append("each team's own leaning")
        self.preset_note.value = (
            f"<small>Set unit by unit by the preset (slider disabled): {', '.join(per_unit)}."
            "</small>" if per_unit else "")

    def set_preset(self, name: str) -> None:
        """Pick a preset (moves the sliders to its levers) and run once.

        Parameters
        ----------
        name : str
            A key of :data:`~coordkit.models.agents.PRESETS`, or :data:`CUSTOM`.
        """
        self.preset.value = name

    def _preset_changed(self, change: Any = None) -> None:
        self._apply_preset()
        self._changed()

    def _changed(self, change: Any = None) -> None:
        if self.auto_run.value and self.agent_steps <= AUTO_RUN_LIMIT:
            self.update()
        else:
            self.progress.value = 0
            self.status.value = (f"<i>Settings changed ({self.agent_steps:,} agent-steps): press "
                                 "Run.</i>")

    def _lever_range(self, change: Any = None) -> None:
        spec = AgentLevers.specs()[self.sweep_lever.value]
        low, high = spec.low, spec.high
        slider = self.sweep_range
        with slider.hold_trait_notifications():
            if high > slider.max:
                slider.max = high
                slider.min = low
            else:
                slider.min = low
                slider.max = high
            slider.step = 0.05 if high - low <= 1 else 0.1
            slider.value = (low, high)

    # ----- running -----

    def _tick(self, fraction: float) -> None:
        self.progress.value = round(100 * min(max(fraction, 0.0), 1.0))

    def update(self, change: Any = None) -> None:
        """Run the model with the current controls and redraw (the Run button calls this).

        Parameters
        ----------
        change : any, optional
            What the button or control sent (ignored).
        """
        started = time.perf_counter()
        structure, levers = self.structure, self.levers
        self.progress.bar_style = "info"
        self._tick(0.0)
        self.status.value = f"<i>Running {structure.n_agents:,} staff for {self.steps.value} steps...</i>"
        self.run: AgentRun = agents.simulate(
            structure, levers, steps=self.steps.value, seed=self.seed.value,
            progress=lambda done, total: self._tick(0.8 * done / total))
        self._tick(0.8)
        self.configurations = agents.configurations_by_level(self.run)
        self.verdict = agents.fractal_verdict(self.run)
        self.description = describe_agents_figure(self.run)
        self._tick(0.9)
        if self._figure is None or not figure_fits(self._figure, self.run):
            self._figure = agents_figure(self.run)
        else:
            update_agents_figure(self._figure, self.run)
        key = (id(self._figure), self.steps.value)  # the cached frame holds the step axis
        if self._renderer is None or key != self._renderer_key:
            self._renderer, self._renderer_key = FastPNG(self._figure), key
        self.image.value = self._renderer.png()
        self._tick(1.0)
        self.progress.bar_style = "success"
        self.last_run_seconds = time.perf_counter() - started
        self.status.value = (f"Ran {structure.n_agents:,} staff x {self.steps.value} steps "
                             f"(seed {self.seed.value}) in {self.last_run_seconds:.2f} s.")
        self.summary.value = self._summary_html(levers)

    def _summary_html(self, levers: AgentLevers) -> str:
        names = self.configurations
        nation = names["nation"][0]
        teams = names["team"]
        balanced = sum(n == "balanced" for n in teams)
        changed = []
        base = self._preset_levers(self.structure)
        for name, slider in self.sliders.items():
            if not slider.disabled and getattr(base, name) != slider.value:
                changed.append(f"{_LEVER_LABELS[name].lower()} {slider.value:.2f}")
        start = ("custom levers" if self.preset.value == CUSTOM
                 else f"preset &ldquo;{self.preset.value}&rdquo;")
        if changed:
            start += " with " + ", ".join(changed)
        text = html.escape(self.description).replace("\n", "<br>")
        return (
            f"<p><b>{html.escape(self.verdict)}</b><br>Nation: {html.escape(nation)}. Teams: "
            f"{balanced} of {len(teams)} balanced. ({start}.)</p>"
            f"<details><summary>Figure description</summary><small>{text}</small></details>"
        )

    def run_sweep(self) -> None:
        """Run the parameter sweep set by the sweep controls, with its progress bar, and plot it."""
        started = time.perf_counter()
        low, high = self.sweep_range.value
        lever = self.sweep_lever.value
        self.sweep_values = np.linspace(low, high, self.sweep_points.value)
        seeds = [self.seed.value + k for k in range(self.sweep_seeds.value)]
        self.sweep_progress.max = len(self.sweep_values) * len(seeds)
        self.sweep_progress.value = 0
        self.sweep_progress.bar_style = "info"

        def tick(done: int, total: int) -> None:
            self.sweep_progress.value = done

        self.sweep_balance, self.sweep_fatalism = agents.sweep(
            self.structure, self.levers, lever, self.sweep_values.tolist(), seeds,
            steps=self.steps.value, progress=tick)
        fig = agent_sweep_figure(
            self.sweep_values, self.sweep_balance, lever=lever, fatalism=self.sweep_fatalism,
            title=f"Evenness at each level against {_LEVER_LABELS[lever].lower()} "
                  f"({self.structure.n_agents:,} staff, {self.steps.value} steps)")
        self.sweep_image.value = to_png(fig)
        self.sweep_image.layout.display = None
        self.sweep_description = describe_agent_sweep(
            self.sweep_values, self.sweep_balance, lever=lever, fatalism=self.sweep_fatalism)
        self.sweep_progress.bar_style = "success"
        self.last_sweep_seconds = time.perf_counter() - started
        text = html.escape(self.sweep_description).replace("\n", "<br>")
        self.sweep_summary.value = (
            f"<p>Swept in {self.last_sweep_seconds:.1f} s.</p>"
            f'<div style="font-size: smaller; line-height: 1.35">{text}</div>')

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)
