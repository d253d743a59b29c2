"""Reading one export into accepted, rejected, left-out and skipped rows; merging several files.

The steps: bytes to a table (:mod:`~coordkit.survey.read.tables`), the header and the tool
(:mod:`~coordkit.survey.read.detect`), the columns (:mod:`~coordkit.survey.read.match`), then
every row is checked cell by cell (:mod:`~coordkit.survey.read.rows`,
:mod:`~coordkit.survey.read.values`) into a :class:`~coordkit.survey.read.rows.Row` record, and the
accepted rows become :class:`~coordkit.survey.Responses`. "Don't know / not applicable" answers are
read as missing (never as the neutral 3), counted per column and reported.

Data hygiene, whatever the tool: Qualtrics preview, test and spam responses and unfinished
responses (``Finished`` false) are left out and reported; a respondent code that appears twice in
a file keeps its last accepted submission (the earlier ones are left out, with a note); group
labels are compared ignoring case and spacing ("Ward A" = "ward a "); columns holding names,
e-mail or IP addresses are recognised, never read, and listed as ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import numpy as np

from coordkit.survey.read import values
from coordkit.survey.read._instrument import (
    CURRENT_VERSION,
    DEFAULT_TOLERANCE,
    ID_COLUMN,
    NOT_STATED,
    TIMEFRAMES,
    VERSION_COLUMN,
    VERSIONS,
    Questionnaire,
    Responses,
    detect_version,
    questionnaire,
    version_note,
)
from coordkit.survey.read.detect import Layout, find_layout
from coordkit.survey.read.match import (
    HeaderMatcher,
    Match,
    identifying,
    normalise,
)
from coordkit.survey.read.records import (
    IdColumnError,
    LeftOut,
    ReadResult,
    RowProblem,
    RowRef,
    SkippedLine,
    SurveyFileError,
    in_rejected_row,
)
from coordkit.survey.read.rows import Checker, Columns, Row
from coordkit.survey.read.tables import Records, column_letter, csv_records, decode, is_workbook, xlsx_records

__all__ = ["Row", "group_column_problem", "merge", "read_responses"]

_DELIMITERS = (",", ";", "\t")
#: Per tool, the column that identifies a response when the form has no respondent-code question.
_TOOL_IDS = {"Qualtrics": "responseid", "SurveyMonkey": "respondent id", "Microsoft Forms": "id",
             "JISC Online Surveys": "response id"}
_UNDER = "text under the header (question wording or export metadata), not answers"


def _load(source: str | Path | bytes, name: str | None) -> tuple[bytes, str]:
    if isinstance(source, bytes | bytearray):
        return bytes(source), name or "<bytes>"
    path = Path(source)
    label = name or path.name
    if not path.is_file():
        raise SurveyFileError(label, f"no such file: {path}")
    with open(path, "rb") as handle:  # read-only: the input is never changed
        return handle.read(), label


def _tables(data: bytes, label: str) -> tuple[dict[str, Records], str, str]:
    """Records per candidate delimiter (a workbook has one, ``""``), the encoding label, and the text."""
    if is_workbook(data):
        records = xlsx_records(data, label)
        if not records:
            raise SurveyFileError(label, "the file is empty")
        return {"": records}, "xlsx", ""
    text, encoding = decode(data, label)
    if not text.strip():
        raise SurveyFileError(label, "the file is empty")
    from coordkit.survey.read.detect import HEADER_SEARCH_LINES

    return ({d: csv_records(text, d, label, limit=HEADER_SEARCH_LINES + 4) for d in _DELIMITERS},
            encoding, text)


def _layout(data: bytes, label: str, matcher: HeaderMatcher, id_column: str,
            extra: set[str]) -> tuple[Layout, str]:
    candidates, encoding, text = _tables(data, label)
    layout = find_layout(candidates, matcher, label, id_hint=id_column, extra=extra)
    if layout.delimiter:  # parse the whole file now, strictly, with the delimiter found
        from dataclasses import replace

        layout = replace(layout, records=csv_records(text, layout.delimiter, label))
    return layout, encoding


def _columns(layout: Layout, matcher: HeaderMatcher, label: str, *, id_column: str,
             group_columns: Sequence[str], use_likert: bool | str,
             absent: frozenset[str] = frozenset()) -> Columns:
    headers = layout.headers
    line = layout.header_line
    id_key = normalise(id_column)
    group_keys = [normalise(g) for g in group_columns]
    places: dict[str, list[int]] = {}
    how: dict[str, str] = {}
    roles: dict[int, str] = {}
    for k, header in enumerate(headers):
        mapped = matcher.mapped(header)
        if mapped is not None:
            if mapped == "ignore":
                roles[k] = "ignore"
                continue
            if mapped == "respondent":
                roles[k] = "id"
                continue
            if mapped.startswith("group:"):
                name = normalise(mapped[6:])
                if name not in group_keys:
                    raise SurveyFileError(label, f"the mapping file names group {mapped[6:]!r}, but the "
                                                 "command did not ask for it (add --group-column "
                                                 f"{mapped[6:]})")
                roles[k] = "group:" + name
                continue
            if mapped not in matcher.by_key:
                raise SurveyFileError(label, f"the mapping file maps column {column_letter(k)} ({header!r}) "
                                             f"to {mapped!r}, which is not a questionnaire column (see "
                                             "`coordkit template`)")
        m = matcher.match(header)
        if m is None:  # a statement several items share (strength per level): the next in order
            m = next((Match(t.key, "order") for t in matcher.shared(header) if t.key not in places), None)
        if m is None and layout.tool != "coordkit CSV" and not _meta(layout.top[k]):
            m = matcher.match(header, fuzzy=True)
        if m is not None:
            places.setdefault(m.key, []).append(k)
            how.setdefault(m.key, m.how)
    h_norm = [normalise(h) for h in headers]
    top_norm = [normalise(t) for t in layout.top]

    def find(key: str, role: str, loose: bool) -> list[int]:
        exact = [k for k in range(len(headers)) if roles.get(k) == role or (
            k not in roles and (h_norm[k] == key or top_norm[k] == key))]
        if exact or not loose:
            return exact
        return [k for k in range(len(headers)) if k not in roles and f" {key} " in f" {h_norm[k]} "
                and not any(k in v for v in places.values())]

    id_places = find(id_key, "id", False)
    if not id_places and id_column == ID_COLUMN:
        id_places = [k for k in range(len(headers)) if k not in roles and "respondent code" in h_norm[k]]
    id_note: tuple[str, ...] = ()
    if not id_places and layout.tool in _TOOL_IDS:
        id_places = [k for k, t in enumerate(top_norm) if t == _TOOL_IDS[layout.tool]][:1]
        if id_places:
            id_note = (f"No respondent-code question found, so the {layout.tool} response id "
                       f"('{layout.top[id_places[0]]}') identifies each response: a student who submitted "
                       "twice counts twice.",)
    if not id_places and layout.tool == "Google Forms":
        id_note = ("No respondent-code question found, so each response is identified by its row: a student "
                   "who submitted twice counts twice.",)
    group_places = [find(g, "group:" + g, True) for g in group_keys]
    likert_keys = [t.key for t in matcher.targets if t.block != "divide100"]
    divide_keys = [t.key for t in matcher.targets if t.block == "divide100"]
    likert_on = use_likert is True or (use_likert == "auto" and any(k in places for k in likert_keys))
    needed = [*divide_keys, *(likert_keys if likert_on else [])]
    names = {}
    for key in needed:
        at = places.get(key, [])
        names[key] = key if at and h_norm[at[0]] == normalise(key) else (
            f"{key} (column {column_letter(at[0])})" if at else key)
    for key, at in [(id_column, id_places), *zip(group_columns, group_places, strict=True),
                    *((k, places.get(k, [])) for k in needed)]:
        if len(at) > 1:
            where = " and ".join(f"{p + 1} ({column_letter(p)})" for p in at[:2])
            raise SurveyFileError(label, f"line {line}: column '{key}' appears more than once "
                                         f"(columns {where}); keep one")
    id_found = [0] if id_places or layout.tool == "Google Forms" else []
    missing = [c for c, at in [(id_column, id_found),
                               *zip(group_columns, group_places, strict=True),
                               *((k, places.get(k, [])) for k in needed if k not in absent)] if not at]
    gone = tuple(k for k in needed if k in absent and not places.get(k))  # not asked: read as not answered
    if missing:
        shown = ", ".join(f"'{c}'" for c in missing[:8])
        if len(missing) > 8:
            shown += f" and {len(missing) - 8} more"
        first = matcher.by_key.get(missing[0])
        asks = ""
        if first is not None:
            words = first.item.statement
            words = words if len(words) <= 70 else words[:67] + "..."
            when = f"{first.timeframe}: " if first.timeframe else ""
            asks = f" ('{missing[0]}' is {when}{first.item.heading} - {words})"
        taken = {k for at in (*places.values(), id_places, *group_places) for k in at}
        spare = [headers[k].strip() for k in range(len(headers))
                 if k not in taken and roles.get(k) != "ignore" and headers[k].strip()
                 and not (identifying(headers[k]) or identifying(layout.top[k]) or _meta(layout.top[k]))
                 and normalise(headers[k]).replace(" ", "_") != VERSION_COLUMN]
        if all(c in group_columns for c in missing):
            hint = ("no column's title is or contains that name: check --group-column, or name the "
                    "column in a mapping file (--write-map, then --map)")
        elif layout.tool == "coordkit CSV":
            hint = "run `coordkit template` for the full header"
        else:
            hint = (
                f"the form's questions must use the questionnaire's wording{asks} (see `coordkit forms`), "
                "or write a mapping file with --write-map, fill it in and pass it with --map")
        raise SurveyFileError(
            label, f"line {line}: missing column{'s' if len(missing) > 1 else ''} {shown} "
                   f"({len(missing)} of the {len(needed) + 1 + len(group_columns)} needed; "
                   f"read as a {layout.tool} export){_unmatched(spare)}; {hint}")
    index = {k: places[k][0] for k in needed if k not in gone}
    used = {*index.values(), *id_places, *(g[0] for g in group_places)}
    status = finished = None
    if layout.tool == "Qualtrics":
        status = next((k for k, t in enumerate(top_norm) if t == "status"), None)
        finished = next((k for k, t in enumerate(top_norm) if t == "finished"), None)
    ident, ignored = [], []
    readable: dict[str, int] = {}  # ignored columns that do not identify people
    body = layout.body
    for k, header in enumerate(headers):
        if k in used or header.strip().lower() == VERSION_COLUMN:  # the version is the instrument's, not data
            continue
        shown = layout.top[k] or header.strip()
        who = identifying(layout.top[k]) or identifying(header)
        if who:
            ident.append(shown)
        if shown:
            ignored.append(shown)
            if not who:
                readable.setdefault(shown, k)
        elif any(k < len(cells) and cells[k].strip() for _, cells in body):
            ignored.append(f"(unnamed column {column_letter(k)})")
    approx = [names[k] for k in needed if how.get(k) == "approximate"]
    ordered = [names[k] for k in needed if how.get(k) == "order"]
    notes = list(id_note)
    if ordered:
        notes.append("Columns with the same title were taken in the questionnaire's order (team, "
                     "organisation, local system): " + ", ".join(ordered) + ".")
    if approx:
        notes.append("Matched by approximate wording (check that these are the right questions): "
                     + ", ".join(approx) + ".")
    return Columns(index=index, names=names, id_index=id_places[0] if id_places else None,
                    id_name=(headers[id_places[0]] if id_places and layout.tool != "coordkit CSV"
                             else id_column),
                    group_index=[g[0] for g in group_places], status=status, finished=finished,
                    identifying=tuple(ident), ignored=tuple(ignored),
                    matched_by={k: how.get(k, "code") for k in needed if k not in gone}, notes=tuple(notes),
                    spare=readable, absent=gone)


def _unmatched(spare: Sequence[str]) -> str:
    """A clause naming the file's columns that nothing matched (shortened titles, at most four)."""
    if not spare:
        return ""
    shown = [t if len(t) <= 60 else t[:24] + "..." + t[-33:] for t in spare[:4]]
    more = f" and {len(spare) - 4} more" if len(spare) > 4 else ""
    listed = ", ".join(f"'{t}'" for t in shown) + more
    return (f"; your file has {'a column' if len(spare) == 1 else 'columns'} called {listed}, which "
            f"{'matches' if len(spare) == 1 else 'match'} nothing the kit asks for")


def _meta(top: str) -> bool:
    return normalise(top) in {"startdate", "enddate", "status", "ipaddress", "progress", "finished",
                              "recordeddate", "responseid", "timestamp", "start time", "completion time"}


def _canonical(labels: Sequence[str]) -> list[str]:
    """Group labels with case and spacing variants merged into the most common spelling."""
    spellings: dict[str, dict[str, int]] = {}
    for label in labels:
        tidy = " ".join(label.split())
        counts = spellings.setdefault(tidy.casefold(), {})
        counts[tidy] = counts.get(tidy, 0) + 1
    best = {key: max(c, key=lambda s: c[s]) for key, c in spellings.items()}
    return [best[" ".join(label.split()).casefold()] for label in labels]


def group_column_problem(group_columns: Sequence[str], id_column: str = ID_COLUMN) -> str | None:
    """Why these group columns cannot be read with this id column, in one line; None if they can.

    Headers compare as the reader matches them (case, spaces and punctuation aside).

    Examples
    --------
    >>> group_column_problem(["Respondent"])
    'Respondent is the id column; choose a group column such as team'
    >>> group_column_problem(["team", "Team"])
    'Team is given twice as a group column; give it once'
    >>> group_column_problem(["team", "role"]) is None
    True
    """
    seen: set[str] = set()
    for g in group_columns:
        key = normalise(g)
        if key == normalise(id_column):
            return f"{g} is the id column; choose a group column such as team"
        if key in seen:
            return f"{g} is given twice as a group column; give it once"
        seen.add(key)
    return None


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
    mapping: dict[str, str] | None = None,
    answers: Mapping[str, int] | None = None,
    column_values: bool = False,
    strict: bool = False,
    repeated_ids: bool = False,
    questionnaire_version: int | None = None,
) -> ReadResult:
    """Read a response file or survey-tool export, accepting the rows it can trust and reporting the rest.

    Parameters
    ----------
    source : str, Path or bytes
        Path of the file (opened read-only), or its bytes: the kit's CSV, or an export of Microsoft
        Forms (.xlsx), Google Forms, Qualtrics, SurveyMonkey or JISC Online Surveys (detected).
    id_column : str, default "respondent"
        The respondent-id column (a form's "Respondent code" question is found by its wording).
    group_columns : sequence of str, default ()
        Columns to keep as group labels (e.g. ``["team"]``); they must be present.
    tolerance : float, default 1
        How far a dimension's points may sum from 100 (survey tools round); at least 0.
    likert : {"auto", True, False}, default "auto"
        Read the Likert block if its columns are present ("auto"), insist on it (True) or ignore it.
    empty_as_zero : bool, default False
        Read every empty divide-100 cell as 0 points (some tools leave unallocated boxes empty).
        Without it an empty cell is read as 0 only where the dimension's other cells add up to 100
        (listed in ``zero_filled``); otherwise it is read as missing and its dimension left out of
        the scores (listed in ``off_total``), as "n/a" is. The row is kept either way.
    name : str, optional
        Name to use in messages (default: the file name, or ``"<bytes>"``).
    progress : callable, optional
        Called as ``progress(rows_done, rows_total)`` while rows are checked.
    q : Questionnaire, optional
        Default :func:`coordkit.survey.questionnaire`.
    mapping : dict of str to str, optional
        ``{header: kit column}`` from a mapping file (:func:`coordkit.survey.read.read_mapping`).
    answers : dict of str to int, optional
        ``{answer word: 1-5}`` from a mapping file's ``answers:`` section
        (:func:`coordkit.survey.read.read_answer_words`), for a word the scale does not have (a
        typo in the form's own option, "Stongly agree": 5). Case and punctuation do not matter.
        Any other word that is not on its scale is read as missing and listed in ``unreadable``.
    column_values : bool, default False
        Also keep the values of the ignored columns that do not identify people, one per accepted
        respondent, as group labels would be read (:attr:`ReadResult.column_values`): for judging
        which could group the class without reading the file again with them as groups.
    strict : bool, default False
        Reject the whole row for an empty divide-100 cell, points below 0 or over 100, or a 1-5
        answer off the scale (``3.5``, ``6``, ``0``), as the reader did before; by default such a
        cell is read as above (an empty points cell), as missing with its dimension left out of the
        scores (points off the range, listed in ``off_total``) or as missing (answers, listed in
        ``unreadable``), and the row kept.
    repeated_ids : bool, default False
        Confirm that the id column's codes really repeat (students submitted more than once): each
        code's last submission is kept even when that leaves out most rows. Without it, an id column
        that would leave out more than half its coded rows as superseded stops the reading
        (:class:`IdColumnError`): it is most likely not the id column.
    questionnaire_version : int, optional
        The questionnaire version the form followed (``--questionnaire-version``), for a file without
        a ``questionnaire_version`` column whose version the columns cannot tell: a version 3 form
        that left out ``GP3`` and ``GP4`` has every column of version 2, and would be read, and its
        answers worded, as version 2's (methodologist 2, finding 8). The items the stated version
        alone has and the file lacks (``GP3``, ``GP4``) are read as not answered, with a note. A
        ``questionnaire_version`` cell or a column that contradicts it is a :class:`SurveyFileError`.
        By default the version is told from the file, with a note naming this option when only the
        columns it lacks tell it.

    Returns
    -------
    ReadResult

    Raises
    ------
    SurveyFileError
        When the file as a whole cannot be trusted (see :mod:`coordkit.survey.read`), including
        :class:`IdColumnError` for an id column whose codes repeat in most rows (``repeated_ids``).
    ValueError
        For a negative ``tolerance``, an unknown ``likert`` option, a group column that is the id
        column or is given twice (:func:`group_column_problem`), ``answers`` off the 1-5 scale, or a
        ``questionnaire_version`` that is not a version (or is not ``q``'s).

    Examples
    --------
    >>> from coordkit.survey.read import template_csv
    >>> result = read_responses(template_csv().encode(), name="blank.csv")
    Traceback (most recent call last):
    ...
    coordkit.survey.read.records.SurveyFileError: blank.csv: has a header (line 1) but no answers under it
    """
    if not tolerance >= 0:
        raise ValueError(f"tolerance must be a number of points >= 0, got {tolerance!r}")
    if likert not in ("auto", True, False):
        raise ValueError(f"likert must be 'auto', True or False, got {likert!r}")
    problem = group_column_problem(group_columns, id_column)
    if problem:
        raise ValueError(problem)
    group_keys = [normalise(g) for g in group_columns]
    bad_words = [w for w, v in (answers or {}).items() if isinstance(v, bool) or v not in range(1, 6)]
    if bad_words:
        raise ValueError(f"answers must map words to whole numbers 1 to 5; {bad_words[0]!r} does not")
    if questionnaire_version is not None and (isinstance(questionnaire_version, bool)
                                              or questionnaire_version not in VERSIONS):
        raise ValueError(f"questionnaire_version must be a version the kit reads ({_versions()}), got "
                         f"{questionnaire_version!r}")
    if q is not None and questionnaire_version is not None and q.version != questionnaire_version:
        raise ValueError(f"questionnaire_version {questionnaire_version} contradicts q (version {q.version})")
    given = q
    q = q or questionnaire(version=questionnaire_version or CURRENT_VERSION)
    data, label = _load(source, name)
    matcher = HeaderMatcher(q, dict(mapping or {}))
    layout, encoding = _layout(data, label, matcher, id_column, {normalise(id_column), *group_keys})
    guess_note = None
    absent: frozenset[str] = frozenset()
    if given is None:
        q, guess_note = _version(layout, label, matcher, dict(mapping or {}), questionnaire_version)
        if q.version != matcher.q.version:
            matcher = HeaderMatcher(q, dict(mapping or {}))
    if questionnaire_version is not None:  # items only the stated version has may be missing: not asked
        alone = q.codes() - frozenset().union(*(questionnaire(version=v).codes() for v in VERSIONS
                                                 if v != q.version))
        absent = frozenset(t.key for t in matcher.targets if t.block != "divide100" and t.item.id in alone)
    cols = _columns(layout, matcher, label, id_column=id_column, group_columns=group_columns,
                    use_likert=likert, absent=absent)
    header_line = layout.header_line
    titles = [SkippedLine(label, line, "title above the header, not answers")
              for line, _ in layout.records[:layout.index]]
    under = [SkippedLine(label, line, _UNDER)
             for line, _ in layout.records[layout.index + 1:layout.index + layout.depth]]
    body = layout.body
    if not any(any(c.strip() for c in cells) for _, cells in body):
        raise SurveyFileError(label, f"has a header (line {header_line}) but no answers under it")

    divide = [t for t in matcher.targets if t.block == "divide100"]
    likert_targets = [t for t in matcher.targets
                      if t.block != "divide100" and (t.key in cols.index or t.key in cols.absent)]
    check = Checker(label, q, cols, divide, likert_targets, tolerance=tolerance,
                     empty_as_zero=empty_as_zero, strict=strict,
                     decimal_comma=layout.delimiter in (";", "\t"), width=len(layout.headers),
                     words=layout.tool != "coordkit CSV", answers=dict(answers or {}))
    rows: list[Row] = []
    spare_cells: dict[int, list[str]] = {}  # by row position: the spare columns' cells
    spare_at = list(cols.spare.values()) if column_values else []
    skipped: list[SkippedLine] = []
    started = False
    total = len(body)
    row_offset = layout.depth - 1
    for number, (line, cells) in enumerate(body, start=1 + row_offset):
        done = number - row_offset
        if progress is not None and (done % 500 == 0 or done == total):
            progress(done, total)
        if not any(c.strip() for c in cells):
            skipped.append(SkippedLine(label, line, "blank line"))
            continue
        if len(cells) < check.need:
            cells = cells + [""] * (check.need - len(cells))
        if not started and all(cells[k].strip() and not values.is_number(cells[k], check.decimal_comma)
                               for k in check.divide_at):
            skipped.append(SkippedLine(label, line, _UNDER))
            continue
        started = True
        if spare_at:
            spare_cells[len(rows)] = [(cells[k] if k < len(cells) else "").strip() or NOT_STATED
                                      for k in spare_at]
        rows.append(check.row(number, line, cells))
    used_decimal_comma = check.used_decimal_comma
    coded = sum(1 for r in rows if r.respondent and r.left_out is None and not r.problems)
    _supersede(rows, cols.id_name, label)
    superseded = sum(1 for r in rows if (r.left_out or "").startswith("superseded"))
    if superseded * 2 > coded and not repeated_ids:  # lecturer review 3, N10: --id-column team
        raise IdColumnError(label, f"column '{cols.id_name}' has {_count(coded - superseded, 'value')} "
                                   f"in {_count(coded, 'row')}: {superseded} rows would be left out as "
                                   "earlier submissions of the same code, so it is most likely not the "
                                   "respondent-id column. Give the right one with --id-column; if these "
                                   "are repeated submissions, pass --repeated-ids to keep each code's "
                                   "last one")
    for r in rows:  # a rejected row lists its unreadable answers with its problems, to fix together
        if r.problems:
            r.problems.extend(in_rejected_row(p) for p in (*r.unreadable, *r.off_total, *r.zero_filled))
    kept = [k for k, r in enumerate(rows) if not r.problems and r.left_out is None]
    accepted = [rows[k] for k in kept]
    spare_values = {name: tuple(_canonical([spare_cells[k][j] for k in kept]))
                    for j, name in enumerate(cols.spare)} if spare_at else {}
    notes = list(cols.notes)
    if q.version != CURRENT_VERSION:
        notes.append(f"This file follows questionnaire version {q.version}, not the current version "
                     f"{CURRENT_VERSION}; it was read and scored with version {q.version}'s items: "
                     f"{version_note(q.version)}.")
    if guess_note:
        notes.append(guess_note)
    if cols.absent:
        shown = ", ".join(cols.names[k] for k in cols.absent)
        notes.append(f"Version {q.version} was stated ({VERSION_OPTION} {q.version}), but the file has no "
                     f"column{'s' if len(cols.absent) > 1 else ''} {shown}: read as not answered by anyone "
                     "(the form left them out).")
    if used_decimal_comma:
        notes.append("Decimal commas (e.g. 33,5) were read as decimal points.")
    if empty_as_zero:
        notes.append("Empty divide-100 cells were read as 0 points (empty_as_zero).")
    dont_know: dict[str, int] = {}
    for r in accepted:
        for k in r.dont_know:
            name = check.likert_names[k]
            dont_know[name] = dont_know.get(name, 0) + 1
    return ReadResult(
        responses=_responses(accepted, q, [str(g) for g in group_columns], bool(likert_targets),
                             len(likert_targets), float(tolerance)),
        sources=(label,),
        accepted=tuple(RowRef(label, r.row, r.line) for r in accepted),
        rejected=tuple(p for r in rows for p in r.problems),
        skipped=tuple(titles + under + skipped), ignored_columns=cols.ignored,
        delimiter=layout.delimiter, encoding=encoding, header_line=header_line,
        tolerance=float(tolerance), notes=tuple(notes),
        left_out=tuple(LeftOut(label, r.row, r.line, r.left_out) for r in rows if r.left_out is not None),
        identifying_columns=cols.identifying, tool=layout.tool, matched_by=cols.matched_by,
        dont_know=dont_know, unreadable=tuple(p for r in accepted for p in r.unreadable),
        answer_words=sum(r.answer_words for r in accepted),
        off_total=tuple(p for r in accepted for p in r.off_total),
        column_values=spare_values,
        zero_filled=tuple(p for r in accepted for p in r.zero_filled),
    )


#: The command-line option that states a file's version (named in the reader's messages).
VERSION_OPTION = "--questionnaire-version"


def _version(layout: Layout, label: str, matcher: HeaderMatcher, mapping: dict[str, str],
             stated_version: int | None = None) -> tuple[Questionnaire, str | None]:
    """The questionnaire a file follows, and a note when it was told only from the columns a file lacks.

    The version is ``stated_version`` when given (``--questionnaire-version``), else the file's
    ``questionnaire_version`` cells, else the columns it has. A column that only one version has
    (``LHB1`` is version 1's, ``GP3`` version 3's) tells the version; so does which version's
    wording the headers match (of versions that match as many headers, the one with fewest items,
    since a version adds items to the one before). A file with only the shared divide-100 codes and
    no version column reads as version 1 (:func:`detect_version`). When the version is told only by
    what the file lacks (a version 3 export whose form left out ``GP3`` and ``GP4`` has every column
    of version 2), the note says so and names :data:`VERSION_OPTION` (methodologist 2, finding 8).
    Rows that disagree, a version cell that is not a known version, columns of both versions, a
    version cell the columns contradict, or a stated version that the version cells or the columns
    contradict, are a :class:`SurveyFileError` naming the row and column.
    """
    current = matcher.q
    others = {v: questionnaire(version=v) for v in VERSIONS if v != current.version}
    matchers = {current.version: matcher, **{v: HeaderMatcher(o, mapping) for v, o in others.items()}}
    codes = {v: m.q.codes() for v, m in matchers.items()}
    hit_keys: dict[int, set[str]] = {v: set() for v in matchers}  # version -> the codes its headers matched
    found: dict[int, list[str]] = {v: [] for v in matchers}  # version -> columns some other version lacks
    by_code: dict[str, str] = {}  # item code -> the first column that matched it, for messages
    matched: dict[int, int] = dict.fromkeys(matchers, 0)
    keys: list[str] = []
    for k, header in enumerate(layout.headers):
        for v, m in matchers.items():
            hit = m.match(header)
            if hit is None:
                continue
            matched[v] += 1
            keys.append(hit.key)
            code = m.by_key[hit.key].item.id  # the item code, without a divide-100 timeframe prefix
            hit_keys[v].add(code)
            by_code.setdefault(code, f"'{header.strip()}' (column {column_letter(k)})")
            if any(code not in c for w, c in codes.items() if w != v):
                found[v].append(f"'{header.strip()}' (column {column_letter(k)})")
    for a, b in ((a, b) for a in sorted(matchers) for b in sorted(matchers) if a < b):
        if hit_keys[a] - codes[b] and hit_keys[b] - codes[a]:  # each has columns the other lacks
            shown = "; ".join(f"version {v}: {', '.join(c for c in found[v][:3])}" for v in (a, b))
            raise SurveyFileError(label, f"line {layout.header_line}: the columns mix questionnaire versions "
                                         f"({shown}); read each version's answers separately")

    def explains(v: int) -> bool:  # every column any version matched is one of v's
        return all(hit_keys[w] <= codes[v] for w in matchers)

    # versions that hold every matched column, where some version lacks one of them (evidence from columns)
    by_columns = [v for v in matchers if explains(v) and any(hit_keys[v] - codes[w] for w in matchers)]
    header_version = min(by_columns, key=lambda v: len(codes[v])) if by_columns else None
    if header_version is None and len(set(matched.values())) > 1:  # only by wording (a tool's export)
        # most headers matched; of versions tied on that, the one with fewest items (the file has them all)
        header_version = max(matched, key=lambda v: (matched[v], -len(codes[v])))
    at = next((k for k, (h, t) in enumerate(zip(layout.headers, layout.top, strict=True))
               if VERSION_COLUMN in (normalise(h).replace(" ", "_"), normalise(t).replace(" ", "_"))), None)
    stated: tuple[int, int, int] | None = None  # (version, row, line) of the first version cell
    name = VERSION_COLUMN
    if at is not None:
        name = layout.headers[at].strip() or VERSION_COLUMN
        for number, (line, cells) in enumerate(layout.body, start=layout.depth):
            raw = cells[at].strip() if at < len(cells) else ""
            if not raw:
                continue
            where = f"row {number} (line {line}), column '{name}'"
            try:
                v = int(float(raw))
            except ValueError:
                if stated is None:  # text under the header (a question-wording row), skipped as such
                    continue
                raise SurveyFileError(label, f"{where}: not a questionnaire version (found {raw!r}); "
                                             f"the versions are {_versions()}") from None
            if v not in VERSIONS or v != float(raw):
                raise SurveyFileError(label, f"{where}: no questionnaire version {raw}; the versions are "
                                             f"{_versions()}")
            if stated is None:
                stated = (v, number, line)
            elif v != stated[0]:
                raise SurveyFileError(label, f"{where}: questionnaire version {v}, but row {stated[1]} (line "
                                             f"{stated[2]}) says version {stated[0]}; read each version's "
                                             "answers separately")
    if stated_version is not None:  # the lecturer's word, checked against the file's own evidence
        given = f"{VERSION_OPTION} {stated_version}"
        if stated is not None and stated[0] != stated_version:
            raise SurveyFileError(label, f"row {stated[1]} (line {stated[2]}), column '{name}': says "
                                         f"questionnaire version {stated[0]}, but {given} was given; "
                                         f"leave out {VERSION_OPTION} or correct it")
        if not explains(stated_version):
            hits = {c for w in matchers for c in hit_keys[w]} - codes[stated_version]
            extra = [c for c in by_code if c in hits]  # in the file's order
            shown = ", ".join(by_code[c] for c in extra[:3]) + (f" and {len(extra) - 3} more"
                                                                if len(extra) > 3 else "")
            owner = sorted(w for w in matchers if set(extra) <= codes[w])
            one = len(extra) == 1
            whose = (f" ({'it is' if one else 'they are'} in version{'' if len(owner) == 1 else 's'} "
                     f"{_versions(owner)})" if owner else "")
            raise SurveyFileError(label, f"line {layout.header_line}: {given} was given, but the "
                                         f"column{'' if one else 's'} {shown} "
                                         f"{'is' if one else 'are'} not in version {stated_version}{whose}; "
                                         f"leave out {VERSION_OPTION} or correct it")
        return matchers[stated_version].q, None
    if stated is not None:
        v, number, line = stated
        if header_version is not None and by_columns and v in matchers and not explains(v):
            raise SurveyFileError(label, f"row {number} (line {line}), column '{VERSION_COLUMN}': says "
                                         f"questionnaire version {v}, but the columns "
                                         f"{', '.join(found[header_version][:3])} are version "
                                         f"{header_version}'s")
        return matchers[v].q, None
    version = header_version or detect_version(keys)
    return matchers[version].q, _inferred(version, by_columns, codes, header_version is None and bool(keys))


def _inferred(version: int, by_columns: list[int], codes: dict[int, frozenset[str]],
              shared_only: bool) -> str | None:
    """The note for a version told from the columns a file lacks, naming :data:`VERSION_OPTION`; or None."""
    larger = sorted(v for v in by_columns if v > version)
    if larger:  # e.g. version 2's columns, all of which version 3 has too: told by GP3, GP4 missing
        w = larger[-1]
        lacks = sorted(codes[w] - codes[version])
        shown = ", ".join(lacks[:4]) + (f" and {len(lacks) - 4} more" if len(lacks) > 4 else "")
        return (f"No {VERSION_COLUMN} column: the file was taken to follow version {version} only because "
                f"it has no column{'s' if len(lacks) > 1 else ''} {shown}, which version {w} adds. If the "
                f"form was version {w}'s without {'them' if len(lacks) > 1 else 'it'}, read the file again "
                f"with {VERSION_OPTION} {w}: its answers are then shown with version {w}'s wording.")
    if shared_only and version == min(VERSIONS):  # only the columns every version shares
        return (f"No {VERSION_COLUMN} column, and only the divide-100 columns every version shares: the file "
                f"was taken to follow version {version}. If the form was a later version's, read the file "
                f"again with {VERSION_OPTION} and its number.")
    return None


def _versions(versions: Sequence[int] = VERSIONS) -> str:
    """Versions as words (by default those the kit reads): ``"1, 2 and 3"``."""
    words = [str(v) for v in versions]
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else words[0]


def _count(n: int, word: str) -> str:
    return f"{n} {'distinct ' if word == 'value' else ''}{word}{'' if n == 1 else 's'}"


def _supersede(rows: list[Row], id_name: str, label: str) -> None:
    """A respondent code seen twice keeps its last accepted row; the earlier rows are left out."""
    by_id: dict[str, list[Row]] = {}
    for r in rows:
        if r.respondent and r.left_out is None:
            by_id.setdefault(r.respondent, []).append(r)
    for same in by_id.values():
        if len(same) < 2:
            continue
        complete = [r for r in same if not r.problems]
        if not complete:
            continue
        kept = complete[-1]
        for r in same:
            if r is not kept and not r.problems:
                r.left_out = (f"superseded by a later submission of the same respondent code "
                              f"(row {kept.row}, line {kept.line}, kept)")


def _responses(rows: list[Row], q: Questionnaire, group_columns: list[str], has_likert: bool,
               n_likert: int, tolerance: float) -> Responses:
    """The accepted rows as arrays (the one place that knows the shape of :class:`Responses`)."""
    n = len(rows)
    dims = len(q.dimensions)
    grids = np.array([r.points for r in rows], dtype=float).reshape(n, len(TIMEFRAMES), dims, 4)
    return Responses(
        ids=tuple(r.respondent for r in rows), now=grids[:, 0], preferred=grids[:, 1],
        likert=(np.array([r.answers for r in rows], dtype=float).reshape(n, n_likert)
                if has_likert else None),
        groups={g: tuple(_canonical([r.groups[k] for r in rows])) for k, g in enumerate(group_columns)},
        version=q.version, tolerance=tolerance,
    )


def merge(results: Sequence[ReadResult]) -> ReadResult:
    """Combine several read files (e.g. one per student) into one result.

    Respondent ids must be unique across the files: every row whose id appears in more than one
    file is moved to the rejected rows, with a message naming every file it is in. All files must
    agree on the Likert block and group columns. Group labels are compared ignoring case and spacing.

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
    >>> from coordkit.survey.read import responses_csv
    >>> text = responses_csv(synthetic_class(size=5))
    >>> a = read_responses(text.encode(), name="a/answers.csv")
    >>> b = read_responses(text.encode(), name="b/answers.csv")
    >>> m = merge([a, b])
    >>> m.n_accepted, m.n_rejected
    (0, 10)
    >>> print(m.rejected[0].message(values=False))
    a/answers.csv: row 1 (line 2), column 'respondent': duplicate respondent id: also in b/answers.csv row 1
    """
    if not results:
        raise ValueError("merge needs at least one result")
    first = results[0]
    for r in results[1:]:
        if (r.responses.likert is None) != (first.responses.likert is None):
            has = r.responses.likert is not None
            raise SurveyFileError(r.sources[0], f"has {'a' if has else 'no'} benign/malign (Likert) block "
                                                f"but {first.sources[0]} {'has not' if has else 'has'}")
        if r.responses.version != first.responses.version:
            raise SurveyFileError(r.sources[0], f"follows questionnaire version {r.responses.version} but "
                                                f"{first.sources[0]} follows version "
                                                f"{first.responses.version}; read each version's answers "
                                                "separately")
        if list(r.responses.groups) != list(first.responses.groups):
            raise SurveyFileError(r.sources[0], "has different group columns from " + first.sources[0])
    where: dict[str, list[RowRef]] = {}
    for r in results:
        for rid, acc in zip(r.responses.ids, r.accepted, strict=True):
            where.setdefault(rid, []).append(RowRef(*acc))
    clash = {rid for rid, places in where.items() if len({p.source for p in places}) > 1}
    rejected = [p for r in results for p in r.rejected]
    parts = []
    for r in results:
        mask = np.array([rid not in clash for rid in r.responses.ids], dtype=bool)
        for rid, acc, ok in zip(r.responses.ids, r.accepted, mask, strict=True):
            if not ok:
                others = "; ".join(f"{p.source} row {p.row}" for p in where[rid]
                                   if (p.source, p.row) != acc[:2])
                rejected.append(RowProblem(acc[0], acc[1], acc[2], (ID_COLUMN,),
                                           f"duplicate respondent id: also in {others}", rid))
        parts.append(r.responses.select(mask))
    accepted = [RowRef(*a) for r in results for a, rid in zip(r.accepted, r.responses.ids, strict=True)
                if rid not in clash]
    kept = {(a.source, a.row) for a in accepted}  # a row rejected here lists its unreadable answers too
    rejected += [in_rejected_row(p) for r in results for p in (*r.unreadable, *r.off_total, *r.zero_filled)
                 if (p.source, p.row) not in kept]
    dims = first.responses.now.shape[1]
    groups = {g: tuple(_canonical([v for p in parts for v in p.groups[g]])) for g in first.responses.groups}
    masks = [np.array([rid not in clash for rid in r.responses.ids], dtype=bool) for r in results]
    # a column's values are kept only where every file has it (as when read with it as a group)
    column_values = {c: tuple(_canonical([v for r, m in zip(results, masks, strict=True)
                                          for v, ok in zip(r.column_values[c], m, strict=True) if ok]))
                     for c in first.column_values if all(c in r.column_values for r in results)}
    responses = Responses(
        ids=tuple(i for p in parts for i in p.ids),
        now=np.concatenate([p.now for p in parts]) if parts else np.zeros((0, dims, 4)),
        preferred=np.concatenate([p.preferred for p in parts]) if parts else np.zeros((0, dims, 4)),
        likert=(np.concatenate([p.likert for p in parts])
                if first.responses.likert is not None else None),
        groups=groups, version=first.responses.version, tolerance=max(r.tolerance for r in results),
    )
    tools = tuple(dict.fromkeys(r.tool for r in results))
    return ReadResult(
        responses=responses, sources=tuple(s for r in results for s in r.sources), accepted=tuple(accepted),
        rejected=tuple(rejected), skipped=tuple(s for r in results for s in r.skipped),
        ignored_columns=tuple(dict.fromkeys(c for r in results for c in r.ignored_columns)),
        delimiter=first.delimiter, encoding=first.encoding, header_line=first.header_line,
        tolerance=max(r.tolerance for r in results),
        notes=tuple(dict.fromkeys(n for r in results for n in r.notes)),
        left_out=tuple(x for r in results for x in r.left_out),
        identifying_columns=tuple(dict.fromkeys(c for r in results for c in r.identifying_columns)),
        tool=tools[0] if len(tools) == 1 else " + ".join(tools),
        matched_by={k: v for r in results for k, v in r.matched_by.items()},
        dont_know=_dont_know([r.dont_know for r in results]),
        unreadable=tuple(p for r in results for p in r.unreadable if (p.source, p.row) in kept),
        answer_words=sum(r.answer_words for r in results),
        off_total=tuple(p for r in results for p in r.off_total if (p.source, p.row) in kept),
        column_values=column_values,
        zero_filled=tuple(p for r in results for p in r.zero_filled if (p.source, p.row) in kept),
    )


def _dont_know(counts: Sequence[dict[str, int]]) -> dict[str, int]:
    """Don't-know counts per column, added over several files."""
    total: dict[str, int] = {}
    for c in counts:
        for name, n in c.items():
            total[name] = total.get(name, 0) + n
    return total
