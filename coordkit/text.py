"""Text for people: forgiving comparison (exercises, quizzes, glossary) and numbers rounded as people do.

Python's ``round`` and format strings round a half to the even neighbour (and 0.425 is stored a shade
below 0.425), so ``f"{42.5:.0f}"`` gives ``'42'`` beside ``f"{17.5:.0f}"`` giving ``'18'``. The kit
prints numbers for people with :func:`number` and shares with :func:`percent`, which round a half
away from zero, on the number as written.

Examples
--------
>>> normalise("  Deficit culture - weak Individualism ")
'deficit culture weak individualism'
>>> number(42.5), number(17.5), percent(0.425)
('43', '18', '43%')

Labels people number ("Seminar 2", "Seminar 10") sort as people count with :func:`natural_key`:

>>> sorted(["Seminar 10", "seminar 2", "Seminar 1", "Ward B", "Ward A"], key=natural_key)
['Seminar 1', 'seminar 2', 'Seminar 10', 'Ward A', 'Ward B']
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal

__all__ = ["natural_key", "normalise", "number", "percent"]

_DIGITS = re.compile(r"(\d+)")


def normalise(text: str) -> str:
    """Lower-case ``text`` and fold punctuation and runs of spaces, for forgiving comparisons.

    Students type names in many ways; checks compare ``normalise(answer)`` with
    ``normalise(expected)`` so that case, stray spaces and punctuation never decide a mark.

    Parameters
    ----------
    text : str

    Returns
    -------
    str

    Examples
    --------
    >>> normalise("What gets rewarded?") == normalise("what gets rewarded")
    True
    """
    return " ".join(re.sub(r"[^\w]+", " ", str(text).lower().replace("_", " ")).split())


def _half_up(value: float, decimals: int, scale: int = 0) -> str:
    """Round the number as written (``repr``), not its binary neighbour; no "-0"."""
    if not 0 <= decimals <= 12:
        raise ValueError(f"decimals must be a whole number from 0 to 12, got {decimals}")
    if not math.isfinite(float(value)):
        return f"{value}"
    exact = Decimal(repr(float(value))).scaleb(scale)
    rounded = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return f"{abs(rounded) if rounded == 0 else rounded:f}"


def number(value: float, decimals: int = 0) -> str:
    """``value`` with ``decimals`` decimal places, a half rounded away from zero (42.5 -> 43).

    Parameters
    ----------
    value : float
    decimals : int, default 0

    Returns
    -------
    str

    Examples
    --------
    >>> [number(v) for v in (42.5, 17.5, 30.0, -2.5, 0.4)]
    ['43', '18', '30', '-3', '0']
    >>> number(0.125, 2), number(2.675, 2)  # 2.675 is stored as 2.67499..., printed as 2.675
    ('0.13', '2.68')
    >>> number(-0.2)
    '0'
    """
    return _half_up(value, decimals)


def percent(share: float, decimals: int = 0) -> str:
    """A share (0 to 1) as a percentage, a half rounded away from zero (0.425 -> '43%').

    Parameters
    ----------
    share : float
    decimals : int, default 0

    Returns
    -------
    str

    Examples
    --------
    >>> percent(0.425), percent(0.175), percent(1 / 3, 1), percent(0.0)
    ('43%', '18%', '33.3%', '0%')
    """
    return _half_up(share, decimals, scale=2) + "%"



def natural_key(label: str) -> tuple[tuple[tuple[int, int | str], ...], str]:
    """A sort key that orders the numbers inside labels by value: "Seminar 2" before "Seminar 10".

    Letters compare without regard to case (the label as written breaks ties), runs of digits by
    their value; so group labels list as a lecturer numbered them.

    Examples
    --------
    >>> sorted(["Table 12", "Table 3", "table 3b", "Estates"], key=natural_key)
    ['Estates', 'Table 3', 'table 3b', 'Table 12']
    """
    parts = _DIGITS.split(label)
    return tuple((1, int(part)) if k % 2 else (0, part.casefold())
                 for k, part in enumerate(parts) if part), label
