"""The printable questionnaire: every item, generated from the item table, as one HTML page.

For paper use (print it, or "Save as PDF" from the browser's print dialogue) and as the reference
for building the form in a survey tool: each statement shows its item code, which is also the
column name the kit's reader expects. The page shows statements in the questionnaire's fixed order
(on paper there is no per-respondent order); the codes let a survey tool shuffle them.

Examples
--------
>>> page = printable_questionnaire()
>>> page.startswith("<!DOCTYPE html>"), "BH1" in page, "questionnaire_version" in page
(True, True, True)
"""

from __future__ import annotations

from html import escape

from coordkit.survey.instrument import (
    ID_COLUMN,
    LIKERT_LABELS,
    STRENGTH_LABELS,
    VERSION_COLUMN,
    Item,
    Questionnaire,
    questionnaire,
)

__all__ = ["printable_questionnaire"]

_STYLE = """
body { font-family: system-ui, sans-serif; color: #111; max-width: 48rem; margin: 1rem auto; padding: 0 1rem;
       line-height: 1.4; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 1.6rem; border-bottom: 1px solid #444; }
h3 { font-size: 1rem; margin: 1rem 0 0.3rem; }
table { border-collapse: collapse; width: 100%; margin-bottom: 0.6rem; }
th, td { border: 1px solid #555; padding: 0.25rem 0.4rem; vertical-align: top; text-align: left; }
td.box { width: 4.5rem; } code { font-size: 0.85em; }
.note { font-size: 0.9rem; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; }
                table { break-inside: avoid; } }
"""


def _rated(items: tuple[Item, ...], labels: dict[int, str]) -> str:
    head = "".join(f"<th scope='col'>{k}<br><small>{escape(v)}</small></th>" for k, v in labels.items())
    rows = "".join(
        f"<tr><th scope='row'>{escape(i.statement)} <code>{escape(i.id)}</code></th>"
        + "".join("<td>&#9744;</td>" for _ in labels) + "</tr>"
        for i in items
    )
    return f"<table><tr><th scope='col'>Statement</th>{head}</tr>{rows}</table>"


def printable_questionnaire(q: Questionnaire | None = None, *,
                            title: str = "Diagnose your organisation") -> str:
    """The whole questionnaire as a self-contained, printable HTML page.

    Parameters
    ----------
    q : Questionnaire, optional
        Default the current version.
    title : str, default "Diagnose your organisation"

    Returns
    -------
    str
        An HTML document (no scripts, no external files).
    """
    q = q or questionnaire()
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f"<p class='note'>The kit's questionnaire, version {q.version} (record "
        f"<code>{VERSION_COLUMN}</code> = {q.version} in every answer file). A teaching instrument, "
        "not a validated measure. Write the code your lecturer gave you, never your name: "
        f"<code>{ID_COLUMN}</code> ______________. Codes after each statement are the column names "
        "the kit reads.</p>",
        "<h2>Part 1. Share 100 points</h2>",
        "<p class='note'>For each question, share 100 points among the four statements: more points for "
        "the statement that fits your organisation better. Do it twice: for how things are <b>now</b>, "
        "and for how you would <b>prefer</b> them. Each column must add up to 100.</p>",
    ]
    for d, row in enumerate(q.divide_items, start=1):
        parts.append(f"<h3>{d}. {escape(row[0].heading)}</h3><table><tr><th scope='col'>Statement</th>"
                     "<th scope='col'>Now</th><th scope='col'>Preferred</th></tr>")
        for letter, item in zip("ABCD", row, strict=True):
            parts.append(f"<tr><th scope='row'>{letter}. {escape(item.statement)} "
                         f"<code>{escape(item.id)}</code></th>"
                         "<td class='box'></td><td class='box'></td></tr>")
        parts.append("<tr><th scope='row'>Total</th><td>100</td><td>100</td></tr></table>")
    for number, (block, name) in enumerate((("likert", "How far do you agree?"),
                                            ("structure", "You and your own work"),
                                            ("strength", "How strong is each way of working?")), start=2):
        items = q.block(block)
        if not items:
            continue
        parts.append(f"<h2>Part {number}. {escape(name)}</h2>")
        for heading in dict.fromkeys(i.heading for i in items):
            group = tuple(i for i in items if i.heading == heading)
            labels = STRENGTH_LABELS if group[0].scale == "strength" else LIKERT_LABELS
            parts.append(f"<h3>{escape(heading)}</h3>{_rated(group, labels)}")
    parts.append("<p class='note'>Leave a line blank if you cannot answer it (for example, if you do not "
                 "know your local system). Tick one box per line.</p></body></html>")
    return "".join(parts)
