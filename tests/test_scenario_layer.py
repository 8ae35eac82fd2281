"""A scenario drawn as one layer over the journey: the change set (what the scenario added,
changed and removed, by element id), the marks on the timeline, their legend entries and how
they read without colour."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import combinations

import pytest

from journeys import render
from journeys.folders import persona_files
from journeys.render import gap_messages, number_gaps
from journeys.render.geometry import Box
from journeys.render.layout import layout_timeline
from journeys.render.legend_view import Legend
from journeys.render.scenario_layer import VEIL, frame_width, legend_entries, scenario_layer
from journeys.render.theme import PRINT, theme_named
from journeys.scenario import apply_scenario
from journeys.scenario_changes import ADDED, CHANGED, REMOVED, change_lines, change_summary, scenario_changes
from persona.load import read_persona
from tests.conftest import EXAMPLES
from tests.render_helpers import catalog, example, journey_of
from tests.test_render_grayscale import VISIBLE_GREY_STEP, grey, without_colour

SVG = "{http://www.w3.org/2000/svg}"


def example_scenarios() -> list[tuple[str, str]]:
    """Every scenario of every example persona (examples/en too), as (file below examples/, id)."""
    return [(path.relative_to(EXAMPLES).with_suffix("").as_posix(), scenario.id)
            for path in persona_files([EXAMPLES]) for scenario in read_persona(path).persona.scenarios]


def expected_from_the_file(name: str, scenario_id: str) -> dict[str, set[str]]:
    """What the scenario's list of changes says it does, read straight from the file (a ``set``
    of the same element twice is one change; an element added is not also changed)."""
    scenario = read_persona(EXAMPLES / f"{name}.yaml").persona.scenario(scenario_id)
    added, changed, removed = set(), set(), set()
    for change in scenario.changes:
        action, value = change.action()
        if action in ("add", "add_support", "add_factor"):
            added.add(value["id"])
        elif action == "set":
            changed.add(value["id"])
        else:
            removed.add(value)
    return {ADDED: added, CHANGED: changed - added, REMOVED: removed - added}


def changes_of(name: str, scenario_id: str):
    loaded = read_persona(EXAMPLES / f"{name}.yaml")
    after = apply_scenario(loaded.persona, scenario_id, loaded.vocabulary)
    return scenario_changes(loaded.persona, after, scenario_id)


# --- the change set ------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "scenario_id"), example_scenarios())
def test_the_change_set_finds_what_each_example_scenario_does_and_nothing_else(name: str, scenario_id: str):
    changes = changes_of(name, scenario_id)
    found = {action: {e.id for e in changes.of(action)} for action in (ADDED, CHANGED, REMOVED)}
    assert found == expected_from_the_file(name, scenario_id)
    assert len(changes.elements) == sum(len(ids) for ids in found.values())  # each element once


def test_the_example_scenarios_are_all_there():
    assert len(example_scenarios()) >= 9 and {name for name, _ in example_scenarios()} >= {"kim", "noor", "elias", "alva"}


def test_each_change_knows_its_kind_and_versions():
    changes = changes_of("kim", "kontaktperson-forskola")
    by_id = {e.id: e for e in changes.elements}
    assert by_id["s1-kontaktperson"].kind == "events" and by_id["s1-kontaktperson"].before is None
    assert by_id["s1-foraldrastod"].kind == "supports" and by_id["s1-foraldrastod"].action == ADDED
    assert by_id["soc-avslut2"].after is None and by_id["soc-avslut2"].before.id == "soc-avslut2"
    assert by_id["forskoleklass"].fields == ("handover", "label", "note")
    assert changes.removed_items("events") == (by_id["soc-avslut2"].before,)
    assert changes.action_of("forskoleklass") == CHANGED and changes.action_of("kim-fods") is None


SCENARIO_PERSONA = """\
schema: 1
id: testbarn
name: Testbarn
born: 2010
events:
  - {{id: fodd, age: 0, kind: life, agency: family, label: "Föds"}}
  - {{id: signal, age: 2, kind: signal, agency: preschool, label: "Signal"}}
supports:
  - {{id: stod, agency: school, level: early, label: "Stöd", from: 7, to: 9}}
factors:
  - {{id: risk, type: risk, domain: world, label: "Risk", from: 1, to: 5}}
scenarios:
  - id: s
    label: "Scenario"
    changes:
{changes}
"""


def persona_with(changes: str):
    return journey_of(SCENARIO_PERSONA.format(changes=changes)).persona_file


def test_a_set_that_gives_a_field_its_own_value_changes_nothing():
    loaded = persona_with('      - set: {id: signal, label: "Signal"}')
    changes = scenario_changes(loaded.persona, apply_scenario(loaded.persona, "s"), "s")
    assert not changes and changes.elements == () and changes.actions == ()


def test_a_changed_field_is_named_and_the_order_is_fixed():
    loaded = persona_with('      - set: {id: stod, to: 10}\n      - add: {id: ny, age: 3, kind: contact, agency: bvc, label: "Ny"}'
                          '\n      - remove: signal')
    changes = scenario_changes(loaded.persona, apply_scenario(loaded.persona, "s"), "s")
    assert [(e.kind, e.action, e.id) for e in changes.elements] == [
        ("events", ADDED, "ny"), ("events", REMOVED, "signal"), ("supports", CHANGED, "stod")]
    assert changes.of(CHANGED)[0].fields == ("to",)


def test_the_summary_says_what_changed_in_words():
    sv = change_summary(changes_of("kim", "kontaktperson-forskola"), catalog())
    assert sv == "Scenariot: 1 händelse tillagd, 1 ändrad och 1 borttagen; 3 insatser tillagda."
    en = change_summary(changes_of("noor", "ett-familjeombud"), catalog("en"))
    assert en == "The scenario: 11 events added, 6 changed and 4 removed; 3 supports added; 1 factor added."
    loaded = persona_with('      - set: {id: signal, label: "Signal"}')
    nothing = scenario_changes(loaded.persona, apply_scenario(loaded.persona, "s"), "s")
    assert change_summary(nothing, catalog()) == "Scenariot lägger inte till, ändrar eller tar bort något."


def test_one_line_per_element_says_what_when_and_which_fields():
    loaded = read_persona(EXAMPLES / "kim.yaml")
    lines = change_lines(changes_of("kim", "bro-vid-18"), loaded.vocabulary, catalog())
    assert lines == (
        "Tillagt: SIP inför 18-årsdagen (händelse, 17 år 5 mån)",
        "Tillagt: SIP-uppföljning efter 18 (händelse, 18 år 7 mån)",
        "Ändrat: Flyttar hem – eftervård startar (händelse, 18 år) – Ingen överlämning → Fullständig överlämning, etikett",
        "Ändrat: Första besöket på vuxenpsykiatrin (händelse, 18 år 1 mån) – ålder 18 år 11 mån → 18 år 1 mån",
        "Borttaget: Mini-Maria avslutar vid 18 år (händelse, 18 år)",
        "Tillagt: Eftervård och stödboende (insats, 18 år – 19 år 6 mån)",
        "Tillagt: KAA-coach (insats, 18 år – 20 år)",
        "Ändrat: Behandling cannabis (insats, 17 år 4 mån – 19 år) – slutar 18 år → 19 år",
    )
    english = change_lines(changes_of("kim", "bro-vid-18"), loaded.vocabulary, catalog("en"))
    assert english[2] == "Changed: Flyttar hem – eftervård startar (event, 18 years) – No hand-over → Full hand-over, label"


def test_every_field_a_scenario_can_set_has_a_word():
    from persona.model import CHANGEABLE

    names = {info.alias or name for model in CHANGEABLE.values() for name, info in model.model_fields.items()}
    for lang in ("sv", "en"):
        assert [n for n in sorted(names) if not catalog(lang).has(f"scenario_layer.field.{n}")] == []


# --- the picture ---------------------------------------------------------------------------

def layered(name: str, scenario_id: str, **options):
    journey = example(name, scenario_id, True)
    return journey, render.timeline(journey.graph, journey.gaps, catalog(), comparison=journey.comparison,
                                    changes=journey.changes, **options)


def svg_groups(svg: str) -> dict[str, ET.Element]:
    root = ET.fromstring(svg)
    return {g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("id")}


def test_the_layer_draws_each_change_by_its_own_mark():
    journey, drawing = layered("kim", "kontaktperson-forskola")
    groups = svg_groups(drawing.svg())
    for element in journey.changes.elements:
        kind = {"events": "event", "supports": "support", "factors": "factor"}[element.kind]
        assert f"scenario-{element.action}-{kind}-{element.id}" in groups, element.id
    assert sum(1 for key in groups if key.startswith("scenario-")) == len(journey.changes.elements)
    # the removed event is still drawn (faded under a veil and struck through) where it was
    assert "event-soc-avslut2" in groups
    veil = groups["scenario-removed-event-soc-avslut2"].find(f"{SVG}polygon")
    assert veil is not None and veil.get("fill").upper() == VEIL[:7] and veil.get("fill-opacity")
    dot = drawing.dot
    assert '"scenario:soc-avslut2:strike"' in dot
    # an added event: a heavy frame and a plus; a changed one: a double frame
    added = re.search(r'"scenario:s1-kontaktperson" \[[^\]]*\]', dot).group(0)
    assert f"penwidth={frame_width(ADDED, PRINT):g}" in added and "peripheries" not in added
    assert frame_width(ADDED, PRINT) >= 2.5 * frame_width(CHANGED, PRINT)
    assert '"scenario:s1-kontaktperson:plus:down"' in dot
    changed = re.search(r'"scenario:forskoleklass" \[[^\]]*\]', dot).group(0)
    assert "peripheries=2" in changed and '"scenario:forskoleklass:plus:disc"' not in dot


def test_the_removed_elements_have_a_place_of_their_own_and_nothing_overlaps():
    journey = example("noor", "ett-familjeombud", True)
    layer = scenario_layer(journey.graph, journey.changes)
    layout = layout_timeline(layer.graph, number_gaps(journey.gaps, journey.comparison), catalog(), PRINT)
    placed = {m.event.id for m in layout.events}
    assert {e.id for e in journey.changes.of(REMOVED, "events")} <= placed
    assert not any(e.id in placed for e in journey.changes.of(REMOVED, "events")
                   if journey.graph.event(e.id) is not None)  # not in the scenario's own journey
    boxes = layout.text_boxes()
    assert not any(a.overlaps(b) for a, b in combinations(boxes, 2))


LOAD_PEN = "S 17 -setlinewidth(0.1)"  # the risk-load strip's rectangles (journeys.render.timeline_view._draw_load)


def test_the_layer_does_not_change_what_the_scenario_counts():
    """The removed elements are drawn, not counted: the risk load and the arrows are the scenario's."""
    loaded = persona_with("      - remove: risk")
    from journeys.render.journey import prepare

    base = prepare(loaded)
    journey = prepare(loaded, "s", compare=True)
    layered_dot = render.timeline(journey.graph, journey.gaps, catalog(), comparison=journey.comparison,
                                  changes=journey.changes).dot
    plain = render.timeline(journey.graph, journey.gaps, catalog(), comparison=journey.comparison).dot
    today = render.timeline(base.graph, base.gaps, catalog()).dot
    assert "scenario-removed-factor-risk" in layered_dot
    assert layered_dot.count(LOAD_PEN) == plain.count(LOAD_PEN) < today.count(LOAD_PEN)
    arrows = re.compile(r'^  ("[^"]+" -> "[^"]+")', re.M)
    _, kim = layered("kim", "kontaktperson-forskola")
    kim_plain = render.timeline(example("kim", "kontaktperson-forskola", True).graph, (), catalog())
    assert arrows.findall(kim.dot) == arrows.findall(kim_plain.dot)


def test_no_marks_when_the_scenario_changes_nothing():
    loaded = persona_with('      - set: {id: signal, label: "Signal"}')
    from journeys.render.journey import prepare

    journey = prepare(loaded, "s", compare=True)
    assert not journey.changes
    with_layer = render.timeline(journey.graph, journey.gaps, catalog(), comparison=journey.comparison,
                                 changes=journey.changes)
    without = render.timeline(journey.graph, journey.gaps, catalog(), comparison=journey.comparison)
    assert "scenario" not in with_layer.dot and with_layer.dot == without.dot


def test_until_an_age_only_the_marks_so_far_are_drawn():
    _, drawing = layered("kim", "kontaktperson-forskola", until_age=5.0)
    assert "scenario:s1-kontaktperson" in drawing.dot  # at 2.6
    assert "scenario:soc-avslut2" not in drawing.dot and "scenario:s1-familjebehandling" not in drawing.dot


# --- the legend ----------------------------------------------------------------------------

LABELS = {ADDED: "Tillagt i scenariot", CHANGED: "Ändrat i scenariot", REMOVED: "Borttaget i scenariot"}


def test_the_legend_explains_the_marks_the_picture_shows():
    _, drawing = layered("kim", "kontaktperson-forskola")
    assert all(label in drawing.dot for label in LABELS.values())


def test_the_legend_has_no_entry_for_a_mark_that_is_not_there():
    _, drawing = layered("alva", "samordnad-flytt")  # adds and changes, removes nothing
    assert LABELS[ADDED] in drawing.dot and LABELS[CHANGED] in drawing.dot
    assert LABELS[REMOVED] not in drawing.dot
    _, early = layered("kim", "kontaktperson-forskola", until_age=2.0)  # nothing touched before 2.6 years
    assert not any(label in early.dot for label in LABELS.values())
    journey = example("kim", "kontaktperson-forskola", True)
    plain = render.timeline(journey.graph, journey.gaps, catalog(), comparison=journey.comparison)
    assert not any(label in plain.dot for label in LABELS.values())


def test_the_legend_on_its_own_has_the_layer_marks_only_when_asked():
    journey = example("kim", "kontaktperson-forskola", True)
    alone = render.legend(journey.graph, catalog(), comparison=journey.comparison, explain=False,
                          changes=journey.changes).dot
    assert all(label in alone for label in LABELS.values())
    assert LABELS[ADDED] not in render.legend(journey.graph, catalog(), comparison=journey.comparison).dot


@pytest.mark.parametrize("theme", ["print", "projector"])
def test_the_layer_marks_tell_apart_from_every_other_mark_without_colour(theme: str):
    journey = example("kim", "kontaktperson-forskola", True)
    look = theme_named(theme)
    marks = legend_entries(scenario_layer(journey.graph, journey.changes), catalog(), look)
    assert [e.label.split(" (")[0] for e in marks] == list(LABELS.values())
    numbered = number_gaps(journey.gaps, journey.comparison)
    key = Legend(catalog(), journey.graph.vocabulary, look, gap_messages(numbered, journey.graph, catalog()),
                 marks=marks)
    for first, second in combinations(key.entries, 2):
        if without_colour(first.look) == without_colour(second.look):
            step = abs(grey(first.look.fill) - grey(second.look.fill))
            assert step >= VISIBLE_GREY_STEP, f"{first.label} and {second.label}: {step:.0f} grey levels apart"
    assert len({without_colour(e.look) for e in marks}) == 3  # the three differ by form or line alone


# --- where it is used ----------------------------------------------------------------------

def test_render_compare_draws_the_layer_and_without_compare_it_does_not(cli):
    path = EXAMPLES / "kim.yaml"
    compared = cli("render", path, "--scenario", "kontaktperson-forskola", "--compare", "--format", "dot")
    assert compared.code == 0, compared.err
    assert 'id="scenario-removed-event-soc-avslut2"' in compared.out and LABELS[ADDED] in compared.out
    alone = cli("render", path, "--scenario", "kontaktperson-forskola", "--format", "dot")
    assert alone.code == 0 and "scenario-" not in alone.out and "soc-avslut2" not in alone.out


def test_golden_scenario_layer():
    from tests.render_helpers import check_golden, normalise_svg

    _, drawing = layered("noor", "ett-familjeombud")
    check_golden("noor.ett-familjeombud.layer.dot", drawing.dot)
    check_golden("noor.ett-familjeombud.layer.svg", normalise_svg(drawing.svg()))


def test_the_table_in_the_docs_is_what_the_examples_do():
    from tests.conftest import ROOT

    docs = (ROOT / "docs" / "render.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\w+), `([a-z0-9-]+)` \| (.+) \|$", docs, re.M)
    expected = {(name, scenario_id) for name, scenario_id in example_scenarios() if "/" not in name}
    assert {(name, sid) for name, sid, _ in rows} == expected
    for name, scenario_id, cells in rows:
        changes = changes_of(name, scenario_id)
        counts = [" / ".join(str(changes.count(action, kind)) for action in (ADDED, CHANGED, REMOVED))
                  for kind in ("events", "supports", "factors")]
        assert cells.split(" | ") == counts, (name, scenario_id)


def test_a_removed_element_prints_faded_in_grayscale():
    """Rasterised and converted to grey: the text of a removed event is a light grey (under its
    veil), an unchanged one stays black; the strike-through line stays black."""
    import io

    from PIL import Image

    journey, drawing = layered("kim", "kontaktperson-forskola")
    image = Image.open(io.BytesIO(drawing.as_format("png"))).convert("L")
    scale = image.width / drawing.width
    layer = scenario_layer(journey.graph, journey.changes)
    layout = layout_timeline(layer.graph, number_gaps(journey.gaps, journey.comparison), catalog(), PRINT)
    marks = {m.event.id: m for m in layout.events}

    def darkest(box) -> int:
        return image.crop(tuple(round(v * scale) for v in (box.x, box.y, box.right, box.bottom))).getextrema()[0]

    removed, kept = marks["soc-avslut2"], marks["soc-samtal"]
    label = removed.label
    second_line = Box(label.x, label.y + label.h / 2, label.w, label.h / 2)  # not struck through
    assert darkest(second_line) > 150
    assert darkest(kept.label) < 60
    assert darkest(Box(label.x, removed.marker.centre[1] - 0.4, label.w, 0.8)) < 60
