"""Drive the widgets as a learner would, without a browser: ipywidgets swallows exceptions raised
inside callbacks, so nothing but a direct test would ever see them."""

import math

import numpy as np
import pytest

from coordkit.balance import EVENNESS_METHODS, report
from coordkit.configuration import classify
from coordkit.widgets import DEFAULT_PROFILE, ProfileExplorer


@pytest.fixture(scope="module")
def explorer():
    return ProfileExplorer()


def test_starts_at_the_default_profile(explorer):
    assert explorer.profile == DEFAULT_PROFILE
    assert explorer.configuration.name == "deficit culture: weak individualism"
    # the figure is now an <img alt> (Explorer base); its PNG bytes are kept in .png
    assert explorer.png[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("name", ["hierarchy", "solidarity", "individualism", "fatalism",
                                  "malign_hierarchy", "malign_solidarity", "malign_individualism"])
def test_every_slider_over_its_whole_range(explorer, name):
    slider = explorer.sliders[name]
    for value in np.arange(slider.min, slider.max + 1e-9, slider.step):
        slider.value = float(value)
        p = explorer.profile
        assert getattr(p, name) == pytest.approx(value)
        r = explorer.report
        assert all(math.isfinite(x) and 0 <= x <= 1 for x in
                   (r.evenness, r.strength, r.malign_share, r.fatalism, r.score))
        assert r == report(p, method=explorer.method.value)
        assert explorer.configuration == classify(p)
        assert explorer.configuration.name.capitalize() in explorer.summary.value
        assert explorer._figure.get_suptitle().startswith(explorer.configuration.name)
    explorer.set_profile(DEFAULT_PROFILE)


def test_moving_a_slider_changes_what_is_shown(explorer):
    explorer.set_profile(DEFAULT_PROFILE)
    before_image, before_text = explorer.image.value, explorer.summary.value
    explorer.sliders["individualism"].value = 0.9
    assert explorer.configuration.name == "balanced"
    assert explorer.image.value != before_image
    assert explorer.summary.value != before_text
    explorer.set_profile(DEFAULT_PROFILE)


@pytest.mark.parametrize("method", list(EVENNESS_METHODS))
def test_every_evenness_method(explorer, method):
    explorer.method.value = method
    assert explorer.report.method == method
    assert explorer.report == report(explorer.profile, method=method)
    assert f"; {method})" in explorer.summary.value
    explorer.method.value = "pielou"


def test_set_profile_updates_once_with_everything_moved(explorer):
    from coordkit.profile import Profile

    target = Profile(0.1, 0.1, 0.1, 0.1)
    explorer.set_profile(target)
    assert explorer.profile == target
    assert explorer.configuration.name == "no strong active form"
    explorer.set_profile(DEFAULT_PROFILE)


def test_sliders_are_labelled_for_screen_readers(explorer):
    for slider in explorer.sliders.values():
        assert slider.description and slider.tooltip
    assert explorer.method.description == "Evenness index"


# ----- the explorer base ---------------------------------------------------------------------------

import base64  # noqa: E402
import re  # noqa: E402
from dataclasses import dataclass  # noqa: E402

import ipywidgets as w  # noqa: E402

from coordkit.params import Params, param  # noqa: E402
from coordkit.plots.view import ProfileView  # noqa: E402
from coordkit.profile import Profile  # noqa: E402
from coordkit.widgets._base import Explorer, slider_row  # noqa: E402
from coordkit.widgets._base import slider as make_slider  # noqa: E402


@dataclass(frozen=True)
class _Strengths(Params):
    """Two strengths and a count, for the tiny explorer."""

    individualism: float = param(0.2, 0.0, 1.0, step=0.1, label="Individualism",
                                 help="strength of individualism")
    fatalism: float = param(0.3, 0.0, 1.0, step=0.1, unit="0 to 1", help="strength of fatalism")
    years: int = param(10, 1, 40, integer=True, unit="years")


class _Tiny(Explorer):
    """Sliders from params; the profile view; the configuration as the live result."""

    def __init__(self):
        super().__init__()
        self.sliders = {name: make_slider(spec) for name, spec in _Strengths.specs().items()}
        self.updates = 0
        self.watch(*self.sliders.values())
        self.assemble(list(self.sliders.values()))
        self.update()

    def update(self, change=None):
        with self.timed():
            self.updates += 1
            values = _Strengths(**{k: s.value for k, s in self.sliders.items()})
            self.view = ProfileView(Profile(0.9, 0.8, values.individualism, values.fatalism))
            self.show_view(self.view)
            self.set_result(self.view.configuration.name.capitalize() + " <now>")


@pytest.fixture
def tiny():
    return _Tiny()


def test_explorer_image_is_an_img_with_the_views_alt_text(tiny):
    tiny.sliders["individualism"].value = 0.8
    tag = re.search(r"<img\b[^>]*>", tiny.image.value).group(0)
    assert f'alt="{tiny.view.alt()}"' in tag and tiny.alt == tiny.view.alt()
    src = re.search(r'src="data:image/png;base64,([^"]+)"', tag).group(1)
    assert base64.b64decode(src) == tiny.png and tiny.png[:4] == b"\x89PNG"
    assert "balanced" in tiny.alt


def test_explorer_result_is_an_escaped_live_region(tiny):
    assert 'role="status"' in tiny.result.value and 'aria-live="polite"' in tiny.result.value
    assert "&lt;now&gt;" in tiny.result.value, "plain text is escaped"


def test_explorer_description_follows_the_view(tiny):
    tiny.sliders["fatalism"].value = 0.9
    assert tiny.description == tiny.view.describe()
    assert "fatalism 0.90" in tiny.details.value and "<details" in tiny.details.value


def test_held_updates_once_for_many_moves(tiny):
    before = tiny.updates
    with tiny.held():
        tiny.sliders["individualism"].value = 0.5
        tiny.sliders["fatalism"].value = 0.5
    assert tiny.updates == before
    tiny.update()
    assert tiny.updates == before + 1
    tiny.sliders["fatalism"].value = 0.6  # listening again after the block
    assert tiny.updates == before + 2


def test_timing_and_display(tiny):
    assert 0 < tiny.last_update_seconds < 5
    bundle = tiny._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_layout_is_fluid_and_wraps(tiny):
    assert tiny.widget.layout.width == "100%" and tiny.widget.layout.max_width == tiny.max_width
    row = tiny.widget.children[0]
    assert row.layout.flex_flow == "row wrap"
    for s in tiny.sliders.values():
        assert s.layout.width == "100%" and s.layout.min_width == "0"
    assert tiny.widget.children[-3:] == (tiny.result, tiny.image, tiny.details)


def test_every_control_has_a_name(tiny):
    assert tiny.unnamed() == []
    tiny.watch(w.FloatSlider())
    assert len(tiny.unnamed()) == 1, "an unnamed control is found"


def test_slider_from_a_param():
    specs = _Strengths.specs()
    s = make_slider(specs["fatalism"])
    assert (s.min, s.max, s.step, s.value) == (0.0, 1.0, 0.1, 0.3)
    assert s.description == "Fatalism" and s.tooltip == "strength of fatalism (0 to 1)"
    assert s.readout_format == ".1f" and not s.continuous_update
    years = make_slider(specs["years"], value=20)
    assert isinstance(years, w.IntSlider) and years.value == 20 and years.tooltip == "years"
    control, box = slider_row(specs["years"])
    assert box.children[0] is control and "years" in box.children[1].value
    assert box.layout.flex_flow == "row wrap"


def test_base_update_must_be_written():
    with pytest.raises(NotImplementedError):
        Explorer().update()


def _app_explorers():
    from coordkit.widgets.class_results import ClassResultsExplorer
    from coordkit.widgets.history import RecodeExplorer
    from coordkit.widgets.profile import ProfileExplorer
    from coordkit.widgets.scenarios import ScenarioExplorer

    return {"profile": lambda: ProfileExplorer(layout="app", presenter=True),
            "scenarios": lambda: ScenarioExplorer("rumoured_2022", layout="app", presenter=True),
            "recoder": lambda: RecodeExplorer(layout="app", presenter=True),
            "class_results": lambda: ClassResultsExplorer(layout="app", presenter=True)}


@pytest.mark.parametrize("name", ["profile", "scenarios", "recoder", "class_results"])
def test_app_figures_have_projector_sized_text(name):
    from coordkit.plots.style import smallest_text_px
    from coordkit.widgets._base import APP_DPI, APP_FIGURE_BOX

    app = _app_explorers()[name]()
    width, height = APP_FIGURE_BOX
    px = smallest_text_px(app._figure, width_px=width, height_px=height, dpi=APP_DPI)
    assert px >= 18 - 1e-6, f"{name}: smallest figure text {px:.1f} px as shown"


def test_presenter_mode_hides_the_description_and_hides_again_on_each_change():
    from coordkit.widgets.profile import ProfileExplorer

    app = ProfileExplorer(layout="app", presenter=True)
    assert app.details.layout.display == "none" and app.image.layout.display == "none"
    app.toggle_reveal()
    assert app.revealed and app.details.layout.display is None
    app.sliders["individualism"].value = 0.9
    assert not app.revealed, "a moved control hides the result for the next prediction"
    assert app.details.layout.display == "none" and app.live.layout.display == "none"
    assert "Individualism" in app.description or app.description, "the update still ran"
    app.toggle_reveal()
    app.update()  # the same result again: nothing new to predict, so it stays up
    assert app.revealed
    notebook = ProfileExplorer()
    notebook.sliders["individualism"].value = 0.9
    assert notebook.revealed and notebook.details.layout.display is None


def test_class_results_re_reads_the_folder_while_presenting(tmp_path):
    from pathlib import Path

    from coordkit.widgets.class_results import CLASSROOM_MIN_GROUP, ClassResultsExplorer

    root = Path(__file__).resolve().parents[1]
    lines = (root / "data" / "synthetic_class.csv").read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], lines[1:]
    (tmp_path / "first.csv").write_text("\n".join([header, *rows[:30]]) + "\n", encoding="utf-8")
    app = ClassResultsExplorer(tmp_path, layout="app", presenter=True, min_group=2)
    assert CLASSROOM_MIN_GROUP == 5 and app.min_group.min == 5 and app.min_group.value == 5
    assert "under 5 respondents" in app.source.value and "other groups combined" in app.source.value
    assert app.analysis.n == 30 and all(g.n >= 5 for g in app.analysis.groups)
    app.toggle_reveal()
    (tmp_path / "later.csv").write_text("\n".join([header, *rows[30:]]) + "\n", encoding="utf-8")
    app.reload.click()
    assert app.analysis.n == len(rows), "the new export joins while presenting"
    assert not app.revealed, "new answers: the result is hidden for a new prediction"
    assert f"({len(rows)} respondents)" in app.source.value


def test_the_class_results_app_groups_by_the_column_kit_app_names(monkeypatch, tmp_path):
    from pathlib import Path

    from coordkit.widgets.class_results import GROUP_VARIABLE, ClassResultsExplorer

    root = Path(__file__).resolve().parents[1]
    (tmp_path / "export.csv").write_text((root / "data" / "synthetic_class.csv").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    monkeypatch.setenv(GROUP_VARIABLE, "role")  # ./kit app --class-folder DIR --group-column role
    app = ClassResultsExplorer(tmp_path)
    assert app._group_columns == ("role",)
    assert "role" in [value for _, value in app.group_column.options] or "role" in app.group_column.options
    monkeypatch.delenv(GROUP_VARIABLE)
    assert ClassResultsExplorer(tmp_path)._group_columns == ("team",)


def test_app_controls_fit_their_labels():
    from coordkit.widgets.class_results import ClassResultsExplorer
    from coordkit.widgets.profile import SHORT_METHOD_NAMES

    assert ClassResultsExplorer().reload.layout.width == "auto"  # "Re-read the class folder" whole
    labels = [label for label, _ in ProfileExplorer().method.options]
    assert labels == [SHORT_METHOD_NAMES[k] for k in EVENNESS_METHODS] and max(map(len, labels)) <= 22
