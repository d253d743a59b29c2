"""Reading one answer cell: divide-100 points and Likert answers (numbers or the form's words).

Points: ``40``, ``40.0``, ``40%`` or, in semicolon- or tab-delimited files, ``40,5``.
Answers on a 1-5 scale: whole numbers 1 to 5, or the words of the item's scale on the kit's form
(:data:`LIKERT_LABELS`, e.g. "Strongly agree", by default; the strength ratings' words, e.g.
"Very strong", with ``labels=STRENGTH_LABELS``), forgiving case, punctuation and a number beside
the words ("5 - Strongly agree", "Agree (4)"); a number and words that disagree are refused.
"Don't know / not applicable" (:data:`DONT_KNOW`, and the usual short forms) is recognised by
:func:`is_dont_know` so the reader can count it as missing, never as the neutral 3.

Examples
--------
>>> number("40%", False), number("33,5", True)
(40.0, 33.5)
>>> [likert(t) for t in ("4", "Strongly agree", "2 - Disagree", "neither agree nor disagree")]
[4.0, 5.0, 2.0, 3.0]
>>> likert("4 - Disagree")
Traceback (most recent call last):
...
ValueError: the number and the words disagree
>>> [is_dont_know(t) for t in ("Don't know", "N/A", "(0) Don't know / not applicable", "?", "3", "know")]
[True, True, True, True, False, False]
>>> from coordkit.survey.instrument import STRENGTH_LABELS
>>> likert("Very strong", labels=STRENGTH_LABELS), scale_words(STRENGTH_LABELS).split(", ")[0]
(5.0, '1 = absent')

A word the scale does not have is never read as its nearest scale word; :func:`nearest` only
names that word, for a mapping file's suggestion (the lecturer confirms it):

>>> nearest("Stongly agree"), nearest("Agre"), nearest("banana")
((5, 'strongly agree'), (4, 'agree'), None)
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from functools import lru_cache

from coordkit.survey.read._instrument import DONT_KNOW, LIKERT_LABELS

__all__ = ["DONT_KNOW", "is_dont_know", "is_number", "likert", "nearest", "number", "scale_words",
           "tidy"]

_DONT_KNOW_WORDS = ("don't know / not applicable", "don't know", "dont know", "do not know",
                    "not applicable", "n/a", "na", "dk", "dk/na", "don't know/n/a", "not sure",
                    "can't say", "cannot say")

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")

_LEADING = re.compile(r"^\s*([1-9])\s*(?:[-.:)=]|\s)\s*(.*)$")
_TRAILING = re.compile(r"^(.*?)\s*[(\[]\s*([1-9])\s*[)\]]\s*$")


def number(text: str, decimal_comma: bool) -> float:
    """A number from a cell; ``ValueError`` if it is not one."""
    t = text.strip()
    if t.endswith("%"):
        t = t[:-1].strip()
    if decimal_comma and "," in t and "." not in t:
        t = t.replace(",", ".", 1)
    if not _NUMBER.fullmatch(t):
        raise ValueError(text)
    value = float(t)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def is_number(text: str, decimal_comma: bool) -> bool:
    """Whether :func:`number` reads the cell."""
    try:
        number(text, decimal_comma)
    except ValueError:
        return False
    return True


def tidy(text: str) -> str:
    """The words of a cell as compared: lower case, punctuation to spaces, single spaces."""
    return " ".join(re.sub(r"[\W_]+", " ", text.lower()).split())


@lru_cache(maxsize=8)
def _table(labels: tuple[tuple[int, str], ...]) -> dict[str, float]:
    words = {tidy(label): float(value) for value, label in labels}
    if tuple(LIKERT_LABELS.items()) == labels:
        words.setdefault("neutral", 3.0)
    return words


@lru_cache(maxsize=1)
def _dont_know_table() -> frozenset[str]:
    return frozenset(tidy(w) for w in _DONT_KNOW_WORDS)


_CODE = re.compile(r"^\d+\s+|\s+\d+$")


@lru_cache(maxsize=1024)
def is_dont_know(text: str) -> bool:
    """Whether a cell says "don't know / not applicable" (see :data:`DONT_KNOW`).

    Any case or punctuation, with or without a code beside the words (a tool may export Moodle's
    ``"0 Don't know / not applicable"`` or ``"Don't know (6)"``), and a lone ``?``: the printable
    questionnaire's don't-know box, as a typist copies it from the paper. Remembered per text: a survey
    tool repeats a handful of answer words in every row, and tidying each cell anew cost a
    5,000-row export about a second.
    """
    if text.strip() == "?":  # the printable questionnaire's "?" (don't know) box, typed as it is
        return True
    t = tidy(text)
    return t in _dont_know_table() or _CODE.sub("", t) in _dont_know_table()


def _words(text: str, labels: Mapping[int, str]) -> float | None:
    return _table(tuple(labels.items())).get(tidy(text))


def likert(text: str, decimal_comma: bool = False, labels: Mapping[int, str] = LIKERT_LABELS) -> float:
    """A 1-5 answer from a cell (number or the words in ``labels``; see the module docstring).

    Raises ``ValueError("not an answer on the scale")`` for text it cannot place; the caller checks
    the range of numbers.
    """
    t = text.strip()
    if is_number(t, decimal_comma):
        return number(t, decimal_comma)
    value = _words(t, labels)
    if value is not None:
        return value
    for pattern, num_first in ((_LEADING, True), (_TRAILING, False)):
        m = pattern.match(t)
        if m:
            digits, words = (m.group(1), m.group(2)) if num_first else (m.group(2), m.group(1))
            said = _words(words, labels)
            if said is None:
                continue
            if said != float(digits):
                raise ValueError("the number and the words disagree")
            return said
    raise ValueError("not an answer on the scale")


def scale_words(labels: Mapping[int, str] = LIKERT_LABELS) -> str:
    """The scale's words as shown in messages: "1 = strongly disagree ... 5 = strongly agree"."""
    return ", ".join(f"{k} = {v}" for k, v in labels.items())


def _distance(a: str, b: str) -> int:
    """Levenshtein edit distance (insertions, deletions and substitutions of one character)."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        current = [i]
        for j, y in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def nearest(text: str, labels: Mapping[int, str] = LIKERT_LABELS) -> tuple[int, str] | None:
    """The scale word closest to ``text`` by edit distance, if it is a near miss of exactly one.

    A near miss is at most 2 edits, and at most a third of the word's length, away; a tie between
    two scale words gives None. Only for suggestions: :func:`likert` never reads a near miss.
    """
    t = tidy(text)
    if not t:
        return None
    scored = sorted((_distance(t, tidy(label)), value, tidy(label)) for value, label in labels.items())
    best, value, label = scored[0]
    if best > min(2, len(label) // 3) or (len(scored) > 1 and scored[1][0] == best):
        return None
    return value, label
