"""A coordination profile: how strong each mode is, and how much of each active mode is malign.

A :class:`Profile` holds four *strengths* on a 0-1 scale (0 = absent, 1 = as strong as a mode gets)
and, for each active mode, its *malign share*: the fraction of that mode's strength that takes its
malign form (0 = wholly benign, 1 = wholly malign). Fatalism has no benign/malign split here; the
kit treats it as something to acknowledge and keep in check.

Three ways in:

- :meth:`Profile.from_strengths` -- absolute strengths, e.g. from sliders or a Likert scale;
- :meth:`Profile.from_shares` -- divide-100 answers over the four modes (ipsative data, which
  say how the modes compare with one another, not how strong any of them is);
- :meth:`Profile.from_mapping` -- a dict or pandas Series with named entries.

Examples
--------
>>> p = Profile(hierarchy=0.8, solidarity=0.7, individualism=0.2, fatalism=0.3)
>>> p.shares
(0.47..., 0.41..., 0.11...)
>>> Profile.from_series(p.to_series()) == p
True
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from coordkit.modes import ALL_MODES, Mode, parse_mode

if TYPE_CHECKING:  # pandas is imported lazily to keep `import coordkit` light
    import pandas as pd

__all__ = ["Profile", "ProfileError"]

_MALIGN_PREFIX = "malign_"


class ProfileError(ValueError):
    """A profile could not be built; the message names the field and the problem."""


def _check_unit(name: str, value: Any) -> float:
    """Return ``value`` as a float in [0, 1] or raise a :class:`ProfileError` naming ``name``."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ProfileError(f"{name}: {value!r} is not a number") from None
    if math.isnan(number):
        raise ProfileError(f"{name}: value is missing (NaN)")
    if not 0.0 <= number <= 1.0:
        raise ProfileError(f"{name}: {number:g} is outside 0 to 1")
    return number


@dataclass(frozen=True)
class Profile:
    """Strengths of the four modes and the malign share of each active mode.

    Parameters
    ----------
    hierarchy, solidarity, individualism, fatalism : float
        Strength of each mode, from 0 (absent) to 1 (as strong as it gets).
    malign_hierarchy, malign_solidarity, malign_individualism : float, default 0
        Fraction of that mode's strength that is malign, from 0 to 1.

    Raises
    ------
    ProfileError
        If any value is not a number in [0, 1]; the message names the field.

    Examples
    --------
    >>> Profile(hierarchy=0.9, solidarity=0.8, individualism=0.2, fatalism=0.1,
    ...         malign_hierarchy=0.5).benign_strengths
    (0.45, 0.8, 0.2)
    >>> Profile(hierarchy=1.2, solidarity=0, individualism=0, fatalism=0)
    Traceback (most recent call last):
    ...
    coordkit.profile.ProfileError: hierarchy: 1.2 is outside 0 to 1
    """

    hierarchy: float
    solidarity: float
    individualism: float
    fatalism: float
    malign_hierarchy: float = 0.0
    malign_solidarity: float = 0.0
    malign_individualism: float = 0.0

    def __post_init__(self) -> None:
        for field in fields(self):
            object.__setattr__(self, field.name, _check_unit(field.name, getattr(self, field.name)))

    # ----- constructors -------------------------------------------------------------------------
    @classmethod
    def from_strengths(
        cls,
        strengths: Iterable[float],
        malign: Iterable[float] = (0.0, 0.0, 0.0),
    ) -> Profile:
        """Build a profile from four strengths in the order H, S, I, F.

        Parameters
        ----------
        strengths : iterable of 4 floats
            Hierarchy, solidarity, individualism and fatalism strengths, each in [0, 1].
        malign : iterable of 3 floats, default all 0
            Malign shares of hierarchy, solidarity and individualism, each in [0, 1].

        Returns
        -------
        Profile

        Examples
        --------
        >>> Profile.from_strengths([0.9, 0.8, 0.2, 0.1]).individualism
        0.2
        """
        values = list(strengths)
        malign_values = list(malign)
        if len(values) != 4:
            raise ProfileError(
                f"strengths: expected 4 values (hierarchy, solidarity, individualism, fatalism), "
                f"got {len(values)}"
            )
        if len(malign_values) != 3:
            raise ProfileError(
                f"malign: expected 3 values (hierarchy, solidarity, individualism), "
                f"got {len(malign_values)}"
            )
        return cls(*values, *malign_values)

    @classmethod
    def from_shares(
        cls,
        shares: Mapping[str | Mode, float] | Iterable[float],
        *,
        total: float = 100.0,
        tolerance: float = 0.5,
        malign: Iterable[float] = (0.0, 0.0, 0.0),
    ) -> Profile:
        """Build a profile from divide-100 shares of the four modes.

        Divide-100 (ipsative) answers say how the modes compare, not how strong any one is, so
        each strength is taken *relative to the strongest mode*: the mode with the most points gets
        strength 1 and a mode with half as many gets 0.5. A profile built this way can never be
        "weak across the board"; that needs absolute data (:meth:`from_strengths`).

        Parameters
        ----------
        shares : mapping of mode to points, or 4 numbers in the order H, S, I, F
            Points given to each mode; they must sum to ``total`` within ``tolerance``.
        total : float, default 100
            What the points should sum to.
        tolerance : float, default 0.5
            How far the sum may stray from ``total`` (rounding in survey tools).
        malign : iterable of 3 floats, default all 0
            Malign shares of hierarchy, solidarity and individualism.

        Returns
        -------
        Profile

        Raises
        ------
        ProfileError
            If a share is negative or not a number, a mode is missing or unknown, or the sum is
            off by more than ``tolerance``.

        Examples
        --------
        >>> p = Profile.from_shares({"H": 40, "S": 35, "I": 10, "F": 15})
        >>> p.hierarchy, p.solidarity, p.individualism, p.fatalism
        (1.0, 0.875, 0.25, 0.375)
        """
        points = _four_values(shares, "shares")
        for mode, value in zip(ALL_MODES, points, strict=True):
            if value < 0:
                raise ProfileError(f"shares: {mode.value} has {value:g} points; shares cannot be negative")
        s = sum(points)
        if abs(s - total) > tolerance:
            raise ProfileError(
                f"shares: points sum to {s:g}, not {total:g} (tolerance {tolerance:g})"
            )
        top = max(points)
        if top <= 0:
            raise ProfileError("shares: every share is zero")
        return cls.from_strengths([v / top for v in points], malign=malign)

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> Profile:
        """Build a profile from named values, e.g. a dict or a row of a table.

        Keys are mode names or initials (``"hierarchy"`` or ``"H"``) and, optionally,
        ``"malign_<mode>"`` for the active modes. Extra keys are an error, so nothing is ignored
        silently.

        Parameters
        ----------
        values : mapping
            Strengths by mode name, plus optional malign shares.

        Returns
        -------
        Profile

        Examples
        --------
        >>> Profile.from_mapping({"H": 0.9, "S": 0.8, "I": 0.2, "F": 0.1,
        ...                       "malign_individualism": 0.3}).malign_individualism
        0.3
        """
        kwargs: dict[str, Any] = {}
        for key, value in values.items():
            name = str(key).strip().lower()
            if name.startswith(_MALIGN_PREFIX):
                mode = _parse_key(name[len(_MALIGN_PREFIX) :], key)
                if mode is Mode.FATALISM:
                    raise ProfileError(f"{key}: fatalism has no malign share in a profile")
                field = f"{_MALIGN_PREFIX}{mode.value}"
            else:
                field = _parse_key(name, key).value
            if field in kwargs:
                raise ProfileError(f"{key}: given twice")
            kwargs[field] = value
        missing = [m.value for m in ALL_MODES if m.value not in kwargs]
        if missing:
            raise ProfileError(f"missing strength for {', '.join(missing)}")
        return cls(**kwargs)

    @classmethod
    def from_series(cls, series: pd.Series) -> Profile:
        """Build a profile from a pandas Series such as :meth:`to_series` returns.

        Parameters
        ----------
        series : pandas.Series
            Indexed by mode names (and optionally ``malign_<mode>``).

        Returns
        -------
        Profile
        """
        return cls.from_mapping(series.to_dict())

    # ----- views --------------------------------------------------------------------------------
    @property
    def strengths(self) -> tuple[float, float, float, float]:
        """Strengths in the order hierarchy, solidarity, individualism, fatalism."""
        return (self.hierarchy, self.solidarity, self.individualism, self.fatalism)

    @property
    def active_strengths(self) -> tuple[float, float, float]:
        """Strengths of the three active modes (H, S, I)."""
        return (self.hierarchy, self.solidarity, self.individualism)

    @property
    def malign(self) -> tuple[float, float, float]:
        """Malign shares of the three active modes (H, S, I)."""
        return (self.malign_hierarchy, self.malign_solidarity, self.malign_individualism)

    @property
    def benign_strengths(self) -> tuple[float, float, float]:
        """Strength of the benign part of each active mode: strength x (1 - malign share)."""
        return tuple(s * (1.0 - m) for s, m in zip(self.active_strengths, self.malign, strict=True))  # type: ignore[return-value]

    @property
    def shares(self) -> tuple[float, float, float]:
        """Shares of the three active modes, summing to 1 (equal thirds if all are zero)."""
        total = sum(self.active_strengths)
        if total == 0:
            return (1 / 3, 1 / 3, 1 / 3)
        return tuple(s / total for s in self.active_strengths)  # type: ignore[return-value]

    def strength_of(self, mode: str | Mode) -> float:
        """Strength of one mode, by :class:`Mode`, name or initial.

        Examples
        --------
        >>> Profile(0.9, 0.8, 0.2, 0.1).strength_of("S")
        0.8
        """
        return float(getattr(self, parse_mode(mode).value))

    def to_dict(self) -> dict[str, float]:
        """All seven values by field name.

        Examples
        --------
        >>> list(Profile(0.9, 0.8, 0.2, 0.1).to_dict())[:4]
        ['hierarchy', 'solidarity', 'individualism', 'fatalism']
        """
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def to_series(self) -> pd.Series:
        """All seven values as a pandas Series indexed by field name."""
        import pandas as pd

        return pd.Series(self.to_dict(), name="profile", dtype=float)

    @staticmethod
    def to_frame(profiles: Iterable[Profile], index: Iterable[Any] | None = None) -> pd.DataFrame:
        """Stack profiles into a DataFrame, one row each.

        Parameters
        ----------
        profiles : iterable of Profile
        index : iterable, optional
            Row labels.

        Returns
        -------
        pandas.DataFrame
            One column per field, in :meth:`to_dict` order.
        """
        import pandas as pd

        rows = [p.to_dict() for p in profiles]
        return pd.DataFrame(rows, index=None if index is None else list(index))

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> list[Profile]:
        """Build one profile per row; errors name the row.

        Parameters
        ----------
        frame : pandas.DataFrame
            Columns as in :meth:`to_frame`.

        Returns
        -------
        list of Profile

        Raises
        ------
        ProfileError
            Naming the first bad row (by index label) and field.
        """
        out = []
        for label, row in frame.iterrows():
            try:
                out.append(cls.from_mapping(row.to_dict()))
            except ProfileError as error:
                raise ProfileError(f"row {label!r}: {error}") from None
        return out

    def replace(self, **changes: float) -> Profile:
        """Return a copy with some values changed (validated like the original).

        Examples
        --------
        >>> Profile(0.9, 0.8, 0.2, 0.1).replace(individualism=0.7).individualism
        0.7
        """
        return type(self)(**{**self.to_dict(), **changes})


def _parse_key(name: str, original: Any) -> Mode:
    try:
        return parse_mode(name)
    except ValueError:
        raise ProfileError(
            f"{original!r} is not a mode or malign_<mode> field of a profile"
        ) from None


def _four_values(values: Mapping[str | Mode, float] | Iterable[float], what: str) -> list[float]:
    """Read four numbers in H, S, I, F order from a mapping or a sequence."""
    if isinstance(values, Mapping):
        by_mode: dict[Mode, Any] = {}
        for key, value in values.items():
            mode = _parse_key(str(key), key)
            if mode in by_mode:
                raise ProfileError(f"{what}: {mode.value} given twice")
            by_mode[mode] = value
        missing = [m.value for m in ALL_MODES if m not in by_mode]
        if missing:
            raise ProfileError(f"{what}: missing {', '.join(missing)}")
        raw = [by_mode[m] for m in ALL_MODES]
    else:
        raw = list(values)
        if len(raw) != 4:
            raise ProfileError(f"{what}: expected 4 values (H, S, I, F), got {len(raw)}")
    out = []
    for mode, value in zip(ALL_MODES, raw, strict=True):
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ProfileError(f"{what}: {mode.value} is {value!r}, not a number") from None
        if math.isnan(number):
            raise ProfileError(f"{what}: {mode.value} is missing (NaN)")
        out.append(number)
    return out

