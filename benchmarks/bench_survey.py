"""Questionnaire benchmarks: the class report (synthetic class and 5,000 respondents), reading a large
file, and the questionnaire widget's update (compute + redraw)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks._harness import Result, median_seconds


def _seconds(func, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def run() -> list[Result]:
    from coordkit.class_report import write_report
    from coordkit.data import data_dir
    from coordkit.survey import synthetic_class
    from coordkit.survey_io import read_responses, responses_csv
    from coordkit.widgets.survey import ClassExplorer, SurveyForm

    folder = Path(tempfile.mkdtemp())
    synthetic = data_dir() / "synthetic_class.csv"
    big = folder / "big.csv"
    big.write_text(responses_csv(synthetic_class(size=5000)), encoding="utf-8")

    def report_for(path: Path) -> None:
        result = read_responses(path, group_columns=["team"])
        write_report(result, folder / "report.html", group_column="team")

    form = SurveyForm()
    slider = form.sliders["now_D1H"]
    state = {"k": 0}

    def move_slider() -> None:
        slider.value = (20, 25, 30)[state["k"] % 3]
        state["k"] += 1

    explorer = ClassExplorer(read_responses(synthetic, group_columns=["team", "role"]))

    def move_min_group() -> None:
        explorer.min_group.value = 3 + state["k"] % 5
        state["k"] += 1

    return [
        Result("class report, synthetic class (60 respondents, read + write)",
               _seconds(lambda: report_for(synthetic)), "s", 5),
        Result("class report, 5,000 respondents (read + write)", _seconds(lambda: report_for(big)), "s", 15),
        Result("read 5,000-respondent file", _seconds(lambda: read_responses(big), repeat=5), "s", 2),
        Result("survey form update, compute + redraw", median_seconds(move_slider, repeat=31), "s", 0.1),
        Result("class explorer update, compute + redraw", median_seconds(move_min_group, repeat=15), "s",
               0.1),
    ]
