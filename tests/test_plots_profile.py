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


def _region_boxes(fig, tax):
    """Region labels' boxes as drawn (renderer ``get_window_extent``) at the figure's stored size."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig.set_dpi(100)  # plots.show stores figures at 100 dpi
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    return {t.get_text(): t.get_window_extent(renderer) for t in _region_labels(tax)}, renderer


def _arrow_points(tax):
    """Display points along every quiver arrow on the axes (a survey's now-to-preferred arrow)."""
    from matplotlib.quiver import Quiver

    points = []
    for q in (c for c in tax.collections if isinstance(c, Quiver)):
        start = np.column_stack([q.X, q.Y])
        end = start + np.column_stack([q.U, q.V]) / (q.scale or 1.0)
        a, b = q.get_offset_transform().transform(start), q.get_offset_transform().transform(end)
        points += list((a + (b - a) * t).reshape(-1, 2) for t in np.linspace(0, 1, 30)[:, None, None])
    return np.vstack(points).reshape(-1, 2) if points else np.empty((0, 2))


def _clear(boxes, tax, markers, arrow):
    """Problems: labels overlapping each other, a marker, the arrow, or the triangle's edges."""
    outline = tax.patch.get_transform().transform_path(tax.patch.get_path())
    problems = []
    names = sorted(boxes)
    for i, a in enumerate(names):
        box = boxes[a]
        problems += [f"{a} on {b}" for b in names[i + 1:] if box.overlaps(boxes[b])]
        problems += [f"{a} on a marker" for m in markers if _overlaps(box, m)][:1]
        if any(box.contains(*p) for p in arrow):
            problems.append(f"{a} on the arrow")
        corners = [(box.x0, box.y0), (box.x0, box.y1), (box.x1, box.y0), (box.x1, box.y1)]
        if not outline.contains_points(corners).all():
            problems.append(f"{a} crosses the triangle's edge")
    return problems


def test_chapter_2s_region_labels_clear_each_other_the_arrow_and_the_triangles_edges():
    # student review (issue 19, finding 8): "I lagging" was pushed onto the triangle's edge (its "I"
    # under the spine) and "even mix" sat under the now-to-preferred arrow
    from coordkit.plots.survey import survey_figure
    from coordkit.survey import example_answers, score_answers

    ex = example_answers()
    fig = survey_figure(score_answers(ex["now"], ex["preferred"], ex["likert"]), ticks=True)
    tax = fig.axes[0]
    boxes, _ = _region_boxes(fig, tax)
    assert len(boxes) == 7 and len(_arrow_points(tax))
    assert _clear(boxes, tax, _marker_boxes(tax), _arrow_points(tax)) == []


def test_chapter_1s_region_labels_clear_each_other_and_the_star():
    from coordkit.archetypes import ARCHETYPES
    from coordkit.plots.profile import profile_figure

    fig = profile_figure(ARCHETYPES["traditional public sector"], ticks=True)  # chapter 1's figure
    tax = fig.axes[0]
    boxes, _ = _region_boxes(fig, tax)
    assert _clear(boxes, tax, _marker_boxes(tax), _arrow_points(tax)) == []


def test_chapter_6s_small_triangle_keeps_its_labels_apart_and_off_the_units():
    # finding 8: in chapter 6's four-panel figure "mostly S" overlapped "H lagging" and the teams
    from coordkit.models import agents
    from coordkit.plots.agents import agents_figure

    structure = agents.Structure()
    for levers in (agents.fractal_balance(), agents.balanced_nation_of_monocultures(structure)):
        fig = agents_figure(agents.simulate(structure, levers, seed=0))
        tax = fig.axes[2]
        boxes, _ = _region_boxes(fig, tax)
        assert len(boxes) == 7
        assert _clear(boxes, tax, _marker_boxes(tax), _arrow_points(tax)) == []
