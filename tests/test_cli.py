"""The ``coordkit`` command, through its real entry point (``python -m coordkit.cli`` in a fresh
process, as the console script runs it) and through ``main()``."""

from __future__ import annotations

import hashlib
import html
import io
import re
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
import yaml

from coordkit import cli
from coordkit.data import data_dir
from coordkit.survey import synthetic_class
from coordkit.survey_io import responses_csv

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).parent / "survey_corpus"
SYNTHETIC = data_dir() / "synthetic_class.csv"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "coordkit.cli", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=120)


def call(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            status = cli.main(list(args))
        except SystemExit as exit_:
            status = int(exit_.code)
    return status, out.getvalue(), err.getvalue()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ----- the real entry point --------------------------------------------------------------------
def test_report_on_the_synthetic_class(tmp_path):
    before = sha(SYNTHETIC)
    out = tmp_path / "report.html"
    done = run("report", str(SYNTHETIC), "-o", str(out), "--group-column", "team", "--title", "SYNTHETIC")
    assert done.returncode == cli.EXIT_OK, done.stderr
    assert "60 rows accepted, 0 rejected" in done.stdout
    assert f"wrote {out} (60 respondents)" in done.stdout
    assert "Traceback" not in done.stderr
    html = out.read_text(encoding="utf-8")
    assert "Groups by team" in html and "Estates (fewer than 5 respondents)" in html
    assert sha(SYNTHETIC) == before


def test_report_group_level_names_what_a_seminar_column_shares(tmp_path):
    seminar = tmp_path / "seminar.csv"
    seminar.write_text(SYNTHETIC.read_text(encoding="utf-8").replace("team", "seminar", 1), encoding="utf-8")
    unknown, as_team = tmp_path / "unknown.html", tmp_path / "team.html"
    done = run("report", str(seminar), "-o", str(unknown), "--group-column", "seminar")
    assert done.returncode == cli.EXIT_OK, done.stderr
    assert "the level the group column denotes is not known" in unknown.read_text(encoding="utf-8")
    done = run("report", str(seminar), "-o", str(as_team), "--group-column", "seminar",
               "--group-level", "team")
    assert done.returncode == cli.EXIT_OK, done.stderr
    assert "the level the group column denotes is not known" not in as_team.read_text(encoding="utf-8")
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(("name", "message"), [
    ("empty.csv", "empty.csv: the file is empty"),
    ("missing_column.csv", "missing column 'preferred_D3F'"),
    ("latin1.csv", "not UTF-8 text"),
    ("workbook.csv", "spreadsheet workbook"),
])
def test_bad_file_exits_1_with_a_message_and_no_traceback(tmp_path, name, message):
    out = tmp_path / "r.html"
    done = run("report", str(CORPUS / name), "-o", str(out))
    assert done.returncode == cli.EXIT_BAD_INPUT
    assert done.stderr.startswith("coordkit: error: ") and message in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_rejected_rows_exit_3_and_are_listed(tmp_path):
    out = tmp_path / "r.html"
    done = run("report", str(CORPUS / "empty_id.csv"), "-o", str(out))
    assert done.returncode == cli.EXIT_REJECTED_ROWS
    assert "Problems (1 row rejected, 4 kept; each line says what was done):" in done.stderr
    assert "every row needs a respondent id" in done.stderr
    assert "4 rows accepted, 1 rejected" in done.stdout
    assert out.exists() and "Rows not used" in out.read_text(encoding="utf-8")
    # points of 120 leave out that dimension, the row kept (methodologist 2, finding 7); --strict rejects it
    kept = run("report", str(CORPUS / "out_of_range.csv"), "-o", str(tmp_path / "k.html"))
    assert kept.returncode == cli.EXIT_REJECTED_ROWS and "5 rows accepted, 0 rejected" in kept.stdout
    assert ("(a points cell below 0 or over 100), rows kept: 1 dimension in 1 row (column now_D2S)"
            in kept.stderr)
    strict = run("report", str(CORPUS / "out_of_range.csv"), "-o", str(tmp_path / "s.html"), "--strict")
    assert strict.returncode == cli.EXIT_BAD_INPUT and not (tmp_path / "s.html").exists()
    assert "4 rows accepted, 1 rejected" in strict.stdout
    # a points cell that is not a number ('lots') leaves out its dimension, not the row (issue 14, item f)
    kept = run("report", str(CORPUS / "non_numeric.csv"), "-o", str(tmp_path / "n.html"), "--strict")
    assert kept.returncode == cli.EXIT_REJECTED_ROWS and "5 rows accepted, 0 rejected" in kept.stdout
    assert "(a points cell not a number), rows kept: 1 dimension in 1 row (column preferred_D4I)" in (
        kept.stderr)
    # a dimension off 100 keeps its row (issue 14, finding 11): exit 3, listed, and announced first
    off = run("report", str(CORPUS / "sum_off.csv"), "-o", str(tmp_path / "o.html"))
    assert off.returncode == cli.EXIT_REJECTED_ROWS and "5 rows accepted, 0 rejected" in off.stdout
    assert off.stderr.startswith("=" * 78 + "\nNOT EVERYTHING WAS READ: 5 rows used, 0 rejected, 0 left out.")
    assert "points sum to 90" in off.stderr


def test_usage_errors_exit_2():
    done = run("report", str(SYNTHETIC), "-o", "x.html", "--min-group", "2")
    assert done.returncode == cli.EXIT_USAGE and "--min-group must be at least 3" in done.stderr
    assert run().returncode == cli.EXIT_USAGE
    assert run("report", str(SYNTHETIC)).returncode == cli.EXIT_USAGE  # -o is required


def test_progress_bar_for_a_large_file(tmp_path):
    big = tmp_path / "big.csv"
    big.write_text(responses_csv(synthetic_class(size=1500)), encoding="utf-8")
    done = run("report", str(big), "-o", str(tmp_path / "big.html"), "--group-column", "team")
    assert done.returncode == cli.EXIT_OK, done.stderr
    assert "reading big.csv" in done.stderr and "100% writing HTML" in done.stderr
    quiet = run("report", str(big), "-o", str(tmp_path / "q.html"), "--quiet")
    assert quiet.stderr == ""


def test_template_and_synthetic_commands(tmp_path):
    template = tmp_path / "t.csv"
    done = run("template", "-o", str(template), "--group-column", "team")
    assert done.returncode == 0 and template.read_text().startswith("respondent,team,now_D1H")
    assert run("template", "-o", str(template)).returncode == cli.EXIT_BAD_INPUT  # exists
    synthetic = tmp_path / "s.csv"
    assert run("synthetic", "-o", str(synthetic)).returncode == 0
    assert synthetic.read_bytes() == SYNTHETIC.read_bytes()


# ----- main() ----------------------------------------------------------------------------------
def test_main_merges_several_files(tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text(responses_csv(synthetic_class(seed=1, size=5)), encoding="utf-8")
    b.write_text(responses_csv(synthetic_class(seed=2, size=7)), encoding="utf-8")
    status, out, err = call("report", str(a), str(b), "-o", str(tmp_path / "r.html"), "--quiet")
    assert status == cli.EXIT_REJECTED_ROWS  # S001..S005 are in both files
    assert "2 rows accepted, 10 rejected" in out and "duplicate respondent id: also in" in err


def test_main_refuses_to_overwrite_an_input(tmp_path):
    path = tmp_path / "class.csv"
    path.write_text(responses_csv(synthetic_class(size=6)), encoding="utf-8")
    before = sha(path)
    status, _, err = call("report", str(path), "-o", str(path))
    assert status == cli.EXIT_BAD_INPUT and "would overwrite the input" in err
    assert sha(path) == before


def test_main_reports_an_unwritable_output(tmp_path):
    status, _, err = call("report", str(SYNTHETIC), "-o", str(tmp_path / "missing" / "r.html"), "--quiet")
    assert status == cli.EXIT_BAD_INPUT and "does not exist" in err
    status, _, err = call("report", str(SYNTHETIC), "-o", str(tmp_path), "--quiet")
    assert status == cli.EXIT_BAD_INPUT and "is a folder" in err


def test_main_with_no_row_accepted(tmp_path):
    path = tmp_path / "all_bad.csv"
    lines = responses_csv(synthetic_class(size=3)).splitlines()
    assert lines[0].startswith("respondent,")
    lines[1:] = ["," + line.split(",", 1)[1] for line in lines[1:]]  # every row without its id: rejected
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, _, err = call("report", str(path), "-o", str(tmp_path / "r.html"))
    assert status == cli.EXIT_BAD_INPUT and "no row could be accepted" in err
    assert "Problems (3 rows rejected, none kept; each line says what was done):" in err
    assert not (tmp_path / "r.html").exists()
    # a 1-5 answer of 9 is read as missing, its row kept (issue 14, finding 12); --strict rejects it
    lines = responses_csv(synthetic_class(size=3)).splitlines()
    lines[1:] = [line.rsplit(",", 1)[0] + ",9" for line in lines[1:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, out, _ = call("report", str(path), "-o", str(tmp_path / "r.html"), "--quiet")
    assert status == cli.EXIT_REJECTED_ROWS and "3 rows accepted, 0 rejected" in out
    status, _, err = call("report", str(path), "-o", str(tmp_path / "s.html"), "--strict", "--quiet")
    assert status == cli.EXIT_BAD_INPUT and "no row could be accepted" in err


def test_progress_printer_on_a_terminal():
    class Tty(io.StringIO):
        def isatty(self):
            return True

    stream = Tty()
    bar = cli.Progress(stream, width=10)
    bar.update(0.3, "reading", "300/1000 rows")
    bar.update(1.0, "writing HTML")
    bar.close()
    text = stream.getvalue()
    assert text.startswith("\r[###-------]  30% reading 300/1000 rows")
    assert text.endswith("\n") and "100% writing HTML" in text
    silent = io.StringIO()
    cli.Progress(silent, enabled=False).update(0.5, "x")
    assert silent.getvalue() == ""


# ----- survey-tool exports through the real entry point --------------------------------------------
TOOLS = CORPUS / "tools"
TOOL_INDEX = yaml.safe_load((TOOLS / "index.yml").read_text(encoding="utf-8"))
REPORTABLE = sorted(name for name, spec in TOOL_INDEX.items() if spec.get("report") == "ok")


def tree(path: Path) -> dict[str, str]:
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    return {str(p): sha(p) for p in files}


@pytest.mark.parametrize("name", REPORTABLE)
def test_one_command_turns_each_tools_export_into_a_report(tmp_path, name):
    source = TOOLS / name
    before = tree(source)
    out = tmp_path / "report.html"
    group = [] if name.startswith("moodle") else ["--group-column", "team"]  # 6 students: groups too small
    done = run("report", str(source), "-o", str(out), *group)
    assert done.returncode == cli.EXIT_OK, done.stderr
    assert "Traceback" not in done.stderr
    spec = TOOL_INDEX[name]
    assert f"{spec['accepted']} rows accepted" in done.stdout
    assert "read:" in done.stdout and "left out" in done.stdout  # the one-line summary
    assert "two reports made before and after one late submission" in done.stdout
    html = out.read_text(encoding="utf-8")
    for secret in (name, source.stem, "Ann Example", "assignsubmission", "203.0.113.7", "R_0001xYz", "S001"):
        assert secret not in html, secret
    assert "late submission" in html
    for column in spec.get("identifying", []):
        assert column in html  # the report says which identifying columns it ignored
    assert tree(source) == before


def test_a_report_that_would_suppress_every_group_is_refused(tmp_path):
    out = tmp_path / "r.html"
    done = run("report", str(TOOLS / "moodle_submissions.zip"), "-o", str(out), "--group-column", "team")
    assert done.returncode == cli.EXIT_BAD_INPUT and not out.exists()
    assert "every team has fewer than 5 respondents" in done.stderr and "Traceback" not in done.stderr


def test_bad_tool_exports_name_file_row_and_column(tmp_path):
    done = run("report", str(TOOLS / "google_likert_typo.csv"), "-o", str(tmp_path / "r.html"))
    assert done.returncode == cli.EXIT_REJECTED_ROWS
    expected = TOOL_INDEX["google_likert_typo.csv"]["message"]  # the built file's first agreement item
    assert expected.split(": not an answer")[0] in done.stderr \
        or "google_likert_typo.csv: row 3 (line 4), column '" in done.stderr
    done = run("report", str(TOOLS / "moodle_duplicate"), "-o", str(tmp_path / "d.html"))
    assert "moodle_duplicate/Gus Duplicate_1006_assignsubmission_file_/my_answers.csv" in done.stderr
    assert "moodle_duplicate/Ann Example_1000_assignsubmission_file_/my_answers.csv" in done.stderr
    html = (tmp_path / "d.html").read_text(encoding="utf-8")
    html = re.sub(r"data:image/[a-z+]+;base64,[A-Za-z0-9+/=]+", "data:image", html)  # pixels, not text
    assert "Gus" not in html and "Ann Example" not in html


def test_broken_inputs_never_give_a_traceback(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "bad.zip").write_bytes(b"not a zip at all")
    (tmp_path / "bad.xlsx").write_bytes(b"PK\x03\x04garbage")
    for name, message in (("empty", "no readable file found"), ("bad.zip", "not a readable zip archive"),
                          ("bad.xlsx", "cannot be read as one"), ("missing.csv", "no such file")):
        status, _, err = call("report", str(tmp_path / name), "-o", str(tmp_path / "r.html"), "--quiet")
        assert status == cli.EXIT_BAD_INPUT and message in err, (name, err)
        status, _, err = call("report", str(tmp_path / name), "--write-map", str(tmp_path / "m.yml"))
        assert status == cli.EXIT_BAD_INPUT, (name, err)
    assert not (tmp_path / "r.html").exists() and not (tmp_path / "m.yml").exists()


def test_write_map_then_map_through_the_command(tmp_path):
    source = TOOLS / "google_renamed_questions.csv"
    failed = run("report", str(source), "-o", str(tmp_path / "r.html"), "--group-column", "team")
    assert failed.returncode == cli.EXIT_BAD_INPUT and "--write-map" in failed.stderr
    mapping = tmp_path / "mapping.yml"
    done = run("report", str(source), "--write-map", str(mapping), "--group-column", "team")
    assert done.returncode == cli.EXIT_OK and "4 column(s) to fill in" in done.stdout
    assert run("report", str(source), "--write-map", str(mapping)).returncode == cli.EXIT_BAD_INPUT  # exists
    from coordkit.survey import questionnaire

    keys = [c for c in questionnaire().columns() if c.startswith("now_")][:4]
    text = mapping.read_text(encoding="utf-8")
    for letter, key in zip("ABCD", keys, strict=True):
        text = text.replace(f'"Decisions now {letter}": ""', f'"Decisions now {letter}": {key}')
    mapping.write_text(text, encoding="utf-8")
    done = run("report", str(source), "--map", str(mapping), "-o", str(tmp_path / "r.html"),
               "--group-column", "team")
    assert done.returncode == cli.EXIT_OK, done.stderr


def test_forms_command_writes_the_committed_guides(tmp_path):
    done = run("forms", "-o", str(tmp_path / "forms"))
    assert done.returncode == cli.EXIT_OK
    committed = ROOT / "docs" / "forms"
    for path in committed.iterdir():
        assert (tmp_path / "forms" / path.name).read_bytes() == path.read_bytes(), path.name


@pytest.mark.parametrize(("args", "message"), [
    (("--group-column", "respondent"), "respondent is the id column; choose a group column such as team"),
    (("--group-column", "Respondent"), "Respondent is the id column; choose a group column such as team"),
    (("--id-column", "team", "--group-column", "team"), "team is the id column; choose a group column"),
    (("--group-column", "respondent", "--write-map", "m.yml"), "respondent is the id column"),
])
def test_a_group_column_that_is_the_id_column_is_one_line_and_exit_2(tmp_path, args, message):
    """Lecturer review 2, N2: one line on standard error, exit 2, no traceback, nothing written."""
    status, out, err = call("report", str(SYNTHETIC), "-o", str(tmp_path / "x.html"), "--quiet",
                            *[str(tmp_path / a) if a.endswith(".yml") else a for a in args])
    assert status == cli.EXIT_USAGE and err.startswith(f"coordkit: error: {message}")
    assert message in err and err.count("\n") == 1 and "Traceback" not in err and out == ""
    assert not (tmp_path / "x.html").exists() and not (tmp_path / "m.yml").exists()


def test_an_id_column_that_repeats_in_most_rows_stops_with_one_message_unless_confirmed(tmp_path):
    """Lecturer review 3, N10: --id-column team made 55 of 60 students 'superseded'; now it stops."""
    from coordkit.survey.read import IdColumnError, SurveyFileError, read_responses

    status, out, err = call("report", str(SYNTHETIC), "-o", str(tmp_path / "x.html"), "--quiet",
                            "--id-column", "team")
    message = ("coordkit: error: synthetic_class.csv: column 'team' has 5 distinct values in 60 rows: 55 "
               "rows would be left out as earlier submissions of the same code, so it is most likely not the "
               "respondent-id column. Give the right one with --id-column; if these are repeated "
               "submissions, pass --repeated-ids to keep each code's last one\n")
    assert status == cli.EXIT_USAGE and err == message and out == "" and not (tmp_path / "x.html").exists()
    with pytest.raises(IdColumnError) as caught:
        read_responses(SYNTHETIC, id_column="team")
    assert isinstance(caught.value, SurveyFileError) and "'team' has 5 distinct values in 60 rows" in str(
        caught.value)
    # confirmed: each code's last submission is kept, as before
    status, _, err = call("report", str(SYNTHETIC), "-o", str(tmp_path / "y.html"), "--quiet",
                          "--id-column", "team", "--repeated-ids")
    assert status == cli.EXIT_OK and (tmp_path / "y.html").exists(), err
    r = read_responses(SYNTHETIC, id_column="team", repeated_ids=True)
    assert (r.n_accepted, len(r.left_out)) == (5, 55)
    # half the rows superseded is still read (a class where every student saved twice)
    text = SYNTHETIC.read_text(encoding="utf-8").splitlines()
    twice = "\n".join([text[0], *text[1:31], *text[1:31]]).encode()
    again = read_responses(twice, name="twice.csv")
    assert (again.n_accepted, len(again.left_out)) == (30, 30)
    thrice = "\n".join([text[0], *text[1:21], *text[1:21], *text[1:21]]).encode()
    with pytest.raises(IdColumnError, match="'respondent' has 20 distinct values in 60 rows: 40 rows"):
        read_responses(thrice, name="thrice.csv")


@pytest.mark.parametrize(("command", "expected"), [
    (("report", str(SYNTHETIC), "-o", "{tmp}/x.html", "--tolerance", "nan"), cli.EXIT_USAGE),
    (("report", str(SYNTHETIC), "-o", "{tmp}/x.html", "--tolerance", "-1"), cli.EXIT_USAGE),
    (("report", "{tmp}/bad.yml", "-o", "{tmp}/x.html"), cli.EXIT_BAD_INPUT),
    (("report", str(SYNTHETIC), "-o", "{tmp}/x.html", "--map", "{tmp}/bad.yml"), cli.EXIT_BAD_INPUT),
    (("report", str(SYNTHETIC), "-o", "{tmp}/x.html", "--group-column", "nosuch"), cli.EXIT_BAD_INPUT),
    (("report", str(SYNTHETIC), "-o", "{tmp}/x.html", "--min-group", "2"), cli.EXIT_USAGE),
    (("codings", "{tmp}/bad.csv", "-o", "{tmp}/c.html"), cli.EXIT_BAD_INPUT),
    (("codings", "{tmp}/bad.csv", "-o", "{tmp}/c.html", "--min-coders", "1"), cli.EXIT_USAGE),
    (("codings", "-o", "{tmp}/c.html"), cli.EXIT_USAGE),
])
def test_the_reports_and_codings_refusals_never_give_a_traceback(tmp_path, command, expected):
    """Every ValueError the report and codings commands can meet is a message and an exit status."""
    (tmp_path / "bad.yml").write_text("answers:\n  Agre: 7\n", encoding="utf-8")
    (tmp_path / "bad.csv").write_text("reform_id,hierarchy,solidarity,individualism,fatalism\n"
                                      "working_for_patients_1989,7,0,0,0\n", encoding="utf-8")
    status, _, err = call(*[a.replace("{tmp}", str(tmp_path)) for a in command], *(
        ["--quiet"] if command[0] == "report" else []))
    assert status == expected, err
    assert "Traceback" not in err and "ValueError" not in err and "coordkit" in err


def test_report_questionnaire_version_states_the_version(tmp_path):
    """Methodologist 2, finding 8: a v3 export without GP3, GP4 and the version column reads as v2 unless
    --questionnaire-version 3 says otherwise; then its answers are shown with version 3's wording."""
    from coordkit.survey import questionnaire

    lines = [line.split(",") for line in responses_csv(synthetic_class(size=40)).splitlines()]
    drop = {lines[0].index(c) for c in ("GP3", "GP4", "questionnaire_version")}
    nover = tmp_path / "nover.csv"
    nover.write_text("\n".join(",".join(c for k, c in enumerate(r) if k not in drop) for r in lines) + "\n",
                     encoding="utf-8")
    v2 = {i.id: i.statement for i in questionnaire(version=2).items}
    reworded = [(v2[i.id], i.statement) for i in questionnaire(version=3).items
                if i.id in v2 and v2[i.id] != i.statement]
    pages = {}
    for stated in ((), ("--questionnaire-version", "3")):
        out = tmp_path / f"r{len(stated)}.html"
        done = run("report", str(nover), "-o", str(out), "--quiet", *stated)
        assert done.returncode == cli.EXIT_OK, done.stderr
        pages[bool(stated)] = (done.stdout, out.read_text(encoding="utf-8"))
    said, page = pages[False]
    assert "taken to follow version 2 only because it has no columns GP3, GP4" in said
    assert "read the file again with --questionnaire-version 3" in said
    said, stated_page = pages[True]
    assert "only because" not in said and "Version 3 was stated (--questionnaire-version 3)" in said
    pairs = [(html.escape(a), html.escape(b)) for a, b in reworded if b not in a]  # W2 v3 is a prefix of v2
    assert any(a in page and b in stated_page for a, b in pairs)  # a reworded statement: v2's, then v3's
    assert not any(b in page for _, b in pairs) and not any(a in stated_page for a, _ in pairs)
    # a stated version the file's version column contradicts: one line, exit 1, nothing written
    bad = run("report", str(SYNTHETIC), "-o", str(tmp_path / "x.html"), "--questionnaire-version", "2")
    assert bad.returncode == cli.EXIT_BAD_INPUT and not (tmp_path / "x.html").exists()
    assert bad.stderr.startswith("coordkit: error: synthetic_class.csv: row 1 (line 2), column "
                                 "'questionnaire_version': says questionnaire version 3, but "
                                 "--questionnaire-version 2 was given") and "Traceback" not in bad.stderr
    usage = run("report", str(SYNTHETIC), "-o", str(tmp_path / "y.html"), "--questionnaire-version", "4")
    assert usage.returncode == cli.EXIT_USAGE and "invalid choice: 4" in usage.stderr
