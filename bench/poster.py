"""poster_vs_graphviz: ``journeys poster`` (A1) on a crowded 150-event persona as a whole
process, against a floor measured in the same run: starting Python (``python -c pass``) plus
Graphviz drawing the same timeline DOT to PDF (in this process, pygraphviz ``nop2``). The three
take turns; medians of several rounds.

    python -m bench poster
"""

from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from bench.common import PYTHON_PASS, Figure, interleaved_seconds, process
from bench.generate import generate_persona_text

EVENTS = 150
TARGET = 3.0
REPEATS = 11


def _timeline_dot(persona: Path) -> str:
    from persona.i18n import Catalog
    from persona.load import read_persona

    from journeys import render
    from journeys.render.journey import prepare

    journey = prepare(read_persona(persona))
    text = Catalog.load("sv", packages=("persona", "journeys"))
    return render.timeline(journey.graph, journey.gaps, text, comparison=None, legend=False).dot


@contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Graphviz's warnings go to the C stderr; the poster command keeps them off the terminal,
    and so does the floor."""
    saved = os.dup(2)
    with open(os.devnull, "wb") as devnull:
        os.dup2(devnull.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def _bare_draw(dot: str) -> None:
    import pygraphviz

    with _quiet_stderr():
        pygraphviz.AGraph(string=dot).draw(format="pdf", prog="nop2")


def run(repeats: int = REPEATS) -> list[Figure]:
    with tempfile.TemporaryDirectory() as folder:
        persona = Path(folder) / "trangt.yaml"
        persona.write_text(generate_persona_text(EVENTS, crowded=True), encoding="utf-8")
        dot = _timeline_dot(persona)
        poster = [sys.executable, "-m", "journeys", "poster", str(persona), "--size", "A1",
                  "-o", str(Path(folder) / "affisch.pdf")]
        times = interleaved_seconds({"python": process(PYTHON_PASS), "graphviz": lambda: _bare_draw(dot),
                                     "poster": process(poster)}, repeats)
    floor = times["python"] + times["graphviz"]
    return [Figure("poster_vs_graphviz", times["poster"] / floor, "x", f"{floor:.3f} s", TARGET,
                   detail=f"poster {times['poster']:.3f} s; python -c pass {times['python']:.3f} s; "
                          f"Graphviz timeline PDF {times['graphviz']:.3f} s; {EVENTS} events (medians of {repeats})")]


if __name__ == "__main__":
    for figure in run():
        print(figure.line(), f"[{figure.detail}]")
