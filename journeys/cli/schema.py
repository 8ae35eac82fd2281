"""``journeys schema``: print the JSON Schema of persona files (for editors' autocompletion)."""

from __future__ import annotations

import argparse
import sys

from persona.i18n import Catalog

from journeys.cli.common import add_global_options, vocabulary_from


def add_parser(sub: argparse._SubParsersAction, text: Catalog) -> None:
    parser = sub.add_parser("schema", help=text("cli.schema.help"), description=text("cli.schema.description"))
    add_global_options(parser, text)


def run(args: argparse.Namespace, text: Catalog) -> int:
    from persona.schema import schema_text

    sys.stdout.write(schema_text(text, vocabulary_from(args)))
    return 0
