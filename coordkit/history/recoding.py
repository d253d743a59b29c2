"""Recoding: a learner changes the kit's coding of a reform (the input is never modified).

Examples
--------
>>> from coordkit.history import load_reforms
>>> int(recode(load_reforms(), "nhs_act_1946", solidarity=0)["push_solidarity"].iloc[0])
0
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping

import numpy as np
import pandas as pd

from coordkit.history.eras import MAX_PUSH, MIN_PUSH, PUSH_COLUMNS
from coordkit.modes import ALL_MODES, Mode, parse_mode

__all__ = ["recode", "recode_many"]


def _check_push(mode: Mode, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise TypeError(
            f"{mode.value}: a push must be a whole number from {MIN_PUSH} to {MAX_PUSH}, not {value!r}"
        )
    if not MIN_PUSH <= int(value) <= MAX_PUSH:
        raise ValueError(f"{mode.value}: a push must be from {MIN_PUSH} to {MAX_PUSH}, not {value}")
    return int(value)


def _row_of(reforms: pd.DataFrame, reform_id: str) -> object:
    matches = reforms.index[reforms["id"] == reform_id]
    if len(matches) == 0:
        close = difflib.get_close_matches(str(reform_id), [str(i) for i in reforms["id"]], n=3)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise ValueError(f"no reform with id {reform_id!r}{hint}")
    if len(matches) > 1:
        raise ValueError(f"id {reform_id!r} appears {len(matches)} times; ids must be unique")
    return matches[0]


def recode(
    reforms: pd.DataFrame,
    reform_id: str,
    *,
    hierarchy: int | None = None,
    solidarity: int | None = None,
    individualism: int | None = None,
    fatalism: int | None = None,
    rationale: str | None = None,
) -> pd.DataFrame:
    """A copy of the reforms with one reform's coding changed; the input is never modified.

    Parameters
    ----------
    reforms : pandas.DataFrame
        As returned by :func:`load_reforms`.
    reform_id : str
        The ``id`` of the reform to recode.
    hierarchy, solidarity, individualism, fatalism : int, optional
        New pushes, whole numbers from -2 to +2; modes not given keep their coding.
    rationale : str, optional
        Your reason; if given, it replaces ``coding_rationale`` (prefixed ``"Recoded: "``).

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    ValueError
        If the id is unknown (with suggestions), no new push is given, or a push is out of range.
    TypeError
        If a push is not a whole number.

    Examples
    --------
    >>> from coordkit.history import load_reforms
    >>> reforms = load_reforms()
    >>> mine = recode(reforms, "griffiths_inquiry_1983", individualism=2, rationale="business methods")
    >>> int(mine.set_index("id").loc["griffiths_inquiry_1983", "push_individualism"])
    2
    >>> int(reforms.set_index("id").loc["griffiths_inquiry_1983", "push_individualism"])  # unchanged
    1
    """
    pushes = (hierarchy, solidarity, individualism, fatalism)
    changes: dict[str | Mode, int] = {m: v for m, v in zip(ALL_MODES, pushes, strict=True) if v is not None}
    return recode_many(reforms, {reform_id: changes}, rationale=rationale)


def recode_many(
    reforms: pd.DataFrame,
    codings: Mapping[str, Mapping[str | Mode, int]],
    *,
    rationale: str | None = None,
) -> pd.DataFrame:
    """A copy of the reforms with several codings changed at once.

    Parameters
    ----------
    reforms : pandas.DataFrame
        As returned by :func:`load_reforms`.
    codings : mapping of id to mapping of mode to int
        For each reform id, the new push for each mode to change; modes by name, initial or
        :class:`~coordkit.modes.Mode`.
    rationale : str, optional
        If given, replaces ``coding_rationale`` of every recoded reform (prefixed ``"Recoded: "``).

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    ValueError, TypeError
        As for :func:`recode`.

    Examples
    --------
    >>> from coordkit.history import load_reforms
    >>> reforms = load_reforms()
    >>> flat = recode_many(reforms, {"nhs_plan_2000": {"H": 0}, "star_ratings_2001": {"H": 0}})
    >>> int(flat["push_hierarchy"].sum()) == int(reforms["push_hierarchy"].sum()) - 4
    True
    """
    if not codings:
        raise ValueError("nothing to recode: give at least one reform id and one push")
    out = reforms.copy()
    out.attrs = dict(reforms.attrs)
    for reform_id, changes in codings.items():
        if not changes:
            raise ValueError(f"{reform_id}: nothing to recode: give at least one new push")
        row = _row_of(out, reform_id)
        for key, value in changes.items():
            mode = parse_mode(key)
            out.loc[row, PUSH_COLUMNS[mode]] = _check_push(mode, value)
        if rationale is not None and "coding_rationale" in out.columns:
            out.loc[row, "coding_rationale"] = f"Recoded: {rationale}"
    return out
