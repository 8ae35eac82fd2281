"""The projector view in a real browser (Debian's Chromium driven by Playwright), at 1920×1080
and 1280×720, sidebar open (every example) and folded (the first): for every gap, after stepping to it
with →, the picture, the gap's words and the legend are entirely inside the viewport, nothing
scrolls, the picture has not moved, and its text is rendered at least 28 px (1080) / 18 px (720)."""

from __future__ import annotations

import pytest

from persona.load import read_persona

from journeys.gaps import find_gaps
from journeys.graph import build_graph
from tests.conftest import EXAMPLES

from .browser import CHROMIUM

SMALLEST_TEXT_PX = {1080: 28.0, 720: 18.0}

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="no /usr/bin/chromium: run `make system-deps` (scripts/system-deps.sh) to install it"
)


def gap_count(persona: str) -> int:
    loaded = read_persona(EXAMPLES / persona.strip("()"))
    return len(find_gaps(build_graph(loaded.persona, loaded.vocabulary)))


@pytest.fixture(scope="module")
def measured():
    pytest.importorskip("playwright")
    from .projector import measure

    return measure()


def test_every_gap_of_every_example_was_visited_at_both_sizes(measured):
    assert {(w, h) for w, h, _, _ in measured} == {(1920, 1080), (1280, 720)}
    for (width, height, persona, folded), views in measured.items():
        assert len(views) == gap_count(persona), (width, persona, folded)
        assert len({v.head for v in views}) == len(views), "a gap was shown twice or skipped"


def test_each_gap_view_fits_the_screen_and_its_text_is_large_enough(measured):
    for (width, height, persona, folded), views in measured.items():
        for view in views:
            where = f"{width}×{height} {persona} folded={folded} {view.head}"
            assert view.inside(width, height), f"{where}: {view.picture} {view.words} {view.legend}"
            assert not view.scrolls, where
            assert view.texts > 3, where
            assert view.font >= SMALLEST_TEXT_PX[height], f"{where}: {view.font:.1f} px"


def test_stepping_keeps_the_picture_in_place(measured):
    for key, views in measured.items():
        assert len({round(v.picture[1]) for v in views}) == 1, key
