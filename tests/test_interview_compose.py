"""compose: evidence grouped across families into a deterministic, valid, commented draft persona."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from journeys.interviews.compose import compose
from journeys.interviews.grouping import group_evidence
from journeys.interviews.records import read_interviews
from journeys.interviews.settings import load_thresholds
from persona.load import read_persona

from tests.conftest import EXAMPLES

INTERVIEWS = EXAMPLES / "interviews"
SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/persona.schema.json\n"


@pytest.fixture(scope="module")
def records():
    return read_interviews([INTERVIEWS]).records.values()


def test_the_committed_example_is_what_compose_writes(cli, tmp_path: Path):
    out = tmp_path / "sammansatt.yaml"
    result = cli("compose", INTERVIEWS, "-o", out, "--name", "Saga")
    assert result.code == 0, result.err
    assert "10 element, 2 utelämnade" in result.out
    assert SCHEMA_LINE + out.read_text(encoding="utf-8") == (INTERVIEWS / "sammansatt.yaml").read_text(encoding="utf-8")


def test_compose_is_deterministic_whatever_the_order_of_files(cli, tmp_path: Path):
    files = sorted(INTERVIEWS.glob("*.interview.yaml"))
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert cli("compose", *files, "-o", tmp_path / "a" / "p.yaml").code == 0
    assert cli("compose", *reversed(files), "-o", tmp_path / "b" / "p.yaml").code == 0
    assert (tmp_path / "a" / "p.yaml").read_bytes() == (tmp_path / "b" / "p.yaml").read_bytes()


def test_the_draft_validates_as_a_persona_and_cites_interview_ids_only(tmp_path: Path, cli):
    out = tmp_path / "utkast.yaml"
    cli("compose", INTERVIEWS, "-o", out)
    persona = read_persona(out).persona
    assert persona.id == "utkast" and persona.name == "Sammansatt persona"
    elements = [*persona.factors, *persona.supports, *persona.events]
    assert all(e.sources and all(s.startswith("intervju-") for s in e.sources) for e in elements)
    text = out.read_text(encoding="utf-8")
    assert "familj-" not in text  # the family keys never reach the persona
    assert "Hon sa nästan inga ord" not in text and "Kuratorn var den första" not in text  # nor the quotes


def test_evidence_is_grouped_by_kind_agency_band_and_domain(records):
    groups = {(g.key.code, g.key.band): g for g in group_evidence(records, load_thresholds())}
    speech = groups[("speech-delay", (3.0, 6.0))]  # ages 3.5 and 4 and the band 3-6: one group
    assert speech.interviews == ("intervju-01", "intervju-02", "intervju-03")
    assert groups[("family-treatment", (6.0, 10.0))].families == ("familj-d", "familj-f")  # bands 6-9 and 7-9
    assert groups[("parent-mental-ill-health", (3.0, 6.0))].sensitive
    assert len(groups[("police-custody", (13.0, 16.0))].families) == 1


def test_too_few_families_are_left_out_and_named_without_their_words(records, cli, tmp_path: Path):
    composition = compose(records, load_thresholds())
    assert sorted(g.key.code for g in composition.left_out) == ["library-homework", "police-custody"]
    out = tmp_path / "utkast.yaml"
    cli("compose", INTERVIEWS, "-o", out)
    text = out.read_text(encoding="utf-8")
    assert "# contact police-custody, 13–16 år: 1 familj(er)" in text
    assert "Polisen hämtade" not in text and "police-custody" not in text.split("# Utelämnat")[0]


def test_assumptions_are_kept_without_sources_or_words_when_asked(cli, tmp_path: Path):
    out = tmp_path / "utkast.yaml"
    assert cli("compose", INTERVIEWS, "-o", out, "--assumptions").code == 0
    persona = read_persona(out).persona
    police = next(e for e in persona.events if e.id.startswith("police-custody"))
    assert police.sources == () and police.age == 14.5  # the middle of the band, not the family's age 14
    assert "Polisen hämtade" not in out.read_text(encoding="utf-8")


def test_a_sensitive_group_needs_three_families(tmp_path: Path, records):
    thresholds = load_thresholds()
    kept = {e.group.key.code for e in compose(records, thresholds).elements}
    assert "parent-mental-ill-health" in kept  # three families
    strict = tmp_path / "t.yaml"
    strict.write_text("provenance:\n  min_families_sensitive: 4\n", encoding="utf-8")
    kept = {e.group.key.code for e in compose(records, load_thresholds(strict)).elements}
    assert "parent-mental-ill-health" not in kept


def test_an_event_takes_the_age_most_families_share(records):
    events = {e.group.key.code: e for e in compose(records, load_thresholds()).elements}
    assert events["referral-bup"].age == 13.5  # 14, 13.5 and the band 13-16: 13.5 is within reach of all three
    assert events["speech-delay"].age == 3.5


def test_compose_never_overwrites(cli, tmp_path: Path):
    out = tmp_path / "p.yaml"
    out.write_text("mine\n", encoding="utf-8")
    result = cli("compose", INTERVIEWS, "-o", out)
    assert result.code == 2 and "skriver aldrig över" in result.err
    assert out.read_text(encoding="utf-8") == "mine\n"


def test_compose_refuses_a_folder_with_a_bad_record_and_writes_nothing(cli, tmp_path: Path):
    folder = tmp_path / "intervjuer"
    shutil.copytree(INTERVIEWS, folder)
    bad = folder / "intervju-02.interview.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("family: familj-b", "family: Berglund"), encoding="utf-8")
    result = cli("compose", folder, "-o", tmp_path / "p.yaml")
    assert result.code == 1 and "intervju-02.interview.yaml:5:9: familjenyckeln 'Berglund'" in result.err
    assert not (tmp_path / "p.yaml").exists()


@pytest.mark.parametrize("content, expected", [
    ("provenance:\n  min_famlies: 3\n", "okänd gräns 'min_famlies' — menade du 'min_families'?"),
    ("provenance:\n  min_families: -1\n", "gränsen 'min_families' har ett ogiltigt värde '-1'"),
    ("compose:\n  age_bands: [0, 6, 3]\n", "gränsen 'age_bands' har ett ogiltigt värde"),
])
def test_bad_thresholds_are_named(cli, tmp_path: Path, content: str, expected: str):
    path = tmp_path / "t.yaml"
    path.write_text(content, encoding="utf-8")
    result = cli("compose", INTERVIEWS, "-o", tmp_path / "p.yaml", "--thresholds", path)
    assert result.code == 1 and expected in result.err, result.err
