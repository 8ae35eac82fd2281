"""The bundled examples are real workshop material: rich, complete and valid."""

from __future__ import annotations

from pathlib import Path

import pytest

from persona.load import read_persona
from persona.model import EVENT_KINDS, FACTOR_DOMAINS, SUPPORT_LEVELS
from tests.conftest import EXAMPLES

SWEDISH = sorted(p for p in EXAMPLES.glob("*.yaml") if not p.name.endswith(".catalogue.yaml"))


def test_three_swedish_examples_and_one_english():
    assert len(SWEDISH) >= 3
    assert any(read_persona(p).persona.ends for p in SWEDISH), "one young example whose record ends early"
    assert (EXAMPLES / "en" / "kim.yaml").exists()


@pytest.mark.parametrize("path", SWEDISH, ids=[p.stem for p in SWEDISH])
def test_example_is_rich(path: Path):
    persona = read_persona(path).persona
    ages = [e.age for e in persona.events]
    if persona.ends is None:
        assert len(persona.events) >= 40
        assert min(ages) < 2 and max(ages) > 17, "the life spans 0–20 years"
    else:
        assert len(persona.events) >= 25
        assert min(ages) < 1 and max(ages) >= persona.ends.age - 0.25, "the record is followed to its end"
    assert {e.kind for e in persona.events} == set(EVENT_KINDS)
    assert {f.domain for f in persona.factors} == set(FACTOR_DOMAINS)
    assert {f.type for f in persona.factors} == {"risk", "protective"}
    assert {s.level for s in persona.supports} == set(SUPPORT_LEVELS)
    assert persona.scenarios


def test_english_translation_keeps_the_structure():
    swedish = read_persona(EXAMPLES / "kim.yaml").persona
    english = read_persona(EXAMPLES / "en" / "kim.yaml").persona
    assert [(e.id, e.age, e.kind, e.agency) for e in english.events] == \
           [(e.id, e.age, e.kind, e.agency) for e in swedish.events]
    assert [s.id for s in english.scenarios] == [s.id for s in swedish.scenarios]
    assert english.summary != swedish.summary
