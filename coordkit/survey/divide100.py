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

from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

from coordkit.modes import ALL_MODES
from coordkit.survey.compositional import TOTAL
from coordkit.survey.instrument import SurveyError

__all__ = [
    "DEFAULT_TOLERANCE",
    "MIN_DIMENSIONS",
    "DivideScores",
    "complete_dimensions",
    "congruence",
    "dimension_distances",
    "dimension_totals",
    "dominant_agreement",
    "mode_scores",
    "not_scored_reason",
    "scores_from_complete",
]

#: How far (in points) a dimension's total may stray from 100 before the dimension is left out of the score.
DEFAULT_TOLERANCE = 1.0
#: Fewest complete dimensions (of six) a divide-100 score rests on: the kit's judgement. A dimension that
#: does not add up to 100 is left out rather than costing the respondent's whole score, but a score from
#: fewer than four of six would rest on under two-thirds of the questions, so the respondent is "not scored".
MIN_DIMENSIONS = 4


def _points(points: ArrayLike, what: str = "points", *, allow_nan: bool = False) -> NDArray[np.float64]:
    x = np.asarray(points, dtype=float)
    if x.ndim < 2 or x.shape[-1] != len(ALL_MODES):
        raise SurveyError(
            f"{what}: expected shape (..., dimensions, 4) with modes in the order H, S, I, F; got {x.shape}"
        )
    if not np.all(np.isfinite(x) | (allow_nan & np.isnan(x))):
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
    """Which dimensions share out 100 points (within ``tolerance``); a dimension with a NaN does not.

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
    totals = _points(points, allow_nan=True).sum(axis=-1)
    with np.errstate(invalid="ignore"):
        return np.asarray(np.isfinite(totals) & (np.abs(totals - TOTAL) <= tolerance), dtype=bool)


class DivideScores(NamedTuple):
    """Divide-100 scores with the number of dimensions each rests on (:func:`scores_from_complete`)."""

    scores: NDArray[np.float64]
    dimensions: NDArray[np.int_]
    of: int

    @property
    def scored(self) -> NDArray[np.bool_]:
        """Whose score rests on at least :data:`MIN_DIMENSIONS` complete dimensions."""
        return np.asarray(np.isfinite(self.scores).all(axis=-1), dtype=bool)


def scores_from_complete(points: ArrayLike, *, tolerance: float = DEFAULT_TOLERANCE,
                         min_dimensions: int = MIN_DIMENSIONS) -> DivideScores:
    """Mode scores from the dimensions that add up to 100, when at least ``min_dimensions`` do.

    The kit's rule (:data:`MIN_DIMENSIONS`, a judgement): a dimension that does not add up is left
    out, and the score says how many dimensions it rests on; with fewer than ``min_dimensions``
    complete (or all of them, if the questionnaire has fewer) the respondent is not scored (NaN),
    and :func:`not_scored_reason` says why.

    Parameters
    ----------
    points : array_like, shape (..., dimensions, 4)
        NaN marks an answer that could not be read (its dimension is left out).
    tolerance : float, default 1
    min_dimensions : int, default :data:`MIN_DIMENSIONS`

    Returns
    -------
    DivideScores
        ``scores`` (..., 4), NaN where not scored; ``dimensions`` (...), complete dimensions per
        respondent; ``of``, the number of dimensions asked.

    Examples
    --------
    >>> five = [[40, 30, 10, 20]] * 5 + [[50, 30, 10, 20]]
    >>> r = scores_from_complete(five)
    >>> r.scores.tolist(), int(r.dimensions), r.of
    ([40.0, 30.0, 10.0, 20.0], 5, 6)
    >>> r = scores_from_complete([[40, 30, 10, 20]] * 3 + [[50, 30, 10, 20]] * 3)
    >>> bool(r.scored), not_scored_reason(int(r.dimensions), r.of)
    (False, 'not scored: only 3 of 6 dimensions add up to 100 (the kit needs at least 4)')
    """
    x = _points(points, allow_nan=True)
    ok = complete_dimensions(x, tolerance=tolerance)
    count = ok.sum(axis=-1)
    need = min(int(min_dimensions), x.shape[-2])
    filled = np.where(ok[..., None], x, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        enough = ((count >= need) & (count > 0))[..., None]
        scores = np.where(enough, mode_scores(filled, use=ok), np.nan)
    return DivideScores(scores, np.asarray(count), x.shape[-2])


def not_scored_reason(dimensions: int, of: int, *, min_dimensions: int = MIN_DIMENSIONS) -> str:
    """Why a respondent's divide-100 answers are not scored, in words (:func:`scores_from_complete`).

    Examples
    --------
    >>> not_scored_reason(2, 6)
    'not scored: only 2 of 6 dimensions add up to 100 (the kit needs at least 4)'
    """
    return (f"not scored: only {dimensions} of {of} dimensions add up to 100 (the kit needs at least "
            f"{min(min_dimensions, of)})")


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


def congruence(points: ArrayLike, *, use: ArrayLike | None = None) -> float | NDArray[np.float64]:
    r"""How far the dimensions tell the same story, from 0 to 1 (1 = every dimension has the same mix).

    .. math:: C = 1 - \frac{1}{D}\sum_d \tfrac12 \sum_m \lvert p_{dm} - \bar p_m \rvert

    where :math:`p_{dm}` is mode :math:`m`'s share of dimension :math:`d` and :math:`\bar p` the
    mean over dimensions. Each term is a total-variation distance, so :math:`C` is in [0, 1].

    Parameters
    ----------
    points : array_like, shape (..., dimensions, 4)
    use : array_like of bool, shape (..., dimensions), optional
        Dimensions to include (e.g. the complete ones, :func:`complete_dimensions`); default all.

    Returns
    -------
    float or ndarray, shape (...)
        NaN where no dimension is used.

    Examples
    --------
    >>> congruence([[40, 30, 10, 20], [40, 30, 10, 20]])
    1.0
    >>> congruence([[100, 0, 0, 0], [0, 100, 0, 0]])
    0.5
    >>> congruence([[40, 30, 10, 20], [40, 30, 10, 20], [0, 0, 0, 90]], use=[True, True, False])
    1.0
    """
    d = dimension_distances(points, use=use)
    if use is None:
        c = np.clip(1.0 - d.mean(axis=-1), 0.0, 1.0)
    else:
        mask = np.broadcast_to(np.asarray(use, dtype=bool), d.shape)
        count = mask.sum(axis=-1)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.where(count > 0, np.where(mask, d, 0.0).sum(axis=-1) / np.maximum(count, 1), np.nan)
        c = np.clip(1.0 - mean, 0.0, 1.0)
    return float(c) if c.ndim == 0 else c


def dimension_distances(points: ArrayLike, *, use: ArrayLike | None = None) -> NDArray[np.float64]:
    """How far each dimension's mix is from the respondent's overall mix (0 = the same, 1 = disjoint).

    The distance is half the sum of absolute differences between the dimension's shares and the
    mean shares over dimensions (a total-variation distance); :func:`congruence` is one minus
    its mean. Averaged over respondents, it shows which dimension is out of line. With ``use``,
    the overall mix is the mean over the used dimensions only, and the others are NaN.

    Parameters
    ----------
    points : array_like, shape (..., dimensions, 4)
    use : array_like of bool, shape (..., dimensions), optional

    Returns
    -------
    ndarray, shape (..., dimensions)

    Examples
    --------
    >>> dimension_distances([[40, 30, 10, 20], [40, 30, 10, 20], [10, 30, 40, 20]]).round(2).tolist()
    [0.1, 0.1, 0.2]
    """
    if use is None:
        p = _shares(_points(points))
        return 0.5 * np.abs(p - p.mean(axis=-2, keepdims=True)).sum(axis=-1)
    x = _points(points, allow_nan=True)
    mask = np.broadcast_to(np.asarray(use, dtype=bool), x.shape[:-1])
    p = _shares(np.where(mask[..., None], x, 0.0))
    count = mask.sum(axis=-1)[..., None, None]
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = p.sum(axis=-2, keepdims=True) / np.maximum(count, 1)
    return np.where(mask, 0.5 * np.abs(p - mean).sum(axis=-1), np.nan)


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
