"""The ecomap for a screen (the app's Nätverk): the child in the centre, the people and agencies
around on an ellipse the shape of the screen, in the whole-life overview's one type size (a
fiftieth of the width), so a page that shows it at the overview's width gives its text the
overview's size.

Less is shown where the room is short: the ties are labelled strongest first (protective adults,
then the agencies with most contacts), each name only where it fits without touching another;
the rest are small marks whose name is their hover title. The number of contacts is never
written: it is the line's weight, and the hover title of the mark and of its line. The print and
poster ecomap (journeys.render.ecomap_view) is not changed by this one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any, Sequence

from persona.i18n import Catalog

from journeys.graph import JourneyGraph
from journeys.render.dot import DotGraph, TextStyle, block_label, straight, text_lines
from journeys.render.drawing import Drawing
from journeys.render.ecomap_view import (
    Tie, agency_ties, clip_to_box, missing_links, person_ties, tie_style, zigzag,
)
from journeys.render.fonts import block_width, font_family, text_width, wrap
from journeys.render.geometry import Box
from journeys.render.layout import LINE_SPACING
from journeys.render.marks import inch
from journeys.render.overview_view import FONT, HEIGHT, WIDTH, OverviewPicture
from journeys.render.theme import PROJECTOR

LINE = FONT * LINE_SPACING
PAD = 4.0
MARK = 16.0
EDGE = 12.0  # the free margin round the picture
CHILD_MIN_RADIUS = 36.0
ZIGZAG = 3.5
STRONG, WEAK, STRESSFUL, MISSING, PROTECTIVE, UNLABELLED = (
    "strong", "weak", "stressful", "missing", "protective", "unlabelled")
TIE_MARKS = (STRONG, WEAK, STRESSFUL, MISSING, PROTECTIVE, UNLABELLED)

# The ties' names wrap at 1.2 × the label width (agencies) or 0.8 × (people), in the one type size:
# wide enough that a single word (Bibliotekarien, Storasyster) is never broken.
SCREEN = replace(PROJECTOR, name="ecomap-screen", font_size=FONT, small_size=FONT, title_size=FONT,
                 label_width=230.0, line_width=1.4)


@dataclass(frozen=True)
class PlacedTie:
    """A tie, where its mark or its name box lies, and its hover title."""

    tie: Tie
    box: Box
    labelled: bool
    title: str


# The screen ecomap is what the overview is to a page: the drawing, the marks it shows (for a
# legend of just those) and how many names are left to hover.
EcomapScreen = OverviewPicture


def tie_mark(tie: Tie) -> str:
    """What a tie's line says, as the legend names it."""
    if tie.kind == "person":
        return PROTECTIVE if tie.protective else STRONG
    if tie.stressful:
        return STRESSFUL
    return STRONG if tie.strong else WEAK


def label_rank(indexed: tuple[int, Tie]) -> tuple[int, int, int, int]:
    """The order names get room in: protective adults, the agencies with most contacts (the ones
    part of a gap first among equals), the other people."""
    index, tie = indexed
    group = 0 if tie.protective else 1 if tie.kind == "agency" else 2
    return group, -tie.contacts, 0 if tie.stressful else 1, index


def ring_points(count: int, people: int) -> list[tuple[float, float]]:
    """Evenly spaced points on an ellipse the shape of the picture, the people's centred on the left."""
    rx, ry = WIDTH / 2 - EDGE - 100.0, HEIGHT / 2 - EDGE - LINE
    step = 2 * math.pi / max(count, 1)
    first = math.pi + (people - 1) * step / 2
    return [(WIDTH / 2 + rx * math.cos(first - i * step), HEIGHT / 2 - ry * math.sin(first - i * step))
            for i in range(count)]


def _name_box(tie: Tie, at: tuple[float, float]) -> Box:
    w = block_width(tie.lines, FONT, "bold") + 4 * PAD
    h = len(tie.lines) * LINE + PAD
    x = min(max(at[0] - w / 2, EDGE), WIDTH - EDGE - w)
    y = min(max(at[1] - h / 2, EDGE), HEIGHT - EDGE - h)
    return Box(x, y, w, h)


def _grown(box: Box, by: float) -> Box:
    return Box(box.x - by, box.y - by, box.w + 2 * by, box.h + 2 * by)


def _title(tie: Tie, text: Catalog) -> str:
    name = " ".join(tie.lines)
    return text("ecomap_screen.title", name=name, about=", ".join(tie.small)) if tie.small else name


def place_ties(ties: Sequence[Tie], child: Box, text: Catalog) -> list[PlacedTie]:
    """Each tie at its point on the ring: its name where it fits (strongest first), else a mark."""
    points = ring_points(len(ties), sum(1 for t in ties if t.kind == "person"))
    used = [child]
    boxes: dict[int, Box] = {}
    for index, tie in sorted(enumerate(ties), key=label_rank):
        box = _name_box(tie, points[index])
        if not any(box.overlaps(_grown(other, PAD)) for other in used):
            used.append(box)
            boxes[index] = box
    placed = []
    for index, (tie, point) in enumerate(zip(ties, points)):
        box = boxes.get(index) or _mark_box(point, used)
        used.append(box)
        placed.append(PlacedTie(tie, box, index in boxes, _title(tie, text)))
    return placed


MARK_REACH = (1.0, 0.86, 0.72, 0.6)  # where along its ray a mark may sit, as a share of the ring's


def _mark_box(point: tuple[float, float], used: Sequence[Box]) -> Box:
    """A small mark on the ray from the child to ``point``: on the ring, or nearer the child where
    a name lies on the ring."""
    box = Box(0, 0, 0, 0)
    for reach in MARK_REACH:
        x = WIDTH / 2 + (point[0] - WIDTH / 2) * reach
        y = HEIGHT / 2 + (point[1] - HEIGHT / 2) * reach
        box = Box(x - MARK / 2, y - MARK / 2, MARK, MARK)
        if not any(box.overlaps(_grown(other, PAD)) for other in used):
            return box
    return box


def _child(graph: JourneyGraph) -> tuple[tuple[str, ...], Box]:
    name = wrap(graph.persona.name, 2 * CHILD_MIN_RADIUS * 2.5, FONT, "bold", 1)
    radius = max(text_width(name[0], FONT, "bold") / 2 + 2 * PAD, CHILD_MIN_RADIUS)
    return name, Box(WIDTH / 2 - radius, HEIGHT / 2 - radius, 2 * radius, 2 * radius)


def _draw_line(dot: DotGraph, place: PlacedTie, child: Box) -> None:
    (cx, cy), r = child.centre, child.w / 2 + 2
    bx, by = place.box.centre
    length = math.hypot(bx - cx, by - cy)
    start = (cx + (bx - cx) / length * r, cy + (by - cy) / length * r)
    end = clip_to_box(place.box, (cx, cy))
    points = zigzag(start, end, ZIGZAG) if place.tie.stressful else [start, end]
    dot.edge("child", place.tie.node, straight(points), None, id=f"tie-{place.tie.node.replace(':', '-')}",
             tooltip=place.title, **tie_style(place.tie, SCREEN))


def _draw_tie(dot: DotGraph, place: PlacedTie) -> None:
    tie, box = place.tie, place.box
    x, y = box.centre
    fill = "#FFFFFF" if tie.kind == "agency" else "#F2F2F2"
    label = block_label([text_lines(tie.lines, TextStyle(FONT, SCREEN.ink, bold=True))], "CENTER") \
        if place.labelled else ""
    dot.node(tie.node, x, y, id=tie.node.replace(":", "-"), shape="box", style="rounded,filled", fillcolor=fill,
             color=SCREEN.ink, penwidth=SCREEN.line_width * (2.0 if tie.protective else 1.0), width=inch(box.w),
             height=inch(box.h), fixedsize="true", label=label, tooltip=place.title)


def _draw_missing(dot: DotGraph, links: Sequence[tuple[str, str]], boxes: dict[str, Box]) -> None:
    for a, b in links:
        first, second = boxes[f"agency:{a}"], boxes[f"agency:{b}"]
        start, end = clip_to_box(first, second.centre), clip_to_box(second, first.centre)
        dot.edge(f"agency:{a}", f"agency:{b}", straight([start, end]), None, id=f"missing-{a}-{b}", style="dotted",
                 color=SCREEN.missing_link, penwidth=SCREEN.line_width * 2.4)


def shown_marks(placed: Sequence[PlacedTie], links: Sequence[Any]) -> tuple[str, ...]:
    """The legend's entries for what the picture draws, in a fixed order."""
    found = {tie_mark(p.tie) for p in placed} | ({MISSING} if links else set())
    found |= {UNLABELLED} if any(not p.labelled for p in placed) else set()
    return tuple(mark for mark in TIE_MARKS if mark in found)


def ecomap_screen(graph: JourneyGraph, gaps: Sequence[Any], text: Catalog) -> EcomapScreen:
    """The screen ecomap of ``graph`` (``gaps`` mark the stressful ties and the missing links)."""
    ties = person_ties(graph, text, SCREEN) + agency_ties(graph, gaps, text, SCREEN)
    name, child = _child(graph)
    placed = place_ties(ties, child, text)
    boxes = {p.tie.node: p.box for p in placed}
    links = missing_links(graph, gaps, [t.node for t in ties])
    dot = DotGraph("ecomap", WIDTH, HEIGHT, font_family().graphviz_name)
    _draw_missing(dot, links, boxes)
    for place in placed:
        _draw_line(dot, place, child)
    x, y = child.centre
    dot.node("child", x, y, id="child", shape="circle", width=inch(child.w), height=inch(child.h), fixedsize="true",
             style="filled", fillcolor="#FFFFFF", color=SCREEN.ink, penwidth=SCREEN.line_width * 2, peripheries=2,
             label=block_label([text_lines(name, TextStyle(FONT, SCREEN.ink, bold=True))], "CENTER"),
             tooltip=graph.persona.name)
    for place in placed:
        _draw_tie(dot, place)
    hidden = sum(1 for p in placed if not p.labelled)
    return EcomapScreen(Drawing(dot.source(), WIDTH, HEIGHT), shown_marks(placed, links), hidden)


__all__ = ["EcomapScreen", "ecomap_screen", "TIE_MARKS"]
