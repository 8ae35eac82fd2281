"""Where a cold ``journeys poster`` spends its time: milliseconds per phase, medians of fresh
processes. Not a figure of ``make bench`` (no floor, no ratio): the map behind
``poster_vs_graphviz``, for deciding what to make faster.

    python -m bench.poster_phases [--runs N]

Each run is a new process that calls :func:`journeys.cli.main` as the ``journeys`` command does,
on the crowded 150-event persona of :mod:`bench.poster` (A1), with timers wrapped around the
library's steps. A phase's time excludes the phases that run inside it (an import made while
drawing counts as an import, not as drawing); garbage collection is counted inside the phase it
interrupts and also reported on its own line. What no timer covers is "the rest" (the command's
own code, argparse, and whatever poster layout code is not named below). Outside the timers:
starting the interpreter and ending it (from ``main()`` returning to the process gone).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Only the standard library up here: the timed child process is this module too, and whatever
# it imports before the timers start would be missing from the profile.
RUNS = 7
EVENTS = 150  # as bench/poster.py
REST = "the rest (CLI, argparse, poster layout not named below)"


class PhaseClock:
    """Exclusive time per phase: a phase's clock stops while a phase inside it runs."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = {}
        self.collections: list[float] = []
        self._stack: list[list[Any]] = []
        self._collection_start = 0.0

    def enter(self, name: str) -> None:
        self._stack.append([name, time.perf_counter(), 0.0])

    def leave(self) -> None:
        name, start, inner = self._stack.pop()
        spent = time.perf_counter() - start
        self.totals[name] = self.totals.get(name, 0.0) + spent - inner
        if self._stack:
            self._stack[-1][2] += spent

    def timed(self, name: str, function: Callable) -> Callable:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            self.enter(name)
            try:
                return function(*args, **kwargs)
            finally:
                self.leave()
        return wrapper

    def on_collection(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._collection_start = time.perf_counter()
        else:
            self.collections.append(time.perf_counter() - self._collection_start)


# The steps timed, by the module that defines them: each is wrapped the moment its module has
# been imported, before any other module imports it by name. Names the code no longer has are
# skipped (the poster's layout is being rewritten): their time goes to REST.
STEPS: dict[str, list[tuple[str, str]]] = {
    "persona.i18n": [("Catalog.load", "language files")],
    "persona.vocabulary": [("load_vocabulary", "vocabulary")],
    "persona.load": [("read_persona", "persona: read, validate, privacy guard")],
    "persona.atomic": [("write_atomically", "file written")],
    "journeys.workshop": [("load_notes", "the room's notes")],
    "journeys.render.journey": [("prepare", "graph and gap rules")],
    "journeys.render": [(picture, f"DOT: {picture}") for picture in ("timeline", "balance", "ecomap", "legend")],
    "journeys.render.drawing": [("draw", "Graphviz draws (PDF)")],
    "journeys.render.plainpdf": [("place_drawings", "drawings placed on the page")],
    "journeys.render.pages": [("merge_with_pypdf", "drawings placed on the page")],
    "journeys.render.poster": [("refuse_personal_data", "privacy guard again (poster)")],
    "journeys.render.wall_layout": [("wall_layout", "wall poster laid out (wall_layout.py)")],
    "journeys.render.wall_poster": [("draw_wall", "wall poster drawn on the page (wall_poster.py)")],
    "reportlab.pdfbase.ttfonts": [("TTFont.__init__", "font files parsed (reportlab TTFont)")],
    "reportlab.pdfgen.canvas": [("Canvas.showPage", "reportlab writes the page"),
                                ("Canvas.save", "reportlab writes the page")],
}


def _wrap(clock: PhaseClock, module: Any, path: str, phase: str) -> None:
    """Time ``module.path`` (a function, or ``Class.method``) as ``phase``, if it exists."""
    owner, _, attribute = path.rpartition(".")
    target = getattr(module, owner, None) if owner else module
    found = target.__dict__.get(attribute) if isinstance(target, type) else getattr(target, attribute, None)
    if found is None:
        return
    if isinstance(found, classmethod):
        setattr(target, attribute, classmethod(clock.timed(phase, found.__func__)))
    else:
        setattr(target, attribute, clock.timed(phase, found))


def _child(persona_file: str, output: str) -> None:
    """One cold poster with timers; prints the phases as JSON on stdout."""
    import gc
    import importlib._bootstrap as bootstrap

    clock = PhaseClock()
    started = time.perf_counter()
    clock.enter(REST)
    find_and_load = bootstrap._find_and_load

    def imported(name: str, *args: Any) -> Any:
        module = find_and_load(name, *args)
        for path, phase in STEPS.get(name, ()):
            _wrap(clock, module, path, phase)
        return module

    bootstrap._find_and_load = clock.timed("imports (module code run on import included)", imported)
    gc.callbacks.append(clock.on_collection)
    from journeys.cli import main

    sys.argv = ["journeys", "poster", persona_file, "--size", "A1", "-o", output]
    code = main()
    clock.leave()
    if code != 0:
        raise SystemExit(code)
    print(json.dumps({"phases": clock.totals, "timed": time.perf_counter() - started,
                      "collections": sum(clock.collections), "collections_count": len(clock.collections),
                      "ended": time.time()}))


def _one_run(persona: Path, output: Path) -> dict:
    from bench.common import ROOT, process_env

    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "bench.poster_phases", "--child", str(persona), str(output)],
                            cwd=ROOT, env=process_env(), capture_output=True, text=True, check=True)
    measured = json.loads(result.stdout.strip().splitlines()[-1])
    measured["process"] = time.perf_counter() - start
    measured["exit"] = time.time() - measured["ended"]
    return measured


# What any poster made with these libraries pays at the least: importing them, parsing the
# three font files and Graphviz drawing the timeline (argv: the DOT file, then the font files).
LIBRARIES_ALONE = """
import os, sys
import pydantic, yaml
import pygraphviz
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
for number, path in enumerate(sys.argv[2:]):
    pdfmetrics.registerFont(TTFont(f"Font{number}", path))
os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
pygraphviz.AGraph(string=open(sys.argv[1], encoding="utf-8").read()).draw(format="pdf", prog="nop2")
"""


def _seconds(args: list[str]) -> float:
    from bench.common import process_env

    start = time.perf_counter()
    subprocess.run(args, env=process_env(), check=True)
    return time.perf_counter() - start


def profile(runs: int = RUNS) -> list[tuple[str, float, float]]:
    """(phase, median ms, least ms) rows, largest first, then the process and interpreter lines.
    On a shared machine the least of the runs is the steadier figure: load only ever adds."""
    from bench.common import PYTHON_PASS
    from bench.generate import generate_persona_text
    from bench.poster import _timeline_dot

    from journeys.render.fonts import font_family

    with tempfile.TemporaryDirectory() as folder:
        persona = Path(folder) / "trangt.yaml"
        persona.write_text(generate_persona_text(EVENTS, crowded=True), encoding="utf-8")
        dot = Path(folder) / "tidslinje.dot"
        dot.write_text(_timeline_dot(persona), encoding="utf-8")
        libraries = [sys.executable, "-c", LIBRARIES_ALONE, str(dot), *map(str, font_family().files.values())]
        output = Path(folder) / "affisch.pdf"
        _one_run(persona, output)  # warm-up: compiled bytecode cached, files in the page cache
        _seconds(libraries)
        measured, empty, alone = [], [], []
        for _ in range(runs):
            measured.append(_one_run(persona, output))
            empty.append(_seconds(list(PYTHON_PASS)))
            alone.append(_seconds(libraries))
    names = sorted({name for run in measured for name in run["phases"]})
    rows = [(name, [run["phases"].get(name, 0.0) for run in measured]) for name in names]
    rows.sort(key=lambda row: -statistics.median(row[1]))
    rows += [("(garbage collection, inside the phases above)", [run["collections"] for run in measured]),
             ("sum of the phases", [run["timed"] for run in measured]),
             ("interpreter start (process minus phases minus exit)",
              [run["process"] - run["timed"] - run["exit"] for run in measured]),
             ("interpreter exit (after main() returned)", [run["exit"] for run in measured]),
             ("whole process", [run["process"] for run in measured]),
             ("python -c pass (for comparison)", empty),
             ("the libraries alone: import pydantic, PyYAML, reportlab, pygraphviz; parse the three font files; "
              "draw the timeline DOT (for comparison)", alone)]
    return [(name, statistics.median(seconds) * 1000, min(seconds) * 1000) for name, seconds in rows]


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        _child(argv[1], argv[2])
        return 0
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else RUNS
    print("  median    least")
    for name, median, least in profile(runs):
        print(f"{median:8.1f} {least:8.1f} ms  {name}")
    print(f"(medians of {runs} cold processes, {EVENTS}-event crowded persona, A1)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
