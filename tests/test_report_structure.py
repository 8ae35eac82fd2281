"""The chronology's shape, independent of the golden files: one table, one gap list, each once."""

from __future__ import annotations

import re

import pytest

from journeys.report import chronology
from tests.render_helpers import EXAMPLE_NAMES, catalog, example


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_markdown_has_one_table_and_one_gap_list(name: str):
    journey = example(name)
    text = chronology(journey.graph, journey.gaps, catalog(), fmt="markdown")
    assert len(re.findall(r"^## ", text, flags=re.M)) == 2
    assert len(re.findall(r"^\| --- ", text, flags=re.M)) == 1
    numbers = [int(n) for n in re.findall(r"^(\d+)\. \*\*", text, flags=re.M)]
    assert numbers == list(range(1, len(journey.gaps) + 1))
    rows = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| ---")]
    assert len(rows) == 1 + len(journey.graph.persona.events) + len(journey.graph.persona.supports)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_html_has_one_table_and_one_gap_list(name: str):
    journey = example(name)
    text = chronology(journey.graph, journey.gaps, catalog(), fmt="html")
    assert text.count("<table") == 1 and text.count("</table>") == 1
    assert text.count("<h1") == 1 and text.count("<h2") == 1
