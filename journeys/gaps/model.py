"""A gap: where, in the child's life, the child falls between the chairs."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping


def _frozen(params: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(params))


@dataclass(frozen=True)
class Gap:
    """One place where the child falls between the chairs, found by one rule.

    ``start`` and ``end`` are ages in years (``from`` and ``to`` in JSON); ``events`` holds the
    ids of the events and supports involved; ``params`` the values its explanation names.
    """

    rule: str
    start: float
    end: float
    agencies: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    severity: int = 2
    params: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", _frozen(self.params))
        object.__setattr__(self, "severity", min(3, max(1, int(self.severity))))

    @property
    def key(self) -> str:
        """Stable across runs: the rule and the ids involved (or the start age when none)."""
        anchor = "+".join(self.events) if self.events else f"{self.start:.2f}"
        return f"{self.rule}@{anchor}"

    def sort_key(self) -> tuple[float, str, tuple[str, ...]]:
        return (self.start, self.rule, self.events)

    def overlaps(self, other: "Gap") -> bool:
        return self.start <= other.end and other.start <= self.end


@dataclass(frozen=True)
class GapText:
    """What a gap says to people: one sentence, and a question for the workshop."""

    message: str
    question: str
