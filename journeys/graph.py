"""The journey as a graph: events, supports, factors and agencies with their ages and lanes.

Node ids are deterministic: ``event:<id>``, ``support:<id>``, ``factor:<id>``, ``agency:<id>``.
Edges carry a ``relation`` (also their key): ``next`` (time order within a lane), ``at`` (an
event or support at its agency), ``to`` (a referral, report, transition or information passed
on to an agency), ``from`` (the agency a transition leaves), ``response`` (from an event to the
event that answers it) and ``with`` (a coordination with an agency).

The query helpers the rules and the pictures share sit on :class:`JourneyGraph`. The per-age
look-ups (activity, risk load, events by agency, supports starting) run on indexes built once
(sorted ages, per-agency activity periods), so that each is a bisect and every rule a sweep. The
chain questions — answer chains, who knew and from when, referral circles — are answered by
networkx on small sub-graphs built the first time a rule asks (:mod:`journeys.chains`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Mapping

from persona.model import Event, Factor, Persona, Support
from persona.vocabulary import Vocabulary

from journeys.ages import to_years
from journeys.chains import (answer_chain, earliest_reach, referral_cycles, referral_graph, response_graph,
                             telling_graph)
from journeys.timeline import Periods, StepFunction, merge_periods, step_function

if TYPE_CHECKING:
    import networkx as nx

SIGNAL_KINDS = ("signal", "report")
DEFAULT_ACTIVE_DAYS = 180.0
DEFAULT_IGNORED_SECTORS = ("family",)
HORIZON = 20.0


def event_node(event_id: str) -> str:
    return f"event:{event_id}"


def support_node(support_id: str) -> str:
    return f"support:{support_id}"


def factor_node(factor_id: str) -> str:
    return f"factor:{factor_id}"


def agency_node(agency_id: str) -> str:
    return f"agency:{agency_id}"


def receiver(event: Event, vocabulary: Vocabulary) -> str | None:
    """The agency a referral, report, transition or information goes to (a report with no
    ``to`` goes to the vocabulary's report receiver)."""
    if event.kind == "report":
        return event.to or vocabulary.report_receiver
    return event.to if event.kind in ("referral", "transition", "information") else None


def event_agencies(event: Event) -> tuple[str, ...]:
    """The agencies present at an event: its own, both sides of a transition, all of a meeting."""
    found: list[str] = []
    if event.agency:
        found.append(event.agency)
    if event.kind == "transition":
        found += [a for a in (event.from_, event.to) if a]
    if event.kind == "coordination":
        found += list(event.with_ or ())
    return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class ActivitySettings:
    """When an agency counts as active: during one of its supports, and during each stretch of
    its involvement — from its first event until ``days`` after its last, where events less
    than twice ``days`` apart belong to one stretch, or only until its last when the child left
    it in that stretch (:func:`involvement`) — never before its first contact. Agencies of the
    ``ignored_sectors`` (the family), and bodies that decide but do not serve the family
    (``coordinates: false`` in the vocabulary, such as a court), never count."""

    days: float = DEFAULT_ACTIVE_DAYS
    ignored_sectors: tuple[str, ...] = DEFAULT_IGNORED_SECTORS

    @classmethod
    def from_vocabulary(cls, vocabulary: Vocabulary) -> "ActivitySettings":
        data = vocabulary.rules.get("active") or {}
        return cls(days=float(data.get("days", DEFAULT_ACTIVE_DAYS)),
                   ignored_sectors=tuple(data.get("ignore_sectors", DEFAULT_IGNORED_SECTORS)))


@dataclass(frozen=True)
class GraphIndex:
    """What the queries need, sorted once."""

    events: tuple[Event, ...]
    event_ages: tuple[float, ...]
    by_id: Mapping[str, Event]
    responses: Mapping[str, tuple[Event, ...]]
    events_at: Mapping[str, tuple[Event, ...]]
    supports: tuple[Support, ...]
    activity: Mapping[str, Periods]
    risk: StepFunction
    risk_count: StepFunction
    ages_at: Mapping[str, tuple[float, ...]]
    support_starts: tuple[float, ...]
    support_starts_at: Mapping[str, tuple[float, ...]]
    horizon: float
    informed: Mapping[str, tuple[Event, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class JourneyGraph:
    """A persona as a graph, with the questions the rules and the pictures ask of it.

    The rules and the pictures ask their questions of :attr:`index`; the networkx
    :attr:`graph` is built the first time something asks for it (importing networkx and
    building the graph took a third of a second of every command that never looked at it)."""

    persona: Persona
    vocabulary: Vocabulary
    index: GraphIndex = field(repr=False, compare=False)

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        """The journey as a networkx MultiDiGraph (nodes and edges as the module describes)."""
        return journey_multigraph(self.persona, self.vocabulary, self.index)

    # --- the sub-graphs networkx answers the chain questions on (built once, when first asked)
    @cached_property
    def responses(self) -> nx.DiGraph:
        """Events, with an edge from each event to those that ``responds_to`` it."""
        return response_graph(self.index.events)

    @cached_property
    def telling(self) -> nx.DiGraph:
        """Agencies, with an edge from each to those it told, carrying the ages it told them."""
        return telling_graph(self.index.events, self.receiver, event_agencies)

    # --- what the design promises -----------------------------------------------------------
    def active_agencies(self, age: float) -> frozenset[str]:
        """Agencies with a support covering ``age``, or within a stretch of their involvement
        (see :class:`ActivitySettings`)."""
        return frozenset(a for a, periods in self.index.activity.items() if periods.covers(age))

    def active_supports(self, age: float) -> tuple[Support, ...]:
        return tuple(s for s in self.index.supports if s.covers(age))

    def risk_load(self, age: float) -> int:
        """Active risk factors minus active protective ones (a factor counts from its ``from``
        up to, not including, its ``to``)."""
        return self.index.risk.value_at(age)

    def risk_steps(self) -> tuple[tuple[float, int], ...]:
        """The risk load as a step function: (age where it changes, the new load), from age 0."""
        return self.index.risk.steps

    def first_signal(self) -> Event | None:
        return next((e for e in self.index.events if e.kind in SIGNAL_KINDS), None)

    def first_support(self) -> Support | None:
        return self.index.supports[0] if self.index.supports else None

    # --- more questions the rules ask -------------------------------------------------------
    def events(self, kinds: Iterable[str] | None = None) -> tuple[Event, ...]:
        """Events in time order (the file's order breaks ties), optionally of some kinds."""
        if kinds is None:
            return self.index.events
        wanted = set(kinds)
        return tuple(e for e in self.index.events if e.kind in wanted)

    def event(self, event_id: str) -> Event | None:
        return self.index.by_id.get(event_id)

    def responses_to(self, event_id: str) -> tuple[Event, ...]:
        """Events that ``responds_to`` this one, in time order."""
        return self.index.responses.get(event_id, ())

    def events_at(self, agency: str) -> tuple[Event, ...]:
        """Events an agency took part in, in time order."""
        return self.index.events_at.get(agency, ())

    def events_between(self, start: float, end: float) -> tuple[Event, ...]:
        """Events with ``start <= age <= end``."""
        ages = self.index.event_ages
        low = bisect_right(ages, start - 1e-12)
        high = bisect_right(ages, end)
        return self.index.events[low:high]

    def supports(self) -> tuple[Support, ...]:
        """Supports in order of their start."""
        return self.index.supports

    def activity(self) -> Mapping[str, Periods]:
        """Per agency, the periods when it is active (merged, in time order)."""
        return self.index.activity

    @property
    def risk(self) -> StepFunction:
        """The risk load as a step function with look-ups (value_at, peak, next_where)."""
        return self.index.risk

    @property
    def risk_count(self) -> StepFunction:
        """The number of active risk factors as a step function with look-ups."""
        return self.index.risk_count

    def risk_count_steps(self) -> tuple[tuple[float, int], ...]:
        """The number of active risk factors (protective ones not subtracted), as steps."""
        return self.index.risk_count.steps

    def first_event_at(self, agency: str, since: float, skip: str | None = None,
                       kinds: Iterable[str] | None = None) -> Event | None:
        """The first event at an agency at or after an age (``skip`` names an event to pass by;
        ``kinds`` keeps only events of those kinds)."""
        ages = self.index.ages_at.get(agency, ())
        events = self.index.events_at.get(agency, ())
        wanted = set(kinds) if kinds is not None else None
        for position in range(bisect_left(ages, since), len(events)):
            event = events[position]
            if event.id != skip and (wanted is None or event.kind in wanted):
                return event
        return None

    def learned(self, agency: str, since: float, until: float) -> dict[str, float]:
        """Who knew what ``agency`` knew at ``since``, and from when, up to ``until``: the
        earliest age each agency is reached by a chain of telling (report, referral,
        information, a meeting, a full hand-over), each step at or after the one before.
        networkx answers it: a time-respecting Dijkstra search over :attr:`telling`."""
        return earliest_reach(self.telling, agency, since, until)

    def informed_by(self, agency: str, since: float) -> Iterator[Event]:
        """``information`` events an agency sent on at or after an age, in time order (a
        generator: a caller that has found what it needs stops early)."""
        sent = self.index.informed.get(agency, ())
        yield from sent[bisect_left(sent, since, key=lambda e: e.age):]

    def answer_chain(self, event_id: str, steps: int, passes: Callable[[Event], bool]) -> Iterator[Event]:
        """The events that answer an event (``responds_to``), and those that answer them, up to
        ``steps`` steps, going on only through events for which ``passes`` holds; in order of
        steps, then time. networkx answers it: a breadth-first search over :attr:`responses`."""
        return answer_chain(self.responses, self.index.by_id, event_id, steps, passes)

    def referral_circles(self, window: float) -> Iterator[tuple[Event, ...]]:
        """Referral chains that come back to an agency already visited (A → B → A, or
        A → B → C → A): each referral sent on by the agency the one before reached, at most
        ``window`` years after it, with no support started at that agency in between.
        networkx answers it: the cycles of :meth:`referrals` for that window."""
        referrals = self.events(("referral",))
        if len(referrals) < 2:
            return  # a circle takes two referrals at least; no graph is built
        order = {r.id: position for position, r in enumerate(referrals)}
        yield from referral_cycles(self.referrals(window), self.index.by_id, order)

    def referrals(self, window: float) -> nx.DiGraph:
        """Referrals, linked where one sends the child on or back within ``window`` years
        (built once per window; see :func:`journeys.chains.referral_graph`)."""
        if window not in self._referral_graphs:
            self._referral_graphs[window] = referral_graph(self.events(("referral",)), window,
                                                           self.support_started_at)
        return self._referral_graphs[window]

    @cached_property
    def _referral_graphs(self) -> dict[float, nx.DiGraph]:
        return {}

    def targeted_supports(self) -> tuple[Support, ...]:
        """Supports above the promotive level (universal supports such as a preschool place or
        the child health programme are for every child; they do not answer a risk)."""
        return tuple(s for s in self.index.supports if s.level != "promotive")

    def own_targeted_supports(self) -> tuple[Support, ...]:
        """The child's own targeted supports: above the promotive level, and not for someone else
        in the family (``for:`` a sibling or a parent, schema 1.1)."""
        return tuple(s for s in self.targeted_supports() if s.for_ is None)

    def supports_starting(self, since: float, until: float) -> tuple[Support, ...]:
        """Supports that begin within ``[since, until]``, in order of their start."""
        starts = self.index.support_starts
        return self.index.supports[bisect_left(starts, since):bisect_right(starts, until)]

    def any_support_starting(self, since: float, until: float) -> bool:
        starts = self.index.support_starts
        return bisect_right(starts, until) > bisect_left(starts, since)

    def support_started_at(self, agency: str | None, since: float, until: float) -> bool:
        """Whether the agency starts a support within ``[since, until]``."""
        starts = self.index.support_starts_at.get(agency or "", ())
        return bisect_right(starts, until) > bisect_left(starts, since)

    def next_support_start(self, after: float) -> float | None:
        """The first start of a support strictly after an age."""
        starts = self.index.support_starts
        position = bisect_right(starts, after)
        return starts[position] if position < len(starts) else None

    @property
    def activity_settings(self) -> ActivitySettings:
        return ActivitySettings.from_vocabulary(self.vocabulary)

    @property
    def horizon(self) -> float:
        """The end of the timeline: where the record ``ends``; else 20, or the latest age the
        persona names."""
        return self.index.horizon

    @property
    def record_end(self) -> float | None:
        """The age where the record ends early (``ends: {age}``), or None for a whole life."""
        return self.persona.ends.age if self.persona.ends else None

    def open_at_end(self, start: float, window_years: float) -> bool:
        """Whether a window from ``start`` is still open when the record ends: what would have
        happened within it is not known, so it is no gap."""
        end = self.record_end
        return end is not None and start + window_years > end + 1e-9

    def receiver(self, event: Event) -> str | None:
        return receiver(event, self.vocabulary)

    def sector(self, agency: str) -> str:
        return self.vocabulary.sector_of(agency)

    def serves(self, agency: str) -> str:
        term = self.vocabulary.agencies.get(agency)
        return term.serves if term else "all"


# --- building ------------------------------------------------------------------------------
def build_graph(persona: Persona, vocabulary: Vocabulary) -> JourneyGraph:
    """The graph of a persona, with the vocabulary that names its agencies and lanes."""
    vocabulary = vocabulary.for_persona(persona)
    return JourneyGraph(persona=persona, vocabulary=vocabulary, index=build_index(persona, vocabulary))


def journey_multigraph(persona: Persona, vocabulary: Vocabulary, index: GraphIndex) -> nx.MultiDiGraph:
    """Events, supports, factors and agencies as nodes, their relations as edges."""
    import networkx as nx

    graph = nx.MultiDiGraph(persona=persona.id)
    _add_agencies(graph, vocabulary, index)
    _add_factors(graph, persona.factors)
    _add_supports(graph, index.supports, vocabulary)
    _add_events(graph, index.events, vocabulary)
    _add_lane_order(graph, index.events, vocabulary)
    return graph


def build_index(persona: Persona, vocabulary: Vocabulary) -> GraphIndex:
    events = tuple(persona.events_by_age())
    supports = tuple(sorted(persona.supports, key=lambda s: s.from_))
    responses: dict[str, list[Event]] = {}
    events_at: dict[str, list[Event]] = {}
    for event in events:
        if event.responds_to:
            responses.setdefault(event.responds_to, []).append(event)
        for agency in event_agencies(event):
            events_at.setdefault(agency, []).append(event)
    return GraphIndex(
        events=events,
        event_ages=tuple(e.age for e in events),
        by_id={e.id: e for e in events},
        responses={k: tuple(v) for k, v in responses.items()},
        events_at={k: tuple(v) for k, v in events_at.items()},
        supports=supports,
        activity=_activity(events_at, supports, vocabulary, ActivitySettings.from_vocabulary(vocabulary)),
        risk=StepFunction(_factor_steps(persona.factors, {"risk": 1, "protective": -1})),
        risk_count=StepFunction(_factor_steps(persona.factors, {"risk": 1, "protective": 0})),
        ages_at={k: tuple(e.age for e in v) for k, v in events_at.items()},
        support_starts=tuple(s.from_ for s in supports),
        support_starts_at=_starts_by_agency(supports),
        horizon=_horizon(persona),
        informed=_informed(events),
    )


def _informed(events: tuple[Event, ...]) -> dict[str, tuple[Event, ...]]:
    """``information`` events by the agency that sent them, in time order."""
    sent: dict[str, list[Event]] = {}
    for event in events:
        if event.kind == "information" and event.agency and event.to:
            sent.setdefault(event.agency, []).append(event)
    return {agency: tuple(found) for agency, found in sent.items()}


def _starts_by_agency(supports: tuple[Support, ...]) -> dict[str, tuple[float, ...]]:
    starts: dict[str, list[float]] = {}
    for support in supports:
        starts.setdefault(support.agency, []).append(support.from_)
    return {agency: tuple(found) for agency, found in starts.items()}


def _horizon(persona: Persona) -> float:
    """Where the timeline ends: where the record ends, else age 20, or later when something
    happens later."""
    if persona.ends is not None:
        return persona.ends.age
    ends = [e.age for e in persona.events]
    ends += [p.to for p in (*persona.supports, *persona.factors) if p.to is not None]
    ends += [p.from_ for p in (*persona.supports, *persona.factors)]
    return max([HORIZON, *ends])


def _activity(events_at: Mapping[str, list[Event]], supports: tuple[Support, ...],
              vocabulary: Vocabulary, settings: ActivitySettings) -> dict[str, Periods]:
    window = to_years(settings.days)
    spans: dict[str, list[tuple[float, float]]] = {}
    for agency, events in events_at.items():
        spans.setdefault(agency, []).extend(involvement(tuple(events), window, agency))
    for support in supports:
        end = support.to if support.to is not None else float("inf")
        spans.setdefault(support.agency, []).append((support.from_, end))
    return {
        agency: merge_periods(found)
        for agency, found in sorted(spans.items())
        if vocabulary.sector_of(agency) not in settings.ignored_sectors and coordinates(vocabulary, agency)
    }


def involvement(events: tuple[Event, ...], window: float, agency: str) -> list[tuple[float, float]]:
    """Stretches of an agency's involvement from its events (in time order): events less than
    ``2 × window`` apart belong together; each stretch runs from its first event to ``window``
    after its last — or only to its last when the child left the agency in that stretch (a
    transition from it to another agency, a move to another municipality, and no way back): what
    the agency the family left does after the move is closing its file, not being there."""
    stretches: list[list[Event]] = []
    for event in events:
        if stretches and event.age - stretches[-1][-1].age <= 2 * window + 1e-9:
            stretches[-1].append(event)
        else:
            stretches.append([event])
    return [(s[0].age, s[-1].age + (0.0 if left_agency(s, agency) else window)) for s in stretches]


def left_agency(events: list[Event], agency: str) -> bool:
    """Whether the last transition among these events that names the agency takes the child away
    from it (``from: agency`` to another agency)."""
    moves = [e for e in events if e.kind == "transition" and e.from_ != e.to and agency in (e.from_, e.to)]
    return bool(moves) and moves[-1].from_ == agency


def coordinates(vocabulary: Vocabulary, agency: str) -> bool:
    """Whether an agency serves the family and so takes part in coordination (a court that
    decides on a care order does not: ``coordinates: false`` in the vocabulary)."""
    term = vocabulary.agencies.get(agency)
    return term is None or term.coordinates


def _factor_steps(factors: tuple[Factor, ...], weights: Mapping[str, int]) -> tuple[tuple[float, int], ...]:
    changes: list[tuple[float, int]] = []
    for factor in factors:
        weight = weights[factor.type]
        if weight:
            changes.append((factor.from_, weight))
            if factor.to is not None:
                changes.append((factor.to, -weight))
    return step_function(changes)


def _add_agencies(graph: nx.MultiDiGraph, vocabulary: Vocabulary, index: GraphIndex) -> None:
    used = set(index.events_at) | {s.agency for s in index.supports}
    used |= {r for e in index.events if (r := receiver(e, vocabulary))}
    for agency in sorted(used):
        graph.add_node(agency_node(agency), kind="agency", agency=agency, lane=vocabulary.sector_of(agency))


def _add_factors(graph: nx.MultiDiGraph, factors: tuple[Factor, ...]) -> None:
    for factor in factors:
        graph.add_node(factor_node(factor.id), kind="factor", item=factor, start=factor.from_, end=factor.to,
                       type=factor.type, domain=factor.domain, lane="factors")


def _add_supports(graph: nx.MultiDiGraph, supports: tuple[Support, ...], vocabulary: Vocabulary) -> None:
    for support in supports:
        node = support_node(support.id)
        graph.add_node(node, kind="support", item=support, start=support.from_, end=support.to,
                       agency=support.agency, level=support.level, lane=vocabulary.sector_of(support.agency))
        graph.add_edge(node, agency_node(support.agency), key="at", relation="at")


def event_lane(event: Event, vocabulary: Vocabulary) -> str:
    """The lane of an event: its agency's sector; a transition lies in the lane it leads to;
    a life event in the family lane."""
    agency = event.to if event.kind == "transition" else event.agency
    return vocabulary.sector_of(agency) if agency else "family"


def _add_events(graph: nx.MultiDiGraph, events: tuple[Event, ...], vocabulary: Vocabulary) -> None:
    ids = {e.id for e in events}
    for event in events:
        node = event_node(event.id)
        graph.add_node(node, kind="event", item=event, event_kind=event.kind, age=event.age,
                       agency=event.agency, lane=event_lane(event, vocabulary))
        for relation, target in _event_edges(event, vocabulary):
            graph.add_edge(node, target, key=relation, relation=relation)
        if event.kind == "transition" and event.from_:
            graph.add_edge(agency_node(event.from_), node, key="from", relation="from")
        if event.responds_to in ids:
            graph.add_edge(event_node(event.responds_to), node, key="response", relation="response")


def _event_edges(event: Event, vocabulary: Vocabulary) -> list[tuple[str, str]]:
    edges = [("at", agency_node(event.agency))] if event.agency else []
    target = receiver(event, vocabulary)
    if target:
        edges.append(("to", agency_node(target)))
    edges += [("with", agency_node(a)) for a in dict.fromkeys(event.with_ or ())]
    return edges


def _add_lane_order(graph: nx.MultiDiGraph, events: tuple[Event, ...], vocabulary: Vocabulary) -> None:
    last_in_lane: dict[str, str] = {}
    for event in events:
        lane = event_lane(event, vocabulary)
        node = event_node(event.id)
        if lane in last_in_lane:
            graph.add_edge(last_in_lane[lane], node, key="next", relation="next")
        last_in_lane[lane] = node
