"""The wall poster (A0, A1) as geometry, laid out for its own paper size and orientation.

Reading path from the top: the title, the life stages heading their columns of years, the gaps
as numbered call-outs at their moment, the timeline they point into, then the detail (persona
card, legend, the gaps without a call-out, the pictures that fit). Every piece of text is a
:class:`~journeys.render.summary_poster.Line` in one of the five sizes of the page's type scale
(``journeys/data/poster_sizes.yaml``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from persona.i18n import Catalog

from journeys.render.geometry import Box
from journeys.render.journey import Journey
from journeys.render.pages import page_size
from journeys.render.scenario_layer import scenario_layer
from journeys.render.wall_arrows import Arrow, route_arrows
from journeys.render.wall_callouts import Callout, place_callouts
from journeys.render.wall_detail import Detail, detail_column, detail_gutter, lay_out_detail
from journeys.render.wall_legend import LegendEntry, legend_entries
from journeys.render.wall_scenario import ScenarioMark, scenario_marks
from journeys.render.wall_sizes import TypeScale, type_scale
from journeys.render.wall_text import Line, moved, set_text
from journeys.render.wall_timeline import WallTimeline, wall_timeline

PORTRAIT_TIMELINE_SHARE = 0.72  # of the page between header and footer; the detail is under it
LANDSCAPE_DETAIL_COLUMNS = 2  # landscape: the detail is a column beside the timeline, this many text columns wide


@dataclass(frozen=True)
class WallLayout:
    width: float
    height: float
    scale: TypeScale
    header: tuple[Line, ...]
    footer: tuple[Line, ...]
    timeline: WallTimeline
    callouts: tuple[Callout, ...]
    legend: tuple[LegendEntry, ...]
    detail: Detail
    scenario: tuple[ScenarioMark, ...] = ()  # the elements a scenario added, changed, removed
    arrows: tuple[Arrow, ...] = ()  # the answers and unanswered referrals the gaps rest on
    arrows_left_out: int = 0  # those that found no route clear of every word

    def lines(self) -> list[Line]:
        """Every line of text on the page."""
        found = list(self.header) + list(self.footer) + self.timeline.lines()
        found += [line for callout in self.callouts for line in callout.all_lines()]
        return found + list(self.detail.lines)

    def x(self, age: float) -> float:
        return self.timeline.grid.x(age)


def _header(journey: Journey, text: Catalog, scale: TypeScale, width: float) -> list[Line]:
    m = scale.margin
    lines = set_text(text("render.poster.title", name=journey.graph.persona.name), m, m, width - 2 * m, scale.title,
                     "bold")
    if journey.scenario is not None:
        lines += set_text(text("render.poster.scenario", scenario=journey.scenario.label), m, lines[-1].box.bottom,
                          width - 2 * m, scale.heading, "bold")
    return lines + set_text(text("wall_poster.subtitle"), m, lines[-1].box.bottom, width - 2 * m, scale.body)


def _footer(journey: Journey, text: Catalog, scale: TypeScale, width: float, height: float) -> list[Line]:
    sources = ", ".join(journey.graph.persona.sources) or text("render.poster.no_sources")
    m = scale.margin
    lines = set_text(text("render.poster.footer", sources=sources), m, 0.0, width - 2 * m, scale.small,
                     colour="#333333")
    return moved(lines, dy=height - m - lines[-1].box.bottom)


def _regions(body: Box, scale: TypeScale, orientation: str) -> tuple[Box, Box]:
    """The timeline's box and the detail's: side by side in landscape (the timeline as tall as
    the page allows, for the call-outs), one above the other in portrait."""
    gutter = scale.heading * 1.5
    if orientation == "landscape":
        columns = LANDSCAPE_DETAIL_COLUMNS
        side = columns * detail_column(scale) + (columns - 1) * detail_gutter(scale)
        line_w = body.w - side - gutter
        return Box(body.x, body.y, line_w, body.h), Box(body.x + line_w + gutter, body.y, side, body.h)
    line_h = body.h * PORTRAIT_TIMELINE_SHARE
    return Box(body.x, body.y, body.w, line_h), Box(body.x, body.y + line_h + gutter, body.w, body.h - line_h - gutter)


def wall_layout(journey: Journey, text: Catalog, size: str, orientation: str, notes: Any = None,
                verdicts: Mapping[str, str] | None = None, cost: Any = None,
                assumptions: bool = False) -> WallLayout:
    """Every line, mark and picture of the wall poster, in page points (y from the top)."""
    width, height = page_size(size, orientation)
    scale = type_scale(size)
    m = scale.margin
    header = _header(journey, text, scale, width)
    footer = _footer(journey, text, scale, width, height)
    top = header[-1].box.bottom + scale.body
    bottom = footer[0].box.y - scale.body
    line_box, detail_box = _regions(Box(m, top, width - 2 * m, bottom - top), scale, orientation)
    numbered = journey.numbered
    graph = journey.graph  # with a scenario's changes: its journey with what it removed put back, to fade
    if journey.changes is not None:
        graph = scenario_layer(journey.graph, journey.changes).graph
    timeline = wall_timeline(graph, numbered, text, scale, line_box)
    marks = scenario_marks(timeline, journey.changes)
    labelled = timeline.labelled(scale.label)  # a call-out's events in the label size
    events = {e.id for e in graph.persona.events}

    def eligible(item: Any) -> bool:
        return all(e in labelled for e in item.gap.events if e in events)

    callouts, without = place_callouts(numbered, text, journey.graph.vocabulary, notes, verdicts or {}, scale,
                                       timeline.callout_zone, timeline.grid.x, timeline.grid.right, eligible)
    words = [line.box for line in timeline.lines()]
    words += [c.box for c in callouts] + [line.box for c in callouts for line in c.all_lines()]
    arrows, arrows_left_out = route_arrows(timeline, numbered, graph, words)
    legend = legend_entries(timeline, callouts, graph, text, assumptions, marks, arrows)
    detail = lay_out_detail(journey, text, scale, detail_box, without, legend, cost, timeline.voices_left_out,
                            verdicts or {})
    return WallLayout(width, height, scale, tuple(header), tuple(footer), timeline, tuple(callouts), tuple(legend),
                      detail, marks, arrows, arrows_left_out)
