"""A scenario as a layer over the whole-life overview (journeys.render.scenario_overview_view):
each added, changed and removed event or support drawn by its own mark (heavy frame and plus,
double frame, veil struck through), hover texts that say what changed, the closed and new gaps'
own numbers, a legend of just the marks drawn, one type size, nothing overlapping, the same
picture each time — for every example scenario."""

from __future__ import annotations

import re
from html import unescape

import pytest

from journeys import render
from journeys.render import number_gaps
from journeys.render.geometry import overlapping_pairs
from journeys.render.overview_view import FONT, GAP_CLOSED, GAP_NEW, HEIGHT, WIDTH, hover_titles, layout_overview
from journeys.render.scenario_layer import scenario_layer
from journeys.render.scenario_overview_view import element_of
from journeys.scenario_changes import ADDED, CHANGED, REMOVED, ScenarioChanges
from persona.load import read_persona
from tests.conftest import EXAMPLES
from tests.render_helpers import catalog, check_golden, example, normalise_svg

SCENARIOS = [(path.stem, s.id) for path in sorted(EXAMPLES.glob("*.yaml")) if path.name.count(".") == 1
             for s in read_persona(path).persona.scenarios]


def picture(name: str, scenario_id: str, lang: str = "sv"):
    journey = example(name, scenario_id, True)
    return journey, render.scenario_overview(journey.graph, journey.comparison, journey.changes, catalog(lang))


def test_every_example_has_a_scenario_to_check():
    assert {name for name, _ in SCENARIOS} >= {"alva", "elias", "kim", "noor"}


@pytest.mark.parametrize("name, scenario_id", SCENARIOS)
def test_each_change_drawn_is_marked_by_its_action_and_says_so_on_hover(name, scenario_id):
    journey, drawn = picture(name, scenario_id)
    dot = drawn.drawing.dot
    svg = unescape(hover_titles(drawn.drawing.svg()))
    changed = {e.id: e.action for e in journey.changes.elements if e.kind in ("events", "supports")}
    assert changed, "every example scenario touches an event or a support"
    for element_id, action in changed.items():
        events = {e.id for e in journey.graph.persona.events} | {e.id for e in journey.changes.removed_items("events")}
        node = element_id if element_id in events else f"support-{element_id}"
        assert f'id="scenario-{action}-{node}"' in dot, (name, scenario_id, element_id)
        word = {ADDED: "Tillagt", CHANGED: "Ändrat", REMOVED: "Borttaget"}[action]
        assert re.search(rf"<title>{word} i scenariot – [^<]+</title>", svg), (name, element_id)
    assert set(drawn.marks) & {ADDED, CHANGED, REMOVED} == set(changed.values())


@pytest.mark.parametrize("name, scenario_id", SCENARIOS)
def test_one_type_size_nothing_overlaps_and_the_same_picture_each_time(name, scenario_id):
    journey, drawn = picture(name, scenario_id)
    sizes = {float(s) for s in re.findall(r'POINT-SIZE="([\d.]+)"', drawn.drawing.dot)}
    assert sizes == {FONT}, sizes
    assert (drawn.drawing.width, drawn.drawing.height) == (WIDTH, HEIGHT)
    assert drawn.drawing.dot == picture(name, scenario_id)[1].drawing.dot


def test_the_closed_and_new_gaps_have_their_own_marks_in_the_legend():
    _, drawn = picture("kim", "kontaktperson-forskola")
    assert GAP_CLOSED in drawn.marks and GAP_NEW in drawn.marks


def test_a_scenario_that_changes_nothing_draws_no_layer():
    journey = example("kim", "kontaktperson-forskola", True)
    quiet = render.scenario_overview(journey.graph, journey.comparison, ScenarioChanges("none", ()), catalog())
    assert "scenario-" not in quiet.drawing.dot
    assert not set(quiet.marks) & {ADDED, CHANGED, REMOVED}
    assert "i scenariot" not in quiet.drawing.dot


def test_a_removed_mark_is_veiled_over_its_label_too():
    journey, drawn = picture("kim", "kontaktperson-forskola")
    layout = layout_overview(scenario_layer(journey.graph, journey.changes).graph,
                             number_gaps((), journey.comparison), catalog())
    removed = [p for p in layout.marks if element_of(p) in {e.id for e in journey.changes.of(REMOVED)}]
    assert removed
    assert not overlapping_pairs(layout.text_boxes())
    for place in removed:
        assert f'"scenario:{place.id}"' in drawn.drawing.dot and f'"scenario:{place.id}:strike"' in drawn.drawing.dot


def test_english_hover_texts():
    _, drawn = picture("kim", "kontaktperson-forskola", "en")
    assert "Removed in the scenario – " in drawn.drawing.dot


def test_golden_scenario_overview():
    _, drawn = picture("kim", "kontaktperson-forskola")
    check_golden("kim.kontaktperson-forskola.overview.dot", drawn.drawing.dot)
    check_golden("kim.kontaktperson-forskola.overview.svg", normalise_svg(hover_titles(drawn.drawing.svg())))
