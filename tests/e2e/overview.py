"""Measuring what the room sees of the whole-life overview on Resan (the close-up switched off),
in a real browser: for each example at 1920×1080 and 1280×720 (sidebar open), at the start of the
walk and at its end, the smallest rendered size of the picture's text, where the picture lies in
the viewport, and how many marks carry their label as a hover title. Also: a persona whose name,
labels and words are full of markup is shown as typed, in the overview and in the close-up.

The same measurement for the other whole-life pictures drawn in the overview's one type size:
Scenarier (every scenario of every example, the scenario as a layer over the overview) and the
ecomap on Nätverk.

Used by the end-to-end test and by ``python -m tests.e2e.overview OUTPUT`` (figures and screenshots)."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from persona.load import read_persona
from tests.e2e.browser import chromium_page, running_app, wait_for_app
from tests.e2e.projector import PERSONAS, SIZES, open_journey

ROOT = Path(__file__).resolve().parents[2]
MARKUP = "<b>Fet</b> **fet** $x^2$ :red[Röd]"
MARKUP_PERSONA = f"""schema: 1
id: markup
name: 'Namn {MARKUP}'
born: 2010
events:
  - {{id: a, age: 1, kind: signal, agency: bvc, label: 'Händelse {MARKUP}', voice: 'Röst {MARKUP}'}}
  - {{id: b, age: 3, kind: contact, agency: bvc, label: 'Kontakt', responds_to: a}}
"""

_MEASURE = """() => {
  const svg = document.querySelector('.jr-overview-svg');
  const b = svg.getBoundingClientRect();
  const texts = [...svg.querySelectorAll('text')].map(t => {
    const m = t.getScreenCTM();
    return parseFloat(t.getAttribute('font-size')) * Math.hypot(m.c, m.d);
  });
  const marks = [...svg.querySelectorAll('g.node')].filter(g => /^(event|voice|gap)-/.test(g.id)
    || g.querySelector('[id^="a_"]') && /^(event|voice|gap)-/.test((g.querySelector('[id^="a_"]').id || '').slice(2)));
  const titled = [...svg.querySelectorAll('a > title')].filter(t => t.textContent.length > 0);
  const names = [...svg.querySelectorAll('title')].filter(t => /^(event|label|year|stage|lane|badge)[:-]/.test(t.textContent));
  return {picture: [b.left, b.top, b.right, b.bottom], font: Math.min(...texts), texts: texts.length,
          titled: names.length ? -names.length : titled.length, age: document.querySelector('.jr-age').innerText};
}"""


_BALANCE = """() => {
  const img = [...document.querySelectorAll('.jr-picture img')].find(i => i.offsetParent !== null);
  const b = img.getBoundingClientRect();
  const svg = atob(img.src.split(',')[1]);
  const width = parseFloat(/viewBox="[\\d.-]+ [\\d.-]+ ([\\d.]+)/.exec(svg)[1]);
  const sizes = [...svg.matchAll(/font-size="([\\d.]+)"/g)].map(m => parseFloat(m[1]));
  return {picture: [b.left, b.top, b.right, b.bottom], font: Math.min(...sizes) * b.width / width};
}"""


_PICTURE = """() => {
  const svg = [...document.querySelectorAll('.jr-overview-svg')].find(s => s.getBoundingClientRect().width > 0);
  const b = svg.getBoundingClientRect();
  const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
    const m = t.getScreenCTM();
    return parseFloat(t.getAttribute('font-size')) * Math.hypot(m.c, m.d);
  });
  const titled = [...svg.querySelectorAll('a > title')].filter(t => t.textContent.length > 0);
  return {picture: [b.left, b.top, b.right, b.bottom], font: Math.min(...texts), texts: texts.length,
          titled: titled.length};
}"""


def open_page(page, persona: str, name: str) -> None:
    """Choose the persona on Välj, then open the page ``name`` from the sidebar."""
    page.get_by_test_id("stSidebarNav").get_by_text("Välj", exact=True).click()
    wait_for_app(page)
    page.get_by_text(persona, exact=False).first.click()
    wait_for_app(page)
    page.get_by_test_id("stSidebarNav").get_by_text(name, exact=True).click()
    wait_for_app(page)


def picture_view(page, label: str) -> "OverviewView":
    """The first visible one-type-size picture on the page (a scenario overview, the ecomap)."""
    page.wait_for_selector(".jr-overview-svg")
    page.mouse.move(5, 5)
    values = page.evaluate(_PICTURE)
    return OverviewView(label, tuple(values["picture"]), values["font"], values["texts"], values["titled"])


def scenario_labels(persona: str) -> list[tuple[str, str]]:
    """Each scenario of an example (``(kim.yaml)``): its id and its label as the page lists it."""
    loaded = read_persona(ROOT / "examples" / persona.strip("()"))
    return [(s.id, s.label) for s in loaded.persona.scenarios]


def scenario_views(page, persona: str, output: Path | None, width: int) -> dict[str, "OverviewView"]:
    """Scenarier, every scenario of the example in turn (chosen in the page's select box)."""
    open_page(page, persona, "Scenarier")
    found = {}
    for index, (scenario_id, label) in enumerate(scenario_labels(persona)):
        if index:
            page.get_by_test_id("stSelectbox").first.click()
            page.get_by_role("option", name=label, exact=True).click()
            wait_for_app(page)
        page.evaluate("() => window.scrollTo(0, 0)")
        found[scenario_id] = picture_view(page, scenario_id)
        if output is not None:
            page.screenshot(path=str(output / f"scenario-{width}-{scenario_id}.png"))
    return found


def ecomap_view(page, persona: str) -> "OverviewView":
    """Nätverk's ecomap tab (the first tab, open when the page opens)."""
    open_page(page, persona, "Nätverk")
    return picture_view(page, "ecomap")


def balance_view(page, persona: str) -> dict:
    """Nätverk's balance tab: where the picture lies and its smallest text in pixels."""
    page.get_by_test_id("stSidebarNav").get_by_text("Välj", exact=True).click()
    wait_for_app(page)
    page.get_by_text(persona, exact=False).first.click()
    wait_for_app(page)
    page.get_by_test_id("stSidebarNav").get_by_text("Nätverk", exact=True).click()
    wait_for_app(page)
    page.get_by_role("tab", name="Risk och skydd över tid").click()
    wait_for_app(page)
    return page.evaluate(_BALANCE)


@dataclass(frozen=True)
class OverviewView:
    """The overview as the browser drew it (pixels; the box is left, top, right, bottom)."""

    age: str
    picture: tuple[float, float, float, float]
    font: float  # the smallest rendered font size of the picture's text
    texts: int
    titled: int  # marks with a hover title (negative: how many hover texts are Graphviz's node names)

    def top_inside(self, height: int) -> bool:
        return 0 <= self.picture[1] < height


def switch_off_close_up(page) -> None:
    page.get_by_test_id("stSidebarNav").get_by_text("Välj", exact=True).click()
    wait_for_app(page)
    page.get_by_text("Närbild", exact=False).first.click()
    wait_for_app(page)


def to_the_end(page) -> None:
    """Move the walk's slider to its end (the keyboard's End on the slider)."""
    page.get_by_role("slider").first.focus()
    page.keyboard.press("End")
    wait_for_app(page)


def measure_one(page) -> OverviewView:
    page.wait_for_selector(".jr-overview-svg")
    values = page.evaluate(_MEASURE)
    return OverviewView(values["age"], tuple(values["picture"]), values["font"], values["texts"], values["titled"])


def measure(output: Path | None = None) -> tuple[dict[tuple[int, int, str, str], OverviewView], dict[str, object]]:
    """The overview of every example at both sizes, at the start and the end of the walk; the
    balance on Nätverk (under the key ``balance``: size and persona → picture and text px); and
    what the markup persona showed."""
    found: dict[tuple[int, int, str, str], OverviewView] = {}
    markup: dict[str, object] = {"balance": {}, "scenarios": {}, "ecomap": {}}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "examples"
        shutil.copytree(ROOT / "examples", folder)
        (folder / "markup.yaml").write_text(MARKUP_PERSONA, encoding="utf-8")
        with running_app(folder, Path(tmp) / "app.log") as url:
            for width, height in SIZES:
                with chromium_page(width, height) as page:
                    page.goto(url)
                    wait_for_app(page)
                    switch_off_close_up(page)
                    for persona in PERSONAS:
                        open_journey(page, persona, gap_by_gap=False)
                        name = persona.strip("()").split(".")[0]
                        found[(width, height, name, "start")] = measure_one(page)
                        to_the_end(page)
                        found[(width, height, name, "end")] = measure_one(page)
                        if output is not None:
                            page.mouse.move(5, 5)
                            page.screenshot(path=str(output / f"overview-{width}-{name}.png"))
                    for persona in PERSONAS:
                        name = persona.strip("()").split(".")[0]
                        for scenario_id, view in scenario_views(page, persona, output, width).items():
                            markup["scenarios"][(width, height, name, scenario_id)] = view  # type: ignore[index]
                        markup["ecomap"][(width, height, name)] = ecomap_view(page, persona)  # type: ignore[index]
                        if output is not None:
                            page.screenshot(path=str(output / f"ecomap-{width}-{name}.png"))
                    for persona in PERSONAS:
                        markup["balance"][(width, height, persona)] = balance_view(page, persona)  # type: ignore[index]
                        if output is not None and "kim" in persona:
                            page.mouse.move(5, 5)
                            page.screenshot(path=str(output / f"balance-{width}-kim.png"))
                    if width == SIZES[0][0]:
                        markup.update(markup_shown(page))
    return found, markup


def markup_shown(page) -> dict[str, object]:
    """The markup persona on Resan, overview and close-up: what the page made of its strings."""
    open_journey(page, "(markup.yaml)", gap_by_gap=False)
    to_the_end(page)
    seen = {"overview": _markup_probe(page, ".jr-overview")}
    switch_off_close_up(page)  # the toggle switches the close-up back on
    open_journey(page, "(markup.yaml)", gap_by_gap=False)
    page.get_by_role("slider").first.focus()
    page.keyboard.press("Home")
    wait_for_app(page)
    page.get_by_role("button", name="Nästa").click()  # the first event, at one year: its words
    wait_for_app(page)
    seen["close-up"] = _markup_probe(page, ".jr-focus")
    return seen


def _markup_probe(page, root: str) -> dict[str, object]:
    view = page.locator(root)
    return {
        "bold": view.locator("b, strong", has_text="Fet").count(),
        "katex": view.locator(".katex").count(),
        "coloured": view.locator("span[style*='color']").count(),
        "text": view.inner_text(),
        "svg": page.evaluate(f"() => document.querySelector('{root}').outerHTML"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("output", type=Path)
    args = parser.parse_args(argv)
    args.output.mkdir(parents=True, exist_ok=True)
    found, markup = measure(args.output)
    for (width, height, name, when), view in found.items():
        print(f"{width}x{height} {name:6} {when:5} font_min={view.font:.1f}px texts={view.texts:3} "
              f"titled={view.titled:3} picture_top={view.picture[1]:.0f} picture_bottom={view.picture[3]:.0f} "
              f"width={view.picture[2] - view.picture[0]:.0f}")
    for key, value in markup.pop("balance").items():  # type: ignore[attr-defined]
        print("balance", key, f"font_min={value['font']:.1f}px picture={[round(v) for v in value['picture']]}")
    for part in ("scenarios", "ecomap"):
        for key, view in markup.pop(part).items():  # type: ignore[attr-defined]
            print(part, *key, f"font_min={view.font:.1f}px texts={view.texts:3} titled={view.titled:3} "
                  f"picture_top={view.picture[1]:.0f} picture_bottom={view.picture[3]:.0f} "
                  f"width={view.picture[2] - view.picture[0]:.0f}")
    for where, probe in markup.items():
        print(where, {k: v for k, v in probe.items() if k != "svg"})
    return 0


if __name__ == "__main__":
    sys.exit(main())
