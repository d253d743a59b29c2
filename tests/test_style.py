"""Colours come from plots/style.py only, and every colour is readable: text >= 4.5:1, lines and
markers that carry meaning >= 3:1 against the figure backgrounds (WCAG 2.2, 1.4.3 and 1.4.11);
text in figures >= 8 pt at the stored size."""

from __future__ import annotations

import ast
import colorsys
import io
import re
import tokenize
from pathlib import Path

import matplotlib.colors as mc
import pytest
from matplotlib.figure import Figure

from coordkit.modes import ALL_MODES, Mode
from coordkit.plots import style
from coordkit.plots.style import (
    BACKGROUND,
    LINE_COLOURS,
    PALETTE,
    PANEL,
    TEXT_COLOURS,
    TINTS,
    accessibility_problems,
    contrast,
)
from coordkit.plots.view import ProfileView
from coordkit.profile import Profile

ROOT = Path(__file__).resolve().parents[1]
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")


def test_contrast_matches_the_wcag_definition():
    assert contrast("black", "white") == pytest.approx(21.0)
    assert contrast("white", "white") == pytest.approx(1.0)
    assert contrast("#767676", "white") == pytest.approx(4.54, abs=0.01)  # the classic 4.5:1 grey
    assert contrast("#D55E00") == pytest.approx(3.87, abs=0.01)  # the annotation colour before
    assert contrast("#0072B2", "#F2F2F2") == contrast("#F2F2F2", "#0072B2")


@pytest.mark.parametrize("colour", TEXT_COLOURS)
@pytest.mark.parametrize("background", [BACKGROUND, PANEL, *TINTS.values()])
def test_every_text_colour_reads_at_4_5_to_1(colour, background):
    assert contrast(colour, background) >= 4.5, f"text {colour} on {background}"


@pytest.mark.parametrize("colour", LINE_COLOURS)
@pytest.mark.parametrize("background", [BACKGROUND, PANEL])
def test_every_line_and_marker_colour_reaches_3_to_1(colour, background):
    assert contrast(colour, background) >= 3.0, f"line {colour} on {background}"


def _hue(colour: str) -> tuple[float, float]:
    h, _, s = colorsys.rgb_to_hls(*mc.to_rgb(colour))
    return h * 360, s


def test_palette_keeps_okabe_ito_hues_and_never_relies_on_colour_alone():
    # Changed with issue 11: the palette was a subset of Okabe-Ito, but its orange (2.2:1) and
    # grey (2.8:1) were too faint for lines and markers. Now each colour is an Okabe-Ito hue
    # (grey for fatalism), darkened where needed, and all four stay distinct.
    assert len(set(PALETTE.values())) == 4
    for mode, colour in PALETTE.items():
        hue, saturation = _hue(colour)
        if mode is Mode.FATALISM:
            assert saturation == 0, "fatalism is grey"
            continue
        assert min(abs(hue - _hue(o)[0]) for o in OKABE_ITO) < 2, f"{mode}: {colour} is not an Okabe-Ito hue"
    assert len(set(style.MARKERS.values())) == 4 and len(set(style.HATCHES.values())) == 4
    assert set(PALETTE) == set(ALL_MODES)


# ----- colours only from style.py -------------------------------------------------------------

HEX = re.compile(r"#[0-9A-Fa-f]{6}\b|#[0-9A-Fa-f]{3}\b")
NAMED = {*mc.CSS4_COLORS, *mc.TABLEAU_COLORS, *mc.XKCD_COLORS} - {"black", "white", "none"}

#: Colour literals still written outside style.py, by file: the debt their owners are moving into
#: style.py (issue 11). A file may lose entries but not gain any; a file not listed may use none.
#: Pure "black", "white" and "none" are allowed everywhere (edges, knock-outs, no fill).
NOT_YET_FROM_STYLE: dict[str, set[str]] = {
    "coordkit/plots/survey.py": {"#000000", "#505050", "#555555", "#777777", "#B24A00"},
    # The coding sheet and report are rendered in the policy layer (coordkit.codings), which may not
    # import the views' style module; their greys are style's INK, MUTED and NEUTRAL, written out.
    "coordkit/templates/coding_sheet.html.j2": {"#222222", "#555555", "#595959"},
    "coordkit/templates/codings_report.html.j2": {"#222222", "#555555", "#595959"},
}


def colour_literals(path: Path) -> set[str]:
    """Hex colours and named colours written in a file's strings (a template: anywhere)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".py":
        return {h.upper() for h in HEX.findall(text)}
    found: set[str] = set()
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type != tokenize.STRING:
            continue
        try:
            value = ast.literal_eval(token.string)
        except (ValueError, SyntaxError):  # an f-string: read its text
            value = token.string
        if isinstance(value, str):
            found |= {h.upper() for h in HEX.findall(value)}
            if value.lower() in NAMED:
                found.add(value.lower())
    return found


SCANNED = sorted([*ROOT.glob("coordkit/plots/*.py"), *ROOT.glob("coordkit/widgets/*.py"),
                  *ROOT.glob("coordkit/templates/**/*.j2"), ROOT / "coordkit/class_report.py",
                  *ROOT.glob("coordkit/plots/**/*.py")])


@pytest.mark.parametrize("path", sorted(set(SCANNED) - {ROOT / "coordkit/plots/style.py"}),
                         ids=lambda p: p.relative_to(ROOT).as_posix())
def test_colours_come_from_style(path):
    name = path.relative_to(ROOT).as_posix()
    new = colour_literals(path) - NOT_YET_FROM_STYLE.get(name, set())
    assert not new, f"{name}: use a colour from coordkit.plots.style, not {sorted(new)}"


def test_the_scanner_finds_literals(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text('a = "#ABCDEF"\nb = f"color:#abc;"\nc = "tab:blue"\nd = "black"  # "#000000"\n')
    assert colour_literals(sample) == {"#ABCDEF", "#ABC", "tab:blue"}


@pytest.mark.parametrize("text", ["text", "muted"])
@pytest.mark.parametrize("background", ["header", "note", "warn"])
def test_the_report_page_text_reads_on_its_tints(text, background):
    page = style.PAGE_COLOURS
    assert contrast(page[text], page[background]) >= 4.5, f"{text} on {background}"
    assert contrast(page[text], BACKGROUND) >= 4.5


def test_the_class_report_takes_its_colours_from_style():
    # issue 11: the report's CSS had eleven colour literals of its own; now it declares style's
    # PAGE_COLOURS as CSS variables and uses only those
    from coordkit.class_report import render_report
    from coordkit.survey import synthetic_class

    css = re.search(r"<style>(.*?)</style>", render_report(synthetic_class(size=8), date="2026-01-01"),
                    re.S).group(1)
    declared = dict(re.findall(r"--([a-z-]+):(#[0-9A-Fa-f]{6});", css))
    assert declared == style.PAGE_COLOURS
    used = set(re.findall(r"var\(--([a-z-]+)\)", css))
    assert used == set(declared), "every page colour is used, and only those"
    assert HEX.findall(re.sub(r":root\{[^}]*\}", "", css)) == [], "no colour written in the rules"


# ----- drawn figures ----------------------------------------------------------------------------

def test_the_profile_figure_is_readable_at_its_stored_size():
    for view in (ProfileView(Profile(0.9, 0.8, 0.2, 0.3, malign_hierarchy=0.5), ticks=True),
                 ProfileView(Profile(1, 1, 1, 0))):
        fig = view.figure()
        fig.canvas.draw()
        assert accessibility_problems(fig) == []


def test_the_figure_check_finds_small_text_and_faint_lines():
    fig = Figure()
    ax = fig.add_subplot()
    ax.plot([0, 1], color="#E69F00", label="faint")  # Okabe-Ito orange: 2.2:1
    ax.plot([0, 1], color=style.GUIDE)  # a guide: decoration, not checked
    ax.scatter([0], [0], color="#F0E442", edgecolors="black")  # a pale face with a black edge passes
    ax.text(0, 0, "tiny", fontsize=6, color=style.INK)
    ax.text(0, 0, "on yellow", color="white", bbox={"facecolor": "#F0E442"})
    problems = accessibility_problems(fig)
    assert problems == [
        "text 'tiny' is 6.0 pt (under 8 pt)",
        "text 'on yellow' has contrast 1.32:1 (under 4.5:1)",
        "Line2D 'faint' has contrast 2.25:1 (under 3:1)",
    ]


def _history_figures():
    from coordkit import history
    from coordkit.plots import history as ph

    reforms, performance = history.load_reforms(), history.load_performance()
    kit = history.reform_pressure(reforms, half_life=10)
    mine = history.reform_pressure(history.recode(reforms, "nhs_act_1946", hierarchy=0), half_life=10)
    yield "timeline", ph.TimelineView(reforms)
    yield "timeline, one era", ph.TimelineView(reforms, eras="internal market")
    for series in ("ae_4hr", "rtt_waiting_list", "spending_growth_real"):
        yield f"performance {series}", ph.PerformanceView(performance, series, reforms)
    yield "pressure", ph.PressureView(kit, overlay=mine)
    yield "recode", ph.RecodeView(kit, mine, reform_year=1946.85)


@pytest.mark.parametrize("name, view", list(_history_figures()),
                         ids=lambda v: v if isinstance(v, str) else "")
def test_the_history_figures_are_readable_at_their_stored_size(name, view):
    fig = view.figure()
    fig.canvas.draw()
    assert accessibility_problems(fig) == [], name
