"""The scenario explorer as a clean Voila app: controls and figures, no code, no errors, and it responds.

Lecturers project it in class with ``voila notebooks/04_nhs_reform_scenarios.ipynb``.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

from .conftest import artifact_name


def _promise() -> dict:
    """What the notebook's metadata says a slider move does (the same source the JupyterLab test reads)."""
    path = Path(__file__).resolve().parents[2] / "notebooks" / "04_nhs_reform_scenarios.ipynb"
    return json.loads(path.read_text(encoding="utf-8"))["metadata"]["coordkit"]["browser"]


def test_scenario_explorer_runs_as_a_voila_app(voila, browser):
    promise = _promise()
    page = browser.new_page(viewport={"width": 1300, "height": 1000})
    try:
        page.goto(voila, timeout=120_000)
        page.wait_for_selector(".widget-slider", timeout=120_000)
        page.locator(f"text={promise['before']}").first.wait_for(timeout=60_000)
        body = page.inner_text("body")
        assert "Traceback" not in body and "Error displaying widget" not in body
        assert "import coordkit" not in body and "from coordkit" not in body, "Voila shows code"
        assert page.locator(".widget-slider").count() >= promise["sliders"]
        assert page.locator("img").count() >= 6  # static figures and widget images
        assert "NHS reform scenarios" in body

        slider = page.locator(".widget-slider").filter(
            has=page.locator("label", has_text=re.compile(f"^{re.escape(promise['slider'])}$"))).first
        slider.scroll_into_view_if_needed()
        image = page.locator(".widget-image, .widget-html img.coordkit-image").first  # explorers: <img alt>
        before = image.get_attribute("src")
        slider.locator(".widget-readout").click()
        page.keyboard.press("Control+A")
        page.keyboard.type(promise["value"])
        page.keyboard.press("Enter")
        page.locator(f"text={promise['after']}").first.wait_for(timeout=30_000)
        # The text and the figure arrive as separate messages: give the figure time to follow.
        deadline = time.monotonic() + 15
        while image.get_attribute("src") == before and time.monotonic() < deadline:
            time.sleep(0.2)
        assert image.get_attribute("src") != before, "the figure did not redraw"
        page.screenshot(path=artifact_name("voila_04_nhs_reform_scenarios"), full_page=False)
    except Exception:
        page.screenshot(path=artifact_name("voila_04_nhs_reform_scenarios-FAILED"))
        raise
    finally:
        page.close()
