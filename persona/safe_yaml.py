"""Loading YAML safely, with the line and column of every key and value kept.

The file's events are first counted (:func:`check_shape`): too deep a nesting or too many
values is refused before anything is built, so a small file cannot take gigabytes. The file is
then composed (never constructed by PyYAML) and turned into plain Python data by a walker that
allows only the standard scalar, mapping and sequence tags, refuses duplicate keys, over-long
values and integers, YAML 1.1 base-60 numbers and values PyYAML cannot construct, and bounds how
much aliases may expand before anything is built.
"""

from __future__ import annotations

import codecs
import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from persona.errors import PersonaInvalid, PersonaUnreadable, Position, Problem
from persona.yaml_messages import reader_problem, syntax_problem

try:  # the C parser is much faster; fall back where the wheel has none
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
EXPANSION_FACTOR = 4
MIN_EXPANSION_BUDGET = 100_000
MAX_DEPTH = 20  # a persona needs fewer than 10 levels
MAX_NODES = 200_000  # values, keys and aliases; a 10,000-event persona has about 143,000
MAX_SCALAR_CHARS = 100_000
MAX_INTEGER_DIGITS = 30

Path_ = tuple[Any, ...]

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_CONSTRUCT = SafeConstructor()


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a loaded document stands in its file."""

    values: dict[Path_, Position] = field(default_factory=dict)
    keys: dict[Path_, Position] = field(default_factory=dict)

    def value(self, path: Path_) -> Position | None:
        """The position of the value at ``path``, or of its nearest enclosing value."""
        for end in range(len(path), -1, -1):
            pos = self.values.get(tuple(path[:end]))
            if pos is not None:
                return pos
        return None

    def key(self, path: Path_) -> Position | None:
        """The position of the key that names ``path`` (falls back to the value)."""
        return self.keys.get(tuple(path)) or self.value(path)


@dataclass(frozen=True)
class Loaded:
    """Plain data from a YAML file, with its source map and the text it came from."""

    data: Any
    source: SourceMap
    yaml_text: str


def read_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The file's text: size checked before reading, UTF-8 with or without a BOM."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise PersonaUnreadable(path, [Problem("read.not_a_file")])
        if size > max_bytes:
            raise PersonaUnreadable(path, [Problem("read.too_large", {"size": _mb(size), "limit": _mb(max_bytes)})])
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PersonaUnreadable(path, [Problem("read.not_found")]) from None
    except PermissionError:
        raise PersonaUnreadable(path, [Problem("read.permission")]) from None
    except IsADirectoryError:
        raise PersonaUnreadable(path, [Problem("read.not_a_file")]) from None
    return decode(raw, path)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"


def decode(raw: bytes, source: str | Path) -> str:
    """UTF-8 text (a BOM is dropped); other encodings get a message naming the problem."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise PersonaUnreadable(source, [Problem("read.utf16")])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = raw[exc.start]
        hint = "read.latin1" if 0xC0 <= byte <= 0xFF or byte in (0xE5, 0xE4, 0xF6) else "read.not_utf8"
        raise PersonaUnreadable(
            source, [Problem(hint, {"byte": f"0x{byte:02X}"}, Position(line, column))]
        ) from None


def load_yaml(yaml_text: str, source: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Loaded:
    """Parse one YAML document into plain data with positions, or raise with a clear problem."""
    size = len(yaml_text.encode("utf-8"))
    if size > max_bytes:
        raise PersonaUnreadable(source, [Problem("read.too_large", {"size": _mb(size), "limit": _mb(max_bytes)})])
    with _collector_paused():
        return _load_bounded(yaml_text, source)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Reading a document makes many objects and frees almost none, so Python's cycle
    collector would walk all of them again and again as they pile up: half the time of a
    10,000-event file, and more the larger the file. It waits until the document is read."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def check_shape(yaml_text: str, source: str | Path) -> None:
    """Refuse a document nested deeper than :data:`MAX_DEPTH`, holding more than
    :data:`MAX_NODES` values or a value longer than :data:`MAX_SCALAR_CHARS`, from its parser
    events (nothing is built, memory stays flat)."""
    depth = nodes = 0
    for event in yaml.parse(yaml_text, Loader=_Loader):
        if isinstance(event, yaml.ScalarEvent):
            nodes += 1
            if len(event.value) > MAX_SCALAR_CHARS:  # before PyYAML resolves its tag: costly when long
                raise PersonaInvalid(source, [Problem("limits.value_too_long", {
                    "length": len(event.value), "limit": MAX_SCALAR_CHARS}, _mark(event))])
        elif isinstance(event, yaml.AliasEvent):
            nodes += 1
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            nodes += 1
            depth += 1
            if depth > MAX_DEPTH:
                raise PersonaUnreadable(source, [Problem("limits.too_deep", {"limit": MAX_DEPTH}, _mark(event))])
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
        if nodes > MAX_NODES:
            raise PersonaUnreadable(source, [Problem("limits.too_many_values", {"limit": MAX_NODES}, _mark(event))])


def _mark(event: Any) -> Position | None:
    mark = getattr(event, "start_mark", None)
    return Position(mark.line + 1, mark.column + 1) if mark is not None else None


def _load_bounded(yaml_text: str, source: str | Path) -> Loaded:
    try:
        check_shape(yaml_text, source)
        node = yaml.compose(yaml_text, Loader=_Loader)
    except RecursionError:  # pragma: no cover - check_shape refuses deep nesting first
        raise PersonaUnreadable(source, [Problem("limits.too_deep", {"limit": MAX_DEPTH})]) from None
    except yaml.MarkedYAMLError as exc:
        raise PersonaInvalid(source, [syntax_problem(exc, yaml_text)]) from None
    except yaml.YAMLError as exc:  # e.g. the C reader's "special characters are not allowed"
        raise PersonaInvalid(source, [reader_problem(exc, yaml_text)]) from None
    if node is None:
        raise PersonaInvalid(source, [Problem("yaml.empty", {}, Position(1, 1))])
    walker = _Walker(source, _own_size(node))
    data = walker.build(node, ())
    if walker.problems:
        raise PersonaInvalid(source, walker.problems)
    return Loaded(data=data, source=walker.source_map, yaml_text=yaml_text)


def load_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Loaded:
    path = Path(path)
    return load_yaml(read_text(path, max_bytes), path, max_bytes)


def _pos(node: Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def _own_size(root: Node) -> int:
    """How many distinct nodes the document holds (aliases counted once)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        stack.extend(_children(node))
    return len(seen)


def _scalar_problem(node: ScalarNode, kind: str) -> Problem | None:
    """What is wrong with a scalar before it is built: too long, a base-60 number (``1:30`` is
    90 in YAML 1.1, and costly to build when long), an integer too long to be a number."""
    value = node.value
    if len(value) > MAX_SCALAR_CHARS:
        return Problem("limits.value_too_long", {"length": len(value), "limit": MAX_SCALAR_CHARS}, _pos(node))
    if kind in ("int", "float") and ":" in value:
        return Problem("limits.base60", {"value": _excerpt(value)}, _pos(node))
    if kind == "int" and len(value.replace("_", "")) > MAX_INTEGER_DIGITS:
        return Problem("limits.integer_too_long", {"length": len(value), "limit": MAX_INTEGER_DIGITS}, _pos(node))
    return None


def _excerpt(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[:limit] + "…"


class _Walker:
    """Builds plain data from composed nodes, collecting problems and positions."""

    def __init__(self, source: str | Path, own_size: int):
        self.source = source
        self.source_map = SourceMap()
        self.problems: list[Problem] = []
        self.budget = max(MIN_EXPANSION_BUDGET, own_size * EXPANSION_FACTOR)
        self.built = 0
        self.open: set[int] = set()

    def build(self, node: Node, path: Path_) -> Any:
        self.built += 1
        if self.built > self.budget:
            raise PersonaUnreadable(self.source, [Problem("yaml.alias_bomb", {"limit": self.budget}, _pos(node))])
        if id(node) in self.open:
            raise PersonaInvalid(self.source, [Problem("yaml.recursive_alias", {}, _pos(node))])
        if len(path) > MAX_DEPTH:  # only aliases reach here: check_shape bounds the nesting written out
            raise PersonaUnreadable(self.source, [Problem("limits.too_deep", {"limit": MAX_DEPTH}, _pos(node))])
        self.source_map.values[path] = _pos(node)
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        self.open.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                return self._sequence(node, path)
            assert isinstance(node, MappingNode)  # composed nodes are scalars, sequences or mappings
            return self._mapping(node, path)
        finally:
            self.open.discard(id(node))

    def _tag_allowed(self, node: Node, allowed: set[str]) -> bool:
        if node.tag in allowed:
            return True
        self.problems.append(Problem("yaml.tag_not_allowed", {"tag": node.tag.replace(_TAG, "!!")}, _pos(node)))
        return False

    def _scalar(self, node: ScalarNode) -> Any:
        if not self._tag_allowed(node, _SCALAR_TAGS):
            return None
        if node.tag == f"{_TAG}timestamp":
            return node.value  # dates stay text; the model says what it expects
        kind = node.tag.rsplit(":", 1)[1]
        problem = _scalar_problem(node, kind)
        if problem is None:
            try:
                return getattr(_CONSTRUCT, f"construct_yaml_{kind}")(node)
            except Exception:  # noqa: BLE001 - PyYAML raises ValueError, KeyError, IndexError…
                problem = Problem("limits.bad_value", {"tag": f"!!{kind}", "value": _excerpt(node.value)}, _pos(node))
        self.problems.append(problem)
        return None

    def _sequence(self, node: SequenceNode, path: Path_) -> list[Any]:
        if not self._tag_allowed(node, {f"{_TAG}seq"}):
            return []
        return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]

    def _mapping(self, node: MappingNode, path: Path_) -> dict[str, Any]:
        if not self._tag_allowed(node, {f"{_TAG}map"}):
            return {}
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self._key(key_node)
            if key is None:
                continue
            if key in result:
                first = self.source_map.keys.get(path + (key,))
                self.problems.append(
                    Problem("yaml.duplicate_key", {"key": key, "first": first.line if first else "?"}, _pos(key_node))
                )
                continue
            self.source_map.keys[path + (key,)] = _pos(key_node)
            result[key] = self.build(value_node, path + (key,))
        return result

    def _key(self, node: Node) -> str | None:
        if isinstance(node, ScalarNode) and node.tag == f"{_TAG}merge":
            self.problems.append(Problem("yaml.merge_key", {}, _pos(node)))
            return None
        if not isinstance(node, ScalarNode) or not self._tag_allowed(node, _SCALAR_TAGS):
            if isinstance(node, ScalarNode):
                return None
            self.problems.append(Problem("yaml.complex_key", {}, _pos(node)))
            return None
        if len(node.value) > MAX_SCALAR_CHARS:
            self.problems.append(Problem("limits.value_too_long", {"length": len(node.value), "limit": MAX_SCALAR_CHARS},
                                         _pos(node)))
            return None
        return str(node.value)
