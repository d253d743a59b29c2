"""Explorers for chapter 8: Hood's hybrids, and the clumsiness audit of a policy package.

Thin: every result comes from :mod:`coordkit.audit` and every figure and description from
:mod:`coordkit.plots.audit`; the widgets only hold controls and show what those return.

Examples
--------
>>> explorer = AuditExplorer("hsca_2012")
>>> explorer.result.by_status("unresponsive")
['solidarity']
>>> explorer.instruments["a12_ccgs"].value = False
>>> explorer.result.status("solidarity")
'excluded'
"""

from __future__ import annotations

import html
import time
from typing import Any

import ipywidgets as w
import matplotlib.pyplot as plt

from coordkit import audit
from coordkit.plots import audit as audit_plots
from coordkit.plots import to_png
from coordkit.widgets.common import silenced

__all__ = ["AuditExplorer", "HybridExplorer"]

_WIDE = {"description_width": "initial"}


def _render(fig: Any) -> bytes:
    png = to_png(fig, dpi=80, compress_level=1)
    plt.close(fig)
    return png


class HybridExplorer:
    """Pick one of Hood's ten control types; see it on the map, how it works and how it fails.

    Parameters
    ----------
    control_type : str, default "oversight x competition"

    Attributes
    ----------
    control : Dropdown
        The control type shown.
    details : HTML
        How it controls, an example, its failure or instability, and the page reference.
    description : str
        Text description of the figure from the last update.
    image : ipywidgets.Image
    widget : ipywidgets.VBox

    Examples
    --------
    >>> explorer = HybridExplorer()
    >>> explorer.control.value = "oversight x contrived randomness"
    >>> "unannounced" in explorer.details.value
    True
    """

    def __init__(self, control_type: str = "oversight x competition") -> None:
        types = audit.control_types()
        self.control = w.Dropdown(
            options=[(f"{c.name} ({c.kind})", c.name) for c in types.values()], value=control_type,
            description="Control type", style=_WIDE, layout=w.Layout(width="420px"),
            tooltip="one of Hood's four polar control types or six hybrids")
        self.details = w.HTML()
        self.image = w.Image(format="png", layout=w.Layout(width="100%", max_width="560px"))
        self.widget = w.VBox([self.control, self.details, self.image])
        self.control.observe(self.update, names="value")
        self.update()

    def update(self, change: Any = None) -> None:
        """Redraw for the chosen control type (the dropdown calls this)."""
        started = time.perf_counter()
        ct = audit.control_types()[self.control.value]
        self.description = audit_plots.describe_hybrids(ct.name)
        failure = "Predicted instability" if ct.kind == "hybrid" else "Pushed hard"
        lines = [f"<p><b>{html.escape(ct.name)}</b> ({ct.kind}): {html.escape(ct.how_it_controls)}</p>",
                 f"<p><i>Example (the kit's):</i> {html.escape(ct.nhs_example)}.</p>",
                 f"<p><i>{failure} (the kit's reading of Hood):</i> "
                 f"{html.escape(ct.characteristic_failure)}</p>"]
        if ct.way_of_life_failure:
            lines.append("<p><i>Failure of its cell's way of life:</i> "
                         f"{html.escape(ct.way_of_life_failure)}.</p>")
        lines.append(f"<p><small>Where in Hood: {html.escape(ct.page_reference)}</small></p>"
                     f"<p><small><i>Figure description:</i> {html.escape(self.description)}</small></p>")
        self.details.value = "".join(lines)
        self.image.value = _render(audit_plots.hybrids_figure(ct.name))
        self.last_update_seconds = time.perf_counter() - started

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


class AuditExplorer:
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
    result : Audit
        The audit from the last update.
    description : str
        Text description of the figure from the last update.
    summary : HTML
    image : ipywidgets.Image
    widget : ipywidgets.VBox
    """

    def __init__(self, package: str = "targets_and_terror_2000_05", *,
                 overuse_share: float = audit.DEFAULT_OVERUSE_SHARE) -> None:
        known = audit.packages()
        self.package = w.Dropdown(options=[(p.title, p.id) for p in known.values()], value=package,
                                  description="Package", style=_WIDE, layout=w.Layout(width="420px"),
                                  tooltip="a reform package coded by the kit")
        self.overuse = w.FloatSlider(
            value=overuse_share, min=0.3, max=1.0, step=0.05, description="Overuse share",
            readout_format=".2f", continuous_update=False, style=_WIDE, layout=w.Layout(width="420px"),
            tooltip="flag a polar type used by more than this share of the instruments (a judgement)")
        self.instruments: dict[str, w.Checkbox] = {}
        self.boxes = w.VBox(layout=w.Layout(border="1px solid #767676", padding="4px"))
        self.summary = w.HTML()
        self.image = w.Image(format="png", layout=w.Layout(width="100%", max_width="900px"))
        self.widget = w.VBox([w.HBox([self.package, self.overuse]),
                              w.HTML("<b>Instruments in the package</b> (untick to drop one)"),
                              self.boxes, self.summary, self.image])
        self.package.observe(self._new_package, names="value")
        self.overuse.observe(self.update, names="value")
        self._new_package()

    def _new_package(self, change: Any = None) -> None:
        """Rebuild one checkbox per instrument of the chosen package, then update."""
        for box in self.instruments.values():
            box.unobserve(self.update, names="value")
        chosen = audit.package(self.package.value)
        self.instruments = {
            i.id: w.Checkbox(value=True, description=f"{i.label} [{i.control_type}]", indent=False,
                             tooltip=i.rationale, layout=w.Layout(width="auto"))
            for i in chosen.instruments}
        for box in self.instruments.values():
            box.observe(self.update, names="value")
        self.boxes.children = tuple(self.instruments.values())
        self.update()

    def set_instruments(self, ids: list[str]) -> None:
        """Tick exactly the instruments in ``ids`` and update once.

        Parameters
        ----------
        ids : list of str
        """
        with silenced(self.instruments.values(), self.update):
            for key, box in self.instruments.items():
                box.value = key in ids
        self.update()

    def update(self, change: Any = None) -> None:
        """Re-audit and redraw from the current controls (the controls call this)."""
        started = time.perf_counter()
        chosen = audit.package(self.package.value)
        ticked = [key for key, box in self.instruments.items() if box.value]
        self.result = audit.audit(chosen.only(ticked), overuse_share=self.overuse.value)
        self.description = audit_plots.describe_audit(self.result)
        amend = "".join(f"<li>{html.escape(a.as_text())}</li>" for a in self.result.amendments)
        summary = "".join(f"{html.escape(line)}<br>" for line in self.result.as_text().splitlines())
        self.summary.value = (
            f"<p>{summary}</p>"
            + (f"<p><b>Candidate amendments</b> (the kit's prompts for discussion):</p><ul>{amend}</ul>"
               if amend else "<p>No voice is excluded or unresponsive: no amendments to suggest.</p>")
            + "<p><small>Every rule is the kit's reading of Hood (1995) and Verweij et al. (2006): "
              "see <code>coordkit.audit.RULES</code>.</small></p>"
            + f"<p><small><i>Figure description:</i> {html.escape(self.description)}</small></p>")
        self.image.value = _render(audit_plots.audit_figure(self.result))
        self.last_update_seconds = time.perf_counter() - started

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)
