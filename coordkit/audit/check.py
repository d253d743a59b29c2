"""The audit itself: each voice's status, hybrids, reverse effects, dominance, amendments, verdict.

Pure functions over :class:`~coordkit.audit.Instrument` sequences; every rule is the kit's reading
of the sources, written out in :data:`~coordkit.audit.RULES`.

Examples
--------
>>> result = audit(package("hsca_2012"))
>>> result.verdict, result.fatalism.treatment, result.contrived_randomness
('active voices not all joined; fatalism and the hermit excluded', 'not acknowledged', ())
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from coordkit.audit.records import (
    FatalismCoding,
    Instrument,
    Package,
    control_types,
    hybrid_name,
    package,  # noqa: F401  (the examples use it)
    packages,  # noqa: F401  (the examples use it)
    voices,
)
from coordkit.audit.rules import (
    ACTIVE_VOICES,
    DEFAULT_OVERUSE_SHARE,
    FATALISM_AMENDMENTS,
    FATALISM_ASPECTS,
    FATALISM_CAUTIONS,
    FATALISM_EXAMPLES,
    FATALISM_STATUS,
    HERMIT_CRITERION,
    HERMIT_FURTHER,
    HERMIT_OPT_IN_NOTE,
    POLAR_TYPES,
    RULES,
    STATUSES,
    VOICES,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Amendment", "Audit", "Dominance", "HybridUse", "Overuse", "VoiceResult", "amendments", "audit",
           "dominance", "emphasis", "hybrids_used", "overuse", "summary_table", "verdict", "voice_results",
           "weights"]

_OWNER = dict(zip(POLAR_TYPES, VOICES[:4], strict=True))  # polar type -> the voice of its cell
_ACTIVE_TYPES = POLAR_TYPES[:3]  # the active voices' types: only a hybrid with one of these engages a voice
_RANDOMNESS_ONLY = ("its control type is joined only to contrived randomness, a controller's technique, not "
                    "another voice (the kit's rule)")
_DOMINANCE_LABEL = "the kit's rule (Hood's overuse threshold applied to the verdict, not Verweij's)"
_UNCODED = ("no treatment of fatalism is coded for this package, so the kit reads it as showing none "
            "of the three aspects")


@dataclass(frozen=True)
class VoiceResult:
    """How one voice fares in an audit.

    Attributes
    ----------
    voice : str
    status : {"engaged", "unresponsive", "partly acknowledged", "excluded"}
        "Unresponsive" only for an active voice, "partly acknowledged" only for fatalism (one or
        two of the three aspects shown, see :data:`RULES`, "fatalism").
    instruments : tuple of str
        Labels of the instruments that engage the voice (none for fatalism, whose status comes
        from the package's fatalism coding).
    reason : str
        Why the voice has this status, in words.
    """

    voice: str
    status: str
    instruments: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class HybridUse:
    """A hybrid the package relies on, with the instability Hood's prediction leads the kit to expect."""

    hybrid: str
    instruments: tuple[str, ...]
    instability: str


@dataclass(frozen=True)
class Overuse:
    """A polar type carrying more than the threshold share of a package's weight (Hood's reverse effects)."""

    control_type: str
    share: float
    failure: str


@dataclass(frozen=True)
class Dominance:
    """An active voice whose polar type carries more than the threshold share of a package's weight.

    The rule is the kit's (see :data:`RULES`, "verdict"): Hood's overuse threshold applied to the
    verdict. It is not Verweij et al.'s, for whom clumsiness is engagement, not evenness.
    """

    voice: str
    control_type: str
    share: float

    def as_text(self, threshold: float) -> str:
        """One sentence: who dominates, by how much, and whose rule that is.

        Examples
        --------
        >>> print(Dominance("hierarchy", "oversight", 2 / 3).as_text(0.6))
        Dominated, the kit's rule (Hood's overuse threshold applied to the verdict, not Verweij's):
        oversight (hierarchy) carries 67% of the package's weight, over the 60% threshold.
        """
        return (f"Dominated, {_DOMINANCE_LABEL}: {self.control_type} ({self.voice}) carries {self.share:.0%} "
                f"of the package's weight, over the {threshold:.0%} threshold.")


@dataclass(frozen=True)
class Amendment:
    """A candidate amendment a voice not engaged could accept for its own reasons."""

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
    verdict : str
        One of :data:`~coordkit.audit.VERDICTS`.
    overuse_share : float
        The threshold used for reverse effects and for dominance.
    dominance : Dominance or None, default None
        The active voice that dominates, if one does (whatever the verdict's other tests say).
    fatalism : FatalismCoding, default FatalismCoding()
        The coding the fatalist voice's status was read from.
    fatalism_coded : bool, default True
        False when the package carried no coding and none was given (read as showing none).
    contrived_randomness : tuple of str, default ()
        Labels of the instruments that use contrived randomness, alone or in a hybrid: reported
        separately from fatalism (see :data:`RULES`).
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
    dominance: Dominance | None = None
    fatalism: FatalismCoding = field(default_factory=FatalismCoding)
    fatalism_coded: bool = True
    contrived_randomness: tuple[str, ...] = ()
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
        >>> print(audit(package("hsca_2012")).as_text().splitlines()[0].partition("reading: ")[2])
        active voices not all joined; fatalism and the hermit excluded.
        >>> print(audit(package("targets_and_terror_2000_05")).as_text().splitlines()[1])
        Dominated, the kit's rule (Hood's overuse threshold applied to the verdict, not Verweij's):
        oversight (hierarchy) carries 67% of the package's weight, over the 60% threshold.
        """
        lines = [f"{self.package.title} ({len(self.package.instruments)} instruments), in the kit's "
                 f"reading: {self.verdict}."]
        if self.dominance:
            lines.append(self.dominance.as_text(self.overuse_share))
        for status in STATUSES:
            names = self.by_status(status)
            lines.append(f"{status.capitalize()}: {', '.join(names) if names else 'none'}.")
        if self.status("hermit") == "engaged":
            lines.append(f"Hermit: engaged through instruments people may decline, {HERMIT_OPT_IN_NOTE}.")
        else:
            lines.append(f"Hermit: no instrument can be declined; {HERMIT_CRITERION}.")
        lines.append(("" if self.fatalism_coded else "Fatalism not coded, read as not acknowledged. ")
                     + "Contrived randomness used in: "
                     + (", ".join(self.contrived_randomness) or "no instrument") + ".")
        if self.overuse:
            lines.append("Reverse effects predicted (over "
                         f"{self.overuse_share:.0%} of the package's weight): "
                         + "; ".join(f"{o.control_type} {o.share:.0%}" for o in self.overuse) + ".")
        else:
            lines.append(f"No polar type carries more than {self.overuse_share:.0%} of the package's weight.")
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


def _shares(instruments: Sequence[Instrument], *, split: bool) -> dict[str, float]:
    """Each polar type's share per instrument: a hybrid counts one to each type, or half if ``split``."""
    n = len(instruments)
    total = dict.fromkeys(POLAR_TYPES, 0.0)
    for instrument in instruments:
        parts = _parts(instrument)
        for part in parts:
            total[part] += 1 / len(parts) if split else 1.0
    return {t: (total[t] / n if n else 0.0) for t in POLAR_TYPES}


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
    return _shares(instruments, split=False)


def weights(instruments: Sequence[Instrument]) -> dict[str, float]:
    """Each polar type's share of the package's weight: an instrument weighs one, a hybrid half to each type.

    Unlike :func:`emphasis`, the shares sum to one (for at least one instrument), so a package of
    the three active hybrids is even (a third each) rather than over-using every type.

    Parameters
    ----------
    instruments : sequence of Instrument

    Returns
    -------
    dict of str to float
        One entry per polar type, in :data:`POLAR_TYPES` order; all zero for no instruments.

    Examples
    --------
    >>> {k: round(v, 2) for k, v in weights(package("targets_and_terror_2000_05").instruments).items()}
    {'oversight': 0.67, 'mutuality': 0.0, 'competition': 0.33, 'contrived randomness': 0.0}
    """
    return _shares(instruments, split=True)


def dominance(instruments: Sequence[Instrument], share: float = DEFAULT_OVERUSE_SHARE) -> Dominance | None:
    """The active voice whose polar type carries more than ``share`` of the weight, if one does.

    The kit's rule (see :data:`RULES`, "verdict"): the heaviest of the active voices' types
    (oversight, mutuality, competition) must carry more than ``share`` of :func:`weights` and more
    than any other type. Contrived randomness, no voice's type, never dominates, however heavy
    (:func:`overuse` still flags it).

    Parameters
    ----------
    instruments : sequence of Instrument
    share : float, default :data:`DEFAULT_OVERUSE_SHARE`
        Threshold in (0, 1]; a judgement.

    Returns
    -------
    Dominance or None

    Examples
    --------
    >>> ten = [Instrument(f"t{k}", "Targets", "oversight") for k in range(10)]
    >>> dominance([*ten, Instrument("l", "League table", "oversight x competition")])
    Dominance(voice='hierarchy', control_type='oversight', share=0.9545454545454546)
    >>> trio = ["oversight x mutuality", "oversight x competition", "mutuality x competition"]
    >>> dominance([Instrument(t, t, t) for t in trio]) is None
    True

    Two thirds of the weight on random audits: flagged for reverse effects, but no voice dominates.

    >>> lots = [*(Instrument(t, t, t) for t in trio),
    ...         *(Instrument(f"r{k}", "Random audit", "contrived randomness") for k in range(6))]
    >>> dominance(lots) is None, [o.control_type for o in overuse(lots)]
    (True, ['contrived randomness'])
    """
    _check_share(share)
    shares = weights(instruments)
    top = max(POLAR_TYPES[:3], key=lambda t: shares[t])
    rivals = [shares[t] for t in POLAR_TYPES if t != top]
    if shares[top] > share and shares[top] > max(rivals):
        return Dominance(_OWNER[top], top, shares[top])
    return None


def _fatalism_result(coding: FatalismCoding, coded: bool) -> VoiceResult:
    status = FATALISM_STATUS[coding.treatment]
    shown = [FATALISM_ASPECTS[a] for a in coding.shown()]
    if not coded:
        reason = _UNCODED
    elif shown:
        reason = f"{coding.treatment} in the kit's coding: it {'; it '.join(shown)}"
    else:
        reason = "not acknowledged in the kit's coding: it shows none of the three aspects"
    return VoiceResult("fatalism", status, (), reason)


def voice_results(instruments: Sequence[Instrument], fatalism: FatalismCoding | None = None
                  ) -> tuple[VoiceResult, ...]:
    """Each voice's status under the rules in :data:`RULES` (the kit's reading).

    Parameters
    ----------
    instruments : sequence of Instrument
    fatalism : FatalismCoding, optional
        How the package treats fatalism; without it, read as showing no aspect (and said so).

    Returns
    -------
    tuple of VoiceResult
        Exactly one per voice, in :data:`VOICES` order.

    Examples
    --------
    >>> only_targets = [Instrument("t", "Targets", "oversight")]
    >>> [(v.voice, v.status) for v in voice_results(only_targets)][:2]
    [('hierarchy', 'unresponsive'), ('solidarity', 'excluded')]
    >>> voice_results(only_targets, FatalismCoding(True, True, True))[3].status
    'engaged'

    A hybrid with contrived randomness joins a voice to a technique, not to another voice, so
    three such hybrids leave every active voice unresponsive:

    >>> lots = [Instrument("u", "Unannounced inspection", "oversight x contrived randomness"),
    ...         Instrument("r", "Peer reviewers by lot", "mutuality x contrived randomness"),
    ...         Instrument("b", "Lottery among qualified bidders", "competition x contrived randomness",
    ...                    voluntary=True)]
    >>> [v.status for v in voice_results(lots, FatalismCoding(True, True, True))]
    ['unresponsive', 'unresponsive', 'unresponsive', 'engaged', 'engaged']
    """
    everyone = voices()
    using: dict[str, list[Instrument]] = {name: [] for name in VOICES}
    for instrument in instruments:
        parts = _parts(instrument)
        for name in ACTIVE_VOICES:
            if everyone[name].preferred_control in parts:
                using[name].append(instrument)
        if instrument.voluntary:
            using["hermit"].append(instrument)
    results = []
    for name in VOICES:
        if name == "fatalism":
            results.append(_fatalism_result(fatalism or FatalismCoding(), fatalism is not None))
            continue
        mine = using[name]
        labels = tuple(i.label for i in mine)
        if not mine:
            what = "no instrument leaves room to opt out" if name == "hermit" else (
                f"no instrument uses {everyone[name].preferred_control}")
            results.append(VoiceResult(name, "excluded", labels, what))
        elif name == "hermit":
            results.append(VoiceResult(name, "engaged", labels,
                                       f"some instruments can be declined ({HERMIT_OPT_IN_NOTE})"))
        else:
            own = everyone[name].preferred_control
            partners = {p for i in mine for p in _parts(i) if p != own}
            joined = sorted(partners & set(_ACTIVE_TYPES), key=POLAR_TYPES.index)
            if joined:
                results.append(VoiceResult(name, "engaged", labels,
                                           f"its control type is joined to {', '.join(joined)} in a hybrid"))
            elif partners:
                results.append(VoiceResult(name, "unresponsive", labels, _RANDOMNESS_ONLY))
            else:
                results.append(VoiceResult(name, "unresponsive", labels,
                                           "its control type is used only on its own, never joined "
                                           "to another in a hybrid"))
    return tuple(results)


def hybrids_used(instruments: Sequence[Instrument]) -> tuple[HybridUse, ...]:
    """The hybrids the instruments rely on, in the data's order, with the instability to expect.

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


def _check_share(share: float) -> None:
    if not 0 < share <= 1:
        raise ValueError(f"the overuse share must be in (0, 1]; got {share!r}")


def overuse(instruments: Sequence[Instrument], share: float = DEFAULT_OVERUSE_SHARE) -> tuple[Overuse, ...]:
    """Polar types carrying more than ``share`` of the package's weight (the kit's reading of Hood 1995).

    Weighed as for :func:`dominance` (:func:`weights`: a hybrid counts half to each of its types), so
    the audit never calls a package even (or clumsy) while flagging every type as over-used.

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
    _check_share(share)
    types = control_types()
    return tuple(Overuse(t, s, types[t].characteristic_failure)
                 for t, s in weights(instruments).items() if s > share)


def amendments(results: Sequence[VoiceResult], fatalism: FatalismCoding | None = None
               ) -> tuple[Amendment, ...]:
    """Candidate amendments for each voice not engaged (the kit's device).

    For an active voice: its own polar type (if excluded), then each hybrid joining it to an
    active voice already heard. For fatalism: each aspect of acknowledging it the package does not
    show. For the hermit: make an instrument voluntary. Each comes with the voice's own reason and
    a caution (the type's failure, or the hybrid's likely instability).

    Parameters
    ----------
    results : sequence of VoiceResult
        From :func:`voice_results`.
    fatalism : FatalismCoding, optional
        The coding the fatalist voice was read from (none: no aspect shown).

    Returns
    -------
    tuple of Amendment

    Examples
    --------
    >>> a = amendments(voice_results(package("health_and_care_act_2022").instruments))
    >>> [x.control_type for x in a if x.voice == "individualism"]
    ['competition', 'oversight x competition', 'mutuality x competition']
    >>> [x.control_type for x in a if x.voice == "fatalism"]
    ['a statement of limits', 'action on the gap between demand and capacity', 'planning for being wrong']
    """
    everyone, types = voices(), control_types()
    heard = [r.voice for r in results if r.status != "excluded" and r.voice in ACTIVE_VOICES]
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
        if r.voice == "fatalism":
            for aspect in (fatalism or FatalismCoding()).missing():
                out.append(Amendment("fatalism", FATALISM_AMENDMENTS[aspect], FATALISM_EXAMPLES[aspect],
                                     voice.accepts_because, FATALISM_CAUTIONS[aspect]))
            continue
        own = voice.preferred_control
        if r.status == "excluded":
            out.append(Amendment(r.voice, own, types[own].nhs_example, voice.accepts_because,
                                 types[own].characteristic_failure))
        partners = [v for v in heard if v != r.voice] or [v for v in ACTIVE_VOICES if v != r.voice]
        for other in partners:
            name = hybrid_name(own, everyone[other].preferred_control)
            out.append(Amendment(r.voice, name, types[name].nhs_example,
                                 f"{voice.accepts_because} (and {other} keeps its own part in it)",
                                 types[name].characteristic_failure))
    return tuple(out)


def _left_out(names: Sequence[str]) -> str:
    said = [("the hermit" if n == "hermit" else n) for n in names]
    return " and ".join(said) if len(said) < 3 else f"{', '.join(said[:-1])} and {said[-1]}"


def verdict(results: Sequence[VoiceResult], dominant: Dominance | None = None) -> str:
    """The kit's shorthand verdict (see :data:`RULES`).

    The verdict starts with one of :data:`~coordkit.audit.VERDICTS`: ``"no active voice heard"``
    when none of hierarchy, solidarity and individualism is heard; ``"elegant"`` when exactly one
    is; ``"dominated by X"`` when two are heard but ``dominant`` (from
    :func:`dominance`) names X, and ``"dominated by X, all three active heard"`` when all three are
    heard (engaged or unresponsive) and X still dominates (the kit's rule: heard, but
    outweighed); ``"clumsy"`` only when all three are engaged, none dominates and **fatalism is
    engaged** (all three of the kit's aspects shown: the kit's operationalisation of the four ways
    of life Verweij et al. 2006 name being heard); ``"active voices joined"`` when the three are
    engaged and none dominates but fatalism is not; ``"active voices not all joined"`` otherwise.
    The hermit is **not** a condition of ``"clumsy"``: it is Ney & Verweij's (2014) second, further
    criterion, reported on its own (a clumsy package without an opt-out reads ``"clumsy; the hermit
    excluded (a further criterion)"``). Only ``"clumsy"`` says clumsy, and never while one of the
    four ways of life is excluded. Every verdict but ``"clumsy"`` then names the voices excluded,
    the hermit included (``"; none excluded"`` if none is), and ``"active voices joined"`` also
    names a partly acknowledged fatalism. A voice missing from ``results`` counts as excluded, so
    no voice is dropped silently.

    Parameters
    ----------
    results : sequence of VoiceResult
    dominant : Dominance, optional
        The dominating voice; without it dominance is not checked.

    Returns
    -------
    str
        One of :data:`~coordkit.audit.VERDICTS`, then (unless clumsy) who is left out.

    Examples
    --------
    >>> verdict(voice_results([Instrument("t", "Targets", "oversight")]))
    'elegant; solidarity, individualism, fatalism and the hermit excluded'
    >>> ten = [Instrument(f"t{k}", "Targets", "oversight") for k in range(10)]
    >>> ten += [Instrument("l", "League table", "oversight x competition"),
    ...         Instrument("p", "Peer review", "oversight x mutuality")]
    >>> verdict(voice_results(ten))
    'active voices joined; fatalism and the hermit excluded'
    >>> verdict(voice_results(ten), dominance(ten))
    'dominated by hierarchy, all three active heard; fatalism and the hermit excluded'
    >>> verdict(voice_results(ten[:10] + ten[-1:]), dominance(ten[:10] + ten[-1:]))
    'dominated by hierarchy; individualism, fatalism and the hermit excluded'
    >>> verdict(voice_results(ten, FatalismCoding(True, True, True)))
    'clumsy; the hermit excluded (a further criterion)'
    >>> verdict(voice_results(ten, FatalismCoding(limits=True)))
    'active voices joined; the hermit excluded; fatalism partly acknowledged'
    """
    status = {r.voice: r.status for r in results}
    left_out = [v for v in VOICES if status.get(v, "excluded") == "excluded"]
    tail = f"; {_left_out(left_out)} excluded" if left_out else "; none excluded"
    heard = [v for v in ACTIVE_VOICES if v not in left_out]
    if not heard:
        return "no active voice heard" + tail
    if len(heard) == 1:
        return "elegant" + tail
    if dominant is not None:
        heard_by_all = ", all three active heard" if len(heard) == len(ACTIVE_VOICES) else ""
        return f"dominated by {dominant.voice}{heard_by_all}" + tail
    if all(status.get(v) == "engaged" for v in ACTIVE_VOICES):
        if status.get("fatalism") == "engaged":
            return "clumsy" + ("" if status.get("hermit") == "engaged" else HERMIT_FURTHER)
        weak = "; fatalism partly acknowledged" if status.get("fatalism") == "partly acknowledged" else ""
        return "active voices joined" + (tail if left_out else "") + weak
    return "active voices not all joined" + tail


def audit(package: Package | Sequence[Instrument], *,  # noqa: F811  (the parameter's public name)
          overuse_share: float = DEFAULT_OVERUSE_SHARE,
          fatalism: FatalismCoding | None = None) -> Audit:
    """Audit a package: every voice's status, hybrids, reverse effects, amendments and the verdict.

    Every rule is the kit's reading of the sources (:data:`RULES`). The inputs are never modified.

    Parameters
    ----------
    package : Package or sequence of Instrument
        A bare sequence is audited as an untitled package with no fatalism coding.
    overuse_share : float, default :data:`DEFAULT_OVERUSE_SHARE`
        The threshold for :func:`overuse` and :func:`dominance`.
    fatalism : FatalismCoding, optional
        How the package treats fatalism, instead of the package's own coding.

    Returns
    -------
    Audit

    Examples
    --------
    >>> result = audit(package("targets_and_terror_2000_05"))
    >>> result.verdict, result.by_status("excluded")
    ('dominated by hierarchy; solidarity excluded', ['solidarity'])
    >>> [h.hybrid for h in result.hybrids]
    ['oversight x competition']
    >>> audit(package("targets_and_terror_2000_05"), overuse_share=0.9).overuse
    ()
    """
    if not isinstance(package, Package):
        package = Package("custom", "Your package", tuple(package))
    coding = fatalism or package.fatalism
    instruments = package.instruments
    results = voice_results(instruments, coding)
    dominant = dominance(instruments, overuse_share)
    types = control_types()
    randomness = tuple(i.label for i in instruments if "contrived randomness" in types[i.control_type].parts)
    return Audit(package=package, voices=results, hybrids=hybrids_used(instruments),
                 overuse=overuse(instruments, overuse_share), amendments=amendments(results, coding),
                 verdict=verdict(results, dominant), overuse_share=overuse_share, dominance=dominant,
                 fatalism=coding or FatalismCoding(), fatalism_coded=coding is not None,
                 contrived_randomness=randomness)


def summary_table(results: Iterable[Audit]) -> pd.DataFrame:
    """One row per audit: verdict, the voices by status, fatalism, hybrids and reverse effects.

    A partly acknowledged fatalism is named in the ``fatalism`` column (its treatment), the other
    statuses each in a column of their own.

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
    >>> table.loc["Targets and terror (2000-2005)", "fatalism"]
    'partly acknowledged'
    >>> table.loc["Targets and terror (2000-2005)", "engaged"]
    'hierarchy, individualism, hermit (opt-in: a contested coding)'
    """
    import pandas as pd

    rows = []
    for r in results:
        row = {"package": r.package.title, "instruments": len(r.package.instruments), "verdict": r.verdict}
        for status in STATUSES:
            if status == "partly acknowledged":  # fatalism's own status: its column below says it
                continue
            names = [f"{v} (opt-in: a contested coding)" if v == "hermit" and status == "engaged" else v
                     for v in r.by_status(status)]
            row[status] = ", ".join(names) or "none"
        row["fatalism"] = r.fatalism.treatment
        row["contrived randomness"] = ", ".join(r.contrived_randomness) or "none"
        row["hybrids"] = ", ".join(h.hybrid for h in r.hybrids) or "none"
        row["reverse effects"] = ", ".join(f"{o.control_type} {o.share:.0%}" for o in r.overuse) or "none"
        rows.append(row)
    return pd.DataFrame(rows).set_index("package")

