"""Writing values back in a persona file's own style (ruamel.yaml round-trip): the indentation
the file uses, quotes, folded text and flow lists as the value replaced had them; a key set,
replaced or removed in its place, with its comments.
"""

from __future__ import annotations

from io import StringIO
from typing import Any, Iterable

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError as RuamelError
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from persona.yaml_comments import delete_key, give_tail, take_tail

FOLD_WIDTH = 90

# Indentation styles a file may use; the one that writes the file back unchanged is kept.
INDENT_STYLES = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (3, 3, 0))


def round_trip_yaml(yaml_text: str) -> tuple[YAML, Any]:
    """A round-trip YAML whose indentation writes ``yaml_text`` back unchanged (where one does), and
    the text loaded with it: the load made to try a style is the one kept. The style the text's
    own indentation suggests is tried first, so most files are read and written once."""
    fallback: tuple[YAML, Any] | None = None
    for mapping, sequence, offset in _styles_to_try(yaml_text):
        candidate = YAML()
        candidate.preserve_quotes = True
        candidate.width = 4096
        candidate.indent(mapping=mapping, sequence=sequence, offset=offset)
        data = candidate.load(yaml_text)
        fallback = fallback or (candidate, data)
        out = StringIO()
        try:
            candidate.dump(data, out)
        except RuamelError:  # pragma: no cover - what loads, dumps
            break
        if out.getvalue() == yaml_text:
            return candidate, data
    assert fallback is not None
    return fallback


def _styles_to_try(yaml_text: str) -> list[tuple[int, int, int]]:
    """:data:`INDENT_STYLES`, the one the text's first nested list suggests first."""
    for line in yaml_text.splitlines():
        stripped = line.lstrip(" ")
        if stripped.startswith("- ") and line != stripped:
            offset = len(line) - len(stripped)
            likely = [style for style in INDENT_STYLES if style[2] == offset]
            return likely + [style for style in INDENT_STYLES if style not in likely]
    return list(INDENT_STYLES)


def same(new: Any, old: Any) -> bool:
    if new is None or old is None:
        return new is None and old is None
    if isinstance(old, (list, tuple)):
        return isinstance(new, list) and [str(v) for v in old] == [str(v) for v in new]
    if isinstance(old, bool) or isinstance(new, bool):
        return isinstance(old, bool) and isinstance(new, bool) and old == new
    if isinstance(old, (int, float)) and isinstance(new, (int, float)):
        return float(old) == float(new)
    return str(old) == str(new)


def _needs_quotes(value: str) -> bool:
    """True when a YAML 1.1 reader (the safe loader) would not read ``value`` back as this value."""
    try:
        return yaml.safe_load(value) != value
    except yaml.YAMLError:
        return True


def styled(value: Any, old: Any) -> Any:
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


def _folded(value: str) -> FoldedScalarString:
    """A ``>-`` block folded at spaces near :data:`FOLD_WIDTH` characters."""
    folded = FoldedScalarString(value)
    positions, line_start = [], 0
    for index, char in enumerate(value):
        if char == " " and index - line_start >= FOLD_WIDTH and value[index - 1] != " " and index + 1 < len(value) and value[index + 1] != " ":
            positions.append(index)
            line_start = index + 1
    folded.fold_pos = positions  # type: ignore[attr-defined]
    return folded


def set_value(mapping: CommentedMap, key: str, value: Any, order: Iterable[str]) -> None:
    """Set, replace or (value None) remove one key, keeping comments and the key's place."""
    if value is None:
        if key in mapping:
            delete_key(mapping, key)
        return
    if key in mapping:
        if not same(value, mapping[key]):
            mapping[key] = styled(value, mapping[key])
        return
    order = list(order)
    before = [k for k in order[: order.index(key)] if k in mapping] if key in order else list(mapping)
    position = list(mapping).index(before[-1]) + 1 if before else 0
    tail = take_tail(mapping) if position == len(mapping) else None
    mapping.insert(position, key, styled(value, None))
    if tail:
        give_tail(mapping, tail)
