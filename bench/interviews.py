"""interviews: ``journeys compose`` and ``journeys provenance`` on 200 interview records of 30
evidence items each, against a bare YAML parse of the same files. Whole processes taking turns;
medians.

    python -m bench interviews
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

from bench.common import Figure, interleaved_seconds, process, run_process

RECORDS = 200
ITEMS_EACH = 30
REPEATS = 5
BARE_PARSE = (
    "import sys, pathlib, yaml\n"
    "loader = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.interview.yaml')):\n"
    "    yaml.load(p.read_text(encoding='utf-8'), Loader=loader)\n"
)
_KINDS = (("signal", "school"), ("contact", "student_health"), ("report", "school"), ("closure", "social"),
          ("contact", "bvc"), ("assessment", "social"))
_AGES = (1, 2, 4, 5, 7, 8, 11, 12, 14, 15, 17)


def interview_record_text(index: int, seed: int = 0) -> str:
    """A valid interview record of ``ITEMS_EACH`` evidence items, the same for the same index and seed."""
    pick = random.Random(seed * 1000 + index)
    lines = ["interview: 1", f"id: i-{index:03d}", f"family: f-{index:03d}", "month: 2024-01", "roles: [parent]",
             "child_age_band: 10-13", "consent: paraphrase", 'codebook: "1"', "evidence:"]
    for item in range(ITEMS_EACH):
        kind, agency = pick.choice(_KINDS)
        lines.append(f"  - {{kind: {kind}, code: c{pick.randint(0, 9)}, agency: {agency}, "
                     f"age: {pick.choice(_AGES)}, paraphrase: Omskrivning {item}}}")
    return "\n".join(lines) + "\n"


def write_folder(folder: Path) -> None:
    for index in range(RECORDS):
        (folder / f"i-{index:03d}.interview.yaml").write_text(interview_record_text(index), encoding="utf-8")


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "intervjuer"
        folder.mkdir()
        write_folder(folder)
        persona = Path(tmp) / "persona.yaml"
        run_process([sys.executable, "-m", "journeys", "compose", str(folder), "-o", str(persona)])
        drafts = Path(tmp) / "drafts"
        drafts.mkdir()
        counter = iter(range(10**6))

        def compose() -> None:  # compose never overwrites: a new file each run
            run_process([sys.executable, "-m", "journeys", "compose", str(folder), "-o",
                         str(drafts / f"p{next(counter)}.yaml")])

        times = interleaved_seconds({
            "bare": process([sys.executable, "-c", BARE_PARSE, str(folder)]),
            "compose": compose,
            "provenance": process([sys.executable, "-m", "journeys", "provenance", str(persona), "--interviews",
                                   str(folder)]),
        }, REPEATS)
        elements = persona.read_text(encoding="utf-8").count("\n  - id:")
    floor = times["bare"]
    detail = f"{RECORDS} records × {ITEMS_EACH} items, {elements} elements (medians of {REPEATS})"
    return [Figure(name, times[name] / floor, "x", f"bare YAML parse of the {RECORDS} records {floor:.2f} s",
                   detail=f"journeys {name} {times[name]:.2f} s, {detail}") for name in ("compose", "provenance")]


if __name__ == "__main__":
    for figure in run():
        print(figure.line(), f"[{figure.detail}]")
