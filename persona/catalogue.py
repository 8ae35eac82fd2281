"""The municipality's offer (``catalogue: 1``): every service by agency, level, ages and target group.

A catalogue sits beside the personas (``NAME.catalogue.yaml``) and is read like one: safe loader,
every problem at its line and column, the personal-data guard over the whole text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, Mapping, Optional

from pydantic import Field, ValidationError

from persona.cost_model import UnitCost, price_problems
from persona.errors import PersonaInvalid, Problem
from persona.model import Age, AgencyDef, Item, Slug, SupportLevel, Text
from persona.privacy import check_loaded
from persona.pydantic_problems import hint, problems_from
from persona.safe_yaml import DEFAULT_MAX_BYTES, SourceMap, load_yaml, read_text
from persona.vocabulary import Vocabulary, load_vocabulary

TargetGroup = Literal["universal", "selected", "indicated"]
TARGET_GROUPS: tuple[str, ...] = TargetGroup.__args__  # type: ignore[attr-defined]
CATALOGUE_SUFFIX = ".catalogue.yaml"
_TOP_KEY = re.compile(r"^catalogue\s*:", re.MULTILINE)


class CatalogueInvalid(PersonaInvalid):
    """A catalogue file is not valid (shape, references, ages, privacy)."""


class Ages(Item):
    """The ages a service is for: from its ``from`` birthday up to (not including) its ``to``."""

    from_: Age = Field(alias="from")
    to: Age

    def overlaps(self, start: float, end: float) -> bool:
        """Whether the service is open to a child at some age in ``[start, end]``."""
        return self.from_ <= end and start < self.to


class Service(Item):
    """One service of the offer."""

    id: Slug
    name: Text
    agency: str
    level: SupportLevel
    ages: Ages
    target: TargetGroup
    capacity: Optional[Annotated[int, Field(ge=0)]] = None
    wait_days: Optional[Annotated[float, Field(ge=0, le=3650)]] = None
    cost: Optional[UnitCost] = None
    note: Optional[Text] = None
    sources: tuple[str, ...] = ()


class Catalogue(Item):
    """A municipality's offer of services to children and young people, 0–20."""

    catalogue: Literal[1]
    municipality: Text
    note: Optional[Text] = None
    agencies: tuple[AgencyDef, ...] = ()
    services: tuple[Service, ...] = Field(min_length=1)


@dataclass(frozen=True)
class CatalogueFile:
    """A valid catalogue with where it came from, and the vocabulary it names agencies in."""

    path: str | Path
    catalogue: Catalogue
    source: SourceMap
    vocabulary: Vocabulary


def looks_like_catalogue(path: str | Path, yaml_text: str | None = None) -> bool:
    """A catalogue by its name (``*.catalogue.yaml``) or by its top-level ``catalogue:`` key."""
    if str(path).endswith(CATALOGUE_SUFFIX):
        return True
    return bool(yaml_text is not None and _TOP_KEY.search(yaml_text))


def _meaning_problems(data: Mapping[str, Any], vocabulary: Vocabulary, source: SourceMap) -> list[Problem]:
    """Unique ids, known agencies, ``to`` after ``from``, prices that hold together."""
    agencies = set(vocabulary.agencies)
    agencies |= {a["id"] for a in data.get("agencies") or [] if isinstance(a, Mapping) and isinstance(a.get("id"), str)}
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, service in enumerate(data.get("services") or []):
        if not isinstance(service, Mapping):
            continue
        path = ("services", index)
        sid, agency, ages = service.get("id"), service.get("agency"), service.get("ages")
        if isinstance(sid, str) and sid in seen:
            first = source.value(("services", seen[sid], "id"))
            problems.append(Problem("ref.duplicate_id", {"id": sid, "line": first.line if first else "?"},
                                    source.value(path + ("id",))))
        elif isinstance(sid, str):
            seen[sid] = index
        if isinstance(agency, str) and agency not in agencies:
            problems.append(Problem("ref.unknown_agency", {"value": agency, "hint": hint(agency, agencies)},
                                    source.value(path + ("agency",))))
        if isinstance(ages, Mapping) and _ordered(ages.get("from"), ages.get("to")) is False:
            problems.append(Problem("catalogue.ages_not_after", {"start": ages.get("from"), "end": ages.get("to")},
                                    source.value(path + ("ages", "to"))))
        if isinstance(service.get("cost"), Mapping):
            problems += price_problems(service["cost"], path + ("cost",), source, ())
    return problems


def with_version_check(problems: list[Problem], data: Mapping[str, Any], key: str, source: SourceMap) -> list[Problem]:
    """The shape problems with the format's version said plainly (``catalogue: 1``, ``costs: 1``)."""
    value = data.get(key)
    if value == 1 and not isinstance(value, bool):
        return problems
    kept = [p for p in problems if p.params.get("field") != key]
    position = source.value((key,)) if key in data else source.value(())
    if key not in data:
        return kept + [Problem(f"{key}.not_mapping", {}, position)]
    return kept + [Problem(f"{key}.version", {"value": value}, position)]


def _ordered(start: Any, end: Any) -> bool | None:
    numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (start, end))
    return (end > start) if numbers else None


def parse_catalogue(yaml_text: str, path: str | Path = "<catalogue>", vocabulary: Vocabulary | None = None,
                    max_bytes: int = DEFAULT_MAX_BYTES) -> CatalogueFile:
    """A catalogue from its YAML text; raises :class:`CatalogueInvalid` listing every problem."""
    vocabulary = vocabulary or load_vocabulary()
    loaded = load_yaml(yaml_text, path, max_bytes)
    if not isinstance(loaded.data, dict):
        raise CatalogueInvalid(path, [Problem("catalogue.not_mapping", {}, loaded.source.value(()))])
    problems: list[Problem] = []
    catalogue = None
    try:
        catalogue = Catalogue.model_validate(loaded.data)
    except ValidationError as exc:
        problems += problems_from(exc, loaded.source, Catalogue)
    problems = with_version_check(problems, loaded.data, "catalogue", loaded.source)
    problems += _meaning_problems(loaded.data, vocabulary, loaded.source)
    problems += check_loaded(yaml_text, loaded.data, loaded.source)  # raw lines and parsed strings
    if problems or catalogue is None:
        raise CatalogueInvalid(path, problems)
    return CatalogueFile(path, catalogue, loaded.source, vocabulary.with_persona_agencies(catalogue.agencies))


def read_catalogue(path: str | Path, vocabulary: Vocabulary | None = None,
                   max_bytes: int = DEFAULT_MAX_BYTES) -> CatalogueFile:
    """A catalogue from a file; raises :class:`PersonaUnreadable` or :class:`CatalogueInvalid`."""
    path = Path(path)
    return parse_catalogue(read_text(path, max_bytes), path, vocabulary, max_bytes)
