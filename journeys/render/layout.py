"""Where everything on the timeline goes: x from age, y from lane, rows so nothing overlaps.

The layout is pure geometry on the whole persona (what ``until_age`` hides is only left out
when drawing, so stepping through the years never moves anything). Every box that holds text
is measured with the real font (:mod:`journeys.render.fonts`) and placed by first-fit row
packing inside its lane, so no two labels share any area, however many events there are.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from persona.i18n import Catalog
from persona.model import Event, Factor, Support

from journeys.graph import JourneyGraph, event_lane
from journeys.labels import event_label, support_label
from journeys.render.fonts import block_width, text_width, wrap
from journeys.render.gaplist import NumberedGap
from journeys.render.geometry import Box, pack_rows
from journeys.render.stages import life_stages
from journeys.render.theme import Theme

AXIS_END = 20.0  # a whole life; a persona's own axis ends at :func:`axis_end`
MAX_LABEL_LINES = 4
LINE_SPACING = 1.2
PAD = 3.0
BAND_LANE = "factors"


@dataclass(frozen=True)
class EventMark:
    """An event: its marker (shape by kind) and its label beside it."""

    event: Event
    lane: str
    marker: Box
    label: Box
    lines: tuple[str, ...]
    note: tuple[str, ...] = ()  # a second, italic part (the hand-over of a transition)

    @property
    def box(self) -> Box:
        return self.marker.union(self.label)


@dataclass(frozen=True)
class Bar:
    """A support or a factor: a bar over its ages, its label inside or just after it."""

    item: Support | Factor
    lane: str
    bar: Box
    label: Box
    lines: tuple[str, ...]
    inside: bool

    @property
    def box(self) -> Box:
        return self.bar.union(self.label)


@dataclass(frozen=True)
class Badge:
    """A gap's number, above the lanes."""

    numbered: NumberedGap
    box: Box


@dataclass(frozen=True)
class StageHeading:
    """A life stage's name over its column of years."""

    id: str
    start: float
    end: float
    box: Box
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Lane:
    sector: str
    box: Box
    title: tuple[str, ...]
    title_box: Box
    rows_top: float


@dataclass(frozen=True)
class TimelineLayout:
    width: float
    height: float
    left: float
    year_width: float
    axis_top: Box
    axis_bottom: Box
    lanes: tuple[Lane, ...]
    events: tuple[EventMark, ...]
    bars: tuple[Bar, ...]
    badges: tuple[Badge, ...]
    band: Lane
    load_strip: Box
    line_height: float
    stages: tuple[StageHeading, ...] = ()
    end: float = AXIS_END

    def x(self, age: float) -> float:
        return age_x(age, self.left, self.year_width, self.end)

    def lane(self, sector: str) -> Lane:
        return next((lane for lane in self.lanes if lane.sector == sector), self.lanes[0])

    def text_boxes(self) -> list[Box]:
        """Every box that holds text or a marker (what must never overlap)."""
        boxes = [m.box for m in self.events] + [b.box for b in self.bars] + [b.box for b in self.badges]
        boxes += [lane.title_box for lane in self.lanes] + [self.band.title_box]
        return boxes + [stage.box for stage in self.stages]


@dataclass(frozen=True)
class _Sizes:
    line: float
    marker: float
    bar: float
    badge: float
    left: float
    label_width: float
    end: float = AXIS_END

    @classmethod
    def of(cls, theme: Theme, end: float = AXIS_END) -> "_Sizes":
        line = theme.font_size * LINE_SPACING
        return cls(line=line, marker=theme.marker, bar=line + 2 * PAD / 1.5, badge=theme.font_size * 1.2 + 6,
                   left=theme.title_size * 12.5, label_width=theme.label_width, end=end)


def axis_end(graph: JourneyGraph) -> float:
    """Where every picture's age axis ends: where the record ends, rounded up to a whole year
    (the end line is drawn at the exact age); for a whole life 20, or the last age the persona
    names when that is later, rounded up."""
    return float(math.ceil(round(graph.horizon, 6)))


def age_x(age: float, left: float, year_width: float, end: float = AXIS_END) -> float:
    """Where an age lies across the picture: ``left`` is age 0; ages beyond the axis stay on it."""
    return left + min(max(age, 0.0), end) * year_width


def _x(age: float, left: float, theme: Theme, end: float = AXIS_END) -> float:
    return age_x(age, left, theme.year_width, end)


def _event_text(event: Event, graph: JourneyGraph, text: Catalog) -> tuple[str, str | None]:
    label = event_label(event, graph.vocabulary, text)
    handover = None
    if event.kind == "transition" and event.handover:
        handover = graph.vocabulary.label("handovers", event.handover, text.lang)
    return label, handover


def _measure_event(event: Event, graph: JourneyGraph, text: Catalog, theme: Theme, sizes: _Sizes):
    label, handover = _event_text(event, graph, text)
    lines = wrap(label, sizes.label_width, theme.font_size, max_lines=MAX_LABEL_LINES)
    note = wrap(handover, sizes.label_width, theme.small_size, "italic", max_lines=1) if handover else ()
    width = max(block_width(lines, theme.font_size), block_width(note, theme.small_size, "italic"))
    height = len(lines) * sizes.line + len(note) * theme.small_size * LINE_SPACING
    return lines, note, width, height


def _place_events(events: Sequence[Event], lane: str, top: float, graph: JourneyGraph, text: Catalog,
                  theme: Theme, sizes: _Sizes) -> tuple[list[EventMark], float]:
    measured = [(e, *_measure_event(e, graph, text, theme, sizes)) for e in events]
    extents = []
    for event, _, _, width, _ in measured:
        x = _x(event.age, sizes.left, theme, sizes.end)
        extents.append((x - sizes.marker / 2, x + sizes.marker / 2 + PAD + width))
    rows = pack_rows(extents, gap=PAD * 2)
    heights = [0.0] * (max(rows, default=-1) + 1)
    for row, (_, _, _, _, height) in zip(rows, measured):
        heights[row] = max(heights[row], height, sizes.marker)
    row_tops = [top + sum(heights[:r]) + r * theme.row_gap for r in range(len(heights))]
    marks = []
    for row, (event, lines, note, width, height) in zip(rows, measured):
        x, y = _x(event.age, sizes.left, theme, sizes.end), row_tops[row]
        marker_y = y + sizes.line / 2
        marker = Box(x - sizes.marker / 2, marker_y - sizes.marker / 2, sizes.marker, sizes.marker)
        label = Box(x + sizes.marker / 2 + PAD, y, width, height)
        marks.append(EventMark(event, lane, marker, label, lines, note))
    bottom = (row_tops[-1] + heights[-1]) if heights else top
    return marks, bottom


def _bar_text(item: Support | Factor, graph: JourneyGraph, text: Catalog) -> str:
    if isinstance(item, Support):
        level = graph.vocabulary.label("support_levels", item.level, text.lang)
        return f"{support_label(item, graph.vocabulary, text)} · {level}"
    return item.label


def _place_bars(items: Sequence[Support | Factor], lane: str, top: float, graph: JourneyGraph,
                text: Catalog, theme: Theme, sizes: _Sizes) -> tuple[list[Bar], float]:
    placed = []
    for item in sorted(items, key=lambda i: (i.from_, i.to if i.to is not None else sizes.end)):
        start = _x(item.from_, sizes.left, theme, sizes.end)
        end = max(_x(item.to if item.to is not None else sizes.end, sizes.left, theme, sizes.end), start + 4)
        label = _bar_text(item, graph, text)
        inside_width = end - start - 2 * PAD
        inside = text_width(label, theme.small_size) <= inside_width
        lines = (label,) if inside else wrap(label, sizes.label_width * 1.4, theme.small_size, max_lines=1)
        width = text_width(lines[0], theme.small_size)
        placed.append((item, start, end, lines, inside, width))
    extents = [(s, e if inside else e + PAD + w) for _, s, e, _, inside, w in placed]
    rows = pack_rows(extents, gap=PAD * 2)
    bars = []
    for row, (item, start, end, lines, inside, width) in zip(rows, placed):
        y = top + row * (sizes.bar + theme.row_gap / 2)
        bar = Box(start, y, end - start, sizes.bar)
        text_x = start + PAD if inside else end + PAD
        label_box = Box(text_x, y, width, sizes.bar) if not inside else Box(start, y, end - start, sizes.bar)
        bars.append(Bar(item, lane, bar, label_box, lines, inside))
    count = max(rows, default=-1) + 1
    return bars, top + count * (sizes.bar + theme.row_gap / 2)


def _title(sector_title: str, theme: Theme, sizes: _Sizes) -> tuple[str, ...]:
    return wrap(sector_title, sizes.left - sizes.marker - 4 * PAD, theme.title_size, "bold", max_lines=3)


def _lane_items(graph: JourneyGraph) -> tuple[dict[str, list[Event]], dict[str, list[Support]]]:
    events: dict[str, list[Event]] = {}
    supports: dict[str, list[Support]] = {}
    for event in graph.events():
        events.setdefault(event_lane(event, graph.vocabulary), []).append(event)
    for support in graph.supports():
        supports.setdefault(graph.vocabulary.sector_of(support.agency), []).append(support)
    return events, supports


def _lane(sector: str, title: str, top: float, bottom: float, width: float, theme: Theme, sizes: _Sizes) -> Lane:
    lines = _title(title, theme, sizes)
    title_h = len(lines) * theme.title_size * LINE_SPACING
    height = max(bottom - top, title_h + 2 * PAD)
    title_box = Box(PAD * 2, top + PAD, block_width(lines, theme.title_size, "bold"), title_h)
    return Lane(sector, Box(0, top, width, height), lines, title_box, top + PAD)


def _place_badges(numbered: Sequence[NumberedGap], top: float, theme: Theme, sizes: _Sizes) -> tuple[list[Badge], float]:
    # At the moment the gap starts (its cause), in reading order: by start age, then number.
    items = sorted(numbered, key=lambda n: (n.gap.start, n.number))
    centres = [_x(n.gap.start, sizes.left, theme, sizes.end) for n in items]
    widths = [max(sizes.badge, text_width(str(n.number), theme.font_size, "bold") + 8) for n in items]
    rows = pack_rows([(c - w / 2, c + w / 2) for c, w in zip(centres, widths)], gap=2)
    badges = [Badge(n, Box(c - w / 2, top + r * (sizes.badge + 2), w, sizes.badge))
              for n, c, w, r in zip(items, centres, widths, rows)]
    count = max(rows, default=-1) + 1
    return badges, top + count * (sizes.badge + 2)


def layout_timeline(graph: JourneyGraph, numbered: Sequence[NumberedGap], text: Catalog, theme: Theme) -> TimelineLayout:
    """The whole timeline's geometry for a persona (all of it; drawing may hide the future)."""
    sizes = _Sizes.of(theme, axis_end(graph))
    width = sizes.left + sizes.end * theme.year_width + sizes.label_width + 4 * PAD
    axis_h = theme.font_size * LINE_SPACING + 2 * PAD
    stages, stages_h = _place_stages(text, theme, sizes)
    axis_top = Box(sizes.left, stages_h, width - sizes.left, axis_h)
    badges, y = _place_badges(numbered, axis_top.bottom + PAD, theme, sizes)
    band, load_strip, bars, y = _place_band(graph, y + PAD, width, text, theme, sizes)
    events_by_lane, supports_by_lane = _lane_items(graph)
    lanes, marks = [], []
    for sector in graph.vocabulary.sectors_in_order():
        top = y
        lane_bars, y = _place_bars(supports_by_lane.get(sector, []), sector, top + PAD, graph, text, theme, sizes)
        lane_marks, y = _place_events(events_by_lane.get(sector, []), sector, y + PAD / 2, graph, text, theme, sizes)
        lane = _lane(sector, graph.vocabulary.label("sectors", sector, text.lang), top, y + PAD, width, theme, sizes)
        lanes.append(lane)
        bars += lane_bars
        marks += lane_marks
        y = lane.box.bottom
    axis_bottom = Box(sizes.left, y, width - sizes.left, axis_h)
    return TimelineLayout(width=width, height=y + axis_h, left=sizes.left, year_width=theme.year_width,
                          axis_top=axis_top, axis_bottom=axis_bottom, lanes=tuple(lanes), events=tuple(marks),
                          bars=tuple(bars), badges=tuple(badges), band=band, load_strip=load_strip,
                          line_height=sizes.line, stages=stages, end=sizes.end)


STAGE_LINES = 2


def _place_stages(text: Catalog, theme: Theme, sizes: _Sizes) -> tuple[tuple[StageHeading, ...], float]:
    """The life stages' names in a row above the axis, each wrapped to its column (two lines at most)."""
    line = theme.font_size * LINE_SPACING
    headings = []
    for stage in life_stages():
        if stage.start >= sizes.end:
            continue
        x0, x1 = _x(stage.start, sizes.left, theme, sizes.end), _x(stage.end, sizes.left, theme, sizes.end)
        lines = wrap(text(f"stages.{stage.id}"), x1 - x0 - 2 * PAD, theme.font_size, "bold", max_lines=STAGE_LINES)
        box = Box(x0 + PAD, PAD, block_width(lines, theme.font_size, "bold"), len(lines) * line)
        headings.append(StageHeading(stage.id, stage.start, min(stage.end, sizes.end), box, lines))
    return tuple(headings), STAGE_LINES * line + 2 * PAD


def _place_band(graph: JourneyGraph, top: float, width: float, text: Catalog, theme: Theme, sizes: _Sizes):
    factors = graph.persona.factors
    risks = [f for f in factors if f.type == "risk"]
    protective = [f for f in factors if f.type == "protective"]
    risk_bars, y = _place_bars(risks, BAND_LANE, top + PAD, graph, text, theme, sizes)
    strip = Box(sizes.left, y + PAD, sizes.end * theme.year_width, theme.font_size * 4.5)
    protective_bars, y = _place_bars(protective, BAND_LANE, strip.bottom + PAD, graph, text, theme, sizes)
    band = _lane(BAND_LANE, text("render.timeline.band"), top, y + PAD, width, theme, sizes)
    return band, strip, risk_bars + protective_bars, band.box.bottom
