"""The projector close-up of one moment: about three years, only the lanes involved, in one type
size large enough to read from the back of a room.

The picture has a fixed size (:data:`WIDTH` × :data:`HEIGHT` points) and a single type size
(:data:`FONT`), so a screen that shows it at a known height knows the size its text gets: the
picture is :data:`LINES_TALL` type sizes tall. What does not fit is drawn as a mark without a
label; text is never made smaller to make room.

At a gap, the events and supports the gap rests on (its chain) are drawn strong and everything
else faded; the gap's span is a bracket over the lanes it involves, as heavy as it is severe,
with its number at the moment it starts. At an age, what happened in the window so far is
drawn, and the future is left out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from collections.abc import Sequence
from typing import Any

from persona.i18n import Catalog

from journeys.graph import JourneyGraph, event_lane
from journeys.labels import event_label, support_label
from journeys.render.dot import DotGraph, TextStyle
from journeys.render.drawing import Drawing
from journeys.render.fonts import block_width, font_family, text_width, wrap
from journeys.render.gaplist import NumberedGap
from journeys.render.geometry import Box
from journeys.render.layout import LINE_SPACING, axis_end
from journeys.render.marks import badge, marker, text_block
from journeys.render.theme import LEVEL_FILLS, PROJECTOR, Theme

FONT = 20.0
LINE = FONT * LINE_SPACING
WIDTH, HEIGHT = 960.0, 320.0
LINES_TALL = HEIGHT / FONT
WINDOW_YEARS = 3.0
TITLE_WIDTH = 180.0
AXIS_HEIGHT = 34.0
FOLDED_HEIGHT = 8.0
MARK = 18.0
PAD = 4.0
LABEL_WIDTH = 230.0
MAX_LABEL_LINES = 2
BADGE = 30.0
TICK = 10.0
FADED_FILL, FADED_LINE, FADED_TEXT = "#E4E4E4", "#8C8C8C", "#666666"
SUPPORT_KIND = "support"
NOW, FADED, GAP, END = "now", "faded", "gap", "end"
SEVERITY_WIDTH = {1: 2.0, 2: 3.5, 3: 6.0}
SEVERITY_STYLE = {1: "dashed", 2: "solid", 3: "solid"}

FOCUS_THEME = Theme(name="focus", font_size=FONT, small_size=FONT, title_size=FONT, line_width=1.6,
                    year_width=(WIDTH - TITLE_WIDTH) / WINDOW_YEARS, label_width=LABEL_WIDTH, marker=MARK,
                    row_gap=PAD, muted=PROJECTOR.muted, grid=PROJECTOR.grid, lane_fills=PROJECTOR.lane_fills)


@dataclass(frozen=True)
class Moment:
    """What the view is about: an age, or a gap (which has its own start age)."""

    age: float
    gap: NumberedGap | None = None


@dataclass(frozen=True)
class FocusPicture:
    """The close-up, the marks it shows (for a legend of just those), how many events are shown
    as marks without their label, and the years it shows."""

    drawing: Drawing
    marks: tuple[str, ...]
    unlabelled: int
    window: tuple[float, float]


@dataclass(frozen=True)
class Item:
    """An event, or the start of a support, as the close-up draws it."""

    id: str
    age: float
    sector: str
    kind: str  # an event kind, or ``support``
    label: str
    strong: bool
    level: str = ""


@dataclass(frozen=True)
class Placed:
    item: Item
    marker: Box
    label: Box | None
    lines: tuple[str, ...]


@dataclass(frozen=True)
class FocusLane:
    sector: str
    box: Box
    folded: bool
    title: tuple[str, ...] = ()


@dataclass(frozen=True)
class FocusLayout:
    window: tuple[float, float]
    lanes: tuple[FocusLane, ...]
    placed: tuple[Placed, ...]

    def x(self, age: float) -> float:
        return window_x(age, self.window)

    def lane(self, sector: str) -> FocusLane | None:
        return next((lane for lane in self.lanes if lane.sector == sector), None)

    @property
    def unlabelled(self) -> int:
        return sum(1 for p in self.placed if p.label is None)

    def text_boxes(self) -> list[Box]:
        """Every label and lane title (what must never overlap)."""
        titles = [Box(PAD * 2, lane.box.y + PAD, block_width(lane.title, FONT, "bold"), len(lane.title) * LINE)
                  for lane in self.lanes if lane.title]
        return [p.label for p in self.placed if p.label is not None] + titles


def window_x(age: float, window: tuple[float, float]) -> float:
    """Where an age lies across the picture; a mark at either end of the window stays inside."""
    start, end = window
    return TITLE_WIDTH + MARK + (age - start) / (end - start) * (WIDTH - TITLE_WIDTH - 2 * MARK)


def focus_window(ages: Sequence[float], end: float, anchor: float) -> tuple[float, float]:
    """Three years around ``anchor`` that hold as much of ``ages`` as they can, inside [0, end]."""
    first, last = min([anchor, *ages]), max([anchor, *ages])
    start = (first + last) / 2 - WINDOW_YEARS / 2 if last - first <= WINDOW_YEARS - 0.5 else anchor - 0.5
    start = round(min(max(start, 0.0), max(end - WINDOW_YEARS, 0.0)), 2)
    return start, start + WINDOW_YEARS


def chain_items(graph: JourneyGraph, gap: Any, text: Catalog) -> list[Item]:
    """The events and supports a gap rests on."""
    wanted = set(gap.events)
    return [i for i in all_items(graph, text, strong=True) if i.id in wanted]


def all_items(graph: JourneyGraph, text: Catalog, strong: bool) -> list[Item]:
    vocabulary = graph.vocabulary
    items = [Item(e.id, float(e.age), event_lane(e, vocabulary), e.kind, event_label(e, vocabulary, text), strong)
             for e in graph.events()]
    items += [Item(s.id, float(s.from_), vocabulary.sector_of(s.agency), SUPPORT_KIND,
                   support_label(s, vocabulary, text), strong, s.level) for s in graph.supports()]
    return sorted(items, key=lambda i: (i.age, i.id))


def moment_items(graph: JourneyGraph, moment: Moment, text: Catalog) -> tuple[list[Item], tuple[float, float]]:
    """The items the view shows (chain strong, the rest faded) and its window of years."""
    end = axis_end(graph)
    if moment.gap is None:
        window = focus_window([moment.age - 2.5], end, moment.age)
        shown = [i for i in all_items(graph, text, strong=True)
                 if window[0] <= i.age <= min(moment.age, window[1]) + 1e-9]
        return shown, window
    chain = chain_items(graph, moment.gap.gap, text)
    window = focus_window([i.age for i in chain], end, moment.gap.gap.start)
    chain_ids = {i.id for i in chain}
    shown = [i for i in all_items(graph, text, strong=False) if window[0] <= i.age <= window[1] and i.id not in chain_ids]
    return [i for i in chain if window[0] <= i.age <= window[1]] + shown, window


def involved_sectors(graph: JourneyGraph, moment: Moment, items: Sequence[Item]) -> set[str]:
    if moment.gap is None:
        return {i.sector for i in items}
    gap = moment.gap.gap
    return {graph.vocabulary.sector_of(a) for a in gap.agencies} | {i.sector for i in items if i.strong}


def _lanes(graph: JourneyGraph, involved: set[str], text: Catalog) -> tuple[FocusLane, ...]:
    sectors = list(graph.vocabulary.sectors_in_order())
    involved = involved or set(sectors)
    open_count = sum(1 for s in sectors if s in involved)
    room = HEIGHT - AXIS_HEIGHT - (len(sectors) - open_count) * FOLDED_HEIGHT
    height = room / max(open_count, 1)
    lanes, y = [], AXIS_HEIGHT
    for sector in sectors:
        if sector not in involved:
            lanes.append(FocusLane(sector, Box(0, y, WIDTH, FOLDED_HEIGHT), True))
            y += FOLDED_HEIGHT
            continue
        fits = max(1, int((height - 2 * PAD) // LINE))
        title = wrap(graph.vocabulary.label("sectors", sector, text.lang), TITLE_WIDTH - 3 * PAD, FONT, "bold",
                     max_lines=fits)
        lanes.append(FocusLane(sector, Box(0, y, WIDTH, height), False, title))
        y += height
    return tuple(lanes)


def _free(row: list[tuple[float, float]], left: float, right: float) -> bool:
    return all(right + PAD * 2 <= a or b + PAD * 2 <= left for a, b in row)


def _label_extent(x: float, width: float) -> tuple[float, float]:
    """Label to the right of the marker, or to its left when the right edge is too close."""
    if x + MARK / 2 + PAD + width <= WIDTH - PAD:
        return x - MARK / 2, x + MARK / 2 + PAD + width
    return x - MARK / 2 - PAD - width, x + MARK / 2


def _rows(lane: FocusLane) -> tuple[int, int, float, bool]:
    """Label lines per row, rows, row height, and whether a row for unlabelled marks is kept at
    the bottom (only when the lane is tall enough to keep two-line labels as well)."""
    marks_row = MARK + 2 * PAD
    keep_marks = lane.box.h - 2 * PAD - marks_row >= MAX_LABEL_LINES * LINE + PAD
    room = lane.box.h - PAD - (marks_row if keep_marks else 0.0)
    lines = max(1, min(MAX_LABEL_LINES, int((room - PAD) // LINE)))
    height = lines * LINE + PAD
    return lines, max(1, int(room // height)), height, keep_marks


def _place_lane(lane: FocusLane, items: Sequence[Item], window: tuple[float, float]) -> list[Placed]:
    """First-fit rows of labels from the lane's top, strong items first. What finds no row is a
    mark without a label: in the marks row at the bottom, or in a row with room for the mark
    alone; with neither, it is left out (never drawn smaller)."""
    lines_per_row, capacity, row_height, keep_marks = _rows(lane)
    rows: list[list[tuple[float, float]]] = [[] for _ in range(capacity)]
    placed = []
    for item in sorted(items, key=lambda i: (not i.strong, i.age, i.id)):
        x = window_x(item.age, window)
        weight = "bold" if item.strong else "regular"
        lines = wrap(item.label, LABEL_WIDTH, FONT, weight, max_lines=lines_per_row)
        width = block_width(lines, FONT, weight)
        left, right = _label_extent(x, width)
        row = next((r for r, used in enumerate(rows) if _free(used, left, right)), None)
        if row is not None and left >= TITLE_WIDTH - MARK / 2:
            rows[row].append((left, right))
            top = lane.box.y + PAD + row * row_height
            label_x = x + MARK / 2 + PAD if right > x + MARK / 2 else left
            marker_box = Box(x - MARK / 2, top + LINE / 2 - MARK / 2, MARK, MARK)
            placed.append(Placed(item, marker_box, Box(label_x, top, width, len(lines) * LINE), lines))
            continue
        if keep_marks:
            y = lane.box.bottom - PAD - MARK / 2
        else:
            row = next((r for r, used in enumerate(rows) if _free(used, x - MARK / 2, x + MARK / 2)), None)
            if row is None:
                continue
            rows[row].append((x - MARK / 2, x + MARK / 2))
            y = lane.box.y + PAD + row * row_height + LINE / 2
        placed.append(Placed(item, Box(x - MARK / 2, y - MARK / 2, MARK, MARK), None, ()))
    return placed


def layout_focus(graph: JourneyGraph, moment: Moment, text: Catalog) -> FocusLayout:
    items, window = moment_items(graph, moment, text)
    lanes = _lanes(graph, involved_sectors(graph, moment, items), text)
    placed: list[Placed] = []
    for lane in lanes:
        if not lane.folded:
            placed += _place_lane(lane, [i for i in items if i.sector == lane.sector], window)
    return FocusLayout(window, lanes, tuple(placed))


# --- drawing ---------------------------------------------------------------------------------

def _draw_lanes(dot: DotGraph, layout: FocusLayout, theme: Theme) -> None:
    bg = dot.background
    for index, lane in enumerate(layout.lanes):
        fill = "#BDBDBD" if lane.folded else theme.lane_fills[index % 2]
        bg.pen(theme.grid, fill, width=0.6).rect(lane.box.x, lane.box.y, lane.box.w, lane.box.h)
        if lane.title:
            box = Box(PAD * 2, lane.box.y + PAD, block_width(lane.title, FONT, "bold"), len(lane.title) * LINE)
            text_block(dot, f"lane:{lane.sector}", box, lane.title, TextStyle(FONT, theme.ink, bold=True),
                       element_id=f"lane-{lane.sector}")


def _draw_axis(dot: DotGraph, layout: FocusLayout, theme: Theme, text: Catalog, keep_clear: Sequence[Box]) -> None:
    bg = dot.background
    start, end = layout.window
    for year in range(math.ceil(start), math.floor(end) + 1):
        x = layout.x(year)
        bg.pen(theme.muted, width=1.0, style="dashed").line([(x, AXIS_HEIGHT), (x, HEIGHT)])
        label = text("render.timeline.year", age=year)
        width = text_width(label, FONT)
        box = Box(x - width / 2, PAD, width, LINE)
        if box.x < TITLE_WIDTH or box.right > WIDTH or any(box.overlaps(other) for other in keep_clear):
            continue
        text_block(dot, f"year:{year}", box, (label,), TextStyle(FONT, theme.ink))


def _draw_now(dot: DotGraph, layout: FocusLayout, theme: Theme, age: float) -> None:
    x = layout.x(min(max(age, layout.window[0]), layout.window[1]))
    bg = dot.background
    bg.pen("#FFFFFF00", "#80808033", width=0.1).rect(x, AXIS_HEIGHT, WIDTH - x, HEIGHT - AXIS_HEIGHT)
    bg.pen(theme.ink, width=5.0).line([(x, AXIS_HEIGHT), (x, HEIGHT)])


def gap_badge_box(layout: FocusLayout, gap: Any) -> Box:
    x = layout.x(min(max(gap.start, layout.window[0]), layout.window[1]))
    x = min(max(x, TITLE_WIDTH + BADGE / 2), WIDTH - BADGE / 2 - 1)
    return Box(x - BADGE / 2, (AXIS_HEIGHT - BADGE) / 2, BADGE, BADGE)


def _draw_gap(dot: DotGraph, layout: FocusLayout, graph: JourneyGraph, numbered: NumberedGap, theme: Theme) -> None:
    """The gap's span as a bracket over each lane it involves, weighted by severity; its number
    at the moment it starts, with a line down to the lanes."""
    gap, bg = numbered.gap, dot.background
    start, end = layout.window
    x0, x1 = layout.x(max(gap.start, start)), layout.x(min(gap.end, end))
    x1 = max(x1, x0 + 6)
    weight = SEVERITY_WIDTH.get(gap.severity, 3.5)
    style = SEVERITY_STYLE.get(gap.severity, "solid")
    sectors = {graph.vocabulary.sector_of(a) for a in gap.agencies}
    lanes = [lane for lane in layout.lanes if lane.sector in sectors and not lane.folded]
    labels = [p.label for p in layout.placed if p.label is not None]
    for lane in lanes:
        top = lane.box.y + weight / 2 + 1
        bg.pen("#FFFFFF00", "#D55E0014", width=0.1).rect(x0, lane.box.y, x1 - x0, lane.box.h)
        bg.pen(theme.gap_line, width=weight, style=style).line([(x0, top), (x1, top)])
        for x in (x0, x1) if gap.end <= end else (x0,):
            if not any(Box(x - weight / 2, top, weight, TICK).overlaps(label) for label in labels):
                bg.line([(x, top), (x, top + TICK)])  # no tick through a word
        if gap.end > end:
            bg.pen(theme.gap_line, theme.gap_line, width=1.0)
            bg.polygon([(x1 - 2, top - 7), (x1 + 10, top), (x1 - 2, top + 7)])
    box = gap_badge_box(layout, gap)
    if lanes:
        bg.pen(theme.gap_line, width=2.0).line([(box.centre[0], box.bottom), (box.centre[0], lanes[0].box.y)])
    badge(dot, f"badge:{numbered.number}", box, numbered, theme, element_id=f"gap-{numbered.number}")


def lane_fill(layout: FocusLayout, sector: str, theme: Theme) -> str:
    index = next((i for i, lane in enumerate(layout.lanes) if lane.sector == sector), 0)
    return theme.lane_fills[index % 2]


def _draw_backings(dot: DotGraph, layout: FocusLayout, theme: Theme) -> None:
    """Each label on a patch of its lane's own colour, drawn over the year lines, the gap's bracket
    and the greyed end, so that no line runs through a word."""
    bg = dot.background
    for place in layout.placed:
        if place.label is not None:
            fill = lane_fill(layout, place.item.sector, theme)
            box = place.label
            bg.pen(fill, fill, width=0.1).rect(box.x - 1, box.y, box.w + 2, box.h)


def _draw_items(dot: DotGraph, layout: FocusLayout, theme: Theme) -> None:
    for place in layout.placed:
        item = place.item
        fill = outline = None
        if not item.strong:
            fill, outline = FADED_FILL, FADED_LINE
        elif item.kind == SUPPORT_KIND:
            fill = LEVEL_FILLS.get(item.level, LEVEL_FILLS["preventive"])
        kind = "assessment" if item.kind == SUPPORT_KIND else item.kind
        shape = "box" if item.kind == SUPPORT_KIND else None
        marker(dot, f"item:{item.id}", kind, place.marker, theme, element_id=f"item-{item.id}", fill=fill,
               outline=outline, shape=shape)
        if place.label is not None:
            style = TextStyle(FONT, theme.ink if item.strong else FADED_TEXT, bold=item.strong)
            text_block(dot, f"label:{item.id}", place.label, place.lines, style)


def _draw_responses(dot: DotGraph, layout: FocusLayout, graph: JourneyGraph, theme: Theme) -> None:
    """Arrows from an event to the answer it got, between the strong items shown."""
    where = {p.item.id: p.marker for p in layout.placed if p.item.strong}
    for event in graph.events():
        source = event.responds_to
        if source in where and event.id in where:
            (x0, y0), (x1, y1) = where[source].centre, where[event.id].centre
            length = math.hypot(x1 - x0, y1 - y0) or 1.0
            ux, uy = (x1 - x0) / length, (y1 - y0) / length
            tail = (x0 + ux * MARK / 2, y0 + uy * MARK / 2)
            tip = (x1 - ux * (MARK / 2 + 1), y1 - uy * (MARK / 2 + 1))
            before = (tip[0] - ux * 8, tip[1] - uy * 8)
            path = [tail, (tail[0] + (before[0] - tail[0]) / 3, tail[1] + (before[1] - tail[1]) / 3),
                    (tail[0] + 2 * (before[0] - tail[0]) / 3, tail[1] + 2 * (before[1] - tail[1]) / 3), before]
            dot.edge(f"item:{source}", f"item:{event.id}", path, tip, id=f"response-{source}-{event.id}",
                     color=theme.ink, penwidth=2.0, arrowsize=0.8)


def record_end_in(graph: JourneyGraph, window: tuple[float, float]) -> float | None:
    """The age where the record ends, when it ends inside the window."""
    end = graph.record_end
    return end if end is not None and window[0] <= end <= window[1] else None


def _draw_record_end(dot: DotGraph, layout: FocusLayout, end: float, theme: Theme) -> None:
    """The end of the record: a strong line, and what lies after it greyed out (nothing is known)."""
    x, bg = layout.x(end), dot.background
    bg.pen("#FFFFFF00", "#D9D9D9", width=0.1).rect(x, AXIS_HEIGHT, WIDTH - x, HEIGHT - AXIS_HEIGHT)
    bg.pen(theme.ink, width=6.0).line([(x, 0), (x, HEIGHT)])


def marks_shown(layout: FocusLayout, moment: Moment, graph: JourneyGraph | None = None) -> tuple[str, ...]:
    """What the legend must explain: the event kinds drawn, faded items, the gap, the now-line,
    the end of the record."""
    kinds = sorted({p.item.kind for p in layout.placed if p.item.strong})
    extra = [FADED] if any(not p.item.strong for p in layout.placed) else []
    extra += [GAP] if moment.gap is not None else [NOW]
    extra += [END] if graph is not None and record_end_in(graph, layout.window) is not None else []
    return tuple(kinds + extra)


def focus_dot(graph: JourneyGraph, moment: Moment, text: Catalog) -> tuple[str, FocusLayout]:
    """The close-up's DOT and its layout."""
    theme = FOCUS_THEME
    layout = layout_focus(graph, moment, text)
    dot = DotGraph("focus", WIDTH, HEIGHT, font_family().graphviz_name)
    _draw_lanes(dot, layout, theme)
    badges = [gap_badge_box(layout, moment.gap.gap)] if moment.gap is not None else []
    _draw_axis(dot, layout, theme, text, badges)
    _draw_backings(dot, layout, theme)
    if moment.gap is not None:
        _draw_gap(dot, layout, graph, moment.gap, theme)
    else:
        _draw_now(dot, layout, theme, moment.age)
    end = record_end_in(graph, layout.window)
    if end is not None:
        _draw_record_end(dot, layout, end, theme)
    _draw_items(dot, layout, theme)
    _draw_responses(dot, layout, graph, theme)
    return dot.source(), layout


def focus_picture(graph: JourneyGraph, moment: Moment, text: Catalog) -> FocusPicture:
    dot, layout = focus_dot(graph, moment, text)
    return FocusPicture(Drawing(dot, WIDTH, HEIGHT), marks_shown(layout, moment, graph), layout.unlabelled, layout.window)
