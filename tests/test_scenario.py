"""Scenarios: changes applied to a copy, in order; the gaps they close, keep and open."""

from __future__ import annotations

import pytest

from persona.load import parse_persona
from persona.vocabulary import load_vocabulary

from journeys.gaps import Gap, find_gaps
from journeys.graph import build_graph
from journeys.scenario import ScenarioError, apply_scenario, compare_gaps
from tests.conftest import persona_text

BODY = """\
supports:
  - {id: resurs, agency: preschool, level: early, label: Resurs, from: 4, to: 6}
  - {id: bup-beh, agency: bup, level: treatment, label: BUP-samtal, from: 9, to: 10}
  - {id: soc, agency: social, level: early, label: Familjebehandling, from: 9, to: 10}
  - {id: kurator, agency: student_health, level: early, label: Kurator, from: 9, to: 10}
events:
  - {id: signal, age: 3.5, kind: signal, agency: preschool, label: Oro, responds_to: null, child_heard: true}
  - {id: svar, age: 3.6, kind: contact, agency: preschool, label: Samtal med mamma, responds_to: signal}
  - {id: skolstart, age: 6, kind: transition, from: preschool, to: school, handover: none}
  - {id: hord, age: 8.8, kind: contact, agency: school, label: Elevsamtal, child_heard: true}
  - {id: hord2, age: 10.5, kind: contact, agency: school, label: Elevsamtal, child_heard: true}
scenarios:
  - id: kontaktperson
    label: En namngiven kontaktperson och hela överlämningar
    changes:
      - add: {id: kp, age: 8.9, kind: coordination, agency: student_health, with: [bup, social, school], label: Namngiven kontaktperson}
      - set: {id: skolstart, handover: full}
      - add_support: {id: resurs-skola, agency: school, level: early, label: Resursen följer med, from: 6, to: 7}
  - id: sämre
    label: Utan svar
    changes:
      - remove: svar
"""


def load(body: str = BODY):
    return parse_persona(persona_text(body.replace("id: sämre", "id: samre")), "t.yaml", load_vocabulary())


def gaps(persona, vocabulary):
    return find_gaps(build_graph(persona, vocabulary))


def test_apply_scenario_changes_a_copy_in_order():
    loaded = load()
    changed = apply_scenario(loaded.persona, "kontaktperson", loaded.vocabulary)
    assert changed.event("kp") is not None and changed.event("skolstart").handover == "full"
    assert "resurs-skola" in {s.id for s in changed.supports}
    assert loaded.persona.event("kp") is None and loaded.persona.event("skolstart").handover == "none"
    assert apply_scenario(loaded.persona, "samre").event("svar") is None


def test_named_contact_person_and_full_handovers_close_the_gaps_they_should():
    loaded = load()
    before = gaps(loaded.persona, loaded.vocabulary)
    assert {"broken-handover", "no-sip", "uncoordinated"} <= {g.rule for g in before}
    after = gaps(apply_scenario(loaded.persona, "kontaktperson", loaded.vocabulary), loaded.vocabulary)
    comparison = compare_gaps(before, after)
    assert {g.rule for g in comparison.closed} == {"broken-handover", "no-sip", "uncoordinated"}
    assert comparison.new == ()
    assert len(comparison.remaining) == len(before) - len(comparison.closed)


def test_a_scenario_can_open_a_new_gap():
    loaded = load()
    before = gaps(loaded.persona, loaded.vocabulary)
    comparison = compare_gaps(before, gaps(apply_scenario(loaded.persona, "samre"), loaded.vocabulary))
    assert [g.rule for g in comparison.new] == ["unanswered-signal"] and comparison.closed == ()


def test_compare_matches_by_rule_and_overlapping_span():
    a = Gap(rule="uncoordinated", start=10, end=12)
    moved = Gap(rule="uncoordinated", start=11.5, end=13)
    apart = Gap(rule="uncoordinated", start=14, end=15)
    other_rule = Gap(rule="voice-not-heard", start=10, end=12)
    result = compare_gaps([a], [moved, apart, other_rule])
    assert result.closed == () and result.remaining == (moved,) and set(result.new) == {apart, other_rule}
    assert compare_gaps([a], []).closed == (a,)


def test_unknown_scenario_is_a_clear_error(sv):
    loaded = load()
    with pytest.raises(ScenarioError) as caught:
        apply_scenario(loaded.persona, "kontaktpersn")
    [line] = caught.value.lines(sv)
    assert "kontaktpersn" in line and "kontaktperson" in line


def test_a_scenario_of_a_persona_without_scenarios_says_there_is_none_to_choose(sv, en):
    persona = parse_persona(persona_text(), "t.yaml").persona
    with pytest.raises(ScenarioError) as caught:
        apply_scenario(persona, "z")
    assert caught.value.lines(sv) == ["test: scenariot 'z' finns inte i personan — det finns inget att välja här"]
    assert caught.value.lines(en)[0].endswith("there is nothing to choose from here")


@pytest.mark.parametrize("change, key", [
    ({"remove": "finns-inte"}, "scenario_apply.unknown_target"),
    ({"set": {"id": "skolstart", "handover": "lite"}}, "scenario_apply.invalid"),
    ({"add": {"id": "svar", "age": 5, "kind": "contact", "agency": "school", "label": "x"}}, "scenario_apply.duplicate_id"),
])
def test_an_invalid_change_built_in_code_never_passes_silently(change, key, sv):
    from persona.model import Change, Scenario

    loaded = load()
    broken = loaded.persona.model_copy(update={"scenarios": (Scenario(id="x", label="x", changes=(Change(**change),)),)})
    with pytest.raises(ScenarioError) as caught:
        apply_scenario(broken, "x", loaded.vocabulary)
    assert caught.value.problems[0].key == key
    assert "'x'" in caught.value.lines(sv)[0] and "1" in caught.value.lines(sv)[0]


def test_a_change_with_an_unknown_agency_is_caught_with_the_vocabulary():
    from persona.model import Change, Scenario

    loaded = load()
    change = Change(add={"id": "ny", "age": 5, "kind": "contact", "agency": "bupp", "label": "x"})
    broken = loaded.persona.model_copy(update={"scenarios": (Scenario(id="x", label="x", changes=(change,)),)})
    with pytest.raises(ScenarioError) as caught:
        apply_scenario(broken, "x", loaded.vocabulary)
    assert caught.value.problems[0].key == "ref.unknown_agency"


def test_an_invalid_scenario_in_a_file_is_refused_with_its_line():
    from persona.errors import PersonaInvalid

    text = BODY.replace("- remove: svar", "- remove: svarr").replace("id: sämre", "id: samre")
    with pytest.raises(PersonaInvalid) as caught:
        parse_persona(persona_text(text), "t.yaml", load_vocabulary())
    assert caught.value.problems[0].position is not None
