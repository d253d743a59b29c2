r"""Regimes of the mean-field teaching model: does a setting settle, swing or wander.

A companion to :mod:`coordkit.models.dynamics` (a **teaching model**: illustrative, uncalibrated,
no forecasts). :func:`regime_map` runs the model over a grid of two levers at once (vectorised) and
labels every setting with one of five regimes (settled, damped, chaotic, cycling, unresolved),
using only the *tail* of each run (the last
``tail_years``, after the start-up transient has had ``years - tail_years`` to die away).

The criterion (the kit's, with thresholds chosen for this model's scale of 0 to 1)
-----------------------------------------------------------------------------------
Let :math:`A` be the largest range (max - min) of the three active strengths over the tail,
:math:`A_1` and :math:`A_4` the same range over the first and the last quarter of the tail, and
:math:`\lambda` the largest Lyapunov exponent (per year) estimated over the tail.

=========== ==================================================================================
regime      rule (checked in this order)
=========== ==================================================================================
settled     :math:`A < a` (default :math:`a = 0.02`): the run has come to rest, to the eye
damped      :math:`A_4 < d\,A_1` (default :math:`d = 0.5`): still swinging, but the swings are
            dying away (a stable spiral seen before it has come to rest); also a run whose
            swings fail the cycling test below only because they shrink across the tail (the
            range over its last third below that over its first third): a slowly damped spiral
chaotic     :math:`\lambda > \ell` (default :math:`\ell = 0.02` per year): nearby runs move
            apart, so the swings never repeat
cycling     the run *repeats*: the tail holds at least three peaks (local maxima in the upper
            half of its range) of the strength that swings most; the state at the last peak (all
            three strengths) comes back to within :math:`r A` (default :math:`r = 0.1`) of the
            state at one of the three peaks before it, :math:`L` peaks back (a limit cycle, or
            a cycle of two or three swings); *and* it comes back as close at every peak
            :math:`2L, 3L, \dots` back, to the start of the tail. The second part keeps a slowly
            damped spiral (each swing a little smaller than the last) out of "cycling": the
            test is per tail, not per year. A swing fails it once its peaks across the tail
            differ by more than :math:`r A` (a tenth of the tail's range). For a steady shrink
            over the 100-year tail that is a loss of roughly a fifth to two fifths of the swing,
            depending on the period and on where the peaks fall: about a fifth at a 15-year
            period, a third to two fifths at 20 to 30 years (the kit's tests check both sides
            on known series)
unresolved  otherwise: still swinging, neither dying away nor seen to repeat within the tail
            (for example a run still growing towards a cycle, or a swing too slow for three
            peaks in the window: the cycling test needs about three periods in the tail, so with
            the default 100 years a steady 45-year swing reads unresolved from most phases and
            a 50-year swing from every phase; lengthen ``tail_years`` to read slower swings)
=========== ==================================================================================

Every label is a finite-time estimate from one start and one time step. :func:`regime_map` also
runs every setting for *twice* as long and classifies the new tail in the same way; a setting
whose label changes is marked unconfirmed (:attr:`RegimeMap.confirmed`): read its label as
uncertain. (The doubled run's tail is read afresh: its own exponent is estimated, and the
amplitude, decay and recurrence tests are all repeated.) Labels near a boundary between regimes
are the ones most often unconfirmed, and "not chaotic" means only that no exponent above
:math:`\ell` was seen over the tail.

**Symmetric starts** (the kit's guard). The rules treat the three active modes alike, so a start
in which two modes are exactly alike (the same strength and malign share, with the same support
and malign bias) stays so for ever: the run is confined to a *symmetric* slice of the state space
and its label is an artefact of the start. From an exactly even start every run rests at the
balanced point, which with surprise on is often *unstable* (the exponent, measured by a twin that
leaves the slice, is above :math:`\ell`, yet the run is "settled"); from two equal modes the
twin's drift out of the slice reads as "chaotic". :attr:`RegimeMap.symmetric` marks every run
that starts with two modes exactly alike under the same levers, and :func:`regime_map` and
:func:`classify_settings` warn when there is one: tilt the start (by a thousandth is enough) and
run again. The guard tests exact equality: a tilt far below a thousandth is not flagged and may still mislead.
A run "settled" with an exponent above :math:`\ell`, resting on an unstable balance,
is counted by :attr:`RegimeMap.unstable_rest`.

:math:`\lambda` is estimated by the standard two-trajectory method (Benettin et al., 1980): a copy
of every run starts :math:`10^{-7}` away; every ``renorm`` steps the distance :math:`d` between
the two states is measured, :math:`\log(d / d_0)` is added up over the tail, and the copy is pulled
back to distance :math:`d_0` along the same direction. :math:`\lambda` is the sum divided by the
tail's length. A finite run gives a finite-time estimate: on a limit cycle it sits near 0 (on the
40 x 40 map of rivalry and surprise in notebook 05 the largest value among cycling settings is
0.014 per year, computed there and checked by the kit's tests: close to the threshold, so the
chaotic/cycling line is itself uncertain), at a fixed point
it is negative. The estimator is checked on the
logistic map, whose exponent is known (:math:`\ln 2` per step at :math:`r = 4`).

The period of a damped or unresolved run is the mean time between successive peaks (in the
upper half of the range) of the strength that swings most (:func:`swing_period`). The period of a
cycling run is its *repeat time* (:func:`repeat_time`): that peak spacing times the lag :math:`L`
the cycling test finds, so a cycle of two or three swings of different sizes is given its full
repeat time, not a half or a third of it.

Examples
--------
>>> rm = regime_map("rivalry", [0.5, 2.0], "surprise", [0.0, 2.0], years=200)
>>> rm.regime.tolist()  # rows: surprise 0 and 2; columns: rivalry 0.5 and 2
[['settled', 'settled'], ['damped', 'cycling']]
>>> rm.count("cycling"), round(float(rm.period[1, 1]), 1)
(1, 26.1)
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from coordkit.models.dynamics import (
    LEVER_SPECS,
    Levers,
    Rates,
    _check_run,
    _initial_state,
    _lever_arrays,
    _prepare,
    _step,
)
from coordkit.profile import Profile

__all__ = [
    "REGIMES",
    "Criterion",
    "RegimeMap",
    "SymmetricStartWarning",
    "classify_regime",
    "classify_settings",
    "largest_lyapunov",
    "regime_map",
    "repeat_time",
    "swing_period",
]

#: The regimes, in the order the criterion checks them.
REGIMES: tuple[str, ...] = ("settled", "damped", "chaotic", "cycling", "unresolved")


@dataclass(frozen=True)
class Criterion:
    r"""Thresholds of the regime criterion (the kit's judgement; see the module docstring).

    Parameters
    ----------
    tail_years : float, default 100
        Length of the tail of the run that is read. The cycling test needs about three periods
        in it (three peaks), so a swing slower than about a third of ``tail_years`` may read
        unresolved.
    amplitude : float, default 0.02
        :math:`a`: below this range of strengths over the tail a run counts as settled.
    decay : float, default 0.5
        :math:`d`: a last-quarter range below ``decay`` times the first-quarter range is damped.
    lyapunov : float, default 0.02
        :math:`\ell`: an exponent above this (per year) counts as chaotic.
    recurrence : float, default 0.1
        :math:`r`: a swinging run counts as cycling when its state at the last peak comes back
        to within ``recurrence`` times its range of the state at one of the three peaks before.

    Examples
    --------
    >>> Criterion().amplitude
    0.02
    """

    tail_years: float = 100.0
    amplitude: float = 0.02
    decay: float = 0.5
    lyapunov: float = 0.02
    recurrence: float = 0.1

    def __post_init__(self) -> None:
        for name in ("tail_years", "amplitude", "decay", "lyapunov", "recurrence"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
                raise ValueError(f"{name} must be a positive number, got {value!r}")


def swing_period(series: NDArray[np.float64], dt: float) -> float:
    """Mean time between successive peaks of a series (NaN with fewer than two peaks).

    A peak is a local maximum in the upper half of the series' range, so a small bump while a
    mode is weak does not halve the period.

    Parameters
    ----------
    series : ndarray, shape (T,)
    dt : float
        Time between points.

    Returns
    -------
    float

    Examples
    --------
    >>> t = np.arange(0, 100, 0.1)
    >>> round(swing_period(np.sin(2 * np.pi * t / 12.5), 0.1), 2)
    12.5
    """
    peaks = _peaks(series)
    if len(peaks) < 2:
        return float("nan")
    return float(np.mean(np.diff(peaks)) * dt)


def repeat_time(tail: NDArray[np.float64], dt: float,
                criterion: Criterion | None = None) -> float:
    """Time after which a cycling tail's whole state repeats (NaN if it is not seen to repeat).

    The lag ``L`` of the cycling test (the fewest peaks of the widest strength after which the
    state comes back, at every ``L``-th peak across the tail) times the mean peak spacing
    (:func:`swing_period`). For a plain rotation ``L`` is 1; a cycle of two or three swings of
    different sizes has ``L`` 2 or 3, and its peak spacing alone would be a half or a third of
    its repeat time.

    Parameters
    ----------
    tail : ndarray, shape (T,) or (T, k)
        The observed series over the tail (for the model: the three active strengths).
    dt : float
        Time between points.
    criterion : Criterion, optional
        Its ``recurrence`` sets how close the state must come back.

    Returns
    -------
    float

    Examples
    --------
    >>> t = np.arange(0, 100, 0.1)
    >>> one = 0.5 + 0.3 * np.sin(2 * np.pi * t / 15)
    >>> two = np.c_[one, 0.5 + 0.2 * np.sin(2 * np.pi * t / 30)]  # big, small, big, ... swings
    >>> round(swing_period(one, 0.1), 1), round(repeat_time(two, 0.1), 1)
    (15.0, 30.0)
    """
    crit = Criterion() if criterion is None else criterion
    z = np.asarray(tail, dtype=float)
    z = z[:, None] if z.ndim == 1 else z
    ranges = np.ptp(z, axis=0)
    widest = int(np.argmax(ranges))
    lag = _recurrence_lag(z, float(ranges.max()), widest, crit)
    return lag * swing_period(z[:, widest], dt) if lag else float("nan")


def classify_regime(tail: NDArray[np.float64], lyapunov: float,
                    criterion: Criterion | None = None) -> str:
    """Label one run's tail with its regime (the rule in the module docstring).

    Parameters
    ----------
    tail : ndarray, shape (T,) or (T, k)
        The observed series over the tail (for the model: the three active strengths).
    lyapunov : float
        Largest Lyapunov exponent per year over the same tail.
    criterion : Criterion, optional

    Returns
    -------
    str
        One of :data:`REGIMES`.

    Examples
    --------
    >>> t = np.arange(0, 100, 0.1)
    >>> classify_regime(0.5 + 0.001 * np.sin(t), -0.1)
    'settled'
    >>> classify_regime(0.5 + 0.2 * np.exp(-t / 30) * np.sin(t), -0.05)
    'damped'
    >>> classify_regime(0.5 + 0.2 * np.sin(t), 0.0)
    'cycling'
    >>> classify_regime(0.5 + 0.2 * np.sin(t), 0.3)
    'chaotic'
    >>> two = np.c_[0.5 + 0.2 * np.sin(t), 0.5 + 0.2 * np.sin(np.sqrt(2) * t)]
    >>> classify_regime(two, 0.0)  # swings of steady size that never return to a state
    'unresolved'
    """
    crit = Criterion() if criterion is None else criterion
    z = np.asarray(tail, dtype=float)
    z = z[:, :, None] if z.ndim == 2 else z[:, None, None]
    return str(_classify(z, np.asarray([lyapunov], dtype=float), crit)[0])


def _peaks(series: NDArray[np.float64]) -> NDArray[np.int64]:
    """Local maxima in the upper half of the series' range (a bump while a mode is low is no peak)."""
    z = np.asarray(series, dtype=float)
    peaks = np.flatnonzero((z[1:-1] > z[:-2]) & (z[1:-1] >= z[2:])) + 1
    return peaks[z[peaks] > z.min() + 0.5 * np.ptp(z)] if len(peaks) else peaks


def _recurrence_lag(z: NDArray[np.float64], amp: float, widest: int, crit: Criterion) -> int:
    """The fewest peaks ``L`` (1, 2 or 3) after which the whole state repeats, 0 if none.

    The state at the last peak (of the strength ``widest``) must come back, within
    ``recurrence * amp``, at the peak ``L`` before it *and* at every peak ``2L``, ``3L``, ...
    further back in the tail. A cycle of two or three swings has ``L`` 2 or 3: its repeat
    time is ``L`` peak spacings.
    """
    peaks = _peaks(z[:, widest])
    if len(peaks) < 3 or amp == 0:
        return 0
    last = z[peaks[-1]]
    tol = crit.recurrence * amp
    for lag in range(1, min(3, len(peaks) - 1) + 1):
        if np.all(np.abs(z[peaks[-1::-lag]] - last).max(axis=1) < tol):
            return lag
    return 0


def _swinging(z: NDArray[np.float64], amp: float, widest: int, crit: Criterion) -> str:
    """Cycling, damped or unresolved, for one swinging tail of shape (T, k).

    Cycling: :func:`_recurrence_lag` finds a lag, so the swings repeat across the whole tail,
    not only from one peak to the next (a slowly damped spiral passes the test between
    neighbouring peaks, not the one across the tail). A run that fails only the second test
    with swings smaller over the last third of the tail than over the first is damped;
    anything else is unresolved.
    """
    peaks = _peaks(z[:, widest])
    if len(peaks) < 3 or amp == 0:
        return "unresolved"
    last = z[peaks[-1]]
    gaps = np.abs(z[peaks[-4:-1]] - last).max(axis=1)  # lags 3, 2, 1 (or fewer)
    if not np.min(gaps) < crit.recurrence * amp:
        return "unresolved"
    if _recurrence_lag(z, amp, widest, crit):
        return "cycling"
    third = max(1, len(z) // 3)
    shrinking = np.ptp(z[-third:, widest]) < np.ptp(z[:third, widest])
    return "damped" if shrinking else "unresolved"


def _dying(series: NDArray[np.float64], amp: float, crit: Criterion) -> bool:
    """Whether the swings of one strength die away across the tail, whatever their phase.

    A quieter last quarter alone cannot tell decay from the phase of a slow steady swing (a 60- to
    200-year sine has quiet and busy quarters). It can for a swing of period at most two fifths of
    the tail (peak spacing, :func:`swing_period`): every quarter then spans more than half a period
    plus a quarter, so a steady sine's quarter ranges differ by less than a third. For a slower swing
    (or one with fewer than two peaks), with three or more turning points (peaks and troughs) the
    last half-swing (from one turning point to the next) must be smaller than the first by more than
    ``recurrence * amp``; with fewer, the run must slow down from each quarter of the tail to the next
    (a relaxation to rest does; any sine of period up to twice the tail speeds up again within it).
    """
    z = np.asarray(series, dtype=float)
    peaks = _peaks(z)
    if len(peaks) >= 2 and 2.5 * np.mean(np.diff(peaks)) <= len(z) - 1:
        return True
    inner = z[1:-1]
    turns = np.flatnonzero(((inner > z[:-2]) & (inner >= z[2:])) | ((inner < z[:-2]) & (inner <= z[2:]))) + 1
    if len(turns) >= 3:
        swings = np.abs(np.diff(z[turns]))
        return bool(swings[-1] < swings[0] - crit.recurrence * amp)
    q = max(1, (len(z) - 1) // 4)
    speed = [np.abs(np.diff(z[k * q:(k + 1) * q + 1])).mean() for k in range(4)]
    return bool(np.all(np.diff(speed) < 0))


def _classify(z: NDArray[np.float64], lyapunov: NDArray[np.float64],
              crit: Criterion) -> NDArray[np.str_]:
    """The criterion on many tails at once: ``z`` of shape (T, k, n), one exponent per run."""
    q = max(1, len(z) // 4)
    ranges = np.ptp(z, axis=0)  # (k, n)
    amp = ranges.max(axis=0)
    widest = ranges.argmax(axis=0)
    first = np.ptp(z[:q], axis=0).max(axis=0)
    last = np.ptp(z[-q:], axis=0).max(axis=0)
    # damped needs an exponent at or below the chaos threshold, so the order of the two tests is irrelevant
    quieter = (last < crit.decay * first) & ~(lyapunov > crit.lyapunov)
    labels = np.select(
        [amp < crit.amplitude, quieter, lyapunov > crit.lyapunov],
        ["settled", "damped", "chaotic"], "swinging").astype("<U10")
    for k in np.flatnonzero(labels == "damped"):  # a quieter last quarter, from a slow steady swing's phase?
        if not _dying(z[:, int(widest[k]), k], float(amp[k]), crit):
            labels[k] = "swinging"
    for k in np.flatnonzero(labels == "swinging"):
        labels[k] = _swinging(z[:, :, k], float(amp[k]), int(widest[k]), crit)
    return labels


def largest_lyapunov(
    step: Callable[[list[Any]], list[Any]], state: list[Any], steps: int, dt: float, *,
    tail: int | None = None, d0: float = 1e-7, renorm: int = 10,
    observe: Callable[[list[Any]], None] | None = None,
) -> Any:
    """Largest Lyapunov exponent of a map by the two-trajectory (Benettin) method.

    Works on one state (floats) or on many at once (every variable an array, one entry per run).

    Parameters
    ----------
    step : callable
        Maps a state (a list of variables) to the next state. It is called on the runs and their
        copies together: every variable holds the runs first, then their copies (twice the
        length), so anything per run in ``step`` must be repeated twice.
    state : list
        Starting state.
    steps : int
        Steps to take in all.
    dt : float
        Time per step (the exponent is per unit of time).
    tail : int, optional
        Only the last ``tail`` steps count (default: all).
    d0 : float, default 1e-7
        Size of the separation, restored every ``renorm`` steps.
    renorm : int, default 10
    observe : callable, optional
        Called with every state of the main trajectory (not the copy), e.g. to keep it.

    Returns
    -------
    float or ndarray

    Examples
    --------
    >>> logistic = lambda s: [4.0 * s[0] * (1.0 - s[0])]
    >>> round(float(largest_lyapunov(logistic, [0.3], 20000, 1.0)), 1)  # ln 2 = 0.69
    0.7
    >>> round(float(largest_lyapunov(lambda s: [0.5 * s[0]], [0.3], 1000, 1.0)), 3)  # ln 0.5
    -0.693
    """
    tail = steps if tail is None else tail
    x = [np.atleast_1d(np.asarray(v, dtype=float)) for v in state]
    n = len(x[0])
    # the run and its copy travel together in one state of twice the length
    z = [np.concatenate([v, v]) for v in x]
    z[0][n:] += d0
    total = np.zeros(n)
    for k in range(1, steps + 1):
        z = step(z)
        if observe is not None:
            observe([v[:n] for v in z])
        if k % renorm == 0 or k == steps:
            diff = [v[n:] - v[:n] for v in z]
            d = np.sqrt(sum(v * v for v in diff))
            if k > steps - tail:
                total += np.log(np.maximum(d, 1e-300) / d0)
            dead = d == 0  # both copies clipped to the same boundary: restart the copy
            scale = np.where(dead, 0.0, d0 / np.where(dead, 1.0, d))
            for v, dv in zip(z, diff, strict=True):
                v[n:] = v[:n] + dv * scale
            z[0][n:] += np.where(dead, d0, 0.0)
    result = total / (tail * dt)
    return float(result[0]) if np.ndim(state[0]) == 0 else result


@dataclass(frozen=True, eq=False)
class RegimeMap:
    """Regimes of the mean-field model over a grid of two levers.

    Attributes
    ----------
    x_lever, y_lever : str
        The two levers (names in :data:`coordkit.models.dynamics.LEVER_SPECS`).
    x_values, y_values : ndarray
        Their values; rows of every grid follow ``y_values``, columns ``x_values``.
    regime : ndarray of str, shape (len(y_values), len(x_values))
    amplitude : ndarray
        Largest range of the active strengths over the tail.
    lyapunov : ndarray
        Largest Lyapunov exponent per year over the tail.
    period : ndarray
        Years: the repeat time (:func:`repeat_time`) of a cycling setting; the mean time
        between peaks of a damped or unresolved one (NaN elsewhere).
    confirmed : ndarray of bool
        Whether a run twice as long (the same tail length, read at its end) gets the same label
        (or, for a damped run, has settled, as damping predicts); where it does not, read the
        label as uncertain.
    symmetric : ndarray of bool
        Whether the run starts with two active modes exactly alike, under the same support and
        malign bias (a symmetry the rules cannot break): its label is an artefact of the start
        (see the module docstring).
    base : Levers
        The other levers.
    criterion : Criterion
    start : str
        The starting profile, in words (the map depends on it).
    years, dt : float
        Length of every run and the Euler step, in years (the map depends on both).
    """

    x_lever: str
    x_values: NDArray[np.float64]
    y_lever: str
    y_values: NDArray[np.float64]
    regime: NDArray[np.str_]
    amplitude: NDArray[np.float64]
    lyapunov: NDArray[np.float64]
    period: NDArray[np.float64]
    confirmed: NDArray[np.bool_]
    base: Levers
    criterion: Criterion
    symmetric: NDArray[np.bool_]
    start: str = "the archetype 'traditional public sector'"
    years: float = 200.0
    dt: float = 0.2

    @property
    def unconfirmed(self) -> int:
        """How many labels change when every run is twice as long."""
        return int(np.sum(~self.confirmed))

    @property
    def unstable_rest(self) -> int:
        """How many runs are "settled" with an exponent above the chaos threshold.

        Such a run rests on an unstable balance: a nudge would set it moving (typically a
        symmetric start; see :attr:`symmetric`).
        """
        return int(np.sum((self.regime == "settled") & (self.lyapunov > self.criterion.lyapunov)))

    def count(self, regime: str) -> int:
        """How many settings fall in one regime.

        Parameters
        ----------
        regime : str
            One of :data:`REGIMES`.

        Returns
        -------
        int
        """
        if regime not in REGIMES:
            raise ValueError(f"regime must be one of {', '.join(REGIMES)}, got {regime!r}")
        return int(np.sum(self.regime == regime))

    def fractions(self) -> dict[str, float]:
        """Share of the grid in each regime, in :data:`REGIMES` order.

        Returns
        -------
        dict of str to float
        """
        return {r: self.count(r) / self.regime.size for r in REGIMES}


def _check_lever(name: str) -> None:
    if name not in LEVER_SPECS:
        raise ValueError(f"lever must be one of {', '.join(LEVER_SPECS)}, got {name!r}")


def regime_map(
    x_lever: str,
    x_values: Sequence[float],
    y_lever: str,
    y_values: Sequence[float],
    base: Levers | None = None,
    initial: Profile | None = None,
    *,
    years: float = 200.0,
    dt: float = 0.2,
    rates: Rates | None = None,
    criterion: Criterion | None = None,
) -> RegimeMap:
    """Classify every setting of a two-lever grid as settled, damped, chaotic, cycling or unresolved.

    All settings run at once (vectorised), each with a twin for the Lyapunov exponent. Noise is
    switched off: regimes are a property of the deterministic rules.

    Parameters
    ----------
    x_lever, y_lever : str
        Names of two different levers of :class:`~coordkit.models.dynamics.Levers`.
    x_values, y_values : sequence of float
        Values of each, within the lever's range.
    base : Levers, optional
        The other levers (default :class:`Levers` ``()``, whose ``surprise`` is 0).
    initial : Profile, optional
        Starting point; default the archetype "traditional public sector" (strong hierarchy and
        solidarity, weak individualism), so the three modes do not start exactly alike.
    years : float, default 200
        Length of every run; must exceed ``criterion.tail_years``.
    dt : float, default 0.2
        Euler step in years.
    rates : Rates, optional
    criterion : Criterion, optional

    Returns
    -------
    RegimeMap

    Raises
    ------
    ValueError
        For an unknown lever, the same lever twice, a value out of range, or a run no longer than
        the tail (the message names it).
    """
    _check_lever(x_lever)
    _check_lever(y_lever)
    if x_lever == y_lever:
        raise ValueError(f"x_lever and y_lever must differ, got {x_lever!r} twice")
    crit = Criterion() if criterion is None else criterion
    base = Levers() if base is None else base
    base = base.replace(noise=0.0)
    xs, ys = np.asarray(x_values, dtype=float), np.asarray(y_values, dtype=float)
    settings = [base.replace(**{x_lever: float(xv), y_lever: float(yv)}) for yv in ys for xv in xs]
    regimes, amplitude, lyap, period, later, symmetric = _run_settings(
        settings, initial, years, dt, rates, crit, confirm=True)
    _warn_symmetric(symmetric, initial)
    shape = (len(ys), len(xs))
    return RegimeMap(
        x_lever=x_lever, x_values=xs, y_lever=y_lever, y_values=ys,
        regime=regimes.reshape(shape), amplitude=amplitude.reshape(shape),
        lyapunov=lyap.reshape(shape), period=period.reshape(shape),
        start=_start_name(initial), years=float(years), dt=float(dt),
        confirmed=((regimes == later) | ((regimes == "damped") & (later == "settled"))
                   ).reshape(shape), symmetric=symmetric.reshape(shape), base=base,
        criterion=crit,
    )


def _warn_symmetric(symmetric: NDArray[np.bool_], initial: Profile | None) -> None:
    if symmetric.any():
        warnings.warn(
            f"{int(symmetric.sum())} of {symmetric.size} runs from {_start_name(initial)} start with "
            "two modes exactly alike (a symmetry the rules cannot break): their labels are "
            "artefacts of the start. Tilt the start (by a thousandth is enough) and run again.",
            SymmetricStartWarning, stacklevel=3)


class SymmetricStartWarning(UserWarning):
    """Runs that keep two active modes exactly alike, so their regime labels are artefacts."""


def _start_name(initial: Profile | None) -> str:
    if initial is None:
        return "the archetype 'traditional public sector'"
    parts = ", ".join(f"{name} {getattr(initial, name):.2f}"
                      for name in ("hierarchy", "solidarity", "individualism", "fatalism"))
    return f"the profile {parts}"


def _run_settings(settings: Sequence[Levers], initial: Profile | None, years: float, dt: float,
                  rates: Rates | None, crit: Criterion, *, confirm: bool = False,
                  ) -> tuple[Any, Any, Any, Any, Any, Any]:
    """Regime, amplitude, Lyapunov exponent and period of every setting, run all at once.

    With ``confirm`` the runs carry on for as long again and the fifth item is the label read
    from the tail of the doubled run, with its own exponent (else None). The sixth says which
    runs start with two active modes exactly alike (see :func:`_symmetric`).
    """
    steps = _check_run(years, dt)
    tail = round(crit.tail_years / dt)
    if tail >= steps:
        raise ValueError(f"years ({years!r}) must exceed the criterion's tail_years "
                         f"({crit.tail_years!r})")
    settings = [s.replace(noise=0.0) for s in settings]
    if initial is None:
        from coordkit.archetypes import ARCHETYPES

        initial = ARCHETYPES["traditional public sector"]
    rates = Rates() if rates is None else rates
    c = _prepare(_lever_arrays(settings), rates, dt)
    twin = _prepare(_lever_arrays(settings + settings), rates, dt)
    n = len(settings)

    def run(state: list[Any], transient: int) -> list[Any]:
        for _ in range(transient):  # no twin needed
            state = _step(c, state, None)
        return state

    def strengths_of(kept: list[list[Any]]) -> Any:
        return np.array([[z[i] + z[i + 3] for i in range(3)] for z in kept])  # (T, 3, n)

    start = _initial_state(initial)
    state = run([np.full(n, v) for v in start], steps - tail)
    kept: list[list[Any]] = []
    lyap = largest_lyapunov(lambda z: _step(twin, z, None), state, tail, dt, observe=kept.append)
    strengths = strengths_of(kept)
    regimes = _classify(strengths, lyap, crit)
    later = None
    if confirm:  # as long again; the new tail is read afresh, with its own exponent
        state = run(kept[-1], steps - tail)
        again: list[list[Any]] = []
        lyap_again = largest_lyapunov(lambda z: _step(twin, z, None), state, tail, dt,
                                      observe=again.append)
        later = _classify(strengths_of(again), lyap_again, crit)
    symmetric = _symmetric(settings, start)
    amplitude = np.ptp(strengths, axis=0).max(axis=0)
    period = np.full(n, np.nan)
    swinging = np.flatnonzero(np.isin(regimes, ("damped", "cycling", "unresolved")))
    widest = np.argmax(np.ptp(strengths, axis=0), axis=0)
    for k in swinging:
        period[k] = (repeat_time(strengths[:, :, k], dt, crit) if regimes[k] == "cycling"
                     else swing_period(strengths[:, widest[k], k], dt))
    return regimes, amplitude, np.asarray(lyap, dtype=float), period, later, symmetric


def _symmetric(settings: Sequence[Levers], start: list[float]) -> NDArray[np.bool_]:
    """Settings whose start and levers treat two active modes exactly alike.

    The rules are the same for every active mode, so such a pair stays alike for ever.
    """
    lv = _lever_arrays(settings)
    alike = np.zeros(len(settings), dtype=bool)
    for i, j in ((0, 1), (0, 2), (1, 2)):
        if all(start[k + i] == start[k + j] for k in (0, 3, 7, 10)):
            alike |= ((lv["support"][i] == lv["support"][j])
                      & (lv["malign_bias"][i] == lv["malign_bias"][j]))
    return alike


def classify_settings(
    levers: Sequence[Levers],
    initial: Profile | None = None,
    *,
    years: float = 200.0,
    dt: float = 0.2,
    rates: Rates | None = None,
    criterion: Criterion | None = None,
) -> list[str]:
    """The regime of each of several lever settings (noise switched off), run all at once.

    Parameters
    ----------
    levers : sequence of Levers
    initial, years, dt, rates, criterion
        As for :func:`regime_map`.

    Returns
    -------
    list of str
        One of :data:`REGIMES` per setting, in order.

    Examples
    --------
    >>> classify_settings([Levers(), Levers(rivalry=2.0, surprise=2.0)])
    ['settled', 'cycling']
    """
    settings = list(levers)
    if not settings:
        return []
    if not all(isinstance(s, Levers) for s in settings):
        raise TypeError("levers must be a sequence of coordkit.models.dynamics.Levers")
    crit = Criterion() if criterion is None else criterion
    result = _run_settings(settings, initial, years, dt, rates, crit)
    _warn_symmetric(result[5], initial)
    return result[0].tolist()
