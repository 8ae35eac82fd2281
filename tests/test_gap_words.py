"""Gap words a room can read aloud: no sentence says the same thing twice.

Every gap of every example, in Swedish and English, is scanned for four kinds of repetition:

1. a repeated run of two or more words ("Socialtjänsten i kommun B … Socialtjänsten i kommun C"
   is two agencies, not a repetition: agency names and the items of a list of labels are masked
   first; a run made only of small words such as "the first" does not count);
2. a parenthesis that repeats what was just said ("Runt 18 år (18 år–…", "Placeringen upphör vid
   18 år (18 år)");
3. a word of the template that the label it follows already says ("Förskoleklass – ingen
   överlämning (6 år) skedde utan överlämning", "under placeringen (Placering HVB)");
4. an agency named again right after a label that names it ("Orosanmälan från polisen (Polis, …)",
   "Referral to adult psychiatry (18 years): adult psychiatry made first contact").
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from persona.i18n import Catalog
from persona.load import parse_persona
from persona.model import Event, Factor, Support
from persona.vocabulary import load_vocabulary

from journeys.gaps import find_gaps, gap_text, gap_title
from journeys.gaps.text import gap_words, message_key
from journeys.graph import JourneyGraph, build_graph
from journeys.labels import agency_in_sentence, event_label, support_label
from tests.conftest import EXAMPLES
from tests.rule_helpers import events, gaps_of, graph_of

PERSONAS = sorted(p for p in [*EXAMPLES.glob("*.yaml"), *EXAMPLES.glob("en/*.yaml")] if ".catalogue." not in p.name)
AGE = r"(?:ca |about )?\d+(?:[.,]\d+)? (?:år|mån|dagar|dag|years?|months?|days?)(?: \d+ (?:mån|months?))?"
WORD = r"[^\W_]+(?:-[^\W_]+)*"
TOKEN = re.compile(f"{AGE}|{WORD}|¤")
SMALL_WORDS = frozenset("""
och i på av till med för som att en ett den det de inte utan är var om hos från efter före under vid men eller så
hade har kunnat vem vad när hur någon något ingen inget
and in on of to with for as that a an the it not no without is was if at from after before by but or so had has have
could who what when how any some none nobody first
""".split())
LABEL_KEYS = ("event", "support", "signal", "lost", "ending", "factors")
AGENCY_KEYS = ("agency", "to", "from")


def tokens(text: str) -> list[str]:
    """Words in lower case; an age or a duration ("11 år 3 mån") is one token."""
    return [m.group(0).lower() for m in TOKEN.finditer(text)]


def repeated_runs(text: str) -> list[str]:
    found = []
    words = tokens(text)
    for size in range(2, 6):
        seen: set[tuple[str, ...]] = set()
        for start in range(len(words) - size + 1):
            run = tuple(words[start:start + size])
            if run in seen and any(w not in SMALL_WORDS and w != "¤" for w in run):
                found.append(" ".join(run))
            seen.add(run)
    return found


def parenthesis_repeats(text: str) -> list[str]:
    found = []
    for match in re.finditer(r"\(([^()]*)", text):
        before = re.split(r"[.:;]|(?<= )–(?= )", text[:match.start()])[-1]
        first = tokens(re.split(r"[,–)]", match.group(1))[0])[:2]
        if first and " ".join(first) in " ".join(tokens(before)):
            found.append(match.group(0))
    return found


def stem(word: str) -> str:
    return word.lower()[:6]


def template_words_in_labels(template: str, labels: list[str]) -> list[str]:
    own = re.findall(WORD, re.sub(r"\{[^}]*\}", " ", template))
    said = {stem(w) for label in labels for w in re.findall(WORD, label) if len(w) >= 5}
    return [w for w in own if len(w) >= 5 and w.lower() not in SMALL_WORDS and stem(w) in said]


def agencies_in_labels(template: str, words: dict[str, str], labels: list[str]) -> list[str]:
    used = set(re.findall(r"\{(\w+)\}", template))
    named = [words[k] for k in AGENCY_KEYS if k in used and words.get(k)]
    return [a for a in named for label in labels if re.search(r"(?<!\w)" + re.escape(a.casefold()), label.casefold())]


def _labels(value: object, graph: JourneyGraph, text: Catalog) -> list[str]:
    items = value if isinstance(value, (tuple, list)) else [value]
    found = []
    for item in items:
        if isinstance(item, Event):
            found.append(event_label(item, graph.vocabulary, text))
        elif isinstance(item, Support):
            found.append(support_label(item, graph.vocabulary, text))
        elif isinstance(item, Factor):
            found.append(item.label)
    return found


def _masked(message: str, graph: JourneyGraph, text: Catalog, list_items: list[str]) -> str:
    names = {agency_in_sentence(a, graph.vocabulary, text.lang) for a in graph.vocabulary.agencies}
    names |= {graph.vocabulary.agency_label(a, text.lang) for a in graph.vocabulary.agencies}
    for name in sorted(names | set(list_items), key=len, reverse=True):
        if len(name) > 1:
            message = re.sub(r"(?<!\w)" + re.escape(name) + r"(?!\w)", "¤", message, flags=re.IGNORECASE)
    return message


def repetitions(gap, graph: JourneyGraph, text: Catalog) -> list[str]:
    """Every repetition in the gap's title, message and question."""
    said = gap_text(gap, text, graph.vocabulary)
    words = gap_words(gap, text, graph.vocabulary)
    template = text.strings[message_key(gap, text, words)]
    used = set(re.findall(r"\{(\w+)\}", template))
    labels = [label for key in LABEL_KEYS if key in used for label in _labels(gap.params.get(key), graph, text)]
    list_items = [label for key in LABEL_KEYS if isinstance(gap.params.get(key), (tuple, list))
                  for label in _labels(gap.params[key], graph, text)]
    found = []
    for part in (gap_title(gap, text), said.message, said.question):
        masked = _masked(part, graph, text, list_items)
        found += repeated_runs(masked) + parenthesis_repeats(part)
    found += template_words_in_labels(template, labels)
    found += agencies_in_labels(template, words, labels)
    return found


@lru_cache(maxsize=None)
def example_graph(path: Path) -> JourneyGraph:
    loaded = parse_persona(path.read_text(encoding="utf-8"), str(path), load_vocabulary())
    return build_graph(loaded.persona, loaded.vocabulary)


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("path", PERSONAS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_no_gap_text_of_an_example_says_the_same_thing_twice(path: Path, lang: str):
    graph = example_graph(path)
    text = Catalog.load(lang, packages=("persona", "journeys"))
    faults = []
    for number, gap in enumerate(find_gaps(graph), 1):
        found = repetitions(gap, graph, text)
        if found:
            faults.append(f"{number} {gap.rule}: {found} in {gap_text(gap, text, graph.vocabulary).message!r}")
    assert not faults, "\n".join(faults)


# --- the scan itself fires on the faults it is for ----------------------------------------
@pytest.mark.parametrize("sentence", [
    "Runt 18 år (18 år–18 år 3 mån) tog det slut hos HVB.",
    "Placeringen upphör vid 18 år (18 år) skedde utan överlämning.",
    "Skolans oro för frånvaron: skolans oro för frånvaron kom igen.",
])
def test_the_scan_finds_a_repeated_run_or_a_parenthesis_that_repeats(sentence: str):
    assert repeated_runs(sentence) or parenthesis_repeats(sentence)


def test_the_scan_finds_a_template_word_the_label_already_says():
    assert template_words_in_labels("{event} ({from_age}) skedde utan överlämning.",
                                    ["Förskoleklass – ingen överlämning"]) == ["överlämning"]
    assert template_words_in_labels("{event} ({from_age}): inget följde med.", ["Förskoleklass – ingen överlämning"]) == []


def test_the_scan_lets_distinct_ages_and_small_words_be():
    assert not repeated_runs("6 år 5 mån–13 år 5 mån: 20 kontakter under 7 år.")
    assert not repeated_runs("The first signal came before the first support.")


# --- the words: a label that already names the agency is not followed by it ----------------
def test_a_label_that_names_the_agency_is_not_followed_by_it(sv, en):
    graph = graph_of(events("{id: a, age: 13, kind: report, agency: police, to: social, label: Orosanmälan från polisen}"))
    [gap] = gaps_of(events("{id: a, age: 13, kind: report, agency: police, to: social, label: Orosanmälan från polisen}"),
                    "unanswered-signal")
    assert gap_text(gap, sv, graph.vocabulary).message.startswith("Orosanmälan från polisen (13 år) fick inget svar")
    other = events("{id: a, age: 13, kind: report, agency: police, to: social, label: Oro för blåmärken}")
    [plain] = gaps_of(other, "unanswered-signal")
    assert gap_text(plain, sv, graph.vocabulary).message.startswith("Oro för blåmärken (Polis, 13 år) fick")
    assert gap_text(plain, en, graph.vocabulary).message.startswith("Oro för blåmärken (Police, 13 years) had")


def test_a_word_that_only_holds_the_agency_inside_it_does_not_count(sv):
    """"Förskolan" does not name the school: only a word that starts with the agency's name does."""
    body = events("{id: a, age: 7, kind: signal, agency: school, label: Pratar om förskolan}")
    [gap] = gaps_of(body, "unanswered-signal")
    assert "(skola, 7 år)" in gap_text(gap, sv, graph_of(body).vocabulary).message


def test_a_list_of_labels_is_quoted_and_joined_with_and(sv, en):
    body = ("factors:\n"
            "  - {id: r1, type: risk, domain: care, label: 'Utbrott, svårt med impulser', from: 5, to: 9}\n"
            "  - {id: r2, type: risk, domain: world, label: Trångbodda och ont om pengar, from: 5, to: 9}\n"
            "  - {id: r3, type: risk, domain: care, label: Mamma utmattad, from: 5, to: 9}\n")
    [gap] = gaps_of(body, "risk-without-support")
    vocabulary = graph_of(body).vocabulary
    assert "(”Utbrott, svårt med impulser”, ”Trångbodda och ont om pengar” och ”Mamma utmattad”)" \
        in gap_text(gap, sv, vocabulary).message
    assert "(“Utbrott, svårt med impulser”, “Trångbodda och ont om pengar” and “Mamma utmattad”)" \
        in gap_text(gap, en, vocabulary).message


def test_no_sip_names_all_its_agencies_in_one_list(sv, en):
    body = ("supports:\n"
            "  - {id: h, agency: bup, level: treatment, label: BUP, from: 12, to: 15}\n"
            "  - {id: h2, agency: habilitation, level: early, label: Hab, from: 12, to: 15}\n"
            "  - {id: s, agency: lss, level: treatment, label: Kontaktperson, from: 12, to: 15}\n")
    [gap] = gaps_of(body, "no-sip")
    vocabulary = graph_of(body).vocabulary
    assert ": BUP, habiliteringen och LSS gav stöd samtidigt, men ingen SIP hölls." \
        in gap_text(gap, sv, vocabulary).message
    assert ": CAMHS, habilitation and LSS gave support at the same time" in gap_text(gap, en, vocabulary).message
