"""The audit's data as typed records: Hood's control types, the five voices, coded packages.

Read from ``hood_control_types.csv``, ``ways_of_life.csv``, ``policy_packages.csv`` and
``policy_packages_fatalism.csv``; every coding in them is the kit's judgement, with a rationale
and a source in the file and its sidecar.

Examples
--------
>>> len(control_types()), len(voices()), len(packages())
(10, 5, 5)
>>> package("targets_and_terror_2000_05").fatalism.treatment
'partly acknowledged'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from coordkit import data
from coordkit.audit.rules import FATALISM_ASPECTS, FATALISM_TREATMENTS, POLAR_TYPES, VOICES

__all__ = ["ControlType", "FatalismCoding", "Instrument", "Package", "Voice", "control_types",
           "hybrid_name", "package", "packages", "voices"]


# ----- the records --------------------------------------------------------------
@dataclass(frozen=True)
class ControlType:
    """One of Hood's control types: a polar type or a pairwise hybrid.

    Attributes
    ----------
    name : str
        E.g. ``"oversight"`` or ``"oversight x competition"``.
    kind : {"polar", "hybrid"}
    parts : tuple of str
        The polar types it is made of (one for a polar type, two for a hybrid).
    how_it_controls, nhs_example, characteristic_failure, page_reference, rationale : str
        From ``hood_control_types.csv``; the example, failure and rationale are the kit's.
    way_of_life_failure : str
        For a polar type, the failure of its cell's way of life; ``""`` for a hybrid.
    mode : str
        The kit's mode for a polar type's cell; ``""`` for a hybrid.
    """

    name: str
    kind: str
    parts: tuple[str, ...]
    how_it_controls: str
    nhs_example: str
    characteristic_failure: str
    way_of_life_failure: str
    mode: str
    page_reference: str
    rationale: str


@dataclass(frozen=True)
class Voice:
    """One of the five voices (ways of life) the audit listens for.

    Attributes
    ----------
    name : str
        ``"hierarchy"``, ``"solidarity"``, ``"individualism"``, ``"fatalism"`` or ``"hermit"``.
    way_of_life, problem_definition, myth_of_nature, myth_meaning, blame_rule, need_and_scarcity : str
        The kit's readings, from ``ways_of_life.csv``.
    preferred_control : str
        A polar type; ``""`` for the hermit. For an active voice, the type of its cell; for
        fatalism, the kit's mapping to the closest type (contrived randomness, which Hood places in
        the fatalist cell), not a type fatalists choose: the audit never reads the fatalist voice
        from it.
    accepts_because : str
        The reason the voice would give for accepting an instrument of its kind.
    """

    name: str
    way_of_life: str
    problem_definition: str
    myth_of_nature: str
    myth_meaning: str
    blame_rule: str
    need_and_scarcity: str
    preferred_control: str
    accepts_because: str


@dataclass(frozen=True)
class Instrument:
    """One instrument of a policy package, coded to a control type (a judgement).

    Attributes
    ----------
    id : str
    label : str
    control_type : str
        A name in :func:`control_types`.
    voluntary : bool, default False
        Whether those controlled may choose not to take part.
    description, rationale, source, reform_id : str, default ""
    """

    id: str
    label: str
    control_type: str
    voluntary: bool = False
    description: str = ""
    rationale: str = ""
    source: str = ""
    reform_id: str = ""


@dataclass(frozen=True)
class FatalismCoding:
    """How a package treats fatalism, coded on three aspects (the kit's judgements; see RULES).

    Attributes
    ----------
    limits : bool, default False
        It says plainly what it cannot do or promise.
    demand_capacity : bool, default False
        It acts on the gap between demand and capacity (adds capacity or manages demand).
    humility : bool, default False
        It plans for being wrong about what will happen (pilots, review points, slack).
    rationale, source, reform_id : str, default ""
        Why the kit codes it so, and where the facts come from.

    Examples
    --------
    >>> FatalismCoding(demand_capacity=True).treatment
    'partly acknowledged'
    >>> FatalismCoding().missing()
    ('limits', 'demand_capacity', 'humility')
    """

    limits: bool = False
    demand_capacity: bool = False
    humility: bool = False
    rationale: str = ""
    source: str = ""
    reform_id: str = ""

    def shown(self) -> tuple[str, ...]:
        """The aspects the package shows, in :data:`FATALISM_ASPECTS` order."""
        return tuple(a for a in FATALISM_ASPECTS if getattr(self, a))

    def missing(self) -> tuple[str, ...]:
        """The aspects the package does not show, in :data:`FATALISM_ASPECTS` order."""
        return tuple(a for a in FATALISM_ASPECTS if not getattr(self, a))

    @property
    def treatment(self) -> str:
        """``"acknowledged"`` (all three aspects), ``"partly acknowledged"`` or ``"not acknowledged"``."""
        shown = len(self.shown())
        return FATALISM_TREATMENTS[0 if shown == len(FATALISM_ASPECTS) else 1 if shown else 2]


@dataclass(frozen=True)
class Package:
    """A named set of instruments, with how it treats fatalism.

    Attributes
    ----------
    id : str
    title : str
    instruments : tuple of Instrument
    fatalism : FatalismCoding or None, default None
        The kit's coding of how the package treats fatalism; ``None`` when none is coded (the
        audit then reads it as showing no aspect, and says so).
    """

    id: str
    title: str
    instruments: tuple[Instrument, ...]
    fatalism: FatalismCoding | None = None

    def only(self, ids: Iterable[str]) -> Package:
        """The package with only the instruments whose ids are given (in the package's order).

        Parameters
        ----------
        ids : iterable of str

        Returns
        -------
        Package

        Raises
        ------
        ValueError
            If an id is not an instrument of this package.

        Examples
        --------
        >>> p = package("hsca_2012")
        >>> [i.id for i in p.only(["a12_ccgs"]).instruments]
        ['a12_ccgs']
        """
        wanted = set(ids)
        known = {i.id for i in self.instruments}
        unknown = sorted(wanted - known)
        if unknown:
            raise ValueError(f"not instruments of {self.id}: {', '.join(unknown)}; "
                             f"known: {', '.join(sorted(known))}")
        return replace(self, instruments=tuple(i for i in self.instruments if i.id in wanted))


def hybrid_name(first: str, second: str) -> str:
    """The name of the hybrid of two polar types, in the data's order.

    Parameters
    ----------
    first, second : str
        Two different polar types.

    Returns
    -------
    str

    Examples
    --------
    >>> hybrid_name("competition", "oversight")
    'oversight x competition'
    """
    if first == second or first not in POLAR_TYPES or second not in POLAR_TYPES:
        raise ValueError(f"a hybrid joins two different polar types from {', '.join(POLAR_TYPES)}; "
                         f"got {first!r} and {second!r}")
    a, b = sorted((first, second), key=POLAR_TYPES.index)
    return f"{a} x {b}"


@lru_cache(maxsize=1)
def control_types() -> dict[str, ControlType]:
    """Hood's ten control types from ``hood_control_types.csv``, polar types first.

    Returns
    -------
    dict of str to ControlType

    Examples
    --------
    >>> types = control_types()
    >>> len(types), types["oversight x competition"].parts
    (10, ('oversight', 'competition'))
    """
    table = data.load("hood_control_types")
    out: dict[str, ControlType] = {}
    for row in table.to_dict("records"):
        parts = tuple(p for p in (row["first_type"], row["second_type"]) if p)
        out[row["control_type"]] = ControlType(
            name=row["control_type"], kind=row["kind"], parts=parts,
            how_it_controls=row["how_it_controls"], nhs_example=row["nhs_example"],
            characteristic_failure=row["characteristic_failure"],
            way_of_life_failure=row["way_of_life_failure"], mode=row["mode"],
            page_reference=row["page_reference"], rationale=row["rationale"])
    return out


@lru_cache(maxsize=1)
def voices() -> dict[str, Voice]:
    """The five voices from ``ways_of_life.csv``, in :data:`VOICES` order.

    Returns
    -------
    dict of str to Voice

    Examples
    --------
    >>> voices()["fatalism"].preferred_control
    'contrived randomness'
    >>> voices()["hermit"].myth_of_nature
    'resilient'
    """
    table = data.load("ways_of_life").set_index("voice")
    return {
        name: Voice(name=name, **{k: table.loc[name, k] for k in (
            "way_of_life", "problem_definition", "myth_of_nature", "myth_meaning", "blame_rule",
            "need_and_scarcity", "preferred_control", "accepts_because")})
        for name in VOICES
    }


@lru_cache(maxsize=1)
def packages() -> dict[str, Package]:
    """The kit's coded NHS reform packages from ``policy_packages.csv``.

    Each carries its fatalism coding from ``policy_packages_fatalism.csv``.

    Returns
    -------
    dict of str to Package
        In the file's (chronological) order.

    Examples
    --------
    >>> list(packages())[:2]
    ['internal_market_1991', 'targets_and_terror_2000_05']
    """
    table = data.load("policy_packages")
    codings = {
        r["package"]: FatalismCoding(limits=bool(r["limits"]), demand_capacity=bool(r["demand_capacity"]),
                                     humility=bool(r["humility"]), rationale=r["coding_rationale"],
                                     source=r["source"], reform_id=r["reform_id"])
        for r in data.load("policy_packages_fatalism").to_dict("records")}
    out: dict[str, Package] = {}
    for pid, rows in table.groupby("package", sort=False):
        instruments = tuple(
            Instrument(id=r["instrument"], label=r["label"], control_type=r["control_type"],
                       voluntary=bool(r["voluntary"]), description=r["description"],
                       rationale=r["coding_rationale"], source=r["source"], reform_id=r["reform_id"])
            for r in rows.to_dict("records"))
        out[str(pid)] = Package(id=str(pid), title=str(rows["package_title"].iloc[0]),
                                instruments=instruments, fatalism=codings.get(str(pid)))
    return out


def package(name: str) -> Package:
    """One coded package by id.

    Parameters
    ----------
    name : str

    Returns
    -------
    Package

    Raises
    ------
    KeyError
        Naming the known packages.

    Examples
    --------
    >>> package("health_and_care_act_2022").title
    'The Health and Care Act 2022'
    """
    known = packages()
    if name not in known:
        raise KeyError(f"no package {name!r}; known packages: {', '.join(known)}")
    return known[name]
