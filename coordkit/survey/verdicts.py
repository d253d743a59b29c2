r"""The reliability table: bootstrap intervals for every scale, the verdict read from them, each scale's row.

Every coefficient the class report reads (alpha, omega, Spearman-Brown) comes with a 95%
**percentile bootstrap interval**: respondents are resampled with replacement, :data:`RESAMPLES`
times, seeded (:data:`BOOTSTRAP_SEED`), numpy only. One draw of resamples serves every scale
(:func:`scale_intervals`): a respondent who left a scale incomplete is left out of that scale in
each resample, so the resamples are of the class, as the class was asked. Omega needs a one-factor
fit in each resample (iterated principal-axis factoring, at most :data:`OMEGA_ITERATIONS` steps),
so its interval uses the first :data:`OMEGA_RESAMPLES` of the same resamples (the kit's choice, for
speed: about 0.05 s a scale). A resample whose fit is improper (a Heywood case) keeps its omega
with the loading capped at 0.999, rather than being dropped: dropping it would make the interval
look narrower than the data allow.

**The verdict word comes from the interval** (:func:`~coordkit.survey.reliability.read_reliability`),
not from the point value: with 30 answers a scale's value swings from class to class by more than
the distance between "poor" and "good", so a word from the point would change with sampling noise.

Examples
--------
>>> from coordkit.survey import cronbach_alpha, mcdonald_omega
>>> rng = np.random.default_rng(1)
>>> common = rng.normal(size=(60, 1))
>>> x = np.clip(np.round(3 + common + rng.normal(scale=0.8, size=(60, 4))), 1, 5)
>>> i = scale_intervals({"scale": x})["scale"]
>>> lo, hi = i.alpha
>>> lo < cronbach_alpha(x) < hi, i.omega[0] < mcdonald_omega(x) < i.omega[1]
(True, True)
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from coordkit.survey.likert import keyed, scale_columns
from coordkit.survey.reliability import (
    MIN_RELIABILITY_N,
    _percentile_interval,
    _resampled_sums,
    cronbach_alpha,
    omega_fit,
    read_reliability,
    spearman_brown,
    within_group_alpha,
)

if TYPE_CHECKING:  # pandas is imported lazily; Responses is the class analysis's
    import pandas as pd

    from coordkit.survey.analysis import Responses

__all__ = [
    "BOOTSTRAP_SEED",
    "OMEGA_ITERATIONS",
    "OMEGA_RESAMPLES",
    "RESAMPLES",
    "WITHIN_GAP",
    "ScaleIntervals",
    "omega_interval",
    "reliability_table",
    "scale_intervals",
    "scale_reliability",
    "with_within_groups",
    "within_group_alphas",
]

#: Bootstrap resamples behind alpha's and Spearman-Brown's intervals (respondents resampled).
RESAMPLES = 2000
#: Of those, the first this many give omega's interval (a one-factor fit in each; the kit's choice,
#: for speed).
OMEGA_RESAMPLES = 1000
#: Most principal-axis steps per resample for omega's interval (stopping earlier once the
#: communalities move by less than 1e-6; the interval is printed to two decimals).
OMEGA_ITERATIONS = 300
#: The seed of every reliability interval: the same answers give the same intervals.
BOOTSTRAP_SEED = 0
#: A scale's reading says its pooled value rests on group differences when alpha within groups is
#: this much or more below the pooled alpha (the kit's margin; the methodologist's re-review 2, finding 9).
WITHIN_GAP = 0.2


@dataclass(frozen=True)
class ScaleIntervals:
    """95% percentile bootstrap intervals of one scale's coefficients.

    Attributes
    ----------
    alpha, omega, spearman_brown : (float, float)
        NaN, NaN where the coefficient does not apply (omega: fewer than 3 items; Spearman-Brown:
        not 2 items) or too few respondents answered.
    improper : float
        Share of omega's resamples whose one-factor fit was improper (a Heywood case, its loading
        capped at 0.999 and kept); NaN without omega.
    """

    alpha: tuple[float, float]
    omega: tuple[float, float]
    spearman_brown: tuple[float, float]
    improper: float


def _batch_omega(r: NDArray[np.float64]) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
    """Omega of each correlation matrix in ``r`` (b, k, k), loadings capped at 0.999, and Heywood flags.

    Principal-axis factoring as :func:`~coordkit.survey.reliability.omega_fit` does it, with the
    leading eigenvector found by one power step per iteration (warm-started from the last), which
    reaches the same fixed point far faster than a full eigendecomposition of every resample.
    """
    b, k, _ = r.shape
    diag = np.eye(k, dtype=bool)
    off = np.abs(np.where(diag, 0.0, r)).max(axis=1)
    try:
        with np.errstate(divide="ignore", invalid="ignore"):
            h = 1 - 1 / np.diagonal(np.linalg.inv(r), axis1=1, axis2=2)  # squared multiple correlations
    except np.linalg.LinAlgError:  # a singular resample somewhere: start every fit from the largest r
        h = off
    h = np.clip(np.where(np.isfinite(h), h, off), 0, 1)
    cap = 0.999**2
    vectors = np.full((b, k), 1 / math.sqrt(k))
    values = np.ones(b)
    reduced = r.copy()
    active = np.arange(b)
    for _ in range(OMEGA_ITERATIONS):
        part = reduced[active]
        part[:, diag] = h[active]
        step = np.einsum("bij,bj->bi", part, vectors[active])
        values[active] = np.einsum("bi,bi->b", vectors[active], step)
        norm = np.linalg.norm(step, axis=1, keepdims=True)
        vectors[active] = np.where(norm > 0, step / np.where(norm > 0, norm, 1.0), vectors[active])
        new = np.clip(vectors[active] ** 2 * np.maximum(values[active], 0.0)[:, None], 0, cap)
        done = np.max(np.abs(new - h[active]), axis=1) < 1e-6
        h[active] = new
        active = active[~done]
        if not active.size:
            break
    lam = vectors * np.sqrt(np.maximum(values, 0.0))[:, None]
    heywood = np.any(lam**2 >= cap, axis=1)
    lam = np.clip(lam * np.where(lam.sum(axis=1) < 0, -1.0, 1.0)[:, None], -0.999, 0.999)
    common = lam.sum(axis=1) ** 2
    return common / (common + (1 - lam**2).sum(axis=1)), heywood


def scale_intervals(scales: Mapping[str, ArrayLike], *, level: float = 0.95, resamples: int = RESAMPLES,
                    omega_resamples: int = OMEGA_RESAMPLES,
                    seed: int = BOOTSTRAP_SEED) -> dict[str, ScaleIntervals]:
    """Bootstrap intervals of every scale's coefficients, from one draw of resampled respondents.

    Parameters
    ----------
    scales : mapping of str to array_like, shape (respondents, items)
        Each scale's item scores (reverse-keyed items already reversed), the same respondents in
        the same order in every scale; a row with a NaN is left out of that scale.
    level : float, default 0.95
    resamples : int, default :data:`RESAMPLES`
    omega_resamples : int, default :data:`OMEGA_RESAMPLES`
        How many of the resamples omega's interval uses (at most ``resamples``).
    seed : int, default :data:`BOOTSTRAP_SEED`

    Returns
    -------
    dict of str to ScaleIntervals

    Examples
    --------
    With complete answers, alpha's interval is :func:`~coordkit.survey.alpha_interval`'s (the same
    resamples):

    >>> from coordkit.survey import alpha_interval
    >>> x = [[1, 2, 2], [2, 2, 3], [3, 4, 3], [4, 4, 5], [5, 4, 5], [2, 1, 2], [4, 5, 4]]
    >>> np.allclose(scale_intervals({"x": x})["x"].alpha, alpha_interval(x))
    True
    """
    names = list(scales)
    arrays = [np.asarray(scales[name], dtype=float) for name in names]
    if not arrays:
        return {}
    n = arrays[0].shape[0]
    if any(x.ndim != 2 or x.shape[0] != n or x.shape[1] < 2 for x in arrays):
        raise ValueError("every scale needs the same respondents (rows) and at least 2 items")
    blocks, spans = [], []
    start = 0
    for x in arrays:
        ok = np.all(np.isfinite(x), axis=1)
        k = x.shape[1]
        centred = np.where(ok[:, None], x - (x[ok].mean(axis=0) if ok.any() else 0.0), 0.0)
        iu = np.triu_indices(k)
        blocks.append(np.column_stack([ok.astype(float), centred, centred[:, iu[0]] * centred[:, iu[1]]]))
        spans.append((start, k, iu))
        start += blocks[-1].shape[1]
    none = (math.nan, math.nan)
    if n < 3:
        return {name: ScaleIntervals(none, none, none, math.nan) for name in names}
    sums = _resampled_sums(np.hstack(blocks), resamples, seed)
    out = {}
    for name, (first, k, iu) in zip(names, spans, strict=True):
        m = sums[:, first]
        s1 = sums[:, first + 1:first + 1 + k]
        products = sums[:, first + 1 + k:first + 1 + k + len(iu[0])]
        cov = np.empty((resamples, k, k))
        with np.errstate(invalid="ignore", divide="ignore"):
            c = (products - s1[:, iu[0]] * s1[:, iu[1]] / m[:, None]) / (m[:, None] - 1)
            c[m < 3] = np.nan
            cov[:, iu[0], iu[1]] = c
            cov[:, iu[1], iu[0]] = c
            variances = np.diagonal(cov, axis1=1, axis2=2)
            alpha = k / (k - 1) * (1 - variances.sum(axis=1) / cov.sum(axis=(1, 2)))
            sd = np.sqrt(variances)
            corr = cov / sd[:, :, None] / sd[:, None, :]
        usable = np.all(np.isfinite(corr), axis=(1, 2)) & np.all(sd > 0, axis=1)
        sb, omega, improper = none, none, math.nan
        if k == 2:
            r12 = np.where(usable, corr[:, 0, 1], np.nan)
            with np.errstate(invalid="ignore", divide="ignore"):
                sb = _percentile_interval(2 * r12 / (1 + r12), level)
        elif k >= 3:
            use = np.flatnonzero(usable[:omega_resamples])
            if use.size:
                values, heywood = _batch_omega(corr[use])
                omega, improper = _percentile_interval(values, level), float(heywood.mean())
        out[name] = ScaleIntervals(_percentile_interval(alpha, level), omega, sb, improper)
    return out


def omega_interval(data: ArrayLike, *, level: float = 0.95, resamples: int = OMEGA_RESAMPLES,
                   seed: int = BOOTSTRAP_SEED) -> tuple[float, float]:
    """A percentile bootstrap interval for McDonald's omega (respondents resampled, seeded).

    Each resample is fitted with one common factor (at most :data:`OMEGA_ITERATIONS`
    principal-axis steps); an improper fit keeps its omega with the loading capped at 0.999.

    Parameters
    ----------
    data : array_like, shape (respondents, items)
        At least 3 items; rows with a NaN are left out.
    level : float, default 0.95
    resamples : int, default :data:`OMEGA_RESAMPLES`
    seed : int, default :data:`BOOTSTRAP_SEED`

    Returns
    -------
    (float, float)
        NaN, NaN with fewer than 3 items or 3 complete respondents.

    Examples
    --------
    >>> from coordkit.survey import mcdonald_omega
    >>> x = [[3, 2, 4], [4, 5, 4], [3, 2, 3], [4, 5, 5], [1, 2, 3], [3, 4, 5], [4, 4, 5], [5, 5, 5]]
    >>> lo, hi = omega_interval(x)
    >>> round(mcdonald_omega(x), 3), lo < mcdonald_omega(x) < hi
    (0.903, True)
    """
    x = np.asarray(data, dtype=float)
    if x.ndim != 2 or x.shape[1] < 3:
        return math.nan, math.nan
    x = x[np.all(np.isfinite(x), axis=1)]
    return scale_intervals({"x": x}, level=level, resamples=resamples, omega_resamples=resamples,
                           seed=seed)["x"].omega


def _two_decimals(value: float) -> float:
    return round(value, 2) if math.isfinite(value) else math.nan


def scale_reliability(name: str, part: ArrayLike, intervals: ScaleIntervals, *,
                      min_n: int = MIN_RELIABILITY_N) -> dict[str, Any]:
    """One scale's row of the reliability table: coefficients, intervals and the reading.

    The verdict uses omega where it is estimable (three items or more and a proper one-factor
    solution), alpha where it is not (a Heywood case is named), and the Spearman-Brown coefficient
    for two items; the verdict word comes from that coefficient's interval
    (:func:`~coordkit.survey.reliability.read_reliability`).

    Parameters
    ----------
    name : str
        The scale's name (``"grid"`` and ``"group"`` get the grid-group quadrant caveat).
    part : array_like, shape (respondents, items)
        Item scores of the respondents the table uses (rows with a NaN are left out).
    intervals : ScaleIntervals
        :func:`scale_intervals` of the same respondents.
    min_n : int, default :data:`~coordkit.survey.MIN_RELIABILITY_N`

    Returns
    -------
    dict
        ``n``, ``alpha``, ``alpha low``, ``alpha high``, ``omega``, ``omega low``, ``omega high``,
        ``spearman-brown``, ``improper``, ``verdict from``, ``verdict value``, ``verdict low``,
        ``verdict high`` and ``reading``.

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> x = np.clip(np.round(3 + rng.normal(size=(60, 1)) + rng.normal(scale=0.8, size=(60, 4))), 1, 5)
    >>> row = scale_reliability("s", x, scale_intervals({"s": x})["s"])
    >>> row["verdict from"], row["verdict low"] <= row["verdict value"] <= row["verdict high"]
    ('omega', True)
    >>> row["verdict value"], (row["verdict low"], row["verdict high"]), row["reading"].split(":")[0]
    (0.75, (0.62, 0.85), 'inconclusive at this n')
    """
    x = np.asarray(part, dtype=float)
    complete = np.all(np.isfinite(x), axis=1)
    k, n = x.shape[1], int(complete.sum())
    row: dict[str, Any] = {"n": n, "alpha": math.nan, "alpha low": math.nan, "alpha high": math.nan,
                           "omega": math.nan, "omega low": math.nan, "omega high": math.nan,
                           "spearman-brown": math.nan, "improper": False, "verdict from": "",
                           "verdict value": math.nan, "verdict low": math.nan, "verdict high": math.nan}
    if n < min_n:
        return row | {"reading": read_reliability(math.nan, n=n, min_n=min_n)}
    x = x[complete]
    alpha = cronbach_alpha(x)
    if not math.isfinite(alpha):  # the total score does not vary: nothing to estimate, said plainly
        return row | {"reading": f"not computed: the answers to this scale do not vary (n = {n}), so there "
                                 "is no reliability to estimate"}
    fit = omega_fit(x) if k >= 3 else None
    omega = math.nan if fit is None else fit.omega
    if k == 2:
        coefficient, value, (lo, hi) = "Spearman-Brown", spearman_brown(x), intervals.spearman_brown
    elif math.isfinite(omega) and all(map(math.isfinite, intervals.omega)):
        coefficient, value, (lo, hi) = "omega", omega, intervals.omega
    else:
        coefficient, value, (lo, hi) = "alpha", alpha, intervals.alpha
    reading = read_reliability(value, (lo, hi), n=n, coefficient=coefficient)
    if k == 2:
        reading += ("; two items: Spearman-Brown, not alpha; with two items one respondent's score is too "
                    "unreliable to place them")
        reading += (" in a grid-group quadrant with confidence" if name in ("grid", "group")
                    else " with confidence")
    elif coefficient == "omega":
        reading += (f"; omega assumes one factor, not tested (alpha {alpha:.2f}, 95% interval "
                    f"{intervals.alpha[0]:.2f} to {intervals.alpha[1]:.2f})")
    elif fit is not None and fit.heywood:
        reading += ("; omega not reported: the one-factor fit is improper (a Heywood case, a loading of 1 or "
                    "more), so the verdict uses alpha")
    return row | {
        "alpha": _two_decimals(alpha), "alpha low": _two_decimals(intervals.alpha[0]),
        "alpha high": _two_decimals(intervals.alpha[1]), "omega": _two_decimals(omega),
        "omega low": _two_decimals(intervals.omega[0]) if math.isfinite(omega) else math.nan,
        "omega high": _two_decimals(intervals.omega[1]) if math.isfinite(omega) else math.nan,
        "spearman-brown": _two_decimals(value) if k == 2 else math.nan,
        "improper": bool(fit is not None and fit.heywood), "verdict from": coefficient,
        "verdict value": _two_decimals(value), "verdict low": _two_decimals(lo),
        "verdict high": _two_decimals(hi), "reading": reading}


def _scale_parts(responses: Responses, respondents: str) -> tuple[dict[str, NDArray[np.float64]],
                                                                    NDArray[np.bool_], str]:
    """Each scale's keyed items over the respondents the table uses, that mask, and the set in words."""
    q = responses.questionnaire
    n = len(responses)
    if respondents not in ("profiles", "all"):
        raise ValueError(f"respondents must be 'profiles' or 'all', got {respondents!r}")
    styles = responses.styles()  # nobody flagged without a Likert block
    flagged, same, in_levels = styles.any, styles.same_answers_kept, styles.in_levels
    use = (np.ones(n, dtype=bool) if respondents == "all" or flagged.all()
           else in_levels if in_levels.any() else ~flagged)
    left, alike = int(flagged[~use].sum()), int(same[~use].sum())
    if respondents == "all" or not (flagged.any() or same.any()):
        words = f"every respondent ({n})" + ("; respondents flagged for a response style included"
                                              if flagged.any() else "")
    elif flagged.all():
        words = f"every respondent ({n}): all are flagged for a response style, so none is left out"
    else:
        dropped = [f"{left} flagged for a response style left out, as in the profiles"] if left else []
        dropped += [f"{alike} who gave one answer to most agreement statements left out, as in the levels"
                    ] if alike else []
        part = "benign and malign levels" if alike else "profiles"
        words = f"the {int(use.sum())} respondents the {part} use ({'; '.join(dropped)})"
    x = None if responses.likert is None or not n else keyed(responses.likert, q)[use]
    parts = {name: np.empty((0, len(cols))) if x is None else x[:, cols]
             for name, cols in scale_columns(q).items()}
    return parts, use, words


def within_group_alphas(responses: Responses, group_column: str, *,
                        respondents: str = "profiles") -> pd.Series:
    """Each scale's alpha within groups (items centred on their group's means), beside the pooled value.

    Pooled over the class, a scale's reliability includes the differences between the groups'
    means; centred on them it counts only consistency among members of the same group
    (:func:`~coordkit.survey.reliability.within_group_alpha`). Over the same respondents as
    :func:`reliability_table`.

    Examples
    --------
    >>> from coordkit.survey import synthetic_class
    >>> a = within_group_alphas(synthetic_class(), "team")
    >>> bool(a["hierarchy benign"] < reliability_table(synthetic_class()).loc["hierarchy benign", "alpha"])
    True
    """
    import pandas as pd

    parts, use, _ = _scale_parts(responses, respondents)
    labels = np.asarray(responses.groups[group_column], dtype=object)[use]
    return pd.Series({name: round(v, 2) if math.isfinite(v := within_group_alpha(part, labels)) else math.nan
                      for name, part in parts.items()}, name="alpha within groups", dtype=float)


def with_within_groups(frame: pd.DataFrame, within: pd.Series, group_column: str) -> pd.DataFrame:
    """``frame`` (a :func:`reliability_table`) with ``alpha within groups`` beside it, read in each reading.

    Where alpha within groups is :data:`WITHIN_GAP` or more below the pooled alpha, the reading
    ends "the pooled value rests largely on group differences" (the groups of ``group_column``):
    pooled over the class, a scale's statements covary because the groups differ in their means,
    even where members of one group hardly agree. The one place the rule is applied.

    Examples
    --------
    >>> from coordkit.survey import synthetic_class
    >>> c = synthetic_class()
    >>> t = with_within_groups(reliability_table(c), within_group_alphas(c, "team"), "team")
    >>> t.loc["hierarchy malign", ["alpha", "alpha within groups"]].tolist()
    [0.67, 0.27]
    >>> print(t.loc["hierarchy malign", "reading"].split("; ")[-1])  # doctest: +NORMALIZE_WHITESPACE
    the pooled value rests largely on group differences (team): alpha within groups is 0.27,
    against 0.67 pooled
    """
    out = frame.assign(**{"alpha within groups": within})
    gap = out["alpha"] - out["alpha within groups"]
    rests = np.isfinite(gap.to_numpy(dtype=float)) & (gap.to_numpy(dtype=float) >= WITHIN_GAP - 1e-9)
    out.loc[rests, "reading"] = [
        f"{r}; the pooled value rests largely on group differences ({group_column}): alpha within groups is "
        f"{w:.2f}, against {a:.2f} pooled"
        for r, w, a in zip(out.loc[rests, "reading"], out.loc[rests, "alpha within groups"],
                           out.loc[rests, "alpha"], strict=True)]
    out.attrs = dict(frame.attrs)
    return out


def reliability_table(responses: Responses, *, min_n: int = MIN_RELIABILITY_N,
                      group_column: str | None = None, respondents: str = "profiles") -> pd.DataFrame:
    """Each scale's reliability, read plainly: omega, alpha or Spearman-Brown, each with a 95% interval.

    Scales are :meth:`Questionnaire.scales <coordkit.survey.Questionnaire.scales>` (each mode's
    benign and malign statements, grid, group, withdrawal); reverse-keyed items are reversed
    first. Below ``min_n`` respondents who answered a whole scale, nothing is estimated and the
    reading says "not enough answers". The verdict uses omega where it is estimable (three items
    or more and a proper one-factor solution; a Heywood case is reported as such), alpha where it
    is not, and the Spearman-Brown coefficient for two-item scales (:mod:`~coordkit.survey.reliability`);
    its **word comes from that coefficient's bootstrap interval**, not the point value
    (:func:`~coordkit.survey.reliability.read_reliability`: acceptable, poor, or inconclusive at
    this n; :func:`scale_intervals`). A scale nobody varied on gets a plain "not computed". The
    readings are of consistency only, not of unidimensionality or of group differences (ICC(2),
    :func:`~coordkit.survey.analysis.group_icc_table`). The strength ratings are single items:
    their reliability is unknown (a test-retest would be needed).

    By default the table uses **the respondents the benign and malign levels use**
    (:attr:`~coordkit.survey.ResponseStyles.in_levels`): those flagged for a response style are left
    out, as they are from every profile (unless every respondent is flagged), and so are those kept with
    the same-answer notice, whose identical answers say nothing about the scales; the column ``alpha,
    every respondent`` gives alpha with them all, and ``frame.attrs["respondents"]`` says which set the
    table uses.

    Parameters
    ----------
    responses : Responses
    min_n : int, default :data:`~coordkit.survey.MIN_RELIABILITY_N` (30)
    group_column : str, optional
        Adds ``alpha within groups`` (:func:`within_group_alphas`): the pooled value includes the
        differences between groups, and a reading says so where it rests on them (:func:`with_within_groups`).
    respondents : {"profiles", "all"}, default "profiles"

    Returns
    -------
    pandas.DataFrame
        Indexed by scale: ``items``, ``n`` (complete answers), ``alpha``, ``alpha low``,
        ``alpha high``, ``omega``, ``omega low``, ``omega high``, ``spearman-brown``, ``improper``
        (a Heywood case), ``verdict from`` (the coefficient the reading uses), ``verdict value``,
        ``verdict low``, ``verdict high``, ``reading``, ``alpha, every respondent``.

    Examples
    --------
    >>> from coordkit.survey import synthetic_class
    >>> t = reliability_table(synthetic_class())
    >>> len(t), t.loc["grid", "verdict from"], t.loc["hierarchy benign", "verdict from"]
    (11, 'Spearman-Brown', 'omega')
    >>> t.attrs["respondents"]
    'the 53 respondents the profiles use (7 flagged for a response style left out, as in the profiles)'
    >>> reliability_table(synthetic_class(size=12))["reading"].iloc[0]
    'not enough answers: 12 complete, a verdict needs at least 30'
    """
    import pandas as pd

    q = responses.questionnaire
    columns = ["items", "n", "alpha", "alpha low", "alpha high", "omega", "omega low", "omega high",
               "spearman-brown", "improper", "verdict from", "verdict value", "verdict low", "verdict high",
               "reading", "alpha, every respondent"]
    parts, _, words = _scale_parts(responses, respondents)
    everyone, _, _ = _scale_parts(responses, "all")
    intervals = scale_intervals(parts)
    rows = {}
    for name, cols in scale_columns(q).items():
        rows[name] = {"items": ", ".join(q.likert_items[c].id for c in cols)} | scale_reliability(
            name, parts[name], intervals[name], min_n=min_n)
        whole = everyone[name][np.all(np.isfinite(everyone[name]), axis=1)]
        rows[name]["alpha, every respondent"] = (round(a, 2) if len(whole) >= min_n
                                                 and math.isfinite(a := cronbach_alpha(whole)) else math.nan)
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=columns)
    frame.index.name = "scale"
    frame.attrs["respondents"] = words
    if group_column is not None:
        within = within_group_alphas(responses, group_column, respondents=respondents)
        frame = with_within_groups(frame, within, group_column)
    return frame
