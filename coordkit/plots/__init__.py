"""Figures for the kit: colour-blind safe, never colour alone, each with a text description.

Every plotting function takes keyword-only options and ``ax=None`` and returns the Axes it drew on
(or the Figure, for whole-figure helpers); none calls ``plt.show()``. Each figure has a
``describe_*`` companion that returns a text description for screen readers, print and anyone who
cannot see the colours. One module per subject: :mod:`~coordkit.plots.style` (palette, markers,
hatches), :mod:`~coordkit.plots.output` (PNG, and accessible HTML: ``<img alt>`` plus the long
description), :mod:`~coordkit.plots.view` (the :class:`~coordkit.plots.view.FigureView` base: a
figure as one frozen object built from one selection), :mod:`~coordkit.plots.profile` (ternary
and bars).

matplotlib and mpltern are imported when this package is imported, not by
``import coordkit``.

Examples
--------
>>> from coordkit.profile import Profile
>>> fig = profile_figure(Profile(0.9, 0.8, 0.2, 0.3))
>>> [ax.name for ax in fig.axes]
['ternary', 'rectilinear']
"""

from coordkit.plots.output import FastPNG, alt_text, figure_bundle, figure_html, show, to_png
from coordkit.plots.profile import (
    describe_profile,
    describe_ternary,
    profile_bars,
    profile_figure,
    ternary,
    update_profile_figure,
)
from coordkit.plots.style import HATCHES, MARKERS, PALETTE
from coordkit.plots.view import FigureView, ProfileView

__all__ = [
    "HATCHES",
    "MARKERS",
    "PALETTE",
    "FastPNG",
    "FigureView",
    "ProfileView",
    "alt_text",
    "describe_profile",
    "describe_ternary",
    "figure_bundle",
    "figure_html",
    "profile_bars",
    "profile_figure",
    "show",
    "ternary",
    "to_png",
    "update_profile_figure",
]
