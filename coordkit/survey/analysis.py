"""Many respondents: the answers as arrays, group summaries, gap drivers, reliability, levels.

:class:`Responses` holds a class's accepted answers (what the reader produces);
:func:`analyse` turns them into a :class:`ClassAnalysis` for the class report: whole-class and
group profiles (small groups suppressed, see :mod:`coordkit.survey.privacy`), the statements that
drive the now-versus-preferred gap, each scale's reliability (:func:`reliability_table`) and the
respondent x level decomposition of the strength ratings (:func:`level_table`). A group
profile is the mean of its members' scores (the OCAI convention), with strength from the mean
strength rating.

Examples
--------
>>> from coordkit.survey import synthetic_class
>>> a = analyse(synthetic_class(), group_column="team")
>>> a.n, a.overall.configuration_now.name
(60, 'deficit culture: weak individualism')
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from coordkit.balance import BalanceReport, report
from coordkit.configuration import Configuration
from coordkit.modes import ALL_MODES
from coordkit.profile import Profile
from coordkit.survey.agreement import (
    GroupICC,
    ModeAgreement,
    icc,
    mode_agreement,
    no_shared_target,
    unknown_level,
)
from coordkit.survey.compositional import TOTAL, compositional_mean, total_variance
from coordkit.survey.instrument import (
    CURRENT_VERSION,
    LEVELS,
    TIMEFRAMES,
    Questionnaire,
    SurveyError,
    questionnaire,
)
from coordkit.survey.privacy import DEFAULT_MIN_GROUP, MIN_GROUP_FLOOR, DisclosurePlan, disclosure_plan
from coordkit.survey.reliability import (
    MIN_LEVEL_N,
    MIN_RELIABILITY_N,
    alpha_interval,
    cronbach_alpha,
    level_decomposition,
    omega_fit,
    read_reliability,
    spearman_brown,
    spearman_brown_interval,
)
from coordkit.survey.scoring import (
    DEFAULT_TOLERANCE,
    MIN_DIMENSIONS,
    NOT_CLASSIFIED,
    PREFERRED_MALIGN,
    STRONG,
    DivideScores,
    FormScores,
    acquiescence_flags,
    acquiescence_index,
    complete_dimensions,
    configuration_now,
    congruence,
    form_scores,
    keyed,
    not_classified,
    not_scored_reason,
    preferred_configuration,
    profile_from_scores,
    scale_columns,
    scores_from_complete,
    strength_ratings,
    style_withheld,
)
from coordkit.survey.styles import ResponseStyles, high_rating_tendency, response_style_flags

if TYPE_CHECKING:  # pandas is imported lazily
    import pandas as pd

__all__ = [
    "ICC2_THRESHOLD",
    "ClassAnalysis",
    "GroupSummary",
    "RespondentTable",
    "Responses",
    "analyse",
    "count_text",
    "gap_drivers",
    "group_icc_table",
    "level_table",
    "reliability_table",
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
            return ResponseStyles(none, none, none, none, none)
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



def count_text(n: int, withheld: int) -> str:
    """How many respondents a group has and how many are scored, in the one wording every caption uses.

    The figure, its description and the table caption of a group say the same count (methodologist
    re-review of v2, finding 14: an all-neutral class read "35 respondents" above "Mean scores of 0
    respondents" for the same table).

    Parameters
    ----------
    n : int
        Members of the group.
    withheld : int
        Members not scored because their answers were flagged for a response style.

    Returns
    -------
    str

    Examples
    --------
    >>> count_text(35, 35)
    '35 respondents, 0 scored (35 withheld: response style; the means describe every answer)'
    >>> count_text(60, 2)
    '60 respondents, 58 scored (2 withheld: response style)'
    >>> count_text(1, 0)
    '1 respondent'
    """
    text = f"{n} respondent{'s' if n != 1 else ''}"
    if not withheld:
        return text
    why = "response style" + ("; the means describe every answer" if withheld >= n else "")
    return f"{text}, {n - withheld} scored ({withheld} withheld: {why})"


def _frozen(a: Any) -> Any:
    """``a`` as a read-only array (a table shared by every grouping must not be changed in place)."""
    out = np.array(a, copy=True)
    out.flags.writeable = False
    return out


@dataclass(frozen=True, eq=False)
class RespondentTable:
    """Each respondent's results, which no grouping changes: computed once per data set.

    :func:`analyse` summarises the whole class and each group from this table (the rows of the
    group's members, :meth:`select`), so an explorer that re-groups a class passes the table it
    made once (:func:`respondent_table`) instead of re-scoring every respondent for every group.
    The arrays are read-only.

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


_STYLE_FIELDS = ("yes_saying", "nay_saying", "inconsistent", "high_rating", "non_differentiating")


def respondent_table(responses: Responses, *, threshold: float = STRONG) -> RespondentTable:
    """Score and classify each respondent once: the results no grouping changes.

    The rules are those of :meth:`Responses.configurations` (a respondent flagged for a response
    style, with a mode's organisation strength not rated in version 2, or not scored, is
    :data:`~coordkit.survey.NOT_CLASSIFIED`, with the reason); pass the table to :func:`analyse`
    to re-group a class without re-scoring it.

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
    >>> a = analyse(c, group_column="team", respondents=t)
    >>> a.groups[0].label, a.groups[0].n
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
        scores = divide[timeframe].scores
        if timeframe == "now":
            despair = np.zeros(n) if forms is None else np.broadcast_to(forms.despair, (n,))
            shares = np.column_stack([malign, despair]) if n else np.zeros((0, 4))
            rating = strength["organisation"]
        else:
            shares = np.tile(PREFERRED_MALIGN, (n, 1))  # a wish: wholly benign, no despair
            rating = strength["preferred"]
        out: list[Configuration] = []
        for k in range(n):
            reason = style_withheld(styles, k) if styles.any[k] else None
            if not np.all(np.isfinite(scores[k])):
                d = divide[timeframe]
                out.append(not_classified(reason or not_scored_reason(int(d.dimensions[k]), d.of)))
                continue
            p = profile_from_scores(scores[k], shares[k], strength=rating[k])
            if timeframe == "preferred":
                out.append(not_classified(reason) if reason
                           else preferred_configuration(p, rating[k], threshold=threshold))
                continue
            f = None if forms is None else FormScores(forms.benign[k], forms.malign[k], forms.answered[k],
                                                        forms.share[k], np.asarray(forms.despair)[k])
            out.append(configuration_now(p, f, rating[k], rated=rated, style_reason=reason,
                                         threshold=threshold))
        configurations[timeframe] = tuple(out)
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


@dataclass(frozen=True)
class GroupSummary:
    """Class or group results: mean scores with spread, profiles, configurations and balance.

    Attributes
    ----------
    label : str
    n : int
        Members of the group (or class), classified or not.
    now_mean, now_sd, preferred_mean, preferred_sd : ndarray, shape (4,)
        Mean and standard deviation of members' mode scores (H, S, I, F), in points.
    malign_mean : ndarray, shape (3,)
        Mean malign share of H, S, I (0 if the Likert block was not asked).
    benign_level, malign_level : ndarray, shape (4,)
        Mean benign and malign levels of H, S, I, F (-1 to +1; NaN if not asked).
    strength_mean : ndarray, shape (4,)
        Mean strength rating (at :attr:`level`, 0-1) of H, S, I, F; NaN where nobody rated it.
    preferred_strength_mean : ndarray, shape (4,)
        Mean preferred strength rating (organisation, 0-1); NaN where nobody rated it.
    acquiescence_mean : float
        Mean acquiescence index of members (NaN without balanced pairs).
    acquiescent : int
        Members whose acquiescence index reaches the kit's flag.
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
    agreement_now, agreement_preferred : ModeAgreement
        Members' agreement (:func:`~coordkit.survey.agreement.mode_agreement`) on each of the four
        strength ratings at :attr:`level` (the preferred ratings exist for the organisation only):
        the ratings that decide which modes the configuration calls strong, one :math:`r_{wg}` per
        mode (four constructs are not pooled).
        Below the kit's threshold on any mode the configuration of the mean is withheld
        (:meth:`shown_configuration`). Not computed for the whole class or a pooled row, whose
        members describe different organisations (:func:`~coordkit.survey.agreement.no_shared_target`).
    style_excluded : int
        Members not classified because of a response style
        (:func:`~coordkit.survey.response_style_flags`). Every mean, level, agreement and configuration
        above leaves them out; only if every member is flagged are the means those of all members,
        with both configurations not classified.
    level : str
        The level whose strength ratings the now configuration and agreement use: the level the
        group column denotes (``"team"`` for teams), ``"organisation"`` for the whole class.
    level_known : bool
        False when the group column's level is unknown: then no agreement is computed and
        :meth:`shown_configuration` shows no configuration (description only).
    """

    label: str
    n: int
    now_mean: NDArray[np.float64]
    now_sd: NDArray[np.float64]
    preferred_mean: NDArray[np.float64]
    preferred_sd: NDArray[np.float64]
    malign_mean: NDArray[np.float64]
    benign_level: NDArray[np.float64]
    malign_level: NDArray[np.float64]
    strength_mean: NDArray[np.float64]
    preferred_strength_mean: NDArray[np.float64]
    acquiescence_mean: float
    acquiescent: int
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
    agreement_now: ModeAgreement = field(default_factory=ModeAgreement)
    agreement_preferred: ModeAgreement = field(default_factory=ModeAgreement)
    style_excluded: int = 0
    level: str = "organisation"
    level_known: bool = True

    @property
    def classified(self) -> int:
        """Members whose answers the summary rests on (``n`` less :attr:`style_excluded`)."""
        return self.n - self.style_excluded

    def count_text(self) -> str:
        """The members and how many are scored, as every caption of the group says it (:func:`count_text`)."""
        return count_text(self.n, self.style_excluded)

    def shown_balance(self, timeframe: str = "now") -> float:
        """The balance index, or NaN when the configuration is not classified (nothing to balance)."""
        config = self.configuration_now if timeframe == "now" else self.configuration_preferred
        if config.name == NOT_CLASSIFIED:
            return math.nan
        return (self.balance_now if timeframe == "now" else self.balance_preferred).score

    def agreement(self, timeframe: str = "now") -> ModeAgreement:
        """Members' agreement on each organisation strength rating, ``"now"`` or ``"preferred"``."""
        return self.agreement_now if timeframe == "now" else self.agreement_preferred

    def withheld(self, timeframe: str = "now") -> bool:
        """Whether the configuration is withheld: agreement was measured and is low on some mode.

        A configuration that is not classified (response style, strength not rated) is not withheld:
        there is nothing to agree about, and its diagnosis says why.
        """
        config = self.configuration_now if timeframe == "now" else self.configuration_preferred
        a = self.agreement(timeframe)
        return a.measured and not a.agrees and config.name != NOT_CLASSIFIED

    def shown_configuration(self, timeframe: str = "now") -> str:
        """The configuration's name, or why it is withheld (members disagree on a mode's strength).

        For the whole class or a pooled row the name is that of a mean of different organisations,
        not an agreed description; ``agreement(timeframe).reason`` says so (the report prints it).

        Examples
        --------
        In the synthetic class, Ward A's members disagree about their team's hierarchy,
        individualism and fatalism:

        >>> from coordkit.survey import synthetic_class
        >>> a = analyse(synthetic_class(), group_column="team")
        >>> a.groups[0].label, a.groups[0].level, a.groups[0].shown_configuration()
        ('Ward A', 'team', "withheld: members disagree on hierarchy (rwg 0.54), individualism (rwg 0.69),
        fatalism (rwg 0.68), under the kit's 0.70")
        """
        config = self.configuration_now if timeframe == "now" else self.configuration_preferred
        a = self.agreement(timeframe)
        if not self.level_known:
            return ("not shown: the level the group column denotes is not known, so the kit cannot tell "
                    "which rating the members share")
        if self.withheld(timeframe):
            return f"withheld: members disagree on {a.disagreement}, under the kit's {a.threshold:.2f}"
        return config.name  # for the whole class or a pooled row, a.reason says it is not an agreed one


def _nanmean(x: NDArray[np.float64]) -> NDArray[np.float64]:
    count = np.isfinite(x).sum(axis=0)
    return np.where(count > 0, np.nansum(x, axis=0) / np.maximum(count, 1), np.nan)


def _nanstd(x: NDArray[np.float64], ddof: int) -> NDArray[np.float64]:
    """Column standard deviations over the finite values (ddof 1 where at least two, else 0)."""
    count = np.isfinite(x).sum(axis=0)
    dev = np.where(np.isfinite(x), x - _nanmean(x), 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, np.sqrt((dev ** 2).sum(axis=0) / np.maximum(count - ddof, 1)), np.nan)


def _summarise(label: str, group: RespondentTable, threshold: float, *, unshared: str = "",
               level: str | None = "organisation", column: str = "") -> GroupSummary:
    """The summary of ``group``'s rows of the class's :class:`RespondentTable`.

    ``unshared`` names members who describe different organisations: no agreement is computed.

    ``level`` is the level the members share (team ratings for a team, organisation ratings for an
    organisation); None when the group column's level is unknown: then no agreement and no
    configuration (the summary says why, naming ``column``).

    Members flagged for a response style are left out of every score and counted; a version 2
    group with a mode that no member rated has that configuration not classified (never the points).
    """
    flagged = group.styles.any
    excluded = int(flagged.sum())
    everyone = excluded == len(group)
    responses = group if everyone else group.select(~flagged)
    now, pref = responses.divide["now"].scores, responses.divide["preferred"].scores
    now_mean, pref_mean = _nanmean(now), _nanmean(pref)  # respondents not scored (NaN) left out
    scored_now = now[np.isfinite(now).all(axis=1)]
    unscored = [t for t, m in (("now", now_mean), ("preferred", pref_mean)) if not np.all(np.isfinite(m))]
    if unscored:  # nobody's divide-100 answers could be scored: the configurations say so
        now_mean = now_mean if "now" not in unscored else np.full(4, TOTAL / 4)
        pref_mean = pref_mean if "preferred" not in unscored else np.full(4, TOTAL / 4)
    malign = responses.malign.mean(axis=0)
    forms = responses.forms
    benign_level = np.full(4, np.nan) if forms is None else _nanmean(forms.benign)
    malign_level = np.full(4, np.nan) if forms is None else _nanmean(forms.malign)
    rated_level = level or "organisation"
    strength = _nanmean(responses.strength[rated_level])
    ddof = 1 if len(responses) > 1 else 0
    despair = 0.0 if forms is None else float(np.mean(forms.despair))
    p_now = profile_from_scores(now_mean, [*malign, despair], strength=strength)
    pref_strength = _nanmean(responses.strength["preferred"])
    p_pref = profile_from_scores(pref_mean, PREFERRED_MALIGN, strength=pref_strength)
    acq = responses.acquiescence
    group_forms = None if forms is None else FormScores(
        benign_level, malign_level, np.isfinite(benign_level) & np.isfinite(malign_level), malign, despair)
    rated = responses.rated
    style = (f"every member's answers were flagged for a response style ({excluded} of {len(group)}), so "
             "the group is not classified" if everyone else None)
    nobody = ("no member's divide-100 answers could be scored (each has fewer than "
              f"{MIN_DIMENSIONS} dimensions adding up to 100)")
    now_style = style or (nobody if "now" in unscored else None)
    pref_style = style or (nobody if "preferred" in unscored else None)
    conf_now = configuration_now(p_now, group_forms, strength, rated=rated, style_reason=now_style,
                                 threshold=threshold, level=f"mean {rated_level}")
    conf_pref = (not_classified(pref_style) if pref_style
                 else preferred_configuration(p_pref, pref_strength, threshold=threshold))
    return GroupSummary(
        label=label, n=len(group), style_excluded=excluded,
        now_mean=_nanmean(now), now_sd=_nanstd(now, ddof),
        preferred_mean=_nanmean(pref), preferred_sd=_nanstd(pref, ddof),
        malign_mean=malign, benign_level=benign_level, malign_level=malign_level, strength_mean=strength,
        preferred_strength_mean=pref_strength,
        acquiescence_mean=float(np.nanmean(acq)) if np.isfinite(acq).any() else math.nan,
        acquiescent=int(acquiescence_flags(acq).sum()),
        gap=_nanmean(pref) - _nanmean(now),
        now=p_now, preferred=p_pref,
        configuration_now=conf_now, configuration_preferred=conf_pref,
        balance_now=report(p_now), balance_preferred=report(p_pref),
        congruence_now=float(np.nanmean(responses.congruence)) if len(scored_now) else math.nan,
        variance_now=total_variance(scored_now) if len(scored_now) else math.nan,
        compositional_now=compositional_mean(scored_now) if len(scored_now) else np.full(4, np.nan),
        agreement_now=(no_shared_target(unshared) if unshared
                       else unknown_level(column) if level is None
                       else mode_agreement(responses.strength[level] * 4 + 1)),
        agreement_preferred=(no_shared_target(unshared) if unshared
                             else unknown_level(column) if level is None
                             else mode_agreement(responses.strength["preferred"] * 4 + 1)),
        level=rated_level, level_known=level is not None,
    )


def gap_drivers(responses: Responses, q: Questionnaire | None = None) -> pd.DataFrame:
    """Which statements drive the now-versus-preferred gap: mean change in points per statement.

    Each dimension is rescaled to 100 first; an item's gap is its preferred minus its now points,
    over the respondents whose dimension adds up to 100 both now and preferred (within
    ``responses.tolerance``).

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
    >>> from coordkit.survey import example_answers
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
    valid = (complete_dimensions(responses.now, tolerance=responses.tolerance)
             & complete_dimensions(responses.preferred, tolerance=responses.tolerance))
    rows = []
    for d, row in enumerate(q.divide_items):
        ok = valid[:, d] if n else np.zeros(0, dtype=bool)
        k = int(ok.sum())
        ddof = 1 if k > 1 else 0
        for m, item in enumerate(row):
            g = gap[ok, d, m]
            rows.append({
                "item": item.id, "dimension": item.dimension, "heading": item.heading,
                "mode": item.mode.value if item.mode else "", "statement": item.statement,
                "now_mean": float(now[ok, d, m].mean()) if k else math.nan,
                "preferred_mean": float(pref[ok, d, m].mean()) if k else math.nan,
                "gap_mean": float(g.mean()) if k else math.nan,
                "gap_sd": float(g.std(ddof=ddof)) if k else math.nan,
                "more": float((g > 0).mean()) if k else math.nan,
                "less": float((g < 0).mean()) if k else math.nan,
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
        :func:`gap_drivers` for the whole class, respondents flagged for a response style left out
        (unless every respondent is flagged).
    configurations : pandas.DataFrame or None
        Respondents per configuration, now and preferred.
    likert : bool
        Whether the benign/malign block was asked.
    now_scores, preferred_scores : ndarray, shape (scored, 4)
        Individual scores of the respondents scored (for scatter plots; never labelled with ids).
    malign : ndarray, shape (n, 3)
        Individual malign shares.
    reliability : pandas.DataFrame or None
        :func:`reliability_table` for the whole class (None if the class is not shown or has no
        Likert block).
    levels : pandas.DataFrame or None
        :func:`level_table`: respondent x level decomposition of the strength ratings.
    acquiescence : ndarray, shape (n,)
        Individual acquiescence indices (never labelled with ids).
    group_icc : pandas.DataFrame or None
        :func:`group_icc_table` over the shown groups (None without a group column or with fewer
        than two shown groups).
    group_level : str or None
        The level the group column denotes (:func:`level_of_group_column`); None without a group
        column or when it is not known.
    version : int
        The questionnaire version of the answers.
    styles : mapping of str to int
        Respondents flagged for each response style, by the style's name in words (one respondent
        can have several); empty without a Likert block. :attr:`GroupSummary.style_excluded` counts
        the respondents left out.
    dimensions : mapping of str to ndarray of int
        By timeframe, how many dimensions each respondent's score rests on (those adding up to
        100), in no particular order and never labelled with ids.
    dimensions_of : int
        Dimensions asked (6).
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
    reliability: pd.DataFrame | None = None
    levels: pd.DataFrame | None = None
    version: int = CURRENT_VERSION
    acquiescence: NDArray[np.float64] = field(default_factory=lambda: np.zeros(0))
    group_icc: pd.DataFrame | None = None
    styles: Mapping[str, int] = field(default_factory=dict)
    group_level: str | None = None
    dimensions: Mapping[str, NDArray[np.int_]] = field(default_factory=dict)
    dimensions_of: int = 6

    def fewer_dimensions(self, timeframe: str = "now") -> int:
        """Respondents scored from fewer than every dimension (but from at least the minimum)."""
        d = np.asarray(self.dimensions.get(timeframe, np.zeros(0, dtype=int)))
        need = min(MIN_DIMENSIONS, self.dimensions_of)
        return int(((d >= need) & (d < self.dimensions_of)).sum())

    def not_scored(self, timeframe: str = "now") -> int:
        """Respondents not scored: fewer than :data:`~coordkit.survey.MIN_DIMENSIONS` dimensions add up."""
        d = np.asarray(self.dimensions.get(timeframe, np.zeros(0, dtype=int)))
        return int((d < min(MIN_DIMENSIONS, self.dimensions_of)).sum())

    def dimensions_text(self) -> str:
        """How many scores rest on fewer dimensions, and how many respondents are not scored, in words.

        Empty when every score rests on every dimension.

        Examples
        --------
        >>> from coordkit.survey import Responses
        >>> ok, off = [[40, 30, 10, 20]] * 6, [[40, 30, 10, 20]] * 5 + [[50, 30, 10, 20]]
        >>> few = [[40, 30, 10, 20]] * 3 + [[50, 30, 10, 20]] * 3
        >>> r = Responses(ids=tuple("abcdef"), now=[ok, ok, ok, ok, off, few], preferred=[ok] * 6)
        >>> print(analyse(r).dimensions_text())
        1 respondent's now scores rest on fewer than all 6 dimensions (a dimension whose points do not add
        up to 100 is left out; the kit's rule scores from at least 4 of 6, so that one wrong total does not
        cost the whole answer). 1 respondent not scored (fewer than 4 dimensions add up to 100), now.
        """
        need = min(MIN_DIMENSIONS, self.dimensions_of)
        fewer = {t: self.fewer_dimensions(t) for t in TIMEFRAMES if self.fewer_dimensions(t)}
        none = {t: self.not_scored(t) for t in TIMEFRAMES if self.not_scored(t)}
        parts = []
        if fewer:
            counts = " and ".join(f"{n} respondent{'s' if n != 1 else ''}'{'' if n != 1 else 's'} {t}"
                                  for t, n in fewer.items())
            parts.append(f"{counts} scores rest on fewer than all {self.dimensions_of} dimensions "
                         "(a dimension whose points do not add up to 100 is left out; the kit's rule "
                         f"scores from at least {need} of {self.dimensions_of}, so that one wrong total "
                         "does not cost the whole answer).")
        if none:
            total = max(none.values())
            where = ", ".join(f"{t}" if len(none) == 1 else f"{t} {n}" for t, n in none.items())
            parts.append(f"{total} respondent{'s' if total != 1 else ''} not scored (fewer than {need} "
                         f"dimensions add up to 100), {where}.")
        return " ".join(parts)

    def group_table(self) -> pd.DataFrame:
        """Class and shown groups side by side: n, mean scores, configurations and balance.

        Examples
        --------
        >>> from coordkit.survey import synthetic_class
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
            row["configuration now"] = s.shown_configuration("now")
            row["configuration preferred"] = s.shown_configuration("preferred")
            row["agreement now"] = round(s.agreement_now.rwg, 2) if s.agreement_now.measured else math.nan
            row["not classified (response style)"] = s.style_excluded
            row["balance now"] = round(s.shown_balance("now"), 2)
            row["balance preferred"] = round(s.shown_balance("preferred"), 2)
            rows[s.label] = row
        return pd.DataFrame.from_dict(rows, orient="index")


def _style_counts(flags: ResponseStyles, n: int) -> dict[str, int]:
    """Respondents per response style, by its name in words (only styles someone has)."""
    counts: dict[str, int] = {}
    for k in range(n):
        for name in flags.reasons(k):
            counts[name] = counts.get(name, 0) + 1
    return counts


def _pooled_label(plan: DisclosurePlan) -> str:
    k = len(plan.pooled)
    return f"other groups combined ({k} group{'s' if k != 1 else ''})"


#: Group-column names whose level the kit takes from the name alone (anything else must be named).
GROUP_COLUMN_LEVELS: Mapping[str, str] = {
    "team": "team", "organisation": "organisation", "organization": "organisation", "trust": "organisation",
    "system": "system",
}


def level_of_group_column(column: str, level: str | None = None) -> str | None:
    """The level (team, organisation, system) a group column denotes, or None if not known.

    ``level``, when given, is the lecturer's word for it; otherwise the column's name decides, and
    only the names in :data:`GROUP_COLUMN_LEVELS` do (a "seminar" or "cohort" column says nothing
    about what its members rate, so the kit does not guess).

    Examples
    --------
    >>> level_of_group_column("team"), level_of_group_column("Trust"), level_of_group_column("seminar")
    ('team', 'organisation', None)
    >>> level_of_group_column("seminar", "organisation")
    'organisation'
    """
    if level is not None:
        if level not in LEVELS:
            raise ValueError(f"group_level must be one of {', '.join(LEVELS)}, got {level!r}")
        return level
    return GROUP_COLUMN_LEVELS.get(column.strip().lower())


def analyse(
    responses: Responses,
    *,
    group_column: str | None = None,
    min_group: int = DEFAULT_MIN_GROUP,
    threshold: float = STRONG,
    q: Questionnaire | None = None,
    reliability: pd.DataFrame | None = None,
    group_level: str | None = None,
    respondents: RespondentTable | None = None,
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
    threshold : float, default :data:`STRONG`
        Strength at which a mode counts as strong.
    q : Questionnaire, optional
    reliability : pandas.DataFrame, optional
        :func:`reliability_table` of these responses, if already computed (it depends on the
        responses alone, so an explorer that re-analyses on every control move computes it once).
    group_level : {"team", "organisation", "system"}, optional
        The level the group column denotes: a group's agreement, configuration and ICC use the
        strength ratings at that level (a team's members share their team, not their organisation).
        By default read from the column's name (:func:`level_of_group_column`); when that is not
        known either, groups get no agreement and no configuration, only description.
    respondents : RespondentTable, optional
        :func:`respondent_table` of these responses at this ``threshold``, if already made (each
        respondent's scores and configurations depend on the responses alone, not the grouping, so
        an explorer that re-groups a class makes it once); by default made here.

    Returns
    -------
    ClassAnalysis

    Raises
    ------
    ValueError
        If ``group_column`` is unknown, ``min_group`` is below the floor, or ``respondents`` is not
        the table of these responses at this threshold.

    Examples
    --------
    >>> from coordkit.survey import synthetic_class
    >>> a = analyse(synthetic_class(), group_column="team")
    >>> [g.label for g in a.groups]
    ['Ward A', 'Ward B', 'Outpatients', 'other groups combined (2 groups)']
    >>> a.plan.suppressed, a.plan.secondary
    (('Estates',), ('Community team',))
    """
    q = q or responses.questionnaire
    if group_column is not None and group_column not in responses.groups:
        known = ", ".join(responses.groups) or "none"
        raise ValueError(f"group column {group_column!r} is not in the responses; group columns: {known}")
    if int(min_group) != min_group or min_group < MIN_GROUP_FLOOR:
        raise ValueError(f"min_group must be a whole number of at least {MIN_GROUP_FLOOR}, got {min_group!r}")
    if respondents is not None and (respondents.ids != responses.ids or respondents.threshold != threshold):
        raise ValueError("respondents must be the respondent_table of these responses at this threshold")
    n = len(responses)
    own = q is responses.questionnaire  # the table is scored with the answers' own questionnaire
    divide = ({t: responses.divide(t) for t in TIMEFRAMES} if respondents is None
              else dict(respondents.divide))
    now_scores, pref_scores = divide["now"].scores, divide["preferred"].scores
    malign = respondents.malign if respondents is not None and own else responses.malign(q)
    class_shown = n >= min_group
    empty = ClassAnalysis(
        n=n, min_group=int(min_group), class_shown=False, overall=None, group_column=group_column,
        plan=None, groups=(), drivers=None, configurations=None,
        likert=responses.likert is not None, now_scores=now_scores[:0], preferred_scores=pref_scores[:0],
        malign=malign[:0], version=responses.version,
        dimensions={t: d.dimensions for t, d in divide.items()}, dimensions_of=divide["now"].of,
    )
    if not class_shown:
        return empty
    table = respondents if respondents is not None else respondent_table(responses, threshold=threshold)
    flags = table.styles if own else responses.styles(q)
    overall = _summarise("whole class", table, threshold, unshared="the class's respondents")
    plan = None
    groups: list[GroupSummary] = []
    group_icc = None
    level = None
    if group_column is not None:
        level = level_of_group_column(group_column, group_level)
        labels = np.array(responses.groups[group_column], dtype=object)
        sizes = {str(g): int((labels == g).sum()) for g in dict.fromkeys(labels)}
        plan = disclosure_plan(sizes, min_size=min_group)
        for g in plan.shown:
            groups.append(_summarise(g, table.select(labels == g), threshold, level=level,
                                     column=group_column))
        if len(plan.shown) >= 2 and responses.likert is not None and q.block("strength"):
            # over the members the group results rest on: response styles left out, as in _summarise
            shown = np.isin(labels, list(plan.shown)) & ~flags.any
            group_icc = _icc_table(_icc_scores(table.select(shown), level), labels[shown])
        if plan.show_pooled:
            mask = np.isin(labels, list(plan.pooled))
            groups.append(_summarise(_pooled_label(plan), table.select(mask), threshold,
                                     unshared="the members of the groups combined here"))
    import pandas as pd

    # flagged respondents are left out of the gap drivers too (review 2, 9c)
    sincere = responses if flags.any.all() else responses.select(~flags.any)
    counts = {
        timeframe: pd.Series([c.name for c in table.configurations[timeframe]]).value_counts()
        for timeframe in TIMEFRAMES
    }
    configurations = pd.DataFrame(counts).fillna(0).astype(int)
    configurations = configurations.sort_values(["now", "preferred"], ascending=False, kind="stable")
    configurations.index.name = "configuration"
    styles = _style_counts(flags, n)
    return ClassAnalysis(
        n=n, min_group=int(min_group), class_shown=True, overall=overall, group_column=group_column,
        plan=plan, groups=tuple(groups), drivers=gap_drivers(sincere, q),
        configurations=configurations,
        likert=responses.likert is not None, now_scores=now_scores[np.isfinite(now_scores).all(axis=1)],
        preferred_scores=pref_scores[np.isfinite(pref_scores).all(axis=1)],
        malign=malign, version=responses.version,
        dimensions={t: d.dimensions for t, d in divide.items()}, dimensions_of=divide["now"].of,
        acquiescence=table.acquiescence if own else responses.acquiescence(q), group_icc=group_icc,
        group_level=level,
        styles=styles, reliability=(None if responses.likert is None
                     else reliability if reliability is not None else reliability_table(responses)),
        levels=None if responses.likert is None or not q.block("strength") else level_table(responses),
    )


def _reliability_row(name: str, part: NDArray[np.float64], n: int) -> dict[str, Any]:
    """Coefficients and the reading of one scale with at least the minimum of complete answers."""
    k = part.shape[1]
    alpha = cronbach_alpha(part)
    if not math.isfinite(alpha):  # the total score does not vary: nothing to estimate, said plainly
        return {"reading": f"not computed: the answers to this scale do not vary (n = {n}), so there is no "
                           "reliability to estimate"}
    lo, hi = alpha_interval(part)
    fit = omega_fit(part) if k >= 3 else None
    omega = math.nan if fit is None else fit.omega
    sb = spearman_brown(part) if k == 2 else math.nan
    alpha_text = f"alpha {alpha:.2f}" + (f", 95% interval {lo:.2f} to {hi:.2f}" if math.isfinite(lo) else "")
    if k == 2:
        sb_lo, sb_hi = spearman_brown_interval(part)
        coefficient, value = "Spearman-Brown", sb
        interval = f"95% interval {sb_lo:.2f} to {sb_hi:.2f}" if math.isfinite(sb_lo) else "no interval"
        reading = (read_reliability(sb, n=n, coefficient=coefficient) + f", {interval} (two items: "
                   "Spearman-Brown, not alpha); with two items one respondent's score is too unreliable to "
                   "place them")
        reading += (" in a grid-group quadrant with confidence" if name in ("grid", "group")
                    else " with confidence")
    elif math.isfinite(omega):
        coefficient, value = "omega", omega
        reading = (read_reliability(omega, n=n, coefficient=coefficient) + f" (the verdict's coefficient; "
                   f"omega has no interval here, and assumes one factor, not tested); {alpha_text}")
    else:
        coefficient, value = "alpha", alpha
        reading = read_reliability(alpha, n=n, coefficient=coefficient) + (
            f", 95% interval {lo:.2f} to {hi:.2f}" if math.isfinite(lo) else "")
        if fit is not None and fit.heywood:
            reading += ("; omega not reported: the one-factor fit is improper (a Heywood case, a loading "
                        "of 1 or more), so the verdict uses alpha")
    return {"alpha": round(alpha, 2), "alpha low": round(lo, 2), "alpha high": round(hi, 2),
            "omega": round(omega, 2), "spearman-brown": round(sb, 2),
            "improper": bool(fit is not None and fit.heywood), "verdict from": coefficient,
            "verdict value": round(value, 2), "reading": reading}


def reliability_table(responses: Responses, *, min_n: int = MIN_RELIABILITY_N) -> pd.DataFrame:
    """Each scale's reliability, read plainly: omega, alpha (with a 95% interval) or Spearman-Brown.

    Scales are :meth:`Questionnaire.scales <coordkit.survey.Questionnaire.scales>` (each mode's
    benign and malign statements, grid, group, withdrawal); reverse-keyed items are reversed
    first. Below ``min_n`` respondents who answered a whole scale, nothing is estimated and the
    reading says "not enough answers". The verdict uses omega where it is estimable (three items
    or more and a proper one-factor solution; a Heywood case is reported as such), alpha where it
    is not, and the Spearman-Brown coefficient for two-item scales (:mod:`~coordkit.survey.reliability`);
    the reading names the coefficient it uses and prints its interval where it has one (alpha's,
    labelled, beside omega). A scale nobody varied on gets a plain "not computed". The readings
    are of consistency only, not of unidimensionality or of group differences (ICC(2),
    :func:`group_icc_table`). The strength ratings are single items: their reliability is unknown
    (a test-retest would be needed).

    Parameters
    ----------
    responses : Responses
    min_n : int, default :data:`~coordkit.survey.MIN_RELIABILITY_N` (30)

    Returns
    -------
    pandas.DataFrame
        Indexed by scale: ``items``, ``n`` (complete answers), ``alpha``, ``alpha low``,
        ``alpha high``, ``omega``, ``spearman-brown``, ``improper`` (a Heywood case),
        ``verdict from`` (the coefficient the reading uses), ``verdict value``, ``reading``.

    Examples
    --------
    >>> from coordkit.survey import synthetic_class
    >>> t = reliability_table(synthetic_class())
    >>> len(t), t.loc["grid", "verdict from"], t.loc["hierarchy benign", "verdict from"]
    (11, 'Spearman-Brown', 'omega')
    >>> reliability_table(synthetic_class(size=12))["reading"].iloc[0]
    'not enough answers: 12 complete, a verdict needs at least 30'
    """
    import pandas as pd

    q = responses.questionnaire
    columns = ["items", "n", "alpha", "alpha low", "alpha high", "omega", "spearman-brown", "improper",
               "verdict from", "verdict value", "reading"]
    rows: dict[str, dict[str, Any]] = {}
    x = None if responses.likert is None or not len(responses) else keyed(responses.likert, q)
    for name, cols in scale_columns(q).items():
        codes = ", ".join(q.likert_items[c].id for c in cols)
        part = np.empty((0, len(cols))) if x is None else x[:, cols]
        complete = np.all(np.isfinite(part), axis=1)
        n = int(complete.sum())
        row: dict[str, Any] = {"items": codes, "n": n, "alpha": math.nan, "alpha low": math.nan,
                               "alpha high": math.nan, "omega": math.nan, "spearman-brown": math.nan,
                               "improper": False, "verdict from": "", "verdict value": math.nan}
        if n < min_n:
            rows[name] = row | {"reading": read_reliability(math.nan, n=n, min_n=min_n)}
            continue
        rows[name] = row | _reliability_row(name, part[complete], n)
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=columns)
    frame.index.name = "scale"
    return frame


def level_table(responses: Responses, *, min_n: int = MIN_LEVEL_N) -> pd.DataFrame:
    """Strength ratings by level (team, organisation, local system), decomposed respondent x level.

    The three ratings of a mode come from the same respondent, so they are not independent groups:
    for each mode, the ratings of respondents who rated all three levels are split into a
    respondent part, a level part and a residual
    (:func:`~coordkit.survey.reliability.level_decomposition`). The **level share** is the level
    part of the spread *within* respondents (the respondent part removed); the **respondent share**
    is the respondent part of all the spread. The share cannot say that each respondent rates the
    levels alike (opposed halves of a class give a share of 0), so whether the levels are rated alike
    is read from the within-respondent absolute differences (:attr:`LevelVariance.alike
    <coordkit.survey.reliability.LevelVariance.alike>`: every mean absolute difference at most half a
    point, the kit's margin), which is what the fractal claim would lead you to expect if each level
    shares the same mix (the kit's reading of the claim as an empirical question). Alike ratings, and a
    large respondent share, are also what a halo gives (one overall impression carried to every
    level): that caveat is the
    kit's reading too, and the ``reading`` column says so. A mode is decomposed only when at least
    ``min_n`` respondents rated every level
    (:data:`~coordkit.survey.reliability.MIN_LEVEL_N`, the kit's minimum); otherwise its
    components are NaN and the reading names the levels short of ratings.

    Parameters
    ----------
    responses : Responses
    min_n : int, default :data:`~coordkit.survey.reliability.MIN_LEVEL_N`

    Returns
    -------
    pandas.DataFrame
        Indexed by mode: ``n`` (respondents who rated every level), ``mean <level>`` (ratings
        1-5), ``team - organisation`` and ``organisation - system`` (mean within-respondent
        differences), ``|team - organisation|`` and ``|organisation - system|`` (mean absolute
        within-respondent differences, scale points) with ``... low`` and ``... high`` (95%
        interval), ``same at every level`` and ``within one point`` (shares of respondents),
        ``respondent``, ``level``, ``residual`` (variance components),
        ``rated <level>``, ``level share``, ``respondent share`` and ``reading``.

    Examples
    --------
    >>> from coordkit.survey import synthetic_class
    >>> t = level_table(synthetic_class())
    >>> list(t.index), bool(t["level share"].between(0, 1).all())
    (['hierarchy', 'solidarity', 'individualism', 'fatalism'], True)
    """
    import pandas as pd

    ratings = {level: responses.strength(level) * 4 + 1 for level in LEVELS}
    rows = {}
    for k, mode in enumerate(ALL_MODES):
        v = level_decomposition(np.column_stack([ratings[level][:, k] for level in LEVELS]), LEVELS,
                                min_n=min_n)
        row: dict[str, Any] = {"n": v.n}
        for level, mean in zip(LEVELS, v.means, strict=True):
            row[f"mean {level}"] = round(mean, 2) if math.isfinite(mean) else math.nan
        for name, mean, _ in v.differences:
            row[name] = round(mean, 2) if math.isfinite(mean) else math.nan
        for name, mean, lo, hi in v.absolute_differences:
            for key, value in ((f"|{name}|", mean), (f"|{name}| low", lo), (f"|{name}| high", hi)):
                row[key] = round(value, 2) if math.isfinite(value) else math.nan
        row["same at every level"] = round(v.same_share, 3) if math.isfinite(v.same_share) else math.nan
        row["within one point"] = (round(v.within_one_share, 3) if math.isfinite(v.within_one_share)
                                   else math.nan)
        row.update(respondent=round(v.respondent, 3), level=round(v.level, 3), residual=round(v.residual, 3))
        row.update({f"rated {level}": count for level, count in zip(LEVELS, v.rated, strict=True)})
        row["level share"] = round(v.level_share, 3) if math.isfinite(v.level_share) else math.nan
        row["respondent share"] = (round(v.respondent_share, 3) if math.isfinite(v.respondent_share)
                                   else math.nan)
        row["reading"] = v.reading()
        rows[mode.value] = row
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame.index.name = "mode"
    return frame


#: ICC(2) from which group means are read as reliably different (0.70, the kit's convention, the
#: value usually quoted for the reliability of group means; LeBreton and Senter 2008).
ICC2_THRESHOLD = 0.70


#: Fewest groups from which the kit reads ICC(1) as more than a rough figure (the kit's minimum:
#: with fewer, the between-group mean square has under four degrees of freedom).
MIN_ICC_GROUPS = 5


def _read_icc(r: GroupICC) -> str:
    """The ICC in words: a negative estimate is read as no between-group variance, never printed raw."""
    if not r.estimated:
        return "not estimable: fewer than two groups, or no spread within groups"
    from scipy.stats import f  # scipy is a dependency; imported here to keep import time low

    p = float(f.sf(r.ms_between / r.ms_within, r.groups - 1, r.n - r.groups)) if r.ms_within > 0 else 0.0
    test = f"F test p = {p:.3f}"
    few = (f"; only {r.groups} groups, so the estimate is rough (the kit asks for {MIN_ICC_GROUPS})"
           if r.groups < MIN_ICC_GROUPS else "")
    if r.icc1 <= 0:
        return (f"no between-group variance: the estimate is below 0 and read as 0 ({test}){few}; "
                "do not compare the groups on this score")
    between = f"{r.icc1:.0%} of the spread lies between groups ({test}){few}"
    if r.icc2 >= ICC2_THRESHOLD:
        return f"{between}; the group means are reliable enough to compare"
    return (f"{between}; WARNING: the group means are not reliable enough to compare (ICC(2) under the "
            f"kit's {ICC2_THRESHOLD:.2f}): differences between groups may be chance")


def group_icc_table(responses: Responses, group_column: str, *, level: str | None = "organisation",
                    ) -> pd.DataFrame:
    """ICC(1) and ICC(2) across groups of each score the group tables show (Bliese 2000).

    Alpha says how consistently a scale's items are answered by individuals; whether *groups*
    differ reliably is a different question, answered by ICC(1) (the share of a score's variance
    between groups) and ICC(2) (the reliability of the group means), from a one-way analysis of
    variance (:func:`~coordkit.survey.agreement.icc`). The scores are each mode's strength rating
    at ``level`` (the level the group column denotes; left out when None, i.e. not known), its
    divide-100 points now, and its benign and malign levels (when the Likert block was asked).
    Negative estimates are shown as 0 and read as "no between-group variance"; the reading gives
    an F test and says when there are fewer than :data:`MIN_ICC_GROUPS` groups. Pass only the
    groups that are shown (each at least the privacy minimum); NaN values are left out.

    Parameters
    ----------
    responses : Responses
    group_column : str
    level : {"team", "organisation", "system"} or None, default "organisation"

    Returns
    -------
    pandas.DataFrame
        One row per score (indexed ``"<mode>: <measure>"``): ``measure``, ``mode``, ``groups``,
        ``n``, ``k`` (group size used), ``ICC(1)``, ``ICC(2)`` (both at least 0), ``reading``.

    Examples
    --------
    >>> from coordkit.survey import synthetic_class
    >>> t = group_icc_table(synthetic_class(), "team", level="team")
    >>> list(t.columns), int(t["groups"].iloc[0])
    (['measure', 'mode', 'groups', 'n', 'k', 'ICC(1)', 'ICC(2)', 'reading'], 5)
    >>> sorted(set(t["measure"]))
    ['benign level', 'malign level', 'points now', 'team strength rating']
    >>> bool((t["ICC(2)"].dropna() >= 0).all())
    True
    """
    scores: dict[str, NDArray[np.float64]] = {}
    if level is not None:
        scores[f"{level} strength rating"] = responses.strength(level) * 4 + 1
    scores["points now"] = responses.scores("now")
    forms = responses.forms()
    if forms is not None:
        scores["benign level"], scores["malign level"] = forms.benign, forms.malign
    return _icc_table(scores, np.array(responses.groups[group_column], dtype=object))


def _icc_scores(table: RespondentTable, level: str | None) -> dict[str, NDArray[np.float64]]:
    """The scores :func:`group_icc_table` reads, from a :class:`RespondentTable` (the same values)."""
    scores: dict[str, NDArray[np.float64]] = {}
    if level is not None:
        scores[f"{level} strength rating"] = table.strength[level] * 4 + 1
    scores["points now"] = table.divide["now"].scores
    if table.forms is not None:
        scores["benign level"], scores["malign level"] = table.forms.benign, table.forms.malign
    return scores


def _icc_table(scores: Mapping[str, NDArray[np.float64]], labels: NDArray[Any]) -> pd.DataFrame:
    """ICC(1) and ICC(2) of each mode of each score across the groups ``labels`` names."""
    import pandas as pd

    rows = {}
    for measure, values in scores.items():
        for k, mode in enumerate(ALL_MODES):
            r = icc(values[:, k], labels)
            rows[f"{mode.value}: {measure}"] = {
                "measure": measure, "mode": mode.value, "groups": r.groups, "n": r.n,
                "k": round(r.k, 1) if math.isfinite(r.k) else math.nan,
                "ICC(1)": round(max(r.icc1, 0.0), 2) if r.estimated else math.nan,
                "ICC(2)": round(max(r.icc2, 0.0), 2) if r.estimated and math.isfinite(r.icc2) else math.nan,
                "reading": _read_icc(r)}
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame.index.name = "score"
    return frame
