"""The class results app's bars (:mod:`coordkit.plots.class_bars`): no bar cut, nothing drawn outside the
figure, no two titles on each other, as drawn and as fitted for the app (bounding boxes, not images)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from coordkit.plots.class_bars import bar_scale, class_bars_figure
from coordkit.survey import Responses, analyse, synthetic_class
from coordkit.widgets._base import fit_for_app


def _lopsided():
    """Ten made-up respondents whose panels differ a lot: hierarchy 85 now, fatalism 5; a long group name."""
    now = np.tile([85.0, 5.0, 5.0, 5.0], (10, 6, 1))
    preferred = np.tile([10.0, 30.0, 50.0, 10.0], (10, 6, 1))
    now[5:] = [70.0, 10.0, 10.0, 10.0]
    units = ("Acute medical unit",) * 5 + ("Community and integrated care services team",) * 5
    responses = Responses(ids=tuple(f"R{k:02}" for k in range(10)), now=now, preferred=preferred,
                          groups={"unit": units})
    return analyse(responses, group_column="unit")


def _figures():
    return {"lopsided": _lopsided(), "synthetic teams": analyse(synthetic_class(), group_column="team")}


@pytest.mark.parametrize("name", ["lopsided", "synthetic teams"])
@pytest.mark.parametrize("fitted", [False, True], ids=["drawn", "app"])
def test_every_bar_ends_inside_its_panel(name, fitted):
    a = _figures()[name]
    fig = class_bars_figure(a)
    if fitted:
        fig = fit_for_app(fig)
    fig.draw_without_rendering()
    renderer = fig._get_renderer()
    ends = []
    for ax in fig.axes:
        right = ax.get_xlim()[1]
        assert right == pytest.approx(bar_scale(a)), "one scale for every panel"
        bars = [p for p in ax.patches if p.get_width() > 0]
        assert len(bars) == 2 * (len(a.groups) + 1)
        ends += [p.get_x() + p.get_width() for p in bars]
        assert max(p.get_x() + p.get_width() for p in bars) <= right, ax.get_title()
        box = ax.get_window_extent(renderer)
        for label in ax.texts:  # each bar's number stays in its own panel, clear of the next
            extent = label.get_window_extent(renderer)
            assert box.x0 - 1 <= extent.x0 and extent.x1 <= box.x1 + 1, (ax.get_title(), label.get_text())
    assert max(ends) > 3 * min(ends), "the panels do not differ enough for the test to mean anything"


def _visible_texts(fig: Figure) -> list[Text]:
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


@pytest.mark.parametrize("name", ["lopsided", "synthetic teams"])
@pytest.mark.parametrize("fitted", [False, True], ids=["drawn", "app"])
def test_no_text_is_cut_and_no_titles_overlap(name, fitted):
    fig = class_bars_figure(_figures()[name])
    if fitted:
        fig = fit_for_app(fig)
    fig.draw_without_rendering()
    renderer = fig._get_renderer()
    page = fig.bbox
    texts = _visible_texts(fig)
    assert len(texts) > 20, "too few texts found: the check would pass by finding nothing"
    cut = [t.get_text() for t in texts if (e := t.get_window_extent(renderer)).x0 < page.x0 - 1
           or e.y0 < page.y0 - 1 or e.x1 > page.x1 + 1 or e.y1 > page.y1 + 1]
    assert cut == []
    titles = [ax.title for ax in fig.axes] + [fig._suptitle]
    for a, b in itertools.combinations(titles, 2):
        assert not a.get_window_extent(renderer).overlaps(b.get_window_extent(renderer)), (a.get_text(),
                                                                                            b.get_text())
    rows = [t for t in fig.axes[0].get_yticklabels() if t.get_text()]
    for a, b in itertools.pairwise(rows):
        assert not a.get_window_extent(renderer).overlaps(b.get_window_extent(renderer)), a.get_text()


def test_the_check_finds_a_cut_label():
    fig = Figure(figsize=(3, 2))
    ax = fig.add_subplot()
    ax.set_yticks([0, 1], ["a row label far too long to fit in a small figure", "b"])
    fig.draw_without_rendering()
    renderer = fig._get_renderer()
    assert any(t.get_window_extent(renderer).x0 < fig.bbox.x0 for t in _visible_texts(fig))
