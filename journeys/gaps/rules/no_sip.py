"""no-sip: health care and social services both give support, and no SIP comes in time.

Only the child's own targeted supports count: not one that is ``for:`` someone else in the family
(a sibling's short-term stay under LSS), and not a promotive one (the child health programme every
child gets calls for no plan). Where such a support of a ``health_sectors`` agency and one of a
``social_sectors`` agency run at the same time for longer than ``days``, a SIP is due: a coordination that involves agencies of
both, at most ``days`` after that time starts. A SIP held before still covers it for its own
reach, ``lasts_days`` (a plan made 3.6 months before a new period of health and social care
still holds), and never less than ``before_days``. A SIP later than that closes the gap when it
comes; none at all leaves the whole period a gap.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Iterator

from persona.model import Event, Support

from journeys.gaps.model import Gap
from journeys.gaps.rules.common import days_between, longer_than, support_periods, to_years
from journeys.gaps.settings import RuleParams
from journeys.graph import JourneyGraph, event_agencies
from journeys.timeline import intersect, overlapping

RULE = "no-sip"
ORDER = 140  # its place in lists of rules
AGENCY_LISTS = ("health", "social")  # params worded as lists of agencies
GROUPS_AGENCIES = True  # its gap names every agency active in a period (the ecomap: missing links, not stress)


def find(graph: JourneyGraph, params: RuleParams) -> Iterator[Gap]:
    health, social = tuple(params["health_sectors"]), tuple(params["social_sectors"])
    window = float(params["days"])
    before = to_years(max(float(params["before_days"]), float(params["lasts_days"])))
    sips = [e for e in graph.events(("coordination",)) if _joins(graph, e, health, social)]
    ages = [e.age for e in sips]
    found: list[tuple[float, float, Event | None, float | None]] = []
    for start, end in intersect(_supports_in(graph, health), _supports_in(graph, social)):
        if not longer_than(start, end, window):
            continue
        position = bisect_left(ages, start - before)
        sip = sips[position] if position < len(ages) and ages[position] <= end else None
        waited = days_between(start, sip.age) if sip else None
        if waited is None or waited > window:
            found.append((start, sip.age if sip else end, sip, waited))
    both = [s for s in graph.own_targeted_supports() if graph.sector(s.agency) in health + social]
    running = overlapping(both, [(f[0], f[1]) for f in found], lambda s: s.from_,
                          lambda s: s.to if s.to is not None else graph.horizon)
    for (start, end, sip, waited), supports in zip(found, running):
        yield _gap(graph, start, end, sip, waited, supports, health, params)


def _supports_in(graph: JourneyGraph, sectors: tuple[str, ...]):
    return support_periods((s for s in graph.own_targeted_supports() if graph.sector(s.agency) in sectors),
                           graph.horizon)


def _joins(graph: JourneyGraph, event: Event, health: tuple[str, ...], social: tuple[str, ...]) -> bool:
    sectors = {graph.sector(a) for a in event_agencies(event)}
    return bool(sectors & set(health)) and bool(sectors & set(social))


def _gap(graph: JourneyGraph, start: float, end: float, sip: Event | None, waited: float | None,
         running: list[Support], health: tuple[str, ...], params: RuleParams) -> Gap:
    in_health = tuple(dict.fromkeys(s.agency for s in running if graph.sector(s.agency) in health))
    in_social = tuple(dict.fromkeys(s.agency for s in running if graph.sector(s.agency) not in health))
    return Gap(rule=RULE, start=start, end=end, agencies=in_health + in_social,
               events=tuple(s.id for s in running) + ((sip.id,) if sip else ()),
               severity=params.severity,
               params={"variant": "late" if sip else "never", "health": in_health, "social": in_social,
                       "days": float(params["days"]), "waited": waited})
