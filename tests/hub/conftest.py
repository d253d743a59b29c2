"""The hub route: a real JupyterHub on loopback with a class of 20 students (marked ``hub``).

Needs configurable-http-proxy (npm), which ./kit installs into .venv/chp; without it the tests are
skipped with a message, except under CI, where that is a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hub.classroom import Classroom, classroom, proxy_command


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/hub" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.hub)


@pytest.fixture(scope="session")
def room(tmp_path_factory) -> Iterator[Classroom]:
    proxy = proxy_command()
    if proxy is None:
        message = "configurable-http-proxy not found (./kit test installs it with npm into .venv/chp)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    if shutil.which("git") is None:
        pytest.fail("git is needed for nbgitpuller")
    workdir: Path = tmp_path_factory.mktemp("hub")
    # Niced: under ./kit test the class shares the cores with the other test workers, and must not
    # starve them (the hub's own timings are measured by benchmarks/bench_hub.py, not here).
    with classroom(workdir, proxy, niceness=10) as started:
        yield started


@pytest.fixture(scope="session")
def repo(room) -> str:
    """The repository the students pull: a local clone of this one, with a ``main`` branch."""
    return room.make_origin()
