"""Reading runs of the fractal agent model: configurations by level, the verdict, sweeps, presets.

Companion to :mod:`coordkit.models.agents` (every name here is also importable from there):
:func:`configurations_by_level` and :func:`verdict` / :func:`fractal_verdict` say whether balance
carries across the levels of a run; :func:`sweep` runs one lever over a range and several random
seeds (like NetLogo's BehaviorSpace); the presets build the levers of the chapter's cases.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import TypeVar

import numpy as np
from numpy.typing import NDArray

from coordkit.configuration import EVEN_MIX, Kind, classify
from coordkit.models.agent_levers import LEVELS, AgentLevers, Structure
from coordkit.models.agents import AgentRun, simulate

__all__ = [
    "PRESETS",
    "balanced_counts",
    "balanced_nation_of_monocultures",
    "balanced_team_in_monoculture",
    "configurations_by_level",
    "fractal_balance",
    "fractal_verdict",
    "is_even_mix",
    "monoculture_threshold",
    "suppressed_monocultures",
    "sweep",
    "verdict",
]

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
    (['evenly mixed'], 4)
    """
    run = _check_run(run)
    return {level: list(names) for level, names in _configurations(run, run.step_index(step))}


@lru_cache(maxsize=4)
def _configurations(run: AgentRun, step: int) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Cached classification (keyed on the run's identity and a non-negative step)."""
    return tuple((level, tuple(classify(run.profile(level, u, step)).name
                               for u in range(run.structure.count(level)))) for level in LEVELS)


#: The names an evenly mixed unit can carry: an agent unit's profile is a mix of shares
#: (:meth:`~coordkit.models.agents.AgentRun.profile`), so it is named
#: :data:`~coordkit.configuration.EVEN_MIX`; "balanced" is accepted too, for names written by hand.
_EVEN = frozenset({EVEN_MIX, Kind.BALANCED.value})


def is_even_mix(name: str) -> bool:
    """Whether a configuration name is the kit's evenly mixed (three-form, despair in check) state.

    >>> is_even_mix(classify(simulate(Structure(1, 2, 2, 4), steps=50, seed=0).profile()).name)
    True
    >>> is_even_mix("hierarchy monoculture")
    False
    """
    return name in _EVEN


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
    return {level: (sum(is_even_mix(n) for n in units), len(units))
            for level, units in configurations.items()}


def fractal_verdict(run: AgentRun, *, step: int = -1) -> str:
    """Whether an even mix carries across the levels of a run, in one sentence.

    The sentence reports what the model shows (does an even mix at one level go with an even mix at
    the others?), a question of the kit's own. It is not a test of Taylor's (2022) fractal idea, that
    his account of the national system holds for local systems, providers and teams as well.

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
    'Evenly mixed at every level: here an even mix carries across the levels.'
    >>> s = Structure(2, 2, 3, 5)
    >>> fractal_verdict(simulate(s, balanced_nation_of_monocultures(s), steps=100, seed=0))
    'An evenly mixed nation built of monoculture teams: an even mix does not carry across levels here.'
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
    1 evenly mixed provider inside a system that is not (hierarchy monoculture): an even mix
    does not carry across levels here.
    >>> verdict({"team": [h, h], "provider": [h], "ics": [h], "nation": [h]})
    'Unevenly mixed at every level (nation: hierarchy monoculture).'
    >>> print(verdict({"team": [b, b, b, h], "provider": [b, h], "ics": [b], "nation": [b]}))
    ... # doctest: +NORMALIZE_WHITESPACE
    An evenly mixed nation, but 1 of 4 teams is not evenly mixed and 1 of 2 providers is not evenly mixed:
    here an even mix carries across levels only roughly.
    """
    counts = balanced_counts(configurations)
    teams_ok, teams = counts["team"]
    nation = configurations["nation"][0]
    below = [lv for lv in ("ics", "provider", "team") if lv in counts]
    if all(ok == n for ok, n in counts.values()):
        return "Evenly mixed at every level: here an even mix carries across the levels."
    if is_even_mix(nation):
        middle = [lv for lv in below if lv != "team" and counts[lv][0] < counts[lv][1]]
        middle_text = " and ".join(
            f"{counts[lv][1] - counts[lv][0]} of {_units(lv, counts[lv][1])}" for lv in middle)
        if teams_ok * 2 < teams:
            tail = f" ({middle_text} not evenly mixed either)" if middle else ""
            uneven = [c for c in configurations["team"] if not is_even_mix(c)]
            kind = "monoculture" if all(c.endswith("monoculture") for c in uneven) else "unevenly mixed"
            return (f"An evenly mixed nation built of {kind} teams{tail}: an even mix does not "
                    "carry across levels here.")
        parts = [f"{counts[lv][1] - counts[lv][0]} of {_units(lv, counts[lv][1])} "
                 f"{'is' if counts[lv][1] - counts[lv][0] == 1 else 'are'} not evenly mixed"
                 for lv in ("team", *reversed(middle))
                 if counts[lv][0] < counts[lv][1]]
        return (f"An evenly mixed nation, but {' and '.join(parts)}: here an even mix carries "
                "across levels only roughly.")
    balanced = [lv for lv in below if counts[lv][0]]
    if balanced:
        words = " and ".join(
            f"{counts[lv][0]} evenly mixed {_SINGULAR[lv] if counts[lv][0] == 1 else _PLURAL[lv]}"
            for lv in balanced)
        return (f"{words} inside a system that is not ({nation}): an even mix does not carry "
                "across levels here.")
    return f"Unevenly mixed at every level (nation: {nation})."


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


def monoculture_threshold(
    structure: Structure,
    levers: AgentLevers,
    values: Sequence[float],
    seeds: Sequence[int],
    *,
    lever: str = "suppression",
    steps: int = 200,
) -> tuple[float, NDArray[np.float64]]:
    """The lever value past which most teams are labelled monocultures, and the share at each value.

    The label is read from shares (:func:`configurations_by_level`), so a team called a
    monoculture can still be fairly even: report evenness beside it.

    Parameters
    ----------
    structure : Structure
    levers : AgentLevers
        The other levers.
    values : sequence of float
        Values of ``lever``, in increasing order.
    seeds : sequence of int
        One run per seed at every value.
    lever : str, default "suppression"
        Name of a numeric lever.
    steps : int, default 200

    Returns
    -------
    threshold : float
        The smallest value at which the median share of monoculture teams (over the seeds) is at
        least a half (the kit's reading of "most teams"); NaN if there is none.
    shares : ndarray, shape (values, seeds)
        Share of teams labelled a monoculture at the end of each run.

    Examples
    --------
    >>> t, shares = monoculture_threshold(Structure(1, 2, 4, 5), AgentLevers(), [0.0, 5.0], [0],
    ...                                   steps=100)
    >>> t, shares.tolist()
    (5.0, [[0.0], [1.0]])
    """
    specs = AgentLevers.specs()
    if lever not in specs:
        raise ValueError(f"lever must be one of {', '.join(specs)}, got {lever!r}")
    values, seeds = [float(v) for v in values], list(seeds)
    if values != sorted(values):
        raise ValueError(f"values must be in increasing order, got {values!r}")
    shares = np.empty((len(values), len(seeds)))
    for i, value in enumerate(values):
        setting = levers.replace(**{lever: value})
        for j, seed in enumerate(seeds):
            teams = configurations_by_level(simulate(structure, setting, steps=steps,
                                                     seed=int(seed)))["team"]
            shares[i, j] = np.mean([name.endswith("monoculture") for name in teams])
    most = np.flatnonzero(np.median(shares, axis=1) >= 0.5)
    return (values[int(most[0])] if len(most) else float("nan")), shares


# ----- presets: where balance carries across levels and where it does not -------------------------


_F = TypeVar("_F", bound=Callable[..., AgentLevers])

_UNIFORM_PRESET = """Parameters
    ----------
    structure : Structure, optional
        Unused (every lever is uniform); accepted for symmetry with the other presets.

    Returns
    -------
    AgentLevers"""


def _uniform_preset(preset: _F) -> _F:
    """Give a preset whose levers are the same for every team the shared Parameters/Returns text."""
    preset.__doc__ = (preset.__doc__ or "").replace("{uniform_preset}", _UNIFORM_PRESET)
    return preset


@_uniform_preset
def fractal_balance(structure: Structure | None = None) -> AgentLevers:
    """Levers under which every level is balanced: balance carrying across the levels.

    Moderate, even pressure from every level, a little team autonomy, mild reverse effects.

    {uniform_preset}

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
                       autonomy=tuple(autonomy.tolist()))


@_uniform_preset
def suppressed_monocultures(structure: Structure | None = None) -> AgentLevers:
    """Levers under which dominant modes suppress the weak forms: monoculture teams that last.

    The default levers (with central targets shielded by devolution, so hierarchy gets less
    push than the other modes) with ``suppression`` at 5. Small
    random differences between teams are amplified until each team is a monoculture of one mode
    or another; the teams keep their monocultures from then on.

    {uniform_preset}

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

