r"""A fractal agent-based model of the four modes: a teaching model.

This is a **teaching model**, illustrative and uncalibrated. Taylor (2022) says the ideas are
*fractal*: they apply to "national systems, local systems (ICSs and places), providers and teams"
alike. That is a claim that the same questions can be asked at every level; it is not a claim
that balance at one level brings balance at the others. The model asks the second, stronger
question -- does balance carry across levels? -- and shows, in this model, where it does and where
it does not. It makes no predictions about the NHS. Runs are deterministic under a seed.

What it represents
------------------
Staff sit in teams, teams in providers, providers in integrated care systems (ICSs) and ICSs in a
nation; the sizes are parameters (:class:`Structure`). Each member of staff holds a *mix* over the
four modes -- a probability vector :math:`x_a = (x_H, x_S, x_I, x_F)` on the simplex -- read as how
far they lean to each way of getting things done. Each level has its lever (:class:`AgentLevers`):

=========== ======================= ==========================================================
level       lever                   pushes towards (a judgement, stated so it can be argued)
=========== ======================= ==========================================================
nation      ``central_targets``     hierarchy (targets, instructions, performance management)
ICS         ``devolution``          solidarity (place-based partnership), and it shields its
                                    providers from central targets; with
                                    ``devolution_hierarchy`` > 0 part of it arrives as the
                                    ICS's own hierarchy instead (local targets)
provider    ``incentives``          individualism (payment by results, competition)
team        ``autonomy``            the team's own ``leanings`` rather than outside pressure
all         ``overload``            fatalism (demand beyond capacity hits everyone)
=========== ======================= ==========================================================

Per-unit lever values are allowed (one value per ICS, provider or team), which is how balance is
kept from carrying across levels on purpose (see :func:`balanced_nation_of_monocultures` and
:func:`balanced_team_in_monoculture`).

*Devolution* means different things in different places. Here it is the kit's judgement that it
moves decisions to a place-based partnership (solidarity) and away from the centre's targets; in
practice devolution often *relocates* hierarchy to the ICS instead, which ``devolution_hierarchy``
represents (0 = all solidarity, the default; 1 = all local hierarchy). In the mean-field model
(:mod:`coordkit.models.dynamics`) there is no devolution lever at all: chapter 4's scenarios map
devolution onto its supports.

Assumptions
-----------
1. Staff are pulled towards their team's average mix (``conformity``), towards the disposition
   they started with (``individuality``), and by the levers that reach their team.
2. A team's ``autonomy`` :math:`a` splits the team's attention between its own leaning
   (:math:`a`) and the outside pressures (:math:`1 - a`). Left to itself a team leans to all
   three active modes equally -- the theory's premise that everyone has all three motivations --
   unless ``leanings`` says otherwise.
3. Staff experience the modes as they are lived in their own team. A mode that dominates the team
   shows its malign side (Hood's reverse effects): the more its share exceeds one third, the
   more malign experience it generates. Malign experience pushes staff towards the dominant
   mode's critics (the other two active modes) with weight ``voice`` and towards fatalism with
   weight ``1 - voice``.
4. *Suppression* (off by default): a mode that dominates a team also pulls its staff further
   towards itself, squeezing out the weak forms -- Taylor's account of how monocultures sustain
   themselves (RSA, April 2021). It works against assumption 3: with ``suppression`` above about
   4 (for the default levers) the restoring force loses, the teams break into
   monocultures of different modes, and those monocultures persist.
5. Nothing else: no hiring, leaving, networks across teams, or learning from outcomes.

A balanced nation of monoculture teams need not be a failure. It may be *specialisation*: requisite
variety achieved by division of labour, each team doing one kind of work in one way while the
provider or the ICS holds the variety (a surgical team run on command, a community team on shared
values, a commercial unit on enterprise). It may equally be a failure that national averages
hide. The model shows that the two look the same from above; it cannot say which a real system is.

Update rule
-----------
For team :math:`t` with mean mix :math:`n_t`, each source of influence :math:`j` has a mass
:math:`w_j \ge 0` and a direction :math:`d_j` on the simplex. With adaptation rate :math:`\alpha`,

.. math::

    x_a \leftarrow \frac{x_a + \alpha \sum_j w_j d_j}{1 + \alpha \sum_j w_j},
    \qquad
    x_a \leftarrow \frac{x_a \odot e^{\sigma \xi_a}}{\lVert x_a \odot e^{\sigma \xi_a} \rVert_1},
    \quad \xi_a \sim N(0, I_4)

a convex combination (so mixes stay on the simplex) followed by multiplicative noise. The sources:

- conformity: :math:`w = c`, :math:`d = n_t`; individuality: :math:`w = \iota`, :math:`d = x_a(0)`;
- leaning: :math:`w = a_t`, :math:`d = \ell_t`;
- central targets: :math:`w = (1 - a_t)\,T\,(1 - v_{ics})`, :math:`d = e_H`;
- devolution: :math:`w = (1 - a_t)\,v_{ics}`, :math:`d = e_S`;
  incentives: :math:`w = (1 - a_t)\,p_{prov}`, :math:`d = e_I`;
- overload: :math:`w = o`, :math:`d = e_F`;
- malign experience: with active shares :math:`q_k` of team :math:`t` and excess
  :math:`\epsilon_k = \max(0, 3 q_k - 1)/2 \in [0, 1]`, mode :math:`k` generates
  :math:`W_k = \rho\, n_{t,k}\, \epsilon_k`; each other active mode receives
  :math:`\text{voice} \cdot W_k / 2` and fatalism receives :math:`(1 - \text{voice})\, W_k`;
- suppression: mode :math:`k` also pulls towards itself, :math:`w = \varsigma\, n_{t,k}\,
  \epsilon_k`, :math:`d = e_k` (:func:`suppression_pull`); devolution's direction is
  :math:`(1 - \lambda) e_S + \lambda e_H` with :math:`\lambda` = ``devolution_hierarchy``.

Balance is measured at every level with :func:`coordkit.balance.evenness` on the mean active
shares of each unit (team, provider, ICS, nation), and every unit is classified with the kit's
configurations (:func:`configurations_by_level`); :func:`fractal_verdict` says in a sentence
whether balance carries across the levels of a run. :func:`sweep` runs the model over the values of one
lever and several seeds, like NetLogo's BehaviorSpace.

Examples
--------
>>> run = simulate(Structure(ics=2, providers=2, teams=3, staff=5), steps=50, seed=1)
>>> run.shares["team"].shape
(51, 12, 4)
>>> bool(run.balance("nation")[-1, 0] > 0.9)
True
>>> fractal_verdict(run)
'Balanced at every level: here balance carries across the levels.'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from coordkit.balance import EvennessMethod, evenness
from coordkit.configuration import Kind, classify
from coordkit.modes import ALL_MODES
from coordkit.params import Params, param
from coordkit.profile import Profile

if TYPE_CHECKING:  # pandas is imported lazily
    import pandas as pd

__all__ = [
    "DEFAULT_INITIAL",
    "LEVELS",
    "PRESETS",
    "AgentLevers",
    "AgentRun",
    "Structure",
    "balanced_counts",
    "balanced_nation_of_monocultures",
    "balanced_team_in_monoculture",
    "configurations_by_level",
    "fractal_balance",
    "fractal_verdict",
    "initial_mixes",
    "malign_response",
    "simulate",
    "suppressed_monocultures",
    "suppression_pull",
    "sweep",
    "team_pressures",
    "verdict",
]

#: The levels of the nested structure, from the smallest to the whole.
LEVELS: tuple[str, str, str, str] = ("team", "provider", "ics", "nation")

#: Mean starting mix when none is given: the three active modes even, a little fatalism.
DEFAULT_INITIAL = Profile(hierarchy=0.5, solidarity=0.5, individualism=0.5, fatalism=0.2)

_MODE_NAMES = tuple(m.value for m in ALL_MODES)


# ----- structure ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Structure:
    """Sizes of the nested structure: ICSs in the nation, providers per ICS, and so on.

    Parameters
    ----------
    ics : int, 1 to 1000, default 4
        Integrated care systems in the nation.
    providers : int, 1 to 1000, default 5
        Providers in each ICS.
    teams : int, 1 to 1000, default 10
        Teams in each provider.
    staff : int, 1 to 10000, default 10
        Staff in each team.

    Raises
    ------
    ValueError
        If a size is not a whole number in its range; the message names it.

    Examples
    --------
    >>> s = Structure(ics=2, providers=5, teams=10, staff=10)
    >>> s.n_agents, s.count("team"), s.count("provider")
    (1000, 100, 10)
    """

    ics: int = 4
    providers: int = 5
    teams: int = 10
    staff: int = 10

    def __post_init__(self) -> None:
        for name, high in (("ics", 1000), ("providers", 1000), ("teams", 1000),
                           ("staff", 10000)):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | np.integer) \
                    or not 1 <= value <= high:
                raise ValueError(f"{name} must be a whole number from 1 to {high}, got {value!r}")
            object.__setattr__(self, name, int(value))

    @property
    def n_agents(self) -> int:
        """Total staff."""
        return self.ics * self.providers * self.teams * self.staff

    def count(self, level: str) -> int:
        """Number of units at a level (``"team"``, ``"provider"``, ``"ics"``, ``"nation"``).

        Parameters
        ----------
        level : str
            One of :data:`LEVELS`.

        Returns
        -------
        int
        """
        counts = {
            "team": self.ics * self.providers * self.teams,
            "provider": self.ics * self.providers,
            "ics": self.ics,
            "nation": 1,
        }
        if level not in counts:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}, got {level!r}")
        return counts[level]

    def parent(self, level: str) -> NDArray[np.int64]:
        """For each unit at ``level``, the index of the unit one level up that contains it.

        Parameters
        ----------
        level : str
            ``"team"``, ``"provider"`` or ``"ics"``.

        Returns
        -------
        ndarray of int

        Examples
        --------
        >>> Structure(ics=2, providers=2, teams=2, staff=1).parent("team")
        array([0, 0, 1, 1, 2, 2, 3, 3])
        """
        per = {"team": self.teams, "provider": self.providers, "ics": self.ics}
        if level not in per:
            raise ValueError(f"level must be team, provider or ics, got {level!r}")
        return np.arange(self.count(level)) // per[level]


# ----- levers -------------------------------------------------------------------------------------

#: The level whose units a per-unit lever's values belong to (one value per ICS, provider, team).
_UNIT_LEVEL: dict[str, str] = {"devolution": "ics", "incentives": "provider", "autonomy": "team"}


def _lever(default: float, low: float, high: float, doc: str, *, label: str | None = None,
           per_unit: bool = False) -> Any:
    """One agent lever: :func:`coordkit.params.param` with the explorer's slider step."""
    return param(default, low, high, label=label, help=doc, per_unit=per_unit,
                 step=0.05 if high - low <= 1 else 0.1)


@dataclass(frozen=True)
class AgentLevers(Params):
    """Levers at each level of the fractal model (see the module docstring for the rules).

    ``devolution``, ``incentives`` and ``autonomy`` take one number for every unit at their level,
    or a sequence with one number per ICS, provider or team (checked against the
    :class:`Structure` when the model runs).

    Parameters
    ----------
    central_targets : float, 0 to 1, default 0.3
        Nation level: strength of central targets, pushing hierarchy.
    devolution : float or sequence, 0 to 1, default 0.3
        ICS level: devolution to systems, pushing solidarity; it also shields the ICS's providers
        from central targets (their reach is multiplied by ``1 - devolution``).
    incentives : float or sequence, 0 to 1, default 0.3
        Provider level: financial incentives and competition, pushing individualism.
    autonomy : float or sequence, 0 to 1, default 0.3
        Team level: how far the team follows its own leaning rather than outside pressure.
    leanings : sequence, optional
        Each team's own leaning over (H, S, I, F): one 4-vector for all teams, or one per team;
        normalised to sum to 1. Default: the three active modes equally.
    conformity : float, 0 to 2, default 1
        Pull of the team's average mix.
    individuality : float, 0 to 1, default 0.2
        Pull of each person's starting disposition.
    reverse_effect : float, 0 to 2, default 0.5
        How strongly a dominant mode is experienced as malign (Hood's reverse effects).
    voice : float, 0 to 1, default 0.7
        Share of malign experience that pushes staff to the critics (rest: to fatalism).
    overload : float, 0 to 1, default 0
        Demand beyond capacity, pushing everyone towards fatalism.
    rate : float, 0.01 to 1, default 0.2
        Adaptation rate per step.
    noise : float, 0 to 1, default 0.1
        Size of individual random shocks (0 = no shocks; starting mixes are still random).
    suppression : float, 0 to 10, default 0
        How strongly a mode that dominates a team pulls staff to itself, away from the team's
        weak forms (Taylor's monoculture mechanism; 0 = off, the default).
    devolution_hierarchy : float, 0 to 1, default 0
        Share of devolution's push that arrives as the ICS's own hierarchy (local targets and
        performance management) rather than as solidarity: devolution relocating hierarchy.

    Raises
    ------
    ValueError
        If a value is out of range; the message names the lever and its range.

    Examples
    --------
    >>> AgentLevers(incentives=[0.0, 1.0]).incentives
    (0.0, 1.0)
    >>> AgentLevers(voice=1.5)
    Traceback (most recent call last):
    ...
    ValueError: voice must be between 0 and 1, got 1.5
    >>> AgentLevers.specs()["voice"].low, AgentLevers.specs()["voice"].default
    (0.0, 0.7)
    """

    central_targets: float = _lever(0.3, 0.0, 1.0, "nation: central targets, pushing hierarchy")
    devolution: float | tuple[float, ...] = _lever(
        0.3, 0.0, 1.0, "ICS: devolution, pushing solidarity and shielding providers from central "
        "targets", per_unit=True)
    incentives: float | tuple[float, ...] = _lever(
        0.3, 0.0, 1.0, "provider: incentives, pushing individualism", per_unit=True)
    autonomy: float | tuple[float, ...] = _lever(
        0.3, 0.0, 1.0, "team: weight on the team's own leaning", label="Team autonomy",
        per_unit=True)
    leanings: tuple[tuple[float, float, float, float], ...] | None = None
    conformity: float = _lever(1.0, 0.0, 2.0, "pull of the team's average mix")
    individuality: float = _lever(0.2, 0.0, 1.0, "pull of each person's starting disposition")
    reverse_effect: float = _lever(0.5, 0.0, 2.0, "malign experience of a dominant mode (Hood)")
    voice: float = _lever(
        0.7, 0.0, 1.0, "share of malign experience that goes to critics, not fatalism")
    overload: float = _lever(0.0, 0.0, 1.0, "demand beyond capacity, pushing fatalism")
    rate: float = _lever(0.2, 0.01, 1.0, "adaptation rate per step", label="Adaptation rate")
    noise: float = _lever(0.1, 0.0, 1.0, "size of individual random shocks")
    suppression: float = _lever(
        0.0, 0.0, 10.0, "a team's dominant mode suppressing its weak forms (Taylor, RSA 2021)")
    devolution_hierarchy: float = _lever(
        0.0, 0.0, 1.0, "share of devolution that arrives as the ICS's own hierarchy, not "
        "solidarity", label="Local hierarchy")

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.leanings is not None:
            object.__setattr__(self, "leanings", _check_leanings(self.leanings))


def _check_leanings(value: Any) -> tuple[tuple[float, float, float, float], ...]:
    arr = np.asarray(value, dtype=float)
    if arr.ndim == 1:
        arr = arr[None, :]
    if arr.ndim != 2 or arr.shape[1] != 4:
        raise ValueError("leanings must be 4 numbers (H, S, I, F) or one such row per team")
    if not np.all(np.isfinite(arr)) or np.any(arr < 0) or np.any(arr.sum(axis=1) <= 0):
        raise ValueError("leanings must be non-negative numbers with a positive sum in each row")
    arr = arr / arr.sum(axis=1, keepdims=True)
    return tuple(tuple(row) for row in arr.tolist())


def _per_team(levers: AgentLevers, structure: Structure) -> dict[str, NDArray[np.float64]]:
    """Expand every lever to one value (or row) per team, checking per-unit lengths."""
    n_teams = structure.count("team")
    out: dict[str, NDArray[np.float64]] = {}
    for name in AgentLevers.specs():
        value = getattr(levers, name)
        if isinstance(value, tuple):
            level = _UNIT_LEVEL[name]
            count = structure.count(level)
            if len(value) != count:
                raise ValueError(
                    f"{name}: expected one number or {count} (one per {level}), got {len(value)}")
            arr = np.asarray(value)
            below = {"team": (), "provider": ("team",), "ics": ("provider", "team")}[level]
            for lower in below:  # expand down to one value per team
                arr = arr[structure.parent(lower)]
            out[name] = arr
        else:
            out[name] = np.full(n_teams, value)
    if levers.leanings is None:
        out["leanings"] = np.tile([1 / 3, 1 / 3, 1 / 3, 0.0], (n_teams, 1))
    else:
        lean = np.asarray(levers.leanings)
        if len(lean) not in (1, n_teams):
            raise ValueError(
                f"leanings: expected one row or {n_teams} (one per team), got {len(lean)}")
        out["leanings"] = np.broadcast_to(lean, (n_teams, 4)).copy()
    return out


def team_pressures(levers: AgentLevers, structure: Structure
                   ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    r"""The constant sources on each team: mass-weighted directions and total masses.

    Leaning, central targets, devolution, incentives and overload (conformity, individuality and
    malign experience change as the run goes on and are added at each step).

    Parameters
    ----------
    levers : AgentLevers
    structure : Structure

    Returns
    -------
    weighted : ndarray, shape (teams, 4)
        :math:`\sum_j w_j d_j` over the constant sources.
    mass : ndarray, shape (teams,)
        :math:`\sum_j w_j`.

    Examples
    --------
    >>> w, m = team_pressures(AgentLevers(autonomy=0, central_targets=1, devolution=0,
    ...                                   incentives=0), Structure(1, 1, 2, 1))
    >>> w.tolist(), m.tolist()
    ([[1.0, 0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0]], [1.0, 1.0])
    """
    p = _per_team(levers, structure)
    a, dev = p["autonomy"], p["devolution"]
    outside = 1.0 - a
    weighted = a[:, None] * p["leanings"]
    local = p["devolution_hierarchy"]
    weighted[:, 0] += outside * p["central_targets"] * (1.0 - dev) + outside * dev * local
    weighted[:, 1] += outside * dev * (1.0 - local)
    weighted[:, 2] += outside * p["incentives"]
    weighted[:, 3] += p["overload"]
    return weighted, weighted.sum(axis=1)


def malign_response(team_mix: NDArray[np.float64], reverse_effect: float, voice: float
                    ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    r"""Malign experience in each team, as mass-weighted directions and masses.

    Parameters
    ----------
    team_mix : ndarray, shape (teams, 4)
        Mean mix of each team.
    reverse_effect : float
        :math:`\rho`.
    voice : float
        Share of the response that goes to the critics rather than to fatalism.

    Returns
    -------
    weighted : ndarray, shape (teams, 4)
    mass : ndarray, shape (teams,)

    Examples
    --------
    >>> w, m = malign_response(np.array([[1.0, 0, 0, 0], [0.25, 0.25, 0.25, 0.25]]), 1.0, 0.5)
    >>> w.tolist(), m.tolist()
    ([[0.0, 0.25, 0.25, 0.5], [0.0, 0.0, 0.0, 0.0]], [1.0, 0.0])
    """
    active = team_mix[:, :3]
    total = active @ np.ones(3)
    # excess = max(0, 3 q - 1) / 2 with q = active / total (q = 1/3, no excess, if total is 0)
    excess = np.maximum(active * (1.5 / np.maximum(total, 1e-300))[:, None] - 0.5, 0.0)
    w = (reverse_effect * active) * excess
    wsum = w @ np.ones(3)
    weighted = np.empty_like(team_mix)
    np.multiply(np.subtract(wsum[:, None], w), voice * 0.5, out=weighted[:, :3])
    np.multiply(wsum, 1.0 - voice, out=weighted[:, 3])
    return weighted, wsum


def suppression_pull(team_mix: NDArray[np.float64], suppression: float
                     ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    r"""A dominant mode's pull on its team's staff, away from the weak forms.

    With the team's active shares :math:`q_k` and excess :math:`\epsilon_k = \max(0, 3 q_k - 1)/2`
    (as in :func:`malign_response`), mode :math:`k` pulls staff towards itself with mass
    :math:`S_k = \varsigma\, n_{t,k}\, \epsilon_k`. Only modes above one third pull, so a
    balanced team feels nothing and the pull grows as one mode takes over: a positive feedback
    against the restoring force of :func:`malign_response`.

    Parameters
    ----------
    team_mix : ndarray, shape (teams, 4)
        Mean mix of each team.
    suppression : float
        :math:`\varsigma`.

    Returns
    -------
    weighted : ndarray, shape (teams, 4)
    mass : ndarray, shape (teams,)

    Examples
    --------
    >>> w, m = suppression_pull(np.array([[1.0, 0, 0, 0], [0.25, 0.25, 0.25, 0.25]]), 1.0)
    >>> w.tolist(), m.tolist()
    ([[1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]], [1.0, 0.0])
    """
    active = team_mix[:, :3]
    total = active @ np.ones(3)
    excess = np.maximum(active * (1.5 / np.maximum(total, 1e-300))[:, None] - 0.5, 0.0)
    weighted = np.zeros_like(team_mix)
    weighted[:, :3] = (suppression * active) * excess
    return weighted, weighted[:, :3] @ np.ones(3)


# ----- results ------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class AgentRun:
    """One run of the fractal model.

    Attributes
    ----------
    structure : Structure
    levers : AgentLevers
    seed : int or None
        The seed given (``None`` if a generator or nothing was given).
    shares : dict of str to ndarray
        For each level in :data:`LEVELS`, the mean mix of every unit at every step,
        shape (steps + 1, units, 4), modes in H, S, I, F order.
    initial_mixes, final_mixes : ndarray, shape (agents, 4)
        Every agent's mix at the start and at the end. Agents are ordered team by team.
    """

    structure: Structure
    levers: AgentLevers
    seed: int | None
    shares: dict[str, NDArray[np.float64]]
    initial_mixes: NDArray[np.float64]
    final_mixes: NDArray[np.float64]

    @property
    def steps(self) -> int:
        """Number of steps run."""
        return len(self.shares["nation"]) - 1

    def step_index(self, step: int) -> int:
        """A time step as an index from 0 to :attr:`steps` (negative steps count from the end).

        Parameters
        ----------
        step : int
            From ``-(steps + 1)`` to ``steps``.

        Returns
        -------
        int

        Raises
        ------
        ValueError
            If the step is out of range (the message gives the range).

        Examples
        --------
        >>> run = simulate(Structure(1, 1, 2, 2), steps=5, seed=0)
        >>> run.step_index(-1), run.step_index(2)
        (5, 2)
        """
        n = self.steps + 1
        if isinstance(step, bool) or not isinstance(step, int | np.integer) or not -n <= step < n:
            raise ValueError(f"step must be between {-n} and {n - 1}, got {step!r}")
        return int(step) % n

    def balance(self, level: str, method: EvennessMethod = "pielou", *,
                step: int | None = None) -> NDArray[np.float64]:
        """Evenness of the active shares of every unit at a level, over time (or at one step).

        Parameters
        ----------
        level : str
            One of :data:`LEVELS`.
        method : {"pielou", "simpson", "centroid", "minmax"}
            Index passed to :func:`coordkit.balance.evenness`.
        step : int, optional
            Only this time step (negative counts from the end); default every step.

        Returns
        -------
        ndarray, shape (steps + 1, units), or (units,) with ``step``
            0 for a unit with no active strength at all.

        Examples
        --------
        >>> run = simulate(Structure(1, 1, 3, 4), steps=5, seed=0)
        >>> run.balance("team").shape, run.balance("team", step=-1).shape
        ((6, 3), (3,))
        """
        active = self._level(level)[..., :3]
        if step is not None:
            active = active[self.step_index(step)]
        alive = active.sum(axis=-1) > 0
        safe = np.where(alive[..., None], active, 1.0)
        return np.where(alive, evenness(safe, method), 0.0)

    def fatalism(self, level: str) -> NDArray[np.float64]:
        """Fatalism share of every unit at a level over time, shape (steps + 1, units).

        Parameters
        ----------
        level : str
            One of :data:`LEVELS`.

        Returns
        -------
        ndarray
        """
        return self._level(level)[..., 3]

    def level_balance(self, method: EvennessMethod = "pielou") -> NDArray[np.float64]:
        """Mean evenness across units at each level, over time.

        Parameters
        ----------
        method : {"pielou", "simpson", "centroid", "minmax"}
            Evenness index.

        Returns
        -------
        ndarray, shape (steps + 1, 4)
            Columns in :data:`LEVELS` order (team, provider, ics, nation).

        Examples
        --------
        >>> run = simulate(Structure(2, 2, 2, 5), steps=20, seed=0)
        >>> run.level_balance().shape
        (21, 4)
        """
        return np.column_stack([self.balance(level, method).mean(axis=1) for level in LEVELS])

    def profile(self, level: str = "nation", unit: int = 0, step: int = -1) -> Profile:
        """The mix of one unit as a :class:`~coordkit.profile.Profile`.

        The shares are read as divide-100 data (:meth:`Profile.from_shares`): the strongest mode
        gets strength 1 and the others are relative to it.

        Parameters
        ----------
        level : str, default "nation"
        unit : int, default 0
            Index of the unit at that level.
        step : int, default -1
            Time step (negative counts from the end).

        Returns
        -------
        Profile

        Examples
        --------
        >>> from coordkit.configuration import classify
        >>> run = simulate(Structure(2, 2, 3, 5), balanced_team_in_monoculture(
        ...     Structure(2, 2, 3, 5)), steps=150, seed=0)
        >>> classify(run.profile("team", 0)).name, classify(run.profile("nation")).kind.value
        ('balanced', 'monoculture')
        """
        mix = self._level(level)[step, unit]
        return Profile.from_shares(100.0 * mix / mix.sum(), tolerance=1e-6)

    def to_frame(self, levels: Sequence[str] = LEVELS,
                 method: EvennessMethod = "pielou") -> pd.DataFrame:
        """Unit mixes and balance over time as a tidy DataFrame, one row per unit per step.

        Parameters
        ----------
        levels : sequence of str, default all
            Levels to include.
        method : {"pielou", "simpson", "centroid", "minmax"}
            Evenness index for the ``evenness`` column.

        Returns
        -------
        pandas.DataFrame
            Columns ``step``, ``level``, ``unit``, ``hierarchy``, ``solidarity``,
            ``individualism``, ``fatalism`` (mean shares) and ``evenness``.

        Examples
        --------
        >>> frame = simulate(Structure(1, 2, 2, 3), steps=4, seed=0).to_frame()
        >>> frame.shape, list(frame.columns[:3])
        ((40, 8), ['step', 'level', 'unit'])
        """
        import pandas as pd

        parts = []
        for level in levels:
            arr = self._level(level)
            t, u, _ = arr.shape
            frame = pd.DataFrame(arr.reshape(t * u, 4), columns=list(_MODE_NAMES))
            frame.insert(0, "step", np.repeat(np.arange(t), u))
            frame.insert(1, "level", level)
            frame.insert(2, "unit", np.tile(np.arange(u), t))
            frame["evenness"] = self.balance(level, method).reshape(t * u)
            parts.append(frame)
        return pd.concat(parts, ignore_index=True)

    def _level(self, level: str) -> NDArray[np.float64]:
        if level not in self.shares:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}, got {level!r}")
        return self.shares[level]


# ----- running ------------------------------------------------------------------------------------


def initial_mixes(structure: Structure, initial: Profile | None, concentration: float,
                  rng: np.random.Generator) -> NDArray[np.float64]:
    """Draw every agent's starting mix from a Dirichlet distribution around ``initial``.

    Parameters
    ----------
    structure : Structure
    initial : Profile or None
        Its four strengths, normalised, give the mean mix (default :data:`DEFAULT_INITIAL`).
    concentration : float
        Dirichlet concentration: higher means starting mixes closer to the mean.
    rng : numpy.random.Generator

    Returns
    -------
    ndarray, shape (agents, 4)

    Examples
    --------
    >>> x = initial_mixes(Structure(1, 1, 1, 3), None, 20.0, np.random.default_rng(0))
    >>> x.shape, bool(np.allclose(x.sum(axis=1), 1))
    ((3, 4), True)
    """
    mean = _mean_mix(initial)
    return rng.dirichlet(concentration * mean, size=structure.n_agents)


def _mean_mix(initial: Profile | None) -> NDArray[np.float64]:
    p = DEFAULT_INITIAL if initial is None else initial
    if not isinstance(p, Profile):
        raise TypeError(f"initial must be a coordkit Profile, got {type(p).__name__}")
    s = np.asarray(p.strengths, dtype=float) + 1e-3  # every mode present, however faintly
    return s / s.sum()


def simulate(
    structure: Structure | None = None,
    levers: AgentLevers | None = None,
    *,
    steps: int = 200,
    initial: Profile | None = None,
    concentration: float = 20.0,
    seed: int | np.random.Generator | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> AgentRun:
    """Run the fractal agent-based teaching model.

    Parameters
    ----------
    structure : Structure, optional
        Sizes; default :class:`Structure` ``()`` (4 ICSs x 5 providers x 10 teams x 10 staff).
    levers : AgentLevers, optional
        Levers at each level; default :class:`AgentLevers` ``()``.
    steps : int, default 200
        Rounds of influence (think of a step as a month), 1 to 100,000.
    initial : Profile, optional
        Mean starting mix (its strengths normalised); default :data:`DEFAULT_INITIAL`.
    concentration : float, default 20
        Dirichlet concentration of the starting mixes around the mean, 0.1 to 10,000.
    seed : int or numpy.random.Generator, optional
        Seed for starting mixes and shocks; the same seed gives the same run.
    progress : callable, optional
        Called as ``progress(t, steps)`` after step ``t`` every ``max(1, steps // 50)`` steps
        and after the last step, e.g. to move a progress bar. It cannot change the run: the
        results are the same with or without it.

    Returns
    -------
    AgentRun

    Raises
    ------
    ValueError
        For out-of-range arguments or per-unit levers of the wrong length (the message names
        the parameter).
    TypeError
        If ``progress`` is given but is not callable.

    Examples
    --------
    >>> a = simulate(Structure(1, 2, 2, 4), steps=10, seed=3)
    >>> b = simulate(Structure(1, 2, 2, 4), steps=10, seed=3)
    >>> bool(np.array_equal(a.final_mixes, b.final_mixes))
    True
    >>> seen = []
    >>> run = simulate(Structure(1, 2, 2, 4), steps=120, seed=3,
    ...                progress=lambda t, total: seen.append(t))
    >>> seen[:3], seen[-2:]
    ([2, 4, 6], [118, 120])
    """
    structure = Structure() if structure is None else structure
    levers = AgentLevers() if levers is None else levers
    if isinstance(steps, bool) or not isinstance(steps, int | np.integer) \
            or not 1 <= steps <= 100_000:
        raise ValueError(f"steps must be a whole number from 1 to 100000, got {steps!r}")
    if not (isinstance(concentration, int | float) and 0.1 <= concentration <= 10_000):
        raise ValueError(f"concentration must be between 0.1 and 10000, got {concentration!r}")
    if progress is not None and not callable(progress):
        raise TypeError(f"progress must be a callable progress(t, steps), got {progress!r}")
    every = max(1, steps // 50)  # how often progress is reported
    rng = np.random.default_rng(seed)
    n_teams, staff = structure.count("team"), structure.staff

    base_w, base_m = team_pressures(levers, structure)
    c, ind, alpha = levers.conformity, levers.individuality, levers.rate
    rho, voice, sigma = levers.reverse_effect, levers.voice, levers.noise
    suppress = levers.suppression

    x0 = initial_mixes(structure, initial, concentration, rng).reshape(n_teams, staff, 4)
    x = x0.copy()
    teams = np.empty((steps + 1, n_teams, 4))
    mean_of_team = "tsk->tk"  # einsum: sum over the staff of each team (much faster than mean)
    np.einsum(mean_of_team, x, out=teams[0])
    teams[0] /= staff
    # Constant parts of the update: alpha * (constant sources + individuality * disposition),
    # per agent, and 1 + alpha * (their mass + conformity + individuality), per team.
    fixed_w = alpha * (base_w[:, None, :] + ind * x0)
    fixed_m = 1.0 + alpha * (base_m + c + ind)
    shock = np.empty_like(x)
    ones = np.ones(4)
    for t in range(1, steps + 1):
        team = teams[t - 1]
        mal_w, mal_m = malign_response(team, rho, voice)
        if suppress > 0:
            sup_w, sup_m = suppression_pull(team, suppress)
            mal_w, mal_m = mal_w + sup_w, mal_m + sup_m
        pull = alpha * (c * team + mal_w)
        x += fixed_w
        x += pull[:, None, :]
        x /= (fixed_m + alpha * mal_m)[:, None, None]
        if sigma > 0:
            rng.standard_normal(out=shock)
            shock *= sigma
            np.exp(shock, out=shock)
            x *= shock
            x /= (x @ ones)[..., None]
        np.einsum(mean_of_team, x, out=teams[t])
        teams[t] /= staff
        if progress is not None and (t % every == 0 or t == steps):
            progress(t, steps)

    # Higher levels are means of equal-sized units below, so they follow from the team history.
    providers = teams.reshape(steps + 1, -1, structure.teams, 4).mean(axis=2)
    ics = providers.reshape(steps + 1, -1, structure.providers, 4).mean(axis=2)
    hist = {"team": teams, "provider": providers, "ics": ics,
            "nation": ics.mean(axis=1, keepdims=True)}

    return AgentRun(
        structure=structure,
        levers=levers,
        seed=seed if isinstance(seed, int) else None,
        shares=hist,
        initial_mixes=x0.reshape(-1, 4),
        final_mixes=x.reshape(-1, 4),
    )


# ----- reading a run: configurations at every level and the verdict -------------------------------


def _check_run(run: object) -> AgentRun:
    if not isinstance(run, AgentRun):
        raise TypeError(f"run must be an AgentRun from coordkit.models.agents.simulate, "
                        f"got {type(run).__name__}")
    return run


def configurations_by_level(run: AgentRun, *, step: int = -1) -> dict[str, list[str]]:
    """The kit's configuration name for every unit at every level.

    Each unit's mean mix is read as divide-100 shares (:meth:`AgentRun.profile`) and classified
    with :func:`coordkit.configuration.classify`. Results are cached for the last few runs and
    steps, so a figure, its description and a widget summary can share them.

    Parameters
    ----------
    run : AgentRun
    step : int, default -1
        Time step (negative counts from the end).

    Returns
    -------
    dict of str to list of str
        For each level in :data:`LEVELS`, one name per unit (a fresh copy on every call).

    Raises
    ------
    TypeError
        If ``run`` is not an :class:`AgentRun`.
    ValueError
        If ``step`` is out of range.

    Examples
    --------
    >>> names = configurations_by_level(simulate(Structure(1, 2, 2, 4), steps=50, seed=0))
    >>> names["nation"], len(names["team"])
    (['balanced'], 4)
    """
    run = _check_run(run)
    return {level: list(names) for level, names in _configurations(run, run.step_index(step))}


@lru_cache(maxsize=4)
def _configurations(run: AgentRun, step: int) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Cached classification (keyed on the run's identity and a non-negative step)."""
    return tuple((level, tuple(classify(run.profile(level, u, step)).name
                               for u in range(run.structure.count(level)))) for level in LEVELS)


def balanced_counts(configurations: Mapping[str, Sequence[str]]) -> dict[str, tuple[int, int]]:
    """How many units at each level are classified balanced, out of how many.

    Parameters
    ----------
    configurations : mapping of str to sequence of str
        Configuration names by level, as from :func:`configurations_by_level`.

    Returns
    -------
    dict of str to (int, int)
        For each level, ``(balanced units, units)``.

    Examples
    --------
    >>> balanced_counts({"team": ["balanced", "hierarchy monoculture"], "nation": ["balanced"]})
    {'team': (1, 2), 'nation': (1, 1)}
    """
    return {level: (sum(n == Kind.BALANCED.value for n in units), len(units))
            for level, units in configurations.items()}


def fractal_verdict(run: AgentRun, *, step: int = -1) -> str:
    """Whether balance carries across the levels of a run, in one sentence.

    The sentence reports what the model shows (does balance at one level go with balance at the
    others?), not a test of Taylor's fractal claim, which is that the same questions apply at
    every level.

    Checks every level (see :func:`verdict`): balanced at every level, a balanced nation of
    unbalanced teams (fewer than half of them balanced), a balanced nation with some unbalanced
    units below it, balanced units (at any level) inside an unbalanced nation, or unbalanced at
    every level.

    Parameters
    ----------
    run : AgentRun
    step : int, default -1
        Time step (negative counts from the end).

    Returns
    -------
    str

    Examples
    --------
    >>> fractal_verdict(simulate(Structure(1, 2, 2, 4), fractal_balance(), steps=80, seed=0))
    'Balanced at every level: here balance carries across the levels.'
    >>> s = Structure(2, 2, 3, 5)
    >>> fractal_verdict(simulate(s, balanced_nation_of_monocultures(s), steps=100, seed=0))
    'A balanced nation built of unbalanced teams: balance does not carry across levels here.'
    """
    return verdict(configurations_by_level(run, step=step))


_PLURAL = {"team": "teams", "provider": "providers", "ics": "ICSs", "nation": "nations"}
_SINGULAR = {"team": "team", "provider": "provider", "ics": "ICS", "nation": "nation"}


def _units(level: str, n: int) -> str:
    return f"{n} {_SINGULAR[level] if n == 1 else _PLURAL[level]}"


def verdict(configurations: Mapping[str, Sequence[str]]) -> str:
    """The sentence of :func:`fractal_verdict`, from configuration names by level.

    Every level is checked, not only the nation and the teams: balanced units at any level
    inside an unbalanced nation are counted, and a balanced nation says which levels below it
    are not wholly balanced.

    Parameters
    ----------
    configurations : mapping of str to sequence of str
        Configuration names by level (``"team"``, ``"provider"``, ``"ics"``, ``"nation"``), as
        from :func:`configurations_by_level`.

    Returns
    -------
    str

    Examples
    --------
    >>> b, h = "balanced", "hierarchy monoculture"
    >>> print(verdict({"team": [h, h], "provider": [b, h], "ics": [h], "nation": [h]}))
    ... # doctest: +NORMALIZE_WHITESPACE
    1 balanced provider inside a system that is not (hierarchy monoculture): balance does not
    carry across levels here.
    >>> verdict({"team": [h, h], "provider": [h], "ics": [h], "nation": [h]})
    'Unbalanced at every level (nation: hierarchy monoculture).'
    >>> print(verdict({"team": [b, b, b, h], "provider": [b, h], "ics": [b], "nation": [b]}))
    ... # doctest: +NORMALIZE_WHITESPACE
    A balanced nation, but 1 of 4 teams is not balanced and 1 of 2 providers is not balanced:
    here balance carries across levels only roughly.
    """
    counts = balanced_counts(configurations)
    teams_ok, teams = counts["team"]
    nation = configurations["nation"][0]
    below = [lv for lv in ("ics", "provider", "team") if lv in counts]
    if all(ok == n for ok, n in counts.values()):
        return "Balanced at every level: here balance carries across the levels."
    if nation == Kind.BALANCED.value:
        middle = [lv for lv in below if lv != "team" and counts[lv][0] < counts[lv][1]]
        middle_text = " and ".join(
            f"{counts[lv][1] - counts[lv][0]} of {_units(lv, counts[lv][1])}" for lv in middle)
        if teams_ok * 2 < teams:
            tail = f" ({middle_text} not balanced either)" if middle else ""
            return (f"A balanced nation built of unbalanced teams{tail}: balance does not carry "
                    "across levels here.")
        parts = [f"{counts[lv][1] - counts[lv][0]} of {_units(lv, counts[lv][1])} "
                 f"{'is' if counts[lv][1] - counts[lv][0] == 1 else 'are'} not balanced"
                 for lv in ("team", *reversed(middle))
                 if counts[lv][0] < counts[lv][1]]
        return (f"A balanced nation, but {' and '.join(parts)}: here balance carries across "
                "levels only roughly.")
    balanced = [lv for lv in below if counts[lv][0]]
    if balanced:
        words = " and ".join(
            f"{counts[lv][0]} balanced {_SINGULAR[lv] if counts[lv][0] == 1 else _PLURAL[lv]}"
            for lv in balanced)
        return (f"{words} inside a system that is not ({nation}): balance does not carry across "
                "levels here.")
    return f"Unbalanced at every level (nation: {nation})."


# ----- a parameter sweep (like NetLogo's BehaviorSpace) --------------------------------------------


def sweep(
    structure: Structure,
    levers: AgentLevers,
    lever: str,
    values: Sequence[float],
    seeds: Sequence[int],
    *,
    steps: int = 200,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Run the model for each value of one lever and each seed (a BehaviorSpace sweep).

    Parameters
    ----------
    structure : Structure
    levers : AgentLevers
        The other levers; ``lever`` is replaced by each value in turn (a single number for every
        unit, even if ``levers`` held one value per unit).
    lever : str
        Name of a numeric lever (a key of :meth:`AgentLevers.specs`).
    values : sequence of float
        Values of the lever, each within its range.
    seeds : sequence of int
        One run per seed at every value.
    steps : int, default 200
        Steps of every run.
    progress : callable, optional
        Called as ``progress(done, total)`` after every run (``total`` runs in all).

    Returns
    -------
    balance : ndarray, shape (values, seeds, 4)
        Mean evenness at each level (team, provider, ICS, nation) at the end of each run, as
        :meth:`AgentRun.level_balance` ``()[-1]``.
    fatalism : ndarray, shape (values, seeds)
        The nation's fatalism share at the end of each run.

    Raises
    ------
    ValueError
        For an unknown lever, or a value out of its range (the message names it).

    Examples
    --------
    >>> b, f = sweep(Structure(1, 2, 2, 3), AgentLevers(), "overload", [0.0, 0.5], [0, 1],
    ...              steps=30)
    >>> b.shape, f.shape, bool(f[1].mean() > f[0].mean())
    ((2, 2, 4), (2, 2), True)
    """
    specs = AgentLevers.specs()
    if lever not in specs:
        raise ValueError(f"lever must be one of {', '.join(specs)}, got {lever!r}")
    if progress is not None and not callable(progress):
        raise TypeError(f"progress must be a callable progress(done, total), got {progress!r}")
    values, seeds = list(values), list(seeds)
    balance = np.empty((len(values), len(seeds), len(LEVELS)))
    fatalism = np.empty((len(values), len(seeds)))
    total, done = len(values) * len(seeds), 0
    for i, value in enumerate(values):
        setting = levers.replace(**{lever: float(value)})
        for j, seed in enumerate(seeds):
            run = simulate(structure, setting, steps=steps, seed=int(seed))
            balance[i, j] = [run.balance(level, step=-1).mean() for level in LEVELS]
            fatalism[i, j] = run.fatalism("nation")[-1, 0]
            done += 1
            if progress is not None:
                progress(done, total)
    return balance, fatalism


# ----- presets: where balance carries across levels and where it does not -------------------------


def fractal_balance(structure: Structure | None = None) -> AgentLevers:
    """Levers under which every level is balanced: balance carrying across the levels.

    Moderate, even pressure from every level, a little team autonomy, mild reverse effects.

    Parameters
    ----------
    structure : Structure, optional
        Unused (every lever is uniform); accepted for symmetry with the other presets.

    Returns
    -------
    AgentLevers

    Examples
    --------
    >>> run = simulate(Structure(2, 2, 3, 5), fractal_balance(), steps=150, seed=0)
    >>> bool(run.balance("team")[-1].min() > 0.9 and run.balance("nation")[-1, 0] > 0.95)
    True
    """
    return AgentLevers(central_targets=0.5, devolution=0.3, incentives=0.3, autonomy=0.3)


def balanced_nation_of_monocultures(structure: Structure | None = None) -> AgentLevers:
    """Levers that build a balanced nation out of monoculture teams (balance not carrying across).

    No pressure from above; every team is fully autonomous and leans wholly to one active mode,
    the teams taking hierarchy, solidarity and individualism in turn. Averaged up, providers, ICSs
    and the nation look balanced; no team is.

    Parameters
    ----------
    structure : Structure, optional
        Gives the number of teams (default :class:`Structure` ``()``).

    Returns
    -------
    AgentLevers

    Examples
    --------
    >>> s = Structure(2, 2, 3, 5)
    >>> run = simulate(s, balanced_nation_of_monocultures(s), steps=150, seed=0)
    >>> bool(run.balance("team")[-1].max() < 0.8 and run.balance("nation")[-1, 0] > 0.95)
    True
    """
    structure = Structure() if structure is None else structure
    n = structure.count("team")
    pure = np.eye(4)[np.arange(n) % 3]
    return AgentLevers(central_targets=0.0, devolution=0.0, incentives=0.0, autonomy=1.0,
                       leanings=pure.tolist())


def balanced_team_in_monoculture(structure: Structure | None = None,
                                 team: int = 0) -> AgentLevers:
    """Levers that leave one balanced team inside a hierarchy monoculture.

    Central targets at full strength, no devolution or incentives, no autonomy -- except for one
    team that is fully autonomous and leans to all three active modes equally.

    Parameters
    ----------
    structure : Structure, optional
        Gives the number of teams (default :class:`Structure` ``()``).
    team : int, default 0
        Index of the balanced team.

    Returns
    -------
    AgentLevers

    Raises
    ------
    ValueError
        If ``team`` is not a valid team index.
    """
    structure = Structure() if structure is None else structure
    n = structure.count("team")
    if not 0 <= team < n:
        raise ValueError(f"team must be between 0 and {n - 1}, got {team!r}")
    autonomy = np.zeros(n)
    autonomy[team] = 1.0
    return AgentLevers(central_targets=1.0, devolution=0.0, incentives=0.0,
                       autonomy=autonomy.tolist())


def suppressed_monocultures(structure: Structure | None = None) -> AgentLevers:
    """Levers under which dominant modes suppress the weak forms: monoculture teams that last.

    The default levers (with central targets shielded by devolution, so hierarchy gets less
    push than the other modes) with ``suppression`` at 5. Small
    random differences between teams are amplified until each team is a monoculture of one mode
    or another; the teams keep their monocultures from then on.

    Parameters
    ----------
    structure : Structure, optional
        Unused (every lever is uniform); accepted for symmetry with the other presets.

    Returns
    -------
    AgentLevers

    Examples
    --------
    >>> s = Structure(2, 2, 5, 8)
    >>> run = simulate(s, suppressed_monocultures(s), steps=300, seed=0)
    >>> names = configurations_by_level(run)["team"]
    >>> sum("monoculture" in name for name in names), len(names)
    (20, 20)
    """
    return AgentLevers(suppression=5.0)


#: The fractal presets by name: each takes a :class:`Structure` and returns :class:`AgentLevers`.
PRESETS: dict[str, Callable[[Structure | None], AgentLevers]] = {
    "fractal balance": fractal_balance,
    "balanced nation of monoculture teams": balanced_nation_of_monocultures,
    "balanced team in a monoculture system": balanced_team_in_monoculture,
    "monoculture teams by suppression": suppressed_monocultures,
}

