r"""Reading survey response files from the real world -- and writing the kit's own.

Lecturers feed the kit whatever their survey tool or spreadsheet exports. :func:`read_responses`
reads it if it can be trusted and says exactly why when it cannot.

The file format
---------------
One row per respondent. Columns (names are matched ignoring case and surrounding spaces; order
does not matter; other columns are ignored and listed, never read into results):

``respondent``
    A pseudonymous id, unique in the file (never a name: reports do not show ids anyway).
``now_D1H`` ... ``now_D6F``, ``preferred_D1H`` ... ``preferred_D6F``
    Divide-100 points, 0 to 100, for each item of ``data/survey_items.csv`` (``D<dimension><mode>``)
    and each timeframe; the four points of a dimension must sum to 100 within a tolerance.
``LHB1`` ... ``LIM2`` (optional block)
    Likert answers, whole numbers 1 (strongly disagree) to 5 (strongly agree); an empty cell means
    "not answered". If any Likert column is present, all twelve must be.
group columns (optional)
    Any columns named with ``group_columns`` (e.g. ``team``), kept as labels; an empty cell
    becomes ``(not stated)``.

:func:`template_csv` writes an empty file with the right header.

What the reader accepts
-----------------------
- UTF-8 with or without a byte-order mark (and UTF-16 with one); comma, semicolon or tab
  delimiters, detected from the header; any line endings.
- Spreadsheet and survey-tool junk, where it is unambiguous: title lines above the header (the
  header is the first of the first 20 lines that names a questionnaire column), lines of text
  under the header before the first answer (question wording, import ids: every answer cell is
  text), blank lines, unused columns. Each skipped line is reported with its reason.
- Numbers written ``40``, ``40.0``, ``40%`` or, in semicolon- or tab-delimited files, ``40,5``.

What it rejects, and how
------------------------
Problems with the whole file raise :class:`SurveyFileError`, naming the file and, where there is
one, the line and column: empty file, not UTF-8 text, a workbook instead of CSV, no header found,
missing columns, a needed column given twice, broken quoting, a header with no answers under it.

Problems with a row reject that row, and every problem in it is listed as a :class:`RowProblem`
naming the row (1 = first row under the header), the line in the file, the column(s) and the
problem: an empty or non-numeric answer, points outside 0-100, Likert answers outside 1-5, a
dimension whose points do not sum to 100 within ``tolerance`` (default 1 point), an empty or
duplicated respondent id (every row sharing the id is rejected: the reader cannot know which is
right), or more cells than the header has. Nothing is dropped silently: :class:`ReadResult` lists
accepted rows, rejected rows with their problems, and skipped lines, and every data line of the
file is in exactly one of those lists.

The input file is opened read-only and never changed.

Examples
--------
>>> from coordkit.survey import synthetic_class
>>> text = responses_csv(synthetic_class(size=6))
>>> result = read_responses(text.replace(",", ";").encode("utf-8-sig"), name="class.csv")
>>> result.n_accepted, result.delimiter, result.encoding
(6, ';', 'UTF-8 with BOM')
>>> bad = text.replace("S002,Ward A", "S001,Ward A")
>>> result = read_responses(bad.encode(), name="class.csv", group_columns=["team"])
>>> result.n_accepted, result.n_rejected
(4, 2)
>>> print(result.rejected[0].message())
class.csv: row 1 (line 2), column 'respondent': duplicate respondent id: also in row 2 (found 'S001')
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from coordkit.survey._core import (
    CURRENT_VERSION,
    DEFAULT_TOLERANCE,
    ID_COLUMN,
    NOT_STATED,
    TIMEFRAMES,
    TOTAL,
    VERSION_COLUMN,
    Questionnaire,
    Responses,
    SurveyError,
    detect_version,
    questionnaire,
)

__all__ = [
    "HEADER_SEARCH_LINES",
    "ReadResult",
    "RowProblem",
    "SkippedLine",
    "SurveyFileError",
    "merge",
    "read_responses",
    "responses_csv",
    "template_csv",
    "write_responses",
]

#: How many lines from the top the reader searches for the header.
HEADER_SEARCH_LINES = 20
_DELIMITERS = (",", ";", "\t")
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_LIKERT_RANGE = "answers must be whole numbers from 1 (strongly disagree) to 5 (strongly agree)"


class SurveyFileError(ValueError):
    """A response file cannot be trusted as a whole; the message names the file, line and column."""

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


@dataclass(frozen=True)
class RowProblem:
    """One problem that rejects a row.

    Attributes
    ----------
    source : str
        File name.
    row : int
        Row number under the header (1 = first row under it, blank and skipped lines included).
    line : int
        Line of the file where the row starts (the spreadsheet row number).
    columns : tuple of str
        The column(s) concerned (empty for a problem with the row as a whole).
    problem : str
        What is wrong, without the cell's content (safe to put in a shared report).
    value : str or None
        The offending cell's content, for the person fixing the file.
    """

    source: str
    row: int
    line: int
    columns: tuple[str, ...]
    problem: str
    value: str | None = None

    def message(self, *, values: bool = True) -> str:
        """The problem in one line; ``values=False`` leaves out the cell's content (for reports).

        Examples
        --------
        >>> p = RowProblem("a.csv", 3, 5, ("now_D1H",), "not a number", "lots")
        >>> p.message()
        "a.csv: row 3 (line 5), column 'now_D1H': not a number (found 'lots')"
        >>> p.message(values=False)
        "a.csv: row 3 (line 5), column 'now_D1H': not a number"
        """
        where = f"{self.source}: row {self.row} (line {self.line})"
        if len(self.columns) == 1:
            where += f", column '{self.columns[0]}'"
        elif self.columns:
            where += ", columns " + ", ".join(f"'{c}'" for c in self.columns)
        text = f"{where}: {self.problem}"
        if values and self.value is not None:
            text += f" (found {self.value!r})"
        return text


@dataclass(frozen=True)
class SkippedLine:
    """A line that held no answers (blank, or text beneath the header), with the reason."""

    source: str
    line: int
    reason: str


@dataclass(frozen=True, eq=False)
class ReadResult:
    """What :func:`read_responses` made of a file: accepted answers and everything it did not accept.

    Attributes
    ----------
    responses : Responses
        The accepted rows.
    sources : tuple of str
        File name(s) read.
    accepted : tuple of (str, int, int)
        ``(source, row, line)`` of every accepted row, in file order.
    rejected : tuple of RowProblem
        Every problem of every rejected row (a row may have several).
    skipped : tuple of SkippedLine
        Lines under the header that held no answers.
    ignored_columns : tuple of str
        Columns present but not used (e.g. names, e-mail addresses, comments).
    delimiter, encoding : str
    header_line : int
        Line of the header (after any title lines).
    tolerance : float
        Allowed distance of a dimension total from 100.
    notes : tuple of str
        Anything else the reader did that a careful user should know.
    """

    responses: Responses
    sources: tuple[str, ...]
    accepted: tuple[tuple[str, int, int], ...]
    rejected: tuple[RowProblem, ...]
    skipped: tuple[SkippedLine, ...]
    ignored_columns: tuple[str, ...]
    delimiter: str
    encoding: str
    header_line: int
    tolerance: float
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def n_accepted(self) -> int:
        """Number of accepted rows."""
        return len(self.accepted)

    @property
    def rejected_rows(self) -> tuple[tuple[str, int, int], ...]:
        """``(source, row, line)`` of every rejected row, once each, in file order."""
        return tuple(dict.fromkeys((p.source, p.row, p.line) for p in self.rejected))

    @property
    def n_rejected(self) -> int:
        """Number of rejected rows."""
        return len(self.rejected_rows)

    def summary(self) -> str:
        """A few lines for the terminal: what was read, accepted, rejected and skipped.

        Examples
        --------
        >>> from coordkit.survey import synthetic_class
        >>> print(read_responses(responses_csv(synthetic_class(size=5)).encode(), name="x.csv").summary())
        x.csv: 5 rows accepted, 0 rejected, 0 lines skipped (comma-delimited, UTF-8, header on line 1;
        dimension totals may differ from 100 by up to 1 point).
        Ignored columns (not read): team, role.
        """
        sources = ", ".join(self.sources)
        lines = [
            f"{sources}: {self.n_accepted} row{'s' if self.n_accepted != 1 else ''} accepted, "
            f"{self.n_rejected} rejected, {len(self.skipped)} line{'s' if len(self.skipped) != 1 else ''} "
            f"skipped ({_DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter))}-delimited, "
            f"{self.encoding}, header on line {self.header_line}; dimension totals may differ from 100 "
            f"by up to {self.tolerance:g} point{'s' if self.tolerance != 1 else ''})."
        ]
        if self.ignored_columns:
            lines.append("Ignored columns (not read): " + ", ".join(self.ignored_columns) + ".")
        lines += list(self.notes)
        return "\n".join(lines)

    def problems_text(self, *, values: bool = True, limit: int | None = None) -> str:
        """Every row problem and skipped line, one per line (``limit`` caps the problems shown)."""
        shown = self.rejected if limit is None else self.rejected[:limit]
        out = [p.message(values=values) for p in shown]
        if limit is not None and len(self.rejected) > limit:
            out.append(f"... and {len(self.rejected) - limit} more problem(s)")
        out += [f"{s.source}: line {s.line} skipped: {s.reason}" for s in self.skipped]
        return "\n".join(out)


# ----- decoding --------------------------------------------------------------------------------
def _decode(data: bytes, source: str) -> tuple[str, str]:
    if data.startswith(b"PK\x03\x04"):
        raise SurveyFileError(source, "this looks like a spreadsheet workbook (e.g. .xlsx), not a CSV file: "
                                      "save it as 'CSV UTF-8 (comma delimited)' and try again")
    for bom, codec, name in ((codecs.BOM_UTF8, "utf-8", "UTF-8 with BOM"),
                             (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
                             (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16")):
        if data.startswith(bom):
            body, encoding, label = data[len(bom):], codec, name
            break
    else:
        body, encoding, label = data, "utf-8", "UTF-8"
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as error:
        if encoding == "utf-8":
            line = body.count(b"\n", 0, error.start) + 1
            raise SurveyFileError(
                source, f"line {line}: not UTF-8 text (byte 0x{body[error.start]:02x} cannot be read); "
                        "save the file as 'CSV UTF-8' and try again") from None
        raise SurveyFileError(source, f"not readable as {label} text ({error.reason})") from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise SurveyFileError(source, f"line {line}: contains NUL bytes, so it is not a text CSV file")
    return text, label


def _records(text: str, delimiter: str, source: str,
             limit: int | None = None) -> list[tuple[int, list[str]]]:
    """(first line, cells) of each record; ``limit`` stops early (for header detection, tolerantly)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    out: list[tuple[int, list[str]]] = []
    previous_end = 0
    try:
        for cells in reader:
            out.append((previous_end + 1, cells))
            previous_end = reader.line_num
            if limit is not None and len(out) >= limit:
                break
    except csv.Error as error:
        if limit is not None:  # looking for the header: what parsed before the problem is enough
            return out
        raise SurveyFileError(source, f"line {previous_end + 1}: not a readable CSV line ({error}); "
                                      "check the quotation marks") from None
    return out


def _letter(index: int) -> str:
    """Spreadsheet column letter for a 0-based index (0 -> A, 26 -> AA)."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def _norm(name: str) -> str:
    return name.replace("\ufeff", "").strip().lower()


# ----- reading ---------------------------------------------------------------------------------
def _find_header(text: str, source: str, known: set[str],
                 id_name: str) -> tuple[str, int, list[tuple[int, list[str]]]]:
    """The delimiter and the index of the header record, with the first records parsed."""
    candidates = []
    for delimiter in _DELIMITERS:
        head = _records(text, delimiter, source, limit=HEADER_SEARCH_LINES)
        for index, (_, cells) in enumerate(head):
            score = len({_norm(c) for c in cells} & known)
            if score:
                candidates.append((score, delimiter, index, cells))
                break
    if not candidates:
        raise SurveyFileError(
            source, f"no header row found in the first {HEADER_SEARCH_LINES} lines: expected a row of "
                    f"column names such as '{id_name}', 'now_D1H' and 'preferred_D1H' (run `coordkit "
                    "template` or see coordkit.survey_io.template_csv for the full header)")
    candidates.sort(key=lambda c: -c[0])
    best = candidates[0]
    for other in candidates[1:]:
        if other[0] == best[0] and [_norm(c) for c in other[3]] != [_norm(c) for c in best[3]]:
            raise SurveyFileError(
                source, f"cannot tell whether the delimiter is a {_DELIMITER_NAMES[best[1]]} or a "
                        f"{_DELIMITER_NAMES[other[1]]}: both split a line into column names")
    return best[1], best[2], _records(text, best[1], source)


def _number(text: str, decimal_comma: bool) -> float:
    t = text.strip()
    if t.endswith("%"):
        t = t[:-1].strip()
    if decimal_comma and "," in t and "." not in t:
        t = t.replace(",", ".", 1)
    if not _NUMBER.fullmatch(t):
        raise ValueError(t)
    value = float(t)
    if not math.isfinite(value):
        raise ValueError(t)
    return value


def read_responses(
    source: str | Path | bytes,
    *,
    id_column: str = ID_COLUMN,
    group_columns: Sequence[str] = (),
    tolerance: float = DEFAULT_TOLERANCE,
    likert: bool | str = "auto",
    empty_as_zero: bool = False,
    name: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    q: Questionnaire | None = None,
) -> ReadResult:
    """Read a response file, accepting the rows it can trust and reporting every one it cannot.

    Parameters
    ----------
    source : str, Path or bytes
        Path of the file (opened read-only), or its bytes.
    id_column : str, default "respondent"
        The respondent-id column.
    group_columns : sequence of str, default ()
        Columns to keep as group labels (e.g. ``["team"]``); they must be present.
    tolerance : float, default 1
        How far a dimension's points may sum from 100 (survey tools round); at least 0.
    likert : {"auto", True, False}, default "auto"
        Read the Likert block if its columns are present ("auto"), insist on it (True) or ignore it.
    empty_as_zero : bool, default False
        Read an empty divide-100 cell as 0 points (some tools leave unallocated boxes empty); by
        default an empty cell rejects its row.
    name : str, optional
        Name to use in messages (default: the file name, or ``"<bytes>"``).
    progress : callable, optional
        Called as ``progress(rows_done, rows_total)`` while rows are checked.
    q : Questionnaire, optional
        Default :func:`coordkit.survey.questionnaire`.

    Returns
    -------
    ReadResult

    Raises
    ------
    SurveyFileError
        When the file as a whole cannot be trusted (see the module docstring).
    ValueError
        For a negative ``tolerance`` or an unknown ``likert`` option.

    Examples
    --------
    >>> result = read_responses(template_csv().encode(), name="blank.csv")
    Traceback (most recent call last):
    ...
    coordkit.survey.read.SurveyFileError: blank.csv: has a header (line 1) but no answers under it
    """
    if not tolerance >= 0:
        raise ValueError(f"tolerance must be a number of points >= 0, got {tolerance!r}")
    if likert not in ("auto", True, False):
        raise ValueError(f"likert must be 'auto', True or False, got {likert!r}")
    given_q = q
    if isinstance(source, (bytes, bytearray)):
        data, label = bytes(source), name or "<bytes>"
    else:
        path = Path(source)
        label = name or path.name
        if not path.is_file():
            raise SurveyFileError(label, f"no such file: {path}")
        with open(path, "rb") as handle:  # read-only: the input is never changed
            data = handle.read()
    text, encoding = _decode(data, label)
    if not text.strip():
        raise SurveyFileError(label, "the file is empty")

    id_key = _norm(id_column)
    group_keys = [_norm(g) for g in group_columns]
    if len(set(group_keys)) != len(group_keys) or id_key in group_keys:
        raise ValueError("group_columns must be distinct and differ from the id column")
    versions = [given_q] if given_q is not None else [questionnaire(version=v) for v in (2, 1)]
    known = {id_key, *group_keys, *(_norm(c) for v in versions for c in v.columns())}
    delimiter, header_index, records = _find_header(text, label, known, id_column)
    header_line, header = records[header_index]
    q = given_q or _version_of(header, records[header_index + 1:], label)
    divide_cols = q.columns(likert=False)
    likert_cols = [i.column() for i in q.likert_items]

    positions: dict[str, list[int]] = {}
    for k, cell in enumerate(header):
        positions.setdefault(_norm(cell), []).append(k)
    use_likert = likert is True or (likert == "auto" and any(_norm(c) in positions for c in likert_cols))
    needed = [id_column, *group_columns, *divide_cols, *(likert_cols if use_likert else [])]
    for col in needed:
        places = positions.get(_norm(col), [])
        if len(places) > 1:
            where = " and ".join(f"{p + 1} ({_letter(p)})" for p in places[:2])
            raise SurveyFileError(label, f"line {header_line}: column '{col}' appears more than once "
                                         f"(columns {where}); keep one")
    missing = [c for c in needed if _norm(c) not in positions]
    if missing:
        shown = ", ".join(f"'{c}'" for c in missing[:8])
        if len(missing) > 8:
            shown += f" and {len(missing) - 8} more"
        raise SurveyFileError(
            label, f"line {header_line}: missing column{'s' if len(missing) > 1 else ''} {shown} "
                   f"({len(missing)} of the {len(needed)} needed); run `coordkit template` for the full "
                   "header")
    index = {c: positions[_norm(c)][0] for c in needed}
    used = set(index.values())
    ignored = []
    for k, cell in enumerate(header):
        if k in used or _norm(cell) == _norm(VERSION_COLUMN):  # the version is read by detect_version
            continue
        has_data = any(k < len(cells) and cells[k].strip() for _, cells in records[header_index + 1:])
        if cell.strip():
            ignored.append(cell.strip())
        elif has_data:
            ignored.append(f"(unnamed column {_letter(k)})")

    body = records[header_index + 1:]
    titles = [SkippedLine(label, line, "title above the header, not answers")
              for line, _ in records[:header_index]]
    if not any(any(c.strip() for c in cells) for _, cells in body):
        raise SurveyFileError(label, f"has a header (line {header_line}) but no answers under it")

    decimal_comma = delimiter != ","
    dims = q.dimensions
    headings = q.headings
    rows_ok: list[tuple[int, int, str, list[str], list[float], list[float]]] = []
    problems: dict[int, list[RowProblem]] = {}
    skipped: list[SkippedLine] = []
    ids_seen: dict[str, list[int]] = {}
    line_of: dict[int, int] = {}
    started = False
    total = len(body)
    used_decimal_comma = False
    for row, (line, cells) in enumerate(body, start=1):
        if progress is not None and (row % 500 == 0 or row == total):
            progress(row, total)
        if not any(c.strip() for c in cells):
            skipped.append(SkippedLine(label, line, "blank line"))
            continue
        cell = {c: (cells[index[c]] if index[c] < len(cells) else "") for c in needed}
        if not started and all(cell[c].strip() and not _is_number(cell[c], decimal_comma)
                               for c in divide_cols):
            skipped.append(SkippedLine(label, line, "text under the header (question wording or export "
                                                    "metadata), not answers"))
            continue
        started = True
        line_of[row] = line
        found: list[RowProblem] = []

        def bad(cols: tuple[str, ...], problem: str, value: str | None = None,
                row: int = row, line: int = line, found: list[RowProblem] = found) -> None:
            found.append(RowProblem(label, row, line, cols, problem, value))

        if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            bad((), f"the row has {len(cells)} cells but the header has {len(header)}, so its answers "
                    "may be in the wrong columns")
        rid = cell[id_column].strip()
        if not rid:
            bad((id_column,), "empty: every row needs a respondent id")
        else:
            ids_seen.setdefault(rid, []).append(row)
        points: list[float] = []
        for col in divide_cols:
            raw = cell[col]
            if not raw.strip():
                if empty_as_zero:
                    points.append(0.0)
                    continue
                bad((col,), "empty: every divide-100 answer is needed (write 0 for no points)")
                points.append(math.nan)
                continue
            try:
                value = _number(raw, decimal_comma)
            except ValueError:
                hint = " (use a decimal point)" if "," in raw else ""
                bad((col,), f"not a number{hint}", raw)
                points.append(math.nan)
                continue
            if "," in raw:
                used_decimal_comma = True
            if not 0 <= value <= TOTAL:
                bad((col,), "out of range: points must be from 0 to 100", raw)
                value = math.nan
            points.append(value)
        grid = np.array(points).reshape(len(TIMEFRAMES), len(dims), 4)
        for t, timeframe in enumerate(TIMEFRAMES):
            for d, dim in enumerate(dims):
                values = grid[t, d]
                if np.all(np.isfinite(values)) and abs(values.sum() - TOTAL) > tolerance:
                    s = float(values.sum())
                    hint = ("; they look like fractions of 1: give points out of 100"
                            if abs(s - 1) < 0.05 else "")
                    cols = tuple(f"{timeframe}_{i.id}" for i in q.divide_items[d])
                    bad(cols, f"dimension {d + 1} ({headings[dim]}), {timeframe}: points sum to {s:g}, "
                              f"not 100 (tolerance {tolerance:g}){hint}")
        answers: list[float] = []
        if use_likert:
            for col in likert_cols:
                raw = cell[col].strip()
                if not raw:
                    answers.append(math.nan)
                    continue
                try:
                    value = _number(raw, decimal_comma)
                except ValueError:
                    bad((col,), "not a number", cell[col])
                    answers.append(math.nan)
                    continue
                if value != int(value) or not 1 <= value <= 5:
                    bad((col,), f"out of range: {_LIKERT_RANGE}", cell[col])
                answers.append(value)
        groups = [cell[g].strip() or NOT_STATED for g in group_columns]
        if found:
            problems[row] = found
        else:
            rows_ok.append((row, line, rid, groups, points, answers))

    for rid, rows in ids_seen.items():
        if len(rows) > 1:
            for row in rows:
                others = ", ".join(str(r) for r in rows if r != row)
                problems.setdefault(row, []).insert(0, RowProblem(
                    label, row, line_of[row], (id_column,),
                    f"duplicate respondent id: also in row{'s' if len(rows) > 2 else ''} {others}", rid))
    rows_ok = [r for r in rows_ok if r[0] not in problems]
    n = len(rows_ok)
    shape = (n, len(TIMEFRAMES), len(dims), 4)
    grids = np.array([r[4] for r in rows_ok], dtype=float).reshape(shape)
    responses = Responses(
        ids=tuple(r[2] for r in rows_ok),
        now=grids[:, 0], preferred=grids[:, 1],
        likert=(np.array([r[5] for r in rows_ok], dtype=float).reshape(n, len(likert_cols))
                if use_likert else None),
        groups={g: tuple(r[3][k] for r in rows_ok) for k, g in enumerate(group_columns)},
        version=q.version,
    )
    notes = []
    if q.version != CURRENT_VERSION:
        notes.append(f"This file follows questionnaire version {q.version} (the first version), not the "
                     f"current version {CURRENT_VERSION}; it was read and scored with version {q.version}'s "
                     "items, which have no strength block.")
    if used_decimal_comma:
        notes.append("Decimal commas (e.g. 33,5) were read as decimal points.")
    if empty_as_zero:
        notes.append("Empty divide-100 cells were read as 0 points (empty_as_zero).")
    return ReadResult(
        responses=responses, sources=(label,),
        accepted=tuple((label, r[0], r[1]) for r in rows_ok),
        rejected=tuple(p for row in sorted(problems) for p in problems[row]),
        skipped=tuple(titles + skipped), ignored_columns=tuple(ignored), delimiter=delimiter,
        encoding=encoding,
        header_line=header_line, tolerance=float(tolerance), notes=tuple(notes),
    )


def _version_of(header: list[str], body: list[tuple[int, list[str]]], label: str) -> Questionnaire:
    """The questionnaire a file follows, from its header and any questionnaire_version cells."""
    where = [k for k, c in enumerate(header) if _norm(c) == _norm(VERSION_COLUMN)]
    values = [cells[where[0]] for _, cells in body if where and where[0] < len(cells)]
    try:
        return questionnaire(version=detect_version(header, values))
    except SurveyError as error:
        raise SurveyFileError(label, str(error)) from None


def _is_number(text: str, decimal_comma: bool) -> bool:
    try:
        _number(text, decimal_comma)
    except ValueError:
        return False
    return True


def merge(results: Sequence[ReadResult]) -> ReadResult:
    """Combine several read files (e.g. one per student) into one result.

    Respondent ids must be unique across the files: every row whose id appears in more than one
    file is moved to the rejected rows. All files must agree on the Likert block and group columns.

    Parameters
    ----------
    results : sequence of ReadResult

    Returns
    -------
    ReadResult

    Raises
    ------
    SurveyFileError
        If the files disagree about the Likert block or the group columns.

    Examples
    --------
    >>> from coordkit.survey import synthetic_class
    >>> text = responses_csv(synthetic_class(size=5))
    >>> a = read_responses(text.encode(), name="a.csv")
    >>> b = read_responses(text.encode(), name="b.csv")
    >>> m = merge([a, b])
    >>> m.n_accepted, m.n_rejected
    (0, 10)
    """
    if not results:
        raise ValueError("merge needs at least one result")
    first = results[0]
    for r in results[1:]:
        if (r.responses.likert is None) != (first.responses.likert is None):
            has = r.responses.likert is not None
            raise SurveyFileError(r.sources[0], f"has {'a' if has else 'no'} benign/malign (Likert) block "
                                                f"but {first.sources[0]} {'has not' if has else 'has'}")
        if list(r.responses.groups) != list(first.responses.groups):
            raise SurveyFileError(r.sources[0], "has different group columns from " + first.sources[0])
    where: dict[str, list[tuple[str, int, int]]] = {}
    for r in results:
        for rid, acc in zip(r.responses.ids, r.accepted, strict=True):
            where.setdefault(rid, []).append(acc)
    clash = {rid for rid, places in where.items() if len({p[0] for p in places}) > 1}
    rejected = [p for r in results for p in r.rejected]
    keep_parts = []
    for r in results:
        mask = np.array([rid not in clash for rid in r.responses.ids], dtype=bool)
        for rid, acc, ok in zip(r.responses.ids, r.accepted, mask, strict=True):
            if not ok:
                others = "; ".join(f"{s} row {row}" for s, row, _ in where[rid] if (s, row) != acc[:2])
                rejected.append(RowProblem(acc[0], acc[1], acc[2], ("respondent",),
                                           f"duplicate respondent id: also in {others}", rid))
        keep_parts.append((r, mask))
    ids: list[str] = []
    now, pref, lik = [], [], []
    groups: dict[str, list[str]] = {g: [] for g in first.responses.groups}
    accepted = []
    for r, mask in keep_parts:
        sel = r.responses.select(mask)
        ids += sel.ids
        now.append(sel.now)
        pref.append(sel.preferred)
        if sel.likert is not None:
            lik.append(sel.likert)
        for g in groups:
            groups[g] += sel.groups[g]
        accepted += [a for a, ok in zip(r.accepted, mask, strict=True) if ok]
    dims = first.responses.now.shape[1]
    responses = Responses(
        ids=tuple(ids), now=np.concatenate(now) if now else np.zeros((0, dims, 4)),
        preferred=np.concatenate(pref) if pref else np.zeros((0, dims, 4)),
        likert=np.concatenate(lik) if first.responses.likert is not None else None,
        groups={g: tuple(v) for g, v in groups.items()},
    )
    return ReadResult(
        responses=responses, sources=tuple(s for r in results for s in r.sources), accepted=tuple(accepted),
        rejected=tuple(rejected), skipped=tuple(s for r in results for s in r.skipped),
        ignored_columns=tuple(dict.fromkeys(c for r in results for c in r.ignored_columns)),
        delimiter=first.delimiter, encoding=first.encoding, header_line=first.header_line,
        tolerance=max(r.tolerance for r in results),
        notes=tuple(dict.fromkeys(n for r in results for n in r.notes)),
    )


# ----- writing ---------------------------------------------------------------------------------
def _format(value: float) -> str:
    if not math.isfinite(value):
        return ""
    return str(int(value)) if value == int(value) else repr(float(value))


def responses_csv(responses: Responses, q: Questionnaire | None = None) -> str:
    r"""The kit's own CSV text for responses: header, then one row per respondent (``\\n`` line ends).

    Parameters
    ----------
    responses : Responses
    q : Questionnaire, optional

    Returns
    -------
    str

    Examples
    --------
    >>> from coordkit.survey import synthetic_class
    >>> responses_csv(synthetic_class(size=5)).splitlines()[0][:50]
    'respondent,team,role,questionnaire_version,now_D1H'
    """
    q = q or responses.questionnaire
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    likert = responses.likert is not None
    writer.writerow([ID_COLUMN, *responses.groups, VERSION_COLUMN, *q.columns(likert=likert)])
    for k, rid in enumerate(responses.ids):
        values = [*responses.now[k].ravel(), *responses.preferred[k].ravel()]
        if likert:
            values += list(responses.likert[k])  # type: ignore[index]
        writer.writerow([rid, *(labels[k] for labels in responses.groups.values()), q.version,
                         *(_format(float(v)) for v in values)])
    return buffer.getvalue()


def write_responses(responses: Responses, path: str | Path, *, overwrite: bool = False,
                    q: Questionnaire | None = None) -> Path:
    """Write responses as a CSV file the reader (and the class report) accepts.

    Parameters
    ----------
    responses : Responses
    path : str or Path
    overwrite : bool, default False
        Replace an existing file; by default an existing file is an error.
    q : Questionnaire, optional

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    FileExistsError
        If the file exists and ``overwrite`` is False.
    """
    target = Path(path)
    if target.exists() and not overwrite:
        raise FileExistsError(f"{target} already exists; choose another name or pass overwrite=True")
    target.write_text(responses_csv(responses, q), encoding="utf-8", newline="")
    return target


def template_csv(group_columns: Iterable[str] = (), *, likert: bool = True,
                 q: Questionnaire | None = None) -> str:
    """An empty response file (header only) for setting up a survey tool or spreadsheet.

    Parameters
    ----------
    group_columns : iterable of str, default ()
        Group columns to include after ``respondent`` (e.g. ``["team"]``).
    likert : bool, default True
        Include the twelve Likert columns.
    q : Questionnaire, optional

    Returns
    -------
    str

    Examples
    --------
    >>> template_csv(["team"]).split(",")[:3]
    ['respondent', 'team', 'now_D1H']
    """
    q = q or questionnaire()
    return ",".join([ID_COLUMN, *group_columns, *q.columns(likert=likert)]) + "\n"
