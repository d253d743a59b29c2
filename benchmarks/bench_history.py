"""History widgets: median update time of each, including the redraw (goal < 0.1 s).

The timeline explorer and performance viewer cache the states they have drawn, so each is timed
twice: "first view" clears the cache before every move (a state never seen before: the honest
worst case), "revisit" moves between states already drawn. The recoder redraws only what a
recoding changes (blitting) and is timed moving a push slider, the profile year and the reform,
and a push slider in the app layout.
"""

from __future__ import annotations

import itertools

from benchmarks._harness import Result, median_seconds

GOAL = 0.1  # seconds, including redraw


def run() -> list[Result]:
    from coordkit.history import ERA_LABELS
    from coordkit.widgets.history import PerformanceViewer, RecodeExplorer, TimelineExplorer

    timeline = TimelineExplorer()
    era_choices = itertools.cycle([ERA_LABELS, ERA_LABELS[2:5], ("new labour",), ERA_LABELS[4:]])
    directions = itertools.cycle(["up", "down", "any"])
    boxes = itertools.cycle(list(timeline.mode_boxes.values()))

    def timeline_first_view() -> None:
        timeline._cache.clear()
        timeline.eras.value = next(era_choices)

    def timeline_revisit() -> None:
        timeline.direction.value = next(directions)

    def timeline_mode_box() -> None:
        timeline._cache.clear()
        box = next(boxes)
        box.value = not box.value

    viewer = PerformanceViewer()
    series = itertools.cycle([value for _, value in viewer.series.options])
    reform_modes = itertools.cycle([value for _, value in viewer.reform_mode.options])

    def viewer_first_view() -> None:
        viewer._cache.clear()
        viewer._selections.clear()
        viewer.series.value = next(series)

    def viewer_revisit() -> None:
        viewer.series.value = next(series)

    def viewer_reform_filter() -> None:
        viewer._cache.clear()
        viewer._selections.clear()
        viewer.reform_mode.value = next(reform_modes)

    recoder = RecodeExplorer()
    pushes = itertools.cycle([0, 1, 2, -1, -2])
    years = itertools.cycle([2025, 1990, 2005, 2015])
    reforms = itertools.cycle(["nhs_plan_2000", "health_social_care_act_2012", "griffiths_inquiry_1983"])

    def recode_push() -> None:
        recoder.sliders["individualism"].value = next(pushes)

    def recode_year() -> None:
        recoder.year.value = next(years)

    def recode_reform() -> None:
        recoder.reform.value = next(reforms)

    app_recoder = RecodeExplorer().as_app(presenter=True)  # as apps/ shows it (18 px text, fitted)
    app_pushes = itertools.cycle([0, 1, 2, -1, -2])

    def recode_push_app() -> None:
        app_recoder.sliders["individualism"].value = next(app_pushes)

    cases = [
        ("timeline explorer, era filter (first view)", timeline_first_view, 15),
        ("timeline explorer, mode box (first view)", timeline_mode_box, 15),
        ("timeline explorer, revisit", timeline_revisit, 31),
        ("performance viewer, series (first view)", viewer_first_view, 15),
        ("performance viewer, reform filter (first view)", viewer_reform_filter, 15),
        ("performance viewer, revisit", viewer_revisit, 31),
        ("recoder, push slider", recode_push, 31),
        ("recoder, profile year", recode_year, 31),
        ("recoder, choose reform", recode_reform, 31),
        ("recoder (app layout), push slider", recode_push_app, 31),
    ]
    return [Result(name, median_seconds(move, repeat=repeat), "s", GOAL) for name, move, repeat in cases]
