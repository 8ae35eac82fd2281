"""poster_vs_graphviz: ``journeys poster`` (A1) on a crowded 150-event persona as a whole
process, against a floor measured in the same run: starting Python (``python -c pass``) plus
Graphviz drawing the same timeline DOT to PDF (in this process, pygraphviz ``nop2``). The three
take turns; medians of several rounds.

poster_watch_vs_graphviz: the same poster re-made by a warm ``journeys poster --watch`` process,
from saving the persona to the new PDF written, against the same floor. Each save changes the
label of the persona's first event, so the timeline is drawn again (the pictures the change does
not touch are not: the process keeps Graphviz's last PDFs). Until the drawings were kept, a
save appended a comment, which changed nothing drawn.

    python -m bench poster
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.common import PYTHON_PASS, ROOT, Figure, interleaved_seconds, process, process_env
from bench.generate import generate_persona_text
from journeys.cli.watch import POLL_SECONDS

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


WATCH_TIMEOUT = 120.0


def _written(output: Path) -> int:
    try:
        return output.stat().st_mtime_ns
    except OSError:
        return -1


def _wait_for_new(output: Path, before: int, watcher: subprocess.Popen) -> None:
    deadline = time.monotonic() + WATCH_TIMEOUT
    while _written(output) == before:
        if watcher.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("journeys poster --watch did not write the poster")
        time.sleep(0.002)


def _edited(text: str, save: int) -> str:
    """The persona with a word added to its first event's label (a correction in the room)."""
    label = text.index('label: "', text.index("\nevents:\n")) + len('label: "')
    return f"{text[:label]}{save} {text[label:]}"


@contextmanager
def _watcher(persona: Path, output: Path) -> Iterator[Callable[[], None]]:
    """A running ``journeys poster --watch``; yields an action: save the persona, wait for the poster."""
    args = [sys.executable, "-m", "journeys", "poster", str(persona), "--size", "A1", "--watch", "-o", str(output)]
    watcher = subprocess.Popen(args, cwd=ROOT, env=process_env(), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    text = persona.read_text(encoding="utf-8")
    saves = [0]
    try:
        _wait_for_new(output, -1, watcher)

        def save_and_wait() -> None:
            saves[0] += 1
            before = _written(output)
            persona.write_text(_edited(text, saves[0]), encoding="utf-8")
            _wait_for_new(output, before, watcher)
        yield save_and_wait
    finally:
        watcher.send_signal(signal.SIGINT)
        try:
            watcher.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(watcher.pid, signal.SIGKILL)
            watcher.wait()


def run(repeats: int = REPEATS) -> list[Figure]:
    with tempfile.TemporaryDirectory() as folder:
        persona = Path(folder) / "trangt.yaml"
        persona.write_text(generate_persona_text(EVENTS, crowded=True), encoding="utf-8")
        dot = _timeline_dot(persona)
        poster = [sys.executable, "-m", "journeys", "poster", str(persona), "--size", "A1",
                  "-o", str(Path(folder) / "affisch.pdf")]
        with _watcher(persona, Path(folder) / "bevakad.pdf") as watched:
            times = interleaved_seconds({"python": process(PYTHON_PASS), "graphviz": lambda: _bare_draw(dot),
                                         "poster": process(poster), "watch": watched}, repeats)
    floor = times["python"] + times["graphviz"]
    common = (f"python -c pass {times['python']:.3f} s; Graphviz timeline PDF {times['graphviz']:.3f} s; "
              f"{EVENTS} events (medians of {repeats})")
    return [Figure("poster_vs_graphviz", times["poster"] / floor, "x", f"{floor:.3f} s", TARGET,
                   detail=f"poster {times['poster']:.3f} s; {common}"),
            Figure("poster_watch_vs_graphviz", times["watch"] / floor, "x", f"{floor:.3f} s", TARGET,
                   detail=f"save (an event's label changed) to new poster in a warm --watch process "
                          f"{times['watch']:.3f} s "
                          f"(polling every {POLL_SECONDS} s); {common}")]


if __name__ == "__main__":
    for figure in run():
        print(figure.line(), f"[{figure.detail}]")
