"""The eras of NHS history and the scale of a coding (the vocabulary of :mod:`coordkit.history`).

Examples
--------
>>> era_of(2013), PUSH_COLUMNS[Mode.HIERARCHY]
('competition', 'push_hierarchy')
"""

from __future__ import annotations

from dataclasses import dataclass

from coordkit.modes import ALL_MODES, Mode

__all__ = ["ERAS", "ERA_LABELS", "FIRST_YEAR", "LAST_YEAR", "MAX_PUSH", "MIN_PUSH", "PUSH_COLUMNS", "Era",
           "era_of"]

#: First and last years covered by the reform data.
FIRST_YEAR: int = 1946
LAST_YEAR: int = 2025
#: Range of a coding: a push is an integer from MIN_PUSH to MAX_PUSH.
MIN_PUSH: int = -2
MAX_PUSH: int = 2
#: The column holding each mode's push, in the kit's canonical mode order.
PUSH_COLUMNS: dict[Mode, str] = {mode: f"push_{mode.value}" for mode in ALL_MODES}


@dataclass(frozen=True)
class Era:
    """A period of NHS history used to group reforms.

    Attributes
    ----------
    label : str
        The label used in the ``era`` column of ``nhs_reforms.csv``.
    first_year, last_year : int
        Calendar years the era covers, inclusive.
    summary : str
        What characterised the era, in a phrase.
    """

    label: str
    first_year: int
    last_year: int
    summary: str


#: The eras, in order; together they cover 1946-2025 without gaps or overlaps.
ERAS: tuple[Era, ...] = (
    Era("founding", 1946, 1961, "a national, tax-funded service is created and settles in"),
    Era("consensus", 1962, 1982, "national planning, reorganisation and management by consensus"),
    Era("general management", 1983, 1988, "named general managers replace consensus teams"),
    Era("internal market", 1989, 1996, "purchasers and providers split; trusts and GP fundholding"),
    Era("new labour", 1997, 2009, "investment with national targets, inspection, choice and tariffs"),
    Era("competition", 2010, 2013, "austerity, GP-led commissioning and competition law"),
    Era("integration", 2014, 2021, "new care models, local partnerships and integrated care systems"),
    Era("post-2022", 2022, 2025, "statutory integrated care, fewer targets, recentralisation, league tables"),
)
#: Era labels in order.
ERA_LABELS: tuple[str, ...] = tuple(era.label for era in ERAS)


def era_of(year: int) -> str:
    """The label of the era containing a calendar year.

    Parameters
    ----------
    year : int
        A year from 1946 to 2025.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        If the year is outside every era.

    Examples
    --------
    >>> era_of(1991)
    'internal market'
    """
    for era in ERAS:
        if era.first_year <= year <= era.last_year:
            return era.label
    raise ValueError(f"{year} is outside the eras covered ({ERAS[0].first_year}-{ERAS[-1].last_year})")
