r"""Within-group agreement and group-level reliability: whether a group's members describe the same unit.

A group's configuration is read from its members' *mean* answers. A mean of people who disagree
describes nobody: half a team rating hierarchy "very strong" and half "absent" averages to
"moderate", which no member said. So before a group's configuration is shown, the kit checks that
its members agree, with :math:`r_{wg}` (James, Demaree and Wolf 1984).

For one item rated on :math:`A` answer options with within-group variance :math:`s^2`, and
:math:`\sigma^2_{EU} = (A^2 - 1)/12` the variance expected if members answered at random, every
option equally likely (the *uniform null*; 2 for five options),

.. math:: r_{wg} = 1 - s^2/\sigma^2_{EU},

1 when every member gives the same answer and 0 when they spread as much as random answers.
For :math:`J` parallel items *of one construct*, with :math:`\bar s^2` their mean variance and
:math:`q = \bar s^2/\sigma^2_{EU}`,

.. math:: r_{wg(J)} = \frac{J\,(1 - q)}{J\,(1 - q) + q},

which steps the single-item value up (Spearman-Brown) because the items are taken to measure the
same thing. Where the observed spread exceeds the uniform null's, the value is set to 0 (a common
convention, the kit's choice of it: James et al. treat such values as inadmissible).

**Per mode, not pooled.** A group's configuration rests on its four **organisation strength
ratings** (one per mode, 1 absent to 5 very strong). They are four different constructs, not
four items of one scale, so pooling them in one :math:`r_{wg(J)}` would let agreement on three
modes hide disagreement on the fourth. :func:`mode_agreement` gives the single-item
:math:`r_{wg}` of each mode. The configuration names which of the three active modes are strong
and whether fatalism (its strength times its malign share) is strong enough to count, so it rests
on all four ratings (the kit's reading): it is withheld when agreement on *any* mode is under the
threshold, and the report names the modes. :func:`rwg_j` is kept for items of one construct. A
"don't know" or a skipped rating is left out of that item's variance.

**A shared target.** Agreement means something only among people describing the same unit. A
class whose students each describe "a team or organisation you know" has no shared target, so
the kit computes no agreement (and no agreed configuration) for the whole class, nor for a pooled
row of several groups, and says why (:func:`no_shared_target`); it assumes, and the report says,
that a group column such as *team* names the unit its members describe.

**Threshold.** :data:`AGREEMENT_THRESHOLD` = 0.70 is a *convention*, the kit's choice of it, not a
test (James, Demaree and Wolf 1984 introduced the index; the cut-off is usually quoted since
George 1990; LeBreton and Senter 2008 call it arbitrary and suggest reading bands: 0.51-0.70
moderate, 0.71-0.90 strong, above 0.90 very strong agreement). A uniform null also overstates
agreement when members share a response bias (everyone avoids the extremes), so agreement above
the threshold is necessary, not sufficient.

**Comparing groups.** Agreement within a group says nothing about whether groups *differ*.
:func:`icc` gives ICC(1), the share of a rating's variance that lies between groups, and ICC(2),
the reliability of the group means, from a one-way analysis of variance (Bliese 2000).

Examples
--------
The split this module opens with: six members, unanimous on three modes, split 5 / 1 on
hierarchy. Pooled over the four modes, :math:`r_{wg(J)}` calls that agreement; per mode it is
not:

>>> import numpy as np
>>> split = np.array([[5, 4, 2, 1]] * 3 + [[1, 4, 2, 1]] * 3)
>>> round(rwg_j(split).rwg, 2), rwg_j(split).agrees
(0.73, True)
>>> a = mode_agreement(split)
>>> [round(m.rwg, 2) for m in a.modes], a.agrees, a.low
([0.0, 1.0, 1.0, 1.0], False, ('hierarchy',))
>>> agreeing = np.array([[4, 4, 2, 1], [4, 5, 2, 1], [5, 4, 2, 2], [4, 4, 3, 1], [4, 4, 2, 1]])
>>> round(mode_agreement(agreeing).rwg, 2), mode_agreement(agreeing).agrees
(0.9, True)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

_MODES = ("hierarchy", "solidarity", "individualism", "fatalism")

__all__ = ["AGREEMENT_THRESHOLD", "Agreement", "GroupICC", "ModeAgreement", "icc", "mode_agreement",
           "no_shared_target", "rwg_j"]

#: rwg from which a group's members count as agreeing on a rating: 0.70, a convention (George 1990;
#: James, Demaree and Wolf 1984 introduced the index), the kit's choice of it, not a significance test.
AGREEMENT_THRESHOLD = 0.70


@dataclass(frozen=True)
class Agreement:
    r"""Within-group agreement on a set of rated items (see :func:`rwg_j`).

    Attributes
    ----------
    rwg : float
        :math:`r_{wg(J)}`, 0 to 1 (NaN when it cannot be computed).
    items : int
        Items with at least two answers (:math:`J`).
    n : int
        Members with at least one answer.
    mean_variance : float
        Mean within-group item variance :math:`\bar s^2`.
    null_variance : float
        Variance under the uniform null, :math:`(A^2 - 1)/12`.
    threshold : float
    """

    rwg: float
    items: int
    n: int
    mean_variance: float
    null_variance: float
    threshold: float = AGREEMENT_THRESHOLD

    @property
    def measured(self) -> bool:
        """Whether agreement could be computed (two members answered at least one item)."""
        return math.isfinite(self.rwg)

    @property
    def agrees(self) -> bool:
        """Whether agreement reaches the threshold (False when it could not be measured)."""
        return self.measured and self.rwg >= self.threshold

    def reading(self) -> str:
        """A plain sentence for a report.

        Examples
        --------
        >>> rwg_j([[4, 4], [4, 4], [4, 5]]).reading()
        'members agree (rwg(j) 0.96; the kit shows a configuration from 0.70, a convention)'
        """
        if not self.measured:
            return "agreement not measured (fewer than two members rated the organisation)"
        verdict = ("members agree" if self.agrees
                   else "members disagree: the configuration of their mean is withheld")
        return (f"{verdict} (rwg(j) {self.rwg:.2f}; the kit shows a configuration from "
                f"{self.threshold:.2f}, a convention)")


def rwg_j(ratings: ArrayLike, options: int = 5, threshold: float = AGREEMENT_THRESHOLD) -> Agreement:
    """:math:`r_{wg(J)}` of one group's ratings against the uniform null (James, Demaree and Wolf 1984).

    Parameters
    ----------
    ratings : array_like, shape (members, items)
        Ratings 1 to ``options``; NaN for a missing or "don't know" answer (left out of that item).
    options : int, default 5
        Number of answer options :math:`A` (the null variance is :math:`(A^2 - 1)/12`).
    threshold : float, default :data:`AGREEMENT_THRESHOLD`

    Returns
    -------
    Agreement

    Raises
    ------
    ValueError
        If ``ratings`` is not two-dimensional or ``options`` is under 2.

    Examples
    --------
    >>> rwg_j([[3, 3], [3, 3]]).rwg
    1.0
    >>> rwg_j([[3, 3]]).measured  # one member: nothing to agree with
    False
    """
    x = np.asarray(ratings, dtype=float)
    if x.ndim != 2:
        raise ValueError(f"ratings must be members x items, got shape {x.shape}")
    if options < 2:
        raise ValueError(f"options must be at least 2, got {options}")
    null = (options**2 - 1) / 12
    answered = np.isfinite(x).sum(axis=0)
    usable = answered >= 2
    members = int(np.isfinite(x).any(axis=1).sum())
    if not usable.any():
        return Agreement(math.nan, 0, members, math.nan, null, threshold)
    variances = np.array([np.var(col[np.isfinite(col)], ddof=1) for col in x.T[usable]])
    mean_var = float(variances.mean())
    j = int(usable.sum())
    ratio = mean_var / null
    if ratio >= 1:
        return Agreement(0.0, j, members, mean_var, null, threshold)
    rwg = j * (1 - ratio) / (j * (1 - ratio) + ratio)
    return Agreement(float(rwg), j, members, mean_var, null, threshold)


@dataclass(frozen=True)
class ModeAgreement:
    """Members' agreement on each mode's strength rating, and whether a configuration may be shown.

    Attributes
    ----------
    modes : tuple of Agreement
        Single-item :math:`r_{wg}` of hierarchy, solidarity, individualism and fatalism (empty when
        agreement is not computed, see ``reason``).
    threshold : float
    reason : str
        Why agreement was not computed (no shared target), or ``""``.
    """

    modes: tuple[Agreement, ...] = ()
    threshold: float = AGREEMENT_THRESHOLD
    reason: str = ""

    @property
    def measured(self) -> bool:
        """Whether agreement was measured on at least one mode."""
        return any(m.measured for m in self.modes)

    @property
    def rwg(self) -> float:
        """The lowest per-mode :math:`r_{wg}` (the one that decides); NaN when not measured."""
        values = [m.rwg for m in self.modes if m.measured]
        return min(values) if values else math.nan

    @property
    def low(self) -> tuple[str, ...]:
        """The modes on which members' agreement is under the threshold."""
        return tuple(name for name, m in zip(_MODES, self.modes, strict=False)
                     if m.measured and m.rwg < self.threshold)

    @property
    def agrees(self) -> bool:
        """Whether members agree on every measured mode (False when not measured)."""
        return self.measured and not self.low

    @property
    def disagreement(self) -> str:
        """The modes under the threshold with their rwg, e.g. ``"hierarchy (rwg 0.00)"``."""
        return ", ".join(f"{name} (rwg {m.rwg:.2f})" for name, m in zip(_MODES, self.modes, strict=False)
                         if name in self.low)

    def reading(self) -> str:
        """A plain sentence for a report.

        Examples
        --------
        >>> print(mode_agreement([[5, 4, 2, 1], [1, 4, 2, 1], [5, 4, 2, 1]]).reading())
        members disagree on hierarchy (rwg 0.00), under the kit's 0.70 (a convention): the configuration
        of their mean is withheld; rwg per mode: hierarchy 0.00, solidarity 1.00, individualism 1.00,
        fatalism 1.00
        >>> no_shared_target("the whole class").reading()[:58]
        'agreement not computed: the whole class describe different'
        """
        if self.reason:
            return self.reason
        if not self.measured:
            return "agreement not measured (fewer than two members rated the organisation)"
        per = ", ".join(f"{name} {m.rwg:.2f}" for name, m in zip(_MODES, self.modes, strict=False)
                        if m.measured)
        if self.agrees:
            return (f"members agree on every mode (lowest rwg {self.rwg:.2f}; the kit shows a configuration "
                    f"from {self.threshold:.2f} on every mode, a convention); rwg per mode: {per}")
        return (f"members disagree on {self.disagreement}, under the kit's {self.threshold:.2f} (a "
                f"convention): the configuration of their mean is withheld; rwg per mode: {per}")


def mode_agreement(ratings: ArrayLike, options: int = 5,
                   threshold: float = AGREEMENT_THRESHOLD) -> ModeAgreement:
    """Single-item :math:`r_{wg}` of each mode's strength rating (columns H, S, I, F).

    Parameters
    ----------
    ratings : array_like, shape (members, 4)
        Ratings 1 to ``options``; NaN for a missing or "don't know" answer.
    options : int, default 5
    threshold : float, default :data:`AGREEMENT_THRESHOLD`

    Returns
    -------
    ModeAgreement

    Examples
    --------
    >>> mode_agreement([[3, 3, 3, 3], [3, 3, 3, 5]]).low
    ('fatalism',)
    """
    x = np.asarray(ratings, dtype=float)
    if x.ndim != 2 or x.shape[1] != len(_MODES):
        raise ValueError(f"ratings must be members x 4 modes, got shape {x.shape}")
    return ModeAgreement(tuple(rwg_j(x[:, [k]], options, threshold) for k in range(len(_MODES))), threshold)


def no_shared_target(who: str, threshold: float = AGREEMENT_THRESHOLD) -> ModeAgreement:
    """Agreement not computed, and why: ``who`` describe different organisations (no shared target).

    Examples
    --------
    >>> no_shared_target("the whole class").measured
    False
    """
    return ModeAgreement((), threshold,
                         f"agreement not computed: {who} describe different organisations, so there is no "
                         "shared target to agree about and the configuration of their mean describes none "
                         "of them (the kit's reading); see the respondents' own configurations")


def unknown_level(column: str, threshold: float = AGREEMENT_THRESHOLD) -> ModeAgreement:
    """Agreement not computed, and why: nothing says which level the group column ``column`` denotes.

    Members of a team rate one team, but members of a seminar group describe different
    organisations: without the level the kit cannot tell which strength ratings the members share,
    so it computes no agreement and no group configuration (the kit's reading).

    Examples
    --------
    >>> unknown_level("seminar").reason.startswith("agreement not computed: the kit does not know")
    True
    """
    return ModeAgreement((), threshold,
                         f"agreement not computed: the kit does not know which level the group column "
                         f"{column!r} denotes (team, organisation or system), so it cannot tell which rating "
                         "its members share; the group's scores are shown as description only (name the "
                         "level to compare the groups' configurations)")


@dataclass(frozen=True)
class GroupICC:
    """ICC(1) and ICC(2) of one rating across groups (one-way analysis of variance, Bliese 2000).

    Attributes
    ----------
    icc1 : float
        Share of the rating's variance that lies between groups (negative values are kept: they
        mean less spread between groups than chance gives). NaN when not estimable.
    icc2 : float
        Reliability of the group means. NaN when not estimable.
    groups, n : int
        Groups with at least two answers, and answers in them.
    k : float
        Group size used (the mean size adjusted for unequal groups).
    ms_between, ms_within : float
    """

    icc1: float
    icc2: float
    groups: int
    n: int
    k: float
    ms_between: float
    ms_within: float

    @property
    def estimated(self) -> bool:
        """Whether ICC(1) and ICC(2) could be estimated."""
        return math.isfinite(self.icc1)


def icc(values: ArrayLike, groups: ArrayLike) -> GroupICC:
    r"""ICC(1) and ICC(2) of one rating from a one-way ANOVA of members within groups (Bliese 2000).

    With mean squares :math:`MS_B` between and :math:`MS_W` within groups and group size :math:`k`,

    .. math:: ICC(1) = \frac{MS_B - MS_W}{MS_B + (k - 1)\,MS_W}, \qquad
              ICC(2) = \frac{MS_B - MS_W}{MS_B},

    Shrout and Fleiss's (1979) ICC(1,1) and ICC(1,k). With unequal groups, :math:`k` is
    :math:`(N - \sum_g n_g^2 / N)/(G - 1)`. NaN values are left out; groups with fewer than two
    answers are left out; fewer than two groups, or no spread at all, give NaN (and ICC(2) is NaN
    when the group means do not differ at all).

    Parameters
    ----------
    values : array_like, shape (n,)
    groups : array_like, shape (n,)
        Group label of each value.

    Returns
    -------
    GroupICC

    Examples
    --------
    Shrout and Fleiss's (1979) Table 2 (six targets, each rated by four judges), read one-way:
    they give ICC(1,1) = 0.17 and ICC(1,k) = 0.44.

    >>> table = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]
    >>> r = icc(np.ravel(table), np.repeat(range(6), 4))
    >>> round(r.ms_between, 2), round(r.ms_within, 2), round(r.icc1, 2), round(r.icc2, 2)
    (11.24, 6.26, 0.17, 0.44)
    """
    v = np.asarray(values, dtype=float).ravel()
    g = np.asarray(groups, dtype=object).ravel()
    if v.shape != g.shape:
        raise ValueError(f"values and groups differ in length: {v.size} and {g.size}")
    keep = np.isfinite(v)
    v, g = v[keep], g[keep]
    labels = [label for label in dict.fromkeys(g.tolist()) if int((g == label).sum()) >= 2]
    parts = [v[g == label] for label in labels]
    n_total = int(sum(p.size for p in parts))
    count = len(parts)
    if count < 2:
        return GroupICC(math.nan, math.nan, count, n_total, math.nan, math.nan, math.nan)
    grand = float(np.concatenate(parts).mean())
    ss_b = float(sum(p.size * (p.mean() - grand) ** 2 for p in parts))
    ss_w = float(sum(((p - p.mean()) ** 2).sum() for p in parts))
    ms_b, ms_w = ss_b / (count - 1), ss_w / (n_total - count)
    sizes = np.array([p.size for p in parts], dtype=float)
    k = float((n_total - (sizes**2).sum() / n_total) / (count - 1))
    if ms_b + ms_w == 0:  # nothing varies
        return GroupICC(math.nan, math.nan, count, n_total, k, ms_b, ms_w)
    icc2 = (ms_b - ms_w) / ms_b if ms_b > 0 else math.nan
    return GroupICC(float((ms_b - ms_w) / (ms_b + (k - 1) * ms_w)), float(icc2), count, n_total, k, ms_b,
                    ms_w)
