"""Named, illustrative profiles for teaching: archetypes, not measurements.

Each archetype is a :class:`~coordkit.profile.Profile` chosen by the kit's authors to illustrate a
pattern the theory names; none is data about a real organisation. The public-sector pattern follows
Taylor's description (strong hierarchy and solidarity, weak individualism; M. Taylor, NHS
Confederation, 15 November 2022); its malign share of hierarchy and its fatalism (0.3, read as
despair) are the kit's. The trading-floor and commune archetypes follow Taylor's examples (Taylor,
2021c, RSA blog); "command and control" is the kit's. Use them to compare indices, to start the
explorer, or as exercise material.

Fatalism's face is stated in each archetype: all despair (the default, see
:data:`coordkit.profile.DEFAULT_MALIGN_FATALISM`) except in "benign balance", whose fatalism is
mostly wisdom (malign share 0.2): people who know what they cannot change and get on with the rest.

:data:`PERIOD_STARTS` holds the profiles the NHS reform presets start from
(:mod:`coordkit.scenarios`): the kit's judgement of where the NHS stood when each period began,
each with its reason in :data:`PERIOD_REASONS`. They are illustrations for the teaching model,
not measurements.

Examples
--------
>>> ARCHETYPES["traditional public sector"].individualism
0.25
>>> len(ARCHETYPES)
8
>>> PERIOD_STARTS["1948: post-war public service"].solidarity
0.8
"""

from __future__ import annotations

from coordkit.profile import Profile

__all__ = ["ARCHETYPES", "PERIOD_REASONS", "PERIOD_STARTS"]

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
    "benign balance": Profile(
        hierarchy=0.75, solidarity=0.8, individualism=0.7, fatalism=0.3,
        malign_hierarchy=0.1, malign_solidarity=0.1, malign_individualism=0.1,
        malign_fatalism=0.2,
    ),
}


#: Where each NHS reform period starts in the scenario presets (judgements for teaching).
PERIOD_STARTS: dict[str, Profile] = {
    "1948: post-war public service": Profile(
        hierarchy=0.8, solidarity=0.8, individualism=0.3, fatalism=0.25, malign_hierarchy=0.2
    ),
    "traditional public sector": ARCHETYPES["traditional public sector"],
    "1991: general management": Profile(
        hierarchy=0.85, solidarity=0.6, individualism=0.3, fatalism=0.3, malign_hierarchy=0.35
    ),
    "1997: after the internal market": Profile(
        hierarchy=0.8, solidarity=0.55, individualism=0.5, fatalism=0.35,
        malign_hierarchy=0.3, malign_individualism=0.4,
    ),
    "2002: targets and terror": Profile(
        hierarchy=0.9, solidarity=0.55, individualism=0.3, fatalism=0.4,
        malign_hierarchy=0.5, malign_individualism=0.4,
    ),
    "2012: markets plus targets": Profile(
        hierarchy=0.85, solidarity=0.5, individualism=0.45, fatalism=0.4,
        malign_hierarchy=0.4, malign_individualism=0.45,
    ),
    "2022: after the pandemic": Profile(
        hierarchy=0.85, solidarity=0.6, individualism=0.3, fatalism=0.5,
        malign_hierarchy=0.4, malign_individualism=0.3,
    ),
}

#: Why each period start takes the values it does (the kit's reading, for argument).
PERIOD_REASONS: dict[str, str] = {
    "1948: post-war public service": (
        "A ministry answerable to Parliament, strong professional and vocational solidarity, wide "
        "clinical freedom for senior doctors (individualism confined to the consultant elite)."),
    "traditional public sector": (
        "Taylor's (2022) deficit culture (strong hierarchy and solidarity, weak individualism); the "
        "malign share of hierarchy and the fatalism (0.3, read as despair) are the kit's."),
    "1991: general management": (
        "A decade of general management and performance review has added hierarchy, some of it "
        "malign, and worn down professional consensus."),
    "1997: after the internal market": (
        "Contracting and trust freedoms have raised individualism, much of it commercial and "
        "gaming rather than creative; solidarity is thinner."),
    "2002: targets and terror": (
        "Many targets enforced by blame: hierarchy at its height and half malign; gaming common."),
    "2012: markets plus targets": (
        "Markets layered on targets and regulation (Taylor's reading of New Public Management in "
        "the NHS); a funding squeeze beginning."),
    "2022: after the pandemic": (
        "Exhaustion and backlogs after COVID-19: fatalism high and read as despair (as every "
        "period start reads it: the most pessimistic reading, since the kit has no source that "
        "separates realism about capacity from burnout for these years), hierarchy strong, "
        "individualism run down as the internal market was wound back."),
}
