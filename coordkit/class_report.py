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

from coordkit.html import Markup, escape, render
from coordkit.modes import ALL_MODES
from coordkit.survey import (
    ACQUIESCENCE_FLAG,
    AGREEMENT_THRESHOLD,
    CURRENT_VERSION,
    DEFAULT_MIN_GROUP,
    ICC2_THRESHOLD,
    MALIGN_WARNING,
    MIN_LEVEL_N,
    MIN_RELIABILITY_N,
    NOT_CLASSIFIED,
    RELIABILITY_THRESHOLD,
    STRONG,
    ClassAnalysis,
    GroupSummary,
    Responses,
    analyse,
    dimension_distances,
    feldt_interval,
    questionnaire,
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

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;max-width:1000px;margin:2em auto;
padding:0 1em;color:#1a1a1a;line-height:1.45}
h1{font-size:1.7em;margin-bottom:.2em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:.6em 0;font-size:.92em}th,td{border:1px solid #ccc;padding:.3em .55em;
text-align:left;vertical-align:top}th{background:#f2f2f2}td.num{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:1em 0}img{max-width:100%;height:auto;border:1px solid #eee}
figcaption,details{font-size:.88em;color:#333}.note{background:#fff8dc;border-left:4px solid #E69F00;
padding:.5em .8em;margin:.8em 0}.warn{background:#fdecea;border-left:4px solid #D55E00;padding:.5em .8em}
.muted{color:#555;font-size:.9em}
@media print{h2{page-break-before:auto}figure{page-break-inside:avoid}}
"""


def _e(text: object) -> str:
    return escape(text)


def _figure(fig: Figure, description: str, *, dpi: int = 90) -> str:
    from coordkit.plots import to_png

    data = base64.b64encode(to_png(fig, dpi=dpi)).decode("ascii")
    return (f'<figure><img src="data:image/png;base64,{data}" alt="{_e(description)}">'
            f"<details><summary>Figure description</summary><p>{_e(description)}</p></details></figure>")


def _table(header: Sequence[str], rows: Sequence[Sequence[object]], *, numeric_from: int = 1) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = []
    for row in rows:
        cells = []
        for k, value in enumerate(row):
            cls = ' class="num"' if k >= numeric_from and isinstance(value, (int, float, np.floating)) else ""
            cells.append(f"<td{cls}>{_e(value)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _pm(mean: float, sd: float) -> str:
    return f"{mean:.1f} ± {sd:.1f}"


def _summaries(analysis: ClassAnalysis) -> list[GroupSummary]:
    return ([analysis.overall] if analysis.overall else []) + list(analysis.groups)


def _data_section(result: ReadResult | None, responses: Responses, analysis: ClassAnalysis) -> str:
    out = ["<h2>About the data</h2>"]
    if result is None:
        out.append(f"<p>{len(responses)} respondents.</p>")
    else:
        # result is ReadResult.anonymised(): files by number, no cell contents, no free text
        out.append("<p>" + "<br>".join(_e(line) for line in result.summary().split("\n")) + "</p>")
        counts = [["files read", len(result.sources)], ["rows accepted", result.n_accepted],
                  ["rows rejected (listed below, without their contents)", result.n_rejected],
                  ["rows left out", len(result.left_out)], ["lines skipped", len(result.skipped)],
                  ["columns not read (names only; identifying columns never read)",
                   len(result.ignored_columns) + len(result.identifying_columns)]]
        out.append(_table(["what was read and dropped", "count"], counts))
    if analysis.version != CURRENT_VERSION:
        out.append(f'<p class="note">These answers follow questionnaire version {analysis.version} '
                   f"(the first version); the current version is {CURRENT_VERSION}. They are scored "
                   f"with version {analysis.version}'s items: there are no strength ratings, so strength "
                   "now is read from the divide-100 points (30 of 100 counts as strong), the preferred "
                   "configuration is not classified (preferred strength was not asked), and fatalism has "
                   "no benign or malign statements.</p>")
    out.append(
        f'<p class="note"><b>Privacy.</b> This report shows no respondent ids, names or free text. '
        f"Groups with fewer than {analysis.min_group} respondents are not shown on their own "
        f"(the threshold is a setting, never below 3).</p>")
    return "\n".join(out)


def _problems_section(result: ReadResult | None) -> str:
    if result is None or (not result.rejected and not result.skipped):
        return ""
    out = ["<h2>Rows not used</h2>"]
    if result.rejected:
        out.append(f"<p>{result.n_rejected} row(s) were rejected and are not in any result. Each problem "
                   "is listed without the cell's content; fix the file and run the report again.</p>")
        rows = [[p.source, p.row, p.line, ", ".join(p.columns) or "(whole row)", p.problem]
                for p in result.rejected]
        out.append(_table(["file", "row", "line", "column(s)", "problem"], rows, numeric_from=1))
    if result.skipped:
        rows = [[s.source, s.line, s.reason] for s in result.skipped]
        out.append("<p>Lines skipped because they held no answers:</p>")
        out.append(_table(["file", "line", "reason"], rows, numeric_from=1))
    return "\n".join(out)


def _class_section(analysis: ClassAnalysis, figure_html: str) -> str:
    s = analysis.overall
    assert s is not None
    rows = []
    for k, m in enumerate(ALL_MODES):
        rows.append([m.label, _pm(s.now_mean[k], s.now_sd[k]), _pm(s.preferred_mean[k], s.preferred_sd[k]),
                     f"{s.gap[k]:+.1f}", f"{s.compositional_now[k]:.1f}"])
    out = [
        "<h2>Class profile</h2>",
        f"<p>Mean scores of {s.classified} respondents (points out of 100, mean ± standard deviation). The "
        "compositional mean is the centre that respects the sum to 100 (see the notes at the end).</p>",
        *_style_lines(analysis),
        _table(["mode", "now", "preferred", "change wanted", "compositional mean now"], rows),
        *(_configuration_lines(s)),
        figure_html,
    ]
    return "\n".join(out)


def _style_lines(analysis: ClassAnalysis) -> list[str]:
    """How many respondents are not classified for a response style, and which styles."""
    s = analysis.overall
    if s is None or not analysis.styles:
        return []
    counts = [f"{name}: {k}" for name, k in analysis.styles.items() if k]
    if s.classified == 0:
        use = ("Every respondent was flagged, so nothing is classified; the means above are "
               "those of every respondent, shown only to describe the answers.")
    else:
        use = ("They are left out of every class and group mean, level, agreement, configuration and "
               "group comparison (ICC) "
               "in this report (the respondents' configurations table counts them as not classified).")
    return [f'<p class="note"><b>{s.style_excluded} respondent{"s" if s.style_excluded != 1 else ""} '
            f"not classified: response style.</b> Their answers follow a way of answering more than "
            f"their content ({_e('; '.join(counts))}; one respondent can have several). {use} A flag "
            "is the kit's prompt to look at the answers, not proof that they are insincere; the "
            "thresholds are the kit's (coordkit.survey.styles).</p>"]


def _configuration_lines(s: GroupSummary) -> list[str]:
    """The now and preferred configurations, each withheld (with the reason) when members disagree."""
    out = []
    for label, timeframe, config in (("Now", "now", s.configuration_now),
                                     ("Preferred", "preferred", s.configuration_preferred)):
        agreement = s.agreement(timeframe)
        if config.name == NOT_CLASSIFIED:  # nothing to agree about: say why
            reason = config.diagnosis.removeprefix("Not classified: ")
            out.append(f"<p><b>{label}: not classified.</b> {_e(reason[:1].upper() + reason[1:])}</p>")
        elif s.withheld(timeframe):
            out.append(f"<p><b>{label}: configuration withheld.</b> {_e(agreement.reading())}.</p>")
        elif agreement.reason:  # the whole class: a summary of different organisations
            out.append(f"<p><b>{label}, configuration of the mean: {_e(config.name)}.</b> "
                       f"{_e(config.diagnosis)} <i>This is not an agreed description; "
                       f"{_e(agreement.reason)}.</i></p>")
        else:
            out.append(f"<p><b>{label}: {_e(config.name)}.</b> {_e(config.diagnosis)}</p>")
    return out


def _groups_section(analysis: ClassAnalysis, figure_html: str) -> str:
    if analysis.group_column is None:
        return ("<h2>Groups</h2><p>No group column was chosen (e.g. <code>--group-column team</code>), "
                "so the class is reported as a whole.</p>")
    plan = analysis.plan
    assert plan is not None
    out = [f"<h2>Groups by {_e(analysis.group_column)}</h2>",
           f'<p class="note">{_e(plan.note())}</p>']
    rows = []
    for g in analysis.groups:
        rows.append([g.label, g.n, g.style_excluded, *(_pm(g.now_mean[k], g.now_sd[k]) for k in range(4)),
                     *(f"{g.preferred_mean[k]:.1f}" for k in range(4)), round(g.variance_now, 2)])
    if rows:
        header = ["group", "n", "not classified: response style", *(f"{m.initial} now" for m in ALL_MODES),
                  *(f"{m.initial} preferred" for m in ALL_MODES), "spread now (clr total variance)"]
        out.append("<p>Mean scores of each group shown (points; now as mean ± standard deviation), over "
                   "the members not flagged for a response style (n counts every member). "
                   "Spread is the total variance of the log-ratios: 0 when every member gives the same "
                   "mix.</p>")
        out.append(_table(header, rows))
        out.append(figure_html)
    return "\n".join(out)


def _agreement_cell(s: GroupSummary, timeframe: str) -> str:
    a = s.agreement(timeframe)
    if a.reason:
        return "not computed (different organisations)"
    if not a.measured:
        return "-"
    return ", ".join(f"{m.initial} {g.rwg:.2f}"
                     for m, g in zip(ALL_MODES, a.modes, strict=True) if g.measured)


def _icc_lines(analysis: ClassAnalysis) -> list[str]:
    table = analysis.group_icc
    if table is None:
        return []
    rows = [[mode, int(row["groups"]), int(row["n"]),
             f"{row['ICC(1)']:.2f}" if np.isfinite(row["ICC(1)"]) else "-",
             f"{row['ICC(2)']:.2f}" if np.isfinite(row["ICC(2)"]) else "-", row["reading"]]
            for mode, row in table.iterrows()]
    return ["<p><b>Do the groups differ?</b> Agreement within groups does not say whether groups differ. "
            "ICC(1) is the share of a rating's spread that lies between the groups shown, ICC(2) the "
            "reliability of their means (one-way analysis of variance, Bliese 2000); the kit reads group "
            f"means as reliably different from ICC(2) {ICC2_THRESHOLD:.2f} (the kit's convention). Alpha "
            "(below) is about individuals' answers and says nothing about this.</p>",
            _table(["organisation strength of", "groups", "n", "ICC(1)", "ICC(2)", "reading"], rows,
                   numeric_from=1)]


def _balance_cells(s: GroupSummary, timeframe: str, r: Any) -> list[object]:
    """Balance index and its parts, or "-" when the configuration is not classified."""
    if not np.isfinite(s.shown_balance(timeframe)):
        return ["-"] * 5
    return [round(r.score, 2), round(r.evenness, 2), round(r.strength, 2), round(r.malign_share, 2),
            round(r.fatalism, 2)]


def _balance_section(analysis: ClassAnalysis) -> str:
    rows = []
    for s in _summaries(analysis):
        for label, r in (("now", s.balance_now), ("preferred", s.balance_preferred)):
            rows.append([s.label, label, s.shown_configuration(label), _agreement_cell(s, label),
                         *_balance_cells(s, label, r)])
    out = ["<h2>Balance index and configurations</h2>",
           "<p>The balance index (the kit's) multiplies the evenness of the benign active strengths, their "
           "mean strength, one minus the malign share and one minus fatalism (coordkit.balance); it is the "
           "kit's reading of Taylor's balance, not his measure. Strengths come from the mean strength "
           "ratings, now and preferred. When no member rated a mode's strength (or all said \"don't "
           "know\"), the configuration is not classified and says why: the kit does not read strength "
           "from the divide-100 points, except in a version 1 file, which has no ratings (there 30 of "
           "100 points counts as strong, and the diagnosis says so). A configuration that is not "
           "classified has no balance index ('-'). The malign share is the positive part of the malign "
           "level.</p>",
           "<p>A group's configuration is read from its members' mean ratings, which describe nobody if "
           "members disagree. So the kit first measures their agreement on each mode's organisation "
           "strength rating separately, r<sub>wg</sub> (1 = identical answers, 0 = as spread as random "
           "answers, the uniform null). The multi-item r<sub>wg(j)</sub> (James, Demaree and Wolf 1984) "
           "is for items of one construct; the four ratings are four different things, and pooling them "
           "would let agreement on three modes hide disagreement on the fourth. The configuration rests "
           "on all four (which active modes are strong, and whether fatalism counts), so it is withheld when "
           f"agreement on any mode is under {AGREEMENT_THRESHOLD:.2f} (a convention, the kit's choice of it; "
           "LeBreton and Senter 2008 read 0.51-0.70 as moderate, 0.71-0.90 as strong agreement; '-' = "
           "not measured). Agreement needs a shared target: the kit takes each group (the group column) "
           "to describe one unit, and computes no agreement for the whole class or for a row of groups "
           "combined, whose members describe different organisations; their configuration is that of a "
           "mean, not an agreed description, and the respondents' own configurations are counted "
           "below.</p>",
           _table(["", "timeframe", "configuration", "agreement rwg per mode", "balance", "evenness",
                   "strength", "malign share", "fatalism"], rows, numeric_from=4),
           *_icc_lines(analysis)]
    if analysis.configurations is not None:
        conf = [[name, int(row["now"]), int(row["preferred"])]
                for name, row in analysis.configurations.iterrows()]
        out.append("<p>How many respondents' own profiles fall in each configuration:</p>")
        out.append(_table(["configuration", "now", "preferred"], conf))
    return "\n".join(out)


def _level(value: float) -> str:
    return f"{value:+.2f}" if np.isfinite(value) else "not asked"


def _forms_section(analysis: ClassAnalysis) -> str:
    out = ["<h2>Benign and malign forms</h2>"]
    if not analysis.likert:
        out.append("<p>The benign/malign (Likert) block was not in the file, so no malign side is shown.</p>")
        return "\n".join(out)
    rows = [[s.label, *(f"{_level(b)} / {_level(m)}"
                        for b, m in zip(s.benign_level, s.malign_level, strict=True))]
            for s in _summaries(analysis)]
    out.append("<p>Mean benign and malign level of each mode (benign / malign), scored separately: each is "
               "the mean agreement with the mode's benign (or malign) statements, reverse-keyed statements "
               "turned round, on a scale from -1 (strong disagreement) through 0 (neither) to +1 (strong "
               "agreement). A mode can be high on both. The kit warns when a strong mode's malign level is "
               f"at least {MALIGN_WARNING} and above its benign level (the kit's rule).</p>")
    out.append(_table(["", *(m.label for m in ALL_MODES)], rows))
    acq = analysis.acquiescence[np.isfinite(analysis.acquiescence)]
    if acq.size:
        flagged = int((acq >= ACQUIESCENCE_FLAG).sum())
        out.append(
            f"<p><b>Acquiescence.</b> Each respondent's acquiescence index is their mean agreement over "
            "the balanced pairs (each statement with its reversal), centred so that 0 is no lean and +1 "
            f"agreeing strongly with everything. Class mean {float(acq.mean()):+.2f}; {flagged} of "
            f"{acq.size} respondent(s) at or above {ACQUIESCENCE_FLAG} (the kit's flag: on average "
            "agreeing with a statement and with its reversal, which honest answers seldom do). Flagged "
            "respondents (for this or another response style) are not classified and are left out of "
            "the class and group levels above.</p>")
        out.append(_table(["", "mean acquiescence", "flagged"],
                          [[g.label, f"{g.acquiescence_mean:+.2f}", g.acquiescent]
                           for g in _summaries(analysis)
                           if np.isfinite(g.acquiescence_mean)]))
    return "\n".join(out)


def _high_rating_lines(responses: Responses) -> list[str]:
    """The strength block's high-rating tendency: class mean and how many rated everything strong."""
    index = responses.high_rating_tendency()
    index = index[np.isfinite(index)]
    if not index.size:
        return []
    flagged = int(responses.styles().high_rating.sum())
    return [f"<p><b>High ratings throughout.</b> The strength ratings have no reversed questions, so a "
            "habit of rating everything high cannot cancel out there. The kit shows it instead: each "
            "respondent's <i>high-rating tendency</i> is their mean now rating over every way of working "
            "and level, re-centred so that 0 is 'moderate' on average and +1 'very strong' throughout. "
            f"Class mean {float(index.mean()):+.2f}. {flagged} of {index.size} respondent(s) rated every way "
            "of working, fatalism included, 'strong' or more at every level (the kit's flag). That is a "
            "tendency in how someone answered, not proof that the ratings are wrong: it may be sincere. "
            "Flagged respondents are not classified and are left out of the group results.</p>"]


def _strength_section(analysis: ClassAnalysis, responses: Responses) -> str:
    out = ["<h2>Strength and levels</h2>"]
    rows: list[list[object]] = [
        [s.label, *(f"{v:.2f}" if np.isfinite(v) else "not rated" for v in s.strength_mean)]
            for s in _summaries(analysis)]
    out.append("<p>Mean strength of each way of working in respondents' organisations, from the strength "
               "ratings (0 = absent, 0.5 = moderate, 0.75 = strong, 1 = very strong). Strength comes from "
               "these ratings, not from the divide-100 shares, which only say how the modes compare. A mode "
               f"counts as strong from {STRONG}.</p>")
    out.append(_table(["", *(m.label for m in ALL_MODES)], rows))
    out.extend(_high_rating_lines(responses))
    levels = analysis.levels
    if levels is None:
        out.append("<p>The answers have no strength ratings by level (a version 1 file), so levels are not "
                   "compared.</p>")
        return "\n".join(out)
    names = [c for c in levels.columns if " - " in c]
    def share(v: float) -> str:
        return f"{v:.0%}" if np.isfinite(v) else "not estimated"

    rows = [[mode, int(row["n"]), *(row[c] for c in levels.columns if c.startswith("mean ")),
             *(f"{row[c]:+.2f}" for c in names), share(row["level share"]), share(row["respondent share"])]
            for mode, row in levels.iterrows()]
    out.append("<p>The same ratings for the respondent's team, organisation and local system. The three "
               "ratings come from the same person, so they are compared within respondents (only those "
               "who rated all three): the mean rating (1-5) at each level, the mean difference between "
               "neighbouring levels, and a respondent x level split of the variance. The <b>level share</b> "
               "is the part of the spread <i>within</i> respondents that comes from which level is rated, "
               "each respondent's own tendency to rate high or low removed: level / (level + residual). "
               "The <b>respondent share</b> is that tendency's part of all the spread. Coordination theory "
               "says the same forms matter at every level (its fractal claim). The kit's reading: a level "
               "share under one half (the kit's cut) means respondents see the levels alike, which fits "
               "that claim, and a larger one that they see them differently. Its caveat, also the kit's: "
               "alike ratings, and a large respondent share, are what a <i>halo</i> gives too (one overall "
               "impression of a way of working carried to every level), so they do not on their own show "
               f"the same mix at each level. A mode is split only when at least {MIN_LEVEL_N} respondents "
               "rated every level (the kit's minimum).</p>")
    out.append(_table(["mode", "n", *(c for c in levels.columns if c.startswith("mean ")), *names,
                       "level share", "respondent share"], rows))
    out.extend(f"<p>{_e(mode)}: {_e(row['reading'])}</p>" for mode, row in levels.iterrows())
    return "\n".join(out)


def _reliability_section(analysis: ClassAnalysis) -> str:
    table = analysis.reliability
    if table is None:
        return ""

    def num(v: float) -> str:
        return f"{v:.2f}" if np.isfinite(v) else "-"

    lo, hi = feldt_interval(RELIABILITY_THRESHOLD, MIN_RELIABILITY_N, 4)
    width = hi - lo
    rows = [[scale, row["items"], int(row["n"]),
             f"{row['verdict from']} {num(row['verdict value'])}" if row["verdict from"] else "-",
             num(row["alpha"]),
             f"{num(row['alpha low'])} to {num(row['alpha high'])}" if np.isfinite(row["alpha low"]) else "-",
             "improper (Heywood)" if row["improper"] else num(row["omega"]), num(row["spearman-brown"]),
             row["reading"]]
            for scale, row in table.iterrows()]
    return "\n".join([
        "<h2>Reliability of the scales</h2>",
        f"<p>How consistently respondents answer each scale's statements in this class. The verdict uses "
        f"McDonald's omega where it can be estimated (three statements or more and a proper one-factor "
        f"solution; an improper one, a Heywood case, is named, not reported; omega assumes one factor, "
        f"which the kit does not test), Cronbach's alpha where it cannot, and for two-statement scales the "
        f"Spearman-Brown coefficient (Eisinga et al. 2013), not alpha; the table names the coefficient "
        f"each verdict uses. Intervals are 95% bootstrap intervals; omega has none here, so alpha's is "
        f"printed beside it, labelled as alpha's. A verdict needs at least {MIN_RELIABILITY_N} respondents "
        f"who answered the whole scale (the kit's minimum: with fewer, the interval is too wide to tell "
        f"acceptable from poor); below it the table says \"not enough answers\". Even at "
        f"{MIN_RELIABILITY_N}, a four-statement scale with alpha {RELIABILITY_THRESHOLD:.2f} has a 95% "
        f"interval about {width:.2f} wide ({lo:.2f} to {hi:.2f}, Feldt's interval), so read each value as "
        f"a range, not a point. The usual minimum is {RELIABILITY_THRESHOLD}. A high value says the "
        "statements are answered consistently; it does not show that they measure one thing, nor that "
        "groups can be compared on the scale (that is ICC(2), above). A two-statement grid or group "
        "score is too unreliable to place one respondent in a grid-group quadrant with confidence. The "
        "strength ratings are single items and have no reliability.</p>",
        _table(["scale", "statements", "n", "verdict from", "alpha", "alpha 95% interval", "omega",
                "Spearman-Brown", "reading"], rows, numeric_from=2),
    ])


def _congruence_section(analysis: ClassAnalysis, responses: Responses) -> str:
    q = questionnaire()
    s = analysis.overall
    assert s is not None
    distances = dimension_distances(responses.now).mean(axis=0)
    rows = [[f"{k + 1}. {q.headings[d]}", round(float(v), 3)] for k, (d, v) in
            enumerate(zip(q.dimensions, distances, strict=True))]
    worst = q.headings[q.dimensions[int(np.argmax(distances))]]
    return "\n".join([
        "<h2>Congruence across dimensions</h2>",
        f"<p>Mean congruence now: <b>{s.congruence_now:.2f}</b> (1 = every dimension has the same mix "
        f"of modes). The dimension most out of line with respondents' overall answers is "
        f"<b>{_e(worst)}</b>. Distance of each dimension from a respondent's overall mix (0 = the same, "
        "1 = nothing in common), averaged over respondents:</p>",
        _table(["dimension", "mean distance now"], rows),
    ])


def _drivers_section(analysis: ClassAnalysis, figure_html: str, top: int) -> str:
    drivers = analysis.drivers
    assert drivers is not None
    rows = [[r["item"], r["heading"], r["mode"], r["statement"], round(r["now_mean"], 1),
             round(r["preferred_mean"], 1), f"{r['gap_mean']:+.1f}", round(r["gap_sd"], 1),
             f"{r['more']:.0%}", f"{r['less']:.0%}"] for _, r in drivers.head(top).iterrows()]
    return "\n".join([
        "<h2>Statements that drive the gap</h2>",
        "<p>Mean change wanted per statement (preferred minus now, in points, each dimension rescaled to "
        "100), largest first, with the share of respondents wanting more or less of it.</p>",
        figure_html,
        _table(["item", "dimension", "mode", "statement", "now", "preferred", "change", "sd", "want more",
                "want less"], rows, numeric_from=4),
    ])


_NOTES = """
<h2>Notes on method</h2>
<ul>
<li>The questionnaire is the kit's own teaching instrument (coordkit, <code>data/survey_items.csv</code>),
in the divide-100 format of Cameron and Quinn's OCAI with coordination-theory content. It has not been
validated; read the results as a prompt for discussion, not a measurement.</li>
<li>A mode's score is its mean over the six dimensions after each dimension is rescaled to 100. Strength
comes from the strength ratings (1 absent to 5 very strong), not from these ipsative scores; a mode is
strong when rated "strong" or more (the kit's threshold).</li>
<li>Benign and malign levels are scored separately, centred on "neither agree nor disagree"; half the
statements of every scale are reversals of the other half, so agreeing with everything leaves every level
at 0 and raises no malign warning; the acquiescence index shows who did.</li>
<li>Divide-100 answers are ipsative: every row sums to 100, which builds negative correlations into raw
shares. For statistics (spread, distances, tests) the kit uses centred log-ratios (clr), with zeros
replaced by half a point (Aitchison 1986; Martín-Fernández et al. 2003).</li>
<li>Preferred profiles are taken as wholly benign; the malign shares describe the organisation now.
Preferred strength is asked directly, never inferred from the points.</li>
<li>Privacy: no ids, names or free text; small groups are suppressed and, where subtraction could reveal
them, combined with the smallest other groups.</li>
</ul>
"""


def render_report(
    data: ReadResult | Responses,
    *,
    group_column: str | None = None,
    min_group: int = DEFAULT_MIN_GROUP,
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
    analysis = analyse(responses, group_column=group_column, min_group=min_group)
    when = date or _date.today().isoformat()
    parts = [_data_section(result, responses, analysis)]
    if not analysis.class_shown:
        parts.append(f'<p class="warn">Only {analysis.n} respondent(s) were accepted: fewer than the minimum '
                     f"of {analysis.min_group}, so no results are shown, to protect the respondents.</p>")
        parts.append(_problems_section(result))
        for k in range(1, len(STAGES)):
            step(k)
    else:
        assert analysis.overall is not None and analysis.drivers is not None
        step(1)
        class_fig = _figure(survey_figure(analysis.overall), describe_survey(analysis.overall))
        step(2)
        scatter = _figure(respondents_figure(analysis.now_scores, analysis.preferred_scores),
                          describe_respondents(analysis.now_scores, analysis.preferred_scores))
        step(3)
        arrows = _figure(class_arrows_figure(analysis), describe_class_arrows(analysis)) \
            if analysis.group_column is not None and analysis.groups else ""
        step(4)
        drivers_fig = _figure(gap_drivers_figure(analysis.drivers, top=top_items),
                              describe_gap_drivers(analysis.drivers, top=top_items))
        parts += [
            _class_section(analysis, class_fig),
            "<h2>Every respondent</h2>",
            "<p>Each dot is one respondent (unlabelled); the star is the class mean.</p>", scatter,
            _groups_section(analysis, arrows),
            _balance_section(analysis),
            _congruence_section(analysis, responses),
            _strength_section(analysis, responses),
            _forms_section(analysis),
            _reliability_section(analysis),
            _drivers_section(analysis, drivers_fig, top_items),
            _problems_section(result),
        ]
    step(5)
    # every section is built from escaped values (see _e and _table), so it is passed on as Markup
    return render("class_report.html.j2", title=title, date=when, css=Markup(_CSS),
                  sections=[Markup(p) for p in parts if p], notes=Markup(_NOTES))


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

