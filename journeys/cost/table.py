"""The cost table: the default shipped as package data, with a municipality's file on top."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from persona.costs import CostTable, parse_costs, read_costs

DEFAULT_PATH = "data/costs.yaml"


@lru_cache(maxsize=1)
def default_cost_table() -> CostTable:
    """The default table (``journeys/data/costs.yaml``): public unit costs with source and year."""
    yaml_text = resources.files("journeys").joinpath(DEFAULT_PATH).read_text(encoding="utf-8")
    return parse_costs(yaml_text, f"journeys/{DEFAULT_PATH}").table


def cost_table(path: str | Path | None = None) -> CostTable:
    """The default table, or the default with the municipality's file at ``path`` on top."""
    base = default_cost_table()
    if path is None:
        return base
    return base.merged_with(read_costs(path, base).table)
