"""Recode NHS reforms yourself: a recoder against the kit's coding, and a coding form for the class.

* :class:`RecodeExplorer` -- pick a reform, set its push on each mode with sliders, and watch the
  cumulative reform pressure and the profile and configuration it implies change, against the
  kit's own coding.
* :class:`CodingForm` -- a student codes a set of reforms from scratch (without seeing the kit's
  coding) and saves a coding file for the class pool (:mod:`coordkit.codings`).

Both are thin, on :class:`~coordkit.widgets._base.Explorer`: every number comes from
:mod:`coordkit.history` (recoding, pressure, profiles) and :mod:`coordkit.configuration`, every
figure from :mod:`coordkit.plots.history`. Both are importable from
:mod:`coordkit.widgets.history` too.

Examples
--------
>>> recoder = RecodeExplorer(reform="health_social_care_act_2012")
>>> recoder.your_configuration.name
'balanced'
>>> recoder.sliders["individualism"].value = 0
>>> recoder.your_configuration.name
'deficit culture: weak individualism'
>>> recoder.unnamed()
[]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as w
import pandas as pd

from coordkit import history
from coordkit.configuration import Configuration, classify
from coordkit.html import Markup, render
from coordkit.modes import ALL_MODES, Mode
from coordkit.params import Param
from coordkit.plots import history as hplots
from coordkit.profile import Profile
from coordkit.widgets._base import CONTROL_LAYOUT, Explorer, _wrap, slider
from coordkit.widgets.common import silenced
from coordkit.widgets.history import _WIDE, MODE_HELP, _plain, _sources

__all__ = ["DEFAULT_RECODE_REFORM", "HALF_LIVES", "CodingForm", "RecodeExplorer"]

#: The reform the recoder starts on: the Act that made integrated care statutory and repealed
#: compulsory competition, coded as pushing individualism down hard.
DEFAULT_RECODE_REFORM = "health_and_care_act_2022"
#: Choices of half-life (years for a reform's push to fade by half) offered by the recoder.
#: The labels say the unit (years) and what the number does, in plain words.
HALF_LIVES: tuple[tuple[str, float | None], ...] = (
    ("no fading", None),
    ("halves in 5 years", 5.0),
    ("halves in 10 years", 10.0),
    ("halves in 20 years", 20.0),
    ("halves in 40 years", 40.0),
)


def _push_spec(mode: Mode) -> Param:
    """The slider spec of a reform's push on ``mode`` (-2 strongly down to +2 strongly up)."""
    return Param(mode.value, mode.label, "push, -2 to +2", history.MIN_PUSH, history.MAX_PUSH, 1, 0,
                 f"how hard the reform pushed {mode.value} ({MODE_HELP[mode]}): -2 strongly down, "
                 "0 not at all, +2 strongly up", integer=True)


# ----- recode it yourself ------------------------------------------------------------------------


class RecodeExplorer(Explorer):
    """Recode any reform with sliders and watch the reform pressure and implied configuration move.

    Pick a reform; the four sliders show its coding (the kit's, until you change it). Moving a
    slider recodes that reform; your recodings are kept as you move between reforms, so you can
    recode several. The figure shows the cumulative pressure under the kit's coding (solid) and
    yours (dashed), and the profile each implies in the chosen year, both read on the kit's scale
    (:func:`coordkit.history.pressure_profile`), with the configuration each falls into.

    Parameters
    ----------
    reforms : pandas.DataFrame, optional
        Default :func:`coordkit.history.load_reforms` (the kit's coding).
    reform : str, default :data:`DEFAULT_RECODE_REFORM`
        The reform to start on.
    half_life : float or None, default 10
        Starting half-life (one of :data:`HALF_LIVES`).
    year : int, default 2025
        Year whose profile is read.
    threshold : float, default 0.5
        Strength at which a mode counts as strong.

    Attributes
    ----------
    reform : Dropdown
    sliders : dict of str to IntSlider
        The chosen reform's push on each mode, -2 to +2, keyed by mode name.
    half_life : Dropdown
    year : IntSlider
    reset, reset_all : Button
        Put the chosen reform (or every reform) back to the kit's coding.
    codings : dict
        Your recodings: reform id to {mode name: push}, only where they differ from the kit's.
    alternative : pandas.DataFrame
        The reforms with your recodings.
    difference : pandas.DataFrame
        :func:`coordkit.history.compare_pressure` of the kit's coding and yours.
    kit_profile, your_profile : Profile
    kit_configuration, your_configuration : Configuration
    info : ipywidgets.HTML
        The chosen reform's facts; the kit's coding and rationale folded.
    summary : ipywidgets.HTML
        The comparison in words (the base's live region).

    The figure, its alt text, description and timing are as in
    :class:`~coordkit.widgets._base.Explorer`.
    """

    #: In the app layout the result sits above the figure, in view at 125 % zoom.
    result_first = True

    def __init__(
        self,
        reforms: pd.DataFrame | None = None,
        *,
        reform: str = DEFAULT_RECODE_REFORM,
        half_life: float | None = 10.0,
        year: int = history.LAST_YEAR,
        threshold: float = 0.5,
        layout: str = "notebook",
        presenter: bool = False,
    ) -> None:
        super().__init__(layout=layout, presenter=presenter)
        self.reforms = _plain(history.load_reforms() if reforms is None else reforms)
        self.threshold = threshold
        self.codings: dict[str, dict[str, int]] = {}
        self._by_id = self.reforms.set_index("id")
        self.reform = w.Dropdown(
            options=[(f"{r['date'].year} \u00b7 {r['title']}", r["id"]) for _, r in self.reforms.iterrows()],
            value=reform, description="Reform", tooltip="The reform to recode", style=_WIDE,
            layout=w.Layout(**CONTROL_LAYOUT),
        )
        self.sliders: dict[str, w.IntSlider] = {
            m.value: slider(_push_spec(m), continuous_update=False)
            for m in ALL_MODES
        }
        self.half_life = w.Dropdown(options=list(HALF_LIVES), value=half_life, description="A push fades",
                                    tooltip="Half-life: the years a reform's push takes to fade to half "
                                            "(no fading: every reform counts in full for ever)", style=_WIDE,
                                    layout=w.Layout(**CONTROL_LAYOUT))
        self.year = slider(Param("year", "Profile year", "calendar year", history.FIRST_YEAR,
                                 history.LAST_YEAR, 1, history.LAST_YEAR,
                                 "year in which to read the profile implied by the pressure",
                                 integer=True), value=year)
        self.reset = w.Button(description="Back to the kit's coding",
                              tooltip="Undo your recoding of this reform", layout=w.Layout(width="auto"))
        self.reset_all = w.Button(description="Undo all recodings", tooltip="Undo every recoding",
                                  layout=w.Layout(width="auto"))
        self.info = w.HTML(layout=w.Layout(width="100%"))
        self.summary = self.live
        self._baseline_cache: dict[float | None, pd.DataFrame] = {}
        self._set_sliders(self._coding(reform))
        kit = self._baseline(half_life)
        self._fig = hplots.recode_figure(kit, kit, year=year, threshold=threshold)
        pushes = w.VBox([w.HTML("<b>Your coding of this reform</b> (push, -2 to +2)"),
                         *self.sliders.values()], layout=w.Layout(width="100%", max_width="440px"))
        options = w.VBox([w.HTML("<b>Reading the pressure</b>"), self.half_life, self.year,
                          _wrap([self.reset, self.reset_all])],
                         layout=w.Layout(width="100%", max_width="440px"))
        self.watch(*self.sliders.values(), callback=self._on_push)
        self.watch(self.reform, callback=self._on_reform)
        self.watch(self.half_life, self.year)
        self.assemble(self.reform, [pushes, options], self.info)
        self.reset.on_click(lambda _: self.reset_reform())
        self.reset_all.on_click(lambda _: self.reset_everything())
        self.update()

    # -- state ------------------------------------------------------------------------------------
    def kit_coding(self, reform_id: str) -> dict[str, int]:
        """The kit's coding of a reform, by mode name.

        Parameters
        ----------
        reform_id : str

        Returns
        -------
        dict of str to int
        """
        row = self._by_id.loc[reform_id]
        return {m.value: int(row[history.PUSH_COLUMNS[m]]) for m in ALL_MODES}

    def _coding(self, reform_id: str) -> dict[str, int]:
        return {**self.kit_coding(reform_id), **self.codings.get(reform_id, {})}

    def _set_sliders(self, coding: dict[str, int]) -> None:
        with silenced(self.sliders.values(), self._on_push):
            for name, value in coding.items():
                self.sliders[name].value = value

    def _on_push(self, change: Any = None) -> None:
        reform_id = self.reform.value
        kit = self.kit_coding(reform_id)
        mine = {name: int(s.value) for name, s in self.sliders.items()}
        changed = {name: v for name, v in mine.items() if v != kit[name]}
        if changed:
            self.codings[reform_id] = changed
        else:
            self.codings.pop(reform_id, None)
        self.update()

    def _on_reform(self, change: Any = None) -> None:
        self._set_sliders(self._coding(self.reform.value))
        self.update()

    def set_coding(self, reform_id: str, **pushes: int) -> None:
        """Recode a reform directly (as if with the sliders) and update once.

        Parameters
        ----------
        reform_id : str
        **pushes : int
            New pushes by mode name, e.g. ``individualism=0``.
        """
        unknown = set(pushes) - {m.value for m in ALL_MODES}
        if unknown:
            raise ValueError(f"unknown mode(s) {sorted(unknown)}; use hierarchy, solidarity, "
                             "individualism or fatalism")
        history.recode_many(self.reforms, {reform_id: pushes})  # validates the id and the values
        kit = self.kit_coding(reform_id)
        merged = {**self._coding(reform_id), **pushes}
        changed = {n: int(v) for n, v in merged.items() if int(v) != kit[n]}
        if changed:
            self.codings[reform_id] = changed
        else:
            self.codings.pop(reform_id, None)
        if reform_id == self.reform.value:
            self._set_sliders(self._coding(reform_id))
        self.update()

    def reset_reform(self) -> None:
        """Put the chosen reform back to the kit's coding."""
        self.codings.pop(self.reform.value, None)
        self._set_sliders(self.kit_coding(self.reform.value))
        self.update()

    def reset_everything(self) -> None:
        """Undo every recoding."""
        self.codings.clear()
        self._set_sliders(self.kit_coding(self.reform.value))
        self.update()

    def _baseline(self, half_life: float | None) -> pd.DataFrame:
        if half_life not in self._baseline_cache:
            self._baseline_cache[half_life] = history.reform_pressure(self.reforms, half_life=half_life)
        return self._baseline_cache[half_life]

    # -- update -----------------------------------------------------------------------------------
    def update(self, change: Any = None) -> None:
        """Recompute and redraw from the current controls (the controls call this)."""
        with self.timed():
            self._update()

    def _update(self) -> None:
        half_life, year = self.half_life.value, int(self.year.value)
        self.alternative = (history.recode_many(self.reforms, self.codings, rationale="learner's recoding")
                            if self.codings else self.reforms)
        self.difference = history.compare_pressure(self.reforms, self.alternative, half_life=half_life)
        kit = self._baseline(half_life)
        yours = self.difference[["year", "mode", "alternative"]].rename(columns={"alternative": "pressure"})
        scale = history.pressure_scale(kit)
        self.kit_profile: Profile = history.pressure_profile(kit, year, scale=scale)
        self.your_profile: Profile = history.pressure_profile(yours, year, scale=scale)
        self.kit_configuration: Configuration = classify(self.kit_profile, strong=self.threshold)
        self.your_configuration: Configuration = classify(self.your_profile, strong=self.threshold)
        row = self._by_id.loc[self.reform.value]
        reform_year = float(history.decimal_year(pd.Series([row["date"]]))[0])
        hplots.update_recode_figure(self._fig, kit, yours, year=year, reform_year=reform_year,
                                    scale=scale, threshold=self.threshold)
        description = hplots.describe_recode(kit, yours, year=year, scale=scale,
                                             threshold=self.threshold)
        self.info.value = self._info_html(row)
        self.set_result(Markup(self._summary_html(year, half_life)))
        # blitting needs fixed axes: a new renderer whenever the y-limits or the y label move
        left = self._fig.axes[0]
        self.show_figure(self._fig, description, key=(*left.get_ylim(), left.get_ylabel()))

    def _info_html(self, row: pd.Series) -> str:
        return render("history_recode.html.j2", part="info", title=row["title"],
                      date=history.date_label(row["date"], row["date_precision"]), kind=row["kind"],
                      kit=history.push_label(row), description=row["description"],
                      rationale=row["coding_rationale"], sources=_sources(row["sources"]))

    def _summary_html(self, year: int, half_life: float | None) -> str:
        fade = "no fading" if half_life is None else f"half-life {half_life:g} years"
        d = self.difference[self.difference["year"] == year].set_index("mode")["difference"]
        moved = [f"{m.value} {d[m.value]:+.1f}" for m in ALL_MODES if abs(d[m.value]) > 1e-9]
        recoded = []
        for reform_id, changes in self.codings.items():
            kit = self.kit_coding(reform_id)
            recoded.append({"title": self._by_id.loc[reform_id, "title"], "changes": ", ".join(
                f"{name} {kit[name]:+d} \u2192 {v:+d}" for name, v in changes.items())})

        def fmt(p: Profile) -> str:
            return ", ".join(f"{m.initial} {v:.2f}" for m, v in zip(ALL_MODES, p.strengths, strict=True))

        # one line in view (the two readings); the detail folded, so the result never scrolls
        return render("history_recode.html.j2", part="summary", year=year,
                      yours=self.your_configuration.name, kits=self.kit_configuration.name,
                      same=self.your_configuration == self.kit_configuration, recoded=recoded,
                      your_profile=fmt(self.your_profile), kit_profile=fmt(self.kit_profile), fade=fade,
                      moved=moved, diagnosis=self.your_configuration.diagnosis)


# ----- code the reforms yourself, for the class pool ----------------------------------------------


class CodingForm(Explorer):
    """Code a set of reforms from scratch and save a coding file for the class (a new file per save).

    The kit's coding is not shown, so that it does not anchor yours. Every reform starts *not
    coded*; moving any of its sliders codes it (all four pushes as the sliders show them).
    Saving writes a new ``coding-....csv`` with :func:`coordkit.codings.write_coding` and prints
    where; nothing is ever overwritten. No name is asked for or saved.

    Parameters
    ----------
    reforms : pandas.DataFrame, optional
        Default :func:`coordkit.history.load_reforms`.
    reform_ids : sequence of str, default :data:`coordkit.codings.CODING_SET`
    directory : str or Path, optional
        Where files are saved (default the current folder).

    Attributes
    ----------
    reform : Dropdown
    sliders : dict of str to IntSlider
        One per mode, -2 to +2.
    save : Button
    codings : dict
        Reform id to ``{mode: push}``, for the reforms coded so far.
    saved : list of Path
        The files written, in order.
    status : ipywidgets.HTML
        The result of the last action (the base's ARIA live region).
    about : ipywidgets.HTML
        The chosen reform's description.
    widget : ipywidgets.VBox

    Examples
    --------
    >>> import tempfile
    >>> form = CodingForm(directory=tempfile.mkdtemp())
    >>> form.sliders["solidarity"].value = 2
    >>> path = form.save_coding()
    saved ...coding-...csv
    >>> path.name.startswith("coding-"), form.codings[form.reform.value]["solidarity"]
    (True, 2)
    """

    def __init__(self, reforms: pd.DataFrame | None = None, reform_ids: Sequence[str] | None = None,
                 *, directory: Any = None) -> None:
        from coordkit import codings

        super().__init__()
        self._codings_module = codings
        self.reforms = _plain(history.load_reforms() if reforms is None else reforms)
        self.reform_ids = list(codings.CODING_SET if reform_ids is None else reform_ids)
        self._by_id = self.reforms.set_index("id")
        self.directory = directory
        self.codings: dict[str, dict[str, int]] = {}
        self.saved: list[Any] = []
        by_id = self._by_id
        options = [(f"{history.date_label(by_id.loc[r, 'date'], by_id.loc[r, 'date_precision'])}: "
                    f"{by_id.loc[r, 'title']}", r) for r in self.reform_ids]
        self.reform = w.Dropdown(options=options, value=self.reform_ids[0], description="Reform",
                                 tooltip="The reform to code", style=_WIDE,
                                 layout=w.Layout(width="100%", max_width="640px"))
        self.sliders = {
            m.value: slider(_push_spec(m), value=0)
            for m in ALL_MODES
        }
        self.save = w.Button(description="Save my coding", tooltip="Write a new coding file to hand in",
                             icon="save")
        self.about = w.HTML()
        self.status = self.live
        self.status.layout.min_height = "2em"
        self.watch(*self.sliders.values(), callback=self._on_push)
        self.watch(self.reform, callback=self._on_reform)
        self.assemble(self.reform, self.about, *self.sliders.values(), self.save, output=False)
        self.widget.children = (*self.widget.children, self.status)
        self.widget.layout.max_width = "680px"
        self.save.on_click(lambda _: self.save_coding())
        self._on_reform()

    def _show(self, text: str) -> None:
        self.set_result(Markup(render("history_recode.html.j2", part="message", text=text)))

    def _progress(self) -> str:
        return f"You have coded {len(self.codings)} of {len(self.reform_ids)} reforms."

    def _on_reform(self, change: Any = None) -> None:
        reform_id = self.reform.value
        row = self._by_id.loc[reform_id]
        self.about.value = render("history_recode.html.j2", part="message", text=row["description"])
        with silenced(self.sliders.values(), self._on_push):
            for name, control in self.sliders.items():
                control.value = self.codings.get(reform_id, {}).get(name, 0)
        state = "coded" if reform_id in self.codings else "not coded yet (move a slider to code it)"
        self._show(f"This reform is {state}. {self._progress()}")

    def _on_push(self, change: Any = None) -> None:
        self.codings[self.reform.value] = {name: int(s.value) for name, s in self.sliders.items()}
        self._show(f"Coded. {self._progress()}")

    def save_coding(self) -> Any:
        """Write the coding so far to a new file; returns its path (``None`` if nothing is coded)."""
        if not self.codings:
            self._show("Code at least one reform first: move a slider.")
            return None
        try:
            path = self._codings_module.write_coding(self.codings, self.directory)
        except OSError as error:
            self._show(f"Could not save here ({error.strerror or error}); run the notebook from a "
                       "folder you can write to.")
            return None
        self.saved.append(path)
        print(f"saved {path}")
        self._show(Markup("Saved {} reforms to <code>{}</code> (a new file each time: hand in the latest).")
                   .format(len(self.codings), path))
        return path

    def update(self, change: Any = None) -> None:
        """Nothing to redraw: the form shows its state as it changes."""
