"""``journeys gaps``: table, JSON and Markdown; scenarios and comparison; never a traceback."""

from __future__ import annotations

import json

import pytest

from tests.conftest import EXAMPLES, persona_text

V1_KEYS = {"number", "key", "rule", "title", "from", "to", "agencies", "events", "severity", "message", "question"}
GAP_KEYS = V1_KEYS | {"visible_from"}  # keys are only ever added

BODY = """\
supports:
  - {id: stod, agency: student_health, level: early, label: Kurator, from: 11.3, to: 12}
events:
  - {id: oro, age: 11.25, kind: signal, agency: school, label: Orolig}
  - {id: skolstart, age: 6, kind: transition, from: preschool, to: school, handover: none}
scenarios:
  - id: battre
    label: Bättre
    changes:
      - set: {id: skolstart, handover: full}
      - add: {id: svar, age: 11.3, kind: contact, agency: student_health, label: Samtal, responds_to: oro, child_heard: true}
      - add: {id: ny-signal, age: 15, kind: signal, agency: school, label: Ny oro}
"""


@pytest.fixture
def persona(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(persona_text(BODY), encoding="utf-8")
    return path


def test_table_shows_ages_in_years_and_months_and_exits_zero(cli, persona):
    result = cli("gaps", persona)
    assert result.code == 0 and result.err == ""
    assert "11 år 3 mån" in result.out and "Obesvarad signal" in result.out and "Fråga:" in result.out


def test_lang_after_the_command_gives_english(cli, persona):
    result = cli("gaps", persona, "--lang", "en")
    assert result.code == 0 and "11 years 3 months" in result.out and "Unanswered signal" in result.out
    assert "11 years 3 months" in cli("--lang", "en", "gaps", persona).out


def test_json_is_a_list_of_gaps_with_stable_keys(cli, persona):
    result = cli("gaps", persona, "--format", "json")
    data = json.loads(result.out)
    assert isinstance(data, list) and len(data) == 2
    assert all(set(item) == GAP_KEYS for item in data)
    assert [item["number"] for item in data] == [1, 2]
    first = data[0]
    assert first["rule"] == "broken-handover" and first["from"] == 6 and first["events"] == ["skolstart"]
    assert first["key"] == "broken-handover@skolstart" and first["agencies"] == ["preschool", "school"]
    assert isinstance(first["severity"], int) and first["message"] and first["question"]


def test_json_compare_has_closed_remaining_and_new(cli, persona):
    data = json.loads(cli("gaps", persona, "--scenario", "battre", "--compare", "--format", "json").out)
    assert set(data) == {"closed", "remaining", "new"}
    assert {g["rule"] for g in data["closed"]} == {"broken-handover", "unanswered-signal"}
    assert data["remaining"] == [] and [g["events"] for g in data["new"]] == [["ny-signal"]]
    assert all(set(item) == GAP_KEYS for section in data.values() for item in section)


def test_scenario_alone_shows_the_scenarios_gaps(cli, persona):
    data = json.loads(cli("gaps", persona, "--scenario", "battre", "--format", "json").out)
    assert [g["key"] for g in data] == ["unanswered-signal@ny-signal"]


def test_markdown_is_a_table(cli, persona):
    out = cli("gaps", persona, "--format", "markdown").out
    assert out.startswith("## ") and "| Nr | Ålder |" in out and "| 1 | 6 år" in out
    compared = cli("gaps", persona, "--scenario", "battre", "--compare", "--format", "markdown").out
    assert "Stängs av scenariot" in compared and "Nya med scenariot" in compared


def test_unknown_scenario_is_one_clean_line(cli, persona):
    result = cli("gaps", persona, "--scenario", "finns-inte")
    assert result.code == 2 and result.out == ""
    assert len(result.err.strip().splitlines()) == 1 and "finns-inte" in result.err and "Traceback" not in result.err


@pytest.mark.parametrize("args", [
    ("--compare",),
    ("--format", "pdf"),
])
def test_bad_options_give_a_message_not_a_traceback(cli, persona, args):
    result = cli("gaps", persona, *args)
    assert result.code == 2 and "Traceback" not in result.err and result.err.strip()


def test_missing_or_invalid_file_is_a_clean_error(cli, tmp_path):
    missing = cli("gaps", tmp_path / "nej.yaml")
    assert missing.code == 2 and "nej.yaml" in missing.err and "Traceback" not in missing.err
    bad = tmp_path / "bad.yaml"
    bad.write_text(persona_text("events:\n  - {id: x, age: 5, kind: signal, agency: bupp, label: X}\n"), encoding="utf-8")
    result = cli("gaps", bad)
    assert result.code == 1 and "bupp" in result.err and ":5:" in result.err and "Traceback" not in result.err


def test_a_bad_rules_section_in_the_vocabulary_is_a_clean_error(cli, persona, tmp_path):
    vocabulary = tmp_path / "v.yaml"
    vocabulary.write_text("rules:\n  referral-wait: {dagar: 3}\n", encoding="utf-8")
    result = cli("--vocabulary", vocabulary, "gaps", persona)
    assert result.code == 2 and "v.yaml:2:" in result.err and "dagar" in result.err


def test_no_gaps_says_so(cli, tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text(persona_text(""), encoding="utf-8")
    result = cli("gaps", path)
    assert result.code == 0 and "Inga glapp" in result.out
    assert json.loads(cli("gaps", path, "--format", "json").out) == []


@pytest.mark.parametrize("name", ["kim.yaml", "noor.yaml", "elias.yaml", "alva.yaml"])
def test_every_example_and_scenario_runs_cleanly(cli, name):
    from persona.load import read_persona

    path = EXAMPLES / name
    assert cli("gaps", path).code == 0
    for scenario in read_persona(path).persona.scenarios:
        result = cli("gaps", path, "--scenario", scenario.id, "--compare", "--format", "json")
        assert result.code == 0, result.err
        assert set(json.loads(result.out)) == {"closed", "remaining", "new"}


def test_compare_numbers_each_gap_once_as_the_pictures_do(cli, persona):
    import re

    data = json.loads(cli("gaps", persona, "--scenario", "battre", "--compare", "--format", "json").out)
    numbers = {g["key"]: g["number"] for section in data.values() for g in section}
    assert sorted(numbers.values()) == list(range(1, len(numbers) + 1))
    chronology = cli("render", persona, "--view", "chronology", "--scenario", "battre", "--compare",
                     "--format", "markdown").out
    for key, number in numbers.items():
        title = next(g["title"] for section in data.values() for g in section if g["key"] == key)
        assert re.search(rf"^{number}\. \*\*{title}\*\*", chronology, flags=re.M), (key, number)
