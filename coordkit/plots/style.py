"""Shared style for every figure: the one place colours, markers and hatches are defined.

Colours come from the Okabe-Ito palette, darkened where a hue is too light to read: every colour
has a role, and each role has a contrast floor (WCAG 2.2) against the figure backgrounds
(:data:`BACKGROUND` and :data:`PANEL`):

- **text** (:data:`TEXT_COLOURS`: :data:`INK`, :data:`MUTED`, :data:`ANNOTATION`): at least 4.5:1;
- **lines and markers that carry meaning** (:data:`LINE_COLOURS`: the mode :data:`PALETTE`,
  :data:`REFERENCE`, :data:`ACCENT`, :data:`SECONDARY`, :data:`NEUTRAL`, and text colours): at
  least 3:1 (WCAG 1.4.11, non-text contrast);
- **fills and tints** (:data:`TINTS`) and **guides** (:data:`GUIDE`): backgrounds and decoration,
  carrying no meaning by colour (regions are labelled in text; bars have black edges and hatches).

Every mode also has its own marker and hatch, so no figure relies on colour alone.
:func:`contrast` computes the WCAG ratio and :func:`accessibility_problems` checks a drawn figure
(text size and contrast, line and marker contrast).

Examples
--------
>>> from coordkit.modes import Mode
>>> PALETTE[Mode.HIERARCHY], MARKERS[Mode.HIERARCHY], HATCHES[Mode.HIERARCHY]
('#0072B2', '^', '//')
>>> round(contrast(ANNOTATION, BACKGROUND), 2)
6.45
"""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.collections import Collection
from matplotlib.colors import to_hex, to_rgb, to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from coordkit.modes import Mode

__all__ = [
    "ACCENT",
    "ANNOTATION",
    "BACKGROUND",
    "GUIDE",
    "HATCHES",
    "INK",
    "LINE_COLOURS",
    "MALIGN_HATCH",
    "MARKERS",
    "MIN_FONT_PT",
    "MUTED",
    "NEUTRAL",
    "PAGE_COLOURS",
    "PALETTE",
    "PANEL",
    "REFERENCE",
    "SECONDARY",
    "TEXT_COLOURS",
    "TINTS",
    "accessibility_problems",
    "contrast",
    "new_axes",
    "presentation",
    "smallest_text_px",
]

#: One colour per mode: Okabe & Ito (2008) hues. Orange and grey are darkened from Okabe-Ito's
#: #E69F00 (2.2:1 on white) and #999999 (2.8:1) to reach 3:1 as lines and markers, with the
#: same hue; the four stay apart under simulated colour-vision deficiencies as before.
PALETTE: dict[Mode, str] = {
    Mode.HIERARCHY: "#0072B2",  # blue, 5.2:1 on white
    Mode.SOLIDARITY: "#009E73",  # bluish green, 3.4:1
    Mode.INDIVIDUALISM: "#A87400",  # dark orange, 4.1:1
    Mode.FATALISM: "#767676",  # grey, 4.5:1
}

#: The figure background (white) and the light panel some figures shade.
BACKGROUND = "#FFFFFF"
PANEL = "#F2F2F2"
#: Text: body text, secondary text, and annotations (a dark vermillion: 6.5:1 on white and at
#: least 4.5:1 on every tint, where Okabe-Ito's #D55E00 is 3.9:1 on white).
INK = "#222222"
MUTED = "#555555"
ANNOTATION = "#9F4200"
#: Lines and markers beyond the modes: standards and plans (Okabe-Ito vermillion, for lines
#: only), a further series (reddish purple and sky blue, darkened to 3.5:1), a neutral series.
REFERENCE = "#D55E00"
ACCENT = "#C25E96"
SECONDARY = "#1A87C5"
NEUTRAL = "#595959"
#: Guide lines and grids: decoration, carrying no meaning.
GUIDE = "#BBBBBB"
#: Pale fills behind labelled regions (text on them is :data:`INK`).
TINTS: dict[str, str] = {"balanced": "#F0E442", "monoculture": "#D9D9D9", "deficit": PANEL}
#: The regime map's cell backgrounds; each cell also carries a letter (in INK) and a hatch.
REGIME_TINTS: dict[str, str] = {"settled": "#F0F0F0", "damped": "#BFD7EA", "cycling": "#F5C78E",
                                "chaotic": "#D9A0C8"}

#: The HTML report's page (the class report's ``--name`` CSS variables): text in :data:`INK`
#: and :data:`MUTED`, pale rules and frames (decoration), table headers on :data:`PANEL`, notes
#: on cream edged in Okabe-Ito orange, warnings on pale red edged in :data:`REFERENCE`.
PAGE_COLOURS: dict[str, str] = {
    "text": INK, "muted": MUTED, "header": PANEL, "rule": "#DDDDDD", "border": "#CCCCCC",
    "frame": "#EEEEEE", "note": "#FFF8DC", "note-edge": "#E69F00", "warn": "#FDECEA",
    "warn-edge": REFERENCE,
}

#: Colours for text (at least 4.5:1 on the backgrounds).
TEXT_COLOURS: tuple[str, ...] = (INK, MUTED, ANNOTATION, "#000000")
#: Colours for lines and markers that carry meaning (at least 3:1 on the backgrounds).
LINE_COLOURS: tuple[str, ...] = (*PALETTE.values(), REFERENCE, ACCENT, SECONDARY, NEUTRAL,
                                 *TEXT_COLOURS)
#: Smallest text in a figure, in points at the figure's stored size.
MIN_FONT_PT = 8.0
#: A marker per mode, so points differ in shape as well as colour.
MARKERS: dict[Mode, str] = {
    Mode.HIERARCHY: "^",
    Mode.SOLIDARITY: "o",
    Mode.INDIVIDUALISM: "D",
    Mode.FATALISM: "X",
}
#: A hatch per mode, so bars differ in texture as well as colour.
HATCHES: dict[Mode, str] = {
    Mode.HIERARCHY: "//",
    Mode.SOLIDARITY: "..",
    Mode.INDIVIDUALISM: "\\\\",
    Mode.FATALISM: "--",
}
MALIGN_HATCH = "xxx"


def _relative_luminance(colour: Any) -> float:
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
               for c in to_rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: Any, background: Any = BACKGROUND) -> float:
    """The WCAG 2 contrast ratio of two colours, from 1 (none) to 21 (black on white).

    Parameters
    ----------
    foreground, background : matplotlib colour
        Any colour matplotlib reads (``"#B24A00"``, ``"black"``, an RGB tuple). Transparency is
        ignored: blend first (see :func:`accessibility_problems`).

    Returns
    -------
    float

    Examples
    --------
    >>> contrast("black", "white")
    21.0
    >>> round(contrast("#D55E00"), 2), round(contrast(PALETTE[Mode.INDIVIDUALISM]), 2)
    (3.87, 4.07)
    """
    high, low = sorted((_relative_luminance(foreground), _relative_luminance(background)),
                       reverse=True)
    return (high + 0.05) / (low + 0.05)


def _blend(rgba: Any, background: Any) -> tuple[float, float, float]:
    r, g, b, a = to_rgba(rgba)
    br, bg, bb = to_rgb(background)
    return (r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a))


def _background(artist: Artist) -> Any:
    axes = getattr(artist, "axes", None)
    if axes is not None:
        return axes.get_facecolor()
    figure = artist.get_figure()
    return figure.get_facecolor() if figure is not None else BACKGROUND


def accessibility_problems(
    fig: Figure, *, min_font_pt: float = MIN_FONT_PT, text: float = 4.5, lines: float = 3.0
) -> list[str]:
    """What in a drawn figure is too small or too faint to read, one line per problem.

    Checks every visible text (size at least ``min_font_pt`` points at the figure's stored size;
    colour at least ``text``:1 against its box or its axes' background) and every visible line
    or marker set (colour, blended by its alpha, at least ``lines``:1). Guides in
    :data:`GUIDE` and background shading (patches, and artists drawn at ``zorder <= 0.5``) are
    decoration and are not checked. A marker passes if its face or its edge reaches the floor.

    Parameters
    ----------
    fig : matplotlib Figure
    min_font_pt : float, default :data:`MIN_FONT_PT`
    text, lines : float, default 4.5 and 3
        Contrast floors.

    Returns
    -------
    list of str
        Empty when the figure passes.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> fig = Figure()
    >>> ax = fig.add_subplot()
    >>> _ = ax.plot([0, 1], color=PALETTE[Mode.INDIVIDUALISM])
    >>> _ = ax.text(0, 0, "note", color="#D55E00", fontsize=7)
    >>> for problem in accessibility_problems(fig):
    ...     print(problem)
    text 'note' is 7.0 pt (under 8 pt)
    text 'note' has contrast 3.87:1 (under 4.5:1)
    """
    problems: list[str] = []
    for t in fig.findobj(Text):
        words = t.get_text().strip()
        if not words or not t.get_visible() or t.get_alpha() == 0:
            continue
        size = float(t.get_fontsize())
        if size < min_font_pt:
            problems.append(f"text {words[:40]!r} is {size:.1f} pt "
                            f"(under {min_font_pt:g} pt)")
        box = t.get_bbox_patch()
        behind = box.get_facecolor() if box is not None else _background(t)
        ratio = contrast(_blend(t.get_color(), _blend(behind, BACKGROUND)), _blend(behind, BACKGROUND))
        if ratio < text - 1e-9:
            problems.append(f"text {words[:40]!r} has contrast {ratio:.2f}:1 (under {text:g}:1)")
    for artist in fig.findobj(lambda a: isinstance(a, Line2D | Collection)):
        if not artist.get_visible() or artist.get_zorder() <= 0.5:
            continue
        behind = _blend(_background(artist), BACKGROUND)
        colours = _artist_colours(artist)
        if not colours:
            continue
        if all(to_hex(c, keep_alpha=False).upper() == GUIDE for c in colours):
            continue
        best = max(contrast(_blend(c, behind), behind) for c in colours)
        if best < lines - 1e-9:
            label = artist.get_label() or artist.get_gid() or type(artist).__name__
            problems.append(f"{type(artist).__name__} {label!r} has contrast {best:.2f}:1 "
                            f"(under {lines:g}:1)")
    return problems


def _artist_colours(artist: Artist) -> list[Any]:
    """The colours an artist shows: a line's colour and marker edge/face, a collection's face and edge."""
    if isinstance(artist, Line2D):
        out = []
        if artist.get_linestyle() not in ("None", "", " ", "none") and artist.get_linewidth() > 0:
            out.append(artist.get_color())
        if artist.get_marker() not in (None, "None", "", " ", "none"):
            out += [artist.get_markerfacecolor(), artist.get_markeredgecolor()]
        return [c for c in out if c is not None and str(c).lower() != "none"
                and to_rgba(c)[3] > 0]
    assert isinstance(artist, Collection)
    faces = [tuple(c) for c in np.atleast_2d(artist.get_facecolor())]
    edges = [tuple(c) for c in np.atleast_2d(artist.get_edgecolor())] \
        if np.any(artist.get_linewidth()) else []
    return [c for c in [*faces, *edges] if len(c) == 4 and c[3] > 0]


def new_axes(
    ax: Axes | None, projection: str | None = None, figsize: tuple[float, float] = (5, 4)
) -> Axes:
    """Return ``ax``, checking its projection, or a new pyplot figure's axes if ``ax`` is None.

    Parameters
    ----------
    ax : matplotlib Axes or None
    projection : str, optional
        Required projection (e.g. ``"ternary"``).
    figsize : tuple, default (5, 4)
        Size of a new figure.

    Returns
    -------
    matplotlib Axes
    """
    if ax is not None:
        if projection is not None and getattr(ax, "name", None) != projection:
            raise ValueError(
                f"ax must use the {projection!r} projection, e.g. "
                f"fig.add_subplot(projection={projection!r})"
            )
        return ax
    # pyplot only here: importing it (or asking matplotlib for its backend, which imports it) costs
    # a kernel ~20 ms at start-up; matplotlib picks the backend then (Agg without a display, the
    # inline one in a notebook), as it did when this module asked at import
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=figsize)
    return fig.add_subplot(projection=projection)




#: Smallest text, in CSS px as shown, of a figure in an app for projecting (the app's body text).
PRESENTATION_MIN_PX = 18.0


def _px_per_point(fig: Figure, width_px: float, height_px: float | None, dpi: float) -> float:
    """CSS px per point of font size when ``fig``, rendered at ``dpi``, is shown in the given box."""
    w_in, h_in = (float(v) for v in fig.get_size_inches())
    scale = min(1.0, width_px / (w_in * dpi), (height_px / (h_in * dpi)) if height_px else 1.0)
    return dpi / 72.0 * scale


def smallest_text_px(fig: Figure, *, width_px: float, height_px: float | None = None,
                     dpi: float = 80) -> float:
    """The smallest visible text of ``fig`` in CSS px, shown no larger than the box given.

    The figure is rendered at ``dpi`` and scaled down (never up) to fit ``width_px`` by
    ``height_px``, as an ``<img>`` with ``max-width`` and ``max-height`` is.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(10, 5))
    >>> _ = fig.add_subplot().set_title("t", fontsize=9)
    >>> round(smallest_text_px(fig, width_px=800, height_px=400), 1)  # 9 pt at 80 dpi, unscaled
    10.0
    """
    per_pt = _px_per_point(fig, width_px, height_px, dpi)
    sizes = [float(t.get_fontsize()) for t in fig.findobj(Text)
             if t.get_visible() and t.get_text().strip()]
    return float(min(sizes, default=float("inf")) * per_pt)


def presentation(fig: Figure, *, width_px: float, height_px: float | None = None, dpi: float = 80,
                 min_px: float = PRESENTATION_MIN_PX, drawn: bool = False) -> Figure:
    """Make ``fig`` readable on a projector: every text at least ``min_px`` as shown in the box.

    The presentation context of the app layout (:meth:`coordkit.widgets._base.Explorer.as_app`):
    text smaller than ``min_px`` CSS px at the displayed size (see :func:`smallest_text_px`) is
    enlarged to it, and the figure's layout engine (if any) makes room. Colours, data and
    wording are untouched. Calling it again changes nothing (only new, small text).

    Parameters
    ----------
    fig : matplotlib Figure
    width_px, height_px : float
        The box the figure is shown in (CSS px); ``height_px`` None for no height limit.
    dpi : float, default 80
        The resolution it is rendered at (the kit's PNG default).
    min_px : float, default :data:`PRESENTATION_MIN_PX`
    drawn : bool, default False
        The figure has just been drawn and nothing added since, so its tick labels exist: skip
        the draw that makes them (a draw is most of the cost).

    Returns
    -------
    matplotlib Figure
        ``fig`` itself.

    Examples
    --------
    >>> from coordkit.plots import profile_figure
    >>> from coordkit.profile import Profile
    >>> fig = presentation(profile_figure(Profile(0.9, 0.8, 0.2, 0.3)), width_px=740, height_px=430)
    >>> smallest_text_px(fig, width_px=740, height_px=430) >= 18
    True
    """
    floor_pt = min_px / _px_per_point(fig, width_px, height_px, dpi)
    if not drawn:
        fig.draw_without_rendering()  # tick labels exist only once the figure is drawn
    for text in fig.findobj(Text):
        if text.get_text().strip() and float(text.get_fontsize()) < floor_pt - 1e-9:
            text.set_fontsize(floor_pt)
    return fig
