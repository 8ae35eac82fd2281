"""The interview records of a folder, read and checked together (ids unique across files)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from persona.i18n import Catalog
from persona.errors import PersonaError, PersonaInvalid, Problem
from persona.interview import InterviewRecord
from persona.interview_load import InterviewFile, read_interview
from persona.vocabulary import Vocabulary

from journeys.folders import interview_files


@dataclass(frozen=True)
class InterviewSet:
    """Valid interview records by id."""

    files: tuple[InterviewFile, ...]

    @property
    def records(self) -> dict[str, InterviewRecord]:
        return {f.record.id: f.record for f in self.files}

    def family_of(self, interview_id: str) -> str | None:
        record = self.records.get(interview_id)
        return record.family if record else None

    def families(self) -> list[str]:
        return sorted({f.record.family for f in self.files})


class InterviewsInvalid(PersonaError):
    """Interview records that cannot be used together (a bad file, an id used twice, none at all)."""

    exit_code = 1

    def __init__(self, failures: list[PersonaError]):
        super().__init__(failures[0].source, [p for f in failures for p in f.problems])
        self.failures = failures
        self.exit_code = max(f.exit_code for f in failures)

    def lines(self, catalog: Catalog) -> list[str]:
        return [line for failure in self.failures for line in failure.lines(catalog)]


def read_interviews(paths: Iterable[str | Path], vocabulary: Vocabulary | None = None) -> InterviewSet:
    """Every interview record below ``paths``; raises with every problem of every file."""
    found: list[InterviewFile] = []
    failures: list[PersonaError] = []
    seen: dict[str, Path] = {}
    paths = list(paths)
    for path in interview_files(paths):
        try:
            loaded = read_interview(path, vocabulary)
        except PersonaError as exc:
            failures.append(exc)
            continue
        if loaded.record.id in seen:
            failures.append(PersonaInvalid(path, [Problem("interviews.duplicate_id",
                                                          {"id": loaded.record.id, "other": seen[loaded.record.id]})]))
            continue
        seen[loaded.record.id] = path
        found.append(loaded)
    if not found and not failures:
        failures.append(PersonaInvalid(", ".join(str(p) for p in paths), [Problem("interviews.none_found")]))
    if failures:
        raise InterviewsInvalid(failures)
    return InterviewSet(tuple(found))
