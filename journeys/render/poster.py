"""The poster: A0–A3, one vector PDF page, or tiled over A4/A3 sheets.

A0 and A1 are the wall poster (:mod:`journeys.render.wall_poster`: the timeline laid out for
the paper size and orientation, the gaps called out at their moment); A2 and A3 the summary
poster (:mod:`journeys.render.summary_poster`). Both are reportlab's real text (DejaVu Sans
embedded, selectable, å ä ö intact). A persona that carries personal data is never made into a
poster.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Mapping

from persona.errors import PersonaError
from persona.i18n import Catalog
from persona.load import PersonaFile
from persona.privacy import check_yaml_text

from journeys.render.journey import Journey, prepare


class PersonalDataRefused(PersonaError):
    """A poster of a persona that carries personal data is never made."""

    exit_code = 1

    def lines(self, catalog: Catalog) -> list[str]:
        return [catalog("render.poster.refused", path=self.source)] + super().lines(catalog)


def refuse_personal_data(persona_file: PersonaFile) -> None:
    problems = _personal_data(persona_file.text)
    if problems:
        raise PersonalDataRefused(persona_file.path, list(problems))


@lru_cache(maxsize=2)
def _personal_data(yaml_text: str) -> tuple:
    """The personal data in a persona's text (the command and the poster both ask: once)."""
    return tuple(check_yaml_text(yaml_text))


# --- the whole page -----------------------------------------------------------------------------
@dataclass(frozen=True)
class PosterExtras:
    """Optional additions: the service catalogue's verdict under each gap (gap key → line), and
    a cost panel (a drawing, e.g. :func:`journeys.render.cost_view.cost_curve`) beside the legend."""

    verdicts: Mapping[str, str] = field(default_factory=dict)
    cost_panel: Any = None


def poster_page(journey: Journey, text: Catalog, size: str, orientation: str, notes: Any = None,
                extras: PosterExtras | None = None, assumptions: frozenset[str] = frozenset()) -> bytes:
    """One page of the requested ISO size: A0 and A1 the wall poster of
    :mod:`journeys.render.wall_poster`, laid out for the size and orientation; A2 and A3 the
    summary poster of :mod:`journeys.render.summary_poster`, since a whole life cannot be read
    there (it carries the catalogue's verdicts on the gaps, not the cost panel or the assumption
    marks)."""
    from journeys.render.summary_poster import SUMMARY_SIZES, summary_page
    from journeys.render.wall_poster import wall_page

    verdicts = extras.verdicts if extras else None
    if size in SUMMARY_SIZES:
        return summary_page(journey, text, size, orientation, notes, verdicts)
    return wall_page(journey, text, size, orientation, notes, verdicts, extras.cost_panel if extras else None,
                     assumptions)


def poster_pdf(persona_file: PersonaFile, text: Catalog, *, size: str = "A1", orientation: str = "landscape",
               tile: str | None = None, scenario: str | None = None, notes: Any = None,
               extras: PosterExtras | None = None, assumptions: frozenset[str] = frozenset()) -> bytes:
    """The poster as PDF bytes (one page of exactly ``size``; with ``tile``, many sheets);
    ``assumptions`` (ids of elements without sources) are drawn dashed and explained in the legend."""
    refuse_personal_data(persona_file)
    journey = prepare(persona_file, scenario, compare=scenario is not None)
    page = poster_page(journey, text, size, orientation, notes, extras, assumptions)
    if tile:
        from journeys.render.tiles import tile_pdf

        return tile_pdf(page, tile, text)
    return page
