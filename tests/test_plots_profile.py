"""Region labels on the ternary: never under a marker, always inside their region."""

import numpy as np
from matplotlib.figure import Figure

from coordkit.plots.profile import ternary


def _region_labels(ax):
    names = {"even mix", *(f"{m} lagging" for m in "HSI"), *(f"mostly {m}" for m in "HSI")}
    return [t for t in ax.texts if t.get_text() in names]


def _marker_boxes(ax):
    """Display boxes of every scatter marker on ``ax`` (squares around each point)."""
    boxes = []
    for coll in ax.collections:
        offsets = np.asarray(coll.get_offsets(), dtype=float)
        if not len(offsets) or not len(coll.get_sizes()):
            continue
        xy = coll.get_offset_transform().transform(offsets)
        half = np.sqrt(np.broadcast_to(coll.get_sizes(), len(xy))) / 2 * ax.figure.dpi / 72
        boxes += [(x - h, y - h, x + h, y + h) for (x, y), h in zip(xy, half, strict=True)]
    return boxes


def _overlaps(box, other):
    return box.x0 < other[2] and other[0] < box.x1 and box.y0 < other[3] and other[1] < box.y1


def test_region_labels_move_off_markers_drawn_after_the_triangle():
    # chapter 2's nurse: now (star) sat on "I lagging", preferred (circle) on "even mix"
    from coordkit.plots.survey import survey_figure
    from coordkit.survey import example_answers, score_answers

    ex = example_answers()
    fig = survey_figure(score_answers(ex["now"], ex["preferred"], ex["likert"]), ticks=True)
    fig.draw_without_rendering()
    tax = fig.axes[0]
    labels, markers = _region_labels(tax), _marker_boxes(tax)
    assert len(labels) == 7 and len(markers) >= 2
    for label in labels:
        box = label.get_window_extent()
        assert not any(_overlaps(box, m) for m in markers), label.get_text()


def test_region_labels_stay_in_their_region_and_at_the_centre_when_nothing_is_in_the_way():
    fig = Figure()
    tax = ternary([], ax=fig.add_subplot(projection="ternary"))
    fig.draw_without_rendering()
    before = {t.get_text(): t.get_position() for t in _region_labels(tax)}
    tax.scatter([0.72], [0.14], [0.14], s=900, zorder=3)  # a big point on "mostly H"
    fig.draw_without_rendering()
    after = {t.get_text(): t.get_position() for t in _region_labels(tax)}
    moved = {k for k in before if not np.allclose(before[k], after[k])}
    assert moved == {"mostly H"}
    # still in its region, the top corner: above the two lagging labels that border it
    assert after["mostly H"][1] > max(after["I lagging"][1], after["S lagging"][1])
    point = tax.collections[-1].get_offset_transform().transform(tax.collections[-1].get_offsets())[0]
    box = next(t for t in _region_labels(tax) if t.get_text() == "mostly H").get_window_extent()
    assert not box.contains(*point)
