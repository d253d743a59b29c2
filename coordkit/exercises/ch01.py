"""Exercises for chapter 1, coordination theory: from recall to design.

Examples
--------
>>> from coordkit.profile import Profile
>>> q2.evaluate(Profile(0.9, 0.7, 0.2, 0.4, malign_hierarchy=1 / 3)).status
'correct'
>>> q3.evaluate("hierarchy monoculture").message
'That is the configuration of a different organisation. Which modes reach the 0.5 threshold?'
>>> q3.evaluate("deficit cultre: weak individualism").status
'correct'
>>> q3.evaluate("I think it is a deficit culture because individualism is weak").message.split(",")[0]
"Give only the configuration's name"
"""

from __future__ import annotations

import math
from typing import Any

from coordkit.archetypes import ARCHETYPES
from coordkit.balance import balance_index, evenness
from coordkit.configuration import Kind, all_configurations, classify
from coordkit.exercises import Feedback, OpenQuestion, Question, ____, normalise
from coordkit.exercises.answers import close_enough, match_word
from coordkit.profile import Profile

__all__ = ["TRUST", "WRONG_ANSWERS", "____", "q1", "q2", "q3", "q4", "q5", "q6"]

#: The organisation described in task 2 (its profile is the answer to that task).
TRUST = Profile(hierarchy=0.9, solidarity=0.7, individualism=0.2, fatalism=0.4,
                malign_hierarchy=1 / 3)


# ----- q1: discussion -------------------------------------------------------------------------
q1 = OpenQuestion(
    "q1",
    model_answer=(
        "Taylor (2022) says the three motivations (mastery, connectedness, autonomy) are "
        "articulated as the forms, and writes of each 'motivation/method' as one thing. He makes "
        "one link himself: autonomy (with creativity) is a benign aspect of individualism (Taylor "
        "2022; 2021c). Pairing mastery with hierarchy and connectedness with solidarity is the "
        "kit's inference from the order of his lists. Connectedness and solidarity is plausible: "
        "both are about belonging. Mastery and hierarchy is weaker, since a craftsperson seeks "
        "mastery without a boss. Taylor's own link can be criticised too. The three motivations "
        "closely match self-determination theory's three needs (competence, relatedness, "
        "autonomy; Ryan & Deci, 2000), where autonomy means volition. A nurse following a "
        "protocol she endorses, or a loyal team member, can do that as well as an entrepreneur, "
        "and Chirkov and colleagues (2003) show that autonomy is not individualism. Cultural "
        "theory itself uses 'autonomy' for a fifth way of life, the hermit who withdraws from "
        "grid and group. Taylor elsewhere grounds the forms in authority, values and belonging, "
        "individual aspiration and fatalism (Taylor, 2021a), which fits the forms better than the "
        "triad does. So I would teach autonomy-individualism as Taylor's claim and criticise it, "
        "and the other two pairings as a question."
    ),
    rubric=[
        "says what Taylor (2022) actually gives (motivations articulated as the forms; autonomy "
        "tied to individualism) and that the other two pairings are the kit's inference",
        "judges at least one pairing, with a reason or an example from work",
        "uses the self-determination theory reading of autonomy (volition, not individualism) as a "
        "criticism of Taylor's link",
        "mentions the hermit or Taylor's own grounding of the forms as an alternative",
    ],
)


# ----- q2: apply ------------------------------------------------------------------------------
def _check_trust(answer: Any) -> Feedback:
    if not isinstance(answer, Profile):
        return Feedback.wrong("Build a ck.Profile(hierarchy=..., solidarity=..., ...)")
    for name, want in TRUST.to_dict().items():
        got = getattr(answer, name)
        if not close_enough(got, want, tolerance=0.02, typed=got):
            if name == "malign_hierarchy" and answer.hierarchy > 0 and math.isclose(
                    got / answer.hierarchy, want, abs_tol=0.04):
                hint = ("that is a third of hierarchy's strength, an amount. A malign share is the "
                        "fraction of the mode's own strength that is malign, not a part of the 0-1 "
                        "scale: 'a third of it is overbearing' makes the share itself a third")
            elif name == "malign_hierarchy":
                hint = "a third of hierarchy is overbearing: that is its malign share"
            else:
                hint = "reread the description"
            return Feedback.wrong(f"{name} is {got:g}; {hint}")
    return Feedback.correct()


q2 = Question(
    "q2", "trust", _check_trust,
    hint_text="Four strengths from the description, and one malign share: 'a third of it is "
              "overbearing' means malign_hierarchy is about 0.33.",
    solution_text="trust = ck.Profile(hierarchy=0.9, solidarity=0.7, individualism=0.2, "
                  "fatalism=0.4, malign_hierarchy=1/3)",
)


# ----- q3: apply ------------------------------------------------------------------------------
def _check_configuration(answer: Any) -> Feedback:
    right = classify(TRUST)
    names = {c.name for c in all_configurations()}
    text = answer.name if hasattr(answer, "name") and not isinstance(answer, str) else str(answer)
    text = normalise(text)
    names = {normalise(n) for n in names}
    if text == normalise(right.name):
        return Feedback.correct("Strong hierarchy and solidarity, weak individualism, fatalism "
                                "(0.4) still below the 0.5 threshold")
    if text == normalise(right.kind.value):
        return Feedback.wrong(f"Right family ({right.kind.value}) — now give the full name, "
                              "which says which form is weak")
    if text not in names:
        if match_word(text, [right.name]) is not None:  # one slip in the right name
            return Feedback.correct(f"Check the spelling, though: the kit writes it {right.name!r}")
        inside = [n for n in names if n in text and n != text]
        if inside or right.kind.value in text:
            return Feedback.wrong("Give only the configuration's name, as ck.classify writes it (e.g. "
                                  "'balanced' or 'deficit culture: weak solidarity'), without a reason "
                                  "around it")
        return Feedback.wrong("Give one configuration's name, as ck.classify writes it (e.g. 'balanced' "
                              "or 'deficit culture: weak solidarity')")
    return Feedback.wrong("That is the configuration of a different organisation. Which modes "
                          "reach the 0.5 threshold?")


q3 = Question(
    "q3", "configuration", _check_configuration,
    hint_text="A mode is strong at 0.5 or more; fatalism counts only when it reaches 0.5 too. "
              "Find the matching name in ck.configuration.table().",
    solution_text="configuration = ck.classify(trust).name   # 'deficit culture: weak "
                  "individualism'",
)


# ----- q4: analysis ---------------------------------------------------------------------------
def _check_same_evenness(answer: Any) -> Feedback:
    if not (isinstance(answer, tuple | list) and len(answer) == 2
            and all(isinstance(p, Profile) for p in answer)):
        return Feedback.wrong("Give a pair of profiles: (ck.Profile(...), ck.Profile(...))")
    a, b = answer
    if sum(a.benign_strengths) == 0 or sum(b.benign_strengths) == 0:
        return Feedback.wrong("Each profile needs some benign active strength, or its evenness "
                              "is undefined")
    ea, eb = float(evenness(a.benign_strengths)), float(evenness(b.benign_strengths))
    if abs(ea - eb) > 0.01:
        return Feedback.wrong(f"Their Pielou evenness differs: {ea:.3f} and {eb:.3f}. Scaling every "
                              "active strength by the same factor keeps evenness the same")
    gap = abs(balance_index(a) - balance_index(b))
    if gap < 0.3:
        return Feedback.wrong(f"Same evenness, but the scores differ by only {gap:.2f}. What else "
                              "goes into the score? Try strength, malign share or fatalism")
    return Feedback.correct(f"Evenness {ea:.2f} for both, scores {balance_index(a):.2f} and "
                            f"{balance_index(b):.2f}: evenness is only one factor of balance")


q4 = Question(
    "q4", "same_evenness", _check_same_evenness,
    hint_text="Evenness ignores how strong the modes are. Keep the shares, change the strength.",
    solution_text="same_evenness = (ck.Profile(0.9, 0.9, 0.9, 0.0), ck.Profile(0.2, 0.2, 0.2, 0.0))"
                  "\nBoth are perfectly even; scores 0.90 and 0.20.",
)


# ----- q5: design -----------------------------------------------------------------------------
_START = ARCHETYPES["traditional public sector"]


def _check_rebalance(answer: Any) -> Feedback:
    if not isinstance(answer, Profile):
        return Feedback.wrong("Give a ck.Profile: start from ARCHETYPES['traditional public "
                              "sector'] and use .replace(...)")
    changed = {k: (v, getattr(answer, k)) for k, v in _START.to_dict().items()
               if not math.isclose(v, getattr(answer, k), abs_tol=1e-9)}
    if len(changed) > 2:
        return Feedback.wrong(f"You changed {len(changed)} values ({', '.join(changed)}); the task "
                              "allows two")
    too_far = [k for k, (old, new) in changed.items() if abs(new - old) > 0.3 + 1e-9]
    if too_far:
        return Feedback.wrong(f"{', '.join(too_far)} moved by more than 0.3")
    config = classify(answer)
    if config.kind is not Kind.BALANCED:
        return Feedback.wrong(f"It is now '{config.name}'. Which mode is weak, and what else is "
                              "dragging the score down?")
    score = balance_index(answer)
    if score < 0.45:
        return Feedback.wrong(f"Balanced, but the score is only {score:.2f}. Which change would "
                              "remove something that drags the score down?")
    return Feedback.correct(f"Balanced, with a score of {score:.2f}")


q5 = Question(
    "q5", "rebalanced", _check_rebalance,
    hint_text="Individualism must reach 0.5 for a balanced configuration. The score is a product: "
              "the second change should cut a factor that drags it down (malign hierarchy or "
              "fatalism).",
    solution_text="rebalanced = ARCHETYPES['traditional public sector'].replace(individualism=0.55, "
                  "malign_hierarchy=0.0)\nIndividualism crosses the threshold; removing the "
                  "overbearing part of hierarchy lifts the score to about 0.48.",
)


# ----- q6: open -------------------------------------------------------------------------------
q6 = OpenQuestion(
    "q6",
    model_answer=(
        "Evenness is necessary but not sufficient. An organisation in which hierarchy, solidarity "
        "and individualism are all equally feeble is perfectly even, yet nothing organises change "
        "in it; the theory asks for all three to be articulated, so strength must count. Malign "
        "strength should not count as articulation either, and despair saps all three. "
        "The kit's index multiplies evenness by strength, the benign share and one minus "
        "despair (fatalism's malign face) so that none of these can make up for another; a "
        "different weighting would be defensible, which is why the index is a teaching device "
        "rather than a measure."
    ),
    rubric=[
        "gives a concrete case where evenness and the theory disagree (e.g. uniformly weak)",
        "names at least two other factors (strength, malign forms, fatalism)",
        "says why combining them multiplicatively (or otherwise) matters",
        "acknowledges that the index is a construction, not a validated measure",
    ],
)

#: One deliberately wrong answer per task and a phrase its feedback must contain: the tests use
#: it, and it shows lecturers what the feedback looks like.
WRONG_ANSWERS: dict[str, tuple[Any, str]] = {
    "q2": (Profile(0.9, 0.7, 0.2, 0.4), "malign_hierarchy is 0; a third of hierarchy"),
    "q3": ("deficit culture", "Right family"),
    "q4": ((Profile(0.9, 0.9, 0.9, 0), Profile(0.8, 0.8, 0.8, 0)), "differ by only 0.10"),
    "q5": (Profile(0.85, 0.7, 0.55, 0.3, malign_hierarchy=0.3), "Balanced, but the score is only"),
}
