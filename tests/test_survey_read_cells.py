"""One bad cell costs that cell, not the student (issue 14, finding 12; lecturer review 2, N1).

The reviewers' cases: BH1 = 3.5 (a tick between two boxes), 6 or 0; AOH = "?" (the paper form's
don't-know box); a blank now_D2H whose dimension then does not add up; 60/40/blank/blank. Before,
the first three and the blank rejected the whole row. ``strict=True`` (``--strict``) keeps the old
rejections for those who want them.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from coordkit import cli
from coordkit.survey import questionnaire, synthetic_class
from coordkit.survey.read import read_responses, responses_csv

ROOT = Path(__file__).resolve().parents[1]
Q = questionnaire()


def _messy() -> tuple[bytes, list[str]]:
    text = responses_csv(synthetic_class(seed=3, size=8))
    header, *rows = text.splitlines()
    h = header.split(",")
    cells = [r.split(",") for r in rows]
    cells[0][h.index("BH1")] = "3.5"
    cells[1][h.index("BH1")] = "6"
    cells[2][h.index("BH1")] = "0"
    cells[3][h.index("AOH")] = "?"
    cells[4][h.index("now_D2H")] = ""  # the other three do not add up to 100 (unless by chance: checked)
    assert sum(int(cells[4][h.index(f"now_D2{m}")]) for m in "SIF") != 100
    for mode, value in zip("HSIF", ("60", "40", "", ""), strict=True):
        cells[5][h.index(f"now_D3{mode}")] = value
    return ("\n".join([header, *(",".join(c) for c in cells)]) + "\n").encode(), h


MESSY, HEADER = _messy()


def test_every_row_is_kept_and_each_bad_cell_listed_by_file_row_and_column():
    r = read_responses(MESSY, name="messy.csv")
    assert (r.n_accepted, r.n_rejected) == (8, 0)  # before: 5 accepted, 3 rejected (BH1) + 1 (now_D2H)
    unread = {(p.row, p.columns, p.value) for p in r.unreadable}
    assert unread == {(1, ("BH1",), "3.5"), (2, ("BH1",), "6"), (3, ("BH1",), "0")}
    for p in r.unreadable:
        where = f"messy.csv: row {p.row} (line {p.row + 1}), column 'BH1'"
        assert p.message().startswith(where + ": out of range")
        assert "read as missing" in p.message()
    bh1 = [i.column() for i in Q.likert_items].index("BH1")
    assert np.isnan(r.responses.likert[:3, bh1]).all() and not np.isnan(r.responses.likert[3:, bh1]).any()
    assert r.dont_know == {"AOH": 1}  # the paper form's "?" box, typed as "?": don't know, missing
    [left] = r.off_total
    assert (left.row, left.columns) == (5, ("now_D2H",)) and "empty, read as missing" in left.problem
    assert "dimension 2" in left.problem and "left out of the scores" in left.problem
    assert np.isnan(r.responses.now[4, 1, 0])  # read as missing: dimension 2 (now) is left out
    assert np.isfinite(r.responses.now[4, [0, 2, 3, 4, 5]]).all()
    assert [(p.row, p.columns) for p in r.zero_filled] == [(6, ("now_D3I",)), (6, ("now_D3F",))]
    assert list(r.responses.now[5, 2]) == [60.0, 40.0, 0.0, 0.0]


def test_the_notice_counts_each_kind_by_column():
    notice = read_responses(MESSY, name="messy.csv").notice_text()
    assert notice.startswith("NOT EVERYTHING WAS READ: 8 rows used, 0 rejected, 0 left out.")
    assert ("answers off the 1-5 scale (such as 3.5, 6 or 0), read as missing, rows kept: 3 answers in 3 "
            "rows "
            "(column BH1)"
            in notice)
    assert ("dimensions left out of the scores (a points cell empty, the others not adding up to 100), rows "
            "kept: 1 dimension in 1 row (column now_D2H)") in notice
    assert ("empty points cells read as 0 (the dimension's other cells add up to 100), rows kept: 2 cells in "
            "1 row (columns now_D3I, now_D3F)") in notice


def test_strict_keeps_the_old_rejections():
    r = read_responses(MESSY, name="messy.csv", strict=True)
    assert (r.n_accepted, r.n_rejected) == (3, 5)
    rejected = {(p.row, p.columns): p.message() for p in r.rejected}
    assert "column 'BH1': out of range: answers must be whole numbers" in rejected[1, ("BH1",)]
    assert "column 'now_D2H': empty: every divide-100 answer is needed" in rejected[5, ("now_D2H",)]
    assert {(6, ("now_D3I",)), (6, ("now_D3F",))} <= set(rejected)
    assert r.dont_know == {"AOH": 1}  # a don't know is an answer, not a problem, strict or not


@pytest.mark.parametrize("value", ["3.5", "6", "0", "-1", "2.0001"])
def test_an_off_scale_number_is_missing_for_that_item_only(value):
    text = responses_csv(synthetic_class(seed=5, size=3))
    header, first, *rest = text.splitlines()
    cells = first.split(",")
    cells[header.split(",").index("MI2")] = value
    r = read_responses("\n".join([header, ",".join(cells), *rest]).encode(), name="x.csv")
    assert r.n_accepted == 3 and [p.value for p in r.unreadable] == [value]
    assert read_responses("\n".join([header, ",".join(cells), *rest]).encode(), strict=True).n_rejected == 1


def test_a_blank_beside_cells_adding_up_within_the_tolerance_is_zero():
    text = responses_csv(synthetic_class(seed=5, size=3))
    header, first, *rest = text.splitlines()
    h, cells = header.split(","), first.split(",")
    for mode, value in zip("HSIF", ("50", "", "49.5", ""), strict=True):
        cells[h.index(f"preferred_D1{mode}")] = value
    data = "\n".join([header, ",".join(cells), *rest]).encode()
    r = read_responses(data)
    assert [p.columns for p in r.zero_filled] == [("preferred_D1S",), ("preferred_D1F",)]
    assert not r.off_total and list(r.responses.preferred[0, 0]) == [50.0, 0.0, 49.5, 0.0]
    tight = read_responses(data, tolerance=0)  # 99.5 is not 100 at tolerance 0: like n/a
    assert not tight.zero_filled and len(tight.off_total) == 2
    assert np.isnan(tight.responses.preferred[0, 0, [1, 3]]).all()


def test_the_command_keeps_the_rows_and_strict_writes_nothing(tmp_path):
    source = tmp_path / "messy.csv"
    source.write_bytes(MESSY)
    before = hashlib.sha256(MESSY).hexdigest()
    run = [sys.executable, "-m", "coordkit.cli", "report", str(source), "--quiet"]
    done = subprocess.run([*run, "-o", str(tmp_path / "r.html")], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)
    assert done.returncode == cli.EXIT_REJECTED_ROWS and "8 rows accepted, 0 rejected" in done.stdout
    assert "messy.csv: row 1 (line 2), column 'BH1': out of range" in done.stderr
    assert "messy.csv: row 6 (line 7), column 'now_D3I': empty, read as 0" in done.stderr
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "empty points cells read as 0" in html and "answers off the 1-5 scale" in html
    strict = subprocess.run([*run, "-o", str(tmp_path / "s.html"), "--strict"], capture_output=True,
                            text=True, cwd=ROOT, timeout=120)
    assert strict.returncode == cli.EXIT_BAD_INPUT and not (tmp_path / "s.html").exists()
    assert "3 rows accepted, 5 rejected" in strict.stdout and "Traceback" not in strict.stderr
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before  # the input is only read


def _points(changes: dict[tuple[int, str], str], size: int = 3) -> bytes:
    """A synthetic class with some cells changed: ``{(row, column): value}`` (row 0 = first)."""
    header, *rows = responses_csv(synthetic_class(seed=5, size=size)).splitlines()
    h, cells = header.split(","), [r.split(",") for r in rows]
    for (row, column), value in changes.items():
        cells[row][h.index(column)] = value
    return ("\n".join([header, *(",".join(c) for c in cells)]) + "\n").encode()


@pytest.mark.parametrize("value", ["-10", "150", "100.5"])
def test_points_off_the_range_leave_out_that_dimension_not_the_row(value):
    """Methodologist 2, finding 7: -10 or 150 is read like "n/a"; before, the whole row was rejected."""
    data = _points({(0, "now_D1H"): value})
    r = read_responses(data, name="x.csv")
    assert (r.n_accepted, r.n_rejected) == (3, 0)
    [left] = r.off_total
    assert left.message() == (
        "x.csv: row 1 (line 2), column 'now_D1H': out of range (points must be from 0 to 100), read as "
        "missing: dimension 1 (How are decisions made?), now is left out of the scores, the row kept "
        f"(found '{value}')")
    assert np.isnan(r.responses.now[0, 0, 0]) and np.isfinite(r.responses.now[0, 1:]).all()
    assert np.isfinite(r.responses.now[1:]).all() and np.isfinite(r.responses.preferred).all()
    assert ("dimensions left out of the scores (a points cell below 0 or over 100), rows kept: 1 dimension "
            "in 1 row (column now_D1H)") in r.notice_text()
    assert "1 divide-100 answer in 1 accepted row was below 0 or over 100 points" in r.summary()
    strict = read_responses(data, name="x.csv", strict=True)
    assert (strict.n_accepted, strict.n_rejected) == (2, 1)
    assert [p.message() for p in strict.rejected] == [
        f"x.csv: row 1 (line 2), column 'now_D1H': out of range: points must be from 0 to 100 "
        f"(found '{value}')"]


def test_the_problem_list_heading_counts_rows_rejected_and_kept():
    """"1 row(s) rejected:" stood over a list most of whose lines were in kept rows (finding 7)."""
    data = _points({(0, "respondent"): "", (0, "BH1"): "6", (1, "now_D2S"): "-10", (2, "MI2"): "3.5"})
    r = read_responses(data, name="x.csv")
    assert (r.n_accepted, r.n_rejected) == (2, 1)
    assert r.problems_heading() == "Problems (1 row rejected, 2 kept; each line says what was done):"
    text = r.problems_text()
    # the rejected row's other cells are listed with it, and not said to be kept
    assert ("x.csv: row 1 (line 2), column 'BH1': out of range: answers must be whole numbers from 1 "
            "(strongly disagree) to 5 (strongly agree); read as missing, but the row is rejected for another "
            "problem (found '6')") in text
    assert [line for line in text.splitlines() if "row 1 (line 2)" in line and "row kept" in line] == []
    assert "row 2 (line 3), column 'now_D2S': out of range (points" in text
    assert read_responses(_points({(2, "MI2"): "3.5"})).problems_heading() == (
        "Problems (no row rejected, 3 rows kept; each line says what was done):")


def test_the_command_keeps_rows_with_points_off_the_range(tmp_path):
    source = tmp_path / "points.csv"
    source.write_bytes(_points({(0, "now_D1H"): "-10", (2, "preferred_D4S"): "150"}))
    run = [sys.executable, "-m", "coordkit.cli", "report", str(source), "--quiet"]
    done = subprocess.run([*run, "-o", str(tmp_path / "r.html")], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)
    assert done.returncode == cli.EXIT_REJECTED_ROWS and "3 rows accepted, 0 rejected" in done.stdout
    assert "Problems (no row rejected, 3 rows kept; each line says what was done):" in done.stderr
    assert "row(s)" not in done.stderr + done.stdout
    assert ("points.csv: row 3 (line 4), column 'preferred_D4S': out of range (points must be from 0 to "
            "100), read as missing: dimension 4 (How does change happen?), preferred is left out of the "
            "scores, the row kept (found '150')") in done.stderr
    strict = subprocess.run([*run, "-o", str(tmp_path / "s.html"), "--strict"], capture_output=True,
                            text=True, cwd=ROOT, timeout=120)
    assert strict.returncode == cli.EXIT_BAD_INPUT and not (tmp_path / "s.html").exists()
    assert "1 row accepted, 2 rejected" in strict.stdout
    assert "Problems (2 rows rejected, 1 kept; each line says what was done):" in strict.stderr
