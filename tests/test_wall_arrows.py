"""The answers and unanswered referrals the gaps rest on, drawn on the A0/A1 wall poster as
arrows that cross no word: measured from the PDF's own path objects and words (pdfplumber), on
every example and the crowded generated persona."""

from __future__ import annotations

import io
from functools import cache

import pytest

from journeys.render.geometry import Box
from journeys.render.journey import prepare
from journeys.render.wall_arrows import RESPONSE, UNANSWERED, Arrow, Router, crosses, rested_on, route_arrows
from tests.test_wall_poster import NAMES, layout, pdf, persona_file

pdfplumber = pytest.importorskip("pdfplumber")

SHAPES = [("A1", "landscape"), ("A0", "portrait")]
TOLERANCE = 0.3  # points: a word's glyph box may reach this far past the laid-out line by rounding
ANSWER_GREY = (0.333, 0.333, 0.333)


@cache
def arrow_paths(name: str, size: str, orientation: str) -> tuple[tuple[tuple[float, float], ...], ...]:
    """The point lists of every path stroked in the answers' grey at the answers' width, from the PDF."""
    wall = layout(name, size, orientation)
    width = wall.scale.small / 6 * 0.8
    with pdfplumber.open(io.BytesIO(pdf(name, size, orientation))) as document:
        page = document.pages[0]
        return tuple(tuple(o["pts"]) for o in list(page.curves) + list(page.lines)
                     if o["stroke"] and abs(o["linewidth"] - width) < 0.02
                     and tuple(round(v, 3) for v in o["stroking_color"] or ()) == ANSWER_GREY)


@cache
def word_boxes(name: str, size: str, orientation: str) -> tuple[Box, ...]:
    with pdfplumber.open(io.BytesIO(pdf(name, size, orientation))) as document:
        found = document.pages[0].extract_words(use_text_flow=True)
    return tuple(Box(w["x0"] + TOLERANCE, w["top"] + TOLERANCE, w["x1"] - w["x0"] - 2 * TOLERANCE,
                     w["bottom"] - w["top"] - 2 * TOLERANCE) for w in found)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("size, orientation", SHAPES)
def test_no_arrow_in_the_pdf_crosses_a_word(name: str, size: str, orientation: str):
    paths = arrow_paths(name, size, orientation)
    answers = [a for a in layout(name, size, orientation).arrows if a.kind == RESPONSE]
    assert len(paths) >= len(answers), "every answer's arrow is in the PDF"
    words = word_boxes(name, size, orientation)
    for points in paths:
        for a, b in zip(points, points[1:]):
            hit = [w for w in words if crosses(a, b, w)]
            assert not hit, (a, b, hit[:2])


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("size, orientation", SHAPES)
def test_each_arrow_runs_from_its_event_to_its_answer_or_into_the_receivers_lane(name: str, size: str,
                                                                                  orientation: str):
    wall = layout(name, size, orientation)
    places = {p.event.id: p.marker for p in wall.timeline.events}
    lanes = {lane.sector: lane.box for lane in wall.timeline.lanes}
    for arrow in wall.arrows:
        start, tip = arrow.points[0], arrow.points[-1]
        mark = places[arrow.source]
        assert mark.x - 0.01 <= start[0] <= mark.right + 0.01 and mark.y - 0.01 <= start[1] <= mark.bottom + 0.01
        if arrow.kind == RESPONSE:
            target = places[arrow.target]
            assert target.x - 0.01 <= tip[0] <= target.right + 0.01 and target.y - 0.01 <= tip[1] <= target.bottom + 0.01
        else:
            assert lanes[arrow.target].y < tip[1] < lanes[arrow.target].bottom
        for a, b in arrow.segments():
            assert a[0] == b[0] or a[1] == b[1], "straight pieces, across or down"


@pytest.mark.parametrize("name", NAMES)
def test_the_arrows_the_gaps_rest_on_are_drawn_or_counted_and_explained(name: str):
    wall = layout(name, "A1", "landscape")
    journey = prepare(persona_file(name))
    answers, unanswered = rested_on(journey.numbered, journey.graph)
    drawn = {(a.source, a.target) for a in wall.arrows if a.kind == RESPONSE}
    assert drawn <= {(first.id, then.id) for first, then in answers}
    assert len(wall.arrows) + wall.arrows_left_out <= len(answers) + len(unanswered)
    marks = {entry.mark for entry in wall.legend}
    assert (f"arrow:{RESPONSE}" in marks) == bool(drawn)
    assert (f"arrow:{UNANSWERED}" in marks) == any(a.kind == UNANSWERED for a in wall.arrows)


def test_most_arrows_the_gaps_rest_on_are_drawn_on_every_example():
    for name in NAMES[:-1]:
        for size, orientation in SHAPES:
            wall = layout(name, size, orientation)
            assert len(wall.arrows) > wall.arrows_left_out, (name, size, len(wall.arrows), wall.arrows_left_out)


def test_an_unanswered_referral_points_into_the_lane_it_was_sent_to():
    wall = layout("crowded", "A1", "landscape")
    sent = [a for a in wall.arrows if a.kind == UNANSWERED]
    assert sent, "the crowded persona has referrals no one answered, with room for their arrows"
    assert f"arrow:{UNANSWERED}" in {e.mark for e in wall.legend}


def test_a_route_through_a_word_is_refused_and_the_arrow_left_out():
    wall = layout("kim", "A1", "landscape")
    arrow = next(a for a in wall.arrows if a.kind == RESPONSE)
    router = Router(wall.timeline, [line.box for line in wall.timeline.lines()])
    assert router.clear(arrow.points, (arrow.source, arrow.target))
    (x0, y0), (x1, y1) = arrow.points[0], arrow.points[-1]
    blocker = Box(min(x0, x1) - 50, min(y0, y1) - 400, abs(x1 - x0) + 100, abs(y1 - y0) + 800)
    arrows, missed = route_arrows(wall.timeline, prepare_kim().numbered, prepare_kim().graph,
                                  [line.box for line in wall.timeline.lines()] + [blocker])
    assert (arrow.source, arrow.target) not in {(a.source, a.target) for a in arrows}
    assert missed >= 1
    assert all(isinstance(a, Arrow) for a in arrows)


@cache
def prepare_kim():
    return prepare(persona_file("kim"))


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("size, orientation", SHAPES)
def test_no_laid_out_arrow_of_either_kind_crosses_a_word_printed_in_the_pdf(name: str, size: str, orientation: str):
    words = word_boxes(name, size, orientation)
    for arrow in layout(name, size, orientation).arrows:
        for a, b in arrow.segments():
            assert not [w for w in words if crosses(a, b, w)], (arrow.kind, arrow.source, a, b)
