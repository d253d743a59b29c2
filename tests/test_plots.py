import numpy as np
import pytest
from matplotlib.figure import Figure

from coordkit import plots
from coordkit.modes import ALL_MODES
from coordkit.profile import Profile

P = Profile(0.9, 0.8, 0.2, 0.3, malign_hierarchy=0.5)


def test_palette_is_okabe_ito_and_distinct():
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
                 "#000000", "#999999"}
    # Issue 11: Okabe-Ito's orange and grey are too faint for lines (2.2:1, 2.8:1); the palette
    # now uses them darkened, same hue, to reach 3:1. Each colour is Okabe-Ito or such a variant.
    from matplotlib.colors import rgb_to_hsv, to_rgb

    darkened = {"#A87400": "#E69F00", "#767676": "#999999"}
    assert set(plots.PALETTE.values()) <= okabe_ito | set(darkened)
    for dark, light in darkened.items():
        (h1, _, v1), (h2, _, v2) = rgb_to_hsv(to_rgb(dark)), rgb_to_hsv(to_rgb(light))
        assert abs(h1 - h2) < 0.01 and v1 < v2
        assert plots.style.contrast(dark) >= 3 > plots.style.contrast(light)
    assert len(set(plots.PALETTE.values())) == 4
    # never colour alone: every mode also has its own marker and hatch
    assert len(set(plots.MARKERS.values())) == 4 and len(set(plots.HATCHES.values())) == 4


def test_ternary_places_points_at_their_shares():
    ax = plots.ternary([P, Profile(1, 1, 1, 0)], labels=["a", "b"], regions=False)
    points = next(c for c in ax.collections if c.get_gid() == "points")
    assert len(points.get_offsets()) == 2
    assert [t.get_text().strip() for t in ax.texts] == ["a", "b"]


def test_ternary_regions_are_labelled_in_text():
    ax = plots.ternary([], regions=True)
    labels = {t.get_text() for t in ax.texts}
    assert labels == {"even mix", "mostly H", "mostly S", "mostly I", "H lagging", "S lagging", "I lagging"}


def test_region_polygons_tile_the_triangle():
    area = 0.0
    for _code, polygons in plots.profile._regions(0.5):
        for poly in polygons:
            x = poly[:, 1] + poly[:, 2] / 2  # barycentric -> cartesian
            y = poly[:, 2] * np.sqrt(3) / 2
            area += 0.5 * abs(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1)))
    assert area == pytest.approx(np.sqrt(3) / 4)


def test_ternary_rejects_a_flat_axes_and_mismatched_labels():
    fig = Figure()
    with pytest.raises(ValueError, match="ternary"):
        plots.ternary(P, ax=fig.add_subplot())
    with pytest.raises(ValueError, match="2 labels for 1 profiles"):
        plots.ternary([P], labels=["a", "b"])


def test_profile_bars_heights_and_malign_part():
    ax = plots.profile_bars(P)
    heights = [b.get_height() for b in ax.patches[:4]]
    assert heights == pytest.approx(list(P.strengths))
    malign = {p.get_gid(): p for p in ax.patches if p.get_gid()}
    assert malign["malign-0"].get_height() == pytest.approx(0.45)
    assert malign["malign-0"].get_y() == pytest.approx(0.45)
    assert malign["malign-1"].get_height() == 0
    hatches = [b.get_hatch() for b in ax.patches[:4]]
    assert hatches == [plots.HATCHES[m] for m in ALL_MODES]


def test_profile_figure_and_update_agree_with_a_fresh_figure():
    other = Profile(0.2, 0.9, 0.7, 0.1, malign_individualism=0.3)
    updated = plots.update_profile_figure(plots.profile_figure(P), other)
    fresh = plots.profile_figure(other)
    assert updated.get_suptitle() == fresh.get_suptitle()
    assert [b.get_height() for b in updated.axes[1].patches] == pytest.approx(
        [b.get_height() for b in fresh.axes[1].patches])
    pts = lambda f: [c for c in f.axes[0].collections if c.get_gid() == "points"]  # noqa: E731
    assert len(pts(updated)) == 1
    assert np.allclose(pts(updated)[0].get_offsets(), pts(fresh)[0].get_offsets())


def test_descriptions_carry_the_numbers():
    text = plots.describe_profile(P)
    for word in ("hierarchy 0.90", "50% malign", "deficit culture: weak individualism", "Balance index"):
        assert word in text
    assert plots.describe_ternary([P, P]).count("\n- ") == 2


# ----- accessible output: show, figure_html, alt text, FastPNG, views -----------------------------

import base64  # noqa: E402
import re  # noqa: E402

from coordkit.plots.output import alt_text, figure_bundle, figure_html  # noqa: E402
from coordkit.plots.view import FigureView, ProfileView  # noqa: E402


def _img(markup: str) -> dict[str, str]:
    tag = re.search(r"<img\b[^>]*>", markup).group(0)
    return dict(re.findall(r'(\w[\w-]*)="([^"]*)"', tag))


def test_show_displays_accessible_html_with_a_plain_text_twin(monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj, raw=False: shown.append((obj, raw)))
    plots.show(plots.profile_figure(P), plots.describe_profile(P))
    (bundle, raw), = shown
    assert raw and set(bundle) == {"text/html", "text/plain"}
    page = bundle["text/html"]
    img = _img(page)
    assert img["alt"] == "Figure: deficit culture: weak individualism, balance index 0.30."
    assert base64.b64decode(img["src"].removeprefix("data:image/png;base64,"))[:4] == b"\x89PNG"
    assert "No description" not in page
    caption = re.search(r"<figcaption[^>]*>(.*)</figcaption>", page, re.S).group(1)
    assert "Figure description:" in caption and "deficit culture: weak individualism" in caption
    assert bundle["text/plain"].splitlines() == [f"[figure] {img['alt']}",
                                                 f"Figure description: {plots.describe_profile(P)}"]


def test_show_takes_an_explicit_alt_text(monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj, raw=False: shown.append(obj))
    plots.show(plots.profile_figure(P), "Long words.", alt='Profile "NHS".')
    assert _img(shown[0]["text/html"])["alt"] == "Profile &#34;NHS&#34;."


def test_alt_text_is_one_short_sentence():
    fig = Figure()
    assert alt_text(fig, "First sentence here. Second.") == "Figure. First sentence here."
    fig.suptitle("A  |  B\nsecond line")
    assert alt_text(fig, "ignored") == "Figure: A, B second line."
    long = alt_text(None, "word " * 100)
    assert len(long) <= 160 and long.endswith("...")
    ax = Figure().add_subplot()
    ax.set_title("Only an axes title")
    assert alt_text(ax.figure, "x") == "Figure: Only an axes title."


def test_figure_html_escapes_the_description():
    page = figure_html(Figure(figsize=(1, 1)), "a <b> & c\nnext", alt="x")
    assert "a &lt;b&gt; &amp; c<br>" in page and "<b>" not in page.replace("<b>Figure", "")


def test_fastpng_redraws_the_suptitle_and_gid_texts_without_private_attributes():
    fig = plots.profile_figure(P)
    caption = next(t for t in fig.texts if t.get_text().startswith("Triangle:"))
    caption.set_gid("caption")  # figure texts other than the suptitle are dynamic by gid
    fast = plots.FastPNG(fig)
    before = fast.png()
    fig.suptitle("a different title", fontsize=12)
    after_title = fast.png()
    assert after_title != before, "the suptitle is redrawn"
    caption.set_text("a different caption")
    assert fast.png() != after_title, "a figure text with a gid is redrawn"
    assert fast.png() == plots.FastPNG(fig).png(), "the fast path draws what a full draw does"


def _text_figure(x0: float) -> Figure:
    """Texts at ``x0`` px plus whole and part pixels, upright and turned, in two sizes and a bold."""
    fig = Figure(figsize=(4, 2), dpi=80)
    for k, dx in enumerate((0.0, 0.25, 0.5, 113.0, 113.37)):
        fig.text((x0 + dx) / 320, 0.2 + 0.15 * k, "2022 Hierarchy", fontsize=8 + 2 * (k % 2),
                 weight="bold" if k == 4 else "normal")
    fig.text((x0 + 200) / 320, 0.1, "year (turned)", rotation=90)
    fig.text((x0 + 240) / 320, 0.1, "at 30\u00b0", rotation=30, color="#D55E00")
    return fig


def _png(canvas_type: type, fig: Figure) -> bytes:
    import io

    buffer = io.BytesIO()
    canvas_type(fig).print_png(buffer)
    return buffer.getvalue()


def test_live_canvas_draws_what_agg_draws_after_its_caches_are_warm():
    # issue 11: the live canvas keeps each string's layout and each glyph's bitmap by its place
    # within a pixel, and draws them moved by whole pixels; a bitmap kept by the wrong key, or moved
    # by the wrong amount, changes the PNG
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from coordkit.plots.output import _FAST_TEXT, _GLYPHS, LiveCanvas

    _png(LiveCanvas, _text_figure(7.0))  # warm: the same strings and sub-pixel places, elsewhere
    kept = len(_GLYPHS)
    for x0 in (7.0, 40.0, 40.5, 3.3):
        assert _png(LiveCanvas, _text_figure(x0)) == _png(FigureCanvasAgg, _text_figure(x0)), x0
    assert not _FAST_TEXT or kept > 0, "the glyph cache is used where matplotlib allows it"



def test_matplotlib_still_has_the_private_text_calls_the_live_canvas_uses():
    # issue 11: no public API shapes a string or rasterises a glyph, so LiveCanvas uses private
    # calls (tested on matplotlib 3.11.2, the lock). Without them it silently draws as Agg does,
    # and the history explorers' first views miss their 0.1 s goal: fail loudly here instead.
    import matplotlib
    from matplotlib.backends.backend_agg import RendererAgg

    from coordkit.plots.output import _FAST_TEXT, _PRIVATE_TEXT_CALLS

    missing = [f"{owner.__name__}.{name}" for owner, name in _PRIVATE_TEXT_CALLS if not hasattr(owner, name)]
    assert not missing, (f"matplotlib {matplotlib.__version__} has no {', '.join(missing)}: update the "
                         "private calls of coordkit/plots/output.py (LiveCanvas) or drop them")
    assert _FAST_TEXT
    assert hasattr(RendererAgg(8, 8, 72)._renderer, "draw_text_image")
    # the hook LiveCanvas's renderer overrides is still asked for line metrics by Text
    import inspect

    from matplotlib import text

    assert "_get_font_height_metrics" in inspect.getsource(text), "Text no longer asks the renderer"

def test_view_base_needs_draw_and_describe():
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Empty(FigureView):
        """Implements nothing."""

    with pytest.raises(NotImplementedError, match="draw"):
        Empty().figure()
    with pytest.raises(NotImplementedError, match="describe"):
        Empty().alt()


def test_profile_view_draws_what_it_describes():
    for profile in (P, Profile(1, 1, 1, 0), Profile(0.1, 0.1, 0.1, 0.1), Profile(0.9, 0.2, 0.1, 0)):
        view = ProfileView(profile)
        fig = view.figure()
        name = view.configuration.name
        assert fig.get_suptitle().startswith(name)
        assert f"Configuration: {name}." in view.describe()
        assert view.alt() == f"Figure: {name}, balance index {view.report.score:.2f}."
        assert f"{view.report.score:.2f}" in fig.get_suptitle()
        assert view.describe() == plots.describe_profile(profile)


def test_profile_view_update_matches_a_fresh_figure():
    fig = ProfileView(P).figure()
    other = ProfileView(Profile(0.2, 0.9, 0.7, 0.1, malign_individualism=0.3), method="simpson")
    moved, fresh = other.update(fig), other.figure()
    assert moved is fig
    assert moved.get_suptitle() == fresh.get_suptitle()
    assert [b.get_height() for b in moved.axes[1].patches] == pytest.approx(
        [b.get_height() for b in fresh.axes[1].patches])


def test_a_view_displays_itself_accessibly():
    view = ProfileView(P)
    assert _img(view._repr_html_())["alt"] == view.alt()
    bundle = view._repr_mimebundle_()
    assert set(bundle) == {"text/html", "text/plain"}
    assert bundle == figure_bundle(view.figure(), view.describe(), alt=view.alt())
    assert "max-width:900px" in view.html()


def test_the_lever_effects_figure_and_description_say_when_they_show_only_the_largest():
    from coordkit.plots.scenarios import describe_lever_effects, lever_effects_figure
    from coordkit.scenarios import compare, preset

    _, differences = compare({"2012": preset("hsca_2012"), "2023": preset("hewitt_2023")})
    n = len(differences)
    assert n > 6
    text = describe_lever_effects(differences)
    assert text.startswith(f"The 6 largest of the {n} levers that differ")
    assert f"The other {n - 6} levers each change the outcome by" in text
    smallest_shown = differences["outcome_change"].abs().sort_values(ascending=False).iloc[5]
    rest = differences["outcome_change"].abs().sort_values(ascending=False).iloc[6:]
    assert rest.max() <= smallest_shown
    title = lever_effects_figure(differences).axes[0].get_title()
    assert title == f"the 6 largest of {n} levers that differ"
    everything = describe_lever_effects(differences, top=n)
    assert everything.startswith("Levers that differ") and everything.count("\n- ") == n
