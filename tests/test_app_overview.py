"""Resan without the close-up (AppTest, no browser): the whole-life overview inline with its
legend, the child's words of the step in large type under it and as marks in the picture, none
for a persona without words, and a walk that ends where the record ends."""

from __future__ import annotations

from html import unescape
from pathlib import Path

import pytest

pytest.importorskip("streamlit")

from app import steps  # noqa: E402
from persona.load import read_persona  # noqa: E402

from conftest import EXAMPLES  # noqa: E402
from test_app import base64_pictures, choose, html, new_app, open_page, quiet  # noqa: E402


@pytest.fixture
def folder(app_examples: Path) -> Path:
    return app_examples


def overview_walk(folder: Path, name: str, mode: str = "event"):
    at = choose(new_app(), folder / f"{name}.yaml")
    at.toggle(key="choose_close_up").set_value(False).run()
    at.segmented_control(key="choose_step").set_value(mode).run()
    return open_page(at, "journey")


def test_a_quote_appears_at_its_age_large_under_the_overview_and_as_a_mark_in_it(folder: Path):
    said = [e for e in read_persona(EXAMPLES / "kim.yaml").persona.events_by_age() if e.voice]
    first = said[0]
    at = overview_walk(folder, "kim")
    at.slider(key="age_slider").set_value(round(first.age - 0.1, 1)).run()
    assert first.voice not in html(at)
    at.button(key="next").click().run()
    while at.slider(key="age_slider").value < first.age - 1e-9:
        at.button(key="next").click().run()
    quiet(at)
    page = html(at)
    words = page.split('class="jr-overview-words"', 1)[1]
    assert 'class="jr-quote jr-voice"' in words and first.voice in words
    picture = unescape(page.split('class="jr-overview-svg"', 1)[1].split("</svg>", 1)[0])
    assert f'id="voice-{first.id}"' in picture and "Barnets röst" in picture


def test_a_persona_without_words_shows_no_quote_and_no_voice_lane(folder: Path):
    at = overview_walk(folder, "alva", mode="year")
    for _ in range(6):
        page = html(at)
        assert 'class="jr-voice' not in page and "Barnets röst" not in page
        at.button(key="next").click().run()
    quiet(at)


def test_the_walk_ends_where_the_record_ends(folder: Path):
    at = overview_walk(folder, "alva", mode="year")
    assert at.slider(key="age_slider").max == 5.0
    at.slider(key="age_slider").set_value(5.0).run()
    quiet(at)
    assert 'class="jr-overview-svg"' in html(at) and at.button(key="next").disabled
    kim = overview_walk(folder, "kim", mode="year")
    assert kim.slider(key="age_slider").max == 20.0


def test_year_stops_end_at_the_given_end():
    assert steps.stops("year", (0.5, 3.2), end=5.0) == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
    assert steps.stops("year", (0.5, 3.2))[-1] == 20.0


def test_the_network_page_shows_the_balance_with_its_key(folder: Path):
    at = open_page(choose(new_app(), folder / "kim.yaml"), "network")
    quiet(at)
    pictures = base64_pictures(html(at))
    assert "Aktiva riskfaktorer" in pictures and "Tröskeln som reglerna kallar tung belastning" in pictures
    legend = html(at).split('class="jr-legend"', 1)[1].split("</div>", 1)[0]
    assert "Skyddande vuxen" in legend  # the ecomap's key: the protective adults' double lines
