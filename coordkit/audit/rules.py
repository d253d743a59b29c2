"""The audit's vocabulary and rules: the kit's reading of the sources, each with its reason.

Every rule in :data:`RULES` is **the kit's reading** of Hood (1995; 1998), Thompson, Ellis &
Wildavsky (1990), Verweij et al. (2006), Ney & Verweij (2014) and Taylor (2022), written out with
the reason the kit reads it so; none is a rule any of those authors wrote down. Every
:class:`~coordkit.audit.Audit` carries a copy, so a result is always shown with the reading it
was made with.

Examples
--------
>>> sorted(RULES)[:3]
['amendments', 'contrived randomness', 'engaged']
>>> all(text.startswith(("The kit's", "Hood")) for text in RULES.values())
True
"""

from __future__ import annotations

__all__ = ["ACTIVE_VOICES", "DEFAULT_OVERUSE_SHARE", "FATALISM_AMENDMENTS", "FATALISM_ASPECTS",
           "FATALISM_STATUS", "FATALISM_TREATMENTS", "HERMIT_CRITERION", "HERMIT_FURTHER",
           "HERMIT_OPT_IN_NOTE", "POLAR_TYPES", "RULES", "STATUSES", "VERDICTS", "VOICES"]

#: Hood's four polar control types, in the order of the kit's modes.
POLAR_TYPES: tuple[str, str, str, str] = ("oversight", "mutuality", "competition", "contrived randomness")
#: The five voices, in the kit's order: the four modes, then the hermit.
VOICES: tuple[str, ...] = ("hierarchy", "solidarity", "individualism", "fatalism", "hermit")
#: The three active voices whose engagement (with fatalism's) makes a package clumsy in the kit's verdict.
ACTIVE_VOICES: tuple[str, str, str] = ("hierarchy", "solidarity", "individualism")
#: The statuses a voice can have in an audit; every voice always gets exactly one. "Unresponsive" is
#: an active voice's only, "partly acknowledged" fatalism's only; the hermit is engaged or excluded.
STATUSES: tuple[str, str, str, str] = ("engaged", "unresponsive", "partly acknowledged", "excluded")
#: Default threshold share, for reverse effects and for dominance (the kit's judgement, see RULES).
DEFAULT_OVERUSE_SHARE: float = 0.6
#: The three ways a package can treat fatalism that the kit codes (the kit's reading of Taylor 2022).
FATALISM_ASPECTS: dict[str, str] = {
    "limits": "says plainly what it cannot do or promise",
    "demand_capacity": "acts on the gap between demand and capacity (adds capacity or manages demand)",
    "humility": "plans for being wrong about what will happen (pilots, review points, slack)",
}
#: The name of the amendment for each fatalism aspect a package does not show (the kit's wording).
FATALISM_AMENDMENTS: dict[str, str] = {
    "limits": "a statement of limits",
    "demand_capacity": "action on the gap between demand and capacity",
    "humility": "planning for being wrong",
}
#: An example of each fatalism amendment, not repeating its name (the kit's wording).
FATALISM_EXAMPLES: dict[str, str] = {
    "limits": "publishing what the reform will not fix, and by when",
    "demand_capacity": "funded extra staff and beds, or open triage of what can wait",
    "humility": "pilots before national roll-out, review dates, money held back",
}
#: The caution for each fatalism amendment: each aspect fails in its own way (the kit's reading).
FATALISM_CAUTIONS: dict[str, str] = {
    "limits": "saying what cannot be done can be heard as giving up, and feed the apathy it is meant to meet",
    "demand_capacity": ("new capacity is soon filled by the demand it uncovers, and managing demand can be "
                        "heard as rationing by the back door"),
    "humility": ("pilots and review points can become a way to put off deciding, and slack held back is "
                 "the first thing cut when money is tight"),
}
#: How a package treats fatalism, from all three aspects shown to none.
FATALISM_TREATMENTS: tuple[str, str, str] = ("acknowledged", "partly acknowledged", "not acknowledged")
#: The fatalist voice's status for each treatment (see RULES, "fatalism").
FATALISM_STATUS: dict[str, str] = {"acknowledged": "engaged", "partly acknowledged": "partly acknowledged",
                                   "not acknowledged": "excluded"}
#: Every verdict the audit can give, before the voices it names as left out ("; X excluded"). Only
#: "clumsy" says clumsy, and it is given only when none of the four ways of life is excluded; the
#: hermit, a further criterion, is reported after it (:data:`HERMIT_FURTHER`).
VERDICTS: tuple[str, ...] = ("clumsy", "active voices joined", "active voices not all joined",
                             *(f"dominated by {v}, all three active heard" for v in ACTIVE_VOICES),
                             *(f"dominated by {v}" for v in ACTIVE_VOICES), "elegant",
                             "no active voice heard")

#: What the hermit is in the verdict: Ney & Verweij's (2014) second criterion, not part of clumsiness.
HERMIT_CRITERION: str = ("a further criterion (Ney & Verweij 2014: letting stakeholders stand back), "
                         "reported on its own, not a condition of 'clumsy'")
#: Appended to "clumsy" when no instrument leaves room to opt out.
HERMIT_FURTHER: str = "; the hermit excluded (a further criterion)"

#: Said wherever the hermit is shown as engaged: the opt-in coding is contested, and the kit's.
HERMIT_OPT_IN_NOTE: str = (
    "a contested coding, the kit's: opting in to a regime (trust status, fundholding, earned autonomy) "
    "is a choice about control rather than standing aside from it, but it is the one place a package "
    "lets people decline, so the kit counts it")

#: The audit's rules, each the kit's reading of the sources with its reason (shown with every result).
RULES: dict[str, str] = {
    "engaged": (
        "The kit's proxy, not a definition of clumsiness. Verweij et al. (2006) describe a clumsy "
        "solution as responsive contestation in which each voice keeps answering the others; a list "
        "of instruments cannot show that, so the kit lets Hood's hybrids stand in for it. An active "
        "voice (hierarchy, solidarity, individualism) is engaged when at least one instrument joins "
        "its polar type to another active voice's type in one of Hood's hybrids. Reason: a hybrid is "
        "the one place a package's own text shows a voice's control having to deal with another's. A "
        "hybrid with contrived randomness does not count: that type is a controller's technique, not "
        "another voice (see 'contrived randomness'), so it joins the voice to no one. Polar instruments "
        "side by side can still be clumsy if the process that runs them joins them in argument (the "
        "climate-change case of Verweij et al. combines separate instruments argued over); the audit "
        "cannot see that. The hermit is engaged when at least one instrument leaves those it "
        "controls free to opt out (the kit's proxy; the hermit stands aside from control altogether, so "
        "an opt-in that trades one control for another, such as earned autonomy under oversight and "
        "competition, is a contested coding). Ney & Verweij's (2014) hermit test is whether "
        "stakeholders can stand back from their own contexts, not whether they can opt out of an "
        "instrument, so the opt-in proxy is the kit's, not theirs."),
    "unresponsive": (
        "The kit's reading of the same idea: an active voice is unresponsive when its polar type is "
        "used only in polar instruments or in hybrids with contrived randomness, standing beside the "
        "other active voices but never joined to them in the package's text. Reason: it has a way "
        "in, but nothing in the coding shows it having to answer "
        "another voice. Only an active voice can be unresponsive: the hermit, who withdraws, is engaged "
        "or excluded, and fatalism, which in the kit's audit is carried by no control type (the kit sets "
        "Hood's contrived randomness apart as a controller's technique), is engaged, partly "
        "acknowledged or excluded (see 'fatalism')."),
    "excluded": (
        "The kit's reading of two ideas, each with its own source. Requisite variety (a name from "
        "Ashby's 1956 law of cybernetics, in the sense of Thompson, Ellis & Wildavsky 1990, as "
        "summarised in secondary sources): each way of life needs its rivals in order to exist and to "
        "define itself. "
        "The later plural-rationality argument for clumsy solutions (Verweij et al. 2006): each way of "
        "life notices a part of reality the others miss. An active voice is excluded when no "
        "instrument uses its polar type. Reason: the package then gives it no way in, so, on the "
        "second argument, the policy is blind to what that voice would notice. The hermit is excluded "
        "when no instrument leaves room to opt out. The check (no instrument of a voice's type means "
        "excluded) is the kit's, not Ashby's, Thompson's or Verweij's."),
    "fatalism": (
        "The kit's reading of Taylor (2022), who asks that fatalism be acknowledged and managed, not "
        "balanced. The fatalist voice is heard through how a package treats the limits of control, "
        "coded per package on three aspects (policy_packages_fatalism.csv, each a judgement with a "
        "rationale): it says what it cannot do or promise; it acts on the gap between demand and "
        "capacity; it plans for being wrong. The rule: all three, acknowledged (status 'engaged'); one or "
        "two, 'partly acknowledged'; none, not acknowledged ('excluded'). Partly acknowledged means the "
        "package takes some of the fatalist's view seriously but not all of it: fatalism is heard "
        "through the aspects shown and ignored on the rest, so the audit offers the missing aspects "
        "as amendments. (Fatalism is never called 'unresponsive': in the kit's audit the fatalist voice is "
        "carried by no control type, the kit's choice, since it sets Hood's contrived randomness, the "
        "type of the fatalist cell, apart as a controller's technique; with no type to join in a "
        "hybrid, the active voices' test does not apply to it.) Contrived randomness does not "
        "count towards any aspect (see 'contrived randomness'). Reason: these are the ways a package "
        "can take the fatalist's view (things happen whatever one does) seriously. A package with no "
        "coding is read as showing none, and the audit says so."),
    "contrived randomness": (
        "The kit's reading of Hood: contrived randomness sits in the fatalist cell of Hood's map, but "
        "it is a technique an active controller uses on purpose (rotation, random selection for "
        "audit; Hood et al. 2004; unannounced inspection is its hybrid with oversight), not the "
        "fatalist's voice. So the audit reports the "
        "instruments that use it separately and does not let it decide fatalism's status. Reason: "
        "otherwise a package would 'hear' fatalists by surprising them."),
    "verdict": (
        "The kit's shorthand and the kit's operationalisation, after Verweij et al. (2006), who name four "
        "ways of life (hierarchy, egalitarianism, individualism, fatalism) and ask that none be shut out; "
        "the settlements they describe join the three active ones. The kit reads 'none shut out' as "
        "including fatalism (with Taylor 2022), and its three aspects are the kit's. "
        "'No active voice heard' when no instrument uses "
        "hierarchy's, solidarity's or individualism's type; 'elegant' when exactly one is heard; "
        "'dominated by X' when two are heard and X's type carries more than the threshold share of "
        "the package's weight (each instrument weighs one, a hybrid half to each of its types) and more "
        "than any other type; "
        "'dominated by X, all three active heard' when all three are heard (engaged or unresponsive, "
        "even all three engaged) but X carries that share; 'clumsy' only when all three are engaged, "
        "none dominates and fatalism is engaged too (all three of the kit's aspects: fatalism partly "
        "acknowledged is not enough, a rule that is the kit's, not Verweij's); 'active voices joined' "
        "when the three are engaged and none dominates but fatalism is not; 'active voices not all "
        "joined' otherwise (two or three heard, none dominating, not all three engaged). No verdict but "
        "'clumsy' says clumsy, and the kit never gives 'clumsy' while one of the four ways of life is "
        "excluded. The hermit is not a condition of 'clumsy': Ney & Verweij (2014) set standing back as "
        "a second, further criterion (a method that activates the full range of partial solutions is "
        "clumsy; one that also lets stakeholders stand back is more successful still), so the audit "
        "reports it on its own: a clumsy package with no opt-out reads 'clumsy; the hermit excluded (a "
        "further criterion)'. Every verdict short of clumsy then names the voices excluded, the hermit "
        "included ('; solidarity, fatalism and the hermit excluded', or 'none excluded'), and 'active "
        "voices joined' names a partly acknowledged fatalism too. Whose is which: both tests, whether "
        "each voice is engaged at all (heard, not excluded) and whether it is responsive (joined to "
        "the others, not unresponsive), are the kit's operationalisations of Verweij et al. (2006), "
        "through the proxies above, not tests Verweij et al. set; the dominance test is the kit's "
        "rule, not Verweij's: it "
        "applies Hood's (1995) overuse warning, with the same threshold as 'overuse', to the verdict. "
        "Here the kit departs on purpose from its own reading of Verweij, 'engagement, not "
        "evenness', so that a package in which one active voice's type outweighs the rest is not called "
        "clumsy; Hood predicts reverse effects from such weight and says nothing of exclusion or elegance. "
        "Only the active voices' types (oversight, mutuality, competition) are weighed for dominance: "
        "contrived randomness is no voice's type (see 'contrived randomness'), so however much weight it "
        "carries it makes no package dominated, and a package whose weight lies mostly on it can still be "
        "called clumsy, with its reverse effects flagged (see 'overuse'). "
        "Reason: the threshold, 0.6 by default, "
        "is the kit's judgement (above one half a type outweighs all the others together; the kit "
        "asks for a clear majority), and the verdict is sensitive to it: a package with every voice "
        "engaged and one type carrying 78% of the weight is 'dominated' at 0.6 or 0.7 and 'clumsy' at "
        "0.8. Fatalism "
        "cannot make a package clumsy on its own (Taylor 2022 asks that it be acknowledged and "
        "managed), but leaving it out, or showing only some of its aspects, stops a package being "
        "called clumsy; requiring all three of the kit's fatalism aspects ties the verdict to the kit's "
        "reading of Taylor. A package of instruments can at most make room for clumsiness: Verweij et "
        "al. describe it as a process of contestation, which no coding can show."),
    "overuse": (
        "The kit's reading of Hood (1995): side effects and reverse effects grow the more one type is "
        "stressed, so the audit flags any polar type carrying more than the threshold share of the "
        "package's weight, contrived randomness included, weighed as for dominance (each instrument "
        "weighs one, a hybrid half to each of its types); only an active voice's type can also make the "
        "verdict 'dominated' (see verdict). The threshold is the kit's judgement. Reason: one weighing "
        "for both rules, so a package the audit calls even is never also flagged as over-using every "
        "type (counting a hybrid in full for each type did that to a package of the three active hybrids)."),
    "hybrids": (
        "Hood (1995) predicts that the six hybrids are also likely to be unstable; the audit lists each "
        "hybrid the package relies on with the kit's wording of the instability it is likely to show."),
    "amendments": (
        "The kit's device: for each excluded active voice, suggest its own polar type; for each "
        "excluded or unresponsive active voice, every hybrid joining its type to an active voice "
        "already heard (to any other active voice if none is); for fatalism, each aspect of "
        "acknowledging it that the package does not show; for the hermit, an opt-out. Each comes with "
        "the reason the voice itself would give for accepting it (ways_of_life.csv, accepts_because). "
        "Reason: a voice joins a settlement for its own reasons, not the auditor's. These are prompts "
        "for discussion, not recommendations."),
}
