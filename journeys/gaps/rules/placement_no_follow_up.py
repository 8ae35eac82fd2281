"""placement-no-follow-up: a child placed away from home (a support with ``placement: true``)
whom the placing social services do not follow up.

During a placement, a follow-up is a contact, assessment, decision or meeting of an agency in
one of ``sectors`` (social services) other than the placement itself (the foster home, the HVB
or SiS home). A stretch of the placement longer than ``days`` with no follow-up — from the
placement's start or the last follow-up to the next one or the placement's end — is a gap
(exactly ``days`` is not). The law asks for regular personal visits to a placed child; the
default half-year is a choice, not a figure from the law (see docs/gaps.md).
"""

from __future__ import annotations

from typing import Iterator

from persona.model import Support

from journeys.gaps.model import Gap
from journeys.gaps.rules.common import longer_than
from journeys.gaps.settings import RuleParams
from journeys.graph import JourneyGraph

RULE = "placement-no-follow-up"
ORDER = 180  # its place in lists of rules
FOLLOW_UPS = ("contact", "assessment", "decision", "coordination")


def find(graph: JourneyGraph, params: RuleParams) -> Iterator[Gap]:
    sectors = tuple(params["sectors"])
    for placement in (s for s in graph.supports() if s.placement):
        end = placement.to if placement.to is not None else graph.horizon
        visits = _follow_ups(graph, placement, end, sectors)
        marks = [placement.from_, *visits, end]
        for start, stop in zip(marks, marks[1:]):
            if longer_than(start, stop, float(params["days"])):
                yield _gap(placement, start, stop, params)


def _follow_ups(graph: JourneyGraph, placement: Support, end: float, sectors: tuple[str, ...]) -> list[float]:
    found = []
    for event in graph.events_between(placement.from_, end):
        agencies = {event.agency, *(event.with_ or ())} - {None, placement.agency}
        if event.kind in FOLLOW_UPS and any(graph.sector(a) in sectors for a in agencies if a):
            found.append(event.age)
    return found


def _gap(placement: Support, start: float, stop: float, params: RuleParams) -> Gap:
    return Gap(rule=RULE, start=start, end=stop, agencies=(placement.agency,), events=(placement.id,),
               severity=params.severity, params={"support": placement, "agency": placement.agency,
                                                 "days": float(params["days"])})
