r"""Checking one data row, cell by cell, into a :class:`Row` record (the reader's per-row step).

:class:`Checker` holds what does not change between the rows of one file (where the columns are,
which scale each 1-5 item uses, which divide-100 cells make one dimension) and turns each row's
cells into a :class:`Row`: its points, its 1-5 answers, its group labels and every problem that
rejects it. A 1-5 cell answered "Don't know / not applicable" (:data:`~coordkit.survey.read.values.DONT_KNOW`)
is read as missing, never as the neutral 3, and counted in :attr:`Row.dont_know`. A 1-5 cell whose
text is not on the item's scale (a misspelt "Agre") is read as missing too and listed in
:attr:`Row.unreadable`, without rejecting the row, unless the mapping file's ``answers:`` section
says which answer the word is (the reader never reads a near miss as a scale word by itself); so is
a number off the scale (``3.5``, a tick between two boxes, ``6`` or ``0``), listed in
:attr:`Row.unreadable` as out of range. A divide-100 cell that is not a number ("n/a", "-", "?")
leaves out only its dimension, like a dimension whose points do not add up to 100
(:attr:`Row.off_total`), never the whole row; so does a number of points off the 0-100 range
(``-10``, ``150``: issue 14, methodologist 2, finding 7). An empty divide-100 cell is read as 0 when the
dimension's other cells add up to 100 (60/40/blank/blank: the boxes given no points), listed in
:attr:`Row.zero_filled`; otherwise it is read like "n/a". With ``strict`` the reader rejects the row
for an out-of-range 1-5 answer, an empty points cell or points off the 0-100 range instead (the
behaviour before issue 14, finding 12).

Examples
--------
>>> from coordkit.survey import synthetic_class
>>> from coordkit.survey.read import read_responses, responses_csv
>>> text = responses_csv(synthetic_class(size=3))
>>> header, first, *rest = text.splitlines()
>>> at = header.split(",").index("BH1")
>>> cells = first.split(",")
>>> cells[at] = "Don't know"
>>> r = read_responses("\n".join([header, ",".join(cells), *rest]).encode(), name="dk.csv")
>>> r.n_accepted, r.dont_know
(3, {'BH1': 1})
>>> cells[at] = "Agre"
>>> text = "\n".join([header, ",".join(cells), *rest]).encode()
>>> r = read_responses(text, name="typo.csv")
>>> r.n_accepted, r.n_rejected
(3, 0)
>>> print(r.unreadable[0].message(values=False))  # doctest: +NORMALIZE_WHITESPACE
typo.csv: row 1 (line 2), column 'BH1': not a number, read as missing: use 1 to 5, or map the word in
a mapping file's answers: section
>>> r.unreadable[0].value
'Agre'
>>> r = read_responses(text, name="typo.csv", answers={"Agre": 4})
>>> r.unreadable, r.answer_words
((), 1)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from coordkit.survey.read import values
from coordkit.survey.read._instrument import LIKERT_LABELS, NOT_STATED, TOTAL, Questionnaire
from coordkit.survey.read.match import Target, normalise
from coordkit.survey.read.records import RowProblem

__all__ = ["Checker", "Columns", "Row"]

_QUALTRICS_LEFT_OUT = {"survey preview": "a Qualtrics survey preview",
                       "survey test": "a Qualtrics test response", "spam": "marked as spam by Qualtrics",
                       "1": "a Qualtrics survey preview",
                       "2": "a Qualtrics test response", "8": "marked as spam by Qualtrics"}
_FALSE = {"false", "0", "no", "f"}


@dataclass
class Row:
    """One data row under the header, as the reader checked it.

    Attributes
    ----------
    row, line : int
        Row number under the header (1 = first) and line of the file.
    respondent : str
        The respondent code (or the tool's response id).
    groups : list of str
        Group labels, one per group column.
    points : list of float
        Divide-100 answers in the order of ``Questionnaire.columns(likert=False)``.
    answers : list of float
        Likert answers (NaN = not answered) in questionnaire order.
    problems : list of RowProblem
        Everything that rejects the row (empty if accepted).
    left_out : str or None
        Why the row is left out on purpose (a preview, unfinished, superseded), if it is.
    dont_know : list of int
        Positions in ``answers`` answered "don't know / not applicable" (read as NaN, missing).
    unreadable : list of RowProblem
        1-5 cells not on their scale: read as NaN (missing); they do not reject the row.
    answer_words : int
        How many 1-5 cells were read through the mapping file's ``answers:`` section.
    off_total : list of RowProblem
        Divide-100 dimensions left out of the scores: their points do not add up to 100, or one of
        their cells is not a number ("n/a", "-", "?"), is off the 0-100 range (``-10``, ``150``), or
        is empty while the others do not add up to 100 (one problem per such cell, read as NaN).
        They do not reject the row (:func:`~coordkit.survey.scores_from_complete`).
    zero_filled : list of RowProblem
        Empty divide-100 cells read as 0 points because the dimension's other cells add up to 100.
    """

    row: int
    line: int
    respondent: str = ""
    groups: list[str] = field(default_factory=list)
    points: list[float] = field(default_factory=list)
    answers: list[float] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    left_out: str | None = None
    dont_know: list[int] = field(default_factory=list)
    unreadable: list[RowProblem] = field(default_factory=list)
    answer_words: int = 0
    off_total: list[RowProblem] = field(default_factory=list)
    zero_filled: list[RowProblem] = field(default_factory=list)


@dataclass(frozen=True)
class Columns:
    """Where everything the reader needs is, in one header."""

    index: dict[str, int]  # target key -> column
    names: dict[str, str]  # target key (or role) -> name shown in messages
    id_index: int | None
    id_name: str
    group_index: list[int]
    status: int | None
    finished: int | None
    identifying: tuple[str, ...]
    ignored: tuple[str, ...]
    matched_by: dict[str, str]
    notes: tuple[str, ...]
    spare: dict[str, int] = field(default_factory=dict)  # ignored, not identifying: name -> column
    absent: tuple[str, ...] = ()  # 1-5 columns the form left out (a stated version's): read as not answered


class Checker:
    """Checks one data row into a :class:`Row` (everything that does not change between rows, once)."""

    def __init__(self, label: str, q: Questionnaire, cols: Columns, divide: list[Target],
                 likert_targets: list[Target], *, tolerance: float, empty_as_zero: bool,
                 decimal_comma: bool, width: int, words: bool,
                 answers: dict[str, float] | None = None, strict: bool = False) -> None:
        self.label, self.cols, self.tolerance, self.strict = label, cols, tolerance, strict
        self.empty_as_zero, self.decimal_comma, self.width, self.words = (
            empty_as_zero, decimal_comma, width, words)
        self.divide_at = [cols.index[t.key] for t in divide]
        self.divide_names = [cols.names[t.key] for t in divide]
        self.likert_at: list[int | None] = [cols.index.get(t.key) for t in likert_targets]
        self.likert_names = [cols.names[t.key] for t in likert_targets]
        # each 1-5 item is answered on its own scale's words (agreement, or strength for the ratings)
        self.likert_labels = [t.item.labels() or LIKERT_LABELS for t in likert_targets]
        others = [i for i in (cols.id_index, cols.status, cols.finished, *cols.group_index) if i is not None]
        at = [*self.divide_at, *self.likert_at, *others]
        self.need = max([width, *[k + 1 for k in at if k is not None]])
        self.answer_map = {values.tidy(w): float(v) for w, v in (answers or {}).items()}
        self.used_decimal_comma = False
        self.seen: dict[tuple[int, str], float] = {}
        self.unknown: dict[tuple[int, str], float | str] = {}  # words no scale has: answer, or problem
        dims = list(q.dimensions)
        groups: dict[tuple[str | None, str | None], list[int]] = {}
        for k, target in enumerate(divide):
            groups.setdefault((target.timeframe, target.item.dimension), []).append(k)
        self.sums = []
        for (timeframe, dim), members in groups.items():
            where = dims.index(dim) + 1 if dim in dims else "?"
            self.sums.append((members, tuple(self.divide_names[k] for k in members),
                              f"dimension {where} ({q.headings.get(dim or '', dim)}), {timeframe}"))

    def row(self, number: int, line: int, cells: list[str]) -> Row:
        """The checked row (``cells`` padded to at least ``need`` cells)."""
        cols = self.cols
        rec = Row(row=number, line=line)
        if cols.status is not None:
            status = _QUALTRICS_LEFT_OUT.get(normalise(cells[cols.status]))
            if status:
                rec.left_out = f"{status} (Status = {cells[cols.status].strip()})"
                return rec
        if cols.finished is not None and normalise(cells[cols.finished]) in _FALSE:
            rec.left_out = f"unfinished (Finished = {cells[cols.finished].strip()})"
            return rec
        problems = rec.problems

        def bad(columns: tuple[str, ...], problem: str, value: str | None = None) -> None:
            problems.append(RowProblem(self.label, number, line, columns, problem, value))

        if len(cells) > self.width and any(c.strip() for c in cells[self.width:]):
            bad((), f"the row has {len(cells)} cells but the header has {self.width}, so its answers "
                    "may be in the wrong columns")
        if cols.id_index is None:
            rec.respondent = f"row {number}"
        else:
            rec.respondent = cells[cols.id_index].strip()
            if not rec.respondent:
                bad((cols.id_name,), "empty: every row needs a respondent id")
        points = rec.points
        unread: dict[int, tuple[str, str]] = {}  # divide-100 cells that are not a number, by position
        empty: list[int] = []  # empty divide-100 cells, by position
        for k, name in zip(self.divide_at, self.divide_names, strict=True):
            raw = cells[k]
            if raw.isascii() and raw.isdigit():  # the common case, fast
                value = float(raw)
            elif not raw.strip():
                if self.empty_as_zero:
                    points.append(0.0)
                    continue
                if self.strict:
                    bad((name,), "empty: every divide-100 answer is needed (write 0 for no points)")
                else:  # 0 if the dimension's other cells add up to 100, else like "n/a" (below)
                    empty.append(len(points))
                points.append(math.nan)
                continue
            else:
                try:
                    value = values.number(raw, self.decimal_comma)
                except ValueError:  # "n/a", "-", "?": its dimension is left out, not the whole row
                    hint = " (use a decimal point)" if "," in raw else ""
                    unread[len(points)] = (f"not a number{hint}, read as missing: {{what}} is left out of "
                                           "the scores, the row kept", raw)
                    points.append(math.nan)
                    continue
                if "," in raw:
                    self.used_decimal_comma = True
            if not 0 <= value <= TOTAL:
                if self.strict:
                    bad((name,), "out of range: points must be from 0 to 100", raw)
                else:  # -10, 150: like "n/a", its dimension is left out, not the whole row (finding 7)
                    unread[len(points)] = ("out of range (points must be from 0 to 100), read as missing: "
                                           "{what} is left out of the scores, the row kept", raw)
                value = math.nan
            points.append(value)
        for members, names, what in self.sums:
            blank = [k for k in members if k in empty]
            if blank:
                others = sum(points[k] for k in members if k not in blank)
                fill = math.isfinite(others) and abs(others - TOTAL) <= self.tolerance
                for k in blank:
                    cell = (self.divide_names[k],)
                    if fill:  # 60/40/blank/blank: the boxes given no points
                        points[k] = 0.0
                        rec.zero_filled.append(RowProblem(
                            self.label, number, line, cell,
                            f"empty, read as 0: the other cells of {what} add up to {others:g}"))
                    else:
                        why = f" (the other cells add up to {others:g})" if math.isfinite(others) else ""
                        rec.off_total.append(RowProblem(
                            self.label, number, line, cell,
                            f"empty, read as missing{why}: {what} is left out of the scores, the row kept"))
            for k in members:
                if k in unread:
                    problem, raw = unread[k]
                    rec.off_total.append(RowProblem(self.label, number, line, (self.divide_names[k],),
                                                    problem.format(what=what), raw))
            total = sum(points[k] for k in members)
            if math.isfinite(total) and abs(total - TOTAL) > self.tolerance:
                hint = ("; they look like fractions of 1: give points out of 100"
                        if abs(total - 1) < 0.05 else "")
                rec.off_total.append(RowProblem(
                    self.label, number, line, names,
                    f"{what}: points sum to {total:g}, not 100 (tolerance {self.tolerance:g}){hint}; the "
                    "dimension is left out of the scores, the row kept"))
        for where, name, labels in zip(self.likert_at, self.likert_names, self.likert_labels, strict=True):
            if where is None:  # a column the form left out (Columns.absent): not answered
                rec.answers.append(math.nan)
                continue
            raw = cells[where].strip()
            if raw in _SCALE_DIGITS:
                rec.answers.append(_SCALE_DIGITS[raw])
                continue
            if not raw:
                rec.answers.append(math.nan)
                continue
            if values.is_dont_know(raw):  # missing, never neutral: counted and reported
                rec.dont_know.append(len(rec.answers))
                rec.answers.append(math.nan)
                continue
            seen = (id(labels), raw)
            if seen in self.seen:  # survey tools repeat a handful of answer words
                value = self.seen[seen]
                if value == value and value == int(value) and 1 <= value <= 5:
                    rec.answers.append(value)
                    continue
            if seen not in self.unknown:
                try:
                    value = values.likert(raw, self.decimal_comma, labels)
                    self.seen[seen] = value
                except ValueError as error:  # a word no scale has: the mapping's answer, or missing
                    mapped = self.answer_map.get(values.tidy(raw))
                    use = (f"use 1 to 5 or the scale's words ({values.scale_words(labels)})" if self.words
                           else "use 1 to 5")
                    self.unknown[seen] = mapped if mapped is not None else (
                        f"{error if self.words else 'not a number'}, read as missing: {use}, or map the "
                        "word in a mapping file's answers: section")
            if seen in self.unknown:
                known = self.unknown[seen]
                if isinstance(known, float):  # the lecturer's mapping file says which answer the word is
                    rec.answer_words += 1
                    rec.answers.append(known)
                else:  # one unreadable answer is missing, not a reason to lose the whole response
                    rec.unreadable.append(RowProblem(self.label, number, line, (name,), known, raw))
                    rec.answers.append(math.nan)
                continue
            if value != int(value) or not 1 <= value <= 5:
                problem = (f"out of range: answers must be whole numbers from 1 ({labels[1]}) to 5 "
                           f"({labels[5]})")
                if self.strict:
                    bad((name,), problem, raw)
                else:  # 3.5 (a tick between two boxes), 6, 0: that answer is missing, the row kept
                    rec.unreadable.append(RowProblem(self.label, number, line, (name,),
                                                     problem + "; read as missing, the row kept", raw))
                    value = math.nan
            rec.answers.append(value)
        rec.groups = [cells[k].strip() or NOT_STATED for k in cols.group_index]
        return rec


_SCALE_DIGITS = {str(k): float(k) for k in range(1, 6)}
