r"""Scoring one respondent: mode scores, strength, benign and malign levels, structure, configuration.

Divide-100 block
----------------
A dimension's points are first rescaled to sum to exactly 100 (absorbing rounding within the
tolerance the reader allows). A mode's **score** is its mean over the dimensions, so the four
scores also sum to 100 (the OCAI convention). The **gap** is preferred minus now, mode by mode (in
points). **Congruence** asks whether the six dimensions tell the same story (1 when every dimension
has the same mix). These answers are ipsative: they say how the modes compare, not how strong any
one is.

Strength (the strength block)
-----------------------------
How strong each mode is comes from the strength block, rated 1 (absent) to 5 (very strong) for
the respondent's organisation: strength = (rating - 1) / 4, so 3 "moderate" is 0.5 and 4
"strong" is 0.75. A mode counts as **strong** at :data:`STRONG` = 0.75, i.e. rated "strong" or
"very strong" (the kit's threshold; fatalism counts as unchecked at the same level). "Moderate"
is the middle of the scale, not a weak rating: a mode rated moderate is present and working, just
not one of the leading forms. The **preferred** profile takes its strength from the respondent's
own preferred ratings (asked directly); where they were not given, the preferred configuration is
*not classified* rather than guessed from points. Only for the *now* profile, where a rating is
missing (a version 1 file, or a skipped rating), does the kit fall back on the divide-100 score,
read as strength = score / 40 capped at 1: a mode counts as strong from 30 of 100 points, so an
equal 25/25/25/25 split is "no strong active form", never "overshadowed by fatalism" (the kit's rule;
four modes cannot all reach 30). Neither rule is Taylor's.

Benign and malign levels (the Likert block)
-------------------------------------------
Each answer is first *keyed*: a reverse-keyed statement (agreeing means less of what its scale
measures) scores 6 minus the answer. A scale's **level** is the mean keyed answer re-centred on
the neutral point, :math:`(\bar x - 3) / 2`, from -1 (strong disagreement) through 0 (neither) to
+1 (strong agreement). Benign and malign levels are scored *separately*, for all four modes
(fatalism's benign side is wisdom, its malign side despair): a mode can be high on both, low on
both or neither, and neutral answers give 0 on both. Every scale has as many reversed as forward
statements, each reversal the low pole of a forward statement, so agreeing with everything
("acquiescence") leaves every level at exactly 0.

Acquiescence
------------
The **acquiescence index** is the mean *raw* (unkeyed) agreement over the balanced pairs (each
forward statement with its reversal), re-centred as ``(mean - 3) / 2``. Content cancels within a
pair (someone who means it agrees with one and disagrees with the other, averaging 3), so what is
left is yes-saying (+) or no-saying (-). A respondent is flagged at :data:`ACQUIESCENCE_FLAG` =
0.5 or more, i.e. on average "agree" with a statement and with its reversal (the kit's threshold:
so far from 0 that honest, content-driven answers seldom reach it; their levels should then be
read with care). The strength block is a rating of how strong, not an agreement, and has no
reversals; it is reported as single ratings, without a reliability, and its own yes-saying is
shown, not cancelled (:func:`~coordkit.survey.styles.strength_acquiescence`).

A strong mode gets a **malign warning** when its malign level is at least
:data:`MALIGN_WARNING` = 0.25 (on average between "neither" and "agree") *and* higher than its
benign level (the kit's rule). The profile's malign share of an active mode (the fraction of its
strength the kit's figures draw as malign) is the positive part of its malign level.

Structure
---------
Grid (who sets the rules of your work) and group (how bounded and close your team is) are each the
mean of two keyed items, as levels from -1 to +1; the withdrawal (hermit) item is reported on its
own. Their signs place the respondent's own position in grid-group space (high grid and group:
hierarchy; low grid, high group: solidarity; low both: individualism; high grid, low group:
fatalism), a reading of Douglas's scheme and Gross and Rayner (1985), not a score of the modes.

Sources: format after Cameron and Quinn's OCAI (https://ocai.dk/ocai; none of its statements
used); profiles rather than types after Marris, Langford and O'Riordan (1998), *Risk Analysis*
18(5); grid and group measured from structure after Gross and Rayner, *Measuring Culture* (1985).
This is a teaching instrument, not a validated measure.

Examples
--------
>>> now = [[40, 30, 10, 20]] * 6
>>> preferred = [[30, 35, 25, 10]] * 6
>>> result = score_answers(now, preferred)
>>> result.now_scores.tolist(), result.gap.tolist()
([40.0, 30.0, 10.0, 20.0], [-10.0, 5.0, 15.0, -10.0])
>>> result.now.individualism, result.congruence_now
(0.25, 1.0)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from coordkit.balance import BalanceReport, report
from coordkit.configuration import Configuration, Kind, classify
from coordkit.modes import ACTIVE_MODES, ALL_MODES, MODES, Mode
from coordkit.profile import Profile
from coordkit.survey.compositional import TOTAL
from coordkit.survey.instrument import LEVELS, TIMEFRAMES, Questionnaire, SurveyError, questionnaire

__all__ = [
    "ACQUIESCENCE_FLAG",
    "DEFAULT_TOLERANCE",
    "IPSATIVE_POINTS_PER_STRENGTH",
    "MALIGN_WARNING",
    "NOT_CLASSIFIED",
    "PREFERRED_MALIGN",
    "STRONG",
    "FormScores",
    "RespondentResult",
    "Structure",
    "acquiescence_flags",
    "acquiescence_index",
    "complete_dimensions",
    "congruence",
    "dimension_distances",
    "dimension_totals",
    "dominant_agreement",
    "example_answers",
    "form_scores",
    "keyed",
    "malign_shares",
    "malign_warnings",
    "mode_scores",
    "not_classified",
    "preferred_configuration",
    "profile_from_scores",
    "scale_columns",
    "scale_levels",
    "score_answers",
    "strength_ratings",
    "structure_scores",
    "survey_configuration",
]

#: How far (in points) a dimension's total may stray from 100 before the answers are rejected.
DEFAULT_TOLERANCE = 1.0
#: Strength at which a mode counts as strong: rated 4 "strong" on the strength block (the kit's threshold).
STRONG = 0.75
#: Malign shares (H, S, I, and fatalism's despair) of every preferred profile: none. The preferred
#: answers state a wish, not a diagnosis, so the preferred profile is wholly benign and its
#: configuration follows the preferred strength ratings alone (identical ratings now and
#: preferred, with no malign lean, give the same configuration).
PREFERRED_MALIGN = (0.0, 0.0, 0.0, 0.0)

#: Malign level from which a strong mode whose malign side outweighs its benign side is flagged
#: (the kit's rule).
MALIGN_WARNING = 0.25
#: Fallback without a strength rating: strength = divide-100 score / this, capped at 1 (30 points = strong).
IPSATIVE_POINTS_PER_STRENGTH = 40.0
#: Acquiescence index from which a respondent is flagged: on average "agree" with both a statement
#: and its reversal (the kit's threshold).
ACQUIESCENCE_FLAG = 0.5
#: Name of the configuration given when a profile cannot be classified (no preferred strength rated).
NOT_CLASSIFIED = "not classified"


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


def profile_from_scores(
    scores: ArrayLike,
    malign: Sequence[float] = (0.0, 0.0, 0.0),
    *,
    strength: ArrayLike | None = None,
) -> Profile:
    """A :class:`~coordkit.profile.Profile` from four mode scores (and strength ratings where there are any).

    Strength comes from ``strength`` (0-1, from the strength block) where it is given and finite;
    otherwise from the divide-100 score as ``score / 40`` capped at 1 (see the module docstring:
    an equal split is never read as every mode strong).

    Parameters
    ----------
    scores : array_like of 4 floats
        Divide-100 scores for H, S, I, F (summing to 100).
    malign : sequence of 3 or 4 floats, default all 0
        Malign shares of H, S, I (NaN counts as 0) and, optionally, fatalism's despair share.
    strength : array_like of 4 floats, optional
        Strengths 0-1 from the strength block (NaN = not rated).

    Returns
    -------
    Profile

    Examples
    --------
    >>> profile_from_scores([25, 25, 25, 25]).strengths
    (0.625, 0.625, 0.625, 0.625)
    >>> profile_from_scores([40, 30, 10, 20], strength=[1.0, 0.75, float("nan"), 0.25]).strengths
    (1.0, 0.75, 0.25, 0.25)
    """
    s = np.asarray(scores, dtype=float)
    if s.shape != (4,) or not np.all(np.isfinite(s)):
        raise SurveyError(f"scores: expected 4 finite numbers (H, S, I, F), got {s.tolist()}")
    fallback = np.clip(s / IPSATIVE_POINTS_PER_STRENGTH, 0.0, 1.0)
    if strength is not None:
        a = np.asarray(strength, dtype=float)
        fallback = np.where(np.isfinite(a), np.clip(a, 0.0, 1.0), fallback)
    m = [0.0 if not math.isfinite(v) else float(np.clip(v, 0.0, 1.0)) for v in malign]
    return Profile.from_strengths([float(v) for v in fallback], malign=m)


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



# ----- the 1-5 items -----------------------------------------------------------------------------
def _ratings(likert: ArrayLike, q: Questionnaire) -> NDArray[np.float64]:
    items = q.likert_items
    x = np.asarray(likert, dtype=float)
    if x.shape[-1:] != (len(items),):
        raise SurveyError(
            f"likert: expected {len(items)} answers per respondent (the questionnaire's 1-5 items, version "
            f"{q.version}), got shape {x.shape}"
        )
    if np.any(np.isfinite(x) & ((x < 1) | (x > 5))):
        raise SurveyError("likert: answers must be from 1 to 5")
    return x


def keyed(likert: ArrayLike, q: Questionnaire | None = None) -> NDArray[np.float64]:
    """Answers to the 1-5 items with reverse-keyed items reversed (6 - answer); NaN stays NaN.

    Parameters
    ----------
    likert : array_like, shape (..., items)
        Answers in the order of ``q.likert_items``.
    q : Questionnaire, optional

    Examples
    --------
    >>> q = questionnaire()
    >>> k = keyed([4] * len(q.likert_items), q)
    >>> [float(k[q.likert_items.index(q.item(c))]) for c in ("BH1", "BH3")]
    [4.0, 2.0]
    """
    q = q or questionnaire()
    x = _ratings(likert, q)
    rev = np.array([i.reverse for i in q.likert_items])
    return np.where(rev, 6.0 - x, x)


def scale_columns(q: Questionnaire) -> dict[str, list[int]]:
    """Each scale's columns among ``q.likert_items`` (the one list of scales, :meth:`Questionnaire.scales`).

    Examples
    --------
    >>> scale_columns(questionnaire())["grid"]
    [32, 33]
    """
    index = {i.id: k for k, i in enumerate(q.likert_items)}
    return {s.name: [index[i.id] for i in s.items] for s in q.scales()}


def scale_levels(likert: ArrayLike, q: Questionnaire | None = None, *,
                 keyed_already: bool = False) -> dict[str, NDArray[np.float64]]:
    """Every scale's level, ``(mean keyed answer - 3) / 2`` (-1 to +1, 0 neutral; NaN if unanswered).

    Parameters
    ----------
    likert : array_like, shape (..., items)
        Answers to ``q.likert_items`` (raw, or keyed if ``keyed_already``).
    q : Questionnaire, optional

    Returns
    -------
    dict of str to ndarray, shape (...)
        By scale name, in :meth:`Questionnaire.scales` order.

    Examples
    --------
    >>> q = questionnaire()
    >>> {k: float(v) for k, v in scale_levels([5] * len(q.likert_items), q).items()}["hierarchy benign"]
    0.0
    """
    q = q or questionnaire()
    x = np.asarray(likert, dtype=float) if keyed_already else keyed(likert, q)
    return {name: (_scale_mean(x, cols) - 3.0) / 2.0 for name, cols in scale_columns(q).items()}


def acquiescence_index(likert: ArrayLike, q: Questionnaire | None = None) -> NDArray[np.float64] | float:
    """Yes-saying: mean raw agreement over the balanced pairs, re-centred, from -1 to +1.

    Each pair is a forward statement and its reversal (:meth:`Scale.pairs
    <coordkit.survey.instrument.Scale.pairs>`); only pairs with both answered count. 0 means no
    lean; +1 agreeing strongly with everything, -1 disagreeing strongly with everything.

    Parameters
    ----------
    likert : array_like, shape (..., items)
        Raw answers 1-5 to ``q.likert_items`` (NaN = unanswered).
    q : Questionnaire, optional

    Returns
    -------
    float or ndarray, shape (...)
        NaN when no pair was answered (e.g. version 1, which has no reversals).

    Examples
    --------
    >>> q = questionnaire()
    >>> acquiescence_index([5] * len(q.likert_items), q), acquiescence_index([3] * len(q.likert_items), q)
    (1.0, 0.0)
    """
    q = q or questionnaire()
    x = _ratings(likert, q)
    index = {i.id: k for k, i in enumerate(q.likert_items)}
    pairs = [(index[a.id], index[b.id]) for s in q.scales() for a, b in s.pairs()]
    if not pairs:
        out = np.full(x.shape[:-1], np.nan)
    else:
        fwd, rev = x[..., [a for a, _ in pairs]], x[..., [b for _, b in pairs]]
        both = np.isfinite(fwd) & np.isfinite(rev)
        total = np.where(both, (fwd + rev) / 2, 0.0).sum(axis=-1)
        count = both.sum(axis=-1)
        with np.errstate(invalid="ignore", divide="ignore"):
            out = np.where(count > 0, (total / np.maximum(count, 1) - 3.0) / 2.0, np.nan)
    return float(out) if np.ndim(out) == 0 else out


def acquiescence_flags(index: ArrayLike, *, level: float = ACQUIESCENCE_FLAG) -> NDArray[np.bool_]:
    """Which acquiescence indices reach ``level`` (the kit's threshold, :data:`ACQUIESCENCE_FLAG`).

    Examples
    --------
    >>> acquiescence_flags([0.0, 0.5, 1.0, float("nan")]).tolist()
    [False, True, True, False]
    """
    a = np.asarray(index, dtype=float)
    return np.isfinite(a) & (a >= level)


def _scale_mean(x: NDArray[np.float64], cols: list[int]) -> NDArray[np.float64]:
    if not cols:
        return np.full(x.shape[:-1], np.nan)
    part = x[..., cols]
    count = np.isfinite(part).sum(axis=-1)
    with np.errstate(invalid="ignore"):
        return np.where(count > 0, np.nansum(part, axis=-1) / np.maximum(count, 1), np.nan)


@dataclass(frozen=True)
class FormScores:
    """Benign and malign levels of each mode (H, S, I, F), scored separately.

    Attributes
    ----------
    benign, malign : ndarray, shape (..., 4)
        Mean keyed agreement with the mode's benign (malign) statements, re-centred:
        ``(mean - 3) / 2``, from -1 to +1, 0 = neutral; NaN where none was answered (or, in a
        version 1 file, for fatalism, which had no statements).
    answered : ndarray of bool, shape (..., 4)
        Whether at least one benign and one malign statement of the mode were answered.
    share : ndarray, shape (..., 3)
        The profile's malign share of H, S, I: the positive part of the malign level (0 where
        unanswered). Not a ratio of the two levels.
    despair : ndarray, shape (...)
        The profile's share of fatalism that is despair rather than wisdom, by the same rule as
        ``share`` for the other three modes: the positive part of fatalism's malign level, so
        neutral answers give 0 and unanswered fatalism statements count as missing (0), never as
        despair.
    """

    benign: NDArray[np.float64]
    malign: NDArray[np.float64]
    answered: NDArray[np.bool_]
    share: NDArray[np.float64]
    despair: NDArray[np.float64] | float = 0.0


def form_scores(likert: ArrayLike, q: Questionnaire | None = None) -> FormScores:
    """Score the Likert block: benign and malign levels per mode.

    Parameters
    ----------
    likert : array_like, shape (..., items)
        Answers 1 to 5 to ``q.likert_items`` (NaN = unanswered).
    q : Questionnaire, optional
        Default :func:`questionnaire`.

    Returns
    -------
    FormScores

    Raises
    ------
    SurveyError
        If an answer is outside 1 to 5 or the shape does not match the questionnaire.

    Examples
    --------
    >>> q = questionnaire()
    >>> f = form_scores([3] * len(q.likert_items))
    >>> f.benign.tolist(), f.malign.tolist()
    ([0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0])
    >>> f4 = form_scores([4] * len(q.likert_items))
    >>> f4.benign.round(3).tolist() == f4.malign.round(3).tolist()
    True
    """
    q = q or questionnaire()
    x = keyed(likert, q)
    levels = scale_levels(x, q, keyed_already=True)
    nan = np.full(x.shape[:-1], np.nan)
    b = np.stack([levels.get(f"{mode.value} benign", nan) for mode in ALL_MODES], axis=-1)
    m = np.stack([levels.get(f"{mode.value} malign", nan) for mode in ALL_MODES], axis=-1)
    answered = np.isfinite(b) & np.isfinite(m)
    share = np.where(np.isfinite(m), np.clip(m, 0.0, 1.0), 0.0)[..., :3]
    despair = np.where(np.isfinite(m[..., 3]), np.clip(m[..., 3], 0.0, 1.0), 0.0)
    return FormScores(benign=b, malign=m, answered=answered, share=share, despair=despair)


def malign_shares(likert: ArrayLike | None, q: Questionnaire | None = None) -> NDArray[np.float64]:
    """The profile's malign share of each active mode (zeros if there is no Likert block).

    Examples
    --------
    >>> malign_shares(None).tolist()
    [0.0, 0.0, 0.0]
    """
    if likert is None:
        return np.zeros(len(ACTIVE_MODES))
    return form_scores(likert, q).share


def malign_warnings(forms: FormScores | None, strong: Sequence[Mode] = ALL_MODES, *,
                    level: float = MALIGN_WARNING) -> list[Mode]:
    """The modes (among ``strong``) whose malign level reaches ``level`` and exceeds their benign level.

    Parameters
    ----------
    forms : FormScores or None
        One respondent's or one group's levels (shape (4,)).
    strong : sequence of Mode
        Modes to consider (those that are strong); default all.
    level : float, default :data:`MALIGN_WARNING`

    Examples
    --------
    >>> q = questionnaire()
    >>> malign_warnings(form_scores([3] * len(q.likert_items))), malign_warnings(None)
    ([], [])
    """
    if forms is None:
        return []
    b, m = np.asarray(forms.benign, dtype=float), np.asarray(forms.malign, dtype=float)
    return [mode for k, mode in enumerate(ALL_MODES)
            if mode in strong and np.isfinite(m[k]) and m[k] >= level
            and (not np.isfinite(b[k]) or m[k] > b[k])]


def survey_configuration(profile: Profile, forms: FormScores | None, *,
                         threshold: float = STRONG) -> Configuration:
    """The configuration of a survey profile, with malign warnings from the benign and malign levels.

    The name and diagnosis come from :func:`coordkit.configuration.classify` (strong at
    ``threshold``); the warning follows :func:`malign_warnings`, never the profile's shares, so
    neutral or all-agreeing answers raise none.

    Examples
    --------
    >>> p = profile_from_scores([25, 25, 25, 25])
    >>> survey_configuration(p, None).name
    'no strong active form'
    """
    plain = classify(profile.replace(malign_hierarchy=0.0, malign_solidarity=0.0, malign_individualism=0.0),
                     strong=threshold, malign_warning=1.0)
    flagged = malign_warnings(forms, tuple(plain.forms))
    if not flagged:
        return plain
    words = [f"{m.value} shows more of its malign than its benign side here "
             f"({', '.join(MODES[m].malign[:2])})" for m in flagged]
    text = plain.diagnosis + " Warning: " + "; ".join(words) + "."
    return Configuration(plain.forms, plain.kind, plain.name, text)


def not_classified(reason: str) -> Configuration:
    """The configuration given when a profile is not classified, with the reason as its diagnosis.

    Examples
    --------
    >>> not_classified("no preferred strength rated").name
    'not classified'
    """
    return Configuration(frozenset(), Kind.NONE, NOT_CLASSIFIED, f"Not classified: {reason}.")


def preferred_configuration(profile: Profile, strength: ArrayLike, *,
                            threshold: float = STRONG) -> Configuration:
    """The preferred configuration, classified only when all four preferred strengths were rated.

    Preferred strength is asked directly (block strength, timeframe preferred); it is never
    inferred from the divide-100 points, so without the four ratings (e.g. a version 1 file) the
    preferred configuration is :data:`NOT_CLASSIFIED`.

    Examples
    --------
    >>> p = profile_from_scores([25, 25, 25, 25])
    >>> preferred_configuration(p, [float("nan")] * 4).name
    'not classified'
    >>> preferred_configuration(profile_from_scores([30, 30, 30, 10], strength=[1, 1, 1, 0.25]),
    ...                         [1, 1, 1, 0.25]).kind.value
    'balanced'
    """
    a = np.asarray(strength, dtype=float)
    if a.shape != (4,) or not np.all(np.isfinite(a)):
        return not_classified("the preferred strength of each way of working was not rated (the kit "
                              "does not infer it from the points)")
    return survey_configuration(profile, None, threshold=threshold)


def strength_ratings(likert: ArrayLike, q: Questionnaire | None = None, *,
                     level: str = "organisation", timeframe: str = "now") -> NDArray[np.float64]:
    """Strength of each mode (H, S, I, F) at one level, from the strength block: (rating - 1) / 4.

    Parameters
    ----------
    likert : array_like, shape (..., items)
    q : Questionnaire, optional
    level : {"team", "organisation", "system"}, default "organisation"
    timeframe : {"now", "preferred"}, default "now"
        ``"preferred"``: how strong the respondent would like each mode (organisation level only).

    Returns
    -------
    ndarray, shape (..., 4)
        0 (absent) to 1 (very strong); NaN where not rated or the version has no strength block.

    Examples
    --------
    >>> q = questionnaire()
    >>> x = [float("nan")] * len(q.likert_items)
    >>> for code, r in {"AOH": 5, "AOS": 4, "AOI": 2, "AOF": 1}.items():
    ...     x[q.likert_items.index(q.item(code))] = r
    >>> strength_ratings(x, q).tolist()
    [1.0, 0.75, 0.25, 0.0]
    """
    q = q or questionnaire()
    if level not in LEVELS:
        raise SurveyError(f"level must be one of {', '.join(LEVELS)}, got {level!r}")
    if timeframe not in TIMEFRAMES:
        raise SurveyError(f"timeframe must be 'now' or 'preferred', got {timeframe!r}")
    x = _ratings(likert, q)
    out = []
    for mode in ALL_MODES:
        cols = [k for k, i in enumerate(q.likert_items) if i.block == "strength" and i.mode is mode
                and i.level == level and i.timeframe == timeframe]
        out.append((_scale_mean(x, cols) - 1.0) / 4.0)
    return np.stack(out, axis=-1)


@dataclass(frozen=True)
class Structure:
    """Grid, group and withdrawal levels (-1 to +1, 0 = neutral; NaN if unanswered)."""

    grid: NDArray[np.float64]
    group: NDArray[np.float64]
    withdrawal: NDArray[np.float64]

    def quadrant(self) -> str:
        """The grid-group quadrant of one respondent's own position (``"-"`` when on an axis or unanswered).

        Examples
        --------
        >>> Structure(np.float64(0.5), np.float64(0.5), np.float64(0.0)).quadrant()
        'hierarchy'
        """
        g, p = float(self.grid), float(self.group)
        if not (math.isfinite(g) and math.isfinite(p)) or g == 0 or p == 0:
            return "-"
        return {(True, True): "hierarchy", (False, True): "solidarity", (False, False): "individualism",
                (True, False): "fatalism"}[(g > 0, p > 0)]


def structure_scores(likert: ArrayLike, q: Questionnaire | None = None) -> Structure:
    """Grid, group and withdrawal levels from the structure block.

    Examples
    --------
    >>> q = questionnaire()
    >>> s = structure_scores([4] * len(q.likert_items), q)
    >>> float(s.grid), float(s.group), float(s.withdrawal)
    (0.0, 0.0, 0.0)
    """
    levels = scale_levels(likert, q)
    nan = np.full(np.shape(likert)[:-1], np.nan)
    grid, group, withdrawal = (levels.get(dim, nan) for dim in ("grid", "group", "withdrawal"))
    return Structure(grid=grid, group=group, withdrawal=withdrawal)


# ----- one respondent --------------------------------------------------------------------------
@dataclass(frozen=True)
class RespondentResult:
    """Everything the kit makes of one respondent's answers.

    Attributes
    ----------
    now_scores, preferred_scores : ndarray, shape (4,)
        Mode scores (H, S, I, F) summing to 100, over the complete dimensions; NaN if none is.
    complete_now, complete_preferred : ndarray of bool, shape (dimensions,)
        Which dimensions share out 100 points.
    totals_now, totals_preferred : ndarray, shape (dimensions,)
        Points given in each dimension.
    forms : FormScores or None
        The Likert block, if any of it was answered.
    strength : ndarray, shape (4,)
        Strength block (organisation level, now), 0-1; NaN where not rated.
    preferred_strength : ndarray, shape (4,)
        How strong the respondent would like each mode in their organisation, 0-1; NaN where not rated.
    acquiescence : float
        :func:`acquiescence_index` (NaN without balanced pairs answered).
    structure : Structure or None
    now, preferred : Profile or None
        Profiles (None if no dimension is complete). The preferred profile is wholly benign
        (:data:`PREFERRED_MALIGN`: no malign share and fatalism's despair 0, since the respondent
        states a wish, not a diagnosis, and the strength ratings alone decide its configuration); its
        strengths are the preferred ratings (where a rating is missing, the profile is drawn
        from the points but its configuration is :data:`NOT_CLASSIFIED`).
    gap : ndarray, shape (4,)
        Preferred minus now scores, in points.
    congruence_now, congruence_preferred : float
    configuration_now, configuration_preferred : Configuration or None
    balance_now, balance_preferred : BalanceReport or None
    """

    now_scores: NDArray[np.float64]
    preferred_scores: NDArray[np.float64]
    complete_now: NDArray[np.bool_]
    complete_preferred: NDArray[np.bool_]
    totals_now: NDArray[np.float64]
    totals_preferred: NDArray[np.float64]
    forms: FormScores | None
    strength: NDArray[np.float64]
    preferred_strength: NDArray[np.float64]
    acquiescence: float
    structure: Structure | None
    now: Profile | None
    preferred: Profile | None
    gap: NDArray[np.float64]
    congruence_now: float
    congruence_preferred: float
    configuration_now: Configuration | None
    configuration_preferred: Configuration | None
    balance_now: BalanceReport | None
    balance_preferred: BalanceReport | None

    @property
    def acquiescent(self) -> bool:
        """Whether the acquiescence index reaches :data:`ACQUIESCENCE_FLAG` (read the levels with care)."""
        return bool(acquiescence_flags(self.acquiescence))

    @property
    def complete(self) -> bool:
        """Whether every dimension shares out 100 points, now and preferred."""
        return bool(self.complete_now.all() and self.complete_preferred.all())

    def describe_gap(self, *, threshold: float = 2.5) -> str:
        """The gap in words: which modes the respondent wants more or less of.

        Examples
        --------
        >>> score_answers([[40, 30, 10, 20]] * 6, [[30, 35, 25, 10]] * 6).describe_gap()
        'Wanted: more individualism (+15), more solidarity (+5), less hierarchy (-10), less fatalism (-10).'
        """
        if not np.all(np.isfinite(self.gap)):
            return "No gap yet: complete at least one dimension for both now and preferred."
        order = sorted(range(4), key=lambda k: (-self.gap[k], k))
        parts = [f"{'more' if self.gap[k] > 0 else 'less'} {ALL_MODES[k].value} ({self.gap[k]:+.0f})"
                 for k in order if abs(self.gap[k]) >= threshold]
        if not parts:
            return "Now and preferred are close: no mode moves by more than a few points."
        return "Wanted: " + ", ".join(parts) + "."


def score_answers(
    now: ArrayLike,
    preferred: ArrayLike,
    likert: ArrayLike | None = None,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    threshold: float = STRONG,
    q: Questionnaire | None = None,
) -> RespondentResult:
    """Score one respondent, using only the dimensions that share out 100 points.

    Parameters
    ----------
    now, preferred : array_like, shape (dimensions, 4)
        Points per dimension and mode (H, S, I, F).
    likert : array_like, shape (items,), optional
        Answers 1-5 to ``q.likert_items`` (NaN = unanswered).
    tolerance : float, default 1
        Allowed distance of a dimension total from 100.
    threshold : float, default :data:`STRONG`
        Strength at which a mode counts as strong (for the configuration).
    q : Questionnaire, optional

    Returns
    -------
    RespondentResult

    Examples
    --------
    >>> r = score_answers([[40, 30, 10, 20]] * 5 + [[50, 50, 50, 50]], [[25, 25, 25, 25]] * 6)
    >>> r.complete_now.tolist()
    [True, True, True, True, True, False]
    >>> r.configuration_now.name, r.configuration_preferred.name
    ('deficit culture: weak individualism', 'not classified')
    """
    q = q or questionnaire()
    now_a, pref_a = _points(now, "now"), _points(preferred, "preferred")
    if now_a.ndim != 2 or now_a.shape != pref_a.shape:
        raise SurveyError(
            f"now and preferred must both have shape (dimensions, 4); got {now_a.shape} and {pref_a.shape}"
        )
    totals_now, totals_pref = now_a.sum(axis=-1), pref_a.sum(axis=-1)
    ok_now = np.abs(totals_now - TOTAL) <= tolerance
    ok_pref = np.abs(totals_pref - TOTAL) <= tolerance
    s_now = mode_scores(now_a, use=ok_now)
    s_pref = mode_scores(pref_a, use=ok_pref)
    answered = likert is not None and bool(np.any(np.isfinite(np.asarray(likert, dtype=float))))
    forms = form_scores(likert, q) if likert is not None and answered else None
    lik: ArrayLike = likert if likert is not None else np.full(len(q.likert_items), np.nan)
    strength = strength_ratings(lik, q) if answered else np.full(4, np.nan)
    pref_strength = strength_ratings(lik, q, timeframe="preferred") if answered else np.full(4, np.nan)
    structure = structure_scores(lik, q) if answered else None
    acq = float(acquiescence_index(lik, q)) if answered else math.nan
    malign = (0.0, 0.0, 0.0) if forms is None else (*(float(v) for v in forms.share), float(forms.despair))
    p_now = profile_from_scores(s_now, malign, strength=strength) if ok_now.any() else None
    # The preferred profile is a wish, not a diagnosis: wholly benign, fatalism's despair 0 too
    # (without the explicit 0, Profile's default would read all preferred fatalism as despair).
    p_pref = profile_from_scores(s_pref, PREFERRED_MALIGN, strength=pref_strength) if ok_pref.any() else None
    c_now = float(congruence(now_a[ok_now])) if ok_now.any() else math.nan
    c_pref = float(congruence(pref_a[ok_pref])) if ok_pref.any() else math.nan
    return RespondentResult(
        now_scores=s_now, preferred_scores=s_pref, complete_now=ok_now, complete_preferred=ok_pref,
        totals_now=totals_now, totals_preferred=totals_pref, forms=forms, strength=strength,
        preferred_strength=pref_strength, acquiescence=acq, structure=structure, now=p_now, preferred=p_pref,
        gap=s_pref - s_now, congruence_now=c_now, congruence_preferred=c_pref,
        configuration_now=(None if p_now is None
                           else survey_configuration(p_now, forms, threshold=threshold)),
        configuration_preferred=(None if p_pref is None
                                 else preferred_configuration(p_pref, pref_strength, threshold=threshold)),
        balance_now=None if p_now is None else report(p_now),
        balance_preferred=None if p_pref is None else report(p_pref),
    )


_EXAMPLE_RATINGS = {
    # benign, malign: hierarchy partly overbearing, solidarity strong and mostly benign,
    # individualism held back, fatalism more wisdom than despair; each reversal answered the
    # other way round from its forward statement, give or take a point
    "BH1": 4, "BH2": 4, "BH3": 2, "BH4": 2, "MH1": 4, "MH2": 3, "MH3": 2, "MH4": 3,
    "BS1": 5, "BS2": 4, "BS3": 1, "BS4": 2, "MS1": 2, "MS2": 3, "MS3": 4, "MS4": 3,
    "BI1": 2, "BI2": 3, "BI3": 4, "BI4": 3, "MI1": 2, "MI2": 2, "MI3": 4, "MI4": 4,
    "BF1": 4, "BF2": 4, "BF3": 2, "BF4": 2, "MF1": 3, "MF2": 2, "MF3": 3, "MF4": 4,
    "GR1": 4, "GR2": 2, "GP1": 4, "GP2": 2, "W1": 2, "W2": 4,
    "ATH": 4, "ATS": 5, "ATI": 2, "ATF": 2,
    "AOH": 5, "AOS": 4, "AOI": 2, "AOF": 3,
    "ALH": 4, "ALS": 3, "ALI": 3, "ALF": 3,
    "APH": 4, "APS": 4, "API": 4, "APF": 2,
}


def example_answers() -> dict[str, Any]:
    """An illustrative respondent for teaching: a nurse on a busy hospital ward (made up, not data).

    Now, hierarchy and solidarity are strong, individualism weak and fatalism moderate; hierarchy
    shows some of its overbearing side, but not more than its benign side, so no warning;
    preferred, more room for initiative and less fatalism.

    Returns
    -------
    dict
        ``now`` and ``preferred`` (6 x 4 lists of points) and ``likert`` (answers to every 1-5
        item, in questionnaire order).

    Examples
    --------
    >>> ex = example_answers()
    >>> r = score_answers(ex["now"], ex["preferred"], ex["likert"])
    >>> r.configuration_now.name
    'deficit culture: weak individualism'
    >>> r.forms.malign.round(2).tolist()
    [0.25, -0.25, -0.5, -0.25]
    >>> r.configuration_preferred.name, r.acquiescence
    ('balanced', 0.0)
    """
    q = questionnaire()
    return {
        "now": [[40, 30, 10, 20], [35, 40, 10, 15], [45, 25, 15, 15],
                [50, 20, 10, 20], [45, 30, 5, 20], [40, 35, 10, 15]],
        "preferred": [[30, 35, 30, 5], [30, 40, 25, 5], [30, 35, 30, 5],
                      [30, 30, 35, 5], [30, 35, 30, 5], [35, 30, 30, 5]],
        "likert": [_EXAMPLE_RATINGS[i.id] for i in q.likert_items],
    }
