r"""NHS reform history as data: load and select the reforms, turn their codings into "reform pressure".

The reforms (``data/nhs_reforms.csv``) carry, besides sourced facts, the kit's **coding** of each
reform: a signed integer weight from -2 to +2 for how hard it pushed each mode of coordination
(hierarchy, solidarity, individualism, fatalism) up or down. Those codings are **judgements**, made
for teaching and open to argument; :func:`recode` lets a learner change any of them and
:func:`compare_pressure` shows what difference it makes.

The reform-pressure rule
------------------------
:func:`reform_pressure` adds the codings up over time with a deliberately simple rule, itself a
judgement rather than a finding:

.. math::

    P_m(y) = \sum_{r:\, y_r \le y} w_{r,m} \; K(y - y_r), \qquad
    K(\Delta) = \begin{cases} 1 & \text{no decay} \\ 2^{-\Delta / h} & \text{half-life } h \end{cases}

where :math:`w_{r,m}` is reform :math:`r`'s push on mode :math:`m`, :math:`y_r` the calendar year of
its date and :math:`y` the year being scored. Each reform adds its signed push from the year of its
date onwards, for ever (no decay) or fading by half every :math:`h` years. The rule is linear: the
pressure from several reforms is the sum of their separate pressures, so a reform coded zero
contributes nothing, and decay shrinks each reform's contribution towards zero without ever
changing its sign. Pressure is a running score of how reforms have leaned, not a measure of the
NHS's actual culture.

Selecting reforms
-----------------
:func:`select_reforms` is the one selection every table, figure, description and widget uses
(inclusive whole years, "pushed at least one of these modes", and an optional ``coding=`` so a
view can be drawn from a class consensus or one student's coding instead of the kit's);
:func:`filter_reforms` is a thin wrapper kept for notebooks.

The modules
-----------
One concept each, every public name re-exported here: :mod:`~coordkit.history.eras` (the eras and
the coding scale), :mod:`~coordkit.history.reforms` (loading, selecting and reading reforms),
:mod:`~coordkit.history.recoding`, :mod:`~coordkit.history.pressure` and
:mod:`~coordkit.history.performance` (the performance snapshots).

Reading the data for display
----------------------------
Pure helpers the figures, widgets and exercises share: :func:`decimal_year`, :func:`date_label`
(a date only as precise as it is known) and :func:`push_label` for reforms; for the performance
snapshots, :func:`period_span` reads a ``period`` (month, quarter, financial year, span...),
:func:`common_basis` splits the caveats every row shares from each row's own, :func:`basis_tags`
flags rows on a different footing (type 1 only, planned, interim...), :func:`basis_breaks` finds
the years a definition changed, and :func:`snapshots` puts it all together for one series.

Examples
--------
>>> reforms = load_reforms()
>>> len(reforms) >= 35
True
>>> pressure = reform_pressure(reforms, half_life=10)
>>> sorted(pressure["mode"].unique())
['fatalism', 'hierarchy', 'individualism', 'solidarity']
>>> more_market = recode(reforms, "health_social_care_act_2012", individualism=0)
>>> diff = compare_pressure(reforms, more_market)
>>> diff.loc[(diff["year"] == 2015) & (diff["mode"] == "individualism"), "difference"].item()
-2.0
"""

from __future__ import annotations

from coordkit.history.eras import (
    ERA_LABELS,
    ERAS,
    FIRST_YEAR,
    LAST_YEAR,
    MAX_PUSH,
    MIN_PUSH,
    PUSH_COLUMNS,
    Era,
    era_of,
)
from coordkit.history.performance import (
    Snapshot,
    basis_breaks,
    basis_tags,
    common_basis,
    load_performance,
    performance_series,
    period_span,
    snapshots,
)
from coordkit.history.pressure import (
    PRESSURE_RULE,
    compare_pressure,
    pressure_profile,
    pressure_scale,
    reform_pressure,
    to_wide,
)
from coordkit.history.recoding import recode, recode_many
from coordkit.history.reforms import (
    WORDING_CHECKED,
    apply_coding,
    chosen_modes,
    date_label,
    decimal_bound,
    decimal_year,
    doctrine_table,
    filter_reforms,
    load_reforms,
    push_label,
    select_reforms,
)
from coordkit.history.reforms import Bound as Bound  # the type of a start or end bound (views use it)
from coordkit.history.reforms import Direction as Direction  # "up", "down" or "any"
from coordkit.modes import parse_mode as parse_mode  # was importable from here; tests read it

__all__ = [
    "ERAS",
    "ERA_LABELS",
    "FIRST_YEAR",
    "LAST_YEAR",
    "MAX_PUSH",
    "MIN_PUSH",
    "PRESSURE_RULE",
    "PUSH_COLUMNS",
    "WORDING_CHECKED",
    "Era",
    "Snapshot",
    "apply_coding",
    "basis_breaks",
    "basis_tags",
    "chosen_modes",
    "common_basis",
    "compare_pressure",
    "date_label",
    "decimal_bound",
    "decimal_year",
    "doctrine_table",
    "era_of",
    "filter_reforms",
    "load_performance",
    "load_reforms",
    "performance_series",
    "period_span",
    "pressure_profile",
    "pressure_scale",
    "push_label",
    "recode",
    "recode_many",
    "reform_pressure",
    "select_reforms",
    "snapshots",
    "to_wide",
]
