"""``journeys poster FILE --size A1 -o OUT.pdf``: the print-ready poster (optionally tiled)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from persona.errors import Problem
from persona.i18n import Catalog

from journeys.cli.common import add_global_options, write_output_file
from journeys.cli.render import RenderOptionsInvalid, load_for_export

# The library's words (journeys.render.pages), repeated so that `journeys --help` imports no
# library; tests/test_cli_words.py checks they agree.
SIZES = ("A0", "A1", "A2", "A3")
TILES = ("A4", "A3")
ORIENTATIONS = ("landscape", "portrait")
ORDER = {"A0": 0, "A1": 1, "A2": 2, "A3": 3, "A4": 4}
# One poster and the process ends: no garbage collection while it is made (journeys.cli.main);
# --watch, which stays, switches the collector back on (journeys.cli.watch).
PAUSES_COLLECTOR = True


def add_parser(sub: argparse._SubParsersAction, text: Catalog) -> None:
    parser = sub.add_parser("poster", help=text("cli.poster.help"), description=text("cli.poster.description"))
    parser.add_argument("file", metavar=text("cli.file_metavar"), help=text("cli.render.file_help"))
    parser.add_argument("--size", choices=SIZES, default="A1", help=text("cli.poster.size_help"))
    parser.add_argument("--orientation", choices=ORIENTATIONS, default="landscape",
                        help=text("cli.poster.orientation_help"))
    parser.add_argument("--tile", choices=TILES, help=text("cli.poster.tile_help"))
    parser.add_argument("--scenario", metavar="ID", help=text("cli.render.scenario_help"))
    parser.add_argument("--catalogue", metavar=text("cli.file_metavar"), help=text("cli.poster_catalogue_help"))
    parser.add_argument("--cost", action="store_true", help=text("cli.poster_cost_help"))
    parser.add_argument("-o", "--output", required=True, metavar=text("cli.file_metavar"), help=text("cli.poster.output_help"))
    parser.add_argument("--interviews", metavar=text("cli_interviews.folder_metavar"),
                        help=text("cli_interviews.assumptions_help"))
    parser.add_argument("--watch", action="store_true", help=text("cli.watch.help"))
    add_global_options(parser, text)


def run(args: argparse.Namespace, text: Catalog) -> int:
    if args.tile and ORDER[args.tile] <= ORDER[args.size]:
        raise RenderOptionsInvalid("journeys poster", [Problem("cli.poster.tile_too_big", {"tile": args.tile, "size": args.size})])
    if args.watch:
        from journeys.cli.watch import watch
        from journeys.workshop import sidecar_path

        return watch([Path(args.file), sidecar_path(Path(args.file))], lambda: make_poster(args, text), text)
    make_poster(args, text)
    return 0


def make_poster(args: argparse.Namespace, text: Catalog) -> None:
    """Read the persona and its notes, make the poster and write it (atomically)."""
    from journeys.interviews.assumptions import assumption_ids
    from journeys.render.poster import poster_pdf
    from journeys.workshop import load_notes

    persona_file = load_for_export(args.file, args)
    notes = load_notes(Path(args.file))
    assumptions = assumption_ids(persona_file.persona, args.interviews, persona_file.vocabulary)
    pdf = poster_pdf(persona_file, text, size=args.size, orientation=args.orientation, tile=args.tile,
                     scenario=args.scenario, notes=notes, extras=poster_extras(args, persona_file, text),
                     assumptions=assumptions)
    write_output_file(args.output, pdf)
    print(text("cli.poster.written", path=args.output), file=sys.stderr)


def poster_extras(args: argparse.Namespace, persona_file, text: Catalog):
    """The catalogue's verdicts (``--catalogue``) and the cost panel (``--cost``), when asked for."""
    if not args.catalogue and not args.cost:
        return None
    from journeys.render.poster import PosterExtras

    verdicts = {}
    if args.catalogue:
        from journeys.cli.render import catalogue_verdicts
        from journeys.render.journey import prepare

        verdicts = catalogue_verdicts(args.catalogue, prepare(persona_file, args.scenario, compare=bool(args.scenario)), text)
    panel = None
    if args.cost:
        from journeys.cost.report import persona_cost_report
        from journeys.cost import cost_table
        from journeys.render.cost_view import cost_curve

        panel = cost_curve(persona_cost_report(persona_file, cost_table(), text, args.scenario), text)
    return PosterExtras(verdicts, panel)
