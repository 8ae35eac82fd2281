"""Labels for display: the persona's own words, or words derived from the vocabulary.

A persona may leave ``label`` out where it can be derived (referrals, reports, transitions,
coordination, closures, supports, people). The derived words come from the language files.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Sequence

from persona.i18n import Catalog
from persona.model import Event, Person, Support
from persona.vocabulary import Vocabulary

# Sectors whose agencies are proper names ("Försäkringskassan"): never lower-cased in a sentence.
PROPER_NAME_SECTORS = ("state",)


def agency_in_sentence(agency: str | None, vocabulary: Vocabulary, lang: str) -> str:
    """An agency's short label as it reads inside a sentence: "förskola", "BUP", "Polisen"."""
    if not agency:
        return "?"
    label = vocabulary.agency_label(agency, lang, short=True)
    term = vocabulary.agencies.get(agency)
    if term is None or not (term.short_en if lang == "en" else term.short_sv):
        return label
    if term.sector not in PROPER_NAME_SECTORS and len(label) > 1 and label[1].islower():
        return label[0].lower() + label[1:]
    return label


@lru_cache(maxsize=None)
def _and(lang: str) -> str:
    return Catalog.load(lang, packages=("journeys",))("words.and")


def spoken_list(items: Sequence[str], lang: str) -> str:
    """Words as a list in a sentence: "BUP, skola och socialtjänst"."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {_and(lang)} {items[-1]}"


def agency_list(agencies: Iterable[str], vocabulary: Vocabulary, lang: str) -> str:
    """Agencies as a list for a sentence, the last joined with "och"/"and"."""
    return spoken_list([agency_in_sentence(a, vocabulary, lang) for a in dict.fromkeys(agencies)], lang)


def event_age(event: Event, text: Catalog) -> str:
    """An event's age as people say it, "ca 8 år" when the persona gives it only to the month
    or the year (``approx``)."""
    from journeys.ages import format_age

    age = format_age(event.age, text)
    return text("words.approx", age=age) if event.approx else age


def event_label(event: Event, vocabulary: Vocabulary, text: Catalog) -> str:
    """The event's own label, or one derived from its kind and agencies."""
    if event.label:
        return event.label
    lang = text.lang
    words = {
        "agency": agency_in_sentence(event.agency, vocabulary, lang),
        "to": agency_in_sentence(event.to or (vocabulary.report_receiver if event.kind == "report" else None),
                                 vocabulary, lang),
        "from": agency_in_sentence(event.from_, vocabulary, lang),
        "with": agency_list([a for a in (event.agency, *(event.with_ or ())) if a], vocabulary, lang),
    }
    key = f"labels.event.{event.kind}"
    if text.has(key):
        return text(key, **words)
    return vocabulary.label("event_kinds", event.kind, lang)


def support_label(support: Support, vocabulary: Vocabulary, text: Catalog) -> str:
    """The support's own label, or its level and agency: "Tidiga insatser – skola"."""
    if support.label:
        return support.label
    return text("labels.support", level=vocabulary.label("support_levels", support.level, text.lang),
                agency=agency_in_sentence(support.agency, vocabulary, text.lang))


def person_label(person: Person, vocabulary: Vocabulary, text: Catalog) -> str:
    """The person's own label, or their role: "Förälder"."""
    return person.label or vocabulary.label("roles", person.role, text.lang)
