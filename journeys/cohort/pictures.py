"""The cohort's pictures, drawn by Graphviz from pinned DOT like the persona's timeline: a heatmap
of children per 1,000 by rule and age band, "where children fall" (age band × sector, the
timeline's lanes), and the hand-over network between agencies.

Only published figures are drawn; a hidden count is a grey cell with ``..``. Darker means more
(one hue, readable in grayscale); every cell also carries its number.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping, Sequence

from journeys.cohort.disclosure import TOTAL
from journeys.cohort.publish import Published
from journeys.render.dot import DotGraph, XDot, number
from journeys.render.drawing import Drawing
from journeys.render.fonts import font_family
from journeys.render.theme import OKABE_ITO, PRINT

if TYPE_CHECKING:
    import networkx as nx

RAMP = ("#FFFFFF", "#E3F1FB", "#B7DCF4", "#56B4E9", "#0072B2", "#00466E")
HIDDEN_FILL = "#D9D9D9"
CELL_W, CELL_H, LABEL_W, HEAD_H, MARGIN = 64.0, 22.0, 210.0, 40.0, 12.0


@dataclass(frozen=True)
class Words:
    """What the pictures say, already in the user's language."""

    title: str
    rows: Sequence[tuple[str, str]]      # id, label
    columns: Sequence[tuple[str, str]]   # id, label
    note: str


def _shade(value: float, top: float) -> tuple[str, str]:
    """Fill and text colour of a cell: one hue, darker with more."""
    if top <= 0 or value <= 0:
        return RAMP[0], "#000000"
    share = math.sqrt(value / top)  # square root: the many small figures stay apart from each other
    step = 1 + min(len(RAMP) - 2, int((len(RAMP) - 1) * share))
    return RAMP[step], "#FFFFFF" if step >= 4 else "#000000"


def _canvas(name: str, width: float, height: float) -> tuple[DotGraph, XDot, str]:
    font = font_family().graphviz_name
    graph = DotGraph(name=name, width=width, height=height, font=font)
    graph.background.pen(PRINT.paper).rect(0, 0, width, height)
    return graph, graph.background, font


def grid_picture(name: str, words: Words, values: Mapping[tuple[str, str], float | int | str]) -> Drawing:
    """A table as coloured cells: rows down, columns across, the number in each cell."""
    width = 2 * MARGIN + LABEL_W + CELL_W * len(words.columns)
    height = 2 * MARGIN + HEAD_H + 20 + CELL_H * len(words.rows) + 18
    graph, xdot, font = _canvas(name, width, height)
    xdot.text(MARGIN, MARGIN + 14, words.title, PRINT.title_size, font, PRINT.ink)
    top = max([float(v) for v in values.values() if not isinstance(v, str)] or [0.0])
    y0 = MARGIN + HEAD_H + 20
    for j, (_, label) in enumerate(words.columns):
        x = MARGIN + LABEL_W + CELL_W * (j + 0.5)
        xdot.text(x, y0 - 8, label, PRINT.small_size, font, PRINT.ink, "centre")
    for i, (row, label) in enumerate(words.rows):
        y = y0 + CELL_H * i
        xdot.text(MARGIN, y + CELL_H / 2 + 3, label, PRINT.font_size, font, PRINT.ink)
        for j, (column, _) in enumerate(words.columns):
            _cell(xdot, font, MARGIN + LABEL_W + CELL_W * j, y, values.get((row, column), 0), top)
    xdot.text(MARGIN, height - MARGIN, words.note, PRINT.small_size, font, PRINT.muted)
    return Drawing(graph.source(), width, height)


def _cell(xdot: XDot, font: str, x: float, y: float, value: float | int | str, top: float) -> None:
    if isinstance(value, str):
        fill, ink, shown = HIDDEN_FILL, "#000000", value
    else:
        fill, ink = _shade(float(value), top)
        shown = number(float(value)).replace(".", ",") if isinstance(value, float) else str(value)
    xdot.pen(PRINT.grid, fill, 0.5).rect(x, y, CELL_W, CELL_H)
    xdot.text(x + CELL_W / 2, y + CELL_H / 2 + 3, shown, PRINT.small_size, font, ink, "centre")


def heatmap(published: Published, words: Words) -> Drawing:
    """Children per 1,000 (observed in each age band) by rule and age band."""
    rates = published.tables["rule_band"].rates or {}
    return grid_picture("heatmap", words, {k: v for k, v in rates.items()})


LANE_H, BAND_W = 46.0, 86.0


def where_children_fall(published: Published, words: Words) -> Drawing:
    """Children by the sector involved and the age band, one lane per sector as on the timeline:
    age runs to the right, a circle's area is the number of children, ``..`` a hidden count."""
    cells = published.tables["sector_band"].cells
    width = 2 * MARGIN + LABEL_W * 0.8 + BAND_W * len(words.columns)
    height = 2 * MARGIN + 30 + 20 + LANE_H * len(words.rows) + 24
    graph, xdot, font = _canvas("where", width, height)
    xdot.text(MARGIN, MARGIN + 14, words.title, PRINT.title_size, font, PRINT.ink)
    left, top_y = MARGIN + LABEL_W * 0.8, MARGIN + 50
    counts = [v for (r, c), v in cells.items() if r != TOTAL and c != TOTAL and isinstance(v, int)]
    largest = max(counts or [1]) or 1
    for j, (_, label) in enumerate(words.columns):
        xdot.text(left + BAND_W * (j + 0.5), top_y - 8, label, PRINT.small_size, font, PRINT.ink, "centre")
    for i, (row, label) in enumerate(words.rows):
        y = top_y + LANE_H * i
        xdot.pen(PRINT.lane_fills[i % 2], PRINT.lane_fills[i % 2], 0.1).rect(MARGIN, y, width - 2 * MARGIN, LANE_H)
        xdot.text(MARGIN + 4, y + LANE_H / 2 + 3, label, PRINT.font_size, font, PRINT.ink)
        for j, (column, _) in enumerate(words.columns):
            _bubble(xdot, font, left + BAND_W * (j + 0.5), y + LANE_H / 2, cells.get((row, column), 0), largest)
    xdot.pen(PRINT.grid, PRINT.grid, 0.5).line([(left, top_y), (left, top_y + LANE_H * len(words.rows))])
    xdot.text(MARGIN, height - MARGIN, words.note, PRINT.small_size, font, PRINT.muted)
    return Drawing(graph.source(), width, height)


def _bubble(xdot: XDot, font: str, x: float, y: float, value: int | str, largest: int) -> None:
    if isinstance(value, str):
        xdot.pen(PRINT.muted, HIDDEN_FILL, 0.5, "dashed").ellipse(x, y, 6, 6)
        xdot.text(x + 9, y + 3, value, PRINT.small_size, font, PRINT.muted)
        return
    if value == 0:
        return
    radius = 3 + 17 * math.sqrt(value / largest)
    xdot.pen(PRINT.gap_line, "#D55E0066", 0.8).ellipse(x, y, radius, radius)
    xdot.text(x, y + 3, str(value), PRINT.small_size, font, PRINT.ink, "centre")


def network_picture(graph: "nx.DiGraph", title: str, note: str) -> Drawing:
    """Agencies on a circle (grouped by sector, in lane order), an arrow for each hand-over that at
    least the disclosure threshold of children made, as thick as it is common."""
    from journeys.cohort.network import agencies_in_lane_order

    agencies = agencies_in_lane_order(graph)
    size = 560.0
    drawing, xdot, font = _canvas("network", size, size + 40)
    xdot.text(MARGIN, MARGIN + 14, title, PRINT.title_size, font, PRINT.ink)
    centre, radius = (size / 2, size / 2 + 20), size / 2 - 110
    place = {a: (centre[0] + radius * math.cos(2 * math.pi * i / max(1, len(agencies)) - math.pi / 2),
                 centre[1] + radius * math.sin(2 * math.pi * i / max(1, len(agencies)) - math.pi / 2))
             for i, a in enumerate(agencies)}
    top = max([d["children"] for _, _, d in graph.edges(data=True)] or [1])
    for source, target, data in sorted(graph.edges(data=True)):
        _arrow(xdot, font, place[source], place[target], data["children"], top)
    for agency, (x, y) in place.items():
        xdot.pen(PRINT.ink, "#FFFFFF", 1.0).ellipse(x, y, 7, 7)
        outward = (x - centre[0]) / max(1.0, radius)
        align = "left" if outward > 0.3 else "right" if outward < -0.3 else "centre"
        dx = 12 if align == "left" else -12 if align == "right" else 0
        dy = 4 if align != "centre" else (-12 if y < centre[1] else 20)
        xdot.text(x + dx, y + dy, graph.nodes[agency]["label"], PRINT.font_size, font, PRINT.ink, align)
    xdot.text(MARGIN, size + 30, note, PRINT.small_size, font, PRINT.muted)
    return Drawing(drawing.source(), size, size + 40)


def _arrow(xdot: XDot, font: str, start: tuple[float, float], end: tuple[float, float], count: int,
           top: int) -> None:
    (x0, y0), (x1, y1) = start, end
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    nx, ny = -uy * 4, ux * 4  # each direction of a pair on its own side
    a = (x0 + ux * 9 + nx, y0 + uy * 9 + ny)
    b = (x1 - ux * 9 + nx, y1 - uy * 9 + ny)
    width = 0.8 + 4.0 * count / top
    colour = OKABE_ITO["blue"]
    xdot.pen(colour, colour, width).line([a, b])
    back = (b[0] - ux * 9, b[1] - uy * 9)
    tip = [b, (back[0] + uy * 4, back[1] - ux * 4), (back[0] - uy * 4, back[1] + ux * 4)]
    xdot.pen(colour, colour, 0.5).polygon(tip)
    middle = ((a[0] + b[0]) / 2 + nx * 2, (a[1] + b[1]) / 2 + ny * 2)
    label_w = 6.0 + 5.0 * len(str(count))
    xdot.pen("#FFFFFF", "#FFFFFF", 0.1).rect(middle[0] - label_w / 2, middle[1] - 7, label_w, 10)
    xdot.text(middle[0], middle[1], str(count), PRINT.small_size, font, PRINT.ink, "centre")
