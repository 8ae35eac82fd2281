"""The chain questions networkx answers: the sub-graphs themselves, and queries that only a
right search gets right (time order in who-knew, steps before time in answer chains, cycles
only within one chain of referrals)."""

from __future__ import annotations

import networkx as nx

from tests.rule_helpers import events, graph_of, supports


def test_the_telling_graph_holds_who_told_whom_and_when():
    graph = graph_of(events(
        "{id: i, age: 5, kind: information, agency: school, to: student_health}",
        "{id: j, age: 6, kind: information, agency: school, to: student_health}",
        "{id: m, age: 7, kind: coordination, agency: social, with: [bup]}",
        "{id: h, age: 8, kind: transition, from: bup, to: habilitation, handover: full}",
        "{id: p, age: 9, kind: transition, from: bup, to: logoped, handover: partial}"))
    telling = graph.telling
    assert isinstance(telling, nx.DiGraph)
    assert telling.edges["school", "student_health"]["ages"] == (5, 6)
    assert telling.has_edge("social", "bup") and telling.has_edge("bup", "social")
    assert telling.has_edge("bup", "habilitation")
    assert not telling.has_edge("bup", "logoped"), "a partial hand-over tells nothing"


def test_who_knew_waits_for_a_telling_after_the_agency_learnt():
    graph = graph_of(events(
        "{id: a, age: 5, kind: information, agency: school, to: bvc}",
        "{id: b, age: 4.9, kind: information, agency: bvc, to: social}",
        "{id: c, age: 6, kind: information, agency: bvc, to: social}",
        "{id: d, age: 5.5, kind: information, agency: bvc, to: bup}"))
    assert graph.learned("school", 4, 20) == {"school": 4, "bvc": 5, "bup": 5.5, "social": 6}
    assert graph.learned("school", 4, 5.9) == {"school": 4, "bvc": 5, "bup": 5.5}
    assert graph.learned("social", 0, 20) == {"social": 0}, "an agency that told no one reaches no one"


def test_who_knew_takes_the_earliest_of_two_routes():
    graph = graph_of(events(
        "{id: a, age: 5, kind: information, agency: school, to: bvc}",
        "{id: b, age: 7, kind: information, agency: bvc, to: social}",
        "{id: c, age: 5.2, kind: information, agency: school, to: bup}",
        "{id: d, age: 5.4, kind: information, agency: bup, to: social}"))
    assert graph.learned("school", 5, 20)["social"] == 5.4


def test_the_response_graph_and_a_branching_answer_chain():
    graph = graph_of(events(
        "{id: r, age: 9, kind: report, agency: school, to: social}",
        "{id: f, age: 9.1, kind: assessment, agency: social, label: F, responds_to: r}",
        "{id: g, age: 9.15, kind: contact, agency: bup, label: G, responds_to: r}",
        "{id: d, age: 9.2, kind: decision, agency: social, label: D, responds_to: f}",
        "{id: e, age: 9.18, kind: contact, agency: bup, label: E, responds_to: g}"))
    assert list(graph.responses.successors("r")) == ["f", "g"]
    assert [e.id for e in graph.answer_chain("r", 2, passes=lambda e: True)] == ["f", "g", "d", "e"]
    assert [e.id for e in graph.answer_chain("r", 2, passes=lambda e: e.agency == "bup")] == ["f", "g", "e"]
    assert list(graph.answer_chain("d", 3, passes=lambda e: True)) == []


def test_the_referral_graph_links_sending_on_and_coming_back():
    graph = graph_of(events("{id: a, age: 3, kind: referral, agency: bvc, to: bup}",
                            "{id: b, age: 3.4, kind: referral, agency: bup, to: habilitation}",
                            "{id: c, age: 3.8, kind: referral, agency: habilitation, to: bvc}"))
    referrals = graph.referrals(1.0)
    assert referrals.edges["a", "b"]["relation"] == "on"
    assert referrals.edges["c", "a"]["relation"] == "back"
    assert nx.find_cycle(referrals) == [("a", "b"), ("b", "c"), ("c", "a")]
    assert [[r.id for r in circle] for circle in graph.referral_circles(1.0)] == [["a", "b", "c"]]


def test_a_circle_is_one_chain_not_any_loop_among_agencies():
    """bvc → bup and bup → bvc, but bup had already sent the child on elsewhere: no circle;
    and a support started at bup in between breaks the chain."""
    elsewhere = graph_of(events("{id: a, age: 3, kind: referral, agency: bvc, to: bup}",
                                "{id: b, age: 3.2, kind: referral, agency: bup, to: habilitation}",
                                "{id: c, age: 3.4, kind: referral, agency: bup, to: bvc}"))
    assert list(elsewhere.referral_circles(1.0)) == []
    body = events("{id: a, age: 3, kind: referral, agency: bvc, to: bup}",
                  "{id: b, age: 3.4, kind: referral, agency: bup, to: bvc}")
    assert [[r.id for r in c] for c in graph_of(body).referral_circles(1.0)] == [["a", "b"]]
    helped = graph_of(body + supports("{id: s, agency: bup, from: 3.2, to: 3.3, level: treatment, label: Stöd}"))
    assert list(helped.referral_circles(1.0)) == []


def test_circles_come_in_order_of_the_referral_that_closes_them():
    graph = graph_of(events("{id: a, age: 1, kind: referral, agency: bvc, to: bup}",
                            "{id: b, age: 1.2, kind: referral, agency: bup, to: habilitation}",
                            "{id: c, age: 1.4, kind: referral, agency: habilitation, to: bvc}",
                            "{id: d, age: 5, kind: referral, agency: school, to: social}",
                            "{id: e, age: 5.2, kind: referral, agency: social, to: school}"))
    assert [[r.id for r in c] for c in graph.referral_circles(1.0)] == [["a", "b", "c"], ["d", "e"]]
