"""broken-handover: a transition with no hand-over, or a support that ends at a transition with
no successor.

A transition with ``handover: none`` is a gap, and so is ``partial`` (one step less severe; the
setting ``partial: false`` leaves it out): the worry that was not handed over is the broken
part. A targeted support (above the promotive level) of the agency the child leaves that ends
within ``days`` of the transition is lost when no other support starts within ``days`` of its
end; a universal support ending at the transition it belongs to (the preschool place at school
start) is not a loss. Exactly ``days`` apart still
counts as "at the transition" and as "a successor"; a support whose window is still open where
the record ends is not counted as lost.
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
ORDER = 40  # its place in lists of rules
TOLD_BY = "age-cliff"  # a broken hand-over whose events are all in the cliff at 18 is the cliff
EPSILON = 1e-9


def find(graph: JourneyGraph, params: RuleParams) -> Iterator[Gap]:
    window = to_years(float(params["days"]))
    ending = SupportEnds(graph.supports())
    for transition in graph.events(("transition",)):
        flagged = _handover_flag(transition, bool(params.get("partial", True)))
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
    """Whether the support is targeted help that belongs to what the child leaves: the agency
    of ``from``."""
    return support.agency == transition.from_ and support.level != "promotive"


def _successor(graph: JourneyGraph, support: Support, window: float) -> bool:
    """Whether another support starts near this one's end (or the record ends before the
    window closes: then nobody knows, and it is not counted as lost)."""
    end = support.to if support.to is not None else graph.horizon
    if graph.open_at_end(end, window):
        return True
    return any(s.id != support.id for s in graph.supports_starting(end - window - EPSILON, end + window + EPSILON))


def _gap(transition: Event, flagged: str | None, lost: tuple[Support, ...], window: float,
         params: RuleParams) -> Gap:
    variant = "_".join(p for p in (flagged, "lost" if lost else None) if p)
    severity = params.severity + (1 if flagged == "none" and lost else 0) - (1 if variant == "partial" else 0)
    agencies = [a for a in (transition.from_, transition.to) if a] + [s.agency for s in lost]
    return Gap(
        rule=RULE, start=transition.age, end=transition.age + window,
        agencies=tuple(dict.fromkeys(agencies)), events=(transition.id,) + tuple(s.id for s in lost),
        severity=severity, visible_from=None if lost else transition.age,
        params={"variant": variant, "event": transition, "from": transition.from_, "to": transition.to,
                "lost": lost},
    )


class SupportEnds:
    """Supports sorted by where they end, to find those ending near an age with a bisect."""

    def __init__(self, supports: tuple[Support, ...]):
        ended = sorted(((s.to, s) for s in supports if s.to is not None), key=lambda pair: pair[0])
        self.supports = [s for _, s in ended]
        self.ends = [end for end, _ in ended]

    def near(self, age: float, window: float) -> list[Support]:
        low = bisect_left(self.ends, age - window - EPSILON)
        high = bisect_right(self.ends, age + window + EPSILON)
        return self.supports[low:high]
