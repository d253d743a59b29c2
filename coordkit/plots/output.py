"""Getting figures onto the page: PNG bytes for widgets, and notebook display with a description."""

from __future__ import annotations

import base64
import io

from matplotlib.figure import Figure

__all__ = ["show", "to_png"]


def to_png(fig: Figure, *, dpi: int = 80) -> bytes:
    r"""Render a figure to PNG bytes (for Image widgets and notebook display).

    Parameters
    ----------
    fig : matplotlib Figure
    dpi : int, default 80

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
    fig.savefig(buffer, format="png", dpi=dpi)
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
