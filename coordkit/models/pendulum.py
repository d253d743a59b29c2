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
    "ShiftBaseline",
    "Spell",
    "leaders",
    "pendulum_test",
    "shift_baseline",
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


def _split(years: Sequence[int], pressure: NDArray[np.float64], holdout_from: int,
           ) -> tuple[NDArray[np.int64], NDArray[np.str_], NDArray[np.bool_]]:
    """Checked years, history's leading mode each year, and the mask of the fitting period."""
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
    return yrs, hist, fit


def _candidate_leaders(candidates: Sequence[Levers], initial: Profile | None, n_years: int,
                       ) -> tuple[list[Levers], list[NDArray[np.str_]], list[NDArray[np.float64]]]:
    """Every candidate run once (noise off): settings, leading mode and effective support per year."""
    settings = [c.replace(noise=0.0) for c in candidates]
    if not settings:
        raise ValueError("candidates must hold at least one Levers")
    if initial is None:
        from coordkit.archetypes import ARCHETYPES

        initial = ARCHETYPES["traditional public sector"]
    runs = sweep(settings, initial, years=float(n_years - 1), dt=0.1)
    per_year = round(1 / 0.1)
    leads, effs = [], []
    for run in runs:
        assert run.allegiance is not None
        eff = 3.0 * run.allegiance[::per_year] * np.asarray(run.levers.support)
        effs.append(eff)
        leads.append(leaders(eff))
    return settings, leads, effs


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
    yrs, hist, fit = _split(years, pressure, holdout_from)
    settings, model_leads, model_eff = _candidate_leaders(candidates, initial, len(yrs))
    scores = [float(np.mean(lead[fit] == hist[fit])) for lead in model_leads]
    best = int(np.argmax(scores))  # the first of the best, as before
    best_score, best_eff, best_lead = scores[best], model_eff[best], model_leads[best]
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


@dataclass(frozen=True, eq=False)
class ShiftBaseline:
    """The result of :func:`shift_baseline`: the whole fitting procedure run on shifted histories.

    Attributes
    ----------
    shifts : ndarray of int
        The circular shifts (in years) applied to the history.
    fit_scores, holdout_scores : ndarray of float
        For each shift: the best candidate's agreement in the fitting period, and that same
        candidate's agreement on the held-out years.
    observed_fit, observed_holdout : float
        The same two scores on the real (unshifted) history.
    """

    shifts: NDArray[np.int64]
    fit_scores: NDArray[np.float64]
    holdout_scores: NDArray[np.float64]
    observed_fit: float
    observed_holdout: float

    @property
    def median_fit(self) -> float:
        """Median best in-sample agreement on the shifted histories."""
        return float(np.median(self.fit_scores))

    @property
    def median_holdout(self) -> float:
        """Median held-out agreement of the chosen candidate on the shifted histories."""
        return float(np.median(self.holdout_scores))

    @property
    def share_fit_reaching(self) -> float:
        """Share of shifted histories whose best in-sample agreement reaches the observed one."""
        return float(np.mean(self.fit_scores >= self.observed_fit))

    @property
    def share_holdout_reaching(self) -> float:
        """Share of shifted histories whose held-out agreement reaches the observed one."""
        return float(np.mean(self.holdout_scores >= self.observed_holdout))

    def as_text(self) -> str:
        """The baseline in two sentences, with the numbers.

        Returns
        -------
        str
        """
        return (
            f"On {len(self.shifts)} circularly shifted histories (the same coded years, moved out of "
            f"step with the calendar) the best candidate agrees with history in "
            f"{self.fit_scores.min():.0%} to {self.fit_scores.max():.0%} of the fitting years "
            f"(median {self.median_fit:.0%}); {self.share_fit_reaching:.0%} reach the real "
            f"history's {self.observed_fit:.0%}. Held back, the chosen candidate agrees in a median "
            f"{self.median_holdout:.0%} of years, and {self.share_holdout_reaching:.0%} of shifted "
            f"histories reach the real {self.observed_holdout:.0%}.")


def shift_baseline(
    years: Sequence[int],
    pressure: NDArray[np.float64],
    *,
    holdout_from: int = 2014,
    initial: Profile | None = None,
    candidates: Sequence[Levers] = DEFAULT_CANDIDATES,
    shifts: Sequence[int] | None = None,
) -> ShiftBaseline:
    """What the whole fitting procedure of :func:`pendulum_test` scores on meaningless histories.

    The history's rows are shifted circularly by ``k`` years (``np.roll``), which keeps its
    spells, their lengths and their order but breaks any tie to the calendar the model runs on.
    For every shift the procedure is repeated exactly: the candidate that agrees best before
    ``holdout_from`` is chosen and then scored on the held-out years. If the real history's
    scores sit inside this distribution, choosing among candidates explains them by itself.
    The candidates run once; only the scoring is repeated.

    Parameters
    ----------
    years, pressure, holdout_from, initial, candidates
        As for :func:`pendulum_test`.
    shifts : sequence of int, optional
        Shifts to try; default every shift from 1 to ``len(years) - 1``.

    Returns
    -------
    ShiftBaseline

    Raises
    ------
    ValueError
        As for :func:`pendulum_test`, and for a shift that is 0 (mod the number of years).

    Examples
    --------
    >>> years = np.arange(1990, 2011)
    >>> pressure = np.zeros((len(years), 3)); pressure[:, 0] = 1  # hierarchy always leads
    >>> base = shift_baseline(years, pressure, holdout_from=2005)
    >>> base.share_fit_reaching  # every shift of a constant history is the same history
    1.0
    """
    yrs, hist, fit = _split(years, pressure, holdout_from)
    n = len(yrs)
    ks = np.arange(1, n) if shifts is None else np.asarray(list(shifts), dtype=int)
    if len(ks) == 0 or np.any(ks % n == 0):
        raise ValueError(f"shifts must be non-empty and none a multiple of {n} years")
    _, leads, _ = _candidate_leaders(candidates, initial, n)
    model = np.asarray(leads)  # (candidates, years)

    def scores(h: NDArray[np.str_]) -> tuple[float, float]:
        fit_scores = np.mean(model[:, fit] == h[fit], axis=1)
        best = int(np.argmax(fit_scores))
        return float(fit_scores[best]), float(np.mean(model[best, ~fit] == h[~fit]))

    observed = scores(hist)
    shifted = np.array([scores(np.roll(hist, int(k))) for k in ks])
    return ShiftBaseline(shifts=ks, fit_scores=shifted[:, 0], holdout_scores=shifted[:, 1],
                         observed_fit=observed[0], observed_holdout=observed[1])
