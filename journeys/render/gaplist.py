"""Gaps with the numbers people point at: the same number on the timeline, in the legend, on
the poster and in the chronology."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

OPEN, CLOSED, REMAINING, NEW = "open", "closed", "remaining", "new"


@dataclass(frozen=True)
class NumberedGap:
    number: int
    gap: Any  # journeys.gaps.Gap
    status: str = OPEN

    @property
    def is_closed(self) -> bool:
        return self.status == CLOSED


def number_gaps(gaps: Sequence[Any], comparison: Any = None) -> tuple[NumberedGap, ...]:
    """Gaps numbered 1, 2, … in time order. With a scenario comparison: the closed gaps of the
    persona and the remaining and new gaps of the scenario, numbered together."""
    if comparison is None:
        tagged = [(gap, OPEN) for gap in gaps]
    else:
        tagged = ([(g, CLOSED) for g in comparison.closed] + [(g, REMAINING) for g in comparison.remaining]
                  + [(g, NEW) for g in comparison.new])
    tagged.sort(key=lambda pair: (pair[0].start, pair[0].rule, tuple(pair[0].events), pair[1]))
    return tuple(NumberedGap(number, gap, status) for number, (gap, status) in enumerate(tagged, start=1))


def numbers_by_event(numbered: Sequence[NumberedGap]) -> dict[str, tuple[int, ...]]:
    """For each event or support id, the numbers of the gaps it is part of."""
    found: dict[str, list[int]] = {}
    for item in numbered:
        for event_id in item.gap.events:
            found.setdefault(event_id, []).append(item.number)
    return {k: tuple(v) for k, v in found.items()}
