"""The legend symbols of the app's projector view: one for every event kind the vocabulary
draws, each a small, well-formed SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from journeys.render import symbols
from journeys.render.theme import KIND_STYLES


def test_every_event_kind_has_a_symbol_of_its_shape():
    for kind in KIND_STYLES:
        root = ET.fromstring(symbols.kind_symbol(kind, kind))
        assert root.get("aria-label") == kind and len(root) >= 1


def test_the_other_marks_have_symbols_too():
    for make in (symbols.support_symbol, symbols.faded_symbol, symbols.gap_symbol, symbols.now_symbol):
        assert ET.fromstring(make("x")).get("viewBox") == "0 0 24 24"
