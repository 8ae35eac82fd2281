"""The library calls of the offer and the cost, cached: the folder's service catalogue, its map
and luckor, the catalogue's verdict on each gap, and the cost report and curve.

The municipality keeps its catalogue beside the personas (``NAME.catalogue.yaml``); the app uses
the one chosen on the page "Utbudet", or the folder's first. Cached on the file's size and
modification time, so an edit on disk is seen at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

from persona.catalogue import CatalogueFile, read_catalogue

from app import data


def catalogue_paths(folder: Path) -> list[Path]:
    from journeys.folders import catalogue_files

    return list(catalogue_files([folder])) if folder.is_dir() else []


def _stamp(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_size, info.st_mtime_ns


@st.cache_resource(show_spinner=False, max_entries=8)
def _catalogue(path: str, stamp: tuple[int, int]) -> CatalogueFile:
    return read_catalogue(path, data.vocabulary())


def catalogue(path: Path) -> CatalogueFile:
    """The catalogue at ``path`` (raises PersonaError for a bad file)."""
    return _catalogue(str(path), _stamp(path))


@st.cache_data(show_spinner=False, max_entries=16)
def offer_svg(path: str, stamp: tuple[int, int], lang: str) -> str:
    from journeys.catalogue import offer_map
    from journeys.render.catalogue_view import offer_heatmap

    loaded = _catalogue(path, stamp)
    # one column: beside the app's menu a picture is about 900 px wide, and its text stays at 18 px or more
    return offer_heatmap(offer_map(loaded), data.catalog(lang), loaded.vocabulary, loaded.catalogue.municipality,
                         columns=1).svg()


def heatmap_svg(path: Path, lang: str) -> str:
    return offer_svg(str(path), _stamp(path), lang)


def luckor(path: Path) -> tuple[Any, ...]:
    from journeys.catalogue import find_luckor, offer_map

    return find_luckor(offer_map(catalogue(path)))


def verdicts(found: data.Analysis, path: Path) -> dict[str, Any]:
    """The catalogue's verdict on each gap of an analysis, by gap key."""
    from journeys.catalogue import match_gaps

    loaded = catalogue(path)
    return {g.key: v for g, v in zip(found.gaps, match_gaps(found.gaps, found.graph, loaded))}


@st.cache_data(show_spinner=False, max_entries=32, hash_funcs=data.HASH)
def cost_report(doc: data.Document, lang: str, scenario_id: str | None) -> dict[str, Any]:
    """The cost report of a persona (and a scenario) with the default cost table."""
    from journeys.cost import cost_table
    from journeys.cost.report import persona_cost_report

    return persona_cost_report(data.analysis(doc).persona_file, cost_table(), data.catalog(lang), scenario_id)


@st.cache_data(show_spinner=False, max_entries=32, hash_funcs=data.HASH)
def cost_curve_svg(doc: data.Document, lang: str, scenario_id: str | None) -> str:
    from journeys.render.cost_view import cost_curve

    return cost_curve(cost_report(doc, lang, scenario_id), data.catalog(lang), narrow=True).svg()
