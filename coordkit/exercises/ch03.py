"""Exercises for chapter 3, New Public Management and NHS reform history: from recall to evaluation.

Every right answer is computed with :mod:`coordkit.history` and :mod:`coordkit.data` from the
kit's own data files, so the checks follow the data (and the kit's codings) if they change. The
codings and the reform-pressure rule are judgements: the tasks ask what *they* say, and the last
two ask how far to trust it.

Examples
--------
>>> q1.evaluate({3, 4, 5, 6}).status
'correct'
>>> q3.evaluate("internal market").message.startswith("Per year of its span")
True
>>> q1.evaluate("3, 4, 5, 6").status, q2.evaluate("2013.").status, q3.evaluate("The New Labour era.").status
('correct', 'correct', 'correct')
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

import pandas as pd

from coordkit import data, history
from coordkit.configuration import classify
from coordkit.exercises import Feedback, OpenQuestion, Question, ____
from coordkit.exercises.answers import count_words, match_word, parse_number, read_answer
from coordkit.modes import ALL_MODES
from coordkit.profile import Profile

__all__ = [
    "HALF_LIFE",
    "NPM_YEARS",
    "RECODED_REFORM",
    "WRONG_ANSWERS",
    "____",
    "q1",
    "q2",
    "q3",
    "q4",
    "q5",
    "q6",
]

#: The half-life (years) the chapter notebook reads reform pressure with; the tasks use it too.
HALF_LIFE: float = 10.0
#: The New Public Management years of task 2: from Griffiths (1983) to the end of the 2010-2013
#: competition era.
NPM_YEARS: tuple[int, int] = (1983, 2013)
#: Task 4 recodes this reform's push on individualism to 0.
RECODED_REFORM: str = "health_social_care_act_2012"
_YEAR = history.LAST_YEAR  # the year whose profile tasks 4 and 5 read


@lru_cache(maxsize=1)
def _reforms() -> pd.DataFrame:
    return history.load_reforms()


@lru_cache(maxsize=1)
def _doctrines() -> pd.DataFrame:
    return data.load("hood_npm_doctrines")


@lru_cache(maxsize=1)
def _kit_pressure() -> pd.DataFrame:
    return history.reform_pressure(_reforms(), half_life=HALF_LIFE)


def _kit_scale() -> float:
    """The pressure read as full strength: the largest in the kit's history (as in the recoder)."""
    return history.pressure_scale(_kit_pressure())


def _profile_2025(reforms: pd.DataFrame) -> Profile:
    pressure = history.reform_pressure(reforms, half_life=HALF_LIFE)
    return history.pressure_profile(pressure, _YEAR, scale=_kit_scale())


def _signed(push: float) -> str:
    return "0" if push == 0 else f"{push:+g}"


def _fmt(profile: Profile) -> str:
    return ", ".join(f"{m.initial} {v:.2f}" for m, v in zip(ALL_MODES, profile.strengths, strict=True))


def _whole_number(answer: Any) -> int | None:
    """A whole number from an int, an integral float or a string of digits; None otherwise."""
    if isinstance(answer, bool):
        return None
    if isinstance(answer, str):
        value = parse_number(answer)
        return int(value) if value is not None and value.is_integer() else None
    if hasattr(answer, "__index__"):
        return int(answer.__index__())
    if isinstance(answer, float) and answer.is_integer():
        return int(answer)
    return None


# ----- q1: recall -----------------------------------------------------------------------------
def _individualist_doctrines() -> set[int]:
    doctrines = _doctrines()
    return {int(n) for n in doctrines.loc[doctrines["mode"] == "individualism", "number"]}


def _doctrine_number(item: Any, names: dict[str, int]) -> int | None:
    if isinstance(item, str):
        number = _whole_number(item)
        if number is not None:
            return number
        name = match_word(item, list(names))
        return names[name] if name else None
    return _whole_number(item)


def _as_items(answer: Any) -> Any:
    """A typed answer such as ``"3, 4, 5 and 6"`` or ``"{3, 4}"`` as a list; other answers unchanged."""
    if not isinstance(answer, str):
        return answer
    value = read_answer(answer)
    if not isinstance(value, str):
        return value if hasattr(value, "__iter__") else [value]
    return [part for part in re.split(r"\s*(?:,|;|\band\b)\s*", value) if part]


def _check_doctrines(answer: Any) -> Feedback:
    answer = _as_items(answer)
    if isinstance(answer, str) or not hasattr(answer, "__iter__") or isinstance(answer, dict):
        return Feedback.wrong("Give a set of doctrine numbers, e.g. {1, 2}")
    doctrines = _doctrines()
    names = {str(d).lower(): int(n) for n, d in zip(doctrines["number"], doctrines["doctrine"], strict=True)}
    given: set[int] = set()
    for item in answer:
        number = _doctrine_number(item, names)
        if number is None or number not in names.values():
            return Feedback.wrong(f"{item!r} is not one of Hood's doctrines: use their numbers, 1 to "
                                  f"{len(doctrines)}")
        given.add(number)
    right = _individualist_doctrines()
    if given == right:
        return Feedback.correct("Output controls, disaggregation, competition and private-sector "
                                "management. Two of them (3 and 6) lean on hierarchy too: NPM was "
                                "individualism steered from above")
    by_number = doctrines.set_index("number")
    parts = [f"{n} ({by_number.loc[n, 'doctrine']}) is mapped to {by_number.loc[n, 'mode']}"
             for n in sorted(given - right)]
    missing = right - given
    if missing:
        parts.append(f"{count_words(len(missing), 'more doctrine')} {'is' if len(missing) == 1 else 'are'} "
                     "mapped to individualism and missing from your set")
    return Feedback.wrong("; ".join(parts) + ". Read the mode column (the main mode, not "
                          "secondary_mode) of data.load('hood_npm_doctrines')")


q1 = Question(
    "q1", "individualist_doctrines", _check_doctrines, read_text=True,
    hint_text="Load the doctrines with data.load('hood_npm_doctrines') and look at the mode column: "
              "which numbers have 'individualism' as their main mode?",
    solution_text=("doctrines = data.load('hood_npm_doctrines')\n"
                   "individualist_doctrines = set(doctrines.loc[doctrines['mode'] == 'individualism', "
                   "'number'])   # {3, 4, 5, 6}\n"
                   "The other three (hands-on management, explicit standards, parsimony) are "
                   "mapped to hierarchy."),
)


# ----- q2: apply ------------------------------------------------------------------------------
def _hierarchy_in_npm_years(half_life: float | None) -> pd.Series:
    pressure = history.reform_pressure(_reforms(), half_life=half_life)
    return history.to_wide(pressure).loc[NPM_YEARS[0]:NPM_YEARS[1], "hierarchy"]


def _check_peak_year(answer: Any) -> Feedback:
    year = _whole_number(answer)
    if year is None:
        return Feedback.wrong("Give a year as a whole number, e.g. 1995")
    first, last = NPM_YEARS
    if not first <= year <= last:
        return Feedback.wrong(f"{year} is outside the NPM years: the task asks about {first} to {last}")
    series = _hierarchy_in_npm_years(HALF_LIFE)
    right = int(series.idxmax())
    if year == right:
        reforms = _reforms()
        recent = reforms[(reforms["date"].dt.year > right - 5) & (reforms["date"].dt.year <= right)
                         & (reforms["push_hierarchy"] > 0)]
        return Feedback.correct(f"Hierarchy pressure peaks at {series.max():.1f} in {right}. In the five "
                                f"years up to then, {len(recent)} reforms pushed hierarchy up: "
                                + "; ".join(recent["title"]))
    if year == int(_hierarchy_in_npm_years(None).idxmax()):
        return Feedback.wrong(f"{year} is where it peaks with no fading, when every reform counts "
                              f"for ever. Use half_life={HALF_LIFE:g}")
    return Feedback.wrong(f"In {year} hierarchy pressure is {series.loc[year]:.1f}; it is higher in "
                          "another year. Look for the largest value, not the biggest jump")


q2 = Question(
    "q2", "peak_year", _check_peak_year, read_text=True,
    hint_text=f"history.to_wide(history.reform_pressure(reforms, half_life={HALF_LIFE:g})) gives one "
              f"column per mode; select the years {NPM_YEARS[0]} to {NPM_YEARS[1]} with .loc and use "
              ".idxmax() on the hierarchy column.",
    solution_text=(f"pressure = history.to_wide(history.reform_pressure(reforms, half_life={HALF_LIFE:g}))\n"
                   f"peak_year = int(pressure.loc[{NPM_YEARS[0]}:{NPM_YEARS[1]}, 'hierarchy'].idxmax())"
                   f"   # {int(_hierarchy_in_npm_years(HALF_LIFE).idxmax())}\n"
                   "New Labour's targets, star ratings and regulators pile up from 2000, and the "
                   "regulators and structures of the late 2000s and the Keogh review keep adding to "
                   "it faster than older pushes fade."),
)


# ----- q3: analysis ---------------------------------------------------------------------------
def _era_individualism() -> pd.DataFrame:
    """Per era: net push on individualism, the pushes up alone, and the net per year of the era."""
    reforms = _reforms()
    push = reforms["push_individualism"]
    net = push.groupby(reforms["era"]).sum()
    up = push.clip(lower=0).groupby(reforms["era"]).sum()
    years = pd.Series({e.label: e.last_year - e.first_year + 1 for e in history.ERAS})
    table = pd.DataFrame({"net": net, "up": up}).reindex(list(history.ERA_LABELS)).fillna(0)
    table["per_year"] = table["net"] / years
    return table


def _check_era(answer: Any) -> Feedback:
    if not isinstance(answer, str):
        return Feedback.wrong("Give one era label as a string, e.g. 'consensus'")
    text = re.sub(r"\s+era\W*$", "", answer.strip(), flags=re.I)
    era = match_word(text, list(history.ERA_LABELS)) or answer.strip().lower()
    if era not in history.ERA_LABELS:
        return Feedback.wrong(f"{answer!r} is not an era label; use one of history.ERA_LABELS: "
                              + ", ".join(history.ERA_LABELS))
    table = _era_individualism()
    right = str(table["net"].idxmax())
    if era == right:
        reforms = _reforms()
        pushed = reforms[(reforms["era"] == right) & (reforms["push_individualism"] > 0)]
        return Feedback.correct(f"The {right} era's reforms add up to {int(table.loc[right, 'net']):+d} "
                                "on individualism, from " + "; ".join(pushed["title"]))
    if era == str(table["per_year"].idxmax()):
        return Feedback.wrong(f"Per year of its span, {era} pushed hardest ({table.loc[era, 'per_year']:.2f} "
                              "a year), but the task asks for the total net push over the era")
    up, net = int(table.loc[era, "up"]), int(table.loc[era, "net"])
    if up >= table.loc[right, "up"]:
        return Feedback.wrong(f"The {era} era's pushes up add to {up}, but it also pushed "
                              f"individualism down, so its net push is {net:+d}; another era's is larger")
    return Feedback.wrong(f"The {era} era's net push on individualism is {net:+d}; another era's is "
                          "larger. Add up push_individualism by era")


q3 = Question(
    "q3", "hardest_era", _check_era,
    hint_text="reforms.groupby('era')['push_individualism'].sum() adds up the signed pushes in each "
              "era. Take the largest.",
    solution_text=("hardest_era = reforms.groupby('era')['push_individualism'].sum().idxmax()"
                   f"   # {_era_individualism()['net'].idxmax()!r}\n"
                   f"Its net push is {int(_era_individualism()['net'].max()):+d} (pushes up alone: "
                   f"{int(_era_individualism()['up'].loc[_era_individualism()['net'].idxmax()])}), "
                   "from choice, foundation trusts, tariffs and the GP contract, even though its first "
                   "white paper and the primary care groups pushed individualism down. Per year of "
                   f"its span, {_era_individualism()['per_year'].idxmax()} pushed hardest."),
)


# ----- q4: analysis ---------------------------------------------------------------------------
def _recoded_reforms() -> pd.DataFrame:
    return history.recode(_reforms(), RECODED_REFORM, individualism=0)


def _recoded_individualism() -> float:
    return _profile_2025(_recoded_reforms()).individualism


def _check_recoded_strength(answer: Any) -> Feedback:
    value_read = parse_number(answer) if isinstance(answer, str | int | float) else None
    if value_read is None:
        return Feedback.wrong("Give one number: the 2025 individualism strength, between 0 and 1")
    value = value_read
    right = _recoded_individualism()
    kit = _profile_2025(_reforms()).individualism
    if math.isclose(value, right, abs_tol=0.005):
        age = _YEAR - int(_reforms().set_index("id").loc[RECODED_REFORM, "date"].year)
        before = classify(_profile_2025(_reforms())).name
        after = classify(_profile_2025(history.recode(_reforms(), RECODED_REFORM, individualism=0))).name
        verdict = (f"the configuration stays '{before}'" if before == after
                   else f"the configuration changes from '{before}' to '{after}'")
        return Feedback.correct(
            f"Down from {kit:.2f} to {right:.2f}. By {_YEAR} the Act is {age} years old and, with a "
            f"half-life of {HALF_LIFE:g} years, counts for about {2 ** (-age / HALF_LIFE):.0%} of its "
            f"push; {verdict}")
    if math.isclose(value, kit, abs_tol=0.005):
        return Feedback.wrong(f"{value:.2f} is the kit's 2025 strength, unchanged: recode the Act with "
                              "history.recode(reforms, ..., individualism=0) and read the profile again")
    if not 0 <= value <= 1:
        return Feedback.wrong(f"{value:g} is not a strength: strengths run from 0 to 1. Did you give the "
                              "pressure? history.pressure_profile reads it as a strength")
    no_fading = history.reform_pressure(history.recode(_reforms(), RECODED_REFORM, individualism=0))
    if math.isclose(value, history.pressure_profile(no_fading, _YEAR).individualism, abs_tol=0.005):
        return Feedback.wrong(f"{value:.2f} is the reading with no fading. Use half_life={HALF_LIFE:g}, "
                              "as the chapter does")
    if value > kit:
        return Feedback.wrong(f"{value:.2f} is higher than the kit's {kit:.2f}, but removing a push up "
                              "can only lower individualism. Check which way you recoded")
    return Feedback.wrong(f"{value:.2f} is not it. Read both profiles on the same scale: pass "
                          "scale= the kit's largest absolute pressure, as the recoder does")


q4 = Question(
    "q4", "recoded_strength", _check_recoded_strength, read_text=True,
    hint_text=(f"mine = history.recode(reforms, '{RECODED_REFORM}', individualism=0); then "
               f"history.pressure_profile(history.reform_pressure(mine, half_life={HALF_LIFE:g}), "
               f"{_YEAR}, scale=...) with the kit's largest absolute pressure as the scale. Or use the "
               "recoder in the chapter notebook."),
    solution_text=(f"kit = history.reform_pressure(reforms, half_life={HALF_LIFE:g})\n"
                   f"mine = history.recode(reforms, '{RECODED_REFORM}', individualism=0)\n"
                   "scale = kit['pressure'].abs().max()\n"
                   f"recoded_strength = history.pressure_profile(history.reform_pressure(mine, "
                   f"half_life={HALF_LIFE:g}), {_YEAR}, scale=scale).individualism"
                   f"   # about {_recoded_individualism():.2f}\n"
                   f"Down from {_profile_2025(_reforms()).individualism:.2f}: the Act's +2 has faded "
                   f"to about {2 * 2 ** (-(_YEAR - 2012) / HALF_LIFE):.1f} by {_YEAR}, and {_YEAR} "
                   f"reads '{classify(_profile_2025(_recoded_reforms())).name}' instead of "
                   f"'{classify(_profile_2025(_reforms())).name}'."),
)


# ----- q5: design -----------------------------------------------------------------------------
def _changed_codings(answer: pd.DataFrame) -> list[tuple[str, str, int, float]]:
    """(reform id, mode, kit's push, your push) for every push that differs from the kit's."""
    columns = list(history.PUSH_COLUMNS.values())
    kit = _reforms().set_index("id")[columns]
    mine = answer.set_index("id").loc[kit.index, columns].to_numpy(dtype=float)
    rows, cols = (mine != kit.to_numpy(dtype=float)).nonzero()
    return [(str(kit.index[r]), ALL_MODES[c].value, int(kit.iloc[r, c]), float(mine[r, c]))
            for r, c in zip(rows, cols, strict=True)]


def _check_tipping_recode(answer: Any) -> Feedback:
    if not isinstance(answer, pd.DataFrame):
        return Feedback.wrong("Give the recoded reforms: a DataFrame made with "
                              "history.recode(reforms, reform_id, mode=push)")
    columns = {"id", "date", *history.PUSH_COLUMNS.values()}
    if not columns <= set(answer.columns) or set(answer["id"]) != set(_reforms()["id"]) \
            or answer["id"].duplicated().any():
        return Feedback.wrong("Start from reforms = history.load_reforms() and change it with "
                              "history.recode(...), keeping every reform")
    changed = _changed_codings(answer)
    if not changed:
        return Feedback.wrong("That is the kit's coding: recode one reform")
    if len(changed) > 1:
        listed = ", ".join(f"{rid} {mode}" for rid, mode, _, _ in changed)
        return Feedback.wrong(f"You changed {len(changed)} codings ({listed}); the task allows one "
                              "step on one mode of one reform")
    reform_id, mode, old, new = changed[0]
    if abs(new - old) != 1:
        return Feedback.wrong(f"You moved {reform_id}'s {mode} from {_signed(old)} to {_signed(new)}; "
                              "the task allows one step (+1 or -1)")
    profile = _profile_2025(answer)
    config = classify(profile)
    kit_config = classify(_profile_2025(_reforms()))
    title = _reforms().set_index("id").loc[reform_id, "title"]
    if config.name != kit_config.name:
        return Feedback.correct(
            f"{title}: {mode} {_signed(old)} to {_signed(new)} tips {_YEAR} from "
            f"'{kit_config.name}' to '{config.name}' ({_fmt(profile)}). The kit's reading of {_YEAR} "
            "rests on a few recent codings: hold it lightly")
    year = int(_reforms().set_index("id").loc[reform_id, "date"].year)
    reading = f"It still reads '{config.name}' in {_YEAR} ({_fmt(profile)})"
    near, needed = _nearest_to_threshold()
    if mode != near.value:
        return Feedback.wrong(f"{reading}. Which mode is closest to 0.5 in the kit's {_YEAR} profile? "
                              "Recode a push on that one")
    if (new > old) != (needed == "up"):
        return Feedback.wrong(f"{reading}. You pushed {mode} {'up' if new > old else 'down'}; to cross "
                              f"0.5 it needs to go {needed}")
    return Feedback.wrong(f"{reading}. A push from {year} has faded by {_YEAR} (half-life "
                          f"{HALF_LIFE:g} years): a step on a recent reform counts for more")


def _nearest_to_threshold() -> tuple[Any, str]:
    """The mode of the kit's 2025 profile closest to the 0.5 threshold, and which way it must go."""
    profile = _profile_2025(_reforms())
    strengths = dict(zip(ALL_MODES, profile.strengths, strict=True))
    near = min(strengths, key=lambda m: abs(strengths[m] - 0.5))
    return near, "down" if strengths[near] >= 0.5 else "up"


@lru_cache(maxsize=1)
def _a_tipping_step() -> tuple[str, str, int, int]:
    """One step on one reform that tips the kit's 2025 reading (the most recent that does)."""
    near, needed = _nearest_to_threshold()
    reforms = _reforms()
    kit_name = classify(_profile_2025(reforms)).name
    column = history.PUSH_COLUMNS[near]
    for _, row in reforms.sort_values("date", ascending=False).iterrows():
        old = int(row[column])
        new = old + (1 if needed == "up" else -1)
        if not history.MIN_PUSH <= new <= history.MAX_PUSH:
            continue
        mine = history.recode(reforms, str(row["id"]), **{near.value: new})  # type: ignore[arg-type]  # a mode's name is one of recode's int keywords
        if classify(_profile_2025(mine)).name != kit_name:
            return str(row["id"]), near.value, old, new
    raise AssertionError("no single step tips the kit's reading")  # pragma: no cover


q5 = Question(
    "q5", "recoded", _check_tipping_recode,
    hint_text=(f"In the kit's {_YEAR} profile, {_nearest_to_threshold()[0].value} is "
               f"{getattr(_profile_2025(_reforms()), _nearest_to_threshold()[0].value):.2f}, the mode "
               "closest to the 0.50 threshold. One step changes its pressure by "
               f"1 x 2^(-age/{HALF_LIFE:g}), so only a recent reform moves it enough. Try the recoder "
               "in the chapter notebook, or loop over recent reforms with history.recode."),
    solution_text=(f"recoded = history.recode(reforms, '{_a_tipping_step()[0]}', "
                   f"{_a_tipping_step()[1]}={_a_tipping_step()[3]})\n"
                   "Several answers work, all on recent reforms: one step on the mode closest to the "
                   "threshold. That one step on one recent reform flips the kit's diagnosis is itself "
                   "the lesson: the reading of the present rests on a handful of fresh judgements."),
)


# ----- q6: evaluate (open) --------------------------------------------------------------------
q6 = OpenQuestion(
    "q6",
    model_answer=(
        "Taylor argues that NPM failed for two reasons. First, it strengthened the wrong side of "
        "individualism: commercial habits such as contracting, tendering, performance pay and "
        "quasi-markets, rather than professional autonomy and creativity. Second, individualism "
        "needs room to work, under a light hierarchy, but in the NHS the internal market arrived "
        "together with more and more targets and regulators. The kit's data are consistent with "
        "both: between 1983 and 2013 the reforms that pushed individualism up are mostly "
        "market mechanisms (purchaser-provider split, fundholding, Payment by Results, competition "
        "law), and several of them (Griffiths, the Citizen's and Patient's Charters, the NHS Plan, "
        "star ratings, the GP contract) pushed hierarchy up at the same time; in the kit's reading, "
        "hierarchy pressure keeps rising through the targets era to a peak in "
        + str(int(_hierarchy_in_npm_years(HALF_LIFE).idxmax()))
        + ". But the data cannot show failure by themselves: the codings are the kit's judgements, "
        "the pressure rule counts reforms, not culture, and "
        "outcomes such as waiting times moved with funding and demand too. The claim is an "
        "interpretation the data fit, not one they prove."
    ),
    rubric=[
        "states both of Taylor's (2022) reasons in your own words: commercial individualism rather than "
        "autonomy and creativity; markets alongside a growing weight of targets and regulation",
        "backs each with evidence from the kit: named reforms, a count, or a reading of the "
        "pressure trajectory",
        "separates fact (what a reform did, and when) from judgement (how it is coded, and the "
        "pressure rule)",
        "says what the data cannot show (cause, culture, other influences such as funding) and "
        "what evidence would test the claim",
    ],
)

#: One deliberately wrong answer per task and a phrase its feedback must contain: the tests use
#: it, and it shows lecturers what the feedback looks like.
WRONG_ANSWERS: dict[str, tuple[Any, str]] = {
    "q1": ({3, 4, 5, 6, 7}, "7 (discipline and parsimony in resource use) is mapped to hierarchy"),
    "q2": (2025, "outside the NPM years"),
    "q3": ("internal market", "Per year of its span"),
    "q4": (0.757, "the reading with no fading"),
    "q5": (history.recode(_reforms(), "nhs_plan_2000", individualism=0), "has faded by 2025"),
}
