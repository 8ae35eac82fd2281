"""offer: what the service catalogue and the cost add to a command, as whole processes taking
turns (medians), each against ``journeys gaps`` on the same persona in the same run.

- ``catalogue_overhead``: ``journeys gaps noor.yaml --catalogue exempelstad.catalogue.yaml``
  against ``journeys gaps noor.yaml``.
- ``cost_vs_compare``: ``journeys cost noor.yaml --scenario ett-familjeombud --format json``
  against ``journeys gaps noor.yaml --scenario ett-familjeombud --compare`` (the same reading
  and scenario, without the cost).

    python -m bench offer
"""

from __future__ import annotations

import sys

from bench.common import ROOT, Figure, interleaved_seconds, process

REPEATS = 9
NOOR = str(ROOT / "examples" / "noor.yaml")
CATALOGUE = str(ROOT / "examples" / "exempelstad.catalogue.yaml")
JOURNEYS = [sys.executable, "-m", "journeys"]


def run() -> list[Figure]:
    times = interleaved_seconds({
        "gaps": process(JOURNEYS + ["gaps", NOOR]),
        "gaps_catalogue": process(JOURNEYS + ["gaps", NOOR, "--catalogue", CATALOGUE]),
        "compare": process(JOURNEYS + ["gaps", NOOR, "--scenario", "ett-familjeombud", "--compare"]),
        "cost": process(JOURNEYS + ["cost", NOOR, "--scenario", "ett-familjeombud", "--format", "json"]),
    }, REPEATS)
    return [
        Figure("catalogue_overhead", times["gaps_catalogue"] / times["gaps"], "x",
               f"journeys gaps noor.yaml {times['gaps'] * 1000:.0f} ms",
               detail=f"with --catalogue {times['gaps_catalogue'] * 1000:.0f} ms (medians of {REPEATS})"),
        Figure("cost_vs_compare", times["cost"] / times["compare"], "x",
               f"journeys gaps --scenario --compare {times['compare'] * 1000:.0f} ms",
               detail=f"journeys cost --scenario {times['cost'] * 1000:.0f} ms (medians of {REPEATS})"),
    ]


if __name__ == "__main__":
    for figure in run():
        print(figure.line(), f"[{figure.detail}]")
