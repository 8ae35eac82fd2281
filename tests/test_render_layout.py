"""The timeline's geometry: x is age, labels wrap, and no two labels ever overlap."""

from __future__ import annotations

import pytest

from bench.generate import generate_persona_text
from journeys import render
from journeys.render.fonts import text_width, wrap
from journeys.render.geometry import Box, overlapping_pairs, pack_rows
from journeys.render.layout import layout_timeline
from journeys.render.theme import PRINT, PROJECTOR
from tests.conftest import persona_text
from tests.render_helpers import EXAMPLE_NAMES, catalog, example, journey_of


@pytest.fixture(scope="module")
def big():
    return journey_of(generate_persona_text(150, crowded=True))


def test_pack_rows_puts_overlapping_extents_in_new_rows():
    assert pack_rows([(0, 10), (5, 15), (12, 20), (30, 40)], gap=1) == [0, 1, 0, 0]
    assert pack_rows([(0, 10), (11, 20)], gap=1) == [0, 0]
    assert pack_rows([(0, 10), (10.5, 20)], gap=1) == [0, 1]


def test_overlapping_pairs_finds_only_real_overlaps():
    boxes = [Box(0, 0, 10, 10), Box(5, 5, 10, 10), Box(10, 0, 5, 5), Box(20, 20, 1, 1)]
    assert overlapping_pairs(boxes) == [(0, 1)]


def test_wrap_keeps_lines_within_width_and_words_whole():
    lines = wrap("Specialpedagog observerar i gruppen och skriver en plan för hösten", 80, 8)
    assert len(lines) > 1
    assert all(text_width(line, 8) <= 80 for line in lines)
    assert " ".join(lines) == "Specialpedagog observerar i gruppen och skriver en plan för hösten"


def test_wrap_shortens_with_an_ellipsis_when_lines_run_out():
    lines = wrap("ett två tre fyra fem sex sju åtta nio tio elva tolv", 30, 8, max_lines=2)
    assert len(lines) == 2 and lines[-1].endswith("…")


@pytest.mark.parametrize("theme", [PRINT, PROJECTOR], ids=["print", "projector"])
def test_150_events_draw_without_overlapping_labels(big, theme):
    layout = layout_timeline(big.graph, big.numbered, catalog(), theme)
    assert len(layout.events) == 150
    boxes = layout.text_boxes()
    assert overlapping_pairs(boxes) == []


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_examples_draw_without_overlapping_labels(name):
    journey = example(name)
    layout = layout_timeline(journey.graph, journey.numbered, catalog(), PRINT)
    assert overlapping_pairs(layout.text_boxes()) == []


def test_crowded_same_age_events_would_overlap_without_rows():
    body = "events:\n" + "".join(
        f"  - {{id: e{i}, age: 5, kind: contact, agency: school, label: Samma dag möte nummer {i}}}\n" for i in range(6))
    journey = journey_of(persona_text(body))
    layout = layout_timeline(journey.graph, journey.numbered, catalog(), PRINT)
    marks = layout.events
    assert len({round(m.label.y, 2) for m in marks}) == 6  # six rows
    flattened = [Box(m.box.x, marks[0].box.y, m.box.w, m.box.h) for m in marks]
    assert overlapping_pairs(flattened)  # the test would catch a layout that kept one row


def test_x_is_age():
    journey = example("kim")
    layout = layout_timeline(journey.graph, journey.numbered, catalog(), PRINT)
    by_id = {m.event.id: m for m in layout.events}
    zero, ten = layout.x(0), layout.x(10)
    assert by_id["fodd"].marker.centre[0] == pytest.approx(zero)
    assert by_id["abc"].marker.centre[0] == pytest.approx(zero + (ten - zero) * 0.95)


def test_lanes_follow_the_vocabulary_order():
    journey = example("kim")
    layout = layout_timeline(journey.graph, journey.numbered, catalog(), PRINT)
    assert [lane.sector for lane in layout.lanes] == journey.graph.vocabulary.sectors_in_order()
    tops = [lane.box.y for lane in layout.lanes]
    assert tops == sorted(tops)


def test_until_age_hides_what_comes_later_and_moves_nothing():
    journey = example("kim")
    full = render.timeline(journey.graph, journey.gaps, catalog())
    early = render.timeline(journey.graph, journey.gaps, catalog(), until_age=6.0)
    assert '"event:forskoleklass"' in early.dot and '"event:skola-signal"' not in early.dot
    assert '"event:skola-signal"' in full.dot
    line = next(l for l in full.dot.splitlines() if l.startswith('  "event:fodd"'))
    assert line in early.dot


def test_comparison_marks_closed_gaps_as_closed():
    journey = example("kim", "kontaktperson-forskola", True)
    assert journey.comparison.closed
    drawing = render.timeline(journey.graph, journey.gaps, catalog(), comparison=journey.comparison)
    closed = [n for n in journey.numbered if n.is_closed]
    for item in closed:
        line = next(l for l in drawing.dot.splitlines() if f'"badge:{item.number}"' in l)
        assert 'style="dashed"' in line
    plain = render.timeline(journey.graph, journey.gaps, catalog())
    assert 'style="dashed", fillcolor' not in plain.dot


def test_transitions_show_their_hand_over_and_meetings_their_members():
    journey = example("kim")
    dot = render.timeline(journey.graph, journey.gaps, catalog()).dot
    partial = next(l for l in dot.splitlines() if 'id="handover-hvb-placering"' in l)
    assert 'style="dashed"' in partial
    none = next(l for l in dot.splitlines() if 'id="handover-overgang-18"' in l)
    assert 'style="dotted"' in none
    assert 'id="handover-hogstadiet"' not in dot  # school to school: same lane, no arrow
