"""Unit costs as data: the shape of one price (per day, month, year, hour or event), who pays it,
and the checks a price needs beyond its shape (a range that is a range, payers that exist,
shares that add up).

Used by the cost table (:mod:`persona.costs`), by a catalogue's services and by a persona's
supports and events, which may carry their own cost (``cost: {item: ID}`` or a whole price).
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from persona.errors import Problem
from persona.model import ADDED_TO, COST_UNITS, Amount, CostUnit, PayerSplit, UnitCost
from persona.pydantic_problems import hint
from persona.safe_yaml import SourceMap
SHARE_TOLERANCE = 0.001
__all__ = ["Amount", "COST_UNITS", "CostUnit", "PayerSplit", "UnitCost", "payer_shares", "price_problems",
           "persona_price_problems"]

WHOLE_PRICE = ("low", "high", "unit", "payer")


def payer_shares(payer: Any) -> dict[str, float]:
    """``"kommun-social"`` → ``{"kommun-social": 1.0}``; a mapping of shares as it is."""
    if isinstance(payer, str):
        return {payer: 1.0}
    return {str(k): float(v) for k, v in payer.items()} if isinstance(payer, Mapping) else {}


def price_problems(price: Mapping[str, Any], path: tuple[Any, ...], source: SourceMap, payers: Iterable[str],
                   items: Iterable[str] = ()) -> list[Problem]:
    """What is wrong with one price beyond its shape: nothing or everything given, ``high``
    below ``low``, an hourly price without hours, an unknown payer or item, shares not adding to 1."""
    problems: list[Problem] = []
    payers, items = sorted(payers), sorted(items)
    item = price.get("item")
    if item is not None:
        if items and isinstance(item, str) and item not in items:
            problems.append(Problem("cost.unknown_item", {"value": item, "hint": hint(item, items)},
                                    source.value(path + ("item",))))
        return problems
    missing = [name for name in WHOLE_PRICE if price.get(name) is None]
    if missing:
        return [Problem("cost.incomplete", {"fields": ", ".join(missing)}, source.value(path))]
    low, high = price.get("low"), price.get("high")
    if isinstance(low, (int, float)) and isinstance(high, (int, float)) and _number(low) and _number(high) and high < low:
        problems.append(Problem("cost.high_below_low", {"low": low, "high": high}, source.value(path + ("high",))))
    if price.get("unit") == "hour" and price.get("hours_per_month") is None and price.get("hours") is None:
        problems.append(Problem("cost.hours_missing", {}, source.value(path + ("unit",))))
    problems += _payer_problems(price.get("payer"), path + ("payer",), source, payers)
    return problems


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _payer_problems(payer: Any, path: tuple[Any, ...], source: SourceMap, payers: list[str]) -> list[Problem]:
    shares = payer_shares(payer)
    problems = [Problem("cost.unknown_payer", {"value": name, "hint": hint(name, payers)},
                        source.key(path + (name,)) if isinstance(payer, Mapping) else source.value(path))
                for name in shares if payers and name not in payers]
    if isinstance(payer, Mapping) and all(_number(v) for v in payer.values()):
        total = sum(shares.values())
        if abs(total - 1.0) > SHARE_TOLERANCE:
            problems.append(Problem("cost.shares_not_one", {"total": f"{total:g}"}, source.value(path)))
    return problems


def _listed(value: Any) -> list[Any]:
    """A collection as the file gives it; anything that is no list is the validator's to name."""
    return value if isinstance(value, list) else []


def _priced_items(data: Mapping[str, Any]) -> Iterable[tuple[tuple[Any, ...], Mapping[str, Any]]]:
    """Every ``cost:`` of a persona: on supports, events and a scenario's additions."""
    for collection in ("supports", "events"):
        for index, item in enumerate(_listed(data.get(collection))):
            if isinstance(item, Mapping) and isinstance(item.get("cost"), Mapping):
                yield (collection, index, "cost"), item["cost"]
    for s_index, scenario in enumerate(_listed(data.get("scenarios"))):
        changes = scenario.get("changes") if isinstance(scenario, Mapping) else None
        for c_index, change in enumerate(_listed(changes)):
            for action in ADDED_TO:
                added = change.get(action) if isinstance(change, Mapping) else None
                if isinstance(added, Mapping) and isinstance(added.get("cost"), Mapping):
                    yield ("scenarios", s_index, "changes", c_index, action, "cost"), added["cost"]


def persona_price_problems(data: Mapping[str, Any], source: SourceMap) -> list[Problem]:
    """The prices a persona gives its supports and events, checked as far as the file alone can
    (payer and item names are checked against the cost table when a cost is worked out)."""
    problems: list[Problem] = []
    for path, price in _priced_items(data):
        problems += price_problems(price, path, source, ())
    return problems
