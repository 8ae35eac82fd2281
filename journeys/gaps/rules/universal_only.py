"""universal-only: many risk factors at once, met with only universal (promotive) support.

Where at least ``factors`` risk factors are active at once (protective ones are not subtracted),
at least one promotive support runs and no preventive, early or treatment support does, for
longer than ``days``. (With no support at all, see risk-without-support.)
"""

from __future__ import annotations

from typing import Iterator

from journeys.gaps.model import Gap
from journeys.gaps.rules.common import longer_than, support_periods
from journeys.gaps.rules.risk_without_support import risk_factors_during
from journeys.gaps.settings import RuleParams
from journeys.graph import JourneyGraph
from journeys.timeline import intersect, overlapping, spans_where, subtract

RULE = "universal-only"
ORDER = 150  # its place in lists of rules


def find(graph: JourneyGraph, params: RuleParams) -> Iterator[Gap]:
    minimum = int(params["factors"])
    many = spans_where(graph.risk_count_steps(), lambda count: count >= minimum, graph.horizon)
    promotive = [s for s in graph.supports() if s.level == "promotive"]
    targeted = support_periods((s for s in graph.supports() if s.level != "promotive"), graph.horizon)
    spans = [(start, end) for start, end in subtract(intersect(many, support_periods(promotive, graph.horizon)), targeted)
             if longer_than(start, end, float(params["days"]))]
    givers = overlapping(promotive, spans, lambda s: s.from_, lambda s: s.to if s.to is not None else graph.horizon)
    for (start, end), found, supports in zip(spans, risk_factors_during(graph, spans), givers):
        yield Gap(rule=RULE, start=start, end=end, agencies=tuple(dict.fromkeys(s.agency for s in supports)),
                  events=(), severity=params.severity,
                  params={"count": graph.risk_count.peak(start, end), "factors": found})
