"""uncoordinated: several agencies active at once for a long time with nobody coordinating.

Where at least ``agencies`` agencies are active at once (see the graph's activity), a
coordination event covers the time from ``before_days`` before it to ``lasts_days`` after it.
A transition with ``handover: full`` counts as coordination at that moment (both agencies meet
over the child): it covers ``before_days`` either side of it, not a year after. A standing
coordinating role — a support with ``coordinates: true``: a named person, a lead professional,
a family ombudsman — covers its whole period. What is left uncovered for longer than ``days``
is a gap (exactly ``days`` is not).
"""

from __future__ import annotations

from typing import Iterator

from journeys.gaps.model import Gap
from journeys.gaps.rules.common import longer_than, to_years
from journeys.gaps.settings import RuleParams
from journeys.graph import JourneyGraph
from journeys.timeline import Periods, count_at_least, intersect, merge_periods, subtract

RULE = "uncoordinated"
ORDER = 50  # its place in lists of rules
GROUPS_AGENCIES = True  # its gap names every agency active in a period (the ecomap: missing links, not stress)


def find(graph: JourneyGraph, params: RuleParams) -> Iterator[Gap]:
    minimum = int(params["agencies"])
    busy = intersect(count_at_least(dict(graph.activity()), minimum), Periods(((0.0, graph.horizon),)))
    for start, end in subtract(busy, _coordinated(graph, params)):
        if longer_than(start, end, float(params["days"])):
            yield _gap(graph, start, end, minimum, params)


def _coordinated(graph: JourneyGraph, params: RuleParams) -> Periods:
    before, lasts = to_years(float(params["before_days"])), to_years(float(params["lasts_days"]))
    spans = [(e.age - before, e.age + lasts) for e in graph.events(("coordination",))]
    spans += [(e.age - before, e.age + before) for e in graph.events(("transition",)) if e.handover == "full"]
    spans += [(s.from_, s.to if s.to is not None else graph.horizon) for s in graph.supports() if s.coordinates]
    return merge_periods(spans)


def _gap(graph: JourneyGraph, start: float, end: float, minimum: int, params: RuleParams) -> Gap:
    agencies = tuple(a for a, periods in graph.activity().items() if periods.overlaps(start, end))
    return Gap(rule=RULE, start=start, end=end, agencies=agencies, events=(), severity=params.severity,
               params={"minimum": minimum, "count": len(agencies)})
