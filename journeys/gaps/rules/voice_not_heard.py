"""voice-not-heard: a stretch of agency contacts where nobody hears the child.

Agency contacts are events at an agency (not life events, transitions, missed appointments or
information passed between agencies) from ``from_age`` on. Between two events where
``child_heard: true``, the contacts form a stretch. A stretch is a gap when it holds at least
``contacts`` contacts whose first and last are more than ``days`` apart (exactly ``days`` is
not), or — however short — at least ``in_a_row`` meetings with the child (contacts,
assessments, coordination: a report, a decision or a closure on paper is not a meeting).

Unknown is not "not heard": a stretch where some contact says ``child_heard: false`` is a gap
(the child was not heard); one where no contact says anything either way is reported as "not
documented", one step less severe.
"""

from __future__ import annotations

from typing import Iterator, Sequence

from persona.model import Event

from journeys.gaps.model import Gap
from journeys.gaps.rules.common import longer_than
from journeys.gaps.settings import RuleParams
from journeys.graph import JourneyGraph

RULE = "voice-not-heard"
ORDER = 110  # its place in lists of rules
GROUPS_AGENCIES = True  # its gap names every agency active in a period (the ecomap: missing links, not stress)
NOT_CONTACTS = ("life", "transition", "missed", "information")
MEETINGS = ("contact", "assessment", "coordination")


def find(graph: JourneyGraph, params: RuleParams) -> Iterator[Gap]:
    for stretch in _stretches(graph.events(), float(params["from_age"])):
        if _too_long(stretch, params) or sum(e.kind in MEETINGS for e in stretch) >= int(params["in_a_row"]):
            yield _gap(stretch, params)


def _too_long(stretch: list[Event], params: RuleParams) -> bool:
    return len(stretch) >= int(params["contacts"]) and longer_than(stretch[0].age, stretch[-1].age,
                                                                   float(params["days"]))


def _gap(stretch: list[Event], params: RuleParams) -> Gap:
    agencies = tuple(dict.fromkeys(e.agency for e in stretch if e.agency))
    not_heard = sum(1 for e in stretch if e.child_heard is False)
    documented = not_heard > 0
    return Gap(rule=RULE, start=stretch[0].age, end=stretch[-1].age, agencies=agencies, events=(),
               severity=params.severity - (0 if documented else 1),
               params={"count": len(stretch), "not_heard": not_heard,
                       **({} if documented else {"variant": "not_documented"})})


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
