"""Follow-ups of issues 9 and 10: the engine's known noise, each fix fired and kept quiet.

- an agency of a municipality the child has left stops counting at the move (``uncoordinated``
  after Elias's moves);
- ``no-sip`` counts only the child's own, targeted supports (not a sibling's LSS, not BVC's
  universal programme).
"""

from __future__ import annotations

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
