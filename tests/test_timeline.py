"""Periods and step functions over age: the sweeps every rule is built on."""

from __future__ import annotations

from journeys.timeline import (
    Periods, StepFunction, count_at_least, intersect, merge_periods, overlapping, spans_where, step_function,
    subtract,
)


def test_merge_covers_and_overlaps():
    periods = merge_periods([(5, 6), (1, 2), (1.5, 3), (6, 7)])
    assert periods.spans == ((1, 3), (5, 7))
    assert periods.covers(3) and not periods.covers(4) and periods.overlaps(3.5, 5) and not periods.overlaps(3.5, 4.9)
    assert periods.end_of(2) == 3 and periods.end_of(4) == 4


def test_subtract_and_intersect():
    base = Periods(((0, 10),))
    holes = merge_periods([(2, 3), (5, 6), (9, 12)])
    assert subtract(base, holes).spans == ((0, 2), (3, 5), (6, 9))
    assert intersect(base, holes).spans == ((2, 3), (5, 6), (9, 10))


def test_step_function_and_spans_where():
    steps = step_function([(2, 1), (4, 1), (6, -1), (2, -1), (8, -1)])
    assert steps == ((0.0, 0), (4, 1), (6, 0), (8, -1))
    assert spans_where(steps, lambda v: v >= 1, 20).spans == ((4, 6),)
    function = StepFunction(steps)
    assert function.value_at(5) == 1 and function.peak(0, 10) == 1 and function.peak(6, 10) == 0
    assert function.next_where(lambda v: v < 0)(1) == 8


def test_count_at_least_is_a_sweep():
    periods = {"a": Periods(((0, 5),)), "b": Periods(((2, 6),)), "c": Periods(((4, 8),))}
    assert count_at_least(periods, 2).spans == ((2, 6),)
    assert count_at_least(periods, 3).spans == ((4, 5),)


def test_overlapping_lists_items_per_span_in_their_order():
    items = [("x", 5, 9), ("y", 0, 3), ("z", 2, 6)]
    found = overlapping(items, [(1, 2), (4, 4.5), (10, 11)], lambda i: i[1], lambda i: i[2])
    assert [[i[0] for i in group] for group in found] == [["y", "z"], ["z"], []]
