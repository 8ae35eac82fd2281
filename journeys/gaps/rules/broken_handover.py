"""broken-handover: a transition with no hand-over, or a support that ends at a transition with
no successor.

A transition with ``handover: none`` is a gap (``partial`` too when the setting ``partial`` is
true). A support of the agency the child leaves that ends within ``days`` of the transition is
lost when no other support starts within ``days`` of its end. Exactly ``days`` apart still
counts as "at the transition" and as "a successor".
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Iterator

from persona.model import Event, Support

from journeys.gaps.model import Gap
from journeys.gaps.rules.common import to_years
from journeys.gaps.settings import RuleParams
from journeys.graph import JourneyGraph

RULE = "broken-handover"
EPSILON = 1e-9


def find(graph: JourneyGraph, params: RuleParams) -> Iterator[Gap]:
    window = to_years(float(params["days"]))
    ending = SupportEnds(graph.supports())
    for transition in graph.events(("transition",)):
        flagged = _handover_flag(transition, bool(params.get("partial", False)))
        lost = [s for s in ending.near(transition.age, window)
                if _same_side(s, transition) and not _successor(graph, s, window)]
        if flagged or lost:
            yield _gap(transition, flagged, tuple(lost), window, params)


def _handover_flag(transition: Event, partial_counts: bool) -> str | None:
    if transition.handover == "none":
        return "none"
    if transition.handover == "partial" and partial_counts:
        return "partial"
    return None


def _same_side(support: Support, transition: Event) -> bool:
    """Whether the support belongs to what the child leaves: the agency of ``from``."""
    return support.agency == transition.from_


def _successor(graph: JourneyGraph, support: Support, window: float) -> bool:
    end = support.to if support.to is not None else graph.horizon
    return any(s.id != support.id for s in graph.supports_starting(end - window - EPSILON, end + window + EPSILON))


def _gap(transition: Event, flagged: str | None, lost: tuple[Support, ...], window: float,
         params: RuleParams) -> Gap:
    variant = "_".join(p for p in (flagged, "lost" if lost else None) if p)
    severity = params.severity + (1 if flagged == "none" and lost else 0) - (1 if variant == "partial" else 0)
    agencies = [a for a in (transition.from_, transition.to) if a] + [s.agency for s in lost]
    return Gap(
        rule=RULE, start=transition.age, end=transition.age + window,
        agencies=tuple(dict.fromkeys(agencies)), events=(transition.id,) + tuple(s.id for s in lost),
        severity=severity,
        params={"variant": variant, "event": transition, "from": transition.from_, "to": transition.to,
                "lost": lost},
    )


class SupportEnds:
    """Supports sorted by where they end, to find those ending near an age with a bisect."""

    def __init__(self, supports: tuple[Support, ...]):
        ended = sorted((s for s in supports if s.to is not None), key=lambda s: s.to or 0.0)
        self.supports = ended
        self.ends = [s.to or 0.0 for s in ended]

    def near(self, age: float, window: float) -> list[Support]:
        low = bisect_left(self.ends, age - window - EPSILON)
        high = bisect_right(self.ends, age + window + EPSILON)
        return self.supports[low:high]
