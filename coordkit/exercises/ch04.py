"""Exercises for chapter 4, NHS reform scenarios: from recall to design.

Every right answer is computed with :mod:`coordkit.scenarios`, so the checks follow the model if
its judgements are changed.

Examples
--------
>>> q1.evaluate({"financial_incentives", "competition", "collaboration_duty"}).status
'wrong'
>>> q1.evaluate({"financial_incentives", "competition"}).message
'you have missed one lever. Read the malign_bias_individualism column of scenarios.mapping_table()'
>>> q2.evaluate("-1%").message == q2.evaluate(-1).message, q2.evaluate("-0.3").status
(True, 'correct')
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from coordkit.configuration import Kind
from coordkit.exercises import Feedback, OpenQuestion, Question, ____, normalise
from coordkit.exercises.answers import count_words, parse_number
from coordkit.scenarios import LEVERS, MAPPING, PolicyLevers, preset, run

__all__ = ["DESIGN_DEMAND", "DESIGN_FUNDING", "WRONG_ANSWERS", "____", "q1", "q2", "q3", "q4", "q5", "q6"]

#: The squeeze in task 4: funding grows 1% a year, demand 3% (capacity / demand 0.82 after ten years).
DESIGN_FUNDING, DESIGN_DEMAND = 1.0, 3.0


def _lever_key(text: Any) -> str | None:
    """The key in LEVERS for a name or label typed any way (case, spaces, underscores), or None."""
    wanted = normalise(str(text))
    for key, spec in LEVERS.items():
        if wanted in (normalise(key), normalise(spec.label)):
            return key
    return {"payment by results": "financial_incentives", "pbr": "financial_incentives"}.get(wanted)


# ----- q1: recall -----------------------------------------------------------------------------
def _raises_malign_individualism() -> set[str]:
    return {lever for lever, c in MAPPING["malign_bias_individualism"][1].items() if c > 0}


def _check_gaming_levers(answer: Any) -> Feedback:
    if isinstance(answer, str) or not hasattr(answer, "__iter__"):
        return Feedback.wrong("Give a set of lever names, e.g. {'competition', ...}")
    keys = {str(a): _lever_key(a) for a in answer}
    unknown = [name for name, key in keys.items() if key is None]
    if unknown:
        return Feedback.wrong(f"{', '.join(sorted(unknown))} is not a lever; use the keys of "
                              "scenarios.LEVERS, e.g. 'competition'")
    given = {key for key in keys.values() if key is not None}
    right = _raises_malign_individualism()
    if given == right:
        return Feedback.correct("Central targets, payment by results and competition: the kit codes "
                                "gaming as malign individualism, provoked by targets as well as by "
                                "market incentives (after Bevan & Hood, 2006)")
    extra, missing = given - right, right - given
    parts = []
    if extra:
        parts.append(f"{', '.join(sorted(extra))} does not raise it (look at its sign)")
    if missing:
        parts.append(f"you have missed {count_words(len(missing), 'lever')}")
    return Feedback.wrong("; ".join(parts) + ". Read the malign_bias_individualism column of "
                          "scenarios.mapping_table()")


q1 = Question(
    "q1", "gaming_levers", _check_gaming_levers,
    hint_text="In scenarios.mapping_table(), look down the malign_bias_individualism column for "
              "positive numbers.",
    solution_text="gaming_levers = {'central_targets', 'financial_incentives', 'competition'}",
)


# ----- q2: apply ------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _lowest_balancing_funding() -> float:
    base = preset("rumoured_2022")
    for tenths in range(-20, 81):
        funding = tenths / 10
        if run(base.replace(funding_growth=funding)).configuration.kind is Kind.BALANCED:
            return funding
    raise RuntimeError("no funding growth balances the 2022 package")


def _typed_growth(text: str) -> float | None:
    """A growth rate typed as text, in % a year: ``"0.1"``, ``"-1%"``, ``"about 2.5% a year"``.

    A percentage sign here only names the unit, so ``"-1%"`` is -1 (% a year), never -0.01.
    """
    t = text.lower().replace("\u2212", "-")
    for unit in ("% a year", "% per year", "% pa", "per cent", "percent", "%"):
        t = t.replace(unit, " ")
    return parse_number(t.strip())


def _check_funding(answer: Any) -> Feedback:
    if isinstance(answer, str):
        typed = _typed_growth(answer)
        answer = answer if typed is None else typed
    if isinstance(answer, bool) or not isinstance(answer, int | float):
        return Feedback.wrong("Give a number: funding growth in % a year, e.g. 2.5")
    right = _lowest_balancing_funding()
    if 0 < answer < 0.1 and not math.isclose(answer, right, abs_tol=0.05):
        return Feedback.wrong(f"{answer:g} looks like a fraction; give % a year (0.026 would be "
                              "written 2.6)")
    if math.isclose(answer, right, abs_tol=0.05):
        return Feedback.correct(f"At {right:.1f}% a year the squeeze eases enough for fatalism to "
                                "stop sapping hierarchy")
    spec = LEVERS["funding_growth"]
    if not spec.low <= answer <= spec.high:
        return Feedback.wrong(f"Funding growth runs from {spec.low:g} to {spec.high:g}% a year")
    ends = run(preset("rumoured_2022").replace(funding_growth=float(answer)))
    if ends.configuration.kind is Kind.BALANCED:
        return Feedback.wrong(f"At {answer:g}% it is balanced, and it is still balanced at lower "
                              "funding: go lower, in steps of 0.1")
    return Feedback.wrong(f"At {answer:g}% it ends as '{ends.configuration.name}'. Go higher")


q2 = Question(
    "q2", "lowest_funding", _check_funding,
    hint_text="Use the scenario explorer with the 2022 preset and move Funding growth in steps of "
              "0.1, or loop over values with scenarios.run(base.replace(funding_growth=f)), where "
              "base = scenarios.preset('rumoured_2022').",
    solution_text=("base = scenarios.preset('rumoured_2022')\n"
                   "lowest_funding = next(f / 10 for f in range(-20, 81)\n"
                   "    if scenarios.run(base.replace(funding_growth=f / 10)).configuration.name "
                   "== 'balanced')"),
)


# ----- q3: analysis ---------------------------------------------------------------------------
def _malign_hierarchy_changes() -> dict[str, float]:
    start, target = preset("targets_2000"), preset("hewitt_2023").levers
    before = run(start).final.malign_hierarchy
    return {lever: run(start.replace(**{lever: getattr(target, lever)})).final.malign_hierarchy
            - before for lever in LEVERS if getattr(start.levers, lever) != getattr(target, lever)}


def _check_best_lever(answer: Any) -> Feedback:
    if not isinstance(answer, str):
        return Feedback.wrong("Give one lever name as a string, e.g. 'inspection'")
    changes = _malign_hierarchy_changes()
    if _lever_key(answer) is None:
        return Feedback.wrong(f"{answer!r} is not a lever; use a key of scenarios.LEVERS, "
                              "e.g. 'inspection'")
    answer = _lever_key(answer)
    if answer not in changes:
        return Feedback.wrong(f"{answer} is the same in both presets, so switching it changes "
                              "nothing")
    best = min(changes, key=changes.__getitem__)
    if answer == best:
        return Feedback.correct(f"Switching {answer} alone cuts malign hierarchy by "
                                f"{-changes[answer]:.3f}")
    return Feedback.wrong(f"Switching {answer} changes malign hierarchy by {changes[answer]:+.3f}; "
                          "another lever does more. Was it the one you expected?")


q3 = Question(
    "q3", "best_lever", _check_best_lever,
    hint_text="Loop over the levers that differ between the two presets; for each, run the 2000 "
              "preset with just that lever switched and read .final.malign_hierarchy.",
    solution_text=("start, target = scenarios.preset('targets_2000'), "
                   "scenarios.preset('hewitt_2023').levers\n"
                   "effect = {k: scenarios.run(start.replace(**{k: getattr(target, k)}))"
                   ".final.malign_hierarchy for k in scenarios.LEVERS}\n"
                   "best_lever = min(effect, key=effect.get)   # 'psychological_safety'\n"
                   "Freedom from blame takes the blame out of hierarchy: in this model, by "
                   "construction, it is the lever with the largest negative coefficient on "
                   "malign hierarchy."),
)


# ----- q4: design -----------------------------------------------------------------------------
def _check_design(answer: Any) -> Feedback:
    if not isinstance(answer, PolicyLevers):
        return Feedback.wrong("Give a scenarios.PolicyLevers(...)")
    if answer.funding_growth > DESIGN_FUNDING or answer.demand_growth < DESIGN_DEMAND:
        return Feedback.wrong(f"Keep funding growth at {DESIGN_FUNDING:g}% or less and demand growth "
                              f"at {DESIGN_DEMAND:g}% or more: the task is to work within the squeeze")
    result = run(answer)
    summary = result.summary()
    if result.configuration.kind is not Kind.BALANCED:
        return Feedback.wrong(f"It ends as '{result.configuration.name}' (outcome "
                              f"{summary['outcome']:.2f}). Which mode is missing, and which lever "
                              "supports it without adding malign forms?")
    if summary["outcome"] < 0.3:
        return Feedback.wrong(f"Balanced, but the outcome is {summary['outcome']:.2f}: look for "
                              "levers that cut malign forms or lift renewal")
    return Feedback.correct(f"Balanced, outcome {summary['outcome']:.2f} under a ceiling of "
                            f"{summary['ceiling']:.2f}")


q4 = Question(
    "q4", "design", _check_design,
    hint_text="Start from the illustrative balanced package in coordkit.widgets.scenarios "
              "(BALANCED_PACKAGE) or from the Hewitt preset; set the funding and demand growth "
              "the task fixes; then raise freedom from blame and intermediate institutions.",
    solution_text=("design = scenarios.PolicyLevers(central_targets=10, inspection=4, devolution=7, "
                   "financial_incentives=4, competition=2, psychological_safety=8, "
                   "intermediate_institutions=8, collaboration_duty=7, funding_growth=1.0, "
                   "demand_growth=3.0)\nBalanced, outcome about 0.34: good balance helps, but the "
                   "ceiling (0.82) and the fatalism it feeds still hold it down."),
)


# ----- q5: apply, with judgement ----------------------------------------------------------------
def _check_own_coding(answer: Any) -> Feedback:
    if not isinstance(answer, PolicyLevers):
        return Feedback.wrong("Give a scenarios.PolicyLevers(...) with your own coding of the 2012 Act")
    kit = preset("hsca_2012").levers
    if answer == kit:
        return Feedback.wrong("That is the kit's coding: change at least one lever you disagree with")
    differ = [LEVERS[k].label for k, v in answer.to_dict().items() if v != getattr(kit, k)]
    start = preset("hsca_2012").initial
    mine, theirs = run(answer, initial=start).summary(), run(kit, initial=start).summary()
    return Feedback.correct(
        f"Your coding differs on {', '.join(differ)}. It ends as '{mine['configuration']}' "
        f"(balance {mine['balance']:.2f}); the kit's ends as '{theirs['configuration']}' "
        f"(balance {theirs['balance']:.2f}). Now defend it in task 6")


q5 = Question(
    "q5", "my_2012", _check_own_coding,
    hint_text="Start from scenarios.preset('hsca_2012').levers and .replace(...) the levers you "
              "would code differently; read its rationale and sources first.",
    solution_text=("my_2012 = scenarios.preset('hsca_2012').levers.replace(inspection=5, "
                   "psychological_safety=2)\n(Any defended coding is right; this one argues that "
                   "inspection only intensified after Francis in 2013, and that the reorganisation "
                   "deepened a blame culture.)"),
)


# ----- q6: open -------------------------------------------------------------------------------
q6 = OpenQuestion(
    "q6",
    model_answer=(
        "I coded inspection lower (5) because the Act itself created the regulator for competition; "
        "the tougher inspection regime came after the Francis report in 2013, which belongs to the "
        "next period. I coded freedom from blame lower (2): a top-down reorganisation during a "
        "funding squeeze made staff more defensive. With my coding the run still ends as a "
        "hierarchy monoculture with fatalism near 0.37, as the kit's coding does, so my "
        "disagreement does not change the conclusion that 2012 paired competition with a squeeze "
        "that left hierarchy alone standing — in this model the conclusion is robust to it."
    ),
    rubric=[
        "names the levers recoded and gives a reason for each, tied to a dated fact or source",
        "reports what the model then says, and compares it with the kit's coding",
        "says whether the conclusion survives the recoding (robustness)",
        "keeps fact (what the Act did) separate from judgement (how hard it pushed each mode)",
    ],
)

#: One deliberately wrong answer per task and a phrase its feedback must contain: the tests use
#: it, and it shows lecturers what the feedback looks like.
WRONG_ANSWERS: dict[str, tuple[Any, str]] = {
    "q1": ({"financial_incentives", "collaboration_duty"}, "collaboration_duty does not raise it"),
    "q2": (3.6, "it is still balanced at lower funding: go lower"),
    "q3": ("devolution", "another lever does more"),
    "q4": (PolicyLevers(funding_growth=1.0, competition=10, financial_incentives=10),
           "Which mode is missing"),
    "q5": ("hsca_2012", "Give a scenarios.PolicyLevers"),
}
