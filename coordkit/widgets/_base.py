"""The one base every explorer builds on: display, timing, pause-while-moving, accessible output.

An explorer is thin: its controls make a figure view (:class:`~coordkit.plots.view.FigureView`)
or call the library, and :class:`Explorer` does the rest the same way for every explorer:

- **display**: ``display(explorer)`` shows :attr:`Explorer.widget`;
- **timing**: :meth:`Explorer.timed` records :attr:`Explorer.last_update_seconds`;
- **pause while moving**: :meth:`Explorer.held` silences every watched control (via
  :func:`~coordkit.widgets.common.silenced`) so that several can move and the explorer updates
  once;
- **accessible output**: :meth:`Explorer.show_view` draws a view fast
  (:class:`~coordkit.plots.output.FastPNG`) into :attr:`Explorer.image`, an ``<img>`` with the
  view's alt text; :meth:`Explorer.set_result` writes the result text into an ARIA live region
  (``role="status"``, ``aria-live="polite"``), so a screen reader hears each new result;
  :meth:`Explorer.set_description` writes the long description into a folded block. All three
  go through :func:`coordkit.html.render` (one escaping rule);
- **responsive layout**: :meth:`Explorer.assemble` lays rows out at ``width: 100%`` up to
  :attr:`Explorer.max_width`, wrapping controls so nothing is clipped at 320 px;
- **accessible names**: :func:`slider` makes a slider from a :class:`~coordkit.params.Param`
  with its label as the name and its help and unit as the tooltip; :meth:`Explorer.unnamed`
  lists any watched control without a name (tests assert it is empty). ipywidgets gives a
  slider's handle (``role="slider"``) no name of its own, so every explorer carries a tiny
  script (:data:`ARIA_NAMES`) that labels each handle and readout with the slider's visible
  label and unit (``aria-label``), checked with axe-core in the browser tests;
- **an app for projecting** (``layout="app"``, or :meth:`Explorer.as_app`): the controls in a
  column beside the figure, both on one 1280x800 screen, text at 18 px or more, and an optional
  **presenter mode** ("predict, then reveal": the figure and result stay hidden until the
  *Reveal the result* button is pressed).

Explorers hold no model logic: they read controls, call the library, and show the results.

The layout, style and slider helpers live in :mod:`coordkit.widgets._layout`, the app layout's
figure fitting in :mod:`coordkit.widgets._fit`; their names are re-exported here.

ipywidgets is imported when this module is imported, not by ``import coordkit``.

Examples
--------
A tiny explorer over the profile view:

>>> from coordkit.plots.view import ProfileView
>>> from coordkit.profile import Profile
>>> class Tiny(Explorer):
...     '''One slider: the strength of individualism.'''
...     def __init__(self):
...         super().__init__()
...         self.individualism = w.FloatSlider(value=0.2, min=0, max=1, step=0.1,
...                                            description="Individualism")
...         self.watch(self.individualism)
...         self.assemble(self.individualism)
...         self.update()
...     def update(self, change=None):
...         with self.timed():
...             view = ProfileView(Profile(0.9, 0.8, self.individualism.value, 0.3))
...             self.show_view(view)
...             self.set_result(view.configuration.name.capitalize())
>>> tiny = Tiny()
>>> tiny.individualism.value = 0.8
>>> tiny.alt
'Figure: balanced, balance index 0.58.'
>>> 'aria-live="polite"' in tiny.result.value and "Balanced" in tiny.result.value
True
>>> tiny.unnamed()
[]
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any, ClassVar

import ipywidgets as w

from coordkit.html import Markup, render
from coordkit.widgets._fit import (
    APP_DPI,
    APP_FIGURE_BOX,
    fit_for_app,
    hidden_labels,
    hidden_note,
    refit_for_app,
)
from coordkit.widgets._layout import (
    APP_STYLE,
    ARIA_NAMES,
    CONTROL_LAYOUT,
    LAYOUTS,
    _walk,
    _wrap,
    app_style,
    slider,
    slider_row,
)
from coordkit.widgets.common import silenced

if TYPE_CHECKING:  # matplotlib and the views load with coordkit.plots, when first used
    from matplotlib.figure import Figure

    from coordkit.plots.output import FastPNG
    from coordkit.plots.view import FigureView

__all__ = ["APP_DPI", "APP_FIGURE_BOX", "APP_STYLE", "ARIA_NAMES", "CONTROL_LAYOUT", "LAYOUTS",
           "Explorer", "app_style", "fit_for_app", "hidden_labels", "hidden_note", "refit_for_app",
           "slider", "slider_row"]  # with the names of _layout and _fit, re-exported


class Explorer:
    """Base class for the kit's explorers (see the module docstring for what it provides).

    A subclass creates its controls, calls :meth:`watch` on those that should trigger an update
    and :meth:`assemble` with its rows of controls, implements :meth:`update` (wrapped in
    :meth:`timed`), and calls :meth:`update` once at the end of ``__init__``.

    Attributes
    ----------
    widget : ipywidgets.VBox
        The whole explorer, for ``display``.
    image : ipywidgets.HTML
        The figure, as ``<img alt="...">`` (alt text read by screen readers in JupyterLab and
        Voila alike).
    live : ipywidgets.HTML
        The result text, in an ARIA live region.
    result : ipywidgets.HTML
        The same widget as :attr:`live`, unless a subclass uses the name for its own result.
    details : ipywidgets.HTML
        The figure's long description, folded.
    description : str
        The long description from the last update.
    alt : str
        The figure's alt text from the last update.
    png : bytes
        The figure as PNG from the last update.
    last_update_seconds : float
        How long the last timed update took.
    layout : {"notebook", "app"}
        How :meth:`assemble` lays the explorer out (see :meth:`as_app`).
    presenter : bool
        Presenter mode: the figure and result stay hidden until :attr:`reveal` is pressed.
    reveal : ipywidgets.Button
        *Reveal the result* (presenter mode only; pressed again, it hides them for the next
        prediction).
    revealed : bool
        Whether the figure and result are showing.

    Parameters
    ----------
    layout : {"notebook", "app"}, default "notebook"
    presenter : bool, default False
    """

    #: Widest the explorer grows (CSS length).
    max_width: ClassVar[str] = "980px"
    #: Widest the figure grows (CSS length).
    image_max_width: ClassVar[str] = "900px"
    #: In the app layout, the result above the figure (for a short result that must stay in view
    #: at 125 % zoom); otherwise below it.
    result_first: ClassVar[bool] = False

    def __init__(self, *, layout: str = "notebook", presenter: bool = False) -> None:
        if layout not in LAYOUTS:
            raise ValueError(f"layout must be one of {', '.join(LAYOUTS)}, not {layout!r}")
        self.layout = layout
        self.presenter = presenter
        self.last_update_seconds = 0.0
        self.description = ""
        self.alt = ""
        self.png = b""
        self.image = w.HTML(layout=w.Layout(width="100%"))
        self.live = w.HTML(layout=w.Layout(width="100%"))
        self.result: Any = self.live  # a subclass may use the name for its own result object
        self.details = w.HTML(layout=w.Layout(width="100%"))
        self.widget = w.VBox()
        self.reveal = w.Button(description="Reveal the result", icon="eye",
                               tooltip="Show the figure and the result (predict first)",
                               button_style="primary", layout=w.Layout(width="auto"))
        self.reveal.on_click(lambda _: self.toggle_reveal())
        self.revealed = not presenter
        self._rows: tuple[w.Widget, ...] = ()
        self._output = True
        self._watched: list[w.Widget] = []
        self._figure: Figure | None = None
        self._presented: Figure | None = None
        self._renderer: FastPNG | None = None
        self._renderer_key: Any = None
        # The last few figures shown with show_figure, with their renderers and keys: an explorer
        # that switches between figures it keeps (a "Chart" list) shows each again without
        # rendering it whole. Oldest first; bounded, so figures made afresh are not hoarded.
        self._kept: dict[int, tuple[Figure, FastPNG, Any]] = {}

    # ----- controls -----

    def watch(self, *controls: w.Widget, callback: Callable[..., Any] | None = None) -> None:
        """Call :meth:`changed` (or ``callback``) when any of ``controls`` changes value.

        Parameters
        ----------
        *controls : ipywidgets widgets
        callback : callable, optional
            Instead of :meth:`changed`; it is then not paused by :meth:`held`.
        """
        for control in controls:
            control.observe(callback or self.changed, names="value")
            if callback is None:
                self._watched.append(control)



    def changed(self, change: Any = None) -> None:
        """What a watched control calls: :meth:`update` (override to defer, e.g. a Run button)."""
        self.update()

    def held(self) -> AbstractContextManager[None]:
        """Pause while moving: silence every watched control until the block ends.

        Examples
        --------
        >>> class Two(Explorer):
        ...     def __init__(self):
        ...         super().__init__()
        ...         self.a, self.b = w.IntSlider(description="a"), w.IntSlider(description="b")
        ...         self.calls = 0
        ...         self.watch(self.a, self.b)
        ...     def update(self, change=None):
        ...         self.calls += 1
        >>> two = Two()
        >>> with two.held():
        ...     two.a.value, two.b.value = 3, 4
        >>> two.update()
        >>> two.calls
        1
        """
        return silenced(self._watched, self.changed)

    def unnamed(self) -> list[w.Widget]:
        """Watched controls and controls in :attr:`widget` without an accessible name.

        A control is named by a non-empty ``description`` (its visible label) or, for a button,
        its text or tooltip.

        Returns
        -------
        list of widgets
        """
        found: list[w.Widget] = []
        for control in [*self._watched, *_walk(self.widget)]:
            if not isinstance(control, w.ValueWidget | w.Button) or control in found:
                continue
            if isinstance(control, w.HTML | w.HTMLMath | w.Label | w.Image):
                continue  # output, not a control
            name = getattr(control, "description", "") or getattr(control, "tooltip", "")
            if not str(name or "").strip():
                found.append(control)
        return found

    # ----- updating -----

    def update(self, change: Any = None) -> None:
        """Recompute and redraw from the controls (subclasses implement it)."""
        raise NotImplementedError(f"{type(self).__name__} must implement update()")

    @contextmanager
    def timed(self) -> Iterator[None]:
        """Time the block into :attr:`last_update_seconds`.

        Examples
        --------
        >>> class Quiet(Explorer):
        ...     def update(self, change=None):
        ...         with self.timed():
        ...             pass
        >>> q = Quiet()
        >>> q.update()
        >>> 0 <= q.last_update_seconds < 1
        True
        """
        started = time.perf_counter()
        try:
            yield
        finally:
            self.last_update_seconds = time.perf_counter() - started

    def show_view(self, view: FigureView, *, key: Any = None) -> None:
        """Draw ``view`` into :attr:`image` (with its alt text) and its description into :attr:`details`.

        The first call makes the figure and a :class:`~coordkit.plots.output.FastPNG` renderer;
        later calls move the figure with ``view.update`` and redraw only what changed. Pass a
        new ``key`` whenever the figure's frame changes (axes, limits, panels): the figure is
        then made afresh.

        Parameters
        ----------
        view : FigureView
        key : hashable, optional
            Identifies the figure's frame (e.g. the length of a run).
        """
        from coordkit.plots.output import FastPNG

        if self._figure is None or self._renderer is None or key != self._renderer_key:
            self._figure = self._present(view.figure())
            self._renderer, self._renderer_key = FastPNG(self._figure, dpi=APP_DPI), key
        else:
            self._present(view.update(self._figure) or self._figure)
            if self._renderer is None:
                self._renderer = FastPNG(self._figure, dpi=APP_DPI)
        self.set_image(self._renderer.png(), alt=view.alt())
        self.set_description(self._noted(view.describe()))

    def show_figure(self, fig: Figure, description: str, *, alt: str | None = None,
                    key: Any = None, fast: bool = True) -> None:
        r"""Show a figure that is not a view: as ``<img alt>``, with its description folded.

        For figures an explorer keeps and moves in place with an ``update_*_figure`` function:
        with ``fast`` (default) the first call makes a :class:`~coordkit.plots.output.FastPNG`
        renderer for ``fig`` and later calls with the same figure and ``key`` redraw only what
        changed; pass a new ``key`` when the frame changes (e.g. new axis limits). With
        ``fast=False`` the figure is drawn whole (figures made afresh on each update).

        Parameters
        ----------
        fig : matplotlib Figure
        description : str
            The long description (``alt`` defaults to its first sentence or the figure's title).
        alt : str, optional
        key : hashable, optional
        fast : bool, default True

        Examples
        --------
        >>> from coordkit.plots import profile_figure
        >>> from coordkit.profile import Profile
        >>> class Fig(Explorer):
        ...     def update(self, change=None):
        ...         fig = profile_figure(Profile(1, 1, 1, 0))
        ...         self.show_figure(fig, "Even profile. More.", fast=False)
        >>> f = Fig()
        >>> f.update()
        >>> f.alt, f.png[:4]
        ('Figure: balanced, balance index 1.00.', b'\x89PNG')
        """
        from coordkit.plots.output import alt_text, to_png

        self._present(fig)
        if not fast:
            png = to_png(fig, dpi=APP_DPI, compress_level=1)  # level 1: quick to encode
        else:
            self._figure, self._renderer, self._renderer_key = self._keep(fig, key)
            png = self._renderer.png()
        self.set_image(png, alt=alt or alt_text(fig, description))
        self.set_description(self._noted(description))

    def prepare_figure(self, fig: Figure, *, key: Any = None) -> None:
        r"""Make a figure ready for :meth:`show_figure` now: fitted (in the app layout) and rendered once.

        For an explorer that switches between figures it keeps: the slow part of a figure's
        first showing (the app layout's fitting, the first whole render) is done now, at
        start-up, so that switching to it later costs what moving it does. At most
        :attr:`kept_figures` figures are kept ready.

        Parameters
        ----------
        fig : matplotlib Figure
        key : hashable, optional
            As for :meth:`show_figure`.

        Examples
        --------
        >>> from coordkit.plots import profile_figure
        >>> from coordkit.profile import Profile
        >>> app, fig = Explorer(layout="app"), profile_figure(Profile(1, 1, 1, 0))
        >>> app.prepare_figure(fig)
        >>> ready = app._kept[id(fig)][1]
        >>> app.show_figure(fig, "Even profile.")  # shown with the renderer made beforehand
        >>> app._renderer is ready, app.png[:4]
        (True, b'\x89PNG')
        """
        if self.layout == "app" and not getattr(fig, "_coordkit_fitted", False):
            fit_for_app(fig)
        self._keep(fig, key)

    #: How many figures :meth:`show_figure` keeps ready to show again (see :meth:`prepare_figure`).
    kept_figures: ClassVar[int] = 4

    def _keep(self, fig: Figure, key: Any) -> tuple[Figure, FastPNG, Any]:
        """``fig``'s kept renderer (made afresh for a new figure or key), now the most recent."""
        from coordkit.plots.output import FastPNG

        kept = self._kept.pop(id(fig), None)
        if kept is None or kept[0] is not fig or kept[2] != key:
            kept = (fig, FastPNG(fig, dpi=APP_DPI), key)
        self._kept[id(fig)] = kept
        while len(self._kept) > self.kept_figures:
            del self._kept[next(iter(self._kept))]
        return kept

    def _noted(self, description: str) -> str:
        """The description, and a last line naming any label the app layout hid (:func:`hidden_note`)."""
        note = hidden_note(self._presented) if self.layout == "app" and self._presented else ""
        return f"{description}\n{note}" if note else description

    def _present(self, fig: Figure) -> Figure:
        """In the app layout, a figure made for the box it is shown in (:func:`fit_for_app`)."""
        if self.layout != "app":
            return fig
        if not getattr(fig, "_coordkit_fitted", False):  # once per figure: a layout is slow
            fit_for_app(fig)
        elif refit_for_app(fig):  # the view made new text or a new legend: render it whole once
            self._renderer = None
            self._kept.pop(id(fig), None)
        self._presented = fig
        return fig

    def set_image(self, png: bytes, *, alt: str) -> None:
        """Show PNG bytes as ``<img alt>`` in :attr:`image`.

        Parameters
        ----------
        png : bytes
        alt : str
            Short alt text, one sentence.
        """
        self.png, self.alt = png, alt
        self.image.value = render("image.html.j2", png=base64.b64encode(png).decode("ascii"),
                                  alt=alt, max_width=self.image_max_width) + ARIA_NAMES

    def set_result(self, body: str | Markup) -> None:
        """Write the result text into the live region (:attr:`live`).

        Parameters
        ----------
        body : str or Markup
            Plain text is escaped; kit-built HTML passes as :class:`~coordkit.html.Markup`.
            In presenter mode a new result, once revealed, is hidden again for the next prediction.
        """
        value = render("live.html.j2", body=body)
        if self.presenter and self.revealed and self.live.value and value != self.live.value:
            self.toggle_reveal()  # "predict, then reveal" per change: a new result is hidden first
        self.live.value = value

    def set_description(self, text: str, *, summary: str | None = None) -> None:
        """Write a figure's long description, folded, into :attr:`details`.

        Parameters
        ----------
        text : str
            The description (line breaks are kept).
        summary : str, optional
            The fold's label (default "Figure description (text)").
        """
        self.description = text
        self.details.value = render("description.html.j2", description=text, summary=summary)

    # ----- layout and display -----

    def assemble(self, *rows: w.Widget | Sequence[w.Widget], output: bool = True) -> w.VBox:
        """Lay out :attr:`widget`: the rows, then result, figure and description (if ``output``).

        A row given as a sequence becomes a wrapping flex row, so controls flow onto new lines
        on a narrow screen instead of being clipped. In the ``"app"`` layout the rows form a
        column beside the figure (see :meth:`as_app`).

        Parameters
        ----------
        *rows : widget or sequence of widgets
        output : bool, default True
            Append :attr:`result`, :attr:`image` and :attr:`details`.

        Returns
        -------
        ipywidgets.VBox
            :attr:`widget`.
        """
        self._rows = tuple(row if isinstance(row, w.Widget) else _wrap(row) for row in rows)
        self._output = output
        self._lay_out()
        return self.widget

    def as_app(self, *, presenter: bool = False) -> Explorer:
        """Lay the explorer out for projecting: controls in a column beside the figure.

        At 1280x800 both are on screen without scrolling; text is 18 px or more; the long
        description stays below in its fold. With ``presenter=True`` the figure and result
        are hidden until :attr:`reveal` is pressed ("predict, then reveal").

        Parameters
        ----------
        presenter : bool, default False

        Returns
        -------
        Explorer
            The same explorer (for ``display``).

        Examples
        --------
        >>> from coordkit.widgets.profile import ProfileExplorer
        >>> app = ProfileExplorer().as_app(presenter=True)
        >>> app.layout, app.revealed, app.image.layout.display
        ('app', False, 'none')
        >>> app.toggle_reveal()
        >>> app.revealed, app.image.layout.display
        (True, None)
        >>> "coordkit-app" in app.widget._dom_classes
        True
        """
        self.layout, self.presenter, self.revealed = "app", presenter, not presenter
        self._renderer = self._presented = None  # draw afresh, with the presentation text sizes
        self._kept.clear()
        self._lay_out()
        self.update()
        return self

    def toggle_reveal(self) -> None:
        """Show the hidden figure and result, or hide them again for the next prediction."""
        self.revealed = not self.revealed
        self.reveal.description = "Hide the result" if self.revealed else "Reveal the result"
        self.reveal.icon = "eye-slash" if self.revealed else "eye"
        self._show_output()

    def _show_output(self) -> None:
        display = None if self.revealed else "none"
        # the long description tells the result too: hidden with it until Reveal
        for part in (self.live, self.image, self.details):
            part.layout.display = display

    def _lay_out(self) -> None:
        output: list[w.Widget] = [self.live, self.image, self.details] if self._output else []
        if self.layout == "app":
            controls = w.VBox([*self._rows], layout=w.Layout(
                flex="0 1 40%", min_width="300px", max_width="540px", padding="0 1em 0 0",
                max_height="76vh", overflow="auto"))
            controls.add_class("coordkit-app-controls")
            self.live.add_class("coordkit-app-result")
            self.details.add_class("coordkit-app-details")
            # result_first: the result under Reveal, so that it stays on screen when a zoomed page
            # pushes the figure's foot below the fold (125 % zoom in 1280x690)
            parts = [self.live, self.image] if self.result_first else [self.image, self.live]
            shown = ([self.reveal] if self.presenter else []) + (
                [*parts, self.details] if self._output else [])
            figure = w.VBox(shown, layout=w.Layout(flex="1 1 60%", min_width="300px"))
            self.widget.children = (app_style(), w.Box([controls, figure], layout=w.Layout(
                                        display="flex", flex_flow="row wrap", width="100%",
                                        align_items="flex-start")))
            self.widget.layout = w.Layout(width="100%", max_width="1400px")
            self.widget.add_class("coordkit-app")
        else:
            self.widget.children = (*self._rows, *output)
            self.widget.layout = w.Layout(width="100%", max_width=self.max_width)
            self.widget.remove_class("coordkit-app")
        self._show_output()

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)
