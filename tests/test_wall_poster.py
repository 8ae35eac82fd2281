"""The A0/A1 wall poster, measured from the PDF (pdfplumber) on every example and a crowded
generated persona, A0 and A1, landscape and portrait: no text under 9 pt, at most six type
sizes, the labels of the events the gaps rest on at 14 pt (A1) / 18 pt (A0) or more, each gap
call-out's heading at 20 pt or more and placed at its moment on the timeline, no two words
overlapping, and every gap either called out or named."""

from __future__ import annotations

import io
from functools import cache
from itertools import combinations

import pytest

from bench.generate import generate_persona_text
from journeys.render.geometry import Box, overlapping_pairs
from journeys.render.journey import prepare
from journeys.render.poster import poster_pdf
from journeys.render.wall_layout import wall_layout
from journeys.workshop import GapNote, WorkshopNotes
from persona.load import parse_persona, read_persona
from tests.conftest import EXAMPLES
from tests.render_helpers import catalog
from tests.test_render_grayscale import VISIBLE_GREY_STEP, grey, without_colour

pdfplumber = pytest.importorskip("pdfplumber")

SMALLEST_PT = 9.0
MOST_SIZES = 6
GAP_EVENT_LABEL_PT = {"A1": 14.0, "A0": 18.0}
CALLOUT_HEADING_PT = 20.0
OVERLAP_TOLERANCE = 0.3  # points: glyph boxes of neighbouring words may touch by rounding, never more
EXAMPLE_NAMES = tuple(p.stem for p in sorted(EXAMPLES.glob("*.yaml")) if p.name.count(".") == 1)
NAMES = (*EXAMPLE_NAMES, "crowded")
SHAPES = [(size, orientation) for size in ("A1", "A0") for orientation in ("landscape", "portrait")]


@cache
def persona_file(name: str):
    if name == "crowded":
        return parse_persona(generate_persona_text(150, seed=0, crowded=True), "crowded.yaml")
    return read_persona(EXAMPLES / f"{name}.yaml")


@cache
def layout(name: str, size: str, orientation: str):
    return wall_layout(prepare(persona_file(name)), catalog(), size, orientation)


@cache
def pdf(name: str, size: str, orientation: str) -> bytes:
    return poster_pdf(persona_file(name), catalog(), size=size, orientation=orientation)


@cache
def characters(name: str, size: str, orientation: str) -> tuple[dict, ...]:
    with pdfplumber.open(io.BytesIO(pdf(name, size, orientation))) as document:
        return tuple(c for c in document.pages[0].chars if c["text"].strip())


@cache
def words(name: str, size: str, orientation: str) -> tuple[dict, ...]:
    with pdfplumber.open(io.BytesIO(pdf(name, size, orientation))) as document:
        return tuple(document.pages[0].extract_words(use_text_flow=True, keep_blank_chars=False,
                                                     extra_attrs=["size"]))


def chars_in(chars, box: Box) -> list[dict]:
    """The characters whose centre lies in ``box`` (y from the top of the page, as pdfplumber's ``top``)."""
    return [c for c in chars if box.x <= (c["x0"] + c["x1"]) / 2 <= box.right
            and box.y <= (c["top"] + c["bottom"]) / 2 <= box.bottom]


def printed(chars, line) -> list[dict]:
    """The characters of one laid-out line as printed, checked to spell the line."""
    found = sorted(chars_in(chars, line.box), key=lambda c: c["x0"])
    assert "".join(c["text"] for c in found) == line.text.replace(" ", ""), line.text
    return found


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("size, orientation", SHAPES)
def test_no_text_under_nine_points_and_at_most_six_sizes(name: str, size: str, orientation: str):
    sizes = {round(c["size"], 1) for c in characters(name, size, orientation)}
    assert min(sizes) >= SMALLEST_PT, sorted(sizes)
    assert len(sizes) <= MOST_SIZES, sorted(sizes)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("size, orientation", SHAPES)
def test_the_events_each_called_out_gap_rests_on_are_labelled_large(name: str, size: str, orientation: str):
    wall, chars = layout(name, size, orientation), characters(name, size, orientation)
    places = {place.event.id: place for place in wall.timeline.events}
    checked = 0
    for callout in wall.callouts:
        for event_id in callout.numbered.gap.events:
            if event_id not in places:
                continue  # a support: its bar is in the lane
            assert places[event_id].lines, f"gap {callout.numbered.number}: {event_id} has no label"
            for line in places[event_id].lines:
                assert min(round(c["size"], 2) for c in printed(chars, line)) >= GAP_EVENT_LABEL_PT[size], line.text
                checked += 1
    assert checked, "some gap's events are labelled on the poster"


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("size, orientation", SHAPES)
def test_callouts_have_large_headings_at_their_moment_in_reading_order(name: str, size: str, orientation: str):
    wall, chars = layout(name, size, orientation), characters(name, size, orientation)
    assert wall.callouts, "some gaps are called out"
    for callout in wall.callouts:
        gap = callout.numbered.gap
        heading = [c for line in callout.heading for c in printed(chars, line)]
        assert min(round(c["size"], 2) for c in heading) >= CALLOUT_HEADING_PT
        assert "".join(c["text"] for c in heading).startswith(f"{callout.numbered.number}.")
        assert all(callout.box.x <= c["x0"] and c["x1"] <= callout.box.right for c in heading)
        moment = (wall.x(gap.start), max(wall.x(gap.end), wall.x(gap.start)))
        assert callout.box.x <= moment[0] <= callout.box.right or \
            (callout.box.x < moment[1] and moment[0] < callout.box.right), "the call-out spans its moment"
        assert wall.timeline.callout_zone.y <= callout.box.y and callout.box.bottom <= wall.timeline.callout_zone.bottom
    starts = [c.numbered.gap.start for c in sorted(wall.callouts, key=lambda c: c.numbered.number)]
    assert starts == sorted(starts), "numbered in reading order, by start age"


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("size, orientation", SHAPES)
def test_no_two_words_overlap_and_callouts_cover_nothing(name: str, size: str, orientation: str):
    found = words(name, size, orientation)
    boxes = [Box(w["x0"] + OVERLAP_TOLERANCE, w["top"] + OVERLAP_TOLERANCE, w["x1"] - w["x0"] - 2 * OVERLAP_TOLERANCE,
                 w["bottom"] - w["top"] - 2 * OVERLAP_TOLERANCE) for w in found]
    pairs = overlapping_pairs(boxes)
    assert not pairs, [(found[a]["text"], found[b]["text"]) for a, b in pairs[:5]]
    wall = layout(name, size, orientation)
    frames = [c.box for c in wall.callouts]
    inside = {id(line) for c in wall.callouts for line in c.all_lines()}
    others = [line.box for line in wall.lines() if id(line) not in inside]
    covered = [(a, b) for a, b in overlapping_pairs(frames + others) if a < len(frames)]
    assert not covered, "a call-out covers another call-out or text outside it"
    page = Box(0, 0, wall.width, wall.height)
    assert all(page.x <= w["x0"] and w["x1"] <= page.right and w["top"] >= 0 and w["bottom"] <= page.bottom
               for w in found), "all text on the page"


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("size, orientation", SHAPES)
def test_every_gap_is_called_out_listed_or_named(name: str, size: str, orientation: str):
    wall = layout(name, size, orientation)
    numbers = sorted([c.numbered.number for c in wall.callouts] + list(wall.detail.listed) + list(wall.detail.left_out))
    assert numbers == [n.number for n in prepare(persona_file(name)).numbered]
    text = " ".join(line.text for line in wall.detail.lines)
    assert all(str(n) in text for n in wall.detail.left_out)
    assert "kronologin" in text, "the poster says where the rest is"
    assert {badge.numbered.number for badge in wall.timeline.badges} == set(numbers), "every gap numbered on the timeline"


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("size, orientation", SHAPES)
def test_the_legend_explains_every_mark_and_is_all_on_the_poster(name: str, size: str, orientation: str):
    wall = layout(name, size, orientation)
    marks = {entry.mark for entry in wall.legend}
    assert {f"kind:{p.event.kind}" for p in wall.timeline.events} <= marks
    assert {f"bracket:{b.numbered.gap.severity}" for b in wall.timeline.brackets} <= marks
    assert "load" in marks and "badge:open" in marks and ("callout" in marks) == bool(wall.callouts)
    assert ("voice" in marks) == bool(wall.timeline.voices)
    assert sorted(s.mark for s in wall.detail.symbols) == sorted(marks), "every entry drawn with its symbol"
    for first, second in combinations(wall.legend, 2):
        if without_colour(first.look) == without_colour(second.look):
            assert abs(grey(first.look.fill) - grey(second.look.fill)) >= VISIBLE_GREY_STEP, (first.label, second.label)


@pytest.mark.parametrize("size, orientation", SHAPES)
def test_the_childs_words_stand_at_their_age(size: str, orientation: str):
    wall = layout("kim", size, orientation)
    said = [e for e in persona_file("kim").persona.events if e.voice]
    assert len(wall.timeline.voices) + wall.timeline.voices_left_out == len(said)
    assert len(wall.timeline.voices) >= len(said) // 2
    chars = characters("kim", size, orientation)
    for voice in wall.timeline.voices:
        x = wall.x(voice.event.age)
        assert voice.mark.x <= x <= voice.mark.right
        assert abs(voice.lines[0].box.x - x) <= 2.5 * wall.timeline.grid.year_width
        for line in voice.lines:
            printed(chars, line)


def test_a_scenario_poster_draws_closed_gaps_and_names_the_scenario():
    persona = persona_file("kim")
    journey = prepare(persona, "bro-vid-18", compare=True)
    wall = wall_layout(journey, catalog(), "A1", "landscape")
    assert any(b.numbered.status == "closed" for b in wall.timeline.badges)
    assert "badge:closed" in {entry.mark for entry in wall.legend}
    assert "Tänk om:" in " ".join(line.text for line in wall.header)
    with pdfplumber.open(io.BytesIO(poster_pdf(persona, catalog(), size="A1", scenario="bro-vid-18"))) as document:
        assert "Tänkom:" in "".join(c["text"] for c in document.pages[0].chars if c["text"].strip())


def test_the_rooms_notes_and_votes_are_in_the_callout():
    wall = layout("kim", "A1", "landscape")
    gap = wall.callouts[0].numbered.gap
    notes = WorkshopNotes("kim", {gap.key: GapNote.plain(note_text="Ringde ingen tillbaka?", votes=4)})
    with pdfplumber.open(io.BytesIO(poster_pdf(persona_file("kim"), catalog(), size="A1", notes=notes))) as document:
        text = "".join(c["text"] for c in document.pages[0].chars if c["text"].strip())
    assert "Ringdeingentillbaka?" in text and "Röster:4" in text


def test_the_same_persona_gives_the_same_pdf_byte_for_byte():
    assert poster_pdf(persona_file("noor"), catalog(), size="A1") == pdf("noor", "A1", "landscape")


def test_the_same_persona_gives_the_same_pdf_in_any_process(tmp_path):
    """Nothing on the page follows Python's per-process hash order (set iteration): two processes
    with different hash seeds write the same bytes (Noor: coordination meetings across lanes)."""
    import os
    import subprocess
    import sys

    made = []
    for seed in ("1", "2"):
        out = tmp_path / f"noor-{seed}.pdf"
        subprocess.run([sys.executable, "-m", "journeys", "poster", str(EXAMPLES / "noor.yaml"), "-o", str(out)],
                       check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed})
        made.append(out.read_bytes())
    assert made[0] == made[1]


def test_gaps_that_do_not_fit_in_the_list_are_named_not_dropped():
    from journeys.render.wall_detail import lay_out_detail
    from journeys.render.wall_sizes import type_scale

    journey = prepare(persona_file("crowded"))
    numbers = [n.number for n in journey.numbered]
    detail = lay_out_detail(journey, catalog(), type_scale("A1"), Box(0, 0, 400, 700), numbers, [], None, 0, {})
    assert detail.left_out and detail.listed, "some listed, the rest named"
    assert list(detail.listed) + list(detail.left_out) == numbers, "listed from the first, in order"
    words = " ".join(line.text for line in detail.lines)
    assert "fick inte plats här" in words
    named = words.split("fick inte plats här")[0].split("Glapp ")[-1]
    assert [int(n) for n in named.replace(",", " ").split()] == list(detail.left_out)
    assert max(line.box.bottom for line in detail.lines) <= 700


@pytest.mark.parametrize("size, orientation", SHAPES)
def test_the_cost_panel_and_verdicts_keep_the_type_scale(size: str, orientation: str):
    from journeys.cli.render import catalogue_verdicts
    from journeys.cost import cost_table
    from journeys.cost.report import persona_cost_report
    from journeys.render.cost_view import cost_curve
    from journeys.render.poster import PosterExtras

    persona = persona_file("noor")
    journey = prepare(persona)
    verdicts = catalogue_verdicts(EXAMPLES / "exempelstad.catalogue.yaml", journey, catalog())
    panel = cost_curve(persona_cost_report(persona, cost_table(), catalog(), None), catalog())
    wall = wall_layout(journey, catalog(), size, orientation, verdicts=verdicts, cost=panel)
    assert [p.drawing for p in wall.detail.panels] == [panel], "the cost panel is on the poster"
    assert sorted(s.mark for s in wall.detail.symbols) == sorted(e.mark for e in wall.legend), "the whole legend too"
    document = pdfplumber.open(io.BytesIO(poster_pdf(persona, catalog(), size=size, orientation=orientation,
                                                     extras=PosterExtras(verdicts, panel))))
    with document:
        page = document.pages[0]
        chars = [c for c in page.chars if c["text"].strip()]
        found = page.extract_words(extra_attrs=["size"])
    text = "".join(c["text"] for c in chars)
    assert "Katalogen:" in text and "Kostnadenövertid" in text
    sizes = {round(c["size"], 1) for c in chars}
    assert min(sizes) >= SMALLEST_PT and len(sizes) <= MOST_SIZES, sorted(sizes)
    boxes = [Box(w["x0"] + OVERLAP_TOLERANCE, w["top"] + OVERLAP_TOLERANCE, w["x1"] - w["x0"] - 2 * OVERLAP_TOLERANCE,
                 w["bottom"] - w["top"] - 2 * OVERLAP_TOLERANCE) for w in found]
    assert not overlapping_pairs(boxes)


@pytest.mark.parametrize("name, last_year", [("alva", 5), ("kim", 20)])
def test_the_axis_ends_where_the_record_ends(name: str, last_year: int):
    """Alva's record ends at 4 years 3 months (the family moved): her poster's years run 0–5, with
    the end and its reason in the legend; a whole life runs to 20 and has no such entry."""
    wall = layout(name, "A1", "landscape")
    assert [tick.text for tick in wall.timeline.ticks][-1] == catalog()("render.timeline.year", age=last_year)
    assert wall.timeline.grid.right == pytest.approx(wall.timeline.grid.x(last_year))
    with pdfplumber.open(io.BytesIO(pdf(name, "A1", "landscape"))) as document:
        words = "".join(c["text"] for c in document.pages[0].chars)
    assert ("familjenflyttade" in words.replace(" ", "")) == (name == "alva")
