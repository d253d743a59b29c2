"""The class report read from a projector: large type on screen, figures first, one n explained."""

import re

import numpy as np
import pytest

from coordkit.class_report import render_report
from coordkit.survey import synthetic_class


@pytest.fixture(scope="module")
def html():
    return render_report(synthetic_class(), group_column="team", date="2026-01-01")


def _screen_css(html: str) -> str:
    css = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    return re.sub(r"@media print\{(?:[^{}]|\{[^{}]*\})*\}", "", css)


def test_screen_text_is_18_px_and_nothing_is_shrunk_outside_print(html):
    screen = _screen_css(html)
    assert re.search(r"body\{[^}]*font-size:18px", screen)
    # no rule outside print makes text smaller than the body (headings are larger)
    smaller = re.findall(r"([^{}]+)\{[^}]*font-size:(\.\d+|0\.\d+)em", screen)
    assert not smaller, f"text below 18 px on screen: {smaller}"
    assert re.search(r"@media print\{body\{font-size:11pt", html)
    assert "@page{size:A4" in html


def test_class_profile_opens_with_its_figure_and_folds_the_response_style_caveat(html):
    section = html[html.index("<h2>Class profile</h2>"):html.index("<h2>Every respondent</h2>")]
    assert section.index("<figure>") < section.index("<table>")
    assert section.index("<figure>") < section.index("Whole class: ")
    from coordkit.survey.synthetic import careless_respondents

    c = synthetic_class()
    flagged = set(np.array(c.ids)[c.styles().any])
    withheld = len(flagged)
    # 5 of the 6 made partly careless (S041 also a planted yea-sayer), the other yea-sayer S013, and 1
    # attentive respondent whose reversals fall short of mirrors (the generator's, not the instrument's;
    # 6 when 1.35 withheld, re-review 2, finding 2)
    careless = set(careless_respondents())
    assert (len(flagged & careless), "S013" in flagged, len(flagged - careless - {"S013"})) == (5, True, 1)
    fold = section.index(f'<details class="note"><summary><b>{withheld} respondents not classified: '
                         'response style.')
    assert fold > section.index("<table>")


def test_the_class_n_and_the_figure_n_are_explained_in_one_place(html):
    section = html[html.index("<h2>Class profile</h2>"):html.index("<h2>Every respondent</h2>")]
    withheld = int(synthetic_class().styles().any.sum())
    count = f"60 respondents, {60 - withheld} scored ({withheld} withheld: response style)"
    assert count == "60 respondents, 53 scored (7 withheld: response style)"
    assert f"Whole class: {count}, the same count as the figure" in section
    assert "The means below are over the 53 scored" in section
    assert f'alt="whole class: {count}. Mean scores' in section  # the figure says the same count


def test_statements_section_shows_the_chart_before_its_table(html):
    section = html[html.index("<h2>Statements that drive the gap</h2>"):]
    assert section.index("<figure>") < section.index("<table>")
