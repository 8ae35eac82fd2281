"""The ecomap for a screen (journeys.render.ecomap_screen_view): the overview's one type size on
its 1,000 × 560 points, names only where they fit (strongest ties first) and never over another
name or the child, every other tie a mark with its name on hover, the number of contacts on hover
only, a legend of just the marks drawn, the same picture each time — on every example and a
crowded generated persona; the print ecomap is not changed by it."""

from __future__ import annotations

import re
from html import unescape
from functools import lru_cache

import pytest

from bench.generate import generate_persona_text
from journeys import render
from journeys.render.ecomap_screen_view import (
    MISSING, PROTECTIVE, SCREEN, UNLABELLED, label_rank, place_ties, ring_points,
)
from journeys.render.ecomap_view import agency_ties, person_ties
from journeys.render.geometry import Box, overlapping_pairs
from journeys.render.overview_view import FONT, HEIGHT, WIDTH, hover_titles
from tests.render_helpers import EXAMPLE_NAMES, catalog, check_golden, example, journey_of, normalise_svg

CALM = """schema: 1
id: calm
name: Sam
born: 2012
events:
  - {id: a, age: 1, kind: contact, agency: bvc, label: 'Hembesök'}
"""


@lru_cache(maxsize=1)
def crowded():
    return journey_of(generate_persona_text(150, seed=1, crowded=True))


def journeys_to_check():
    return [(name, example(name)) for name in EXAMPLE_NAMES] + [("crowded", crowded())]


def ties_of(journey):
    return person_ties(journey.graph, catalog(), SCREEN) + agency_ties(journey.graph, journey.gaps, catalog(), SCREEN)


def placed_of(journey):
    child = Box(WIDTH / 2 - 40, HEIGHT / 2 - 40, 80, 80)
    return place_ties(ties_of(journey), child, catalog()), child


@pytest.mark.parametrize("name, journey", journeys_to_check(), ids=lambda v: v if isinstance(v, str) else "")
def test_one_type_size_on_the_overviews_canvas(name, journey):
    drawn = render.ecomap(journey.graph, journey.gaps, catalog(), screen=True)
    sizes = {float(s) for s in re.findall(r'POINT-SIZE="([\d.]+)"', drawn.dot)}
    assert sizes == {FONT}, (name, sizes)
    assert (drawn.width, drawn.height) == (WIDTH, HEIGHT)
    assert drawn.dot == render.ecomap(journey.graph, journey.gaps, catalog(), screen=True).dot


@pytest.mark.parametrize("name, journey", journeys_to_check(), ids=lambda v: v if isinstance(v, str) else "")
def test_no_name_overlaps_another_or_the_child_or_leaves_the_picture(name, journey):
    placed, child = placed_of(journey)
    named = [p.box for p in placed if p.labelled]
    assert named, name
    assert not overlapping_pairs(named + [child]), name
    for box in (p.box for p in placed):
        assert box.x >= 0 and box.y >= 0 and box.right <= WIDTH and box.bottom <= HEIGHT, (name, box)


@pytest.mark.parametrize("name, journey", journeys_to_check(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_tie_is_drawn_and_an_unnamed_one_has_its_name_on_hover(name, journey):
    picture = render.ecomap_screen(journey.graph, journey.gaps, catalog())
    svg = hover_titles(picture.drawing.svg())
    placed, _ = placed_of(journey)
    for place in placed:
        node = place.tie.node.replace(":", "-").replace("-", "&#45;")
        assert f'id="{node}"' in svg, (name, node)
    hidden = [p for p in placed if not p.labelled]
    assert picture.hidden_labels == len(hidden)
    for place in hidden:
        assert f"<title>{place.title}</title>" in unescape(svg), place.title
    assert (UNLABELLED in picture.marks) == bool(hidden)


@pytest.mark.parametrize("name, journey", journeys_to_check(), ids=lambda v: v if isinstance(v, str) else "")
def test_the_number_of_contacts_is_on_hover_only(name, journey):
    dot = render.ecomap(journey.graph, journey.gaps, catalog(), screen=True).dot
    labels = " ".join(re.findall(r"label=<(.*?)>,", dot))
    assert "kontakt" not in labels, name
    assert re.search(r'tooltip="[^"]+: \d+ kontakt', dot), name


@pytest.mark.parametrize("name, journey", journeys_to_check(), ids=lambda v: v if isinstance(v, str) else "")
def test_the_strongest_tie_is_named_first(name, journey):
    ties = ties_of(journey)
    ranked = [tie for _, tie in sorted(enumerate(ties), key=label_rank)]
    agencies = [t for t in ranked if t.kind == "agency"]
    assert [t.contacts for t in agencies] == sorted((t.contacts for t in agencies), reverse=True)
    assert all(t.protective for t in ranked[:sum(1 for t in ties if t.protective)])
    placed, _ = placed_of(journey)
    busiest = max(agencies, key=lambda t: t.contacts)
    assert next(p for p in placed if p.tie.node == busiest.node).labelled, (name, busiest.node)


def test_the_ring_puts_the_people_on_the_left():
    points = ring_points(10, 3)
    assert all(x < WIDTH / 2 for x, _ in points[:3])
    assert points[1][1] == pytest.approx(HEIGHT / 2)


def test_the_legend_lists_only_what_is_drawn():
    busy = render.ecomap_screen(example("kim").graph, example("kim").gaps, catalog())
    assert PROTECTIVE in busy.marks and MISSING in busy.marks
    calm = journey_of(CALM)
    quiet = render.ecomap_screen(calm.graph, calm.gaps, catalog())
    assert PROTECTIVE not in quiet.marks and MISSING not in quiet.marks and UNLABELLED not in quiet.marks


def test_the_print_ecomap_is_not_the_screen_one():
    journey = example("kim")
    printed = render.ecomap(journey.graph, journey.gaps, catalog())
    assert printed.dot != render.ecomap(journey.graph, journey.gaps, catalog(), screen=True).dot
    assert "kontakter" in printed.dot and printed.width != WIDTH


def test_golden_screen_ecomap():
    journey = example("noor")
    drawn = render.ecomap_screen(journey.graph, journey.gaps, catalog())
    check_golden("noor.ecomap-screen.dot", drawn.drawing.dot)
    check_golden("noor.ecomap-screen.svg", normalise_svg(hover_titles(drawn.drawing.svg())))


def test_the_legends_symbols_differ_without_colour():
    """Each line and mark of the screen ecomap's legend differs from the others in form (the SVG
    with every colour taken out), so the key reads in black-and-white print too."""
    pytest.importorskip("streamlit")
    from app.ecomap import SYMBOLS

    forms = {mark: re.sub(r'(fill|stroke)="#[0-9A-Fa-f]{6}"', "", symbol("")) for mark, (_, symbol) in SYMBOLS.items()}
    assert len(set(forms.values())) == len(forms) == 6
