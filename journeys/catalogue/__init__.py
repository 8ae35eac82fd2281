"""The municipality's offer read as a map: services by sector, level and age, the "luckor"
(where nothing is offered), and each gap of a persona told as "offer" or "access".

``offer_map(catalogue_file)`` → :class:`OfferMap`; ``find_luckor(offer)`` → the empty runs;
``match_gaps(gaps, graph, catalogue_file)`` → a :class:`Verdict` per gap.
"""

from __future__ import annotations

from journeys.catalogue.luckor import Lucka, find_luckor
from journeys.catalogue.match import Verdict, match_gap, match_gaps
from journeys.catalogue.offer import OfferMap, offer_map

__all__ = ["Lucka", "OfferMap", "Verdict", "find_luckor", "match_gap", "match_gaps", "offer_map"]
