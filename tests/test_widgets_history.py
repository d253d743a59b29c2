"""Drive the history widgets as a learner would, every control over its whole range.

ipywidgets swallows exceptions raised inside callbacks, so only direct tests like these see them."""

from __future__ import annotations

import io
import json
import math
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from coordkit import history
from coordkit.configuration import classify
from coordkit.html import escape as _escape  # the kit's one escaping rule (markupsafe)
from coordkit.modes import ALL_MODES
from coordkit.plots import history as ph
from coordkit.plots import to_png
from coordkit.widgets.history import (
    DEFAULT_RECODE_REFORM,
    HALF_LIVES,
    PerformanceViewer,
    RecodeExplorer,
    TimelineExplorer,
)

PNG = b"\x89PNG\r\n\x1a\n"
REFORMS = history.load_reforms()


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(bytes(png))).convert("RGB"), dtype=float)


# ----- timeline explorer -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def timeline():
    return TimelineExplorer()


def check_timeline(t: TimelineExplorer) -> None:
    eras, modes, direction = list(t.eras.value), t.modes, t.direction.value
    expected = ph.timeline_reforms(REFORMS, eras=eras, modes=modes, direction=direction)
    assert list(t.shown["id"]) == list(expected["id"])
    assert t.description == ph.describe_reform_timeline(REFORMS, eras=eras, modes=modes, direction=direction)
    n = len(expected)
    assert f"{n} reform{'s' if n != 1 else ''} shown" in t.summary.value
    for title in expected["title"]:
        assert str(_escape(title)) in t.listing.value
    assert t.png[:8] == PNG  # the figure is an <img alt> now (Explorer base); its PNG is .png
    assert math.isfinite(t.last_update_seconds) and t.last_update_seconds >= 0


def test_timeline_starts_with_everything(timeline):
    assert timeline.eras.value == history.ERA_LABELS
    assert timeline.modes == [m.value for m in ALL_MODES]
    assert len(timeline.shown) == len(REFORMS)
    check_timeline(timeline)


@pytest.mark.parametrize("era", history.ERA_LABELS)
def test_every_era_alone_and_with_the_next(timeline, era):
    before = timeline.image.value
    timeline.eras.value = (era,)
    check_timeline(timeline)
    assert set(timeline.shown["era"]) <= {era}
    assert timeline.image.value != before
    k = history.ERA_LABELS.index(era)
    timeline.eras.value = history.ERA_LABELS[k: k + 2]
    check_timeline(timeline)
    timeline.eras.value = history.ERA_LABELS


def test_no_era_chosen_is_handled(timeline):
    timeline.eras.value = ()
    check_timeline(timeline)
    assert "Choose at least one era" in timeline.summary.value
    assert "No reforms match" in timeline.listing.value
    timeline.eras.value = history.ERA_LABELS


@pytest.mark.parametrize("mode", [m.value for m in ALL_MODES])
@pytest.mark.parametrize("direction", ["any", "up", "down"])
def test_every_mode_box_and_direction(timeline, mode, direction):
    timeline.direction.value = direction
    check_timeline(timeline)
    before = timeline.image.value
    timeline.mode_boxes[mode].value = False
    check_timeline(timeline)
    assert mode not in timeline.modes
    assert timeline.image.value != before
    for other in timeline.mode_boxes.values():  # only this mode
        other.value = False
    timeline.mode_boxes[mode].value = True
    check_timeline(timeline)
    column = history.PUSH_COLUMNS[history.parse_mode(mode)]
    w = timeline.shown[column]
    assert {"any": w != 0, "up": w > 0, "down": w < 0}[direction].all()
    for box in timeline.mode_boxes.values():
        box.value = True
    timeline.direction.value = "any"


def test_no_mode_chosen_is_handled(timeline):
    for box in timeline.mode_boxes.values():
        box.value = False
    check_timeline(timeline)
    assert len(timeline.shown) == 0 and "Choose at least one era and one mode" in timeline.summary.value
    for box in timeline.mode_boxes.values():
        box.value = True


def test_timeline_returns_to_a_state_from_its_cache(timeline):
    timeline.eras.value = ("founding",)
    first = timeline.image.value
    timeline.eras.value = history.ERA_LABELS
    timeline.eras.value = ("founding",)
    assert timeline.cached and timeline.image.value == first
    timeline.eras.value = history.ERA_LABELS


def test_timeline_can_start_anywhere():
    t = TimelineExplorer(eras=["internal market", "new labour"], modes=["individualism"], direction="up")
    assert t.eras.value == ("internal market", "new labour") and t.modes == ["individualism"]
    check_timeline(t)
    assert (t.shown["push_individualism"] > 0).all()


def test_timeline_controls_are_labelled(timeline):
    assert timeline.eras.description == "Eras" and timeline.eras.tooltip
    assert timeline.direction.description and timeline.direction.tooltip
    for mode in ALL_MODES:
        box = timeline.mode_boxes[mode.value]
        assert box.description == mode.label and box.tooltip


# ----- performance viewer ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def viewer():
    return PerformanceViewer()


def test_viewer_offers_every_series_but_the_references(viewer):
    offered = {value for _, value in viewer.series.options}
    present = set(history.load_performance()["series"])
    assert offered == present - set(ph.REFERENCE_SERIES.values())
    assert viewer.series.value == "ae_4hr"


@pytest.mark.parametrize("series", ["ae_4hr", "rtt_waiting_list", "spending_growth_real", "national_targets",
                                    "staff_survey_recommend_work", "staff_survey_enough_staff"])
@pytest.mark.parametrize("reference", [True, False])
def test_every_series_with_and_without_its_reference(viewer, series, reference):
    before = viewer.image.value
    viewer.show_reference.value = reference
    viewer.series.value = series
    assert viewer.png[:8] == PNG  # the figure is an <img alt> now (Explorer base); its PNG is .png
    snaps = history.snapshots(viewer.performance, series)
    assert list(viewer.snapshots["letter"]) == list(snaps["letter"])
    for _, r in snaps.iterrows():
        assert r["source"] in viewer.basis.value
        assert f">{r['letter']}<" in viewer.basis.value
    common = snaps.attrs["common_basis"]
    if common:
        assert "Basis of every point" in viewer.summary.value
    else:
        assert "Each point has its own basis" in viewer.summary.value
    assert viewer.show_reference.disabled == (series not in ph.REFERENCE_SERIES)
    ref = "auto" if reference else None
    assert viewer.description == ph.describe_performance(viewer.performance, series, reforms=viewer.reforms,
                                                         reference=ref)
    if series != "ae_4hr" or not reference:
        assert viewer.image.value != before or viewer.cached
    viewer.show_reference.value = True


@pytest.mark.parametrize("mode", ["any", *[m.value for m in ALL_MODES]])
def test_every_reform_filter_below_the_series(viewer, mode):
    viewer.series.value = "rtt_waiting_list"
    before = viewer.image.value
    viewer.reform_mode.value = mode
    modes = None if mode == "any" else mode
    assert viewer.description == ph.describe_performance(viewer.performance, "rtt_waiting_list",
                                                         reforms=viewer.reforms, modes=modes)
    if mode != "any":
        assert viewer.image.value != before
    viewer.reform_mode.value = "any"


def test_viewer_flags_points_on_a_different_basis(viewer):
    viewer.series.value = "ae_4hr"
    assert "Not comparable with their neighbours" in viewer.summary.value
    assert "type 1 only" in viewer.summary.value
    viewer.series.value = "staff_survey_enough_staff"
    assert "realigned to the NHS People Promise in 2021" in viewer.summary.value


def test_viewer_controls_are_labelled(viewer):
    for control in (viewer.series, viewer.show_reference, viewer.reform_mode):
        assert control.description and control.tooltip


# ----- recode it yourself ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def recoder():
    return RecodeExplorer()


def expected_state(r: RecodeExplorer):
    half_life, year = r.half_life.value, r.year.value
    alt = history.recode_many(REFORMS, r.codings) if r.codings else REFORMS
    kit = history.reform_pressure(REFORMS, half_life=half_life)
    mine = history.reform_pressure(alt, half_life=half_life)
    scale = float(kit["pressure"].abs().max())
    return history.pressure_profile(kit, year, scale=scale), history.pressure_profile(mine, year, scale=scale)


def check_recoder(r: RecodeExplorer) -> None:
    kit, mine = expected_state(r)
    assert r.kit_profile == kit and r.your_profile == mine
    assert r.kit_configuration == classify(kit) and r.your_configuration == classify(mine)
    assert f"Your coding in {r.year.value}: {r.your_configuration.name}" in r.summary.value
    assert f"Kit's coding in {r.year.value}: {r.kit_configuration.name}" in r.summary.value
    assert all(0 <= s <= 1 for s in (*kit.strengths, *mine.strengths))
    assert np.isfinite(r.difference[["baseline", "alternative", "difference"]].to_numpy()).all()
    assert r._figure.get_suptitle().endswith(f"yours \u2192 {r.your_configuration.name}")
    assert r.png[:8] == PNG  # the figure is an <img alt> now (Explorer base); its PNG is .png
    assert math.isfinite(r.last_update_seconds)
    # the sliders show the coding in force for the chosen reform
    coding = {**r.kit_coding(r.reform.value), **r.codings.get(r.reform.value, {})}
    assert {name: s.value for name, s in r.sliders.items()} == coding


def test_recoder_starts_on_the_kits_coding(recoder):
    assert recoder.reform.value == DEFAULT_RECODE_REFORM
    assert recoder.codings == {}
    assert recoder.your_configuration == recoder.kit_configuration
    assert "Your recodings (0): none yet" in recoder.summary.value
    check_recoder(recoder)


def test_the_browser_tests_move_changes_the_configuration():
    """The notebook's metadata promises this change to the browser test.

    With the reforms added in issue 17 the kit's 2025 reading is 'balanced', so the notebook now
    opens the recoder on the 2012 Act, where taking out its market push tips 2025 into a weak
    individualism deficit; the promise is read from the notebook so the two cannot drift apart.
    """
    notebook = json.loads((Path(__file__).parents[1] / "notebooks" / "03_npm_history.ipynb").read_text())
    promise = notebook["metadata"]["coordkit"]["browser"]
    recoder = RecodeExplorer(reform="health_social_care_act_2012")
    assert promise["before"] == "Your coding in 2025: balanced"
    assert promise["before"] in recoder.summary.value
    recoder.sliders[promise["slider"].lower()].value = int(promise["value"])
    assert promise["after"] in recoder.summary.value
    assert "Your coding in 2025: deficit culture: weak individualism" in recoder.summary.value
    assert "individualism -0.8" in recoder.summary.value


@pytest.mark.parametrize("mode", [m.value for m in ALL_MODES])
@pytest.mark.parametrize("reform_id", [DEFAULT_RECODE_REFORM, "nhs_act_1946", "payment_by_results_2002"])
def test_every_slider_over_its_whole_range(recoder, mode, reform_id):
    recoder.reform.value = reform_id
    slider = recoder.sliders[mode]
    kit_value = recoder.kit_coding(reform_id)[mode]
    for value in range(slider.min, slider.max + 1):
        before_image, before_text = recoder.image.value, recoder.summary.value
        moved = slider.value != value
        slider.value = value
        check_recoder(recoder)
        recorded = recoder.codings.get(reform_id, {})
        assert recorded.get(mode, kit_value) == value
        assert (mode in recorded) == (value != kit_value)
        if moved:
            assert recoder.image.value != before_image and recoder.summary.value != before_text
    recoder.reset_everything()


def test_every_reform_can_be_chosen_and_shows_its_kit_coding(recoder):
    recoder.reset_everything()
    for _, value in recoder.reform.options:
        recoder.reform.value = value
        row = REFORMS.set_index("id").loc[value]
        assert str(_escape(row["title"])) in recoder.info.value
        assert history.push_label(row) in recoder.info.value
        check_recoder(recoder)
    recoder.reform.value = DEFAULT_RECODE_REFORM


def test_recodings_are_kept_across_reforms_and_can_be_undone(recoder):
    recoder.reset_everything()
    recoder.reform.value = "working_for_patients_1989"
    recoder.sliders["individualism"].value = 0
    recoder.reform.value = "nhs_plan_2000"
    recoder.sliders["hierarchy"].value = 0
    assert recoder.codings == {"working_for_patients_1989": {"individualism": 0},
                               "nhs_plan_2000": {"hierarchy": 0}}
    assert "Your recodings (2)" in recoder.summary.value
    check_recoder(recoder)
    recoder.reform.value = "working_for_patients_1989"
    assert recoder.sliders["individualism"].value == 0  # your coding, not the kit's
    recoder.reset.click()
    assert "working_for_patients_1989" not in recoder.codings
    assert recoder.sliders["individualism"].value == 2
    check_recoder(recoder)
    recoder.reset_all.click()
    assert recoder.codings == {}
    check_recoder(recoder)
    recoder.reform.value = DEFAULT_RECODE_REFORM


def test_moving_a_slider_back_to_the_kits_value_forgets_the_recoding(recoder):
    recoder.reset_everything()
    recoder.sliders["solidarity"].value = 0
    assert recoder.codings == {DEFAULT_RECODE_REFORM: {"solidarity": 0}}
    recoder.sliders["solidarity"].value = 2
    assert recoder.codings == {}


@pytest.mark.parametrize("half_life", [value for _, value in HALF_LIVES])
def test_every_half_life(recoder, half_life):
    recoder.set_coding(DEFAULT_RECODE_REFORM, individualism=2)
    recoder.half_life.value = half_life
    check_recoder(recoder)
    fade = "no fading" if half_life is None else f"half-life {half_life:g} years"
    assert fade in recoder.summary.value
    recoder.reset_everything()
    recoder.half_life.value = 10.0


def test_profile_year_over_its_whole_range(recoder):
    recoder.set_coding("griffiths_inquiry_1983", individualism=2, solidarity=1)
    for year in range(recoder.year.min, recoder.year.max + 1):
        recoder.year.value = year
        check_recoder(recoder)
        assert recoder._figure.get_suptitle().startswith(f"{year}:")
    recoder.year.value = history.LAST_YEAR
    recoder.reset_everything()


def test_set_coding_validates_like_recode(recoder):
    with pytest.raises(ValueError, match="no reform with id"):
        recoder.set_coding("nhs_act_1947", hierarchy=1)
    with pytest.raises(ValueError, match="from -2 to 2"):
        recoder.set_coding("nhs_act_1946", hierarchy=3)
    with pytest.raises(ValueError, match="unknown mode"):
        recoder.set_coding("nhs_act_1946", markets=1)
    assert recoder.codings == {}


def test_blitted_image_matches_a_full_redraw(recoder):
    recoder.set_coding(DEFAULT_RECODE_REFORM, individualism=2, fatalism=-2)
    recoder.year.value = 2010
    fast = pixels(recoder.png)
    kit = history.reform_pressure(REFORMS, half_life=recoder.half_life.value)
    mine = history.reform_pressure(recoder.alternative, half_life=recoder.half_life.value)
    row = REFORMS.set_index("id").loc[DEFAULT_RECODE_REFORM]
    fresh = ph.recode_figure(kit, mine, year=2010, reform_year=float(history.decimal_year([row["date"]])[0]))
    slow = pixels(to_png(fresh))
    assert fast.shape == slow.shape
    assert np.abs(fast - slow).mean() < 1.0  # the same picture, bar antialiasing
    # nothing visibly different: the threshold stays over the bars, the era bands under the lines
    assert (np.abs(fast - slow).max(axis=2) > 60).sum() == 0
    recoder.year.value = history.LAST_YEAR
    recoder.reset_everything()


def test_blitted_image_follows_a_change_of_y_limits(recoder):
    before = recoder._figure.axes[0].get_ylim()
    recoder.half_life.value = None  # no fading: pressure runs to 30, so the axis must grow
    assert recoder._figure.axes[0].get_ylim() != before
    kit = history.reform_pressure(REFORMS)
    row = REFORMS.set_index("id").loc[recoder.reform.value]
    fresh = ph.recode_figure(kit, kit, year=recoder.year.value,
                             reform_year=float(history.decimal_year([row["date"]])[0]))
    fast, slow = pixels(recoder.png), pixels(to_png(fresh))
    assert (np.abs(fast - slow).max(axis=2) > 60).sum() == 0
    recoder.half_life.value = 10.0


def test_the_app_recoder_blits_its_moves_and_matches_a_whole_render():
    """In the app layout a push redraws only what moves (the profile title it retitles included)."""
    app = RecodeExplorer().as_app(presenter=True)
    app.sliders["individualism"].value = 1
    renderer = app._renderer
    for push, year in [(2, 1990), (-1, 2010), (-2, 1960)]:
        app.sliders["individualism"].value = push
        app.year.value = year
        assert app._renderer is renderer  # kept: no whole render per move
        fast = pixels(app.png)
        app._kept.clear()
        app._renderer = None
        app.update()  # rendered whole
        assert (pixels(app.png) != fast).sum() == 0
        renderer = app._renderer


def test_recoder_controls_are_labelled(recoder):
    for mode in ALL_MODES:
        slider = recoder.sliders[mode.value]
        assert slider.description == mode.label and slider.tooltip
        assert (slider.min, slider.max, slider.step) == (-2, 2, 1)
    for control in (recoder.reform, recoder.half_life, recoder.year, recoder.reset, recoder.reset_all):
        assert control.description and control.tooltip


# ----- the coding form ---------------------------------------------------------------------------
def test_coding_form_codes_saves_new_files_and_never_shows_the_kit(tmp_path, capsys):
    from coordkit import codings as cd
    from coordkit.widgets.history import CodingForm

    form = CodingForm(directory=tmp_path)
    assert form.codings == {} and form.save_coding() is None
    assert "Code at least one reform first" in form.status.value
    for slider in form.sliders.values():
        assert slider.description and slider.min == -2 and slider.max == 2
    assert form.reform.description and form.save.description
    kit = REFORMS.set_index("id").loc[form.reform.value, "coding_rationale"]
    assert str(_escape(kit)) not in form.about.value  # the kit's reasoning is not shown
    first = form.reform.value
    form.sliders["hierarchy"].value = -1
    assert form.codings == {first: {"hierarchy": -1, "solidarity": 0, "individualism": 0, "fatalism": 0}}
    second = form.reform.options[3][1]
    form.reform.value = second
    assert all(s.value == 0 for s in form.sliders.values()) and "not coded yet" in form.status.value
    form.sliders["individualism"].value = 2
    form.reform.value = first
    assert form.sliders["hierarchy"].value == -1  # coming back shows what you coded
    a = form.save_coding()
    form.sliders["fatalism"].value = 1
    b = form.save_coding()
    assert a != b and a.exists() and b.exists() and form.saved == [a, b]
    # the status is the base's live region (its template writes role="status" in double quotes)
    assert "saved" in capsys.readouterr().out and 'role="status"' in form.status.value
    back = cd.read_coding(b).set_index("id")
    assert int(back.loc[first, "push_fatalism"]) == 1 and int(back.loc[second, "push_individualism"]) == 2
    assert int(cd.read_coding(a).set_index("id").loc[first, "push_fatalism"]) == 0  # a is untouched
    assert "You have coded 2 of 12 reforms" in form.status.value or "2 reforms" in form.status.value


def test_a_performance_update_reads_each_series_once(monkeypatch):
    """Issue 11: one update used to call snapshots() about six times; now the series and its
    reference are read once, and the figure and the description share that reading."""
    calls = []
    real = history.snapshots

    def counting(performance, series):
        calls.append(series)
        return real(performance, series)

    monkeypatch.setattr(history, "snapshots", counting)
    import coordkit.plots.history as plots_history

    monkeypatch.setattr(plots_history, "snapshots", counting)
    viewer = PerformanceViewer(series="ae_4hr")
    assert sorted(calls) == ["ae_4hr", "ae_4hr_standard"]
    calls.clear()
    viewer.series.value = "rtt_waiting_list"
    assert calls == ["rtt_waiting_list"]
    calls.clear()
    viewer.series.value = "ae_4hr"  # drawn before: nothing is read again
    assert calls == []
    monkeypatch.undo()
    fresh = ph.describe_performance(history.load_performance(), "ae_4hr", reforms=REFORMS)
    assert viewer.description == fresh
