"""Getting figures onto the page: PNG bytes for widgets, and accessible HTML for notebooks and reports.

Every figure the kit shows, static or live, reaches the page the same way: as an ``<img>`` with a
short alt text (one sentence: what the figure is) followed by its long description as text (what
it shows, number by number), rendered by the ``figure.html.j2`` template. JupyterLab, Voila,
nbconvert handouts and the class report all display that HTML, so no figure is ever stamped "No
description has been provided for this image".
"""

from __future__ import annotations

import base64
import io
import math
import re
from typing import Any

import numpy as np
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.figure import Figure
from matplotlib.font_manager import FontManager
from matplotlib.ft2font import FT2Font

__all__ = ["FastPNG", "LiveCanvas", "alt_text", "figure_bundle", "figure_html", "png_base64", "show",
           "to_png"]


def to_png(fig: Figure, *, dpi: int = 80, compress_level: int = 6) -> bytes:
    r"""Render a figure to PNG bytes (for Image widgets and notebook display).

    Parameters
    ----------
    fig : matplotlib Figure
    dpi : int, default 80
    compress_level : int, default 6
        zlib level, 0-9: lower is faster to encode and larger (1 suits live widgets).

    Returns
    -------
    bytes

    Examples
    --------
    >>> from coordkit.plots import profile_figure
    >>> from coordkit.profile import Profile
    >>> to_png(profile_figure(Profile(1, 1, 1, 0)))[:4]
    b'\x89PNG'
    """
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, pil_kwargs={"compress_level": compress_level})
    return buffer.getvalue()


def png_base64(fig: Figure, *, dpi: int = 100) -> str:
    """A figure as base64-encoded PNG, ready for a ``data:`` URI.

    Parameters
    ----------
    fig : matplotlib Figure
    dpi : int, default 100

    Returns
    -------
    str

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> png_base64(Figure(figsize=(1, 1)))[:8]
    'iVBORw0K'
    """
    return base64.b64encode(to_png(fig, dpi=dpi)).decode("ascii")


_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def alt_text(fig: Figure | None, description: str, *, limit: int = 160) -> str:
    """A short alt text for a figure: its title, else the first sentence of its description.

    Alt text names the figure in one sentence; the long description carries the detail, so a
    screen reader does not read the numbers twice.

    Parameters
    ----------
    fig : matplotlib Figure or None
        Its suptitle (or its first axes title) is used when there is one.
    description : str
        The long description, used when the figure has no title.
    limit : int, default 160
        Longest alt text, in characters. Longer text is cut at the last clause that fits (after
        ",", ";" or ":"), else at a word, and ends with "..."; the long description keeps it all.

    Returns
    -------
    str

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> fig = Figure()
    >>> _ = fig.suptitle("balanced  |  dynamic balance 0.91")
    >>> alt_text(fig, "Profile: hierarchy 0.90. More.")
    'Figure: balanced, dynamic balance 0.91.'
    >>> alt_text(None, "Profile: hierarchy 0.90, solidarity 0.80. Ternary position: ...")
    'Figure. Profile: hierarchy 0.90, solidarity 0.80.'
    >>> alt_text(None, "Teams over time, first one then another; " + "detail " * 40, limit=60)
    'Figure. Teams over time, first one then another...'
    """
    title = ""
    if fig is not None:
        title = fig.get_suptitle() or next((ax.get_title() for ax in fig.axes if ax.get_title()), "")
    if title:
        words = " ".join(re.sub(r"\s*\|\s*", ", ", title).split()).rstrip(".")
        text = f"Figure: {words}."
    else:
        first = _SENTENCE_END.split(" ".join(description.split()), maxsplit=1)[0]
        text = f"Figure. {first.rstrip(':')}" if first else "Figure."
        text = text if text.endswith((".", "!", "?")) else text + "."
    if len(text) > limit:
        head = text[: limit - 3]
        clause = max(head.rfind(mark) for mark in (", ", "; ", ": "))
        cut = head[:clause] if clause > limit // 2 else head.rsplit(" ", 1)[0]
        text = cut.rstrip(",;: ") + "..."
    return text


def figure_html(
    fig: Figure,
    description: str,
    *,
    alt: str | None = None,
    dpi: int = 100,
    max_width: str | None = None,
    png: str | None = None,
) -> str:
    """A figure as accessible HTML: ``<figure><img alt src><figcaption>description</figcaption></figure>``.

    Parameters
    ----------
    fig : matplotlib Figure
    description : str
        The long description (line breaks are kept).
    alt : str, optional
        Short alt text; by default :func:`alt_text` of the figure and description.
    dpi : int, default 100
    max_width : str, optional
        CSS maximum width (e.g. ``"900px"``); the figure is fluid up to it.
    png : str, optional
        The PNG already encoded by :func:`png_base64` (saves rendering twice).

    Returns
    -------
    str

    Examples
    --------
    >>> from coordkit.plots import profile_figure, describe_profile
    >>> from coordkit.profile import Profile
    >>> p = Profile(1, 1, 1, 0)
    >>> html = figure_html(profile_figure(p), describe_profile(p))
    >>> html.startswith('<figure') and 'alt="Figure: balanced, balance index 1.00."' in html
    True
    >>> "<figcaption" in html and "Configuration: balanced." in html
    True
    """
    from coordkit.html import render

    return render(
        "figure.html.j2",
        png=png if png is not None else png_base64(fig, dpi=dpi),
        alt=alt if alt is not None else alt_text(fig, description),
        description=description,
        label="Figure description:",
        max_width=max_width,
    )


def show(fig: Figure, description: str, *, alt: str | None = None, dpi: int = 100) -> None:
    """Display a figure in a notebook as accessible HTML: the image with alt text, then its description.

    The output carries ``text/html`` (:func:`figure_html`: an ``<img>`` with a short alt text and
    the long description as a caption, shown by JupyterLab, Voila and nbconvert alike) and a
    ``text/plain`` fallback with the same words, for terminals, nbval and anything that cannot
    show HTML. Works whatever matplotlib backend the kernel uses.

    Parameters
    ----------
    fig : matplotlib Figure
    description : str
        What the figure shows, in words (e.g. from :func:`describe_profile`).
    alt : str, optional
        Short alt text, one sentence; by default :func:`alt_text` (the figure's title, else the
        description's first sentence).
    dpi : int, default 100

    Examples
    --------
    >>> from coordkit.plots import profile_figure, describe_profile
    >>> from coordkit.profile import Profile
    >>> p = Profile(1, 1, 1, 0)
    >>> show(profile_figure(p), describe_profile(p))  # doctest: +SKIP

    What it displays is :func:`figure_bundle`.
    """
    from IPython.display import display

    display(figure_bundle(fig, description, alt=alt, dpi=dpi), raw=True)


def figure_bundle(
    fig: Figure, description: str, *, alt: str | None = None, dpi: int = 100
) -> dict[str, str]:
    """The MIME bundle :func:`show` displays: accessible ``text/html`` and a ``text/plain`` twin.

    Parameters
    ----------
    fig : matplotlib Figure
    description : str
    alt : str, optional
        By default :func:`alt_text`.
    dpi : int, default 100

    Returns
    -------
    dict of str to str
        ``{"text/html": ..., "text/plain": ...}``.

    Examples
    --------
    >>> from coordkit.plots import profile_figure, describe_profile
    >>> from coordkit.profile import Profile
    >>> p = Profile(1, 1, 1, 0)
    >>> bundle = figure_bundle(profile_figure(p), describe_profile(p))
    >>> print(bundle["text/plain"])  # doctest: +ELLIPSIS
    [figure] Figure: balanced, balance index 1.00.
    Figure description: Profile: hierarchy 1.00, ...
    >>> sorted(bundle)
    ['text/html', 'text/plain']
    """
    alt = alt if alt is not None else alt_text(fig, description)
    return {
        "text/html": figure_html(fig, description, alt=alt, dpi=dpi),
        "text/plain": f"[figure] {alt}\nFigure description: {description}",
    }


# ----- a canvas for live figures: each string shaped once, each glyph rasterised once ------------

# Drawing text is most of a live figure's first view, and most of that is matplotlib (3.11) shaping
# each string (``FT2Font._layout``) and FreeType rasterising each glyph on every draw, though the
# same tick labels, era names and axis labels come back update after update. A glyph's bitmap
# depends only on the font, size, rotation and where the pen falls within its pixel (1/64 px), so
# kept under those it is the bitmap FreeType would make again, moved by whole pixels: the PNG is the
# same, byte for byte (tests/test_plots.py compares).
#
# No public matplotlib API shapes a string or rasterises one glyph (blitting with copy_from_bbox /
# restore_region, as FastPNG does, saves nothing on a first view, where the whole figure is new:
# without these calls the performance viewer's first view takes 0.115 s of CPU, over its 0.1 s goal,
# against 0.076 s with them). So the private calls stay, all of them in the four functions below and
# named in _PRIVATE_TEXT_CALLS. Tested on matplotlib 3.11.2 (the lock); tests/test_plots.py fails
# loudly if a matplotlib drops or renames one, and without them the canvas draws as FigureCanvasAgg.

#: matplotlib's private names the live canvas calls: (owner, name). It also defines a private hook,
#: ``_get_font_height_metrics``, which matplotlib 3.11's Text asks a renderer for if it has one.
_PRIVATE_TEXT_CALLS: tuple[tuple[Any, str], ...] = (
    (FT2Font, "_layout"), (FT2Font, "_render_glyph"), (FT2Font, "_set_transform"),
    (RendererAgg, "_prepare_font"), (FontManager, "_find_fonts_by_props"))
_FAST_TEXT = all(hasattr(owner, name) for owner, name in _PRIVATE_TEXT_CALLS)


def _prepared_font(renderer: RendererAgg, prop: Any) -> Any:
    """The font of ``prop`` at its size and the renderer's dpi, as RendererAgg.draw_text prepares it."""
    return getattr(renderer, "_prepare_font")(prop)  # noqa: B009 (private: see _PRIVATE_TEXT_CALLS)


def _font_files(prop: Any) -> list[Any]:
    """The font files matplotlib picks for ``prop`` (first choice, then fallbacks)."""
    from matplotlib.font_manager import fontManager

    return list(getattr(fontManager, "_find_fonts_by_props")(prop))  # noqa: B009 (private)


def _shaped(font: Any, s: str, flags: Any, features: Any,
            language: Any) -> list[tuple[Any, int, float, float]]:
    """``s`` shaped by ``font``: (font of the glyph, glyph index, x, y) per glyph, as RendererAgg does."""
    return [(item.ft_object, item.glyph_index, item.x, item.y)
            for item in font._layout(s, flags=flags, features=features, language=language)]


def _rasterised(ft_object: Any, glyph: int, flags: Any, matrix: np.ndarray, pen: list[int],
                antialiased: bool) -> Any:
    """FreeType's bitmap of one glyph, turned by ``matrix`` and with the pen at ``pen`` (1/64 px)."""
    from matplotlib.ft2font import RenderMode

    ft_object._set_transform(matrix, pen)
    return ft_object._render_glyph(glyph, flags, RenderMode.NORMAL if antialiased else RenderMode.MONO)


_LAYOUTS: dict[Any, list[tuple[Any, int, float, float]]] = {}
_GLYPHS: dict[Any, tuple[np.ndarray, int, int]] = {}
_HEIGHTS: dict[Any, tuple[float | None, float | None, float | None]] = {}
_MOST = 50_000  # entries kept before a cache is emptied (a glyph is a few hundred bytes)


class _TextCachingRenderer(RendererAgg):
    """:class:`~matplotlib.backends.backend_agg.RendererAgg` drawing plain text from the caches above."""

    def _get_font_height_metrics(self, prop: Any) -> tuple[float | None, float | None, float | None]:
        # matplotlib 3.11's Text asks a renderer for a font's line metrics before it reads them from
        # the font's tables itself, for every text on every draw; the same numbers, kept per font
        # (the method is removed below when matplotlib lacks the private calls)
        from matplotlib.font_manager import get_font

        files = _font_files(prop)
        size = prop.get_size_in_points()
        key = (tuple(files), size, self.dpi)
        if key not in _HEIGHTS:  # as matplotlib.text.Text._get_layout reads them
            font: Any = get_font(files)  # its tables, read by name
            metrics: tuple[float | None, float | None, float | None] = (None, None, None)
            tables = (("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
                      ("hhea", "lineGap", "ascent", "descent"))
            for table_name, gap, ascent, descent in tables:
                table = font.get_sfnt_table(table_name)
                if table is None:
                    continue
                scale = 1 / font.get_sfnt_table("head")["unitsPerEm"] * size * self.dpi / 72
                metrics = (table[ascent] * scale, -table[descent] * scale, table[gap] * scale)
                break
            _HEIGHTS[key] = metrics
        return _HEIGHTS[key]

    def draw_text(self, gc: Any, x: float, y: float, s: str, prop: Any, angle: float,
                  ismath: Any = False, mtext: Any = None) -> None:
        if ismath or not _FAST_TEXT:
            return super().draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
        font = _prepared_font(self, prop)
        flags = get_hinting_flag()
        features = mtext.get_fontfeatures() if mtext is not None else None
        language = mtext.get_language() if mtext is not None else None
        size = prop.get_size_in_points()
        key = (font, size, self.dpi, s, flags, None if features is None else tuple(features),
               tuple(language) if isinstance(language, list) else language)
        items = _LAYOUTS.get(key)
        if items is None:
            if len(_LAYOUTS) > _MOST:
                _LAYOUTS.clear()
            items = _LAYOUTS[key] = _shaped(font, s, flags, features, language)
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        matrix = (0x10000 * np.array([[cos, -sin], [sin, cos]])).round().astype(int)
        turn = tuple(matrix.ravel().tolist())
        antialiased = gc.get_antialiased()
        height = self.height
        for ft_object, glyph, dx, dy in items:  # as RendererAgg._draw_text_glyphs_and_boxes
            pen_x = round(0x40 * float(x + dx * cos - dy * sin))
            pen_y = round(0x40 * float(height - y + dx * sin + dy * cos))  # FreeType's y is upwards
            glyph_key = (ft_object, size, self.dpi, glyph, flags, antialiased, turn, pen_x & 63, pen_y & 63)
            kept = _GLYPHS.get(glyph_key)
            if kept is None:
                if len(_GLYPHS) > _MOST:
                    _GLYPHS.clear()
                ft_object.set_size(size, self.dpi)
                bitmap = _rasterised(ft_object, glyph, flags, matrix, [pen_x, pen_y], antialiased)
                buffer = np.array(bitmap.buffer)  # a copy: FreeType reuses its bitmap
                if not antialiased:
                    buffer *= 0xFF
                kept = (buffer, bitmap.left - (pen_x >> 6), bitmap.top - (pen_y >> 6))
                _GLYPHS[glyph_key] = kept
            buffer, left, top = kept
            self._renderer.draw_text_image(buffer, left + (pen_x >> 6),
                                           int(height) - (top + (pen_y >> 6)) + buffer.shape[0], 0, gc)
        return None


if not _FAST_TEXT:  # a matplotlib without the private calls: Text reads the metrics itself, as for Agg
    del _TextCachingRenderer._get_font_height_metrics


class LiveCanvas(FigureCanvasAgg):
    r"""An Agg canvas for figures drawn again and again: text is shaped and rasterised once.

    The same PNG as :class:`~matplotlib.backends.backend_agg.FigureCanvasAgg`, byte for byte,
    drawn faster when the same strings come back (tick labels, axis labels, era names): each
    string's layout and each glyph's bitmap (at its size, rotation and position within a pixel)
    is kept, for all live canvases, and drawn from there. A widget's kept canvas is one.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(2, 1), dpi=80)
    >>> _ = fig.text(0.5, 0.5, "2022")
    >>> live = io.BytesIO(); LiveCanvas(fig).print_png(live)
    >>> stock = io.BytesIO(); FigureCanvasAgg(fig).print_png(stock)
    >>> live.getvalue() == stock.getvalue()
    True
    """

    def get_renderer(self) -> RendererAgg:
        """As :meth:`FigureCanvasAgg.get_renderer`, with the text-caching renderer."""
        w, h = self.get_width_height(physical=True)
        key = w, h, self.figure.dpi
        if self._lastKey != key:
            self.renderer = _TextCachingRenderer(w, h, self.figure.dpi)
            self._lastKey = key
        return self.renderer

    def png(self, *, draw: bool = True, compress_level: int = 1) -> bytes:
        """The figure as PNG bytes: drawn whole first (or as it stands, ``draw=False``).

        zlib level 1 by default: quick to encode, as for live widgets. The pixels are read
        straight from the renderer's buffer (no array copy), which is the same PNG as
        ``Image.fromarray`` of its RGB channels, byte for byte.
        """
        from PIL import Image

        if draw:
            self.draw()
        size = self.get_width_height(physical=True)
        image = Image.frombuffer("RGBA", size, self.buffer_rgba(), "raw", "RGBA", 0, 1).convert("RGB")
        buffer = io.BytesIO()
        image.save(buffer, format="png", compress_level=compress_level)
        return buffer.getvalue()


class FastPNG:
    r"""Render a figure to PNG again and again, redrawing only what changes (for live widgets).

    Drawing text (tick labels, legends, titles) is most of the cost of rendering a figure. A
    widget update only moves a few artists, so this draws everything else once, keeps that
    background, and on each :meth:`png` pastes the background and draws just the *dynamic*
    artists: those with a ``gid`` (the convention every ``update_*_figure`` function follows
    for the artists it changes or adds) and the figure's suptitle. Axis limits must stay fixed
    between updates, as they do in the kit's live figures.

    Parameters
    ----------
    fig : matplotlib Figure
    dpi : int, default 80

    Examples
    --------
    >>> from coordkit.plots import profile_figure, update_profile_figure
    >>> from coordkit.profile import Profile
    >>> fig = profile_figure(Profile(0.9, 0.8, 0.2, 0.3))
    >>> fast = FastPNG(fig)
    >>> before = fast.png()
    >>> after = fast.png(update_profile_figure(fig, Profile(0.2, 0.3, 0.9, 0.1)))
    >>> before[:4] == after[:4] == b"\x89PNG" and before != after
    True
    """

    def __init__(self, fig: Figure, *, dpi: int = 80) -> None:
        self.fig = fig
        fig.set_dpi(dpi)
        self.canvas = LiveCanvas(fig)
        for artist in self._dynamic():
            artist.set_animated(True)
        self.canvas.draw()
        self.background = self.canvas.copy_from_bbox(fig.bbox)

    def _dynamic(self) -> list[Artist]:
        """Artists to redraw, in drawing order (zorder, then the order they were added)."""
        artists = self.fig.findobj(lambda a: a.get_gid() is not None and a is not self.fig)
        artists.sort(key=lambda a: a.get_zorder())  # stable: ties keep the order they were added
        # The suptitle is a figure-level text: found by its (public) text, as it has no gid.
        title = self.fig.get_suptitle()
        suptitle = [t for t in self.fig.texts if title and t.get_text() == title and t not in artists]
        return [*artists, *suptitle[:1]]

    def png(self, fig: Figure | None = None) -> bytes:
        """The figure as PNG bytes, redrawing only its dynamic artists.

        Parameters
        ----------
        fig : matplotlib Figure, optional
            Ignored apart from a check that it is this renderer's figure; lets a call read as
            ``fast.png(update_x_figure(fig, ...))``.

        Returns
        -------
        bytes
        """
        if fig is not None and fig is not self.fig:
            raise ValueError("FastPNG.png was given a different figure from the one it renders")
        self.canvas.restore_region(self.background)
        renderer = self.canvas.get_renderer()
        for artist in self._dynamic():
            if artist.get_visible():
                artist.draw(renderer)
        return self.canvas.png(draw=False)
