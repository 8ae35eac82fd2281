"""Gap call-outs on the wall poster: a numbered box for each gap, AT its moment on the timeline
(the box always spans the age where the gap starts), with the gap's title as a heading, its
severity and ages, the explanation, the question to the room, the room's notes and the
catalogue's verdict. Placed in reading order (by number, which is by start age), each as high
as it fits without touching another; a gap whose box finds no room is listed under the
timeline instead, and so is a gap whose events could not all get a label.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from persona.i18n import Catalog

from journeys.ages import format_age_span
from journeys.gaps import gap_text, rule_title
from journeys.render.gaplist import CLOSED, NEW, NumberedGap
from journeys.render.geometry import Box
from journeys.render.wall_sizes import TypeScale
from journeys.render.wall_text import Line, moved, set_text

WIDTH_IN_HEADINGS = 15.0
POSITIONS = (0.1, 0.5, 0.9)  # where the moment may lie across the box, tried in this order


@dataclass(frozen=True)
class Callout:
    numbered: NumberedGap
    box: Box
    heading: tuple[Line, ...]
    lines: tuple[Line, ...]  # everything under the heading
    anchor: float  # the x of the gap's moment

    def all_lines(self) -> list[Line]:
        return list(self.heading) + list(self.lines)


def callout_width(scale: TypeScale, zone: Box) -> float:
    return min(WIDTH_IN_HEADINGS * scale.heading, zone.w / 3)


def status_words(numbered: NumberedGap, text: Catalog) -> str:
    return {CLOSED: text("render.poster.closed"), NEW: text("render.poster.new")}.get(numbered.status, "")


def _notes(gap: Any, notes: Any, text: Catalog) -> list[tuple[str, str]]:
    note = notes.note(gap.key) if notes is not None else None
    if note is None or note.is_empty:
        return []
    parts = [(text("render.poster.note", note=note.text.strip()), "regular")] if note.text.strip() else []
    if note.votes:
        parts.append((text("render.poster.votes", votes=note.votes), "bold"))
    return parts + [(text("render.poster.idea", idea=idea), "regular") for idea in note.ideas]


def callout_text(numbered: NumberedGap, text: Catalog, vocabulary: Any, notes: Any, verdicts: Mapping[str, str],
                 scale: TypeScale, width: float) -> tuple[list[Line], list[Line]]:
    """A call-out's heading and the lines under it, from (0, 0), inside ``width``."""
    gap = numbered.gap
    words = gap_text(gap, text, vocabulary)
    heading = set_text(f"{numbered.number}. {rule_title(gap.rule, text)}", 0, 0, width, scale.heading, "bold")
    meta = text("wall_poster.meta", severity=text(f"gaps.severity.{gap.severity}"),
                span=format_age_span(gap.start, gap.end, text))
    status = status_words(numbered, text)
    parts = [(meta + (f" · {status}" if status else ""), scale.small, "bold"), (words.message, scale.body, "regular"),
             (text("wall_poster.question", question=words.question), scale.body, "italic")]
    if gap.key in verdicts:
        parts.append((verdicts[gap.key], scale.small, "bold"))
    parts += [(line, scale.small, weight) for line, weight in _notes(gap, notes, text)]
    lines: list[Line] = []
    y = heading[-1].box.bottom + scale.small * 0.3
    for words_, size, weight in parts:
        block = set_text(words_, 0, y, width, size, weight)
        lines += block
        y = block[-1].box.bottom + scale.small * 0.3
    return heading, lines


def _lowest_free(box: Box, placed: Sequence[Box], zone: Box, gap: float) -> float:
    """The highest top in the zone where ``box`` (at its x) keeps ``gap`` from every placed box."""
    beside = [o for o in placed if o.x < box.right + gap and box.x < o.right + gap]
    for top in sorted([zone.y] + [o.bottom + gap for o in beside]):
        if all(top + box.h + gap <= o.y or o.bottom + gap <= top for o in beside):
            return top
    return zone.bottom


def place_callouts(numbered: Sequence[NumberedGap], text: Catalog, vocabulary: Any, notes: Any,
                   verdicts: Mapping[str, str], scale: TypeScale, zone: Box, x_of: Callable[[float], float],
                   right: float, eligible: Callable[[NumberedGap], bool]) -> tuple[list[Callout], list[int]]:
    """The call-outs that fit in ``zone``, and the numbers of the gaps without one."""
    width = callout_width(scale, zone)
    pad = scale.body * 0.6
    gap = scale.body
    placed: list[Callout] = []
    without: list[int] = []
    for item in sorted(numbered, key=lambda n: n.number):
        if not eligible(item) or zone.h <= 0:
            without.append(item.number)
            continue
        heading, lines = callout_text(item, text, vocabulary, notes, verdicts, scale, width - 2 * pad)
        height = lines[-1].box.bottom + 2 * pad
        anchor = x_of(item.gap.start)
        best: tuple[float, float] | None = None
        for share in POSITIONS:
            left = min(max(anchor - share * width, zone.x), right - width)
            top = _lowest_free(Box(left, zone.y, width, height), [c.box for c in placed], zone, gap)
            if top + height <= zone.bottom and (best is None or top < best[1]):
                best = (left, top)
        if best is None:
            without.append(item.number)
            continue
        left, top = best
        placed.append(Callout(item, Box(left, top, width, height), tuple(moved(heading, left + pad, top + pad)),
                              tuple(moved(lines, left + pad, top + pad)), anchor))
    return placed, without
