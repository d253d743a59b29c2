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
import itertools
import textwrap
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any, ClassVar

import ipywidgets as w

from coordkit.html import Markup, escape, render
from coordkit.widgets.common import silenced

if TYPE_CHECKING:  # matplotlib and the views load with coordkit.plots, when first used
    from matplotlib.figure import Figure

    from coordkit.params import Param
    from coordkit.plots.output import FastPNG
    from coordkit.plots.view import FigureView

__all__ = ["APP_DPI", "APP_FIGURE_BOX", "APP_STYLE", "ARIA_NAMES", "CONTROL_LAYOUT", "LAYOUTS",
           "Explorer", "app_style", "fit_for_app", "hidden_labels", "hidden_note", "refit_for_app",
           "slider", "slider_row"]

#: The layouts an explorer offers: ``"notebook"`` (controls, then result, figure, description)
#: and ``"app"`` (controls beside the figure, for projecting).
LAYOUTS: tuple[str, ...] = ("notebook", "app")

#: Layout for one control: fluid up to a comfortable width, never wider than the screen.
CONTROL_LAYOUT: dict[str, str] = {"width": "100%", "max_width": "440px", "min_width": "0"}
#: Width of a control's name, so a column of sliders lines up and still fits at 320 px.
_DESCRIPTION_STYLE = {"description_width": "9em"}


#: Names every slider handle and readout on the page after its visible label (ipywidgets gives
#: the ``role="slider"`` handle no accessible name): a hidden, decorative image, sent after each
#: figure, whose ``onerror`` runs once per page and then watches for new sliders. The label is
#: the slider's ``description``; its ``tooltip`` (help and unit) becomes ``aria-description``.
ARIA_NAMES: str = (
    '<img alt="" hidden src="data:," onerror="if(!window.coordkitAria){window.coordkitAria=1;'
    "var busy=0,name=function(){busy=0;document.querySelectorAll('.widget-slider').forEach("
    "function(s){var l=s.querySelector('.widget-label'),t=l?l.textContent.trim():'',"
    "tip=s.getAttribute('title')||'';if(!t){t=tip;}if(!t){return;}"
    "s.querySelectorAll('[role=slider]').forEach(function(h){if(h.getAttribute('aria-label')!==t)"
    "{h.setAttribute('aria-label',t);if(tip&&tip!==t){h.setAttribute('aria-description',tip);}}});"
    "var r=s.querySelector('.widget-readout');if(r&&!r.getAttribute('aria-label')){"
    "r.setAttribute('aria-label',t+', value');}});};"
    "name();new MutationObserver(function(){if(!busy){busy=1;requestAnimationFrame(name);}})"
    '.observe(document.body,{childList:true,subtree:true});}">'
)

#: The box (CSS px) the app layout shows its figure in at 1280x800 (see :data:`APP_STYLE`), and
#: the resolution its PNG is rendered at: :func:`coordkit.plots.style.presentation` sizes the
#: figure's text for it.
APP_FIGURE_BOX: tuple[int, int] = (740, 400)
APP_DPI = 80

#: The app layout's style: 18 px text or more everywhere in the app and in the page's prose
#: (Voila), the figure at its natural size unless its column is narrower (a zoomed page), the
#: controls in their column.
APP_STYLE: str = """<style class="coordkit-app-style">
.coordkit-app, .coordkit-app .widget-html-content, .coordkit-app .widget-label,
.coordkit-app .widget-readout, .coordkit-app select, .coordkit-app button,
.coordkit-app input, .coordkit-app label, .coordkit-app small, .coordkit-app summary,
.coordkit-app .coordkit-description div, .coordkit-app td, .coordkit-app th,
.jp-RenderedMarkdown, .jp-RenderedMarkdown p, .jp-RenderedMarkdown li {
  font-size: 18px !important; line-height: 1.4;
}
.coordkit-app { --jp-widgets-font-size: 18px; --jp-widgets-inline-height: 34px;
  --jp-widgets-inline-label-width: 9em; }
.coordkit-app .widget-html-content p { margin: 0.2em 0; }
.coordkit-app .widget-dropdown select, .coordkit-app .widget-button { height: 34px; }
.coordkit-app img.coordkit-image { width: auto !important; max-width: 100% !important;
  height: auto !important; max-height: none !important; }
.coordkit-app .coordkit-app-result [role=status] { max-height: 150px; overflow-y: auto; }
.coordkit-app .widget-checkbox, .coordkit-app .widget-checkbox label { height: auto !important;
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
.coordkit-app .widget-label, .coordkit-app .widget-label-basic { text-overflow: clip !important; }
.coordkit-app-controls > * { flex-shrink: 0 !important; }
.coordkit-app-controls .widget-slider { margin: 1px 0; }
.coordkit-app-controls .coordkit-slider-row { margin-bottom: 0.4em; }
.coordkit-app-controls .coordkit-slider-row .widget-slider { flex-wrap: wrap; height: auto; }
.coordkit-app-controls .coordkit-slider-row .widget-label { width: 100% !important;
  max-width: none !important; text-align: left; overflow: visible; white-space: normal; }
.coordkit-app-controls .coordkit-slider-row .slider-container { flex: 1 1 12em;
  min-width: 10em; height: 28px; }
.coordkit-app-controls .coordkit-slider-row > .widget-slider { width: 100% !important; }
.coordkit-app-controls .coordkit-unit { width: 100%; margin: 0 !important; }
.coordkit-app-controls .widget-html-content b { font-size: 18px; }
</style>"""


def app_style() -> w.HTML:
    """The app layout's style alone, for a page of the gallery without an explorer (the index).

    Returns
    -------
    ipywidgets.HTML
        Holds :data:`APP_STYLE` (18 px text in the page's prose); shows nothing itself.

    Examples
    --------
    >>> "font-size: 18px" in app_style().value
    True
    """
    return w.HTML(APP_STYLE, layout=w.Layout(height="0", margin="0"))


def slider(
    spec: Param,
    *,
    value: float | None = None,
    continuous_update: bool = False,
    description: str | None = None,
    label_width: str = _DESCRIPTION_STYLE["description_width"],
) -> w.FloatSlider | w.IntSlider:
    """A slider for a parameter: its label as accessible name, its help and unit as tooltip.

    Parameters
    ----------
    spec : Param
        Range, step, default, label, unit and help of the parameter.
    value : float, optional
        Where the slider starts (default: the parameter's default).
    continuous_update : bool, default False
        Update while dragging (smoother locally, heavier on a hub).
    description : str, optional
        A different visible name (default: ``spec.label``).
    label_width : str, default "9em"
        Width kept for the visible name (CSS), so a column of sliders lines up.

    Returns
    -------
    ipywidgets.FloatSlider or ipywidgets.IntSlider
        An ``IntSlider`` for whole-number parameters.

    Examples
    --------
    >>> from coordkit.params import Param
    >>> s = slider(Param("demand", "Demand", "1 = matched to capacity", 0.1, 3, 0.1, 1,
    ...                  "demand on the system"))
    >>> s.description, s.tooltip, s.min, s.max, s.value
    ('Demand', 'demand on the system (1 = matched to capacity)', 0.1, 3.0, 1.0)
    """
    tip = f"{spec.help} ({spec.unit})" if spec.help and spec.unit else spec.help or spec.unit
    common: dict[str, Any] = {
        "min": spec.low, "max": spec.high, "step": spec.step,
        "value": spec.default if value is None else value,
        "description": description or spec.label, "description_allow_html": False,
        "tooltip": tip or (description or spec.label), "continuous_update": continuous_update,
        "style": {"description_width": label_width}, "layout": w.Layout(**CONTROL_LAYOUT),
    }
    if spec.integer:
        return w.IntSlider(**common)
    decimals = max(0, -int(f"{spec.step:e}".split("e")[1]))
    return w.FloatSlider(readout_format=f".{decimals}f", **common)


def slider_row(spec: Param, **options: Any) -> tuple[w.FloatSlider | w.IntSlider, w.Box]:
    """A :func:`slider` and, beside it, its unit in small visible text (wraps below on a phone).

    Parameters
    ----------
    spec : Param
    **options
        Passed to :func:`slider`.

    Returns
    -------
    (slider, box)
        The slider (to observe and read) and the box holding it and its unit (to lay out).

    Examples
    --------
    >>> from coordkit.params import Param
    >>> s, box = slider_row(Param("growth", "Funding growth", "% a year", -2, 8, 0.1, 3, ""))
    >>> box.children[1].value
    '<small>% a year</small>'
    """
    control = slider(spec, **options)
    control.layout.width, control.layout.flex = "auto", "1 1 18em"
    unit = w.HTML(f"<small>{escape(spec.unit)}</small>",
                  layout=w.Layout(margin="0 0 0 0.5em", flex="0 1 auto", height="auto"))
    unit.add_class("coordkit-unit")
    box = w.Box([control, unit], layout=w.Layout(display="flex", flex_flow="row wrap",
                                                 align_items="center", width="100%"))
    box.add_class("coordkit-slider-row")
    return control, box


def _gather_legends(fig: Figure, renderer: Any, width: float, floor_pt: float, *,
                    title: str | None = None) -> bool:
    """Axes legends outside their axes and figure legends become one figure legend below the panels.

    In as many columns as fit ``width``; ``title`` (a caption) heads it. An axes legend inside its
    axes goes where it covers least. True if there is a figure legend afterwards.
    """
    from matplotlib.legend import Legend

    # where each entry of the figure legend came from, so a view that rebuilds one axes' legend
    # replaces that axes' entries only (kept on the figure between updates)
    sources: dict[Any, tuple[list[tuple[Any, str]], str]] = getattr(fig, "_coordkit_legends", {})
    inside_ids: set[int] = getattr(fig, "_coordkit_inside", set())
    for ax in fig.axes:
        legend = ax.get_legend()
        if not isinstance(legend, Legend):
            continue
        setattr(legend, "_coordkit_seen", True)  # noqa: B010 (refit_for_app skips it next time)
        box = ax.get_window_extent(renderer).padded(4)
        extent = legend.get_window_extent(renderer)
        small = extent.width * extent.height <= 0.12 * box.width * box.height
        inside = small and box.x0 <= extent.x0 and extent.x1 <= box.x1 and box.y0 <= extent.y0 \
            and extent.y1 <= box.y1
        if id(ax) not in inside_ids and id(ax) not in sources and inside:
            legend.set_bbox_to_anchor(None)
            legend.set_loc("best")  # where it covers least data; but never on a label
            inside = not _covers_text(ax, legend, renderer)
        if id(ax) in inside_ids or (id(ax) not in sources and inside):
            inside_ids.add(id(ax))
            legend.set_bbox_to_anchor(None)
            legend.set_loc("best")
        else:
            sources[id(ax)] = (list(zip(legend.legend_handles, [t.get_text() for t in legend.get_texts()],
                                        strict=True)), legend.get_title().get_text())
            legend.remove()
    for k, old in enumerate(list(fig.legends)):
        if not getattr(old, "_coordkit_made", False):
            sources[f"figure {k}"] = (list(zip(old.legend_handles, [t.get_text() for t in old.get_texts()],
                                               strict=True)), old.get_title().get_text())
        old.remove()
    setattr(fig, "_coordkit_legends", sources)  # noqa: B010
    setattr(fig, "_coordkit_inside", inside_ids)  # noqa: B010
    entries = [entry for found, _ in sources.values() for entry in found]
    if title is None:
        title = getattr(fig, "_coordkit_legend_title", None) or next(
            (t for _, t in sources.values() if t), None)
    setattr(fig, "_coordkit_legend_title", title)  # noqa: B010
    if not entries:
        return False
    handles, labels = [h for h, _ in entries], [t for _, t in entries]
    for ncols in range(len(labels), 0, -1):
        legend = fig.legend(handles, labels, loc="outside lower center", ncols=ncols, fontsize=floor_pt,
                            frameon=False, handlelength=1.5, columnspacing=0.8, handletextpad=0.4,
                            borderaxespad=0.2, title=title, title_fontsize=floor_pt)
        if ncols == 1 or legend.get_window_extent(renderer).width <= width - 8:
            break
        legend.remove()
    setattr(legend, "_coordkit_made", True)  # noqa: B010
    return True


def _covers_text(ax: Any, legend: Any, renderer: Any) -> bool:
    """Whether ``legend``, where it is drawn, touches a visible text of ``ax`` (3 px apart or less)."""
    extent = legend.get_window_extent(renderer).padded(3)
    return any(text.get_visible() and text.get_text().strip()
               and extent.overlaps(text.get_window_extent(renderer)) for text in ax.texts)


def _declutter(fig: Figure, renderer: Any) -> bool:
    """Labels among the data that collide at 18 px: a list's status moves right past its name; others hide.

    A bold text on the same line as a longer one to its left (name, then status) moves right past it;
    other colliding labels (region names, era names) are hidden, the later one, unless bold
    (a status), and so is a label under a legend kept inside its axes. Every label hidden is
    listed by :func:`hidden_labels`, so the explorer can say so (nothing is dropped silently).
    True if anything changed.
    """
    changed = False
    for ax in fig.axes:
        shown: list[Any] = []
        legend = ax.get_legend()
        legend_box = (legend.get_window_extent(renderer).padded(3)
                      if legend is not None and legend.get_visible() else None)
        for text in ax.texts:
            if not (text.get_visible() and text.get_text().strip()):
                continue
            extent = text.get_window_extent(renderer)
            hit = [other for other in shown if extent.padded(3).overlaps(other)]
            bold = text.get_fontweight() in ("bold", 700)
            same_line = [o for o in hit if abs(o.y1 - extent.y1) < 2 and o.x0 < extent.x0]
            if same_line and bold:  # a status after its name, in a list: moved along its line
                shift = max(o.x1 for o in same_line) + 10 - extent.x0
                where = text.get_position()
                x, y = text.get_transform().transform(where)
                new_x, new_y = text.get_transform().inverted().transform((x + shift, y))
                text.set_position((float(new_x), float(new_y)))
                moved = text.get_window_extent(renderer)
                if any(moved.padded(3).overlaps(other) for other in shown):
                    text.set_position(where)  # it would land on another label: leave it be
                else:
                    extent, hit, changed = moved, [], True
            if (hit and not bold) or (legend_box is not None and legend_box.overlaps(extent)):
                text.set_visible(False)
                setattr(text, "_coordkit_hidden", True)  # noqa: B010 (hidden_labels names it)
                changed = True
                continue
            shown.append(extent)
    return changed


def hidden_labels(fig: Figure) -> list[str]:
    """The labels :func:`fit_for_app` hid for lack of room and that are still hidden, in order.

    Parameters
    ----------
    fig : matplotlib Figure

    Returns
    -------
    list of str
        Each label's text on one line (a view that shows a label again drops it from the list).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(3, 2))
    >>> ax = fig.add_subplot()
    >>> _ = ax.text(0.5, 0.5, "Wessex"), ax.text(0.5, 0.5, "Mercia")
    >>> hidden_labels(fit_for_app(fig))
    ['Mercia']
    """
    found: list[str] = []
    for ax in fig.axes:
        for text in ax.texts:
            label = " ".join(text.get_text().split())
            if getattr(text, "_coordkit_hidden", False) and not text.get_visible() and label \
                    and label not in found:
                found.append(label)
    return found


def hidden_note(fig: Figure) -> str:
    """A sentence naming the labels :func:`fit_for_app` hid, or ``""`` if none are hidden.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> hidden_note(Figure())
    ''
    """
    labels = hidden_labels(fig)
    if not labels:
        return ""
    return ("Labels not shown in the figure for lack of room: "
            + "; ".join(f"\u201c{label}\u201d" for label in labels) + ".")


def refit_for_app(fig: Figure, box: tuple[int, int] = APP_FIGURE_BOX, dpi: float = APP_DPI) -> bool:
    """After a view moved a fitted figure in place: its new text and legends fitted the same way.

    The layout stays frozen (see :func:`fit_for_app`). True if anything changed, so the caller
    renders the figure whole once (a fast renderer's stored background would be out of date).

    Examples
    --------
    >>> from coordkit.plots import profile_figure
    >>> from coordkit.profile import Profile
    >>> fig = fit_for_app(profile_figure(Profile(0.9, 0.8, 0.2, 0.3)))
    >>> refit_for_app(fig)
    False
    >>> _ = fig.suptitle("a new, small title", fontsize=8)
    >>> refit_for_app(fig), fig.get_suptitle()
    (True, 'a new, small title')
    """
    from matplotlib.text import Text

    width, _ = box
    px = dpi / 72.0
    floor_pt = 18.0 / px
    changed = False
    # the texts a view can make or resize (a flat list: a recursive findobj costs more than the
    # redraw); tick labels take their size from the axis, set once by fit_for_app
    texts: list[Text] = [*fig.texts, *(t for legend in fig.legends for t in legend.get_texts())]
    for ax in fig.axes:
        texts += [*ax.texts, ax.title, getattr(ax, "_left_title", ax.title),
                  getattr(ax, "_right_title", ax.title), ax.xaxis.label, ax.yaxis.label]
    for text in texts:
        if text.get_text().strip() and float(text.get_fontsize()) < floor_pt - 1e-9:
            text.set_fontsize(floor_pt)
            # a moving (animated) text is redrawn on every frame anyway: only a fixed one's
            # change means the stored background is out of date
            changed = changed or not text.get_animated()
    renderer = getattr(fig, "_get_renderer")()  # noqa: B009
    new_legends = [ax for ax in fig.axes if ax.get_legend() is not None
                   and not getattr(ax.get_legend(), "_coordkit_seen", False)]
    if new_legends or any(not getattr(old, "_coordkit_made", False) for old in fig.legends):
        _gather_legends(fig, renderer, width, floor_pt)
        changed = True
    for ax in fig.axes:
        room = ax.get_position().width * width + 30
        if ax.get_title() and ax.title.get_window_extent(renderer).width > room:
            chars = max(6, int(room / (0.56 * floor_pt * px)))
            ax.title.set_text(textwrap.fill(ax.get_title().replace("\n", " "), chars,
                                            break_long_words=False))
            # a view that retitles an axes on each move (a moving title) wraps it on each move:
            # only a fixed title's change means the stored background is out of date
            changed = changed or not ax.title.get_animated()
    return _declutter(fig, renderer) or changed


def fit_for_app(fig: Figure, box: tuple[int, int] = APP_FIGURE_BOX, dpi: float = APP_DPI) -> Figure:
    """Remake ``fig`` for the app's figure box: shown at its natural size, 18 px text, nothing clipped.

    The figure is resized to the box (so the ``<img>`` is never scaled down below the size its
    text assumes), text under 18 px as shown is enlarged (:func:`coordkit.plots.style.presentation`),
    long titles and axis labels wrap to their axes, crowded x tick labels turn, legends are kept
    inside the figure, and constrained layout makes room once (then the layout is frozen, so a
    fast redraw moves nothing). Data, colours and wording are untouched.

    Examples
    --------
    >>> from coordkit.plots import profile_figure
    >>> from coordkit.plots.style import smallest_text_px
    >>> from coordkit.profile import Profile
    >>> fig = fit_for_app(profile_figure(Profile(0.9, 0.8, 0.2, 0.3)))
    >>> [round(v * APP_DPI) for v in fig.get_size_inches()] == list(APP_FIGURE_BOX)
    True
    >>> smallest_text_px(fig, width_px=APP_FIGURE_BOX[0], height_px=APP_FIGURE_BOX[1]) >= 18
    True
    """
    from coordkit.plots.style import presentation

    width, height = box
    fig.set_size_inches(width / dpi, height / dpi)
    fig.set_dpi(dpi)
    presentation(fig, width_px=width, height_px=height, dpi=dpi)
    px = dpi / 72.0

    def wrap(text: Any, room_px: float) -> None:
        label = text.get_text()
        chars = max(6, int(room_px / (0.56 * float(text.get_fontsize()) * px)))
        if label and "$" not in label and len(label.replace("\n", " ")) > chars:
            text.set_text(textwrap.fill(label.replace("\n", " "), chars, break_long_words=False,
                                        break_on_hyphens=False))

    floor_pt = 18.0 / px
    fig.draw_without_rendering()
    renderer = getattr(fig, "_get_renderer")()  # noqa: B009 (matplotlib's way to measure text)
    title = getattr(fig, "_suptitle", None)
    captions = [t for t in fig.texts if t is not title and t.get_text().strip()]
    caption_text = None
    if len(captions) == 1 and getattr(fig, "_supxlabel", None) is None:
        caption = captions[0]
        caption_text = textwrap.fill(caption.get_text().replace("\n", " "),
                                     max(20, int(width / (0.52 * floor_pt * px))))
        caption.remove()
        if not _gather_legends(fig, renderer, width, floor_pt, title=caption_text):
            fig.supxlabel(caption_text, fontsize=floor_pt, color=caption.get_color())
    else:
        _gather_legends(fig, renderer, width, floor_pt)
    for ax in fig.axes:  # tick labels are made afresh on each draw: their size lives on the axis
        for axis in (ax.xaxis, ax.yaxis):
            sizes = [float(t.get_fontsize()) for t in axis.get_ticklabels()]
            if sizes and min(sizes) < floor_pt:
                axis.set_tick_params(which="both", labelsize=floor_pt)
    fig.set_layout_engine("constrained", h_pad=2 / 72, w_pad=2 / 72)
    for _ in range(2):  # lay out, wrap what the laid-out axes cannot hold, lay out again
        fig.draw_without_rendering()
        for ax in fig.axes:
            ax_w = ax.get_position().width * width
            ax_h = ax.get_position().height * height
            for label in (ax.title, getattr(ax, "_left_title", ax.title),
                          getattr(ax, "_right_title", ax.title)):
                wrap(label, ax_w + 30)
            wrap(ax.xaxis.label, ax_w)
            wrap(ax.yaxis.label, ax_h + 20)
            if ax_h < 100 and ax.get_title():  # a short panel: its title says what y is
                ax.set_ylabel("")
            below = [b for b in fig.axes if b is not ax and abs(b.get_position().x0 - ax.get_position().x0)
                     < 0.02 and b.get_position().y1 <= ax.get_position().y0 + 0.01]
            if ax.get_xlabel() and any(b.get_xlabel() == ax.get_xlabel() for b in below):
                ax.set_xlabel("")  # the panel below says it
    # a legend kept inside its axes goes where it touches no label, if there is such a place
    # (if not, _declutter hides the label and the description says so)
    for ax in fig.axes:
        legend = ax.get_legend()
        if legend is not None and _covers_text(ax, legend, renderer):
            for loc in ("upper left", "upper center", "upper right", "center left", "center right",
                        "lower left", "lower center", "lower right", "center", "best"):
                legend.set_loc(loc)
                if not _covers_text(ax, legend, renderer):
                    break
    for ax in fig.axes:
        ticks = [t for t in ax.get_xticklabels() if t.get_visible() and t.get_text().strip()]
        boxes = [t.get_window_extent(renderer) for t in ticks]
        if any(b.x1 + 4 > c.x0 for b, c in itertools.pairwise(boxes)):
            ax.xaxis.set_tick_params(labelrotation=30)
            for t in ax.get_xticklabels():
                t.set_horizontalalignment("right")
                t.set_rotation_mode("anchor")
    fig.draw_without_rendering()
    # labels among the data that now collide (region names, era names): the later one is hidden;
    # the long description still names them all
    _declutter(fig, renderer)  # hides labels, makes none
    presentation(fig, width_px=width, height_px=height, dpi=dpi, drawn=True)  # any text made since
    fig.set_layout_engine("none")  # frozen: the fast renderer's background stays valid
    setattr(fig, "_coordkit_fitted", True)  # noqa: B010 (an explorer fits a figure once)
    return fig


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


def _wrap(widgets: Sequence[w.Widget]) -> w.Box:
    """A row that wraps: children side by side while they fit, then on the next line."""
    return w.Box(list(widgets), layout=w.Layout(display="flex", flex_flow="row wrap",
                                                width="100%", align_items="flex-start"))


def _walk(widget: w.Widget) -> Iterator[w.Widget]:
    """Every widget inside ``widget`` (depth first), including itself."""
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)
