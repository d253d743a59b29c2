r"""Turning a file's bytes into a table of text cells, each record with the line it starts on.

CSV: UTF-8 with or without a byte-order mark, UTF-16 with one; comma, semicolon or tab delimiters
(chosen by the header search in :mod:`coordkit.survey.read.detect`); any line endings.
Workbooks (``.xlsx``, as Microsoft Forms, SurveyMonkey and JISC export them) are read with openpyxl,
imported only when a workbook arrives; the first worksheet is used, and a record's line is its
spreadsheet row number.

Examples
--------
>>> decode(b"\xef\xbb\xbfa,b\n1,2\n", "x.csv")
('a,b\n1,2\n', 'UTF-8 with BOM')
>>> csv_records("a,b\n1,2\n", ",", "x.csv")
[(1, ['a', 'b']), (2, ['1', '2'])]
"""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import io
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from coordkit.survey.read.records import SurveyFileError

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

__all__ = ["Records", "column_letter", "csv_records", "decode", "is_workbook", "xlsx_records"]

#: (line where the record starts, its cells as text)
Records = list[tuple[int, list[str]]]

_ZIP = b"PK\x03\x04"


def is_workbook(data: bytes) -> bool:
    """Whether the bytes are a zip container (an ``.xlsx`` workbook is one)."""
    return data.startswith(_ZIP)


def decode(data: bytes, source: str) -> tuple[str, str]:
    """The text of a CSV file and a label for its encoding; a clear error when it is not text."""
    for bom, codec, name in ((codecs.BOM_UTF8, "utf-8", "UTF-8 with BOM"),
                             (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
                             (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16")):
        if data.startswith(bom):
            body, encoding, label = data[len(bom):], codec, name
            break
    else:
        body, encoding, label = data, "utf-8", "UTF-8"
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as error:
        if encoding == "utf-8":
            line = body.count(b"\n", 0, error.start) + 1
            raise SurveyFileError(
                source, f"line {line}: not UTF-8 text (byte 0x{body[error.start]:02x} cannot be read); "
                        "save the file as 'CSV UTF-8' and try again") from None
        raise SurveyFileError(source, f"not readable as {label} text ({error.reason})") from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise SurveyFileError(source, f"line {line}: contains NUL bytes, so it is not a text CSV file")
    return text, label


def csv_records(text: str, delimiter: str, source: str, limit: int | None = None) -> Records:
    """(first line, cells) of each CSV record; ``limit`` stops early (for header detection, tolerantly)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    out: Records = []
    previous_end = 0
    try:
        for cells in reader:
            out.append((previous_end + 1, cells))
            previous_end = reader.line_num
            if limit is not None and len(out) >= limit:
                break
    except csv.Error as error:
        if limit is not None:  # looking for the header: what parsed before the problem is enough
            return out
        raise SurveyFileError(source, f"line {previous_end + 1}: not a readable CSV line ({error}); "
                                      "check the quotation marks") from None
    return out


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, _dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, _dt.date | _dt.time):
        return value.isoformat()
    return str(value)


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"


class _Unreadable(Exception):
    """The fast path met something it does not handle: openpyxl reads the workbook instead."""


def _fast_xlsx(data: bytes) -> Records:
    """The first sheet's cells, streamed with the standard library (expat): quick on large exports.

    Handles what survey tools write (shared, inline and formula strings, numbers, booleans); raises
    :class:`_Unreadable` for anything else, so that openpyxl reads the file.
    """
    import posixpath
    import xml.etree.ElementTree as ET
    import zipfile
    from xml.parsers import expat

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        book = ET.fromstring(archive.read("xl/workbook.xml"))
        rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        first = book.find(f"{_MAIN}sheets/{_MAIN}sheet")
        if first is None:
            raise _Unreadable("no sheet")
        target = next(r.get("Target") for r in rels.iter(f"{_PKG}Relationship")
                      if r.get("Id") == first.get(f"{_RELS}id"))
        assert target is not None, "a sheet relationship without a Target"
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
        shared: list[str] = []
        if "xl/sharedStrings.xml" in archive.namelist():
            for si in ET.fromstring(archive.read("xl/sharedStrings.xml")).iter(f"{_MAIN}si"):
                shared.append("".join(t.text or "" for t in si.iter(f"{_MAIN}t")
                                      if not _in_phonetic(si, t)))
        dates = _date_styles(ET.fromstring(archive.read("xl/styles.xml"))) \
            if "xl/styles.xml" in archive.namelist() else set()
        properties = book.find(f"{_MAIN}workbookPr")
        epoch = 1904 if (properties is not None
                         and properties.get("date1904") in ("1", "true")) else 1900
        sheet = archive.read(path)
    except (KeyError, StopIteration, zipfile.BadZipFile, ET.ParseError, ValueError) as error:
        raise _Unreadable(str(error)) from None

    rows: dict[int, dict[int, str]] = {}
    letters: dict[str, int] = {}

    def value_of(kind: str, text: str, is_date: bool) -> str:
        if kind == "s":
            return shared[int(text)]
        if kind == "n":
            try:
                number = float(text)
            except ValueError:
                raise _Unreadable("a number cell holds text") from None
            if is_date:
                return _cell_text(_from_serial(number, epoch))
            return str(int(number)) if number.is_integer() else repr(number)
        if kind == "b":
            return "True" if text == "1" else "False"
        if kind in ("str", "inlineStr", "e"):
            return text
        raise _Unreadable(f"cell type {kind}")

    try:
        if _plain_cells(sheet, rows, letters, dates, value_of):
            return _table(rows)
    except (IndexError, ValueError) as error:
        raise _Unreadable(str(error)) from None
    rows.clear()
    row_no, col, kind, is_date, text, inside = 0, 0, "n", False, None, False
    parts: list[str] = []

    def local(name: str) -> str:
        return name if ":" not in name else name.rsplit(":", 1)[1]

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal row_no, col, kind, is_date, text, inside
        if ":" in name:
            name = local(name)
        if name == "c":
            ref = attrs.get("r")
            if ref:
                head = ref.rstrip("0123456789")
                col = letters.get(head) or letters.setdefault(head, _column_index(head))
            else:
                col += 1
            kind = attrs.get("t", "n")
            is_date = "s" in attrs and int(attrs["s"]) in dates
            text = None
        elif name in ("v", "t"):
            if row_no:
                inside = True
                parts.clear()
        elif name == "row":
            row_no = int(attrs["r"]) if "r" in attrs else row_no + 1
            col = 0

    def end(name: str) -> None:
        nonlocal text, inside
        if ":" in name:
            name = local(name)
        if inside and name in ("v", "t"):
            inside = False
            got = "".join(parts)
            text = got if text is None or name == "v" else text + got
        elif name == "c" and text is not None:
            value = value_of(kind, text, is_date)
            cells = rows.get(row_no)
            if cells is None:
                cells = rows[row_no] = {}
            cells[col - 1] = value

    def chars(data: str) -> None:
        if inside:
            parts.append(data)

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.buffer_text = True
    try:
        parser.Parse(sheet, True)
    except (expat.ExpatError, IndexError, ValueError) as error:
        raise _Unreadable(str(error)) from None
    return _table(rows)


def _table(rows: dict[int, dict[int, str]]) -> Records:
    """Every spreadsheet row from 1 to the last with a cell, each as a list of its cells' text."""
    if not rows:
        return []
    out: Records = []
    for number in range(1, max(rows) + 1):
        cells = rows.get(number, {})
        width = max(cells) + 1 if cells else 0
        out.append((number, [cells.get(k, "") for k in range(width)]))
    return out


# A cell as survey tools write it: a reference, plain attributes, and a value, an inline string, or
# nothing. Anything else (rich text, phonetic runs, prefixed names, character references) is left to
# the XML parser, which is slower but reads every form.
_PLAIN_CELL = re.compile(
    r'<c r="([A-Z]{1,3})([0-9]+)"((?: [a-zA-Z]+="[^"<&]*")*) ?'
    r'(?:(/>|></c>)|>(?:<f>[^<]*</f>|<f/>)?<v>([^<&]*)</v></c>'
    r'|>(<is>)<t(?: xml:space="preserve")?>([^<&]*)</t></is></c>)'
)
_CELL_TAG = re.compile(r"<c[ >/]")
_NUMBER = ("n", False)


def _plain_cells(sheet: bytes, rows: dict[int, dict[int, str]], letters: dict[str, int],
                 dates: set[int], value_of: Callable[[str, str, bool], str]) -> bool:
    """Read every cell with one regular expression when every cell is plain; False (nothing read) if not.

    About twice as quick as the XML parser on a large export (a 5,000-row Microsoft Forms export:
    1.1 s against 2.2 s), with one match per cell instead of five parser callbacks. A cell that does
    not match (the matches fall short of the ``<c`` tags) sends the whole sheet to the parser, so no
    cell is ever read two ways.
    """
    try:
        text = sheet.decode("utf-8")
    except UnicodeDecodeError:
        return False
    if "\r" in text or "<sheetData" not in text:
        return False
    body = text[text.index("<sheetData"):]
    matches = _PLAIN_CELL.findall(body)
    if len(matches) != len(_CELL_TAG.findall(body)):
        return False
    styles: dict[str, tuple[str, bool]] = {}
    numbers: dict[str, str] = {}
    row_key, cells = "", {}
    for head, number, attributes, empty, value, inline, inline_text in matches:
        if empty:
            continue
        if number != row_key:  # cells come row by row: one lookup per row
            row_key = number
            cells = rows.setdefault(int(number), {})
        style = styles.get(attributes)
        if style is None:
            kind = _attribute(attributes, "t") or "n"
            key = _attribute(attributes, "s")
            style = (kind, key is not None and int(key) in dates)
            style = styles[attributes] = _NUMBER if style == _NUMBER else style
        col = letters.get(head) or letters.setdefault(head, _column_index(head))
        if inline:
            if style[0] != "inlineStr":
                return False
            cells[col - 1] = inline_text
        elif style is _NUMBER:  # plain numbers repeat (points, ratings): each converted once
            shown = numbers.get(value)
            if shown is None:
                shown = numbers[value] = value_of("n", value, False)
            cells[col - 1] = shown
        else:
            cells[col - 1] = value_of(style[0], value, style[1])
    return True


def _attribute(attributes: str, name: str) -> str | None:
    """The value of ``name="..."`` in a cell's attribute text, or None."""
    at = attributes.find(f" {name}=\"")
    if at < 0:
        return None
    start = at + len(name) + 3
    return attributes[start:attributes.index('"', start)]


_DATE_FORMATS = {*range(14, 23), 45, 46, 47}


def _date_styles(styles: Element) -> set[int]:
    """Indexes of the cell styles that show a number as a date or time (as openpyxl decides it)."""
    import re

    custom: dict[int, bool] = {}
    for fmt in styles.iter(f"{_MAIN}numFmt"):
        code = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", fmt.get("formatCode", ""))
        # a numFmt without its id fails in int(), as before (the cast only types it)
        custom[int(cast(str, fmt.get("numFmtId")))] = bool(re.search(r"[dmyhs]", code, re.IGNORECASE))
    xfs = styles.find(f"{_MAIN}cellXfs")
    out: set[int] = set()
    for k, xf in enumerate(xfs if xfs is not None else []):
        number_format = int(xf.get("numFmtId", "0"))
        if number_format in _DATE_FORMATS or custom.get(number_format, False):
            out.add(k)
    return out


def _from_serial(number: float, epoch: int) -> _dt.datetime | _dt.date | _dt.time:
    base = _dt.datetime(1899, 12, 30) if epoch == 1900 else _dt.datetime(1904, 1, 1)
    moment = base + _dt.timedelta(milliseconds=round(number * 86_400_000))
    if number < 1:
        return moment.time()
    return moment


def _in_phonetic(si: Element, t: Element) -> bool:
    for rph in si.iter(f"{_MAIN}rPh"):
        if t in list(rph.iter(f"{_MAIN}t")):
            return True
    return False


def _column_index(ref: str) -> int:
    """1-based column of a cell reference ("B7" -> 2)."""
    n = 0
    for ch in ref:
        if "A" <= ch <= "Z":
            n = n * 26 + ord(ch) - 64
        else:
            break
    return n


def xlsx_records(data: bytes, source: str, *, fast: bool = True) -> Records:
    """(spreadsheet row, cells) of every row of the workbook's first sheet, empty rows dropped at the end.

    The cells are streamed with the standard library when the workbook is as survey tools write them
    (about five times quicker than openpyxl on a 5,000-row export); any other workbook is read with
    openpyxl (``fast=False`` always uses it). Both give the same cells (a test checks it).
    """
    if fast:
        try:
            out = _fast_xlsx(data)
        except _Unreadable:
            pass
        else:
            return _rectangular(out)
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        raise SurveyFileError(source, "is a workbook (.xlsx), and reading one needs openpyxl "
                                      "(pip install openpyxl), or save it as CSV UTF-8") from None
    import warnings
    import zipfile

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles it does not know
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise SurveyFileError(source, "this looks like a spreadsheet workbook (e.g. .xlsx), not a CSV file, "
                                      f"but it cannot be read as one ({type(error).__name__}): open it in "
                                      "Excel and save it again, or save it as 'CSV UTF-8'") from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise SurveyFileError(source, "the workbook has no worksheet")
        out = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            out.append((number, [_cell_text(v) for v in values]))
    finally:
        book.close()
    return _rectangular(out)


def _rectangular(out: Records) -> Records:
    """Empty rows dropped at the end, every row padded with empty cells to the widest (as openpyxl does)."""
    while out and not any(c.strip() for c in out[-1][1]):
        out.pop()
    width = max((len(cells) for _, cells in out), default=0)
    return [(n, cells + [""] * (width - len(cells)) if len(cells) < width else cells) for n, cells in out]


def column_letter(index: int) -> str:
    """Spreadsheet column letter for a 0-based index (0 -> A, 26 -> AA).

    Examples
    --------
    >>> column_letter(0), column_letter(27)
    ('A', 'AB')
    """
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out
