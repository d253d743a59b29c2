"""What the reader hands back: named records for rows, problems, skipped lines and the whole read.

An answer the reader could not read on its scale (a misspelt word in a 1-5 cell, or a number off
the scale such as ``3.5``, ``6`` or ``0``) does not reject its row: it is read as missing and listed
in ``unreadable``, a :class:`RowProblem` naming the file, row, line, column and the cell. An empty
divide-100 cell read as 0 (the dimension's other cells add up to 100) is listed in ``zero_filled``.

Every data line of a file ends in exactly one place: accepted (:class:`RowRef`), rejected (one or
more :class:`RowProblem`), left out on purpose (:class:`LeftOut`: a preview, an unfinished or a
superseded submission) or skipped (:class:`SkippedLine`: blank lines, titles, text under the
header).

Examples
--------
>>> p = RowProblem("a.csv", 3, 5, ("now_D1H",), "not a number", "lots")
>>> p.message(values=False)
"a.csv: row 3 (line 5), column 'now_D1H': not a number"
>>> LeftOut("a.csv", 2, 3, "unfinished (Finished = False)").message()
'a.csv: row 2 (line 3) left out: unfinished (Finished = False)'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from coordkit.survey.read._instrument import Responses

__all__ = ["LATE_SUBMISSION_WARNING", "IdColumnError", "LeftOut", "NoticeLine", "ReadResult", "RowProblem",
           "RowRef", "SkippedLine", "SurveyFileError"]

#: Said wherever a report is made: a difference between two reports can single out one student.
LATE_SUBMISSION_WARNING = (
    "Share one report per class, made once: two reports made before and after one late submission "
    "differ only by that student, so comparing them can reveal that student's answers.")


class SurveyFileError(ValueError):
    """A response file cannot be trusted as a whole; the message names the file, line and column."""

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class IdColumnError(SurveyFileError):
    """The id column repeats too often to hold one code per respondent (lecturer review 3, N10).

    Raised when more than half its coded rows would be left out as earlier submissions of a code:
    most likely a group column (``--id-column team``) given as the id. The command line exits 2, as
    for any other wrong option.
    """


class RowRef(NamedTuple):
    """Where an accepted row came from: file, row under the header (1 = first) and line of the file."""

    source: str
    row: int
    line: int


@dataclass(frozen=True)
class RowProblem:
    """One problem that rejects a row.

    Attributes
    ----------
    source : str
        File name (a path that tells files apart when several are read).
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


@dataclass(frozen=True)
class LeftOut:
    """A row with answers that the reader left out on purpose, with the reason.

    Qualtrics preview, test and spam responses, unfinished responses, and earlier submissions of a
    respondent who submitted again are left out (not rejected: nothing in them needs fixing).
    """

    source: str
    row: int
    line: int
    reason: str

    def message(self) -> str:
        """One line naming the file, row and line."""
        return f"{self.source}: row {self.row} (line {self.line}) left out: {self.reason}"


class NoticeLine(NamedTuple):
    """One line of the notice of answers not read (:meth:`ReadResult.notice`): what, how many, where."""

    what: str
    n: int
    columns: tuple[str, ...]
    where: str = "column"
    #: ``n`` in words with its unit, when it is not rows: "7 dimensions (23 cells) in 3 rows".
    amount: str = ""

    def text(self, *, shown: int = 6) -> str:
        """The line in words, naming at most ``shown`` columns.

        Examples
        --------
        >>> NoticeLine("rows rejected: not a number", 2, ("now_D1H", "now_D2S")).text()
        'rows rejected: not a number: 2 (columns now_D1H, now_D2S)'
        >>> line = NoticeLine("dimensions left out", 7, ("now_D1S",),
        ...                   amount="7 dimensions (23 cells) in 3 rows")
        >>> line.text()
        'dimensions left out: 7 dimensions (23 cells) in 3 rows (column now_D1S)'
        """
        cols = ("; " if self.where == "question" else ", ").join(self.columns[:shown])
        if len(self.columns) > shown:
            cols += f" and {len(self.columns) - shown} more"
        where = f" ({self.where}{'s' if len(self.columns) != 1 else ''} {cols})" if self.columns else ""
        return f"{self.what}: {self.amount or self.n}{where}"


def _dimension(problem: RowProblem) -> tuple[str, int, str]:
    """The dimension a divide-100 problem is about, in its row: ``(source, row, dimension)``."""
    match = re.search(r": (.*) is left out of the scores", problem.problem)
    what = match[1] if match else problem.problem.split(": points sum")[0]
    return problem.source, problem.row, what


def _kept_count(problems: list[RowProblem], unit: str, *, dimensions: bool = False) -> tuple[int, str]:
    """How many ``unit`` (cells, or with ``dimensions`` the dimensions they leave out) in how many rows.

    A dimension wholly left blank is four cells but one dimension (lecturer review 3, N7): both are
    counted, and said, apart.
    """
    rows = len({(p.source, p.row) for p in problems})
    where = f" in {_plural(rows, 'row')}"
    if not dimensions:
        return len(problems), _plural(len(problems), unit) + where
    n = len({_dimension(p) for p in problems})
    cells = sum(len(p.columns) for p in problems)
    detail = f" ({_plural(cells, 'cell')})" if cells != n else ""
    return n, _plural(n, "dimension") + detail + where


def _with_columns(counted: tuple[int, str],
                  columns: tuple[str, ...]) -> tuple[int, tuple[str, ...], str, str]:
    """A :class:`NoticeLine`'s ``n``, ``columns``, ``where`` and ``count`` from :func:`_kept_count`."""
    return counted[0], columns, "column", counted[1]


def _split_off_total(problems: tuple[RowProblem, ...]) -> tuple[list[RowProblem], list[RowProblem]]:
    """Dimensions left out: those whose points do not add up to 100, and divide-100 cells not a number."""
    off = [p for p in problems if ": points sum" in p.problem]
    return off, [p for p in problems if ": points sum" not in p.problem]


def _problem_kind(problem: str) -> str:
    """A row problem's reason without its particulars (totals, names of other files, found values)."""
    if "points sum to" in problem:
        return "a dimension's points do not add up to 100"
    for kind in ("duplicate respondent id", "not a number", "empty", "out of range"):
        if problem.startswith(kind):
            return kind
    return problem.split(":")[0].split(" (")[0]


def in_rejected_row(problem: RowProblem) -> RowProblem:
    """A kept cell's problem as listed with a row rejected for something else: not "the row kept".

    Examples
    --------
    >>> p = RowProblem("a.csv", 2, 3, ("BH1",), "out of range: ...; read as missing, the row kept", "6")
    >>> in_rejected_row(p).problem
    'out of range: ...; read as missing, but the row is rejected for another problem'
    """
    return replace(problem, problem=problem.problem.replace("the row kept",
                                                            "but the row is rejected for another problem"))


def _off_scale(problem: RowProblem) -> bool:
    """Whether an unreadable cell is a number off its range (a 1-5 answer of 3.5, 6 or 0; points of -10, 150).

    Not a word: a 1-5 answer, or a divide-100 cell, that is not a number at all.
    """
    return problem.problem.startswith("out of range")


def _by_column(problems: list[RowProblem]) -> str:
    """How many problems each column has, at most six columns named: "BH1: 2, AOH: 1"."""
    counts: dict[str, int] = {}
    for p in problems:
        for c in p.columns:
            counts[c] = counts.get(c, 0) + 1
    where = ", ".join(f"{k}: {n}" for k, n in list(counts.items())[:6])
    if len(counts) > 6:
        where += f" and {len(counts) - 6} more column(s)"
    return where


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}


@dataclass(frozen=True, eq=False)
class ReadResult:
    """What :func:`read_responses` made of a file: accepted answers and everything it did not accept.

    Attributes
    ----------
    responses : Responses
        The accepted rows.
    sources : tuple of str
        File name(s) read.
    accepted : tuple of RowRef
        ``(source, row, line)`` of every accepted row, in file order.
    rejected : tuple of RowProblem
        Every problem of every rejected row (a row may have several).
    skipped : tuple of SkippedLine
        Lines under the header that held no answers.
    ignored_columns : tuple of str
        Columns present but not used (e.g. names, comments, metadata).
    delimiter, encoding : str
        For a workbook, delimiter is ``""`` and encoding ``"xlsx"``.
    header_line : int
        Line of the header (after any title lines).
    tolerance : float
        Allowed distance of a dimension total from 100.
    notes : tuple of str
        Anything else the reader did that a careful user should know.
    left_out : tuple of LeftOut
        Rows with answers left out on purpose (previews, unfinished, superseded submissions).
    identifying_columns : tuple of str
        Those of the ignored columns that identify people (names, e-mail and IP addresses): never read.
    tool : str
        The survey tool the file was recognised as coming from (e.g. ``"Qualtrics"``).
    matched_by : dict of str to str
        How each answer column was found: ``"code"``, ``"wording"`` or ``"mapping"``.
    dont_know : dict of str to int
        Per 1-5 column, how many accepted rows answered "don't know / not applicable": read as
        missing (NaN), never as the neutral 3, and reported in :meth:`summary`.
    unreadable : tuple of RowProblem
        Every 1-5 answer of an accepted row that is not on its scale (e.g. a misspelt "Agre"): read
        as missing (NaN), not rejecting the row; named in :meth:`summary` and :meth:`problems_text`.
    answer_words : int
        How many answers were read through the mapping file's ``answers:`` section.
    off_total : tuple of RowProblem
        Every divide-100 dimension of an accepted row left out of that respondent's scores, the row
        kept (:func:`~coordkit.survey.scores_from_complete`): its points do not add up to 100 (within
        the tolerance), or one of its cells is not a number ("n/a", "-", "?"; one problem per cell,
        naming its column), or empty while the others do not add up to 100.
    zero_filled : tuple of RowProblem
        Every empty divide-100 cell of an accepted row read as 0 points because the other cells of
        its dimension add up to 100 (a box given no points, left blank), one per cell.
    column_values : dict of str to tuple of str
        Only when read with ``column_values=True``: the values of each ignored column that does not
        identify people, one per accepted respondent (as group labels: blank is "(not stated)",
        spelling variants merged), for judging which could group the class
        (:func:`~coordkit.survey.read.groups.group_columns`); empty otherwise.
    """

    responses: Responses
    sources: tuple[str, ...]
    accepted: tuple[RowRef, ...]
    rejected: tuple[RowProblem, ...]
    skipped: tuple[SkippedLine, ...]
    ignored_columns: tuple[str, ...]
    delimiter: str
    encoding: str
    header_line: int
    tolerance: float
    notes: tuple[str, ...] = field(default_factory=tuple)
    left_out: tuple[LeftOut, ...] = field(default_factory=tuple)
    identifying_columns: tuple[str, ...] = field(default_factory=tuple)
    tool: str = "coordkit CSV"
    matched_by: dict[str, str] = field(default_factory=dict)
    dont_know: dict[str, int] = field(default_factory=dict)
    unreadable: tuple[RowProblem, ...] = field(default_factory=tuple)
    answer_words: int = 0
    column_values: dict[str, tuple[str, ...]] = field(default_factory=dict)
    off_total: tuple[RowProblem, ...] = field(default_factory=tuple)
    zero_filled: tuple[RowProblem, ...] = field(default_factory=tuple)

    @property
    def partly_read(self) -> tuple[RowProblem, ...]:
        """Every cell of an accepted row not read as written: unreadable, left out, or read as 0."""
        return (*self.unreadable, *self.off_total, *self.zero_filled)

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

    def _format(self) -> str:
        if self.encoding == "xlsx":
            return "Excel workbook"
        if len(self.sources) > 1:
            return f"{len(self.sources)} files"
        return (f"{_DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter))}-delimited, "
                f"{self.encoding}")

    def summary(self) -> str:
        """A few lines for the terminal: what was read, accepted, rejected, left out and skipped.

        Examples
        --------
        >>> from coordkit.survey import synthetic_class
        >>> from coordkit.survey.read import read_responses, responses_csv
        >>> print(read_responses(responses_csv(synthetic_class(size=5)).encode(), name="x.csv").summary())
        x.csv: 5 rows accepted, 0 rejected, 0 lines skipped (comma-delimited, UTF-8, header on line 1;
        dimension totals may differ from 100 by up to 1 point).
        Ignored columns (not read): team, role.
        """
        sources = ", ".join(self.sources) if len(self.sources) <= 3 else f"{len(self.sources)} files"
        left = f", {_plural(len(self.left_out), 'row')} left out" if self.left_out else ""
        lines = [
            f"{sources}: {_plural(self.n_accepted, 'row')} accepted, {self.n_rejected} rejected{left}, "
            f"{_plural(len(self.skipped), 'line')} skipped ({self._format()}"
            f"{'' if self.tool == 'coordkit CSV' else ', ' + self.tool + ' export'}, "
            f"header on line {self.header_line}; dimension totals may differ from 100 "
            f"by up to {self.tolerance:g} point{'s' if self.tolerance != 1 else ''})."
        ]
        if self.left_out:
            reasons: dict[str, int] = {}
            for row in self.left_out:
                key = row.reason.split(":")[0].split(" (")[0]
                reasons[key] = reasons.get(key, 0) + 1
            lines.append("Left out: " + "; ".join(f"{k} ({_plural(n, 'row')})" for k, n in reasons.items())
                         + ".")
        if self.identifying_columns:
            lines.append("Identifying columns ignored (never read into the results): "
                         + ", ".join(self.identifying_columns) + ".")
        if self.ignored_columns:
            lines.append("Ignored columns (not read): " + ", ".join(self.ignored_columns) + ".")
        if self.dont_know:
            lines.append(self.dont_know_text())
        if self.unreadable:
            lines.append(self.unreadable_text())
        off, unread = _split_off_total(self.off_total)
        if off:
            n = len(off)
            rows = len({(p.source, p.row) for p in off})
            who, kept = (("that respondent's", "its row") if rows == 1
                         else ("those respondents'", "their rows"))
            lines.append(f"{_plural(n, 'dimension')} in {_plural(rows, 'accepted row')} did not add up to "
                         f"100: left out of {who} scores, {kept} kept (each is listed with the problems).")
        outside = [p for p in unread if _off_scale(p)]
        unread = [p for p in unread if not _off_scale(p)]
        if outside:
            n = len(outside)
            rows = len({(p.source, p.row) for p in outside})
            lines.append(f"{_plural(n, 'divide-100 answer')} in {_plural(rows, 'accepted row')} "
                         f"{'was' if n == 1 else 'were'} below 0 or over 100 points: read as missing, "
                         f"{'its dimension' if n == 1 else 'their dimensions'} left out of the scores, "
                         f"{'its row' if rows == 1 else 'their rows'} kept (each is listed with the "
                         "problems).")
        if unread:
            n = len(unread)
            rows = len({(p.source, p.row) for p in unread})
            lines.append(f"{_plural(n, 'divide-100 answer')} in {_plural(rows, 'accepted row')} "
                         f"{'was' if n == 1 else 'were'} not a number (or empty, the others not adding "
                         "up to 100): read as missing, "
                         f"{'its dimension' if n == 1 else 'their dimensions'} left out of the scores, "
                         f"{'its row' if rows == 1 else 'their rows'} kept (each is listed with the "
                         "problems).")
        if self.zero_filled:
            n = len(self.zero_filled)
            rows = len({(p.source, p.row) for p in self.zero_filled})
            lines.append(f"{_plural(n, 'empty divide-100 cell')} in {_plural(rows, 'accepted row')} "
                         f"{'was' if n == 1 else 'were'} read as 0 points, the other cells of "
                         f"{'its' if n == 1 else 'their'} dimension adding up to 100 (each is listed with "
                         "the problems).")
        if self.answer_words:
            n = self.answer_words
            lines.append(f"{_plural(n, 'answer')} {'was' if n == 1 else 'were'} read through the mapping "
                         "file's answers: section.")
        lines += list(self.notes)
        return "\n".join(lines)

    def dont_know_text(self) -> str:
        """One sentence: how many answers were "don't know / not applicable", and how they were read.

        Examples
        --------
        >>> from coordkit.survey import synthetic_class
        >>> from coordkit.survey.read import read_responses, responses_csv
        >>> r = read_responses(responses_csv(synthetic_class(size=3)).encode())
        >>> from dataclasses import replace
        >>> replace(r, dont_know={"BH1": 2, "AOH": 1}).dont_know_text()
        "3 answers were 'don't know / not applicable' (BH1: 2, AOH: 1): read as missing, never as neutral."
        """
        total = sum(self.dont_know.values())
        where = ", ".join(f"{k}: {n}" for k, n in self.dont_know.items())
        return (f"{_plural(total, 'answer')} {'was' if total == 1 else 'were'} 'don't know / not "
                f"applicable' ({where}): read as missing, never as neutral.")

    def unreadable_text(self) -> str:
        """One sentence: how many answers could not be read on their scale, and how they were read.

        Examples
        --------
        >>> from coordkit.survey import synthetic_class
        >>> from coordkit.survey.read import read_responses, responses_csv
        >>> r = read_responses(responses_csv(synthetic_class(size=3)).encode())
        >>> from dataclasses import replace
        >>> p = RowProblem("x.csv", 2, 3, ("BH1",), "not an answer on the scale", "Agre")
        >>> print(replace(r, unreadable=(p, p)).unreadable_text())
        2 answers could not be read on their scale (BH1: 2): read as missing, their rows kept (each is listed
        with the problems; map a recurring word in the mapping file's answers: section).
        """
        numbers = [p for p in self.unreadable if _off_scale(p)]
        words = [p for p in self.unreadable if not _off_scale(p)]
        out = []
        if words:
            one = len(words) == 1
            out.append(f"{_plural(len(words), 'answer')} could not be read on {'its' if one else 'their'} "
                       f"scale ({_by_column(words)}): read as missing, {'its row' if one else 'their rows'}"
                       " kept (each is listed with the problems; map a recurring word in the mapping file's "
                       "answers: section).")
        if numbers:
            one = len(numbers) == 1
            out.append(f"{_plural(len(numbers), 'answer')} {'was' if one else 'were'} a number off the 1-5 "
                       f"scale, such as 3.5, 6 or 0 ({_by_column(numbers)}): read as missing, "
                       f"{'its row' if one else 'their rows'} kept (each is listed with the problems).")
        return "\n".join(out)

    def summary_line(self) -> str:
        """One line: files read, rows accepted, rejected, left out (and why), lines skipped.

        Examples
        --------
        >>> from coordkit.survey import synthetic_class
        >>> from coordkit.survey.read import read_responses, responses_csv
        >>> read_responses(responses_csv(synthetic_class(size=5)).encode()).summary_line()
        '1 file read: 5 rows accepted, 0 rejected, 0 left out, 0 lines skipped.'
        """
        why = ""
        if self.left_out:
            reasons: dict[str, int] = {}
            for row in self.left_out:
                key = row.reason.split(":")[0].split(" (")[0]
                reasons[key] = reasons.get(key, 0) + 1
            why = " (" + "; ".join(f"{n} {k}" for k, n in reasons.items()) + ")"
        return (f"{_plural(len(self.sources), 'file')} read: {_plural(self.n_accepted, 'row')} accepted, "
                f"{self.n_rejected} rejected, {len(self.left_out)} left out{why}, "
                f"{_plural(len(self.skipped), 'line')} skipped.")

    def problems_heading(self) -> str:
        """The line over :meth:`problems_text` on the terminal: rows rejected and kept, honestly counted.

        The list holds the problems of rejected rows and the cells of kept rows not read as written
        (methodologist 2, finding 7: "1 row(s) rejected:" stood over 15 lines, 14 of them in kept rows).

        Examples
        --------
        >>> from coordkit.survey import synthetic_class
        >>> from coordkit.survey.read import read_responses, responses_csv
        >>> read_responses(responses_csv(synthetic_class(size=3)).encode()).problems_heading()
        'Problems (no row rejected, 3 rows kept; each line says what was done):'
        """
        if self.rejected:
            rejected, kept = _plural(self.n_rejected, "row") + " rejected", str(self.n_accepted or "none")
        else:
            rejected, kept = "no row rejected", _plural(self.n_accepted, "row")
        return f"Problems ({rejected}, {kept} kept; each line says what was done):"

    def problems_text(self, *, values: bool = True, limit: int | None = None) -> str:
        """Every row problem, unreadable answer, left-out row and skipped line, one per line.

        ``limit`` caps the problems and, separately, the unreadable answers.
        """
        shown = self.rejected if limit is None else self.rejected[:limit]
        out = [p.message(values=values) for p in shown]
        if limit is not None and len(self.rejected) > limit:
            out.append(f"... and {len(self.rejected) - limit} more problem(s)")
        unread = self.unreadable if limit is None else self.unreadable[:limit]
        out += [p.message(values=values) for p in unread]
        if limit is not None and len(self.unreadable) > limit:
            out.append(f"... and {len(self.unreadable) - limit} more unreadable answer(s)")
        off = self.off_total if limit is None else self.off_total[:limit]
        out += [p.message(values=values) for p in off]
        if limit is not None and len(self.off_total) > limit:
            out.append(f"... and {len(self.off_total) - limit} more dimension(s) not adding up")
        zero = self.zero_filled if limit is None else self.zero_filled[:limit]
        out += [p.message(values=values) for p in zero]
        if limit is not None and len(self.zero_filled) > limit:
            out.append(f"... and {len(self.zero_filled) - limit} more empty cell(s) read as 0")
        out += [row.message() for row in self.left_out]
        out += [f"{s.source}: line {s.line} skipped: {s.reason}" for s in self.skipped]
        return "\n".join(out)

    def notice(self) -> tuple[NoticeLine, ...]:
        r"""What could not be read, counted by reason with the columns concerned: never who, never what.

        The notice the report, the command line and the class-results app put first: rows rejected
        (by reason), answers read as missing because they were not on their scale, dimensions left
        out because their points do not add up to 100, and rows left out (earlier submissions of the
        same code, previews, unfinished). Counts and column names only: no respondent code, row
        content or free text. Empty when everything was read.

        Examples
        --------
        >>> from coordkit.survey import synthetic_class
        >>> from coordkit.survey.read import read_responses, responses_csv
        >>> text = responses_csv(synthetic_class(size=6))
        >>> header, first, *rest = text.splitlines()
        >>> at = header.split(",").index("BH1")
        >>> cells = first.split(",")
        >>> cells[at], cells[header.split(",").index("now_D1H")] = "3 - Neither", "n/a"
        >>> r = read_responses("\n".join([header, ",".join(cells), *rest, rest[0]]).encode(), name="x.csv")
        >>> for line in r.notice():  # doctest: +NORMALIZE_WHITESPACE
        ...     print(line.text())
        answers not read (not on the scale), read as missing, rows kept: 1 answer in 1 row (column BH1)
        dimensions left out of the scores (a points cell not a number), rows kept: 1 dimension in 1 row
        (column now_D1H)
        rows left out: superseded by a later submission of the same respondent code: 1
        """
        out: list[NoticeLine] = []
        kinds: dict[str, tuple[set[tuple[str, int]], dict[str, None]]] = {}
        for p in self.rejected:
            if p.problem.startswith("empty, read as"):
                kind = "divide-100 answer empty (listed with the row's problems)"
            elif "left out of the scores" in p.problem and _off_scale(p):
                kind = "divide-100 answer below 0 or over 100 (listed with the row's problems)"
            elif "read as missing" in p.problem and "left out of the scores" in p.problem:
                kind = "divide-100 answer not a number (listed with the row's problems)"
            elif "read as missing" in p.problem and _off_scale(p):
                kind = "answer off the 1-5 scale (listed with the row's problems)"
            elif "read as missing" in p.problem:
                kind = "answer not on its scale (listed with the row's problems)"
            else:
                kind = _problem_kind(p.problem)
            rows, cols = kinds.setdefault(kind, (set(), {}))
            rows.add((p.source, p.row))
            cols.update(dict.fromkeys(p.columns))
        out += [NoticeLine(f"rows rejected: {k}", len(rows), tuple(cols))
                for k, (rows, cols) in kinds.items()]
        words = [p for p in self.unreadable if not _off_scale(p)]
        numbers = [p for p in self.unreadable if _off_scale(p)]
        # rows kept: each count says its unit (answers, dimensions, cells) and its rows (review 3, N7)
        if words:
            columns = tuple(dict.fromkeys(c for p in words for c in p.columns))
            out.append(NoticeLine("answers not read (not on the scale), read as missing, rows kept",
                                  *_with_columns(_kept_count(words, "answer"), columns)))
        if numbers:
            columns = tuple(dict.fromkeys(c for p in numbers for c in p.columns))
            out.append(NoticeLine("answers off the 1-5 scale (such as 3.5, 6 or 0), read as missing, rows "
                                  "kept", *_with_columns(_kept_count(numbers, "answer"), columns)))
        off, unread = _split_off_total(self.off_total)
        empty = [p for p in unread if p.problem.startswith("empty")]
        outside = [p for p in unread if _off_scale(p)]  # -10, 150 (methodologist 2, finding 7)
        unread = [p for p in unread if not p.problem.startswith("empty") and not _off_scale(p)]
        if off:  # named by question: "dimension 2 (What holds people together?), now"
            questions = tuple(dict.fromkeys(p.problem.split(": points sum")[0] for p in off))
            n, count = _kept_count(off, "dimension")
            out.append(NoticeLine("dimensions left out of the scores (points do not add up to 100), "
                                  "rows kept", n, questions, "question", count))
        if unread:  # named by column, as the rejected rows are
            columns = tuple(dict.fromkeys(c for p in unread for c in p.columns))
            out.append(NoticeLine("dimensions left out of the scores (a points cell not a number), rows "
                                  "kept", *_with_columns(_kept_count(unread, "", dimensions=True), columns)))
        if outside:
            columns = tuple(dict.fromkeys(c for p in outside for c in p.columns))
            out.append(NoticeLine("dimensions left out of the scores (a points cell below 0 or over 100), "
                                  "rows kept",
                                  *_with_columns(_kept_count(outside, "", dimensions=True), columns)))
        if empty:
            columns = tuple(dict.fromkeys(c for p in empty for c in p.columns))
            out.append(NoticeLine("dimensions left out of the scores (a points cell empty, the others not "
                                  "adding up to 100), rows kept",
                                  *_with_columns(_kept_count(empty, "", dimensions=True), columns)))
        if self.zero_filled:
            columns = tuple(dict.fromkeys(c for p in self.zero_filled for c in p.columns))
            out.append(NoticeLine("empty points cells read as 0 (the dimension's other cells add up to 100), "
                                  "rows kept", *_with_columns(_kept_count(list(self.zero_filled), "cell"),
                                                              columns)))
        reasons: dict[str, int] = {}
        for x in self.left_out:
            key = x.reason.split(" (")[0].split(":")[0]
            reasons[key] = reasons.get(key, 0) + 1
        out += [NoticeLine(f"rows left out: {k}", n, ()) for k, n in reasons.items()]
        return tuple(out)

    @property
    def needs_fixing(self) -> bool:
        """Whether the notice asks for the file to be checked: a row rejected, or an answer not read.

        Empty points boxes read as 0 and rows left out by rule (an earlier submission of the same code,
        a preview) were read as the kit's rules say: nothing in the file needs fixing for them.
        """
        return bool(self.rejected or self.unreadable or self.off_total)

    def notice_advice(self) -> str:
        r"""The report notice's last sentences: where its rows are listed, and whether to fix the file.

        It points to "Rows not used" only for rejected rows, and to "Answers not wholly used" for
        rows kept (lecturer review 3, N7); when everything was read by a rule it says what was done
        and that nothing needs fixing.

        Examples
        --------
        >>> from coordkit.survey import synthetic_class
        >>> from coordkit.survey.read import read_responses, responses_csv
        >>> header, first, *rest = responses_csv(synthetic_class(size=6)).splitlines()
        >>> cells, at = first.split(","), header.split(",").index
        >>> for column, points in zip(("now_D1H", "now_D1S", "now_D1I", "now_D1F"), "60 40  ".split(" ")):
        ...     cells[at(column)] = points
        >>> r = read_responses("\n".join([header, ",".join(cells), *rest]).encode())
        >>> print(r.notice_advice())  # doctest: +NORMALIZE_WHITESPACE
        The answers of rows kept but not wholly used are listed under "Answers not wholly used" at the end,
        without their contents. Nothing needs fixing: every answer was read by the kit's rules (2 empty
        points boxes were read as 0, the other boxes of their dimension adding up to 100).
        """
        where = []
        if self.rejected:
            where.append('the rejected rows are listed under "Rows not used"')
        if self.partly_read:
            where.append('the answers of rows kept but not wholly used are listed under "Answers not wholly '
                         'used"')
        out = ""
        if where:
            out = " and ".join(where) + " at the end, without their contents. "
            out = out[0].upper() + out[1:]
        if self.needs_fixing:
            return out + "Fix the file and run the report again."
        rules = []
        if self.zero_filled:
            n = len(self.zero_filled)
            boxes = _plural(n, "empty points box", "empty points boxes")
            rules.append(f"{boxes} {'was' if n == 1 else 'were'} "
                         "read as 0, the other boxes of their dimension adding up to 100")
        reasons = dict.fromkeys(x.reason.split(" (")[0].split(":")[0] for x in self.left_out)
        if reasons:
            rules.append(f"{_plural(len(self.left_out), 'row')} left out ({'; '.join(reasons)})")
        return f"{out}Nothing needs fixing: every answer was read by the kit's rules ({'; '.join(rules)})."

    def notice_text(self) -> str:
        """:meth:`notice` as a few lines for the terminal, headed by how many rows were used ('' if none).

        Examples
        --------
        >>> from coordkit.survey import synthetic_class
        >>> from coordkit.survey.read import read_responses, responses_csv
        >>> read_responses(responses_csv(synthetic_class(size=3)).encode()).notice_text()
        ''
        """
        lines = self.notice()
        if not lines:
            return ""
        head = (f"NOT EVERYTHING WAS READ: {_plural(self.n_accepted, 'row')} used, {self.n_rejected} "
                f"rejected, {len(self.left_out)} left out.")
        tail = [] if self.needs_fixing else ["  " + self.notice_advice().split(". ", 1)[-1]
                                             if self.partly_read else "  " + self.notice_advice()]
        return "\n".join([head, *("  - " + line.text() for line in lines), *tail])

    def anonymised(self) -> ReadResult:
        """The same result with every file name replaced by ``file 1``, ``file 2`` ... (for reports).

        A file may be named after a student (and Moodle folders are), so a shared report names files
        only by number; the terminal output keeps the real names for the lecturer. The late-submission
        warning is added to the notes once: the method is pure and idempotent (anonymising an
        anonymised result changes nothing).

        Examples
        --------
        >>> from coordkit.survey import synthetic_class
        >>> from coordkit.survey.read import read_responses, responses_csv
        >>> r = read_responses(responses_csv(synthetic_class(size=5)).encode(), name="Jo Bloggs.csv")
        >>> "Jo Bloggs" in r.anonymised().summary(), r.anonymised().sources
        (False, ('file 1',))
        >>> r.anonymised().anonymised().notes == r.anonymised().notes
        True
        """
        names = {s: f"file {k}" for k, s in enumerate(self.sources, start=1)}

        def rename(source: str) -> str:
            return names.get(source, "file")

        return replace(
            self, sources=tuple(names.values()),
            accepted=tuple(RowRef(rename(a.source), a.row, a.line) for a in self.accepted),
            rejected=tuple(replace(p, source=rename(p.source), value=None,
                                   problem=_anonymise_reason(p.problem, names)) for p in self.rejected),
            skipped=tuple(replace(s, source=rename(s.source)) for s in self.skipped),
            unreadable=tuple(replace(p, source=rename(p.source), value=None) for p in self.unreadable),
            off_total=tuple(replace(p, source=rename(p.source), value=None) for p in self.off_total),
            zero_filled=tuple(replace(p, source=rename(p.source), value=None) for p in self.zero_filled),
            left_out=tuple(replace(x, source=rename(x.source), reason=_anonymise_reason(x.reason, names))
                           for x in self.left_out),
            notes=tuple(dict.fromkeys((*(_anonymise_reason(n, names) for n in self.notes),
                                       LATE_SUBMISSION_WARNING))),
        )


def _anonymise_reason(text: str, names: dict[str, str]) -> str:
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, names[name])
    return text
