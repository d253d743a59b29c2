"""Explorers for chapter 8: Hood's hybrids, and the clumsiness audit of a policy package.

Thin: every result comes from :mod:`coordkit.audit` and every figure and description from
:mod:`coordkit.plots.audit`; the widgets only hold controls and show what those return.

Examples
--------
>>> explorer = AuditExplorer("hsca_2012")
>>> explorer.audit.by_status("unresponsive")
['solidarity']
>>> explorer.instruments["a12_ccgs"].value = False
>>> explorer.audit.status("solidarity")
'excluded'
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from coordkit import audit
from coordkit.html import Markup, render
from coordkit.plots import style
from coordkit.plots.audit import AuditMapView, AuditView, HybridsView
from coordkit.widgets._base import CONTROL_LAYOUT, Explorer
from coordkit.widgets.common import silenced

__all__ = ["AuditExplorer", "HybridExplorer"]

_WIDE = {"description_width": "initial"}


class HybridExplorer(Explorer):
    """Pick one of Hood's ten control types; see it on the map, how it works and how it fails.

    Parameters
    ----------
    control_type : str, default "oversight x competition"

    Attributes
    ----------
    control : Dropdown
        The control type shown.
    result : ipywidgets.HTML
        How it controls, an example, its failure or instability, and the page reference (a live
        region). The figure, its alt text and description are as in :class:`Explorer`.

    Examples
    --------
    >>> explorer = HybridExplorer()
    >>> explorer.control.value = "oversight x contrived randomness"
    >>> "unannounced" in explorer.result.value
    True
    >>> explorer.unnamed()
    []
    """

    image_max_width = "560px"

    def __init__(self, control_type: str = "oversight x competition") -> None:
        super().__init__()
        types = audit.control_types()
        self.control = w.Dropdown(
            options=[(f"{c.name} ({c.kind})", c.name) for c in types.values()], value=control_type,
            description="Control type", style=_WIDE, layout=w.Layout(**CONTROL_LAYOUT),
            tooltip="one of Hood's four polar control types or six hybrids")
        self.watch(self.control)
        self.assemble(self.control)
        self.update()

    def update(self, change: Any = None) -> None:
        """Redraw for the chosen control type (the dropdown calls this)."""
        with self.timed():
            ct = audit.control_types()[self.control.value]
            failure = "Predicted instability" if ct.kind == "hybrid" else "Pushed hard"
            self.set_result(Markup(render("audit_explorer.html.j2", part="control_type", ct=ct,
                                          failure=failure)))
            # one frame for every control type: only the highlight is redrawn (FastPNG)
            self.show_view(HybridsView(ct.name), key="map")


class AuditExplorer(Explorer):
    """Pick a package, toggle its instruments, set the overuse share; see the audit.

    Parameters
    ----------
    package : str, default "targets_and_terror_2000_05"
        A package id from :func:`coordkit.audit.packages`.
    overuse_share : float, default :data:`coordkit.audit.DEFAULT_OVERUSE_SHARE`

    Attributes
    ----------
    package : Dropdown
    instruments : dict of str to Checkbox
        One per instrument of the chosen package, keyed by instrument id (rebuilt when the
        package changes).
    overuse : FloatSlider
        The share above which a polar type is flagged for reverse effects (a judgement).
    audit : Audit
        The audit from the last update.
    drawn : dict
        Figures already drawn, as (PNG, alt text, description) by (package, ticked instruments,
        overuse share): going back to a state shows its stored figure instead of drawing it again
        (at most :attr:`keep` of them).
    result : ipywidgets.HTML
        The audit in words and the candidate amendments (a live region). The figure, its alt
        text and description are as in :class:`Explorer`.

    Examples
    --------
    >>> explorer = AuditExplorer("hsca_2012")
    >>> explorer.audit.by_status("unresponsive")
    ['solidarity']
    >>> explorer.instruments["a12_ccgs"].value = False
    >>> explorer.audit.status("solidarity")
    'excluded'
    >>> explorer.unnamed()
    []
    """

    #: How many drawn figures to keep (each about 40 kB).
    keep = 64
    #: In the app layout the verdict sits above the figure, in view at 125 % zoom.
    result_first = True

    def __init__(self, package: str = "targets_and_terror_2000_05", *,
                 overuse_share: float = audit.DEFAULT_OVERUSE_SHARE) -> None:
        super().__init__()
        self.drawn: dict[tuple[str, str, tuple[str, ...], float], tuple[bytes, str, str]] = {}
        known = audit.packages()
        self.package = w.Dropdown(options=[(p.title, p.id) for p in known.values()], value=package,
                                  description="Package", style=_WIDE, layout=w.Layout(**CONTROL_LAYOUT),
                                  tooltip="a reform package coded by the kit")
        self.overuse = w.FloatSlider(
            value=overuse_share, min=0.3, max=1.0, step=0.05, description="Overuse share",
            readout_format=".2f", continuous_update=False, style=_WIDE,
            layout=w.Layout(**CONTROL_LAYOUT),
            tooltip="flag a polar type used by more than this share of the instruments (a judgement)")
        self.instruments: dict[str, w.Checkbox] = {}
        self.boxes = w.VBox(layout=w.Layout(border=f"1px solid {style.NEUTRAL}", padding="4px", width="100%"))
        self.watch(self.package, callback=self._new_package)
        self.watch(self.overuse)
        self.assemble([self.package, self.overuse],
                      w.HTML("<b>Instruments in the package</b> (untick to drop one)"), self.boxes)
        self._new_package()

    def _new_package(self, change: Any = None) -> None:
        """Rebuild one checkbox per instrument of the chosen package, then update."""
        for box in self.instruments.values():
            box.unobserve(self.changed, names="value")
        chosen = audit.package(self.package.value)
        self.instruments = {
            i.id: w.Checkbox(value=True, description=f"{i.label} [{i.control_type}]", indent=False,
                             tooltip=i.rationale, layout=w.Layout(width="auto"))
            for i in chosen.instruments}
        for box in self.instruments.values():
            box.observe(self.changed, names="value")
        self.boxes.children = tuple(self.instruments.values())
        self.update()

    def set_instruments(self, ids: list[str]) -> None:
        """Tick exactly the instruments in ``ids`` and update once.

        Parameters
        ----------
        ids : list of str
        """
        with silenced(self.instruments.values(), self.changed):
            for key, box in self.instruments.items():
                box.value = key in ids
        self.update()

    def update(self, change: Any = None) -> None:
        """Re-audit and redraw from the current controls (the controls call this)."""
        with self.timed():
            chosen = audit.package(self.package.value)
            ticked = [key for key, box in self.instruments.items() if box.value]
            self.audit = audit.audit(chosen.only(ticked), overuse_share=self.overuse.value)
            verdict, *rest = self.audit.as_text().splitlines()
            # the verdict in view; the detail folded, so the result never scrolls in its box
            self.set_result(Markup(render(
                "audit_explorer.html.j2", part="audit", verdict=verdict, detail=rest,
                voices=self.audit.voices, amendments=[a.as_text() for a in self.audit.amendments])))
            state = (self.layout, chosen.id, tuple(ticked), float(self.overuse.value))  # app: own size
            if state in self.drawn:  # drawn before: show the stored figure
                png, alt, text = self.drawn[state]
                self.set_image(png, alt=alt)
                self.set_description(text)
                return
            # one frame for every package and setting: only the moving artists are redrawn
            # in the app layout the compact map alone (18 px text): the voices are in the result
            view = AuditMapView(self.audit) if self.layout == "app" else AuditView(self.audit)
            self.show_view(view, key=("audit", self.layout))
            if len(self.drawn) >= self.keep:
                del self.drawn[next(iter(self.drawn))]
            self.drawn[state] = (self.png, self.alt, self.description)
