"""poster_vs_graphviz: ``journeys poster`` on a 150-event persona as a whole process, against
a floor measured in the same run: starting Python (``python -c pass``) plus Graphviz drawing
the same timeline DOT to PDF (in-process, pygraphviz ``nop2``), medians of several runs."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bench.big_persona import big_persona_text
from bench.common import Figure, median_seconds, process_seconds, python_floor

EVENTS = 150
TARGET = 3.0


def _timeline_dot(persona: Path) -> str:
    from persona.i18n import Catalog
    from persona.load import read_persona

    from journeys import render
    from journeys.render.journey import prepare

    journey = prepare(read_persona(persona))
    text = Catalog.load("sv", packages=("persona", "journeys"))
    return render.timeline(journey.graph, journey.gaps, text, comparison=None, legend=False).dot


def _bare_draw(dot: str) -> None:
    import pygraphviz

    pygraphviz.AGraph(string=dot).draw(format="pdf", prog="nop2")


def run(repeats: int = 5) -> list[Figure]:
    with tempfile.TemporaryDirectory() as folder:
        persona = Path(folder) / "stor.yaml"
        persona.write_text(big_persona_text(EVENTS), encoding="utf-8")
        out = Path(folder) / "stor.pdf"
        dot = _timeline_dot(persona)
        python = python_floor(repeats)
        graphviz = median_seconds(lambda: _bare_draw(dot), repeats=repeats)
        poster = process_seconds([sys.executable, "-m", "journeys", "poster", str(persona), "--size", "A1",
                                  "-o", str(out)], repeats=repeats)
    floor = python + graphviz
    return [Figure("poster_vs_graphviz", poster / floor, "x", f"{floor:.3f} s", TARGET,
                   detail=f"poster {poster:.3f} s; python -c pass {python:.3f} s; Graphviz timeline PDF {graphviz:.3f} s; {EVENTS} events")]


if __name__ == "__main__":
    for figure in run():
        print(figure.line())
        print(figure.detail)
