"""Measuring what the room sees of the projector view, in a real browser: for every gap of a
persona, the picture's and the words' place in the viewport and the rendered size of the
picture's text. Used by the end-to-end test and by ``python -m tests.e2e.projector`` (figures
and screenshots)."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tests.e2e.browser import chromium_page, running_app, wait_for_app

ROOT = Path(__file__).resolve().parents[2]
PERSONAS = tuple(f"({path.name})" for path in sorted((ROOT / "examples").glob("*.yaml"))
                 if not path.name.endswith((".catalogue.yaml", ".workshop.yaml")))
SIZES = ((1920, 1080), (1280, 720))
STEP_LIMIT = 80

_MEASURE = """() => {
  const box = e => { const b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
  const svg = document.querySelector('.jr-focus-svg');
  const texts = [...svg.querySelectorAll('text')].map(t => {
    const m = t.getScreenCTM();
    return [parseFloat(t.getAttribute('font-size')) * Math.hypot(m.c, m.d), t.getBoundingClientRect().height];
  });
  const main = document.querySelector('[data-testid="stMain"]');
  return {
    head: document.querySelector('.jr-gap-head').innerText,
    picture: box(svg), words: box(document.querySelector('.jr-focus-words')),
    legend: box(document.querySelector('.jr-legend')),
    font: Math.min(...texts.map(t => t[0])), glyphs: Math.min(...texts.map(t => t[1])), texts: texts.length,
    scrolls: main.scrollHeight > main.clientHeight + 1,
  };
}"""

_SIGNATURE = """() => {
  const age = document.querySelector('.jr-age');
  const gap = document.querySelector('.jr-gap-head');
  return (age ? age.innerText : '') + '|' + (gap ? gap.innerText : '');
}"""


@dataclass(frozen=True)
class GapView:
    """One gap's stop as the browser drew it (pixels; boxes are left, top, right, bottom)."""

    head: str
    picture: tuple[float, float, float, float]
    words: tuple[float, float, float, float]
    legend: tuple[float, float, float, float]
    font: float  # the smallest rendered font size of the picture's text
    glyphs: float  # the smallest rendered height of a text element's box
    texts: int
    scrolls: bool

    def inside(self, width: int, height: int) -> bool:
        return all(0 <= b[0] and 0 <= b[1] and b[2] <= width and b[3] <= height
                   for b in (self.picture, self.words, self.legend))


def step(page) -> bool:
    """Press → and wait for the next stop; False at the end of the walk."""
    before = page.evaluate(_SIGNATURE)
    if page.get_by_role("button", name="Nästa").is_disabled():
        return False
    page.keyboard.press("ArrowRight")
    page.wait_for_function(f"(before) => ({_SIGNATURE})() !== before", arg=before)
    wait_for_app(page, settle_ms=100)
    return True


def open_journey(page, persona: str, gap_by_gap: bool = True) -> None:
    page.get_by_test_id("stSidebarNav").get_by_text("Välj", exact=True).click()
    wait_for_app(page)
    page.get_by_text(persona, exact=False).first.click()
    wait_for_app(page)
    if gap_by_gap:
        page.get_by_text("ett glapp i taget", exact=True).click()
        wait_for_app(page)
    page.get_by_test_id("stSidebarNav").get_by_text("Resan", exact=True).click()
    wait_for_app(page)


def fold_sidebar(page) -> None:
    page.get_by_test_id("stSidebar").hover()
    page.get_by_test_id("stSidebarCollapseButton").locator("button").click()
    page.wait_for_timeout(600)


def gap_views(page, shots: Path | None = None, prefix: str = "") -> list[GapView]:
    """Walk gap by gap to the end; every gap's view."""
    views = []
    for _ in range(STEP_LIMIT):
        if page.locator(".jr-gap").count():
            views.append(GapView(**{k: tuple(v) if isinstance(v, list) else v
                                    for k, v in page.evaluate(_MEASURE).items()}))
            if shots is not None and len(views) in (1, 5):
                page.mouse.move(5, 5)
                page.screenshot(path=str(shots / f"{prefix}gap{len(views)}.png"))
        if not step(page):
            return views
    raise AssertionError("the walk did not end")


def measure(output: Path | None = None) -> dict[tuple[int, int, str, bool], list[GapView]]:
    """Every gap of every example at both sizes, sidebar open; the first also with the sidebar folded."""
    found = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "examples"
        shutil.copytree(ROOT / "examples", folder)
        with running_app(folder, Path(tmp) / "app.log") as url:
            for width, height in SIZES:
                with chromium_page(width, height) as page:
                    page.goto(url)
                    wait_for_app(page)
                    for persona in PERSONAS:
                        open_journey(page, persona)
                        prefix = f"{width}-{persona.strip('()').split('.')[0]}-"
                        found[(width, height, persona, False)] = gap_views(page, output, prefix)
                    open_journey(page, PERSONAS[0])
                    fold_sidebar(page)
                    found[(width, height, PERSONAS[0], True)] = gap_views(page, output, f"{width}-folded-")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("output", type=Path)
    args = parser.parse_args(argv)
    args.output.mkdir(parents=True, exist_ok=True)
    for (width, height, persona, folded), views in measure(args.output).items():
        tops = sorted({round(v.picture[1]) for v in views})
        print(f"{width}x{height} {persona:20} folded={folded!s:5} gaps={len(views):3} "
              f"font_min={min(v.font for v in views):.1f}px glyph_box_min={min(v.glyphs for v in views):.1f}px "
              f"picture_top={tops} picture_bottom_max={max(v.picture[3] for v in views):.0f} "
              f"words_bottom_max={max(v.words[3] for v in views):.0f} "
              f"legend_bottom_max={max(v.legend[3] for v in views):.0f} "
              f"inside={all(v.inside(width, height) for v in views)} scrolls={any(v.scrolls for v in views)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
