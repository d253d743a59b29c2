"""Rebuild the corpus (and ``docs/forms``): ``python tests/survey_corpus/build.py`` (from the repo root).

After the questionnaire's items change, this one command regenerates everything the readers derive
from them: the tool exports and their expected outcomes, and the form-building guides.

Two parts. The top folder holds the kit's own CSV gone wrong in one way each (or right, with junk
the reader must see through). ``tools/`` holds realistic exports of the kit's form from each survey
tool -- Microsoft Forms (.xlsx), Google Forms, Qualtrics (numeric and choice text), SurveyMonkey,
JISC Online Surveys, a Moodle "Download all submissions" folder and zip -- built from the item
table (:func:`coordkit.survey.read.forms.form_questions`, the questions the guides tell lecturers
to create) and a SYNTHETIC class, plus hand-made edge cases. Each folder's ``index.yml`` says what
the reader must answer for every file. The files are committed, so the tests do not depend on this
script; it documents how each file was made and regenerates them on demand (rerun it after the
questionnaire's items change).
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
    put(
        "missing_column.csv",
        _text(
            [h for h in header if h != "preferred_D3F"],
            [[c for h, c in zip(header, r, strict=True) if h != "preferred_D3F"] for r in rows],
        ),
    )
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
    variant("likert_out_of_range.csv", LIKERT_OUT_OF_RANGE, 3, "7")
    variant("likert_fraction.csv", LIKERT_FRACTION, 1, "3.5")
    variant("decimal_comma_in_comma_file.csv", "now_D1H", 1, '"33,5"')
    copy = [list(r) for r in rows]  # 60/40/blank/blank: the blanks are the boxes given no points
    for k, col in enumerate(("now_D3H", "now_D3S", "now_D3I", "now_D3F")):
        _set(header, copy[1], col, ["60", "40", "", ""][k])
    put("empty_cells_add_up.csv", _text(header, copy))
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
    semi = _text(
        header,
        [[c.replace("5", "5,0") if i > 2 and c == "5" else c for i, c in enumerate(r)] for r in rows],
        sep=";",
        end="\r\n",
    )
    put("excel_semicolon_bom.csv", codecs.BOM_UTF8 + semi.encode("utf-8"))
    put(
        "title_lines.csv",
        "Staff culture survey,,,\nExported 2026-11-20 09:14,,\n\n"
        + _text(header, rows[:3])
        + "\n\n"
        + _text(header, rows[3:]).split("\n", 1)[1],
    )
    qual_header = ["StartDate", "Name", "Email", *header, "Comments"]
    question = [
        "Start Date",
        "Your name",
        "Your email",
        "Response ID",
        *(f"Q: {h}" for h in header[1:]),
        "Anything else?",
    ]
    import_ids = [
        '{"ImportId":"startDate"}',
        '{"ImportId":"name"}',
        '{"ImportId":"email"}',
        *(f'{{""ImportId"":""{h}""}}' for h in header),
        '{"ImportId":"comments"}',
    ]
    import_ids = [f'"{c}"' if '""' in c else f'"{c.replace(chr(34), chr(34) * 2)}"' for c in import_ids]
    body = [["2026-11-20", "Jo Bloggs", "jo@example.org", *r, "My manager never listens"] for r in rows]
    put(
        "qualtrics_like.csv",
        _text(qual_header, [question])
        + ",".join(import_ids)
        + "\n"
        + _text(qual_header, body).split("\n", 1)[1],
    )
    put("tab_delimited.csv", _text(header, rows, sep="\t"))
    put("utf16.csv", codecs.BOM_UTF16_LE + _text(header, rows, end="\r\n").encode("utf-16-le"))
    put(
        "percent_signs.csv",
        _text(
            header,
            [
                [
                    f"{c}%" if h.startswith(("now_", "preferred_")) else c
                    for h, c in zip(header, r, strict=True)
                ]
                for r in rows
            ],
        ),
    )
    put("mac_line_endings.csv", _text(header, rows, end="\r"))
    return files


# ----- realistic exports of the kit's form, per tool ------------------------------------------
TOOLS = HERE / "tools"
_META_QUALTRICS = [  # (column id, question text, ImportId)
    ("StartDate", "Start Date", "startDate"),
    ("EndDate", "End Date", "endDate"),
    ("Status", "Response Type", "status"),
    ("IPAddress", "IP Address", "ipAddress"),
    ("Progress", "Progress", "progress"),
    ("Duration (in seconds)", "Duration (in seconds)", "duration"),
    ("Finished", "Finished", "finished"),
    ("RecordedDate", "Recorded Date", "recordedDate"),
    ("ResponseId", "Response ID", "_recordId"),
    ("RecipientLastName", "Recipient Last Name", "recipientLastName"),
    ("RecipientFirstName", "Recipient First Name", "recipientFirstName"),
    ("RecipientEmail", "Recipient Email", "recipientEmail"),
    ("ExternalReference", "External Data Reference", "externalDataReference"),
    ("LocationLatitude", "Location Latitude", "locationLatitude"),
    ("LocationLongitude", "Location Longitude", "locationLongitude"),
    ("DistributionChannel", "Distribution Channel", "distributionChannel"),
    ("UserLanguage", "User Language", "userLanguage"),
]


def _class(size: int = 30):
    from coordkit.survey import synthetic_class

    return synthetic_class(seed=7, size=size)


def _answers(responses, k: int) -> dict[str, float]:
    from coordkit.survey import questionnaire

    keys = questionnaire().columns()
    values = [*responses.now[k].ravel(), *responses.preferred[k].ravel(), *responses.likert[k]]
    return dict(zip(keys, (float(v) for v in values), strict=True))


def _word(value: float, scale: tuple[str, ...]) -> str:
    """The form's answer word for a 1-5 answer on ``scale`` (blank if not answered)."""
    return scale[int(value) - 1] if value == value else ""


def _digits(value: float) -> str:
    """An answer as the tool writes a number (blank if not answered)."""
    return f"{value:g}" if value == value else ""


def _csv(rows: list[list[str]], sep: str = ",") -> bytes:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, delimiter=sep, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def _flat(words: bool, *, grid_title: bool = False, keys: list[str] | None = None) -> tuple[list[str], list]:
    """Header and per-respondent cells for tools with one column per statement (``keys`` gets the codes)."""
    from coordkit.survey.read.forms import form_questions

    header, getters = [], []
    keys = keys if keys is not None else []
    for x in form_questions():
        if x.kind == "code":
            header.append(x.title)
            keys.append("respondent")
            getters.append(lambda r, k, a: r.ids[k])
        elif x.kind == "group":
            header.append(x.title)
            keys.append("team")
            getters.append(lambda r, k, a: r.groups["team"][k])
        else:
            for key, statement in x.rows:
                keys.append(key)
                if x.kind == "divide":
                    header.append(x.row_title(statement))
                    getters.append(lambda r, k, a, key=key: f"{a[key]:g}")
                else:
                    header.append(f"{x.title} [{statement}]" if grid_title else statement)
                    getters.append(lambda r, k, a, key=key, s=x.scale: _word(a[key], s) if words
                                   else _digits(a[key]))
    return header, getters


def _google(responses, extra: list[list[str]] | None = None) -> bytes:
    header, getters = _flat(True, grid_title=True)
    rows = [["Timestamp", *header]]
    for k in range(len(responses)):
        a = _answers(responses, k)
        rows.append(
            [f"2026/11/{10 + k % 15:02d} 09:{k % 60:02d}:00 am GMT", *(g(responses, k, a) for g in getters)]
        )
    return _csv(rows + (extra or []))


def _msforms(responses, *, tweak=None) -> bytes:
    import datetime as dt
    import io

    import openpyxl

    header, getters = _flat(True)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["ID", "Start time", "Completion time", "Email", "Name", "Last modified time", *header])
    for k in range(len(responses)):
        a = _answers(responses, k)
        start = dt.datetime(2026, 11, 20, 9, 0) + dt.timedelta(minutes=7 * k)
        cells = [g(responses, k, a) for g in getters]
        cells = [float(c) if c.replace(".", "", 1).isdigit() else c for c in cells]
        row = [k + 1, start, start + dt.timedelta(minutes=12), "anonymous", None, None, *cells]
        if tweak is not None:
            tweak(
                k,
                row,
                ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time", *header],
            )
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _qualtrics(responses, *, words: bool, hygiene: bool) -> bytes:
    from coordkit.survey.read.forms import form_questions

    ids, texts, imports, getters = [], [], [], []
    for n, x in enumerate(form_questions(), start=1):
        if x.kind in ("code", "group"):
            ids.append(f"Q{n}")
            texts.append(x.title)
            imports.append(f'{{"ImportId":"QID{n}_TEXT"}}')
            getters.append(
                (lambda r, k, a: r.ids[k]) if x.kind == "code" else (lambda r, k, a: r.groups["team"][k])
            )
            continue
        for j, (key, statement) in enumerate(x.rows, start=1):
            ids.append(f"Q{n}_{j}")
            texts.append(f"{x.title} - {statement}")
            imports.append(f'{{"ImportId":"QID{n}_{j}"}}')
            if x.kind == "divide":
                getters.append(lambda r, k, a, key=key: f"{a[key]:g}")
            else:
                getters.append(lambda r, k, a, key=key, s=x.scale: _word(a[key], s) if words
                               else _digits(a[key]))
    meta_ids = [m[0] for m in _META_QUALTRICS]
    rows = [
        [*meta_ids, *ids],
        [m[1] for m in _META_QUALTRICS] + texts,
        [f'{{"ImportId":"{m[2]}"}}' for m in _META_QUALTRICS] + imports,
    ]

    def meta(k: int, status: str, finished: bool, progress: int) -> list[str]:
        return [
            "2026-11-20 09:00:00",
            "2026-11-20 09:12:00",
            status,
            "" if status != "IP Address" and status != "0" else "203.0.113.7",
            str(progress),
            "720",
            ("True" if finished else "False") if words else ("1" if finished else "0"),
            "2026-11-20 09:12:01",
            f"R_{k:04d}xYz",
            "",
            "",
            "",
            "",
            "51.5",
            "-0.1",
            "anonymous",
            "EN",
        ]

    ok = "IP Address" if words else "0"
    for k in range(len(responses)):
        a = _answers(responses, k)
        rows.append(meta(k, ok, True, 100) + [g(responses, k, a) for g in getters])
    if hygiene:
        a = _answers(responses, 0)
        rows.insert(
            3, meta(90, "Survey Preview" if words else "1", True, 100) + [g(responses, 0, a) for g in getters]
        )
        partial = [g(responses, 1, _answers(responses, 1)) for g in getters]
        partial[len(partial) // 2 :] = [""] * (len(partial) - len(partial) // 2)
        rows.append(meta(91, ok, False, 40) + partial)
    return _csv(rows)


def _surveymonkey(responses) -> bytes:
    from coordkit.survey.read.forms import form_questions

    top = [
        "Respondent ID",
        "Collector ID",
        "Start Date",
        "End Date",
        "IP Address",
        "Email Address",
        "First Name",
        "Last Name",
        "Custom Data 1",
    ]
    sub = [""] * len(top)
    getters = []
    for x in form_questions():
        if x.kind in ("code", "group"):
            top.append(x.title)
            sub.append("Open-Ended Response")
            getters.append(
                (lambda r, k, a: r.ids[k]) if x.kind == "code" else (lambda r, k, a: r.groups["team"][k])
            )
            continue
        for j, (key, statement) in enumerate(x.rows):
            top.append(x.title if j == 0 else "")
            sub.append(statement)
            if x.kind == "divide":
                getters.append(lambda r, k, a, key=key: f"{a[key]:g}")
            else:
                getters.append(lambda r, k, a, key=key, s=x.scale: _word(a[key], s))
    rows = [top, sub]
    for k in range(len(responses)):
        a = _answers(responses, k)
        rows.append(
            [
                str(11400000000 + k),
                "431234567",
                "11/20/2026 09:00:00 AM",
                "11/20/2026 09:12:00 AM",
                "",
                "",
                "",
                "",
                "",
            ]
            + [g(responses, k, a) for g in getters]
        )
    return _csv(rows)


def _jisc(responses) -> bytes:
    from coordkit.survey.read.forms import form_questions

    numbers, texts, getters = ["Response ID", "Started", "Completed"], ["", "", ""], []
    for n, x in enumerate(form_questions(), start=1):
        if x.kind in ("code", "group"):
            numbers.append(str(n))
            texts.append(x.title)
            getters.append(
                (lambda r, k, a: r.ids[k]) if x.kind == "code" else (lambda r, k, a: r.groups["team"][k])
            )
            continue
        for j, (key, statement) in enumerate(x.rows):
            letters = "abcdefghijklmnopqrstuvwxyz"
            numbers.append(f"{n}.{letters[j // 26 - 1] if j >= 26 else ''}{letters[j % 26]}")
            texts.append(x.row_title(statement) if x.kind == "divide" else f"{x.title} - {statement}")
            if x.kind == "divide":
                getters.append(lambda r, k, a, key=key: f"{a[key]:g}")
            else:
                getters.append(lambda r, k, a, key=key, s=x.scale: _word(a[key], s))
    rows = [numbers, texts]
    for k in range(len(responses)):
        a = _answers(responses, k)
        rows.append(
            [str(5000 + k), "2026-11-20 09:00", "2026-11-20 09:12"] + [g(responses, k, a) for g in getters]
        )
    return _csv(rows)


def _moodle(responses) -> dict[str, bytes]:
    """A "Download all submissions" folder: one folder per student, the same file name in each."""
    from coordkit.survey import Responses
    from coordkit.survey_io import responses_csv

    names = ["Ann Example", "Bob Sample", "Cai Placeholder", "Dee Fictional", "Eli Madeup", "Fay Invented"]
    teams = responses.groups["team"]
    firsts = list(dict.fromkeys(teams.index(t) for t in teams))  # one student per team, then the next ones
    picked = (firsts + [j for j in range(len(teams)) if j not in firsts])[: len(names)]
    out = {}
    for k, who in enumerate(names):
        one = responses.select([j == picked[k] for j in range(len(responses))])
        one = Responses(
            ids=one.ids,
            now=one.now,
            preferred=one.preferred,
            likert=one.likert,
            groups={"team": one.groups["team"]},
        )
        out[f"{who}_{1000 + k}_assignsubmission_file_/my_answers.csv"] = responses_csv(one).encode()
    return out


def build_tools() -> dict[str, bytes]:
    """Every file of ``tools/`` (paths relative to it)."""
    import io
    import zipfile

    responses = _class()
    files: dict[str, bytes] = {
        "microsoft_forms.xlsx": _msforms(responses),
        "google_forms.csv": _google(responses),
        "qualtrics_numeric.csv": _qualtrics(responses, words=False, hygiene=True),
        "qualtrics_choice_text.csv": _qualtrics(responses, words=True, hygiene=True),
        "surveymonkey.csv": _surveymonkey(responses),
        "jisc.csv": _jisc(responses),
    }
    moodle = _moodle(responses)
    files.update({f"moodle_submissions/{k}": v for k, v in moodle.items()})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in moodle.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 11, 20, 9, 0, 0)), data)
    files["moodle_submissions.zip"] = buffer.getvalue()
    # hand-made edge cases
    dup = dict(moodle)
    first = next(iter(moodle))
    dup["Gus Duplicate_1006_assignsubmission_file_/my_answers.csv"] = moodle[first]
    files.update({f"moodle_duplicate/{k}": v for k, v in dup.items()})
    text = _google(responses).decode()
    lines = text.split("\r\n")
    files["google_likert_typo.csv"] = "\r\n".join(
        [*lines[:3], lines[3].replace(",Agree,", ",Agreee,", 1), *lines[4:]]
    ).encode()
    files["google_resubmitted.csv"] = _google(responses, extra=[next(_reader([lines[2]]))])
    files["google_group_case.csv"] = "\r\n".join(
        [
            lines[0],
            *(line.replace(",Ward A,", ",ward  a ,") if k % 2 else line for k, line in enumerate(lines[1:])),
        ]
    ).encode()

    def sum_off(k: int, row: list, header: list[str]) -> None:
        if k == 2:
            col = next(j for j, h in enumerate(header) if h.startswith(_FAILURE_NOW))
            row[col] = float(row[col]) + 10

    files["microsoft_forms_sum_off.xlsx"] = _msforms(responses, tweak=sum_off)
    files["microsoft_forms_as_csv.csv"] = _csv(
        [["ID", "Start time", "Completion time", "Email", "Name", *_flat(False)[0]]]
        + [
            [
                str(k + 1),
                "11/20/26 9:00:00",
                "11/20/26 9:12:00",
                "anonymous",
                "",
                *(g(responses, k, _answers(responses, k)) for g in _flat(False)[1]),
            ]
            for k in range(len(responses))
        ],
        sep=";",
    )
    # the lecturer retitled one question's statements "A" to "D": only a mapping file can say which is which
    header, *rest = text.split("\r\n")
    cells = next(_reader([header]))
    letters = iter("ABCD")
    cells = [f"Decisions now {next(letters)}" if c.startswith(_FIRST_NOW) else c for c in cells]
    files["google_renamed_questions.csv"] = "\r\n".join([_csv([cells]).decode().strip(), *rest]).encode()
    # the form itself was built with a typo in one option: every "Strongly agree" reads "Stongly agree"
    files["google_form_typo.csv"] = _csv(
        [
            ["Stongly agree" if c == "Strongly agree" else c for c in row]
            for row in _reader(text.split("\r\n"))
            if row
        ]
    )
    # a lecturer's own form: code and team questions renamed, one question reworded, an e-mail column
    table = list(_reader(text.split("\r\n")))
    head = table[0]
    head[head.index("Respondent code")] = "Student ID"
    head[head.index("Team")] = "Seminar group"
    at = next(j for j, h in enumerate(head) if h.startswith(_FIRST_NOW))
    head[at] = _FIRST_NOW.split(" - ")[0] + " - " + _REWORDED
    table = [[*row[:1], "someone@example.ac.uk" if k else "Email address", *row[1:]]
             for k, row in enumerate(table) if row]
    files["google_messy.csv"] = _csv(table)
    return files


#: The lecturer's rewording of the first divide-100 statement (too far from it to match by wording).
_REWORDED = "The person with formal authority makes the call."


def _reader(lines: list[str]):
    import csv

    return csv.reader(lines)


def _questions():
    from coordkit.survey.read.forms import form_questions

    return [x for x in form_questions() if x.kind == "divide"]


_FIRST_NOW = _questions()[0].title


def _likert_codes() -> tuple[str, str]:
    """Two agreement statements' codes for the hand-made Likert errors: the middle and the last one."""
    from coordkit.survey import questionnaire

    statements = questionnaire().block("likert")
    return statements[len(statements) // 2].id, statements[-1].id


LIKERT_OUT_OF_RANGE, LIKERT_FRACTION = _likert_codes()
_FAILURE_NOW = next((x.title for x in _questions() if "fail" in x.title.lower()), _questions()[-1].title)


def tools_index(files: dict[str, bytes]) -> dict[str, dict]:
    """What the reader must answer for each file of ``tools/``, worked out from how it was built."""
    from coordkit.survey import questionnaire
    from coordkit.survey.read.tables import column_letter

    q = questionnaire()
    size = len(_class())
    keys: list[str] = []
    header = ["Timestamp", *_flat(True, grid_title=True, keys=keys)[0]]
    keys = ["timestamp", *keys]
    typo_line = files["google_likert_typo.csv"].decode().split("\r\n")[3]
    typo_at = next(_reader([typo_line])).index("Agreee")
    ms_keys: list[str] = []
    ms_header = [
        "ID",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        "Last modified time",
        *_flat(True, keys=ms_keys)[0],
    ]
    ms_keys = [""] * 6 + ms_keys
    place = {c: k for k, c in enumerate(q.columns())}  # the reader names columns in item order
    failure = sorted((j for j, h in enumerate(ms_header) if h.startswith(_FAILURE_NOW)),
                     key=lambda j: place.get(ms_keys[j], 0))
    failure_names = ", ".join(f"'{ms_keys[j]} (column {column_letter(j)})'" for j in failure)
    renamed = sorted((keys[j] for j, h in enumerate(header) if h.startswith(_FIRST_NOW)),
                     key=lambda k: place.get(k, 0))
    messy_renamed = next(keys[j] for j, h in enumerate(header) if h.startswith(_FIRST_NOW))  # form order
    needed = len(q.columns()) + 2
    dims = list(q.dimensions)
    dim = next(d for d in dims if q.headings[d] in _FAILURE_NOW)
    moodle = "moodle_duplicate/{}_assignsubmission_file_/my_answers.csv"
    qualtrics_identifying = [
        "IPAddress",
        "RecipientLastName",
        "RecipientFirstName",
        "RecipientEmail",
        "LocationLatitude",
        "LocationLongitude",
    ]
    return {
        "microsoft_forms.xlsx": {
            "kind": "ok",
            "tool": "Microsoft Forms",
            "accepted": size,
            "identifying": ["Email", "Name"],
            "same_as_class": True,
            "report": "ok",
        },
        "google_forms.csv": {
            "kind": "ok",
            "tool": "Google Forms",
            "accepted": size,
            "same_as_class": True,
            "report": "ok",
        },
        "qualtrics_numeric.csv": {
            "kind": "left_out",
            "tool": "Qualtrics",
            "accepted": size,
            "left_out": 2,
            "skipped": 2,
            "identifying": qualtrics_identifying,
            "same_as_class": True,
            "report": "ok",
            "message": "row 3 (line 4) left out: a Qualtrics survey preview (Status = 1)",
        },
        "qualtrics_choice_text.csv": {
            "kind": "left_out",
            "tool": "Qualtrics",
            "accepted": size,
            "left_out": 2,
            "skipped": 2,
            "identifying": qualtrics_identifying,
            "same_as_class": True,
            "report": "ok",
            "message": f"row {size + 4} (line {size + 5}) left out: unfinished (Finished = False)",
        },
        "surveymonkey.csv": {
            "kind": "ok",
            "tool": "SurveyMonkey",
            "accepted": size,
            "skipped": 1,
            "identifying": ["IP Address", "Email Address", "First Name", "Last Name"],
            "same_as_class": True,
            "report": "ok",
        },
        "jisc.csv": {
            "kind": "ok",
            "tool": "JISC Online Surveys",
            "accepted": size,
            "skipped": 1,
            "same_as_class": True,
            "report": "ok",
        },
        "moodle_submissions": {
            "kind": "ok",
            "tool": "coordkit CSV",
            "accepted": 6,
            "files": 6,
            "report": "ok",
        },
        "moodle_submissions.zip": {
            "kind": "ok",
            "tool": "coordkit CSV",
            "accepted": 6,
            "files": 6,
            "report": "ok",
        },
        "moodle_duplicate": {
            "kind": "rows",
            "tool": "coordkit CSV",
            "accepted": 5,
            "rejected": 2,
            "files": 7,
            "message": (
                f"{moodle.format('Ann Example_1000')}: row 1 (line 2), column 'respondent': duplicate "
                f"respondent id: also in {moodle.format('Gus Duplicate_1006')} row 1"
            ),
        },
        "google_likert_typo.csv": {
            "kind": "unreadable",
            "tool": "Google Forms",
            "accepted": size,
            "unreadable": 1,
            "message": (
                f"google_likert_typo.csv: row 3 (line 4), column '{keys[typo_at]} (column "
                f"{column_letter(typo_at)})': not an answer on the scale, read as missing: use 1 to 5 or "
                "the scale's words"
            ),
        },
        "google_form_typo.csv": {
            "kind": "unreadable",
            "tool": "Google Forms",
            "accepted": size,
            "unreadable": sum(
                row.count("Stongly agree")
                for row in _reader(files["google_form_typo.csv"].decode().splitlines())
            ),
            "message": "not an answer on the scale, read as missing: use 1 to 5 or the scale's words",
        },
        "google_messy.csv": {
            "kind": "file",
            "message": (
                f"google_messy.csv: line 1: missing columns 'team', '{messy_renamed}' (2 of the {needed} "
                "needed; read as a Google Forms export); your file has columns called 'Student ID', "
                "'Seminar group',"
            ),
        },
        "google_resubmitted.csv": {
            "kind": "left_out",
            "tool": "Google Forms",
            "accepted": size,
            "left_out": 1,
            "message": (
                f"row 2 (line 3) left out: superseded by a later submission of the same respondent "
                f"code (row {size + 1}, line {size + 2}, kept)"
            ),
        },
        "google_group_case.csv": {
            "kind": "ok",
            "tool": "Google Forms",
            "accepted": size,
            "same_as_class": True,
        },
        "microsoft_forms_sum_off.xlsx": {  # one dimension off: left out of the scores, the row kept
            "kind": "off_total",
            "tool": "Microsoft Forms",
            "accepted": size,
            "rejected": 0,
            "message": (
                f"microsoft_forms_sum_off.xlsx: row 3 (line 4), columns {failure_names}: dimension "
                f"{dims.index(dim) + 1} ({q.headings[dim]}), now: points sum to 110, not 100"
            ),
        },
        "microsoft_forms_as_csv.csv": {
            "kind": "ok",
            "tool": "Microsoft Forms",
            "accepted": size,
            "same_as_class": True,
        },
        "google_renamed_questions.csv": {
            "kind": "file",
            "message": (
                f"google_renamed_questions.csv: line 1: missing columns "
                f"{', '.join(repr(k) for k in renamed)} ({len(renamed)} of the {needed} needed; read as "
                "a Google Forms export)"
            ),
        },
    }


_INDEX_HEAD = """\
# What the reader must say about each export in this folder: GENERATED by ../build.py (with the files),
# worked out from how each file was built. tests/test_survey_io.py checks every entry; tests/test_cli.py
# runs `coordkit report` on each one marked `report: ok`. Read with group_columns=[team].
# kind: ok (every answer row accepted), rows (some rejected; `message` is in one row's message),
# left_out (`message` is in one left-out row's message), file (SurveyFileError containing `message`),
# unreadable (every row accepted; `unreadable` answers read as missing, `message` in one's message).
# same_as_class: the accepted answers equal the SYNTHETIC class the files were built from.
"""


if __name__ == "__main__":
    import shutil

    for name, content in build().items():
        (HERE / name).write_bytes(content)
        print(f"wrote {name} ({len(content)} bytes)")
    for folder in ("moodle_submissions", "moodle_duplicate"):
        shutil.rmtree(TOOLS / folder, ignore_errors=True)
    import yaml

    tools = build_tools()
    for name, content in tools.items():
        path = TOOLS / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        print(f"wrote tools/{name} ({len(content)} bytes)")
    index = _INDEX_HEAD + yaml.safe_dump(tools_index(tools), sort_keys=False, allow_unicode=True, width=100)
    (TOOLS / "index.yml").write_text(index, encoding="utf-8")
    print("wrote tools/index.yml")
    # the form guides are generated from the same items (the same as `coordkit forms -o docs/forms`)
    from coordkit.survey.read.forms import write_guides

    written = write_guides(HERE.parents[1] / "docs" / "forms")
    print(f"wrote {len(written)} files to docs/forms")
