"""The event where each gap's number stands (its earliest event on the timeline) carries a
label of at least 9 pt where one can fit, on the A0/A1 wall poster: measured from the PDF on
every example and the crowded generated persona, in every shape."""

from __future__ import annotations

import pytest

from journeys.render.journey import prepare
from journeys.render.wall_timeline import cause_events
from tests.test_wall_poster import NAMES, SHAPES, SMALLEST_PT, characters, layout, persona_file, printed

# Gaps whose first event is labelled, at the least, over the four shapes (measured when the
# small labels for these events came in; before, in the same order: 5, 12, 12, 5, 17).
LABELLED_AT_LEAST = {"alva": 6, "elias": 22, "kim": 14, "noor": 11, "crowded": 27}


def first_events(name: str, size: str, orientation: str) -> list:
    """For each gap with an event on the poster, the place of its earliest one."""
    wall = layout(name, size, orientation)
    places = {p.event.id: p for p in wall.timeline.events}
    found = []
    for numbered in prepare(persona_file(name)).numbered:
        ids = [e for e in numbered.gap.events if e in places]
        if ids:
            found.append(min((places[e] for e in ids), key=lambda p: (p.event.age, p.marker.x, p.marker.y)))
    return found


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("size, orientation", SHAPES)
def test_the_event_each_gap_number_stands_at_is_labelled_readably(name: str, size: str, orientation: str):
    chars = characters(name, size, orientation)
    places = first_events(name, size, orientation)
    labelled = [p for p in places if p.lines]
    for place in labelled:
        for line in place.lines:
            assert min(round(c["size"], 2) for c in printed(chars, line)) >= SMALLEST_PT, line.text
    assert len(labelled) >= LABELLED_AT_LEAST[name], f"{len(labelled)} of {len(places)}"


def test_a_gap_first_event_is_what_the_gap_rests_on_earliest():
    journey = prepare(persona_file("kim"))
    causes = cause_events(journey.numbered, journey.graph)
    ages = {e.id: e.age for e in journey.graph.persona.events}
    for numbered in journey.numbered:
        ids = [e for e in numbered.gap.events if e in ages]
        if ids:
            assert min(ages[e] for e in ids) in {ages[c] for c in causes & set(ids)}
