"""User files go to a writable folder: the current one when possible, else home; never the package."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import coordkit
from coordkit import paths
from coordkit.paths import user_folder, user_path


@pytest.fixture
def home(tmp_path, monkeypatch):
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    return folder.resolve()


def test_writable_current_folder_is_used(tmp_path, home, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert user_path("my_answers.csv") == tmp_path.resolve() / "my_answers.csv"


def test_nothing_is_created_or_left_behind(tmp_path, home):
    before = sorted(tmp_path.iterdir())
    target = user_path("report.html", folder=tmp_path)
    assert not target.exists()
    assert sorted(tmp_path.iterdir()) == before


def test_the_package_folder_is_never_chosen(home, monkeypatch):
    package = Path(coordkit.__file__).resolve().parent
    assert user_path("a.csv", folder=package) == home / "a.csv"
    monkeypatch.chdir(package)
    assert user_path("a.csv") == home / "a.csv"
    assert user_path("a.csv", folder=package / "survey") == home / "a.csv"


def test_the_python_environment_is_never_chosen(home):
    assert user_path("a.csv", folder=sys.prefix) == home / "a.csv"


def test_a_missing_folder_falls_back_to_home_under_the_bare_name(tmp_path, home):
    assert user_path("week3/a.csv", folder=tmp_path) == home / "a.csv"
    (tmp_path / "week3").mkdir()
    assert user_path("week3/a.csv", folder=tmp_path) == tmp_path.resolve() / "week3" / "a.csv"


def test_unique_names_never_overwrite(tmp_path, home):
    (tmp_path / "codings.csv").write_text("x")
    (tmp_path / "codings-2.csv").write_text("x")
    assert user_path("codings.csv", folder=tmp_path).name == "codings.csv"
    assert user_path("codings.csv", folder=tmp_path, unique=True).name == "codings-3.csv"
    assert user_path("notes", folder=tmp_path, unique=True).name == "notes"


@pytest.mark.parametrize("bad", ["", "   ", ".", "..", "answers/"])
def test_a_name_that_is_not_a_file_is_refused(bad):
    with pytest.raises(ValueError, match="file name is needed"):
        user_path(bad)


def test_no_writable_folder_says_which_were_tried(tmp_path, home, monkeypatch):
    monkeypatch.setattr(paths, "_writable", lambda folder: False)
    with pytest.raises(PermissionError) as error:
        user_folder(tmp_path)
    assert str(tmp_path.resolve()) in str(error.value)
    assert str(home) in str(error.value)


def test_probe_says_no_for_a_file_and_a_missing_folder(tmp_path):
    (tmp_path / "f").write_text("x")
    assert not paths._writable(tmp_path / "f")
    assert not paths._writable(tmp_path / "missing")
    assert paths._writable(tmp_path)


@pytest.fixture
def read_only(tmp_path):
    """A folder nobody can write to, for real: chmod 555, or for root (CI), the immutable flag,
    because root may write through any permission bits."""
    folder = tmp_path / "course"
    folder.mkdir()
    (folder / "my_answers.csv").write_text("id\n")  # a file the lecturer shipped
    if os.geteuid() == 0:
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(folder)],
                                                            capture_output=True).returncode:
            pytest.skip("running as root without chattr +i: cannot make a folder read-only")
        undo = ["chattr", "-i", str(folder)]
    else:
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
        undo = None
    try:
        with pytest.raises(OSError):
            (folder / "probe").write_text("x")
        yield folder
    finally:
        if undo:
            subprocess.run(undo, check=True)
        folder.chmod(0o755)


def test_a_read_only_course_folder_sends_files_home(read_only, home, monkeypatch):
    monkeypatch.chdir(read_only)
    assert user_path("my_answers.csv") == home / "my_answers.csv"
    assert user_path("my_answers.csv", folder=read_only) == home / "my_answers.csv"
    (home / "my_answers.csv").write_text("id\n")
    assert user_path("my_answers.csv", unique=True) == home / "my_answers-2.csv"
    assert sorted(p.name for p in read_only.iterdir()) == ["my_answers.csv"]
