"""Evidence grouped across families: the same kind, code, agency, age band and domain.

A group is one candidate element of a composite persona; which interviews and families stand
behind it decides whether it may be used (:mod:`journeys.interviews.compose`) and whether a
persona's element is backed (:mod:`journeys.interviews.provenance`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from persona.interview import Evidence, InterviewRecord

from journeys.interviews.settings import Thresholds

CATEGORY_ORDER = {"factor": 0, "support": 1, "event": 2}


@dataclass(frozen=True, order=True)
class GroupKey:
    """What makes two pieces of evidence speak of the same element."""

    band: tuple[float, float]
    category: str
    kind: str
    agency: Optional[str]
    domain: Optional[str]
    code: Optional[str]
    to: Optional[str] = None

    def sort_key(self) -> tuple[object, ...]:
        return (self.band, CATEGORY_ORDER[self.category], self.kind, self.agency or "", self.domain or "",
                self.code or "", self.to or "")


@dataclass(frozen=True)
class Cited:
    """One piece of evidence with the interview and family it comes from."""

    interview: str
    family: str
    evidence: Evidence


@dataclass(frozen=True)
class Group:
    """Evidence from one or more interviews that speaks of the same element."""

    key: GroupKey
    cited: tuple[Cited, ...]

    @property
    def interviews(self) -> tuple[str, ...]:
        return tuple(sorted({c.interview for c in self.cited}))

    @property
    def families(self) -> tuple[str, ...]:
        return tuple(sorted({c.family for c in self.cited}))

    @property
    def sensitive(self) -> bool:
        """Sensitive or unique evidence: it needs more families behind it."""
        return any(c.evidence.sensitive or c.evidence.unique for c in self.cited)


def key_of(evidence: Evidence, thresholds: Thresholds, with_code: bool = True) -> GroupKey:
    """The group an item belongs to; factors group by domain, events and supports by agency."""
    category = evidence.category
    return GroupKey(
        band=thresholds.band_of(evidence.middle_age()),
        category=category,
        kind=evidence.kind,
        agency=evidence.agency if category != "factor" else None,
        domain=evidence.domain if category == "factor" else None,
        code=evidence.code if with_code else None,
        to=evidence.to if category == "event" else None,
    )


def cited_evidence(records: Iterable[InterviewRecord]) -> list[Cited]:
    """Every piece of evidence of the records, in interview order."""
    ordered = sorted(records, key=lambda r: r.id)
    return [Cited(r.id, r.family, item) for r in ordered for item in r.evidence]


def group_evidence(records: Iterable[InterviewRecord], thresholds: Thresholds) -> list[Group]:
    """The evidence of all records in groups, in life order (age band, then factors, supports, events)."""
    groups: dict[GroupKey, list[Cited]] = {}
    for cited in cited_evidence(records):
        groups.setdefault(key_of(cited.evidence, thresholds), []).append(cited)
    return [Group(key, tuple(items)) for key, items in sorted(groups.items(), key=lambda kv: kv[0].sort_key())]
