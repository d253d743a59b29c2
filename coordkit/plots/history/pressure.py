"""Reform pressure: the cumulative pressure per mode, a recoded overlay, and the profile each implies.

:class:`PressureView` and :class:`RecodeView` hold what is drawn and described;
:func:`pressure_trajectory`, :func:`pressure_figure`, :func:`describe_pressure`,
:func:`recode_figure`, :func:`update_recode_figure` and :func:`describe_recode` are the thin
functions notebooks and widgets call.

Examples
--------
>>> view = PressureView(history.reform_pressure(history.load_reforms()), modes="H")
>>> print(view.describe().split(":")[0])
Cumulative reform pressure, 1946-2025, under the kit's coding (a judgement, not a measurement)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar, TypedDict, Unpack

import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from coordkit import history
from coordkit.configuration import classify
from coordkit.history import chosen_modes
from coordkit.modes import ALL_MODES, Mode
from coordkit.plots.history.common import era_bands as draw_era_bands
from coordkit.plots.style import (
    GUIDE,
    HATCHES,
    MARKERS,
    NEUTRAL,
    PALETTE,
    new_axes,
)
from coordkit.plots.view import FigureView
from coordkit.profile import Profile

__all__ = ["PressureOptions", "PressureView", "RecodeView", "describe_pressure", "describe_recode",
           "pressure_figure", "pressure_label", "pressure_trajectory", "recode_dynamic_artists",
           "recode_figure", "update_recode_figure"]

def _wide(pressure: pd.DataFrame) -> pd.DataFrame:
    return history.to_wide(pressure)


_LABELS = ("kit's coding", "your coding")


def pressure_label(pressure: pd.DataFrame) -> str:
    """The y-axis label of a pressure figure: a plain sum, or a faded sum with its half-life.

    Examples
    --------
    >>> reforms = history.load_reforms()
    >>> print(pressure_label(history.reform_pressure(reforms)))
    cumulative reform pressure
    (sum of coded pushes)
    >>> print(pressure_label(history.reform_pressure(reforms, half_life=10)))
    cumulative reform pressure
    (faded sum of coded pushes, half-life 10 years)
    """
    half_life = pressure.attrs.get("half_life")
    if half_life is None:
        return "cumulative reform pressure\n(sum of coded pushes)"
    return f"cumulative reform pressure\n(faded sum of coded pushes, half-life {half_life:g} years)"


def pressure_trajectory(
    pressure: pd.DataFrame,
    *,
    ax: Axes | None = None,
    overlay: pd.DataFrame | None = None,
    modes: str | Mode | Iterable[str | Mode] | None = None,
    labels: tuple[str, str] = _LABELS,
    era_bands: bool = True,
    legend: bool = True,
) -> Axes:
    """Cumulative reform pressure on each mode over time, with an optional recoded overlay.

    Each mode is a line in its colour with its marker every ten years; the overlay (e.g. a
    learner's recoding, from :func:`coordkit.history.reform_pressure` of a
    :func:`~coordkit.history.recode`) is dashed with hollow markers.

    Parameters
    ----------
    pressure : pandas.DataFrame
        Tidy pressure, as from :func:`coordkit.history.reform_pressure`.
    ax : matplotlib Axes, optional
    overlay : pandas.DataFrame, optional
        A second pressure frame over the same years.
    modes : mode or iterable of modes, optional
        Modes to draw; default all four.
    labels : (str, str)
        Names of the two codings in the legend.
    era_bands : bool, default True
        Shade the eras and name them in two rows just above the axes, clear of the lines
        (leave a top margin for them).
    legend : bool, default True

    Returns
    -------
    matplotlib Axes
        Lines have gids ``pressure-<mode>`` and ``overlay-<mode>``.

    Examples
    --------
    >>> p = history.reform_pressure(history.load_reforms())
    >>> ax = pressure_trajectory(p, ax=Figure().add_subplot(), modes="H")
    >>> line = next(l for l in ax.lines if l.get_gid() == "pressure-hierarchy")
    >>> float(line.get_ydata()[-1])
    37.0
    """
    ax = new_axes(ax, figsize=(9, 4))
    chosen = chosen_modes(modes)
    wide = _wide(pressure)
    years = wide.index.to_numpy(dtype=float)
    if era_bands:
        draw_era_bands(ax, years[0], years[-1] + 1, above=True)
    ax.axhline(0, color=NEUTRAL, linewidth=0.8, zorder=1)
    every = [k for k, y in enumerate(years) if int(y) % 10 == 0] or [0]
    # the overlay's hollow markers sit between the kit's filled ones (years ending in 5), so the two
    # codings differ by line style and marker, never by colour alone, and never hide each other
    between = [k for k, y in enumerate(years) if int(y) % 10 == 5] or [0]
    other = _wide(overlay) if overlay is not None else None
    # every solid line, then every dashed one: the order matplotlib draws them in (by zorder), so a
    # renderer that redraws them in the order they were added (FastPNG) gives the same picture
    for mode in chosen:
        ax.plot(years, wide[mode.value].to_numpy(), color=PALETTE[mode], marker=MARKERS[mode],
                markevery=every, markersize=7, markeredgecolor="black", markeredgewidth=0.6,
                linewidth=2, zorder=3, gid=f"pressure-{mode.value}", label=mode.label)
    for mode in chosen if other is not None else ():
        assert other is not None  # for the type checker: the loop runs only with an overlay
        ax.plot(other.index.to_numpy(dtype=float), other[mode.value].to_numpy(), color=PALETTE[mode],
                marker=MARKERS[mode], markevery=between, markersize=7, markerfacecolor="white",
                markeredgecolor=PALETTE[mode], linewidth=1.6, linestyle=(0, (4, 2)), zorder=4,
                gid=f"overlay-{mode.value}")
    ax.set_xlim(years[0], years[-1] + 1)
    ax.set_xlabel("year")
    ax.set_ylabel(pressure_label(pressure))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if legend:
        handles = [Line2D([], [], color=PALETTE[m], marker=MARKERS[m], markeredgecolor="black",
                          linewidth=2, label=m.label) for m in chosen]
        handles.append(Line2D([], [], color=NEUTRAL, linewidth=2, marker="o", markerfacecolor=NEUTRAL,
                              markeredgecolor="black", label=labels[0]))
        if other is not None:
            handles.append(Line2D([], [], color=NEUTRAL, linewidth=1.6, linestyle=(0, (4, 2)),
                                  marker="o", markerfacecolor="white", markeredgecolor=NEUTRAL,
                                  label=labels[1]))
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.16), fontsize=8,
                  frameon=False, ncol=3)
    return ax


class PressureOptions(TypedDict, total=False):
    """What a pressure figure and its description share, spelt once (as for :func:`pressure_trajectory`)."""

    overlay: pd.DataFrame | None
    modes: str | Mode | Iterable[str | Mode] | None
    labels: tuple[str, str]


def pressure_figure(pressure: pd.DataFrame, **options: Unpack[PressureOptions]) -> Figure:
    """:func:`pressure_trajectory` on a figure of its own, sized and spaced for a page.

    Parameters
    ----------
    pressure, overlay, modes, labels
        As for :func:`pressure_trajectory`.

    Returns
    -------
    matplotlib Figure

    Examples
    --------
    >>> fig = pressure_figure(history.reform_pressure(history.load_reforms(), half_life=10))
    >>> fig.axes[0].get_ylabel().startswith("cumulative reform pressure")
    True
    """
    fig = Figure(figsize=(10, 4.8))
    pressure_trajectory(pressure, ax=fig.add_subplot(), **options)
    fig.subplots_adjust(left=0.1, right=0.98, top=0.9, bottom=0.3)  # top margin: era names
    return fig


def describe_pressure(pressure: pd.DataFrame, **options: Unpack[PressureOptions]) -> str:
    """A text description of :func:`pressure_trajectory`.

    Parameters
    ----------
    pressure : pandas.DataFrame
    **options
        ``overlay``, ``modes``, ``labels``: as for :func:`pressure_trajectory` (:class:`PressureOptions`).

    Returns
    -------
    str

    Examples
    --------
    >>> p = history.reform_pressure(history.load_reforms())
    >>> print(describe_pressure(p, modes=["H", "I"]))  # doctest: +NORMALIZE_WHITESPACE
    Cumulative reform pressure, 1946-2025, under the kit's coding (a judgement, not a measurement):
    one line per mode, markers every ten years. In 2025: hierarchy 37.0, individualism 30.0.
    Highest: hierarchy 37.0 in 2025; individualism 30.0 in 2025.
    """
    overlay, labels = options.get("overlay"), options.get("labels", _LABELS)
    chosen = chosen_modes(options.get("modes"))
    wide = _wide(pressure)
    y0, y1 = int(wide.index[0]), int(wide.index[-1])
    end = ", ".join(f"{m.value} {wide[m.value].iloc[-1]:.1f}" for m in chosen)
    peaks = "; ".join(f"{m.value} {wide[m.value].max():.1f} in {int(wide[m.value].idxmax())}" for m in chosen)
    text = (f"Cumulative reform pressure, {y0}-{y1}, under the {labels[0]} (a judgement, not a "
            f"measurement): one line per mode, markers every ten years. In {y1}: {end}. Highest: {peaks}.")
    if overlay is not None:
        other = _wide(overlay)
        diff = other - wide
        changed = [m for m in chosen if not np.allclose(diff[m.value].to_numpy(), 0)]
        if not changed:
            text += f" Dashed lines ({labels[1]}): the same as the {labels[0]}."
        else:
            parts = []
            for m in changed:
                d = diff[m.value]
                k = int(d.abs().idxmax())
                parts.append(f"{m.value} {d.iloc[-1]:+.1f} in {y1} (largest {d.loc[k]:+.1f} in {k})")
            text += f" Dashed lines ({labels[1]}) differ: " + "; ".join(parts) + "."
    return text


def _nice_limits(values: np.ndarray) -> tuple[float, float]:
    """Y limits covering the values, rounded outwards to a step of 5 (10 beyond a range of 50).

    Rounding means small recodings leave the axis alone, so a widget can reuse the static parts
    of the figure.
    """
    lo, hi = min(0.0, float(values.min())), max(0.0, float(values.max()))
    step = 5.0 if hi - lo <= 50 else 10.0
    return float(np.floor((lo - 0.5) / step) * step), float(np.ceil((hi + 0.5) / step) * step)


def recode_dynamic_artists(fig: Figure) -> list[Artist]:
    """The artists of a :func:`recode_figure` that :func:`update_recode_figure` changes.

    Everything else (axes, ticks, era bands, legends) stays put unless the y-limits change, so a
    widget can render it once and redraw only these (blitting). Each carries a gid (bar the
    suptitle), which is how :class:`coordkit.plots.FastPNG` finds them; FastPNG also redraws the
    threshold line and its label, which carry gids only so that they stay on top of the bars.

    Parameters
    ----------
    fig : matplotlib Figure
        Made by :func:`recode_figure`.

    Returns
    -------
    list of matplotlib Artist
        The trajectory lines, the year and reform markers, the profile bars and the two titles,
        in drawing order.

    Examples
    --------
    >>> kit = history.reform_pressure(history.load_reforms())
    >>> len(recode_dynamic_artists(recode_figure(kit, kit)))
    20
    """
    left, right = fig.axes[0], fig.axes[1]
    lines = sorted((line for line in left.lines if line.get_gid() in _RECODE_LINE_GIDS),
                   key=lambda a: a.get_zorder())
    bars = [p for p in right.patches if (p.get_gid() or "").startswith(("kit-", "yours-"))]
    suptitle = [t for t in fig.texts if t.get_text() == fig.get_suptitle()][-1:]
    return [*lines, *bars, right.title, *suptitle]


_RECODE_LINE_GIDS = {
    "year", "reform", *(f"pressure-{m.value}" for m in ALL_MODES), *(f"overlay-{m.value}" for m in ALL_MODES)
}


def _profiles(baseline: pd.DataFrame, alternative: pd.DataFrame, year: int,
              scale: float | None) -> tuple[Profile, Profile, float]:
    if scale is None:
        scale = history.pressure_scale(baseline)
    return (history.pressure_profile(baseline, year, scale=scale),
            history.pressure_profile(alternative, year, scale=scale), scale)


def _recode_title(kit: Profile, yours: Profile, year: int, threshold: float) -> str:
    return (f"{year}: kit's coding \u2192 {classify(kit, strong=threshold).name}  |  "
            f"yours \u2192 {classify(yours, strong=threshold).name}")


def recode_figure(
    baseline: pd.DataFrame,
    alternative: pd.DataFrame,
    *,
    year: int = history.LAST_YEAR,
    reform_year: float | None = None,
    scale: float | None = None,
    threshold: float = 0.5,
) -> Figure:
    """Two codings' pressure trajectories, and the profile each implies in one year.

    Left: :func:`pressure_trajectory` of ``baseline`` with ``alternative`` dashed on top, a
    dotted line at the recoded reform's date and a grey line at ``year``. Right: the four
    strengths read from each coding's pressure in ``year`` by
    :func:`coordkit.history.pressure_profile`, both on the *baseline's* scale so they compare
    like with like: kit's coding as filled, hatched bars, yours as hollow bars beside them. The
    title names the configuration each implies.

    Parameters
    ----------
    baseline, alternative : pandas.DataFrame
        Tidy pressure frames over the same years (e.g. the kit's coding and a recoding).
    year : int, default 2025
        Year whose profile is shown.
    reform_year : float, optional
        Decimal year of the reform being recoded, marked with a dotted line.
    scale : float, optional
        Pressure counted as full strength; default the baseline's largest absolute pressure.
    threshold : float, default 0.5
        Strength at which a mode counts as strong.

    Returns
    -------
    matplotlib Figure
        Axes 0 the trajectories, axes 1 the profile bars.

    Examples
    --------
    >>> reforms = history.load_reforms()
    >>> kit = history.reform_pressure(reforms, half_life=10)
    >>> mine = history.reform_pressure(history.recode(reforms, "health_and_care_act_2022",
    ...                                               individualism=0), half_life=10)
    >>> recode_figure(kit, mine).get_suptitle()
    "2025: kit's coding → balanced  |  yours → balanced"
    """
    fig = Figure(figsize=(11, 5.2))
    left = fig.add_subplot(1, 3, (1, 2))
    right = fig.add_subplot(1, 3, 3)
    # Every artist update_recode_figure changes carries a gid and nothing else does, so that
    # coordkit.plots.FastPNG can keep the rest as a static background; the changing artists are
    # added in the order matplotlib draws them (by zorder), which is the order FastPNG redraws them.
    left.axvline(year + 0.5, color=NEUTRAL, linewidth=1, zorder=2, gid="year")
    left.axvline(reform_year if reform_year is not None else np.nan, color="black", linestyle=":",
                 linewidth=1.4, zorder=2, gid="reform")
    pressure_trajectory(baseline, ax=left, overlay=alternative, era_bands=False)
    years = _wide(baseline).index.to_numpy(dtype=float)
    draw_era_bands(left, years[0], years[-1] + 1, gids=False, above=True)
    left.set_ylim(*_nice_limits(np.concatenate([baseline["pressure"].to_numpy(),
                                                alternative["pressure"].to_numpy()])))
    kit, yours, _ = _profiles(baseline, alternative, year, scale)
    positions = np.arange(len(ALL_MODES))
    for k, mode in enumerate(ALL_MODES):
        right.bar(positions[k] - 0.2, kit.strengths[k], width=0.38, color=PALETTE[mode],
                  hatch=HATCHES[mode], edgecolor="black", gid=f"kit-{mode.value}")
        right.bar(positions[k] + 0.2, yours.strengths[k], width=0.38, color="white",
                  hatch=HATCHES[mode], edgecolor=PALETTE[mode], linewidth=1.8, gid=f"yours-{mode.value}")
    # the threshold does not change, but it is drawn over the bars, so it is redrawn after them
    right.axhline(threshold, color="black", linestyle="--", linewidth=1, gid="threshold")
    right.text(3.6, threshold, " strong", fontsize=8, va="bottom", ha="right", gid="threshold-label")
    right.set_xticks(positions, [m.initial for m in ALL_MODES])
    right.set_ylim(0, 1.05)
    # short enough for one line of a projector's 18 px text; the panel's title says it is implied
    right.set_ylabel("strength (0 to 1)")
    right.set_title(f"profile read from pressure in {year}", fontsize=9, gid="profile-title")
    right.legend(handles=[Patch(facecolor=GUIDE, edgecolor="black", label="kit's coding"),
                          Patch(facecolor="white", edgecolor=NEUTRAL, linewidth=1.8, label="your coding")],
                 loc="upper right", fontsize=8, frameon=False)
    for side in ("top", "right"):
        right.spines[side].set_visible(False)
    fig.suptitle(_recode_title(kit, yours, year, threshold), fontsize=11)
    fig.subplots_adjust(left=0.08, right=0.98, top=0.82, bottom=0.3, wspace=0.45)  # top: era names
    return fig


def update_recode_figure(
    fig: Figure,
    baseline: pd.DataFrame,
    alternative: pd.DataFrame,
    *,
    year: int = history.LAST_YEAR,
    reform_year: float | None = None,
    scale: float | None = None,
    threshold: float = 0.5,
) -> Figure:
    """Move a :func:`recode_figure` to new codings in place (fast: no axes are rebuilt).

    Every artist this changes carries a gid (the titles aside: the profile title has one, and
    the suptitle is always redrawn), so a widget can render the figure with
    :class:`coordkit.plots.FastPNG`. The y-limits change only when the trajectories leave them
    (they are rounded outwards to a step of 5); a renderer must then be made afresh.

    Parameters
    ----------
    fig : matplotlib Figure
        Made by :func:`recode_figure` over the same years and threshold.
    baseline, alternative, year, reform_year, scale, threshold
        As for :func:`recode_figure`.

    Returns
    -------
    matplotlib Figure
        The same figure.

    Examples
    --------
    >>> reforms = history.load_reforms()
    >>> kit = history.reform_pressure(reforms)
    >>> fig = recode_figure(kit, kit)
    >>> mine = history.reform_pressure(history.recode(reforms, "nhs_act_1946", hierarchy=-2))
    >>> update_recode_figure(fig, kit, mine, year=1950).get_suptitle()
    "1950: kit's coding → no strong active form  |  yours → no strong active form"
    """
    left, right = fig.axes[0], fig.axes[1]
    wide, other = _wide(baseline), _wide(alternative)
    lines = {line.get_gid(): line for line in left.lines if line.get_gid()}
    for mode in ALL_MODES:
        lines[f"pressure-{mode.value}"].set_ydata(wide[mode.value].to_numpy())
        lines[f"overlay-{mode.value}"].set_ydata(other[mode.value].to_numpy())
    lines["year"].set_xdata([year + 0.5, year + 0.5])
    x = np.nan if reform_year is None else reform_year
    lines["reform"].set_xdata([x, x])
    left.set_ylim(*_nice_limits(np.concatenate([wide.to_numpy().ravel(), other.to_numpy().ravel()])))
    label = pressure_label(baseline)  # the half-life may have changed: faded sum or plain sum
    if label.split() != left.get_ylabel().split():  # (an app may have re-wrapped the same words)
        left.set_ylabel(label)
    kit, yours, _ = _profiles(baseline, alternative, year, scale)
    bars = {p.get_gid(): p for p in right.patches if p.get_gid() and isinstance(p, Rectangle)}
    for k, mode in enumerate(ALL_MODES):
        bars[f"kit-{mode.value}"].set_height(kit.strengths[k])
        bars[f"yours-{mode.value}"].set_height(yours.strengths[k])
    right.set_title(f"profile read from pressure in {year}", fontsize=9)
    fig.suptitle(_recode_title(kit, yours, year, threshold), fontsize=11)
    return fig


def describe_recode(
    baseline: pd.DataFrame,
    alternative: pd.DataFrame,
    *,
    year: int = history.LAST_YEAR,
    scale: float | None = None,
    threshold: float = 0.5,
) -> str:
    """A text description of :func:`recode_figure`.

    Parameters
    ----------
    baseline, alternative, year, scale, threshold
        As for :func:`recode_figure`.

    Returns
    -------
    str

    Examples
    --------
    >>> kit = history.reform_pressure(history.load_reforms(), half_life=10)
    >>> print(describe_recode(kit, kit))  # doctest: +NORMALIZE_WHITESPACE
    Cumulative reform pressure, 1946-2025, under the kit's coding (a judgement, not a
    measurement): one line per mode, markers every ten years. In 2025: hierarchy 13.1, solidarity
    14.2, individualism 7.4, fatalism 3.9. Highest: hierarchy 13.1 in 2025; solidarity 14.2 in
    2025; individualism 12.8 in 2012; fatalism 3.9 in 2025. Dashed lines (your coding): the same as
    the kit's coding.
    Profile read from the pressure in 2025 (each mode's pressure over 14.2, clipped to 0-1): kit's
    coding H 0.93, S 1.00, I 0.52, F 0.27, balanced; your coding H 0.93, S 1.00, I 0.52, F 0.27,
    balanced.
    """
    kit, yours, s = _profiles(baseline, alternative, year, scale)

    def fmt(p: Profile) -> str:
        return ", ".join(f"{m.initial} {v:.2f}" for m, v in zip(ALL_MODES, p.strengths, strict=True))

    return (
        describe_pressure(baseline, overlay=alternative)
        + f"\nProfile read from the pressure in {year} (each mode's pressure over {s:.1f}, clipped to "
        f"0-1): kit's coding {fmt(kit)}, {classify(kit, strong=threshold).name}; "
        f"your coding {fmt(yours)}, {classify(yours, strong=threshold).name}."
    )


@dataclass(frozen=True, eq=False)
class PressureView(FigureView):
    """The cumulative reform pressure (and an optional recoded overlay) as a figure view.

    Parameters
    ----------
    pressure : pandas.DataFrame
    overlay, modes, labels
        As for :func:`pressure_trajectory`.

    Examples
    --------
    >>> kit = history.reform_pressure(history.load_reforms())
    >>> view = PressureView(kit, modes=["H", "I"])
    >>> [line.get_gid() for line in view.figure().axes[0].lines if line.get_gid()]
    ['pressure-hierarchy', 'pressure-individualism']
    >>> view.alt()
    "Figure: cumulative reform pressure per mode, 1946-2025, under the kit's coding."
    """

    pressure: pd.DataFrame
    overlay: pd.DataFrame | None = None
    modes: str | Mode | Iterable[str | Mode] | None = None
    labels: tuple[str, str] = _LABELS

    figsize: ClassVar[tuple[float, float]] = (10.0, 4.8)
    max_width: ClassVar[str | None] = "1000px"

    def draw(self, ax: Axes) -> Axes:
        """Draw the trajectories on ``ax`` (:func:`pressure_trajectory`)."""
        return pressure_trajectory(self.pressure, ax=ax, overlay=self.overlay, modes=self.modes,
                                   labels=self.labels)

    def figure(self) -> Figure:
        """The trajectories on a figure of their own, with room above for the era names."""
        fig = Figure(figsize=self.figsize)
        self.draw(fig.add_subplot())
        fig.subplots_adjust(left=0.1, right=0.98, top=0.9, bottom=0.3)  # top margin: era names
        return fig

    def describe(self) -> str:
        """The text description (:func:`describe_pressure`)."""
        return describe_pressure(self.pressure, overlay=self.overlay, modes=self.modes, labels=self.labels)

    def alt(self) -> str:
        """One sentence: what the lines are, over which years, under whose coding."""
        years = self.pressure["year"]
        other = "" if self.overlay is None else f", with the {self.labels[1]} dashed"
        return (f"Figure: cumulative reform pressure per mode, {int(years.min())}-{int(years.max())}, "
                f"under the {self.labels[0]}{other}.")


@dataclass(frozen=True, eq=False)
class RecodeView(FigureView):
    """Two codings' pressure and the profile each implies in one year, as a figure view.

    Parameters
    ----------
    baseline, alternative : pandas.DataFrame
    year, reform_year, scale, threshold
        As for :func:`recode_figure`.

    Examples
    --------
    >>> kit = history.reform_pressure(history.load_reforms())
    >>> view = RecodeView(kit, kit, year=1990)
    >>> view.figure().get_suptitle() == view.alt().removeprefix("Figure: ").removesuffix(".")
    True
    """

    baseline: pd.DataFrame
    alternative: pd.DataFrame
    year: int = history.LAST_YEAR
    reform_year: float | None = None
    scale: float | None = None
    threshold: float = 0.5

    figsize: ClassVar[tuple[float, float]] = (11.0, 5.2)
    max_width: ClassVar[str | None] = "1100px"

    def draw(self, ax: Axes) -> Axes:
        """Draw the two trajectories on ``ax`` (the left panel of :meth:`figure`)."""
        return pressure_trajectory(self.baseline, ax=ax, overlay=self.alternative)

    def figure(self) -> Figure:
        """Trajectories and profile bars (:func:`recode_figure`)."""
        return recode_figure(self.baseline, self.alternative, year=self.year, reform_year=self.reform_year,
                             scale=self.scale, threshold=self.threshold)

    def update(self, fig: Figure) -> Figure:
        """Move a :meth:`figure` to this view in place (:func:`update_recode_figure`)."""
        return update_recode_figure(fig, self.baseline, self.alternative, year=self.year,
                                    reform_year=self.reform_year, scale=self.scale, threshold=self.threshold)

    def describe(self) -> str:
        """The text description (:func:`describe_recode`)."""
        return describe_recode(self.baseline, self.alternative, year=self.year, scale=self.scale,
                               threshold=self.threshold)

    def alt(self) -> str:
        """One sentence: the configuration each coding implies in the year (the figure's title)."""
        kit, yours, _ = _profiles(self.baseline, self.alternative, self.year, self.scale)
        return f"Figure: {_recode_title(kit, yours, self.year, self.threshold)}."
