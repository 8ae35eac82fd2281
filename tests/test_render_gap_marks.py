"""Gap marks on the whole timeline point at their cause: numbers in reading order at the moment
the gap starts, with a leader to the event that caused it; the span a bracket in the involved
lanes only (stacked, never a wash that piles up), heavier the more serious; and a legend entry."""

from __future__ import annotations

import re

import pytest

from journeys import render
from journeys.render import number_gaps
from journeys.render.geometry import Box
from journeys.render.layout import layout_timeline
from journeys.render.theme import PRINT
from journeys.render.marks import bracket_style
from journeys.render.timeline_view import _bracket_slots
from tests.render_helpers import EXAMPLE_NAMES, catalog, example


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_numbers_sit_where_the_gap_starts_and_read_in_order(name: str):
    journey = example(name)
    layout = layout_timeline(journey.graph, number_gaps(journey.gaps), catalog(), PRINT)
    for item in layout.badges:
        assert item.box.centre[0] == pytest.approx(layout.x(item.numbered.gap.start))
    by_place = sorted(layout.badges, key=lambda b: (round(b.box.centre[0], 1), b.box.y))
    numbers = [b.numbered.number for b in by_place]
    assert numbers == sorted(numbers), "left to right, top to bottom, the numbers count up"


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_no_gap_is_a_wash_over_its_lanes(name: str):
    journey = example(name)
    dot = render.timeline(journey.graph, journey.gaps, catalog()).dot
    assert PRINT.gap_fill not in dot  # the old translucent full-height zones
    assert dot.count('id="gap-') == len(journey.gaps)


def test_overlapping_gaps_in_one_lane_get_lines_of_their_own():
    lane, other = Box(0, 100, 500, 80), Box(0, 200, 500, 80)
    spans = [(1, lane, 10, 100), (2, lane, 50, 150), (3, lane, 120, 200), (4, other, 50, 150)]
    slots = _bracket_slots(spans)
    assert slots[(1, 100)] != slots[(2, 100)]
    assert slots[(3, 100)] == slots[(1, 100)]  # no overlap: the first line again
    assert slots[(4, 200)] == 0  # another lane starts afresh


def test_more_serious_gaps_are_drawn_heavier():
    widths = [bracket_style(severity, PRINT)[0] for severity in (1, 2, 3)]
    assert widths == sorted(widths) and len(set(widths)) == 3
    assert bracket_style(1, PRINT)[1] == "dashed" and bracket_style(3, PRINT)[1] == "solid"


def test_the_brackets_are_in_the_legend_one_per_severity():
    journey = example("kim")
    dot = render.legend(journey.graph, catalog(), gaps=journey.gaps).dot
    for severity in ("notering", "glapp", "allvarligt glapp"):
        assert re.search(rf"Glappets spann i berörda körfält: {severity}<", dot)


def test_life_stages_head_their_columns_of_years():
    from journeys.render.stages import life_stages

    journey = example("kim")
    layout = layout_timeline(journey.graph, number_gaps(journey.gaps), catalog(), PRINT)
    stages = life_stages()
    assert [s.id for s in layout.stages] == [s.id for s in stages]
    assert [(s.start, s.end) for s in stages][:2] == [(0.0, 6.0), (6.0, 10.0)]
    for heading in layout.stages:
        assert layout.x(heading.start) <= heading.box.x and heading.box.right <= layout.x(heading.end)
        assert heading.box.bottom <= layout.axis_top.y
    dot = render.timeline(journey.graph, journey.gaps, catalog()).dot
    assert "Mellanstadiet" in dot and "Gymnasiet" in dot
    assert "Middle school" in render.timeline(journey.graph, journey.gaps, catalog("en")).dot


def test_the_balance_under_the_timeline_has_the_same_strong_lines():
    journey = example("kim")
    balance = render.balance(journey.graph, catalog()).dot
    strong = re.findall(r"c 7 -#555555 C 7 -#555555 S \d+ -setlinewidth\([\d.]+\) S 5 -solid L 2 ([\d.]+) ", balance)
    layout = layout_timeline(journey.graph, number_gaps(journey.gaps), catalog(), PRINT)
    expected = [0.0] + [s.start for s in layout.stages[1:]] + [20.0]
    assert [round(float(x), 1) for x in strong] == [round(layout.x(age), 1) for age in expected]
