"""Questionnaire widgets: fill it in, then see your profile; explore a class's results.

:class:`SurveyForm` is the questionnaire for a student; :class:`ClassExplorer` shows a class by group
for a lecturer.

Both are thin, on :class:`~coordkit.widgets._base.Explorer` (display, timing, pause while moving,
the figure as ``<img alt>``, the result in a live region, the description folded): every number
comes from :mod:`coordkit.survey`, every figure from :mod:`coordkit.plots.survey`, files from
:mod:`coordkit.survey_io`.

Examples
--------
>>> form = SurveyForm()
>>> form.complete, form.result.complete_now.tolist()
(False, [False, False, False, False, False, False])
>>> form.sliders["now_D1H"].value = 40
>>> form.totals["now_decisions"].value
'<b>Now: 40 of 100 points: 60 left to give</b>'
>>> form.unnamed()
[]
"""

from __future__ import annotations

import base64
import dataclasses
import re
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

import ipywidgets as w
import numpy as np

from coordkit.html import Markup, escape, render
from coordkit.modes import ALL_MODES, Mode
from coordkit.params import Param
from coordkit.plots.style import ANNOTATION
from coordkit.plots.survey import (
    class_arrows_figure,
    describe_class_arrows,
    describe_survey,
    survey_figure,
    update_class_arrows_figure,
    update_survey_figure,
)
from coordkit.survey import (
    DEFAULT_MIN_GROUP,
    DEFAULT_TOLERANCE,
    DONT_KNOW,
    MIN_GROUP_FLOOR,
    TIMEFRAMES,
    ClassAnalysis,
    Item,
    Questionnaire,
    RespondentResult,
    Responses,
    analyse,
    disclosure_plan,
    high_rating_tendency,
    presentation_order,
    questionnaire,
    reliability_table,
    respondent_table,
    responses_csv,
    score_answers,
)
from coordkit.survey_io import ReadResult
from coordkit.widgets._base import CONTROL_LAYOUT, Explorer, slider

__all__ = ["GROUP_COLUMN", "MIN_GROUP_PARAM", "POINTS_PARAM", "ClassExplorer", "SurveyForm"]

#: Name of the group column a :class:`SurveyForm` writes (the lecturer's ``--group-column``).
GROUP_COLUMN = "team"
_LETTERS = "ABCD"
_CODE = re.compile(r"[A-Za-z0-9_-]{1,30}")
#: The value a 1-5 dropdown holds for "Don't know / not applicable": answered, but read as missing.
DK = "dk"
#: One divide-100 slider: a statement's points in one timeframe (its visible name and tooltip are
#: set per statement, in the respondent's order).
POINTS_PARAM = Param("points", "Points", "points of the dimension's 100", 0, 100, 5, 0,
                     "points for this statement", integer=True)
#: The privacy threshold as a control: groups smaller than this are not shown (never below 3).
MIN_GROUP_PARAM = Param("min_group", "Minimum group size", "respondents", MIN_GROUP_FLOOR, 20, 1,
                        DEFAULT_MIN_GROUP, "groups smaller than this are not shown (privacy); never below 3",
                        integer=True)
_LABEL_WIDTH = "11em"
_ROW = {"flex_flow": "row wrap", "align_items": "center", "width": "100%"}


def _warning(text: str | Markup) -> Markup:
    """A paragraph in the kit's annotation colour; its words say the same (never colour alone)."""
    return Markup(_text("warning", text=text, colour=ANNOTATION))


def _text(part: str, **values: Any) -> str:
    """One part of ``survey_form.html.j2`` (the form's headings, intros, labels and messages)."""
    return render("survey_form.html.j2", part=part, **values)


class SurveyForm(Explorer):
    """The questionnaire as widgets, a *See my result* step after it, and a Save button.

    While the respondent answers, the form shows only their progress (points left in each
    dimension, what is still missing), never a profile or a score: live feedback would pull the
    answers towards the result. Once the answers are complete, *See my result* shows the profile,
    the configuration and its description, as a separate step (:meth:`show_result`).

    The form starts **empty**: every slider at 0 and every rating "not answered". Six tabs hold
    the divide-100 dimensions: four statements, each shown in full with a *now* and a *preferred*
    slider beneath it (0-100 in steps of 5; type any whole number into the readout), and under
    them how many points are left to give. Three more tabs hold the 1-5 items: agree or disagree
    (benign and malign statements), you and your work (grid, group, withdrawal) and how strong
    each way of working is in your team, your organisation and your local system. Once a
    respondent code is typed, statements are shown in that respondent's own order
    (:func:`coordkit.survey.presentation_order`); answers are always stored in the
    questionnaire's fixed order.

    The answers are **complete** (and can be saved) only when every dimension shares out 100
    points, now and preferred, and the four organisation strength ratings are given; the other
    ratings are optional. Each save writes a **new** file (never overwriting one) in a folder the
    student can write to (:func:`coordkit.paths.user_path`), and offers a *Download your
    answers* link, because on Binder the files go when the session ends.

    Parameters
    ----------
    answers : mapping, optional
        Starting answers with keys ``now``, ``preferred`` (6 x 4 points, modes H, S, I, F) and
        optionally ``likert`` (answers to every 1-5 item, None/NaN = unanswered); default empty.
        :func:`coordkit.survey.example_answers` gives a worked example.
    folder : str, optional
        Where saves go (default: the current folder if writable, else home).
    tolerance : float, default 1
    continuous_update : bool, default False
    q : Questionnaire, optional

    Attributes
    ----------
    sliders : dict of str to IntSlider
        Keyed by response-file column (``now_D1H``, ``preferred_D6F``...).
    likert : dict of str to Dropdown
        Every 1-5 item, keyed by item id (``BH1``, ``GR1``, ``AOH``...); value None = not answered.
    totals : dict of str to HTML
        Points-left indicator per ``<timeframe>_<dimension>``.
    tabs : ipywidgets.Tab
    code, group, folder : Text
        Respondent code (a pseudonym from the lecturer), team (optional) and the folder for saves.
    save_button, reset_button : Button
    save_status, download, progress : HTML
        ``progress`` says what is still missing while answering.
    result_button : Button
        *See my result*: shows the result once the answers are complete.
    summary : HTML
        The result in words, in the explorer's live region (empty until the result is shown).
    result_box : VBox
        The summary, figure (:attr:`image`, ``<img alt>``) and its folded description
        (:attr:`details`); hidden until :meth:`show_result`.
    revealed : bool
        Whether the result has been shown (only by :meth:`show_result`, once complete).
    result : RespondentResult
        From the last update.

    The figure, its alt text, description, timing and ``widget`` are as in
    :class:`~coordkit.widgets._base.Explorer`.
    """

    def __init__(
        self,
        answers: Mapping[str, Any] | None = None,
        *,
        folder: str | None = None,
        tolerance: float = DEFAULT_TOLERANCE,
        continuous_update: bool = False,
        q: Questionnaire | None = None,
    ) -> None:
        super().__init__()
        self.q = q or questionnaire()
        self.tolerance = tolerance
        dims = self.q.dimensions
        self.sliders: dict[str, w.IntSlider] = {}
        self.totals: dict[str, w.HTML] = {}
        self._labels: dict[str, w.HTML] = {}
        self._boxes: dict[str, w.Widget] = {}
        self._pages: list[tuple[w.VBox, list[w.Widget], tuple[Item, ...], list[w.Widget]]] = []
        for d, (dim, row) in enumerate(zip(dims, self.q.divide_items, strict=True), start=1):
            heading = self.q.headings[dim]
            for item in row:
                pair = []
                for timeframe in TIMEFRAMES:
                    points = slider(POINTS_PARAM, continuous_update=continuous_update,
                                    label_width=_LABEL_WIDTH)
                    self.sliders[item.column(timeframe)] = points
                    pair.append(points)
                self._labels[item.id] = w.HTML(layout=w.Layout(width="100%"))
                self._boxes[item.id] = w.VBox([
                    self._labels[item.id], w.HBox(pair, layout=w.Layout(grid_gap="0 16px", **_ROW)),
                ], layout=w.Layout(margin="0 0 6px 0", width="100%"))
            for timeframe in TIMEFRAMES:
                self.totals[f"{timeframe}_{dim}"] = w.HTML()
            head = [w.HTML(_text("dimension", number=d, heading=heading))]
            tail = [w.HBox([self.totals[f"now_{dim}"], self.totals[f"preferred_{dim}"]],
                           layout=w.Layout(grid_gap="0 24px", **_ROW))]
            self._pages.append((w.VBox(), head, row, tail))
        self.likert: dict[str, w.Dropdown] = {}
        for item in self.q.likert_items:
            options = ([("not answered", None)] + [(f"{k} {label}", k) for k, label in item.labels().items()]
                       + [(DONT_KNOW, DK)])
            dropdown = w.Dropdown(options=options, value=None, tooltip=f"{item.heading} {item.statement}",
                                  style={"description_width": "6em"}, layout=w.Layout(**CONTROL_LAYOUT))
            self.likert[item.id] = dropdown
            self._labels[item.id] = w.HTML(layout=w.Layout(width="100%", max_width="420px"))
            self._boxes[item.id] = w.HBox([self._labels[item.id], dropdown], layout=w.Layout(**_ROW))
        # each rating block's title (its tab); its intro is in the template
        intros = {"likert": "Agree or disagree?", "structure": "You and your work", "strength": "How strong?"}
        for block, title in intros.items():
            items = self.q.block(block)
            if not items:
                continue
            for heading in dict.fromkeys(i.heading for i in items):
                group = tuple(i for i in items if i.heading == heading)
                first = heading == items[0].heading
                head = [w.HTML(_text("block", block=block, title=title))] if first else []
                self._pages.append((w.VBox(), [*head, w.HTML(_text("heading", heading=heading))], group, []))
        # one tab per dimension, then one per rating block (a block's headings share its tab)
        tab_pages: list[w.Widget] = [page for page, *_ in self._pages[:len(dims)]]
        self._tab_names = [f"{d}. {dim}" for d, dim in enumerate(dims, start=1)]
        for block, title in intros.items():
            pages = [p for p, _, items, _ in self._pages[len(dims):] if items and items[0].block == block]
            if pages:
                tab_pages.append(w.VBox(pages))
                self._tab_names.append(title)
        self.tabs = w.Tab(children=tab_pages)

        self.code = w.Text(description="Your code", placeholder="the code your lecturer gave you",
                           tooltip="A pseudonym, never your name; it also sets the order of the statements",
                           style={"description_width": "6em"}, layout=w.Layout(**CONTROL_LAYOUT),
                           continuous_update=False)
        self.group = w.Text(description="Team", placeholder="optional", tooltip="Team or group, if asked",
                            style={"description_width": "6em"}, layout=w.Layout(**CONTROL_LAYOUT))
        self.folder = w.Text(value=folder or "", description="Save in", placeholder="this folder",
                             tooltip="Folder for your answers file (default: this folder if you can write "
                                     "there, else your home folder)", style={"description_width": "6em"},
                             layout=w.Layout(**CONTROL_LAYOUT))
        self.save_button = w.Button(description="Save my answers", icon="save", button_style="primary",
                                    tooltip="Write your answers to a new CSV file your lecturer's report "
                                            "reads",
                                    layout=w.Layout(width="auto"))
        self.reset_button = w.Button(description="Clear all answers", icon="refresh",
                                     tooltip="Set every slider to 0 and every rating to not answered",
                                     layout=w.Layout(width="auto"))
        self.save_status = w.HTML()
        self.download = w.HTML()
        self.progress = w.HTML()
        self.summary = self.live
        self.result_button = w.Button(description="See my result", icon="eye",
                                      tooltip="Show your profile: only once every answer is complete, so "
                                              "that the result cannot steer your answers",
                                      layout=w.Layout(width="auto"))
        even = np.full((len(dims), 4), 25.0)
        self._fig = survey_figure(score_answers(even, even))  # moved in place on each update
        self.result_box = w.VBox([self.summary, self.image, self.details],
                                 layout=w.Layout(display="none", width="100%"))
        self.assemble(
            w.HTML(_text("code")),
            [self.code, self.group],
            self.tabs, self.reset_button, self.progress, self.result_button, self.result_box,
            w.HTML(_text("save")),
            [self.folder, self.save_button], self.save_status, self.download, output=False)
        # Hidden by the result box (not the base's presenter mode) until See my result, once complete.
        self.revealed = False
        self.watch(*self._controls())
        self.watch(self.code, callback=lambda _change: self._arrange())
        self.save_button.on_click(lambda _button: self.save())
        self.reset_button.on_click(lambda _button: self.reset())
        self.result_button.on_click(lambda _button: self.show_result())
        self._arrange()
        if answers is not None:
            self.set_answers(answers)
        else:
            self.update()

    # ----- layout -----------------------------------------------------------------------------
    def _arrange(self) -> None:
        """Lay statements out in this respondent's order (seeded by the code) and label them."""
        code = self.code.value.strip() if _CODE.fullmatch(self.code.value.strip()) else ""
        number = 0
        for page, head, items, tail in self._pages:
            shown = presentation_order(code, items)
            for k, item in enumerate(shown):
                if item.block == "divide100":
                    letter = _LETTERS[k]
                    self._labels[item.id].value = _text("statement", letter=letter, statement=item.statement)
                    for timeframe in TIMEFRAMES:
                        slider = self.sliders[item.column(timeframe)]
                        slider.description = f"Statement {letter}, {timeframe}"
                        slider.tooltip = (f"{item.heading} Points ({timeframe}, 0 to 100) for statement "
                                          f"{letter}: {item.statement}")
                else:
                    number += 1
                    self._labels[item.id].value = f"{number}. {escape(item.statement)}"
                    self.likert[item.id].description = f"Statement {number}"
            page.children = [*head, *(self._boxes[i.id] for i in shown), *tail]

    # ----- answers ----------------------------------------------------------------------------
    def _controls(self) -> list[w.Widget]:
        return [*self.sliders.values(), *self.likert.values()]

    def _grid(self, timeframe: str) -> np.ndarray:
        return np.array([[self.sliders[i.column(timeframe)].value for i in row]
                         for row in self.q.divide_items], dtype=float)

    def _likert_values(self) -> np.ndarray:
        return np.array([np.nan if d.value in (None, DK) else d.value for d in self.likert.values()],
                        dtype=float)

    def answers(self) -> dict[str, Any]:
        """The current answers: ``now``, ``preferred`` (6 x 4 lists) and ``likert`` (None, ``"dk"`` or 1-5).

        None is unanswered; ``"dk"`` (:data:`DK`) is "don't know", read as missing when scored.
        """
        return {
            "now": self._grid("now").astype(int).tolist(),
            "preferred": self._grid("preferred").astype(int).tolist(),
            "likert": [d.value for d in self.likert.values()],
        }

    def set_answers(self, answers: Mapping[str, Any]) -> None:
        """Move every control to ``answers`` (as :meth:`answers` returns) and update once."""
        with self.held():
            for timeframe in TIMEFRAMES:
                grid = np.asarray(answers[timeframe], dtype=float)
                if grid.shape != (len(self.q.dimensions), 4):
                    raise ValueError(f"{timeframe}: expected {len(self.q.dimensions)} x 4 points, "
                                     f"got {grid.shape}")
                for row, values in zip(self.q.divide_items, grid, strict=True):
                    for item, value in zip(row, values, strict=True):
                        self.sliders[item.column(timeframe)].value = round(value)
            likert = answers.get("likert")
            if likert is not None and len(likert) != len(self.likert):
                raise ValueError(f"likert: expected {len(self.likert)} answers, got {len(likert)}")
            for k, dropdown in enumerate(self.likert.values()):
                value = None if likert is None else likert[k]
                dropdown.value = (DK if value == DK else None if value is None or value != value
                                  else int(value))
        self.update()

    def reset(self) -> None:
        """Every slider back to 0, every rating to not answered: an empty form."""
        n = len(self.q.dimensions)
        self.set_answers({"now": [[0] * 4] * n, "preferred": [[0] * 4] * n, "likert": None})

    def missing(self) -> list[str]:
        """What still has to be answered before the answers are complete (empty when complete).

        "Don't know" on an organisation rating counts as answered (the kit's choice: forcing a
        rating would push a student who does not know into guessing, the very thing the rule
        "strength is asked, not inferred" avoids), and that respondent's now configuration is
        *not classified (strength not rated)* (:func:`coordkit.survey.score_answers`).
        """
        r = self.result
        out = [f"dimension {d + 1} {timeframe} ({totals[d]:.0f} of 100 points)"
               for timeframe, totals, ok in (("now", r.totals_now, r.complete_now),
                                             ("preferred", r.totals_preferred, r.complete_preferred))
               for d in range(len(self.q.dimensions)) if not ok[d]]
        unrated = [i for i in self.q.block("strength")
                   if i.level == "organisation" and self.likert[i.id].value is None]
        if unrated:
            # strength items always name their mode (the cast only types it)
            out.append("the organisation strength of " + ", ".join(cast(Mode, i.mode).value for i in unrated))
        return out

    @property
    def complete(self) -> bool:
        """Whether every dimension shares out 100 points (now and preferred) and the organisation is rated."""
        return not self.missing()

    # ----- display ----------------------------------------------------------------------------
    def _total_html(self, timeframe: str, total: float) -> str:
        done = abs(total - 100) <= self.tolerance
        return _text("total", label=timeframe.capitalize(), total=f"{total:.0f}",
                     short="" if done or total > 100 else f"{100 - total:.0f}",
                     over="" if done or total < 100 else f"{total - 100:.0f}")

    def update(self, change: Any = None) -> None:
        """Rescore and redraw from the current answers (the controls call this)."""
        with self.timed():
            likert = self._likert_values()
            answered = None if np.all(np.isnan(likert)) else likert
            result = score_answers(self._grid("now"), self._grid("preferred"), answered,
                                   tolerance=self.tolerance, q=self.q)
            self.result: RespondentResult = result
            titles = []
            for d, dim in enumerate(self.q.dimensions):
                for timeframe, totals in (("now", result.totals_now), ("preferred", result.totals_preferred)):
                    self.totals[f"{timeframe}_{dim}"].value = self._total_html(timeframe, totals[d])
                done = result.complete_now[d] and result.complete_preferred[d]
                titles.append(f"{self._tab_names[d]} {'✓' if done else '…'}")
            rating_tabs = self._tab_names[len(self.q.dimensions):]
            for name, block in zip(rating_tabs, ("likert", "structure", "strength"), strict=False):
                values = [self.likert[i.id].value for i in self.q.block(block)]
                titles.append(name + (" ✓" if all(v is not None for v in values) else ""))
            self.tabs.titles = tuple(titles)
            self.progress.value = self._progress_html()
            self.result_button.disabled = not self.complete
            if self.revealed and self.complete:
                self.set_result(self._summary_html(result))
                self.show_figure(update_survey_figure(self._fig, result), describe_survey(result))
                self.result_box.layout.display = None
            else:  # no live feedback while answering: nothing of the result is left to read
                self.description = self.summary.value = self.details.value = ""
                self.result_box.layout.display = "none"

    def show_result(self) -> bool:
        """Show the profile, configuration and description, if the answers are complete.

        Returns
        -------
        bool
            Whether the result is now shown (False, with the progress line saying why, if not).
        """
        self.revealed = self.complete
        self.update()
        return self.revealed

    def _progress_html(self) -> str:
        missing = "; ".join(self.missing())
        text = _text("progress", missing=missing)
        return _warning(Markup(text)) if missing else text

    def _summary_html(self, result: RespondentResult) -> Markup:
        if result.now is None:
            return Markup(render("survey_result.html.j2", r=None))
        now_c, pref_c = result.configuration_now, result.configuration_preferred
        assert now_c is not None, "a respondent with a now profile is classified"
        balances = [f"{label} {b.score:.2f}" for label, b in (("now", result.balance_now),
                                                             ("preferred", result.balance_preferred))
                    if b is not None]
        r: dict[str, Any] = {
            "now": {"name": now_c.name, "diagnosis": now_c.diagnosis},
            "strength_missing": not np.all(np.isfinite(result.strength)),
            "preferred": None if pref_c is None else {
                "name": pref_c.name, "balances": ", ".join(balances) if balances else "withheld",
                "gap": result.describe_gap()},
            "congruence": f"{result.congruence_now:.2f}", "levels": None, "acquiescence": None,
            "high_rating": None, "style": None}
        if result.forms is not None and result.forms.answered.any():
            r["levels"] = ", ".join(
                f"{m.value} benign {b:+.2f} / malign {v:+.2f}" if ok else f"{m.value} not answered"
                for m, b, v, ok in zip(ALL_MODES, result.forms.benign, result.forms.malign,
                                       result.forms.answered, strict=True))
            if result.acquiescent:
                r["acquiescence"] = {"side": "agreed" if result.acquiescence > 0 else "disagreed",
                                     "index": f"{result.acquiescence:+.2f}"}
        if result.styles is not None and bool(result.styles.high_rating):
            r["high_rating"] = f"{float(high_rating_tendency(self._likert_values(), self.q)):+.2f}"
        if result.response_style and result.styles is not None:
            r["style"] = ", ".join(result.styles.reasons())
        return Markup(render("survey_result.html.j2", r=r))

    # ----- saving -----------------------------------------------------------------------------
    def to_responses(self) -> Responses:
        """The current answers as a one-respondent :class:`~coordkit.survey.Responses`."""
        likert = self._likert_values()
        return Responses(ids=(self.code.value.strip(),), now=np.asarray([self._grid("now")]),
                         preferred=np.asarray([self._grid("preferred")]), likert=np.asarray([likert]),
                         groups={GROUP_COLUMN: (self.group.value.strip(),)}, version=self.q.version)

    def save(self, folder: str | Path | None = None) -> Path | None:
        """Write the answers to a new CSV file the class report reads; the status line says what happened.

        Refuses (and says why) when the code is missing or not a simple pseudonym, or when the
        answers are not complete. Never overwrites: the file is named after the code and the
        time, with ``-2``, ``-3``... added if that name is taken.

        Parameters
        ----------
        folder : str or Path, optional
            Default: the *Save in* box (empty: this folder if writable, else home).

        Returns
        -------
        pathlib.Path or None
            The file written, or None if nothing was written.
        """
        from coordkit.paths import user_path

        code = self.code.value.strip()

        def refuse(text: str) -> None:
            self.save_status.value = _warning(Markup(_text("not_saved", text=text)))
            self.download.value = ""
        if not _CODE.fullmatch(code):
            refuse("enter the code your lecturer gave you (letters, digits, - or _; never your name).")
            return None
        if not self.complete:
            refuse("not complete yet: " + "; ".join(self.missing()) + ".")
            return None
        where = folder if folder is not None else (self.folder.value.strip() or None)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        try:
            target = user_path(f"answers_{code}_{stamp}.csv", folder=where, unique=True)
            text = responses_csv(self.to_responses(), self.q,
                                 dont_know=[[d.value == DK for d in self.likert.values()]])
            with open(target, "x", encoding="utf-8", newline="") as handle:  # "x": never overwrite
                handle.write(text)
        except (OSError, ValueError) as error:
            refuse(f"could not write the file: {getattr(error, 'strerror', None) or error}")
            return None
        payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
        saved = {"target": target, "name": target.name, "code": code, "version": self.q.version,
                 "payload": payload}
        self.save_status.value = render("survey_saved.html.j2", part="status", **saved)
        self.download.value = render("survey_saved.html.j2", part="download", **saved)
        return target


class ClassExplorer(Explorer):
    """A class's results by group, with the privacy threshold and the group column as controls.

    Parameters
    ----------
    data : ReadResult or Responses
        A class, e.g. ``read_responses(...)`` of the synthetic class.
    group_column : str, optional
        Starting group column (default the first one read, if any).
    min_group : int, default 5
        Starting minimum group size (the slider runs from 3 to 20).

    Attributes
    ----------
    group_column : Dropdown
    min_group : IntSlider
        The privacy threshold (:data:`MIN_GROUP_PARAM`).
    summary : HTML
        The class by group, in the explorer's live region.
    result : ClassAnalysis
        From the last update.

    The figure, its alt text, description, timing and ``widget`` are as in
    :class:`~coordkit.widgets._base.Explorer`.

    Examples
    --------
    >>> from coordkit.survey import synthetic_class
    >>> explorer = ClassExplorer(synthetic_class(size=8))
    >>> explorer.min_group.value = 3
    >>> explorer.result.min_group, explorer.unnamed()
    (3, [])
    """

    def __init__(self, data: ReadResult | Responses, *, group_column: str | None = None,
                 min_group: int = DEFAULT_MIN_GROUP) -> None:
        super().__init__()
        self.responses = data if isinstance(data, Responses) else data.responses
        columns = list(self.responses.groups)
        if group_column is None and columns:
            group_column = columns[0]
        self.group_column = w.Dropdown(
            options=[("(whole class only)", None)] + [(c, c) for c in columns], value=group_column,
            description="Group by", tooltip="Column to break the class down by",
            style={"description_width": _LABEL_WIDTH}, layout=w.Layout(**CONTROL_LAYOUT))
        self.min_group = slider(MIN_GROUP_PARAM, value=min_group, label_width=_LABEL_WIDTH)
        self.summary = self.live
        # the responses' own reliability and each respondent's results: the same at every control
        # setting (no grouping changes them), so computed once
        self._reliability = None if self.responses.likert is None else reliability_table(self.responses)
        self._respondents = respondent_table(self.responses)
        # analyses by what they depend on besides the responses (see _analysis)
        self._analyses: dict[Any, ClassAnalysis] = {}
        self._fig = class_arrows_figure(analyse(self.responses, reliability=self._reliability,
                                                respondents=self._respondents))
        self.watch(self.group_column, self.min_group)
        self.assemble([self.group_column, self.min_group])
        self.update()

    def update(self, change: Any = None) -> None:
        """Re-analyse and redraw from the controls (the controls call this)."""
        with self.timed():
            self.result: ClassAnalysis = self._analysis(self.group_column.value, int(self.min_group.value))
            a = self.result
            if not a.class_shown:
                description = f"Nothing shown: only {a.n} respondents, fewer than {a.min_group}."
                self.set_result(Markup(_text("nothing_shown", text=description)))
            else:
                description = describe_class_arrows(a)
                self.set_result(self._summary_html(a))
            self.show_figure(update_class_arrows_figure(self._fig, a), description)

    def _analysis(self, group_column: str | None, min_group: int) -> ClassAnalysis:
        """:func:`~coordkit.survey.analyse` of the class, reused while the groups shown stay the same.

        Besides the responses, an analysis depends on the threshold only through whether the
        class is shown and which groups are shown and pooled (the disclosure plan's rows); a
        move of the slider that keeps those reuses the analysis made for them, with this
        threshold and its plan put in. Re-analysing reads each respondent's results from the table
        made once (:func:`~coordkit.survey.respondent_table`).
        """
        shown = len(self.responses) >= min_group
        plan = None
        if shown and group_column is not None:
            labels = np.array(self.responses.groups[group_column], dtype=object)  # as analyse counts them
            plan = disclosure_plan({str(g): int((labels == g).sum()) for g in dict.fromkeys(labels)},
                                   min_size=min_group)
        key = (group_column, shown, None if plan is None else (plan.shown, plan.pooled, plan.show_pooled))
        if key not in self._analyses:
            self._analyses[key] = analyse(self.responses, group_column=group_column, min_group=min_group,
                                          reliability=self._reliability, respondents=self._respondents)
        return dataclasses.replace(self._analyses[key], min_group=min_group, plan=plan)

    def _summary_html(self, a: ClassAnalysis) -> Markup:
        rows: list[list[object]] = []
        for s in [a.overall, *a.groups]:
            assert s is not None
            points = " / ".join(f"{v:.0f}" for v in s.now_mean)
            pref = " / ".join(f"{v:.0f}" for v in s.preferred_mean)
            balance = " → ".join(f"{v:.2f}" if np.isfinite(v) else "withheld"
                                 for v in (s.shown_balance("now"), s.shown_balance("preferred")))
            rows.append([s.label, s.n, s.style_excluded, points, pref, s.shown_configuration("now"), balance])
        if a.plan is None:
            note = "Whole class only (no group column chosen)."
        else:
            hidden = len(a.plan.pooled)
            count = "no group suppressed" if not a.plan.suppressed else \
                f"{len(a.plan.suppressed)} group{'s' if len(a.plan.suppressed) != 1 else ''} suppressed"
            note = f"{count}, {hidden} pooled. {a.plan.note()}"
        return Markup(render("class_explorer_summary.html.j2", n=a.n, min_group=a.min_group, note=note,
                             rows=rows))

