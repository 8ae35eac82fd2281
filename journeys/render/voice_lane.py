"""The child's voice on the whole-life timeline: the persona's ``voice:`` quotes in a lane of their own.

Each quote stands at the age it was said, beside a small speech bubble, in italics and inside
quotation marks; quotes are packed into rows (first fit) so that no two share any area, the
same way the events are. The lane exists only when the persona has something said.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from persona.i18n import Catalog
from persona.model import Event

from journeys.render.dot import DotGraph, TextStyle
from journeys.render.fonts import block_width, wrap
from journeys.render.geometry import Box, pack_rows
from journeys.render.marks import text_block
from journeys.render.theme import Theme

VOICE_LANE = "voice"
QUOTE_WIDTH = 1.6  # a quote's column, times the theme's label width
MAX_QUOTE_LINES = 4
ITALIC = "italic"


@dataclass(frozen=True)
class VoiceMark:
    """One quote: its bubble at the age it was said and its text beside it."""

    event: Event
    marker: Box
    label: Box
    lines: tuple[str, ...]
    whole: str  # the whole quote, for hover when the lines had to leave some out

    @property
    def box(self) -> Box:
        return self.marker.union(self.label)


@dataclass(frozen=True)
class VoiceRoom:
    """Where the quotes may go: ``x`` of an age, the picture's right edge, the marker's size, the
    gaps between things."""

    left: float
    right: float
    year_width: float
    end: float
    marker: float
    pad: float
    line: float

    def x(self, age: float) -> float:
        return self.left + min(max(age, 0.0), self.end) * self.year_width


def said(events: Sequence[Event]) -> list[Event]:
    """The events with something said, by age."""
    return sorted((e for e in events if e.voice), key=lambda e: (e.age, e.id))


def quote_text(event: Event, text: Catalog) -> str:
    return text("timeline_voice.quote", voice=str(event.voice))


def place_voices(events: Sequence[Event], top: float, room: VoiceRoom, text: Catalog,
                 theme: Theme) -> tuple[list[VoiceMark], float]:
    """The quotes in first-fit rows from ``top``; returns them and the bottom of the last row."""
    measured = []
    for event in said(events):
        whole = quote_text(event, text)
        # a quote near the end of the axis gets a narrower column, so that it stays in the picture
        column = min(theme.label_width * QUOTE_WIDTH, room.right - room.x(event.age) - room.marker / 2 - 2 * room.pad)
        lines = wrap(whole, column, theme.font_size, ITALIC, max_lines=MAX_QUOTE_LINES)
        measured.append((event, whole, lines, block_width(lines, theme.font_size, ITALIC), len(lines) * room.line))
    extents = [(room.x(e.age) - room.marker / 2, room.x(e.age) + room.marker / 2 + room.pad + w)
               for e, _, _, w, _ in measured]
    rows = pack_rows(extents, gap=room.pad * 2)
    heights = [0.0] * (max(rows, default=-1) + 1)
    for row, (_, _, _, _, height) in zip(rows, measured):
        heights[row] = max(heights[row], height, room.marker)
    row_tops = [top + sum(heights[:r]) + r * theme.row_gap for r in range(len(heights))]
    marks = []
    for row, (event, whole, lines, width, height) in zip(rows, measured):
        x, y = room.x(event.age), row_tops[row]
        marker = Box(x - room.marker / 2, y + room.line / 2 - room.marker / 2, room.marker, room.marker)
        marks.append(VoiceMark(event, marker, Box(x + room.marker / 2 + room.pad, y, width, height), lines, whole))
    bottom = (row_tops[-1] + heights[-1]) if heights else top
    return marks, bottom


def speech_bubble(dot: DotGraph, box: Box, theme: Theme) -> None:
    """A round bubble with a tail at its lower left: the mark of something said."""
    bg = dot.background
    x, y = box.centre
    rx, ry = box.w / 2, box.h * 0.38
    tail = [(box.x + box.w * 0.22, y + ry * 0.6), (box.x, box.bottom), (box.x + box.w * 0.5, y + ry * 0.8)]
    bg.pen(theme.ink, "#FFFFFF", width=theme.line_width).polygon(tail)
    bg.pen(theme.ink, "#FFFFFF", width=theme.line_width).ellipse(x, y - box.h * 0.08, rx, ry)


def draw_voices(dot: DotGraph, voices: Sequence[VoiceMark], theme: Theme, until: float | None, fill: str) -> None:
    """Each quote said up to ``until`` (all of them without it): its bubble and its italic text on
    a patch of the lane's colour ``fill``, so that no year line runs through the words."""
    style = TextStyle(theme.font_size, theme.ink, italic=True)
    for voice in voices:
        if until is not None and voice.event.age > until + 1e-9:
            continue
        box = voice.label
        dot.background.pen(fill, fill, width=0.1).rect(box.x - 1, box.y, box.w + 2, box.h)
        speech_bubble(dot, voice.marker, theme)
        cut = " ".join(voice.lines) != " ".join(voice.whole.split())
        text_block(dot, f"voice:{voice.event.id}", voice.label, voice.lines, style,
                   element_id=f"voice-{voice.event.id}", tooltip=voice.whole if cut else None)
