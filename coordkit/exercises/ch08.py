"""Exercises for chapter 8, clumsy solutions: from recall to evaluation.

Every right answer is computed with :mod:`coordkit.audit` from the kit's own data files, so the
checks follow the data (and the kit's codings) if they change. The codings and the audit's rules
are judgements: the tasks ask what *they* say, and the last asks how far to trust them.

Examples
--------
>>> q2.evaluate({"solidarity", "fatalism"}).status
'correct'
>>> q3.evaluate("competition x oversight").status
'correct'
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from coordkit import audit
from coordkit.exercises import Feedback, OpenQuestion, Question, ____, normalise

__all__ = ["AMENDED_PACKAGE", "ROBUST_SHARE", "WRONG_ANSWERS", "____", "q1", "q2", "q3", "q4", "q5", "q6"]

#: Task 5 amends this package.
AMENDED_PACKAGE: str = "health_and_care_act_2022"
_GRID_GROUP = audit.VOICES[:4]  # the four voices with a cell, and so a polar type, on Hood's map


def _voice_name(item: Any) -> str | None:
    text = normalise(item)
    aliases = {"egalitarian": "solidarity", "egalitarianism": "solidarity", "hierarchist": "hierarchy",
               "individualist": "individualism", "fatalist": "fatalism"}
    text = aliases.get(text, text)
    return text if text in audit.VOICES else None


def _control_name(item: Any) -> str | None:
    """A control type's name from forgiving text: any case, 'x' or '×', either order."""
    text = normalise(str(item).replace("×", " x "))
    types = audit.control_types()
    if text in types:
        return text
    for sep in (" x ", " and ", " with "):
        if sep in f" {text} ":
            parts = [p.strip() for p in f" {text} ".split(sep) if p.strip()]
            if len(parts) == 2 and all(p in audit.POLAR_TYPES for p in parts) and parts[0] != parts[1]:
                return audit.hybrid_name(*parts)
    return None


# ----- q1: recall -----------------------------------------------------------------------------
def _preferred() -> dict[str, str]:
    return {name: audit.voices()[name].preferred_control for name in _GRID_GROUP}


def _check_preferred(answer: Any) -> Feedback:
    if not isinstance(answer, dict):
        return Feedback.wrong("Give a dict from each voice to its control type, e.g. "
                              "{'hierarchy': 'oversight', ...}")
    given: dict[str, str | None] = {}
    for key, value in answer.items():
        voice = _voice_name(key)
        if voice is None or voice == "hermit":
            return Feedback.wrong(f"{key!r} is not one of the four grid-group voices: "
                                  f"{', '.join(_GRID_GROUP)}")
        given[voice] = _control_name(value)
    right = _preferred()
    missing = [v for v in right if v not in given]
    if missing:
        return Feedback.wrong(f"you have left out {', '.join(missing)}")
    wrong = [v for v in right if given[v] != right[v]]
    if not wrong:
        return Feedback.correct("Hood places one polar type in each cell of the grid-group map; the "
                                "hermit, at the centre, off the map's plane, has none. The fatalist "
                                "cell's type, contrived randomness, is an active controller's "
                                "technique, and the audit does not hear fatalism through it (the "
                                "kit's reading)")
    parts = []
    for v in wrong:
        if v == "fatalism":
            parts.append("Hood places contrived randomness in the fatalist cell: an active strategy "
                         "of deliberate unpredictability, not giving up")
        else:
            parts.append(f"{v} is not right: which polar type sits in its cell of Hood's map?")
    return Feedback.wrong("; ".join(parts))


q1 = Question(
    "q1", "preferred", _check_preferred,
    hint_text="Think of the grid-group cells: which polar type does Hood place in each? The polar "
              "rows of data.load('hood_control_types') name each type's cell in their mode column.",
    solution_text=("preferred = {'hierarchy': 'oversight', 'solidarity': 'mutuality', "
                   "'individualism': 'competition', 'fatalism': 'contrived randomness'}\n"
                   "Each is Hood's polar type for the voice's cell; the hermit has none."),
)


# ----- q2: apply ------------------------------------------------------------------------------
def _voice_set(answer: Any) -> set[str] | Feedback:
    if isinstance(answer, str) or not hasattr(answer, "__iter__"):
        return Feedback.wrong("Give a set of voice names, e.g. {'hierarchy'}")
    out = set()
    for item in answer:
        name = _voice_name(item)
        if name is None:
            return Feedback.wrong(f"{item!r} is not one of the five voices: {', '.join(audit.VOICES)}")
        out.add(name)
    return out


def _check_excluded(answer: Any) -> Feedback:
    given = _voice_set(answer)
    if isinstance(given, Feedback):
        return given
    right = set(audit.audit(audit.package("internal_market_1991")).by_status("excluded"))
    if given == right:
        return Feedback.correct("No instrument uses mutuality, and the kit's coding finds none of the three "
                                "ways of acknowledging fatalism; the hermit is heard because trust status "
                                "and fundholding were voluntary (a contested coding, the kit's: opting in "
                                "to a regime is not quite standing aside from control)")
    parts = [f"{v} is not excluded" for v in sorted(given - right)]
    parts += [f"you have missed {v}" for v in sorted(right - given)]
    return Feedback.wrong("; ".join(parts) + ". Run audit.audit(audit.package('internal_market_1991'))"
                          " and read its .by_status('excluded')")


q2 = Question(
    "q2", "excluded", _check_excluded,
    hint_text="result = audit.audit(audit.package('internal_market_1991')); then "
              "result.by_status('excluded').",
    solution_text=("excluded = set(audit.audit(audit.package('internal_market_1991'))"
                   ".by_status('excluded'))   # {'solidarity', 'fatalism'}"),
)


# ----- q3: analysis ---------------------------------------------------------------------------
def _hybrid_counts() -> Counter[str]:
    counts: Counter[str] = Counter()
    for p in audit.packages().values():
        counts.update({h.hybrid for h in audit.audit(p).hybrids})
    return counts


def _check_hybrid(answer: Any) -> Feedback:
    name = _control_name(answer)
    if name is None:
        return Feedback.wrong(f"{answer!r} is not one of Hood's control types; name a hybrid like "
                              "'oversight x competition'")
    if name in audit.POLAR_TYPES:
        return Feedback.wrong(f"{name} is a polar type, not a hybrid: which pair of types is it?")
    counts = _hybrid_counts()
    best = counts.most_common(1)[0]
    if name == best[0]:
        return Feedback.correct(f"{best[1]} of the {len(audit.packages())} packages rely on it: "
                                "league tables, star ratings, earned autonomy. Hood predicts it is "
                                "likely to be unstable")
    return Feedback.wrong(f"{name} is relied on by {counts.get(name, 0)} package(s); another hybrid "
                          "appears in more")


q3 = Question(
    "q3", "common_hybrid", _check_hybrid,
    hint_text="For each package p in audit.packages().values(), look at "
              "[h.hybrid for h in audit.audit(p).hybrids]; count how many packages each hybrid appears in.",
    solution_text=("from collections import Counter\n"
                   "counts = Counter(h.hybrid for p in audit.packages().values() "
                   "for h in audit.audit(p).hybrids)\n"
                   "common_hybrid = counts.most_common(1)[0][0]   # 'oversight x competition'"),
)


# ----- q4: analysis ---------------------------------------------------------------------------
def _oversight_share() -> float:
    return audit.weights(audit.package("targets_and_terror_2000_05").instruments)["oversight"]


def _check_share(answer: Any) -> Feedback:
    if isinstance(answer, bool) or not isinstance(answer, int | float):
        return Feedback.wrong("Give one number between 0 and 1")
    value = float(answer)
    if value > 1 and value <= 100:
        value /= 100
    right = _oversight_share()
    if math.isclose(value, right, abs_tol=0.01):
        return Feedback.correct(f"{right:.2f}: each instrument weighs one and a hybrid half to each of its "
                                "types, so star ratings and foundation trusts count half as oversight")
    instruments = audit.package("targets_and_terror_2000_05").instruments
    in_full = audit.emphasis(instruments)["oversight"]
    if math.isclose(value, in_full, abs_tol=0.01):
        return Feedback.wrong("that counts a hybrid in full for each of its types (audit.emphasis); the "
                              "audit weighs a hybrid half to each")
    polar_only = sum(i.control_type == "oversight" for i in instruments) / len(instruments)
    if math.isclose(value, polar_only, abs_tol=0.01):
        return Feedback.wrong("that counts only instruments coded to oversight alone; the audit also "
                              "counts hybrids that contain oversight, at half weight")
    return Feedback.wrong("use audit.weights on the package's instruments, or weigh by hand: one for "
                          "oversight alone, a half for each hybrid containing it, over the count")


q4 = Question(
    "q4", "oversight_share", _check_share,
    hint_text="audit.weights(audit.package('targets_and_terror_2000_05').instruments) gives each "
              "polar type's share of the package's weight.",
    solution_text=("oversight_share = audit.weights(audit.package('targets_and_terror_2000_05')"
                   ".instruments)['oversight']   # (3 + 2 halves) of 6, about 0.67"),
)


# ----- q5: design -----------------------------------------------------------------------------
#: Task 5 asks for a margin: no polar type may carry more than this share, so the answer does not
#: hang on the kit's threshold (a judgement), which a package at exactly 60% only passes on a tie.
ROBUST_SHARE: float = 0.5


def _the(voice: str) -> str:
    return "the hermit" if voice == "hermit" else voice


def _heaviest(items: list[audit.Instrument]) -> tuple[str, float]:
    shares = audit.weights(items)
    name = max(audit.POLAR_TYPES, key=lambda t: shares[t])
    return name, shares[name]


def _check_amended(answer: Any) -> Feedback:
    if isinstance(answer, audit.Package):
        answer = list(answer.instruments)
    if isinstance(answer, str) or not hasattr(answer, "__iter__"):
        return Feedback.wrong("Give a list of audit.Instrument: the package's instruments plus yours")
    items = list(answer)
    if not all(isinstance(i, audit.Instrument) for i in items):
        return Feedback.wrong("Every item must be an audit.Instrument(id, label, control_type)")
    original = audit.package(AMENDED_PACKAGE).instruments
    ids = [i.id for i in items]
    missing = [i.label for i in original if i not in items]
    if missing:
        return Feedback.wrong(f"keep every instrument of the package; missing: {', '.join(missing)}")
    added = len(items) - len(original)
    if added > 2:
        return Feedback.wrong(f"you added {added} instruments; the task allows two at most")
    if len(set(ids)) != len(ids):
        return Feedback.wrong("two instruments share an id; give each new one its own")
    result = audit.audit(items)
    threshold = audit.DEFAULT_OVERUSE_SHARE
    heaviest, share = _heaviest(items)
    joined = all(result.status(v) == "engaged" for v in audit.ACTIVE_VOICES) and result.dominance is None
    if joined and share <= ROBUST_SHARE:
        left_out = [v for v in result.by_status("excluded") if v != "hermit"]
        hermit = ("The hermit, excluded too, is Ney & Verweij's further criterion, reported beside the "
                  "verdict, not a condition of clumsy. " if result.status("hermit") == "excluded" else "")
        return Feedback.correct(
            f"Verdict now: {result.verdict}. Engagement brought individualism in: a hybrid joins its type "
            "to another active voice's. Weight decided that solidarity no longer dominates: the heaviest "
            f"type, {heaviest}, now carries {share:.0%}, no more than half, so the verdict holds at the "
            f"kit's {threshold:.0%} threshold or any above one half. "
            + (f"It is not called clumsy while {' and '.join(_the(v) for v in left_out)} "
               f"{'is' if len(left_out) == 1 else 'are'} excluded. " if left_out else "")
            + hermit
            + "Now ask whether each voice would really accept your additions, and which instability "
            "Hood predicts for them")
    if joined:
        lower = audit.audit(items, overuse_share=share - 0.01).verdict.partition(";")[0]
        at = "exactly" if math.isclose(share, threshold) else "just under"
        return Feedback.wrong(
            f"the verdict is '{result.verdict}', but weight, not engagement, decided it: {heaviest} "
            f"carries {share:.0%}, {at} the kit's {threshold:.0%} threshold (the test is strictly 'more "
            f"than'); at a threshold of {share - 0.01:.0%} the verdict would be '{lower}'. Is a threshold "
            f"a good test of clumsiness? Choose your additions so that no type carries more than "
            f"{ROBUST_SHARE:.0%} of the weight")
    still = [v for v in audit.ACTIVE_VOICES if result.status(v) == "excluded"]
    if still:
        return Feedback.wrong(f"{', '.join(still)} {'is' if len(still) == 1 else 'are'} still excluded")
    alone = [v for v in audit.ACTIVE_VOICES if result.status(v) == "unresponsive"]
    if alone:
        return Feedback.wrong(f"{', '.join(alone)} is now heard but unresponsive: its type stands alone "
                              "or is joined only to contrived randomness; join it to another active "
                              "voice's type in a hybrid")
    return Feedback.wrong(f"verdict: {result.verdict}; {heaviest} still carries {share:.0%} of the weight, "
                          f"more than the kit's {threshold:.0%} threshold")


_MODEL_ANSWER = [*audit.package(AMENDED_PACKAGE).instruments,
                 audit.Instrument("league", "League table of providers", "oversight x competition"),
                 audit.Instrument("choice", "Patient choice of provider", "competition")]
_TIE_ANSWER = [*audit.package(AMENDED_PACKAGE).instruments,
               audit.Instrument("bench", "Benchmarking club", "mutuality x competition")]


def _q5_solution() -> str:
    before = audit.weights(audit.package(AMENDED_PACKAGE).instruments)["mutuality"]
    after = audit.weights(_MODEL_ANSWER)["mutuality"]
    tie = audit.weights(_TIE_ANSWER)["mutuality"]
    return ("amended = [*audit.package('health_and_care_act_2022').instruments,\n"
            "           audit.Instrument('league', 'League table of providers', 'oversight x competition'),\n"
            "           audit.Instrument('choice', 'Patient choice of provider', 'competition')]\n"
            "The league table brings individualism in, joined to hierarchy (engagement); patient choice "
            f"adds weight to competition, so mutuality's share falls from {before:.1%} to {after:.1%} "
            "(weight), well under the threshold. A benchmarking club alone also engages individualism, "
            f"but leaves mutuality at {tie:.1%}: it passes the kit's threshold only on a tie.")


q5 = Question(
    "q5", "amended", _check_amended,
    hint_text="One active voice is excluded. A hybrid brings it in and joins it to a voice already "
              "engaged; then check with audit.weights that no type carries more than half the weight.",
    solution_text=_q5_solution(),
)


# ----- q6: evaluate (open) --------------------------------------------------------------------
q6 = OpenQuestion(
    "q6",
    model_answer=(
        "The audit is a useful prompt but not a test of clumsiness. It can show which voices a "
        "package gives a way in: in the kit's coding, no package acknowledges fatalism in all three "
        "ways and none uses contrived randomness, and the internal market and the 2022 Act shut out "
        "opposite voices. But clumsiness, for Verweij and "
        "colleagues, is a process of engaged and responsive argument, and a list of instruments "
        "cannot show whether anyone listened. The result also rests on judgements: whether clinical "
        "commissioning groups are mutuality or buyers in a market, whether an opt-out really gives "
        "the hermit a voice, and where the overuse threshold sits. Recoding one instrument can "
        "change a voice's status. To test the audit I would compare its verdicts with evidence of "
        "how the reforms were argued over and how they fared."
    ),
    rubric=[
        "says what the audit can show (which voices' control types a package uses) and what it "
        "cannot (whether the argument among voices really happened)",
        "names at least one coding or rule that is a judgement and shows how changing it would "
        "change the result",
        "uses evidence from the kit: a named package, a status, a hybrid or an amendment",
        "proposes evidence that would test the audit's verdicts",
    ],
)

#: One deliberately wrong answer per task and a phrase its feedback must contain.
WRONG_ANSWERS: dict[str, tuple[Any, str]] = {
    "q1": ({"hierarchy": "oversight", "solidarity": "mutuality", "individualism": "competition",
            "fatalism": "oversight"}, "not giving up"),
    "q2": ({"solidarity"}, "you have missed fatalism"),
    "q3": ("oversight", "is a polar type, not a hybrid"),
    "q4": (0.5, "counts only instruments coded to oversight alone"),
    "q5": ([*audit.package(AMENDED_PACKAGE).instruments,
            audit.Instrument("ppr", "Patient choice of provider", "competition")],
           "individualism is now heard but unresponsive"),
}
