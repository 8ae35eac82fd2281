"""The catalogue in words: each lucka with its question for the room, each verdict in a sentence."""

from __future__ import annotations

from typing import Any, Sequence

from persona.i18n import Catalog
from persona.vocabulary import Vocabulary

from journeys.catalogue.luckor import Lucka
from journeys.catalogue.match import Verdict
from journeys.catalogue.offer import OfferMap
from journeys.labels import agency_list


def lucka_ages(lucka: Lucka, text: Catalog) -> str:
    return text("catalogue.ages", start=lucka.start, end=lucka.end)


def _words(lucka: Lucka, text: Catalog, vocabulary: Vocabulary) -> dict[str, str]:
    sector = vocabulary.label("sectors", lucka.sector, text.lang)
    level = vocabulary.label("support_levels", lucka.level, text.lang)
    return {"sector": sector, "level": level, "sector_lower": sector.lower(), "level_lower": level.lower(),
            "ages": lucka_ages(lucka, text)}


def lucka_line(lucka: Lucka, text: Catalog, vocabulary: Vocabulary) -> str:
    key = "catalogue.lucka_row" if lucka.whole_row else "catalogue.lucka"
    return text(key, **_words(lucka, text, vocabulary))


def lucka_question(lucka: Lucka, text: Catalog, vocabulary: Vocabulary) -> str:
    key = "catalogue.question_row" if lucka.whole_row else "catalogue.question_band"
    return text(key, **_words(lucka, text, vocabulary))


def lucka_json(lucka: Lucka, text: Catalog, vocabulary: Vocabulary) -> dict[str, Any]:
    return {"key": lucka.key, "sector": lucka.sector, "level": lucka.level, "from": lucka.start, "to": lucka.end,
            "whole_row": lucka.whole_row, "message": lucka_line(lucka, text, vocabulary),
            "question": lucka_question(lucka, text, vocabulary)}


def offer_json(offer: OfferMap) -> list[dict[str, Any]]:
    """The map as rows: sector, level and the number of services at each year of age."""
    return [{"sector": s, "level": lvl, "counts": [offer.count(s, lvl, y) for y in offer.years]}
            for s in offer.sectors for lvl in offer.levels]


def verdict_word(verdict: Verdict, text: Catalog) -> str:
    return text(f"catalogue.verdict.{verdict.verdict}")


def verdict_sentence(verdict: Verdict, text: Catalog, vocabulary: Vocabulary) -> str:
    level = vocabulary.label("support_levels", verdict.level, text.lang).lower()
    if verdict.verdict == "access":
        return text("catalogue.verdict.access_long", services=service_names(verdict.services, text))
    return text("catalogue.verdict.offer_long", level=level, agencies=agency_list(verdict.agencies, vocabulary, text.lang))


def service_names(services: Sequence[Any], text: Catalog | None = None) -> str:
    """The services by name, each with its typical wait when the catalogue gives one."""
    def named(service: Any) -> str:
        if text is None or service.wait_days is None:
            return service.name
        return text("catalogue.with_wait", name=service.name, days=f"{service.wait_days:g}")
    return ", ".join(named(s) for s in services)


def verdict_lines(gaps: Sequence[Any], graph: Any, loaded: Any, text: Catalog) -> dict[str, str]:
    """Each gap's verdict as one line for a chronology or a poster, by gap key."""
    from journeys.catalogue.match import match_gaps

    return {gap.key: text("catalogue.verdict_line", sentence=verdict_sentence(verdict, text, loaded.vocabulary))
            for gap, verdict in zip(gaps, match_gaps(gaps, graph, loaded))}
