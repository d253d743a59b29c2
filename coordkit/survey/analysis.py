"""Many respondents: group summaries, gap drivers and the class analysis.

:class:`Responses` holds a class's accepted answers (what the reader produces) and
:func:`respondent_table` each respondent's results (both in :mod:`coordkit.survey.respondents`);
:func:`analyse` turns them into a :class:`ClassAnalysis` for the class report: whole-class and
group profiles (small groups suppressed, see :mod:`coordkit.survey.privacy`), the statements that
drive the now-versus-preferred gap, each scale's reliability (:func:`reliability_table`) and the
respondent x level decomposition of the strength ratings (:func:`level_table`; both tables in
:mod:`coordkit.survey.class_tables`). A group profile is the mean of its members' scores (the OCAI
convention), with strength from the mean strength rating. The names of both modules are
re-exported here.

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
from numpy.typing import NDArray

from coordkit.balance import BalanceReport, report
from coordkit.configuration import Configuration
from coordkit.modes import ALL_MODES
from coordkit.profile import Profile
from coordkit.survey.agreement import ModeAgreement, mode_agreement, no_shared_target, unknown_level
from coordkit.survey.class_tables import (
    ICC2_THRESHOLD,
    _icc_scores,
    _icc_table,
    group_icc_table,
    level_table,
)
from coordkit.survey.compositional import TOTAL, compositional_mean, total_variance
from coordkit.survey.crossblock import cross_block_flags
from coordkit.survey.instrument import (
    CURRENT_VERSION,
    LEVELS,
    TIMEFRAMES,
    Questionnaire,
    questionnaire,
)
from coordkit.survey.privacy import DEFAULT_MIN_GROUP, MIN_GROUP_FLOOR, DisclosurePlan, disclosure_plan
from coordkit.survey.respondents import RespondentTable, Responses, respondent_table
from coordkit.survey.scoring import (
    MIN_DIMENSIONS,
    NOT_CLASSIFIED,
    PREFERRED_MALIGN,
    STRONG,
    FormScores,
    acquiescence_flags,
    complete_dimensions,
    configuration_now,
    not_classified,
    preferred_configuration,
    profile_from_scores,
)
from coordkit.survey.styles import ResponseStyles
from coordkit.survey.verdicts import reliability_table, with_within_groups, within_group_alphas

if TYPE_CHECKING:  # pandas is imported lazily
    import pandas as pd


__all__ = [  # with the names of respondents and class_tables, re-exported
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
    "within_group_alphas",
]


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
        Mean benign and malign levels of H, S, I, F (-1 to +1; NaN if not asked), over the members
        :attr:`~coordkit.survey.ResponseStyles.in_levels` (also without those who gave one answer to
        most agreement statements; :attr:`malign_mean` too).
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
        In the synthetic class, Ward A's members disagree about their team's hierarchy and fatalism:

        >>> from coordkit.survey import synthetic_class
        >>> a = analyse(synthetic_class(), group_column="team")
        >>> a.groups[1].label, a.groups[1].level, a.groups[1].shown_configuration()
        ('Ward A', 'team', "withheld: members disagree on hierarchy (rwg 0.51), fatalism (rwg 0.58), under
        the kit's 0.70")
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
    Members kept with the same-answer notice are left out of the benign/malign levels, malign shares
    and despair as well (:attr:`~coordkit.survey.ResponseStyles.in_levels`), unless no member is left.
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
    # the benign/malign levels (and the malign shares and despair made from them) leave out the kept
    # respondents who gave one answer to most agreement statements too (ResponseStyles.in_levels)
    in_levels = responses.styles.in_levels
    levels = responses if everyone or not in_levels.any() else responses.select(in_levels)
    malign = levels.malign.mean(axis=0)
    forms = levels.forms
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
        Likert block), with ``alpha within groups`` (:func:`within_group_alphas`) when grouped.
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
    blocks_disagree, blocks_checked : int
        Respondents whose divide-100 points and strength ratings disagree
        (:func:`~coordkit.survey.crossblock.cross_block_flags`), of those checked: the respondents
        classified (not withheld for a response style), scored now and rated for every mode at one level.
    cautioned : int
        Respondents kept (classified) with the inconsistency caution
        (:attr:`~coordkit.survey.ResponseStyles.read_with_caution`): "read with a caution".
    same_answers : int
        Respondents kept with the same-answer notice
        (:attr:`~coordkit.survey.ResponseStyles.same_answers_kept`).
    unchecked : int
        Respondents whose inconsistency was not checked: fewer than
        :data:`~coordkit.survey.MIN_PAIRS_ANSWERED` pairs answered
        (:attr:`~coordkit.survey.ResponseStyles.unchecked`).
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
    blocks_disagree: int = 0
    blocks_checked: int = 0
    cautioned: int = 0
    same_answers: int = 0
    unchecked: int = 0

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

    def summaries(self) -> list[GroupSummary]:
        """The whole class (if summarised), then every shown group.

        The one selection that the report's tables, the class figures and their descriptions all draw
        (pooled rows included, suppressed groups not).

        Examples
        --------
        >>> from coordkit.survey import synthetic_class
        >>> [s.label for s in analyse(synthetic_class(), group_column="team").summaries()][:2]
        ['whole class', 'Outpatients']
        """
        return ([self.overall] if self.overall else []) + list(self.groups)

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
        for s in self.summaries():
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
    ['Outpatients', 'Ward A', 'Ward B', 'other groups combined (2 groups)']
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
    # the cross-block check, of the respondents classified (a flagged one's diagnosis is withheld)
    disagree, _, checked = cross_block_flags(np.where(flags.any[:, None], np.nan, now_scores), table.strength)
    if reliability is None and responses.likert is not None:
        reliability = reliability_table(responses)
    if reliability is not None and group_column is not None:  # pooled and within groups, side by side
        within = within_group_alphas(responses, group_column)
        reliability = with_within_groups(reliability, within, group_column)
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
        styles=styles, reliability=reliability,
        levels=None if responses.likert is None or not q.block("strength") else level_table(responses),
        blocks_disagree=int(disagree.sum()), blocks_checked=int((checked != None).sum()),  # noqa: E711
        cautioned=int(flags.read_with_caution.sum()), same_answers=int(flags.same_answers_kept.sum()),
        unchecked=int(flags.unchecked.sum()),
    )
