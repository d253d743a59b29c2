"""A class codes the reforms: coding files, pooling, Krippendorff's alpha and the class consensus.

The kit's coding of each reform (how hard it pushed each mode, -2 to +2) is a judgement. Here a
class makes its own judgements and measures how far they agree:

1. Each student codes a set of reforms -- with :class:`coordkit.widgets.history.CodingForm` in
   notebook 03, which saves a new file each time (:func:`write_coding`), or on the printable
   :func:`coding_sheet_html`. A coding file is a small CSV: one row per reform, the columns
   ``reform_id`` and the four modes (``hierarchy``, ``solidarity``, ``individualism``,
   ``fatalism``), each a whole number from -2 to +2 (empty: not coded).
2. The lecturer pools the files (:func:`pool_codings`, or ``coordkit codings FILES -o
   codings.html``). A bad file never stops the pool: it is left out with a message naming the
   file, the row and the column, and the report says how many were left out.
3. :func:`agreement` measures inter-coder agreement with **Krippendorff's alpha** at the ordinal
   level (the ``krippendorff`` package) per mode (the reforms are the units) and per reform (its
   four modes are the units); 1 is perfect agreement, 0 is what chance alone gives.
   :func:`consensus` is the class's median push, rounded; :func:`disagreements` ranks the
   reforms by how far apart the students are -- the seminar's agenda.

Privacy follows the class report: coders are numbered, never named; no file name, name column or
free text reaches the report; a reform coded by fewer than :data:`MIN_CODERS` students has no
consensus or agreement shown (only its count), and with fewer than :data:`MIN_CODERS` usable files
nothing is pooled at all. The consensus rule (median, ties towards zero) and the agreement
thresholds are the kit's choices, stated in the report.

Examples
--------
>>> pool = synthetic_pool(12, noise=0.0)  # twelve made-up coders who all copy the kit
>>> float(agreement(pool).by_mode["alpha"].min())
1.0
>>> int(consensus(pool).set_index("id").loc["nhs_act_1946", "push_hierarchy"])
2
"""

from __future__ import annotations

import csv
import io
import math
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from coordkit import history
from coordkit.html import render
from coordkit.modes import ALL_MODES, Mode, parse_mode

__all__ = [
    "CODING_COLUMNS",
    "CODING_SET",
    "MIN_CODERS",
    "SESSION_SET",
    "Agreement",
    "BlankCoding",
    "CodingError",
    "CodingPool",
    "agreement",
    "coding_csv",
    "coding_sheet_html",
    "codings_report_html",
    "consensus",
    "disagreements",
    "krippendorff_alpha",
    "pool_codings",
    "read_coding",
    "student_coding",
    "synthetic_pool",
    "write_coding",
]

#: Fewest coders behind any pooled number (the class report's smallest group, too).
MIN_CODERS: int = 5
#: The columns of a coding file, in order.
CODING_COLUMNS: tuple[str, ...] = ("reform_id", *(m.value for m in ALL_MODES))
#: The reforms the coding form and sheet offer by default: one or two per era, chosen (a judgement)
#: to include reforms the kit codes as mixed, so that there is something to disagree about.
CODING_SET: tuple[str, ...] = (
    "nhs_act_1946", "nhs_charges_1951", "salmon_report_1966", "grey_book_1972", "griffiths_inquiry_1983",
    "working_for_patients_1989", "new_nhs_white_paper_1997", "nhs_plan_2000", "payment_by_results_2002",
    "health_social_care_act_2012", "five_year_forward_view_2014", "health_and_care_act_2022",
)
#: The four reforms the session plans have every table code (docs/session_plans.md, and the rows
#: of docs/coding_template.csv): one per era, from the founding Act to the Act of 2022, so that a
#: class of any size gives each reform enough codings to pool (the choice is the kit's).
SESSION_SET: tuple[str, ...] = (
    "nhs_act_1946", "griffiths_inquiry_1983", "working_for_patients_1989", "health_and_care_act_2022",
)
_VALUES = list(range(history.MIN_PUSH, history.MAX_PUSH + 1))


class CodingError(ValueError):
    """A coding file that cannot be read; the message names the file, row and column."""


class BlankCoding(CodingError):
    """A coding template handed in blank: reform rows, not one of them coded. Not a coding."""


# ----- one file -----------------------------------------------------------------------------------
def coding_csv(codings: Mapping[str, Mapping[str | Mode, int | None]]) -> str:
    """A coding file's text: one row per reform, a push per mode (empty when not coded).

    Parameters
    ----------
    codings : mapping of reform id to mapping of mode to push
        Modes by name, initial or :class:`~coordkit.modes.Mode`; a missing mode is left empty.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        For a push that is not a whole number from -2 to +2, or an unknown mode.

    Examples
    --------
    >>> print(coding_csv({"nhs_act_1946": {"H": 2, "S": 2}}), end="")
    reform_id,hierarchy,solidarity,individualism,fatalism
    nhs_act_1946,2,2,,
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CODING_COLUMNS)
    for reform_id, pushes in codings.items():
        row: dict[str, object] = {}
        for key, value in pushes.items():
            mode = parse_mode(key)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int | np.integer) or not (
                    history.MIN_PUSH <= int(value) <= history.MAX_PUSH):
                raise ValueError(f"{reform_id}, {mode.value}: a push must be a whole number from -2 to 2, "
                                 f"not {value!r}")
            row[mode.value] = int(value)
        writer.writerow([reform_id, *(row.get(m.value, "") for m in ALL_MODES)])
    return out.getvalue()


def write_coding(codings: Mapping[str, Mapping[str | Mode, int | None]],
                 directory: str | Path | None = None) -> Path:
    """Save a coding to a **new** file (never overwriting one) and return its path.

    Parameters
    ----------
    codings : mapping
        As for :func:`coding_csv`.
    directory : str or Path, optional
        Where to write; default the current folder, or the home folder when that cannot be
        written to (a read-only course folder on a hub): see :func:`coordkit.paths.user_folder`.

    Returns
    -------
    Path
        ``coding-YYYYMMDD-HHMMSS-XXXX.csv``, the last part random, so two saves never collide.

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> a = write_coding({"nhs_act_1946": {"H": 2}}, folder)
    >>> b = write_coding({"nhs_act_1946": {"H": 1}}, folder)
    >>> a != b and a.name.startswith("coding-") and a.suffix == ".csv"
    True
    """
    text = coding_csv(codings)
    from coordkit.paths import user_folder

    folder = user_folder(directory)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    for _ in range(100):
        path = folder / f"coding-{stamp}-{secrets.token_hex(2)}.csv"
        try:
            with path.open("x", encoding="utf-8", newline="") as handle:  # "x": never overwrite
                handle.write(text)
            return path
        except FileExistsError:
            continue
    raise OSError(f"could not find a free file name in {folder}")  # pragma: no cover


def read_coding(source: str | Path, reforms: pd.DataFrame | None = None, *, name: str | None = None
                ) -> pd.DataFrame:
    r"""Read one coding file, checking every cell; the file is never changed.

    Parameters
    ----------
    source : str or Path
        The file.
    reforms : pandas.DataFrame, optional
        The reforms the ids must come from (default :func:`coordkit.history.load_reforms`).
    name : str, optional
        What to call the file in messages (default its name).

    Returns
    -------
    pandas.DataFrame
        Columns ``id`` and the four ``push_*`` columns (floats; NaN where not coded), one row per
        reform coded on at least one mode (a template's row left blank is not a coding). Other
        columns (a name, say) are ignored and never read into the result.

    Raises
    ------
    CodingError
        With the file, row and column for a missing column, an unknown or repeated reform id, or
        a push that is not a whole number from -2 to +2; also for an unreadable or empty file, and
        (:class:`BlankCoding`) for a template with no reform coded.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "mine.csv"
    >>> header = "reform_id,hierarchy,solidarity,individualism,fatalism"
    >>> _ = path.write_text(header + "\nnhs_act_1946,2,x,0,0\n")
    >>> try:
    ...     read_coding(path)
    ... except CodingError as error:
    ...     print(error)
    mine.csv, row 2, column 'solidarity': 'x' is not a whole number from -2 to 2
    """
    frame, problems = _read_rows(source, reforms, name=name)
    if problems:
        raise CodingError(problems[0])
    return frame


def _read_rows(source: str | Path, reforms: pd.DataFrame | None = None, *, name: str | None = None
               ) -> tuple[pd.DataFrame, list[str]]:
    """Read one coding file: the good rows, and one message per bad row (file, row, column).

    A problem with the whole file (unreadable, empty, a missing column) raises :class:`CodingError`;
    a bad row is dropped and named, so one mistyped reform id costs one row, not the file.
    """
    path = Path(source)
    label = name or path.name
    known = set((history.load_reforms() if reforms is None else reforms)["id"])
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise CodingError(f"{label}: cannot be read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise CodingError(f"{label}: is not UTF-8 text; save it as CSV (UTF-8)") from None
    rows = list(csv.reader(io.StringIO(text)))
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if not rows:
        raise CodingError(f"{label}: is empty")
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in CODING_COLUMNS if c not in header]
    if missing:
        listed = ", ".join(repr(c) for c in missing)
        raise CodingError(f"{label}, row 1: missing column(s) {listed}; a coding file has the columns "
                          f"{', '.join(CODING_COLUMNS)}")
    where = {c: header.index(c) for c in CODING_COLUMNS}
    out: dict[str, list[float]] = {}
    first_row: dict[str, int] = {}
    uncoded: set[str] = set()
    problems: list[str] = []
    for number, row in enumerate(rows[1:], start=2):
        cells = [*row, *[""] * (len(header) - len(row))]
        reform_id = cells[where["reform_id"]].strip()
        if reform_id not in known:
            problems.append(f"{label}, row {number}, column 'reform_id': {reform_id!r} is not a reform id "
                            "in the kit's data")
            continue
        if reform_id in out:
            problems.append(f"{label}, row {number}, column 'reform_id': {reform_id!r} is coded twice "
                            f"(row {first_row[reform_id]} is kept)")
            continue
        pushes: list[float] = []
        bad = ""
        for mode in ALL_MODES:
            cell = cells[where[mode.value]].strip()
            if cell == "":
                pushes.append(math.nan)
                continue
            try:
                value = float(cell.replace("\u2212", "-"))
            except ValueError:
                value = math.nan
            whole = math.isfinite(value) and value.is_integer()
            if not (whole and history.MIN_PUSH <= value <= history.MAX_PUSH):
                bad = (f"{label}, row {number}, column {mode.value!r}: {cell!r} is not a whole "
                       "number from -2 to 2")
                break
            pushes.append(value)
        if bad:
            problems.append(bad)
            continue
        if all(math.isnan(v) for v in pushes):
            uncoded.add(reform_id)  # the template's row, left blank: this reform is not coded
            continue
        out[reform_id] = pushes
        first_row[reform_id] = number
    if not out and not problems:
        if uncoded:
            raise BlankCoding(f"{label}: a blank coding template (no reform coded)")
        raise CodingError(f"{label}: has a header but no reform rows")
    frame = pd.DataFrame([[rid, *p] for rid, p in out.items()],
                         columns=["id", *history.PUSH_COLUMNS.values()])
    return frame, problems


# ----- the pool -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class CodingPool:
    """Every usable coding, coders numbered 1, 2, ... in the order their files were given.

    Attributes
    ----------
    pushes : numpy.ndarray
        Shape (coders, reforms, 4): each coder's push per reform and mode, NaN where not coded.
    reform_ids : tuple of str
        The reforms, in the kit's date order.
    files_read, files_left_out : int
    messages : tuple of str
        Why each file or row left out was left out, naming file, row and column (these name files:
        for the lecturer's screen only).
    rows_left_out : int
        Bad rows dropped from files that were otherwise pooled (a mistyped reform id costs its row,
        not the file).
    blank : tuple of str
        The names of the files that were blank coding templates (no reform coded): left out, not
        counted in ``files_left_out`` (nothing was wrong with them) and never pooled as a coding.
        File names: for the lecturer's screen only (a report gives the count).
    """

    pushes: np.ndarray
    reform_ids: tuple[str, ...]
    files_read: int
    files_left_out: int
    messages: tuple[str, ...] = field(default=())
    rows_left_out: int = 0
    blank: tuple[str, ...] = field(default=())

    @property
    def coders(self) -> int:
        """How many codings were pooled."""
        return int(self.pushes.shape[0])

    def counts(self) -> pd.Series:
        """How many coders coded each reform (on at least one mode)."""
        coded = (~np.isnan(self.pushes)).any(axis=2).sum(axis=0)
        return pd.Series(coded, index=list(self.reform_ids), name="coders")


def _pool_from_frames(frames: Sequence[pd.DataFrame], reforms: pd.DataFrame, *, files_left_out: int = 0,
                      messages: Sequence[str] = (), rows_left_out: int = 0,
                      blank: Sequence[str] = ()) -> CodingPool:
    order = [rid for rid in reforms.sort_values("date", kind="stable")["id"]
             if any(rid in set(f["id"]) for f in frames)]
    index = {rid: k for k, rid in enumerate(order)}
    pushes = np.full((len(frames), len(order), len(ALL_MODES)), np.nan)
    for c, frame in enumerate(frames):
        rows = [index[rid] for rid in frame["id"]]
        pushes[c, rows, :] = frame[list(history.PUSH_COLUMNS.values())].to_numpy(dtype=float)
    return CodingPool(pushes, tuple(order), len(frames), files_left_out, tuple(messages), rows_left_out,
                      tuple(blank))


def pool_codings(files: Iterable[str | Path], reforms: pd.DataFrame | None = None) -> CodingPool:
    r"""Read and pool coding files; a bad row or file is left out with a message, never a traceback.

    A bad row (a mistyped reform id, a push out of range, a reform coded twice) is dropped and named
    by file, row and column; the file's other rows are pooled. A file is left out only when none
    of it can be used (unreadable, empty, a missing column, no good row). A blank coding template
    (reform rows, none coded) is no coding: it is left out and named in :attr:`CodingPool.blank`.

    Parameters
    ----------
    files : iterable of str or Path
    reforms : pandas.DataFrame, optional
        Default :func:`coordkit.history.load_reforms`.

    Returns
    -------
    CodingPool

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> good = write_coding({"nhs_act_1946": {"H": 2, "S": 1, "I": 0, "F": 0}}, folder)
    >>> bad = folder / "bad.csv"
    >>> _ = bad.write_text("hello\n")
    >>> pool = pool_codings([good, bad])
    >>> pool.coders, pool.files_left_out
    (1, 1)
    >>> print(pool.messages[0])
    bad.csv, row 1: missing column(s) 'reform_id', 'hierarchy', 'solidarity', 'individualism', 'fatalism'; ...
    >>> typo = folder / "typo.csv"
    >>> _ = typo.write_text("reform_id,hierarchy,solidarity,individualism,fatalism\n"
    ...                     "nhs_act_1946,2,1,0,0\nnhs_act_194,1,1,0,0\n")
    >>> pool = pool_codings([good, typo])
    >>> pool.coders, pool.files_left_out, pool.rows_left_out
    (2, 0, 1)
    >>> print(pool.messages[0])
    typo.csv, row 3, column 'reform_id': 'nhs_act_194' is not a reform id in the kit's data
    >>> blank = folder / "blank.csv"
    >>> _ = blank.write_text("reform_id,hierarchy,solidarity,individualism,fatalism\nnhs_act_1946,,,,\n")
    >>> pool = pool_codings([good, blank])
    >>> pool.coders, pool.files_left_out, pool.blank
    (1, 0, ('blank.csv',))
    """
    reforms = history.load_reforms() if reforms is None else reforms
    frames, messages, blank = [], [], []
    files_left_out = rows_left_out = 0
    for path in files:
        try:
            frame, problems = _read_rows(path, reforms)
        except BlankCoding:
            blank.append(Path(path).name)
            continue
        except CodingError as error:
            messages.append(str(error))
            files_left_out += 1
            continue
        messages.extend(problems)
        if frame.empty:
            files_left_out += 1
            messages.append(f"{Path(path).name}: no usable row, so the file is left out")
            continue
        rows_left_out += len(problems)
        frames.append(frame)
    return _pool_from_frames(frames, reforms, files_left_out=files_left_out, messages=messages,
                             rows_left_out=rows_left_out, blank=blank)


def synthetic_pool(coders: int = 20, *, noise: float = 0.8, seed: int = 2026,
                   reform_ids: Sequence[str] = CODING_SET, reforms: pd.DataFrame | None = None) -> CodingPool:
    """A SYNTHETIC class: made-up coders who each take the kit's coding and add random disagreement.

    Each coder's push is the kit's plus normal noise of standard deviation ``noise`` steps,
    rounded and clipped to -2..+2 (``noise=0``: everyone copies the kit; a very large noise:
    codings at random). For trying the tools; never data.

    Parameters
    ----------
    coders : int, default 20
    noise : float, default 0.8
    seed : int, default 2026
    reform_ids : sequence of str, default :data:`CODING_SET`
    reforms : pandas.DataFrame, optional

    Returns
    -------
    CodingPool

    Examples
    --------
    >>> synthetic_pool(8).coders
    8
    """
    reforms = history.load_reforms() if reforms is None else reforms
    rng = np.random.default_rng(seed)
    kit = reforms.set_index("id").loc[list(reform_ids), list(history.PUSH_COLUMNS.values())]
    frames = []
    for _ in range(coders):
        values = kit.to_numpy(dtype=float)
        if noise:
            values = values + rng.normal(0.0, noise, size=kit.shape)
        values = np.clip(np.round(values), history.MIN_PUSH, history.MAX_PUSH)
        frames.append(pd.DataFrame(values, columns=kit.columns).assign(id=list(reform_ids)))
    return _pool_from_frames(frames, reforms)


# ----- agreement ----------------------------------------------------------------------------------
def krippendorff_alpha(reliability: np.ndarray | Sequence[Sequence[float]], *,
                       level: str = "ordinal", values: Sequence[float] | None = None) -> float:
    """Krippendorff's alpha for a coders x units matrix (NaN: not coded), via ``krippendorff``.

    Parameters
    ----------
    reliability : array-like
        One row per coder, one column per unit.
    level : {"ordinal", "nominal", "interval", "ratio"}, default "ordinal"
    values : sequence of float, optional
        The possible values (default -2..+2 for ordinal, else those present).

    Returns
    -------
    float
        1 for perfect agreement, about 0 for chance; NaN when alpha is undefined (fewer than two
        codings of any unit, or no variation at all, so that nothing can be disagreed about).

    Examples
    --------
    Krippendorff's worked example (Computing Krippendorff's Alpha-Reliability, 2011, p. 8),
    four coders and twelve units, ordinal:

    >>> nan = float("nan")
    >>> data = [[1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
    ...         [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
    ...         [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
    ...         [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan]]
    >>> round(krippendorff_alpha(data, values=[1, 2, 3, 4, 5]), 3)
    0.815
    """
    import krippendorff

    matrix = np.asarray(reliability, dtype=float)
    if matrix.ndim != 2 or matrix.size == 0:
        return math.nan
    pairable = (~np.isnan(matrix)).sum(axis=0) >= 2
    if not pairable.any():
        return math.nan
    present = np.unique(matrix[:, pairable][~np.isnan(matrix[:, pairable])])
    if len(present) < 2:
        return math.nan
    domain = list(values) if values is not None else (_VALUES if level == "ordinal" else list(present))
    try:
        return float(krippendorff.alpha(
            reliability_data=matrix[:, pairable], value_domain=domain,
            level_of_measurement=level))  # type: ignore[arg-type]  # its own Literal; ours is checked
    except (ValueError, ZeroDivisionError):  # pragma: no cover - guarded above
        return math.nan


@dataclass(frozen=True)
class Agreement:
    """Agreement in a pool: per mode and per reform, with the counts behind each.

    Attributes
    ----------
    by_mode : pandas.DataFrame
        Indexed by mode name: ``alpha`` and ``reforms`` (units with two or more codings).
    by_reform : pandas.DataFrame
        Indexed by reform id: ``coders``, ``alpha`` (over its four modes), ``spread`` (mean
        absolute difference between two coders' pushes, averaged over the modes) and
        ``shown`` (False when fewer than :data:`MIN_CODERS` coded it: then alpha and spread are NaN).
    overall : float
        Alpha over every reform and mode together.
    """

    by_mode: pd.DataFrame
    by_reform: pd.DataFrame
    overall: float


def _spread(values: np.ndarray) -> float:
    """Mean absolute difference between two different coders' pushes (NaN ignored)."""
    v = values[~np.isnan(values)]
    if len(v) < 2:
        return math.nan
    diffs = np.abs(v[:, None] - v[None, :])
    return float(diffs.sum() / (len(v) * (len(v) - 1)))


def _mean_spread(cube: np.ndarray) -> float:
    spreads = [_spread(cube[:, k]) for k in range(cube.shape[1])]
    finite = [v for v in spreads if not math.isnan(v)]
    return float(np.mean(finite)) if finite else math.nan


def agreement(pool: CodingPool, *, min_coders: int = MIN_CODERS) -> Agreement:
    """Krippendorff's alpha (ordinal) per mode and per reform, and how far apart coders are.

    Parameters
    ----------
    pool : CodingPool
    min_coders : int, default :data:`MIN_CODERS`
        Reforms coded by fewer are counted but not measured (privacy and stability).

    Returns
    -------
    Agreement

    Examples
    --------
    >>> random = agreement(synthetic_pool(40, noise=50.0))  # codings at random
    >>> abs(random.overall) < 0.1
    True
    """
    counts = pool.counts()
    shown = counts >= min_coders
    by_mode = []
    for k, mode in enumerate(ALL_MODES):
        matrix = pool.pushes[:, shown.to_numpy(), k]
        units = int(((~np.isnan(matrix)).sum(axis=0) >= 2).sum()) if matrix.size else 0
        by_mode.append({"mode": mode.value, "alpha": krippendorff_alpha(matrix), "reforms": units})
    rows = []
    for r, reform_id in enumerate(pool.reform_ids):
        ok = bool(shown.iloc[r])
        cube = pool.pushes[:, r, :]
        rows.append({
            "id": reform_id, "coders": int(counts.iloc[r]), "shown": ok,
            "alpha": krippendorff_alpha(cube) if ok else math.nan,
            "spread": _mean_spread(cube) if ok else math.nan,
        })
    flat = pool.pushes[:, shown.to_numpy(), :].reshape(pool.coders, -1)
    return Agreement(pd.DataFrame(by_mode).set_index("mode"), pd.DataFrame(rows).set_index("id"),
                     krippendorff_alpha(flat))


def _median_towards_zero(values: np.ndarray) -> float:
    v = np.sort(values[~np.isnan(values)])
    if len(v) == 0:
        return math.nan
    mid = len(v) // 2
    if len(v) % 2:
        return float(v[mid])
    lo, hi = v[mid - 1], v[mid]
    m = (lo + hi) / 2
    return float(m if m.is_integer() else (math.floor(m) if m > 0 else math.ceil(m)))


def consensus(pool: CodingPool, *, min_coders: int = MIN_CODERS) -> pd.DataFrame:
    """The class's coding: the median push per reform and mode, a tie broken towards zero.

    A reform coded by fewer than ``min_coders`` gets no consensus (it keeps the kit's coding
    wherever the consensus is used, see :func:`coordkit.history.apply_coding`). The rule is the
    kit's choice: the median resists one outlier, and breaking ties towards zero never invents a
    push the class did not agree on.

    Parameters
    ----------
    pool : CodingPool
    min_coders : int, default :data:`MIN_CODERS`

    Returns
    -------
    pandas.DataFrame
        ``id`` and the four ``push_*`` columns (whole numbers), ready for ``coding=``.

    Examples
    --------
    >>> c = consensus(synthetic_pool(15, noise=0.0))
    >>> list(c.columns)
    ['id', 'push_hierarchy', 'push_solidarity', 'push_individualism', 'push_fatalism']
    """
    counts = pool.counts()
    rows = []
    for r, reform_id in enumerate(pool.reform_ids):
        if counts.iloc[r] < min_coders:
            continue
        medians = [_median_towards_zero(pool.pushes[:, r, k]) for k in range(len(ALL_MODES))]
        if any(math.isnan(m) for m in medians):
            medians = [0.0 if math.isnan(m) else m for m in medians]
        rows.append([reform_id, *(int(m) for m in medians)])
    return pd.DataFrame(rows, columns=["id", *history.PUSH_COLUMNS.values()])


def student_coding(pool: CodingPool, coder: int) -> pd.DataFrame:
    """One coder's coding (numbered from 1, never named), ready for ``coding=``.

    Parameters
    ----------
    pool : CodingPool
    coder : int
        1 to ``pool.coders``.

    Returns
    -------
    pandas.DataFrame
        ``id`` and the four ``push_*`` columns (NaN where not coded: the kit's coding is kept).

    Raises
    ------
    ValueError
        For a coder number out of range.

    Examples
    --------
    >>> student_coding(synthetic_pool(6, noise=0.0), 1).shape
    (12, 5)
    """
    if isinstance(coder, bool) or not isinstance(coder, int) or not 1 <= coder <= pool.coders:
        raise ValueError(f"coder must be a number from 1 to {pool.coders}, not {coder!r}")
    values = pool.pushes[coder - 1]
    coded = ~np.isnan(values).all(axis=1)
    frame = pd.DataFrame(values[coded], columns=list(history.PUSH_COLUMNS.values()))
    frame.insert(0, "id", [rid for rid, ok in zip(pool.reform_ids, coded, strict=True) if ok])
    return frame


def disagreements(pool: CodingPool, reforms: pd.DataFrame | None = None, *, top: int = 5,
                  min_coders: int = MIN_CODERS) -> pd.DataFrame:
    """The reforms the class disagrees on most, beside the kit's coding and the class consensus.

    Ranked by ``spread`` (how far apart two coders' pushes are on average), largest first.

    Parameters
    ----------
    pool : CodingPool
    reforms : pandas.DataFrame, optional
    top : int, default 5
    min_coders : int, default :data:`MIN_CODERS`

    Returns
    -------
    pandas.DataFrame
        ``title``, ``coders``, ``spread``, ``alpha``, ``kit`` and ``class`` (compact codings).

    Examples
    --------
    >>> table = disagreements(synthetic_pool(20), top=3)
    >>> len(table), list(table.columns)[:3]
    (3, ['title', 'coders', 'spread'])
    """
    reforms = history.load_reforms() if reforms is None else reforms
    agree = agreement(pool, min_coders=min_coders).by_reform
    agree = agree[agree["shown"]].sort_values("spread", ascending=False, kind="stable").head(top)
    kit = reforms.set_index("id")
    theirs = consensus(pool, min_coders=min_coders).set_index("id")
    return pd.DataFrame({
        "title": [kit.loc[i, "title"] for i in agree.index],
        "coders": agree["coders"].to_numpy(),
        "spread": agree["spread"].round(2).to_numpy(),
        "alpha": agree["alpha"].round(2).to_numpy(),
        "kit": [history.push_label(kit.loc[i]) for i in agree.index],
        "class": [history.push_label(theirs.loc[i]) for i in agree.index],
    }, index=pd.Index(agree.index, name="id"))


# ----- HTML: the coding sheet and the report ---------------------------------------------------------



def _fmt(value: float) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.2f}"


def coding_sheet_html(reforms: pd.DataFrame | None = None, reform_ids: Sequence[str] = CODING_SET, *,
                      title: str = "Code the NHS reforms: how hard did each push each way of coordinating?"
                      ) -> str:
    """A printable coding sheet (HTML) for a paper round: no names, boxes to fill in.

    Parameters
    ----------
    reforms : pandas.DataFrame, optional
    reform_ids : sequence of str, default :data:`CODING_SET`
    title : str

    Returns
    -------
    str
        A self-contained HTML page (text escaped).

    Examples
    --------
    >>> page = coding_sheet_html()
    >>> page.startswith("<!DOCTYPE html>") and "National Health Service Act 1946" in page
    True
    """
    reforms = history.load_reforms() if reforms is None else reforms
    by_id = reforms.set_index("id")
    rows = [{"id": rid, "title": by_id.loc[rid, "title"], "description": by_id.loc[rid, "description"],
             "date": history.date_label(by_id.loc[rid, "date"], by_id.loc[rid, "date_precision"])}
            for rid in reform_ids]
    return render("coding_sheet.html.j2", title=title, rows=rows, modes=[m.label for m in ALL_MODES],
                   columns=", ".join(CODING_COLUMNS))


def codings_report_html(pool: CodingPool, reforms: pd.DataFrame | None = None, *, top: int = 5,
                        min_coders: int = MIN_CODERS,
                        title: str = "How the class coded the NHS reforms") -> str:
    """The pooled codings as a self-contained HTML report: agreement, consensus, disagreements.

    No file names, names or free text appear in it; with fewer than ``min_coders`` usable codings
    it shows counts only.

    Parameters
    ----------
    pool : CodingPool
    reforms : pandas.DataFrame, optional
    top : int, default 5
    min_coders : int, default :data:`MIN_CODERS`
    title : str

    Returns
    -------
    str

    Examples
    --------
    >>> page = codings_report_html(synthetic_pool(3))
    >>> "Too few codings to pool" in page
    True
    """
    reforms = history.load_reforms() if reforms is None else reforms
    context: dict[str, object] = {"title": title, "coders": pool.coders, "left_out": pool.files_left_out,
                                  "rows_left_out": pool.rows_left_out, "blank": len(pool.blank),
                                  "min_coders": min_coders, "enough": pool.coders >= min_coders}
    if pool.coders >= min_coders:
        agree = agreement(pool, min_coders=min_coders)
        kit = reforms.set_index("id")
        theirs = consensus(pool, min_coders=min_coders).set_index("id")
        context["by_mode"] = [{"mode": m, "alpha": _fmt(r["alpha"]), "reforms": int(r["reforms"])}
                              for m, r in agree.by_mode.iterrows()]
        context["overall"] = _fmt(agree.overall)
        context["top"] = [{"title": r["title"], "coders": r["coders"], "spread": _fmt(r["spread"]),
                           "alpha": _fmt(r["alpha"]), "kit": r["kit"], "class_": r["class"]}
                          for _, r in disagreements(pool, reforms, top=top, min_coders=min_coders).iterrows()]
        context["every"] = [{"title": kit.loc[i, "title"], "coders": int(r["coders"]),
                             "alpha": _fmt(r["alpha"]), "spread": _fmt(r["spread"]),
                             "kit": history.push_label(kit.loc[i]),
                             "class_": (history.push_label(theirs.loc[i]) if i in theirs.index
                                        else "(too few)")}
                            for i, r in agree.by_reform.iterrows()]
    return render("codings_report.html.j2", **context)
