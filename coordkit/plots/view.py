"""Figure views: each figure is one small frozen object built from one selection.

A view holds *what* to show (the data already selected, and the options), computed once; it can
then draw that on axes, make a whole figure, describe it in words, name it in one sentence (alt
text), move an existing figure to it, and display itself as accessible HTML. Because the drawing
and the description read the same selection, they cannot disagree.

To write a view, subclass :class:`FigureView` as a frozen dataclass:

- fields: the inputs and options (a view never changes after it is made);
- put work shared by drawing and describing in a ``functools.cached_property`` (it works on frozen
  dataclasses: it is computed once, on first use);
- implement :meth:`~FigureView.draw` (one panel on given axes) and
  :meth:`~FigureView.describe`; override :meth:`~FigureView.figure` for several panels,
  :meth:`~FigureView.alt` for a better one-sentence name and :meth:`~FigureView.update` for a
  fast in-place update (the default redraws).

Existing ``*_figure`` / ``describe_*`` / ``update_*`` functions can stay as thin wrappers over a
view, so notebooks keep working. :class:`ProfileView` is the worked example.

Examples
--------
>>> from coordkit.profile import Profile
>>> view = ProfileView(Profile(0.9, 0.8, 0.2, 0.3))
>>> view.alt()
'Figure: deficit culture: weak individualism, balance index 0.39.'
>>> view.describe().startswith("Profile: hierarchy 0.90")
True
>>> html = view.html()
>>> html.startswith("<figure") and 'alt="Figure: deficit culture' in html
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, ClassVar

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from coordkit.balance import BalanceReport, EvennessMethod, report
from coordkit.configuration import Configuration, classify
from coordkit.plots.output import alt_text, figure_bundle, figure_html, png_base64
from coordkit.plots.profile import describe_profile, profile_figure, ternary, update_profile_figure
from coordkit.profile import Profile

__all__ = ["FigureView", "ProfileView"]


@dataclass(frozen=True)
class FigureView:
    """Base class for a figure built from one selection: draw, figure, describe, alt, update, html.

    Class attributes a subclass may set: ``figsize`` (inches, default (6, 4)), ``projection``
    (of the axes :meth:`figure` makes for :meth:`draw`, default None), ``dpi`` (for HTML,
    default 100) and ``max_width`` (CSS, default None: as wide as the page).

    Examples
    --------
    >>> from dataclasses import dataclass
    >>> from coordkit.plots.style import SECONDARY
    >>> @dataclass(frozen=True)
    ... class Bars(FigureView):
    ...     '''Heights as bars.'''
    ...     heights: tuple[float, ...]
    ...     def draw(self, ax):
    ...         ax.bar(range(len(self.heights)), self.heights, color=SECONDARY)
    ...         ax.set_title(f"{len(self.heights)} bars")
    ...         return ax
    ...     def describe(self):
    ...         return "Bar heights: " + ", ".join(f"{h:g}" for h in self.heights) + "."
    >>> view = Bars((1.0, 3.0))
    >>> [float(p.get_height()) for p in view.figure().axes[0].patches]
    [1.0, 3.0]
    >>> view.alt()
    'Figure. Bar heights: 1, 3.'
    >>> print(view._repr_mimebundle_()["text/plain"])
    [figure] Figure. Bar heights: 1, 3.
    Figure description: Bar heights: 1, 3.
    """

    figsize: ClassVar[tuple[float, float]] = (6.0, 4.0)
    projection: ClassVar[str | None] = None
    dpi: ClassVar[int] = 100
    max_width: ClassVar[str | None] = None

    def draw(self, ax: Axes) -> Axes:
        """Draw the view's main panel on ``ax`` and return it.

        Parameters
        ----------
        ax : matplotlib Axes
            With the view's ``projection``.

        Returns
        -------
        matplotlib Axes
        """
        raise NotImplementedError(f"{type(self).__name__} must implement draw(ax)")

    def figure(self) -> Figure:
        """A new figure showing the view (not registered with pyplot: no leaks, no double display).

        Returns
        -------
        matplotlib Figure
        """
        fig = Figure(figsize=self.figsize)
        self.draw(fig.add_subplot(projection=self.projection))
        return fig

    def describe(self) -> str:
        """The long text description: what the figure shows, from the same selection.

        Returns
        -------
        str
        """
        raise NotImplementedError(f"{type(self).__name__} must implement describe()")

    def alt(self) -> str:
        """Short alt text, one sentence (default: the description's first sentence).

        Returns
        -------
        str
        """
        return alt_text(None, self.describe())

    def update(self, fig: Figure) -> Figure:
        """Move ``fig`` (made by :meth:`figure` of a view of the same kind) to this view.

        The default clears the figure and draws it again; views used live override it to move
        only what changes (the artists they change carry a ``gid``, see
        :class:`~coordkit.plots.output.FastPNG`).

        Parameters
        ----------
        fig : matplotlib Figure

        Returns
        -------
        matplotlib Figure
            The same figure.
        """
        fig.clear()
        self.draw(fig.add_subplot(projection=self.projection))
        return fig

    def html(self, fig: Figure | None = None) -> str:
        """The figure as accessible HTML: ``<figure>``, ``<img alt>``, long description as caption.

        Parameters
        ----------
        fig : matplotlib Figure, optional
            Already drawn for this view; made with :meth:`figure` if omitted.

        Returns
        -------
        str
        """
        fig = fig if fig is not None else self.figure()
        return figure_html(fig, self.describe(), alt=self.alt(), dpi=self.dpi,
                           max_width=self.max_width, png=png_base64(fig, dpi=self.dpi))

    def _repr_html_(self) -> str:
        return self.html()

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return figure_bundle(self.figure(), self.describe(), alt=self.alt(), dpi=self.dpi)


@dataclass(frozen=True)
class ProfileView(FigureView):
    """The profile figure as a view: ternary position and bars, titled with the diagnosis and score.

    Wraps :func:`~coordkit.plots.profile.profile_figure`,
    :func:`~coordkit.plots.profile.update_profile_figure` and
    :func:`~coordkit.plots.profile.describe_profile`; the balance report and configuration are
    computed once and shared by the title, the alt text and the description's headline.

    Parameters
    ----------
    profile : Profile
    threshold : float, default 0.5
        Strength at which a mode counts as strong.
    method : str, default "pielou"
        Evenness index for the score.
    ticks : bool, default False
        Percentage ticks on the triangle (static figures; slower to draw).

    Examples
    --------
    >>> from coordkit.profile import Profile
    >>> view = ProfileView(Profile(1, 1, 1, 0))
    >>> fig = view.figure()
    >>> fig.get_suptitle()
    'balanced  |  balance index 1.00'
    >>> moved = ProfileView(Profile(0.9, 0.2, 0.1, 0.0)).update(fig)
    >>> moved.get_suptitle()
    'hierarchy monoculture  |  balance index 0.26'
    """

    profile: Profile
    threshold: float = 0.5
    method: EvennessMethod = "pielou"
    ticks: bool = False

    figsize: ClassVar[tuple[float, float]] = (10.0, 5.0)
    projection: ClassVar[str | None] = "ternary"
    max_width: ClassVar[str | None] = "900px"

    @cached_property
    def report(self) -> BalanceReport:
        """The balance report of the profile (computed once)."""
        return report(self.profile, method=self.method)

    @cached_property
    def configuration(self) -> Configuration:
        """The profile's configuration at the view's threshold (computed once)."""
        return classify(self.profile, strong=self.threshold)

    def draw(self, ax: Axes) -> Axes:
        """Draw the ternary position on ``ax`` (``projection="ternary"``)."""
        return ternary(self.profile, ax=ax, threshold=self.threshold, marker="*", size=220,
                       ticks=self.ticks)

    def figure(self) -> Figure:
        """Ternary and bars side by side (:func:`~coordkit.plots.profile.profile_figure`)."""
        return profile_figure(self.profile, threshold=self.threshold, method=self.method,
                              ticks=self.ticks)

    def update(self, fig: Figure) -> Figure:
        """Move a profile figure here in place (:func:`~coordkit.plots.profile.update_profile_figure`)."""
        return update_profile_figure(fig, self.profile, threshold=self.threshold,
                                     method=self.method)

    def alt(self) -> str:
        """Alt text: the configuration and the balance index, in one sentence."""
        return f"Figure: {self.configuration.name}, balance index {self.report.score:.2f}."

    def describe(self) -> str:
        """:func:`~coordkit.plots.profile.describe_profile` of the same profile and options."""
        return describe_profile(self.profile, threshold=self.threshold, method=self.method, ticks=self.ticks)
