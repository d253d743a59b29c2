"""Figures of the surprise model: what is drawn agrees with what is described."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from coordkit.archetypes import ARCHETYPES
from coordkit.models.dynamics import Levers, simulate
from coordkit.models.pendulum import pendulum_test
from coordkit.models.regimes import REGIMES, regime_map
from coordkit.plots.regimes import (
    REGIME_STYLE,
    describe_pendulum,
    describe_regime_map,
    describe_swings,
    pendulum_figure,
    regime_map_figure,
    swings_figure,
)


@pytest.fixture(scope="module")
def rm():
    return regime_map("rivalry", [0.5, 1.5, 2.0], "surprise", [0.0, 2.0])


def test_regime_map_draws_one_cell_per_setting_with_its_letter(rm):
    fig = regime_map_figure(rm)
    ax = fig.axes[0]
    letters = [t.get_text() for t in ax.texts]
    assert sorted(letters) == sorted(REGIME_STYLE[r][2] for r in rm.regime.ravel())
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[:len(REGIMES)] == [f"{REGIME_STYLE[r][2]}: {r} ({rm.count(r)})" for r in REGIMES]
    # one more entry, the dots, only when some label changes at twice the run length
    assert legend[len(REGIMES):] == ([f"label changes when runs\nare twice as long ({rm.unconfirmed})"]
                                     if rm.unconfirmed else [])
    text = describe_regime_map(rm)
    for r in REGIMES:
        assert f"{r} {rm.count(r)}" in text
    assert "6 settings" in text
    assert "traditional public sector" in text and "steps of 0.2 years" in text


def test_every_regime_has_its_own_hatch_or_blank_and_letter():
    letters = [style[2] for style in REGIME_STYLE.values()]
    hatches = [style[1] for style in REGIME_STYLE.values()]
    assert len(set(letters)) == len(set(hatches)) == len(REGIME_STYLE) == len(REGIMES)


def test_pendulum_figure_and_description_agree():
    years = np.arange(1948, 2026)
    pressure = np.zeros((len(years), 3))
    pressure[:, 0] = 1.0
    pressure[(years >= 1990) & (years < 2000), 2] = 2.0
    test = pendulum_test(years, pressure)
    fig = pendulum_figure(test)
    bars = fig.axes[0].patches
    assert len(bars) == len(test.spells("history")) + len(test.spells("model"))
    text = describe_pendulum(test)
    assert test.order("history") in text and test.order("model") in text
    assert f"{test.holdout_agreement:.0%}" in text and "held-back" in text


def test_swings_figure_and_description():
    run = simulate(Levers(surprise=2.0, rivalry=2.0), ARCHETYPES["traditional public sector"],
                   years=60)
    fig = swings_figure(run)
    assert [len(ax.lines) for ax in fig.axes] == [3, 3]
    assert "the strongest mode is hierarchy (from year 0)" in describe_swings(run)
    with pytest.raises(TypeError, match="run must be a Trajectory"):
        swings_figure("not a run")


def _doubtful(rm):
    """The same map with every label unconfirmed, so the legend has its longest entry."""
    return dataclasses.replace(rm, confirmed=np.zeros_like(rm.confirmed))


def test_regime_map_legend_lies_inside_the_stored_figure(rm):
    fig = regime_map_figure(_doubtful(rm))
    fig.draw_without_rendering()  # at the size the notebooks store: show does not crop
    legend = fig.axes[0].get_legend()
    assert legend.get_texts()[-1].get_text().startswith("label changes")
    box, page = legend.get_window_extent(), fig.bbox
    assert page.x0 <= box.x0 and box.x1 <= page.x1 and page.y0 <= box.y0 and box.y1 <= page.y1
    for text in legend.get_texts():
        inner = text.get_window_extent()
        assert inner.x1 <= page.x1, text.get_text()


def _round(value):
    """Whether a tick value has at most two decimal places (0.5, 1, 2.5; not 0.26 or 0.77)."""
    return any(abs(value * 10**k - round(value * 10**k)) < 1e-9 for k in range(3))


@pytest.mark.parametrize("values", [np.linspace(0, 2, 40), np.linspace(0, 3, 40), np.linspace(0.1, 0.9, 17)])
def test_regime_map_ticks_are_round_lever_values_at_their_place(values):
    rm = regime_map("surprise", values, "rivalry", [0.0, 2.0])
    ax = regime_map_figure(rm).axes[0]
    ticks = ax.get_xticks()
    labels = [float(t.get_text()) for t in ax.get_xticklabels()]
    assert len(labels) >= 3
    assert all(_round(v) for v in labels), labels
    steps = np.diff(labels)
    assert np.allclose(steps, steps[0])
    # a tick's place is where its value falls on the grid (cell k holds values[k])
    assert np.allclose(np.interp(ticks, np.arange(len(values)), values), labels)
