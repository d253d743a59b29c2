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

from coordkit.survey.read.records import SurveyFileError

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


def xlsx_records(data: bytes, source: str) -> Records:
    """(spreadsheet row, cells) of every row of the workbook's first sheet, empty rows dropped at the end."""
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
        out: Records = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            out.append((number, [_cell_text(v) for v in values]))
    finally:
        book.close()
    while out and not any(c.strip() for c in out[-1][1]):
        out.pop()
    return out


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
