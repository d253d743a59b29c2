r"""The divide-100 block of one respondent: totals, complete dimensions, mode scores, congruence.

A dimension's points are first rescaled to sum to exactly 100 (absorbing rounding within the
tolerance the reader allows). A mode's **score** is its mean over the dimensions, so the four
scores also sum to 100 (the OCAI convention). The **gap** is preferred minus now, mode by mode (in
points; :class:`~coordkit.survey.scoring.RespondentResult`). **Congruence** asks whether the six
dimensions tell the same story (1 when every dimension has the same mix). These answers are
ipsative: they say how the modes compare, not how strong any one is (strength comes from the
strength block, :func:`~coordkit.survey.likert.strength_ratings`).

Format after Cameron and Quinn's OCAI (https://ocai.dk/ocai; none of its statements used). This is
a teaching instrument, not a validated measure.

Examples
--------
>>> mode_scores([[40, 30, 10, 20]] * 6).tolist()
[40.0, 30.0, 10.0, 20.0]
>>> congruence([[40, 30, 10, 20]] * 6)
1.0
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from coordkit.modes import ALL_MODES
from coordkit.survey.compositional import TOTAL
from coordkit.survey.instrument import SurveyError

__all__ = [
    "DEFAULT_TOLERANCE",
    "complete_dimensions",
    "congruence",
    "dimension_distances",
    "dimension_totals",
    "dominant_agreement",
    "mode_scores",
]

#: How far (in points) a dimension's total may stray from 100 before the answers are rejected.
DEFAULT_TOLERANCE = 1.0


def _points(points: ArrayLike, what: str = "points") -> NDArray[np.float64]:
    x = np.asarray(points, dtype=float)
    if x.ndim < 2 or x.shape[-1] != len(ALL_MODES):
        raise SurveyError(
            f"{what}: expected shape (..., dimensions, 4) with modes in the order H, S, I, F; got {x.shape}"
        )
    if not np.all(np.isfinite(x)):
        raise SurveyError(f"{what}: every answer must be a finite number")
    if np.any(x < 0):
        raise SurveyError(f"{what}: points cannot be negative")
    return x


def dimension_totals(points: ArrayLike) -> NDArray[np.float64]:
    """Points given in each dimension.

    Parameters
    ----------
    points : array_like, shape (..., dimensions, 4)

    Returns
    -------
    ndarray, shape (..., dimensions)

    Examples
    --------
    >>> dimension_totals([[25, 25, 25, 25], [40, 30, 10, 5]]).tolist()
    [100.0, 85.0]
    """
    return _points(points).sum(axis=-1)


def complete_dimensions(points: ArrayLike, *, tolerance: float = DEFAULT_TOLERANCE) -> NDArray[np.bool_]:
    """Which dimensions share out 100 points (within ``tolerance``).

    Parameters
    ----------
    points : array_like, shape (..., dimensions, 4)
    tolerance : float, default 1
        Allowed distance of a dimension's total from 100, in points.

    Returns
    -------
    ndarray of bool, shape (..., dimensions)

    Examples
    --------
    >>> complete_dimensions([[25, 25, 25, 25], [40, 30, 10, 5], [33.3, 33.3, 33.3, 0]]).tolist()
    [True, False, True]
    """
    return np.abs(dimension_totals(points) - TOTAL) <= tolerance


def mode_scores(points: ArrayLike, *, use: ArrayLike | None = None) -> NDArray[np.float64]:
    """Mode scores: each dimension rescaled to sum to 100, then averaged over dimensions.

    Parameters
    ----------
    points : array_like, shape (..., dimensions, 4)
        Points per dimension and mode (H, S, I, F).
    use : array_like of bool, shape (..., dimensions), optional
        Dimensions to include (e.g. only the complete ones); default all.

    Returns
    -------
    ndarray, shape (..., 4)
        Scores summing to 100; NaN for a respondent with no usable dimension.

    Raises
    ------
    SurveyError
        If an included dimension has no points at all.

    Examples
    --------
    >>> mode_scores([[40, 30, 10, 20], [20, 40, 30, 10]]).tolist()
    [30.0, 35.0, 20.0, 15.0]
    >>> mode_scores([[40, 30, 10, 20], [0, 0, 0, 0]], use=[True, False]).tolist()
    [40.0, 30.0, 10.0, 20.0]
    """
    x = _points(points)
    totals = x.sum(axis=-1)
    mask = np.ones(totals.shape, dtype=bool) if use is None else np.broadcast_to(
        np.asarray(use, dtype=bool), totals.shape)
    if np.any(mask & (totals <= 0)):
        raise SurveyError("points: a dimension included in the score has no points at all")
    safe = np.where(totals > 0, totals, 1.0)[..., None]
    shares = np.where(mask[..., None], x / safe * TOTAL, 0.0)
    count = mask.sum(axis=-1)[..., None]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, shares.sum(axis=-2) / np.maximum(count, 1), np.nan)



def _shares(x: NDArray[np.float64]) -> NDArray[np.float64]:
    totals = x.sum(axis=-1, keepdims=True)
    return x / np.where(totals > 0, totals, 1.0)


def congruence(points: ArrayLike) -> float | NDArray[np.float64]:
    r"""How far the dimensions tell the same story, from 0 to 1 (1 = every dimension has the same mix).

    .. math:: C = 1 - \frac{1}{D}\sum_d \tfrac12 \sum_m \lvert p_{dm} - \bar p_m \rvert

    where :math:`p_{dm}` is mode :math:`m`'s share of dimension :math:`d` and :math:`\bar p` the
    mean over dimensions. Each term is a total-variation distance, so :math:`C` is in [0, 1].

    Parameters
    ----------
    points : array_like, shape (..., dimensions, 4)

    Returns
    -------
    float or ndarray, shape (...)

    Examples
    --------
    >>> congruence([[40, 30, 10, 20], [40, 30, 10, 20]])
    1.0
    >>> congruence([[100, 0, 0, 0], [0, 100, 0, 0]])
    0.5
    """
    c = np.clip(1.0 - dimension_distances(points).mean(axis=-1), 0.0, 1.0)
    return float(c) if c.ndim == 0 else c


def dimension_distances(points: ArrayLike) -> NDArray[np.float64]:
    """How far each dimension's mix is from the respondent's overall mix (0 = the same, 1 = disjoint).

    The distance is half the sum of absolute differences between the dimension's shares and the
    mean shares over dimensions (a total-variation distance); :func:`congruence` is one minus
    its mean. Averaged over respondents, it shows which dimension is out of line.

    Parameters
    ----------
    points : array_like, shape (..., dimensions, 4)

    Returns
    -------
    ndarray, shape (..., dimensions)

    Examples
    --------
    >>> dimension_distances([[40, 30, 10, 20], [40, 30, 10, 20], [10, 30, 40, 20]]).round(2).tolist()
    [0.1, 0.1, 0.2]
    """
    p = _shares(_points(points))
    return 0.5 * np.abs(p - p.mean(axis=-2, keepdims=True)).sum(axis=-1)


def dominant_agreement(points: ArrayLike) -> float | NDArray[np.float64]:
    """Share of dimensions whose top mode is the respondent's top mode overall (ties count as agreement).

    Parameters
    ----------
    points : array_like, shape (..., dimensions, 4)

    Returns
    -------
    float or ndarray, shape (...)

    Examples
    --------
    >>> dominant_agreement([[50, 30, 10, 10], [50, 30, 10, 10], [10, 30, 50, 10]])
    0.666...
    """
    x = _shares(_points(points))
    overall = x.mean(axis=-2, keepdims=True)
    top_overall = np.isclose(overall, overall.max(axis=-1, keepdims=True))
    top_dim = np.isclose(x, x.max(axis=-1, keepdims=True))
    agree = np.any(top_overall & top_dim, axis=-1).mean(axis=-1)
    return float(agree) if np.ndim(agree) == 0 else agree
