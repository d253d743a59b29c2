"""The glossary: every term the kit uses, in its own words, with where the term comes from.

One source, ``coordkit/glossary.yml``, feeds the lookup a notebook calls (``ck.glossary("clumsy
solution")``), the printable ``docs/glossary.md`` (``python -m coordkit.terms > docs/glossary.md``;
a test keeps it in step) and the links at a term's first use in the notebooks.

Each entry says *whose* the term is - Taylor's, cultural theory's, Hood's, a field's, or the kit's
own construction - so the kit never credits its own devices to anyone else.

Examples
--------
>>> entry = glossary("Clumsy solutions")
>>> entry.term, entry.whose
('clumsy solution', 'cultural theory')
>>> glossary("NPM").term
'New Public Management'
>>> glossary("egalitarian").term
'solidarity'
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from coordkit.text import normalise

__all__ = ["Entry", "GlossaryError", "entries", "glossary", "markdown"]

_SOURCE = Path(__file__).with_name("glossary.yml")


class GlossaryError(LookupError):
    """A term is not in the glossary; the message suggests the nearest terms."""


@dataclass(frozen=True)
class Entry:
    """One glossary entry.

    Attributes
    ----------
    term : str
    definition : str
        In the kit's own words.
    whose : str
        Where the term comes from (``"the kit"`` for the kit's own constructions).
    reference : str
        Author-year key of the source in ``docs/references.md`` (empty for the kit's own terms).
    chapter : str
        The notebook where the term is first used.
    aliases : tuple of str
    """

    term: str
    definition: str
    whose: str
    reference: str = ""
    chapter: str = ""
    aliases: tuple[str, ...] = field(default=())

    def __str__(self) -> str:
        source = f" Source: {self.reference}." if self.reference else ""
        return f"{self.term} ({self.whose}): {self.definition}{source} First used in {self.chapter}."

    def _repr_html_(self) -> str:
        from coordkit.html import render

        return render("glossary_entry.html.j2", term=self.term, whose=self.whose,
                      definition=self.definition, reference=self.reference, chapter=self.chapter)


@cache
def entries() -> tuple[Entry, ...]:
    """Every glossary entry, in alphabetical order of term.

    Returns
    -------
    tuple of Entry

    Examples
    --------
    >>> len(entries()) >= 40
    True
    """
    import yaml

    raw = yaml.safe_load(_SOURCE.read_text(encoding="utf-8"))["terms"]
    out = [
        Entry(
            str(t["term"]),
            " ".join(str(t["definition"]).split()),
            str(t["whose"]),
            str(t.get("reference", "")),
            str(t.get("chapter", "")),
            tuple(str(a) for a in t.get("aliases", [])),
        )
        for t in raw
    ]
    return tuple(sorted(out, key=lambda e: e.term.lower()))


@cache
def _index() -> dict[str, Entry]:
    index: dict[str, Entry] = {}
    for entry in entries():
        for name in (entry.term, *entry.aliases):
            key = normalise(name)
            index.setdefault(key, entry)
            index.setdefault(key.rstrip("s"), entry)
    return index


def glossary(term: str) -> Entry:
    """Look a term up (case, punctuation and a plural ``s`` are forgiven).

    Parameters
    ----------
    term : str

    Returns
    -------
    Entry
        Displays as a definition in a notebook; ``str()`` gives plain text.

    Raises
    ------
    GlossaryError
        For an unknown term, naming the nearest terms the glossary has.

    Examples
    --------
    >>> glossary("ICS").term
    'integrated care system'
    >>> glossary("balanse index")
    Traceback (most recent call last):
    ...
    coordkit.terms.GlossaryError: 'balanse index' is not in the glossary; did you mean: balance index?
    """
    key = normalise(term)
    index = _index()
    if key in index:
        return index[key]
    if key.rstrip("s") in index:
        return index[key.rstrip("s")]
    near = difflib.get_close_matches(key, list(index), n=3, cutoff=0.6)
    names = list(dict.fromkeys(index[n].term for n in near))
    hint = f"; did you mean: {', '.join(names)}?" if names else "; see docs/glossary.md for every term"
    raise GlossaryError(f"{term!r} is not in the glossary{hint}")


def markdown() -> str:
    """The whole glossary as Markdown (what ``docs/glossary.md`` holds).

    Returns
    -------
    str

    Examples
    --------
    >>> markdown().splitlines()[0]
    '# Glossary'
    """
    lines = [
        "# Glossary",
        "",
        "Every term the kit uses, in the kit's own words. *Whose* says where a term comes from; "
        '"the kit" marks the kit\'s own constructions (scores, thresholds, models), which are '
        "judgements, not anyone else's claims. Sources are listed in "
        "[references.md](references.md). Generated from `coordkit/glossary.yml` by "
        '`python -m coordkit.terms > docs/glossary.md`; in a notebook, `ck.glossary("term")`.',
        "",
    ]
    for entry in entries():
        also = f" Also: {', '.join(entry.aliases)}." if entry.aliases else ""
        source = f" Source: {entry.reference}." if entry.reference else ""
        lines += [
            f"**{entry.term}** ({entry.whose}). {entry.definition}{source} "
            f"First used in `{entry.chapter}`.{also}",
            "",
        ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the glossary as Markdown."""
    sys.stdout.write(markdown())
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
