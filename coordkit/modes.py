"""The four modes of coordination, as data.

Coordination theory (Matthew Taylor, after Mary Douglas's grid-group cultural theory) names three
*active* ways of organising change -- hierarchy, solidarity and individualism -- plus fatalism,
which Taylor calls passive (Taylor 2013). Cultural theorists call the same four ways of life
hierarchist, *egalitarian*, individualist and fatalist: "solidarity" is Taylor's word for the
egalitarian way of life, so students reading Thompson or Hood will meet "egalitarian" (see
:attr:`ModeInfo.ct_name`).

Motivations: what is Taylor's and what is the kit's
----------------------------------------------------
Taylor (2022) names three intrinsic motivations (mastery, connectedness, autonomy) and says they
"are articulated as theories and methods of change": hierarchy, solidarity, individualism and
fatalism. He writes of each "motivation/method" as one thing, and he makes one link himself:
autonomy goes with individualism (Taylor 2022, where autonomy and creativity are the "more benign"
aspects of individualism's drive; Taylor 2021c, "the positive sides of individualism include
autonomy, creativity and self-expression"). Elsewhere he grounds the forms in authority
(hierarchy), values and belonging (solidarity), individual aspiration (individualism) and fatalism
(Taylor 2021a): that is :attr:`ModeInfo.grounding`. In :attr:`ModeInfo.motivation`, autonomy with
individualism is Taylor's; mastery with hierarchy and connectedness with solidarity, and a strict
one-to-one rule, are **the kit's inference** (from the order of his two lists). The link is open to
criticism, and these are criticisms *of Taylor*, not of a reader's inference:

- the triad closely matches self-determination theory's three needs (competence, relatedness,
  autonomy: Ryan & Deci, 2000), and in that theory autonomy means volition, acting with one's own
  endorsement, which a loyal team member or a rule-follower can do too: autonomy is not
  individualism (Chirkov, Ryan, Kim & Kaplan, 2003);
- in cultural theory "autonomy" names a *fifth* way of life, the hermit's withdrawal from both grid
  and group (Thompson, Ellis & Wildavsky, 1990), not individualism.

Fatalism's two faces
--------------------
Taylor writes of fatalism "between wisdom and despair" (Taylor 2021b) and of its "sometime
accuracy" (Taylor 2021c); Thompson treats it as a viable way of life and Hood (1998, ch. 7)
asks what public management done the fatalist way would look like. So fatalism here has a benign
face (acceptance of limits, humility about prediction, resilience) and a malign one (despair).

Hood's *contrived randomness* is the fatalist cell's control strategy, and it is an active one:
deliberate unpredictability such as rotation of staff or random selection for audit (Hood, 1998;
Hood et al., 2004); unannounced inspection joins it to oversight, a hybrid in the kit's table.
It is not a culture of resignation; the fatalist failure Hood names, apathy and inertia, is a
different thing.

Sources (full list with addresses: ``docs/references.md``): Taylor (2022), NHS Confederation,
https://www.nhsconfed.org/articles/nhs-reform-towards-more-balanced-change-model
; Taylor 2021a,
https://www.thersa.org/blog/matthew-taylor/2021/04/coordination-theory-the-basis-for-working-together
(injunctions, grounding); Taylor 2021b,
https://thersa.org/blog/matthew-taylor/2021/05/between-wisdom-and-despair
; Taylor 2013 (fatalism as the passive form),
https://www.thersa.org/blog/matthew-taylor/2013/05/a-responsible-society--an-enterprising-economy--new-leadership-for-new-times
; Douglas, *Cultural Bias* (1978): grid = how far imposed rules and roles constrain a person, group
= how far a person is bound into a group; Hood, *The Art of the State* (1998), control types and
characteristic failures; Hood (1995), *Journal of Public Policy* 15(3), 207-230. Taylor (2022) gives
benign and malign examples for hierarchy only (visionary, strategic, empowering; overbearing,
micro-managing, self-serving). The kit adds "expert" and "rule-bound" to hierarchy's lists, and the
word lists for the other modes are wholly the kit's own elaboration, offered for discussion. Hood's
controls "in practice" are listed in pure form; common instruments that mix two controls (league
tables, peer review under a regulator's framework) are hybrids and are marked so.

Examples
--------
>>> from coordkit.modes import Mode, MODES
>>> MODES[Mode.SOLIDARITY].ct_name
'egalitarian'
>>> MODES[Mode.INDIVIDUALISM].motivation  # Taylor's own link (2022; 2021c)
'autonomy'
>>> MODES[Mode.SOLIDARITY].motivation  # the kit's inference from his list order
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
    """What the kit records about one mode; each attribute says whose it is.

    Attributes
    ----------
    mode : Mode
        Which mode this describes.
    motivation : str or None
        The motivation linked with the mode: autonomy with individualism is Taylor's own link
        (2022; 2021c); mastery with hierarchy and connectedness with solidarity are the kit's
        inference from the order of his lists (see the module docstring); ``None`` for fatalism.
    grid : str
        ``"high"`` or ``"low"``: how far imposed rules and roles constrain people (Douglas).
    group : str
        ``"high"`` or ``"low"``: how far people are bound into a group (Douglas).
    methods : str
        The theory of change the mode carries, in a phrase.
    injunction : str
        Taylor's one-line injunction for the mode, as worded in Taylor (2021a). His wording has
        moved over time: Taylor (2012) gave "doing what you're told", "doing what others do" and
        "doing what you choose" for the three active forms, which puts conformity, not
        righteousness, in the lateral form.
    benign : tuple of str
        What the mode looks like at its best (Taylor's examples for hierarchy; the kit's lists for
        the other modes).
    malign : tuple of str
        What the mode looks like at its worst (as for ``benign``).
    hood_control : str
        Hood's control type for the matching grid-group cell.
    hood_failure : str
        Hood's characteristic failure of the cell's way of life when it is pushed too far, in our
        words (for fatalism: apathy and inertia, the failure of a fatalist regime, not of contrived
        randomness, which is an active strategy of deliberate unpredictability).
    critique_of_others : str
        How the mode wins legitimacy by criticising the others (Taylor's point, 2022; the
        wording is the kit's).
    ct_name : str
        The way of life's name in cultural theory (hierarchist, egalitarian, individualist,
        fatalist).
    grounding : str
        What Taylor (Taylor 2021a) grounds the form in.
    hood_examples : str
        Examples of Hood's control type in practice.
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
    ct_name: str = ""
    grounding: str = ""
    hood_examples: str = ""

    @property
    def active(self) -> bool:
        """Whether the mode is one of the three active ways of organising change.

        Taylor's own distinction (Taylor 2022, "three active forms"): everything but fatalism. It
        does not depend on the motivation link, which is partly the kit's inference.
        """
        return self.mode is not Mode.FATALISM


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
        ct_name="hierarchist",
        grounding="authority",
        hood_examples="inspection, audit, regulation, line management",
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
        ct_name="egalitarian",
        grounding="values and belonging",
        hood_examples=("collegial decision, professional self-regulation (peer review under a "
                       "regulator's framework is a hybrid)"),
    ),
    Mode.INDIVIDUALISM: ModeInfo(
        mode=Mode.INDIVIDUALISM,
        motivation="autonomy",
        grid="low",
        group="low",
        # Two sides (Taylor 2022: more than markets): the creative, entrepreneurial one and the
        # competitive one.
        methods=("a creative, entrepreneurial side (self-actualisation, enterprise, trying things) and a "
                 "competitive side (choice, competition and incentives)"),
        injunction="do what you want",
        benign=("creative", "entrepreneurial", "brave", "self-directed"),
        # Gaming sits here, not under hierarchy: after Bevan & Hood (2006) it is the self-seeking
        # response of agents to hierarchist targets. Targets provoke it; the behaviour is individualist.
        malign=("selfish", "short-termist", "gaming", "reckless"),
        hood_control="competition",
        hood_failure="private gain taken from public office",
        critique_of_others="hierarchy is rigid and solidarity is cosy: let people try things",
        ct_name="individualist",
        grounding="individual aspiration",
        hood_examples="open tendering, performance pay, patient choice (league tables are a hybrid)",
    ),
    Mode.FATALISM: ModeInfo(
        mode=Mode.FATALISM,
        motivation=None,
        grid="high",
        group="low",
        methods="coping, accepting limits, expecting surprise",
        injunction="it won't make any difference what you do",
        # Benign face "wisdom", malign face "despair" (Taylor 2021b).
        benign=("accepting of limits", "humble about prediction", "resilient"),
        malign=("despairing", "apathetic", "cynical", "disengaged"),
        hood_control="contrived randomness",
        hood_failure="apathy and inertia",
        # Both faces (Taylor 2021b): the wise critique of hubris and the despairing one.
        critique_of_others=("grand plans overpromise and the world surprises us (wise); every plan, "
                            "group and market fails in the end, so why bother? (despairing)"),
        ct_name="fatalist",
        grounding="fatalism",
        hood_examples=("random selection for audit, rotation of staff (an active control; unannounced "
                       "inspection is, in the kit's Hood table, a hybrid with oversight)"),
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
        Indexed by mode name, with cultural theory's name, Taylor's grounding, the motivation
        link (whose is whose in the column name), grid/group, injunction, benign and malign
        forms, and Hood's control type, examples and characteristic failure.

    Examples
    --------
    >>> table().loc["fatalism", "motivation (autonomy Taylor's; others the kit's)"]
    '(none)'
    >>> table().loc["solidarity", "cultural theory"]
    'egalitarian'
    >>> list(table().index)
    ['hierarchy', 'solidarity', 'individualism', 'fatalism']
    """
    import pandas as pd

    rows = {
        m.value: {
            "cultural theory": MODES[m].ct_name,
            "grounding (Taylor 2021a)": MODES[m].grounding,
            "motivation (autonomy Taylor's; others the kit's)": MODES[m].motivation or "(none)",
            "grid / group": f"{MODES[m].grid} / {MODES[m].group}",
            "injunction (Taylor 2021a)": MODES[m].injunction,
            "methods": MODES[m].methods,
            "benign": ", ".join(MODES[m].benign),
            "malign": ", ".join(MODES[m].malign),
            "Hood's control": MODES[m].hood_control,
            "control in practice": MODES[m].hood_examples,
            "characteristic failure": MODES[m].hood_failure,
        }
        for m in ALL_MODES
    }
    return pd.DataFrame.from_dict(rows, orient="index")
