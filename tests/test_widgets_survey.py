"""Drive the questionnaire widgets as a learner and a lecturer would, without a browser: every
slider over its whole range, every dropdown option, every button and text box (ipywidgets swallows
exceptions raised in callbacks, so only direct tests see them)."""

from __future__ import annotations

import html
import math

import numpy as np
import pytest

import coordkit.widgets.survey as ws
from coordkit.survey import example_answers, score_answers, synthetic_class
from coordkit.survey_io import read_responses
from coordkit.widgets.survey import ClassExplorer, SurveyForm


@pytest.fixture(scope="module")
def form():
    return SurveyForm()


@pytest.fixture
def no_render(monkeypatch, form):
    """Skip the PNG encoding (the slow part) in the range sweeps; other tests render for real."""
    from coordkit.plots.output import FastPNG

    monkeypatch.setattr(FastPNG, "png", lambda self, fig=None: b"\x89PNG fake")


def fill(form):
    """Every dimension at 25 points each, no ratings (the old form's starting point)."""
    n = len(form.q.dimensions)
    form.set_answers({"now": [[25] * 4] * n, "preferred": [[25] * 4] * n, "likert": None})


def grid(form, timeframe):
    return np.array([[form.sliders[i.column(timeframe)].value for i in row] for row in form.q.divide_items])


def check_consistent(form):
    r = form.result
    expected = score_answers(grid(form, "now"), grid(form, "preferred"),
                             None if all(d.value in (None, ws.DK) for d in form.likert.values())
                             else [np.nan if d.value in (None, ws.DK) else d.value
                                   for d in form.likert.values()])
    assert r.complete_now.tolist() == expected.complete_now.tolist()
    assert np.allclose(r.now_scores, expected.now_scores, equal_nan=True)
    assert np.allclose(r.gap, expected.gap, equal_nan=True)
    if r.now is not None:
        assert np.isclose(np.nansum(r.now_scores), 100)
        assert all(math.isfinite(x) and 0 <= x <= 1 for x in r.now.strengths)
        if r.configuration_now.name == "not classified":  # strength not rated, or a response style
            assert r.balance_now is None
        else:
            assert 0 <= r.balance_now.score <= 1
        if form.revealed and form.complete:
            assert r.configuration_now.name in form.summary.value
        else:  # no live feedback while answering (issue 14 review, 14)
            assert form.summary.value == "" and form.result_box.layout.display == "none"
    for d, dim in enumerate(form.q.dimensions):
        total = r.totals_now[d]
        text = form.totals[f"now_{dim}"].value
        assert f"{total:.0f} of 100 points" in text
        assert ("✓" in text) == bool(r.complete_now[d])


def test_starts_empty_and_incomplete(form):
    # v2: the form starts empty, and nothing is complete until every dimension is answered
    form.reset()
    assert not form.result.complete and not form.complete
    assert np.isnan(form.result.now_scores).all()
    assert "Not complete yet" in form.progress.value
    assert form.summary.value == "" and form.result_box.layout.display == "none"  # nothing to steer answers
    assert all(t.endswith("…") for t in form.tabs.titles[:6])
    fill(form)
    assert form.result.complete and not form.complete  # the organisation is not rated yet
    assert form.result.now_scores.tolist() == [25.0] * 4
    assert all(t.endswith("✓") for t in form.tabs.titles[:6])
    assert "organisation strength" in form.progress.value


@pytest.mark.parametrize("column", [f"{t}_D{d}{m}" for t in ("now", "preferred") for d in range(1, 7)
                                    for m in "HSIF"])
def test_every_divide_slider_over_its_whole_range(form, no_render, column):
    fill(form)
    slider = form.sliders[column]
    for value in range(slider.min, slider.max + 1, slider.step):
        slider.value = value
        check_consistent(form)
        dim = form.q.dimensions[int(column.split("_D")[1][0]) - 1]
        timeframe = column.split("_")[0]
        indicator = form.totals[f"{timeframe}_{dim}"].value
        if value == 25:
            assert "100 of 100 points ✓" in indicator
        elif value < 25:
            assert f"{25 - value} left to give" in indicator
        else:
            assert f"{value - 25} points too many" in indicator
            assert "Not complete yet" in form.progress.value


@pytest.mark.parametrize("item", [i.id for i in SurveyForm().q.likert_items])
def test_every_likert_dropdown_over_every_option(form, no_render, item):
    fill(form)
    dropdown = form.likert[item]
    for _label, value in dropdown.options:
        dropdown.value = value
        check_consistent(form)
        if value in (None, ws.DK):  # unanswered or "don't know": both missing
            assert form.result.forms is None or not np.isfinite(form.result.forms.benign).all()
        else:
            assert form.result.forms is not None
            assert np.all((form.result.forms.share >= 0) & (form.result.forms.share <= 1))
            levels = np.concatenate([form.result.forms.benign, form.result.forms.malign])
            assert np.all(np.isnan(levels) | ((levels >= -1) & (levels <= 1)))
    form.reset()


def test_moving_one_slider_changes_progress_and_indicator_but_draws_no_result(form):
    fill(form)
    before = (form.image.value, form.progress.value, form.totals["now_decisions"].value)
    form.sliders["now_D1H"].value = 40
    assert form.image.value == before[0] and form.summary.value == ""  # no live feedback
    assert form.progress.value != before[1] and "dimension 1 now" in form.progress.value
    assert form.totals["now_decisions"].value == "<b>Now: 115 of 100 points: 15 points too many</b>"
    assert form.tabs.titles[0] == "1. decisions …"
    assert form.last_update_seconds < 1
    form.reset()


def test_every_slider_redraws_the_figure_once_the_result_is_shown():
    f = SurveyForm(example_answers())
    assert f.show_result()
    for row in f.q.divide_items:
        for t in ("now", "preferred"):
            top = sorted(row, key=lambda i, t=t: -f.sliders[i.column(t)].value)[:2]
            a, b = (f.sliders[i.column(t)] for i in top)
            before = f.image.value
            a.value, b.value = a.value - 5, b.value + 5  # still 100 points: still complete
            assert f.complete and f.image.value != before, (a.description, t)
            a.value, b.value = a.value + 5, b.value - 5


def test_example_answers_and_likert_reach_the_profile():
    f = SurveyForm(example_answers())
    ex = example_answers()
    r = score_answers(ex["now"], ex["preferred"], ex["likert"])
    assert np.allclose(f.result.now_scores, r.now_scores)
    assert f.result.now == r.now
    # (issue 14 review, 14) no profile while answering: only after the separate "see my result" step
    assert f.summary.value == "" and f.result_box.layout.display == "none"
    assert f.show_result() and f.result_box.layout.display is None
    assert "Now: deficit culture: weak individualism" in f.summary.value
    assert "malign" in f.summary.value and "not answered yet" not in f.summary.value
    assert f.answers()["now"] == ex["now"]


def test_reset_button_and_set_answers():
    f = SurveyForm(example_answers())
    f.reset_button.click()  # v2: clears everything (it used to set 25 everywhere and count as complete)
    assert np.isnan(f.result.now_scores).all() and f.result.forms is None and not f.complete
    with pytest.raises(ValueError, match="6 x 4"):
        f.set_answers({"now": [[25] * 4], "preferred": [[25] * 4] * 6})


def test_save_refuses_until_answers_and_code_are_right(tmp_path):
    f = SurveyForm(example_answers(), folder=str(tmp_path))
    f.save_button.click()
    assert "Not saved" in f.save_status.value and "code" in f.save_status.value
    f.code.value = "Jo Bloggs"  # a name with a space: not a pseudonym
    assert f.save() is None and "never your name" in f.save_status.value
    f.code.value = "K7-QX"
    f.sliders["preferred_D3S"].value = 100
    assert f.save() is None and "dimension 3 preferred" in f.save_status.value
    f.set_answers(example_answers())
    f.likert["AOF"].value = None
    assert f.save() is None and "organisation strength of fatalism" in f.save_status.value
    empty = SurveyForm(folder=str(tmp_path))
    empty.code.value = "K7-QX"
    assert empty.save() is None and "not complete" in empty.save_status.value
    assert list(tmp_path.iterdir()) == [] and f.download.value == ""


def test_saved_answers_are_read_back_by_the_class_report_reader(tmp_path):
    f = SurveyForm(example_answers(), folder=str(tmp_path))
    f.code.value = "K7-QX"
    f.group.value = "Ward A"
    f.save_button.click()
    assert "Saved" in f.save_status.value and "Download your answers" in f.download.value
    (first,) = tmp_path.iterdir()
    assert first.name.startswith("answers_K7-QX_") and first.suffix == ".csv"
    r = read_responses(first, group_columns=[ws.GROUP_COLUMN])
    assert r.n_accepted == 1 and r.responses.ids == ("K7-QX",)
    assert r.responses.groups == {"team": ("Ward A",)}
    assert r.responses.now[0].tolist() == example_answers()["now"]
    assert r.responses.likert[0].tolist() == example_answers()["likert"]
    assert "questionnaire_version" in first.read_text(encoding="utf-8").splitlines()[0].split(",")
    before = first.read_bytes()
    f.sliders["now_D1H"].value = 35
    f.sliders["now_D1S"].value = 35
    second = f.save()
    assert second is not None and second != first  # v2: each save is a new file, never an overwrite
    assert first.read_bytes() == before and len(list(tmp_path.iterdir())) == 2
    import base64
    payload = f.download.value.split("base64,")[1].split("'")[0]
    assert base64.b64decode(payload) == second.read_bytes()


def test_statements_follow_the_respondents_order_and_answers_keep_theirs():
    f = SurveyForm(example_answers())
    stored = f.answers()
    f.code.value = "S001"
    page = f.tabs.children[0]
    shown = [c.children[0].value for c in page.children if hasattr(c, "children") and c.children
             and "Statement" in getattr(c.children[0], "value", "")]
    order = [i.statement for i in ws.presentation_order("S001", f.q.divide_items[0])]
    # the shown text is HTML, so apostrophes are escaped (statements now contain some)
    assert [next(s for s in order if s in html.unescape(text)) for text in shown] == order
    assert f.answers() == stored  # stored in the fixed order whatever the order shown
    assert f.sliders[f"now_{ws.presentation_order('S001', f.q.divide_items[0])[0].id}"].description == \
        "Statement A, now"


def test_controls_are_labelled(form):
    labels = [s.description for s in form.sliders.values()]
    assert labels[:2] == ["Statement A, now", "Statement A, preferred"]
    # Within a tab (a dimension) every slider has its own visible label; the tooltip holds the
    # dimension's question and the statement in full.
    for row in form.q.divide_items:
        in_tab = [form.sliders[i.column(t)].description for i in row for t in ("now", "preferred")]
        assert len(set(in_tab)) == 8
        for item in row:
            for t in ("now", "preferred"):
                tip = form.sliders[item.column(t)].tooltip
                assert item.statement in tip and item.heading in tip and t in tip
    # The statement is shown in full, in the same tab, above its two sliders.
    page = form.tabs.children[0]
    texts = [c.children[0].value for c in page.children if hasattr(c, "children") and c.children
             and hasattr(c.children[0], "value")]
    assert any(form.q.divide_items[0][0].statement in t for t in texts)
    assert all(d.description and d.tooltip for d in form.likert.values())
    assert form.code.tooltip and form.save_button.tooltip


# ----- the lecturer's explorer -----------------------------------------------------------------
@pytest.fixture(scope="module")
def explorer():
    return ClassExplorer(read_responses(ws.Path(__file__).parents[1] / "data" / "synthetic_class.csv",
                                        group_columns=["team", "role"]))


def test_explorer_starts_with_estates_suppressed(explorer):
    assert explorer.group_column.value == "team" and explorer.min_group.value == 5
    assert "1 group suppressed" in explorer.summary.value
    assert "Estates" in explorer.summary.value and "<td>Estates</td>" not in explorer.summary.value


def test_min_group_slider_over_its_whole_range(explorer):
    for value in range(explorer.min_group.min, explorer.min_group.max + 1):
        explorer.min_group.value = value
        a = explorer.result
        assert a.min_group == value
        assert all(g.n >= value for g in a.groups)
        assert sum(g.n for g in a.groups) <= a.n
        assert f"minimum group size {value}" in explorer.summary.value
        assert explorer.png[:4] == b"\x89PNG"  # shown as <img alt> (the explorer base)
        assert explorer.image.value.startswith('<img class="coordkit-image" alt="')
    explorer.min_group.value = 3
    assert "no group suppressed" in explorer.summary.value
    assert "<td>Estates</td>" in explorer.summary.value
    explorer.min_group.value = 5


def test_group_column_dropdown_every_option(explorer):
    for _label, value in explorer.group_column.options:
        before = explorer.png
        explorer.group_column.value = value
        assert explorer.result.group_column == value
        if value is None:
            assert "Whole class only" in explorer.summary.value
        assert explorer.description
        assert explorer.png != before or value == "team"
    explorer.group_column.value = "team"


@pytest.mark.parametrize("data", [synthetic_class(size=8), synthetic_class(seed=3, size=40)],
                         ids=["8 respondents", "40 respondents"])
def test_a_reused_analysis_is_the_analysis_made_afresh(data):
    """The explorer reuses an analysis while the groups shown stay the same: it must equal analyse()."""
    from coordkit.plots.survey import describe_class_arrows
    from coordkit.survey import analyse

    explorer = ClassExplorer(data)
    for column in [None, *data.groups]:
        explorer.group_column.value = column
        for value in range(explorer.min_group.min, explorer.min_group.max + 1):
            explorer.min_group.value = value
            fresh = analyse(data, group_column=column, min_group=value)
            assert (explorer.result.min_group, explorer.result.plan) == (fresh.min_group, fresh.plan)
            assert [g.label for g in explorer.result.groups] == [g.label for g in fresh.groups]
            if fresh.class_shown:
                assert explorer._summary_html(explorer.result) == explorer._summary_html(fresh)
                assert explorer.description == describe_class_arrows(fresh)
    assert len(explorer._analyses) < (explorer.min_group.max - explorer.min_group.min + 1) * 3  # reused


def test_explorer_with_a_tiny_class():
    tiny = ClassExplorer(synthetic_class(size=4))
    assert "Nothing shown: only 4 respondents" in tiny.summary.value
    tiny.min_group.value = 3
    assert tiny.result.class_shown


def test_each_figure_is_followed_by_its_description(explorer):
    f = SurveyForm(example_answers())
    f.show_result()
    for widget in (f, explorer):
        children = list(widget.result_box.children if widget is f else widget.widget.children)
        k = children.index(widget.image)
        assert children[k + 1] is widget.details  # the folded description (the explorer base)
        assert widget.description and widget.description.split("\n")[0].split(":")[0] in \
            widget.details.value
        assert widget.alt and f'alt="{html.escape(widget.alt)}"' in widget.image.value
    before = f.details.value
    f.sliders["preferred_D1I"].value = 60
    assert f.details.value != before


def test_the_form_shows_no_result_until_it_is_complete_and_asked():
    f = SurveyForm()
    assert f.result_button.disabled and not f.show_result()
    assert f.summary.value == "" and f.image.value == "" and f.result_box.layout.display == "none"
    assert f.png == b"" and f.details.value == "" and f.unnamed() == []
    assert "Not complete yet" in f.progress.value and "See my result" in f.progress.value
    f.set_answers(example_answers())
    assert not f.result_button.disabled and f.summary.value == ""  # complete, but not yet asked
    f.result_button.click()
    assert f.revealed and "Now:" in f.summary.value and f.image.value != ""
    assert f.png[:4] == b"\x89PNG" and 'aria-live="polite"' in f.summary.value


def test_the_form_flags_an_acquiescent_respondent():
    ex = example_answers()
    f = SurveyForm({**ex, "likert": [5] * len(ex["likert"])})
    f.show_result()
    assert "reversals alike" in f.summary.value
    assert "Now: not classified" in f.summary.value and "response style" in f.summary.value


def test_the_form_offers_dont_know_read_as_missing_and_saved_as_such(tmp_path):
    """Like the generated forms, every 1-5 question offers "don't know": it counts as answered (the
    tab is ticked, the form can be complete), scores as missing (never the neutral 3) and is saved
    as the words, which the reader counts per column."""
    from coordkit.survey import DONT_KNOW

    f = SurveyForm(example_answers(), folder=str(tmp_path))
    assert all(d.options[-1] == (DONT_KNOW, ws.DK) for d in f.likert.values())
    first_likert = f.q.likert_items[0].id
    organisation = next(i.id for i in f.q.block("strength") if i.level == "organisation")
    f.likert[first_likert].value = ws.DK
    f.likert[organisation].value = ws.DK
    assert f.complete, f.missing()
    assert f.answers()["likert"][0] == ws.DK
    k = [i.id for i in f.q.likert_items].index(organisation)
    assert np.isnan(f._likert_values()[0]) and np.isnan(f._likert_values()[k])
    as_missing = [np.nan if d.value == ws.DK else d.value for d in f.likert.values()]
    expected = score_answers(example_answers()["now"], example_answers()["preferred"], as_missing)
    assert np.allclose(f.result.forms.benign, expected.forms.benign, equal_nan=True)
    assert not np.isfinite(f.result.strength).all()  # the organisation rating it was is now missing
    f.code.value = "DK-1"
    path = f.save()
    assert path is not None and DONT_KNOW in path.read_text(encoding="utf-8")
    r = read_responses(path, group_columns=[ws.GROUP_COLUMN])
    assert r.n_accepted == 1 and r.dont_know == {first_likert: 1, organisation: 1}
    assert np.isnan(r.responses.likert[0][0]) and np.isnan(r.responses.likert[0][k])
    again = SurveyForm(f.answers())
    assert again.likert[first_likert].value == ws.DK


def test_the_form_flags_rating_every_way_of_working_strong_everywhere():
    f = SurveyForm(example_answers())
    f.show_result()
    assert "high-rating tendency" not in f.summary.value  # finding 8: renamed from strength acquiescence
    for i in f.q.block("strength"):
        if i.timeframe == "now":
            f.likert[i.id].value = 5
    assert "high-rating tendency +1.00" in f.summary.value
    assert "Now: not classified" in f.summary.value


def test_class_explorer_scores_each_respondent_once_and_every_view_is_a_fresh_analysis(monkeypatch):
    # issue 11: per-respondent results do not depend on the grouping, so they are made once per data
    # set (respondent_table), and every view equals analyse of the class afresh
    from coordkit.survey import analyse, respondent_table

    made = []

    def counted(*args, **kwargs):
        made.append(1)
        return respondent_table(*args, **kwargs)

    monkeypatch.setattr(ws, "respondent_table", counted)
    c = synthetic_class()
    explorer = ClassExplorer(c)
    for column, m in (("team", 3), ("role", 3), (None, 5), ("team", 8), ("role", 13)):
        explorer.group_column.value = column
        explorer.min_group.value = m
        fresh = analyse(c, group_column=column, min_group=m)
        assert explorer.result.group_table().equals(fresh.group_table()), (column, m)
        assert explorer.result.plan == fresh.plan
    assert len(made) == 1
