"""The kit's set-up files agree with each other, and the package stays light to import."""

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _split(requirement: str) -> tuple[str, str]:
    match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement)
    assert match, requirement
    return match.group(1).lower().replace("_", "-"), match.group(2).replace(" ", "")


def test_environment_yml_names_the_same_runtime_packages_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert env["channels"] == ["conda-forge"], "Binder environment must be conda-forge only"
    conda = dict(_split(d) for d in env["dependencies"] if isinstance(d, str))
    conda.pop("python")
    pip = dict(_split(d) for d in project["dependencies"])
    assert conda == pip, "environment.yml and pyproject.toml disagree on runtime dependencies"
    assert not [d for d in env["dependencies"] if isinstance(d, dict)], "no pip section: use postBuild"


def test_jupyterlab_and_ipywidgets_are_pinned_together():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pip = dict(_split(d) for d in project["dependencies"])
    assert pip["jupyterlab"] == ">=4.1,<5"
    assert pip["ipywidgets"] == ">=8.1,<9"


def test_postbuild_installs_the_kit_without_dependencies():
    text = (ROOT / "postBuild").read_text()
    assert "set -e" in text
    assert "pip install --no-deps -e ." in text


def test_ci_runs_the_readme_test_command_and_nothing_else():
    readme = (ROOT / "README.md").read_text()
    commands = re.findall(r"^\s*(\./kit \w+)\s*$", readme, flags=re.M)
    assert commands[:2] == ["./kit lab", "./kit test"]
    ci = [line for line in (ROOT / ".ci" / "run").read_text().splitlines()
          if line.strip() and not line.startswith(("#", "set ", "cd "))]
    assert ci == ["exec ./kit test"]


def test_binder_badge_opens_start_here_in_lab():
    readme = (ROOT / "README.md").read_text()
    assert "mybinder.org/v2/gh/" in readme
    assert "urlpath=lab/tree/notebooks/00_start_here.ipynb" in readme
    assert (ROOT / "notebooks" / "00_start_here.ipynb").exists()


def test_import_coordkit_stays_light():
    code = ("import sys, coordkit; heavy = {'matplotlib', 'seaborn', 'ipywidgets', 'mpltern', "
            "'pandas', 'IPython'}; print(sorted(heavy & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_committed_notebooks_carry_no_widget_state():
    for path in sorted(ROOT.glob("notebooks/*.ipynb")) + sorted(ROOT.glob("exercises/**/*.ipynb")):
        text = path.read_text()
        assert "application/vnd.jupyter.widget-state+json" not in text, path.name
        assert "application/vnd.jupyter.widget-view+json" not in text, path.name
        assert '"output_type": "error"' not in text, path.name
