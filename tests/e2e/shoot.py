"""Screenshots of every page of the app in projector mode, for looking at them.

    .venv/bin/python -m tests.e2e.shoot OUTPUT_FOLDER [--width 1600 --height 1000]

Starts ``journeys app`` on a temporary copy of the examples, chooses Kim, walks to the first gap
and saves one PNG per page.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from tests.e2e.browser import chromium_page, running_app, wait_for_app

ROOT = Path(__file__).resolve().parents[2]
PAGES = ("Persona", "Resan", "Mellan stolarna", "Scenarier", "Nätverk", "Redigera", "Exportera")


def go(page, name: str) -> None:
    before = page.url
    page.get_by_test_id("stSidebarNav").get_by_text(name, exact=True).click()
    page.wait_for_function("(before) => location.href !== before", arg=before)
    wait_for_app(page)


def step_to_first_gap(page, limit: int = 25) -> int:
    for step in range(limit):
        if page.locator(".jr-gap").count():
            return step
        page.get_by_role("button", name="Nästa").click()
        wait_for_app(page)
    raise AssertionError("no gap reached")


def shoot(output: Path, width: int, height: int, persona: str = "Kim (kim.yaml)") -> list[Path]:
    output.mkdir(parents=True, exist_ok=True)
    taken = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "examples"
        shutil.copytree(ROOT / "examples", folder)
        with running_app(folder, Path(tmp) / "app.log") as url, chromium_page(width, height) as page:
            page.goto(url)
            wait_for_app(page)
            page.get_by_text(persona, exact=True).click()
            wait_for_app(page)
            taken.append(_save(page, output / "01-valj.png"))
            for number, name in enumerate(PAGES, start=2):
                go(page, name)
                if name == "Resan":
                    taken.append(_save(page, output / f"{number:02d}-resan-start.png", full=False))
                    step_to_first_gap(page)
                    taken.append(_save(page, output / f"{number:02d}-resan-gap.png"))
                    for _ in range(9):
                        page.get_by_role("button", name="Nästa").click()
                        wait_for_app(page)
                    taken.append(_save(page, output / f"{number:02d}-resan-10.png"))
                    go(page, "Välj")
                    page.get_by_text("Närbild", exact=False).click()
                    wait_for_app(page)
                    go(page, "Resan")
                    taken.append(_save(page, output / f"{number:02d}-resan-10-hela-livet.png"))
                    continue
                if name == "Redigera":
                    page.wait_for_selector('[data-testid="stDataFrame"] canvas', timeout=20_000)
                    page.wait_for_timeout(1500)
                taken.append(_save(page, output / f"{number:02d}-{_slug(name)}.png"))
    return taken


def _slug(name: str) -> str:
    return name.lower().replace(" ", "-").replace("ä", "a").replace("å", "a").replace("ö", "o")


def _save(page, path: Path, full: bool = False) -> Path:
    page.mouse.move(5, 5)  # no tooltip in the picture
    page.wait_for_timeout(300)
    page.screenshot(path=str(path), full_page=full)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("output", type=Path)
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=1000)
    args = parser.parse_args(argv)
    for path in shoot(args.output, args.width, args.height):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
