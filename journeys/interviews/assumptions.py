"""Which elements of a persona are assumptions: those without sources, once interviews are at hand."""

from __future__ import annotations

from pathlib import Path

from persona.model import Event, Factor, Persona, Support
from persona.vocabulary import Vocabulary

from journeys.interviews.records import read_interviews


def assumption_ids(persona: Persona, interviews: str | Path | None,
                   vocabulary: Vocabulary | None = None) -> frozenset[str]:
    """Ids of the events, factors and supports that cite no interview; none when no interview
    folder is given (a persona not composed from interviews has no assumptions to show). The
    folder's records are read, so that a wrong folder is said, not silently ignored."""
    if interviews is None:
        return frozenset()
    read_interviews([interviews], vocabulary)
    elements: list[Event | Factor | Support] = [*persona.events, *persona.factors, *persona.supports]
    return frozenset(e.id for e in elements if not e.sources)
