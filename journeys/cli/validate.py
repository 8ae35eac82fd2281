"""``journeys validate PATH...``: check persona files and folders, every problem on its own line."""

from __future__ import annotations

import argparse
import sys

from persona.errors import PersonaError, describe, exception_words, printable
from persona.i18n import Catalog
from persona.safe_yaml import DEFAULT_MAX_BYTES

from journeys.cli.common import add_global_options, vocabulary_from


def add_parser(sub: argparse._SubParsersAction, text: Catalog) -> None:
    parser = sub.add_parser("validate", help=text("cli.validate.help"), description=text("cli.validate.help"))
    parser.add_argument("paths", nargs="+", metavar=text("cli.path_metavar"), help=text("cli.validate.paths_help"))
    parser.add_argument("--privacy-warn", action="store_true", help=text("cli.validate.privacy_warn_help"))
    parser.add_argument("--max-mb", type=float, default=DEFAULT_MAX_BYTES / 2**20, help=text("cli.validate.max_mb_help"))
    parser.add_argument("--quiet", "-q", action="store_true", help=text("cli.validate.quiet_help"))
    add_global_options(parser, text)


def run(args: argparse.Namespace, text: Catalog) -> int:
    from persona.load import PrivacyMode, read_persona

    from journeys.folders import persona_files

    vocabulary = vocabulary_from(args)
    privacy: PrivacyMode = "warning" if args.privacy_warn else "error"
    max_bytes = int(args.max_mb * 2**20)
    counts = {"valid": 0, "invalid": 0, "unreadable": 0, "problems": 0}
    exit_code = 0
    files = list(persona_files(args.paths))
    for path in files:
        try:
            loaded = read_persona(path, vocabulary, privacy=privacy, max_bytes=max_bytes)
        except PersonaError as exc:
            for line in exc.lines(text):
                print(line, file=sys.stderr)
            counts["invalid" if exc.exit_code == 1 else "unreadable"] += 1
            counts["problems"] += len(exc.problems)
            exit_code = max(exit_code, exc.exit_code)
            continue
        except Exception as exc:  # the last guard: this file is told, the others are still checked
            print(f"{printable(str(path))}: {text('cli.internal_error', error=exception_words(exc))}", file=sys.stderr)
            counts["unreadable"] += 1
            exit_code = max(exit_code, 3)
            continue
        counts["valid"] += 1
        for warning in loaded.warnings:
            print(describe(warning, path, text), file=sys.stderr)
        if not args.quiet:
            print(text("cli.validate.ok", path=printable(str(path)), events=len(loaded.persona.events)))
    print(text("cli.validate.summary", files=len(files), **counts))
    return exit_code
