"""An interview record (``NAME.interview.yaml``): the coded evidence of one family interview.

Interview records are sensitive even when pseudonymised: they are read to compose and check a
persona, and never drawn or exported. The models check shape; :func:`check_interview_data`
checks what needs the vocabulary or several fields at once.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Iterator, Literal, Mapping, Optional

from pydantic import Field

from persona.errors import Problem
from persona.model import (
    EVENT_KINDS, KINDS_WITHOUT_AGENCY, Age, EventKind, FactorDomain, FactorType, Handover, Item, Slug, SupportLevel,
    Text,
)
from persona.pydantic_problems import hint
from persona.safe_yaml import SourceMap
from persona.vocabulary import Vocabulary

INTERVIEW_SUFFIX = ".interview.yaml"
# The key that marks a file as an interview record, like ``schema:`` marks a persona.
MARKER = "interview"

# A family key is a pseudonym: a prefix and at most four letters or digits, never a name.
FAMILY_KEY_PATTERN = r"^(familj|family|f)-[a-z0-9]{1,4}$"
AGE_BAND_PATTERN = r"^\d{1,2}(\.5)?-\d{1,2}(\.5)?$"
MONTH_PATTERN = r"^(19|20)\d{2}-(0[1-9]|1[0-2])$"

FactorKind = FactorType
SUPPORT_KIND = "support"
EvidenceKind = Literal[EventKind, FactorType, Literal["support"]]  # type: ignore[valid-type]
EVIDENCE_KINDS: tuple[str, ...] = (*EVENT_KINDS, "risk", "protective", SUPPORT_KIND)
Role = Literal["child", "parent", "step_parent", "foster_parent", "sibling", "grandparent", "relative",
               "professional", "other"]
Consent = Literal["paraphrase", "quote"]

FamilyKey = Annotated[str, Field(pattern=FAMILY_KEY_PATTERN)]
AgeBand = Annotated[str, Field(pattern=AGE_BAND_PATTERN)]
Month = Annotated[str, Field(pattern=MONTH_PATTERN)]


# What a persona needs of these kinds of event (persona.validate), asked of the evidence too.
EVENT_FIELDS_REQUIRED = {"referral": ("to",), "transition": ("from", "to", "handover")}


def category_of(kind: str) -> str:
    """``"event"``, ``"factor"`` or ``"support"``: which part of a persona a kind of evidence feeds."""
    if kind in EVENT_KINDS:
        return "event"
    return SUPPORT_KIND if kind == SUPPORT_KIND else "factor"


def band_limits(band: str) -> tuple[float, float]:
    """``"6-9"`` → ``(6.0, 9.0)``."""
    start, end = band.split("-")
    return float(start), float(end)


class Evidence(Item):
    """One coded piece of an interview: what happened or mattered, where and at what age."""

    kind: EvidenceKind
    code: Optional[Slug] = None
    agency: Optional[str] = None
    age: Optional[Age] = None
    age_band: Optional[AgeBand] = None
    domain: Optional[FactorDomain] = None
    level: Optional[SupportLevel] = None
    to: Optional[str] = None
    from_: Optional[str] = Field(default=None, alias="from")
    handover: Optional[Handover] = None
    paraphrase: Text
    quote: Optional[Text] = None
    sensitive: bool = False
    unique: bool = False

    @property
    def category(self) -> str:
        return category_of(self.kind)

    def ages(self) -> tuple[float, float]:
        """The ages the item speaks of: one age twice, or the band's limits."""
        if self.age is not None:
            return self.age, self.age
        return band_limits(self.age_band or "0-0")

    def middle_age(self) -> float:
        start, end = self.ages()
        return (start + end) / 2


class InterviewRecord(Item):
    """One interview with one family, pseudonymised and coded."""

    interview: Literal[1]
    id: Slug
    family: FamilyKey
    month: Month
    roles: tuple[Role, ...] = Field(min_length=1)
    child_age_band: AgeBand
    consent: Consent
    codebook: Annotated[str, Field(min_length=1, max_length=40)]
    note: Optional[Text] = None
    evidence: tuple[Evidence, ...] = Field(min_length=1)

    @property
    def may_quote(self) -> bool:
        return self.consent == "quote"


def _evidence_items(data: Mapping[str, Any]) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
    items = data.get("evidence")
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, dict):
                yield ("evidence", index), item


def _band_problems(value: Any, path: tuple[Any, ...], source: SourceMap) -> list[Problem]:
    if isinstance(value, str) and re.match(AGE_BAND_PATTERN, value):
        start, end = band_limits(value)
        if start > end:
            return [Problem("interview.band_backwards", {"band": value}, source.value(path))]
    return []


def evidence_problems(item: Mapping[str, Any], agencies: set[str], source: SourceMap,
                      path: tuple[Any, ...]) -> list[Problem]:
    """What one evidence item needs beyond its shape: an age, an agency or a domain by kind."""
    problems: list[Problem] = []
    kind = item.get("kind")
    where = source.value(path)
    if ("age" in item) == ("age_band" in item):
        problems.append(Problem("interview.age_or_band", {}, where))
    problems += _band_problems(item.get("age_band"), path + ("age_band",), source)
    for field in ("agency", "to", "from"):
        named = item.get(field)
        if isinstance(named, str) and named not in agencies:
            problems.append(Problem("ref.unknown_agency", {"value": named, "hint": hint(named, agencies)},
                                    source.value(path + (field,))))
    agency = item.get("agency")
    if kind not in EVIDENCE_KINDS:
        return problems
    category = category_of(kind)
    needs_agency = category == SUPPORT_KIND or (category == "event" and kind not in KINDS_WITHOUT_AGENCY)
    if needs_agency and agency is None:
        problems.append(Problem("interview.agency_required", {"kind": kind}, where))
    if category == "factor" and "domain" not in item:
        problems.append(Problem("interview.domain_required", {"kind": kind}, where))
    for field in EVENT_FIELDS_REQUIRED.get(kind, ()):
        if field not in item:
            problems.append(Problem("kind.field_required", {"field": field, "kind": kind}, where))
    return problems


def check_interview_data(data: Mapping[str, Any], vocabulary: Vocabulary, source: SourceMap) -> list[Problem]:
    """The checks of an interview record that need the vocabulary or several fields at once."""
    agencies = set(vocabulary.agencies)
    problems = _band_problems(data.get("child_age_band"), ("child_age_band",), source)
    for path, item in _evidence_items(data):
        problems += evidence_problems(item, agencies, source, path)
        if item.get("quote") and data.get("consent") == "paraphrase":
            problems.append(Problem("interview.quote_without_consent", {}, source.value(path + ("quote",)),
                                    "warning"))
    return problems
