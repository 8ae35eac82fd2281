"""``journeys interviews import SHEET -o DIR``: coded rows of a spreadsheet (CSV, XLSX) → interview records.

Every problem is named with its row (``sheet.xlsx:rad 7: …``); when there is one, nothing is
written. Existing records are never overwritten.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from persona.errors import PersonaUnreadable, Problem
from persona.i18n import Catalog

from journeys.cli.common import add_global_options, vocabulary_from


def add_parser(sub: argparse._SubParsersAction, text: Catalog) -> None:
    parser = sub.add_parser("interviews", help=text("cli_interviews.interviews.help"),
                            description=text("cli_interviews.interviews.help"))
    actions = parser.add_subparsers(dest="action", metavar=text("cli.command_metavar"), required=True)
    imported = actions.add_parser("import", help=text("cli_interviews.import.help"),
                                  description=text("cli_interviews.import.description"))
    imported.add_argument("sheet", metavar=text("cli.file_metavar"), help=text("cli_interviews.import.sheet_help"))
    imported.add_argument("-o", "--output", required=True, metavar=text("cli_interviews.folder_metavar"),
                          help=text("cli_interviews.import.output_help"))
    add_global_options(imported, text)


def run(args: argparse.Namespace, text: Catalog) -> int:
    from persona.atomic import write_atomically

    from journeys.interviews.record_text import record_text
    from journeys.interviews.sheet import import_sheet

    records = import_sheet(args.sheet, vocabulary_from(args))
    folder = Path(args.output)
    targets = [(folder / f"{record['id']}.interview.yaml", record) for record in records]
    existing = [path for path, _ in targets if path.exists()]
    if existing:
        raise PersonaUnreadable(existing[0], [Problem("interviews.exists")])
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for path, record in targets:
            write_atomically(path, record_text(record, text, Path(args.sheet).name))
    except OSError as exc:
        raise PersonaUnreadable(folder, [Problem("cli.write_failed", {"error": exc.strerror or exc})]) from None
    for path, record in targets:
        print(text("sheet.written", path=path, items=len(record["evidence"])))
    print(text("sheet.summary", records=len(targets)), file=sys.stderr)
    return 0
