"""The vocabulary: agencies and their lanes, roles, kinds, levels, domains, and their labels.

The default ships as ``persona/data/vocabulary.yaml``. A municipality's file of the same shape
adds agencies, sectors and roles, relabels anything, changes rule thresholds (``rules:``) and
overrides user-facing strings (``strings: {sv: {...}, en: {...}}``).
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, Mapping, Optional

from pydantic import BaseModel, ConfigDict, ValidationError

from persona.errors import Problem, VocabularyInvalid
from persona.model import AgencyDef, Persona
from persona.privacy import check_loaded
from persona.rules_check import rules_problems
from persona.safe_yaml import load_file, load_yaml
from persona.pydantic_problems import problems_from

VOCABULARY_ENV = "JOURNEYS_VOCABULARY"
# Groups whose ids are fixed by schema v1: a municipality may relabel them, not add to them.
CLOSED_GROUPS = ("event_kinds", "handovers", "support_levels", "factor_domains", "factor_types")


class Term(BaseModel):
    """A word of the vocabulary with what users read for it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sv: str
    en: Optional[str] = None
    order: int = 0

    def text(self, lang: str) -> str:
        return (self.en or self.sv) if lang == "en" else self.sv


class AgencyTerm(Term):
    """An agency: its sector (lane), whom it serves, a short label for tight spaces, and
    whether it takes part in coordination (a court decides but does not serve the family)."""

    sector: str
    serves: Literal["child", "adult", "all"] = "all"
    until: Optional[float] = None
    coordinates: bool = True
    short_sv: Optional[str] = None
    short_en: Optional[str] = None

    def short(self, lang: str) -> str:
        short = self.short_en if lang == "en" else self.short_sv
        return short or self.text(lang)


class Vocabulary(BaseModel):
    """Everything a persona file may name, with labels in every language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sectors: dict[str, Term]
    agencies: dict[str, AgencyTerm]
    roles: dict[str, Term]
    event_kinds: dict[str, Term]
    handovers: dict[str, Term]
    support_levels: dict[str, Term]
    factor_domains: dict[str, Term]
    factor_types: dict[str, Term]
    report_receiver: str = "social"
    rules: dict[str, dict[str, Any]] = {}
    strings: dict[str, dict[str, Any]] = {}

    def label(self, group: str, term_id: str, lang: str) -> str:
        term = getattr(self, group).get(term_id)
        return term.text(lang) if term else term_id

    def agency_label(self, agency_id: str, lang: str, short: bool = False) -> str:
        term = self.agencies.get(agency_id)
        if term is None:
            return agency_id
        return term.short(lang) if short else term.text(lang)

    def sector_of(self, agency_id: str) -> str:
        term = self.agencies.get(agency_id)
        return term.sector if term else "family"

    def sectors_in_order(self) -> list[str]:
        return sorted(self.sectors, key=lambda s: (self.sectors[s].order, s))

    def with_persona_agencies(self, agencies: tuple[AgencyDef, ...]) -> "Vocabulary":
        """This vocabulary plus the agencies a persona file adds or relabels."""
        if not agencies:
            return self
        merged = dict(self.agencies)
        for agency in agencies:
            base = merged.get(agency.id)
            fields = base.model_dump() if base else {}
            fields.update(sector=agency.sector, sv=agency.label, en=agency.label, short_sv=None, short_en=None)
            if agency.coordinates is not None:
                fields.update(coordinates=agency.coordinates)
            merged[agency.id] = AgencyTerm(**fields)
        return self.model_copy(update={"agencies": merged})

    def for_persona(self, persona: Persona) -> "Vocabulary":
        return self.with_persona_agencies(persona.agencies)


def _deep_merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


@lru_cache(maxsize=1)
def _default_data() -> dict[str, Any]:
    yaml_text = resources.files("persona").joinpath("data").joinpath("vocabulary.yaml").read_text(encoding="utf-8")
    return load_yaml(yaml_text, "vocabulary.yaml").data


def default_vocabulary_data() -> Mapping[str, Any]:
    """The default vocabulary file as read, once per process (for its free-form sections,
    such as the engine's ``rules:``)."""
    return _default_data()


def _closed_group_problems(override: Mapping[str, Any], loaded_source: Any, defaults: Mapping[str, Any]) -> list[Problem]:
    problems = []
    for group in CLOSED_GROUPS:
        for term_id in (override.get(group) or {}):
            if term_id not in defaults[group]:
                problems.append(Problem("vocabulary.closed_group", {"group": group, "id": term_id},
                                        loaded_source.key((group, term_id))))
    return problems


def load_vocabulary(path: str | Path | None = None) -> Vocabulary:
    """The default vocabulary, with a municipality's file on top when one is given.

    Without ``path``, the file named by ``JOURNEYS_VOCABULARY`` is used, if set.
    """
    path = path or os.environ.get(VOCABULARY_ENV) or None
    if path is None:
        return _default_vocabulary()
    loaded = load_file(path)
    if not isinstance(loaded.data, dict):
        raise VocabularyInvalid(path, [Problem("vocabulary.not_mapping")])
    defaults = _default_data()
    problems = _closed_group_problems(loaded.data, loaded.source, defaults)
    problems += check_loaded(loaded.yaml_text, loaded.data, loaded.source)  # labels and strings reach every export
    own_agencies = loaded.data.get("agencies")
    agencies = set(defaults["agencies"]) | set(own_agencies if isinstance(own_agencies, dict) else {})
    problems += rules_problems(loaded.data.get("rules"), defaults.get("rules", {}), agencies, loaded.source)
    try:
        vocabulary = Vocabulary.model_validate(_deep_merge(defaults, loaded.data))
    except ValidationError as exc:
        problems += problems_from(exc, loaded.source)
    if problems:
        raise VocabularyInvalid(path, problems)
    unknown_sectors = [
        Problem("vocabulary.unknown_sector", {"agency": a, "sector": t.sector}, loaded.source.value(("agencies", a)))
        for a, t in vocabulary.agencies.items() if t.sector not in vocabulary.sectors
    ]
    if unknown_sectors:
        raise VocabularyInvalid(path, unknown_sectors)
    return vocabulary


@lru_cache(maxsize=1)
def _default_vocabulary() -> Vocabulary:
    return Vocabulary.model_validate(_default_data())
