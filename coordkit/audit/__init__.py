"""The clumsiness audit: which voices a policy package hears, which it shuts out, and what would let them in.

Cultural theorists call a policy *clumsy* when no way of life is excluded and each stays
responsive to the others, and *elegant* when one way of life has it all its own way (Verweij,
Douglas, Ellis, Engel, Hendriks, Lohmann, Ney, Rayner & Thompson 2006, *Public Administration*
84(4); Verweij & Thompson, eds, *Clumsy Solutions for a Complex World*, 2006). The kit reads
Taylor's (2022) "balance", after Verweij, as engagement rather than evenness of magnitudes (Taylor
himself speaks of modes being strong or weak, and of underpowered ones): that reading is the kit's.

This package turns that idea into a check a group can run on a package of instruments, each coded
to one of Christopher Hood's control types -- four polar types and six pairwise hybrids (Hood,
"Control over bureaucracy", *Journal of Public Policy* 15(3), 1995, 207-230; *The Art of the
State*, 1998). Five voices are listened for: hierarchy, solidarity (cultural theory's egalitarian
way of life), individualism, fatalism and the hermit (Thompson, Ellis & Wildavsky, *Cultural
Theory*, 1990). Fatalism is heard through how a package treats the limits of control, coded per
package; contrived randomness, an active controller's technique, is reported on its own.

Three modules, one concept each; every public name is importable from here:

- :mod:`coordkit.audit.rules`: the vocabulary and :data:`RULES`, each rule **the kit's reading of
  the sources** with its reason, shown with every result;
- :mod:`coordkit.audit.records`: the data as typed records (``hood_control_types.csv``,
  ``ways_of_life.csv``, ``policy_packages.csv``, ``policy_packages_fatalism.csv``: the kit's
  codings, with sources and rationales in their sidecars);
- :mod:`coordkit.audit.check`: the audit itself.

Examples
--------
>>> result = audit(package("internal_market_1991"))
>>> result.verdict
'dominated by individualism; solidarity and fatalism excluded'
>>> [v.voice for v in result.voices if v.status == "excluded"]
['solidarity', 'fatalism']
>>> result.amendments[0].voice
'solidarity'
"""

from __future__ import annotations

from coordkit.audit.check import (
    Amendment,
    Audit,
    Dominance,
    HybridUse,
    Overuse,
    VoiceResult,
    amendments,
    audit,
    dominance,
    emphasis,
    hybrids_used,
    overuse,
    summary_table,
    verdict,
    voice_results,
    weights,
)
from coordkit.audit.records import (
    ControlType,
    FatalismCoding,
    Instrument,
    Package,
    Voice,
    control_types,
    hybrid_name,
    package,
    packages,
    voices,
)
from coordkit.audit.rules import (
    ACTIVE_VOICES,
    DEFAULT_OVERUSE_SHARE,
    FATALISM_AMENDMENTS,
    FATALISM_ASPECTS,
    FATALISM_CAUTIONS,
    FATALISM_EXAMPLES,
    FATALISM_STATUS,
    FATALISM_TREATMENTS,
    HERMIT_CRITERION,
    HERMIT_FURTHER,
    HERMIT_OPT_IN_NOTE,
    POLAR_TYPES,
    RULES,
    STATUSES,
    VERDICTS,
    VOICES,
)

__all__ = [
    "ACTIVE_VOICES",
    "DEFAULT_OVERUSE_SHARE",
    "FATALISM_AMENDMENTS",
    "FATALISM_ASPECTS",
    "FATALISM_CAUTIONS",
    "FATALISM_EXAMPLES",
    "FATALISM_STATUS",
    "FATALISM_TREATMENTS",
    "HERMIT_CRITERION",
    "HERMIT_FURTHER",
    "HERMIT_OPT_IN_NOTE",
    "POLAR_TYPES",
    "RULES",
    "STATUSES",
    "VERDICTS",
    "VOICES",
    "Amendment",
    "Audit",
    "ControlType",
    "Dominance",
    "FatalismCoding",
    "HybridUse",
    "Instrument",
    "Overuse",
    "Package",
    "Voice",
    "VoiceResult",
    "amendments",
    "audit",
    "control_types",
    "dominance",
    "emphasis",
    "hybrid_name",
    "hybrids_used",
    "overuse",
    "package",
    "packages",
    "summary_table",
    "verdict",
    "voice_results",
    "voices",
    "weights",
]
