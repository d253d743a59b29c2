"""Shared style for every figure: the colour-blind-safe palette, markers and hatches.

Colours come from the Okabe-Ito palette, and every mode also has its own marker and hatch so
that no figure relies on colour alone.

Examples
--------
>>> from coordkit.modes import Mode
>>> PALETTE[Mode.HIERARCHY], MARKERS[Mode.HIERARCHY], HATCHES[Mode.HIERARCHY]
('#0072B2', '^', '//')
"""

from __future__ import annotations

import matplotlib

# Keep a headless default for scripts and tests; notebooks set their own inline backend.
if matplotlib.get_backend().lower() in ("", "agg"):
    matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.axes import Axes

from coordkit.modes import Mode

__all__ = ["HATCHES", "MALIGN_HATCH", "MARKERS", "PALETTE", "new_axes"]

#: Okabe & Ito (2008) colour-blind-safe colours, one per mode.
PALETTE: dict[Mode, str] = {
    Mode.HIERARCHY: "#0072B2",  # blue
    Mode.SOLIDARITY: "#009E73",  # bluish green
    Mode.INDIVIDUALISM: "#E69F00",  # orange
    Mode.FATALISM: "#999999",  # grey
}
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
def new_axes(ax: Axes | None, projection: str | None = None, figsize=(5, 4)) -> Axes:
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
    fig = plt.figure(figsize=figsize)
    return fig.add_subplot(projection=projection)


