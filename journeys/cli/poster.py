"""``journeys poster FILE --size A1 -o OUT.pdf``: the print-ready poster (optionally tiled)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from persona.errors import Problem
from persona.i18n import Catalog

from journeys.cli.render import RenderOptionsInvalid, load_for_export

SIZES = ("A0", "A1", "A2", "A3")
TILES = ("A4", "A3")
ORDER = {"A0": 0, "A1": 1, "A2": 2, "A3": 3, "A4": 4}


def add_parser(sub: argparse._SubParsersAction, text: Catalog) -> None:
    parser = sub.add_parser("poster", help=text("cli.poster.help"), description=text("cli.poster.description"))
    parser.add_argument("file", metavar=text("cli.file_metavar"), help=text("cli.render.file_help"))
    parser.add_argument("--size", choices=SIZES, default="A1", help=text("cli.poster.size_help"))
    parser.add_argument("--orientation", choices=("landscape", "portrait"), default="landscape",
                        help=text("cli.poster.orientation_help"))
    parser.add_argument("--tile", choices=TILES, help=text("cli.poster.tile_help"))
    parser.add_argument("--scenario", metavar="ID", help=text("cli.render.scenario_help"))
    parser.add_argument("-o", "--output", required=True, metavar=text("cli.file_metavar"), help=text("cli.poster.output_help"))


def run(args: argparse.Namespace, text: Catalog) -> int:
    if args.tile and ORDER[args.tile] <= ORDER[args.size]:
        raise RenderOptionsInvalid("journeys poster", [Problem("cli.poster.tile_too_big", {"tile": args.tile, "size": args.size})])
    from journeys.render.output import write_output
    from journeys.render.poster import poster_pdf
    from journeys.workshop import load_notes

    persona_file = load_for_export(args.file, args)
    notes = load_notes(Path(args.file))
    pdf = poster_pdf(persona_file, text, size=args.size, orientation=args.orientation, tile=args.tile,
                     scenario=args.scenario, notes=notes)
    try:
        write_output(args.output, pdf)
    except OSError as exc:
        raise RenderOptionsInvalid(args.output, [Problem("cli.write_failed", {"error": exc.strerror or exc})]) from None
    print(text("cli.poster.written", path=args.output), file=sys.stderr)
    return 0
