"""The whole-life overview a screen can hold: the life stages as columns, the lanes, every gap's
number in reading order, the child's own words at their age — in one type size.

The picture has a fixed size (:data:`WIDTH` × :data:`HEIGHT` points) and a single type size
(:data:`FONT`, a fiftieth of the width), so a page that shows it at a known width knows the size
its text gets. A label is drawn only where it fits at that size without touching another; the
rest are marks whose label is their hover title (and in the close-up of that moment). Text is
never made smaller to make room: less is shown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from persona.i18n import Catalog
from persona.model import Event, Support

from journeys.ages import format_age, format_age_span
from journeys.gaps import rule_title
from journeys.graph import JourneyGraph, event_lane
from journeys.labels import event_label, support_label
from journeys.render.dot import DotGraph, TextStyle
from journeys.render.drawing import Drawing
from journeys.render.fonts import block_width, font_family, text_width, wrap
from journeys.render.gaplist import CLOSED, NEW, NumberedGap
from journeys.render.geometry import Box
from journeys.render.layout import LINE_SPACING, axis_end
from journeys.render.marks import badge, marker, text_block
from journeys.render.stages import life_stages
from journeys.render.theme import LEVEL_FILLS, PROJECTOR, Theme

FONT = 20.0
LINE = FONT * LINE_SPACING
WIDTH, HEIGHT = 1000.0, 560.0
TITLE_WIDTH = 150.0
PAD = 4.0
MARK = 14.0
BADGE = 28.0
GAP_ROWS = 2
GAP_MARK = 8.0
STAGE_ROWS = 2
LABEL_WIDTH = 210.0
WIDE_LABEL = 1.6 * LABEL_WIDTH
MIN_LABEL_CHARS = 14
FOLDED_HEIGHT = 8.0
VOICE_HEIGHT = MARK + 4 * PAD
BAR_HEIGHT = 5.0
YEAR_STEPS = (1, 2, 5, 10)
VOICE, SUPPORT, GAP, GAP_MARKED, NOW, END, FOLDED = "voice", "support", "gap", "gap-mark", "now", "end", "folded"
GAP_CLOSED, GAP_NEW = "gap-closed", "gap-new"
VOICE_SHAPE = "note"
FUTURE_FILL = "#80808033"
END_FILL = "#D9D9D9"

# How the overview's own marks are told apart without colour (form, and fill as a grey); the
# event kinds are drawn as on the timeline.
MARK_LOOKS = {
    SUPPORT: ("thin bar", LEVEL_FILLS["early"]),
    VOICE: ("sheet with a folded corner", "#FFFFFF"),
    GAP: ("numbered circle", PROJECTOR.gap_line),
    GAP_MARKED: ("small triangle", PROJECTOR.gap_line),
    GAP_CLOSED: ("dashed numbered ring", "#FFFFFF"),
    GAP_NEW: ("numbered circle in a second ring", PROJECTOR.gap_line),
    FOLDED: ("thin strip", "#BDBDBD"),
    NOW: ("line over grey", FUTURE_FILL[:7]),
    END: ("heavy line over grey", END_FILL),
}

OVERVIEW_THEME = Theme(name="overview", font_size=FONT, small_size=FONT, title_size=FONT, line_width=1.4,
                       year_width=1.0, label_width=LABEL_WIDTH, marker=MARK, row_gap=PAD, muted=PROJECTOR.muted,
                       grid=PROJECTOR.grid, lane_fills=PROJECTOR.lane_fills)


@dataclass(frozen=True)
class Placed:
    """A mark (an event, a support's bar, a quote, a gap) with its hover title, and its label
    when one fits."""

    id: str
    kind: str
    box: Box
    title: str
    label: Box | None = None
    lines: tuple[str, ...] = ()
    age: float = 0.0


@dataclass(frozen=True)
class Column:
    """A life stage's column of years and its name, when the name fits."""

    id: str
    x0: float
    x1: float
    name: str
    box: Box | None
    full_name: str = ""


@dataclass(frozen=True)
class OverviewLane:
    sector: str
    box: Box
    folded: bool
    title: tuple[str, ...]
    name: str


@dataclass(frozen=True)
class OverviewLayout:
    end: float
    until: float | None
    columns: tuple[Column, ...]
    years: tuple[tuple[int, Box], ...]
    axis: Box
    lanes: tuple[OverviewLane, ...]
    voice: Box | None
    marks: tuple[Placed, ...]
    gaps: tuple[Placed, ...]
    gaps_bottom: float = 0.0

    def x(self, age: float) -> float:
        return overview_x(age, self.end)

    def text_boxes(self) -> list[Box]:
        """Every box that holds text (what must never overlap)."""
        boxes = [c.box for c in self.columns if c.box is not None] + [box for _, box in self.years]
        boxes += [title_box(lane) for lane in self.lanes if lane.title]
        boxes += [p.label for p in self.marks if p.label is not None]
        return boxes + [p.box for p in self.gaps if p.kind == GAP]

    @property
    def hidden_labels(self) -> int:
        return sum(1 for p in self.marks if p.label is None and p.kind != SUPPORT)


def overview_x(age: float, end: float) -> float:
    """Where an age lies across the picture; age 0 and the end of the axis stay inside."""
    return TITLE_WIDTH + MARK + min(max(age, 0.0), end) / end * (WIDTH - TITLE_WIDTH - 2 * MARK)


def _grown(box: Box, by: float) -> Box:
    return Box(box.x - by, box.y - by, box.w + 2 * by, box.h + 2 * by)


def title_box(lane: OverviewLane) -> Box:
    return Box(PAD * 2, lane.box.y + PAD, block_width(lane.title, FONT), len(lane.title) * LINE)


# --- the rows at the top: stages, years, gaps ----------------------------------------------

def _columns(end: float, text: Catalog) -> tuple[Column, ...]:
    """Each stage's column, its name in the first of two rows where it fits whole without
    touching another name (a name may run over the next column; never past the picture)."""
    rows: list[list[Box]] = [[] for _ in range(STAGE_ROWS)]
    columns = []
    for stage in life_stages():
        if stage.start >= end:
            continue
        x0, x1 = overview_x(stage.start, end), overview_x(min(stage.end, end), end)
        name = _short(text, f"overview.stages.{stage.id}", f"stages.{stage.id}")
        width = text_width(name, FONT)
        placed = None
        for row, used in enumerate(rows):
            box = Box(x0 + PAD, PAD + row * LINE, width, LINE)
            if box.right <= WIDTH - PAD and not any(box.overlaps(_grown(other, PAD)) for other in used):
                used.append(box)
                placed = box
                break
        columns.append(Column(stage.id, x0, x1, name, placed, text(f"stages.{stage.id}")))
    return tuple(columns)


def _short(text: Catalog, short: str, full: str) -> str:
    """The short name the overview has room for, or the full one (a municipality's own sector)."""
    return text(short) if text.has(short) else text(full)


def _years(end: float, top: float, text: Catalog) -> tuple[tuple[int, Box], ...]:
    """The years along the axis, every one, second, fifth or tenth: as many as have room."""
    for step in YEAR_STEPS:
        boxes = []
        for year in range(0, int(end) + 1, step):
            label = text("render.timeline.year", age=year)
            width = text_width(label, FONT)
            boxes.append((year, Box(overview_x(year, end) - width / 2, top, width, LINE)))
        if all(b.right + PAD * 2 <= c.x for (_, b), (_, c) in zip(boxes, boxes[1:])):
            return tuple(boxes)
    return ((0, boxes[0][1]),)


def _gap_title(numbered: NumberedGap, text: Catalog) -> str:
    gap = numbered.gap
    return text("overview.gap", number=numbered.number, title=rule_title(gap.rule, text),
                span=format_age_span(gap.start, gap.end, text))


def _gaps(numbered: Sequence[NumberedGap], end: float, top: float, text: Catalog) -> tuple[list[Placed], float]:
    """Each gap's number at the age it starts, in reading order, in the first of two rows where
    it fits; the rest as small marks under them (their number and title on hover)."""
    rows: list[list[Box]] = [[] for _ in range(GAP_ROWS)]
    marks_top = top + GAP_ROWS * (BADGE + PAD)
    placed = []
    for item in sorted(numbered, key=lambda n: (n.gap.start, n.number)):
        x = overview_x(item.gap.start, end)
        width = max(BADGE, text_width(str(item.number), FONT, "bold") + 10)
        title = _gap_title(item, text)
        for row, used in enumerate(rows):
            box = Box(x - width / 2, top + row * (BADGE + PAD), width, BADGE)
            if box.x >= TITLE_WIDTH and box.right <= WIDTH and not any(box.overlaps(_grown(o, 1.0)) for o in used):
                used.append(box)
                placed.append(Placed(f"gap-{item.number}", GAP, box, title, age=item.gap.start))
                break
        else:
            placed.append(Placed(f"gap-{item.number}", GAP_MARKED,
                                 Box(x - GAP_MARK / 2, marks_top, GAP_MARK, GAP_MARK), title, age=item.gap.start))
    return placed, marks_top + GAP_MARK + PAD


# --- the lanes -----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Item:
    id: str
    age: float
    sector: str
    kind: str
    label: str
    rank: int  # lower is labelled first: the events gaps start from, then those they rest on


def _items(graph: JourneyGraph, numbered: Sequence[NumberedGap], text: Catalog) -> list[_Item]:
    """Every event of the life (what the walk has not reached yet is hidden when drawing, so
    nothing moves as it goes on)."""
    causes = {n.gap.events[0] for n in numbered if n.gap.events}
    involved = {e for n in numbered for e in n.gap.events}
    shown = graph.events()
    return [_Item(e.id, float(e.age), event_lane(e, graph.vocabulary), e.kind,
                  event_label(e, graph.vocabulary, text), 0 if e.id in causes else 1 if e.id in involved else 2)
            for e in shown]


def _event_title(item: _Item, text: Catalog) -> str:
    return text("overview.event", age=format_age(item.age, text), label=item.label)


def _lanes(graph: JourneyGraph, busy: set[str], top: float, text: Catalog) -> tuple[OverviewLane, ...]:
    sectors = list(graph.vocabulary.sectors_in_order())
    open_count = sum(1 for s in sectors if s in busy) or 1
    height = (HEIGHT - top - (len(sectors) - open_count) * FOLDED_HEIGHT) / open_count
    lanes, y = [], top
    for sector in sectors:
        name = graph.vocabulary.label("sectors", sector, text.lang)
        if sector not in busy:
            lanes.append(OverviewLane(sector, Box(0, y, WIDTH, FOLDED_HEIGHT), True, (), name))
            y += FOLDED_HEIGHT
            continue
        short = graph.vocabulary.label("sectors", sector, text.lang)
        key = f"overview.sectors.{sector}"
        short = text(key) if text.has(key) else short
        fits = max(1, int((height - BAR_HEIGHT - PAD) // LINE))
        title = wrap(short, TITLE_WIDTH - 3 * PAD, FONT, max_lines=fits)
        lanes.append(OverviewLane(sector, Box(0, y, WIDTH, height), False, title, name))
        y += height
    return tuple(lanes)


def _free(used: list[Box], box: Box) -> bool:
    return not any(box.overlaps(_grown(other, PAD)) for other in used)


def _label_at(label: str, x: float, top: float, used: list[Box]) -> tuple[tuple[str, ...], Box]:
    """The label's line and the box of marker and label: whole when it fits in
    :data:`WIDE_LABEL` and the room is free, else cut to :data:`LABEL_WIDTH`."""
    for width in (WIDE_LABEL, LABEL_WIDTH):
        lines = wrap(label, width, FONT, max_lines=1)
        box = Box(x - MARK / 2, top, MARK + PAD + block_width(lines, FONT), LINE)
        whole = lines[0] == label
        if (whole or width == LABEL_WIDTH) and box.right <= WIDTH - PAD and _free(used, box):
            return lines, box
    return lines, box


def _place_lane(lane: OverviewLane, items: Sequence[_Item], end: float, text: Catalog) -> list[Placed]:
    """A row of labels at the lane's top, the items gaps rest on first; what finds no room for
    its label is a mark in the row under it (its label on hover)."""
    marks_y = lane.box.bottom - BAR_HEIGHT - PAD - MARK
    top = lane.box.y + PAD
    has_row = marks_y - PAD >= top + LINE
    has_label = has_row
    used: list[Box] = []
    placed = []
    for item in sorted(items, key=lambda i: (i.rank, i.age, i.id)):
        x = overview_x(item.age, end)
        lines, candidate = _label_at(item.label, x, top, used)
        if len(lines[0]) < min(len(item.label), MIN_LABEL_CHARS):  # too little of it to say anything
            has_label = False
        width = candidate.w - MARK - PAD
        if has_label and candidate.x >= TITLE_WIDTH and candidate.right <= WIDTH - PAD and _free(used, candidate):
            used.append(candidate)
            box = Box(x - MARK / 2, top + (LINE - MARK) / 2, MARK, MARK)
            placed.append(Placed(item.id, item.kind, box, _event_title(item, text),
                                 Box(x + MARK / 2 + PAD, top, width, LINE), lines, item.age))
        else:
            placed.append(Placed(item.id, item.kind, Box(x - MARK / 2, marks_y, MARK, MARK), _event_title(item, text),
                                 age=item.age))
        has_label = has_row
    return placed


def _supports(graph: JourneyGraph, lanes: Sequence[OverviewLane], end: float, text: Catalog,
              until: float | None) -> list[Placed]:
    """Each support as a thin bar along the bottom of its lane, its name and years on hover."""
    placed = []
    for support in graph.supports():
        if until is not None and support.from_ > until + 1e-9:
            continue
        lane = next((la for la in lanes if la.sector == graph.vocabulary.sector_of(support.agency)), None)
        if lane is None or lane.folded:
            continue
        stop = support.to if support.to is not None else end
        if until is not None:
            stop = min(stop, until)
        x0, x1 = overview_x(support.from_, end), overview_x(stop, end)
        box = Box(x0, lane.box.bottom - BAR_HEIGHT - PAD / 2, max(x1 - x0, 2.0), BAR_HEIGHT)
        placed.append(Placed(f"support-{support.id}", SUPPORT, box, _support_title(support, graph, text),
                             age=support.from_))
    return placed


def _support_title(support: Support, graph: JourneyGraph, text: Catalog) -> str:
    span = format_age_span(support.from_, support.to, text) if support.to is not None else format_age(support.from_, text)
    return text("overview.support", label=support_label(support, graph.vocabulary, text), span=span)


def _voices(events: Sequence[Event], box: Box, end: float, text: Catalog) -> list[Placed]:
    """The child's (or the family's) own words: a mark at each quote's age, the quote on hover."""
    y = box.y + (box.h - MARK) / 2
    return [Placed(f"voice-{e.id}", VOICE, Box(overview_x(e.age, end) - MARK / 2, y, MARK, MARK),
                   text("overview.voice", voice=e.voice, age=format_age(e.age, text)), age=e.age) for e in events]


def layout_overview(graph: JourneyGraph, numbered: Sequence[NumberedGap], text: Catalog,
                    until: float | None = None) -> OverviewLayout:
    """The whole overview's geometry (``until``: only what has happened by then)."""
    end = axis_end(graph)
    record_end = graph.record_end
    if record_end is not None:
        until = record_end if until is None else min(until, record_end)
    columns = _columns(end, text)
    years = _years(end, STAGE_ROWS * LINE + 2 * PAD, text)
    axis = Box(TITLE_WIDTH, years[0][1].y, WIDTH - TITLE_WIDTH, LINE + PAD)
    gaps, y = _gaps(numbered, end, axis.bottom + PAD, text)
    said = [e for e in graph.persona.events_by_age() if e.voice]
    voice = Box(0, y, WIDTH, VOICE_HEIGHT) if said else None
    items = _items(graph, numbered, text)
    busy = {i.sector for i in items} | {graph.vocabulary.sector_of(s.agency) for s in graph.supports()}
    lanes = _lanes(graph, busy, voice.bottom if voice else y, text)
    marks: list[Placed] = []
    for lane in lanes:
        if not lane.folded:
            marks += _place_lane(lane, [i for i in items if i.sector == lane.sector], end, text)
    if voice is not None:
        marks += _voices(said, voice, end, text)
    reached = [p for p in marks if until is None or p.age <= until + 1e-9]
    reached += _supports(graph, lanes, end, text, until)
    gaps = [g for g in gaps if until is None or g.age <= until + 1e-9]
    return OverviewLayout(end, until, columns, years, axis, lanes, voice, tuple(reached), tuple(gaps),
                          voice.y if voice else y)


# --- drawing -------------------------------------------------------------------------------

def _draw_frame(dot: DotGraph, layout: OverviewLayout, theme: Theme, text: Catalog) -> None:
    bg = dot.background
    for index, column in enumerate(layout.columns):
        fill = theme.lane_fills[index % 2]
        bg.pen(theme.grid, fill, width=0.6).rect(column.x0, 0, column.x1 - column.x0, layout.axis.y)
        bg.pen(theme.muted, width=1.2).line([(column.x0, 0), (column.x0, HEIGHT)])
        dot.node(f"stage-hover:{column.id}", (column.x0 + column.x1) / 2, layout.axis.y / 2, shape="box",
                 width=round((column.x1 - column.x0) / 72, 4), height=round(layout.axis.y / 72, 4), fixedsize="true",
                 style="invis", label="", tooltip=column.full_name)
        if column.box is not None:
            text_block(dot, f"stage:{column.id}", column.box, (column.name,), TextStyle(FONT, theme.ink, bold=False),
                       element_id=f"stage-{column.id}")
    for index, lane in enumerate(layout.lanes):
        fill = "#BDBDBD" if lane.folded else theme.lane_fills[index % 2]
        bg.pen(theme.grid, fill, width=0.6).rect(lane.box.x, lane.box.y, lane.box.w, lane.box.h)
    if layout.voice is not None:
        box = layout.voice
        bg.pen(theme.grid, "#FFF8E0", width=0.6).rect(box.x, box.y, box.w, box.h)
    for year, box in layout.years:
        x = layout.x(year)
        bg.pen(theme.grid, width=0.6, style="dashed").line([(x, layout.axis.bottom), (x, HEIGHT)])
        text_block(dot, f"year:{year}", box, (text("render.timeline.year", age=year),), TextStyle(FONT, theme.ink))
    for column in layout.columns:  # the stages' borders over the year lines
        bg.pen(theme.muted, width=1.2).line([(column.x0, 0), (column.x0, HEIGHT)])


def _draw_titles(dot: DotGraph, layout: OverviewLayout, theme: Theme, text: Catalog) -> None:
    for lane in layout.lanes:
        box = lane.box if lane.folded else title_box(lane)
        dot.node(f"lane-hover:{lane.sector}", lane.box.x + TITLE_WIDTH / 2, lane.box.centre[1], shape="box",
                 width=round(TITLE_WIDTH / 72, 4), height=round(lane.box.h / 72, 4), fixedsize="true",
                 style="invis", label="", tooltip=lane.name)
        if lane.title:
            text_block(dot, f"lane:{lane.sector}", box, lane.title, TextStyle(FONT, theme.ink, bold=False),
                       element_id=f"lane-{lane.sector}")
    if layout.voice is not None:
        name = text("overview.voice_lane")
        lines = wrap(name, TITLE_WIDTH - 3 * PAD, FONT, max_lines=1)
        box = Box(PAD * 2, layout.voice.y + (layout.voice.h - LINE) / 2, block_width(lines, FONT), LINE)
        if box.h <= layout.voice.h:
            text_block(dot, "lane:voice", box, lines, TextStyle(FONT, theme.ink, italic=True), element_id="lane-voice")


def _draw_time(dot: DotGraph, layout: OverviewLayout, graph: JourneyGraph, theme: Theme) -> None:
    """The record's end (a strong line, nothing after it), or where the walk stands (now)."""
    bg = dot.background
    top = layout.axis.bottom
    record_end = graph.record_end
    if record_end is not None:
        x = layout.x(record_end)
        bg.pen("#FFFFFF00", END_FILL, width=0.1).rect(x, top, WIDTH - x, HEIGHT - top)
        bg.pen(theme.ink, width=5.0).line([(x, 0), (x, HEIGHT)])
    if layout.until is not None and layout.until != record_end:
        x = layout.x(layout.until)
        bg.pen("#FFFFFF00", FUTURE_FILL, width=0.1).rect(x, top, WIDTH - x, HEIGHT - top)
        bg.pen(theme.ink, width=4.0).line([(x, top), (x, HEIGHT)])


def _draw_marks(dot: DotGraph, layout: OverviewLayout, theme: Theme) -> None:
    bg = dot.background
    for place in layout.marks:  # patches first: no line runs through a label
        if place.label is not None:
            bg.pen("#FFFFFF", "#FFFFFF", width=0.1).rect(place.label.x - 1, place.label.y, place.label.w + 2,
                                                       place.label.h)
    for place in layout.marks:
        box = place.box
        if place.kind == SUPPORT:
            dot.node(f"{place.id}", box.centre[0], box.centre[1], shape="box", width=round(box.w / 72, 4),
                     height=round(box.h / 72, 4), fixedsize="true", style="filled", fillcolor=LEVEL_FILLS["early"],
                     color=theme.ink, penwidth=0.8, label="", tooltip=place.title, id=place.id)
        elif place.kind == VOICE:
            dot.node(f"{place.id}", box.centre[0], box.centre[1], shape=VOICE_SHAPE, width=round(box.w / 72, 4),
                     height=round(box.h / 72, 4), fixedsize="true", style="filled", fillcolor="#FFFFFF",
                     color=theme.ink, penwidth=1.4, label="", tooltip=place.title, id=place.id)
        else:
            marker(dot, f"event:{place.id}", place.kind, box, theme, element_id=f"event-{place.id}",
                   tooltip=place.title)
        if place.label is not None:
            text_block(dot, f"label:{place.id}", place.label, place.lines, TextStyle(FONT, theme.ink))


def _draw_gaps(dot: DotGraph, layout: OverviewLayout, numbered: Sequence[NumberedGap], theme: Theme) -> None:
    by_id = {f"gap-{n.number}": n for n in numbered}
    bg = dot.background
    for place in layout.gaps:
        item = by_id[place.id]
        x = layout.x(item.gap.start)
        if place.kind == GAP:
            bg.pen(theme.gap_line, width=1.5).line([(x, place.box.bottom), (x, layout.gaps_bottom)])
            badge(dot, f"badge:{item.number}", place.box, item, theme, element_id=place.id)
            dot.node(f"badge-hover:{item.number}", place.box.centre[0], place.box.centre[1], shape="circle",
                     width=round(place.box.h / 72, 4), height=round(place.box.h / 72, 4), fixedsize="true",
                     style="invis", label="", tooltip=place.title)
        else:
            dot.node(f"gap-mark:{item.number}", place.box.centre[0], place.box.centre[1], shape="invtriangle",
                     width=round(place.box.w / 72, 4), height=round(place.box.h / 72, 4), fixedsize="true",
                     style="filled", fillcolor=theme.gap_line, color=theme.gap_line, label="", tooltip=place.title,
                     id=place.id)


def marks_shown(layout: OverviewLayout, graph: JourneyGraph,
                numbered: Sequence[NumberedGap] = ()) -> tuple[str, ...]:
    """What the legend must explain: the event kinds drawn, supports, quotes, gap numbers and
    gap marks (closed and new ones under a scenario), folded lanes, where the walk stands, the
    record's end."""
    kinds = sorted({p.kind for p in layout.marks if p.kind not in (SUPPORT, VOICE)})
    extra = [k for k in (SUPPORT, VOICE) if any(p.kind == k for p in layout.marks)]
    extra += [k for k in (GAP, GAP_MARKED) if any(p.kind == k for p in layout.gaps)]
    shown = {p.id for p in layout.gaps if p.kind == GAP}
    statuses = {n.status for n in numbered if f"gap-{n.number}" in shown}
    extra += [mark for mark, status in ((GAP_CLOSED, CLOSED), (GAP_NEW, NEW)) if status in statuses]
    extra += [FOLDED] if any(lane.folded for lane in layout.lanes) else []
    extra += [NOW] if layout.until is not None and layout.until != graph.record_end else []
    extra += [END] if graph.record_end is not None else []
    return tuple(kinds + extra)


@dataclass(frozen=True)
class OverviewPicture:
    """The overview, the marks it shows (for a legend of just those) and how many labels are
    left to hover."""

    drawing: Drawing
    marks: tuple[str, ...]
    hidden_labels: int


def draw_overview(layout: OverviewLayout, graph: JourneyGraph, numbered: Sequence[NumberedGap],
                  text: Catalog) -> DotGraph:
    """The overview drawn from its layout (a layer, such as a scenario's marks, may go on top)."""
    theme = OVERVIEW_THEME
    dot = DotGraph("overview", WIDTH, HEIGHT, font_family().graphviz_name)
    _draw_frame(dot, layout, theme, text)
    _draw_time(dot, layout, graph, theme)
    _draw_titles(dot, layout, theme, text)
    _draw_marks(dot, layout, theme)
    _draw_gaps(dot, layout, numbered, theme)
    return dot


def overview_dot(graph: JourneyGraph, numbered: Sequence[NumberedGap], text: Catalog,
                 until: float | None = None) -> tuple[str, OverviewLayout]:
    layout = layout_overview(graph, numbered, text, until)
    return draw_overview(layout, graph, numbered, text).source(), layout


_NAME_TITLE = re.compile(r"<title>[^<]*</title>\n?")
_HOVER = re.compile(r'<a xlink:title="([^"]*)">')


def hover_titles(svg: str) -> str:
    """The overview's SVG with each mark's hover text as an SVG ``<title>`` (what every browser
    shows on hover) instead of Graphviz's node names (``event:kim-1``), which say nothing."""
    return _HOVER.sub(lambda m: f'{m.group(0)}<title>{m.group(1)}</title>', _NAME_TITLE.sub("", svg))


def overview_picture(graph: JourneyGraph, numbered: Sequence[NumberedGap], text: Catalog,
                     until: float | None = None) -> OverviewPicture:
    dot, layout = overview_dot(graph, numbered, text, until)
    return OverviewPicture(Drawing(dot, WIDTH, HEIGHT), marks_shown(layout, graph, numbered), layout.hidden_labels)


__all__ = ["FONT", "WIDTH", "HEIGHT", "OverviewPicture", "layout_overview", "overview_picture"]
