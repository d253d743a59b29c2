"""The type hints are checked: mypy runs clean over the whole of ``coordkit/``.

The configuration is in ``pyproject.toml`` (``[tool.mypy]``, ``packages = ["coordkit"]``); this
test runs it, so the type check is part of ``./kit test``. Every ``type: ignore`` anywhere in the
package names its error code and says why, on the same line, so each exception is listed where
it is and justified.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "coordkit"

IGNORE = re.compile(r"#\s*type:\s*ignore(?P<code>\[[a-z-, ]+\])?(?P<rest>.*)$")

#: Every module of the package, from the repository root.
MODULES = sorted(p.relative_to(ROOT).as_posix() for p in PACKAGE.rglob("*.py"))


def test_mypy_is_clean_on_the_whole_package():
    cache = Path(tempfile.gettempdir()) / "coordkit-mypy-cache"
    # no paths: mypy checks what the configuration names (packages = ["coordkit"])
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(cache), "--no-error-summary"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, f"mypy found errors:\n{result.stdout}{result.stderr}"
    assert result.stdout.strip() == ""


def ignore_problems(name: str, text: str) -> list[str]:
    """Each ``type: ignore`` in ``text`` that does not name its error code and give a reason."""
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        match = IGNORE.search(line)
        if match is None:
            continue
        if not match.group("code"):
            problems.append(f"{name}:{number}: say which error is ignored, e.g. [arg-type]")
        elif not re.search(r"#\s*\w.{10,}", match.group("rest")):
            problems.append(f"{name}:{number}: say why, in a comment after the ignore")
    return problems


@pytest.mark.parametrize("name", MODULES)
def test_every_ignore_names_its_error_and_its_reason(name):
    assert ignore_problems(name, (ROOT / name).read_text(encoding="utf-8")) == []


def test_the_ignore_check_catches_bare_and_unexplained_ignores():
    text = ("a = f(x)  # type: ignore\n"
            "b = f(x)  # type: ignore[arg-type]\n"
            "c = f(x)  # type: ignore[arg-type]  # f is untyped upstream\n"
            "d = f(x)  # type: ignore[arg-type]  # ok\n")
    assert ignore_problems("x.py", text) == [
        "x.py:1: say which error is ignored, e.g. [arg-type]",
        "x.py:2: say why, in a comment after the ignore",
        "x.py:4: say why, in a comment after the ignore",
    ]


def test_the_configuration_checks_the_whole_package():
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mypy"]
    assert config["packages"] == ["coordkit"] and config["check_untyped_defs"] is True
    assert config["warn_unused_ignores"] is True
    assert len(MODULES) > 50 and "coordkit/history/reforms.py" in MODULES


def test_the_type_check_runs_in_kit_test():
    # ./kit test runs pytest over tests/ (this file included) and mypy is a test dependency
    kit = (ROOT / "kit").read_text(encoding="utf-8")
    assert re.search(r"pytest .*\btests\b", kit)
    assert '"mypy' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
