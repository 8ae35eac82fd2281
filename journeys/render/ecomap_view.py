"""The ecomap (Hartman 1978): the child in the centre, people and agencies around.

Line weight grows with the number of contacts; a solid line is a strong tie (a support, or
several contacts), a dashed one a weak tie, a jagged red one a stressful tie (the agency is part
of a gap). Agencies that were active at the same time but never met in a coordination are
joined by a dotted "missing link".
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Sequence

from persona.i18n import Catalog

from journeys.gaps.rules import agency_group_rules
from journeys.graph import JourneyGraph
from journeys.render.dot import DotGraph, TextStyle, block_label, straight, text_lines
from journeys.render.fonts import block_width, font_family, text_width, wrap
from journeys.render.geometry import Box
from journeys.render.layout import LINE_SPACING, PAD
from journeys.render.marks import inch, text_block
from journeys.render.theme import Theme

STRONG_CONTACTS = 4
UNCOORDINATED_RULE = "uncoordinated"
ZIGZAG_STEP = 7.0
KEY_ROWS = 5


def stressed_agencies(gaps: Sequence[Any]) -> set[str]:
    """Agencies that are part of a gap of their own (a signal left unanswered, a referral
    waiting, a hand-over broken …), not merely active while a group gap lasted: the rules that
    say ``GROUPS_AGENCIES`` name every agency active in a period, shown by missing links."""
    grouped = agency_group_rules()
    return {a for gap in gaps if gap.rule not in grouped for a in gap.agencies}


@dataclass(frozen=True)
class Tie:
    """One person or agency around the child, and how it is tied to the child."""

    node: str
    lines: tuple[str, ...]
    small: tuple[str, ...]
    kind: str          # "person" | "agency"
    contacts: int = 0
    strong: bool = False
    stressful: bool = False
    protective: bool = False


def agency_ties(graph: JourneyGraph, gaps: Sequence[Any], text: Catalog, theme: Theme) -> list[Tie]:
    vocabulary = graph.vocabulary
    in_gaps = stressed_agencies(gaps)
    supported = {s.agency for s in graph.supports()}
    agencies = {a for a in graph.activity()} | supported | {a for e in graph.events() for a in ([e.agency] if e.agency else [])}
    order = {s: i for i, s in enumerate(vocabulary.sectors_in_order())}
    ties = []
    for agency in sorted(agencies, key=lambda a: (order.get(vocabulary.sector_of(a), 99), a)):
        if vocabulary.sector_of(agency) == "family":
            continue
        contacts = len(graph.events_at(agency)) + sum(1 for s in graph.supports() if s.agency == agency)
        name = wrap(vocabulary.agency_label(agency, text.lang, short=True), theme.label_width * 1.2, theme.font_size, "bold", 2)
        small = (text(f"render.ecomap.contacts.{'one' if contacts == 1 else 'other'}", count=contacts),)
        ties.append(Tie(f"agency:{agency}", name, small, "agency", contacts,
                        agency in supported or contacts >= STRONG_CONTACTS, agency in in_gaps))
    return ties


def person_ties(graph: JourneyGraph, text: Catalog, theme: Theme) -> list[Tie]:
    ties = []
    for person in graph.persona.people:
        role = graph.vocabulary.label("roles", person.role, text.lang)
        name = wrap(person.label or role, theme.label_width * 0.8, theme.font_size, "bold", 2)
        small = (role,) if person.label and person.label != role else ()
        ties.append(Tie(f"person:{person.id}", name, small, "person", strong=True, protective=person.protective))
    return ties


def _size(tie: Tie, theme: Theme) -> tuple[float, float]:
    w = max(block_width(tie.lines, theme.font_size, "bold"), block_width(tie.small, theme.small_size)) + 4 * PAD
    h = len(tie.lines) * theme.font_size * LINE_SPACING + len(tie.small) * theme.small_size * LINE_SPACING + 3 * PAD
    return w, h


def _ring(ties: list[Tie], theme: Theme, child_radius: float) -> tuple[float, list[float]]:
    """A radius and an angle per tie: people on the left, agencies round the rest, each in a
    slot as wide as its box's diagonal, so no two boxes meet."""
    sizes = [_size(t, theme) for t in ties]
    slots = [math.hypot(w, h) + 2 * PAD for w, h in sizes]
    radius = max(sum(slots) / (2 * math.pi), child_radius + max((math.hypot(w, h) for w, h in sizes), default=0) + 60)
    people = sum(s for t, s in zip(ties, slots) if t.kind == "person")
    angle = math.pi - (people / radius) / 2  # people centred on the left (angle π)
    angles = []
    for slot in slots:
        step = slot / radius
        angles.append(angle + step / 2)
        angle += step
    return radius, angles


def clip_to_box(box: Box, towards: tuple[float, float]) -> tuple[float, float]:
    """Where the line from a box's centre towards a point leaves the box."""
    (cx, cy), (tx, ty) = box.centre, towards
    dx, dy = tx - cx, ty - cy
    scale = min((box.w / 2) / abs(dx) if dx else math.inf, (box.h / 2) / abs(dy) if dy else math.inf)
    return cx + dx * scale, cy + dy * scale


def zigzag(start: tuple[float, float], end: tuple[float, float], amplitude: float) -> list[tuple[float, float]]:
    """A jagged line from start to end (a stressful tie)."""
    (x0, y0), (x1, y1) = start, end
    length = math.hypot(x1 - x0, y1 - y0)
    steps = max(2, int(length // ZIGZAG_STEP))
    nx, ny = -(y1 - y0) / length, (x1 - x0) / length
    points = [start]
    for i in range(1, steps):
        t = i / steps
        side = amplitude if i % 2 else -amplitude
        points.append((x0 + (x1 - x0) * t + nx * side, y0 + (y1 - y0) * t + ny * side))
    return points + [end]


def missing_links(graph: JourneyGraph, gaps: Sequence[Any], order: Sequence[str]) -> list[tuple[str, str]]:
    """Agencies that were active together without coordination (the gaps of the
    ``uncoordinated`` rule) and never sat in the same coordination: each such group joined
    round the ring, neighbour to neighbour, so the picture shows the group, not a tangle."""
    met: set[frozenset[str]] = set()
    for event in graph.events(("coordination",)):
        present = [a for a in [event.agency, *(event.with_ or ())] if a]
        met |= {frozenset((a, b)) for a in present for b in present if a != b}
    position = {node: index for index, node in enumerate(order)}
    links: dict[frozenset[str], tuple[str, str]] = {}
    for gap in gaps:
        if gap.rule != UNCOORDINATED_RULE:
            continue
        group = sorted((a for a in gap.agencies if f"agency:{a}" in position), key=lambda a: position[f"agency:{a}"])
        pairs = list(zip(group, group[1:])) + ([(group[-1], group[0])] if len(group) > 2 else [])
        for a, b in pairs:
            if frozenset((a, b)) not in met:
                links.setdefault(frozenset((a, b)), (a, b))
    return sorted(links.values())


def protective_style(theme: Theme) -> dict[str, object]:
    """A protective adult's tie: a double line (told apart from a strong tie without colour)."""
    return {"color": f"{theme.protective}:#FFFFFF:{theme.protective}", "penwidth": theme.line_width * 1.5,
            "style": "solid"}


def tie_style(tie: Tie, theme: Theme) -> dict[str, object]:
    width = theme.line_width * (1.0 + min(tie.contacts, 12) * 0.35)
    if tie.kind == "person":
        if tie.protective:
            return protective_style(theme)
        return {"color": theme.ink, "penwidth": theme.line_width * 1.2, "style": "solid"}
    if tie.stressful:
        return {"color": theme.gap_line, "penwidth": width, "style": "solid"}
    return {"color": theme.ink, "penwidth": width, "style": "solid" if tie.strong else "dashed"}


def ecomap_dot(graph: JourneyGraph, gaps: Sequence[Any], text: Catalog, theme: Theme) -> tuple[str, float, float]:
    """The DOT text of the ecomap, with its width and height."""
    ties = person_ties(graph, text, theme) + agency_ties(graph, gaps, text, theme)
    name = wrap(graph.persona.name, theme.label_width, theme.title_size * 1.3, "bold", 2)
    child_r = max(block_width(name, theme.title_size * 1.3, "bold") / 2 + 3 * PAD, 30.0)
    radius, angles = _ring(ties, theme, child_r)
    sizes = [_size(t, theme) for t in ties]
    extent = radius + max((max(w, h) for w, h in sizes), default=0) / 2 + 4 * PAD
    key_height = KEY_ROWS * (theme.font_size * LINE_SPACING + PAD) + 2 * PAD
    width, height = 2 * extent, 2 * extent + key_height
    cx, cy = width / 2, extent
    dot = DotGraph("ecomap", width, height, font_family().graphviz_name)
    boxes: dict[str, Box] = {}
    for tie, angle, (w, h) in zip(ties, angles, sizes):
        x, y = cx + radius * math.cos(angle), cy - radius * math.sin(angle)
        boxes[tie.node] = Box(x - w / 2, y - h / 2, w, h)
    child = Box(cx - child_r, cy - child_r, 2 * child_r, 2 * child_r)
    _draw_missing_links(dot, missing_links(graph, gaps, [t.node for t in ties]), boxes, theme)
    for tie in ties:
        _draw_tie(dot, tie, boxes[tie.node], child, theme)
    dot.node("child", cx, cy, id="child", shape="circle", width=inch(child.w), height=inch(child.h), fixedsize="true",
             style="filled", fillcolor="#FFFFFF", color=theme.ink, penwidth=theme.line_width * 2, peripheries=2,
             label=block_label([text_lines(name, TextStyle(theme.title_size * 1.3, theme.ink, bold=True))], "CENTER"))
    for tie in ties:
        _draw_box(dot, tie, boxes[tie.node], theme)
    _draw_key(dot, text, theme, 2 * extent)
    return dot.source(), width, height


def _draw_missing_links(dot: DotGraph, links: Sequence[tuple[str, str]], boxes: dict[str, Box], theme: Theme) -> None:
    for a, b in links:
        first, second = boxes[f"agency:{a}"], boxes[f"agency:{b}"]
        start, end = clip_to_box(first, second.centre), clip_to_box(second, first.centre)
        dot.edge(f"agency:{a}", f"agency:{b}", straight([start, end]), None, id=f"missing-{a}-{b}", style="dotted",
                 color=theme.missing_link, penwidth=theme.line_width * 2.4)


def _draw_tie(dot: DotGraph, tie: Tie, box: Box, child: Box, theme: Theme) -> None:
    (cx, cy), r = child.centre, child.w / 2 + 2
    bx, by = box.centre
    length = math.hypot(bx - cx, by - cy)
    start = (cx + (bx - cx) / length * r, cy + (by - cy) / length * r)
    end = clip_to_box(box, (cx, cy))
    points = zigzag(start, end, 3.5) if tie.stressful else [start, end]
    dot.edge("child", tie.node, straight(points), None, id=f"tie-{tie.node.replace(':', '-')}", **tie_style(tie, theme))


def _draw_box(dot: DotGraph, tie: Tie, box: Box, theme: Theme) -> None:
    parts = [text_lines(tie.lines, TextStyle(theme.font_size, theme.ink, bold=True))]
    if tie.small:
        parts.append(text_lines(tie.small, TextStyle(theme.small_size, theme.muted)))
    x, y = box.centre
    dot.node(tie.node, x, y, id=tie.node.replace(":", "-"), shape="box", style="rounded,filled",
             fillcolor="#FFFFFF" if tie.kind == "agency" else "#F2F2F2", color=theme.ink,
             penwidth=theme.line_width * (2.0 if tie.protective else 1.0), width=inch(box.w), height=inch(box.h),
             fixedsize="true", label=block_label(parts, "CENTER"))


def _draw_key(dot: DotGraph, text: Catalog, theme: Theme, top: float) -> None:
    entries = [
        ({"style": "solid", "color": theme.ink, "penwidth": theme.line_width * 3}, False, text("render.ecomap.strong")),
        ({"style": "dashed", "color": theme.ink, "penwidth": theme.line_width * 1.4}, False, text("render.ecomap.weak")),
        ({"style": "solid", "color": theme.gap_line, "penwidth": theme.line_width * 2}, True, text("render.ecomap.stressful")),
        ({"style": "dotted", "color": theme.missing_link, "penwidth": theme.line_width * 2.4}, False, text("render.ecomap.missing")),
        (protective_style(theme), False, text("marks.ecomap.protective")),
    ]
    row = theme.font_size * LINE_SPACING + PAD
    x = 4 * PAD
    for index, (style, jagged, label) in enumerate(entries):
        y = top + PAD + index * row + row / 2
        points = zigzag((x, y), (x + 40, y), 3.0) if jagged else [(x, y), (x + 40, y)]
        dot.node(f"key:{index}:a", x, y, shape="point", style="invis", width=0.01, height=0.01)
        dot.node(f"key:{index}:b", x + 40, y, shape="point", style="invis", width=0.01, height=0.01)
        dot.edge(f"key:{index}:a", f"key:{index}:b", straight(points), None, **style)
        lines = (label,)
        text_block(dot, f"key-label:{index}", Box(x + 48, y - row / 2, text_width(label, theme.small_size), row),
                   lines, TextStyle(theme.small_size, theme.ink))
