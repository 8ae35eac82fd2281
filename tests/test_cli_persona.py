"""The persona commands as a user meets them: validate, new, schema, and the bad-input corpus."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

BAD = ROOT / "tests" / "bad_personas"
BAD_FILES = sorted(BAD.glob("*.yaml"))


def expectation(path: Path) -> tuple[int, str]:
    match = re.match(r"# expect: (\d+) (\S+)", path.read_text(encoding="utf-8").splitlines()[0])
    assert match, f"{path.name} needs a first line '# expect: LINE KEY'"
    return int(match.group(1)), match.group(2)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("path", BAD_FILES, ids=[p.stem for p in BAD_FILES])
def test_every_bad_file_gets_a_clear_line_and_nothing_is_written(path: Path, tmp_path: Path, cli, monkeypatch):
    copy = tmp_path / path.name
    shutil.copy(path, copy)
    monkeypatch.chdir(tmp_path)
    before = snapshot(tmp_path)
    line, _key = expectation(path)
    result = cli("validate", copy.name)
    assert result.code in (1, 2)
    assert f"{copy.name}:{line}:" in result.out
    assert "Traceback" not in result.err + result.out
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("path", BAD_FILES, ids=[p.stem for p in BAD_FILES])
def test_every_bad_file_names_the_expected_problem(path: Path):
    from persona.errors import PersonaError
    from persona.load import read_persona

    line, key = expectation(path)
    with pytest.raises(PersonaError) as exc:
        read_persona(path)
    assert (line, key) in [(p.position.line if p.position else 0, p.key) for p in exc.value.problems]


def test_exit_codes(cli, tmp_path: Path):
    good = tmp_path / "good.yaml"
    good.write_text("schema: 1\nid: good\nname: Good\n", encoding="utf-8")
    assert cli("validate", good).code == 0
    assert cli("validate", BAD / "unknown_agency.yaml").code == 1
    assert cli("validate", tmp_path / "missing.yaml").code == 2
    assert cli("validate", BAD / "billion_laughs.yaml").code == 2


def test_folders_are_walked_and_summarised(cli, tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.yaml").write_text("schema: 1\nid: a\nname: A\n", encoding="utf-8")
    (tmp_path / "sub" / "b.yml").write_text("schema: 1\nid: b\nname: B\nfoo: 1\n", encoding="utf-8")
    (tmp_path / "a.workshop.yaml").write_text("notes: {}\n", encoding="utf-8")
    result = cli("validate", tmp_path)
    assert result.code == 1
    assert "Kontrollerade filer: 2 — giltiga: 1, med fel: 1" in result.out
    assert "b.yml:4:1: okänd nyckel 'foo'" in result.out


def test_problem_lines_and_summary_share_one_stream_for_a_pager(cli, tmp_path: Path):
    """`journeys validate x | less` shows the problems, not only the summary."""
    (tmp_path / "a.yaml").write_text("schema: 1\nid: a\nname: A\nfoo: 1\n", encoding="utf-8")
    result = cli("validate", tmp_path / "a.yaml")
    assert result.err == ""
    first, summary = result.out.splitlines()
    assert first.endswith("okänd nyckel 'foo' — tillåtet är: agencies, born, ends, events, factors, id, name, people, "
                          "quote, scenarios, schema, sources, summary, supports")
    assert summary.startswith("Kontrollerade filer: 1")


def test_english_messages(cli, monkeypatch):
    result = cli("--lang", "en", "validate", BAD / "unknown_agency.yaml")
    assert "unknown agency 'bupp' — did you mean 'bup'?" in result.out
    monkeypatch.setenv("JOURNEYS_LANG", "en")
    from journeys.cli import main
    assert main(["validate", "-q", str(BAD / "unknown_agency.yaml")]) == 1


def test_privacy_flag_downgrades_to_warning(cli):
    result = cli("validate", "--privacy-warn", BAD / "personnummer.yaml")
    assert result.code == 0
    assert "varning: ser ut som ett personnummer" in result.out


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_new_writes_a_starter_that_validates(cli, tmp_path: Path, monkeypatch, lang: str):
    monkeypatch.chdir(tmp_path)
    result = cli("--lang", lang, "new", "Lisa Åberg")
    assert result.code == 0
    written = tmp_path / "lisa-aberg.yaml"
    assert written.exists()
    assert cli("validate", written).code == 0
    first = written.read_bytes()
    again = cli("--lang", "sv", "new", "Lisa Åberg")
    assert again.code == 2 and "finns redan" in again.err
    assert written.read_bytes() == first


def test_committed_schema_matches_the_models(cli):
    """Regenerate with: journeys schema > schema/persona.schema.json"""
    result = cli("schema")
    committed = (ROOT / "schema" / "persona.schema.json").read_text(encoding="utf-8")
    assert result.out == committed, "schema/persona.schema.json has drifted: regenerate it"


def test_examples_point_at_the_committed_schema():
    from journeys.folders import persona_files

    for path in persona_files([EXAMPLES]):  # persona files: not the cohort example's mapping file
        first = path.read_text(encoding="utf-8").splitlines()[0]
        target = first.split("$schema=", 1)[1]
        kind = "catalogue" if path.name.endswith(".catalogue.yaml") else "persona"
        kind = "interview" if path.name.endswith(".interview.yaml") else kind
        assert (path.parent / target).resolve() == (ROOT / "schema" / f"{kind}.schema.json").resolve()


def test_examples_validate(cli):
    result = cli("validate", EXAMPLES)
    assert result.code == 0, result.err
    assert "med fel: 0," in result.out


def test_no_traceback_from_the_installed_command(tmp_path: Path):
    """The real console entry point, in a subprocess, on a file that is not a persona."""
    bad = tmp_path / "bild.yaml"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    env = {**os.environ, "JOURNEYS_LANG": "sv"}
    proc = subprocess.run([sys.executable, "-m", "journeys", "validate", str(bad)],
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr + proc.stdout
    assert proc.stdout.startswith(f"{bad}:1:")


def test_an_unknown_language_is_one_line_in_the_default_language(cli, monkeypatch):
    monkeypatch.setenv("JOURNEYS_LANG", "fi")
    from journeys.cli import main

    import io
    from contextlib import redirect_stderr

    err = io.StringIO()
    with redirect_stderr(err):
        code = main(["validate", str(BAD / "unknown_agency.yaml")])
    assert code == 2
    assert err.getvalue() == "journeys: okänt språk 'fi' — använd något av: sv, en\n"


@pytest.mark.parametrize("command", [("validate",), ("render", "--view", "chronology", "--format", "markdown")])
def test_lang_is_taken_after_any_command(cli, command):
    result = cli(command[0], EXAMPLES / "kim.yaml", *command[1:], "--lang", "en")
    assert result.code == 0, result.err
    assert ("valid (79 events)" in result.out) if command[0] == "validate" else ("# Kim – chronology" in result.out)


def test_an_output_that_cannot_be_written_is_one_line(cli, tmp_path: Path):
    result = cli("render", EXAMPLES / "kim.yaml", "--view", "balance", "-o", tmp_path / "no-such-folder" / "x.svg")
    assert result.code == 2 and result.out == ""
    assert result.err.count("\n") == 1 and "filen kunde inte skrivas" in result.err and "Traceback" not in result.err
