"""closed-while-risk: a case is closed while the risk load is at or above ``load`` and no other
targeted support (above the promotive level) goes on after the closure.

The gap runs from the closure until a targeted support starts or the load drops below ``load``,
at most ``span_days``. A support that ends at the closure itself does not count as going on; a
universal support (a preschool place, the child health programme) never does.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Callable, Iterator

from persona.model import Event

from journeys.gaps.model import Gap
from journeys.gaps.rules.common import support_periods, to_years
from journeys.gaps.settings import RuleParams
from journeys.graph import JourneyGraph
from journeys.timeline import Periods

RULE = "closed-while-risk"
ORDER = 70  # its place in lists of rules


def find(graph: JourneyGraph, params: RuleParams) -> Iterator[Gap]:
    threshold = int(params["load"])
    targeted = graph.targeted_supports()
    supported = support_periods(targeted, graph.horizon)
    starts = [s.from_ for s in targeted]
    drops = graph.risk.next_where(lambda load: load < threshold)
    for closure in graph.events(("closure",)):
        load = graph.risk_load(closure.age)
        if load >= threshold and not _support_goes_on(supported, closure.age):
            yield Gap(rule=RULE, start=closure.age, end=_until(closure, starts, drops, params),
                      agencies=(closure.agency,) if closure.agency else (), events=(closure.id,),
                      severity=params.severity, visible_from=closure.age,
                      params={"event": closure, "agency": closure.agency, "load": load, "threshold": threshold})


def _support_goes_on(supported: Periods, age: float) -> bool:
    """A support runs at ``age`` and goes on past it (merged periods: the one around ``age``
    reaches beyond it)."""
    return supported.covers(age) and supported.end_of(age) > age


def _until(closure: Event, starts: list[float], drops: Callable[[float], float | None], params: RuleParams) -> float:
    limit = closure.age + to_years(float(params["span_days"]))
    position = bisect_right(starts, closure.age)
    ends = [limit, starts[position] if position < len(starts) else None, drops(closure.age)]
    return min(end for end in ends if end is not None)
