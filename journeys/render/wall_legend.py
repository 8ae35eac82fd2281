"""The wall poster's legend: one entry for every kind of mark the poster draws, and only those,
each with what tells it apart in black-and-white print (:class:`~journeys.render.legend_view.Look`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from persona.i18n import Catalog
from persona.model import Factor

from journeys.ages import format_age
from journeys.graph import JourneyGraph
from journeys.render.gaplist import CLOSED, NEW
from journeys.render.legend_view import Look
from journeys.render.marks import ASSUMPTION_BAR_STYLE, bracket_style, factor_bar_style, support_bar_style
from journeys.render.theme import HANDOVER_STYLES, KIND_STYLES, LEVEL_FILLS, PRINT
from journeys.render.wall_arrows import RESPONSE, UNANSWERED, Arrow
from journeys.render.wall_callouts import Callout
from journeys.render.wall_scenario import ScenarioMark, actions_shown, legend_labels
from journeys.render.wall_timeline import WallTimeline

FRAME_WIDTH = {1: 1.0, 2: 2.5, 3: 5.0}  # a call-out's frame: heavier the more serious the gap


@dataclass(frozen=True)
class LegendEntry:
    """``mark`` names what :mod:`journeys.render.wall_draw` draws as the symbol."""

    mark: str
    label: str
    look: Look


def _event_entries(timeline: WallTimeline, journey_graph: JourneyGraph, text: Catalog) -> list[LegendEntry]:
    kinds = {place.event.kind for place in timeline.events}
    return [LegendEntry(f"kind:{kind}", journey_graph.vocabulary.label("event_kinds", kind, text.lang),
                        Look(KIND_STYLES[kind].shape, KIND_STYLES[kind].fill)) for kind in KIND_STYLES if kind in kinds]


def _bar_entries(timeline: WallTimeline, journey_graph: JourneyGraph, text: Catalog) -> list[LegendEntry]:
    levels = {bar.item.level for bar in timeline.bars if not isinstance(bar.item, Factor)}
    factors = {bar.item.type for bar in timeline.bars if isinstance(bar.item, Factor)}
    entries = []
    for level in LEVEL_FILLS:
        if level in levels:
            fill, style, _ = support_bar_style(level)
            entries.append(LegendEntry(f"level:{level}", journey_graph.vocabulary.label("support_levels", level, text.lang),
                                       Look("bar", fill, style, heavy="bold" in style)))
    for kind in ("risk", "protective"):
        if kind in factors:
            fill, _, style = factor_bar_style(kind, PRINT)
            entries.append(LegendEntry(f"factor:{kind}", text(f"render.legend.{kind}"),
                                       Look("bar", fill, style, heavy="bold" in style)))
    entries.append(LegendEntry("load", text("wall_poster.legend.load"), Look("step", heavy=True)))
    return entries


def _line_entries(timeline: WallTimeline, journey_graph: JourneyGraph, text: Catalog) -> list[LegendEntry]:
    shown = {place.event.id: place.event for place in timeline.events}
    handovers = {e.handover or "partial" for e in shown.values() if e.kind == "transition" and e.from_}
    entries = [LegendEntry(f"handover:{h}", journey_graph.vocabulary.label("handovers", h, text.lang),
                           Look("line", style=style, heavy=True))
               for h, (style, _) in HANDOVER_STYLES.items() if h in handovers]
    if any(e.kind == "coordination" and e.with_ for e in shown.values()):
        entries.append(LegendEntry("coordination", text("render.legend.coordination"), Look("line", ends="rings")))
    return entries


def _arrow_entries(arrows: Sequence[Arrow], text: Catalog) -> list[LegendEntry]:
    kinds = {arrow.kind for arrow in arrows}
    entries = []
    if RESPONSE in kinds:
        entries.append(LegendEntry(f"arrow:{RESPONSE}", text("render.legend.response"), Look("line", head="normal")))
    if UNANSWERED in kinds:
        entries.append(LegendEntry(f"arrow:{UNANSWERED}", text("render.legend.unanswered"),
                                   Look("line", style="dashed", head="empty")))
    return entries


def _gap_entries(timeline: WallTimeline, callouts: Sequence[Callout], text: Catalog) -> list[LegendEntry]:
    statuses = {badge.numbered.status for badge in timeline.badges}
    entries = [LegendEntry("badge:open", text("wall_poster.legend.badge"), Look("badge", PRINT.gap_line))]
    if CLOSED in statuses:
        entries.append(LegendEntry("badge:closed", text("render.legend.gap_closed"), Look("badge", style="dashed")))
    if NEW in statuses:
        entries.append(LegendEntry("badge:new", text("render.legend.gap_new"), Look("badge", PRINT.gap_line, ends="ring")))
    for severity in sorted({b.numbered.gap.severity for b in timeline.brackets if b.numbered.status != CLOSED},
                           reverse=True):
        width, style = bracket_style(severity, PRINT)
        entries.append(LegendEntry(f"bracket:{severity}", text("marks.legend.span",
                                                               severity=text(f"gaps.severity.{severity}")),
                                   Look("bracket", style=style, heavy=width >= PRINT.line_width * 3)))
    if any(b.numbered.status == CLOSED for b in timeline.brackets):
        entries.append(LegendEntry(f"bracket:{CLOSED}", text("wall_poster.legend.bracket_closed"),
                                   Look("bracket", style="dotted")))
    if callouts:
        entries.append(LegendEntry("callout", text("wall_poster.legend.callout"), Look("callout")))
        entries.append(LegendEntry("leader", text("wall_poster.legend.leader"), Look("line", style="dashed")))
    if any(c.numbered.status == CLOSED for c in callouts):
        entries.append(LegendEntry("callout:closed", text("wall_poster.legend.callout_closed"),
                                   Look("callout", style="dashed")))
    return entries


def legend_entries(timeline: WallTimeline, callouts: Sequence[Callout], journey_graph: JourneyGraph, text: Catalog,
                   assumptions: bool, scenario: Sequence[ScenarioMark] = (),
                   arrows: Sequence[Arrow] = ()) -> list[LegendEntry]:
    """Every mark on the poster, explained once (a scenario's kinds of change only when drawn)."""
    entries = _event_entries(timeline, journey_graph, text) + _bar_entries(timeline, journey_graph, text)
    entries += _line_entries(timeline, journey_graph, text) + _arrow_entries(arrows, text)
    entries += _gap_entries(timeline, callouts, text)
    entries += [LegendEntry(mark, label, look) for mark, label, look in legend_labels(actions_shown(scenario), text)]
    ends = journey_graph.persona.ends
    if ends is not None:
        entries.append(LegendEntry("record_end", text(f"ends.line.{ends.reason}", age=format_age(ends.age, text)),
                                   Look("line", heavy=True)))
    if timeline.voices:
        entries.append(LegendEntry("voice", text("wall_poster.legend.voice"), Look("voice")))
    if any(not place.lines for place in timeline.events):
        entries.append(LegendEntry("unlabelled", text("wall_poster.legend.unlabelled"), Look("bare")))
    if assumptions:
        entries.append(LegendEntry("assumption", text("assumption_legend.entry"),
                                   Look("assumption", style=ASSUMPTION_BAR_STYLE, ends="dashed ring")))
    return entries
