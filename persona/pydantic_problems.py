"""Turning pydantic's validation errors into problems an official can read.

Each error becomes one :class:`Problem` at the line of the key or value it concerns, with a
message key of our own language files, and a "did you mean" where a close word exists.
"""

from __future__ import annotations

import re
import types
import typing
from typing import Any, Mapping

from pydantic import BaseModel, ValidationError

from persona.errors import Problem
from persona.safe_yaml import SourceMap
from persona.suggest import Labels, hint, key_hint, looks_like_prose, prose_key, suggestion

__all__ = ["hint", "problems_from", "suggestion"]

_DECIMAL_COMMA = re.compile(r"^\s*-?\d+,\d+\s*$")

# pydantic error type → our message key (the rest fall back to "field.invalid").
_SIMPLE = {
    "missing": "field.missing",
    "string_type": "field.not_text",
    "string_too_short": "field.empty",
    "string_too_long": "field.too_long",
    "string_pattern_mismatch": "field.not_slug",
    "int_type": "field.not_integer",
    "int_parsing": "field.not_integer",
    "int_from_float": "field.not_integer",
    "float_type": "field.not_number",
    "float_parsing": "field.not_number",
    "greater_than_equal": "field.too_small",
    "less_than_equal": "field.too_large",
    "bool_type": "field.not_bool",
    "bool_parsing": "field.not_bool",
    "tuple_type": "field.not_list",
    "list_type": "field.not_list",
    "model_type": "field.not_mapping",
    "model_attributes_type": "field.not_mapping",
    "dict_type": "field.not_mapping",
    "too_short": "field.list_too_short",
}


def _unwrap(annotation: Any) -> Any:
    """The model class or item type behind Optional[...] / tuple[..., ...] / list[...]."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(args[0]) if len(args) == 1 else annotation
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    return annotation


def _field(model: type[BaseModel], key: str) -> Any:
    for name, info in model.model_fields.items():
        if key in (name, info.alias):
            return info.annotation
    return None


def model_at(root: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``loc`` (None when it is not a model)."""
    current: Any = root
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel):
            current = _field(current, part)
        else:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def field_names(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _field_name(loc: tuple[Any, ...]) -> str:
    names = [str(p) for p in loc if isinstance(p, str)]
    return names[-1] if names else ""


def _problem(error: Mapping[str, Any], root: type[BaseModel] | None, source: SourceMap,
             prefix: tuple[Any, ...], labels: Mapping[str, Labels]) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    params: dict[str, Any] = {"field": _field_name(loc), "value": value}
    where = source.value(prefix + loc)
    if kind == "extra_forbidden" and str(loc[-1]).isdigit():
        return Problem("field.split_decimal", params, source.key(prefix + loc))
    if kind == "extra_forbidden":
        parent = model_at(root, loc[:-1]) if root else None
        params.update(key=loc[-1], hint=key_hint(loc[-1], field_names(parent) if parent else []))
        if params["hint"].key != "hint.did_you_mean" and looks_like_prose(loc[-1], value):
            return Problem(prose_key(loc[-1]), params, source.key(prefix + loc))
        return Problem("field.unknown_key", params, source.key(prefix + loc))
    if kind == "missing":
        return Problem("field.missing", params, source.value(prefix + loc[:-1]))
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        if loc and loc[-1] == "schema":
            return Problem("field.schema_version", params, where)
        params["hint"] = hint(value, allowed, labels.get(params["field"]))
        return Problem("field.unknown_word", params, where)
    if kind in ("float_parsing", "float_type") and isinstance(value, str) and _DECIMAL_COMMA.match(value):
        params["fixed"] = value.strip().replace(",", ".")
        return Problem("field.decimal_comma", params, where)
    key = _SIMPLE.get(kind, "field.invalid")
    limit = next((ctx[k] for k in ("ge", "le", "max_length", "min_length") if k in ctx), "")
    params.update(limit=_number(limit), value=_number(value), detail=error.get("msg", ""))
    return Problem(key, params, where)


def _number(value: Any) -> Any:
    """``25.0`` → ``25``: numbers as an official would write them."""
    return f"{value:g}" if isinstance(value, float) else value


def problems_from(exc: ValidationError, source: SourceMap, root: type[BaseModel] | None = None,
                  prefix: tuple[Any, ...] = (), labels: Mapping[str, Labels] | None = None) -> list[Problem]:
    """One problem for each error pydantic found, placed in the file via ``source``; ``labels``
    (field → code → words) lets a Swedish word find its code."""
    return [_problem(error, root, source, prefix, labels or {}) for error in exc.errors(include_url=False)]
