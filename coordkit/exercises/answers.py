"""Reading answers the way a person writes them: one forgiving reader for exercises and quizzes.

Checks in ``coordkit/exercises/chNN.py`` and the quiz questions use these, so a student gets the
same treatment everywhere:

* **words** (:func:`match_word`): case, spaces, a trailing full stop, a leading "the" and
  punctuation never decide a mark; synonyms the chapter itself uses may be accepted, each mapped
  to the kit's word; a near-miss spelling of a long word is accepted and the spelling shown;
* **numbers** (:func:`parse_number`, :func:`close_enough`): ``0.3``, ``30%``, ``1/3``, ``about
  a third`` and ``2,5`` all mean what a person means, and a value rounded to the decimals the
  student typed counts (``0.3`` for one third);
* **typed answers** (:func:`read_answer`): a string holding a Python value (``"{3, 4}"``,
  ``"0.52"``) becomes that value; anything else stays the student's text, so a prose answer is
  feedback, never a ``SyntaxError``;
* **counts in words** (:func:`count_words`): "two more doctrines" rather than "missed 2", which
  reads like doctrine number 2.

Examples
--------
>>> match_word("Connectedness.", ["connectedness"])
'connectedness'
>>> match_word("belonging", ["connectedness"], synonyms={"belonging": "connectedness"})
'connectedness'
>>> close_enough(0.3, 1 / 3, tolerance=0.02, typed="0.3")
True
>>> read_answer("{3, 4, 5}"), read_answer("it was mostly the market")
({3, 4, 5}, 'it was mostly the market')
>>> count_words(2, "doctrine")
'two doctrines'
"""

from __future__ import annotations

import ast
import difflib
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from coordkit.text import normalise

__all__ = ["close_enough", "count_words", "decimals_typed", "match_word", "parse_number", "read_answer"]

_NUMBER_WORDS: dict[str, float] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3,
    "one third": 1 / 3, "two thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25,
    "three quarters": 0.75, "a fifth": 0.2, "a tenth": 0.1,
}
_COUNT_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_NUMBER = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")
_HEDGES = re.compile(r"^(about|around|roughly|approximately|approx|circa|c|nearly|almost|~)\s*")
_ARTICLES = re.compile(r"^(the|a|an) ")


def parse_number(text: Any) -> float | None:
    """Read a number the way a person writes it, or ``None`` if it is not one.

    Accepts plain numbers, decimal commas, percentages (``30%`` is 0.3), fractions (``1/3``), a
    few number words (``three``, ``a third``), hedges (``about 0.3``) and a trailing full stop.

    Parameters
    ----------
    text : str or number

    Returns
    -------
    float or None

    Examples
    --------
    >>> parse_number("30%"), parse_number("1/4"), parse_number("about 0.3"), parse_number("2,5")
    (0.3, 0.25, 0.3, 2.5)
    >>> parse_number("a third") == 1 / 3, parse_number("hierarchy"), parse_number(True)
    (True, None, None)
    """
    if isinstance(text, bool):
        return None
    if isinstance(text, int | float):
        return float(text) if math.isfinite(text) else None
    s = " ".join(str(text).strip().lower().split()).rstrip(".")
    s = _HEDGES.sub("", s).strip()
    if s in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[s])
    percent = s.endswith("%")
    s = s.rstrip("%").strip().replace(" ", "")
    if s.count(",") == 1 and "." not in s:
        s = s.replace(",", ".")
    value: float | None = None
    if "/" in s:
        top, _, bottom = s.partition("/")
        if _NUMBER.match(top) and _NUMBER.match(bottom) and float(bottom) != 0:
            value = float(top) / float(bottom)
    elif _NUMBER.match(s):
        value = float(s)
    if value is None or not math.isfinite(value):
        return None
    return value / 100 if percent else value


def decimals_typed(text: Any) -> int | None:
    """How many decimal places a student typed (``"0.30"`` -> 2), or ``None`` if not a plain decimal.

    Examples
    --------
    >>> decimals_typed("0.3"), decimals_typed("about 0.33."), decimals_typed("1/3"), decimals_typed(0.25)
    (1, 2, None, 2)
    """
    s = _HEDGES.sub("", " ".join(str(text).strip().lower().split()).rstrip(".")).strip()
    match = re.fullmatch(r"[-+]?\d*[.,](\d+)", s)
    return len(match.group(1)) if match else None


def close_enough(value: float, answer: float, tolerance: float = 0.0, typed: Any = None) -> bool:
    """Whether ``value`` is the answer: within ``tolerance``, or the answer rounded as the student wrote it.

    ``typed`` is what the student typed (or the number itself): a value with *d* decimal places
    (d >= 1) counts when it is the answer rounded to *d* places, so ``0.3`` and ``0.33`` both count
    for one third while ``0.4`` does not. Whole numbers must be exact unless the tolerance allows.

    Parameters
    ----------
    value : float
    answer : float
    tolerance : float, default 0
    typed : str or number, optional

    Returns
    -------
    bool

    Examples
    --------
    >>> close_enough(0.3, 1 / 3, typed="0.3"), close_enough(0.4, 1 / 3, typed="0.4")
    (True, False)
    >>> close_enough(3, 3.4, typed="3"), close_enough(0.52, 0.5237, tolerance=0.005)
    (False, True)
    """
    if abs(value - answer) <= max(tolerance, 1e-9 * max(1.0, abs(answer))):
        return True
    places = decimals_typed(value if typed is None else typed)
    if not places:
        return False
    return math.isclose(round(answer, places), value, abs_tol=10.0 ** -(places + 3))


def _plain(text: Any) -> str:
    return _ARTICLES.sub("", normalise(str(text)))


def match_word(given: Any, accepted: Iterable[str], synonyms: Mapping[str, str] | None = None,
               spelling: bool = True) -> str | None:
    """The accepted word ``given`` stands for, or ``None``.

    Parameters
    ----------
    given : str
        What the student typed.
    accepted : iterable of str
        The kit's words (the first spelling of each is returned).
    synonyms : mapping, optional
        Other words the chapter itself uses for an accepted word, e.g. ``{"belonging":
        "connectedness"}``; each maps to the accepted word returned.
    spelling : bool, default True
        Also accept a near-miss spelling of a word of six letters or more (one slip in about
        eight letters).

    Returns
    -------
    str or None

    Examples
    --------
    >>> match_word("  The Internal Market. ", ["internal market", "new labour"])
    'internal market'
    >>> match_word("heirarchy", ["hierarchy", "solidarity"]), match_word("fatal", ["fatalism"])
    ('hierarchy', None)
    """
    accepted = list(accepted)
    table = {_plain(word): word for word in accepted}
    for other, word in (synonyms or {}).items():
        table.setdefault(_plain(other), word)
    text = _plain(given)
    if not text:
        return None
    if text in table:
        return table[text]
    if spelling and len(text) >= 6:
        close = difflib.get_close_matches(text, [k for k in table if len(k) >= 6], n=1, cutoff=0.88)
        if close:
            return table[close[0]]
    return None


def read_answer(text: Any) -> Any:
    """A typed answer as a Python value where it is one (``"{3, 4}"`` -> ``{3, 4}``), else the text.

    Only literals are read (numbers, strings, lists, tuples, sets, dicts, True/False/None), with
    :func:`ast.literal_eval`: nothing is run. A number written as a person writes it
    (``"30%"``, ``"about 0.3"``) becomes a float. Anything else is returned stripped, as text.

    Parameters
    ----------
    text : object
        Non-strings are returned unchanged.

    Returns
    -------
    object

    Examples
    --------
    >>> read_answer("0.52"), read_answer("about 30%"), read_answer("['a', 'b']")
    (0.52, 0.3, ['a', 'b'])
    >>> read_answer("print(1)")
    'print(1)'
    """
    if not isinstance(text, str):
        return text
    stripped = text.strip()
    try:
        return ast.literal_eval(stripped)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        number = parse_number(stripped)
        return number if number is not None else stripped


def count_words(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` things in words (``"two doctrines"``), so a count never reads as an item's number.

    Examples
    --------
    >>> count_words(1, "doctrine"), count_words(12, "reform"), count_words(0, "era")
    ('one doctrine', '12 reforms', 'no eras')
    """
    word = _COUNT_WORDS[n] if 0 <= n < len(_COUNT_WORDS) else str(n)
    return f"{word} {noun if n == 1 else (plural or noun + 's')}"
