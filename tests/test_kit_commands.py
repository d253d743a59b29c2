"""The ``./kit`` pass-through: the commands the README and plans give work from a new terminal."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from coordkit.cli import CODE_ALPHABET, main, respondent_codes

ROOT = Path(__file__).resolve().parents[1]
KIT = ROOT / "kit"
DOCS = [ROOT / "README.md", ROOT / "docs" / "session_plans.md", ROOT / "docs" / "lecturer_guide.md"]


def _new_terminal_env() -> dict[str, str]:
    """A shell's environment with no virtual environment active and the kit's .venv off PATH."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    venv_bin = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p != venv_bin)
    return env


def _kit(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(KIT), *args], cwd=cwd, env=_new_terminal_env(), capture_output=True,
                          text=True, timeout=300, check=False)


@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "coordkit").exists(), reason="needs the kit's .venv")
def test_kit_report_runs_from_another_folder_with_paths_relative_to_it(tmp_path):
    made = _kit("synthetic", "-o", "class.csv", "--size", "12", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "class.csv").exists(), "the file was not written where ./kit was run from"
    done = _kit("report", "class.csv", "-o", "report.html", "--quiet", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "wrote report.html (12 respondents)" in done.stdout
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "coordkit").exists(), reason="needs the kit's .venv")
def test_kit_codes_prints_n_distinct_codes_and_a_bad_n_is_a_message(tmp_path):
    done = _kit("codes", "200", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    codes = done.stdout.split()
    assert len(codes) == 200 and len(set(codes)) == 200
    assert all(re.fullmatch(f"[{CODE_ALPHABET}]{{5}}", c) for c in codes)
    bad = _kit("codes", "0", cwd=tmp_path)
    assert bad.returncode == 2 and "N must be at least 1; got 0" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_codes_cli_writes_a_file_and_never_overwrites_one(tmp_path, capsys):
    out = tmp_path / "codes.txt"
    assert main(["codes", "30", "-o", str(out)]) == 0
    lines = out.read_text().splitlines()
    assert len(lines) == 30 and len(set(lines)) == 30
    assert main(["codes", "30", "-o", str(out)]) == 1
    assert "exists" in capsys.readouterr().err
    assert out.read_text().splitlines() == lines


def test_codes_are_drawn_fresh_each_time_and_avoid_misreadable_characters():
    assert respondent_codes(50) != respondent_codes(50)
    assert not set("".join(respondent_codes(500))) & set("0O1IL5S2Z")
    with pytest.raises(ValueError, match="too many"):
        respondent_codes(10000, length=3)


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_docs_give_every_lecturer_command_through_the_kit(doc):
    text = doc.read_text(encoding="utf-8")
    commands = "report|codings|template|forms|synthetic|codes"
    bare = re.findall(rf"(?<![./\w-])coordkit (?:{commands})\b.{{0,30}}", text)
    # the one sentence saying what the commands are called once .venv is active is allowed
    bare = [b for b in bare if "and so on" not in b]
    assert not bare, f"{doc.name}: commands a new terminal cannot run: {bare}"
    assert "python -m coordkit.exercises.lms" not in text, f"{doc.name}: use ./kit quizzes"


def test_the_kit_help_lists_the_pass_through_commands():
    done = subprocess.run([str(KIT), "help"], capture_output=True, text=True, timeout=30, check=False)
    assert done.returncode == 0
    for name in ("report", "codings", "codes", "quizzes"):
        assert f"./kit {name}" in done.stdout or f"|{name}" in done.stdout, name


_APP_OPTIONS = ("--class-folder", "--group-column", "--port", "--dry-run", "--help", "--Voila.")


def test_kit_app_help_lists_every_option_without_starting_anything(tmp_path):
    # the lecturer (issue 18): ./kit app --help printed Voila's help, not the app's options
    done = _kit("app", "--help", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: ./kit app")
    for option in _APP_OPTIONS:
        assert option in done.stdout, option
    handled = re.findall(r"^\s+(-[-\w|=*.]+)\)", KIT.read_text(encoding="utf-8").split("  app)", 1)[1]
                         .split("\n    ;;\n", 1)[0], re.M)
    assert len(handled) >= 6, handled  # every option the script handles is in the help
    for case in handled:
        for option in case.replace("=*", "").split("|"):
            if option != "--*.*":
                assert option in done.stdout, option


def test_kit_app_takes_its_options_in_any_order(tmp_path):
    (tmp_path / "exports").mkdir()
    orders = [("--group-column", "seminar", "--class-folder", "exports", "--port", "9001", "--dry-run"),
              ("--dry-run", "--port=9001", "--class-folder=exports", "--group-column=seminar")]
    for args in orders:
        done = _kit("app", *args, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert f"class folder: {(tmp_path / 'exports').resolve()}" in done.stdout  # relative to where it ran
        assert "group columns: seminar" in done.stdout and "port: 9001" in done.stdout
    bad = _kit("app", "--group-colum", "x", cwd=tmp_path)
    assert bad.returncode == 2 and "unknown option '--group-colum'" in bad.stderr and "usage:" in bad.stderr
    missing = _kit("app", "--class-folder", "nowhere", "--dry-run", cwd=tmp_path)
    assert missing.returncode == 2 and "no such folder" in missing.stderr
