"""level-jump: the first support above the promotive level is already at ``treatment``, with
no ``preventive`` or ``early`` support starting before it or at the same age — although an
earlier signal left time for lighter help.

Only a signal or report more than ``lead_days`` before the treatment left that time: a newborn
placed straight from hospital, or treatment that follows a signal within days, had nothing
lighter to try first. The gap runs from the latest such signal to the start of the treatment.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterator

from persona.model import Event

from journeys.gaps.model import Gap
from journeys.gaps.rules.common import to_years
from journeys.gaps.settings import RuleParams
from journeys.graph import SIGNAL_KINDS, JourneyGraph

RULE = "level-jump"
ORDER = 90  # its place in lists of rules
TARGETED = ("preventive", "early", "treatment")


def _latest_signal_by(graph: JourneyGraph, age: float) -> Event | None:
    """The latest signal or report at or before ``age``."""
    signals = graph.events(SIGNAL_KINDS)
    position = bisect_right([s.age for s in signals], age)
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
    before = _latest_signal_by(graph, support.from_ - to_years(float(params["lead_days"])) - 1e-9)
    if before is None:
        return
    yield Gap(rule=RULE, start=before.age, end=support.from_,
              agencies=(support.agency,), events=(before.id, support.id),
              severity=params.severity,
              params={"support": support, "agency": support.agency, "age": support.from_, "level": support.level})
