r"""The 1-5 items of one respondent: keying, benign and malign levels, strength, structure.

Also the acquiescence index and the malign warnings.

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
left is yes-saying (+) or nay-saying (-). A respondent is flagged at :data:`ACQUIESCENCE_FLAG` =
0.5 or more (or -0.5 or less), i.e. on average "agree" (or "disagree") with a statement and with
its reversal (the kit's threshold:
so far from 0 that honest, content-driven answers seldom reach it; their levels should then be
read with care). The strength block is a rating of how strong, not an agreement, and has no
reversals; it is reported as single ratings, without a reliability, and its own yes-saying is
shown, not cancelled (:func:`~coordkit.survey.styles.high_rating_tendency`).

A strong mode gets a **malign warning** when its malign level is at least
:data:`MALIGN_WARNING` = 0.25 (on average between "neither" and "agree") *and* exceeds its
benign level by :data:`FORM_MARGIN` (the kit's rule). A form is called benign or malign only by
that margin (:func:`form_readings`); otherwise it is "not determined", so neutral answers are
never read as benign. A scale is scored only from 3 of its 4 items (2 of 2), with at least one
of each keying (:data:`MIN_SCALE_SHARE`). The profile's malign share of an active mode (the fraction of its
strength the kit's figures draw as malign) is the positive part of its malign level.

Structure
---------
Grid (who sets the rules of your work) and group (how bounded and close your team is) are each the
mean of two keyed items, as levels from -1 to +1; the withdrawal (hermit) item is reported on its
own. Their signs place the respondent's own position in grid-group space (high grid and group:
hierarchy; low grid, high group: solidarity; low both: individualism; high grid, low group:
fatalism), a reading of Douglas's scheme and Gross and Rayner (1985), not a score of the modes.

Sources: profiles rather than types after Marris, Langford and O'Riordan (1998), *Risk Analysis*
18(5); grid and group measured from structure after Gross and Rayner, *Measuring Culture* (1985).
This is a teaching instrument, not a validated measure.

Examples
--------
>>> q = questionnaire()
>>> f = form_scores([3] * len(q.likert_items), q)
>>> f.benign.tolist(), malign_warnings(f)
([0.0, 0.0, 0.0, 0.0], [])
>>> acquiescence_index([5] * len(q.likert_items), q)
1.0
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from coordkit.modes import ACTIVE_MODES, ALL_MODES, Mode
from coordkit.survey.instrument import LEVELS, TIMEFRAMES, Questionnaire, SurveyError, questionnaire

__all__ = [
    "ACQUIESCENCE_FLAG",
    "FORM_MARGIN",
    "MALIGN_WARNING",
    "MIN_SCALE_SHARE",
    "QUADRANT_MARGIN",
    "FormScores",
    "Structure",
    "acquiescence_flags",
    "acquiescence_index",
    "form_readings",
    "form_scores",
    "keyed",
    "malign_shares",
    "malign_warnings",
    "scale_columns",
    "scale_levels",
    "strength_ratings",
    "structure_scores",
]

#: Malign level from which a strong mode whose malign side outweighs its benign side is flagged
#: (the kit's rule).
MALIGN_WARNING = 0.25
#: Acquiescence index from which a respondent is flagged: on average "agree" with both a statement
#: and its reversal (yes-saying), or at minus this, "disagree" with both (nay-saying); the kit's threshold.
ACQUIESCENCE_FLAG = 0.5
#: Distance from neutral (0) that grid and group must both reach before a respondent is placed in
#: a grid-group quadrant: on average one point off "neither" on both of a scale's two items (the
#: kit's margin; a two-item score is too unreliable to read a sign from a single one-point lean).
QUADRANT_MARGIN = 0.5
#: Share of a scale's items that must be answered for it to be scored (3 of 4, 2 of 2), with at
#: least one of each keying (the kit's rule).
MIN_SCALE_SHARE = 0.75
#: Difference between the benign and malign levels from which a mode's form is called benign or
#: malign (the kit's margin: half a scale point, since one answer moved by one point in a
#: four-item scale shifts a level by 0.125, so 0.25 is two such answers, not one slip).
FORM_MARGIN = 0.25


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


def _scale_minimum(x: NDArray[np.float64], cols: list[int], reverse: list[bool]) -> NDArray[np.bool_]:
    """Whether enough of a scale was answered to score it (:data:`MIN_SCALE_SHARE`, both keyings)."""
    part = np.isfinite(x[..., cols])
    rev = np.asarray(reverse, dtype=bool)
    enough = part.sum(axis=-1) >= math.ceil(MIN_SCALE_SHARE * len(cols))
    if rev.any() and (~rev).any():
        enough &= part[..., rev].any(axis=-1) & part[..., ~rev].any(axis=-1)
    return np.asarray(enough, dtype=bool)


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
        By scale name, in :meth:`Questionnaire.scales` order. A scale is **not scored** (NaN)
        unless at least :data:`MIN_SCALE_SHARE` of its items were answered, with at least one
        forward and one reversed item where it has both (the kit's rule: without a pair, agreeing
        with every forward statement would read as a level of +1).

    Examples
    --------
    >>> q = questionnaire()
    >>> {k: float(v) for k, v in scale_levels([5] * len(q.likert_items), q).items()}["hierarchy benign"]
    0.0
    >>> x = [5.0 if not i.reverse else float("nan") for i in q.likert_items]  # reversals skipped
    >>> bool(np.isnan(scale_levels(x, q)["hierarchy benign"]))
    True
    """
    q = q or questionnaire()
    x = np.asarray(likert, dtype=float) if keyed_already else keyed(likert, q)
    out = {}
    for scale in q.scales():
        cols = [q.likert_items.index(i) for i in scale.items]
        ok = _scale_minimum(x, cols, [i.reverse for i in scale.items])
        out[scale.name] = np.where(ok, (_scale_mean(x, cols) - 3.0) / 2.0, np.nan)
    return out


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
    """Which acquiescence indices reach ``level`` (yes-saying) or ``-level`` (nay-saying).

    The threshold is the kit's, :data:`ACQUIESCENCE_FLAG`.

    Examples
    --------
    >>> acquiescence_flags([0.0, 0.5, 1.0, -0.25, -0.5, float("nan")]).tolist()
    [False, True, True, False, True, False]
    """
    a = np.asarray(index, dtype=float)
    return np.isfinite(a) & (np.abs(a) >= level)


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


def form_readings(forms: FormScores | None, *, margin: float = FORM_MARGIN) -> list[str]:
    """Each mode's form (H, S, I, F) as the answers show it: "benign", "malign" or "not determined".

    A form is called benign (malign) only when that level exceeds the other by at least
    ``margin`` (:data:`FORM_MARGIN`, the kit's) and is above 0, i.e. on the agreeing side;
    otherwise, e.g. with neutral answers on both, the form is not determined: the kit never
    reads "neither" as benign.

    Examples
    --------
    >>> q = questionnaire()
    >>> form_readings(form_scores([3] * len(q.likert_items), q))
    ['not determined', 'not determined', 'not determined', 'not determined']
    >>> x = [4] * len(q.likert_items)
    >>> x[q.likert_items.index(q.item("BH3"))] = x[q.likert_items.index(q.item("BH4"))] = 2
    >>> form_readings(form_scores(x, q))[0]  # benign 0.5 against malign 0
    'benign'
    """
    if forms is None:
        return ["not determined"] * len(ALL_MODES)
    # plain floats: called once per respondent (the same comparisons as on numpy's, a tenth the time)
    b = np.asarray(forms.benign, dtype=float).tolist()
    m = np.asarray(forms.malign, dtype=float).tolist()
    out = []
    for k in range(len(ALL_MODES)):
        if math.isfinite(b[k]) and math.isfinite(m[k]) and b[k] - m[k] >= margin and b[k] > 0:
            out.append("benign")
        elif math.isfinite(b[k]) and math.isfinite(m[k]) and m[k] - b[k] >= margin and m[k] > 0:
            out.append("malign")
        else:
            out.append("not determined")
    return out


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
                    level: float = MALIGN_WARNING, margin: float = FORM_MARGIN) -> list[Mode]:
    """The modes (among ``strong``) whose malign level reaches ``level`` and exceeds the benign by ``margin``.

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
    b = np.asarray(forms.benign, dtype=float).tolist()  # plain floats, as in form_readings
    m = np.asarray(forms.malign, dtype=float).tolist()
    return [mode for k, mode in enumerate(ALL_MODES)
            if mode in strong and math.isfinite(m[k]) and m[k] >= level
            and (not math.isfinite(b[k]) or m[k] - b[k] >= margin)]


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
        """The grid-group quadrant of one respondent's own position.

        ``"-"`` when unanswered or when grid or group is nearer neutral than
        :data:`QUADRANT_MARGIN`: the sign of a two-item score that close to 0 says little.

        Examples
        --------
        >>> Structure(np.float64(0.5), np.float64(0.5), np.float64(0.0)).quadrant()
        'hierarchy'
        >>> Structure(np.float64(0.25), np.float64(0.75), np.float64(0.0)).quadrant()  # grid near neutral
        '-'
        """
        g, p = float(self.grid), float(self.group)
        if not (math.isfinite(g) and math.isfinite(p)) or min(abs(g), abs(p)) < QUADRANT_MARGIN:
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
