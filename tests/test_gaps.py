"""The gap engine as a whole: a life where everything works has no gaps; settings are data;
gaps are sorted, keyed and worded in both languages."""

from __future__ import annotations

import textwrap

import pytest

from persona.errors import VocabularyInvalid
from persona.load import parse_persona
from persona.vocabulary import load_vocabulary

from journeys.gaps import RULE_IDS, Gap, find_gaps, gap_text, rule_settings
from journeys.gaps.settings import default_rules
from journeys.graph import build_graph
from tests.conftest import persona_text
from tests.rule_helpers import graph_of

EVERYTHING_WORKS = """\
people:
  - {id: mamma, role: parent}
factors:
  - {id: r1, type: risk, domain: growth, label: Språket dröjer, from: 2.5, to: 5}
  - {id: p1, type: protective, domain: care, label: Trygg familj, from: 0}
supports:
  - {id: logopedi, agency: logoped, level: early, label: Logopedi, from: 2.7, to: 5}
  - {id: specped, agency: school, level: early, label: Specialpedagog, from: 6, to: 8}
  - {id: samtal, agency: bup, level: treatment, label: Samtal, from: 15.2, to: 18}
  - {id: vuxen, agency: adult_psychiatry, level: treatment, label: Fortsatta samtal, from: 18, to: 19}
events:
  - {id: sprak, age: 2.5, kind: signal, agency: bvc, label: Sen språkutveckling, child_heard: true}
  - {id: remiss, age: 2.52, kind: referral, agency: bvc, to: logoped, responds_to: sprak}
  - {id: forsta, age: 2.6, kind: contact, agency: logoped, label: Första besöket, responds_to: remiss}
  - {id: forskola, age: 3, kind: transition, from: family, to: preschool, handover: full}
  - {id: sip1, age: 3.1, kind: coordination, agency: preschool, with: [bvc, logoped], child_heard: true}
  - {id: prat, age: 4.5, kind: contact, agency: preschool, label: Samtal med barnet, child_heard: true}
  - {id: skolstart, age: 6, kind: transition, from: preschool, to: school, handover: full}
  - {id: samtal6, age: 6.5, kind: contact, agency: school, label: Elevsamtal, child_heard: true}
  - {id: samtal8, age: 8.4, kind: contact, agency: school, label: Elevsamtal, child_heard: true}
  - {id: oro, age: 15, kind: signal, agency: student_health, label: Nedstämd, child_heard: true}
  - {id: remiss-bup, age: 15.02, kind: referral, agency: student_health, to: bup, responds_to: oro}
  - {id: bup1, age: 15.08, kind: assessment, agency: bup, label: Bedömning, responds_to: remiss-bup, child_heard: true}
  - {id: sip2, age: 15.1, kind: coordination, agency: bup, with: [school, student_health], child_heard: true}
  - {id: sip3, age: 17.5, kind: coordination, agency: bup, with: [adult_psychiatry, school], child_heard: true}
  - {id: over, age: 18, kind: transition, from: bup, to: adult_psychiatry, handover: full}
  - {id: vuxen1, age: 18.05, kind: contact, agency: adult_psychiatry, label: Första samtalet, child_heard: true}
"""


def test_a_life_where_everything_works_has_no_gaps():
    assert find_gaps(graph_of(EVERYTHING_WORKS)) == ()


BREAKS = {
    "broken-handover": [("from: preschool, to: school, handover: full", "from: preschool, to: school, handover: none")],
    "referral-wait": [("to: logoped, responds_to: sprak", "to: habilitation, responds_to: sprak"),
                      ("Första besöket, responds_to: remiss", "Första besöket, responds_to: sprak")],
    "voice-not-heard": [("Samtal med barnet, child_heard: true", "Samtal med barnet"),
                        ("{id: samtal6, age: 6.5, kind: contact, agency: school, label: Elevsamtal, child_heard: true}",
                         "{id: samtal6, age: 6.5, kind: contact, agency: school, label: Elevsamtal}"),
                        ("{id: samtal8, age: 8.4, kind: contact, agency: school, label: Elevsamtal, child_heard: true}",
                         "{id: samtal8, age: 8.4, kind: contact, agency: school, label: Elevsamtal}")],
    "age-cliff": [("to: adult_psychiatry, handover: full", "to: adult_psychiatry, handover: partial"),
                  ("{id: vuxen1, age: 18.05", "{id: vuxen1, age: 18.5"),
                  ("label: Fortsatta samtal, from: 18,", "label: Fortsatta samtal, from: 18.6,")],
    "late-first-support": [("label: Logopedi, from: 2.7", "label: Logopedi, from: 3.7")],
}


@pytest.mark.parametrize("rule", sorted(BREAKS))
def test_the_same_life_with_one_thing_broken_has_that_gap(rule):
    broken = EVERYTHING_WORKS
    for old, new in BREAKS[rule]:
        assert old in broken
        broken = broken.replace(old, new)
    assert rule in {g.rule for g in find_gaps(graph_of(broken))}


def test_every_rule_has_settings_and_words(sv, en):
    vocabulary = load_vocabulary()
    assert set(RULE_IDS) == set(default_rules()) - {"active"}
    for rule in RULE_IDS:
        settings = rule_settings(vocabulary).params(rule)
        assert settings.severity in (1, 2, 3)
        for catalog in (sv, en):
            assert catalog.has(f"gaps.{rule}.title") and catalog.has(f"gaps.{rule}.question")


def test_gaps_are_sorted_and_keyed():
    graph = graph_of("""\
        events:
          - {id: b, age: 9, kind: signal, agency: school, label: B}
          - {id: a, age: 5, kind: signal, agency: school, label: A}
          - {id: t, age: 6, kind: transition, from: preschool, to: school, handover: none}
        """)
    gaps = find_gaps(graph)
    assert [g.start for g in gaps] == sorted(g.start for g in gaps)
    assert "unanswered-signal@a" in {g.key for g in gaps} and "broken-handover@t" in {g.key for g in gaps}
    assert find_gaps(graph) == gaps  # deterministic


def test_a_gap_without_events_is_keyed_by_its_start():
    assert Gap(rule="uncoordinated", start=12.5, end=14).key == "uncoordinated@12.50"


def test_severity_stays_between_one_and_three():
    assert Gap(rule="x", start=1, end=2, severity=7).severity == 3
    assert Gap(rule="x", start=1, end=2, severity=0).severity == 1


def test_gap_text_in_both_languages_names_ages_and_agencies(sv, en):
    graph = graph_of("""\
        events:
          - {id: r, age: 11.25, kind: referral, agency: student_health, to: bup}
        """)
    [gap] = [g for g in find_gaps(graph) if g.rule == "referral-wait"]
    swedish, english = gap_text(gap, sv, graph.vocabulary), gap_text(gap, en, graph.vocabulary)
    assert "11 år 3 mån" in swedish.message and "BUP" in swedish.message and "30 dagar" in swedish.message
    assert "11 years 3 months" in english.message and "CAMHS" in english.message
    assert swedish.question.endswith("?") and english.question.endswith("?")
    assert "{" not in swedish.message + swedish.question + english.message + english.question


@pytest.mark.parametrize("path", ["examples/kim.yaml", "examples/noor.yaml", "examples/elias.yaml", "examples/en/kim.yaml"])
def test_every_gap_of_the_examples_is_fully_worded(path, sv, en):
    from tests.conftest import ROOT
    from persona.load import read_persona

    loaded = read_persona(ROOT / path)
    graph = build_graph(loaded.persona, loaded.vocabulary)
    for gap in find_gaps(graph):
        for catalog in (sv, en):
            words = gap_text(gap, catalog, graph.vocabulary)
            assert "{" not in words.message and not words.message.startswith("gaps.")


# --- the rules' settings in a municipality's vocabulary file ------------------------------
def write(tmp_path, text: str):
    path = tmp_path / "kommun.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_rule_can_be_switched_off_in_a_vocabulary_file(tmp_path):
    body = "events:\n  - {id: t, age: 6, kind: transition, from: preschool, to: school, handover: none}\n"
    vocabulary = load_vocabulary(write(tmp_path, "rules:\n  broken-handover: {enabled: false}\n"))
    loaded = parse_persona(persona_text(body), "t.yaml", vocabulary)
    assert "broken-handover" not in {g.rule for g in find_gaps(build_graph(loaded.persona, loaded.vocabulary))}
    assert "broken-handover" in {g.rule for g in find_gaps(graph_of(body))}


def test_a_threshold_can_be_changed_in_a_vocabulary_file(tmp_path):
    vocabulary = load_vocabulary(write(tmp_path, "rules:\n  referral-wait:\n    limits: {bup: 60, lss: 10}\n"))
    params = rule_settings(vocabulary).params("referral-wait")
    assert params.limit("bup") == 60 and params.limit("lss") == 10 and params.limit("logoped") == 90


@pytest.mark.parametrize("text, key, line", [
    ("rules:\n  refferal-wait: {days: 10}\n", "rules.unknown_rule", 2),
    ("rules:\n  referral-wait:\n    dagar: 10\n", "rules.unknown_setting", 3),
    ("rules:\n  referral-wait:\n    days: tio\n", "rules.expected_number", 3),
    ("rules:\n  uncoordinated: {enabled: ja}\n", "rules.expected_bool", 2),
    ("rules:\n  referral-wait:\n    limits: {bupp: 30}\n", "rules.unknown_agency", 3),
    ("rules:\n  age-cliff: {days: -5}\n", "rules.negative", 2),
    ("rules:\n  no-sip: {health_sectors: health}\n", "rules.expected_list", 2),
])
def test_a_typo_in_the_rules_section_is_named_with_its_line(tmp_path, sv, text, key, line):
    with pytest.raises(VocabularyInvalid) as caught:
        load_vocabulary(write(tmp_path, text))
    problem = next(p for p in caught.value.problems if p.key == key)
    assert problem.position is not None and problem.position.line == line
    assert all(not message.split(": ", 1)[1].startswith("rules.") for message in caught.value.lines(sv))


def test_rule_settings_refuse_a_vocabulary_built_in_code_with_a_bad_rule():
    vocabulary = load_vocabulary().model_copy(update={"rules": {"voice-not-heard": {"contacts": "tre"}}})
    with pytest.raises(VocabularyInvalid):
        rule_settings(vocabulary)


def test_a_broken_handover_at_18_is_told_once_as_the_cliff():
    from tests.rule_helpers import events, gaps_of

    at_18 = events("{id: t, age: 18, kind: transition, from: hvb, to: family, handover: none}")
    assert [g.rule for g in gaps_of(at_18)] == ["age-cliff"]
    assert [g.rule for g in gaps_of(at_18, "broken-handover")] == ["broken-handover"]
    at_12 = events("{id: t, age: 12, kind: transition, from: school, to: school, handover: none}")
    assert [g.rule for g in gaps_of(at_12)] == ["broken-handover"]


def test_an_age_span_is_one_age_when_both_ends_read_the_same(sv, en):
    from journeys.ages import format_age_span

    assert format_age_span(11.25, 12, sv) == "11 år 3 mån – 12 år"
    assert format_age_span(4.4, 4.42, sv) == "4 år 5 mån"
    assert format_age_span(0.5, 2, en) == "6 months – 2 years"
