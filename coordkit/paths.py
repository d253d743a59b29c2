r"""Where the kit writes a user's files: saved answers, codings, class reports.

A notebook opened from a course folder on a JupyterHub may sit in a folder the student cannot
write to, and an installed package must never be written into. :func:`user_path` therefore picks
a folder that is writable *now*, by trying to create a file there:

1. the folder asked for (``folder=``, or the folder of ``name`` if it has one), else the current
   folder -- in a notebook, the notebook's folder;
2. failing that, the user's home folder.

A folder inside the installed ``coordkit`` package or inside the Python environment
(``sys.prefix``) is never chosen. The path is returned, absolute, so the caller can show the
user where the file went ("Saved to ..."); nothing is printed here and nothing is created.

Examples
--------
>>> import os, tempfile
>>> from pathlib import Path
>>> here = Path(tempfile.mkdtemp())
>>> user_path("my_answers.csv", folder=here) == here / "my_answers.csv"
True
>>> _ = (here / "my_answers.csv").write_text("id\\n")
>>> user_path("my_answers.csv", folder=here, unique=True).name
'my_answers-2.csv'
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

__all__ = ["user_folder", "user_path"]

_PACKAGE = Path(__file__).resolve().parent


def _forbidden(folder: Path) -> bool:
    """True for the installed package and the Python environment: never user places."""
    folder = folder.resolve()
    roots = {_PACKAGE, Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()}
    return any(folder == root or folder.is_relative_to(root) for root in roots)


def _writable(folder: Path) -> bool:
    """True if a file can be created in ``folder`` now.

    Creates and removes a probe file rather than asking ``os.access``, which says yes to root
    even on a folder whose permissions forbid writing, and cannot see some network mounts.
    """
    if not folder.is_dir():
        return False
    try:
        handle, probe = tempfile.mkstemp(prefix=".coordkit-probe-", dir=folder)
    except OSError:
        return False
    os.close(handle)
    try:
        os.unlink(probe)
    except OSError:
        pass
    return True


def user_folder(folder: str | os.PathLike[str] | None = None) -> Path:
    """The folder user files go to: ``folder`` (default: the current folder) if writable, else home.

    Parameters
    ----------
    folder : str or path-like, optional
        The preferred folder; default the current working folder.

    Returns
    -------
    pathlib.Path
        An absolute, writable folder, never inside the installed package or the Python
        environment.

    Raises
    ------
    PermissionError
        If neither the preferred folder nor the home folder can be written to; the message names
        both.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> here = Path(tempfile.mkdtemp())
    >>> user_folder(here) == here.resolve()
    True
    >>> import coordkit
    >>> user_folder(Path(coordkit.__file__).parent) == Path.home().resolve()  # never the package
    True
    """
    preferred = Path(folder).expanduser() if folder is not None else Path.cwd()
    tried = []
    for candidate in (preferred, Path.home()):
        candidate = candidate.resolve()
        tried.append(str(candidate))
        if not _forbidden(candidate) and _writable(candidate):
            return candidate
    raise PermissionError(f"coordkit cannot write a file in {tried[0]} or in your home folder {tried[1]}; "
                          "pass folder= with a folder you can write to")


def user_path(name: str | os.PathLike[str], *, folder: str | os.PathLike[str] | None = None,
              unique: bool = False) -> Path:
    """A writable path for a user's file called ``name``: show it to the user after writing.

    Parameters
    ----------
    name : str or path-like
        The file name, e.g. ``"my_answers.csv"``. If it includes a folder (``"week3/a.csv"`` or an
        absolute path), that folder (relative to ``folder`` or the current folder) is preferred;
        if it cannot be written to, the file goes to the home folder under its bare name.
    folder : str or path-like, optional
        The preferred folder; default the current folder (in a notebook, the notebook's folder).
    unique : bool, default False
        If a file of that name exists, add ``-2``, ``-3``, ... before the suffix so nothing is
        overwritten. By default an existing path is returned as it is (the caller decides).

    Returns
    -------
    pathlib.Path
        Absolute path in a writable folder (see :func:`user_folder`); nothing is created.

    Raises
    ------
    ValueError
        If ``name`` is empty or names a folder rather than a file.
    PermissionError
        If no writable folder can be found.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> here = Path(tempfile.mkdtemp())
    >>> target = user_path("class_report.html", folder=here)
    >>> target.parent == here.resolve(), target.name
    (True, 'class_report.html')
    >>> _ = target.write_text("<html></html>")
    >>> user_path("class_report.html", folder=here, unique=True).name
    'class_report-2.html'
    >>> user_path("")
    Traceback (most recent call last):
    ...
    ValueError: a file name is needed, e.g. 'my_answers.csv'
    """
    requested = Path(name).expanduser() if str(name).strip() else None
    if requested is None or requested.name in ("", ".", "..") or str(name).endswith(("/", os.sep)):
        raise ValueError("a file name is needed, e.g. 'my_answers.csv'")
    base = Path(folder).expanduser() if folder is not None else Path.cwd()
    preferred = (base / requested).parent  # an absolute name's own folder wins
    chosen = user_folder(preferred)
    target = chosen / requested.name
    if unique:
        number = 2
        while target.exists():
            target = chosen / f"{requested.stem}-{number}{requested.suffix}"
            number += 1
    return target
