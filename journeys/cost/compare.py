"""A scenario against today's journey: the difference year by year, the silo view, the return
on investment and the payback age — in each price world (``low`` and ``high``) on its own.

Investment is what the scenario adds (every line where it costs more), savings what it takes
away (every line where it costs less); both are counted line by line (one support or event,
one payer, one year of age), so that a payer's savings are never netted against another's cost.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from journeys.cost.journey import BOUNDS, YEARS, JourneyCost


@dataclass(frozen=True)
class Silo:
    """What the scenario costs one payer and what it saves it (kronor, per price world)."""

    payer: str
    costs: Mapping[str, float]
    saves: Mapping[str, float]

    def net(self, bound: str) -> float:
        """Savings minus costs: positive when the payer gains."""
        return self.saves[bound] - self.costs[bound]


@dataclass(frozen=True)
class CostComparison:
    before: JourneyCost
    after: JourneyCost
    silos: tuple[Silo, ...]

    def difference(self, bound: str, year: int, payer: str | None = None) -> float:
        """Scenario minus today in one year of age (negative: the scenario costs less)."""
        return self.after.year_total(bound, year, payer) - self.before.year_total(bound, year, payer)

    def investment(self, bound: str) -> float:
        return sum(s.costs[bound] for s in self.silos)

    def savings(self, bound: str) -> float:
        return sum(s.saves[bound] for s in self.silos)

    def return_on_investment(self, bound: str) -> float | None:
        """Kronor saved per krona the scenario adds (None when it adds nothing)."""
        invested = self.investment(bound)
        return self.savings(bound) / invested if invested > 0 else None

    def payback_age(self, bound: str) -> float | None:
        """The age from which the scenario has saved at least what it has cost, for good (None:
        not by 20). Within a year of age costs are taken as spread evenly."""
        gained, previous, payback = 0.0, 0.0, 0.0
        for year in YEARS:
            gained -= self.difference(bound, year)
            if gained < 0:
                payback = None  # type: ignore[assignment]
            elif payback is None:
                step = gained - previous
                payback = year + (-previous / step if step > 0 else 1.0)
            previous = gained
        return None if gained < 0 else payback


def _silos(before: JourneyCost, after: JourneyCost) -> tuple[Silo, ...]:
    payers = sorted(set(before.payers()) | set(after.payers()))
    costs = {p: {b: 0.0 for b in BOUNDS} for p in payers}
    saves = {p: {b: 0.0 for b in BOUNDS} for p in payers}
    for bound in BOUNDS:
        old, new = before.lines[bound], after.lines[bound]
        for key in set(old) | set(new):
            change = new.get(key, 0.0) - old.get(key, 0.0)
            payer = key[1]
            if change > 0:
                costs[payer][bound] += change
            else:
                saves[payer][bound] -= change
    return tuple(Silo(p, costs[p], saves[p]) for p in payers)


def compare_costs(before: JourneyCost, after: JourneyCost) -> CostComparison:
    return CostComparison(before, after, _silos(before, after))
