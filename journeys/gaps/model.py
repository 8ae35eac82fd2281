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
    :attr:`visible` is the age from which everything its text names has happened (a window
    must have closed, an answer come): when stepping through the years, the gap is told from
    then (``visible_from`` in JSON). A rule sets ``visible_from`` when that is earlier than
    ``end``.
    """

    rule: str
    start: float
    end: float
    agencies: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    severity: int = 2
    params: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)
    visible_from: float | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", _frozen(self.params))
        object.__setattr__(self, "severity", min(3, max(1, int(self.severity))))

    @property
    def visible(self) -> float:
        """The age from which the gap can be told (its end, unless the rule says earlier)."""
        return self.end if self.visible_from is None else min(self.visible_from, self.end)

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
