"""Every notebook, opened in real JupyterLab in headless Chromium, runs clean and its widgets work.

"Error displaying widget: model not found" and friends only show up in a browser: this is the one
place they can be caught. For each notebook: open it, Run All, and assert no error output, no
widget error, and the expected widgets rendered; then move a slider the way a learner would (type
a value into its readout) and assert that what the page shows changed. Screenshots land in
test-artifacts/.

Run alone with ``./kit test -m browser``.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import ROOT, artifact_name


@dataclass(frozen=True)
class Expect:
    """What a notebook promises the browser test, from its metadata ``coordkit.browser``."""

    sliders: int  # at least this many sliders rendered
    slider: str  # the label of the slider to move
    value: str  # the value to type into its readout
    before: str  # text shown in a widget before the move
    after: str  # text shown in a widget after the move
    # False where the move leaves the figure as it is by design (notebook 02's form draws a profile
    # only once a whole dimension adds up to 100, so a first answer changes the text, not the figure)
    redraws: bool = True


NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))


def expectations(name: str) -> Expect:
    meta = json.loads((ROOT / "notebooks" / name).read_text())["metadata"]
    return Expect(**meta["coordkit"]["browser"])


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_notebook_declares_what_the_browser_should_see(name):
    """Each notebook's metadata says which slider to move and what should change."""
    expect = expectations(name)
    assert expect.sliders >= 1 and expect.before != expect.after


def _dismiss_kernel_dialog(page) -> None:
    """Accept JupyterLab's "Select Kernel" dialog if it appears (it can, under load)."""
    dialog = page.locator(".jp-Dialog")
    if dialog.count():
        button = dialog.locator("button", has_text=re.compile("^Select$"))
        if button.count():
            button.first.click()


# Everything is looked up inside the notebook on show: other tabs (had JupyterLab restored any)
# must never count.
PANEL = ".jp-NotebookPanel:visible"


def _pending_cells(page) -> int:
    """Code cells not yet run ("[ ]:") or running ("[*]:") in the notebook on show."""
    return page.locator(f"{PANEL} .jp-CodeCell .jp-InputPrompt",
                        has_text=re.compile(r"\[( |\*)\]")).count()


def _run_all(page, timeout: float = 120) -> None:
    """Run All, retrying if JupyterLab ignored it (it does when the kernel is not yet attached,
    even though the status bar already says Idle), then wait until every code cell has run."""
    for _attempt in range(4):
        _dismiss_kernel_dialog(page)
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
        started = time.monotonic()
        while time.monotonic() - started < 15:
            if page.locator(f"{PANEL} .jp-CodeCell .jp-InputPrompt",
                            has_text=re.compile(r"\[(\*|\d+)\]")).count():
                break
            time.sleep(0.25)
        else:
            continue  # nothing started: try again
        break
    else:
        raise AssertionError("Run All never started (kernel not attached?)")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _pending_cells(page) and page.locator("text=| Idle").count():
            return
        time.sleep(0.25)
    raise AssertionError(f"{_pending_cells(page)} cells still pending after {timeout:g} s")


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_and_widgets_respond(lab, browser, name):
    base, token = lab
    expect = expectations(name)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        # ?reset: a fresh workspace, so JupyterLab does not reopen earlier tests' notebooks.
        page.goto(f"{base}/lab/tree/notebooks/{name}?token={token}&reset")
        page.wait_for_selector("text=| Idle", timeout=90_000)
        _run_all(page)

        panel = page.locator(PANEL)
        outputs = panel.locator(".jp-OutputArea-output")
        assert outputs.filter(has_text="Traceback").count() == 0, "a cell raised an error"
        assert panel.locator("text=Error displaying widget").count() == 0
        assert panel.locator("text=model not found").count() == 0
        sliders = panel.locator(".widget-slider")
        assert sliders.count() >= expect.sliders

        widget_area = panel.locator(".jp-OutputArea-output .jupyter-widgets-output-area, "
                                   ".jp-OutputArea-output .widget-html, "
                                   ".jp-OutputArea-output .widget-output")
        assert widget_area.filter(has_text=expect.before).count() >= 1
        slider = sliders.filter(has=page.locator("label", has_text=re.compile(f"^{expect.slider}$"))).first
        slider.scroll_into_view_if_needed()
        # The figure that belongs to this slider: an image in the same cell output.
        images = slider.locator("xpath=ancestor::div[contains(@class,'jp-OutputArea-output')]") \
            .locator(".widget-image, .widget-html img.coordkit-image")  # explorers draw <img alt>
        image_before = images.first.get_attribute("src") if images.count() else None
        readout = slider.locator(".widget-readout")
        readout.click()
        page.keyboard.press("Control+A")
        page.keyboard.type(expect.value)
        page.keyboard.press("Enter")
        widget_area.filter(has_text=expect.after).first.wait_for(timeout=20_000)
        if image_before is not None and expect.redraws:
            deadline = time.monotonic() + 10
            while images.first.get_attribute("src") == image_before and time.monotonic() < deadline:
                time.sleep(0.2)
            assert images.first.get_attribute("src") != image_before, "the figure did not redraw"
        slider.scroll_into_view_if_needed()
        page.screenshot(path=artifact_name(Path(name).stem))
    except Exception:
        page.screenshot(path=artifact_name(Path(name).stem + "-FAILED"))
        raise
    finally:
        page.close()
