"""The child's voice on the whole-life timeline: a lane of quotes at their ages, under the sectors."""

from __future__ import annotations

import re

import pytest

from journeys import render
from journeys.render.geometry import overlapping_pairs
from journeys.render.layout import axis_end, layout_timeline
from journeys.render.theme import PRINT, PROJECTOR
from tests.conftest import persona_text
from tests.render_helpers import EXAMPLE_NAMES, catalog, example, journey_of



def _said(journey):
    return [e for e in journey.graph.persona.events if e.voice]


def _voices_in(dot: str) -> set[str]:
    return set(re.findall(r'id="voice-([^"]+)"', dot))


def _quotes(count: int, age: float = 5.0, words: str = "Jag vill att någon lyssnar på mig") -> str:
    return "events:\n" + "".join(
        f"  - {{id: e{i}, age: {age}, kind: contact, agency: school, label: Möte {i}, voice: '{words} {i}'}}\n"
        for i in range(count))


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_quote_stands_at_its_age_in_the_voice_lane(name):
    journey = example(name)
    layout = layout_timeline(journey.graph, journey.numbered, catalog(), PRINT)
    said = _said(journey)
    assert said, "every example has the child's words"
    assert [v.event.id for v in layout.voices] == [e.id for e in sorted(said, key=lambda e: (e.age, e.id))]
    lane = layout.voice_lane
    assert lane is not None and lane.box.y >= layout.lanes[-1].box.bottom - 0.01
    assert layout.axis_bottom.y >= lane.box.bottom - 0.01
    for voice in layout.voices:
        assert voice.marker.centre[0] == pytest.approx(layout.x(voice.event.age))
        assert lane.box.y <= voice.box.y and voice.box.bottom <= lane.box.bottom + 0.01
        assert voice.label.right <= layout.width
        assert voice.event.age <= axis_end(journey.graph)


@pytest.mark.parametrize("theme", [PRINT, PROJECTOR], ids=["print", "projector"])
def test_crowded_quotes_take_rows_and_never_overlap(theme):
    journey = journey_of(persona_text(_quotes(8)))
    layout = layout_timeline(journey.graph, journey.numbered, catalog(), theme)
    assert len(layout.voices) == 8
    assert len({round(v.label.y, 2) for v in layout.voices}) == 8  # one row each: they start at one age
    assert overlapping_pairs([v.box for v in layout.voices]) == []
    assert overlapping_pairs(layout.text_boxes()) == []


def test_a_quote_at_the_end_of_the_axis_stays_in_the_picture():
    body = _quotes(1, age=19.9, words="Nu är jag vuxen och ingen frågar längre hur det går för mig i skolan")
    journey = journey_of(persona_text(body))
    layout = layout_timeline(journey.graph, journey.numbered, catalog(), PRINT)
    (voice,) = layout.voices
    assert voice.label.right <= layout.width
    assert len(voice.lines) > 1


def test_no_voice_lane_and_no_legend_entry_when_nothing_is_said():
    journey = journey_of(persona_text("events:\n  - {id: a, age: 3, kind: contact, agency: school, label: Möte}\n"))
    layout = layout_timeline(journey.graph, journey.numbered, catalog(), PRINT)
    assert layout.voice_lane is None and layout.voices == ()
    dot = render.timeline(journey.graph, journey.gaps, catalog()).dot
    assert "lane-voice" not in dot and catalog()("timeline_voice.legend") not in dot


def test_the_lane_quotes_in_italics_inside_quotation_marks_with_a_legend_entry():
    journey = example("kim")
    dot = render.timeline(journey.graph, journey.gaps, catalog()).dot
    first = _said(journey)[0]
    assert 'id="lane-voice"' in dot and catalog()("timeline_voice.lane") in dot
    assert catalog()("timeline_voice.legend") in dot
    node = next(line for line in dot.splitlines() if f'id="voice-{first.id}"' in line)
    assert "<I>" in node and "”" in node
    assert _voices_in(dot) == {e.id for e in _said(journey)}


@pytest.mark.parametrize("until", [2.0, 9.0, 14.5])
def test_until_shows_only_what_was_said_by_then(until):
    journey = example("kim")
    dot = render.timeline(journey.graph, journey.gaps, catalog(), until_age=until).dot
    assert _voices_in(dot) == {e.id for e in _said(journey) if e.age <= until}
    everything = render.timeline(journey.graph, journey.gaps, catalog()).dot
    assert (catalog()("timeline_voice.legend") in dot) == any(e.age <= until for e in _said(journey))
    size = re.search(r'bb="([^"]+)"', dot)
    assert size and size.group(1) == re.search(r'bb="([^"]+)"', everything).group(1)  # nothing moves


def test_a_long_quote_is_cut_with_an_ellipsis_and_whole_on_hover():
    words = " ".join(["väldigt"] * 60)
    journey = journey_of(persona_text(_quotes(1, words=words)))
    layout = layout_timeline(journey.graph, journey.numbered, catalog(), PRINT)
    (voice,) = layout.voices
    assert voice.lines[-1].endswith("…")
    dot = render.timeline(journey.graph, journey.gaps, catalog()).dot
    node = next(line for line in dot.splitlines() if 'id="voice-e0"' in line)
    assert f'tooltip="”{words} 0”"' in node


def test_english_quotes_use_english_quotation_marks():
    journey = example("kim")
    dot = render.timeline(journey.graph, journey.gaps, catalog("en")).dot
    assert catalog("en")("timeline_voice.lane") in dot.replace("&#x27;", "'")
    first = _said(journey)[0]
    node = next(line for line in dot.splitlines() if f'id="voice-{first.id}"' in line)
    assert "“" in node


def test_the_voice_lane_ends_where_the_record_ends():
    body = "ends: {age: 4.3, reason: moved}\n" + _quotes(2, age=4.0)
    journey = journey_of(persona_text(body))
    layout = layout_timeline(journey.graph, journey.numbered, catalog(), PRINT)
    assert layout.end == 5.0 and layout.voice_lane is not None
    assert layout.voice_lane.box.right == pytest.approx(layout.lanes[0].box.right)
    assert all(v.marker.centre[0] <= layout.x(layout.end) for v in layout.voices)
