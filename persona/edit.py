"""Editing a persona file without disturbing what the official wrote.

The file is loaded round-trip (ruamel.yaml): comments, key order, quoting, flow ``{…}`` and block
style of every untouched part are written back exactly as they were. Changes are made item by
item (add, change, delete events, supports, factors, people; the card fields), and only the
values that really changed are replaced.

Saving validates the new text with :func:`persona.load.parse_persona` first, refuses to write
over a file that changed on disk since it was opened (:class:`PersonaChangedOnDisk`, with a
unified diff), and writes atomically (:func:`persona.atomic.write_atomically`).
"""

from __future__ import annotations

import copy
import difflib
import hashlib
import math
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError as RuamelError
from ruamel.yaml.tokens import CommentToken
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from persona.atomic import locked, write_atomically
from persona.errors import PersonaError, PersonaInvalid, Problem
from persona.load import PersonaFile, parse_persona
from persona.safe_yaml import decode, load_yaml
from persona.vocabulary import Vocabulary

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
LIST_FIELDS = ("with", "sources")
# Fields that hold numbers (ages, a year), by collection ("top" = the persona itself). An event's
# "from" and "to" name agencies; a support's or factor's are ages.
NUMBER_FIELDS: dict[str, tuple[str, ...]] = {
    "top": ("born",), "events": ("age",), "supports": ("from", "to"), "factors": ("from", "to"), "people": (),
}
BOOL_FIELDS = ("child_heard", "protective")
# Where a new item goes in its list: after the last item that starts no later than it.
START_FIELD = {"events": "age", "supports": "from", "factors": "from"}
FOLD_WIDTH = 90

# Indentation styles tried when a file is opened; the one that writes the file back unchanged wins.
INDENT_STYLES = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (3, 3, 0))


class PersonaChangedOnDisk(PersonaError):
    """The file on disk is no longer the one that was opened: saving would overwrite someone's work."""

    exit_code = 1

    def __init__(self, source: str | Path, opened_text: str, disk_text: str | None):
        key = "edit.deleted_on_disk" if disk_text is None else "edit.changed_on_disk"
        super().__init__(source, [Problem(key)])
        self.opened_text = opened_text
        self.disk_text = disk_text
        self.diff = unified_diff(opened_text, disk_text or "", str(source))


class PersonaNotEditable(PersonaError):
    """The text could not be opened for editing (not YAML, not a mapping)."""

    exit_code = 1


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def unified_diff(before: str, after: str, name: str = "persona") -> str:
    """What changed between two texts, as a unified diff (empty when they are equal)."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True),
        fromfile=f"{name} (opened)", tofile=f"{name} (now)",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


@dataclass(frozen=True)
class Opened:
    """A persona file as it was when opened: its path (None for an upload), text and content hash."""

    path: Path | None
    text: str
    digest: str


def open_for_edit(path: str | Path) -> Opened:
    """Read a file and remember its content hash, so a later save can tell if it changed."""
    path = Path(path)
    raw = path.read_bytes()
    return Opened(path, decode(raw, path), digest(raw))


def opened_from_text(text: str) -> Opened:
    """An uploaded persona: edited in memory and downloaded, never saved to a path."""
    return Opened(None, text, digest(text.encode("utf-8")))


def check_text(text: str, source: str | Path = "<persona>", vocabulary: Vocabulary | None = None) -> PersonaFile:
    """The edited text as a valid persona, or :class:`PersonaInvalid` listing every problem."""
    return parse_persona(text, source, vocabulary)


def save(opened: Opened, new_text: str, vocabulary: Vocabulary | None = None) -> Opened:
    """Validate ``new_text``, check the file is unchanged on disk, write it atomically.

    Raises :class:`PersonaInvalid` (nothing written) or :class:`PersonaChangedOnDisk` (nothing
    written; ``.diff`` shows what changed on disk). The check and the write hold the file's lock
    across processes, so of two racing saves of the same opened text one fails, never neither.
    Returns the file as now opened.
    """
    if opened.path is None:
        raise ValueError("an uploaded persona has no file to save to; download it instead")
    check_text(new_text, opened.path, vocabulary)
    with locked(opened.path):  # no other save between the check and the rename
        refuse_if_changed(opened)
        write_atomically(opened.path, new_text)
    return Opened(opened.path, new_text, digest(new_text.encode("utf-8")))


def refuse_if_changed(opened: Opened) -> None:
    """Raise :class:`PersonaChangedOnDisk` when the file is not the one that was opened."""
    assert opened.path is not None
    try:
        raw = opened.path.read_bytes()
    except FileNotFoundError:
        raise PersonaChangedOnDisk(opened.path, opened.text, None) from None
    if digest(raw) != opened.digest:
        raise PersonaChangedOnDisk(opened.path, opened.text, raw.decode("utf-8", errors="replace"))


# --- rows: the tables of the app (plain values, one row per item) ---

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


class PersonaEditor:
    """A persona file's YAML, loaded round-trip, changed item by item, written back as text."""

    def __init__(self, text: str, source: str | Path = "<persona>"):
        self.source = source
        load_yaml(text, source)  # the safe loader names syntax problems with their lines
        try:
            self._yaml, self.data = _round_trip_yaml(text)
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
        return {name: value_to_cell(name, self.data.get(name)) for name in CARD_FIELDS}

    def set_card(self, fields: Mapping[str, Any]) -> None:
        for name, raw in fields.items():
            if name not in CARD_FIELDS:
                raise KeyError(name)
            _set_value(self.data, name, cell_to_value(name, raw), TOP_ORDER)

    # --- items of a collection ---
    def items(self, collection: str) -> CommentedSeq:
        found = self.data.get(collection)
        return found if isinstance(found, CommentedSeq) else CommentedSeq()

    def rows(self, collection: str) -> list[dict[str, Any]]:
        columns = ITEM_ORDER[collection]
        return [{c: value_to_cell(c, item.get(c), collection) for c in columns} for item in self.items(collection)
                if isinstance(item, Mapping)]

    def index_of(self, collection: str, item_id: str) -> int:
        for index, item in enumerate(self.items(collection)):
            if isinstance(item, Mapping) and item.get("id") == item_id:
                return index
        raise KeyError(item_id)

    def update_item(self, collection: str, item_id: str, changes: Mapping[str, Any]) -> None:
        """Change some fields of one item; a blank value removes the key."""
        item = self.items(collection)[self.index_of(collection, item_id)]
        for column, raw in changes.items():
            _set_value(item, column, cell_to_value(column, raw, collection), ITEM_ORDER[collection])

    def delete_item(self, collection: str, item_id: str) -> None:
        _delete_from_seq(self.data, collection, self.index_of(collection, item_id))

    def add_item(self, collection: str, fields: Mapping[str, Any]) -> None:
        """Add an item in the file's style (flow or block), in time order where that applies."""
        order = ITEM_ORDER[collection]
        values = {c: cell_to_value(c, fields.get(c), collection) for c in order}
        seq = self._collection_for_adding(collection)
        item = CommentedMap()
        for column in order:
            if values[column] is not None:
                item[column] = _styled(values[column], None)
        if len(seq) and isinstance(seq[0], CommentedMap) and seq[0].fa.flow_style():
            item.fa.set_flow_style()
        _insert_into_seq(seq, _insert_position(seq, START_FIELD.get(collection), values), item)

    def set_rows(self, collection: str, rows: Sequence[Mapping[str, Any]], original_ids: Sequence[str | None]) -> None:
        """Bring a collection in line with an edited table.

        ``original_ids[i]`` is the id row ``i`` had when the table was made (None for a new row).
        Rows of existing items change only the cells that differ; items whose row is gone are
        deleted; new rows are added. The file's order of items is kept.
        """
        kept = {oid for oid in original_ids if oid is not None}
        for item in list(self.items(collection)):
            if isinstance(item, Mapping) and item.get("id") not in kept:
                self.delete_item(collection, item.get("id"))
        for row, original in zip(rows, original_ids):
            if original is None:
                if any(not is_blank(v) for v in row.values()):
                    self.add_item(collection, row)
                continue
            current = self.items(collection)[self.index_of(collection, original)]
            changes = {c: v for c, v in row.items() if c in ITEM_ORDER[collection]
                       and not _same(cell_to_value(c, v, collection), current.get(c))}
            if changes:
                self.update_item(collection, original, changes)

    def _collection_for_adding(self, collection: str) -> CommentedSeq:
        seq = self.data.get(collection)
        if not isinstance(seq, CommentedSeq):
            seq = CommentedSeq()
            _set_value(self.data, collection, seq, TOP_ORDER)
        return seq


def edited_text(text: str, tables: Mapping[str, tuple[Sequence[Mapping[str, Any]], Sequence[str | None]]],
                card: Mapping[str, Any] | None = None, source: str | Path = "<persona>") -> str:
    """The text of a persona after applying edited tables and card fields to ``text``."""
    editor = PersonaEditor(text, source)
    if card:
        editor.set_card(card)
    for collection, (rows, original_ids) in tables.items():
        editor.set_rows(collection, rows, original_ids)
    return editor.text()


# --- ruamel helpers: style and comments ---

def _round_trip_yaml(text: str) -> tuple[YAML, Any]:
    """A round-trip YAML whose indentation writes ``text`` back unchanged (where one does), and
    the text loaded with it: the load made to try a style is the one kept. The style the text's
    own indentation suggests is tried first, so most files are read and written once."""
    fallback: tuple[YAML, Any] | None = None
    for mapping, sequence, offset in _styles_to_try(text):
        candidate = YAML()
        candidate.preserve_quotes = True
        candidate.width = 4096
        candidate.indent(mapping=mapping, sequence=sequence, offset=offset)
        data = candidate.load(text)
        fallback = fallback or (candidate, data)
        out = StringIO()
        try:
            candidate.dump(data, out)
        except RuamelError:  # pragma: no cover - what loads, dumps
            break
        if out.getvalue() == text:
            return candidate, data
    assert fallback is not None
    return fallback


def _styles_to_try(text: str) -> list[tuple[int, int, int]]:
    """:data:`INDENT_STYLES`, the one the text's first nested list suggests first."""
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if stripped.startswith("- ") and line != stripped:
            offset = len(line) - len(stripped)
            likely = [style for style in INDENT_STYLES if style[2] == offset]
            return likely + [style for style in INDENT_STYLES if style not in likely]
    return list(INDENT_STYLES)


def _same(new: Any, old: Any) -> bool:
    if new is None or old is None:
        return new is None and old is None
    if isinstance(old, (list, tuple)):
        return isinstance(new, list) and [str(v) for v in old] == [str(v) for v in new]
    if isinstance(old, bool) or isinstance(new, bool):
        return isinstance(old, bool) and isinstance(new, bool) and old == new
    if isinstance(old, (int, float)) and isinstance(new, (int, float)):
        return float(old) == float(new)
    return str(old) == str(new)


def _needs_quotes(text: str) -> bool:
    """True when a YAML 1.1 reader (the safe loader) would not read ``text`` back as this text."""
    try:
        return yaml.safe_load(text) != text
    except yaml.YAMLError:
        return True


def _styled(value: Any, old: Any) -> Any:
    """``value`` dressed in the style of the value it replaces (quotes, folding, flow lists)."""
    if isinstance(value, list) and not isinstance(value, CommentedSeq):
        seq = CommentedSeq(value)
        if not isinstance(old, CommentedSeq) or old.fa.flow_style():
            seq.fa.set_flow_style()
        return seq
    if not isinstance(value, str) or isinstance(value, (CommentedMap, CommentedSeq)):
        return value
    if isinstance(old, FoldedScalarString):
        return _folded(value)
    if isinstance(old, LiteralScalarString):
        return LiteralScalarString(value)
    if isinstance(old, SingleQuotedScalarString) and "\n" not in value:
        return SingleQuotedScalarString(value)
    if isinstance(old, DoubleQuotedScalarString) or _needs_quotes(value):
        return DoubleQuotedScalarString(value)
    return value


def _folded(text: str) -> FoldedScalarString:
    """A ``>-`` block folded at spaces near :data:`FOLD_WIDTH` characters."""
    folded = FoldedScalarString(text)
    positions, line_start = [], 0
    for index, char in enumerate(text):
        if char == " " and index - line_start >= FOLD_WIDTH and text[index - 1] != " " and index + 1 < len(text) and text[index + 1] != " ":
            positions.append(index)
            line_start = index + 1
    folded.fold_pos = positions  # type: ignore[attr-defined]
    return folded


def _set_value(mapping: CommentedMap, key: str, value: Any, order: Iterable[str]) -> None:
    """Set, replace or (value None) remove one key, keeping comments and the key's place."""
    if value is None:
        if key in mapping:
            _delete_key(mapping, key)
        return
    if key in mapping:
        if not _same(value, mapping[key]):
            mapping[key] = _styled(value, mapping[key])
        return
    order = list(order)
    before = [k for k in order[: order.index(key)] if k in mapping] if key in order else list(mapping)
    position = list(mapping).index(before[-1]) + 1 if before else 0
    tail = _take_tail(mapping) if position == len(mapping) else None
    mapping.insert(position, key, _styled(value, None))
    if tail:
        _give_tail(mapping, tail)


def _drop_key(mapping: CommentedMap, key: str, token: Any) -> None:
    """Remove ``key``; ``token`` (comment lines that followed its value) moves to the key before it."""
    keys = list(mapping)
    index = keys.index(key)
    last_tail = _take_tail(mapping) if index == len(keys) - 1 else None
    del mapping[key]
    for moved in (token, last_tail):
        if moved is None or index == 0:
            continue
        previous = keys[index - 1]
        if _is_block(mapping[previous]):
            _give_tail(mapping[previous], moved)
        else:
            _join(mapping.ca.items.setdefault(previous, [None, None, None, None]), 2, moved)


def _delete_key(mapping: CommentedMap, key: str) -> None:
    last = list(mapping)[-1] == key
    tail = _take_tail(mapping) if last else None
    del mapping[key]
    if tail and len(mapping):
        _give_tail(mapping, tail)


def _is_block(node: Any) -> bool:
    return isinstance(node, (CommentedMap, CommentedSeq)) and len(node) > 0 and not node.fa.flow_style()


def _tail_holder(node: Any) -> Any:
    """The innermost block collection whose last entry carries the comment after ``node``."""
    while _is_block(node):
        last = node[list(node)[-1]] if isinstance(node, CommentedMap) else node[-1]
        if not _is_block(last):
            return node
        node = last
    return None


def _tail_slot(holder: Any) -> tuple[Any, int]:
    """Where, in ``holder.ca.items``, the comment after its last entry is kept."""
    if isinstance(holder, CommentedMap):
        return list(holder)[-1], 2
    return len(holder) - 1, 0


def _split_off(entry: list[Any], slot: int) -> Any:
    """Take the comment lines after a line out of ``entry[slot]``; a comment on the line itself stays.

    A token such as ``"  # on the line\n\n# --- next section ---\n"`` keeps its first line and
    gives away ``"\n\n# --- next section ---\n"`` (which starts by ending the line it joins).
    """
    token = entry[slot]
    if token is None or not isinstance(token, CommentToken):
        return None
    value = token.value
    if value.startswith("\n"):
        entry[slot] = None
        return token
    cut = value.find("\n") + 1
    if cut <= 0 or cut == len(value):
        return None
    moved = copy.copy(token)
    moved.value = "\n" + value[cut:]
    token.value = value[:cut]
    return moved


def _take_tail(node: Any) -> Any:
    """Remove and return the comment lines that follow ``node`` in the file (None if none)."""
    holder = _tail_holder(node)
    if holder is None:
        return None
    key, slot = _tail_slot(holder)
    entry = holder.ca.items.get(key)
    return _split_off(entry, slot) if entry else None


def _join(entry: list[Any], slot: int, token: Any) -> None:
    if entry[slot] is None:
        entry[slot] = token
    else:
        entry[slot].value = entry[slot].value + token.value.lstrip("\n")


def _give_tail(node: Any, token: Any) -> None:
    """Attach comment lines taken with :func:`_take_tail` after ``node``."""
    holder = _tail_holder(node)
    if holder is None:
        return
    if isinstance(holder, CommentedSeq) and holder.ca.end:  # after a list of {…} items
        holder.ca.end.extend(_as_lines(token))
        return
    key, slot = _tail_slot(holder)
    _join(holder.ca.items.setdefault(key, [None, None, None, None]), slot, token)


def _as_lines(token: Any) -> list[Any]:
    """A tail comment token ("\\n" + lines) as the one-token-per-line form of a list's end."""
    return [CommentToken(line, token.start_mark, None) for line in token.value[1:].splitlines(keepends=True)]


def _take_item_tail(seq: CommentedSeq, index: int) -> Any:
    if _is_block(seq[index]):
        return _take_tail(seq[index])
    entry = seq.ca.items.get(index)
    return _split_off(entry, 0) if entry else None


def _give_item_tail(seq: CommentedSeq, index: int, token: Any) -> None:
    if _is_block(seq[index]):
        _give_tail(seq[index], token)
    else:
        _join(seq.ca.items.setdefault(index, [None, None, None, None]), 0, token)


def _end_comment(seq: CommentedSeq) -> Any:
    """Comment lines kept at the end of a flow-item list, as one token that ends a line."""
    lines = [t for t in (seq.ca.end or []) if isinstance(t, CommentToken)]
    if not lines:
        return None
    seq.ca.end = []
    return CommentToken("\n" + "".join(t.value for t in lines), lines[0].start_mark, None)


def _delete_from_seq(parent: CommentedMap, key: str, index: int) -> None:
    """Delete an item; comments that belong to its neighbours stay with them."""
    seq = parent[key]
    before = seq.ca.items[index][1] if index in seq.ca.items else None
    tail = _take_item_tail(seq, index)
    del seq[index]
    if before and index < len(seq):
        entry = seq.ca.items.setdefault(index, [None, None, None, None])
        entry[1] = before + (entry[1] or [])
    if not len(seq):  # an empty list is left out; the comments after it join the key before it
        _drop_key(parent, key, tail or _end_comment(seq))
    elif tail is not None:
        _give_item_tail(seq, max(index - 1, 0), tail)


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


def _insert_into_seq(seq: CommentedSeq, position: int, item: CommentedMap) -> None:
    """Insert after item ``position - 1``, moving that item's trailing comment after the new one."""
    if position == 0 or not len(seq):
        seq.insert(position, item)
        return
    tail = _take_item_tail(seq, position - 1)
    seq.insert(position, item)
    if tail is not None:
        _give_item_tail(seq, position, tail)


__all__ = [
    "CARD_FIELDS", "ITEM_ORDER", "Opened", "PersonaChangedOnDisk", "PersonaEditor", "PersonaInvalid",
    "PersonaNotEditable", "check_text", "edited_text", "open_for_edit", "opened_from_text", "save",
    "unified_diff",
]
