"""Each respondent's answers and results: :class:`Responses` and the :class:`RespondentTable`.

:class:`Responses` holds a class's accepted answers as arrays (what the reader produces);
:func:`respondent_table` scores and classifies each respondent once, the results no grouping
changes, so :func:`~coordkit.survey.analysis.analyse` can summarise the class and each group from
the rows of their members. Re-exported by :mod:`coordkit.survey.analysis` and :mod:`coordkit.survey`.

Examples
--------
>>> from coordkit.survey import synthetic_class
>>> t = respondent_table(synthetic_class())
>>> len(t), t.rated
(60, True)
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from coordkit.configuration import Configuration
from coordkit.profile import Profile
from coordkit.survey.instrument import (
    CURRENT_VERSION,
    LEVELS,
    TIMEFRAMES,
    Questionnaire,
    SurveyError,
    questionnaire,
)
from coordkit.survey.scoring import (
    DEFAULT_TOLERANCE,
    IPSATIVE_POINTS_PER_STRENGTH,
    PREFERRED_MALIGN,
    STRONG,
    DivideScores,
    FormScores,
    acquiescence_index,
    complete_dimensions,
    configuration_now,
    congruence,
    form_readings,
    form_scores,
    malign_warnings,
    not_classified,
    not_scored_reason,
    preferred_configuration,
    profile_from_scores,
    scores_from_complete,
    strength_ratings,
    style_withheld,
)
from coordkit.survey.styles import ResponseStyles, high_rating_tendency, response_style_flags

__all__ = [
    "RespondentTable",
    "Responses",
    "respondent_table",
]


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
    version : int, default :data:`~coordkit.survey.CURRENT_VERSION`
        The questionnaire version the answers follow (``likert`` holds that version's 1-5 items).
    tolerance : float, default 1
        How far a dimension's points may sum from 100 and still count (the reader's tolerance); a
        dimension further off is left out of the scores (:meth:`divide`).
    """

    ids: tuple[str, ...]
    now: NDArray[np.float64]
    preferred: NDArray[np.float64]
    likert: NDArray[np.float64] | None = None
    groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    version: int = CURRENT_VERSION
    tolerance: float = DEFAULT_TOLERANCE

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

    def divide(self, timeframe: str = "now") -> DivideScores:
        """Scores (n, 4) and the dimensions each rests on (:func:`~coordkit.survey.scores_from_complete`).

        A dimension that does not add up to 100 (within :attr:`tolerance`) is left out; a respondent
        with fewer than :data:`~coordkit.survey.MIN_DIMENSIONS` complete is not scored (NaN).
        """
        if timeframe not in TIMEFRAMES:
            raise SurveyError(f"timeframe must be 'now' or 'preferred', got {timeframe!r}")
        points = self.now if timeframe == "now" else self.preferred
        if not len(self):
            return DivideScores(np.zeros((0, 4)), np.zeros(0, dtype=int), points.shape[1])
        return scores_from_complete(points, tolerance=self.tolerance)

    def scores(self, timeframe: str = "now") -> NDArray[np.float64]:
        """Mode scores (n, 4) for ``"now"`` or ``"preferred"``; NaN where not scored (:meth:`divide`)."""
        return self.divide(timeframe).scores

    @property
    def questionnaire(self) -> Questionnaire:
        """The questionnaire of the answers' version."""
        return questionnaire(version=self.version)

    def malign(self, q: Questionnaire | None = None) -> NDArray[np.float64]:
        """The profiles' malign shares (n, 3); zeros if the Likert block was not asked."""
        if self.likert is None or not len(self):
            return np.zeros((len(self), 3))
        return form_scores(self.likert, q or self.questionnaire).share

    def forms(self, q: Questionnaire | None = None) -> FormScores | None:
        """Benign and malign levels (n, 4), or None if the Likert block was not asked."""
        if self.likert is None:
            return None
        return form_scores(self.likert, q or self.questionnaire)  # (n, items), also for n = 0

    def strength(self, level: str = "organisation", q: Questionnaire | None = None, *,
                 timeframe: str = "now") -> NDArray[np.float64]:
        """Strength ratings (n, 4) at one level (and timeframe), 0-1; NaN where not rated."""
        if self.likert is None or not len(self):
            return np.full((len(self), 4), np.nan)
        return strength_ratings(self.likert, q or self.questionnaire, level=level, timeframe=timeframe)

    def acquiescence(self, q: Questionnaire | None = None) -> NDArray[np.float64]:
        """Each respondent's acquiescence index (n,); NaN without answered balanced pairs."""
        if self.likert is None or not len(self):
            return np.full(len(self), np.nan)
        return np.asarray(acquiescence_index(self.likert, q or self.questionnaire), dtype=float)

    def high_rating_tendency(self, q: Questionnaire | None = None) -> NDArray[np.float64]:
        """Each respondent's high-rating tendency (n,), :func:`~coordkit.survey.high_rating_tendency`.

        How high, on average, the respondent rated every way of working at every level (0
        "moderate", +1 "very strong"); a tendency, not evidence that the ratings are insincere.
        NaN without enough strength ratings (and for version 1).
        """
        if self.likert is None or not len(self):
            return np.full(len(self), np.nan)
        return np.asarray(high_rating_tendency(self.likert, q or self.questionnaire), dtype=float)

    def styles(self, q: Questionnaire | None = None) -> ResponseStyles:
        """Each respondent's response-style flags (:func:`~coordkit.survey.response_style_flags`).

        Nobody is flagged when the Likert block was not asked (version 1 files without it).
        """
        if self.likert is None or not len(self):
            none = np.zeros(len(self), dtype=bool)
            styles = ResponseStyles(*(none for _ in _STYLE_FIELDS))
            return replace(styles, pairs=np.zeros(len(self), dtype=np.int64))
        return response_style_flags(self.likert, q or self.questionnaire)

    def profiles(self, timeframe: str = "now") -> list[Profile | None]:
        """One profile per respondent (preferred profiles are wholly benign); None where not scored."""
        scores = self.scores(timeframe)
        if timeframe == "now":
            forms = self.forms()
            despair = np.zeros(len(self)) if forms is None else np.broadcast_to(forms.despair, (len(self),))
            malign = np.column_stack([self.malign(), despair]) if len(self) else np.zeros((0, 4))
            strength = self.strength()
        else:
            malign = np.tile(PREFERRED_MALIGN, (len(self), 1))  # a wish: wholly benign, no despair
            strength = self.strength(timeframe="preferred")
        return [profile_from_scores(s, m, strength=a) if np.all(np.isfinite(s)) else None
                for s, m, a in zip(scores, malign, strength, strict=True)]

    def configurations(self, timeframe: str = "now", *, threshold: float = STRONG) -> list[Configuration]:
        """One configuration per respondent, by the rules of :func:`~coordkit.survey.score_answers`.

        Malign warnings come from the levels (now only). A respondent flagged for a response style
        (:meth:`styles`), or, in version 2, with a mode's organisation strength not rated, or whose
        divide-100 answers are not scored (:meth:`divide`), is :data:`~coordkit.survey.NOT_CLASSIFIED`,
        with the reason. The same as :func:`respondent_table`'s ``configurations``.
        """
        if timeframe not in TIMEFRAMES:
            raise SurveyError(f"timeframe must be 'now' or 'preferred', got {timeframe!r}")
        return list(respondent_table(self, threshold=threshold).configurations[timeframe])

    def select(self, mask: ArrayLike) -> Responses:
        """The respondents where ``mask`` is true."""
        m = np.asarray(mask, dtype=bool)
        return Responses(
            ids=tuple(i for i, keep in zip(self.ids, m, strict=True) if keep),
            now=self.now[m], preferred=self.preferred[m],
            likert=None if self.likert is None else self.likert[m],
            groups={k: tuple(v for v, keep in zip(vals, m, strict=True) if keep)
                    for k, vals in self.groups.items()},
            version=self.version, tolerance=self.tolerance,
        )


def _frozen(a: Any) -> Any:
    """``a`` as a read-only array (a table shared by every grouping must not be changed in place)."""
    out = np.array(a, copy=True)
    out.flags.writeable = False
    return out


@dataclass(frozen=True, eq=False)
class RespondentTable:
    """Each respondent's results, which no grouping changes: computed once per data set.

    :func:`~coordkit.survey.analysis.analyse` summarises the whole class and each group from this
    table (the rows of the group's members, :meth:`select`), so an explorer that re-groups a class
    passes the table it made once (:func:`respondent_table`) instead of re-scoring every respondent
    for every group. The arrays are read-only.

    Attributes
    ----------
    ids : tuple of str
        The respondents, in the order of the :class:`Responses` the table was made from.
    threshold : float
        Strength at which a mode counts as strong (the configurations depend on it).
    rated : bool
        Whether the questionnaire has the strength block (version 2).
    divide : mapping of str to DivideScores
        By timeframe: scores (n, 4) and the dimensions each rests on (:meth:`Responses.divide`).
    forms : FormScores or None
        Benign and malign levels (n, 4) (:meth:`Responses.forms`); None without a Likert block.
    malign : ndarray, shape (n, 3)
        Malign shares (:meth:`Responses.malign`).
    strength : mapping of str to ndarray, shape (n, 4)
        Strength ratings (0-1) by level (``"team"``, ``"organisation"``, ``"system"``) and
        ``"preferred"`` (organisation, preferred) (:meth:`Responses.strength`).
    acquiescence : ndarray, shape (n,)
        :meth:`Responses.acquiescence`.
    styles : ResponseStyles
        :meth:`Responses.styles`.
    congruence : ndarray, shape (n,)
        Congruence of each respondent's now answers over their complete dimensions.
    configurations : mapping of str to tuple of Configuration
        By timeframe, :meth:`Responses.configurations` at :attr:`threshold`.

    Examples
    --------
    >>> from coordkit.survey import synthetic_class
    >>> t = respondent_table(synthetic_class())
    >>> len(t), t.configurations["now"][0].name == synthetic_class().configurations()[0].name
    (60, True)
    >>> len(t.select(np.arange(60) < 5)), t.malign.flags.writeable
    (5, False)
    """

    ids: tuple[str, ...]
    threshold: float
    rated: bool
    divide: Mapping[str, DivideScores]
    forms: FormScores | None
    malign: NDArray[np.float64]
    strength: Mapping[str, NDArray[np.float64]]
    acquiescence: NDArray[np.float64]
    styles: ResponseStyles
    congruence: NDArray[np.float64]
    configurations: Mapping[str, tuple[Configuration, ...]]

    def __len__(self) -> int:
        return len(self.ids)

    def select(self, mask: ArrayLike) -> RespondentTable:
        """The rows where ``mask`` is true (as :meth:`Responses.select`)."""
        m = np.asarray(mask, dtype=bool)
        f = self.forms
        return RespondentTable(
            ids=tuple(i for i, keep in zip(self.ids, m, strict=True) if keep),
            threshold=self.threshold, rated=self.rated,
            divide={t: DivideScores(_frozen(d.scores[m]), _frozen(d.dimensions[m]), d.of)
                    for t, d in self.divide.items()},
            forms=None if f is None else FormScores(
                _frozen(f.benign[m]), _frozen(f.malign[m]), _frozen(f.answered[m]), _frozen(f.share[m]),
                _frozen(np.asarray(f.despair)[m])),
            malign=_frozen(self.malign[m]),
            strength={k: _frozen(v[m]) for k, v in self.strength.items()},
            acquiescence=_frozen(self.acquiescence[m]),
            styles=ResponseStyles(*(_frozen(np.asarray(getattr(self.styles, name))[m])
                                    for name in _STYLE_FIELDS)),
            congruence=_frozen(self.congruence[m]),
            configurations={t: tuple(c for c, keep in zip(cs, m, strict=True) if keep)
                            for t, cs in self.configurations.items()},
        )


_STYLE_FIELDS = tuple(f.name for f in fields(ResponseStyles))


#: Whether :func:`respondent_table` makes each distinct configuration once and shares it between the
#: respondents who answered alike (False: one per respondent, as the rules read; the tests compare).
_SHARE_CONFIGURATIONS = True


def _configurations(timeframe: str, divide: DivideScores, shares: NDArray[np.float64],
                    rating: NDArray[np.float64], forms: FormScores | None, styles: ResponseStyles, *,
                    rated: bool, threshold: float) -> tuple[Configuration, ...]:
    """Each respondent's configuration in ``timeframe`` (the rules of :meth:`Responses.configurations`).

    The wording is the costly part (5,000 respondents: 10,000 diagnoses, most of them alike), so
    respondents whose answers give the rules the same inputs share one configuration, made once.
    The key holds all a configuration is made from: the style reason, the ratings, and for now the
    profile's strengths and despair (its other malign shares are not read: the classification is
    of the profile without them) and the two readings of the levels the diagnosis uses
    (:func:`~coordkit.survey.likert.form_readings` and every mode's
    :func:`~coordkit.survey.likert.malign_warnings`). A preferred configuration is made from the
    ratings alone (the profile of a wish is the ratings, wholly benign). Every NaN in a key is the
    one :data:`math.nan` (a rating not given is not given, whichever NaN says so; the rules only ask
    whether a value is finite), so that keys with a gap match too.
    """
    n, scores = len(shares), divide.scores
    # the strengths profile_from_scores gives each respondent, for all at once (the same arithmetic)
    fallback = np.clip(scores / IPSATIVE_POINTS_PER_STRENGTH, 0.0, 1.0)
    strengths = np.where(np.isfinite(rating), np.clip(rating, 0.0, 1.0), fallback).tolist()
    ratings = rating.tolist()
    made: dict[tuple[Any, ...], Configuration] = {}
    out: list[Configuration] = []
    for k in range(n):
        reason = style_withheld(styles, k) if styles.any[k] else None
        if not np.all(np.isfinite(scores[k])):
            out.append(not_classified(reason or not_scored_reason(int(divide.dimensions[k]), divide.of)))
            continue
        f = None
        if timeframe == "preferred":
            key: tuple[Any, ...] = (reason, *ratings[k])
        else:
            f = None if forms is None else FormScores(forms.benign[k], forms.malign[k], forms.answered[k],
                                                        forms.share[k], np.asarray(forms.despair)[k])
            key = (reason, *ratings[k], *strengths[k], float(shares[k, 3]), *form_readings(f),
                   *malign_warnings(f))
        key = tuple(math.nan if x != x else x for x in key)  # one NaN: tuples compare by identity first
        conf = made.get(key) if _SHARE_CONFIGURATIONS else None
        if conf is None:
            p = profile_from_scores(scores[k], shares[k], strength=rating[k])
            if timeframe == "preferred":
                conf = (not_classified(reason) if reason
                        else preferred_configuration(p, rating[k], threshold=threshold))
            else:
                conf = configuration_now(p, f, rating[k], rated=rated, style_reason=reason,
                                         threshold=threshold)
            made[key] = conf
        out.append(conf)
    return tuple(out)


def respondent_table(responses: Responses, *, threshold: float = STRONG) -> RespondentTable:
    """Score and classify each respondent once: the results no grouping changes.

    The rules are those of :meth:`Responses.configurations` (a respondent flagged for a response
    style, with a mode's organisation strength not rated in version 2, or not scored, is
    :data:`~coordkit.survey.NOT_CLASSIFIED`, with the reason); pass the table to
    :func:`~coordkit.survey.analysis.analyse` to re-group a class without re-scoring it.

    Parameters
    ----------
    responses : Responses
    threshold : float, default :data:`STRONG`

    Returns
    -------
    RespondentTable

    Examples
    --------
    >>> from coordkit.survey import synthetic_class
    >>> c = synthetic_class()
    >>> t = respondent_table(c)
    >>> from coordkit.survey import analyse
    >>> a = analyse(c, group_column="team", respondents=t)
    >>> a.groups[1].label, a.groups[1].n
    ('Ward A', 18)
    """
    q = responses.questionnaire
    n = len(responses)
    divide = {t: responses.divide(t) for t in TIMEFRAMES}
    forms = responses.forms()
    styles = responses.styles()
    strength = {level: responses.strength(level) for level in LEVELS}
    strength["preferred"] = responses.strength(timeframe="preferred")
    malign = responses.malign()
    rated = bool(q.block("strength"))
    configurations: dict[str, tuple[Configuration, ...]] = {}
    for timeframe in TIMEFRAMES:
        if timeframe == "now":
            despair = np.zeros(n) if forms is None else np.broadcast_to(forms.despair, (n,))
            shares = np.column_stack([malign, despair]) if n else np.zeros((0, 4))
            rating = strength["organisation"]
        else:
            shares = np.tile(PREFERRED_MALIGN, (n, 1))  # a wish: wholly benign, no despair
            rating = strength["preferred"]
        configurations[timeframe] = _configurations(timeframe, divide[timeframe], shares, rating, forms,
                                                    styles, rated=rated, threshold=threshold)
    now = responses.now
    agreement = (np.asarray(congruence(now, use=complete_dimensions(now, tolerance=responses.tolerance)),
                            dtype=float) if n else np.zeros(0))
    return RespondentTable(
        ids=responses.ids, threshold=threshold, rated=rated,
        divide={t: DivideScores(_frozen(d.scores), _frozen(d.dimensions), d.of) for t, d in divide.items()},
        forms=None if forms is None else FormScores(
            _frozen(forms.benign), _frozen(forms.malign), _frozen(forms.answered), _frozen(forms.share),
            _frozen(np.broadcast_to(forms.despair, (n,)))),
        malign=_frozen(malign), strength={k: _frozen(v) for k, v in strength.items()},
        acquiescence=_frozen(responses.acquiescence()),
        styles=ResponseStyles(*(_frozen(getattr(styles, name)) for name in _STYLE_FIELDS)),
        congruence=_frozen(agreement), configurations=configurations,
    )
