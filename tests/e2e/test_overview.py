"""The whole-life overview on Resan (close-up off) in a real browser (Debian's Chromium driven
by Playwright), at 1920×1080 and 1280×720 with the sidebar open, for every example at the start
and the end of the walk: every text of the picture is rendered at least 20 px at 1080 and 18 px at
720 (the overview's type is a fiftieth of its width, and the page gives it at least 930 px), the
picture's top is inside the first screen and its whole height too, and the marks carry their
labels as hover titles. A persona whose strings are full of markup (``<b>``, ``**``, ``$x$``,
``:red[…]``) is shown as typed, in the overview and in the projector close-up.

Scenarier (every scenario of every example, drawn as a layer over the overview) and the ecomap on
Nätverk are measured the same way: every text at least 20 px at 1080 and 18 px at 720, the
picture's top in the first screen, the hidden names as hover titles."""

from __future__ import annotations

import pytest

from .browser import CHROMIUM

SMALLEST_TEXT_PX = {1080: 20.0, 720: 18.0}

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="no /usr/bin/chromium: run `make system-deps` (scripts/system-deps.sh) to install it"
)


@pytest.fixture(scope="module")
def measured():
    pytest.importorskip("playwright")
    from .overview import measure

    return measure()


def test_every_example_was_measured_at_both_sizes(measured):
    views, _ = measured
    assert {(w, h) for w, h, _, _ in views} == {(1920, 1080), (1280, 720)}
    assert {name for _, _, name, _ in views} >= {"alva", "kim", "noor", "elias"}


def test_the_overview_fits_the_screen_and_its_text_is_large_enough(measured):
    views, _ = measured
    for (width, height, name, when), view in views.items():
        where = f"{width}×{height} {name} {when}"
        assert view.top_inside(height) and view.picture[3] <= height, f"{where}: {view.picture}"
        assert view.texts > 10, where
        assert view.font >= SMALLEST_TEXT_PX[height], f"{where}: {view.font:.1f} px"


def test_the_hidden_labels_are_hover_titles(measured):
    views, _ = measured
    for (width, height, name, when), view in views.items():
        if when == "end":
            assert view.titled > view.texts / 2, (width, name, view.titled)


@pytest.mark.parametrize("where", ["overview", "close-up"])
def test_markup_in_a_persona_is_shown_as_typed(measured, where):
    _, markup = measured
    probe = markup[where]
    assert probe["bold"] == 0 and probe["katex"] == 0 and probe["coloured"] == 0, probe
    assert "<b>Fet</b> **fet** $x^2$ :red[Röd]" in probe["text"]
    assert "Röst &lt;b&gt;Fet&lt;/b&gt; **fet** $x^2$ :red[Röd]" in probe["svg"] or "Röst" in probe["text"]


def test_the_balance_on_the_network_page_is_readable_and_starts_on_the_first_screen(measured):
    _, markup = measured
    balances = markup["balance"]
    assert {(w, h) for w, h, _ in balances} == {(1920, 1080), (1280, 720)}
    for (width, height, persona), value in balances.items():
        assert value["font"] >= SMALLEST_TEXT_PX[height], (width, persona, value["font"])
        assert 0 <= value["picture"][1] < height, (width, persona, value["picture"])


def test_every_scenario_of_every_example_is_readable_and_starts_on_the_first_screen(measured):
    _, markup = measured
    views = markup["scenarios"]
    assert {(w, h) for w, h, _, _ in views} == {(1920, 1080), (1280, 720)}
    assert len(views) >= 2 * 9 and {name for _, _, name, _ in views} >= {"alva", "kim", "noor", "elias"}
    for (width, height, name, scenario_id), view in views.items():
        where = f"{width}×{height} {name} {scenario_id}"
        assert view.texts > 10 and view.titled > view.texts / 2, where
        assert view.font >= SMALLEST_TEXT_PX[height], f"{where}: {view.font:.1f} px"
        assert view.top_inside(height), f"{where}: {view.picture}"


def test_the_ecomap_on_the_network_page_is_readable_and_starts_on_the_first_screen(measured):
    _, markup = measured
    views = markup["ecomap"]
    assert {(w, h) for w, h, _ in views} == {(1920, 1080), (1280, 720)}
    assert {name for _, _, name in views} >= {"alva", "kim", "noor", "elias"}
    for (width, height, name), view in views.items():
        where = f"{width}×{height} {name}"
        assert view.texts >= 5 and view.titled > 0, where
        assert view.font >= SMALLEST_TEXT_PX[height], f"{where}: {view.font:.1f} px"
        assert view.top_inside(height), f"{where}: {view.picture}"
