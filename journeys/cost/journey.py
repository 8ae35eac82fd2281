"""The cost of one journey: every priced support and event spread over the years of age and
split between payers, in two consistent price worlds, ``low`` (every unit cost at its low end)
and ``high``.

A support costs for each day it runs (one with no end runs to 20); an event costs once, in the
year of age it happens. Supports with no price are kept in ``unpriced`` so every output can say
what the figures leave out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Mapping

from persona.costs import CostTable
from persona.model import Persona, Support

from journeys.cost.pricing import DAYS_PER_YEAR, event_price, support_price

BOUNDS = ("low", "high")
FIRST_YEAR, LAST_YEAR = 0, 20
YEARS = tuple(range(FIRST_YEAR, LAST_YEAR))

# (thing id, payer, year of age) → kronor, per price world
Lines = Mapping[tuple[str, str, int], float]


@dataclass(frozen=True)
class JourneyCost:
    """Kronor by (thing, payer, year of age) in each price world; what was priced with which item."""

    lines: Mapping[str, Lines]
    items: Mapping[str, tuple[str, ...]]  # thing id → the cost items used for it
    unpriced: tuple[Support, ...]

    def year_total(self, bound: str, year: int, payer: str | None = None) -> float:
        return sum(v for (_, p, y), v in self.lines[bound].items() if y == year and payer in (None, p))

    def cumulative(self, bound: str, until_year: int, payer: str | None = None) -> float:
        """Kronor from birth to the end of year ``until_year`` (inclusive)."""
        return sum(v for (_, p, y), v in self.lines[bound].items() if y <= until_year and payer in (None, p))

    def total(self, bound: str, payer: str | None = None) -> float:
        return self.cumulative(bound, YEARS[-1], payer)

    def payers(self) -> tuple[str, ...]:
        return tuple(sorted({p for bound in BOUNDS for (_, p, _) in self.lines[bound]}))

    def used_items(self) -> tuple[str, ...]:
        return tuple(sorted({i for ids in self.items.values() for i in ids}))


def _year_spans(start: float, end: float) -> Iterator[tuple[int, float, float]]:
    """The years of age a span touches, each with the part of the span inside it."""
    for year in YEARS:
        low, high = max(start, year), min(end, year + 1)
        if high > low:
            yield year, low, high


def _support_lines(support: Support, table: CostTable, lines: dict[str, dict], items: dict[str, set[str]]) -> bool:
    end = support.to if support.to is not None else float(LAST_YEAR)
    priced = False
    for year, start, stop in _year_spans(support.from_, end):
        price = support_price(support, start, table)
        if price is None:
            continue
        priced = True
        items.setdefault(support.id, set()).add(price.item)
        days = (stop - start) * DAYS_PER_YEAR
        for bound in BOUNDS:
            for payer, share in price.payers.items():
                key = (support.id, payer, year)
                lines[bound][key] = lines[bound].get(key, 0.0) + price.per_day(bound) * days * share
    return priced


def journey_cost(persona: Persona, table: CostTable) -> JourneyCost:
    """What the persona's supports and events cost, year by year and payer by payer."""
    lines: dict[str, dict] = {bound: {} for bound in BOUNDS}
    items: dict[str, set[str]] = {}
    unpriced = tuple(s for s in persona.supports if not _support_lines(s, table, lines, items))
    for event in persona.events:
        price = event_price(event, table)
        if price is None:
            continue
        items.setdefault(event.id, set()).add(price.item)
        year = min(max(int(event.age), FIRST_YEAR), LAST_YEAR - 1)
        for bound in BOUNDS:
            for payer, share in price.payers.items():
                key = (event.id, payer, year)
                lines[bound][key] = lines[bound].get(key, 0.0) + price.once(bound) * share
    return JourneyCost({b: dict(v) for b, v in lines.items()}, {k: tuple(sorted(v)) for k, v in items.items()},
                       unpriced)
