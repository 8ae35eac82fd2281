"""``journeys provenance PERSONA --interviews DIR``: is every element backed, and can no family be recognised?

Exit code 0 when the persona keeps every rule, 1 on a violation (or a file that is not valid),
2 when a file could not be read. ``--format json`` gives the same findings for other tools.
"""

from __future__ import annotations

import argparse
import sys

from persona.i18n import Catalog

from journeys.cli.common import add_global_options, vocabulary_from

FORMATS = ("table", "json")


def add_parser(sub: argparse._SubParsersAction, text: Catalog) -> None:
    parser = sub.add_parser("provenance", help=text("cli_interviews.provenance.help"),
                            description=text("cli_interviews.provenance.description"))
    parser.add_argument("file", metavar=text("cli.file_metavar"), help=text("cli_interviews.provenance.file_help"))
    add_interview_options(parser, text, required=True)
    parser.add_argument("--format", choices=FORMATS, default="table",
                        help=text("cli_interviews.provenance.format_help"))
    add_global_options(parser, text)


def add_interview_options(parser: argparse.ArgumentParser, text: Catalog, required: bool) -> None:
    parser.add_argument("--interviews", required=required, metavar=text("cli_interviews.folder_metavar"),
                        help=text("cli_interviews.interviews_help"))
    parser.add_argument("--thresholds", metavar=text("cli.file_metavar"), help=text("cli_interviews.thresholds_help"))


def run(args: argparse.Namespace, text: Catalog) -> int:
    from persona.load import read_persona

    from journeys.interviews.provenance import check_provenance
    from journeys.interviews.records import read_interviews
    from journeys.interviews.report import problem_lines, provenance_json, provenance_table
    from journeys.interviews.settings import load_thresholds

    vocabulary = vocabulary_from(args)
    thresholds = load_thresholds(args.thresholds)
    interviews = read_interviews([args.interviews], vocabulary)
    found = check_provenance(read_persona(args.file, vocabulary), interviews, thresholds)
    if args.format == "json":
        sys.stdout.write(provenance_json(found, text, args.file))
    else:
        sys.stdout.write(provenance_table(found, text, args.file, thresholds))
        for line in problem_lines(found, text, args.file):
            print(line, file=sys.stderr)
    return 0 if found.ok else 1
