"""Editing a persona file without disturbing what the official wrote.

The file is loaded round-trip (ruamel.yaml) once: comments, key order, quoting, flow ``{…}`` and
block style of every untouched part are written back exactly as they were
(:mod:`persona.yaml_style`, :mod:`persona.yaml_comments`). Changes are made item by item (add,
change, delete events, supports, factors, people; the card fields) with plain YAML values (None
removes a key), and only the values that really changed are replaced. Saving is
:mod:`persona.saving`; the app's table cells become values in ``app/cell_values.py``.
"""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any, Mapping, Sequence

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError as RuamelError

from persona.errors import PersonaError, Problem
from persona.safe_yaml import load_yaml
from persona.yaml_comments import delete_from_seq, insert_into_seq
from persona.yaml_style import round_trip_yaml, same, set_value, styled

# The order keys take when the editor adds them (the order of the schema in DESIGN.md).
TOP_ORDER = ("schema", "id", "name", "born", "summary", "quote", "sources",
             "people", "agencies", "factors", "supports", "events", "scenarios")
ITEM_ORDER: dict[str, tuple[str, ...]] = {
    "events": ("id", "age", "kind", "agency", "label", "to", "from", "with", "handover",
               "responds_to", "note", "voice", "child_heard", "sources"),
    "supports": ("id", "agency", "level", "label", "from", "to", "note", "sources"),
    "factors": ("id", "type", "domain", "label", "from", "to", "note", "sources"),
    "people": ("id", "role", "label", "note", "protective", "sources"),
}
CARD_FIELDS = ("name", "born", "summary", "quote")
# Where a new item goes in its list: after the last item that starts no later than it.
START_FIELD = {"events": "age", "supports": "from", "factors": "from"}


class PersonaNotEditable(PersonaError):
    """The text could not be opened for editing (not YAML, not a mapping)."""

    exit_code = 1


class PersonaEditor:
    """A persona file's YAML, loaded round-trip, changed item by item, written back as text."""

    def __init__(self, yaml_text: str, source: str | Path = "<persona>"):
        self.source = source
        load_yaml(yaml_text, source)  # the safe loader names syntax problems with their lines
        try:
            self._yaml, self.data = round_trip_yaml(yaml_text)
        except RuamelError as exc:  # pragma: no cover - the safe loader catches these first
            raise PersonaNotEditable(source, [Problem("edit.not_editable", {"detail": str(exc).splitlines()[0]})])
        if not isinstance(self.data, CommentedMap):
            raise PersonaNotEditable(source, [Problem("edit.not_editable", {"detail": type(self.data).__name__})])

    def text(self) -> str:
        out = StringIO()
        self._yaml.dump(self.data, out)
        return out.getvalue()

    # --- the card ---
    def card(self) -> dict[str, Any]:
        """The card's fields as the file has them (None: not there)."""
        return {name: self.data.get(name) for name in CARD_FIELDS}

    def set_card(self, fields: Mapping[str, Any]) -> None:
        for name, raw in fields.items():
            if name not in CARD_FIELDS:
                raise KeyError(name)
            set_value(self.data, name, raw, TOP_ORDER)

    # --- items of a collection ---
    def items(self, collection: str) -> CommentedSeq:
        found = self.data.get(collection)
        return found if isinstance(found, CommentedSeq) else CommentedSeq()

    def rows(self, collection: str) -> list[dict[str, Any]]:
        columns = ITEM_ORDER[collection]
        return [{c: item.get(c) for c in columns} for item in self.items(collection)
                if isinstance(item, Mapping)]

    def index_of(self, collection: str, item_id: str | None) -> int:
        for index, item in enumerate(self.items(collection)):
            if isinstance(item, Mapping) and item.get("id") == item_id:
                return index
        raise KeyError(item_id)

    def update_item(self, collection: str, item_id: str, changes: Mapping[str, Any]) -> None:
        """Change some fields of one item (YAML values); None removes the key."""
        item = self.items(collection)[self.index_of(collection, item_id)]
        for column, raw in changes.items():
            set_value(item, column, raw, ITEM_ORDER[collection])

    def delete_item(self, collection: str, item_id: str | None) -> None:
        delete_from_seq(self.data, collection, self.index_of(collection, item_id))

    def add_item(self, collection: str, fields: Mapping[str, Any]) -> None:
        """Add an item in the file's style (flow or block), in time order where that applies."""
        order = ITEM_ORDER[collection]
        values = {c: fields.get(c) for c in order}
        seq = self._collection_for_adding(collection)
        item = CommentedMap()
        for column in order:
            if values[column] is not None:
                item[column] = styled(values[column], None)
        if len(seq) and isinstance(seq[0], CommentedMap) and seq[0].fa.flow_style():
            item.fa.set_flow_style()
        insert_into_seq(seq, _insert_position(seq, START_FIELD.get(collection), values), item)

    def set_rows(self, collection: str, rows: Sequence[Mapping[str, Any]], original_ids: Sequence[str | None]) -> None:
        """Bring a collection in line with an edited table.

        ``rows`` hold YAML values (see ``app/cell_values.py`` for table cells); ``original_ids[i]`` is the id
        row ``i`` had when the table was made (None for a new row).
        Rows of existing items change only the cells that differ; items whose row is gone are
        deleted; new rows are added. The file's order of items is kept.
        """
        kept = {oid for oid in original_ids if oid is not None}
        for item in list(self.items(collection)):
            if isinstance(item, Mapping) and item.get("id") not in kept:
                self.delete_item(collection, item.get("id"))
        for row, original in zip(rows, original_ids):
            if original is None:
                if any(v is not None for v in row.values()):
                    self.add_item(collection, row)
                continue
            current = self.items(collection)[self.index_of(collection, original)]
            changes = {c: v for c, v in row.items() if c in ITEM_ORDER[collection]
                       and not same(v, current.get(c))}
            if changes:
                self.update_item(collection, original, changes)

    def _collection_for_adding(self, collection: str) -> CommentedSeq:
        seq = self.data.get(collection)
        if not isinstance(seq, CommentedSeq):
            seq = CommentedSeq()
            set_value(self.data, collection, seq, TOP_ORDER)
        return seq


def edited_text(yaml_text: str, tables: Mapping[str, tuple[Sequence[Mapping[str, Any]], Sequence[str | None]]],
                card: Mapping[str, Any] | None = None, source: str | Path = "<persona>") -> str:
    """The text of a persona after applying edited tables and card fields to ``yaml_text``."""
    editor = PersonaEditor(yaml_text, source)
    if card:
        editor.set_card(card)
    for collection, (rows, original_ids) in tables.items():
        editor.set_rows(collection, rows, original_ids)
    return editor.text()


def _insert_position(seq: CommentedSeq, start_field: str | None, values: Mapping[str, Any]) -> int:
    """After the last item that starts no later than the new one; at the end when there is no age."""
    start = values.get(start_field) if start_field else None
    if not isinstance(start, (int, float)):
        return len(seq)
    starts = [item.get(start_field) if isinstance(item, Mapping) else None for item in seq]
    earlier = [i for i, s in enumerate(starts) if isinstance(s, (int, float)) and s <= start]
    if earlier:
        return earlier[-1] + 1
    return 0 if any(isinstance(s, (int, float)) for s in starts) else len(seq)
