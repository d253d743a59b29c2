"""axe-core, in headless Chromium, finds no serious or critical accessibility problem in what the kit
makes: a handout (a notebook, freshly run, exported by nbconvert to HTML with the kit's ``handout``
template) and the class report.

axe-core comes from npm, installed once into a cache folder by the ``axe_script`` fixture. The
handout is checked inside the kit's own content only (rendered Markdown and cell outputs), not
nbconvert's page chrome or syntax-highlighting theme; the class report is checked whole. Pages
load from disk with the network cut off, as a learner opening a file offline would see them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, _isolated_env, artifact_name

AXE_VERSION = "4"  # the major version: results are stable within it
HANDOUT_NOTEBOOK = "01_coordination_theory.ipynb"
SERIOUS = ("serious", "critical")
#: The kit's nbconvert templates (``handout``: the lab page with underlined links).


def _missing(reason: str) -> None:
    (pytest.fail if os.environ.get("CI") else pytest.skip)(reason)


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe.min.js, installed with npm into ~/.cache/coordkit/axe-core on first use."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "coordkit" / "axe-core"
    script = cache / "node_modules" / "axe-core" / "axe.min.js"
    if not script.exists():
        npm = shutil.which("npm")
        if npm is None:
            _missing("npm is not installed: it fetches axe-core for the accessibility test")
        cache.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            [npm, "install", "--prefix", str(cache), "--no-audit", "--no-fund", "--prefer-offline",
             f"axe-core@{AXE_VERSION}"],
            capture_output=True, text=True, timeout=600)
        if result.returncode != 0 or not script.exists():
            _missing(f"could not install axe-core with npm:\n{result.stderr[-2000:]}")
    return script


@pytest.fixture(scope="session")
def handout(tmp_path_factory) -> Path:
    """A notebook run afresh, then made a handout as ``./kit handouts`` does (tools/publish.py)."""
    work = tmp_path_factory.mktemp("handout")
    shutil.copy(ROOT / "notebooks" / HANDOUT_NOTEBOOK, work / HANDOUT_NOTEBOOK)
    home = tmp_path_factory.mktemp("handout-home")
    result = subprocess.run(
        [sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute", "--inplace",
         "--ExecutePreprocessor.timeout=600", str(work / HANDOUT_NOTEBOOK)],
        cwd=work, env=_isolated_env(home), capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "publish.py"), "handouts", str(work / HANDOUT_NOTEBOOK),
         "-o", str(work / "handouts")],
        cwd=work, env=_isolated_env(home), capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    return work / "handouts" / HANDOUT_NOTEBOOK.replace(".ipynb", ".html")


@pytest.fixture(scope="session")
def class_report(tmp_path_factory) -> Path:
    """The class report of the synthetic class, written by ``coordkit report``."""
    out = tmp_path_factory.mktemp("report") / "report.html"
    result = subprocess.run(
        [sys.executable, "-m", "coordkit.cli", "report", str(ROOT / "data" / "synthetic_class.csv"),
         "-o", str(out), "-q"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and out.exists(), result.stderr[-3000:]
    return out


def _offline(route) -> None:
    if route.request.url.startswith(("file:", "data:")):
        route.continue_()
    else:
        route.abort()


def _violations(browser, path: Path, script: Path, include: list[str] | None, name: str) -> list[dict]:
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    try:
        page.route("**/*", _offline)
        page.goto(path.as_uri(), wait_until="load", timeout=120_000)
        page.add_script_tag(path=str(script))
        context = {"include": [[s] for s in include]} if include else None
        result = page.evaluate(
            "async (context) => (await axe.run(context || document, {resultTypes: ['violations']}))",
            context)
        page.screenshot(path=artifact_name(f"axe_{name}"), full_page=False)
    finally:
        page.close()
    assert result["testEngine"]["version"].startswith(AXE_VERSION + ".")
    assert result["passes"] or result["violations"] or result["incomplete"], "axe checked nothing"
    return [v for v in result["violations"] if v["impact"] in SERIOUS]


def _report(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['impact']}: {v['id']} ({v['help']}), {len(v['nodes'])} element(s)")
        lines += [f"    {n['target']} {n['html'][:160]}" for n in v["nodes"][:4]]
    return "\n".join(lines)


def test_handout_has_no_serious_accessibility_violation(browser, axe_script, handout):
    page = handout.read_text(encoding="utf-8")
    assert "No description has been provided for this image" not in page
    images = re.findall(r"<img\b[^>]*>", page)
    assert images, "the handout has figures"
    for img in images:
        alt = re.search(r'\balt="([^"]*)"', img)
        # a formula's alt text is its TeX (may be one letter); a figure's is a sentence
        shortest = 1 if 'class="ck-math"' in img else 11
        assert alt and len(alt.group(1).strip()) >= shortest, f"an image without alt text: {img[:120]}"
    found = _violations(browser, handout, axe_script,
                        [".jp-RenderedMarkdown", ".jp-OutputArea-output"], "handout")
    assert not found, "axe-core found in the handout:\n" + _report(found)


def test_class_report_has_no_serious_accessibility_violation(browser, axe_script, class_report):
    page = class_report.read_text(encoding="utf-8")
    assert "<img" in page and "No description has been provided" not in page
    found = _violations(browser, class_report, axe_script, None, "class_report")
    assert not found, "axe-core found in the class report:\n" + _report(found)
