"""A scenario on the wall poster, drawn as one layer over the journey like the Graphviz timeline
(:mod:`journeys.render.scenario_layer`), by form and line style so that it reads in
black-and-white print:

- an **added** event or bar: a heavy frame and a small plus badge at a top corner (on the side
  away from its label);
- a **changed** one (same id, other fields): a double frame;
- a **removed** one: faded under a white veil and struck through (its place on the timeline
  is kept: the timeline is laid out from the journey with the removed elements put back).

What is added, changed and removed is :class:`journeys.scenario_changes.ScenarioChanges`, never
computed here. Gaps the scenario closes or opens are the badges, brackets and call-outs of
:mod:`journeys.render.wall_draw` and :mod:`journeys.render.wall_callouts`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from persona.i18n import Catalog

from journeys.render.geometry import Box
from journeys.render.legend_view import Look
from journeys.render.scenario_layer import LOOKS
from journeys.render.wall_timeline import WallTimeline
from journeys.render.wall_text import Line
from journeys.scenario_changes import ACTIONS, ScenarioChanges

VEIL_ALPHA = 0.7  # how much of a removed element the white veil hides
FRAME_MARGIN = 0.4  # how far a frame stands off its mark, times the gap between a mark and its label
PLUS_SHARE = 0.8  # the plus badge's diameter, times the mark's height
HEAVY = 2.0  # an added element's frame, times the page's line width
DOUBLE = (0.6, 1.3)  # a changed element's two thin lines: their width and their distance, times the line width
STRIKE = 1.6  # the strike-through, times the page's line width


@dataclass(frozen=True)
class ScenarioMark:
    """One element the scenario touched, where it stands on the poster: its mark (an event's
    shape or a bar) and its label lines; ``bar`` tells which."""

    action: str
    element_id: str
    mark: Box
    lines: tuple[Line, ...]
    bar: bool


def scenario_marks(timeline: WallTimeline, changes: ScenarioChanges | None) -> tuple[ScenarioMark, ...]:
    """The marks to draw for ``changes``: every event and bar on the timeline the scenario touched."""
    if changes is None:
        return ()
    marks = []
    for place in timeline.events:
        action = changes.action_of(place.event.id)
        if action is not None:
            marks.append(ScenarioMark(action, place.event.id, place.marker, place.lines, False))
    for bar in timeline.bars:
        action = changes.action_of(bar.item.id)
        if action is not None:
            marks.append(ScenarioMark(action, bar.item.id, bar.box, bar.lines, True))
    return tuple(marks)


def actions_shown(marks: Sequence[ScenarioMark]) -> tuple[str, ...]:
    """The kinds of change with at least one mark on the poster, in the order added, changed, removed."""
    seen = {mark.action for mark in marks}
    return tuple(action for action in ACTIONS if action in seen)


def grown(box: Box, margin: float) -> Box:
    return Box(box.x - margin, box.y - margin, box.w + 2 * margin, box.h + 2 * margin)


def frame_box(mark: ScenarioMark, pad: float) -> Box:
    """The frame around an added or changed mark, ``FRAME_MARGIN`` of ``pad`` off it."""
    return grown(mark.mark, FRAME_MARGIN * pad)


def plus_centre(mark: ScenarioMark, pad: float) -> tuple[float, float]:
    """The plus badge at the frame's top corner on the side away from the label."""
    frame = frame_box(mark, pad)
    label_left = bool(mark.lines) and mark.lines[0].box.right <= mark.mark.x
    return (frame.right if label_left else frame.x), frame.y


def veil_box(mark: ScenarioMark) -> Box:
    """What a removed element's veil covers: its mark and its label."""
    box = mark.mark
    for line in mark.lines:
        box = box.union(line.box)
    return box


def legend_labels(actions: Sequence[str], text: Catalog) -> list[tuple[str, str, Look]]:
    """(mark name, label, look) for the legend: one per kind of change on the poster."""
    return [(f"scenario:{action}", text(f"scenario_layer.legend.{action}"), LOOKS[action]) for action in actions]

