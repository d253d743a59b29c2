"""A coordination profile: how strong each mode is, and how much of each mode is malign.

A :class:`Profile` holds four *strengths* on a 0-1 scale and, for each mode, its *malign share*:
the fraction of that mode's strength that takes its malign form (0 = wholly benign, 1 = wholly
malign). Fatalism has two faces too (Taylor, 2021b, "Between wisdom and despair"): a benign
one -- acceptance of limits, humility about prediction, resilience -- and a malign one, despair and
disengagement. Its malign share defaults to :data:`DEFAULT_MALIGN_FATALISM` = 1 (all despair): the
kit's choice, not the theory's. With nothing known about which face it shows, the kit reads fatalism
as despair, the most pessimistic reading (only despair lowers the balance index); give ``malign_fatalism``
whenever you know part of it is realism about limits. The default is always shown in a profile's
repr, so it is never hidden.

Three readings of a profile (the third is the kit's choice)
------------------------------------------------------------
1. *A point on the grid-group map.* In Douglas's scheme grid and group are two dimensions and a
   person or unit has one position on them. Then hierarchy (high grid, high group) and
   individualism (low grid, low group) cannot both be strong in one unit: being high on both
   dimensions rules out being low on both. Solidarity (low grid, high group) and fatalism (high
   grid, low group) exclude each other in the same way.
2. *A mix of ways of life in a unit.* The later cultural-theory view: every social setting holds
   all the ways of life in some proportion, and they argue with one another (Thompson, Ellis &
   Wildavsky, 1990; Hood, 1998, on hybrids). Read so, a profile says how much of the unit's life
   each way takes up, and the parts compete for one whole.
3. *Four independent strengths* -- the kit's teaching choice, and what :class:`Profile` holds.
   Each mode gets its own strength, with no whole to share, so a unit can be strong in hierarchy
   *and* in individualism, or weak in all four. It follows Taylor's use of the modes as
   motivations and methods that coexist in any organisation, and the second reading's view that
   all of them are present; it is neither Taylor's nor Thompson's own scale. One consequence has
   no direct counterpart in the theory: the "no strong active form" configuration. Another: the
   first reading would not allow the "balanced but weary" archetype's strong solidarity beside
   strong fatalism. Divide-100 answers (:meth:`Profile.from_shares`) come closest to the second
   reading.

What a strength means: an ordinal judgement on a 0-1 scale, not a measured quantity. 0 = the mode
is absent; 0.5 = the kit's threshold for "strong" (a judgement, see
:func:`coordkit.configuration.classify`); 0.8 = clearly strong: the mode shapes most of the
decisions and relations it touches, though not all; 1 = as strong as the mode gets in any
organisation you can imagine.

Three ways to build a profile:

- :meth:`Profile.from_strengths` -- absolute strengths, e.g. from sliders or a Likert scale;
- :meth:`Profile.from_shares` -- divide-100 answers over the four modes (ipsative data, which
  say how the modes compare with one another, not how strong any of them is: a relative reading);
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
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, cast

from coordkit.modes import ALL_MODES, Mode, parse_mode

if TYPE_CHECKING:  # pandas is imported lazily to keep `import coordkit` light
    import pandas as pd

__all__ = ["DEFAULT_MALIGN_FATALISM", "Profile", "ProfileError"]

#: Fatalism's malign share (despair) when none is given: all of it. The kit's choice, the most
#: pessimistic reading, used when nothing says which face fatalism shows; see the module docstring.
DEFAULT_MALIGN_FATALISM = 1.0

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
    """Strengths of the four modes and the malign share of each.

    Parameters
    ----------
    hierarchy, solidarity, individualism, fatalism : float
        Strength of each mode, from 0 (absent) to 1 (as strong as it gets); 0.8 is "clearly
        strong" (see the module docstring).
    malign_hierarchy, malign_solidarity, malign_individualism : float, default 0
        Fraction of that mode's strength that is malign, from 0 to 1.
    malign_fatalism : float, default :data:`DEFAULT_MALIGN_FATALISM` (1)
        Fraction of fatalism that is despair rather than wisdom. The default reads all fatalism
        as despair (the kit's choice, and the most pessimistic reading); set it lower when you
        know part of the fatalism is realism about limits.
    relative : bool, set only by :meth:`from_shares` (not a constructor argument)
        True when the strengths describe only the *mix* (divide-100 shares read by
        :meth:`from_shares`), not how strong any mode is. :func:`coordkit.configuration.classify`
        then names the configuration "mix only: strength not measured" and never "balanced", and
        :func:`coordkit.balance.report` says the strength factor was not measured. The mark is
        kept by :meth:`replace` but not by :meth:`to_dict` (whose values are all numbers).

    Raises
    ------
    ProfileError
        If any value is not a number in [0, 1]; the message names the field.

    Examples
    --------
    >>> Profile(hierarchy=0.9, solidarity=0.8, individualism=0.2, fatalism=0.1,
    ...         malign_hierarchy=0.5).benign_strengths
    (0.45, 0.8, 0.2)
    >>> Profile(0.9, 0.8, 0.2, 0.4, malign_fatalism=0.25).fatalism_faces
    (0.3, 0.1)
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
    malign_fatalism: float = DEFAULT_MALIGN_FATALISM
    relative: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        for f in fields(self):
            if f.name != "relative":
                object.__setattr__(self, f.name, _check_unit(f.name, getattr(self, f.name)))

    def _marked_relative(self, relative: bool = True) -> Profile:
        """Mark the profile as a mix only (or not): the one place ``relative`` is set."""
        object.__setattr__(self, "relative", relative)
        return self

    def __repr__(self) -> str:
        body = ", ".join(f"{name}={value!r}" for name, value in self.to_dict().items())
        return f"Profile({body}{', relative=True' if self.relative else ''})"

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
        malign : iterable of 3 or 4 floats, default all 0 (and fatalism 1)
            Malign shares of hierarchy, solidarity, individualism and, optionally, fatalism,
            each in [0, 1].

        Returns
        -------
        Profile

        Examples
        --------
        >>> Profile.from_strengths([0.9, 0.8, 0.2, 0.1]).individualism
        0.2
        >>> Profile.from_strengths([0.9, 0.8, 0.2, 0.4], [0, 0, 0, 0.5]).fatalism_faces
        (0.2, 0.2)
        """
        values = list(strengths)
        malign_values = list(malign)
        if len(values) != 4:
            raise ProfileError(
                f"strengths: expected 4 values (hierarchy, solidarity, individualism, fatalism), "
                f"got {len(values)}"
            )
        if len(malign_values) not in (3, 4):
            raise ProfileError(
                f"malign: expected 3 values (hierarchy, solidarity, individualism) or 4 (and "
                f"fatalism), got {len(malign_values)}"
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
        """Build a profile from divide-100 shares of the four modes (a relative reading).

        Divide-100 (ipsative) answers say how the modes compare, not how strong any one is, so
        the kit reads them relatively (its own convention, a judgement):

        - each *active* mode's strength is taken relative to the strongest active mode: the
          active mode with the most points gets 1, one with half as many gets 0.5;
        - *fatalism's* strength is its share of all the points. Fatalism counts as unchecked
          (at the default threshold of 0.5) only when it takes half the points or more, i.e.
          when it outweighs the three active modes together. Reading it against the strongest
          mode instead would call an even 25/25/25/25 split "overshadowed by fatalism".
        - all the points on fatalism (``[0, 0, 0, 100]``) read as a fatalism monoculture: no
          active mode has any strength at all.

        Plainly: the active strengths describe the **mix**, not absolute strength. The
        configuration read from such a profile says which active forms lead, not that they are
        strong in any absolute sense: ``[2, 2, 2, 94]`` gives all three active forms strength 1,
        so it reads "all three active forms strong", overshadowed by fatalism, though each active
        form has only 2 points. A profile built this way can never be "weak across the board";
        that needs absolute data (:meth:`from_strengths`).

        Parameters
        ----------
        shares : mapping of mode to points, or 4 numbers in the order H, S, I, F
            Points given to each mode; they must sum to ``total`` within ``tolerance``.
        total : float, default 100
            What the points should sum to.
        tolerance : float, default 0.5
            How far the sum may stray from ``total`` (rounding in survey tools).
        malign : iterable of 3 or 4 floats, default all 0 (and fatalism 1)
            Malign shares of hierarchy, solidarity, individualism and, optionally, fatalism.

        Returns
        -------
        Profile

        Raises
        ------
        ProfileError
            If a share is negative or not a number, a mode is missing or unknown, the sum is
            off by more than ``tolerance``, or every mode has zero points.

        Examples
        --------
        >>> p = Profile.from_shares({"H": 40, "S": 35, "I": 10, "F": 15})
        >>> p.hierarchy, p.solidarity, p.individualism, p.fatalism
        (1.0, 0.875, 0.25, 0.15)
        >>> even = Profile.from_shares([25, 25, 25, 25])
        >>> even.strengths, even.relative  # marked: the mix, not strength
        ((1.0, 1.0, 1.0, 0.25), True)
        >>> Profile.from_shares([2, 2, 2, 94]).strengths  # the mix, not absolute strength
        (1.0, 1.0, 1.0, 0.94)
        >>> Profile.from_shares([0, 0, 0, 100]).strengths  # all on fatalism
        (0.0, 0.0, 0.0, 1.0)
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
        top = max(points[:3])
        if top <= 0 and points[3] <= 0:
            raise ProfileError("shares: every mode has zero points, so there is nothing to read")
        fatalism = min(1.0, points[3] / s) if s > 0 else 0.0
        if top <= 0:  # all on fatalism: a fatalism monoculture, no active strength at all
            profile = cls.from_strengths([0.0, 0.0, 0.0, fatalism], malign=malign)
        else:
            profile = cls.from_strengths([*(v / top for v in points[:3]), fatalism], malign=malign)
        return profile._marked_relative()

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> Profile:
        """Build a profile from named values, e.g. a dict or a row of a table.

        Keys are mode names or initials (``"hierarchy"`` or ``"H"``) and, optionally,
        ``"malign_<mode>"`` for any mode (fatalism included). Extra keys are an error, so nothing is ignored
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
        # three strengths and three malign shares give three values (the cast only types the tuple)
        return cast("tuple[float, float, float]",
                    tuple(s * (1.0 - m) for s, m in zip(self.active_strengths, self.malign, strict=True)))

    @property
    def fatalism_faces(self) -> tuple[float, float]:
        """Fatalism's two faces as strengths: (wisdom, despair) = fatalism x (1 - m, m).

        Examples
        --------
        >>> Profile(0.5, 0.5, 0.5, 0.4).fatalism_faces  # default: all despair
        (0.0, 0.4)
        """
        f, m = self.fatalism, self.malign_fatalism
        return (f * (1.0 - m), f * m)

    @property
    def despair(self) -> float:
        """Strength of fatalism's malign face (despair): fatalism x its malign share."""
        return self.fatalism * self.malign_fatalism

    @property
    def shares(self) -> tuple[float, float, float]:
        """Shares of the three active modes, summing to 1 (equal thirds if all are zero)."""
        total = sum(self.active_strengths)
        if total == 0:
            return (1 / 3, 1 / 3, 1 / 3)
        # three strengths give three shares (the cast only types the tuple)
        return cast("tuple[float, float, float]", tuple(s / total for s in self.active_strengths))

    def strength_of(self, mode: str | Mode) -> float:
        """Strength of one mode, by :class:`Mode`, name or initial.

        Examples
        --------
        >>> Profile(0.9, 0.8, 0.2, 0.1).strength_of("S")
        0.8
        """
        return float(getattr(self, parse_mode(mode).value))

    def to_dict(self) -> dict[str, float]:
        """All eight values by field name.

        Examples
        --------
        >>> list(Profile(0.9, 0.8, 0.2, 0.1).to_dict())[:4]
        ['hierarchy', 'solidarity', 'individualism', 'fatalism']
        """
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "relative"}

    def to_series(self) -> pd.Series:
        """All eight values as a pandas Series indexed by field name."""
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
        return type(self)(**{**self.to_dict(), **changes})._marked_relative(self.relative)


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

