"""End to end in a real browser: `journeys app` on a copy of the examples, Debian's Chromium
driven by Playwright, walk to the first gap, save a screenshot. The server is always stopped."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .browser import CHROMIUM, chromium_page, running_app, wait_for_app

ROOT = Path(__file__).resolve().parents[2]
STEP_LIMIT = 25
MARKUP_NAME = "**Fet** $x^2$ :red[Röd] :material/home: [länk](javascript:alert(1))"
SHOTS_ENV = "JOURNEYS_E2E_SHOTS"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="no /usr/bin/chromium: run `make system-deps` (scripts/system-deps.sh) to install it"
)


def test_walk_to_the_first_gap_in_a_real_browser(tmp_path: Path):
    pytest.importorskip("playwright")
    folder = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", folder)
    (folder / "markup.yaml").write_text(f'schema: 1\nid: markup\nname: "{MARKUP_NAME}"\n', encoding="utf-8")
    shot = tmp_path / "first-gap.png"
    with running_app(folder, tmp_path / "app.log") as url, chromium_page() as page:
        page.goto(url)
        wait_for_app(page)
        # a name full of Markdown is shown as typed: no bold, no maths, no colour, no icon, no link
        page.get_by_text("Kim (kim.yaml)", exact=True).wait_for()
        labels = [label.inner_text() for label in page.get_by_test_id("stRadio").locator("label").all()]
        assert f"{MARKUP_NAME} (markup.yaml)" in labels, labels
        main = page.get_by_test_id("stMain")
        assert main.locator(".katex").count() == 0 and main.locator("a[href^='javascript']").count() == 0
        assert main.locator("strong", has_text="Fet").count() == 0
        page.get_by_text("Kim (kim.yaml)", exact=True).click()
        wait_for_app(page)
        page.get_by_test_id("stSidebarNav").get_by_text("Resan", exact=True).click()
        wait_for_app(page)
        assert page.locator(".jr-age").inner_text() == "Kim, 0 år"
        page.keyboard.press("ArrowRight")  # the walk is keyboard-friendly: → is "Nästa"
        wait_for_app(page)
        assert page.locator(".jr-age").inner_text() == "Kim, 8 mån"  # the first gap is a stop of its own
        steps = 1
        while not page.locator(".jr-gap").count():
            assert steps < STEP_LIMIT, "no gap reached"
            page.get_by_role("button", name="Nästa").click()
            wait_for_app(page)
            steps += 1
        callout = page.locator(".jr-gap").first
        assert "?" in callout.locator(".jr-gap-question").inner_text()
        page.mouse.move(5, 5)
        page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get(SHOTS_ENV):
        Path(os.environ[SHOTS_ENV]).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, Path(os.environ[SHOTS_ENV]) / shot.name)
    log = (tmp_path / "app.log").read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in log, log
