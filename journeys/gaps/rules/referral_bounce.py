"""referral-bounce: the child is passed around ("bollas runt").

Two patterns: referrals that go round in a circle (A → B → A, or A → B → C → A), each sent on
by the agency the last one reached, within ``days`` of the last and with no support started
there in between; or ``pile_up`` referrals within ``days`` with no support starting from the
first to the last.
"""

from __future__ import annotations

from typing import Iterator, Sequence

from persona.model import Event

from journeys.gaps.model import Gap
from journeys.gaps.rules.common import days_between, joined_runs, to_years
from journeys.gaps.settings import RuleParams
from journeys.graph import JourneyGraph

RULE = "referral-bounce"
ORDER = 30  # its place in lists of rules


def find(graph: JourneyGraph, params: RuleParams) -> Iterator[Gap]:
    referrals = graph.events(("referral",))
    window = float(params["days"])
    groups = [(c, "circle") for c in graph.referral_circles(to_years(window))]
    groups += [(p, "pile_up") for p in _pile_ups(graph, referrals, int(params["pile_up"]), window)]
    for found, variant in _joined(groups):
        yield _gap(found, variant, params)


def _joined(groups: list[tuple[tuple[Event, ...], str]]) -> list[tuple[tuple[Event, ...], str]]:
    """Groups that share a referral become one (a circle inside a pile-up is told as a circle).
    A union-find over the referral ids keeps this linear."""
    parent: dict[str, str] = {}

    def root(item: str) -> str:
        while parent.setdefault(item, item) != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for referrals, _ in groups:
        for referral in referrals[1:]:
            parent[root(referral.id)] = root(referrals[0].id)
    members: dict[str, dict[str, Event]] = {}
    circles: set[str] = set()
    for referrals, variant in groups:
        top = root(referrals[0].id)
        members.setdefault(top, {}).update((r.id, r) for r in referrals)
        if variant == "circle":
            circles.add(top)
    joined = [(tuple(sorted(found.values(), key=lambda r: r.age)), "circle" if top in circles else "pile_up")
              for top, found in members.items()]
    return sorted(joined, key=lambda g: (g[0][0].age, g[0][0].id))


def _gap(referrals: Sequence[Event], variant: str, params: RuleParams) -> Gap:
    agencies = [a for r in referrals for a in (r.agency, r.to) if a]
    return Gap(
        rule=RULE, start=referrals[0].age, end=referrals[-1].age,
        agencies=tuple(dict.fromkeys(agencies)), events=tuple(r.id for r in referrals),
        severity=params.severity, params={"variant": variant, "count": len(referrals), "referrals": tuple(referrals)},
    )


def _pile_ups(graph: JourneyGraph, referrals: Sequence[Event], count: int, window: float) -> Iterator[tuple[Event, ...]]:
    """Runs of referrals where every ``count`` in a row fall within the window with no support
    starting from the first to the last; overlapping runs are joined."""
    def piled(first: int, last: int) -> bool:
        return _piled(graph, referrals[first], referrals[last], window)

    for first, last in joined_runs(len(referrals), count, piled):
        yield tuple(referrals[first:last + 1])


def _piled(graph: JourneyGraph, first: Event, last: Event, window: float) -> bool:
    return days_between(first.age, last.age) <= window and not graph.any_support_starting(first.age, last.age)
