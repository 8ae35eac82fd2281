"""Persona text is drawn literally everywhere: DOT, SVG, HTML, Markdown — and the same input
gives the same bytes."""

from __future__ import annotations

import re
import subprocess
import sys

import pygraphviz
import pytest

from journeys import render
from journeys.render.dot import escape_text, quoted
from journeys.report import chronology
from tests.conftest import ROOT, persona_text
from tests.render_helpers import catalog, example, journey_of

HOSTILE = '"]; node [color=red] <script>alert(1)</script> & \\N \\G'
BODY = f"""
events:
  - {{id: a, age: 2, kind: signal, agency: preschool, label: {quoted(HOSTILE)}}}
  - {{id: b, age: 2.1, kind: contact, agency: bvc, label: "Åsa & Öberg <b>fet</b>", responds_to: a,
      note: {quoted(HOSTILE)}, voice: "</td></tr></table> | pipe"}}
  - {{id: c, age: 6, kind: transition, from: preschool, to: school, handover: none, label: "]]> -->"}}
"""


@pytest.fixture(scope="module")
def hostile():
    return journey_of(persona_text(BODY))


def test_escape_text_leaves_nothing_active():
    assert escape_text('<a href="x">&</a>') == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
    assert escape_text("tab\x00\x07ok") == "tabok"
    assert escape_text("a\\N") == "a\\\\N"


def test_quoted_strings_cannot_end_early():
    assert quoted('a"b\\') == '"a\\"b\\\\"'


def test_hostile_label_changes_nothing_in_dot(hostile):
    drawing = render.timeline(hostile.graph, hostile.gaps, catalog())
    graph = pygraphviz.AGraph(string=drawing.dot)
    names = set(graph.nodes())
    assert {"event:a", "label:a", "event:b", "label:b"} <= names
    assert not any(graph.get_node(n).attr.get("color") == "red" for n in names)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in drawing.dot
    assert "<script>" not in drawing.dot


def test_hostile_label_is_literal_in_svg(hostile):
    svg = render.timeline(hostile.graph, hostile.gaps, catalog()).svg()
    assert "<script" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert "&quot;]; node [color=red]" in svg
    assert "\\N \\G" in svg  # Graphviz's escapes are not expanded inside labels
    assert "Åsa &amp; Öberg &lt;b&gt;fet&lt;/b&gt;" in svg


def test_hostile_label_is_literal_in_html_and_markdown(hostile):
    html = chronology(hostile.graph, hostile.gaps, catalog(), fmt="html")
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "</td></tr></table>" not in html
    markdown = chronology(hostile.graph, hostile.gaps, catalog(), fmt="markdown")
    assert "<script" not in markdown
    assert "\\| pipe" in markdown
    for line in markdown.splitlines():
        if line.startswith("| ") and "pipe" in line:
            assert len(re.findall(r"(?<!\\)\|", line)) == 6  # still five cells


def test_hostile_text_in_ecomap_and_poster_card(hostile):
    svg = render.ecomap(hostile.graph, hostile.gaps, catalog()).svg()
    assert "<script" not in svg


def test_same_input_same_bytes():
    journey = example("noor")
    first = render.timeline(journey.graph, journey.gaps, catalog())
    second = render.timeline(journey.graph, journey.gaps, catalog())
    assert first.dot == second.dot and first.svg() == second.svg()
    eco = render.ecomap(journey.graph, journey.gaps, catalog())
    assert eco.svg() == render.ecomap(journey.graph, journey.gaps, catalog()).svg()
    html = chronology(journey.graph, journey.gaps, catalog())
    assert html == chronology(journey.graph, journey.gaps, catalog())


def test_same_bytes_in_a_fresh_process(tmp_path):
    out = tmp_path / "noor.svg"
    command = [sys.executable, "-m", "journeys", "render", str(ROOT / "examples" / "noor.yaml"), "-o", str(out)]
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    journey = example("noor")
    assert out.read_text(encoding="utf-8") == render.timeline(journey.graph, journey.gaps, catalog()).svg()


def test_no_timestamps_or_random_ids_in_svg():
    journey = example("kim")
    svg = render.timeline(journey.graph, journey.gaps, catalog()).svg()
    assert not re.search(r"20\d\d-\d\d-\d\d", svg)
    ids = re.findall(r'id="([^"]+)"', svg)
    assert len(ids) == len(set(ids))
