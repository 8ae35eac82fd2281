"""engine_scaling_exponent: load + validate + graph + all rules on generated personas of 100,
1,000 and 10,000 events; the fitted exponent of time against size (1.0 is linear), next to the
exponent of a bare YAML parse of the same texts measured in the same run (the floor: a linear
operation, so its exponent shows how much noise and memory effects add); and the peak memory
at 10,000 events (tracemalloc) against the size of the text.

The figure's detail gives the times per size and the exponent of each stage (load + validate,
graph, rules), so that a stage that stops scaling shows which one it is.

    python -m bench engine
"""

from __future__ import annotations

import math
import tracemalloc
from typing import Callable

import yaml

from persona.load import parse_persona
from persona.vocabulary import load_vocabulary

from bench.common import Figure, median_seconds
from bench.generate import generate_persona_text
from journeys.gaps import find_gaps, rule_settings
from journeys.graph import build_graph

SIZES = (100, 1_000, 10_000)
REPEATS = {100: 15, 1_000: 9, 10_000: 5}
TARGET = 1.15
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def fitted_exponent(sizes: tuple[int, ...], seconds: list[float]) -> float:
    """The slope of log(time) against log(size), least squares."""
    xs, ys = [math.log(s) for s in sizes], [math.log(max(t, 1e-9)) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


class Stages:
    """One persona text, and each stage of the engine as a callable to time."""

    def __init__(self, yaml_text: str):
        self.yaml_text = yaml_text
        self.vocabulary = load_vocabulary()
        self.loaded = parse_persona(yaml_text, "bench.yaml", self.vocabulary)
        self.graph = build_graph(self.loaded.persona, self.loaded.vocabulary)
        self.settings = rule_settings(self.loaded.vocabulary)

    def everything(self) -> object:
        """What the figure times: the text to the gaps."""
        loaded = parse_persona(self.yaml_text, "bench.yaml", self.vocabulary)
        return find_gaps(build_graph(loaded.persona, loaded.vocabulary))

    def load(self) -> object:
        return parse_persona(self.yaml_text, "bench.yaml", self.vocabulary)

    def build(self) -> object:
        return build_graph(self.loaded.persona, self.loaded.vocabulary)

    def rules(self) -> object:
        return find_gaps(self.graph, self.settings)

    def bare_parse(self) -> object:
        return yaml.load(self.yaml_text, Loader=_LOADER)


def _timings(stages: dict[int, Stages], pick: Callable[[Stages], Callable[[], object]]) -> list[float]:
    return [median_seconds(pick(stages[n]), repeats=REPEATS[n]) for n in SIZES]


def _peak_megabytes(yaml_text: str) -> float:
    vocabulary = load_vocabulary()
    tracemalloc.start()
    try:
        loaded = parse_persona(yaml_text, "bench.yaml", vocabulary)
        find_gaps(build_graph(loaded.persona, loaded.vocabulary))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20


def run() -> list[Figure]:
    stages = {n: Stages(generate_persona_text(n, seed=n)) for n in SIZES}
    floor = fitted_exponent(SIZES, _timings(stages, lambda s: s.bare_parse))
    total = _timings(stages, lambda s: s.everything)
    parts = {name: fitted_exponent(SIZES, _timings(stages, pick))
             for name, pick in (("load+validate", lambda s: s.load), ("graph", lambda s: s.build),
                                ("rules", lambda s: s.rules))}
    largest = stages[SIZES[-1]]
    text_mb = len(largest.yaml_text.encode("utf-8")) / 2**20
    return [
        Figure("engine_scaling_exponent", fitted_exponent(SIZES, total), "(time ∝ events^x)",
               f"bare YAML parse of the same texts {floor:.2f}; 1.0 = linear", TARGET,
               detail=", ".join(f"{n} events {t * 1000:.1f} ms" for n, t in zip(SIZES, total))
               + "; stages: " + ", ".join(f"{name} {x:.2f}" for name, x in parts.items())
               + f"; {len(largest.rules())} gaps at {SIZES[-1]}"),
        Figure("engine_peak_memory_10000_events", _peak_megabytes(largest.yaml_text), "MB",
               f"persona text {text_mb:.2f} MB", detail="tracemalloc peak of load + validate + graph + rules"),
    ]


if __name__ == "__main__":
    for figure in run():
        print(figure.line(), f"[{figure.detail}]")
