"""A scenario on the A0/A1 wall poster, as one layer over the journey, measured from the PDF:
added elements framed heavy with a plus, changed ones double-framed, removed ones veiled and
struck through; gaps the scenario closes drawn dotted and open-ringed, new ones double-ringed;
the call-outs and the list say closed or new; the legend has an entry for each kind of change
drawn, and none for the others."""

from __future__ import annotations

import dataclasses
import io
import re
from functools import cache
from itertools import combinations

import pytest

from journeys.render.journey import prepare
from journeys.render.poster import poster_pdf
from journeys.render.wall_layout import wall_layout
from journeys.render.wall_scenario import DOUBLE, HEAVY, STRIKE, frame_box, veil_box
from journeys.scenario_changes import ADDED, CHANGED, REMOVED
from persona.load import read_persona
from tests.conftest import EXAMPLES
from tests.render_helpers import catalog
from tests.test_render_grayscale import VISIBLE_GREY_STEP, grey, without_colour

pdfplumber = pytest.importorskip("pdfplumber")

CASES = [("kim", "kontaktperson-forskola", "A1", "landscape"), ("noor", "ett-familjeombud", "A0", "portrait"),
         ("kim", "bro-vid-18", "A0", "landscape")]
BLACK = (0.0, 0.0, 0.0)
WHITE = (1.0, 1.0, 1.0)
NEAR = 0.6  # points: how far a measured shape may lie from where the layout put it


@cache
def journey(name: str, scenario: str):
    return prepare(read_persona(EXAMPLES / f"{name}.yaml"), scenario, compare=True)


@cache
def layout(name: str, scenario: str, size: str, orientation: str):
    return wall_layout(journey(name, scenario), catalog(), size, orientation)


@cache
def page_objects(name: str, scenario: str, size: str, orientation: str) -> dict:
    pdf = poster_pdf(read_persona(EXAMPLES / f"{name}.yaml"), catalog(), size=size, orientation=orientation,
                     scenario=scenario)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = document.pages[0]
        return {"shapes": tuple(page.curves) + tuple(page.rects), "lines": tuple(page.lines),
                "chars": tuple(c for c in page.chars if c["text"].strip())}


def line_width(size: str) -> float:
    return layout("kim", "bro-vid-18", size, "landscape").scale.small / 6


def colour(value) -> tuple[float, ...]:
    return tuple(round(float(v), 3) for v in value) if value is not None else ()


def encloses(shape: dict, box, margin: float = NEAR) -> bool:
    return (shape["x0"] <= box.x + margin and shape["x1"] >= box.right - margin
            and shape["top"] <= box.y + margin and shape["bottom"] >= box.bottom - margin)


def framing(shapes, box, width: float) -> list[dict]:
    """The black stroked shapes of line width ``width`` standing round ``box`` (no more than a few points off)."""
    return [s for s in shapes if s["stroke"] and colour(s["stroking_color"]) == BLACK
            and abs(s["linewidth"] - width) < 0.05 and encloses(s, box)
            and s["x0"] >= box.x - 3 * width - 6 and s["x1"] <= box.right + 3 * width + 6]


@pytest.mark.parametrize("name, scenario, size, orientation", CASES)
def test_every_element_the_scenario_touched_is_marked_by_its_change(name, scenario, size, orientation):
    wall = layout(name, scenario, size, orientation)
    changes = journey(name, scenario).changes
    on_poster = {p.event.id for p in wall.timeline.events} | {b.item.id for b in wall.timeline.bars}
    touched = {e.id: e.action for e in changes.elements if e.id in on_poster}
    assert touched, "the scenario changes something on the poster"
    assert {m.element_id: m.action for m in wall.scenario} == touched


@pytest.mark.parametrize("name, scenario, size, orientation", CASES)
def test_added_and_changed_elements_are_framed_in_the_pdf(name, scenario, size, orientation):
    wall = layout(name, scenario, size, orientation)
    shapes = page_objects(name, scenario, size, orientation)["shapes"]
    width = line_width(size)
    pad = wall.scale.small * 0.4
    checked = 0
    for mark in wall.scenario:
        frame = frame_box(mark, pad)
        if mark.action == ADDED:
            assert framing(shapes, frame, width * HEAVY), f"{mark.element_id}: a heavy frame"
            discs = [s for s in shapes if colour(s["non_stroking_color"]) == WHITE and s["fill"] and s["stroke"]
                     and min(abs(s["top"] + s["bottom"] - 2 * frame.y), 99) < 1.0
                     and min(abs((s["x0"] + s["x1"]) / 2 - x) for x in (frame.x, frame.right)) < 1.0]
            assert discs, f"{mark.element_id}: a plus badge at the frame's top corner"
            checked += 1
        elif mark.action == CHANGED:
            assert len(framing(shapes, frame, width * DOUBLE[0])) >= 2, f"{mark.element_id}: a double frame"
            assert not framing(shapes, frame, width * HEAVY), f"{mark.element_id}: not heavy"
            checked += 1
    assert checked


@pytest.mark.parametrize("name, scenario, size, orientation", CASES[:2])
def test_removed_elements_are_veiled_and_struck_through_and_still_legible(name, scenario, size, orientation):
    wall = layout(name, scenario, size, orientation)
    found = page_objects(name, scenario, size, orientation)
    removed = [m for m in wall.scenario if m.action == REMOVED]
    assert removed
    for mark in removed:
        covered = veil_box(mark)
        veils = [s for s in found["shapes"] if s["fill"] and not s["stroke"]
                 and colour(s["non_stroking_color"]) == WHITE and encloses(s, covered)
                 and s["x1"] - s["x0"] <= covered.w + 4]
        assert veils, f"{mark.element_id}: veiled"
        y = mark.mark.centre[1]
        strikes = [ln for ln in found["lines"] if abs(ln["top"] - y) < NEAR and abs(ln["bottom"] - y) < NEAR
                   and ln["x0"] <= covered.x and ln["x1"] >= covered.right
                   and abs(ln["linewidth"] - line_width(size) * STRIKE) < 0.05]
        assert strikes, f"{mark.element_id}: struck through"
        for line in mark.lines:
            inside = [c for c in found["chars"] if line.box.x - 1 <= c["x0"] and c["x1"] <= line.box.right + 1
                      and line.box.y - 1 <= c["top"] and c["bottom"] <= line.box.bottom + 1]
            assert "".join(c["text"] for c in inside) == line.text.replace(" ", "")


@pytest.mark.parametrize("name, scenario, size, orientation", CASES)
def test_closed_gaps_are_dotted_and_call_outs_and_list_say_closed_or_new(name, scenario, size, orientation):
    wall = layout(name, scenario, size, orientation)
    statuses = {n.number: n.status for n in journey(name, scenario).numbered}
    assert "closed" in statuses.values()
    words = {"closed": "stängs i scenariot", "new": "nytt i scenariot"}
    for callout in wall.callouts:
        said = " ".join(line.text for line in callout.all_lines())
        for status, phrase in words.items():
            assert (phrase in said) == (statuses[callout.numbered.number] == status), callout.numbered.number
    marks = {e.mark for e in wall.legend}
    has_closed = any(b.numbered.status == "closed" for b in wall.timeline.brackets)
    assert ("bracket:closed" in marks) == has_closed


def test_a_listed_gap_the_scenario_closes_says_so():
    wall = layout("noor", "ett-familjeombud", "A0", "portrait")
    statuses = {n.number: n.status for n in journey("noor", "ett-familjeombud").numbered}
    closed = [n for n in wall.detail.listed if statuses[n] == "closed"]
    assert closed, "some closed gap is listed"
    text = " ".join(line.text for line in wall.detail.lines)
    for number in closed:
        assert re.search(rf"(^| ){number}\. [^()]*\([^)]*\) – stängs i scenariot", text), number


@pytest.mark.parametrize("name, scenario, size, orientation", CASES)
def test_the_legend_explains_the_changes_drawn_and_only_those_in_grayscale(name, scenario, size, orientation):
    wall = layout(name, scenario, size, orientation)
    shown = {m.action for m in wall.scenario}
    marks = {e.mark for e in wall.legend}
    assert {m.split(":")[1] for m in marks if m.startswith("scenario:")} == shown
    assert sorted(s.mark for s in wall.detail.symbols) == sorted(marks), "every entry drawn with its symbol"
    for first, second in combinations(wall.legend, 2):
        if without_colour(first.look) == without_colour(second.look):
            assert abs(grey(first.look.fill) - grey(second.look.fill)) >= VISIBLE_GREY_STEP, (first.label, second.label)


def test_without_a_scenario_nothing_is_marked_as_changed():
    wall = wall_layout(prepare(read_persona(EXAMPLES / "kim.yaml")), catalog(), "A1", "landscape")
    assert wall.scenario == ()
    assert not any(e.mark.startswith(("scenario:", "bracket:closed", "badge:closed", "badge:new")) for e in wall.legend)


def test_a_scenario_that_removes_only_leaves_out_added_and_changed_from_the_legend():
    base = journey("kim", "kontaktperson-forskola")
    removed_only = dataclasses.replace(base.changes, elements=tuple(e for e in base.changes.elements
                                                                       if e.action == REMOVED))
    wall = wall_layout(dataclasses.replace(base, changes=removed_only), catalog(), "A1", "landscape")
    assert {e.mark for e in wall.legend if e.mark.startswith("scenario:")} == {"scenario:removed"}
