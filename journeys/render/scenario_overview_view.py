"""A scenario as one layer over the whole-life overview: the overview a screen can hold (one
type size, labels only where they fit, the rest on hover), laid out from the journey with the
scenario applied and the removed elements put back, and over it the scenario layer's marks —
a heavy frame and a plus round what it added, a double frame round what it changed, a veil and
a strike through what it removed. Closed, remaining and new gaps keep their own numbered marks.

A mark's hover text says what the scenario did to it, so a label the overview had no room for
still tells the whole change.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from persona.i18n import Catalog

from journeys.graph import JourneyGraph
from journeys.render.dot import DotGraph
from journeys.render.drawing import Drawing
from journeys.render.gaplist import NumberedGap
from journeys.render.geometry import Box
from journeys.render.overview_view import (
    HEIGHT, OVERVIEW_THEME, SUPPORT, VOICE, WIDTH, OverviewLayout, OverviewPicture, Placed, draw_overview,
    layout_overview, marks_shown,
)
from journeys.render.scenario_layer import change_mark, scenario_layer
from journeys.scenario_changes import ACTIONS, REMOVED, ScenarioChanges

SUPPORT_PREFIX = "support-"


def element_of(place: Placed) -> str | None:
    """The persona element a mark stands for (an event's or a support's id); None for a quote."""
    if place.kind == VOICE:
        return None
    return place.id[len(SUPPORT_PREFIX):] if place.kind == SUPPORT else place.id


def _titled(layout: OverviewLayout, changes: ScenarioChanges, text: Catalog) -> OverviewLayout:
    """The layout with each touched mark's hover text saying what the scenario did to it."""
    marks = []
    for place in layout.marks:
        element = element_of(place)
        action = changes.action_of(element) if element else None
        if action is not None:
            place = replace(place, title=text(f"scenario_overview.title.{action}", title=place.title))
        marks.append(place)
    return replace(layout, marks=tuple(marks))


def changed_box(place: Placed) -> Box:
    """What a removed mark's veil covers: the mark, and its label when it has one."""
    return place.box.union(place.label) if place.label is not None else place.box


def _draw_changes(dot: DotGraph, layout: OverviewLayout, changes: ScenarioChanges) -> tuple[str, ...]:
    """Each touched mark's frame or veil; the actions drawn, in the order added, changed, removed."""
    drawn = set()
    for place in layout.marks:
        element = element_of(place)
        action = changes.action_of(element) if element else None
        if action is None:
            continue
        shape = "box" if place.kind == SUPPORT else "circle"
        change_mark(dot, f"scenario:{place.id}", action, place.box, (changed_box(place), place.box.centre[1]), shape,
                    OVERVIEW_THEME, f"scenario-{action}-{place.id}", place.title if action == REMOVED else None)
        drawn.add(action)
    return tuple(action for action in ACTIONS if action in drawn)


def scenario_overview_picture(graph: JourneyGraph, numbered: Sequence[NumberedGap], changes: ScenarioChanges,
                              text: Catalog) -> OverviewPicture:
    """The overview of ``graph`` (the journey with the scenario applied) with the scenario's
    ``changes`` as a layer; ``numbered`` are the closed, remaining and new gaps. Its marks (for
    the legend) are the overview's and the kinds of change drawn."""
    layer = scenario_layer(graph, changes)
    layout = _titled(layout_overview(layer.graph, numbered, text), changes, text)
    dot = draw_overview(layout, layer.graph, numbered, text)
    actions = _draw_changes(dot, layout, changes)
    marks = marks_shown(layout, layer.graph, numbered) + actions
    return OverviewPicture(Drawing(dot.source(), WIDTH, HEIGHT), marks, layout.hidden_labels)


__all__ = ["scenario_overview_picture", "element_of"]
