"""Run every benchmark: ``python -m benchmarks`` (from the kit's environment, at the repo root).

Each ``benchmarks/bench_*.py`` module defines ``run() -> list[Result]``; this prints one line per
figure, ``name: value unit (goal: < value unit) OK`` or ``... MISS``. Pass module names (without
``bench_``) to run only some: ``python -m benchmarks core``. Figures are medians over repeated runs.
Exit status is 0 even on a MISS: benchmarks inform, they do not gate.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

from benchmarks._harness import machine


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
    print(f"# machine: {machine()}")
    for name in names:
        module = importlib.import_module(f"benchmarks.{name}")
        for result in module.run():
            print(result.line(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
