"""Reading a persona file: safe load → shape (pydantic) → meaning → privacy → a Persona.

All problems of a file are gathered before anything is refused, so an official sees the whole
list at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from persona.cost_model import persona_price_problems
from persona.errors import ERROR, WARNING, PersonaInvalid, Problem
from persona.interview_load import looks_like_interview
from persona.model import Persona
from persona.privacy import check_loaded
from persona.pydantic_problems import problems_from
from persona.suggest import field_labels
from persona.safe_yaml import DEFAULT_MAX_BYTES, SourceMap, load_yaml, read_text
from persona.validate import check_persona_data
from persona.vocabulary import Vocabulary, load_vocabulary

PrivacyMode = Literal["error", "warning"]


@dataclass(frozen=True)
class PersonaFile:
    """A valid persona with where it came from: its text, source map and vocabulary."""

    path: str | Path
    persona: Persona
    source: SourceMap
    text: str
    vocabulary: Vocabulary
    warnings: tuple[Problem, ...] = ()


def parse_persona(
    yaml_text: str,
    path: str | Path = "<persona>",
    vocabulary: Vocabulary | None = None,
    privacy: PrivacyMode = "error",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> PersonaFile:
    """A persona from its YAML text; raises :class:`PersonaInvalid` listing every problem."""
    vocabulary = vocabulary or load_vocabulary()
    loaded = load_yaml(yaml_text, path, max_bytes)
    if not isinstance(loaded.data, dict):
        raise PersonaInvalid(path, [Problem("file.not_mapping", {}, loaded.source.value(()))])
    if looks_like_interview(loaded.data):  # sensitive: never drawn or exported as a persona
        raise PersonaInvalid(path, [Problem("interview.not_a_persona", {}, loaded.source.key(("interview",)))])
    problems: list[Problem] = []
    persona = None
    try:
        persona = Persona.model_validate(loaded.data)
    except ValidationError as exc:
        problems += problems_from(exc, loaded.source, Persona, labels=field_labels(vocabulary))
    problems += check_persona_data(loaded.data, vocabulary, loaded.source)
    problems += persona_price_problems(loaded.data, loaded.source)
    problems += check_loaded(yaml_text, loaded.data, loaded.source, ERROR if privacy == "error" else WARNING)
    errors = [p for p in problems if p.is_error]
    if errors or persona is None:
        raise PersonaInvalid(path, errors)
    warnings = tuple(sorted((p for p in problems if not p.is_error), key=Problem.sort_key))
    return PersonaFile(path, persona, loaded.source, yaml_text, vocabulary.for_persona(persona), warnings)


def read_persona(
    path: str | Path,
    vocabulary: Vocabulary | None = None,
    privacy: PrivacyMode = "error",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> PersonaFile:
    """A persona from a file; raises :class:`PersonaUnreadable` or :class:`PersonaInvalid`."""
    path = Path(path)
    return parse_persona(read_text(path, max_bytes), path, vocabulary, privacy, max_bytes)
