"""The kit's data files: find them, read their sidecars, validate them, load them and catalogue them.

Every data file ``<name>`` lives beside a YAML *sidecar* ``<name>.yml`` that says what it is:

``title``, ``description``
    What the file holds, in the kit's own words.
``sources``
    A list of ``{title, url}``: where every fact was read.
``licence``
    Terms for the kit's own work and the publishers of the underlying facts.
``retrieved``
    ISO date on which the sources were read.
``sha256``
    Hash of the data file, so that any edit is noticed (run :func:`rehash` after editing).
``caveats``
    A list of things a reader must know before using the numbers.
``schema``
    ``{columns: [{name, type, unit, description}, ...]}`` with ``type`` one of ``string``,
    ``integer``, ``number``, ``date`` (``YYYY-MM-DD``) or ``boolean`` (``true``/``false``).
    Optional per-column keys: ``nullable`` (empty cells allowed; default false), ``judgement``
    (the values are the kit's judgements, not facts), ``allowed`` (list of permitted values),
    ``minimum`` / ``maximum``, ``unique`` and ``pattern`` (a regular expression every value must
    match in full).

:func:`validate` checks a file against its sidecar -- columns exactly as the schema lists them,
every cell of the right type and within its constraints, and the hash -- and raises
:class:`DataValidationError` whose message names the file, the row and the column of each
problem. Nothing here writes to a data file; only :func:`rehash`, a maintainer's tool, rewrites
the ``sha256`` line of sidecars.

The folder is found in two places: inside an installed wheel (``coordkit/_data``, which the
build copies from the repository's ``data/``) or, from a clone or an editable install, the
repository's own ``data/`` folder.

Command line::

    python -m coordkit.data catalogue > data/README.md   # regenerate the catalogue
    python -m coordkit.data validate                     # check every file
    python -m coordkit.data rehash                       # after editing a data file

Examples
--------
>>> "nhs_reforms.csv" in dataset_names()
True
>>> validate("nhs_reforms.csv")
>>> reforms = load("nhs_reforms.csv")
>>> reforms.attrs["sidecar"]["title"]
'NHS reforms in England, 1946-2025'
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import math
import re
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas and yaml are imported lazily
    import pandas as pd

__all__ = [
    "COLUMN_TYPES",
    "DataValidationError",
    "catalogue_markdown",
    "check",
    "data_dir",
    "dataset_names",
    "file_sha256",
    "load",
    "main",
    "read_sidecar",
    "rehash",
    "sidecar_path",
    "validate",
    "validate_all",
]

#: The column types a schema may use.
COLUMN_TYPES: tuple[str, ...] = ("string", "integer", "number", "date", "boolean")

_REQUIRED_KEYS = ("title", "description", "sources", "licence", "retrieved", "sha256", "caveats", "schema")
_OPTIONAL_KEYS = ("notes",)
_COLUMN_KEYS = ("name", "type", "unit", "description")
_OPTIONAL_COLUMN_KEYS = ("nullable", "judgement", "allowed", "minimum", "maximum", "unique", "pattern")
_SIDECAR_SUFFIX = ".yml"
_NOT_DATA = {"README.md"}
_INTEGER = re.compile(r"[+-]?\d+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SHA = re.compile(r"[0-9a-f]{64}")
_SHA_LINE = re.compile(r"^sha256:.*$", re.MULTILINE)
_MAX_REPORTED = 50


class DataValidationError(ValueError):
    """A data file or its sidecar broke the rules; ``problems`` lists every problem found.

    Each problem names the file and, for cell problems, the row (1 = first data row), the line
    in the file and the column.
    """

    def __init__(self, name: str, problems: Sequence[str]):
        self.name = name
        self.problems = list(problems)
        shown = self.problems[:_MAX_REPORTED]
        more = len(self.problems) - len(shown)
        lines = [f"{name}: {len(self.problems)} problem(s)", *(f"  - {p}" for p in shown)]
        if more:
            lines.append(f"  ... and {more} more")
        super().__init__("\n".join(lines))


# ----- finding files ---------------------------------------------------------------------------
def data_dir() -> Path:
    """The folder holding the kit's data files.

    Returns
    -------
    pathlib.Path
        ``coordkit/_data`` inside an installed wheel, otherwise the repository's ``data/``.

    Raises
    ------
    FileNotFoundError
        If neither folder exists (e.g. a source tree with the data folder removed).

    Examples
    --------
    >>> (data_dir() / "nhs_reforms.csv").is_file()
    True
    """
    return _find_data_dir(Path(__file__).resolve().parent)


def _find_data_dir(package: Path) -> Path:
    """The data folder for a package directory: its ``_data`` (wheel) or ``../data`` (clone)."""
    candidates = (package / "_data", package.parent / "data")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "coordkit data folder not found; looked in " + " and ".join(str(c) for c in candidates)
    )


def _folder(directory: str | Path | None) -> Path:
    return data_dir() if directory is None else Path(directory)


def dataset_names(directory: str | Path | None = None) -> list[str]:
    """File names of every data file that has a sidecar, sorted.

    Parameters
    ----------
    directory : str or Path, optional
        Folder to list; default :func:`data_dir`.

    Returns
    -------
    list of str

    Examples
    --------
    >>> dataset_names()[:2]
    ['hood_control_types.csv', 'hood_npm_doctrines.csv']
    """
    folder = _folder(directory)
    return sorted(
        p.name
        for p in folder.iterdir()
        if p.is_file()
        and not p.name.endswith(_SIDECAR_SUFFIX)
        and p.name not in _NOT_DATA
        and not p.name.startswith(".")
        and (folder / (p.name + _SIDECAR_SUFFIX)).is_file()
    )


def _resolve(name: str, directory: str | Path | None) -> Path:
    """Path of a data file given its file name or its stem (``"nhs_reforms"``)."""
    folder = _folder(directory)
    candidate = folder / name
    if candidate.is_file() and not name.endswith(_SIDECAR_SUFFIX):
        return candidate
    matches = [n for n in dataset_names(folder) if Path(n).stem == name]
    if len(matches) == 1:
        return folder / matches[0]
    known = ", ".join(dataset_names(folder)) or "none"
    raise FileNotFoundError(f"no data file {name!r} in {folder}; known data files: {known}")


def sidecar_path(name: str, directory: str | Path | None = None) -> Path:
    """Path of the sidecar of data file ``name``.

    Examples
    --------
    >>> sidecar_path("nhs_reforms").name
    'nhs_reforms.csv.yml'
    """
    path = _resolve(name, directory)
    return path.with_name(path.name + _SIDECAR_SUFFIX)


def file_sha256(path: str | Path) -> str:
    """SHA-256 hex digest of a file's bytes.

    Examples
    --------
    >>> len(file_sha256(data_dir() / "nhs_reforms.csv"))
    64
    """
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def read_sidecar(name: str, directory: str | Path | None = None) -> dict[str, Any]:
    """Read (but do not check) the sidecar of data file ``name``.

    Parameters
    ----------
    name : str
        File name (``"nhs_reforms.csv"``) or stem (``"nhs_reforms"``).
    directory : str or Path, optional
        Folder holding the file; default :func:`data_dir`.

    Returns
    -------
    dict

    Raises
    ------
    DataValidationError
        If the sidecar is missing, is not valid YAML or is not a mapping.

    Examples
    --------
    >>> [c["name"] for c in read_sidecar("hood_control_types")["schema"]["columns"]][:2]
    ['control_type', 'cultural_bias']
    """
    import yaml

    path = _resolve(name, directory)
    side = path.with_name(path.name + _SIDECAR_SUFFIX)
    if not side.is_file():
        raise DataValidationError(path.name, [f"sidecar {side.name} is missing"])
    try:
        meta = yaml.safe_load(side.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise DataValidationError(path.name, [f"sidecar {side.name} is not valid YAML: {error}"]) from None
    if not isinstance(meta, dict):
        raise DataValidationError(path.name, [f"sidecar {side.name} must be a mapping of keys to values"])
    return meta


# ----- checking --------------------------------------------------------------------------------
def _is_url(text: Any) -> bool:
    return isinstance(text, str) and text.startswith(("http://", "https://")) and " " not in text


def _check_sidecar(meta: dict[str, Any], side: str) -> list[str]:
    """Problems with the sidecar itself (keys, sources, schema)."""
    problems: list[str] = []
    for key in _REQUIRED_KEYS:
        if key not in meta:
            problems.append(f"{side}: required key '{key}' is missing")
    for key in meta:
        if key not in _REQUIRED_KEYS + _OPTIONAL_KEYS:
            problems.append(f"{side}: unknown key '{key}'")
    for key in ("title", "description", "licence"):
        if key in meta and (not isinstance(meta[key], str) or not meta[key].strip()):
            problems.append(f"{side}: '{key}' must be non-empty text")
    sources = meta.get("sources")
    if "sources" in meta:
        if not isinstance(sources, list) or not sources:
            problems.append(f"{side}: 'sources' must be a non-empty list of {{title, url}}")
        else:
            for i, src in enumerate(sources, start=1):
                if not isinstance(src, dict) or set(src) != {"title", "url"}:
                    problems.append(f"{side}: source {i} must have exactly the keys title and url")
                elif not _is_url(src["url"]):
                    problems.append(f"{side}: source {i} url {src['url']!r} is not an http(s) address")
    if "retrieved" in meta:
        retrieved = meta["retrieved"]
        if not isinstance(retrieved, date):
            try:
                date.fromisoformat(str(retrieved))
            except ValueError:
                problems.append(f"{side}: 'retrieved' must be an ISO date, got {retrieved!r}")
    if "sha256" in meta and not (isinstance(meta["sha256"], str) and _SHA.fullmatch(meta["sha256"])):
        problems.append(
            f"{side}: 'sha256' must be 64 lower-case hex digits (run `python -m coordkit.data rehash`)"
        )
    caveats = meta.get("caveats")
    if "caveats" in meta and (not isinstance(caveats, list) or not all(isinstance(c, str) for c in caveats)):
        problems.append(f"{side}: 'caveats' must be a list of text")
    schema = meta.get("schema")
    if "schema" in meta:
        columns = schema.get("columns") if isinstance(schema, dict) else None
        if not isinstance(columns, list) or not columns:
            problems.append(f"{side}: 'schema' must be a mapping with a non-empty 'columns' list")
        else:
            seen: set[str] = set()
            for i, col in enumerate(columns, start=1):
                problems.extend(_check_column_spec(col, i, side, seen))
    return problems


def _check_column_spec(col: Any, i: int, side: str, seen: set[str]) -> list[str]:
    if not isinstance(col, dict):
        return [f"{side}: schema column {i} must be a mapping"]
    label = f"{side}: schema column {i} ({col.get('name', '?')})"
    problems = [f"{label}: required key '{k}' is missing" for k in _COLUMN_KEYS if k not in col]
    problems += [f"{label}: unknown key '{k}'" for k in col if k not in _COLUMN_KEYS + _OPTIONAL_COLUMN_KEYS]
    name = col.get("name")
    if isinstance(name, str):
        if name in seen:
            problems.append(f"{label}: column name given twice")
        seen.add(name)
    if "type" in col and col["type"] not in COLUMN_TYPES:
        problems.append(f"{label}: type {col['type']!r} is not one of {', '.join(COLUMN_TYPES)}")
    if "allowed" in col and not isinstance(col["allowed"], list):
        problems.append(f"{label}: 'allowed' must be a list")
    if "pattern" in col:
        try:
            re.compile(str(col["pattern"]))
        except re.error as error:
            problems.append(f"{label}: 'pattern' is not a valid regular expression: {error}")
    return problems


def _parse(text: str, kind: str) -> Any:
    """Parse one non-empty cell; raise ValueError with a reason on failure."""
    if kind == "string":
        return text
    if kind == "integer":
        if not _INTEGER.fullmatch(text):
            raise ValueError(f"{text!r} is not an integer")
        return int(text)
    if kind == "number":
        try:
            value = float(text)
        except ValueError:
            raise ValueError(f"{text!r} is not a number") from None
        if not math.isfinite(value):
            raise ValueError(f"{text!r} is not a finite number")
        return value
    if kind == "date":
        if not _DATE.fullmatch(text):
            raise ValueError(f"{text!r} is not a date in the form YYYY-MM-DD")
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{text!r} is not a real calendar date") from None
    if kind == "boolean":
        if text not in ("true", "false"):
            raise ValueError(f"{text!r} is not a boolean (write true or false)")
        return text == "true"
    raise ValueError(f"unknown column type {kind!r}")  # pragma: no cover - schema checked first


def _bound(value: Any, kind: str) -> Any:
    return date.fromisoformat(str(value)) if kind == "date" and not isinstance(value, date) else value


def _read_table(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and (line number, cells) for each data row of a CSV file."""
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        rows = [(reader.line_num, cells) for cells in reader]
    return header, rows


def _check_table(path: Path, columns: list[dict[str, Any]]) -> list[str]:
    """Problems with the data file measured against the schema columns."""
    fname = path.name
    try:
        header, rows = _read_table(path)
    except UnicodeDecodeError as error:
        return [f"{fname}: not UTF-8 text ({error})"]
    except csv.Error as error:
        return [f"{fname}: not a readable CSV file ({error})"]
    expected = [c["name"] for c in columns]
    if header != expected:
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        detail = []
        if missing:
            detail.append(f"missing {missing}")
        if extra:
            detail.append(f"not in the schema {extra}")
        if not missing and not extra:
            detail.append("same names in a different order")
        return [f"{fname}: header (line 1) does not match the schema: {'; '.join(detail)}; "
                f"expected {expected}, found {header}"]
    if not rows:
        return [f"{fname}: has a header but no data rows"]
    problems: list[str] = []
    seen: dict[str, dict[str, int]] = {c["name"]: {} for c in columns if c.get("unique")}
    for number, (line, cells) in enumerate(rows, start=1):
        where = f"{fname}: row {number} (line {line})"
        if len(cells) != len(expected):
            problems.append(f"{where}: has {len(cells)} cells, expected {len(expected)}")
            continue
        for col, text in zip(columns, cells, strict=True):
            problems.extend(_check_cell(text, col, where, number, seen))
    return problems


def _check_cell(text: str, col: dict[str, Any], where: str, number: int,
                seen: dict[str, dict[str, int]]) -> list[str]:
    name, kind = col["name"], col["type"]
    here = f"{where}, column '{name}'"
    if text == "":
        return [] if col.get("nullable") else [f"{here}: is empty but the column may not be empty"]
    if text != text.strip():
        return [f"{here}: {text!r} has leading or trailing spaces"]
    try:
        value = _parse(text, kind)
    except ValueError as error:
        return [f"{here}: {error}"]
    problems = []
    if "allowed" in col and value not in col["allowed"]:
        problems.append(f"{here}: {text!r} is not one of the allowed values {col['allowed']}")
    if "minimum" in col and value < _bound(col["minimum"], kind):
        problems.append(f"{here}: {text} is below the minimum {col['minimum']}")
    if "maximum" in col and value > _bound(col["maximum"], kind):
        problems.append(f"{here}: {text} is above the maximum {col['maximum']}")
    if "pattern" in col and not re.fullmatch(str(col["pattern"]), text):
        problems.append(f"{here}: {text!r} does not match the pattern {col['pattern']!r}")
    if name in seen:
        if text in seen[name]:
            first = seen[name][text]
            problems.append(f"{here}: {text!r} repeats the value in row {first}; values must be unique")
        else:
            seen[name][text] = number
    return problems


def check(name: str, directory: str | Path | None = None, *, check_hash: bool = True) -> list[str]:
    """List every problem with a data file and its sidecar (empty if the file is valid).

    Parameters
    ----------
    name : str
        File name or stem.
    directory : str or Path, optional
        Folder holding the file; default :func:`data_dir`.
    check_hash : bool, default True
        Whether to compare the file's SHA-256 with the sidecar's.

    Returns
    -------
    list of str
        One message per problem, naming file, row and column.

    Examples
    --------
    >>> check("nhs_performance.csv")
    []
    """
    path = _resolve(name, directory)
    side = path.name + _SIDECAR_SUFFIX
    try:
        meta = read_sidecar(path.name, path.parent)
    except DataValidationError as error:
        return error.problems
    problems = _check_sidecar(meta, side)
    if problems:
        return problems
    if check_hash:
        actual = file_sha256(path)
        if actual != meta["sha256"]:
            problems.append(
                f"{path.name}: SHA-256 is {actual} but {side} records {meta['sha256']}; if the edit "
                "was intended, run `python -m coordkit.data rehash` and regenerate the catalogue"
            )
    problems.extend(_check_table(path, meta["schema"]["columns"]))
    return problems


def validate(name: str, directory: str | Path | None = None, *, check_hash: bool = True) -> None:
    """Check a data file against its sidecar; raise if anything is wrong.

    Checks that the sidecar has every required key, well-formed sources and a valid schema;
    that the file's header lists exactly the schema's columns in order; that every cell parses
    as its column's type and meets its constraints; and that the file's SHA-256 matches.
    The file is only read, never changed.

    Parameters
    ----------
    name : str
        File name or stem.
    directory : str or Path, optional
        Folder holding the file; default :func:`data_dir`.
    check_hash : bool, default True
        Whether to compare the file's SHA-256 with the sidecar's.

    Raises
    ------
    DataValidationError
        Listing every problem, each naming file, row and column.

    Examples
    --------
    >>> validate("hood_npm_doctrines")
    """
    problems = check(name, directory, check_hash=check_hash)
    if problems:
        raise DataValidationError(_resolve(name, directory).name, problems)


def validate_all(directory: str | Path | None = None) -> list[str]:
    """Validate every data file in a folder and look for files without sidecars.

    Parameters
    ----------
    directory : str or Path, optional
        Folder to check; default :func:`data_dir`.

    Returns
    -------
    list of str
        Names of the files validated.

    Raises
    ------
    DataValidationError
        With every problem in every file (and any orphan data file or sidecar).

    Examples
    --------
    >>> "nhs_performance.csv" in validate_all()
    True
    """
    folder = _folder(directory)
    names = dataset_names(folder)
    problems: list[str] = []
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name in _NOT_DATA or path.name.startswith("."):
            continue
        if path.name.endswith(_SIDECAR_SUFFIX):
            if not (folder / path.name[: -len(_SIDECAR_SUFFIX)]).is_file():
                problems.append(f"{path.name}: sidecar without a data file")
        elif path.name not in names:
            problems.append(f"{path.name}: data file without a sidecar {path.name}{_SIDECAR_SUFFIX}")
    for name in names:
        problems.extend(check(name, folder))
    if problems:
        raise DataValidationError(str(folder), problems)
    return names


# ----- loading ---------------------------------------------------------------------------------
def load(name: str, directory: str | Path | None = None, *, validate: bool = True) -> pd.DataFrame:
    """Read a data file into a DataFrame typed by its sidecar, with the sidecar attached.

    Parameters
    ----------
    name : str
        File name or stem.
    directory : str or Path, optional
        Folder holding the file; default :func:`data_dir`.
    validate : bool, default True
        Validate first (recommended); with ``False`` a malformed cell raises ``ValueError``.

    Returns
    -------
    pandas.DataFrame
        Columns in schema order: ``string`` as text (empty cells stay ``""``), ``integer`` as
        ``int64`` (``Int64`` if nullable), ``number`` as ``float64``, ``date`` as
        ``datetime64`` and ``boolean`` as ``bool``. ``attrs["sidecar"]`` holds the sidecar and
        ``attrs["source_file"]`` the file name.

    Examples
    --------
    >>> doctrines = load("hood_npm_doctrines")
    >>> doctrines.loc[doctrines["number"] == 5, "doctrine"].item()
    'greater competition'
    >>> str(load("nhs_reforms")["date"].dtype).startswith("datetime64")
    True
    """
    import pandas as pd

    path = _resolve(name, directory)
    if validate:
        problems = check(path.name, path.parent)
        if problems:
            raise DataValidationError(path.name, problems)
    meta = read_sidecar(path.name, path.parent)
    columns = meta["schema"]["columns"]
    _, rows = _read_table(path)
    data: dict[str, Any] = {}
    for index, col in enumerate(columns):
        raw = [cells[index] for _, cells in rows]
        kind = col["type"]
        if kind == "string":
            data[col["name"]] = pd.Series(raw, dtype=object)
        elif kind == "integer":
            values = [None if t == "" else int(t) for t in raw]
            data[col["name"]] = pd.Series(values, dtype="Int64" if col.get("nullable") else "int64")
        elif kind == "number":
            data[col["name"]] = pd.Series([math.nan if t == "" else float(t) for t in raw], dtype="float64")
        elif kind == "date":
            cells = pd.Series(raw, dtype=object).replace("", None)
            data[col["name"]] = pd.to_datetime(cells, format="%Y-%m-%d")
        else:
            data[col["name"]] = pd.Series([t == "true" for t in raw], dtype=bool)
    frame = pd.DataFrame(data)
    frame.attrs["sidecar"] = meta
    frame.attrs["source_file"] = path.name
    return frame


# ----- maintaining -----------------------------------------------------------------------------
def rehash(directory: str | Path | None = None, names: Iterable[str] | None = None) -> dict[str, str]:
    """Recompute each data file's SHA-256 and write it into its sidecar (a maintainer's tool).

    Only the ``sha256:`` line of a sidecar is rewritten; comments and layout are kept. Data files
    are never touched. Run this after an intended edit to a data file, then regenerate the
    catalogue.

    Parameters
    ----------
    directory : str or Path, optional
        Folder to work in; default :func:`data_dir`.
    names : iterable of str, optional
        Files to rehash; default all.

    Returns
    -------
    dict of str to str
        New hash of every sidecar that changed.

    Examples
    --------
    >>> import shutil, tempfile
    >>> tmp = Path(tempfile.mkdtemp())
    >>> _ = shutil.copy(data_dir() / "hood_control_types.csv", tmp)
    >>> _ = shutil.copy(data_dir() / "hood_control_types.csv.yml", tmp)
    >>> with open(tmp / "hood_control_types.csv", "a", encoding="utf-8") as fh:
    ...     _ = fh.write("")  # an edit that leaves the bytes unchanged
    >>> rehash(tmp)
    {}
    """
    folder = _folder(directory)
    changed: dict[str, str] = {}
    for name in dataset_names(folder) if names is None else [_resolve(n, folder).name for n in names]:
        side = folder / (name + _SIDECAR_SUFFIX)
        text = side.read_text(encoding="utf-8")
        new = file_sha256(folder / name)
        line = f'sha256: "{new}"'
        if _SHA_LINE.search(text):
            updated = _SHA_LINE.sub(line, text, count=1)
        else:
            updated = text.rstrip("\n") + "\n" + line + "\n"
        if updated != text:
            side.write_text(updated, encoding="utf-8")
            changed[name] = new
    return changed


def _cell(text: Any) -> str:
    """Text safe for a Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def catalogue_markdown(directory: str | Path | None = None) -> str:
    """The data catalogue (``data/README.md``) generated from the sidecars.

    Parameters
    ----------
    directory : str or Path, optional
        Folder to catalogue; default :func:`data_dir`.

    Returns
    -------
    str
        Markdown: a summary table, then for each file its title, description, licence,
        retrieval date, columns, sources and caveats.

    Examples
    --------
    >>> text = catalogue_markdown()
    >>> text.splitlines()[0]
    '# Data catalogue'
    >>> "## NHS reforms in England, 1946-2025" in text
    True
    """
    folder = _folder(directory)
    names = dataset_names(folder)
    out = [
        "# Data catalogue",
        "",
        "<!-- Generated from the YAML sidecars by `python -m coordkit.data catalogue > data/README.md`.",
        "     Do not edit by hand: edit a sidecar, then regenerate. tests/test_data.py checks this file. -->",
        "",
        "Every data file here has a sidecar `<file>.yml` giving its title, description, sources, licence,",
        "retrieval date, SHA-256 hash, caveats and column schema. The tests validate every file against its",
        "sidecar on every run. Columns marked *judgement* hold the kit's own codings, not facts:",
        "argue with them.",
        "After editing a data file run `python -m coordkit.data rehash`, then regenerate this catalogue.",
        "",
        "| file | title | rows | columns |",
        "|---|---|---|---|",
    ]
    sections: list[str] = []
    for name in names:
        meta = read_sidecar(name, folder)
        _, rows = _read_table(folder / name)
        columns = meta["schema"]["columns"]
        anchor = re.sub(r"[^a-z0-9 -]", "", str(meta["title"]).lower()).replace(" ", "-")
        out.append(f"| `{name}` | [{_cell(meta['title'])}](#{anchor}) | {len(rows)} | {len(columns)} |")
        sections += [
            "",
            f"## {meta['title']}",
            "",
            f"- **File:** `{name}` ({len(rows)} rows; sidecar `{name}{_SIDECAR_SUFFIX}`)",
            f"- **Licence:** {_cell(meta['licence'])}",
            f"- **Retrieved:** {meta['retrieved']}",
            "",
            _cell(meta["description"]),
            "",
            "### Columns",
            "",
            "| name | type | unit | description |",
            "|---|---|---|---|",
        ]
        for col in columns:
            kind = col["type"] + (", may be empty" if col.get("nullable") else "")
            desc = _cell(col["description"])
            if col.get("judgement") and "judgement" not in desc.lower():
                desc = f"**Judgement.** {desc}"
            elif col.get("judgement"):
                desc = f"*(judgement)* {desc}"
            sections.append(f"| `{col['name']}` | {kind} | {_cell(col['unit'] or '')} | {desc} |")
        sections += ["", "### Sources", ""]
        sections += [f"- [{_cell(s['title'])}]({s['url']})" for s in meta["sources"]]
        sections += ["", "### Caveats", ""]
        sections += [f"- {_cell(c)}" for c in meta["caveats"]]
    return "\n".join(out + sections) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: ``python -m coordkit.data {catalogue,validate,rehash}``.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments (default ``sys.argv[1:]``).

    Returns
    -------
    int
        Exit status: 0 on success, 1 if validation failed.

    Examples
    --------
    >>> main(["validate"])  # doctest: +ELLIPSIS
    ok: ... data files valid in ...
    0
    """
    parser = argparse.ArgumentParser(
        prog="python -m coordkit.data", description="Maintain the kit's data files."
    )
    parser.add_argument("command", choices=["catalogue", "validate", "rehash"],
                        help="catalogue: print data/README.md; validate: check every file; "
                             "rehash: update sidecar hashes after editing data")
    parser.add_argument("--dir", default=None, help="data folder (default: the kit's own)")
    args = parser.parse_args(argv)
    folder = _folder(args.dir)
    if args.command == "catalogue":
        sys.stdout.write(catalogue_markdown(folder))
        return 0
    if args.command == "rehash":
        changed = rehash(folder)
        for name, digest in changed.items():
            print(f"updated {name}{_SIDECAR_SUFFIX}: sha256 {digest}")
        if not changed:
            print("all sidecar hashes already up to date")
        return 0
    try:
        names = validate_all(folder)
    except DataValidationError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"ok: {len(names)} data files valid in {folder}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
