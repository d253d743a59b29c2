"""The profile explorer: sliders for a profile; live ternary, bars, score and diagnosis.

Examples
--------
>>> explorer = ProfileExplorer()
>>> explorer.sliders["individualism"].value = 0.8
>>> explorer.configuration.name
'balanced'
"""

from __future__ import annotations

import time
from typing import Any

import ipywidgets as w

from coordkit import plots
from coordkit.balance import EVENNESS_METHODS, BalanceReport, report
from coordkit.configuration import Configuration, classify
from coordkit.profile import Profile
from coordkit.widgets.common import silenced

__all__ = ["DEFAULT_PROFILE", "ProfileExplorer"]

#: The explorer's starting point: the traditional public-sector deficit culture (strong hierarchy
#: and solidarity, weak individualism), with some malign hierarchy and a little fatalism.
DEFAULT_PROFILE = Profile(
    hierarchy=0.85, solidarity=0.7, individualism=0.25, fatalism=0.3, malign_hierarchy=0.3
)

_SLIDER_LABELS = {
    "hierarchy": "Hierarchy",
    "solidarity": "Solidarity",
    "individualism": "Individualism",
    "fatalism": "Fatalism",
    "malign_hierarchy": "Malign H",
    "malign_solidarity": "Malign S",
    "malign_individualism": "Malign I",
    "malign_fatalism": "Despair (F)",
}
_SLIDER_HELP = {
    "hierarchy": "strength of hierarchy (leadership, rules, expertise), 0 to 1",
    "solidarity": "strength of solidarity (values, belonging), 0 to 1",
    "individualism": "strength of individualism (autonomy, enterprise), 0 to 1",
    "fatalism": "strength of fatalism, both faces (wisdom about limits, or despair), 0 to 1",
    "malign_hierarchy": "share of hierarchy that is malign (overbearing, micro-managing)",
    "malign_solidarity": "share of solidarity that is malign (cliquish, conformist)",
    "malign_individualism": "share of individualism that is malign (selfish, gaming)",
    "malign_fatalism": "share of fatalism that is despair rather than wisdom (1 = all despair)",
}


class ProfileExplorer:
    """Sliders for a profile; a live ternary position, bar chart, score and diagnosis.

    Parameters
    ----------
    profile : Profile, optional
        Where the sliders start; :data:`DEFAULT_PROFILE` if omitted.
    threshold : float, default 0.5
        Strength at which a mode counts as strong.
    continuous_update : bool, default False
        Update while a slider is dragged (smoother on a local machine, heavier on a hub).

    Attributes
    ----------
    sliders : dict of str to FloatSlider
        One slider per profile field, keyed by field name.
    method : Dropdown
        The evenness index.
    profile : Profile
        The profile the sliders show.
    report : BalanceReport
        Balance components from the last update.
    configuration : Configuration
        Configuration from the last update.
    description : str
        Text description of the figure from the last update.
    image : ipywidgets.Image
        The figure, rendered to PNG (works the same in JupyterLab, Voila and tests).
    last_update_seconds : float
        How long the last update took (compute and redraw).
    widget : ipywidgets.VBox
        The whole explorer, for ``display``.
    """

    def __init__(
        self,
        profile: Profile | None = None,
        *,
        threshold: float = 0.5,
        continuous_update: bool = False,
    ) -> None:
        start = profile or DEFAULT_PROFILE
        self.threshold = threshold
        self.sliders: dict[str, w.FloatSlider] = {
            name: w.FloatSlider(
                value=value, min=0.0, max=1.0, step=0.05, description=_SLIDER_LABELS[name],
                description_allow_html=False, continuous_update=continuous_update,
                readout_format=".2f", tooltip=_SLIDER_HELP[name],
                style={"description_width": "95px"},
                layout=w.Layout(width="340px"),
            )
            for name, value in start.to_dict().items()
        }
        self.method = w.Dropdown(
            options=[(f"{k}: {v}", k) for k, v in EVENNESS_METHODS.items()],
            value="pielou", description="Evenness index", style={"description_width": "initial"},
            layout=w.Layout(width="660px"),
        )
        self.summary = w.HTML()
        self.image = w.Image(format="png", layout=w.Layout(width="100%", max_width="900px"))
        self._figure = plots.profile_figure(start, threshold=threshold)
        self._renderer = plots.FastPNG(self._figure)
        strengths = w.VBox([w.HTML("<b>Strengths</b>")] +
                           [self.sliders[k] for k in ("hierarchy", "solidarity", "individualism",
                                                      "fatalism")])
        malign = w.VBox([w.HTML("<b>Malign share of each mode</b>")] +
                        [self.sliders[k] for k in ("malign_hierarchy", "malign_solidarity",
                                                   "malign_individualism", "malign_fatalism")])
        self.widget = w.VBox([w.HBox([strengths, malign]), self.method, self.summary,
                              self.image])
        for control in [*self.sliders.values(), self.method]:
            control.observe(self.update, names="value")
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
        with self._held():
            for name, value in profile.to_dict().items():
                self.sliders[name].value = value
        self.update()

    def _held(self) -> Any:
        """Silence the controls while several of them move at once."""
        return silenced([*self.sliders.values(), self.method], self.update)

    def update(self, change: Any = None) -> None:
        """Recompute and redraw from the current slider values (the controls call this)."""
        started = time.perf_counter()
        profile = self.profile
        self.report: BalanceReport = report(profile, method=self.method.value)
        self.configuration: Configuration = classify(profile, strong=self.threshold)
        self.description = plots.describe_profile(
            profile, threshold=self.threshold, method=self.method.value
        )
        plots.update_profile_figure(
            self._figure, profile, threshold=self.threshold, method=self.method.value
        )
        self.summary.value = (
            f"<p><b>{self.configuration.name.capitalize()}</b> &mdash; "
            f"{self.report.as_text()}</p><p>{self.configuration.diagnosis}</p>"
            f"<p><small><i>Figure description:</i> {self.description}</small></p>"
        )
        self.image.value = self._renderer.png()
        self.last_update_seconds = time.perf_counter() - started

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

