"""Ages as people say them, and labels derived where a persona leaves them out."""

from __future__ import annotations

import pytest

from persona.model import Event, Person, Support
from persona.vocabulary import load_vocabulary

from journeys.ages import days_between, format_age, format_span
from journeys.labels import event_label, person_label, support_label


@pytest.mark.parametrize("age, swedish, english", [
    (11.25, "11 år 3 mån", "11 years 3 months"),
    (11, "11 år", "11 years"),
    (0.5, "6 mån", "6 months"),
    (1 + 1 / 12, "1 år 1 mån", "1 year 1 month"),
    (0, "0 år", "0 years"),
    (17.99, "18 år", "18 years"),
])
def test_format_age(age, swedish, english, sv, en):
    assert format_age(age, sv) == swedish and format_age(age, en) == english


def test_format_span_uses_days_for_short_spans(sv, en):
    assert format_span(30, sv) == "30 dagar" and format_span(1, en) == "1 day"
    assert format_span(365.25, sv) == "1 år" and format_span(182.625, en) == "6 months"


def test_days_between_lands_exactly_on_a_window():
    assert days_between(1.0, 1.0 + 90 / 365.25) == 90


VOCABULARY = load_vocabulary()


@pytest.mark.parametrize("fields, swedish, english", [
    ({"kind": "referral", "agency": "bvc", "to": "bup"}, "Remiss till BUP", "Referral to CAMHS"),
    ({"kind": "transition", "from": "preschool", "to": "school", "handover": "none"},
     "Övergång förskola → skola", "Transition preschool → school"),
    ({"kind": "report", "agency": "school"}, "Orosanmälan till socialtjänst", "Report of concern to social services"),
    ({"kind": "coordination", "agency": "school", "with": ["bup"]}, "SIP/Samordning: skola och BUP", "SIP/Coordination: school and CAMHS"),
    ({"kind": "closure", "agency": "social"}, "Ärendet avslutas", "Case closed"),
    ({"kind": "referral", "agency": "school", "to": "social_insurance"}, "Remiss till Försäkringskassan",
     "Referral to Social insurance"),
])
def test_derived_event_labels(fields, swedish, english, sv, en):
    event = Event.model_validate({"id": "x", "age": 5, **fields})
    assert event_label(event, VOCABULARY, sv) == swedish and event_label(event, VOCABULARY, en) == english


def test_own_labels_win(sv):
    event = Event.model_validate({"id": "x", "age": 5, "kind": "referral", "agency": "bvc", "to": "bup", "label": "Egen"})
    assert event_label(event, VOCABULARY, sv) == "Egen"


def test_support_and_person_labels(sv, en):
    support = Support.model_validate({"id": "s", "agency": "school", "level": "early", "from": 8})
    assert support_label(support, VOCABULARY, sv) == "Tidiga insatser – skola"
    assert support_label(support, VOCABULARY, en) == "Early intervention – school"
    assert person_label(Person(id="m", role="parent"), VOCABULARY, sv) == "Förälder"
    assert person_label(Person(id="m", role="parent", label="Mamma"), VOCABULARY, en) == "Mamma"
