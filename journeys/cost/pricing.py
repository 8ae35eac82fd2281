"""Which price a support or an event has: its own (``cost:``), else the most specific item of
the cost table that matches it (agency and level beat agency, which beats level alone).

A price is turned into kronor per day of a support, or kronor for one event.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from persona.cost_model import payer_shares
from persona.costs import CostItem, CostTable
from persona.model import Event, Support, UnitCost

DAYS_PER_YEAR = 365.25
DAYS_PER_MONTH = DAYS_PER_YEAR / 12
PER_DAY = {"day": 1.0, "month": 1 / DAYS_PER_MONTH, "year": 1 / DAYS_PER_YEAR}


@dataclass(frozen=True)
class Price:
    """A unit cost ready to use: what it is, its range per unit, who pays which share."""

    item: str
    unit: str
    low: float
    high: float
    payers: Mapping[str, float]
    hours_per_month: float | None = None
    hours: float | None = None

    def per_day(self, bound: str) -> float:
        """Kronor per day of a support that lasts (an hourly price at its hours per month)."""
        rate = self.low if bound == "low" else self.high
        if self.unit == "hour":
            return rate * (self.hours_per_month or 0.0) / DAYS_PER_MONTH
        return rate * PER_DAY.get(self.unit, 0.0)

    def once(self, bound: str) -> float:
        """Kronor for one event (an hourly price at its hours)."""
        rate = self.low if bound == "low" else self.high
        return rate * (self.hours or 1.0) if self.unit == "hour" else rate


def price_of_item(item: CostItem) -> Price:
    return Price(item.id, item.unit, item.low, item.high, payer_shares(item.payer), item.hours_per_month, item.hours)


def own_price(thing_id: str, cost: UnitCost, table: CostTable) -> Price | None:
    """A support's or event's own ``cost:``: an item of the table by id, or a whole price."""
    if cost.item is not None:
        item = table.item(cost.item)
        return price_of_item(item) if item else None
    if cost.low is None or cost.high is None or cost.unit is None or cost.payer is None:
        return None
    return Price(f"{thing_id}:cost", cost.unit, cost.low, cost.high, payer_shares(cost.payer),
                 cost.hours_per_month, cost.hours)


def _support_score(item: CostItem, support: Support, age: float) -> int | None:
    match = item.support
    if match is None:
        return None
    if (match.agency and match.agency != support.agency) or (match.level and match.level != support.level):
        return None
    if match.ages and not match.ages.covers(age):
        return None
    return 2 * bool(match.agency) + bool(match.level)


def support_price(support: Support, age: float, table: CostTable) -> Price | None:
    """The price of a support at one age of the child (placements cost more for teenagers)."""
    if support.cost is not None:
        return own_price(support.id, support.cost, table)
    scored = [(score, -index, item) for index, item in enumerate(table.items)
              if (score := _support_score(item, support, age)) is not None]
    return price_of_item(max(scored, key=lambda s: (s[0], s[1]))[2]) if scored else None


def event_price(event: Event, table: CostTable) -> Price | None:
    if event.cost is not None:
        return own_price(event.id, event.cost, table)
    candidates = [item for item in table.items if item.event is not None and item.event.kind == event.kind
                  and (item.event.agency is None or item.event.agency == event.agency)]
    candidates.sort(key=lambda item: item.event is not None and item.event.agency is None)
    return price_of_item(candidates[0]) if candidates else None
