"""Exercises for chapter 2, diagnose your organisation: from scoring answers to designing them.

Every right answer is computed with :mod:`coordkit.survey` (and the synthetic class it ships), so
the checks follow the scoring rules if they are ever changed.

Examples
--------
>>> q1.evaluate({"mix": [24, 40, 24, 12], "strength": [0.75, 0.5, 0.25, 0.25]}).status
'correct'
>>> q1.evaluate({"mix": [24, 40, 24, 12], "strength": [0.6, 1.0, 0.6, 0.3]}).message[:35]
"'strength' is score / 40: the kit's"
>>> RESPONDENT_NOW.mean(axis=0).tolist()
[25.0, 38.333333333333336, 23.333333333333332, 11.666666666666666]
>>> q2.evaluate("cohesion").message
'In cohesion, 15 points move between now and preferred; in another dimension more do. Compare all six'
>>> q4.evaluate("Estates").status
'wrong'

The numbers quoted in the solutions, recomputed:

>>> survey.mode_scores(RESPONDENT_NOW, use=survey.complete_dimensions(RESPONDENT_NOW)).tolist()
[24.0, 40.0, 24.0, 12.0]
>>> max(_points_moved().items(), key=lambda kv: kv[1])
('decisions', 25.000000000000004)
>>> n = _closure_numbers()
>>> [round(n[k], 2) for k in ("with_fatalism", "without_fatalism", "mean_correlation")]
[-0.17, -0.28, -0.33]
>>> round(n["log_ratio_variance"], 3), round(n["log_ratio_variance_three"], 3)
(0.477, 0.477)
>>> worst = min(_team_analysis().groups, key=lambda g: g.balance_now.score)
>>> worst.label, round(worst.balance_now.score, 2)
('Ward B', 0.29)
>>> design = [[60, 15, 15, 10], [15, 60, 15, 10], [15, 15, 60, 10]] * 2
>>> round(report(survey.profile_from_scores(survey.mode_scores(design))).score, 2), survey.congruence(design)
(0.56, 0.7)
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any, cast

import numpy as np
from numpy.typing import NDArray

from coordkit import survey
from coordkit.balance import report
from coordkit.configuration import Kind, classify
from coordkit.exercises import Feedback, OpenQuestion, Question, ____, normalise
from coordkit.modes import ALL_MODES
from coordkit.profile import Profile

__all__ = [
    "CLR_CHOICES",
    "DESIGN_DOMINANT",
    "DESIGN_MIN_FATALISM",
    "DESIGN_MIN_SCORE",
    "RESPONDENT_ID",
    "RESPONDENT_NOW",
    "RESPONDENT_RATINGS",
    "WRONG_ANSWERS",
    "____",
    "q1",
    "q2",
    "q3",
    "q4",
    "q5",
    "q6",
]

#: Task 1: a library assistant's "now" answers (rows: the six dimensions in questionnaire order;
#: columns: hierarchy, solidarity, individualism, fatalism). The fourth row adds up to 90. A read-only
#: numpy array, so numpy's methods (``RESPONDENT_NOW.mean(axis=0)``) work on it as on the chapter's arrays.
RESPONDENT_NOW: NDArray[np.int64] = np.array([
    (30, 40, 20, 10),
    (20, 50, 20, 10),
    (25, 25, 40, 10),
    (30, 30, 20, 10),
    (20, 40, 20, 20),
    (25, 45, 20, 10),
], dtype=np.int64)
RESPONDENT_NOW.flags.writeable = False

#: Task 1: her strength ratings of the four modes (H, S, I, F), 1 (absent) to 5 (very strong).
RESPONDENT_RATINGS: NDArray[np.int64] = np.array([4, 3, 2, 2], dtype=np.int64)
RESPONDENT_RATINGS.flags.writeable = False

#: Task 2: the respondent of the synthetic class whose answers are compared.
RESPONDENT_ID = "S026"

#: Task 3: four statements about what the centred log-ratio does; one is right.
CLR_CHOICES: dict[str, str] = {
    "A": "It rescales each respondent's scores to add up to 1 instead of 100, which frees them from the "
         "constraint.",
    "B": "It replaces each score by the log of its ratio to the respondent's geometric mean, so all it "
         "says is how modes compare; and the ratio of two modes does not change when another mode is "
         "dropped or the total changes.",
    "C": "It leaves fatalism out, so that the three active modes can vary freely.",
    "D": "It turns the scores into numbers whose correlations can be read like any other correlations.",
}
_CLR_RIGHT = "B"
_CLR_FEEDBACK = {
    "A": "Scores that add up to 1 are as closed as scores that add up to 100: any fixed total builds in "
         "the same pull between modes, and the clr does not produce a fixed total at all",
    "C": "Your own numbers say otherwise: the three re-closed scores still add up to 100, and dropping "
         "fatalism only changed the correlation. The clr keeps all four modes",
    "D": "clr values add up to zero for every respondent, so their correlations carry a constraint of "
         "their own; read how two modes go together from the variance of their log-ratio "
         "(survey.variation_matrix)",
}

#: Task 5: every dimension gives fatalism at least this many points...
DESIGN_MIN_FATALISM = 10
#: ... and gives one active mode at least this many ...
DESIGN_DOMINANT = 50
#: ... and the profile must be balanced with at least this balance index (the kit's).
DESIGN_MIN_SCORE = 0.55


def _dimensions() -> tuple[str, ...]:
    return survey.questionnaire().dimensions


def _as_points(answer: Any) -> np.ndarray | None:
    """The answer as a float array, or None if it is not numbers."""
    if isinstance(answer, str | bytes | dict):
        return None
    try:
        return np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return None


def _is_number(value: Any) -> bool:
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    return isinstance(value, int | float | np.integer | np.floating) and not isinstance(value, bool)


# ----- q1: apply ------------------------------------------------------------------------------
_READING_KEYS = ("mix", "strength")


def _mix(*, all_dimensions: bool = False) -> np.ndarray:
    """Mode scores of :data:`RESPONDENT_NOW`: right (complete dimensions only) or the common slip."""
    if all_dimensions:
        return survey.mode_scores(RESPONDENT_NOW)
    return survey.mode_scores(RESPONDENT_NOW, use=survey.complete_dimensions(RESPONDENT_NOW))


def _strength() -> np.ndarray:
    """Strengths from :data:`RESPONDENT_RATINGS`: (rating - 1) / 4, chapter 2's rule."""
    return (RESPONDENT_RATINGS.astype(float) - 1.0) / 4.0


def _incomplete() -> str:
    """The dimensions of :data:`RESPONDENT_NOW` that do not add up to 100, with their totals."""
    totals = survey.dimension_totals(RESPONDENT_NOW)
    ok = survey.complete_dimensions(RESPONDENT_NOW)
    return ", ".join(f"{d} ({t:g} points)" for d, t, good in zip(_dimensions(), totals, ok, strict=True)
                     if not good)


def _same(values: np.ndarray, right: np.ndarray, tol: float) -> bool:
    return values.shape == right.shape and bool(np.allclose(values, right, atol=tol, rtol=0.0))


def _check_mix(values: np.ndarray | None) -> Feedback | None:
    right = _mix()
    if values is None or values.shape != (4,):
        return Feedback.wrong("'mix' should be four numbers, her scores for H, S, I, F")
    if _same(values, right, 0.5):
        return None
    if _same(values, _mix(all_dimensions=True), 0.5):
        return Feedback.wrong(f"'mix': you counted {_incomplete()}. The kit leaves out a dimension whose "
                              "points do not add up to 100 (give or take 1): use only the complete ones")
    if _same(values, right / survey.TOTAL, 0.005):
        return Feedback.wrong("'mix': those are shares of 1. Give the scores in points out of 100, as "
                              "survey.mode_scores does")
    return Feedback.wrong("'mix' is off. Average each mode's points over the dimensions that add up to "
                          "100: survey.mode_scores(RESPONDENT_NOW, use=survey.complete_dimensions(...))")


def _check_strength(values: np.ndarray | None) -> Feedback | None:
    right, ratings = _strength(), RESPONDENT_RATINGS.astype(float)
    if values is None or values.shape != (4,):
        return Feedback.wrong("'strength' should be four numbers from 0 to 1, one per mode")
    if _same(values, right, 0.01):
        return None
    if _same(values, np.clip(_mix() / 40.0, 0.0, 1.0), 0.01):
        return Feedback.wrong("'strength' is score / 40: the kit's stand-in for answers with no strength "
                              "ratings at all. She rated every mode, and points never stand in for "
                              "ratings: read strength from RESPONDENT_RATINGS")
    if _same(values, _mix() / survey.TOTAL, 0.01):
        return Feedback.wrong("'strength' is her share of the points: that is the mix again. Strength "
                              "comes from her ratings, RESPONDENT_RATINGS")
    if _same(values, ratings, 0.01):
        return Feedback.wrong("'strength' holds the ratings themselves (1 to 5). Turn each into a "
                              "strength from 0 to 1: 1 (absent) gives 0, 5 (very strong) gives 1")
    if _same(values, ratings / 5.0, 0.01):
        return Feedback.wrong("'strength': rating / 5 gives 0.2 for 'absent'. The scale starts at 1, so "
                              "a strength is (rating - 1) / 4: 1 gives 0, 5 gives 1")
    return Feedback.wrong("'strength' is off. Each rating r gives the strength (r - 1) / 4")


def _check_reading(answer: Any) -> Feedback:
    if isinstance(answer, Profile):
        return Feedback.wrong("A Profile holds strengths only, so it hides the mix. Give a dict with "
                              "two keys: {'mix': her four scores, 'strength': her four strengths}")
    if not isinstance(answer, dict):
        return Feedback.wrong("Give a dict: {'mix': her four scores, 'strength': her four strengths}")
    missing = [k for k in _READING_KEYS if k not in answer]
    if missing:
        return Feedback.wrong(f"Your dict has no {' or '.join(repr(k) for k in missing)}")
    for check, key in ((_check_mix, "mix"), (_check_strength, "strength")):
        feedback = check(_as_points(answer[key]))
        if feedback is not None:
            return feedback
    mix, strength = _mix(), _strength()
    most, rated = int(mix.argmax()), int(strength.argmax())
    return Feedback.correct(
        f"{ALL_MODES[most].label} gets the most points ({mix[most]:g} of 100), yet she rates it only "
        f"{survey.rating_word(float(strength[most]))}; {ALL_MODES[rated].value}, with {mix[rated]:g} "
        f"points, is the mode she rates {survey.rating_word(float(strength[rated]))}. The points give "
        f"the mix, the ratings the strength, and the two can disagree. Left out of the mix: {_incomplete()}")

q1 = Question(
    "q1", "reading", _check_reading,
    hint_text="The mix: first find which dimensions add up to 100 (survey.complete_dimensions), then "
              "average each mode's points over those only (survey.mode_scores(..., use=...)). The "
              "strength: one number per rating, 1 (absent) giving 0 and 5 (very strong) giving 1.",
    solution_text="complete = survey.complete_dimensions(RESPONDENT_NOW)   # the 4th row adds up to 90\n"
                  "reading = {'mix': survey.mode_scores(RESPONDENT_NOW, use=complete),   # [24, 40, 24, 12]\n"
                  "           'strength': (RESPONDENT_RATINGS - 1) / 4}   # [0.75, 0.5, 0.25, 0.25]\n"
                  "Solidarity gets the most points but she rates it only moderate, and hierarchy, with "
                  "24 points, strong: points say how the modes compare, ratings how strong each is. "
                  "(Only for old answers with no ratings at all does the kit fall back on score / 40, "
                  "and it labels such a strength as inferred.)",
)


# ----- q2: apply ------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _points_moved() -> dict[str, float]:
    """Points that move between now and preferred, per dimension, for :data:`RESPONDENT_ID`."""
    responses = survey.synthetic_class()
    k = responses.ids.index(RESPONDENT_ID)
    now = survey.mode_scores(responses.now[k][:, None, :])  # each dimension rescaled to 100
    preferred = survey.mode_scores(responses.preferred[k][:, None, :])
    moved = 0.5 * np.abs(preferred - now).sum(axis=-1)
    return {d: float(v) for d, v in zip(_dimensions(), moved, strict=True)}


def _check_biggest_change(answer: Any) -> Feedback:
    dims = _dimensions()
    if not isinstance(answer, str):
        return Feedback.wrong(f"Give the dimension's key as a string, one of {', '.join(dims)}")
    text = normalise(answer)
    keys = {normalise(d): d for d in dims} | {normalise(h): d
                                               for d, h in survey.questionnaire().headings.items()}
    if text in {m.value for m in ALL_MODES}:
        return Feedback.wrong(f"{answer} is a mode; the task asks for a dimension, one of {', '.join(dims)}")
    if text not in keys:
        return Feedback.wrong(f"{answer!r} is not a dimension; use one of {', '.join(dims)}")
    moved = _points_moved()
    best = max(moved, key=moved.__getitem__)
    chosen = keys[text]
    if chosen == best:
        return Feedback.correct(f"{moved[best]:g} points move in {best}, more than in any other dimension")
    return Feedback.wrong(f"In {chosen}, {moved[chosen]:g} points move between now and preferred; in "
                          "another dimension more do. Compare all six")


q2 = Question(
    "q2", "biggest_change", _check_biggest_change,
    hint_text="Take the respondent's now and preferred rows (responses.now[k], responses.preferred[k], "
              "with k = responses.ids.index(RESPONDENT_ID)). For each dimension, add up the absolute "
              "differences of its four statements and halve the total.",
    solution_text="responses = survey.synthetic_class()\n"
                  "k = responses.ids.index(RESPONDENT_ID)\n"
                  "moved = 0.5 * abs(responses.preferred[k] - responses.now[k]).sum(axis=1)\n"
                  "biggest_change = survey.questionnaire().dimensions[moved.argmax()]   # 'decisions'\n"
                  "25 points move in 'how are decisions made': this Ward B respondent wants decisions to "
                  "rest far less on formal authority than they do now.",
)


# ----- q3: analysis ---------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _closure_numbers() -> dict[str, float]:
    """S-I correlations in the synthetic class: raw, re-closed without fatalism, and two slips."""
    responses = survey.synthetic_class()
    now, preferred = responses.scores("now"), responses.scores("preferred")
    three = now[:, :3] / now[:, :3].sum(axis=1, keepdims=True) * survey.TOTAL
    s, i = 1, 2

    def r(x: np.ndarray) -> float:
        return float(np.corrcoef(x[:, s], x[:, i])[0, 1])

    return {
        "with_fatalism": r(now), "without_fatalism": r(three), "preferred": r(preferred),
        "clr": r(survey.clr(now)), "log_ratio_variance": float(survey.variation_matrix(now)[s, i]),
        "log_ratio_variance_three": float(survey.variation_matrix(three)[s, i]),
        "mean_correlation": float(cast(np.ndarray, np.corrcoef(now.T))[np.triu_indices(4, 1)].mean()),
    }


_CLOSURE_KEYS = ("with_fatalism", "without_fatalism", "statement")


def _check_closure(answer: Any) -> Feedback:
    if not isinstance(answer, dict):
        return Feedback.wrong("Give a dict: {'with_fatalism': ..., 'without_fatalism': ..., "
                              "'statement': 'A', 'B', 'C' or 'D'}")
    missing = [k for k in _CLOSURE_KEYS if k not in answer]
    if missing:
        return Feedback.wrong(f"Your dict has no {', '.join(repr(k) for k in missing)}")
    n = _closure_numbers()
    r4, r3 = answer["with_fatalism"], answer["without_fatalism"]
    if not (_is_number(r4) and _is_number(r3)):
        return Feedback.wrong("'with_fatalism' and 'without_fatalism' should be numbers (correlations)")
    if not math.isclose(r4, n["with_fatalism"], abs_tol=0.01):
        if math.isclose(r4, n["preferred"], abs_tol=0.01):
            return Feedback.wrong("'with_fatalism' is the correlation of the preferred scores; the task "
                                  "asks about now")
        if math.isclose(r4, n["clr"], abs_tol=0.01):
            return Feedback.wrong("'with_fatalism' is the correlation of clr values; the task asks for "
                                  "the raw scores first")
        return Feedback.wrong("'with_fatalism' is not the correlation between solidarity and "
                              "individualism now scores. Use np.corrcoef(scores_now[:, 1], "
                              "scores_now[:, 2])[0, 1] with scores_now = responses.scores('now')")
    if not math.isclose(r3, n["without_fatalism"], abs_tol=0.01):
        if math.isclose(r3, r4, abs_tol=1e-6):
            return Feedback.wrong("'without_fatalism' equals 'with_fatalism'. Drop the fatalism column "
                                  "and re-close the other three so that each row adds up to 100 again")
        return Feedback.wrong("'without_fatalism' is off. Keep the first three columns, divide each row "
                              "by its sum and multiply by 100, then correlate solidarity and "
                              "individualism again")
    statement = str(answer["statement"]).strip().upper()
    if statement not in CLR_CHOICES:
        return Feedback.wrong("'statement' should be one of the letters A, B, C, D (print CLR_CHOICES)")
    if statement != _CLR_RIGHT:
        return Feedback.wrong(f"Both correlations are right. Statement {statement}: "
                              f"{_CLR_FEEDBACK[statement]}")
    flipped = (r4 > 0) != (r3 > 0)
    change = "the sign flips" if flipped else f"it moves by {abs(r3 - r4):.2f}"
    return Feedback.correct(
        f"The correlation is {n['with_fatalism']:+.2f} with fatalism and {n['without_fatalism']:+.2f} "
        f"without: {change} although no answer changed. The variance of ln(S/I) is "
        f"{n['log_ratio_variance']:.3f} both ways: ratios do not depend on which other modes were asked")


q3 = Question(
    "q3", "closure", _check_closure,
    hint_text="scores_now = survey.synthetic_class().scores('now') has one row per respondent and "
              "columns H, S, I, F. For the second number keep scores_now[:, :3] and rescale each row to "
              "add up to 100. Then read CLR_CHOICES and survey.clr's definition: what does a "
              "log-ratio not change with?",
    solution_text="scores_now = survey.synthetic_class().scores('now')\n"
                  "three = scores_now[:, :3] / scores_now[:, :3].sum(axis=1, keepdims=True) * 100\n"
                  "closure = {'with_fatalism': np.corrcoef(scores_now[:, 1], scores_now[:, 2])[0, 1],\n"
                  "           'without_fatalism': np.corrcoef(three[:, 1], three[:, 2])[0, 1],\n"
                  "           'statement': 'B'}   # -0.17, -0.28, 'B'\n"
                  "Because each row adds up to 100, giving one mode more points takes them from the "
                  "others: the six correlations of the four raw scores average about -1/3 whatever "
                  "people think, and the correlation of two modes depends on which other modes were "
                  "asked about (here it moves from -0.17 to -0.28). Log-ratios depend only on how two "
                  "modes compare: survey.variation_matrix gives var(ln S/I) = 0.477 with or without "
                  "fatalism.",
)


# ----- q4: analysis ---------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _team_analysis() -> survey.ClassAnalysis:
    return survey.analyse(survey.synthetic_class(), group_column="team")


def _check_least_balanced(answer: Any) -> Feedback:
    analysis = _team_analysis()
    plan = analysis.plan
    suppressed = plan.suppressed if plan else ()
    secondary = plan.secondary if plan else ()
    min_size = analysis.min_group
    scores = {g.label: g.balance_now.score for g in analysis.groups}
    label = getattr(answer, "label", answer)
    if not isinstance(label, str):
        return Feedback.wrong(f"Give a group's label as a string, one of: {'; '.join(scores)}")
    text = label.strip().lower()
    by_name = {name.lower(): name for name in scores}
    if text in {g.lower() for g in suppressed}:
        return Feedback.wrong(f"{label.strip()} has fewer than {min_size} respondents, so the report "
                              "does not show it: its members could be singled out. Choose among the "
                              "groups the report shows")
    if text in {g.lower() for g in secondary}:
        return Feedback.wrong(f"{label.strip()} is big enough, but the report pools it with a small group "
                              "so that the small one cannot be worked out by subtraction. Choose among "
                              "the groups the report shows")
    if text == "whole class":
        return Feedback.wrong("That is the whole class; the task asks which group")
    if text not in by_name:
        return Feedback.wrong(f"{label!r} is not a group the report shows; use one of: {'; '.join(scores)}")
    name = by_name[text]
    worst = min(scores, key=scores.__getitem__)
    if name == worst:
        g = next(g for g in analysis.groups if g.label == name)
        return Feedback.correct(f"{name} scores {scores[name]:.2f} now ('{g.configuration_now.name}'); "
                                f"the profile its members prefer scores {g.balance_preferred.score:.2f}")
    return Feedback.wrong(f"{name}'s balance index now is {scores[name]:.2f}; another group the report "
                          "shows scores lower")


q4 = Question(
    "q4", "least_balanced", _check_least_balanced,
    hint_text="analysis = survey.analyse(survey.synthetic_class(), group_column='team'); each of "
              "analysis.groups has a .label and a .balance_now.score. analysis.plan.note() says which "
              "teams are not shown, and why.",
    solution_text="analysis = survey.analyse(survey.synthetic_class(), group_column='team')\n"
                  "least_balanced = min(analysis.groups, key=lambda g: g.balance_now.score).label   "
                  "# 'Ward B'\n"
                  "Ward B has strong hierarchy showing more of its malign than its benign side: its score "
                  "now is 0.29. "
                  "Estates, had it been shown, would score lower still; but with fewer than five "
                  "respondents it is suppressed, and the Community team is pooled with it so that it "
                  "cannot be worked out by subtraction.",
)


# ----- q5: design -----------------------------------------------------------------------------
def _check_balanced_design(answer: Any) -> Feedback:
    dims = _dimensions()
    points = _as_points(answer)
    if points is None or points.shape != (len(dims), len(ALL_MODES)):
        return Feedback.wrong(f"Give {len(dims)} rows (one per dimension) of four numbers each: "
                              "hierarchy, solidarity, individualism, fatalism")
    if not np.all(np.isfinite(points)) or np.any(points < 0):
        return Feedback.wrong("Points must be numbers of 0 or more")
    totals = points.sum(axis=1)
    bad = [f"{d} ({t:g})" for d, t, ok in zip(dims, totals, survey.complete_dimensions(points), strict=True)
           if not ok]
    if bad:
        return Feedback.wrong(f"Every dimension must share out 100 points; these do not: {', '.join(bad)}")
    low_f = [f"{d} ({p:g})" for d, p in zip(dims, points[:, 3], strict=True) if p < DESIGN_MIN_FATALISM]
    if low_f:
        return Feedback.wrong(f"Give fatalism at least {DESIGN_MIN_FATALISM} points in every dimension "
                              f"(no organisation is free of it); too few in {', '.join(low_f)}")
    shared = [d for d, row in zip(dims, points, strict=True) if row[:3].max() < DESIGN_DOMINANT]
    if shared:
        return Feedback.wrong(f"In {', '.join(shared)} no active mode has at least {DESIGN_DOMINANT} "
                              "points: the task asks for a leading mode in every dimension")
    profile = survey.profile_from_scores(survey.mode_scores(points))
    config = classify(profile, strong=survey.STRONG)
    strengths = ", ".join(f"{m.initial} {s:.2f}" for m, s in zip(ALL_MODES, profile.strengths, strict=True))
    if config.kind is not Kind.BALANCED:
        return Feedback.wrong(f"Its profile is '{config.name}' ({strengths}). Balance is about the "
                              "whole: which mode leads in how many dimensions?")
    score = report(profile).score
    if score < DESIGN_MIN_SCORE:
        return Feedback.wrong(f"Balanced, but the balance index is only {score:.2f} ({strengths}). Even "
                              "out the active modes' totals, or give fatalism less")
    c = survey.congruence(points)
    return Feedback.correct(f"Balanced overall (score {score:.2f}), yet each dimension is run by one mode: "
                            f"congruence only {c:.2f}. A profile is an average over dimensions; "
                            "congruence shows what it hides")


q5 = Question(
    "q5", "balanced_design", _check_balanced_design,
    hint_text=f"Let each active mode lead in two of the six dimensions, with {DESIGN_DOMINANT} or more "
              f"points, and give fatalism exactly {DESIGN_MIN_FATALISM} everywhere. Check with "
              "survey.score_answers(design, design).configuration_now.name (with no ratings, strength now "
              "is read from the points; a preferred profile is only classified from preferred ratings).",
    solution_text="balanced_design = [[60, 15, 15, 10], [15, 60, 15, 10], [15, 15, 60, 10],\n"
                  "                   [60, 15, 15, 10], [15, 60, 15, 10], [15, 15, 60, 10]]\n"
                  "Each active mode leads in two dimensions, so the three averages are equal (30 each) "
                  "and the profile is balanced with a score of 0.56, while no dimension is: congruence "
                  "is 0.70. Averages can hide an organisation that runs decisions one way and failure "
                  "another.",
)


# ----- q6: open -------------------------------------------------------------------------------
q6 = OpenQuestion(
    "q6",
    model_answer=(
        "A self-report questionnaire records how one person sees the organisation from where they "
        "sit: a ward nurse and a director can describe the same trust differently, and both are "
        "right about their own corner. Answers lean towards what people think they ought to say, "
        "'preferred' tends to be an ideal rather than a choice with costs, and the divide-100 format "
        "only says how the modes compare, never how strong any of them is. The statements are keyed "
        "to modes by the kit's judgement and the instrument has not been validated, so the result is "
        "a prompt for discussion, not a measurement. Privacy bites hardest where the news is worst: "
        "in the synthetic class the team that looks most fatalistic has fewer than five members, so "
        "the report hides it, and pools a second team with it so that the first cannot be worked out "
        "by subtraction. A lecturer or manager who wants to act on a small team's problems must ask "
        "them, with their consent, rather than read it off a report; and a report that named them "
        "could make the fatalism it measures worse."
    ),
    rubric=[
        "names at least two limits of self-report (position in the organisation, social desirability, "
        "idealised 'preferred' answers, relative divide-100 scores, unvalidated items)",
        "explains why small groups are suppressed and why a second group may be pooled "
        "(working a group out by subtraction)",
        "notices the tension: the group that most needs attention may be the one the report hides",
        "proposes something better than more data: conversation, consent, triangulation with other "
        "evidence",
    ],
)

#: One deliberately wrong answer per task and a phrase its feedback must contain: the tests use
#: it, and it shows lecturers what the feedback looks like.
WRONG_ANSWERS: dict[str, tuple[Any, str]] = {
    "q1": ({"mix": survey.mode_scores(RESPONDENT_NOW), "strength": [0.75, 0.5, 0.25, 0.25]},
           "you counted change (90 points)"),
    "q2": ("rewards", "in another dimension more do"),
    "q3": ({"with_fatalism": -0.168, "without_fatalism": -0.276, "statement": "D"},
           "carry a constraint of their own"),
    "q4": ("Estates", "fewer than 5 respondents, so the report does not show it"),
    "q5": ([[30, 30, 30, 10]] * 6, "no active mode has at least 50 points"),
}
