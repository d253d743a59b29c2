r"""Policy levers in plain units and the kit's mapping of them onto the mean-field teaching model.

Twelve levers a policy-maker would recognise (:class:`PolicyLevers`), each a
:class:`coordkit.params.Param` with its rationale (:data:`LEVERS`), and :data:`MAPPING`, how they
move the inputs of :mod:`coordkit.models.dynamics`. Presets, runs and comparisons are in
:mod:`coordkit.scenarios`, which re-exports everything here.

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

The contested choices, each argued in its lever's rationale (:data:`LEVERS`, shown in
chapter 4): gaming is malign *individualism* provoked by targets and payment by results (after
Bevan & Hood, 2006); competition between providers feeds individualism, not the model's
``rivalry`` between modes; freedom from blame (coded as solidarity after Edmondson, a departure from Taylor,
who ties blame culture to stifled individualism) and professional autonomy (coded as benign
individualism, the kit's choice) are two levers; devolution takes only a little weight off hierarchy
(the kit's judgement, where Taylor reads it as winding hierarchy down); a statutory
duty to collaborate is a hierarchist instrument used to make solidarity, and the kit codes Hood's
(1995) point that hybrids are likely to be unstable as a small rise in rivalry (our coding, not
his); unannounced inspection draws on Hood's contrived randomness, an active control strategy (the
kit's Hood table codes it as a hybrid with oversight, whose oversight half the kit leaves to the
inspection lever so as not to count it twice), whose cost to staff is not modelled;
intermediate institutions feed solidarity and learning (Taylor, 2022). No lever beats a mismatch
between demand and capacity: the outcome is capped by it.

Examples
--------
>>> levers = PolicyLevers(central_targets=10, devolution=8)
>>> round(levers.to_model().support_hierarchy, 3)
0.539
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from coordkit.models.dynamics import LEVER_SPECS, Levers
from coordkit.params import Param, Params, param

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "HORIZON_YEARS",
    "INPUT_LABELS",
    "LEVERS",
    "MAPPING",
    "PolicyLever",
    "PolicyLevers",
    "lever_effects",
    "lever_table",
    "mapping_table",
]

#: Years over which funding and demand growth compound into capacity relative to demand.
HORIZON_YEARS = 10

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


def _dial(default: float, *, label: str, unit: str, help: str) -> Any:
    """A lever on a 0 to 10 dial in half steps (nine of the twelve levers are)."""
    return param(default, 0, 10, label=label, step=0.5, unit=unit, help=help)


@dataclass(frozen=True)
class PolicyLevers(Params):
    """Twelve policy levers in plain units (see :data:`LEVERS` for ranges and rationales).

    Declared with :func:`coordkit.params.param`, so ranges are checked on construction and in
    :meth:`replace`, and :meth:`specs`, :meth:`to_dict` and :meth:`differences` come from
    :class:`coordkit.params.Params`.

    Parameters
    ----------
    **levers : float
        One keyword per lever, in plain units: ``central_targets`` (0 to 150), ``inspection``,
        ``unannounced_inspection``, ``devolution``, ``financial_incentives``, ``competition``,
        ``psychological_safety``, ``professional_autonomy``, ``intermediate_institutions``,
        ``collaboration_duty`` (each 0 to 10), ``funding_growth`` (-2 to 8 % a year) and
        ``demand_growth`` (0 to 8 % a year). Labels, units, ranges and defaults:
        :func:`lever_table`; rationales: :data:`LEVERS`.

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
        unit='national targets in planning guidance',
        help=(
            'Targets are instructions from the centre: they add hierarchy, and when enforced by blame part '
            'of what they add is malign (fear, defensive compliance). They also provoke gaming, which the '
            'kit counts as malign individualism (after Bevan & Hood, 2006). The effect flattens as targets '
            'multiply. Counts: 133 in 2022/23 and 18 in 2025/26 guidance (NHS Confederation).'
        ),
    )
    inspection: float = _dial(
        5, label='Inspection and regulation',
        unit='intensity, 0 (none) to 10 (special measures everywhere)',
        help=(
            "Inspection is oversight, Hood's hierarchist control: it adds hierarchy, some of it malign "
            '(defensive compliance), and checks cosy, self-regarding groups. This dial counts all of a '
            "regime's inspection, announced or not (the kit's convention); how much of it comes "
            'unannounced is the next lever.'
        ),
    )
    unannounced_inspection: float = _dial(
        2, label='Unannounced inspection and random audit',
        unit='0 (never) to 10 (any service, any day)',
        help=(
            "Draws on contrived randomness, the control Hood places in the fatalist cell (an active strategy,"
            " not resignation): checks nobody can predict make gaming and cosy collusion harder, so they "
            'lower the malign share of individualism and solidarity. Chapter 8 codes unannounced '
            'inspection as a hybrid, oversight x contrived randomness; here its oversight half has no '
            "effect of its own. That is the kit's judgement, so as not to count oversight twice: an "
            'unannounced visit is still an inspection, already counted on the inspection lever, and this '
            'lever adds only the unpredictability. The model has no input for fatalism itself, so the '
            'cost of unpredictability to staff is not modelled.'
        ),
    )
    devolution: float = _dial(
        5, label='Devolution to systems',
        unit='0 (run from the centre) to 10 (systems and places decide)',
        help=(
            'Handing decisions to integrated care systems (ICSs) and places gives room to local '
            'collaboration (solidarity) and local '
            'initiative (individualism). Taylor (2022) reads devolution as winding down hierarchy; the kit '
            'takes only a little weight off hierarchy, its own judgement (no source) that devolution '
            'often relocates hierarchy to system boards rather than removing it.'
        ),
    )
    financial_incentives: float = _dial(
        3, label='Financial incentives (PbR)',
        unit='0 (block budgets) to 10 (payment by results throughout)',
        help=(
            'Money that follows activity pushes individualism but invites gaming, and pays organisations to '
            "compete for activity rather than to integrate -- Taylor's (2022) warning that payment by "
            'results runs against integration.'
        ),
    )
    competition: float = _dial(
        2, label='Competition between providers',
        unit='0 (none) to 10 (open tendering everywhere)',
        help=(
            "Competition is Hood's individualist control: it adds individualism, some of it malign, and "
            'erodes collaboration. It is competition between providers, inside individualism, so it does not'
            " feed the model's rivalry between modes."
        ),
    )
    psychological_safety: float = _dial(
        4, label='Freedom from blame (psychological safety)',
        unit='0 (blame culture) to 10 (safe to speak up, try and fail)',
        help=(
            'Taylor (2022) reads a blame culture as a brake on individualism (being brave and creative '
            'can feel too dangerous). The kit departs from him: after Edmondson (1999), for whom '
            'psychological safety is held in common by a team, it adds solidarity, takes the blame out '
            'of hierarchy and makes learning from failure (renewal, critique) easier. The coding is the '
            "kit's, open to argument."
        ),
    )
    professional_autonomy: float = _dial(
        4, label='Professional autonomy',
        unit='0 (scripted work) to 10 (staff and teams decide how to work)',
        help=(
            "Room to decide how to do one's work and to try new things. The kit codes it as benign "
            "individualism (its choice): close to Taylor's (2022) creative, entrepreneurial individualism, "
            'though Taylor does not name professional autonomy and puts professionalism in the '
            'solidaristic domain. It adds individualism and lowers its malign share.'
        ),
    )
    intermediate_institutions: float = _dial(
        5, label='Intermediate institutions',
        unit='0 (absent) to 10 (royal colleges, confederations and networks fully engaged)',
        help=(
            'Bodies between the centre and the front line shape professional values and collective learning:'
            ' solidarity, renewal and constructive critique (the role Taylor, 2022, finds missing from NHS '
            "England's 2022 operating framework)."
        ),
    )
    collaboration_duty: float = _dial(
        5, label='Statutory duty to collaborate',
        unit='0 (none) to 10 (statutory duty, shared budgets)',
        help=(
            'A hierarchist instrument used to make solidarity: it adds solidarity and a little hierarchy, '
            'restrains self-serving individualism, but some of the solidarity it makes is compliance, and '
            'the kit codes Hood\'s point (1995) that hybrids of control types are likely to be unstable as a '
            'small rise in rivalry between the modes (our coding, not his).'
        ),
    )
    funding_growth: float = param(
        3, -2, 8, label='Funding growth', step=0.1,
        unit='real-terms % a year',
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


#: A plain name for each model input (what :func:`mapping_table` shows with ``plain=True``).
INPUT_LABELS: dict[str, str] = {
    "support_hierarchy": "support for hierarchy",
    "malign_bias_hierarchy": "malign share of new hierarchy",
    "support_solidarity": "support for solidarity",
    "malign_bias_solidarity": "malign share of new solidarity",
    "support_individualism": "support for individualism",
    "malign_bias_individualism": "malign share of new individualism (gaming)",
    "rivalry": "rivalry: a dominant mode crowds out the others",
    "critique": "mutual critique of malign forms",
    "renewal": "renewal: reform of malign forms",
    "capacity": "capacity relative to demand",
}


def mapping_table(*, plain: bool = False) -> pd.DataFrame:
    """The mapping as a grid: one row per policy lever, one column per model input it moves.

    Cells hold the signed coefficient as text (``"+0.25"``), blank where a lever does not touch
    an input; the ``capacity`` column says how funding and demand growth act.

    Parameters
    ----------
    plain : bool, default False
        Name the columns in plain words with the model's name after them (``"malign share of new
        individualism (gaming) [malign_bias_individualism]"``), for showing to learners.

    Returns
    -------
    pandas.DataFrame
        Indexed by lever label.

    Examples
    --------
    >>> mapping_table().loc["Central targets", "support_hierarchy"]
    '+0.25'
    >>> mapping_table(plain=True).columns[0]
    'support for hierarchy [support_hierarchy]'
    """
    effects = lever_effects()
    grid = effects.assign(
        cell=[d if math.isnan(c) else f"{c:+.2f}"
              for c, d in zip(effects["coefficient"], effects["direction"], strict=True)]
    ).pivot_table(index="label", columns="model_input", values="cell", aggfunc="first", sort=False)
    columns = [*MAPPING, "capacity"]
    grid = grid.reindex(columns=columns).fillna("").rename_axis(columns=None)
    if plain:
        grid = grid.rename(columns={c: f"{INPUT_LABELS[c]} [{c}]" for c in columns})
    return grid
