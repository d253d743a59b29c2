"""Figures of the mean-field teaching model: assertions on the artists, not on images."""

import numpy as np
import pytest
from matplotlib.figure import Figure

from coordkit.models.dynamics import LEVER_SPECS, Levers, simulate, sweep
from coordkit.modes import ACTIVE_MODES, Mode
from coordkit.plots import MARKERS, PALETTE
from coordkit.plots import dynamics as pd_

BASE = simulate(Levers())
PUSHED = simulate(Levers(support_hierarchy=1.0))
SQUEEZED = simulate(Levers(demand=2.0))


def lines_by_gid(ax):
    return {line.get_gid(): line for line in ax.lines if line.get_gid()}


@pytest.mark.parametrize("part", list(pd_.PARTS))
def test_plot_modes_draws_each_mode_and_fatalism_from_the_run(part):
    ax = pd_.plot_modes(PUSHED, part=part)
    lines = lines_by_gid(ax)
    values = getattr(PUSHED, part)
    for j, mode in enumerate(ACTIVE_MODES):
        line = lines[f"{part}:{mode.value}:"]
        assert np.array_equal(line.get_xdata(), PUSHED.time)
        assert np.allclose(line.get_ydata(), values[:, j])
        assert line.get_color() == PALETTE[mode] and line.get_marker() == MARKERS[mode]
    fatal = lines[f"{part}:fatalism:"]
    assert np.allclose(fatal.get_ydata(), PUSHED.fatalism)
    assert fatal.get_marker() == MARKERS[Mode.FATALISM]
    assert ax.get_xlim() == (0.0, 20.0)
    assert ax.get_legend() is not None


def test_two_runs_overlay_with_their_own_labels_and_line_styles():
    ax = pd_.plot_modes(BASE, label="default")
    pd_.plot_modes(PUSHED, ax=ax, label="push hierarchy", linestyle="--")
    assert len(ax.lines) == 8
    styles = {line.get_label(): line.get_linestyle() for line in ax.lines}
    assert styles["Hierarchy (default)"] == "-" and styles["Hierarchy (push hierarchy)"] == "--"
    # markers of lines lying on top of each other are staggered, so each stays visible
    starts = {line.get_markevery()[0] for line in ax.lines[:4]}
    assert len(starts) == 4


def test_plot_modes_rejects_bad_input():
    with pytest.raises(ValueError, match="part must be one of"):
        pd_.plot_modes(BASE, part="loud")
    with pytest.raises(TypeError, match="Trajectory"):
        pd_.plot_modes("not a run")


def test_plot_outcome_stays_under_a_drawn_ceiling_with_the_band_above_hatched():
    ax = pd_.plot_outcome(SQUEEZED, label="squeezed")
    lines = lines_by_gid(ax)
    assert np.allclose(lines["outcome:squeezed"].get_ydata(), SQUEEZED.outcome)
    assert np.allclose(lines["balance:squeezed"].get_ydata(), SQUEEZED.balance())
    ceiling = lines["ceiling:squeezed"]
    assert list(ceiling.get_ydata()) == [0.5, 0.5]
    assert lines["outcome:squeezed"].get_ydata().max() <= 0.5
    band = next(c for c in ax.collections if c.get_gid() == "beyond-ceiling:squeezed")
    assert band.get_hatch() == "//"
    assert band.get_paths()[0].vertices[:, 1].min() == pytest.approx(0.5)


def test_plot_outcome_options_leave_out_balance_and_ceiling():
    ax = pd_.plot_outcome(BASE, balance=False, ceiling=False, legend=False)
    assert [line.get_gid() for line in ax.lines] == ["outcome:"]
    assert not ax.collections and ax.get_legend() is None


def test_dynamics_figure_has_four_views_and_the_verdict_in_the_title():
    fig = pd_.dynamics_figure(PUSHED, baseline=BASE, baseline_label="default model parameters")
    assert isinstance(fig, Figure) and len(fig.axes) == 4
    assert fig.get_suptitle().startswith("After 20 years: hierarchy monoculture")
    benign = lines_by_gid(fig.axes[0])
    assert benign["benign:hierarchy:default model parameters"].get_linestyle() == "--"
    assert benign["benign:hierarchy:"].get_linestyle() == "-"
    bars = {p.get_gid(): p for p in fig.axes[3].patches if p.get_gid()}
    assert bars["bar-hierarchy"].get_height() == pytest.approx(PUSHED.strength[-1, 0])
    assert bars["malign-0"].get_height() == pytest.approx(PUSHED.malign[-1, 0])
    assert bars["malign-0"].get_y() == pytest.approx(PUSHED.benign[-1, 0])
    assert bars["bar-fatalism"].get_height() == pytest.approx(PUSHED.fatalism[-1])
    assert len(fig.legends) == 1


@pytest.mark.parametrize("years", [20, 35])
def test_update_in_place_agrees_with_a_fresh_figure(years):
    other = simulate(Levers(demand=1.8, malign_bias_solidarity=0.4), years=years)
    other_base = simulate(Levers(), years=years)
    fig = pd_.dynamics_figure(BASE, baseline=BASE, baseline_label="b")
    updated = pd_.update_dynamics_figure(fig, other, baseline=other_base, baseline_label="b")
    fresh = pd_.dynamics_figure(other, baseline=other_base, baseline_label="b")
    assert updated.get_suptitle() == fresh.get_suptitle()
    for ax_u, ax_f in zip(updated.axes[:3], fresh.axes[:3], strict=True):
        u, f = lines_by_gid(ax_u), lines_by_gid(ax_f)
        assert u.keys() == f.keys()
        for gid in u:
            assert np.allclose(u[gid].get_xdata(), f[gid].get_xdata()), gid
            assert np.allclose(u[gid].get_ydata(), f[gid].get_ydata()), gid
        assert ax_u.get_xlim() == ax_f.get_xlim()
    heights = lambda fg: [p.get_height() for p in fg.axes[3].patches]  # noqa: E731
    assert heights(updated) == pytest.approx(heights(fresh))


def test_plot_sweep_reads_the_lever_and_draws_the_ceiling():
    runs = sweep([Levers(demand=d) for d in (0.5, 1.0, 1.5, 2.0)])
    ax = pd_.plot_sweep(runs, "demand")
    lines = lines_by_gid(ax)
    assert set(lines) == {"sweep:outcome:", "sweep:balance:", "sweep:malign_share:",
                          "sweep:fatalism:", "sweep:ceiling:"}
    assert list(lines["sweep:outcome:"].get_xdata()) == [0.5, 1.0, 1.5, 2.0]
    assert np.allclose(lines["sweep:outcome:"].get_ydata(), [r.outcome[-1] for r in runs])
    assert np.allclose(lines["sweep:ceiling:"].get_ydata(), [1, 1, 2 / 3, 0.5])
    assert np.all(lines["sweep:outcome:"].get_ydata() <= lines["sweep:ceiling:"].get_ydata())
    assert "Demand" in ax.get_xlabel()


def test_plot_sweep_averages_repeated_settings_and_shows_each_run():
    settings = [Levers(noise=0.2, renewal=r) for r in (0.1, 0.5) for _ in range(3)]
    runs = sweep(settings, seed=4)
    ax = pd_.plot_sweep(runs, "renewal", quantities=["fatalism"], ceiling=False)
    line = lines_by_gid(ax)["sweep:fatalism:"]
    ends = np.array([r.fatalism[-1] for r in runs])
    assert np.allclose(line.get_ydata(), [ends[:3].mean(), ends[3:].mean()])
    assert len(ax.collections[0].get_offsets()) == 6


def test_plot_sweep_rejects_bad_names_and_empty_runs():
    with pytest.raises(ValueError, match="lever must be one of"):
        pd_.plot_sweep([BASE], "volume")
    with pytest.raises(ValueError, match="quantity must be one of"):
        pd_.plot_sweep([BASE], "demand", quantities=["joy"])
    with pytest.raises(ValueError, match="runs is empty"):
        pd_.plot_sweep([], "demand")


def test_plot_sweep_grid_is_a_labelled_heat_map_of_the_end_values():
    us, ds = (0.2, 0.5, 0.8), (1.0, 2.0)
    runs = sweep([Levers(support_hierarchy=u, demand=d) for u in us for d in ds])
    ax = pd_.plot_sweep_grid(runs, "support_hierarchy", "demand")
    grid = ax.collections[0].get_array().reshape(len(ds), len(us))
    expected = np.array([[r.outcome[-1] for r in runs if r.levers.demand == d] for d in ds])
    assert np.allclose(grid, expected)
    assert len(ax.texts) == 6  # every cell carries its value
    assert ax.collections[0].get_cmap().name == "cividis"


def test_descriptions_carry_the_numbers_and_the_ceiling():
    text = pd_.describe_dynamics_figure(PUSHED, baseline=BASE, baseline_label="default model parameters")
    assert "hierarchy monoculture" in text and "Dashed lines: default model parameters" in text
    assert "policy support for hierarchy 1.00 (default 0.50)" in text
    squeezed = pd_.describe_outcome(SQUEEZED)
    assert "demand exceeds capacity" in squeezed and "0.50" in squeezed
    assert "demand exceeds" not in pd_.describe_outcome(BASE)
    runs = sweep([Levers(support_hierarchy=u) for u in np.linspace(0, 1, 5)])
    sweep_text = pd_.describe_sweep(runs, "support_hierarchy")
    assert sweep_text.count("\n- ") == 5  # four quantities and the configurations
    assert sweep_text.endswith("balanced at 0.5; hierarchy monoculture from 0.75 to 1")
    grid = pd_.describe_sweep_grid(runs, "support_hierarchy", "demand")
    assert grid.startswith("Heat map of outcome")


def test_every_lever_has_a_short_label():
    assert set(pd_.LEVER_LABELS) == set(LEVER_SPECS)
    assert len(set(pd_.LEVER_LABELS.values())) == len(LEVER_SPECS)


# ----- the end state: despair explained, and no hatch on the key (issue 19) -----------------------

DESPAIRING = simulate(Levers(demand=3.0, capacity=0.5), years=30)  # fatalism about 0.73, all despair


def _boxes_overlap(a, b):
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


@pytest.mark.parametrize("make", [
    lambda run: pd_.dynamics_figure(run, baseline=BASE).axes[3],
    lambda run: pd_.dynamics_panel_figure(run, "end").axes[0],
], ids=["four panels", "app panel"])
def test_no_bar_or_hatch_of_the_end_state_crosses_its_key_or_a_label(make):
    """Student review (issue 19): fatalism's hatched bar ran through the "strong" label (fatalism
    0.73 here) and, near 1, through the key in the corner. Every bar, at the tallest the model allows
    (strengths are clipped to 1), stays clear of the key and of every label on the axes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    ax = make(DESPAIRING)
    fig = ax.get_figure()
    fig.set_dpi(100)  # plots.show stores figures at 100 dpi
    canvas = FigureCanvasAgg(fig)
    for tallest in (False, True):
        if tallest:
            for bar in ax.patches:
                bar.set_height(1.0 - bar.get_y())
        canvas.draw()
        renderer = canvas.get_renderer()
        bars = [p.get_window_extent(renderer) for p in ax.patches if p.get_height() > 0]
        assert len(bars) >= 5  # four strengths, and malign parts
        labels = [t.get_window_extent(renderer) for t in ax.texts if t.get_text().strip()]
        for box in [ax.get_legend().get_window_extent(renderer), *labels]:
            assert not any(_boxes_overlap(box, bar) for bar in bars)


def test_fatalism_despair_is_cross_hatched_and_the_key_says_it_is_the_kit_s_reading():
    from coordkit.plots.style import MALIGN_HATCH

    wise = simulate(Levers(demand=3.0, capacity=0.5, benign_fatalism=0.4), years=30)
    for run, wisdom in ((DESPAIRING, 0.0), (wise, 0.4)):
        ax = pd_.dynamics_figure(run).axes[3]
        bars = {p.get_gid(): p for p in ax.patches if p.get_gid()}
        fatalism = run.fatalism[-1]
        assert bars["malign-3"].get_hatch() == MALIGN_HATCH
        assert bars["malign-3"].get_y() == pytest.approx(wisdom * fatalism)
        assert bars["malign-3"].get_height() == pytest.approx((1 - wisdom) * fatalism)
    keys = [t.get_text() for t in ax.get_legend().get_texts()]
    assert keys[0] == "cross-hatched: malign part; for fatalism, despair (the kit's reading)"
    text = pd_.describe_dynamics_figure(DESPAIRING)
    assert (f"fatalism {DESPAIRING.fatalism[-1]:.2f}; cross-hatched: malign parts and fatalism's despair, "
            "all of it (the kit's reading: benign fatalism 0).") in text
    assert (f"fatalism's despair, {0.6 * wise.fatalism[-1]:.2f} of it (benign fatalism 0.40: the rest is "
            "wisdom).") in pd_.describe_dynamics_figure(wise)


def test_update_in_place_moves_the_despair_part():
    fig = pd_.dynamics_figure(BASE)
    wise = simulate(Levers(demand=3.0, capacity=0.5, benign_fatalism=0.4), years=30)
    pd_.update_dynamics_figure(fig, wise)
    fresh = {p.get_gid(): p for p in pd_.dynamics_figure(wise).axes[3].patches if p.get_gid()}
    moved = {p.get_gid(): p for p in fig.axes[3].patches if p.get_gid()}
    assert moved["malign-3"].get_y() == pytest.approx(fresh["malign-3"].get_y())
    assert moved["malign-3"].get_height() == pytest.approx(fresh["malign-3"].get_height())


def test_the_model_s_inputs_are_model_parameters_never_levers_in_what_a_learner_reads():
    """Student review (issue 19): "levers" are chapter 4's policy levers; the dynamics model's inputs,
    in its figures and their descriptions, are model parameters."""
    fig = pd_.dynamics_figure(PUSHED, baseline=BASE, baseline_label="default model parameters")
    shown = [fig.get_suptitle(), *(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")))]
    text = pd_.describe_dynamics_figure(PUSHED, baseline=BASE)
    assert not [s for s in [*shown, text, pd_.describe_modes(PUSHED)] if "lever" in s.lower()]
    assert "Model parameters: changed from default: policy support for hierarchy 1.00" in text
    assert "Model parameters: default." in pd_.describe_dynamics_figure(BASE)
