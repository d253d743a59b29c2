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
    # lecturer review 3, N8: with 10 seminars and the class, no group is drawn as another (all three cycled
    # together, so the eighth group was the whole class's black star on a solid line)
    styles = [sp.group_style(k) for k in range(12)]
    assert len({(m, str(ls)) for _, m, ls in styles}) == 12
    assert [m for _, m, _ in styles].count("*") == 1
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


def _png(fig) -> bytes:
    import io

    buffer = io.BytesIO()
    FigureCanvasAgg(fig).print_png(buffer)
    return buffer.getvalue()


def test_update_in_place_draws_what_a_fresh_figure_draws(cls):
    # issue 11: the groups are moved in place, not drawn again; the picture must not change
    states = [("team", 5), ("team", 3), (None, 5), ("role", 3), ("team", 3), ("role", 5), ("team", 8)]
    fig = sp.class_arrows_figure(analyse(cls, group_column="team"))
    for column, m in states:
        a = analyse(cls, group_column=column, min_group=m)
        _check_update(fig, a)


def _check_update(fig, a) -> None:
    sp.update_class_arrows_figure(fig, a)
    fresh = sp.class_arrows_figure(a)
    assert _png(fig) == _png(fresh)
    gids = [str(x.get_gid()) for x in fig.axes[0].get_children() if x.get_gid()]
    assert gids == [str(x.get_gid()) for x in fresh.axes[0].get_children() if x.get_gid()]  # same order


def test_update_where_an_arrow_appears_or_vanishes_draws_every_group_again():
    from types import SimpleNamespace

    from coordkit.profile import Profile

    def view(*groups):
        shown = [SimpleNamespace(now=a, preferred=b, label=label) for a, b, label in groups]
        return SimpleNamespace(overall=None, groups=shown, summaries=lambda: shown)

    p, q, r = Profile(1, 0.7, 0.3, 0.5), Profile(0.9, 1, 0.8, 0.2), Profile(0.3, 0.4, 1, 0.1)
    fig = sp.class_arrows_figure(view((p, q, "A"), (q, r, "B")))
    for state in [view((p, p, "A"), (q, r, "B")),  # A wants no change: its arrow vanishes
                  view((p, q, "A"), (q, r, "B")),  # and comes back
                  view((r, q, "A"), (q, r, "B"), (p, r, "C")),  # moved, one more group
                  view((q, p, "A")),  # fewer groups
                  view((q, p, "Z"))]:  # another label: a new legend
        _check_update(fig, state)


def test_class_arrows_description_names_the_tables_configurations(cls):
    """Methodologist 2, finding 1: the description named configurations by ``classify`` at its default
    0.5, ignoring withholding ("deficit culture: weak solidarity" for Outpatients, withheld in the table)."""
    a = analyse(cls, group_column="team")
    lines = sp.describe_class_arrows(a).splitlines()[1:]
    table = a.group_table()
    assert len(lines) == len(table) == len(a.summaries())
    for line, (label, row) in zip(lines, table.iterrows(), strict=True):
        assert line.startswith(f"- {label} (n=")
        now, preferred = line.split(" to ", 1)
        assert now.endswith(f"({row['configuration now']})")
        assert preferred.endswith(f"({row['configuration preferred']})")
    withheld = [s for s in a.summaries() if s.withheld("now")]
    assert withheld and all("(withheld: members disagree" in line
                            for line in lines if any(line.startswith(f"- {s.label} (") for s in withheld))
    assert "(solidarity monoculture)" in lines[-1] and lines[-1].startswith("- other groups combined")


def test_respondents_description_counts_a_tie_as_a_tie():
    """Methodologist 2, finding 5: 35 x 25/25/25/25 read "hierarchy has the largest share for 35 of 35"."""
    import numpy as np

    even, lead = np.array([[25, 25, 25, 25]] * 35), np.array([[25, 40, 25, 10]] * 35)
    text = sp.describe_respondents(even, lead)
    assert "Now: class mean 33% / 33% / 33%; no single largest share for 35 of 35 (tied)." in text
    assert "Preferred: class mean 28% / 44% / 28%; solidarity has the largest share for 35 of 35." in text
    assert "hierarchy has" not in text
    mixed = np.array([[50, 30, 20, 0]] * 3 + [[40, 40, 20, 0]] * 4 + [[20, 30, 50, 0]] * 2)
    assert ("hierarchy has the largest share for 3 of 9; no single largest share (tied) for 4"
            in sp.describe_respondents(mixed, mixed))


def test_class_arrows_description_of_an_all_neutral_class_agrees_with_the_tables():
    """Methodologist 2, finding 1 (sceptic test): 35 students answering every statement 3 and 25/25/25/25
    read "balanced to balanced" for the class and both teams, while every table said "not classified"."""
    import numpy as np

    from coordkit.configuration import classify
    from coordkit.survey import NOT_CLASSIFIED, Responses, questionnaire

    q = questionnaire()
    n = 35
    even = np.full((n, len(q.dimensions), 4), 25.0)
    teams = ("Ward A",) * 18 + ("Ward B",) * 17
    neutral = Responses(ids=tuple(f"N{k:02d}" for k in range(n)), now=even, preferred=even,
                        likert=np.full((n, len(q.likert_items)), 3.0), groups={"team": teams})
    a = analyse(neutral, group_column="team")
    text = sp.describe_class_arrows(a)
    lines = text.splitlines()[1:]
    table = a.group_table()
    assert [row.split(" (n=")[0].removeprefix("- ") for row in lines] == list(table.index) == [
        "whole class", "Ward A", "Ward B"]
    for line, (_, row) in zip(lines, table.iterrows(), strict=True):
        now, preferred = line.split(" to ", 1)
        assert row["configuration now"] == row["configuration preferred"] == NOT_CLASSIFIED
        assert now.endswith(f"({NOT_CLASSIFIED})") and preferred.endswith(f"({NOT_CLASSIFIED})")
    assert "balanced" not in text
    # the old description's rule, classify() at its default on each summary's profile, says "balanced":
    # this test fails on it
    assert {classify(s.now).name for s in a.summaries()} == {"balanced"}
