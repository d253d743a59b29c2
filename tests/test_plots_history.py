"""coordkit.plots.history: the reform timeline, performance alongside reforms, reform pressure.

Assertions are on artists (positions, colours, gids, texts), never on images."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure

from coordkit import history
from coordkit.configuration import classify
from coordkit.modes import ALL_MODES, Mode
from coordkit.plots import history as ph
from coordkit.plots.style import MARKERS, PALETTE

REFORMS = history.load_reforms()
PERF = history.load_performance()
SERIES = sorted(set(PERF["series"]))
MAIN_SERIES = [s for s in SERIES if s not in ph.REFERENCE_SERIES.values()]


def new_ax():
    return Figure(figsize=(11, 4)).add_subplot()


def by_gid(ax, prefix=""):
    found = {}
    for artist in [*ax.collections, *ax.lines, *ax.patches, *ax.texts]:
        gid = artist.get_gid()
        if gid and gid.startswith(prefix):
            found.setdefault(gid, []).append(artist)
    return found


# ----- the reform timeline -----------------------------------------------------------------------
def test_timeline_draws_every_push_in_its_modes_row_with_its_marker_and_direction():
    ax = ph.reform_timeline(REFORMS, ax=new_ax())
    x = history.decimal_year(REFORMS["date"])
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [m.label for m in ALL_MODES]
    rows = dict(zip(labels, ax.get_yticks(), strict=True))
    for mode in ALL_MODES:
        w = REFORMS[history.PUSH_COLUMNS[mode]].to_numpy()
        for name, mask in (("up", w > 0), ("down", w < 0)):
            (points,) = by_gid(ax, f"push-{mode.value}-{name}")[f"push-{mode.value}-{name}"]
            offsets = points.get_offsets()
            assert len(offsets) == mask.sum()
            np.testing.assert_allclose(offsets[:, 0], x[mask])
            y0 = rows[mode.label]
            np.testing.assert_allclose(offsets[:, 1], y0 + ph.timeline._STEM * w[mask])
            assert (offsets[:, 1] > y0).all() if name == "up" else (offsets[:, 1] < y0).all()
            # filled in the mode's colour when up, hollow (white) when down: not colour alone
            face = points.get_facecolors()[0]
            assert tuple(face) == to_rgba(PALETTE[mode] if name == "up" else "white")
            sizes = points.get_sizes()
            strong = np.abs(w[mask]) == 2
            if strong.any() and (~strong).any():
                assert sizes[strong].min() > sizes[~strong].max()


def test_timeline_legend_gives_each_mode_its_own_marker():
    ax = ph.reform_timeline(REFORMS, ax=new_ax())
    handles = ax.get_legend().legend_handles
    markers = {h.get_label(): h.get_marker() for h in handles}
    for mode in ALL_MODES:
        assert markers[mode.label] == MARKERS[mode]
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("pushed up" in t for t in texts) and any("pushed down" in t for t in texts)


def test_timeline_marks_dates_known_only_to_the_year():
    ax = ph.reform_timeline(REFORMS, ax=new_ax())
    year_only = (REFORMS["date_precision"] == "year")
    bars = by_gid(ax, "year-only-")
    for mode in ALL_MODES:
        expected = (year_only & (REFORMS[history.PUSH_COLUMNS[mode]] != 0)).sum()
        found = bars.get(f"year-only-{mode.value}", [])
        assert (len(found[0].get_segments()) if found else 0) == expected


@pytest.mark.parametrize("era", history.ERAS, ids=lambda e: e.label)
def test_timeline_filtered_to_one_era_spans_it_and_shows_only_its_reforms(era):
    ax = ph.reform_timeline(REFORMS, ax=new_ax(), eras=era.label)
    lo, hi = ax.get_xlim()
    assert lo <= era.first_year < era.last_year + 1 <= hi
    assert hi - lo < (era.last_year + 1 - era.first_year) * 1.1
    shown = ph.timeline_reforms(REFORMS, eras=era.label)
    assert set(shown["era"]) <= {era.label}
    pushes = [c for c in ax.collections if (c.get_gid() or "").startswith("push")]
    xs = np.concatenate([c.get_offsets()[:, 0] for c in pushes])
    assert set(np.round(xs, 6)) == set(np.round(history.decimal_year(shown["date"]), 6))
    numbers = [t for t in ax.texts if t.get_gid() == "number"]
    assert len(numbers) == (len(shown) if len(shown) <= 20 else 0)
    assert {t.get_text() for t in numbers} == {str(k) for k in range(1, len(numbers) + 1)}


@pytest.mark.parametrize("modes", [["H"], ["solidarity", "fatalism"], [Mode.INDIVIDUALISM], []])
def test_timeline_filtered_by_mode_draws_only_those_rows(modes):
    ax = ph.reform_timeline(REFORMS, ax=new_ax(), modes=modes)
    wanted = {history.parse_mode(m) for m in modes} if modes else set()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [m.label for m in ALL_MODES if m in wanted]
    drawn = {g.split("-")[1] for g in by_gid(ax, "push-")}
    assert drawn <= {m.value for m in wanted}
    if not modes:
        assert any(t.get_gid() == "empty" for t in ax.texts)


@pytest.mark.parametrize("direction", ["up", "down"])
def test_timeline_direction_filter(direction):
    ax = ph.reform_timeline(REFORMS, ax=new_ax(), direction=direction)
    gids = set(by_gid(ax, "push-"))
    assert gids and all(g.endswith(f"-{direction}") for g in gids)


def test_timeline_rejects_unknown_filters():
    with pytest.raises(ValueError, match="unknown era"):
        ph.reform_timeline(REFORMS, ax=new_ax(), eras="victorian")
    with pytest.raises(ValueError, match="direction"):
        ph.reform_timeline(REFORMS, ax=new_ax(), direction="sideways")
    with pytest.raises(ValueError):
        ph.reform_timeline(REFORMS, ax=new_ax(), modes="Z")


def test_timeline_description_counts_match_the_figure():
    text = ph.describe_reform_timeline(REFORMS)
    assert text.startswith(f"Timeline of {len(REFORMS)} NHS reforms in England, 1946-2025 (all eras)")
    for mode in ALL_MODES:
        w = REFORMS[history.PUSH_COLUMNS[mode]]
        up, down = int((w > 0).sum()), int((w < 0).sum())
        assert f"{mode.label}: {up} pushes up (total {int(w[w > 0].sum()):+d})" in text
        assert f"{down} push{'es' if down != 1 else ''} down" in text
    assert "judgements" in text
    short = ph.describe_reform_timeline(REFORMS, eras=["internal market"])
    assert "Reforms shown: 1. 31 Jan 1989, Working for Patients" in short  # day confirmed (issue 17)


def test_timeline_reforms_matches_the_figure_for_every_filter_combination():
    for direction in ("any", "up", "down"):
        for mode in ALL_MODES:
            shown = ph.timeline_reforms(REFORMS, modes=mode, direction=direction)
            w = shown[history.PUSH_COLUMNS[mode]]
            assert {"any": (w != 0), "up": (w > 0), "down": (w < 0)}[direction].all()


def test_reform_table_reads_like_the_figure():
    table = ph.reform_table(REFORMS, eras="new labour", rationale=True, date_notes=True)
    shown = ph.timeline_reforms(REFORMS, eras="new labour")
    assert list(table.index) == list(range(1, len(shown) + 1))
    assert list(table["title"]) == list(shown["title"])
    assert list(table.columns) == ["date", "title", "kind", "H", "S", "I", "F", "why coded so", "date note"]
    assert table.loc[1, "date"] == "9 Dec 1997" and "8 Dec 1997" in table.loc[1, "date note"]
    for mode in ALL_MODES:
        assert list(table[mode.initial]) == list(shown[history.PUSH_COLUMNS[mode]])
    assert ph.reform_table(REFORMS, modes=[]).empty


def test_reset_axes_then_redraw_equals_a_fresh_axes():
    ax = ph.reform_timeline(REFORMS, ax=new_ax(), eras="founding")
    ph.reform_timeline(REFORMS, ax=ph.reset_axes(ax), eras="new labour")
    fresh = ph.reform_timeline(REFORMS, ax=new_ax(), eras="new labour")
    assert sorted(by_gid(ax)) == sorted(by_gid(fresh))
    assert ax.get_xlim() == fresh.get_xlim()
    assert [t.get_text() for t in ax.texts] == [t.get_text() for t in fresh.texts]


# ----- performance -------------------------------------------------------------------------------
@pytest.mark.parametrize("series", MAIN_SERIES)
def test_performance_chart_draws_every_row_once_lettered_never_joined(series):
    ax = ph.performance_chart(PERF, series, ax=new_ax())
    snaps = history.snapshots(PERF, series)
    points = [c for c in ax.collections if (c.get_gid() or "").startswith("points-")]
    n_points = sum(len(c.get_offsets()) for c in points)
    spans = by_gid(ax, "spans").get("spans", [])
    n_spans = len(spans[0].get_segments()) if spans else 0
    assert n_points + n_spans == len(snaps)
    letters = [t.get_text().split()[0] for t in ax.texts if t.get_gid() == "letter"]
    assert letters == list(snaps["letter"])
    # snapshots are never joined into a line
    assert not [line for line in ax.lines if len(line.get_xdata()) > 2]
    assert ax.get_ylabel() == snaps["unit"].iloc[0]
    assert ax.get_title() == ph.SERIES_LABELS[series]


def test_performance_chart_shows_the_caveats_on_the_figure():
    ae = ph.performance_chart(PERF, "ae_4hr", ax=new_ax())
    hollow = by_gid(ae, "points-month-different")["points-month-different"][0]
    assert len(hollow.get_offsets()) == 1 and hollow.get_offsets()[0, 1] == pytest.approx(49.6)
    assert tuple(hollow.get_facecolors()[0]) == to_rgba("white")
    assert any(t.get_text() == "h (type 1 only)" for t in ae.texts)
    assert "reference-standard" in by_gid(ae) and "reference-points" in by_gid(ae)
    legend = [t.get_text() for t in ae.get_legend().get_texts()]
    assert "hollow: different basis" in legend and "interim threshold" in legend
    rtt = ph.performance_chart(PERF, "rtt_waiting_list", ax=new_ax())
    caption = next(t for t in rtt.texts if t.get_gid() == "caption").get_text().replace("\n", " ")
    assert "counts pathways, not people" in caption
    assert {"break-2007", "break-2009"} <= set(by_gid(rtt))
    spend = ph.performance_chart(PERF, "spending_growth_real", ax=new_ax())
    assert "reference-spans" in by_gid(spend)
    assert any("UK-wide" in t.get_text() for t in spend.texts)


def test_performance_chart_reference_can_be_switched_or_chosen():
    none = ph.performance_chart(PERF, "ae_4hr", ax=new_ax(), reference=None)
    assert not by_gid(none, "reference")
    chosen = ph.performance_chart(PERF, "ae_4hr", ax=new_ax(), reference="ae_4hr_standard", legend=False,
                                  caption=False)
    assert by_gid(chosen, "reference") and chosen.get_legend() is None
    assert not [t for t in chosen.texts if t.get_gid() == "caption"]
    with pytest.raises(ValueError, match="unknown reference"):
        ph.performance_chart(PERF, "ae_4hr", ax=new_ax(), reference="nope")
    with pytest.raises(ValueError, match="unknown series"):
        ph.performance_chart(PERF, "nope", ax=new_ax())


@pytest.mark.parametrize("series", MAIN_SERIES)
def test_performance_figure_puts_the_reforms_of_the_same_years_below(series):
    fig = ph.performance_figure(PERF, series, REFORMS)
    top, bottom = fig.axes
    assert top.get_xlim() == bottom.get_xlim()
    lo, hi = bottom.get_xlim()
    xs = [c.get_offsets()[:, 0] for c in bottom.collections if (c.get_gid() or "").startswith("push")]
    xs = np.concatenate(xs) if xs else np.zeros(0)
    assert ((xs >= lo) & (xs <= hi)).all()
    shown = ph.timeline_reforms(REFORMS, start=lo, end=hi)
    assert set(np.round(xs, 6)) == set(np.round(history.decimal_year(shown["date"]), 6))
    assert fig.texts and fig.texts[0].get_text()  # the shared caveat at the foot


def test_update_performance_figure_equals_a_fresh_one():
    fig = ph.performance_figure(PERF, "ae_4hr", REFORMS, legend=False, caption=False)
    ph.update_performance_figure(fig, PERF, "national_targets", REFORMS, modes="H", legend=False,
                                 caption=False)
    fresh = ph.performance_figure(PERF, "national_targets", REFORMS, modes="H", legend=False, caption=False)
    for a, b in zip(fig.axes, fresh.axes, strict=True):
        assert sorted(by_gid(a)) == sorted(by_gid(b))
        assert a.get_xlim() == b.get_xlim() and a.get_ylim() == b.get_ylim()
        assert [t.get_text() for t in a.texts] == [t.get_text() for t in b.texts]
        assert a.get_legend() is None
    assert not fig.texts


@pytest.mark.parametrize("series", MAIN_SERIES)
def test_performance_description_gives_every_point_its_basis_and_source(series):
    text = ph.describe_performance(PERF, series, reforms=REFORMS)
    snaps = history.snapshots(PERF, series)
    for _, r in snaps.iterrows():
        assert f"({r['letter']}) {r['period']}: {r['value']:g}" in text
        assert r["source"] in text
    for clause in [c for b in snaps["basis"] for c in b.split(";")]:
        assert clause.strip() in text
    assert "Reforms alongside" in text
    assert "not a line" in text


# ----- reform pressure ---------------------------------------------------------------------------
def test_pressure_trajectory_lines_carry_the_pressure_and_the_overlay_is_dashed():
    kit = history.reform_pressure(REFORMS, half_life=10)
    mine = history.reform_pressure(history.recode(REFORMS, "nhs_plan_2000", hierarchy=-2), half_life=10)
    ax = ph.pressure_trajectory(kit, ax=new_ax(), overlay=mine)
    wide, other = history.to_wide(kit), history.to_wide(mine)
    lines = {line.get_gid(): line for line in ax.lines if line.get_gid()}
    for mode in ALL_MODES:
        base = lines[f"pressure-{mode.value}"]
        np.testing.assert_allclose(base.get_ydata(), wide[mode.value])
        assert base.get_marker() == MARKERS[mode] and base.get_color() == PALETTE[mode]
        over = lines[f"overlay-{mode.value}"]
        np.testing.assert_allclose(over.get_ydata(), other[mode.value])
        assert over.get_linestyle() == "--" and over.get_markerfacecolor() == "white"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "kit's coding" in legend and "your coding" in legend


def test_pressure_trajectory_mode_filter_and_description():
    kit = history.reform_pressure(REFORMS)
    ax = ph.pressure_trajectory(kit, ax=new_ax(), modes=["S"])
    assert {line.get_gid() for line in ax.lines if line.get_gid()} == {"pressure-solidarity"}
    mine = history.reform_pressure(history.recode(REFORMS, "health_and_care_act_2022", individualism=0))
    text = ph.describe_pressure(kit, overlay=mine)
    assert "judgement, not a measurement" in text
    assert "individualism +2.0 in 2025 (largest +2.0 in 2022)" in text
    assert "the same as" in ph.describe_pressure(kit, overlay=kit)


@pytest.mark.parametrize("year", [1950, 1992, 2009, 2025])
def test_recode_figure_bars_and_title_match_the_library(year):
    kit = history.reform_pressure(REFORMS, half_life=10)
    mine = history.reform_pressure(history.recode(REFORMS, "health_and_care_act_2022", individualism=0),
                                   half_life=10)
    fig = ph.recode_figure(kit, mine, year=year, reform_year=2022.3)
    scale = float(kit["pressure"].abs().max())
    p_kit = history.pressure_profile(kit, year, scale=scale)
    p_mine = history.pressure_profile(mine, year, scale=scale)
    bars = {p.get_gid(): p for p in fig.axes[1].patches if p.get_gid()}
    for k, mode in enumerate(ALL_MODES):
        assert bars[f"kit-{mode.value}"].get_height() == pytest.approx(p_kit.strengths[k])
        assert bars[f"yours-{mode.value}"].get_height() == pytest.approx(p_mine.strengths[k])
        assert bars[f"kit-{mode.value}"].get_hatch() == bars[f"yours-{mode.value}"].get_hatch()
    assert fig.get_suptitle() == (f"{year}: kit's coding \u2192 {classify(p_kit).name}  |  "
                                  f"yours \u2192 {classify(p_mine).name}")
    desc = ph.describe_recode(kit, mine, year=year)
    assert classify(p_kit).name in desc and classify(p_mine).name in desc


def test_update_recode_figure_equals_a_fresh_figure():
    kit = history.reform_pressure(REFORMS)
    mine = history.reform_pressure(history.recode_many(
        REFORMS, {"working_for_patients_1989": {"I": -2}, "nhs_plan_2000": {"H": -2, "F": 2}}))
    fig = ph.update_recode_figure(ph.recode_figure(kit, kit), kit, mine, year=2001, reform_year=1989.0)
    fresh = ph.recode_figure(kit, mine, year=2001, reform_year=1989.0)
    assert fig.get_suptitle() == fresh.get_suptitle()
    for a, b in zip(fig.axes, fresh.axes, strict=True):
        la = {line.get_gid(): line for line in a.lines if line.get_gid()}
        lb = {line.get_gid(): line for line in b.lines if line.get_gid()}
        assert la.keys() == lb.keys()
        for gid in la:
            np.testing.assert_allclose(la[gid].get_ydata(), lb[gid].get_ydata())
            np.testing.assert_allclose(la[gid].get_xdata(), lb[gid].get_xdata())
        assert a.get_ylim() == b.get_ylim()
        assert [p.get_height() for p in a.patches if p.get_gid()] == pytest.approx(
            [p.get_height() for p in b.patches if p.get_gid()])
    dynamic = ph.recode_dynamic_artists(fig)
    assert len(dynamic) == 20 and fig._suptitle in dynamic


def test_recode_y_limits_are_rounded_so_small_recodings_keep_the_axis():
    kit = history.reform_pressure(REFORMS)
    fig = ph.recode_figure(kit, kit)
    before = fig.axes[0].get_ylim()
    mine = history.reform_pressure(history.recode(REFORMS, "grey_book_1972", solidarity=1))
    ph.update_recode_figure(fig, kit, mine)
    assert fig.axes[0].get_ylim() == before
    assert before[0] % 5 == 0 and before[1] % 5 == 0
    lo, hi = before
    values = kit["pressure"]
    assert lo <= values.min() and hi >= values.max()


# ----- what is drawn equals what is described (issue 11) -----------------------------------------
@pytest.mark.parametrize("filters", [
    {}, {"eras": "internal market"}, {"modes": "I"}, {"modes": ["H", "F"], "direction": "down"},
    {"start": 2022, "end": 2022}, {"start": "1989-01-01", "end": 1995, "direction": "up"},
    {"eras": ["founding", "consensus"], "modes": "S"},
])
def test_timeline_drawn_equals_described(filters):
    ax = ph.reform_timeline(REFORMS, ax=new_ax(), **filters)
    shown = ph.timeline_reforms(REFORMS, **filters)
    text = ph.describe_reform_timeline(REFORMS, **filters)
    n = len(shown)
    assert text.startswith(f"Timeline of {n} NHS reform{'s' if n != 1 else ''} in England")
    drawn = [c.get_offsets()[:, 0] for c in ax.collections if (c.get_gid() or "").startswith("push-")]
    drawn_x = set(np.round(np.concatenate(drawn), 6)) if drawn else set()
    assert drawn_x == set(np.round(history.decimal_year(shown["date"]), 6))
    sel = ph.timeline_selection(REFORMS, **filters)
    assert sel.shown["id"].tolist() == shown["id"].tolist()
    assert ax.get_xlim()[0] <= sel.lo + 1e-9 and ax.get_xlim()[1] >= sel.hi - 1e-9
    # the same selection, whichever way it is asked for
    direction = filters.get("direction", "any")
    modes = filters.get("modes", ["H", "S", "I", "F"])
    same = history.select_reforms(REFORMS, eras=filters.get("eras"), start=filters.get("start"),
                                  end=filters.get("end"), modes=modes, direction=direction)
    assert sorted(same["id"]) == sorted(shown["id"])
    if n <= 20:
        for k, title in enumerate(shown["title"], start=1):
            assert f"{k}. " in text and title in text


def test_start_end_2022_is_the_whole_year_in_both_layers():
    assert len(ph.timeline_reforms(REFORMS, start=2022, end=2022)) == len(
        history.filter_reforms(REFORMS, start=2022, end=2022)) == 4


def test_timeline_from_another_coding():
    theirs = REFORMS[["id"]].assign(push_hierarchy=0, push_solidarity=0, push_individualism=0,
                                    push_fatalism=0)
    theirs.loc[theirs["id"] == "nhs_act_1946", "push_fatalism"] = 2
    assert ph.timeline_reforms(REFORMS, coding=theirs)["id"].tolist() == ["nhs_act_1946"]
    text = ph.describe_reform_timeline(REFORMS, coding=theirs)
    assert text.startswith("Timeline of 1 NHS reform") and "kit's judgements" not in text


def test_timeline_legend_explains_the_year_only_bars_it_draws():
    ax = ph.reform_timeline(REFORMS, ax=new_ax())
    assert by_gid(ax, "year-only-")  # the kit's data has dates known to the year only
    bars = [h for h in ax.get_legend().legend_handles
            if h.get_label().startswith("bar along the line") and h.get_linewidth() >= 3]
    assert len(bars) == 1
    assert "known to the year only" in ph.describe_reform_timeline(REFORMS)
    exact = REFORMS[REFORMS["date_precision"] != "year"]
    ax = ph.reform_timeline(exact, ax=new_ax())
    assert not any(h.get_label().startswith("bar along") for h in ax.get_legend().legend_handles)
    assert "known to the year only" not in ph.describe_reform_timeline(exact)


def test_the_recoder_tells_your_coding_from_the_kits_by_more_than_colour_and_names_a_faded_sum():
    """Student review (issue 19, finding 13): "your coding" looked like the kit's lines, and the y axis
    said "sum" though the pushes fade."""
    from matplotlib.colors import to_rgba

    from coordkit import history
    from coordkit.plots.history.pressure import recode_figure

    reforms = history.load_reforms()
    kit = history.reform_pressure(reforms, half_life=10)
    mine = history.reform_pressure(history.recode(reforms, "health_social_care_act_2012", individualism=0),
                                   half_life=10)
    ax = recode_figure(kit, mine).axes[0]
    handles = {h.get_label().split(":")[0]: h for h in ax.get_legend().legend_handles}
    ours, yours = handles["kit's coding"], handles["your coding"]
    assert ours.get_linestyle() != yours.get_linestyle()
    assert ours.get_marker() not in ("None", "", None) and yours.get_marker() not in ("None", "", None)
    assert to_rgba(ours.get_markerfacecolor()) != to_rgba("white") == to_rgba(yours.get_markerfacecolor())
    lines = {line.get_gid(): line for line in ax.lines}
    kit_at = set(lines["pressure-hierarchy"].get_markevery())
    yours_at = set(lines["overlay-hierarchy"].get_markevery())
    assert kit_at and yours_at and not kit_at & yours_at  # hollow markers never sit on the kit's
    assert "faded sum" in ax.get_ylabel() and "half-life 10 years" in ax.get_ylabel()
    plain = history.reform_pressure(reforms)
    assert "faded" not in recode_figure(plain, plain).axes[0].get_ylabel()
