"""Golden files: the examples' DOT, SVG, HTML and Markdown, byte for byte.

After an intended change of rendered output: ``make golden`` (JOURNEYS_UPDATE_GOLDEN=1) and
review the diff of tests/golden/.
"""

from __future__ import annotations

import pytest

from journeys import render
from journeys.report import chronology
from tests.render_helpers import EXAMPLE_NAMES, catalog, check_golden, example, normalise_svg


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_golden_timeline(name: str):
    journey = example(name)
    drawing = render.timeline(journey.graph, journey.gaps, catalog())
    check_golden(f"{name}.timeline.dot", drawing.dot)
    check_golden(f"{name}.timeline.svg", normalise_svg(drawing.svg()))


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_golden_ecomap_and_balance(name: str):
    journey = example(name)
    eco = render.ecomap(journey.graph, journey.gaps, catalog())
    check_golden(f"{name}.ecomap.dot", eco.dot)
    check_golden(f"{name}.ecomap.svg", normalise_svg(eco.svg()))
    check_golden(f"{name}.balance.svg", normalise_svg(render.balance(journey.graph, catalog()).svg()))


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_golden_chronology(name: str):
    journey = example(name)
    check_golden(f"{name}.chronology.html", chronology(journey.graph, journey.gaps, catalog(), fmt="html"))
    check_golden(f"{name}.chronology.md", chronology(journey.graph, journey.gaps, catalog(), fmt="markdown"))


def test_golden_scenario_comparison():
    journey = example("kim", "kontaktperson-forskola", True)
    drawing = render.timeline(journey.graph, journey.gaps, catalog(), comparison=journey.comparison)
    check_golden("kim.kontaktperson-forskola.timeline.dot", drawing.dot)


def test_golden_projector_theme_in_english():
    journey = example("kim")
    drawing = render.timeline(journey.graph, journey.gaps, catalog("en"), theme="projector", until_age=12.0)
    check_golden("kim.projector.en.until12.timeline.dot", drawing.dot)
