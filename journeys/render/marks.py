"""Drawing the pieces every picture shares: event markers, bars, gap badges, text blocks."""

from __future__ import annotations

import math
from typing import Sequence

from journeys.render.dot import DotGraph, TextStyle, block_label, text_lines
from journeys.render.gaplist import CLOSED, NEW, NumberedGap
from journeys.render.geometry import Box
from journeys.render.theme import KIND_STYLES, LEVEL_FILLS, LEVEL_STYLES, LEVEL_TEXT, OKABE_ITO, Theme

RISK_FILL = "#F6CDB0"
PROTECTIVE_FILL = "#C4EBDD"
BRACKET_TICK = 7.0
SEVERITY_WEIGHT = {1: 1.0, 2: 2.0, 3: 3.5}
SEVERITY_STYLE = {1: "dashed", 2: "solid", 3: "solid"}


def inch(points: float) -> float:
    return round(points / 72.0, 4)


def marker(graph: DotGraph, name: str, kind: str, box: Box, theme: Theme, element_id: str | None = None,
           assumption: bool = False, *, fill: str | None = None, outline: str | None = None,
           shape: str | None = None, tooltip: str | None = None) -> None:
    """The shape of an event kind, filled with its colour, at a box's centre; an assumption (an
    element without sources in the interviews) is ringed by a dashed circle. ``fill``,
    ``outline`` and ``shape`` override the kind's own (e.g. for a faded mark); ``tooltip`` is the
    text a screen shows on hover."""
    style = KIND_STYLES[kind]
    x, y = box.centre
    if assumption:
        ring = inch(max(box.w, box.h) * ASSUMPTION_RING)
        graph.node(f"{name}:assumption", x, y, shape="circle", width=ring, height=ring, fixedsize="true",
                   style="dashed", color=theme.ink, penwidth=theme.line_width * 1.2, label="")
    graph.node(name, x, y, id=element_id, shape=shape or style.shape, width=inch(box.w), height=inch(box.h),
               fixedsize="true", style="filled", fillcolor=fill or style.fill, color=outline or theme.ink,
               penwidth=theme.line_width * 1.2, peripheries=style.peripheries if style.peripheries > 1 else None,
               tooltip=tooltip)


def text_block(graph: DotGraph, name: str, box: Box, lines: Sequence[str], style: TextStyle,
               note: Sequence[str] = (), note_style: TextStyle | None = None, element_id: str | None = None) -> None:
    """Lines of (escaped) text, left-aligned, centred on a box."""
    parts = [text_lines(lines, style)]
    if note and note_style:
        parts.append(text_lines(note, note_style))
    width, height = math.ceil(box.w), math.ceil(box.h)
    graph.node(name, box.x + width / 2, box.y + height / 2, id=element_id, shape="plaintext", width=0.01,
               height=0.01, label=block_label(parts, size=(width, height)))


def bar(graph: DotGraph, name: str, box: Box, fill: str, outline: str, style: str, theme: Theme,
        label: Sequence[str] = (), text_colour: str = "#000000", element_id: str | None = None) -> None:
    """A bar over a span of ages, with its label inside when it fits."""
    x, y = box.centre
    html = block_label([text_lines(label, TextStyle(theme.small_size, text_colour))]) if label else None
    graph.node(name, x, y, id=element_id, shape="box", width=inch(box.w), height=inch(box.h), fixedsize="true",
               style=f"filled,{style}", fillcolor=fill, color=outline, penwidth=theme.line_width * 1.2,
               label=html)


ASSUMPTION_BAR_STYLE = "dotted"  # the outline of a factor's or support's bar that is an assumption
ASSUMPTION_RING = 1.8  # the dashed ring around an assumed event, times the marker's size


def support_bar_style(level: str) -> tuple[str, str, str]:
    """Fill, line style and text colour of a support level's bar."""
    return LEVEL_FILLS[level], LEVEL_STYLES[level], LEVEL_TEXT[level]


def factor_bar_style(kind: str, theme: Theme) -> tuple[str, str, str]:
    """Fill, outline and line style of a risk or protective factor's bar: a heavy outline for a
    risk, a heavy dashed one for protection (their fills are the same grey as a support's in
    print; a dotted outline marks an assumption)."""
    if kind == "risk":
        return RISK_FILL, theme.risk, "bold"
    return PROTECTIVE_FILL, theme.protective, "dashed,bold"


def bracket_style(severity: int, theme: Theme) -> tuple[float, str]:
    """A gap bracket's line width and style: heavier the more serious the gap (dashed when mild)."""
    return theme.line_width * SEVERITY_WEIGHT.get(severity, 2.0), SEVERITY_STYLE.get(severity, "solid")


def badge(graph: DotGraph, name: str, box: Box, numbered: NumberedGap, theme: Theme,
          element_id: str | None = None) -> None:
    """A gap's number: filled when the gap is there, an open dashed ring when a scenario closes it."""
    x, y = box.centre
    closed = numbered.status == CLOSED
    style = TextStyle(theme.font_size, theme.gap_line if closed else "#FFFFFF", bold=True)
    graph.node(name, x, y, id=element_id, shape="circle" if box.w <= box.h + 0.1 else "box",
               width=inch(box.w), height=inch(box.h), fixedsize="true",
               style="dashed" if closed else ("filled,rounded" if box.w > box.h + 0.1 else "filled"),
               fillcolor=None if closed else theme.gap_line, color=theme.gap_line,
               penwidth=theme.line_width * (1.5 if closed else 1.0), peripheries=2 if numbered.status == NEW else None,
               label=block_label([text_lines([str(numbered.number)], style)], align="CENTER"))


def hatch(graph: DotGraph, box: Box, colour: str, spacing: float, width: float) -> None:
    """Diagonal lines across a box (a closed gap: legible without colour)."""
    bg = graph.background
    bg.pen(colour, width=width)
    start = box.x - box.h
    while start < box.right:
        x0, y0 = max(start, box.x), box.bottom - max(0.0, box.x - start)
        x1 = min(start + box.h, box.right)
        y1 = box.bottom - (x1 - start)
        if x1 > x0:
            bg.line([(x0, y0), (x1, y1)])
        start += spacing


__all__ = ["ASSUMPTION_BAR_STYLE", "ASSUMPTION_RING", "marker", "text_block", "bar", "badge", "hatch",
           "support_bar_style", "factor_bar_style", "bracket_style", "OKABE_ITO"]
