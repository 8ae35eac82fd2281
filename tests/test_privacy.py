"""The fictional-data guard: true positives, and the look-alikes it must leave alone."""

from __future__ import annotations

import pytest

from persona.errors import PersonaInvalid
from persona.load import parse_persona
from persona.privacy import find_personal_data, luhn_ok
from tests.conftest import persona_text


@pytest.mark.parametrize("text, kind", [
    ("811218-9876", "personnummer"),
    ("19811218-9876", "personnummer"),
    ("8112189876", "personnummer"),
    ("198112189876", "personnummer"),
    ("121212+1212", "personnummer"),  # '+' for someone 100 or older
    ("701063-2391", "samordningsnummer"),  # day 63 = the 3rd
    ("070-123 45 67", "phone"),
    ("0701234567", "phone"),
    ("+46 70 123 45 67", "phone"),
    ("08-123 456 78", "phone"),
    ("031-12 34 56", "phone"),
    ("0046 8 123 45 67", "phone"),
    ("kalle.anka@kommun.se", "email"),
])
def test_personal_data_is_found(text: str, kind: str):
    found = find_personal_data(f"note: Se {text} här")
    assert [f.kind for f in found] == [kind]
    assert found[0].position.column == len("note: Se ") + 1


@pytest.mark.parametrize("text", [
    "811218-9875",        # wrong check digit
    "701063-2392",        # wrong check digit
    "811318-9876",        # month 13
    "2004-05-12",         # a date
    "20040512",           # a date without separators
    "12.5 år, 2004",      # ages and years
    "10 000 kr",          # amounts
    "2019-2021",          # a span of years
    "vecka 0-6",
    "version 1.2.3.4",
    "@kommun",            # a handle, no address
    "SIP 14.5",
])
def test_look_alikes_are_left_alone(text: str):
    assert find_personal_data(f"note: {text}") == []


def test_luhn():
    assert luhn_ok("8112189876")
    assert not luhn_ok("8112189875")


def test_comments_are_checked_too():
    found = find_personal_data("schema: 1\n# ring 070-123 45 67\n")
    assert [(f.kind, f.position.line) for f in found] == [("phone", 2)]


def test_validation_refuses_personal_data_by_default():
    with pytest.raises(PersonaInvalid) as exc:
        parse_persona(persona_text("summary: Bor på gatan, 811218-9876\n"), "t.yaml")
    assert [p.key for p in exc.value.problems] == ["privacy.personnummer"]


def test_privacy_can_be_downgraded_to_warnings():
    loaded = parse_persona(persona_text("summary: Bor på gatan, 811218-9876\n"), "t.yaml", privacy="warning")
    assert [p.key for p in loaded.warnings] == ["privacy.personnummer"]


def test_messages_never_repeat_the_whole_number(sv):
    with pytest.raises(PersonaInvalid) as exc:
        parse_persona(persona_text("summary: 811218-9876\n"), "t.yaml")
    line = exc.value.lines(sv)[0]
    assert "811218-9876" not in line and line.startswith("t.yaml:4:10:")
