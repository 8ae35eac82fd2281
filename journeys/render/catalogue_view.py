"""The map of the offer as a heatmap: one panel per sector, the four levels as rows, the years of
age 0–20 as columns, each cell shaded by how many services are open there.

A cell with nothing is a lucka: white with a red diagonal (a mark, not only a colour). Sized for
the projector: at 1280×720 every text is drawn at 18 px or more (two columns of panels shown
full screen; one column shown 900 px wide).
"""

from __future__ import annotations

from persona.i18n import Catalog
from persona.vocabulary import Vocabulary

from journeys.catalogue.offer import OfferMap
from journeys.render.dot import DotGraph
from journeys.render.drawing import Drawing
from journeys.render.fonts import font_family, text_width, wrap
from journeys.render.theme import OKABE_ITO

FONT = 18.0
TITLE = 24.0
CELL_W = 22.0
ROW_H = 27.0
MARGIN = 16.0
PANEL_GAP = 32.0
COLUMNS = 2
INK = "#000000"
GRID = "#9A9A9A"
LUCKA = OKABE_ITO["vermillion"]
# 1, 2, 3 or more services: lighter to darker, text white on the darkest.
SHADES = ("#B7DCF4", "#56B4E9", "#0072B2")
SHADE_TEXT = ("#000000", "#000000", "#FFFFFF")
AXIS_MARKS = (0, 5, 10, 15, 20)


def _shade(count: int) -> tuple[str, str]:
    index = min(count, len(SHADES)) - 1
    return SHADES[index], SHADE_TEXT[index]


class _Heatmap:
    def __init__(self, offer: OfferMap, text: Catalog, vocabulary: Vocabulary, municipality: str, columns: int):
        self.offer, self.text, self.vocabulary, self.municipality = offer, text, vocabulary, municipality
        self.columns = columns
        self.labels = {lvl: text(f"catalogue.level_short.{lvl}") for lvl in offer.levels}
        self.label_w = max(text_width(t, FONT) for t in self.labels.values()) + 12
        self.panel_w = self.label_w + CELL_W * len(offer.years)
        self.panel_h = ROW_H * (len(offer.levels) + 2) + 8
        panels = len(offer.sectors) + 1  # one slot for the key
        self.rows = -(-panels // columns)
        self.width = 2 * MARGIN + columns * self.panel_w + (columns - 1) * PANEL_GAP
        title = text("catalogue.picture.title", municipality=municipality)
        self.title = wrap(title, self.width - 2 * MARGIN, TITLE)
        self.top = MARGIN + TITLE * (1.2 * len(self.title) + 0.4)
        self.height = self.top + self.rows * (self.panel_h + 12) + MARGIN
        self.dot = DotGraph("catalogue", self.width, self.height, font_family().graphviz_name)

    def origin(self, slot: int) -> tuple[float, float]:
        column, row = slot % self.columns, slot // self.columns
        return MARGIN + column * (self.panel_w + PANEL_GAP), self.top + row * (self.panel_h + 12)

    def draw(self) -> Drawing:
        bg = self.dot.background
        for index, line in enumerate(self.title):
            bg.text(MARGIN, MARGIN + TITLE * (1 + 1.2 * index), line, TITLE, self.dot.font, INK)
        for slot, sector in enumerate(self.offer.sectors):
            self.panel(sector, *self.origin(slot))
        self.key(*self.origin(len(self.offer.sectors)))
        return Drawing(self.dot.source(), self.width, self.height)

    def panel(self, sector: str, x: float, y: float) -> None:
        bg, font = self.dot.background, self.dot.font
        bg.text(x, y + FONT * 1.1, self.vocabulary.label("sectors", sector, self.text.lang), FONT, font, INK)
        grid_x, grid_y = x + self.label_w, y + ROW_H
        for row, level in enumerate(self.offer.levels):
            top = grid_y + row * ROW_H
            bg.text(x, top + ROW_H * 0.72, self.labels[level], FONT, font, INK)
            for column, year in enumerate(self.offer.years):
                self.cell(grid_x + column * CELL_W, top, self.offer.count(sector, level, year))
        self.axis(grid_x, grid_y + len(self.offer.levels) * ROW_H)

    def cell(self, x: float, y: float, count: int, label: str | None = None, width: float = CELL_W) -> None:
        bg, font = self.dot.background, self.dot.font
        if count == 0:
            bg.pen(GRID, "#FFFFFF", width=0.6).rect(x, y, width, ROW_H)
            bg.pen(LUCKA, width=2.0).line([(x + 3, y + ROW_H - 3), (x + width - 3, y + 3)])
            return
        fill, ink = _shade(count)
        bg.pen(GRID, fill, width=0.6).rect(x, y, width, ROW_H)
        bg.text(x + width / 2, y + ROW_H * 0.72, label or (str(count) if count < 10 else "9+"), FONT, font, ink, align="centre")

    def axis(self, x: float, y: float) -> None:
        bg, font = self.dot.background, self.dot.font
        first = self.offer.years[0]
        for age in AXIS_MARKS:
            if first <= age <= self.offer.years[-1] + 1:
                ax = x + (age - first) * CELL_W
                bg.pen(INK, width=1.2).line([(ax, y), (ax, y + 5)])
                bg.text(ax, y + FONT * 1.15, str(age), FONT, font, INK, align="centre")

    def key(self, x: float, y: float) -> None:
        bg, font = self.dot.background, self.dot.font
        key_w = CELL_W * 1.6  # room for "3+"
        self.cell(x, y + ROW_H * 0.5, 0, width=key_w)
        bg.text(x + key_w + 10, y + ROW_H * 1.2, self.text("catalogue.picture.key_none"), FONT, font, INK)
        for index in range(len(SHADES)):
            last = index == len(SHADES) - 1
            self.cell(x + index * key_w, y + ROW_H * 2, index + 1, f"{index + 1}+" if last else None, key_w)
        bg.text(x + len(SHADES) * key_w + 10, y + ROW_H * 2.7, self.text("catalogue.picture.key_some"), FONT, font, INK)
        bg.text(x, y + ROW_H * 4.2, self.text("catalogue.picture.age") + ": 0–20", FONT, font, INK)


def offer_heatmap(offer: OfferMap, text: Catalog, vocabulary: Vocabulary, municipality: str,
                  columns: int = COLUMNS) -> Drawing:
    """The heatmap of the offer (SVG, PNG, PDF or DOT through :class:`Drawing`). Two columns of
    panels fill a 1280×720 slide; one column suits a narrower place (the app beside its menu)."""
    return _Heatmap(offer, text, vocabulary, municipality, columns).draw()
