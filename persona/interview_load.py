"""Reading an interview record: safe load → shape → meaning → the personal-data guard.

The same safe loader and the same guard as persona files; every problem of a file is listed at
once, with its line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from persona.errors import ERROR, PersonaInvalid, Problem
from persona.interview import INTERVIEW_SUFFIX, MARKER, InterviewRecord, check_interview_data
from persona.privacy import check_loaded, privacy_problems
from persona.pydantic_problems import problems_from
from persona.safe_yaml import DEFAULT_MAX_BYTES, load_yaml, read_text
from persona.vocabulary import Vocabulary, load_vocabulary


@dataclass(frozen=True)
class InterviewFile:
    """A valid interview record and the file it came from."""

    path: str | Path
    record: InterviewRecord
    warnings: tuple[Problem, ...] = ()


def is_interview_path(path: str | Path) -> bool:
    return Path(path).name.endswith(INTERVIEW_SUFFIX)


def looks_like_interview(data: Any) -> bool:
    """Plain data that carries the interview marker (``interview: 1``) rather than ``schema:``."""
    return isinstance(data, dict) and MARKER in data and "schema" not in data


def parse_interview(yaml_text: str, path: str | Path = "<interview>", vocabulary: Vocabulary | None = None,
                    max_bytes: int = DEFAULT_MAX_BYTES) -> InterviewFile:
    """An interview record from its YAML text; raises :class:`PersonaInvalid` listing every problem."""
    vocabulary = vocabulary or load_vocabulary()
    loaded = load_yaml(yaml_text, path, max_bytes)
    if not isinstance(loaded.data, dict):
        raise PersonaInvalid(path, [Problem("file.not_mapping", {}, loaded.source.value(()))])
    problems: list[Problem] = []
    record = None
    try:
        record = InterviewRecord.model_validate(loaded.data)
    except ValidationError as exc:
        problems += [reworded_problem(p) for p in problems_from(exc, loaded.source, InterviewRecord)]
    problems += check_interview_data(loaded.data, vocabulary, loaded.source)
    problems += interview_privacy_problems(yaml_text, loaded.data, loaded.source)
    errors = [p for p in problems if p.is_error]
    if errors or record is None:
        raise PersonaInvalid(path, errors)
    warnings = tuple(sorted((p for p in problems if not p.is_error), key=Problem.sort_key))
    return InterviewFile(path, record, warnings)


# The personal-data guard's findings, worded for interview records (other kinds keep the guard's words).
_PRIVACY_WORDED = ("privacy.personnummer", "privacy.samordningsnummer", "privacy.phone", "privacy.email")


def interview_privacy_problems(yaml_text: str, data: Any = None, source: Any = None) -> list[Problem]:
    """The personal-data guard over an interview record's text, its raw lines and, given its
    parsed ``data``, every parsed string (or over a spreadsheet cell's text)."""
    found = check_loaded(yaml_text, data, source, ERROR) if data is not None else privacy_problems(yaml_text, ERROR)
    return [replace(p, key=f"interview.{p.key}") if p.key in _PRIVACY_WORDED else p for p in found]


# Fields with a pattern of their own: pydantic's "pattern mismatch" worded for each.
_PATTERN_KEYS = {"family": "interview.family_key", "month": "interview.month", "child_age_band": "interview.age_band",
                 "age_band": "interview.age_band"}


def reworded_problem(problem: Problem) -> Problem:
    field = problem.params.get("field")
    if problem.key == "field.not_slug" and field in _PATTERN_KEYS:
        return replace(problem, key=_PATTERN_KEYS[field])
    if problem.key == "field.unknown_word" and field == MARKER:
        return replace(problem, key="interview.version")
    return problem


def read_interview(path: str | Path, vocabulary: Vocabulary | None = None,
                   max_bytes: int = DEFAULT_MAX_BYTES) -> InterviewFile:
    """An interview record from a file; raises :class:`PersonaUnreadable` or :class:`PersonaInvalid`."""
    path = Path(path)
    return parse_interview(read_text(path, max_bytes), path, vocabulary, max_bytes)
