"""A synthetic cohort of fictional children, the same for the same seed: extracts for cohort mode
(canonical or in a made-up case system's words), and the same children as persona files.

The mix is meant to look like a municipality's children: everyone meets child health care,
preschool and school with their transitions; some meet signals, reports, referrals, waits,
closures, risk factors, bouncing referrals and the cliff at 18. Delays are drawn on both sides
of every rule's window (20, 85 and 95 days around 90; 28 and 35 around BUP's 30), so that each
rule fires for some children and stays quiet for others. Records are cut at the extract date,
so some windows are still open when the extract is taken.

    python -m bench.cohort_generate 50000 /tmp/cohort            # canonical CSV
    python -m bench.cohort_generate 50000 /tmp/cohort --parquet  # canonical Parquet
    python -m bench.cohort_generate 300 /tmp/case --case         # the example case system's words
"""

from __future__ import annotations

import csv
import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Iterator

EXTRACT_DATE = date(2025, 12, 31)
DAYS_PER_YEAR = 365.25
LIFE = 20.5

COLUMNS = {
    "children": ("child", "birth_month", "extract_date"),
    "events": ("child", "event", "date", "agency", "kind", "responds_to", "to", "from", "with", "handover",
               "child_heard"),
    "supports": ("child", "support", "agency", "level", "from", "to"),
    "factors": ("child", "factor", "type", "domain", "from", "to"),
}
# The example case system ("Barnakten", made up): its own column names and codes.
CASE_FILES = {"children": "barn.csv", "events": "handelser.csv", "supports": "insatser.csv",
              "factors": "faktorer.csv"}
CASE_COLUMNS = {
    "children": ("lopnr", "fodelsemanad", "uttagsdatum"),
    "events": ("lopnr", "radnr", "datum", "enhet", "handelsetyp", "svar_pa", "till_enhet", "fran_enhet",
               "med_enheter", "overlamning", "barnet_hort"),
    "supports": ("lopnr", "insatsnr", "enhet", "niva", "startdatum", "slutdatum"),
    "factors": ("lopnr", "faktornr", "typ", "omrade", "fran", "till"),
}
CASE_CODES = {
    "agency": {"bvc": "BVC", "preschool": "FSK", "school": "GRSK", "student_health": "EHT", "social": "IFO-BU",
               "bup": "BUP", "primary": "VC", "police": "POL", "family_treatment": "FAMB",
               "upper_secondary": "GY", "adult_psychiatry": "VUXPSY", "club": "FRI", "youth_centre": "UNGD",
               "field_workers": "FALT"},
    "kind": {"signal": "SIGN", "report": "ORO", "referral": "REM", "contact": "KONT", "assessment": "UTR",
             "decision": "BES", "coordination": "SIP", "closure": "AVSL", "transition": "OVG", "life": "LIV"},
    "level": {"promotive": "U", "preventive": "F", "early": "T", "treatment": "B"},
    "handover": {"full": "FULL", "partial": "DEL", "none": "INGEN"},
    "child_heard": {"true": "J", "false": "N"},
    "type": {"risk": "R", "protective": "S"},
    "domain": {"growth": "UTV", "care": "OMS", "world": "MIL"},
}
CODED = {"agency": "agency", "to": "agency", "from": "agency", "kind": "kind", "level": "level",
         "handover": "handover", "child_heard": "child_heard", "type": "type", "domain": "domain"}
NOTES = ("uppföljning bokad", "samtal med vårdnadshavare", "ingen åtgärd", "planering inför skolstart",
         "återkoppling till skolan", "kontakt avslutad")


@dataclass
class Child:
    """One fictional child: ages in years from the middle of the birth month."""

    number: int
    birth: date            # the 15th of the birth month
    age_at_extract: float
    events: list[dict[str, Any]] = field(default_factory=list)
    supports: list[dict[str, Any]] = field(default_factory=list)
    factors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def pseudonym(self) -> str:
        return f"B{self.number:07d}"

    def day(self, age: float) -> date:
        return self.birth + timedelta(days=round(age * DAYS_PER_YEAR))

    def event(self, age: float, kind: str, **fields: Any) -> str:
        event_id = str(len(self.events) + 1)
        self.events.append({"event": event_id, "age": age, "kind": kind, **fields})
        return event_id

    def support(self, start: float, end: float | None, agency: str, level: str) -> None:
        self.supports.append({"support": str(len(self.supports) + 1), "from": start, "to": end,
                              "agency": agency, "level": level})

    def factor(self, start: float, end: float | None, kind: str, domain: str) -> None:
        self.factors.append({"factor": str(len(self.factors) + 1), "from": start, "to": end,
                             "type": kind, "domain": domain})


def children(count: int, seed: int = 0, ages: tuple[float, float] = (0.0, 21.0)) -> Iterator[Child]:
    """``count`` children, each made from its own seed (so any child is the same in any run)."""
    for number in range(1, count + 1):
        rng = random.Random(seed * 1_000_003 + number)
        age = rng.uniform(*ages)
        birth_day = EXTRACT_DATE - timedelta(days=round(age * DAYS_PER_YEAR))
        birth = date(birth_day.year, birth_day.month, 15)
        child = Child(number, birth, (EXTRACT_DATE - birth).days / DAYS_PER_YEAR)
        _life(child, rng)
        yield child


def _life(child: Child, rng: random.Random) -> None:
    _universal(child, rng)
    if rng.random() < 0.45:
        _worry(child, rng, rng.uniform(1.5, 17.0))
    if rng.random() < 0.12:
        _bounce(child, rng, rng.uniform(6.0, 16.0))
    if rng.random() < 0.2:
        _cliff(child, rng)
    for _ in range(rng.randint(3, 14)):
        age = rng.uniform(0.5, 19.5)
        agency = "preschool" if age < 6 else rng.choice(("school", "youth_centre", "primary", "student_health"))
        child.event(age, "contact", agency=agency, child_heard=rng.choice((None, None, "true", "false")))


def _universal(child: Child, rng: random.Random) -> None:
    for age in (0.1, 0.5, 1.0, 2.5, 4.0):
        child.event(age, "contact", agency="bvc")
    child.event(1.5, "transition", **{"from": "bvc", "to": "preschool", "handover": "full"})
    child.support(1.5, 6.0, "preschool", "promotive")
    child.event(6.0, "transition", **{"from": "preschool", "to": "school",
                                      "handover": rng.choices(("full", "partial", "none"), (6, 3, 1))[0]})
    child.support(6.0, 16.0, "school", "promotive")
    for age in (7.0, 10.0, 13.0):
        child.event(age + rng.uniform(0, 0.5), "contact", agency="school",
                    child_heard=rng.choice((None, "true", "false")))
    child.event(16.0, "transition", **{"from": "school", "to": "upper_secondary",
                                       "handover": rng.choices(("full", "partial", "none"), (5, 3, 2))[0]})
    if rng.random() < 0.3:
        child.factor(7.0, 12.0, "protective", "world")
        child.support(7.0, 12.0, "club", "promotive")


def _worry(child: Child, rng: random.Random, age: float) -> None:
    """A signal, maybe a referral to BUP, maybe a report to social services."""
    agency = "preschool" if age < 6 else "school"
    signal = child.event(age, "signal", agency=agency)
    delay = rng.choice((20, 60, 85, 95, 120, 200, None))
    if delay is not None:
        child.event(age + delay / DAYS_PER_YEAR, "contact", agency="student_health" if age >= 6 else "bvc",
                    responds_to=signal, child_heard=rng.choice((None, "true")))
    if rng.random() < 0.5:
        start = age + 0.25
        referral = child.event(start, "referral", agency="student_health" if age >= 6 else "bvc", to="bup")
        wait = rng.choice((15, 28, 35, 60, 100, None))
        if wait is not None:
            first = start + wait / DAYS_PER_YEAR
            child.event(first, "contact", agency="bup", responds_to=referral, child_heard=rng.choice((None, "true")))
            child.support(first, first + rng.uniform(0.5, 2.0), "bup", rng.choice(("early", "treatment")))
    if rng.random() < 0.45:
        _report(child, rng, age + 0.5, agency)


def _report(child: Child, rng: random.Random, age: float, agency: str) -> None:
    report = child.event(age, "report", agency=agency, to="social")
    for number in range(rng.randint(1, 4)):
        domain = ("care", "world", "growth")[number % 3]
        child.factor(age - rng.uniform(0, 1), age + rng.uniform(1, 4), "risk", domain)
    answer = rng.choice((7, 20, 60, 130))
    assessment = child.event(age + answer / DAYS_PER_YEAR, "assessment", agency="social", responds_to=report)
    if rng.random() < 0.5:
        child.event(age + (answer + 120) / DAYS_PER_YEAR, "closure", agency="social", responds_to=assessment)
    else:
        child.event(age + (answer + 100) / DAYS_PER_YEAR, "decision", agency="social", responds_to=assessment)
        child.support(age + (answer + 110) / DAYS_PER_YEAR, age + rng.uniform(1, 3), "family_treatment",
                      rng.choice(("preventive", "early", "treatment")))
        if rng.random() < 0.5:
            child.event(age + (answer + 140) / DAYS_PER_YEAR, "coordination", agency="social",
                        **{"with": "school;bup"})


def _bounce(child: Child, rng: random.Random, age: float) -> None:
    first = child.event(age, "referral", agency="primary", to="bup")
    back = child.event(age + 0.2, "referral", agency="bup", to="primary", responds_to=first)
    child.event(age + 0.4, "referral", agency="primary", to="bup", responds_to=back)
    if rng.random() < 0.3:
        child.event(age + 0.5, "contact", agency="police")


def _cliff(child: Child, rng: random.Random) -> None:
    child.support(16.0, 18.0, "bup", "treatment")
    if rng.random() < 0.5:
        child.event(18.0, "transition", **{"from": "bup", "to": "adult_psychiatry",
                                           "handover": rng.choice(("none", "partial", "full"))})


# --- what the extract holds ----------------------------------------------------------------
def observed(child: Child) -> Child:
    """The child as the extract sees it: nothing after the extract date or past ``LIFE``;
    supports and factors still running have no end date."""
    cut = min(child.age_at_extract, LIFE)

    def seen(age: float) -> bool:
        return child.day(age) <= EXTRACT_DATE and age <= cut

    kept = Child(child.number, child.birth, child.age_at_extract)
    kept.events = [e for e in child.events if seen(e["age"])]
    for name in ("supports", "factors"):
        periods = [dict(p) for p in getattr(child, name) if seen(p["from"])]
        for period in periods:
            if period["to"] is not None and not seen(period["to"]):
                period["to"] = None
        setattr(kept, name, periods)
    return kept


def rows(child: Child) -> dict[str, list[list[str]]]:
    """The child's rows in the canonical extract format (dates as text)."""
    day = child.day

    def text(value: Any) -> str:
        return "" if value is None else str(value)

    found: dict[str, list[list[str]]] = {
        "children": [[child.pseudonym, child.birth.strftime("%Y-%m"), EXTRACT_DATE.isoformat()]],
        "events": [], "supports": [], "factors": [],
    }
    for event in child.events:
        fields = {**event, "child": child.pseudonym, "date": day(event["age"]).isoformat()}
        found["events"].append([text(fields.get(c)) for c in COLUMNS["events"]])
    for name in ("supports", "factors"):
        for period in getattr(child, name):
            fields = {**period, "child": child.pseudonym, "from": day(period["from"]).isoformat(),
                      "to": day(period["to"]).isoformat() if period["to"] is not None else None}
            found[name].append([text(fields.get(c)) for c in COLUMNS[name]])
    return found


def _as_case_system(table: str, row: list[str], rng: random.Random) -> list[str]:
    coded = []
    for column, value in zip(COLUMNS[table], row):
        code_list = CODED.get(column) if table == "events" or column not in ("from", "to") else None
        if table == "events" and column == "with" and value:
            value = ";".join(CASE_CODES["agency"][a] for a in value.split(";"))
        elif code_list and value and not (table == "children"):
            value = CASE_CODES[code_list][value]
        coded.append(value)
    if table == "events":
        coded.append(rng.choice(NOTES) if rng.random() < 0.3 else "")
    return coded


def write_extract(folder: str | Path, count: int, seed: int = 0, parquet: bool = False, case: bool = False,
                  ages: tuple[float, float] = (0.0, 21.0)) -> Path:
    """The extract of ``count`` children as CSV (or Parquet) files in ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    names = CASE_FILES if case else {t: f"{t}.csv" for t in COLUMNS}
    handles = {t: (folder / name).open("w", newline="", encoding="utf-8") for t, name in names.items()}
    rng = random.Random(seed)
    try:
        writers = {t: csv.writer(h) for t, h in handles.items()}
        for table, writer in writers.items():
            header = CASE_COLUMNS[table] + (("anteckning",) if table == "events" else ()) if case else COLUMNS[table]
            writer.writerow(header)
        for child in children(count, seed, ages):
            for table, found in rows(observed(child)).items():
                writers[table].writerows(_as_case_system(table, r, rng) if case else r for r in found)
    finally:
        for handle in handles.values():
            handle.close()
    if parquet:
        _to_parquet(folder, names)
    return folder


def _to_parquet(folder: Path, names: dict[str, str]) -> None:
    import duckdb

    with duckdb.connect() as con:
        for name in names.values():
            source = folder / name
            con.execute(f"COPY (SELECT * FROM read_csv('{source}', all_varchar=true, header=true)) "
                        f"TO '{source.with_suffix('.parquet')}' (FORMAT parquet)")
            source.unlink()


# --- the same children as persona files ----------------------------------------------------
def persona_text(child: Child) -> str:
    """The observed child as a persona file, ages as cohort mode computes them from the dates
    (days from the middle of the birth month / 365.25), ending at the extract date (``ends``)."""
    seen = observed(child)
    censor = round((EXTRACT_DATE - child.birth).days / DAYS_PER_YEAR, 6)

    def age(value: float) -> float:
        return round((child.day(value) - child.birth).days / DAYS_PER_YEAR, 6)

    events = sorted(seen.events, key=lambda e: (age(e["age"]), e["event"]))
    ids = {e["event"]: f"e{i}" for i, e in enumerate(events, start=1)}
    lines = ["schema: 1.1", f"id: c{child.number}", f"name: Barn {child.number}",
             f"ends: {{age: {censor}, reason: other}}", "events:"]
    for event in events:
        lines.append(f"  - {_event_yaml(event, ids, age(event['age']))}")
    for name, fields in (("supports", ("agency", "level")), ("factors", ("type", "domain"))):
        periods = [p for p in getattr(seen, name) if age(p["from"]) <= censor]
        lines.append(f"{name}:" if periods else f"{name}: []")
        for index, period in enumerate(periods, start=1):
            start = age(period["from"])
            end = None if period["to"] is None else max(start, age(period["to"]))
            until = f", to: {end}" if end is not None and end <= censor else ""  # still running: no end
            extra = ", ".join(f"{f}: {period[f]}" for f in fields)
            label = f", label: {period['type']}" if name == "factors" else ""
            lines.append(f"  - {{id: {name[0]}{index}, from: {start}{until}, {extra}{label}}}")
    return "\n".join(lines) + "\n"


def _event_yaml(event: dict[str, Any], ids: dict[str, str], age: float) -> str:
    kind = event["kind"]
    parts = [f"id: {ids[event['event']]}", f"age: {age}", f"kind: {kind}"]
    if kind == "transition":
        parts += [f"from: {event['from']}", f"to: {event['to']}", f"handover: {event['handover']}"]
    else:
        parts.append(f"agency: {event['agency']}")
        if event.get("to"):
            parts.append(f"to: {event['to']}")
    if kind == "coordination" and event.get("with"):
        parts.append(f"with: [{', '.join(event['with'].split(';'))}]")
    if kind in ("signal", "contact", "assessment", "decision", "life"):
        parts.append(f"label: {kind}")
    if event.get("child_heard") is not None:
        parts.append(f"child_heard: {event['child_heard']}")
    if event.get("responds_to") in ids:
        parts.append(f"responds_to: {ids[event['responds_to']]}")
    return "{" + ", ".join(parts) + "}"


def main(argv: list[str]) -> int:
    count, folder = int(argv[0]), Path(argv[1])
    write_extract(folder, count, parquet="--parquet" in argv, case="--case" in argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
