"""What the rules share: turning windows into ages, raising severity on a long overrun, and
joining overlapping runs of events."""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

from persona.model import Support

from journeys.ages import days_between, to_years
from journeys.timeline import Periods, merge_periods

__all__ = ["days_between", "to_years", "longer_than", "overrun_severity", "support_periods", "joined_runs"]


def longer_than(start: float, end: float, window_days: float) -> bool:
    """Whether the span from ``start`` to ``end`` is longer than the window (exactly the window
    is not)."""
    return days_between(start, end) > window_days


def overrun_severity(base: int, waited_days: float | None, window_days: float) -> int:
    """One step more severe when the window is overrun twice over, or never met at all."""
    if waited_days is None or (window_days > 0 and waited_days > 2 * window_days):
        return base + 1
    return base


def support_periods(supports: Iterable[Support], horizon: float) -> Periods:
    """When at least one of these supports is running (a support with no end lasts to the
    horizon)."""
    return merge_periods((s.from_, s.to if s.to is not None else horizon) for s in supports)


def joined_runs(count: int, size: int, fits: Callable[[int, int], bool]) -> Iterator[tuple[int, int]]:
    """Runs of ``size`` items in a row (positions ``first`` to ``last``) for which
    ``fits(first, last)`` holds, with overlapping runs joined: (first, last) of each joined run."""
    run: tuple[int, int] | None = None
    for first in range(max(0, count - size + 1)):
        last = first + size - 1
        if not fits(first, last):
            continue
        if run is not None and first <= run[1]:
            run = (run[0], last)
            continue
        if run is not None:
            yield run
        run = (first, last)
    if run is not None:
        yield run
