"""Reading an extract with DuckDB: the case system's files, through the mapping, into the
canonical rows of each child, streamed in order so that memory stays bounded.

Nothing here decides what a gap is. The extract's columns are renamed, its codes translated
to the vocabulary's words, dates coarsened and turned into ages (years from the middle of the
birth month), and every child's rows handed on one child at a time. Before anything is read,
every column is searched for personal identity numbers, and the free-text columns the mapping
names go through the personal-data guard: an extract with either is refused.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from persona.errors import PersonaUnreadable, Problem
from persona.privacy import find_personal_data
from persona.pydantic_problems import hint
from persona.vocabulary import Vocabulary

from journeys.cohort.mapping import (
    CLOSED_WORDS,
    FIELDS,
    REQUIRED_FIELDS,
    CohortMapping,
    ExtractInvalid,
    code_list_of,
)

if TYPE_CHECKING:
    import duckdb

DAYS_PER_YEAR = 365.25
MAX_AGE = 25.0
# DuckDB's memory: half the machine's, at most 4 GB; beyond it DuckDB spills to the run's private
# folder. Sorting 250,000 children's rows spilled (2.5 times slower per child) at 1 GB and not at 4.
MEMORY_SHARE, MEMORY_CAP_MB = 0.5, 4096
FETCH_ROWS = 20_000
IDENTITY_LIKE = r"^\s*(\d{2})?\d{6}[-+]?\d{4}\s*$"
FREE_TEXT_SUSPECT = r"[0-9]{3}|@"
# What is read of each table, in order (the canonical fields the engine needs).
EVENT_FIELDS = ("age", "kind", "agency", "to", "from", "with", "handover", "child_heard", "event", "responds_to")
SUPPORT_FIELDS = ("from", "to", "agency", "level", "support")
FACTOR_FIELDS = ("from", "to", "type", "domain", "factor")
# Rows without these are left out (an event's agency is checked with the child's persona: a
# transition and a life event have none).
REQUIRED_VALUES = {"events": ("kind", "age"), "supports": ("agency", "level", "from"),
                   "factors": ("type", "domain", "from")}


@dataclass(frozen=True)
class ChildRows:
    """One child's canonical rows, ages in years; no pseudonym, only its place in the run (the
    last value of every row)."""

    number: int
    censor_age: float
    events: tuple[tuple[Any, ...], ...] = ()
    supports: tuple[tuple[Any, ...], ...] = ()
    factors: tuple[tuple[Any, ...], ...] = ()


@dataclass
class Quality:
    """What was left out of the extract, counted (never listed by child)."""

    dropped: Counter[str] = field(default_factory=Counter)


def memory_limit() -> str:
    """DuckDB's memory limit for a run (see ``MEMORY_SHARE``)."""
    try:
        total_mb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**20
    except (AttributeError, ValueError, OSError):  # not every system says
        total_mb = 2 * MEMORY_CAP_MB
    return f"{int(min(MEMORY_CAP_MB, total_mb * MEMORY_SHARE))}MB"


def one_number(connection: "duckdb.DuckDBPyConnection", sql: str) -> int:
    """The single number a counting query returns."""
    row = connection.execute(sql).fetchone()
    return int(row[0]) if row is not None else 0


def sql_text(value: str) -> str:
    """A string literal for SQL."""
    return "'" + value.replace("'", "''") + "'"


def sql_name(value: str) -> str:
    """A quoted identifier for SQL."""
    return '"' + value.replace('"', '""') + '"'


@dataclass
class Extract:
    """An extract opened in DuckDB through its mapping: canonical views of every table."""

    folder: Path
    mapping: CohortMapping
    vocabulary: Vocabulary
    connection: "duckdb.DuckDBPyConnection"
    quality: Quality = field(default_factory=Quality)
    tables: tuple[str, ...] = ()
    _spill: Any = None

    def close(self) -> None:
        self.connection.close()
        if self._spill is not None:
            self._spill.cleanup()

    def __enter__(self) -> "Extract":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def spill_folder(self) -> str:
        """The run's private temporary folder (DuckDB's spill files, the engine's fact files)."""
        return str(self._spill.name)

    def children_count(self) -> int:
        return one_number(self.connection, "SELECT count(*) FROM kids")

    def children(self) -> Iterator[ChildRows]:
        """Every child's rows, in order; each table is streamed, never held whole."""
        kids = self._stream("SELECT n, censor_age FROM kids ORDER BY n")
        events = _grouped(self._stream(_ordered("events", EVENT_FIELDS)))
        supports = _grouped(self._stream(_ordered("supports", SUPPORT_FIELDS))) \
            if "supports" in self.tables else iter(())
        factors = _grouped(self._stream(_ordered("factors", FACTOR_FIELDS))) \
            if "factors" in self.tables else iter(())
        merged = _Merge(events), _Merge(supports), _Merge(factors)
        for number, censor_age in kids:
            yield ChildRows(number, round(float(censor_age), 6), *(m.take(number) for m in merged))

    def _stream(self, sql: str) -> Iterator[tuple[Any, ...]]:
        cursor = self.connection.cursor()
        cursor.execute(sql)
        while True:
            rows = cursor.fetchmany(FETCH_ROWS)
            if not rows:
                break
            yield from rows
        cursor.close()


def _ordered(table: str, fields: tuple[str, ...]) -> str:
    """A table's rows by child, then by age (or start), then by the case system's id; the child's
    number comes last in each row (the row is handed on as it is, without copying)."""
    columns = ", ".join(sql_name(f) for f in fields)
    own_id = {"events": "event", "supports": "support", "factors": "factor"}[table]
    return f"SELECT {columns}, n FROM c_{table} ORDER BY n, {sql_name(fields[0])}, {sql_name(own_id)}"


def _grouped(rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[int, tuple[tuple[Any, ...], ...]]]:
    current: int | None = None
    found: list[tuple[Any, ...]] = []
    for row in rows:
        if row[-1] != current:
            if current is not None:
                yield current, tuple(found)
            current, found = row[-1], []
        found.append(row)
    if current is not None:
        yield current, tuple(found)


class _Merge:
    """Hands out the group of one child at a time from an ordered stream of groups."""

    def __init__(self, groups: Iterator[tuple[int, tuple[tuple[Any, ...], ...]]]):
        self.groups = groups
        self.next: tuple[int, tuple[tuple[Any, ...], ...]] | None = next(groups, None)

    def take(self, number: int) -> tuple[tuple[Any, ...], ...]:
        while self.next is not None and self.next[0] < number:
            self.next = next(self.groups, None)
        if self.next is not None and self.next[0] == number:
            rows = self.next[1]
            self.next = next(self.groups, None)
            return rows
        return ()


# --- opening ---------------------------------------------------------------------------------
def open_extract(folder: str | Path, mapping: CohortMapping, vocabulary: Vocabulary) -> Extract:
    """The extract in a folder, checked against its mapping and the personal-data guard."""
    import duckdb

    folder = Path(folder)
    spill = tempfile.TemporaryDirectory(prefix="journeys-cohort-")
    connection = duckdb.connect()
    connection.execute(f"SET memory_limit={sql_text(memory_limit())}")
    connection.execute(f"SET temp_directory={sql_text(spill.name)}")
    extract = Extract(folder, mapping, vocabulary, connection, _spill=spill)
    try:
        _open(extract)
    except BaseException:
        extract.close()
        raise
    return extract


def _open(extract: Extract) -> None:
    mapping = extract.mapping
    headers = {table: _raw_view(extract, table, name) for table, name in mapping.files.items()}
    problems = [p for table in headers for p in _column_problems(extract, table, headers[table])]
    if problems:
        raise ExtractInvalid(mapping.path, problems)
    _refuse_personal_data(extract, headers)
    _code_tables(extract)
    columns = {table: _columns(extract, table, headers[table]) for table in headers}
    problems = [p for table in headers for p in _unknown_code_problems(extract, table, columns[table])]
    if problems:
        raise ExtractInvalid(mapping.path, problems)
    _canonical_views(extract, columns)
    extract.tables = tuple(headers)


def _raw_view(extract: Extract, table: str, name: str) -> list[str]:
    path = extract.folder / name
    if not path.is_file():
        raise PersonaUnreadable(path, [Problem("read.not_found")])
    # Parquet is read where it lies, column by column; CSV is parsed once into DuckDB's own
    # columns (spilled to the run's private folder when it does not fit in memory).
    parquet = path.suffix.lower() == ".parquet"
    reader = (f"read_parquet({sql_text(str(path))})" if parquet
              else f"read_csv({sql_text(str(path))}, all_varchar=true, header=true)")
    try:
        extract.connection.execute(f"CREATE {'VIEW' if parquet else 'TABLE'} raw_{table} AS SELECT * FROM {reader}")
        described = extract.connection.execute(f"DESCRIBE raw_{table}").fetchall()
    except Exception as exc:  # DuckDB's own errors: a file it cannot read as CSV or Parquet
        raise PersonaUnreadable(path, [Problem("cohort.extract.unreadable", {"detail": str(exc).splitlines()[0]})]) \
            from None
    return [row[0] for row in described]


def _columns(extract: Extract, table: str, header: list[str]) -> dict[str, str]:
    """Canonical field → the extract's column, for the fields this table has."""
    if extract.mapping.explicit(table):
        return dict(extract.mapping.columns[table])
    return {f: f for f in FIELDS[table] if f in header}


def _column_problems(extract: Extract, table: str, header: list[str]) -> list[Problem]:
    mapping = extract.mapping
    name = mapping.files[table]
    problems = []
    if mapping.explicit(table):
        for field_name, column in mapping.columns[table].items():
            if column not in header:
                problems.append(Problem("cohort.extract.missing_column",
                                        {"file": name, "column": column, "hint": hint(column, header)},
                                        mapping.source.value(("columns", table, field_name))))
        return problems
    required = REQUIRED_FIELDS[table] + (("date",) if table == "events" and "age" not in header else ())
    return [Problem("cohort.extract.missing_column", {"file": name, "column": f, "hint": hint(f, header)},
                    mapping.source.value(("files", table)))
            for f in required if f not in header]


def _refuse_personal_data(extract: Extract, headers: dict[str, list[str]]) -> None:
    """Every column is searched for identity numbers; free-text columns for all personal data."""
    mapping = extract.mapping
    problems = []
    for table, header in headers.items():
        free = set(mapping.free_text.get(table, ()))
        for column in header:
            pattern = FREE_TEXT_SUSPECT if column in free else IDENTITY_LIKE
            for value in _suspects(extract, table, column, pattern):
                findings = find_personal_data(value)
                if column not in free:
                    findings = [f for f in findings if f.kind in ("personnummer", "samordningsnummer")]
                if findings:
                    problems.append(Problem("cohort.extract.personal_data",
                                            {"file": mapping.files[table], "column": column,
                                             "kind": Problem(f"cohort.kind.{findings[0].kind}"),
                                             "masked": findings[0].masked()},
                                            mapping.source.value(("files", table))))
                    break
    if problems:
        raise ExtractInvalid(mapping.path, problems)


def _suspects(extract: Extract, table: str, column: str, pattern: str) -> Iterator[str]:
    cursor = extract.connection.cursor()
    value = f"CAST({sql_name(column)} AS VARCHAR)"
    cursor.execute(f"SELECT DISTINCT {value} FROM raw_{table} WHERE regexp_matches({value}, {sql_text(pattern)})")
    while True:
        rows = cursor.fetchmany(FETCH_ROWS)
        if not rows:
            break
        yield from (row[0] for row in rows)
    cursor.close()


def _code_tables(extract: Extract) -> None:
    """One table per code list: the mapping's codes, and the vocabulary's own words as themselves."""
    connection = extract.connection
    for name, allowed in {"agency": tuple(extract.vocabulary.agencies), **CLOSED_WORDS}.items():
        codes = dict(extract.mapping.codes.get(name, {}))
        for word in allowed:
            codes.setdefault(word, word)
        connection.execute(f"CREATE TABLE code_{name} (code VARCHAR PRIMARY KEY, word VARCHAR)")
        connection.executemany(f"INSERT INTO code_{name} VALUES (?, ?)", sorted(codes.items()))
        if name == "agency":
            pairs = ", ".join(f"{sql_text(code)}: {sql_text(word)}" for code, word in sorted(codes.items()))
            connection.execute(f"CREATE MACRO agency_word(x) AS MAP {{{pairs}}}[x]")


def _text(column: str) -> str:
    return f"NULLIF(trim(CAST(r.{sql_name(column)} AS VARCHAR)), '')"


def _coded(field_name: str, column: str, code_list: str) -> str:
    if field_name == "with":  # several agencies, separated by ";" (an unknown one is left out)
        return (f"array_to_string(list_filter(list_transform(string_split({_text(column)}, ';'), "
                f"lambda x: agency_word(trim(x))), lambda x: x IS NOT NULL), ';')")
    return f"(SELECT word FROM code_{code_list} WHERE code = {_text(column)})"


def _unknown_code_problems(extract: Extract, table: str, columns: dict[str, str]) -> list[Problem]:
    mapping = extract.mapping
    problems: list[Problem] = []
    for field_name, column in columns.items():
        code_list = code_list_of(table, field_name)
        if code_list is None or field_name == "with":
            continue
        rows = extract.connection.execute(
            f"SELECT {_text(column)} AS raw, count(*) FROM raw_{table} r "
            f"WHERE {_text(column)} IS NOT NULL AND {_coded(field_name, column, code_list)} IS NULL "
            "GROUP BY raw ORDER BY raw"
        ).fetchall()
        for raw, count in rows:
            if mapping.unknown_codes == "drop":
                extract.quality.dropped[f"unknown_code:{table}.{column}"] += int(count)
                continue
            problems.append(Problem("cohort.extract.unknown_code",
                                    {"file": mapping.files[table], "column": column, "code": raw, "rows": count,
                                     "list": code_list},
                                    mapping.source.key(("codes", code_list)) or mapping.source.value(("files", table))))
    return problems


def _date(column: str, coarse: bool) -> str:
    day = f"TRY_CAST({_text(column)} AS DATE)"
    return f"(date_trunc('month', {day}) + INTERVAL 14 DAY)" if coarse else day


def _age(column: str, coarse: bool) -> str:
    """An age in years from a date column (or a number, taken as an age)."""
    number = f"TRY_CAST({_text(column)} AS DOUBLE)"
    days = f"date_diff('day', k.birth, {_date(column, coarse)})"
    return f"COALESCE({number}, {days} / {DAYS_PER_YEAR})"


def _canonical_views(extract: Extract, columns: dict[str, dict[str, str]]) -> None:
    connection = extract.connection
    coarse = extract.mapping.dates == "month"
    kids = columns["children"]
    birth = (f"(date_trunc('month', COALESCE(TRY_CAST({_text(kids['birth_month'])} AS DATE), "
             f"TRY_CAST({_text(kids['birth_month'])} || '-01' AS DATE))) + INTERVAL 14 DAY)")
    ends = [f"TRY_CAST({_text(kids['extract_date'])} AS DATE)"]
    if "record_end" in kids:
        ends.append(f"COALESCE(TRY_CAST({_text(kids['record_end'])} AS DATE), {ends[0]})")
    censor = f"LEAST({', '.join(ends)})"
    connection.execute(
        # One row per child (a pseudonym listed twice keeps its earliest birth and end); ages past
        # the persona format's 25 years are not followed.
        f"CREATE TABLE kids AS SELECT row_number() OVER (ORDER BY child) AS n, child, min(birth) AS birth, "
        f"least(min(censor_age), {MAX_AGE}) AS censor_age FROM ("
        f"SELECT {_text(kids['child'])} AS child, {birth} AS birth, "
        f"date_diff('day', {birth}, {censor}) / {DAYS_PER_YEAR} AS censor_age FROM raw_children r) "
        f"WHERE child IS NOT NULL AND birth IS NOT NULL AND censor_age IS NOT NULL AND censor_age >= 0 GROUP BY child"
    )
    for table in ("events", "supports", "factors"):
        if table in columns:
            _canonical_view(extract, table, columns[table], coarse)


def _canonical_view(extract: Extract, table: str, columns: dict[str, str], coarse: bool) -> None:
    fields = {"events": EVENT_FIELDS, "supports": SUPPORT_FIELDS, "factors": FACTOR_FIELDS}[table]
    select = []
    for name in fields:
        column = columns.get(name)
        if name == "age" and table == "events":
            parts = [f"TRY_CAST({_text(columns['age'])} AS DOUBLE)"] if "age" in columns else []
            if "date" in columns:
                parts.append(f"date_diff('day', k.birth, {_date(columns['date'], coarse)}) / {DAYS_PER_YEAR}")
            select.append(f"COALESCE({', '.join(parts)}) AS age" if len(parts) > 1 else f"{parts[0]} AS age")
        elif column is None:
            select.append(f"NULL AS {sql_name(name)}")
        elif name in ("from", "to") and table != "events":
            select.append(f"{_age(column, coarse)} AS {sql_name(name)}")
        elif code_list_of(table, name):
            select.append(f"{_coded(name, column, str(code_list_of(table, name)))} AS {sql_name(name)}")
        else:
            select.append(f"{_text(column)} AS {sql_name(name)}")
    required = [sql_name(f) for f in REQUIRED_VALUES[table]]
    start = "age" if table == "events" else "from"
    connection = extract.connection
    connection.execute(
        f"CREATE VIEW all_{table} AS SELECT k.n, k.censor_age, {', '.join(select)} FROM raw_{table} r "
        f"LEFT JOIN kids k ON k.child = {_text(columns['child'])}"
    )
    kept = " AND ".join([f"{c} IS NOT NULL" for c in required] + ["n IS NOT NULL",
                        f"{sql_name(start)} BETWEEN 0 AND {MAX_AGE}"])
    connection.execute(f"CREATE VIEW c_{table} AS SELECT * FROM all_{table} WHERE {kept}")
    left = one_number(connection, f"SELECT count(*) FILTER (WHERE NOT ({kept})) FROM all_{table}")
    if left:
        extract.quality.dropped[f"incomplete:{table}"] += int(left)
