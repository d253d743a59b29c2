"""The hub route: a real JupyterHub on loopback and a class of 20 arriving at once.

Each student logs in, follows the lecturer's nbgitpuller link (the kit is cloned from a local copy
of this repository), and runs notebook 01's explorer and notebook 02's save in a kernel that stays
open (tests/hub/classroom.py does the work; tests/hub checks that it all succeeds). Figures: the
wall-clock time until all 20 are ready, the slowest student's own time, and the memory one
student's session takes (their single-user server plus its kernel): unique memory (USS, what each
extra student adds) and resident memory (RSS, counting shared libraries in full). Needs
configurable-http-proxy (./kit test installs it into .venv/chp).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks._harness import Result

STUDENTS = 20


def run() -> list[Result]:
    from tests.hub.classroom import PROFILE_EXPLORER_CODE, classroom, proxy_command, save_answers_code

    proxy = proxy_command()
    if proxy is None:
        print("# hub: skipped, configurable-http-proxy not found (./kit test installs it)")
        return []
    names = [f"student{n:02d}" for n in range(1, STUDENTS + 1)]
    notebook = "notebooks/02_diagnose_your_organisation.ipynb"
    with tempfile.TemporaryDirectory(prefix="coordkit-bench-hub-") as scratch, \
            classroom(Path(scratch), proxy) as room:
        repo = room.make_origin()
        room.create_users(names)
        start = time.monotonic()

        def one(name: str):
            code = PROFILE_EXPLORER_CODE + "\n" + save_answers_code("S" + name[-2:])
            outcome = room.student(name, repo, notebook, code)
            return outcome, time.monotonic() - start

        with ThreadPoolExecutor(max_workers=STUDENTS) as pool:
            done = list(pool.map(one, names))
        everyone = time.monotonic() - start
        failed = [o.name for o, _ in done if not o.ok]
        if failed:
            print(f"# hub: {len(failed)} of {STUDENTS} students failed: {done[0][0].error or failed}")
        memory = [room.session_memory(name) for name in names]
    uss = statistics.median(m["uss"] for m in memory)
    rss = statistics.median(m["rss"] for m in memory)
    own = statistics.median(sum(o.steps.values()) for o, _ in done)
    return [
        Result(f"hub: {STUDENTS} students ready (log in, pull, explorer, save)", everyone, "s", 120),
        Result("hub: one student's own time, median (all arriving at once)", own, "s", 60),
        Result("hub: memory per student session (server + kernel, unique)", uss, "MiB", 300),
        Result("hub: memory per student session (server + kernel, resident)", rss, "MiB", 450),
        Result("hub: students who failed", float(len(failed)), "students", 1),
    ]
