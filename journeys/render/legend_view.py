"""The legend: what each shape, bar, line and number means; and the numbered gaps explained.

Used under the standalone timeline and as its own picture on the poster.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

from persona.i18n import Catalog
from persona.vocabulary import Vocabulary

from journeys.render.dot import DotGraph, TextStyle
from journeys.render.fonts import block_width, font_family, text_width, wrap
from journeys.render.gaplist import CLOSED, NEW, OPEN, NumberedGap
from journeys.render.geometry import Box
from journeys.render.layout import LINE_SPACING, PAD
from journeys.render.marks import (
    ASSUMPTION_BAR_STYLE, ASSUMPTION_RING, BRACKET_TICK, bar, badge, bracket_style, factor_bar_style, marker,
    support_bar_style, text_block,
)
from journeys.render.theme import HANDOVER_STYLES, KIND_STYLES, LEVEL_FILLS, Theme
from journeys.render.voice_lane import speech_bubble

SYMBOL_WIDTH = 26.0
ITEM_GAP = 14.0
GAP_COLUMN_WIDTH = 380.0

Symbol = Callable[[DotGraph, str, Box], None]


@dataclass(frozen=True)
class Look:
    """What tells a mark apart without colour (in black-and-white print): its form, its fill as
    a shade of grey, its outline or line style, its weight, its arrowhead and its end marks."""

    form: str
    fill: str = "#FFFFFF"
    style: str = "solid"
    heavy: bool = False
    head: str = ""
    ends: str = ""


@dataclass(frozen=True)
class Entry:
    symbol: Symbol
    label: str
    look: Look


@dataclass
class Legend:
    """A legend that knows its own height for a given width."""

    text: Catalog
    vocabulary: Vocabulary
    theme: Theme
    gaps: Sequence[tuple[NumberedGap, str]] = ()
    title: bool = True
    explain: bool = True  # False: the gaps only decide which marks are explained (closed, new)
    assumptions: bool = False  # the picture draws assumptions (elements without sources): explain them
    marks: Sequence[Entry] = ()  # entries for marks a picture adds (a scenario's layer)
    voices: bool = False  # the picture shows the child's own words (the voice lane)
    entries: list[Entry] = field(init=False)

    def __post_init__(self) -> None:
        self.entries = self._entries()

    # --- the entries ----------------------------------------------------------------------
    def _entries(self) -> list[Entry]:
        t, lang, theme = self.text, self.text.lang, self.theme
        entries = [Entry(self._kind(kind), self.vocabulary.label("event_kinds", kind, lang),
                         Look(KIND_STYLES[kind].shape, KIND_STYLES[kind].fill)) for kind in KIND_STYLES]
        for level in LEVEL_FILLS:
            fill, style, _ = support_bar_style(level)
            entries.append(Entry(self._level(level), self.vocabulary.label("support_levels", level, lang),
                                 Look("bar", fill, style, heavy="bold" in style)))
        for kind, key in (("risk", "render.legend.risk"), ("protective", "render.legend.protective")):
            fill, _, style = factor_bar_style(kind, theme)
            entries.append(Entry(self._factor(kind), t(key), Look("bar", fill, style, heavy="bold" in style)))
        for handover, (style, colour) in HANDOVER_STYLES.items():
            entries.append(Entry(self._line(style, colour, theme.line_width * 2.2),
                                 self.vocabulary.label("handovers", handover, lang), Look("line", style=style, heavy=True)))
        entries.append(Entry(self._line("solid", theme.muted, theme.line_width, head="normal"),
                             t("render.legend.response"), Look("line", head="normal")))
        entries.append(Entry(self._line("dashed", theme.gap_line, theme.line_width, head="empty"),
                             t("render.legend.unanswered"), Look("line", style="dashed", head="empty")))
        entries.append(Entry(self._line("solid", theme.protective, theme.line_width * 1.2, ends=True),
                             t("render.legend.coordination"), Look("line", ends="rings")))
        if self.voices:
            entries.append(Entry(self._voice(), t("timeline_voice.legend"), Look("bubble")))
        if self.assumptions:
            entries.append(Entry(self._assumption(), t("assumption_legend.entry"),
                                 Look("assumption", style=ASSUMPTION_BAR_STYLE, ends="dashed ring")))
        entries += self.marks
        entries.append(Entry(self._badge(OPEN), t("render.legend.gap"), Look("badge", theme.gap_line)))
        for severity in (3, 2, 1):
            width, style = bracket_style(severity, theme)
            entries.append(Entry(self._bracket(severity), t("marks.legend.span", severity=t(f"gaps.severity.{severity}")),
                                 Look("bracket", style=style, heavy=width >= theme.line_width * 3)))
        if any(n.status == CLOSED for n, _ in self.gaps):
            entries.append(Entry(self._badge(CLOSED), t("render.legend.gap_closed"), Look("badge", style="dashed")))
        if any(n.status == NEW for n, _ in self.gaps):
            entries.append(Entry(self._badge(NEW), t("render.legend.gap_new"), Look("badge", theme.gap_line, ends="ring")))
        return entries

    def _kind(self, kind: str) -> Symbol:
        size = self.theme.marker

        def draw(dot: DotGraph, name: str, box: Box) -> None:
            x, y = box.centre
            marker(dot, name, kind, Box(x - size / 2, y - size / 2, size, size), self.theme)
        return draw

    def _voice(self) -> Symbol:
        size = self.theme.marker

        def draw(dot: DotGraph, name: str, box: Box) -> None:
            x, y = box.centre
            speech_bubble(dot, Box(x - size / 2, y - size / 2, size, size), self.theme)
        return draw

    def _assumption(self) -> Symbol:
        """An event marker in a dashed ring next to a bar with a dotted outline."""
        size = self.theme.marker * 0.5
        ring = size * ASSUMPTION_RING

        def draw(dot: DotGraph, name: str, box: Box) -> None:
            y = box.centre[1]
            left = box.x + (ring - size) / 2
            marker(dot, f"{name}:mark", "contact", Box(left, y - size / 2, size, size), self.theme, assumption=True)
            bar(dot, f"{name}:bar", Box(box.x + ring + 2, box.y + 2, max(box.w - ring - 2, 4.0), box.h - 4),
                "#FFFFFF", self.theme.ink, ASSUMPTION_BAR_STYLE, self.theme)
        return draw

    def _level(self, level: str) -> Symbol:
        def draw(dot: DotGraph, name: str, box: Box) -> None:
            fill, style, _ = support_bar_style(level)
            bar(dot, name, Box(box.x, box.y + 2, box.w, box.h - 4), fill, self.theme.ink, style, self.theme)
        return draw

    def _factor(self, kind: str) -> Symbol:
        def draw(dot: DotGraph, name: str, box: Box) -> None:
            fill, outline, style = factor_bar_style(kind, self.theme)
            bar(dot, name, Box(box.x, box.y + 2, box.w, box.h - 4), fill, outline, style, self.theme)
        return draw

    def _line(self, style: str, colour: str, width: float, head: str = "", ends: bool = False) -> Symbol:
        def draw(dot: DotGraph, name: str, box: Box) -> None:
            y = box.centre[1]
            dot.node(f"{name}:a", box.x, y, shape="point", width=0.01, height=0.01, style="invis")
            dot.node(f"{name}:b", box.right, y, shape="point", width=0.01, height=0.01, style="invis")
            end = box.right - (5 if head else 0)
            path = [(box.x, y), (box.x + (end - box.x) / 3, y), (box.x + 2 * (end - box.x) / 3, y), (end, y)]
            dot.edge(f"{name}:a", f"{name}:b", path, (box.right, y) if head else None, style=style, color=colour,
                     penwidth=width, arrowsize=0.5, arrowhead=head or None)
            if ends:
                for x in (box.x + 2.5, box.right - 2.5):
                    dot.background.pen(colour, "#FFFFFF", width=width).ellipse(x, y, 2.5, 2.5)
        return draw

    def _bracket(self, severity: int) -> Symbol:
        def draw(dot: DotGraph, name: str, box: Box) -> None:
            width, style = bracket_style(severity, self.theme)
            y = box.centre[1] - BRACKET_TICK / 2
            tick = min(BRACKET_TICK, box.h / 2)
            dot.background.pen(self.theme.gap_line, width=width, style=style)
            dot.background.line([(box.x, y + tick), (box.x, y), (box.right, y), (box.right, y + tick)])
        return draw

    def _badge(self, status: str) -> Symbol:
        def draw(dot: DotGraph, name: str, box: Box) -> None:
            size = self._badge_size()
            x, y = box.centre
            badge(dot, name, Box(x - size / 2, y - size / 2, size, size), NumberedGap(0, None, status), self.theme)
        return draw

    @property
    def explained(self) -> Sequence[tuple[NumberedGap, str]]:
        """The gaps listed with their explanations under the marks."""
        return self.gaps if self.explain else ()

    # --- geometry --------------------------------------------------------------------------
    def _item_size(self, entry: Entry) -> tuple[float, float]:
        return SYMBOL_WIDTH + PAD + text_width(entry.label, self.theme.small_size), self._row_height()

    def _badge_size(self) -> float:
        return self.theme.font_size * 1.2 + 6

    def _row_height(self) -> float:
        return max(self.theme.marker, self._badge_size()) + 4

    def _flow(self, width: float) -> list[tuple[Entry, float, int]]:
        placed, x, row = [], PAD * 2, 0
        for entry in self.entries:
            w, _ = self._item_size(entry)
            if x + w > width - PAD * 2 and x > PAD * 2:
                x, row = PAD * 2, row + 1
            placed.append((entry, x, row))
            x += w + ITEM_GAP
        return placed

    def _gap_columns(self, width: float) -> tuple[int, float]:
        columns = max(1, int((width - PAD * 4) // GAP_COLUMN_WIDTH))
        return columns, (width - PAD * 4) / columns

    def _gap_entries(self, width: float) -> list[tuple[NumberedGap, tuple[str, ...], float, float]]:
        columns, column_width = self._gap_columns(width)
        per_column = -(-len(self.explained) // columns) if self.explained else 0
        badge_w = self._badge_size()
        size = self.theme.font_size
        result, y_col = [], [0.0] * columns
        for index, (numbered, message) in enumerate(self.explained):
            column = index // per_column if per_column else 0
            lines = wrap(message, column_width - badge_w - 3 * PAD, size)
            height = max(badge_w, len(lines) * size * LINE_SPACING) + PAD
            result.append((numbered, lines, PAD * 2 + column * column_width, y_col[column]))
            y_col[column] += height
        return result

    def _title_height(self) -> float:
        return self.theme.title_size * LINE_SPACING + PAD * 2 if self.title else PAD

    def _gaps_height(self, width: float) -> float:
        if not self.explained:
            return 0.0
        entries = self._gap_entries(width)
        size = self.theme.font_size
        badge_w = self._badge_size()
        bottoms = [y + max(badge_w, len(lines) * size * LINE_SPACING) for _, lines, _, y in entries]
        return max(bottoms) + self.theme.title_size * LINE_SPACING + PAD * 4

    def height(self, width: float) -> float:
        rows = max((row for _, _, row in self._flow(width)), default=0) + 1
        return self._title_height() + rows * self._row_height() + self._gaps_height(width) + PAD * 2

    # --- drawing ---------------------------------------------------------------------------
    def draw(self, dot: DotGraph, x0: float, y0: float, width: float) -> None:
        theme, y = self.theme, y0 + PAD
        if self.title:
            title = (self.text("render.legend.title"),)
            h = theme.title_size * LINE_SPACING
            text_block(dot, "legend:title", Box(x0 + PAD * 2, y + PAD, block_width(title, theme.title_size, "bold"), h),
                       title, TextStyle(theme.title_size, theme.ink, bold=True))
        y += self._title_height()
        row_h = self._row_height()
        rows = 0
        for index, (entry, x, row) in enumerate(self._flow(width)):
            top = y + row * row_h
            entry.symbol(dot, f"legend:{index}", Box(x0 + x, top + 2, SYMBOL_WIDTH, row_h - 4))
            label_w = text_width(entry.label, theme.small_size)
            text_block(dot, f"legend-label:{index}", Box(x0 + x + SYMBOL_WIDTH + PAD, top, label_w, row_h),
                       (entry.label,), TextStyle(theme.small_size, theme.ink))
            rows = row + 1
        y += rows * row_h + PAD * 2
        self._draw_gaps(dot, x0, y, width)

    def _draw_gaps(self, dot: DotGraph, x0: float, y: float, width: float) -> None:
        if not self.explained:
            return
        theme = self.theme
        title = (self.text("render.legend.gaps_title"),)
        h = theme.title_size * LINE_SPACING
        text_block(dot, "legend:gaps", Box(x0 + PAD * 2, y, block_width(title, theme.title_size, "bold"), h),
                   title, TextStyle(theme.title_size, theme.ink, bold=True))
        y += h + PAD * 2
        size = theme.font_size
        badge_w = self._badge_size()
        for numbered, lines, x, top in self._gap_entries(width):
            badge(dot, f"legend-gap:{numbered.number}", Box(x0 + x, y + top, badge_w, badge_w), numbered, theme)
            box = Box(x0 + x + badge_w + PAD * 2, y + top, block_width(lines, size), len(lines) * size * LINE_SPACING)
            text_block(dot, f"legend-gap-text:{numbered.number}", box, lines, TextStyle(size, theme.ink))


def legend_drawing_dot(legend: Legend, width: float) -> tuple[str, float, float]:
    height = legend.height(width)
    dot = DotGraph("legend", width, height, font_family().graphviz_name)
    legend.draw(dot, 0.0, 0.0, width)
    return dot.source(), width, height
