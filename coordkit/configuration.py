"""Configurations: which modes are strong -- the kit's own enumeration of sixteen states.

A mode is *strong* when its strength reaches a threshold (a parameter, 0.5 by default; a judgement).
The set of strong modes names the configuration. Fatalism is read the other way round from the
active modes, and only its malign face counts: Taylor asks for fatalism to be acknowledged and
managed (Taylor, 2022), and its benign face -- realism about limits -- is no failure. So fatalism
joins the strong forms only when its *despair* (fatalism x its malign share) reaches its own
threshold: when despair is no longer in check. Strong fatalism short of that is noted in the
diagnosis instead.

With four forms there are 16 possible sets of strong forms. Naming and grouping them is the kit's
own enumeration (no source gives this table): one is *balanced*, fifteen are not.

============================ ===== ===================================================
kind                         count strong forms
============================ ===== ===================================================
none                         1     nothing is strong (the kit's state: see below)
monoculture                  4     exactly one form: H, S, I or F (the kit's rule)
deficit culture              3     two active forms, the third weak, despair in check
two-form with fatalism       3     one active form plus unchecked despair
deficit culture + fatalism   3     two active forms plus unchecked despair
overshadowed                 1     all three active forms, but despair unchecked too
balanced                     1     all three active forms, despair in check
============================ ===== ===================================================

"Balanced" here is the kit's threshold rule: all three active forms at or above the threshold,
despair in check. Taylor's monoculture ("one motivational system is dominant", Taylor 2022) and
balance are *relative* ideas, which the threshold rule only approximates: ``Profile(1, 0.5, 0.5,
0.1)`` is "balanced" by it. :func:`classify` therefore adds a note naming the leading form when the
weakest active form is under :data:`LEAD_RATIO` (two thirds, the kit's choice) of the strongest.

Where the names come from: the words "monoculture" and "deficit culture" (two forms strong, one
weak; the traditional public sector strong on hierarchy and solidarity, weak on individualism) are
Taylor's (2022); the monoculture examples follow Taylor 2021c. For Taylor a monoculture is one
active form dominating the others; the rule used here (exactly one form at or above the threshold)
is the kit's version of that idea, and a "fatalism monoculture" (despair alone unchecked) is the
kit's extension, since Taylor's monocultures are of the active forms. The other kinds, and "no
strong active form", are the kit's. "No strong active form" has no direct counterpart in
grid-group theory, where every social relation sits somewhere in grid-group space (a unit weak in
every active form is nearest the fatalist's isolation or the hermit's withdrawal); it exists
because the kit scores each mode's strength separately (see :mod:`coordkit.profile`).

Sources: M. Taylor, "NHS reform: towards a more balanced change model?", NHS Confederation,
15 November 2022, https://www.nhsconfed.org/articles/nhs-reform-towards-more-balanced-change-model ;
Taylor 2021c (RSA blog, April 2021),
https://thersa.org/blog/matthew-taylor/2021/04/individualist-investment-banks-hierarchical-totalitarian-regimes-and-solidaristic-communes

Examples
--------
>>> from coordkit.profile import Profile
>>> c = classify(Profile(hierarchy=0.9, solidarity=0.8, individualism=0.2, fatalism=0.3))
>>> c.name
'deficit culture: weak individualism'
>>> len([c for c in all_configurations() if c.kind is not Kind.BALANCED])
15
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from itertools import combinations
from typing import TYPE_CHECKING

from coordkit.modes import ACTIVE_MODES, ALL_MODES, MODES, Mode
from coordkit.profile import Profile

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["EVEN_MIX", "LEAD_RATIO", "Configuration", "Kind", "all_configurations", "classify",
           "configuration_of",
           "table"]

#: The kit's rule for a "balanced" profile that one form leads: when the weakest active strength
#: is under this share of the strongest, the diagnosis names the leader (a judgement; the name
#: stays "balanced", see :func:`classify`).
LEAD_RATIO = 2 / 3


class Kind(StrEnum):
    """The family a configuration belongs to."""

    NONE = "none"
    MONOCULTURE = "monoculture"
    DEFICIT = "deficit culture"
    FATALIST_PAIR = "two-form with fatalism"
    FATALIST_DEFICIT = "deficit culture with fatalism"
    OVERSHADOWED = "overshadowed by fatalism"
    BALANCED = "balanced"


# Monoculture examples: the one-party state, the commune and the investment bank are Taylor's
# (Taylor 2021c); the command-and-control organisation, the close-knit team and the fatalist line
# are the kit's own. The deficit-culture notes: the individualism one is Taylor's public-sector
# deficit culture (2022); the other two are the kit's.
_MONOCULTURE_EXAMPLE = {
    Mode.HIERARCHY: "think of a one-party state or a command-and-control organisation",
    Mode.SOLIDARITY: "think of a commune, or a team so close-knit it resists any outside direction",
    Mode.INDIVIDUALISM: "think of an investment bank run on bonuses",
    Mode.FATALISM: "nobody believes anything they do will make a difference",
}
_DEFICIT_NOTE = {
    Mode.INDIVIDUALISM: (
        "the traditional public-sector pattern: order and shared values, but little room for "
        "enterprise, creativity or risk-taking"
    ),
    Mode.SOLIDARITY: (
        "rules and markets without shared values: people comply or compete but do not belong"
    ),
    Mode.HIERARCHY: (
        "values and enterprise without direction: energy that no one coordinates or sustains"
    ),
}


@dataclass(frozen=True)
class Configuration:
    """A named configuration of strong forms.

    Attributes
    ----------
    forms : frozenset of Mode
        The strong forms (fatalism included only when its despair is unchecked).
    kind : Kind
        The family of the configuration.
    name : str
        Short name, e.g. ``"hierarchy monoculture"``.
    diagnosis : str
        A plain-English reading of the configuration.
    """

    forms: frozenset[Mode]
    kind: Kind
    name: str
    diagnosis: str

    @property
    def code(self) -> str:
        """Initials of the strong forms in H, S, I, F order, or ``"-"`` for none."""
        return "".join(m.initial for m in ALL_MODES if m in self.forms) or "-"

    @property
    def weak_active(self) -> tuple[Mode, ...]:
        """The active modes that are not strong."""
        return tuple(m for m in ACTIVE_MODES if m not in self.forms)


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def configuration_of(forms: frozenset[Mode] | set[Mode]) -> Configuration:
    """The configuration for a given set of strong forms.

    Parameters
    ----------
    forms : set of Mode
        Which forms are strong (fatalism included when its despair is unchecked).

    Returns
    -------
    Configuration

    Examples
    --------
    >>> configuration_of({Mode.INDIVIDUALISM}).name
    'individualism monoculture'
    >>> configuration_of({Mode.HIERARCHY, Mode.FATALISM}).kind
    <Kind.FATALIST_PAIR: 'two-form with fatalism'>
    """
    forms = frozenset(forms)
    active = [m for m in ACTIVE_MODES if m in forms]
    weak = [m for m in ACTIVE_MODES if m not in forms]
    fatalist = Mode.FATALISM in forms
    active_names = [m.value for m in active]
    weak_names = [m.value for m in weak]

    if not forms:
        return Configuration(
            forms, Kind.NONE, "no strong active form",
            "No active form is strongly articulated: none organises change. Weak across the board is "
            "not balance; build up the active forms.",
        )
    if len(forms) == 1:
        (mode,) = forms
        info = MODES[mode]
        if mode is Mode.FATALISM:
            text = (
                f"A fatalist culture in its malign face, despair (the kit's extension of Taylor's "
                f"monoculture, which he describes for the active forms): '{info.injunction}'. "
                f"{_MONOCULTURE_EXAMPLE[mode].capitalize()}; every active form is weak. Despair "
                "must be acknowledged, then answered by rebuilding leadership, belonging and agency."
            )
        else:
            text = (
                f"A {mode.value} monoculture ({_MONOCULTURE_EXAMPLE[mode]}): '{info.injunction}' "
                f"dominates and {_and(weak_names)} are weak. At its best it is "
                f"{_and(list(info.benign[:2]))}; unchecked by rivals it drifts toward "
                f"{_and(list(info.malign[:2]))}."
            )
        return Configuration(forms, Kind.MONOCULTURE, f"{mode.value} monoculture", text)
    if not fatalist and len(active) == 2:
        missing = weak[0]
        return Configuration(
            forms, Kind.DEFICIT, f"deficit culture: weak {missing.value}",
            f"A deficit culture: strong {_and(active_names)}, weak {missing.value} — "
            f"{_DEFICIT_NOTE[missing]}.",
        )
    if not fatalist and len(active) == 3:
        return Configuration(
            forms, Kind.BALANCED, "balanced",
            "All three active forms are strong and despair is in check: in the kit's reading, the "
            "conditions Taylor (2022) associates with a dynamic, improving system. It needs constant "
            "adjustment, and balance cannot make up for demand that outruns capacity.",
        )
    # From here on fatalism is unchecked and at least one active form is strong.
    if len(active) == 1:
        return Configuration(
            forms, Kind.FATALIST_PAIR, f"{active[0].value} with fatalism",
            f"Strong {active[0].value} sits beside widespread fatalism, with {_and(weak_names)} "
            f"weak: '{MODES[active[0]].injunction}' meets "
            f"'{MODES[Mode.FATALISM].injunction}'.",
        )
    if len(active) == 2:
        return Configuration(
            forms, Kind.FATALIST_DEFICIT, f"deficit culture with fatalism: weak {weak[0].value}",
            f"A deficit culture (strong {_and(active_names)}, weak {weak[0].value}) in which "
            f"fatalism has also taken hold — {_DEFICIT_NOTE[weak[0]]}, and many have stopped "
            "expecting change.",
        )
    return Configuration(
        forms, Kind.OVERSHADOWED, "overshadowed by fatalism",
        "All three active forms are strong, but so is fatalism in its malign face, despair: the "
        "energy is there, the belief that it will make a difference is not. Look for overload, "
        "such as demand beyond capacity.",
    )


def all_configurations() -> list[Configuration]:
    """All 16 configurations, from none to balanced, ordered by number of strong forms.

    Returns
    -------
    list of Configuration

    Examples
    --------
    >>> [c.code for c in all_configurations()][:6]
    ['-', 'H', 'S', 'I', 'F', 'HS']
    """
    return [
        configuration_of(frozenset(subset))
        for size in range(len(ALL_MODES) + 1)
        for subset in combinations(ALL_MODES, size)
    ]


def classify(
    profile: Profile,
    *,
    strong: float = 0.5,
    fatalism_unchecked: float | None = None,
    malign_warning: float = 0.5,
) -> Configuration:
    """Classify a profile by which of its forms are strong, with a plain-English diagnosis.

    Parameters
    ----------
    profile : Profile
    strong : float, default 0.5
        An active mode is strong when its strength is at least this.
    fatalism_unchecked : float, optional
        Fatalism counts as a strong (unchecked) form when its despair (fatalism x its malign
        share) is at least this; defaults to ``strong``. Fatalism that is strong without counting
        as unchecked gets a note in the diagnosis instead: "mostly benign" only when its malign
        share is under one half, otherwise the note names the despair.
    malign_warning : float, default 0.5
        A strong active mode whose malign share reaches this gets a warning in the diagnosis.

    Returns
    -------
    Configuration

    Raises
    ------
    ValueError
        If a threshold is outside (0, 1].

    Examples
    --------
    >>> classify(Profile(0.9, 0.2, 0.1, 0.2)).name
    'hierarchy monoculture'
    >>> classify(Profile(0.9, 0.2, 0.1, 0.2), strong=0.1).name
    'overshadowed by fatalism'
    >>> print(classify(Profile(0.8, 0.7, 0.7, 0.1, malign_hierarchy=0.6)).diagnosis)
    All three active forms ... Warning: hierarchy is mostly malign here (overbearing and micro-managing).
    >>> led = classify(Profile(1.0, 0.5, 0.5, 0.1))  # the kit's threshold rule: still "balanced"
    >>> led.name, led.diagnosis.split("Note: ")[1][:60]
    ('balanced', 'hierarchy leads (solidarity 0.50 is under two thirds of hier')
    >>> classify(Profile(0.8, 0.7, 0.7, 0.6, malign_fatalism=0.2)).name  # wisdom, not despair
    'balanced'
    >>> print(classify(Profile(0.8, 0.8, 0.8, 0.7, malign_fatalism=0.7)).diagnosis)
    All three ... Fatalism is strong and 70% of it is despair (despairing and apathetic), 0.49 in all: ...

    Divide-100 shares (a profile with ``relative=True``) say only which forms lead the mix, so
    the diagnosis says "mix only: strength not measured" and an even mix is never called balanced:

    >>> even = classify(Profile.from_shares([25, 25, 25, 25]))  # not overshadowed, not balanced
    >>> even.name
    'evenly mixed'
    >>> print(even.diagnosis)
    Mix only: strength not measured. ... evenly spread is not balanced.
    """
    if fatalism_unchecked is None:
        fatalism_unchecked = strong
    for name, value in (("strong", strong), ("fatalism_unchecked", fatalism_unchecked),
                        ("malign_warning", malign_warning)):
        if not 0 < value <= 1:
            raise ValueError(f"{name} must be in (0, 1], got {value!r}")
    forms = {m for m, s in zip(ACTIVE_MODES, profile.active_strengths, strict=True) if s >= strong}
    if profile.despair >= fatalism_unchecked:
        forms.add(Mode.FATALISM)
    config = configuration_of(frozenset(forms))
    text = config.diagnosis
    if Mode.FATALISM not in forms and profile.fatalism >= fatalism_unchecked:
        if profile.malign_fatalism < 0.5:
            wisdom = _and(list(MODES[Mode.FATALISM].benign[:2]))
            text += (f" Fatalism is strong but mostly benign ({wisdom}): acknowledged, it need not "
                     "sap the active forms.")
        else:
            gloom = _and(list(MODES[Mode.FATALISM].malign[:2]))
            text += (f" Fatalism is strong and {profile.malign_fatalism:.0%} of it is despair ({gloom}),"
                     f" {_under(profile.despair, fatalism_unchecked)} in all: under the "
                     f"{fatalism_unchecked:g} at which it counts"
                     " as unchecked, but a cost to watch.")
    # The kit counts a form's whole strength, malign part included; say so where the benign part
    # alone would not be strong, since the theory's "articulated" forms are benign ones.
    thin = [f"{m.value} {strength * (1 - share):.2f}"
            for m, strength, share in zip(ACTIVE_MODES, profile.active_strengths, profile.malign, strict=True)
            if m in forms and strength * (1 - share) < strong]
    if thin:
        text += (f" Note: strong only with the malign part counted (benign strength {_and(thin)}, "
                 f"under {strong:g}).")
    if config.kind is Kind.BALANCED:
        text += _lead_note(profile, strong)
    warnings = [
        f"{m.value} is mostly malign here ({_and(list(MODES[m].malign[:2]))})"
        for m, share in zip(ACTIVE_MODES, profile.malign, strict=True)
        if m in forms and share >= malign_warning
    ]
    if warnings:
        text += " Warning: " + "; ".join(warnings) + "."
    if profile.relative:
        return _mix_only(config, text)
    if text == config.diagnosis:
        return config
    return Configuration(config.forms, config.kind, config.name, text)


def _under(value: float, threshold: float) -> str:
    """``value`` to 2 decimals, or 3 where 2 would round it up to ``threshold``."""
    return f"{value:.2f}" if round(value, 2) < threshold else f"{value:.3f}"


def _lead_note(profile: Profile, strong: float) -> str:
    """A note when one active form leads a "balanced" profile by the kit's :data:`LEAD_RATIO`."""
    strengths = dict(zip(ACTIVE_MODES, profile.active_strengths, strict=True))
    top = max(strengths, key=strengths.__getitem__)
    low = min(strengths, key=strengths.__getitem__)
    if strengths[low] >= LEAD_RATIO * strengths[top]:
        return ""
    return (f" Note: {top.value} leads ({low.value} {strengths[low]:.2f} is under two thirds of "
            f"{top.value} {strengths[top]:.2f}). The kit's 'balanced' only checks that each active "
            f"form reaches {strong:g}; Taylor's monoculture and balance are relative, so read this "
            f"as all three strong, led by {top.value}.")


#: The name of the three-form configuration of a relative profile (divide-100 shares, or an agent
#: unit's mix): the kit does not call an even mix "balanced", since strength was not measured.
EVEN_MIX = "evenly mixed"


def _mix_only(config: Configuration, text: str) -> Configuration:
    """The configuration of a relative profile (divide-100 shares), read as a mix.

    Ipsative shares carry no strength (see :meth:`Profile.from_shares`), so "strong" can only mean
    "leading the mix". The kind stays (which forms lead) and the diagnosis says so; the name
    changes only where it would claim balance, which needs articulated (strong) forms: the
    three-form case is "evenly mixed" (its diagnosis says strength was not measured).
    """
    name = config.name
    if config.kind is Kind.BALANCED:
        name = EVEN_MIX
        text = ("All three active forms lead the mix and despair is in check. Whether they are "
                "articulated (strong) is not known, and evenly spread is not balanced."
                + text[len(config.diagnosis):])
    return Configuration(
        config.forms, config.kind, name,
        "Mix only: strength not measured. These are divide-100 shares, so 'strong' means 'leading "
        f"the mix', not strong in any absolute sense. {text}",
    )


def table() -> pd.DataFrame:
    """All 16 configurations as a table: code, kind, number of strong forms, name, diagnosis.

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> t = table()
    >>> t.groupby("kind", sort=False).size().to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'none': 1, 'monoculture': 4, 'deficit culture': 3, 'two-form with fatalism': 3,
     'balanced': 1, 'deficit culture with fatalism': 3, 'overshadowed by fatalism': 1}
    """
    import pandas as pd

    return pd.DataFrame(
        [
            {"code": c.code, "kind": c.kind.value, "strong forms": len(c.forms), "name": c.name,
             "diagnosis": c.diagnosis}
            for c in all_configurations()
        ]
    )
