"""``journeys schema``: print the JSON Schema of persona files (for editors' autocompletion);
``--kind catalogue``, ``--kind costs`` or ``--kind interview`` prints that of service catalogues,
cost tables or interview records."""

from __future__ import annotations

import argparse
import sys

from persona.i18n import Catalog

from journeys.cli.common import add_global_options, vocabulary_from

KINDS = ("persona", "catalogue", "costs", "interview")


def add_parser(sub: argparse._SubParsersAction, text: Catalog) -> None:
    parser = sub.add_parser("schema", help=text("cli.schema.help"), description=text("cli.schema.description"))
    parser.add_argument("--kind", choices=KINDS, default="persona", help=text("cli.schema_kind_help"))
    add_global_options(parser, text)


def run(args: argparse.Namespace, text: Catalog) -> int:
    from persona.file_schemas import file_schema_text

    sys.stdout.write(file_schema_text(args.kind, text, vocabulary_from(args)))
    return 0
