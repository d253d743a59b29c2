"""The lecturer's class report: one self-contained HTML file from a class's questionnaire answers.

:func:`write_report` (and the command ``coordkit report RESPONSES.csv -o report.html``) turns the
answers of a class into a single HTML file that opens anywhere, offline, and can be shared with the
class: the class profile now and preferred, every respondent on the triangle (unlabelled),
profiles of groups (by a group column such as team), the balance index (the kit's) and configurations, how
consistent the six dimensions are, the benign and malign forms, and the statements that drive the
gap between now and preferred. Figures are embedded as PNG images whose alt text is their full
text description (also shown under each figure).

Privacy
-------
- No respondent ids, names or free text appear: only numbers, configuration names, group labels
  and the questionnaire's own statements. Columns other than the answers and the chosen group
  column are never read into the results (the report lists their *names* as ignored).
- Rejected rows are listed by row, line, column and problem, without the cell's content.
- Any group with fewer than ``min_group`` respondents (default 5) is not shown and the report says
  so; if the combined small groups could still be worked out by subtracting the shown groups from
  the class, the smallest shown groups are combined with them (see
  :func:`coordkit.survey.disclosure_plan`). A class smaller than ``min_group`` is not summarised at
  all. ``min_group`` cannot go below 3 (:data:`coordkit.survey.MIN_GROUP_FLOOR`).

The module is called ``class_report`` (not ``report``) because ``coordkit.report`` is already the
balance report function exported by the package.

Examples
--------
>>> from coordkit.survey import synthetic_class
>>> html = render_report(synthetic_class(), group_column="team", title="SYNTHETIC class", date="2026-01-01")
>>> html.startswith("<!DOCTYPE html>"), "S001" in html, "Estates" in html
(True, False, True)
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from datetime import date as _date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from coordkit.html import render
from coordkit.modes import ALL_MODES
from coordkit.survey import (
    ACQUIESCENCE_FLAG,
    AGREEMENT_THRESHOLD,
    CURRENT_VERSION,
    DEFAULT_MIN_GROUP,
    DESIRABILITY_PRETESTED,
    FORM_MARGIN,
    ICC2_THRESHOLD,
    INCONSISTENCY_CAUTION,
    INCONSISTENCY_FLAG,
    LEAD_POINTS,
    MALIGN_WARNING,
    MEASURED_SCREEN,
    MIN_LEVEL_N,
    MIN_PAIRS_ANSWERED,
    MIN_RELIABILITY_N,
    NOT_CLASSIFIED,
    OMEGA_RESAMPLES,
    RATING_STEPS,
    RELIABILITY_THRESHOLD,
    RESAMPLES,
    SAME_ANSWER_SHARE,
    SPREAD_POINTS,
    STRONG,
    ClassAnalysis,
    GroupSummary,
    Responses,
    analyse,
    complete_dimensions,
    dimension_distances,
    feldt_interval,
    inconsistency_index,
    questionnaire,
    version_note,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from coordkit.survey_io import ReadResult

__all__ = ["STAGES", "render_report", "write_report"]

#: The stages :func:`render_report` reports to its ``progress`` callback, in order.
STAGES: tuple[str, ...] = (
    "analysing answers", "class profile figure", "respondents figure", "group figure",
    "gap drivers figure", "writing HTML",
)

# A table for the template: header texts and rows of (value, numeric) cells; numeric cells are
# right-aligned (from column ``numeric_from`` on, numbers only).
Table = dict[str, Any]


def _figure(fig: Figure, description: str, *, dpi: int = 90) -> dict[str, str]:
    from coordkit.plots.output import LiveCanvas, to_png

    # drawn through a LiveCanvas: the same PNG, byte for byte, with each string's layout and font
    # metrics kept (the figures place labels by measuring them: 0.3 s of a 5,000-row report's 1 s
    # of figures); then the figure has its own canvas back
    canvas = fig.canvas
    LiveCanvas(fig)
    try:
        png = to_png(fig, dpi=dpi)
    finally:
        fig.set_canvas(canvas)
    return {"png": base64.b64encode(png).decode("ascii"), "description": description}


def _table(header: Sequence[str], rows: Sequence[Sequence[object]], *, numeric_from: int = 1) -> Table:
    return {"header": list(header),
            "rows": [[(value, k >= numeric_from and isinstance(value, (int, float, np.floating)))
                      for k, value in enumerate(row)] for row in rows]}


def _pm(mean: float, sd: float) -> str:
    return f"{mean:.1f} ± {sd:.1f}"


def _screen() -> dict[str, str]:
    """The response-style screen's measured rates on the kit's made-up class (:data:`MEASURED_SCREEN`)."""
    m = MEASURED_SCREEN
    return {"attentive_n": f"{m.realistic_n:,}", "attentive": f"{m.realistic_flagged:.1%}",
            "attentive_caution": f"{m.realistic_cautioned:.1%}", "careless_n": f"{m.careless_n}",
            "careless": f"{m.careless_flagged:.0%}", "random_n": f"{m.random_n:,}",
            "random": f"{m.random_passed:.0%}", "random_alone": f"{m.random_passed_alone:.0%}"}


def _constants() -> dict[str, object]:
    """The kit's thresholds as the report prints them."""
    return {"current_version": CURRENT_VERSION, "icc2": f"{ICC2_THRESHOLD:.2f}",
            "agreement": f"{AGREEMENT_THRESHOLD:.2f}", "malign_warning": MALIGN_WARNING,
            "form_margin": FORM_MARGIN,
            "acquiescence_flag": ACQUIESCENCE_FLAG, "inconsistency_flag": INCONSISTENCY_FLAG,
            "inconsistency_caution": INCONSISTENCY_CAUTION, "screen": _screen(),
            "min_pairs": MIN_PAIRS_ANSWERED,
            "same_answer_share": f"{SAME_ANSWER_SHARE:.0%}",
            "desirability_pretested": DESIRABILITY_PRETESTED, "strong": STRONG, "min_level_n": MIN_LEVEL_N,
            "min_reliability_n": MIN_RELIABILITY_N, "reliability": f"{RELIABILITY_THRESHOLD:.2f}",
            "resamples": RESAMPLES, "omega_resamples": OMEGA_RESAMPLES,
            "reliability_raw": RELIABILITY_THRESHOLD}


def _data_section(result: ReadResult | None, responses: Responses, analysis: ClassAnalysis) -> dict[str, Any]:
    counts = None
    if result is not None:
        # result is ReadResult.anonymised(): files by number, no cell contents, no free text
        counts = _table(["what was read and dropped", "count"], [
            ["files read", len(result.sources)], ["rows accepted", result.n_accepted],
            ["rows rejected (listed below, without their contents)", result.n_rejected],
            ["rows left out", len(result.left_out)], ["lines skipped", len(result.skipped)],
            ["columns not read (names only; identifying columns never read)",
             len(result.ignored_columns) + len(result.identifying_columns)]])
    return {"n": len(responses),
            "summary": None if result is None else result.summary(), "counts": counts,
            "version": analysis.version, "min_group": analysis.min_group,
            "version_note": None if analysis.version == CURRENT_VERSION else version_note(analysis.version)}


def _problems_section(result: ReadResult | None) -> dict[str, Any] | None:
    if result is None or not (result.rejected or result.skipped or result.partly_read):
        return None
    rejected = _table(["file", "row", "line", "column(s)", "problem"],
                      [[p.source, p.row, p.line, ", ".join(p.columns) or "(whole row)", p.problem]
                       for p in result.rejected]) if result.rejected else None
    skipped = _table(["file", "line", "reason"],
                     [[s.source, s.line, s.reason] for s in result.skipped]) if result.skipped else None
    partly = list(result.partly_read)
    kept = None if not partly else _table(["file", "row", "line", "column(s)", "problem"],
                                          [[p.source, p.row, p.line, ", ".join(p.columns), p.problem]
                                           for p in partly])
    return {"n_rejected": result.n_rejected, "rejected": rejected, "skipped": skipped, "kept": kept}


def _class_section(analysis: ClassAnalysis, figure: dict[str, str]) -> dict[str, Any]:
    s = analysis.overall
    assert s is not None
    rows = [[m.label, _pm(s.now_mean[k], s.now_sd[k]), _pm(s.preferred_mean[k], s.preferred_sd[k]),
             f"{s.gap[k]:+.1f}", f"{s.compositional_now[k]:.1f}"] for k, m in enumerate(ALL_MODES)]
    return {"classified": s.classified, "n": s.n, "count": s.count_text(), "styles": _styles(analysis),
            "cautioned": analysis.cautioned, "same": analysis.same_answers,
            "table": _table(["mode", "now", "preferred", "change wanted", "compositional mean now"], rows),
            "configurations": _configurations(s), "figure": figure,
            "dimensions": analysis.dimensions_text()}


def _notice(result: ReadResult | None) -> dict[str, Any] | None:
    """The notice at the top: what could not be read, by reason and column (counts only, never who)."""
    lines = [] if result is None else result.notice()
    if not lines:
        return None
    assert result is not None
    return {"n_accepted": result.n_accepted, "n_rejected": result.n_rejected,
            "n_left_out": len(result.left_out), "lines": [line.text() for line in lines],
            "advice": result.notice_advice()}


def _styles(analysis: ClassAnalysis) -> dict[str, Any] | None:
    """How many respondents are not classified for a response style, and which styles."""
    s = analysis.overall
    if s is None or not analysis.styles:
        return None
    return {"excluded": s.style_excluded, "none_classified": s.classified == 0,
            "counts": "; ".join(f"{name}: {k}" for name, k in analysis.styles.items() if k)}


def _configurations(s: GroupSummary) -> list[dict[str, str]]:
    """The now and preferred configurations, each withheld (with the reason) when members disagree."""
    out = []
    for label, timeframe, config in (("Now", "now", s.configuration_now),
                                     ("Preferred", "preferred", s.configuration_preferred)):
        agreement = s.agreement(timeframe)
        line = {"label": label, "name": config.name, "text": config.diagnosis, "reason": agreement.reason}
        if config.name == NOT_CLASSIFIED:  # nothing to agree about: say why
            reason = config.diagnosis.removeprefix("Not classified: ")
            line.update(kind="not classified", text=reason[:1].upper() + reason[1:])
        elif s.withheld(timeframe):
            line.update(kind="withheld", text=agreement.reading())
        elif agreement.reason:  # the whole class: a summary of different organisations
            line.update(kind="mean")
        else:
            line.update(kind="agreed")
        out.append(line)
    return out


#: From this many groups shown, the report adds the class bars (one panel per mode, the groups side by
#: side, as in the class-results app) under the group arrows, whose triangle then crowds: the kit's
#: judgement from the lecturer's 10-seminar class (review 3, N8), where 11 arrows piled up in the middle.
BARS_FROM_GROUPS = 5


def _groups_section(analysis: ClassAnalysis, figure: dict[str, str] | None,
                    bars: dict[str, str] | None = None) -> dict[str, Any]:
    if analysis.group_column is None:
        return {"column": None}
    plan = analysis.plan
    assert plan is not None
    rows = [[g.label, g.n, g.style_excluded, *(_pm(g.now_mean[k], g.now_sd[k]) for k in range(4)),
             *(f"{g.preferred_mean[k]:.1f}" for k in range(4)), round(g.variance_now, 2)]
            for g in analysis.groups]
    header = ["group", "n", "not classified: response style", *(f"{m.initial} now" for m in ALL_MODES),
              *(f"{m.initial} preferred" for m in ALL_MODES), "spread now (clr total variance)"]
    return {"column": analysis.group_column, "note": plan.note(),
            "table": _table(header, rows) if rows else None, "figure": figure, "bars": bars}


def _agreement_cell(s: GroupSummary, timeframe: str) -> str:
    a = s.agreement(timeframe)
    if a.reason:
        return "not computed (different organisations)"
    if not a.measured:
        return "-"
    return ", ".join(f"{m.initial} {g.rwg:.2f}"
                     for m, g in zip(ALL_MODES, a.modes, strict=True) if g.measured)


def _icc_table(analysis: ClassAnalysis) -> Table | None:
    table = analysis.group_icc
    if table is None:
        return None
    rows = [[score, int(row["groups"]), int(row["n"]),
             f"{row['ICC(1)']:.2f}" if np.isfinite(row["ICC(1)"]) else "-",
             f"{row['ICC(2)']:.2f}" if np.isfinite(row["ICC(2)"]) else "-", row["reading"]]
            for score, row in table.iterrows()]
    return _table(["score", "groups", "n", "ICC(1) (below 0 read as 0)", "ICC(2) (below 0 read as 0)",
                   "reading"], rows)


def _balance_cells(s: GroupSummary, timeframe: str, r: Any) -> list[object]:
    """Balance index and its parts, or "-" when the configuration is not classified."""
    if not np.isfinite(s.shown_balance(timeframe)):
        return ["-"] * 5
    return [round(r.score, 2), round(r.evenness, 2), round(r.strength, 2), round(r.malign_share, 2),
            round(r.fatalism, 2)]


def _balance_section(analysis: ClassAnalysis) -> dict[str, Any]:
    rows = []
    for s in analysis.summaries():
        for label, r in (("now", s.balance_now), ("preferred", s.balance_preferred)):
            rows.append([s.label, label, s.shown_configuration(label), _agreement_cell(s, label),
                         *_balance_cells(s, label, r)])
    conf = None
    if analysis.configurations is not None:
        conf = _table(["configuration", "now", "preferred"],
                      [[name, int(row["now"]), int(row["preferred"])]
                       for name, row in analysis.configurations.iterrows()])
    header = ["", "timeframe", "configuration", "agreement rwg per mode", "balance", "evenness", "strength",
              "malign share", "fatalism"]
    level = ((analysis.group_level or "not known, so no strength rating is compared")
             if analysis.group_column else "")
    return {"table": _table(header, rows, numeric_from=4),
            "icc": _icc_table(analysis), "configurations": conf, "level": level}


def _level(value: float) -> str:
    return f"{value:+.2f}" if np.isfinite(value) else "not asked"


def _forms_section(analysis: ClassAnalysis, responses: Responses) -> dict[str, Any] | None:
    if not analysis.likert or responses.likert is None:
        return None
    rows = [[s.label, *(f"{_level(b)} / {_level(m)}"
                        for b, m in zip(s.benign_level, s.malign_level, strict=True))]
            for s in analysis.summaries()]
    acq = analysis.acquiescence[np.isfinite(analysis.acquiescence)]
    acquiescence = None
    if acq.size:
        acquiescence = {
            "mean": f"{float(acq.mean()):+.2f}", "flagged": int((acq >= ACQUIESCENCE_FLAG).sum()),
            "n": acq.size,
            # the group means are over the members not flagged (a flagged count there would always be 0)
            "table": _table(["", "mean acquiescence (members not flagged)"],
                            [[g.label, f"{g.acquiescence_mean:+.2f}"]
                             for g in analysis.summaries() if np.isfinite(g.acquiescence_mean)])}
    index = np.atleast_1d(inconsistency_index(responses.likert, responses.questionnaire))
    inconsistency = None
    if np.isfinite(index).any():
        inconsistency = {"mean": f"{float(np.nanmean(index)):.2f}", "n": int(np.isfinite(index).sum()),
                         "flagged": int(responses.styles().inconsistent.sum()),
                         "cautioned": analysis.cautioned,
                         "same": analysis.same_answers, "unchecked": analysis.unchecked}
    return {"table": _table(["", *(m.label for m in ALL_MODES)], rows), "acquiescence": acquiescence,
            "inconsistency": inconsistency, "same": analysis.same_answers}


def _high_ratings(responses: Responses) -> dict[str, object] | None:
    """The strength block's high-rating tendency: class mean and how many rated everything strong."""
    index = responses.high_rating_tendency()
    index = index[np.isfinite(index)]
    if not index.size:
        return None
    return {"mean": f"{float(index.mean()):+.2f}", "flagged": int(responses.styles().high_rating.sum()),
            "n": index.size}


def _share(v: float) -> str:
    return f"{v:.0%}" if np.isfinite(v) else "not estimated"


def _strength_section(analysis: ClassAnalysis, responses: Responses) -> dict[str, Any]:
    rows: list[list[object]] = [
        [s.label, *(f"{v:.2f}" if np.isfinite(v) else "not rated" for v in s.strength_mean)]
        for s in analysis.summaries()]
    out: dict[str, Any] = {"table": _table(["", *(m.label for m in ALL_MODES)], rows),
                           "high": _high_ratings(responses), "levels": None,
                           "blocks": None}
    if analysis.blocks_checked:  # the cross-block check's count
        out["blocks"] = {"disagree": analysis.blocks_disagree, "checked": analysis.blocks_checked,
                         "lead": f"{LEAD_POINTS:.0f}", "steps": RATING_STEPS,
                         "spread": f"{SPREAD_POINTS:.0f}"}
    levels = analysis.levels
    if levels is not None:
        names = [c for c in levels.columns if " - " in c and not c.startswith("|")]
        apart = [c for c in levels.columns if c.startswith("|") and c.endswith("|")]
        means = [c for c in levels.columns if c.startswith("mean ")]
        level_rows = [[mode, int(row["n"]), *(row[c] for c in means), *(f"{row[c]:+.2f}" for c in names),
                       *(f"{row[c]:.2f} ({row[c + ' low']:.2f} to {row[c + ' high']:.2f})" for c in apart),
                       _share(row["same at every level"]), _share(row["level share"]),
                       _share(row["respondent share"])]
                      for mode, row in levels.iterrows()]
        out["levels"] = {
            "table": _table(["mode", "n", *means, *names, *(f"{c} (95% interval)" for c in apart),
                             "same at every level", "level share", "respondent share"], level_rows),
            "readings": [(mode, row["reading"]) for mode, row in levels.iterrows()]}
    return out


def _reliability_section(analysis: ClassAnalysis) -> dict[str, Any] | None:
    table = analysis.reliability
    if table is None:
        return None

    def num(v: float) -> str:
        return f"{v:.2f}" if np.isfinite(v) else "-"

    def span(low: float, high: float) -> str:
        return f"{num(low)} to {num(high)}" if np.isfinite(low) else "-"

    lo, hi = feldt_interval(RELIABILITY_THRESHOLD, MIN_RELIABILITY_N, 4)
    within = "alpha within groups" in table.columns
    rows = [[scale, row["items"], int(row["n"]),
             f"{row['verdict from']} {num(row['verdict value'])}" if row["verdict from"] else "-",
             span(row["verdict low"], row["verdict high"]),
             f"{num(row['alpha'])} ({span(row['alpha low'], row['alpha high'])})"
             if np.isfinite(row["alpha low"]) else num(row["alpha"]),
             *([num(row["alpha within groups"])] if within else []),
             num(row["alpha, every respondent"]),
             "improper (Heywood)" if row["improper"] else num(row["omega"]), num(row["spearman-brown"]),
             row["reading"]]
            for scale, row in table.iterrows()]
    return {"width": f"{hi - lo:.2f}", "low": f"{lo:.2f}", "high": f"{hi:.2f}",
            "respondents": table.attrs.get("respondents", ""),
            "column": analysis.group_column if within else None,
            "table": _table(["scale", "statements", "n", "verdict from", "its 95% interval",
                             "alpha (95% interval)", *(["alpha within groups"] if within else []),
                             "alpha, every respondent", "omega", "Spearman-Brown", "reading"], rows,
                            numeric_from=2)}


def _congruence_section(analysis: ClassAnalysis, responses: Responses) -> dict[str, Any]:
    q = questionnaire()
    s = analysis.overall
    assert s is not None
    # each respondent's complete dimensions only (one off 100 or with an unreadable cell is left out)
    use = complete_dimensions(responses.now, tolerance=responses.tolerance)
    count = use.sum(axis=0)
    distances = np.where(count > 0, np.nansum(dimension_distances(responses.now, use=use), axis=0)
                         / np.maximum(count, 1), np.nan)
    rows = [[f"{k + 1}. {q.headings[d]}", round(float(v), 3)] for k, (d, v) in
            enumerate(zip(q.dimensions, distances, strict=True))]
    return {"congruence": f"{s.congruence_now:.2f}",
            "worst": q.headings[q.dimensions[int(np.nanargmax(distances)) if np.isfinite(distances).any()
                                             else 0]],
            "table": _table(["dimension", "mean distance now"], rows)}


def _drivers_section(analysis: ClassAnalysis, figure: dict[str, str], top: int) -> dict[str, Any]:
    drivers = analysis.drivers
    assert drivers is not None
    rows = [[r["item"], r["heading"], r["mode"], r["statement"], round(r["now_mean"], 1),
             round(r["preferred_mean"], 1), f"{r['gap_mean']:+.1f}", round(r["gap_sd"], 1),
             f"{r['more']:.0%}", f"{r['less']:.0%}"] for _, r in drivers.head(top).iterrows()]
    return {"figure": figure,
            "table": _table(["item", "dimension", "mode", "statement", "now", "preferred", "change", "sd",
                             "want more", "want less"], rows, numeric_from=4)}


def render_report(
    data: ReadResult | Responses,
    *,
    group_column: str | None = None,
    min_group: int = DEFAULT_MIN_GROUP,
    group_level: str | None = None,
    title: str = "Coordination profile: class report",
    top_items: int = 8,
    date: str | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> str:
    """The class report as one self-contained HTML string.

    Parameters
    ----------
    data : ReadResult or Responses
        What :func:`coordkit.survey_io.read_responses` returned (then accepted and rejected rows are
        reported too), or responses directly.
    group_column : str, optional
        Group column for per-group profiles; it must have been read as a group column.
    min_group : int, default 5
        Smallest group (and class) shown; at least 3. Groups below it are suppressed with a note.
    group_level : {"team", "organisation", "system"}, optional
        The level the group column denotes (default: read from its name, e.g. ``team``; see
        :func:`~coordkit.survey.analysis.level_of_group_column`): group agreement, configurations
        and ICC use the strength ratings at that level, and none when it is not known.
    title : str
        Heading of the report (say SYNTHETIC here for made-up data).
    top_items : int, default 8
        How many gap-driving statements to list.
    date : str, optional
        Date printed under the title (default today).
    progress : callable, optional
        Called as ``progress(stage, n_stages, label)`` before each of :data:`STAGES`.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        If ``min_group`` is below 3 or ``group_column`` was not read.
    """
    from coordkit.plots.class_bars import class_bars_figure, describe_class_bars
    from coordkit.plots.style import PAGE_COLOURS
    from coordkit.plots.survey import (
        class_arrows_figure,
        describe_class_arrows,
        describe_gap_drivers,
        describe_respondents,
        describe_survey,
        gap_drivers_figure,
        respondents_figure,
        survey_figure,
    )

    def step(k: int) -> None:
        if progress is not None:
            progress(k + 1, len(STAGES), STAGES[k])

    result = None if isinstance(data, Responses) else data.anonymised()
    responses = data if isinstance(data, Responses) else data.responses
    step(0)
    analysis = analyse(responses, group_column=group_column, min_group=min_group, group_level=group_level)
    when = date or _date.today().isoformat()
    context: dict[str, Any] = {
        "title": title, "date": when, "colours": PAGE_COLOURS, "k": _constants(), "n": analysis.n,
        "shown": analysis.class_shown,
        "data": _data_section(result, responses, analysis), "problems": _problems_section(result),
        "notice": _notice(result)}
    if not analysis.class_shown:
        for k in range(1, len(STAGES)):
            step(k)
    else:
        assert analysis.overall is not None and analysis.drivers is not None
        step(1)
        class_fig = _figure(survey_figure(analysis.overall), describe_survey(analysis.overall))
        step(2)
        context["respondents"] = _figure(respondents_figure(analysis.now_scores, analysis.preferred_scores),
                                         describe_respondents(analysis.now_scores, analysis.preferred_scores))
        step(3)
        arrows = _figure(class_arrows_figure(analysis), describe_class_arrows(analysis)) \
            if analysis.group_column is not None and analysis.groups else None
        bars = _figure(class_bars_figure(analysis), describe_class_bars(analysis)) \
            if arrows is not None and len(analysis.groups) >= BARS_FROM_GROUPS else None
        step(4)
        drivers_fig = _figure(gap_drivers_figure(analysis.drivers, top=top_items),
                              describe_gap_drivers(analysis.drivers, top=top_items))
        context.update(
            class_=_class_section(analysis, class_fig),
            groups=_groups_section(analysis, arrows, bars),
            balance=_balance_section(analysis),
            congruence=_congruence_section(analysis, responses),
            strength=_strength_section(analysis, responses),
            forms=_forms_section(analysis, responses),
            reliability=_reliability_section(analysis),
            drivers=_drivers_section(analysis, drivers_fig, top_items),
        )
    step(5)
    return render("class_report.html.j2", **context)


def write_report(data: ReadResult | Responses, path: str | Path, **options: Any) -> Path:
    """Write the class report to ``path`` (see :func:`render_report` for the options).

    Parameters
    ----------
    data : ReadResult or Responses
    path : str or Path
        Where to write the HTML file (overwritten if it exists).
    **options
        Passed to :func:`render_report`.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import tempfile
    >>> from coordkit.survey import synthetic_class
    >>> out = write_report(synthetic_class(), Path(tempfile.mkdtemp()) / "class.html", date="2026-01-01")
    >>> out.stat().st_size > 50_000
    True
    """
    target = Path(path)
    text = render_report(data, **options)
    target.write_text(text, encoding="utf-8")
    return target

