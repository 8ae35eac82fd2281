"""``journeys render FILE --view … --format …``: one picture or the chronology of a persona."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from persona.errors import PersonaError, Problem
from persona.i18n import Catalog

from journeys.cli.common import add_global_options, vocabulary_from, write_output_file

# The library's words (journeys.render, journeys.report), repeated so that `journeys --help`
# imports no library; tests/test_cli_words.py checks they agree.
VIEWS = ("timeline", "ecomap", "balance", "chronology")
THEMES = ("print", "projector")
PICTURE_FORMATS = ("svg", "png", "pdf", "dot")
TEXT_FORMATS = ("html", "markdown")
SUFFIXES = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot", ".html": "html",
            ".htm": "html", ".md": "markdown", ".markdown": "markdown"}
BINARY = ("png", "pdf")


class RenderOptionsInvalid(PersonaError):
    """Options that do not go together."""

    exit_code = 2


def add_parser(sub: argparse._SubParsersAction, text: Catalog) -> None:
    parser = sub.add_parser("render", help=text("cli.render.help"), description=text("cli.render.description"))
    parser.add_argument("file", metavar=text("cli.file_metavar"), help=text("cli.render.file_help"))
    parser.add_argument("--view", choices=VIEWS, default="timeline", help=text("cli.render.view_help"))
    parser.add_argument("--format", choices=PICTURE_FORMATS + TEXT_FORMATS, help=text("cli.render.format_help"))
    parser.add_argument("--theme", choices=THEMES, help=text("cli.render.theme_help"))
    parser.add_argument("--until", type=float, metavar=text("cli.render.age_metavar"), help=text("cli.render.until_help"))
    parser.add_argument("--scenario", metavar="ID", help=text("cli.render.scenario_help"))
    parser.add_argument("--compare", action="store_true", help=text("cli.render.compare_help"))
    parser.add_argument("-o", "--output", metavar=text("cli.file_metavar"), help=text("cli.render.output_help"))
    parser.add_argument("--catalogue", metavar=text("cli.file_metavar"), help=text("cli.render_catalogue_help"))
    parser.add_argument("--interviews", metavar=text("cli_interviews.folder_metavar"),
                        help=text("cli_interviews.assumptions_help"))
    add_global_options(parser, text)


def chosen_format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    by_suffix = SUFFIXES.get(Path(args.output).suffix.lower()) if args.output else None
    return by_suffix or ("html" if args.view == "chronology" else "svg")


def option_problems(args: argparse.Namespace, fmt: str) -> list[Problem]:
    """Every way the options contradict each other, as problems to report."""
    problems = []
    if args.view == "chronology" and fmt not in TEXT_FORMATS:
        problems.append(Problem("cli.render.format_for_view", {"view": args.view, "format": fmt, "allowed": ", ".join(TEXT_FORMATS)}))
    if args.view != "chronology" and fmt not in PICTURE_FORMATS:
        problems.append(Problem("cli.render.format_for_view", {"view": args.view, "format": fmt, "allowed": ", ".join(PICTURE_FORMATS)}))
    if args.until is not None and args.view != "timeline":
        problems.append(Problem("cli.render.until_only_timeline"))
    if args.until is not None and not 0 <= args.until <= 25:
        problems.append(Problem("cli.render.until_range", {"age": args.until}))
    if args.compare and not args.scenario:
        problems.append(Problem("cli.render.compare_needs_scenario"))
    if args.compare and args.view not in ("timeline", "chronology"):
        problems.append(Problem("cli.render.compare_views"))
    if args.theme and args.view == "chronology":
        problems.append(Problem("cli.render.theme_not_text"))
    if getattr(args, "catalogue", None) and args.view != "chronology":
        problems.append(Problem("cli.render_catalogue_only_chronology"))
    if fmt in BINARY and not args.output:
        problems.append(Problem("cli.render.binary_needs_output", {"format": fmt}))
    return problems


def load_for_export(path: str, args: argparse.Namespace):
    """A persona for export: read it, then refuse it if it carries personal data."""
    from persona.load import read_persona

    from journeys.render.poster import refuse_personal_data

    persona_file = read_persona(path, vocabulary_from(args), privacy="warning")
    refuse_personal_data(persona_file)
    return persona_file


def rendered(args: argparse.Namespace, fmt: str, text: Catalog) -> bytes | str:
    from journeys import render
    from journeys.render.journey import prepare

    persona_file = load_for_export(args.file, args)
    journey = prepare(persona_file, args.scenario, compare=args.compare)
    if args.view == "chronology":
        from journeys.report import chronology
        from journeys.workshop import load_notes

        notes = load_notes(Path(args.file))
        verdicts = catalogue_verdicts(args.catalogue, journey, text) if args.catalogue else None
        return chronology(journey.graph, journey.gaps, text, fmt=fmt, notes=notes, comparison=journey.comparison,
                          verdicts=verdicts)
    from journeys.interviews.assumptions import assumption_ids

    assumptions = assumption_ids(persona_file.persona, args.interviews, persona_file.vocabulary)
    drawing = render.picture(args.view, journey.graph, journey.gaps, text, theme=args.theme or "print",
                             until_age=args.until, comparison=journey.comparison, assumptions=assumptions,
                             changes=journey.changes)
    data = drawing.as_format(fmt)
    return data if fmt in BINARY else data.decode("utf-8")


def catalogue_verdicts(path: str, journey, text: Catalog) -> dict[str, str]:
    """The service catalogue's verdict on every gap of a journey (closed ones too), by gap key."""
    from persona.catalogue import read_catalogue

    from journeys.catalogue.text import verdict_lines

    loaded = read_catalogue(path, journey.persona_file.vocabulary)
    return verdict_lines([n.gap for n in journey.numbered], journey.graph, loaded, text)


def run(args: argparse.Namespace, text: Catalog) -> int:
    fmt = chosen_format(args)
    problems = option_problems(args, fmt)
    if problems:
        raise RenderOptionsInvalid("journeys render", problems)
    data = rendered(args, fmt, text)
    if not args.output or args.output == "-":
        sys.stdout.write(data if isinstance(data, str) else data.decode("utf-8"))
        return 0
    write_output_file(args.output, data)
    print(text("cli.render.written", path=args.output), file=sys.stderr)
    return 0
