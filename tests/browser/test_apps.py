"""The app gallery (``./kit app``) on a projector: each app at 1280x800 in Voila, in headless Chromium.

For every app: the first control and the main figure are both on the screen without scrolling;
the result text is never clipped (no inner scroll); at 125 % zoom in 1280x690 the first control
and the result are still in view and the figure is not cut off at the right;
every piece of text is at least 18 px; presenter mode hides the result until the *Reveal the
result* button (found by its accessible name) is pressed; a control moved with the keyboard
redraws the figure; slider handles carry their label as accessible name; and axe-core finds no
serious or critical violation on the page.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ROOT, _free_port, _isolated_env, _wait_for, artifact_name
from .test_accessibility import AXE_VERSION, SERIOUS, _report, axe_script  # noqa: F401 (a fixture)

VIEWPORT = {"width": 1280, "height": 800}
MIN_TEXT_PX = 18.0
#: Each app, and how a learner moves its first control from the keyboard: (selector, key).
APPS = {
    "profile": ("[role=slider]", "ArrowRight"),
    "scenarios": ("[role=slider]", "ArrowRight"),
    "recoder": ("[role=slider]", "ArrowRight"),
    "audit": (".widget-checkbox input", "Space"),
    "class_results": (".widget-dropdown select", "ArrowDown"),  # group by team, then by role
}
FIRST_CONTROL = (".coordkit-app-controls .widget-slider, .coordkit-app-controls .widget-dropdown, "
                 ".coordkit-app-controls .widget-checkbox")
FIGURE = ".coordkit-app img.coordkit-image"
RESULT = ".coordkit-app .coordkit-app-result"
#: The text under the figure: the result and the description fold's summary.
BELOW = ".coordkit-app .coordkit-app-result, .coordkit-app .coordkit-app-details summary"
#: The figure as shown against the PNG's own size (CSS px; the page's devicePixelRatio is 1).
IMAGE_SIZES = """img => ({shown: img.getBoundingClientRect().width, natural: img.naturalWidth,
  shownHeight: img.getBoundingClientRect().height, naturalHeight: img.naturalHeight})"""
#: Control labels whose text is cut (an ellipsis): scrollWidth wider than the box.
ELLIPSISED = """() => [...document.querySelectorAll(
  '.coordkit-app .widget-label, .coordkit-app label, .coordkit-app .widget-label-basic')]
  .filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1).map(e => e.textContent.trim())"""

#: The result block, or a box inside it, that hides text (scrollHeight over clientHeight).
CLIPPED = """el => [el, ...el.querySelectorAll('*')].filter(e => e.offsetParent !== null
  && e.scrollHeight > e.clientHeight + 1 && getComputedStyle(e).overflowY !== 'visible')
  .map(e => [e.className, e.scrollHeight, e.clientHeight])"""
#: A projector laptop at 1280x690 (the screen less the browser's toolbars) at 125 % zoom: the
#: page's CSS viewport is 1280/1.25 x 690/1.25.
ZOOMED = {"width": 1024, "height": 552}

#: Every element with text of its own that is showing, and its computed font size in px.
TEXT_SIZES = """() => {
  const out = [];
  for (const e of document.querySelectorAll('.coordkit-app *, .jp-RenderedMarkdown *')) {
    const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || e.closest('style') || e.offsetParent === null) continue;
    const box = e.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    out.push([e.tagName.toLowerCase() + '.' + String(e.className).slice(0, 40),
              parseFloat(getComputedStyle(e).fontSize), e.textContent.trim().slice(0, 40)]);
  }
  return out;
}"""


@pytest.fixture(scope="module")
def gallery(tmp_path_factory) -> Iterator[str]:
    """Serve a copy of apps/ with Voila on loopback, as ``./kit app`` does; yield its base URL."""
    site = tmp_path_factory.mktemp("apps-site")
    shutil.copytree(ROOT / "apps", site / "apps", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    home = tmp_path_factory.mktemp("apps-home")
    port, log = _free_port(), home / "voila.log"
    cmd = [sys.executable, "-m", "voila", "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
           "--ServerApp.token=", str(site / "apps")]
    env = _isolated_env(home)
    env.pop("COORDKIT_CLASS_FOLDER", None)  # the class-results app shows the synthetic class
    with log.open("w") as out:
        process = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=site / "apps", env=env)
    try:
        _wait_for(f"http://127.0.0.1:{port}/voila/static/index.js", process, log, timeout=180)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def _inside(box: dict | None, viewport: dict = VIEWPORT) -> bool:
    return (box is not None and box["x"] >= 0 and box["y"] >= 0
            and box["x"] + box["width"] <= viewport["width"] + 1
            and box["y"] + box["height"] <= viewport["height"] + 1)


def _small_text(page) -> list:
    return [t for t in page.evaluate(TEXT_SIZES) if t[1] < MIN_TEXT_PX]


def _serious(page, script: Path) -> list[dict]:
    page.add_script_tag(path=str(script))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert result["testEngine"]["version"].startswith(AXE_VERSION + ".")
    assert result["passes"], "axe checked nothing"
    return [v for v in result["violations"] if v["impact"] in SERIOUS]


def test_the_index_lists_every_app(gallery, browser, axe_script):  # noqa: F811
    page = browser.new_page(viewport=VIEWPORT)
    try:
        page.goto(f"{gallery}/voila/render/index.ipynb", timeout=120_000)
        page.wait_for_selector(".jp-RenderedMarkdown", timeout=120_000)
        hrefs = page.eval_on_selector_all(".jp-RenderedMarkdown a", "els => els.map(a => a.href)")
        for name in APPS:
            assert any(h.endswith(f"{name}.ipynb") for h in hrefs), f"the index does not link {name}"
        # the page's style arrives with its one output (app_style), after the prose is drawn
        page.wait_for_selector(".coordkit-app-style", state="attached", timeout=60_000)
        assert not _small_text(page), _small_text(page)
        found = _serious(page, axe_script)
        assert not found, "axe-core found on the index:\n" + _report(found)
    finally:
        page.close()


@pytest.mark.parametrize("name", APPS)
def test_app_fits_a_projector_and_responds(gallery, browser, axe_script, name):  # noqa: F811
    selector, key = APPS[name]
    page = browser.new_page(viewport=VIEWPORT)
    try:
        page.goto(f"{gallery}/voila/render/{name}.ipynb", timeout=120_000)
        page.wait_for_selector(".coordkit-app", timeout=120_000)
        reveal = page.get_by_role("button", name="Reveal the result")
        reveal.wait_for(timeout=60_000)
        body = page.inner_text("body")
        assert "Traceback" not in body and "Error displaying widget" not in body
        assert "import coordkit" not in body, "the app shows code"
        # presenter mode: the result stays hidden until revealed
        figure = page.locator(FIGURE).first
        assert not figure.is_visible(), "the result shows before Reveal is pressed"
        fold = page.locator(".coordkit-app details").filter(has_text="Figure description")
        assert not fold.first.is_visible(), "the description fold tells the result before Reveal"
        first = page.locator(FIRST_CONTROL).first
        assert _inside(first.bounding_box()), f"first control off screen: {first.bounding_box()}"
        reveal.click()
        figure.wait_for(state="visible", timeout=10_000)
        assert _inside(figure.bounding_box()), f"figure off screen: {figure.bounding_box()}"
        assert page.get_by_role("button", name="Hide the result").count() == 1
        result = page.locator(RESULT).first
        assert _inside(result.bounding_box()), f"result off screen: {result.bounding_box()}"
        clipped = result.evaluate(CLIPPED)
        assert not clipped, f"the result text is clipped (scroll/client height): {clipped}"
        # the figure is drawn for its box: never scaled below the size its 18 px text assumes
        sizes = figure.evaluate(IMAGE_SIZES)
        assert sizes["natural"] > 300, sizes
        assert sizes["shown"] >= sizes["natural"] - 1, f"the figure is scaled down: {sizes}"
        assert sizes["shownHeight"] >= sizes["naturalHeight"] - 1, f"the figure is scaled down: {sizes}"
        below = page.locator(BELOW)
        for k in range(below.count()):
            if below.nth(k).is_visible():
                box = below.nth(k).bounding_box()
                assert _inside(box), f"text under the figure cut off at {VIEWPORT['height']} px: {box}"
        cut = page.evaluate(ELLIPSISED)
        assert not cut, f"control labels cut off: {cut}"
        assert page.locator(".coordkit-app [role=status]").first.is_visible()
        small = _small_text(page)
        assert not small, f"text under {MIN_TEXT_PX} px: {small[:5]}"
        handles = page.locator(".coordkit-app [role=slider]")
        for k in range(handles.count()):
            assert (handles.nth(k).get_attribute("aria-label") or "").strip(), "a slider without a name"

        before = figure.get_attribute("src")
        page.locator(f".coordkit-app-controls {selector}").first.focus()
        page.keyboard.press(key)
        deadline = time.monotonic() + 20
        while figure.get_attribute("src") == before and time.monotonic() < deadline:
            time.sleep(0.2)
        assert figure.get_attribute("src") != before, "the figure did not redraw"
        # "predict, then reveal" per change: a moved control hides the result again
        page.get_by_role("button", name="Reveal the result").wait_for(timeout=10_000)
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:  # the new image and the hiding arrive as separate widget messages: wait for both
            figure.wait_for(state="hidden", timeout=10_000)
        except PlaywrightTimeout:
            pytest.fail("the result stays up after a control moved")
        page.get_by_role("button", name="Reveal the result").click()
        figure.wait_for(state="visible", timeout=10_000)
        page.screenshot(path=artifact_name(f"app_{name}"), full_page=False)
        found = _serious(page, axe_script)
        assert not found, f"axe-core found in the {name} app:\n" + _report(found)
    except Exception:
        page.screenshot(path=artifact_name(f"app_{name}-FAILED"))
        raise
    finally:
        page.close()


@pytest.mark.parametrize("name", APPS)
def test_app_at_125_percent_zoom_keeps_controls_and_result_in_view(gallery, browser, name):
    """At 125 % zoom in 1280x690, the first control, the result and the figure's width fit."""
    page = browser.new_page(viewport=ZOOMED, device_scale_factor=1.25)
    try:
        page.goto(f"{gallery}/voila/render/{name}.ipynb", timeout=120_000)
        page.wait_for_selector(".coordkit-app", timeout=120_000)
        reveal = page.get_by_role("button", name="Reveal the result")
        reveal.wait_for(timeout=60_000)
        first = page.locator(FIRST_CONTROL).first
        assert _inside(first.bounding_box(), ZOOMED), f"first control off screen: {first.bounding_box()}"
        reveal.click()
        figure = page.locator(FIGURE).first
        figure.wait_for(state="visible", timeout=10_000)
        result = page.locator(RESULT).first
        assert _inside(result.bounding_box(), ZOOMED), f"result off screen: {result.bounding_box()}"
        assert not result.evaluate(CLIPPED), "the result text is clipped"
        box = figure.bounding_box()
        assert box is not None and box["x"] + box["width"] <= ZOOMED["width"] + 1, \
            f"the figure is cut off at the right: {box}"
        assert page.evaluate("document.documentElement.scrollWidth") <= ZOOMED["width"] + 1, \
            "the page scrolls sideways"
        page.screenshot(path=artifact_name(f"app_{name}_zoom125"), full_page=False)
    except Exception:
        page.screenshot(path=artifact_name(f"app_{name}_zoom125-FAILED"))
        raise
    finally:
        page.close()


# ----- the slides on a projector (./kit slides) -------------------------------------------------------

#: A deck's slides are 960x700 CSS px (nbconvert's reveal.js settings), scaled to the screen.
SLIDE_HEIGHT = 700
#: Every leaf slide's height with its content laid out in full (reveal.js would otherwise scroll it).
SLIDE_HEIGHTS = """() => {
  const Reveal = require("assets/reveal.js/dist/reveal.js");
  const out = [];
  Reveal.getHorizontalSlides().forEach((h, i) => {
    const inner = h.querySelectorAll(':scope > section');
    (inner.length ? [...inner] : [h]).forEach((s, j) => {
      Reveal.slide(i, j);
      const height = s.style.height, overflow = s.style.overflowY;
      s.style.height = 'auto'; s.style.overflowY = 'visible';
      out.push([i, j, s.scrollHeight, s.innerText.trim().slice(0, 60)]);
      s.style.height = height; s.style.overflowY = overflow;
    });
  });
  return out;
}"""


def _publish():
    import importlib.util

    spec = importlib.util.spec_from_file_location("publish", ROOT / "tools" / "publish.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    """Every chapter's deck, built as ./kit slides builds them (reveal.js from npm, offline)."""
    if shutil.which("npm") is None:
        pytest.skip("npm is needed to install reveal.js for offline decks")
    out = tmp_path_factory.mktemp("decks")
    written, problems = _publish().build("slides", sorted((ROOT / "notebooks").glob("*.ipynb")), out)
    assert not problems, problems
    return written


def test_no_slide_overflows_a_1280x720_projector(decks, browser):
    """Rendered in Chromium, no slide of any deck is taller than the slide (before issue 18, 38 were)."""
    over, total = [], 0
    for deck in decks:
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        try:
            page.goto(deck.as_uri(), wait_until="domcontentloaded")
            page.wait_for_selector(".reveal.ready", state="attached", timeout=60_000)
            heights = page.evaluate(SLIDE_HEIGHTS)
        finally:
            page.close()
        assert len(heights) >= 3, deck.name
        total += len(heights)
        over += [(deck.name, *h) for h in heights if h[2] > SLIDE_HEIGHT]
    assert total > 100, total  # every deck was measured
    assert not over, f"{len(over)} of {total} slides overflow (deck, across, down, height, text): {over[:8]}"


def test_a_deck_prints_to_pdf_a_page_per_slide(tmp_path):
    """``tools/publish.py slides --pdf`` (as ``./kit slides --pdf``), in its own process: a page per slide."""
    import re

    if shutil.which("npm") is None or _publish().chromium() is None:
        pytest.skip("npm (reveal.js) and Chromium are needed to print a deck")
    nb = ROOT / "notebooks" / "01_coordination_theory.ipynb"
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "publish.py"), "slides", str(nb), "--pdf",
                          "-o", str(tmp_path)], capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0 and "warning" not in run.stderr, run.stderr[-2000:]
    pdf = tmp_path / "01_coordination_theory.slides.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    pages = max(int(n) for n in re.findall(rb"/Count (\d+)", pdf.read_bytes()))  # the page tree's root
    # chapter 1's deck has 40 slides; Chromium's own --print-to-pdf printed one blank page
    assert pages >= 30, pages
