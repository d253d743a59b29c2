"""Figures for the fractal agent-based teaching model: balance at every level, and where it breaks.

Taylor (2022) claims coordination theory is *fractal*: it holds for teams, providers, systems (ICSs)
and the nation alike. These figures put the levels side by side so that a learner can see when a
balanced level is built of unbalanced parts, or contains them:

- :func:`plot_composition` stacks the mix of every unit, level by level, each unit directly
  under the unit that contains it -- a "balanced nation of monoculture teams" shows as an even
  top row over a striped bottom row, and "a balanced team in a monoculture system" as one
  mixed column in a single-colour band;
- :func:`plot_evenness_by_level` shows the distribution of evenness at each level (team
  evenness against nation evenness);
- :func:`plot_unit_shares` places every team, provider, ICS and the nation on the ternary;
- :func:`plot_level_balance` follows mean evenness at each level over the run;
- :func:`plot_agent_sweep` draws end-of-run evenness at each level against one lever, over
  several seeds (it lives in :mod:`coordkit.plots.agents_sweeps` and is re-exported here).

:func:`agents_figure` combines the first four, titled with the run's verdict. The computation --
the kit's configuration of every unit, the verdict (:func:`coordkit.models.agents.fractal_verdict`)
and the sweep itself (:func:`coordkit.models.agents.sweep`) -- lives in
:mod:`coordkit.models.agents`; these functions only draw and describe. Levels are told apart by
marker as well as colour; modes by colour and hatch.

Examples
--------
>>> from coordkit.models.agents import PRESETS, Structure, simulate
>>> s = Structure(2, 2, 3, 5)
>>> run = simulate(s, PRESETS["balanced nation of monoculture teams"](s), steps=100, seed=0)
>>> agents_figure(run).get_suptitle().splitlines()[1]
'An evenly mixed nation built of monoculture teams: an even mix does not carry across levels here.'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import mpltern  # noqa: F401  (registers the "ternary" projection)
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path

from coordkit.models.agents import (
    LEVELS,
    AgentRun,
    balanced_counts,
    configurations_by_level,
    fractal_verdict,
    is_even_mix,
)
from coordkit.modes import ALL_MODES
from coordkit.plots.profile import SCALE_KEY, ternary
from coordkit.plots.style import ACCENT, HATCHES, INK, NEUTRAL, PALETTE, SECONDARY, new_axes

__all__ = [
    "LEVEL_LABELS",
    "LEVEL_STYLES",
    "TRIANGLE_KEY",
    "agent_sweep_figure",
    "agents_figure",
    "describe_agent_sweep",
    "describe_agents_figure",
    "describe_composition",
    "describe_evenness_by_level",
    "describe_level_balance",
    "describe_unit_shares",
    "figure_fits",
    "plot_agent_sweep",
    "plot_composition",
    "plot_evenness_by_level",
    "plot_level_balance",
    "plot_unit_shares",
    "update_agents_figure",
]

#: Plural labels for the levels, in :data:`~coordkit.models.agents.LEVELS` order.
LEVEL_LABELS: dict[str, str] = {"team": "teams", "provider": "providers", "ics": "ICSs",
                                "nation": "nation"}
#: How to read the triangle's scales (:data:`coordkit.plots.profile.SCALE_KEY`), named for the one panel of
#: four that has them: the last line of the description and the line under the figure, as in chapters 1 and 2.
TRIANGLE_KEY = "The triangle's scales: " + SCALE_KEY.removeprefix("Scales: ")
#: A colour, marker and marker size per level: reddish purple, blue, grey and ink, with markers
#: and sizes no mode uses, so a level is never mistaken for a mode.
LEVEL_STYLES: dict[str, tuple[str, str, float]] = {
    "team": (ACCENT, "o", 5),
    "provider": (SECONDARY, "s", 6),
    "ics": (NEUTRAL, "D", 7),
    "nation": (INK, "*", 12),
}


def _units(level: str, n: int) -> str:
    """"nation", "1 ICS", "4 ICSs", "6 teams"..."""
    if level == "nation":
        return "nation"
    return f"{n} {LEVEL_LABELS[level][:-1] if n == 1 else LEVEL_LABELS[level]}"


def _check_run(run: object) -> AgentRun:
    if not isinstance(run, AgentRun):
        raise TypeError(f"run must be an AgentRun from coordkit.models.agents.simulate, "
                        f"got {type(run).__name__}")
    return run


# ----- the composition ribbon ---------------------------------------------------------------------
# Each view is drawn in two parts: a static frame (axes, ticks, legend; depends on the structure
# only) and the moving artists, all carrying a gid, which update_agents_figure removes and redraws
# and FastPNG redraws over the cached frame.


#: Above this many units a level's row is drawn grouped by configuration (one block per group,
#: its width the group's count, its stack the group's mean mix): 200 columns a pixel or two
#: wide read as a band of stripes (a judgement of the kit's, from a student review).
GROUP_ABOVE = 60


def _blocks(run: AgentRun, level: str, step: int,
            names: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str], list[int]]:
    """A level's row as blocks: left and right edges (0 to 1), the mix drawn, name and count.

    Up to :data:`GROUP_ABOVE` units, a block per unit in order (each under the unit that contains
    it); above, a block per configuration, largest first, with the group's mean mix.
    """
    mix = run.shares[level][step]
    n = len(mix)
    if n <= GROUP_ABOVE:
        edges = np.arange(n + 1) / n
        return edges[:-1], edges[1:], mix, list(names), [1] * n
    groups = Counter(names).most_common()
    counts = [k for _, k in groups]
    edges = np.concatenate([[0], np.cumsum(counts)]) / n
    labels = np.asarray(names)
    means = np.array([mix[labels == name].mean(axis=0) for name, _ in groups])
    return edges[:-1], edges[1:], means, [name for name, _ in groups], counts


def _composition_verts(run: AgentRun, step: int,
                       names: dict[str, list[str]]) -> list[list[np.ndarray]]:
    """Rectangles for each mode (outer list) over every block of every level (inner list)."""
    verts: list[list[np.ndarray]] = [[] for _ in ALL_MODES]
    for row, level in enumerate(reversed(LEVELS)):  # nation on top
        x0, x1, mix, _, _ = _blocks(run, level, step, names[level])
        n = len(mix)
        y0 = len(LEVELS) - 1 - row - 0.4
        bottoms = y0 + 0.8 * np.cumsum(np.column_stack([np.zeros(n), mix[:, :3]]), axis=1)
        for k in range(4):
            lo, hi = bottoms[:, k], bottoms[:, k] + 0.8 * mix[:, k]
            verts[k].extend(np.stack([np.column_stack([x0, lo]), np.column_stack([x1, lo]),
                                      np.column_stack([x1, hi]), np.column_stack([x0, hi])],
                                     axis=1))
    return verts


def _composition_frame(run: AgentRun, ax: Axes) -> None:
    ax.set_xlim(-0.006, 1.006)
    ax.set_ylim(-0.5, len(LEVELS) - 0.3)
    ax.set_yticks(range(len(LEVELS)), [_units(lv, run.structure.count(lv)) for lv in LEVELS],
                  fontsize=8)
    ax.set_xticks([])
    grouped = [LEVEL_LABELS[lv] for lv in LEVELS if run.structure.count(lv) > GROUP_ABOVE]
    ax.set_xlabel("every unit in order: each column sits under the unit that contains it"
                  + (f"; {' and '.join(grouped)} grouped by configuration (width: how many; "
                     "stack: their mean mix)" if grouped else ""), fontsize=8)
    ax.legend(handles=[*(Patch(facecolor=PALETTE[m], edgecolor="white", hatch=HATCHES[m],
                               label=m.label) for m in ALL_MODES),
                       Line2D([], [], color="black", linewidth=2.5,
                              label="bar above: unit classified evenly mixed")],
              loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=5, fontsize=7,
              frameon=False)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)


def _composition_moving(run: AgentRun, ax: Axes, step: int, names: dict[str, list[str]]) -> None:
    many = run.structure.count("team") > 60
    # One compound path per mode (every unit's rectangle): hatching is drawn in one pass.
    for mode, verts in zip(ALL_MODES, _composition_verts(run, step, names), strict=True):
        # add_artist, not add_patch: the limits are fixed, and skipping the data-limit update
        # of thousands of rectangles saves most of the drawing time.
        ax.add_artist(PathPatch(
            Path.make_compound_path(*(Path(v, closed=False) for v in verts)),
            facecolor=PALETTE[mode], edgecolor="white", hatch=HATCHES[mode],
            linewidth=0.0 if many else 0.4, gid=f"composition-{mode.value}", label=mode.label))
    counts = balanced_counts(names)
    for row, level in enumerate(reversed(LEVELS)):
        y = len(LEVELS) - 1 - row
        ok, n = counts[level]
        left, right, _, kinds, sizes = _blocks(run, level, step, names[level])
        balanced = np.flatnonzero([is_even_mix(name) for name in kinds])
        if len(balanced):  # a black bar over every unit (or group) the kit classifies as balanced
            x0, x1 = left[balanced], right[balanced]
            ax.hlines(np.full(len(balanced), y + 0.45), x0, x1, color="black",
                      linewidth=2.5, gid=f"balanced-{level}")
            if n > 50 and ok <= 5:  # too narrow to see: point at them
                ax.scatter((x0 + x1) / 2, np.full(len(balanced), y + 0.58), marker="v", s=40,
                           color="black", gid=f"balanced-marker-{level}", zorder=4)
        if n > GROUP_ABOVE:  # name each group inside its block, when it is wide enough
            for lo, hi, kind, k in zip(left, right, kinds, sizes, strict=True):
                if hi - lo >= 0.08:
                    ax.text((lo + hi) / 2, y, f"{k} {kind}", ha="center", va="center", fontsize=7,
                            color=INK, gid=f"group-{level}", zorder=5,
                            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5,
                                  "alpha": 0.9})
        mean = float(run.balance(level, step=step).mean())
        ax.text(1.01, y, f"evenness {mean:.2f}\n{ok} of {n} evenly mixed", va="center", ha="left",
                fontsize=7, transform=ax.get_yaxis_transform(), gid=f"note-{level}")


def plot_composition(run: AgentRun, *, step: int = -1, ax: Axes | None = None) -> Axes:
    """The mix of every unit at every level, each unit directly under the one that contains it.

    One row per level (nation at the top, teams at the bottom); in each row a column per unit,
    stacked by the shares of hierarchy, solidarity, individualism and fatalism (colour and hatch
    per mode). A black bar marks every unit the kit classifies as evenly mixed (with an arrow when
    the unit is too narrow to see). The text on the right gives each level's mean evenness and
    how many of its units are evenly mixed.

    Parameters
    ----------
    run : AgentRun
    step : int, default -1
        Time step to show (negative counts from the end).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from coordkit.models.agents import Structure, simulate
    >>> ax = plot_composition(simulate(Structure(1, 2, 3, 4), steps=10, seed=0))
    >>> [p.get_gid() for p in ax.patches]
    ['composition-hierarchy', 'composition-solidarity', 'composition-individualism', 'composition-fatalism']
    >>> len(ax.patches[0].get_path().vertices) // 4  # 6 teams + 2 providers + 1 ICS + nation
    10
    """
    run = _check_run(run)
    step = run.step_index(step)
    ax = new_axes(ax, figsize=(8, 3.5))
    _composition_frame(run, ax)
    _composition_moving(run, ax, step, configurations_by_level(run, step=step))
    return ax


# ----- distributions and trajectories of evenness -------------------------------------------------


def _jitter(n: int, width: float = 0.5) -> np.ndarray:
    """Deterministic spread for a strip plot (golden-ratio sequence), in [-width/2, width/2)."""
    return ((np.arange(n) * 0.6180339887) % 1.0 - 0.5) * width if n > 1 else np.zeros(n)


def _strip_frame(ax: Axes) -> None:
    ax.set_xticks(range(len(LEVELS)), [LEVEL_LABELS[lv] for lv in LEVELS], fontsize=8)
    ax.set_xlim(-0.6, len(LEVELS) - 0.4)
    ax.set_ylim(0, 1.12)
    ax.set_ylabel("evenness of each unit's\nactive mix")  # one line would reach the title
    ax.set_title("Evenness at each level (x/n: units classified evenly mixed)", fontsize=9)


def _strip_moving(run: AgentRun, ax: Axes, step: int, names: dict[str, list[str]]) -> None:
    counts = balanced_counts(names)
    for x, level in enumerate(LEVELS):
        e = run.balance(level, step=step)
        colour, marker, size = LEVEL_STYLES[level]
        ax.scatter(x + _jitter(len(e)), e, color=colour, marker=marker, s=size ** 2 * 0.8,
                   alpha=0.6 if len(e) > 20 else 0.9, linewidths=0.3, edgecolors="black",
                   gid=f"units-{level}", zorder=3)
        if len(e) > 2:
            box = ax.boxplot([e], positions=[x], widths=0.6, showfliers=False,
                             manage_ticks=False, medianprops={"color": "black"}, zorder=2)
            for lines in box.values():
                for line in lines:
                    line.set_gid(f"box-{level}")
        ok, n = counts[level]
        ax.text(x, 1.04, f"{ok}/{n}", ha="center", va="bottom", fontsize=7,
                gid=f"count-{level}")


def plot_evenness_by_level(run: AgentRun, *, step: int = -1, ax: Axes | None = None) -> Axes:
    """The distribution of evenness over the units of each level: team evenness vs nation evenness.

    Every unit is a point (spread sideways so they do not hide each other); a box marks the
    quartiles and median of each level. Above each level: how many units the kit classifies as
    evenly mixed.

    Parameters
    ----------
    run : AgentRun
    step : int, default -1
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from coordkit.models.agents import Structure, simulate
    >>> ax = plot_evenness_by_level(simulate(Structure(1, 2, 3, 4), steps=10, seed=0))
    >>> [len(c.get_offsets()) for c in ax.collections]
    [6, 2, 1, 1]
    """
    run = _check_run(run)
    step = run.step_index(step)
    ax = new_axes(ax, figsize=(5, 3.5))
    _strip_frame(ax)
    _strip_moving(run, ax, step, configurations_by_level(run, step=step))
    return ax


def _shares_moving(run: AgentRun, ax: Axes, step: int, levels: Sequence[str]) -> None:
    for level in levels:
        if level not in LEVELS:
            raise ValueError(f"levels: each must be one of {', '.join(LEVELS)}, got {level!r}")
        active = run.shares[level][step][:, :3]
        total = active.sum(axis=1, keepdims=True)
        shares = np.divide(active, total, out=np.full_like(active, 1 / 3), where=total > 0)
        colour, marker, size = LEVEL_STYLES[level]
        ax.scatter(shares[:, 0], shares[:, 1], shares[:, 2],  # type: ignore[misc]  # ternary axes take (t, l, r)
                   color=colour, marker=marker,
                   s=size ** 2 * (1.6 if level == "nation" else 0.8), edgecolors="black",
                   linewidths=0.4, alpha=0.7 if len(shares) > 20 else 0.95, zorder=3,
                   gid=f"shares-{level}", label=LEVEL_LABELS[level])


def plot_unit_shares(run: AgentRun, *, step: int = -1, ax: Axes | None = None,
                     levels: Sequence[str] = LEVELS, ticks: bool = True) -> Axes:
    """Every unit's active shares on the ternary, a marker per level (the nation a large star).

    Parameters
    ----------
    run : AgentRun
    step : int, default -1
    ax : matplotlib Axes with ``projection="ternary"``, optional
    levels : sequence of str, default all levels
    ticks : bool, default True
        Percentage ticks on the three axes (see :func:`coordkit.plots.profile.ternary`); they
        are part of the static frame, so moving a run does not redraw them.

    Returns
    -------
    matplotlib Axes
        The ternary axes.

    Examples
    --------
    >>> from coordkit.models.agents import Structure, simulate
    >>> ax = plot_unit_shares(simulate(Structure(1, 2, 3, 4), steps=10, seed=0))
    >>> [c.get_gid() for c in ax.collections if c.get_gid()]
    ['shares-team', 'shares-provider', 'shares-ics', 'shares-nation']
    """
    run = _check_run(run)
    step = run.step_index(step)
    ax = new_axes(ax, "ternary", figsize=(5, 4.5))
    ternary([], ax=ax, regions=True, ticks=ticks, label_size=7.5)  # a small triangle: smaller labels
    _shares_moving(run, ax, step, levels)
    ax.legend(loc="upper left", bbox_to_anchor=(-0.15, 1.12), fontsize=7, frameon=False)
    return ax


def _levels_moving(run: AgentRun, ax: Axes, label: str | None, linestyle: str,
                   spread: bool) -> None:
    steps = np.arange(run.steps + 1)
    mean = run.level_balance()
    every = max(1, run.steps // 8)
    tag = label or ""
    if spread:
        team = run.balance("team")
        ax.fill_between(steps, team.min(axis=1), team.max(axis=1),
                        color=LEVEL_STYLES["team"][0], alpha=0.15, linewidth=0,
                        label="range of teams" + (f" ({label})" if label else ""),
                        gid=f"team-range:{tag}")
    for k, level in enumerate(LEVELS):
        colour, marker, size = LEVEL_STYLES[level]
        ax.plot(steps, mean[:, k], color=colour, marker=marker, markersize=size * 0.8,
                markevery=(k * every // 4, every), linestyle=linestyle, linewidth=1.6,
                label=LEVEL_LABELS[level] + (f" ({label})" if label else ""),
                gid=f"level-{level}:{tag}")
    ax.set_xlim(0, run.steps)


def plot_level_balance(run: AgentRun, *, ax: Axes | None = None, label: str | None = None,
                       linestyle: str = "-", spread: bool = True) -> Axes:
    """Mean evenness at each level over the run, with the range of team evenness shaded.

    Parameters
    ----------
    run : AgentRun
    ax : matplotlib Axes, optional
    label : str, optional
        Name of the run, added to the legend (to overlay two runs).
    linestyle : str, default "-"
    spread : bool, default True
        Shade the range (lowest to highest) of team evenness.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from coordkit.models.agents import Structure, simulate
    >>> ax = plot_level_balance(simulate(Structure(1, 2, 3, 4), steps=10, seed=0))
    >>> [line.get_label() for line in ax.lines]
    ['teams', 'providers', 'ICSs', 'nation']
    """
    run = _check_run(run)
    ax = new_axes(ax, figsize=(6, 3.5))
    _levels_moving(run, ax, label, linestyle, spread)
    ax.set_ylim(0, 1.05)
    ax.set_xlabel("step")
    ax.set_ylabel("mean evenness")
    ax.legend(fontsize=7, loc="lower right", frameon=False)
    return ax


def agents_figure(run: AgentRun, *, step: int = -1) -> Figure:
    """Four views of a run: the composition ribbon, evenness by level, the ternary, and over time.

    Parameters
    ----------
    run : AgentRun
    step : int, default -1
        Time step for the first three views.

    Returns
    -------
    matplotlib Figure
        Axes in order: composition, evenness by level, unit shares (ternary), level balance.

    Examples
    --------
    >>> from coordkit.models.agents import Structure, simulate
    >>> fig = agents_figure(simulate(Structure(1, 2, 3, 4), steps=20, seed=0))
    >>> [ax.name for ax in fig.axes]
    ['rectilinear', 'rectilinear', 'ternary', 'rectilinear']
    """
    run = _check_run(run)
    index = run.step_index(step)
    names = configurations_by_level(run, step=index)
    fig = Figure(figsize=(11, 7.4))
    grid = fig.add_gridspec(2, 3, height_ratios=[1.0, 1.05], left=0.09, right=0.98, top=0.86,
                            bottom=0.1, hspace=0.7, wspace=0.45)
    comp = fig.add_subplot(grid[0, :])
    _composition_frame(run, comp)
    _composition_moving(run, comp, index, names)
    comp.set_position(comp.get_position().shrunk(0.86, 1.0))  # room for the notes on the right
    comp.set_title("The mix of every unit at every level", fontsize=9)
    strip = fig.add_subplot(grid[1, 0])
    _strip_frame(strip)
    _strip_moving(run, strip, index, names)
    tax = fig.add_subplot(grid[1, 1], projection="ternary")
    plot_unit_shares(run, step=index, ax=tax)
    tax.set_title("Active shares of every unit", fontsize=9, pad=4)  # just above "Hierarchy"
    lax = fig.add_subplot(grid[1, 2])
    plot_level_balance(run, ax=lax)
    lax.set_title("Mean evenness at each level over the run", fontsize=9)
    fig.suptitle(_figure_title(run, index), fontsize=11)
    fig.text(0.01, 0.01, TRIANGLE_KEY, fontsize=8)  # the scale key under the figure, as in chapters 1 and 2
    fig._coordkit_units = _unit_counts(run)  # type: ignore[attr-defined]  # kit attribute on the Figure, read back with getattr
    return fig


def _unit_counts(run: AgentRun) -> tuple[int, ...]:
    return tuple(run.structure.count(level) for level in LEVELS)


def figure_fits(fig: Figure, run: AgentRun) -> bool:
    """Whether :func:`update_agents_figure` can move ``fig`` to ``run`` (same units per level).

    Parameters
    ----------
    fig : matplotlib Figure
    run : AgentRun

    Returns
    -------
    bool

    Examples
    --------
    >>> from coordkit.models.agents import Structure, simulate
    >>> fig = agents_figure(simulate(Structure(1, 2, 3, 4), steps=5, seed=0))
    >>> figure_fits(fig, simulate(Structure(1, 2, 3, 9), steps=5, seed=0))
    True
    >>> figure_fits(fig, simulate(Structure(1, 2, 4, 4), steps=5, seed=0))
    False
    """
    return getattr(fig, "_coordkit_units", None) == _unit_counts(_check_run(run))


def update_agents_figure(fig: Figure, run: AgentRun, *, step: int = -1) -> Figure:
    """Move an :func:`agents_figure` to a new run of the same structure, in place.

    Only the moving artists (those with a gid) are replaced; the frames, ticks and legends stay,
    so :class:`coordkit.plots.output.FastPNG` can render the result in a fraction of a full draw
    (make a new renderer when the number of steps changes: it moves the time axis).

    Parameters
    ----------
    fig : matplotlib Figure
        Made by :func:`agents_figure`.
    run : AgentRun
        A run with as many units at every level as the figure's (see :func:`figure_fits`);
        the number of staff may differ.
    step : int, default -1

    Returns
    -------
    matplotlib Figure
        The same figure.

    Raises
    ------
    ValueError
        If the numbers of units differ (make a new figure then).

    Examples
    --------
    >>> from coordkit.models.agents import Structure, simulate
    >>> s = Structure(1, 2, 3, 4)
    >>> fig = agents_figure(simulate(s, steps=20, seed=0))
    >>> fig = update_agents_figure(fig, simulate(s, steps=30, seed=1))
    >>> fig.get_suptitle().splitlines()[0]
    '24 staff in 6 teams, 2 providers, 1 ICS, step 30:'
    """
    run = _check_run(run)
    if not figure_fits(fig, run):
        raise ValueError("run: its numbers of ICSs, providers or teams differ from the figure's; "
                         "make a new figure with agents_figure")
    index = run.step_index(step)
    names = configurations_by_level(run, step=index)
    comp, strip, tax, lax = fig.axes[:4]
    for ax in (comp, strip, tax, lax):
        for artist in [*ax.patches, *ax.collections, *ax.lines, *ax.texts]:
            if artist.get_gid():
                artist.remove()
    _composition_moving(run, comp, index, names)
    _strip_moving(run, strip, index, names)
    _shares_moving(run, tax, index, LEVELS)
    _levels_moving(run, lax, None, "-", True)
    fig.suptitle(_figure_title(run, index), fontsize=11)
    return fig


def _figure_title(run: AgentRun, step: int) -> str:
    s = run.structure
    shown = run.step_index(step)
    return (f"{s.n_agents:,} staff in {_units('team', s.count('team'))}, "
            f"{_units('provider', s.count('provider'))}, {_units('ics', s.ics)}, step {shown}:\n"
            f"{fractal_verdict(run, step=shown)}")


# ----- descriptions -------------------------------------------------------------------------------


def _summarise_names(names: list[str]) -> str:
    counts = Counter(names).most_common()
    return ", ".join(f"{n} {name}" for name, n in counts)


def describe_composition(run: AgentRun, *, step: int = -1) -> str:
    """A text description of :func:`plot_composition`: each level's mix and configurations.

    Parameters
    ----------
    run : AgentRun
    step : int, default -1

    Returns
    -------
    str

    Examples
    --------
    >>> from coordkit.models.agents import PRESETS, Structure, simulate
    >>> s = Structure(1, 2, 3, 4)
    >>> run = simulate(s, PRESETS["balanced nation of monoculture teams"](s), steps=50, seed=0)
    >>> print(describe_composition(run))
    Mix at step 50, level by level (shares H / S / I / F):
    - nation: 31% / 32% / 31% / 7% (evenly mixed)
    - 1 ICS: 31% / 32% / 31% / 7% (evenly mixed)
    - 2 providers: 2 evenly mixed
    - 6 teams: 2 hierarchy monoculture, 2 solidarity monoculture, 2 individualism monoculture
    """
    run = _check_run(run)
    step = run.step_index(step)
    names = configurations_by_level(run, step=step)
    lines = [f"Mix at step {step}, level by level (shares H / S / I / F):"]
    for level in reversed(LEVELS):
        mix = run.shares[level][step]
        if len(mix) == 1:
            shares = " / ".join(f"{v:.0%}" for v in mix[0])
            lines.append(f"- {_units(level, 1)}: {shares} ({names[level][0]})")
        else:
            grouped = (" (drawn as one block per configuration, largest first: width how many, "
                       "stack their mean mix)" if len(mix) > GROUP_ABOVE else "")
            lines.append(f"- {_units(level, len(mix))}: {_summarise_names(names[level])}{grouped}")
    return "\n".join(lines)


def describe_evenness_by_level(run: AgentRun, *, step: int = -1) -> str:
    """A text description of :func:`plot_evenness_by_level`.

    Parameters
    ----------
    run : AgentRun
    step : int, default -1

    Returns
    -------
    str

    Examples
    --------
    >>> from coordkit.models.agents import PRESETS, Structure, simulate
    >>> s = Structure(1, 2, 3, 4)
    >>> run = simulate(s, PRESETS["balanced nation of monoculture teams"](s), steps=50, seed=0)
    >>> print(describe_evenness_by_level(run))
    Evenness of each unit's active mix at step 50: teams from 0.55 to 0.64 (median 0.61; 0 of 6
    evenly mixed); providers from 1.00 to 1.00 (median 1.00; 2 of 2 evenly mixed); ICSs 1.00 (1
    of 1 evenly mixed); nation 1.00 (1 of 1 evenly mixed).
    """
    run = _check_run(run)
    step = run.step_index(step)
    counts = balanced_counts(configurations_by_level(run, step=step))
    parts = []
    for level in LEVELS:
        e = run.balance(level, step=step)
        ok, n = counts[level]
        if len(e) == 1:
            parts.append(f"{LEVEL_LABELS[level]} {e[0]:.2f} ({ok} of {n} evenly mixed)")
        else:
            parts.append(f"{LEVEL_LABELS[level]} from {e.min():.2f} to {e.max():.2f} (median "
                         f"{np.median(e):.2f}; {ok} of {n} evenly mixed)")
    return f"Evenness of each unit's active mix at step {step}: " + "; ".join(parts) + "."


def describe_unit_shares(run: AgentRun, *, step: int = -1, key: bool = True) -> str:
    """A text description of :func:`plot_unit_shares`: where each level's units sit.

    Parameters
    ----------
    run : AgentRun
    step : int, default -1
    key : bool, default True
        End with how to read the triangle's scales (:data:`TRIANGLE_KEY`); :func:`describe_agents_figure`
        gives it last instead, as the line under the whole figure.

    Returns
    -------
    str

    Examples
    --------
    >>> from coordkit.models.agents import Structure, simulate
    >>> run = simulate(Structure(1, 2, 2, 4), steps=50, seed=0)
    >>> print(describe_unit_shares(run).splitlines()[0])
    Ternary of active shares (hierarchy / solidarity / individualism) at step 50:
    >>> describe_unit_shares(run).splitlines()[-1] == TRIANGLE_KEY
    True
    """
    run = _check_run(run)
    step = run.step_index(step)
    lines = [f"Ternary of active shares (hierarchy / solidarity / individualism) at step {step}:"]
    for level in reversed(LEVELS):
        active = run.shares[level][step][:, :3]
        shares = active / active.sum(axis=1, keepdims=True)
        if len(shares) == 1:
            h, s, i = shares[0]
            lines.append(f"- {_units(level, 1)}: {h:.0%} / {s:.0%} / {i:.0%}")
            continue
        top = Counter(int(k) for k in shares.argmax(axis=1))
        leaning = ", ".join(f"{ALL_MODES[k].value} in {n}" for k, n in sorted(top.items()))
        largest = shares.max(axis=1)
        lines.append(f"- {_units(level, len(shares))}: the largest share is {leaning}; it is "
                     f"{largest.min():.0%} to {largest.max():.0%} of the active mix")
    return "\n".join(lines) + ("\n" + TRIANGLE_KEY if key else "")


def describe_level_balance(run: AgentRun) -> str:
    """A text description of :func:`plot_level_balance`.

    Parameters
    ----------
    run : AgentRun

    Returns
    -------
    str

    Examples
    --------
    >>> from coordkit.models.agents import PRESETS, Structure, simulate
    >>> s = Structure(1, 2, 3, 4)
    >>> run = simulate(s, PRESETS["balanced nation of monoculture teams"](s), steps=50, seed=0)
    >>> print(describe_level_balance(run))
    Mean evenness at the start, then at step 50: teams 0.99 then 0.61, providers 0.99 then 1.00,
    ICSs 1.00 then 1.00, nation 1.00 then 1.00; at the end the least even team is at 0.55 and the
    most even at 0.64.
    """
    run = _check_run(run)
    mean = run.level_balance()
    team = run.balance("team")
    parts = [f"{LEVEL_LABELS[lv]} {mean[0, k]:.2f} then {mean[-1, k]:.2f}"
             for k, lv in enumerate(LEVELS)]
    return (f"Mean evenness at the start, then at step {run.steps}: " + ", ".join(parts) + "; at the end the "
            f"least even team is at {team[-1].min():.2f} and the most even at "
            f"{team[-1].max():.2f}.")


def describe_agents_figure(run: AgentRun, *, step: int = -1) -> str:
    """A text description of :func:`agents_figure`: the verdict, then each view.

    Parameters
    ----------
    run : AgentRun
    step : int, default -1

    Returns
    -------
    str

    Examples
    --------
    >>> from coordkit.models.agents import Structure, simulate
    >>> describe_agents_figure(simulate(Structure(1, 2, 2, 4), steps=50, seed=0)).splitlines()[0]
    '16 staff in 4 teams, 2 providers, 1 ICS, step 50:'

    Its last line is the triangle's scale key, the line printed under the figure (as in chapters 1 and 2):

    >>> describe_agents_figure(simulate(Structure(1, 2, 2, 4), steps=5, seed=0)).splitlines()[-1][:40]
    "The triangle's scales: hierarchy on the "
    """
    run = _check_run(run)
    return "\n".join([
        _figure_title(run, step),
        describe_composition(run, step=step),
        describe_evenness_by_level(run, step=step),
        describe_unit_shares(run, step=step, key=False),
        describe_level_balance(run),
        TRIANGLE_KEY,
    ])


# The sweep figure lives in coordkit.plots.agents_sweeps (imported last: it uses the level styles
# above); it is re-exported here so ``from coordkit.plots.agents import plot_agent_sweep`` works.
from coordkit.plots.agents_sweeps import (  # noqa: E402
    agent_sweep_figure,
    describe_agent_sweep,
    plot_agent_sweep,
)
