"""The questionnaire figures: nothing cut off, legends clear of tick labels, groups never in a mode's
colour or marker, and a text description for every figure. Assertions are on artists, not images."""

from __future__ import annotations

import matplotlib.colors as mcolors
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.legend import Legend
from matplotlib.text import Text

from coordkit.plots import survey as sp
from coordkit.plots.style import MARKERS, PALETTE
from coordkit.survey import analyse, example_answers, score_answers, synthetic_class


@pytest.fixture(scope="module")
def cls():
    return synthetic_class()


def _texts(fig):
    """Every visible, non-empty text artist of the figure (titles, labels, ticks, legends)."""
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def _draw(fig):
    """Draw the figure once (text positions are only final after a draw); return the renderer."""
    FigureCanvasAgg(fig)
    fig.canvas.draw()
    return fig.canvas.get_renderer()


def _inside(fig):
    """What is drawn outside the figure: axes (with their titles, labels, ticks and legends) and
    figure texts, named so that a failure says what was cut off."""
    renderer = _draw(fig)
    box = fig.bbox

    def out(e):
        return e.x0 < box.x0 - 1 or e.y0 < box.y0 - 1 or e.x1 > box.x1 + 1 or e.y1 > box.y1 + 1

    bad = [f"axes {k} ({ax.name})" for k, ax in enumerate(fig.axes) if out(ax.get_tightbbox(renderer))]
    bad += [t.get_text() for t in fig.texts if t.get_text() and out(t.get_window_extent(renderer))]
    return bad


def _figures(cls):
    ex = example_answers()
    r = score_answers(ex["now"], ex["preferred"], ex["likert"])
    a = analyse(cls, group_column="team")
    roles = analyse(cls, group_column="role", min_group=3)
    teams = analyse(cls, group_column="team", min_group=3)
    return {
        "survey": sp.survey_figure(r, ticks=True),
        "class survey": sp.survey_figure(a.overall, ticks=True),
        "respondents": sp.respondents_figure(a.now_scores, a.preferred_scores, ticks=True),
        "arrows team": sp.class_arrows_figure(a, ticks=True),
        "arrows all teams": sp.class_arrows_figure(teams, ticks=True),
        "arrows role": sp.class_arrows_figure(roles, ticks=True),
        "arrows no ticks": sp.class_arrows_figure(a),
        "drivers": sp.gap_drivers_figure(a.drivers, top=8),
    }


def test_no_text_is_cut_off(cls):
    for name, fig in _figures(cls).items():
        assert _inside(fig) == [], name


def test_class_arrows_legend_covers_no_tick_or_axis_label(cls):
    fig = sp.class_arrows_figure(analyse(cls, group_column="team", min_group=3), ticks=True)
    renderer = _draw(fig)
    (ax,) = fig.axes
    legend = ax.get_legend()
    box = legend.get_window_extent(renderer)
    others = [t for t in _texts(fig) if not any(t in lg.get_texts() or t is lg.get_title()
                                                  for lg in fig.findobj(Legend))]
    assert others
    for t in others:
        assert not box.overlaps(t.get_window_extent(renderer)), t.get_text()
    # The corner labels are drawn, and inside the figure.
    assert {ax.get_tlabel(), ax.get_llabel(), ax.get_rlabel()} == {"Hierarchy", "Solidarity", "Individualism"}


def test_groups_never_use_a_mode_colour_or_marker(cls):
    mode_colours = {mcolors.to_hex(c) for c in PALETTE.values()}
    assert not {mcolors.to_hex(c) for c in sp.GROUP_COLOURS} & mode_colours
    assert not set(sp.GROUP_MARKERS) & set(MARKERS.values())
    # Marker and line style tell groups apart without colour.
    assert len(set(sp.GROUP_MARKERS)) == len(sp.GROUP_MARKERS)
    assert len({str(s) for s in sp.GROUP_LINESTYLES}) == len(sp.GROUP_LINESTYLES)
    fig = sp.class_arrows_figure(analyse(cls, group_column="team", min_group=3))
    (ax,) = fig.axes
    drawn = [c for c in ax.collections if str(c.get_gid()).startswith("group-now-")]
    assert len(drawn) == 6  # whole class and five teams
    for c in drawn:
        assert mcolors.to_hex(c.get_facecolor()[0]) not in mode_colours
    arrows = [t for t in ax.texts if str(t.get_gid()).startswith("group-gap-")]
    assert len(arrows) == 6
    styles = {str(a.arrow_patch.get_linestyle()) for a in arrows}
    assert len(styles) == 6
    handles = ax.get_legend().legend_handles
    assert len({(h.get_marker(), str(h.get_linestyle()), str(h._dash_pattern)) for h in handles}) == 6


def test_update_replaces_every_group_artist(cls):
    fig = sp.class_arrows_figure(analyse(cls, group_column="team"))
    sp.update_class_arrows_figure(fig, analyse(cls, group_column="team", min_group=3))
    (ax,) = fig.axes
    assert len([t for t in ax.texts if str(t.get_gid()).startswith("group-gap-")]) == 6
    sp.update_class_arrows_figure(fig, analyse(cls))
    assert len([t for t in ax.texts if str(t.get_gid()).startswith("group-gap-")]) == 1
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["whole class"]


def test_gap_drivers_legend_lists_only_the_modes_shown(cls):
    a = analyse(cls)
    ax = sp.gap_drivers_figure(a.drivers, top=8).axes[0]
    shown = set(a.drivers.head(8)["mode"])
    assert {t.get_text().lower() for t in ax.get_legend().get_texts()} == shown


def test_every_figure_has_a_description(cls):
    a = analyse(cls, group_column="team")
    assert sp.describe_class_arrows(a).count("\n- ") == len(a.groups) + 1
    assert "individualism" in sp.describe_gap_drivers(a.drivers)
    assert sp.describe_respondents(a.now_scores, a.preferred_scores).startswith("Two triangles")


def test_gap_chart_bars_are_labelled_with_their_statements_not_item_codes(cls):
    a = analyse(cls)
    ax = sp.gap_drivers_figure(a.drivers, top=8).axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()][::-1]
    rows = a.drivers.head(8)
    for label, (_, row) in zip(labels, rows.iterrows(), strict=True):
        assert row["item"] not in label, label
        assert len(label.split("\n")) <= 2, label
        words = label.replace("\n", " ").removesuffix(" \u2026")
        assert row["statement"].startswith(words), (label, row["statement"])
    assert {t.get_fontsize() for t in ax.get_yticklabels()} == {12}
    assert [b.get_gid() for b in ax.patches[: len(rows)]] == [f"driver-{i}" for i in rows["item"][::-1]]
