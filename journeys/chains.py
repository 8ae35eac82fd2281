"""The chain questions the rules ask, answered by networkx on small graphs built from the journey.

Each graph is built the first time a rule asks for it (once per persona; see
:class:`journeys.graph.JourneyGraph`) and holds only what its question needs:

* the response graph: events, an edge from each event to the events that ``responds_to`` it
  (in time order) — an answer chain is a breadth-first search along it;
* the telling graph: agencies, an edge from an agency to each agency it told (a report,
  referral or ``information``, a meeting, a full hand-over), carrying the ages of the tellings —
  who knew, and from when, is the earliest arrival over it: a Dijkstra search whose step from an
  agency waits for the first telling at or after the age the agency learnt;
* the referral graph: referrals, an ``on`` edge from a referral to the one that sent the child
  on from the agency it reached (in time, within the rule's window, no support started there in
  between), and a ``back`` edge from a referral that sends the child back to an agency the
  chain has been to, to the referral that left that agency — a referral circle is a cycle of
  it, and networkx's strongly connected components list them.

networkx is imported here, inside the builders, so a command that asks no chain question never
loads it.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping

from persona.model import Event

if TYPE_CHECKING:
    import networkx as nx


def response_graph(events: tuple[Event, ...]) -> nx.DiGraph:
    """Event ids as nodes; an edge from each event to each event that answers it, the answers in
    time order (``events`` are in time order). Events that answer nothing and are not answered
    are left out: no chain passes through them."""
    import networkx as nx

    ids = {e.id for e in events}
    graph = nx.DiGraph()
    graph.add_edges_from((e.responds_to, e.id) for e in events if e.responds_to in ids)
    return graph


def answer_chain(responses: nx.DiGraph, by_id: Mapping[str, Event], event_id: str, steps: int,
                 passes: Callable[[Event], bool]) -> Iterator[Event]:
    """Breadth-first along the response edges from an event, at most ``steps`` deep, going on
    only through answers for which ``passes`` holds: the answers in order of steps, then time."""
    import networkx as nx

    if event_id not in responses or steps < 1:
        return

    def onward(node: str) -> Iterator[str]:
        return iter(responses.successors(node)) if node == event_id or passes(by_id[node]) else iter(())

    for _, answer in nx.generic_bfs_edges(responses, event_id, neighbors=onward, depth_limit=steps):
        yield by_id[answer]


def telling_graph(events: tuple[Event, ...], receiver: Callable[[Event], str | None],
                  agencies_at: Callable[[Event], tuple[str, ...]]) -> nx.DiGraph:
    """Agencies as nodes; an edge from sender to receiver with ``ages``, the ages it told, in
    time order. A report, referral or ``information`` tells its receiver; a coordination tells
    every participant every other; a transition with a full hand-over tells the agency the
    child goes to."""
    import networkx as nx

    told: dict[tuple[str, str], list[float]] = {}

    def tell(sender: str | None, target: str | None, age: float) -> None:
        if sender and target and sender != target:
            told.setdefault((sender, target), []).append(age)

    for event in events:
        if event.kind in ("report", "referral", "information"):
            tell(event.agency, receiver(event), event.age)
        elif event.kind == "coordination":
            present = agencies_at(event)
            for sender in present:
                for target in present:
                    tell(sender, target, event.age)
        elif event.kind == "transition" and event.handover == "full":
            tell(event.from_, event.to, event.age)
    graph = nx.DiGraph()
    graph.add_edges_from((sender, target, {"ages": tuple(ages)}) for (sender, target), ages in told.items())
    return graph


def earliest_reach(telling: nx.DiGraph, agency: str, since: float, until: float) -> dict[str, float]:
    """The earliest age each agency learns what ``agency`` knew at ``since``, through tellings
    each at or after the one before and none after ``until``. networkx's Dijkstra does the
    search; the weight of a step is the wait from the age the sender learnt to its first telling
    of that receiver (an edge with no telling left in time is hidden). The ages are kept as
    given, so no rounding of sums changes a comparison."""
    import networkx as nx

    known = {agency: since}
    if agency not in telling:
        return known

    def wait(sender: str, target: str, edge: dict[str, Any]) -> float | None:
        ages = edge["ages"]
        position = bisect_left(ages, known[sender])
        if position == len(ages) or ages[position] > until:
            return None
        if ages[position] < known.get(target, float("inf")):
            known[target] = ages[position]
        return ages[position] - known[sender]

    reached = nx.single_source_dijkstra_path_length(telling, agency, weight=wait)
    return {found: known[found] for found in reached}


def referral_graph(referrals: tuple[Event, ...], window: float,
                   support_started: Callable[[str | None, float, float], bool]) -> nx.DiGraph:
    """Referrals (in time order) as nodes, with the ``on`` and ``back`` edges the module
    describes. One sweep: the child's arrival at each agency waits for the referral that sends
    it on; a chain ends where it comes back, so each referral has at most one edge out."""
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_nodes_from(r.id for r in referrals)
    arrived: dict[str, tuple[Event, dict[str, Event]]] = {}
    for referral in referrals:
        last, left = arrived.pop(referral.agency or "", (None, {}))
        if last is None or referral.age - last.age > window + 1e-9 or support_started(
                referral.agency, last.age, referral.age):
            last, left = None, {}
        if last is not None:
            graph.add_edge(last.id, referral.id, relation="on")
        left = {**left, referral.agency or "": referral}
        back = left.get(referral.to or "")
        if back is None:
            arrived[referral.to or ""] = (referral, left)
        elif back is not referral:
            graph.add_edge(referral.id, back.id, relation="back")
    return graph


def referral_cycles(referrals_graph: nx.DiGraph, by_id: Mapping[str, Event],
                    order: Mapping[str, int]) -> list[tuple[Event, ...]]:
    """The cycles of the referral graph, each in time order, in order of the referral that
    closes them. Each referral has at most one edge out, so every strongly connected component
    of more than one referral is one cycle (networkx's ``strongly_connected_components``, linear,
    where ``simple_cycles`` would search for cycles the graph cannot have)."""
    import networkx as nx

    cycles = [sorted(found, key=order.__getitem__)
              for found in nx.strongly_connected_components(referrals_graph) if len(found) > 1]
    cycles.sort(key=lambda cycle: order[cycle[-1]])
    return [tuple(by_id[node] for node in cycle) for cycle in cycles]
