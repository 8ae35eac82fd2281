"""A scenario drawn as one layer over the journey: what it adds, changes and removes.

The timeline of the scenario is laid out together with the elements the scenario removed (so
they keep a place of their own and nothing overlaps), and over it this module draws, by form
and line style rather than colour, so that it reads in black-and-white print:

- an **added** event or bar: a heavy frame and a small plus badge at its top left;
- a **changed** one (same id, other fields): a double frame;
- a **removed** one: faded under a white veil and struck through.

What the marks rest on is :class:`journeys.scenario_changes.ScenarioChanges`; the legend gets
an entry for each kind of mark the picture shows, and none for the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from persona.i18n import Catalog
from persona.model import Factor, Support

from journeys.graph import JourneyGraph, build_graph
from journeys.render.dot import DotGraph
from journeys.render.geometry import Box
from journeys.render.layout import TimelineLayout
from journeys.render.legend_view import Entry, Look
from journeys.render.marks import bar, inch, marker
from journeys.render.theme import Theme
from journeys.scenario_changes import ADDED, CHANGED, KINDS, REMOVED, ScenarioChanges

VEIL = "#FFFFFFB8"  # the white veil over a removed element: what was there stays legible, faded
FRAME_MARGIN = 0.28  # how far a frame stands off the mark it surrounds, times the theme's marker size
PLUS_SIZE = 1.1  # the plus badge's diameter, times the theme's marker size
HEAVY = 1.8  # an added element's frame in points (at least: 1.6 times the theme's line width)
STRIKE = 1.4  # the strike-through line's thickness, times the theme's line width


@dataclass(frozen=True)
class ScenarioLayer:
    """The changes to draw, and the graph the timeline is laid out from: the scenario's
    journey with the removed elements put back, so they have a place to be drawn faded."""

    changes: ScenarioChanges
    graph: JourneyGraph

    def actions_shown(self, until: float | None = None) -> tuple[str, ...]:
        """The kinds of change (added, changed, removed) with at least one mark in the picture."""
        seen = {e.action for e in self.changes.elements if _start(e.after or e.before) <= _limit(until)}
        return tuple(action for action in (ADDED, CHANGED, REMOVED) if action in seen)


def scenario_layer(graph: JourneyGraph, changes: ScenarioChanges) -> ScenarioLayer:
    """The layer of ``changes`` over ``graph`` (the journey with the scenario applied)."""
    persona = graph.persona
    restored = {kind: tuple(getattr(persona, kind)) + changes.removed_items(kind) for kind in KINDS}
    return ScenarioLayer(changes, build_graph(persona.model_copy(update=restored), graph.vocabulary))


def _start(item: Any) -> float:
    return float(item.age if hasattr(item, "age") else item.from_)


def _limit(until: float | None) -> float:
    return float("inf") if until is None else until + 1e-9


# --- the marks -----------------------------------------------------------------------------

def frame_width(action: str, theme: Theme) -> float:
    """The line width of the frame around an added (heavy) or changed (double, each line thin) mark."""
    return max(HEAVY, theme.line_width * 1.6) if action == ADDED else theme.line_width


def _frame(dot: DotGraph, name: str, box: Box, shape: str, theme: Theme, action: str, element_id: str) -> None:
    """A frame around a mark: heavy when added, double when changed (no fill: the mark shows)."""
    margin = FRAME_MARGIN * theme.marker
    outer = Box(box.x - margin, box.y - margin, box.w + 2 * margin, box.h + 2 * margin)
    x, y = outer.centre
    dot.node(name, x, y, id=element_id, shape=shape, width=inch(outer.w), height=inch(outer.h), fixedsize="true",
             color=theme.ink, penwidth=frame_width(action, theme), peripheries=2 if action == CHANGED else None)


def _plus(dot: DotGraph, name: str, x: float, y: float, theme: Theme) -> None:
    """A small white disc with a black plus, centred at (x, y)."""
    size = PLUS_SIZE * theme.marker
    arm, thick = size * 0.62, max(size * 0.16, 1.0)
    dot.node(f"{name}:disc", x, y, shape="circle", width=inch(size), height=inch(size), fixedsize="true",
             style="filled", fillcolor="#FFFFFF", color=theme.ink, penwidth=theme.line_width)
    for part, (w, h) in (("across", (arm, thick)), ("down", (thick, arm))):
        dot.node(f"{name}:{part}", x, y, shape="box", width=inch(w), height=inch(h), fixedsize="true",
                 style="filled", fillcolor=theme.ink, color=theme.ink, penwidth=0.0)


def _veil(dot: DotGraph, name: str, box: Box, strike_y: float, theme: Theme, element_id: str,
          tooltip: str | None = None) -> None:
    """A removed element: a white veil over it (with the element's hover text, when given), and a
    line through it at ``strike_y``."""
    x, y = box.centre
    dot.node(name, x, y, id=element_id, shape="box", width=inch(box.w + 2), height=inch(box.h + 2),
             fixedsize="true", style="filled", fillcolor=VEIL, color="#FFFFFF00", penwidth=0.0, tooltip=tooltip)
    thick = theme.line_width * STRIKE
    dot.node(f"{name}:strike", x, strike_y, shape="box", width=inch(box.w + 4), height=inch(thick),
             fixedsize="true", style="filled", fillcolor=theme.ink, color=theme.ink, penwidth=0.0)


def change_mark(dot: DotGraph, name: str, action: str, box: Box, strike: tuple[Box, float], shape: str,
                theme: Theme, element_id: str, tooltip: str | None = None) -> None:
    """The mark of one change: a heavy frame and a plus round ``box`` (added), a double frame
    (changed), or a veil over ``strike[0]`` struck through at ``strike[1]`` (removed)."""
    if action == REMOVED:
        _veil(dot, name, strike[0], strike[1], theme, element_id, tooltip)
        return
    _frame(dot, name, box, shape, theme, action, element_id)
    if action == ADDED:
        margin = FRAME_MARGIN * theme.marker
        _plus(dot, f"{name}:plus", box.x - margin, box.y - margin, theme)


def _bar_kind(item: Any) -> str:
    return "support" if isinstance(item, Support) else "factor" if isinstance(item, Factor) else "item"


def draw_layer(dot: DotGraph, layout: TimelineLayout, layer: ScenarioLayer, theme: Theme,
               until: float | None = None) -> None:
    """The scenario's marks over a timeline laid out from ``layer.graph``: on every event and bar
    the scenario touched that is shown (up to ``until``)."""
    actions = {e.id: e.action for e in layer.changes.elements}
    limit = _limit(until)
    for mark in layout.events:
        action = actions.get(mark.event.id)
        if action is None or mark.event.age > limit:
            continue
        box = mark.marker
        change_mark(dot, f"scenario:{mark.event.id}", action, box, (mark.box, box.centre[1]), "circle", theme,
              f"scenario-{action}-event-{mark.event.id}")
    for item in layout.bars:
        thing = item.item
        action = actions.get(thing.id)
        if action is None or thing.from_ > limit:
            continue
        box = item.bar
        if until is not None and (thing.to is None or thing.to > until):
            box = Box(box.x, box.y, max(layout.x(until) - box.x, 2.0), box.h)
        covered = box.union(item.label) if not item.inside else box
        change_mark(dot, f"scenario:{thing.id}", action, box, (covered, box.centre[1]), "box", theme,
              f"scenario-{action}-{_bar_kind(thing)}-{thing.id}")


# --- the legend ----------------------------------------------------------------------------

LOOKS = {ADDED: Look("scenario frame", heavy=True, ends="plus"),
         CHANGED: Look("scenario frame", style="double"),
         REMOVED: Look("scenario veil", style="struck through")}


def legend_entries(layer: ScenarioLayer | None, text: Catalog, theme: Theme,
                   until: float | None = None) -> list[Entry]:
    """One legend entry for each kind of scenario mark the picture shows."""
    if layer is None:
        return []
    return [Entry(_legend_symbol(action, theme), text(f"scenario_layer.legend.{action}"), LOOKS[action])
            for action in layer.actions_shown(until)]


def _legend_symbol(action: str, theme: Theme) -> Any:
    def draw(dot: DotGraph, name: str, box: Box) -> None:
        size = theme.marker
        x, y = box.centre[0] + 2, box.centre[1] + 1  # room for the plus badge at the top left
        mark = Box(x - size / 2, y - size / 2, size, size)
        bar_box = Box(box.x + 2, box.y + 3, box.w - 6, box.h - 6)
        if action == REMOVED:
            bar(dot, f"{name}:bar", bar_box, "#B7DCF4", theme.ink, "solid", theme)
            _veil(dot, name, bar_box, bar_box.centre[1], theme, f"{name}:veil")
            return
        marker(dot, f"{name}:mark", "contact", mark, theme)
        change_mark(dot, name, action, mark, (mark, y), "circle", theme, f"{name}:frame")
    return draw
