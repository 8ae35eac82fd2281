"""The spreadsheet route: coded rows (CSV, XLSX) → interview records, with row-level errors and
nothing written on error."""

from __future__ import annotations

from pathlib import Path

import pytest

from persona.interview_load import read_interview

from tests.conftest import EXAMPLES

INTERVIEWS = EXAMPLES / "interviews"
HEADER = ("interview;family;month;roles;child_age_band;consent;codebook;kind;agency;age;domain;paraphrase;quote;"
          "sensitive;unique")
FIRST = "intervju-09;familj-x;2024-05;parent;10-13;quote;2024.1;signal;preschool;4;growth;Förskolan såg något.;;;"
SECOND = "intervju-09;familj-x;;;;;;risk;;6-9;care;Föräldern var sjuk.;;x;"


def sheet(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "kodning.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def written(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize("name", ["intervjuer.csv", "intervjuer.xlsx"])
def test_the_example_sheet_gives_the_example_records(cli, tmp_path: Path, name: str):
    out = tmp_path / "out"
    result = cli("interviews", "import", INTERVIEWS / name, "-o", out)
    assert result.code == 0, result.err
    assert written(out) == sorted(p.name for p in INTERVIEWS.glob("*.interview.yaml"))
    for path in sorted(out.iterdir()):
        assert read_interview(path).record == read_interview(INTERVIEWS / path.name).record


def test_a_good_sheet_is_imported_row_by_row(cli, tmp_path: Path):
    result = cli("interviews", "import", sheet(tmp_path, FIRST, SECOND), "-o", tmp_path / "out")
    assert result.code == 0, result.err
    record = read_interview(tmp_path / "out" / "intervju-09.interview.yaml").record
    assert [e.kind for e in record.evidence] == ["signal", "risk"]
    assert record.evidence[1].age_band == "6-9" and record.evidence[1].sensitive
    assert record.evidence[0].age == 4 and not record.evidence[0].sensitive


def test_decimal_comma_and_semicolon_lists_are_what_spreadsheets_give(cli, tmp_path: Path):
    row = FIRST.replace(";4;", ";4,5;").replace(";parent;", ";parent, child;")
    assert cli("interviews", "import", sheet(tmp_path, row), "-o", tmp_path / "out").code == 0
    record = read_interview(tmp_path / "out" / "intervju-09.interview.yaml").record
    assert record.evidence[0].age == 4.5 and record.roles == ("parent", "child")


@pytest.mark.parametrize("rows, expected", [
    ((FIRST, SECOND.replace(";risk;", ";risc;")), "kodning.csv:rad 3: okänt värde 'risc' för kind — menade du 'risk'?"),
    ((FIRST, SECOND.replace(";6-9;", ";sex;")), "kodning.csv:rad 3: 'sex' är ingen ålder"),
    ((FIRST, SECOND.replace(";x;", ";kanske;")),
     "kodning.csv:rad 3: 'kanske' i kolumnen sensitive är varken ja eller nej"),
    ((FIRST.replace(";preschool;", ";forskola;"), SECOND), "kodning.csv:rad 2: okänd verksamhet 'forskola'"),
    ((FIRST, SECOND.replace("familj-x;;;", "familj-y;;;")), "kodning.csv:rad 3: family för intervjun intervju-09 är"),
    ((FIRST.replace("familj-x", "Anna Berg"), SECOND.replace("familj-x", "Anna Berg")),
     "kodning.csv:rad 2: familjenyckeln 'Anna Berg' duger inte"),
    ((FIRST.replace("Förskolan såg något.", "Ring 070-123 45 67"),), "kodning.csv:rad 2: ser ut som ett telefonnummer"),
    ((FIRST.replace("2024-05", ""),), "kodning.csv:rad 2: 'month' saknas"),
    ((FIRST, ";familj-x;;;;;;risk;;6-9;care;x;;;"), "kodning.csv:rad 3: raden saknar intervju"),
])
def test_row_errors_name_the_row_and_nothing_is_written(cli, tmp_path: Path, rows, expected):
    result = cli("interviews", "import", sheet(tmp_path, *rows), "-o", tmp_path / "out")
    assert result.code == 1
    assert expected in result.err, result.err
    assert written(tmp_path / "out") == []


def test_missing_and_unknown_columns_are_named(cli, tmp_path: Path):
    header = HEADER.replace(";quote", "").replace("paraphrase", "parafras")
    result = cli("interviews", "import", sheet(tmp_path, FIRST, header=header), "-o", tmp_path / "out")
    assert result.code == 1
    assert "kodning.csv:rad 1: kolumnen 'paraphrase' saknas" in result.err
    assert "kolumnen 'quote' saknas" in result.err and "okänd kolumn 'parafras'" in result.err


def test_an_xlsx_with_row_errors(cli, tmp_path: Path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(HEADER.split(";"))
    book.active.append(FIRST.split(";"))
    book.active.append(SECOND.replace(";risk;", ";signal;").split(";"))
    path = tmp_path / "kodning.xlsx"
    book.save(path)
    result = cli("interviews", "import", path, "-o", tmp_path / "out")
    assert result.code == 1 and "kodning.xlsx:rad 3: belägg av slaget 'signal' behöver en verksamhet" in result.err
    assert written(tmp_path / "out") == []


@pytest.mark.parametrize("name, content, expected", [
    ("kodning.xlsx", b"not a zip", "går inte att läsa som XLSX"),
    ("kodning.ods", b"", "'.ods' är inget kalkylark"),
    ("kodning.csv", b"", "kalkylarket är tomt"),
    ("kodning.csv", b"interview;family\n;;\n", "kodning.csv:rad 2: kalkylarket har inga rader med belägg"),
])
def test_files_that_are_no_sheet(cli, tmp_path: Path, name: str, content: bytes, expected: str):
    path = tmp_path / name
    path.write_bytes(content)
    result = cli("interviews", "import", path, "-o", tmp_path / "out")
    assert result.code in (1, 2) and expected in result.err, result.err


def test_existing_records_are_never_overwritten(cli, tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "intervju-09.interview.yaml").write_text("mine\n", encoding="utf-8")
    result = cli("interviews", "import", sheet(tmp_path, FIRST), "-o", out)
    assert result.code == 2 and "finns redan" in result.err
    assert (out / "intervju-09.interview.yaml").read_text(encoding="utf-8") == "mine\n"


def test_the_example_sheets_match_the_records_they_were_made_from():
    """scripts/example_interview_sheets.py makes the sheets from the YAML records; the CSV is its text."""
    lines = (INTERVIEWS / "intervjuer.csv").read_text(encoding="utf-8").splitlines()
    items = sum(len(read_interview(p).record.evidence) for p in INTERVIEWS.glob("*.interview.yaml"))
    assert len(lines) == items + 1
