"""What every picture, poster and report of one persona starts from: the graph, its gaps and,
for a scenario, how the scenario changes the gaps."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from persona.load import PersonaFile
from persona.model import Scenario

from journeys.gaps import find_gaps
from journeys.graph import JourneyGraph, build_graph
from journeys.render.gaplist import NumberedGap, number_gaps
from journeys.scenario import GapComparison, apply_scenario, compare_gaps
from journeys.scenario_changes import ScenarioChanges, scenario_changes


@dataclass(frozen=True)
class Journey:
    persona_file: PersonaFile
    graph: JourneyGraph
    gaps: tuple[Any, ...]
    scenario: Scenario | None = None
    comparison: GapComparison | None = None
    changes: ScenarioChanges | None = None  # with a comparison: what the scenario added, changed, removed

    @property
    def numbered(self) -> tuple[NumberedGap, ...]:
        return number_gaps(self.gaps, self.comparison)


def prepare(persona_file: PersonaFile, scenario: str | None = None, compare: bool = False) -> Journey:
    """The persona's journey, or a scenario's (with ``compare``: gaps closed, remaining, new, and
    the events, supports and factors the scenario added, changed and removed)."""
    base = build_graph(persona_file.persona, persona_file.vocabulary)
    if scenario is None:
        return Journey(persona_file, base, find_gaps(base))
    changed = apply_scenario(persona_file.persona, scenario, persona_file.vocabulary)
    graph = build_graph(changed, persona_file.vocabulary)
    gaps = find_gaps(graph)
    if not compare:
        return Journey(persona_file, graph, gaps, persona_file.persona.scenario(scenario))
    comparison = compare_gaps(find_gaps(base), gaps)
    changes = scenario_changes(persona_file.persona, changed, scenario)
    return Journey(persona_file, graph, gaps, persona_file.persona.scenario(scenario), comparison, changes)
