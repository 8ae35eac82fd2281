"""The chronology says an event's kind once: "Beslut: extra resurs", never "Beslut: Beslut: …"."""

from __future__ import annotations

import pytest

from journeys.graph import build_graph
from journeys.report import chronology, kind_unless_said
from persona.i18n import Catalog
from persona.load import parse_persona
from tests.conftest import persona_text


@pytest.mark.parametrize("kind, label, shown", [
    ("Beslut", "Beslut: extra resurs i gruppen", ""),
    ("Orosanmälan", "orosanmälan: bråk hemma", ""),
    ("Beslut", "Extra resurs i gruppen", "Beslut"),
    ("Utredning eller bedömning", "Utredning inleds", "Utredning eller bedömning"),
    ("Beslut", "Beslutsmöte: skolan", "Beslut"),
])
def test_the_kind_is_left_out_when_the_label_begins_with_it(kind: str, label: str, shown: str):
    assert kind_unless_said(kind, label) == shown


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_a_decision_labelled_with_its_kind_is_told_once(fmt: str):
    body = ("events:\n  - {id: a, age: 4, kind: decision, agency: preschool, label: \"Beslut: extra resurs\"}\n"
            "  - {id: b, age: 5, kind: decision, agency: preschool, label: \"Ny resurs\"}\n")
    loaded = parse_persona(persona_text(body), "t.yaml")
    graph = build_graph(loaded.persona, loaded.vocabulary)
    text = chronology(graph, (), Catalog.load("sv", packages=("persona", "journeys")), fmt=fmt)
    assert "Beslut: Beslut" not in text
    cell = "| " if fmt == "markdown" else "<td>"
    assert text.count(f"{cell}Beslut: extra resurs") == 1 and text.count(f"{cell}Beslut: Ny resurs") == 1
