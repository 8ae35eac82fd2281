"""What every benchmark shares: a figure, medians of repeated runs, whole-process timing."""

from __future__ import annotations

import atexit
import gc
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence

ROOT = Path(__file__).resolve().parent.parent


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
    """The median wall time of ``action`` over ``repeats`` runs, after ``warmup`` runs. The
    garbage collector is collected before each run, so that garbage left by one run (or by an
    earlier benchmark) is not charged to the next; it stays on during the run, as in real use."""
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


@lru_cache(maxsize=1)
def _bytecode_cache() -> str:
    folder = tempfile.mkdtemp(prefix="journeys-bench-pycache-")
    atexit.register(shutil.rmtree, folder, True)
    return folder


def process_env() -> dict[str, str]:
    """The environment of a timed process: Swedish, and Python caching compiled bytecode as it
    does by default (in a folder of this run's own), so that every timed run after the warm-up
    starts like the second run of a command on a user's machine. Some environments switch the
    cache off (``PYTHONDONTWRITEBYTECODE``); every run would then compile the toolkit anew."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "JOURNEYS_LANG": "sv", "PYTHONPYCACHEPREFIX": _bytecode_cache()}


def run_process(args: Sequence[str], cwd: Path = ROOT) -> None:
    """Run a whole process to completion (output discarded); fail loudly if it fails."""
    subprocess.run(list(args), cwd=cwd, env=process_env(), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def process(args: Sequence[str], cwd: Path = ROOT) -> Callable[[], None]:
    """A whole process as an action to time."""
    return lambda: run_process(args, cwd)


PYTHON_PASS = (sys.executable, "-c", "pass")  # the floor of every whole-process figure


def interleaved_seconds(actions: dict[str, Callable[[], object]], repeats: int = 7) -> dict[str, float]:
    """The median wall time of each action, the actions taking turns (after one warm-up run
    each), so that a change in the machine's load touches a figure and its floor alike."""
    for action in actions.values():
        action()
    samples: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(repeats):
        for name, action in actions.items():
            gc.collect()
            start = time.perf_counter()
            action()
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(found) for name, found in samples.items()}
