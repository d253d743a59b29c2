"""Surprise, regimes and the pendulum test (coordkit.models.regimes, coordkit.models.pendulum)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from coordkit.archetypes import ARCHETYPES
from coordkit.models.dynamics import Levers, simulate, sweep
from coordkit.models.pendulum import (
    DEFAULT_CANDIDATES,
    leaders,
    pendulum_test,
    shift_baseline,
    spells,
    swing_pattern,
)
from coordkit.models.regimes import (
    REGIMES,
    Criterion,
    SymmetricStartWarning,
    _peaks,
    classify_regime,
    classify_settings,
    largest_lyapunov,
    regime_map,
    repeat_time,
    swing_period,
)
from coordkit.plots.regimes import describe_regime_map

START = ARCHETYPES["traditional public sector"]
T = np.arange(0, 100, 0.2)


# ----- surprise off is the equilibrium model; surprise on moves allegiance ---------------------


def test_surprise_off_keeps_allegiance_even_and_support_as_set():
    run = simulate(Levers(support_hierarchy=0.9, rivalry=2.0), START, years=50)
    assert np.array_equal(run.allegiance, np.full_like(run.allegiance, 1 / 3))
    assert np.allclose(run.effective_support, [0.9, 0.5, 0.5])


def test_surprise_moves_allegiance_away_from_the_failing_mode():
    # hierarchy pushed hard turns malign (reverse effects); with surprise its backers leave
    pushed = Levers(support_hierarchy=1.0)
    off = simulate(pushed, years=40)
    on = simulate(pushed.replace(surprise=2.0), years=40)
    assert on.allegiance[-1, 0] < 0.3 < on.allegiance[-1, 1]
    assert on.strength[-1, 0] < off.strength[-1, 0]
    assert np.allclose(on.allegiance.sum(axis=1), 1.0)


def test_a_longer_delay_means_a_later_response():
    pushed = Levers(support_hierarchy=1.0, surprise=2.0)
    fast = simulate(pushed.replace(surprise_delay=1.0), years=10)
    slow = simulate(pushed.replace(surprise_delay=10.0), years=10)
    assert fast.allegiance[50, 0] < slow.allegiance[50, 0]


def test_stalemate_leaves_more_malign_than_a_responsive_system():
    levers = Levers(malign_bias_hierarchy=0.6, critique=1.5)
    clumsy = simulate(levers, years=40)
    stalemate = simulate(levers.replace(responsiveness=0.0), years=40)
    assert stalemate.malign[-1, 0] > clumsy.malign[-1, 0] + 0.05
    assert stalemate.outcome[-1] < clumsy.outcome[-1]


def test_benign_fatalism_neither_saps_nor_costs():
    levers = Levers(demand=1.5)
    despair = simulate(levers, years=30)
    wisdom = simulate(levers.replace(benign_fatalism=1.0), years=30)
    assert wisdom.outcome[-1] > despair.outcome[-1]
    assert wisdom.strength[-1].mean() > despair.strength[-1].mean()
    # the end profile carries the face: all malign by default, half with a benign share of 0.5
    assert despair.final_profile().malign_fatalism == 1.0
    assert simulate(levers.replace(benign_fatalism=0.5), years=5).final_profile() \
        .malign_fatalism == pytest.approx(0.5)


# ----- the criterion, on series whose regime is known --------------------------------------------


def test_the_criterion_on_known_series():
    assert classify_regime(np.full(500, 0.4), -0.2) == "settled"
    assert classify_regime(0.5 + 0.005 * np.sin(T), 0.0) == "settled"  # below the amplitude
    assert classify_regime(0.5 + 0.3 * np.exp(-T / 20) * np.sin(T), -0.05) == "damped"
    assert classify_regime(0.5 + 0.3 * np.sin(T), 0.001) == "cycling"
    assert classify_regime(0.5 + 0.3 * np.sin(T), 0.1) == "chaotic"
    # the thresholds are the criterion's, and they move the verdict
    assert classify_regime(0.5 + 0.005 * np.sin(T), 0.0, Criterion(amplitude=0.001)) == "cycling"
    with pytest.raises(ValueError, match="amplitude must be a positive number"):
        Criterion(amplitude=0)


def test_lyapunov_estimator_recovers_known_exponents():
    logistic = largest_lyapunov(lambda s: [4.0 * s[0] * (1.0 - s[0])], [0.3], 20000, 1.0)
    assert logistic == pytest.approx(np.log(2), abs=0.03)
    # many runs at once (the step sees each run and then its copy): contracting and expanding
    both = largest_lyapunov(lambda s: [np.array([0.5, 1.1, 0.5, 1.1]) * s[0]],
                            [np.array([1.0, 1.0])], 100, 1.0)
    assert both == pytest.approx([np.log(0.5), np.log(1.1)], abs=1e-6)


def test_swing_period_of_a_sine():
    assert swing_period(np.sin(2 * np.pi * T / 8.0), 0.2) == pytest.approx(8.0, abs=0.2)
    assert np.isnan(swing_period(np.linspace(0, 1, 50), 0.2))


# ----- with surprise on, some settings cycle and some settle, classified correctly ------------------


@pytest.fixture(scope="module")
def small_map():
    return regime_map("rivalry", [0.5, 2.0], "surprise", [0.0, 2.0])


def test_regime_map_classifies_cycling_and_settled_settings(small_map):
    rm = small_map
    assert rm.regime.shape == (2, 2)
    assert set(rm.regime.ravel()) <= set(REGIMES)
    assert rm.regime[0].tolist() == ["settled", "settled"]  # no surprise: equilibrium
    assert rm.regime[1, 1] == "cycling"  # strong rivalry with surprise
    assert rm.regime[1, 0] in ("settled", "damped")  # weak rivalry: the pull to balance wins
    assert 5 < rm.period[1, 1] < 40 and np.isnan(rm.period[0, 0])
    assert abs(rm.lyapunov[1, 1]) < rm.criterion.lyapunov
    assert rm.count("cycling") == 1 and sum(rm.fractions().values()) == pytest.approx(1.0)


def test_the_map_agrees_with_single_runs(small_map):
    # check each verdict independently on the full run from simulate
    for (i, j), regime in np.ndenumerate(small_map.regime):
        levers = Levers(rivalry=small_map.x_values[j], surprise=small_map.y_values[i])
        run = simulate(levers, START, years=200, dt=0.2)
        tail = run.strength[-500:]
        swing = np.ptp(tail, axis=0).max()
        if regime == "settled":
            assert swing < 0.02
        if regime == "cycling":  # swings of steady size: the first and last quarter alike
            first, last = np.ptp(tail[:125], axis=0).max(), np.ptp(tail[-125:], axis=0).max()
            assert swing > 0.1 and last == pytest.approx(first, rel=0.1)


def test_regime_map_rejects_bad_arguments():
    with pytest.raises(ValueError, match="lever must be one of"):
        regime_map("nonsense", [0], "surprise", [0])
    with pytest.raises(ValueError, match="must differ"):
        regime_map("rivalry", [0], "rivalry", [1])
    with pytest.raises(ValueError, match="must exceed the criterion's tail_years"):
        regime_map("rivalry", [0], "surprise", [0], years=50)
    with pytest.raises(ValueError, match="rivalry must be between 0 and 2"):
        regime_map("rivalry", [5.0], "surprise", [0])


def test_regime_map_equals_a_sweep_of_the_same_settings():
    rm = regime_map("rivalry", [2.0], "surprise", [2.0], years=150, dt=0.1)
    run = sweep([Levers(rivalry=2.0, surprise=2.0)], START, years=150, dt=0.1)[0]
    assert rm.amplitude[0, 0] == pytest.approx(np.ptp(run.strength[-1000:], axis=0).max(),
                                               rel=1e-6)


# ----- the pendulum ------------------------------------------------------------------------------


def test_leaders_and_spells():
    lead = leaders(np.array([[1, 0, 0], [1, 0, 0], [0, 0, 2], [0, 3, 0]]))
    assert lead.tolist() == ["hierarchy", "hierarchy", "individualism", "solidarity"]
    got = [(s.mode, s.start, s.end, s.years) for s in spells([2000, 2001, 2002, 2003], lead)]
    assert got == [("hierarchy", 2000, 2001, 2), ("individualism", 2002, 2002, 1),
                   ("solidarity", 2003, 2003, 1)]
    with pytest.raises(ValueError, match=r"shape \(n, 3\)"):
        leaders(np.zeros((3, 4)))


def test_pendulum_test_holds_the_later_years_back():
    years = np.arange(1948, 2026)
    pressure = np.zeros((len(years), 3))
    pressure[years < 1990, 0] = 1.0
    pressure[years >= 1990, 2] = 1.0  # individualism from 1990, through the held-out years
    test = pendulum_test(years, pressure)
    assert test.history[years >= 2014].tolist() == ["individualism"] * 12
    assert test.persistence_agreement == 1.0  # 2013's leader carries on
    assert test.usual_agreement == 0.0  # hierarchy led most often before 2014
    assert test.usual_fit_agreement == pytest.approx(42 / 66)
    fit = years < 2014
    assert test.fit_agreement == pytest.approx(np.mean(test.model[fit] == test.history[fit]))
    assert test.holdout_agreement == pytest.approx(
        np.mean(test.model[~fit] == test.history[~fit]))
    # the chosen setting is the best of the candidates on the fitting period only
    assert test.levers.surprise > 0
    assert test.order("history") == "H I"
    assert test.mean_spell("history") == pytest.approx(33.0)


def test_near_best_set_holds_every_candidate_within_the_tolerance():
    years, pressure = _two_spell_history()
    candidates = DEFAULT_CANDIDATES[::4]
    test = pendulum_test(years, pressure, candidates=candidates, tolerance=2)
    fit = years < 2014
    matches = {c: int(np.sum(pendulum_test(years, pressure, candidates=[c]).model[fit]
                             == test.history[fit])) for c in candidates}
    best = max(matches.values())
    assert test.near_best[0] == test.levers  # the pre-stated tie-break: first best first
    assert set(test.near_best) == {c for c, m in matches.items() if m >= best - 2}
    assert len(test.near_best_holdout) == len(test.near_best)
    low, mid, high = test.holdout_range
    assert low <= test.holdout_agreement <= high and low <= mid <= high
    narrow = pendulum_test(years, pressure, candidates=candidates, tolerance=0)
    assert set(narrow.near_best) <= set(test.near_best)
    with pytest.raises(ValueError, match="tolerance"):
        pendulum_test(years, pressure, candidates=candidates, tolerance=-1)


def test_swing_pattern_tells_a_pendulum_from_a_rotation():
    assert swing_pattern("H") == "one mode throughout (H)"
    assert swing_pattern("S H S H") == "a pendulum between S and H"
    assert swing_pattern("H I S H I") == "a rotation H -> I -> S"
    assert swing_pattern("H S I H I S").startswith("mixed")  # the direction reverses
    assert swing_pattern("H S H I").startswith("mixed: 1 back-and-forth")
    with pytest.raises(ValueError, match="at least one"):
        swing_pattern("")


def test_pendulum_test_rejects_bad_input():
    with pytest.raises(ValueError, match="consecutive"):
        pendulum_test([2000, 2002, 2003], np.zeros((3, 3)))
    with pytest.raises(ValueError, match="rows for"):
        pendulum_test(np.arange(2000, 2010), np.zeros((5, 3)))
    with pytest.raises(ValueError, match="holdout_from"):
        pendulum_test(np.arange(2000, 2010), np.zeros((10, 3)), holdout_from=2000)


def _two_spell_history():
    years = np.arange(1948, 2026)
    pressure = np.zeros((len(years), 3))
    pressure[years < 1990, 0] = 1.0
    pressure[years >= 1990, 2] = 1.0
    return years, pressure


def test_shift_baseline_repeats_the_whole_fitting_procedure_on_each_shift():
    years, pressure = _two_spell_history()
    candidates = DEFAULT_CANDIDATES[::6]
    base = shift_baseline(years, pressure, candidates=candidates, shifts=[5, 30, 60])
    observed = pendulum_test(years, pressure, candidates=candidates)
    assert (base.observed_fit, base.observed_holdout) == (observed.fit_agreement,
                                                          observed.holdout_agreement)
    for k, fit, held in zip(base.shifts, base.fit_scores, base.holdout_scores, strict=True):
        again = pendulum_test(years, np.roll(pressure, int(k), axis=0), candidates=candidates)
        assert (fit, held) == (again.fit_agreement, again.holdout_agreement)
    assert base.share_fit_reaching == pytest.approx(np.mean(base.fit_scores >= base.observed_fit))
    assert base.median_fit == pytest.approx(float(np.median(base.fit_scores)))
    assert "3 circularly shifted histories" in base.as_text()


def test_shift_baseline_defaults_to_every_shift_and_rejects_a_null_shift():
    years, pressure = _two_spell_history()
    base = shift_baseline(years, pressure, candidates=DEFAULT_CANDIDATES[:2])
    assert base.shifts.tolist() == list(range(1, len(years)))
    assert 0.0 <= base.fit_scores.min() <= base.fit_scores.max() <= 1.0
    with pytest.raises(ValueError, match="multiple of 78"):
        shift_baseline(years, pressure, shifts=[78])


# ----- cycling must repeat; labels checked at twice the length ---------------------------------


def test_cycling_needs_the_state_to_come_back_not_just_steady_swings():
    t = np.arange(0, 100, 0.1)
    steady = 0.5 + 0.2 * np.sin(t)
    assert classify_regime(steady, 0.0) == "cycling"
    never_back = np.c_[steady, 0.5 + 0.2 * np.sin(np.sqrt(2) * t)]  # quasi-periodic
    assert classify_regime(never_back, 0.0) == "unresolved"
    slow = 0.5 + 0.2 * np.sin(2 * np.pi * t / 45)  # two peaks in the window: not seen to repeat
    assert classify_regime(slow, 0.0) == "unresolved"
    assert classify_regime(never_back, 0.0, Criterion(recurrence=2.0)) == "cycling"


def test_confirmed_means_the_label_survives_a_run_twice_as_long():
    xs, ys = [1.0, 1.15, 1.3, 1.6, 2.0], [0.077, 2.0]
    short = regime_map("rivalry", xs, "surprise", ys, years=200)
    # the doubled run is the 400-year run, read over its last 100 years
    double = regime_map("rivalry", xs, "surprise", ys, years=400)
    agree = (short.regime == double.regime) | ((short.regime == "damped")
                                               & (double.regime == "settled"))
    assert np.array_equal(short.confirmed, agree)
    assert short.unconfirmed == int(np.sum(~agree))
    assert short.start.startswith("the archetype") and short.dt == 0.2 and short.years == 200


def test_the_numbers_the_docstrings_quote_from_notebook_05s_map():
    # dynamics.py and regimes.py quote these figures of the 40 x 40 map of notebook 05
    rm = regime_map("rivalry", np.linspace(0, 2, 40), "surprise", np.linspace(0, 3, 40))
    cycling = rm.regime == "cycling"
    repeat = rm.period[cycling]
    assert (round(float(np.nanmin(repeat))), round(float(np.nanmax(repeat)))) == (23, 96)
    assert round(float(np.nanmedian(repeat))) == 27
    assert round(float(np.nanpercentile(repeat, 90))) == 42  # "nine in ten of them within 42"
    text = describe_regime_map(rm)
    assert "repeat every 23 to 96 years (median 27; nine in ten within 42)" in text
    assert round(float(rm.lyapunov[cycling].max()), 3) == 0.014
    assert rm.count("unresolved") > 0  # the fifth class is in use, and described
    # notebook 05: "with weak surprise the swings are slow, and many are labelled unresolved"
    weak = rm.regime[1]  # surprise 3/39, the weakest surprise above 0
    assert np.sum(weak == "unresolved") > np.sum(weak == "cycling")
    slow = rm.period[1][weak == "unresolved"]
    # compare swing with swing: a cycling setting's period is its repeat time (L peak spacings)
    spacing = []
    for x in rm.x_values[rm.regime[-1] == "cycling"]:
        run = simulate(Levers(rivalry=float(x), surprise=3.0, noise=0.0),
                       ARCHETYPES["traditional public sector"], years=200, dt=0.2)
        tail = (run.benign + run.malign)[-500:]
        spacing.append(swing_period(tail[:, np.argmax(np.ptp(tail, axis=0))], 0.2))
    assert np.nanmin(slow) > np.nanmax(spacing)
    assert np.nanmax(spacing) <= np.nanmax(rm.period[-1][rm.regime[-1] == "cycling"])


# ----- "cycling" is robust: longer runs, other starts, and never a slowly damped run -------------


@pytest.mark.parametrize("shrink", [0.3, 0.5])
def test_a_slowly_damped_swing_is_never_called_cycling(shrink):
    # each swing a little smaller than the last: neighbouring peaks match, the whole tail does not
    t = np.arange(0, 100, 0.2)
    linear = 0.5 + 0.3 * (1 - shrink * t / 100) * np.sin(2 * np.pi * t / 15)
    tau = -100 / np.log(1 - shrink)  # the same shrink over the tail, exponentially
    spiral = 0.5 + 0.3 * np.exp(-t / tau) * np.sin(2 * np.pi * t / 15)
    for series in (linear, spiral, np.c_[spiral, 1 - spiral, 0.5 + 0 * t]):
        assert classify_regime(series, 0.0) == "damped"  # too slow for the quarter test alone
    z = linear[:, None, None]
    q = len(z) // 4
    assert np.ptp(z[-q:]) > 0.5 * np.ptp(z[:q])  # so the quarter test alone would not catch it


def test_a_steady_swing_with_small_bumps_is_cycling_with_its_true_period():
    # a weak bump between the big swings is no peak: the period is the big swings' (30 years)
    t = np.arange(0, 100, 0.2)
    big = 0.4 + 0.3 * np.sin(2 * np.pi * t / 30)
    series = big + np.where(big < 0.2, 0.02 * np.sin(2 * np.pi * t / 3), 0.0)
    assert len(np.flatnonzero((series[1:-1] > series[:-2]) & (series[1:-1] >= series[2:]))) > 4
    assert classify_regime(series, 0.0) == "cycling"
    assert swing_period(series, 0.2) == pytest.approx(30.0, abs=0.5)


def test_a_slowly_damped_model_run_is_not_called_cycling():
    levers = Levers(rivalry=0.82, surprise=0.77)
    long = simulate(levers, START, years=500).strength
    spans = [np.ptp(long[k * 500:(k + 1) * 500], axis=0).max() for k in range(1, 5)]
    assert np.all(np.diff(spans) < 0)  # it is damped, slowly
    assert spans[-1] < 0.6 * spans[0]
    rm = regime_map("rivalry", [0.82], "surprise", [0.77])
    assert rm.regime[0, 0] == "damped"


@pytest.mark.parametrize("start", ["traditional public sector", "command and control",
                                   "close-knit commune", "bonus-driven trading floor",
                                   "markets plus targets (NPM at its worst)", "benign balance"])
def test_cycling_holds_from_other_starts_and_for_longer_runs(start):
    verdicts = [regime_map("rivalry", [2.0], "surprise", [2.0], initial=ARCHETYPES[start],
                           years=years) for years in (200, 400)]
    for rm in verdicts:
        assert rm.regime[0, 0] == "cycling" and bool(rm.confirmed[0, 0])
        assert rm.period[0, 0] == pytest.approx(verdicts[0].period[0, 0], rel=0.02)


def test_an_exactly_even_start_rests_on_an_unstable_balance_and_is_flagged():
    # the same setting "settles" from a uniformly weak start only because that start is exactly
    # even: the rules keep it even for ever, at a balance the twin run shows to be unstable
    weak = ARCHETYPES["uniformly weak"]
    with pytest.warns(SymmetricStartWarning, match="1 of 1 runs .* exactly alike"):
        rm = regime_map("rivalry", [2.0], "surprise", [2.0], initial=weak)
    assert rm.regime[0, 0] == "settled"
    assert bool(rm.symmetric[0, 0]) and rm.lyapunov[0, 0] > rm.criterion.lyapunov
    assert rm.unstable_rest == 1
    assert "1 runs start with two modes exactly alike" in describe_regime_map(rm)
    assert "1 settled runs rest on an unstable balance" in describe_regime_map(rm)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # two modes tilted by a thousandth: no warning, and it swings
        tilted = regime_map("rivalry", [2.0], "surprise", [2.0],
                            initial=weak.replace(hierarchy=0.151, solidarity=0.149))
    assert tilted.regime[0, 0] == "cycling" and not tilted.symmetric.any()
    assert tilted.unstable_rest == 0
    with pytest.warns(SymmetricStartWarning):
        assert classify_settings([Levers(rivalry=2.0, surprise=2.0)], weak) == ["settled"]


def test_two_equal_modes_give_artefact_chaos_that_a_tilt_removes():
    weary = ARCHETYPES["balanced but weary"]  # hierarchy = solidarity exactly
    xs, ys = [1.0, 1.5, 2.0], [1.0, 2.0, 3.0]
    with pytest.warns(SymmetricStartWarning, match="9 of 9 runs"):
        rm = regime_map("rivalry", xs, "surprise", ys, initial=weary)
    assert rm.count("chaotic") >= 5 and rm.symmetric.all()
    tilted = regime_map("rivalry", xs, "surprise", ys, initial=weary.replace(hierarchy=0.701))
    assert tilted.count("chaotic") == 0 and not tilted.symmetric.any()
    # different support (or malign bias) for the two equal modes breaks the symmetry
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        regime_map("rivalry", xs, "surprise", [2.0], base=Levers(support_hierarchy=0.6),
                   initial=weary)


def test_the_confirmation_reads_the_doubled_run_with_its_own_exponent():
    # with the exponent re-estimated, "confirmed" is exactly agreement with the 400-year run,
    # chaotic labels included (a reused exponent could never un-confirm a chaotic label)
    weary = ARCHETYPES["balanced but weary"]
    xs, ys = [1.0, 1.5, 2.0], [0.5, 1.0, 2.0, 3.0]
    with pytest.warns(SymmetricStartWarning):
        short = regime_map("rivalry", xs, "surprise", ys, initial=weary, years=200)
    with pytest.warns(SymmetricStartWarning):
        double = regime_map("rivalry", xs, "surprise", ys, initial=weary, years=400)
    assert short.count("chaotic") > 0
    agree = (short.regime == double.regime) | ((short.regime == "damped")
                                               & (double.regime == "settled"))
    assert np.array_equal(short.confirmed, agree)


def test_the_chapter_5_exercise_solution_text_matches_the_criterion():
    # coordkit/exercises/ch05.py q4: "at rivalry 1.2 nearly every surprise from 0.2 up is cycling"
    surprises = np.round(np.arange(0.2, 3.01, 0.1), 2)
    labels = classify_settings([Levers(rivalry=1.2, surprise=float(s)) for s in surprises])
    assert labels.count("cycling") >= 0.9 * len(labels)
    assert classify_settings([Levers(rivalry=1.2, surprise=2.0)]) == ["cycling"]


def test_the_stated_resolution_a_fifth_to_two_fifths_per_tail_depending_on_the_period():
    # the module docstring: "about a fifth at a 15-year period, a third to two fifths at 20 to 30"
    t = np.arange(0, 100, 0.2)

    def shrinking(f: float, period: float, phase: float = 0.0) -> np.ndarray:
        return 0.5 + 0.3 * (1 - f * t / 100) * np.sin(2 * np.pi * t / period + phase)

    assert classify_regime(shrinking(0.1, 15), 0.0) == "cycling"  # below the resolution
    assert classify_regime(shrinking(0.3, 15), 0.0) == "damped"
    for period in (20, 25, 30):
        assert classify_regime(shrinking(0.3, period), 0.0) == "cycling"  # a fifth is not enough
        assert classify_regime(shrinking(0.5, period), 0.0) == "damped"
    # the criterion itself is per tail: peaks across the tail within a tenth of its range
    for period in (15, 20, 25, 30):
        for phase in np.linspace(0, 2 * np.pi, 8, endpoint=False):
            for f in (0.1, 0.2, 0.3, 0.4, 0.5):
                z = shrinking(f, period, phase)
                peaks = _peaks(z)
                spread = np.abs(z[peaks] - z[peaks[-1]]).max()
                if spread < 0.1 * np.ptp(z):
                    assert classify_regime(z, 0.0) == "cycling"


def test_the_cycling_test_needs_about_three_periods_in_the_tail():
    # the module docstring: a steady 45-year swing reads unresolved from most phases, 50 from every
    t = np.arange(0, 100, 0.2)
    phases = np.linspace(0, 2 * np.pi, 8, endpoint=False)

    def labels(period: float, tail: np.ndarray = t) -> list[str]:
        return [classify_regime(0.5 + 0.3 * np.sin(2 * np.pi * tail / period + p), 0.0,
                                Criterion(tail_years=float(tail[-1] + 0.2))) for p in phases]

    assert labels(30).count("cycling") == 8
    assert labels(45).count("unresolved") > 4
    assert labels(50) == ["unresolved"] * 8
    assert labels(50, np.arange(0, 200, 0.2)).count("cycling") == 8  # a longer tail reads it


def test_a_two_swing_cycle_reports_its_full_repeat_time():
    # big, small, big, small swings: the peak spacing is 15 years, the state repeats every 30
    t = np.arange(0, 100, 0.2)
    big = 0.5 + 0.3 * np.sin(2 * np.pi * t / 15)
    two = np.c_[big, 0.5 + 0.2 * np.sin(2 * np.pi * t / 30), 0.5 + 0.1 * np.cos(2 * np.pi * t / 30)]
    assert classify_regime(two, 0.0) == "cycling"
    assert swing_period(big, 0.2) == pytest.approx(15.0, abs=0.3)
    assert repeat_time(two, 0.2) == pytest.approx(30.0, abs=0.5)
    assert repeat_time(big, 0.2) == pytest.approx(15.0, abs=0.3)  # a plain rotation: lag 1
    three = np.c_[big, 0.5 + 0.2 * np.sin(2 * np.pi * t / 45)]
    assert repeat_time(three, 0.2) == pytest.approx(45.0, abs=0.5)
    assert np.isnan(repeat_time(np.c_[big, 0.5 + 0.2 * np.sin(np.sqrt(2) * t)], 0.2))


def test_a_three_swing_model_cycle_reports_its_repeat_time_not_a_third():
    # modeller re-check: at rivalry 1.28, surprise 0.38 solidarity peaks at 0.80, 0.64, 0.51 over
    # and over; the state comes back every ~46 years (the old code reported 15.3)
    rm = regime_map("rivalry", [1.28], "surprise", [0.38])
    assert rm.regime[0, 0] == "cycling"
    assert 44 < rm.period[0, 0] < 48


def test_without_surprise_random_settings_all_settle():
    # dynamics.py: "the kit's tests run 300 random settings of every other lever, noise off"
    from coordkit.models.dynamics import LEVER_SPECS

    rng = np.random.default_rng(0)
    names = [n for n in LEVER_SPECS if n not in ("noise", "surprise")]
    settings = [Levers(**{n: float(rng.uniform(LEVER_SPECS[n].low, LEVER_SPECS[n].high))
                          for n in names}) for _ in range(300)]
    assert classify_settings(settings) == ["settled"] * 300


def test_the_default_rivalry_swings_from_surprise_02_from_the_maps_start():
    # notebook 05, section 3: "even the default rivalry (1) keeps swinging from surprise 0.2 up"
    labels = classify_settings([Levers(surprise=s) for s in (0.1, 0.2, 1.0, 3.0)])
    assert labels == ["damped", "cycling", "cycling", "cycling"]
    surprises = np.round(np.arange(0.2, 3.01, 0.1), 2)
    everywhere = classify_settings([Levers(surprise=float(s)) for s in surprises])
    assert set(everywhere) <= {"cycling", "unresolved"}  # still swinging at every surprise from 0.2


# ----- modeller's review (issue 16) ---------------------------------------------------------------


@pytest.mark.parametrize("period", [60, 80, 100, 150, 200])
def test_a_steady_slow_swing_is_never_called_damped_from_any_phase(period):
    # finding 3: a quieter last quarter is the phase of a slow sine, not decay (the old rule said damped
    # for period 60 from 2 of 16 phases, for period 200 from 4)
    t = np.arange(0, 100, 0.2)
    labels = {classify_regime(0.5 + 0.2 * np.sin(2 * np.pi * t / period + phase), 0.0)
              for phase in np.linspace(0, 2 * np.pi, 16, endpoint=False)}
    assert labels == {"unresolved"}


def test_damped_still_catches_decay_slow_or_without_turning_points():
    t = np.arange(0, 100, 0.2)
    assert classify_regime(0.5 + 0.2 * np.exp(-t / 40) * np.sin(2 * np.pi * t / 70), -0.01) == "damped"
    assert classify_regime(0.5 + 0.3 * np.exp(-t / 20), -0.05) == "damped"  # a relaxation, no swing
    assert classify_regime(0.5 + 0.3 * np.exp(-t / 20) * np.sin(t), -0.05) == "damped"


def test_chaos_with_a_quieter_tail_is_chaotic_not_damped():
    # finding 3: damped was checked before chaotic, so a chaotic series that quietens read damped
    x = [0.3]
    for _ in range(499):
        x.append(3.9 * x[-1] * (1.0 - x[-1]))
    z = np.array(x)
    z[125:] = 0.5 + 0.3 * (z[125:] - 0.5)
    assert classify_regime(z, 0.5) == "chaotic"
    assert classify_regime(z, 0.0) == "damped"  # the same series, not chaotic: its swings shrink


def test_benign_fatalism_dulls_surprise():
    # finding 5: with no dulling (felt = gain) no test failed. One step from the same state: the allegiance
    # moves by a factor 1 - f less when all fatalism is benign (rule 7), whatever it does to sapping (rule 5)
    levers = Levers(rivalry=2.0, surprise=2.0)
    f = START.fatalism
    despair = simulate(levers, START, years=0.1)
    wisdom = simulate(levers.replace(benign_fatalism=1.0), START, years=0.1)
    moved = despair.allegiance[1] - despair.allegiance[0]
    assert np.abs(moved).max() > 1e-3
    assert np.allclose(wisdom.allegiance[1] - wisdom.allegiance[0], (1.0 - f) * moved, rtol=1e-9)


def test_the_delay_sets_the_pace_of_the_swings_not_whether_they_happen():
    # findings 2 and 6: backers who notice within half a year still cycle; a longer delay slows the swings but
    # barely changes their size
    # (dynamics.py: "about 18 to 48 years", "the range of strengths stays about 0.75")
    delays = regime_map("surprise_delay", [0.5, 1, 4, 20], "rivalry", [2.0], Levers(surprise=2.0))
    assert delays.regime[0].tolist() == ["cycling", "cycling", "cycling", "unresolved"]
    period, size = delays.period[0], delays.amplitude[0]
    assert np.all(np.diff(period) > 0)
    assert (round(float(period[0])), round(float(period[-1]))) == (18, 48)
    assert np.ptp(size) < 0.03 and np.all(np.round(size, 2) >= 0.74) and np.all(np.round(size, 2) <= 0.76)
    from coordkit.models import dynamics

    doc = " ".join(dynamics.__doc__.split())
    assert "rises from about 18 to 48 years as the delay goes from 0.5 to 20" in doc
    assert "deserted after the delay" not in doc


def test_the_map_at_the_explorers_step_and_the_exponent_margin_there():
    # finding 4: notebook 05 says about 5% of labels change at step 0.1 and the exponent comes closer
    grid = (np.linspace(0, 2, 40), np.linspace(0, 3, 40))
    coarse = regime_map("rivalry", grid[0], "surprise", grid[1])
    fine = regime_map("rivalry", grid[0], "surprise", grid[1], dt=0.1)
    changed = int(np.sum(fine.regime != coarse.regime))
    assert round(100 * changed / coarse.regime.size) == 5
    top = (coarse.lyapunov[coarse.regime == "cycling"].max(), fine.lyapunov[fine.regime == "cycling"].max())
    assert top[0] < top[1] < Criterion().lyapunov


def test_backing_flows_to_a_weak_mode_seen_to_fail_least():
    # finding 9: dynamics.py and notebook 05 say so, as the kit's choice
    run = simulate(Levers(rivalry=2.0, surprise=2.0), START, years=300)
    lead = run.allegiance.argmax(axis=1)
    changes = [k for k in np.flatnonzero(np.diff(lead)) + 1 if run.time[k] > 100]
    assert len(changes) > 10
    for k in changes:
        assert run.strength[k, lead[k]] < run.strength[k].max()  # never the strongest
        assert lead[k] == run.perceived_failure[k].argmin()


def test_persistence_carries_on_the_last_fitted_leader_not_the_first_held_out_one():
    # finding 8: a baseline carrying on 2014's leader (a leak) survived every test; here 2013 and 2014 differ
    years = np.arange(1948, 2026)
    pressure = np.zeros((len(years), 3))
    pressure[years < 2014, 1] = 1.0  # solidarity leads to 2013
    pressure[years >= 2014, 0] = 1.0  # hierarchy from 2014
    test = pendulum_test(years, pressure, holdout_from=2014)
    assert test.history[years == 2013][0] == "solidarity" and test.history[years == 2014][0] == "hierarchy"
    assert test.persistence_agreement == 0.0
    assert test.usual_agreement == 0.0
