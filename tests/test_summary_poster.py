"""The A2/A3 summary poster, measured from the PDF (pdfplumber): no text under 9 pt, at most six
type sizes, nothing overlapping, the most serious gaps first, every gap either on the poster or
named as left out, and a line saying where the full text version is — on every example and a
crowded generated persona, landscape and portrait."""

from __future__ import annotations

import io
from functools import cache

import pytest

from bench.generate import generate_persona_text
from journeys.render.geometry import Box, overlapping_pairs
from journeys.render.journey import prepare
from journeys.render.poster import poster_pdf
from journeys.render.summary_poster import summary_layout
from journeys.workshop import GapNote, WorkshopNotes
from persona.load import parse_persona, read_persona
from tests.conftest import EXAMPLES
from tests.render_helpers import catalog

pdfplumber = pytest.importorskip("pdfplumber")

SMALLEST_PT = 9.0
MOST_SIZES = 6
SHAPES = [(size, orientation) for size in ("A2", "A3") for orientation in ("landscape", "portrait")]


EXAMPLE_NAMES = tuple(p.stem for p in sorted(EXAMPLES.glob("*.yaml")) if p.name.count(".") == 1)  # every example



@cache
def persona_file(name: str):
    if name == "crowded":
        return parse_persona(generate_persona_text(150, seed=0, crowded=True), "crowded.yaml")
    return read_persona(EXAMPLES / f"{name}.yaml")


def characters(pdf: bytes) -> list[dict]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [c for page in document.pages for c in page.chars if c["text"].strip()]


@pytest.mark.parametrize("name", [*EXAMPLE_NAMES, "crowded"])
@pytest.mark.parametrize("size, orientation", SHAPES)
def test_no_text_under_nine_points_and_few_sizes(name: str, size: str, orientation: str):
    chars = characters(poster_pdf(persona_file(name), catalog(), size=size, orientation=orientation))
    sizes = {round(c["size"], 1) for c in chars}
    assert min(sizes) >= SMALLEST_PT, sorted(sizes)
    assert len(sizes) <= MOST_SIZES, sorted(sizes)


@pytest.mark.parametrize("name", [*EXAMPLE_NAMES, "crowded"])
@pytest.mark.parametrize("size, orientation", SHAPES)
def test_nothing_overlaps_and_every_gap_is_shown_or_named(name: str, size: str, orientation: str):
    journey = prepare(persona_file(name))
    layout = summary_layout(journey, catalog(), size, orientation)
    boxes = [line.box for line in layout.lines]
    boxes += [Box(bar.x - bar.width / 2, bar.top, bar.width, bar.bottom - bar.top) for bar in layout.bars]
    assert not overlapping_pairs(boxes)
    assert all(0 <= b.x and b.right <= layout.width and 0 <= b.y and b.bottom <= layout.height for b in boxes)
    assert sorted(layout.shown + layout.left_out) == [n.number for n in journey.numbered]
    assert layout.shown, "at least one gap is on the poster"
    if layout.left_out:
        words = " ".join(line.text for line in layout.lines)
        assert "fick inte plats" in words and all(str(n) in words for n in layout.left_out)


def test_the_most_serious_come_first_then_the_most_voted():
    journey = prepare(persona_file("kim"))
    by_number = {n.number: n for n in journey.numbered}
    shown = summary_layout(journey, catalog(), "A2", "landscape").shown
    severities = [by_number[n].gap.severity for n in shown]
    assert severities == sorted(severities, reverse=True)
    mild = [n for n in journey.numbered if n.gap.severity == severities[-1]]
    favourite = mild[-1]
    notes = WorkshopNotes("kim", {favourite.gap.key: GapNote(votes=5)})
    again = summary_layout(journey, catalog(), "A2", "landscape", notes).shown
    same = [n for n in again if by_number[n].gap.severity == favourite.gap.severity]
    assert same[0] == favourite.number


def test_the_summary_says_where_the_full_text_is():
    text = " ".join(c["text"] for c in characters(poster_pdf(persona_file("kim"), catalog(), size="A3")))
    joined = text.replace(" ", "")
    assert "kronologin" in joined and "A1ellerA0" in joined


def test_the_childs_own_words_are_on_the_cards_of_their_gaps():
    journey = prepare(persona_file("kim"))
    layout = summary_layout(journey, catalog(), "A2", "landscape")
    words = " ".join(line.text for line in layout.lines)
    said = {e.id: e.voice for e in journey.graph.persona.events if e.voice}
    on_poster = [n for n in journey.numbered if n.number in layout.shown and set(n.gap.events) & set(said)]
    assert on_poster, "some gap on the poster rests on an event with the child's words"
    for numbered in on_poster:
        for event_id in set(numbered.gap.events) & set(said):
            assert said[event_id] in words
