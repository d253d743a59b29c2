"""The benchmark harness: two clocks per line, the load in the header, verdicts on CPU when loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import _harness
from benchmarks.__main__ import main
from benchmarks._harness import Result, Timing, header, is_loaded


def test_a_line_gives_wall_and_cpu_and_the_goal():
    line = Result("viewer, first view", Timing(0.1234, 0.0456), "s", 0.1).line()
    assert line == "viewer, first view: 0.1234 s wall, 0.0456 s CPU (goal: < 0.1 s) MISS"


def test_the_verdict_is_judged_on_cpu_when_asked():
    # wall 123 ms waits for other processes; the CPU time of this process, 46 ms, meets the goal
    result = Result("viewer", Timing(0.1234, 0.0456), "s", 0.1)
    assert result.line(on_cpu=False).endswith("MISS") and result.line(on_cpu=True).endswith("OK")
    assert result.judged(on_cpu=True) == 0.0456 and result.judged(on_cpu=False) == 0.1234


def test_a_figure_with_one_clock_prints_one_figure_and_is_judged_on_it():
    ratio = Result("speed-up", 62.0, "x", 50.0, higher_is_better=True)
    assert ratio.line(on_cpu=True) == "speed-up: 62 x (goal: >= 50 x) OK"
    assert ratio.cpu is None and ratio.judged(on_cpu=True) == 62.0


def test_a_timing_scales_to_milliseconds_on_both_clocks():
    result = Result("compute", Timing(0.002, 0.0015) * 1e3, "ms", 2)
    assert (result.value, result.cpu) == (2.0, 1.5)
    assert result.line() == "compute: 2 ms wall, 1.5 ms CPU (goal: < 2 ms) MISS"
    assert result.line(on_cpu=True).endswith("OK")


def test_median_seconds_times_the_same_runs_on_both_clocks():
    # In a fresh interpreter: the test process may hold other tests' threads (kernels, servers), whose CPU
    # time process_time() counts too. A sleep waits without working: wall time, next to no CPU time.
    import subprocess
    import sys

    code = ("import time; from benchmarks._harness import median_seconds; "
            "t = median_seconds(lambda: time.sleep(0.05), repeat=3, warmup=0); print(t.wall, t.cpu)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1]).stdout
    wall, cpu = map(float, out.split())
    assert wall >= 0.049 and cpu < wall / 2


def test_the_header_warns_and_judges_on_cpu_when_the_load_exceeds_the_cores():
    lines = header((4.9, 3.8, 2.0), 2, "test machine")
    assert lines == [
        "# machine: test machine",
        "# load average: 4.9, 3.8, 2.0 (1, 5, 15 min) on 2 cores",
        "# results unreliable: load 4.9 on 2 cores",
        "# OK/MISS judged on CPU time (the machine is loaded: wall time is mostly waiting)",
    ]


@pytest.mark.parametrize("load", [(2.0, 9.0, 9.0), (0.3, 0.2, 0.1)])
def test_the_header_does_not_warn_at_or_under_one_task_a_core(load):
    # only the 1-minute load counts, and a load equal to the cores is not over them
    lines = header(load, 2, "m")
    assert not any("unreliable" in line for line in lines) and not is_loaded(load, 2)
    assert lines[-1] == "# OK/MISS judged on wall time (the machine is not loaded)"


def test_the_header_says_when_there_is_no_load_average():
    lines = header(None, 4, "m")
    assert lines[1] == "# load average: not available on this system (4 cores)"
    assert lines[-1].startswith("# OK/MISS judged on wall time")


def test_main_judges_every_line_on_cpu_under_a_stubbed_load(monkeypatch, capsys):
    import types

    slow_wall = types.ModuleType("benchmarks.bench_stub")
    slow_wall.run = lambda: [Result("stub widget", Timing(0.3, 0.05), "s", 0.1)]  # type: ignore[attr-defined]
    monkeypatch.setitem(__import__("sys").modules, "benchmarks.bench_stub", slow_wall)
    monkeypatch.setattr("benchmarks.__main__.pkgutil.iter_modules",
                        lambda paths: [types.SimpleNamespace(name="bench_stub")])
    monkeypatch.setattr("benchmarks.__main__.os.cpu_count", lambda: 2)
    for load, verdict in (((7.5, 6.0, 5.0), "OK"), ((0.5, 0.5, 0.5), "MISS")):
        monkeypatch.setattr(_harness.os, "getloadavg", lambda load=load: load)
        assert main(["stub"]) == 0
        out = capsys.readouterr().out.splitlines()
        assert ("# results unreliable: load 7.5 on 2 cores" in out) == (verdict == "OK")
        assert out[-1] == f"stub widget: 0.3 s wall, 0.05 s CPU (goal: < 0.1 s) {verdict}"


def test_start_up_is_timed_as_a_learner_has_it_with_bytecode(monkeypatch):
    # a sandbox or CI runner may forbid .pyc files; a learner's kernel does not, and ./kit installs
    # compiled: the warm-up and the timed runs both run free to write (and so to load) bytecode
    import types

    from benchmarks import bench_core

    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    assert "PYTHONDONTWRITEBYTECODE" not in bench_core.learner_env()
    runs = []

    def fake_run(args, **kwargs):
        runs.append(kwargs.get("env"))
        return types.SimpleNamespace(stdout="0.5 0.25\n")

    monkeypatch.setattr(bench_core.subprocess, "run", fake_run)
    assert bench_core.fresh_seconds("print(0.5, 0.25)", 3) == Timing(0.5, 0.25), "wall and CPU"
    assert len(runs) == 4, "one warm-up run, then the timed runs"
    assert all(env is not None and "PYTHONDONTWRITEBYTECODE" not in env for env in runs)
