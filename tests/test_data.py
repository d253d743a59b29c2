"""Every data file against its sidecar, the content rules for each file, and the validator itself.

Corruption tests work on copies in tmp_path; nothing here writes to data/.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from contextlib import redirect_stdout
from datetime import date
from pathlib import Path

import pytest

from coordkit import data
from coordkit.history import ERA_LABELS, era_of
from coordkit.modes import ALL_MODES, MODES, parse_mode

DATA = data.data_dir()
NAMES = data.dataset_names()
PUSHES = [f"push_{m.value}" for m in ALL_MODES]


def rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def copy_dataset(name: str, target: Path) -> Path:
    shutil.copy(DATA / name, target / name)
    shutil.copy(DATA / f"{name}.yml", target / f"{name}.yml")
    return target / name


def rewrite_cell(path: Path, row: int, column: str, value: str) -> None:
    """Set one cell (row 1 = first data row) in a CSV copy."""
    with open(path, newline="", encoding="utf-8") as handle:
        table = list(csv.reader(handle))
    table[row][table[0].index(column)] = value
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(table)


# ----- every file, every run -------------------------------------------------------------------
def test_the_expected_files_are_there():
    assert {"hood_control_types.csv", "hood_npm_doctrines.csv", "nhs_performance.csv",
            "nhs_reforms.csv", "nhs_scenarios.csv"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_file_validates_against_its_sidecar(name):
    assert data.check(name) == []


def test_validate_all_finds_no_orphans():
    assert data.validate_all() == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_sidecar_conventions(name):
    meta = data.read_sidecar(name)
    assert isinstance(meta["retrieved"], date)
    assert "MIT" in meta["licence"]
    assert all(s["url"].startswith(("http://", "https://")) for s in meta["sources"])
    assert meta["caveats"]
    for col in meta["schema"]["columns"]:
        assert col["type"] in data.COLUMN_TYPES
        if col.get("judgement"):
            assert "judgement" in col["description"].lower(), col["name"]


def test_catalogue_is_up_to_date():
    committed = (DATA / "README.md").read_text(encoding="utf-8")
    assert committed == data.catalogue_markdown(), (
        "data/README.md is stale: run `python -m coordkit.data catalogue > data/README.md`")


def test_catalogue_lists_every_file_and_its_sources():
    text = data.catalogue_markdown()
    for name in NAMES:
        meta = data.read_sidecar(name)
        assert f"## {meta['title']}" in text
        assert all(s["url"] in text for s in meta["sources"])


# ----- nhs_reforms.csv -------------------------------------------------------------------------
REFORMS = rows("nhs_reforms.csv")


def test_at_least_35_reforms():
    assert len(REFORMS) >= 35


def test_reform_dates_parse_and_fall_in_range():
    for row in REFORMS:
        when = date.fromisoformat(row["date"])
        assert date(1946, 1, 1) <= when <= date(2025, 12, 31), row["id"]


def test_date_precision_is_honest():
    for row in REFORMS:
        when = date.fromisoformat(row["date"])
        if row["date_precision"] in ("month", "year"):
            assert when.day == 1, row["id"]
            assert row["date_note"], f"{row['id']}: a month- or year-precision date needs a date_note"
        if row["date_precision"] == "year":
            assert when.month == 1, row["id"]


def test_every_reform_has_a_source_address():
    for row in REFORMS:
        urls = row["sources"].split(" ; ")
        assert urls and all(u.startswith(("http://", "https://")) and " " not in u for u in urls), row["id"]


def test_codings_are_integers_from_minus_2_to_2():
    for row in REFORMS:
        for column in PUSHES:
            value = int(row[column])
            assert str(value) == row[column] and -2 <= value <= 2, (row["id"], column)


def test_every_reform_pushes_something_and_says_why():
    for row in REFORMS:
        assert any(int(row[c]) for c in PUSHES), row["id"]
        assert row["coding_rationale"].strip() and row["description"].strip(), row["id"]


def test_no_duplicate_events():
    ids = [r["id"] for r in REFORMS]
    assert len(ids) == len(set(ids))
    keys = [(r["title"].casefold(), r["date"]) for r in REFORMS]
    assert len(keys) == len(set(keys))
    titles = [r["title"].casefold() for r in REFORMS]
    assert len(titles) == len(set(titles))


def test_eras_match_the_years():
    for row in REFORMS:
        assert row["era"] in ERA_LABELS
        assert era_of(date.fromisoformat(row["date"]).year) == row["era"], row["id"]


def test_sources_disagreeing_are_flagged_not_hidden():
    by_id = {r["id"]: r for r in REFORMS}
    assert "disagree" in by_id["ae_four_hour_target"]["date_note"]
    assert "2005" in by_id["ae_four_hour_target"]["date_note"]
    assert "8 Dec" in by_id["new_nhs_white_paper_1997"]["date_note"]
    # Issue 17 settled the day of the NHS Plan (27 Jul 2000, Department of Health report); the other
    # source's date stays in the note rather than being dropped.
    assert by_id["nhs_plan_2000"]["date_precision"] == "day"
    assert by_id["nhs_plan_2000"]["date"] == "2000-07-27"
    assert "1 Jul" in by_id["nhs_plan_2000"]["date_note"]


def test_fact_check_2_corrections():
    by_id = {r["id"]: r for r in REFORMS}
    griffiths = by_id["griffiths_inquiry_1983"]["date_note"]
    assert "April 1984" not in griffiths and "4 Jun 1984" in griffiths and "end of 1985" in griffiths
    hansard = "historic-hansard/written_answers/1984/jun/04/griffiths-report"
    assert hansard in by_id["griffiths_inquiry_1983"]["sources"]
    assert "substantially remodelled" in by_id["hospital_plan_1962"]["description"]
    assert "rebuilt" not in by_id["hospital_plan_1962"]["description"]
    assert by_id["working_for_patients_1989"]["date"] == "1989-01-31"
    assert by_id["payment_by_results_2002"]["date"] == "2002-04-18"
    assert "2003-04" in by_id["payment_by_results_2002"]["date_note"]
    assert "30 Jan 2020" in by_id["covid19_response_2020"]["date_note"]
    assert "combined" in by_id["nhse_abolition_announced_2025"]["description"]
    assert len(REFORMS) >= 60
    for reform_id in ("nhs_charges_1951", "guillebaud_report_1956", "salmon_report_1966",
                      "cogwheel_report_1967", "rawp_1976", "merrison_report_1979", "health_services_act_1980",
                      "korner_reports_1982", "patients_charter_1992", "health_authorities_act_1995",
                      "shifting_balance_of_power_2001", "wanless_budget_2002", "reconfiguration_2006",
                      "patient_choice_2006", "nhs_constitution_2009", "long_term_workforce_plan_2023"):
        assert reform_id in by_id, reform_id


def test_the_seed_post_is_not_a_reform():
    for row in REFORMS:
        assert "balanced change model" not in row["title"].lower()
        assert row["date"] != "2022-11-15"


def test_every_era_and_mode_direction_is_represented():
    assert {r["era"] for r in REFORMS} == set(ERA_LABELS)
    for column in PUSHES:
        assert any(int(r[column]) > 0 for r in REFORMS), column
        assert any(int(r[column]) < 0 for r in REFORMS), column


# ----- nhs_performance.csv ---------------------------------------------------------------------
PERFORMANCE = rows("nhs_performance.csv")


def test_performance_rows_have_sources_and_one_unit_per_series():
    units: dict[str, set[str]] = {}
    for row in PERFORMANCE:
        assert row["source"].startswith(("http://", "https://")), row
        assert row["basis"].strip(), row
        units.setdefault(row["series"], set()).add(row["unit"])
    assert all(len(u) == 1 for u in units.values()), units
    assert {"ae_4hr", "rtt_waiting_list", "spending_growth_real", "national_targets",
            "staff_survey_recommend_work", "staff_survey_enough_staff"} <= set(units)


def test_performance_values_are_plausible():
    for row in PERFORMANCE:
        value = float(row["value"])
        if row["unit"].startswith("percent") and row["unit"] != "percent a year":
            assert 0 <= value <= 100, row
        assert date(1946, 1, 1) <= date.fromisoformat(row["period_start"]) <= date(2026, 12, 31)


def test_type_1_and_planned_rows_say_so():
    for row in PERFORMANCE:
        if row["series"] == "spending_settlement_real":
            assert "PLANNED" in row["basis"]
        if row["series"] == "ae_4hr" and row["value"] == "49.6":
            assert "TYPE 1" in row["basis"]


# ----- Hood ------------------------------------------------------------------------------------
def test_hood_has_seven_doctrines_with_wording_status():
    doctrines = rows("hood_npm_doctrines.csv")
    assert [int(d["number"]) for d in doctrines] == list(range(1, 8))
    assert [d["wording_confirmed"] for d in doctrines] == ["true"] * 4 + ["false"] * 3
    for d in doctrines:
        parse_mode(d["mode"])
        if d["secondary_mode"]:
            assert parse_mode(d["secondary_mode"]) != parse_mode(d["mode"])
    sidecar = " ".join(data.read_sidecar("hood_npm_doctrines")["caveats"])
    assert "1-4" in sidecar and "5-7" in sidecar


def test_hood_control_types_agree_with_the_modes_module():
    # Schema change (issue 13): the file now holds the four polar types and six hybrids, and the
    # failure of each polar type's way of life (which modes.MODES records) moved to its own column,
    # way_of_life_failure, so that characteristic_failure can describe the control itself.
    controls = [c for c in rows("hood_control_types.csv") if c["kind"] == "polar"]
    assert len(controls) == 4
    for c in controls:
        info = MODES[parse_mode(c["mode"])]
        assert c["control_type"] == info.hood_control
        assert c["way_of_life_failure"] == info.hood_failure
        assert (c["grid"], c["group"]) == (info.grid, info.group)


# ----- the validator, on corrupted copies ------------------------------------------------------
def test_corrupted_cell_is_reported_with_file_row_and_column(tmp_path):
    original = data.file_sha256(DATA / "nhs_reforms.csv")
    path = copy_dataset("nhs_reforms.csv", tmp_path)
    rewrite_cell(path, 3, "push_hierarchy", "3")
    rewrite_cell(path, 5, "date", "1999-13-01")
    rewrite_cell(path, 7, "sources", "see the Guardian")
    with pytest.raises(data.DataValidationError) as caught:
        data.validate("nhs_reforms.csv", tmp_path)
    message = str(caught.value)
    assert "nhs_reforms.csv" in message
    assert "row 3 (line 4), column 'push_hierarchy': 3 is above the maximum 2" in message
    assert "row 5 (line 6), column 'date': '1999-13-01' is not a real calendar date" in message
    assert "row 7 (line 8), column 'sources'" in message
    assert "SHA-256" in message
    assert data.file_sha256(DATA / "nhs_reforms.csv") == original  # the real file is untouched


def test_type_errors_name_the_column(tmp_path):
    path = copy_dataset("nhs_performance.csv", tmp_path)
    rewrite_cell(path, 2, "value", "about 98")
    rewrite_cell(path, 4, "period_start", "2019/12")
    problems = data.check("nhs_performance.csv", tmp_path, check_hash=False)
    assert problems == [
        "nhs_performance.csv: row 2 (line 3), column 'value': 'about 98' is not a number",
        "nhs_performance.csv: row 4 (line 5), column 'period_start': "
        "'2019/12' is not a date in the form YYYY-MM-DD",
    ]


def test_duplicate_ids_and_empty_cells_are_caught(tmp_path):
    path = copy_dataset("nhs_reforms.csv", tmp_path)
    first_id = REFORMS[0]["id"]
    rewrite_cell(path, 2, "id", first_id)
    rewrite_cell(path, 4, "title", "")
    problems = data.check("nhs_reforms.csv", tmp_path, check_hash=False)
    assert any("row 2 (line 3), column 'id'" in p and "repeats the value in row 1" in p for p in problems)
    assert any("row 4 (line 5), column 'title': is empty" in p for p in problems)


def test_header_and_shape_problems(tmp_path):
    path = copy_dataset("hood_control_types.csv", tmp_path)
    text = path.read_text(encoding="utf-8").replace("cultural_bias", "bias", 1)
    path.write_text(text, encoding="utf-8")
    problems = data.check("hood_control_types.csv", tmp_path, check_hash=False)
    assert len(problems) == 1 and "header (line 1)" in problems[0] and "cultural_bias" in problems[0]
    path = copy_dataset("hood_npm_doctrines.csv", tmp_path)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("8,extra\n")
    problems = data.check("hood_npm_doctrines.csv", tmp_path, check_hash=False)
    assert problems == ["hood_npm_doctrines.csv: row 8 (line 9): has 2 cells, expected 8"]


def test_sidecar_problems_are_reported(tmp_path):
    copy_dataset("hood_control_types.csv", tmp_path)
    side = tmp_path / "hood_control_types.csv.yml"
    side.write_text(side.read_text(encoding="utf-8").replace("licence:", "license:", 1), encoding="utf-8")
    problems = data.check("hood_control_types.csv", tmp_path)
    assert "hood_control_types.csv.yml: required key 'licence' is missing" in problems
    assert "hood_control_types.csv.yml: unknown key 'license'" in problems


def test_orphans_are_reported(tmp_path):
    copy_dataset("hood_control_types.csv", tmp_path)
    (tmp_path / "stray.csv").write_text("a\n1\n", encoding="utf-8")
    with pytest.raises(data.DataValidationError, match=r"stray\.csv: data file without a sidecar"):
        data.validate_all(tmp_path)


def test_rehash_updates_only_the_hash_line(tmp_path):
    path = copy_dataset("nhs_performance.csv", tmp_path)
    rewrite_cell(path, 1, "value", "97.9")
    before_csv = path.read_bytes()
    before_yml = (tmp_path / "nhs_performance.csv.yml").read_text(encoding="utf-8")
    assert data.check("nhs_performance.csv", tmp_path)  # hash no longer matches
    changed = data.rehash(tmp_path)
    assert changed == {"nhs_performance.csv": data.file_sha256(path)}
    after_yml = (tmp_path / "nhs_performance.csv.yml").read_text(encoding="utf-8")
    diff = [(a, b) for a, b in zip(before_yml.splitlines(), after_yml.splitlines(), strict=True) if a != b]
    assert len(diff) == 1 and diff[0][1].startswith("sha256:")
    assert path.read_bytes() == before_csv
    assert data.check("nhs_performance.csv", tmp_path) == []
    assert data.rehash(tmp_path) == {}


def test_cli(tmp_path):
    out = io.StringIO()
    with redirect_stdout(out):
        assert data.main(["catalogue"]) == 0
    assert out.getvalue() == data.catalogue_markdown()
    path = copy_dataset("nhs_reforms.csv", tmp_path)
    rewrite_cell(path, 1, "push_fatalism", "-3")
    with redirect_stdout(io.StringIO()):
        assert data.main(["validate", "--dir", str(tmp_path)]) == 1


# ----- loading and finding ---------------------------------------------------------------------
def test_load_types_columns_and_attaches_the_sidecar():
    reforms = data.load("nhs_reforms")
    assert list(reforms.columns) == [c["name"] for c in data.read_sidecar("nhs_reforms")["schema"]["columns"]]
    assert str(reforms["date"].dtype).startswith("datetime64")
    assert all(str(reforms[c].dtype) == "int64" for c in PUSHES)
    assert reforms.attrs["source_file"] == "nhs_reforms.csv"
    doctrines = data.load("hood_npm_doctrines")
    assert doctrines["wording_confirmed"].dtype == bool
    assert str(data.load("nhs_performance")["value"].dtype) == "float64"


def test_load_refuses_an_invalid_file(tmp_path):
    path = copy_dataset("hood_control_types.csv", tmp_path)
    rewrite_cell(path, 1, "grid", "medium")
    with pytest.raises(data.DataValidationError, match=r"row 1 \(line 2\), column 'grid'"):
        data.load("hood_control_types", tmp_path)


def test_unknown_names_list_the_known_files():
    with pytest.raises(FileNotFoundError, match=r"nhs_reforms\.csv"):
        data.load("nhs_reform")


def test_data_dir_prefers_the_wheel_copy(tmp_path):
    package = tmp_path / "site" / "coordkit"
    (package / "_data").mkdir(parents=True)
    (tmp_path / "site" / "data").mkdir()
    assert data._find_data_dir(package) == package / "_data"
    (package / "_data").rmdir()
    assert data._find_data_dir(package) == tmp_path / "site" / "data"
    (tmp_path / "site" / "data").rmdir()
    with pytest.raises(FileNotFoundError, match="data folder not found"):
        data._find_data_dir(package)


def test_import_coordkit_stays_light():
    code = ("import sys, coordkit, coordkit.data; "
            "print(sorted(m for m in ('pandas', 'yaml', 'coordkit.history') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_ae_2021_22_cites_its_own_edition():
    (row,) = [r for r in PERFORMANCE if r["series"] == "ae_4hr" and r["period"] == "2021/22"]
    assert row["value"] == "77"
    assert "/2021-22/performance-times" in row["source"]
