r"""Within-group agreement: whether a group's members describe the same organisation.

A group's configuration is read from its members' *mean* answers. A mean of people who disagree
describes nobody: half a team rating hierarchy "very strong" and half "absent" averages to
"moderate", which no member said. So before a group's configuration is shown, the kit checks that
its members agree, with :math:`r_{wg(J)}` (James, Demaree and Wolf 1984).

For :math:`J` items rated on :math:`A` answer options, let :math:`\bar s^2` be the mean of the
items' within-group variances and :math:`\sigma^2_{EU} = (A^2 - 1)/12` the variance expected if
members answered at random, every option equally likely (the *uniform null*; 2 for five options).
Then

.. math:: r_{wg(J)} = \frac{J\,(1 - q)}{J\,(1 - q) + q}, \qquad q = \bar s^2/\sigma^2_{EU},

1 when every member gives the same answers and 0 when they spread as much as random answers.
Where the observed spread exceeds the uniform null's, :math:`r_{wg(J)}` is set to 0 (a common
convention, the kit's choice of it: James et al. treat such values as inadmissible).

The items are a group's four **organisation strength ratings** (one per mode, 1 absent to 5 very
strong): they decide which modes the group's configuration calls strong. A "don't know" or a
skipped rating is left out of that item's variance.

**Threshold.** :data:`AGREEMENT_THRESHOLD` = 0.70 is a *convention*, not a test (the cut-off
usually quoted since George 1990; LeBreton and Senter 2008 call it arbitrary and suggest reading
bands instead); the kit uses it, labelled as the kit's choice, to withhold a group's
configuration when agreement is lower. A uniform null also overstates agreement when members
share a response bias (everyone avoids the extremes), so agreement above the threshold is
necessary, not sufficient.

Examples
--------
>>> import numpy as np
>>> agreeing = np.array([[4, 4, 2, 1], [4, 5, 2, 1], [5, 4, 2, 2], [4, 4, 3, 1], [4, 4, 2, 1]])
>>> a = rwg_j(agreeing)
>>> round(a.rwg, 2), a.agrees
(0.97, True)
>>> split = np.array([[5, 1, 5, 1], [1, 5, 1, 5], [5, 1, 5, 1], [1, 5, 1, 5], [3, 3, 3, 3]])
>>> rwg_j(split).rwg, rwg_j(split).agrees
(0.0, False)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

__all__ = ["AGREEMENT_THRESHOLD", "Agreement", "rwg_j"]

#: rwg(J) from which a group's members count as agreeing: 0.70, a convention (George 1990; James,
#: Demaree and Wolf 1984 introduced the index), the kit's choice of it, not a significance test.
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
