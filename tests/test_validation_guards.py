"""Direct tests for checks of persona/validate.py that nothing but chance guarded.

Each was found by a one-line change to the check that the whole suite let pass (see the
report of issue 14); every test here fails under that change and passes without it.
"""

from __future__ import annotations

import pytest

from persona.errors import PersonaInvalid, Problem
from persona.load import parse_persona
from tests.conftest import persona_text


def problems(body: str) -> list[Problem]:
    try:
        parse_persona(persona_text(body), "t.yaml")
    except PersonaInvalid as exc:
        return exc.problems
    return []


def keys(body: str) -> list[str]:
    return [p.key for p in problems(body)]


@pytest.mark.parametrize("bad, good", [
    # the receiver of a report of concern is an agency
    ("{id: a, age: 1, kind: report, agency: school, to: socialx}", "{id: a, age: 1, kind: report, agency: school, to: social}"),
    # every partner of a coordination is an agency
    ("{id: a, age: 1, kind: coordination, agency: social, with: [school, bupp], label: x}",
     "{id: a, age: 1, kind: coordination, agency: social, with: [school, bup], label: x}"),
])
def test_agency_references_in_to_and_with_are_checked(bad: str, good: str):
    assert keys(f"events:\n  - {bad}\n") == ["ref.unknown_agency"]
    assert keys(f"events:\n  - {good}\n") == []


def test_a_transition_names_from_and_to_not_an_agency():
    body = "events:\n  - {id: t, age: 6, kind: transition, from: preschool, to: school, handover: full, agency: school}\n"
    (problem,) = problems(body)
    assert problem.key == "kind.field_not_allowed" and problem.params["field"] == "agency"
    assert keys(body.replace(", agency: school", "")) == []


def test_field_not_allowed_points_at_the_key():
    body = "events:\n  - {id: a, age: 1, kind: contact, agency: bvc, label: x, to: bup}\n"
    (problem,) = problems(body)
    line = persona_text(body).splitlines()[problem.position.line - 1]
    assert line[problem.position.column - 1:].startswith("to: bup")


def test_relabelling_a_vocabulary_agency_does_not_take_its_id():
    relabel = "agencies:\n  - {id: bup, label: BUP Skaraborg, sector: health}\n"
    assert keys(relabel + "events:\n  - {id: bup, age: 1, kind: life, label: x}\n") == []


def test_an_agency_of_the_persona_owns_its_id():
    own = "agencies:\n  - {id: pil, label: PIL, sector: leisure}\n"
    assert keys(own + "events:\n  - {id: pil, age: 1, kind: life, label: x}\n") == ["ref.duplicate_id"]


def test_a_duplicate_id_does_not_change_the_age_a_response_is_measured_against():
    body = ("events:\n  - {id: s, age: 1, kind: signal, agency: bvc, label: x}\n"
            "  - {id: s, age: 5, kind: signal, agency: bvc, label: y}\n"
            "  - {id: c, age: 3, kind: contact, agency: bvc, label: z, responds_to: s}\n")
    assert keys(body) == ["ref.duplicate_id"]


def test_scenarios_are_checked_one_by_one():
    """Two scenarios may each add an item with the same id: they never apply together."""
    body = ("events:\n  - {id: a, age: 1, kind: life, label: x}\n"
            "scenarios:\n"
            "  - {id: s1, label: S1, changes: [{add: {id: kp, age: 3, kind: life, label: k}}]}\n"
            "  - {id: s2, label: S2, changes: [{add: {id: kp, age: 4, kind: life, label: k}}]}\n")
    assert keys(body) == []
    twice = body.replace("S2, changes: [", "S2, changes: [{add: {id: kp, age: 2, kind: life, label: k}}, ")
    assert keys(twice) == ["ref.duplicate_id"]


def test_a_removed_item_cannot_be_changed_later_in_the_scenario():
    body = ("events:\n  - {id: a, age: 1, kind: life, label: x}\n"
            "scenarios:\n  - {id: s, label: S, changes: [{remove: a}, {set: {id: a, age: 2}}]}\n")
    assert keys(body) == ["scenario.unknown_target"]
    assert keys(body.replace("{remove: a}, ", "")) == []


def test_true_is_not_an_age():
    body = "factors:\n  - {id: f, type: risk, domain: world, label: x, from: 2, to: true}\n"
    assert "ref.to_before_from" not in keys(body)
    assert keys(body) == ["field.not_number"]


def test_a_scenario_setting_an_invalid_item_does_not_report_it_twice():
    body = ("events:\n  - {id: a, age: 30, kind: life, label: x}\n"
            "scenarios:\n  - {id: s, label: S, changes: [{set: {id: a, label: y}}]}\n")
    assert keys(body) == ["field.too_large"]


@pytest.mark.parametrize("agency_id", ["[bup, pil]", "{a: 1}"])
def test_an_agency_id_that_is_not_text_is_a_problem_not_a_crash(agency_id: str):
    """Found by tests/test_fuzz.py: a list as an agency's id was looked up in the vocabulary's
    agencies (TypeError: unhashable type); now it is an ordinary shape problem with its line."""
    found = problems(f"agencies:\n  - {{id: {agency_id}, label: PIL, sector: leisure}}\n")
    assert [(p.key, p.position.line if p.position else None) for p in found] == [("field.not_text", 5)]
