"""The cost table file (``costs: 1``): payers and unit costs, each with its source and year.

The default table ships with the journeys package (``journeys/data/costs.yaml``); a
municipality's own file of the same shape replaces items and payers by id and adds its own.
Both are read with the same safe loader, checks and personal-data guard as a persona.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, Mapping, Optional

from pydantic import Field, ValidationError

from persona.catalogue import with_version_check
from persona.cost_model import Amount, CostUnit, PayerSplit, price_problems
from persona.errors import PersonaError, PersonaInvalid, Problem
from persona.model import Age, EventKind, Item, Slug, SupportLevel, Text
from persona.privacy import check_loaded
from persona.pydantic_problems import problems_from
from persona.safe_yaml import DEFAULT_MAX_BYTES, SourceMap, load_yaml, read_text

PayerLevel = Literal["kommun", "region", "stat"]
PAYER_LEVELS: tuple[str, ...] = PayerLevel.__args__  # type: ignore[attr-defined]


class CostsInvalid(PersonaInvalid):
    """A cost table file is not valid (shape, ranges, payers, privacy)."""


class Payer(Item):
    """Who pays: the kommun (with the nämnd that holds the budget), the region or the state."""

    level: PayerLevel
    sv: Text
    en: Optional[Text] = None

    def text(self, lang: str) -> str:
        return (self.en or self.sv) if lang == "en" else self.sv


class AgeBand(Item):
    from_: Age = Field(alias="from")
    to: Age

    def covers(self, age: float) -> bool:
        return self.from_ <= age < self.to


class SupportMatch(Item):
    """Which supports an item prices: by agency, level and the child's age (all optional)."""

    agency: Optional[str] = None
    level: Optional[SupportLevel] = None
    ages: Optional[AgeBand] = None


class EventMatch(Item):
    """Which events an item prices: by kind and agency."""

    kind: EventKind
    agency: Optional[str] = None


class CostItem(Item):
    """One unit cost with its range, payer, source and year."""

    id: Slug
    sv: Text
    en: Optional[Text] = None
    support: Optional[SupportMatch] = None
    event: Optional[EventMatch] = None
    unit: CostUnit
    low: Amount
    high: Amount
    hours_per_month: Optional[Annotated[float, Field(gt=0, le=744)]] = None
    hours: Optional[Annotated[float, Field(gt=0, le=10000)]] = None
    payer: PayerSplit
    year: Annotated[str, Field(min_length=1, max_length=40)]
    source: Text
    note: Optional[Text] = None

    def text(self, lang: str) -> str:
        return (self.en or self.sv) if lang == "en" else self.sv


class CostTable(Item):
    """Payers and unit costs (``costs: 1``)."""

    costs: Literal[1]
    currency: Annotated[str, Field(min_length=1, max_length=10)] = "SEK"
    payers: dict[str, Payer] = {}
    items: tuple[CostItem, ...] = ()

    def item(self, item_id: str) -> CostItem | None:
        return next((i for i in self.items if i.id == item_id), None)

    def merged_with(self, other: "CostTable") -> "CostTable":
        """This table with ``other``'s payers and items on top (same id: ``other``'s wins)."""
        items = {i.id: i for i in self.items}
        items.update({i.id: i for i in other.items})
        return self.model_copy(update={"payers": {**self.payers, **other.payers}, "items": tuple(items.values()),
                                       "currency": other.currency})


@dataclass(frozen=True)
class CostsFile:
    path: str | Path
    table: CostTable
    source: SourceMap


def _table_problems(data: Mapping[str, Any], source: SourceMap, base: CostTable | None) -> list[Problem]:
    """Meaning: unique ids, prices that hold together, payers known here or in ``base``."""
    payers = set(base.payers) if base else set()
    if isinstance(data.get("payers"), Mapping):
        payers |= set(data["payers"])
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(data.get("items") or []):
        if not isinstance(item, Mapping):
            continue
        path = ("items", index)
        item_id = item.get("id")
        if isinstance(item_id, str) and item_id in seen:
            first = source.value(("items", seen[item_id], "id"))
            problems.append(Problem("ref.duplicate_id", {"id": item_id, "line": first.line if first else "?"},
                                    source.value(path + ("id",))))
        elif isinstance(item_id, str):
            seen[item_id] = index
        problems += price_problems(item, path, source, payers)
    return problems


def parse_costs(yaml_text: str, path: str | Path = "<costs>", base: CostTable | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> CostsFile:
    """A cost table from its YAML text (``base``: the table it adds to, for payer names)."""
    loaded = load_yaml(yaml_text, path, max_bytes)
    if not isinstance(loaded.data, dict):
        raise CostsInvalid(path, [Problem("costs.not_mapping", {}, loaded.source.value(()))])
    problems: list[Problem] = []
    table = None
    try:
        table = CostTable.model_validate(loaded.data)
    except ValidationError as exc:
        problems += problems_from(exc, loaded.source, CostTable)
    problems = with_version_check(problems, loaded.data, "costs", loaded.source)
    problems += _table_problems(loaded.data, loaded.source, base)
    problems += check_loaded(yaml_text, loaded.data, loaded.source)  # raw lines and parsed strings
    if problems or table is None:
        raise CostsInvalid(path, problems)
    return CostsFile(path, table, loaded.source)


def read_costs(path: str | Path, base: CostTable | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> CostsFile:
    """A cost table from a file; raises :class:`PersonaUnreadable` or :class:`CostsInvalid`."""
    path = Path(path)
    return parse_costs(read_text(path, max_bytes), path, base, max_bytes)


__all__ = ["CostItem", "CostTable", "CostsFile", "CostsInvalid", "EventMatch", "PAYER_LEVELS", "Payer",
           "PersonaError", "SupportMatch", "parse_costs", "read_costs"]
