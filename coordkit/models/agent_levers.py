"""The fractal agent model's structure, levers and team-level rules (see :mod:`coordkit.models.agents`).

The nested structure (:class:`Structure`), the levers at each level (:class:`AgentLevers`, on
:mod:`coordkit.params`) and the pure rules that turn a team's mix and the levers into pulls
(:func:`team_pressures`, :func:`malign_response`, :func:`suppression_pull`). Every name here is
also importable from :mod:`coordkit.models.agents`, where the model is documented in full.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from coordkit.modes import ALL_MODES
from coordkit.params import Params, param
from coordkit.profile import Profile

__all__ = [
    "DEFAULT_INITIAL",
    "LEVELS",
    "AgentLevers",
    "Structure",
    "malign_response",
    "suppression_pull",
    "team_pressures",
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
        How strongly a dominant mode is experienced as malign (reverse effects after Hood; the
        one-third threshold is the kit's).
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
    reverse_effect: float = _lever(0.5, 0.0, 2.0, "malign experience of a dominant mode (after Hood)")
    voice: float = _lever(
        0.7, 0.0, 1.0, "share of malign experience that goes to critics, not fatalism")
    overload: float = _lever(0.0, 0.0, 1.0, "demand beyond capacity, pushing fatalism")
    rate: float = _lever(0.2, 0.01, 1.0, "adaptation rate per step", label="Adaptation rate")
    noise: float = _lever(0.1, 0.0, 1.0, "size of individual random shocks")
    suppression: float = _lever(
        0.0, 0.0, 10.0, "a team's dominant mode suppressing its weak forms (Taylor, 2021c)")
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


