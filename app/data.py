"""The library calls the app makes, cached.

Everything is keyed on the persona file's *content* (a :class:`Document`: its name, text and
the text's SHA-256, which is what the caches hash) plus the options, never on a path alone, so
an edit on disk is seen at once and stepping back and forth through a life re-uses what was
drawn. The parsed persona, its graph and gaps are shared objects (frozen; a plain LRU cache:
looked up on every run, so the lookup must cost nothing); pictures and files (plain bytes and
text) go through ``st.cache_data``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import streamlit as st

from persona.i18n import Catalog
from persona.load import PersonaFile, parse_persona, read_persona
from persona.vocabulary import Vocabulary, load_vocabulary

APP_PACKAGES = ("persona", "journeys", "app")


@dataclass(frozen=True)
class Document:
    """A persona file's text, named, with a content hash for the caches to key on."""

    name: str
    digest: str
    yaml_text: str = field(repr=False, compare=False)


def document(name: str, yaml_text: str) -> Document:
    return Document(name, hashlib.sha256(yaml_text.encode("utf-8")).hexdigest(), yaml_text)


def _document_key(doc: Document) -> str:
    return f"{doc.name}\0{doc.digest}"


HASH = {Document: _document_key}


@dataclass(frozen=True)
class Analysis:
    """A persona read and understood: the file, its graph and its gaps."""

    persona_file: PersonaFile
    graph: Any  # journeys.graph.JourneyGraph
    gaps: tuple[Any, ...]  # journeys.gaps.Gap
    comparison: Any = None  # journeys.scenario.GapComparison, for a scenario
    changes: Any = None  # journeys.scenario_changes.ScenarioChanges, for a scenario


@lru_cache(maxsize=None)  # plain caches: asked for several times on every run, and never change
def catalog(lang: str) -> Catalog:
    return Catalog.load(lang, packages=APP_PACKAGES)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    return load_vocabulary()


@lru_cache(maxsize=16)  # keyed on the name and content hash (a Document hashes those, not its text)
def analysis(doc: Document) -> Analysis:
    """Parse, build the graph and find the gaps (raises PersonaError for a bad file)."""
    from journeys.gaps import find_gaps
    from journeys.graph import build_graph

    persona_file = parse_persona(doc.yaml_text, doc.name, vocabulary())
    graph = build_graph(persona_file.persona, persona_file.vocabulary)
    return Analysis(persona_file, graph, find_gaps(graph))


@lru_cache(maxsize=32)
def scenario_analysis(doc: Document, scenario_id: str) -> Analysis:
    """The persona with a scenario applied, its gaps, and how they compare with the persona's."""
    from journeys.gaps import find_gaps
    from journeys.graph import build_graph
    from journeys.scenario import apply_scenario, compare_gaps
    from journeys.scenario_changes import scenario_changes

    before = analysis(doc)
    vocab = before.persona_file.vocabulary
    persona = apply_scenario(before.persona_file.persona, scenario_id, vocab)
    graph = build_graph(persona, vocab)
    gaps = find_gaps(graph)
    changes = scenario_changes(before.persona_file.persona, persona, scenario_id)
    return Analysis(before.persona_file, graph, gaps, compare_gaps(before.gaps, gaps), changes)


def chosen(doc: Document, scenario_id: str | None) -> Analysis:
    return scenario_analysis(doc, scenario_id) if scenario_id else analysis(doc)


@st.cache_data(show_spinner=False, max_entries=512, hash_funcs=HASH)
def timeline_svg(doc: Document, lang: str, theme: str, until_age: float | None,
                 scenario_id: str | None = None, legend: bool = False) -> str:
    """The whole timeline for the screen: without the legend (the page explains the gaps in large type)."""
    from journeys.render import timeline

    found = chosen(doc, scenario_id)
    return timeline(found.graph, found.gaps, catalog(lang), theme=theme, until_age=until_age,
                    comparison=found.comparison, legend=legend).svg()


@st.cache_data(show_spinner=False, max_entries=64, hash_funcs=HASH)
def scenario_layer_svg(doc: Document, lang: str, theme: str, scenario_id: str) -> str:
    """One timeline of a scenario over the journey as it is: what the scenario added, changed and
    removed, and the gaps it closes, leaves and opens (no legend: :func:`legend_svg` with ``layer``)."""
    from journeys.render import timeline

    found = scenario_analysis(doc, scenario_id)
    return timeline(found.graph, found.gaps, catalog(lang), theme=theme, comparison=found.comparison,
                    legend=False, changes=found.changes).svg()


@st.cache_data(show_spinner=False, max_entries=64, hash_funcs=HASH)
def scenario_layer_file(doc: Document, lang: str, theme: str, scenario_id: str, fmt: str) -> bytes:
    """The scenario over the journey as the full Graphviz timeline with its legend (every label,
    for print): SVG or PDF."""
    from journeys.render import timeline

    found = scenario_analysis(doc, scenario_id)
    return timeline(found.graph, found.gaps, catalog(lang), theme=theme, comparison=found.comparison,
                    legend=True, changes=found.changes).as_format(fmt)


@st.cache_data(show_spinner=False, max_entries=64, hash_funcs=HASH)
def scenario_overview_svg(doc: Document, lang: str, scenario_id: str) -> tuple[str, tuple[str, ...]]:
    """The scenario as a layer over the whole-life overview a screen can hold: its SVG (hover
    titles) and the marks it shows."""
    from journeys.render import scenario_overview
    from journeys.render.overview_view import hover_titles

    found = scenario_analysis(doc, scenario_id)
    picture = scenario_overview(found.graph, found.comparison, found.changes, catalog(lang))
    return hover_titles(picture.drawing.svg()), picture.marks


@st.cache_data(show_spinner=False, max_entries=512, hash_funcs=HASH)
def focus_svg(doc: Document, lang: str, age: float, gap_number: int,
              scenario_id: str | None = None) -> tuple[str, tuple[str, ...], tuple[float, float]]:
    """The projector close-up of one step (an age, or gap number ``gap_number``): its SVG, the
    marks it shows and its window of years."""
    from journeys.render import focus

    found = chosen(doc, scenario_id)
    picture = focus(found.graph, found.gaps, catalog(lang), age=age, gap_number=gap_number or None,
                    comparison=found.comparison)
    return picture.drawing.svg(), picture.marks, picture.window


@st.cache_data(show_spinner=False, max_entries=512, hash_funcs=HASH)
def overview_svg(doc: Document, lang: str, until_age: float | None,
                 scenario_id: str | None = None) -> tuple[str, tuple[str, ...]]:
    """The whole-life overview a screen can hold, up to ``until_age``: its SVG and the marks it shows."""
    from journeys.render import overview
    from journeys.render.overview_view import hover_titles

    found = chosen(doc, scenario_id)
    picture = overview(found.graph, found.gaps, catalog(lang), until_age=until_age, comparison=found.comparison)
    return hover_titles(picture.drawing.svg()), picture.marks


@st.cache_data(show_spinner=False, max_entries=64, hash_funcs=HASH)
def legend_svg(doc: Document, lang: str, theme: str, scenario_id: str | None = None, width: float = 1400.0,
               layer: bool = False) -> str:
    """The timeline's legend: what each shape, bar, line and mark means (no gap list: the page
    explains the gaps); with ``layer``, also the marks of what the scenario added, changed, removed."""
    from journeys.render import legend

    found = chosen(doc, scenario_id)
    return legend(found.graph, catalog(lang), theme=theme, width=width, comparison=found.comparison,
                  explain=False, changes=found.changes if layer else None).svg()


@st.cache_data(show_spinner=False, max_entries=64, hash_funcs=HASH)
def ecomap_screen_svg(doc: Document, lang: str) -> tuple[str, tuple[str, ...]]:
    """The ecomap for the screen (one type size, the rest on hover): its SVG with hover titles,
    and the marks it shows."""
    from journeys.render import ecomap_screen
    from journeys.render.overview_view import hover_titles

    found = analysis(doc)
    picture = ecomap_screen(found.graph, found.gaps, catalog(lang))
    return hover_titles(picture.drawing.svg()), picture.marks


@st.cache_data(show_spinner=False, max_entries=64, hash_funcs=HASH)
def balance_svg(doc: Document, lang: str, theme: str) -> str:
    from journeys.render import balance

    found = analysis(doc)
    return balance(found.graph, catalog(lang), theme=theme, legend=True, screen=True).svg()


@st.cache_data(show_spinner=False, max_entries=64, hash_funcs=HASH)
def view_file(doc: Document, lang: str, theme: str, view: str, fmt: str,
              scenario_id: str | None = None) -> bytes:
    """One picture (timeline, ecomap, balance) as SVG, PNG or PDF."""
    from journeys.render import picture

    found = chosen(doc, scenario_id)
    drawing = picture(view, found.graph, found.gaps, catalog(lang), theme=theme, comparison=found.comparison)
    return drawing.as_format(fmt)


@st.cache_data(show_spinner=False, max_entries=16, hash_funcs=HASH)
def poster_file(doc: Document, lang: str, size: str, orientation: str, tile: str | None,
                scenario_id: str | None, notes_text: str | None) -> bytes:
    from journeys.render.poster import poster_pdf

    found = analysis(doc)
    return poster_pdf(found.persona_file, catalog(lang), size=size, orientation=orientation, tile=tile,
                      scenario=scenario_id, notes=_notes(notes_text, doc.name))


@st.cache_data(show_spinner=False, max_entries=16, hash_funcs=HASH)
def chronology_text(doc: Document, lang: str, fmt: str, notes_text: str | None,
                    scenario_id: str | None = None) -> str:
    from journeys.report import chronology

    found = chosen(doc, scenario_id)
    return chronology(found.graph, found.gaps, catalog(lang), fmt=fmt, notes=_notes(notes_text, doc.name),
                      comparison=found.comparison)


def _notes(notes_text: str | None, source: str) -> Any:
    from journeys.workshop import notes_from_text

    return notes_from_text(notes_text, source) if notes_text else None


@dataclass(frozen=True)
class Listed:
    """One persona file of the folder, for the choice list."""

    path: str
    name: str | None  # None when the file is not a valid persona
    problems: int


@st.cache_data(show_spinner=False, max_entries=256)
def listed(path: str, stamp: tuple[int, int]) -> Listed:
    """A file of the folder with its persona's name (``stamp`` = size and mtime, for freshness)."""
    from persona.errors import PersonaError

    try:
        return Listed(path, read_persona(Path(path), vocabulary()).persona.name, 0)
    except PersonaError as exc:
        return Listed(path, None, len(exc.problems))
    except Exception:  # noqa: BLE001 - the last guard: one broken file must not blank the list
        return Listed(path, None, 1)
