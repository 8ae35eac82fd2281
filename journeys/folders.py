"""Finding persona files: the files given, and every persona file below the folders given.

A folder may also hold the room's notes (``NAME.workshop.yaml``, :mod:`journeys.workshop`),
cohort mapping files (``NAME.mapping.yaml``, :mod:`journeys.cohort.mapping`) and hidden files;
none of them is a persona.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from journeys.workshop import SIDECAR_SUFFIX

PERSONA_SUFFIXES = (".yaml", ".yml")
MAPPING_SUFFIXES = (".mapping.yaml", ".mapping.yml")


def is_persona_path(path: Path) -> bool:
    return (path.suffix in PERSONA_SUFFIXES and not path.name.endswith(SIDECAR_SUFFIX)
            and not path.name.endswith(MAPPING_SUFFIXES))


def persona_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The given files, and every persona file below the given folders, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in found.relative_to(path).parts)
                if found.is_file() and is_persona_path(found) and not hidden:
                    yield found
        else:
            yield path
