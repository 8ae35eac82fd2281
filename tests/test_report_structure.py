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


def test_a_gap_that_starts_and_ends_in_the_same_month_reads_as_one_age():
    from journeys.gaps import Gap
    from tests.conftest import persona_text
    from tests.render_helpers import journey_of

    journey = journey_of(persona_text("events:\n  - {id: s, age: 4.4, kind: signal, agency: bvc, label: Oro}\n"))
    gaps = [Gap(rule="level-jump", start=4.4, end=4.42, events=("s",)), Gap(rule="late-first-support", start=4.4, end=5.5)]
    for fmt in ("markdown", "html"):
        text = chronology(journey.graph, gaps, catalog(), fmt=fmt)
        assert "(4 år 5 mån)" in text and "4 år 5 mån – 4 år 5 mån" not in text
        assert "(4 år 5 mån – 5 år 6 mån)" in text
