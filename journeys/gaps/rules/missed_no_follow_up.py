"""missed-no-follow-up: missed appointments at one agency, one after another, that nobody
follows up.

A missed appointment (``kind: missed``) is followed up when an event ``responds_to`` it, or the
same agency has a contact, assessment, decision or meeting with the child within ``days`` after
it (exactly ``days`` is in time; a window still open where the record ends counts as followed
up, since nobody knows). ``count`` or more missed appointments at one agency with no follow-up
between them make one gap (DOMAIN.md: "≥2 missed appointments with no follow-up", chronology
guidance), from the first to ``days`` after the last.
"""

from __future__ import annotations

from typing import Iterator

from persona.model import Event

from journeys.gaps.model import Gap
from journeys.gaps.rules.common import days_between, to_years
from journeys.gaps.settings import RuleParams
from journeys.graph import JourneyGraph

RULE = "missed-no-follow-up"
ORDER = 170  # its place in lists of rules
FOLLOW_UPS = ("contact", "assessment", "decision", "coordination")


def find(graph: JourneyGraph, params: RuleParams) -> Iterator[Gap]:
    window, count = float(params["days"]), int(params["count"])
    for agency in sorted({e.agency for e in graph.events(("missed",)) if e.agency}):
        for run in _runs(graph, agency, window):
            if len(run) >= count:
                yield _gap(run, agency, window, params)


def _runs(graph: JourneyGraph, agency: str, window: float) -> Iterator[list[Event]]:
    """Missed appointments at the agency that nobody followed up, in runs broken by a
    follow-up at the agency."""
    run: list[Event] = []
    for event in graph.events_at(agency):
        if event.kind == "missed" and event.agency == agency:
            if _followed_up(graph, event, window):
                yield run
                run = []
            else:
                run.append(event)
        elif event.kind in FOLLOW_UPS:
            yield run
            run = []
    yield run


def _followed_up(graph: JourneyGraph, missed: Event, window: float) -> bool:
    if graph.responses_to(missed.id) or graph.open_at_end(missed.age, to_years(window)):
        return True
    follow = graph.first_event_at(missed.agency or "", missed.age, skip=missed.id, kinds=FOLLOW_UPS)
    return follow is not None and days_between(missed.age, follow.age) <= window


def _gap(run: list[Event], agency: str, window: float, params: RuleParams) -> Gap:
    return Gap(rule=RULE, start=run[0].age, end=run[-1].age + to_years(window), agencies=(agency,),
               events=tuple(e.id for e in run), severity=params.severity,
               params={"agency": agency, "count": len(run), "days": window, "missed": tuple(run)})
