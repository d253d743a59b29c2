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
    assert explorer.image.value[:8] == b"\x89PNG\r\n\x1a\n"


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
    assert explorer.configuration.name == "no strong form"
    explorer.set_profile(DEFAULT_PROFILE)


def test_sliders_are_labelled_for_screen_readers(explorer):
    for slider in explorer.sliders.values():
        assert slider.description and slider.tooltip
    assert explorer.method.description == "Evenness index"
