"""The room's notes and votes, kept in a sidecar file beside the persona.

A workshop writes down, for each gap, what the room said (``text``), its ideas and how many
dots (votes) it got. They live in ``NAME.workshop.yaml`` next to ``NAME.yaml`` — never inside
the persona, which stays the officials' file. Notes are keyed by :attr:`Gap.key`, which is
stable across runs, so they find their gap again after the persona is edited.

The sidecar looks like this::

    schema: 1
    persona: kim
    gaps:
      unanswered-signal@sprak:
        text: Ingen återkoppling till förskolan.
        votes: 3
        ideas:
          - En namngiven kontaktperson på BVC
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Mapping

import yaml

from persona.atomic import write_atomically
from persona.errors import PersonaError, Position, Problem
from persona.safe_yaml import SourceMap, load_yaml, read_text

SIDECAR_SUFFIX = ".workshop.yaml"
SIDECAR_SCHEMA = 1
MAX_SIDECAR_BYTES = 2 * 1024 * 1024
TOP_KEYS = ("schema", "persona", "gaps")
NOTE_KEYS = ("text", "votes", "ideas")


class WorkshopNotesInvalid(PersonaError):
    """A sidecar file of workshop notes could not be read as notes."""

    exit_code = 1


@dataclass(frozen=True)
class GapNote:
    """What the room said about one gap."""

    text: str = ""
    votes: int = 0
    ideas: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.text.strip() and self.votes == 0 and not self.ideas


@dataclass(frozen=True)
class WorkshopNotes:
    """All notes of one workshop on one persona, keyed by :attr:`Gap.key`."""

    persona_id: str
    notes: Mapping[str, GapNote] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "notes", dict(sorted(self.notes.items())))

    def note(self, gap_key: str) -> GapNote:
        return self.notes.get(gap_key, GapNote())

    def with_note(self, gap_key: str, note: GapNote) -> "WorkshopNotes":
        """A copy with one gap's note replaced (an empty note is dropped)."""
        notes = {k: v for k, v in self.notes.items() if k != gap_key}
        if not note.is_empty:
            notes[gap_key] = note
        return WorkshopNotes(self.persona_id, notes)

    @property
    def total_votes(self) -> int:
        return sum(n.votes for n in self.notes.values())


# --- small changes to one note, as plain functions the app can pass to update_note ---

def set_text(text: str) -> Callable[[GapNote], GapNote]:
    return lambda note: replace(note, text=text)


def add_votes(delta: int) -> Callable[[GapNote], GapNote]:
    return lambda note: replace(note, votes=max(0, note.votes + delta))


def add_idea(idea: str) -> Callable[[GapNote], GapNote]:
    idea = idea.strip()
    return lambda note: replace(note, ideas=note.ideas + (idea,)) if idea else note


def remove_idea(index: int) -> Callable[[GapNote], GapNote]:
    return lambda note: replace(note, ideas=note.ideas[:index] + note.ideas[index + 1:])


# --- the sidecar file ---

def sidecar_path(persona_path: Path) -> Path:
    """``folder/kim.yaml`` → ``folder/kim.workshop.yaml``."""
    persona_path = Path(persona_path)
    return persona_path.with_name(persona_path.stem + SIDECAR_SUFFIX)


def load_notes(persona_path: Path, persona_id: str | None = None) -> WorkshopNotes:
    """The notes beside a persona; empty when there is no sidecar yet.

    Raises :class:`WorkshopNotesInvalid` (one problem per line, with file:line:column) when the
    sidecar is malformed, or belongs to another persona than ``persona_id``.
    """
    path = sidecar_path(persona_path)
    expected = persona_id or Path(persona_path).stem
    if not path.exists():
        return WorkshopNotes(expected)
    text = read_text(path, MAX_SIDECAR_BYTES)
    return notes_from_text(text, path, persona_id)


def notes_from_text(text: str, source: str | Path, persona_id: str | None = None) -> WorkshopNotes:
    """Notes from the text of a sidecar file (see the module docstring for its shape)."""
    try:
        loaded = load_yaml(text, source, MAX_SIDECAR_BYTES)
    except PersonaError as exc:
        raise WorkshopNotesInvalid(source, exc.problems) from None
    reader = _SidecarReader(loaded.source)
    notes = reader.notes(loaded.data, persona_id)
    if reader.problems:
        raise WorkshopNotesInvalid(source, reader.problems)
    return notes


def notes_to_text(notes: WorkshopNotes) -> str:
    """The sidecar text: deterministic (gaps sorted by key), readable, UTF-8."""
    gaps: dict[str, Any] = {}
    for key, note in notes.notes.items():
        entry: dict[str, Any] = {}
        if note.text:
            entry["text"] = note.text
        if note.votes:
            entry["votes"] = note.votes
        if note.ideas:
            entry["ideas"] = list(note.ideas)
        gaps[key] = entry
    data = {"schema": SIDECAR_SCHEMA, "persona": notes.persona_id, "gaps": gaps}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)


def save_notes(persona_path: Path, notes: WorkshopNotes) -> None:
    """Write the sidecar atomically (temporary file, fsync, rename): never half-written."""
    write_atomically(sidecar_path(persona_path), notes_to_text(notes))


_UPDATE_LOCK = threading.Lock()


def update_note(
    persona_path: Path, persona_id: str, gap_key: str, change: Callable[[GapNote], GapNote]
) -> WorkshopNotes:
    """Read the sidecar, change one gap's note, save; returns the notes as saved.

    Reading right before writing keeps what other browsers in the room saved meanwhile.
    """
    with _UPDATE_LOCK:
        notes = load_notes(persona_path, persona_id)
        notes = notes.with_note(gap_key, change(notes.note(gap_key)))
        save_notes(persona_path, notes)
        return notes


class _SidecarReader:
    """Checks the shape of a loaded sidecar, gathering every problem with its position."""

    def __init__(self, source: SourceMap):
        self.source = source
        self.problems: list[Problem] = []

    def add(self, key: str, path: tuple[Any, ...], **params: Any) -> None:
        self.problems.append(Problem(key, params, self.source.value(path) or Position(1, 1)))

    def notes(self, data: Any, persona_id: str | None) -> WorkshopNotes:
        if not isinstance(data, dict):
            self.add("workshop.not_mapping", ())
            return WorkshopNotes(persona_id or "")
        self._unknown_keys(data, (), TOP_KEYS)
        if data.get("schema", SIDECAR_SCHEMA) != SIDECAR_SCHEMA:
            self.add("workshop.schema_version", ("schema",), value=data.get("schema"))
        found = data.get("persona")
        if not isinstance(found, str) or not found:
            self.add("workshop.no_persona", ("persona",))
        elif persona_id and found != persona_id:
            self.add("workshop.other_persona", ("persona",), found=found, expected=persona_id)
        gaps = data.get("gaps") or {}
        if not isinstance(gaps, dict):
            self.add("workshop.gaps_not_mapping", ("gaps",))
            gaps = {}
        notes = {str(key): self.note(value, ("gaps", key)) for key, value in gaps.items()}
        return WorkshopNotes(persona_id or str(found or ""), notes)

    def note(self, data: Any, path: tuple[Any, ...]) -> GapNote:
        if data is None:
            return GapNote()
        if not isinstance(data, dict):
            self.add("workshop.note_not_mapping", path)
            return GapNote()
        self._unknown_keys(data, path, NOTE_KEYS)
        text = data.get("text") or ""
        if not isinstance(text, str):
            self.add("workshop.text_not_text", path + ("text",))
            text = ""
        votes = data.get("votes", 0)
        if isinstance(votes, bool) or not isinstance(votes, int) or votes < 0:
            self.add("workshop.bad_votes", path + ("votes",), value=votes)
            votes = 0
        ideas = data.get("ideas") or []
        if not isinstance(ideas, list) or not all(isinstance(i, str) for i in ideas):
            self.add("workshop.bad_ideas", path + ("ideas",))
            ideas = []
        return GapNote(text=text, votes=votes, ideas=tuple(ideas))

    def _unknown_keys(self, data: dict[str, Any], path: tuple[Any, ...], allowed: tuple[str, ...]) -> None:
        for key in data:
            if key not in allowed:
                self.problems.append(
                    Problem("workshop.unknown_key", {"key": key, "allowed": ", ".join(allowed)},
                            self.source.key(path + (key,)) or Position(1, 1))
                )
