"""Make examples/interviews/intervjuer.csv and .xlsx from the example interview records.

The sheets hold the same evidence as the YAML records, one row per item; the interview's own
fields (month, roles, ...) are on its first row. Run from the repository root:
``.venv/bin/python scripts/example_interview_sheets.py``.
"""

from __future__ import annotations

import csv
import datetime

from openpyxl import Workbook

from journeys.interviews.records import read_interviews

FOLDER = "examples/interviews"
COLUMNS = ["interview", "family", "month", "roles", "child_age_band", "consent", "codebook", "kind", "code",
           "agency", "from", "to", "handover", "age", "domain", "level", "paraphrase", "quote", "sensitive", "unique"]


def rows() -> list[list[str]]:
    made = []
    for _, record in sorted(read_interviews([FOLDER]).records.items()):
        for index, item in enumerate(record.evidence):
            row = {"interview": record.id, "family": record.family, "kind": item.kind, "code": item.code,
                   "agency": item.agency, "from": item.from_, "to": item.to, "handover": item.handover,
                   "age": item.age_band if item.age is None else f"{item.age:g}", "domain": item.domain,
                   "level": item.level, "paraphrase": item.paraphrase, "quote": item.quote,
                   "sensitive": "x" if item.sensitive else "", "unique": "x" if item.unique else ""}
            if index == 0:
                row.update(month=record.month, roles=", ".join(record.roles), child_age_band=record.child_age_band,
                           consent=record.consent, codebook=record.codebook)
            made.append([row.get(column) or "" for column in COLUMNS])
    return made


def cell(column: str, value: str) -> str | float:
    """Ages as numbers, as a spreadsheet holds them; everything else as text."""
    if column == "age" and value.replace(".", "", 1).isdigit():
        return float(value)
    return value


def main() -> None:
    made = rows()
    with open(f"{FOLDER}/intervjuer.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(COLUMNS)
        writer.writerows(made)
    book = Workbook()
    sheet = book.active
    sheet.title = "belagg"
    sheet.append(COLUMNS)
    for row in made:
        sheet.append([cell(column, value) for column, value in zip(COLUMNS, row)])
    book.properties.created = book.properties.modified = datetime.datetime(2024, 6, 1)
    book.save(f"{FOLDER}/intervjuer.xlsx")


if __name__ == "__main__":
    main()
