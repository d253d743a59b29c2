"""The clumsiness audit: which voices a policy package hears, which it shuts out, and what would let them in.

Cultural theorists call a policy *clumsy* when no way of life is excluded and each stays
responsive to the others, and *elegant* when one way of life has it all its own way (Verweij,
Douglas, Ellis, Engel, Hendriks, Lohmann, Ney, Rayner & Thompson 2006, *Public Administration*
84(4); Verweij & Thompson, eds, *Clumsy Solutions for a Complex World*, 2006). The kit reads
Taylor's (2022) "balance", after Verweij, as engagement rather than evenness of magnitudes (Taylor
himself speaks of modes being strong or weak, and of underpowered ones): that reading is the kit's.

This module turns that idea into a check a group can run on a package of instruments, each coded
to one of Christopher Hood's control types -- four polar types and six pairwise hybrids (Hood,
"Control over bureaucracy", *Journal of Public Policy* 15(3), 1995, 207-230; *The Art of the
State*, 1998). Five voices are listened for: hierarchy, solidarity (cultural theory's egalitarian
way of life), individualism, fatalism and the hermit (Thompson, Ellis & Wildavsky, *Cultural
Theory*, 1990).

Every rule here is **the kit's reading of those sources**, stated in :data:`RULES` and shown with
every result; none is a rule any of the authors wrote down. The data behind it --
``hood_control_types.csv``, ``ways_of_life.csv`` and ``policy_packages.csv`` -- are the kit's
codings, with sources and rationales in their sidecars.

Examples
--------
>>> result = audit(package("internal_market_1991"))
>>> result.verdict
'dominated by individualism'
>>> [v.voice for v in result.voices if v.status == "excluded"]
['solidarity', 'fatalism']
>>> result.amendments[0].voice
'solidarity'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from coordkit import data

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ACTIVE_VOICES",
    "DEFAULT_OVERUSE_SHARE",
    "POLAR_TYPES",
    "RULES",
    "STATUSES",
    "VOICES",
    "Amendment",
    "Audit",
    "ControlType",
    "HybridUse",
    "Instrument",
    "Overuse",
    "Package",
    "Voice",
    "VoiceResult",
    "amendments",
    "audit",
    "control_types",
    "emphasis",
    "hybrid_name",
    "hybrids_used",
    "overuse",
    "package",
    "packages",
    "summary_table",
    "verdict",
    "voice_results",
    "voices",
]

#: Hood's four polar control types, in the order of the kit's modes.
POLAR_TYPES: tuple[str, str, str, str] = ("oversight", "mutuality", "competition", "contrived randomness")
#: The five voices, in the kit's order: the four modes, then the hermit.
VOICES: tuple[str, ...] = ("hierarchy", "solidarity", "individualism", "fatalism", "hermit")
#: The three active voices whose engagement makes a package clumsy in the kit's verdict.
ACTIVE_VOICES: tuple[str, str, str] = ("hierarchy", "solidarity", "individualism")
#: The three statuses a voice can have in an audit; every voice always gets exactly one.
STATUSES: tuple[str, str, str] = ("engaged", "unresponsive", "excluded")
#: Default share of instruments using one polar type above which the audit flags reverse effects.
DEFAULT_OVERUSE_SHARE: float = 0.6

#: The audit's rules, each the kit's reading of the sources (shown with every result).
RULES: dict[str, str] = {
    "engaged": (
        "The kit's reading of Verweij et al. (2006), where each voice in a clumsy solution stays "
        "responsive to the others: a grid-group voice is engaged when at least one instrument joins "
        "its preferred control type to another voice's in one of Hood's hybrids, so that its control "
        "has to deal with another's. The hermit is engaged when at least one instrument leaves those "
        "it controls free to opt out."),
    "unresponsive": (
        "The kit's reading of the same idea: a voice is unresponsive when its control type is used "
        "only in polar instruments, standing beside the other voices' instruments but never joined "
        "to them. (The hermit, who withdraws, is engaged or excluded, never unresponsive.)"),
    "excluded": (
        "The kit's reading of requisite variety (Thompson, Ellis & Wildavsky 1990): a voice is excluded "
        "when no instrument uses its preferred control type (for the hermit, when no instrument leaves "
        "room to opt out)."),
    "verdict": (
        "The kit's shorthand, after Verweij et al. (2006), whose clumsy solutions combine the three "
        "active voices: 'clumsy' when hierarchy, solidarity and individualism are all engaged; "
        "'elegant' when exactly one of the four grid-group voices is heard; 'dominated by X' "
        "when more voices are heard but X's polar type is used by more than the overuse share of the "
        "instruments (near-elegant: one voice has it nearly all its own way); 'partly clumsy' "
        "otherwise; 'no voice heard' when none is. Fatalism and the hermit are reported beside the "
        "verdict, not in it: Taylor (2022) asks that fatalism be acknowledged and managed, and Ney & "
        "Verweij (2014) treat standing back (the hermit) as a further test. A package "
        "of instruments can at most make room for clumsiness: Verweij et al. describe it as a "
        "process of contestation, which no coding can show."),
    "overuse": (
        "The kit's reading of Hood (1995): side effects and reverse effects grow the more one type is "
        "stressed, so the audit flags any polar type used (alone or in a hybrid) by more than a "
        "threshold share of the instruments. The threshold is the kit's judgement."),
    "hybrids": (
        "Hood (1995) predicts that the six hybrids are also likely to be unstable; the audit lists each "
        "hybrid the package relies on with the kit's wording of its instability."),
    "amendments": (
        "The kit's device: for each excluded voice, suggest its own polar type; for each excluded "
        "or unresponsive voice, every hybrid joining its type to a voice already heard (to any "
        "other voice if none is), each "
        "with the reason the voice itself would give for accepting it (ways_of_life.csv, "
        "accepts_because). These are prompts for discussion, not recommendations."),
}


# ----- the data, as typed records --------------------------------------------------------------
@dataclass(frozen=True)
class ControlType:
    """One of Hood's control types: a polar type or a pairwise hybrid.

    Attributes
    ----------
    name : str
        E.g. ``"oversight"`` or ``"oversight x competition"``.
    kind : {"polar", "hybrid"}
    parts : tuple of str
        The polar types it is made of (one for a polar type, two for a hybrid).
    how_it_controls, nhs_example, characteristic_failure, page_reference, rationale : str
        From ``hood_control_types.csv``; the example, failure and rationale are the kit's.
    way_of_life_failure : str
        For a polar type, the failure of its cell's way of life; ``""`` for a hybrid.
    mode : str
        The kit's mode for a polar type's cell; ``""`` for a hybrid.
    """

    name: str
    kind: str
    parts: tuple[str, ...]
    how_it_controls: str
    nhs_example: str
    characteristic_failure: str
    way_of_life_failure: str
    mode: str
    page_reference: str
    rationale: str


@dataclass(frozen=True)
class Voice:
    """One of the five voices (ways of life) the audit listens for.

    Attributes
    ----------
    name : str
        ``"hierarchy"``, ``"solidarity"``, ``"individualism"``, ``"fatalism"`` or ``"hermit"``.
    way_of_life, problem_definition, myth_of_nature, myth_meaning, blame_rule, need_and_scarcity : str
        The kit's readings, from ``ways_of_life.csv``.
    preferred_control : str
        A polar type; ``""`` for the hermit.
    accepts_because : str
        The reason the voice would give for accepting an instrument of its kind.
    """

    name: str
    way_of_life: str
    problem_definition: str
    myth_of_nature: str
    myth_meaning: str
    blame_rule: str
    need_and_scarcity: str
    preferred_control: str
    accepts_because: str


@dataclass(frozen=True)
class Instrument:
    """One instrument of a policy package, coded to a control type (a judgement).

    Attributes
    ----------
    id : str
    label : str
    control_type : str
        A name in :func:`control_types`.
    voluntary : bool, default False
        Whether those controlled may choose not to take part.
    description, rationale, source, reform_id : str, default ""
    """

    id: str
    label: str
    control_type: str
    voluntary: bool = False
    description: str = ""
    rationale: str = ""
    source: str = ""
    reform_id: str = ""


@dataclass(frozen=True)
class Package:
    """A named set of instruments.

    Attributes
    ----------
    id : str
    title : str
    instruments : tuple of Instrument
    """

    id: str
    title: str
    instruments: tuple[Instrument, ...]

    def only(self, ids: Iterable[str]) -> Package:
        """The package with only the instruments whose ids are given (in the package's order).

        Parameters
        ----------
        ids : iterable of str

        Returns
        -------
        Package

        Raises
        ------
        ValueError
            If an id is not an instrument of this package.

        Examples
        --------
        >>> p = package("hsca_2012")
        >>> [i.id for i in p.only(["a12_ccgs"]).instruments]
        ['a12_ccgs']
        """
        wanted = set(ids)
        known = {i.id for i in self.instruments}
        unknown = sorted(wanted - known)
        if unknown:
            raise ValueError(f"not instruments of {self.id}: {', '.join(unknown)}; "
                             f"known: {', '.join(sorted(known))}")
        return replace(self, instruments=tuple(i for i in self.instruments if i.id in wanted))


def hybrid_name(first: str, second: str) -> str:
    """The name of the hybrid of two polar types, in the data's order.

    Parameters
    ----------
    first, second : str
        Two different polar types.

    Returns
    -------
    str

    Examples
    --------
    >>> hybrid_name("competition", "oversight")
    'oversight x competition'
    """
    if first == second or first not in POLAR_TYPES or second not in POLAR_TYPES:
        raise ValueError(f"a hybrid joins two different polar types from {', '.join(POLAR_TYPES)}; "
                         f"got {first!r} and {second!r}")
    a, b = sorted((first, second), key=POLAR_TYPES.index)
    return f"{a} x {b}"


@lru_cache(maxsize=1)
def control_types() -> dict[str, ControlType]:
    """Hood's ten control types from ``hood_control_types.csv``, polar types first.

    Returns
    -------
    dict of str to ControlType

    Examples
    --------
    >>> types = control_types()
    >>> len(types), types["oversight x competition"].parts
    (10, ('oversight', 'competition'))
    """
    table = data.load("hood_control_types")
    out: dict[str, ControlType] = {}
    for row in table.to_dict("records"):
        parts = tuple(p for p in (row["first_type"], row["second_type"]) if p)
        out[row["control_type"]] = ControlType(
            name=row["control_type"], kind=row["kind"], parts=parts,
            how_it_controls=row["how_it_controls"], nhs_example=row["nhs_example"],
            characteristic_failure=row["characteristic_failure"],
            way_of_life_failure=row["way_of_life_failure"], mode=row["mode"],
            page_reference=row["page_reference"], rationale=row["rationale"])
    return out


@lru_cache(maxsize=1)
def voices() -> dict[str, Voice]:
    """The five voices from ``ways_of_life.csv``, in :data:`VOICES` order.

    Returns
    -------
    dict of str to Voice

    Examples
    --------
    >>> voices()["fatalism"].preferred_control
    'contrived randomness'
    >>> voices()["hermit"].myth_of_nature
    'resilient'
    """
    table = data.load("ways_of_life").set_index("voice")
    return {
        name: Voice(name=name, **{k: table.loc[name, k] for k in (
            "way_of_life", "problem_definition", "myth_of_nature", "myth_meaning", "blame_rule",
            "need_and_scarcity", "preferred_control", "accepts_because")})
        for name in VOICES
    }


@lru_cache(maxsize=1)
def packages() -> dict[str, Package]:
    """The kit's coded NHS reform packages from ``policy_packages.csv``.

    Returns
    -------
    dict of str to Package
        In the file's (chronological) order.

    Examples
    --------
    >>> list(packages())[:2]
    ['internal_market_1991', 'targets_and_terror_2000_05']
    """
    table = data.load("policy_packages")
    out: dict[str, Package] = {}
    for pid, rows in table.groupby("package", sort=False):
        instruments = tuple(
            Instrument(id=r["instrument"], label=r["label"], control_type=r["control_type"],
                       voluntary=bool(r["voluntary"]), description=r["description"],
                       rationale=r["coding_rationale"], source=r["source"], reform_id=r["reform_id"])
            for r in rows.to_dict("records"))
        out[str(pid)] = Package(id=str(pid), title=str(rows["package_title"].iloc[0]),
                                instruments=instruments)
    return out


def package(name: str) -> Package:
    """One coded package by id.

    Parameters
    ----------
    name : str

    Returns
    -------
    Package

    Raises
    ------
    KeyError
        Naming the known packages.

    Examples
    --------
    >>> package("health_and_care_act_2022").title
    'The Health and Care Act 2022'
    """
    known = packages()
    if name not in known:
        raise KeyError(f"no package {name!r}; known packages: {', '.join(known)}")
    return known[name]


# ----- the audit -------------------------------------------------------------------------------
@dataclass(frozen=True)
class VoiceResult:
    """How one voice fares in an audit.

    Attributes
    ----------
    voice : str
    status : {"engaged", "unresponsive", "excluded"}
    instruments : tuple of str
        Labels of the instruments that engage the voice.
    reason : str
        Why the voice has this status, in words.
    """

    voice: str
    status: str
    instruments: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class HybridUse:
    """A hybrid the package relies on, with Hood's predicted instability in the kit's words."""

    hybrid: str
    instruments: tuple[str, ...]
    instability: str


@dataclass(frozen=True)
class Overuse:
    """A polar type used by more than the threshold share of instruments (Hood's reverse effects)."""

    control_type: str
    share: float
    failure: str


@dataclass(frozen=True)
class Amendment:
    """A candidate amendment an excluded or unresponsive voice could accept for its own reasons."""

    voice: str
    control_type: str
    example: str
    because: str
    caution: str

    def as_text(self) -> str:
        """One sentence: what to add, why the voice would accept it, and the caution."""
        return (f"For {self.voice}: add {self.control_type} (e.g. {self.example}), which it could accept "
                f"because {self.because}. Caution: {self.caution}")


@dataclass(frozen=True)
class Audit:
    """The result of :func:`audit`.

    Attributes
    ----------
    package : Package
    voices : tuple of VoiceResult
        One per voice in :data:`VOICES` order -- never fewer.
    hybrids : tuple of HybridUse
    overuse : tuple of Overuse
    amendments : tuple of Amendment
    verdict : {"clumsy", "partly clumsy", "dominated by <voice>", "elegant", "no voice heard"}
    overuse_share : float
    rules : dict of str to str
        :data:`RULES`, so a result always carries the kit's reading it was made with.
    """

    package: Package
    voices: tuple[VoiceResult, ...]
    hybrids: tuple[HybridUse, ...]
    overuse: tuple[Overuse, ...]
    amendments: tuple[Amendment, ...]
    verdict: str
    overuse_share: float
    rules: dict[str, str] = field(default_factory=lambda: dict(RULES))

    def status(self, voice: str) -> str:
        """The status of one voice.

        Examples
        --------
        >>> audit(package("hsca_2012")).status("fatalism")
        'excluded'
        """
        for v in self.voices:
            if v.voice == voice:
                return v.status
        raise KeyError(f"no voice {voice!r}; voices: {', '.join(VOICES)}")

    def by_status(self, status: str) -> list[str]:
        """The voices with a given status, in :data:`VOICES` order.

        Examples
        --------
        >>> audit(package("hsca_2012")).by_status("engaged")
        ['hierarchy', 'individualism']
        >>> audit(package("hsca_2012")).by_status("unresponsive")
        ['solidarity']
        """
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}; got {status!r}")
        return [v.voice for v in self.voices if v.status == status]

    def as_text(self) -> str:
        """A short summary in words, naming every voice.

        Examples
        --------
        >>> print(audit(package("hsca_2012")).as_text().splitlines()[0])
        The Health and Social Care Act 2012 (4 instruments): partly clumsy in the kit's reading.
        """
        lines = [f"{self.package.title} ({len(self.package.instruments)} instruments): {self.verdict}"
                 " in the kit's reading."]
        for status in STATUSES:
            names = self.by_status(status)
            lines.append(f"{status.capitalize()}: {', '.join(names) if names else 'none'}.")
        if self.overuse:
            lines.append("Reverse effects predicted (over "
                         f"{self.overuse_share:.0%} of instruments): "
                         + "; ".join(f"{o.control_type} {o.share:.0%}" for o in self.overuse) + ".")
        else:
            lines.append(f"No polar type is used by more than {self.overuse_share:.0%} of instruments.")
        lines.append("Hybrids relied on: "
                     + (", ".join(h.hybrid for h in self.hybrids) if self.hybrids else "none") + ".")
        return "\n".join(lines)

    def table(self) -> pd.DataFrame:
        """One row per voice: status, instruments and reason.

        Examples
        --------
        >>> audit(package("hsca_2012")).table().loc["hermit", "status"]
        'excluded'
        """
        import pandas as pd

        return pd.DataFrame(
            [{"voice": v.voice, "status": v.status, "instruments": ", ".join(v.instruments),
              "reason": v.reason} for v in self.voices]).set_index("voice")


def _parts(instrument: Instrument) -> tuple[str, ...]:
    types = control_types()
    if instrument.control_type not in types:
        raise ValueError(f"instrument {instrument.id!r} is coded to {instrument.control_type!r}, which is "
                         f"not one of Hood's control types: {', '.join(types)}")
    return types[instrument.control_type].parts


def emphasis(instruments: Sequence[Instrument]) -> dict[str, float]:
    """Share of the instruments that use each polar type, alone or in a hybrid.

    A hybrid counts towards both of its types, so shares can sum to more than one.

    Parameters
    ----------
    instruments : sequence of Instrument

    Returns
    -------
    dict of str to float
        One entry per polar type, in :data:`POLAR_TYPES` order; all zero for no instruments.

    Examples
    --------
    >>> {k: round(v, 2) for k, v in emphasis(package("targets_and_terror_2000_05").instruments).items()}
    {'oversight': 0.83, 'mutuality': 0.0, 'competition': 0.5, 'contrived randomness': 0.0}
    """
    n = len(instruments)
    counts = dict.fromkeys(POLAR_TYPES, 0)
    for instrument in instruments:
        for part in _parts(instrument):
            counts[part] += 1
    return {t: (counts[t] / n if n else 0.0) for t in POLAR_TYPES}


def voice_results(instruments: Sequence[Instrument]) -> tuple[VoiceResult, ...]:
    """Each voice's status under the rules in :data:`RULES` (the kit's reading).

    Parameters
    ----------
    instruments : sequence of Instrument

    Returns
    -------
    tuple of VoiceResult
        Exactly one per voice, in :data:`VOICES` order.

    Examples
    --------
    >>> only_targets = [Instrument("t", "Targets", "oversight")]
    >>> [(v.voice, v.status) for v in voice_results(only_targets)][:2]
    [('hierarchy', 'unresponsive'), ('solidarity', 'excluded')]
    """
    everyone = voices()
    using: dict[str, list[Instrument]] = {name: [] for name in VOICES}
    for instrument in instruments:
        parts = _parts(instrument)
        for name in VOICES[:4]:
            if everyone[name].preferred_control in parts:
                using[name].append(instrument)
        if instrument.voluntary:
            using["hermit"].append(instrument)
    heard = [name for name in VOICES[:4] if using[name]]
    results = []
    for name in VOICES:
        mine = using[name]
        labels = tuple(i.label for i in mine)
        if not mine:
            what = "no instrument leaves room to opt out" if name == "hermit" else (
                f"no instrument uses {everyone[name].preferred_control}")
            results.append(VoiceResult(name, "excluded", labels, what))
        elif name == "hermit":
            results.append(VoiceResult(name, "engaged", labels, "some instruments can be declined"))
        else:
            joined = sorted({v for i in mine for v in heard
                             if v != name and everyone[v].preferred_control in _parts(i)},
                            key=VOICES.index)
            if joined:
                results.append(VoiceResult(name, "engaged", labels,
                                           f"its control type is joined to {', '.join(joined)} in a hybrid"))
            else:
                results.append(VoiceResult(name, "unresponsive", labels,
                                           "its control type is used only on its own, never joined "
                                           "to another voice's"))
    return tuple(results)


def hybrids_used(instruments: Sequence[Instrument]) -> tuple[HybridUse, ...]:
    """The hybrids the instruments rely on, in the data's order, with their predicted instability.

    Parameters
    ----------
    instruments : sequence of Instrument

    Returns
    -------
    tuple of HybridUse

    Examples
    --------
    >>> [h.hybrid for h in hybrids_used(package("ten_year_plan_2025").instruments)]
    ['oversight x competition']
    """
    types = control_types()
    out = []
    for name, ct in types.items():
        if ct.kind != "hybrid":
            continue
        mine = tuple(i.label for i in instruments if i.control_type == name)
        if mine:
            out.append(HybridUse(name, mine, ct.characteristic_failure))
    return tuple(out)


def overuse(instruments: Sequence[Instrument], share: float = DEFAULT_OVERUSE_SHARE) -> tuple[Overuse, ...]:
    """Polar types used by more than ``share`` of the instruments (the kit's reading of Hood 1995).

    Parameters
    ----------
    instruments : sequence of Instrument
    share : float, default :data:`DEFAULT_OVERUSE_SHARE`
        Threshold in (0, 1]; a judgement.

    Returns
    -------
    tuple of Overuse

    Examples
    --------
    >>> [o.control_type for o in overuse(package("targets_and_terror_2000_05").instruments)]
    ['oversight']
    """
    if not 0 < share <= 1:
        raise ValueError(f"the overuse share must be in (0, 1]; got {share!r}")
    types = control_types()
    return tuple(Overuse(t, s, types[t].characteristic_failure)
                 for t, s in emphasis(instruments).items() if s > share)


def amendments(results: Sequence[VoiceResult]) -> tuple[Amendment, ...]:
    """Candidate amendments for each excluded or unresponsive voice (the kit's device).

    For a grid-group voice: its own polar type, then each hybrid joining it to a voice already
    engaged. For the hermit: make an instrument voluntary. Each comes with the voice's own reason
    and a caution (the type's failure, or the hybrid's instability).

    Parameters
    ----------
    results : sequence of VoiceResult
        From :func:`voice_results`.

    Returns
    -------
    tuple of Amendment

    Examples
    --------
    >>> a = amendments(voice_results(package("health_and_care_act_2022").instruments))
    >>> [x.control_type for x in a if x.voice == "individualism"]
    ['competition', 'oversight x competition', 'mutuality x competition']
    """
    everyone, types = voices(), control_types()
    heard = [r.voice for r in results if r.status != "excluded" and r.voice != "hermit"]
    out = []
    for r in results:
        if r.status == "engaged":
            continue
        voice = everyone[r.voice]
        if r.voice == "hermit":
            out.append(Amendment("hermit", "an opt-out", "let organisations choose whether to join "
                                 "an instrument, or take part on their own terms",
                                 voice.accepts_because,
                                 "an instrument everyone may decline can leave the needs of those who "
                                 "decline unmet"))
            continue
        own = voice.preferred_control
        if r.status == "excluded":
            out.append(Amendment(r.voice, own, types[own].nhs_example, voice.accepts_because,
                                 types[own].characteristic_failure))
        partners = [v for v in heard if v != r.voice] or [v for v in VOICES[:4] if v != r.voice]
        for other in partners:
            name = hybrid_name(own, everyone[other].preferred_control)
            out.append(Amendment(r.voice, name, types[name].nhs_example,
                                 f"{voice.accepts_because} (and {other} keeps its own part in it)",
                                 types[name].characteristic_failure))
    return tuple(out)


def verdict(results: Sequence[VoiceResult], overused: Sequence[Overuse] = ()) -> str:
    """The kit's shorthand verdict (see :data:`RULES`).

    ``"clumsy"`` when the three active voices are all engaged (fatalism and the hermit are
    reported beside the verdict, not in it), ``"elegant"`` when one grid-group voice alone is
    heard, ``"dominated by X"`` when more than one voice is heard but not all three engaged and
    voice X's polar type is overused (``overused``, from :func:`overuse`: the same threshold share
    that flags reverse effects), ``"partly clumsy"`` otherwise, and ``"no voice heard"`` for a
    package with no instrument of any grid-group type.

    Parameters
    ----------
    results : sequence of VoiceResult
    overused : sequence of Overuse, default ()
        The polar types over the threshold; without them dominance is not checked.

    Returns
    -------
    str

    Examples
    --------
    >>> verdict(voice_results([Instrument("t", "Targets", "oversight")]))
    'elegant'
    >>> ten = [Instrument(f"t{k}", "Targets", "oversight") for k in range(10)]
    >>> ten.append(Instrument("l", "League table", "oversight x competition"))
    >>> verdict(voice_results(ten), overuse(ten))
    'dominated by hierarchy'
    """
    status = {r.voice: r.status for r in results}
    if all(status.get(v) == "engaged" for v in ACTIVE_VOICES):
        return "clumsy"
    heard = [r for r in results if r.voice != "hermit" and r.status != "excluded"]
    if not heard:
        return "no voice heard"
    if len(heard) == 1:
        return "elegant"
    if overused:
        top = max(overused, key=lambda o: o.share).control_type
        owner = next(v.name for v in voices().values() if v.preferred_control == top)
        return f"dominated by {owner}"
    return "partly clumsy"


def audit(package: Package | Sequence[Instrument], *, overuse_share: float = DEFAULT_OVERUSE_SHARE) -> Audit:
    """Audit a package: voices engaged, unresponsive and excluded; hybrids; reverse effects; amendments.

    Every rule is the kit's reading of the sources (:data:`RULES`). The inputs are never modified.

    Parameters
    ----------
    package : Package or sequence of Instrument
        A bare sequence is audited as an untitled package.
    overuse_share : float, default :data:`DEFAULT_OVERUSE_SHARE`
        See :func:`overuse`.

    Returns
    -------
    Audit

    Examples
    --------
    >>> result = audit(package("targets_and_terror_2000_05"))
    >>> result.by_status("excluded")
    ['solidarity', 'fatalism']
    >>> [h.hybrid for h in result.hybrids]
    ['oversight x competition']
    >>> audit(package("targets_and_terror_2000_05"), overuse_share=0.9).overuse
    ()
    """
    if not isinstance(package, Package):
        package = Package("custom", "Your package", tuple(package))
    instruments = package.instruments
    results = voice_results(instruments)
    over = overuse(instruments, overuse_share)
    return Audit(package=package, voices=results, hybrids=hybrids_used(instruments),
                 overuse=over, amendments=amendments(results),
                 verdict=verdict(results, over), overuse_share=overuse_share)


def summary_table(results: Iterable[Audit]) -> pd.DataFrame:
    """One row per audit: verdict, the voices by status, hybrids relied on and reverse effects.

    Parameters
    ----------
    results : iterable of Audit

    Returns
    -------
    pandas.DataFrame
        Indexed by package title.

    Examples
    --------
    >>> table = summary_table(audit(p) for p in packages().values())
    >>> table.loc["The Health and Care Act 2022", "excluded"]
    'individualism, fatalism, hermit'
    """
    import pandas as pd

    rows = []
    for r in results:
        row = {"package": r.package.title, "instruments": len(r.package.instruments), "verdict": r.verdict}
        for status in STATUSES:
            row[status] = ", ".join(r.by_status(status)) or "none"
        row["hybrids"] = ", ".join(h.hybrid for h in r.hybrids) or "none"
        row["reverse effects"] = ", ".join(f"{o.control_type} {o.share:.0%}" for o in r.overuse) or "none"
        rows.append(row)
    return pd.DataFrame(rows).set_index("package")
