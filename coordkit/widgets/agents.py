"""The fractal systems explorer: run the agent-based model, see balance at every level, sweep a lever.

Controls for the sizes of the nested structure (ICSs, providers, teams, staff), every lever of
:class:`~coordkit.models.agents.AgentLevers`, a preset picker (the fractal claim holding, and the
two ways it breaks), the number of steps and a seed. A Run button runs the model with a progress
bar; small models also run as soon as a control changes. Below, a small parameter sweep in the
manner of NetLogo's BehaviorSpace (:func:`coordkit.models.agents.sweep`): one lever over a range,
several seeds, end-of-run evenness at each level. All computation is in
:mod:`coordkit.models.agents`; the explorer only calls it and draws, on
:class:`~coordkit.widgets._base.Explorer` (figures as ``<img alt>``, results in a live region,
descriptions folded, named sliders from :class:`~coordkit.params.Param` specs, pause-while-moving,
timing, and the app layout for projecting).

Examples
--------
>>> from coordkit.models.agents import Structure
>>> explorer = AgentExplorer(Structure(1, 2, 3, 4), steps=40)
>>> explorer.verdict
'Evenly mixed at every level: here an even mix carries across the levels.'
>>> explorer.preset.value = "balanced nation of monoculture teams"
>>> explorer.verdict
'An evenly mixed nation built of monoculture teams: an even mix does not carry across levels here.'
>>> explorer.unnamed()
[]
"""

from __future__ import annotations

import base64
import dataclasses
from typing import Any

import ipywidgets as w
import numpy as np
from matplotlib.figure import Figure

from coordkit.html import Markup, escape, render
from coordkit.models import agents
from coordkit.models.agent_reading import is_even_mix
from coordkit.models.agents import PRESETS, AgentLevers, AgentRun, Structure
from coordkit.params import Param
from coordkit.plots.agents import (
    agent_sweep_figure,
    agents_figure,
    describe_agent_sweep,
    describe_agents_figure,
    figure_fits,
    update_agents_figure,
)
from coordkit.plots.output import alt_text, to_png
from coordkit.widgets._base import CONTROL_LAYOUT, Explorer, slider

__all__ = ["AUTO_RUN_LIMIT", "CUSTOM", "RUN_PARAMS", "SIZE_PARAMS", "SWEEP_PARAMS",
           "AgentExplorer"]

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


def _count(name: str, label: str, high: int, default: int, meaning: str, unit: str = "") -> Param:
    """A whole-number control's spec, from 1 (0 for a seed) to ``high`` in steps of 1."""
    return Param(name, label, unit, 0 if name == "seed" else 1, high, 1, default, meaning,
                 integer=True)


#: The explorer's ranges for the sizes of the structure (a :class:`Structure` allows more; a
#: bigger starting size widens its slider).
SIZE_PARAMS: dict[str, Param] = {
    "ics": _count("ics", "ICSs", 6, 4, "integrated care systems in the nation"),
    "providers": _count("providers", "Providers", 8, 5, "providers in each ICS"),
    "teams": _count("teams", "Teams", 12, 10, "teams in each provider"),
    "staff": _count("staff", "Staff", 30, 10, "staff in each team"),
}
#: The run's own controls: steps (20 to 400, in twenties) and the seed.
RUN_PARAMS: dict[str, Param] = {
    "steps": Param("steps", "Steps", "rounds", 20, 400, 20, 200,
                   "rounds of influence (think of a step as a month)", integer=True),
    "seed": _count("seed", "Seed", 50, 0, "seed for the starting mixes and the shocks"),
}
#: The sweep's controls: how many values of the lever, and how many seeds at each.
SWEEP_PARAMS: dict[str, Param] = {
    "points": Param("points", "Settings", "", 2, 11, 1, 5, "how many values of the lever",
                    integer=True),
    "seeds": Param("seeds", "Seeds", "", 1, 5, 1, 3,
                   "runs at each setting, each with its own seed", integer=True),
}
_COLUMN = {"width": "100%", "max_width": "440px", "margin": "0 12px 0 0"}
_PROGRESS_STYLE = {"description_width": "70px"}


class AgentExplorer(Explorer):
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
    layout, presenter
        As in :class:`~coordkit.widgets._base.Explorer` (``layout="app"`` for projecting).

    Attributes
    ----------
    sizes : dict of str to IntSlider
        ``ics``, ``providers``, ``teams``, ``staff`` (specs in :data:`SIZE_PARAMS`).
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
    summary : HTML
        The verdict in words (the base's live region :attr:`result`).
    last_run_seconds : float
        Run, measure and redraw time of the last run (:attr:`last_update_seconds`).
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
        How long the sweep took, in a live region, and its description, folded.
    sweep_image : HTML
        The sweep figure as ``<img alt>`` (hidden until the first sweep); its PNG is
        :attr:`sweep_png`.

    The figure (:attr:`image`, :attr:`png`, :attr:`alt`), its description (:attr:`description`,
    folded in :attr:`details`) and :attr:`widget` are as in
    :class:`~coordkit.widgets._base.Explorer`.
    """

    def __init__(
        self,
        structure: Structure | None = None,
        *,
        preset: str = "fractal balance",
        steps: int = 200,
        seed: int = 0,
        auto_run: bool = True,
        layout: str = "notebook",
        presenter: bool = False,
    ) -> None:
        structure = Structure() if structure is None else structure
        if preset != CUSTOM and preset not in PRESETS:
            raise ValueError(f"preset must be one of {CUSTOM!r}, {', '.join(PRESETS)}; "
                             f"got {preset!r}")
        super().__init__(layout=layout, presenter=presenter)
        self.sizes: dict[str, w.IntSlider] = {
            name: slider(dataclasses.replace(spec, high=max(spec.high, getattr(structure, name))),
                         value=getattr(structure, name))
            for name, spec in SIZE_PARAMS.items()
        }
        specs = AgentLevers.specs()
        self.sliders: dict[str, w.FloatSlider] = {name: slider(spec) for name, spec in specs.items()}
        self.preset = w.Dropdown(options=[CUSTOM, *PRESETS], value=preset,
                                 description="Preset", style={"description_width": "9em"},
                                 tooltip="start the levers from a preset (some set each unit "
                                         "separately)", layout=w.Layout(**CONTROL_LAYOUT))
        self.steps = slider(RUN_PARAMS["steps"], value=steps)
        self.seed = slider(RUN_PARAMS["seed"], value=seed)
        self.auto_run = w.Checkbox(value=auto_run, indent=False,
                                   description="Run on every change (small models)",
                                   tooltip=f"run as soon as a control changes, for models up to "
                                           f"{AUTO_RUN_LIMIT:,} agent-steps",
                                   layout=w.Layout(width="auto", margin="0 0 0 20px"))
        self.run_button = w.Button(description="Run", icon="play", button_style="primary",
                                   tooltip="run the model with these settings")
        self.progress = w.IntProgress(value=0, min=0, max=100, description="Progress",
                                      style=_PROGRESS_STYLE)
        self.status = w.HTML()
        self.preset_note = w.HTML()
        self.summary = self.live
        self.run_button.on_click(self.update)

        # --- the sweep ---
        self.sweep_lever = w.Dropdown(options=[(_LEVER_LABELS[k], k) for k in specs],
                                      value="autonomy", description="Lever to sweep",
                                      style={"description_width": "9em"},
                                      tooltip="the lever the sweep varies",
                                      layout=w.Layout(**CONTROL_LAYOUT))
        self.sweep_range = w.FloatRangeSlider(value=(0.0, 1.0), min=0.0, max=1.0, step=0.05,
                                              description="From, to", readout_format=".2f",
                                              tooltip="the lowest and highest value swept",
                                              continuous_update=False,
                                              style={"description_width": "9em"},
                                              layout=w.Layout(**CONTROL_LAYOUT))
        self.sweep_points = slider(SWEEP_PARAMS["points"])
        self.sweep_seeds = slider(SWEEP_PARAMS["seeds"])
        self.sweep_button = w.Button(description="Run sweep", icon="play",
                                     tooltip="run the model at every setting and seed")
        self.sweep_progress = w.IntProgress(value=0, min=0, max=1, description="Sweep",
                                            style=_PROGRESS_STYLE)
        self.sweep_summary = w.HTML(render("live.html.j2", body=Markup(
            "<p><i>No sweep yet: press Run sweep.</i></p>")))
        # hidden until the first sweep, so no empty (broken-looking) image shows before it
        self.sweep_image = w.HTML(layout=w.Layout(width="100%", display="none"))
        self.sweep_png = b""
        self.sweep_description = ""
        self.sweep_button.on_click(lambda _: self.run_sweep())
        self.sweep_lever.observe(self._lever_range, names="value")
        self._sweep_box = w.VBox([
            w.HTML(render("explorer_results.html.j2", part="sweep_intro")),
            w.Box([w.VBox([self.sweep_lever, self.sweep_range], layout=w.Layout(**_COLUMN)),
                   w.VBox([self.sweep_points, self.sweep_seeds], layout=w.Layout(**_COLUMN))],
                  layout=w.Layout(display="flex", flex_flow="row wrap", width="100%")),
            w.Box([self.sweep_button, self.sweep_progress],
                  layout=w.Layout(display="flex", flex_flow="row wrap", width="100%")),
            self.sweep_summary, self.sweep_image,
        ], layout=w.Layout(width="100%"))

        lever_boxes = [w.VBox([w.HTML(f"<b>{escape(head)}</b>"), *(self.sliders[n] for n in names)],
                              layout=w.Layout(**_COLUMN)) for head, names in _LEVER_GROUPS.items()]
        size_box = w.VBox([w.HTML("<b>Sizes and the run</b>"), *self.sizes.values(),
                           self.steps, self.seed], layout=w.Layout(**_COLUMN))
        self._fig: Figure | None = None
        self._apply_preset()
        self.watch(*self.sizes.values(), *self.sliders.values(), self.steps, self.seed)
        self.watch(self.preset, callback=self._preset_changed)
        self.assemble([self.preset, self.auto_run], self.preset_note, [size_box, *lever_boxes],
                      [self.run_button, self.progress, self.status])
        self.update()

    # ----- state -----

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

    def _apply_preset(self) -> None:
        """Move the sliders to the preset's values; disable those the preset sets unit by unit."""
        base = self._preset_levers(self.structure)
        per_unit = []
        with self.held():
            for name, control in self.sliders.items():
                value = getattr(base, name)
                if isinstance(value, tuple):
                    control.value = float(np.median(value))
                    control.disabled = True
                    per_unit.append(f"{_LEVER_LABELS[name].lower()} ({min(value):g} to "
                                    f"{max(value):g} across units)")
                else:
                    control.value = value
                    control.disabled = False
        if base.leanings is not None:
            per_unit.append("each team's own leaning")
        self.preset_note.value = (
            f"<small>Set unit by unit by the preset (slider disabled): "
            f"{escape(', '.join(per_unit))}.</small>" if per_unit else "")

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
        self.changed()

    def changed(self, change: Any = None) -> None:
        """What a watched control calls: run now if auto-run is on and the model small, else wait."""
        if self.auto_run.value and self.agent_steps <= AUTO_RUN_LIMIT:
            self.update()
        else:
            self.progress.value = 0
            self.status.value = (f"<i>Settings changed ({self.agent_steps:,} agent-steps): press "
                                 "Run.</i>")

    def _lever_range(self, change: Any = None) -> None:
        spec = AgentLevers.specs()[self.sweep_lever.value]
        low, high = spec.low, spec.high
        control = self.sweep_range
        with control.hold_trait_notifications():
            if high > control.max:
                control.max = high
                control.min = low
            else:
                control.min = low
                control.max = high
            control.step = 0.05 if high - low <= 1 else 0.1
            control.value = (low, high)

    def _lay_out(self) -> None:
        """The base's layout, with the sweep below everything (in either layout)."""
        super()._lay_out()
        self.widget.children = (*self.widget.children, self._sweep_box)

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
        structure, levers = self.structure, self.levers
        with self.timed():
            self.progress.bar_style = "info"
            self._tick(0.0)
            self.status.value = (f"<i>Running {structure.n_agents:,} staff for "
                                 f"{self.steps.value} steps...</i>")
            self.run: AgentRun = agents.simulate(
                structure, levers, steps=self.steps.value, seed=self.seed.value,
                progress=lambda done, total: self._tick(0.8 * done / total))
            self._tick(0.8)
            self.configurations = agents.configurations_by_level(self.run)
            self.verdict = agents.fractal_verdict(self.run)
            self._tick(0.9)
            if self._fig is None or not figure_fits(self._fig, self.run):
                self._fig = agents_figure(self.run)
            else:
                update_agents_figure(self._fig, self.run)
            # the cached frame holds the step axis: a new number of steps redraws it in full
            self.show_figure(self._fig, describe_agents_figure(self.run), key=self.steps.value)
            self._tick(1.0)
            self.progress.bar_style = "success"
        self.last_run_seconds = self.last_update_seconds
        self.status.value = (f"Ran {structure.n_agents:,} staff x {self.steps.value} steps "
                             f"(seed {self.seed.value}) in {self.last_run_seconds:.2f} s.")
        self.set_result(self._verdict())

    def _verdict(self) -> Markup:
        names = self.configurations
        nation = names["nation"][0]
        teams = names["team"]
        balanced = sum(is_even_mix(n) for n in teams)
        changed = []
        base = self._preset_levers(self.structure)
        for name, control in self.sliders.items():
            if not control.disabled and getattr(base, name) != control.value:
                changed.append(f"{_LEVER_LABELS[name].lower()} {control.value:.2f}")
        return Markup(render(
            "explorer_results.html.j2", part="agents", verdict=self.verdict, nation=nation,
            balanced=balanced, teams=len(teams), changed=", ".join(changed),
            preset="" if self.preset.value == CUSTOM else self.preset.value))

    def run_sweep(self) -> None:
        """Run the parameter sweep set by the sweep controls, with its progress bar, and plot it."""
        with self.timed():
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
            self.sweep_png = to_png(fig, compress_level=1)
            self.sweep_description = describe_agent_sweep(
                self.sweep_values, self.sweep_balance, lever=lever, fatalism=self.sweep_fatalism)
            self.sweep_image.value = render(
                "image.html.j2", png=base64.b64encode(self.sweep_png).decode("ascii"),
                alt=alt_text(fig, self.sweep_description), max_width="700px")
            self.sweep_image.layout.display = None
            self.sweep_progress.bar_style = "success"
        self.last_sweep_seconds = self.last_update_seconds
        self.sweep_summary.value = render("live.html.j2", body=Markup(
            f"<p>Swept in {self.last_sweep_seconds:.1f} s.</p>")) + render(
            "description.html.j2", description=self.sweep_description,
            summary="Sweep description (text)")
