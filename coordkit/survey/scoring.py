r"""Scoring one respondent: strength, profile, configuration, and everything together.

This module puts the parts together (:func:`score_answers`); the parts are topics of their own
and every name is re-exported here, so ``from coordkit.survey.scoring import keyed`` keeps
working:

- :mod:`coordkit.survey.divide100` -- the divide-100 block: totals, mode scores, congruence;
- :mod:`coordkit.survey.likert` -- the 1-5 items: keying, benign and malign levels,
  acquiescence, strength ratings, grid and group.

Strength (the strength block)
-----------------------------
How strong each mode is comes from the strength block, rated 1 (absent) to 5 (very strong) for
the respondent's organisation: strength = (rating - 1) / 4, so 3 "moderate" is 0.5 and 4
"strong" is 0.75. A mode counts as **strong** at :data:`STRONG` = 0.75, i.e. rated "strong" or
"very strong" (the kit's threshold; fatalism counts as unchecked at the same level). "Moderate"
is the middle of the scale, not a weak rating: a mode rated moderate is present and working, just
not one of the leading forms. Strength is asked, not inferred: in a version 2 file, where a now or
preferred organisation rating is missing or "don't know", that mode's strength is unknown and the
configuration is *not classified (strength not rated)*; the points never stand in for it. Only a
version 1 file, which has no strength block, falls back on the divide-100 score, read as
strength = score / 40 capped at 1 (a mode counts as strong from 30 of 100 points, so an equal
25/25/25/25 split is "no strong active form", never "overshadowed by fatalism"; four modes cannot
all reach 30), and its diagnosis says the strength was *inferred from the divide-100 shares*.
Neither rule is Taylor's.

Response styles and forms
-------------------------
A respondent flagged for a response style (:func:`~coordkit.survey.styles.response_style_flags`,
whose :attr:`~coordkit.survey.styles.ResponseStyles.any` is the one withholding rule) is *not
classified: response style*, with configuration and balance index withheld; a respondent kept with
a notice (reversals not quite mirrored, or the same answer to most agreement statements:
:meth:`~coordkit.survey.styles.ResponseStyles.notices`) is classified, and the notice ends the now
diagnosis. A form is
called benign or malign only by :data:`~coordkit.survey.likert.FORM_MARGIN`
(:func:`~coordkit.survey.likert.form_readings`); the diagnosis never calls fatalism "mostly benign"
nor despair "in check" from neutral answers.

A mode's configuration (:func:`survey_configuration`) is :func:`coordkit.configuration.classify`
of that strength, with the malign warnings of :func:`~coordkit.survey.likert.malign_warnings`.

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
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from coordkit.balance import BalanceReport, report
from coordkit.configuration import Configuration, Kind, _and, classify
from coordkit.modes import ACTIVE_MODES, ALL_MODES, MODES
from coordkit.profile import Profile
from coordkit.survey.crossblock import CrossBlock, cross_block
from coordkit.survey.divide100 import (  # re-exported
    DEFAULT_TOLERANCE,
    MIN_DIMENSIONS,
    DivideScores,
    _points,
    complete_dimensions,
    congruence,
    dimension_distances,
    dimension_totals,
    dominant_agreement,
    mode_scores,
    not_scored_reason,
    scores_from_complete,
)
from coordkit.survey.instrument import LEVELS, Questionnaire, SurveyError, questionnaire
from coordkit.survey.likert import (  # re-exported
    ACQUIESCENCE_FLAG,
    FORM_MARGIN,
    MALIGN_WARNING,
    QUADRANT_MARGIN,
    FormScores,
    Structure,
    acquiescence_flags,
    acquiescence_index,
    form_readings,
    form_scores,
    keyed,
    malign_shares,
    malign_warnings,
    scale_columns,
    scale_levels,
    strength_ratings,
    structure_scores,
)
from coordkit.survey.styles import ResponseStyles, response_style_flags

__all__ = [
    "ACQUIESCENCE_FLAG",
    "DEFAULT_TOLERANCE",
    "FORM_MARGIN",
    "INFERRED_NOTE",
    "IPSATIVE_POINTS_PER_STRENGTH",
    "MALIGN_WARNING",
    "MIN_DIMENSIONS",
    "NOT_CLASSIFIED",
    "PREFERRED_MALIGN",
    "QUADRANT_MARGIN",
    "RATING_WORDS",
    "STRONG",
    "DivideScores",
    "FormScores",
    "RespondentResult",
    "Structure",
    "acquiescence_flags",
    "acquiescence_index",
    "complete_dimensions",
    "configuration_now",
    "congruence",
    "dimension_distances",
    "dimension_totals",
    "dominant_agreement",
    "example_answers",
    "form_readings",
    "form_scores",
    "in_the_answers_words",
    "keyed",
    "malign_shares",
    "malign_warnings",
    "mode_scores",
    "not_classified",
    "not_scored_reason",
    "preferred_configuration",
    "profile_from_scores",
    "rating_word",
    "scale_columns",
    "scale_levels",
    "score_answers",
    "scores_from_complete",
    "strength_ratings",
    "structure_scores",
    "style_withheld",
    "survey_configuration",
]

#: Strength at which a mode counts as strong: rated 4 "strong" on the strength block (the kit's threshold).
STRONG = 0.75
#: Malign shares (H, S, I, and fatalism's despair) of every preferred profile: none. The preferred
#: answers state a wish, not a diagnosis, so the preferred profile is wholly benign and its
#: configuration follows the preferred strength ratings alone (identical ratings now and
#: preferred, with no malign lean, give the same configuration).
PREFERRED_MALIGN = (0.0, 0.0, 0.0, 0.0)

#: Fallback without a strength rating: strength = divide-100 score / this, capped at 1 (30 points = strong).
IPSATIVE_POINTS_PER_STRENGTH = 40.0
#: Name of the configuration given when a profile cannot be classified (no preferred strength rated).
NOT_CLASSIFIED = "not classified"
#: Added to a version 1 diagnosis, whose strength comes from the points (there is no strength block).
INFERRED_NOTE = ("Strength inferred from the divide-100 shares (a version 1 file has no strength ratings): "
                 "read it with care, since shares of 100 say how the modes compare, not how strong each is.")


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
    # clipped in plain Python (the same values as np.clip, signed zeros too; a respondent at a time)
    m = [0.0 if not math.isfinite(v) else min(max(float(v), 0.0), 1.0) for v in malign]
    return Profile.from_strengths([float(v) for v in fallback], malign=m)



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
    text = plain.diagnosis
    if form_readings(forms)[3] == "not determined":
        # The classification text speaks of benign fatalism and despair "in check"; the answers
        # bear that out only when fatalism's benign level leads by the margin.
        text = text.replace("despair is in check", "no despair was reported")
        text = text.replace("despair in check", "no despair reported")
        start = text.find(" Fatalism is strong but mostly benign")
        if start >= 0:
            end = text.find("active forms.", start) + len("active forms.")
            text = (text[:start] + " Fatalism is strong; whether it is more wisdom or despair is not "
                    "determined (neutral answers)." + text[end:])
    flagged = malign_warnings(forms, tuple(plain.forms))
    if flagged:
        words = [f"{m.value} shows more of its malign than its benign side here "
                 f"({', '.join(MODES[m].malign[:2])})" for m in flagged]
        text += " Warning: " + "; ".join(words) + "."
    return Configuration(plain.forms, plain.kind, plain.name, text)


#: The form's anchors for the strength ratings 1-5 (the words the respondent answered in).
RATING_WORDS: tuple[str, ...] = ("absent", "weak", "moderate", "strong", "very strong")


def rating_word(strength: float, threshold: float = STRONG) -> str:
    """The form's word for a strength (0-1): the nearest rating 1-5, on the right side of the cut.

    One rule for every word the kit prints about a rating: a strength at or above ``threshold`` is
    "strong" or "very strong" (the classification counts it strong), one below it is at most
    "moderate" (the classification counts it weak), so a mean of 0.70 is "moderate", never
    "strong", against the cut at 0.75. Otherwise a mean takes the nearest rating's word.

    Examples
    --------
    >>> rating_word(0.5), rating_word(0.25), rating_word(0.8)
    ('moderate', 'weak', 'strong')
    >>> rating_word(0.70), rating_word(0.75), rating_word(0.70, threshold=0.7)
    ('moderate', 'strong', 'strong')
    """
    nearest = min(max(round(strength * 4), 0), 4)  # plain Python: called per respondent and mode
    strong = RATING_WORDS.index("strong")
    return RATING_WORDS[max(nearest, strong) if strength >= threshold else min(nearest, strong - 1)]


def _weak_in_the_answers_words(text: str, below: list[str], moderate: set[str]) -> str:
    """``text`` (a classification's diagnosis) with modes rated moderate no longer called weak.

    ``below`` are the active modes under the cut, in the classification's order (the ones its text
    calls "weak"), ``moderate`` those of them rated moderate.
    """
    if not moderate:
        return text
    for mode in moderate:
        text = text.replace(f"weak {mode}", f"{mode} rated moderate")
    groups = [(g, word) for g, word in (([m for m in below if m in moderate], "rated moderate"),
                                         ([m for m in below if m not in moderate], "weak")) if g]

    def rated(verb: bool) -> str:  # "hierarchy is rated moderate and individualism is weak"
        return " and ".join(f"{_and(g)}{(' is' if len(g) == 1 else ' are') if verb else ''} {word}"
                            for g, word in groups)

    text = text.replace(f"dominates and {_and(below)} are weak.", f"dominates; {rated(True)}.")
    text = text.replace(f"with {_and(below)} weak:", f"with {rated(False)}:")
    text = text.replace("every active form is weak.", f"no active form is strong ({rated(True)}).")
    return text.replace("Weak across the board is not balance",
                        "Moderate or weak across the board is not balance")


def in_the_answers_words(conf: Configuration, strength: ArrayLike, *, threshold: float = STRONG,
                         level: str = "organisation") -> Configuration:
    """A configuration named in the form's words, with its ratings and a "near the line" caveat.

    The kit's classification calls every active mode under the cut "weak"; the form calls a 3
    "moderate" (present and working, not weak), so a mode rated moderate is named "rated moderate"
    wherever the classification's name or diagnosis calls it weak, and "weak" is kept for a rating
    of 2 or lower. The diagnosis then lists the four ratings in the form's words
    (:func:`rating_word`, with the same ``threshold``, so that no mode is called weak in one sentence
    and strong in the next), says they are single items whose reliability is unknown (a
    test-retest would be needed), and, when a mode is rated within one point of the cut (3 or 4, or
    a group mean between them), that the reading is near the line: a one-point change in that
    rating would change the name.

    Examples
    --------
    >>> p = profile_from_scores([40, 30, 10, 20], strength=[1, 0.75, 0.5, 0.25])
    >>> c = in_the_answers_words(survey_configuration(p, None), [1, 0.75, 0.5, 0.25])
    >>> c.name
    'deficit culture: individualism rated moderate'
    >>> print(c.diagnosis[c.diagnosis.index("Ratings"):])
    Ratings (organisation): hierarchy very strong, solidarity strong, individualism moderate, fatalism
    weak; single ratings, whose reliability is unknown (a test-retest would be needed). Near the line:
    solidarity, individualism lie within one point of the kit's cut at "strong", so a one-point change
    in one of those ratings would change the name.
    """
    a = np.asarray(strength, dtype=float)
    if conf.name == NOT_CLASSIFIED or a.shape != (4,) or not np.all(np.isfinite(a)):
        return conf
    words = {m.value: rating_word(v, threshold) for m, v in zip(ALL_MODES, a, strict=True)}
    below = [m.value for m in ACTIVE_MODES if m not in conf.forms]
    moderate = {m for m in below if words[m] == "moderate"}
    name = _weak_in_the_answers_words(conf.name, below, moderate)
    text = _weak_in_the_answers_words(conf.diagnosis, below, moderate)
    listed = ", ".join(f"{m} {word}" for m, word in words.items())
    text += (f" Ratings ({level}): {listed}; single ratings, whose reliability is unknown (a test-retest "
             "would be needed).")
    step = 0.25  # one point on the 1-5 form
    near = [m.value for m, v in zip(ALL_MODES, a, strict=True) if threshold - step <= v <= threshold]
    if near:
        text += (f" Near the line: {', '.join(near)} lie{'s' if len(near) == 1 else ''} within one point "
                 "of the kit's cut at \"strong\", so a one-point change in "
                 f"{'that rating' if len(near) == 1 else 'one of those ratings'} would change the name.")
    return Configuration(conf.forms, conf.kind, name, text)


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
    return in_the_answers_words(survey_configuration(profile, None, threshold=threshold), a,
                                threshold=threshold)



def style_withheld(styles: ResponseStyles, row: int | None = None) -> str:
    """Why a flagged respondent is not classified: "response style (...)" with the flags in words.

    Examples
    --------
    >>> q = questionnaire()
    >>> style_withheld(response_style_flags([2] * len(q.likert_items), q))[:32]
    'response style (nay-saying, ...'
    """
    return ("response style (" + ", ".join(styles.reasons(row))
            + "): the configuration and balance index are withheld")


def configuration_now(profile: Profile, forms: FormScores | None, strength: ArrayLike, *, rated: bool,
                      style_reason: str | None = None, threshold: float = STRONG,
                      level: str = "organisation") -> Configuration:
    """The now configuration of a respondent or a group: the one rule :func:`score_answers` follows.

    Not classified for a response style (``style_reason``), or, when strength is asked (``rated``,
    version 2), for a mode whose organisation strength is missing or "don't know": the points
    never stand in for a rating. Without a strength block (version 1) the strength comes from the
    points and the diagnosis says so (:data:`INFERRED_NOTE`). Rated configurations are named in
    the form's words, with the ratings (at ``level``) and a "near the line" caveat
    (:func:`in_the_answers_words`).

    Examples
    --------
    >>> p = profile_from_scores([40, 30, 10, 20])
    >>> c = configuration_now(p, None, [1.0, 0.75, float("nan"), 0.5], rated=True)
    >>> c.name, c.diagnosis[:68]
    ('not classified', "Not classified: strength not rated (the organisation's individualism")
    >>> configuration_now(p, None, [float("nan")] * 4, rated=False).name
    'deficit culture: weak individualism'
    """
    a = np.asarray(strength, dtype=float)
    if style_reason:
        return not_classified(style_reason)
    if rated and not np.all(np.isfinite(a)):
        unrated = [m.value for m, v in zip(ALL_MODES, a, strict=True) if not np.isfinite(v)]
        return not_classified("strength not rated (the organisation's " + ", ".join(unrated)
                              + " not rated or \"don't know\"; the kit does not infer it from the points)")
    conf = survey_configuration(profile, forms, threshold=threshold)
    if not rated:
        return Configuration(conf.forms, conf.kind, conf.name, conf.diagnosis + " " + INFERRED_NOTE)
    return in_the_answers_words(conf, a, threshold=threshold, level=level)


# ----- one respondent --------------------------------------------------------------------------
@dataclass(frozen=True)
class RespondentResult:
    """Everything the kit makes of one respondent's answers.

    Attributes
    ----------
    now_scores, preferred_scores : ndarray, shape (4,)
        Mode scores (H, S, I, F) summing to 100, over the complete dimensions; NaN when fewer than
        :data:`MIN_DIMENSIONS` are complete (not scored: :attr:`not_scored`).
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
    styles : ResponseStyles or None
        :func:`~coordkit.survey.styles.response_style_flags` (None without a Likert block); a
        flagged respondent's configurations are :data:`NOT_CLASSIFIED` and balances None.
    structure : Structure or None
    now, preferred : Profile or None
        Profiles (None when not scored: fewer than :data:`MIN_DIMENSIONS` dimensions complete). The
        preferred profile is wholly benign
        (:data:`PREFERRED_MALIGN`: no malign share and fatalism's despair 0, since the respondent
        states a wish, not a diagnosis, and the strength ratings alone decide its configuration); its
        strengths are the preferred ratings (where a rating is missing, the profile is drawn
        from the points but its configuration is :data:`NOT_CLASSIFIED`).
    gap : ndarray, shape (4,)
        Preferred minus now scores, in points.
    congruence_now, congruence_preferred : float
    configuration_now, configuration_preferred : Configuration or None
        None when not scored; :data:`NOT_CLASSIFIED` when a version 2 strength rating
        is missing or "don't know", or for a response style.
    balance_now, balance_preferred : BalanceReport or None
        None whenever the configuration is None or not classified.
    blocks : CrossBlock or None
        :func:`~coordkit.survey.crossblock.cross_block` of the now points and strength ratings
        (None when not scored or no level was rated for every mode); when the blocks disagree, its
        notice ends the now diagnosis.
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
    styles: ResponseStyles | None
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
    blocks: CrossBlock | None = None

    @property
    def acquiescent(self) -> bool:
        """Whether the acquiescence index reaches :data:`ACQUIESCENCE_FLAG` (read the levels with care)."""
        return bool(acquiescence_flags(self.acquiescence))

    @property
    def response_style(self) -> bool:
        """Whether a withholding response style was flagged (the configurations are then withheld)."""
        return self.styles is not None and bool(self.styles.any)

    @property
    def caution(self) -> bool:
        """Whether the respondent is kept with an inconsistency caution (it ends the now diagnosis)."""
        return self.styles is not None and bool(self.styles.read_with_caution)

    @property
    def dimensions_now(self) -> int:
        """How many dimensions the now scores rest on (those that add up to 100)."""
        return int(self.complete_now.sum())

    @property
    def dimensions_preferred(self) -> int:
        """How many dimensions the preferred scores rest on."""
        return int(self.complete_preferred.sum())

    @property
    def not_scored(self) -> str | None:
        """Why the now or preferred answers are not scored (:func:`not_scored_reason`), or None.

        Examples
        --------
        >>> r = score_answers([[40, 30, 10, 20]] * 3 + [[10, 10, 10, 10]] * 3, [[25] * 4] * 6)
        >>> r.dimensions_now, r.dimensions_preferred, r.not_scored
        (3, 6, 'now not scored: only 3 of 6 dimensions add up to 100 (the kit needs at least 4)')
        """
        parts = [f"{name} {not_scored_reason(int(ok.sum()), len(ok))}"
                 for name, ok, scores in (("now", self.complete_now, self.now_scores),
                                          ("preferred", self.complete_preferred, self.preferred_scores))
                 if not np.all(np.isfinite(scores))]
        return "; ".join(parts) or None

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
            return (f"No gap yet: complete at least {min(MIN_DIMENSIONS, len(self.complete_now))} of the "
                    f"{len(self.complete_now)} dimensions for both now and preferred.")
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

    A dimension that does not add up is left out (:func:`scores_from_complete`); with fewer than
    :data:`MIN_DIMENSIONS` complete the answers are not scored (the kit's rule, with the reason in
    :attr:`RespondentResult.not_scored`).

    Parameters
    ----------
    now, preferred : array_like, shape (dimensions, 4)
        Points per dimension and mode (H, S, I, F); NaN marks a cell that could not be read (its
        dimension is left out, as one that does not add up to 100 is).
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
    >>> r.complete_now.tolist(), r.dimensions_now
    ([True, True, True, True, True, False], 5)
    >>> r.configuration_now.name, r.configuration_preferred.name  # version 2: strength not rated
    ('not classified', 'not classified')
    >>> v1 = score_answers([[40, 30, 10, 20]] * 6, [[25] * 4] * 6, q=questionnaire(version=1))
    >>> v1.configuration_now.name, "inferred from the divide-100 shares" in v1.configuration_now.diagnosis
    ('deficit culture: weak individualism', True)
    """
    q = q or questionnaire()
    # NaN marks a divide-100 cell the reader could not read: its dimension is left out, as one off 100 is
    now_a, pref_a = _points(now, "now", allow_nan=True), _points(preferred, "preferred", allow_nan=True)
    if now_a.ndim != 2 or now_a.shape != pref_a.shape:
        raise SurveyError(
            f"now and preferred must both have shape (dimensions, 4); got {now_a.shape} and {pref_a.shape}"
        )
    totals_now, totals_pref = now_a.sum(axis=-1), pref_a.sum(axis=-1)
    ok_now = complete_dimensions(now_a, tolerance=tolerance)
    ok_pref = complete_dimensions(pref_a, tolerance=tolerance)
    s_now = scores_from_complete(now_a, tolerance=tolerance).scores
    s_pref = scores_from_complete(pref_a, tolerance=tolerance).scores
    scored_now, scored_pref = bool(np.isfinite(s_now).all()), bool(np.isfinite(s_pref).all())
    answered = likert is not None and bool(np.any(np.isfinite(np.asarray(likert, dtype=float))))
    forms = form_scores(likert, q) if likert is not None and answered else None
    lik: ArrayLike = likert if likert is not None else np.full(len(q.likert_items), np.nan)
    strength = strength_ratings(lik, q) if answered else np.full(4, np.nan)
    pref_strength = strength_ratings(lik, q, timeframe="preferred") if answered else np.full(4, np.nan)
    structure = structure_scores(lik, q) if answered else None
    acq = float(acquiescence_index(lik, q)) if answered else math.nan
    styles = response_style_flags(lik, q) if answered else None
    malign = (0.0, 0.0, 0.0) if forms is None else (*(float(v) for v in forms.share), float(forms.despair))
    rated = any(i.block == "strength" for i in q.likert_items)  # version 2: strength is asked
    p_now = profile_from_scores(s_now, malign, strength=strength) if scored_now else None
    # The preferred profile is a wish, not a diagnosis: wholly benign, fatalism's despair 0 too
    # (without the explicit 0, Profile's default would read all preferred fatalism as despair).
    p_pref = profile_from_scores(s_pref, PREFERRED_MALIGN, strength=pref_strength) if scored_pref else None
    c_now = float(congruence(now_a[ok_now])) if scored_now else math.nan
    c_pref = float(congruence(pref_a[ok_pref])) if scored_pref else math.nan
    style_reason = style_withheld(styles) if styles is not None and styles.any else None
    conf_now = None if p_now is None else configuration_now(
        p_now, forms, strength, rated=rated, style_reason=style_reason, threshold=threshold)
    if conf_now is not None and styles is not None and styles.notices():  # kept, with a caution
        conf_now = replace(conf_now, diagnosis=" ".join([conf_now.diagnosis, *styles.notices()]))
    blocks = None
    if answered and p_now is not None:  # the cross-block check: its notice ends the now diagnosis
        blocks = cross_block(s_now, {level: strength_ratings(lik, q, level=level) for level in LEVELS})
        if blocks.level is None:
            blocks = None
        elif blocks.disagree and conf_now is not None:
            conf_now = replace(conf_now, diagnosis=conf_now.diagnosis + " " + blocks.notice)
    conf_pref: Configuration | None = None
    if p_pref is not None:
        conf_pref = (not_classified(style_reason) if style_reason
                     else preferred_configuration(p_pref, pref_strength, threshold=threshold))
    return RespondentResult(
        now_scores=s_now, preferred_scores=s_pref, complete_now=ok_now, complete_preferred=ok_pref,
        totals_now=totals_now, totals_preferred=totals_pref, forms=forms, strength=strength,
        preferred_strength=pref_strength, acquiescence=acq, styles=styles, structure=structure,
        now=p_now, preferred=p_pref,
        gap=s_pref - s_now, congruence_now=c_now, congruence_preferred=c_pref,
        configuration_now=conf_now, configuration_preferred=conf_pref,
        balance_now=None if p_now is None or _withheld(conf_now) else report(p_now),
        balance_preferred=None if p_pref is None or _withheld(conf_pref) else report(p_pref),
        blocks=blocks,
    )


def _withheld(c: Configuration | None) -> bool:
    return c is None or c.name == NOT_CLASSIFIED


_EXAMPLE_RATINGS = {
    # benign, malign: hierarchy partly overbearing, solidarity strong and mostly benign,
    # individualism held back, fatalism more wisdom than despair; each reversal answered the
    # other way round from its forward statement, give or take a point
    "BH1": 4, "BH2": 4, "BH3": 2, "BH4": 2, "MH1": 4, "MH2": 3, "MH3": 2, "MH4": 3,
    "BS1": 5, "BS2": 4, "BS3": 1, "BS4": 2, "MS1": 2, "MS2": 3, "MS3": 4, "MS4": 3,
    "BI1": 2, "BI2": 3, "BI3": 4, "BI4": 3, "MI1": 2, "MI2": 2, "MI3": 4, "MI4": 4,
    "BF1": 4, "BF2": 4, "BF3": 2, "BF4": 2, "MF1": 3, "MF2": 2, "MF3": 3, "MF4": 4,
    "GR1": 4, "GR2": 2, "GP1": 4, "GP2": 2, "GP3": 4, "GP4": 2, "W1": 2, "W2": 4,
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
