"""Coded interview rows from a spreadsheet (CSV or XLSX) → interview records.

Columns (first row, any order, case ignored): interview, family, kind, agency, age, domain,
paraphrase, quote, sensitive, unique; optional: code, level, to, from, handover, and the
interview's own fields month, roles, child_age_band, consent, codebook (given on at least one
row of each interview; rows that give them must agree). Every problem names its row; when there
is one, nothing is made.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from persona.errors import PersonaError, PersonaUnreadable, Problem, describe
from persona.i18n import Catalog
from persona.interview import AGE_BAND_PATTERN, MARKER, InterviewRecord, evidence_problems
from persona.interview_load import interview_privacy_problems, reworded_problem
from persona.pydantic_problems import problems_from
from persona.safe_yaml import DEFAULT_MAX_BYTES, SourceMap, decode, load_yaml
from persona.vocabulary import Vocabulary

REQUIRED_COLUMNS = ("interview", "family", "kind", "agency", "age", "domain", "paraphrase", "quote", "sensitive",
                    "unique")
EVIDENCE_COLUMNS = ("kind", "code", "agency", "domain", "level", "to", "from", "handover", "paraphrase", "quote")
RECORD_COLUMNS = ("family", "month", "roles", "child_age_band", "consent", "codebook")
OPTIONAL_COLUMNS = ("code", "level", "to", "from", "handover", "month", "roles", "child_age_band", "consent",
                    "codebook")
SHEET_SUFFIXES = (".csv", ".xlsx")


@dataclass(frozen=True)
class Row:
    """One data row: its number as the spreadsheet shows it, and its cells by column name."""

    number: int
    cells: dict[str, Any]


class SheetInvalid(PersonaError):
    """A spreadsheet whose rows cannot become interview records; each problem names its row."""

    exit_code = 1

    def __init__(self, source: str | Path, problems: list[tuple[int, Problem]]):
        super().__init__(source, [p for _, p in problems])
        self.rows = sorted(problems, key=lambda rp: rp[0])

    def lines(self, catalog: Catalog) -> list[str]:
        return [describe(problem, f"{self.source}:{catalog('sheet.row', row=row)}", catalog)
                for row, problem in self.rows]


def _yes_no_words() -> tuple[set[str], set[str]]:
    yaml_text = resources.files("journeys").joinpath("data").joinpath("interviews.yaml").read_text(encoding="utf-8")
    sheet = load_yaml(yaml_text, "journeys/data/interviews.yaml").data["sheet"]
    return {str(w).lower() for w in sheet["yes_words"]}, {str(w).lower() for w in sheet["no_words"]}


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):  # a month typed into a spreadsheet becomes a date
        return f"{value:%Y-%m}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_rows(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[str], list[Row]]:
    """The header and the non-empty rows of a CSV or XLSX file."""
    if not path.is_file():
        raise PersonaUnreadable(path, [Problem("read.not_found" if not path.exists() else "read.not_a_file")])
    if path.stat().st_size > max_bytes:
        raise PersonaUnreadable(path, [Problem("read.too_large", {"size": f"{path.stat().st_size / 2**20:.1f}",
                                                                 "limit": f"{max_bytes / 2**20:.1f}"})])
    suffix = path.suffix.lower()
    if suffix not in SHEET_SUFFIXES:
        raise PersonaUnreadable(path, [Problem("sheet.unknown_format", {"suffix": suffix or "-"})])
    table = _csv_table(path) if suffix == ".csv" else _xlsx_table(path)
    if not table:
        raise SheetInvalid(path, [(1, Problem("sheet.empty"))])
    header = [_cell_text(c).lower() for c in table[0]]
    rows = [Row(number, {name: _cell_text(cell) for name, cell in zip(header, cells) if name})
            for number, cells in enumerate(table[1:], start=2) if any(_cell_text(c) for c in cells)]
    if not rows:
        raise SheetInvalid(path, [(2, Problem("sheet.no_rows"))])
    return header, rows


def _csv_table(path: Path) -> list[list[Any]]:
    content = decode(path.read_bytes(), path)
    first = content.splitlines()[0] if content else ""
    delimiter = max(",;\t", key=first.count)
    return [row for row in csv.reader(io.StringIO(content), delimiter=delimiter)]


def _xlsx_table(path: Path) -> list[list[Any]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as exc:
        raise PersonaUnreadable(path, [Problem("sheet.not_xlsx", {"detail": type(exc).__name__})]) from None
    try:
        return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


class _Import:
    """Turns rows into records, collecting every problem with its row."""

    def __init__(self, vocabulary: Vocabulary):
        self.agencies = set(vocabulary.agencies)
        self.problems: list[tuple[int, Problem]] = []
        self.yes, self.no = _yes_no_words()

    def add(self, row: int, key: str, **params: Any) -> None:
        self.problems.append((row, Problem(key, params)))

    def flag(self, row: Row, column: str) -> bool:
        value = row.cells.get(column, "").lower()
        if value and value not in self.yes | self.no:
            self.add(row.number, "sheet.not_yes_no", column=column, value=row.cells[column],
                     words=", ".join(sorted(self.yes)))
        return value in self.yes

    def age(self, row: Row, evidence: dict[str, Any]) -> None:
        value = row.cells.get("age", "").replace(" ", "").replace("–", "-")
        if re.match(AGE_BAND_PATTERN, value):
            evidence["age_band"] = value
        elif value:
            try:
                evidence["age"] = float(value.replace(",", "."))
            except ValueError:
                self.add(row.number, "sheet.bad_age", value=row.cells["age"])

    def evidence(self, row: Row) -> dict[str, Any]:
        item: dict[str, Any] = {c: row.cells[c] for c in EVIDENCE_COLUMNS if row.cells.get(c)}
        self.age(row, item)
        item["sensitive"], item["unique"] = self.flag(row, "sensitive"), self.flag(row, "unique")
        for problem in evidence_problems(item, self.agencies, SourceMap(), ()):
            self.problems.append((row.number, problem))
        for cell in row.cells.values():
            self.problems += [(row.number, replace(p, position=None)) for p in interview_privacy_problems(cell)]
        return item

    def record(self, interview: str, rows: list[Row]) -> dict[str, Any]:
        data: dict[str, Any] = {MARKER: 1, "id": interview}
        for column in RECORD_COLUMNS:
            for row in rows:
                value = row.cells.get(column)
                if not value:
                    continue
                if column in data and data[column] != value:
                    self.add(row.number, "sheet.disagrees", column=column, interview=interview, value=value,
                             first=data[column])
                data.setdefault(column, value)
        if isinstance(data.get("roles"), str):
            data["roles"] = [r for r in re.split(r"[,;\s]+", data["roles"]) if r]
        data["evidence"] = [self.evidence(row) for row in rows]
        self.shape(data, rows)
        return data

    def shape(self, data: dict[str, Any], rows: list[Row]) -> None:
        try:
            InterviewRecord.model_validate(data)
        except ValidationError as exc:
            for error, problem in zip(exc.errors(), problems_from(exc, SourceMap(), InterviewRecord)):
                problem = reworded_problem(problem)
                loc = error["loc"]
                index = loc[1] if loc[0] == "evidence" and len(loc) > 1 else 0
                at = rows[index] if isinstance(index, int) else rows[0]
                self.problems.append((at.number, problem))


def records_from_rows(path: Path, header: list[str], rows: list[Row], vocabulary: Vocabulary) -> list[dict[str, Any]]:
    """Plain interview records (as they will be written) from a sheet's rows; raises :class:`SheetInvalid`."""
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    unknown = [c for c in header if c and c not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    if missing or unknown:
        problems = [(1, Problem("sheet.missing_column", {"column": c})) for c in missing]
        problems += [(1, Problem("sheet.unknown_column", {"column": c, "allowed": ", ".join(REQUIRED_COLUMNS +
                                                                                            OPTIONAL_COLUMNS)}))
                     for c in unknown]
        raise SheetInvalid(path, problems)
    work = _Import(vocabulary)
    by_interview: dict[str, list[Row]] = {}
    for row in rows:
        if not row.cells.get("interview"):
            work.add(row.number, "sheet.no_interview")
            continue
        by_interview.setdefault(row.cells["interview"], []).append(row)
    records = [work.record(interview, found) for interview, found in sorted(by_interview.items())]
    if work.problems:
        raise SheetInvalid(path, work.problems)
    return records


def import_sheet(path: str | Path, vocabulary: Vocabulary) -> list[dict[str, Any]]:
    """Interview records from a CSV or XLSX file; raises with every problem, row by row."""
    path = Path(path)
    header, rows = read_rows(path)
    return records_from_rows(path, header, rows, vocabulary)

