"""The class report's tables of levels and groups: level decomposition, group ICC.

(Each scale's reliability table is :func:`coordkit.survey.verdicts.reliability_table`, beside its
intervals.) :func:`level_table` decomposes the strength ratings respondent x level, and
:func:`group_icc_table` says whether groups differ reliably (ICC(1), ICC(2)). Each depends on the
answers alone; :func:`~coordkit.survey.analysis.analyse` puts them in the class analysis.
Re-exported by :mod:`coordkit.survey.analysis` and :mod:`coordkit.survey`.

Examples
--------
>>> from coordkit.survey import synthetic_class
>>> list(level_table(synthetic_class()).index)
['hierarchy', 'solidarity', 'individualism', 'fatalism']
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from coordkit.modes import ALL_MODES
from coordkit.survey.agreement import GroupICC, icc
from coordkit.survey.instrument import LEVELS
from coordkit.survey.reliability import (
    MIN_LEVEL_N,
    level_decomposition,
)

if TYPE_CHECKING:  # pandas is imported lazily
    import pandas as pd

from coordkit.survey.respondents import RespondentTable, Responses
from coordkit.survey.styles import ResponseStyles

__all__ = [
    "ICC2_THRESHOLD",
    "group_icc_table",
    "level_table",
]


def level_table(responses: Responses, *, min_n: int = MIN_LEVEL_N) -> pd.DataFrame:
    """Strength ratings by level (team, organisation, local system), decomposed respondent x level.

    The three ratings of a mode come from the same respondent, so they are not independent groups:
    for each mode, the ratings of respondents who rated all three levels are split into a
    respondent part, a level part and a residual
    (:func:`~coordkit.survey.reliability.level_decomposition`). The **level share** is the level
    part of the spread *within* respondents (the respondent part removed); the **respondent share**
    is the respondent part of all the spread. The share cannot say that each respondent rates the
    levels alike (opposed halves of a class give a share of 0), so whether the levels are rated alike
    is read from the within-respondent absolute differences (:attr:`LevelVariance.alike
    <coordkit.survey.reliability.LevelVariance.alike>`: every mean absolute difference at most half a
    point, the kit's margin), which is what the fractal claim would lead you to expect if each level
    shares the same mix (the kit's reading of the claim as an empirical question). Alike ratings, and a
    large respondent share, are also what a halo gives (one overall impression carried to every
    level): that caveat is the
    kit's reading too, and the ``reading`` column says so. A mode is decomposed only when at least
    ``min_n`` respondents rated every level
    (:data:`~coordkit.survey.reliability.MIN_LEVEL_N`, the kit's minimum); otherwise its
    components are NaN and the reading names the levels short of ratings.

    Parameters
    ----------
    responses : Responses
    min_n : int, default :data:`~coordkit.survey.reliability.MIN_LEVEL_N`

    Returns
    -------
    pandas.DataFrame
        Indexed by mode: ``n`` (respondents who rated every level), ``mean <level>`` (ratings
        1-5), ``team - organisation`` and ``organisation - system`` (mean within-respondent
        differences), ``|team - organisation|`` and ``|organisation - system|`` (mean absolute
        within-respondent differences, scale points) with ``... low`` and ``... high`` (95%
        interval), ``same at every level`` and ``within one point`` (shares of respondents),
        ``respondent``, ``level``, ``residual`` (variance components),
        ``rated <level>``, ``level share``, ``respondent share`` and ``reading``.

    Examples
    --------
    >>> from coordkit.survey import synthetic_class
    >>> t = level_table(synthetic_class())
    >>> list(t.index), bool(t["level share"].between(0, 1).all())
    (['hierarchy', 'solidarity', 'individualism', 'fatalism'], True)
    """
    import pandas as pd

    ratings = {level: responses.strength(level) * 4 + 1 for level in LEVELS}
    rows = {}
    for k, mode in enumerate(ALL_MODES):
        v = level_decomposition(np.column_stack([ratings[level][:, k] for level in LEVELS]), LEVELS,
                                min_n=min_n)
        row: dict[str, Any] = {"n": v.n}
        for level, mean in zip(LEVELS, v.means, strict=True):
            row[f"mean {level}"] = round(mean, 2) if math.isfinite(mean) else math.nan
        for name, mean, _ in v.differences:
            row[name] = round(mean, 2) if math.isfinite(mean) else math.nan
        for name, mean, lo, hi in v.absolute_differences:
            for key, value in ((f"|{name}|", mean), (f"|{name}| low", lo), (f"|{name}| high", hi)):
                row[key] = round(value, 2) if math.isfinite(value) else math.nan
        row["same at every level"] = round(v.same_share, 3) if math.isfinite(v.same_share) else math.nan
        row["within one point"] = (round(v.within_one_share, 3) if math.isfinite(v.within_one_share)
                                   else math.nan)
        row.update(respondent=round(v.respondent, 3), level=round(v.level, 3), residual=round(v.residual, 3))
        row.update({f"rated {level}": count for level, count in zip(LEVELS, v.rated, strict=True)})
        row["level share"] = round(v.level_share, 3) if math.isfinite(v.level_share) else math.nan
        row["respondent share"] = (round(v.respondent_share, 3) if math.isfinite(v.respondent_share)
                                   else math.nan)
        row["reading"] = v.reading()
        rows[mode.value] = row
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame.index.name = "mode"
    return frame


#: ICC(2) from which group means are read as reliably different (0.70, the kit's convention, the
#: value usually quoted for the reliability of group means; LeBreton and Senter 2008).
ICC2_THRESHOLD = 0.70


#: Fewest groups from which the kit reads ICC(1) as more than a rough figure (the kit's minimum:
#: with fewer, the between-group mean square has under four degrees of freedom).
MIN_ICC_GROUPS = 5


def _read_icc(r: GroupICC) -> str:
    """The ICC in words: a negative estimate is read as no between-group variance, never printed raw."""
    if not r.estimated:
        return "not estimable: fewer than two groups, or no spread within groups"
    from scipy.stats import f  # scipy is a dependency; imported here to keep import time low

    p = float(f.sf(r.ms_between / r.ms_within, r.groups - 1, r.n - r.groups)) if r.ms_within > 0 else 0.0
    test = f"F test p = {p:.3f}"
    few = (f"; only {r.groups} groups, so the estimate is rough (the kit asks for {MIN_ICC_GROUPS})"
           if r.groups < MIN_ICC_GROUPS else "")
    if r.icc1 <= 0:
        return (f"no between-group variance: the estimate is below 0 and read as 0 ({test}){few}; "
                "do not compare the groups on this score")
    between = f"{r.icc1:.0%} of the spread lies between groups ({test}){few}"
    if r.icc2 >= ICC2_THRESHOLD:
        return f"{between}; the group means are reliable enough to compare"
    return (f"{between}; WARNING: the group means are not reliable enough to compare (ICC(2) under the "
            f"kit's {ICC2_THRESHOLD:.2f}): differences between groups may be chance")


def group_icc_table(responses: Responses, group_column: str, *, level: str | None = "organisation",
                    ) -> pd.DataFrame:
    """ICC(1) and ICC(2) across groups of each score the group tables show (Bliese 2000).

    Alpha says how consistently a scale's items are answered by individuals; whether *groups*
    differ reliably is a different question, answered by ICC(1) (the share of a score's variance
    between groups) and ICC(2) (the reliability of the group means), from a one-way analysis of
    variance (:func:`~coordkit.survey.agreement.icc`). The scores are each mode's strength rating
    at ``level`` (the level the group column denotes; left out when None, i.e. not known), its
    divide-100 points now, and its benign and malign levels (when the Likert block was asked; not
    over kept respondents who gave one answer to most agreement statements, as in the class levels).
    Negative estimates are shown as 0 and read as "no between-group variance"; the reading gives
    an F test and says when there are fewer than :data:`MIN_ICC_GROUPS` groups. Pass only the
    groups that are shown (each at least the privacy minimum); NaN values are left out.

    Parameters
    ----------
    responses : Responses
    group_column : str
    level : {"team", "organisation", "system"} or None, default "organisation"

    Returns
    -------
    pandas.DataFrame
        One row per score (indexed ``"<mode>: <measure>"``): ``measure``, ``mode``, ``groups``,
        ``n``, ``k`` (group size used), ``ICC(1)``, ``ICC(2)`` (both at least 0), ``reading``.

    Examples
    --------
    >>> from coordkit.survey import synthetic_class
    >>> t = group_icc_table(synthetic_class(), "team", level="team")
    >>> list(t.columns), int(t["groups"].iloc[0])
    (['measure', 'mode', 'groups', 'n', 'k', 'ICC(1)', 'ICC(2)', 'reading'], 5)
    >>> sorted(set(t["measure"]))
    ['benign level', 'malign level', 'points now', 'team strength rating']
    >>> bool((t["ICC(2)"].dropna() >= 0).all())
    True
    """
    scores: dict[str, NDArray[np.float64]] = {}
    if level is not None:
        scores[f"{level} strength rating"] = responses.strength(level) * 4 + 1
    scores["points now"] = responses.scores("now")
    forms = responses.forms()
    if forms is not None:
        scores.update(_level_scores(forms.benign, forms.malign, responses.styles()))
    return _icc_table(scores, np.array(responses.groups[group_column], dtype=object))


def _icc_scores(table: RespondentTable, level: str | None) -> dict[str, NDArray[np.float64]]:
    """The scores :func:`group_icc_table` reads, from a :class:`RespondentTable` (the same values)."""
    scores: dict[str, NDArray[np.float64]] = {}
    if level is not None:
        scores[f"{level} strength rating"] = table.strength[level] * 4 + 1
    scores["points now"] = table.divide["now"].scores
    if table.forms is not None:
        scores.update(_level_scores(table.forms.benign, table.forms.malign, table.styles))
    return scores


def _level_scores(benign: NDArray[np.float64], malign: NDArray[np.float64],
                  styles: ResponseStyles) -> dict[str, NDArray[np.float64]]:
    """Benign and malign levels for the ICC, NaN (left out) for respondents the levels leave out.

    The same rule as the class and group levels (:attr:`~coordkit.survey.ResponseStyles.in_levels`):
    a kept respondent who gave one answer to most agreement statements counts in the points and
    ratings, not in the levels.
    """
    out = styles.same_answers_kept
    return {name: np.where(out[:, None], np.nan, values)
            for name, values in (("benign level", benign), ("malign level", malign))}


def _icc_table(scores: Mapping[str, NDArray[np.float64]], labels: NDArray[Any]) -> pd.DataFrame:
    """ICC(1) and ICC(2) of each mode of each score across the groups ``labels`` names."""
    import pandas as pd

    rows = {}
    for measure, values in scores.items():
        for k, mode in enumerate(ALL_MODES):
            r = icc(values[:, k], labels)
            rows[f"{mode.value}: {measure}"] = {
                "measure": measure, "mode": mode.value, "groups": r.groups, "n": r.n,
                "k": round(r.k, 1) if math.isfinite(r.k) else math.nan,
                "ICC(1)": round(max(r.icc1, 0.0), 2) if r.estimated else math.nan,
                "ICC(2)": round(max(r.icc2, 0.0), 2) if r.estimated and math.isfinite(r.icc2) else math.nan,
                "reading": _read_icc(r)}
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame.index.name = "score"
    return frame
