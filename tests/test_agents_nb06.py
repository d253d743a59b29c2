"""Notebook 06's prose on the suppression threshold: every number it states, recomputed here."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from coordkit.models.agents import (
    AgentLevers,
    Structure,
    configurations_by_level,
    monoculture_threshold,
    simulate,
    suppressed_monocultures,
    sweep,
)

NB06 = Path(__file__).resolve().parents[1] / "notebooks" / "06_fractal_systems.ipynb"


def _cell(starting: str) -> str:
    cells = json.loads(NB06.read_text(encoding="utf-8"))["cells"]
    found = [" ".join("".join(c["source"]).split()) for c in cells
             if c["cell_type"] == "markdown" and starting in " ".join("".join(c["source"]).split())]
    assert len(found) == 1, f"notebook 06 has {len(found)} markdown cells with {starting!r}"
    return found[0]


@pytest.fixture(scope="module")
def at_three():
    structure = Structure()
    balance, _ = sweep(structure, AgentLevers(), "suppression", [3.0], [0, 1, 2])
    _, shares = monoculture_threshold(structure, AgentLevers(), [3.0], [0, 1, 2])
    return balance[0, :, 0].mean(), shares[0]


def test_the_threshold_and_the_two_measures_beside_it(at_three):
    prose = _cell("Team evenness holds up at low suppression")
    assert "falls away past a threshold of about 3" in prose
    threshold, _ = monoculture_threshold(Structure(), AgentLevers(), [2.5, 2.75, 3.0, 3.25, 3.5],
                                         [0, 1, 2])
    assert threshold == 3.0
    evenness, shares = at_three
    assert "at suppression 3 more than half the teams are labelled monocultures" in prose
    assert shares.mean() > 0.5
    assert "team evenness is still about 0.93" in prose and round(float(evenness), 2) == 0.93
    # "a team so labelled can still be 0.9 even"
    run = simulate(Structure(), AgentLevers(suppression=3.0), seed=0)
    teams = configurations_by_level(run)["team"]
    even = run.balance("team", step=-1)
    labelled = np.array([name.endswith("monoculture") for name in teams])
    assert "can still be 0.9 even" in prose and even[labelled].max() >= 0.9


def test_the_lasting_monocultures_are_shown_well_past_the_threshold():
    assert "This is suppression 5, well past the threshold" in _cell("Small differences grow")
    assert suppressed_monocultures().suppression == 5.0


def test_section_1s_heading_names_what_its_figure_title_names():
    """Student review (issue 19, finding 11): the heading said "built of monoculture teams" and the figure's
    title "built of unevenly mixed teams"; the two now name the teams alike, in the stored output and in a
    fresh run of the same cell."""
    from coordkit.models import agents
    from coordkit.models.agents import fractal_verdict

    cells = json.loads(NB06.read_text(encoding="utf-8"))["cells"]
    k = next(i for i, c in enumerate(cells) if "".join(c["source"]).startswith("## 1. "))
    heading = "".join(cells[k]["source"]).splitlines()[0].removeprefix("## 1. ").removesuffix(" *(core)*")
    assert heading == "An evenly mixed nation built of monoculture teams"
    figure = next(c for c in cells[k:]
                  if c["cell_type"] == "code" and "agents_figure(" in "".join(c["source"]))
    shown = " ".join("".join(o.get("text", "")) + "".join(o.get("data", {}).get("text/plain", ""))
                     for o in figure["outputs"])
    assert f"{heading}:" in shown and "unevenly mixed" not in shown
    structure = agents.Structure()
    run = agents.simulate(structure, agents.balanced_nation_of_monocultures(structure), seed=0)
    assert fractal_verdict(run).startswith(f"{heading}:")
