"""The rules' thresholds, as data: the default vocabulary's ``rules:`` section with a
municipality's changes on top."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Mapping

from persona.errors import VocabularyInvalid
from persona.rules_check import rules_problems
from persona.vocabulary import Vocabulary, default_vocabulary_data


def default_rules() -> Mapping[str, Mapping[str, Any]]:
    """The ``rules:`` section of the default vocabulary shipped with the package (read once,
    with the rest of the vocabulary)."""
    return default_vocabulary_data().get("rules", {})


@dataclass(frozen=True)
class RuleParams:
    """One rule's settings: ``params["days"]``, ``params.limit("bup")``."""

    rule: str
    values: Mapping[str, Any]

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    @property
    def severity(self) -> int:
        return int(self.values.get("severity", 2))

    def limit(self, agency: str | None, name: str = "limits", fallback: str = "days") -> float:
        """A per-agency limit in days, or the rule's general one."""
        limits = self.values.get(name) or {}
        return float(limits.get(agency, self.values[fallback])) if agency else float(self.values[fallback])


@dataclass(frozen=True)
class RuleSettings:
    """Every rule's settings, and which rules are switched on."""

    rules: Mapping[str, Mapping[str, Any]]

    def enabled(self, rule: str) -> bool:
        return bool(self.rules.get(rule, {}).get("enabled", True))

    def params(self, rule: str) -> RuleParams:
        return RuleParams(rule, MappingProxyType(dict(self.rules.get(rule, {}))))

    def with_changes(self, changes: Mapping[str, Mapping[str, Any]]) -> "RuleSettings":
        """These settings with some values changed (checked like a vocabulary file)."""
        return _settings_from(_merge(self.rules, changes), agencies=None)


def _merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    merged: dict[str, Any] = {rule: dict(values) for rule, values in base.items()}
    for rule, values in extra.items():
        if isinstance(values, Mapping) and isinstance(merged.get(rule), dict):
            merged[rule].update(values)
        else:
            merged[rule] = values
    return merged


def _settings_from(rules: Mapping[str, Any], agencies: Any) -> RuleSettings:
    problems = rules_problems(rules, default_rules(), agencies if agencies is not None else _any_agency())
    if problems:
        raise VocabularyInvalid("rules", problems)
    return RuleSettings(MappingProxyType({r: MappingProxyType(dict(v)) for r, v in rules.items()}))


class _any_agency(set):
    """Accepts every agency id (used when no vocabulary is at hand)."""

    def __contains__(self, item: object) -> bool:
        return True


def rule_settings(vocabulary: Vocabulary) -> RuleSettings:
    """The rules' settings of a vocabulary: the defaults, with the vocabulary's changes on top.

    Raises :class:`persona.errors.VocabularyInvalid` when a rule or setting is unknown or of the
    wrong kind (a vocabulary file is checked with line numbers when it is loaded).
    """
    return _settings_from(_merge(default_rules(), vocabulary.rules), agencies=set(vocabulary.agencies))
