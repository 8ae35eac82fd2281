"""Each validation rule: a file that breaks it, and a file that keeps it."""

from __future__ import annotations

import pytest

from persona.errors import PersonaInvalid
from persona.load import parse_persona
from tests.conftest import persona_text


def problems(body: str) -> list[str]:
    try:
        parse_persona(persona_text(body), "t.yaml")
    except PersonaInvalid as exc:
        return [p.key for p in exc.problems]
    return []


CASES = {
    # rule: (breaks it, keeps it)
    "field.unknown_key": (
        "events:\n  - {id: a, age: 1, kind: life, label: x, colour: red}\n",
        "events:\n  - {id: a, age: 1, kind: life, label: x}\n",
    ),
    "field.not_number": (
        "events:\n  - {id: a, age: tidigt, kind: life, label: x}\n",
        "events:\n  - {id: a, age: 1.5, kind: life, label: x}\n",
    ),
    "field.decimal_comma": (
        "events:\n  - id: a\n    age: 1,5\n    kind: life\n    label: x\n",
        "events:\n  - id: a\n    age: 1.5\n    kind: life\n    label: x\n",
    ),
    "field.too_large": (
        "events:\n  - {id: a, age: 25.5, kind: life, label: x}\n",
        "events:\n  - {id: a, age: 25, kind: life, label: x}\n",
    ),
    "field.too_small": (
        "events:\n  - {id: a, age: -0.5, kind: life, label: x}\n",
        "events:\n  - {id: a, age: 0, kind: life, label: x}\n",
    ),
    "field.unknown_word": (
        "supports:\n  - {id: s, agency: school, level: erly, label: x, from: 1}\n",
        "supports:\n  - {id: s, agency: school, level: early, label: x, from: 1}\n",
    ),
    "field.not_slug": (
        "events:\n  - {id: Skol Start, age: 6, kind: life, label: x}\n",
        "events:\n  - {id: skol-start_1, age: 6, kind: life, label: x}\n",
    ),
    "field.not_list": (
        "events:\n  - {id: s, age: 9, kind: coordination, agency: social, with: school}\n",
        "events:\n  - {id: s, age: 9, kind: coordination, agency: social, with: [school]}\n",
    ),
    "field.not_bool": (
        "events:\n  - {id: a, age: 1, kind: contact, agency: bvc, label: x, child_heard: kanske}\n",
        "events:\n  - {id: a, age: 1, kind: contact, agency: bvc, label: x, child_heard: true}\n",
    ),
    "ref.duplicate_id": (
        "events:\n  - {id: a, age: 1, kind: life, label: x}\nfactors:\n"
        "  - {id: a, type: risk, domain: world, label: y, from: 1}\n",
        "events:\n  - {id: a, age: 1, kind: life, label: x}\nfactors:\n"
        "  - {id: b, type: risk, domain: world, label: y, from: 1}\n",
    ),
    "ref.unknown_agency": (
        "events:\n  - {id: a, age: 1, kind: contact, agency: bvcc, label: x}\n",
        "events:\n  - {id: a, age: 1, kind: contact, agency: bvc, label: x}\n",
    ),
    "ref.unknown_event": (
        "events:\n  - {id: a, age: 1, kind: signal, agency: bvc, label: x}\n"
        "  - {id: b, age: 2, kind: contact, agency: bvc, label: y, responds_to: c}\n",
        "events:\n  - {id: a, age: 1, kind: signal, agency: bvc, label: x}\n"
        "  - {id: b, age: 2, kind: contact, agency: bvc, label: y, responds_to: a}\n",
    ),
    "ref.responds_to_later": (
        "events:\n  - {id: a, age: 3, kind: signal, agency: bvc, label: x}\n"
        "  - {id: b, age: 2, kind: contact, agency: bvc, label: y, responds_to: a}\n",
        "events:\n  - {id: a, age: 2, kind: signal, agency: bvc, label: x}\n"
        "  - {id: b, age: 2, kind: contact, agency: bvc, label: y, responds_to: a}\n",
    ),
    "ref.to_before_from": (
        "supports:\n  - {id: s, agency: school, level: early, label: x, from: 9, to: 8.5}\n",
        "supports:\n  - {id: s, agency: school, level: early, label: x, from: 9, to: 9}\n",
    ),
    "ref.unknown_role": (
        "people:\n  - {id: m, role: mamma, label: Mamma}\n",
        "people:\n  - {id: m, role: parent, label: Mamma}\n",
    ),
    "ref.unknown_sector": (
        "agencies:\n  - {id: pil, label: PIL, sector: fritid}\n",
        "agencies:\n  - {id: pil, label: PIL, sector: leisure}\n",
    ),
    "kind.agency_required": (
        "events:\n  - {id: a, age: 1, kind: signal, label: x}\n",
        "events:\n  - {id: a, age: 1, kind: life, label: x}\n",
    ),
    "kind.field_required": (
        "events:\n  - {id: a, age: 6, kind: transition, from: preschool, to: school}\n",
        "events:\n  - {id: a, age: 6, kind: transition, from: preschool, to: school, handover: none}\n",
    ),
    "kind.field_not_allowed": (
        "events:\n  - {id: a, age: 1, kind: contact, agency: bvc, label: x, to: bup}\n",
        "events:\n  - {id: a, age: 1, kind: referral, agency: bvc, label: x, to: bup}\n",
    ),
    "kind.label_required": (
        "events:\n  - {id: a, age: 1, kind: contact, agency: bvc}\n",
        "events:\n  - {id: a, age: 1, kind: referral, agency: bvc, to: bup}\n",
    ),
    "scenario.unknown_target": (
        "events:\n  - {id: a, age: 1, kind: life, label: x}\n"
        "scenarios:\n  - {id: s, label: S, changes: [{remove: b}]}\n",
        "events:\n  - {id: a, age: 1, kind: life, label: x}\n"
        "scenarios:\n  - {id: s, label: S, changes: [{remove: a}]}\n",
    ),
    "scenario.one_action": (
        "events:\n  - {id: a, age: 1, kind: life, label: x}\n"
        "scenarios:\n  - {id: s, label: S, changes: [{remove: a, set: {id: a, age: 2}}]}\n",
        "events:\n  - {id: a, age: 1, kind: life, label: x}\n"
        "scenarios:\n  - {id: s, label: S, changes: [{set: {id: a, age: 2}}]}\n",
    ),
    "scenario.set_needs_id": (
        "events:\n  - {id: a, age: 1, kind: life, label: x}\n"
        "scenarios:\n  - {id: s, label: S, changes: [{set: {age: 2}}]}\n",
        "events:\n  - {id: a, age: 1, kind: life, label: x}\n"
        "scenarios:\n  - {id: s, label: S, changes: [{set: {id: a, age: 2}}]}\n",
    ),
}


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule_fires(rule: str):
    assert rule in problems(CASES[rule][0])


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule_stays_quiet(rule: str):
    assert problems(CASES[rule][1]) == []


def test_scenario_changes_are_checked_like_the_persona():
    body = (
        "events:\n  - {id: a, age: 6, kind: transition, from: preschool, to: school, handover: none}\n"
        "scenarios:\n  - id: s\n    label: S\n    changes:\n"
        "      - add: {id: kp, age: 3, agency: preschol, kind: coordination, label: Kontaktperson}\n"
        "      - set: {id: a, handover: fully}\n"
        "      - add: {id: a, age: 4, kind: life, label: dubblett}\n"
    )
    assert problems(body) == ["ref.unknown_agency", "field.unknown_word", "ref.duplicate_id"]


def test_a_scenario_may_build_on_its_own_earlier_changes():
    body = (
        "events:\n  - {id: a, age: 1, kind: life, label: x}\n"
        "scenarios:\n  - id: s\n    label: S\n    changes:\n"
        "      - add: {id: kp, age: 3, agency: preschool, kind: coordination, label: K}\n"
        "      - set: {id: kp, age: 2}\n"
        "      - remove: kp\n"
    )
    assert problems(body) == []


def test_all_problems_are_reported_at_once():
    body = (
        "events:\n  - {id: a, age: 1, kind: signl, agency: bvc, label: x}\n"
        "  - {id: b, age: 2, kind: contact, agency: bvcc, label: y}\n"
        "  - {id: c, age: 30, kind: life, label: z}\n"
    )
    assert sorted(problems(body)) == ["field.too_large", "field.unknown_word", "ref.unknown_agency"]


def test_persona_agencies_join_the_vocabulary():
    body = (
        "agencies:\n  - {id: pil, label: PIL – Prevention i Lidköping, sector: leisure}\n"
        "events:\n  - {id: a, age: 12, kind: contact, agency: pil, label: Samtal}\n"
    )
    loaded = parse_persona(persona_text(body), "t.yaml")
    assert loaded.vocabulary.agency_label("pil", "sv") == "PIL – Prevention i Lidköping"
    assert loaded.vocabulary.sector_of("pil") == "leisure"


def test_did_you_mean_in_the_words(sv):
    try:
        parse_persona(persona_text("events:\n  - {id: a, age: 1, kind: contact, agency: bupp, label: x}\n"), "lisa.yaml")
    except PersonaInvalid as exc:
        assert exc.lines(sv) == ["lisa.yaml:5:44: okänd verksamhet 'bupp' — menade du 'bup'?"]
    else:
        pytest.fail("an unknown agency must be refused")
