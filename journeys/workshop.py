"""The room's notes and votes, kept in a sidecar file beside the persona.

A workshop writes down, for each gap, what the room said (notes), its ideas and how many dots
(votes) it got. They live in ``NAME.workshop.yaml`` next to ``NAME.yaml`` — never inside the
persona, which stays the officials' file. Notes are keyed by :attr:`Gap.key`, which is stable
across runs, so they find their gap again after the persona is edited.

Several browsers (and processes) write the same sidecar. Every change is a read-modify-write
under a lock shared across processes (:func:`persona.atomic.locked`), and changes are merged,
never replaced: each note and idea is an :class:`Entry` with its author and time; a browser
edits its own author's note; an edit of a note that changed since the browser read it is kept
beside it, marked as a conflict, never dropped. Votes are counted up and down, not set.

The sidecar looks like this (``text:`` and plain ``ideas:`` strings, the older form, are read
too)::

    schema: 1
    persona: kim
    gaps:
      unanswered-signal@sprak:
        notes:
          - text: Ingen återkoppling till förskolan.
            by: Grupp 2
            at: '2026-11-29T14:03:05+01:00'
        votes: 3
        ideas:
          - En namngiven kontaktperson på BVC
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Mapping

import yaml

from persona.atomic import locked, write_atomically
from persona.errors import PersonaError, Position, Problem
from persona.privacy import check_loaded, check_texts
from persona.safe_yaml import SourceMap, load_yaml, read_text

try:  # the C emitter writes the same text, faster; fall back where the wheel has none
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]

SIDECAR_SUFFIX = ".workshop.yaml"
SIDECAR_SCHEMA = 1
MAX_SIDECAR_BYTES = 2 * 1024 * 1024
TOP_KEYS = ("schema", "persona", "gaps")
NOTE_KEYS = ("text", "notes", "votes", "ideas")
ENTRY_KEYS = ("text", "by", "at", "conflict")


class WorkshopNotesInvalid(PersonaError):
    """A sidecar file of workshop notes could not be read as notes."""

    exit_code = 1


class NoteRefused(PersonaError):
    """A note, idea or author name that would bring personal data into the notes: not saved."""

    exit_code = 1


@dataclass(frozen=True)
class Entry:
    """One thing said about a gap (a note or an idea), who wrote it and when."""

    text: str
    by: str = ""
    at: str = ""  # ISO 8601 to the second, with the UTC offset
    conflict: bool = False  # an edit made on an older version of this author's note


@dataclass(frozen=True)
class GapNote:
    """What the room said about one gap."""

    entries: tuple[Entry, ...] = ()
    votes: int = 0
    idea_entries: tuple[Entry, ...] = ()

    @classmethod
    def plain(cls, note_text: str = "", votes: int = 0, ideas: tuple[str, ...] = ()) -> "GapNote":
        """A note without authors: one text, votes, ideas (the sidecar's older form)."""
        entries = (Entry(note_text),) if note_text.strip() else ()
        return cls(entries, votes, tuple(Entry(idea) for idea in ideas))

    @property
    def text(self) -> str:
        """Every note's text, in the order written (what the poster and chronology print)."""
        return "\n\n".join(entry.text.strip() for entry in self.entries if entry.text.strip())

    @property
    def ideas(self) -> tuple[str, ...]:
        return tuple(entry.text for entry in self.idea_entries)

    def by(self, author: str) -> Entry | None:
        """The latest note of one author (the one their browser edits)."""
        return next((entry for entry in reversed(self.entries) if entry.by == author), None)

    @property
    def has_conflict(self) -> bool:
        return any(entry.conflict for entry in self.entries)

    @property
    def is_empty(self) -> bool:
        return not self.entries and self.votes == 0 and not self.idea_entries


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

    def changed(self, gap_key: str, change: Callable[[GapNote], GapNote], source: str | Path) -> "WorkshopNotes":
        """A copy with one change made to one gap's note; :class:`NoteRefused` if the changed
        note would hold personal data (nothing changes then)."""
        note = change(self.note(gap_key))
        refuse_personal_data(note, source)
        return self.with_note(gap_key, note)

    @property
    def total_votes(self) -> int:
        return sum(n.votes for n in self.notes.values())


def refuse_personal_data(note: GapNote, source: str | Path) -> None:
    """Raise :class:`NoteRefused` when a note's texts or authors hold personal data."""
    texts = [(entry.text, None) for entry in note.entries + note.idea_entries]
    texts += [(entry.by, None) for entry in note.entries + note.idea_entries if entry.by]
    problems = check_texts(texts)
    if problems:
        raise NoteRefused(source, problems)


def now() -> str:
    """The time an entry is written, to the second, with the local UTC offset."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


# --- changes to one note, as plain functions the app passes to update_note ---

def set_text(note_text: str, author: str = "", base: str | None = None, at: str | None = None) -> Callable[[GapNote], GapNote]:
    """Write ``author``'s note. ``base`` is the text the author's browser showed before the edit:
    when the note changed since (another tab, another process), the edit is added beside it as a
    conflict instead of replacing it. An empty text removes the author's note."""

    def change(note: GapNote) -> GapNote:
        mine = note.by(author)
        entry = Entry(note_text, author, at or now())
        if mine is None:
            return replace(note, entries=note.entries + (entry,)) if note_text.strip() else note
        if base is not None and mine.text != base:
            if note_text == mine.text or not note_text.strip():
                return note
            return replace(note, entries=note.entries + (replace(entry, conflict=True),))
        index = note.entries.index(mine)
        kept = () if not note_text.strip() else (entry,)
        return replace(note, entries=note.entries[:index] + kept + note.entries[index + 1:])

    return change


def add_votes(delta: int) -> Callable[[GapNote], GapNote]:
    return lambda note: replace(note, votes=max(0, note.votes + delta))


def add_idea(idea: str, author: str = "", at: str | None = None) -> Callable[[GapNote], GapNote]:
    idea = idea.strip()
    if not idea:
        return lambda note: note
    return lambda note: replace(note, idea_entries=note.idea_entries + (Entry(idea, author, at or now()),))


def remove_idea(index: int, expected: Entry | None = None) -> Callable[[GapNote], GapNote]:
    """Remove the idea at ``index`` — only if it is still ``expected`` there (someone else may
    have removed or added ideas meanwhile; then the expected idea is looked up, or nothing
    happens)."""

    def change(note: GapNote) -> GapNote:
        ideas = note.idea_entries
        where = index
        if expected is not None and (index >= len(ideas) or ideas[index] != expected):
            if expected not in ideas:
                return note
            where = ideas.index(expected)
        if not 0 <= where < len(ideas):
            return note
        return replace(note, idea_entries=ideas[:where] + ideas[where + 1:])

    return change


# --- the sidecar file ---

def sidecar_path(persona_path: Path) -> Path:
    """``folder/kim.yaml`` → ``folder/kim.workshop.yaml``."""
    persona_path = Path(persona_path)
    return persona_path.with_name(persona_path.stem + SIDECAR_SUFFIX)


def load_notes(persona_path: Path, persona_id: str | None = None) -> WorkshopNotes:
    """The notes beside a persona; empty when there is no sidecar yet.

    Raises :class:`WorkshopNotesInvalid` (one problem per line, with file:line:column) when the
    sidecar is malformed, holds personal data, or belongs to another persona than ``persona_id``.
    """
    path = sidecar_path(persona_path)
    expected = persona_id or Path(persona_path).stem
    if not path.exists():
        return WorkshopNotes(expected)
    yaml_text = read_text(path, MAX_SIDECAR_BYTES)
    return notes_from_text(yaml_text, path, persona_id)


def notes_from_text(yaml_text: str, source: str | Path, persona_id: str | None = None) -> WorkshopNotes:
    """Notes from the text of a sidecar file (see the module docstring for its shape)."""
    try:
        loaded = load_yaml(yaml_text, source, MAX_SIDECAR_BYTES)
    except PersonaError as exc:
        raise WorkshopNotesInvalid(source, exc.problems) from None
    reader = _SidecarReader(loaded.source)
    notes = reader.notes(loaded.data, persona_id)
    problems = reader.problems + check_loaded(yaml_text, loaded.data, loaded.source)
    if problems:
        raise WorkshopNotesInvalid(source, problems)
    return notes


def notes_to_text(notes: WorkshopNotes) -> str:
    """The sidecar text: deterministic (gaps sorted by key), readable, UTF-8."""
    gaps: dict[str, Any] = {}
    for key, note in notes.notes.items():
        entry: dict[str, Any] = {}
        if len(note.entries) == 1 and _entry_data(note.entries[0]) == note.entries[0].text:
            entry["text"] = note.entries[0].text
        elif note.entries:
            entry["notes"] = [_entry_data(e, always_mapping=True) for e in note.entries]
        if note.votes:
            entry["votes"] = note.votes
        if note.idea_entries:
            entry["ideas"] = [_entry_data(e) for e in note.idea_entries]
        gaps[key] = entry
    data = {"schema": SIDECAR_SCHEMA, "persona": notes.persona_id, "gaps": gaps}
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)


def _entry_data(entry: Entry, always_mapping: bool = False) -> Any:
    data: dict[str, Any] = {"text": entry.text}
    if entry.by:
        data["by"] = entry.by
    if entry.at:
        data["at"] = entry.at
    if entry.conflict:
        data["conflict"] = True
    return data if always_mapping or len(data) > 1 else entry.text


def save_notes(persona_path: Path, notes: WorkshopNotes) -> None:
    """Write the sidecar atomically (temporary file, fsync, rename): never half-written."""
    write_atomically(sidecar_path(persona_path), notes_to_text(notes))


def update_note(
    persona_path: Path, persona_id: str, gap_key: str, change: Callable[[GapNote], GapNote]
) -> WorkshopNotes:
    """Read the sidecar, change one gap's note, save; returns the notes as saved.

    The whole read-change-write holds the sidecar's lock across processes, so what other
    browsers and processes saved meanwhile is kept. A change that would bring personal data into
    the notes raises :class:`NoteRefused` and nothing is written.
    """
    path = sidecar_path(persona_path)
    with locked(path):
        notes = load_notes(persona_path, persona_id)
        notes = notes.changed(gap_key, change, path)
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
        note_text = data.get("text") or ""
        if not isinstance(note_text, str):
            self.add("workshop.text_not_text", path + ("text",))
            note_text = ""
        entries = ((Entry(note_text),) if note_text.strip() else ()) + self.entries(data.get("notes"), path + ("notes",), False)
        votes = data.get("votes", 0)
        if isinstance(votes, bool) or not isinstance(votes, int) or votes < 0:
            self.add("workshop.bad_votes", path + ("votes",), value=votes)
            votes = 0
        ideas = self.entries(data.get("ideas"), path + ("ideas",), True)
        return GapNote(entries, votes, ideas)

    def entries(self, data: Any, path: tuple[Any, ...], plain_allowed: bool) -> tuple[Entry, ...]:
        if data is None:
            return ()
        bad = "workshop.bad_ideas" if plain_allowed else "workshop.bad_notes"
        if not isinstance(data, list):
            self.add(bad, path)
            return ()
        found = []
        for index, item in enumerate(data):
            if isinstance(item, str) and plain_allowed:
                found.append(Entry(item))
            elif isinstance(item, dict) and isinstance(item.get("text"), str) and \
                    all(isinstance(item.get(k, ""), str) for k in ("by", "at")):
                self._unknown_keys(item, path + (index,), ENTRY_KEYS)
                found.append(Entry(item["text"], item.get("by", ""), item.get("at", ""), item.get("conflict") is True))
            else:
                self.add(bad, path + (index,))
        return tuple(found)

    def _unknown_keys(self, data: dict[str, Any], path: tuple[Any, ...], allowed: tuple[str, ...]) -> None:
        for key in data:
            if key not in allowed:
                self.problems.append(
                    Problem("workshop.unknown_key", {"key": key, "allowed": ", ".join(allowed)},
                            self.source.key(path + (key,)) or Position(1, 1))
                )
