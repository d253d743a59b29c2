"""Scoring that keeps respondents (issue 14, finding 11) and the notice of answers not read (issue 18,
finding 5): one dimension off 100 costs that dimension, not the respondent; what the reader could not
read is announced first, by reason and column, in the report, on stderr and in the class-results app,
never naming anyone."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from coordkit import class_report, cli
from coordkit.survey import (
    MIN_DIMENSIONS,
    Responses,
    analyse,
    not_scored_reason,
    score_answers,
    scores_from_complete,
)
from coordkit.survey.read import read_responses

HERE = Path(__file__).parent
MESSY = HERE / "fixtures" / "messy_microsoft_forms.csv"
SUM_OFF = HERE / "survey_corpus" / "sum_off.csv"
GOOD = [[40, 30, 10, 20]] * 6


def _off(k: int) -> list[list[float]]:
    """Six dimensions, the last ``k`` of which add up to 110 (and lean another way)."""
    return [[40, 30, 10, 20]] * (6 - k) + [[80, 10, 10, 10]] * k


# ----- scoring from the dimensions that add up ---------------------------------------------------
def test_one_dimension_off_is_left_out_not_the_whole_score():
    r = scores_from_complete(_off(1))
    assert r.scores.tolist() == [40.0, 30.0, 10.0, 20.0] and int(r.dimensions) == 5 and bool(r.scored)
    # the old code scored every dimension rescaled: the off one pulled hierarchy up
    c = Responses(ids=("a", "b"), now=[GOOD, _off(1)], preferred=[GOOD, GOOD])
    assert c.scores("now")[1].tolist() == [40.0, 30.0, 10.0, 20.0]
    assert c.divide("now").dimensions.tolist() == [6, 5]


def test_too_few_dimensions_is_not_scored_with_the_reason():
    k = 6 - MIN_DIMENSIONS + 1  # one dimension short of the kit's minimum
    r = score_answers(_off(k), GOOD)
    assert np.isnan(r.now_scores).all() and r.now is None and r.configuration_now is None
    assert r.dimensions_now == MIN_DIMENSIONS - 1 and r.dimensions_preferred == 6
    assert r.not_scored == "now " + not_scored_reason(MIN_DIMENSIONS - 1, 6)
    assert "not scored: only 3 of 6 dimensions add up to 100 (the kit needs at least 4)" in r.not_scored
    # at the minimum the answers are scored, from the dimensions that add up
    ok = score_answers(_off(6 - MIN_DIMENSIONS), GOOD)
    assert ok.now_scores.tolist() == [40.0, 30.0, 10.0, 20.0] and ok.not_scored is None


def test_the_class_keeps_respondents_and_counts_those_scored_from_fewer_dimensions():
    rows = [GOOD] * 5 + [_off(1), _off(2), _off(3)]
    c = Responses(ids=tuple("abcdefgh"), now=rows, preferred=[GOOD] * 8)
    a = analyse(c)
    assert a.n == 8 and a.fewer_dimensions("now") == 2 and a.not_scored("now") == 1
    assert a.fewer_dimensions("preferred") == 0 and a.not_scored("preferred") == 0
    assert a.overall is not None and a.overall.now_mean.tolist() == pytest.approx([40, 30, 10, 20])
    text = a.dimensions_text()
    assert text.startswith("2 respondents' now scores rest on fewer than all 6 dimensions")
    assert "1 respondent not scored (fewer than 4 dimensions add up to 100), now." in text
    assert len(a.now_scores) == 7  # the respondent not scored is in no scatter
    names = [cfg.diagnosis for cfg in c.configurations()]
    assert any("not scored: only 3 of 6 dimensions add up to 100" in d for d in names)


def test_the_reader_keeps_a_row_with_one_dimension_off():
    r = read_responses(SUM_OFF)
    assert r.n_accepted == 5 and r.n_rejected == 0  # the old reader rejected the row
    assert len(r.off_total) == 1 and "left out of the scores, the row kept" in r.off_total[0].problem
    assert analyse(r.responses).fewer_dimensions("now") == 1


# ----- the notice ------------------------------------------------------------------------------
EXPECTED = [
    "answers not read (not on the scale), read as missing, rows kept: 2 answers in 2 rows (columns MS1 "
    "(column BD), BS1 (column BG))",
    "dimensions left out of the scores (points do not add up to 100), rows kept: 4 dimensions in 2 rows "
    "(questions dimension 2 (What holds people together?), now; dimension 1 (How are decisions made?), now; "
    "dimension 3 (What gets rewarded?), now)",
    # issue 14, review item f: the "n/a" points cell leaves out its dimension (it used to reject the row)
    "dimensions left out of the scores (a points cell not a number), rows kept: 1 dimension in 1 row "
    "(column now_D1I (column H))",
    "rows left out: superseded by a later submission of the same respondent code: 1",
]
#: What the messy export holds that must never reach a shared notice: a name, an e-mail, the codes.
IDENTIFYING = ("Jo Bloggs", "jo.bloggs", "@example", "3 - Neither", "n/a")


def test_the_notice_counts_by_reason_and_column():
    r = read_responses(MESSY, group_columns=["Team"])
    assert r.tool == "Microsoft Forms" and (r.n_accepted, r.n_rejected, len(r.left_out)) == (29, 0, 1)
    assert [line.text() for line in r.notice()] == EXPECTED
    text = r.notice_text()
    assert text.startswith("NOT EVERYTHING WAS READ: 29 rows used, 0 rejected, 1 left out.")
    assert not any(word in text for word in IDENTIFYING)
    assert not re.search(r"\bS0\d\d\b", text)  # no respondent code


def _visible(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", page,
                                                        flags=re.S)))


def test_the_report_opens_with_the_notice_and_names_nobody():
    r = read_responses(MESSY, group_columns=["Team"])
    page = class_report.render_report(r, group_column="Team", date="x")
    notice = page.index("Not everything in the answers could be read")
    assert notice < page.index("About the data") and notice < page.index("Class profile")
    block = _visible(page[notice:page.index("</section>", notice)])
    assert "29 row(s) used, 0 rejected, 1 left out." in block
    for line in EXPECTED:
        assert line in block, line
    assert 'class="warn notice"' in page  # styled as a warning, with a heading, not colour alone
    visible = _visible(page)
    assert not any(word in visible for word in IDENTIFYING)
    assert not re.search(r"\bS0\d\d\b", visible)
    assert "2 respondents' now scores rest on fewer than all 6 dimensions" in visible  # the n/a row too
    assert "1 respondent not scored (fewer than 4 dimensions add up to 100), now." in visible
    clean_file = HERE / "survey_corpus" / "tools" / "microsoft_forms_as_csv.csv"
    clean = class_report.render_report(read_responses(clean_file, group_columns=["Team"]),
                                       group_column="Team", date="x")
    assert "Not everything in the answers could be read" not in clean


def test_the_command_puts_the_notice_first_on_stderr(tmp_path, capsys):
    out = tmp_path / "r.html"
    status = cli.main(["report", str(MESSY), "-o", str(out), "--group-column", "Team", "--quiet"])
    err = capsys.readouterr().err
    assert status == cli.EXIT_REJECTED_ROWS and out.exists()
    rule = "=" * 78
    assert err.startswith(rule + "\nNOT EVERYTHING WAS READ: 29 rows used, 0 rejected, 1 left out.\n")
    head = err[:err.index(rule, len(rule))]
    assert all(line in head for line in EXPECTED)
    assert not any(word in head for word in IDENTIFYING)


def test_the_class_results_app_shows_the_notice(tmp_path):
    pytest.importorskip("ipywidgets")
    from coordkit.widgets.class_results import ClassResultsExplorer

    shutil.copy(MESSY, tmp_path / "export.csv")
    app = ClassResultsExplorer(tmp_path, group_columns=("Team",))
    assert list(app.read_notice) == EXPECTED
    shown = app.source.value
    assert "Not everything in the exports could be read" in shown
    assert shown.index("Not everything") < shown.index("Answers from")  # first, not folded
    assert "<details" not in shown[:shown.index("Answers from")]
    assert not any(word in shown for word in IDENTIFYING)
    synthetic = ClassResultsExplorer()
    assert synthetic.read_notice == () and "Not everything" not in synthetic.source.value


# ----- lecturer review 3, N7: dimensions and cells counted apart; the right section; nothing to fix -----
def _blanks_class(changes: dict[int, dict[str, str]]) -> bytes:
    """The 60-student synthetic class with some cells changed (row index -> column -> new text)."""
    from coordkit.survey import synthetic_class
    from coordkit.survey.read import responses_csv

    header, *rows = responses_csv(synthetic_class(size=60)).splitlines()
    at = header.split(",").index
    cells = [row.split(",") for row in rows]
    for k, change in changes.items():
        for column, value in change.items():
            cells[k][at(column)] = value
    return "\n".join([header, *(",".join(c) for c in cells)]).encode()


def _dimension(d: int, h: str, s: str, i: str, f: str, block: str = "now") -> dict[str, str]:
    return dict(zip((f"{block}_D{d}{m}" for m in "HSIF"), (h, s, i, f), strict=True))


#: The reviewer's file (review 3): 60/40/blank/blank and 70/30/0/blank (read as 0), 50/30/blank/10 twice
#: (one cell, one dimension each), and a student with 5 of 6 "now" dimensions wholly blank (20 cells).
REVIEWER_BLANKS = {0: _dimension(1, "60", "40", "", ""), 1: _dimension(1, "50", "30", "", "10"),
                   2: _dimension(2, "70", "30", "0", ""),
                   3: {k: v for d in range(1, 6) for k, v in _dimension(d, "", "", "", "").items()},
                   4: {**_dimension(2, "50", "30", "", "10"), "BH1": "3.5"}}


def test_the_notice_counts_dimensions_and_cells_apart_and_points_to_the_right_section():
    r = read_responses(_blanks_class(REVIEWER_BLANKS), name="class_blanks.csv")
    assert (r.n_accepted, r.n_rejected, len(r.left_out)) == (60, 0, 0)
    empty = next(line for line in r.notice() if "a points cell empty" in line.what)
    assert empty.n == 7  # dimensions, as the line says: the old notice said 22 (the cells)
    assert empty.text().startswith("dimensions left out of the scores (a points cell empty, the others "
                                   "not adding up to 100), rows kept: 7 dimensions (22 cells) in 3 rows "
                                   "(columns ")
    zero = next(line for line in r.notice() if line.what.startswith("empty points cells read as 0"))
    assert zero.text().startswith("empty points cells read as 0 (the dimension's other cells add up to 100), "
                                  "rows kept: 3 cells in 2 rows (columns ")
    assert ("answers off the 1-5 scale (such as 3.5, 6 or 0), read as missing, rows kept: 1 answer in 1 "
            "row") in r.notice_text()
    # every line about kept rows names its unit: no bare count of cells read as rows
    assert all(re.search(r"kept: \d+ (answer|dimension|cell)s? ", line.text()) for line in r.notice()
               if "rows kept" in line.what)
    page = class_report.render_report(r.anonymised(), date="x")
    notice = _visible(page[page.index("Not everything in the answers"):page.index("</section>")])
    assert '"Answers not wholly used"' in notice and '"Rows not used"' not in notice
    assert "Fix the file and run the report again." in notice  # a blank with 90 in the others: check it
    assert "<h2>Answers not wholly used</h2>" in page and "<h2>Rows not used</h2>" not in page


def test_blanks_read_as_0_need_no_fixing():
    r = read_responses(_blanks_class({0: REVIEWER_BLANKS[0], 2: REVIEWER_BLANKS[2]}), name="c.csv")
    assert not r.needs_fixing and len(r.zero_filled) == 3
    advice = ("Nothing needs fixing: every answer was read by the kit's rules (3 empty points boxes were "
              "read as 0, the other boxes of their dimension adding up to 100).")
    assert r.notice_advice().endswith(advice)
    page = class_report.render_report(r.anonymised(), date="x")
    notice = _visible(page[page.index("Not everything in the answers"):page.index("</section>")])
    assert advice in " ".join(notice.split()) and "fix the file" not in notice.lower()
    assert '"Answers not wholly used"' in notice
    text = r.notice_text()
    assert text.splitlines()[-1] == "  " + advice and "fix" not in text.replace("needs fixing", "")
    # a superseded submission is left out by rule: nothing to fix either
    raw = _blanks_class({0: REVIEWER_BLANKS[0]})
    again = read_responses(raw + b"\n" + raw.splitlines()[1], name="c.csv")
    assert len(again.left_out) == 1 and not again.needs_fixing
    assert again.notice_advice().endswith(
        "(2 empty points boxes were read as 0, the other boxes of their dimension adding up to 100; 1 row "
        "left out (superseded by a later submission of the same respondent code)).")
