"""The edit page's tables: a persona's items as a DataFrame for ``st.data_editor`` and back
(cells ↔ YAML values by ``app/cell_values.py``).

The hidden column ``_original_id`` remembers which item a row came from, so an edited id
changes that item in place, a missing row deletes it and a row without one is new. Codes are
shown by their labels and ages as years and months (app/cells.py); a hidden column per age
keeps the file's own number, so an age left alone is written back exactly.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from persona.edit import ITEM_ORDER, PersonaEditor
from persona.i18n import Catalog
from persona.model import EVENT_KINDS, FACTOR_DOMAINS, SUPPORT_LEVELS

from app import cells, data
from app.cell_values import NUMBER_FIELDS, row_cells, row_values

COLLECTIONS = ("events", "supports", "factors", "people")
ORIGINAL = "_original_id"
CHECK_COLUMNS = ("child_heard", "protective")


def _kept(column: str) -> str:
    """The hidden column holding an age column's numbers as the file has them."""
    return f"_{column}_in_file"


def column_config(collection: str, text: Catalog, agencies: list[str],
                  own_agencies: dict[str, str] | None = None) -> dict[str, Any]:
    vocabulary = data.vocabulary()
    choices = {
        "kind": list(EVENT_KINDS), "level": list(SUPPORT_LEVELS), "domain": list(FACTOR_DOMAINS),
        "type": ["risk", "protective"], "handover": ["none", "partial", "full"], "role": list(vocabulary.roles),
        "agency": agencies, "to": agencies, "from": agencies,
    }
    config: dict[str, Any] = {ORIGINAL: None}
    for column in ITEM_ORDER[collection]:
        label = text(f"app.edit.column.{column}")
        if column in NUMBER_FIELDS[collection]:
            config[column] = st.column_config.TextColumn(label, help=text("app.cells.age_help"))
            config[_kept(column)] = None
        elif column in CHECK_COLUMNS:
            config[column] = st.column_config.CheckboxColumn(label)
        elif column in choices:
            shown = cells.label_function(column, vocabulary, text.lang, own_agencies)
            config[column] = st.column_config.SelectboxColumn(label, options=choices[column], format_func=shown)
        else:
            config[column] = st.column_config.TextColumn(label, required=column == "id")
    return config


def frame(editor: PersonaEditor, collection: str, text: Catalog) -> pd.DataFrame:
    rows = [row_cells(row, collection) for row in editor.rows(collection)]
    table = pd.DataFrame(rows, columns=list(ITEM_ORDER[collection]))
    table.insert(0, ORIGINAL, [row["id"] for row in rows])
    for column in NUMBER_FIELDS[collection]:
        table[_kept(column)] = [row[column] for row in rows]
        table[column] = pd.Series([cells.age_cell(row[column], text) for row in rows], dtype="object")
    return table


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return value
    return None if pd.isna(value) else value


def table_rows(table: pd.DataFrame, collection: str, text: Catalog) -> tuple[list[dict[str, Any]], list[str | None]]:
    """The edited table as rows of YAML values (for :func:`persona.edit.edited_text`) and the id
    each row had when the table was made."""
    ages = NUMBER_FIELDS[collection]
    rows = []
    for record in table.to_dict("records"):
        row = {c: _plain(v) for c, v in record.items() if c != ORIGINAL and c not in map(_kept, ages)}
        for column in ages:
            row[column] = cells.age_value(row.get(column), _plain(record.get(_kept(column))), text)
        rows.append(row_values(row, collection))
    originals = [_plain(v) for v in table[ORIGINAL].tolist()]
    return rows, originals
