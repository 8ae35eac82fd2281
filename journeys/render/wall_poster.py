"""The wall poster (A0, A1) as one PDF page: the layout of :mod:`journeys.render.wall_layout`
drawn with reportlab in its final sizes, and the pictures that fit (cost panel, ecomap) placed
beside it, vector, at the scale the layout chose."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Mapping
from typing import Any

from persona.i18n import Catalog

from journeys.render.fonts import register_fonts
from journeys.render.journey import Journey
from journeys.render.pages import merge_drawings
from journeys.render.theme import PRINT
from journeys.render.wall_draw import Painter, draw_scenario, draw_timeline, legend_symbol
from journeys.render.wall_layout import WallLayout, wall_layout


def _canvas(layout: WallLayout, journey: Journey, text: Catalog) -> tuple[Any, io.BytesIO]:
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(layout.width, layout.height), invariant=1, pageCompression=1,
                    initialFontName="JourneysSans", initialFontSize=10)
    canvas.setTitle(text("render.poster.title", name=journey.graph.persona.name))
    canvas.setAuthor("journeys")
    canvas.setSubject(text("render.poster.subtitle"))
    return canvas, out


def draw_wall(layout: WallLayout, journey: Journey, text: Catalog, assumptions: frozenset[str]) -> bytes:
    """The page with everything but the placed pictures."""
    canvas, out = _canvas(layout, journey, text)
    painter = Painter(canvas, layout.height, dataclasses.replace(PRINT, line_width=layout.scale.small / 6))
    draw_timeline(painter, layout, journey.graph, assumptions)
    for symbol in layout.detail.symbols:
        legend_symbol(painter, symbol.mark, symbol.box)
    closed = {c.numbered.number for c in layout.callouts if c.numbered.status == "closed"}
    closed |= {b.numbered.number for b in layout.timeline.badges if b.numbered.status == "closed"}
    badge_lines = {id(b.line): b.numbered.number for b in layout.timeline.badges}
    for line in layout.lines():
        number = badge_lines.get(id(line))
        painter.text(line, PRINT.gap_line if number in closed else None)
    draw_scenario(painter, layout)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def wall_page(journey: Journey, text: Catalog, size: str, orientation: str, notes: Any = None,
              verdicts: Mapping[str, str] | None = None, cost: Any = None,
              assumptions: frozenset[str] = frozenset()) -> bytes:
    """The wall poster of ``size`` (A0, A1) as PDF bytes."""
    layout = wall_layout(journey, text, size, orientation, notes, verdicts, cost, bool(assumptions))
    page = draw_wall(layout, journey, text, assumptions)
    placements = [(panel.drawing.pdf(), panel.box.x, layout.height - panel.box.bottom, panel.scale)
                  for panel in layout.detail.panels]
    return merge_drawings(page, placements) if placements else page
