"""Walking through a life: the ages the journey stops at, one year or one event at a time."""

from __future__ import annotations

import math
from typing import Iterable, Sequence

YEAR, EVENT = "year", "event"
STEP_MODES = (YEAR, EVENT)
LAST_AGE = 20.0
EPSILON = 1e-9


def last_age(event_ages: Iterable[float]) -> float:
    """The walk ends at 20, or later when the persona has events after 20."""
    return max([LAST_AGE, *[math.ceil(a) for a in event_ages]])


def stops(mode: str, event_ages: Sequence[float]) -> list[float]:
    """Every age the walk stops at: whole years, or the distinct ages of the events (and 0 and the end)."""
    end = last_age(event_ages)
    if mode == EVENT:
        return sorted({0.0, end, *(float(a) for a in event_ages)})
    return [float(year) for year in range(int(end) + 1)]


def next_stop(age: float, mode: str, event_ages: Sequence[float]) -> float:
    later = [s for s in stops(mode, event_ages) if s > age + EPSILON]
    return later[0] if later else age


def previous_stop(age: float, mode: str, event_ages: Sequence[float]) -> float:
    earlier = [s for s in stops(mode, event_ages) if s < age - EPSILON]
    return earlier[-1] if earlier else age


def reached(start: float, age: float) -> bool:
    """Something that starts at ``start`` has been reached at ``age``."""
    return start <= age + EPSILON


def new_between(start: float, before: float, age: float) -> bool:
    """Reached at ``age`` but not yet at ``before`` (the step just taken)."""
    return reached(start, age) and not reached(start, before)


CLOSE_UP_BEFORE = 4.0
CLOSE_UP_YEARS = 5.5


def close_up(age: float, end: float) -> tuple[float, float]:
    """The years a close-up shows: the four before ``age`` and one and a half after (room for labels)."""
    start = max(0.0, min(age - CLOSE_UP_BEFORE, end - CLOSE_UP_YEARS))
    return start, min(end, start + CLOSE_UP_YEARS)
