"""The app layout's figure fitting (:func:`coordkit.widgets._base.fit_for_app`) on the apps' figures.

No label is drawn on a legend (bounding boxes as drawn at the app's size); a label hidden for lack
of room is named in the long description; a lever move in the scenarios app redraws only the
moving artists (the fitted layout and the fast renderer's background are kept).
"""

from __future__ import annotations

import ipywidgets as w
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from coordkit.widgets._base import Explorer, fit_for_app, hidden_labels, refit_for_app
from coordkit.widgets.scenarios import ScenarioExplorer


def _labels_on_legends(fig: Figure) -> list[tuple[str, str]]:
    """(label, legend entries) for every visible text that overlaps a legend it is not part of."""
    renderer = fig._get_renderer()
    legends = [ax.get_legend() for ax in fig.axes if ax.get_legend() is not None] + list(fig.legends)
    assert legends, "the figure has no legend to check against"
    own = {id(t) for legend in legends for t in [*legend.get_texts(), legend.get_title()]}
    texts = [t for t in fig.findobj(Text) if id(t) not in own and t.get_visible() and t.get_text().strip()]
    assert len(texts) > 10, "too few labels found: the check would pass by finding nothing"
    found = []
    for legend in legends:
        box = legend.get_window_extent(renderer)
        for text in texts:
            if box.overlaps(text.get_window_extent(renderer)):
                found.append((text.get_text(), ", ".join(t.get_text() for t in legend.get_texts())))
    return found


@pytest.mark.parametrize("preset", ["rumoured_2022", "hsca_2012", "founding_1948"])
def test_scenarios_app_draws_no_label_on_a_legend(preset):
    explorer = ScenarioExplorer(preset, layout="app", presenter=True)
    assert not _labels_on_legends(explorer._fig)
    explorer.sliders["devolution"].value = 10 - explorer.sliders["devolution"].value
    assert not _labels_on_legends(explorer._fig)


def test_the_check_finds_a_label_on_a_legend():
    fig = Figure(figsize=(4, 3))
    ax = fig.add_subplot()
    ax.plot([0, 1], [0, 1], label="a line")
    ax.legend(loc="upper left")
    for k in range(11):
        ax.text(0.02, 0.97 - 0.01 * k, "on the legend", transform=ax.transAxes, va="top")
    fig.draw_without_rendering()
    assert _labels_on_legends(fig)


class _Two(Explorer):
    """Two labels on the same spot: the app layout has to hide one."""

    def __init__(self) -> None:
        super().__init__(layout="app")
        self.box = w.Checkbox(description="show")
        self.watch(self.box)
        self.assemble(self.box)
        fig = Figure(figsize=(4, 3))
        ax = fig.add_subplot()
        ax.text(0.5, 0.5, "Wessex")
        ax.text(0.5, 0.5, "Mercia")
        self.fig = fig
        self.update()

    def update(self, change=None) -> None:
        self.show_figure(self.fig, "Two kingdoms, Wessex and Mercia.")


def test_a_hidden_label_is_named_in_the_description():
    explorer = _Two()
    assert hidden_labels(explorer.fig) == ["Mercia"]
    note = "Labels not shown in the figure for lack of room: \u201cMercia\u201d."
    assert explorer.description.endswith(note)
    assert "Mercia" in explorer.details.value.split("Two kingdoms")[1]


def test_a_label_shown_again_is_no_longer_listed():
    fig = Figure(figsize=(3, 2))
    ax = fig.add_subplot()
    ax.text(0.5, 0.5, "Wessex")
    mercia = ax.text(0.5, 0.5, "Mercia")
    fit_for_app(fig)
    assert hidden_labels(fig) == ["Mercia"]
    mercia.set_position((0.1, 0.1))
    mercia.set_visible(True)
    assert hidden_labels(fig) == []


def test_a_lever_move_in_the_scenarios_app_keeps_the_fast_renderer():
    explorer = ScenarioExplorer("rumoured_2022", layout="app", presenter=True)
    renderer = explorer._renderer
    before = explorer.png
    explorer.sliders["funding_growth"].value = 4.0
    assert explorer.png != before, "the figure did not change"
    assert explorer._renderer is renderer, "the whole figure was drawn again (slow: about 0.2 s)"
    assert refit_for_app(explorer._fig) is False


@pytest.mark.parametrize("package", ["targets_and_terror_2000_05", "hsca_2012", "internal_market_1991"])
def test_the_audit_app_map_is_legible_at_18_px(package):
    from coordkit import audit
    from coordkit.plots.style import smallest_text_px
    from coordkit.widgets._base import APP_FIGURE_BOX
    from coordkit.widgets.audit import AuditExplorer

    explorer = AuditExplorer(package).as_app(presenter=True)
    fig = explorer._presented
    assert len(fig.axes) == 1, "the app shows the map alone (the voices are in the result text)"
    assert smallest_text_px(fig, width_px=APP_FIGURE_BOX[0], height_px=APP_FIGURE_BOX[1]) >= 18
    renderer = fig._get_renderer()
    texts = [t for t in fig.axes[0].texts if t.get_visible() and t.get_text().strip()]
    assert len(texts) >= 12, [t.get_text() for t in texts]
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]
    touching = [(a, b) for i, (a, box) in enumerate(boxes) for b, other in boxes[i + 1:]
                if box.padded(2).overlaps(other)]
    assert not touching, touching
    assert hidden_labels(fig) == [], "nothing needs hiding on the compact map"
    result = audit.audit(audit.package(package))
    drawn = " ".join(t.get_text() for t in texts)
    for h in result.hybrids:  # the hybrids in use are named under the map, with their counts
        assert f"{h.hybrid.replace(' x ', ' × ')} ({len(h.instruments)})" in drawn
    for v in result.voices:  # each voice's status is written, not only drawn
        if v.voice != "fatalism":
            assert v.status.upper() in drawn
