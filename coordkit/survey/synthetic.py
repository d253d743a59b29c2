"""A SYNTHETIC class for demonstrations and tests: made-up answers to the current questionnaire.

Five teams of a fictional hospital trust, each with its own culture (Ward A: the traditional
public-sector deficit in individualism; Ward B: heavier, partly malign hierarchy and despairing
fatalism; Outpatients: targets and markets; Community team: strong solidarity; Estates:
fatalism), 5% of the class in Estates so that it falls under the privacy threshold. Nobody
answered these questions.

The generator is built not to confirm the kit's own assumptions about its instrument (the
methodologist's re-review of issue 14, finding 8; every size below is **the kit's** choice, not a
measurement): a reversed statement is not a perfect mirror of its forward one (each has a weaker
loading and a wording shift of its own, the same in every class); every respondent has a method
factor (a lean towards "agree" or "disagree" on every agreement statement, forward or reversed);
a general appraisal of the organisation raises the benign levels of hierarchy, solidarity and
individualism and lowers every malign level together, so benign and malign are correlated, not
independent by construction; and a share of partly careless respondents answers part of the 1-5
items at random. Reliability, inconsistency and screen rates computed on this class are
therefore the generator's, not the instrument's: they say what the kit's methods do with answers
of this kind, not how real respondents answer.

Examples
--------
>>> c = synthetic_class(size=10)
>>> len(c), c.version
(10, 3)
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from coordkit.modes import ALL_MODES
from coordkit.survey.compositional import TOTAL
from coordkit.survey.instrument import Item, Questionnaire, questionnaire
from coordkit.survey.respondents import Responses

__all__ = ["MEASURED_SCREEN", "RANDOM_SEED", "SYNTHETIC_SEED", "ScreenRates",
           "careless_respondents", "style_screen_rates",
           "synthetic_class"]

#: Seed of the synthetic class shipped in ``data/synthetic_class.csv``.
SYNTHETIC_SEED = 2026
#: Seed (numpy) of the uniformly random responders :func:`style_screen_rates` measures the screen on.
RANDOM_SEED = 1

# Team cultures: share of the class, now points, preferred points (H, S, I, F); mean keyed
# agreement (1-5) with each mode's benign and malign statements (H, S, I, F); team strength
# ratings (1-5, H, S, I, F); mean grid, group and withdrawal agreement (1-5); roles with weights.
_TEAMS: tuple[tuple[str, float, tuple[float, ...], tuple[float, ...], tuple[float, ...], tuple[float, ...],
                    tuple[float, ...], tuple[float, ...], tuple[tuple[str, float], ...]], ...] = (
    ("Ward A", 0.30, (40, 30, 10, 20), (30, 35, 25, 10), (3.8, 4.2, 2.6, 3.4), (3.0, 2.0, 1.8, 2.6),
     (4.2, 4.1, 2.0, 2.8), (3.8, 4.0, 2.2), (("clinical", 0.75), ("support", 0.15), ("manager", 0.10))),
    ("Ward B", 0.27, (45, 20, 10, 25), (30, 30, 30, 10), (2.6, 3.2, 2.2, 2.6), (4.2, 2.6, 2.6, 3.8),
     (4.6, 2.8, 1.8, 3.9), (4.3, 3.2, 2.6), (("clinical", 0.70), ("support", 0.20), ("manager", 0.10))),
    ("Outpatients", 0.23, (35, 20, 30, 15), (30, 30, 30, 10), (3.4, 3.0, 3.6, 3.0), (3.0, 2.4, 3.8, 2.6),
     (3.9, 2.6, 3.8, 2.5), (3.6, 2.6, 2.4), (("clinical", 0.55), ("support", 0.30), ("manager", 0.15))),
    ("Community team", 0.15, (20, 45, 20, 15), (20, 40, 30, 10), (3.2, 4.4, 3.6, 3.6), (2.2, 3.0, 2.0, 2.2),
     (2.8, 4.6, 3.5, 2.2), (2.4, 4.2, 1.8), (("clinical", 0.80), ("support", 0.10), ("manager", 0.10))),
    ("Estates", 0.05, (30, 20, 10, 40), (30, 30, 25, 15), (2.4, 3.4, 2.4, 2.8), (3.8, 2.6, 2.8, 4.2),
     (3.6, 2.8, 2.0, 4.3), (4.0, 2.8, 3.4), (("support", 0.80), ("manager", 0.20))),
)
# Strength (1-5) of each mode in the trust as a whole and in its local system, the same for every
# team; a respondent's organisation rating mixes the trust's with their own team's.
_TRUST = (4.4, 4.4, 2.2, 3.0)
_SYSTEM = (3.4, 3.2, 2.8, 3.2)
# Respondents (by position) who agree with almost everything, so the acquiescence flag has
# something to find: their agreement answers lean this many points towards "agree".
_YEA_SAYERS = (13, 41)
_YEA_LEAN = 1.6
# Reversal asymmetry (the kit's sizes): a reversed statement follows the construct with a loading
# between these bounds (1 would be a perfect mirror) and is shifted by up to this many points by its
# wording (some low poles are easier to agree with than others); both fixed per item, the same in every class.
_REVERSAL_LOADING = (0.55, 0.9)
_REVERSAL_SHIFT = 0.35
# Method factor: each respondent's lean towards agreeing with any agreement statement (raw, before
# keying), with this standard deviation in points; and a general appraisal of the organisation that
# raises benign and lowers malign levels together (standard deviation in points).
_METHOD_SD = 0.3
_APPRAISAL_SD = 0.35
# Partly careless respondents: this share of the class answers between these shares of its 1-5
# items uniformly at random (the rest as the others do).
_CARELESS_SHARE = 0.08
_CARELESS_PART = (0.3, 0.7)
# Share of respondents who rate the local system (the rest leave it blank: they may not know it).
_RATES_SYSTEM = 0.75
# How each dimension tilts the modes (H, S, I, F), the same for every team.
_DIMENSION_TILT = (
    (1.1, 1.0, 0.9, 1.0), (0.9, 1.2, 0.9, 1.0), (1.0, 0.9, 1.2, 1.0),
    (1.2, 0.9, 1.0, 1.0), (1.2, 1.0, 0.8, 1.1), (1.0, 1.0, 1.0, 0.9),
)



def _team_sizes(size: int) -> list[int]:
    """Split ``size`` respondents among the teams by largest remainder (deterministic)."""
    raw = [size * t[1] for t in _TEAMS]
    counts = [math.floor(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda k: (-(raw[k] - counts[k]), k))
    for k in order[: size - sum(counts)]:
        counts[k] += 1
    return counts


def _allocate(weights: Sequence[float], rng: random.Random, step: int = 5) -> list[int]:
    """Share 100 points in multiples of ``step``, proportional to noisy weights (largest remainder)."""
    noisy = [w * (0.7 + 0.6 * rng.random()) for w in weights]
    total = sum(noisy)
    tokens = int(TOTAL) // step
    raw = [tokens * v / total for v in noisy]
    counts = [math.floor(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda k: (-(raw[k] - counts[k]), k))
    for k in order[: tokens - sum(counts)]:
        counts[k] += 1
    return [c * step for c in counts]


def _likert(mean: float, rng: random.Random) -> int:
    spread = (rng.random() + rng.random() + rng.random() - 1.5) * 1.6
    return max(1, min(5, math.floor(mean + spread + 0.5)))




def _normal(rng: random.Random, sd: float) -> float:
    """A bell-shaped draw with mean 0 and standard deviation ``sd`` (a sum of three uniforms)."""
    return (rng.random() + rng.random() + rng.random() - 1.5) * 2 * sd


def _wording(item: Item) -> tuple[float, float]:
    """A reversed item's loading on its construct and its wording shift (fixed per item id)."""
    if not item.reverse:
        return 1.0, 0.0
    r = random.Random(f"wording:{item.id}")
    low, high = _REVERSAL_LOADING
    return low + (high - low) * r.random(), (2 * r.random() - 1) * _REVERSAL_SHIFT


# Items version 3 added (the belonging pair of the group scale): their noise comes from the second
# stream, so that the answers the first stream draws stay those of the earlier generator.
_ADDED_ITEMS = frozenset({"GP3", "GP4"})


def _scale_key(item: Item) -> tuple[str, str, str]:
    form = item.form if item.block == "likert" else str(item.level)
    return (item.block, str(item.mode or item.dimension), form)


def _scale_keys(q: Questionnaire) -> list[tuple[str, str, str]]:
    return list(dict.fromkeys(_scale_key(i) for i in q.likert_items if i.block in ("likert", "structure")))


def synthetic_class(seed: int = SYNTHETIC_SEED, *, size: int = 60) -> Responses:
    """A SYNTHETIC class for demonstrations and tests: made-up answers, not data about anyone.

    Each respondent's answers are their team's culture plus individual noise: divide-100 points
    shared out in multiples of 5 with per-dimension tilts; agreement answers around the team's
    benign and malign means, with a personal lean on each scale; strength ratings for their team,
    their organisation (the trust's culture mixed with the team's) and, for three in four, the
    local system; preferred strength ratings that follow their team's preferred points. On top of
    that (the module docstring gives the reasons): reversed statements are imperfect mirrors, each
    respondent has a method factor and a general appraisal that moves benign and malign levels in
    opposite directions, two planted yea-sayers agree with almost everything, and 8% answer part
    of the 1-5 items at random. Two streams of ``random.Random`` draw it (the first from ``seed``,
    the second from ``f"{seed}:style"`` for what the generator added later), and only their
    ``random()`` and arithmetic are used, so the same seed gives the same class on every platform
    and Python version.

    Parameters
    ----------
    seed : int, default :data:`SYNTHETIC_SEED`
    size : int, default 60
        Number of respondents (at least 1).

    Returns
    -------
    Responses
        Ids ``S001``...; group columns ``team`` and ``role``; every 1-5 item answered except
        some local-system ratings.

    Examples
    --------
    >>> c = synthetic_class()
    >>> len(c), c.ids[:2], sorted(set(c.groups["team"]))[:2]
    (60, ('S001', 'S002'), ['Community team', 'Estates'])
    >>> bool((c.now.sum(axis=-1) == 100).all())
    True
    """
    return _generate(seed, size)[0]


def careless_respondents(seed: int = SYNTHETIC_SEED, *, size: int = 60) -> tuple[str, ...]:
    """The ids of the partly careless respondents :func:`synthetic_class` made (same seed and size).

    The second stream draws the same for a respondent whatever the class size, so the careless
    respondents sit at the same positions in a larger class.

    Examples
    --------
    >>> careless_respondents()
    ('S023', 'S029', 'S041', 'S044', 'S052', 'S060')
    >>> careless_respondents(size=200)[:3]
    ('S023', 'S029', 'S041')
    """
    responses, careless = _generate(seed, size)
    return tuple(i for i, c in zip(responses.ids, careless, strict=True) if c)


def _generate(seed: int, size: int) -> tuple[Responses, list[bool]]:
    """The synthetic class and, per respondent, whether they were made partly careless."""
    if int(size) != size or size < 1:
        raise ValueError(f"size must be a positive whole number, got {size!r}")
    rng = random.Random(seed)
    style = random.Random(f"{seed}:style")
    q = questionnaire()
    wording = {i.id: _wording(i) for i in q.likert_items}
    ids: list[str] = []
    teams: list[str] = []
    roles: list[str] = []
    now: list[list[list[int]]] = []
    pref: list[list[list[int]]] = []
    likert: list[list[float]] = []
    careless: list[bool] = []
    for team, count in zip(_TEAMS, _team_sizes(int(size)), strict=True):
        name, _, base_now, base_pref, benign, malign, strength, structure, role_weights = team
        for _ in range(count):
            ids.append(f"S{len(ids) + 1:03d}")
            teams.append(name)
            r, acc = rng.random(), 0.0
            role = role_weights[-1][0]
            for label, weight in role_weights:
                acc += weight
                if r < acc:
                    role = label
                    break
            roles.append(role)
            person_now = [b * (0.6 + 0.8 * rng.random()) for b in base_now]
            person_pref = [b * (0.6 + 0.8 * rng.random()) for b in base_pref]
            now.append([_allocate([p * t for p, t in zip(person_now, tilt, strict=True)], rng)
                        for tilt in _DIMENSION_TILT])
            pref.append([_allocate([p * t for p, t in zip(person_pref, tilt, strict=True)], rng)
                         for tilt in _DIMENSION_TILT])
            rates_system = rng.random() < _RATES_SYSTEM
            # a personal lean on each multi-item scale, shared by its items (so that they correlate)
            lean = {key: (rng.random() - 0.5) * 1.8 for key in _scale_keys(q)}
            method, appraisal = _normal(style, _METHOD_SD), _normal(style, _APPRAISAL_SD)
            is_careless = style.random() < _CARELESS_SHARE
            low, high = _CARELESS_PART
            part = low + (high - low) * style.random() if is_careless else 0.0
            careless.append(is_careless)
            row: list[float] = []
            for item in q.likert_items:
                if item.block == "likert" and item.mode is not None:
                    m = ALL_MODES.index(item.mode)
                    mean = benign[m] if item.form == "benign" else malign[m]
                    # the appraisal: benign up and malign down together (fatalism's wisdom left alone)
                    if item.form == "malign":
                        mean -= appraisal
                    elif item.mode.value != "fatalism":
                        mean += appraisal
                elif item.block == "structure":
                    mean = structure[("grid", "group", "withdrawal").index(str(item.dimension))]
                elif item.mode is not None and item.timeframe == "preferred":
                    # how strong they would like it: more points preferred, a stronger wish
                    mean = min(5.0, 1.5 + base_pref[ALL_MODES.index(item.mode)] / 10)
                elif item.mode is not None:
                    m = ALL_MODES.index(item.mode)
                    mean = {"team": strength[m], "organisation": 0.7 * _TRUST[m] + 0.3 * strength[m],
                            "system": _SYSTEM[m]}[str(item.level)]
                else:
                    raise AssertionError(f"{item.id}: an item of no block")  # the questionnaire forbids it
                mean += lean.get(_scale_key(item), 0.0)
                loading, shift = wording[item.id]
                target = 3 - loading * (mean - 3) + shift if item.reverse else mean
                if item.block != "strength":
                    target += method  # raw agreement, forward or reversed alike
                if len(ids) in _YEA_SAYERS and item.block != "strength":
                    target += _YEA_LEAN
                value: float = _likert(target, style if item.id in _ADDED_ITEMS else rng)
                if is_careless and style.random() < part:
                    value = 1 + math.floor(5 * style.random())
                if item.level == "system" and not rates_system:
                    value = math.nan
                row.append(value)
            likert.append(row)
    responses = Responses(ids=tuple(ids), now=np.array(now, dtype=float),
                          preferred=np.array(pref, dtype=float), likert=np.array(likert, dtype=float),
                          groups={"team": tuple(teams), "role": tuple(roles)}, version=q.version)
    return responses, careless


class ScreenRates(NamedTuple):
    """How the response-style screen does: random responders passed, attentive and careless ones flagged.

    ``*_flagged`` are withheld (:attr:`~coordkit.survey.ResponseStyles.any`), ``*_cautioned`` kept with
    the inconsistency caution (:attr:`~coordkit.survey.ResponseStyles.read_with_caution`), ``*_same``
    kept with the same-answer notice; ``random_passed_alone`` is the share of random responders the
    screen would pass if inconsistency alone never withheld (the alternative the kit measured and
    did not take).
    """

    random_n: int
    random_passed: float
    realistic_n: int
    realistic_flagged: float
    careless_n: int
    careless_flagged: float
    realistic_cautioned: float = 0.0
    careless_cautioned: float = 0.0
    random_passed_alone: float = 0.0
    realistic_same: float = 0.0
    careless_same: float = 0.0
    random_same: float = 0.0


def style_screen_rates(*, random_n: int = 2000, realistic_n: int = 1000, seed: int = RANDOM_SEED,
                       class_seed: int = SYNTHETIC_SEED) -> ScreenRates:
    """Measure the response-style screen: share of random responders it passes, of synthetic ones it flags.

    Random responders answer every 1-5 item uniformly at random (``numpy.random.default_rng(seed)``);
    the synthetic respondents are :func:`synthetic_class` (``class_seed``, ``realistic_n``
    respondents), split into the *realistic* ones (attentive: neither planted yea-sayers nor made
    partly careless), whom a flag would wrong, and the partly careless ones, whom the screen should
    catch. The rates are the kit's measurement of its own screen
    (:func:`~coordkit.survey.response_style_flags`) on made-up answers whose imperfect reversals,
    method factor and carelessness are the generator's assumptions: they are provisional until real
    data exist. :data:`MEASURED_SCREEN` keeps the defaults' result (the report prints it; a test
    checks it against this function).

    Parameters
    ----------
    random_n, realistic_n : int
        Number of random and synthetic respondents (``realistic_n`` above the yea-sayers' positions).
    seed, class_seed : int

    Returns
    -------
    ScreenRates

    Examples
    --------
    >>> r = style_screen_rates(random_n=200, realistic_n=100)
    >>> r.realistic_n + r.careless_n <= 98, r.random_passed < 0.5, r.realistic_flagged < 0.1
    (True, True, True)
    """
    from coordkit.survey.styles import response_style_flags

    if realistic_n <= max(_YEA_SAYERS):
        raise ValueError(f"realistic_n must be more than {max(_YEA_SAYERS)} (the yea-sayers' positions)")
    q = questionnaire()
    noise = np.random.default_rng(seed).integers(1, 6, size=(random_n, len(q.likert_items))).astype(float)
    c, made_careless = _generate(class_seed, realistic_n)
    planted = np.zeros(len(c), dtype=bool)
    planted[[k - 1 for k in _YEA_SAYERS]] = True  # positions are 1-based (len(ids) after appending)
    careless = np.array(made_careless) & ~planted
    attentive = ~careless & ~planted
    assert c.likert is not None
    flags, random_flags = response_style_flags(c.likert, q), response_style_flags(noise, q)
    flagged, cautioned, same = flags.any, flags.read_with_caution, flags.same_answers_kept
    alone = (random_flags.yes_saying | random_flags.nay_saying | random_flags.high_rating
             | random_flags.non_differentiating)
    return ScreenRates(random_n=random_n, random_passed=float(1 - random_flags.any.mean()),
                       realistic_n=int(attentive.sum()), realistic_flagged=float(flagged[attentive].mean()),
                       careless_n=int(careless.sum()), careless_flagged=float(flagged[careless].mean()),
                       realistic_cautioned=float(cautioned[attentive].mean()),
                       careless_cautioned=float(cautioned[careless].mean()),
                       random_passed_alone=float(1 - alone.mean()),
                       realistic_same=float(same[attentive].mean()),
                       careless_same=float(same[careless].mean()),
                       random_same=float(random_flags.same_answers_kept.mean()))


#: :func:`style_screen_rates` at its defaults (2,000 random responders, numpy seed 1; the synthetic
#: class of 1,000, seed 2026), stored so that the report can print it without measuring again; a test
#: checks it against the function.
MEASURED_SCREEN = ScreenRates(random_n=2000, random_passed=623 / 2000, realistic_n=921,
                              realistic_flagged=22 / 921, careless_n=77, careless_flagged=25 / 77,
                              realistic_cautioned=62 / 921,
                              careless_cautioned=19 / 77, random_passed_alone=1.0)
