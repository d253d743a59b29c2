"""coordkit.history: loading, filtering, recoding, the reform-pressure rule (property tests), and
reading dates, codings and performance periods."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coordkit import history as h
from coordkit.modes import ALL_MODES, Mode
from coordkit.profile import Profile

PUSHES = list(h.PUSH_COLUMNS.values())
REFORMS = h.load_reforms()
PERF = h.load_performance()
SERIES = sorted(set(PERF["series"]))


# ----- strategies ------------------------------------------------------------------------------
@st.composite
def reform_frames(draw, min_size: int = 0, max_size: int = 12) -> pd.DataFrame:
    """Small random reform frames with the columns the pressure functions need."""
    n = draw(st.integers(min_size, max_size))
    years = draw(st.lists(st.integers(h.FIRST_YEAR, h.LAST_YEAR), min_size=n, max_size=n))
    months = draw(st.lists(st.integers(1, 12), min_size=n, max_size=n))
    pushes = draw(st.lists(st.lists(st.integers(h.MIN_PUSH, h.MAX_PUSH), min_size=4, max_size=4),
                           min_size=n, max_size=n))
    frame = pd.DataFrame({
        "id": [f"r{i}" for i in range(n)],
        "date": pd.to_datetime([f"{y}-{m:02d}-01" for y, m in zip(years, months, strict=True)]),
    })
    for j, column in enumerate(PUSHES):
        frame[column] = np.array([p[j] for p in pushes], dtype="int64")
    return frame


half_lives = st.one_of(st.none(), st.floats(0.5, 50))


def pressure_array(frame: pd.DataFrame, half_life=None) -> np.ndarray:
    return h.reform_pressure(frame, half_life=half_life)["pressure"].to_numpy()


# ----- the pressure rule -----------------------------------------------------------------------
@given(reform_frames(), reform_frames(), half_lives)
def test_pressure_is_additive_over_reforms(a, b, half_life):
    both = pd.concat([a, b], ignore_index=True)
    np.testing.assert_allclose(pressure_array(both, half_life),
                               pressure_array(a, half_life) + pressure_array(b, half_life), atol=1e-9)


@given(reform_frames(min_size=1), half_lives, st.data())
def test_zeroing_a_reform_removes_exactly_its_contribution(frame, half_life, data):
    i = data.draw(st.integers(0, len(frame) - 1))
    reform_id = frame["id"].iloc[i]
    zeroed = h.recode(frame, reform_id, hierarchy=0, solidarity=0, individualism=0, fatalism=0)
    alone = frame.iloc[[i]]
    np.testing.assert_allclose(pressure_array(frame, half_life) - pressure_array(zeroed, half_life),
                               pressure_array(alone, half_life), atol=1e-9)


@given(reform_frames(min_size=1, max_size=1), st.floats(0.5, 50))
def test_decay_never_flips_a_reforms_sign_and_only_shrinks_it(frame, half_life):
    kept = h.to_wide(h.reform_pressure(frame))
    faded = h.to_wide(h.reform_pressure(frame, half_life=half_life))
    year = frame["date"].dt.year.iloc[0]
    for mode in ALL_MODES:
        push = frame[h.PUSH_COLUMNS[mode]].iloc[0]
        column = faded[mode.value]
        assert (np.sign(column[column.index >= year]) == np.sign(push)).all()
        assert (column[column.index < year] == 0).all()
        assert (column.abs() <= kept[mode.value].abs() + 1e-12).all()


@given(reform_frames(min_size=1, max_size=1), st.floats(0.5, 20), st.floats(0.5, 20))
def test_longer_half_life_keeps_more(frame, a, b):
    short, long_ = sorted((a, b))
    p_short = np.abs(pressure_array(frame, short))
    p_long = np.abs(pressure_array(frame, long_))
    assert (p_long >= p_short - 1e-12).all()


@given(reform_frames(), st.integers(-3, 3))
def test_pressure_is_linear_in_the_codings(frame, k):
    scaled = frame.copy()
    scaled[PUSHES] = scaled[PUSHES] * k
    np.testing.assert_allclose(pressure_array(scaled, 7.0), k * pressure_array(frame, 7.0), atol=1e-9)


@given(reform_frames())
def test_without_decay_the_last_year_sums_every_push(frame):
    wide = h.to_wide(h.reform_pressure(frame))
    for mode in ALL_MODES:
        assert wide.loc[h.LAST_YEAR, mode.value] == frame[h.PUSH_COLUMNS[mode]].sum()
        assert wide.loc[h.FIRST_YEAR, mode.value] == frame.loc[
            frame["date"].dt.year == h.FIRST_YEAR, h.PUSH_COLUMNS[mode]].sum()


@given(reform_frames(), half_lives)
def test_pressure_frame_shape(frame, half_life):
    p = h.reform_pressure(frame, start=1990, end=1999, half_life=half_life)
    assert list(p.columns) == ["year", "mode", "pressure"]
    assert len(p) == 10 * 4
    assert p["year"].tolist() == [y for y in range(1990, 2000) for _ in ALL_MODES]
    assert p["mode"].tolist()[:4] == [m.value for m in ALL_MODES]
    assert np.isfinite(p["pressure"]).all()


def test_empty_frame_gives_zero_pressure():
    empty = REFORMS.iloc[0:0]
    assert (h.reform_pressure(empty)["pressure"] == 0).all()


@pytest.mark.parametrize("kwargs, error", [
    ({"half_life": 0}, ValueError), ({"half_life": -1.0}, ValueError),
    ({"half_life": float("nan")}, ValueError), ({"half_life": "ten"}, TypeError),
    ({"start": 2000, "end": 1999}, ValueError), ({"start": 1990.5}, TypeError),
])
def test_pressure_rejects_bad_arguments(kwargs, error):
    with pytest.raises(error):
        h.reform_pressure(REFORMS, **kwargs)


def test_pressure_rejects_bad_frames():
    with pytest.raises(ValueError, match="lacks column"):
        h.reform_pressure(REFORMS.drop(columns="push_fatalism"))
    broken = REFORMS.astype({"push_hierarchy": float})
    broken.loc[0, "push_hierarchy"] = np.nan
    with pytest.raises(ValueError, match="finite"):
        h.reform_pressure(broken)


# ----- comparing and profiles ------------------------------------------------------------------
@given(reform_frames(min_size=1), st.data(), half_lives)
def test_compare_pressure_is_alternative_minus_baseline(frame, data, half_life):
    reform_id = data.draw(st.sampled_from(list(frame["id"])))
    value = data.draw(st.integers(-2, 2))
    alt = h.recode(frame, reform_id, solidarity=value)
    diff = h.compare_pressure(frame, alt, half_life=half_life)
    np.testing.assert_allclose(diff["difference"], diff["alternative"] - diff["baseline"])
    assert (diff.loc[diff["mode"] != "solidarity", "difference"].abs() < 1e-12).all()
    same = h.compare_pressure(frame, frame, half_life=half_life)
    assert (same["difference"] == 0).all()


@given(reform_frames(), st.integers(h.FIRST_YEAR, h.LAST_YEAR), half_lives)
def test_pressure_profile_is_a_valid_profile(frame, year, half_life):
    profile = h.pressure_profile(h.reform_pressure(frame, half_life=half_life), year)
    assert isinstance(profile, Profile)
    assert all(0 <= s <= 1 for s in profile.strengths)
    assert profile.malign == (0.0, 0.0, 0.0)


def test_pressure_profile_scale_and_errors():
    pressure = h.reform_pressure(REFORMS)
    top = pressure.loc[pressure["pressure"].abs().idxmax()]
    strongest = h.pressure_profile(pressure, int(top["year"]))
    if top["pressure"] > 0:
        assert strongest.strength_of(top["mode"]) == 1.0
    assert h.pressure_profile(pressure, 1950, scale=1000).hierarchy < 0.01
    with pytest.raises(ValueError, match="not in the pressure frame"):
        h.pressure_profile(pressure, 1900)
    with pytest.raises(ValueError, match="positive"):
        h.pressure_profile(pressure, 1950, scale=0)


# ----- recoding --------------------------------------------------------------------------------
@given(st.sampled_from(list(REFORMS["id"])), st.sampled_from(ALL_MODES), st.integers(-2, 2))
def test_recode_changes_one_cell_and_never_mutates(reform_id, mode, value):
    before = REFORMS.copy(deep=True)
    out = h.recode(REFORMS, reform_id, **{mode.value: value})
    pd.testing.assert_frame_equal(REFORMS, before)
    changed = out.compare(REFORMS)
    row = out.index[out["id"] == reform_id][0]
    assert out.loc[row, h.PUSH_COLUMNS[mode]] == value
    assert set(changed.index) <= {row}
    assert out[PUSHES].dtypes.tolist() == REFORMS[PUSHES].dtypes.tolist()


def test_recode_errors_are_helpful():
    with pytest.raises(ValueError, match="did you mean 'nhs_act_1946'"):
        h.recode(REFORMS, "nhs_act_1964", hierarchy=1)
    with pytest.raises(ValueError, match="from -2 to 2"):
        h.recode(REFORMS, "nhs_act_1946", hierarchy=3)
    with pytest.raises(TypeError, match="whole number"):
        h.recode(REFORMS, "nhs_act_1946", hierarchy=1.5)
    with pytest.raises(TypeError, match="whole number"):
        h.recode(REFORMS, "nhs_act_1946", hierarchy=True)
    with pytest.raises(ValueError, match="nothing to recode"):
        h.recode(REFORMS, "nhs_act_1946")


def test_recode_many_and_rationale():
    codings = {"nhs_act_1946": {"F": 0, Mode.SOLIDARITY: 1}, "keogh_review_2013": {"fatalism": 1}}
    out = h.recode_many(REFORMS, codings, rationale="my reading")
    by_id = out.set_index("id")
    assert by_id.loc["nhs_act_1946", "push_fatalism"] == 0
    assert by_id.loc["nhs_act_1946", "push_solidarity"] == 1
    assert by_id.loc["keogh_review_2013", "push_fatalism"] == 1
    assert by_id.loc["keogh_review_2013", "coding_rationale"] == "Recoded: my reading"
    assert out.attrs["sidecar"]["title"] == REFORMS.attrs["sidecar"]["title"]


# ----- loading and filtering -------------------------------------------------------------------
def test_loaded_reforms_are_sorted_and_typed():
    assert REFORMS["date"].is_monotonic_increasing
    assert all(str(REFORMS[c].dtype) == "int64" for c in PUSHES)
    assert REFORMS.attrs["sidecar"]["schema"]["columns"][0]["name"] == "id"


def test_eras_cover_the_years_without_gaps():
    years = [y for era in h.ERAS for y in range(era.first_year, era.last_year + 1)]
    assert years == list(range(h.FIRST_YEAR, h.LAST_YEAR + 1))
    assert h.era_of(1948) == "founding" and h.era_of(2025) == "post-2022"
    with pytest.raises(ValueError):
        h.era_of(1945)


def test_filter_by_era_kind_and_dates():
    acts = h.filter_reforms(REFORMS, kinds="act")
    assert set(acts["kind"]) == {"act"} and len(acts) >= 5
    nl = h.filter_reforms(REFORMS, eras=["new labour"])
    assert nl["date"].dt.year.between(1997, 2009).all()
    window = h.filter_reforms(REFORMS, start="1989-01-01", end=1990)
    assert window["id"].tolist() == ["working_for_patients_1989", "nhs_community_care_act_1990"]
    assert len(h.filter_reforms(REFORMS, eras=h.ERA_LABELS)) == len(REFORMS)


@pytest.mark.parametrize("direction, test", [("up", lambda s: s > 0), ("down", lambda s: s < 0),
                                             ("any", lambda s: s != 0)])
@pytest.mark.parametrize("mode", list(ALL_MODES))
def test_filter_by_mode_pushed(mode, direction, test):
    out = h.filter_reforms(REFORMS, mode=mode, direction=direction)
    column = h.PUSH_COLUMNS[mode]
    assert test(out[column]).all()
    assert len(out) == int(test(REFORMS[column]).sum())


def test_filter_does_not_mutate_and_rejects_nonsense():
    before = REFORMS.copy(deep=True)
    h.filter_reforms(REFORMS, eras="competition", mode="H", direction="down")
    pd.testing.assert_frame_equal(REFORMS, before)
    with pytest.raises(ValueError, match="known eras"):
        h.filter_reforms(REFORMS, eras="thatcher")
    with pytest.raises(ValueError, match="kinds in the data"):
        h.filter_reforms(REFORMS, kinds="law")
    with pytest.raises(ValueError, match="after end"):
        h.filter_reforms(REFORMS, start=2000, end=1990)
    with pytest.raises(ValueError, match="direction"):
        h.filter_reforms(REFORMS, mode="H", direction="sideways")
    with pytest.raises(ValueError, match="not a mode"):
        h.filter_reforms(REFORMS, mode="X")


def test_performance_series():
    perf = h.load_performance()
    rtt = h.performance_series(perf, "rtt_waiting_list")
    assert rtt["period_start"].is_monotonic_increasing
    assert set(rtt["series"]) == {"rtt_waiting_list"}
    with pytest.raises(ValueError, match="available: ae_4hr"):
        h.performance_series(perf, "a&e")


def test_pressure_rule_is_labelled_a_judgement():
    assert "judgement" in h.PRESSURE_RULE
    assert "judgement" in (h.reform_pressure.__doc__ or "")


# ----- reading dates, codings and performance periods ---------------------------------------------
def test_decimal_year_is_monotone_and_exact_at_new_year():
    x = h.decimal_year(REFORMS["date"])
    assert np.all(np.diff(x) >= 0)
    assert np.all((x >= REFORMS["date"].dt.year) & (x < REFORMS["date"].dt.year + 1))
    assert h.decimal_year(pd.Series(dtype="datetime64[ns]")).shape == (0,)


@pytest.mark.parametrize("precision, expected",
                         [("day", "9 Dec 1997"), ("month", "Dec 1997"), ("year", "1997")])
def test_date_label_never_claims_more_precision_than_known(precision, expected):
    assert h.date_label(pd.Timestamp("1997-12-09"), precision) == expected


def test_date_label_rejects_unknown_precision():
    with pytest.raises(ValueError, match="precision"):
        h.date_label(pd.Timestamp("1997-12-09"), "week")


def test_every_reform_date_label_matches_its_precision():
    for _, r in REFORMS.iterrows():
        label = h.date_label(r["date"], r["date_precision"])
        assert label.endswith(str(r["date"].year))
        assert len(label.split()) == {"day": 3, "month": 2, "year": 1}[r["date_precision"]]


def test_push_label_lists_only_nonzero_pushes_in_mode_order():
    row = REFORMS.set_index("id").loc["griffiths_inquiry_1983"]
    assert h.push_label(row) == "H +2, S -1, I +1"


@pytest.mark.parametrize("period", sorted(set(PERF["period"])))
def test_every_period_in_the_data_parses_and_matches_period_start(period):
    snap = h.period_span(period)
    starts = PERF.loc[PERF["period"] == period, "period_start"]
    expected = h.decimal_year(starts).min()
    assert snap.start == pytest.approx(expected, abs=0.01)
    assert np.isnan(snap.end) == (snap.kind == "from")
    if snap.kind != "from":
        assert snap.end > snap.start and snap.start <= snap.middle <= snap.end


@pytest.mark.parametrize("period, kind, length", [
    ("2019-12", "month", 1 / 12), ("2013-01/2013-03", "quarter", 0.25), ("2013-01/2013-06", "months", 0.5),
    ("2022/23", "financial year", 1.0), ("2009/10-2014/15", "span", 6.0), ("2023", "year", 1.0),
])
def test_period_kinds_and_lengths(period, kind, length):
    snap = h.period_span(period)
    assert snap.kind == kind
    assert snap.end - snap.start == pytest.approx(length)


@pytest.mark.parametrize("bad", ["", "Q1 2020", "2020-13-01", "from", "20/21"])
def test_period_span_rejects_unknown_formats(bad):
    with pytest.raises(ValueError, match="not a month"):
        h.period_span(bad)


def test_common_basis_splits_clauses():
    common, rest = h.common_basis(["a; b; c", "a; c", "c; a; d"])
    assert common == "a; c"
    assert rest == ["b", "", "d"]
    assert h.common_basis(["only one; row"]) == ("", ["only one; row"])


def test_basis_tags_and_breaks_on_the_data():
    rtt = PERF[PERF["series"] == "rtt_waiting_list"]
    assert h.basis_breaks(rtt["basis"]) == [2007, 2009]
    staff = PERF[PERF["series"].str.startswith("staff_survey")]
    assert h.basis_breaks(staff["basis"]) == [2021]
    assert h.basis_breaks(PERF.loc[PERF["series"] == "ae_4hr", "basis"]) == []
    settlement = PERF[PERF["series"] == "spending_settlement_real"]
    assert all("planned, not outturn" in h.basis_tags(b) for b in settlement["basis"])
    interim = PERF[(PERF["series"] == "ae_4hr_standard") & (PERF["value"] < 90)]
    assert all("interim threshold" in h.basis_tags(b) for b in interim["basis"])


@pytest.mark.parametrize("series", SERIES)
def test_snapshots_letter_every_row_once_and_keep_the_source(series):
    snaps = h.snapshots(PERF, series)
    assert len(snaps) == (PERF["series"] == series).sum()
    assert list(snaps["letter"]) == [chr(ord("a") + k) for k in range(len(snaps))]
    assert snaps["source"].str.startswith("http").all()
    assert snaps["start"].is_monotonic_increasing  # lettered in order of the start of each period


def test_snapshots_rejects_an_unknown_series():
    with pytest.raises(ValueError, match="available"):
        h.snapshots(PERF, "bed_occupancy")


@given(reform_frames(), half_lives, st.randoms(use_true_random=False))
def test_to_wide_reshape_matches_a_pivot_in_any_row_order(frame, half_life, rnd):
    tidy = h.reform_pressure(frame, start=1990, end=2000, half_life=half_life)
    pivoted = tidy.pivot(index="year", columns="mode", values="pressure")[[m.value for m in ALL_MODES]]
    pivoted.columns.name = None
    pd.testing.assert_frame_equal(h.to_wide(tidy), pivoted)  # the fast path
    order = list(range(len(tidy)))
    rnd.shuffle(order)
    pd.testing.assert_frame_equal(h.to_wide(tidy.iloc[order]), pivoted)  # the pivot


# ----- one selection (issue 11) -----------------------------------------------------------------
def test_select_reforms_whole_years_are_inclusive():
    in_2022 = h.select_reforms(REFORMS, start=2022, end=2022)
    assert len(in_2022) == int((REFORMS["date"].dt.year == 2022).sum()) > 0
    assert (in_2022["date"].dt.year == 2022).all()
    assert len(h.filter_reforms(REFORMS, start=2022, end=2022)) == len(in_2022)
    day = h.select_reforms(REFORMS, start="2022-04-28", end="2022-04-28")
    assert day["id"].tolist() == ["health_and_care_act_2022"]
    instant = h.select_reforms(REFORMS, start=2022.0, end=2022.0)  # a float is a point in time
    assert len(instant) == 0


@pytest.mark.parametrize("direction", ["up", "down", "any"])
def test_select_reforms_modes_mean_at_least_one_in_the_direction(direction):
    test = {"up": lambda v: v > 0, "down": lambda v: v < 0, "any": lambda v: v != 0}[direction]
    out = h.select_reforms(REFORMS, modes=["H", "I"], direction=direction)
    either = test(REFORMS["push_hierarchy"]) | test(REFORMS["push_individualism"])
    assert out["id"].tolist() == REFORMS.loc[either, "id"].tolist()
    # filter_reforms keeps its documented default of "up" for a single mode
    assert len(h.filter_reforms(REFORMS, mode="I")) == int((REFORMS["push_individualism"] > 0).sum())
    up = h.select_reforms(REFORMS, modes="I", direction="up")
    assert len(up) == len(h.filter_reforms(REFORMS, mode="I"))
    assert len(h.select_reforms(REFORMS)) == len(REFORMS)  # no modes: no mode condition


def test_select_reforms_with_another_coding():
    theirs = pd.DataFrame({"id": ["nhs_act_1946", "francis_report_2013"], "push_individualism": [2, np.nan]})
    out = h.select_reforms(REFORMS, modes="I", direction="up", coding=theirs)
    assert "nhs_act_1946" in set(out["id"])
    assert "nhs_act_1946" not in set(h.select_reforms(REFORMS, modes="I", direction="up")["id"])
    francis = h.apply_coding(REFORMS, theirs).set_index("id").loc["francis_report_2013"]
    assert int(francis["push_individualism"]) == int(REFORMS.set_index("id").loc["francis_report_2013",
                                                                                  "push_individualism"])
    with pytest.raises(ValueError, match="not in the reforms"):
        h.select_reforms(REFORMS, coding=pd.DataFrame({"id": ["nope"], "push_hierarchy": [1]}))
    with pytest.raises(ValueError, match="from -2 to 2"):
        h.apply_coding(REFORMS, pd.DataFrame({"id": ["nhs_act_1946"], "push_hierarchy": [3]}))


def test_one_pressure_scale_rule():
    zero = REFORMS.assign(**{c: 0 for c in h.PUSH_COLUMNS.values()})
    flat = h.reform_pressure(zero)
    assert h.pressure_scale(flat) == 1.0
    assert h.pressure_profile(flat, 2025).strengths == (0.0, 0.0, 0.0, 0.0)
    kit = h.reform_pressure(REFORMS, half_life=10)
    assert h.pressure_scale(kit) == float(kit["pressure"].abs().max())
    assert h.pressure_profile(kit, 2025) == h.pressure_profile(kit, 2025, scale=h.pressure_scale(kit))


def test_the_doctrines_table_says_in_words_what_wording_confirmed_means():
    """Student review (issue 19, finding 14): a bare True/False `wording_confirmed` read as
    "did Hood say it?"."""
    from coordkit import data
    from coordkit.history import WORDING_CHECKED, doctrine_table

    table = doctrine_table()
    assert "wording_confirmed" not in table.columns and "Hood (1991)" in WORDING_CHECKED
    raw = data.load("hood_npm_doctrines")
    assert (table[WORDING_CHECKED] == "quoted").tolist() == raw["wording_confirmed"].tolist()
    assert set(table[WORDING_CHECKED]) == {"quoted", "short name only"}


def test_the_doctrines_table_shows_one_numbering_and_chapter_3_explains_short_name_only():
    """Student re-review (issue 19, finding 7): chapter 3's table showed pandas's index 0-6 beside a number
    column 1-7, and "short name only" was unexplained. The table is indexed by Hood's number alone, and the
    sentence under it says what the value means (only the name was checked, in summaries of Hood)."""
    import json
    import re
    from pathlib import Path

    from coordkit.history import WORDING_CHECKED, doctrine_table

    table = doctrine_table()
    assert table.index.name == "number" and table.index.tolist() == list(range(1, 8))
    assert "number" not in table.columns
    nb = json.loads((Path(__file__).parents[1] / "notebooks" / "03_npm_history.ipynb").read_text("utf-8"))
    cells = nb["cells"]
    k = next(i for i, c in enumerate(cells) if "history.doctrine_table()" in "".join(c["source"]))
    stored = "".join(next(o["data"]["text/html"] for o in cells[k]["outputs"]
                          if "text/html" in o.get("data", {})))
    row_heads = re.findall(r"<tr>\s*<th>(\d+)</th>", stored)
    assert row_heads == [str(n) for n in range(1, 8)], row_heads  # 1 to 7 only, no 0 to 6 beside them
    assert "<th>number</th>" in stored and stored.count(">1<") == 1
    under = " ".join("".join(cells[k + 1]["source"]).split())
    assert "short name only" in set(table[WORDING_CHECKED])
    assert "*Short name only* (last column): only its name was checked, in summaries of Hood." in under
