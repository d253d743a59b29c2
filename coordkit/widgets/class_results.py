"""A live class-results view for the lecture room: the class's culture now and preferred, by group.

Point it at the folder where the survey exports land (read again with one button, as answers
come in) or leave it on the SYNTHETIC class. Thin, on :class:`~coordkit.widgets._base.Explorer`:
reading is :func:`coordkit.survey.read_files`, the analysis (with its privacy rule: groups under
the minimum size are never shown) :func:`coordkit.survey.analyse`, the figure and its description
:func:`coordkit.plots.survey.class_arrows_figure` and
:func:`~coordkit.plots.survey.describe_class_arrows`. Nothing that identifies anyone is shown:
counts, group labels of groups at or over the minimum size, and rounded averages only.

Examples
--------
>>> view = ClassResultsExplorer()
>>> view.source_label
'the synthetic class (made-up answers, 60 respondents)'
>>> view.min_group.value = 20
>>> view.analysis.min_group, view.unnamed()
(20, [])

A folder with nothing readable shows nothing, and says so:

>>> import tempfile
>>> empty = ClassResultsExplorer(tempfile.mkdtemp())
>>> empty.responses is None, empty.source_label, empty.image.value
(True, 'the class folder: no answers could be read', '')
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import ipywidgets as w

from coordkit.html import Markup, render
from coordkit.params import Param
from coordkit.plots.class_bars import class_bars_figure, describe_class_bars
from coordkit.plots.survey import class_arrows_figure, describe_class_arrows, update_class_arrows_figure
from coordkit.survey import (
    DEFAULT_MIN_GROUP,
    MIN_GROUP_FLOOR,
    ClassAnalysis,
    Responses,
    SurveyFileError,
    analyse,
    read_files,
    synthetic_class,
)
from coordkit.survey.read import group_column_problem, read_mapping
from coordkit.survey.read.groups import group_columns as plausible_group_columns
from coordkit.widgets._base import APP_DPI, CONTROL_LAYOUT, Explorer, fit_for_app, slider_row

__all__ = ["CLASSROOM_MIN_GROUP", "FOLDER_VARIABLE", "MAPPING_NAMES", "MIN_GROUP_SPEC",
           "ClassResultsExplorer"]

#: The environment variable naming the folder of survey exports (set by ``./kit app --class-folder``).
FOLDER_VARIABLE = "COORDKIT_CLASS_FOLDER"
#: The environment variable naming the group column(s), comma-separated (``./kit app --group-column``).
GROUP_VARIABLE = "COORDKIT_GROUP_COLUMNS"
#: A mapping file in the class folder (as ``coordkit report --map`` reads) that the view honours.
MAPPING_NAMES = ("mapping.yml", "mapping.yaml")

#: The smallest group the lecture-room view ever shows on its own (privacy in a room of 40-200:
#: stricter than the library's :data:`coordkit.survey.MIN_GROUP_FLOOR`). Smaller groups are
#: merged into "other groups combined".
CLASSROOM_MIN_GROUP = max(5, MIN_GROUP_FLOOR)

#: The privacy threshold as a control (never below :data:`CLASSROOM_MIN_GROUP`).
MIN_GROUP_SPEC = Param("min_group", "Minimum group size", "respondents", CLASSROOM_MIN_GROUP, 20, 1,
                       max(DEFAULT_MIN_GROUP, CLASSROOM_MIN_GROUP),
                       "groups smaller than this are merged into 'other groups combined' (privacy)",
                       integer=True)


class ClassResultsExplorer(Explorer):
    """The class's results, live: whole class and groups, now and preferred, with the privacy rule.

    Parameters
    ----------
    folder : str or Path, optional
        Where the survey exports are (any mix of the formats :func:`coordkit.survey.read_files`
        reads, and a ``mapping.yml`` there is honoured); default: the folder named by the
        environment variable
        :data:`FOLDER_VARIABLE` (``./kit app --class-folder DIR`` sets it), else the SYNTHETIC
        class.
    group_columns : sequence of str, optional
        Group columns to read from the exports (the synthetic class has ``team`` and ``role``);
        default those named in :data:`GROUP_VARIABLE` (``./kit app --group-column COL``), else
        ``("team",)``.
    min_group : int, default :data:`coordkit.survey.DEFAULT_MIN_GROUP`
    layout, presenter
        As in :class:`~coordkit.widgets._base.Explorer` (``layout="app"`` for projecting).

    Attributes
    ----------
    group_column : Dropdown
    min_group : IntSlider
    reload : Button
        Read the folder again (new answers arrive during the session).
    responses : Responses or None
        What was read; ``None`` when no answers could be read (then nothing is shown, and
        :attr:`problem` says why: never a made-up respondent in place of the class).
    problem : str
        Why a file or the folder could not be read ("" when all was read); shown folded, for the
        lecturer (the room sees a plain line).
    read_notice : tuple of str
        What could not be read, by reason with the questions (columns) concerned and counts only
        (:meth:`~coordkit.survey.read.ReadResult.notice`): shown first, unfolded, never who.
    notice : str
        What the room may read about the reading: e.g. that the named group column is not in the
        exports, so the whole class is shown and *Group by* offers the files' other columns
        (choosing one reads the folder again with it as the group; no restart).
    group_note : str
        Which of the exports' other columns *Group by* does not offer, and why
        (:func:`coordkit.survey.read.groups.group_columns`): shown folded under the source line.
    mapping_file : Path or None
        The class folder's ``mapping.yml`` (see :data:`MAPPING_NAMES`), if it has one: read as
        ``coordkit report --map`` reads it.
    analysis : ClassAnalysis
        From the last update.
    source_label : str
        Where the answers came from, in words (counts only, no file names).
    """

    #: In the app, the result (three short lines) above the chart: in view at 125 % zoom.
    result_first = True

    def __init__(self, folder: str | Path | None = None, *, group_columns: Sequence[str] | None = None,
                 min_group: int = DEFAULT_MIN_GROUP, layout: str = "notebook",
                 presenter: bool = False) -> None:
        super().__init__(layout=layout, presenter=presenter)
        folder = folder if folder is not None else os.environ.get(FOLDER_VARIABLE) or None
        self.folder = None if folder is None else Path(folder)
        if group_columns is None:  # ./kit app --group-column COL sets the variable
            named = os.environ.get(GROUP_VARIABLE, "")
            group_columns = tuple(c.strip() for c in named.split(",") if c.strip()) or ("team",)
        self._group_columns = tuple(group_columns)
        self.problem = ""
        self.notice = ""
        self.read_notice: tuple[str, ...] = ()
        self._spare: tuple[str, ...] = ()  # the exports' unused plausible columns: candidates for Group by
        self.group_note = ""
        self.mapping_file: Path | None = None
        self._bars: dict[Any, tuple[Any, bytes, str, str]] = {}
        self.responses = self._read()
        self.group_column = w.Dropdown(
            description="Group by", tooltip=("the column to break the class down by (identifiers, time "
                                              "stamps, free text and answers are not offered)"),
            style={"description_width": "initial"}, layout=w.Layout(**CONTROL_LAYOUT))
        self._set_groups()
        min_group = max(min_group, CLASSROOM_MIN_GROUP)
        self.min_group, min_row = slider_row(MIN_GROUP_SPEC, value=min_group, label_width="10em")
        self.reload = w.Button(description="Re-read the class folder", icon="refresh",
                               tooltip="read the folder again, with any new exports (works while "
                                       "presenting; the result is hidden again for a new prediction)",
                               disabled=self.folder is None, layout=w.Layout(width="auto"))
        self.reload.on_click(lambda _: self.read_again())
        self.source = w.HTML()
        self._fig: Any = None  # the notebook's triangle, made on the first update
        self.watch(self.group_column, self.min_group)
        self.assemble(self.source, self.group_column, min_row, self.reload)
        self.update()

    def _read(self) -> Responses | None:
        """The folder's answers; ``None`` (and :attr:`problem` says why) when none could be read.

        A ``mapping.yml`` in the folder is read as ``coordkit report --map`` reads it; the group
        columns it names (``group:NAME``) are the ones read.
        """
        self.read_notice = ()
        if self.folder is None:
            return synthetic_class()
        self._bars.clear()
        groups = self._group_columns
        mapping, refused = None, None
        self.mapping_file = next((self.folder / n for n in MAPPING_NAMES
                                  if (self.folder / n).is_file()), None)
        try:
            if self.mapping_file is not None:
                mapping = read_mapping(self.mapping_file)
                named = tuple(v[len("group:"):] for v in mapping.values() if v.startswith("group:"))
                groups = named or groups
            refused = group_column_problem(groups)  # e.g. ./kit app --group-column respondent
            if refused:
                groups = ()
            # with the other columns' values (one read: a large .xlsx takes seconds), for Group by
            result = read_files([self.folder], group_columns=groups, mapping=mapping,
                                column_values=mapping is None)
        except SurveyFileError as error:
            self.problem = str(error)
            # The group is optional: without the named column, read the whole class and let the
            # lecturer pick the column in Group by (no restart). Anything else still shows nothing.
            try:
                result = read_files([self.folder], group_columns=(), mapping=mapping,
                                    column_values=mapping is None)
            except SurveyFileError:
                return None  # never a made-up respondent in place of the class
            wanted = ", ".join(repr(g) for g in groups)
            self.notice = (f"No column {wanted} in the exports, so the whole class is shown: choose the "
                           "group column in Group by.")
        else:
            self.notice = ""
        if refused:
            self.notice = f"{refused}: the whole class is shown; choose the group column in Group by."
        problems = []
        if result.rejected:
            problems.append(f"{len(result.rejected)} row problem(s) found")
        if result.unreadable:
            problems.append(f"{len(result.unreadable)} answer(s) could not be read on their scale (read as "
                            "missing)")
        if result.off_total:
            problems.append(f"{len(result.off_total)} dimension(s) left out of the scores (points not "
                            "adding up to 100, or not a number)")
        if result.zero_filled:
            problems.append(f"{len(result.zero_filled)} empty points cell(s) read as 0 (the other cells "
                            "added up to 100)")
        self.read_notice = tuple(line.text() for line in result.notice())
        self.problem = (f"{'; '.join(problems)}: run ./kit report on the folder for the details."
                        if problems else "")
        # a mapping file names its group columns; otherwise the file's other plausible columns may be
        # groups, judged by their values read with the answers (never the identifying ones)
        self._spare, self.group_note = (), ""
        if mapping is None:
            unused = [c for c in result.ignored_columns if c not in result.responses.groups]
            choice = plausible_group_columns(unused, result.column_values,
                                             identifying=result.identifying_columns)
            self._spare, self.group_note = choice.offered, choice.text()
        return result.responses

    def _set_groups(self) -> None:
        columns = list(self.responses.groups) if self.responses is not None else []
        spare = list(self._spare) if self.responses is not None else []
        with self.held():
            self.group_column.options = ([("(whole class only)", None)] + [(c, c) for c in columns]
                                         + [(f"{c} (another column of the file)", c) for c in spare])
            self.group_column.value = columns[0] if columns else None

    def _read_group(self, column: str) -> None:
        """Read the folder again with ``column`` as the group column (chosen in Group by)."""
        self._group_columns = (column,)
        self.responses = self._read()
        self._set_groups()
        if self.responses is not None and column in self.responses.groups:
            with self.held():
                self.group_column.value = column

    @property
    def source_label(self) -> str:
        """Where the answers came from, in words."""
        if self.responses is None:
            return "the class folder: no answers could be read"
        n = len(self.responses)
        if self.folder is None:
            return f"the synthetic class (made-up answers, {n} respondents)"
        mapped = f", read with its {self.mapping_file.name}" if self.mapping_file else ""
        return f"the survey exports in the class folder ({n} respondents{mapped})"

    def read_again(self) -> None:
        """Read the folder again (keeping the chosen group column if it is still there) and update."""
        chosen = self.group_column.value
        self.responses = self._read()
        self._set_groups()
        if self.responses is not None and chosen in self.responses.groups:
            with self.held():
                self.group_column.value = chosen
        self.update()

    def update(self, change: Any = None) -> None:
        """Re-analyse and redraw from the controls (the controls call this)."""
        with self.timed():
            chosen = self.group_column.value
            if self.responses is not None and chosen is not None and chosen not in self.responses.groups:
                self._read_group(chosen)  # a column of the file not yet read as a group
            if self.responses is None:
                self.source.value = self._source(None)
                self.image.value = ""
                self.set_description("No answers could be read, so there is no figure.")
                self.set_result("No answers could be read from the class folder.")
                return
            self.analysis: ClassAnalysis = analyse(self.responses, group_column=self.group_column.value,
                                                   min_group=self.min_group.value)
            a = self.analysis
            self.source.value = self._source(self.source_label)
            if not a.class_shown or a.overall is None:
                text = f"Nothing shown: only {a.n} respondents, fewer than {a.min_group}."
                self.image.value = ""
                self.set_description(text)
                self.set_result(text)
                return
            if self.layout == "app":
                self._show_bars(a, note=self._NOTE)
            else:
                if self._fig is None:
                    self._fig = class_arrows_figure(a)
                else:
                    update_class_arrows_figure(self._fig, a)
                self.show_figure(self._fig, describe_class_arrows(a))
            self.set_result(Markup(self._summary(a)))

    #: Said under the chart's description (the result stays short enough to show whole).
    _NOTE = ("Configurations and the balance index are the kit's readings of the answers "
             "(see notebook 07).")

    def _show_bars(self, a: ClassAnalysis, *, note: str = "") -> None:
        """The app's chart: bars per group (a triangle piles a class's groups on one spot).

        Each grouping's PNG is drawn once and kept, so moving back to it is instant.
        """
        from coordkit.plots.output import alt_text, to_png

        key = (a.group_column, a.min_group)
        if key not in self._bars:
            fig = fit_for_app(class_bars_figure(a))
            description = describe_class_bars(a) + (f" {note}" if note else "")
            self._bars[key] = (fig, to_png(fig, dpi=APP_DPI, compress_level=1),
                               alt_text(fig, description), description)
        self._figure, png, alt, description = self._bars[key]
        self.set_image(png, alt=alt)
        self.set_description(description)

    def _summary(self, a: ClassAnalysis) -> str:
        s = a.overall
        assert s is not None  # checked by the caller
        now = " / ".join(f"{v:.0f}" for v in s.now_mean)
        preferred = " / ".join(f"{v:.0f}" for v in s.preferred_mean)
        if a.plan is None:
            groups = "whole class only"
        else:
            hidden = len(a.plan.suppressed)
            groups = (f"{len(a.groups)} group(s) shown"
                      + ("" if not hidden else f"; {hidden} under {a.min_group} merged, see Privacy"))
        def balance(timeframe: str) -> str:
            value = s.shown_balance(timeframe)
            return f"balance {value:.2f}" if math.isfinite(value) else "no balance index"

        # short, so the three lines fit the result box at 125 % zoom
        style = (f" {s.style_excluded} respondent{'s' if s.style_excluded != 1 else ''} not classified: "
                 "response style." if s.style_excluded else "")
        return render("class_results_summary.html.j2", n=a.n, groups=groups, style=style,
                      now={"configuration": s.configuration_now.name, "balance": balance("now"),
                           "points": now},
                      preferred={"configuration": s.configuration_preferred.name,
                                 "balance": balance("preferred"), "points": preferred})

    def _source(self, label: str | None) -> str:
        """Where the answers came from (``None``: nothing could be read), any problem, the privacy rule."""
        return render("class_results_source.html.j2", source=label, problem=self.problem or "",
                      notice=self.notice, read_notice=list(self.read_notice), group_note=self.group_note,
                      min_group=self.min_group.value, classroom_min=CLASSROOM_MIN_GROUP,
                      floor=MIN_GROUP_FLOOR)
