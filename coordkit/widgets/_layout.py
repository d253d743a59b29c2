"""The explorers' layout and accessible controls: layouts, the app style, sliders, ARIA names.

:data:`LAYOUTS` names the two layouts an explorer offers and :data:`APP_STYLE` (:func:`app_style`)
is the app layout's 18 px style; :func:`slider` and :func:`slider_row` make a slider from a
:class:`~coordkit.params.Param`, its label as accessible name and its help and unit as tooltip;
:data:`ARIA_NAMES` names every slider handle on the page after its visible label.
:class:`~coordkit.widgets._base.Explorer` lays its rows out with them; re-exported by
:mod:`coordkit.widgets._base`.

ipywidgets is imported when this module is imported, not by ``import coordkit``.

Examples
--------
>>> LAYOUTS, CONTROL_LAYOUT["max_width"]
(('notebook', 'app'), '440px')
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from coordkit.html import escape

if TYPE_CHECKING:
    from coordkit.params import Param

__all__ = ["APP_STYLE", "ARIA_NAMES", "CONTROL_LAYOUT", "LAYOUTS", "app_style", "slider", "slider_row"]


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


def _wrap(widgets: Sequence[w.Widget]) -> w.Box:
    """A row that wraps: children side by side while they fit, then on the next line."""
    return w.Box(list(widgets), layout=w.Layout(display="flex", flex_flow="row wrap",
                                                width="100%", align_items="flex-start"))


def _walk(widget: w.Widget) -> Iterator[w.Widget]:
    """Every widget inside ``widget`` (depth first), including itself."""
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)
