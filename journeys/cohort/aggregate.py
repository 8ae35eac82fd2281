"""Counting in DuckDB: distinct children per rule, age band, sector pair and sector, waits as
distributions, and the hand-overs between agencies.

The engine's facts of each child are written to temporary files in the run's private folder
(deleted with it) as they stream in, then counted by DuckDB. Each child counts once per rule
(in the age band and sector pair where that rule first struck), once per sector, once per
sector and measure of waiting (its longest wait), so that every table adds up to its totals.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from journeys.cohort.censor import cohort_settings
from journeys.cohort.engine import NO_ANSWER, ChildFacts
from journeys.cohort.extract import Extract, one_number, sql_text

FACT_FILES = {
    "rules": ("n", "rule", "band", "pair"),
    "sectors": ("n", "sector", "band"),
    "waits": ("n", "measure", "sector", "days"),
    "handovers": ("n", "source", "target"),
    "places": ("n", "measure", "agency"),
}


@dataclass(frozen=True)
class Counts:
    """Every count the report publishes (before disclosure control), keyed by plain words."""

    children: int
    left_out: Mapping[str, int]
    observed_in_band: Mapping[int, int]
    rule_band_pair: Mapping[tuple[str, int, str], int]
    sector_band: Mapping[tuple[str, int], int]
    waits: Mapping[tuple[str, str, str], int]
    handovers: Mapping[tuple[str, str], int]
    places: Mapping[tuple[str, str], int]

    def rule_totals(self) -> dict[str, int]:
        totals: Counter[str] = Counter()
        for (rule, _, _), count in self.rule_band_pair.items():
            totals[rule] += count
        return dict(totals)


def write_facts(facts: Iterable[ChildFacts], folder: Path) -> Counter[str]:
    """The facts as CSV files in ``folder``; returns how many children were left out, by reason."""
    left_out: Counter[str] = Counter()
    handles = {name: (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") for name in FACT_FILES}
    try:
        writers = {name: csv.writer(handle) for name, handle in handles.items()}
        for name, writer in writers.items():
            writer.writerow(FACT_FILES[name])
        for child in facts:
            if child.invalid:
                left_out[child.invalid] += 1
                continue
            n = child.number
            writers["rules"].writerows((n, *row) for row in child.rules)
            writers["sectors"].writerows((n, *row) for row in child.sectors)
            writers["waits"].writerows((n, *row) for row in child.waits)
            writers["handovers"].writerows((n, *row) for row in child.handovers)
            writers["places"].writerows((n, *row) for row in child.places)
    finally:
        for handle in handles.values():
            handle.close()
    return left_out


def _bucket_sql(buckets: list[float]) -> str:
    cases = " ".join(f"WHEN days <= {float(b)} THEN 'le{int(b)}'" for b in buckets)
    return f"CASE WHEN days = {NO_ANSWER} THEN 'none' {cases} ELSE 'gt{int(buckets[-1])}' END"


def wait_buckets() -> tuple[str, ...]:
    """The names of the wait buckets in order: ``le14``, … ``gt180``, ``none``."""
    buckets = cohort_settings()["wait_buckets"]
    return tuple(f"le{int(b)}" for b in buckets) + (f"gt{int(buckets[-1])}", "none")


def count_facts(extract: Extract, folder: Path, left_out: Mapping[str, int], age_bands: tuple[float, ...]) -> Counts:
    """Every count, by DuckDB, from the fact files and the extract's children."""
    con = extract.connection

    def read(name: str) -> str:
        types = {c: "VARCHAR" for c in FACT_FILES[name]} | {"n": "BIGINT"}
        types |= {"band": "INTEGER"} if "band" in types else {}
        types |= {"days": "DOUBLE"} if "days" in types else {}
        columns = "{" + ", ".join(f"{sql_text(c)}: {sql_text(t)}" for c, t in types.items()) + "}"
        return f"read_csv({sql_text(str(folder / (name + '.csv')))}, header=true, columns={columns})"

    def grouped(sql: str) -> dict:
        return {tuple(row[:-1]) if len(row) > 2 else row[0]: int(row[-1]) for row in con.execute(sql).fetchall()}

    bands = list(age_bands)
    observed = {
        i: one_number(con, f"SELECT count(*) FROM kids WHERE censor_age > {float(low)}")
        for i, low in enumerate(bands)
    }
    return Counts(
        children=extract.children_count(),
        left_out=dict(left_out),
        observed_in_band=observed,
        rule_band_pair=grouped(f"SELECT rule, band, pair, count(DISTINCT n) FROM {read('rules')} GROUP BY ALL"),
        sector_band=grouped(f"SELECT sector, band, count(DISTINCT n) FROM {read('sectors')} GROUP BY ALL"),
        waits=grouped(f"SELECT measure, sector, {_bucket_sql(cohort_settings()['wait_buckets'])} AS bucket, "
                      f"count(DISTINCT n) FROM {read('waits')} GROUP BY ALL"),
        handovers=grouped(f"SELECT source, target, count(DISTINCT n) FROM {read('handovers')} GROUP BY ALL"),
        places=grouped(f"SELECT measure, agency, count(DISTINCT n) FROM {read('places')} GROUP BY ALL"),
    )


def directly_follows(extract: Extract) -> dict[tuple[str, str], int]:
    """How often one agency's event directly follows another's in a child's record (events in
    age order), counted over the whole extract: the process-mining view of the same log."""
    rows = extract.connection.execute(
        "SELECT source, target, count(*) FROM (SELECT agency AS target, "
        "lag(agency) OVER (PARTITION BY n ORDER BY age, event) AS source FROM c_events "
        "WHERE agency IS NOT NULL AND age <= censor_age) WHERE source IS NOT NULL GROUP BY ALL"
    ).fetchall()
    return {(source, target): int(count) for source, target, count in rows}
