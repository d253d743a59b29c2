"""Numbers for people: a half rounds away from zero, everywhere the kit prints one."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest

from coordkit.text import number, percent


def test_the_ch02_nurse_scores_round_the_same_way():
    # 42.5 and 17.5 (chapter 2's example) printed with "{:.0f}" give 42 and 18: half to even
    assert [f"{v:.0f}" for v in (42.5, 17.5)] == ["42", "18"]
    assert [number(v) for v in (42.5, 30.0, 10.0, 17.5)] == ["43", "30", "10", "18"]
    assert [percent(v) for v in (0.425, 0.30, 0.10, 0.175)] == ["43%", "30%", "10%", "18%"]


@pytest.mark.parametrize("decimals", [0, 1, 2])
def test_every_half_rounds_away_from_zero_and_everything_else_to_the_nearest(decimals):
    step = Decimal(1).scaleb(-decimals)
    for k in range(-400, 401):
        half = (Decimal(k) + Decimal("0.5")) * step
        expected = (Decimal(k + 1) if k >= 0 else Decimal(k)) * step
        assert Decimal(number(float(half), decimals)) == expected, half
    rng = np.random.default_rng(0)
    for v in rng.uniform(-100, 100, 500):
        assert abs(Decimal(number(v, decimals)) - Decimal(repr(float(v)))) <= step / 2


def test_percent_is_number_of_the_share_times_100():
    for share in np.linspace(0, 1, 401):
        assert percent(share) == number(float(Decimal(repr(float(share))) * 100)) + "%"
    assert percent(1 / 3, 1) == "33.3%"


def test_no_negative_zero_and_bad_arguments_are_named():
    assert number(-0.2) == "0" and number(-0.04, 1) == "0.0" and percent(-0.001) == "0%"
    assert number(float("nan")) == "nan"
    with pytest.raises(ValueError, match="decimals"):
        number(1.0, -1)
