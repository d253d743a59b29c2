"""A mapping-file template for an export the reader cannot read alone: every column, pre-filled.

:func:`header_mapping` runs the reader's first steps (the table, the header, the columns; see
:mod:`~coordkit.survey.read.core`) and writes what it recognised, with suggestions for the rest, as
a YAML file to fill in; :func:`~coordkit.survey.read.read_mapping` reads it back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from coordkit.survey.read import values
from coordkit.survey.read._instrument import ID_COLUMN, LIKERT_LABELS, Questionnaire, questionnaire
from coordkit.survey.read.core import _layout, _load, _meta, _tables
from coordkit.survey.read.detect import Layout
from coordkit.survey.read.match import (
    TIMEFRAME_WORDS,
    HeaderMatcher,
    identifying,
    mapping_template,
    normalise,
)
from coordkit.survey.read.records import SurveyFileError

__all__ = ["header_mapping"]


def header_mapping(source: str | Path | bytes, *, name: str | None = None, id_column: str = ID_COLUMN,
                   group_columns: Sequence[str] = (), q: Questionnaire | None = None,
                   mapping: dict[str, str] | None = None, answers: Mapping[str, int] | None = None) -> str:
    r"""A mapping-file template for an export: every column, pre-filled with what the reader recognised.

    The lecturer fills in the blanks and passes the file back with ``--map``. Two suggestions are
    written as comments, never as answers (the lecturer confirms them by writing them in):

    - when exactly one answer code is matched by no column and exactly one blank column's title
      asks that code's question (its heading, and its timeframe for a divide-100 code), that code
      is suggested for that column (a reworded question);
    - an answer word that no scale has and that recurs (in two cells or more, e.g. a typo in the
      form's own option) gets an ``answers:`` entry to fill in, with the nearest scale word by edit
      distance as the suggestion (:func:`coordkit.survey.read.values.nearest`). Words already in
      ``answers`` are written with their answers.

    Examples
    --------
    >>> text = read_template = header_mapping(b"Timestamp,Your team,now_D1H\n2026,A,40\n", name="x.csv",
    ...                                       group_columns=["team"])
    >>> print(text.split("columns:")[1].strip())
    "Timestamp": ignore
    "Your team": group:team
    "now_D1H": now_D1H
    """
    q = q or questionnaire()
    data, label = _load(source, name)
    matcher = HeaderMatcher(q, dict(mapping or {}))
    group_keys = [normalise(g) for g in group_columns]
    try:
        layout, _ = _layout(data, label, matcher, id_column, {normalise(id_column), *group_keys})
    except SurveyFileError as error:
        if "no header row found" not in str(error):
            raise
        candidates, _, _ = _tables(data, label)
        records = candidates.get("", candidates.get(","))
        assert records is not None, "_tables gives the workbook ('') or comma-separated (',') records"
        first = next((i for i, (_, c) in enumerate(records) if any(x.strip() for x in c)), None)
        if first is None:
            raise
        rows = [c for _, c in records[first:first + 3]]
        from coordkit.survey.read.detect import detect_tool, header_texts

        tool = detect_tool(rows, workbook="" in candidates)
        depth = 2 if tool in ("Qualtrics", "SurveyMonkey") else 1
        headers = tuple(header_texts(rows[:depth]))
        top = tuple(rows[0][k].strip() if k < len(rows[0]) else "" for k in range(len(headers)))
        layout = Layout(tool, "", first, depth, headers, top, records)
    found: dict[int, str] = {}
    for k, header in enumerate(layout.headers):
        h = normalise(header)
        m = matcher.match(header, fuzzy=True)
        mapped = matcher.mapped(header)
        if mapped:
            found[k] = mapped
        elif m is not None:
            found[k] = m.key
        elif h == normalise(id_column) or "respondent code" in h:
            found[k] = "respondent"
        elif any(f" {g} " in f" {h} " for g in group_keys):
            found[k] = "group:" + next(g for g in group_keys if f" {g} " in f" {h} ")
        elif identifying(header) or _meta(layout.top[k]) or not h:
            found[k] = "ignore"
    return mapping_template(list(layout.headers), found, source=label, tool=layout.tool,
                            comments=_suggest_code(layout, matcher, found),
                            answers=_suggest_answers(layout, matcher, found, dict(answers or {})))


def _suggest_code(layout: Layout, matcher: HeaderMatcher, found: dict[int, str]) -> dict[int, str]:
    """``{column: comment}`` suggesting the one unmatched code for the one column asking its question."""
    taken = set(found.values())
    likert_on = any(matcher.by_key[v].block != "divide100" for v in taken if v in matcher.by_key)
    missing = [t for t in matcher.targets if t.key not in taken and (likert_on or t.block == "divide100")]
    if len(missing) != 1:
        return {}
    target = missing[0]
    heading = normalise(target.item.heading)
    words = TIMEFRAME_WORDS.get(target.timeframe or "", ())
    asking = [k for k, h in enumerate(layout.headers) if k not in found and heading in normalise(h)
              and (not words or any(w in normalise(h).split() for w in words))]
    if len(asking) != 1:
        return {}
    when = f"{target.timeframe}: " if target.timeframe else ""
    return {asking[0]: f"suggestion to confirm: {target.key}, the one code no column matched "
                       f"({when}{target.item.heading} - {target.item.statement})"}


def _suggest_answers(layout: Layout, matcher: HeaderMatcher, found: dict[int, str],
                     answers: dict[str, int]) -> list[tuple[str, int | None, str]]:
    """The ``answers:`` entries: words already mapped, and recurring words no scale has, with suggestions."""
    known = {values.tidy(w) for w in answers}
    decimal_comma = layout.delimiter in (";", "\t")
    unknown: dict[str, tuple[str, int, dict[int, str]]] = {}  # tidy word -> (as written, count, labels)
    for k, key in found.items():
        target = matcher.by_key.get(key)
        if target is None or target.block == "divide100":
            continue
        labels = target.item.labels() or LIKERT_LABELS
        for _, cells in layout.body:
            raw = cells[k].strip() if k < len(cells) else ""
            if not raw or values.is_dont_know(raw) or values.tidy(raw) in known:
                continue
            try:
                values.likert(raw, decimal_comma, labels)
            except ValueError:
                word, n, _ = unknown.get(values.tidy(raw), (raw, 0, labels))
                unknown[values.tidy(raw)] = (word, n + 1, labels)
    out: list[tuple[str, int | None, str]] = [(w, v, "") for w, v in answers.items()]
    for word, n, labels in unknown.values():
        if n < 2:
            continue
        near = values.nearest(word, labels)
        hint = (f"suggestion to confirm: {near[0]} ({near[1]}), the nearest scale word"
                if near else "no scale word is near it")
        out.append((word, None, f"{hint}; in {n} cells"))
    return out
