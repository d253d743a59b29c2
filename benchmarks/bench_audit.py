"""Clumsiness audit: the pure audit call, and each chapter 8 explorer's update including the redraw.

The explorers redraw their whole figure on every move (the frame changes with the package), so
their goal is the kit's widget goal of 0.1 s including redraw; the audit itself should cost well
under a millisecond.
"""

from __future__ import annotations

import itertools

from benchmarks._harness import Result, median_seconds


def run() -> list[Result]:
    from coordkit import audit
    from coordkit.widgets.audit import AuditExplorer, HybridExplorer

    packages = list(audit.packages().values())
    cycle_packages = itertools.cycle(packages)
    auditor = AuditExplorer()
    shares = itertools.cycle([0.5, 0.7, 0.9, 0.6])
    hybrids = HybridExplorer()
    types = itertools.cycle(list(audit.control_types()))

    def move_share() -> None:
        auditor.overuse.value = next(shares)

    def toggle() -> None:
        box = next(iter(auditor.instruments.values()))
        box.value = not box.value

    def pick_type() -> None:
        hybrids.control.value = next(types)

    return [
        Result("audit.audit (one package)", median_seconds(lambda: audit.audit(next(cycle_packages)),
                                                           repeat=201) * 1e3, "ms", 1.0),
        Result("AuditExplorer overuse slider", median_seconds(move_share, repeat=9), "s", 0.1),
        Result("AuditExplorer instrument toggle", median_seconds(toggle, repeat=9), "s", 0.1),
        Result("HybridExplorer control type", median_seconds(pick_type, repeat=9), "s", 0.1),
    ]
