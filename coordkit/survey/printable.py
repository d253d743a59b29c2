"""The printable questionnaire: every item, generated from the item table, as one HTML page.

For paper use (print it, or "Save as PDF" from the browser's print dialogue). Respondents see
only the questions and statements, numbered; the item codes (the column names the kit's reader
expects), modes, forms and keying are in a **key for the lecturer** at the end, for scoring paper
answers or building the form in a survey tool. On paper every copy has the same order, so the
statements are mixed once with a fixed seed (not hierarchy first, fatalism last, nor a scale's
statements side by side, nor a statement next to its
reversal); the page says that online the order is randomised per respondent.

Examples
--------
>>> page = printable_questionnaire()
>>> page.startswith("<!DOCTYPE html>"), "questionnaire_version" in page
(True, True)
>>> respondent, key = page.split("Key for the lecturer")
>>> "<code>BH1</code>" in respondent, "<code>BH1</code>" in key, "randomised" in respondent
(False, True, True)
>>> "write 0 in any box you give no points" in respondent  # a blank box is also read as 0 if the rest add up
True
>>> "<title>Diagnose &lt;yours&gt;</title>" in printable_questionnaire(title="Diagnose <yours>")
True
>>> sheet, key = printable_questionnaire(part="questionnaire"), printable_questionnaire(part="key")
>>> "Key for the lecturer" in sheet, "<code>BH1</code>" in key, "Share 100 points" in key
(False, True, False)
"""

from __future__ import annotations

from coordkit.survey.instrument import (
    DONT_KNOW,
    FIXED_ORDER_SEED,
    ID_COLUMN,
    LIKERT_LABELS,
    STRENGTH_LABELS,
    VERSION_COLUMN,
    Item,
    Questionnaire,
    fixed_order,
    presentation_order,
    questionnaire,
)

#: Seed of the one fixed order of the printed copy (shared with the survey-tool guides).
PAPER_ORDER_SEED = FIXED_ORDER_SEED

__all__ = ["printable_questionnaire"]


def printable_questionnaire(q: Questionnaire | None = None, *,
                            title: str = "Diagnose your organisation", part: str = "all") -> str:
    """The whole questionnaire as a self-contained, printable HTML page.

    Parameters
    ----------
    q : Questionnaire, optional
        Default the current version.
    title : str, default "Diagnose your organisation"
    part : {"all", "questionnaire", "key"}, default "all"
        The whole page; only what respondents see (to print for them); or only the lecturer's
        key (a separate file, so the key never goes out with the copies).

    Returns
    -------
    str
        An HTML document (no scripts, no external files).
    """
    from coordkit.html import render

    if part not in ("all", "questionnaire", "key"):
        raise ValueError(f"part must be 'all', 'questionnaire' or 'key', not {part!r}")
    q = q or questionnaire()
    key: list[dict[str, object]] = []

    def keyed(where: str, item: Item) -> dict[str, object]:
        key.append({"where": where, "id": item.id, "mode": item.mode.value if item.mode else item.dimension,
                    "form": item.form, "reverse": "reversed" if item.reverse else "",
                    "column": item.column("now") + ", " + item.column("preferred")
                    if item.block == "divide100" else item.column()})
        return {"statement": item.statement}

    dimensions = []
    for d, row in enumerate(q.divide_items, start=1):
        rows = [{"letter": letter, **keyed(f"1.{d} {letter}", i)}
                for letter, i in zip("ABCD", presentation_order(PAPER_ORDER_SEED, row), strict=True)]
        dimensions.append({"number": d, "heading": row[0].heading, "rows": rows})
    parts = []
    for number, (block, name) in enumerate((("likert", "How far do you agree?"),
                                            ("structure", "You and your own work"),
                                            ("strength", "How strong is each way of working?")), start=2):
        items = q.block(block)
        if not items:
            continue
        groups = []
        count = 0
        for heading in dict.fromkeys(i.heading for i in items):
            group = fixed_order([i for i in items if i.heading == heading], q)
            # every 1-5 question also offers "don't know" (read as missing, never as the middle answer)
            scale = STRENGTH_LABELS if group[0].scale == "strength" else LIKERT_LABELS
            labels: dict[int | str, str] = dict(scale.items())
            labels["?"] = DONT_KNOW
            rows = []
            for i in group:
                count += 1
                rows.append({"n": count, **keyed(f"{number}.{count}", i)})
            groups.append({"heading": heading, "labels": labels, "rows": rows})
        parts.append({"number": number, "name": name, "groups": groups})
    return render("questionnaire.html.j2", title=title, version=q.version, version_column=VERSION_COLUMN,
                  id_column=ID_COLUMN, dimensions=dimensions, parts=parts, key=key,
                  show_questionnaire=part != "key", show_key=part != "questionnaire")
