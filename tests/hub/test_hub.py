"""A class of 20 on a real JupyterHub: each logs in, pulls the kit with the lecturer's nbgitpuller
link (``&branch=main``), builds notebook 01's explorer and saves notebook 02's answers.

To keep ./kit test fast on two cores, each student runs both in one kernel, opened on notebook 02
(whose folder the answers are saved from); the two notebooks share that folder.
"""

from __future__ import annotations

import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.hub.classroom import PROFILE_EXPLORER_CODE, REPO_NAME, save_answers_code

STUDENTS = [f"student{n:02d}" for n in range(1, 21)]
NB01 = "notebooks/01_coordination_theory.ipynb"
NB02 = "notebooks/02_diagnose_your_organisation.ipynb"


def test_twenty_students_pull_the_kit_and_run_notebooks_01_and_02(room, repo):
    room.create_users(STUDENTS)

    def one(name: str):
        code = PROFILE_EXPLORER_CODE + "\n" + save_answers_code("S" + name[-2:])
        return room.student(name, repo, NB02, code)

    with ThreadPoolExecutor(max_workers=len(STUDENTS)) as pool:
        outcomes = list(pool.map(one, STUDENTS))

    failed = [f"{o.name}: {o.error}" for o in outcomes if not o.ok]
    assert not failed, "\n".join(failed) + "\n--- hub log ---\n" + room.log_tail()
    for outcome in outcomes:
        home = (room.homes / outcome.name).resolve()
        pulled = home / REPO_NAME
        assert (pulled / NB02).is_file() and (pulled / ".git").is_dir(), outcome.name
        lines = dict(line.split(" ", 1) for line in outcome.output.splitlines() if " " in line)
        assert lines.get("CONFIGURATION"), outcome.output
        saved = Path(lines["SAVED"])
        assert saved.is_relative_to(home), f"{outcome.name} saved outside their home: {saved}"
        assert saved.is_file() and lines["ROWS"] == "1"
        assert f"S{outcome.name[-2:]}" in saved.read_text(encoding="utf-8")
        assert outcome.comm_opens > 0, "the widgets opened no comms: no widget models reached the front end"
    # every server is still up, and each student sees only their own files
    for name in STUDENTS:
        listing = room.user_api("GET", name, f"/contents/{REPO_NAME}/notebooks")
        names = {item["name"] for item in listing["content"]}
        assert Path(NB02).name in names
    explorers = {o.output.split("SAVED")[0] for o in outcomes}
    assert len(explorers) == 1, "every student's explorer starts the same"
    assert (room.homes / STUDENTS[0] / REPO_NAME / NB01).is_file()


def test_a_second_pull_of_the_link_merges_instead_of_failing(room, repo):
    """Week 2: the lecturer pushes a change; following the same link again updates the clone."""
    room.create_users(["returning"])
    first = room.student("returning", repo, NB01)
    assert first.ok, first.error
    (room.origin / "WEEK2.md").write_text("week 2 notes\n")
    subprocess.run(["git", "-C", str(room.origin), "add", "WEEK2.md"], check=True)
    subprocess.run(["git", "-C", str(room.origin), "-c", "user.name=lecturer", "-c",
                    "user.email=lecturer@example.org", "commit", "-q", "-m", "week 2"], check=True)
    second = room.student("returning", repo, NB01)
    assert second.ok, second.error
    assert (room.homes / "returning" / REPO_NAME / "WEEK2.md").is_file()
