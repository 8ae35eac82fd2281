"""Walking through a life: the ages the journey stops at, one year or one event at a time."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, Sequence

YEAR, EVENT, GAP = "year", "event", "gap"
STEP_MODES = (YEAR, EVENT, GAP)
LAST_AGE = 20.0
EPSILON = 1e-9


def last_age(event_ages: Iterable[float]) -> float:
    """The walk ends at 20, or later when the persona has events after 20."""
    return max([LAST_AGE, *[math.ceil(a) for a in event_ages]])


def stops(mode: str, event_ages: Sequence[float], end: float | None = None) -> list[float]:
    """Every age the walk stops at: whole years, or the distinct ages of the events (and 0 and the
    end), or only 0 and the end (walking from gap to gap: the gaps are stops of :func:`walk_stops`).
    ``end`` is where the walk ends (the pictures' axis: earlier when the record ends early)."""
    end = last_age(event_ages) if end is None else end
    if mode == GAP:
        return [0.0, end]
    if mode == EVENT:
        return sorted({0.0, end, *(float(a) for a in event_ages)})
    return [float(year) for year in range(int(end) + 1)]


def next_stop(age: float, mode: str, event_ages: Sequence[float], end: float | None = None) -> float:
    later = [s for s in stops(mode, event_ages, end) if s > age + EPSILON]
    return later[0] if later else age


def previous_stop(age: float, mode: str, event_ages: Sequence[float], end: float | None = None) -> float:
    earlier = [s for s in stops(mode, event_ages, end) if s < age - EPSILON]
    return earlier[-1] if earlier else age


def reached(start: float, age: float) -> bool:
    """Something that starts at ``start`` has been reached at ``age``."""
    return start <= age + EPSILON


def new_between(start: float, before: float, age: float) -> bool:
    """Reached at ``age`` but not yet at ``before`` (the step just taken)."""
    return reached(start, age) and not reached(start, before)


@dataclass(frozen=True, order=True)
class Stop:
    """Where the walk stands: an age, or a gap (its number) at the age it starts. At one age the
    age comes first, then its gaps in number order."""

    age: float
    gap: int = 0


def walk_stops(mode: str, event_ages: Sequence[float], gap_starts: Sequence[tuple[float, int]],
               end: float | None = None) -> list[Stop]:
    """Every stop: the ages of :func:`stops`, and each gap (start age, number) as its own stop."""
    return sorted([Stop(age) for age in stops(mode, event_ages, end)] + [Stop(float(a), n) for a, n in gap_starts])


def next_walk_stop(here: Stop, walk: Sequence[Stop]) -> Stop:
    later = [s for s in walk if s.age > here.age + EPSILON or (abs(s.age - here.age) <= EPSILON and s.gap > here.gap)]
    return later[0] if later else here


def previous_walk_stop(here: Stop, walk: Sequence[Stop]) -> Stop:
    earlier = [s for s in walk if s.age < here.age - EPSILON or (abs(s.age - here.age) <= EPSILON and s.gap < here.gap)]
    return earlier[-1] if earlier else here
