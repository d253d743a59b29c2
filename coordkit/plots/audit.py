"""Figures for the clumsiness audit: Hood's control map, and an audit drawn on it.

The control map shows four polar types at the corners of a square, six hybrids joining them, and
the hermit apart from the square; each figure has a text description.

The map follows the grid-group diagram: group increases to the right, grid upwards, so oversight
(hierarchist) is top right, mutuality (egalitarian) bottom right, competition (individualist)
bottom left and contrived randomness (fatalist) top left. The hermit withdraws from coercive
involvement (neither controls nor is controlled); Thompson, Ellis & Wildavsky (TEW, 1990, as
summarised in secondary sources) place it at the centre of the map, off its plane. The kit draws
it apart, in a box of its own at the right (:data:`HERMIT_LABEL` says both): not at the centre,
where the diagonals cross and it would read as a hybrid of oversight and competition (or of
mutuality and contrived randomness), and on no hybrid's line: a drawing choice, not a claim of
the theory. Each polar type has its mode's colour *and* marker; status is written beside
every node and hybrids in use are drawn solid and thick, unused ones dotted -- never colour alone.
What is drawn and what is described come from the same :class:`~coordkit.audit.Audit`.

Examples
--------
>>> from coordkit import audit
>>> fig = audit_figure(audit.audit(audit.package("hsca_2012")))
>>> len(fig.axes)
2
>>> print(describe_audit(audit.audit(audit.package("hsca_2012"))).split(". ")[0].partition("reading: ")[2])
active voices not all joined; fatalism and the hermit excluded
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, cast

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
from matplotlib.text import Text

from coordkit import audit as _audit
from coordkit.modes import Mode
from coordkit.plots import style
from coordkit.plots.style import MARKERS, PALETTE
from coordkit.plots.view import FigureView

__all__ = ["HERMIT_LABEL", "POSITIONS", "AuditMapView", "AuditView", "HybridsView", "audit_figure",
           "control_map", "describe_audit", "describe_hybrids", "hybrids_figure"]

#: Where each polar type sits on the map, (group, grid) with 0 = low and 1 = high, and where the
#: hermit is drawn: outside that square, to its right, away from every hybrid's line.
POSITIONS: dict[str, tuple[float, float]] = {
    "contrived randomness": (0.0, 1.0),
    "oversight": (1.0, 1.0),
    "competition": (0.0, 0.0),
    "mutuality": (1.0, 0.0),
    "hermit": (1.55, 0.8),
}
#: The hermit's caption: where TEW (1990) place it, and that the kit draws it apart (a drawing choice).
HERMIT_LABEL = "hermit, withdrawn:\nat the centre in\nTEW 1990;\ndrawn apart here"
_MODE = {"oversight": Mode.HIERARCHY, "mutuality": Mode.SOLIDARITY, "competition": Mode.INDIVIDUALISM,
         "contrived randomness": Mode.FATALISM}
_VOICE_OF = {"oversight": "hierarchy", "mutuality": "solidarity", "competition": "individualism",
             "contrived randomness": "fatalism"}
_TEXT = style.INK  # near-black text: contrast far above 4.5:1 on white
_MUTED = style.NEUTRAL  # grey text still above 4.5:1 on white
_STATUS_STYLE = {  # fill?, line style of the node's edge
    "engaged": (True, "solid"),
    "unresponsive": (True, "dashed"),
    "partly acknowledged": (True, "dashed"),  # fatalism's (drawn in the voice panel, not on the map)
    "excluded": (False, "dotted"),
}
_HATCHED = ("unresponsive", "partly acknowledged")  # heard, not engaged: hatched as well as dashed


#: Where each hybrid's label sits: side midpoints, and the diagonals' labels in the upper half,
#: apart from each other and from the crossing of the diagonals.
_LABEL_AT: dict[frozenset[str], tuple[float, float]] = {
    frozenset({"oversight", "contrived randomness"}): (0.5, 1.0),
    frozenset({"oversight", "mutuality"}): (1.0, 0.5),
    frozenset({"mutuality", "competition"}): (0.5, 0.0),
    frozenset({"competition", "contrived randomness"}): (0.0, 0.5),
    frozenset({"oversight", "competition"}): (0.74, 0.74),
    frozenset({"mutuality", "contrived randomness"}): (0.26, 0.74),
}


#: Prefix of the gid of every moving artist in the audit figures. The moving artists are made
#: once, with the frame, and afterwards only shown, hidden or given new text, so
#: :class:`~coordkit.plots.output.FastPNG` redraws just them over a kept background.
DYNAMIC = "audit:"
_ROW = 0.09  # height of one voice's row in the voice panel (axes fraction)
_STATUS_GAP = 0.085  # room between a node and its caption for the status word (map units)
_COMPACT_STATUS_GAP = 0.2  # the same on the compact map, whose units are shorter on screen


# From the hermit's marker down to its caption and to its status word (map units), on the full map
# and on the compact one (shown with 18 px text, so its units are shorter on screen).
_HERMIT_CAPTION = {False: 0.1, True: 0.13}
_HERMIT_STATUS = {False: 0.4, True: 0.9}


def _hermit_box(compact: bool, status: bool) -> tuple[float, float, float, float]:
    """The hermit's box outside the square, (x, y, width, height): room for a status word if ``status``."""
    hx, hy = POSITIONS["hermit"]
    below = _HERMIT_STATUS[compact] - (0 if status else 0.04) + (0.2 if compact else 0.07)
    width = 0.74 if compact else 0.5
    return hx - width / 2, hy - below, width, below + (0.16 if compact else 0.11)


def _polar_caption(name: str) -> str:
    cell = "fatalist cell" if name == "contrived randomness" else _VOICE_OF[name]
    return f"{name}\n({cell})"


def _above(name: str) -> bool:
    return POSITIONS[name][1] > 0.5


def _caption(ax: Axes, name: str, *, room: float = 0.0, bold: bool = False, gid: str | None = None,
             short: bool = False) -> None:
    x, y = POSITIONS[name]
    dy = 0.2 + room
    # short: the voice whose status the word under it gives (contrived randomness: its use)
    text = (name if name == "contrived randomness" else _VOICE_OF[name]) if short else _polar_caption(name)
    ax.text(x, y + dy if _above(name) else y - dy, text, ha="center",
            va="bottom" if _above(name) else "top", fontsize=8.5, color=_TEXT,
            fontweight="bold" if bold else "normal", zorder=5, gid=gid,
            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"})


def _node(ax: Axes, name: str, state: str, *, ring: bool = False, gid: str | None = None) -> None:
    x, y = POSITIONS[name]
    if name == "hermit":
        filled, edge = _STATUS_STYLE[state]
        ax.scatter([x], [y], s=420, marker="P", facecolor=style.GUIDE if filled else style.BACKGROUND,
                   edgecolor=_TEXT, linewidths=1.5, linestyle=edge, zorder=4, gid=gid)
        return
    mode = _MODE[name]
    filled, edge = _STATUS_STYLE[state]
    ax.scatter([x], [y], s=900 if ring else 650, marker=MARKERS[mode],
               facecolor=PALETTE[mode] if filled else "white",
               edgecolor=_TEXT, linewidths=3.0 if ring else 1.5, linestyle=edge,
               hatch="///" if state in _HATCHED else None, zorder=4, gid=gid)


def _hybrid(ax: Axes, name: str, *, on: bool = False, gid: str | None = None, label: bool = True) -> None:
    ct = _audit.control_types()[name]
    a, b = ct.parts
    ax.add_patch(FancyArrowPatch(POSITIONS[a], POSITIONS[b], arrowstyle="-", shrinkA=18, shrinkB=18,
                                 linewidth=4.0 if on else 1.2, linestyle="solid" if on else ":",
                                 color=_TEXT if on else _MUTED, zorder=1, gid=gid))
    if not label:
        return
    mx, my = _LABEL_AT[frozenset(ct.parts)]
    ax.text(mx, my, name.replace(" x ", " ×\n"), ha="center", va="center", fontsize=7.5,
            color=_TEXT if on else _MUTED, fontweight="bold" if on else "normal", zorder=3,
            gid=None if gid is None else f"{gid}:label",
            bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none",
                  "alpha": 1.0 if on else 0.9})


def _marks(ax: Axes) -> dict[str, Artist]:
    """The moving artists of ``ax`` by gid (a flat scan: no recursive search)."""
    found: dict[str, Artist] = {}
    for artist in [*ax.texts, *ax.patches, *ax.collections, ax.title]:
        gid = artist.get_gid()
        if gid and gid.startswith(DYNAMIC):
            found[gid] = artist
    return found


def map_frame(ax: Axes, *, nodes: bool = True, room: float = 0.0, compact: bool = False) -> Axes:
    """Draw the parts of Hood's control map that never move: every hybrid muted, captions, axis labels.

    Parameters
    ----------
    ax : matplotlib Axes
    nodes : bool, default True
        Also draw the four polar types and the hermit, unstyled by any audit (an audit's nodes
        move, so :func:`map_marks` makes them).
    room : float, default 0.0
        Extra space between each node and its caption, for a status word.
    compact : bool, default False
        For a projector (the app layout, 18 px text): the map stretched to a wide box, each
        polar type captioned by its voice alone (contrived randomness by its name, as its status
        word says whether it is used), no labels on the hybrid lines, and one line
        under the map naming the hybrids in use (written by :func:`map_marks`). The long
        description names everything the compact map leaves out.

    Returns
    -------
    matplotlib Axes
    """
    hx, hy = POSITIONS["hermit"]
    if compact:
        ax.set_xlim(-0.6, 1.95)
        ax.set_ylim(-1.0, 1.65)
        ax.set_aspect("auto")
    else:
        ax.set_xlim(-0.45, 1.85)
        ax.set_ylim(-0.35 - 1.6 * room, 1.35 + 1.6 * room)
        ax.set_aspect("equal")
    ax.axis("off")
    for ct in _audit.control_types().values():
        if ct.kind == "hybrid":
            _hybrid(ax, ct.name, label=not compact)
    for name in _audit.POLAR_TYPES:
        if nodes:
            _node(ax, name, "engaged")
        _caption(ax, name, room=room, short=compact)
    bx, by, bw, bh = _hermit_box(compact, status=room > 0)
    ax.add_patch(FancyBboxPatch((bx, by), bw, bh, boxstyle="round,pad=0.02", facecolor="none",
                                edgecolor=_MUTED, linewidth=1.0, linestyle="dashed", zorder=0,
                                gid="hermit:box"))
    if nodes:
        _node(ax, "hermit", "engaged", gid="hermit")
    ax.text(hx, hy - _HERMIT_CAPTION[compact], HERMIT_LABEL, ha="center", va="top", fontsize=8, color=_TEXT,
            zorder=5, gid="hermit:label")
    if compact:
        ax.text(-0.58, 0.5, "grid ↑", rotation=90, ha="center", va="center", fontsize=8, color=_MUTED)
        ax.text(0.5, -0.62, "group →", ha="center", va="center", fontsize=8, color=_MUTED)
        ax.text(0.5, -0.98, "", ha="center", va="bottom", fontsize=8, color=_TEXT, zorder=5,
                gid=f"{DYNAMIC}hybrids")
        return ax
    ax.text(-0.42, 0.5, "grid (imposed rules) ↑", rotation=90, ha="center", va="center",
            fontsize=8, color=_MUTED)
    ax.text(0.5, -0.33 - 1.6 * room, "group (bonds to a group) →", ha="center", va="bottom", fontsize=8,
            color=_MUTED)
    return ax


def _highlight_marks(ax: Axes) -> None:
    """Make, hidden, one overlay per control type (a thick line, or a ring and a bold caption)."""
    for name, ct in _audit.control_types().items():
        gid = f"{DYNAMIC}highlight:{name}"
        if ct.kind == "hybrid":
            _hybrid(ax, name, on=True, gid=gid)
        else:
            _node(ax, name, "engaged", ring=True, gid=gid)
            _caption(ax, name, bold=True, gid=f"{gid}:label")
    for artist in _marks(ax).values():
        artist.set_visible(False)


def _audit_marks(ax: Axes, *, compact: bool = False) -> None:
    """Make, hidden, every moving part of an audit map: node styles, status words, hybrids in use."""
    for name in (*_audit.POLAR_TYPES, "hermit"):
        for state in _audit.STATUSES:
            _node(ax, name, state, gid=f"{DYNAMIC}node:{name}:{state}")
        x, y = POSITIONS[name]
        if name == "hermit":
            at, va = y - _HERMIT_STATUS[compact], "top"
        else:
            at, va = (y + 0.2, "bottom") if _above(name) else (y - 0.2, "top")
        ax.text(x, at, "", ha="center", va=va, fontsize=8.5, fontweight="bold", color=_TEXT, zorder=5,
                gid=f"{DYNAMIC}status:{name}")
    for name, ct in _audit.control_types().items():
        if ct.kind == "hybrid":
            _hybrid(ax, name, on=True, gid=f"{DYNAMIC}hybrid:{name}")
    for artist in _marks(ax).values():
        artist.set_visible(False)


def map_marks(ax: Axes, *, highlight: str | None = None, result: _audit.Audit | None = None) -> Axes:
    """Show the moving parts of the map for a highlight or an audit, making them on first use.

    Each moving artist carries a gid starting :data:`DYNAMIC`; it is made once (hidden) and then
    only shown, hidden or given new text, so repeated calls on one axes are cheap.

    Parameters
    ----------
    ax : matplotlib Axes
        Drawn on by :func:`map_frame`.
    highlight : str, optional
        A control type to emphasise (thick solid line for a hybrid, thick ring for a polar type).
    result : Audit, optional
        Draw an audit: node style by status (filled = engaged, hatched with a dashed edge =
        unresponsive, hollow with a dotted edge = excluded; contrived randomness by whether any
        instrument uses it) with the status written beside it, and hybrids in use solid and thick
        with their instrument count.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = map_frame(Figure().add_subplot())
    >>> _ = map_marks(ax, highlight="oversight x competition")
    >>> sorted(g for g, a in _marks(ax).items() if a.get_visible())
    ['audit:highlight:oversight x competition', 'audit:highlight:oversight x competition:label']
    """
    types = _audit.control_types()
    if highlight is not None and highlight not in types:
        raise ValueError(f"unknown control type {highlight!r}; known: {', '.join(types)}")
    marks = _marks(ax)
    if highlight is not None and f"{DYNAMIC}highlight:{highlight}" not in marks:
        _highlight_marks(ax)
        marks = _marks(ax)
    if result is not None and f"{DYNAMIC}status:hermit" not in marks:
        _audit_marks(ax, compact=f"{DYNAMIC}hybrids" in marks)
        marks = _marks(ax)
    show: dict[str, str] = {}  # gid -> text ("" for a non-text artist)
    if highlight is not None:
        show[f"{DYNAMIC}highlight:{highlight}"] = ""
        show[f"{DYNAMIC}highlight:{highlight}:label"] = ""
    if result is not None:
        status = {v.voice: v.status for v in result.voices}
        for name in (*_audit.POLAR_TYPES, "hermit"):
            if name == "contrived randomness":
                used = len(result.contrived_randomness)
                state, word = ("engaged", f"used in {used}") if used else ("excluded", "not used")
            else:
                state = word = status["hermit" if name == "hermit" else _VOICE_OF[name]]
            show[f"{DYNAMIC}node:{name}:{state}"] = ""
            show[f"{DYNAMIC}status:{name}"] = word.upper()
        compact = f"{DYNAMIC}hybrids" in marks  # a compact map names its hybrids in one line
        for h in result.hybrids:
            n = len(h.instruments)
            show[f"{DYNAMIC}hybrid:{h.hybrid}"] = ""
            if not compact:
                show[f"{DYNAMIC}hybrid:{h.hybrid}:label"] = (
                    f"{h.hybrid.replace(' x ', ' ×' + chr(10))}\n({n} instrument{'s' if n != 1 else ''})")
        if compact:
            in_use = "; ".join(f"{h.hybrid.replace(' x ', ' × ')} ({len(h.instruments)})"
                               for h in result.hybrids)
            show[f"{DYNAMIC}hybrids"] = (f"Thick lines, hybrids in use: {in_use}" if in_use
                                         else "No hybrid in use (every line dotted)")
    for gid, artist in marks.items():
        if artist is ax.title:
            continue
        artist.set_visible(gid in show)
        if show.get(gid) and isinstance(artist, Text):
            artist.set_text(show[gid])
    return ax


def control_map(ax: Axes, *, highlight: str | None = None, result: _audit.Audit | None = None,
                compact: bool = False) -> Axes:
    """Draw Hood's control map on ``ax``: four polar types, six hybrids, the hermit.

    The fixed parts (:func:`map_frame`) and the moving ones (:func:`map_marks`) in one call.

    Parameters
    ----------
    ax : matplotlib Axes
    highlight : str, optional
        A control type to emphasise.
    result : Audit, optional
        Draw an audit instead (see :func:`map_marks`).

    Returns
    -------
    matplotlib Axes
    """
    room = (_COMPACT_STATUS_GAP if compact else _STATUS_GAP) if result is not None else 0.0
    map_frame(ax, nodes=result is None, room=room, compact=compact)
    return map_marks(ax, highlight=highlight, result=result)


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
        fig = Figure(figsize=self.figsize)
        self.draw(fig.add_subplot())
        fig.subplots_adjust(left=0.02, right=0.98, bottom=0.02, top=0.93)
        return fig

    def update(self, fig: Figure) -> Figure:
        """Move ``fig`` (made by :meth:`figure` for any highlight) to this highlight, in place.

        Only the highlight's artists (gid :data:`DYNAMIC`) are removed and redrawn; the map
        itself is never touched, so a :class:`~coordkit.plots.output.FastPNG` can keep it.

        Examples
        --------
        >>> fig = HybridsView("oversight").figure()
        >>> before = len(fig.axes[0].texts)
        >>> _ = HybridsView("mutuality x competition").update(fig)
        >>> len(fig.axes[0].texts) == before
        True
        """
        map_marks(fig.axes[0], highlight=self.highlight)
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
    >>> describe_hybrids("oversight x contrived randomness").endswith("inspection by a regulator.")
    True
    """
    types = _audit.control_types()
    corners = ", ".join(f"{n} ({_polar_caption(n).split('(')[1][:-1]}) {_corner(n)}"
                        for n in _audit.POLAR_TYPES)
    hybrids = "; ".join(f"{c.name} ({c.nhs_example})" for c in types.values() if c.kind == "hybrid")
    text = (f"A square map with grid rising upwards and group to the right. Polar types at the corners: "
            f"{corners}. Six lines join every pair of corners, one per hybrid: {hybrids}. The hermit, "
            "withdrawn, is at the map's centre in TEW 1990 (Thompson, Ellis & Wildavsky, as summarised); the "
            "kit draws it apart, outside the square. Hood (1995) "
            "predicts that all six hybrids are likely to be unstable. ")
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
    >>> print(view.alt().partition("reading: ")[2])
    active voices not all joined; fatalism and the hermit excluded.
    >>> len(view.figure().axes)
    2
    """

    result: _audit.Audit

    figsize: ClassVar[tuple[float, float]] = (10.5, 5.4)
    max_width: ClassVar[str | None] = "900px"

    def draw(self, ax: Axes) -> Axes:
        """Draw the map panel (the audit on Hood's map, its title a moving part)."""
        control_map(ax, result=self.result)
        ax.set_title(self._title(), fontsize=11, color=_TEXT)
        ax.title.set_gid(DYNAMIC)
        return ax

    def _title(self) -> str:
        base, _, rest = self.result.verdict.partition("; ")
        return f"{self.result.package.title}: {base}" + (f";\n{rest}" if rest else "")

    def draw_voices(self, ax: Axes) -> Axes:
        """Draw the voice panel: its frame (title, one row per voice), then :meth:`voice_marks`."""
        ax.axis("off")
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_title("The five voices (the kit's reading)", fontsize=11, color=_TEXT)
        for row, voice in enumerate(_audit.VOICES):
            y = 0.95 - row * _ROW
            ax.text(0.0, y, f"{voice}:", fontsize=9.5, fontweight="bold", color=_TEXT, va="top")
            ax.text(0.36, y, "", fontsize=9.5, fontweight="bold", color=_TEXT, va="top",
                    gid=f"{DYNAMIC}voice:{voice}")
        ax.text(0.0, 0.95 - len(_audit.VOICES) * _ROW, "", fontsize=8.5, color=_TEXT, va="top",
                gid=f"{DYNAMIC}notes")
        return self.voice_marks(ax)

    def voice_marks(self, ax: Axes) -> Axes:
        """Write the voice panel's moving text: each status, contrived randomness, reverse effects."""
        result = self.result
        marks = _marks(ax)
        for v in result.voices:
            cast(Text, marks[f"{DYNAMIC}voice:{v.voice}"]).set_text(v.status.upper())
        randomness = ", ".join(result.contrived_randomness) or "no instrument"
        flagged = (", ".join(f"{o.control_type} {o.share:.0%} of the weight" for o in result.overuse)
                   if result.overuse else "none")
        lines = [f"Contrived randomness: {randomness}.",
                 f"Reverse effects (over {result.overuse_share:.0%}): {flagged}."]
        if result.dominance:
            d = result.dominance
            lines.append(f"Dominated (the kit's rule, not Verweij's): {d.control_type} {d.share:.0%} of the "
                         "weight.")
        cast(Text, marks[f"{DYNAMIC}notes"]).set_text("\n".join(_wrap(line, 60) for line in lines))
        return ax

    def figure(self) -> Figure:
        """A new two-panel figure: the frame, with this audit's moving parts shown."""
        fig = Figure(figsize=self.figsize)
        left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.15, 1]})
        self.draw(left)
        self.draw_voices(right)
        fig.subplots_adjust(left=0.02, right=0.98, bottom=0.02, top=0.88, wspace=0.05)
        return fig

    def update(self, fig: Figure) -> Figure:
        """Move ``fig`` (made by :meth:`figure` for any audit) to this audit, in place.

        Only the moving artists (gid starting :data:`DYNAMIC`: node styles, status words, hybrids
        in use, the title and the voice panel's text) are shown, hidden or rewritten; the frame
        stays, so a :class:`~coordkit.plots.output.FastPNG` can keep it.

        Examples
        --------
        >>> from coordkit import audit
        >>> fig = AuditView(audit.audit(audit.package("hsca_2012"))).figure()
        >>> count = len(fig.axes[0].texts)
        >>> fig = AuditView(audit.audit(audit.package("internal_market_1991"))).update(fig)
        >>> print(fig.axes[0].get_title()); len(fig.axes[0].texts) == count
        The internal market (1989-1991): dominated by individualism;
        solidarity and fatalism excluded
        True
        """
        left, right = fig.axes[:2]
        left.title.set_text(self._title())
        map_marks(left, result=self.result)
        self.voice_marks(right)
        return fig

    def describe(self) -> str:
        """The long description (:func:`describe_audit`)."""
        return describe_audit(self.result)

    def alt(self) -> str:
        """One sentence naming the figure."""
        return (f"Figure: audit of {self.result.package.title}, in the kit's reading: "
                f"{self.result.verdict}.")


@dataclass(frozen=True)
class AuditMapView(AuditView):
    """An audit on the compact control map alone, for projecting (the app layout, 18 px text).

    The voice list is left out (the app's result text gives each voice, its status and why);
    the map is :func:`map_frame`'s compact one. Description and alt text are
    :class:`AuditView`'s, so nothing the compact map leaves out goes unsaid.

    Examples
    --------
    >>> from coordkit import audit
    >>> fig = AuditMapView(audit.audit(audit.package("hsca_2012"))).figure()
    >>> len(fig.axes), [t.get_text() for t in fig.axes[0].texts if t.get_gid() == "audit:hybrids"]
    (1, ['Thick lines, hybrids in use: oversight × competition (1)'])
    """

    figsize: ClassVar[tuple[float, float]] = (9.25, 5.0)

    def figure(self) -> Figure:
        """A new one-panel figure: the compact map, with this audit's moving parts shown."""
        fig = Figure(figsize=self.figsize)
        ax = fig.add_subplot()
        control_map(ax, result=self.result, compact=True)
        ax.set_title(self._title(), fontsize=11, color=_TEXT)
        ax.title.set_gid(DYNAMIC)
        fig.subplots_adjust(left=0.02, right=0.98, bottom=0.02, top=0.9)
        return fig

    def update(self, fig: Figure) -> Figure:
        """Move ``fig`` (made by :meth:`figure` for any audit) to this audit, in place."""
        ax = fig.axes[0]
        ax.title.set_text(self._title())
        map_marks(ax, result=self.result)
        return fig


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
             f"in the kit's reading: {result.verdict}."]
    if result.dominance:
        parts.append(result.dominance.as_text(result.overuse_share))
    for status in _audit.STATUSES:
        names = result.by_status(status)
        parts.append(f"{status.capitalize()}: {', '.join(names) if names else 'none'}.")
    parts.append(f"Fatalism is {result.fatalism.treatment} in the kit's coding. The hermit, withdrawn "
                 "(neither controlling nor controlled), is placed at the centre of the map by Thompson, "
                 "Ellis & Wildavsky (TEW, 1990, as summarised in secondary sources); the kit draws it apart, "
                 "in a box outside the square at its right, so that it reads as no hybrid. Contrived "
                 "randomness, drawn at top left apart from fatalism, is used in "
                 + (", ".join(result.contrived_randomness) or "no instrument") + ".")
    parts.append("Why, voice by voice: " + "; ".join(f"{v.voice}, {v.reason}" for v in result.voices) + ".")
    parts.append("Hybrids drawn solid: " + (", ".join(f"{h.hybrid} ({len(h.instruments)})"
                                                     for h in result.hybrids) or "none") + ".")
    if result.overuse:
        parts.append("Reverse effects flagged: " + ", ".join(
            f"{o.control_type} carries {o.share:.0%} of the weight" for o in result.overuse) + ".")
    else:
        parts.append(f"No polar type carries more than {result.overuse_share:.0%} of the weight.")
    return " ".join(parts)
