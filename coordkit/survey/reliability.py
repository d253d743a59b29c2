r"""Reliability of the questionnaire's scales, and how much of the variance lies between levels.

**Cronbach's alpha** for a scale of :math:`k` items with item variances :math:`s_i^2` and variance
:math:`s_T^2` of the summed score is

.. math:: \alpha = \frac{k}{k-1}\Bigl(1 - \frac{\sum_i s_i^2}{s_T^2}\Bigr),

and its *standardised* form, from the mean inter-item correlation :math:`\bar r`, is
:math:`k\bar r / (1 + (k-1)\bar r)`. **McDonald's omega** (total) fits one common factor to the
items' correlations, with loadings :math:`\lambda_i` and unique variances
:math:`\psi_i = 1 - \lambda_i^2`, and is

.. math:: \omega = \frac{(\sum_i \lambda_i)^2}{(\sum_i \lambda_i)^2 + \sum_i \psi_i}.

Alpha equals omega only when every item loads equally; otherwise alpha understates reliability,
which is why both are shown. The factor is fitted by iterated principal-axis factoring (numpy
only); with three items the one-factor model is exactly identified, so the loadings are the
closed form :math:`\lambda_1^2 = r_{12} r_{13} / r_{23}`.

Why not a library? pingouin and factor_analyzer both compute these, but each pulls in
scikit-learn (and pingouin statsmodels too), far heavier than the kit's runtime, for two short
formulas; the functions here are tested against a published worked example and against
population values.

Thresholds (a convention, the kit's choice of it): 0.7 is the usual minimum for a scale used to
compare groups (after Nunnally 1978); below 0.5 a scale's items barely hang together. Estimates
from three items and a few dozen respondents are themselves uncertain, so the report gives them
as a check, not a verdict.

**Levels.** :func:`level_icc` splits the variance of strength ratings into a part between levels
(team, organisation, local system) and a part within them (between respondents), and gives the
intraclass correlation ICC(1) = between / (between + within), estimated from a one-way analysis of
variance. Read it as descriptive: each respondent rates several levels, so the ratings are not
independent.

Examples
--------
>>> import numpy as np
>>> x = np.array([[1, 2, 2], [2, 2, 3], [3, 4, 3], [4, 4, 5], [5, 4, 5]], dtype=float)
>>> round(cronbach_alpha(x), 3), round(mcdonald_omega(x), 3)
(0.939, 0.943)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "MIN_RELIABILITY_N",
    "RELIABILITY_POOR",
    "RELIABILITY_THRESHOLD",
    "LevelVariance",
    "cronbach_alpha",
    "level_icc",
    "mcdonald_omega",
    "one_factor_loadings",
    "read_reliability",
]

#: Fewest complete respondents for which the report computes a scale's reliability (the kit's choice).
MIN_RELIABILITY_N = 10
#: The usual minimum reliability for comparing groups (after Nunnally 1978).
RELIABILITY_THRESHOLD = 0.7
#: Below this, a scale's items barely hang together (the kit's reading).
RELIABILITY_POOR = 0.5


def _complete(data: ArrayLike) -> NDArray[np.float64]:
    x = np.asarray(data, dtype=float)
    if x.ndim != 2 or x.shape[1] < 2:
        raise ValueError(f"expected a respondents x items table with at least 2 items, got shape {x.shape}")
    return x[np.all(np.isfinite(x), axis=1)]


def cronbach_alpha(data: ArrayLike, *, standardized: bool = False) -> float:
    """Cronbach's alpha of a scale, over respondents who answered every item.

    Parameters
    ----------
    data : array_like, shape (respondents, items)
        Item scores, reverse-keyed items already reversed; NaN rows are left out.
    standardized : bool, default False
        Alpha from the mean inter-item correlation instead of the covariances.

    Returns
    -------
    float
        NaN when fewer than 2 complete respondents or the total score does not vary.

    Examples
    --------
    >>> round(cronbach_alpha([[1, 1], [2, 3], [3, 2], [4, 4]]), 3)
    0.8
    """
    x = _complete(data)
    k = x.shape[1]
    if x.shape[0] < 2:
        return math.nan
    if standardized:
        sd = x.std(axis=0, ddof=1)
        if np.any(sd == 0):
            return math.nan
        r = np.corrcoef(x, rowvar=False)
        mean_r = (r.sum() - k) / (k * (k - 1))
        return float(k * mean_r / (1 + (k - 1) * mean_r))
    total = x.sum(axis=1).var(ddof=1)
    if total == 0:
        return math.nan
    return float(k / (k - 1) * (1 - x.var(axis=0, ddof=1).sum() / total))


def one_factor_loadings(corr: ArrayLike, *, iterations: int = 500, tol: float = 1e-10) -> NDArray[np.float64]:
    """Standardised loadings of one common factor, by iterated principal-axis factoring.

    Parameters
    ----------
    corr : array_like, shape (k, k)
        A correlation matrix (k >= 3).

    Returns
    -------
    ndarray, shape (k,)
        Loadings, signed so that their sum is positive, each kept below 1 (a Heywood case is
        capped at 0.999).

    Examples
    --------
    >>> lam = np.array([0.8, 0.7, 0.6])
    >>> r = np.outer(lam, lam); np.fill_diagonal(r, 1)
    >>> one_factor_loadings(r).round(6).tolist()
    [0.8, 0.7, 0.6]
    """
    r = np.array(corr, dtype=float)
    k = r.shape[0]
    if r.shape != (k, k) or k < 3:
        raise ValueError("one common factor needs a square correlation matrix of at least 3 items")
    try:
        h = 1 - 1 / np.diag(np.linalg.inv(r))  # squared multiple correlations
    except np.linalg.LinAlgError:
        h = np.abs(r - np.eye(k)).max(axis=0)
    lam = np.sqrt(np.clip(h, 0, 1))
    for _ in range(iterations):
        reduced = r.copy()
        np.fill_diagonal(reduced, h)
        values, vectors = np.linalg.eigh(reduced)
        lam = vectors[:, -1] * math.sqrt(max(values[-1], 0.0))
        new_h = np.clip(lam**2, 0, 0.999**2)
        if np.max(np.abs(new_h - h)) < tol:
            h = new_h
            break
        h = new_h
    lam = np.sign(lam.sum() or 1.0) * lam
    return np.clip(lam, -0.999, 0.999)


def mcdonald_omega(data: ArrayLike) -> float:
    """McDonald's omega (total) of a scale, from a one-factor fit to the item correlations.

    Parameters
    ----------
    data : array_like, shape (respondents, items)
        Item scores (reverse-keyed items already reversed), at least 3 items; NaN rows left out.

    Returns
    -------
    float
        NaN with fewer than 3 items, fewer than 3 complete respondents or an item that does not vary.

    Examples
    --------
    >>> x = [[1, 2, 1], [2, 2, 3], [3, 3, 3], [4, 5, 4], [5, 4, 5]]
    >>> round(mcdonald_omega(x), 3)
    0.944
    """
    x = _complete(data)
    if x.shape[1] < 3 or x.shape[0] < 3 or np.any(x.std(axis=0, ddof=1) == 0):
        return math.nan
    lam = one_factor_loadings(np.corrcoef(x, rowvar=False))
    common = lam.sum() ** 2
    return float(common / (common + (1 - lam**2).sum()))


def read_reliability(value: float, *, n: int | None = None) -> str:
    """A plain reading of an alpha or omega value, with a warning below the usual thresholds.

    Examples
    --------
    >>> read_reliability(0.82)
    'good: the items hang together well enough to compare groups (0.82)'
    >>> read_reliability(0.55).startswith("WARNING")
    True
    """
    if not math.isfinite(value):
        return "not computed: too few complete answers or an item nobody varied on"
    if value >= 0.8:
        text = "good: the items hang together well enough to compare groups"
    elif value >= RELIABILITY_THRESHOLD:
        text = "acceptable: usable for comparing groups, with care"
    elif value >= RELIABILITY_POOR:
        text = (f"WARNING, below the usual {RELIABILITY_THRESHOLD}: the items agree only loosely; read the "
                "scale's score as a rough indication")
    else:
        text = ("WARNING, poor: the items hardly measure one thing here; do not compare groups on this "
                "scale")
    return f"{text} ({value:.2f})" + (f", n = {n}" if n is not None else "")


@dataclass(frozen=True)
class LevelVariance:
    """Between- and within-level variance of one set of ratings.

    Attributes
    ----------
    levels : tuple of str
    n : tuple of int
        Ratings per level.
    means : tuple of float
        Mean rating per level.
    within : float
        Pooled variance of ratings within a level (mean square within).
    between : float
        Estimated variance component of the level means (0 if negative).
    icc : float
        ``between / (between + within)``; NaN if not estimable.
    """

    levels: tuple[str, ...]
    n: tuple[int, ...]
    means: tuple[float, ...]
    within: float
    between: float
    icc: float


def level_icc(ratings: Sequence[ArrayLike], levels: Sequence[str]) -> LevelVariance:
    """Within- and between-level variance of ratings, and the ICC(1) of the levels.

    Parameters
    ----------
    ratings : sequence of array_like
        One array of ratings per level (NaN = not rated, left out).
    levels : sequence of str
        The level names, in the same order.

    Returns
    -------
    LevelVariance

    Examples
    --------
    >>> v = level_icc([[4, 5, 4, 5], [2, 1, 2, 1]], ["team", "organisation"])
    >>> v.means, round(v.icc, 2)
    ((4.5, 1.5), 0.93)
    >>> round(level_icc([[1, 5, 3], [5, 1, 3]], ["a", "b"]).icc, 2)
    0.0
    """
    groups = [np.asarray(r, dtype=float) for r in ratings]
    groups = [g[np.isfinite(g)] for g in groups]
    n = np.array([g.size for g in groups])
    means = tuple(float(g.mean()) if g.size else math.nan for g in groups)
    used = [g for g in groups if g.size]
    total_n, k = int(n.sum()), len(used)
    if k < 2 or total_n - k < 1:
        return LevelVariance(tuple(levels), tuple(int(v) for v in n), means, math.nan, math.nan, math.nan)
    grand = np.concatenate(used).mean()
    ss_between = sum(g.size * (g.mean() - grand) ** 2 for g in used)
    ss_within = sum(((g - g.mean()) ** 2).sum() for g in used)
    ms_between = ss_between / (k - 1)
    ms_within = ss_within / (total_n - k)
    sizes = np.array([g.size for g in used], dtype=float)
    n0 = (total_n - (sizes**2).sum() / total_n) / (k - 1)
    between = max((ms_between - ms_within) / n0, 0.0)
    denom = between + ms_within
    icc = between / denom if denom > 0 else math.nan
    return LevelVariance(tuple(levels), tuple(int(v) for v in n), means, float(ms_within), float(between),
                         float(icc))
