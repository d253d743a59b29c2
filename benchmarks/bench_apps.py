"""App gallery benchmarks: a control moved in an app (``./kit app``) to the redrawn figure.

The apps show the library's explorers in the app layout (:meth:`coordkit.widgets._base.Explorer.as_app`):
the figure is made for the projector's box (:func:`coordkit.widgets._base.fit_for_app`), so an update
there does more than in the notebook layout (18 px text, gathered legends, label collisions checked).
Goal: the kit's widget goal of 0.1 s from a change to the redrawn figure. Each line gives wall-clock
(what the class waits on this machine, shared with others) and CPU time of this process (the same
work without other processes' load), from the same runs.
"""

from __future__ import annotations

from benchmarks._harness import Result, median_seconds


def run() -> list[Result]:
    from coordkit.widgets.audit import AuditExplorer
    from coordkit.widgets.scenarios import ScenarioExplorer

    scenarios = ScenarioExplorer("rumoured_2022", layout="app", presenter=True)  # as apps/scenarios.ipynb
    values = [1.0, 3.0, 5.0, 7.0, 9.0]
    state = {"k": 0}

    def move_lever() -> None:
        scenarios.sliders["devolution"].value = values[state["k"] % len(values)]
        state["k"] += 1

    auditor = AuditExplorer().as_app(presenter=True)  # as apps/audit.ipynb

    def toggle() -> None:
        auditor.drawn.clear()  # first visit: draw it
        box = next(iter(auditor.instruments.values()))
        box.value = not box.value

    return [
        Result("audit app (projector layout): instrument toggle, first visit, to redrawn figure",
               median_seconds(toggle, repeat=15), "s", 0.1),
        Result("scenarios app (projector layout): lever change to redrawn figure",
               median_seconds(move_lever, repeat=21), "s", 0.1),
    ]
