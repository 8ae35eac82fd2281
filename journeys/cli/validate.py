"""``journeys validate PATH...``: check persona files and folders, every problem on its own line.

A service catalogue (``NAME.catalogue.yaml``, or any file whose top-level key is ``catalogue:``)
is checked as a catalogue, a file given by name whose top-level key is ``costs:`` as a cost table.

Problem lines and the summary go to the same stream (stdout), so ``journeys validate x | less``
shows them together."""

from __future__ import annotations

import argparse
import re
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from persona.errors import PersonaError, describe, exception_words, printable
from persona.i18n import Catalog
from persona.safe_yaml import DEFAULT_MAX_BYTES

from journeys.cli.common import add_global_options, vocabulary_from
from journeys.cli.provenance import add_interview_options

if TYPE_CHECKING:
    from persona.load import PersonaFile, PrivacyMode
    from persona.vocabulary import Vocabulary

_COSTS_KEY = re.compile(r"^costs\s*:", re.MULTILINE)


def add_parser(sub: argparse._SubParsersAction, text: Catalog) -> None:
    parser = sub.add_parser("validate", help=text("cli.validate.help"), description=text("cli.validate.help"))
    parser.add_argument("paths", nargs="+", metavar=text("cli.path_metavar"), help=text("cli.validate.paths_help"))
    parser.add_argument("--privacy-warn", action="store_true", help=text("cli.validate.privacy_warn_help"))
    parser.add_argument("--max-mb", type=float, default=DEFAULT_MAX_BYTES / 2**20, metavar="MB",
                        help=text("cli.validate.max_mb_help"))
    parser.add_argument("--quiet", "-q", action="store_true", help=text("cli.validate.quiet_help"))
    add_interview_options(parser, text, required=False)
    add_global_options(parser, text)


def run(args: argparse.Namespace, text: Catalog) -> int:
    from persona.interview_load import is_interview_path

    from journeys.folders import checkable_files, interview_files

    vocabulary = vocabulary_from(args)
    privacy: PrivacyMode = "warning" if args.privacy_warn else "error"
    max_bytes = int(args.max_mb * 2**20)
    counts = {"valid": 0, "invalid": 0, "unreadable": 0, "problems": 0}
    given = list(checkable_files(args.paths))
    files = [p for p in given if not is_interview_path(p)]
    records = [p for p in interview_files(args.paths) if is_interview_path(p)]
    checked = _Provenance(args, vocabulary) if args.interviews else None
    checks = [(p, partial(_record_check, p, vocabulary, text)) for p in records]
    checks += [(p, partial(_check, p, vocabulary, privacy, max_bytes, text)) for p in files]
    exit_code = 0
    for path, check in checks:
        code, result = _told(path, check, counts, text)
        exit_code = max(exit_code, code)
        if result is None:
            continue
        line, loaded = result
        counts["valid"] += 1
        if not args.quiet:
            print(line)
        if checked is not None and loaded is not None:
            exit_code = max(exit_code, checked.check(loaded, path, counts, text))
    print(text("cli.validate.summary", files=len(checks), **counts))
    return exit_code


def _told(path: Path, check: Callable[[], tuple[str, PersonaFile | None]], counts: dict[str, int],
          text: Catalog) -> tuple[int, tuple[str, PersonaFile | None] | None]:
    """One file's check; a failure is told on its own lines and counted: (exit code, None)."""
    try:
        return 0, check()
    except PersonaError as exc:
        for line in exc.lines(text):
            print(line)
        counts["invalid" if exc.exit_code == 1 else "unreadable"] += 1
        counts["problems"] += len(exc.problems)
        return exc.exit_code, None
    except Exception as exc:  # the last guard: this file is told, the others are still checked
        print(f"{printable(str(path))}: {text('cli.internal_error', error=exception_words(exc))}")
        counts["unreadable"] += 1
        return 3, None


def _check(path, vocabulary, privacy: PrivacyMode, max_bytes: int, text: Catalog) -> tuple[str, PersonaFile | None]:
    """Read one file as a persona or a catalogue; print its warnings; the line saying it is valid, and
    the persona (None for a catalogue or cost table)."""
    from persona.catalogue import looks_like_catalogue, parse_catalogue
    from persona.load import parse_persona
    from persona.safe_yaml import read_text

    content = read_text(path, max_bytes)
    if _COSTS_KEY.search(content):
        from persona.costs import parse_costs

        from journeys.cost import default_cost_table

        table = parse_costs(content, path, default_cost_table(), max_bytes).table
        return text("cli.validate.ok_costs", path=printable(str(path)), items=len(table.items)), None
    if looks_like_catalogue(path, content):
        catalogue = parse_catalogue(content, path, vocabulary, max_bytes).catalogue
        return text("cli.validate.ok_catalogue", path=printable(str(path)), services=len(catalogue.services)), None
    loaded = parse_persona(content, path, vocabulary, privacy=privacy, max_bytes=max_bytes)
    for warning in loaded.warnings:
        print(describe(warning, path, text))
    return text("cli.validate.ok", path=printable(str(path)), events=len(loaded.persona.events)), loaded


def _record_check(path: Path, vocabulary: "Vocabulary", text: Catalog) -> tuple[str, PersonaFile | None]:
    """An interview record is checked as an interview record (never as a broken persona); its
    warnings printed; the line saying it is valid."""
    from persona.interview_load import read_interview

    loaded = read_interview(path, vocabulary)
    for warning in loaded.warnings:
        print(describe(warning, path, text))
    return text("cli_interviews.validate_ok", path=printable(str(path)), items=len(loaded.record.evidence)), None


class _Provenance:
    """``--interviews DIR``: each valid persona is checked against the interviews too."""

    def __init__(self, args: argparse.Namespace, vocabulary: "Vocabulary"):
        from journeys.interviews.records import read_interviews
        from journeys.interviews.settings import load_thresholds

        self.interviews = read_interviews([args.interviews], vocabulary)
        self.thresholds = load_thresholds(args.thresholds)

    def check(self, loaded: "PersonaFile", path: Path, counts: dict[str, int], text: Catalog) -> int:
        from journeys.interviews.provenance import check_provenance
        from journeys.interviews.report import problem_lines

        found = check_provenance(loaded, self.interviews, self.thresholds)
        for line in problem_lines(found, text, path):
            print(line)
        counts["problems"] += len(found.problems)
        return 0 if found.ok else 1
