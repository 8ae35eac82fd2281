"""The hand-over network between agencies, as a networkx graph of published figures only.

An edge is a hand-over (referral, report of concern, transition) that at least the disclosure
threshold of children made, with the number of children; a node is an agency on such an edge,
with its label, its sector's place in the lane order, and how many children waited too long for
it or bounced through it (when those counts are published too).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from persona.vocabulary import Vocabulary

from journeys.cohort.publish import Published

if TYPE_CHECKING:
    import networkx as nx


def handover_network(published: Published, vocabulary: Vocabulary, lang: str) -> "nx.DiGraph":
    import networkx as nx

    graph = nx.DiGraph()
    order = {s: i for i, s in enumerate(vocabulary.sectors_in_order())}
    for (source, target), children in sorted(published.network.items()):
        for agency in (source, target):
            if agency not in graph:
                graph.add_node(agency, label=vocabulary.agency_label(agency, lang, short=True),
                               lane=order.get(vocabulary.sector_of(agency), len(order)),
                               waited=published.places.get("wait", {}).get(agency),
                               bounced=published.places.get("bounce", {}).get(agency))
        graph.add_edge(source, target, children=children)
    return graph


def agencies_in_lane_order(graph: "nx.DiGraph") -> list[str]:
    """The agencies of the network grouped by sector in the timeline's lane order."""
    return sorted(graph.nodes, key=lambda a: (graph.nodes[a]["lane"], a))
