"""Writers racing each other in separate processes: the room's notes and persona saves.

    python -m tests.racing notes FOLDER [--root CHECKOUT]   # 2 processes × 250 changes; how many lost
    python -m tests.racing saves FOLDER [--root CHECKOUT]   # 5 rounds × 8 racing saves; silent losses

``--root`` runs the writers with another checkout's library (e.g. the code before a change).
Used by tests/test_racing.py and for the figures in the notes of issue 11.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PERSONA = "schema: 1\nid: kim\nname: Kim\n"

_NOTES_WRITER = textwrap.dedent("""
    import inspect, sys, time
    from pathlib import Path
    from journeys import workshop
    persona, who, count, start_at = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    with_author = "author" in inspect.signature(workshop.add_idea).parameters
    while time.time() < start_at:
        time.sleep(0.001)
    for number in range(count):
        if number % 2 == 0:
            workshop.update_note(persona, "kim", "votes@x", workshop.add_votes(1))
        elif with_author:
            workshop.update_note(persona, "kim", "ideas@x", workshop.add_idea(f"{who}-{number}", who))
        else:
            workshop.update_note(persona, "kim", "ideas@x", workshop.add_idea(f"{who}-{number}"))
""")

_SAVER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    try:
        from persona.saving import PersonaChangedOnDisk, open_for_edit, save
    except ImportError:  # a checkout from before persona/edit.py was split (--root)
        from persona.edit import PersonaChangedOnDisk, open_for_edit, save
    path, who, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    opened = open_for_edit(path)
    new_text = opened.yaml_text + f"summary: saved by {who}\\n"
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.0005)
    try:
        save(opened, new_text)
        print("saved")
    except PersonaChangedOnDisk:
        print("refused")
""")


def _start(script: str, args: list[str], root: Path | None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", script, *args], cwd=root or ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def race_notes(folder: Path, processes: int = 2, each: int = 250, root: Path | None = None) -> dict[str, int]:
    """``processes`` writers change the same sidecar ``each`` times (votes and ideas, in turn)."""
    import time

    persona = folder / "kim.yaml"
    persona.write_text(PERSONA, encoding="utf-8")
    start_at = time.time() + 1.5
    writers = [_start(_NOTES_WRITER, [str(persona), f"p{n}", str(each), str(start_at)], root)
               for n in range(processes)]
    errors = [w.communicate(timeout=600)[1] for w in writers]
    if any(w.returncode for w in writers):
        raise RuntimeError("a writer failed: " + " | ".join(e[-300:] for e in errors))
    from journeys.workshop import load_notes

    notes = load_notes(persona, "kim")
    votes_expected = processes * ((each + 1) // 2)
    ideas_expected = processes * (each // 2)
    votes = notes.note("votes@x").votes
    ideas = len(set(notes.note("ideas@x").ideas))
    return {"operations": processes * each, "lost": (votes_expected - votes) + (ideas_expected - ideas),
            "votes_lost": votes_expected - votes, "ideas_lost": ideas_expected - ideas}


def race_saves(folder: Path, rounds: int = 5, processes: int = 8, root: Path | None = None) -> dict[str, int]:
    """In each round ``processes`` savers open the same file and save different texts at once.
    A silent loss is a save that said "saved" and whose text is not on disk."""
    path = folder / "race.yaml"
    saves = silent_losses = refused = 0
    for number in range(rounds):
        path.write_text(PERSONA, encoding="utf-8")
        go = folder / f"go-{number}"
        savers = [_start(_SAVER, [str(path), f"s{n}", str(go)], root) for n in range(processes)]
        for saver in savers:  # every saver has opened the file before any saves
            assert saver.stdout is not None and saver.stdout.readline().strip() == "ready"
        go.touch()
        said = {}
        for n, saver in enumerate(savers):
            out, err = saver.communicate(timeout=120)
            if saver.returncode:
                raise RuntimeError("a saver failed: " + err[-300:])
            said[f"s{n}"] = out.strip()
        on_disk = path.read_text(encoding="utf-8")
        for who, outcome in said.items():
            saves += 1
            if outcome == "saved" and f"saved by {who}\n" not in on_disk:
                silent_losses += 1
            refused += outcome == "refused"
    return {"saves": saves, "silent_losses": silent_losses, "refused": refused}


def fast_folder() -> str | None:
    """A folder in memory (tmpfs) where there is one: fsync costs nothing there, so the race is
    about the locking, not the disk."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() else None


# --- the same races with forked processes: they start in milliseconds (the library is imported
# once, before the fork), so the suite can afford them ---

def _fork_notes_writer(persona: Path, who: str, count: int, go: Any) -> None:
    from journeys import workshop

    go.wait()
    for number in range(count):
        if _is_idea(number):
            workshop.update_note(persona, "kim", "ideas@x", workshop.add_idea(f"{who}-{number}", who))
        else:
            workshop.update_note(persona, "kim", "votes@x", workshop.add_votes(1))


def _is_idea(number: int) -> bool:
    """Every fifth change adds an idea, the others vote (the file stays small, the race fast)."""
    return number % 5 == 4


def race_notes_forked(folder: Path, processes: int = 2, each: int = 250) -> dict[str, int]:
    import multiprocessing

    from journeys.workshop import load_notes

    context = multiprocessing.get_context("fork")
    persona = folder / "kim.yaml"
    persona.write_text(PERSONA, encoding="utf-8")
    go = context.Event()
    writers = [context.Process(target=_fork_notes_writer, args=(persona, f"p{n}", each, go))
               for n in range(processes)]
    for writer in writers:
        writer.start()
    go.set()
    for writer in writers:
        writer.join(600)
    if any(w.exitcode for w in writers):
        raise RuntimeError("a writer failed")
    notes = load_notes(persona, "kim")
    idea_count = sum(_is_idea(number) for number in range(each))
    votes = processes * (each - idea_count) - notes.note("votes@x").votes
    ideas = processes * idea_count - len(set(notes.note("ideas@x").ideas))
    return {"operations": processes * each, "lost": votes + ideas, "votes_lost": votes, "ideas_lost": ideas}


def _fork_saver(path: Path, who: str, ready: Any, go: Any, said: Any) -> None:
    from persona.saving import PersonaChangedOnDisk, open_for_edit, save

    opened = open_for_edit(path)
    ready.release()
    go.wait()
    try:
        save(opened, opened.yaml_text + f"summary: saved by {who}\n")
        said.put((who, "saved"))
    except PersonaChangedOnDisk:
        said.put((who, "refused"))


def race_saves_forked(folder: Path, rounds: int = 5, processes: int = 8) -> dict[str, int]:
    import multiprocessing

    from persona.saving import check_text

    check_text(PERSONA)  # the library imported and its vocabulary read before the fork: the savers start warm
    context = multiprocessing.get_context("fork")
    path = folder / "race.yaml"
    saves = silent_losses = refused = 0
    for _ in range(rounds):
        path.write_text(PERSONA, encoding="utf-8")
        ready, go, said = context.Semaphore(0), context.Event(), context.Queue()
        savers = [context.Process(target=_fork_saver, args=(path, f"s{n}", ready, go, said))
                  for n in range(processes)]
        for saver in savers:
            saver.start()
        for _saver in savers:  # every saver has opened the file before any saves
            ready.acquire(timeout=60)
        go.set()
        outcomes = dict(said.get(timeout=60) for _saver in savers)
        for saver in savers:
            saver.join(60)
        on_disk = path.read_text(encoding="utf-8")
        for who, outcome in outcomes.items():
            saves += 1
            silent_losses += outcome == "saved" and f"saved by {who}\n" not in on_disk
            refused += outcome == "refused"
    return {"saves": saves, "silent_losses": silent_losses, "refused": refused}


def main(args: list[str]) -> None:
    import tempfile

    root = Path(args[args.index("--root") + 1]) if "--root" in args else None
    with tempfile.TemporaryDirectory(dir=fast_folder()) as folder:
        found = race_notes(Path(folder), root=root) if args[0] == "notes" else race_saves(Path(folder), root=root)
    print(json.dumps(found))


if __name__ == "__main__":
    main(sys.argv[1:])
