"""Schema 1.1: a record that ends early (``ends: {age, reason}``).

The file is checked (nothing after the end), the timeline's horizon is the end, a rule's window
still open where the record ends is no gap, gaps stop at the end, and the pictures stop there.
"""

from __future__ import annotations

import pytest

from persona.errors import PersonaInvalid
from persona.load import parse_persona, read_persona
from tests.conftest import EXAMPLES, persona_text
from tests.rule_helpers import after, events, gaps_of, graph_of, supports


def problems(text: str) -> list[tuple[str, int | None]]:
    try:
        parse_persona(text, "t.yaml")
    except PersonaInvalid as exc:
        return [(p.key, p.position.line if p.position else None) for p in exc.problems]
    return []


def ends(age: float, reason: str = "moved") -> str:
    return f"ends: {{age: {age!r}, reason: {reason}}}\n"


# --- the file ------------------------------------------------------------------------------
@pytest.mark.parametrize("reason", ["death", "moved", "review", "other"])
def test_every_reason_is_read(reason):
    persona = parse_persona(persona_text(ends(4, reason)), "t.yaml").persona
    assert persona.ends is not None and persona.ends.age == 4 and persona.ends.reason == reason


def test_an_unknown_reason_is_refused_with_its_line():
    assert problems(persona_text(ends(4, "adopted"))) == [("field.unknown_word", 4)]


def test_schema_1_1_is_read_and_schema_1_stays_valid():
    assert problems("schema: 1.1\nid: t\nname: T\n") == []
    assert problems("schema: 1\nid: t\nname: T\n") == []
    assert [key for key, _ in problems("schema: 1.2\nid: t\nname: T\n")] == ["field.schema_version"]


def test_an_event_after_the_end_is_refused_at_its_age():
    body = ends(4) + events("{id: a, age: 4.1, kind: life, label: x}")
    assert problems(persona_text(body)) == [("ends.after_end", 6)]


def test_an_event_exactly_at_the_end_is_fine():
    assert problems(persona_text(ends(4) + events("{id: a, age: 4, kind: life, label: x}"))) == []


def test_a_period_that_starts_or_stops_after_the_end_is_refused():
    body = ends(4) + supports("{id: s, agency: bvc, level: promotive, from: 4.5}",
                              "{id: t, agency: bvc, level: promotive, from: 1, to: 4.5}",
                              "{id: u, agency: bvc, level: promotive, from: 1, to: 4}",
                              "{id: v, agency: bvc, level: promotive, from: 1}")
    assert problems(persona_text(body)) == [("ends.after_end", 6), ("ends.to_after_end", 7)]


def test_a_factor_after_the_end_is_refused():
    body = ends(4) + "factors:\n  - {id: f, type: risk, domain: care, label: x, from: 5}\n"
    assert [key for key, _ in problems(persona_text(body))] == ["ends.after_end"]


def test_a_scenario_cannot_add_an_event_after_the_end():
    body = ends(4) + ("scenarios:\n  - id: s\n    label: S\n    changes:\n"
                      "      - add: {id: a, age: 6, kind: life, label: x}\n")
    assert [key for key, _ in problems(persona_text(body))] == ["ends.after_end"]


def test_the_problem_is_worded_in_both_languages(sv, en):
    assert "4" in sv("ends.after_end", value="5", end="4") and "'ends:'" in sv("ends.after_end", value="5", end="4")
    assert "record ends" in en("ends.to_after_end", value="5", end="4")


# --- the graph -----------------------------------------------------------------------------
def test_the_horizon_is_the_end_of_the_record():
    graph = graph_of(ends(4) + events("{id: a, age: 1, kind: life, label: x}"))
    assert graph.horizon == 4 and graph.record_end == 4


def test_a_whole_life_keeps_its_horizon():
    graph = graph_of(events("{id: a, age: 1, kind: life, label: x}"))
    assert graph.horizon == 20 and graph.record_end is None


# --- the rules: a window still open at the end is no gap ------------------------------------
SIGNAL = "{id: s, age: 3, kind: signal, agency: preschool, label: Orolig}"
REFERRAL = "{id: r, age: 3, kind: referral, agency: bvc, to: bup, label: Remiss}"
REPORT = "{id: r, age: 3, kind: report, agency: preschool, label: Anmälan}"


@pytest.mark.parametrize("rule, event, days, settings", [
    ("unanswered-signal", SIGNAL, 90, {}),
    ("referral-wait", REFERRAL, 30, {}),
    ("report-no-decision", REPORT, 14, {"report_no_decision": {"enabled": True}}),
    ("late-first-support", SIGNAL, 365.25, {}),
])
def test_a_waiting_window_open_at_the_end_is_no_gap(rule, event, days, settings):
    closes_at = after(3, days)
    assert gaps_of(ends(closes_at - 0.004) + events(event), rule, **settings) == ()
    [gap] = gaps_of(ends(closes_at + 0.004) + events(event), rule, **settings)
    assert gap.end <= closes_at + 0.004
    [whole_life] = gaps_of(events(event), rule, **settings)
    assert whole_life.end == pytest.approx(closes_at)


def test_an_age_cliff_whose_window_is_open_at_the_end_is_no_gap():
    body = supports("{id: b, agency: bup, level: treatment, from: 15, to: 18}")
    assert [g.rule for g in gaps_of(body, "age-cliff")] == ["age-cliff"]
    assert gaps_of(ends(after(18, 89)) + body, "age-cliff") == ()
    assert [g.rule for g in gaps_of(ends(after(18, 91)) + body, "age-cliff")] == ["age-cliff"]


def test_a_support_lost_at_a_transition_is_not_counted_when_the_record_ends_first():
    body = supports("{id: p, agency: preschool, level: early, from: 3, to: 6}") + events(
        "{id: t, age: 6, kind: transition, from: preschool, to: school, handover: full, label: Skolstart}")
    assert [g.params["variant"] for g in gaps_of(body, "broken-handover")] == ["lost"]
    assert gaps_of(ends(after(6, 20)) + body, "broken-handover") == ()
    assert [g.params["variant"] for g in gaps_of(ends(after(6, 31)) + body, "broken-handover")] == ["lost"]


def test_a_gap_stops_where_the_record_ends():
    body = ends(4.2) + events("{id: t, age: 4.15, kind: transition, from: social, to: school, handover: none, "
                              "label: Flytt}")
    [gap] = gaps_of(body, "broken-handover")
    assert gap.start == 4.15 and gap.end == 4.2
    [whole_life] = gaps_of(body.replace(ends(4.2), ""), "broken-handover")
    assert whole_life.end == pytest.approx(after(4.15, 30))


# --- the example and the pictures ----------------------------------------------------------
def test_the_young_example_ends_early_and_its_gaps_stop_there():
    from journeys.gaps import find_gaps
    from journeys.graph import build_graph

    loaded = read_persona(EXAMPLES / "alva.yaml")
    persona = loaded.persona
    assert persona.ends is not None and persona.ends.reason == "moved"
    gaps = find_gaps(build_graph(persona, loaded.vocabulary))
    assert gaps and all(g.end <= persona.ends.age for g in gaps)


def test_the_timeline_stops_at_the_end_and_says_why(sv):
    from journeys.render.timeline_view import shown_until
    from journeys.render import timeline

    body = ends(4.5, "death") + supports("{id: s, agency: bvc, level: promotive, from: 0}")
    graph = graph_of(body)
    assert shown_until(graph, None) == 4.5 and shown_until(graph, 3.0) == 3.0 and shown_until(graph, 9.0) == 4.5
    assert shown_until(graph_of(""), 9.0) == 9.0 and shown_until(graph_of(""), None) is None
    dot = timeline(graph, (), sv).dot
    assert "Journalen slutar vid 4 år 6 mån: barnet dog" in dot
    assert "Journalen slutar" not in timeline(graph_of(body.replace(ends(4.5, "death"), "")), (), sv).dot


def test_the_timeline_of_an_ended_record_is_the_whole_life_drawn_until_the_end(sv):
    """The bars of what is still running stop at the end: the same picture as stepping to it."""
    from journeys.render import timeline

    body = supports("{id: s, agency: bvc, level: promotive, from: 0}")
    ended = timeline(graph_of(ends(4.5) + body), (), sv, legend=False).dot
    stepped = timeline(graph_of(body), (), sv, legend=False, until_age=4.5).dot
    strip = [line for line in ended.splitlines() if "Journalen slutar" not in line]
    assert "support:s" in ended
    assert [line for line in stepped.splitlines() if "support:s" in line] == \
           [line for line in strip if "support:s" in line]
