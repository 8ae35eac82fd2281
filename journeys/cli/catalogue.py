"""``journeys catalogue FILE``: the map of the municipality's offer and its luckor.

Prints the luckor, each with a question for the room (``--format table``, the default, or
``json``: ``municipality``, ``services``, ``map`` rows of counts per year of age, ``luckor``);
``-o FILE.svg|png|pdf|dot`` also draws the heatmap (age 0–20 × level, one panel per sector).
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from persona.i18n import Catalog

from journeys.cli.common import add_global_options, vocabulary_from, write_output_file

if TYPE_CHECKING:
    from persona.catalogue import CatalogueFile

    from journeys.catalogue import Lucka, OfferMap

FORMATS = ("table", "json")
PICTURE_FORMATS = ("svg", "png", "pdf", "dot")
WIDTH = 100
INDENT = "     "


def add_parser(sub: argparse._SubParsersAction, text: Catalog) -> None:
    parser = sub.add_parser("catalogue", help=text("cli.catalogue.help"), description=text("cli.catalogue.description"))
    parser.add_argument("file", metavar=text("cli.file_metavar"), help=text("cli.catalogue.file_help"))
    parser.add_argument("--format", choices=FORMATS, default="table", help=text("cli.catalogue.format_help"))
    parser.add_argument("-o", "--output", metavar=text("cli.file_metavar"), help=text("cli.catalogue.output_help"))
    add_global_options(parser, text)


def run(args: argparse.Namespace, text: Catalog) -> int:
    from persona.catalogue import read_catalogue

    from journeys.catalogue import find_luckor, offer_map

    loaded = read_catalogue(args.file, vocabulary_from(args))
    offer = offer_map(loaded)
    luckor = find_luckor(offer)
    if args.output:
        fmt = Path(args.output).suffix.lstrip(".").lower()
        if fmt not in PICTURE_FORMATS:
            print(text("cli.catalogue.bad_output", formats=", ".join(PICTURE_FORMATS)), file=sys.stderr)
            return 2
        from journeys.render.catalogue_view import offer_heatmap

        drawing = offer_heatmap(offer, text, loaded.vocabulary, loaded.catalogue.municipality)
        write_output_file(args.output, drawing.as_format(fmt))
    if args.format == "json":
        print(catalogue_json(loaded, offer, luckor, text))
    else:
        print(catalogue_table(loaded, luckor, text))
    return 0


def catalogue_json(loaded: CatalogueFile, offer: OfferMap, luckor: tuple[Lucka, ...], text: Catalog) -> str:
    from journeys.catalogue.text import lucka_json, offer_json

    data = {
        "municipality": loaded.catalogue.municipality,
        "services": len(loaded.catalogue.services),
        "ages": [offer.years[0], offer.years[-1] + 1],
        "map": offer_json(offer),
        "luckor": [lucka_json(lucka, text, loaded.vocabulary) for lucka in luckor],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def catalogue_table(loaded: CatalogueFile, luckor: tuple[Lucka, ...], text: Catalog) -> str:
    from journeys.catalogue.text import lucka_line, lucka_question

    catalogue = loaded.catalogue
    lines = [text("catalogue.heading", municipality=catalogue.municipality, services=len(catalogue.services),
                  luckor=len(luckor)), "", text("catalogue.luckor_heading")]
    if not luckor:
        lines.append(text("catalogue.no_luckor"))
    for number, lucka in enumerate(luckor, 1):
        lines.append("")
        lines.append(f"{number:>3}. {lucka_line(lucka, text, loaded.vocabulary)}")
        question = f"{text('catalogue.question')}: {lucka_question(lucka, text, loaded.vocabulary)}"
        lines += textwrap.wrap(question, WIDTH, initial_indent=INDENT, subsequent_indent=INDENT)
    return "\n".join(lines)
