"""The default vocabulary, and a municipality's file on top of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from persona.errors import VocabularyInvalid
from persona.load import parse_persona
from persona.model import EVENT_KINDS, FACTOR_DOMAINS, SUPPORT_LEVELS
from persona.vocabulary import load_vocabulary
from tests.conftest import persona_text


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kommun.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_default_vocabulary_covers_the_schema():
    vocabulary = load_vocabulary()
    assert set(vocabulary.event_kinds) == set(EVENT_KINDS)
    assert set(vocabulary.support_levels) == set(SUPPORT_LEVELS)
    assert set(vocabulary.factor_domains) == set(FACTOR_DOMAINS)
    assert all(term.sector in vocabulary.sectors for term in vocabulary.agencies.values())
    assert vocabulary.agency_label("bup", "sv", short=True) == "BUP"


def test_a_municipality_adds_and_relabels_agencies(tmp_path: Path):
    path = write(tmp_path, "agencies:\n  pil: {sector: leisure, sv: PIL – Prevention i Lidköping}\n"
                           "  bup: {sv: BUP Skaraborg}\n")
    vocabulary = load_vocabulary(path)
    assert vocabulary.agency_label("pil", "en") == "PIL – Prevention i Lidköping"
    assert vocabulary.agency_label("bup", "sv") == "BUP Skaraborg"
    assert vocabulary.sector_of("bup") == "health"
    body = "events:\n  - {id: a, age: 12, kind: contact, agency: pil, label: Samtal}\n"
    parse_persona(persona_text(body), "t.yaml", vocabulary)


def test_the_override_can_come_from_the_environment(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("JOURNEYS_VOCABULARY", str(write(tmp_path, "agencies:\n  pil: {sector: leisure, sv: PIL}\n")))
    assert "pil" in load_vocabulary().agencies


def test_kinds_cannot_be_added(tmp_path: Path):
    with pytest.raises(VocabularyInvalid) as exc:
        load_vocabulary(write(tmp_path, "event_kinds:\n  gossip: {sv: Skvaller}\n"))
    problem = exc.value.problems[0]
    assert problem.key == "vocabulary.closed_group" and problem.position.line == 2


def test_kinds_can_be_relabelled(tmp_path: Path):
    vocabulary = load_vocabulary(write(tmp_path, "event_kinds:\n  report: {sv: Anmälan om oro}\n"))
    assert vocabulary.label("event_kinds", "report", "sv") == "Anmälan om oro"


def test_an_agency_needs_a_known_sector(tmp_path: Path):
    with pytest.raises(VocabularyInvalid) as exc:
        load_vocabulary(write(tmp_path, "agencies:\n  pil: {sector: fritid, sv: PIL}\n"))
    assert exc.value.problems[0].key == "vocabulary.unknown_sector"


def test_a_typo_in_the_file_is_reported_with_its_line(tmp_path: Path, cli):
    path = write(tmp_path, "agencies:\n  pil: {sector: leisure, sv: PIL, colour: red}\n")
    result = cli("--vocabulary", path, "schema")
    assert result.code == 2
    assert f"{path}:2:" in result.err and "colour" in result.err


def test_strings_can_be_overridden(tmp_path: Path, cli):
    path = write(tmp_path, "strings:\n  sv:\n    ref:\n      unknown_agency: 'vi känner inte till {value}'\n")
    bad = tmp_path / "p.yaml"
    bad.write_text(persona_text("events:\n  - {id: a, age: 1, kind: contact, agency: bupp, label: x}\n"), encoding="utf-8")
    result = cli("--vocabulary", path, "validate", bad)
    assert "vi känner inte till bupp" in result.out
