"""Finding the header of an export and recognising the tool that made it.

The header is the block of one to three rows, starting within the first
:data:`HEADER_SEARCH_LINES` lines, whose cells match the most questionnaire columns (see
:mod:`coordkit.survey.read.match`): one row for the kit's CSV, Microsoft Forms, Google Forms and
JISC; question text over sub-labels for SurveyMonkey (the upper row is carried across the columns of
a matrix question); codes over question text for Qualtrics (its third row, ImportId JSON, is then
skipped as text under the header). For a CSV file each delimiter is tried; the one that matches
best wins, and a tie between different headers is an error.

The tool is recognised from its metadata columns (no flag needed):

================== =============================================================
tool               recognised by
================== =============================================================
Qualtrics          ``{"ImportId": ...}`` cells, or ResponseId with StartDate/Finished
SurveyMonkey       Respondent ID and Collector ID
Microsoft Forms    ID, Start time and Completion time
Google Forms       a first column Timestamp
JISC Online Surveys Response ID with Started or Completed
coordkit CSV       anything else (the kit's own file, or a spreadsheet)
================== =============================================================

Examples
--------
>>> from coordkit.survey.read.match import HeaderMatcher
>>> records = [(1, ["Timestamp", "respondent", "now_D1H"]), (2, ["2026/11/20", "S1", "40"])]
>>> layout = find_layout({",": records}, HeaderMatcher(), "x.csv", id_hint="respondent")
>>> layout.tool, layout.header_line, layout.depth
('Google Forms', 1, 1)
"""

from __future__ import annotations

from dataclasses import dataclass

from coordkit.survey.read.match import HeaderMatcher, normalise
from coordkit.survey.read.records import SurveyFileError
from coordkit.survey.read.tables import Records

__all__ = ["HEADER_SEARCH_LINES", "TOOLS", "Layout", "detect_tool", "find_layout", "header_texts"]

#: How many lines from the top the reader searches for the header.
HEADER_SEARCH_LINES = 20
#: The tools the reader recognises, in the order they are tried.
TOOLS = ("Qualtrics", "SurveyMonkey", "Microsoft Forms", "Google Forms", "JISC Online Surveys",
         "coordkit CSV")
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "": "workbook"}
_MAX_DEPTH = 3


@dataclass(frozen=True)
class Layout:
    """Where the header is and what it says.

    Attributes
    ----------
    tool : str
        One of :data:`TOOLS`.
    delimiter : str
        ``""`` for a workbook.
    index : int
        Index of the header's first row among the file's records.
    depth : int
        Number of header rows (1 to 3).
    headers : tuple of str
        Each column's header text, the header rows joined with " - ".
    top : tuple of str
        Each column's cell in the header's first row (the tool's column id, e.g. ``Finished``).
    records : list
        Every record of the file.
    """

    tool: str
    delimiter: str
    index: int
    depth: int
    headers: tuple[str, ...]
    top: tuple[str, ...]
    records: Records

    @property
    def header_line(self) -> int:
        """Line of the file where the header starts."""
        return self.records[self.index][0]

    @property
    def body(self) -> Records:
        """Records under the header rows."""
        return self.records[self.index + self.depth:]


def header_texts(rows: list[list[str]]) -> list[str]:
    """Each column's header, the rows joined with " - " (an upper cell is carried right over blanks).

    Examples
    --------
    >>> header_texts([["Q1", "", "Q2"], ["a", "b", ""]])
    ['Q1 - a', 'Q1 - b', 'Q2']
    """
    width = max((len(r) for r in rows), default=0)
    out = []
    carried = [""] * len(rows)
    for k in range(width):
        parts = []
        lower_filled = any(k < len(r) and r[k].strip() for r in rows[1:])
        for level, row in enumerate(rows):
            cell = row[k].strip() if k < len(row) else ""
            if cell:
                carried[level] = cell
            elif level < len(rows) - 1 and lower_filled:
                cell = carried[level]
            if cell and not cell.startswith('{"ImportId"'):
                parts.append(cell)
        out.append(" - ".join(dict.fromkeys(parts)))
    return out


def detect_tool(rows: list[list[str]], *, workbook: bool) -> str:
    """The tool whose export these header rows (and the row under them) look like."""
    cells = {normalise(c) for row in rows for c in row}
    raw = [c for row in rows for c in row]
    if any(c.strip().startswith('{"ImportId"') for c in raw) or (
            "responseid" in cells and ({"startdate", "finished", "recordeddate"} & cells)):
        return "Qualtrics"
    if {"respondent id", "collector id"} <= cells:
        return "SurveyMonkey"
    if {"id", "start time", "completion time"} <= cells:
        return "Microsoft Forms"
    if rows and rows[0] and normalise(rows[0][0]) == "timestamp":
        return "Google Forms"
    if "response id" in cells and ({"started", "completed", "start date", "completion date"} & cells):
        return "JISC Online Surveys"
    return "coordkit CSV"


def _score(headers: list[str], matcher: HeaderMatcher, extra: set[str]) -> int:
    keys = set()
    for h in headers:
        m = matcher.match(h)
        if m is not None:
            keys.add(m.key)
        elif normalise(h) in extra:
            keys.add("=" + normalise(h))
    return len(keys)


def _best(records: Records, matcher: HeaderMatcher, extra: set[str]) -> tuple[int, int, int]:
    """(score, index, depth) of the best header block in the first lines of ``records``."""
    best = (0, 0, 1)
    limit = min(len(records), HEADER_SEARCH_LINES)
    for index in range(limit):
        if best[0] and index > best[1] + _MAX_DEPTH:
            break
        if not any(c.strip() for c in records[index][1]):
            continue
        for depth in range(1, _MAX_DEPTH + 1):
            if index + depth > len(records):
                break
            rows = [cells for _, cells in records[index:index + depth]]
            score = _score(header_texts(rows), matcher, extra)
            if score > best[0]:
                best = (score, index, depth)
    return best


def find_layout(candidates: dict[str, Records], matcher: HeaderMatcher, source: str, *,
                id_hint: str, extra: set[str] | None = None) -> Layout:
    """The header block and tool of a file, given its records for each delimiter tried.

    Raises
    ------
    SurveyFileError
        If no header is found, or two delimiters give different headers that match equally well.
    """
    extra = extra or set()
    scored = []
    for delimiter, records in candidates.items():
        score, index, depth = _best(records, matcher, extra)
        if score:
            scored.append((score, delimiter, index, depth, records))
    if not scored:
        example = matcher.targets[0].key if matcher.targets else "now_..."
        raise SurveyFileError(
            source, f"no header row found in the first {HEADER_SEARCH_LINES} lines: expected a row of "
                    f"column names such as '{id_hint}', '{example}', or the questionnaire's statements "
                    "(run `coordkit template` for the kit's header, `coordkit forms` for how to build "
                    "the form in a survey tool, or write a mapping file with --write-map)")
    scored.sort(key=lambda c: -c[0])
    score, delimiter, index, depth, records = scored[0]
    headers = header_texts([cells for _, cells in records[index:index + depth]])
    for other in scored[1:]:
        o_headers = header_texts([cells for _, cells in other[4][other[2]:other[2] + other[3]]])
        if other[0] == score and [normalise(c) for c in o_headers] != [normalise(c) for c in headers]:
            raise SurveyFileError(
                source, f"cannot tell whether the delimiter is a {_DELIMITER_NAMES[delimiter]} or a "
                        f"{_DELIMITER_NAMES[other[1]]}: both split a line into column names")
    rows = [cells for _, cells in records[index:index + depth + 1]]
    tool = detect_tool(rows, workbook=delimiter == "")
    top = records[index][1]
    return Layout(tool=tool, delimiter=delimiter, index=index, depth=depth, headers=tuple(headers),
                  top=tuple(top[k].strip() if k < len(top) else "" for k in range(len(headers))),
                  records=records)
