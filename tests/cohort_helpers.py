"""Small extracts written in tests: canonical CSV files from rows given in code."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Iterable, Mapping

from persona.vocabulary import load_vocabulary

from bench.cohort_generate import COLUMNS
from journeys.cohort.mapping import read_mapping

CANONICAL_MAPPING = """\
mapping: 1
files: {children: children.csv, events: events.csv, supports: supports.csv, factors: factors.csv}
dates: day
"""


def write_table(folder: Path, table: str, rows: Iterable[Mapping[str, Any]], columns: Iterable[str] | None = None,
                name: str | None = None) -> None:
    columns = tuple(columns or COLUMNS[table])
    with (folder / (name or f"{table}.csv")).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])


def write_extract(folder: Path, children: Iterable[Mapping[str, Any]], events: Iterable[Mapping[str, Any]],
                  supports: Iterable[Mapping[str, Any]] = (), factors: Iterable[Mapping[str, Any]] = (),
                  mapping: str = CANONICAL_MAPPING) -> Path:
    """A canonical extract in ``folder`` and its mapping file; returns the mapping's path."""
    folder.mkdir(parents=True, exist_ok=True)
    write_table(folder, "children", children)
    write_table(folder, "events", events)
    write_table(folder, "supports", supports)
    write_table(folder, "factors", factors)
    path = folder / "extract.mapping.yaml"
    path.write_text(mapping, encoding="utf-8")
    return path


def mapping_of(path: Path):
    return read_mapping(path, load_vocabulary())
