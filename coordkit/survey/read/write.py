r"""Writing the kit's own response file: the CSV every reader accepts, and an empty template.

Examples
--------
>>> from coordkit.survey import synthetic_class
>>> responses_csv(synthetic_class(size=2)).count("\n")
3
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable
from pathlib import Path

from coordkit.survey.read._instrument import (
    DONT_KNOW,
    ID_COLUMN,
    VERSION_COLUMN,
    Questionnaire,
    Responses,
    questionnaire,
)

__all__ = ["responses_csv", "template_csv", "write_responses"]


def _format(value: float) -> str:
    if not math.isfinite(value):
        return ""
    return str(int(value)) if value == int(value) else repr(float(value))


def responses_csv(responses: Responses, q: Questionnaire | None = None,
                  dont_know: Iterable[Iterable[bool]] | None = None) -> str:
    r"""The kit's own CSV text for responses: header, then one row per respondent (``\\n`` line ends).

    Parameters
    ----------
    responses : Responses
    q : Questionnaire, optional
    dont_know : rows of bool, optional
        One row per respondent, one flag per 1-5 item: where True, the cell says
        :data:`~coordkit.survey.DONT_KNOW` (the answer was "don't know"; the reader counts it as
        missing) rather than being left empty (unanswered).

    Returns
    -------
    str

    Examples
    --------
    >>> from coordkit.survey import synthetic_class
    >>> responses_csv(synthetic_class(size=5)).splitlines()[0][:50]
    'respondent,team,role,questionnaire_version,now_D1H'
    >>> one = synthetic_class(size=1)
    >>> flags = [[k == 0 for k in range(one.likert.shape[1])]]
    >>> responses_csv(one, dont_know=flags).count("Don't know")
    1
    """
    q = q or responses.questionnaire
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    likert_rows = responses.likert
    likert = likert_rows is not None
    flags = [list(row) for row in dont_know] if dont_know is not None else None
    writer.writerow([ID_COLUMN, *responses.groups, VERSION_COLUMN, *q.columns(likert=likert)])
    for k, rid in enumerate(responses.ids):
        values = [_format(float(v)) for v in (*responses.now[k].ravel(), *responses.preferred[k].ravel())]
        if likert_rows is not None:
            said = flags[k] if flags is not None else [False] * len(likert_rows[k])
            values += [DONT_KNOW if dk else _format(float(v))
                       for v, dk in zip(likert_rows[k], said, strict=True)]
        writer.writerow([rid, *(labels[k] for labels in responses.groups.values()), q.version, *values])
    return buffer.getvalue()


def write_responses(responses: Responses, path: str | Path, *, overwrite: bool = False,
                    q: Questionnaire | None = None) -> Path:
    """Write responses as a CSV file the reader (and the class report) accepts.

    Parameters
    ----------
    responses : Responses
    path : str or Path
    overwrite : bool, default False
        Replace an existing file; by default an existing file is an error.
    q : Questionnaire, optional
    dont_know : rows of bool, optional
        One row per respondent, one flag per 1-5 item: where True, the cell says
        :data:`~coordkit.survey.DONT_KNOW` (the answer was "don't know"; the reader counts it as
        missing) rather than being left empty (unanswered).

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    FileExistsError
        If the file exists and ``overwrite`` is False.
    """
    target = Path(path)
    if target.exists() and not overwrite:
        raise FileExistsError(f"{target} already exists; choose another name or pass overwrite=True")
    target.write_text(responses_csv(responses, q), encoding="utf-8", newline="")
    return target


def template_csv(group_columns: Iterable[str] = (), *, likert: bool = True,
                 q: Questionnaire | None = None) -> str:
    """An empty response file (header only) for setting up a survey tool or spreadsheet.

    Parameters
    ----------
    group_columns : iterable of str, default ()
        Group columns to include after ``respondent`` (e.g. ``["team"]``).
    likert : bool, default True
        Include the twelve Likert columns.
    q : Questionnaire, optional
    dont_know : rows of bool, optional
        One row per respondent, one flag per 1-5 item: where True, the cell says
        :data:`~coordkit.survey.DONT_KNOW` (the answer was "don't know"; the reader counts it as
        missing) rather than being left empty (unanswered).

    Returns
    -------
    str

    Examples
    --------
    >>> template_csv(["team"]).split(",")[:3]
    ['respondent', 'team', 'now_D1H']
    """
    q = q or questionnaire()
    return ",".join([ID_COLUMN, *group_columns, *q.columns(likert=likert)]) + "\n"
