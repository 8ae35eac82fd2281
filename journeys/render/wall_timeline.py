"""The wall poster's timeline, laid out in page points for one paper size.

Ages run across (0–20), the life stages head their columns, the factor band with the risk load
comes first, then one lane per sector that has something in it, then the child's own words. The
events the gaps rest on are labelled in the poster's label size, placed first in their lane;
other events get a small label where a row has room, or stay a mark without a label (their text
is in the chronology). Nothing is ever set smaller to make it fit. Pure geometry: drawn by
:mod:`journeys.render.wall_draw`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from persona.i18n import Catalog
from persona.model import Event, Factor, Support

from journeys.ages import format_age
from journeys.graph import JourneyGraph, event_lane
from journeys.labels import event_label, support_label
from journeys.render.fonts import text_width
from journeys.render.gaplist import NumberedGap
from journeys.render.geometry import Box, pack_rows
from journeys.render.layout import axis_end
from journeys.render.stages import life_stages
from journeys.render.wall_sizes import TypeScale
from journeys.render.wall_text import Line, set_text

CHAIN_LINES = 2
OTHER_LINES = 2
LABEL_WIDTH = 11.0  # a label's width, in its own type size
NARROWER = ((LABEL_WIDTH, 2), (7.0, 3), (5.0, 4))  # a gap's event without room: small, narrower and taller
VOICE_LINES = 5
VOICE_ROWS = 2
BRACKET_SLOTS = 4
BAND = "factors"
VOICE = "voice"


@dataclass(frozen=True)
class EventPlace:
    """An event's mark and, unless it is a bare mark, its label lines."""

    event: Event
    lane: str
    marker: Box
    lines: tuple[Line, ...]
    chain: bool


@dataclass(frozen=True)
class BarPlace:
    """A support or a factor over its ages, with its label when there is room for it."""

    item: Support | Factor
    box: Box
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class LanePlace:
    sector: str
    box: Box
    title: tuple[Line, ...]


@dataclass(frozen=True)
class BracketPlace:
    """A gap's span in one lane it involves, as a bracket along the lane's top."""

    numbered: NumberedGap
    y: float
    x0: float
    x1: float


@dataclass(frozen=True)
class BadgePlace:
    """A gap's number in a circle, above the axis where the gap starts."""

    numbered: NumberedGap
    box: Box
    line: Line


@dataclass(frozen=True)
class VoicePlace:
    event: Event
    mark: Box
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class StagePlace:
    id: str
    x0: float
    x1: float
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Grid:
    """Where ages lie across the page."""

    left: float
    year_width: float
    end: float  # the last age on the axis (journeys.render.layout.axis_end)

    def x(self, age: float) -> float:
        return self.left + min(max(age, 0.0), self.end) * self.year_width

    @property
    def right(self) -> float:
        return self.x(self.end)


@dataclass(frozen=True)
class WallTimeline:
    grid: Grid
    box: Box
    stages: tuple[StagePlace, ...]
    stages_bottom: float
    callout_zone: Box
    badges: tuple[BadgePlace, ...]
    ticks: tuple[Line, ...]
    axis_top: float
    axis_bottom: float
    band: LanePlace
    load: Box
    lanes: tuple[LanePlace, ...]
    bars: tuple[BarPlace, ...]
    events: tuple[EventPlace, ...]
    brackets: tuple[BracketPlace, ...]
    voices: tuple[VoicePlace, ...]
    voice_lane: LanePlace | None
    voices_left_out: int

    def labelled(self, size: float = 0.0) -> set[str]:
        """The ids of the events drawn with a label (of at least ``size``)."""
        return {place.event.id for place in self.events if place.lines and place.lines[0].size >= size}

    def lines(self) -> list[Line]:
        found = [line for stage in self.stages for line in stage.lines] + list(self.ticks)
        found += [badge.line for badge in self.badges]
        for lane in (self.band, *self.lanes, *([self.voice_lane] if self.voice_lane else [])):
            found += lane.title
        found += [line for bar in self.bars for line in bar.lines]
        found += [line for place in self.events for line in place.lines]
        return found + [line for voice in self.voices for line in voice.lines]


@dataclass(frozen=True)
class Measures:
    """Sizes derived from the type scale (points)."""

    scale: TypeScale
    pad: float
    marker: float
    badge: float
    bar: float
    title_width: float
    bracket_step: float

    @classmethod
    def of(cls, scale: TypeScale) -> "Measures":
        return cls(scale, pad=scale.small * 0.4, marker=scale.label, badge=scale.body * 1.5,
                   bar=scale.line(scale.small) + scale.small * 0.2, title_width=scale.body * 13,
                   bracket_step=scale.small * 0.55)


# --- text of the things on the timeline -------------------------------------------------------
def _bar_words(item: Support | Factor, graph: JourneyGraph, text: Catalog) -> str:
    if isinstance(item, Support):
        level = graph.vocabulary.label("support_levels", item.level, text.lang)
        return f"{support_label(item, graph.vocabulary, text)} · {level}"
    return item.label


def chain_events(numbered: Sequence[NumberedGap]) -> set[str]:
    """The ids every gap rests on (events and supports)."""
    return {event_id for item in numbered for event_id in item.gap.events}


def cause_events(numbered: Sequence[NumberedGap], graph: JourneyGraph) -> set[str]:
    """For each gap, the earliest event it rests on: where its number stands."""
    order = {event.id: (event.age, index) for index, event in enumerate(graph.persona.events)}
    return {min(ids, key=order.__getitem__) for ids in ([e for e in item.gap.events if e in order]
                                                       for item in numbered) if ids}


# --- rows --------------------------------------------------------------------------------------
class Rows:
    """Rows of horizontal extents; an extent goes into the first row where it fits."""

    def __init__(self, limit: int, gap: float):
        self.limit, self.gap = limit, gap
        self.taken: list[list[tuple[float, float]]] = []

    def put(self, left: float, right: float) -> int | None:
        return self.put_any([(left, right)])[0]

    def put_any(self, extents: Sequence[tuple[float, float]]) -> tuple[int | None, int]:
        """The first row where one of ``extents`` fits (tried in order in each row), and which one."""
        for index, row in enumerate(self.taken):
            for choice, (left, right) in enumerate(extents):
                if all(right + self.gap <= a or b + self.gap <= left for a, b in row):
                    row.append((left, right))
                    return index, choice
        if len(self.taken) < self.limit:
            self.taken.append([extents[0]])
            return len(self.taken) - 1, 0
        return None, 0


def _label_sides(x: float, marker: float, lines: list[Line], grid: Grid, pad: float) -> list[list[Line]]:
    """The label's lines right of the mark and left of it (only left when right would run off the axis)."""
    width = max(line.box.w for line in lines)
    right = x + marker / 2 + pad
    left = x - marker / 2 - pad - width
    sides = [right, left] if right + width <= grid.right + marker else [left]
    if left < grid.left - marker:
        sides = [right]
    return [[Line(Box(side, line.box.y, line.box.w, line.box.h), line.text, line.size, line.weight, line.colour)
             for line in lines] for side in sides]


@dataclass(frozen=True)
class _Planned:
    event: Event
    row: int | None
    lines: tuple[Line, ...]  # y relative to the row's top
    chain: bool


LabelChoices = tuple[list[list[Line]], list[tuple[float, float]]]


def _label_choices(event: Event, size: float, most: int, graph: JourneyGraph, text: Catalog, grid: Grid,
                   m: Measures, width: float = LABEL_WIDTH, memo: dict[tuple, LabelChoices] | None = None) -> LabelChoices:
    """The label of ``event`` in ``size`` (``width`` times as wide), right and left of its mark,
    and what each takes across (set once per page in ``memo``: every trial height asks again)."""
    key = (event.id, size, most, width)
    if memo is not None and key in memo:
        return memo[key]
    x = grid.x(event.age)
    sides = _label_sides(x, m.marker, set_text(event_label(event, graph.vocabulary, text), 0, 0,
                                               width * size, size, max_lines=most), grid, m.pad)
    extents = [(min(x - m.marker / 2, lines[0].box.x), max(x + m.marker / 2, max(ln.box.right for ln in lines)))
               for lines in sides]
    if memo is not None:
        memo[key] = (sides, extents)
    return sides, extents


def _plan_events(events: Sequence[Event], chain: set[str], causes: set[str], graph: JourneyGraph, text: Catalog,
                 grid: Grid, m: Measures, rows_limit: int, memo: dict[tuple, LabelChoices]) -> list[_Planned]:
    """The events of one lane in rows: those the gaps rest on first (each may open a new row, up
    to ``rows_limit``; where a gap's number stands, one that finds no room at the label size gets
    a small label, narrower if need be, where a row has room), then the others with a small label
    where an existing row has room, else as a bare mark where a row has room for the mark; what
    finds no row is a bare mark below (a gap's first event with a one-line small label beside it
    where that row has room)."""
    scale = m.scale
    rows = Rows(rows_limit, m.pad * 2)
    order = sorted(events, key=lambda e: (e.id not in chain, e.age, e.id))
    planned = []
    for event in order:
        is_chain = event.id in chain
        size, most = (scale.label, CHAIN_LINES) if is_chain else (scale.small, OTHER_LINES)
        sides, extents = _label_choices(event, size, most, graph, text, grid, m, memo=memo)
        if not is_chain:
            rows.limit = max(len(rows.taken), 1)
        row, choice = rows.put_any(extents)
        for width, most in NARROWER if event.id in causes else ():  # where a gap's number stands: small
            if row is not None:
                break
            sides, extents = _label_choices(event, scale.small, most, graph, text, grid, m, width, memo)
            row, choice = rows.put_any(extents)
        lines = sides[choice]
        if row is None and not is_chain:
            x = grid.x(event.age)
            row = rows.put(x - m.marker / 2, x + m.marker / 2)
            lines = []
        planned.append(_Planned(event, row, tuple(lines) if row is not None else (), is_chain))
    return _label_bare_row(planned, causes, graph, text, grid, m, memo)


def _label_bare_row(planned: list[_Planned], causes: set[str], graph: JourneyGraph, text: Catalog, grid: Grid,
                    m: Measures, memo: dict[tuple, LabelChoices]) -> list[_Planned]:
    """The events where a gap's number stands that found no row: a one-line small label beside
    their mark in the row of bare marks, where it crosses no other mark or label there."""
    gap = m.pad * 2
    taken = {p.event.id: (grid.x(p.event.age) - m.marker / 2, grid.x(p.event.age) + m.marker / 2)
             for p in planned if p.row is None}
    labels: list[tuple[float, float]] = []
    result = []
    for p in planned:
        if p.row is not None or p.event.id not in causes:
            result.append(p)
            continue
        others = [extent for key, extent in taken.items() if key != p.event.id] + labels
        found: tuple[Line, ...] = ()
        for width, _ in NARROWER[:2]:
            sides, _extents = _label_choices(p.event, m.scale.small, 1, graph, text, grid, m, width, memo)
            for lines in sides:
                left, right = lines[0].box.x, lines[0].box.right
                if all(right + gap <= a or b + gap <= left for a, b in others):
                    found = tuple(lines)
                    break
            if found:
                break
        if found:
            labels.append((found[0].box.x, found[0].box.right))
        result.append(_Planned(p.event, None, found, p.chain))
    return result


def _place_events(planned: Sequence[_Planned], lane: str, top: float, grid: Grid,
                  m: Measures) -> tuple[list[EventPlace], float]:
    """Rows stacked from ``top``, each as tall as its tallest label; bare marks in a row below."""
    count = max((p.row for p in planned if p.row is not None), default=-1) + 1
    heights = [m.marker] * count
    for p in planned:
        if p.row is not None and p.lines:
            heights[p.row] = max(heights[p.row], p.lines[-1].box.bottom)
    tops = [top + sum(heights[:r]) + r * m.pad for r in range(count)]
    bare_top = top + sum(heights) + count * m.pad
    places = []
    for p in planned:
        x = grid.x(p.event.age)
        row_top = tops[p.row] if p.row is not None else bare_top
        centre = row_top + (p.lines[0].box.h / 2 if p.lines and p.row is not None else m.marker / 2)
        marker = Box(x - m.marker / 2, centre - m.marker / 2, m.marker, m.marker)
        line_top = row_top if p.row is not None else centre - (p.lines[0].box.h / 2 if p.lines else 0.0)
        lines = tuple(Line(line.box.moved(dy=line_top), line.text, line.size, line.weight, line.colour)
                      for line in p.lines)
        places.append(EventPlace(p.event, lane, marker, lines, p.chain))
    has_bare = any(p.row is None for p in planned)
    return places, bare_top + (m.marker + m.pad if has_bare else 0.0)


def _place_bars(items: Sequence[Support | Factor], top: float, graph: JourneyGraph, text: Catalog, grid: Grid,
                m: Measures) -> tuple[list[BarPlace], float]:
    """Bars over their ages, in rows; each label inside its bar, else after it where the row has
    room, else left out (the bar stays, its text is in the chronology)."""
    size = m.scale.small
    rows = Rows(len(items) + 1, m.pad * 2)
    planned = []
    for item in sorted(items, key=lambda i: (i.from_, i.to if i.to is not None else grid.end, i.id)):
        x0 = grid.x(item.from_)
        x1 = max(grid.x(item.to if item.to is not None else grid.end), x0 + m.pad)
        words = _bar_words(item, graph, text)
        width = text_width(words, size)
        inside = width <= x1 - x0 - 2 * m.pad
        after = not inside and x1 + m.pad + width <= grid.right + m.marker
        row: int | None = None
        if after:
            limit, rows.limit = rows.limit, len(rows.taken)
            row = rows.put(x0, x1 + m.pad + width)
            rows.limit = limit
        if row is None:
            after = False
            row = rows.put(x0, x1) or 0  # the rows are never full: one more than there are bars
        planned.append((item, x0, x1, words, inside, after, row))
    places = []
    for item, x0, x1, words, inside, after, row in planned:
        y = top + row * (m.bar + m.pad)
        lines: tuple[Line, ...] = ()
        if inside or after:
            x = x0 + m.pad if inside else x1 + m.pad
            lines = tuple(set_text(words, x, y + (m.bar - m.scale.line(size)) / 2, grid.right, size))
        places.append(BarPlace(item, Box(x0, y, x1 - x0, m.bar), lines))
    count = max((p[-1] for p in planned), default=-1) + 1
    return places, top + count * (m.bar + m.pad)


def _lane_title(words: str, x: float, top: float, m: Measures) -> tuple[Line, ...]:
    return tuple(set_text(words, x + m.pad, top + m.pad, m.title_width - 3 * m.pad, m.scale.body, "bold", max_lines=3))


def _lane(sector: str, words: str, x: float, top: float, bottom: float, right: float, m: Measures) -> LanePlace:
    title = _lane_title(words, x, top, m)
    bottom = max(bottom, title[-1].box.bottom + m.pad)
    return LanePlace(sector, Box(x, top, right - x, bottom - top), title)


# --- gaps: badges and brackets -----------------------------------------------------------------
def _place_badges(numbered: Sequence[NumberedGap], top: float, grid: Grid,
                  m: Measures) -> tuple[list[BadgePlace], float]:
    size = m.scale.body
    items = sorted(numbered, key=lambda n: (n.gap.start, n.number))
    widths = [max(m.badge, text_width(str(n.number), size, "bold") + m.pad * 2) for n in items]
    centres = [grid.x(n.gap.start) for n in items]
    rows = pack_rows([(c - w / 2, c + w / 2) for c, w in zip(centres, widths)], gap=m.pad)
    badges = []
    for n, c, w, r in zip(items, centres, widths, rows):
        box = Box(c - w / 2, top + r * (m.badge + m.pad), w, m.badge)
        words = str(n.number)
        line_w = text_width(words, size, "bold")
        line = Line(Box(c - line_w / 2, box.y + (m.badge - m.scale.line(size)) / 2, line_w, m.scale.line(size)),
                    words, size, "bold", "#FFFFFF")
        badges.append(BadgePlace(n, box, line))
    count = max(rows, default=-1) + 1
    return badges, top + count * (m.badge + m.pad)


def _gap_sectors(numbered: NumberedGap, graph: JourneyGraph) -> set[str]:
    return {graph.vocabulary.sector_of(a) for a in numbered.gap.agencies}


def _bracket_slots(numbered: Sequence[NumberedGap], sectors: Sequence[str], graph: JourneyGraph,
                   grid: Grid) -> dict[tuple[int, str], int]:
    """For each gap and lane it involves, which stacked bracket line it takes (overlapping gaps in
    one lane never share a line, up to :data:`BRACKET_SLOTS` lines; beyond that they share the last)."""
    slots: dict[tuple[int, str], int] = {}
    for sector in sectors:
        spans = sorted((grid.x(n.gap.start), max(grid.x(n.gap.end), grid.x(n.gap.start) + 4), n.number)
                       for n in numbered if sector in _gap_sectors(n, graph))
        for (_, _, number), row in zip(spans, pack_rows([(a, b) for a, b, _ in spans], gap=2.0)):
            slots[(number, sector)] = min(row, BRACKET_SLOTS - 1)
    return slots


# --- the child's voice -------------------------------------------------------------------------
def _plan_voices(graph: JourneyGraph, text: Catalog, grid: Grid, m: Measures) -> tuple[list[tuple], int]:
    size = m.scale.body
    width = max(2.4 * grid.year_width, 20 * size)
    rows = Rows(VOICE_ROWS, m.pad * 3)
    planned, left_out = [], 0
    for event in graph.persona.events_by_age():
        if not event.voice:
            continue
        words = text("wall_poster.voice", voice=event.voice, age=format_age(event.age, text))
        x = grid.x(event.age)
        lines = set_text(words, 0, 0, width, size, "italic", max_lines=VOICE_LINES)
        used = max(line.box.w for line in lines)
        left = min(x + m.marker * 0.6, grid.right - used)
        row = rows.put(min(left, x - m.marker / 2), left + used)
        if row is None:
            left_out += 1
            continue
        planned.append((event, x, left, lines, row))
    return planned, left_out


def _place_voices(planned: Sequence[tuple], top: float, m: Measures) -> tuple[list[VoicePlace], float]:
    heights = [0.0] * (max((p[-1] for p in planned), default=-1) + 1)
    for *_, lines, row in planned:
        heights[row] = max(heights[row], lines[-1].box.bottom)
    tops = [top + sum(heights[:r]) + r * m.pad * 2 for r in range(len(heights))]
    places = []
    for event, x, left, lines, row in planned:
        mark = Box(x - m.marker * 0.35, tops[row] + m.scale.line(m.scale.body) / 2 - m.marker * 0.35,
                   m.marker * 0.7, m.marker * 0.7)
        places.append(VoicePlace(event, mark, tuple(Line(line.box.moved(left, tops[row]), line.text, line.size,
                                                         line.weight, line.colour) for line in lines)))
    return places, top + sum(heights) + len(heights) * m.pad * 2


# --- the whole timeline ------------------------------------------------------------------------
def _ticks(grid: Grid, y: float, text: Catalog, m: Measures) -> list[Line]:
    size = m.scale.small
    ticks = []
    for year in range(int(grid.end) + 1):
        words = text("render.timeline.year", age=year)
        w = text_width(words, size)
        ticks.append(Line(Box(grid.x(year) - w / 2, y, w, m.scale.line(size)), words, size))
    return ticks


def _whole_words(lines: Sequence[Line], words: str) -> bool:
    """Whether ``words`` were wrapped between words (none split inside a word, none left out)."""
    return " ".join(line.text for line in lines).split() == words.split()


def _stage_name(stage_id: str, x0: float, x1: float, top: float, text: Catalog, m: Measures) -> tuple[Line, ...]:
    """A stage's name over its column in the heading size, as whole words: its own name on one
    line, else its short name (``wall_poster.stage_short``) on one line, else on two lines."""
    width = x1 - x0 - 2 * m.pad
    names = (text(f"stages.{stage_id}"), text(f"wall_poster.stage_short.{stage_id}"))
    lines: list[Line] = []
    for most, words in ((1, names[0]), (1, names[1]), (2, names[0]), (2, names[1])):
        lines = set_text(words, x0 + m.pad, top + m.pad, width, m.scale.heading, "bold", max_lines=most)
        if _whole_words(lines, words):
            break
    return tuple(lines)


def _stages(grid: Grid, top: float, text: Catalog, m: Measures) -> tuple[list[StagePlace], float]:
    """The stages' names over their columns, all in the heading size of the page's scale."""
    places = [StagePlace(stage.id, grid.x(stage.start), grid.x(stage.end),
                         _stage_name(stage.id, grid.x(stage.start), grid.x(stage.end), top, text, m))
              for stage in life_stages() if stage.start < grid.end]
    bottom = max(stage.lines[-1].box.bottom for stage in places) + m.pad
    return places, bottom


@dataclass(frozen=True)
class _Content:
    """What goes in the lanes, decided before it is placed (the same at every trial height)."""

    by_lane: dict[str, list[Event]]
    supports: dict[str, list[Support]]
    sectors: tuple[str, ...]
    labels: dict[tuple, LabelChoices] = field(default_factory=dict)  # events' labels, set once for every trial


def _content(graph: JourneyGraph) -> _Content:
    by_lane: dict[str, list[Event]] = {}
    supports: dict[str, list[Support]] = {}
    for event in graph.events():
        by_lane.setdefault(event_lane(event, graph.vocabulary), []).append(event)
    for support in graph.supports():
        supports.setdefault(graph.vocabulary.sector_of(support.agency), []).append(support)
    sectors = tuple(s for s in graph.vocabulary.sectors_in_order() if s in by_lane or s in supports)
    return _Content(by_lane, supports, sectors)


def _lower(graph: JourneyGraph, numbered: Sequence[NumberedGap], text: Catalog, box: Box, grid: Grid, top: float,
           m: Measures, rows_limit: int, content: _Content) -> dict[str, Any]:
    """Everything under the call-outs, from ``top``: badges, axis, band, lanes, voices, axis."""
    badges, y = _place_badges(numbered, top, grid, m)
    ticks_top = _ticks(grid, y, text, m)
    y = ticks_top[0].box.bottom + m.pad
    band_top = y
    risks = [f for f in graph.persona.factors if f.type == "risk"]
    protective = [f for f in graph.persona.factors if f.type == "protective"]
    bars, y = _place_bars(risks, y + m.pad, graph, text, grid, m)
    load = Box(grid.left, y, grid.right - grid.left, m.scale.body * 2.5)
    more, y = _place_bars(protective, load.bottom + m.pad, graph, text, grid, m)
    band = _lane(BAND, text("render.timeline.band"), box.x, band_top, y + m.pad, box.right, m)
    bars += more
    y = band.box.bottom
    chain = chain_events(numbered)
    causes = cause_events(numbered, graph)
    slots = _bracket_slots(numbered, content.sectors, graph, grid)
    lanes, events, brackets = [], [], []
    for sector in content.sectors:
        lane_top = y
        used = [slot for (number, s), slot in slots.items() if s == sector]
        strip = (max(used) + 1) * m.bracket_step + m.pad * 2 if used else m.pad
        brackets += [BracketPlace(n, lane_top + m.pad + slots[(n.number, sector)] * m.bracket_step,
                                  grid.x(n.gap.start), max(grid.x(n.gap.end), grid.x(n.gap.start) + 4))
                     for n in numbered if (n.number, sector) in slots]
        lane_bars, y = _place_bars(content.supports.get(sector, []), lane_top + strip, graph, text, grid, m)
        planned = _plan_events(content.by_lane.get(sector, []), chain, causes, graph, text, grid, m, rows_limit,
                               content.labels)
        lane_events, y = _place_events(planned, sector, y + m.pad, grid, m)
        lane = _lane(sector, graph.vocabulary.label("sectors", sector, text.lang), box.x, lane_top, y + m.pad,
                     box.right, m)
        lanes.append(lane)
        bars += lane_bars
        events += lane_events
        y = lane.box.bottom
    planned_voices, voices_left_out = _plan_voices(graph, text, grid, m)
    voice_lane: LanePlace | None = None
    voices: list[VoicePlace] = []
    if planned_voices:
        voices, y_end = _place_voices(planned_voices, y + m.pad * 2, m)
        voice_lane = _lane(VOICE, text("wall_poster.voice_lane"), box.x, y, y_end, box.right, m)
        y = voice_lane.box.bottom
    ticks_bottom = _ticks(grid, y + m.pad, text, m)
    return dict(badges=tuple(badges), ticks=tuple(ticks_top + ticks_bottom), axis_top=band_top, axis_bottom=y,
                band=band, load=load, lanes=tuple(lanes), bars=tuple(bars), events=tuple(events),
                brackets=tuple(brackets), voices=tuple(voices), voice_lane=voice_lane,
                voices_left_out=voices_left_out, bottom=ticks_bottom[0].box.bottom)


MIN_CALLOUT_SHARE = 0.32
ROW_LIMITS = (3, 2, 1)


def wall_timeline(graph: JourneyGraph, numbered: Sequence[NumberedGap], text: Catalog, scale: TypeScale,
                  box: Box) -> WallTimeline:
    """The timeline in ``box``: stage headings, then the call-out zone (what the rest leaves, at
    least :data:`MIN_CALLOUT_SHARE` of the box when fewer rows of labels make room for it), then
    the gap numbers, the axis, the band, the lanes and the child's words."""
    m = Measures.of(scale)
    end = axis_end(graph)
    grid = Grid(box.x + m.title_width, (box.w - m.title_width - m.marker) / end, end)
    stages, stages_bottom = _stages(grid, box.y, text, m)
    content = _content(graph)
    for rows_limit in ROW_LIMITS:
        trial = _lower(graph, numbered, text, box, grid, 0.0, m, rows_limit, content)
        zone = box.bottom - stages_bottom - trial["bottom"]
        if zone >= MIN_CALLOUT_SHARE * box.h:
            break
    zone = max(zone, 0.0)
    lower = _lower(graph, numbered, text, box, grid, stages_bottom + zone, m, rows_limit, content)
    lower.pop("bottom")
    return WallTimeline(grid=grid, box=box, stages=tuple(stages), stages_bottom=stages_bottom,
                        callout_zone=Box(box.x, stages_bottom, box.w, zone), **lower)
