"""``journeys cost FILE``: what the persona's journey costs, estimated from public unit costs.

Per year of age and cumulative, by payer, as ranges low–high (``--format table``, ``json`` — a
stable interface, see docs/cost.md — or ``csv``); with ``--scenario ID`` both journeys, the
difference, the silo view, the return on investment and the payback age. ``--costs FILE`` puts
the municipality's own cost table over the default; ``-o FILE.svg|png|pdf|dot`` draws the cost
curve.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from persona.i18n import Catalog

from journeys.cli.common import add_global_options, vocabulary_from, write_output_file

FORMATS = ("table", "json", "csv")
PICTURE_FORMATS = ("svg", "png", "pdf", "dot")


def add_parser(sub: argparse._SubParsersAction, text: Catalog) -> None:
    parser = sub.add_parser("cost", help=text("cli.cost.help"), description=text("cli.cost.description"))
    parser.add_argument("file", metavar=text("cli.file_metavar"), help=text("cli.cost.file_help"))
    parser.add_argument("--scenario", metavar="ID", help=text("cli.cost.scenario_help"))
    parser.add_argument("--costs", metavar=text("cli.file_metavar"), help=text("cli.cost.costs_help"))
    parser.add_argument("--format", choices=FORMATS, default="table", help=text("cli.cost.format_help"))
    parser.add_argument("-o", "--output", metavar=text("cli.file_metavar"), help=text("cli.cost.output_help"))
    add_global_options(parser, text)


def run(args: argparse.Namespace, text: Catalog) -> int:
    from persona.load import read_persona

    from journeys.cost import cost_table
    from journeys.cost.format import cost_csv, cost_table_text

    fmt = Path(args.output).suffix.lstrip(".").lower() if args.output else None
    if fmt is not None and fmt not in PICTURE_FORMATS:
        print(text("cli.catalogue.bad_output", formats=", ".join(PICTURE_FORMATS)), file=sys.stderr)
        return 2
    loaded = read_persona(args.file, vocabulary_from(args))
    table = cost_table(args.costs)
    from journeys.cost.report import persona_cost_report

    report = persona_cost_report(loaded, table, text, args.scenario)
    if args.output and fmt:
        from journeys.render.cost_view import cost_curve

        write_output_file(args.output, cost_curve(report, text).as_format(fmt))
    if args.format == "json":
        print(json.dumps(report, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        sys.stdout.write(cost_csv(report))
    else:
        print(cost_table_text(report, text))
    return 0
