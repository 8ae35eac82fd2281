"""``journeys new NAME``: write a commented starter persona that validates."""

from __future__ import annotations

import argparse
import re
import unicodedata
from importlib import resources
from pathlib import Path
from string import Template

from persona.errors import PersonaUnreadable, Problem
from persona.i18n import Catalog

from journeys.cli.common import add_global_options


def slug(name: str) -> str:
    """``"Lisa Åberg"`` → ``"lisa-aberg"``: an id a persona file accepts."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return cleaned or "persona"


def starter_text(name: str, lang: str, file_name: str) -> str:
    template = resources.files("journeys").joinpath("templates").joinpath(f"starter.{lang}.yaml").read_text(encoding="utf-8")
    quoted = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return Template(template).substitute(id=slug(name), name=quoted, file=file_name)


def add_parser(sub: argparse._SubParsersAction, text: Catalog) -> None:
    parser = sub.add_parser("new", help=text("cli.new.help"), description=text("cli.new.help"))
    parser.add_argument("name", help=text("cli.new.name_help"))
    parser.add_argument("-o", "--output", metavar=text("cli.file_metavar"), help=text("cli.new.output_help"))
    add_global_options(parser, text)


def run(args: argparse.Namespace, text: Catalog) -> int:
    out = Path(args.output or f"{slug(args.name)}.yaml")
    if out.exists():
        raise PersonaUnreadable(out, [Problem("cli.new.exists")])
    content = starter_text(args.name, text.lang, out.name)
    try:
        with out.open("x", encoding="utf-8") as handle:
            handle.write(content)
    except OSError as exc:
        raise PersonaUnreadable(out, [Problem("cli.write_failed", {"error": exc.strerror or exc})]) from None
    print(text("cli.new.written", path=out))
    return 0
