r"""The NHS pendulum as a question: the surprise model's swings set beside the reform history.

A companion to :mod:`coordkit.models.dynamics` (a **teaching model**: illustrative, uncalibrated,
no forecasts). The NHS swung between plan and market, integration and league tables. The kit codes
each reform's push on each mode (``coordkit.history``; the codings and the pressure rule are the
kit's judgements), and the surprise model swings by itself. This module puts the two side by side
and asks an honest, limited question: *which mode leads, year by year?*

What is compared
----------------
- **History**: the leading mode each year is the active mode with the highest reform pressure
  (the caller passes the pressure, e.g. ``history.to_wide(history.reform_pressure(...,
  half_life=5))``; this module imports no data).
- **Model**: the leading mode each year is the active mode with the highest *effective support*,
  :math:`3 w_i u_i` (policy support times the allegiance the surprise mechanism has left it): the
  model's nearest analogue of where reform pushes. Model year 0 is the first calendar year.

The test
--------
Every candidate lever setting is run from the same start (vectorised). The one whose leading
mode agrees with history in most years of the *fitting period* (up to ``holdout_from - 1``) is
picked; then its agreement on the *held-out years* (``holdout_from`` onwards), which played no
part in the choice, is reported beside two naive baselines: *persistence* (the last leading mode
of the fitting period carries on) and *the usual leader* (the mode that led most often in the
fitting period; how often it led there is the bar the fit itself has to clear). With three
modes, a blind guess agrees a third of the time.

Limits, stated where the result is shown: the pressure series is a running score of coded
reforms, not a measure of culture; the model has no elections, money or people; the fit chooses
among a handful of settings using a few dozen correlated years; agreement in leading mode ignores
how far ahead the leader is. Read the result as an illustration of what a model of surprise can
and cannot echo, never as evidence that the NHS follows it.

Examples
--------
>>> import numpy as np
>>> years = np.arange(1990, 2011)
>>> pressure = np.zeros((len(years), 3)); pressure[:, 0] = 1  # hierarchy always leads
>>> test = pendulum_test(years, pressure, holdout_from=2005)
>>> test.persistence_agreement, test.usual_agreement
(1.0, 1.0)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from coordkit.models.dynamics import Levers, sweep
from coordkit.modes import ACTIVE_MODES
from coordkit.profile import Profile

__all__ = [
    "DEFAULT_CANDIDATES",
    "PendulumTest",
    "Spell",
    "leaders",
    "pendulum_test",
    "spells",
]

_NAMES = tuple(m.value for m in ACTIVE_MODES)


def _candidates() -> tuple[Levers, ...]:
    return tuple(Levers(surprise=g, surprise_delay=t, rivalry=c)
                 for g in (0.5, 1.0, 2.0, 3.0) for t in (1.0, 2.0, 4.0, 8.0)
                 for c in (1.25, 1.5, 2.0))


#: The settings tried by default: surprise 0.5-3, delay 1-8 years, rivalry 1.25-2 (48 in all).
DEFAULT_CANDIDATES: tuple[Levers, ...] = _candidates()


@dataclass(frozen=True)
class Spell:
    """A run of years in which one mode leads.

    Attributes
    ----------
    mode : str
        ``"hierarchy"``, ``"solidarity"`` or ``"individualism"``.
    start, end : int
        First and last year, inclusive.
    """

    mode: str
    start: int
    end: int

    @property
    def years(self) -> int:
        """Length in years."""
        return self.end - self.start + 1


def leaders(values: NDArray[np.float64]) -> NDArray[np.str_]:
    """The leading active mode in each row of an (n, 3) array (H, S, I order).

    Parameters
    ----------
    values : ndarray, shape (n, 3)

    Returns
    -------
    ndarray of str

    Examples
    --------
    >>> leaders(np.array([[1.0, 0.5, 0.2], [0.1, 0.2, 0.9]])).tolist()
    ['hierarchy', 'individualism']
    """
    arr = np.asarray(values, dtype=float)
    if arr.ndim != 2 or arr.shape[1] != 3:
        raise ValueError(f"values must have shape (n, 3) in H, S, I order, got {arr.shape}")
    return np.asarray(_NAMES)[arr.argmax(axis=1)]


def spells(years: Sequence[int], lead: Sequence[str]) -> list[Spell]:
    """Group consecutive years with the same leading mode.

    Parameters
    ----------
    years : sequence of int
    lead : sequence of str
        The leading mode in each year.

    Returns
    -------
    list of Spell

    Examples
    --------
    >>> lead = ["hierarchy", "hierarchy", "solidarity", "solidarity"]
    >>> [(s.mode[0], s.start, s.end) for s in spells([1, 2, 3, 4], lead)]
    [('h', 1, 2), ('s', 3, 4)]
    """
    out: list[Spell] = []
    for y, mode in zip(years, lead, strict=True):
        if out and out[-1].mode == mode:
            out[-1] = Spell(mode, out[-1].start, int(y))
        else:
            out.append(Spell(str(mode), int(y), int(y)))
    return out


@dataclass(frozen=True, eq=False)
class PendulumTest:
    """The result of :func:`pendulum_test`.

    Attributes
    ----------
    years : ndarray of int
    history, model : ndarray of str
        Leading mode each year, from the reform pressure and from the chosen model run.
    holdout_from : int
        First held-out year.
    levers : Levers
        The chosen setting.
    fit_agreement, holdout_agreement : float
        Share of years in which the two leading modes agree, in the fitting period and in the
        held-out years.
    persistence_agreement, usual_agreement : float
        The same share on the held-out years for the two naive baselines.
    usual_fit_agreement : float
        How often the usual leader led in the fitting period: the bar the fit has to clear.
    effective_support : ndarray, shape (years, 3)
        The chosen run's effective support, one row per year.
    """

    years: NDArray[np.int64]
    history: NDArray[np.str_]
    model: NDArray[np.str_]
    holdout_from: int
    levers: Levers
    fit_agreement: float
    holdout_agreement: float
    persistence_agreement: float
    usual_agreement: float
    usual_fit_agreement: float
    effective_support: NDArray[np.float64]

    def spells(self, which: str = "history") -> list[Spell]:
        """Spells of leadership in ``"history"`` or ``"model"``.

        Parameters
        ----------
        which : {"history", "model"}

        Returns
        -------
        list of Spell
        """
        if which not in ("history", "model"):
            raise ValueError(f"which must be 'history' or 'model', got {which!r}")
        return spells(self.years.tolist(), getattr(self, which).tolist())

    def order(self, which: str = "history") -> str:
        """The order in which modes took the lead, as initials (e.g. ``"H S H I"``).

        Parameters
        ----------
        which : {"history", "model"}

        Returns
        -------
        str
        """
        return " ".join(s.mode[0].upper() for s in self.spells(which))

    def mean_spell(self, which: str = "history") -> float:
        """Mean length in years of a spell of leadership over the fitting period.

        Parameters
        ----------
        which : {"history", "model"}

        Returns
        -------
        float
        """
        fit = [s for s in self.spells(which) if s.start < self.holdout_from]
        return float(np.mean([min(s.end, self.holdout_from - 1) - s.start + 1 for s in fit]))


def pendulum_test(
    years: Sequence[int],
    pressure: NDArray[np.float64],
    *,
    holdout_from: int = 2014,
    initial: Profile | None = None,
    candidates: Sequence[Levers] = DEFAULT_CANDIDATES,
) -> PendulumTest:
    """Fit the surprise model's leading mode to history before ``holdout_from``, test it after.

    Parameters
    ----------
    years : sequence of int
        Consecutive calendar years.
    pressure : ndarray, shape (len(years), 3)
        Reform pressure on hierarchy, solidarity and individualism in each year.
    holdout_from : int, default 2014
        First held-out year; at least two years must come before it and one from it on.
    initial : Profile, optional
        The model's start; default the archetype "traditional public sector".
    candidates : sequence of Levers, default :data:`DEFAULT_CANDIDATES`
        Settings to choose from (their noise is ignored: each runs deterministically).

    Returns
    -------
    PendulumTest

    Raises
    ------
    ValueError
        If the years are not consecutive, the shapes disagree, or the split leaves no years on
        one side.
    """
    yrs = np.asarray(years, dtype=int)
    if yrs.ndim != 1 or len(yrs) < 3 or np.any(np.diff(yrs) != 1):
        raise ValueError("years must be at least three consecutive calendar years")
    hist = leaders(pressure)
    if len(hist) != len(yrs):
        raise ValueError(f"pressure has {len(hist)} rows for {len(yrs)} years")
    fit = yrs < holdout_from
    if fit.sum() < 2 or fit.all():
        raise ValueError(f"holdout_from must leave at least two years before it and one from it "
                         f"on, got {holdout_from!r}")
    settings = [c.replace(noise=0.0) for c in candidates]
    if not settings:
        raise ValueError("candidates must hold at least one Levers")
    if initial is None:
        from coordkit.archetypes import ARCHETYPES

        initial = ARCHETYPES["traditional public sector"]
    runs = sweep(settings, initial, years=float(len(yrs) - 1), dt=0.1)
    per_year = round(1 / 0.1)
    best, best_score, best_eff, best_lead = 0, -1.0, None, None
    for k, run in enumerate(runs):
        assert run.allegiance is not None
        eff = 3.0 * run.allegiance[::per_year] * np.asarray(run.levers.support)
        lead = leaders(eff)
        score = float(np.mean(lead[fit] == hist[fit]))
        if score > best_score:
            best, best_score, best_eff, best_lead = k, score, eff, lead
    assert best_eff is not None and best_lead is not None
    last = hist[fit][-1]
    names, counts = np.unique(hist[fit], return_counts=True)
    usual = names[np.argmax(counts)]
    held = hist[~fit]
    return PendulumTest(
        years=yrs, history=hist, model=best_lead, holdout_from=int(holdout_from),
        levers=settings[best], fit_agreement=best_score,
        holdout_agreement=float(np.mean(best_lead[~fit] == held)),
        persistence_agreement=float(np.mean(held == last)),
        usual_agreement=float(np.mean(held == usual)),
        usual_fit_agreement=float(np.max(counts) / fit.sum()),
        effective_support=best_eff,
    )
