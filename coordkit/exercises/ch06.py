"""Exercises for chapter 6, fractal systems: from recall to design.

Every right answer is computed with :mod:`coordkit.models.agents` on small structures (a few
dozen staff), so the checks take milliseconds and follow the teaching model if its rules change.

Examples
--------
>>> q1.evaluate({"central_targets": "hierarchy", "devolution": "solidarity",
...              "incentives": "individualism", "overload": "fatalism"}).status
'correct'
>>> q4.evaluate(fractal_balance()).status
'wrong'
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np

from coordkit.configuration import Kind, all_configurations
from coordkit.exercises import Feedback, OpenQuestion, Question, ____
from coordkit.models.agents import (
    AgentLevers,
    AgentRun,
    Structure,
    balanced_counts,
    balanced_nation_of_monocultures,
    balanced_team_in_monoculture,
    configurations_by_level,
    fractal_balance,
    fractal_verdict,
    is_even_mix,
    simulate,
    sweep,
    team_pressures,
)
from coordkit.modes import ALL_MODES, parse_mode

__all__ = [
    "DESIGN",
    "EVENNESS_TARGET",
    "SEED",
    "STEPS",
    "STRUCTURE",
    "SWEEP_SEEDS",
    "SWEEP_STRUCTURE",
    "SWEEP_VALUES",
    "WRONG_ANSWERS",
    "____",
    "q1",
    "q2",
    "q3",
    "q4",
    "q5",
    "q6",
]

#: Steps and seed of every run in these exercises (the checks use them too).
STEPS, SEED = 120, 0
#: Task 2: one ICS, two providers, four teams each, six staff per team.
STRUCTURE = Structure(ics=1, providers=2, teams=4, staff=6)
#: Task 3: the sweep's structure, the values of the reverse effect, the seeds and the target.
SWEEP_STRUCTURE = Structure(ics=1, providers=2, teams=3, staff=5)
SWEEP_VALUES = (0.0, 0.5, 1.0, 1.5, 2.0)
SWEEP_SEEDS = (0, 1, 2)
EVENNESS_TARGET = 0.65
#: Tasks 4 and 5: one ICS, three providers of four teams, five staff per team.
DESIGN = Structure(ics=1, providers=3, teams=4, staff=5)

#: The levers that push staff towards one mode (autonomy only weighs the team's own leaning).
_PUSHING = ("central_targets", "devolution", "incentives", "overload")
_KINDS = {c.name: c.kind for c in all_configurations()}


def _is_monoculture(name: str) -> bool:
    return _KINDS.get(name) is Kind.MONOCULTURE


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


# ----- q1: recall -----------------------------------------------------------------------------
def _pushes() -> dict[str, str]:
    """The mode each lever pushes towards, read from the model's own pressures."""
    quiet: dict[str, Any] = dict.fromkeys(_PUSHING, 0.0)  # lever keywords of AgentLevers
    out = {}
    for lever in _PUSHING:
        weighted, _ = team_pressures(AgentLevers(**{**quiet, lever: 1.0}, autonomy=0.0),
                                     Structure(1, 1, 1, 1))
        out[lever] = ALL_MODES[int(np.argmax(weighted[0]))].value
    return out


def _check_pushes(answer: Any) -> Feedback:
    if not isinstance(answer, dict):
        return Feedback.wrong("Give a dict mapping each lever to a mode, e.g. "
                              "{'central_targets': 'hierarchy', ...}")
    if "autonomy" in answer:
        return Feedback.wrong("Leave autonomy out: it pushes towards no mode of its own; it says "
                              "how far a team follows its own leaning rather than the other levers")
    right = _pushes()
    missing = [lever for lever in right if lever not in answer]
    if missing:
        return Feedback.wrong(f"You have not given a mode for {', '.join(missing)}")
    unknown = [str(k) for k in answer if k not in right]
    if unknown:
        return Feedback.wrong(f"{', '.join(unknown)} is not one of the four levers asked for")
    wrong = []
    for lever, mode in answer.items():
        try:
            if parse_mode(mode).value != right[lever]:
                wrong.append(lever)
        except (ValueError, TypeError):
            return Feedback.wrong(f"{mode!r} is not a mode: use hierarchy, solidarity, "
                                  "individualism or fatalism")
    if wrong:
        return Feedback.wrong(f"Check {', '.join(wrong)}: which level does each lever act at, and "
                              "what kind of coordination does it stand for there?")
    return Feedback.correct("Targets from the centre, partnership in places, incentives for "
                            "providers, and overload that reaches everyone")


q1 = Question(
    "q1", "pushes", _check_pushes,
    hint_text="Look at the table of levers in 'How it works', or print "
              "agents.AgentLevers.specs(): each lever's meaning says what it pushes.",
    solution_text=("pushes = {'central_targets': 'hierarchy', 'devolution': 'solidarity', "
                   "'incentives': 'individualism', 'overload': 'fatalism'}\nAutonomy pushes no "
                   "mode: it weighs the team's own leaning against the others."),
)


# ----- q2: apply ------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _island() -> AgentRun:
    return simulate(STRUCTURE, balanced_team_in_monoculture(STRUCTURE), steps=STEPS, seed=SEED)


def _check_island(answer: Any) -> Feedback:
    if not (isinstance(answer, tuple | list) and len(answer) == 2):
        return Feedback.wrong("Give a pair: (number of evenly mixed teams, the nation's configuration)")
    count, nation = answer
    if isinstance(count, bool) or not isinstance(count, int | np.integer):
        return Feedback.wrong("The first item is a whole number of teams")
    if not isinstance(nation, str):
        return Feedback.wrong("The second item is a configuration name, as a string")
    names = configurations_by_level(_island())
    right_count = balanced_counts(names)["team"][0]
    right_nation = names["nation"][0]
    teams = len(names["team"])
    if nation.strip().lower() != right_nation:
        if is_even_mix(nation.strip().lower()):
            return Feedback.wrong("The evenly mixed team does not make the nation evenly mixed: read the "
                                  "configuration of the nation, not of the team")
        return Feedback.wrong("That is not the nation's configuration: look at "
                              "agents.configurations_by_level(run)['nation']")
    if count != right_count:
        return Feedback.wrong(f"Right nation; but {count} of the {teams} teams is not the number "
                              "classified evenly mixed. Count 'evenly mixed' in "
                              "agents.configurations_by_level(run)['team']")
    return Feedback.correct(f"{right_count} of {teams} teams evenly mixed, and the nation a "
                            f"{right_nation}: a well-led team can keep its balance, and the "
                            "system is no more evenly mixed for it")


q2 = Question(
    "q2", "island", _check_island,
    hint_text="Run agents.simulate(STRUCTURE, agents.balanced_team_in_monoculture(STRUCTURE), "
              "steps=STEPS, seed=SEED), then use agents.configurations_by_level(run).",
    solution_text=("run = agents.simulate(STRUCTURE, agents.balanced_team_in_monoculture(STRUCTURE), "
                   "steps=STEPS, seed=SEED)\nnames = agents.configurations_by_level(run)\n"
                   "island = (names['team'].count('evenly mixed'), names['nation'][0])   # (1, "
                   "'hierarchy monoculture')"),
)


# ----- q3: analysis ---------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _team_evenness() -> tuple[float, ...]:
    levers = balanced_nation_of_monocultures(SWEEP_STRUCTURE)
    balance, _ = sweep(SWEEP_STRUCTURE, levers, "reverse_effect", SWEEP_VALUES, SWEEP_SEEDS,
                       steps=STEPS)
    return tuple(float(e) for e in balance[:, :, 0].mean(axis=1))


def _check_lowest_reverse_effect(answer: Any) -> Feedback:
    if isinstance(answer, bool) or not isinstance(answer, int | float | np.number):
        return Feedback.wrong("Give one of the values swept, as a number")
    matches = [k for k, v in enumerate(SWEEP_VALUES) if abs(answer - v) < 1e-9]
    if not matches:
        return Feedback.wrong(f"Give one of the values swept: {', '.join(map(str, SWEEP_VALUES))}")
    k = matches[0]
    evenness = _team_evenness()
    reached = [i for i, e in enumerate(evenness) if e >= EVENNESS_TARGET]
    if not reached:  # pragma: no cover - only if the model's rules change
        return Feedback.wrong("No value reaches the target with the current model")
    first = reached[0]
    if k == first:
        return Feedback.correct(
            f"Mean team evenness rises from {evenness[0]:.2f} with no reverse effect to "
            f"{evenness[k]:.2f} at {SWEEP_VALUES[k]:g} and {evenness[-1]:.2f} at "
            f"{SWEEP_VALUES[-1]:g}: the malign experience of a dominant mode is what pulls each "
            "team back towards balance")
    if evenness[k] < EVENNESS_TARGET:
        return Feedback.wrong(f"At {SWEEP_VALUES[k]:g} mean team evenness is only "
                              f"{evenness[k]:.2f}: go higher")
    return Feedback.wrong(f"At {SWEEP_VALUES[k]:g} it is above {EVENNESS_TARGET:g}, but it already "
                          "is at a smaller value: go lower")


q3 = Question(
    "q3", "lowest_reverse_effect", _check_lowest_reverse_effect,
    hint_text="balance, fatalism = agents.sweep(...) gives two arrays; balance[:, :, 0] is team evenness "
              "for each value and random seed. Average over the seeds (axis=1) and find the first value "
              "at or above the target.",
    solution_text=("levers = agents.balanced_nation_of_monocultures(SWEEP_STRUCTURE)\n"
                   "balance, fatalism = agents.sweep(SWEEP_STRUCTURE, levers, 'reverse_effect', "
                   "SWEEP_VALUES, SWEEP_SEEDS, steps=STEPS)\nteam = balance[:, :, 0].mean(axis=1)"
                   "\nlowest_reverse_effect = next(v for v, e in zip(SWEEP_VALUES, team) if e >= "
                   "EVENNESS_TARGET)   # 1.0\nThe nation stays balanced throughout; only the teams "
                   "change."),
)


# ----- q4 and q5: design ----------------------------------------------------------------------
def _design_run(answer: Any) -> AgentRun | Feedback:
    """Run a design on :data:`DESIGN`, or say why it cannot be run."""
    if not isinstance(answer, AgentLevers):
        return Feedback.wrong("Give an agents.AgentLevers(...)")
    try:
        return simulate(DESIGN, answer, steps=STEPS, seed=SEED)
    except ValueError as error:
        return Feedback.wrong(f"The model cannot run these levers on DESIGN: {error}")


def _monoculture_problem(names: dict[str, list[str]], level: str, plural: str) -> str | None:
    units = names[level]
    off = [n for n in units if not _is_monoculture(n)]
    if not off:
        return None
    return (f"{len(off)} of {len(units)} {plural} {_plural(len(off), 'is', 'are')} not "
            f"monocultures (e.g. '{off[0]}')")


def _check_patchwork(answer: Any) -> Feedback:
    run = _design_run(answer)
    if isinstance(run, Feedback):
        return run
    names = configurations_by_level(run)
    nation = names["nation"][0]
    if not is_even_mix(nation):
        return Feedback.wrong(f"The nation ends as '{nation}': across the nation the teams must "
                              "cancel out, as many leaning to each active mode")
    teams = _monoculture_problem(names, "team", "teams")
    if teams:
        return Feedback.wrong(f"The nation is evenly mixed, but {teams}. What stops a team following "
                              "one mode? Outside pressure, and a leaning that mixes modes")
    return Feedback.correct(f"Every team a monoculture and the nation evenly mixed. The model's "
                            f"verdict: {fractal_verdict(run)} Specialisation by division of "
                            "labour, or failure hidden by the average? The numbers cannot tell")


q4 = Question(
    "q4", "patchwork", _check_patchwork,
    hint_text="Switch off the outside levers (central targets, devolution, incentives), give "
              "every team full autonomy, and give each team a leaning wholly to one active mode, "
              "e.g. [1, 0, 0, 0] for hierarchy: leanings takes one row per team "
              "(DESIGN.count('team') rows).",
    solution_text=("modes = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]]\n"
                   "patchwork = agents.AgentLevers(central_targets=0, devolution=0, incentives=0, "
                   "autonomy=1,\n    leanings=[modes[team % 3] for team in "
                   "range(DESIGN.count('team'))])\nThe teams take the three modes in turn; every "
                   "average above them is evenly mixed. (The kit's preset "
                   "agents.balanced_nation_of_monocultures does the same.)"),
)


def _check_monoculture_providers(answer: Any) -> Feedback:
    run = _design_run(answer)
    if isinstance(run, Feedback):
        return run
    names = configurations_by_level(run)
    nation = names["nation"][0]
    if not is_even_mix(nation):
        return Feedback.wrong(f"The nation ends as '{nation}': across the nation the providers "
                              "must cancel out")
    teams = _monoculture_problem(names, "team", "teams")
    if teams:
        return Feedback.wrong(f"The nation is evenly mixed, but {teams}")
    providers = _monoculture_problem(names, "provider", "providers")
    if providers:
        return Feedback.wrong(f"Every team is a monoculture, but {providers}: a provider is the "
                              "average of its teams. What must its teams have in common?")
    return Feedback.correct("Monoculture teams in monoculture providers, and still a balanced "
                            "nation: an even mix does not carry across two levels at once, and the "
                            "national average cannot show it")


q5 = Question(
    "q5", "monoculture_providers", _check_monoculture_providers,
    hint_text="Teams are numbered provider by provider: DESIGN.teams teams in provider 0, then "
              "provider 1, and so on. Lean all the teams of a provider the same way, and give the "
              "three providers different modes.",
    solution_text=("modes = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]]\n"
                   "monoculture_providers = agents.AgentLevers(central_targets=0, devolution=0, "
                   "incentives=0, autonomy=1,\n    leanings=[modes[team // DESIGN.teams % 3] for "
                   "team in range(DESIGN.count('team'))])\nteam // DESIGN.teams is the team's "
                   "provider: provider 0 leans to hierarchy, 1 to solidarity, 2 to "
                   "individualism."),
)


# ----- q6: open -------------------------------------------------------------------------------
q6 = OpenQuestion(
    "q6",
    model_answer=(
        "I would not take a balanced ICS-level picture as evidence that its providers or teams are "
        "balanced: tasks 4 and 5 built a perfectly balanced whole out of monoculture teams and "
        "providers, and task 2 showed a balanced team that leaves its system unchanged. So I would "
        "measure at the level where people work: a short culture survey (chapter 2's "
        "questionnaire) per team, reported as the spread of team configurations, not only the "
        "mean, and the same for providers. I would look for teams whose dominant mode is turning "
        "malign, since in the model that experience is what pushes people to critics or to "
        "fatalism. Where teams are monocultures I would ask whether that is deliberate "
        "specialisation (each team's way suits its work, and the provider combines them) or a "
        "dominant mode suppressing the weak ones. The model is a teaching device with invented "
        "rules, so this supports asking "
        "the question at every level; it does not tell us how often real teams are monocultures."
    ),
    rubric=[
        "uses the exercises' results: a balanced average can hide unbalanced parts, and the reverse",
        "proposes measuring below the aggregate (teams, providers) and reporting spread, not only "
        "the mean",
        "says what would be done with the measure (which teams to look at, what to watch for)",
        "states the limit: a teaching model shows what is possible, not what is common in the NHS",
    ],
)

#: One deliberately wrong answer per task and a phrase its feedback must contain: the tests use
#: it, and it shows lecturers what the feedback looks like.
WRONG_ANSWERS: dict[str, tuple[Any, str]] = {
    "q1": ({"central_targets": "hierarchy", "devolution": "hierarchy",
            "incentives": "individualism", "overload": "fatalism"}, "Check devolution"),
    "q2": ((1, "evenly mixed"), "does not make the nation evenly mixed"),
    "q3": (0.5, "go higher"),
    "q4": (fractal_balance(), "12 of 12 teams are not monocultures"),
    "q5": (balanced_nation_of_monocultures(DESIGN), "3 of 3 providers are not monocultures"),
}
