"""The cost curve: what the journey has cost so far at each age, today and with the scenario,
each as a band from the low to the high estimate; beside it, each payer's total at 20.

Drawn from the cost report (:mod:`journeys.cost.report`), so the picture and the numbers agree.
Today is red and solid, the scenario green and dashed (a line style, not only a colour). Sized
for the projector: at 1280×720 every text is drawn at 18 px or more.
"""

from __future__ import annotations

import math
from typing import Any, Mapping, Sequence

from persona.i18n import Catalog

from journeys.render.dot import DotGraph
from journeys.render.drawing import Drawing
from journeys.render.fonts import font_family, wrap
from journeys.render.theme import OKABE_ITO

WIDTH, HEIGHT = 1280.0, 720.0
FONT = 18.0
TITLE = 24.0
INK = "#000000"
GRID = "#B0B0B0"
LOOKS = {"today": (OKABE_ITO["vermillion"], "#D55E0040", "solid"),
         "scenario": (OKABE_ITO["bluish_green"], "#009E7340", "dashed")}
PLOT = (110.0, 80.0, 760.0, 600.0)  # left, top, right, bottom
PAYERS_LEFT = 820.0
NARROW_WIDTH = 800.0
MILLION = 1_000_000
BAR_ROOM = 190.0  # right of the bars: the amounts


def nice_step(peak: float, ticks: int = 5) -> float:
    """A round step (1, 2 or 5 × 10ⁿ) that divides ``peak`` into about ``ticks`` parts."""
    if peak <= 0:
        return 1.0
    raw = peak / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def _millions(value: float, text: Catalog) -> str:
    number = f"{value / MILLION:g}".replace(".", text("cost.decimal"))
    return text("cost.picture.millions", value=number)


def _short(value: float, text: Catalog) -> str:
    """An amount for a picture: millions with one decimal, thousands, or kronor."""
    comma = text("cost.decimal")
    if abs(value) >= MILLION:
        return text("cost.picture.millions", value=f"{value / MILLION:.1f}".replace(".", comma))
    if abs(value) >= 1000:
        return text("cost.picture.thousands", value=round(value / 1000))
    return text("cost.picture.kronor", value=round(value))


def short_range(pair: Mapping[str, float], text: Catalog) -> str:
    low, high = _short(pair["low"], text), _short(pair["high"], text)
    return low if low == high else text("cost.range", low=low, high=high)


def _journeys(report: Mapping[str, Any]) -> list[str]:
    return ["today"] + (["scenario"] if report["scenario"] else [])


def _curve(report: Mapping[str, Any], journey: str, bound: str) -> list[tuple[float, float]]:
    """(age, kronor so far): 0 at birth, then the total at the end of each year of age."""
    return [(0.0, 0.0)] + [(y["age"] + 1.0, y[f"{journey}_cumulative"][bound]) for y in report["years"]]


class _CostCurve:
    def __init__(self, report: Mapping[str, Any], text: Catalog, narrow: bool):
        self.report, self.text, self.narrow = report, text, narrow
        self.payers_top = PLOT[3] + FONT * 5.5 if narrow else PLOT[1] - FONT * 0.6
        self.payers_left = 30.0 if narrow else PAYERS_LEFT
        self.width = NARROW_WIDTH if narrow else WIDTH
        rows = len(report["payers"]) * (2.4 + 1.25 * len(_journeys(report)))
        self.height = self.payers_top + FONT * (rows + 3) if narrow else HEIGHT
        self.dot = DotGraph("cost", self.width, self.height, font_family().graphviz_name)
        peak = max([y[f"{j}_cumulative"]["high"] for y in report["years"] for j in _journeys(report)] + [1.0])
        self.step = nice_step(peak)
        self.top_value = self.step * math.ceil(peak / self.step)

    def x(self, age: float) -> float:
        left, _, right, _ = PLOT
        return left + age / 20.0 * (right - left)

    def y(self, kronor: float) -> float:
        _, top, _, bottom = PLOT
        return bottom - kronor / self.top_value * (bottom - top)

    def draw(self) -> Drawing:
        bg = self.dot.background
        bg.text(20, 20 + TITLE, self.text("cost.picture.title"), TITLE, self.dot.font, INK)
        self.grid()
        for journey in _journeys(self.report):
            self.band(journey)
        self.key()
        self.payers()
        unpriced = len({u["id"] for part in self.report["unpriced"].values() for u in part})
        for index, line in enumerate(reversed(wrap(self.text("cost.picture.footnote", unpriced=unpriced),
                                                   self.width - 40, FONT))):
            bg.text(20, self.height - 16 - index * FONT * 1.2, line, FONT, self.dot.font, INK)
        return Drawing(self.dot.source(), self.width, self.height)

    def grid(self) -> None:
        bg, font = self.dot.background, self.dot.font
        left, top, right, bottom = PLOT
        value = 0.0
        while value <= self.top_value + 1e-6:
            bg.pen(GRID, width=0.8, style="solid" if value == 0 else "dashed").line([(left, self.y(value)), (right, self.y(value))])
            bg.text(left - 8, self.y(value) + FONT * 0.35, _millions(value, self.text), FONT, font, INK, align="right")
            value += self.step
        for age in range(0, 21, 5):
            bg.pen(GRID, width=0.8).line([(self.x(age), top), (self.x(age), bottom)])
            bg.text(self.x(age), bottom + FONT * 1.3, self.text("render.timeline.year", age=age), FONT, font, INK,
                    align="centre")

    def band(self, journey: str) -> None:
        line, fill, style = LOOKS[journey]
        low, high = _curve(self.report, journey, "low"), _curve(self.report, journey, "high")
        points = [(self.x(a), self.y(v)) for a, v in high] + [(self.x(a), self.y(v)) for a, v in reversed(low)]
        bg = self.dot.background
        bg.pen(fill, fill, width=0.1).polygon(points)
        for curve in (low, high):
            bg.pen(line, width=3.0, style=style).line([(self.x(a), self.y(v)) for a, v in curve])

    def key(self) -> None:
        bg, font = self.dot.background, self.dot.font
        x, y = PLOT[0], PLOT[3] + FONT * 3.2
        for journey in _journeys(self.report):
            line, fill, style = LOOKS[journey]
            bg.pen(fill, fill).rect(x, y - FONT * 0.8, 40, FONT)
            bg.pen(line, width=3.0, style=style).line([(x, y - FONT * 0.3), (x + 40, y - FONT * 0.3)])
            label = self.text(f"cost.picture.{journey}")
            bg.text(x + 50, y, label, FONT, font, INK)
            x += 50 + len(label) * FONT * 0.6 + 30
        bg.text(x, y, self.text("cost.picture.band"), FONT, font, INK)

    def payers(self) -> None:
        bg, font = self.dot.background, self.dot.font
        rows: Sequence[Mapping[str, Any]] = self.report["payers"]
        left, right = self.payers_left, self.width - 30
        bg.text(left, self.payers_top, self.text("cost.picture.by_payer"), FONT, font, INK)
        peak = max([p[j]["high"] for p in rows for j in _journeys(self.report)] + [1.0])
        y = self.payers_top + FONT * 1.6
        for payer in rows:
            for line in wrap(payer["label"], right - left, FONT, max_lines=2):
                bg.text(left, y, line, FONT, font, INK)
                y += FONT * 1.2
            for journey in _journeys(self.report):
                colour, fill, style = LOOKS[journey]
                start, end = (left + payer[journey][b] / peak * (right - left - BAR_ROOM) for b in ("low", "high"))
                bg.pen(colour, fill if end - start > 2 else colour, width=2.0, style=style).rect(
                    start, y - 13, max(end - start, 3), 15)
                bg.text(right, y, short_range(payer[journey], self.text), FONT, font, INK, align="right")
                y += FONT * 1.25
            y += FONT * 0.6


def cost_curve(report: Mapping[str, Any], text: Catalog, narrow: bool = False) -> Drawing:
    """The cost curve of a cost report (SVG, PNG, PDF or DOT through :class:`Drawing`): a
    1280×720 slide with the payers beside the curve, or (``narrow``) the payers below it, for a
    narrower place such as the app beside its menu."""
    return _CostCurve(report, text, narrow).draw()
