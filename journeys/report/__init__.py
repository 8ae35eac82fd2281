"""The journey as text: an accessible chronology (HTML or Markdown) for screen readers, minutes
and hand-outs — age, agency, event, response, gap numbers — followed by the numbered gaps with
their explanation and workshop question (and the room's notes, when given).

Rendered with Jinja2 templates; HTML is autoescaped, Markdown escaped by its own filter, so
persona text always appears literally.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping, Sequence

from persona.i18n import Catalog

from journeys.ages import format_age, format_age_span
from journeys.gaps import gap_text, rule_title
from journeys.graph import JourneyGraph
from journeys.labels import event_age, event_label, support_label
from journeys.render.gaplist import CLOSED, NEW, number_gaps, numbers_by_event

FORMATS = ("html", "markdown")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#|~$])")
# A colon that starts a colour, icon or emoji code (":red[", ":material/home:", ":smile:"); a colon
# in ordinary text ("Möte: SIP") is left alone.
_MARKDOWN_CODE_COLON = re.compile(r":(?=[A-Za-z][\w/-]*(?:\\\[|:))")


@dataclass(frozen=True)
class Row:
    age: str
    agency: str
    kind: str
    event: str
    details: tuple[str, ...]
    response: str
    gaps: tuple[int, ...]


@dataclass(frozen=True)
class GapEntry:
    number: int
    title: str
    span: str
    status: str
    message: str
    question: str
    note: str = ""
    votes: int = 0
    ideas: tuple[str, ...] = ()
    catalogue: str = ""  # the service catalogue's verdict, when one was given


def markdown_escape(value: Any) -> str:
    """Text for a Markdown table cell or list item: specials backslashed (maths ``$`` and the colon
    of ``:red[…]`` too), one line."""
    cell = " ".join(str(value).split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_CODE_COLON.sub(r"\\:", _MARKDOWN_SPECIAL.sub(r"\\\1", cell))


@lru_cache(maxsize=2)
def _environment(autoescape: bool):
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("journeys.report", "templates"), autoescape=autoescape,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["md"] = markdown_escape
    return env


def _agency(graph: JourneyGraph, agency: str | None, text: Catalog) -> str:
    return graph.vocabulary.agency_label(agency, text.lang, short=True) if agency else ""


def kind_unless_said(kind: str, label: str) -> str:
    """The kind to put before a label, or "" when the label already begins with it: a decision
    labelled "Beslut: extra resurs i gruppen" is not told as "Beslut: Beslut: extra resurs …"."""
    head = label.split(":", 1)[0].strip() if ":" in label else ""
    return "" if head.casefold() == kind.casefold() else kind


def _event_row(event: Any, graph: JourneyGraph, text: Catalog, numbers: dict[str, tuple[int, ...]]) -> Row:
    vocabulary = graph.vocabulary
    if event.kind == "transition":
        agency = text("report.transition", start=_agency(graph, event.from_, text), end=_agency(graph, event.to, text))
    else:
        agency = _agency(graph, event.agency, text) or _agency(graph, "family", text)
    details = []
    if event.kind == "transition" and event.handover:
        details.append(vocabulary.label("handovers", event.handover, text.lang))
    if event.note:
        details.append(event.note)
    if event.voice:
        details.append(text("report.voice", voice=event.voice))
    responses = [text("report.response", age=format_age(r.age, text), event=event_label(r, vocabulary, text))
                 for r in graph.responses_to(event.id)]
    label = event_label(event, vocabulary, text)
    kind = kind_unless_said(vocabulary.label("event_kinds", event.kind, text.lang), label)
    return Row(event_age(event, text), agency, kind, label, tuple(details),
               "; ".join(responses) or (text("report.no_response") if event.kind in ("signal", "report", "referral") else ""),
               numbers.get(event.id, ()))


def _support_row(support: Any, graph: JourneyGraph, text: Catalog, numbers: dict[str, tuple[int, ...]]) -> Row:
    level = graph.vocabulary.label("support_levels", support.level, text.lang)
    end = format_age(support.to, text) if support.to is not None else text("report.ongoing")
    return Row(format_age(support.from_, text), _agency(graph, support.agency, text), text("report.support"),
               support_label(support, graph.vocabulary, text), (text("report.support_span", level=level, end=end),),
               "", numbers.get(support.id, ()))


def chronology_rows(graph: JourneyGraph) -> list[Any]:
    """Events and support starts in time order (supports after events of the same age)."""
    items = [(e.age, 0, e) for e in graph.events()] + [(s.from_, 1, s) for s in graph.supports()]
    return [item for _, _, item in sorted(items, key=lambda t: (t[0], t[1]))]


def _gap_entries(numbered: Sequence[Any], graph: JourneyGraph, text: Catalog, notes: Any,
                 verdicts: Mapping[str, str]) -> list[GapEntry]:
    entries = []
    for item in numbered:
        gap = item.gap
        words = gap_text(gap, text, graph.vocabulary)
        status = {CLOSED: text("report.closed"), NEW: text("report.new")}.get(item.status, "")
        note = notes.note(gap.key) if notes is not None else None
        entries.append(GapEntry(item.number, rule_title(gap.rule, text),
                                format_age_span(gap.start, gap.end, text),
                                status, words.message, words.question,
                                note.text.strip() if note else "", note.votes if note else 0, tuple(note.ideas) if note else (),
                                verdicts.get(gap.key, "")))
    return entries


def chronology(graph: JourneyGraph, gaps: Sequence[Any], text: Catalog, *, fmt: str = "html", notes: Any = None,
               comparison: Any = None, title: str | None = None, verdicts: Mapping[str, str] | None = None) -> str:
    """The chronology as HTML (a whole accessible page) or Markdown; ``verdicts`` (gap key → line)
    adds the service catalogue's verdict under each gap."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    numbered = number_gaps(gaps, comparison)
    numbers = numbers_by_event(numbered)
    rows = [(_event_row if hasattr(item, "kind") else _support_row)(item, graph, text, numbers)
            for item in chronology_rows(graph)]
    persona = graph.persona
    context = {
        "t": text, "lang": text.lang, "persona": persona, "rows": rows,
        "gaps": _gap_entries(numbered, graph, text, notes, verdicts or {}),
        "title": title or text("report.title", name=persona.name),
        "sources": ", ".join(persona.sources) or text("render.poster.no_sources"),
    }
    template = "chronology.html.j2" if fmt == "html" else "chronology.md.j2"
    return _environment(fmt == "html").get_template(template).render(**context)
