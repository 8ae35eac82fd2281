"""From counts to the tables that may be published: totals, rates per 1,000 children, and
disclosure control over every table (``..`` for a hidden count).

The three tables of gaps (rule × age band, rule × sector pair, and rule × age band × sector
pair) share their totals, so they are protected together: a hidden count must stay hidden
given all three. The disclosure report says how many counts were hidden for being small and
how many to protect those, never which were which (that would say which counts are small).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from journeys.cohort.aggregate import Counts, wait_buckets
from journeys.cohort.disclosure import HIDDEN, PRIMARY, SECONDARY, TOTAL, Equation, Key, protect, two_way

Shown = int | str


@dataclass(frozen=True)
class Table:
    """A published table: row and column ids (``*`` is the total), and what each cell shows."""

    id: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: Mapping[tuple[str, str], Shown]
    rates: Mapping[tuple[str, str], float | str] | None = None

    def cell(self, row: str, column: str) -> Shown:
        return self.cells[(row, column)]


@dataclass(frozen=True)
class TableAudit:
    """What disclosure control did to one group of tables."""

    tables: tuple[str, ...]
    counts: int
    primary: int
    secondary: int
    narrowest: float | None  # the narrowest range the audit found for a hidden count

    def as_dict(self) -> dict[str, Any]:
        return {"tables": list(self.tables), "counts": self.counts, "hidden_small": self.primary,
                "hidden_to_protect": self.secondary,
                "narrowest_range": None if self.narrowest is None else round(self.narrowest, 2)}


@dataclass(frozen=True)
class Published:
    """Everything a report may show."""

    min_count: int
    children: Shown
    left_out: Shown
    bands: tuple[str, ...]
    observed_in_band: Mapping[str, Shown]
    tables: Mapping[str, Table]
    network: Mapping[tuple[str, str], int]
    places: Mapping[str, Mapping[str, int]]
    audits: tuple[TableAudit, ...]


def publish(counts: Counts, rules: Sequence[str], bands: Sequence[float], min_count: int) -> Published:
    band_ids = tuple(str(i) for i in range(len(bands)))
    gaps = _gap_tables(counts, rules, band_ids, min_count)
    where = _simple_table("sector_band", {(s, str(b)): c for (s, b), c in counts.sector_band.items()},
                          sorted({s for s, _ in counts.sector_band}), band_ids, min_count)
    waits = [_simple_table(f"waits_{m}", {(s, b): c for (mm, s, b), c in counts.waits.items() if mm == m},
                           sorted({s for mm, s, _ in counts.waits if mm == m}), wait_buckets(), min_count)
             for m in ("referral", "answer")]
    tables = {t.id: t for t, _ in (*gaps, where, *waits)}
    _add_rates(tables, counts, band_ids)

    def small(count: int) -> Shown:
        """A count with no margins published beside it: only primary suppression is needed."""
        return count if count >= min_count or count == 0 else HIDDEN

    return Published(
        min_count=min_count,
        children=small(counts.children),
        left_out=small(sum(counts.left_out.values())),
        bands=band_ids,
        observed_in_band={str(b): small(v) for b, v in counts.observed_in_band.items()},
        tables=tables,
        network={k: v for k, v in sorted(counts.handovers.items()) if v >= min_count},
        places={m: {a: v for (mm, a), v in sorted(counts.places.items()) if mm == m and v >= min_count}
                for m in ("wait", "bounce")},
        audits=tuple(a for _, a in (gaps[0], where, *waits)),
    )


def _gap_tables(counts: Counts, rules: Sequence[str], bands: tuple[str, ...],
                min_count: int) -> list[tuple[Table, TableAudit]]:
    pairs = tuple(sorted({p for (_, _, p), v in counts.rule_band_pair.items() if v}))
    by_band: dict[tuple[str, str], int] = {}
    by_pair: dict[tuple[str, str], int] = {}
    for (rule, band, pair), count in counts.rule_band_pair.items():
        by_band[(rule, str(band))] = by_band.get((rule, str(band)), 0) + count
        by_pair[(rule, pair)] = by_pair.get((rule, pair), 0) + count
    values: dict[Key, int] = {("A", r, b): by_band.get((r, b), 0) for r in rules for b in bands}
    values |= {("B", r, p): by_pair.get((r, p), 0) for r in rules for p in pairs}
    values |= {("C", r, b, p): counts.rule_band_pair.get((r, int(b), p), 0)
               for r in rules for b in bands for p in pairs}
    values |= {("R", r): sum(values[("A", r, b)] for b in bands) for r in rules}
    values |= {("A", TOTAL, b): sum(values[("A", r, b)] for r in rules) for b in bands}
    values |= {("B", TOTAL, p): sum(values[("B", r, p)] for r in rules) for p in pairs}
    values[("R", TOTAL)] = sum(values[("R", r)] for r in rules)
    equations: list[Equation] = []
    for r in rules:  # a rule's total is shared by both tables: one figure, two sums
        equations += [(("R", r), tuple(("A", r, b) for b in bands)), (("R", r), tuple(("B", r, p) for p in pairs))]
        equations += [(("A", r, b), tuple(("C", r, b, p) for p in pairs)) for b in bands]
        equations += [(("B", r, p), tuple(("C", r, b, p) for b in bands)) for p in pairs]
    equations += [(("A", TOTAL, b), tuple(("A", r, b) for r in rules)) for b in bands]
    equations += [(("B", TOTAL, p), tuple(("B", r, p) for r in rules)) for p in pairs]
    equations += [(("R", TOTAL), tuple(("R", r) for r in rules)), (("R", TOTAL), tuple(("A", TOTAL, b) for b in bands)),
                  (("R", TOTAL), tuple(("B", TOTAL, p) for p in pairs))]
    protection = protect(values, equations, min_count)
    shown = {k: protection.shown(k, values) for k in values}
    shown |= {("A", r, TOTAL): shown[("R", r)] for r in (*rules, TOTAL)}
    shown |= {("B", r, TOTAL): shown[("R", r)] for r in (*rules, TOTAL)}
    rows_a = (*rules, TOTAL)
    columns_a, columns_b = (*bands, TOTAL), (*pairs, TOTAL)
    table_a = Table("rule_band", rows_a, columns_a, {(r, c): shown[("A", r, c)] for r in rows_a for c in columns_a})
    table_b = Table("rule_pair", rows_a, columns_b, {(r, c): shown[("B", r, c)] for r in rows_a for c in columns_b})
    rows_c = tuple(f"{r}@{b}" for r in rules for b in bands)
    table_c = Table("rule_band_pair", rows_c, (*pairs, TOTAL),
                    {(f"{r}@{b}", p): shown[("C", r, b, p)] for r in rules for b in bands for p in pairs}
                    | {(f"{r}@{b}", TOTAL): shown[("A", r, b)] for r in rules for b in bands})
    audit = _audit(("rule_band", "rule_pair", "rule_band_pair"), values, protection)
    return [(table_a, audit), (table_b, audit), (table_c, audit)]


def _simple_table(table_id: str, counts: Mapping[tuple[str, str], int], rows: Sequence[str],
                  columns: Sequence[str], min_count: int) -> tuple[Table, TableAudit]:
    values, equations = two_way(counts, rows, columns)
    protection = protect(values, equations, min_count)
    all_rows, all_columns = (*rows, TOTAL), (*columns, TOTAL)
    cells = {(r, c): protection.shown((r, c), values) for r in all_rows for c in all_columns}
    return Table(table_id, tuple(all_rows), tuple(all_columns), cells), _audit((table_id,), values, protection)


def _audit(tables: tuple[str, ...], values: Mapping[Key, int], protection: Any) -> TableAudit:
    widths = [high - low for key, (low, high) in protection.ranges.items() if key in protection.hidden]
    return TableAudit(tables, len(values), protection.count(PRIMARY), protection.count(SECONDARY),
                      min(widths) if widths else None)


def _add_rates(tables: dict[str, Table], counts: Counts, bands: tuple[str, ...]) -> None:
    """Children per 1,000: a cell of an age band per 1,000 children observed in that band; a total
    per 1,000 children in the extract."""
    table = tables["rule_band"]
    rates: dict[tuple[str, str], float | str] = {}
    for (row, column), shown in table.cells.items():
        base = counts.children if column == TOTAL else counts.observed_in_band.get(int(column), 0)
        rates[(row, column)] = HIDDEN if shown == HIDDEN or not base else round(1000 * int(shown) / base, 1)
    tables["rule_band"] = Table(table.id, table.rows, table.columns, table.cells, rates)
