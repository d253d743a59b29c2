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


def _seminars(size: int, groups: int) -> bytes:
    """The synthetic class with a seminar column: Seminar 1 to ``groups``, students dealt in turn."""
    from coordkit.survey import synthetic_class
    from coordkit.survey.read import responses_csv

    header, *rows = responses_csv(synthetic_class(size=size)).splitlines()
    rows = [f"{row},Seminar {k % groups + 1}" for k, row in enumerate(rows)]
    return "\n".join([header + ",seminar", *rows]).encode()


def test_with_many_groups_the_groups_section_adds_the_class_bars_with_alt_text_and_description():
    """Lecturer review 3, N8: 10 seminars made the group triangle a pile of markers; bars draw them apart."""
    import html
    import re

    from coordkit.class_report import BARS_FROM_GROUPS
    from coordkit.plots.class_bars import describe_class_bars
    from coordkit.survey import analyse
    from coordkit.survey.read import read_responses

    result = read_responses(_seminars(200, 10), name="class.csv", group_columns=["seminar"])
    page = render_report(result, group_column="seminar", group_level="team", date="x")
    groups = page[page.index("<h2>Groups by seminar</h2>"):page.index("<h2>", page.index("Groups by") + 5)]
    images = re.findall(r'<img src="data:image/png;base64,[^"]+" alt="([^"]*)">', groups)
    bars = describe_class_bars(analyse(result.responses, group_column="seminar", group_level="team"))
    assert len(images) == 2 and html.unescape(images[1]) == bars, images  # arrows, then bars
    assert bars.startswith("Points out of 100 for each mode, now and preferred, for the whole class and 10 "
                           "group(s)") and "Seminar 10 (n=20)" in bars
    assert groups.count("<summary>Figure description</summary>") == 2
    assert BARS_FROM_GROUPS <= 6  # the review's threshold: shown from 6 groups at the latest
    few = read_responses(_seminars(60, BARS_FROM_GROUPS - 1), name="c.csv", group_columns=["seminar"])
    small = render_report(few, group_column="seminar", group_level="team", date="x")
    start = small.index("<h2>Groups by seminar</h2>")
    section = small[start:small.index("<h2>", start + 5)]
    assert section.count("<img ") == 1 and "The same means as bars" not in section
