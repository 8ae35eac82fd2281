"""A poster split over A4 or A3 sheets for offices without a plotter.

Each sheet shows its part of the poster plus an overlap strip shared with its neighbours; cut
marks show where to cut, and each sheet is numbered "row–column" (1–1 top left) so the pieces
go together in order.
"""

from __future__ import annotations

import io
import math

from persona.i18n import Catalog

from journeys.render.fonts import register_fonts
from journeys.render.pages import MM, page_size

MARGIN = 10 * MM    # what most printers cannot print
OVERLAP = 10 * MM   # glued under the neighbour
MARK = 6 * MM


def _grid(poster_w: float, poster_h: float, tile_w: float, tile_h: float) -> tuple[int, int, float, float]:
    step_x, step_y = tile_w - 2 * MARGIN - OVERLAP, tile_h - 2 * MARGIN - OVERLAP
    columns = max(1, math.ceil((poster_w - OVERLAP) / step_x))
    rows = max(1, math.ceil((poster_h - OVERLAP) / step_y))
    return rows, columns, step_x, step_y


def tile_layout(poster_w: float, poster_h: float, tile: str) -> tuple[str, int, int]:
    """The sheet orientation that needs fewest sheets, and the rows and columns."""
    options = []
    for orientation in ("portrait", "landscape"):
        tw, th = page_size(tile, orientation)
        rows, columns, _, _ = _grid(poster_w, poster_h, tw, th)
        options.append((rows * columns, orientation, rows, columns))
    _, orientation, rows, columns = min(options)
    return orientation, rows, columns


def _overlay(tile_w: float, tile_h: float, row: int, column: int, rows: int, columns: int, text: Catalog) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(tile_w, tile_h), invariant=1, initialFontName="JourneysSans")
    canvas.setStrokeColor("#000000")
    canvas.setLineWidth(0.5)
    x0, y0, x1, y1 = MARGIN, MARGIN, tile_w - MARGIN, tile_h - MARGIN
    for x, y, dx, dy in ((x0, y0, -1, -1), (x1, y0, 1, -1), (x0, y1, -1, 1), (x1, y1, 1, 1)):
        canvas.line(x + dx * 1, y, x + dx * MARK, y)
        canvas.line(x, y + dy * 1, x, y + dy * MARK)
    label = text("render.tiles.label", row=row, column=column, rows=rows, columns=columns)
    canvas.setFillColor("#FFFFFF")
    width = canvas.stringWidth(label, "JourneysSans-Bold", 9) + 8
    canvas.rect(tile_w - MARGIN - width, 2, width, 13, stroke=0, fill=1)
    canvas.setFillColor("#000000")
    canvas.setFont("JourneysSans-Bold", 9)
    canvas.drawRightString(tile_w - MARGIN - 4, 5, label)
    hint = text("render.tiles.hint")
    canvas.setFont("JourneysSans", 7)
    canvas.setFillColor("#FFFFFF")
    canvas.rect(MARGIN, 2, canvas.stringWidth(hint, "JourneysSans", 7) + 8, 13, stroke=0, fill=1)
    canvas.setFillColor("#333333")
    canvas.drawString(MARGIN + 4, 5, hint)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def tile_pdf(poster: bytes, tile: str, text: Catalog) -> bytes:
    """The poster's page over as many ``tile`` sheets as needed, row by row from the top left."""
    from pypdf import PdfReader, PdfWriter, Transformation
    from pypdf._page import PageObject

    source = PdfReader(io.BytesIO(poster)).pages[0]
    poster_w, poster_h = float(source.mediabox.width), float(source.mediabox.height)
    orientation, rows, columns = tile_layout(poster_w, poster_h, tile)
    tile_w, tile_h = page_size(tile, orientation)
    _, _, step_x, step_y = _grid(poster_w, poster_h, tile_w, tile_h)
    writer = PdfWriter()
    for row in range(rows):
        for column in range(columns):
            page = PageObject.create_blank_page(width=tile_w, height=tile_h)
            left = column * step_x - MARGIN
            top = poster_h - row * step_y + MARGIN
            page.merge_transformed_page(source, Transformation().translate(-left, tile_h - top))
            overlay = PdfReader(io.BytesIO(_overlay(tile_w, tile_h, row + 1, column + 1, rows, columns, text))).pages[0]
            page.merge_page(overlay)
            writer.add_page(page)
    writer.add_metadata({"/Producer": "journeys"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
