"""The poster: A0–A3, one vector PDF page with the whole journey, or tiled over A4/A3 sheets.

Title, persona card, timeline, risk balance, numbered gaps with their questions (and the
room's notes), ecomap, legend, and a footer saying the persona is fictional and which
interviews it rests on. Text is reportlab's (DejaVu Sans embedded, selectable, å ä ö intact);
the pictures are Graphviz's PDFs placed on the page as they are
(:func:`journeys.render.pages.merge_drawings`), so everything stays vector.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from typing import Any, Iterable, Iterator, Mapping

from persona.errors import PersonaError
from persona.i18n import Catalog
from persona.load import PersonaFile
from persona.privacy import check_yaml_text

from journeys.ages import format_age_span
from journeys.gaps import gap_text, rule_title
from journeys.labels import person_label
from journeys.render import balance, ecomap, legend, timeline
from journeys.render.fonts import register_fonts
from journeys.render.gaplist import CLOSED, NEW, NumberedGap
from journeys.render.geometry import Box
from journeys.render.journey import Journey, prepare
from journeys.render.pages import merge_drawings, page_size
from journeys.render.theme import OKABE_ITO

REFERENCE_SHORT_SIDE = 1683.78  # A1's short side: the sizes below are for A1
BASE = {"title": 54.0, "subtitle": 22.0, "heading": 20.0, "body": 13.0, "small": 10.5, "quote": 17.0}
MIN_FIT = 0.55


class PersonalDataRefused(PersonaError):
    """A poster of a persona that carries personal data is never made."""

    exit_code = 1

    def lines(self, catalog: Catalog) -> list[str]:
        return [catalog("render.poster.refused", path=self.source)] + super().lines(catalog)


def refuse_personal_data(persona_file: PersonaFile) -> None:
    problems = _personal_data(persona_file.text)
    if problems:
        raise PersonalDataRefused(persona_file.path, list(problems))


@lru_cache(maxsize=2)
def _personal_data(yaml_text: str) -> tuple:
    """The personal data in a persona's text (the command and the poster both ask: once)."""
    return tuple(check_yaml_text(yaml_text))


@dataclass(frozen=True)
class Sheet:
    """The page and the type sizes for it."""

    width: float
    height: float
    scale: float

    @property
    def margin(self) -> float:
        return 36 * self.scale

    def size(self, role: str) -> float:
        return BASE[role] * self.scale


def _styles(sheet: Sheet, factor: float = 1.0):
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    body = sheet.size("body") * factor
    base = ParagraphStyle("body", fontName="JourneysSans", fontSize=body, leading=body * 1.25, spaceAfter=body * 0.3)
    return {
        "body": base,
        "bold": ParagraphStyle("bold", parent=base, fontName="JourneysSans-Bold"),
        "italic": ParagraphStyle("italic", parent=base, fontName="JourneysSans-Italic"),
        "small": ParagraphStyle("small", parent=base, fontSize=sheet.size("small") * factor,
                                leading=sheet.size("small") * factor * 1.25),
        "heading": ParagraphStyle("heading", parent=base, fontName="JourneysSans-Bold", fontSize=sheet.size("heading"),
                                  leading=sheet.size("heading") * 1.2, spaceAfter=sheet.size("heading") * 0.3),
        "quote": ParagraphStyle("quote", parent=base, fontName="JourneysSans-Italic", fontSize=sheet.size("quote") * factor,
                                leading=sheet.size("quote") * factor * 1.3, leftIndent=12 * sheet.scale,
                                spaceBefore=6 * sheet.scale, spaceAfter=8 * sheet.scale),
    }


def _para(words: str, style) -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(escape(words, quote=False), style)


# --- placing paragraphs in columns, shrinking until they fit ---------------------------------
def _placed(flowables: Iterable[Any], box: Box, columns: int, gutter: float) -> tuple[list[tuple[Any, float, float, float]], bool]:
    """Each flowable wrapped to the column width, with where it goes (x, top) and its height,
    up to the first one that does not fit (the rest are never made); and whether all fit.

    Each flowable's place depends only on those before it, so what is placed before the first
    misfit is also the longest run from the start that fits."""
    width = (box.w - gutter * (columns - 1)) / columns
    placed: list[tuple[Any, float, float, float]] = []
    column, y = 0, 0.0
    for flowable in flowables:
        _, h = flowable.wrap(width, box.h)
        if y + h > box.h and y > 0:
            column, y = column + 1, 0.0
        if column >= columns or h > box.h:
            return placed, False
        placed.append((flowable, box.x + column * (width + gutter), box.y + y, h))
        y += h + getattr(flowable.style, "spaceAfter", 0) if hasattr(flowable, "style") else h
    return placed, True


def _columns(flowables: Iterable[Any], box: Box, columns: int, gutter: float) -> list[tuple[Any, float, float, float]] | None:
    """All flowables placed in the columns, or None when they do not all fit."""
    placed, fits = _placed(flowables, box, columns, gutter)
    return placed if fits else None


def _truncated_with_notice(flowables: list[Any], box: Box, columns: int, gutter: float,
                           overflow) -> list[tuple[Any, float, float, float]]:
    """As many flowables from the start as fit, then ``overflow``'s line about the rest
    (giving up flowables from the end until that line fits too)."""
    placed = _placed(flowables, box, columns, gutter)[0]
    if overflow is None or len(placed) == len(flowables):
        return placed
    for keep in range(len(placed), -1, -1):
        attempt, fits = _placed(flowables[:keep] + [overflow(flowables[keep:])], box, columns, gutter)
        if fits:
            return attempt
    return placed


def _fit(canvas, sheet: Sheet, box: Box, make, columns: int = 1, overflow=None) -> None:
    """Draw ``make(factor)``'s flowables in ``box`` (y from the top) with the largest type
    that fits: a few halvings between the full size and :data:`MIN_FIT`. When even that
    does not fit, ``overflow(left_out)`` makes a closing line saying what was left out."""
    gutter = 18 * sheet.scale
    placed = _columns(make(1.0), box, columns, gutter)
    if placed is None:
        low, high, best = MIN_FIT, 1.0, None
        for _ in range(5):
            middle = (low + high) / 2
            attempt = _columns(make(middle), box, columns, gutter)
            if attempt is None:
                high = middle
            else:
                low, best = middle, attempt
        placed = best or _truncated_with_notice(list(make(MIN_FIT)), box, columns, gutter, overflow)
    for flowable, x, top, h in placed:  # wrapped at this width already: drawn as wrapped
        flowable.drawOn(canvas, x, sheet.height - top - h)


# --- the parts ----------------------------------------------------------------------------------
def _title(canvas, sheet: Sheet, journey: Journey, text: Catalog) -> float:
    persona = journey.graph.persona
    m = sheet.margin
    y = sheet.height - m - sheet.size("title")
    canvas.setFillColor(OKABE_ITO["black"])
    canvas.setFont("JourneysSans-Bold", sheet.size("title"))
    canvas.drawString(m, y, text("render.poster.title", name=persona.name))
    subtitle = text("render.poster.subtitle")
    if journey.scenario is not None:
        subtitle = text("render.poster.scenario", scenario=journey.scenario.label)
    canvas.setFont("JourneysSans", sheet.size("subtitle"))
    canvas.drawString(m, y - sheet.size("subtitle") * 1.6, subtitle)
    bottom = y - sheet.size("subtitle") * 2.4
    canvas.setStrokeColor(OKABE_ITO["vermillion"])
    canvas.setLineWidth(3 * sheet.scale)
    canvas.line(m, bottom, sheet.width - m, bottom)
    return sheet.height - bottom + 12 * sheet.scale


def _card(journey: Journey, text: Catalog, sheet: Sheet):
    persona = journey.graph.persona
    vocabulary = journey.graph.vocabulary

    def make(factor: float) -> Iterator[Any]:
        st = _styles(sheet, factor)
        yield _para(persona.name, st["heading"])
        if persona.born:
            yield _para(text("render.poster.born", year=persona.born), st["small"])
        if persona.summary:
            yield _para(persona.summary, st["body"])
        if persona.quote:
            yield _para(text("render.poster.quote", quote=persona.quote), st["quote"])
        if persona.people:
            yield _para(text("render.poster.people"), st["bold"])
        for person in persona.people:
            role = vocabulary.label("roles", person.role, text.lang)
            line = text("render.poster.person", name=person_label(person, vocabulary, text), role=role)
            if person.protective:
                line += " " + text("render.poster.protective")
            if person.note:
                line += f" – {person.note}"
            yield _para(line, st["small"])
    return make


def _gap_list(journey: Journey, text: Catalog, sheet: Sheet, notes: Any, extras: PosterExtras | None = None):
    vocabulary = journey.graph.vocabulary
    verdicts = extras.verdicts if extras else {}
    lines: list[tuple[str, str, int | None]] = [("heading", text("render.poster.gaps_title"), None)]  # worded once, set at every trial size
    if not journey.numbered:
        lines.append(("body", text("render.poster.no_gaps"), None))
    for numbered in journey.numbered:
        lines += [(role, line, numbered.number) for role, line in _gap_entry(numbered, text, vocabulary, notes)]
        if numbered.gap.key in verdicts:
            lines.append(("small", verdicts[numbered.gap.key], numbered.number))

    def make(factor: float) -> Iterator[Any]:
        st = _styles(sheet, factor)
        for role, line, number in lines:
            paragraph = _para(line, st[role])
            paragraph.gap_number = number
            yield paragraph
    return make


def _left_out(text: Catalog, sheet: Sheet):
    """The closing line of a gap list that did not fit: which gaps are only in the text version."""
    def overflow(rest: list[Any]) -> Any:
        numbers = sorted({n for n in (getattr(p, "gap_number", None) for p in rest) if n is not None})
        first = numbers[0] if numbers else "?"
        last = numbers[-1] if numbers else "?"
        return _para(text("render.poster.gaps_left_out", first=first, last=last), _styles(sheet, MIN_FIT)["bold"])
    return overflow


def _gap_entry(numbered: NumberedGap, text: Catalog, vocabulary: Any, notes: Any) -> list[tuple[str, str]]:
    """A gap's lines on the poster, each with its style: title, message, question, notes."""
    gap = numbered.gap
    words = gap_text(gap, text, vocabulary)
    span = format_age_span(gap.start, gap.end, text)
    status = {CLOSED: text("render.poster.closed"), NEW: text("render.poster.new")}.get(numbered.status, "")
    head = f"{numbered.number}. {rule_title(gap.rule, text)} ({span}){' – ' + status if status else ''}"
    items = [("bold", head), ("body", words.message),
             ("italic", text("render.poster.question", question=words.question))]
    note = notes.note(gap.key) if notes is not None else None
    if note is not None and not note.is_empty:
        if note.text.strip():
            items.append(("small", text("render.poster.note", note=note.text.strip())))
        if note.votes:
            items.append(("small", text("render.poster.votes", votes=note.votes)))
        for idea in note.ideas:
            items.append(("small", text("render.poster.idea", idea=idea)))
    return items


def _footer(canvas, sheet: Sheet, journey: Journey, text: Catalog) -> float:
    persona = journey.graph.persona
    sources = ", ".join(persona.sources) if persona.sources else text("render.poster.no_sources")
    line = text("render.poster.footer", sources=sources)
    size = sheet.size("small")
    canvas.setFont("JourneysSans", size)
    canvas.setFillColor("#333333")
    canvas.drawString(sheet.margin, sheet.margin, line)
    return size * 2 + sheet.margin


# --- the whole page -----------------------------------------------------------------------------
@dataclass(frozen=True)
class PosterExtras:
    """Optional additions: the service catalogue's verdict under each gap (gap key → line), and
    a cost panel (a drawing, e.g. :func:`journeys.render.cost_view.cost_curve`) beside the legend."""

    verdicts: Mapping[str, str] = field(default_factory=dict)
    cost_panel: Any = None


def _legend_and_panel(box: Box, panel: Any) -> tuple[Box, Box | None]:
    """The legend's region, shared with the cost panel (the panel takes the lower half)."""
    if panel is None:
        return box, None
    half = box.h / 2
    return Box(box.x, box.y, box.w, half), Box(box.x, box.y + half, box.w, box.h - half)



@dataclass(frozen=True)
class Regions:
    card: Box
    timeline: Box
    gaps: Box
    ecomap: Box
    legend: Box
    gap_columns: int


def _regions(sheet: Sheet, top: float, bottom: float, aspect: float) -> Regions:
    """Where each part goes; ``aspect`` is the height per width of timeline plus balance."""
    m, gutter = sheet.margin, 24 * sheet.scale
    body = Box(m, top, sheet.width - 2 * m, sheet.height - top - bottom)
    if sheet.width >= sheet.height:
        side = body.w * 0.23
        main = Box(body.x + side + gutter, body.y, body.w - side - gutter, body.h)
        pictures = min(main.w * aspect, main.h * 0.7)
        card = Box(body.x, body.y, side, body.h * 0.36)
        eco = Box(body.x, card.bottom + gutter, side, body.h * 0.34)
        key = Box(body.x, eco.bottom + gutter, side, body.bottom - eco.bottom - gutter)
        gaps = Box(main.x, main.y + pictures + gutter, main.w, main.h - pictures - gutter)
        return Regions(card, Box(main.x, main.y, main.w, pictures), gaps, eco, key, 4)
    card = Box(body.x, body.y, body.w * 0.5, body.h * 0.2)
    eco = Box(card.right + gutter, body.y, body.w - card.w - gutter, body.h * 0.2)
    pictures = min(body.w * aspect, body.h * 0.42)
    line = Box(body.x, card.bottom + gutter, body.w, pictures)
    rest = body.bottom - line.bottom - gutter
    gaps = Box(body.x, line.bottom + gutter, body.w, rest * 0.68)
    key = Box(body.x, gaps.bottom + gutter, body.w, body.bottom - gaps.bottom - gutter)
    return Regions(card, line, gaps, eco, key, 3)


def _fit_drawing(drawing: Any, box: Box, sheet: Sheet) -> tuple[bytes, float, float, float]:
    """The drawing's PDF, scaled to fit the box and centred at its top."""
    scale = min(box.w / drawing.width, box.h / drawing.height)
    x = box.x + (box.w - drawing.width * scale) / 2
    y = sheet.height - box.y - drawing.height * scale
    return drawing.pdf(), x, y, scale


def _picture_stack(line: Any, risk: Any, box: Box, sheet: Sheet) -> list[tuple[bytes, float, float, float]]:
    """The timeline with the risk balance right under it, on the same scale (ages line up)."""
    scale = min(box.w / line.width, box.h / (line.height + risk.height))
    x = box.x + (box.w - line.width * scale) / 2
    top = sheet.height - box.y
    return [(line.pdf(), x, top - line.height * scale, scale),
            (risk.pdf(), x, top - (line.height + risk.height) * scale, scale)]


def _canvas(sheet: Sheet, persona_name: str, text: Catalog):
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(sheet.width, sheet.height), invariant=1, pageCompression=1,
                    initialFontName="JourneysSans", initialFontSize=10)
    canvas.setTitle(text("render.poster.title", name=persona_name))
    canvas.setAuthor("journeys")
    canvas.setSubject(text("render.poster.subtitle"))
    return canvas, out


def poster_page(journey: Journey, text: Catalog, size: str, orientation: str, notes: Any = None,
                extras: PosterExtras | None = None, assumptions: frozenset[str] = frozenset()) -> bytes:
    """One page of the requested ISO size: A0 and A1 the wall poster of
    :mod:`journeys.render.wall_poster`, laid out for the size and orientation; A2 and A3 the
    summary poster of :mod:`journeys.render.summary_poster`, since a whole life cannot be read
    there (it carries the catalogue's verdicts on the gaps, not the cost panel or the assumption
    marks)."""
    from journeys.render.summary_poster import SUMMARY_SIZES, summary_page
    from journeys.render.wall_poster import wall_page

    verdicts = extras.verdicts if extras else None
    if size in SUMMARY_SIZES:
        return summary_page(journey, text, size, orientation, notes, verdicts)
    return wall_page(journey, text, size, orientation, notes, verdicts, extras.cost_panel if extras else None,
                     assumptions)


def poster_pdf(persona_file: PersonaFile, text: Catalog, *, size: str = "A1", orientation: str = "landscape",
               tile: str | None = None, scenario: str | None = None, notes: Any = None,
               extras: PosterExtras | None = None, assumptions: frozenset[str] = frozenset()) -> bytes:
    """The poster as PDF bytes (one page of exactly ``size``; with ``tile``, many sheets);
    ``assumptions`` (ids of elements without sources) are drawn dashed and explained in the legend."""
    refuse_personal_data(persona_file)
    journey = prepare(persona_file, scenario, compare=scenario is not None)
    page = poster_page(journey, text, size, orientation, notes, extras, assumptions)
    if tile:
        from journeys.render.tiles import tile_pdf

        return tile_pdf(page, tile, text)
    return page
