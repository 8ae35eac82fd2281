"""The projector close-up's last faults: response arrows never cross a word, and a label never
breaks inside a word — on every gap and step of every example and on a crowded generated persona."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from bench.generate import generate_persona_text
from journeys import render
from journeys.render import number_gaps
from journeys.render.focus_view import (
    ELLIPSIS, bracket_boxes, FONT, LABEL_WIDTH, MARK, WIDEST_LABEL, Moment, focus_dot, label_lines, layout_focus, response_arrows,
)
from journeys.render.fonts import text_width
from journeys.render.geometry import Box
from journeys.render.routes import route
from tests.conftest import EXAMPLES, persona_text
from tests.render_helpers import catalog, example, journey_of

EXAMPLE_NAMES = tuple(p.stem for p in sorted(EXAMPLES.glob("*.yaml")) if p.name.count(".") == 1)
NAMES = (*EXAMPLE_NAMES, "crowded")


@lru_cache(maxsize=None)
def journey(name: str):
    if name == "crowded":
        return journey_of(generate_persona_text(150, seed=1, crowded=True))
    return example(name)


def moments(found):
    numbered = number_gaps(found.gaps)
    return [Moment(n.gap.start, n) for n in numbered] + [Moment(float(age)) for age in range(0, 21)]


def _inside(point: tuple[float, float], box: Box) -> bool:
    x, y = point
    return box.x < x < box.right and box.y < y < box.bottom


def _crossed(a, b, boxes):
    """The boxes the segment a–b passes through, found by walking it in quarter-point steps."""
    steps = max(1, int(4 * max(abs(b[0] - a[0]), abs(b[1] - a[1]))))
    points = [(a[0] + (b[0] - a[0]) * i / steps, a[1] + (b[1] - a[1]) * i / steps) for i in range(steps + 1)]
    return [box for box in boxes if any(_inside(p, box) for p in points)]


def _whole_words(lines: tuple[str, ...], label: str) -> bool:
    """Every line is whole words of the label; only the very last may end in a word cut short
    with an ellipsis."""
    words = label.split()
    tokens = " ".join(lines).split()
    for index, token in enumerate(tokens):
        if token.endswith(ELLIPSIS) and index == len(tokens) - 1:
            stem = token[: -len(ELLIPSIS)]
            if not stem or any(w.startswith(stem) for w in words):
                continue
        if token not in words:
            return False
    return True


@pytest.mark.parametrize("name", NAMES)
def test_no_response_arrow_crosses_a_label_or_title(name):
    found = journey(name)
    arrows = 0
    for moment in moments(found):
        layout = layout_focus(found.graph, moment, catalog())
        words = layout.text_boxes()
        for arrow in response_arrows(layout, found.graph, moment.gap):
            arrows += 1
            for a, b in arrow.segments():
                assert not _crossed(a, b, words), (name, moment.age, moment.gap and moment.gap.number, arrow)
    if name != "alva":
        assert arrows, "the check saw arrows"


@pytest.mark.parametrize("name", NAMES)
def test_no_arrow_runs_along_the_gap_bracket(name):
    found = journey(name)
    for numbered in number_gaps(found.gaps):
        moment = Moment(numbered.gap.start, numbered)
        layout = layout_focus(found.graph, moment, catalog())
        brackets = bracket_boxes(layout, found.graph, numbered.gap)
        for arrow in response_arrows(layout, found.graph, numbered):
            for a, b in arrow.segments():
                assert not _crossed(a, b, brackets), (name, numbered.number, arrow)


@pytest.mark.parametrize("name", NAMES)
def test_arrows_run_from_mark_to_mark(name):
    found = journey(name)
    for moment in moments(found)[::3]:
        layout = layout_focus(found.graph, moment, catalog())
        marks = {p.item.id: p.marker for p in layout.placed}
        for arrow in response_arrows(layout, found.graph, moment.gap):
            (sx, sy), (tx, ty) = marks[arrow.source].centre, marks[arrow.target].centre
            assert abs(arrow.points[0][0] - sx) + abs(arrow.points[0][1] - sy) == pytest.approx(MARK / 2, abs=0.01)
            assert abs(arrow.tip[0] - tx) + abs(arrow.tip[1] - ty) == pytest.approx(MARK / 2 + 1, abs=0.01)
            for a, b in arrow.segments():
                assert a[0] == pytest.approx(b[0]) or a[1] == pytest.approx(b[1])  # upright or level


def test_noor_gap_5_goes_round_the_labels_it_used_to_cross():
    found = journey("noor")
    numbered = next(n for n in number_gaps(found.gaps) if n.number == 5)
    layout = layout_focus(found.graph, Moment(numbered.gap.start, numbered), catalog())
    arrows = response_arrows(layout, found.graph, numbered)
    assert arrows
    (first, *_), words = arrows, layout.text_boxes()
    assert _crossed(first.points[0], first.tip, words), "a straight arrow would cross a label here"
    assert len(first.points) > 2  # so it bends round them
    dot, _ = focus_dot(found.graph, Moment(numbered.gap.start, numbered), catalog())
    edge = next(line for line in dot.splitlines() if f'id="response-{first.source}-{first.target}"' in line)
    assert len(re.search(r'pos="e,[^ ]+ ([^"]+)"', edge).group(1).split()) == 3 * (len(first.points) - 1) + 1


def test_route_goes_round_a_box_and_gives_up_when_walled_in():
    bounds = Box(0, 0, 200, 100)
    wall = Box(90, 20, 20, 60)
    path = route((50, 50), (150, 50), [wall], bounds)
    assert path is not None and len(path) == 4
    assert all(not _crossed(a, b, [wall]) for a, b in zip(path, path[1:]))
    assert route((50, 50), (150, 50), [Box(90, -10, 20, 120)], bounds) is None


@pytest.mark.parametrize("name", NAMES)
def test_labels_never_break_inside_a_word(name):
    found = journey(name)
    for moment in moments(found):
        for place in layout_focus(found.graph, moment, catalog()).placed:
            if place.label is None:
                continue
            assert _whole_words(place.lines, place.item.label), (name, place.lines, place.item.label)
            assert place.label.w <= WIDEST_LABEL + 0.01


def test_a_word_wider_than_the_column_widens_the_label():
    lines = label_lines("Logopedbehandling", "bold", 2)
    assert text_width("Logopedbehandling", FONT, "bold") > LABEL_WIDTH  # the word that used to break
    assert lines == ("Logopedbehandling",)


def test_a_word_wider_than_the_widest_label_is_cut_with_an_ellipsis_and_whole_on_hover():
    word = "Barn" + "och" * 30 + "ungdomspsykiatrimottagningen"
    lines = label_lines(f"Remiss till {word}", "bold", 2)
    assert lines[0] == "Remiss till" and lines[1].endswith(ELLIPSIS) and word.startswith(lines[1][:-1])
    assert text_width(lines[1], FONT, "bold") <= WIDEST_LABEL
    body = f"events:\n  - {{id: a, age: 5, kind: contact, agency: school, label: 'Remiss till {word}'}}\n"
    found = journey_of(persona_text(body))
    picture = render.focus(found.graph, found.gaps, catalog(), age=5.5)
    assert f'tooltip="Remiss till {word}"' in picture.drawing.dot


def test_text_beyond_the_lines_is_left_out_after_a_whole_word():
    lines = label_lines("Leker ensam, utbrott vid lämning och hämtning varje dag", "bold", 2)
    assert len(lines) == 2 and lines[-1].endswith(ELLIPSIS)
    assert _whole_words(lines, "Leker ensam, utbrott vid lämning och hämtning varje dag")
    assert lines[-1][: -len(ELLIPSIS)].split()[-1] in "Leker ensam, utbrott vid lämning och hämtning varje dag".split()
