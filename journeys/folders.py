"""Finding persona files: the files given, and every persona file below the folders given.

A folder may also hold the room's notes (``NAME.workshop.yaml``, :mod:`journeys.workshop`), the
municipality's service catalogue (``NAME.catalogue.yaml``), the interview records a persona was
composed from (``NAME.interview.yaml``), cohort mapping files (``NAME.mapping.yaml``,
:mod:`journeys.cohort.mapping`) and hidden files; none is a persona.
``journeys validate`` checks catalogues too (:func:`checkable_files`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from journeys.workshop import SIDECAR_SUFFIX

CATALOGUE_SUFFIX = ".catalogue.yaml"  # as persona.catalogue.CATALOGUE_SUFFIX, without importing pydantic

PERSONA_SUFFIXES = (".yaml", ".yml")
# Interview records (persona.interview) are sensitive and no persona: never listed as one.
INTERVIEW_SUFFIX = ".interview.yaml"
MAPPING_SUFFIXES = (".mapping.yaml", ".mapping.yml")  # cohort mapping files (journeys.cohort.mapping)


def is_persona_path(path: Path) -> bool:
    return path.suffix in PERSONA_SUFFIXES and not path.name.endswith(
        (SIDECAR_SUFFIX, CATALOGUE_SUFFIX, INTERVIEW_SUFFIX, *MAPPING_SUFFIXES))


def is_catalogue_path(path: Path) -> bool:
    return path.name.endswith(CATALOGUE_SUFFIX)


def _files(paths: Iterable[str | Path], wanted) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in found.relative_to(path).parts)
                if found.is_file() and wanted(found) and not hidden:
                    yield found
        else:
            yield path


def persona_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The given files, and every persona file below the given folders, in a stable order."""
    return _files(paths, is_persona_path)


def checkable_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The given files, and every persona and catalogue file below the given folders."""
    return _files(paths, lambda p: is_persona_path(p) or is_catalogue_path(p))


def catalogue_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The given files, and every service catalogue below the given folders, in a stable order."""
    return _files(paths, is_catalogue_path)


def interview_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The given files, and every interview record below the given folders, in a stable order."""
    return _files(paths, lambda p: p.name.endswith(INTERVIEW_SUFFIX))
