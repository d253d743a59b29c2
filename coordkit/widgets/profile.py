"""The profile explorer: sliders for a profile; live ternary, bars, score and diagnosis.

Thin: :class:`~coordkit.plots.view.ProfileView` computes the balance report and configuration
and draws and describes the figure; :class:`~coordkit.widgets._base.Explorer` shows it.

Examples
--------
>>> explorer = ProfileExplorer()
>>> explorer.sliders["individualism"].value = 0.8
>>> explorer.configuration.name
'balanced'
>>> explorer.unnamed()
[]
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from coordkit.balance import EVENNESS_METHODS, BalanceReport
from coordkit.configuration import Configuration
from coordkit.html import Markup, render
from coordkit.params import Param
from coordkit.plots.view import ProfileView
from coordkit.profile import Profile
from coordkit.widgets._base import CONTROL_LAYOUT, Explorer, slider

__all__ = ["DEFAULT_PROFILE", "PROFILE_SLIDERS", "ProfileExplorer"]

#: The explorer's starting point: the traditional public-sector deficit culture (strong hierarchy
#: and solidarity, weak individualism), with some malign hierarchy and a little fatalism.
DEFAULT_PROFILE = Profile(
    hierarchy=0.85, solidarity=0.7, individualism=0.25, fatalism=0.3, malign_hierarchy=0.3
)

_STRENGTH = "strength, 0 to 1"
_SHARE = "share, 0 to 1"


def _unit_param(name: str, label: str, unit: str, meaning: str) -> Param:
    """A profile field's slider spec: 0 to 1 in steps of 0.05 (the default is set per explorer)."""
    return Param(name, label, unit, 0, 1, 0.05, 0, meaning)


#: One slider spec per profile field: label, unit and meaning (the default is set per explorer).
PROFILE_SLIDERS: dict[str, Param] = {
    spec.name: spec for spec in (
        _unit_param(name, label, unit, meaning) for name, label, unit, meaning in (
            ("hierarchy", "Hierarchy", _STRENGTH, "strength of hierarchy (leadership, rules, expertise)"),
            ("solidarity", "Solidarity", _STRENGTH, "strength of solidarity (values, belonging)"),
            ("individualism", "Individualism", _STRENGTH,
             "strength of individualism (autonomy, enterprise)"),
            ("fatalism", "Fatalism", _STRENGTH,
             "strength of fatalism, both faces (wisdom about limits, or despair)"),
            ("malign_hierarchy", "Malign hierarchy", _SHARE,
             "share of hierarchy that is malign (overbearing, micro-managing)"),
            ("malign_solidarity", "Malign solidarity", _SHARE,
             "share of solidarity that is malign (cliquish, conformist)"),
            ("malign_individualism", "Malign individualism", _SHARE,
             "share of individualism that is malign (selfish, gaming)"),
            ("malign_fatalism", "Despair (fatalism)", _SHARE,
             "share of fatalism that is despair rather than wisdom (1 = all despair)"),
        )
    )
}
_STRENGTHS = ("hierarchy", "solidarity", "individualism", "fatalism")
_MALIGN = ("malign_hierarchy", "malign_solidarity", "malign_individualism", "malign_fatalism")

#: Short names for the evenness indices, so the dropdown's labels fit its box at 18 px (each
#: index's definition is in the dropdown's tooltip and in :data:`coordkit.balance.EVENNESS_METHODS`).
SHORT_METHOD_NAMES: dict[str, str] = {"pielou": "Pielou's J (entropy)", "simpson": "Gini-Simpson",
                                      "centroid": "distance from centre", "minmax": "smallest / largest"}


class ProfileExplorer(Explorer):
    """Sliders for a profile; a live ternary position, bar chart, score and diagnosis.

    Parameters
    ----------
    profile : Profile, optional
        Where the sliders start; :data:`DEFAULT_PROFILE` if omitted.
    threshold : float, default 0.5
        Strength at which a mode counts as strong.
    continuous_update : bool, default False
        Update while a slider is dragged (smoother on a local machine, heavier on a hub).
    layout, presenter
        As in :class:`~coordkit.widgets._base.Explorer` (``layout="app"`` for projecting).

    Attributes
    ----------
    sliders : dict of str to FloatSlider
        One slider per profile field, keyed by field name (specs in :data:`PROFILE_SLIDERS`).
    method : Dropdown
        The evenness index.
    profile : Profile
        The profile the sliders show.
    view : ProfileView
        The figure view from the last update.
    report : BalanceReport
        Balance components from the last update.
    configuration : Configuration
        Configuration from the last update.
    summary : ipywidgets.HTML
        The diagnosis in words (the live region :attr:`result`, under its older name).

    The figure, its alt text, description and timing are as in
    :class:`~coordkit.widgets._base.Explorer`.
    """

    #: In the app layout the result sits above the figure, in view at 125 % zoom.
    result_first = True

    def __init__(
        self,
        profile: Profile | None = None,
        *,
        threshold: float = 0.5,
        continuous_update: bool = False,
        layout: str = "notebook",
        presenter: bool = False,
    ) -> None:
        super().__init__(layout=layout, presenter=presenter)
        start = profile or DEFAULT_PROFILE
        self.threshold = threshold
        self.sliders: dict[str, w.FloatSlider] = {
            name: slider(PROFILE_SLIDERS[name], value=value, continuous_update=continuous_update,
                         label_width="11em")
            for name, value in start.to_dict().items()
        }
        self.method = w.Dropdown(
            options=[(SHORT_METHOD_NAMES.get(k, k), k) for k in EVENNESS_METHODS],
            value="pielou", description="Evenness index", style={"description_width": "initial"},
            tooltip="how the balance index measures evenness: " + "; ".join(
                f"{SHORT_METHOD_NAMES.get(k, k)}: {v}" for k, v in EVENNESS_METHODS.items()),
            layout=w.Layout(**CONTROL_LAYOUT),
        )
        self.summary = self.result
        self.watch(*self.sliders.values(), self.method)
        column = {"width": "100%", "max_width": "440px"}
        self.assemble(
            [w.VBox([w.HTML("<b>Strength of each form</b> (0 to 1)"),
                     *(self.sliders[k] for k in _STRENGTHS)], layout=w.Layout(**column)),
             w.VBox([w.HTML("<b>Malign share of each form</b> (0 to 1)"),
                     *(self.sliders[k] for k in _MALIGN)], layout=w.Layout(**column))],
            self.method)
        self.update()

    @property
    def profile(self) -> Profile:
        """The profile the sliders currently show."""
        return Profile(**{name: s.value for name, s in self.sliders.items()})

    def set_profile(self, profile: Profile) -> None:
        """Move every slider to ``profile`` and update once.

        Parameters
        ----------
        profile : Profile
        """
        with self.held():
            for name, value in profile.to_dict().items():
                self.sliders[name].value = value
        self.update()

    def update(self, change: Any = None) -> None:
        """Recompute and redraw from the current slider values (the controls call this)."""
        with self.timed():
            self.view = ProfileView(self.profile, threshold=self.threshold, method=self.method.value)
            self.report: BalanceReport = self.view.report
            self.configuration: Configuration = self.view.configuration
            self.show_view(self.view)
            # the configuration and balance in view; the diagnosis folded (never scrolls)
            self.set_result(Markup(render(
                "explorer_results.html.j2", part="profile", name=self.configuration.name.capitalize(),
                report=self.report.as_text(), diagnosis=self.configuration.diagnosis)))
