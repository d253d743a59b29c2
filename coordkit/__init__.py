"""coordkit: a teaching and exploration kit for coordination theory and NHS reform.

The core (:mod:`coordkit.modes`, :mod:`coordkit.profile`, :mod:`coordkit.balance`,
:mod:`coordkit.configuration`) needs only numpy. Plotting (:mod:`coordkit.plots`) and widgets
(:mod:`coordkit.widgets`) load matplotlib and ipywidgets, so import them explicitly when
you need them; ``import coordkit`` stays light.

A notebook states the version it was written for in its first code cell, so that a hub whose
installed kit is older than freshly pulled notebooks says so in one line instead of failing
later: ``import coordkit; coordkit.require("0.2")`` (see :func:`require`).

Examples
--------
>>> import coordkit as ck
>>> p = ck.Profile(hierarchy=0.9, solidarity=0.8, individualism=0.2, fatalism=0.3)
>>> ck.classify(p).name
'deficit culture: weak individualism'
"""

import sys
from typing import TYPE_CHECKING

from coordkit.balance import BalanceReport, balance_index, dynamic_balance, evenness, report
from coordkit.configuration import Configuration, Kind, all_configurations, classify
from coordkit.modes import ACTIVE_MODES, ALL_MODES, MODES, Mode
from coordkit.profile import Profile, ProfileError

if TYPE_CHECKING:
    from coordkit.terms import Entry

__version__ = "0.2.0"  # the single source: pyproject.toml reads it (hatch dynamic version)

__all__ = [
    "ACTIVE_MODES",
    "ALL_MODES",
    "MODES",
    "BalanceReport",
    "Configuration",
    "Kind",
    "Mode",
    "Profile",
    "ProfileError",
    "__version__",
    "all_configurations",
    "balance_index",
    "classify",
    "dynamic_balance",
    "evenness",
    "glossary",
    "report",
    "require",
]


class _Glossary(tuple):
    """Every glossary entry: displays as the whole glossary in a notebook, prints as plain text."""

    __slots__ = ()

    def __str__(self) -> str:
        return "\n\n".join(str(entry) for entry in self)

    def _repr_html_(self) -> str:
        return "".join(entry._repr_html_() for entry in self)


def glossary(term: str | None = None) -> "Entry | tuple[Entry, ...]":
    """Look up a term the kit uses: its definition in the kit's words and whose term it is.

    A lazy shortcut for :func:`coordkit.terms.glossary` (every term: ``docs/glossary.md``).
    With no term, the whole glossary.

    Parameters
    ----------
    term : str, optional
        Case, punctuation and a plural ``s`` are forgiven; aliases (``"NPM"``, ``"egalitarian"``) work.

    Returns
    -------
    coordkit.terms.Entry, or a tuple of every Entry when no term is given
        Either displays as definitions in a notebook.

    Examples
    --------
    >>> glossary("egalitarian").term
    'solidarity'
    >>> everything = glossary()
    >>> len(everything) > 40, "clumsy solution" in str(everything)
    (True, True)
    """
    from coordkit.terms import entries
    from coordkit.terms import glossary as _lookup

    if term is None:
        return _Glossary(entries())
    return _lookup(term)


def _release(version: str) -> tuple[int, ...]:
    """The numeric release part of a version string: ``"0.2.0rc1"`` -> ``(0, 2, 0)``."""
    parts = []
    for piece in version.strip().lstrip("vV").split("."):
        digits = ""
        for char in piece:
            if not char.isdigit():
                break
            digits += char
        if not digits:
            break
        parts.append(int(digits))
        if len(digits) < len(piece):
            break
    if not parts:
        raise ValueError(f"not a version number: {version!r} (expected e.g. '0.2')")
    return tuple(parts)


def require(minimum: str, /) -> None:
    """Warn, in one friendly line, if the installed coordkit is older than ``minimum``.

    Put it in a notebook's first code cell: ``import coordkit; coordkit.require("0.2")``. On a
    JupyterHub, notebooks pulled fresh from the repository can be newer than the kit installed in
    the course image; this says so at the top instead of failing with an obscure error later.
    Nothing happens when the installed version is new enough.

    Parameters
    ----------
    minimum : str
        The oldest coordkit release the notebook works with, e.g. ``"0.2"`` or ``"0.2.1"``.

    Raises
    ------
    ValueError
        If ``minimum`` is not a version number.

    Examples
    --------
    >>> require("0.1")
    >>> import contextlib, io
    >>> with contextlib.redirect_stderr(io.StringIO()) as err:
    ...     require("99.0")
    >>> print(err.getvalue())  # doctest: +ELLIPSIS
    This notebook needs coordkit 99.0 or newer, and ... is installed: some cells may fail. Update with: ...
    """
    wanted = _release(minimum)
    have = _release(__version__)
    width = max(len(wanted), len(have))
    if have + (0,) * (width - len(have)) >= wanted + (0,) * (width - len(wanted)):
        return
    print(f"This notebook needs coordkit {minimum} or newer, and {__version__} is installed: some cells may "
          'fail. Update with: pip install --upgrade "coordkit[lab]" (on a JupyterHub, ask whoever runs it), '
          "then restart the kernel.", file=sys.stderr)
