"""What every benchmark shares: a figure, medians of repeated runs, whole-process timing."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Sequence

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Figure:
    """One measured figure: usually a ratio against a floor measured in the same run."""

    name: str
    value: float
    unit: str
    floor: str = ""
    target: float | None = None
    detail: str = ""

    def line(self) -> str:
        floor = f" (floor: {self.floor})" if self.floor else ""
        target = ""
        if self.target is not None:
            verdict = "met" if self.value <= self.target else "MISSED"
            target = f" [target ≤ {self.target:g}: {verdict}]"
        return f"{self.name}: {self.value:.3g} {self.unit}{floor}{target}"

    def as_dict(self) -> dict:
        return asdict(self)


def median_seconds(action: Callable[[], object], repeats: int = 7, warmup: int = 1) -> float:
    """The median wall time of ``action`` over ``repeats`` runs, after ``warmup`` runs."""
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def run_process(args: Sequence[str], cwd: Path = ROOT) -> None:
    """Run a whole process to completion (output discarded); fail loudly if it fails."""
    env = {**os.environ, "JOURNEYS_LANG": "sv"}
    subprocess.run(list(args), cwd=cwd, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def process_seconds(args: Sequence[str], repeats: int = 7, cwd: Path = ROOT) -> float:
    return median_seconds(lambda: run_process(args, cwd), repeats=repeats)


def python_floor(repeats: int = 7) -> float:
    """``python -c pass``: the cost of starting any Python process here."""
    return process_seconds([sys.executable, "-c", "pass"], repeats)
