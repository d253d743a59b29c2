r"""The balance index: how evenly, how strongly and how benignly the three active modes are expressed.

Taylor (2022) says organisations and systems do better when hierarchy, solidarity and
individualism are all articulated *and* balanced, while fatalism is acknowledged and managed. He
gives no measure. The index below is one way, the kit's, to turn "articulate and balance" into
numbers: it scores four components and then combines them. It asks for more than the theory
does: clumsy-solution writers (Verweij et al. 2006) stress that every voice is present and
responsive, not that the voices are equal, so a high evenness is the kit's reading, not a
requirement of cultural theory.

Components
----------
evenness
    How evenly the (benign) strength is spread over H, S and I; 1 exactly at equal shares.
    Four classic indices are offered (see :func:`evenness`); they agree at the extremes and
    disagree in between, which the notebooks show on the kit's archetypes.
strength
    Mean strength of the three active modes. Evenness alone would call "uniformly weak"
    perfectly balanced, which Taylor's call to *articulate* all three forms rules out: a deficit
    of everything is still a deficit.
malign share
    The strength-weighted fraction of active strength that is malign. A strong but overbearing
    hierarchy is not the articulation Taylor asks for.
despair
    Strength of fatalism's malign face (fatalism x its malign share). Only despair is a cost:
    fatalism's benign face -- acceptance of limits, humility about prediction -- is not.

The balance index
-----------------
.. math::

    B = E(b) \times \bar s \times (1 - \mu) \times (1 - f\,m_F)

where :math:`b_i = s_i (1 - m_i)` are the benign strengths, :math:`E` is the chosen evenness index,
:math:`\bar s` the mean active strength, :math:`\mu = \sum s_i m_i / \sum s_i` the malign share,
:math:`f` the fatalism strength and :math:`m_F` its malign share, so :math:`f\,m_F` is despair.
Since :math:`\bar s (1-\mu) = \bar b`, the index is simply *evenness of the benign strengths x
their mean x (1 - despair)*. (It used to be called the "dynamic balance score"; it is a snapshot
of one state, not a measure of change, hence the new name. :func:`dynamic_balance` remains as an
alias.)

Why this formula (the kit's reasoning, a judgement):

- *A product.* In the kit's reading each factor is a necessary condition (a choice, not a claim
  of the theory), and a product lets no factor buy off another: a perfectly even but feeble
  profile scores low, as does a strong, even but malign one, or one swamped by despair.
  Every factor is in [0, 1], so the index is too.
- *Only malign fatalism is a penalty.* Taylor asks for fatalism to be acknowledged and managed,
  not abolished, and speaks of its "sometime accuracy" (Taylor 2021c); Thompson and Hood treat
  it as a viable way of life (Thompson, Ellis & Wildavsky, 1990; Hood, 1998, ch. 7). Realism
  about what cannot be changed does not sap the active modes, so it costs nothing here; despair
  does, so it scales the index down in proportion.
- *Benign fatalism earns no credit either.* Balance, in Taylor's propositions, is balance of the
  three *active* forms; fatalism is to be acknowledged, not articulated. Rewarding it would let
  resignation dressed as realism raise the index.

The index is 1 only when all three active modes are fully and benignly strong and there is no
despair. It is the kit's own construction -- no published balance index for cultural theory was
found -- and a teaching device, not a validated measure.

Examples
--------
>>> from coordkit.profile import Profile
>>> public_sector = Profile(hierarchy=0.9, solidarity=0.8, individualism=0.2, fatalism=0.3)
>>> r = report(public_sector)
>>> round(r.evenness, 3), round(r.strength, 3), round(r.score, 3)
(0.869, 0.633, 0.385)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from coordkit.modes import ACTIVE_MODES
from coordkit.profile import Profile

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "EVENNESS_METHODS",
    "BalanceReport",
    "balance_index",
    "compare_indices",
    "dynamic_balance",
    "evenness",
    "malign_share",
    "name_versus_index",
    "report",
    "strength",
]

EvennessMethod = Literal["pielou", "simpson", "centroid", "minmax"]
#: The evenness indices :func:`evenness` knows, with a one-line description of each.
EVENNESS_METHODS: dict[EvennessMethod, str] = {
    "pielou": "Shannon entropy divided by its maximum, ln k (Pielou's J)",
    "simpson": "Gini-Simpson index 1 - sum p^2, divided by its maximum 1 - 1/k",
    "centroid": "1 - distance from the centre of the simplex, divided by the largest possible",
    "minmax": "smallest share divided by the largest",
}


def _as_shares(values: ArrayLike) -> NDArray[np.float64]:
    """Validate non-negative values along the last axis and normalise them to shares."""
    x = np.asarray(values, dtype=float)
    if x.ndim == 0 or x.shape[-1] < 2:
        raise ValueError("evenness needs at least two values along the last axis")
    if not np.all(np.isfinite(x)):
        raise ValueError("evenness: values must be finite numbers (no NaN or infinity)")
    if np.any(x < 0):
        raise ValueError("evenness: values must not be negative")
    total = x.sum(axis=-1, keepdims=True)
    if np.any(total <= 0):
        raise ValueError("evenness is undefined when every value is zero")
    return x / total


def evenness(values: ArrayLike, method: EvennessMethod = "pielou") -> float | NDArray[np.float64]:
    r"""Evenness of non-negative values (e.g. the three active strengths), in [0, 1].

    Values are normalised to shares :math:`p_i = x_i / \sum x` first, so the result is scale
    invariant. Every method gives exactly 1 at equal shares and is Schur-concave: moving weight
    from a stronger mode to a weaker one never lowers it.

    =========== ===================================================================
    method      formula over shares :math:`p_1..p_k`
    =========== ===================================================================
    pielou      :math:`-\sum p_i \ln p_i / \ln k` (0 at a single mode)
    simpson     :math:`(1 - \sum p_i^2) / (1 - 1/k)` (0 at a single mode)
    centroid    :math:`1 - \lVert p - 1/k \rVert / \sqrt{(k-1)/k}` (0 at a single mode)
    minmax      :math:`\min p / \max p` (0 whenever any mode is absent)
    =========== ===================================================================

    Parameters
    ----------
    values : array_like, shape (..., k)
        Non-negative numbers, k >= 2, not all zero along the last axis. Leading axes are batch
        axes: evenness is computed for each row.
    method : {"pielou", "simpson", "centroid", "minmax"}
        The index to use.

    Returns
    -------
    float or ndarray
        A float for 1-d input, otherwise an array of the leading shape.

    Raises
    ------
    ValueError
        For an unknown method, negative or non-finite values, or a row that is all zero.

    Examples
    --------
    >>> evenness([1, 1, 1])
    1.0
    >>> round(evenness([0.6, 0.3, 0.1], method="simpson"), 3)
    0.81
    >>> evenness([[2, 2, 2], [1, 0, 0]], method="minmax")
    array([1., 0.])
    """
    if method not in EVENNESS_METHODS:
        raise ValueError(f"unknown evenness method {method!r}: use one of {', '.join(EVENNESS_METHODS)}")
    p = _as_shares(values)
    k = p.shape[-1]
    if method == "pielou":
        with np.errstate(divide="ignore", invalid="ignore"):
            plogp = np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0)
        e = -plogp.sum(axis=-1) / np.log(k)
    elif method == "simpson":
        e = (1.0 - np.sum(p * p, axis=-1)) / (1.0 - 1.0 / k)
    elif method == "centroid":
        e = 1.0 - np.linalg.norm(p - 1.0 / k, axis=-1) / np.sqrt((k - 1) / k)
    else:
        e = p.min(axis=-1) / p.max(axis=-1)
    # Pin the two ends exactly: rounding must not push a value outside [0, 1] or make equal
    # shares score 0.9999999999999998.
    equal = np.ptp(p, axis=-1) == 0
    e = np.where(equal, 1.0, np.clip(e, 0.0, 1.0))
    return float(e) if e.ndim == 0 else e


def strength(profile: Profile) -> float:
    """Mean strength of the three active modes, in [0, 1].

    Parameters
    ----------
    profile : Profile

    Returns
    -------
    float

    Examples
    --------
    >>> strength(Profile(0.9, 0.6, 0.3, 0.5))
    0.6
    """
    return float(np.mean(profile.active_strengths))


def malign_share(profile: Profile) -> float:
    """Strength-weighted fraction of active strength that is malign, in [0, 1].

    Parameters
    ----------
    profile : Profile

    Returns
    -------
    float
        0 when no active mode has any strength.

    Examples
    --------
    >>> malign_share(Profile(0.8, 0.2, 0.0, 0.0, malign_hierarchy=0.5))
    0.4
    """
    s = np.asarray(profile.active_strengths)
    total = s.sum()
    if total == 0:
        return 0.0
    return float(np.dot(s, profile.malign) / total)


def balance_index(profile: Profile, method: EvennessMethod = "pielou") -> float:
    """The kit's balance index, in [0, 1] (see the module docstring for the formula and why).

    Evenness of the benign active strengths x their mean x (1 - despair), where despair is
    fatalism's malign face. Benign fatalism (realism about limits) is no penalty.

    Parameters
    ----------
    profile : Profile
    method : {"pielou", "simpson", "centroid", "minmax"}
        Evenness index applied to the benign strengths.

    Returns
    -------
    float
        0 when no active mode has any benign strength.

    Examples
    --------
    >>> balance_index(Profile(1, 1, 1, 0))
    1.0
    >>> balance_index(Profile(0.2, 0.2, 0.2, 0.0))  # even but feeble
    0.2
    >>> despair = Profile(0.8, 0.8, 0.8, 0.5)  # fatalism all malign (the default)
    >>> wisdom = despair.replace(malign_fatalism=0.0)
    >>> round(balance_index(despair), 2), round(balance_index(wisdom), 2)
    (0.4, 0.8)
    """
    benign = np.asarray(profile.benign_strengths)
    if benign.sum() == 0:
        return 0.0
    e = evenness(benign, method)
    return float(e * benign.mean() * (1.0 - profile.despair))


#: The old name of :func:`balance_index`, kept so existing code keeps working.
dynamic_balance = balance_index


@dataclass(frozen=True)
class BalanceReport:
    """The components of balance for one profile, and the score that combines them.

    Attributes
    ----------
    evenness : float
        Evenness of the benign active strengths (0 if there are none).
    raw_evenness : float
        Evenness of the active strengths, malign parts included (0 if there are none).
    strength : float
        Mean active strength.
    malign_share : float
        Strength-weighted malign fraction.
    fatalism : float
        Fatalism strength (both faces).
    score : float
        The balance index.
    method : str
        The evenness index used.
    despair : float, optional
        Fatalism's malign face (fatalism x its malign share), the only part that is a penalty;
        defaults to ``fatalism`` (all despair).
    relative : bool, default False
        True for a profile read from divide-100 shares (``Profile.relative``): its strengths are
        relative to the strongest mode, so ``strength`` (and the index through it) describes the
        mix, not measured strength. :meth:`as_text` says so.
    """

    evenness: float
    raw_evenness: float
    strength: float
    malign_share: float
    fatalism: float
    score: float
    method: str
    despair: float | None = None
    relative: bool = False

    def __post_init__(self) -> None:
        if self.despair is None:
            object.__setattr__(self, "despair", self.fatalism)

    def as_text(self) -> str:
        """One line a learner can read aloud.

        Examples
        --------
        >>> print(report(Profile(0.9, 0.8, 0.2, 0.3)).as_text())
        balance index 0.39 (evenness 0.87 x strength 0.63 x benign 1.00 x free of despair 0.70; pielou)
        >>> print(report(Profile.from_shares([25, 25, 25, 25])).as_text())
        balance index 0.75 (evenness 1.00 x strength 1.00 ... mix only: strength not measured, ...)
        """
        despair = self.fatalism if self.despair is None else self.despair
        caveat = ("; mix only: strength not measured, each active strength is relative to the "
                  "strongest" if self.relative else "")
        return (
            f"balance index {self.score:.2f} (evenness {self.evenness:.2f} x strength "
            f"{self.strength:.2f} x benign {1 - self.malign_share:.2f} x free of despair "
            f"{1 - despair:.2f}; {self.method}{caveat})"
        )


def report(profile: Profile, method: EvennessMethod = "pielou") -> BalanceReport:
    """Score every component of balance for a profile.

    Parameters
    ----------
    profile : Profile
    method : {"pielou", "simpson", "centroid", "minmax"}
        Evenness index.

    Returns
    -------
    BalanceReport

    Examples
    --------
    >>> report(Profile(1, 1, 1, 0)).score
    1.0
    """
    benign = np.asarray(profile.benign_strengths)
    raw = np.asarray(profile.active_strengths)
    return BalanceReport(
        evenness=float(evenness(benign, method)) if benign.sum() > 0 else 0.0,
        raw_evenness=float(evenness(raw, method)) if raw.sum() > 0 else 0.0,
        strength=strength(profile),
        malign_share=malign_share(profile),
        fatalism=profile.fatalism,
        score=balance_index(profile, method),
        method=method,
        despair=profile.despair,
        relative=profile.relative,
    )


def name_versus_index(profile: Profile, *, strong: float = 0.5) -> str:
    """Why a configuration's name and the balance index can seem to disagree, in one line.

    A configuration (:func:`coordkit.configuration.classify`) counts a mode strong by its whole
    strength, malign part included; the balance index counts benign strength only and weighs
    evenness and despair too. So a profile can be named "balanced" yet score below a deficit
    culture: its modes only just strong, partly through their malign parts, and despair high.

    Parameters
    ----------
    profile : Profile
    strong : float, default 0.5
        The configuration's strong threshold (``classify``'s default).

    Returns
    -------
    str
        The modes strong only with their malign part (if any), then :meth:`BalanceReport.as_text`.

    Examples
    --------
    >>> p = Profile(0.6, 0.55, 0.53, 0.35, malign_hierarchy=0.15, malign_individualism=0.12)
    >>> print(name_versus_index(p))
    The name counts whole strength, malign part included (individualism 0.53, benign 0.47; \
strong from 0.50); the index counts benign strength only: balance index 0.33 (evenness 1.00 x \
strength 0.56 x benign 0.91 x free of despair 0.65; pielou)
    """
    lifted = [f"{m.value} {profile.strength_of(m):.2f}, benign {b:.2f}"
              for m, b in zip(ACTIVE_MODES, profile.benign_strengths, strict=True)
              if profile.strength_of(m) >= strong > b]
    where = f" ({'; '.join(lifted)}; strong from {strong:.2f})" if lifted else ""
    return (f"The name counts whole strength, malign part included{where}; the index counts "
            f"benign strength only: {report(profile).as_text()}")


def compare_indices(profiles: Mapping[str, Profile]) -> pd.DataFrame:
    """Every evenness index and the score components for named profiles, side by side.

    Evenness here is over the benign active strengths, as in the score. The point is to see
    where the indices disagree: they all give 1 at equal shares and 0 at a single mode, but
    rank the cases in between differently (``minmax`` is 0 as soon as one mode is absent, while
    Pielou and Simpson still credit the two that are present).

    Parameters
    ----------
    profiles : mapping of str to Profile
        Named profiles, e.g. :data:`coordkit.archetypes.ARCHETYPES`.

    Returns
    -------
    pandas.DataFrame
        One row per profile: an evenness column per method, then strength, malign share,
        fatalism, despair (its malign face) and the balance index (Pielou).

    Examples
    --------
    >>> from coordkit.profile import Profile
    >>> t = compare_indices({"two forms": Profile(0.8, 0.8, 0.0, 0.0)})
    >>> t.loc["two forms", ["pielou", "simpson", "centroid", "minmax"]].round(2).tolist()
    [0.63, 0.75, 0.5, 0.0]
    """
    import pandas as pd

    rows = {}
    for name, profile in profiles.items():
        benign = np.asarray(profile.benign_strengths)
        row: dict[str, float | NDArray[np.float64]] = {
            m: (evenness(benign, m) if benign.sum() > 0 else 0.0)
            for m in EVENNESS_METHODS
        }
        r = report(profile)
        row.update(strength=r.strength, malign_share=r.malign_share, fatalism=r.fatalism,
                   despair=profile.despair, score=r.score)
        rows[name] = row
    return pd.DataFrame.from_dict(rows, orient="index")
