"""``journeys gaps FILE``: where the child falls between the chairs, as a table, JSON or Markdown.

Finding gaps is the point, so the exit code is 0 whenever the file could be read (1 or 2 only for
a file, vocabulary or scenario that is wrong). The JSON form is a stable interface: a list of
gaps (``number``, ``key``, ``rule``, ``title``, ``from``, ``to``, ``agencies``, ``events``,
``severity``, ``message``, ``question``); with ``--compare`` an object with ``closed``,
``remaining`` and ``new``, each such a list. With ``--catalogue FILE`` each gap also has
``catalogue``: ``verdict`` (``"offer"``: nothing existed; ``"access"``: it existed and did not
reach the child), ``level``, ``agencies`` and ``services`` (``id``, ``name``, ``agency``,
``target``, and ``wait_days`` and ``capacity`` when the catalogue gives them).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any, Sequence

from persona.i18n import Catalog

from journeys.cli.common import add_global_options, vocabulary_from

if TYPE_CHECKING:  # the library is imported when the command runs, so `journeys --help` stays quick
    from persona.catalogue import CatalogueFile
    from persona.load import PersonaFile
    from persona.vocabulary import Vocabulary

    from journeys.catalogue import Verdict

    from journeys.gaps import Gap
    from journeys.scenario import GapComparison

FORMATS = ("table", "json", "markdown")
SECTIONS = ("closed", "remaining", "new")


def add_parser(sub: argparse._SubParsersAction, text: Catalog) -> None:
    parser = sub.add_parser("gaps", help=text("cli.gaps.help"), description=text("cli.gaps.description"))
    parser.add_argument("file", metavar=text("cli.file_metavar"), help=text("cli.gaps.file_help"))
    parser.add_argument("--scenario", metavar="ID", help=text("cli.gaps.scenario_help"))
    parser.add_argument("--compare", action="store_true", help=text("cli.gaps.compare_help"))
    parser.add_argument("--format", choices=FORMATS, default="table", help=text("cli.gaps.format_help"))
    parser.add_argument("--catalogue", metavar=text("cli.file_metavar"), help=text("cli.gaps_catalogue_help"))
    add_global_options(parser, text)


def run(args: argparse.Namespace, text: Catalog) -> int:
    if args.compare and not args.scenario:
        print(text("cli.gaps.compare_needs_scenario"), file=sys.stderr)
        return 2
    from persona.load import read_persona

    from journeys.scenario import compare_gaps

    loaded = read_persona(args.file, vocabulary_from(args))
    offer = _catalogue(args.catalogue, loaded) if args.catalogue else None
    graph, before = _graph_and_gaps(loaded.persona, loaded.vocabulary)
    verdicts = _verdicts(before, graph, offer)
    if not args.scenario:
        print(_render(before, loaded, text, args.format, verdicts))
        return 0
    changed_graph, after = _graph_and_gaps(_scenario(loaded, args.scenario), loaded.vocabulary)
    verdicts.update(_verdicts(after, changed_graph, offer))
    if args.compare:
        print(_render_comparison(compare_gaps(before, after), loaded, text, args.format, verdicts))
    else:
        print(_render(after, loaded, text, args.format, verdicts))
    return 0


def _catalogue(path: str, loaded: PersonaFile) -> CatalogueFile:
    """The catalogue, naming agencies in the persona's vocabulary (its own agencies included)."""
    from persona.catalogue import read_catalogue

    return read_catalogue(path, loaded.vocabulary)


def _verdicts(gaps: Sequence[Gap], graph, offer: CatalogueFile | None) -> dict[int, Verdict]:
    """The catalogue's verdict on each gap (by ``id``); none without a catalogue."""
    if offer is None:
        return {}
    from journeys.catalogue import match_gaps

    return {id(g): v for g, v in zip(gaps, match_gaps(gaps, graph, offer))}


def _scenario(loaded: PersonaFile, scenario_id: str):
    from journeys.scenario import ScenarioError, apply_scenario

    try:
        return apply_scenario(loaded.persona, scenario_id, loaded.vocabulary)
    except ScenarioError as exc:
        raise ScenarioError(loaded.path, exc.problems) from None


def _graph_and_gaps(persona, vocabulary: Vocabulary):
    """The journey graph of a persona and its gaps."""
    from journeys.gaps import find_gaps
    from journeys.graph import build_graph

    graph = build_graph(persona, vocabulary)
    return graph, find_gaps(graph)


# --- JSON ----------------------------------------------------------------------------------
def gap_json(gap: Gap, number: int, text: Catalog, vocabulary: Vocabulary) -> dict[str, Any]:
    """One gap as the stable JSON object."""
    from journeys.gaps import gap_text, gap_title

    words = gap_text(gap, text, vocabulary)
    return {
        "number": number,
        "key": gap.key,
        "rule": gap.rule,
        "title": gap_title(gap, text),
        "from": round(gap.start, 3),
        "to": round(gap.end, 3),
        "agencies": list(gap.agencies),
        "events": list(gap.events),
        "severity": gap.severity,
        "message": words.message,
        "question": words.question,
        "visible_from": round(gap.visible, 3),
    }


def _numbered(gaps: Sequence[Gap], comparison: GapComparison | None = None) -> dict[int, int]:
    """Each gap's number (by ``id``), as the pictures, the chronology and the poster number it:
    with a comparison, closed, remaining and new gaps are numbered together."""
    from journeys.render.gaplist import number_gaps

    return {id(n.gap): n.number for n in number_gaps(gaps, comparison)}


def _with_verdict(data: dict[str, Any], gap: Gap, verdicts: dict[int, Verdict]) -> dict[str, Any]:
    if id(gap) in verdicts:
        data["catalogue"] = verdicts[id(gap)].as_json()
    return data


def _verdict_line(verdicts: dict[int, Verdict], text: Catalog, vocabulary: Vocabulary, fmt: str):
    """The extra line of the table (or cell of the Markdown): the catalogue's verdict (None
    without a catalogue)."""
    if not verdicts:
        return None
    from journeys.catalogue.text import verdict_sentence

    if fmt == "markdown":
        return lambda gap: verdict_sentence(verdicts[id(gap)], text, vocabulary)
    return lambda gap: text("catalogue.verdict_line", sentence=verdict_sentence(verdicts[id(gap)], text, vocabulary))


def _render(gaps: Sequence[Gap], loaded: PersonaFile, text: Catalog, fmt: str, verdicts: dict[int, Verdict]) -> str:
    from journeys.gaps.format import gap_table, gaps_markdown

    numbers = _numbered(gaps)
    numbered = [(numbers[id(g)], g) for g in gaps]
    if fmt == "json":
        return _dump([_with_verdict(gap_json(g, n, text, loaded.vocabulary), g, verdicts) for n, g in numbered])
    extra = _verdict_line(verdicts, text, loaded.vocabulary, fmt)
    if fmt == "markdown":
        return gaps_markdown(numbered, loaded.persona.name, text, loaded.vocabulary, extra)
    return gap_table(numbered, loaded.persona.name, text, loaded.vocabulary, extra)


def _render_comparison(comparison: GapComparison, loaded: PersonaFile, text: Catalog, fmt: str,
                       verdicts: dict[int, Verdict]) -> str:
    from journeys.gaps.format import gap_table, gaps_markdown

    numbers = _numbered((), comparison)
    sections = {name: [(numbers[id(g)], g) for g in getattr(comparison, name)] for name in SECTIONS}
    if fmt == "json":
        return _dump({name: [_with_verdict(gap_json(g, n, text, loaded.vocabulary), g, verdicts)
                             for n, g in sections[name]] for name in SECTIONS})
    render = gaps_markdown if fmt == "markdown" else gap_table
    extra = _verdict_line(verdicts, text, loaded.vocabulary, fmt)
    parts = [render(sections[name], text(f"cli.gaps.section.{name}"), text, loaded.vocabulary, extra)
             for name in SECTIONS]
    return "\n\n".join(parts)


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
