"""Helpers for the rule tests: a small persona from YAML lines, its gaps for one rule."""

from __future__ import annotations

from typing import Any, Mapping

from persona.load import parse_persona
from persona.vocabulary import load_vocabulary

from journeys.ages import DAYS_PER_YEAR
from journeys.gaps import RULE_IDS, find_gaps, rule_settings
from journeys.graph import JourneyGraph, build_graph
from tests.conftest import persona_text


def after(age: float, days: float) -> float:
    """The age ``days`` after ``age``."""
    return age + days / DAYS_PER_YEAR


def graph_of(body: str) -> JourneyGraph:
    loaded = parse_persona(persona_text(body), "test.yaml", load_vocabulary())
    return build_graph(loaded.persona, loaded.vocabulary)


def gaps_of(body: str, rule: str | None = None, **changes: Mapping[str, Any]):
    """The gaps of a persona body; with ``rule``, only that rule runs (with its settings changed)."""
    graph = graph_of(body)
    settings = rule_settings(graph.vocabulary)
    switches = {r: {"enabled": r == rule} for r in RULE_IDS} if rule else {}
    for name, values in changes.items():
        switches.setdefault(name.replace("_", "-"), {}).update(values)
    return find_gaps(graph, settings.with_changes(switches))


def events(*lines: str) -> str:
    return "events:\n" + "".join(f"  - {line}\n" for line in lines)


def supports(*lines: str) -> str:
    return "supports:\n" + "".join(f"  - {line}\n" for line in lines)


def factors(*lines: str) -> str:
    return "factors:\n" + "".join(f"  - {line}\n" for line in lines)
