"""Figures for the clumsiness audit: Hood's control map, and an audit drawn on it.

The control map shows four polar types, six hybrids and the hermit at the centre; each figure
has a text description.

The map follows the grid-group diagram: group increases to the right, grid upwards, so oversight
(hierarchist) is top right, mutuality (egalitarian) bottom right, competition (individualist)
bottom left and contrived randomness (fatalist) top left; the hermit, who withdraws from the map,
sits in the middle. Each polar type has its mode's colour *and* marker; status is written beside
every node and hybrids in use are drawn solid and thick, unused ones dotted -- never colour alone.
What is drawn and what is described come from the same :class:`~coordkit.audit.Audit`.

Examples
--------
>>> from coordkit import audit
>>> fig = audit_figure(audit.audit(audit.package("hsca_2012")))
>>> len(fig.axes)
2
>>> print(describe_audit(audit.audit(audit.package("hsca_2012"))).split(". ")[0])
Audit of The Health and Social Care Act 2012, 4 instruments, partly clumsy in the kit's reading
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch

from coordkit import audit as _audit
from coordkit.modes import Mode
from coordkit.plots import style
from coordkit.plots.style import MARKERS, PALETTE
from coordkit.plots.view import FigureView

__all__ = ["POSITIONS", "AuditView", "HybridsView", "audit_figure", "control_map", "describe_audit",
           "describe_hybrids", "hybrids_figure"]

#: Where each polar type (and the hermit) sits on the map: (group, grid), 0 = low, 1 = high.
POSITIONS: dict[str, tuple[float, float]] = {
    "contrived randomness": (0.0, 1.0),
    "oversight": (1.0, 1.0),
    "competition": (0.0, 0.0),
    "mutuality": (1.0, 0.0),
    "hermit": (0.5, 0.5),
}
_MODE = {"oversight": Mode.HIERARCHY, "mutuality": Mode.SOLIDARITY, "competition": Mode.INDIVIDUALISM,
         "contrived randomness": Mode.FATALISM}
_VOICE_OF = {"oversight": "hierarchy", "mutuality": "solidarity", "competition": "individualism",
             "contrived randomness": "fatalism"}
_TEXT = style.INK  # near-black text: contrast far above 4.5:1 on white
_MUTED = style.NEUTRAL  # grey text still above 4.5:1 on white
_STATUS_STYLE = {  # fill?, line style of the node's edge
    "engaged": (True, "solid"),
    "unresponsive": (True, "dashed"),
    "excluded": (False, "dotted"),
}


#: Where each hybrid's label sits: side midpoints, and the diagonals' labels in the upper half,
#: apart from each other and from the hermit in the middle.
_LABEL_AT: dict[frozenset[str], tuple[float, float]] = {
    frozenset({"oversight", "contrived randomness"}): (0.5, 1.0),
    frozenset({"oversight", "mutuality"}): (1.0, 0.5),
    frozenset({"mutuality", "competition"}): (0.5, 0.0),
    frozenset({"competition", "contrived randomness"}): (0.0, 0.5),
    frozenset({"oversight", "competition"}): (0.74, 0.74),
    frozenset({"mutuality", "contrived randomness"}): (0.26, 0.74),
}


def control_map(ax: Axes, *, highlight: str | None = None, result: _audit.Audit | None = None) -> Axes:
    """Draw Hood's control map on ``ax``: four polar types, six hybrids, the hermit.

    Parameters
    ----------
    ax : matplotlib Axes
    highlight : str, optional
        A control type to emphasise (thick solid line for a hybrid, thick ring for a polar type).
    result : Audit, optional
        Draw an audit instead: node style by each voice's status (filled = engaged, hatched with a
        dashed edge = unresponsive, hollow with a dotted edge = excluded), hybrids in use solid
        and thick with their instrument count, unused hybrids dotted.

    Returns
    -------
    matplotlib Axes
    """
    types = _audit.control_types()
    used: dict[str, int] = {}
    status: dict[str, str] = {}
    if result is not None:
        used = {h.hybrid: len(h.instruments) for h in result.hybrids}
        status = {v.voice: v.status for v in result.voices}
    ax.set_xlim(-0.45, 1.45)
    ax.set_ylim(-0.35, 1.35)
    ax.set_aspect("equal")
    ax.axis("off")
    for ct in types.values():
        if ct.kind != "hybrid":
            continue
        a, b = ct.parts
        on = ct.name == highlight or ct.name in used
        arrow = FancyArrowPatch(POSITIONS[a], POSITIONS[b], arrowstyle="-", shrinkA=18, shrinkB=18,
                                linewidth=4.0 if on else 1.2, linestyle="solid" if on else ":",
                                color=_TEXT if on else _MUTED, zorder=1)
        ax.add_patch(arrow)
        mx, my = _LABEL_AT[frozenset(ct.parts)]
        label = ct.name.replace(" x ", " ×\n")
        if ct.name in used:
            label += f"\n({used[ct.name]} instrument{'s' if used[ct.name] != 1 else ''})"
        ax.text(mx, my, label, ha="center", va="center", fontsize=7.5, color=_TEXT if on else _MUTED,
                fontweight="bold" if on else "normal", zorder=3,
                bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.9})
    for name in _audit.POLAR_TYPES:
        x, y = POSITIONS[name]
        mode = _MODE[name]
        voice = _VOICE_OF[name]
        state = status.get(voice, "engaged")
        filled, edge = _STATUS_STYLE[state]
        ring = name == highlight
        ax.scatter([x], [y], s=900 if ring else 650, marker=MARKERS[mode],
                   facecolor=PALETTE[mode] if filled else "white",
                   edgecolor=_TEXT, linewidths=3.0 if ring else 1.5, linestyle=edge,
                   hatch="///" if state == "unresponsive" else None, zorder=4)
        caption = f"{name}\n({voice})"
        if result is not None:
            caption += f"\n{state.upper()}"
        ax.text(x, y + (0.2 if y > 0.5 else -0.2), caption, ha="center",
                va="bottom" if y > 0.5 else "top", fontsize=8.5, color=_TEXT,
                fontweight="bold" if ring else "normal", zorder=5)
    hx, hy = POSITIONS["hermit"]
    hermit_state = status.get("hermit", "engaged")
    filled, edge = _STATUS_STYLE[hermit_state]
    ax.scatter([hx], [hy], s=420, marker="P", facecolor=style.BACKGROUND if not filled else style.GUIDE,
               edgecolor=_TEXT, linewidths=1.5, linestyle=edge, zorder=4)
    caption = "hermit\n(withdrawn,\noff the map)"
    if result is not None:
        caption += f"\n{hermit_state.upper()}"
    ax.text(hx, hy - 0.09, caption, ha="center", va="top", fontsize=8, color=_TEXT, zorder=5,
            bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.9})
    ax.text(-0.42, 0.5, "grid (imposed rules) ↑", rotation=90, ha="center", va="center",
            fontsize=8, color=_MUTED)
    ax.text(0.5, -0.33, "group (bonds to a group) →", ha="center", va="bottom", fontsize=8, color=_MUTED)
    return ax


@dataclass(frozen=True)
class HybridsView(FigureView):
    """Hood's control map as a figure view, optionally with one control type highlighted.

    Parameters
    ----------
    highlight : str, optional
        A control type to emphasise.

    Examples
    --------
    >>> view = HybridsView("mutuality x competition")
    >>> view.alt()
    "Figure: Hood's control map with mutuality x competition highlighted."
    >>> view.describe() == describe_hybrids("mutuality x competition")
    True
    """

    highlight: str | None = None

    figsize: ClassVar[tuple[float, float]] = (6.4, 5.6)
    max_width: ClassVar[str | None] = "560px"

    def draw(self, ax: Axes) -> Axes:
        """Draw the map, titled."""
        control_map(ax, highlight=self.highlight)
        ax.set_title("Hood's control types: four polar types, six hybrids", fontsize=11, color=_TEXT)
        return ax

    def figure(self) -> Figure:
        """A new figure of the map."""
        return self.update(Figure(figsize=self.figsize))

    def update(self, fig: Figure) -> Figure:
        """Redraw ``fig`` for this view (the map is redrawn whole)."""
        fig.clear()
        self.draw(fig.add_subplot())
        fig.subplots_adjust(left=0.02, right=0.98, bottom=0.02, top=0.93)
        return fig

    def describe(self) -> str:
        """The long description (:func:`describe_hybrids`)."""
        return describe_hybrids(self.highlight)

    def alt(self) -> str:
        """One sentence naming the figure."""
        which = f" with {self.highlight} highlighted" if self.highlight else ""
        return f"Figure: Hood's control map{which}."


def hybrids_figure(highlight: str | None = None) -> Figure:
    """Hood's four polar control types and six hybrids on the grid-group map (:class:`HybridsView`).

    Parameters
    ----------
    highlight : str, optional
        A control type to emphasise.

    Returns
    -------
    matplotlib Figure

    Examples
    --------
    >>> fig = hybrids_figure("oversight x competition")
    >>> fig.axes[0].get_title()
    "Hood's control types: four polar types, six hybrids"
    """
    return HybridsView(highlight).figure()


def describe_hybrids(highlight: str | None = None) -> str:
    """Text description of :func:`hybrids_figure` (for screen readers and print).

    Parameters
    ----------
    highlight : str, optional

    Returns
    -------
    str

    Examples
    --------
    >>> describe_hybrids("oversight x contrived randomness").endswith("random audit of records.")
    True
    """
    types = _audit.control_types()
    corners = ", ".join(f"{n} ({_VOICE_OF[n]}) {_corner(n)}" for n in _audit.POLAR_TYPES)
    hybrids = "; ".join(f"{c.name} ({c.nhs_example})" for c in types.values() if c.kind == "hybrid")
    text = (f"A square map with grid rising upwards and group to the right. Polar types at the corners: "
            f"{corners}. The hermit sits in the middle, off the map. Six lines join every pair of corners, "
            f"one per hybrid: {hybrids}. Hood (1995) predicts that all six hybrids are likely to be "
            "unstable. ")
    if highlight:
        if highlight not in types:
            raise ValueError(f"unknown control type {highlight!r}; known: {', '.join(types)}")
        text += f"Highlighted: {highlight}, for example {types[highlight].nhs_example}. "
    return text.strip()


def _corner(name: str) -> str:
    x, y = POSITIONS[name]
    return f"at {'top' if y > 0.5 else 'bottom'} {'right' if x > 0.5 else 'left'}"


@dataclass(frozen=True)
class AuditView(FigureView):
    """An audit as a figure view: the control map drawn from the audit, and the five voices listed.

    Parameters
    ----------
    result : Audit

    Examples
    --------
    >>> from coordkit import audit
    >>> view = AuditView(audit.audit(audit.package("hsca_2012")))
    >>> print(view.alt())
    Figure: audit of The Health and Social Care Act 2012, partly clumsy in the kit's reading.
    >>> len(view.figure().axes)
    2
    """

    result: _audit.Audit

    figsize: ClassVar[tuple[float, float]] = (10.5, 5.4)
    max_width: ClassVar[str | None] = "900px"

    def draw(self, ax: Axes) -> Axes:
        """Draw the map panel (the audit on Hood's map)."""
        control_map(ax, result=self.result)
        ax.set_title(f"{self.result.package.title}: {self.result.verdict}", fontsize=11, color=_TEXT)
        return ax

    def draw_voices(self, ax: Axes) -> Axes:
        """Draw the voice panel: each voice's status in words, and the reverse effects."""
        result = self.result
        ax.axis("off")
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_title("The five voices (the kit's reading)", fontsize=11, color=_TEXT)
        y = 0.95
        for v in result.voices:
            ax.text(0.0, y, f"{v.voice}: {v.status.upper()}", fontsize=9.5, fontweight="bold",
                    color=_TEXT, va="top")
            ax.text(0.04, y - 0.055, _wrap(v.reason, 62), fontsize=8, color=_MUTED, va="top")
            y -= 0.15
        flagged = (", ".join(f"{o.control_type} in {o.share:.0%}" for o in result.overuse)
                   if result.overuse else "none")
        ax.text(0.0, y - 0.02, _wrap(f"Reverse effects (type in over {result.overuse_share:.0%} of "
                                     f"instruments): {flagged}", 66), fontsize=8.5, color=_TEXT, va="top")
        return ax

    def figure(self) -> Figure:
        """A new two-panel figure."""
        fig = Figure(figsize=self.figsize)
        return self.update(fig)

    def update(self, fig: Figure) -> Figure:
        """Redraw ``fig`` for this audit (the frame is rebuilt: both panels are redrawn)."""
        fig.clear()
        left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.15, 1]})
        self.draw(left)
        self.draw_voices(right)
        fig.subplots_adjust(left=0.02, right=0.98, bottom=0.02, top=0.93, wspace=0.05)
        return fig

    def describe(self) -> str:
        """The long description (:func:`describe_audit`)."""
        return describe_audit(self.result)

    def alt(self) -> str:
        """One sentence naming the figure."""
        return (f"Figure: audit of {self.result.package.title}, {self.result.verdict} in the kit's "
                "reading.")


def audit_figure(result: _audit.Audit) -> Figure:
    """An audit on the control map, beside a list of the five voices (:class:`AuditView`).

    Parameters
    ----------
    result : Audit

    Returns
    -------
    matplotlib Figure
        Two axes: the map and the voice list.
    """
    return AuditView(result).figure()


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width))


def describe_audit(result: _audit.Audit) -> str:
    """Text description of :func:`audit_figure`, from the same audit.

    Parameters
    ----------
    result : Audit

    Returns
    -------
    str

    Examples
    --------
    >>> from coordkit import audit
    >>> text = describe_audit(audit.audit(audit.package("internal_market_1991")))
    >>> "Excluded: solidarity, fatalism" in text
    True
    """
    parts = [f"Audit of {result.package.title}, {len(result.package.instruments)} instruments, "
             f"{result.verdict} in the kit's reading."]
    for status in _audit.STATUSES:
        names = result.by_status(status)
        parts.append(f"{status.capitalize()}: {', '.join(names) if names else 'none'}.")
    parts.append("Hybrids drawn solid: " + (", ".join(f"{h.hybrid} ({len(h.instruments)})"
                                                     for h in result.hybrids) or "none") + ".")
    if result.overuse:
        parts.append("Reverse effects flagged: " + ", ".join(
            f"{o.control_type} used by {o.share:.0%} of instruments" for o in result.overuse) + ".")
    else:
        parts.append(f"No polar type is used by more than {result.overuse_share:.0%} of instruments.")
    return " ".join(parts)
