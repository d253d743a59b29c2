"""Which of an export's unused columns could group a class, and why the others are left out.

A survey tool's export carries more than the answers: an identifier per response, time stamps, the
tool's record-keeping (status, progress, language), free-text comments, names and e-mail addresses.
Offered as *Group by* choices they make no sense (a group per respondent, per minute) or show what
should not be shown, so the kit offers only the plausible ones (its rule of thumb, a judgement, not
a test): a column is left out when its name says it is an identifier, a time or duration, or the
tool's record-keeping, or free text; and, from its values, when they are free text (long), nearly
one per respondent, one for everyone, or the questionnaire's own answer words. Columns that identify
people (:attr:`~coordkit.survey.read.ReadResult.identifying_columns`) are never read at all.

Examples
--------
>>> g = group_columns(["ID", "Start time", "Team", "Comments", "Status"],
...                   {"Team": ["Ward A"] * 6 + ["Ward B"] * 6})
>>> g.offered
('Team',)
>>> print(g.text())
Not offered in Group by (the kit's rule of thumb): ID (an identifier); Start time (a time stamp or
duration); Comments (free text); Status (the survey tool's record-keeping).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from coordkit.survey.read._instrument import LIKERT_LABELS, STRENGTH_LABELS
from coordkit.survey.read.values import is_dont_know, likert

__all__ = ["FREE_TEXT_CHARS", "GroupColumns", "group_columns"]

#: A column whose values average more characters than this is read as free text (the kit's choice).
FREE_TEXT_CHARS = 30
_BLANK = {"", "(not stated)"}
_ID = {"id", "uuid", "guid", "reference", "ref"}
_TIME = {"time", "date", "timestamp", "started", "completed", "submitted", "duration", "recorded",
         "modified", "start", "end", "when"}
_RECORD = {"status", "progress", "finished", "distribution channel", "user language", "language",
           "response type", "collector", "consent", "browser", "device", "operating system", "ip"}
_FREE = {"comment", "comments", "feedback", "notes", "remarks", "explain", "suggestions", "anything else"}


@dataclass(frozen=True)
class GroupColumns:
    """The columns offered as groups, and those left out with the reason.

    Attributes
    ----------
    offered : tuple of str
        Plausible group columns, in the file's order.
    left_out : dict of str to str
        Every other column, with the reason in a few words.
    """

    offered: tuple[str, ...]
    left_out: dict[str, str] = field(default_factory=dict)

    def text(self) -> str:
        """The columns left out, grouped by reason, in one sentence ("" when none is left out)."""
        if not self.left_out:
            return ""
        by_reason: dict[str, list[str]] = {}
        for column, reason in self.left_out.items():
            by_reason.setdefault(reason, []).append(column)
        return ("Not offered in Group by (the kit's rule of thumb): "
                + "; ".join(f"{', '.join(cols)} ({reason})" for reason, cols in by_reason.items()) + ".")


def _words(name: str) -> tuple[str, set[str]]:
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", name).lower()
    tokens = re.findall(r"[a-z]+", spaced)
    return " ".join(tokens), set(tokens)


def _reason_from_name(name: str) -> str | None:
    phrase, tokens = _words(name)
    if tokens & _ID:
        return "an identifier"
    if tokens & _TIME:
        return "a time stamp or duration"
    if phrase in _RECORD or tokens & {"status", "progress", "finished", "consent"}:
        return "the survey tool's record-keeping"
    if tokens & _FREE or any(f in phrase for f in _FREE if " " in f):
        return "free text"
    return None


def _is_answer(value: str) -> bool:
    for labels in (LIKERT_LABELS, STRENGTH_LABELS):
        try:
            likert(value, labels=labels)
        except ValueError:
            continue
        return True
    return is_dont_know(value)


def _reason_from_values(values: Sequence[str]) -> str | None:
    filled = [v.strip() for v in values if v.strip() not in _BLANK]
    if not filled:
        return "empty"
    distinct = set(filled)
    if sum(len(v) for v in filled) / len(filled) > FREE_TEXT_CHARS:
        return "free text"
    if len(distinct) == 1 and len(filled) > 1:
        return "the same for every respondent"
    if len(filled) >= 6 and len(distinct) > len(filled) / 2:
        return "a different value for nearly every respondent"
    if any(not v.replace(".", "").isdigit() for v in distinct) and all(_is_answer(v) for v in distinct):
        return "answers on the questionnaire's scales"
    return None


def group_columns(columns: Sequence[str], values: Mapping[str, Sequence[str]] | None = None, *,
                  identifying: Sequence[str] = ()) -> GroupColumns:
    """Sort an export's unused ``columns`` into plausible group columns and the rest, with reasons.

    Parameters
    ----------
    columns : sequence of str
        The candidate columns (e.g. :attr:`~coordkit.survey.read.ReadResult.ignored_columns`).
    values : mapping of str to sequence of str, optional
        The values of any of them, one per respondent (e.g. read as group columns); a column with
        no values is judged by its name alone.
    identifying : sequence of str
        Columns that identify people: left out, never read.

    Returns
    -------
    GroupColumns

    Examples
    --------
    >>> group_columns(["Seminar group", "Q2"], {"Q2": ["Agree", "Strongly agree", "Agree"] * 3}).left_out
    {'Q2': "answers on the questionnaire's scales"}
    """
    values = values or {}
    offered, left_out = [], {}
    for column in columns:
        reason = ("identifies people (never read)" if column in identifying else
                  _reason_from_name(column) or (_reason_from_values(values[column]) if column in values
                                                else None))
        if reason is None:
            offered.append(column)
        else:
            left_out[column] = reason
    return GroupColumns(tuple(offered), left_out)
