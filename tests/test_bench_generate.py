"""The benchmark's persona generator: valid, deterministic, a realistic mix."""

from __future__ import annotations

from persona.load import parse_persona
from persona.model import EVENT_KINDS

from bench.generate import generate_persona_text
from journeys.gaps import find_gaps
from journeys.graph import build_graph


def test_generated_personas_are_valid_deterministic_and_mixed():
    text = generate_persona_text(400, seed=3)
    assert text == generate_persona_text(400, seed=3) != generate_persona_text(400, seed=4)
    loaded = parse_persona(text, "bench.yaml")
    persona = loaded.persona
    assert len(persona.events) == 400 and persona.supports and persona.factors
    assert {e.kind for e in persona.events} == set(EVENT_KINDS)
    assert any(e.responds_to for e in persona.events)
    assert find_gaps(build_graph(persona, loaded.vocabulary))


def test_crowded_personas_pack_long_labels_into_tight_clusters():
    text = generate_persona_text(150, crowded=True)
    assert text == generate_persona_text(150, crowded=True) != generate_persona_text(150)
    persona = parse_persona(text, "crowded.yaml").persona
    ages = sorted(e.age for e in persona.events)
    assert len(ages) == 150 and persona.people
    assert all(ages[i + 5] - ages[i] <= 0.25 for i in range(0, 150, 6))  # six events within three months
    assert max(len(e.label.split()) for e in persona.events) >= 8
    assert any(ch in "".join(e.label for e in persona.events) for ch in "åäö")
