"""``journeys compose INTERVIEWS... -o PERSONA.yaml``: a draft composite persona from coded interviews."""

from __future__ import annotations

import argparse
from pathlib import Path

from persona.errors import PersonaUnreadable, Problem
from persona.i18n import Catalog

from journeys.cli.common import add_global_options, vocabulary_from
from journeys.cli.new import slug


def add_parser(sub: argparse._SubParsersAction, text: Catalog) -> None:
    parser = sub.add_parser("compose", help=text("cli_interviews.compose.help"),
                            description=text("cli_interviews.compose.description"))
    parser.add_argument("interviews", nargs="+", metavar=text("cli.path_metavar"),
                        help=text("cli_interviews.compose.interviews_help"))
    parser.add_argument("-o", "--output", required=True, metavar=text("cli.file_metavar"),
                        help=text("cli_interviews.compose.output_help"))
    parser.add_argument("--name", help=text("cli_interviews.compose.name_help"))
    parser.add_argument("--assumptions", action="store_true", help=text("cli_interviews.compose.assumptions_help"))
    parser.add_argument("--thresholds", metavar=text("cli.file_metavar"), help=text("cli_interviews.thresholds_help"))
    add_global_options(parser, text)


def run(args: argparse.Namespace, text: Catalog) -> int:
    from journeys.interviews.compose import compose
    from journeys.interviews.draft_text import draft_text
    from journeys.interviews.records import read_interviews
    from journeys.interviews.settings import load_thresholds

    out = Path(args.output)
    if out.exists():
        raise PersonaUnreadable(out, [Problem("interviews.exists")])
    vocabulary = vocabulary_from(args)
    thresholds = load_thresholds(args.thresholds)
    interviews = read_interviews(args.interviews, vocabulary)
    composition = compose(interviews.records.values(), thresholds, keep_assumptions=args.assumptions)
    name = args.name or text("interviews.compose.default_name")
    content = draft_text(composition, slug(out.name.split(".")[0]), name, vocabulary, text)
    try:
        with out.open("x", encoding="utf-8") as handle:
            handle.write(content)
    except OSError as exc:
        raise PersonaUnreadable(out, [Problem("cli.write_failed", {"error": exc.strerror or exc})]) from None
    print(text("interviews.written", path=out, elements=len(composition.elements),
               left_out=len(composition.left_out)))
    return 0
