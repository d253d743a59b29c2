r"""A fractal agent-based model of the four modes: a teaching model.

This is a **teaching model**, illustrative and uncalibrated. Taylor (2022) calls his ideas
fractal: what he says of the national system holds, in his account, for local systems (ICSs and
places), for providers and for teams too, so at each of those levels success is likelier where the
three active forms are in balance. This model asks a question of the kit's own beside that one:
in this model, is a unit evenly mixed where the levels above and below it are? It
shows where it does and where it does not, and makes no predictions about the NHS.
Runs are deterministic under a seed.

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
(:mod:`coordkit.models.dynamics`) there is no devolution parameter at all: chapter 4's scenarios map
devolution onto its supports.

Assumptions
-----------
1. Staff are pulled towards their team's average mix (``conformity``), towards the disposition
   they started with (``individuality``), and by the levers that reach their team.
2. A team's ``autonomy`` :math:`a` splits the team's attention between its own leaning
   (:math:`a`) and the outside pressures (:math:`1 - a`). Left to itself a team leans to all
   three active modes equally unless ``leanings`` says otherwise: the kit's assumption, resting on
   a one-to-one pairing of Taylor's three motivations (which everyone has) with the three active
   modes. Taylor (2022) lists mastery, connectedness and autonomy beside the forms and links
   autonomy with individualism (one of the more benign aspects of its drive); pairing mastery with
   hierarchy and connectedness with solidarity is the kit's inference (see :mod:`coordkit.modes`).
3. Staff experience the modes as they are lived in their own team. A mode that dominates the team
   shows its malign side: reverse effects, after Hood (1995: side effects grow with emphasis),
   written as Taylor's (2022) benign turning malign; the one-third threshold and the linear form
   are the kit's. The more its share exceeds one third, the more malign experience it generates.
   In this model, by construction, this pulls teams back to an even mix; Hood predicts
   instability, not a return to balance (see :mod:`coordkit.models.dynamics`). Malign
   experience pushes staff towards the dominant mode's critics (the other two active modes)
   with weight ``voice`` and towards fatalism with weight ``1 - voice``.
4. *Suppression* (off by default): a mode that dominates a team also pulls its staff further
   towards itself, squeezing out the weak forms. Taylor (2021c) says monocultures suppress the
   weak forms; that this lets a monoculture sustain itself is the kit's mechanism, not his
   claim. It works against assumption 3: with ``suppression`` above about
   3 (for the default levers; :func:`~coordkit.models.agent_reading.monoculture_threshold`
   computes it, and it moves with the noise) the restoring force loses and the teams break
   into monocultures of different modes. Near the threshold the labels of single teams keep
   flipping; lasting monocultures are checked at suppression 5 (notebook 06).
5. Nothing else: no hiring, leaving, networks across teams, or learning from outcomes.

An evenly mixed nation of monoculture teams need not be a failure. It may be *specialisation*:
variety held by division of labour (the kit's extension of requisite variety to an organisation,
not a claim of Ashby's or of Thompson, Ellis & Wildavsky's), each team doing one kind of work in
one way while the provider or the ICS holds the variety (a surgical team run on command, a
community team on shared values, a commercial unit on enterprise). It may equally be a failure
that national averages hide. The model shows that the two look the same from above; it cannot
say which a real system is.

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
'Evenly mixed at every level: here an even mix carries across the levels.'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from coordkit.balance import EvennessMethod, evenness
from coordkit.models.agent_levers import (
    _MODE_NAMES,
    DEFAULT_INITIAL,
    LEVELS,
    AgentLevers,
    Structure,
    malign_response,
    suppression_pull,
    team_pressures,
)
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
    "is_even_mix",
    "malign_response",
    "monoculture_threshold",
    "simulate",
    "suppressed_monocultures",
    "suppression_pull",
    "sweep",
    "team_pressures",
    "verdict",
]

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

        The shares are read as divide-100 data (:meth:`Profile.from_shares`): the strongest active
        mode gets strength 1 and the others are relative to it, while fatalism's strength is its share
        of the whole (strong only above half). So the configuration describes the mix, not absolute
        strength: the kit's reading.

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
        ('evenly mixed', 'monoculture')
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



# The reading of runs, sweeps and presets live in coordkit.models.agent_reading (imported last: it
# builds on AgentRun and simulate above); re-exported so ``from coordkit.models.agents import X``
# keeps working.
from coordkit.models.agent_reading import (  # noqa: E402
    PRESETS,
    balanced_counts,
    balanced_nation_of_monocultures,
    balanced_team_in_monoculture,
    configurations_by_level,
    fractal_balance,
    fractal_verdict,
    is_even_mix,
    monoculture_threshold,
    suppressed_monocultures,
    sweep,
    verdict,
)
