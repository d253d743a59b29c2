"""Figures of the fractal agent model: balance at every level, asserted on the artists."""


from collections import Counter

import numpy as np
import pytest

from coordkit.models.agents import (
    LEVELS,
    PRESETS,
    Structure,
    balanced_team_in_monoculture,
    configurations_by_level,
    simulate,
)
from coordkit.modes import ALL_MODES
from coordkit.plots import HATCHES, PALETTE
from coordkit.plots import agents as pa
from coordkit.plots.output import FastPNG

S = Structure(ics=2, providers=2, teams=3, staff=4)  # 12 teams, 4 providers, 2 ICSs


@pytest.fixture(scope="module")
def runs():
    return {name: simulate(S, preset(S), steps=60, seed=0) for name, preset in PRESETS.items()}


def by_gid(artists):
    return {a.get_gid(): a for a in artists if a.get_gid()}


def test_step_out_of_range_is_refused(runs):
    with pytest.raises(ValueError, match="step must be between -61 and 60"):
        pa.plot_composition(runs["fractal balance"], step=61)
    with pytest.raises(TypeError, match="AgentRun"):
        pa.plot_composition("run")


def test_composition_stacks_every_units_shares_under_its_parent(runs):
    run = runs["balanced nation of monoculture teams"]
    ax = pa.plot_composition(run)
    patches = by_gid(ax.patches)
    assert list(patches) == [f"composition-{m.value}" for m in ALL_MODES]
    for k, mode in enumerate(ALL_MODES):
        patch = patches[f"composition-{mode.value}"]
        assert patch.get_facecolor()[:3] == pytest.approx(
            tuple(int(PALETTE[mode][i:i + 2], 16) / 255 for i in (1, 3, 5)))
        assert patch.get_hatch() == HATCHES[mode]
        rects = patch.get_path().vertices.reshape(-1, 4, 2)
        assert len(rects) == 12 + 4 + 2 + 1
        # rows from the top: nation, ICSs, providers, teams; heights are 0.8 x the shares
        heights = rects[:, 2, 1] - rects[:, 0, 1]
        expected = np.concatenate([run.shares[level][-1][:, k] for level in reversed(LEVELS)])
        assert np.allclose(heights, 0.8 * expected)
        # team t sits directly under provider t // 3: same horizontal extent, nested
        teams = rects[-12:]
        providers = rects[1 + 2:1 + 2 + 4]
        assert np.allclose(teams[0::3, 0, 0], providers[:, 0, 0])
    bars = by_gid(ax.collections)
    # every provider, ICS and the nation are balanced; no team is
    assert set(bars) == {"balanced-nation", "balanced-ics", "balanced-provider"}
    assert len(bars["balanced-provider"].get_segments()) == 4
    notes = by_gid(ax.texts)
    assert notes["note-team"].get_text().endswith("0 of 12 evenly mixed")


def test_a_lone_balanced_team_is_pointed_at_when_too_narrow_to_see():
    big = Structure(1, 4, 15, 2)  # 60 teams
    run = simulate(big, balanced_team_in_monoculture(big, team=7), steps=60, seed=0)
    ax = pa.plot_composition(run)
    marks = by_gid(ax.collections)
    assert len(marks["balanced-team"].get_segments()) == 1
    assert marks["balanced-marker-team"].get_offsets()[0][0] == pytest.approx(7.5 / 60)


def test_evenness_by_level_shows_every_unit_and_the_counts(runs):
    run = runs["balanced nation of monoculture teams"]
    ax = pa.plot_evenness_by_level(run)
    points = by_gid(ax.collections)
    for x, level in enumerate(LEVELS):
        offsets = points[f"units-{level}"].get_offsets()
        assert np.allclose(offsets[:, 1], run.balance(level)[-1])
        assert np.all(np.abs(offsets[:, 0] - x) <= 0.25)
    counts = {t.get_gid(): t.get_text() for t in ax.texts}
    assert counts == {"count-team": "0/12", "count-provider": "4/4", "count-ics": "2/2",
                      "count-nation": "1/1"}
    assert points["units-team"].get_offsets()[:, 1].max() < 0.8


def test_unit_shares_put_each_level_on_the_ternary(runs):
    ax = pa.plot_unit_shares(runs["fractal balance"], levels=["team", "nation"])
    assert ax.name == "ternary"
    points = by_gid(ax.collections)
    assert set(points) == {"shares-team", "shares-nation"}
    assert len(points["shares-team"].get_offsets()) == 12
    with pytest.raises(ValueError, match="levels"):
        pa.plot_unit_shares(runs["fractal balance"], levels=["ward"])


def test_level_balance_follows_the_mean_evenness_of_each_level(runs):
    run = runs["balanced team in a monoculture system"]
    ax = pa.plot_level_balance(run, label="a")
    pa.plot_level_balance(runs["fractal balance"], ax=ax, label="b", linestyle="--")
    lines = by_gid(ax.lines)
    for k, level in enumerate(LEVELS):
        assert np.allclose(lines[f"level-{level}:a"].get_ydata(), run.level_balance()[:, k])
        assert lines[f"level-{level}:b"].get_linestyle() == "--"
    band = by_gid(ax.collections)["team-range:a"]
    top = band.get_paths()[0].vertices[:, 1].max()
    assert top == pytest.approx(run.balance("team").max())


def test_agents_figure_updates_in_place_like_a_fresh_one(runs):
    a, b = runs["fractal balance"], runs["balanced team in a monoculture system"]
    fig = pa.agents_figure(a)
    assert [ax.name for ax in fig.axes] == ["rectilinear", "rectilinear", "ternary", "rectilinear"]
    assert fig.get_suptitle().endswith("here an even mix carries across the levels.")
    updated = pa.update_agents_figure(fig, b)
    fresh = pa.agents_figure(b)
    assert updated.get_suptitle() == fresh.get_suptitle()
    for ax_u, ax_f in zip(updated.axes, fresh.axes, strict=True):
        u = by_gid([*ax_u.patches, *ax_u.collections, *ax_u.lines, *ax_u.texts])
        f = by_gid([*ax_f.patches, *ax_f.collections, *ax_f.lines, *ax_f.texts])
        assert u.keys() == f.keys()
    comp_u = by_gid(updated.axes[0].patches)["composition-hierarchy"].get_path().vertices
    comp_f = by_gid(fresh.axes[0].patches)["composition-hierarchy"].get_path().vertices
    assert np.allclose(comp_u, comp_f)
    # the figure renders fast and changes when the run changes
    fast = FastPNG(fig)
    first = fast.png()
    assert first != fast.png(pa.update_agents_figure(fig, a))


def test_update_refuses_a_run_with_other_numbers_of_units(runs):
    fig = pa.agents_figure(runs["fractal balance"])
    more_staff = simulate(Structure(2, 2, 3, 9), steps=10, seed=0)
    assert pa.figure_fits(fig, more_staff)
    pa.update_agents_figure(fig, more_staff)
    assert fig.get_suptitle().startswith("108 staff")
    with pytest.raises(ValueError, match="make a new figure"):
        pa.update_agents_figure(fig, simulate(Structure(2, 2, 4, 4), steps=10, seed=0))


def test_agent_sweep_plot_means_over_seeds_and_checks_shapes():
    values = [0.0, 0.5, 1.0]
    balance = np.random.default_rng(0).uniform(0.5, 1.0, (3, 4, 4))
    fatalism = np.full((3, 4), 0.1)
    ax = pa.plot_agent_sweep(values, balance, lever="autonomy", fatalism=fatalism)
    lines = by_gid(ax.lines)
    for k, level in enumerate(LEVELS):
        assert np.allclose(lines[f"sweep-{level}"].get_ydata(), balance[:, :, k].mean(axis=1))
    assert np.allclose(lines["sweep-fatalism"].get_ydata(), 0.1)
    assert len(ax.collections) == 4  # every seed shown for each level
    assert "team: weight on the team's own leaning" in ax.get_xlabel()
    with pytest.raises(ValueError, match="balance must have shape"):
        pa.plot_agent_sweep(values, balance[:2], lever="autonomy")
    with pytest.raises(ValueError, match="fatalism must have shape"):
        pa.plot_agent_sweep(values, balance, lever="autonomy", fatalism=fatalism[:, :2])


def test_descriptions_say_what_the_figures_show(runs):
    run = runs["balanced team in a monoculture system"]
    text = pa.describe_agents_figure(run)
    assert text.splitlines()[1].startswith("1 evenly mixed team inside a system")
    assert "- 12 teams: 11 hierarchy monoculture, 1 evenly mixed" in text
    assert "teams from" in pa.describe_evenness_by_level(run)
    assert "the largest share is hierarchy in 11, solidarity in 1" in pa.describe_unit_shares(run)
    assert pa.describe_level_balance(run).startswith("Mean evenness at the start, then at step 60")
    sweep_text = pa.describe_agent_sweep([0, 1], np.ones((2, 1, 4)), lever="voice",
                                         fatalism=np.zeros((2, 1)))
    assert "1 seed each" in sweep_text and "fatalism share" in sweep_text


def test_level_styles_differ_in_marker_as_well_as_colour():
    assert len({s[0] for s in pa.LEVEL_STYLES.values()}) == 4
    assert len({s[1] for s in pa.LEVEL_STYLES.values()}) == 4
    assert set(pa.LEVEL_STYLES) == set(LEVELS) == set(pa.LEVEL_LABELS)


def test_a_row_of_many_teams_is_drawn_as_one_legible_block_per_configuration():
    big = Structure()  # 200 teams, as in chapter 6
    run = simulate(big, PRESETS["balanced nation of monoculture teams"](big), steps=40, seed=0)
    fig = pa.agents_figure(run)
    comp = fig.axes[0]
    names = configurations_by_level(run)["team"]
    groups = Counter(names).most_common()
    rects = by_gid(comp.patches)["composition-hierarchy"].get_path().vertices.reshape(-1, 4, 2)
    teams = rects[-len(groups):]  # the bottom row: one block per configuration, not 200 stripes
    assert len(rects) == 1 + big.ics + big.count("provider") + len(groups)
    widths = teams[:, 1, 0] - teams[:, 0, 0]
    assert np.allclose(widths, [k / len(names) for _, k in groups])
    fig.draw_without_rendering()
    page_w = fig.bbox.width
    assert (widths * comp.get_window_extent().width).min() > 0.05 * page_w  # each block wide
    labels = sorted(t.get_text() for t in comp.texts if t.get_gid() == "group-team")
    assert labels == sorted(f"{k} {name}" for name, k in groups)
    text = pa.describe_composition(run)
    for name, k in groups:
        assert f"{k} {name}" in text
    assert "one block per configuration" in text
    assert "grouped by configuration" in comp.get_xlabel()


def test_the_unit_shares_triangle_has_tick_values():
    run = simulate(S, PRESETS["fractal balance"](S), steps=10, seed=0)
    tax = pa.agents_figure(run).axes[2]
    for axis in (tax.taxis, tax.laxis, tax.raxis):
        # student review (issue 19): no ticks at the corners, where 0% of one scale met 100% of the next
        assert [t.get_text() for t in axis.get_ticklabels()] == ["20%", "40%", "60%", "80%"]


def test_chapter_6s_figure_keeps_every_label_inside_the_figure_and_off_the_other_labels():
    """Student review (issue 19, finding 8): at the stored size (11 x 7.4 in, 100 dpi) the notes on the
    right ran off the figure ("200 of 200 evenly mixe"), the strip's y label reached its title and the
    legend under the ribbon touched the triangle's title. Boxes measured by the renderer."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from coordkit.models import agents as model
    from coordkit.plots.agents import agents_figure

    fig = agents_figure(model.simulate(model.Structure(), model.fractal_balance(), seed=0))
    fig.set_dpi(100)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    comp, strip, tax, _ = fig.axes
    page = fig.bbox
    notes = [t for t in comp.texts if (t.get_gid() or "").startswith("note-")]
    assert len(notes) == 4
    for text in notes:
        box = text.get_window_extent(renderer)
        assert page.x0 <= box.x0 and box.x1 <= page.x1, text.get_text()
    assert not strip.yaxis.label.get_window_extent(renderer).overlaps(strip.title.get_window_extent(renderer))
    legend = comp.get_legend().get_window_extent(renderer)
    assert not legend.overlaps(tax.title.get_window_extent(renderer))
    for axis_label in (tax.taxis.label, tax.laxis.label, tax.raxis.label):
        box = axis_label.get_window_extent(renderer)
        assert page.y0 <= box.y0 and box.y1 <= page.y1, axis_label.get_text()


def test_chapter_6s_triangle_title_sits_with_its_triangle_not_under_the_ribbons_legend():
    """Student review (issue 19, finding 11): "Active shares of every unit" sat under the ribbon's legend,
    apart from its panel. Its box now adjoins the triangle's own top label (a few pixels above
    "Hierarchy"), is centred over the triangle, nearer its panel than the legend above, and overlaps no
    legend."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from coordkit.models import agents as model
    from coordkit.plots.agents import agents_figure

    structure = model.Structure()
    fig = agents_figure(model.simulate(structure, model.balanced_nation_of_monocultures(structure), seed=0))
    fig.set_dpi(100)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    comp, _, tax, _ = fig.axes
    title = tax.title.get_window_extent(renderer)
    top = tax.taxis.label.get_window_extent(renderer)  # "Hierarchy", above the triangle's apex
    ribbon_legend = comp.get_legend().get_window_extent(renderer)
    assert tax.title.get_text() == "Active shares of every unit"
    assert 0 <= title.y0 - top.y1 <= 10, (title, top)
    assert title.y0 - top.y1 < ribbon_legend.y0 - title.y1
    apex_x = tax.transTernaryAxes.transform([[1.0, 0.0, 0.0]])[0][0]
    assert title.x0 < apex_x < title.x1
    for legend in (comp.get_legend(), tax.get_legend()):
        assert not title.overlaps(legend.get_window_extent(renderer))
