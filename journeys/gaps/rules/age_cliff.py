"""age-cliff: around 18 a child service ends and no service for adults takes over.

Between ``from_age`` and ``to_age``, each of these is a cliff: a transition whose hand-over is
not full, a support of a child service that ends, a closure by a child service. A child service
serves children only and stops at 18 (an agency with ``until`` past ``to_age``, like KAA, goes
on). A cliff is bridged when, within ``days`` before or after it, a service that goes on past
18 in one of the ``takeover_sectors`` has a contact, assessment, decision or coordination,
starts a support, or receives the young person in a transition with ``handover: full``. The cliffs that are not bridged make one gap; a cliff whose window is still
open where the record ends is not counted (nobody knows what came).
"""

from __future__ import annotations

from typing import Iterator, Union

from persona.model import Event, Support

from journeys.gaps.model import Gap
from journeys.gaps.rules.common import to_years
from journeys.gaps.settings import RuleParams
from journeys.graph import JourneyGraph, event_agencies

RULE = "age-cliff"
ORDER = 100  # its place in lists of rules
TAKEOVER_KINDS = ("contact", "assessment", "decision", "coordination")
Cliff = tuple[float, Union[Event, Support], tuple[str, ...]]


def find(graph: JourneyGraph, params: RuleParams) -> Iterator[Gap]:
    low, high = float(params["from_age"]), float(params["to_age"])
    window = to_years(float(params["days"]))
    adult = _Adult(graph, high, tuple(params["takeover_sectors"]))
    cliffs = [c for c in _cliffs(graph, low, high)
              if not adult.takes_over(c[0] - window, c[0] + window) and not graph.open_at_end(c[0], window)]
    if cliffs:
        ignored = {a for a in graph.vocabulary.agencies if graph.sector(a) in graph.activity_settings.ignored_sectors}
        yield _gap(cliffs, window, ignored, params)


def child_service(graph: JourneyGraph, agency: str | None, age: float) -> bool:
    """Whether an agency serves children only and stops before ``age``."""
    term = graph.vocabulary.agencies.get(agency or "")
    return term is not None and term.serves == "child" and (term.until is None or term.until <= age)


def _cliffs(graph: JourneyGraph, low: float, high: float) -> list[Cliff]:
    found: list[Cliff] = []
    for event in graph.events_between(low, high):
        if event.kind == "transition" and event.handover != "full":
            found.append((event.age, event, event_agencies(event)))
        elif event.kind == "closure" and child_service(graph, event.agency, high):
            found.append((event.age, event, tuple(a for a in (event.agency,) if a)))
    for support in graph.supports():
        if support.to is not None and low <= support.to <= high and child_service(graph, support.agency, high):
            found.append((support.to, support, (support.agency,)))
    return sorted(found, key=lambda c: (c[0], c[1].id))


class _Adult:
    """Events and support starts of services that go on past 18, for a look-up by span."""

    def __init__(self, graph: JourneyGraph, high: float, sectors: tuple[str, ...]):
        self.graph = graph
        self.agencies = {a for a in graph.vocabulary.agencies
                         if graph.sector(a) in sectors and not child_service(graph, a, high)}

    def takes_over(self, start: float, end: float) -> bool:
        events = self.graph.events_between(start, end)
        if any(e.kind in TAKEOVER_KINDS and set(event_agencies(e)) & self.agencies for e in events):
            return True
        if any(e.kind == "transition" and e.handover == "full" and e.to in self.agencies for e in events):
            return True
        return any(s.agency in self.agencies for s in self.graph.supports_starting(start, end))


def _gap(cliffs: list[Cliff], window: float, ignored: set[str], params: RuleParams) -> Gap:
    agencies = [a for _, _, found in cliffs for a in found if a and a not in ignored]
    items = tuple(item for _, item, _ in cliffs)
    return Gap(rule=RULE, start=cliffs[0][0], end=cliffs[-1][0] + window,
               agencies=tuple(dict.fromkeys(agencies)), events=tuple(dict.fromkeys(i.id for i in items)),
               severity=params.severity, params={"ending": items})
