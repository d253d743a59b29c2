r"""The diagnostic questionnaire: its items, and scoring answers into profiles, gaps and group results.

The questionnaire (``data/survey_items.csv``, in the kit's own words) borrows the *format* of Cameron
and Quinn's OCAI and fills it with coordination-theory content:

- a **divide-100 block**: six dimensions of organisational life (how decisions are made, what holds
  people together, what gets rewarded, how change happens, how failure is handled, what leaders
  do), each with one statement per mode -- hierarchy, solidarity, individualism, fatalism. A
  respondent shares 100 points among a dimension's four statements, once for how things are
  **now** and once for how they would **prefer** them;
- a **Likert block**: twelve statements (1 = strongly disagree ... 5 = strongly agree), two benign
  and two malign for each active mode, which say how much of each mode takes its malign form.

Scoring
-------
A dimension's points are first rescaled to sum to exactly 100 (absorbing rounding within the
tolerance the reader allows). A mode's **score** is its mean over the dimensions, so the four
scores also sum to 100 (the OCAI convention). The scores become a
:class:`~coordkit.profile.Profile` through :meth:`Profile.from_shares
<coordkit.profile.Profile.from_shares>`: each strength is relative to the strongest mode.

Each active mode's **malign share** comes from the Likert block. With :math:`b` and :math:`m` the
mean agreement with its benign and malign statements, rescaled from 1-5 to 0-1,

.. math::

    \text{malign share} = \frac{m}{b + m} \qquad (0 \text{ when } b + m = 0),

so agreeing equally with both halves gives 0.5. A mode whose benign or malign statements were all
left unanswered gets 0 (no evidence of malignity) and is flagged. Preferred profiles are taken as
wholly benign: nobody is asked which malign forms they would like.

The **gap** is preferred minus now, mode by mode (in points): positive means "we want more of
this". **Congruence** asks whether the six dimensions tell the same story: one minus the mean
distance (half the sum of absolute differences, in shares) between each dimension and the
respondent's overall scores -- 1 when every dimension has the same mix, lower when, say, change is
run hierarchically but failure is met with a shrug. A **group profile** is the mean of its members'
scores (the OCAI convention), reported with its spread.

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

Sources: questionnaire format after K. Cameron and R. Quinn's OCAI (https://ocai.dk/ocai; none of
its statements used); profiles rather than types after Marris, Langford and O'Riordan (1998),
*Risk Analysis* 18(5); compositional data after J. Aitchison, *The Statistical Analysis of
Compositional Data* (Chapman and Hall, 1986) and Martín-Fernández et al. (2003), *Mathematical
Geology* 35(3), 253-278.

Examples
--------
>>> q = questionnaire()
>>> len(q.dimensions), len(q.likert_items)
(6, 12)
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
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from coordkit.balance import BalanceReport, report
from coordkit.configuration import Configuration, classify
from coordkit.modes import ACTIVE_MODES, ALL_MODES, Mode, parse_mode
from coordkit.profile import Profile

if TYPE_CHECKING:  # pandas is imported lazily
    import pandas as pd

__all__ = [
    "DEFAULT_MIN_GROUP",
    "DEFAULT_TOLERANCE",
    "ID_COLUMN",
    "LIKERT_LABELS",
    "MIN_GROUP_FLOOR",
    "NOT_STATED",
    "SYNTHETIC_SEED",
    "TIMEFRAMES",
    "TOTAL",
    "ClassAnalysis",
    "DisclosurePlan",
    "FormScores",
    "GroupSummary",
    "Item",
    "Questionnaire",
    "RespondentResult",
    "Responses",
    "SurveyError",
    "aitchison_distance",
    "analyse",
    "clr",
    "clr_inverse",
    "complete_dimensions",
    "compositional_mean",
    "congruence",
    "dimension_distances",
    "dimension_totals",
    "disclosure_plan",
    "dominant_agreement",
    "example_answers",
    "form_scores",
    "gap_drivers",
    "malign_shares",
    "mode_scores",
    "profile_from_scores",
    "questionnaire",
    "replace_zeros",
    "score_answers",
    "synthetic_class",
    "total_variance",
    "variation_matrix",
]

#: Points each dimension shares out.
TOTAL = 100.0
#: How far (in points) a dimension's total may stray from 100 before the answers are rejected.
DEFAULT_TOLERANCE = 1.0
#: The two timeframes of the divide-100 block, as used in response-file column names.
TIMEFRAMES: tuple[str, str] = ("now", "preferred")
#: The Likert scale, 1 to 5.
LIKERT_LABELS: dict[int, str] = {
    1: "strongly disagree",
    2: "disagree",
    3: "neither agree nor disagree",
    4: "agree",
    5: "strongly agree",
}
#: Name of the respondent-id column in response files.
ID_COLUMN = "respondent"
#: Groups smaller than this are not shown in class results (a privacy default).
DEFAULT_MIN_GROUP = 5
#: The smallest minimum group size allowed: below 3, a group's result is nearly an individual's.
MIN_GROUP_FLOOR = 3
#: Label for respondents who left a group column empty.
NOT_STATED = "(not stated)"
#: Seed of the synthetic class shipped in ``data/synthetic_class.csv``.
SYNTHETIC_SEED = 2026

_FORMS = ("neutral", "benign", "malign")
_BLOCKS = ("divide100", "likert")


class SurveyError(ValueError):
    """Answers could not be scored; the message names the dimension, timeframe or item."""


# ----- the questionnaire -----------------------------------------------------------------------
@dataclass(frozen=True)
class Item:
    """One questionnaire item.

    Attributes
    ----------
    id : str
        ``D<dimension><mode initial>`` (divide-100) or ``L<mode initial><B|M><n>`` (Likert).
    block : str
        ``"divide100"`` or ``"likert"``.
    dimension : str or None
        Dimension key for divide-100 items (e.g. ``"decisions"``); ``None`` for Likert items.
    heading : str
        The question shown above the item's group of statements.
    mode : Mode
        The mode the statement expresses (a judgement).
    form : str
        ``"neutral"`` (every divide-100 item), ``"benign"`` or ``"malign"`` (a judgement).
    statement : str
        The wording respondents read.
    """

    id: str
    block: str
    dimension: str | None
    heading: str
    mode: Mode
    form: str
    statement: str

    def column(self, timeframe: str | None = None) -> str:
        """The item's column name in a response file.

        Parameters
        ----------
        timeframe : {"now", "preferred"}, optional
            Required for divide-100 items, not allowed for Likert items.

        Examples
        --------
        >>> questionnaire().item("D1H").column("now")
        'now_D1H'
        >>> questionnaire().item("LHB1").column()
        'LHB1'
        """
        if self.block == "likert":
            if timeframe is not None:
                raise SurveyError(f"{self.id}: Likert items are answered once, without a timeframe")
            return self.id
        if timeframe not in TIMEFRAMES:
            raise SurveyError(f"{self.id}: timeframe must be 'now' or 'preferred', got {timeframe!r}")
        return f"{timeframe}_{self.id}"


@dataclass(frozen=True)
class Questionnaire:
    """The items, checked for shape: every dimension has one statement per mode, in H, S, I, F order.

    Parameters
    ----------
    items : tuple of Item
        Divide-100 items dimension by dimension (modes in H, S, I, F order), then Likert items.

    Raises
    ------
    SurveyError
        If a dimension lacks a mode or a Likert item is keyed to fatalism or to the neutral form.
    """

    items: tuple[Item, ...]

    def __post_init__(self) -> None:
        ids = [i.id for i in self.items]
        if len(set(ids)) != len(ids):
            raise SurveyError("questionnaire: item ids must be unique")
        for item in self.items:
            if item.block not in _BLOCKS:
                raise SurveyError(f"{item.id}: block must be one of {_BLOCKS}, got {item.block!r}")
            if item.form not in _FORMS:
                raise SurveyError(f"{item.id}: form must be one of {_FORMS}, got {item.form!r}")
        for dim in self.dimensions:
            modes = [i.mode for i in self.items if i.block == "divide100" and i.dimension == dim]
            if modes != list(ALL_MODES):
                raise SurveyError(
                    f"questionnaire: dimension {dim!r} must have one statement per mode in the order "
                    f"hierarchy, solidarity, individualism, fatalism; found {[m.value for m in modes]}"
                )
        for item in self.likert_items:
            if item.mode is Mode.FATALISM or item.form == "neutral":
                raise SurveyError(f"{item.id}: Likert items must be benign or malign forms of an active mode")
        for mode in ACTIVE_MODES:
            forms = {i.form for i in self.likert_items if i.mode is mode}
            if self.likert_items and forms != {"benign", "malign"}:
                raise SurveyError(f"questionnaire: {mode.value} needs benign and malign Likert items")

    @property
    def dimensions(self) -> tuple[str, ...]:
        """Dimension keys, in questionnaire order."""
        return tuple(dict.fromkeys(i.dimension for i in self.items if i.block == "divide100"))  # type: ignore[misc]

    @property
    def headings(self) -> dict[str, str]:
        """The question for each dimension, by key."""
        return {i.dimension: i.heading for i in self.items if i.block == "divide100"}  # type: ignore[misc]

    @property
    def divide_items(self) -> tuple[tuple[Item, ...], ...]:
        """Divide-100 items as a grid: one row per dimension, one column per mode (H, S, I, F)."""
        return tuple(
            tuple(i for i in self.items if i.block == "divide100" and i.dimension == d)
            for d in self.dimensions
        )

    @property
    def likert_items(self) -> tuple[Item, ...]:
        """The Likert items, in questionnaire order."""
        return tuple(i for i in self.items if i.block == "likert")

    def item(self, item_id: str) -> Item:
        """The item with this id.

        Examples
        --------
        >>> questionnaire().item("D4I").mode
        <Mode.INDIVIDUALISM: 'individualism'>
        """
        for item in self.items:
            if item.id == item_id:
                return item
        raise SurveyError(f"no questionnaire item {item_id!r}")

    def columns(self, *, likert: bool = True) -> list[str]:
        """Answer columns of a response file: every ``now_`` column, every ``preferred_`` one, then Likert.

        Examples
        --------
        >>> cols = questionnaire().columns()
        >>> len(cols), cols[0], cols[24], cols[-1]
        (60, 'now_D1H', 'preferred_D1H', 'LIM2')
        """
        out = [i.column(t) for t in TIMEFRAMES for row in self.divide_items for i in row]
        if likert:
            out += [i.column() for i in self.likert_items]
        return out


@lru_cache(maxsize=4)
def questionnaire(directory: str | Path | None = None) -> Questionnaire:
    """The kit's questionnaire, read (and validated) from ``data/survey_items.csv``.

    Parameters
    ----------
    directory : str or Path, optional
        Folder holding the item file; default the kit's data folder.

    Returns
    -------
    Questionnaire

    Examples
    --------
    >>> q = questionnaire()
    >>> q.headings["failure"]
    'How is failure handled?'
    >>> [i.form for i in q.likert_items[:4]]
    ['benign', 'benign', 'malign', 'malign']
    """
    from coordkit import data

    frame = data.load("survey_items.csv", directory)
    items = tuple(
        Item(
            id=row["id"], block=row["block"], dimension=row["dimension"] or None,
            heading=row["heading"], mode=parse_mode(row["mode"]), form=row["form"],
            statement=row["statement"],
        )
        for row in frame.to_dict("records")
    )
    return Questionnaire(items)


# ----- arrays of answers -----------------------------------------------------------------------
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


def profile_from_scores(scores: ArrayLike, malign: Sequence[float] = (0.0, 0.0, 0.0)) -> Profile:
    """A :class:`~coordkit.profile.Profile` from four mode scores that sum to 100.

    Strengths are relative to the strongest mode (see :meth:`Profile.from_shares
    <coordkit.profile.Profile.from_shares>`).

    Parameters
    ----------
    scores : array_like of 4 floats
        Scores for H, S, I, F.
    malign : sequence of 3 floats, default all 0
        Malign shares of H, S, I (NaN counts as 0).

    Returns
    -------
    Profile

    Examples
    --------
    >>> profile_from_scores([40, 30, 10, 20], malign=[0.5, 0, 0])
    Profile(hierarchy=1.0, solidarity=0.75, individualism=0.25, fatalism=0.5, malign_hierarchy=0.5, ...)
    """
    s = np.asarray(scores, dtype=float)
    m = [0.0 if not math.isfinite(v) else float(v) for v in malign]
    return Profile.from_shares([float(v) for v in s], tolerance=1e-6, malign=m)


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


@dataclass(frozen=True)
class FormScores:
    """Benign and malign agreement for each active mode, and the malign share built from them.

    Attributes
    ----------
    benign, malign : ndarray, shape (..., 3)
        Mean agreement with the mode's benign (malign) statements, rescaled from 1-5 to 0-1;
        NaN where none was answered.
    share : ndarray, shape (..., 3)
        Malign share ``malign / (benign + malign)``; 0 where unanswered or both are 0.
    answered : ndarray of bool, shape (..., 3)
        Whether at least one benign and one malign statement of the mode were answered.
    """

    benign: NDArray[np.float64]
    malign: NDArray[np.float64]
    share: NDArray[np.float64]
    answered: NDArray[np.bool_]


def form_scores(likert: ArrayLike, q: Questionnaire | None = None) -> FormScores:
    """Score the Likert block: benign and malign agreement per active mode, and the malign share.

    Parameters
    ----------
    likert : array_like, shape (..., 12)
        Answers 1 to 5 in questionnaire order; NaN for an unanswered item.
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
    >>> f = form_scores([5, 5, 1, 1,  3, 3, 3, 3,  1, 1, 5, 5])
    >>> f.share.tolist()
    [0.0, 0.5, 1.0]
    """
    q = q or questionnaire()
    items = q.likert_items
    x = np.asarray(likert, dtype=float)
    if x.shape[-1:] != (len(items),):
        raise SurveyError(f"likert: expected {len(items)} answers per respondent, got shape {x.shape}")
    answered_cells = np.isfinite(x)
    if np.any(answered_cells & ((x < 1) | (x > 5))):
        raise SurveyError("likert: answers must be from 1 (strongly disagree) to 5 (strongly agree)")
    scaled = (x - 1.0) / 4.0
    benign, malign = [], []
    for mode in ACTIVE_MODES:
        for form, out in (("benign", benign), ("malign", malign)):
            cols = [k for k, i in enumerate(items) if i.mode is mode and i.form == form]
            part = scaled[..., cols]
            count = np.isfinite(part).sum(axis=-1)
            with np.errstate(invalid="ignore"):
                out.append(np.where(count > 0, np.nansum(part, axis=-1) / np.maximum(count, 1), np.nan))
    b, m = np.stack(benign, axis=-1), np.stack(malign, axis=-1)
    answered = np.isfinite(b) & np.isfinite(m)
    denom = np.where(answered, b + m, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(answered & (denom > 0), np.where(answered, m, 0.0) / np.where(denom > 0, denom, 1.0),
                         0.0)
    return FormScores(benign=b, malign=m, share=share, answered=answered)


def malign_shares(likert: ArrayLike | None, q: Questionnaire | None = None) -> NDArray[np.float64]:
    """Malign share of each active mode from the Likert block (zeros if there is none).

    Parameters
    ----------
    likert : array_like, shape (..., 12), or None
    q : Questionnaire, optional

    Returns
    -------
    ndarray, shape (..., 3)

    Examples
    --------
    >>> malign_shares([4, 4, 2, 2,  4, 4, 2, 2,  2, 2, 4, 4]).round(2).tolist()
    [0.25, 0.25, 0.75]
    >>> malign_shares(None).tolist()
    [0.0, 0.0, 0.0]
    """
    if likert is None:
        return np.zeros(len(ACTIVE_MODES))
    return form_scores(likert, q).share


# ----- log-ratios ------------------------------------------------------------------------------
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
        The Likert block, if answered.
    now, preferred : Profile or None
        Profiles (None if no dimension is complete). The preferred profile is wholly benign.
    gap : ndarray, shape (4,)
        Preferred minus now scores, in points.
    congruence_now, congruence_preferred : float
        :func:`congruence` over the complete dimensions (NaN if none).
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
    threshold: float = 0.5,
    q: Questionnaire | None = None,
) -> RespondentResult:
    """Score one respondent, using only the dimensions that share out 100 points.

    Parameters
    ----------
    now, preferred : array_like, shape (dimensions, 4)
        Points per dimension and mode (H, S, I, F).
    likert : array_like, shape (12,), optional
        Likert answers 1-5 (NaN = unanswered); without them malign shares are 0.
    tolerance : float, default 1
        Allowed distance of a dimension total from 100.
    threshold : float, default 0.5
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
    >>> r.configuration_now.name
    'deficit culture with fatalism: weak individualism'
    """
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
    forms = None if likert is None else form_scores(likert, q)
    malign = (0.0, 0.0, 0.0) if forms is None else tuple(float(v) for v in forms.share)
    p_now = profile_from_scores(s_now, malign) if ok_now.any() else None
    p_pref = profile_from_scores(s_pref) if ok_pref.any() else None
    c_now = float(congruence(now_a[ok_now])) if ok_now.any() else math.nan
    c_pref = float(congruence(pref_a[ok_pref])) if ok_pref.any() else math.nan
    return RespondentResult(
        now_scores=s_now, preferred_scores=s_pref, complete_now=ok_now, complete_preferred=ok_pref,
        totals_now=totals_now, totals_preferred=totals_pref, forms=forms, now=p_now, preferred=p_pref,
        gap=s_pref - s_now, congruence_now=c_now, congruence_preferred=c_pref,
        configuration_now=None if p_now is None else classify(p_now, strong=threshold),
        configuration_preferred=None if p_pref is None else classify(p_pref, strong=threshold),
        balance_now=None if p_now is None else report(p_now),
        balance_preferred=None if p_pref is None else report(p_pref),
    )


def example_answers() -> dict[str, Any]:
    """An illustrative respondent for teaching: a nurse on a busy hospital ward (made up, not data).

    Now, hierarchy and solidarity are strong, individualism weak and fatalism noticeable, with a
    partly overbearing hierarchy (40% malign: clearly under the 50% at which a diagnosis warns);
    preferred, more room for initiative and less fatalism.

    Returns
    -------
    dict
        ``now`` and ``preferred`` (6 x 4 lists of points) and ``likert`` (12 answers).

    Examples
    --------
    >>> ex = example_answers()
    >>> r = score_answers(ex["now"], ex["preferred"], ex["likert"])
    >>> r.configuration_now.name, r.forms.share.round(2).tolist()
    ('deficit culture: weak individualism', [0.4, 0.22, 0.4])
    """
    return {
        "now": [[40, 30, 10, 20], [35, 40, 10, 15], [45, 25, 15, 15],
                [50, 20, 10, 20], [45, 30, 5, 20], [40, 35, 10, 15]],
        "preferred": [[30, 35, 25, 10], [25, 45, 20, 10], [25, 35, 30, 10],
                      [30, 30, 35, 5], [25, 40, 30, 5], [30, 35, 30, 5]],
        "likert": [4, 4, 3, 3, 5, 4, 2, 2, 2, 3, 2, 2],
    }


# ----- many respondents ------------------------------------------------------------------------
def _rows(x: ArrayLike, n: int, tail: tuple[int, ...], what: str) -> NDArray[np.float64]:
    """``x`` as a float array with ``n`` rows: shape (n, k, *tail)."""
    a = np.asarray(x, dtype=float)
    if a.ndim == 2 + len(tail) and a.shape[0] == n and a.shape[2:] == tail:
        return a
    if a.size == 0 and n == 0:
        return a.reshape(0, 0, *tail)
    try:
        return a.reshape(n, -1, *tail)
    except ValueError:
        raise SurveyError(f"{what}: cannot arrange shape {a.shape} as {n} respondents") from None


@dataclass(frozen=True, eq=False)
class Responses:
    """Accepted answers of many respondents, as arrays (what the reader produces).

    Parameters
    ----------
    ids : tuple of str
        Respondent ids (pseudonyms), unique.
    now, preferred : ndarray, shape (n, dimensions, 4)
        Points per respondent, dimension and mode.
    likert : ndarray, shape (n, 12), or None
        Likert answers (NaN = unanswered), or None if the block was not asked.
    groups : mapping of str to tuple of str
        Group labels per respondent, by group column (e.g. ``{"team": (...)}``).
    """

    ids: tuple[str, ...]
    now: NDArray[np.float64]
    preferred: NDArray[np.float64]
    likert: NDArray[np.float64] | None = None
    groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        n = len(self.ids)
        object.__setattr__(self, "ids", tuple(str(i) for i in self.ids))
        object.__setattr__(self, "now", _rows(self.now, n, (4,), "now"))
        object.__setattr__(self, "preferred", _rows(self.preferred, n, (4,), "preferred"))
        if self.likert is not None:
            object.__setattr__(self, "likert", _rows(self.likert, n, (), "likert"))
        groups = {k: tuple(str(v) for v in vals) for k, vals in self.groups.items()}
        object.__setattr__(self, "groups", groups)
        if len(set(self.ids)) != n:
            raise SurveyError("respondent ids must be unique")
        if self.now.shape != self.preferred.shape:
            raise SurveyError("now and preferred answers must have the same shape")
        for name, labels in self.groups.items():
            if len(labels) != n:
                raise SurveyError(f"group column {name!r}: {len(labels)} labels for {n} respondents")

    def __len__(self) -> int:
        return len(self.ids)

    def scores(self, timeframe: str = "now") -> NDArray[np.float64]:
        """Mode scores (n, 4) for ``"now"`` or ``"preferred"``."""
        if timeframe not in TIMEFRAMES:
            raise SurveyError(f"timeframe must be 'now' or 'preferred', got {timeframe!r}")
        points = self.now if timeframe == "now" else self.preferred
        return mode_scores(points) if len(self) else np.zeros((0, 4))

    def malign(self, q: Questionnaire | None = None) -> NDArray[np.float64]:
        """Malign shares (n, 3); zeros if the Likert block was not asked."""
        if self.likert is None or not len(self):
            return np.zeros((len(self), 3))
        return form_scores(self.likert, q).share

    def profiles(self, timeframe: str = "now") -> list[Profile]:
        """One profile per respondent (preferred profiles are wholly benign)."""
        scores = self.scores(timeframe)
        malign = self.malign() if timeframe == "now" else np.zeros((len(self), 3))
        return [profile_from_scores(s, m) for s, m in zip(scores, malign, strict=True)]

    def select(self, mask: ArrayLike) -> Responses:
        """The respondents where ``mask`` is true."""
        m = np.asarray(mask, dtype=bool)
        return Responses(
            ids=tuple(i for i, keep in zip(self.ids, m, strict=True) if keep),
            now=self.now[m], preferred=self.preferred[m],
            likert=None if self.likert is None else self.likert[m],
            groups={k: tuple(v for v, keep in zip(vals, m, strict=True) if keep)
                    for k, vals in self.groups.items()},
        )


@dataclass(frozen=True)
class DisclosurePlan:
    """Which groups a shared report may show, so that nobody in a small group can be singled out.

    Groups under ``min_size`` are suppressed (*primary* suppression). Their members are pooled
    into one combined row; if that row would itself be under ``min_size`` -- and so could be worked
    out by subtracting the shown groups from the class -- the smallest shown groups join the pool
    until it is large enough (*secondary* suppression).

    Attributes
    ----------
    min_size : int
    sizes : dict of str to int
    shown : tuple of str
        Groups shown on their own, largest first.
    suppressed : tuple of str
        Groups under ``min_size``.
    secondary : tuple of str
        Groups big enough, but pooled to protect the suppressed ones.
    pooled_size : int
        Respondents in the pooled row (0 if none).
    show_pooled : bool
        Whether the pooled row is shown (it is large enough and differs from the whole class).
    """

    min_size: int
    sizes: dict[str, int]
    shown: tuple[str, ...]
    suppressed: tuple[str, ...]
    secondary: tuple[str, ...]
    pooled_size: int
    show_pooled: bool

    @property
    def pooled(self) -> tuple[str, ...]:
        """Every group folded into the pooled row."""
        return self.suppressed + self.secondary

    def note(self) -> str:
        """The plan in words, without revealing the size of any suppressed group.

        Examples
        --------
        >>> print(disclosure_plan({"A": 20, "B": 12, "C": 2}, min_size=5).note())
        Not shown separately: C (fewer than 5 respondents); B is combined with it so that the small
        group cannot be worked out by subtraction.
        """
        if not self.suppressed:
            return f"Every group has at least {self.min_size} respondents: all are shown."
        small = ", ".join(self.suppressed)
        text = f"Not shown separately: {small} (fewer than {self.min_size} respondents)"
        if self.secondary:
            verb = "is" if len(self.secondary) == 1 else "are"
            it = "it" if len(self.suppressed) == 1 else "them"
            text += (f"; {', '.join(self.secondary)} {verb} combined with {it} so that the small "
                     f"group cannot be worked out by subtraction")
        if not self.show_pooled:
            text += "; the combined respondents count only in the whole-class results"
        return text + "."


def disclosure_plan(sizes: Mapping[str, int], min_size: int = DEFAULT_MIN_GROUP) -> DisclosurePlan:
    """Decide which groups to show, suppress or pool (see :class:`DisclosurePlan`).

    Parameters
    ----------
    sizes : mapping of str to int
        Respondents per group.
    min_size : int, default 5
        Smallest group shown on its own; at least :data:`MIN_GROUP_FLOOR` (3).

    Returns
    -------
    DisclosurePlan

    Raises
    ------
    ValueError
        If ``min_size`` is below the floor.

    Examples
    --------
    >>> plan = disclosure_plan({"Ward A": 18, "Ward B": 16, "Estates": 3}, min_size=5)
    >>> plan.shown, plan.suppressed, plan.secondary, plan.pooled_size
    (('Ward A',), ('Estates',), ('Ward B',), 19)
    >>> disclosure_plan({"Ward A": 18, "Estates": 3, "Porters": 4}).show_pooled
    True
    """
    if int(min_size) != min_size or min_size < MIN_GROUP_FLOOR:
        raise ValueError(
            f"min_size must be a whole number of at least {MIN_GROUP_FLOOR} (smaller groups would "
            f"expose individuals), got {min_size!r}"
        )
    min_size = int(min_size)
    sizes = {str(k): int(v) for k, v in sizes.items()}
    suppressed = sorted((g for g, n in sizes.items() if n < min_size), key=lambda g: (sizes[g], g))
    shown = sorted((g for g, n in sizes.items() if n >= min_size), key=lambda g: (-sizes[g], g))
    pooled = sum(sizes[g] for g in suppressed)
    secondary: list[str] = []
    while suppressed and pooled < min_size and shown:
        smallest = shown.pop()  # shown is sorted largest first
        secondary.append(smallest)
        pooled += sizes[smallest]
    return DisclosurePlan(
        min_size=min_size, sizes=sizes, shown=tuple(shown), suppressed=tuple(suppressed),
        secondary=tuple(secondary), pooled_size=pooled,
        show_pooled=bool(suppressed) and pooled >= min_size and bool(shown),
    )


@dataclass(frozen=True)
class GroupSummary:
    """Class or group results: mean scores with spread, profiles, configurations and balance.

    Attributes
    ----------
    label : str
    n : int
    now_mean, now_sd, preferred_mean, preferred_sd : ndarray, shape (4,)
        Mean and standard deviation of members' mode scores (H, S, I, F), in points.
    malign_mean : ndarray, shape (3,)
        Mean malign share of H, S, I (0 if the Likert block was not asked).
    gap : ndarray, shape (4,)
        ``preferred_mean - now_mean``.
    now, preferred : Profile
        Profiles of the mean scores.
    configuration_now, configuration_preferred : Configuration
    balance_now, balance_preferred : BalanceReport
    congruence_now : float
        Mean congruence of members' now answers.
    variance_now : float
        Total (clr) variance of members' now scores: spread that respects the sum to 100.
    compositional_now : ndarray, shape (4,)
        Compositional (closed geometric) mean of members' now scores.
    """

    label: str
    n: int
    now_mean: NDArray[np.float64]
    now_sd: NDArray[np.float64]
    preferred_mean: NDArray[np.float64]
    preferred_sd: NDArray[np.float64]
    malign_mean: NDArray[np.float64]
    gap: NDArray[np.float64]
    now: Profile
    preferred: Profile
    configuration_now: Configuration
    configuration_preferred: Configuration
    balance_now: BalanceReport
    balance_preferred: BalanceReport
    congruence_now: float
    variance_now: float
    compositional_now: NDArray[np.float64]


def _summarise(label: str, responses: Responses, threshold: float) -> GroupSummary:
    now, pref = responses.scores("now"), responses.scores("preferred")
    malign = responses.malign().mean(axis=0)
    ddof = 1 if len(responses) > 1 else 0
    p_now = profile_from_scores(now.mean(axis=0), malign)
    p_pref = profile_from_scores(pref.mean(axis=0))
    return GroupSummary(
        label=label, n=len(responses),
        now_mean=now.mean(axis=0), now_sd=now.std(axis=0, ddof=ddof),
        preferred_mean=pref.mean(axis=0), preferred_sd=pref.std(axis=0, ddof=ddof),
        malign_mean=malign, gap=pref.mean(axis=0) - now.mean(axis=0),
        now=p_now, preferred=p_pref,
        configuration_now=classify(p_now, strong=threshold),
        configuration_preferred=classify(p_pref, strong=threshold),
        balance_now=report(p_now), balance_preferred=report(p_pref),
        congruence_now=float(np.mean(congruence(responses.now))),
        variance_now=total_variance(now), compositional_now=compositional_mean(now),
    )


def gap_drivers(responses: Responses, q: Questionnaire | None = None) -> pd.DataFrame:
    """Which statements drive the now-versus-preferred gap: mean change in points per statement.

    Each dimension is rescaled to 100 first; an item's gap is its preferred minus its now points.

    Parameters
    ----------
    responses : Responses
    q : Questionnaire, optional

    Returns
    -------
    pandas.DataFrame
        One row per divide-100 statement, largest absolute mean gap first: ``item``, ``dimension``,
        ``heading``, ``mode``, ``statement``, ``now_mean``, ``preferred_mean``, ``gap_mean``,
        ``gap_sd``, ``more`` and ``less`` (share of respondents wanting more or less of it).

    Examples
    --------
    >>> ex = example_answers()
    >>> r = Responses(ids=("a",), now=[ex["now"]], preferred=[ex["preferred"]])
    >>> top = gap_drivers(r).iloc[0]
    >>> top["item"], float(top["gap_mean"])
    ('D4I', 25.0)
    """
    import pandas as pd

    q = q or questionnaire()
    n = len(responses)
    def rescale(points: NDArray[np.float64]) -> NDArray[np.float64]:
        totals = points.sum(axis=-1, keepdims=True)
        return points / np.where(totals > 0, totals, 1.0) * TOTAL
    now, pref = rescale(responses.now), rescale(responses.preferred)
    gap = pref - now
    ddof = 1 if n > 1 else 0
    rows = []
    for d, row in enumerate(q.divide_items):
        for m, item in enumerate(row):
            g = gap[:, d, m]
            rows.append({
                "item": item.id, "dimension": item.dimension, "heading": item.heading,
                "mode": item.mode.value, "statement": item.statement,
                "now_mean": float(now[:, d, m].mean()) if n else math.nan,
                "preferred_mean": float(pref[:, d, m].mean()) if n else math.nan,
                "gap_mean": float(g.mean()) if n else math.nan,
                "gap_sd": float(g.std(ddof=ddof)) if n else math.nan,
                "more": float((g > 0).mean()) if n else math.nan,
                "less": float((g < 0).mean()) if n else math.nan,
            })
    frame = pd.DataFrame(rows)
    order = frame["gap_mean"].abs().sort_values(ascending=False, kind="stable").index
    return frame.loc[order].reset_index(drop=True)


@dataclass(frozen=True)
class ClassAnalysis:
    """A class's results, ready for a report: whole class, shown groups, gap drivers, configurations.

    Attributes
    ----------
    n : int
        Respondents analysed.
    min_group : int
        The privacy threshold in force.
    class_shown : bool
        False when the whole class is under ``min_group`` (then nothing is summarised).
    overall : GroupSummary or None
        The whole class (None if not shown).
    group_column : str or None
    plan : DisclosurePlan or None
        How groups were shown, suppressed or pooled (None without a group column).
    groups : tuple of GroupSummary
        Shown groups, then the pooled row if it is shown.
    drivers : pandas.DataFrame or None
        :func:`gap_drivers` for the whole class.
    configurations : pandas.DataFrame or None
        Respondents per configuration, now and preferred.
    likert : bool
        Whether the benign/malign block was asked.
    now_scores, preferred_scores : ndarray, shape (n, 4)
        Individual scores (for scatter plots; never labelled with ids).
    """

    n: int
    min_group: int
    class_shown: bool
    overall: GroupSummary | None
    group_column: str | None
    plan: DisclosurePlan | None
    groups: tuple[GroupSummary, ...]
    drivers: pd.DataFrame | None
    configurations: pd.DataFrame | None
    likert: bool
    now_scores: NDArray[np.float64]
    preferred_scores: NDArray[np.float64]
    malign: NDArray[np.float64]

    def group_table(self) -> pd.DataFrame:
        """Class and shown groups side by side: n, mean scores, configurations and balance.

        Examples
        --------
        >>> a = analyse(synthetic_class(), group_column="team")
        >>> int(a.group_table().loc["whole class", "n"])
        60
        """
        import pandas as pd

        rows = {}
        for s in ([self.overall] if self.overall else []) + list(self.groups):
            row: dict[str, Any] = {"n": s.n}
            for k, m in enumerate(ALL_MODES):
                row[f"{m.initial} now"] = round(float(s.now_mean[k]), 1)
            for k, m in enumerate(ALL_MODES):
                row[f"{m.initial} preferred"] = round(float(s.preferred_mean[k]), 1)
            row["configuration now"] = s.configuration_now.name
            row["configuration preferred"] = s.configuration_preferred.name
            row["balance now"] = round(s.balance_now.score, 2)
            row["balance preferred"] = round(s.balance_preferred.score, 2)
            rows[s.label] = row
        return pd.DataFrame.from_dict(rows, orient="index")


def _pooled_label(plan: DisclosurePlan) -> str:
    k = len(plan.pooled)
    return f"other groups combined ({k} group{'s' if k != 1 else ''})"


def analyse(
    responses: Responses,
    *,
    group_column: str | None = None,
    min_group: int = DEFAULT_MIN_GROUP,
    threshold: float = 0.5,
    q: Questionnaire | None = None,
) -> ClassAnalysis:
    """Analyse a class: whole-class and group profiles (small groups suppressed), gap drivers.

    Parameters
    ----------
    responses : Responses
    group_column : str, optional
        Group column to break results down by (one of ``responses.groups``).
    min_group : int, default 5
        Smallest group (and class) shown; at least :data:`MIN_GROUP_FLOOR`. See
        :func:`disclosure_plan`.
    threshold : float, default 0.5
        Strength at which a mode counts as strong.
    q : Questionnaire, optional

    Returns
    -------
    ClassAnalysis

    Raises
    ------
    ValueError
        If ``group_column`` is unknown or ``min_group`` is below the floor.

    Examples
    --------
    >>> a = analyse(synthetic_class(), group_column="team")
    >>> [g.label for g in a.groups]
    ['Ward A', 'Ward B', 'Outpatients', 'other groups combined (2 groups)']
    >>> a.plan.suppressed, a.plan.secondary
    (('Estates',), ('Community team',))
    """
    q = q or questionnaire()
    if group_column is not None and group_column not in responses.groups:
        known = ", ".join(responses.groups) or "none"
        raise ValueError(f"group column {group_column!r} is not in the responses; group columns: {known}")
    if int(min_group) != min_group or min_group < MIN_GROUP_FLOOR:
        raise ValueError(f"min_group must be a whole number of at least {MIN_GROUP_FLOOR}, got {min_group!r}")
    n = len(responses)
    now_scores, pref_scores = responses.scores("now"), responses.scores("preferred")
    malign = responses.malign(q)
    class_shown = n >= min_group
    empty = ClassAnalysis(
        n=n, min_group=int(min_group), class_shown=False, overall=None, group_column=group_column,
        plan=None, groups=(), drivers=None, configurations=None,
        likert=responses.likert is not None, now_scores=now_scores[:0], preferred_scores=pref_scores[:0],
        malign=malign[:0],
    )
    if not class_shown:
        return empty
    overall = _summarise("whole class", responses, threshold)
    plan = None
    groups: list[GroupSummary] = []
    if group_column is not None:
        labels = np.array(responses.groups[group_column], dtype=object)
        sizes = {str(g): int((labels == g).sum()) for g in dict.fromkeys(labels)}
        plan = disclosure_plan(sizes, min_size=min_group)
        for g in plan.shown:
            groups.append(_summarise(g, responses.select(labels == g), threshold))
        if plan.show_pooled:
            mask = np.isin(labels, list(plan.pooled))
            groups.append(_summarise(_pooled_label(plan), responses.select(mask), threshold))
    import pandas as pd

    counts = {
        timeframe: pd.Series([classify(p, strong=threshold).name for p in responses.profiles(timeframe)])
        .value_counts()
        for timeframe in TIMEFRAMES
    }
    configurations = pd.DataFrame(counts).fillna(0).astype(int)
    configurations = configurations.sort_values(["now", "preferred"], ascending=False, kind="stable")
    configurations.index.name = "configuration"
    return ClassAnalysis(
        n=n, min_group=int(min_group), class_shown=True, overall=overall, group_column=group_column,
        plan=plan, groups=tuple(groups), drivers=gap_drivers(responses, q), configurations=configurations,
        likert=responses.likert is not None, now_scores=now_scores, preferred_scores=pref_scores,
        malign=malign,
    )


# ----- a synthetic class -----------------------------------------------------------------------
# Team cultures of the synthetic class: (share of the class, now points, preferred points,
# benign agreement H/S/I, malign agreement H/S/I on the 1-5 scale, roles with weights).
_TEAMS: tuple[tuple[str, float, tuple[float, ...], tuple[float, ...], tuple[float, ...],
                    tuple[float, ...], tuple[tuple[str, float], ...]], ...] = (
    ("Ward A", 0.30, (40, 30, 10, 20), (30, 35, 25, 10), (3.8, 4.2, 2.6), (3.0, 2.0, 1.8),
     (("clinical", 0.75), ("support", 0.15), ("manager", 0.10))),
    ("Ward B", 0.27, (45, 20, 10, 25), (30, 30, 30, 10), (2.6, 3.2, 2.2), (4.2, 2.6, 2.6),
     (("clinical", 0.70), ("support", 0.20), ("manager", 0.10))),
    ("Outpatients", 0.23, (35, 20, 30, 15), (30, 30, 30, 10), (3.4, 3.0, 3.6), (3.0, 2.4, 3.8),
     (("clinical", 0.55), ("support", 0.30), ("manager", 0.15))),
    ("Community team", 0.15, (20, 45, 20, 15), (20, 40, 30, 10), (3.2, 4.4, 3.6), (2.2, 3.0, 2.0),
     (("clinical", 0.80), ("support", 0.10), ("manager", 0.10))),
    ("Estates", 0.05, (30, 20, 10, 40), (30, 30, 25, 15), (2.4, 3.4, 2.4), (3.8, 2.6, 2.8),
     (("support", 0.80), ("manager", 0.20))),
)
# How each dimension tilts the modes (H, S, I, F), the same for every team: e.g. failure is met
# more hierarchically, rewards more individualistically.
_DIMENSION_TILT = (
    (1.1, 1.0, 0.9, 1.0), (0.9, 1.2, 0.9, 1.0), (1.0, 0.9, 1.2, 1.0),
    (1.2, 0.9, 1.0, 1.0), (1.2, 1.0, 0.8, 1.1), (1.0, 1.0, 1.0, 0.9),
)


def _team_sizes(size: int) -> list[int]:
    """Split ``size`` respondents among the teams by largest remainder (deterministic)."""
    raw = [size * t[1] for t in _TEAMS]
    counts = [math.floor(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda k: (-(raw[k] - counts[k]), k))
    for k in order[: size - sum(counts)]:
        counts[k] += 1
    return counts


def _allocate(weights: Sequence[float], rng: random.Random, step: int = 5) -> list[int]:
    """Share 100 points in multiples of ``step``, proportional to noisy weights (largest remainder)."""
    noisy = [w * (0.7 + 0.6 * rng.random()) for w in weights]
    total = sum(noisy)
    tokens = int(TOTAL) // step
    raw = [tokens * v / total for v in noisy]
    counts = [math.floor(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda k: (-(raw[k] - counts[k]), k))
    for k in order[: tokens - sum(counts)]:
        counts[k] += 1
    return [c * step for c in counts]


def _likert(mean: float, rng: random.Random) -> int:
    spread = (rng.random() + rng.random() + rng.random() - 1.5) * 1.6
    return max(1, min(5, math.floor(mean + spread + 0.5)))


def synthetic_class(seed: int = SYNTHETIC_SEED, *, size: int = 60) -> Responses:
    """A SYNTHETIC class for demonstrations and tests: made-up answers, not data about anyone.

    Five teams of a fictional hospital trust, each with its own culture (Ward A: the traditional
    public-sector deficit in individualism; Ward B: heavier, partly malign hierarchy and fatalism;
    Outpatients: targets and markets; Community team: strong solidarity; Estates: fatalism), 5%
    of the class in Estates so that it falls under the privacy threshold. Each respondent's
    answers are the team's culture times individual and per-dimension noise, shared out in
    multiples of 5 points. Only ``random.Random(seed).random()`` and arithmetic are used, so the
    same seed gives the same class on every platform and Python version.

    Parameters
    ----------
    seed : int, default :data:`SYNTHETIC_SEED`
    size : int, default 60
        Number of respondents (at least 1).

    Returns
    -------
    Responses
        Ids ``S001``...; group columns ``team`` and ``role``; the Likert block answered in full.

    Examples
    --------
    >>> c = synthetic_class()
    >>> len(c), c.ids[:2], sorted(set(c.groups["team"]))[:2]
    (60, ('S001', 'S002'), ['Community team', 'Estates'])
    >>> bool((c.now.sum(axis=-1) == 100).all())
    True
    """
    if int(size) != size or size < 1:
        raise ValueError(f"size must be a positive whole number, got {size!r}")
    rng = random.Random(seed)
    q = questionnaire()
    likert_keys = [(ACTIVE_MODES.index(i.mode), i.form) for i in q.likert_items]
    ids, teams, roles, now, pref, likert = [], [], [], [], [], []
    for team, count in zip(_TEAMS, _team_sizes(int(size)), strict=True):
        name, _, base_now, base_pref, benign, malign, role_weights = team
        for _ in range(count):
            ids.append(f"S{len(ids) + 1:03d}")
            teams.append(name)
            r, acc = rng.random(), 0.0
            role = role_weights[-1][0]
            for label, weight in role_weights:
                acc += weight
                if r < acc:
                    role = label
                    break
            roles.append(role)
            person_now = [b * (0.6 + 0.8 * rng.random()) for b in base_now]
            person_pref = [b * (0.6 + 0.8 * rng.random()) for b in base_pref]
            now.append([_allocate([p * t for p, t in zip(person_now, tilt, strict=True)], rng)
                        for tilt in _DIMENSION_TILT])
            pref.append([_allocate([p * t for p, t in zip(person_pref, tilt, strict=True)], rng)
                         for tilt in _DIMENSION_TILT])
            likert.append([_likert(benign[m] if form == "benign" else malign[m], rng)
                           for m, form in likert_keys])
    return Responses(ids=tuple(ids), now=np.array(now, dtype=float), preferred=np.array(pref, dtype=float),
                     likert=np.array(likert, dtype=float),
                     groups={"team": tuple(teams), "role": tuple(roles)})
