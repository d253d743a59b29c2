"""Disclosure control: which groups a shared report may show, so that nobody can be singled out.

Groups under a minimum size are suppressed and pooled; if the pooled row could be recovered by
subtraction, the smallest shown groups join it (secondary suppression). See :class:`DisclosurePlan`.

Groups are listed in the order people number them (:func:`group_order`: "Seminar 2" before
"Seminar 10", "(not stated)" last) wherever the kit lists them: the plan's groups, and so the
report's tables, the class bars and the class-results app.

Examples
--------
>>> disclosure_plan({"A": 20, "B": 3}).suppressed
('B',)
>>> group_order(["Seminar 10", "(not stated)", "Seminar 2", "Seminar 1"])
('Seminar 1', 'Seminar 2', 'Seminar 10', '(not stated)')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from coordkit.text import natural_key

__all__ = ["DEFAULT_MIN_GROUP", "MIN_GROUP_FLOOR", "NOT_STATED", "DisclosurePlan", "disclosure_plan",
           "group_order"]

#: Groups smaller than this are not shown in class results (a privacy default).
DEFAULT_MIN_GROUP = 5
#: The smallest minimum group size allowed: below 3, a group's result is nearly an individual's.
MIN_GROUP_FLOOR = 3
#: Label for respondents who left a group column empty.
NOT_STATED = "(not stated)"


@dataclass(frozen=True)
class DisclosurePlan:
    """Which groups a shared report may show, so that nobody in a small group can be singled out.

    Groups under ``min_size`` are suppressed (*primary* suppression). Their members are pooled
    into one combined row; if that row would itself be under ``min_size`` -- and so could be worked
    out by subtracting the shown groups from the class -- the smallest shown groups join the pool
    until it is large enough (*secondary* suppression).

    Attributes
    ----------
    min_size : int
    sizes : dict of str to int
    shown : tuple of str
        Groups shown on their own, in :func:`group_order`.
    suppressed : tuple of str
        Groups under ``min_size``, in :func:`group_order`.
    secondary : tuple of str
        Groups big enough, but pooled to protect the suppressed ones (the smallest shown groups),
        in :func:`group_order`.
    pooled_size : int
        Respondents in the pooled row (0 if none).
    show_pooled : bool
        Whether the pooled row is shown (it is large enough and differs from the whole class).
    """

    min_size: int
    sizes: dict[str, int]
    shown: tuple[str, ...]
    suppressed: tuple[str, ...]
    secondary: tuple[str, ...]
    pooled_size: int
    show_pooled: bool

    @property
    def pooled(self) -> tuple[str, ...]:
        """Every group folded into the pooled row."""
        return self.suppressed + self.secondary

    def note(self) -> str:
        """The plan in words, without revealing the size of any suppressed group.

        Examples
        --------
        >>> print(disclosure_plan({"A": 20, "B": 12, "C": 2}, min_size=5).note())
        Not shown separately: C (fewer than 5 respondents); B is combined with it so that the small
        group cannot be worked out by subtraction.
        """
        if not self.suppressed:
            return f"Every group has at least {self.min_size} respondents: all are shown."
        small = ", ".join(self.suppressed)
        text = f"Not shown separately: {small} (fewer than {self.min_size} respondents)"
        if self.secondary:
            verb = "is" if len(self.secondary) == 1 else "are"
            it = "it" if len(self.suppressed) == 1 else "them"
            text += (f"; {', '.join(self.secondary)} {verb} combined with {it} so that the small "
                     f"group cannot be worked out by subtraction")
        if not self.show_pooled:
            text += "; the combined respondents count only in the whole-class results"
        return text + "."


def disclosure_plan(sizes: Mapping[str, int], min_size: int = DEFAULT_MIN_GROUP) -> DisclosurePlan:
    """Decide which groups to show, suppress or pool (see :class:`DisclosurePlan`).

    Parameters
    ----------
    sizes : mapping of str to int
        Respondents per group.
    min_size : int, default 5
        Smallest group shown on its own; at least :data:`MIN_GROUP_FLOOR` (3).

    Returns
    -------
    DisclosurePlan

    Raises
    ------
    ValueError
        If ``min_size`` is below the floor.

    Examples
    --------
    >>> plan = disclosure_plan({"Ward A": 18, "Ward B": 16, "Estates": 3}, min_size=5)
    >>> plan.shown, plan.suppressed, plan.secondary, plan.pooled_size
    (('Ward A',), ('Estates',), ('Ward B',), 19)
    >>> disclosure_plan({"Ward A": 18, "Estates": 3, "Porters": 4}).show_pooled
    True
    """
    if int(min_size) != min_size or min_size < MIN_GROUP_FLOOR:
        raise ValueError(
            f"min_size must be a whole number of at least {MIN_GROUP_FLOOR} (smaller groups would "
            f"expose individuals), got {min_size!r}"
        )
    min_size = int(min_size)
    sizes = {str(k): int(v) for k, v in sizes.items()}
    suppressed = sorted((g for g, n in sizes.items() if n < min_size), key=lambda g: (sizes[g], g))
    shown = sorted((g for g, n in sizes.items() if n >= min_size), key=lambda g: (-sizes[g], g))
    pooled = sum(sizes[g] for g in suppressed)
    secondary: list[str] = []
    while suppressed and pooled < min_size and shown:
        smallest = shown.pop()  # shown is sorted largest first
        secondary.append(smallest)
        pooled += sizes[smallest]
    return DisclosurePlan(
        min_size=min_size, sizes=sizes, shown=group_order(shown), suppressed=group_order(suppressed),
        secondary=group_order(secondary), pooled_size=pooled,
        show_pooled=bool(suppressed) and pooled >= min_size and bool(shown),
    )


def group_order(labels: Iterable[str]) -> tuple[str, ...]:
    """Group labels, once each, in the order people number them: "Seminar 2" before "Seminar 10".

    Numbers inside labels compare by value and letters without regard to case
    (:func:`coordkit.text.natural_key`); :data:`NOT_STATED` comes last. The one order the kit lists
    groups in (report tables, class bars, the class-results app).

    Examples
    --------
    >>> group_order(["Ward B", "ward A", "Ward B", "Seminar 10", "Seminar 9"])
    ('Seminar 9', 'Seminar 10', 'ward A', 'Ward B')
    """
    return tuple(sorted(dict.fromkeys(labels), key=lambda g: (g == NOT_STATED, natural_key(g))))
