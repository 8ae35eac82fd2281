"""Cohort mode: ``journeys cohort`` on a synthetic extract (Parquet) of 50,000 children, whole
process, against DuckDB reading every row of the same Parquet files into Python (whole process
too; the two take turns); the scaling exponent of the library run from 10,000 to 250,000
children; and, when pm4py is installed, the directly-follows counts and the hand-over network
against pm4py on the same event log, with the answers cross-checked.

The extracts are generated once (``bench/cohort_generate.py``, seeded) into the system's
temporary folder and reused by later runs. The largest takes a few minutes to make and to run.

    python -m bench cohort
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from bench.cohort_generate import write_extract
from bench.common import Figure, interleaved_seconds, process
from bench.engine import fitted_exponent

SEED = 2026
HEADLINE = 50_000
SIZES = (10_000, 50_000, 250_000)
REPEATS = 3
TARGET_EXPONENT = 1.1
MAPPING = ("mapping: 1\nfiles: {children: children.parquet, events: events.parquet, supports: supports.parquet, "
           "factors: factors.parquet}\ndates: day\n")
FLOOR = (
    "import sys, duckdb\n"
    "con = duckdb.connect()\n"
    "for name in ('children', 'events', 'supports', 'factors'):\n"
    "    cursor = con.execute(f\"SELECT * FROM read_parquet('{sys.argv[1]}/{name}.parquet')\")\n"
    "    while cursor.fetchmany(20000):\n"
    "        pass\n"
)


def extract(count: int) -> Path:
    """The synthetic extract of ``count`` children (made once, then reused)."""
    folder = Path(tempfile.gettempdir()) / f"journeys-bench-cohort-{SEED}-{count}"
    if not (folder / "done").exists():
        write_extract(folder, count, seed=SEED, parquet=True)
        (folder / "cohort.mapping.yaml").write_text(MAPPING, encoding="utf-8")
        (folder / "done").write_text("", encoding="utf-8")
    return folder


def _library_seconds(folder: Path) -> float:
    from persona.vocabulary import load_vocabulary

    from journeys.cohort.run import run_cohort

    start = time.perf_counter()
    run_cohort(folder, folder / "cohort.mapping.yaml", load_vocabulary())
    return time.perf_counter() - start


def _events_per_child(folder: Path) -> float:
    import duckdb

    with duckdb.connect() as con:
        events = con.execute(f"SELECT count(*) FROM read_parquet('{folder}/events.parquet')").fetchone()[0]
        kids = con.execute(f"SELECT count(*) FROM read_parquet('{folder}/children.parquet')").fetchone()[0]
    return events / kids


def headline() -> Figure:
    folder = extract(HEADLINE)
    out = Path(tempfile.gettempdir()) / "journeys-bench-cohort.json"
    times = interleaved_seconds({
        "floor": process([sys.executable, "-c", FLOOR, str(folder)]),
        "cohort": process([sys.executable, "-m", "journeys", "cohort", str(folder), "--mapping",
                           str(folder / "cohort.mapping.yaml"), "-o", str(out)]),
    }, repeats=REPEATS)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return Figure("cohort_50k_children", times["cohort"] / times["floor"], "× floor",
                  f"DuckDB reading every row of the same Parquet into Python: {times['floor']:.2f} s",
                  detail=f"{times['cohort']:.1f} s end to end, {_events_per_child(folder):.1f} events per child, "
                         f"largest process {peak:.0f} MB")


def scaling() -> Figure:
    seconds = [_library_seconds(extract(n)) for n in SIZES]
    return Figure("cohort_scaling_exponent", fitted_exponent(SIZES, seconds), "(time ∝ children^x)",
                  "1.0 = linear", TARGET_EXPONENT,
                  detail=", ".join(f"{n} children {t:.1f} s" for n, t in zip(SIZES, seconds)))


def against_pm4py() -> list[Figure]:
    """Directly-follows counts and the hand-over network: cohort mode's (DuckDB) against pm4py's on
    the same log, cross-checked; skipped, and said so, when pm4py is not installed."""
    try:
        import pm4py
    except ImportError:
        print("cohort_vs_pm4py: skipped (pm4py is not installed; it is never a dependency)", flush=True)
        return []
    from persona.vocabulary import load_vocabulary

    from journeys.cohort.aggregate import directly_follows
    from journeys.cohort.extract import open_extract
    from journeys.cohort.mapping import read_mapping

    folder = extract(HEADLINE)
    vocabulary = load_vocabulary()
    with open_extract(folder, read_mapping(folder / "cohort.mapping.yaml", vocabulary), vocabulary) as opened:
        start = time.perf_counter()
        ours = directly_follows(opened)
        ours_seconds = time.perf_counter() - start
        log = _event_log(opened, pm4py)
    start = time.perf_counter()
    dfg, _, _ = pm4py.discover_dfg(log)
    theirs_seconds = time.perf_counter() - start
    start = time.perf_counter()
    handover = pm4py.discover_handover_of_work_network(log)
    handover_seconds = time.perf_counter() - start
    same_dfg = dict(dfg) == ours
    handover_edges = {tuple(edge) for edge, value in handover.connections.items() if value > 0}
    same_edges = handover_edges == set(ours)  # pm4py counts an agency handing over to itself too
    return [Figure("directly_follows_vs_pm4py", ours_seconds / theirs_seconds, "× pm4py discover_dfg",
                   f"pm4py {theirs_seconds:.2f} s on the same log",
                   detail=f"cohort mode (DuckDB) {ours_seconds:.2f} s; counts identical: {same_dfg}; "
                          f"pm4py hand-over of work network {handover_seconds:.2f} s, same edges: {same_edges}")]


def _event_log(opened, pm4py):
    """The extract's events as pm4py's event log: case = child, activity = agency, timestamp =
    days from birth, rows in cohort mode's own order (ties broken by it)."""
    import pandas as pd

    rows = opened.connection.execute(
        "SELECT n, agency, age, row_number() OVER (ORDER BY n, age, event) AS position FROM c_events "
        "WHERE agency IS NOT NULL AND age <= censor_age ORDER BY n, age, event").fetchall()
    frame = pd.DataFrame(rows, columns=["case", "activity", "age", "position"])
    frame["timestamp"] = pd.Timestamp("2000-01-01") + pd.to_timedelta(frame["age"] * 365.25, unit="D")
    frame["case"] = frame["case"].astype(str)
    frame["org:resource"] = frame["activity"]
    return pm4py.format_dataframe(frame, case_id="case", activity_key="activity", timestamp_key="timestamp")


def run() -> list[Figure]:
    return [headline(), scaling(), *against_pm4py()]


if __name__ == "__main__":
    for figure in run():
        print(figure.line(), f"[{figure.detail}]")
