"""Rebuild the malformed-file corpus: ``python tests/survey_corpus/build.py`` (from the repo root).

Each file is one way a real export goes wrong (or right, with junk the reader must see through);
``index.yml`` says what the reader must answer for it. The files are committed, so the tests do
not depend on this script; it documents how each file was made and regenerates them on demand.
"""

from __future__ import annotations

import codecs
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _base() -> tuple[list[str], list[list[str]]]:
    from coordkit.survey import synthetic_class
    from coordkit.survey_io import responses_csv

    lines = responses_csv(synthetic_class(seed=7, size=5)).splitlines()
    rows = [line.split(",") for line in lines]
    return rows[0], rows[1:]


def _text(header: list[str], rows: list[list[str]], sep: str = ",", end: str = "\n") -> str:
    return end.join(sep.join(r) for r in [header, *rows]) + end


def _set(header: list[str], row: list[str], column: str, value: str) -> None:
    row[header.index(column)] = value


def build() -> dict[str, bytes]:
    header, rows = _base()
    files: dict[str, bytes] = {}

    def put(name: str, text: str | bytes) -> None:
        files[name] = text.encode("utf-8") if isinstance(text, str) else text

    def variant(name: str, column: str, row: int, value: str) -> None:
        copy = [list(r) for r in rows]
        _set(header, copy[row - 1], column, value)
        put(name, _text(header, copy))

    # whole-file problems
    put("empty.csv", b"")
    put("only_bom.csv", codecs.BOM_UTF8)
    put("blank_lines.csv", "\n\n  \n")
    put("header_only.csv", _text(header, []))
    put("missing_column.csv", _text([h for h in header if h != "preferred_D3F"],
                                     [[c for h, c in zip(header, r, strict=True) if h != "preferred_D3F"]
                                      for r in rows]))
    put("missing_id_column.csv", _text(["id", *header[1:]], rows))
    put("duplicate_column.csv", _text([*header, "now_D1H"], [[*r, r[3]] for r in rows]))
    put("latin1.csv", _text(header, rows).replace("Ward A", "Salle é").encode("cp1252"))
    put("workbook.csv", b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40)
    put("no_header.csv", _text(rows[0], rows[1:]))
    put("bad_quotes.csv", _text(header, rows).replace("S002,", 'S002,"Ward A x,', 1))
    put("nul_bytes.csv", _text(header, rows).replace("S003", "S0\x003"))
    # row problems
    variant("out_of_range.csv", "now_D2S", 2, "120")
    variant("negative.csv", "preferred_D6H", 4, "-5")
    variant("non_numeric.csv", "preferred_D4I", 1, "lots")
    variant("empty_cell.csv", "now_D6F", 5, "")
    variant("empty_id.csv", "respondent", 2, "")
    variant("likert_out_of_range.csv", "LSM1", 3, "7")
    variant("likert_fraction.csv", "LIB2", 1, "3.5")
    variant("decimal_comma_in_comma_file.csv", "now_D1H", 1, '"33,5"')
    copy = [list(r) for r in rows]
    for k, col in enumerate(("now_D5H", "now_D5S", "now_D5I", "now_D5F")):
        _set(header, copy[2], col, str([30, 30, 20, 10][k]))
    put("sum_off.csv", _text(header, copy))
    copy = [list(r) for r in rows]
    for k, col in enumerate(("preferred_D2H", "preferred_D2S", "preferred_D2I", "preferred_D2F")):
        _set(header, copy[0], col, ["0.4", "0.3", "0.2", "0.1"][k])
    put("fractions.csv", _text(header, copy))
    copy = [list(r) for r in rows]
    _set(header, copy[2], "respondent", copy[0][0])
    put("duplicate_ids.csv", _text(header, copy))
    copy = [list(r) for r in rows]
    copy[1] += ["oops", "again"]
    put("extra_cells.csv", _text(header, copy))
    # accepted despite junk
    semi = _text(header, [[c.replace("5", "5,0") if i > 2 and c == "5" else c for i, c in enumerate(r)]
                          for r in rows], sep=";", end="\r\n")
    put("excel_semicolon_bom.csv", codecs.BOM_UTF8 + semi.encode("utf-8"))
    put("title_lines.csv", "Staff culture survey,,,\nExported 2026-11-20 09:14,,\n\n"
        + _text(header, rows[:3]) + "\n\n" + _text(header, rows[3:]).split("\n", 1)[1])
    qual_header = ["StartDate", "Name", "Email", *header, "Comments"]
    question = ["Start Date", "Your name", "Your email", "Response ID",
                *(f"Q: {h}" for h in header[1:]), "Anything else?"]
    import_ids = ['{"ImportId":"startDate"}', '{"ImportId":"name"}', '{"ImportId":"email"}',
                  *(f'{{""ImportId"":""{h}""}}' for h in header), '{"ImportId":"comments"}']
    import_ids = [f'"{c}"' if '""' in c else f'"{c.replace(chr(34), chr(34) * 2)}"' for c in import_ids]
    body = [["2026-11-20", "Jo Bloggs", "jo@example.org", *r, "My manager never listens"] for r in rows]
    put("qualtrics_like.csv", _text(qual_header, [question]) + ",".join(import_ids) + "\n"
        + _text(qual_header, body).split("\n", 1)[1])
    put("tab_delimited.csv", _text(header, rows, sep="\t"))
    put("utf16.csv", codecs.BOM_UTF16_LE + _text(header, rows, end="\r\n").encode("utf-16-le"))
    put("percent_signs.csv", _text(header, [[f"{c}%" if h.startswith(("now_", "preferred_")) else c
                                             for h, c in zip(header, r, strict=True)] for r in rows]))
    put("mac_line_endings.csv", _text(header, rows, end="\r"))
    return files


if __name__ == "__main__":
    for name, content in build().items():
        (HERE / name).write_bytes(content)
        print(f"wrote {name} ({len(content)} bytes)")
