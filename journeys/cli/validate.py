"""``journeys validate PATH...``: check persona files and folders, every problem on its own line.

A service catalogue (``NAME.catalogue.yaml``, or any file whose top-level key is ``catalogue:``)
is checked as a catalogue, a file given by name whose top-level key is ``costs:`` as a cost table."""

from __future__ import annotations

import argparse
import re
import sys

from persona.errors import PersonaError, describe
from persona.i18n import Catalog
from persona.safe_yaml import DEFAULT_MAX_BYTES

from journeys.cli.common import add_global_options, vocabulary_from

_COSTS_KEY = re.compile(r"^costs\s*:", re.MULTILINE)


def add_parser(sub: argparse._SubParsersAction, text: Catalog) -> None:
    parser = sub.add_parser("validate", help=text("cli.validate.help"), description=text("cli.validate.help"))
    parser.add_argument("paths", nargs="+", metavar=text("cli.path_metavar"), help=text("cli.validate.paths_help"))
    parser.add_argument("--privacy-warn", action="store_true", help=text("cli.validate.privacy_warn_help"))
    parser.add_argument("--max-mb", type=float, default=DEFAULT_MAX_BYTES / 2**20, help=text("cli.validate.max_mb_help"))
    parser.add_argument("--quiet", "-q", action="store_true", help=text("cli.validate.quiet_help"))
    add_global_options(parser, text)


def run(args: argparse.Namespace, text: Catalog) -> int:
    from journeys.folders import checkable_files

    vocabulary = vocabulary_from(args)
    privacy = "warning" if args.privacy_warn else "error"
    max_bytes = int(args.max_mb * 2**20)
    counts = {"valid": 0, "invalid": 0, "unreadable": 0, "problems": 0}
    exit_code = 0
    files = list(checkable_files(args.paths))
    for path in files:
        try:
            line = _check(path, vocabulary, privacy, max_bytes, text)
        except PersonaError as exc:
            for line in exc.lines(text):
                print(line, file=sys.stderr)
            counts["invalid" if exc.exit_code == 1 else "unreadable"] += 1
            counts["problems"] += len(exc.problems)
            exit_code = max(exit_code, exc.exit_code)
            continue
        counts["valid"] += 1
        if not args.quiet:
            print(line)
    print(text("cli.validate.summary", files=len(files), **counts))
    return exit_code


def _check(path, vocabulary, privacy: str, max_bytes: int, text: Catalog) -> str:
    """Read one file as a persona or a catalogue; print its warnings; the line saying it is valid."""
    from persona.catalogue import looks_like_catalogue, parse_catalogue
    from persona.load import parse_persona
    from persona.safe_yaml import read_text

    content = read_text(path, max_bytes)
    if _COSTS_KEY.search(content):
        from persona.costs import parse_costs

        from journeys.cost import default_cost_table

        table = parse_costs(content, path, default_cost_table(), max_bytes).table
        return text("cli.validate.ok_costs", path=path, items=len(table.items))
    if looks_like_catalogue(path, content):
        catalogue = parse_catalogue(content, path, vocabulary, max_bytes).catalogue
        return text("cli.validate.ok_catalogue", path=path, services=len(catalogue.services))
    loaded = parse_persona(content, path, vocabulary, privacy=privacy, max_bytes=max_bytes)
    for warning in loaded.warnings:
        print(describe(warning, path, text), file=sys.stderr)
    return text("cli.validate.ok", path=path, events=len(loaded.persona.events))
