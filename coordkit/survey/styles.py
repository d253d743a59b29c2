"""Response styles: answers shaped by a way of answering rather than by their content.

A respondent flagged for a response style is **not classified**: their configuration and balance
index are withheld (:func:`~coordkit.survey.score_answers`), and class or group configurations
should be computed without them, with the count shown (pass ``~response_style_flags(...).any``
as the rows to keep: :attr:`ResponseStyles.any` is the one withholding rule). Two further checks
withhold nothing: they add a **notice** to the diagnosis of a respondent who is kept
(:meth:`ResponseStyles.notices`). Every threshold here is **the kit's judgement**, with its reason;
a flag is a prompt to look at the answers, not proof that they are insincere. Five checks withhold:

- **yes- or nay-saying** in the agreement statements: the acquiescence index
  (:func:`~coordkit.survey.acquiescence_index`) at :data:`~coordkit.survey.ACQUIESCENCE_FLAG` = 0.5
  or more, or -0.5 or less (on average agreeing, or disagreeing, with a statement *and* its reversal);
- **inconsistency** (:func:`inconsistency_index`): the mean ``|forward + reversal - 6|`` over the answered
  pairs, 0 when each reversal mirrors its statement (4 and 2, or 3 and 3). Random answers average 1.6.
  Yes-saying raises it too (5 and 5 give 4); the signed acquiescence index tells the two apart (random
  answers leave it near 0). It is computed only from :data:`MIN_PAIRS_ANSWERED` = 10 answered pairs (half of
  version 3's 20); with fewer, nothing is withheld or cautioned for it, nor flagged as yes- or nay-saying
  (one pair answered 4 and 5 would otherwise withhold the diagnosis as yes-saying), and the diagnosis says
  so (:data:`UNCHECKED_NOTICE`). Two tiers, both cuts **the kit's**, set from measured rates
  (:func:`~coordkit.survey.style_screen_rates`) and provisional until real data exist: from
  :data:`INCONSISTENCY_FLAG` = 1.5 the diagnosis is withheld; from :data:`INCONSISTENCY_CAUTION` = 1.35 up
  to it the respondent is kept (classified, in every class mean and configuration) and their diagnosis
  carries a caution (:data:`CAUTION_NOTICE`). Why two tiers: on the present generator, whose reversals are
  imperfect mirrors and whose respondents have a method factor (:mod:`~coordkit.survey.synthetic`),
  withholding from 1.35 wronged 9.1% of the synthetic class's 921 attentive respondents (the methodologist's
  re-review, finding 2); never withholding for inconsistency alone would let 100% of 2,000 uniformly random
  responders through the screen (numpy seed 1: random answers are neither yes-saying nor flat), so
  inconsistency must withhold somewhere. At 1.5 the whole screen passes 31% of 2,000 uniformly random
  responders (numpy seed 1), flags 2.4% of the synthetic class's 921 realistic (attentive) respondents and
  32% of its 77 partly careless ones (seed 2026, size 1,000, the two planted yea-sayers left out), and reads
  a further 6.7% of the attentive ones with a caution. 1.5 is where the attentive rate stops falling: 1.45
  withholds 4.5% of them, 1.55 still 2.0%, while each 0.05 above 1.5 lets 6 or 7% more random responders
  through (38% at 1.55, 44% at 1.6). How often a cut wrongs a sincere respondent depends on how far real
  reversals fall short of mirrors, which only real data can say. The check is a forward/reversed-pair
  inconsistency index of the kind reviewed by Meade and Craig (2012, *Psychological Methods* 17(3)) and
  Curran (2016, *Journal of Experimental Social Psychology* 66); its limits: the rates are those of the
  kit's own made-up class, and a careless respondent who is not uniformly random (one who answers near the
  middle, say) can pass;
- **high-rating tendency** in the strength block (:func:`high_rating_tendency`, the re-centred mean of
  the *now* strength ratings at every level). It measures elevation, not agreement (the strength
  scale is unipolar, 1 absent to 5 very strong), so it is flagged only for what it is said to mean:
  every way of working, fatalism included, rated 4 "strong" or more at every level
  (:func:`high_rating_flags`);
- **non-differentiation** (:func:`strength_spread`): the within-person standard deviation of the
  16 strength ratings (four ways of working at three levels now, and preferred), flagged at
  :data:`NON_DIFFERENTIATION_SD` = 0.25 or less (at most one rating one point off the rest: the same
  answer given to every question).

The second notice is **the same answer throughout the agreement statements**
(:func:`same_answer_share`): the share of the answered agreement statements (benign/malign and
structure) given the respondent's most frequent answer, from :data:`SAME_ANSWER_SHARE` = 0.75 (at
least 30 of 40 the same), a share of identical answers in the spirit of the long-string index
(Johnson 2005, *Journal of Research in Personality* 39(1) 103-129; Meade and Craig 2012). The kit
counts the share, not the longest run: answers are stored in the questionnaire's order, not in the
shuffled order each respondent saw (:func:`~coordkit.survey.presentation_order`), so a run in
stored order is not a run the respondent made. It is a notice, not a withholding flag: someone who
answers every statement 3 gets levels of 0 and forms "not determined", so nothing in the diagnosis
rests on those answers, and the configuration comes from the strength ratings. The cut is the
kit's: the synthetic class's attentive respondents reach at most 0.60 (0 of 921 at 0.75); its
partly careless ones and uniformly random responders none (they answer at random, not alike), so
the generator cannot say how many real straight-liners the notice finds.

Examples
--------
>>> from coordkit.survey import questionnaire
>>> q = questionnaire()
>>> high_rating_tendency([5] * len(q.likert_items), q), high_rating_tendency([3] * len(q.likert_items), q)
(1.0, 0.0)
>>> response_style_flags([4] * len(q.likert_items), q).reasons()
['yes-saying', 'reversals not mirrored (inconsistent answers)',
 'every way of working rated strong at every level', 'the same strength rating throughout']
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from coordkit.survey.instrument import Questionnaire, questionnaire
from coordkit.survey.likert import ACQUIESCENCE_FLAG, acquiescence_index

__all__ = [
    "CAUTION_NOTICE",
    "HIGH_RATING",
    "INCONSISTENCY_CAUTION",
    "INCONSISTENCY_FLAG",
    "MIN_AGREEMENT_ANSWERS",
    "MIN_PAIRS_ANSWERED",
    "MIN_STRENGTH_RATINGS",
    "NON_DIFFERENTIATION_SD",
    "SAME_ANSWER_NOTICE",
    "SAME_ANSWER_SHARE",
    "UNCHECKED_NOTICE",
    "ResponseStyles",
    "answered_pairs",
    "high_rating_flags",
    "high_rating_tendency",
    "inconsistency_index",
    "response_style_flags",
    "same_answer_share",
    "strength_spread",
]

#: Fewest answered now strength ratings for the high-rating tendency (one per mode at one level).
MIN_STRENGTH_RATINGS = 4
#: Rating from which a strength counts as high: 4 "strong" (the flag needs every now rating at least this).
HIGH_RATING = 4.0
#: Inconsistency index from which the diagnosis is withheld (the kit's cut, set from measured rates:
#: see the module docstring and :func:`~coordkit.survey.style_screen_rates`; random answering averages 1.6).
INCONSISTENCY_FLAG = 1.5
#: Inconsistency index from which (up to :data:`INCONSISTENCY_FLAG`) a kept respondent's diagnosis
#: carries :data:`CAUTION_NOTICE` (the kit's cut: the withholding cut before the two tiers).
INCONSISTENCY_CAUTION = 1.35
#: The caution a kept respondent's diagnosis carries when their inconsistency is in the caution band.
CAUTION_NOTICE = (
    "Some of your reversed statements were not answered as mirrors of their pairs; read this with care. "
    "(The kit's check, provisional until real data exist: an inconsistency index from "
    f"{INCONSISTENCY_CAUTION:g}, "
    f"under the {INCONSISTENCY_FLAG:g} at which the diagnosis is withheld.)")
#: Fewest answered forward/reversed pairs for :func:`inconsistency_index` (so for its withholding and its
#: caution) and for the yes- and nay-saying flags: half of version 3's 20 (the kit's judgement). Over k
#: pairs the index moves in steps of 1/k: with 2 pairs one answer moves it by 0.5, across both cuts at once
#: (4/4 and 4/3 give 1.5, withheld); from 10 a step is 0.1, under the 0.15 between
#: :data:`INCONSISTENCY_CAUTION` and :data:`INCONSISTENCY_FLAG`.
MIN_PAIRS_ANSWERED = 10
#: The notice a kept respondent's diagnosis carries when too few pairs were answered to check
#: inconsistency; ``{pairs}`` is filled with the number answered.
UNCHECKED_NOTICE = (
    "Inconsistency and yes-saying not checked ({pairs} pairs answered): you answered too few statements "
    "together with their reversals to tell whether your answers were consistent. (The kit's minimum: "
    f"{MIN_PAIRS_ANSWERED} pairs.)")
#: Share of the agreement statements given one answer from which the diagnosis carries a notice
#: (the kit's cut).
SAME_ANSWER_SHARE = 0.75
#: Fewest answered agreement statements for :func:`same_answer_share` (half of the 40).
MIN_AGREEMENT_ANSWERS = 20
#: The notice a kept respondent's diagnosis carries when most agreement answers are the same.
SAME_ANSWER_NOTICE = (
    "You gave the same answer to at least three quarters of the agreement statements, so your benign and "
    "malign levels say little; if that is not what you meant, look at those statements again. (The kit's "
    f"check: a share of identical answers from {SAME_ANSWER_SHARE:g}, after the long-string index of "
    "Johnson 2005.)")
#: Within-person SD of the strength ratings at or under which a respondent is flagged as not differentiating.
NON_DIFFERENTIATION_SD = 0.25


def _columns(q: Questionnaire, *, now_only: bool) -> list[int]:
    return [k for k, i in enumerate(q.likert_items)
            if i.block == "strength" and (i.timeframe == "now" or not now_only)]


def _as_array(likert: ArrayLike, q: Questionnaire) -> NDArray[np.float64]:
    x = np.asarray(likert, dtype=float)
    if x.shape[-1] != len(q.likert_items):
        raise ValueError(f"likert: expected {len(q.likert_items)} answers per respondent, got {x.shape[-1]}")
    return x


def _out(a: NDArray[np.float64] | NDArray[np.bool_]) -> NDArray[np.float64] | float:
    return float(a) if np.ndim(a) == 0 else np.asarray(a, dtype=float)


def high_rating_tendency(likert: ArrayLike, q: Questionnaire | None = None) -> NDArray[np.float64] | float:
    """Elevation in the strength block: mean now rating over every level, re-centred, -1 to +1.

    ``(mean - 3) / 2``: 0 is "moderate" on average, +1 every way of working "very strong". It is
    not agreement (the scale asks how strong, not whether), so it is read with
    :func:`high_rating_flags`, never flagged at a cut of its own.

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
    >>> float(high_rating_tendency(x, q))
    0.75
    >>> x[cols[:9]] = np.nan  # three ratings: too few to say
    >>> bool(np.isnan(high_rating_tendency(x, q)))
    True
    """
    q = q or questionnaire()
    x = _as_array(likert, q)
    cols = _columns(q, now_only=True)
    if not cols:
        return _out(np.full(x.shape[:-1], np.nan))
    part = x[..., cols]
    count = np.isfinite(part).sum(axis=-1)
    total = np.where(np.isfinite(part), part, 0.0).sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(count >= MIN_STRENGTH_RATINGS, (total / np.maximum(count, 1) - 3.0) / 2.0, np.nan)
    return _out(out)


def high_rating_flags(likert: ArrayLike, q: Questionnaire | None = None) -> NDArray[np.bool_]:
    """Who rated every way of working, fatalism included, at least 4 "strong" at every level (now).

    Every now strength rating must be answered and at least :data:`HIGH_RATING`; a respondent who
    rates fatalism low (the theory's ideal: H5 S5 I5 F1) is not flagged.

    Examples
    --------
    >>> import numpy as np
    >>> q = questionnaire()
    >>> cols = [k for k, i in enumerate(q.likert_items) if i.block == "strength" and i.timeframe == "now"]
    >>> x = np.full((2, len(q.likert_items)), 3.0)
    >>> x[0, cols], x[1, cols] = [5, 5, 5, 1] * 3, [5, 4, 4, 4] * 3
    >>> high_rating_flags(x, q).tolist()
    [False, True]
    """
    q = q or questionnaire()
    x = _as_array(likert, q)
    cols = _columns(q, now_only=True)
    if not cols:
        return np.zeros(x.shape[:-1], dtype=bool)
    part = x[..., cols]
    return np.asarray(np.all(np.isfinite(part) & (part >= HIGH_RATING), axis=-1), dtype=bool)


def strength_spread(likert: ArrayLike, q: Questionnaire | None = None) -> NDArray[np.float64] | float:
    """Within-person standard deviation of the strength ratings (now at every level, and preferred).

    NaN with fewer than :data:`MIN_STRENGTH_RATINGS` answered or no strength block.

    Examples
    --------
    >>> q = questionnaire()
    >>> strength_spread([4] * len(q.likert_items), q)
    0.0
    """
    q = q or questionnaire()
    x = _as_array(likert, q)
    cols = _columns(q, now_only=False)
    if not cols:
        return _out(np.full(x.shape[:-1], np.nan))
    part = x[..., cols]
    count = np.isfinite(part).sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.nansum(part, axis=-1) / np.maximum(count, 1)
        var = np.nansum((part - mean[..., None]) ** 2, axis=-1) / np.maximum(count, 1)
    return _out(np.where(count >= MIN_STRENGTH_RATINGS, np.sqrt(var), np.nan))


def _pairs(x: NDArray[np.float64], q: Questionnaire) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
    """Each forward/reversed pair's ``|forward + reversal - 6|``, and whether both were answered."""
    index = {i.id: k for k, i in enumerate(q.likert_items)}
    pairs = [(index[a.id], index[b.id]) for s in q.scales() for a, b in s.pairs()]
    fwd, rev = x[..., [a for a, _ in pairs]], x[..., [b for _, b in pairs]]
    both = np.isfinite(fwd) & np.isfinite(rev)
    return np.where(both, np.abs(fwd + rev - 6.0), 0.0), both


def answered_pairs(likert: ArrayLike, q: Questionnaire | None = None) -> NDArray[np.int64] | int:
    """How many forward/reversed pairs each respondent answered both of (20 in version 3, none in 1).

    Examples
    --------
    >>> import numpy as np
    >>> q = questionnaire()
    >>> x = np.full(len(q.likert_items), 3.0)
    >>> answered_pairs(x, q), answered_pairs(np.full(len(q.likert_items), np.nan), q)
    (20, 0)
    """
    q = q or questionnaire()
    count = _pairs(_as_array(likert, q), q)[1].sum(axis=-1)
    return int(count) if np.ndim(count) == 0 else np.asarray(count, dtype=np.int64)


def inconsistency_index(likert: ArrayLike, q: Questionnaire | None = None) -> NDArray[np.float64] | float:
    """Mean ``|forward + reversal - 6|`` over the answered pairs: how far reversals fail to mirror.

    0 when every reversal is answered as the mirror of its statement (4 and 2, or 3 and 3); random
    answers average 1.6. NaN with fewer than :data:`MIN_PAIRS_ANSWERED` pairs answered (both of a
    statement and its reversal), so also in version 1, which has none.

    Examples
    --------
    >>> import numpy as np
    >>> q = questionnaire()
    >>> inconsistency_index([3] * len(q.likert_items), q), inconsistency_index([5] * len(q.likert_items), q)
    (0.0, 4.0)
    >>> x = np.full(len(q.likert_items), np.nan)
    >>> ids = [i.id for i in q.likert_items]
    >>> x[[ids.index(c) for c in ("BH1", "BH3", "BH2", "BH4")]] = 4, 4, 4, 3  # 2 pairs, (2 + 1) / 2
    >>> float(inconsistency_index(x, q)), answered_pairs(x, q)  # too few to check
    (nan, 2)
    """
    q = q or questionnaire()
    x = _as_array(likert, q)
    terms, both = _pairs(x, q)
    count = both.sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return _out(np.where(count >= MIN_PAIRS_ANSWERED, terms.sum(axis=-1) / np.maximum(count, 1), np.nan))


def same_answer_share(likert: ArrayLike, q: Questionnaire | None = None) -> NDArray[np.float64] | float:
    """Share of the answered agreement statements given the respondent's most frequent answer.

    The agreement statements are the benign/malign and structure blocks (40 in version 3); 1 when
    every one got the same answer, about 0.3 for random answers. NaN with fewer than
    :data:`MIN_AGREEMENT_ANSWERS` answered. Read with :data:`SAME_ANSWER_SHARE` (a notice, never a
    withholding flag: see the module docstring).

    Examples
    --------
    >>> import numpy as np
    >>> q = questionnaire()
    >>> same_answer_share([3] * len(q.likert_items), q)
    1.0
    >>> x = np.asarray([3.0] * len(q.likert_items))
    >>> x[:12] = 4  # 12 of the 40 agreement statements answered 4, 28 answered 3
    >>> same_answer_share(x, q)
    0.7
    """
    q = q or questionnaire()
    x = _as_array(likert, q)
    cols = [k for k, i in enumerate(q.likert_items) if i.block in ("likert", "structure")]
    if not cols:
        return _out(np.full(x.shape[:-1], np.nan))
    part = x[..., cols]
    count = np.isfinite(part).sum(axis=-1)
    most = np.max(np.stack([(part == v).sum(axis=-1) for v in range(1, 6)], axis=-1), axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return _out(np.where(count >= MIN_AGREEMENT_ANSWERS, most / np.maximum(count, 1), np.nan))


@dataclass(frozen=True)
class ResponseStyles:
    """The response-style flags of one or more respondents (boolean arrays of the same shape).

    Attributes
    ----------
    yes_saying, nay_saying : ndarray of bool
        Acquiescence index at or over +0.5, at or under -0.5.
    inconsistent : ndarray of bool
        :func:`inconsistency_index` at or over :data:`INCONSISTENCY_FLAG` (withheld).
    high_rating : ndarray of bool
        :func:`high_rating_flags`.
    non_differentiating : ndarray of bool
        :func:`strength_spread` at or under :data:`NON_DIFFERENTIATION_SD`.
    caution : ndarray of bool
        :func:`inconsistency_index` from :data:`INCONSISTENCY_CAUTION` up to (not including)
        :data:`INCONSISTENCY_FLAG`: a notice, not a withholding flag.
    same_answers : ndarray of bool
        :func:`same_answer_share` at or over :data:`SAME_ANSWER_SHARE`: a notice, not a withholding flag.
    unchecked : ndarray of bool
        The questionnaire has forward/reversed pairs but fewer than :data:`MIN_PAIRS_ANSWERED` were
        answered, so inconsistency was not checked: a notice (:data:`UNCHECKED_NOTICE`).
    pairs : ndarray of int
        :func:`answered_pairs`, which the notice quotes.
    """

    yes_saying: NDArray[np.bool_]
    nay_saying: NDArray[np.bool_]
    inconsistent: NDArray[np.bool_]
    high_rating: NDArray[np.bool_]
    non_differentiating: NDArray[np.bool_]
    caution: NDArray[np.bool_]
    same_answers: NDArray[np.bool_]
    unchecked: NDArray[np.bool_]
    pairs: NDArray[np.int64]

    @property
    def any(self) -> NDArray[np.bool_]:
        """Flagged for at least one withholding style: the one rule of who is not classified.

        The notices (:attr:`caution`, :attr:`same_answers`, :attr:`unchecked`) withhold nothing.
        """
        return np.asarray(self.yes_saying | self.nay_saying | self.inconsistent | self.high_rating
                          | self.non_differentiating, dtype=bool)

    @property
    def read_with_caution(self) -> NDArray[np.bool_]:
        """Kept (not withheld) with an inconsistency caution: counted apart in the class report."""
        return np.asarray(self.caution & ~self.any, dtype=bool)

    @property
    def same_answers_kept(self) -> NDArray[np.bool_]:
        """Kept (not withheld) with the same-answer notice."""
        return np.asarray(self.same_answers & ~self.any, dtype=bool)

    @property
    def in_levels(self) -> NDArray[np.bool_]:
        """Whose agreement answers enter the class and group benign/malign levels and the reliability table.

        The one rule (the kit's judgement; the methodologist's third review, finding 5): those kept (not
        withheld) and without the same-answer notice. One answer to most agreement statements says
        nothing about those scales, yet its levels of 0 would pull the class and group levels towards 0
        and its identical rows would move alpha and omega. Such a respondent's points and strength
        ratings still count, and so does their configuration, which rests on them.

        Examples
        --------
        >>> import numpy as np
        >>> q = questionnaire()
        >>> from coordkit.survey.scoring import example_answers
        >>> nurse = np.asarray(example_answers()["likert"], dtype=float)
        >>> flat = nurse.copy()
        >>> flat[[k for k, i in enumerate(q.likert_items) if i.block in ("likert", "structure")]] = 3
        >>> flags = response_style_flags(np.stack([nurse, flat]), q)
        >>> flags.any.tolist(), flags.same_answers_kept.tolist(), flags.in_levels.tolist()
        ([False, False], [False, True], [True, False])
        """
        return np.asarray(~self.any & ~self.same_answers, dtype=bool)

    def notices(self, row: int | None = None) -> list[str]:
        """The notices a kept respondent's diagnosis carries (none for a withheld one: nothing is shown).

        Examples
        --------
        >>> q = questionnaire()
        >>> flags = response_style_flags([3] * len(q.likert_items), q)
        >>> flags.notices()  # withheld (the same strength rating throughout): no notice to add
        []
        """
        at: tuple[()] | int = () if row is None else row
        if bool(np.asarray(self.any)[at]):
            return []
        unchecked = UNCHECKED_NOTICE.format(pairs=int(np.asarray(self.pairs)[at]))
        checks = ((self.caution, CAUTION_NOTICE), (self.same_answers, SAME_ANSWER_NOTICE),
                  (self.unchecked, unchecked))
        return [text for flag, text in checks
                if bool(np.asarray(flag)[at])]

    def reasons(self, row: int | None = None) -> list[str]:
        """The flags of one respondent in words (``row`` for a class; none for a single respondent)."""
        names = (("yes_saying", "yes-saying"), ("nay_saying", "nay-saying"),
                 ("inconsistent", "reversals not mirrored (inconsistent answers)"),
                 ("high_rating", "every way of working rated strong at every level"),
                 ("non_differentiating", "the same strength rating throughout"))
        return [text for name, text in names
                if bool(np.asarray(getattr(self, name))[() if row is None else row])]


def response_style_flags(likert: ArrayLike, q: Questionnaire | None = None) -> ResponseStyles:
    """Every response-style flag of each respondent (the module docstring gives the rules).

    The kit's screen, measured (:func:`~coordkit.survey.style_screen_rates`), provisional until real
    data exist: it passes 31% of 2,000 uniformly random responders (numpy seed 1), flags 2.4% of 921
    realistic synthetic respondents and 32% of its 77 partly careless ones (seed 2026), and reads
    a further 6.7% of the realistic ones with a caution. Its limits: those respondents are the kit's
    made-up class, and a careless respondent who is not uniformly random can pass; a flag is a
    prompt to look.

    Parameters
    ----------
    likert : array_like, shape (..., items)
        Raw answers 1-5 to ``q.likert_items`` (NaN = unanswered or "don't know").
    q : Questionnaire, optional

    Examples
    --------
    >>> import numpy as np
    >>> q = questionnaire()
    >>> flags = response_style_flags(np.full((2, len(q.likert_items)), 3.0), q)
    >>> flags.any.tolist(), flags.reasons(0)
    ([True, True], ['the same strength rating throughout'])
    """
    q = q or questionnaire()
    x = _as_array(likert, q)
    acq = np.asarray(acquiescence_index(x, q), dtype=float)
    inc = np.asarray(inconsistency_index(x, q), dtype=float)
    spread = np.asarray(strength_spread(x, q), dtype=float)
    same = np.asarray(same_answer_share(x, q), dtype=float)
    pairs = np.asarray(answered_pairs(x, q), dtype=np.int64)
    has_pairs = any(s.pairs() for s in q.scales())
    checked = pairs >= MIN_PAIRS_ANSWERED  # the yes-saying flags need as many pairs as inconsistency
    with np.errstate(invalid="ignore"):
        return ResponseStyles(
            yes_saying=checked & np.isfinite(acq) & (acq >= ACQUIESCENCE_FLAG),
            nay_saying=checked & np.isfinite(acq) & (acq <= -ACQUIESCENCE_FLAG),
            inconsistent=np.isfinite(inc) & (inc >= INCONSISTENCY_FLAG),
            high_rating=high_rating_flags(x, q),
            non_differentiating=np.isfinite(spread) & (spread <= NON_DIFFERENTIATION_SD),
            caution=np.isfinite(inc) & (inc >= INCONSISTENCY_CAUTION) & (inc < INCONSISTENCY_FLAG),
            same_answers=np.isfinite(same) & (same >= SAME_ANSWER_SHARE),
            unchecked=np.asarray(has_pairs & (pairs < MIN_PAIRS_ANSWERED), dtype=bool),
            pairs=pairs,
        )
