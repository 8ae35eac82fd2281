"""The ``journeys`` command: thin commands over the library, one module each.

Each command module has ``add_parser(subparsers, text)`` and ``run(args, text) -> int``; it
imports the library inside ``run`` so that ``journeys --help`` stays quick.
Library errors become one clean line each; no traceback reaches the user (set
``JOURNEYS_DEBUG=1`` to see one).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from typing import Sequence

from persona.errors import PersonaError, exception_words
from persona.i18n import DEFAULT_LANGUAGE, LANGUAGES, Catalog, UnknownLanguage

from journeys.cli.argparse_words import argparse_language

# Command name → module under journeys.cli (imported only when that command runs).
COMMANDS = ("validate", "new", "schema", "gaps", "catalogue", "cost", "render", "poster", "app", "compose", "provenance", "interviews", "cohort")


def _requested_language(argv: Sequence[str]) -> str | None:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def build_parser(text: Catalog) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="journeys", description=text("cli.description"))
    parser.add_argument("--lang", choices=LANGUAGES, help=text("cli.lang_help"))
    parser.add_argument("--vocabulary", metavar=text("cli.file_metavar"), help=text("cli.vocabulary_help"))
    sub = parser.add_subparsers(dest="command", metavar=text("cli.command_metavar"))
    for name in COMMANDS:
        importlib.import_module(f"journeys.cli.{name}").add_parser(sub, text)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; ``argv`` defaults to the process's own arguments.

    Run as its own process, a command starts with the garbage collector paused: importing the
    library makes hundreds of thousands of objects that live until the end, and the collector
    walked them again and again while they were made (~30 ms of a 0.5 s poster). A command
    that makes one thing and ends keeps it paused (its module sets ``PAUSES_COLLECTOR = True``,
    as ``journeys poster`` does); every other command gets it back before it runs. Called with
    arguments (in tests, in-process) the collector is left as it is."""
    if argv is not None:
        return _main(list(argv))
    gc.disable()
    code = _main(list(sys.argv[1:]), whole_process=True)
    # The process ends right after this. Frozen objects are left out of the collection Python
    # makes on its way out, which otherwise walks every object the command made (~35 ms).
    gc.freeze()
    return code


def _main(argv: list[str], whole_process: bool = False) -> int:
    try:
        text = Catalog.load(_requested_language(argv), packages=("persona", "journeys"))
    except UnknownLanguage as exc:  # said in the default language, the one language sure to exist
        text = Catalog.load(DEFAULT_LANGUAGE, packages=("persona", "journeys"))
        print(text("cli.unknown_language", lang=exc, languages=", ".join(LANGUAGES)), file=sys.stderr)
        return 2
    with argparse_language(text):
        parser = build_parser(text)
        args = parser.parse_args(argv)
        if not args.command:
            parser.print_help()
            return 0
    try:
        from persona.vocabulary import load_vocabulary  # after --help: pydantic is not needed there

        args.loaded_vocabulary = load_vocabulary(args.vocabulary)
        if args.loaded_vocabulary.strings:
            text = Catalog.load(text.lang, packages=("persona", "journeys"), overrides=args.loaded_vocabulary.strings)
        command = importlib.import_module(f"journeys.cli.{args.command}")
        if whole_process and not getattr(command, "PAUSES_COLLECTOR", False):
            gc.enable()
        return command.run(args, text)
    except PersonaError as exc:
        for line in exc.lines(text):
            print(line, file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `journeys gaps kim.yaml | head`: the reader has enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:  # the last guard: one line, never a traceback
        if os.environ.get("JOURNEYS_DEBUG"):
            raise
        print(text("cli.internal_error", error=exception_words(exc)), file=sys.stderr)
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
