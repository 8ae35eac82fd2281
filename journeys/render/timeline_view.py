"""The swimlane timeline: age 0–20 (or to where the record ends) across, one lane per sector, the factor band above.

Built from :func:`journeys.render.layout.layout_timeline`; this module only turns boxes into
DOT: static geometry in the background, arrows as edges, markers and labels as nodes.
"""

from __future__ import annotations

from typing import Any, Sequence

from persona.i18n import Catalog
from persona.model import Factor

from journeys.ages import format_age
from journeys.graph import JourneyGraph
from journeys.render.dot import DotGraph, TextStyle
from journeys.render.fonts import block_width, font_family
from journeys.render.gaplist import CLOSED, NumberedGap
from journeys.render.geometry import Box, pack_rows
from journeys.render.layout import PAD, TimelineLayout, layout_timeline
from journeys.render.marks import (
    ASSUMPTION_BAR_STYLE, BRACKET_TICK, badge, bar, bracket_style, factor_bar_style, hatch, marker,
    support_bar_style, text_block,
)
from journeys.render.scenario_layer import ScenarioLayer, draw_layer
from journeys.render.theme import HANDOVER_STYLES, Theme

MIN_ZONE_WIDTH = 4.0


def room_numbered(numbered: Sequence[NumberedGap], room: Any) -> Sequence[NumberedGap]:
    """The gaps the layout makes room for: all of them when a fuller legend is given."""
    return [n for n, _ in room.gaps] if room is not None else numbered


def _visible(age: float, until: float | None) -> bool:
    return until is None or age <= until + 1e-9


def _draw_lanes(dot: DotGraph, layout: TimelineLayout, theme: Theme) -> None:
    bg = dot.background
    lanes = (layout.band,) + layout.lanes
    for index, lane in enumerate(lanes):
        fill = theme.band_fill if lane is layout.band else theme.lane_fills[index % 2]
        bg.pen(theme.grid, fill, width=theme.line_width * 0.5).rect(lane.box.x, lane.box.y, lane.box.w, lane.box.h)
    for lane in lanes:
        style = TextStyle(theme.title_size, theme.ink, bold=True)
        text_block(dot, f"lane:{lane.sector}", lane.title_box, lane.title, style, element_id=f"lane-{lane.sector}")


def _draw_stages(dot: DotGraph, layout: TimelineLayout, theme: Theme) -> None:
    """Each life stage's name over its column, the columns told apart by alternate shading."""
    bg = dot.background
    for index, stage in enumerate(layout.stages):
        x0, x1 = layout.x(stage.start), layout.x(stage.end)
        fill = theme.lane_fills[index % 2] if index % 2 else theme.band_fill
        bg.pen(theme.grid, fill, width=theme.line_width * 0.5).rect(x0, 0, x1 - x0, layout.axis_top.y)
        text_block(dot, f"stage:{stage.id}", stage.box, stage.lines, TextStyle(theme.font_size, theme.ink, bold=True),
                   element_id=f"stage-{stage.id}")


def _draw_axis(dot: DotGraph, layout: TimelineLayout, theme: Theme, text: Catalog) -> None:
    bg = dot.background
    top, bottom = layout.axis_top.bottom, layout.axis_bottom.y
    starts = {round(stage.start) for stage in layout.stages[1:]}
    for year in range(int(layout.end) + 1):
        x = layout.x(year)
        strong = year in starts or year in (0, int(layout.end))
        bg.pen(theme.muted if strong else theme.grid, width=theme.line_width * (1.0 if strong else 0.6),
               style="solid" if strong else "dashed")
        bg.line([(x, top), (x, bottom)])
        label = text("render.timeline.year", age=year)
        for y in (layout.axis_top.bottom - PAD - 1, layout.axis_bottom.y + theme.font_size + PAD):
            bg.text(x, y, label, theme.font_size, dot.font, theme.ink, align="centre")
    bg.text(layout.left - PAD * 2, layout.axis_top.bottom - PAD - 1, text("render.timeline.age"), theme.font_size,
            dot.font, theme.muted, align="right")


def _gap_lanes(layout: TimelineLayout, agencies: Sequence[str], vocabulary: Any) -> list[Box]:
    sectors = {vocabulary.sector_of(a) for a in agencies}
    lanes = [lane.box for lane in layout.lanes if lane.sector in sectors] or [lane.box for lane in layout.lanes]
    return lanes


def _zone_span(layout: TimelineLayout, start: float, end: float) -> tuple[float, float]:
    x0, x1 = layout.x(start), layout.x(end)
    if x1 - x0 < MIN_ZONE_WIDTH:
        middle = (x0 + x1) / 2
        x0, x1 = middle - MIN_ZONE_WIDTH / 2, middle + MIN_ZONE_WIDTH / 2
    return x0, x1


BRACKET_STEP = 4.0


def _bracket_slots(spans: Sequence[tuple[int, Box, float, float]]) -> dict[tuple[int, float], int]:
    """For each (gap number, lane top): which of the lane's stacked bracket lines it uses, so that
    overlapping gaps in one lane never share a line."""
    slots: dict[tuple[int, float], int] = {}
    for lane_top in sorted({lane.y for _, lane, _, _ in spans}):
        in_lane = sorted((x0, x1, number) for number, lane, x0, x1 in spans if lane.y == lane_top)
        for (_, _, number), row in zip(in_lane, pack_rows([(x0, x1) for x0, x1, _ in in_lane], gap=2.0)):
            slots[(number, lane_top)] = row
    return slots


def _cause(gap: Any, layout: TimelineLayout, shown: dict[str, Box]) -> Box | None:
    """The marker of the earliest event the gap rests on (where its number points)."""
    marks = [shown[e] for e in gap.events if e in shown]
    return min(marks, key=lambda box: (box.x, box.y)) if marks else None


def _draw_gaps(dot: DotGraph, layout: TimelineLayout, graph: JourneyGraph, theme: Theme, until: float | None,
               shown_numbers: set[int], shown: dict[str, Box]) -> None:
    """Each gap as a bracket over its span in the lanes it involves only (stacked when gaps
    overlap in a lane, heavier when more serious), and its number at the moment it starts, with
    a leader down to the event that caused it."""
    bg = dot.background
    drawn = [item for item in layout.badges
             if _visible(item.numbered.gap.start, until) and item.numbered.number in shown_numbers]
    spans = []
    for item in drawn:
        gap = item.numbered.gap
        x0, x1 = _zone_span(layout, gap.start, gap.end if until is None else min(gap.end, until))
        spans += [(item.numbered.number, lane, x0, x1) for lane in _gap_lanes(layout, gap.agencies, graph.vocabulary)]
    slots = _bracket_slots(spans)
    for number, lane, x0, x1 in spans:
        numbered = next(item.numbered for item in drawn if item.numbered.number == number)
        width, style = bracket_style(numbered.gap.severity, theme)
        y = lane.y + 2 + width / 2 + slots[(number, lane.y)] * BRACKET_STEP
        if numbered.status == CLOSED:
            hatch(dot, Box(x0, lane.y + 1, x1 - x0, BRACKET_TICK + 2), theme.gap_line, spacing=4.0,
                  width=theme.line_width * 0.6)
            style = "dashed"
        bg.pen(theme.gap_line, width=width, style=style)
        bg.line([(x0, y + BRACKET_TICK), (x0, y), (x1, y), (x1, y + BRACKET_TICK)])
    for item in drawn:
        gap = item.numbered.gap
        cx = item.box.centre[0]
        cause = _cause(gap, layout, shown)
        lanes = _gap_lanes(layout, gap.agencies, graph.vocabulary)
        target = cause.y - 1 if cause is not None else lanes[0].y
        bg.pen(theme.gap_line, width=theme.line_width * 0.6, style="dashed")
        bg.line([(cx, item.box.bottom), (cx, target)])
        badge(dot, f"badge:{item.numbered.number}", item.box, item.numbered, theme,
              element_id=f"gap-{item.numbered.number}")


def _draw_load(dot: DotGraph, layout: TimelineLayout, graph: JourneyGraph, theme: Theme, text: Catalog,
               until: float | None) -> None:
    bg, strip = dot.background, layout.load_strip
    steps = list(graph.risk_steps())
    peak = max((abs(v) for _, v in steps), default=1) or 1
    below = any(v < 0 for _, v in steps)
    middle = strip.y + strip.h / 2 if below else strip.bottom - 1
    unit = ((strip.h / 2 if below else strip.h) - 2) / peak
    bg.pen(theme.grid, width=theme.line_width * 0.5).line([(strip.x, middle), (strip.right, middle)])
    limit = layout.end if until is None else min(until, layout.end)
    for index, (age, value) in enumerate(steps):
        end = min(steps[index + 1][0] if index + 1 < len(steps) else layout.end, limit)
        if value == 0 or age >= limit:
            continue
        colour = theme.risk if value > 0 else theme.protective
        x0, x1 = layout.x(age), layout.x(end)
        top = middle - value * unit if value > 0 else middle
        bg.pen(colour, colour, width=0.1).rect(x0, top, x1 - x0, abs(value) * unit)
    bg.text(strip.x + PAD, strip.y + theme.small_size, text("render.timeline.load"), theme.small_size, dot.font, theme.muted)


def _draw_bars(dot: DotGraph, layout: TimelineLayout, theme: Theme, until: float | None,
               assumptions: frozenset[str] = frozenset()) -> None:
    for item in layout.bars:
        thing = item.item
        if not _visible(thing.from_, until):
            continue
        box = item.bar
        if until is not None and (thing.to is None or thing.to > until):
            box = Box(box.x, box.y, max(layout.x(until) - box.x, 2.0), box.h)
        if isinstance(thing, Factor):  # the factors lane
            fill, outline, style = factor_bar_style(thing.type, theme)
            text_colour, kind = theme.ink, f"factor-{thing.type}"
        else:
            fill, style, text_colour = support_bar_style(thing.level)
            outline, kind = theme.ink, "support"
        style = ASSUMPTION_BAR_STYLE if thing.id in assumptions else style
        inside = item.inside and box.w >= item.bar.w - 0.01
        bar(dot, f"{kind}:{thing.id}", box, fill, outline, style, theme, (), text_colour, element_id=f"{kind}-{thing.id}")
        if inside:
            label = Box(box.x + PAD, box.y, item.label.w if not item.inside else _text_w(item, theme), box.h)
            text_block(dot, f"{kind}-label:{thing.id}", label, item.lines, TextStyle(theme.small_size, text_colour))
        else:
            label = item.label if not item.inside else Box(box.right + PAD, box.y, _text_w(item, theme), item.label.h)
            text_block(dot, f"{kind}-label:{thing.id}", label, item.lines, TextStyle(theme.small_size, theme.ink))


def _text_w(item: Any, theme: Theme) -> float:
    return block_width(item.lines, theme.small_size)


def _draw_events(dot: DotGraph, layout: TimelineLayout, theme: Theme, until: float | None,
                 assumptions: frozenset[str] = frozenset()) -> dict[str, Box]:
    shown: dict[str, Box] = {}
    for mark in layout.events:
        event = mark.event
        if not _visible(event.age, until):
            continue
        marker(dot, f"event:{event.id}", event.kind, mark.marker, theme, element_id=f"event-{event.id}",
               assumption=event.id in assumptions)
        style = TextStyle(theme.font_size, theme.ink)
        note_style = TextStyle(theme.small_size, theme.muted, italic=True)
        text_block(dot, f"label:{event.id}", mark.label, mark.lines, style, mark.note, note_style)
        shown[event.id] = mark.marker
    return shown


def _arc(start: Box, end: Box) -> tuple[list[tuple[float, float]], tuple[float, float]]:
    """A curve from one marker to another, ending in an arrowhead at the second one's edge."""
    (x0, y0), (x1, y1) = start.centre, end.centre
    if abs(y1 - y0) < 1:
        lift = min(28.0, 6 + (x1 - x0) * 0.15)
        p0, p3 = (x0, y0 - start.h / 2), (x1, y1 - end.h / 2 - 1)
        return [p0, (x0 + (x1 - x0) * 0.2, y0 - lift), (x1 - (x1 - x0) * 0.2, y1 - lift), (p3[0], p3[1] - 4)], p3
    side = 1 if y1 > y0 else -1
    p0 = (x0, y0 + side * start.h / 2)
    p3 = (x1, y1 - side * (end.h / 2 + 1))
    before = (p3[0], p3[1] - side * 4)
    return [p0, (x0, (y0 + y1) / 2), (x1, (y0 + y1) / 2), before], p3


def _draw_responses(dot: DotGraph, graph: JourneyGraph, shown: dict[str, Box], theme: Theme) -> None:
    drawn: set[tuple[str, str]] = set()
    for event in graph.events():
        source = event.responds_to
        if not source or source not in shown or event.id not in shown or (source, event.id) in drawn:
            continue
        drawn.add((source, event.id))
        path, tip = _arc(shown[source], shown[event.id])
        dot.edge(f"event:{source}", f"event:{event.id}", path, tip, id=f"response-{source}-{event.id}",
                 color=theme.muted, penwidth=theme.line_width, arrowsize=0.5)


def _draw_transitions(dot: DotGraph, layout: TimelineLayout, graph: JourneyGraph, shown: dict[str, Box], theme: Theme) -> None:
    for event in graph.events(("transition",)):
        if event.id not in shown or not event.from_:
            continue
        source_lane = layout.lane(graph.vocabulary.sector_of(event.from_))
        target = shown[event.id]
        if source_lane.box.y <= target.centre[1] <= source_lane.box.bottom:
            continue
        style, colour = HANDOVER_STYLES.get(event.handover or "partial", HANDOVER_STYLES["partial"])
        x = target.centre[0]
        down = source_lane.box.y < target.y
        y0 = source_lane.box.bottom - 2 if down else source_lane.box.y + 2
        tip = (x, target.y - 1) if down else (x, target.bottom + 1)
        before = (x, tip[1] - 4) if down else (x, tip[1] + 4)
        path = [(x, y0), (x, (y0 + before[1]) / 2), (x, (y0 + before[1]) / 2), before]
        dot.node(f"from:{event.id}", x, y0, shape="point", width=0.06, height=0.06, color=colour)
        dot.edge(f"from:{event.id}", f"event:{event.id}", path, tip, id=f"handover-{event.id}", style=style,
                 color=colour, penwidth=theme.line_width * 2.2, arrowsize=0.6)


def _draw_unanswered_referrals(dot: DotGraph, layout: TimelineLayout, graph: JourneyGraph, shown: dict[str, Box],
                               theme: Theme) -> None:
    for event in graph.events(("referral", "report")):
        receiver = graph.receiver(event)
        if event.id not in shown or not receiver or any(r.id in shown for r in graph.responses_to(event.id)):
            continue
        lane = layout.lane(graph.vocabulary.sector_of(receiver))
        start = shown[event.id]
        if lane.box.y <= start.centre[1] <= lane.box.bottom:
            continue
        x = start.centre[0]
        down = lane.box.y > start.y
        y0 = start.bottom if down else start.y
        tip = (x, lane.box.y + 6) if down else (x, lane.box.bottom - 6)
        before = (x, tip[1] - 4) if down else (x, tip[1] + 4)
        path = [(x, y0), (x, (y0 + before[1]) / 2), (x, (y0 + before[1]) / 2), before]
        dot.edge(f"event:{event.id}", f"lane:{lane.sector}", path, tip, id=f"sent-{event.id}", style="dashed",
                 color=theme.gap_line, penwidth=theme.line_width, arrowsize=0.5, arrowhead="empty")


def _draw_coordination(dot: DotGraph, layout: TimelineLayout, graph: JourneyGraph, shown: dict[str, Box], theme: Theme) -> None:
    bg = dot.background
    for event in graph.events(("coordination",)):
        if event.id not in shown or not event.with_:
            continue
        x, y = shown[event.id].centre
        ys = [y] + [layout.lane(graph.vocabulary.sector_of(a)).box.centre[1] for a in event.with_ if a != event.agency]
        bg.pen(theme.protective, width=theme.line_width * 1.2).line([(x, min(ys)), (x, max(ys))])
        for other in ys[1:]:
            bg.pen(theme.protective, "#FFFFFF", width=theme.line_width * 1.2).ellipse(x, other, 2.5, 2.5)


def _draw_until(dot: DotGraph, layout: TimelineLayout, theme: Theme, until: float | None) -> None:
    if until is None:
        return
    x = layout.x(until)
    top, bottom = layout.axis_top.bottom, layout.axis_bottom.y
    bg = dot.background
    bg.pen("#FFFFFF00", "#80808022", width=0.1).rect(x, top, layout.x(layout.end) - x + 1, bottom - top)
    bg.pen(theme.ink, width=theme.line_width * 2.5).line([(x, top), (x, bottom)])


def shown_until(graph: JourneyGraph, until_age: float | None) -> float | None:
    """How far the timeline is drawn: ``until_age``, and never past where the record ends."""
    end = graph.record_end
    if end is None:
        return until_age
    return end if until_age is None else min(until_age, end)


def _draw_record_end(dot: DotGraph, layout: TimelineLayout, graph: JourneyGraph, theme: Theme, text: Catalog) -> None:
    """Where the record ends early, say so beside the line that closes the timeline."""
    ends = graph.persona.ends
    if ends is None:
        return
    label = text(f"ends.line.{ends.reason}", age=format_age(ends.age, text))
    dot.background.text(layout.x(ends.age) + PAD, layout.axis_top.bottom + theme.font_size + PAD, label,
                        theme.font_size, dot.font, theme.ink)


def timeline_dot(graph: JourneyGraph, numbered: Sequence[NumberedGap], text: Catalog, theme: Theme,
                 until_age: float | None = None, legend: Any = None, room: Any = None,
                 assumptions: frozenset[str] = frozenset(), layer: ScenarioLayer | None = None) -> tuple[str, float, float]:
    """The DOT text of the timeline, with its width and height in points. ``room`` is the
    legend the height is made for (the whole gap list, so stepping through ages never changes
    the picture's size); ``assumptions`` are the ids of elements drawn as assumptions; ``layer``
    draws what a scenario added, changed and removed (:mod:`journeys.render.scenario_layer`).
    Nothing is drawn after the record ``ends``."""
    until_age = shown_until(graph, until_age)
    layout = layout_timeline(layer.graph if layer else graph, room_numbered(numbered, room), text, theme)
    extra_height = (room or legend).height(layout.width) if legend else 0.0
    dot = DotGraph("timeline", layout.width, layout.height + extra_height, font_family().graphviz_name)
    _draw_lanes(dot, layout, theme)
    _draw_stages(dot, layout, theme)
    _draw_axis(dot, layout, theme, text)
    _draw_load(dot, layout, graph, theme, text, until_age)
    _draw_until(dot, layout, theme, until_age)
    _draw_record_end(dot, layout, graph, theme, text)
    _draw_bars(dot, layout, theme, until_age, assumptions)
    shown = _draw_events(dot, layout, theme, until_age, assumptions)
    if layer is not None:
        draw_layer(dot, layout, layer, theme, until_age)
    _draw_gaps(dot, layout, graph, theme, until_age, {n.number for n in numbered}, shown)
    _draw_coordination(dot, layout, graph, shown, theme)
    _draw_responses(dot, graph, shown, theme)
    _draw_transitions(dot, layout, graph, shown, theme)
    _draw_unanswered_referrals(dot, layout, graph, shown, theme)
    if legend:
        legend.draw(dot, 0.0, layout.height, layout.width)
    return dot.source(), dot.width, dot.height
