"""Catalogue × persona: for each gap, did help exist and not reach the child ("access"), or did
it not exist at all ("offer")?

A service matches a gap when it is open to the child at some age during the gap, is at the level
the gap called for (:mod:`journeys.catalogue.settings`), and is given by an agency involved at the
time: one the gap names (or, for a gap that names none, one active with the child when it starts).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from persona.catalogue import CatalogueFile, Service

from journeys.catalogue.settings import AROUND, catalogue_settings
from journeys.gaps.model import Gap
from journeys.graph import JourneyGraph

OFFER = "offer"
ACCESS = "access"


@dataclass(frozen=True)
class Verdict:
    """``offer`` (nothing existed) or ``access`` (it existed and did not reach the child)."""

    verdict: str
    level: str
    agencies: tuple[str, ...]
    services: tuple[Service, ...] = ()

    def as_json(self) -> dict[str, object]:
        return {"verdict": self.verdict, "level": self.level, "agencies": list(self.agencies),
                "services": [_service_json(s) for s in self.services]}


def _service_json(service: Service) -> dict[str, object]:
    found: dict[str, object] = {"id": service.id, "name": service.name, "agency": service.agency,
                                "target": service.target}
    if service.wait_days is not None:
        found["wait_days"] = service.wait_days
    if service.capacity is not None:
        found["capacity"] = service.capacity
    return found


def called_for(gap: Gap, graph: JourneyGraph) -> str:
    """The level the gap called for: the rule's, or the highest level running during the gap."""
    settings = catalogue_settings()
    level = settings.level_for(gap.rule)
    if level != AROUND:
        return level
    order = graph.vocabulary.support_levels
    running = [s.level for s in graph.supports() if s.from_ <= gap.end and (s.to is None or s.to >= gap.start)]
    if not running:
        return settings.default_level
    return max(running, key=lambda lvl: order[lvl].order if lvl in order else 0)


def involved_agencies(gap: Gap, graph: JourneyGraph) -> tuple[str, ...]:
    """The agencies the gap names, or those active with the child when it starts when it names
    none (never the family)."""
    ignored = graph.activity_settings.ignored_sectors
    found = list(gap.agencies) or sorted(graph.active_agencies(gap.start))
    return tuple(a for a in dict.fromkeys(found) if graph.sector(a) not in ignored)


def match_gap(gap: Gap, graph: JourneyGraph, loaded: CatalogueFile) -> Verdict:
    level = called_for(gap, graph)
    agencies = involved_agencies(gap, graph)
    services = tuple(s for s in loaded.catalogue.services
                     if s.level == level and s.ages.overlaps(gap.start, gap.end)
                     and s.agency in agencies)
    return Verdict(ACCESS if services else OFFER, level, agencies, services)


def match_gaps(gaps: Sequence[Gap], graph: JourneyGraph, loaded: CatalogueFile) -> tuple[Verdict, ...]:
    """A verdict for each gap, in the same order."""
    return tuple(match_gap(g, graph, loaded) for g in gaps)
