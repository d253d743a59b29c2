"""Forgiving text comparison, shared by the exercises, the quizzes and the glossary.

Examples
--------
>>> normalise("  Deficit culture - weak Individualism ")
'deficit culture weak individualism'
"""

from __future__ import annotations

import re

__all__ = ["normalise"]


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
