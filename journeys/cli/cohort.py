"""``journeys cohort EXTRACT --mapping MAP.yaml [-o report.html|.xlsx|.json]``: the rules over a
municipality's anonymised extract, with disclosure control.

Without ``-o``, the rules' totals (after disclosure control) are printed as a table. A bad
mapping or extract is one line per problem (exit 1; 2 when a file cannot be read); an extract
holding personal identity numbers is refused and nothing is written. A progress line is shown
on a terminal while the children are run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from persona.i18n import Catalog

from journeys.cli.common import add_global_options, vocabulary_from, write_output_file

if TYPE_CHECKING:
    from journeys.cohort.run import CohortRun

SUFFIXES = (".html", ".json", ".xlsx")
PROGRESS_FROM = 2_000  # children: fewer finish before a progress line would help


def add_parser(sub: argparse._SubParsersAction, text: Catalog) -> None:
    parser = sub.add_parser("cohort", help=text("cli.cohort.help"), description=text("cli.cohort.description"))
    parser.add_argument("extract", metavar="EXTRACT", help=text("cli.cohort.extract_help"))
    parser.add_argument("--mapping", required=True, metavar=text("cli.file_metavar"),
                        help=text("cli.cohort.mapping_help"))
    parser.add_argument("-o", "--output", metavar=text("cli.file_metavar"), help=text("cli.cohort.output_help"))
    parser.add_argument("--min-count", type=int, metavar="K", help=text("cli.cohort.min_count_help"))
    parser.add_argument("--processes", type=int, metavar="N", help=text("cli.cohort.processes_help"))
    add_global_options(parser, text)


def run(args: argparse.Namespace, text: Catalog) -> int:
    if args.output and Path(args.output).suffix.lower() not in SUFFIXES:
        print(text("cli.cohort.bad_suffix"), file=sys.stderr)
        return 2
    from persona.errors import Problem

    from journeys.cohort.disclosure import DisclosureFailed
    from journeys.cohort.mapping import ExtractInvalid
    from journeys.cohort.run import run_cohort

    vocabulary = vocabulary_from(args)
    progress = _Progress(text) if sys.stderr.isatty() else None
    try:
        result = run_cohort(args.extract, args.mapping, vocabulary, min_count=args.min_count,
                            processes=args.processes, progress=progress.step if progress else None,
                            on_start=progress.start if progress else None)
    except DisclosureFailed:
        raise ExtractInvalid(args.mapping, [Problem("cohort.extract.disclosure_failed")]) from None
    finally:
        if progress:
            progress.done()
    if args.output:
        write_output_file(args.output, _report(result, text, vocabulary, Path(args.output).suffix.lower()))
        print(text("cohort.summary.written", path=args.output), file=sys.stderr)
    else:
        print(_summary(result, text))
    return 0


def _report(result: "CohortRun", text: Catalog, vocabulary, suffix: str) -> str | bytes:
    from journeys.cohort.report import build_report, report_html, report_json, report_pictures

    bands = result.mapping.age_bands
    report = build_report(result.published, bands, result.dropped_rows, text, vocabulary)
    if suffix == ".json":
        return report_json(report)
    if suffix == ".xlsx":
        from journeys.cohort.xlsx import report_xlsx

        return report_xlsx(report, text)
    return report_html(report, report_pictures(result.published, bands, text, vocabulary), text)


def _summary(result: "CohortRun", text: Catalog) -> str:
    """The rules' totals and rates per 1,000 as a plain table for the terminal."""
    from journeys.cohort.disclosure import TOTAL
    from journeys.gaps import rule_title

    table = result.published.tables["rule_band"]
    rates = table.rates or {}
    lines = [text("cohort.title"), text("cohort.subtitle", children=result.published.children), ""]
    rows = [(rule_title(r, text), table.cell(r, TOTAL), rates.get((r, TOTAL), "")) for r in table.rows if r != TOTAL]
    width = max(len(name) for name, _, _ in rows)
    lines.append(f"{text('cohort.summary.header'):<{width}}  {text('cohort.summary.children'):>8}  "
                 f"{text('cohort.per_thousand')}")
    lines += [f"{name:<{width}}  {count!s:>8}  {rate!s:>8}" for name, count, rate in rows]
    lines += ["", text("cohort.hidden_note", below=result.published.min_count - 1)]
    return "\n".join(lines)


class _Progress:
    """A one-line progress bar on standard error, for runs long enough to need one."""

    def __init__(self, text: Catalog):
        self.text = text
        self.total = 0
        self.done_count = 0

    def start(self, total: int) -> None:
        self.total = total

    def step(self, count: int) -> None:
        self.done_count += count
        if self.total >= PROGRESS_FROM:
            filled = int(30 * self.done_count / max(1, self.total))
            line = self.text("cohort.summary.progress", done=self.done_count, total=self.total)
            print(f"\r[{'#' * filled}{'.' * (30 - filled)}] {line}", end="", file=sys.stderr, flush=True)

    def done(self) -> None:
        if self.total >= PROGRESS_FROM and self.done_count:
            print(file=sys.stderr)
