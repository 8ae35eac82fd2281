"""The edit page's table cells and the persona's YAML values, both ways.

A table cell is what a person types or the table widget gives back: text, a float (NaN when
empty), a checkbox. A YAML value is what the file should hold: a list for ``with``/``sources``
("a, b" in a cell), a number for ages (6 not 6.0), None for a key to leave out.
"""

from __future__ import annotations

import math
from typing import Any, Mapping

LIST_FIELDS = ("with", "sources")
# Fields that hold numbers (ages, a year), by collection ("top" = the persona itself). An event's
# "from" and "to" name agencies; a support's or factor's are ages.
NUMBER_FIELDS: dict[str, tuple[str, ...]] = {
    "top": ("born",), "events": ("age",), "supports": ("from", "to"), "factors": ("from", "to"), "people": (),
}
BOOL_FIELDS = ("child_heard", "protective")


def is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def plain_number(value: Any) -> Any:
    """6.0 → 6, 2.5 → 2.5, "2.5" → 2.5; anything else is kept for the validator to name."""
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            return value.strip()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def cell_to_value(column: str, value: Any, collection: str = "top") -> Any:
    """A table cell → the YAML value (None when the key should be left out)."""
    if is_blank(value):
        return None
    if column in LIST_FIELDS:
        parts = value if isinstance(value, (list, tuple)) else str(value).split(",")
        return [str(p).strip() for p in parts if str(p).strip()] or None
    if column in NUMBER_FIELDS.get(collection, ()):
        return plain_number(value)
    if column in BOOL_FIELDS:
        return value if isinstance(value, bool) else str(value).strip().lower() in ("true", "ja", "yes", "1")
    return str(value).strip() if isinstance(value, str) else value


def value_to_cell(column: str, value: Any, collection: str = "top") -> Any:
    """A YAML value → a table cell (lists as "a, b")."""
    if value is None:
        return None
    if column in LIST_FIELDS:
        return ", ".join(str(v) for v in value)
    if column in NUMBER_FIELDS.get(collection, ()) and collection != "top":
        return float(value) if isinstance(value, (int, float)) else value
    if column in BOOL_FIELDS:
        return bool(value)
    return str(value)


def row_values(row: Mapping[str, Any], collection: str = "top") -> dict[str, Any]:
    """A table row (or the card's fields) as YAML values."""
    return {column: cell_to_value(column, value, collection) for column, value in row.items()}


def row_cells(values: Mapping[str, Any], collection: str = "top") -> dict[str, Any]:
    """An item's YAML values (or the card's) as table cells."""
    return {column: value_to_cell(column, value, collection) for column, value in values.items()}
