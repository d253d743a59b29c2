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


def _drawn(fig):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig.set_dpi(100)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return canvas.get_renderer()


def _core_triangles():
    """The three core figures' triangles (chapters 1, 2 and 6), drawn: (name, figure, ternary axes)."""
    from coordkit.archetypes import ARCHETYPES
    from coordkit.models import agents
    from coordkit.plots.agents import agents_figure
    from coordkit.plots.profile import profile_figure
    from coordkit.plots.survey import survey_figure
    from coordkit.survey import example_answers, score_answers

    ex = example_answers()
    structure = agents.Structure()
    run = agents.simulate(structure, agents.balanced_nation_of_monocultures(structure), seed=0)
    for name, fig, k in (("ch01", profile_figure(ARCHETYPES["traditional public sector"], ticks=True), 0),
                         ("ch02", survey_figure(score_answers(ex["now"], ex["preferred"], ex["likert"]),
                                                ticks=True), 0),
                         ("ch06", agents_figure(run), 2)):
        yield name, fig, fig.axes[k], _drawn(fig)


def test_core_triangles_scales_name_their_mode_and_leave_the_corners_to_the_mode_names():
    """Student review (issue 19, finding 12): "0.0" and "1.0" met at each corner and nothing said which
    tick row belonged to which corner. Now the ticks stop short of the corners (20% to 80%), each scale is
    named along its edge ("Hierarchy share", its arrow towards the mode's corner) just outside its own
    tick labels, and no two texts of the triangle overlap."""
    from coordkit.modes import ACTIVE_MODES
    from coordkit.plots.style import MIN_FONT_PT

    for name, _, tax, renderer in _core_triangles():
        axes = (tax.taxis, tax.laxis, tax.raxis)
        assert [a.get_label().get_text() for a in axes] == ["Hierarchy", "Solidarity", "Individualism"]
        corner_xy = {a: tax.transTernaryAxes.transform([np.eye(3)[k]])[0] for k, a in enumerate(axes)}
        ticks = {a: [t for t in a.get_ticklabels() if t.get_visible() and t.get_text()] for a in axes}
        scales = {m.value: t for m in ACTIVE_MODES for t in tax.texts if f"{m.label} share" in t.get_text()}
        assert len(scales) == 3 and len(set(scales.values())) == 3, name
        for axis, mode in zip(axes, ACTIVE_MODES, strict=True):
            assert [t.get_text() for t in ticks[axis]] == ["20%", "40%", "60%", "80%"], (name, mode)
            assert all(t.get_fontsize() >= MIN_FONT_PT for t in ticks[axis])
            scale = scales[mode.value]
            assert scale.get_fontsize() >= MIN_FONT_PT and f"{mode.label} share" in scale.get_text()
            box = scale.get_window_extent(renderer)
            middle = np.array([(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2])

            def distance(labels, middle=middle, renderer=renderer):
                centres = [np.array([(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2])
                           for b in (t.get_window_extent(renderer) for t in labels)]
                return min(np.linalg.norm(c - middle) for c in centres)

            # the scale's name sits by its own tick labels, not another scale's
            nearest_other = min(distance(ticks[a]) for a in axes if a is not axis)
            assert distance(ticks[axis]) < nearest_other, (name, mode)
            # its arrow points to the mode's corner (the text reads along its rotation)
            angle = np.radians(scale.get_rotation())
            reading = np.array([np.cos(angle), np.sin(angle)])
            towards = (corner_xy[axis] - middle) @ reading
            text = scale.get_text()
            assert (text.endswith("\u2192") and towards > 0) or (text.startswith("\u2190") and towards < 0), \
                (name, text)
        texts = [*(t for ts in ticks.values() for t in ts), *scales.values(), *(a.label for a in axes)]
        outlines = [_turned_outline(t, renderer) for t in texts]
        for i, a in enumerate(outlines):
            for j in range(i + 1, len(outlines)):
                assert not a.intersects_path(outlines[j], filled=True), \
                    (name, texts[i].get_text(), texts[j].get_text())


def _turned_outline(text, renderer):
    """The outline of a text, turned with it, in display pixels (a turned text's window extent is the
    upright box round it, far larger than the text): its upright box, turned about the extent's centre."""
    from matplotlib.path import Path

    angle = text.get_rotation()
    text.set_rotation(0)
    upright = text.get_window_extent(renderer)
    text.set_rotation(angle)
    centre = np.array(text.get_window_extent(renderer).get_points()).mean(axis=0)
    half = np.array([upright.width, upright.height]) / 2
    corners = np.array([[-1, -1], [1, -1], [1, 1], [-1, 1]]) * half
    c, s = np.cos(np.radians(angle)), np.sin(np.radians(angle))
    return Path(corners @ np.array([[c, s], [-s, c]]) + centre, closed=True)


def test_ternary_descriptions_say_how_to_read_the_scales_when_the_figure_has_them():
    from coordkit.archetypes import ARCHETYPES
    from coordkit.models import agents
    from coordkit.plots.agents import describe_agents_figure
    from coordkit.plots.profile import SCALE_KEY, describe_profile, profile_figure
    from coordkit.plots.survey import describe_survey, survey_figure
    from coordkit.survey import example_answers, score_answers

    p = ARCHETYPES["traditional public sector"]
    assert describe_profile(p, ticks=True).endswith(SCALE_KEY)
    assert "right edge" not in describe_profile(p)  # no scales on the widget's fast figure
    ex = example_answers()
    r = score_answers(ex["now"], ex["preferred"], ex["likert"])
    assert describe_survey(r, ticks=True).endswith(SCALE_KEY) and "right edge" not in describe_survey(r)
    structure = agents.Structure(1, 2, 2, 4)
    run = agents.simulate(structure, steps=5, seed=0)
    assert "hierarchy on the right edge" in describe_agents_figure(run)
    for fig in (profile_figure(p, ticks=True), survey_figure(r, ticks=True)):
        assert any(SCALE_KEY in t.get_text() for t in fig.texts)  # the caption under the figure gives it too


def test_chapter_6s_figure_gives_the_triangles_scale_key_under_it_as_chapters_1_and_2_do():
    """Student re-review (issue 19, finding 6): in chapter 6 the key sat in brackets in the middle of a long
    description; chapters 1 and 2 print it under the figure. The four-panel figure now draws it under the
    panels, its description ends with it, and the stored chapter 6 caption does too."""
    import html
    import json
    import re
    from pathlib import Path

    from coordkit.models import agents
    from coordkit.plots.agents import (
        TRIANGLE_KEY,
        agents_figure,
        describe_agents_figure,
        describe_unit_shares,
    )
    from coordkit.plots.profile import SCALE_KEY

    assert TRIANGLE_KEY.endswith(SCALE_KEY.removeprefix("Scales: "))
    run = agents.simulate(agents.Structure(1, 2, 2, 4), steps=5, seed=0)
    text = describe_agents_figure(run)
    assert text.endswith("\n" + TRIANGLE_KEY) and text.count("right edge") == 1 and "(scales:" not in text
    assert describe_unit_shares(run).endswith(TRIANGLE_KEY)  # on its own, the ternary's description keeps it
    fig = agents_figure(run)
    key = [t for t in fig.texts if t.get_text() == TRIANGLE_KEY]
    assert key and key[0].get_position()[1] < min(ax.get_position().y0 for ax in fig.axes)
    nb = json.loads((Path(__file__).parents[1] / "notebooks" / "06_fractal_systems.ipynb").read_text("utf-8"))
    stored = next("".join(o["data"]["text/html"]) for c in nb["cells"] if c.get("id") == "e67560bb"
                  for o in c["outputs"] if "text/html" in o.get("data", {}))
    caption = html.unescape(re.sub(r"<[^>]+>", "", stored.split("<figcaption", 1)[1])).strip()
    assert caption.endswith(TRIANGLE_KEY), caption[-200:]
