r"""Mean-field dynamics of the four modes under policy levers: a teaching model.

This is a **teaching model**: an illustrative toy that turns the dynamic claims of coordination
theory into a handful of equations a learner can run, question and change. It is not calibrated to
any data, its rates are round numbers chosen to make the mechanisms visible on a scale of years,
and its outputs are not forecasts. Every run is deterministic given the levers and, when
``noise > 0``, the random seed.

What it represents
------------------
The whole system (a nation, an ICS, a provider or a team -- the model does not say which) is
described by seven numbers, each in [0, 1] (six more carry the surprise mechanism, below):

- :math:`b_i` and :math:`m_i`, the benign and malign parts of the strength of each active mode
  :math:`i \in \{H, S, I\}` (hierarchy, solidarity, individualism); the strength is
  :math:`s_i = b_i + m_i \le 1` and the malign share is :math:`m_i / s_i`;
- :math:`f`, the strength of fatalism.

Assumptions
-----------
1. Each active mode grows towards full strength at a rate set by the support it gets from policy
   (its *lever*) plus the legitimacy it draws from the failures of its rivals; growth slows as the
   mode saturates and is sapped by fatalism.
2. *Reverse effects*, after Hood (1995): the more weight on one mode, the faster its side effects
   grow. The kit writes them as Taylor's (2022) benign form turning malign (Hood has no
   benign/malign split): a mode's benign part drifts into its malign part at a small baseline
   rate plus a rate proportional to how far its share of active strength rises above one third.
   The form, the linear rate and the one-third threshold are the kit's.
3. *Mutual critique*: each mode draws legitimacy from the others' malign forms (malign growth in one
   feeds its critics' growth), and the benign strength of its rivals checks and reforms its own
   malign part -- as far as the mode is *responsive* to its critics (``responsiveness`` 1, the
   default: responsive, critics reform it; 0: unresponsive, critics gain support but change
   nothing, a *stalemate* in the kit's term). The word echoes the responsiveness Verweij et al.
   (2006) ask of each voice in a clumsy solution; this model does not represent clumsiness,
   which chapter 8 treats.
   *Renewal* (learning, candour, professional institutions) reforms malign parts too.
4. *Rivalry*: a mode whose share is above balance crowds out the modes weaker than it, in
   proportion to how far it exceeds both balance and them (the kit's assumption, a crowding-out
   rule, closest to Taylor's (2021c) claim that monocultures suppress the weak forms, the
   mechanism :mod:`coordkit.models.agents` calls suppression). Hood (1995) says the polar types
   repel each other, but predicts that dominance undermines itself; the lock-in this rule
   produces is, in this model by construction, the opposite of his prediction. At balance nobody
   is crowded, and two equally strong modes do not crowd each other, so at the default rivalry
   (1) a deficit culture (two strong, one weak) persists only on a knife edge (at rivalry 0.6 it
   survives a tilt of 0.1):
   :func:`tilted_starts` shows that with one mode unsupported, a start tilted by 0.001 towards
   one of the other two ends as a monoculture. The two-mode state is unstable.
   That knife edge is the rule's doing, and at odds with Taylor (2022), for whom deficit cultures
   are common: a reason to doubt the rule. With surprise off, at the default rivalry, the pull to
   balance makes a balanced mix the stable attractor: that is Taylor's (2022) case for balance
   built into the rules, the opposite of Hood's (1995) self-disequilibrium, which only surprise
   (assumption 7) lets the model show. With strong rivalry a hierarchy-heavy start locks into a
   monoculture instead (path dependence).
5. *Fatalism* is fed by malign forms and by demand exceeding capacity, and is relieved by benign
   active strength. It has two faces (Taylor, 2021b: fatalism "between wisdom and
   despair"). A share ``benign_fatalism`` of it is the benign face -- acceptance of limits,
   humility about prediction, resilience. What that face does is the kit's rule, not Taylor's: it
   neither saps the active modes nor cuts the outcome, and it dulls surprise (who expects less is
   less surprised). The rest, the malign face
   (resignation, learned helplessness), saps every active mode and cuts the outcome. By default
   all fatalism is malign, as in the kit's first version of this model.
6. The *outcome* (think: the system's capacity to improve and perform) needs all three benign
   modes together (a geometric mean, so the weakest drags it down), is reduced by fatalism, and is
   capped by capacity relative to demand: balance cannot make up for the shortfall.
7. *Surprise* (off by default, ``surprise`` = 0). Cultural theory makes surprise the engine of
   change: a way of life loses adherents when the world keeps failing to behave as it
   expects (Thompson, Ellis & Wildavsky, 1990, as summarised in secondary sources). Here each
   mode has an *allegiance*
   :math:`w_i` (the share of backing it commands; :math:`\sum w_i = 1`, even at the start) that
   scales its policy support to :math:`3 w_i u_i`. Adherents perceive each mode's failures
   (its malign fraction :math:`m_i / s_i`) after a lag of about ``surprise_delay`` years, and
   allegiance moves from the modes perceived to fail worse than average to the others, by a
   replicator-style rule, like the learning in Janssen & de Vries (1998). Making surprise respond
   to a mode's own malign share is the kit's choice: the model has no myths of nature. So backing
   flows to the mode seen to fail least, which in the swings is a weak one (never the strongest),
   whose little new growth has had no time to sour (the kit's choice, not a finding). A small
   drift back to even keeps every mode some backers. Restricting surprise to the three active
   modes is the kit's simplification too: in cultural theory any way of life, the fatalist's
   included, can be surprised. The reason: allegiance here scales *policy support*, and fatalism
   has no lever to support (Taylor (2022) asks that it be acknowledged and managed, not balanced
   with the others), while the failures and overload that might surprise people into it already
   feed it directly, and benign active strength relieves it (assumption 5).
8. Everything else (people, money, politics) is left out on purpose. History is not: the
   starting profile matters, and from a hierarchy-heavy start the default levers settle to a
   balance that still leans a little to hierarchy (rivalry makes the model path-dependent).

Where it settles and where it swings (in this model)
----------------------------------------------------
Without surprise every setting the kit has tried settles to a fixed point (the kit's tests run
300 random settings of every other lever, noise off: all settle). With surprise, two
things are needed for lasting swings, and :mod:`coordkit.models.regimes` maps them: strong
*rivalry* (on the 40 x 40 map of notebook 05, from about 0.4 to 1.1 upwards, lower for
stronger or slower surprise), which makes a dominant mode self-sustaining (the kit's
crowding-out rule, assumption 4), and enough *surprise* to erode a dominant mode's allegiance as
its reverse effects show. Then a monoculture rises, sours (its reverse effects take years to
build: that is the slow part), is deserted as its failures show, and a rival takes over: a swing
through the modes, one after another. The perception delay is not what makes the swings: with
the shortest delay (0.5 years) the model still cycles, faster; a longer delay slows the swings
without enlarging them (at rivalry 2 and surprise 2 the repeat time rises from about 18 to 48
years as the delay goes from 0.5 to 20, while the range of strengths stays about 0.75; the kit's
tests check both). On that map (rivalry 0 to 2,
surprise 0 to 3, from "traditional public sector") the settings labelled cycling repeat every
23 to 96 years (median 27), nine in ten of them within 42 (a cycle of two or three swings of
different sizes takes longer to repeat; computed there, and checked by the kit's tests). With weak
rivalry the pull to balance wins and surprise only adds damped swings that die away. This is a
property of the rules as written, not a finding about the NHS.

Equations
---------
With shares :math:`p_i = s_i / \sum_j s_j`, excess emphasis :math:`x_i = \max(0, 3 p_i - 1)`
(0 at or below balance, 2 for a pure monoculture), and unmet demand
:math:`O = \max(0, 1 - C/D)` for capacity :math:`C` and demand :math:`D`:

.. math::

    G_i &= \gamma \, (3 w_i u_i + \kappa L_i)(1 - s_i)(1 - (1 - \omega) f),
        \qquad L_i = \tfrac12 \textstyle\sum_{j \ne i} m_j \\
    R_i &= (\eta + r \kappa K_i) \, m_i, \qquad K_i = \tfrac12 \textstyle\sum_{j \ne i} b_j \\
    \ell_i &= \delta + \sigma (1 - \omega) f + \chi \textstyle\sum_{j \ne i} \max\bigl(0,\,
        3 p_j - \max(1, 3 p_i)\bigr) \\
    \dot b_i &= (1 - h_i) G_i - \rho (\beta + x_i) b_i + R_i - \ell_i b_i \\
    \dot m_i &= h_i G_i + \rho (\beta + x_i) b_i - R_i - \ell_i m_i \\
    \dot f &= \varphi (\bar m + O)(1 - f) - (\psi \bar b + \delta) f \\
    \dot e_i &= (m_i / s_i - e_i) / \tau, \qquad
    \dot w_i = \varsigma (1 - \omega f)\, w_i (\bar e - e_i) + \mu (\tfrac13 - w_i),
        \qquad \bar e = \textstyle\sum_j w_j e_j \\
    y &= (1 - O) \, (b_H b_S b_I)^{1/3} \, (1 - (1 - \omega) f)

where :math:`\bar b, \bar m` are the means over the three active modes. The levers
(:class:`Levers`) are the supports :math:`u_i`, malign biases :math:`h_i` (the share of new growth
that arrives malign, e.g. targets enforced by blame, incentives that invite gaming), the
reverse-effect strength :math:`\rho`, critique :math:`\kappa`, rivalry :math:`\chi`, renewal
:math:`\eta`, demand :math:`D`, capacity :math:`C`, noise, surprise :math:`\varsigma`, its delay
:math:`\tau`, responsiveness :math:`r` and the benign share of fatalism :math:`\omega`.
With :math:`\varsigma = 0` allegiance stays even (:math:`3 w_i = 1`), so the model is exactly the
equilibrium model of the kit's first version; so it is with :math:`r = 1` and :math:`\omega = 0`.
The fixed rates (:class:`Rates`) are growth :math:`\gamma`, erosion :math:`\delta`, baseline
drift :math:`\beta`, fatalism feed :math:`\varphi`, fatalism relief :math:`\psi`, sapping
:math:`\sigma` and allegiance mixing
:math:`\mu`.

The outcome can never exceed the ceiling :math:`\min(1, C/D)`, whatever the levers.

Numerics
--------
Explicit Euler with a fixed step ``dt`` (years); with ``noise > 0`` it is Euler-Maruyama with
multiplicative shocks :math:`\text{noise}\sqrt{dt}\,\xi\, b_i (1 - s_i)` on each benign part and
:math:`\text{noise}\sqrt{dt}\,\xi\, f(1-f)` on fatalism, :math:`\xi \sim N(0, 1)` drawn from a
seeded :class:`numpy.random.Generator`. After every step the state is projected back into range
(documented clipping): negative parts are set to 0, a mode whose strength exceeds 1 has both parts
scaled down to sum to 1, and fatalism is clipped to [0, 1]. With the default ``dt = 0.1`` the
clipping rarely binds; it guarantees the range for any lever values.

A single run uses plain Python floats (a 20-year run takes about a millisecond); :func:`sweep`
runs many lever settings at once with the very same code on numpy arrays.

Examples
--------
>>> from coordkit.configuration import classify
>>> balanced = simulate(Levers())
>>> classify(balanced.final_profile()).name
'balanced'
>>> pushed = simulate(Levers(support_hierarchy=1.0))
>>> classify(pushed.final_profile()).name
'hierarchy monoculture'
>>> bool(pushed.malign_share[-1] > balanced.malign_share[-1])
True
>>> squeezed = simulate(Levers(demand=1.5, capacity=1.0))
>>> bool(squeezed.outcome.max() <= squeezed.ceiling)
True

With surprise, weak rivalry still settles (after damped swings); strong rivalry keeps swinging:

>>> from coordkit.archetypes import ARCHETYPES
>>> start = ARCHETYPES["traditional public sector"]
>>> simulate(Levers(surprise=2.0, rivalry=0.5), start, years=300).settled()
True
>>> simulate(Levers(surprise=2.0, rivalry=2.0), start, years=300).settled()
False
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from numbers import Real
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from coordkit.balance import EvennessMethod, evenness
from coordkit.models.dynamics_levers import LEVER_SPECS, Levers, LeverSpec, Rates
from coordkit.modes import ACTIVE_MODES, Mode
from coordkit.profile import Profile

if TYPE_CHECKING:  # pandas is imported lazily
    import pandas as pd

__all__ = [
    "DEFAULT_INITIAL",
    "LEVER_SPECS",
    "LeverSpec",
    "Levers",
    "Rates",
    "Trajectory",
    "simulate",
    "simulate_many",
    "sweep",
    "tilted_starts",
]

#: The starting point when none is given: middling, even, wholly benign, a little fatalism.
DEFAULT_INITIAL = Profile(hierarchy=0.4, solidarity=0.4, individualism=0.4, fatalism=0.2)

_ACTIVE = tuple(m.value for m in ACTIVE_MODES)



# ----- the integrator -----------------------------------------------------------------------------
# Written with arithmetic and abs() only, so that the same code runs on Python floats (one run,
# fastest) and on numpy arrays with one entry per lever setting (a sweep).


def _relu(z: Any) -> Any:
    """max(0, z) for floats and arrays alike."""
    return (z + abs(z)) * 0.5


def _relu_array(z: Any) -> Any:
    """max(0, z) for arrays, in one operation (the same values as :func:`_relu`)."""
    return np.maximum(z, 0.0)


def _clip01(z: Any) -> Any:
    """min(1, max(0, z)) for floats and arrays alike."""
    return (abs(z) - abs(z - 1.0) + 1.0) * 0.5


def _prepare(lv: dict[str, Any], rates: Rates, dt: float) -> dict[str, Any]:
    """The constants of a run, once: levers (floats or arrays), rates and the step."""
    vector = isinstance(lv["rivalry"], np.ndarray)
    return {
        "relu": _relu_array if vector else _relu,
        "u": lv["support"], "h": lv["malign_bias"], "rho": lv["reverse_effect"],
        "kappa": lv["critique"], "chi": lv["rivalry"], "eta": lv["renewal"],
        "resp": lv["responsiveness"], "omega": lv["benign_fatalism"],
        "gain": lv["surprise"], "lag": 1.0 / lv["surprise_delay"],
        "surprise": bool(np.any(lv["surprise"] > 0)),
        "overload": _relu(1.0 - lv["capacity"] / lv["demand"]),
        "amp": lv["noise"] * math.sqrt(dt), "dt": dt,
        "gamma": rates.growth, "delta": rates.erosion, "beta": rates.baseline_drift,
        "phi": rates.fatalism_feed, "psi": rates.fatalism_relief, "sap": rates.sapping,
        "mix": rates.allegiance_mixing,
    }


def _step(c: dict[str, Any], state: Sequence[Any], shock: Any) -> list[Any]:
    """One Euler(-Maruyama) step of the state (b, m, f, allegiance w, perceived failure e)."""
    dt, relu = c["dt"], c["relu"]
    u, h, kappa, omega = c["u"], c["h"], c["kappa"], c["omega"]
    b, m, f, w, e = state[0:3], state[3:6], state[6], state[7:10], state[10:13]
    s = [b[0] + m[0], b[1] + m[1], b[2] + m[2]]
    inv = 3.0 / (s[0] + s[1] + s[2] + 1e-12)
    p = [s[0] * inv, s[1] * inv, s[2] * inv]  # three times the shares
    x = [relu(p[0] - 1.0), relu(p[1] - 1.0), relu(p[2] - 1.0)]
    floor = [1.0 + x[0], 1.0 + x[1], 1.0 + x[2]]  # max(1, p_i)
    gap = [relu(p[1] - floor[0]) + relu(p[2] - floor[0]),
           relu(p[0] - floor[1]) + relu(p[2] - floor[1]),
           relu(p[0] - floor[2]) + relu(p[1] - floor[2])]
    bsum = b[0] + b[1] + b[2]
    msum = m[0] + m[1] + m[2]
    harm = (1.0 - omega) * f  # only fatalism's malign face saps and costs
    keep = 1.0 - harm
    base_loss = c["delta"] + c["sap"] * harm
    # surprise: failures (malign fractions) are perceived after a lag; allegiance leaves the
    # modes perceived to fail worst, replicator-style; benign fatalism (humility about
    # prediction) dulls the surprise
    lag = c["lag"]
    ne = [e[i] + dt * lag * (m[i] / (s[i] + 1e-12) - e[i]) for i in range(3)]
    if c["surprise"]:
        mean_fail = w[0] * e[0] + w[1] * e[1] + w[2] * e[2]
        felt = c["gain"] * (1.0 - omega * f)
        mix = c["mix"]
        nw = [relu(w[i] + dt * (felt * w[i] * (mean_fail - e[i]) + mix * (1.0 / 3.0 - w[i])))
              for i in range(3)]
        wsum = nw[0] + nw[1] + nw[2]
        nw = [nw[0] / wsum, nw[1] / wsum, nw[2] / wsum]
        push = [u[0] * (3.0 * w[0]), u[1] * (3.0 * w[1]), u[2] * (3.0 * w[2])]
    else:  # allegiance stays even, and support is as set
        nw, push = list(w), u
    nb, nm = [], []
    for i in range(3):
        grow = c["gamma"] * (push[i] + kappa * 0.5 * (msum - m[i])) * (1.0 - s[i]) * keep
        drift = c["rho"] * (c["beta"] + x[i]) * b[i]
        reform = (c["eta"] + c["resp"] * kappa * 0.5 * (bsum - b[i])) * m[i]
        loss = base_loss + c["chi"] * gap[i]
        bi = b[i] + dt * ((1.0 - h[i]) * grow - drift + reform - loss * b[i])
        mi = m[i] + dt * (h[i] * grow + drift - reform - loss * m[i])
        if shock is not None:
            bi = bi + c["amp"] * shock[i] * b[i] * (1.0 - s[i])
        nb.append(relu(bi))
        nm.append(relu(mi))
    room = 1.0 - f
    df = c["phi"] * (msum / 3.0 + c["overload"]) * room - (c["psi"] * bsum / 3.0 + c["delta"]) * f
    f = f + dt * df
    if shock is not None:
        f = f + c["amp"] * shock[3] * f * room
    f = _clip01(f)
    out = []
    for i in range(3):
        si = nb[i] + nm[i]
        scale = 2.0 / (1.0 + si + abs(si - 1.0))  # 1 / max(1, si)
        out.append(nb[i] * scale)
    for i in range(3):
        si = nb[i] + nm[i]
        out.append(nm[i] * 2.0 / (1.0 + si + abs(si - 1.0)))
    return [*out, f, *nw, *ne]


def _integrate(
    lv: dict[str, Any], rates: Rates, state: list[Any], steps: int, dt: float,
    shocks: Any,
) -> list[tuple[Any, ...]]:
    """Euler(-Maruyama) steps; one row (bH, bS, bI, mH, mS, mI, f, wH, wS, wI) per time point."""
    c = _prepare(lv, rates, dt)
    rows = [tuple(state)]
    for step in range(steps):
        state = _step(c, state, None if shocks is None else shocks[step])
        rows.append(tuple(state))
    return rows


# ----- results ------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Trajectory:
    r"""One run of the mean-field model: the state at every time point.

    Attributes
    ----------
    levers : Levers
        The levers of the run.
    rates : Rates
        The fixed rates of the run.
    time : ndarray, shape (T,)
        Years since the start.
    benign, malign : ndarray, shape (T, 3)
        Benign and malign parts of hierarchy, solidarity and individualism.
    fatalism : ndarray, shape (T,)
        Fatalism strength.
    outcome : ndarray, shape (T,)
        The outcome :math:`y`, never above :attr:`ceiling`.
    ceiling : float
        :math:`\min(1, C/D)`.
    allegiance : ndarray, shape (T, 3)
        Allegiance :math:`w_i` of each active mode (all 1/3 when surprise is off).
    perceived_failure : ndarray, shape (T, 3)
        Perceived failure :math:`e_i`, the lagged malign fraction.
    """

    levers: Levers
    rates: Rates
    time: NDArray[np.float64]
    benign: NDArray[np.float64]
    malign: NDArray[np.float64]
    fatalism: NDArray[np.float64]
    outcome: NDArray[np.float64]
    ceiling: float
    allegiance: NDArray[np.float64] | None = None
    perceived_failure: NDArray[np.float64] | None = None

    @property
    def strength(self) -> NDArray[np.float64]:
        """Strength of each active mode, shape (T, 3)."""
        return self.benign + self.malign

    @property
    def effective_support(self) -> NDArray[np.float64]:
        """Policy support after surprise, :math:`3 w_i u_i`, shape (T, 3).

        Examples
        --------
        >>> simulate(Levers(), years=1).effective_support[-1].tolist()
        [0.5, 0.5, 0.5]
        """
        w = np.full_like(self.benign, 1 / 3) if self.allegiance is None else self.allegiance
        return 3.0 * w * np.asarray(self.levers.support)

    @property
    def malign_fraction(self) -> NDArray[np.float64]:
        """Malign share of each active mode, shape (T, 3) (0 where a mode has no strength)."""
        s = self.strength
        return np.divide(self.malign, s, out=np.zeros_like(s), where=s > 0)

    @property
    def malign_share(self) -> NDArray[np.float64]:
        """Strength-weighted malign share of all active strength, shape (T,)."""
        total = self.strength.sum(axis=1)
        m = self.malign.sum(axis=1)
        return np.divide(m, total, out=np.zeros_like(total), where=total > 0)

    def evenness(self, method: EvennessMethod = "pielou") -> NDArray[np.float64]:
        """Evenness of the benign strengths over time, shape (T,) (0 where all are zero).

        Parameters
        ----------
        method : {"pielou", "simpson", "centroid", "minmax"}
            Index passed to :func:`coordkit.balance.evenness`.

        Returns
        -------
        ndarray
        """
        b = self.benign
        alive = b.sum(axis=1) > 0
        e = np.zeros(len(b))
        if alive.any():
            e[alive] = evenness(b[alive], method)
        return e

    def balance(self, method: EvennessMethod = "pielou") -> NDArray[np.float64]:
        """The kit's balance index over time, shape (T,).

        Same formula as :func:`coordkit.balance.balance_index`: evenness of the benign
        strengths x their mean x (1 - despair), where despair is fatalism x its malign share
        (``1 - levers.benign_fatalism``).

        Parameters
        ----------
        method : {"pielou", "simpson", "centroid", "minmax"}
            Evenness index.

        Returns
        -------
        ndarray

        Examples
        --------
        >>> from coordkit.balance import balance_index
        >>> run = simulate(Levers(), years=5)
        >>> bool(np.isclose(run.balance()[-1], balance_index(run.final_profile())))
        True
        >>> wise = simulate(Levers(benign_fatalism=0.5), years=5)
        >>> bool(np.isclose(wise.balance()[-1], balance_index(wise.final_profile())))
        True
        """
        despair = self.fatalism * (1.0 - self.levers.benign_fatalism)
        return self.evenness(method) * self.benign.mean(axis=1) * (1.0 - despair)

    def profile_at(self, index: int) -> Profile:
        """The state at one time point as a :class:`~coordkit.profile.Profile`.

        Fatalism's malign share is ``1 - levers.benign_fatalism`` (all malign by default).

        Parameters
        ----------
        index : int
            Position in :attr:`time` (negative counts from the end).

        Returns
        -------
        Profile
        """
        s = np.clip(self.strength[index], 0.0, 1.0)
        mf = np.clip(self.malign_fraction[index], 0.0, 1.0)
        despair = 1.0 - self.levers.benign_fatalism  # fatalism's malign share
        return Profile.from_strengths(
            [*s.tolist(), float(np.clip(self.fatalism[index], 0.0, 1.0))], [*mf.tolist(), despair]
        )

    def final_profile(self) -> Profile:
        """The state at the end of the run as a :class:`~coordkit.profile.Profile`.

        Returns
        -------
        Profile

        Examples
        --------
        >>> simulate(Levers(support_individualism=0.0)).final_profile().individualism < 0.5
        True
        """
        return self.profile_at(-1)

    def settled(self, *, tol: float = 1e-3, years: float = 2.0) -> bool:
        """Whether every variable moved less than ``tol`` per year over the last ``years``.

        A quick local test of benign, malign and fatalism only (not allegiance): a slow, small
        swing can pass it. The regime criterion is
        :func:`~coordkit.models.regimes.classify_settings`.

        Parameters
        ----------
        tol : float, default 1e-3
            Largest allowed change per year.
        years : float, default 2
            Length of the window at the end of the run.

        Returns
        -------
        bool

        Examples
        --------
        >>> simulate(Levers(), years=40).settled()
        True
        """
        dt = float(self.time[1] - self.time[0]) if len(self.time) > 1 else 1.0
        n = max(1, min(len(self.time) - 1, round(years / dt)))
        state = np.column_stack([self.benign, self.malign, self.fatalism])
        window = state[-n - 1 :]
        return bool(np.max(np.abs(window - window[-1])) <= tol * n * dt)

    def summary(self) -> dict[str, float | str]:
        """End-of-run figures a learner or a scenario comparison needs.

        Returns
        -------
        dict
            ``configuration`` (name from :func:`coordkit.configuration.classify`), ``balance``,
            ``evenness``, ``strength`` (mean active), ``malign_share``, ``fatalism``, ``outcome``
            and ``ceiling``.

        Examples
        --------
        >>> simulate(Levers()).summary()["configuration"]
        'balanced'
        """
        from coordkit.configuration import classify

        return {
            "configuration": classify(self.final_profile()).name,
            "balance": float(self.balance()[-1]),
            "evenness": float(self.evenness()[-1]),
            "strength": float(self.strength[-1].mean()),
            "malign_share": float(self.malign_share[-1]),
            "fatalism": float(self.fatalism[-1]),
            "outcome": float(self.outcome[-1]),
            "ceiling": self.ceiling,
        }

    def to_frame(self) -> pd.DataFrame:
        """The run as a tidy (long) DataFrame.

        Returns
        -------
        pandas.DataFrame
            Columns ``time``, ``quantity`` (benign, malign, strength for each active mode;
            strength for fatalism; outcome and balance for the system), ``mode`` (a mode name, or
            ``"system"``) and ``value``.

        Examples
        --------
        >>> frame = simulate(Levers(), years=1).to_frame()
        >>> sorted(frame["quantity"].unique())
        ['balance', 'benign', 'malign', 'outcome', 'strength']
        """
        import pandas as pd

        t = self.time
        parts = []
        for q, arr in (("benign", self.benign), ("malign", self.malign),
                       ("strength", self.strength)):
            for j, mode in enumerate(_ACTIVE):
                parts.append(pd.DataFrame(
                    {"time": t, "quantity": q, "mode": mode, "value": arr[:, j]}))
        parts.append(pd.DataFrame({"time": t, "quantity": "strength",
                                   "mode": Mode.FATALISM.value, "value": self.fatalism}))
        parts.append(pd.DataFrame({"time": t, "quantity": "outcome", "mode": "system",
                                   "value": self.outcome}))
        parts.append(pd.DataFrame({"time": t, "quantity": "balance", "mode": "system",
                                   "value": self.balance()}))
        return pd.concat(parts, ignore_index=True)


# ----- running ------------------------------------------------------------------------------------


def _check_run(years: float, dt: float) -> int:
    if isinstance(years, bool) or not (isinstance(years, Real) and 0 < years <= 500):
        raise ValueError(f"years must be between 0 (exclusive) and 500, got {years!r}")
    if isinstance(dt, bool) or not (isinstance(dt, Real) and 0 < dt <= 0.25):
        raise ValueError(f"dt must be between 0 (exclusive) and 0.25 years, got {dt!r}")
    return max(1, round(years / dt))


def _initial_state(initial: Profile | None) -> list[float]:
    p = DEFAULT_INITIAL if initial is None else initial
    if not isinstance(p, Profile):
        raise TypeError(f"initial must be a coordkit Profile, got {type(p).__name__}")
    s, mf = p.active_strengths, p.malign
    return [*(si * (1 - mi) for si, mi in zip(s, mf, strict=True)),
            *(si * mi for si, mi in zip(s, mf, strict=True)), p.fatalism,
            1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0, *(float(mi) for mi in mf)]


def _outcome(benign: NDArray[np.float64], fatalism: NDArray[np.float64],
             ceiling: Any, benign_fatalism: Any = 0.0) -> NDArray[np.float64]:
    y = np.cbrt(np.prod(benign, axis=-1)) * (1.0 - (1.0 - benign_fatalism) * fatalism) * ceiling
    return np.minimum(y, ceiling)


def simulate(
    levers: Levers | None = None,
    initial: Profile | None = None,
    *,
    years: float = 20.0,
    dt: float = 0.1,
    seed: int | np.random.Generator | None = None,
    rates: Rates | None = None,
) -> Trajectory:
    """Run the mean-field teaching model for one lever setting.

    Parameters
    ----------
    levers : Levers, optional
        Policy levers; defaults to :class:`Levers` ``()`` (even support, matched demand).
    initial : Profile, optional
        Starting strengths and malign shares; defaults to :data:`DEFAULT_INITIAL`.
    years : float, default 20
        Length of the run, in (0, 500].
    dt : float, default 0.1
        Euler step in years, in (0, 0.25].
    seed : int or numpy.random.Generator, optional
        Seed for the shocks; only used when ``levers.noise > 0``.
    rates : Rates, optional
        Fixed rates; defaults to :class:`Rates` ``()``.

    Returns
    -------
    Trajectory
        ``round(years / dt) + 1`` time points.

    Raises
    ------
    ValueError
        If ``years`` or ``dt`` is out of range (the message gives the range).

    Examples
    --------
    >>> run = simulate(Levers(demand=2.0), years=10)
    >>> float(run.time[-1]), run.ceiling
    (10.0, 0.5)
    >>> bool(run.fatalism[-1] > simulate(Levers(), years=10).fatalism[-1])
    True
    """
    levers = Levers() if levers is None else levers
    rates = Rates() if rates is None else rates
    steps = _check_run(years, dt)
    state = _initial_state(initial)
    lv: dict[str, Any] = levers.to_dict()
    lv["support"], lv["malign_bias"] = levers.support, levers.malign_bias
    shocks = None
    if levers.noise > 0:
        shocks = np.random.default_rng(seed).standard_normal((steps, 4)).tolist()
    rows = np.array(_integrate(lv, rates, state, steps, dt, shocks))
    return _trajectory(levers, rates, rows, steps, dt)


def _trajectory(levers: Levers, rates: Rates, rows: NDArray[np.float64], steps: int,
                dt: float) -> Trajectory:
    benign, malign, fatalism = rows[:, 0:3], rows[:, 3:6], rows[:, 6]
    ceiling = levers.ceiling
    return Trajectory(
        levers=levers,
        rates=rates,
        time=np.arange(steps + 1, dtype=np.float64) * dt,
        benign=benign,
        malign=malign,
        fatalism=fatalism,
        outcome=_outcome(benign, fatalism, ceiling, levers.benign_fatalism),
        ceiling=ceiling,
        allegiance=rows[:, 7:10],
        perceived_failure=rows[:, 10:13],
    )


def _lever_arrays(settings: Sequence[Levers]) -> dict[str, Any]:
    """Every lever as an array with one entry per setting (for the vectorised integrator)."""
    lv: dict[str, Any] = {
        name: np.array([getattr(s, name) for s in settings]) for name in LEVER_SPECS
    }
    lv["support"] = [lv[f"support_{m}"] for m in _ACTIVE]
    lv["malign_bias"] = [lv[f"malign_bias_{m}"] for m in _ACTIVE]
    return lv


def simulate_many(
    levers: Sequence[Levers],
    initial: Profile | None = None,
    *,
    years: float = 20.0,
    dt: float = 0.1,
    seed: int | np.random.Generator | None = None,
    rates: Rates | None = None,
) -> list[Trajectory]:
    """Run many lever settings at once (vectorised).

    In the kit a *sweep* means varying one lever over a range of values (as
    :func:`coordkit.models.agents.sweep` and :func:`coordkit.plots.dynamics.plot_sweep` do); this
    function is the batch runner underneath one. ``sweep`` is kept as an alias of it for older
    code. Gives the same trajectories as calling :func:`simulate` for each setting when there is no
    noise; with noise, each setting gets its own shocks from the one seeded generator.

    Parameters
    ----------
    levers : sequence of Levers
        One lever setting per run.
    initial : Profile, optional
        Common starting point; defaults to :data:`DEFAULT_INITIAL`.
    years, dt, seed, rates
        As for :func:`simulate`.

    Returns
    -------
    list of Trajectory
        One per lever setting, in order.

    Examples
    --------
    >>> settings = [Levers(support_individualism=u) for u in (0.0, 0.25, 0.5)]
    >>> [round(r.final_profile().individualism, 2) for r in simulate_many(settings)]
    [0.07, 0.29, 0.79]
    """
    settings = list(levers)
    if not settings:
        return []
    rates = Rates() if rates is None else rates
    steps = _check_run(years, dt)
    n = len(settings)
    lv = _lever_arrays(settings)
    state = [np.full(n, v) for v in _initial_state(initial)]
    shocks = None
    if np.any(lv["noise"] > 0):
        shocks = np.random.default_rng(seed).standard_normal((steps, 4, n))
    rows = np.array(_integrate(lv, rates, state, steps, dt, shocks))  # (T, 7, n)
    return [_trajectory(s, rates, rows[:, :, k], steps, dt) for k, s in enumerate(settings)]


#: Older name of :func:`simulate_many`, kept so existing code and notebooks keep working.
sweep = simulate_many


def tilted_starts(
    levers: Levers,
    toward: str,
    away: str,
    tilts: Sequence[float],
    initial: Profile | None = None,
    *,
    years: float = 20.0,
) -> pd.DataFrame:
    """How the end state depends on a small tilt of the start between two modes.

    Each run starts from ``initial`` with ``toward`` raised and ``away`` lowered by the tilt
    (so their total is unchanged), under the same levers, and is labelled by its end
    configuration. A result that holds only at tilt 0 rests on an exactly even start.

    Parameters
    ----------
    levers : Levers
    toward, away : str
        Two different active modes, e.g. ``"solidarity"`` and ``"individualism"``.
    tilts : sequence of float
        Tilts to try (0 = the start as given); each must keep both strengths in [0, 1].
    initial : Profile, optional
        Default :data:`DEFAULT_INITIAL`.
    years : float, default 20

    Returns
    -------
    pandas.DataFrame
        One row per tilt: ``tilt``, ``configuration``, ``outcome`` (at the end of the run).

    Raises
    ------
    ValueError
        If a mode is not an active mode, the two are the same, or a tilt leaves [0, 1].

    Examples
    --------
    >>> t = tilted_starts(Levers(support_hierarchy=0.0), "solidarity", "individualism", [0, 0.001])
    >>> t["configuration"].tolist()
    ['deficit culture: weak hierarchy', 'solidarity monoculture']
    """
    import pandas as pd

    if toward not in _ACTIVE or away not in _ACTIVE or toward == away:
        raise ValueError(f"toward and away must be two different modes of {_ACTIVE}, got "
                         f"{toward!r} and {away!r}")
    base = DEFAULT_INITIAL if initial is None else initial
    rows = []
    for tilt in tilts:
        up, down = getattr(base, toward) + tilt, getattr(base, away) - tilt
        if not (0.0 <= up <= 1.0 and 0.0 <= down <= 1.0):
            raise ValueError(f"tilt {tilt!r} takes {toward} or {away} outside 0 to 1")
        run = simulate(levers, base.replace(**{toward: up, away: down}), years=years)
        rows.append({"tilt": float(tilt), "configuration": run.summary()["configuration"],
                     "outcome": round(float(run.outcome[-1]), 2)})
    return pd.DataFrame(rows)
