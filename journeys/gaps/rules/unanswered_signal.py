"""unanswered-signal: a signal or a report of concern that nobody answers within the window.

An answer must come from an agency that was told. Answered means: an event that ``responds_to``
it (when the persona names one, that is the answer); else the first of: anything the receiving
agency of a report does; a coordination the signalling agency takes part in; the first step of
an agency the signalling agency passed ``information`` to after the signal. The setting
``other_agency_contact`` (off by default) also takes a contact, assessment, decision or
coordination at any other agency that does not answer something else, within the window — the
old, loose meaning, where a feeding check could "answer" a school's worry. An answer exactly at
the window is in time. A window still open where the record ends is not a gap.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Iterator

from persona.model import Event

from journeys.gaps.model import Gap
from journeys.gaps.rules.common import days_between, overrun_severity, to_years
from journeys.gaps.settings import RuleParams
from journeys.graph import SIGNAL_KINDS, JourneyGraph

RULE = "unanswered-signal"
ORDER = 10  # its place in lists of rules
ANSWER_KINDS = ("contact", "assessment", "decision", "coordination")


def find(graph: JourneyGraph, params: RuleParams) -> Iterator[Gap]:
    window = float(params["days"])
    others = _answers_by_others(graph) if params.get("other_agency_contact", False) else None
    for signal in graph.events(SIGNAL_KINDS):
        answer = _first_answer(graph, signal, others, window)
        waited = days_between(signal.age, answer.age) if answer else None
        if waited is not None and waited <= window:
            continue
        if answer is None and graph.open_at_end(signal.age, to_years(window)):
            continue
        yield _gap(graph, signal, answer, waited, window, params)


def _gap(graph: JourneyGraph, signal: Event, answer: Event | None, waited: float | None,
         window: float, params: RuleParams) -> Gap:
    agencies = tuple(dict.fromkeys(a for a in (signal.agency, graph.receiver(signal)) if a))
    return Gap(
        rule=RULE,
        start=signal.age,
        end=answer.age if answer else signal.age + to_years(window),
        agencies=agencies,
        events=(signal.id,) + ((answer.id,) if answer else ()),
        severity=overrun_severity(params.severity, waited, window),
        params={"variant": "late" if answer else "never", "event": signal, "kind": signal.kind,
                "agency": signal.agency, "days": window, "waited": waited, "answer": answer},
    )


def _first_answer(graph: JourneyGraph, signal: Event, others: "OtherAnswers | None", window: float) -> Event | None:
    """What the persona says answered it; else the first step of an agency that was told (the
    receiver of a report, a coordination with the signalling agency, an agency informed by
    it); else the first unprompted contact by another agency (when that setting is on) — that
    one only within the window: a contact long after is no evidence that anyone answered."""
    explicit = graph.responses_to(signal.id)
    if explicit:
        return explicit[0]
    candidates = told_answers(graph, signal)
    contact = others.first_after(signal.age, signal.agency) if others is not None else None
    if contact is not None and days_between(signal.age, contact.age) <= window:
        candidates.append(contact)
    found = [c for c in candidates if c is not None and c.id != signal.id]
    return min(found, key=lambda e: e.age) if found else None


def told_answers(graph: JourneyGraph, signal: Event) -> list[Event | None]:
    """The first step of each agency that was told of a signal or report (information passed
    on later than an answer already found cannot give an earlier one, so the search stops)."""
    receiver = graph.receiver(signal)
    found = [graph.first_event_at(receiver, signal.age, skip=signal.id)] if receiver else []
    if signal.agency:
        found.append(graph.first_event_at(signal.agency, signal.age, skip=signal.id, kinds=("coordination",)))
        for told in graph.informed_by(signal.agency, signal.age):
            best = min((e.age for e in found if e is not None), default=float("inf"))
            if told.age >= best:
                break
            found.append(graph.first_event_at(told.to or "", told.age, skip=told.id))
    return found


class OtherAnswers:
    """Contacts, assessments, decisions and meetings in time order, with for each one the next
    one at a different agency, so "the first answer by another agency" is a bisect and a step."""

    def __init__(self, events: tuple[Event, ...]):
        self.events = events
        self.ages = [e.age for e in events]
        self.next_other = self._next_other(events)

    @staticmethod
    def _next_other(events: tuple[Event, ...]) -> list[int]:
        following = [len(events)] * len(events)
        for position in range(len(events) - 2, -1, -1):
            same = events[position + 1].agency == events[position].agency
            following[position] = following[position + 1] if same else position + 1
        return following

    def first_after(self, age: float, agency: str | None) -> Event | None:
        position = bisect_left(self.ages, age)
        if position < len(self.events) and self.events[position].agency == agency:
            position = self.next_other[position]
        return self.events[position] if position < len(self.events) else None


def _answers_by_others(graph: JourneyGraph) -> OtherAnswers:
    """Contacts that answer nothing else in particular (no ``responds_to``)."""
    return OtherAnswers(tuple(e for e in graph.events(ANSWER_KINDS) if e.responds_to is None))
