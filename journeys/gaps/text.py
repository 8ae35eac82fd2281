"""A gap in words: one sentence and one workshop question, in the user's language.

The templates live in ``journeys/lang/gaps.<lang>.yaml`` under ``gaps.<rule>``: ``message``
(or ``message_<variant>`` when the rule names a variant) and ``question``. The placeholders a
template may use: ``{from_age}``, ``{to_age}``, ``{span}``, ``{agencies}``, ``{child}``,
``{Child}`` and ``{child_and_family}`` ("barnet", or "den unga" from 18), and every value in
the gap's ``params`` — events and supports as their labels, agencies as their short labels,
``days``/``waited``/``limit`` as durations, ``age`` as an age; a list of labels (risk factors,
what ended) in quotes with "och"/"and" before the last.

A sentence must read well aloud in a workshop room, so it never says twice what the event's own
label already says: a message may have a short form (``message_<variant>_short``) that the text
uses when the label holds a phrase of ``message_<variant>_short_if`` (see
``journeys/lang/gap_words.sv.yaml``; tests/test_gap_words.py scans every example for repeats).
"""

from __future__ import annotations

import re
from typing import Any

from persona.i18n import Catalog
from persona.model import Event, Factor, Support
from persona.vocabulary import Vocabulary

from journeys.ages import days_between, format_age, format_span
from journeys.gaps.model import Gap, GapText
from journeys.labels import agency_in_sentence, agency_list, event_age, event_label, spoken_list, support_label

AGENCY_KEYS = ("agency", "to", "from")
DURATION_KEYS = ("days", "waited", "limit", "window")
AGE_KEYS = ("age", "ends_at")
LEVEL_KEYS = ("level",)
ADULT_AGE = 18.0  # from this age the texts say "den unga" / "the young person", not "barnet"


def agency_list_keys() -> frozenset[str]:
    """The ``params`` that are lists of agencies: each rule declares its own (``AGENCY_LISTS``)."""
    from journeys.gaps.rules import RULES

    return frozenset(name for module in RULES.values() for name in getattr(module, "AGENCY_LISTS", ()))


def gap_text(gap: Gap, text: Catalog, vocabulary: Vocabulary) -> GapText:
    """The gap's explanation and its question for the workshop."""
    words = gap_words(gap, text, vocabulary)
    return GapText(message=_say(text, message_key(gap, text, words), words),
                   question=_say(text, f"gaps.{gap.rule}.question", words))


def message_key(gap: Gap, text: Catalog, words: dict[str, str]) -> str:
    """The key of the gap's message template: ``gaps.<rule>.message`` or ``message_<variant>``,
    or its short form (``<key>_short``) when the event's own label already says what the full
    form would add (``<key>_short_if``: phrases separated by ``|``, such as the agency, so that
    "Orosanmälan från polisen" is not followed by "(Polis, …)")."""
    variant = gap.params.get("variant")
    key = f"gaps.{gap.rule}.message_{variant}" if variant else f"gaps.{gap.rule}.message"
    phrases = text.strings.get(f"{key}_short_if")
    label = words.get("event", "").casefold()
    if phrases is None or not label or not text.has(f"{key}_short"):
        return key
    said = (p.strip().casefold() for p in phrases.format_map(_Missing(words)).split("|"))
    return f"{key}_short" if any(p and re.search(r"(?<!\w)" + re.escape(p), label) for p in said) else key


def rule_title(rule: str, text: Catalog) -> str:
    """A rule's short name for headings and legends."""
    return text(f"gaps.{rule}.title")


def gap_title(gap: Gap, text: Catalog) -> str:
    """The gap's heading: its rule's title, or the variant's when it has one ("Sent besvarad
    signal" for a signal answered late)."""
    variant = gap.params.get("variant")
    key = f"gaps.{gap.rule}.title_{variant}"
    return text(key) if variant and text.has(key) else rule_title(gap.rule, text)


def _say(text: Catalog, key: str, words: dict[str, str]) -> str:
    template = text.strings.get(key)
    return template.format_map(_Missing(words)) if template is not None else key


class _Missing(dict):
    """Leaves an unknown placeholder visible instead of failing."""

    def __missing__(self, name: str) -> str:
        return "{" + name + "}"


def gap_words(gap: Gap, text: Catalog, vocabulary: Vocabulary) -> dict[str, str]:
    """Every value a template may name, already in words."""
    first = gap.params.get("event")
    words = {
        "from_age": _start_age(gap, first, text),
        "to_age": format_age(gap.end, text),
        "span": format_span(days_between(gap.start, gap.end), text),
        "agencies": agency_list(gap.agencies, vocabulary, text.lang),
        **_the_child(gap, text),
    }
    for name, value in gap.params.items():
        words[name] = _word(name, value, text, vocabulary)
    if isinstance(first, Event) and first.reporter and not gap.params.get("agency"):
        words["agency"] = text(f"words.reporter.{first.reporter}")
    return words


def _start_age(gap: Gap, first: Any, text: Catalog) -> str:
    """The gap's first age; "ca 8 år" when it is the age of an event given only roughly."""
    if isinstance(first, Event) and first.age == gap.start:
        return event_age(first, text)
    return format_age(gap.start, text)


def _the_child(gap: Gap, text: Catalog) -> dict[str, str]:
    """How the text names the child: "barnet", or "den unga" when the gap starts at 18 or later."""
    grown = "young" if gap.start >= ADULT_AGE else "child"
    return {"child": text(f"words.{grown}.alone"), "child_and_family": text(f"words.{grown}.and_family"),
            "Child": text(f"words.{grown}.start")}


def _word(name: str, value: Any, text: Catalog, vocabulary: Vocabulary) -> str:
    if isinstance(value, Event):
        return event_label(value, vocabulary, text)
    if isinstance(value, Support):
        return support_label(value, vocabulary, text)
    if isinstance(value, Factor):
        return value.label
    if isinstance(value, (tuple, list)):
        words = [_word(name, item, text, vocabulary) for item in value]
        if name in agency_list_keys() or len(words) < 2:
            return spoken_list(words, text.lang)  # as people say them: "BUP, skola och socialtjänst"
        # labels may hold a comma or an "och" of their own: each in quotes, the last joined with "och"
        return spoken_list([text("words.quoted", label=w) for w in words], text.lang)
    if value is None:
        return ""
    if name in AGENCY_KEYS or name in agency_list_keys():
        return agency_in_sentence(value, vocabulary, text.lang)
    if name in DURATION_KEYS:
        return format_span(float(value), text)
    if name in AGE_KEYS:
        return format_age(float(value), text)
    if name in LEVEL_KEYS:
        return vocabulary.label("support_levels", value, text.lang).lower()
    return str(value)
