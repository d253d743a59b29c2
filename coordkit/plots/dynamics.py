"""Figures for the mean-field teaching model: trajectories, outcome against its ceiling, sweeps.

Every trajectory plot takes a :class:`~coordkit.models.dynamics.Trajectory`, draws on ``ax`` (or a
new figure) and returns the Axes; ``label`` and ``linestyle`` let two runs share one Axes, so a
scenario can be drawn over a baseline. :func:`dynamics_figure` puts the four views together for the
live explorer, and :func:`update_dynamics_figure` moves it to a new run in place (fast: no axes are
rebuilt). :func:`plot_sweep` and :func:`plot_sweep_grid` show the end state of many runs against
one or two model parameters, as NetLogo's BehaviorSpace would. Each figure has a ``describe_*`` text.

Modes are told apart by colour *and* marker (from :mod:`coordkit.plots.style`); runs by line
style; the region above the outcome's ceiling is hatched. The model's inputs (the fields of
:class:`~coordkit.models.dynamics.Levers`) are called *model parameters* in every text a learner
reads: in the kit, *levers* are chapter 4's policy levers, which chapter 4 maps onto these.

Examples
--------
>>> from coordkit.models.dynamics import Levers, simulate
>>> base, pushed = simulate(Levers()), simulate(Levers(support_hierarchy=1.0))
>>> ax = plot_modes(base, label="default")
>>> ax = plot_modes(pushed, ax=ax, label="push hierarchy", linestyle="--")
>>> len(ax.lines)
8
>>> print(describe_outcome(pushed))  # doctest: +ELLIPSIS
Outcome over 20 years: ... ceiling min(1, capacity / demand) = 1.00...
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from coordkit.balance import report
from coordkit.models.dynamics import LEVER_SPECS, Levers, Trajectory
from coordkit.modes import ACTIVE_MODES, Mode
from coordkit.plots.style import (
    ACCENT,
    HATCHES,
    INK,
    MALIGN_HATCH,
    MARKERS,
    MUTED,
    PALETTE,
    REFERENCE,
    SECONDARY,
    new_axes,
)

__all__ = [
    "LEVER_LABELS",
    "PANELS",
    "PARTS",
    "SWEEP_QUANTITIES",
    "describe_dynamics_figure",
    "describe_modes",
    "describe_outcome",
    "describe_sweep",
    "describe_sweep_grid",
    "dynamics_figure",
    "dynamics_panel_figure",
    "plot_modes",
    "plot_outcome",
    "plot_sweep",
    "plot_sweep_grid",
    "sweep_figure",
    "sweep_grid_figure",
    "update_dynamics_figure",
]

Part = Literal["benign", "malign", "strength", "malign_fraction"]

#: What :func:`plot_modes` can draw for each active mode, with its axis label.
PARTS: dict[str, str] = {
    "benign": "strength, fatalism",
    "malign": "malign strength",
    "strength": "strength (benign + malign)",
    "malign_fraction": "malign share of the mode",
}

#: Short labels for the model parameters (sliders, axes, legends); the long meaning is in LEVER_SPECS.
LEVER_LABELS: dict[str, str] = {name: spec.label for name, spec in LEVER_SPECS.items()}

# End-of-run quantities a sweep can show: (label, colour, marker). Colours are Okabe-Ito ones not
# used by the modes (fatalism keeps its mode grey), and every quantity has its own marker.
SWEEP_QUANTITIES: dict[str, tuple[str, str, str]] = {
    "outcome": ("outcome", INK, "s"),
    "balance": ("balance index", ACCENT, "P"),
    "evenness": ("evenness (benign)", SECONDARY, "h"),
    "strength": ("mean active strength", MUTED, "o"),
    "malign_share": ("malign share", REFERENCE, "v"),
    "fatalism": ("fatalism", PALETTE[Mode.FATALISM], MARKERS[Mode.FATALISM]),
}
_OUTCOME_STYLE = SWEEP_QUANTITIES["outcome"]
_BALANCE_STYLE = SWEEP_QUANTITIES["balance"]
_CEILING_COLOUR = REFERENCE


def _check_run(run: object, name: str = "run") -> Trajectory:
    if not isinstance(run, Trajectory):
        raise TypeError(f"{name} must be a Trajectory from coordkit.models.dynamics.simulate, "
                        f"got {type(run).__name__}")
    return run


def _suffix(label: str | None) -> str:
    return f" ({label})" if label else ""


def _markevery(n: int, slot: int = 0, slots: int = 4) -> tuple[int, int]:
    """About 8 markers a line, staggered by ``slot`` so overlapping lines show every marker."""
    every = max(1, (n - 1) // 8)
    return (slot * every // slots, every)


def _part_values(run: Trajectory, part: str) -> np.ndarray:
    if part not in PARTS:
        raise ValueError(f"part must be one of {', '.join(PARTS)}, got {part!r}")
    return getattr(run, part)


def plot_modes(
    run: Trajectory,
    *,
    part: Part = "benign",
    ax: Axes | None = None,
    label: str | None = None,
    linestyle: str = "-",
    fatalism: bool = True,
    legend: bool = True,
) -> Axes:
    """Plot one part of each active mode's strength, and fatalism, over time.

    Parameters
    ----------
    run : Trajectory
        A run of :func:`coordkit.models.dynamics.simulate`.
    part : {"benign", "malign", "strength", "malign_fraction"}, default "benign"
        What to draw for each active mode (see :data:`PARTS`).
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.
    label : str, optional
        Name of the run, added to the legend entries (to tell overlaid runs apart).
    linestyle : str, default "-"
        Line style of this run (e.g. ``"--"`` for a second run on the same Axes).
    fatalism : bool, default True
        Also draw fatalism (grey, crosses).
    legend : bool, default True
        Draw a legend.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from coordkit.models.dynamics import simulate
    >>> ax = plot_modes(simulate(), part="malign", fatalism=False)
    >>> [line.get_label() for line in ax.lines]
    ['Hierarchy', 'Solidarity', 'Individualism']
    """
    run = _check_run(run)
    values = _part_values(run, part)
    ax = new_axes(ax, figsize=(6, 3.5))
    n = len(run.time)
    for j, mode in enumerate(ACTIVE_MODES):
        ax.plot(run.time, values[:, j], color=PALETTE[mode], marker=MARKERS[mode],
                markevery=_markevery(n, j), markersize=5, linestyle=linestyle, linewidth=1.8,
                label=mode.label + _suffix(label), gid=f"{part}:{mode.value}:{label or ''}")
    if fatalism:
        ax.plot(run.time, run.fatalism, color=PALETTE[Mode.FATALISM],
                marker=MARKERS[Mode.FATALISM], markevery=_markevery(n, 3), markersize=5,
                linestyle=linestyle, linewidth=1.8, label=Mode.FATALISM.label + _suffix(label),
                gid=f"{part}:fatalism:{label or ''}")
    ax.set_xlim(0, float(run.time[-1]))
    ax.set_ylim(0, 1.05)
    ax.set_xlabel("years")
    ax.set_ylabel(PARTS[part] + (" / fatalism" if fatalism else ""))
    if legend:
        ax.legend(fontsize=7, loc="best", frameon=False, ncols=2 if label else 1)
    return ax


def plot_outcome(
    run: Trajectory,
    *,
    ax: Axes | None = None,
    label: str | None = None,
    linestyle: str = "-",
    balance: bool = True,
    ceiling: bool = True,
    legend: bool = True,
) -> Axes:
    r"""Plot the outcome over time against its ceiling :math:`\min(1, C/D)`, and the balance score.

    The band above the ceiling is hatched: no setting of the model parameters can reach it while
    demand exceeds capacity.

    Parameters
    ----------
    run : Trajectory
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.
    label : str, optional
        Name of the run, added to the legend entries.
    linestyle : str, default "-"
        Line style of this run's outcome and balance lines.
    balance : bool, default True
        Also draw the balance index (evenness of benign strength x its mean x
        (1 - despair)).
    ceiling : bool, default True
        Draw the ceiling line and hatch the unreachable band above it.
    legend : bool, default True

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from coordkit.models.dynamics import Levers, simulate
    >>> ax = plot_outcome(simulate(Levers(demand=2.0)))
    >>> ceiling = next(l for l in ax.lines if l.get_gid() == "ceiling:")
    >>> float(ceiling.get_ydata()[0])
    0.5
    """
    run = _check_run(run)
    ax = new_axes(ax, figsize=(6, 3.5))
    tag = label or ""
    n = len(run.time)
    name, colour, marker = _OUTCOME_STYLE
    ax.plot(run.time, run.outcome, color=colour, marker=marker, markevery=_markevery(n, 0, 2),
            markersize=5,
            linestyle=linestyle, linewidth=2, label=name + _suffix(label), gid=f"outcome:{tag}")
    if balance:
        name, colour, marker = _BALANCE_STYLE
        ax.plot(run.time, run.balance(), color=colour, marker=marker,
                markevery=_markevery(n, 1, 2),
                markersize=5, linestyle=linestyle, linewidth=1.5, label=name + _suffix(label),
                gid=f"balance:{tag}")
    if ceiling:
        end = float(run.time[-1])
        ax.plot([0, end], [run.ceiling, run.ceiling], color=_CEILING_COLOUR, linestyle=":",
                linewidth=2, label=f"ceiling min(1, C/D){_suffix(label)}", gid=f"ceiling:{tag}")
        span = ax.fill_between([0, end], run.ceiling, 1.05, facecolor="none",
                               edgecolor=_CEILING_COLOUR, hatch="//", linewidth=0, alpha=0.35,
                               gid=f"beyond-ceiling:{tag}")
        span.set_label("_beyond ceiling")
    ax.set_xlim(0, float(run.time[-1]))
    ax.set_ylim(0, 1.05)
    ax.set_xlabel("years")
    ax.set_ylabel("outcome / balance (0 to 1)")
    if legend:
        ax.legend(fontsize=7, loc="lower right", frameon=True, framealpha=0.85)
    return ax


#: The end state's y range: bars reach 1 at most (the model clips every strength to [0, 1]), so the
#: band above 1.05 holds the key and no bar, hatch or line can cross it.
_END_TOP, _END_BARS_TOP = 1.35, 1.05


def _despair(run: Trajectory) -> tuple[float, float]:
    """(wisdom, despair) at the end: fatalism's benign and malign parts (``levers.benign_fatalism``)."""
    fatalism = float(run.fatalism[-1])
    wisdom = fatalism * run.levers.benign_fatalism
    return wisdom, fatalism - wisdom


def _final_bars(run: Trajectory, ax: Axes) -> None:
    """Bar chart of the final strengths, malign parts and despair cross-hatched (drawn once, then updated).

    Fatalism's malign part is its despair, cross-hatched as in chapter 1's profile bars. The key and
    the "strong" line's name sit in a band above every bar (see ``_END_TOP``), never on one.
    """
    modes = (*ACTIVE_MODES, Mode.FATALISM)
    strengths = [*run.strength[-1], run.fatalism[-1]]
    for k, (mode, value) in enumerate(zip(modes, strengths, strict=True)):
        ax.bar(k, value, width=0.75, color=PALETTE[mode], hatch=HATCHES[mode], edgecolor="black",
               gid=f"bar-{mode.value}")
    wisdom, despair = _despair(run)
    for k, (bottom, height) in enumerate([*zip(run.benign[-1], run.malign[-1], strict=True),
                                          (wisdom, despair)]):
        ax.bar(k, height, bottom=bottom, width=0.75, color="white", alpha=0.85, hatch=MALIGN_HATCH,
               edgecolor="black", gid=f"malign-{k}")
    ax.axhline(0.5, color="black", linestyle="--", linewidth=1)
    ax.set_xticks(range(4), [m.label for m in modes], fontsize=8)
    ax.set_ylim(0, _END_TOP)
    ax.set_yticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    ax.axhline(_END_BARS_TOP, color=MUTED, linewidth=0.6)
    ax.set_ylabel("strength at the end")
    ax.legend(handles=[Patch(facecolor="white", edgecolor="black", hatch=MALIGN_HATCH,
                             label="cross-hatched: malign part; for fatalism, despair (the kit's reading)"),
                       Line2D([], [], color="black", linestyle="--", linewidth=1,
                              label="dashed: strong (0.5)")],
              loc="upper left", fontsize=7, frameon=False, borderaxespad=0.3, handlelength=1.6)


def _title(run: Trajectory) -> str:
    s = run.summary()
    return (f"After {run.time[-1]:g} years: {s['configuration']}  |  outcome {s['outcome']:.2f} "
            f"(ceiling {s['ceiling']:.2f})  |  balance {s['balance']:.2f}")


#: The panels of :func:`dynamics_figure`, each drawable alone by :func:`dynamics_panel_figure`
#: (the app layout's one large chart): key, and its title.
PANELS: dict[str, str] = {
    "outcome": "Outcome against its ceiling, and balance",
    "benign": "Benign strength of each mode, and fatalism",
    "malign": "Malign strength of each active mode",
    "end": "End state (malign parts and despair cross-hatched)",
}


def _draw_panel(ax: Axes, panel: str, run: Trajectory, baseline: Trajectory | None,
                baseline_label: str) -> None:
    """Draw one of :data:`PANELS` on ``ax``: ``run`` solid, ``baseline`` dashed (not in the end state)."""
    if panel == "end":
        _final_bars(run, ax)
    elif panel == "outcome":
        if baseline is not None:
            plot_outcome(_check_run(baseline, "baseline"), ax=ax, label=baseline_label,
                         linestyle="--", ceiling=False, legend=False)
        plot_outcome(run, ax=ax, legend=False)
    else:
        part: Part = "benign" if panel == "benign" else "malign"
        if baseline is not None:
            plot_modes(_check_run(baseline, "baseline"), part=part, ax=ax, label=baseline_label,
                       linestyle="--", fatalism=part == "benign", legend=False)
        plot_modes(run, part=part, ax=ax, fatalism=part == "benign", legend=False)
    ax.set_title(PANELS[panel], fontsize=9)


def dynamics_figure(
    run: Trajectory,
    *,
    baseline: Trajectory | None = None,
    baseline_label: str = "baseline",
) -> Figure:
    """Four views of one run: benign strengths, malign parts, outcome vs ceiling, the end state.

    Parameters
    ----------
    run : Trajectory
        The run to show (solid lines).
    baseline : Trajectory, optional
        A run to compare with, drawn dashed in the three time panels.
    baseline_label : str, default "baseline"
        Its name in the legends.

    Returns
    -------
    matplotlib Figure
        Axes in order: benign strengths and fatalism, malign parts, outcome and balance, end state.

    Examples
    --------
    >>> from coordkit.models.dynamics import Levers, simulate
    >>> fig = dynamics_figure(simulate(Levers(support_hierarchy=1.0)), baseline=simulate())
    >>> fig.get_suptitle().split("  |")[0]
    'After 20 years: hierarchy monoculture'
    """
    run = _check_run(run)
    fig = Figure(figsize=(10, 6.6))
    axes = fig.subplots(2, 2)
    for ax, panel in zip(axes.flat, ("benign", "malign", "outcome", "end"), strict=True):
        _draw_panel(ax, panel, run, baseline, baseline_label)

    handles = _panel_handles("benign", None) + _panel_handles(
        "outcome", baseline_label if baseline is not None else None)
    fig.legend(handles=handles, loc="lower center", ncols=min(len(handles), 6), fontsize=8,
               frameon=False)
    fig.suptitle(_title(run), fontsize=11)
    fig.subplots_adjust(left=0.07, right=0.98, top=0.9, bottom=0.16, hspace=0.38, wspace=0.22)
    return fig


def _panel_handles(panel: str, baseline_label: str | None) -> list[Line2D | Patch]:
    """The legend entries one panel needs (a key for the panel alone, not for all four)."""
    handles: list[Line2D | Patch] = []
    if panel == "outcome":
        handles += [
            Line2D([], [], color=_OUTCOME_STYLE[1], marker=_OUTCOME_STYLE[2], label="outcome"),
            Line2D([], [], color=_BALANCE_STYLE[1], marker=_BALANCE_STYLE[2], label="balance"),
            Line2D([], [], color=_CEILING_COLOUR, linestyle=":", linewidth=2,
                   label="ceiling (hatched above: out of reach)")]
    elif panel in ("benign", "malign"):
        modes = (*ACTIVE_MODES, Mode.FATALISM) if panel == "benign" else ACTIVE_MODES
        handles += [Line2D([], [], color=PALETTE[m], marker=MARKERS[m], label=m.label)
                    for m in modes]
    if baseline_label is not None and panel != "end":
        handles += [Line2D([], [], color="black", linestyle="-", label="this run"),
                    Line2D([], [], color="black", linestyle="--", label=baseline_label)]
    return handles


def dynamics_panel_figure(
    run: Trajectory,
    panel: str = "outcome",
    *,
    baseline: Trajectory | None = None,
    baseline_label: str = "baseline",
) -> Figure:
    """One panel of :func:`dynamics_figure` alone, large: the chart an app projects.

    Parameters
    ----------
    run : Trajectory
        The run to show (solid lines).
    panel : {"outcome", "benign", "malign", "end"}, default "outcome"
        Which view (see :data:`PANELS`); the end state has no baseline.
    baseline : Trajectory, optional
        Drawn dashed in the time panels.
    baseline_label : str, default "baseline"

    Returns
    -------
    matplotlib Figure
        One Axes, titled with :data:`PANELS`; the run's result is the figure's title.

    Examples
    --------
    >>> from coordkit.models.dynamics import Levers, simulate
    >>> fig = dynamics_panel_figure(simulate(Levers(demand=2.0)), baseline=simulate())
    >>> len(fig.axes), fig.axes[0].get_title()
    (1, 'Outcome against its ceiling, and balance')
    >>> fig.get_suptitle().split("|")[1].strip()
    'outcome 0.09 (ceiling 0.50)'
    """
    run = _check_run(run)
    if panel not in PANELS:
        raise ValueError(f"panel must be one of {', '.join(PANELS)}, got {panel!r}")
    fig = Figure(figsize=(9.25, 5))
    ax = fig.subplots()
    _draw_panel(ax, panel, run, baseline, baseline_label)
    if panel != "end":  # short, so that it stays on one line at projector size
        ax.set_ylabel({"outcome": "0 to 1", "benign": "strength, fatalism",
                       "malign": "malign strength"}[panel])
    handles = _panel_handles(panel, baseline_label if baseline is not None else None)
    if handles:
        fig.legend(handles=handles, loc="lower center", ncols=min(len(handles), 5), fontsize=8,
                   frameon=False)
    fig.suptitle(_title(run), fontsize=11)
    fig.set_gid(f"panel:{panel}")
    return fig


def _set_run_lines(ax: Axes, run: Trajectory, label: str) -> None:
    """Move the lines a plot function drew for ``label`` to ``run``'s values."""
    n = len(run.time)
    series = {
        **{f"{p}:{m.value}:{label}": (getattr(run, p)[:, j], _markevery(n, j))
           for p in ("benign", "malign") for j, m in enumerate(ACTIVE_MODES)},
        **{f"{p}:fatalism:{label}": (run.fatalism, _markevery(n, 3)) for p in ("benign", "malign")},
        f"outcome:{label}": (run.outcome, _markevery(n, 0, 2)),
        f"balance:{label}": (run.balance(), _markevery(n, 1, 2)),
    }
    for line in ax.lines:
        gid = line.get_gid()
        if gid in series:
            values, every = series[gid]
            line.set_data(run.time, values)
            line.set_markevery(every)
        elif gid == f"ceiling:{label}":
            line.set_data([0, float(run.time[-1])], [run.ceiling, run.ceiling])
    for collection in ax.collections:
        if collection.get_gid() == f"beyond-ceiling:{label}" and isinstance(collection,
                                                                             PolyCollection):
            end = float(run.time[-1])
            collection.set_verts([[(0, run.ceiling), (end, run.ceiling), (end, 1.05),
                                   (0, 1.05)]])
    ax.set_xlim(0, float(run.time[-1]))


def update_dynamics_figure(
    fig: Figure,
    run: Trajectory,
    *,
    baseline: Trajectory | None = None,
    baseline_label: str = "baseline",
) -> Figure:
    """Move a :func:`dynamics_figure` (or :func:`dynamics_panel_figure`) to a new run in place.

    No axes are rebuilt.

    Parameters
    ----------
    fig : matplotlib Figure
        Made by :func:`dynamics_figure` or :func:`dynamics_panel_figure` (with a baseline if
        ``baseline`` is given here).
    run : Trajectory
    baseline : Trajectory, optional
        New values for the baseline lines, if the figure has them.
    baseline_label : str, default "baseline"
        The label the figure was made with.

    Returns
    -------
    matplotlib Figure
        The same figure.

    Examples
    --------
    >>> from coordkit.models.dynamics import Levers, simulate
    >>> fig = update_dynamics_figure(dynamics_figure(simulate()), simulate(Levers(demand=2.0)))
    >>> fig.get_suptitle().split("|")[1].strip()
    'outcome 0.09 (ceiling 0.50)'
    """
    run = _check_run(run)
    for ax in fig.axes:
        bars = {p.get_gid(): p for p in ax.patches if p.get_gid() and isinstance(p, Rectangle)}
        if "bar-fatalism" in bars:  # the end state
            for j, mode in enumerate(ACTIVE_MODES):
                bars[f"bar-{mode.value}"].set_height(run.strength[-1, j])
                bars[f"malign-{j}"].set_y(run.benign[-1, j])
                bars[f"malign-{j}"].set_height(run.malign[-1, j])
            bars["bar-fatalism"].set_height(run.fatalism[-1])
            wisdom, despair = _despair(run)
            bars["malign-3"].set_y(wisdom)
            bars["malign-3"].set_height(despair)
            continue
        _set_run_lines(ax, run, "")
        if baseline is not None:
            _set_run_lines(ax, _check_run(baseline, "baseline"), baseline_label)
    fig.suptitle(_title(run), fontsize=11)
    return fig


# ----- descriptions -------------------------------------------------------------------------------


def _parameters_text(levers: Levers, *, short: bool = False) -> str:
    """The model parameters that differ from their defaults (``short``: after "Model parameters: ")."""
    changed = levers.differences(Levers())
    if not changed:
        return "default" if short else "default model parameters"
    return ("changed from default: " if short else "model parameters changed from default: ") + ", ".join(
        f"{LEVER_SPECS[k].help} {v:.2f} (default {d:.2f})" for k, (v, d) in changed.items())


def _modes_text(run: Trajectory, part: str, fatalism: bool) -> str:
    values = _part_values(run, part)
    parts = [f"{m.value} {values[0, j]:.2f} to {values[-1, j]:.2f}, peak {values[:, j].max():.2f}"
             for j, m in enumerate(ACTIVE_MODES)]
    if fatalism:
        parts.append(f"fatalism {run.fatalism[0]:.2f} to {run.fatalism[-1]:.2f}")
    return "; ".join(parts)


def describe_modes(run: Trajectory, *, part: Part = "benign", label: str | None = None,
                   fatalism: bool = True) -> str:
    """A text description of :func:`plot_modes`: start and end of each line, and the peak.

    Parameters
    ----------
    run : Trajectory
    part : {"benign", "malign", "strength", "malign_fraction"}, default "benign"
    label : str, optional
        Name of the run.
    fatalism : bool, default True
        Describe the fatalism line too (as :func:`plot_modes` draws it).

    Returns
    -------
    str

    Examples
    --------
    >>> from coordkit.models.dynamics import simulate
    >>> print(describe_modes(simulate(), part="malign", fatalism=False))
    ... # doctest: +NORMALIZE_WHITESPACE
    Malign strength over 20 years (default model parameters): hierarchy 0.00 to 0.05, peak 0.05;
    solidarity 0.00 to 0.05, peak 0.05; individualism 0.00 to 0.05, peak 0.05.
    """
    run = _check_run(run)
    head = f"{PARTS[part].capitalize()} over {run.time[-1]:g} years{_suffix(label)}"
    return f"{head} ({_parameters_text(run.levers)}): {_modes_text(run, part, fatalism)}."


def describe_outcome(run: Trajectory, *, label: str | None = None) -> str:
    """A text description of :func:`plot_outcome`.

    Parameters
    ----------
    run : Trajectory
    label : str, optional

    Returns
    -------
    str

    Examples
    --------
    >>> from coordkit.models.dynamics import Levers, simulate
    >>> print(describe_outcome(simulate(Levers(demand=2.0))))  # doctest: +NORMALIZE_WHITESPACE
    Outcome over 20 years: from 0.16 to 0.09, peak 0.16, under its ceiling min(1, capacity /
    demand) = 0.50 (demand exceeds capacity: no balance can lift the outcome above 0.50).
    Balance index from 0.32 to 0.18.
    """
    run = _check_run(run)
    y, b = run.outcome, run.balance()
    note = ""
    if run.levers.demand > run.levers.capacity:
        note = (f" (demand exceeds capacity: no balance can lift the outcome above "
                f"{run.ceiling:.2f})")
    return (f"Outcome over {run.time[-1]:g} years{_suffix(label)}: from {y[0]:.2f} to {y[-1]:.2f}, "
            f"peak {y.max():.2f}, under its ceiling min(1, capacity / demand) = "
            f"{run.ceiling:.2f}{note}. Balance index from {b[0]:.2f} to {b[-1]:.2f}.")


def _despair_text(run: Trajectory) -> str:
    """What the end state's cross-hatching on fatalism covers, for this run."""
    if run.levers.benign_fatalism == 0:
        return "all of it (the kit's reading: benign fatalism 0)"
    despair = _despair(run)[1]
    return f"{despair:.2f} of it (benign fatalism {run.levers.benign_fatalism:.2f}: the rest is wisdom)"


def describe_dynamics_figure(run: Trajectory, *, baseline: Trajectory | None = None,
                             baseline_label: str = "baseline") -> str:
    """A text description of :func:`dynamics_figure` (and of the baseline, if given).

    Parameters
    ----------
    run : Trajectory
    baseline : Trajectory, optional
    baseline_label : str, default "baseline"

    Returns
    -------
    str

    Examples
    --------
    >>> from coordkit.models.dynamics import simulate
    >>> describe_dynamics_figure(simulate()).splitlines()[0]
    'After 20 years: balanced  |  outcome 0.70 (ceiling 1.00)  |  balance 0.70. Model parameters: default.'
    """
    run = _check_run(run)
    r = report(run.final_profile())
    lines = [
        f"{_title(run)}. Model parameters: {_parameters_text(run.levers, short=True)}.",
        f"Benign strength (top left): {_modes_text(run, 'benign', True)}.",
        f"Malign strength (top right): {_modes_text(run, 'malign', False)}.",
        describe_outcome(run),
        (f"End state: evenness of benign strength {r.evenness:.2f}, malign share {r.malign_share:.2f}, "
         f"fatalism {r.fatalism:.2f}; cross-hatched: malign parts and fatalism's despair, "
         f"{_despair_text(run)}."),
    ]
    if baseline is not None:
        b = _check_run(baseline, "baseline").summary()
        parameters = _parameters_text(baseline.levers)
        name = baseline_label if parameters == baseline_label else f"{baseline_label} ({parameters})"
        lines.append(f"Dashed lines: {name}, ending {b['configuration']} with outcome "
                     f"{b['outcome']:.2f} and balance {b['balance']:.2f}.")
    return "\n".join(lines)


# The sweep figures live in coordkit.plots.dynamics_sweeps (imported last: it uses the helpers
# above); they are re-exported here so ``from coordkit.plots.dynamics import plot_sweep`` works.
from coordkit.plots.dynamics_sweeps import (  # noqa: E402
    describe_sweep,
    describe_sweep_grid,
    plot_sweep,
    plot_sweep_grid,
    sweep_figure,
    sweep_grid_figure,
)
