"""The type hints are checked: mypy runs clean over the modules listed here.

The list grows as each module is made clean (the goal is the whole of ``coordkit/``: run
``mypy`` with no arguments to see what is left). Every ``type: ignore`` in a checked module names
its error code and says why, on the same line.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Modules that type-check clean (paths from the repository root).
CHECKED = [
    "coordkit/params.py",
    "coordkit/html.py",
    "coordkit/plots/__init__.py",
    "coordkit/plots/output.py",
    "coordkit/plots/style.py",
    "coordkit/plots/view.py",
    "coordkit/widgets/__init__.py",
    "coordkit/widgets/_base.py",
    "coordkit/widgets/common.py",
]

IGNORE = re.compile(r"#\s*type:\s*ignore(?P<code>\[[a-z-, ]+\])?(?P<rest>.*)$")


def test_mypy_is_clean_on_the_checked_modules():
    cache = Path(tempfile.gettempdir()) / "coordkit-mypy-cache"
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(cache), "--no-error-summary", *CHECKED],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, f"mypy found errors:\n{result.stdout}{result.stderr}"
    assert result.stdout.strip() == ""


@pytest.mark.parametrize("name", CHECKED)
def test_every_ignore_names_its_error_and_its_reason(name):
    for number, line in enumerate((ROOT / name).read_text(encoding="utf-8").splitlines(), 1):
        match = IGNORE.search(line)
        if match is None:
            continue
        assert match.group("code"), f"{name}:{number}: say which error is ignored, e.g. [arg-type]"
        assert re.search(r"#\s*\w.{10,}", match.group("rest")), f"{name}:{number}: say why"


def test_the_configuration_checks_the_whole_package():
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mypy"]
    assert config["packages"] == ["coordkit"] and config["check_untyped_defs"] is True
    assert config["warn_unused_ignores"] is True
