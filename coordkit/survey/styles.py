"""Response style in the strength block: rating every way of working strong, everywhere.

The agreement statements catch yes-saying with balanced pairs (:func:`~coordkit.survey.acquiescence_index`):
content cancels within a statement and its reversal. The strength block has no reversals (it asks
how strong each way of working is, 1 absent to 5 very strong), so yes-saying there cannot be
cancelled, only shown. The **strength acquiescence index** is the same re-centred mean,
``(mean - 3) / 2`` from -1 to +1, over a respondent's *now* strength ratings at every level (team,
organisation, local system; the preferred ratings are wishes and are left out). It is flagged at
the same :data:`~coordkit.survey.ACQUIESCENCE_FLAG` = 0.5: on average every way of working,
fatalism included, rated "strong" at every level.

Reading it is **the kit's judgement**: without reversals a high index may be sincere (an
organisation where every way of working is strong), so it is a prompt to read the respondent's
strengths with care, never a correction. The kit reads it so because coordination theory expects
the modes to compete for the same ground, and four strong modes at three levels, fatalism among
them, is an unlikely description of one organisation.

Examples
--------
>>> from coordkit.survey import questionnaire
>>> q = questionnaire()
>>> strength_acquiescence([5] * len(q.likert_items), q), strength_acquiescence([3] * len(q.likert_items), q)
(1.0, 0.0)
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from coordkit.survey.instrument import Questionnaire, questionnaire

__all__ = ["MIN_STRENGTH_RATINGS", "strength_acquiescence"]

#: Fewest answered now strength ratings for the index (one per mode at one level).
MIN_STRENGTH_RATINGS = 4


def strength_acquiescence(likert: ArrayLike, q: Questionnaire | None = None) -> NDArray[np.float64] | float:
    """Yes-saying in the strength block: mean now rating over every level, re-centred, -1 to +1.

    Parameters
    ----------
    likert : array_like, shape (..., items)
        Raw answers 1-5 to ``q.likert_items`` (NaN = unanswered or "don't know").
    q : Questionnaire, optional

    Returns
    -------
    float or ndarray, shape (...)
        NaN with fewer than :data:`MIN_STRENGTH_RATINGS` now ratings answered (or no strength block,
        as in version 1).

    Examples
    --------
    >>> import numpy as np
    >>> q = questionnaire()
    >>> cols = [k for k, i in enumerate(q.likert_items) if i.block == "strength" and i.timeframe == "now"]
    >>> x = np.full(len(q.likert_items), np.nan)
    >>> x[cols] = [5, 4, 4, 5] * 3  # every way of working strong or very strong, at every level
    >>> float(strength_acquiescence(x, q))
    0.75
    >>> x[cols[:9]] = np.nan  # three ratings: too few to say
    >>> bool(np.isnan(strength_acquiescence(x, q)))
    True
    """
    q = q or questionnaire()
    x = np.asarray(likert, dtype=float)
    if x.shape[-1] != len(q.likert_items):
        raise ValueError(f"likert: expected {len(q.likert_items)} answers per respondent, got {x.shape[-1]}")
    cols = [k for k, i in enumerate(q.likert_items) if i.block == "strength" and i.timeframe == "now"]
    if not cols:
        out = np.full(x.shape[:-1], np.nan)
    else:
        part = x[..., cols]
        count = np.isfinite(part).sum(axis=-1)
        total = np.where(np.isfinite(part), part, 0.0).sum(axis=-1)
        with np.errstate(invalid="ignore", divide="ignore"):
            out = np.where(count >= MIN_STRENGTH_RATINGS, (total / np.maximum(count, 1) - 3.0) / 2.0, np.nan)
    return float(out) if np.ndim(out) == 0 else out
