"""Every picture's age axis ends where the persona's record ends (rounded up to a whole year,
with the end line drawn), or at 20 — never at 20 for a record that ends at 4, never before 20 for
a whole life. And the close-up: the end line, and no line through a label."""

from __future__ import annotations

import re

from journeys import render
from journeys.render import number_gaps
from journeys.render.balance_view import balance_dot
from journeys.render.focus_view import Moment, focus_dot, layout_focus
from journeys.render.layout import axis_end, layout_timeline
from journeys.render.theme import PRINT
from tests.render_helpers import catalog, example

YEAR_TEXT = re.compile(r"T -?[\d.]+ -?[\d.]+ 0 0 \d+ -(\d+)(?= |\")")  # centred numbers: the axis's years


def years_drawn(dot: str) -> set[int]:
    return {int(y) for y in YEAR_TEXT.findall(dot)}


def test_the_axis_ends_where_the_record_ends_rounded_up_to_a_year():
    assert axis_end(example("alva").graph) == 5.0
    assert axis_end(example("kim").graph) == 20.0


def test_alva_is_drawn_to_five_years_and_kim_to_twenty():
    alva, kim = example("alva"), example("kim")
    alva_layout = layout_timeline(alva.graph, number_gaps(alva.gaps), catalog(), PRINT)
    kim_layout = layout_timeline(kim.graph, number_gaps(kim.gaps), catalog(), PRINT)
    assert alva_layout.end == 5.0 and kim_layout.end == 20.0
    assert alva_layout.width < kim_layout.width / 2
    for view, name in (("timeline", "alva"), ("balance", "alva"), ("timeline", "kim"), ("balance", "kim")):
        journey = example(name)
        dot = render.picture(view, journey.graph, journey.gaps, catalog(), theme="print").dot
        assert max(years_drawn(dot)) == (5 if name == "alva" else 20), (view, name)


def test_the_timeline_of_a_record_that_ends_early_says_where_and_why():
    alva = example("alva")
    svg = render.timeline(alva.graph, alva.gaps, catalog(), legend=False).svg()
    assert "Journalen slutar vid 4 år 4 mån: familjen flyttade" in svg or "Journalen slutar vid" in svg
    assert "familjen flyttade" in svg


def test_the_balance_greys_out_only_the_part_of_its_own_axis_after_the_end():
    alva = example("alva")
    dot, width, _ = balance_dot(alva.graph, catalog(), PRINT)
    kim_dot, kim_width, _ = balance_dot(example("kim").graph, catalog(), PRINT)
    assert width < kim_width / 2
    assert "#FFFFFFCC" in dot and "#FFFFFFCC" not in kim_dot


def _background_ops(dot: str) -> list[str]:
    """The close-up's drawing operations in order (xdot: pen, polygon, line)."""
    joined = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', dot.split("_background=", 1)[1].split("];", 1)[0]))
    return re.findall(r"[cCS] \d+ -[^ ]*|[PpL] \d+(?: -?[\d.]+)+", joined)


def test_the_close_up_at_the_end_of_the_record_draws_the_end_line_and_explains_it():
    alva = example("alva")
    at_end = render.focus(alva.graph, alva.gaps, catalog(), age=4.3)
    assert "end" in at_end.marks
    earlier = render.focus(alva.graph, alva.gaps, catalog(), age=2.0)
    assert "end" not in earlier.marks
    dot, layout = focus_dot(alva.graph, Moment(4.3), catalog())
    ops = _background_ops(dot)
    end_lines = [op for before, op in zip(ops, ops[1:]) if op.startswith("L 2 ") and before == "S 5 -solid"
                 and abs(float(op.split()[2]) - layout.x(4.3)) < 0.01]
    widths = [op for op in ops if op.startswith("S 15 -setlinewidth(6)")]
    assert end_lines and widths, "the end line"
    assert "#D9D9D9" in dot  # what lies after the end is greyed out
    kim = example("kim")
    assert "end" not in render.focus(kim.graph, kim.gaps, catalog(), age=19.0).marks


def test_no_year_line_or_bracket_tick_runs_through_a_label_of_the_close_up():
    """Kim's gap 5: a faded label sits on the year-4 line and a strong one under the bracket's end:
    each label gets a patch of its lane's colour drawn after the lines (and no tick goes through
    a label)."""
    kim = example("kim")
    numbered = number_gaps(kim.gaps)
    for gap in numbered:
        moment = Moment(gap.gap.start, gap)
        dot, layout = focus_dot(kim.graph, moment, catalog())
        ops = _background_ops(dot)
        cut = next((i for i, op in enumerate(ops) if "D55E0014" in op), len(ops))  # the gap is drawn from here
        last_year_line = max(i for i, op in enumerate(ops[:cut]) if op.startswith("S") and "dashed" in op)
        patches = [op for op in ops[last_year_line:cut] if op.startswith("P 4 ")]
        for place in layout.placed:
            if place.label is None:
                continue
            left = f"{place.label.x - 1:.2f}"
            assert any(abs(float(p.split()[2]) - float(left)) < 0.01 for p in patches), (gap.number, place.item.id)
    assert layout_focus(kim.graph, Moment(numbered[4].gap.start, numbered[4]), catalog()).placed
