"""voice-not-heard: a long stretch of agency contacts where nobody hears the child.

Agency contacts are events at an agency (not life events or transitions) from ``from_age`` on.
Between two events where ``child_heard: true``, the contacts form a stretch; a stretch of at
least ``contacts`` contacts whose first and last are more than ``days`` apart is a gap
(exactly ``days`` is not).
"""

from __future__ import annotations

from typing import Iterator, Sequence

from persona.model import Event

from journeys.gaps.model import Gap
from journeys.gaps.rules.common import longer_than
from journeys.gaps.settings import RuleParams
from journeys.graph import JourneyGraph

RULE = "voice-not-heard"
NOT_CONTACTS = ("life", "transition")


def find(graph: JourneyGraph, params: RuleParams) -> Iterator[Gap]:
    for stretch in _stretches(graph.events(), float(params["from_age"])):
        if len(stretch) >= int(params["contacts"]) and longer_than(stretch[0].age, stretch[-1].age, float(params["days"])):
            agencies = tuple(dict.fromkeys(e.agency for e in stretch if e.agency))
            yield Gap(rule=RULE, start=stretch[0].age, end=stretch[-1].age, agencies=agencies, events=(),
                      severity=params.severity, params={"count": len(stretch)})


def _stretches(events: Sequence[Event], from_age: float) -> Iterator[list[Event]]:
    stretch: list[Event] = []
    for event in events:
        if event.child_heard:
            if stretch:
                yield stretch
            stretch = []
        elif event.kind not in NOT_CONTACTS and event.agency and event.age >= from_age:
            stretch.append(event)
    if stretch:
        yield stretch
