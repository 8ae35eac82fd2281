"""The whole-life overview (journeys.render.overview_view): one type size, nothing overlapping,
every gap in reading order, every mark without room for its label carrying it as a hover title,
the child's words at their age (and no voice lane without them), nothing moving as the walk goes
on, the axis ending where the record ends — on every example and a crowded generated persona."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from bench.generate import generate_persona_text
from journeys import render
from journeys.render import number_gaps
from journeys.render.geometry import overlapping_pairs
from journeys.render.overview_view import (
    FONT, GAP, GAP_MARKED, HEIGHT, TITLE_WIDTH, VOICE, WIDTH, layout_overview, overview_x,
)
from tests.conftest import EXAMPLES
from tests.render_helpers import catalog, example, journey_of

EXAMPLE_NAMES = tuple(p.stem for p in sorted(EXAMPLES.glob("*.yaml")) if p.name.count(".") == 1)


@lru_cache(maxsize=1)
def crowded():
    return journey_of(generate_persona_text(150, seed=1, crowded=True))


def journeys_to_check():
    return [(name, example(name)) for name in EXAMPLE_NAMES] + [("crowded", crowded())]


def layout_of(journey, until=None, lang="sv"):
    return layout_overview(journey.graph, number_gaps(journey.gaps), catalog(lang), until)


@pytest.mark.parametrize("name, journey", journeys_to_check(), ids=lambda v: v if isinstance(v, str) else "")
def test_one_type_size_and_no_text_overlaps_or_leaves_the_picture(name, journey):
    layout = layout_of(journey)
    boxes = layout.text_boxes()
    assert not overlapping_pairs(boxes), name
    for box in boxes:
        assert box.x >= 0 and box.right <= WIDTH + 0.01 and box.y >= 0 and box.bottom <= HEIGHT + 0.01, (name, box)
    dot = render.overview(journey.graph, journey.gaps, catalog()).drawing.dot
    sizes = {float(s) for s in re.findall(r'POINT-SIZE="([\d.]+)"', dot)}
    assert sizes == {FONT}, sizes


@pytest.mark.parametrize("name, journey", journeys_to_check(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_gap_is_shown_in_reading_order_at_its_start(name, journey):
    numbered = number_gaps(journey.gaps)
    layout = layout_of(journey)
    assert sorted(int(p.id.split("-")[1]) for p in layout.gaps) == [n.number for n in numbered]
    for place in layout.gaps:
        gap = numbered[int(place.id.split("-")[1]) - 1].gap
        assert place.box.centre[0] == pytest.approx(overview_x(gap.start, layout.end)), place.id
    # read by where each badge points (its centre: "10" is wider than "9"), top row first at one age
    badges = sorted((p for p in layout.gaps if p.kind == GAP), key=lambda p: (round(p.box.centre[0], 6), p.box.y))
    numbers = [int(p.id.split("-")[1]) for p in badges]
    assert numbers == sorted(numbers), "the numbers read left to right in order"


@pytest.mark.parametrize("name, journey", journeys_to_check(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_mark_without_a_label_has_it_as_its_hover_title(name, journey):
    picture = render.overview(journey.graph, journey.gaps, catalog())
    layout = layout_of(journey)
    dot = picture.drawing.dot
    hidden = [p for p in layout.marks if p.label is None]
    assert hidden, "the crowded persona and the examples cannot label everything"
    for place in hidden + [p for p in layout.gaps if p.kind == GAP_MARKED]:
        assert place.title and f'tooltip="{place.title}"' in dot, place.id
    assert picture.hidden_labels == sum(1 for p in hidden if p.kind != "support")


def test_a_label_is_never_made_smaller_it_is_left_out():
    layout = layout_of(crowded())
    labelled = [p for p in layout.marks if p.label is not None]
    assert labelled and all(p.label.h == pytest.approx(FONT * 1.2) for p in labelled)
    assert sum(1 for p in layout.marks if p.label is None) > len(labelled)


def test_the_childs_words_are_marks_at_their_age_with_the_quote_on_hover():
    kim = example("kim")
    said = [e for e in kim.graph.persona.events if e.voice]
    layout = layout_of(kim)
    voices = {p.id: p for p in layout.marks if p.kind == VOICE}
    assert len(voices) == len(said) >= 7
    for event in said:
        place = voices[f"voice-{event.id}"]
        assert place.box.centre[0] == pytest.approx(overview_x(event.age, layout.end))
        assert event.voice in place.title
    svg = render.overview(kim.graph, kim.gaps, catalog()).drawing.svg()
    assert "Barnets röst" in svg and said[0].voice.split()[0] in svg
    until = layout_of(kim, until=said[1].age)
    assert {p.id for p in until.marks if p.kind == VOICE} == {f"voice-{e.id}" for e in said if e.age <= said[1].age}


def test_a_persona_without_words_has_no_voice_lane():
    alva = example("alva")
    assert not any(e.voice for e in alva.graph.persona.events)
    layout = layout_of(alva)
    assert layout.voice is None and not any(p.kind == VOICE for p in layout.marks)
    assert "Barnets röst" not in render.overview(alva.graph, alva.gaps, catalog()).drawing.svg()
    assert "voice" not in render.overview(alva.graph, alva.gaps, catalog()).marks


def test_nothing_moves_as_the_walk_goes_on():
    kim = example("kim")
    whole = {p.id: (p.box, p.label) for p in layout_of(kim).marks}
    for age in (3.0, 9.5, 14.0):
        part = layout_of(kim, until=age)
        assert all(whole[p.id] == (p.box, p.label) for p in part.marks if not p.id.startswith("support-"))
        assert all(p.age <= age + 1e-9 for p in part.marks + part.gaps)
        assert part.lanes == layout_of(kim).lanes


def test_the_axis_ends_where_the_record_ends():
    alva, kim = layout_of(example("alva")), layout_of(example("kim"))
    assert alva.end == 5.0 and kim.end == 20.0
    assert [year for year, _ in alva.years][-1] == 5 and [year for year, _ in kim.years][-1] == 20
    assert "end" in render.overview(example("alva").graph, example("alva").gaps, catalog()).marks
    assert "end" not in render.overview(example("kim").graph, example("kim").gaps, catalog()).marks
    assert overview_x(4.3, 5.0) > overview_x(4.3, 20.0)


def test_the_stages_lanes_and_years_are_named_where_they_fit_and_on_hover_always():
    layout = layout_of(example("kim"))
    assert [c.id for c in layout.columns if c.box is not None] == [c.id for c in layout.columns]
    dot = render.overview(example("kim").graph, example("kim").gaps, catalog()).drawing.dot
    assert 'tooltip="Förskoleklass och lågstadiet"' in dot and 'tooltip="Hälso- och sjukvård"' in dot
    assert all(lane.box.x == 0 and lane.box.w == WIDTH for lane in layout.lanes)
    assert all(box.x >= TITLE_WIDTH - 20 for _, box in layout.years)


def test_english_words_fit_too():
    layout = layout_of(example("noor"), lang="en")
    assert not overlapping_pairs(layout.text_boxes())
    svg = render.overview(example("noor").graph, example("noor").gaps, catalog("en")).drawing.svg()
    assert "Child&#39;s voice" in svg or "Child's voice" in svg


def test_the_overview_is_the_same_byte_for_byte():
    kim = example("kim")
    first = render.overview(kim.graph, kim.gaps, catalog(), until_age=12.0).drawing.svg()
    assert first == render.overview(kim.graph, kim.gaps, catalog(), until_age=12.0).drawing.svg()


@pytest.mark.parametrize("name", ["kim", "alva"])
def test_golden_overview(name):
    from tests.render_helpers import check_golden

    journey = example(name)
    check_golden(f"{name}.overview.dot", render.overview(journey.graph, journey.gaps, catalog()).drawing.dot)


def test_the_hover_texts_become_svg_titles_and_node_names_are_dropped():
    from journeys.render.overview_view import hover_titles

    kim = example("kim")
    svg = hover_titles(render.overview(kim.graph, kim.gaps, catalog()).drawing.svg())
    titles = re.findall(r"<title>([^<]*)</title>", svg)
    assert "0 år: Kim föds" in titles
    assert not [t for t in titles if re.match(r"(event|label|year|stage|lane|badge|overview)\b", t)], titles[:5]
    assert len(titles) == svg.count("<a xlink:title=")


def test_a_label_is_whole_where_the_room_allows_and_cut_only_where_it_does_not():
    from journeys.render.overview_view import LABEL_WIDTH, WIDE_LABEL

    layout = layout_of(example("alva"))  # five years across: room for whole labels
    whole = [p for p in layout.marks if p.label is not None and not p.lines[0].endswith("…")]
    assert any(p.label.w > LABEL_WIDTH for p in whole)
    assert all(p.label.w <= WIDE_LABEL + 1 for p in layout.marks if p.label is not None)
    cut = [p for p in layout.marks if p.label is not None and p.lines[0].endswith("…")]
    assert all(p.label.w <= LABEL_WIDTH + 1 for p in cut)


def test_under_a_scenario_closed_and_new_gaps_are_in_the_legend():
    journey = example("kim", "kontaktperson-forskola", True)
    marks = render.overview(journey.graph, journey.gaps, catalog(), comparison=journey.comparison).marks
    assert "gap-closed" in marks
    assert ("gap-new" in marks) == bool(journey.comparison.new)
    assert "gap-closed" not in render.overview(example("kim").graph, example("kim").gaps, catalog()).marks
