"""Many files at once: several exports, a folder, or a Moodle "Download all submissions" zip.

Moodle gives one folder per student ("Full Name_12345_assignsubmission_file_"), each holding the
student's file, often with the same name for everyone. Every file is named by its path relative
to what was given (``submissions/Jo_1_assignsubmission_file_/answers.csv``, or
``submissions.zip/Jo_.../answers.csv``), so messages tell files apart; a shared report never shows
these names (see :meth:`ReadResult.anonymised`). A zip is read in memory, never unpacked.

Examples
--------
>>> import tempfile, pathlib
>>> from coordkit.survey import synthetic_class
>>> from coordkit.survey.read import responses_csv
>>> root = pathlib.Path(tempfile.mkdtemp()) / "subs"
>>> for k, who in enumerate(["Ann_1_assignsubmission_file_", "Bob_2_assignsubmission_file_"]):
...     (root / who).mkdir(parents=True)
...     text = responses_csv(synthetic_class(size=1)).replace("S001", f"P{k}")
...     _ = (root / who / "answers.csv").write_text(text, encoding="utf-8")
>>> [label for label, _ in expand_inputs([root])]
['subs/Ann_1_assignsubmission_file_/answers.csv', 'subs/Bob_2_assignsubmission_file_/answers.csv']
>>> read_files([root]).n_accepted
2
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from coordkit.survey.read.core import merge, read_responses
from coordkit.survey.read.records import ReadResult, SurveyFileError

__all__ = ["MAPPING_FILE", "READABLE", "expand_inputs", "load_input", "read_files", "read_folder"]

#: The mapping file :func:`read_folder` looks for in a class folder (made with ``--write-map``).
MAPPING_FILE = "mapping.yml"

#: File endings read inside folders and zips (other files there are counted and left alone).
READABLE = (".csv", ".tsv", ".txt", ".xlsx")


def _skip(name: str) -> bool:
    parts = Path(name).parts
    return any(p.startswith(".") or p == "__MACOSX" for p in parts)


def expand_inputs(paths: Sequence[str | Path]) -> list[tuple[str, Path | tuple[Path, str]]]:
    """Every file to read, with the label that names it in messages.

    A folder gives every readable file inside it (sorted); a ``.zip`` every readable member. Labels
    are paths relative to the common parent of what was given, so two files of the same name in
    different folders are told apart.

    Returns
    -------
    list of (label, path or (zip path, member))
    """
    given = [Path(p) for p in paths]
    found: list[tuple[Path, Path | tuple[Path, str]]] = []
    for path in given:
        if path.is_dir():
            for item in sorted(path.rglob("*")):
                rel = item.relative_to(path)
                if item.is_file() and item.suffix.lower() in READABLE and not _skip(str(rel)):
                    found.append((path.name / rel, item))
        elif path.suffix.lower() == ".zip" and not zipfile.is_zipfile(path):
            raise SurveyFileError(path.name, "is not a readable zip archive (download it again)")
        elif path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as archive:
                for member in sorted(archive.namelist()):
                    if not member.endswith("/") and Path(member).suffix.lower() in READABLE \
                            and not _skip(member):
                        found.append((Path(path.name) / member, (path, member)))
        else:
            found.append((Path(path.name), path))
    plain = [f for f, _ in found]
    if len(set(plain)) < len(plain):  # same names: label by the path from the common parent
        where = [p if isinstance(p, Path) else p[0] for _, p in found]
        base = Path(os.path.commonpath([str(w.resolve().parent) for w in where]))
        relabelled = []
        for (label, p), w in zip(found, where, strict=True):
            head = w.resolve().parent.relative_to(base)
            relabelled.append((head / label, p))
        found = relabelled
    return [(label.as_posix(), p) for label, p in found]


def load_input(where: Path | tuple[Path, str]) -> Path | bytes:
    """A path to read, or the bytes of a zip member (read in memory; the zip is never changed)."""
    if isinstance(where, tuple):
        with zipfile.ZipFile(where[0]) as archive:
            return archive.read(where[1])
    return where


def read_files(paths: Sequence[str | Path], *, progress: Callable[[int, int, str], None] | None = None,
               row_progress: Callable[[int, int, int, str], None] | None = None,
               **options: Any) -> ReadResult:
    """Read and merge every file (see :func:`expand_inputs`); ``options`` go to :func:`read_responses`.

    Parameters
    ----------
    paths : sequence of str or Path
        Files, folders or ``.zip`` archives.
    progress : callable, optional
        Called as ``progress(files_done, files_total, label)`` before each file.
    row_progress : callable, optional
        Called as ``row_progress(file_index, rows_done, rows_total, label)`` while rows are checked.
    **options
        Passed to :func:`read_responses` (``group_columns``, ``tolerance``, ``mapping`` ...).

    Returns
    -------
    ReadResult

    Raises
    ------
    SurveyFileError
        If no file is found, or any file cannot be trusted (every such file is listed, each with its
        own message, so one run shows them all).
    """
    inputs = expand_inputs(paths)
    if not inputs:
        raise SurveyFileError(", ".join(str(p) for p in paths),
                              f"no readable file found (looked for {', '.join(READABLE)})")
    results, errors = [], []
    for k, (label, where) in enumerate(inputs):
        if progress is not None:
            progress(k, len(inputs), label)
        source = load_input(where)

        def rows(done: int, total: int, k: int = k, label: str = label) -> None:
            if row_progress is not None:
                row_progress(k, done, total, label)

        try:
            results.append(read_responses(source, name=label, progress=rows, **options))
        except SurveyFileError as error:
            if len(inputs) == 1:
                raise
            errors.append(str(error))
    if progress is not None:
        progress(len(inputs), len(inputs), "")
    if errors:
        raise SurveyFileError(
            f"{len(errors)} of {len(inputs)} files",
            "cannot be read; fix or remove them and run again:\n  " + "\n  ".join(errors))
    return results[0] if len(results) == 1 else merge(results)


def read_folder(folder: str | Path, *, mapping_file: str | Path | None = None, **options: Any) -> ReadResult:
    r"""Read every export in a class folder, with its mapping file if it has one.

    The mapping file is ``mapping_file`` if given (it must exist), else the folder's own
    :data:`MAPPING_FILE` (``mapping.yml``) if there is one: its ``columns:`` and ``answers:``
    sections are used as ``--map`` uses them, and a note says it was. The folder's other files
    are read as :func:`read_files` reads a folder (a ``.yml`` file is never read as answers).

    Parameters
    ----------
    folder : str or Path
        The class folder.
    mapping_file : str or Path, optional
        A mapping file to use instead of the folder's ``mapping.yml``.
    **options
        Passed to :func:`read_files` (``group_columns``, ``tolerance``, ``progress`` ...).

    Returns
    -------
    ReadResult

    Raises
    ------
    SurveyFileError
        If the folder or its mapping file cannot be read (see :func:`read_files`).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from coordkit.survey import synthetic_class
    >>> from coordkit.survey.read import responses_csv
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> text = responses_csv(synthetic_class(size=5)).replace("respondent,", "Student code,", 1)
    >>> _ = (folder / "answers.csv").write_text(text, encoding="utf-8")
    >>> _ = (folder / MAPPING_FILE).write_text('columns:\n  "Student code": respondent\n', encoding="utf-8")
    >>> r = read_folder(folder)
    >>> r.n_accepted, r.notes[-1]
    (5, 'Read with the mapping file mapping.yml.')
    """
    from dataclasses import replace

    from coordkit.survey.read.match import read_answer_words, read_mapping

    root = Path(folder)
    if not root.is_dir():
        raise SurveyFileError(root.name or str(root), "is not a folder")
    path = Path(mapping_file) if mapping_file is not None else root / MAPPING_FILE
    if mapping_file is None and not path.is_file():
        return read_files([root], **options)
    result = read_files([root], mapping=read_mapping(path), answers=read_answer_words(path), **options)
    return replace(result, notes=(*result.notes, f"Read with the mapping file {path.name}."))
