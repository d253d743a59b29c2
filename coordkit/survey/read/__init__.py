r"""Reading survey response files from the real world -- and writing the kit's own.

Lecturers collect answers with whatever survey tool their university licenses. :func:`read_responses`
reads the export of any of them, recognising the tool from the file (no flag needed), if it can be
trusted, and says exactly why when it cannot.

What it reads
-------------
========================= ===================================================================
the kit's own CSV         ``respondent``, group columns, ``now_...``/``preferred_...`` points, Likert codes
Microsoft Forms (.xlsx)   ID, Start time, Completion time, Email, Name, then one column per question
Google Forms (CSV)        Timestamp, then question text; grids as "Question [Row]"
Qualtrics (CSV)           three header rows (ids, "Block - item" text, ImportId JSON), metadata columns;
                          numeric or choice-text values; preview/spam/unfinished responses left out
SurveyMonkey (CSV, XLSX)  two header rows (question text, then sub-labels)
JISC Online Surveys       one or two header rows of question numbers and text
========================= ===================================================================

Answer columns are found by the kit's code where the header has it (``now_D1H``), else by the
item's wording (robust to case, punctuation, numbering and the tool's prefixes), else through a
mapping file (:func:`header_mapping` writes one to fill in; :func:`read_mapping` reads its columns back,
:func:`read_answer_words` its ``answers:`` section, for answer words no scale has; :func:`read_folder`
reads a class folder with its ``mapping.yml``).
Nothing in the reader names an item: codes and wording come from ``data/survey_items.csv`` through
:func:`coordkit.survey.questionnaire`, so a new version of the items reads unchanged. Likert
answers may be numbers 1-5 or the form's words (:data:`coordkit.survey.LIKERT_LABELS`).

The kit's own format: one row per respondent; ``respondent`` (a pseudonymous code, unique in the
file); the divide-100 points (0 to 100, each dimension summing to 100 within a tolerance) for each
item and timeframe; optionally the Likert block (whole numbers 1 to 5; empty = not answered; if any
Likert column is present all must be); and any group columns named with ``group_columns``.
:func:`template_csv` writes an empty file with the right header.

What the reader accepts
-----------------------
- UTF-8 with or without a byte-order mark (and UTF-16 with one); comma, semicolon or tab
  delimiters, detected from the header; any line endings; ``.xlsx`` workbooks (first sheet).
- Junk, where it is unambiguous: title lines above the header, lines of text under it (question
  wording, import ids), blank lines, unused columns. Each skipped line is reported with its reason.
- Numbers written ``40``, ``40.0``, ``40%`` or, in semicolon- or tab-delimited files, ``40,5``.

What it rejects or leaves out, and how
--------------------------------------
Problems with the whole file raise :class:`SurveyFileError`, naming the file and, where there is
one, the line and column: empty file, not text, no header found, missing columns, a needed column
given twice, broken quoting, a header with no answers under it.

A divide-100 cell that is not a number ("n/a"), or is below 0 or over 100 (``-10``, ``150``),
does not reject its row: its dimension is left out of that respondent's scores and the cell is
listed in ``off_total``. Nor does a 1-5 answer that is not on its scale (a misspelt "Agre", or a
typo in the form's own option): it is read as missing and listed in ``unreadable`` (file, row, column and the
word), and the summary counts it; a mapping file's ``answers:`` section can say which answer a word is.
The kit never reads a near miss as the scale word by itself.

Other problems with a row reject that row, and every problem is a :class:`RowProblem` naming the row
(1 = first row under the header), the line of the file, the column(s) and the problem. Rows left
out on purpose (Qualtrics previews, tests and spam, unfinished responses, and an earlier submission
of a respondent code that submitted again) are :class:`LeftOut` rows with their reason. Columns of
names, e-mail or IP addresses are never read and are listed in ``identifying_columns``. Every data
line of the file is in exactly one of ``accepted``, ``rejected``, ``left_out`` and ``skipped``.

The input file is opened read-only and never changed.

Modules: :mod:`~.tables` (bytes to cells), :mod:`~.detect` (header and tool), :mod:`~.match`
(headers to questionnaire columns; mapping files), :mod:`~.values` (one cell), :mod:`~.core`
(rows to results; merging), :mod:`~.files` (many files and Moodle folders), :mod:`~.records`
(the result records), :mod:`~.write` (the kit's CSV).

Examples
--------
>>> from coordkit.survey import synthetic_class
>>> text = responses_csv(synthetic_class(size=6))
>>> result = read_responses(text.replace(",", ";").encode("utf-8-sig"), name="class.csv")
>>> result.n_accepted, result.delimiter, result.encoding
(6, ';', 'UTF-8 with BOM')
>>> again = text + text.splitlines()[1] + "\n"  # S001 submitted twice: the last one is kept
>>> result = read_responses(again.encode(), name="class.csv", group_columns=["team"])
>>> result.n_accepted, result.n_rejected, len(result.left_out)
(6, 0, 1)
>>> print(result.left_out[0].message())
class.csv: row 1 (line 2) left out: superseded by a later submission of the same respondent code (row 7,
line 8, kept)
"""

from coordkit.survey.read.core import group_column_problem, merge, read_responses
from coordkit.survey.read.detect import HEADER_SEARCH_LINES, TOOLS
from coordkit.survey.read.files import MAPPING_FILE, expand_inputs, read_files, read_folder
from coordkit.survey.read.mapping import header_mapping
from coordkit.survey.read.match import read_answer_words, read_mapping
from coordkit.survey.read.records import (
    LATE_SUBMISSION_WARNING,
    IdColumnError,
    LeftOut,
    ReadResult,
    RowProblem,
    RowRef,
    SkippedLine,
    SurveyFileError,
)
from coordkit.survey.read.write import responses_csv, template_csv, write_responses

__all__ = [
    "HEADER_SEARCH_LINES",
    "LATE_SUBMISSION_WARNING",
    "MAPPING_FILE",
    "TOOLS",
    "IdColumnError",
    "LeftOut",
    "ReadResult",
    "RowProblem",
    "RowRef",
    "SkippedLine",
    "SurveyFileError",
    "expand_inputs",
    "group_column_problem",
    "header_mapping",
    "merge",
    "read_answer_words",
    "read_files",
    "read_folder",
    "read_mapping",
    "read_responses",
    "responses_csv",
    "template_csv",
    "write_responses",
]
