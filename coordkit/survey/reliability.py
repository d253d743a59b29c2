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
closed form :math:`\lambda_1^2 = r_{12} r_{13} / r_{23}`. Omega *assumes* one common factor; the
kit does not test that assumption (no confirmatory fit: with balanced keying a wording factor is
common), so omega is a reliability under that assumption, not evidence for it.

**Two items.** For a two-item scale the kit reports the **Spearman-Brown** coefficient
:math:`2r/(1 + r)` from the items' correlation :math:`r` (:func:`spearman_brown`), which Eisinga,
te Grotenhuis and Pelzer (2013) recommend over alpha for two items; with two items a single
respondent's score is too unreliable to place that respondent (in a grid-group quadrant, say) with
confidence.

**What reliability is not.** Alpha, omega and Spearman-Brown say how consistently individuals
answer a scale's items. A high value is not evidence that the items measure *one* thing
(unidimensionality needs a factor model and its fit; Johnson and Swedlow 2024 make the point
for cultural-theory scales), nor that *groups* differ reliably: that is ICC(2)
(:func:`coordkit.survey.agreement.icc`).

**Pooled and within groups.** Computed over a whole class, alpha counts the differences *between*
groups (teams, say) as consistency: if the teams differ in their means on every item, the items
covary across the class even when, within each team, they hardly agree. :func:`within_group_alpha`
centres each item on its group's mean first (the pooled within-group covariance), so it says how
consistently respondents answer *about the same target*; a pooled value well above the within-group
one means the pooled value rests on the groups' differences (the methodologist's review, finding 7).

Why not a library? pingouin and factor_analyzer both compute these, but each pulls in
scikit-learn (and pingouin statsmodels too), far heavier than the kit's runtime, for two short
formulas; the functions here are tested against a published worked example and against
population values.

Thresholds (a convention, the kit's choice of it): 0.7 is the usual minimum (after Nunnally
1978); below 0.5 a scale's items are answered too inconsistently to read its score as one number.

**How many answers.** The report gives a verdict only from :data:`MIN_RELIABILITY_N` = 30 complete
answers (the kit's minimum): even then the 95% interval for a four-item scale's alpha is wide
(Feldt's interval around 0.70 is computed in the example below), and a one-factor fit on fewer is
often improper; below 30 it says "not enough answers" rather than a number that looks precise.
Every coefficient comes with a 95% **percentile bootstrap interval** (:func:`alpha_interval`,
:func:`spearman_brown_interval`, :func:`~coordkit.survey.verdicts.omega_interval`; resampling
respondents, seeded, numpy only), and **the verdict word comes from the interval, not from the point
value** (:func:`read_reliability`, the kit's rule): "acceptable" only if the interval's lower end
reaches 0.70, "poor" only if its upper end is below 0.70, and otherwise "inconclusive at this n". At
30 answers the point value of one scale swings, from class to class of the same population, from
"poor" to "good" (the methodologist's review, finding 6), so a word read from the point would
change with sampling noise; a word read from the interval says what the class can and cannot tell.
**Improper solutions.** When the one-factor fit needs a loading of 1 or more (a *Heywood case*:
a negative unique variance), omega is not reported and the report says so (:func:`omega_fit`).

**Levels.** Each respondent rates the same mode for their team, their organisation and their
local system, so the three ratings are *repeated measures* of one person, not independent groups.
:func:`level_decomposition` therefore splits the ratings of respondents who rated every level
two ways (respondent x level, one rating per cell): a part due to the *respondent* (some rate
everything high), a part due to the *level* (every respondent rates, say, the team higher) and
what is left (respondents rate the levels differently from one another, with error). The
**level share** is the level part over the level part plus what is left,
``level / (level + residual)``: the respondent part is *removed*, not kept in the denominator, so
the share reads "of the spread *within* respondents, this share comes from which level is rated".
(Kept in the denominator, a strong respondent part, a halo, would shrink the share and make the
levels look alike exactly when one overall impression is being carried to every level.) The
**respondent share**, ``respondent / (respondent + level + residual)``, is reported beside it:
the part of all the spread that is respondents' general tendency. Mean within-respondent
differences (team minus organisation, organisation minus system) say which way. The class report
decomposes a mode only when at least :data:`MIN_LEVEL_N` respondents rated every level (the kit's
minimum; it says which level lacks ratings otherwise). **The readings are the kit's**. The level
share cannot say that respondents rate the levels alike: half a class rating team 5 / organisation
1 and half the reverse gives a share of 0. Whether levels are rated alike is read from the
*within-respondent* differences instead: the mean absolute difference between neighbouring levels
(with a 95% interval) and the share of respondents who rate every level the same. The kit reads a
mode's levels as rated alike only when every mean absolute difference is at most
:data:`LEVELS_ALIKE_POINTS` (half a scale point, the kit's margin, not a test), which fits the
fractal claim; but alike ratings, and a large respondent share, are also what a *halo* gives (one
overall impression of a way of working carried to every level), so they are not on their own
evidence that each level has the same mix. The residual is respondents differing about the
levels, or noisy ratings: one rating per cell cannot tell which.

Examples
--------
>>> import numpy as np
>>> x = np.array([[3, 2, 4], [4, 5, 4], [3, 2, 3], [4, 5, 5],
...      [1, 2, 3], [3, 4, 5], [4, 4, 5], [5, 5, 5]], dtype=float)
>>> round(cronbach_alpha(x), 3), round(mcdonald_omega(x), 3)
(0.886, 0.903)

How wide alpha's 95% interval still is at the kit's minimum of 30 answers, for a four-item scale
with alpha 0.70:

>>> lo, hi = feldt_interval(0.70, MIN_RELIABILITY_N, 4)
>>> round(lo, 2), round(hi, 2), round(hi - lo, 2)
(0.48, 0.84, 0.37)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "LEVELS_ALIKE_POINTS",
    "MIN_LEVEL_N",
    "MIN_RELIABILITY_N",
    "RELIABILITY_POOR",
    "RELIABILITY_THRESHOLD",
    "LevelVariance",
    "OmegaFit",
    "alpha_interval",
    "cronbach_alpha",
    "feldt_interval",
    "level_decomposition",
    "mcdonald_omega",
    "omega_fit",
    "one_factor_loadings",
    "read_reliability",
    "spearman_brown",
    "spearman_brown_interval",
    "within_group_alpha",
]

#: Fewest complete respondents for which the report gives a reliability verdict (the kit's choice;
#: below it the 95% interval for alpha is too wide to tell acceptable from poor; even at 30 a
#: four-item scale's interval around 0.70 is about 0.37 wide: :func:`feldt_interval`).
MIN_RELIABILITY_N = 30
#: The usual minimum reliability of a scale (after Nunnally 1978).
RELIABILITY_THRESHOLD = 0.7
#: Below this, a scale's items are answered too inconsistently to read its score as one number
#: (the kit's reading).
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


def _paf(r: NDArray[np.float64], iterations: int, tol: float) -> tuple[NDArray[np.float64], bool]:
    """Iterated principal-axis loadings and whether a communality reached 1 (a Heywood case)."""
    k = r.shape[0]
    try:
        h = 1 - 1 / np.diag(np.linalg.inv(r))  # squared multiple correlations
    except np.linalg.LinAlgError:
        h = np.abs(r - np.eye(k)).max(axis=0)
    h = np.clip(h, 0, 1)
    lam = np.sqrt(h)
    heywood = False
    for _ in range(iterations):
        reduced = r.copy()
        np.fill_diagonal(reduced, h)
        values, vectors = np.linalg.eigh(reduced)
        lam = vectors[:, -1] * math.sqrt(max(values[-1], 0.0))
        heywood = bool(np.any(lam**2 >= 0.999**2))
        new_h = np.clip(lam**2, 0, 0.999**2)
        if np.max(np.abs(new_h - h)) < tol:
            break
        h = new_h
    lam = np.sign(lam.sum() or 1.0) * lam
    return lam, heywood


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
        capped at 0.999; :func:`omega_fit` says when that happened).

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
    lam, _ = _paf(r, iterations, tol)
    return np.clip(lam, -0.999, 0.999)


@dataclass(frozen=True)
class OmegaFit:
    """McDonald's omega with the one-factor solution behind it.

    Attributes
    ----------
    omega : float
        NaN when not estimable or when the solution is improper.
    loadings : tuple of float
    heywood : bool
        True when a loading reached 1 (a negative unique variance): an improper solution, so
        omega is not reported.
    """

    omega: float
    loadings: tuple[float, ...]
    heywood: bool


def omega_fit(data: ArrayLike) -> OmegaFit:
    """Fit one common factor to a scale and give omega, or say that the solution is improper.

    Examples
    --------
    >>> good = [[3, 2, 4], [4, 5, 4], [3, 2, 3], [4, 5, 5],
    ...      [1, 2, 3], [3, 4, 5], [4, 4, 5], [5, 5, 5]]
    >>> f = omega_fit(good)
    >>> round(f.omega, 3), f.heywood
    (0.903, False)
    >>> omega_fit([[1, 2, 1], [2, 2, 3], [3, 3, 3], [4, 5, 4], [5, 4, 5]]).heywood  # r12 r13 / r23 > 1
    True
    """
    x = _complete(data)
    if x.shape[1] < 3 or x.shape[0] < 3 or np.any(x.std(axis=0, ddof=1) == 0):
        return OmegaFit(math.nan, (), False)
    lam, heywood = _paf(np.atleast_2d(np.corrcoef(x, rowvar=False)), 500, 1e-10)
    lam = np.clip(lam, -0.999, 0.999)
    common = lam.sum() ** 2
    omega = math.nan if heywood else float(common / (common + (1 - lam**2).sum()))
    return OmegaFit(omega, tuple(float(v) for v in lam), heywood)


def mcdonald_omega(data: ArrayLike) -> float:
    """McDonald's omega (total) of a scale, from a one-factor fit to the item correlations.

    Parameters
    ----------
    data : array_like, shape (respondents, items)
        Item scores (reverse-keyed items already reversed), at least 3 items; NaN rows left out.

    Returns
    -------
    float
        NaN with fewer than 3 items, fewer than 3 complete respondents, an item that does not
        vary, or an improper (Heywood) solution.

    Examples
    --------
    >>> good = [[3, 2, 4], [4, 5, 4], [3, 2, 3], [4, 5, 5],
    ...      [1, 2, 3], [3, 4, 5], [4, 4, 5], [5, 5, 5]]
    >>> round(mcdonald_omega(good), 3)
    0.903
    """
    return omega_fit(data).omega


def alpha_interval(data: ArrayLike, *, level: float = 0.95, resamples: int = 2000,
                   seed: int = 0) -> tuple[float, float]:
    """A percentile bootstrap interval for Cronbach's alpha (respondents resampled, seeded).

    Parameters
    ----------
    data : array_like, shape (respondents, items)
    level : float, default 0.95
    resamples : int, default 2000
    seed : int, default 0
        The same seed gives the same interval.

    Returns
    -------
    (float, float)
        NaN, NaN with fewer than 3 complete respondents.

    Examples
    --------
    >>> x = [[1, 2, 2], [2, 2, 3], [3, 4, 3], [4, 4, 5], [5, 4, 5], [2, 1, 2], [4, 5, 4]]
    >>> lo, hi = alpha_interval(x)
    >>> lo < cronbach_alpha(x) < hi
    True
    """
    x = _complete(data)
    k, n = x.shape[1], x.shape[0]
    if n < 3:
        return math.nan, math.nan
    x = x - x.mean(axis=0)  # variances do not move with a shift; centred sums cancel less
    t = x.sum(axis=1)
    sums = _resampled_sums(np.column_stack([x, x**2, t, t**2]), resamples, seed)
    s1, s2, t1, t2 = sums[:, :k], sums[:, k:2 * k], sums[:, 2 * k], sums[:, 2 * k + 1]
    items = ((s2 - s1**2 / n) / (n - 1)).sum(axis=1)
    total = (t2 - t1**2 / n) / (n - 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return _percentile_interval(k / (k - 1) * (1 - items / total), level)


def _resampled_sums(columns: NDArray[np.float64], resamples: int, seed: int) -> NDArray[np.float64]:
    """Per bootstrap resample of the rows, the sums of ``columns`` (resamples x columns).

    Each resample is summarised by how often it drew each respondent, so any statistic built from
    sums of per-respondent values comes from ``counts @ columns`` instead of a (resamples, n, k)
    copy of the data: the same resamples, without gigabytes of temporaries on a large class
    (5,000 respondents: 2000 x 5000 x k values per scale). The counts are
    :func:`_resample_counts`, kept between calls: every scale of a class draws the same resamples.
    """
    sums = np.empty((resamples, columns.shape[1]))
    for first, counts in _resample_counts(columns.shape[0], resamples, seed):
        sums[first:first + len(counts)] = counts @ columns
    return sums


#: Most counts (resamples x respondents) :func:`_resample_counts` keeps between calls: 20 MB as
#: 16-bit counts, a class of 5,000 at 2000 resamples; a larger class draws its counts on each call.
_KEPT_COUNTS = 10_000_000


def _resample_counts(n: int, resamples: int, seed: int) -> tuple[tuple[int, NDArray[Any]], ...]:
    """How often each bootstrap resample of ``n`` rows draws each row, in blocks: (first, counts).

    Blocks of resamples keep memory bounded; the draws are the ones a single (resamples, n) draw
    with the same seed would make. Drawing them is most of a bootstrap's cost (5,000 respondents:
    0.13 s of 0.2 s a scale), and every scale of a class with the same respondents draws the same
    ones (same n, resamples and seed), so the last set is kept (:data:`_KEPT_COUNTS`), read-only.
    """
    key = (n, resamples, seed)
    if _last_counts and _last_counts[0] == key:
        return _last_counts[1]
    rng = np.random.default_rng(seed)
    blocks = []
    block = max(1, 2_000_000 // max(n, 1))
    small = np.uint16 if n < 2**16 else np.int64  # a count is at most n: exact either way
    for first in range(0, resamples, block):
        rows = min(block, resamples - first)
        idx = rng.integers(0, n, size=(rows, n))
        idx += np.arange(rows)[:, None] * n  # one bin per (resample, respondent)
        counts = np.bincount(idx.ravel(), minlength=rows * n).reshape(rows, n).astype(small)
        counts.flags.writeable = False
        blocks.append((first, counts))
    kept = tuple(blocks)
    if n * resamples <= _KEPT_COUNTS:
        _last_counts[:] = [key, kept]
    return kept


_last_counts: list[Any] = []  # [key, blocks] of the counts kept (see _resample_counts)


def _percentile_interval(values: NDArray[np.float64], level: float) -> tuple[float, float]:
    """The percentile interval of the finite bootstrap values; NaN, NaN when none is finite."""
    values = values[np.isfinite(values)]
    if not values.size:
        return math.nan, math.nan
    tail = (1 - level) / 2 * 100
    lo, hi = np.percentile(values, [tail, 100 - tail])
    return float(lo), float(hi)


def spearman_brown(data: ArrayLike) -> float:
    """The Spearman-Brown reliability of a two-item scale, ``2r / (1 + r)`` (Eisinga et al. 2013).

    Parameters
    ----------
    data : array_like, shape (respondents, 2)
        Item scores (a reverse-keyed item already reversed); NaN rows are left out.

    Returns
    -------
    float
        NaN with fewer than 3 complete respondents or an item that does not vary.

    Raises
    ------
    ValueError
        If the scale does not have exactly two items.

    Examples
    --------
    Two items correlating 0.8 give 2(0.8) / 1.8:

    >>> x = [[1, 2], [2, 1], [3, 3], [4, 5], [5, 4]]
    >>> round(float(np.corrcoef(x, rowvar=False)[0, 1]), 3), round(spearman_brown(x), 3)
    (0.8, 0.889)
    >>> spearman_brown([[3, 3], [3, 4], [3, 5]])  # the first item does not vary
    nan
    """
    x = _complete(data)
    if x.shape[1] != 2:
        raise ValueError(f"Spearman-Brown is for two-item scales, got {x.shape[1]} items")
    if x.shape[0] < 3 or np.any(x.std(axis=0, ddof=1) == 0):
        return math.nan
    r = float(np.atleast_2d(np.corrcoef(x, rowvar=False))[0, 1])
    return 2 * r / (1 + r)


def spearman_brown_interval(data: ArrayLike, *, level: float = 0.95, resamples: int = 2000,
                            seed: int = 0) -> tuple[float, float]:
    """A percentile bootstrap interval for the Spearman-Brown coefficient (respondents resampled, seeded).

    Examples
    --------
    >>> x = [[1, 2], [2, 2], [3, 4], [4, 4], [5, 4], [2, 1], [4, 5], [3, 3]]
    >>> lo, hi = spearman_brown_interval(x)
    >>> lo < spearman_brown(x) < hi
    True
    """
    x = _complete(data)
    if x.shape[1] != 2:
        raise ValueError(f"Spearman-Brown is for two-item scales, got {x.shape[1]} items")

    n = x.shape[0]
    if n < 3:
        return math.nan, math.nan
    x = x - x.mean(axis=0)
    a, b = x[:, 0], x[:, 1]
    sa, sb, saa, sbb, sab = _resampled_sums(np.column_stack([a, b, a * a, b * b, a * b]),
                                            resamples, seed).T
    with np.errstate(invalid="ignore", divide="ignore"):
        r = (sab - sa * sb / n) / np.sqrt((saa - sa**2 / n) * (sbb - sb**2 / n))
        return _percentile_interval(2 * r / (1 + r), level)


def feldt_interval(alpha: float, n: int, k: int, *, level: float = 0.95) -> tuple[float, float]:
    """Feldt's (1965) interval for Cronbach's alpha: what ``n`` respondents and ``k`` items allow.

    ``1 - (1 - alpha) * F`` at the two tail quantiles of the F distribution with ``n - 1`` and
    ``(n - 1)(k - 1)`` degrees of freedom (normal-theory; the report's own interval is the
    bootstrap, :func:`alpha_interval`, which this approximates for well-behaved data). Used to say
    how wide an interval the kit's minimum n leaves.

    Parameters
    ----------
    alpha : float
        The alpha the interval is around.
    n, k : int
        Respondents (at least 2) and items (at least 2).
    level : float, default 0.95

    Returns
    -------
    (float, float)

    Examples
    --------
    At the kit's minimum of 30 respondents, a four-item scale with alpha 0.70 is known only to
    within an interval about 0.37 wide, from "questionable" to "good":

    >>> lo, hi = feldt_interval(0.70, MIN_RELIABILITY_N, 4)
    >>> round(lo, 2), round(hi, 2), round(hi - lo, 2)
    (0.48, 0.84, 0.37)
    """
    from scipy.stats import f  # scipy is a dependency; imported here to keep import time low

    if n < 2 or k < 2:
        raise ValueError("Feldt's interval needs at least 2 respondents and 2 items")
    df1, df2 = n - 1, (n - 1) * (k - 1)
    tail = (1 - level) / 2
    return (float(1 - (1 - alpha) * f.ppf(1 - tail, df1, df2)),
            float(1 - (1 - alpha) * f.ppf(tail, df1, df2)))


def read_reliability(value: float, interval: tuple[float, float] = (math.nan, math.nan), *,
                     n: int | None = None, min_n: int = MIN_RELIABILITY_N, coefficient: str = "") -> str:
    """A plain reading of a reliability coefficient, its verdict word taken from its 95% interval.

    The kit's rule: **acceptable** only if the interval's lower end is at least
    :data:`RELIABILITY_THRESHOLD` (0.70), **poor** only if its upper end is below it, and otherwise
    **inconclusive at this n** (the interval spans 0.70: these answers cannot tell an acceptable
    scale from a poor one). The ends are compared as printed, to two decimals, so the word never
    contradicts the numbers beside it. A poor scale whose upper end is below
    :data:`RELIABILITY_POOR` is not to be read as one number at all. Below ``min_n`` complete answers
    there is no verdict, only "not enough answers"; without an interval, no verdict either. The
    reading is of consistency only: it does not say that the items measure one thing, nor that
    groups can be compared (see the module's notes).

    Parameters
    ----------
    value : float
        The coefficient (printed, never the source of the word).
    interval : (float, float), optional
        Its 95% interval.
    n : int, optional
        Complete answers.
    min_n : int, default :data:`MIN_RELIABILITY_N`
    coefficient : str, optional
        The coefficient's name (``"omega"``, ``"alpha"``, ``"Spearman-Brown"``), printed with it.

    Examples
    --------
    >>> print(read_reliability(0.82, (0.74, 0.89), coefficient="omega"))
    acceptable: the 95% interval's low end reaches the usual 0.7 (omega 0.82, 95% interval 0.74 to 0.89)
    >>> read_reliability(0.81, (0.63, 0.88), n=30).split(":")[0]
    'inconclusive at this n'
    >>> read_reliability(0.40, (0.10, 0.62)).startswith("WARNING, poor")
    True
    >>> read_reliability(0.9, (0.8, 0.95), n=12)
    'not enough answers: 12 complete, a verdict needs at least 30'
    """
    if n is not None and n < min_n:
        return f"not enough answers: {n} complete, a verdict needs at least {min_n}"
    if not math.isfinite(value):
        return "not computed: an item nobody varied on, or an improper solution"
    name = f"{coefficient} " if coefficient else ""
    count = f", n = {n}" if n is not None else ""
    lo, hi = interval
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return f"no verdict: no interval could be estimated ({name}{value:.2f}{count})"
    lo, hi = round(lo, 2), round(hi, 2)  # as printed
    if lo >= RELIABILITY_THRESHOLD:
        text = f"acceptable: the 95% interval's low end reaches the usual {RELIABILITY_THRESHOLD}"
    elif hi < RELIABILITY_POOR:
        text = (f"WARNING, poor: the 95% interval's high end is below {RELIABILITY_POOR}; the items are "
                "answered inconsistently here, so do not read the scale's score as one number")
    elif hi < RELIABILITY_THRESHOLD:
        text = (f"WARNING, poor: the 95% interval's high end is below the usual {RELIABILITY_THRESHOLD}; the "
                "items agree only loosely, so read the scale's score as a rough indication")
    else:
        text = (f"inconclusive at this n: the 95% interval spans the usual {RELIABILITY_THRESHOLD}, so these "
                "answers cannot tell an acceptable scale from a poor one")
    return f"{text} ({name}{value:.2f}, 95% interval {lo:.2f} to {hi:.2f}){count}"


def within_group_alpha(data: ArrayLike, groups: ArrayLike) -> float:
    """Cronbach's alpha within groups: each item centred on its group's mean (pooled within-group covariance).

    Pooled over a class, alpha counts differences between groups' means as consistency; centred
    on the group means it counts only how consistently members of the same group answer. A
    group of one has no within-group spread and adds nothing.

    Parameters
    ----------
    data : array_like, shape (respondents, items)
        Item scores (reverse-keyed items already reversed); rows with a NaN are left out.
    groups : array_like, shape (respondents,)
        Each respondent's group.

    Returns
    -------
    float
        NaN when fewer than 2 respondents share a group or nothing varies within groups.

    Examples
    --------
    Two teams far apart on every item, with items unrelated within each team: pooled alpha is
    high only because the teams differ.

    >>> within = [[1, 1, 1], [1, 2, 2], [2, 1, 2], [2, 2, 1]]  # uncorrelated items
    >>> x = np.array(within + [[v + 2 for v in row] for row in within], dtype=float)
    >>> teams = ["a"] * 4 + ["b"] * 4
    >>> round(cronbach_alpha(x), 2), round(within_group_alpha(x, teams), 2)
    (0.92, 0.0)
    """
    x = np.asarray(data, dtype=float)
    g = np.asarray(groups, dtype=object)
    if x.ndim != 2 or g.shape != (x.shape[0],):
        raise ValueError(f"groups must give one group per row of data; got {g.shape} for {x.shape}")
    ok = np.all(np.isfinite(x), axis=1)
    x, g = x[ok], g[ok]
    centred = x.copy()
    shared = 0
    for label in dict.fromkeys(g.tolist()):
        member = g == label
        centred[member] -= x[member].mean(axis=0)  # a group of one becomes a row of zeros: it adds nothing
        shared += int(member.sum()) if member.sum() > 1 else 0
    # alpha is a ratio of variances, so the common divisor (n - 1 or n - groups) cancels
    return cronbach_alpha(centred) if shared >= 2 else math.nan


#: Fewest respondents who rated every level before the class report decomposes a mode's ratings
#: (the kit's minimum: with 3 levels, 10 respondents leave 18 residual degrees of freedom; fewer
#: and the variance components swing from class to class).
MIN_LEVEL_N = 10
#: Largest mean absolute within-respondent difference between neighbouring levels (scale points,
#: 1-5) at which the kit reads a mode's levels as rated alike: half a point, less than the one-point
#: step between two answers on the form (the kit's margin, not a test).
LEVELS_ALIKE_POINTS = 0.5


@dataclass(frozen=True)
class LevelVariance:
    """How ratings of one mode vary between respondents and between the levels they rate.

    Attributes
    ----------
    levels : tuple of str
    n : int
        Respondents who rated every level (the only ones used).
    means : tuple of float
        Mean rating per level (1-5), over those respondents.
    respondent, level, residual : float
        Variance components (0 if the estimate is negative): respondents' general tendency, the
        level rated, and respondent-by-level disagreement (with error).
    level_share : float
        ``level / (level + residual)``: the share of the spread *within* respondents that comes
        from the level rated, the respondent part removed (0 when nothing varies within
        respondents); NaN if not estimable.
    respondent_share : float
        ``respondent / (respondent + level + residual)``: the share of all the spread that is
        respondents' general tendency (what a halo, or real differences between their
        organisations, gives); NaN if not estimable.
    differences : tuple of (str, float, float)
        For each neighbouring pair of levels, ``("team - organisation", mean, sd)`` of the
        within-respondent difference.
    rated : tuple of int
        Respondents who rated each level (before those who skipped any level are left out).
    min_n : int
        Fewest respondents rating every level for the components to be estimated.
    absolute_differences : tuple of (str, float, float, float)
        For each neighbouring pair of levels, ``("team - organisation", mean, low, high)`` of the
        within-respondent *absolute* difference (scale points) with a 95% interval (normal
        approximation, mean +- 1.96 standard errors).
    same_share : float
        Share of respondents who rate every level the same; NaN if nobody rated every level.
    within_one_share : float
        Share of respondents whose ratings of the levels lie within one point of each other.
    """

    levels: tuple[str, ...]
    n: int
    means: tuple[float, ...]
    respondent: float
    level: float
    residual: float
    level_share: float
    differences: tuple[tuple[str, float, float], ...]
    rated: tuple[int, ...] = ()
    min_n: int = 2
    respondent_share: float = math.nan
    absolute_differences: tuple[tuple[str, float, float, float], ...] = ()
    same_share: float = math.nan
    within_one_share: float = math.nan

    @property
    def alike(self) -> bool:
        """Whether the kit reads the levels as rated alike (False when not estimated).

        Every mean absolute within-respondent difference must be at most :data:`LEVELS_ALIKE_POINTS`.
        """
        if self.n < self.min_n or not self.absolute_differences:
            return False
        return all(mean <= LEVELS_ALIKE_POINTS for _, mean, _, _ in self.absolute_differences)

    def reading(self) -> str:
        """How far respondents rate the levels apart, the level and respondent shares, the kit's reading.

        Examples
        --------
        >>> print(level_decomposition([[4, 2], [5, 3], [3, 1]], ["team", "organisation"]).reading())
        Within respondents, 100% of the spread comes from which level is rated (team - organisation:
        +2.00 on average); the rest is respondents differing about the levels, or noisy ratings (one
        rating per cell cannot tell which). Between respondents, 33% of all the spread is each
        respondent's own tendency to rate high or low. Each respondent's levels lie on average 2.00
        points apart (team - organisation, interval 2.00 to 2.00); 0% rate every level the same. The
        kit's reading: respondents do not rate the levels alike (a mean difference
        over 0.5 point, the kit's margin), whatever the level share.
        """
        if self.n < self.min_n:
            short = [f"{level} {count}" for level, count in zip(self.levels, self.rated, strict=False)
                     if count < self.min_n]
            where = f" (rated by: {', '.join(short)})" if short else ""
            return (f"Not estimated: {self.n} respondents rated every level, fewer than the kit's minimum of "
                    f"{self.min_n}{where}.")
        if not math.isfinite(self.level_share):
            return "Not estimable: the ratings do not vary."
        apart = "; ".join(f"{mean:.2f} points apart ({name}, interval {lo:.2f} to {hi:.2f})"
                          for name, mean, lo, hi in self.absolute_differences)
        diffs = "; ".join(f"{name}: {mean:+.2f} on average" for name, mean, _ in self.differences)
        text = (f"Within respondents, {round(100 * self.level_share)}% of the spread comes from which level "
                f"is rated ({diffs}); the rest is respondents differing about the levels, or noisy ratings "
                f"(one rating per cell cannot tell which). Between respondents, "
                f"{round(100 * self.respondent_share)}% of all the spread is each respondent's own tendency "
                f"to rate high or low. Each respondent's levels lie on average {apart}; "
                f"{round(100 * self.same_share)}% rate every level the same.")
        if self.alike:
            text += (f" The kit's reading: levels rated alike (each mean difference at most "
                     f"{LEVELS_ALIKE_POINTS} point, the kit's margin) fit the fractal claim, but a halo (one "
                     "overall impression carried to every level) would look the same.")
        else:
            text += (f" The kit's reading: respondents do not rate the levels alike (a mean difference over "
                     f"{LEVELS_ALIKE_POINTS} point, the kit's margin), whatever the level share.")
            if self.level_share < 0.5:
                text += (" The small level share says only that the class differs in no common direction "
                         "between levels; it shows neither levels rated alike nor a halo (one overall "
                         "impression carried to every level).")
        if self.respondent_share >= 0.5:
            text += (" The kit's reading: most of the spread is between respondents, which a halo gives as "
                     "well as real differences between the organisations they describe.")
        return text


def level_decomposition(ratings: ArrayLike, levels: Sequence[str], *, min_n: int = 2) -> LevelVariance:
    """Respondent x level decomposition of one mode's ratings (two-way, one rating per cell).

    Parameters
    ----------
    ratings : array_like, shape (respondents, levels)
        Each respondent's rating of each level (NaN = not rated; such respondents are left out).
    levels : sequence of str
        The level names, in column order.
    min_n : int, default 2
        Fewest respondents rating every level for the components to be estimated (2 is the
        arithmetic minimum; the class report asks for :data:`MIN_LEVEL_N`).

    Returns
    -------
    LevelVariance

    Examples
    --------
    >>> v = level_decomposition([[5, 4, 2], [4, 3, 1], [3, 2, 1], [5, 5, 3]],
    ...                         ["team", "organisation", "system"])
    >>> v.n, v.means, round(v.level_share, 2), round(v.respondent_share, 2)
    (4, (4.25, 3.5, 1.75), 0.92, 0.37)
    >>> level_decomposition([[1, 1], [3, 3], [5, 5]], ["a", "b"]).level_share
    0.0
    >>> few = level_decomposition([[4, 2], [5, 3], [3, float("nan")]], ["team", "system"], min_n=10)
    >>> few.rated, few.reading().split(",")[0]
    ((3, 2), 'Not estimated: 2 respondents rated every level')
    """
    x = np.asarray(ratings, dtype=float)
    if x.ndim != 2 or x.shape[1] != len(levels):
        raise ValueError(f"ratings: expected shape (respondents, {len(levels)}), got {x.shape}")
    rated = tuple(int(c) for c in np.isfinite(x).sum(axis=0))
    x = x[np.all(np.isfinite(x), axis=1)]
    n, k = x.shape
    means = tuple(float(v) for v in x.mean(axis=0)) if n else tuple(math.nan for _ in levels)
    diffs, absolute = [], []
    for a in range(k - 1):
        d = x[:, a] - x[:, a + 1]
        name = f"{levels[a]} - {levels[a + 1]}"
        diffs.append((name, float(d.mean()) if n else math.nan, float(d.std(ddof=1)) if n > 1 else math.nan))
        m = float(np.abs(d).mean()) if n else math.nan
        half = 1.96 * float(np.abs(d).std(ddof=1)) / math.sqrt(n) if n > 1 else math.nan
        absolute.append((name, m, m - half, m + half))
    spread = x.max(axis=1) - x.min(axis=1) if n else np.empty(0)
    same = float(np.mean(spread == 0)) if n else math.nan
    within_one = float(np.mean(spread <= 1)) if n else math.nan
    if n < max(min_n, 2) or k < 2:
        return LevelVariance(tuple(levels), n, means, math.nan, math.nan, math.nan, math.nan, tuple(diffs),
                             rated, min_n, math.nan, tuple(absolute), same, within_one)
    grand = x.mean()
    ss_resp = k * ((x.mean(axis=1) - grand) ** 2).sum()
    ss_level = n * ((x.mean(axis=0) - grand) ** 2).sum()
    ss_res = ((x - grand) ** 2).sum() - ss_resp - ss_level
    ms_resp, ms_level = ss_resp / (n - 1), ss_level / (k - 1)
    ms_res = ss_res / ((n - 1) * (k - 1))
    v_resp = max((ms_resp - ms_res) / k, 0.0)
    v_level = max((ms_level - ms_res) / n, 0.0)
    total = v_resp + v_level + ms_res
    within = v_level + ms_res
    if total <= 0:
        share = respondent_share = math.nan
    else:  # nothing varies within respondents: no part of it comes from the level
        share, respondent_share = (v_level / within if within > 0 else 0.0), v_resp / total
    return LevelVariance(tuple(levels), n, means, float(v_resp), float(v_level), float(ms_res), float(share),
                         tuple(diffs), rated, min_n, float(respondent_share),
                         tuple(absolute), same, within_one)
