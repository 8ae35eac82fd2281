"""A draft composite persona from coded interviews.

Evidence grouped across families becomes factors, supports and events, each with ``sources:``
naming the interviews behind it. A group backed by too few families is left out (or, when asked
for, kept as an assumption: no sources, a plain label and the middle of its age band, never the
family's own words or age). The same records give the same draft, byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from persona.interview import InterviewRecord

from journeys.interviews.grouping import Group, group_evidence
from journeys.interviews.settings import Thresholds

AGE_STEP = 0.5


@dataclass(frozen=True)
class DraftElement:
    """One element of the draft: the group it stands for, its id and age(s), and whether it is backed."""

    id: str
    group: Group
    age: float  # an event's age, or a factor's or support's start
    end: float  # the end of the age band (factors and supports)
    backed: bool  # enough families: has sources; otherwise an assumption
    level: str | None = None  # a support's level

    @property
    def sources(self) -> tuple[str, ...]:
        return self.group.interviews if self.backed else ()


@dataclass(frozen=True)
class Composition:
    """The draft's elements and the groups left out for having too few families."""

    records: tuple[InterviewRecord, ...]
    elements: tuple[DraftElement, ...]
    left_out: tuple[Group, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({s for e in self.elements for s in e.sources}))


def is_backed(group: Group, thresholds: Thresholds) -> bool:
    return len(group.families) >= thresholds.families_needed(group.sensitive)


def _round(age: float) -> float:
    return round(age / AGE_STEP) * AGE_STEP


def families_near(group: Group, age: float, tolerance: float) -> int:
    """How many of the group's families have evidence at ``age`` (exact age within the tolerance,
    or an age band that holds it)."""
    near = set()
    for cited in group.cited:
        start, end = cited.evidence.ages()
        if start - tolerance <= age <= end + tolerance:
            near.add(cited.family)
    return len(near)


def event_age(group: Group, thresholds: Thresholds) -> float:
    """The age most of the group's families share (ties: the youngest), so that no single family's
    exact age is told."""
    candidates = sorted({_round(c.evidence.middle_age()) for c in group.cited})
    return max(candidates, key=lambda age: (families_near(group, age, thresholds.exact_age_tolerance), -age))


def support_level(group: Group, thresholds: Thresholds) -> str:
    """The level most of the evidence names (ties: the first in order), else the default."""
    return most_common(group, "level") or thresholds.default_support_level


def most_common(group: Group, field: str) -> str | None:
    """The value of an evidence field most items give (ties: the first in order), or None."""
    values = sorted(getattr(c.evidence, field) for c in group.cited if getattr(c.evidence, field))
    return max(values, key=values.count) if values else None


def _element_id(group: Group, taken: set[str]) -> str:
    key = group.key
    start, end = key.band
    base = "-".join(part for part in (key.code or key.kind, key.agency if not key.code else None,
                                      f"{start:g}", f"{end:g}") if part).replace("_", "-").replace(".", "-")
    found, number = base, 2
    while found in taken:
        found, number = f"{base}-{number}", number + 1
    taken.add(found)
    return found


def compose(records: Iterable[InterviewRecord], thresholds: Thresholds, keep_assumptions: bool = False) -> Composition:
    """The draft persona's elements from the records' evidence."""
    records = tuple(sorted(records, key=lambda r: r.id))
    elements: list[DraftElement] = []
    left_out: list[Group] = []
    taken: set[str] = set()
    for group in group_evidence(records, thresholds):
        backed = is_backed(group, thresholds)
        if not backed and not keep_assumptions:
            left_out.append(group)
            continue
        start, end = group.key.band
        if group.key.category == "event":
            age = event_age(group, thresholds) if backed else _round((start + end) / 2)
        else:
            age = start
        level = support_level(group, thresholds) if group.key.category == "support" else None
        elements.append(DraftElement(_element_id(group, taken), group, age, end, backed, level))
    return Composition(records, tuple(elements), tuple(left_out))
