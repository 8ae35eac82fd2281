"""The map of the offer: for each sector and level, which services are open at each year of age.

Sectors the rules ignore (the family) are left out: the family is not part of the offer.

A year band ``a`` is the year from the ``a``-th birthday up to the next; a service is counted in
every band its ages overlap (``from`` included, ``to`` not).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from persona.catalogue import CatalogueFile, Service
from persona.model import SUPPORT_LEVELS

from journeys.catalogue.settings import catalogue_settings
from journeys.graph import ActivitySettings


def open_in_year(service: Service, year: int) -> bool:
    return service.ages.from_ < year + 1 and service.ages.to > year


@dataclass(frozen=True)
class OfferMap:
    """Services by (sector, level) and year band; sectors in the vocabulary's order."""

    sectors: tuple[str, ...]
    levels: tuple[str, ...]
    years: tuple[int, ...]
    cells: Mapping[tuple[str, str, int], tuple[str, ...]]

    def services(self, sector: str, level: str, year: int) -> tuple[str, ...]:
        return self.cells.get((sector, level, year), ())

    def count(self, sector: str, level: str, year: int) -> int:
        return len(self.services(sector, level, year))

    def row_is_empty(self, sector: str, level: str) -> bool:
        return all(self.count(sector, level, y) == 0 for y in self.years)


def offer_map(loaded: CatalogueFile) -> OfferMap:
    """Every service of the catalogue placed in its sector, level and year bands."""
    settings = catalogue_settings()
    vocabulary = loaded.vocabulary
    years = tuple(range(settings.first_age, settings.last_age))
    cells: dict[tuple[str, str, int], list[str]] = {}
    for service in loaded.catalogue.services:
        sector = vocabulary.sector_of(service.agency)
        for year in years:
            if open_in_year(service, year):
                cells.setdefault((sector, service.level, year), []).append(service.id)
    ignored = ActivitySettings.from_vocabulary(vocabulary).ignored_sectors
    sectors = tuple(s for s in vocabulary.sectors_in_order() if s not in ignored)
    return OfferMap(sectors, SUPPORT_LEVELS, years,
                    {key: tuple(ids) for key, ids in cells.items()})
