"""referral-wait: a referral waits longer than the receiving agency's limit for a first contact.

The first contact is the earliest of: an event that ``responds_to`` the referral, any event at
the receiving agency, a support it starts. A contact exactly at the limit is in time. The limit
is per agency (``limits: {bup: 30}``), else ``days``. A referral the receiver rejects
(``outcome: rejected`` on the referral or on that first step) was not answered with a first
contact: a late rejection is told as one ("avvisad"), and a rejection with no date is no wait. When the receiver's first step is to refer
the child on, the child is being passed around, not waiting: that is referral-bounce's to find. A limit not yet reached where the record ends is not a gap.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Iterator

from persona.model import Event

from journeys.gaps.model import Gap
from journeys.gaps.rules.common import days_between, overrun_severity, to_years
from journeys.gaps.settings import RuleParams
from journeys.graph import JourneyGraph

RULE = "referral-wait"
ORDER = 20  # its place in lists of rules


def find(graph: JourneyGraph, params: RuleParams) -> Iterator[Gap]:
    starts_at = _support_starts_by_agency(graph)
    for referral in graph.events(("referral",)):
        limit = params.limit(referral.to)
        contact_age, contact_id = _first_contact(graph, referral, starts_at)
        if _passed_on(graph, contact_id):
            continue
        waited = days_between(referral.age, contact_age) if contact_age is not None else None
        if waited is not None and waited <= limit:
            continue
        if contact_age is None and graph.open_at_end(referral.age, to_years(limit)):
            continue
        rejected = _rejected(graph, referral, contact_id)
        if rejected and contact_age is None:
            continue
        variant = "rejected" if rejected else ("late" if contact_age is not None else "never")
        yield Gap(
            rule=RULE,
            start=referral.age,
            end=contact_age if contact_age is not None else referral.age + to_years(limit),
            agencies=tuple(dict.fromkeys(a for a in (referral.agency, referral.to) if a)),
            events=(referral.id,) + ((contact_id,) if contact_id else ()),
            severity=overrun_severity(params.severity, waited, limit),
            params={"variant": variant, "event": referral,
                    "agency": referral.agency, "to": referral.to, "days": limit, "waited": waited},
        )


def _rejected(graph: JourneyGraph, referral: Event, contact_id: str | None) -> bool:
    contact = graph.event(contact_id) if contact_id else None
    return referral.outcome == "rejected" or (contact is not None and contact.outcome == "rejected")


def _passed_on(graph: JourneyGraph, contact_id: str | None) -> bool:
    contact = graph.event(contact_id) if contact_id else None
    return contact is not None and contact.kind == "referral"


def _support_starts_by_agency(graph: JourneyGraph) -> dict[str, list[tuple[float, str]]]:
    starts: dict[str, list[tuple[float, str]]] = {}
    for support in graph.supports():
        starts.setdefault(support.agency, []).append((support.from_, support.id))
    return starts


def _first_contact(graph: JourneyGraph, referral: Event,
                   starts_at: dict[str, list[tuple[float, str]]]) -> tuple[float | None, str | None]:
    found: list[tuple[float, str]] = []
    answers = graph.responses_to(referral.id)
    if answers:
        found.append((answers[0].age, answers[0].id))
    if referral.to:
        event = graph.first_event_at(referral.to, referral.age, skip=referral.id)
        if event is not None:
            found.append((event.age, event.id))
        supports = starts_at.get(referral.to, [])
        position = bisect_left(supports, (referral.age, ""))
        if position < len(supports):
            found.append(supports[position])
    return min(found) if found else (None, None)
