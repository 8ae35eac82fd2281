"""The "luckor" of the offer: runs of years where a sector offers nothing at a level.

A run inside a row that has services at other ages is a lucka of the ages (``whole_row`` False:
"nothing early in social services before six"); a row with nothing at any age is a lucka of the
level (``whole_row`` True: "the state offers nothing promotive"). Both ask the room a question.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeys.catalogue.offer import OfferMap


@dataclass(frozen=True)
class Lucka:
    """Nothing offered by ``sector`` at ``level`` from age ``start`` up to age ``end``."""

    sector: str
    level: str
    start: int
    end: int
    whole_row: bool = False

    @property
    def key(self) -> str:
        return f"{self.sector}/{self.level}@{self.start}-{self.end}"


def _empty_runs(offer: OfferMap, sector: str, level: str) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    start = None
    for year in offer.years:
        empty = offer.count(sector, level, year) == 0
        if empty and start is None:
            start = year
        if not empty and start is not None:
            runs.append((start, year))
            start = None
    if start is not None:
        runs.append((start, offer.years[-1] + 1))
    return runs


def find_luckor(offer: OfferMap) -> tuple[Lucka, ...]:
    """Every lucka, by sector (vocabulary order), level (promotive → treatment) and age."""
    found: list[Lucka] = []
    for sector in offer.sectors:
        for level in offer.levels:
            whole = offer.row_is_empty(sector, level)
            found += [Lucka(sector, level, start, end, whole) for start, end in _empty_runs(offer, sector, level)]
    return tuple(found)
