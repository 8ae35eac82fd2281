"""level-jump: the first support above the promotive level is already at ``treatment``, with
no ``preventive`` or ``early`` support starting before it or at the same age.

The gap runs from the latest signal or report before the treatment (the signals that were
there for an earlier, lighter support) to the start of the treatment.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Iterator

from persona.model import Event

from journeys.gaps.model import Gap
from journeys.gaps.settings import RuleParams
from journeys.graph import SIGNAL_KINDS, JourneyGraph

RULE = "level-jump"
TARGETED = ("preventive", "early", "treatment")


def _latest_signal_before(graph: JourneyGraph, age: float) -> Event | None:
    signals = graph.events(SIGNAL_KINDS)
    position = bisect_left([s.age for s in signals], age)
    return signals[position - 1] if position > 0 else None


def find(graph: JourneyGraph, params: RuleParams) -> Iterator[Gap]:
    targeted = [s for s in graph.supports() if s.level in TARGETED]
    if not targeted:
        return
    first_age = targeted[0].from_
    at_first = [s for s in targeted if s.from_ == first_age]
    if any(s.level != "treatment" for s in at_first):
        return
    support = at_first[0]
    before = _latest_signal_before(graph, support.from_)
    yield Gap(rule=RULE, start=before.age if before else support.from_, end=support.from_,
              agencies=(support.agency,), events=((before.id,) if before else ()) + (support.id,),
              severity=params.severity,
              params={"support": support, "agency": support.agency, "age": support.from_, "level": support.level})
