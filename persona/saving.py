"""Saving an edited persona without losing anyone's work.

A file is opened with its content hash (:class:`Opened`). Saving validates the new text with
:func:`persona.load.parse_persona` first (nothing is written when it is not a valid persona),
then — holding the file's lock across processes (:func:`persona.atomic.locked`) — refuses to
write over a file that changed on disk since it was opened (:class:`PersonaChangedOnDisk`, with a
unified diff) and writes atomically. Of two racing saves of the same opened text, one is told.
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass
from pathlib import Path

from persona.atomic import locked, write_atomically
from persona.errors import PersonaError, Problem
from persona.load import PersonaFile, parse_persona
from persona.safe_yaml import decode
from persona.vocabulary import Vocabulary


class PersonaChangedOnDisk(PersonaError):
    """The file on disk is no longer the one that was opened: saving would overwrite someone's work."""

    exit_code = 1

    def __init__(self, source: str | Path, opened_text: str, disk_text: str | None):
        key = "edit.deleted_on_disk" if disk_text is None else "edit.changed_on_disk"
        super().__init__(source, [Problem(key)])
        self.opened_text = opened_text
        self.disk_text = disk_text
        self.diff = unified_diff(opened_text, disk_text or "", str(source))


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def unified_diff(before: str, after: str, name: str = "persona") -> str:
    """What changed between two texts, as a unified diff (empty when they are equal)."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True),
        fromfile=f"{name} (opened)", tofile=f"{name} (now)",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


@dataclass(frozen=True)
class Opened:
    """A persona file as it was when opened: its path (None for an upload), text and content hash."""

    path: Path | None
    yaml_text: str
    digest: str


def open_for_edit(path: str | Path) -> Opened:
    """Read a file and remember its content hash, so a later save can tell if it changed."""
    path = Path(path)
    raw = path.read_bytes()
    return Opened(path, decode(raw, path), digest(raw))


def opened_from_text(yaml_text: str) -> Opened:
    """An uploaded persona: edited in memory and downloaded, never saved to a path."""
    return Opened(None, yaml_text, digest(yaml_text.encode("utf-8")))


def check_text(yaml_text: str, source: str | Path = "<persona>", vocabulary: Vocabulary | None = None) -> PersonaFile:
    """The edited text as a valid persona, or :class:`PersonaInvalid` listing every problem."""
    return parse_persona(yaml_text, source, vocabulary)


def save(opened: Opened, new_text: str, vocabulary: Vocabulary | None = None) -> Opened:
    """Validate ``new_text``, check the file is unchanged on disk, write it atomically.

    Raises :class:`PersonaInvalid` (nothing written) or :class:`PersonaChangedOnDisk` (nothing
    written; ``.diff`` shows what changed on disk). The check and the write hold the file's lock
    across processes, so of two racing saves of the same opened text one fails, never neither.
    Returns the file as now opened.
    """
    if opened.path is None:
        raise ValueError("an uploaded persona has no file to save to; download it instead")
    check_text(new_text, opened.path, vocabulary)
    with locked(opened.path):  # no other save between the check and the rename
        refuse_if_changed(opened)
        write_atomically(opened.path, new_text)
    return Opened(opened.path, new_text, digest(new_text.encode("utf-8")))


def refuse_if_changed(opened: Opened) -> None:
    """Raise :class:`PersonaChangedOnDisk` when the file is not the one that was opened."""
    assert opened.path is not None
    try:
        raw = opened.path.read_bytes()
    except FileNotFoundError:
        raise PersonaChangedOnDisk(opened.path, opened.yaml_text, None) from None
    if digest(raw) != opened.digest:
        raise PersonaChangedOnDisk(opened.path, opened.yaml_text, raw.decode("utf-8", errors="replace"))
