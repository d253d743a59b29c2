"""The class-results view: a class folder's mapping.yml, a folder with nothing readable, bars per group."""

from __future__ import annotations

from pathlib import Path

from coordkit.widgets.class_results import ClassResultsExplorer

ROOT = Path(__file__).resolve().parents[1]
LINES = (ROOT / "data" / "synthetic_class.csv").read_text(encoding="utf-8").splitlines()


def _renamed(folder: Path) -> None:
    """The synthetic class with its id and team columns renamed, as a form export might have them."""
    header = LINES[0].split(",")
    header = ["Student ID" if h == "respondent" else "Seminar group" if h == "team" else h for h in header]
    (folder / "export.csv").write_text("\n".join([",".join(header), *LINES[1:]]) + "\n", encoding="utf-8")


def test_a_folder_that_cannot_be_read_shows_nothing_made_up(tmp_path):
    _renamed(tmp_path)  # 'team' is not there and no mapping says where it went
    app = ClassResultsExplorer(tmp_path, layout="app", presenter=True)
    assert app.responses is None
    assert app.source_label == "the class folder: no answers could be read"
    assert "No answers could be read" in app.source.value and "respondents)" not in app.source.value
    assert "team" in app.problem, app.problem
    assert app.image.value == "" and app.png == b""
    assert [value for _, value in app.group_column.options] == [None], "no made-up group columns"
    assert "No answers could be read" in app.live.value


def test_a_mapping_file_in_the_class_folder_is_honoured(tmp_path):
    _renamed(tmp_path)
    (tmp_path / "mapping.yml").write_text(
        'columns:\n  "Student ID": respondent\n  "Seminar group": group:seminar\n', encoding="utf-8")
    app = ClassResultsExplorer(tmp_path, layout="app", presenter=True)
    assert app.responses is not None and len(app.responses) == len(LINES) - 1
    assert app.mapping_file == tmp_path / "mapping.yml"
    assert app.source_label == ("the survey exports in the class folder "
                                f"({len(LINES) - 1} respondents, read with its mapping.yml)")
    assert [value for _, value in app.group_column.options] == [None, "seminar"]
    assert app.group_column.value == "seminar" and app.analysis.group_column == "seminar"


def test_the_app_shows_bars_per_group_with_every_group_named():
    app = ClassResultsExplorer(layout="app", presenter=True)
    a = app.analysis
    assert app.png[:4] == b"\x89PNG"
    for summary in (a.overall, *a.groups):
        assert f"{summary.label} (n={summary.n})" in app.description
    assert app.description.startswith("Points out of 100 for each mode, now and preferred")
    png = app.png
    app.min_group.value = 20
    assert app.png != png, "a new grouping, a new chart"
    app.min_group.value = 5
    assert app.png == png, "moving back shows the kept chart"
    notebook = ClassResultsExplorer()
    assert "Points out of 100" not in notebook.description, "the notebook keeps the triangle"
    assert notebook.png[:4] == b"\x89PNG"


def test_dont_know_to_everything_and_straight_liners_are_counted_not_scored(tmp_path):
    # issue 14: a respondent answering "don't know" to every rated item, and straight-liners,
    # reach the app as "not classified" counts, never as a score or a traceback
    from coordkit.survey import DONT_KNOW, NOT_CLASSIFIED

    header = LINES[0].split(",")
    first = header.index("questionnaire_version") + 1 + 48  # after the 48 divide-100 columns
    rows = []
    for k, line in enumerate(LINES[1:]):
        cells = line.split(",")
        if k < 3:
            cells[first:] = [DONT_KNOW] * (len(cells) - first)
        elif k < 9:
            cells[first:] = ["5"] * (len(cells) - first)
        rows.append(",".join(cells))
    (tmp_path / "export.csv").write_text("\n".join([LINES[0], *rows]) + "\n", encoding="utf-8")
    app = ClassResultsExplorer(tmp_path, layout="app", presenter=True)
    assert app.responses is not None and len(app.responses) == len(LINES) - 1
    confs = app.responses.configurations("now")
    assert all(c.name == NOT_CLASSIFIED and "not rated" in c.diagnosis for c in confs[:3])
    assert all(c.name == NOT_CLASSIFIED and "response style" in c.diagnosis for c in confs[3:9])
    a = app.analysis
    assert a.overall is not None and a.overall.style_excluded >= 6
    assert f"{a.overall.style_excluded} respondents not classified: response style" in app.live.value


def _group_renamed(folder: Path) -> None:
    """The synthetic class with only its team column renamed (the group is optional)."""
    header = ["Seminar group" if h == "team" else h for h in LINES[0].split(",")]
    (folder / "export.csv").write_text("\n".join([",".join(header), *LINES[1:]]) + "\n", encoding="utf-8")


def test_without_the_group_column_the_whole_class_shows_and_group_by_offers_the_files_columns(tmp_path):
    _group_renamed(tmp_path)
    app = ClassResultsExplorer(tmp_path, group_columns=("team",), layout="app", presenter=True)
    assert app.responses is not None and len(app.responses) == len(LINES) - 1
    assert app.analysis.group_column is None and app.png != b""
    assert "No column &#39;team&#39; in the exports, so the whole class is shown" in app.source.value
    assert "Traceback" not in app.source.value and "export.csv" not in app.source.value.split("<details>")[0]
    assert [value for _, value in app.group_column.options] == [None, "Seminar group", "role"]
    app.group_column.value = "Seminar group"  # chosen in the room: read again, no restart
    assert app.analysis.group_column == "Seminar group" and len(app.analysis.groups) >= 2
    assert "No column" not in app.source.value
    assert ("Seminar group", "Seminar group") in app.group_column.options


def test_reader_details_and_lecturer_notes_are_folded_off_the_room_view(tmp_path):
    _renamed(tmp_path)  # nothing readable: the reader's message is in a fold
    app = ClassResultsExplorer(tmp_path, layout="app", presenter=True)
    shown, _, folded = app.source.value.partition("<details>")
    assert "No answers could be read" in shown and "missing column" not in shown
    assert "missing column" in folded
    room = ClassResultsExplorer(layout="app", presenter=True)  # the synthetic class
    shown, _, folded = room.source.value.partition("<details>")
    assert "the kit's rule" not in shown and "the kit's rule" in folded


def test_unreadable_scale_words_are_counted_on_the_app(tmp_path):
    text = "\n".join(LINES) + "\n"
    header = LINES[0].split(",")
    rows = [line.split(",") for line in LINES[1:]]
    likert = header.index("BH1")  # a 1-5 benign/malign statement
    for row in rows[:7]:
        row[likert] = "Stongly agree"
    text = "\n".join([",".join(header), *(",".join(r) for r in rows)]) + "\n"
    (tmp_path / "export.csv").write_text(text, encoding="utf-8")
    app = ClassResultsExplorer(tmp_path, layout="app", presenter=True)
    assert app.responses is not None
    assert "7 answer(s) could not be read on their scale" in app.problem
    assert "Some answers could not be read" in app.source.value


def test_group_by_offers_only_plausible_columns_and_says_which_it_left_out(tmp_path):
    # the lecturer (issue 18): Group by offered the response ID, time stamps, free text and answer
    # columns of the export as groups
    extra = ["Response ID", "Start time", "Email", "Any thoughts", "Q99", "Cohort", "Seminar"]
    rows = [",".join([*LINES[0].split(","), *extra])]
    for k, line in enumerate(LINES[1:]):
        thought = f"I think the ward {'works well' if k % 2 else 'struggles'} because of reason number {k}"
        answer = ("Agree", "Strongly agree", "Disagree")[k % 3]
        rows.append(",".join([line, f"R{k:04}", f"2026-11-20 09:{k:02}:00", f"s{k}@example.ac.uk", thought,
                              answer, "2026", f"Seminar {k % 4 + 1}"]))
    (tmp_path / "export.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    app = ClassResultsExplorer(tmp_path, group_columns=("team",), layout="app", presenter=True)
    assert app.responses is not None and app.analysis.group_column == "team"
    assert [value for _, value in app.group_column.options] == [None, "team", "role", "Seminar"]
    for column, reason in [("Response ID", "an identifier"), ("Start time", "a time stamp or duration"),
                           ("Email", "identifies people (never read)"), ("Any thoughts", "free text"),
                           ("Q99", "answers on the questionnaire's scales"),
                           ("Cohort", "the same for every respondent")]:
        assert f"{column} ({reason})" in app.group_note, (column, app.group_note)
    assert app.group_note in app.source.value.replace("&#39;", "'")
    assert "<details>" in app.source.value.split("Not offered in Group by")[0]  # folded for the lecturer
    assert "not offered" in app.group_column.tooltip
    app.group_column.value = "Seminar"  # an offered column still reads at once
    assert app.analysis.group_column == "Seminar" and len(app.analysis.groups) == 4


def test_the_folder_is_read_once_at_load(tmp_path, monkeypatch):
    # issue 11: the app read the folder twice at load (the second time for the values of the other
    # columns, to judge which could group the class); a large .xlsx export takes seconds per read
    import coordkit.widgets.class_results as class_results

    extra = ["Cohort", "Seminar"]
    rows = [",".join([*LINES[0].split(","), *extra])]
    rows += [",".join([line, "2026", f"Seminar {k % 4 + 1}"]) for k, line in enumerate(LINES[1:])]
    (tmp_path / "export.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    calls = []
    real = class_results.read_files

    def counted(*args, **kwargs):
        calls.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(class_results, "read_files", counted)
    app = ClassResultsExplorer(tmp_path, group_columns=("team",), layout="app", presenter=True)
    assert len(calls) == 1
    assert [value for _, value in app.group_column.options] == [None, "team", "role", "Seminar"]
    assert "Cohort (the same for every respondent)" in app.group_note  # judged by its values


def test_the_id_column_as_the_group_column_shows_the_class_and_says_why(tmp_path):
    """Lecturer review 2, N2: ``./kit app --group-column respondent`` gives a line, not a traceback."""
    (tmp_path / "export.csv").write_text("\n".join(LINES) + "\n", encoding="utf-8")
    app = ClassResultsExplorer(tmp_path, group_columns=("respondent",), layout="app", presenter=True)
    assert app.responses is not None and len(app.responses) == len(LINES) - 1
    assert app.analysis.group_column is None
    assert app.notice.startswith("respondent is the id column; choose a group column such as team")
    assert "respondent is the id column" in app.source.value and "Traceback" not in app.source.value


def test_the_app_lists_seminar_groups_as_people_number_them(tmp_path):
    """Lecturer review 2, N4: "Seminar 2" before "Seminar 10" on the projected bars and their text."""
    import dataclasses

    from coordkit.survey import synthetic_class
    from coordkit.survey_io import responses_csv

    labels = tuple(f"Seminar {k % 10 + 1}" for k in range(200))
    c = dataclasses.replace(synthetic_class(size=200), groups={"seminar": labels})
    (tmp_path / "export.csv").write_text(responses_csv(c), encoding="utf-8")
    app = ClassResultsExplorer(tmp_path, group_columns=("seminar",), layout="app", presenter=True)
    want = [f"Seminar {k}" for k in range(1, 11)]
    assert [g.label for g in app.analysis.groups] == want
    at = [app.description.index(f"{g} (n=20)") for g in want]
    assert at == sorted(at)
