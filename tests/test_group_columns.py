"""Which export columns may group a class (:mod:`coordkit.survey.read.groups`), on the tools' real exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from coordkit.cli import main
from coordkit.survey.read import read_files
from coordkit.survey.read.groups import group_columns

TOOLS = Path(__file__).resolve().parent / "survey_corpus" / "tools"


@pytest.mark.parametrize(("export", "team"), [("qualtrics_numeric.csv", "Q2"), ("surveymonkey.csv", "Team"),
                                              ("microsoft_forms_as_csv.csv", "Team"), ("jisc.csv", "2"),
                                              ("google_forms.csv", "Team")])
def test_only_the_team_column_of_each_tools_export_is_offered(export, team):
    first = read_files([TOOLS / export])
    unused = list(first.ignored_columns)
    readable = [c for c in unused if c not in first.identifying_columns]
    values = read_files([TOOLS / export], group_columns=readable).responses.groups
    choice = group_columns(unused, values, identifying=first.identifying_columns)
    assert choice.offered == (team,), choice.left_out
    assert set(choice.left_out) == set(unused) - {team}
    for column in first.identifying_columns:
        assert choice.left_out[column] == "identifies people (never read)"


def test_names_and_values_each_leave_a_column_out():
    values = {"Group": ["A"] * 5 + ["B"] * 5, "Thoughts": ["a long answer about the ward and its boss"] * 10,
              "Code": [f"X{k}" for k in range(10)],
              "Ratings": ["Strong", "Weak", "Moderate"] * 3 + ["Strong"],
              "Seminar": [str(k % 3 + 1) for k in range(10)], "Blank": [""] * 10}
    choice = group_columns(["Group", "Thoughts", "Code", "Ratings", "Seminar", "Blank", "Response Type",
                            "LastModifiedDate"], values)
    assert choice.offered == ("Group", "Seminar")  # seminars numbered 1-3 are groups, not answers
    assert choice.left_out == {"Thoughts": "free text",
                               "Code": "a different value for nearly every respondent",
                               "Ratings": "answers on the questionnaire's scales", "Blank": "empty",
                               "Response Type": "the survey tool's record-keeping",
                               "LastModifiedDate": "a time stamp or duration"}


def test_the_report_command_warns_about_an_implausible_group_column(tmp_path, capsys):
    out = tmp_path / "r.html"
    main(["report", str(TOOLS / "microsoft_forms_as_csv.csv"), "-o", str(out), "--group-column", "ID",
          "--quiet"])
    err = capsys.readouterr().err
    assert "note: --group-column ID looks like an identifier" in err
    main(["report", str(TOOLS / "microsoft_forms_as_csv.csv"), "-o", str(tmp_path / "t.html"),
          "--group-column", "Team", "--quiet"])
    assert "looks like" not in capsys.readouterr().err
