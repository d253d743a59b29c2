"""The kit's set-up files agree with each other, and the package stays light to import."""

import importlib.util
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

import coordkit

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("kit_lock", ROOT / "tools" / "lock.py")
lock = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lock)


def _split(requirement: str) -> tuple[str, str]:
    name, _, spec, _ = lock.split(requirement)
    return name, spec


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def _conda_to_pip() -> dict[str, str]:
    return {conda: pip for pip, conda in lock.conda_names(ROOT).items()}


def test_environment_yml_names_the_same_runtime_packages_as_pyproject():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert env["channels"] == ["conda-forge"], "Binder environment must be conda-forge only"
    back = _conda_to_pip()
    conda = dict(_split(d) for d in env["dependencies"] if isinstance(d, str))
    assert conda.pop("python") == f"={lock.PYTHON}", "an exact Python minor, or repo2docker uses 3.10"
    # the Python the lock is resolved for (./kit lock passes it to uv): the oldest the kit supports
    assert '--python-version "$lock_python"' in (ROOT / "kit").read_text()
    assert lock.pyproject(ROOT)["project"]["requires-python"] == f">={lock.PYTHON}"
    conda = {back.get(name, name): spec for name, spec in conda.items()}
    runtime = dict(_split(d) for d in lock.requirements(lock.RUNTIME_EXTRAS, ROOT))
    assert set(conda) == set(runtime), "environment.yml and pyproject.toml disagree on runtime packages"
    for name, spec in runtime.items():
        pinned = conda[name].removeprefix("==")
        assert conda[name].startswith("=="), f"{name}: environment.yml pins exactly"
        assert SpecifierSet(spec).contains(pinned), f"{name} {pinned} outside pyproject's {spec}"
    assert not [d for d in env["dependencies"] if isinstance(d, dict)], "no pip section: use postBuild"


def test_conda_names_map_back_to_pip_names():
    assert lock.conda_names(ROOT)["matplotlib"] == "matplotlib-base"  # no Qt on Binder
    text = (ROOT / "environment.yml").read_text()
    assert re.search(r"^  - matplotlib-base==", text, re.M)
    assert not re.search(r"^  - matplotlib==", text, re.M)


def test_environment_yml_is_generated_from_the_lock():
    assert (ROOT / "environment.yml").read_text() == lock.environment_yml(ROOT), "run ./kit lock"


def test_lock_satisfies_every_requirement_in_pyproject():
    locked = lock.read_lock(ROOT / "requirements.lock")
    stale = []
    for requirement in lock.requirements(("test",), ROOT):
        req = Requirement(requirement)
        if req.marker is not None and not req.marker.evaluate():
            continue
        versions = [v for v, _ in locked.get(lock.normalise(req.name), [])]
        if not versions or not all(req.specifier.contains(v, prereleases=True) for v in versions):
            stale.append(f"{requirement} (locked: {versions or 'absent'})")
    assert not stale, "requirements.lock is stale, run ./kit lock: " + "; ".join(stale)


def test_lock_is_complete_pinned_and_says_how_to_refresh_it():
    text = (ROOT / "requirements.lock").read_text()
    assert "./kit lock" in text.splitlines()[1]
    locked = lock.read_lock(ROOT / "requirements.lock")
    assert all(len(v) == 1 for v in locked.values()), "one version per package"
    assert "coordkit" not in locked, "the kit itself is installed from the clone, not the lock"
    for name in ("jupyterlab-widgets", "ipykernel", "notebook-shim", "tornado", "uv"):
        assert name in locked, f"transitive dependency {name} missing: the lock must be complete"


def test_the_installed_environment_matches_the_lock():
    from importlib.metadata import PackageNotFoundError, version

    locked = lock.read_lock(ROOT / "requirements.lock")
    differ = []
    for name in ("numpy", "pandas", "matplotlib", "jupyterlab", "ipywidgets", "nbval", "jupyterhub"):
        try:
            have = version(name)
        except PackageNotFoundError:
            have = "absent"
        if have != locked[name][0][0]:
            differ.append(f"{name} {have} (lock {locked[name][0][0]})")
    assert not differ, "this environment was not installed from the lock (./kit does): " + ", ".join(differ)


def test_extras_split_library_from_notebook_side():
    project = _project()
    core = {_split(d)[0] for d in project["dependencies"]}
    assert not core & {"jupyterlab", "voila", "ipywidgets", "notebook", "jupyterhub"}, \
        "pip install coordkit is the library and CLI only"
    lab = {_split(d)[0] for d in lock.requirements(("lab",), ROOT)}
    assert {"jupyterlab", "voila", "ipywidgets"} <= lab
    assert {_split(d)[0] for d in lock.requirements(("widgets",), ROOT)} - core == {"ipywidgets"}
    hub = {_split(d)[0] for d in project["optional-dependencies"]["hub"]}
    assert {"jupyterhub", "nbgitpuller"} <= hub
    test = {_split(d)[0] for d in lock.requirements(("test",), ROOT)}
    assert lab | hub <= test
    assert project["scripts"]["coordkit"] == "coordkit.cli:main"


def test_jupyterlab_and_ipywidgets_are_pinned_together():
    # Moved from [project].dependencies to the lab and widgets extras (issue 20): same ranges.
    pip = dict(_split(d) for d in lock.requirements(("lab",), ROOT))
    assert pip["jupyterlab"] == ">=4.1,<5"
    assert pip["ipywidgets"] == ">=8.1,<9"


def test_version_has_one_source():
    project = _project()
    assert "version" not in project and "version" in project["dynamic"]
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["hatch"]["version"]
    assert config == {"path": "coordkit/__init__.py"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", coordkit.__version__)
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert str(citation["version"]) == coordkit.__version__, "CITATION.cff names another version"


def test_require_is_silent_when_new_enough_and_one_friendly_line_when_not(capsys):
    coordkit.require("0.1")
    coordkit.require(coordkit.__version__)
    coordkit.require("0.2.0")
    assert capsys.readouterr() == ("", "")
    coordkit.require("0.2.1rc1" if coordkit.__version__ == "0.2.0" else "99")
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"{coordkit.__version__} is installed" in err
    assert 'pip install --upgrade "coordkit[lab]"' in err


@pytest.mark.parametrize("bad", ["", "latest", "v", ">=0.2"])
def test_require_refuses_what_is_not_a_version(bad):
    with pytest.raises(ValueError, match="not a version number"):
        coordkit.require(bad)


def test_notebooks_that_state_a_version_state_one_this_kit_meets():
    import json

    for path in sorted(ROOT.glob("notebooks/*.ipynb")) + sorted(ROOT.glob("exercises/**/*.ipynb")):
        cells = [c for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code"]
        source = "".join(cells[0]["source"]) if cells else ""
        for wanted in re.findall(r"coordkit\.require\(\s*['\"]([^'\"]+)['\"]", source):
            assert coordkit._release(wanted) <= coordkit._release(coordkit.__version__), path.name


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


_FROM_WHEEL = r"""
import importlib.resources, json, sys
import coordkit, coordkit.data as data
files = importlib.resources.files("coordkit")
folder = files / "_data"
names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".csv"))
rows = {}
for name in names:
    data.validate(name)
    rows[name] = len(data.load(name))
    assert (folder / (name + ".yml")).is_file(), name
templates = files / "templates"
print(json.dumps({"file": coordkit.__file__, "version": coordkit.__version__,
                  "data_dir": str(data.data_dir()), "names": names,
                  "listed": data.dataset_names(), "rows": rows,
                  "templates": sorted(p.name for p in templates.iterdir()) if templates.is_dir() else []}))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)], cwd=ROOT,
                   check=True, capture_output=True, text=True)
    (built,) = out.glob("coordkit-*.whl")
    return built


def test_wheel_holds_the_package_data_sidecars_and_templates_and_nothing_else(wheel):
    import zipfile

    assert wheel.name == f"coordkit-{coordkit.__version__}-py3-none-any.whl"
    names = set(zipfile.ZipFile(wheel).namelist())
    for data in sorted((ROOT / "data").glob("*.csv")):
        assert f"coordkit/_data/{data.name}" in names, data.name
        assert f"coordkit/_data/{data.name}.yml" in names, f"{data.name}.yml"
    for source in sorted((ROOT / "coordkit").rglob("*.py")):
        assert source.relative_to(ROOT).as_posix() in names, source.name
    templates = ROOT / "coordkit" / "templates"
    for template in sorted(templates.rglob("*")) if templates.is_dir() else []:
        if template.is_file() and "__pycache__" not in template.parts:
            assert template.relative_to(ROOT).as_posix() in names, template.name
    assert "coordkit/paths.py" in names
    assert not [n for n in names if n.startswith(("tests/", "notebooks/", "benchmarks/", ".venv/"))]
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    metadata = zipfile.ZipFile(wheel).read(f"coordkit-{coordkit.__version__}.dist-info/METADATA").decode()
    assert f"Version: {coordkit.__version__}" in metadata
    assert "Provides-Extra: lab" in metadata and "Provides-Extra: widgets" in metadata
    requires = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    assert not [r for r in requires if "jupyterlab" in r and "extra ==" not in r], "JupyterLab only in extras"
    entry_points = zipfile.ZipFile(wheel).read(f"coordkit-{coordkit.__version__}.dist-info/entry_points.txt")
    assert b"coordkit = coordkit.cli:main" in entry_points


def test_data_loads_from_an_installed_wheel(wheel, tmp_path):
    target = tmp_path / "site"
    uv = Path(sys.executable).with_name("uv")
    if uv.exists():
        cmd = [str(uv), "pip", "install", "--quiet", "--no-deps", "--offline", "--target", str(target)]
    else:
        cmd = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--target",
               str(target)]
    cmd.append(str(wheel))
    subprocess.run(cmd, check=True, capture_output=True, text=True)
    env = {"PYTHONPATH": str(target), "PATH": "", "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", _FROM_WHEEL], cwd=tmp_path, env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    import json

    seen = json.loads(out.stdout)
    assert Path(seen["file"]).is_relative_to(target), "imported the clone, not the wheel"
    assert Path(seen["data_dir"]) == target / "coordkit" / "_data"
    assert seen["version"] == coordkit.__version__
    want = sorted(p.name for p in (ROOT / "data").glob("*.csv"))
    assert seen["names"] == want and seen["listed"] == want
    assert all(count > 0 for count in seen["rows"].values()), seen["rows"]
    templates = ROOT / "coordkit" / "templates"
    if templates.is_dir():
        assert seen["templates"] == sorted(p.name for p in templates.iterdir() if p.name != "__pycache__")


def test_the_documented_nbgitpuller_links_are_the_ones_the_hub_test_follows():
    from urllib.parse import parse_qs, urlsplit

    from tests.hub.classroom import nbgitpuller_link

    want = urlsplit(nbgitpuller_link("https://YOUR-HUB", "https://github.com/coordkit/coordkit",
                                     "notebooks/00_start_here.ipynb"))
    for doc in ("README.md", "docs/lecturer_guide.md"):
        links = re.findall(r"https://YOUR-HUB/hub/user-redirect/git-pull\?[^`\s)]+", (ROOT / doc).read_text())
        assert links, f"{doc} has no nbgitpuller link"
        for link in links:
            got = urlsplit(link)
            assert (got.path, parse_qs(got.query)) == (want.path, parse_qs(want.query)), f"{doc}: {link}"
            assert parse_qs(got.query)["branch"] == ["main"]
    assert (ROOT / "notebooks" / "00_start_here.ipynb").exists()


def test_the_kit_installs_compiled_so_a_kernel_need_not_compile_at_start():
    # uv compiles nothing by default and no installer compiles an editable package: without both,
    # a kernel that may not write .pyc (PYTHONDONTWRITEBYTECODE, a read-only image) spends 1.5 s of
    # CPU compiling matplotlib and the kit at every start, 0.6 s with them
    kit = (ROOT / "kit").read_text(encoding="utf-8")
    install = next(line for line in kit.splitlines() if '"$VENV/bin/uv" pip install' in line)
    assert "--compile-bytecode" in install
    assert re.search(r'^\s*"\$PY" -m compileall -q coordkit\b', kit, re.M), "setup compiles the kit"
    assert re.search(r"^python -m compileall -q coordkit$", (ROOT / "postBuild").read_text(), re.M)


@pytest.mark.skipif(not (Path(sys.prefix) / ".installed").exists(), reason="an environment ./kit installed")
def test_the_environment_kit_installed_holds_bytecode_for_what_a_kernel_loads():
    import matplotlib.figure

    import coordkit.widgets._base

    for module in (matplotlib.figure, coordkit.widgets._base):
        assert Path(importlib.util.cache_from_source(module.__file__)).exists(), module.__name__
