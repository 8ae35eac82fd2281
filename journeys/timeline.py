"""Periods of life as sorted, non-overlapping spans of age, and step functions over age.

Small tools the graph and the rules share so that every question is a sort and a sweep, never a
loop over all pairs.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence, TypeVar

Span = tuple[float, float]
T = TypeVar("T")


@dataclass(frozen=True)
class Periods:
    """Merged spans ``[start, end]`` in time order."""

    spans: tuple[Span, ...] = ()
    starts: tuple[float, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", tuple(s for s, _ in self.spans))

    def covers(self, age: float) -> bool:
        return self.overlaps(age, age)

    def overlaps(self, start: float, end: float) -> bool:
        """Whether any span meets ``[start, end]`` (the spans are sorted and disjoint, so only
        the last one starting before ``end`` can)."""
        position = bisect_right(self.starts, end) - 1
        return position >= 0 and self.spans[position][1] >= start

    def end_of(self, age: float) -> float:
        """The end of the span around ``age`` (``age`` itself when none covers it)."""
        position = bisect_right(self.starts, age) - 1
        if position >= 0 and self.spans[position][1] >= age:
            return self.spans[position][1]
        return age

    def __iter__(self):
        return iter(self.spans)

    def __len__(self) -> int:
        return len(self.spans)

    def __bool__(self) -> bool:
        return bool(self.spans)


def merge_periods(spans: Iterable[Span]) -> Periods:
    """Overlapping or touching spans joined into one."""
    merged: list[list[float]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return Periods(tuple((s, e) for s, e in merged))


def step_function(changes: Iterable[tuple[float, int]], start: float = 0.0) -> tuple[tuple[float, int], ...]:
    """(age, +/- amount) changes → (age where the value changes, new value), from ``start``
    (changes before ``start`` count at ``start``)."""
    by_age: dict[float, int] = {}
    for age, amount in changes:
        at = max(age, start)
        by_age[at] = by_age.get(at, 0) + amount
    steps: list[tuple[float, int]] = [(start, 0)]
    value = 0
    for age in sorted(by_age):
        value += by_age[age]
        if age == steps[-1][0]:
            steps[-1] = (age, value)
        elif value != steps[-1][1]:
            steps.append((age, value))
    return tuple(steps)


def spans_where(steps: Sequence[tuple[float, int]], test: Callable[[int], bool], until: float) -> Periods:
    """The spans of a step function where ``test(value)`` holds, up to ``until``."""
    spans: list[Span] = []
    for position, (age, value) in enumerate(steps):
        end = steps[position + 1][0] if position + 1 < len(steps) else until
        if test(value) and end > age:
            spans.append((age, min(end, until)))
    return merge_periods(spans)


def subtract(periods: Periods, holes: Periods) -> Periods:
    """The parts of ``periods`` not inside any of ``holes`` (both merged and sorted)."""
    result: list[Span] = []
    holes_list = list(holes)
    position = 0
    for start, end in periods:
        cursor = start
        while position < len(holes_list) and holes_list[position][1] < cursor:
            position += 1
        scan = position
        while scan < len(holes_list) and holes_list[scan][0] <= end:
            hole_start, hole_end = holes_list[scan]
            if hole_start > cursor:
                result.append((cursor, hole_start))
            cursor = max(cursor, hole_end)
            scan += 1
        if cursor < end:
            result.append((cursor, end))
    return Periods(tuple(result))


def intersect(first: Periods, second: Periods) -> Periods:
    """The spans where both hold."""
    result: list[Span] = []
    a, b = list(first), list(second)
    i = j = 0
    while i < len(a) and j < len(b):
        start, end = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if start < end:
            result.append((start, end))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return Periods(tuple(result))


def count_at_least(periods_by_key: dict[str, Periods], minimum: int) -> Periods:
    """The spans where at least ``minimum`` of the keyed periods hold at once (a sweep)."""
    changes: list[tuple[float, int]] = []
    for periods in periods_by_key.values():
        for start, end in periods:
            changes += [(start, 1), (end, -1)]
    return spans_where(step_function(changes, start=float("-inf")), lambda n: n >= minimum, float("inf"))


@dataclass(frozen=True)
class StepFunction:
    """A step function over age with its ages indexed, for bisect look-ups."""

    steps: tuple[tuple[float, int], ...]
    ages: tuple[float, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ages", tuple(a for a, _ in self.steps))

    def value_at(self, age: float) -> int:
        position = bisect_right(self.ages, age) - 1
        return self.steps[position][1] if position >= 0 else 0

    def peak(self, start: float, end: float) -> int:
        """The highest value within ``[start, end)``."""
        inside = self.steps[bisect_right(self.ages, start):bisect_left(self.ages, end)]
        return max([self.value_at(start), *(value for _, value in inside)])

    def next_where(self, test: Callable[[int], bool]) -> Callable[[float], float | None]:
        """A look-up: the first age after a given age where the value starts to pass ``test``
        (one backward pass, then a bisect per question)."""
        following: list[int | None] = [None] * (len(self.steps) + 1)
        for position in range(len(self.steps) - 1, -1, -1):
            following[position] = position if test(self.steps[position][1]) else following[position + 1]

        def after(age: float) -> float | None:
            found = following[bisect_right(self.ages, age)]
            return self.steps[found][0] if found is not None else None

        return after


def overlapping(items: Sequence[T], spans: Sequence[Span], start_of: Callable[[T], float],
                end_of: Callable[[T], float]) -> list[list[T]]:
    """For each span (in time order), the items whose ``[start, end]`` meets it, in the order
    the items were given: one sweep with a heap of running items, not a loop over all pairs."""
    ordered = sorted(range(len(items)), key=lambda i: start_of(items[i]))
    running: list[tuple[float, int]] = []
    found: list[list[T]] = []
    position = 0
    for span_start, span_end in spans:
        while position < len(ordered) and start_of(items[ordered[position]]) <= span_end:
            index = ordered[position]
            heapq.heappush(running, (end_of(items[index]), index))
            position += 1
        while running and running[0][0] < span_start:
            heapq.heappop(running)
        found.append([items[index] for index in sorted(index for _, index in running)])
    return found
