"""Which export columns may group a class (:mod:`coordkit.survey.read.groups`), on the tools' real exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from coordkit.cli import main
from coordkit.survey.read import SurveyFileError, read_files
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


@pytest.mark.parametrize("export", sorted(p.name for p in TOOLS.iterdir() if p.suffix in (".csv", ".xlsx")))
def test_one_read_keeps_the_other_columns_values_as_a_second_read_would_give_them(export):
    # issue 11: the class-results app read the folder twice (the second time with every readable
    # column as a group, for its values); one read with column_values gives the same values
    try:
        plain = read_files([TOOLS / export])
    except SurveyFileError:  # a file that cannot be read is not read with its columns' values either
        with pytest.raises(SurveyFileError):
            read_files([TOOLS / export], column_values=True)
        return
    assert plain.column_values == {}  # only when asked
    first = read_files([TOOLS / export], column_values=True)
    readable = [c for c in first.ignored_columns if c not in first.identifying_columns
                and not c.startswith("(unnamed column")]
    assert set(first.column_values) == set(readable)
    assert not set(first.column_values) & set(first.identifying_columns)  # never read
    try:  # the old second read; it could fail (a column's title claimed as a group), leaving names only
        again = read_files([TOOLS / export], group_columns=readable) if readable else None
    except SurveyFileError:
        again = None
    if again is not None:
        assert first.column_values == dict(again.responses.groups)
        assert first.responses.ids == again.responses.ids


def test_merged_files_keep_the_values_of_the_columns_every_file_has(tmp_path):
    lines = (Path(__file__).resolve().parents[1] / "data" / "synthetic_class.csv").read_text(
        encoding="utf-8").splitlines()
    for k, extra in enumerate((["Seminar", "Cohort"], ["Seminar"])):
        rows = [",".join([lines[0], *extra])]
        rows += [",".join([line, *(f"{c} {j % 3}" for c in extra)])
                 for j, line in enumerate(lines[1 + 30 * k:31 + 30 * k])]
        (tmp_path / f"part{k}.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    merged = read_files([tmp_path], column_values=True)
    assert list(merged.column_values) == ["team", "role", "Seminar"]  # Cohort is in one file only
    assert merged.column_values["Seminar"] == tuple(f"Seminar {j % 3}" for k in range(2) for j in range(30))
