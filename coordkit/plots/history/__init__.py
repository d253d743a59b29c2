"""History figures: the reform timeline, performance alongside reforms, and reform pressure.

Three figures, each with a ``describe_*`` text description:

* :func:`reform_timeline` -- one row per mode; each reform is drawn at its date in the row of every
  mode it pushed, as a stem with the mode's marker at its tip: *up and filled* for a push up,
  *down and hollow* for a push down, longer and bigger for a stronger push. Colour, marker shape,
  direction and fill all carry meaning, so nothing relies on colour alone.
* :func:`performance_chart` / :func:`performance_figure` -- one performance series as separate
  snapshots (never joined into a line, because their bases differ), each lettered so its basis can
  be read in the description; different kinds of period have different markers, points on a
  different basis (type 1 only, planned, UK-wide, interim...) are hollow and tagged, definitional
  breaks are drawn as dotted lines, and the caveat common to every point is printed beneath.
  :func:`performance_figure` adds the reform timeline for the same years below.
* :func:`pressure_trajectory` and :func:`recode_figure` -- the cumulative reform pressure per mode
  (:func:`coordkit.history.reform_pressure`), optionally with a learner's recoded trajectory
  dashed on top, and the profile each implies in a chosen year.

Whole-figure helpers (:func:`timeline_figure`, :func:`performance_figure`, :func:`pressure_figure`,
:func:`recode_figure`) build a ``matplotlib.figure.Figure`` for notebooks; :func:`reform_table` gives
the reforms a timeline shows as a table to read. For widgets, :func:`reset_axes`,
:func:`update_performance_figure` and :func:`update_recode_figure` redraw without rebuilding axes;
every artist :func:`update_recode_figure` changes carries a gid (:func:`recode_dynamic_artists`
lists them), so :class:`coordkit.plots.FastPNG` can redraw just those.

One module a figure, every name re-exported here: :mod:`~coordkit.plots.history.timeline`,
:mod:`~coordkit.plots.history.performance` and :mod:`~coordkit.plots.history.pressure`, each with
its figure view (:class:`TimelineView`, :class:`PerformanceView`, :class:`PressureView`,
:class:`RecodeView`: one selection, drawn and described), and
:mod:`~coordkit.plots.history.common` for the era bands and :func:`reset_axes`.

The computation behind the figures (reading dates, codings, performance periods and their
bases: :func:`coordkit.history.snapshots` and friends) lives in :mod:`coordkit.history`. The codings
plotted are the kit's judgements, and every description says so.

Examples
--------
>>> from matplotlib.figure import Figure
>>> from coordkit import history
>>> reforms = history.load_reforms()
>>> ax = reform_timeline(reforms, ax=Figure().add_subplot(), eras="internal market")
>>> [t.get_text() for t in ax.get_yticklabels()]
['Hierarchy', 'Solidarity', 'Individualism', 'Fatalism']
>>> print(describe_reform_timeline(reforms, eras="internal market").splitlines()[0])
Timeline of 7 NHS reforms in England, 1989-1996 (era: internal market), ...
"""

from coordkit.history import snapshots as snapshots  # was importable from here (a test patches it)
from coordkit.plots.history.common import reset_axes
from coordkit.plots.history.performance import (
    REFERENCE_SERIES,
    SERIES_LABELS,
    PerformanceSelection,
    PerformanceView,
    describe_performance,
    performance_chart,
    performance_figure,
    performance_selection,
    update_performance_figure,
)
from coordkit.plots.history.pressure import (
    PressureView,
    RecodeView,
    describe_pressure,
    describe_recode,
    pressure_figure,
    pressure_trajectory,
    recode_dynamic_artists,
    recode_figure,
    update_recode_figure,
)
from coordkit.plots.history.timeline import (
    TableDetails,
    TimelineSelection,
    TimelineView,
    describe_reform_timeline,
    reform_table,
    reform_timeline,
    table_details,
    timeline_figure,
    timeline_reforms,
    timeline_selection,
)

__all__ = [
    "REFERENCE_SERIES",
    "SERIES_LABELS",
    "PerformanceSelection",
    "PerformanceView",
    "PressureView",
    "RecodeView",
    "TableDetails",
    "TimelineSelection",
    "TimelineView",
    "describe_performance",
    "describe_pressure",
    "describe_recode",
    "describe_reform_timeline",
    "performance_chart",
    "performance_figure",
    "performance_selection",
    "pressure_figure",
    "pressure_trajectory",
    "recode_dynamic_artists",
    "recode_figure",
    "reform_table",
    "reform_timeline",
    "reset_axes",
    "table_details",
    "timeline_figure",
    "timeline_reforms",
    "timeline_selection",
    "update_performance_figure",
    "update_recode_figure",
]
