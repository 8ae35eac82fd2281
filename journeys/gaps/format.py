"""Gaps as text for people: a table for the terminal, Markdown for minutes and hand-outs."""

from __future__ import annotations

import textwrap
from typing import Callable, Sequence

from persona.i18n import Catalog
from persona.vocabulary import Vocabulary

from journeys.ages import format_age_span
from journeys.gaps.model import Gap
from journeys.gaps.text import gap_text, gap_title

WIDTH = 100
INDENT = "     "


def age_span(gap: Gap, text: Catalog) -> str:
    """ "11 år 3 mån – 12 år" (one age when the gap starts and ends together)."""
    return format_age_span(gap.start, gap.end, text)


def severity_word(gap: Gap, text: Catalog) -> str:
    return text(f"gaps.severity.{gap.severity}")


def gap_table(numbered: Sequence[tuple[int, Gap]], heading: str, text: Catalog, vocabulary: Vocabulary,
              extra: Callable[[Gap], str] | None = None) -> str:
    """A heading and, per gap, a line with number, ages, title and severity, then the
    explanation and the question (and ``extra``'s line, e.g. the catalogue's verdict), wrapped
    for a terminal."""
    lines = [text("gaps.format.heading", name=heading, count=len(numbered))]
    if not numbered:
        lines.append(text("gaps.format.none"))
    for number, gap in numbered:
        words = gap_text(gap, text, vocabulary)
        lines.append("")
        lines.append(f"{number:>3}. {age_span(gap, text)}  {gap_title(gap, text)} [{severity_word(gap, text)}]")
        lines += textwrap.wrap(words.message, WIDTH, initial_indent=INDENT, subsequent_indent=INDENT)
        lines += textwrap.wrap(f"{text('gaps.format.question')}: {words.question}", WIDTH,
                               initial_indent=INDENT, subsequent_indent=INDENT)
        if extra is not None:
            lines += textwrap.wrap(extra(gap), WIDTH, initial_indent=INDENT, subsequent_indent=INDENT)
    return "\n".join(lines)


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def gaps_markdown(numbered: Sequence[tuple[int, Gap]], heading: str, text: Catalog, vocabulary: Vocabulary,
                  extra: Callable[[Gap], str] | None = None) -> str:
    """A Markdown heading and table: number, ages, gap, explanation, question (and a column
    from ``extra``, e.g. the catalogue's verdict)."""
    lines = [f"## {_cell(text('gaps.format.heading', name=heading, count=len(numbered)))}", ""]
    if not numbered:
        return "\n".join(lines + [text("gaps.format.none")])
    columns = [text(f"gaps.format.column.{c}") for c in ("number", "age", "gap", "message", "question")]
    if extra is not None:
        columns.append(text("catalogue.column"))
    lines += ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for number, gap in numbered:
        words = gap_text(gap, text, vocabulary)
        cells = [str(number), age_span(gap, text), f"{gap_title(gap, text)} ({severity_word(gap, text)})",
                 words.message, words.question] + ([extra(gap)] if extra is not None else [])
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines)
