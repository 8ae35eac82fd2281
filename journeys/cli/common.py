"""What several commands share: the global options, the vocabulary they asked for, and writing
what they made."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from persona.errors import PersonaError, Problem
from persona.i18n import LANGUAGES

if TYPE_CHECKING:
    from persona.i18n import Catalog
    from persona.vocabulary import Vocabulary


def add_global_options(parser: argparse.ArgumentParser, text: "Catalog") -> None:
    """``--lang`` and ``--vocabulary`` after the command too (``journeys gaps FILE --lang en``);
    given there, they take the place of the main parser's."""
    parser.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=text("cli.lang_help"))
    parser.add_argument("--vocabulary", metavar=text("cli.file_metavar"), default=argparse.SUPPRESS,
                        help=text("cli.vocabulary_help"))


def vocabulary_from(args: argparse.Namespace) -> "Vocabulary":
    """The vocabulary the command line asked for (loaded once by ``journeys.cli.main``)."""
    from persona.vocabulary import load_vocabulary

    loaded = getattr(args, "loaded_vocabulary", None)
    return loaded if loaded is not None else load_vocabulary(getattr(args, "vocabulary", None))


class OutputNotWritten(PersonaError):
    """A picture, poster or report could not be written (no such folder, no permission, disk full)."""

    exit_code = 2


def write_output_file(path: str, data: bytes | str) -> None:
    """Write what a command made, atomically; a failure is one clean line, never a half file."""
    from journeys.render.output import write_output

    try:
        write_output(path, data)
    except OSError as exc:
        raise OutputNotWritten(path, [Problem("cli.write_failed", {"error": exc.strerror or exc})]) from None
