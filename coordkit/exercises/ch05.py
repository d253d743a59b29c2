"""Exercises for chapter 5, dynamics: from recall to design.

Every right answer is computed with :mod:`coordkit.models.dynamics`, so the checks follow the
teaching model if its equations or rates are changed.

Examples
--------
>>> q1.evaluate(1.0).status
'wrong'
>>> q3.evaluate(Levers(support_hierarchy=1.0, reverse_effect=2.0)).status
'correct'
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from coordkit.configuration import Kind, all_configurations, classify
from coordkit.exercises import Feedback, OpenQuestion, Question, ____, normalise
from coordkit.models.dynamics import Levers, simulate
from coordkit.models.regimes import classify_settings
from coordkit.modes import ACTIVE_MODES

__all__ = [
    "CEILING_CAPACITY",
    "CEILING_DEMAND",
    "DESIGN_BLAME",
    "DESIGN_DEMAND",
    "DESIGN_OUTCOME",
    "MALIGN_TARGET",
    "SWING_RIVALRY",
    "WRONG_ANSWERS",
    "____",
    "q1",
    "q2",
    "q3",
    "q4",
    "q5",
    "q6",
]

#: Task 1: demand and capacity of the system whose ceiling is asked for.
CEILING_DEMAND, CEILING_CAPACITY = 2.0, 1.2
#: Task 3: the malign share one mode must end above, with no malign bias at all.
MALIGN_TARGET = 0.5
#: Task 4: the most rivalry allowed when looking for a lasting swing.
SWING_RIVALRY = 1.2
#: Task 5: demand (capacity 1), blame attached to hierarchy, and the outcome to reach.
DESIGN_DEMAND, DESIGN_BLAME, DESIGN_OUTCOME = 1.3, 0.4, 0.35

_NAMES = {c.name for c in all_configurations()}


def _is_number(answer: Any) -> bool:
    return not isinstance(answer, bool) and isinstance(answer, int | float | np.floating)


# ----- q1: recall -----------------------------------------------------------------------------
def _ceiling() -> float:
    return Levers(demand=CEILING_DEMAND, capacity=CEILING_CAPACITY).ceiling


def _check_ceiling(answer: Any) -> Feedback:
    if not _is_number(answer):
        return Feedback.wrong("Give a number between 0 and 1, e.g. 0.75")
    right = _ceiling()
    if math.isclose(answer, right, abs_tol=0.005):
        return Feedback.correct(f"Capacity covers {right:.0%} of demand, so no setting of the other "
                                "model parameters can lift the outcome above that")
    if math.isclose(answer, CEILING_DEMAND / CEILING_CAPACITY, abs_tol=0.005):
        return Feedback.wrong("That is demand over capacity, upside down: the outcome can never "
                              "be more than 1")
    if max(CEILING_DEMAND, CEILING_CAPACITY) < answer <= 100.0:  # 60 typed for 60%
        return Feedback.wrong(f"The outcome runs on a scale of 0 to 1, so give the ceiling as a fraction "
                              f"of 1, not a percentage: {answer:g}% is written {answer / 100:g}")
    if answer >= 1.0:
        return Feedback.wrong("Here demand exceeds capacity, so the outcome is capped below 1: "
                              "how much of the demand can the capacity meet?")
    return Feedback.wrong("The ceiling depends only on capacity and demand, not on the modes: "
                          "reread rule 6 of 'How it works'")


q1 = Question(
    "q1", "ceiling", _check_ceiling, read_text=True,
    hint_text="Rule 6: the outcome can never exceed min(1, C / D). You can also ask the model: "
              "dynamics.Levers(demand=..., capacity=...).ceiling.",
    solution_text=("ceiling = dynamics.Levers(demand=2.0, capacity=1.2).ceiling   # 0.6\n"
                   "Capacity meets 1.2 / 2.0 = 60% of demand; no balance of the modes can do "
                   "better."),
)


# ----- q2: apply ------------------------------------------------------------------------------
def _deficit() -> str:
    return str(simulate(Levers(support_individualism=0.0)).summary()["configuration"])


def _check_deficit(answer: Any) -> Feedback:
    text = answer.name if hasattr(answer, "name") and not isinstance(answer, str) else answer
    if not isinstance(text, str):
        return Feedback.wrong("Give the configuration's name as a string, e.g. 'balanced'")
    text = normalise(text)
    right = normalise(_deficit())
    if text == right:
        return Feedback.correct("Individualism withers without support while hierarchy and "
                                "solidarity stay strong: a deficit culture, named by its missing "
                                "form")
    if text == normalise(Kind.DEFICIT.value):
        return Feedback.wrong("Right family: now give the full name, which says which form is weak")
    if text not in {normalise(n) for n in _NAMES}:
        return Feedback.wrong("Use one of the names in configuration.table()['name']")
    if text == normalise(Kind.BALANCED.value):
        return Feedback.wrong("Without support, one mode withers: look at the final strengths "
                              "(dynamics.simulate(...).final_profile()) and see which falls below "
                              "0.5")
    return Feedback.wrong("That is another system's configuration. Which mode ends weak, and how "
                          "strong are the other two?")


q2 = Question(
    "q2", "without_individualism", _check_deficit,
    hint_text="Run dynamics.simulate(dynamics.Levers(support_individualism=0.0)) and read "
              ".summary()['configuration'], or look at .final_profile() and classify it yourself.",
    solution_text=("run = dynamics.simulate(dynamics.Levers(support_individualism=0.0))\n"
                   "without_individualism = run.summary()['configuration']   # 'deficit culture: "
                   "weak individualism'"),
)


# ----- q3: analysis ---------------------------------------------------------------------------
def _check_malign(answer: Any) -> Feedback:
    if not isinstance(answer, Levers):
        return Feedback.wrong("Give a dynamics.Levers(...)")
    biased = [m.value for m, h in zip(ACTIVE_MODES, answer.malign_bias, strict=True) if h > 0]
    if biased:
        return Feedback.wrong(f"Keep every malign bias at 0 (you set it for {', '.join(biased)}): "
                              "the task is to get there through the model's dynamics, not by "
                              "making new growth arrive malign")
    if answer.noise > 0:
        return Feedback.wrong("Keep noise at 0, so that the run is the same every time")
    run = simulate(answer)
    fractions = run.malign_fraction[-1]
    k = int(np.argmax(fractions))
    mode, share = ACTIVE_MODES[k].value, float(fractions[k])
    if share > MALIGN_TARGET:
        default = float(simulate(Levers()).malign_fraction[-1, k])
        summary = run.summary()
        return Feedback.correct(
            f"{mode.capitalize()} ends {share:.0%} malign (default model parameters: {default:.0%}), with "
            f"fatalism at {summary['fatalism']:.2f} and the system a '{summary['configuration']}'. "
            "Nothing arrived malign: pushing one mode hard and weakening its checks turned it sour")
    return Feedback.wrong(
        f"The largest malign share at the end is {mode}'s, {share:.2f}: still not above "
        f"{MALIGN_TARGET:g}. What turns benign strength malign faster when one mode dominates, and "
        "what normally checks it?")


q3 = Question(
    "q3", "soured", _check_malign,
    hint_text="Rule 2 (reverse effects) speeds the drift from benign to malign as a mode's share "
              "rises above a third; rule 3 (critique, renewal) reforms malign forms. Push one "
              "mode's support, and try the Reverse effect parameter.",
    solution_text=("soured = dynamics.Levers(support_hierarchy=1.0, reverse_effect=2.0)\n"
                   "Hierarchy ends about two-thirds malign, fatalism about 0.34: Hood's "
                   "self-disequilibrating control. Weaker critique or renewal works too."),
)


# ----- q4: analysis ---------------------------------------------------------------------------
def _check_swinging(answer: Any) -> Feedback:
    if not isinstance(answer, Levers):
        return Feedback.wrong("Give a dynamics.Levers(...)")
    if answer.rivalry > SWING_RIVALRY:
        return Feedback.wrong(f"Keep rivalry at {SWING_RIVALRY:g} or less: the task is to find "
                              "what else a lasting swing needs")
    regime = classify_settings([answer])[0]
    if regime in ("cycling", "chaotic"):
        return Feedback.correct(f"The kit's criterion calls it {regime}: in this model a lasting "
                                "swing needs surprise (backers leave a souring leader after a "
                                "delay) and enough rivalry (whichever mode leads holds on until "
                                "then). Neither alone swings")
    if answer.surprise == 0:
        return Feedback.wrong(f"It is {regime}: with surprise off this is the equilibrium model, and "
                              "nothing in it keeps swinging. Which model parameter lets backers desert a "
                              "mode whose failures show?")
    return Feedback.wrong(f"It is {regime}: the pull back to balance still wins. Raise surprise, or "
                          f"rivalry (up to {SWING_RIVALRY:g}), and look at the regime map in the "
                          "chapter for where the boundary lies")


q4 = Question(
    "q4", "swinging", _check_swinging,
    hint_text="Look at the chapter's regime map: which two model parameters are on its axes, and where is "
              "the boundary between settled and cycling? Surprise is 0 by default.",
    solution_text=("swinging = dynamics.Levers(rivalry=1.2, surprise=2.0)\nThe regime map shows the "
                   "rivalry needed for lasting swings falling as surprise rises; at rivalry 1.2 "
                   "nearly every surprise from 0.2 up is labelled cycling. With surprise 0 no "
                   "setting the kit has tried swings."),
)


# ----- q5: design -----------------------------------------------------------------------------
def _check_design(answer: Any) -> Feedback:
    if not isinstance(answer, Levers):
        return Feedback.wrong("Give a dynamics.Levers(...)")
    if answer.demand < DESIGN_DEMAND or answer.capacity > 1.0:
        return Feedback.wrong(f"Keep demand at {DESIGN_DEMAND:g} (or more) and capacity at 1 (or "
                              "less): the task is to work within the squeeze")
    if answer.malign_bias_hierarchy < DESIGN_BLAME:
        return Feedback.wrong(f"Keep the malign bias of hierarchy at {DESIGN_BLAME:g} or more: the "
                              "blame culture is given, not a model parameter you may change")
    if answer.reverse_effect < 0.5 or answer.rivalry < 1.0:
        return Feedback.wrong("Keep the reverse effect at 0.5 or more and rivalry at 1 or more: "
                              "they are how the world works, not policy")
    if answer.noise > 0:
        return Feedback.wrong("Keep noise at 0, so that the run is the same every time")
    run = simulate(answer)
    summary = run.summary()
    outcome, ceiling = float(summary["outcome"]), float(summary["ceiling"])
    if classify(run.final_profile()).kind is not Kind.BALANCED:
        return Feedback.wrong(f"It ends as '{summary['configuration']}' (outcome {outcome:.2f}). "
                              "Which mode is too weak or too strong, and which model parameter helps it "
                              "without adding malign forms?")
    if outcome < DESIGN_OUTCOME:
        return Feedback.wrong(f"Balanced, but the outcome is only {outcome:.2f}, short of "
                              f"{DESIGN_OUTCOME:g}: the outcome needs all three benign modes "
                              "strong at once. Which model parameters reform malign forms, and which lift "
                              "all three modes together?")
    return Feedback.correct(f"Balanced, outcome {outcome:.2f} under a ceiling of {ceiling:.2f}: "
                            "balance helps, but the squeeze and the fatalism it feeds still keep "
                            "the outcome far below the ceiling")


q5 = Question(
    "q5", "design", _check_design,
    hint_text="Start from dynamics.Levers(demand=1.3, malign_bias_hierarchy=0.4) and see how it "
              "ends. Blame weakens hierarchy, but raising its support alone invites rivalry: keep "
              "the three supports equal and move them together. Critique and renewal reform "
              "malign forms.",
    solution_text=("design = dynamics.Levers(demand=1.3, malign_bias_hierarchy=0.4, "
                   "support_hierarchy=0.8, support_solidarity=0.8, support_individualism=0.8, "
                   "critique=2.0, renewal=1.0)\nBalanced, outcome about 0.42 under a ceiling of "
                   "0.77. Critique and renewal alone give a balanced 0.32; raising hierarchy's "
                   "support alone (to 0.6) tips the system into a hierarchy monoculture."),
)


# ----- q6: open -------------------------------------------------------------------------------
q6 = OpenQuestion(
    "q6",
    model_answer=(
        "Partly an assumption. The ceiling itself is written into the outcome equation: y is "
        "multiplied by (1 - O), so no run can exceed min(1, C/D) by construction, and a sweep only "
        "confirms the algebra. What the model adds is the finding that runs stay far *below* the "
        "ceiling: unmet demand feeds fatalism, and fatalism wears down every mode, so the squeeze "
        "also damages the balance that would use the remaining capacity well. That second part "
        "depends on the rates (fatalism feed, sapping), which are round-number judgements; "
        "halving the sapping rate would narrow the gap. To test it against evidence I would look "
        "for periods when demand outgrew capacity (for example, waiting lists after 2010) and ask "
        "whether staff-survey measures of fatalism rose before performance fell."
    ),
    rubric=[
        "says which part is assumed (the cap in the outcome equation) and which is derived (how "
        "far below the ceiling runs stay, through fatalism)",
        "names the rates or equations the derived part depends on",
        "proposes a check: a change of rates, or evidence that could support or refute it",
        "keeps the model's teaching purpose in view: it illustrates the claim, it does not prove it",
    ],
)

#: One deliberately wrong answer per task and a phrase its feedback must contain: the tests use
#: it, and it shows lecturers what the feedback looks like.
WRONG_ANSWERS: dict[str, tuple[Any, str]] = {
    "q1": (1.0, "demand exceeds capacity"),
    "q2": ("balanced", "one mode withers"),
    "q3": (Levers(support_hierarchy=1.0), "still not above 0.5"),
    "q4": (Levers(rivalry=1.2), "with surprise off this is the equilibrium model"),
    "q5": (Levers(demand=1.3, malign_bias_hierarchy=0.4, support_hierarchy=0.7),
           "It ends as 'hierarchy monoculture'"),
}
