"""What can go wrong with a persona file, as data the user interfaces turn into words.

A :class:`Problem` names a place in a file and a message key with its parameters; it is
worded in the user's language only when shown (:func:`describe`). Each kind of failure has
one exception class.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from persona.i18n import Catalog

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Position:
    """A place in a text file, both counted from 1."""

    line: int
    column: int


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file: where, what (a message key) and how bad."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)
    position: Position | None = None
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def sort_key(self) -> tuple[int, int, str]:
        pos = self.position or Position(0, 0)
        return (pos.line, pos.column, self.key)


def printable(value: str) -> str:
    """The value with control and invisible format characters shown as escapes (``\\n``,
    ``\\x1b``, ``\\u202e``): a value can neither start a second line nor colour the terminal."""
    if value.isprintable():
        return value
    return "".join(char if char.isprintable() or char == " " else _escape(char) for char in value)


def _escape(char: str) -> str:
    if unicodedata.category(char) == "Zs":
        return char
    code = ord(char)
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char)
    if named:
        return named
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def exception_words(exc: BaseException, limit: int = 200) -> str:
    """``Kind: message`` of an unexpected exception, short and on one line, even when the
    message itself cannot be made (e.g. an integer too long to print)."""
    try:
        message = str(exc)
    except Exception:  # noqa: BLE001 - the message of the message failed; its kind still helps
        message = ""
    if len(message) > limit:
        message = message[:limit] + "…"
    return printable(f"{type(exc).__name__}: {message}" if message else type(exc).__name__)


def describe(problem: Problem, source: str | Path, catalog: Catalog) -> str:
    """One line an official can act on: ``file:line:column: what — what would be right``
    (control characters in values and file names are shown escaped, see :func:`printable`)."""
    params = {k: catalog(v.key, **v.params) if isinstance(v, Problem) else v for k, v in problem.params.items()}
    line = catalog(problem.key, **params)
    if problem.severity == WARNING:
        line = f"{catalog('problem.warning')}: {line}"
    where = str(source)
    if problem.position is not None:
        where = f"{where}:{problem.position.line}:{problem.position.column}"
    return printable(f"{where}: {line}")


class PersonaError(Exception):
    """Base of every failure the persona layer reports to a user."""

    exit_code = 2

    def __init__(self, source: str | Path, problems: list[Problem]):
        super().__init__(f"{source}: {len(problems)} problem(s)")
        self.source = source
        self.problems = sorted(problems, key=Problem.sort_key)

    def lines(self, catalog: Catalog) -> list[str]:
        return [describe(p, self.source, catalog) for p in self.problems]


class PersonaUnreadable(PersonaError):
    """The file could not be read at all: missing, too large, not text, an alias bomb."""

    exit_code = 2


class PersonaInvalid(PersonaError):
    """The file was read but is not a valid persona (syntax, schema, references, privacy)."""

    exit_code = 1


class VocabularyInvalid(PersonaError):
    """A municipality's vocabulary file is not valid."""

    exit_code = 2
