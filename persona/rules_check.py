"""Checking the ``rules:`` section of a vocabulary file against the default one.

The default vocabulary is the schema: a municipality may only name rules and settings the
default has, with values of the same kind (a number for a number, true/false for a switch, a
list of words for a list, agency ids with numbers for per-agency limits). Each problem names
the line where it stands, so a typo never silently leaves a default in place.
"""

from __future__ import annotations

from typing import AbstractSet, Any, Iterable, Mapping

from persona.errors import Position, Problem
from persona.pydantic_problems import hint
from persona.safe_yaml import SourceMap

Path_ = tuple[Any, ...]


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if _is_number(value):
        return "number"
    if isinstance(value, (list, tuple)):
        return "list"
    if isinstance(value, Mapping):
        return "mapping"
    return "text"


class _Where:
    """Positions in the checked file, when there is one."""

    def __init__(self, source: SourceMap | None):
        self.source = source

    def key(self, path: Path_) -> Position | None:
        return self.source.key(path) if self.source else None

    def value(self, path: Path_) -> Position | None:
        return self.source.value(path) if self.source else None


def rules_problems(
    rules: Any,
    defaults: Mapping[str, Any],
    agencies: Iterable[str],
    source: SourceMap | None = None,
) -> list[Problem]:
    """Every problem of a ``rules:`` section, with positions when a source map is given."""
    where = _Where(source)
    if rules is None:
        return []
    if not isinstance(rules, Mapping):
        return [Problem("rules.not_mapping", {}, where.value(("rules",)))]
    known: AbstractSet[str] = agencies if isinstance(agencies, (set, frozenset)) else set(agencies)
    problems: list[Problem] = []
    for rule, settings in rules.items():
        path = ("rules", rule)
        if rule not in defaults:
            problems.append(Problem("rules.unknown_rule", {"rule": rule, "hint": hint(rule, defaults)}, where.key(path)))
        elif not isinstance(settings, Mapping):
            problems.append(Problem("rules.rule_not_mapping", {"rule": rule}, where.value(path)))
        else:
            problems += _settings_problems(rule, settings, defaults[rule], known, where)
    return problems


def _settings_problems(rule: str, settings: Mapping[str, Any], default: Mapping[str, Any],
                       agencies: AbstractSet[str], where: _Where) -> list[Problem]:
    problems: list[Problem] = []
    for name, value in settings.items():
        path = ("rules", rule, name)
        if name not in default:
            problems.append(Problem("rules.unknown_setting", {"rule": rule, "setting": name,
                                                               "hint": hint(name, default)}, where.key(path)))
        else:
            problems += _value_problems(rule, name, value, default[name], agencies, where)
    return problems


def _value_problems(rule: str, name: str, value: Any, default: Any, agencies: AbstractSet[str], where: _Where) -> list[Problem]:
    path = ("rules", rule, name)
    expected = _kind(default)
    params = {"rule": rule, "setting": name}
    if _kind(value) != expected:
        return [Problem(f"rules.expected_{expected}", {**params, "value": value}, where.value(path))]
    if expected == "number" and value < 0:
        return [Problem("rules.negative", {**params, "value": value}, where.value(path))]
    if expected == "list" and not all(isinstance(v, str) for v in value):
        return [Problem("rules.expected_list", {**params, "value": value}, where.value(path))]
    if expected == "mapping":
        return _limits_problems(rule, name, value, agencies, where)
    return []


def _limits_problems(rule: str, name: str, limits: Mapping[str, Any], agencies: AbstractSet[str], where: _Where) -> list[Problem]:
    problems: list[Problem] = []
    for agency, limit in limits.items():
        path = ("rules", rule, name, agency)
        if agency not in agencies:
            problems.append(Problem("rules.unknown_agency", {"rule": rule, "agency": agency,
                                                              "hint": hint(agency, agencies)}, where.key(path)))
        elif not _is_number(limit) or limit < 0:
            problems.append(Problem("rules.expected_number", {"rule": rule, "setting": f"{name}.{agency}",
                                                               "value": limit}, where.value(path)))
    return problems
