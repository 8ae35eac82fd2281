"""A persona's own prices checked against the cost table: the items and payers they name must
exist there. Each problem is placed at its line in the persona file."""

from __future__ import annotations

from typing import Any, Iterator

from persona.cost_model import price_problems
from persona.costs import CostsInvalid, CostTable
from persona.load import PersonaFile
from persona.model import ADDED_TO, UnitCost


def _own_prices(loaded: PersonaFile) -> Iterator[tuple[tuple[Any, ...], UnitCost]]:
    persona = loaded.persona
    for collection in ("supports", "events"):
        for index, item in enumerate(getattr(persona, collection)):
            if item.cost is not None:
                yield (collection, index, "cost"), item.cost
    for s_index, scenario in enumerate(persona.scenarios):
        for c_index, change in enumerate(scenario.changes):
            for action in ADDED_TO:
                added = getattr(change, action)
                if isinstance(added, dict) and isinstance(added.get("cost"), dict):
                    yield ("scenarios", s_index, "changes", c_index, action, "cost"), UnitCost(**added["cost"])


def check_prices(loaded: PersonaFile, table: CostTable) -> None:
    """Raise :class:`CostsInvalid` (naming the persona file) if a price names an unknown item or payer."""
    problems = []
    for path, cost in _own_prices(loaded):
        problems += price_problems(cost.model_dump(exclude_none=True), path, loaded.source, table.payers,
                                   [i.id for i in table.items])
    if problems:
        raise CostsInvalid(loaded.path, problems)
