"""The summary poster for A2 and A3: the gaps and the lanes they involve, the most serious (then
the most voted) first, in a fixed type scale that never goes under 9 pt, and where the full text
version is. A whole-life timeline cannot be read at these sizes, so it is not drawn: the room
reads the gaps, and the A1/A0 poster and the chronology hold the rest.

Laid out as plain geometry first (:func:`summary_layout`: every line of text with its box), then
drawn; what does not fit is named in a closing line, never set smaller.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from persona.i18n import Catalog

from journeys.ages import format_age, format_age_span
from journeys.gaps import gap_text, rule_title
from journeys.render.fonts import register_fonts, text_width, wrap
from journeys.render.gaplist import NumberedGap
from journeys.render.geometry import Box
from journeys.render.journey import Journey
from journeys.render.pages import page_size
from journeys.render.theme import OKABE_ITO

SUMMARY_SIZES = ("A2", "A3")
# One type scale per size (points): four sizes, the smallest 9 pt or more.
TYPE_SCALE = {
    "A2": {"title": 40.0, "heading": 22.0, "body": 13.0, "small": 10.0},
    "A3": {"title": 28.0, "heading": 17.0, "body": 11.0, "small": 9.0},
}
MARGIN = {"A2": 48.0, "A3": 36.0}
COLUMN_WIDTH = 330.0
LEADING = 1.25
FONTS = {"regular": "JourneysSans", "bold": "JourneysSans-Bold", "italic": "JourneysSans-Italic"}
SEVERITY_BAR = {1: (2.0, (3, 3)), 2: (4.0, ()), 3: (8.0, ())}


@dataclass(frozen=True)
class Line:
    """One line of text: its box (y from the top of the page), words, size and weight."""

    box: Box
    text: str
    size: float
    weight: str = "regular"
    colour: str = "#000000"


@dataclass(frozen=True)
class Bar:
    """A gap's severity mark beside its card: wider the more serious (dashed for a note)."""

    x: float
    top: float
    bottom: float
    width: float
    dash: tuple[int, ...]


@dataclass(frozen=True)
class SummaryLayout:
    width: float
    height: float
    lines: tuple[Line, ...]
    bars: tuple[Bar, ...]
    shown: tuple[int, ...]  # gap numbers on the poster, in the order shown
    left_out: tuple[int, ...]


def reading_order(numbered: Sequence[NumberedGap], notes: Any) -> list[NumberedGap]:
    """Most serious first; then most voted; then by number."""
    def votes(item: NumberedGap) -> int:
        note = notes.note(item.gap.key) if notes is not None else None
        return note.votes if note is not None else 0
    return sorted(numbered, key=lambda n: (-n.gap.severity, -votes(n), n.number))


def _lines(words: str, x: float, top: float, width: float, size: float, weight: str = "regular",
           colour: str = "#000000") -> list[Line]:
    height = size * LEADING
    return [Line(Box(x, top + i * height, text_width(line, size, weight), height), line, size, weight, colour)
            for i, line in enumerate(wrap(words, width, size, weight))]


def _lanes(numbered: NumberedGap, journey: Journey, text: Catalog) -> str:
    vocabulary = journey.graph.vocabulary
    sectors = {vocabulary.sector_of(a) for a in numbered.gap.agencies}
    return ", ".join(vocabulary.label("sectors", s, text.lang) for s in vocabulary.sectors_in_order() if s in sectors)


def _card(numbered: NumberedGap, journey: Journey, text: Catalog, notes: Any, x: float, width: float,
          sizes: dict[str, float], verdicts: Mapping[str, str]) -> list[Line]:
    """A gap's lines from y = 0: number and title, severity · ages · lanes, explanation, question,
    the child's (or family's) own words from the events it rests on, and the room's notes."""
    gap = numbered.gap
    words = gap_text(gap, text, journey.graph.vocabulary)
    lanes = _lanes(numbered, journey, text)
    meta = text("summary.meta" if lanes else "summary.meta_no_lanes", severity=text(f"gaps.severity.{gap.severity}"),
                span=format_age_span(gap.start, gap.end, text), lanes=lanes)
    parts = [(f"{numbered.number}. {rule_title(gap.rule, text)}", "heading", "bold"), (meta, "small", "regular"),
             (words.message, "body", "regular"), (words.question, "body", "italic")]
    chain = set(gap.events)
    parts += [(text("summary.voice", voice=e.voice, age=format_age(e.age, text)), "small", "italic")
              for e in journey.graph.persona.events_by_age() if e.id in chain and e.voice]
    if gap.key in verdicts:
        parts.append((verdicts[gap.key], "small", "bold"))
    note = notes.note(gap.key) if notes is not None else None
    if note is not None and not note.is_empty:
        if note.text.strip():
            parts.append((text("render.poster.note", note=note.text.strip()), "small", "regular"))
        if note.votes:
            parts.append((text("render.poster.votes", votes=note.votes), "small", "bold"))
        parts += [(text("render.poster.idea", idea=idea), "small", "regular") for idea in note.ideas]
    lines: list[Line] = []
    y = 0.0
    for words_, role, weight in parts:
        block = _lines(words_, x, y, width, sizes[role], weight)
        lines += block
        y = (block[-1].box.bottom if block else y) + sizes["small"] * 0.4
    return lines


def _notice(text: Catalog, numbers: Sequence[int], x: float, y: float, width: float,
            sizes: dict[str, float]) -> list[Line]:
    """The closing line naming the gaps that did not fit, and where they are."""
    words = text("summary.left_out", count=len(numbers), numbers=", ".join(str(n) for n in numbers))
    return _lines(words, x, y, width, sizes["body"], "bold")


def _moved(lines: Sequence[Line], dy: float) -> list[Line]:
    return [Line(line.box.moved(dy=dy), line.text, line.size, line.weight, line.colour) for line in lines]


@dataclass(frozen=True)
class Columns:
    """The columns the gap cards flow through, between ``top`` and ``bottom``."""

    left: float
    width: float
    count: int
    gutter: float
    top: float
    bottom: float

    def x(self, column: int) -> float:
        return self.left + column * (self.width + self.gutter)


def _header(journey: Journey, text: Catalog, margin: float, usable: float, sizes: dict[str, float]) -> list[Line]:
    """Title, subtitle (or the scenario) and where the full text version is."""
    subtitle = (text("render.poster.scenario", scenario=journey.scenario.label) if journey.scenario is not None
                else text("summary.subtitle"))
    lines = _lines(text("render.poster.title", name=journey.graph.persona.name), margin, margin, usable,
                   sizes["title"], "bold")
    lines += _lines(subtitle, margin, lines[-1].box.bottom, usable, sizes["heading"])
    return lines + _lines(text("summary.where"), margin, lines[-1].box.bottom + sizes["small"], usable,
                          sizes["body"], "bold")


def _footer(journey: Journey, text: Catalog, margin: float, usable: float, height: float,
            sizes: dict[str, float]) -> list[Line]:
    """That the persona is fictional and which interviews it rests on, at the foot of the page."""
    sources = ", ".join(journey.graph.persona.sources) or text("render.poster.no_sources")
    lines = _lines(text("render.poster.footer", sources=sources), margin, 0.0, usable, sizes["small"], colour="#333333")
    return _moved(lines, height - margin - (lines[-1].box.bottom if lines else 0.0))


def _place_cards(journey: Journey, text: Catalog, notes: Any, columns: Columns, sizes: dict[str, float],
                 verdicts: Mapping[str, str]) -> tuple[list[Line], list[Bar], list[int], int, float]:
    """Gap cards in reading order down the columns, keeping room for the closing notice; stops at
    the first card that does not fit. Returns the lines, bars, numbers shown and where it stopped."""
    ordered = reading_order(journey.numbered, notes)
    notice_room = (len(_notice(text, [n.number for n in ordered], 0.0, 0.0, columns.width, sizes)) * sizes["body"]
                   * LEADING + sizes["body"])
    bar_room = SEVERITY_BAR[3][0] + sizes["small"]
    column, y = 0, columns.top
    lines: list[Line] = []
    bars: list[Bar] = []
    shown: list[int] = []
    for index, numbered in enumerate(ordered):
        limit = columns.bottom if index == len(ordered) - 1 else columns.bottom - notice_room
        card = _card(numbered, journey, text, notes, columns.x(column) + bar_room, columns.width - bar_room, sizes,
                     verdicts)
        card_h = card[-1].box.bottom if card else 0.0
        if y + card_h > limit and y > columns.top:
            if column + 1 >= columns.count:
                break
            column, y = column + 1, columns.top
            card = _card(numbered, journey, text, notes, columns.x(column) + bar_room, columns.width - bar_room,
                         sizes, verdicts)
        if y + card_h > limit:
            break
        lines += _moved(card, y)
        bar_width, dash = SEVERITY_BAR.get(numbered.gap.severity, SEVERITY_BAR[2])
        bars.append(Bar(columns.x(column) + bar_width / 2, y, y + card_h, bar_width, dash))
        shown.append(numbered.number)
        y += card_h + sizes["body"] * 1.2
    return lines, bars, shown, column, y


def summary_layout(journey: Journey, text: Catalog, size: str, orientation: str, notes: Any = None,
                   verdicts: Mapping[str, str] | None = None) -> SummaryLayout:
    """Every line of the summary poster with its box, the severity bars, and which gaps are on it."""
    width, height = page_size(size, orientation)
    sizes, margin = TYPE_SCALE[size], MARGIN[size]
    usable = width - 2 * margin
    header = _header(journey, text, margin, usable, sizes)
    footer = _footer(journey, text, margin, usable, height, sizes)
    gutter = sizes["body"] * 2
    count = max(1, int((usable + gutter) // (COLUMN_WIDTH + gutter)))
    columns = Columns(margin, (usable - gutter * (count - 1)) / count, count, gutter,
                      header[-1].box.bottom + sizes["body"] * 1.5, footer[0].box.y - sizes["body"])
    cards, bars, shown, column, y = _place_cards(journey, text, notes, columns, sizes, verdicts or {})
    lines = header + footer + cards
    left_out = tuple(sorted(n.number for n in journey.numbered if n.number not in shown))
    if left_out:
        lines += _notice(text, left_out, columns.x(column), y, columns.width, sizes)
    if not journey.numbered:
        lines += _lines(text("render.poster.no_gaps"), margin, columns.top, usable, sizes["body"])
    return SummaryLayout(width, height, tuple(lines), tuple(bars), tuple(shown), left_out)


def summary_page(journey: Journey, text: Catalog, size: str, orientation: str, notes: Any = None,
                 verdicts: Mapping[str, str] | None = None) -> bytes:
    """The summary poster as one PDF page (``verdicts``: the service catalogue's line per gap key)."""
    from reportlab.pdfgen.canvas import Canvas

    layout = summary_layout(journey, text, size, orientation, notes, verdicts)
    register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(layout.width, layout.height), invariant=1, pageCompression=1,
                    initialFontName=FONTS["regular"], initialFontSize=10)
    canvas.setTitle(text("render.poster.title", name=journey.graph.persona.name))
    canvas.setAuthor("journeys")
    canvas.setSubject(text("summary.subtitle"))
    canvas.setStrokeColor(OKABE_ITO["vermillion"])
    for bar in layout.bars:
        canvas.setLineWidth(bar.width)
        canvas.setDash(list(bar.dash) or [])
        canvas.line(bar.x, layout.height - bar.top, bar.x, layout.height - bar.bottom)
    for line in layout.lines:
        canvas.setFillColor(line.colour)
        canvas.setFont(FONTS[line.weight], line.size)
        baseline = layout.height - line.box.y - line.size * (LEADING - 1) / 2 - line.size * 0.8
        canvas.drawString(line.box.x, baseline, line.text)
    canvas.showPage()
    canvas.save()
    return out.getvalue()
