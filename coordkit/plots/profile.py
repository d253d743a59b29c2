"""Profile figures: a ternary plot of the active modes and a bar chart, each with a text description.

Examples
--------
>>> from coordkit.profile import Profile
>>> fig = profile_figure(Profile(0.9, 0.8, 0.2, 0.3))
>>> [ax.name for ax in fig.axes]
['ternary', 'rectilinear']
>>> print(describe_profile(Profile(0.9, 0.8, 0.2, 0.3)))  # doctest: +ELLIPSIS
Profile: hierarchy 0.90, solidarity 0.80, individualism 0.20, fatalism 0.30...
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import mpltern  # noqa: F401  (registers the "ternary" projection)
import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle
from matplotlib.patheffects import withStroke
from matplotlib.quiver import Quiver
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from coordkit.balance import EvennessMethod, report
from coordkit.configuration import Kind, classify
from coordkit.modes import ACTIVE_MODES, ALL_MODES, Mode
from coordkit.plots.style import GUIDE, HATCHES, INK, MALIGN_HATCH, MUTED, PALETTE, TINTS, new_axes
from coordkit.profile import Profile

# Region shading on the ternary: pale tints, with a text label in each region.
_REGION_TINT = {
    Kind.BALANCED: TINTS["balanced"],  # Okabe-Ito yellow
    Kind.MONOCULTURE: TINTS["monoculture"],
    Kind.DEFICIT: TINTS["deficit"],
}

__all__ = [
    "SCALE_KEY",
    "describe_profile",
    "describe_ternary",
    "profile_bars",
    "profile_figure",
    "ternary",
    "update_profile_figure",
]

def _clip(polygon: list[np.ndarray], normal: np.ndarray) -> list[np.ndarray]:
    """Clip a convex polygon on the simplex to the half-space ``normal . p >= 0``."""
    out: list[np.ndarray] = []
    for k, current in enumerate(polygon):
        previous = polygon[k - 1]
        a, b = float(normal @ previous), float(normal @ current)
        if (a >= 0) != (b >= 0):
            out.append(previous + (current - previous) * (a / (a - b)))
        if b >= 0:
            out.append(current)
    return out


@lru_cache(maxsize=8)
def _regions(threshold: float) -> tuple[tuple[str, tuple[np.ndarray, ...]], ...]:
    """Configuration regions of the share triangle, as convex polygons, exactly.

    Reading strengths relative to the strongest mode, mode ``i`` is strong when
    ``p_i >= threshold * p_max``. Within the sector where mode ``k`` is largest every condition is
    linear, so each region is a union of at most three convex polygons, found by clipping.
    """
    eye = np.eye(3)
    regions: dict[str, list[np.ndarray]] = {}
    for k in range(3):  # the sector where mode k is the largest share
        sector = [eye[0], eye[1], eye[2]]
        for j in range(3):
            if j != k:
                sector = _clip(sector, eye[k] - eye[j])
        for strong_mask in range(8):
            if not strong_mask >> k & 1:
                continue  # the largest mode is always strong
            polygon = sector
            for i in range(3):
                sign = 1 if strong_mask >> i & 1 else -1
                if i != k:
                    polygon = _clip(polygon, sign * (eye[i] - threshold * eye[k]))
            if len(polygon) >= 3:
                code = "".join(m.initial for n, m in enumerate(ACTIVE_MODES) if strong_mask >> n & 1)
                regions.setdefault(code, []).append(np.array(polygon))
    return tuple((code, tuple(polys)) for code, polys in regions.items())


def _region_label(code: str) -> str:
    """Label a region by the *mix* it stands for (shares alone cannot say how strong modes are)."""
    if len(code) == 3:
        return "even mix"
    if len(code) == 1:
        return f"mostly {code}"
    weak = next(m.initial for m in ACTIVE_MODES if m.initial not in code)
    return f"{weak} lagging"


def _label_places(polygons: Sequence[np.ndarray], centre: np.ndarray) -> np.ndarray:
    """Places for a region's label, as (t, l, r) shares inside the region, nearest the centre first."""
    k = 40
    grid = np.array([(i, j, k - i - j) for i in range(k + 1) for j in range(k + 1 - i)]) / k
    inside = np.zeros(len(grid), dtype=bool)
    for poly in polygons:  # convex: inside when on the inner side of every edge
        middle = poly.mean(axis=0)
        ok = np.ones(len(grid), dtype=bool)
        for a, b in zip(poly, np.roll(poly, -1, axis=0), strict=True):
            edge = b - a
            # a normal within the simplex plane, pointing to the polygon's middle
            normal = np.cross(edge, np.cross(middle - a, edge))
            ok &= (grid - a) @ normal >= -1e-12
        inside |= ok
    places = grid[inside]
    order = np.argsort(np.linalg.norm(places - centre, axis=1), kind="stable")
    return np.vstack([centre, places[order]])


def _marker_circles(ax: Any) -> np.ndarray:
    """Centres and radii (display pixels) of every marker and arrow on ``ax``.

    Scatter points, line markers and points along each quiver arrow (sampled every few pixels).
    """
    scale = ax.figure.dpi / 72.0
    circles: list[np.ndarray] = []
    for coll in ax.collections:
        if isinstance(coll, Quiver):
            circles.append(_arrow_circles(coll))
            continue
        offsets = np.asarray(coll.get_offsets(), dtype=float).reshape(-1, 2)
        if not isinstance(coll, PathCollection) or not len(offsets):
            continue
        xy = coll.get_offset_transform().transform(offsets)
        sizes = np.asarray(coll.get_sizes(), dtype=float)
        sizes = np.broadcast_to(np.sqrt(sizes if len(sizes) else [36.0]), len(xy))
        circles.append(np.column_stack([xy, sizes / 2 * scale]))
    for line in ax.lines:
        if line.get_marker() in ("None", "", " ", None) or not len(line.get_xydata()):
            continue
        xy = line.get_transform().transform(line.get_xydata())
        circles.append(np.column_stack([xy, np.full(len(xy), line.get_markersize() / 2 * scale)]))
    return np.vstack(circles) if circles else np.empty((0, 3))


def _arrow_circles(quiver: Quiver) -> np.ndarray:
    """Points along each arrow of a quiver drawn in data units (``scale_units="xy"``), as circles."""
    start = np.column_stack([np.ravel(quiver.X), np.ravel(quiver.Y)])
    scale = quiver.scale or 1.0
    end = start + np.column_stack([np.ravel(quiver.U), np.ravel(quiver.V)]) / scale
    to_display = quiver.get_offset_transform().transform
    a, b = to_display(start), to_display(end)
    steps = np.linspace(0.0, 1.0, 16)[:, None, None]
    points = (a + (b - a) * steps).reshape(-1, 2)
    return np.column_stack([points, np.full(len(points), 3.0)])


def _hits(box: Bbox, circles: np.ndarray, pad: float) -> bool:
    """Whether any circle comes within ``pad`` pixels of the box."""
    if not len(circles):
        return False
    dx = np.maximum(np.maximum(box.x0 - circles[:, 0], circles[:, 0] - box.x1), 0)
    dy = np.maximum(np.maximum(box.y0 - circles[:, 1], circles[:, 1] - box.y1), 0)
    return bool(np.any(np.hypot(dx, dy) < circles[:, 2] + pad))


def _inside(box: Bbox, ax: Any, pad: float) -> bool:
    """Whether the box, grown by ``pad`` pixels, lies inside the triangle (clear of its edges)."""
    outline = ax.patch.get_transform().transform_path(ax.patch.get_path())
    grown = box.padded(pad)
    corners = [(grown.x0, grown.y0), (grown.x0, grown.y1), (grown.x1, grown.y0), (grown.x1, grown.y1)]
    return bool(np.all(outline.contains_points(corners)))


class _RegionLabels:
    """The region labels of one ternary, placed together, deterministically, at every draw.

    A label keeps to the first of its places (nearest its region's centre first) whose box lies
    inside the triangle, clear of its edges, of every marker and arrow on the axes and of the
    labels placed before it. Labels already clear at their centre are placed first, so a marker
    moves only the labels it touches. A label with no clear place relaxes the markers, then the
    other labels, and at worst stays at its centre (its white halo keeps it readable). The
    markers are read at draw time, so points added after :func:`ternary` (a survey's star, circle
    and arrow, an agent run's units) are dodged too.
    """

    def __init__(self, ax: Any) -> None:
        self.ax = ax
        self.labels: list[tuple[Text, np.ndarray]] = []

    def add(self, label: Text, places: np.ndarray) -> None:
        xy = self.ax.transProjection.transform(places)  # (t, l, r) -> the axes' data x, y
        self.labels.append((label, xy))
        draw = label.draw

        def placed_draw(renderer: Any) -> None:
            if label is self.labels[0][0]:  # the first label drawn lays out them all
                self.place(renderer)
            draw(renderer)

        label.draw = placed_draw  # type: ignore[method-assign]  # wrapped: the first label lays out all

    def place(self, renderer: Any) -> None:
        """Move every label to its place for the current markers (see the class docstring)."""
        circles = _marker_circles(self.ax)

        def box_at(label: Text, x: float, y: float) -> Bbox:
            label.set_position((x, y))
            return label.get_window_extent(renderer)

        def clear_at_centre(entry: tuple[Text, np.ndarray]) -> bool:
            return not _hits(box_at(entry[0], *entry[1][0]), circles, pad=2.0)

        order = sorted(self.labels, key=lambda entry: not clear_at_centre(entry))
        placed: list[Bbox] = []
        for label, xy in order:
            tests = (
                lambda b: _inside(b, self.ax, 2.0) and not _hits(b, circles, 2.0)
                and not any(b.overlaps(o.padded(2.0)) for o in placed),
                lambda b: _inside(b, self.ax, 0.0) and not any(b.overlaps(o) for o in placed),
                lambda b: not any(b.overlaps(o) for o in placed),
            )
            for test in tests:
                spot = next((tuple(p) for p in xy if test(box_at(label, *p))), None)
                if spot is not None:
                    break
            else:
                spot = tuple(xy[0])
            placed.append(box_at(label, *spot))


#: The ticks of a ternary's scales: none at the corners, where two scales' 0 and 1 would meet.
SCALE_TICKS = (0.2, 0.4, 0.6, 0.8)
#: How to read the triangle's scales, in words: each figure's description and caption give it.
SCALE_KEY = ("Scales: hierarchy on the right edge, solidarity on the left, individualism along the bottom; "
             "follow the faint lines to them, each share growing toward its mode's corner.")
#: Each active mode's scale: the edge its ticks sit on (mpltern's tick1 side), as its two ends in
#: (t, l, r) shares, the second end the mode's own corner.
_SCALE_EDGES = {
    Mode.HIERARCHY: (np.array([0.0, 0.0, 1.0]), np.array([1.0, 0.0, 0.0])),
    Mode.SOLIDARITY: (np.array([1.0, 0.0, 0.0]), np.array([0.0, 1.0, 0.0])),
    Mode.INDIVIDUALISM: (np.array([0.0, 1.0, 0.0]), np.array([0.0, 0.0, 1.0])),
}


def _scale_label(tax: Any, mode: Mode, axis: Any, size: float) -> Text:
    """The name of ``mode``'s scale ("hierarchy share →") along its edge, outside its tick labels.

    Placed at every draw (after the tick labels, which the axes draw first): at the edge's middle,
    turned along the edge, just clear of the scale's tick labels, its arrow pointing to the mode's
    corner.
    """
    start, corner = _SCALE_EDGES[mode]
    # no gid: a gid marks a moving artist, which the update functions remove and redraw
    label = Text(0.5, 0.5, f"{mode.label} share", fontsize=size, color=INK, ha="center",
                 rotation_mode="anchor")
    tax.add_artist(label)  # plain axes-fraction text: mpltern's own text() takes (t, l, r)
    label.set_transform(tax.transAxes)
    label.set_clip_on(False)  # outside the triangle, which add_artist would clip it to
    draw = label.draw

    def placed_draw(renderer: Any) -> None:
        a, b = tax.transTernaryAxes.transform(np.array([start, corner]))  # (t, l, r) -> display pixels
        middle = (a + b) / 2
        centre = tax.transTernaryAxes.transform(np.full((1, 3), 1 / 3))[0]
        along = (b - a) / np.linalg.norm(b - a)
        normal = np.array([along[1], -along[0]])
        if normal @ (middle - centre) < 0:
            normal = -normal  # outward, away from the triangle
        angle = float(np.degrees(np.arctan2(along[1], along[0])))
        reading = along
        if not -90.0 <= angle <= 90.0:  # keep the text upright: it reads from the other end
            angle = (angle + 180.0) % 360.0
            angle = angle - 360.0 if angle > 180.0 else angle
            reading = -along
        name = f"{mode.label} share"
        label.set_text(f"{name} \u2192" if reading @ along > 0 else f"\u2190 {name}")
        up = np.array([-np.sin(np.radians(angle)), np.cos(np.radians(angle))])
        label.set_verticalalignment("bottom" if up @ normal > 0 else "top")
        reach = 0.0  # how far the scale's tick labels stand out from the edge, in pixels
        for tick in axis.get_ticklabels():
            if tick.get_visible() and tick.get_text():
                box = tick.get_window_extent(renderer)
                corners = np.array([[box.x0, box.y0], [box.x0, box.y1], [box.x1, box.y0], [box.x1, box.y1]])
                reach = max(reach, float(((corners - middle) @ normal).max()))
        pad = 3.0 * renderer.points_to_pixels(1.0)
        label.set_position(tuple(tax.transAxes.inverted().transform(middle + normal * (reach + pad))))
        label.set_rotation(angle)
        draw(renderer)

    label.draw = placed_draw  # type: ignore[method-assign]  # placed at draw time, after the ticks
    return label


def ternary(
    profiles: Profile | Sequence[Profile],
    *,
    ax: Axes | None = None,
    labels: Sequence[str] | None = None,
    regions: bool = True,
    threshold: float = 0.5,
    color: str = "black",
    marker: str = "o",
    size: float = 60,
    ticks: bool = False,
    label_size: float = 9,
) -> Axes:
    """Plot the hierarchy / solidarity / individualism shares of profiles on a ternary diagram.

    The corners are the three active modes (fatalism is not shown: say it in the caption or
    the description). With ``regions=True`` the triangle is divided by the *mix* of the active
    modes, comparing each mode with the strongest: "even mix" (every mode at least ``threshold``
    times the strongest), "X lagging" (one mode below that) and "mostly X" (two below). The
    regions mirror the configurations, but shares alone cannot say whether the modes are strong
    in absolute terms, so a point in "even mix" can still be a deficit culture or "no strong
    active form": the diagnosis needs the strengths too.

    Parameters
    ----------
    profiles : Profile or sequence of Profile
        What to plot; each profile is one point at its active shares.
    ax : matplotlib Axes with ``projection="ternary"``, optional
        Where to draw; a new figure is made if omitted.
    labels : sequence of str, optional
        A label per profile, written beside its point.
    regions : bool, default True
        Shade and label the configuration regions.
    threshold : float, default 0.5
        Share of the strongest mode's share below which a mode counts as lagging.
    color, marker, size
        Style of the points.
    ticks : bool, default False
        Draw percentage scales on the three edges (slower to draw): ticks at 20%, 40%, 60% and
        80% (none at the corners) and each edge named for its mode ("hierarchy share →", the arrow
        pointing to the mode's corner; see :data:`SCALE_KEY`). Faint guide lines mark every 20%
        either way.
    label_size : float, default 9
        Font size (points) of the region labels; a small triangle needs smaller ones to fit
        them clear of each other.

    Returns
    -------
    matplotlib Axes
        The ternary axes.

    Examples
    --------
    >>> from coordkit.profile import Profile
    >>> ax = ternary([Profile(0.9, 0.8, 0.2, 0.3)], labels=["NHS 2022"])
    >>> ax.get_tlabel()
    'Hierarchy'
    >>> ax = ternary([Profile(0.9, 0.8, 0.2, 0.3)], ticks=True)
    >>> [t.get_text() for t in ax.taxis.get_ticklabels()]
    ['20%', '40%', '60%', '80%']
    """
    tax: Any = new_axes(ax, "ternary")  # mpltern's ternary axes are untyped (set_tlabel, taxis, 3-D text)
    if isinstance(profiles, Profile):
        profiles = [profiles]
    if labels is not None and len(labels) != len(profiles):
        raise ValueError(f"labels: got {len(labels)} labels for {len(profiles)} profiles")
    if regions:
        layout = _RegionLabels(tax)
        for code, polygons in _regions(threshold):
            tint = _REGION_TINT[Kind.BALANCED if len(code) == 3 else
                                Kind.MONOCULTURE if len(code) == 1 else Kind.DEFICIT]
            for poly in polygons:
                tax.fill(poly[:, 0], poly[:, 1], poly[:, 2], facecolor=tint, edgecolor=tint,
                         linewidth=0.6, zorder=0)
            biggest = max(polygons, key=len)
            centre = np.concatenate(polygons).mean(axis=0) if len(code) != 2 else biggest.mean(axis=0)
            label = tax.text(*centre, _region_label(code), ha="center", va="center", fontsize=label_size,
                             color=INK, zorder=1,
                             path_effects=[withStroke(linewidth=2.5, foreground="white")])
            layout.add(label, _label_places(polygons, centre))
    tax.set_tlabel(Mode.HIERARCHY.label)
    tax.set_llabel(Mode.SOLIDARITY.label)
    tax.set_rlabel(Mode.INDIVIDUALISM.label)
    axes = (tax.taxis, tax.laxis, tax.raxis)
    for axis, mode in zip(axes, ACTIVE_MODES, strict=True):
        if ticks:  # mpltern lays out tick labels slowly (~0.15 s a draw): static figures only
            # no tick at a corner, where one scale's 0% would meet the next one's 100%
            axis.set_ticks(SCALE_TICKS, [f"{v:.0%}" for v in SCALE_TICKS])
            axis.set_tick_params(labelsize=8, labelcolor=MUTED)
            _scale_label(tax, mode, axis, 8)
        else:
            axis.set_ticks([])
    # faint guide lines at every 20%: with ticks, the lines to follow from a point to its scales
    for v in SCALE_TICKS:
        for k in range(3):
            a, b = np.zeros(3), np.zeros(3)
            a[k] = b[k] = v
            a[(k + 1) % 3] = b[(k + 2) % 3] = 1 - v
            tax.plot(*zip(a, b, strict=True), color=GUIDE, linewidth=0.4, zorder=0.5)
    if profiles:
        shares = np.array([p.shares for p in profiles])
        tax.scatter(shares[:, 0], shares[:, 1], shares[:, 2], s=size, c=color, marker=marker,
                    edgecolors="white", linewidths=0.8, zorder=3, gid="points")
        for k, text in enumerate(labels or []):
            tax.text(shares[k, 0], shares[k, 1], shares[k, 2], "  " + text, fontsize=8,
                     ha="left", va="bottom", zorder=4)
    return tax


def profile_bars(profile: Profile, *, ax: Axes | None = None, threshold: float = 0.5) -> Axes:
    """Bar chart of the four strengths, with each mode's malign part hatched.

    Fatalism's malign part is its despair; the rest of its bar is its benign face (wisdom).

    Parameters
    ----------
    profile : Profile
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.
    threshold : float, default 0.5
        Where to draw the dashed "strong" line.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from coordkit.profile import Profile
    >>> ax = profile_bars(Profile(0.9, 0.8, 0.2, 0.3, malign_hierarchy=0.5))
    >>> [float(round(b.get_height(), 2)) for b in ax.patches[:4]]
    [0.9, 0.8, 0.2, 0.3]
    """
    ax = new_axes(ax, figsize=(5, 3.5))
    for k, (mode, strength) in enumerate(zip(ALL_MODES, profile.strengths, strict=True)):
        # gid: moved by update_profile_figure
        ax.bar(k, strength, width=0.8, color=PALETTE[mode], edgecolor="black", hatch=HATCHES[mode],
               gid=f"bar-{mode.value}")
    ax.set_xticks(range(len(ALL_MODES)), [m.label for m in ALL_MODES])
    for k, (s, m) in enumerate(_strengths_and_malign(profile)):
        # Drawn even at zero height so that update_profile_figure can resize it in place.
        ax.bar(k, s * m, bottom=s * (1 - m), width=0.8, color="white", alpha=0.85,
               hatch=MALIGN_HATCH, edgecolor="black", gid=f"malign-{k}")
    ax.axhline(threshold, color="black", linestyle="--", linewidth=1)
    ax.text(3.45, threshold, " strong", va="bottom", ha="right", fontsize=8)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("strength (0 to 1)")
    ax.legend(handles=[Patch(facecolor="white", edgecolor="black", hatch=MALIGN_HATCH,
                             label="malign part (for fatalism: despair)")], loc="upper right",
              fontsize=8, frameon=False)
    return ax


def _strengths_and_malign(profile: Profile) -> list[tuple[float, float]]:
    """(strength, malign share) for all four modes, fatalism last."""
    return list(zip(profile.strengths, (*profile.malign, profile.malign_fatalism), strict=True))


def profile_figure(
    profile: Profile, *, threshold: float = 0.5, method: EvennessMethod = "pielou", ticks: bool = False
) -> Figure:
    """A ternary position and a bar chart side by side, titled with the diagnosis and score.

    Parameters
    ----------
    profile : Profile
    threshold : float, default 0.5
        Strength at which a mode counts as strong.
    method : str, default "pielou"
        Evenness index for the score in the title.
    ticks : bool, default False
        Percentage ticks on the triangle (for static figures; slower to draw).

    Returns
    -------
    matplotlib Figure
        Two axes: the ternary and the bars.
    """
    fig = Figure(figsize=(10, 5))  # not registered with pyplot: no leaks, no double display
    tax = fig.add_subplot(1, 2, 1, projection="ternary")
    ternary(profile, ax=tax, threshold=threshold, marker="*", size=220, ticks=ticks)
    profile_bars(profile, ax=fig.add_subplot(1, 2, 2), threshold=threshold)
    fig.suptitle(_title(profile, threshold, method), fontsize=12)
    fig.text(0.01, 0.01, "Triangle: each mode's share of active strength (fatalism not shown); "
             "shading shows the mix only. The title gives the diagnosis."
             + ("\n" + SCALE_KEY if ticks else ""), fontsize=8)
    fig.subplots_adjust(left=0.09, right=0.98, top=0.80, bottom=0.2, wspace=0.35)
    return fig


def _title(profile: Profile, threshold: float, method: EvennessMethod) -> str:
    score = report(profile, method=method).score
    return f"{classify(profile, strong=threshold).name}  |  balance index {score:.2f}"


def update_profile_figure(
    fig: Figure, profile: Profile, *, threshold: float = 0.5, method: EvennessMethod = "pielou"
) -> Figure:
    """Move a :func:`profile_figure` to a new profile in place (fast: no axes are rebuilt).

    Parameters
    ----------
    fig : matplotlib Figure
        A figure made by :func:`profile_figure` with the same ``threshold``.
    profile : Profile
    threshold : float, default 0.5
    method : str, default "pielou"

    Returns
    -------
    matplotlib Figure
        The same figure, updated.

    Examples
    --------
    >>> from coordkit.profile import Profile
    >>> fig = profile_figure(Profile(1, 1, 1, 0))
    >>> fig = update_profile_figure(fig, Profile(0.9, 0.2, 0.1, 0.0))
    >>> fig.get_suptitle()
    'hierarchy monoculture  |  balance index 0.26'
    """
    tax, bax = fig.axes
    for artist in [c for c in tax.collections if c.get_gid() == "points"]:
        artist.remove()
    ternary(profile, ax=tax, regions=False, marker="*", size=220)
    bars = [p for p in bax.patches if isinstance(p, Rectangle)]
    for bar, value in zip(bars[:4], profile.strengths, strict=True):
        bar.set_height(value)
    malign_bars = {p.get_gid(): p for p in bars if str(p.get_gid()).startswith("malign-")}
    for k, (s, m) in enumerate(_strengths_and_malign(profile)):
        malign_bars[f"malign-{k}"].set_y(s * (1 - m))
        malign_bars[f"malign-{k}"].set_height(s * m)
    fig.suptitle(_title(profile, threshold, method), fontsize=12)
    return fig


def describe_profile(profile: Profile, *, threshold: float = 0.5, method: EvennessMethod = "pielou",
                     ticks: bool = False) -> str:
    """A text description of :func:`profile_figure` for the same profile.

    Parameters
    ----------
    profile : Profile
    threshold : float, default 0.5
    method : str, default "pielou"
    ticks : bool, default False
        Whether the figure has scales (``profile_figure(..., ticks=True)``): then the description
        ends with how to read them (:data:`SCALE_KEY`).

    Returns
    -------
    str

    Examples
    --------
    >>> from coordkit.profile import Profile
    >>> print(describe_profile(Profile(1, 1, 1, 0)))  # doctest: +NORMALIZE_WHITESPACE
    Profile: hierarchy 1.00, solidarity 1.00, individualism 1.00, fatalism 0.00. Ternary position:
    hierarchy 33%, solidarity 33%, individualism 33% of active strength (fatalism is not on the
    triangle). Configuration: balanced.
    Balance index 1.00 (evenness 1.00, strength 1.00, malign share 0.00, despair 0.00).
    """
    strengths = ", ".join(f"{m.value} {s:.2f}" for m, s in zip(ALL_MODES, profile.strengths, strict=True))
    malign = "; ".join(
        f"{m.value} {share:.0%} malign"
        for m, share in zip(ACTIVE_MODES, profile.malign, strict=True) if share > 0
    )
    if profile.fatalism > 0:
        wisdom, despair = profile.fatalism_faces
        faces = f"fatalism {wisdom:.2f} wisdom and {despair:.2f} despair"
        malign = f"{malign}; {faces}" if malign else faces
    shares = ", ".join(f"{m.value} {p:.0%}" for m, p in zip(ACTIVE_MODES, profile.shares, strict=True))
    r = report(profile, method=method)
    return (
        f"Profile: {strengths}{' (' + malign + ')' if malign else ''}. "
        f"Ternary position: {shares} of active strength (fatalism is not on the triangle). "
        f"Configuration: {classify(profile, strong=threshold).name}. "
        f"Balance index {r.score:.2f} (evenness {r.evenness:.2f}, strength {r.strength:.2f}, "
        f"malign share {r.malign_share:.2f}, despair {r.despair:.2f})."
    ) + (f" {SCALE_KEY}" if ticks else "")


def describe_ternary(profiles: Sequence[Profile], labels: Sequence[str] | None = None) -> str:
    """A text description of a :func:`ternary` plot: one line per point.

    Parameters
    ----------
    profiles : sequence of Profile
    labels : sequence of str, optional

    Returns
    -------
    str

    Examples
    --------
    >>> from coordkit.profile import Profile
    >>> print(describe_ternary([Profile(0.9, 0.8, 0.2, 0.3)], ["NHS"]))
    Ternary plot of active shares (hierarchy / solidarity / individualism), 1 point:
    - NHS: 47% / 42% / 11% (deficit culture: weak individualism)
    """
    labels = list(labels) if labels is not None else [f"point {k + 1}" for k in range(len(profiles))]
    lines = [
        "Ternary plot of active shares (hierarchy / solidarity / individualism), "
        f"{len(profiles)} point{'s' if len(profiles) != 1 else ''}:"
    ]
    for label, p in zip(labels, profiles, strict=True):
        h, s, i = p.shares
        lines.append(f"- {label}: {h:.0%} / {s:.0%} / {i:.0%} ({classify(p).name})")
    return "\n".join(lines)
