r"""NHS reform scenarios: policy levers in plain units, mapped onto the mean-field teaching model.

A policy-maker does not think in "support for hierarchy"; they think in numbers of targets,
inspection regimes, devolution, payment systems. This module gives twelve such levers in plain
units (:class:`PolicyLevers`), maps them onto the inputs of :mod:`coordkit.models.dynamics`, runs
and compares scenarios, and loads sourced presets from ``data/nhs_scenarios.csv`` -- from the 1948
founding settlement to the 2025 10 Year Health Plan -- each starting from a profile of its period
(:data:`coordkit.archetypes.PERIOD_STARTS`). The levers and how the kit maps them onto the model
(a judgement, stated in full) are in :mod:`coordkit.scenarios.levers`, re-exported here.

Fatalism is all despair in these scenarios (the kit's choice, and the most pessimistic reading:
the kit has no source that separates wisdom from despair for these years): every period start
(:data:`coordkit.archetypes.PERIOD_STARTS`) reads it so, and a run takes the model's
``benign_fatalism`` from its start profile (``1 - malign_fatalism``), so it is 0 for every preset.
The choice decides some verdicts: :func:`fatalism_sensitivity` reruns presets with half or none
of it read as despair (the 2012 Act and the Hewitt review both end balanced at half).

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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from coordkit.archetypes import ARCHETYPES, PERIOD_STARTS
from coordkit.configuration import Configuration, classify
from coordkit.models.dynamics import LEVER_SPECS, Levers, Trajectory, simulate
from coordkit.profile import Profile
from coordkit.scenarios.levers import (
    HORIZON_YEARS,
    INPUT_LABELS,
    LEVERS,
    MAPPING,
    PolicyLever,
    PolicyLevers,
    lever_effects,
    lever_table,
    mapping_table,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "FATALISM_READINGS",
    "HORIZON_YEARS",
    "INPUT_LABELS",
    "LEVERS",
    "MAPPING",
    "START",
    "PolicyLever",
    "PolicyLevers",
    "Scenario",
    "ScenarioResult",
    "compare",
    "fatalism_sensitivity",
    "lever_effects",
    "lever_table",
    "load_presets",
    "long_run_funding_growth",
    "mapping_table",
    "preset",
    "preset_table",
    "run",
    "run_sequence",
]

#: Where a run of bare levers starts unless told otherwise: the traditional public-sector deficit
#: culture (an illustrative archetype, see :mod:`coordkit.archetypes`). Presets start from their
#: own period's profile instead (:attr:`Scenario.initial`).
START = ARCHETYPES["traditional public sector"]

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


def long_run_funding_growth(directory: str | None = None) -> pd.DataFrame:
    """The long-run real growth of England's health budget that the kit quotes, with its source.

    One figure for every chapter: average real-terms growth a year in the Department of Health and
    Social Care's budget, England, 1979/80 to 2019/20, from ``data/nhs_performance.csv`` (Health
    Foundation, 2023). The same file also holds a UK-wide 1949/50-2019/20 average (3.6%), which
    the 1948 preset uses for its own period.

    Parameters
    ----------
    directory : str, optional
        Data folder (defaults to the kit's own).

    Returns
    -------
    pandas.DataFrame
        One row, indexed by ``period``: ``value`` (% a year), ``basis``, ``source``.

    Examples
    --------
    >>> float(long_run_funding_growth()["value"].iloc[0])
    3.9
    """
    from coordkit.data import load

    frame = load("nhs_performance.csv", directory)
    row = frame[(frame["series"] == "spending_growth_real") & (frame["period"] == _LONG_RUN_PERIOD)]
    if len(row) != 1:
        raise ValueError(f"nhs_performance.csv: expected one spending_growth_real row for "
                         f"{_LONG_RUN_PERIOD}, found {len(row)}")
    return row[["period", "value", "basis", "source"]].set_index("period")


#: The period of the long-run funding figure every chapter quotes (England, Health Foundation).
_LONG_RUN_PERIOD = "1979/80-2019/20"


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


def _model(levers: PolicyLevers, initial: Profile) -> Levers:
    """The model's inputs for a run from ``initial``, fatalism's benign share taken from it.

    Every period start reads fatalism as all despair, so presets run with ``benign_fatalism`` 0.
    """
    return levers.to_model().replace(benign_fatalism=1.0 - initial.malign_fatalism)


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
    ('Targets and terror (2000-2005)', 'deficit culture')
    """
    initial = _start(levers, initial)
    if isinstance(levers, Scenario):
        name = name or levers.name
        levers = levers.levers
    trajectory = simulate(_model(levers, initial), initial=initial, years=years)
    return ScenarioResult(name or "scenario", levers, trajectory)


def preset_table(*, initial: Profile | None = None, years: float = 10.0,
                 despair_shares: Sequence[float] = (0.5,)) -> pd.DataFrame:
    """Every preset run for ``years``: period, start profile and headline results.

    The headline columns read fatalism as the start profile does: all despair for every period
    start (despair share 1.0, the kit's default, see the module notes). Because that default
    decides some readings (the 2012 Act's among them), each share in ``despair_shares`` adds a
    column beside it, ``configuration (despair share S)``: the end configuration of the same run
    from the same start with only its malign share of fatalism set to S (as in
    :func:`fatalism_sensitivity`).

    Parameters
    ----------
    initial : Profile, optional
        One start for every preset; by default each starts from its own period's profile.
    years : float, default 10
    despair_shares : sequence of float, default (0.5,)
        Other readings of fatalism to show beside the default, each in [0, 1]; empty for none.

    Returns
    -------
    pandas.DataFrame
        Indexed by preset name, with ``period``, ``starts from``, the columns of
        :meth:`ScenarioResult.summary` except the per-mode malign shares, and one
        ``configuration (despair share S)`` column per share.

    Raises
    ------
    coordkit.profile.ProfileError
        If a despair share is outside 0 to 1.

    Examples
    --------
    >>> table = preset_table()
    >>> table.loc["Targets and terror (2000-2005)", "configuration"]
    'deficit culture: weak individualism'
    >>> act = "Health and Social Care Act 2012: competition (2012-2014)"
    >>> table.loc[act, ["configuration", "configuration (despair share 0.5)"]].tolist()
    ['hierarchy monoculture', 'balanced']
    """
    import pandas as pd

    rows = {}
    for scenario in load_presets().values():
        start = _start(scenario, initial)
        summary = run(scenario, initial=start, years=years).summary()
        rows[scenario.name] = {
            "period": f"{scenario.start_year}-{scenario.end_year}",
            "starts from": "(given)" if initial is not None else scenario.start_profile,
            **{k: v for k, v in summary.items() if not k.startswith("malign_")},
        }
        for share in despair_shares:
            other = run(scenario, initial=start.replace(malign_fatalism=share), years=years)
            rows[scenario.name][f"configuration (despair share {share:g})"] = other.configuration.name
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


#: The readings of fatalism :func:`fatalism_sensitivity` tries: all despair (the presets' coding,
#: the most pessimistic reading), half and half, and all wisdom.
FATALISM_READINGS: tuple[float, ...] = (1.0, 0.5, 0.0)


def fatalism_sensitivity(
    preset_ids: Sequence[str],
    *,
    readings: Sequence[float] = FATALISM_READINGS,
    years: float = 10.0,
) -> pd.DataFrame:
    """Rerun presets with fatalism read as more or less despair, to see which verdicts turn on it.

    Every period start reads fatalism as all despair (``malign_fatalism`` 1, the kit's choice and
    the most pessimistic reading). This reruns each preset from its own start profile with only
    ``malign_fatalism`` changed, so the run's ``benign_fatalism`` changes with it.

    Parameters
    ----------
    preset_ids : sequence of str
        Preset ids (see :func:`load_presets`).
    readings : sequence of float, default (1.0, 0.5, 0.0)
        Malign shares of fatalism to try, each in [0, 1].
    years : float, default 10

    Returns
    -------
    pandas.DataFrame
        One row per preset and reading (index: preset name, ``despair share``), with the end
        ``configuration``, ``balance`` and ``outcome``.

    Raises
    ------
    KeyError
        If a preset id is unknown (the message names the ids that exist).
    coordkit.profile.ProfileError
        If a reading is outside 0 to 1.

    Examples
    --------
    >>> t = fatalism_sensitivity(["hsca_2012"])
    >>> t["configuration"].tolist()
    ['hierarchy monoculture', 'balanced', 'balanced']
    """
    import pandas as pd

    rows = {}
    for preset_id in preset_ids:
        scenario = preset(preset_id)
        for reading in readings:
            start = scenario.initial.replace(malign_fatalism=reading)
            summary = run(scenario, initial=start, years=years).summary()
            rows[(scenario.name, float(reading))] = {
                "configuration": summary["configuration"],
                "balance": summary["balance"],
                "outcome": summary["outcome"],
            }
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame.index = pd.MultiIndex.from_tuples(list(rows), names=["preset", "despair share"])
    return frame


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
    model = _model(levers, initial)
    rows = []
    for ratio in ratios:
        capacity = min(LEVER_SPECS["capacity"].high, max(LEVER_SPECS["capacity"].low, float(ratio)))
        t = simulate(model.replace(capacity=capacity, demand=1.0), initial=initial, years=years)
        rows.append({"ratio": float(ratio), "ceiling": float(t.ceiling),
                     "outcome": float(t.outcome[-1]), "balance": float(t.balance()[-1]),
                     "fatalism": float(t.fatalism[-1])})
    return pd.DataFrame(rows)
