"""engine: load + validate + graph + all rules on generated personas of 100, 1,000 and 10,000
events; the fitted exponent of time against size (1.0 is linear), per stage and per rule, next
to the exponent of a bare YAML parse of the same texts measured in the same run (the floor: a
linear operation, so its exponent shows how much noise and memory effects add); the time at
10,000 events as a ratio to that bare parse; and the peak memory at 10,000 events (tracemalloc)
against the size of the text.

    python -m bench engine
"""

from __future__ import annotations

import gc
import math
import statistics
import time
import tracemalloc
from typing import Callable

import yaml

from persona.load import parse_persona
from persona.vocabulary import load_vocabulary

from bench.common import Figure
from bench.generate import generate_persona_text
from journeys.gaps import find_gaps, rule_settings
from journeys.gaps.rules import RULES
from journeys.graph import build_graph

SIZES = (100, 1_000, 10_000)
REPEATS = {100: 9, 1_000: 7, 10_000: 5}
EXPONENT_TARGET = 1.25
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def median_seconds(action: Callable[[], object], repeats: int) -> float:
    """The median of ``repeats`` timed runs after one warm-up, with the garbage collector
    collected before and paused during each run (as ``timeit`` does), so that a collection
    triggered by an earlier stage is not charged to a later one."""
    action()
    samples = []
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            action()
            samples.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return statistics.median(samples)


def fitted_exponent(sizes: tuple[int, ...], seconds: list[float]) -> float:
    """The slope of log(time) against log(size), least squares."""
    xs, ys = [math.log(s) for s in sizes], [math.log(max(t, 1e-9)) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


class Stages:
    """One persona text, and each stage of the engine as a callable to time."""

    def __init__(self, text: str):
        self.text = text
        self.vocabulary = load_vocabulary()
        self.loaded = parse_persona(text, "bench.yaml", self.vocabulary)
        self.graph = build_graph(self.loaded.persona, self.loaded.vocabulary)
        self.settings = rule_settings(self.loaded.vocabulary)

    def load(self) -> object:
        return parse_persona(self.text, "bench.yaml", self.vocabulary)

    def build(self) -> object:
        return build_graph(self.loaded.persona, self.loaded.vocabulary)

    def rules(self) -> object:
        return find_gaps(self.graph, self.settings)

    def one_rule(self, rule: str) -> Callable[[], object]:
        return lambda: list(RULES[rule].find(self.graph, self.settings.params(rule)))

    def everything(self) -> object:
        loaded = parse_persona(self.text, "bench.yaml", self.vocabulary)
        return find_gaps(build_graph(loaded.persona, loaded.vocabulary))

    def bare_parse(self) -> object:
        return yaml.load(self.text, Loader=_LOADER)


def _timings(stages: dict[int, Stages], pick: Callable[[Stages], Callable[[], object]]) -> list[float]:
    return [median_seconds(pick(stages[n]), repeats=REPEATS[n]) for n in SIZES]


def _peak_megabytes(text: str) -> float:
    vocabulary = load_vocabulary()
    tracemalloc.start()
    loaded = parse_persona(text, "bench.yaml", vocabulary)
    find_gaps(build_graph(loaded.persona, loaded.vocabulary))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def _exponent_figure(name: str, seconds: list[float], floor_exponent: float) -> Figure:
    return Figure(name, fitted_exponent(SIZES, seconds), "(time ∝ size^x)",
                  f"bare YAML parse {floor_exponent:.2f}; 1.0 = linear", EXPONENT_TARGET,
                  detail=", ".join(f"{n}: {t * 1000:.2f} ms" for n, t in zip(SIZES, seconds)))


def run() -> list[Figure]:
    stages = {n: Stages(generate_persona_text(n, seed=n)) for n in SIZES}
    largest = stages[SIZES[-1]]
    floor = _timings(stages, lambda s: s.bare_parse)
    floor_exponent = fitted_exponent(SIZES, floor)
    total = _timings(stages, lambda s: s.everything)
    figures = [
        _exponent_figure("engine_exponent", total, floor_exponent),
        Figure("engine_10000_events", total[-1] / floor[-1], "x",
               f"bare YAML parse of the same text {floor[-1] * 1000:.0f} ms",
               detail=f"load+validate+graph+rules {total[-1] * 1000:.0f} ms, {len(largest.rules())} gaps"),
    ]
    for name, pick in (("load_validate", lambda s: s.load), ("graph", lambda s: s.build), ("rules", lambda s: s.rules)):
        figures.append(_exponent_figure(f"engine_exponent.{name}", _timings(stages, pick), floor_exponent))
    for rule in RULES:
        figures.append(_exponent_figure(f"rule_exponent.{rule}", _timings(stages, lambda s, r=rule: s.one_rule(r)),
                                        floor_exponent))
    text_mb = len(largest.text.encode("utf-8")) / 2**20
    figures.append(Figure("engine_peak_memory_10000_events", _peak_megabytes(largest.text), "MB",
                          f"persona text {text_mb:.2f} MB"))
    return figures


if __name__ == "__main__":
    for figure in run():
        print(figure.line() + (f"  [{figure.detail}]" if figure.detail else ""))
