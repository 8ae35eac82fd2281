"""The command line repeats a few of the library's word lists (so that ``journeys --help``
imports no library): they must stay the same lists."""

from __future__ import annotations

from journeys import render, report
from journeys.cli import poster as poster_command
from journeys.cli import render as render_command
from journeys.render import drawing, pages, theme


def test_render_command_offers_the_library_views_formats_and_themes():
    assert render_command.VIEWS == render.VIEWS
    assert render_command.PICTURE_FORMATS == drawing.FORMATS
    assert render_command.TEXT_FORMATS == report.FORMATS
    assert render_command.THEMES == theme.THEMES


def test_poster_command_offers_the_library_sizes():
    assert poster_command.SIZES == pages.POSTER_SIZES
    assert poster_command.TILES == pages.TILE_SIZES
    assert poster_command.ORIENTATIONS == pages.ORIENTATIONS
    assert set(poster_command.ORDER) == set(pages.ISO_MM)
