"""Questionnaire benchmarks: the class report (synthetic class and 5,000 respondents, from the kit's CSV
and from a Microsoft Forms .xlsx export), reading a large file, and the questionnaire widget's update
(compute + redraw; the class explorer both with an analysis it has kept and afresh)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks._harness import Result, Timing, median_seconds


def _seconds(func, repeat: int = 3) -> Timing:
    """Median of a few runs with no warm-up (each is long, and the first counts)."""
    return median_seconds(func, repeat=repeat, warmup=0)


def _msforms_export(size: int) -> bytes:
    """A Microsoft Forms .xlsx export of the kit's form, made as the test corpus makes them."""
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "tests" / "survey_corpus" / "build.py"
    spec = importlib.util.spec_from_file_location("corpus_build", path)
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    from coordkit.survey import synthetic_class

    return build._msforms(synthetic_class(seed=7, size=size))


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

    xlsx = folder / "big_msforms.xlsx"
    xlsx.write_bytes(_msforms_export(5000))

    def report_for(path: Path) -> None:
        result = read_responses(path, group_columns=["team"])
        write_report(result.anonymised(), folder / "report.html", group_column="team")

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

    def move_min_group_first() -> None:  # no analysis kept: a state never seen (the worst case)
        explorer._analyses.clear()
        move_min_group()

    return [
        Result("class report, synthetic class (60 respondents, read + write)",
               _seconds(lambda: report_for(synthetic)), "s", 5),
        Result("class report, 5,000 respondents (read + write)", _seconds(lambda: report_for(big)), "s", 15),
        Result("class report, 5,000 respondents from a Microsoft Forms .xlsx (read + write)",
               _seconds(lambda: report_for(xlsx)), "s", 5),
        Result("read 5,000-respondent file", _seconds(lambda: read_responses(big), repeat=5), "s", 2),
        Result("read 5,000-respondent Microsoft Forms .xlsx", _seconds(lambda: read_responses(xlsx)), "s", 3),
        Result("survey form update, compute + redraw", median_seconds(move_slider, repeat=31), "s", 0.1),
        Result("class explorer update, compute + redraw (groups shown seen before)",
               median_seconds(move_min_group, repeat=15), "s", 0.1),
        Result("class explorer update, compute + redraw (first view: analysed afresh)",
               median_seconds(move_min_group_first, repeat=15), "s", 0.1),
    ]
