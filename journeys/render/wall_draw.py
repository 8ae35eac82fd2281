"""Drawing the wall poster's layout on a reportlab canvas: real text (selectable, the embedded
font), vector marks in the shapes and line styles of the other pictures (shape and line style
carry the meaning; colour repeats it)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache
from typing import Any

from persona.model import Factor

from journeys.graph import JourneyGraph
from journeys.render.fonts import REPORTLAB_NAMES
from journeys.render.gaplist import CLOSED, NEW
from journeys.render.geometry import Box
from journeys.render.marks import ASSUMPTION_RING, bracket_style, factor_bar_style, support_bar_style
from journeys.render.theme import HANDOVER_STYLES, KIND_STYLES, PRINT, Theme
from journeys.render.wall_arrows import RESPONSE, Arrow
from journeys.render.wall_layout import WallLayout
from journeys.render.wall_legend import FRAME_WIDTH
from journeys.render.wall_scenario import (DOUBLE, HEAVY, PLUS_SHARE, STRIKE, VEIL_ALPHA, ScenarioMark, frame_box,
                                           grown, plus_centre, veil_box)
from journeys.render.wall_text import Line
from journeys.scenario_changes import ADDED, CHANGED, REMOVED

INK, MUTED, GRID = "#000000", "#555555", "#BBBBBB"
RECORD_END_WIDTH = 3.0  # the heavy line where a record ends early (what follows is veiled)
GAP = PRINT.gap_line
# Unit polygons of the event shapes (x right, y down, within -1…1).
POLYGONS: dict[str, list[tuple[float, float]]] = {
    "triangle": [(0, -1), (1, 0.9), (-1, 0.9)],
    "invtriangle": [(-1, -0.9), (1, -0.9), (0, 1)],
    "rarrow": [(-1, -0.42), (0.17, -0.42), (0.17, -0.8), (1, 0), (0.17, 0.8), (0.17, 0.42), (-1, 0.42)],
    "larrow": [(1, -0.42), (-0.17, -0.42), (-0.17, -0.8), (-1, 0), (-0.17, 0.8), (-0.17, 0.42), (1, 0.42)],
    "square": [(-0.8, -0.8), (0.8, -0.8), (0.8, 0.8), (-0.8, 0.8)],
    "box": [(-1, -0.5), (1, -0.5), (1, 0.5), (-1, 0.5)],
    "diamond": [(0, -1), (1, 0), (0, 1), (-1, 0)],
    "Mdiamond": [(0, -1), (1, 0), (0, 1), (-1, 0)],
    "house": [(0, -1), (1, -0.3), (1, 1), (-1, 1), (-1, -0.3)],
    "octagon": [(math.cos(math.radians(22.5 + 45 * k)), math.sin(math.radians(22.5 + 45 * k))) for k in range(8)],
}
DASHES = {"solid": [], "dashed": [6, 4], "dotted": [1.5, 3]}


@cache
def colour_of(value: str) -> Any:
    """A ``#RRGGBB`` colour as reportlab's object, made once (reportlab parses strings on every use)."""
    from reportlab.lib.colors import HexColor

    return HexColor(value)


class Painter:
    """Page coordinates (y from the top) onto the canvas (y from the bottom)."""

    def __init__(self, canvas: Any, height: float, theme: Theme):
        self.canvas, self.height, self.theme = canvas, height, theme

    def y(self, y: float) -> float:
        return self.height - y

    def pen(self, colour: str, width: float, style: str = "solid", fill: str | None = None) -> None:
        c = self.canvas
        c.setStrokeColor(colour_of(colour))
        c.setLineWidth(width)
        c.setDash(DASHES[style.replace("bold", "").strip(", ") or "solid"])
        if fill is not None:
            c.setFillColor(colour_of(fill))

    def line(self, points: Sequence[tuple[float, float]]) -> None:
        path = self.canvas.beginPath()
        path.moveTo(points[0][0], self.y(points[0][1]))
        for x, y in points[1:]:
            path.lineTo(x, self.y(y))
        self.canvas.drawPath(path, stroke=1, fill=0)

    def rect(self, box: Box, fill: bool = True, stroke: bool = True) -> None:
        self.canvas.rect(box.x, self.y(box.bottom), box.w, box.h, stroke=int(stroke), fill=int(fill))

    def polygon(self, points: Sequence[tuple[float, float]], fill: bool = True) -> None:
        path = self.canvas.beginPath()
        path.moveTo(points[0][0], self.y(points[0][1]))
        for x, y in points[1:]:
            path.lineTo(x, self.y(y))
        path.close()
        self.canvas.drawPath(path, stroke=1, fill=int(fill))

    def circle(self, x: float, y: float, r: float, fill: bool = True) -> None:
        self.canvas.circle(x, self.y(y), r, stroke=1, fill=int(fill))

    def text(self, line: Line, colour: str | None = None) -> None:
        c = self.canvas
        c.setFillColor(colour_of(colour or line.colour))
        c.setFont(REPORTLAB_NAMES[line.weight], line.size)
        c.drawString(line.box.x, self.y(line.box.y + line.size * 0.98), line.text)


# --- marks -------------------------------------------------------------------------------------
def shape(p: Painter, kind: str, box: Box, assumption: bool = False) -> None:
    """An event kind's shape filled with its colour, centred in ``box``; an assumption ringed dashed."""
    style = KIND_STYLES[kind]
    cx, cy = box.centre
    r = min(box.w, box.h) / 2
    width = p.theme.line_width
    if assumption:
        p.pen(INK, width, "dashed")
        p.circle(cx, cy, r * ASSUMPTION_RING, fill=False)
    p.pen(INK, width, fill=style.fill)
    if style.shape in ("circle", "doublecircle"):
        if style.shape == "doublecircle":
            p.circle(cx, cy, r, fill=False)
        p.circle(cx, cy, r * (0.7 if style.shape == "doublecircle" else 0.9))
        return
    p.polygon([(cx + x * r, cy + y * r) for x, y in POLYGONS[style.shape]])
    if style.shape == "Mdiamond":
        p.line([(cx - r * 0.4, cy - r * 0.4), (cx + r * 0.4, cy + r * 0.4)])
        p.line([(cx + r * 0.4, cy - r * 0.4), (cx - r * 0.4, cy + r * 0.4)])


def bar_kind(item: Any) -> str:
    """A factor's type (risk, protective) or a support's level: what its bar looks like."""
    return item.type if isinstance(item, Factor) else item.level


def bar_mark(p: Painter, kind: str, box: Box, assumption: bool = False) -> None:
    if kind in ("risk", "protective"):
        fill, outline, style = factor_bar_style(kind, p.theme)
    else:
        fill, style, _ = support_bar_style(kind)
        outline = INK
    width = p.theme.line_width * (2.2 if "bold" in style else 1.0)
    p.pen(outline, width, "dotted" if assumption else style, fill=fill)
    p.rect(box)


def badge_mark(p: Painter, box: Box, status: str) -> None:
    cx, cy = box.centre
    r = box.h / 2
    if status == CLOSED:
        p.pen(GAP, p.theme.line_width * 1.5, "dashed", fill="#FFFFFF")
        p.circle(cx, cy, r)
        return
    p.pen(GAP, p.theme.line_width, fill=GAP)
    p.circle(cx, cy, r if status != NEW else r * 0.6)
    if status == NEW:
        p.circle(cx, cy, r, fill=False)


def bracket_mark(p: Painter, severity: int, x0: float, x1: float, y: float, tick: float, closed: bool = False) -> None:
    """A gap's span in a lane: heavier the more serious; dotted when the scenario closes the gap."""
    width, style = bracket_style(severity, p.theme)
    p.pen(GAP, width, "dotted" if closed else style)
    p.line([(x0, y + tick), (x0, y), (x1, y), (x1, y + tick)])


def frame_mark(p: Painter, box: Box, severity: int, closed: bool) -> None:
    p.pen(GAP, FRAME_WIDTH.get(severity, 2.5) * p.theme.line_width, "dashed" if closed else "solid", fill="#FFFFFF")
    p.rect(box)


def voice_mark(p: Painter, box: Box) -> None:
    """A speech bubble: a circle with a tail."""
    cx, cy = box.centre
    r = box.h / 2
    p.pen(INK, p.theme.line_width, fill="#FFFFFF")
    p.polygon([(cx - r * 0.2, cy + r * 0.6), (cx - r * 0.9, cy + r * 1.2), (cx - r * 0.6, cy + r * 0.2)])
    p.circle(cx, cy, r)


def step_line(p: Painter, points: Sequence[tuple[float, float]], width: float) -> None:
    p.pen(PRINT.risk, width)
    p.line(points)


def plus_mark(p: Painter, cx: float, cy: float, size: float) -> None:
    """A small white disc with a black plus: added by the scenario."""
    p.pen(INK, p.theme.line_width * 0.8, fill="#FFFFFF")
    p.circle(cx, cy, size / 2)
    arm = size * 0.31
    p.pen(INK, max(size * 0.16, 1.0))
    p.line([(cx - arm, cy), (cx + arm, cy)])
    p.line([(cx, cy - arm), (cx, cy + arm)])


def _frame(p: Painter, box: Box, bar: bool) -> None:
    if bar:
        p.rect(box, fill=False)
    else:
        p.circle(*box.centre, max(box.w, box.h) / 2, fill=False)


def veil(p: Painter, box: Box) -> None:
    """A white veil over ``box``: what is under it stays legible, faded."""
    c = p.canvas
    c.saveState()
    c.setFillColor(colour_of("#FFFFFF"))
    c.setFillAlpha(VEIL_ALPHA)  # after the colour: setting a colour sets its own alpha
    p.rect(box, stroke=False)
    c.restoreState()


def scenario_mark(p: Painter, mark: ScenarioMark, pad: float) -> None:
    """Added: a heavy frame and a plus; changed: a double frame; removed: veiled and struck through."""
    width = p.theme.line_width
    if mark.action == REMOVED:
        covered = veil_box(mark)
        veil(p, grown(covered, 1.0))
        y = mark.mark.centre[1]
        p.pen(INK, width * STRIKE)
        p.line([(covered.x - 1.0, y), (covered.right + 1.0, y)])
        return
    frame = frame_box(mark, pad)
    if mark.action == CHANGED:
        p.pen(INK, width * DOUBLE[0])
        _frame(p, frame, mark.bar)
        _frame(p, grown(frame, width * DOUBLE[1]), mark.bar)
        return
    p.pen(INK, width * HEAVY)
    _frame(p, frame, mark.bar)
    if mark.action == ADDED:
        plus_mark(p, *plus_centre(mark, pad), PLUS_SHARE * mark.mark.h)


def draw_scenario(p: Painter, layout: WallLayout) -> None:
    """The scenario's layer, over everything else (the veil fades the labels under it too)."""
    pad = layout.scale.small * 0.4
    for mark in layout.scenario:
        scenario_mark(p, mark, pad)


def arrow_mark(p: Painter, arrow: Arrow, head: float) -> None:
    """An answer: a thin grey line with a filled head; an unanswered referral: dashed, an open head."""
    answer = arrow.kind == RESPONSE
    colour = MUTED if answer else GAP
    (ax, ay), (bx, by) = arrow.points[-2], arrow.points[-1]
    length = max(abs(bx - ax) + abs(by - ay), 1e-6)
    ux, uy = (bx - ax) / length, (by - ay) / length
    base = (bx - ux * head, by - uy * head)
    p.pen(colour, p.theme.line_width * (0.8 if answer else 1.0), "solid" if answer else "dashed")
    p.line([*arrow.points[:-1], base])
    p.pen(colour, p.theme.line_width * 0.8, fill=colour if answer else "#FFFFFF")
    half = head * 0.45
    p.polygon([(bx, by), (base[0] - uy * half, base[1] + ux * half), (base[0] + uy * half, base[1] - ux * half)])


def head_size(layout: WallLayout) -> float:
    return layout.scale.small * 0.7


# --- the timeline ------------------------------------------------------------------------------
def _columns(p: Painter, layout: WallLayout) -> None:
    t = layout.timeline
    for index, stage in enumerate(t.stages):
        p.pen(GRID, 0.5, fill="#F2F2F2" if index % 2 else "#FFFFFF")
        p.rect(Box(stage.x0, t.box.y, stage.x1 - stage.x0, t.axis_bottom - t.box.y))
    for index, lane in enumerate((t.band, *t.lanes)):
        fill = PRINT.band_fill if lane is t.band else PRINT.lane_fills[index % 2]
        p.pen(GRID, 0.5, fill=fill)
        p.rect(lane.box)
    if t.voice_lane is not None:
        p.pen(GRID, 0.5, fill="#FFFFFF")
        p.rect(t.voice_lane.box)
    starts = {round(stage.x0, 3) for stage in t.stages}
    bottom = t.voice_lane.box.y if t.voice_lane is not None else t.axis_bottom  # no grid through the quotes
    last = int(t.grid.end)
    for year in range(last + 1):
        x = t.grid.x(year)
        strong = round(x, 3) in starts or year == last
        p.pen(MUTED if strong else GRID, 1.0 if strong else 0.5, "solid" if strong else "dashed")
        p.line([(x, t.axis_top), (x, bottom)])


def _load(p: Painter, graph: JourneyGraph, layout: WallLayout) -> None:
    t = layout.timeline
    steps = list(graph.risk_steps())
    peak = max((abs(v) for _, v in steps), default=1) or 1
    middle = t.load.y + t.load.h / 2
    unit = (t.load.h / 2 - 2) / peak
    p.pen(GRID, 0.8)
    p.line([(t.load.x, middle), (t.load.right, middle)])
    points: list[tuple[float, float]] = []
    for index, (age, value) in enumerate(steps):
        end = steps[index + 1][0] if index + 1 < len(steps) else t.grid.end
        y = middle - value * unit
        points += [(t.grid.x(age), y), (t.grid.x(end), y)]
    if points:
        step_line(p, points, load_width(p))


def _record_end(p: Painter, layout: WallLayout, graph: JourneyGraph) -> None:
    """Where the record ends early: a heavy line at that age, and what follows greyed out (the
    legend says why it ends)."""
    age = graph.record_end
    if age is None:
        return
    t = layout.timeline
    x, bottom = t.grid.x(age), (t.voice_lane.box.bottom if t.voice_lane is not None else t.axis_bottom)
    veil(p, Box(x, t.axis_top, t.grid.right - x, bottom - t.axis_top))
    p.pen(INK, RECORD_END_WIDTH)
    p.line([(x, t.axis_top), (x, bottom)])


def _events(p: Painter, layout: WallLayout, assumptions: frozenset[str]) -> None:
    for place in layout.timeline.events:
        shape(p, place.event.kind, place.marker, place.event.id in assumptions)


def _handovers(p: Painter, layout: WallLayout, graph: JourneyGraph) -> None:
    t = layout.timeline
    lanes = {lane.sector: lane.box for lane in t.lanes}
    width = p.theme.line_width * 2
    for place in t.events:
        event = place.event
        if event.kind != "transition" or not event.from_:
            continue
        source = lanes.get(graph.vocabulary.sector_of(event.from_))
        if source is None or source.y <= place.marker.centre[1] <= source.bottom:
            continue
        style, colour = HANDOVER_STYLES.get(event.handover or "partial", HANDOVER_STYLES["partial"])
        x = place.marker.centre[0]
        start = source.bottom if source.y < place.marker.y else source.y
        end = place.marker.y if source.y < place.marker.y else place.marker.bottom
        p.pen(colour, width, style)
        p.line([(x, start), (x, end)])


def _coordination(p: Painter, layout: WallLayout, graph: JourneyGraph) -> None:
    t = layout.timeline
    lanes = {lane.sector: lane.box for lane in t.lanes}
    for place in t.events:
        event = place.event
        if event.kind != "coordination" or not event.with_:
            continue
        x, y = place.marker.centre
        sectors = dict.fromkeys(graph.vocabulary.sector_of(a) for a in event.with_)  # in the persona's order
        others = [lanes[s].centre[1] for s in sectors if s in lanes and s != place.lane]
        if not others:
            continue
        p.pen(PRINT.protective, p.theme.line_width * 1.2, fill="#FFFFFF")
        p.line([(x, min([y] + others)), (x, max([y] + others))])
        for other in others:
            p.circle(x, other, layout.scale.small * 0.35)


def _gaps(p: Painter, layout: WallLayout) -> None:
    t = layout.timeline
    tick = layout.scale.small * 0.5
    for bracket in t.brackets:
        bracket_mark(p, bracket.numbered.gap.severity, bracket.x0, bracket.x1, bracket.y, tick,
                     bracket.numbered.status == CLOSED)
    boxes = [c.box for c in layout.callouts]
    badges = {b.numbered.number: b for b in t.badges}
    for callout in layout.callouts:
        target = badges[callout.numbered.number].box
        x = callout.anchor
        path = Box(x - 0.5, callout.box.bottom, 1.0, target.y - callout.box.bottom)
        if path.h > 0 and not any(b.overlaps(path) for b in boxes):
            p.pen(GAP, p.theme.line_width, "dashed")
            p.line([(x, callout.box.bottom), (x, target.y)])
    for callout in layout.callouts:
        frame_mark(p, callout.box, callout.numbered.gap.severity, callout.numbered.status == CLOSED)
    for badge in t.badges:
        badge_mark(p, badge.box, badge.numbered.status)


def draw_timeline(p: Painter, layout: WallLayout, graph: JourneyGraph, assumptions: frozenset[str]) -> None:
    t = layout.timeline
    _columns(p, layout)
    _load(p, graph, layout)
    for bar in t.bars:
        bar_mark(p, bar_kind(bar.item), bar.box, bar.item.id in assumptions)
    _handovers(p, layout, graph)
    _coordination(p, layout, graph)
    _record_end(p, layout, graph)
    _events(p, layout, assumptions)
    for voice in t.voices:
        voice_mark(p, voice.mark)
    for arrow in layout.arrows:
        arrow_mark(p, arrow, head_size(layout))
    _gaps(p, layout)


# --- the legend's symbols ----------------------------------------------------------------------
def legend_symbol(p: Painter, mark: str, box: Box) -> None:
    name, _, arg = mark.partition(":")
    cx, cy = box.centre
    size = min(box.h, box.w) * 0.9
    square = Box(cx - size / 2, cy - size / 2, size, size)
    thin = Box(box.x, cy - box.h * 0.3, box.w, box.h * 0.6)
    if name == "kind":
        shape(p, arg, square)
    elif name in ("level", "factor"):
        bar_mark(p, arg, thin)
    elif name in ("handover", "coordination", "leader"):
        style, colour = HANDOVER_STYLES[arg] if name == "handover" else ("solid", PRINT.protective)
        if name == "leader":
            style, colour = "dashed", GAP
        p.pen(colour, p.theme.line_width * (2 if name == "handover" else 1.2), style, fill="#FFFFFF")
        p.line([(box.x, cy), (box.right, cy)])
        if name == "coordination":
            for x in (box.x + 3, box.right - 3):
                p.circle(x, cy, 3)
    elif name == "record_end":
        p.pen(INK, RECORD_END_WIDTH)
        p.line([(cx, box.y), (cx, box.bottom)])
    elif name == "load":
        step_line(p, [(box.x, cy + 3), (box.x + box.w / 3, cy + 3), (box.x + box.w / 3, cy - 4),
                      (box.right, cy - 4)], load_width(p))
    elif name == "badge":
        badge_mark(p, square, {"open": "open", "closed": CLOSED, "new": NEW}[arg])
    elif name == "bracket":
        closed = arg == CLOSED
        bracket_mark(p, 2 if closed else int(arg), box.x, box.right, cy - box.h * 0.25, box.h * 0.5, closed)
    elif name == "callout":
        frame_mark(p, Box(box.x, box.y + 1, box.w, box.h - 2), 2, arg == "closed")
    elif name == "voice":
        voice_mark(p, Box(cx - size * 0.35, cy - size * 0.35, size * 0.7, size * 0.7))
    elif name == "arrow":
        y = cy
        arrow_mark(p, Arrow(arg, "", "", ((box.x, y), (box.right, y))), size * 0.6)
    elif name == "scenario":
        _scenario_symbol(p, arg, box, size)
    elif name == "unlabelled":
        shape(p, "contact", Box(cx - size * 0.3, cy - size * 0.3, size * 0.6, size * 0.6))
    elif name == "assumption":
        shape(p, "contact", Box(box.x + size * 0.3, cy - size * 0.25, size * 0.5, size * 0.5), assumption=True)
        p.pen(INK, p.theme.line_width, "dotted", fill="#FFFFFF")
        p.rect(Box(box.x + size * 1.1, cy - box.h * 0.3, box.w - size * 1.1, box.h * 0.6))


def load_width(p: Painter) -> float:
    return p.theme.line_width * 2.2


def _scenario_symbol(p: Painter, action: str, box: Box, size: float) -> None:
    """The legend's symbol for a kind of change: an event mark with its frame, or a struck bar."""
    if action == REMOVED:
        bar = Box(box.x, box.centre[1] - box.h * 0.3, box.w, box.h * 0.6)
        bar_mark(p, "preventive", bar)
        scenario_mark(p, ScenarioMark(action, "", bar, (), True), 0.0)
        return
    cx, cy = box.centre
    mark = Box(cx - size * 0.3, cy - size * 0.3, size * 0.6, size * 0.6)
    shape(p, "contact", mark)
    scenario_mark(p, ScenarioMark(action, "", mark, (), False), size * 0.25)
