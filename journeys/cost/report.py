"""The cost of a journey as one report: the stable JSON object (docs/cost.md) that the table
and the CSV are written from, so every output says the same.

Amounts are whole kronor. ``low`` and ``high`` are the two price worlds (every unit cost at its
low end, or at its high end); a difference or a return is worked out within one world.
"""

from __future__ import annotations

from typing import Any

from persona.costs import CostTable
from persona.i18n import Catalog
from persona.load import PersonaFile
from persona.model import Persona, Scenario

from journeys.cost.compare import CostComparison, compare_costs
from journeys.cost.journey import BOUNDS, YEARS, JourneyCost

FORMAT_VERSION = 1


def _pair(low: float, high: float) -> dict[str, int]:
    return {"low": round(low), "high": round(high)}


def _range(cost: JourneyCost, fn: str, *args: Any) -> dict[str, int]:
    low, high = (getattr(cost, fn)(bound, *args) for bound in BOUNDS)
    return _pair(low, high)


def _journey_year(age: int, before: JourneyCost, after: JourneyCost | None, payer: str | None) -> dict[str, Any]:
    row: dict[str, Any] = {"today": _range(before, "year_total", age, payer),
                           "today_cumulative": _range(before, "cumulative", age, payer)}
    if after is not None:
        row["scenario"] = _range(after, "year_total", age, payer)
        row["scenario_cumulative"] = _range(after, "cumulative", age, payer)
        row["difference_cumulative"] = _pair(*(after.cumulative(b, age, payer) - before.cumulative(b, age, payer)
                                               for b in BOUNDS))
    return row


def _year(age: int, before: JourneyCost, after: JourneyCost | None, payers: list[str]) -> dict[str, Any]:
    return {"age": age, **_journey_year(age, before, after, None),
            "by_payer": {payer: _journey_year(age, before, after, payer) for payer in payers}}


def _payers(table: CostTable, text: Catalog, before: JourneyCost, after: JourneyCost | None) -> list[dict[str, Any]]:
    ids = sorted(set(before.payers()) | set(after.payers() if after else ()))
    rows = []
    for payer in ids:
        known = table.payers.get(payer)
        row: dict[str, Any] = {"id": payer, "label": known.text(text.lang) if known else payer,
                               "level": known.level if known else None, "today": _range(before, "total", payer)}
        if after is not None:
            row["scenario"] = _range(after, "total", payer)
        rows.append(row)
    return rows


def _silo(comparison: CostComparison, table: CostTable, text: Catalog) -> list[dict[str, Any]]:
    rows = []
    for silo in comparison.silos:
        known = table.payers.get(silo.payer)
        rows.append({"payer": silo.payer, "label": known.text(text.lang) if known else silo.payer,
                     "costs": _pair(silo.costs["low"], silo.costs["high"]),
                     "saves": _pair(silo.saves["low"], silo.saves["high"]),
                     "net": _pair(silo.net("low"), silo.net("high"))})
    return rows


def _unpriced(cost: JourneyCost) -> list[dict[str, Any]]:
    return [{"id": s.id, "label": s.label, "agency": s.agency, "level": s.level} for s in cost.unpriced]


def _sources(table: CostTable, text: Catalog, used: set[str]) -> list[dict[str, Any]]:
    return [{"item": item.id, "label": item.text(text.lang), "unit": item.unit, "low": item.low, "high": item.high,
             "year": item.year, "source": item.source, "note": item.note}
            for item in table.items if item.id in used]


def _rounded(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def cost_report(persona: Persona, table: CostTable, text: Catalog, before: JourneyCost,
                after: JourneyCost | None = None, scenario: Scenario | None = None) -> dict[str, Any]:
    """The report as the stable JSON object (see docs/cost.md)."""
    used = set(before.used_items()) | set(after.used_items() if after else ())
    payers = sorted(set(before.payers()) | set(after.payers() if after else ()))
    report: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "persona": persona.id,
        "name": persona.name,
        "currency": table.currency,
        "note": text("cost.estimate_note"),
        "scenario": {"id": scenario.id, "label": scenario.label} if scenario else None,
        "years": [_year(age, before, after, payers) for age in YEARS],
        "total": {"today": _range(before, "total")},
        "payers": _payers(table, text, before, after),
        "unpriced": {"today": _unpriced(before)},
        "sources": _sources(table, text, used),
    }
    if after is not None:
        comparison = compare_costs(before, after)
        report["total"]["scenario"] = _range(after, "total")
        report["unpriced"]["scenario"] = _unpriced(after)
        report["silo"] = _silo(comparison, table, text)
        report["investment"] = _pair(comparison.investment("low"), comparison.investment("high"))
        report["savings"] = _pair(comparison.savings("low"), comparison.savings("high"))
        report["return_on_investment"] = {b: _rounded(comparison.return_on_investment(b)) for b in BOUNDS}
        report["payback_age"] = {b: _rounded(comparison.payback_age(b), 1) for b in BOUNDS}
    return report


def persona_cost_report(loaded: PersonaFile, table: CostTable, text: Catalog, scenario_id: str | None) -> dict[str, Any]:
    """The report of one persona (and one of its scenarios), with its prices checked first."""
    from journeys.cost.check import check_prices
    from journeys.cost.journey import journey_cost
    from journeys.scenario import ScenarioError, apply_scenario

    check_prices(loaded, table)
    before = journey_cost(loaded.persona, table)
    if scenario_id is None:
        return cost_report(loaded.persona, table, text, before)
    try:
        changed = apply_scenario(loaded.persona, scenario_id, loaded.vocabulary)
    except ScenarioError as exc:
        raise ScenarioError(loaded.path, exc.problems) from None
    after = journey_cost(changed, table)
    return cost_report(loaded.persona, table, text, before, after, loaded.persona.scenario(scenario_id))
