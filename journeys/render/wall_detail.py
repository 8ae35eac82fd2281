"""The detail under the wall poster's timeline: the persona card, where the rest is, the legend,
the gaps that got no call-out, and the pictures that fit at the poster's type sizes (the cost
panel, the ecomap). Text flows down columns; what does not fit is named, never set smaller."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from persona.i18n import Catalog

from journeys.ages import format_age_span
from journeys.gaps import rule_title
from journeys.labels import person_label
from journeys.render.geometry import Box
from journeys.render.journey import Journey
from journeys.render.theme import PRINT
from journeys.render.wall_callouts import status_words
from journeys.render.wall_legend import LegendEntry
from journeys.render.wall_sizes import TypeScale
from journeys.render.wall_text import Line, moved, set_text

COLUMN_IN_BODY = 28.0
SYMBOL_IN_BODY = 2.6
LEGEND_KEPT_WITH_TITLE = 2  # the legend's title starts a column with at least this many of its entries


@dataclass(frozen=True)
class Symbol:
    """A legend symbol: ``mark`` drawn in ``box``."""

    mark: str
    box: Box


@dataclass(frozen=True)
class Panel:
    """A picture placed at ``scale`` with its top-left corner at the box's."""

    drawing: Any
    box: Box
    scale: float


@dataclass(frozen=True)
class Unit:
    """Lines (from y = 0) that stay together in a column, with an optional legend symbol."""

    lines: tuple[Line, ...]
    space_after: float
    symbol: Symbol | None = None

    @property
    def height(self) -> float:
        bottom = max([line.box.bottom for line in self.lines] + ([self.symbol.box.bottom] if self.symbol else [0.0]))
        return bottom + self.space_after


@dataclass(frozen=True)
class Detail:
    lines: tuple[Line, ...]
    symbols: tuple[Symbol, ...]
    panels: tuple[Panel, ...]
    listed: tuple[int, ...]
    left_out: tuple[int, ...]


class Flow:
    """Units placed down columns, left to right."""

    def __init__(self, box: Box, width: float, gutter: float):
        self.box, self.width, self.gutter = box, width, gutter
        self.count = max(1, int((box.w + gutter) // (width + gutter)))
        self.column, self.y = 0, box.y
        self.lines: list[Line] = []
        self.symbols: list[Symbol] = []

    def _where(self, unit: Unit, column: int, y: float) -> tuple[int, float] | None:
        if y + unit.height - unit.space_after > self.box.bottom:
            column, y = column + 1, self.box.y
        if column >= self.count or y + unit.height - unit.space_after > self.box.bottom:
            return None
        return column, y

    def fits(self, units: Sequence[Unit]) -> bool:
        column, y = self.column, self.y
        for unit in units:
            where = self._where(unit, column, y)
            if where is None:
                return False
            column, y = where[0], where[1] + unit.height
        return True

    def put(self, unit: Unit) -> bool:
        where = self._where(unit, self.column, self.y)
        if where is None:
            return False
        self.column, top = where
        x = self.box.x + self.column * (self.width + self.gutter)
        self.lines += moved(unit.lines, x, top)
        if unit.symbol is not None:
            self.symbols.append(Symbol(unit.symbol.mark, unit.symbol.box.moved(x, top)))
        self.y = top + unit.height
        return True

    def keep_together(self, units: Sequence[Unit]) -> None:
        """Start a new column unless ``units`` fit one after the other in what is left of this one
        (so that a title is never left at the foot of a column without what it heads)."""
        height = sum(unit.height for unit in units) - (units[-1].space_after if units else 0.0)
        if self.y + height > self.box.bottom and self.y > self.box.y and self.column + 1 < self.count:
            self.column, self.y = self.column + 1, self.box.y

    def used_width(self) -> float:
        return (self.column + 1) * (self.width + self.gutter)


def _unit(parts: Sequence[tuple[str, float, str]], width: float, space: float) -> Unit:
    lines: list[Line] = []
    y = 0.0
    for words, size, weight in parts:
        block = set_text(words, 0, y, width, size, weight)
        lines += block
        y = block[-1].box.bottom
    return Unit(tuple(lines), space)


def _card(journey: Journey, text: Catalog, scale: TypeScale, width: float) -> list[Unit]:
    persona, vocabulary = journey.graph.persona, journey.graph.vocabulary
    space = scale.small * 0.6
    head: list[tuple[str, float, str]] = [(persona.name, scale.heading, "bold")]
    if persona.born:
        head.append((text("render.poster.born", year=persona.born), scale.small, "regular"))
    units = [_unit(head, width, space)]
    if persona.summary:
        units.append(_unit([(persona.summary, scale.body, "regular")], width, space))
    if persona.quote:
        units.append(_unit([(text("render.poster.quote", quote=persona.quote), scale.body, "italic")], width, space))
    people = []
    for person in persona.people:
        role = vocabulary.label("roles", person.role, text.lang)
        line = text("render.poster.person", name=person_label(person, vocabulary, text), role=role)
        line += (" " + text("render.poster.protective")) if person.protective else ""
        people.append((line + (f" – {person.note}" if person.note else ""), scale.small, "regular"))
    if people:
        units.append(_unit([(text("render.poster.people"), scale.body, "bold")] + people, width, space * 2))
    return units


def _legend(entries: Sequence[LegendEntry], text: Catalog, scale: TypeScale, width: float) -> list[Unit]:
    symbol_w = scale.body * SYMBOL_IN_BODY
    units = [_unit([(text("wall_poster.legend.title"), scale.body, "bold")], width, scale.small * 0.4)]
    for entry in entries:
        lines = set_text(entry.label, symbol_w + scale.small, 0, width - symbol_w - scale.small, scale.small)
        symbol = Symbol(entry.mark, Box(0, 0, symbol_w, scale.line(scale.small)))
        units.append(Unit(tuple(lines), scale.small * 0.3, symbol))
    return units


def _more_gaps(journey: Journey, numbers: Sequence[int], text: Catalog, scale: TypeScale, width: float,
               verdicts: Mapping[str, str]) -> list[tuple[int, Unit]]:
    """A line for each gap without a call-out (and the catalogue's verdict on it, if asked for)."""
    by_number = {n.number: n for n in journey.numbered}
    units = []
    for number in numbers:
        gap = by_number[number].gap
        words = text("wall_poster.more_gap", number=number, title=rule_title(gap.rule, text),
                     span=format_age_span(gap.start, gap.end, text))
        status = status_words(by_number[number], text)
        if status:
            words = text("wall_poster.more_gap_status", gap=words, status=status)
        parts = [(words, scale.small, "regular")]
        if gap.key in verdicts:
            parts.append((verdicts[gap.key], scale.small, "bold"))
        units.append((number, _unit(parts, width, scale.small * 0.2)))
    return units


def _left_out_unit(numbers: Sequence[int], text: Catalog, scale: TypeScale, width: float) -> Unit:
    words = text("wall_poster.more_left_out", numbers=", ".join(str(n) for n in numbers))
    return _unit([(words, scale.body, "bold")], width, 0.0)


def _list_gaps(flow: Flow, journey: Journey, without: Sequence[int], text: Catalog, scale: TypeScale,
               width: float, verdicts: Mapping[str, str]) -> tuple[list[int], list[int]]:
    """The gaps without a call-out, one line each, as many as fit with the line naming the rest."""
    if not without:
        return [], []
    title = _unit([(text("wall_poster.more_gaps"), scale.body, "bold")], width, scale.small * 0.4)
    items = _more_gaps(journey, without, text, scale, width, verdicts)
    first = items[0][1]
    if not flow.fits([title, first]) or not flow.put(title):
        flow.put(_left_out_unit(without, text, scale, width))
        return [], list(without)
    listed: list[int] = []
    for index, (number, unit) in enumerate(items):
        rest = [n for n, _ in items[index + 1:]]
        if flow.fits([unit] + ([_left_out_unit(rest, text, scale, width)] if rest else [])):
            flow.put(unit)
            listed.append(number)
            continue
        left_out = [n for n, _ in items[index:]]
        flow.put(_left_out_unit(left_out, text, scale, width))
        return listed, left_out
    return listed, []


def ecomap_drawing(journey: Journey, text: Catalog, scale: TypeScale) -> Any:
    """The ecomap in the poster's own sizes (names in body, counts in small, the child in label)."""
    from journeys.render.drawing import Drawing
    from journeys.render.ecomap_view import ecomap_dot

    theme = dataclasses.replace(PRINT, font_size=scale.body, small_size=scale.small, title_size=scale.label / 1.3,
                                label_width=scale.body * 9, marker=scale.label, line_width=scale.small / 9)
    dot, width, height = ecomap_dot(journey.graph, journey.gaps, text, theme)
    return Drawing(dot, width, height)


MIN_TEXT_SHARE = 0.5  # of a tall detail box kept for text under the pictures


def _panels(journey: Journey, text: Catalog, scale: TypeScale, box: Box, cost: Any,
            keep: float) -> tuple[list[Panel], list[str], Box]:
    """The cost panel and the ecomap, each at its fixed scale if it fits: at the foot of a tall
    detail box (above them at least :data:`MIN_TEXT_SHARE` stays text), at the right of a wide
    one (beside ``keep`` points of text columns). The notice for each that does not fit, and
    the box left for text."""
    panels, notices = [], []
    candidates = [(cost, scale.cost_scale, "wall_poster.cost_elsewhere")] if cost is not None else []
    candidates.append((ecomap_drawing(journey, text, scale), 1.0, "wall_poster.ecomap_elsewhere"))
    tall = box.h > box.w
    room = box
    for drawing, factor, notice in candidates:
        w, h = drawing.width * factor, drawing.height * factor
        if tall and w <= room.w and room.h - h - scale.body * 2 >= box.h * MIN_TEXT_SHARE:
            panels.append(Panel(drawing, Box(room.x, room.bottom - h, w, h), factor))
            room = Box(room.x, room.y, room.w, room.h - h - scale.body * 2)
        elif not tall and h <= room.h and room.w - w - scale.body * 2 >= keep:
            panels.append(Panel(drawing, Box(room.right - w, room.y, w, h), factor))
            room = Box(room.x, room.y, room.w - w - scale.body * 2, room.h)
        else:
            notices.append(notice)
    return panels, notices, room


def detail_column(scale: TypeScale) -> float:
    return scale.body * COLUMN_IN_BODY


def detail_gutter(scale: TypeScale) -> float:
    return scale.body * 2


def lay_out_detail(journey: Journey, text: Catalog, scale: TypeScale, box: Box, without: Sequence[int],
                   legend: Sequence[LegendEntry], cost: Any, voices_left_out: int,
                   verdicts: Mapping[str, str]) -> Detail:
    width, gutter = detail_column(scale), detail_gutter(scale)
    panels, notices, room = _panels(journey, text, scale, box, cost, keep=2 * width + gutter)
    flow = Flow(room, width, gutter)
    for unit in _card(journey, text, scale, width):
        flow.put(unit)
    where = [(text("wall_poster.where"), scale.body, "bold")]
    if voices_left_out:
        where.append((text("wall_poster.voices_left_out", count=voices_left_out), scale.small, "regular"))
    where += [(text(key), scale.small, "regular") for key in notices]
    flow.put(_unit(where, width, scale.body))
    legend_units = _legend(legend, text, scale, width)
    flow.keep_together(legend_units[:1 + LEGEND_KEPT_WITH_TITLE])
    for unit in legend_units:
        flow.put(unit)
    listed, left_out = _list_gaps(flow, journey, without, text, scale, width, verdicts)
    return Detail(tuple(flow.lines), tuple(flow.symbols), tuple(panels), tuple(listed), tuple(left_out))
