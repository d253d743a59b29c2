"""Questionnaire figures: one respondent's now and preferred, a class scatter, group arrows, gap drivers.

Every figure has a ``describe_*`` companion returning its text description (used as alt text in the
class report and printed under static figures in the notebooks). Modes keep their Okabe-Ito colours
and differ by hatch too; groups are drawn in black and dark grey only, so that no group can be
mistaken for a mode, and differ by marker and line style, so nothing relies on colour alone.

Examples
--------
>>> from coordkit.survey import example_answers, score_answers
>>> ex = example_answers()
>>> r = score_answers(ex["now"], ex["preferred"], ex["likert"])
>>> fig = survey_figure(r)
>>> [ax.name for ax in fig.axes]
['ternary', 'rectilinear']
>>> describe_survey(r).split(".")[0]
'Your answers: now hierarchy 42, solidarity 30, individualism 10, fatalism 18 points; preferred
 hierarchy 31, solidarity 34, individualism 30, fatalism 5 points'
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

import mpltern  # noqa: F401  (registers the "ternary" projection)
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from coordkit.modes import ALL_MODES, Mode
from coordkit.plots.profile import SCALE_KEY, ternary
from coordkit.plots.style import HATCHES, PALETTE, new_axes
from coordkit.profile import Profile
from coordkit.survey import ClassAnalysis, GroupSummary, RespondentResult

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.typing import LineStyleType

__all__ = [
    "GROUP_COLOURS",
    "GROUP_LINESTYLES",
    "GROUP_MARKERS",
    "class_arrows_figure",
    "describe_class_arrows",
    "describe_gap_arrows",
    "describe_gap_drivers",
    "describe_respondents",
    "describe_survey",
    "gap_arrows",
    "gap_drivers_chart",
    "gap_drivers_figure",
    "group_style",
    "respondents_figure",
    "survey_figure",
    "update_class_arrows_figure",
    "update_survey_figure",
]

#: Neutral colours for groups (in order): black and dark grey, never a mode's colour, so that a group
#: cannot be mistaken for a mode (blue is hierarchy everywhere else in the kit).
GROUP_COLOURS = ("#000000", "#000000", "#505050", "#000000", "#505050", "#000000", "#505050")
#: A marker per group, none of them a mode's marker (triangle, circle, diamond, cross). The star is the
#: first group's alone (in the report, the whole class): :func:`group_style` never repeats it.
GROUP_MARKERS = ("*", "s", "v", "P", "h", "<", ">", "p", "8", "H")
#: A line style per group for its arrow, so groups differ in line as well as in marker.
GROUP_LINESTYLES: tuple[LineStyleType, ...] = (
    "-", (0, (5, 2)), (0, (1, 1.5)), (0, (6, 2, 1, 2)), (0, (2, 2)), (0, (8, 2, 1, 2, 1, 2)), (0, (3, 1)))
_NOW_MARKER, _PREFERRED_MARKER = "*", "o"


def group_style(k: int) -> tuple[str, str, LineStyleType]:
    """Colour, marker and arrow line style of group ``k`` (0 first) in the class figures.

    The star is group 0's alone; the other markers cycle over nine shapes and the line styles over
    seven, so no two of the first 64 groups share both marker and line style (a lecturer's review
    found a tenth seminar drawn exactly as the whole class when all three cycled together).

    Examples
    --------
    >>> group_style(0)[1], group_style(9)[1], group_style(10)[1]
    ('*', 'H', 's')
    >>> len({(group_style(k)[1], str(group_style(k)[2])) for k in range(64)})
    64
    """
    marker = GROUP_MARKERS[0] if k == 0 else GROUP_MARKERS[1 + (k - 1) % (len(GROUP_MARKERS) - 1)]
    return (GROUP_COLOURS[k % len(GROUP_COLOURS)], marker, GROUP_LINESTYLES[k % len(GROUP_LINESTYLES)])


def _active_shares(scores: np.ndarray) -> np.ndarray:
    """H, S, I shares of active points, rows of (n, 4) scores (equal thirds where all are zero)."""
    s = np.atleast_2d(np.asarray(scores, dtype=float))[:, :3]
    total = s.sum(axis=1, keepdims=True)
    return np.where(total > 0, s / np.where(total > 0, total, 1.0), 1 / 3)


def _arrow(ax: Axes, start: np.ndarray, end: np.ndarray, color: str, gid: str) -> None:
    delta = end - start
    if np.allclose(delta, 0):
        return
    ax.quiver([start[0]], [start[1]], [start[2]], [delta[0]], [delta[1]], [delta[2]], angles="xy",
              scale_units="xy", scale=1, color=color, width=0.008, zorder=4, gid=gid)


def _status(result: RespondentResult | GroupSummary) -> str:
    """Which dimensions are left out because their points do not add up to 100 (empty if none)."""
    if isinstance(result, GroupSummary):
        return ""
    missing = [f"{d + 1} {timeframe}" for timeframe, ok in (("now", result.complete_now),
                                                          ("preferred", result.complete_preferred))
               for d in range(len(ok)) if not ok[d]]
    if not missing:
        return ""
    return "Not counted until its points add up to 100: dimension " + ", ".join(missing)


def _view(result: RespondentResult | GroupSummary) -> tuple[np.ndarray, np.ndarray, str]:
    """Now scores, preferred scores and a title for one respondent or a group."""
    if isinstance(result, GroupSummary):
        return (result.now_mean, result.preferred_mean,
                f"{result.label} (n={result.n}) now: {result.shown_configuration('now')}  |  "
                f"preferred: {result.shown_configuration('preferred')}")
    if result.now is None:
        title = "Share out 100 points in at least one dimension to see your profile"
    else:
        assert result.configuration_now is not None, "a respondent with a now profile is classified"
        now = result.configuration_now.name
        pref = result.configuration_preferred.name if result.configuration_preferred else "(incomplete)"
        title = f"Now: {now}  |  preferred: {pref}"
    return result.now_scores, result.preferred_scores, title


def survey_figure(result: RespondentResult | GroupSummary, *, ticks: bool = False) -> Figure:
    """One respondent (or a group's means): now and preferred on the ternary, and points per mode.

    Parameters
    ----------
    result : RespondentResult or GroupSummary
        From :func:`coordkit.survey.score_answers`, or a class or group from
        :func:`coordkit.survey.analyse`.
    ticks : bool, default False
        Percentage ticks on the triangle (for static figures; slower to draw).

    Returns
    -------
    matplotlib Figure
        Two axes: the ternary (now = filled star, preferred = open circle, arrow from now to
        preferred) and grouped bars of mode scores (now solid, preferred outlined).
    """
    fig = Figure(figsize=(10, 4.8))
    tax = fig.add_subplot(1, 2, 1, projection="ternary")
    ternary([], ax=tax, ticks=ticks)
    bax = fig.add_subplot(1, 2, 2)
    x = np.arange(4)
    for k, mode in enumerate(ALL_MODES):
        bax.bar(x[k] - 0.2, 0, width=0.4, color=PALETTE[mode], hatch=HATCHES[mode], edgecolor="black",
                gid=f"now-{k}")
        bax.bar(x[k] + 0.2, 0, width=0.4, color="white", hatch=HATCHES[mode], edgecolor=PALETTE[mode],
                linewidth=1.5, gid=f"preferred-{k}")
    bax.set_xticks(x, [m.label for m in ALL_MODES])
    bax.set_ylim(0, 100)
    bax.set_ylabel("points out of 100 (mean over dimensions)")
    bax.legend(handles=[Patch(facecolor="#777777", edgecolor="black", label="now"),
                        Patch(facecolor="white", edgecolor="#777777", linewidth=1.5, label="preferred")],
               loc="upper right", fontsize=8, frameon=False)
    fig.text(0.01, 0.01, "Triangle: share of the three active modes (fatalism not shown); star = now, "
             "circle = preferred, arrow = the change wanted." + ("\n" + SCALE_KEY if ticks else ""),
             fontsize=8)
    fig.text(0.5, 0.905, "", fontsize=9, ha="center", color="#B24A00", gid="status")
    fig.subplots_adjust(left=0.09, right=0.98, top=0.82, bottom=0.2, wspace=0.35)
    return update_survey_figure(fig, result)


def update_survey_figure(fig: Figure, result: RespondentResult | GroupSummary) -> Figure:
    """Move a :func:`survey_figure` to new answers in place (fast: no axes are rebuilt).

    Parameters
    ----------
    fig : matplotlib Figure
        Made by :func:`survey_figure`.
    result : RespondentResult or GroupSummary

    Returns
    -------
    matplotlib Figure
        The same figure.

    Examples
    --------
    >>> from coordkit.survey import questionnaire, score_answers
    >>> v1 = questionnaire(version=1)  # no strength block: strength inferred from the points
    >>> fig = survey_figure(score_answers([[25] * 4] * 6, [[25] * 4] * 6, q=v1))
    >>> fig = update_survey_figure(fig, score_answers([[70, 10, 10, 10]] * 6, [[25] * 4] * 6, q=v1))
    >>> fig.get_suptitle()
    'Now: hierarchy monoculture  |  preferred: not classified'
    """
    tax: Any  # mpltern's ternary axes are untyped (scatter takes t, l, r)
    bax: Axes
    tax, bax = fig.axes
    for artist in [a for a in [*tax.collections, *tax.lines] if a.get_gid() in ("now", "preferred", "gap")]:
        artist.remove()
    now_scores, preferred_scores, title = _view(result)
    points = {}
    for gid, scores, marker, face in (("now", now_scores, _NOW_MARKER, "black"),
                                      ("preferred", preferred_scores, _PREFERRED_MARKER, "white")):
        if np.all(np.isfinite(scores)):
            p = _active_shares(scores)[0]
            points[gid] = p
            tax.scatter([p[0]], [p[1]], [p[2]], s=240 if gid == "now" else 130, marker=marker, c=face,
                        edgecolors="black", linewidths=1.5, zorder=5, gid=gid)
    if len(points) == 2:
        _arrow(tax, points["now"], points["preferred"], "black", "gap")
    status = next(t for t in fig.texts if t.get_gid() == "status")
    status.set_text(_status(result))
    # the gid'd patches are the bars drawn by bax.bar in respondent_figure
    bars = {p.get_gid(): cast(Rectangle, p) for p in bax.patches if p.get_gid()}
    for k in range(4):
        bars[f"now-{k}"].set_height(float(np.nan_to_num(now_scores[k])))
        bars[f"preferred-{k}"].set_height(float(np.nan_to_num(preferred_scores[k])))
    fig.suptitle(title, fontsize=12)
    return fig


def _points_text(scores: np.ndarray) -> str:
    return ", ".join(f"{m.value} {v:.0f}" for m, v in zip(ALL_MODES, scores, strict=True)) + " points"


def describe_survey(result: RespondentResult | GroupSummary, *, ticks: bool = False) -> str:
    """Text description of :func:`survey_figure` for the same answers (or group).

    Parameters
    ----------
    result : RespondentResult or GroupSummary
    ticks : bool, default False
        Whether the figure has scales (``survey_figure(..., ticks=True)``): then the description
        ends with how to read them (:data:`coordkit.plots.profile.SCALE_KEY`).

    Returns
    -------
    str
    """
    text = _describe_survey(result)
    shown = isinstance(result, GroupSummary) or result.now is not None  # a point on the triangle
    return f"{text} {SCALE_KEY}" if ticks and shown else text


def _describe_survey(result: RespondentResult | GroupSummary) -> str:
    if isinstance(result, GroupSummary):
        h, s, i = _active_shares(result.now_mean)[0]
        hp, sp, ip = _active_shares(result.preferred_mean)[0]
        wanted = ", ".join(f"{m.value} {g:+.0f}" for m, g in zip(ALL_MODES, result.gap, strict=True))
        return (f"{result.label}: {result.count_text()}. Mean scores: now {_points_text(result.now_mean)}; "
                f"preferred {_points_text(result.preferred_mean)}. Triangle: now at hierarchy {h:.0%}, "
                f"solidarity {s:.0%}, individualism {i:.0%} of active points, preferred at {hp:.0%} / "
                f"{sp:.0%} / {ip:.0%}. Configuration now: {result.shown_configuration('now')}; preferred: "
                f"{result.shown_configuration('preferred')}. Change wanted (points): {wanted}.")
    if result.now is None:
        return ("Your answers: no dimension shares out exactly 100 points yet, so there is no profile "
                "to show.")
    parts = [f"Your answers: now {_points_text(result.now_scores)}"]
    if result.preferred is not None:
        parts[0] += f"; preferred {_points_text(result.preferred_scores)}"
    h, s, i = _active_shares(result.now_scores)[0]
    text = parts[0] + (f". Triangle: now at hierarchy {h:.0%}, solidarity {s:.0%}, individualism {i:.0%} "
                       "of active points")
    if result.preferred is not None:
        h, s, i = _active_shares(result.preferred_scores)[0]
        text += f", preferred at {h:.0%} / {s:.0%} / {i:.0%}"
    assert result.configuration_now is not None, "a respondent with a now profile is classified"
    text += f". Configuration now: {result.configuration_now.name}"
    if result.configuration_preferred is not None:
        text += f"; preferred: {result.configuration_preferred.name}"
    status = _status(result)
    blocks = (" Your two blocks disagree: your points and your strength ratings rank the modes differently "
              "(the diagnosis says how)." if result.blocks is not None and result.blocks.disagree else "")
    return text + ". " + result.describe_gap() + (f" {status}." if status else "") + blocks


# ----- a class ---------------------------------------------------------------------------------
def respondents_figure(now_scores: np.ndarray, preferred_scores: np.ndarray, *,
                       ticks: bool = False) -> Figure:
    """Every respondent on two triangles, now and preferred, with the class mean as a large star.

    Points are unlabelled: the figure never identifies anyone.

    Parameters
    ----------
    now_scores, preferred_scores : array, shape (n, 4)
        Mode scores per respondent.
    ticks : bool, default False

    Returns
    -------
    matplotlib Figure
        Two ternary axes.

    Examples
    --------
    >>> from coordkit.survey import synthetic_class
    >>> c = synthetic_class()
    >>> fig = respondents_figure(c.scores("now"), c.scores("preferred"))
    >>> len(fig.axes)
    2
    """
    fig = Figure(figsize=(10, 4.8))
    for k, (label, scores) in enumerate((("now", now_scores), ("preferred", preferred_scores))):
        # mpltern's ternary axes are untyped (scatter takes t, l, r)
        ax: Any = fig.add_subplot(1, 2, k + 1, projection="ternary")
        ternary([], ax=ax, ticks=ticks)
        shares = _active_shares(scores)
        if len(shares):
            ax.scatter(shares[:, 0], shares[:, 1], shares[:, 2], s=22, c="#555555", alpha=0.55,
                       marker="o", edgecolors="none", zorder=3, gid=f"respondents-{label}")
            mean = _active_shares(np.asarray(scores).mean(axis=0))[0]
            ax.scatter([mean[0]], [mean[1]], [mean[2]], s=300, c="black", marker="*", edgecolors="white",
                       linewidths=1.0, zorder=5, gid=f"mean-{label}")
        ax.set_title(f"{label.capitalize()} ({len(shares)} respondents)", pad=34 if ticks else 28,
                     fontsize=11)
    fig.text(0.01, 0.01, "Each dot is one respondent's share of the three active modes (fatalism not "
             "shown); the star is the class mean. Dots are never labelled.", fontsize=8)
    if ticks:  # tick labels need room round both triangles
        fig.set_size_inches(10.5, 5.6)
        fig.subplots_adjust(left=0.08, right=0.92, top=0.8, bottom=0.2, wspace=0.55)
    else:
        fig.subplots_adjust(left=0.07, right=0.97, top=0.80, bottom=0.16, wspace=0.4)
    return fig


def _largest_share_text(shares: np.ndarray) -> str:
    """Which mode has the largest share for the most respondents, a tie counted as a tie.

    Not as hierarchy, the first mode, as an ``argmax`` would.
    """
    n = len(shares)
    top = np.isclose(shares, np.nanmax(shares, axis=1, keepdims=True)) if n else np.zeros((0, 3), bool)
    single = top.sum(axis=1) == 1
    tied = int((top.sum(axis=1) > 1).sum())
    leads = top[single].sum(axis=0)
    best = int(leads.max()) if n else 0
    if not best:
        return f"no single largest share for {tied} of {n} (tied)"
    names = [ALL_MODES[k].value for k in range(3) if leads[k] == best]
    text = (f"{names[0]} has" if len(names) == 1 else f"{' and '.join(names)} each have")
    text += f" the largest share for {best} of {n}"
    return text + (f"; no single largest share (tied) for {tied}" if tied else "")


def describe_respondents(now_scores: np.ndarray, preferred_scores: np.ndarray) -> str:
    """Text description of :func:`respondents_figure`.

    A respondent whose largest share is tied between modes (25 / 25 / 25 / 25) is counted as tied, not
    as leading with one of them.

    Examples
    --------
    >>> print(describe_respondents(np.array([[40, 30, 10, 20]] * 5), np.array([[30, 30, 30, 10]] * 5)))
    Two triangles of 5 respondents' divide-100 shares of hierarchy / solidarity / individualism (fatalism
    not shown). Now: class mean 50% / 38% / 12%; hierarchy has the largest share for 5 of 5. Preferred:
    class mean 33% / 33% / 33%; no single largest share for 5 of 5 (tied).
    >>> print(describe_respondents(np.array([[40, 30, 10, 20], [30, 40, 10, 20], [30, 30, 20, 20]]),
    ...                            np.array([[40, 30, 10, 20]] * 3)).split("Now: ")[1].split(". Pref")[0])
    class mean 42% / 42% / 17%; hierarchy and solidarity each have the largest share for 1 of 3; no single
    largest share (tied) for 1
    """
    parts = []
    n = len(now_scores)
    for label, scores in (("Now", now_scores), ("Preferred", preferred_scores)):
        if not n:
            continue
        shares = _active_shares(scores)
        mean = _active_shares(np.asarray(scores).mean(axis=0))[0]
        parts.append(f"{label}: class mean {mean[0]:.0%} / {mean[1]:.0%} / {mean[2]:.0%}; "
                     f"{_largest_share_text(shares)}.")
    return (f"Two triangles of {n} respondents' divide-100 shares of hierarchy / solidarity / individualism "
            f"(fatalism not shown). " + " ".join(parts))


def _ternary_arrow(ax: Axes, start: np.ndarray, end: np.ndarray, *, color: str, linestyle: object,
                   gid: str, linewidth: float = 2.0) -> None:
    """An arrow between two ternary points with a given line style (an annotation, so dashes work)."""
    if np.allclose(end - start, 0):
        return
    tax: Any = ax  # mpltern's ternary axes are untyped (transProjection)
    xy_start, xy_end = tax.transProjection.transform(np.array([start, end]))
    ax.annotate("", xy=tuple(xy_end), xytext=tuple(xy_start), xycoords="data", textcoords="data",
                annotation_clip=False, zorder=4, gid=gid,
                arrowprops={"arrowstyle": "-|>,head_length=0.7,head_width=0.3", "color": color,
                            "linewidth": linewidth, "linestyle": linestyle, "shrinkA": 6, "shrinkB": 7})


def gap_arrows(
    starts: Sequence[Profile],
    ends: Sequence[Profile],
    labels: Sequence[str],
    *,
    ax: Axes | None = None,
    ticks: bool = False,
    base: bool = True,
    start: int = 0,
    legend: bool = True,
) -> Axes:
    """Arrows on the ternary from each group's now profile to its preferred one.

    Groups are drawn in black or dark grey (never a mode's colour) and told apart by marker and
    by the arrow's line style; the legend sits outside the triangle, to its right.

    Parameters
    ----------
    starts, ends : sequence of Profile
        Now and preferred profiles, one pair per group.
    labels : sequence of str
        Group names (shown in the legend).
    ax : ternary Axes, optional
        Leave room on its right for the legend (see :func:`class_arrows_figure`).
    ticks : bool, default False
    base : bool, default True
        Draw the shaded triangle first (False when redrawing arrows on an existing one).
    start : int, default 0
        Draw only the groups from this one on (the others are already drawn; for in-place updates).
    legend : bool, default True
        Draw the legend (of every group).

    Returns
    -------
    matplotlib Axes
        Group artists carry gids starting ``group-`` (the legend too), for in-place updates.

    Examples
    --------
    >>> from coordkit.profile import Profile
    >>> ax = gap_arrows([Profile(1, 0.7, 0.3, 0.5)], [Profile(0.9, 1, 0.8, 0.2)], ["Ward A"])
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['Ward A']
    """
    if not len(starts) == len(ends) == len(labels):
        raise ValueError(f"starts, ends and labels must have the same length; got {len(starts)}, "
                         f"{len(ends)} and {len(labels)}")
    new = ax is None
    ax = new_axes(ax, "ternary", figsize=(9, 5))
    if new:
        ax.figure.subplots_adjust(left=0.09, right=0.56, top=0.92, bottom=0.12)
    if base:
        ternary([], ax=ax, ticks=ticks)
    tax: Any = ax  # mpltern's ternary axes are untyped (scatter takes t, l, r)
    handles = []
    for k, (a, b, label) in enumerate(zip(starts, ends, labels, strict=True)):
        colour, marker, style = group_style(k)
        size = 260 if marker == "*" else 110
        if k >= start:
            pa, pb = np.array(a.shares), np.array(b.shares)
            tax.scatter([pa[0]], [pa[1]], [pa[2]], s=size, c=colour, marker=marker, edgecolors="black",
                        linewidths=0.8, zorder=5, gid=f"group-now-{k}")
            tax.scatter([pb[0]], [pb[1]], [pb[2]], s=size, facecolors="white", edgecolors=colour,
                        marker=marker, linewidths=1.6, zorder=5, gid=f"group-preferred-{k}")
            _ternary_arrow(ax, pa, pb, color=colour, linestyle=style, gid=f"group-gap-{k}")
        handles.append(Line2D([], [], color=colour, marker=marker, markersize=12 if marker == "*" else 8,
                              linestyle=style, linewidth=2.0, label=label))
    if handles and legend:
        box = ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.12, 1.02), fontsize=9,
                           frameon=False, handlelength=3.2, borderaxespad=0,
                           title="filled = now, open = preferred;\narrow = change wanted", title_fontsize=9)
        box._legend_box.align = "left"  # type: ignore[attr-defined]  # private VPacker, absent from the stubs
        box.set_gid("group-legend")
    return ax


def describe_gap_arrows(starts: Sequence[Profile], ends: Sequence[Profile], labels: Sequence[str], *,
                        configurations: Sequence[tuple[str, str]] | None = None) -> str:
    """Text description of :func:`gap_arrows`: one line per group.

    Parameters
    ----------
    starts, ends : sequence of Profile
    labels : sequence of str
    configurations : sequence of (str, str), optional
        Each group's configuration now and preferred, in the words its table shows (for a class, each
        summary's :meth:`~coordkit.survey.GroupSummary.shown_configuration`, withholding included). Without
        them no configuration is named: the kit does not classify the arrows' ends by a rule of its own,
        which could disagree with the tables (the kit's choice).

    Examples
    --------
    >>> from coordkit.profile import Profile
    >>> print(describe_gap_arrows([Profile(1, 0.7, 0.3, 0.5)], [Profile(0.9, 1, 0.8, 0.2)], ["Ward A"]))
    Arrows from now to preferred, relative strength ratings of hierarchy / solidarity / individualism
    (rated strengths rescaled to sum to 1, not divide-100 points; the overall level is not shown):
    - Ward A: 50% / 35% / 15% to 33% / 37% / 30%
    >>> shown = [("hierarchy monoculture", "withheld: ...")]
    >>> print(describe_gap_arrows([Profile(1, 0.7, 0.3, 0.5)], [Profile(0.9, 1, 0.8, 0.2)], ["Ward A"],
    ...                           configurations=shown).splitlines()[-1])
    - Ward A: 50% / 35% / 15% (hierarchy monoculture) to 33% / 37% / 30% (withheld: ...)
    """
    if configurations is not None and len(configurations) != len(labels):
        raise ValueError(f"configurations and labels must have the same length; got {len(configurations)} "
                         f"and {len(labels)}")
    lines = ["Arrows from now to preferred, relative strength ratings of hierarchy / solidarity / "
             "individualism (rated strengths rescaled to sum to 1, not divide-100 points; "
             "the overall level is not shown):"]
    for k, (a, b, label) in enumerate(zip(starts, ends, labels, strict=True)):
        sa = " / ".join(f"{v:.0%}" for v in a.shares)
        sb = " / ".join(f"{v:.0%}" for v in b.shares)
        if configurations is None:
            lines.append(f"- {label}: {sa} to {sb}")
        else:
            now, preferred = configurations[k]
            lines.append(f"- {label}: {sa} ({now}) to {sb} ({preferred})")
    return "\n".join(lines)


#: characters per line and most lines of a statement used as a gap-chart label (the kit's choice:
#: two lines stay legible on a projector at the report's figure width)
_LABEL_WIDTH, _LABEL_LINES = 34, 2


def _driver_label(row: pd.Series) -> str:
    """The statement itself, wrapped to two lines (a longer one is cut at a word with an ellipsis)."""
    return "\n".join(textwrap.wrap(str(row["statement"]), _LABEL_WIDTH, max_lines=_LABEL_LINES,
                                   placeholder=" \u2026"))


def gap_drivers_chart(drivers: pd.DataFrame, *, top: int = 8, ax: Axes | None = None) -> Axes:
    """Horizontal bars of the statements with the largest mean gap (preferred minus now, in points).

    Each bar is labelled with its statement in words (at most two lines; the item code is the bar's
    ``gid`` and is in the description), so that a room can read the chart without the table.

    Parameters
    ----------
    drivers : pandas.DataFrame
        From :func:`coordkit.survey.gap_drivers` (largest absolute gap first).
    top : int, default 8
        How many statements to show.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from coordkit.survey import gap_drivers, synthetic_class
    >>> ax = gap_drivers_chart(gap_drivers(synthetic_class()), top=3)
    >>> for t in ax.get_yticklabels()[::-1]:  # the largest gap at the top
    ...     print(" / ".join(t.get_text().splitlines()))
    Through individuals acting on / their own judgement.
    They let each person get on with / their work in their own way.
    Each person's own contribution.
    """
    ax = new_axes(ax, figsize=(10, 0.65 * top + 1.2))
    rows = drivers.head(top).iloc[::-1]
    y = np.arange(len(rows))
    for k, (_, row) in enumerate(rows.iterrows()):
        mode = Mode(row["mode"])
        ax.barh(y[k], row["gap_mean"], color=PALETTE[mode], hatch=HATCHES[mode], edgecolor="black",
                gid=f"driver-{row['item']}")
    ax.set_yticks(y, [_driver_label(r) for _, r in rows.iterrows()])
    ax.tick_params(labelsize=12)  # large enough to read from a projected report
    ax.axvline(0, color="black", linewidth=1)
    ax.set_xlabel("mean change wanted, points (preferred minus now)", fontsize=12)
    ax.set_title(f"The {len(rows)} statements with the largest now-preferred gap", fontsize=13)
    shown = {Mode(m) for m in rows["mode"]}
    ax.legend(handles=[Patch(facecolor=PALETTE[m], hatch=HATCHES[m], edgecolor="black", label=m.label)
                       for m in ALL_MODES if m in shown], fontsize=11, frameon=False, loc="best")
    return ax


def gap_drivers_figure(drivers: pd.DataFrame, *, top: int = 8) -> Figure:
    """:func:`gap_drivers_chart` on a figure of its own, sized and with room for the labels.

    Examples
    --------
    >>> from coordkit.survey import gap_drivers, synthetic_class
    >>> len(gap_drivers_figure(gap_drivers(synthetic_class()), top=5).axes[0].patches) >= 5
    True
    """
    fig = Figure(figsize=(11, 0.65 * top + 1.5))
    gap_drivers_chart(drivers, top=top, ax=fig.add_subplot())
    fig.subplots_adjust(left=0.33, right=0.97, top=0.92, bottom=0.1 + 0.3 / max(top, 1))
    return fig


def describe_gap_drivers(drivers: pd.DataFrame, *, top: int = 8) -> str:
    """Text description of :func:`gap_drivers_chart`.

    Examples
    --------
    >>> from coordkit.survey import gap_drivers, synthetic_class
    >>> print(describe_gap_drivers(gap_drivers(synthetic_class()), top=2))
    The 2 statements with the largest mean gap (preferred minus now):
    - D4I (How does change happen?, individualism): +14.3 points; 87% of respondents want more, 10% less.
    - D6I (What do leaders do?, individualism): +13.7 points; 83% of respondents want more, 12% less.
    """
    lines = [f"The {min(top, len(drivers))} statements with the largest mean gap (preferred minus now):"]
    for _, row in drivers.head(top).iterrows():
        lines.append(f"- {row['item']} ({row['heading']}, {row['mode']}): {row['gap_mean']:+.1f} points; "
                     f"{row['more']:.0%} of respondents want more, {row['less']:.0%} less.")
    return "\n".join(lines)


def class_arrows_figure(analysis: ClassAnalysis, *, ticks: bool = False) -> Figure:
    """Whole class and every shown group, now to preferred, on one triangle.

    Parameters
    ----------
    analysis : ClassAnalysis
        From :func:`coordkit.survey.analyse`; suppressed groups are not drawn.
    ticks : bool, default False

    Returns
    -------
    matplotlib Figure
    """
    fig = Figure(figsize=(9.6, 5.6))
    ax = fig.add_subplot(projection="ternary")
    # Room below for the rotated corner labels and on the right for the legend, clear of the ticks.
    fig.subplots_adjust(left=0.09, right=0.56, top=0.9, bottom=0.15)
    summaries = analysis.summaries()
    gap_arrows([s.now for s in summaries], [s.preferred for s in summaries], [s.label for s in summaries],
               ax=ax, ticks=ticks)
    return fig


def update_class_arrows_figure(fig: Figure, analysis: ClassAnalysis) -> Figure:
    """Redraw a :func:`class_arrows_figure` for new results in place (the triangle is kept).

    The groups already drawn are moved (their points and arrows), those no longer shown removed and
    new ones added, in the order a fresh figure draws them, so the picture is the same as
    :func:`class_arrows_figure`'s, pixel for pixel; the legend is kept while its labels stay the same.
    Where a group's arrow would appear or vanish (no change wanted), every group is drawn again.

    Examples
    --------
    >>> from coordkit.survey import analyse, synthetic_class
    >>> c = synthetic_class()
    >>> fig = class_arrows_figure(analyse(c, group_column="team"))
    >>> fig = update_class_arrows_figure(fig, analyse(c, group_column="team", min_group=3))
    >>> len(fig.axes[0].get_legend().get_texts())
    6
    """
    (ax,) = fig.axes
    summaries = analysis.summaries()
    starts, ends = [s.now for s in summaries], [s.preferred for s in summaries]
    labels = [s.label for s in summaries]
    if not _move_gap_arrows(ax, starts, ends, labels):
        for artist in [*ax.collections, *ax.lines, *ax.patches, *ax.texts]:
            if str(artist.get_gid() or "").startswith("group-"):
                artist.remove()
        legend = ax.get_legend()
        if legend is not None:
            legend.remove()
        gap_arrows(starts, ends, labels, ax=ax, base=False)
    return fig


def _move_gap_arrows(ax: Axes, starts: Sequence[Profile], ends: Sequence[Profile],
                     labels: Sequence[str]) -> bool:
    """Move :func:`gap_arrows`' groups in place (False, changing nothing, where that cannot be done).

    Group ``k`` keeps its marker, colour and line style, so only its points and arrow move; groups
    beyond the new count are removed and new ones drawn after the others (the order
    :func:`gap_arrows` draws them in). Not done when an existing group's arrow would appear or vanish
    (the new arrow would be drawn out of that order).
    """
    drawn: dict[str, Any] = {str(a.get_gid()): a for a in [*ax.collections, *ax.texts]
             if str(a.get_gid() or "").startswith("group-")}
    before = sum(1 for gid in drawn if gid.startswith("group-now-"))
    shares = [(np.array(a.shares), np.array(b.shares)) for a, b in zip(starts, ends, strict=True)]
    kept = min(before, len(shares))
    if any((f"group-gap-{k}" in drawn) == bool(np.allclose(shares[k][1] - shares[k][0], 0))
           for k in range(kept)):
        return False
    tax: Any = ax  # mpltern's ternary axes are untyped (transProjection)
    for k in range(kept):
        pa, pb = shares[k]
        xy_start, xy_end = tax.transProjection.transform(np.array([pa, pb]))
        drawn[f"group-now-{k}"].set_offsets(xy_start[None, :])  # as mpltern's scatter places it
        drawn[f"group-preferred-{k}"].set_offsets(xy_end[None, :])
        arrow = drawn.get(f"group-gap-{k}")
        if arrow is not None:
            arrow.xy, arrow.xyann = tuple(xy_end), tuple(xy_start)
    for k in range(len(shares), before):
        for part in ("now", "preferred", "gap"):
            if f"group-{part}-{k}" in drawn:
                drawn[f"group-{part}-{k}"].remove()
    legend = ax.get_legend()
    same = legend is not None and [t.get_text() for t in legend.get_texts()] == list(labels)
    if legend is not None and not same:
        legend.remove()
    if len(shares) > before or not same:
        gap_arrows(starts, ends, labels, ax=ax, base=False, start=before, legend=not same)
    return True


def describe_class_arrows(analysis: ClassAnalysis) -> str:
    """Text description of :func:`class_arrows_figure`.

    Each group's configuration is the one its row of the report's tables shows
    (:meth:`~coordkit.survey.GroupSummary.shown_configuration`: withheld where members disagree, not
    classified where nobody is), from the same :meth:`~coordkit.survey.ClassAnalysis.summaries`.

    Examples
    --------
    >>> from coordkit.survey import analyse, synthetic_class
    >>> text = describe_class_arrows(analyse(synthetic_class(), group_column="team"))
    >>> "withheld: members disagree" in text
    True
    """
    summaries = analysis.summaries()
    return describe_gap_arrows([s.now for s in summaries], [s.preferred for s in summaries],
                               [f"{s.label} (n={s.n})" for s in summaries],
                               configurations=[(s.shown_configuration("now"),
                                                s.shown_configuration("preferred")) for s in summaries])

