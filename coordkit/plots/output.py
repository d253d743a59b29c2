"""Getting figures onto the page: PNG bytes for widgets, and notebook display with a description."""

from __future__ import annotations

import base64
import io

import numpy as np
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

__all__ = ["FastPNG", "show", "to_png"]


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


def show(fig: Figure, description: str, *, dpi: int = 100) -> None:
    """Display a figure in a notebook with its text description printed beneath it.

    The figure is sent as a PNG whose plain-text alternative is the description, and the
    description is also printed, so it reads in any front end, in print and to a screen reader
    -- and nbval can check it. Works whatever matplotlib backend the kernel uses.

    Parameters
    ----------
    fig : matplotlib Figure
    description : str
        What the figure shows, in words (e.g. from :func:`describe_profile`).
    dpi : int, default 100
    """
    from IPython.display import display

    png = base64.b64encode(to_png(fig, dpi=dpi)).decode("ascii")
    display({"image/png": png, "text/plain": f"[figure] {description}"}, raw=True)
    print(f"Figure description: {description}")


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
        self.canvas = FigureCanvasAgg(fig)
        for artist in self._dynamic():
            artist.set_animated(True)
        self.canvas.draw()
        self.background = self.canvas.copy_from_bbox(fig.bbox)

    def _dynamic(self) -> list[Artist]:
        """Artists to redraw, in drawing order (zorder, then the order they were added)."""
        artists = self.fig.findobj(lambda a: a.get_gid() is not None and a is not self.fig)
        artists.sort(key=lambda a: a.get_zorder())  # stable: ties keep the order they were added
        title = getattr(self.fig, "_suptitle", None)
        return [*artists, title] if title is not None else artists

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
        from PIL import Image

        self.canvas.restore_region(self.background)
        renderer = self.canvas.get_renderer()
        for artist in self._dynamic():
            if artist.get_visible():
                artist.draw(renderer)
        buffer = io.BytesIO()
        rgba = np.asarray(self.canvas.buffer_rgba())
        Image.fromarray(rgba[..., :3]).save(buffer, format="png", compress_level=1)
        return buffer.getvalue()
