"""The fractal agent-based model written again with Mesa, as the benchmark peer.

Same rules as :mod:`coordkit.models.agents` (see its docstring), written the way a Mesa user
would: every member of staff is a :class:`mesa.Agent` holding its own mix; teams, providers and
ICSs are plain Python objects that know their members and their levers; each step the teams
compute their norms and malign experience, then every agent works out its next mix
(``shuffle_do("step")``) and all agents switch to it together (``do("advance")``), which is the
synchronous update of the numpy version. Nation-level shares are kept in a list each step, like
the numpy version's history (a Mesa DataCollector would be slower still).

This file re-implements the rules from the docstring rather than calling the numpy code, so that
the benchmark checks two independent implementations against each other. It shares only the
parameter containers (:class:`~coordkit.models.agents.Structure`,
:class:`~coordkit.models.agents.AgentLevers`). Random numbers come from the model's own seeded
generator in a different order, so runs match in distribution, not draw for draw.

Mesa is a benchmark extra, not a runtime dependency: import this module only where Mesa is
installed (written for the Mesa 3 API: ``Agent(model)``, ``model.agents``, ``Model(seed=...)``).
"""

from __future__ import annotations

import mesa
import numpy as np

from coordkit.models.agents import DEFAULT_INITIAL, AgentLevers, Structure
from coordkit.profile import Profile


def _at(value: float | tuple[float, ...], index: int) -> float:
    """A lever's value for the unit with this index (a single number applies to every unit)."""
    return value[index] if isinstance(value, tuple) else value


class Team:
    """A team: its members, its levers, and each step its norm and malign experience."""

    def __init__(self, model: FractalModel, autonomy: float, leaning: np.ndarray,
                 central: float, devolution: float, incentives: float) -> None:
        self.model = model
        self.members: list[Staff] = []
        lv = model.levers
        outside = 1.0 - autonomy
        # Constant sources: leaning, central targets (reduced by devolution), devolution (part
        # of it as local hierarchy), incentives, overload.
        local = lv.devolution_hierarchy
        self.constant = autonomy * leaning + np.array([
            outside * central * (1.0 - devolution) + outside * devolution * local,
            outside * devolution * (1.0 - local),
            outside * incentives,
            lv.overload,
        ])
        self.constant_mass = float(self.constant.sum())
        self.norm = np.zeros(4)
        self.pull = np.zeros(4)
        self.mass = 0.0

    def update(self) -> None:
        """Recompute the team's norm and the total pull on its members."""
        lv = self.model.levers
        self.norm = np.mean([a.mix for a in self.members], axis=0)
        active = self.norm[:3]
        total = active.sum()
        shares = active / total if total > 0 else np.full(3, 1 / 3)
        excess = np.maximum(3.0 * shares - 1.0, 0.0) / 2.0
        malign = lv.reverse_effect * active * excess
        total_malign = malign.sum()
        response = np.empty(4)
        response[:3] = lv.voice * (total_malign - malign) / 2.0
        response[3] = (1.0 - lv.voice) * total_malign
        suppressed = lv.suppression * active * excess  # the dominant mode pulls to itself
        response[:3] += suppressed
        self.pull = self.constant + lv.conformity * self.norm + response
        self.mass = self.constant_mass + lv.conformity + total_malign + suppressed.sum()


class Staff(mesa.Agent):
    """A member of staff with a mix over the four modes."""

    def __init__(self, model: FractalModel, team: Team, mix: np.ndarray) -> None:
        super().__init__(model)
        self.team = team
        self.mix = mix
        self.disposition = mix.copy()
        self.next_mix = mix

    def step(self) -> None:
        """Work out the next mix from the team's pull, the disposition and a shock."""
        lv = self.model.levers
        team = self.team
        pull = team.pull + lv.individuality * self.disposition
        mass = team.mass + lv.individuality
        new = (self.mix + lv.rate * pull) / (1.0 + lv.rate * mass)
        if lv.noise > 0:
            new = new * np.exp(lv.noise * self.model.rng.standard_normal(4))
            new = new / new.sum()
        self.next_mix = new

    def advance(self) -> None:
        """Switch to the next mix (all agents together)."""
        self.mix = self.next_mix


class FractalModel(mesa.Model):
    """The nation: ICSs of providers of teams of staff."""

    def __init__(self, structure: Structure, levers: AgentLevers, *,
                 initial: Profile | None = None, concentration: float = 20.0,
                 seed: int | None = None) -> None:
        super().__init__(seed=seed)
        self.structure = structure
        self.levers = levers
        p = DEFAULT_INITIAL if initial is None else initial
        mean = np.asarray(p.strengths) + 1e-3
        mean = mean / mean.sum()
        default_leaning = np.array([1 / 3, 1 / 3, 1 / 3, 0.0])
        self.teams: list[Team] = []
        provider_index = team_index = 0
        for ics in range(structure.ics):
            devolution = _at(levers.devolution, ics)
            for _ in range(structure.providers):
                incentives = _at(levers.incentives, provider_index)
                provider_index += 1
                for _ in range(structure.teams):
                    if levers.leanings is None:
                        leaning = default_leaning
                    else:
                        rows = levers.leanings
                        leaning = np.array(rows[team_index if len(rows) > 1 else 0])
                    team = Team(self, _at(levers.autonomy, team_index), leaning,
                                levers.central_targets, devolution, incentives)
                    for _ in range(structure.staff):
                        team.members.append(
                            Staff(self, team, self.rng.dirichlet(concentration * mean)))
                    self.teams.append(team)
                    team_index += 1
        self.nation_history: list[np.ndarray] = [self.nation_mix()]

    def nation_mix(self) -> np.ndarray:
        """Mean mix over all staff."""
        return np.mean([a.mix for a in self.agents], axis=0)

    def step(self) -> None:
        """One round of influence."""
        for team in self.teams:
            team.update()
        self.agents.shuffle_do("step")
        self.agents.do("advance")
        self.nation_history.append(self.nation_mix())

    def final_mixes(self) -> np.ndarray:
        """Every agent's mix, team by team, shape (agents, 4)."""
        return np.array([a.mix for team in self.teams for a in team.members])


def run_mesa(structure: Structure, levers: AgentLevers | None = None, *, steps: int = 200,
             seed: int | None = None) -> FractalModel:
    """Build and run the Mesa version; returns the model after ``steps`` steps."""
    model = FractalModel(structure, AgentLevers() if levers is None else levers, seed=seed)
    for _ in range(steps):
        model.step()
    return model
