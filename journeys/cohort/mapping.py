"""The mapping file: how a case system's extract becomes the canonical cohort input.

A mapping (YAML, read with the persona layer's safe loader) names the extract's files, which of
their columns hold which canonical field, how the system's codes translate to the vocabulary's
words, what to do with a code it does not list, how coarse dates are made, which columns are
free text (checked by the personal-data guard, never used), and the disclosure threshold.
Every problem is reported at its line and column, as for a persona or a vocabulary file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Mapping, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from persona.errors import PersonaError, PersonaInvalid, Problem
from persona.model import EVENT_KINDS, FACTOR_DOMAINS, SUPPORT_LEVELS
from persona.pydantic_problems import hint, problems_from
from persona.safe_yaml import SourceMap, load_file
from persona.vocabulary import Vocabulary

TABLES = ("children", "events", "supports", "factors")
REQUIRED_TABLES = ("children", "events")

# The canonical fields of each table; the first ones are required.
FIELDS: Mapping[str, tuple[str, ...]] = {
    "children": ("child", "birth_month", "extract_date", "record_end"),
    "events": ("child", "event", "date", "age", "agency", "kind", "responds_to", "to", "from", "with",
               "handover", "child_heard"),
    "supports": ("child", "support", "agency", "level", "from", "to"),
    "factors": ("child", "factor", "type", "domain", "from", "to"),
}
REQUIRED_FIELDS: Mapping[str, tuple[str, ...]] = {
    "children": ("child", "birth_month", "extract_date"),
    "events": ("child", "event", "agency", "kind"),
    "supports": ("child", "support", "agency", "level", "from"),
    "factors": ("child", "factor", "type", "domain", "from"),
}
# Code lists and the closed word lists (or the vocabulary group) their values must belong to.
CODE_LISTS = ("agency", "kind", "level", "handover", "child_heard", "type", "domain")
CODED_FIELDS: Mapping[str, str] = {
    "agency": "agency", "to": "agency", "from": "agency", "with": "agency",
    "kind": "kind", "level": "level", "handover": "handover", "child_heard": "child_heard",
    "type": "type", "domain": "domain",
}


def code_list_of(table: str, field: str) -> str | None:
    """The code list a field's values are translated by (``from`` and ``to`` of supports and
    factors are dates, not agencies)."""
    if table != "events" and field in ("from", "to"):
        return None
    return CODED_FIELDS.get(field)


CLOSED_WORDS: Mapping[str, tuple[str, ...]] = {
    "kind": EVENT_KINDS,
    "level": SUPPORT_LEVELS,
    "handover": ("none", "partial", "full"),
    "child_heard": ("true", "false"),
    "type": ("risk", "protective"),
    "domain": FACTOR_DOMAINS,
}
DEFAULT_AGE_BANDS = (0.0, 3.0, 6.0, 10.0, 13.0, 16.0, 18.0)
DEFAULT_MIN_COUNT = 5


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Disclosure(_Strict):
    """Counts below ``min_count`` (1 to min_count − 1) are never published."""

    min_count: int = Field(default=DEFAULT_MIN_COUNT, ge=2, le=100)


class MappingModel(_Strict):
    """The shape of a mapping file (version 1)."""

    mapping: Literal[1]
    system: Optional[str] = None
    files: dict[str, str]
    columns: dict[str, dict[str, str]] = {}
    codes: dict[str, dict[str, Any]] = {}
    unknown_codes: Literal["error", "drop"] = "error"
    dates: Literal["day", "month"] = "month"
    free_text: dict[str, tuple[str, ...]] = {}
    age_bands: tuple[float, ...] = DEFAULT_AGE_BANDS
    disclosure: Disclosure = Disclosure()


@dataclass(frozen=True)
class CohortMapping:
    """A checked mapping: for each table its file and, per canonical field, the extract's column."""

    path: Path
    files: Mapping[str, str]
    columns: Mapping[str, Mapping[str, str]]
    codes: Mapping[str, Mapping[str, str]]
    unknown_codes: str
    dates: str
    free_text: Mapping[str, tuple[str, ...]]
    age_bands: tuple[float, ...]
    min_count: int
    source: SourceMap

    def explicit(self, table: str) -> bool:
        """Whether the mapping names the table's columns (else they carry the canonical names)."""
        return table in self.columns


class MappingInvalid(PersonaInvalid):
    """A mapping file that is not valid (shape, tables, fields, codes)."""


class ExtractInvalid(PersonaError):
    """An extract that does not fit its mapping, or that holds personal data."""

    exit_code = 1


def read_mapping(path: str | Path, vocabulary: Vocabulary) -> CohortMapping:
    """A mapping file, checked; raises :class:`MappingInvalid` listing every problem."""
    path = Path(path)
    loaded = load_file(path)
    if not isinstance(loaded.data, dict):
        raise MappingInvalid(path, [Problem("cohort.mapping.not_mapping")])
    try:
        model = MappingModel.model_validate(loaded.data)
    except ValidationError as exc:
        raise MappingInvalid(path, problems_from(exc, loaded.source, MappingModel)) from None
    problems = _meaning_problems(model, loaded.source, vocabulary)
    if problems:
        raise MappingInvalid(path, problems)
    return _checked(path, model, loaded.source)


def _meaning_problems(model: MappingModel, source: SourceMap, vocabulary: Vocabulary) -> list[Problem]:
    problems = _table_problems(model, source)
    problems += _column_problems(model, source)
    problems += _code_problems(model, source, vocabulary)
    bands = model.age_bands
    if not bands or bands[0] != 0 or any(b <= a for a, b in zip(bands, bands[1:])):
        problems.append(Problem("cohort.mapping.age_bands", {}, source.value(("age_bands",))))
    return problems


def _table_problems(model: MappingModel, source: SourceMap) -> list[Problem]:
    problems = [Problem("cohort.mapping.unknown_table", {"table": t, "hint": hint(t, TABLES)}, source.key(("files", t)))
                for t in model.files if t not in TABLES]
    problems += [Problem("cohort.mapping.missing_table", {"table": t}, source.value(("files",)))
                 for t in REQUIRED_TABLES if t not in model.files]
    for section in ("columns", "free_text"):
        problems += [Problem("cohort.mapping.unknown_table", {"table": t, "hint": hint(t, TABLES)},
                             source.key((section, t)))
                     for t in getattr(model, section) if t not in TABLES]
    return problems


def _column_problems(model: MappingModel, source: SourceMap) -> list[Problem]:
    problems = []
    for table, columns in model.columns.items():
        if table not in FIELDS:
            continue
        for field in columns:
            if field not in FIELDS[table]:
                problems.append(Problem("cohort.mapping.unknown_field",
                                        {"table": table, "field": field, "hint": hint(field, FIELDS[table])},
                                        source.key(("columns", table, field))))
    for table, columns in model.columns.items():
        if table not in FIELDS:
            continue
        if table == "events" and "date" not in columns and "age" not in columns:
            problems.append(Problem("cohort.mapping.date_or_age", {}, source.key(("columns", table))))
        problems += [Problem("cohort.mapping.missing_field", {"table": table, "field": f},
                             source.key(("columns", table)))
                     for f in REQUIRED_FIELDS[table] if f not in columns]
    return problems


def _code_problems(model: MappingModel, source: SourceMap, vocabulary: Vocabulary) -> list[Problem]:
    problems = []
    for name, codes in model.codes.items():
        if name not in CODE_LISTS:
            problems.append(Problem("cohort.mapping.unknown_code_list", {"name": name, "hint": hint(name, CODE_LISTS)},
                                    source.key(("codes", name))))
            continue
        allowed = tuple(vocabulary.agencies) if name == "agency" else CLOSED_WORDS[name]
        for code, word in codes.items():
            if code_word(word) not in allowed:
                problems.append(Problem("cohort.mapping.unknown_word",
                                        {"code": code, "word": code_word(word), "list": name,
                                         "hint": hint(code_word(word), allowed)},
                                        source.value(("codes", name, code))))
    return problems


def code_word(word: Any) -> str:
    """A word of a code list as text (``true``/``false`` for YAML's booleans)."""
    if isinstance(word, bool):
        return "true" if word else "false"
    return str(word)


def _checked(path: Path, model: MappingModel, source: SourceMap) -> CohortMapping:
    columns = {table: dict(model.columns[table]) for table in model.files if table in model.columns}
    return CohortMapping(
        path=path,
        files=dict(model.files),
        columns=columns,
        codes={name: {str(k): code_word(v) for k, v in codes.items()} for name, codes in model.codes.items()},
        unknown_codes=model.unknown_codes,
        dates=model.dates,
        free_text=dict(model.free_text),
        age_bands=tuple(model.age_bands),
        min_count=model.disclosure.min_count,
        source=source,
    )

