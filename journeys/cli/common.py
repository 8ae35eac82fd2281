"""What several commands share: finding persona files, loading the vocabulary."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from persona.vocabulary import Vocabulary

PERSONA_SUFFIXES = (".yaml", ".yml")
SIDECAR_SUFFIX = ".workshop.yaml"


def is_persona_path(path: Path) -> bool:
    return path.suffix in PERSONA_SUFFIXES and not path.name.endswith(SIDECAR_SUFFIX)


def persona_files(paths: list[str]) -> Iterator[Path]:
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


def vocabulary_from(args: argparse.Namespace) -> "Vocabulary":
    """The vocabulary the command line asked for (loaded once by ``journeys.cli.main``)."""
    from persona.vocabulary import load_vocabulary

    loaded = getattr(args, "loaded_vocabulary", None)
    return loaded if loaded is not None else load_vocabulary(getattr(args, "vocabulary", None))
