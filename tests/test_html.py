"""One HTML path: Jinja2 templates shipped in the package, autoescaped, strict about missing values."""

import re
from html.parser import HTMLParser
from importlib import resources

import jinja2
import pytest

from coordkit import html

NASTY = "<script>alert('x')</script> & \"quoted\""


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(markup: str) -> _Collect:
    parser = _Collect()
    parser.feed(markup)
    return parser


def test_templates_ship_inside_the_package():
    folder = resources.files("coordkit") / "templates"
    names = {p.name for p in folder.iterdir() if p.name.endswith(".j2")}
    assert {"figure.html.j2", "image.html.j2", "live.html.j2", "description.html.j2"} <= names
    assert set(html.environment().list_templates()) >= names
    handout = folder / "nbconvert" / "handout"
    assert (handout / "conf.json").is_file() and (handout / "index.html.j2").is_file()


def test_escape_is_markupsafe_and_leaves_markup_alone():
    assert html.escape(NASTY) == ("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                                  "&#34;quoted&#34;")
    assert html.escape(html.Markup("<b>ok</b>")) == "<b>ok</b>"
    assert html.escape(3) == "3"


@pytest.mark.parametrize("name", ["figure.html.j2", "image.html.j2"])
def test_every_value_is_escaped_in_attributes_and_text(name):
    out = html.render(name, png="AAAA", alt=NASTY, description=NASTY, label=NASTY, max_width=None)
    assert "<script>" not in out
    img = dict(parse(out).tags)["img"]
    assert img["alt"] == NASTY, "the alt attribute round-trips exactly"
    assert img["src"] == "data:image/png;base64,AAAA"


def test_figure_caption_keeps_line_breaks_and_escapes_each_line():
    out = html.render("figure.html.j2", png="AAAA", alt="A figure.",
                      description="first <1>\nsecond & last", max_width="900px")
    caption = re.search(r"<figcaption[^>]*>(.*)</figcaption>", out, re.S).group(1)
    assert caption == "first &lt;1&gt;<br>\nsecond &amp; last"
    assert "max-width:900px" in out


def test_live_region_is_polite_and_atomic():
    tag, attrs = parse(html.render("live.html.j2", body="Balanced")).tags[0]
    assert tag == "div" and attrs["role"] == "status"
    assert attrs["aria-live"] == "polite" and attrs["aria-atomic"] == "true"
    trusted = html.render("live.html.j2", body=html.Markup("<b>Balanced</b>"))
    assert "<b>Balanced</b>" in trusted
    assert "&lt;b&gt;" in html.render("live.html.j2", body="<b>Balanced</b>")


def test_description_block_defaults_its_summary():
    out = html.render("description.html.j2", description="x")
    assert "<summary>Figure description (text)</summary>" in out
    assert "<summary>Key</summary>" in html.render("description.html.j2", description="x",
                                                   summary="Key")


def test_a_missing_value_or_template_is_an_error_not_a_blank():
    with pytest.raises(jinja2.UndefinedError):
        html.render("figure.html.j2", png="AAAA", description="no alt given")
    with pytest.raises(jinja2.TemplateNotFound):
        html.render("no_such.html.j2")


def test_one_environment_with_autoescape():
    assert html.environment() is html.environment()
    assert html.environment().autoescape is True
