"""One way to declare a model's parameters: a spec per field, checked ranges, ``replace`` and ``to_dict``.

Every set of levers or rates in the kit (the dynamics model's levers and rates, the agent model's
levers and sizes, the scenario's policy levers) is a frozen dataclass whose fields are declared
with :func:`param` and which inherits :class:`Params`. That gives each field one :class:`Param`
(name, label, unit, range, step, default, help) for sliders, tables and documentation, and gives
the class range checks on construction (the message names the field), :meth:`Params.replace`,
:meth:`Params.to_dict`, :meth:`Params.differences` and :meth:`Params.specs`.

This module knows nothing but numbers: no plotting, no widgets (the slider for a :class:`Param`
is :func:`coordkit.widgets._base.slider`).

Examples
--------
>>> from dataclasses import dataclass
>>> @dataclass(frozen=True)
... class Knobs(Params):
...     '''Two knobs.'''
...     speed: float = param(0.5, 0.0, 1.0, label="Pace", unit="per year", help="how fast")
...     size: int = param(10, 1, 100, integer=True, help="how many")
>>> Knobs(speed=0.8).replace(size=20).to_dict()
{'speed': 0.8, 'size': 20}
>>> Knobs.specs()["speed"].unit
'per year'
>>> Knobs(speed=2)
Traceback (most recent call last):
...
ValueError: speed (Pace) must be between 0 and 1, got 2
"""

from __future__ import annotations

import math
from dataclasses import MISSING, Field, dataclass, field, fields
from dataclasses import replace as _replace
from numbers import Integral
from typing import Any, ClassVar, Literal, Self

__all__ = ["Param", "Params", "param"]

#: Key under which :func:`param` stores its :class:`Param` in a dataclass field's metadata.
_KEY = "coordkit.param"


def _auto_label(name: str) -> str:
    return name.replace("_", " ").capitalize()


@dataclass(frozen=True)
class Param:
    """One parameter: its name, label, unit, range, step, default and meaning.

    Parameters
    ----------
    name : str
        Field name in its :class:`Params` class.
    label : str
        Short label for sliders, axes and tables (default: the name in words).
    unit : str
        The unit, in words (``""`` if the number is a plain index or share).
    low, high : float
        Inclusive bounds.
    step : float
        Slider step and sweep grid spacing.
    default : float
        The default value.
    help : str
        What the parameter means, in a sentence (tooltips, tables, descriptions).
    scale : {"linear", "log"}, default "linear"
        How :meth:`normalise` maps a value onto 0-1 (``"log"``: ``log1p``, for counts such as
        targets whose effect flattens as they multiply).
    integer : bool, default False
        The value is a whole number.
    per_unit : bool, default False
        The value may also be a sequence, one number per unit (e.g. per ICS), each in range.

    Examples
    --------
    >>> p = Param("devolution", "Devolution", "0 to 10", 0, 10, 1, 5, "decisions made locally")
    >>> p.normalise(5), p.check(7)
    (0.5, 7.0)
    >>> p.grid()
    (0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0)
    """

    name: str
    label: str
    unit: str
    low: float
    high: float
    step: float
    default: float
    help: str
    scale: Literal["linear", "log"] = "linear"
    integer: bool = False
    per_unit: bool = False

    def __post_init__(self) -> None:
        if not self.low <= self.default <= self.high:
            raise ValueError(f"{self.name}: default {self.default!r} is outside "
                             f"{self.low:g} to {self.high:g}")
        if not self.step > 0:
            raise ValueError(f"{self.name}: step must be positive, got {self.step!r}")
        if self.scale not in ("linear", "log"):
            raise ValueError(f"{self.name}: scale must be 'linear' or 'log', got {self.scale!r}")

    @property
    def _who(self) -> str:
        """The field as named in messages: its name, and its label when that says more."""
        return self.name if self.label == _auto_label(self.name) else f"{self.name} ({self.label})"

    def check(self, value: Any) -> Any:
        """Return ``value`` as a float (or int, or tuple of them) if it is in range, else raise.

        Parameters
        ----------
        value : number, or sequence of numbers if ``per_unit``

        Returns
        -------
        float, int or tuple

        Raises
        ------
        ValueError
            If the value is not a number, not whole when it must be, or out of range (NaN is
            out of range); the message names the field and the range.

        Examples
        --------
        >>> Param("rate", "Rate", "", 0.01, 1, 0.01, 0.2, "adaptation rate").check("x")
        Traceback (most recent call last):
        ...
        ValueError: rate: 'x' is not a number
        """
        if isinstance(value, str) or not _is_sequence(value):
            return self._one(value)
        if not self.per_unit:
            raise ValueError(f"{self._who} takes a single number, got {value!r}")
        items = list(value)
        if not items or any(isinstance(v, str) or _is_sequence(v) for v in items):
            raise ValueError(f"{self._who} must be a number or a list of numbers, got {value!r}")
        try:
            return tuple(self._one(v) for v in items)
        except ValueError:
            raise ValueError(f"{self._who} must be between {self.low:g} and {self.high:g}, "
                             f"got {value!r}") from None

    def _one(self, value: Any) -> float | int:
        if self.integer:
            whole = int(value) if isinstance(value, Integral) and not isinstance(value, bool) else None
            if whole is None or not self.low <= whole <= self.high:
                raise ValueError(f"{self._who} must be a whole number from {self.low:g} to "
                                 f"{self.high:g}, got {value!r}")
            return whole
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ValueError(f"{self._who}: {value!r} is not a number") from None
        if not self.low <= number <= self.high:  # also rejects NaN
            raise ValueError(f"{self._who} must be between {self.low:g} and {self.high:g}, "
                             f"got {value!r}")
        return number

    def normalise(self, value: float) -> float:
        """Put a value on a 0-1 scale (0 at ``low``, 1 at ``high``; see ``scale``).

        Examples
        --------
        >>> Param("targets", "Targets", "count", 0, 150, 1, 30, "", scale="log").normalise(150)
        1.0
        """
        if self.scale == "log":
            return math.log1p(value - self.low) / math.log1p(self.high - self.low)
        return (value - self.low) / (self.high - self.low)

    def grid(self, num: int | None = None) -> tuple[float, ...]:
        """Values from ``low`` to ``high`` inclusive: every ``step``, or ``num`` evenly spaced.

        Parameters
        ----------
        num : int, optional
            Number of values (at least 2); by default, one per step.

        Returns
        -------
        tuple of float

        Examples
        --------
        >>> Param("noise", "Noise", "", 0, 0.5, 0.1, 0, "").grid(3)
        (0.0, 0.25, 0.5)
        """
        if num is None:
            num = round((self.high - self.low) / self.step) + 1
        if num < 2:
            raise ValueError(f"num must be at least 2, got {num}")
        width = self.high - self.low
        return tuple(float(self.low + width * k / (num - 1)) for k in range(num))


def _is_sequence(value: Any) -> bool:
    """A list, tuple or 1-d array (numpy's 0-d arrays have ``__len__`` but no length)."""
    try:
        len(value)
    except TypeError:
        return False
    return True


def param(
    default: float,
    low: float,
    high: float,
    *,
    label: str | None = None,
    unit: str = "",
    step: float | None = None,
    help: str = "",
    scale: Literal["linear", "log"] = "linear",
    integer: bool = False,
    per_unit: bool = False,
) -> Any:
    """Declare a field of a :class:`Params` dataclass with its range, label, unit and meaning.

    Parameters
    ----------
    default, low, high : float
        Default value and inclusive bounds.
    label : str, optional
        Short label; by default the field name in words (``"reverse_effect"``: "Reverse effect").
    unit : str, default ""
    step : float, optional
        Slider step; by default 1 for whole numbers, else a hundredth of the range rounded to a
        round number (0.01, 0.02, 0.05, 0.1, ...).
    help : str, default ""
        What the parameter means, in a sentence.
    scale, integer, per_unit
        See :class:`Param`.

    Returns
    -------
    dataclasses.Field
        For use as ``name: float = param(...)`` in the class body.

    Examples
    --------
    >>> from dataclasses import dataclass
    >>> @dataclass(frozen=True)
    ... class Dial(Params):
    ...     '''One dial.'''
    ...     gain: float = param(1.0, 0.0, 3.0)
    >>> Dial.specs()["gain"].label, Dial.specs()["gain"].step
    ('Gain', 0.05)
    """
    spec = {"label": label, "unit": unit, "low": low, "high": high, "step": step,
            "default": default, "help": help, "scale": scale, "integer": integer,
            "per_unit": per_unit}
    return field(default=default, metadata={_KEY: spec})


def _fields(obj: object) -> tuple[Field[Any], ...]:
    """The dataclass fields of a :class:`Params` class or instance.

    The mixin is only ever used on dataclasses, but a mixin cannot say so to a type checker
    (there is no "dataclass" type), hence the one ignore.
    """
    return fields(obj)  # type: ignore[arg-type]  # a Params subclass is a dataclass by contract


def _round_step(width: float) -> float:
    raw = width / 100
    magnitude = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if raw <= m * magnitude * (1 + 1e-9):
            return float(f"{m * magnitude:.12g}")
    return 10 * magnitude  # pragma: no cover  (the loop always returns)


class Params:
    """Mixin for frozen dataclasses of parameters declared with :func:`param`.

    Fields declared with :func:`param` are checked and converted on construction (and so in
    :meth:`replace`); other fields are left to the class's own ``__post_init__``, which should
    call ``super().__post_init__()`` first.

    Examples
    --------
    >>> from dataclasses import dataclass
    >>> @dataclass(frozen=True)
    ... class Pair(Params):
    ...     '''Two levers.'''
    ...     a: float = param(0.5, 0, 1)
    ...     b: float = param(0.5, 0, 1)
    >>> Pair(a=1).differences(Pair())
    {'a': (1.0, 0.5)}
    >>> Pair().replace(c=1)
    Traceback (most recent call last):
    ...
    ValueError: Pair has no parameter 'c'; it has a, b
    """

    _specs_cache: ClassVar[dict[type, dict[str, Param]]] = {}

    def __post_init__(self) -> None:
        for name, spec in type(self).specs().items():
            object.__setattr__(self, name, spec.check(getattr(self, name)))

    @classmethod
    def specs(cls) -> dict[str, Param]:
        """Every field declared with :func:`param`, as a :class:`Param`, in field order.

        Returns
        -------
        dict of str to Param
        """
        cached = Params._specs_cache.get(cls)
        if cached is not None:
            return cached
        specs: dict[str, Param] = {}
        for f in _fields(cls):
            meta = f.metadata.get(_KEY)
            if meta is None:
                continue
            if f.default is MISSING:
                raise TypeError(f"{cls.__name__}.{f.name}: declare parameters with param()")
            step = meta["step"]
            if step is None:
                step = 1.0 if meta["integer"] else _round_step(meta["high"] - meta["low"])
            specs[f.name] = Param(
                name=f.name, label=meta["label"] or _auto_label(f.name), unit=meta["unit"],
                low=meta["low"], high=meta["high"], step=step, default=meta["default"],
                help=meta["help"], scale=meta["scale"], integer=meta["integer"],
                per_unit=meta["per_unit"],
            )
        Params._specs_cache[cls] = specs
        return specs

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed, checked like the original.

        Parameters
        ----------
        **changes
            New values by field name.

        Returns
        -------
        Same class as ``self``

        Raises
        ------
        ValueError
            If a name is not a field (the message lists the fields) or a value is out of range.
        """
        names = [f.name for f in _fields(self)]
        unknown = [k for k in changes if k not in names]
        if unknown:
            raise ValueError(f"{type(self).__name__} has no parameter {unknown[0]!r}; it has "
                             f"{', '.join(names)}")
        return _replace(self, **changes)  # type: ignore[type-var]  # self is a dataclass (see _fields)

    def to_dict(self) -> dict[str, Any]:
        """Every field by name, in field order.

        Returns
        -------
        dict
        """
        return {f.name: getattr(self, f.name) for f in _fields(self)}

    def differences(self, other: Self) -> dict[str, tuple[Any, Any]]:
        """The fields that differ from ``other``, as ``name: (self value, other value)``.

        Parameters
        ----------
        other : same class as ``self``

        Returns
        -------
        dict of str to (value, value)
        """
        mine, theirs = self.to_dict(), other.to_dict()
        return {k: (mine[k], theirs[k]) for k in mine if mine[k] != theirs[k]}
