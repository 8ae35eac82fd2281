"""The journey graph: deterministic nodes and edges, and the queries the rules and pictures share."""

from __future__ import annotations

import pytest

from tests.rule_helpers import after, graph_of

BODY = """\
factors:
  - {id: r1, type: risk, domain: world, label: Ekonomi, from: 2, to: 8}
  - {id: r2, type: risk, domain: care, label: Konflikter, from: 4}
  - {id: p1, type: protective, domain: care, label: Mormor, from: 0, to: 6}
supports:
  - {id: spec, agency: school, level: early, label: Specialpedagog, from: 8, to: 10}
  - {id: logo, agency: logoped, level: early, from: 3, to: 4}
events:
  - {id: sprak, age: 2.5, kind: signal, agency: bvc, label: Sen språkutveckling}
  - {id: remiss, age: 2.6, kind: referral, agency: bvc, to: logoped, responds_to: sprak}
  - {id: skolstart, age: 6, kind: transition, from: preschool, to: school, handover: none}
  - {id: sip, age: 9, kind: coordination, agency: school, with: [bup, social]}
  - {id: flytt, age: 5, kind: life, label: Flyttar}
"""


def test_nodes_have_deterministic_ids_and_lanes():
    graph = graph_of(BODY).graph
    assert {"event:sprak", "support:spec", "factor:r1", "agency:bvc", "agency:logoped"} <= set(graph.nodes)
    assert graph.nodes["event:skolstart"]["lane"] == "school"
    assert graph.nodes["event:flytt"]["lane"] == "family"
    assert graph.nodes["support:spec"]["lane"] == "school"
    assert list(graph_of(BODY).graph.nodes) == list(graph.nodes)
    assert list(graph_of(BODY).graph.edges(keys=True)) == list(graph.edges(keys=True))


def test_edges_for_referral_response_transition_coordination_and_lane_order():
    graph = graph_of(BODY).graph
    assert graph.has_edge("event:remiss", "agency:logoped", key="to")
    assert graph.has_edge("event:sprak", "event:remiss", key="response")
    assert graph.has_edge("agency:preschool", "event:skolstart", key="from")
    assert graph.has_edge("event:skolstart", "agency:school", key="to")
    assert graph.has_edge("event:sip", "agency:bup", key="with")
    assert graph.has_edge("event:sprak", "event:remiss", key="next")  # both in the health lane
    assert graph.has_edge("support:spec", "agency:school", key="at")


def test_risk_load_is_risk_minus_protective_as_steps():
    journey = graph_of(BODY)
    assert journey.risk_steps() == ((0.0, -1), (2.0, 0), (4.0, 1), (6.0, 2), (8.0, 1))
    assert [journey.risk_load(a) for a in (1, 2, 5, 6, 7.9, 8, 15)] == [-1, 0, 1, 2, 2, 1, 1]


def test_active_agencies_within_180_days_of_an_event_or_during_a_support():
    journey = graph_of(BODY)
    assert journey.active_agencies(2.5) == {"bvc"}
    assert "bvc" not in journey.active_agencies(2.49), "not active before the first contact"
    assert "school" not in journey.active_agencies(7.9) and "school" in journey.active_agencies(8)
    assert "bvc" in journey.active_agencies(after(2.6, 180))
    assert "bvc" not in journey.active_agencies(after(2.6, 181))
    assert journey.active_agencies(9) == {"school", "bup", "social"}
    assert "school" in journey.active_agencies(10) and "school" not in journey.active_agencies(10.6)


def test_active_supports_first_signal_first_support():
    journey = graph_of(BODY)
    assert [s.id for s in journey.active_supports(3.5)] == ["logo"]
    assert journey.first_signal().id == "sprak"
    assert journey.first_support().id == "logo"
    empty = graph_of("")
    assert empty.first_signal() is None and empty.first_support() is None and empty.risk_steps() == ((0.0, 0),)


def test_the_activity_window_is_vocabulary_data(tmp_path):
    from persona.load import parse_persona
    from persona.vocabulary import load_vocabulary
    from journeys.graph import build_graph
    from tests.conftest import persona_text

    path = tmp_path / "v.yaml"
    path.write_text("rules:\n  active: {days: 30}\n", encoding="utf-8")
    loaded = parse_persona(persona_text(BODY), "t.yaml", load_vocabulary(path))
    journey = build_graph(loaded.persona, loaded.vocabulary)
    assert "bvc" not in journey.active_agencies(after(2.6, 31))


@pytest.mark.parametrize("age", [0, 2.5, 9, 19.9])
def test_events_between_includes_both_ends(age):
    journey = graph_of(BODY)
    assert all(age <= e.age <= age + 1 for e in journey.events_between(age, age + 1))
