"""Follow-ups of issues 9 and 10: the engine's known noise, each fix fired and kept quiet.

- an agency of a municipality the child has left stops counting at the move (``uncoordinated``
  after Elias's moves);
- ``no-sip`` counts only the child's own, targeted supports (not a sibling's LSS, not BVC's
  universal programme).
"""

from __future__ import annotations

import pytest

from tests.rule_helpers import after, events, gaps_of, graph_of, supports

MOVE = ("{id: m, age: 5, kind: transition, from: social, to: social_b, handover: none, label: Flytt}")
NEW_PLACE = "agencies:\n  - {id: social_b, label: Socialtjänsten i kommun B, sector: social}\n"


# --- the move: the agency the family left is not active after it ----------------------------
def test_the_agency_the_child_left_stops_counting_at_the_move():
    graph = graph_of(NEW_PLACE + events("{id: a, age: 4.5, kind: contact, agency: social, label: Möte}", MOVE))
    assert "social" in graph.active_agencies(5)
    assert "social" not in graph.active_agencies(after(5, 1))
    assert "social_b" in graph.active_agencies(after(5, 170))


def test_without_a_move_the_agency_stays_active_its_window_after_its_last_event():
    graph = graph_of(events("{id: a, age: 4.5, kind: contact, agency: social, label: Möte}",
                            "{id: b, age: 5, kind: contact, agency: social, label: Möte}"))
    assert "social" in graph.active_agencies(after(5, 180))


def test_closing_the_file_after_the_move_ends_the_old_agency_there():
    graph = graph_of(NEW_PLACE + events("{id: a, age: 4.5, kind: contact, agency: social, label: Möte}", MOVE,
                                        "{id: c, age: 5.1, kind: closure, agency: social, label: Avslut}"))
    assert "social" in graph.active_agencies(5.1)
    assert "social" not in graph.active_agencies(after(5.1, 1))


def test_a_child_who_comes_back_keeps_the_agency_active():
    back = "{id: n, age: 5.2, kind: transition, from: social_b, to: social, handover: none, label: Tillbaka}"
    graph = graph_of(NEW_PLACE + events("{id: a, age: 4.5, kind: contact, agency: social, label: Möte}", MOVE, back))
    assert "social" in graph.active_agencies(after(5.2, 180))
    assert "social_b" not in graph.active_agencies(after(5.2, 1))


def test_a_transition_within_one_agency_is_no_leaving():
    graph = graph_of(events("{id: h, age: 12.5, kind: transition, from: school, to: school, handover: none, label: Högstadiet}"))
    assert "school" in graph.active_agencies(after(12.5, 180))


MOVED = NEW_PLACE + supports("{id: s, agency: school, level: early, label: Stöd, from: 3, to: 8}") + events(
    "{id: a, age: 4.5, kind: contact, agency: social, label: Möte}", MOVE,
    "{id: b, age: 5.05, kind: contact, agency: social_b, label: Första mötet}",
    "{id: b2, age: 5.3, kind: contact, agency: social_b, label: Nästa möte}")


def test_uncoordinated_does_not_count_the_municipality_left_behind():
    assert not gaps_of(MOVED, "uncoordinated", uncoordinated={"days": 90})


def test_uncoordinated_still_counts_three_agencies_that_are_all_there():
    there = MOVED + "  - {id: p, age: 5.1, kind: contact, agency: bup, label: BUP}\n"
    [gap] = gaps_of(there, "uncoordinated", uncoordinated={"days": 90})
    assert set(gap.agencies) == {"school", "social_b", "bup"} and gap.start == 5.1


# --- no-sip: only the child's own, targeted supports --------------------------------------
SIBLING = "people:\n  - {id: lillebror, role: sibling, label: Lillebror}\n"


def health_and_social(health: str = "", social: str = "") -> str:
    return supports(f"{{id: h, agency: bup, level: treatment, label: BUP, from: 8, to: 10{health}}}",
                    f"{{id: s, agency: lss, level: treatment, label: Korttidsvistelse, from: 8, to: 10{social}}}")


def test_no_sip_fires_for_the_childs_own_health_and_social_support():
    [gap] = gaps_of(SIBLING + health_and_social(), "no-sip")
    assert gap.agencies == ("bup", "lss")


def test_no_sip_does_not_count_a_siblings_support_as_the_childs():
    assert not gaps_of(SIBLING + health_and_social(social=", for: lillebror"), "no-sip")
    assert not gaps_of(SIBLING + health_and_social(health=", for: lillebror"), "no-sip")


def test_no_sip_does_not_count_the_universal_programme_as_health_care():
    universal = supports("{id: h, agency: bvc, level: promotive, label: Basprogrammet, from: 0, to: 6}",
                         "{id: s, agency: family_treatment, level: early, label: Familjebehandling, from: 1.5, to: 3}")
    assert not gaps_of(universal, "no-sip")
    targeted = universal.replace("level: promotive", "level: preventive")
    [gap] = gaps_of(targeted, "no-sip")
    assert gap.agencies == ("bvc", "family_treatment")


def test_a_support_for_someone_else_still_shows_on_the_graph():
    graph = graph_of(SIBLING + health_and_social(social=", for: lillebror"))
    assert [s.id for s in graph.supports()] == ["h", "s"]
    assert [s.id for s in graph.own_targeted_supports()] == ["h"]


# --- for: names someone under people: -----------------------------------------------------
def test_for_must_name_someone_under_people(sv, en):
    from persona.errors import PersonaInvalid
    from persona.load import parse_persona
    from tests.conftest import persona_text

    body = SIBLING + supports("{id: s, agency: lss, level: treatment, label: K, from: 6, for: lillebro}")
    with pytest.raises(PersonaInvalid) as caught:
        parse_persona(persona_text(body), "t.yaml")
    [problem] = caught.value.problems
    assert problem.key == "ref.unknown_person"
    [line] = caught.value.lines(sv)
    assert line.startswith("t.yaml:7:") and "'lillebro'" in line and "menade du 'lillebror'?" in line
    [nobody] = pytest.raises(PersonaInvalid, parse_persona,
                             persona_text(body.replace(SIBLING, "")), "t.yaml").value.lines(en)
    assert "add the person under people:" in nobody
    assert parse_persona(persona_text(body.replace("lillebro}", "lillebror}")), "t.yaml").persona.supports[0].for_ \
        == "lillebror"
