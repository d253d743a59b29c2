"""Core benchmarks: import time, a kernel's start-up imports, and the profile explorer's update."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys

from benchmarks._harness import Result, Timing, median_seconds

_IMPORT = ("import time; t, c = time.perf_counter(), time.process_time(); import coordkit; "
           "print(time.perf_counter() - t, time.process_time() - c)")
# What a notebook's first cells cost a JupyterHub/Binder kernel, in CPU seconds (IPython is already
# loaded in a kernel, so it is imported before the clock starts). CPU, not wall time: a shared hub
# is loaded, and what matters there is the CPU each of a class's kernels spends at once.
_STARTUP = ("import IPython, time; t, c = time.perf_counter(), time.process_time(); import coordkit, "
            "coordkit.plots, coordkit.widgets; print(time.perf_counter() - t, time.process_time() - c)")


def learner_env() -> dict[str, str]:
    """This process's environment as a learner's kernel has it: free to write bytecode.

    A sandbox or CI runner may set ``PYTHONDONTWRITEBYTECODE``; a learner's machine does not, and
    ``./kit`` installs compiled (``uv --compile-bytecode``, and ``compileall`` for the kit itself).
    Without bytecode every start compiles matplotlib and the rest again (1.5 s of CPU, not 0.6 s).
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def fresh_seconds(code: str, repeat: int) -> Timing:
    """Medians of the wall and CPU seconds ``code`` prints, each run in a fresh interpreter, as a learner's.

    One untimed run first warms the bytecode cache (as a learner's install or first start leaves
    it, :func:`learner_env`); the timed runs then load the compiled modules.
    """
    env = learner_env()
    subprocess.run([sys.executable, "-c", "import IPython, coordkit.plots, coordkit.widgets"], check=True,
                   env=env)
    runs = [
        [float(v) for v in subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                           env=env, check=True).stdout.split()]
        for _ in range(repeat)
    ]
    return Timing(statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))


def run() -> list[Result]:
    from coordkit import plots
    from coordkit.balance import report
    from coordkit.configuration import classify
    from coordkit.profile import Profile
    from coordkit.widgets import ProfileExplorer

    values = [0.1, 0.35, 0.6, 0.85]
    profiles = [Profile(h, s, i, f, 0.2, 0.1, 0.3) for h in values for s in values
                for i in values for f in values[:2]]
    state = {"k": 0}

    def compute_only() -> None:
        p = profiles[state["k"] % len(profiles)]
        state["k"] += 1
        report(p)
        classify(p)
        plots.describe_profile(p)

    explorer = ProfileExplorer()
    slider = explorer.sliders["individualism"]

    def move_slider() -> None:
        slider.value = values[state["k"] % len(values)]
        state["k"] += 1

    return [
        Result("import coordkit", fresh_seconds(_IMPORT, 11), "s", 0.15),
        # 1.85 s with seaborn (and through it scipy.stats and pandas) on the plotting path; 1.5 s
        # without bytecode (an install that compiled nothing, where .pyc may not be written)
        Result("kernel start-up: import coordkit.plots + widgets (CPU)", fresh_seconds(_STARTUP, 5).cpu, "s",
               1.0),
        Result("profile explorer update, compute only", median_seconds(compute_only, repeat=201) * 1e3,
               "ms", 2),
        Result("profile explorer update, compute + redraw", median_seconds(move_slider, repeat=31), "s", 0.1),
    ]
