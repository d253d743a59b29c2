"""The class codes the reforms: files, pooling, agreement on constructed cases, privacy, the command."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from coordkit import codings as cd
from coordkit import history
from coordkit.cli import main
from coordkit.plots import history as ph

REFORMS = history.load_reforms()
HEADER = ",".join(cd.CODING_COLUMNS)
nan = float("nan")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def kit_rows(ids, shift=0):
    kit = REFORMS.set_index("id")
    return {rid: {m: int(np.clip(kit.loc[rid, c] + shift, -2, 2)) for m, c in
                  zip(("H", "S", "I", "F"), history.PUSH_COLUMNS.values(), strict=True)} for rid in ids}


# ----- Krippendorff's alpha against the published worked examples ---------------------------------
def test_alpha_matches_krippendorffs_worked_examples():
    # Krippendorff (2011), Computing Krippendorff's Alpha-Reliability, the 4 coders x 12 units example
    ordinal = [[1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
               [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
               [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
               [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan]]
    assert cd.krippendorff_alpha(ordinal, values=[1, 2, 3, 4, 5]) == pytest.approx(0.815, abs=5e-4)
    # and the package's own reproduction of the 3 coders x 15 units example (nominal 0.691, interval 0.811)
    three = [[nan, nan, nan, nan, nan, 3, 4, 1, 2, 1, 1, 3, 3, nan, 3],
             [1, nan, 2, 1, 3, 3, 4, 3, nan, nan, nan, nan, nan, nan, nan],
             [nan, nan, 2, 1, 3, 4, 4, nan, 2, 1, 1, 3, 3, nan, 4]]
    assert cd.krippendorff_alpha(three, level="nominal") == pytest.approx(0.691, abs=5e-4)
    assert cd.krippendorff_alpha(three, level="interval") == pytest.approx(0.811, abs=5e-4)


def test_alpha_is_undefined_without_anything_to_disagree_about():
    assert math.isnan(cd.krippendorff_alpha([[1, 1, 1], [1, 1, 1]]))
    assert math.isnan(cd.krippendorff_alpha([[1, nan], [nan, 2]]))  # no unit coded twice
    assert math.isnan(cd.krippendorff_alpha(np.zeros((0, 0))))


# ----- agreement on constructed cases ---------------------------------------------------------------
def test_perfect_agreement_gives_alpha_one():
    pool = cd.synthetic_pool(10, noise=0.0)
    agree = cd.agreement(pool)
    assert agree.overall == pytest.approx(1.0)
    defined = agree.by_mode["alpha"].dropna()
    assert len(defined) == 4 and np.allclose(defined, 1.0)
    per_reform = agree.by_reform["alpha"].dropna()
    assert len(per_reform) >= 8 and np.allclose(per_reform, 1.0)
    assert (agree.by_reform["spread"] == 0).all()
    kit = REFORMS.set_index("id").loc[list(cd.CODING_SET), list(history.PUSH_COLUMNS.values())]
    assert (cd.consensus(pool).set_index("id").loc[kit.index].to_numpy() == kit.to_numpy()).all()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_codings_give_alpha_near_zero(seed):
    pool = cd.synthetic_pool(60, noise=100.0, seed=seed)  # the noise swamps the kit: codes at random
    agree = cd.agreement(pool)
    assert abs(agree.overall) < 0.05
    assert (agree.by_mode["alpha"].abs() < 0.12).all()


def test_more_noise_less_agreement():
    alphas = [cd.agreement(cd.synthetic_pool(30, noise=n)).overall for n in (0.3, 0.8, 2.0)]
    assert alphas[0] > alphas[1] > alphas[2]


def test_consensus_is_the_median_with_ties_towards_zero(tmp_path):
    files = []
    for k, value in enumerate([2, 1, 1, 2, -1, 1]):  # six coders: median of (-1,1,1,1,2,2) is 1
        files.append(cd.write_coding({"nhs_act_1946": {"H": value, "S": 0, "I": 0, "F": k % 2}}, tmp_path))
    pool = cd.pool_codings(files)
    row = cd.consensus(pool).set_index("id").loc["nhs_act_1946"]
    assert int(row["push_hierarchy"]) == 1
    assert int(row["push_fatalism"]) == 0  # three 0s and three 1s: 0.5, towards zero


def test_reforms_coded_by_too_few_are_counted_not_shown(tmp_path):
    files = [cd.write_coding(kit_rows(["nhs_act_1946"]), tmp_path) for _ in range(6)]
    files += [cd.write_coding(kit_rows(["nhs_plan_2000"]), tmp_path) for _ in range(2)]
    pool = cd.pool_codings(files)
    agree = cd.agreement(pool)
    assert agree.by_reform.loc["nhs_plan_2000", "coders"] == 2
    assert not agree.by_reform.loc["nhs_plan_2000", "shown"]
    assert math.isnan(agree.by_reform.loc["nhs_plan_2000", "alpha"])
    assert "nhs_plan_2000" not in set(cd.consensus(pool)["id"])
    page = cd.codings_report_html(pool)
    assert "(too few)" in page


# ----- files: written new, read strictly, bad ones explained ---------------------------------------
def test_write_coding_never_overwrites(tmp_path):
    first = cd.write_coding({"nhs_act_1946": {"H": 2}}, tmp_path)
    before = first.read_text()
    paths = {cd.write_coding({"nhs_act_1946": {"H": k % 3}}, tmp_path) for k in range(30)}
    assert len(paths) == 30 and first not in paths
    assert first.read_text() == before
    back = cd.read_coding(first)
    assert back["id"].tolist() == ["nhs_act_1946"] and back["push_hierarchy"].tolist() == [2.0]
    assert math.isnan(back["push_solidarity"].iloc[0])  # not coded stays not coded


@pytest.mark.parametrize("text, expected", [
    ("", "is empty"),
    ("reform_id,hierarchy\nnhs_act_1946,2\n", "row 1: missing column(s) 'solidarity'"),
    (HEADER + "\nnhs_act_1946,2,3,0,0\n", "row 2, column 'solidarity': '3' is not a whole number"),
    (HEADER + "\nnhs_act_1946,2,1.5,0,0\n", "row 2, column 'solidarity': '1.5'"),
    (HEADER + "\nnhs_act_1946,2,lots,0,0\n", "row 2, column 'solidarity': 'lots'"),
    (HEADER + "\nnhs_act_1946,2,1,0,0\nnot_a_reform,0,0,0,0\n", "row 3, column 'reform_id': 'not_a_reform'"),
    (HEADER + "\nnhs_act_1946,2,1,0,0\nnhs_act_1946,1,1,0,0\n",
     "row 3, column 'reform_id': 'nhs_act_1946' is coded twice"),
    (HEADER + "\n", "has a header but no reform rows"),
])
def test_malformed_files_give_messages_not_tracebacks(tmp_path, text, expected):
    path = write(tmp_path, "student.csv", text)
    with pytest.raises(cd.CodingError) as error:
        cd.read_coding(path)
    assert str(error.value).startswith("student.csv")
    assert expected in str(error.value)
    good = cd.write_coding(kit_rows(["nhs_act_1946"]), tmp_path)
    pool = cd.pool_codings([path, good])
    assert expected in pool.messages[0]
    # a file with a good row keeps it: only the bad row is dropped (it used to cost the whole file)
    has_good_row = text.startswith(HEADER + "\nnhs_act_1946,2,1,0,0\n")
    if has_good_row:
        assert pool.coders == 2 and pool.files_left_out == 0 and pool.rows_left_out == 1
    else:
        assert pool.coders == 1 and pool.files_left_out == 1 and pool.rows_left_out == 0
    assert path.read_text(encoding="utf-8") == text  # inputs never modified


def test_one_mistyped_reform_id_drops_its_row_not_the_file(tmp_path):
    files = [cd.write_coding(kit_rows(cd.CODING_SET), tmp_path) for _ in range(7)]
    rows = [HEADER] + [f"{rid},1,1,0,0" for rid in cd.CODING_SET]
    rows[2] = "nhs_act_194x,1,1,0,0"  # one typo in a table's file
    rows.append(f"{cd.CODING_SET[0]},2,5,0,0")  # and a repeat with a push out of range
    typo = write(tmp_path, "table_3.csv", "\n".join(rows) + "\n")
    pool = cd.pool_codings([*files, typo])
    assert pool.coders == 8 and pool.files_left_out == 0 and pool.rows_left_out == 2
    assert pool.messages == (
        "table_3.csv, row 3, column 'reform_id': 'nhs_act_194x' is not a reform id in the kit's data",
        f"table_3.csv, row {len(rows)}, column 'reform_id': {cd.CODING_SET[0]!r} is coded twice "
        "(row 2 is kept)",
    )
    counts = pool.counts()
    assert counts[cd.CODING_SET[1]] == 7 and counts[cd.CODING_SET[0]] == 8  # the typo's reform: 7 coders
    typo_coder = pool.pushes[7, list(pool.reform_ids).index(cd.CODING_SET[0])]
    assert typo_coder.tolist() == [1.0, 1.0, 0.0, 0.0]  # the first row kept, the repeat dropped
    page = cd.codings_report_html(pool)
    assert "8 codings pooled" in page and "2 bad rows" in page and "table_3" not in page


def test_unreadable_files_are_explained(tmp_path):
    binary = tmp_path / "latin.csv"
    binary.write_bytes(HEADER.encode() + b"\nnhs_act_1946,2,1,0,0\n\xff\xfe\n")
    missing = tmp_path / "gone.csv"
    pool = cd.pool_codings([binary, missing, tmp_path])
    assert pool.coders == 0 and pool.files_left_out == 3
    assert "latin.csv: is not UTF-8" in pool.messages[0]
    assert pool.messages[1].startswith("gone.csv: cannot be read")


def test_extra_columns_bom_blank_lines_and_a_unicode_minus_are_fine(tmp_path):
    text = "\ufeffname," + HEADER + "\nAlex Smith,nhs_act_1946,2,\u22121,0,\n\n"
    frame = cd.read_coding(write(tmp_path, "x.csv", text))
    assert frame.columns.tolist() == ["id", *history.PUSH_COLUMNS.values()]  # the name is never read
    assert frame["push_solidarity"].tolist() == [-1.0]


# ----- privacy in the report ------------------------------------------------------------------------
def test_report_names_no_one_and_no_file(tmp_path):
    files = []
    for k in range(7):
        path = write(tmp_path, f"jo_bloggs_{k}.csv",
                     "name," + HEADER + "\n" + "\n".join(
                         f"Jo Bloggs {k},{rid},{(k % 3) - 1},1,0,{k % 2}" for rid in cd.CODING_SET) + "\n")
        files.append(path)
    files.append(write(tmp_path, "broken_by_sam.csv", "junk\n"))
    pool = cd.pool_codings(files)
    page = cd.codings_report_html(pool)
    assert pool.coders == 7 and pool.files_left_out == 1
    for secret in ("jo_bloggs", "Jo Bloggs", "broken_by_sam", ".csv"):
        assert secret not in page
    assert "1 file\ncould not be read" in page or "1 file could not be read" in page.replace("\n", " ")
    assert "Krippendorff" in page and "disagrees on most" in page


def test_too_few_codings_show_counts_only():
    page = cd.codings_report_html(cd.synthetic_pool(4))
    assert "Too few codings to pool" in page and "alpha</th>" not in page


def test_the_sheet_is_printable_and_escaped():
    odd = REFORMS.copy()
    odd.loc[odd["id"] == "nhs_act_1946", "title"] = "<script>alert(1)</script>"
    page = cd.coding_sheet_html(odd)
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert page.count('class="box"') == 4 * len(cd.CODING_SET)
    assert 'lang="en"' in page and 'scope="col">Hierarchy</th>' in page.replace("\n", " ")


# ----- views drawn from the class or one student -----------------------------------------------------
def test_views_from_the_consensus_or_one_student():
    pool = cd.synthetic_pool(12, noise=1.0, seed=7)
    theirs = cd.consensus(pool)
    mine = cd.student_coding(pool, 3)
    for coding in (theirs, mine):
        shown = ph.timeline_reforms(REFORMS, coding=coding)
        applied = history.apply_coding(REFORMS, coding).set_index("id")
        row = coding.set_index("id").iloc[0]
        for column, value in row.items():
            if not (isinstance(value, float) and math.isnan(value)):
                assert applied.loc[row.name, column] == value
        assert len(shown) >= 1
    with pytest.raises(ValueError, match="from 1 to 12"):
        cd.student_coding(pool, 13)


# ----- the command -----------------------------------------------------------------------------------
def test_codings_command(tmp_path, capsys):
    files = [cd.write_coding(kit_rows(cd.CODING_SET, shift=k % 2), tmp_path) for k in range(6)]
    out = tmp_path / "codings.html"
    assert main(["codings", *map(str, files), "-o", str(out)]) == 0
    assert "6 codings pooled, 0 left out" in capsys.readouterr().out
    assert "Agreement per mode" in out.read_text(encoding="utf-8")
    assert main(["codings", *map(str, files), "-o", str(out)]) == 1  # never overwrites by default
    assert "already exists" in capsys.readouterr().err
    bad = write(tmp_path, "typo.csv", HEADER + "\nnhs_act_1946,9,0,0,0\n")
    assert main(["codings", *map(str, files), str(bad), "-o", str(out), "--force"]) == 3
    err = capsys.readouterr().err
    assert "left out: typo.csv, row 2, column 'hierarchy'" in err
    assert main(["codings", str(bad), "-o", str(tmp_path / "none.html")]) == 1
    assert not (tmp_path / "none.html").exists()
    assert main(["codings", str(files[0]), "-o", str(files[0])]) == 1  # never overwrite an input
    sheet = tmp_path / "sheet.html"
    assert main(["codings", "--sheet", str(sheet)]) == 0 and sheet.exists()
    with pytest.raises(SystemExit):
        main(["codings", str(files[0]), "-o", str(out), "--min-coders", "1"])


def test_pool_keeps_reforms_in_date_order(tmp_path):
    path = cd.write_coding(kit_rows(["nhs_plan_2000", "nhs_act_1946"]), tmp_path)
    pool = cd.pool_codings([path])
    assert pool.reform_ids == ("nhs_act_1946", "nhs_plan_2000")
    assert isinstance(cd.student_coding(pool, 1), pd.DataFrame)


# ----- blank templates (lecturer review, issue 18) ----------------------------------------------------
def test_a_blank_template_is_no_coding_and_is_named_on_the_terminal_only(tmp_path, capsys):
    template = (Path(__file__).resolve().parents[1] / "docs" / "coding_template.csv").read_text("utf-8")
    files = [cd.write_coding(kit_rows(cd.SESSION_SET, shift=k % 2), tmp_path) for k in range(5)]
    blanks = [write(tmp_path, f"table_{k}_sam_jones.csv", template) for k in (2, 7)]
    spaced = write(tmp_path, "table_9.csv", template.replace(",,,,", ", , , ,"))  # blanks typed as spaces
    half = write(tmp_path, "half.csv", template.replace("nhs_act_1946,,,,", "nhs_act_1946,2,1,0,0"))
    pool = cd.pool_codings([*files, *blanks, spaced, half])
    assert pool.coders == 6, "a blank template was pooled as a coding"
    assert pool.blank == ("table_2_sam_jones.csv", "table_7_sam_jones.csv", "table_9.csv")
    assert pool.files_left_out == 0 and pool.rows_left_out == 0
    assert pool.counts()["nhs_act_1946"] == 6 and pool.counts()["health_and_care_act_2022"] == 5
    page = cd.codings_report_html(pool)
    assert "6 codings pooled" in page and "3 blank coding templates" in page.replace("\n", " ")
    assert "sam_jones" not in page and "table_" not in page
    out = tmp_path / "codings.html"
    status = main(["codings", *map(str, [*files, *blanks, spaced, half]), "-o", str(out)])
    err = capsys.readouterr()
    assert status == 3
    assert ("left out: 3 blank templates (no reform coded): table_2_sam_jones.csv, table_7_sam_jones.csv, "
            "table_9.csv") in err.err
    assert "6 codings pooled" in err.out and "3 blank template(s) left out" in err.out
    assert "sam_jones" not in out.read_text(encoding="utf-8")
    only_blank = main(["codings", str(blanks[0]), "-o", str(tmp_path / "none.html")])
    assert only_blank == 1 and "only blank templates" in capsys.readouterr().err
