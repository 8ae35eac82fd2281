"""reports-closed-repeatedly: ``reports`` or more reports of concern within ``days``, each
closed or left without an investigation.

A report counts as closed without investigation when its chain of answers (events that
``responds_to`` it, and those that answer them, up to three steps) reaches a ``closure`` without
passing a ``decision`` (the decision to investigate): report → closure, or report → assessment
(förhandsbedömning) → closure. Report → decision → closure was investigated. A report that
nobody decides on at all — no decision or closure for it (see report-no-decision) within
``days`` — was not investigated either (unless the record ends before that window closes).
Overlapping runs are joined into one gap, from the first report to the last closure.
"""

from __future__ import annotations

from typing import Iterator

from persona.model import Event

from journeys.gaps.model import Gap
from journeys.gaps.rules.common import days_between, joined_runs, to_years
from journeys.gaps.rules.report_no_decision import Decisions
from journeys.gaps.settings import RuleParams
from journeys.graph import JourneyGraph

RULE = "reports-closed-repeatedly"
ORDER = 130  # its place in lists of rules
CHAIN_STEPS = 3


def find(graph: JourneyGraph, params: RuleParams) -> Iterator[Gap]:
    count, window = int(params["reports"]), float(params["days"])
    closed = list(_not_investigated(graph, window))

    def within(first: int, last: int) -> bool:
        return days_between(closed[first][0].age, closed[last][0].age) <= window

    for first, last in joined_runs(len(closed), count, within):
        yield _gap(graph, closed[first:last + 1], params)


def _not_investigated(graph: JourneyGraph, window: float) -> Iterator[tuple[Event, Event | None]]:
    """Each report closed without an investigation (with its closure), or never decided on
    (with None)."""
    decisions = Decisions(graph)
    for report in graph.events(("report",)):
        closure = _closed_at_once(graph, report)
        if closure is not None:
            yield report, closure
            continue
        decision = decisions.first_for(report)
        if decision is None or days_between(report.age, decision.age) > window:
            if not graph.open_at_end(report.age, to_years(window)):
                yield report, None


def _closed_at_once(graph: JourneyGraph, report: Event) -> Event | None:
    """The closure the report's answer chain reaches without passing a decision to investigate."""
    chain = graph.answer_chain(report.id, CHAIN_STEPS, passes=lambda e: e.kind not in ("decision", "closure"))
    return next((e for e in chain if e.kind == "closure"), None)


def _gap(graph: JourneyGraph, pairs: list[tuple[Event, Event | None]], params: RuleParams) -> Gap:
    agencies = [a for r, c in pairs for a in (r.agency, graph.receiver(r), c.agency if c else None) if a]
    return Gap(rule=RULE, start=pairs[0][0].age, end=max((c or r).age for r, c in pairs),
               agencies=tuple(dict.fromkeys(agencies)), events=tuple(e.id for pair in pairs for e in pair if e),
               severity=params.severity, params={"count": len(pairs), "reports": tuple(r for r, _ in pairs)})
