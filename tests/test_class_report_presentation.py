"""The class report's presentation: 'About the data' says each reader note once."""

from __future__ import annotations

from pathlib import Path

from coordkit.class_report import render_report
from coordkit.survey.read import LATE_SUBMISSION_WARNING, read_files

ROOT = Path(__file__).resolve().parents[1]


def test_about_the_data_says_the_late_submission_warning_once():
    result = read_files([ROOT / "data" / "synthetic_class.csv"], group_columns=["team"]).anonymised()
    doubled = result.anonymised()  # a second anonymising adds the warning again
    for r in (result, doubled):
        html = render_report(r, group_column="team", date="2026-01-01")  # once in the whole report
        assert html.count(LATE_SUBMISSION_WARNING.split(":")[0]) == 1, html
