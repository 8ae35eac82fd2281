"""Interview records (``*.interview.yaml``): every check fires on a bad record and stays quiet on a good one."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from persona.errors import PersonaInvalid
from persona.interview_load import parse_interview
from persona.load import parse_persona, read_persona

from tests.conftest import EXAMPLES

INTERVIEWS = EXAMPLES / "interviews"

GOOD = """\
interview: 1
id: intervju-07
family: familj-g
month: 2024-03
roles: [parent, child]
child_age_band: 10-13
consent: paraphrase
codebook: "2024.1"
evidence:
  - kind: signal
    code: speech-delay
    agency: preschool
    age: 4
    domain: growth
    paraphrase: Förskolan märkte något.
"""


def record(**changes: str) -> str:
    """GOOD with lines replaced: ``record(family="family: Anna")`` swaps the line that starts with ``family:``."""
    lines = GOOD.splitlines()
    for key, new in changes.items():
        lines = [new if line.strip().startswith(f"{key}:") else line for line in lines]
    return "\n".join(lines) + "\n"


def with_item(item: str) -> str:
    return GOOD + textwrap.indent(textwrap.dedent(item), "  ")


def problems(text: str, sv) -> list[str]:
    with pytest.raises(PersonaInvalid) as caught:
        parse_interview(text, "x.interview.yaml")
    return caught.value.lines(sv)


def test_a_good_record_is_read(sv):
    loaded = parse_interview(GOOD, "x.interview.yaml")
    assert loaded.record.family == "familj-g" and loaded.record.evidence[0].category == "event"
    assert loaded.warnings == ()


@pytest.mark.parametrize("path", sorted(INTERVIEWS.glob("*.interview.yaml")), ids=lambda p: p.name)
def test_the_example_records_are_valid(path: Path):
    from persona.interview_load import read_interview

    assert read_interview(path).record.evidence


@pytest.mark.parametrize("text, expected", [
    (record(family="family: anna-svensson"), "x.interview.yaml:3:9: familjenyckeln 'anna-svensson' duger inte"),
    (record(family="family: Anna"), "familjenyckeln 'Anna'"),
    (record(month="month: mars 2024"), "x.interview.yaml:4:8: 'mars 2024' är ingen månad"),
    (record(child_age_band="child_age_band: tio"), "'tio' är inget åldersspann"),
    (record(child_age_band="child_age_band: 13-10"), "åldersspannet '13-10' går baklänges"),
    (record(consent="consent: ja"), "okänt värde 'ja' för consent"),
    (record(roles="roles: [mamma]"), "okänt värde 'mamma' för roles"),
    (record(interview="interview: 2"), "intervjupostens version 2 stöds inte"),
    (record(codebook="codebook: ''"), "codebook får inte vara tomt"),
])
def test_each_field_check_fires_with_its_place(text: str, expected: str, sv):
    lines = problems(text, sv)
    assert any(expected in line for line in lines), lines


@pytest.mark.parametrize("item, expected", [
    ("- {kind: signl, agency: school, age: 7, paraphrase: x}", "menade du 'signal'"),
    ("- {kind: signal, agency: skolan, age: 7, paraphrase: x}", "okänd verksamhet 'skolan'"),
    ("- {kind: signal, agency: school, paraphrase: x}", "ange antingen age"),
    ("- {kind: signal, agency: school, age: 7, age_band: 6-9, paraphrase: x}", "ange antingen age"),
    ("- {kind: signal, age: 7, paraphrase: x}", "slaget 'signal' behöver en verksamhet"),
    ("- {kind: support, age: 7, paraphrase: x}", "slaget 'support' behöver en verksamhet"),
    ("- {kind: risk, age: 7, paraphrase: x}", "behöver en domän"),
    ("- {kind: referral, agency: school, age: 7, paraphrase: x}", "behöver 'to:'"),
    ("- {kind: transition, age: 7, paraphrase: x, from: school, to: upper_secondary}", "behöver 'handover:'"),
    ("- {kind: signal, agency: school, age: 7}", "'paraphrase' saknas"),
    ("- {kind: signal, agency: school, age: 7, paraphrase: x, name: Anna}", "okänd nyckel 'name'"),
    ("- {kind: signal, agency: school, age: 30, paraphrase: x}", "age är 30"),
    ("- {kind: signal, agency: school, age: 7, paraphrase: 'ring 070-123 45 67'}", "telefonnummer"),
])
def test_each_evidence_check_fires(item: str, expected: str, sv):
    lines = problems(with_item(item), sv)
    assert any(expected in line for line in lines), lines
    assert all(line.startswith("x.interview.yaml:16:") for line in lines if expected in line), lines


@pytest.mark.parametrize("item", [
    "- {kind: life, age_band: 6-9, paraphrase: x}",
    "- {kind: risk, domain: care, age_band: 3-6, paraphrase: x, sensitive: true}",
    "- {kind: support, agency: family_treatment, level: early, age: 7, paraphrase: x}",
    "- {kind: referral, agency: school, to: bup, age: 7, paraphrase: x}",
    "- {kind: transition, from: school, to: upper_secondary, handover: none, age: 16, paraphrase: x}",
])
def test_good_evidence_passes(item: str):
    assert len(parse_interview(with_item(item), "x.interview.yaml").record.evidence) == 2


def test_a_quote_without_consent_is_a_warning_not_an_error(sv):
    loaded = parse_interview(with_item("- {kind: signal, agency: school, age: 7, paraphrase: x, quote: 'Ord.'}"))
    assert [w.key for w in loaded.warnings] == ["interview.quote_without_consent"]
    consented = parse_interview(with_item("- {kind: signal, agency: school, age: 7, paraphrase: x, quote: 'Ord.'}")
                                .replace("consent: paraphrase", "consent: quote"))
    assert consented.warnings == ()


def test_the_personal_data_guard_reads_comments_too(sv):
    lines = problems(GOOD + "# mamman nås på anna@example.se\n", sv)
    assert any(line.startswith("x.interview.yaml:16:") and "e-postadress" in line
               and "intervjuposter bär bara pseudonymer" in line for line in lines), lines


def test_an_interview_record_is_never_read_as_a_persona(sv):
    """Sensitive: it is refused by every route a persona takes (render, poster, gaps, the app's upload)."""
    with pytest.raises(PersonaInvalid) as caught:
        parse_persona(GOOD, "upload.yaml")
    assert "intervjupost, ingen persona" in caught.value.lines(sv)[0]
    with pytest.raises(PersonaInvalid):
        read_persona(INTERVIEWS / "intervju-01.interview.yaml")


@pytest.mark.parametrize("command", [
    ("render", "--view", "timeline", "-o", "out.svg"),
    ("poster", "-o", "out.pdf"),
    ("gaps",),
])
def test_no_command_draws_or_exports_an_interview_record(cli, tmp_path: Path, command, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli(command[0], INTERVIEWS / "intervju-01.interview.yaml", *command[1:])
    assert result.code == 1 and "intervjupost" in result.err
    assert list(tmp_path.iterdir()) == []


def test_validate_recognises_interview_records_in_a_folder(cli):
    result = cli("validate", INTERVIEWS)
    assert result.code == 0, result.err
    assert "intervju-01.interview.yaml: giltig intervjupost (4 belägg)" in result.out
    assert "sammansatt.yaml: giltig" in result.out


def test_validate_reports_a_broken_interview_record_as_one(cli, tmp_path: Path):
    (tmp_path / "x.interview.yaml").write_text(record(family="family: Anna"), encoding="utf-8")
    result = cli("validate", tmp_path)
    assert result.code == 1 and "familjenyckeln 'Anna'" in result.out
    assert "ingen persona" not in result.out


def test_two_records_with_one_id_are_refused(cli, tmp_path: Path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.interview.yaml").write_text(GOOD, encoding="utf-8")
    result = cli("compose", tmp_path, "-o", tmp_path / "p.yaml")
    assert result.code == 1 and "intervju-id 'intervju-07' används redan" in result.err
    assert not (tmp_path / "p.yaml").exists()


def test_committed_interview_schema_matches_the_models(cli):
    """Regenerate with: journeys schema --kind interview > schema/interview.schema.json"""
    committed = (EXAMPLES.parent / "schema" / "interview.schema.json").read_text(encoding="utf-8")
    assert cli("schema", "--kind", "interview").out == committed, "schema/interview.schema.json has drifted: regenerate it"


def test_the_benchmarks_records_are_valid_and_deterministic():
    from bench.interviews import ITEMS_EACH, interview_record_text

    text = interview_record_text(3)
    assert text == interview_record_text(3) != interview_record_text(4)
    assert len(parse_interview(text, "bench.interview.yaml").record.evidence) == ITEMS_EACH
