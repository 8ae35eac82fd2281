"""Every mark the legend explains can be told apart in black-and-white print: converted to
grayscale, two marks of the same form, line style, weight, arrowhead and end marks must differ
in their fill by a clearly visible step of grey."""

from __future__ import annotations

from itertools import combinations

import pytest

from journeys.render import gap_messages, number_gaps
from journeys.render.legend_view import Legend, Look
from journeys.render.theme import theme_named
from tests.render_helpers import catalog, example

VISIBLE_GREY_STEP = 40.0  # of 255


def grey(colour: str) -> float:
    """A colour as the grey a black-and-white printer makes of it (Rec. 709 luma, 0–255)."""
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def without_colour(look: Look) -> tuple:
    return (look.form, look.style, look.heavy, look.head, look.ends)


@pytest.mark.parametrize("theme", ["print", "projector"])
def test_marks_that_look_alike_without_colour_differ_in_grey(theme: str):
    journey = example("kim", "kontaktperson-forskola", True)  # closed and new gaps in the legend too
    numbered = number_gaps(journey.gaps, journey.comparison)
    key = Legend(catalog(), journey.graph.vocabulary, theme_named(theme), gap_messages(numbered, journey.graph, catalog()))
    assert len(key.entries) > 20
    for first, second in combinations(key.entries, 2):
        if without_colour(first.look) == without_colour(second.look):
            step = abs(grey(first.look.fill) - grey(second.look.fill))
            assert step >= VISIBLE_GREY_STEP, f"{first.label} and {second.label}: {step:.0f} grey levels apart"


def test_the_grey_of_a_colour():
    assert grey("#000000") == 0 and grey("#FFFFFF") == pytest.approx(255)
    assert abs(grey("#F6CDB0") - grey("#B7DCF4")) < 5  # a risk's fill and a preventive support's: the same grey


def test_a_protective_adult_is_a_double_line_on_the_ecomap_and_in_its_key():
    from journeys import render

    journey = example("kim")
    dot = render.ecomap(journey.graph, journey.gaps, catalog()).dot
    protective = [p for p in journey.graph.persona.people if p.protective]
    assert protective
    assert dot.count(':#FFFFFF:') == len(protective) + 1  # each protective adult's tie, and the key
    assert "Skyddande vuxen (dubbel linje)" in dot
