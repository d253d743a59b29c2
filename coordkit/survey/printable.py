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
>>> "<title>Diagnose &lt;yours&gt;</title>" in printable_questionnaire(title="Diagnose <yours>")
True
"""

from __future__ import annotations

from coordkit.survey.instrument import (
    ID_COLUMN,
    LIKERT_LABELS,
    STRENGTH_LABELS,
    VERSION_COLUMN,
    Questionnaire,
    questionnaire,
)

__all__ = ["printable_questionnaire"]


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
    from coordkit.html import render

    q = q or questionnaire()
    dimensions = [
        {"number": d, "heading": row[0].heading,
         "rows": [{"letter": letter, "statement": i.statement, "id": i.id}
                   for letter, i in zip("ABCD", row, strict=True)]}
        for d, row in enumerate(q.divide_items, start=1)
    ]
    parts = []
    for number, (block, name) in enumerate((("likert", "How far do you agree?"),
                                            ("structure", "You and your own work"),
                                            ("strength", "How strong is each way of working?")), start=2):
        items = q.block(block)
        if not items:
            continue
        groups = []
        for heading in dict.fromkeys(i.heading for i in items):
            group = [i for i in items if i.heading == heading]
            labels = STRENGTH_LABELS if group[0].scale == "strength" else LIKERT_LABELS
            groups.append({"heading": heading, "labels": labels,
                           "rows": [{"statement": i.statement, "id": i.id} for i in group]})
        parts.append({"number": number, "name": name, "groups": groups})
    return render("questionnaire.html.j2", title=title, version=q.version, version_column=VERSION_COLUMN,
                  id_column=ID_COLUMN, dimensions=dimensions, parts=parts)
