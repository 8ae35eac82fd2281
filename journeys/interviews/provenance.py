"""The anonymity and evidence check of a composite persona against its interviews.

Every element's sources must name interviews that hold evidence of it, from enough distinct
families (more when the evidence is sensitive or unique); no family may supply more than its
share of the elements; a quote may come only from an interview whose consent covers quoting; a
rare event told at an exact age must match several families at that age. Elements without
sources are assumptions: listed, not refused. Thresholds are data (:mod:`.settings`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterator

from persona.errors import Problem
from persona.load import PersonaFile
from persona.model import Event, Factor, Support

from journeys.interviews.grouping import Cited, GroupKey, cited_evidence, key_of
from journeys.interviews.records import InterviewSet
from journeys.interviews.settings import Thresholds

Element = Event | Factor | Support
_SECTIONS = (("factors", "factor"), ("supports", "support"), ("events", "event"))


@dataclass(frozen=True)
class ElementEvidence:
    """What stands behind one element of the persona."""

    id: str
    category: str
    path: tuple[Any, ...]
    sources: tuple[str, ...]
    matched: tuple[Cited, ...]  # the cited interviews' evidence of this element
    needed: int

    @property
    def families(self) -> tuple[str, ...]:
        return tuple(sorted({c.family for c in self.matched}))

    @property
    def is_assumption(self) -> bool:
        return not self.sources

    @property
    def sensitive(self) -> bool:
        return any(c.evidence.sensitive or c.evidence.unique for c in self.matched)


@dataclass(frozen=True)
class Provenance:
    """The check's findings: each element's evidence, every violation, and the share of each family."""

    persona_file: PersonaFile
    elements: tuple[ElementEvidence, ...]
    problems: tuple[Problem, ...]
    family_counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def assumptions(self) -> tuple[ElementEvidence, ...]:
        return tuple(e for e in self.elements if e.is_assumption)

    @property
    def backed(self) -> tuple[ElementEvidence, ...]:
        return tuple(e for e in self.elements if not e.is_assumption)


def _elements(persona_file: PersonaFile) -> Iterator[tuple[tuple[Any, ...], str, Element]]:
    persona = persona_file.persona
    for section, category in _SECTIONS:
        for index, element in enumerate(getattr(persona, section)):
            yield (section, index), category, element


def element_key(element: Element, category: str, thresholds: Thresholds) -> GroupKey:
    """The group key of a persona element, to compare with its evidence (codes are not compared)."""
    if isinstance(element, Event):
        return GroupKey(thresholds.band_of(element.age), "event", element.kind, element.agency, None, None, element.to)
    if isinstance(element, Factor):
        return GroupKey(thresholds.band_of(element.from_), "factor", element.type, None, element.domain, None)
    return GroupKey(thresholds.band_of(element.from_), "support", "support", element.agency, None, None)


class _Check:
    """Collects the problems of one persona, placed at the element they concern."""

    def __init__(self, persona_file: PersonaFile, interviews: InterviewSet, thresholds: Thresholds):
        self.file, self.interviews, self.thresholds = persona_file, interviews, thresholds
        self.problems: list[Problem] = []
        self.evidence = cited_evidence(interviews.records.values())
        # Each piece of evidence keyed once (codes are not compared), by interview and by key.
        self.by_interview: dict[tuple[str, GroupKey], list[Cited]] = {}
        self.by_key: dict[GroupKey, list[Cited]] = {}
        for cited in self.evidence:
            key = key_of(cited.evidence, thresholds, with_code=False)
            self.by_interview.setdefault((cited.interview, key), []).append(cited)
            self.by_key.setdefault(key, []).append(cited)

    def add(self, key: str, path: tuple[Any, ...], **params: Any) -> None:
        self.problems.append(Problem(f"provenance.{key}", params, self.file.source.value(path)))

    def element(self, path: tuple[Any, ...], category: str, element: Element) -> ElementEvidence:
        key = element_key(element, category, self.thresholds)
        matched: list[Cited] = []
        for source in element.sources:
            if source not in self.interviews.records:
                self.add("unknown_source", path + ("sources",), id=element.id, source=source)
                continue
            found = self.by_interview.get((source, key), [])
            if not found:
                self.add("unsupported", path + ("sources",), id=element.id, source=source)
            matched += found
        sensitive = any(c.evidence.sensitive or c.evidence.unique for c in matched)
        result = ElementEvidence(element.id, category, path, element.sources, tuple(matched),
                                 self.thresholds.families_needed(sensitive))
        if element.sources and len(result.families) < result.needed:
            self.add("too_few_families", path, id=element.id, families=len(result.families), needed=result.needed)
        if isinstance(element, Event) and result.sensitive:
            self.rare_age(element, path)
        return result

    def rare_age(self, event: Event, path: tuple[Any, ...]) -> None:
        """A rare event at an exact age: that age must be shared by enough families' evidence."""
        key = element_key(event, "event", self.thresholds)
        tolerance = self.thresholds.exact_age_tolerance
        families = {c.family for c in self.by_key.get(key, [])
                    if c.evidence.ages()[0] - tolerance <= event.age <= c.evidence.ages()[1] + tolerance}
        if len(families) < self.thresholds.min_families_rare:
            self.add("rare_exact_age", path + ("age",), id=event.id, age=f"{event.age:g}", families=len(families),
                     needed=self.thresholds.min_families_rare)

    def family_shares(self, elements: list[ElementEvidence]) -> dict[str, int]:
        counts = dict.fromkeys(self.interviews.families(), 0)
        for element in elements:
            for family in element.families:
                counts[family] += 1
        limit = self.thresholds.max_family_share * len(elements)
        for family, count in sorted(counts.items()):
            if count > limit:
                self.add("family_share", (), family=family, count=count, elements=len(elements),
                         share=f"{self.thresholds.max_family_share:.0%}")
        return counts

    def quotes(self) -> None:
        persona = self.file.persona
        said: list[tuple[tuple[Any, ...], str, str]] = []
        if persona.quote:
            said.append((("quote",), "quote", persona.quote))
        said += [(("events", i, "voice"), e.id, e.voice) for i, e in enumerate(persona.events) if e.voice]
        records = self.interviews.records
        for path, where, said_text in said:
            for cited in self.evidence:
                quote = cited.evidence.quote
                if quote and normalised(quote) in normalised(said_text) and not records[cited.interview].may_quote:
                    self.add("quote_without_consent", path, id=where, source=cited.interview)


def normalised(sentence: str) -> str:
    """Text compared as words: lower case, no punctuation, single spaces."""
    return " ".join(re.findall(r"\w+", sentence.lower()))


def check_provenance(persona_file: PersonaFile, interviews: InterviewSet, thresholds: Thresholds) -> Provenance:
    """Check every element of the persona against the interviews."""
    check = _Check(persona_file, interviews, thresholds)
    elements = [check.element(path, category, element) for path, category, element in _elements(persona_file)]
    counts = check.family_shares(elements)
    check.quotes()
    problems = tuple(sorted(check.problems, key=Problem.sort_key))
    return Provenance(persona_file, tuple(elements), problems, counts)
