"""provenance: every check fires on a fixture that breaks it and stays quiet on one that keeps it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

INTERVIEWS = EXAMPLES / "interviews"
FIXTURES = ROOT / "tests" / "interview_fixtures"
COMPOSED = INTERVIEWS / "sammansatt.yaml"


def check(cli, persona: Path, *more: str, interviews: Path = INTERVIEWS):
    return cli("provenance", persona, "--interviews", interviews, *more)


def test_the_composed_example_keeps_every_rule(cli):
    result = check(cli, COMPOSED)
    assert result.code == 0, result.err
    assert "10 element med källor, 0 antaganden, 6 familjer" in result.out
    assert "inga brott" in result.out and result.err == ""


@pytest.mark.parametrize("fixture, expected", [
    ("unknown-source", ":33:3: 'learning-difficulties-6-10' nämner källan 'intervju-99', som inte är någon intervju"),
    ("unsupported-source", "'speech-delay-3-6' nämner 'intervju-05', men den intervjun har inget belägg"),
    ("too-few-families", "'worry-at-school-6-10' bygger på 1 familj(er), minst 2 behövs"),
    ("sensitive-needs-three", "'parent-mental-ill-health-3-6' bygger på 2 familj(er), minst 3 behövs"),
    ("family-share", "familjen familj-b står bakom 4 av 6 element, mer än 50%"),
])
def test_each_fixture_breaks_exactly_its_check(cli, fixture: str, expected: str):
    result = check(cli, FIXTURES / f"{fixture}.yaml")
    assert result.code == 1
    lines = result.err.splitlines()
    assert len(lines) == 1 and expected in lines[0], lines
    assert lines[0].startswith(str(FIXTURES / f"{fixture}.yaml") + ":")


def test_assumptions_are_listed_not_refused(cli):
    result = check(cli, FIXTURES / "assumptions.yaml")
    assert result.code == 0, result.err
    assert "8 element med källor, 2 antaganden" in result.out
    rows = [[cell.strip() for cell in line.split("|")] for line in result.out.splitlines() if " | " in line]
    assert ["closed-no-action-13-16", "händelse", "", "", "antagande (inga källor)"] in rows


def test_a_quote_needs_the_interviews_consent(cli, tmp_path: Path):
    persona = FIXTURES / "quote-with-consent.yaml"
    assert check(cli, persona).code == 0
    folder = tmp_path / "intervjuer"
    shutil.copytree(INTERVIEWS, folder)
    record = folder / "intervju-03.interview.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("consent: quote", "consent: paraphrase"),
                      encoding="utf-8")
    result = check(cli, persona, interviews=folder)
    assert result.code == 1
    assert "'student-health-talks-10-13' citerar intervju-03, vars samtycke bara gäller omskrivning" in result.err


RARE = """\
# yaml-language-server: $schema=../schema/interview.schema.json
interview: 1
id: {id}
family: {family}
month: 2024-01
roles: [parent]
child_age_band: 13-16
consent: paraphrase
codebook: "1"
evidence:
  - {{kind: decision, agency: social, age: {age}, paraphrase: Placerad i familjehem., unique: true}}
"""


def rare_folder(tmp_path: Path, ages: list[float]) -> Path:
    folder = tmp_path / "rare"
    folder.mkdir()
    for number, age in enumerate(ages, start=1):
        (folder / f"r{number}.interview.yaml").write_text(
            RARE.format(id=f"r-{number}", family=f"f-{number}", age=age), encoding="utf-8")
    return folder


def rare_persona(tmp_path: Path, age: float) -> Path:
    path = tmp_path / "p.yaml"
    path.write_text("schema: 1\nid: p\nname: P\nevents:\n"
                    f"  - {{id: placed, age: {age}, kind: decision, agency: social, label: Placerad,"
                    " sources: [r-1, r-2, r-3]}\n", encoding="utf-8")
    return path


def test_a_rare_event_at_an_exact_age_must_match_two_families(cli, tmp_path: Path):
    folder = rare_folder(tmp_path, [10, 11.5, 12.5])
    result = check(cli, rare_persona(tmp_path, 10), interviews=folder)
    assert "'placed' är en sällsynt händelse vid exakt 10 år, och bara 1 familj(er) har den" in result.err


def test_a_rare_event_at_an_age_two_families_share_passes_that_check(cli, tmp_path: Path):
    folder = rare_folder(tmp_path, [11, 11.5, 12.5])
    result = check(cli, rare_persona(tmp_path, 11), interviews=folder)
    assert "sällsynt" not in result.err
    assert "p.yaml:1:1: familjen" in result.err  # one element: every family is behind all of it


def test_thresholds_are_configurable(cli, tmp_path: Path):
    strict = tmp_path / "strikt.yaml"
    strict.write_text("provenance:\n  min_families: 3\n", encoding="utf-8")
    result = check(cli, COMPOSED, "--thresholds", strict)
    assert result.code == 1 and "'worry-at-school-6-10' bygger på 2 familj(er), minst 3 behövs" in result.err
    loose = tmp_path / "generos.yaml"
    loose.write_text("provenance:\n  max_family_share: 0.7\n", encoding="utf-8")
    assert check(cli, FIXTURES / "family-share.yaml", "--thresholds", loose).code == 0


def test_json_output(cli):
    result = check(cli, FIXTURES / "too-few-families.yaml", "--format", "json")
    assert result.code == 1
    data = json.loads(result.out)
    assert data["ok"] is False and data["persona"] == "sammansatt"
    assert [v["check"] for v in data["violations"]] == ["too_few_families"]
    assert data["violations"][0]["line"] == 66
    worry = next(e for e in data["elements"] if e["id"] == "worry-at-school-6-10")
    assert worry == {"id": "worry-at-school-6-10", "category": "event", "sources": ["intervju-02"], "families": 1,
                     "needed": 2, "assumption": False}
    assert data["family_counts"] == {"familj-a": 3, "familj-b": 4, "familj-c": 4, "familj-d": 3, "familj-e": 4,
                                     "familj-f": 4}


def test_english(cli):
    result = check(cli, FIXTURES / "too-few-families.yaml", "--lang", "en")
    assert "'worry-at-school-6-10' rests on 1 family(ies), at least 2 are needed" in result.err


def test_validate_runs_the_check_with_interviews(cli):
    assert cli("validate", COMPOSED, "--interviews", INTERVIEWS).code == 0
    result = cli("validate", FIXTURES / "too-few-families.yaml", "--interviews", INTERVIEWS)
    assert result.code == 1 and "bygger på 1 familj(er)" in result.out
    assert "(problem: 1)" in result.out
    assert cli("validate", FIXTURES / "too-few-families.yaml").code == 0  # without --interviews: only the file


def test_no_interview_records_is_a_clear_error(cli, tmp_path: Path):
    result = check(cli, COMPOSED, interviews=tmp_path)
    assert result.code == 1 and "inga intervjuposter" in result.err
