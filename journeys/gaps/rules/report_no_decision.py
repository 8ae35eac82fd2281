"""report-no-decision: a report of concern with no decision on whether to investigate within
``days`` (the law's 14 days).

A decision is a ``decision`` or ``closure`` that ``responds_to`` the report, or one at the
receiving agency after the report. Exactly ``days`` is in time; a window still open where the
record ends is not a gap.

Ages written with one decimal are 36 days apart, coarser than this window: write the decision's
age with two decimals (0.74) when it came within two weeks.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Iterator

from persona.model import Event

from journeys.gaps.model import Gap
from journeys.gaps.rules.common import days_between, overrun_severity, to_years
from journeys.gaps.settings import RuleParams
from journeys.graph import JourneyGraph

RULE = "report-no-decision"
ORDER = 120  # its place in lists of rules
DECISION_KINDS = ("decision", "closure")


def find(graph: JourneyGraph, params: RuleParams) -> Iterator[Gap]:
    window = float(params["days"])
    decisions = Decisions(graph)
    for report in graph.events(("report",)):
        decision = decisions.first_for(report)
        waited = days_between(report.age, decision.age) if decision else None
        if waited is not None and waited <= window:
            continue
        if decision is None and graph.open_at_end(report.age, to_years(window)):
            continue
        receiver = graph.receiver(report)
        yield Gap(rule=RULE, start=report.age, end=decision.age if decision else report.age + to_years(window),
                  agencies=tuple(dict.fromkeys(a for a in (report.agency, receiver) if a)),
                  events=(report.id,) + ((decision.id,) if decision else ()),
                  severity=overrun_severity(params.severity, waited, window),
                  params={"variant": "late" if decision else "never", "event": report, "to": receiver,
                          "days": window, "waited": waited})


class Decisions:
    """Decisions and closures per agency in time order, for a bisect per report."""

    def __init__(self, graph: JourneyGraph):
        self.graph = graph
        self.by_agency: dict[str, list[Event]] = {}
        for event in graph.events(DECISION_KINDS):
            if event.agency:
                self.by_agency.setdefault(event.agency, []).append(event)
        self.ages = {agency: [e.age for e in found] for agency, found in self.by_agency.items()}

    def first_for(self, report: Event) -> Event | None:
        found = [e for e in self.graph.responses_to(report.id) if e.kind in DECISION_KINDS][:1]
        receiver = self.graph.receiver(report)
        if receiver in self.by_agency:
            position = bisect_left(self.ages[receiver], report.age)
            if position < len(self.by_agency[receiver]):
                found.append(self.by_agency[receiver][position])
        return min(found, key=lambda e: e.age) if found else None
