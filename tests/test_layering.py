"""The import layering of the kit (the shape in the project's architecture notes), kept by a test.

Data flows one way: core -> params/data -> models -> policy and instruments -> views -> explorers
-> notebooks. Each module of ``coordkit`` belongs to one layer (by its dotted name, longest prefix
first), and each layer may import only the layers listed for it. Every import counts: at the top
of a module, inside a function (lazy) or under ``TYPE_CHECKING``, because each is a dependency a
reader has to know about.

A new module must be given a layer here: the test names any module it cannot place.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "coordkit"

#: Module (dotted name, without "coordkit.") -> layer. Longest matching prefix wins.
LAYER_OF: dict[str, str] = {
    "": "package",  # coordkit/__init__.py: re-exports the core
    "modes": "core", "profile": "core", "balance": "core", "configuration": "core",
    "archetypes": "core",  # named illustrative profiles: core vocabulary, no files, no screens
    "params": "params",
    "paths": "base",  # where user files go (deploy): imports nothing of the kit
    "text": "base",  # forgiving text comparison: imports nothing of the kit
    "terms": "vocabulary",  # the glossary: the kit's vocabulary, as text and (via html) as HTML
    "html": "html",  # the Jinja2 environment: imports nothing of the kit
    "data": "data",
    "models": "models",
    "history": "policy", "scenarios": "policy", "audit": "policy", "codings": "policy",
    "survey": "instruments", "survey_io": "instruments",
    "plots": "views",
    "tables": "views",  # tables shown in full or folded behind an expander (HTML display)
    "widgets": "explorers",
    "exercises": "feedback",
    "cli": "face", "class_report": "face",
}

_BASE = {"base", "params", "html"}
#: Layer -> the layers it may import (its own layer is always allowed).
MAY_IMPORT: dict[str, set[str]] = {
    "package": {"core", "base", "vocabulary"},  # ck.glossary() is vocabulary
    "vocabulary": {"base", "html"},
    "core": {"params", "base"},
    "params": set(),
    "base": set(),
    "html": {"base"},
    "data": {"params", "base"},
    "models": {"package", "core"} | _BASE,
    "policy": {"package", "core", "models", "data"} | _BASE,
    "instruments": {"package", "core", "data"} | _BASE,
    "views": {"package", "core", "models", "data", "policy", "instruments"} | _BASE,
    "explorers": {"package", "core", "models", "data", "policy", "instruments", "views"} | _BASE,
    "feedback": {"package", "core", "models", "data", "policy", "instruments"} | _BASE,
    "face": {"package", "core", "data", "policy", "instruments", "views"} | _BASE,
}

#: Imports that break the rule above on purpose, each with its reason: (importer, imported) -> why.
ALLOWED: dict[tuple[str, str], str] = {}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every coordkit module ``path`` imports, resolving relative and ``from coordkit import x``."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            # from coordkit import data -> coordkit.data; from coordkit import Profile -> coordkit
            modules = {f"{target}.{alias.name}" for alias in node.names}
            modules = {m for m in modules if _is_module(m)}
            found.update(modules)
            if len(modules) < len(node.names):
                found.add(target)
    return {name for name in found if name == "coordkit" or name.startswith("coordkit.")}


def _is_module(dotted: str) -> bool:
    path = ROOT.joinpath(*dotted.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def layer(dotted: str) -> str | None:
    """The layer of a coordkit module (``coordkit.x.y``), or None if it has none yet."""
    name = dotted.removeprefix("coordkit").removeprefix(".")
    for prefix in sorted(LAYER_OF, key=len, reverse=True):
        if name == prefix or (prefix and name.startswith(prefix + ".")):
            return LAYER_OF[prefix]
    return None


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer():
    unplaced = [_module_name(p) for p in MODULES if layer(_module_name(p)) is None]
    assert not unplaced, f"give these modules a layer in LAYER_OF (tests/test_layering.py): {unplaced}"


@pytest.mark.parametrize("path", MODULES, ids=_module_name)
def test_imports_follow_the_layers(path):
    importer = _module_name(path)
    mine = layer(importer)
    bad = []
    for imported in sorted(_imports(path)):
        theirs = layer(imported)
        if theirs is None or theirs == mine or theirs in MAY_IMPORT[mine]:
            continue
        if (importer, imported) not in ALLOWED:
            bad.append(f"{imported} ({theirs})")
    assert not bad, f"{importer} ({mine}) may not import: {', '.join(bad)}"


def test_the_import_reader_sees_every_kind_of_import(tmp_path, monkeypatch):
    # The rule is only as good as the reader: check it on lazy, relative, TYPE_CHECKING imports.
    pkg = tmp_path / "coordkit"
    (pkg / "plots").mkdir(parents=True)
    for name in ("__init__.py", "data.py", "plots/__init__.py", "plots/style.py"):
        (pkg / name).write_text("")
    (pkg / "plots" / "x.py").write_text(
        "from typing import TYPE_CHECKING\nfrom . import style\nif TYPE_CHECKING:\n"
        "    from coordkit.widgets import y\ndef f():\n    from coordkit import data\n"
        "    import coordkit.models.agents\n")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert _imports(pkg / "plots" / "x.py") == {
        "coordkit.plots.style", "coordkit.widgets", "coordkit.data", "coordkit.models.agents"}


def test_the_layer_rules_catch_a_view_in_the_core():
    assert layer("coordkit.plots.profile") == "views" and layer("coordkit.survey.read") == "instruments"
    assert "views" not in MAY_IMPORT["core"] and "explorers" not in MAY_IMPORT["models"]
    assert "views" not in MAY_IMPORT["models"] and "explorers" not in MAY_IMPORT["views"]
    assert not {"data", "policy", "views", "explorers"} & MAY_IMPORT["core"]


def test_every_allowed_exception_is_real_and_justified():
    for (importer, imported), why in ALLOWED.items():
        assert len(why) > 20, f"say why {importer} may import {imported}"
        path = PACKAGE.joinpath(*importer.split(".")[1:])
        path = path.with_suffix(".py") if path.with_suffix(".py").exists() else path / "__init__.py"
        assert imported in _imports(path), f"stale exception: {importer} no longer imports {imported}"


HEAVY = ("matplotlib", "seaborn", "mpltern", "ipywidgets", "IPython", "pandas", "jinja2", "openpyxl")


def test_the_core_params_and_models_load_without_heavy_libraries():
    light = ["coordkit", "coordkit.modes", "coordkit.profile", "coordkit.balance",
             "coordkit.configuration", "coordkit.archetypes", "coordkit.params",
             "coordkit.models.dynamics", "coordkit.models.agents"]
    code = (f"import sys\nfor m in {light!r}: __import__(m)\n"
            f"print(sorted(set({HEAVY!r}) & {{m.split('.')[0] for m in sys.modules}}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT)
    assert out.stdout.strip() == "[]", f"heavy libraries loaded by the core: {out.stdout}"
