"""risk-without-support: the risk load stays at or above ``load`` for longer than ``days`` with
no support running at all.

For the youngest the window is shorter: a span that starts before ``young_age`` is a gap when
it is longer than ``young_days`` (a quarter of a year is a large part of a baby's life, and
reviews of small children call such months "no protection"; see docs/gaps.md). The risk load
is active risk factors minus active protective ones (see the graph).
"""

from __future__ import annotations

from typing import Iterator, Sequence

from persona.model import Factor

from journeys.gaps.model import Gap
from journeys.gaps.rules.common import longer_than, support_periods
from journeys.gaps.settings import RuleParams
from journeys.graph import JourneyGraph
from journeys.timeline import overlapping, spans_where, subtract

RULE = "risk-without-support"
ORDER = 60  # its place in lists of rules


def find(graph: JourneyGraph, params: RuleParams) -> Iterator[Gap]:
    threshold = int(params["load"])
    heavy = spans_where(graph.risk_steps(), lambda load: load >= threshold, graph.horizon)
    spans = [(start, end) for start, end in subtract(heavy, support_periods(graph.supports(), graph.horizon))
             if longer_than(start, end, window_at(start, params))]
    for (start, end), found in zip(spans, risk_factors_during(graph, spans)):
        yield Gap(rule=RULE, start=start, end=end, agencies=(), events=(), severity=params.severity,
                  params={"threshold": threshold, "load": graph.risk.peak(start, end), "factors": found})


def window_at(age: float, params: RuleParams) -> float:
    """The window in days for a span that starts at ``age``: shorter for the youngest."""
    return float(params["young_days"]) if age < float(params["young_age"]) else float(params["days"])


def risk_factors_during(graph: JourneyGraph, spans: Sequence[tuple[float, float]]) -> list[tuple[Factor, ...]]:
    """For each span (in time order), the risk factors active at some time within it."""
    risks = [f for f in graph.persona.factors if f.type == "risk"]
    found = overlapping(risks, spans, lambda f: f.from_, lambda f: f.to if f.to is not None else graph.horizon)
    return [tuple(f for f in factors if f.from_ < end and (f.to is None or f.to > start))
            for (start, end), factors in zip(spans, found)]
