"""signal-not-shared: a signal known to one agency never reaches another agency that works with
the child at the same time ("who knew what, when").

For each signal or report, the agencies that learn of it are those the graph reaches from the
agency that knew first (the signalling agency; for a report from a private person, its
receiver) by a chain of telling within ``days``: reports, referrals, ``information`` passed on,
meetings, full hand-overs (see ``JourneyGraph.learned``); an agency that answers the signal
(``responds_to``) knows it too. Another agency that meets the child (a contact or an
assessment) within ``days`` of the signal, and has not learnt of it by then, works without
knowing. The signal is one gap naming those agencies. With ``other_sectors_only`` (the
default) agencies of the signalling agency's own sector are left out: a school and its student
health team share a building and a head. A signal the family raises is left out (the family
tells whoever it meets; the persona does not record what it said), and a report that answers a
signal is not told again when it missed the same agencies.
"""

from __future__ import annotations

from typing import Iterator

from persona.model import Event

from journeys.gaps.model import Gap
from journeys.gaps.rules.common import to_years
from journeys.gaps.settings import RuleParams
from journeys.graph import SIGNAL_KINDS, JourneyGraph

RULE = "signal-not-shared"
ORDER = 160  # its place in lists of rules
AGENCY_LISTS = ("unaware",)  # params worded as lists of agencies
ACTS = ("contact", "assessment")


def find(graph: JourneyGraph, params: RuleParams) -> Iterator[Gap]:
    window = to_years(float(params["days"]))
    told: dict[str, set[str]] = {}
    for signal in graph.events(SIGNAL_KINDS):
        origin = signal.agency or graph.receiver(signal)
        if origin is None or graph.sector(origin) in graph.activity_settings.ignored_sectors:
            continue
        unaware = _unaware(graph, signal, origin, signal.age + window, bool(params["other_sectors_only"]))
        missed = {e.agency for e in unaware if e.agency}
        told[signal.id] = missed
        if unaware and told.get(signal.responds_to or "") != missed:
            yield _gap(signal, origin, unaware, params)


def _unaware(graph: JourneyGraph, signal: Event, origin: str, until: float, other_sectors_only: bool) -> list[Event]:
    """For each agency that acts with the child before ``until`` without knowing, its first act."""
    known = graph.learned(origin, signal.age, until)
    answered = {e.agency for e in graph.responses_to(signal.id)}
    found = []
    for agency in graph.activity():
        if agency in answered or (other_sectors_only and graph.sector(agency) == graph.sector(origin)):
            continue
        act = graph.first_event_at(agency, signal.age, skip=signal.id, kinds=ACTS)
        if act is not None and act.age <= until and known.get(agency, float("inf")) > act.age:
            found.append(act)
    return sorted(found, key=lambda e: (e.age, e.id))


def _gap(signal: Event, origin: str, unaware: list[Event], params: RuleParams) -> Gap:
    agencies = [a for e in unaware for a in (e.agency,) if a]
    return Gap(rule=RULE, start=signal.age, end=max(e.age for e in unaware),
               agencies=tuple(dict.fromkeys([origin, *agencies])), events=(signal.id,) + tuple(e.id for e in unaware),
               severity=params.severity, visible_from=max(e.age for e in unaware),
               params={"event": signal, "agency": origin, "unaware": tuple(dict.fromkeys(agencies)),
                       "days": float(params["days"])})
