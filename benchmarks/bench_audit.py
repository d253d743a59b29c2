"""Clumsiness audit: the pure audit call, and each chapter 8 explorer's update including the redraw.

The explorers keep one figure frame and redraw only its moving artists (status words, node styles,
hybrids in use, the title and the voice panel's notes; for the hybrid map, the highlight), so the
goal is the kit's widget goal of 0.1 s from a change to the redrawn figure. Each line gives wall-clock
and CPU time of the same runs (see benchmarks._harness). The audit explorer also keeps the
figures it has drawn; the "first visit" lines clear that store before every move, so they measure
a drawing, and the "revisit" line measures a state seen before.
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
    shares = itertools.cycle([0.5, 0.7, 0.9, 0.6, 0.35, 0.8])
    hybrids = HybridExplorer()
    types = itertools.cycle(list(audit.control_types()))

    def move_share() -> None:
        auditor.drawn.clear()  # first visit: draw it
        auditor.overuse.value = next(shares)

    def toggle() -> None:
        auditor.drawn.clear()
        box = next(iter(auditor.instruments.values()))
        box.value = not box.value

    def revisit() -> None:
        box = next(iter(auditor.instruments.values()))
        box.value = not box.value

    def pick_type() -> None:
        hybrids.control.value = next(types)

    def pick_package() -> None:
        auditor.drawn.clear()
        auditor.package.value = next(cycle_packages).id

    return [
        Result("audit.audit (one package)", median_seconds(lambda: audit.audit(next(cycle_packages)),
                                                           repeat=201) * 1e3, "ms", 1.0),
        Result("AuditExplorer overuse slider, first visit", median_seconds(move_share, repeat=15), "s", 0.1),
        Result("AuditExplorer instrument toggle, first visit", median_seconds(toggle, repeat=15), "s", 0.1),
        Result("AuditExplorer instrument toggle, revisit", median_seconds(revisit, repeat=15), "s", 0.1),
        Result("AuditExplorer package choice, new boxes, first visit",
               median_seconds(pick_package, repeat=10), "s", 0.1),
        Result("HybridExplorer control type", median_seconds(pick_type, repeat=15), "s", 0.1),
    ]
