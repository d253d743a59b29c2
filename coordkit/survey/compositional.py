r"""Compositional statistics for divide-100 answers: log-ratios, distances, means and variances.

Why log-ratios? (ipsative data)
-------------------------------
Divide-100 answers are *ipsative*: each row is forced to sum to 100, so the four scores are not free
to vary. Giving one mode more points takes them from the others, which builds negative
correlations into the data whatever people think (the "closure" problem that Pearson noticed in
1897 and Aitchison formalised in 1986); the covariance matrix is singular; and a mean plus or minus
two standard deviations can stray below 0. Statistics made for unconstrained numbers -- correlations,
t-tests, regressions, distances -- are therefore biased on raw shares. The fix is to analyse
*log-ratios*, which carry exactly the information in a composition (how the parts compare) and
live in ordinary unconstrained space. The **centred log-ratio** is

.. math::

    \operatorname{clr}(x)_i = \ln x_i - \frac{1}{D}\sum_{j=1}^{D} \ln x_j ,

the log of each part over the geometric mean of all parts (its components sum to zero).
Euclidean distance between clr vectors is the Aitchison distance; the mean of clr vectors, mapped
back, is the *compositional* (closed geometric) mean; and the sum of clr variances is the total
variance of a group. Logs need positive parts, so zeros (a mode given no points anywhere) are first
replaced by a small amount ``delta`` taken multiplicatively from the other parts (Martín-Fernández,
Barceló-Vidal and Pawlowsky-Glahn 2003); ``delta`` is a parameter, and results near zero depend on
it. Correlations of clr values carry a constraint of their own (each row sums to zero), so the
association between two modes is best read from the variance of their log-ratio
(:func:`variation_matrix`). See :func:`clr`, :func:`clr_inverse`, :func:`aitchison_distance`,
:func:`compositional_mean`, :func:`total_variance` and :func:`variation_matrix`. This is a
teaching instrument, not a validated measure.

Sources: J. Aitchison, *The Statistical Analysis of Compositional Data* (Chapman and Hall, 1986);
Martín-Fernández, Barceló-Vidal and Pawlowsky-Glahn (2003), *Mathematical Geology* 35(3), 253-278.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from coordkit.survey.instrument import SurveyError

__all__ = [
    "TOTAL",
    "aitchison_distance",
    "clr",
    "clr_inverse",
    "compositional_mean",
    "replace_zeros",
    "total_variance",
    "variation_matrix",
]

#: Points each dimension shares out.
TOTAL = 100.0


def replace_zeros(x: ArrayLike, *, delta: float = 0.5, total: float = TOTAL) -> NDArray[np.float64]:
    """Multiplicative zero replacement: zeros become ``delta``, taken proportionally from the other parts.

    Parameters
    ----------
    x : array_like, shape (..., parts)
        Non-negative compositions; each row is first closed to ``total``.
    delta : float, default 0.5
        Value given to a zero part, in the units of ``total`` (half a point out of 100).
    total : float, default 100

    Returns
    -------
    ndarray
        Same shape, every part positive, each row summing to ``total``.

    Examples
    --------
    >>> replace_zeros([50, 50, 0, 0]).tolist()
    [49.5, 49.5, 0.5, 0.5]
    """
    a = np.asarray(x, dtype=float)
    if np.any(~np.isfinite(a)) or np.any(a < 0):
        raise SurveyError("compositions must be finite and non-negative")
    sums = a.sum(axis=-1, keepdims=True)
    if np.any(sums <= 0):
        raise SurveyError("a composition with every part zero has no log-ratios")
    if not 0 < delta < total:
        raise SurveyError(f"delta must be between 0 and {total:g}, got {delta!r}")
    closed = a / sums * total
    zeros = closed == 0
    if np.any(zeros.sum(axis=-1) * delta >= total):
        raise SurveyError("delta is too large for the number of zero parts")
    taken = zeros.sum(axis=-1, keepdims=True) * delta
    return np.where(zeros, delta, closed * (1.0 - taken / total))


def clr(x: ArrayLike, *, delta: float = 0.5) -> NDArray[np.float64]:
    """Centred log-ratio transform of compositions (zeros replaced first, see :func:`replace_zeros`).

    Parameters
    ----------
    x : array_like, shape (..., parts)
        Compositions such as mode scores (any positive total).
    delta : float, default 0.5
        Zero replacement, in points out of 100.

    Returns
    -------
    ndarray
        Same shape; each row sums to 0.

    Examples
    --------
    >>> z = clr([40, 30, 10, 20])
    >>> z.round(3).tolist(), abs(round(float(z.sum()), 12))
    ([0.592, 0.304, -0.795, -0.101], 0.0)
    >>> clr([25, 25, 25, 25]).tolist()
    [0.0, 0.0, 0.0, 0.0]
    """
    logs = np.log(replace_zeros(x, delta=delta))
    return logs - logs.mean(axis=-1, keepdims=True)


def clr_inverse(z: ArrayLike, *, total: float = TOTAL) -> NDArray[np.float64]:
    """Back from clr coordinates to a composition summing to ``total``.

    Examples
    --------
    >>> clr_inverse(clr([40, 30, 10, 20])).round(6).tolist()
    [40.0, 30.0, 10.0, 20.0]
    """
    a = np.asarray(z, dtype=float)
    e = np.exp(a - a.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True) * total


def aitchison_distance(a: ArrayLike, b: ArrayLike, *, delta: float = 0.5) -> float | NDArray[np.float64]:
    """Aitchison distance between compositions: the Euclidean distance between their clr vectors.

    Examples
    --------
    >>> round(aitchison_distance([40, 30, 10, 20], [40, 30, 10, 20]), 6)
    0.0
    >>> far = aitchison_distance([50, 50, 1, 1], [1, 1, 50, 50])
    >>> far > aitchison_distance([50, 50, 1, 1], [25, 25, 25, 25])
    True
    """
    d = np.linalg.norm(clr(a, delta=delta) - clr(b, delta=delta), axis=-1)
    return float(d) if np.ndim(d) == 0 else d


def compositional_mean(x: ArrayLike, *, delta: float = 0.5) -> NDArray[np.float64]:
    """The compositional centre of rows: the closed geometric mean (mean in clr space, mapped back).

    Parameters
    ----------
    x : array_like, shape (n, parts)

    Returns
    -------
    ndarray, shape (parts,), summing to 100

    Examples
    --------
    >>> compositional_mean([[40, 40, 10, 10], [10, 40, 40, 10]]).round(1).tolist()
    [22.2, 44.4, 22.2, 11.1]
    """
    return clr_inverse(clr(x, delta=delta).mean(axis=0))


def total_variance(x: ArrayLike, *, delta: float = 0.5) -> float:
    """Total variance of compositions: the summed variances of their clr coordinates (0 if all agree).

    Examples
    --------
    >>> total_variance([[40, 30, 10, 20]] * 3)
    0.0
    >>> total_variance([[40, 30, 10, 20], [20, 30, 40, 10]]) > 0
    True
    """
    z = clr(x, delta=delta)
    if z.shape[0] < 2:
        return 0.0
    return float(z.var(axis=0, ddof=1).sum())


def variation_matrix(x: ArrayLike, *, delta: float = 0.5) -> NDArray[np.float64]:
    r"""Aitchison's variation matrix: the variance of the log-ratio of every pair of parts.

    .. math:: T_{ij} = \operatorname{var}\bigl(\ln (x_i / x_j)\bigr)

    The compositional stand-in for a correlation matrix: :math:`T_{ij}` near 0 means parts *i* and
    *j* rise and fall in proportion; large values mean they vary independently or against each
    other. Unlike correlations of raw shares it is not biased by the sum to 100, and it does not
    change if other parts are dropped. Total variance is ``T.sum() / (2 * parts)``.

    Parameters
    ----------
    x : array_like, shape (n, parts)
    delta : float, default 0.5
        Zero replacement (see :func:`replace_zeros`).

    Returns
    -------
    ndarray, shape (parts, parts)
        Symmetric, zero on the diagonal (sample variances, ddof 1).

    Examples
    --------
    >>> rows = [[40, 20, 20, 20], [20, 10, 35, 35], [30, 15, 25, 30]]
    >>> t = variation_matrix(rows)
    >>> round(float(t[0, 1]), 6), bool(t[0, 2] > 0)  # H and S move in proportion
    (0.0, True)
    >>> bool(np.isclose(t.sum() / (2 * 4), total_variance(rows)))
    True
    """
    logs = np.log(replace_zeros(x, delta=delta))
    if logs.shape[0] < 2:
        return np.zeros((logs.shape[1], logs.shape[1]))
    ratios = logs[:, :, None] - logs[:, None, :]
    return ratios.var(axis=0, ddof=1)
