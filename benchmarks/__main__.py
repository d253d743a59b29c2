"""Run every benchmark: ``python -m benchmarks`` (from the kit's environment, at the repo root).

Each ``benchmarks/bench_*.py`` module defines ``run() -> list[Result]``; this prints a header (the
machine, its load average, a warning when the 1-minute load exceeds the cores, and which clock the
verdicts are judged on) and one line per figure, ``name: wall unit wall, cpu unit CPU (goal: < value
unit) OK`` or ``... MISS`` (see :mod:`benchmarks._harness`). Pass module names (without ``bench_``)
to run only some: ``python -m benchmarks core``. Figures are medians over repeated runs. Exit status
is 0 even on a MISS: benchmarks inform, they do not gate.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
from pathlib import Path

from benchmarks._harness import header, is_loaded, load_average, machine


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    if argv:
        wanted = {f"bench_{a.removeprefix('bench_')}" for a in argv}
        unknown = wanted - set(names)
        if unknown:
            print(f"unknown benchmark(s): {', '.join(sorted(unknown))}; have: {', '.join(names)}")
            return 2
        names = [n for n in names if n in wanted]
    load, cores = load_average(), os.cpu_count() or 1
    print("\n".join(header(load, cores, machine())), flush=True)
    on_cpu = is_loaded(load, cores)  # the load when the run starts decides, for every line alike
    for name in names:
        module = importlib.import_module(f"benchmarks.{name}")
        for result in module.run():
            print(result.line(on_cpu=on_cpu), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
