"""Qualitative behaviour of the mean-field teaching model (coordkit.models.dynamics)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coordkit.balance import dynamic_balance, evenness
from coordkit.configuration import Kind, classify
from coordkit.models.dynamics import (
    LEVER_SPECS,
    Levers,
    Rates,
    Trajectory,
    simulate,
    sweep,
)
from coordkit.modes import ACTIVE_MODES
from coordkit.profile import Profile

MODE_NAMES = [m.value for m in ACTIVE_MODES]


def lever_values(**fixed: st.SearchStrategy[float]) -> st.SearchStrategy[Levers]:
    """Levers drawn from their whole documented ranges (some may be pinned by ``fixed``)."""
    strategies = {
        name: st.floats(spec.low, spec.high, allow_nan=False) for name, spec in LEVER_SPECS.items()
    }
    strategies.update(fixed)
    return st.builds(Levers, **strategies)


def assert_in_range(run: Trajectory) -> None:
    for name in ("benign", "malign", "fatalism", "outcome"):
        values = getattr(run, name)
        assert np.all(np.isfinite(values)), name
        assert np.all(values >= 0.0), name
    assert np.all(run.strength <= 1.0 + 1e-12)
    assert np.all(run.fatalism <= 1.0)
    assert np.all(run.outcome <= run.ceiling + 1e-12)
    assert np.all((run.balance() >= 0) & (run.balance() <= 1))
    run.final_profile()  # validates every value into [0, 1]


# ----- levers ------------------------------------------------------------------------------------


def test_lever_specs_cover_every_lever_and_hold_their_defaults():
    levers = Levers()
    assert set(LEVER_SPECS) == set(levers.to_dict())
    for name, spec in LEVER_SPECS.items():
        assert spec.low <= getattr(levers, name) == spec.default <= spec.high
        assert spec.help


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("support_hierarchy", 1.5, r"support_hierarchy \(Support H\) must be between 0 and 1"),
        ("critique", -0.1, "critique must be between 0 and 2"),
        ("demand", 0.0, "demand must be between 0.1 and 3"),
        ("noise", math.nan, "noise must be between 0 and 0.5"),
        ("renewal", "lots", "renewal: 'lots' is not a number"),
    ],
)
def test_bad_lever_names_the_lever_and_the_range(name, value, message):
    with pytest.raises(ValueError, match=message):
        Levers(**{name: value})


def test_bad_rate_and_run_arguments_name_the_parameter():
    with pytest.raises(ValueError, match=r"growth must be between 0\.1 and 5"):
        Rates(growth=0)
    with pytest.raises(ValueError, match="dt must be between 0"):
        simulate(Levers(), dt=1.0)
    with pytest.raises(ValueError, match="years must be between 0"):
        simulate(Levers(), years=-1)
    with pytest.raises(TypeError, match="initial must be a coordkit Profile"):
        simulate(Levers(), initial=(0.5, 0.5, 0.5, 0.1))  # type: ignore[arg-type]


def test_levers_replace_and_differences():
    changed = Levers().replace(support_individualism=0.9, demand=1.4)
    assert changed.differences(Levers()) == {
        "support_individualism": (0.9, 0.5),
        "demand": (1.4, 1.0),
    }
    with pytest.raises(ValueError, match="support_individualism"):
        Levers().replace(support_individualism=2)


# ----- qualitative behaviour ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "initial",
    [
        None,
        Profile(0.9, 0.8, 0.2, 0.3),  # the traditional public-sector deficit culture
        Profile(0.1, 0.1, 0.9, 0.6),
        Profile(0.0, 0.0, 0.0, 1.0),
        Profile(1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0),  # strong but wholly malign
    ],
)
def test_balanced_levers_settle_to_a_bounded_balanced_state(initial):
    run = simulate(Levers(), initial, years=150)
    assert run.settled(tol=1e-4, years=5)
    assert_in_range(run)
    final = run.final_profile()
    assert classify(final).name == "balanced"
    assert run.evenness()[-1] > 0.99
    assert run.malign_share[-1] < 0.15
    assert run.fatalism[-1] < 0.1
    assert 0.5 < run.outcome[-1] < run.ceiling


@pytest.mark.parametrize("mode", MODE_NAMES)
def test_pushing_one_lever_hard_makes_a_monoculture_with_more_malign_and_fatalism(mode):
    balanced = simulate(Levers(), years=40)
    pushed = simulate(Levers(**{f"support_{mode}": 1.0}), years=40)
    config = classify(pushed.final_profile())
    assert config.kind is Kind.MONOCULTURE
    assert config.name == f"{mode} monoculture"
    j = MODE_NAMES.index(mode)
    assert pushed.malign_fraction[-1, j] > 2 * balanced.malign_fraction[-1, j]
    assert pushed.malign_share[-1] > balanced.malign_share[-1] + 0.05
    assert pushed.fatalism[-1] > balanced.fatalism[-1] + 0.05
    assert pushed.outcome[-1] < balanced.outcome[-1]


def test_reverse_effects_grow_with_dominance_and_with_their_strength():
    # The dominant mode's benign part turns malign faster the more it dominates ...
    fractions = [
        simulate(Levers(support_hierarchy=u), years=30).malign_fraction[-1, 0]
        for u in (0.5, 0.7, 0.9, 1.0)
    ]
    assert np.all(np.diff(fractions) > 0)
    # ... and the faster the stronger the reverse effect; without it nothing turns malign.
    by_strength = [
        simulate(Levers(support_hierarchy=1.0, reverse_effect=r), years=30).malign_fraction[-1, 0]
        for r in (0.0, 0.5, 1.0, 2.0)
    ]
    assert by_strength[0] == 0.0
    assert np.all(np.diff(by_strength) > 0)


def test_malign_growth_in_one_form_feeds_its_critics():
    # Hierarchy grows mostly malign; with critique its critics (solidarity, individualism) grow
    # stronger and its malign share is checked.
    runs = [
        simulate(Levers(malign_bias_hierarchy=0.8, critique=k), years=20) for k in (0.0, 1.0, 2.0)
    ]
    critics = [r.strength[-1, 1:].mean() for r in runs]
    assert np.all(np.diff(critics) > 0)
    assert runs[2].malign_fraction[-1, 0] < runs[0].malign_fraction[-1, 0]


def test_fatalism_is_fed_by_malign_forms_and_by_overload_and_saps_the_active_forms():
    base = simulate(Levers(), years=30)
    malign = simulate(Levers(malign_bias_hierarchy=0.7, malign_bias_solidarity=0.7,
                             malign_bias_individualism=0.7), years=30)
    overloaded = simulate(Levers(demand=2.0), years=30)
    for run in (malign, overloaded):
        assert run.fatalism[-1] > base.fatalism[-1] + 0.1
        assert np.all(run.strength[-1] < base.strength[-1])  # sapped


@pytest.mark.parametrize("mode", MODE_NAMES)
def test_removing_one_forms_support_gives_a_deficit_culture_named_by_the_weak_form(mode):
    run = simulate(Levers(**{f"support_{mode}": 0.0}), years=40)
    config = classify(run.final_profile())
    assert config.kind is Kind.DEFICIT
    assert config.name == f"deficit culture: weak {mode}"
    assert [m.value for m in config.weak_active] == [mode]


def test_demand_beyond_capacity_caps_the_outcome_even_with_the_best_levers():
    best = dict(support_hierarchy=1.0, support_solidarity=1.0, support_individualism=1.0,
                reverse_effect=0.0, renewal=1.0, critique=2.0)
    matched = simulate(Levers(**best), years=40)
    squeezed = simulate(Levers(**best, demand=2.0, capacity=1.0), years=40)
    assert squeezed.ceiling == 0.5
    assert squeezed.outcome.max() <= 0.5
    assert squeezed.outcome[-1] < matched.outcome[-1] / 2
    assert classify(matched.final_profile()).name == "balanced"


@settings(max_examples=150, deadline=None)
@given(levers=lever_values(), data=st.data())
def test_outcome_stays_under_the_ceiling_when_demand_exceeds_capacity(levers, data):
    capacity = data.draw(st.floats(0.1, 2.9))
    demand = data.draw(st.floats(capacity * 1.01, 3.0))
    levers = levers.replace(demand=demand, capacity=capacity)
    run = simulate(levers, years=15, seed=0)
    assert run.ceiling == pytest.approx(capacity / demand)
    assert run.ceiling < 1.0
    assert np.all(run.outcome <= capacity / demand + 1e-12)


@settings(max_examples=200, deadline=None)
@given(
    levers=lever_values(),
    dt=st.sampled_from([0.01, 0.1, 0.25]),
    strengths=st.lists(st.floats(0, 1), min_size=4, max_size=4),
    malign=st.lists(st.floats(0, 1), min_size=3, max_size=3),
    seed=st.integers(0, 2**32 - 1),
)
def test_results_finite_and_in_range_over_the_whole_lever_range(levers, dt, strengths, malign,
                                                                 seed):
    run = simulate(levers, Profile.from_strengths(strengths, malign), years=10, dt=dt,
                   seed=seed)
    assert_in_range(run)


# ----- determinism, vectorisation, outputs -------------------------------------------------------


def test_same_seed_same_result_and_noise_matters():
    levers = Levers(noise=0.3)
    a = simulate(levers, seed=7)
    b = simulate(levers, seed=7)
    c = simulate(levers, seed=8)
    assert np.array_equal(a.benign, b.benign) and np.array_equal(a.fatalism, b.fatalism)
    assert not np.array_equal(a.benign, c.benign)
    quiet = Levers()
    assert np.array_equal(simulate(quiet, seed=1).benign, simulate(quiet, seed=2).benign)
    assert np.array_equal(
        simulate(levers, seed=np.random.default_rng(3)).malign,
        simulate(levers, seed=3).malign,
    )


def test_sweep_matches_single_runs():
    settings_ = [
        Levers(support_hierarchy=u, demand=d) for u in (0.0, 0.5, 1.0) for d in (0.8, 1.6)
    ]
    runs = sweep(settings_, Profile(0.9, 0.8, 0.2, 0.3), years=10)
    assert len(runs) == len(settings_)
    for levers, run in zip(settings_, runs, strict=True):
        single = simulate(levers, Profile(0.9, 0.8, 0.2, 0.3), years=10)
        assert run.levers is levers
        np.testing.assert_allclose(run.benign, single.benign, atol=1e-12)
        np.testing.assert_allclose(run.malign, single.malign, atol=1e-12)
        np.testing.assert_allclose(run.outcome, single.outcome, atol=1e-12)
    assert sweep([]) == []


def test_noisy_sweep_is_seeded_and_in_range():
    settings_ = [Levers(noise=0.5, support_hierarchy=u) for u in np.linspace(0, 1, 5)]
    a = sweep(settings_, years=5, seed=1)
    b = sweep(settings_, years=5, seed=1)
    for x, y in zip(a, b, strict=True):
        assert np.array_equal(x.benign, y.benign)
        assert_in_range(x)


def test_shapes_time_and_initial_state():
    initial = Profile(0.6, 0.5, 0.4, 0.3, malign_hierarchy=0.5)
    run = simulate(Levers(), initial, years=3, dt=0.25)
    assert run.time.shape == (13,) and run.time[-1] == pytest.approx(3.0)
    assert run.benign.shape == run.malign.shape == (13, 3)
    assert run.fatalism.shape == run.outcome.shape == (13,)
    first = run.profile_at(0)
    for name, value in initial.to_dict().items():
        assert getattr(first, name) == pytest.approx(value)


def test_balance_over_time_agrees_with_the_core_scores():
    run = simulate(Levers(support_individualism=0.2), Profile(0.9, 0.8, 0.2, 0.3), years=10)
    for i in (0, 25, -1):
        profile = run.profile_at(i)
        assert run.balance()[i] == pytest.approx(dynamic_balance(profile))
        assert run.evenness("simpson")[i] == pytest.approx(
            evenness(profile.benign_strengths, "simpson"))
    summary = run.summary()
    assert summary["configuration"] == classify(run.final_profile()).name
    assert summary["outcome"] == pytest.approx(run.outcome[-1])


def test_evenness_is_zero_when_nothing_is_benign():
    run = simulate(Levers(support_hierarchy=0, support_solidarity=0, support_individualism=0),
                   Profile(0, 0, 0, 1), years=1)
    assert np.all(run.evenness() == 0)
    assert np.all(run.outcome == 0)


def test_to_frame_is_tidy():
    run = simulate(Levers(), years=2)
    frame = run.to_frame()
    assert list(frame.columns) == ["time", "quantity", "mode", "value"]
    n = len(run.time)
    assert len(frame) == n * (3 * 3 + 3)
    fatal = frame[(frame["quantity"] == "strength") & (frame["mode"] == "fatalism")]
    np.testing.assert_allclose(fatal["value"], run.fatalism)
    hier = frame[(frame["quantity"] == "malign") & (frame["mode"] == "hierarchy")]
    np.testing.assert_allclose(hier["value"], run.malign[:, 0])


def test_tilted_starts_show_a_deficit_culture_needs_an_exactly_even_start():
    from coordkit.models.dynamics import tilted_starts

    t = tilted_starts(Levers(support_hierarchy=0.0), "solidarity", "individualism",
                      [0.0, 0.001, -0.001, 0.01])
    assert t["tilt"].tolist() == [0.0, 0.001, -0.001, 0.01]
    assert t["configuration"].tolist() == [
        "deficit culture: weak hierarchy", "solidarity monoculture",
        "individualism monoculture", "solidarity monoculture"]
    assert t["outcome"].iloc[0] > t["outcome"].iloc[1]
    with pytest.raises(ValueError, match="two different modes"):
        tilted_starts(Levers(), "solidarity", "solidarity", [0.1])
    with pytest.raises(ValueError, match="outside 0 to 1"):
        tilted_starts(Levers(), "solidarity", "individualism", [0.7])


def test_simulate_many_is_the_batch_runner_and_sweep_its_old_name():
    from coordkit.models import dynamics

    assert dynamics.sweep is dynamics.simulate_many
