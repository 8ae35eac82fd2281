"""The projector close-up (journeys.render.focus_view): one type size, nothing overlapping, only
the lanes involved, the gap's chain strong and the rest faded, the span only in its lanes —
on every gap of every example and on a crowded generated persona."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from bench.generate import generate_persona_text
from journeys import render
from journeys.render import number_gaps
from journeys.render.focus_view import (
    FONT, HEIGHT, TITLE_WIDTH, WIDTH, WINDOW_YEARS, Moment, focus_window, layout_focus, marks_shown,
)
from journeys.render.geometry import overlapping_pairs
from tests.render_helpers import catalog, example, journey_of

from tests.conftest import EXAMPLES as _EXAMPLES

EXAMPLE_NAMES = tuple(p.stem for p in sorted(_EXAMPLES.glob("*.yaml")) if p.name.count(".") == 1)  # every example



@lru_cache(maxsize=1)
def crowded():
    return journey_of(generate_persona_text(150, seed=1, crowded=True))


def journeys_to_check():
    return [(name, example(name)) for name in EXAMPLE_NAMES] + [("crowded", crowded())]


def every_moment(journey):
    numbered = number_gaps(journey.gaps)
    return [Moment(n.gap.start, n) for n in numbered] + [Moment(float(age)) for age in range(0, 21, 3)]


@pytest.mark.parametrize("name", [*EXAMPLE_NAMES, "crowded"])
def test_no_text_overlaps_and_everything_is_inside_the_picture(name: str):
    journey = dict(journeys_to_check())[name]
    for moment in every_moment(journey):
        layout = layout_focus(journey.graph, moment, catalog())
        boxes = layout.text_boxes()
        assert not overlapping_pairs(boxes), (moment.age, moment.gap and moment.gap.number)
        for box in boxes + [p.marker for p in layout.placed]:
            assert 0 <= box.x and box.right <= WIDTH and 0 <= box.y and box.bottom <= HEIGHT + 0.01, box


@pytest.mark.parametrize("name", [*EXAMPLE_NAMES, "crowded"])
def test_all_text_has_the_one_large_size(name: str):
    journey = dict(journeys_to_check())[name]
    for moment in every_moment(journey)[::4]:
        picture = render.focus(journey.graph, journey.gaps, catalog(), age=moment.age,
                               gap_number=moment.gap.number if moment.gap else None)
        sizes = {float(s) for s in re.findall(r'POINT-SIZE="([\d.]+)"', picture.drawing.dot)}
        sizes |= {float(s) for s in re.findall(r"F ([\d.]+) \d+ -", picture.drawing.dot)}
        assert sizes == {FONT}, sizes


def test_a_gap_shows_its_chain_strong_the_rest_faded_and_only_its_lanes_open():
    journey = example("kim")
    graph = journey.graph
    for numbered in number_gaps(journey.gaps):
        layout = layout_focus(graph, Moment(numbered.gap.start, numbered), catalog())
        chain = set(numbered.gap.events)
        assert all(p.item.strong == (p.item.id in chain) for p in layout.placed)
        open_lanes = {lane.sector for lane in layout.lanes if not lane.folded}
        sectors = {graph.vocabulary.sector_of(a) for a in numbered.gap.agencies}
        involved = sectors | {p.item.sector for p in layout.placed if p.item.strong}
        assert sectors <= open_lanes
        assert open_lanes == (involved or {lane.sector for lane in layout.lanes})  # nothing named: every lane
        assert layout.window[1] - layout.window[0] == pytest.approx(WINDOW_YEARS)
        assert layout.window[0] <= numbered.gap.start <= layout.window[1]


def test_the_gap_span_is_drawn_only_over_the_lanes_it_involves():
    journey = example("noor")
    numbered = number_gaps(journey.gaps)[4]
    picture = render.focus(journey.graph, journey.gaps, catalog(), age=0, gap_number=numbered.number)
    layout = layout_focus(journey.graph, Moment(numbered.gap.start, numbered), catalog())
    sectors = {journey.graph.vocabulary.sector_of(a) for a in numbered.gap.agencies}
    spans = re.findall(r'C 9 -#D55E0014 S \d+ -setlinewidth\(0\.1\) S 5 -solid P 4 ([\d. ]+)', picture.drawing.dot)
    assert len(spans) == len([lane for lane in layout.lanes if lane.sector in sectors and not lane.folded]) >= 1
    assert "gap" in picture.marks and "faded" in picture.marks


def test_an_age_hides_the_future_and_draws_the_now_line():
    journey = example("kim")
    layout = layout_focus(journey.graph, Moment(12.0), catalog())
    assert layout.placed and all(p.item.age <= 12.0 + 1e-9 for p in layout.placed)
    assert all(p.item.strong for p in layout.placed)
    assert marks_shown(layout, Moment(12.0))[-1] == "now"


def test_the_window_keeps_three_years_inside_the_life():
    assert focus_window([0.5], 20.0, 0.5) == (0.0, 3.0)
    assert focus_window([19.5], 20.0, 19.5) == (17.0, 20.0)
    assert focus_window([4.0, 5.0], 20.0, 4.0) == (3.0, 6.0)
    start, end = focus_window([2.0, 12.0], 20.0, 2.0)  # a chain longer than the window: start at the gap
    assert start == 1.5 and end == 4.5


def test_the_same_moment_gives_the_same_picture():
    journey = example("elias")
    first = render.focus(journey.graph, journey.gaps, catalog(), age=7.0, gap_number=3)
    again = render.focus(journey.graph, journey.gaps, catalog(), age=7.0, gap_number=3)
    assert first.drawing.dot == again.drawing.dot and first.marks == again.marks
    assert TITLE_WIDTH < WIDTH and first.drawing.width == WIDTH
