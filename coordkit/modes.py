"""The four modes of coordination, as data.

Coordination theory (Matthew Taylor, after Mary Douglas's grid-group cultural theory) names three
*active* ways of organising change -- hierarchy, solidarity and individualism -- each rooted in a core
motivation (mastery, connectedness, autonomy), plus a fourth, passive way: fatalism, which has no
motivation of its own.

Everything here is vocabulary, written in our own words. Sources:

- Motivations, the four modes, and the idea that each mode has benign and malign forms:
  M. Taylor, "NHS reform: towards a more balanced change model?", NHS Confederation,
  15 November 2022, https://www.nhsconfed.org/articles/nhs-reform-towards-more-balanced-change-model
  The seed gives examples of benign and malign forms for hierarchy only; the word lists for the
  other modes are the kit's own elaboration, offered for discussion. Fatalism's "benign" list
  (realism about what cannot be changed) is the kit's gloss on the seed's call to *acknowledge*
  fatalism; a :class:`~coordkit.profile.Profile` treats fatalism's strength as a cost throughout.
- Injunctions: M. Taylor, "Coordination theory: the basis for working together", RSA blog, April 2021,
  https://www.thersa.org/blog/matthew-taylor/2021/04/coordination-theory-the-basis-for-working-together
- Grid and group: M. Douglas, *Natural Symbols* (1970) and *Cultural Bias* (1978); grid = how far
  imposed rules and roles constrain a person, group = how far a person is bound into a group.
- Control types and characteristic failures: C. Hood, *The Art of the State* (Oxford, 1998),
  chapters 2-3; control systems that undermine themselves the more one type is stressed:
  C. Hood, "Control over bureaucracy: cultural theory and institutional variety", *Journal of
  Public Policy* 15(3), 1995, 207-230.

Examples
--------
>>> from coordkit.modes import Mode, MODES
>>> MODES[Mode.SOLIDARITY].motivation
'connectedness'
>>> [m.value for m in ACTIVE_MODES]
['hierarchy', 'solidarity', 'individualism']
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ACTIVE_MODES", "ALL_MODES", "MODES", "Mode", "ModeInfo", "parse_mode", "table"]


class Mode(StrEnum):
    """One of the four modes of coordination; its value is its lower-case name."""

    HIERARCHY = "hierarchy"
    SOLIDARITY = "solidarity"
    INDIVIDUALISM = "individualism"
    FATALISM = "fatalism"

    @property
    def label(self) -> str:
        """Capitalised name for figures and tables."""
        return self.value.capitalize()

    @property
    def initial(self) -> str:
        """One-letter code (H, S, I, F) used in compact tables and configuration names."""
        return self.value[0].upper()


#: The three active modes, in the kit's canonical order (the order of every array and table).
ACTIVE_MODES: tuple[Mode, Mode, Mode] = (Mode.HIERARCHY, Mode.SOLIDARITY, Mode.INDIVIDUALISM)
#: All four modes, active first and fatalism last.
ALL_MODES: tuple[Mode, Mode, Mode, Mode] = (*ACTIVE_MODES, Mode.FATALISM)


@dataclass(frozen=True)
class ModeInfo:
    """What the theory says about one mode.

    Attributes
    ----------
    mode : Mode
        Which mode this describes.
    motivation : str or None
        The core human motivation the mode expresses; ``None`` for fatalism.
    grid : str
        ``"high"`` or ``"low"``: how far imposed rules and roles constrain people (Douglas).
    group : str
        ``"high"`` or ``"low"``: how far people are bound into a group (Douglas).
    methods : str
        The theory of change the mode carries, in a phrase.
    injunction : str
        Taylor's one-line injunction for the mode.
    benign : tuple of str
        What the mode looks like at its best.
    malign : tuple of str
        What the mode looks like at its worst.
    hood_control : str
        Hood's control type for the matching grid-group cell.
    hood_failure : str
        Hood's characteristic failure of that control type, in our words.
    critique_of_others : str
        How the mode wins legitimacy by criticising the others.
    """

    mode: Mode
    motivation: str | None
    grid: str
    group: str
    methods: str
    injunction: str
    benign: tuple[str, ...]
    malign: tuple[str, ...]
    hood_control: str
    hood_failure: str
    critique_of_others: str

    @property
    def active(self) -> bool:
        """Whether the mode is one of the three active ways of organising change."""
        return self.motivation is not None


MODES: dict[Mode, ModeInfo] = {
    Mode.HIERARCHY: ModeInfo(
        mode=Mode.HIERARCHY,
        motivation="mastery",
        grid="high",
        group="high",
        methods="leadership, strategy, expertise, rules and oversight",
        injunction="do what you're told",
        benign=("visionary", "strategic", "empowering", "expert"),
        malign=("overbearing", "micro-managing", "self-serving", "rule-bound"),
        hood_control="oversight",
        hood_failure="fiascos born of too much trust in authority and expertise",
        critique_of_others="solidarity is parochial and individualism is chaotic: someone must lead",
    ),
    Mode.SOLIDARITY: ModeInfo(
        mode=Mode.SOLIDARITY,
        motivation="connectedness",
        grid="low",
        group="high",
        methods="shared values, belonging, peer accountability and collaboration",
        injunction="do what is right",
        benign=("caring", "collaborative", "values-driven", "inclusive"),
        malign=("cliquish", "conformist", "sanctimonious", "stuck in endless debate"),
        hood_control="mutuality",
        hood_failure="conflict that is never resolved and splits the group from within",
        critique_of_others="hierarchy is domineering and individualism is selfish: we are in this together",
    ),
    Mode.INDIVIDUALISM: ModeInfo(
        mode=Mode.INDIVIDUALISM,
        motivation="autonomy",
        grid="low",
        group="low",
        methods="self-actualisation, enterprise, choice, competition and incentives",
        injunction="do what you want",
        benign=("creative", "entrepreneurial", "brave", "self-directed"),
        malign=("selfish", "short-termist", "gaming", "reckless"),
        hood_control="competition",
        hood_failure="private gain taken from public office",
        critique_of_others="hierarchy is rigid and solidarity is cosy: let people try things",
    ),
    Mode.FATALISM: ModeInfo(
        mode=Mode.FATALISM,
        motivation=None,
        grid="high",
        group="low",
        methods="coping, getting by, accepting what cannot be changed",
        injunction="it won't make any difference what you do",
        benign=("realistic", "resilient", "humble about what can be controlled"),
        malign=("apathetic", "cynical", "resigned", "disengaged"),
        hood_control="contrived randomness",
        hood_failure="apathy and inertia",
        critique_of_others="every grand plan, group and market fails in the end: why bother?",
    ),
}


def parse_mode(value: str | Mode) -> Mode:
    """Turn a name, initial or :class:`Mode` into a :class:`Mode`.

    Parameters
    ----------
    value : str or Mode
        A mode, its name in any case (``"Hierarchy"``), or its initial (``"H"``).

    Returns
    -------
    Mode
        The matching mode.

    Raises
    ------
    ValueError
        If ``value`` names no mode; the message lists the accepted names.

    Examples
    --------
    >>> parse_mode("I")
    <Mode.INDIVIDUALISM: 'individualism'>
    >>> parse_mode(" Solidarity ")
    <Mode.SOLIDARITY: 'solidarity'>
    """
    if isinstance(value, Mode):
        return value
    text = str(value).strip().lower()
    for mode in ALL_MODES:
        if text in (mode.value, mode.initial.lower()):
            return mode
    names = ", ".join(m.value for m in ALL_MODES)
    raise ValueError(f"{value!r} is not a mode: use one of {names} (or its initial)")


def table() -> pd.DataFrame:
    """The four modes as a table, one row per mode, for notebooks and handouts.

    Returns
    -------
    pandas.DataFrame
        Indexed by mode name, with motivation, grid/group, injunction, benign and malign forms,
        and Hood's control type and characteristic failure.

    Examples
    --------
    >>> table().loc["fatalism", "motivation"]
    '(none)'
    >>> list(table().index)
    ['hierarchy', 'solidarity', 'individualism', 'fatalism']
    """
    import pandas as pd

    rows = {
        m.value: {
            "motivation": MODES[m].motivation or "(none)",
            "grid / group": f"{MODES[m].grid} / {MODES[m].group}",
            "injunction": MODES[m].injunction,
            "methods": MODES[m].methods,
            "benign": ", ".join(MODES[m].benign),
            "malign": ", ".join(MODES[m].malign),
            "Hood's control": MODES[m].hood_control,
            "characteristic failure": MODES[m].hood_failure,
        }
        for m in ALL_MODES
    }
    return pd.DataFrame.from_dict(rows, orient="index")
