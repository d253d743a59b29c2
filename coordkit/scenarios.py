r"""NHS reform scenarios: policy levers in plain units, mapped onto the mean-field teaching model.

A policy-maker does not think in "support for hierarchy"; they think in numbers of targets,
inspection regimes, devolution, payment systems. This module gives twelve such levers in plain
units (:class:`PolicyLevers`), maps them onto the inputs of :mod:`coordkit.models.dynamics`, runs
and compares scenarios, and loads sourced presets from ``data/nhs_scenarios.csv`` -- from the 1948
founding settlement to the 2025 10 Year Health Plan -- each starting from a profile of its period
(:data:`coordkit.archetypes.PERIOD_STARTS`).

The mapping is a judgement
--------------------------
How a lever moves the model is the kit's reading of coordination theory, of Taylor (2022) and of
Hood, not an estimate. Each policy lever is first put on a 0-1 scale :math:`x_k` (targets on a log
scale: the first ten targets change more than the hundred-and-first), then every model input is

.. math::

    v_j = \operatorname{clip}\Bigl(a_j + \sum_k c_{jk}\, x_k\Bigr)

with a base :math:`a_j` and coefficients :math:`c_{jk}` listed in :data:`MAPPING` (each with its
rationale in :data:`LEVERS`), clipped to the model input's range. So every model input moves
monotonically with every policy lever, in the direction the table says -- tests check this.
Funding and demand growth act through capacity relative to demand over a ten-year horizon:
:math:`C/D = ((1 + g_{funding}) / (1 + g_{demand}))^{10}`. Anything the model then shows follows
from these coefficients: it holds *in this model, by construction*.

Choices in the reading (see :data:`LEVERS` for all):

- *Gaming is malign individualism.* After Bevan & Hood (2006), gaming is the self-seeking response
  of agents to hierarchist targets: targets (and payment by results) raise the malign share of
  *individualism*; what targets add to malign hierarchy is blame and fear. The questionnaire codes
  gaming the same way.
- *Competition between providers is not rivalry between modes.* The model's ``rivalry`` input is
  how strongly a dominant mode crowds out the others; provider competition happens inside
  individualism, so it feeds individualism (and erodes collaboration), not ``rivalry``.
- *Freedom from blame and professional autonomy are two levers.* Psychological safety is a belief
  a team holds in common (Edmondson, 1999), closer to solidarity; professional autonomy -- room to
  decide how to do one's work -- is benign individualism, Taylor's point that individualism is more
  than markets.
- *Devolution often relocates hierarchy.* Handing decisions to integrated care systems moves part
  of the hierarchy to system boards rather than removing it, so it takes only a little weight off
  hierarchy here. (The agent model of chapter 6 uses "devolution" for a different thing: an ICS
  shielding its providers from central targets; see :mod:`coordkit.models.agents`.)
- *A statutory duty to collaborate is a hierarchist instrument used to make solidarity.* It adds
  solidarity and a little hierarchy, and some of the solidarity arrives as compliance. Hood (1995)
  argues that hybrids of control types are likely to be unstable; the kit reads that as a small
  rise in rivalry between the modes, which is our coding, not his.
- *Unannounced inspection is contrived randomness*, Hood's fatalist control: unpredictable checks
  make gaming and cosy collusion harder. The model has no input for fatalism itself, so the cost of
  unpredictability to staff is not modelled -- one of its limits.
- Intermediate institutions (royal colleges, confederations) feed solidarity and collective
  learning -- the role Taylor (2022) finds missing from accounts of the NHS.
- No lever beats a mismatch between demand and capacity: the outcome is capped by it.

Examples
--------
>>> levers = PolicyLevers(central_targets=10, devolution=8)
>>> round(levers.to_model().support_hierarchy, 3)
0.539
>>> result = run(levers, years=10)
>>> result.configuration.name
'balanced'
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from coordkit.archetypes import ARCHETYPES, PERIOD_STARTS
from coordkit.configuration import Configuration, classify
from coordkit.models.dynamics import LEVER_SPECS, Levers, Trajectory, simulate
from coordkit.params import Param, Params, param
from coordkit.profile import Profile

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "HORIZON_YEARS",
    "LEVERS",
    "MAPPING",
    "START",
    "PolicyLever",
    "PolicyLevers",
    "Scenario",
    "ScenarioResult",
    "compare",
    "lever_effects",
    "lever_table",
    "load_presets",
    "mapping_table",
    "preset",
    "preset_table",
    "run",
    "run_sequence",
]

#: Years over which funding and demand growth compound into capacity relative to demand.
HORIZON_YEARS = 10

#: Where a run of bare levers starts unless told otherwise: the traditional public-sector deficit
#: culture (an illustrative archetype, see :mod:`coordkit.archetypes`). Presets start from their
#: own period's profile instead (:attr:`Scenario.initial`).
START = ARCHETYPES["traditional public sector"]


@dataclass(frozen=True)
class PolicyLever(Param):
    """One policy lever: a :class:`coordkit.params.Param` whose ``help`` is its rationale.

    Attributes
    ----------
    name, label, unit, low, high, step, default, help, scale
        As in :class:`~coordkit.params.Param`; ``scale`` is ``"log"`` for central targets (the
        first ten targets change more than the hundred-and-first).

    Examples
    --------
    >>> LEVERS["central_targets"].normalise(150)
    1.0
    >>> round(LEVERS["devolution"].normalise(5), 2)
    0.5
    """

    @property
    def rationale(self) -> str:
        """Why the lever moves the model the way :data:`MAPPING` says (a judgement)."""
        return self.help


#: The twelve policy levers, by field name, in field order (each a :class:`PolicyLever`).
LEVERS: dict[str, PolicyLever] = {}

#: How each model input depends on the normalised policy levers: ``input: (base, {lever: coef})``.
#: A judgement: the rationale for each lever is in :data:`LEVERS`.
MAPPING: dict[str, tuple[float, dict[str, float]]] = {
    "support_hierarchy": (0.35, {"central_targets": 0.25, "inspection": 0.2, "devolution": -0.1,
                                 "collaboration_duty": 0.1}),
    "malign_bias_hierarchy": (0.0, {"central_targets": 0.25, "inspection": 0.2,
                                    "psychological_safety": -0.3}),
    "support_solidarity": (0.2, {"devolution": 0.15, "intermediate_institutions": 0.3,
                                 "collaboration_duty": 0.3, "psychological_safety": 0.15,
                                 "competition": -0.2, "financial_incentives": -0.15}),
    "malign_bias_solidarity": (0.1, {"inspection": -0.1, "unannounced_inspection": -0.1,
                                     "collaboration_duty": 0.1}),
    "support_individualism": (0.1, {"financial_incentives": 0.25, "competition": 0.25,
                                    "devolution": 0.1, "professional_autonomy": 0.3}),
    "malign_bias_individualism": (0.05, {"central_targets": 0.15, "financial_incentives": 0.3,
                                         "competition": 0.2, "professional_autonomy": -0.15,
                                         "unannounced_inspection": -0.15,
                                         "collaboration_duty": -0.1}),
    "rivalry": (0.6, {"collaboration_duty": 0.1}),
    "critique": (0.3, {"intermediate_institutions": 0.4, "psychological_safety": 0.3}),
    "renewal": (0.05, {"intermediate_institutions": 0.25, "psychological_safety": 0.25}),
}


@dataclass(frozen=True)
class PolicyLevers(Params):
    """Twelve policy levers in plain units (see :data:`LEVERS` for ranges and rationales).

    Declared with :func:`coordkit.params.param`, so ranges are checked on construction and in
    :meth:`replace`, and :meth:`specs`, :meth:`to_dict` and :meth:`differences` come from
    :class:`coordkit.params.Params`.

    Parameters
    ----------
    central_targets : float, 0 to 150, default 30
    inspection : float, 0 to 10, default 5
    unannounced_inspection : float, 0 to 10, default 2
        Contrived randomness (new).
    devolution : float, 0 to 10, default 5
    financial_incentives : float, 0 to 10, default 3
    competition : float, 0 to 10, default 2
    psychological_safety : float, 0 to 10, default 4
        Freedom from blame (psychological safety).
    professional_autonomy : float, 0 to 10, default 4
        Split out of the old "autonomy and freedom from blame" lever.
    intermediate_institutions : float, 0 to 10, default 5
    collaboration_duty : float, 0 to 10, default 5
    funding_growth : float, -2 to 8 (% a year), default 3
    demand_growth : float, 0 to 8 (% a year), default 3

    Raises
    ------
    ValueError
        If a lever is not a number within its range; the message names the lever and the range.

    Examples
    --------
    >>> PolicyLevers(competition=11)
    Traceback (most recent call last):
    ...
    ValueError: competition (Competition between providers) must be between 0 and 10, got 11
    """

    central_targets: float = param(
        30, 0, 150, label='Central targets', step=1.0, scale="log",
        unit=(
            'national targets in planning guidance'
        ),
        help=(
            'Targets are instructions from the centre: they add hierarchy, and when enforced by blame part '
            'of what they add is malign (fear, defensive compliance). They also provoke gaming, which the '
            'kit counts as malign individualism (after Bevan & Hood, 2006). The effect flattens as targets '
            'multiply. Counts: 133 in 2022/23 and 18 in 2025/26 guidance (NHS Confederation).'
        ),
    )
    inspection: float = param(
        5, 0, 10, label='Scheduled inspection and regulation', step=0.5,
        unit=(
            'intensity, 0 (none) to 10 (special measures everywhere)'
        ),
        help=(
            "Announced, scheduled inspection is oversight, Hood's hierarchist control: it adds hierarchy, "
            'some of it malign (defensive compliance), and checks cosy, self-regarding groups.'
        ),
    )
    unannounced_inspection: float = param(
        2, 0, 10, label='Unannounced inspection and random audit', step=0.5,
        unit=(
            '0 (never) to 10 (any service, any day)'
        ),
        help=(
            "Contrived randomness, Hood's fatalist control: checks nobody can predict make gaming and cosy "
            'collusion harder, so they lower the malign share of individualism and solidarity. The model has'
            ' no input for fatalism itself, so the cost of unpredictability to staff is not modelled.'
        ),
    )
    devolution: float = param(
        5, 0, 10, label='Devolution to systems', step=0.5,
        unit=(
            '0 (run from the centre) to 10 (systems and places decide)'
        ),
        help=(
            'Handing decisions to ICSs and places gives room to local collaboration (solidarity) and local '
            'initiative (individualism), but often relocates hierarchy to system boards rather than removing'
            ' it, so it takes only a little weight off hierarchy.'
        ),
    )
    financial_incentives: float = param(
        3, 0, 10, label='Financial incentives (PbR)', step=0.5,
        unit=(
            '0 (block budgets) to 10 (payment by results throughout)'
        ),
        help=(
            'Money that follows activity pushes individualism but invites gaming, and pays organisations to '
            "compete for activity rather than to integrate -- Taylor's (2022) warning that payment by "
            'results runs against integration.'
        ),
    )
    competition: float = param(
        2, 0, 10, label='Competition between providers', step=0.5,
        unit=(
            '0 (none) to 10 (open tendering everywhere)'
        ),
        help=(
            "Competition is Hood's individualist control: it adds individualism, some of it malign, and "
            'erodes collaboration. It is competition between providers, inside individualism, so it does not'
            " feed the model's rivalry between modes."
        ),
    )
    psychological_safety: float = param(
        4, 0, 10, label='Freedom from blame (psychological safety)', step=0.5,
        unit=(
            '0 (blame culture) to 10 (safe to speak up, try and fail)'
        ),
        help=(
            'Psychological safety is a belief a team holds in common (Edmondson, 1999), so it adds '
            'solidarity; it takes the blame out of hierarchy and makes learning from failure (renewal, '
            'critique) easier. Taylor (2022) asks how to address a risk-averse, blame-fearing culture.'
        ),
    )
    professional_autonomy: float = param(
        4, 0, 10, label='Professional autonomy', step=0.5,
        unit=(
            '0 (scripted work) to 10 (staff and teams decide how to work)'
        ),
        help=(
            "Room to decide how to do one's work and to try new things: benign individualism, Taylor's "
            '(2022) point that individualism is more than markets. It adds individualism and lowers its '
            'malign share.'
        ),
    )
    intermediate_institutions: float = param(
        5, 0, 10, label='Intermediate institutions', step=0.5,
        unit=(
            '0 (absent) to 10 (royal colleges, confederations and networks fully engaged)'
        ),
        help=(
            'Bodies between the centre and the front line shape professional values and collective learning:'
            ' solidarity, renewal and constructive critique (the role Taylor, 2022, finds missing from NHS '
            "England's 2022 operating framework)."
        ),
    )
    collaboration_duty: float = param(
        5, 0, 10, label='Statutory duty to collaborate', step=0.5,
        unit=(
            '0 (none) to 10 (statutory duty, shared budgets)'
        ),
        help=(
            'A hierarchist instrument used to make solidarity: it adds solidarity and a little hierarchy, '
            'restrains self-serving individualism, but some of the solidarity it makes is compliance, and '
            'the kit codes Hood\'s point (1995) that hybrids of control types are likely to be unstable as a '
            'small rise in rivalry between the modes (our coding, not his).'
        ),
    )
    funding_growth: float = param(
        3, -2, 8, label='Funding growth', step=0.1,
        unit=(
            'real-terms % a year'
        ),
        help=(
            'Funding and capacity growth raise capacity; with demand growth it sets the ceiling on the '
            'outcome (capacity relative to demand after ten years).'
        ),
    )
    demand_growth: float = param(
        3, 0, 8, label="Demand growth", step=0.1, unit="% a year",
        help=(
            "Demand growth (ageing, illness, expectations) lowers capacity relative to demand; "
            "no balance of the modes makes up for the shortfall."
        ),
    )

    @property
    def capacity_ratio(self) -> float:
        """Capacity relative to demand after :data:`HORIZON_YEARS` years of growth.

        Examples
        --------
        >>> round(PolicyLevers(funding_growth=1.1, demand_growth=3).capacity_ratio, 3)
        0.83
        """
        ratio = (1 + self.funding_growth / 100) / (1 + self.demand_growth / 100)
        return ratio**HORIZON_YEARS

    def to_model(self) -> Levers:
        """Map onto the mean-field model's levers (see :data:`MAPPING`; a judgement).

        Returns
        -------
        coordkit.models.dynamics.Levers

        Examples
        --------
        >>> model = PolicyLevers(financial_incentives=10).to_model()
        >>> model.malign_bias_individualism > PolicyLevers().to_model().malign_bias_individualism
        True
        """
        x = {name: LEVERS[name].normalise(value) for name, value in self.to_dict().items()}
        values: dict[str, float] = {}
        for target, (base, coefficients) in MAPPING.items():
            spec = LEVER_SPECS[target]
            raw = base + sum(c * x[lever] for lever, c in coefficients.items())
            values[target] = min(spec.high, max(spec.low, raw))
        capacity = min(LEVER_SPECS["capacity"].high,
                       max(LEVER_SPECS["capacity"].low, self.capacity_ratio))
        return Levers(**values, demand=1.0, capacity=capacity)


LEVERS.update({name: PolicyLever(**{f.name: getattr(spec, f.name) for f in fields(spec)})
               for name, spec in PolicyLevers.specs().items()})


def lever_table() -> pd.DataFrame:
    """The twelve policy levers as a table: label, unit, range and default.

    Returns
    -------
    pandas.DataFrame
        Indexed by lever name.

    Examples
    --------
    >>> float(lever_table().loc["central_targets", "high"])
    150.0
    """
    import pandas as pd

    return pd.DataFrame.from_dict(
        {name: {"label": s.label, "unit": s.unit, "low": float(s.low), "high": float(s.high),
                "default": float(s.default)} for name, s in LEVERS.items()},
        orient="index",
    )


def lever_effects() -> pd.DataFrame:
    """The mapping as a table: one row per (policy lever, model input) with its coefficient.

    Returns
    -------
    pandas.DataFrame
        Columns ``policy_lever``, ``label``, ``model_input``, ``coefficient``, ``direction``.

    Examples
    --------
    >>> t = lever_effects()
    >>> t.query("policy_lever == 'competition'")["model_input"].tolist()
    ['support_solidarity', 'support_individualism', 'malign_bias_individualism']
    """
    import pandas as pd

    rows = [
        {"policy_lever": lever, "label": LEVERS[lever].label, "model_input": target,
         "coefficient": c, "direction": "raises" if c > 0 else "lowers"}
        for target, (_base, coefficients) in MAPPING.items()
        for lever, c in coefficients.items()
    ]
    rows += [
        {"policy_lever": "funding_growth", "label": LEVERS["funding_growth"].label,
         "model_input": "capacity", "coefficient": float("nan"), "direction": "raises"},
        {"policy_lever": "demand_growth", "label": LEVERS["demand_growth"].label,
         "model_input": "capacity", "coefficient": float("nan"), "direction": "lowers"},
    ]
    order = list(LEVERS)
    frame = pd.DataFrame(rows)
    frame["_order"] = frame["policy_lever"].map(order.index)
    return frame.sort_values("_order", kind="stable").drop(columns="_order").reset_index(drop=True)


def mapping_table() -> pd.DataFrame:
    """The mapping as a grid: one row per policy lever, one column per model input it moves.

    Cells hold the signed coefficient as text (``"+0.25"``), blank where a lever does not touch
    an input; the ``capacity`` column says how funding and demand growth act.

    Returns
    -------
    pandas.DataFrame
        Indexed by lever label.

    Examples
    --------
    >>> mapping_table().loc["Central targets", "support_hierarchy"]
    '+0.25'
    """
    effects = lever_effects()
    grid = effects.assign(
        cell=[d if math.isnan(c) else f"{c:+.2f}"
              for c, d in zip(effects["coefficient"], effects["direction"], strict=True)]
    ).pivot_table(index="label", columns="model_input", values="cell", aggfunc="first", sort=False)
    columns = [*MAPPING, "capacity"]
    return grid.reindex(columns=columns).fillna("").rename_axis(columns=None)


@dataclass(frozen=True)
class Scenario:
    """A named reform scenario: its levers, period, rationale and sources.

    Attributes
    ----------
    id : str
    name : str
    start_year, end_year : int
        The period the scenario stands for.
    description : str
    levers : PolicyLevers
    rationale : str
        Why the levers take these values (a judgement).
    reform_ids : tuple of str
        Rows of ``nhs_reforms.csv`` the scenario draws on.
    sources : tuple of str
        Addresses the facts behind it were read at.
    start_profile : str, default "traditional public sector"
        Name of the period profile the scenario starts from, in
        :data:`coordkit.archetypes.PERIOD_STARTS` (a judgement).
    """

    id: str
    name: str
    start_year: int
    end_year: int
    description: str
    levers: PolicyLevers
    rationale: str
    reform_ids: tuple[str, ...]
    sources: tuple[str, ...]
    start_profile: str = "traditional public sector"

    @property
    def initial(self) -> Profile:
        """The profile a run of this scenario starts from (its period's, a judgement).

        Examples
        --------
        >>> preset("founding_1948").initial.solidarity
        0.8
        """
        return PERIOD_STARTS[self.start_profile]

    def replace(self, **lever_changes: float) -> Scenario:
        """A copy with some levers changed; period, start profile and sources stay.

        Examples
        --------
        >>> s = preset("rumoured_2022").replace(funding_growth=3.6)
        >>> s.levers.funding_growth, s.initial == preset("rumoured_2022").initial
        (3.6, True)
        """
        return replace(self, levers=self.levers.replace(**lever_changes))


def load_presets(directory: str | None = None) -> dict[str, Scenario]:
    """Load and validate the sourced presets in ``data/nhs_scenarios.csv``, in time order.

    The file is read and validated once per folder and session (the result is cached; scenarios
    are immutable, and a fresh dict is returned each time).

    Parameters
    ----------
    directory : str, optional
        Data folder (defaults to the kit's own).

    Returns
    -------
    dict of str to Scenario
        Keyed by preset id.

    Raises
    ------
    coordkit.data.DataValidationError
        If the file does not match its sidecar.
    ValueError
        If a preset's lever value is out of range, or its start profile is unknown (naming the
        preset and the lever or profile).

    Examples
    --------
    >>> presets = load_presets()
    >>> list(presets)[0], list(presets)[-1]
    ('founding_1948', 'ten_year_plan_2025')
    """
    return dict(_read_presets(directory))


@lru_cache(maxsize=4)
def _read_presets(directory: str | None) -> tuple[tuple[str, Scenario], ...]:
    from coordkit.data import load

    frame = load("nhs_scenarios.csv", directory)
    out: dict[str, Scenario] = {}
    for _, row in frame.iterrows():
        try:
            levers = PolicyLevers(**{name: row[name] for name in LEVERS})
        except ValueError as error:
            raise ValueError(f"nhs_scenarios.csv, preset {row['id']!r}: {error}") from None
        if row["start_profile"] not in PERIOD_STARTS:
            raise ValueError(f"nhs_scenarios.csv, preset {row['id']!r}, column start_profile: "
                             f"{row['start_profile']!r} is not one of {', '.join(PERIOD_STARTS)}")
        out[row["id"]] = Scenario(
            id=row["id"], name=row["name"], start_year=int(row["start_year"]),
            end_year=int(row["end_year"]), description=row["description"], levers=levers,
            rationale=row["rationale"], reform_ids=tuple(str(row["reform_ids"]).split()),
            sources=tuple(s.strip() for s in str(row["sources"]).split(";") if s.strip()),
            start_profile=row["start_profile"],
        )
    return tuple(sorted(out.items(), key=lambda item: item[1].start_year))


def preset(preset_id: str) -> Scenario:
    """One preset by id.

    Parameters
    ----------
    preset_id : str

    Returns
    -------
    Scenario

    Raises
    ------
    KeyError
        Naming the ids that exist.

    Examples
    --------
    >>> preset("hewitt_2023").levers.central_targets
    10.0
    """
    presets = load_presets()
    if preset_id not in presets:
        raise KeyError(f"no preset {preset_id!r}; presets are: {', '.join(presets)}")
    return presets[preset_id]


@dataclass(frozen=True)
class ScenarioResult:
    """A scenario run: its levers, the model trajectory and the headline results.

    Attributes
    ----------
    name : str
    levers : PolicyLevers
    trajectory : coordkit.models.dynamics.Trajectory
    """

    name: str
    levers: PolicyLevers
    trajectory: Trajectory

    @property
    def final(self) -> Profile:
        """The profile at the end of the run."""
        return self.trajectory.final_profile()

    @property
    def configuration(self) -> Configuration:
        """The configuration at the end of the run."""
        return classify(self.final)

    def summary(self) -> dict[str, Any]:
        """Headline numbers at the end of the run.

        Returns
        -------
        dict
            ``balance``, ``configuration``, malign share per active mode, ``fatalism``,
            ``outcome``, ``ceiling``.
        """
        t = self.trajectory
        final = self.final
        return {
            "balance": float(t.balance()[-1]),
            "configuration": self.configuration.name,
            "malign_hierarchy": final.malign_hierarchy,
            "malign_solidarity": final.malign_solidarity,
            "malign_individualism": final.malign_individualism,
            "fatalism": final.fatalism,
            "outcome": float(t.outcome[-1]),
            "ceiling": float(t.ceiling),
        }


def _start(levers: PolicyLevers | Scenario, initial: Profile | None) -> Profile:
    if initial is not None:
        return initial
    return levers.initial if isinstance(levers, Scenario) else START


def run(
    levers: PolicyLevers | Scenario,
    *,
    initial: Profile | None = None,
    years: float = 10.0,
    name: str | None = None,
) -> ScenarioResult:
    """Run a scenario through the mean-field teaching model.

    Parameters
    ----------
    levers : PolicyLevers or Scenario
    initial : Profile, optional
        Where the run starts: by default a scenario's own period profile
        (:attr:`Scenario.initial`), or :data:`START` for bare levers.
    years : float, default 10
    name : str, optional
        A label (defaults to the scenario's name, or ``"scenario"``).

    Returns
    -------
    ScenarioResult

    Examples
    --------
    >>> r = run(preset("targets_2000"))
    >>> r.name, r.configuration.kind.value
    ('Targets and star ratings (2000-2005)', 'deficit culture')
    """
    initial = _start(levers, initial)
    if isinstance(levers, Scenario):
        name = name or levers.name
        levers = levers.levers
    trajectory = simulate(levers.to_model(), initial=initial, years=years)
    return ScenarioResult(name or "scenario", levers, trajectory)


def preset_table(*, initial: Profile | None = None, years: float = 10.0) -> pd.DataFrame:
    """Every preset run for ``years``: period, start profile and headline results.

    Parameters
    ----------
    initial : Profile, optional
        One start for every preset; by default each starts from its own period's profile.
    years : float, default 10

    Returns
    -------
    pandas.DataFrame
        Indexed by preset name, with ``period``, ``starts from`` and the columns of
        :meth:`ScenarioResult.summary` except the per-mode malign shares.

    Examples
    --------
    >>> preset_table().loc["Targets and star ratings (2000-2005)", "configuration"]
    'deficit culture: weak individualism'
    """
    import pandas as pd

    rows = {}
    for scenario in load_presets().values():
        summary = run(scenario, initial=initial, years=years).summary()
        rows[scenario.name] = {
            "period": f"{scenario.start_year}-{scenario.end_year}",
            "starts from": "(given)" if initial is not None else scenario.start_profile,
            **{k: v for k, v in summary.items() if not k.startswith("malign_")},
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def run_sequence(
    scenarios: Sequence[Scenario], *, initial: Profile | None = None,
    years_each: float | None = None,
) -> list[ScenarioResult]:
    """Run scenarios one after another, each starting where the last ended.

    Each runs for its own period (``end_year - start_year``, at least one year) unless
    ``years_each`` is given. This strings the presets into one illustrative history.

    Parameters
    ----------
    scenarios : sequence of Scenario
    initial : Profile, optional
        Where the first scenario starts (by default, its own period profile).
    years_each : float, optional

    Returns
    -------
    list of ScenarioResult

    Examples
    --------
    >>> history = run_sequence(list(load_presets().values())[:3])
    >>> [round(r.trajectory.time[-1]) for r in history]
    [25, 8, 7]
    """
    results: list[ScenarioResult] = []
    if not scenarios:
        return results
    state = _start(scenarios[0], initial)
    for scenario in scenarios:
        years = years_each or max(1, scenario.end_year - scenario.start_year)
        result = run(scenario, initial=state, years=years)
        results.append(result)
        state = result.final
    return results


def compare(
    scenarios: Mapping[str, PolicyLevers | Scenario],
    *,
    initial: Profile | None = None,
    years: float = 10.0,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Run scenarios side by side; report results and which levers made the difference.

    The attribution is one lever at a time: starting from the first scenario, each lever that
    differs is switched to the other scenario's value alone, and the change in balance and
    outcome is recorded. Effects need not add up to the total (levers interact), which is itself
    worth discussing.

    Parameters
    ----------
    scenarios : mapping of name to PolicyLevers or Scenario
        Two or more scenarios; the first is the reference.
    initial : Profile, optional
        One start for every run, so that only the levers differ; by default the reference's own
        start (its period profile if it is a :class:`Scenario`, else :data:`START`).
    years : float, default 10

    Returns
    -------
    results : pandas.DataFrame
        One row per scenario with the columns of :meth:`ScenarioResult.summary`.
    differences : pandas.DataFrame
        One row per (other scenario, differing lever): both values and the change in balance
        and outcome when only that lever is switched, largest effect first.

    Raises
    ------
    ValueError
        If fewer than two scenarios are given.

    Examples
    --------
    >>> results, diffs = compare({"2012": preset("hsca_2012"), "2023": preset("hewitt_2023")})
    >>> list(results.index)
    ['2012', '2023']
    >>> diffs.iloc[0]["lever"] in LEVERS
    True
    """
    import pandas as pd

    if len(scenarios) < 2:
        raise ValueError("compare needs at least two scenarios")
    initial = _start(next(iter(scenarios.values())), initial)
    levers = {name: (s.levers if isinstance(s, Scenario) else s) for name, s in scenarios.items()}
    runs = {name: run(lv, initial=initial, years=years, name=name) for name, lv in levers.items()}
    results = pd.DataFrame({name: r.summary() for name, r in runs.items()}).T.infer_objects()
    reference_name, reference = next(iter(levers.items()))
    base = runs[reference_name].summary()
    rows = []
    for name, other in list(levers.items())[1:]:
        for lever, value in other.to_dict().items():
            ref_value = getattr(reference, lever)
            if value == ref_value:
                continue
            switched = run(reference.replace(**{lever: value}), initial=initial, years=years).summary()
            rows.append({
                "scenario": name, "lever": lever, "label": LEVERS[lever].label,
                reference_name: ref_value, "other": value,
                "balance_change": switched["balance"] - base["balance"],
                "outcome_change": switched["outcome"] - base["outcome"],
            })
    differences = pd.DataFrame(rows, columns=["scenario", "lever", "label", reference_name, "other",
                                              "balance_change", "outcome_change"])
    if not differences.empty:
        differences = differences.reindex(
            differences["outcome_change"].abs().sort_values(ascending=False).index
        ).reset_index(drop=True)
    return results, differences


def ceiling_curve(
    levers: PolicyLevers,
    ratios: Sequence[float] | None = None,
    *,
    initial: Profile | None = None,
    years: float = 10.0,
) -> pd.DataFrame:
    """The outcome a set of levers reaches at each capacity-to-demand ratio, against the ceiling.

    Everything but capacity relative to demand is held at ``levers``; the ratio is set directly
    on the model. The point to see: the outcome never rises above ``min(1, ratio)``, however the
    modes are balanced.

    Parameters
    ----------
    levers : PolicyLevers
    ratios : sequence of float, optional
        Capacity relative to demand; defaults to 0.4 to 1.4 in steps of 0.05.
    initial : Profile, optional
        Where each run starts (default :data:`START`).
    years : float, default 10

    Returns
    -------
    pandas.DataFrame
        Columns ``ratio``, ``ceiling``, ``outcome``, ``balance``, ``fatalism``.

    Examples
    --------
    >>> curve = ceiling_curve(PolicyLevers(), [0.5, 1.0])
    >>> bool((curve["outcome"] <= curve["ceiling"]).all())
    True
    """
    import pandas as pd

    if ratios is None:
        ratios = [round(0.4 + 0.05 * k, 2) for k in range(21)]
    initial = START if initial is None else initial
    model = levers.to_model()
    rows = []
    for ratio in ratios:
        capacity = min(LEVER_SPECS["capacity"].high, max(LEVER_SPECS["capacity"].low, float(ratio)))
        t = simulate(model.replace(capacity=capacity, demand=1.0), initial=initial, years=years)
        rows.append({"ratio": float(ratio), "ceiling": float(t.ceiling),
                     "outcome": float(t.outcome[-1]), "balance": float(t.balance()[-1]),
                     "fatalism": float(t.fatalism[-1])})
    return pd.DataFrame(rows)
