"""Named, illustrative profiles for teaching: archetypes, not measurements.

Each archetype is a :class:`~coordkit.profile.Profile` chosen by the kit's authors to illustrate a
pattern the theory names; none is data about a real organisation. The public-sector pattern follows
the seed post's description (strong hierarchy and solidarity, weak individualism; M. Taylor, NHS
Confederation, 15 November 2022); the monoculture archetypes follow Taylor's examples (RSA blog,
April 2021). Use them to compare indices, to start the explorer, or as exercise material.

Examples
--------
>>> ARCHETYPES["traditional public sector"].individualism
0.25
>>> len(ARCHETYPES)
8
"""

from __future__ import annotations

from coordkit.profile import Profile

__all__ = ["ARCHETYPES"]

#: Illustrative profiles by name (judgements for teaching, not measurements).
ARCHETYPES: dict[str, Profile] = {
    "traditional public sector": Profile(
        hierarchy=0.85, solidarity=0.7, individualism=0.25, fatalism=0.3, malign_hierarchy=0.3
    ),
    "markets plus targets (NPM at its worst)": Profile(
        hierarchy=0.9, solidarity=0.3, individualism=0.6, fatalism=0.45,
        malign_hierarchy=0.5, malign_individualism=0.6,
    ),
    "command and control": Profile(
        hierarchy=0.95, solidarity=0.2, individualism=0.1, fatalism=0.4, malign_hierarchy=0.6
    ),
    "close-knit commune": Profile(
        hierarchy=0.1, solidarity=0.95, individualism=0.15, fatalism=0.1, malign_solidarity=0.4
    ),
    "bonus-driven trading floor": Profile(
        hierarchy=0.2, solidarity=0.1, individualism=0.95, fatalism=0.15, malign_individualism=0.5
    ),
    "uniformly weak": Profile(hierarchy=0.15, solidarity=0.15, individualism=0.15, fatalism=0.2),
    "balanced but weary": Profile(
        hierarchy=0.7, solidarity=0.7, individualism=0.65, fatalism=0.6
    ),
    "dynamic balance": Profile(
        hierarchy=0.75, solidarity=0.8, individualism=0.7, fatalism=0.1,
        malign_hierarchy=0.1, malign_solidarity=0.1, malign_individualism=0.1,
    ),
}
