"""``journeys schema``: print the JSON Schema of persona files, or with ``--interview`` of interview
records (for editors' autocompletion)."""

from __future__ import annotations

import argparse
import sys

from persona.i18n import Catalog

from journeys.cli.common import add_global_options, vocabulary_from


def add_parser(sub: argparse._SubParsersAction, text: Catalog) -> None:
    parser = sub.add_parser("schema", help=text("cli.schema.help"), description=text("cli.schema.description"))
    parser.add_argument("--interview", action="store_true", help=text("cli_interviews.schema_help"))
    add_global_options(parser, text)


def run(args: argparse.Namespace, text: Catalog) -> int:
    from persona.schema import interview_schema_text, schema_text

    write = interview_schema_text if args.interview else schema_text
    sys.stdout.write(write(text, vocabulary_from(args)))
    return 0
