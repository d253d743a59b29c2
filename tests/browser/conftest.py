"""Browser fixtures: a real JupyterLab on loopback, driven by headless Chromium through Playwright.

The server runs on copies of the notebooks (JupyterLab autosaves, and the committed notebooks must
never pick up widget state), with its own HOME and Jupyter directories so it neither reads nor
writes the user's. Chromium comes from Debian's package (/usr/bin/chromium); Playwright never
downloads a browser here. Without Chromium or Playwright the browser tests are skipped, saying why.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, process: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # the server answered, if only to refuse: it is up
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"server did not answer at {url} within {timeout} s:\n{log.read_text()[-3000:]}")


def _isolated_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
    env.update(HOME=str(home), JUPYTER_CONFIG_DIR=str(home / "config"),
               JUPYTER_RUNTIME_DIR=str(home / "runtime"), JUPYTER_PLATFORM_DIRS="1",
               IPYTHONDIR=str(home / "ipython"))
    env.pop("MPLBACKEND", None)
    return env


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """A copy of the notebooks and exercises for the servers to work on."""
    root = tmp_path_factory.mktemp("site")
    shutil.copytree(ROOT / "notebooks", root / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    if (ROOT / "exercises").exists():
        shutil.copytree(ROOT / "exercises", root / "exercises",
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return root


@pytest.fixture(scope="session")
def lab(site, tmp_path_factory) -> Iterator[str]:
    """Start JupyterLab on loopback; yield its base URL with the token as a query string."""
    home = tmp_path_factory.mktemp("home")
    settings = home / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"checkForUpdates": False, "fetchNews": "false"}))
    # Render every cell (JupyterLab 4 only renders cells near the viewport by default).
    notebook_settings = home / "settings" / "@jupyterlab" / "notebook-extension"
    notebook_settings.mkdir(parents=True)
    (notebook_settings / "tracker.jupyterlab-settings").write_text(
        json.dumps({"windowingMode": "none"}))
    port, token = _free_port(), "coordkit-test"
    log = home / "lab.log"
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", f"--port={port}",
           "--ip=127.0.0.1", f"--ServerApp.token={token}", f"--ServerApp.root_dir={site}",
           f"--LabApp.user_settings_dir={home / 'settings'}",
           f"--LabApp.workspaces_dir={home / 'workspaces'}",
           "--ServerApp.open_browser=False"]
    with log.open("w") as out:
        process = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=_isolated_env(home))
    try:
        _wait_for(f"http://127.0.0.1:{port}/api/status?token={token}", process, log)
        yield f"http://127.0.0.1:{port}", token
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium via Playwright; skip (saying why) when either is missing."""
    # On CI a missing browser is a failure, never a quiet skip.
    missing = pytest.fail if os.environ.get("CI") else pytest.skip
    try:
        import playwright.sync_api as playwright_api
    except ImportError:
        missing("playwright is not installed (pip install playwright)")
    if not Path(CHROMIUM).exists():
        missing("Chromium is not installed (Debian: apt-get install chromium); "
                "./kit test installs it when run as root")
    ARTIFACTS.mkdir(exist_ok=True)
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def artifact_name(text: str) -> Path:
    """A screenshot path under test-artifacts/ for a notebook or test name."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / (re.sub(r"[^A-Za-z0-9_.-]+", "_", text) + ".png")


@pytest.fixture(scope="session")
def voila(site, tmp_path_factory) -> Iterator[str]:
    """Serve the scenario explorer with Voila on loopback; yield its base URL."""
    home = tmp_path_factory.mktemp("voila-home")
    port = _free_port()
    log = home / "voila.log"
    cmd = [sys.executable, "-m", "voila", "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
           "--ServerApp.token=", "--VoilaConfiguration.file_allowlist=['.*']",
           str(site / "notebooks" / "04_nhs_reform_scenarios.ipynb")]
    with log.open("w") as out:
        process = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=site / "notebooks",
                                   env=_isolated_env(home))
    try:
        _wait_for(f"http://127.0.0.1:{port}/voila/static/index.js", process, log, timeout=180)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
