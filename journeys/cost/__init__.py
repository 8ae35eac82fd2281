"""The cost of a journey, as estimates from public unit costs: per year of age, cumulative and
by payer, always as a range (low–high); with a scenario, both journeys, the difference, the silo
view (what the scenario costs and saves each payer), the return on investment and the age at
which it has paid for itself.

``cost_table(path)`` → the default table with a municipality's file on top;
``journey_cost(persona, table)`` → :class:`JourneyCost`; ``compare_costs(before, after)`` →
:class:`CostComparison`.
"""

from __future__ import annotations

from journeys.cost.compare import CostComparison, compare_costs
from journeys.cost.journey import JourneyCost, journey_cost
from journeys.cost.table import cost_table, default_cost_table

__all__ = ["CostComparison", "JourneyCost", "compare_costs", "cost_table", "default_cost_table", "journey_cost"]
