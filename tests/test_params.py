"""The one parameter idiom: specs, checked ranges, replace, to_dict, differences."""

from dataclasses import FrozenInstanceError, dataclass

import numpy as np
import pytest

from coordkit.params import Param, Params, param


@dataclass(frozen=True)
class Knobs(Params):
    """Test knobs: one of each kind."""

    speed: float = param(0.5, 0.0, 1.0, label="Pace", unit="per year", help="how fast")
    gain: float = param(1.0, 0.0, 3.0)
    count: int = param(10, 1, 100, integer=True)
    spread: float | tuple[float, ...] = param(0.3, 0.0, 1.0, per_unit=True)
    targets: float = param(30, 0, 150, step=1, scale="log")
    note: str = "free field, not a parameter"


def test_specs_carry_everything_declared_in_field_order():
    specs = Knobs.specs()
    assert list(specs) == ["speed", "gain", "count", "spread", "targets"]
    assert specs["speed"] == Param("speed", "Pace", "per year", 0.0, 1.0, 0.01, 0.5, "how fast")
    assert specs["gain"].label == "Gain" and specs["gain"].step == 0.05
    assert specs["count"].step == 1.0 and specs["count"].integer
    assert specs["targets"].scale == "log"
    assert Knobs.specs() is specs  # computed once per class


def test_values_are_converted_and_frozen():
    k = Knobs(speed=1, gain=np.float32(2.5), count=np.int64(7), spread=np.array([0.1, 0.9]))
    assert type(k.speed) is float and k.speed == 1.0
    assert type(k.gain) is float and type(k.count) is int
    assert k.spread == (0.1, 0.9)
    with pytest.raises(FrozenInstanceError):
        k.speed = 0.2  # type: ignore[misc]


@pytest.mark.parametrize(("changes", "message"), [
    ({"speed": 2}, r"^speed \(Pace\) must be between 0 and 1, got 2$"),
    ({"gain": -0.1}, r"^gain must be between 0 and 3, got -0.1$"),
    ({"gain": float("nan")}, r"^gain must be between 0 and 3, got nan$"),
    ({"gain": "lots"}, r"^gain: 'lots' is not a number$"),
    ({"gain": None}, r"^gain: None is not a number$"),
    ({"count": 2.5}, r"^count must be a whole number from 1 to 100, got 2.5$"),
    ({"count": True}, r"^count must be a whole number from 1 to 100, got True$"),
    ({"count": 0}, r"^count must be a whole number from 1 to 100, got 0$"),
    ({"gain": [1, 2]}, r"^gain takes a single number, got \[1, 2\]$"),
    ({"spread": []}, r"^spread must be a number or a list of numbers, got \[\]$"),
    ({"spread": [[0.1]]}, r"^spread must be a number or a list of numbers"),
    ({"spread": [0.1, 1.5]}, r"^spread must be between 0 and 1, got \[0.1, 1.5\]$"),
])
def test_bad_values_are_refused_with_a_message_naming_the_field(changes, message):
    with pytest.raises(ValueError, match=message):
        Knobs(**changes)
    with pytest.raises(ValueError, match=message):
        Knobs().replace(**changes)


def test_bounds_are_inclusive():
    assert Knobs(speed=0, gain=3, count=100, spread=(0.0, 1.0)).to_dict()["gain"] == 3.0


def test_replace_to_dict_and_differences():
    base = Knobs()
    moved = base.replace(speed=0.9, spread=[0.2, 0.4])
    assert base.speed == 0.5, "replace never changes the original"
    assert moved.to_dict() == {"speed": 0.9, "gain": 1.0, "count": 10, "spread": (0.2, 0.4),
                               "targets": 30.0, "note": "free field, not a parameter"}
    assert moved.differences(base) == {"speed": (0.9, 0.5), "spread": ((0.2, 0.4), 0.3)}
    assert type(moved) is Knobs
    with pytest.raises(ValueError, match="Knobs has no parameter 'sped'; it has speed, gain"):
        base.replace(sped=1)


def test_subclass_post_init_runs_after_the_checks():
    @dataclass(frozen=True)
    class Ordered(Params):
        """low <= high, checked after the range checks."""

        low: float = param(0.2, 0, 1)
        high: float = param(0.8, 0, 1)

        def __post_init__(self) -> None:
            super().__post_init__()
            if self.low > self.high:
                raise ValueError("low must not exceed high")

    assert Ordered(low="0.5").low == 0.5  # converted before the subclass check runs
    with pytest.raises(ValueError, match="low must not exceed high"):
        Ordered(low=0.9, high=0.1)


def test_param_normalise_and_grid():
    linear = Param("d", "D", "", 0, 10, 0.5, 5, "")
    assert linear.normalise(0) == 0 and linear.normalise(10) == 1 and linear.normalise(2.5) == 0.25
    log = Knobs.specs()["targets"]
    assert log.normalise(0) == 0 and log.normalise(150) == pytest.approx(1)
    assert 0.5 < log.normalise(30) < 0.75  # log scale: 30 of 150 is well past a fifth
    assert linear.grid() == tuple(np.arange(0, 10.01, 0.5))
    assert Param("s", "S", "", -2, 8, 0.1, 3, "").grid(3) == (-2.0, 3.0, 8.0)
    with pytest.raises(ValueError, match="at least 2"):
        linear.grid(1)


def test_a_spec_must_be_consistent():
    with pytest.raises(ValueError, match="default 5 is outside 0 to 1"):
        Param("x", "X", "", 0, 1, 0.1, 5, "")
    with pytest.raises(ValueError, match="step must be positive"):
        Param("x", "X", "", 0, 1, 0, 0.5, "")
    with pytest.raises(ValueError, match="scale must be"):
        Param("x", "X", "", 0, 1, 0.1, 0.5, "", scale="cubic")  # type: ignore[arg-type]


def test_default_steps_are_round():
    @dataclass(frozen=True)
    class Steps(Params):
        """Ranges of several widths."""

        a: float = param(0.5, 0, 1)
        b: float = param(1, 0.1, 3)
        c: float = param(30, 0, 150)
        d: float = param(3, -2, 8)

    assert [s.step for s in Steps.specs().values()] == [0.01, 0.05, 2.0, 0.1]
