"""The instrument: the questionnaire's items, its versions and the order statements are shown in.

The items live in ``data/survey_items.csv`` (version 3, the current one),
``data/survey_items_v2.csv`` and ``data/survey_items_v1.csv`` (versions 2 and 1, kept so that old
answer files still read; :func:`version_note` says how each differs). Each item has
an id (the response-file column), a block, the mode it expresses, its form (benign, malign or
neutral), whether it is reverse-keyed, the level it rates and the scale it is answered on.
:func:`questionnaire` is the single source of all of that; readers, forms, the printable
questionnaire and the scoring all take the items from it.

Versions 2 and 3 have four blocks:

- ``divide100``: six dimensions x four statements (one per mode), 100 points shared out, now and
  preferred (the OCAI format, the kit's own statements);
- ``likert``: 32 agreement statements, four benign and four malign per mode (fatalism's benign
  side is wisdom, its malign side despair); in every scale two statements are forward and two are
  true reversals of them (the low pole of the same construct), so agreeing with everything moves
  no scale;
- ``structure``: two grid items, two (version 2) or four (version 3) group items and two
  withdrawal (hermit) items, about the respondent's own work, each pair one forward and one reversed;
- ``strength``: how strong each way of working is (1 absent ... 5 very strong) in the respondent's
  team, organisation and local system, and how strong they would like it to be in their
  organisation (asked directly, so preferred strength is never inferred from points).

Statements about the organisation are in the third person ("people here", "colleagues"); the
structure block asks about the respondent's own work in the first person ("I", "my team").

Examples
--------
>>> q = questionnaire()
>>> q.version, len(q.dimensions), len(q.block("likert")), len(q.block("strength"))
(3, 6, 32, 16)
>>> detect_version(["respondent", "now_D1H", "LHB1"]), detect_version(["now_D1H", "BH1"])
(1, 2)
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import cast

from coordkit.modes import ALL_MODES, Mode, parse_mode

__all__ = [
    "BLOCKS",
    "CURRENT_VERSION",
    "DESIRABILITY_PRETESTED",
    "DONT_KNOW",
    "FIXED_ORDER_SEED",
    "ID_COLUMN",
    "LEVELS",
    "LIKERT_LABELS",
    "STRENGTH_LABELS",
    "TIMEFRAMES",
    "VERSIONS",
    "VERSION_COLUMN",
    "Item",
    "Questionnaire",
    "Scale",
    "SurveyError",
    "detect_version",
    "fixed_order",
    "presentation_order",
    "questionnaire",
    "version_note",
]

#: The questionnaire version that forms write and :func:`questionnaire` returns by default.
CURRENT_VERSION = 3
#: Whether the desirability pretest of the divide-100 statements (docs/questionnaire.md and the item
#: file's sidecar: colleagues rate each statement's desirability, shuffled and without mode labels) has
#: been run on the current version. It has not; while it has not, the class report says that part of a
#: change wanted may be wording, and preferred fatalism may sit low for wording reasons alone.
DESIRABILITY_PRETESTED = False
#: Name of the respondent-id column in response files.
ID_COLUMN = "respondent"
#: Name of the column that records the questionnaire version in every saved answer file.
VERSION_COLUMN = "questionnaire_version"
#: The two timeframes of the divide-100 block, as used in response-file column names.
TIMEFRAMES: tuple[str, str] = ("now", "preferred")
#: The blocks, in questionnaire order.
BLOCKS: tuple[str, ...] = ("divide100", "likert", "structure", "strength")
#: The levels a respondent may rate (strength block): their team, organisation and local system.
LEVELS: tuple[str, ...] = ("team", "organisation", "system")
#: The words a form shows for the agreement scale, 1 to 5.
LIKERT_LABELS: dict[int, str] = {
    1: "strongly disagree",
    2: "disagree",
    3: "neither agree nor disagree",
    4: "agree",
    5: "strongly agree",
}
#: The words a form shows for the strength scale, 1 to 5.
STRENGTH_LABELS: dict[int, str] = {
    1: "absent",
    2: "weak",
    3: "moderate",
    4: "strong",
    5: "very strong",
}
#: The answer every 1-5 question offers after its five words. Read as missing, never as the
#: neutral 3: "I cannot say" is not "neither agree nor disagree".
DONT_KNOW = "Don't know / not applicable"
_FORMS = ("neutral", "benign", "malign")
_SCALES = ("points", "agreement", "strength")
_FILES = {1: "survey_items_v1.csv", 2: "survey_items_v2.csv", 3: "survey_items.csv"}
#: Every questionnaire version the kit reads, oldest first.
VERSIONS: tuple[int, ...] = tuple(sorted(_FILES))
#: How an earlier version is scored where its method, not only its wording, differs from the current
#: version's: :func:`version_note` gives this text for such a version instead of a list of wordings.
_METHOD_NOTES: dict[int, str] = {
    1: ("there are no strength ratings, so strength now is read from the divide-100 points (30 of 100 "
        "counts as strong), the preferred configuration is not classified (preferred strength was not "
        "asked), and fatalism has no benign or malign statements (version 1 has no structure or strength "
        "block)"),
}
_BLOCK_WORDS = {"divide100": "divide-100 statement", "likert": "agreement statement",
                "structure": "statement about the respondent's own work", "strength": "strength description"}
_HEADING_WORDS = {"likert": "agreement", "structure": "own-work", "strength": "strength"}


class SurveyError(ValueError):
    """Answers could not be scored; the message names the dimension, timeframe or item."""


@dataclass(frozen=True)
class Item:
    """One questionnaire item.

    Attributes
    ----------
    id : str
        The item code, also its response-file column (divide-100 items add ``now_``/``preferred_``).
    block : str
        One of :data:`BLOCKS`.
    dimension : str or None
        Divide-100 dimension (``"decisions"`` ...) or what a structure item measures (``"grid"``,
        ``"group"``, ``"withdrawal"``); None otherwise.
    heading : str
        The question shown above the item's group of statements.
    mode : Mode or None
        The mode the statement expresses (a judgement); None for structure items.
    form : str
        ``"neutral"``, ``"benign"`` or ``"malign"`` (a judgement).
    statement : str
        The wording respondents read.
    reverse : bool
        Reverse-keyed: agreeing means less of what the item's scale measures (scored 6 - answer).
    level : str or None
        For strength items, the level rated (one of :data:`LEVELS`).
    timeframe : str or None
        For strength items, ``"now"`` or ``"preferred"`` (how strong the respondent would like it).
    scale : str
        ``"points"``, ``"agreement"`` or ``"strength"``.
    facet : str or None
        For individualism, ``"competitive"`` or ``"creative"`` (a judgement).
    """

    id: str
    block: str
    dimension: str | None
    heading: str
    mode: Mode | None
    form: str
    statement: str
    reverse: bool = False
    level: str | None = None
    scale: str = "agreement"
    facet: str | None = None
    timeframe: str | None = None

    def column(self, timeframe: str | None = None) -> str:
        """The item's column name in a response file.

        Parameters
        ----------
        timeframe : {"now", "preferred"}, optional
            Required for divide-100 items, not allowed for the others.

        Examples
        --------
        >>> questionnaire().item("D1H").column("now")
        'now_D1H'
        >>> questionnaire().item("BH1").column()
        'BH1'
        """
        if self.block != "divide100":
            if timeframe is not None:
                raise SurveyError(f"{self.id}: only divide-100 items have a timeframe")
            return self.id
        if timeframe not in TIMEFRAMES:
            raise SurveyError(f"{self.id}: timeframe must be 'now' or 'preferred', got {timeframe!r}")
        return f"{timeframe}_{self.id}"

    def labels(self) -> dict[int, str]:
        """The words for 1 to 5 on this item's scale (empty for divide-100 items).

        Examples
        --------
        >>> questionnaire().item("AOH").labels()[4]
        'strong'
        """
        return {"agreement": LIKERT_LABELS, "strength": STRENGTH_LABELS}.get(self.scale, {})


@dataclass(frozen=True)
class Questionnaire:
    """The items of one version, checked for shape.

    Every divide-100 dimension has one statement per mode, stored in H, S, I, F order; every
    benign/malign scale of the Likert block has items of both forms for each mode it covers.

    Parameters
    ----------
    items : tuple of Item
        Divide-100 items dimension by dimension, then the 1-5 items in block order.
    version : int, default :data:`CURRENT_VERSION`

    Raises
    ------
    SurveyError
        If ids repeat, a block, form or scale is unknown, or a dimension lacks a mode.
    """

    items: tuple[Item, ...]
    version: int = CURRENT_VERSION

    def __post_init__(self) -> None:
        ids = [i.id for i in self.items]
        if len(set(ids)) != len(ids):
            raise SurveyError("questionnaire: item ids must be unique")
        for item in self.items:
            if item.block not in BLOCKS:
                raise SurveyError(f"{item.id}: block must be one of {BLOCKS}, got {item.block!r}")
            if item.form not in _FORMS:
                raise SurveyError(f"{item.id}: form must be one of {_FORMS}, got {item.form!r}")
            if item.scale not in _SCALES:
                raise SurveyError(f"{item.id}: scale must be one of {_SCALES}, got {item.scale!r}")
            if item.block == "strength" and (item.level not in LEVELS or item.mode is None
                                             or item.timeframe not in TIMEFRAMES):
                raise SurveyError(f"{item.id}: a strength item needs a mode, a level in {LEVELS} and a "
                                  f"timeframe in {TIMEFRAMES}")
        for dim in self.dimensions:
            modes = [i.mode for i in self.items if i.block == "divide100" and i.dimension == dim]
            if modes != list(ALL_MODES):
                raise SurveyError(
                    f"questionnaire: dimension {dim!r} must have one statement per mode in the order "
                    f"hierarchy, solidarity, individualism, fatalism; found "
                    f"{[getattr(m, 'value', m) for m in modes]}"
                )
        likert = self.block("likert")
        for item in likert:
            if item.mode is None or item.form == "neutral":
                raise SurveyError(f"{item.id}: Likert items must be benign or malign forms of a mode")
        for mode in {i.mode for i in likert}:
            forms = {i.form for i in likert if i.mode is mode}
            assert mode is not None, "checked just above: every Likert item names its mode"
            if forms != {"benign", "malign"}:
                raise SurveyError(f"questionnaire: {mode.value} needs benign and malign Likert items")

    def block(self, name: str) -> tuple[Item, ...]:
        """The items of one block, in questionnaire order.

        Examples
        --------
        >>> [i.id for i in questionnaire().block("structure")]
        ['GR1', 'GR2', 'GP1', 'GP2', 'GP3', 'GP4', 'W1', 'W2']
        >>> [i.id for i in questionnaire(version=2).block("structure")]
        ['GR1', 'GR2', 'GP1', 'GP2', 'W1', 'W2']
        """
        if name not in BLOCKS:
            raise SurveyError(f"no block {name!r}; blocks: {', '.join(BLOCKS)}")
        return tuple(i for i in self.items if i.block == name)

    @property
    def dimensions(self) -> tuple[str, ...]:
        """Divide-100 dimension keys, in questionnaire order."""
        # divide-100 items always have a dimension (the cast only types it)
        return tuple(dict.fromkeys(cast(str, i.dimension) for i in self.items if i.block == "divide100"))

    @property
    def headings(self) -> dict[str, str]:
        """The question for each divide-100 dimension, by key."""
        # divide-100 items always have a dimension (the cast only types it)
        return {cast(str, i.dimension): i.heading for i in self.items if i.block == "divide100"}

    @property
    def divide_items(self) -> tuple[tuple[Item, ...], ...]:
        """Divide-100 items as a grid: one row per dimension, one column per mode (H, S, I, F)."""
        return tuple(
            tuple(i for i in self.items if i.block == "divide100" and i.dimension == d)
            for d in self.dimensions
        )

    @property
    def likert_items(self) -> tuple[Item, ...]:
        """Every item answered 1 to 5 (agreement statements, structure items, strength ratings).

        These are the response file's columns after the divide-100 block, in questionnaire order;
        :attr:`Responses.likert <coordkit.survey.Responses>` holds their answers. Use
        :meth:`block` for one block.
        """
        return tuple(i for i in self.items if i.block != "divide100")

    @property
    def statements(self) -> tuple[Item, ...]:
        """The benign/malign agreement statements (block ``likert``)."""
        return self.block("likert")

    def item(self, item_id: str) -> Item:
        """The item with this id.

        Examples
        --------
        >>> questionnaire().item("D4I").mode
        <Mode.INDIVIDUALISM: 'individualism'>
        """
        for item in self.items:
            if item.id == item_id:
                return item
        raise SurveyError(f"no questionnaire item {item_id!r} in version {self.version}")

    def columns(self, *, likert: bool = True) -> list[str]:
        """Answer columns of a response file: every ``now_`` column, every ``preferred_`` one, then 1-5 items.

        Examples
        --------
        >>> cols = questionnaire().columns()
        >>> len(cols), cols[0], cols[24], cols[48], cols[-1]
        (104, 'now_D1H', 'preferred_D1H', 'BH1', 'APF')
        >>> len(questionnaire(version=2).columns())  # without the belonging pair GP3, GP4
        102
        """
        out = [i.column(t) for t in TIMEFRAMES for row in self.divide_items for i in row]
        if likert:
            out += [i.column() for i in self.likert_items]
        return out

    def scales(self) -> tuple[Scale, ...]:
        """The scored multi-item scales: each mode's benign and malign statements, grid, group, withdrawal.

        This is the one list of scales: scoring, reliability and the acquiescence index all use
        it. The strength ratings are single global ratings (one item per mode, level and
        timeframe), not scales: they are reported as ratings, without a reliability.

        Examples
        --------
        >>> s = questionnaire().scales()
        >>> s[0].name, [i.id for i in s[0].items], s[-1].name
        ('hierarchy benign', ['BH1', 'BH2', 'BH3', 'BH4'], 'withdrawal')
        >>> s[0].balanced
        True
        """
        out = []
        likert = self.block("likert")
        for mode in ALL_MODES:
            for form in ("benign", "malign"):
                items = tuple(i for i in likert if i.mode is mode and i.form == form)
                if items:
                    out.append(Scale(f"{mode.value} {form}", "likert", mode, form, items))
        for dim in ("grid", "group", "withdrawal"):
            items = tuple(i for i in self.block("structure") if i.dimension == dim)
            if items:
                out.append(Scale(dim, "structure", None, dim, items))
        return tuple(out)

    def codes(self) -> frozenset[str]:
        """Every item code of this version (column names without the timeframe prefix)."""
        return frozenset(i.id for i in self.items)


@dataclass(frozen=True)
class Scale:
    """One scored scale: a name, its block, mode and form (or structure dimension), and its items.

    Attributes
    ----------
    name : str
        ``"hierarchy benign"`` ... or ``"grid"``, ``"group"``, ``"withdrawal"``.
    block : str
    mode : Mode or None
    form : str
        ``"benign"``/``"malign"``, or the structure dimension.
    items : tuple of Item
    """

    name: str
    block: str
    mode: Mode | None
    form: str
    items: tuple[Item, ...]

    @property
    def balanced(self) -> bool:
        """Whether as many items are reverse-keyed as forward (so yes-saying cancels out)."""
        return 2 * sum(i.reverse for i in self.items) == len(self.items)

    def pairs(self) -> tuple[tuple[Item, Item], ...]:
        """Forward items paired with reversed ones, in questionnaire order (the acquiescence pairs)."""
        forward = [i for i in self.items if not i.reverse]
        reverse = [i for i in self.items if i.reverse]
        return tuple(zip(forward, reverse, strict=False))


def _text(value: object) -> str:
    return "" if value is None or value != value else str(value)  # NaN-safe


@lru_cache(maxsize=8)
def questionnaire(directory: str | Path | None = None, *, version: int = CURRENT_VERSION) -> Questionnaire:
    """The kit's questionnaire, read (and validated) from its item file.

    Parameters
    ----------
    directory : str or Path, optional
        Folder holding the item files; default the kit's data folder.
    version : int, default :data:`CURRENT_VERSION`
        1 and 2 read ``survey_items_v1.csv`` and ``survey_items_v2.csv`` (earlier versions, for old
        answer files); 3 the current.

    Returns
    -------
    Questionnaire

    Examples
    --------
    >>> q = questionnaire()
    >>> q.headings["failure"], questionnaire(version=2).headings["failure"]
    ('What happens after a failure?', 'How is failure handled?')
    >>> [i.id for i in q.statements if i.reverse][:3]
    ['BH3', 'BH4', 'MH3']
    >>> questionnaire(version=1).item("LHB1").form
    'benign'
    """
    from coordkit import data

    if version not in _FILES:
        raise SurveyError(f"no questionnaire version {version!r}; versions: {', '.join(map(str, _FILES))}")
    frame = data.load(_FILES[version], directory)
    items = []
    for row in frame.to_dict("records"):
        mode = _text(row.get("mode"))
        items.append(Item(
            id=row["id"], block=row["block"], dimension=_text(row["dimension"]) or None,
            heading=row["heading"], mode=parse_mode(mode) if mode else None, form=row["form"],
            statement=row["statement"], reverse=bool(row.get("reverse", False)),
            level=_text(row.get("level")) or None,
            scale=_text(row.get("scale")) or ("points" if row["block"] == "divide100" else "agreement"),
            facet=_text(row.get("facet")) or None,
            timeframe=_text(row.get("timeframe")) or ("now" if row["block"] == "strength" else None),
        ))
    return Questionnaire(tuple(items), version=version)


def detect_version(columns: Iterable[str], version_values: Iterable[object] = ()) -> int:
    """Which questionnaire version an answer file follows, from its columns (and version cells).

    A ``questionnaire_version`` cell decides when there is one. Otherwise the item codes do: a
    code that only version 1 has (``LHB1`` ...) means 1; a code that only version 3 has (``GP3``,
    ``GP4``) means 3; a code of versions 2 and 3 (``BH1``, ``AOH`` ...) without those means 2 (a
    version 3 file written by the kit always has them and its version column). A file with only
    the shared divide-100 codes and no version column was written before version 2 existed, so it
    reads as version 1.

    Parameters
    ----------
    columns : iterable of str
        Column names (case and surrounding spaces ignored; ``now_``/``preferred_`` prefixes allowed).
    version_values : iterable, optional
        The values of the ``questionnaire_version`` column, if the file has one.

    Returns
    -------
    int

    Raises
    ------
    SurveyError
        If the version cells disagree or name an unknown version, or the columns mix codes that
        only one version has with codes only the other has.

    Examples
    --------
    >>> detect_version(questionnaire().columns()), detect_version(questionnaire(version=2).columns())
    (3, 2)
    >>> detect_version(["now_D1H", "preferred_D1H"])
    1
    >>> detect_version(["now_D1H"], ["2", "2"])
    2
    """
    values = {str(v).strip() for v in version_values if str(v).strip() not in ("", "nan", "None")}
    if values:
        try:
            found = {int(float(v)) for v in values}
        except ValueError:
            raise SurveyError(f"{VERSION_COLUMN}: not a version number: {sorted(values)}") from None
        if len(found) > 1:
            raise SurveyError(f"{VERSION_COLUMN}: rows disagree ({sorted(found)}); "
                              "read each version separately")
        (v,) = found
        if v not in _FILES:
            raise SurveyError(f"{VERSION_COLUMN}: unknown questionnaire version {v}")
        return v
    codes = set()
    for c in columns:
        key = str(c).strip().upper()
        for prefix in ("NOW_", "PREFERRED_"):
            key = key.removeprefix(prefix)
        codes.add(key)
    v1 = {c.upper() for c in questionnaire(version=1).codes()}
    later = {v: {c.upper() for c in questionnaire(version=v).codes()} for v in VERSIONS if v > 1}
    newer = set().union(*later.values())
    only1, only_later = codes & (v1 - newer), codes & (newer - v1)
    if only1 and only_later:
        newest = max(v for v, c in later.items() if c & only_later)
        raise SurveyError(
            f"the columns mix version 1 codes ({', '.join(sorted(only1)[:3])}) with version {newest} codes "
            f"({', '.join(sorted(only_later)[:3])}); read each version separately"
        )
    if not only_later:
        return 1
    # the oldest later version whose codes hold every code the file has (versions add codes)
    return min((v for v, c in later.items() if only_later <= c), default=max(later))


def presentation_order(code: str, items: Sequence[Item]) -> list[Item]:
    """The order in which one respondent sees a group of statements: shuffled, seeded by their code.

    Showing every respondent the statements in the same order (always hierarchy first, fatalism
    last) lets order effects pile up on the same modes; shuffling per respondent spreads them.
    The seed is a hash of the respondent code, so the same code always sees the same order (a
    form can be reopened) and the order is the same on every platform. Answers are stored in
    the questionnaire's fixed order whatever the order shown.

    Parameters
    ----------
    code : str
        The respondent code ("" gives the questionnaire order).
    items : sequence of Item
        The statements of one dimension or block.

    Returns
    -------
    list of Item

    Examples
    --------
    >>> row = questionnaire().divide_items[0]
    >>> [i.mode.initial for i in presentation_order("S001", row)]
    ['S', 'H', 'I', 'F']
    >>> presentation_order("S001", row) == presentation_order("S001", row)
    True
    """
    out = list(items)
    if not code:
        return out
    ids = ",".join(i.id for i in out)
    seed = int.from_bytes(hashlib.sha256(f"{code}|{ids}".encode()).digest()[:8], "big")
    random.Random(seed).shuffle(out)
    return out


#: Seed of the one fixed order shown on paper and in survey tools that cannot shuffle (any
#: non-empty code would do; the printed copy and the tool guides share it).
FIXED_ORDER_SEED = "printed copy"


def fixed_order(items: Sequence[Item], q: Questionnaire | None = None) -> list[Item]:
    """The one fixed order of a group of statements, with no statement next to its reversal.

    For paper and for survey tools that cannot shuffle: the statements of the different scales
    are interleaved (a shuffle) and tried with the seeds :data:`FIXED_ORDER_SEED`,
    ``FIXED_ORDER_SEED 2``... in turn (deterministic); the first order in which no forward
    statement sits beside the reversal it is paired with is kept.

    Examples
    --------
    >>> q = questionnaire()
    >>> order = fixed_order(q.block("likert"), q)
    >>> len(order) == len(q.block("likert")), order[0].id != q.block("likert")[0].id
    (True, True)
    """
    q = q or questionnaire()
    pairs = {frozenset((a.id, b.id)) for s in q.scales() for a, b in s.pairs()}
    for k in range(1, 1000):
        seed = FIXED_ORDER_SEED if k == 1 else f"{FIXED_ORDER_SEED} {k}"
        order = presentation_order(seed, items)
        if not any(frozenset((a.id, b.id)) in pairs for a, b in pairwise(order)):
            return order
    raise ValueError("no fixed order keeps every statement apart from its reversal")  # pragma: no cover


def _numbered(n: int, what: str) -> str:
    return f"{n} {what}{'' if n == 1 else 's'}"


@lru_cache(maxsize=len(_FILES))
def version_note(version: int) -> str:
    """How answers of an earlier version are scored: what that version lacks or words differently.

    The one text the reader's note and the class report give for a file of an earlier version. Where the
    version's method differs (version 1: no strength ratings), it says how the answers are scored
    instead; otherwise it lists, from the two item files, every item whose wording (statement) differs
    from the current version's, block by block, the questions (headings) worded differently and the
    current version's items the earlier one lacks.

    Parameters
    ----------
    version : int
        One of :data:`VERSIONS`, other than :data:`CURRENT_VERSION`.

    Returns
    -------
    str
        A clause to follow "scored with version N's items:".

    Raises
    ------
    SurveyError
        For the current version or a version the kit does not read.

    Examples
    --------
    >>> version_note(1).startswith("there are no strength ratings")
    True
    >>> note = version_note(2)  # reworded items listed by id
    >>> note.startswith("the method is version 3's, but the wording differs in "), "(MH1, MH3)" in note
    (True, True)
    >>> note.split("; ")[-1]
    'it has no GP3, GP4 (the group scale has 2 items, not 4)'
    """
    if version == CURRENT_VERSION or version not in _FILES:
        raise SurveyError(f"version_note: give an earlier version of {', '.join(map(str, VERSIONS[:-1]))}, "
                          f"got {version!r}")
    if version in _METHOD_NOTES:
        return _METHOD_NOTES[version]
    old, new = questionnaire(version=version), questionnaire()
    before = {i.id: i for i in old.items}
    shared = [i for i in new.items if i.id in before]
    parts = []
    for block in BLOCKS:
        items = [i for i in shared if i.block == block]
        changed = [i.id for i in items if i.statement != before[i.id].statement]
        if changed:
            what = _numbered(len(changed), _BLOCK_WORDS[block])
            parts.append(f"all {what}" if len(changed) == len(old.block(block)) > 1
                         else f"{what} ({', '.join(changed)})")
    headings = {(i.block, i.dimension if i.block == "divide100" else i.heading): i for i in shared
                if i.heading != before[i.id].heading}
    if headings:
        named = [f"{d}'s" for b, d in headings if b == "divide100"]
        counted = {b: sum(1 for k in headings if k[0] == b) for b, _ in headings if b != "divide100"}
        named += [f"the {n} {_HEADING_WORDS[b]} question{'s' if n > 1 else ''}" for b, n in counted.items()]
        parts.append(f"{_numbered(len(headings), 'question')} ({' and '.join(named)})")
    text = f"the method is version {CURRENT_VERSION}'s, but the wording differs in " + (
        ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts) or "nothing")
    lacks = [i for i in new.items if i.id not in before]
    if lacks:
        scales = [s for s in new.scales() if any(i in s.items for i in lacks)]
        text += f"; it has no {', '.join(i.id for i in lacks)}" + "".join(
            f" (the {s.name} scale has {len(s.items) - sum(i in s.items for i in lacks)} items, not "
            f"{len(s.items)})" for s in scales)
    return text
