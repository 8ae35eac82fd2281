"""Small things on the A0/A1 wall poster that the room would notice: every life stage's name in
the one heading size (a short name where the usual one does not fit its column as whole words),
and the legend's title never left at the foot of a column without its first entries."""

from __future__ import annotations

import pytest

from journeys.render.geometry import Box
from journeys.render.journey import prepare
from journeys.render.wall_detail import LEGEND_KEPT_WITH_TITLE, Flow, Unit
from journeys.render.wall_layout import wall_layout
from journeys.render.wall_text import set_text
from tests.render_helpers import catalog
from tests.test_wall_poster import NAMES, SHAPES, characters, layout, persona_file, printed


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("size, orientation", SHAPES)
def test_every_stage_name_is_in_the_heading_size_as_whole_words(name: str, size: str, orientation: str):
    wall, chars = layout(name, size, orientation), characters(name, size, orientation)
    text = catalog()
    for stage in wall.timeline.stages:
        sizes = {round(c["size"], 1) for line in stage.lines for c in printed(chars, line)}
        assert sizes == {wall.scale.heading}, (stage.id, sizes)
        words = " ".join(line.text for line in stage.lines).split()
        assert words in (text(f"stages.{stage.id}").split(), text(f"wall_poster.stage_short.{stage.id}").split())
        assert all(stage.x0 <= line.box.x and line.box.right <= stage.x1 for line in stage.lines), stage.id


@pytest.mark.parametrize("size, orientation", SHAPES)
def test_the_stage_names_in_english_are_in_one_heading_size_too(size: str, orientation: str):
    wall = wall_layout(prepare(persona_file("kim")), catalog("en"), size, orientation)
    assert {line.size for stage in wall.timeline.stages for line in stage.lines} == {wall.scale.heading}


def test_a_stage_keeps_its_own_name_where_it_fits_on_one_line():
    wall = layout("kim", "A0", "landscape")
    text = catalog()
    for stage in wall.timeline.stages:
        own = text(f"stages.{stage.id}")
        if len(stage.lines) == 1 and stage.lines[0].text != own:
            assert len(set_text(own, 0, 0, stage.x1 - stage.x0 - 2 * wall.scale.small * 0.4, wall.scale.heading,
                                "bold")) > 1, stage.id
    assert [s.lines[0].text for s in wall.timeline.stages][0] == text("stages.early")


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("size, orientation", SHAPES)
def test_the_legend_title_heads_its_first_entries_in_the_same_column(name: str, size: str, orientation: str):
    wall = layout(name, size, orientation)
    title = next(line for line in wall.detail.lines if line.text == catalog()("wall_poster.legend.title"))
    first = sorted(wall.detail.symbols, key=lambda s: (s.box.x, s.box.y))[:LEGEND_KEPT_WITH_TITLE]
    assert all(abs(s.box.x - title.box.x) < 1 and s.box.y > title.box.y for s in first)


def test_a_title_that_would_end_a_column_starts_the_next_one():
    unit = Unit(tuple(set_text("Rad", 0, 0, 100, 10)), 2.0, None)
    flow = Flow(Box(0, 0, 300, 100), 100, 20)
    while flow.y + 2 * unit.height <= 100:
        flow.put(unit)
    column = flow.column
    flow.keep_together([unit, unit, unit])
    assert flow.column == column + 1 and flow.y == 0
    flow.keep_together([unit, unit, unit])
    assert flow.column == column + 1 and flow.y == 0, "a fresh column is not left"
