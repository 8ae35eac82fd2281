"""Disclosure control: small counts hidden, and no hidden count recoverable from the rest."""

from __future__ import annotations

import itertools

import pytest

from journeys.cohort.disclosure import HIDDEN, PRIMARY, SECONDARY, TOTAL, audit_range, protect, protected, two_way

ROWS, COLUMNS = ("a", "b", "c"), ("x", "y", "z")
# One small count (a, y) = 3 in a table whose other counts are all large.
TABLE = {("a", "x"): 20, ("a", "y"): 3, ("a", "z"): 15, ("b", "x"): 12, ("b", "y"): 9, ("b", "z"): 30,
         ("c", "x"): 8, ("c", "y"): 14, ("c", "z"): 6}


def _brute_force_ranges(values, equations, hidden, top):
    """Every assignment of the hidden counts (0 … top) that fits the published figures: the
    honest answer the linear programme must agree with."""
    hidden = sorted(hidden, key=repr)
    possible: dict = {k: [] for k in hidden}
    for guess in itertools.product(range(top + 1), repeat=len(hidden)):
        known = {**values, **dict(zip(hidden, guess))}
        if all(known[total] == sum(known[p] for p in parts) for total, parts in equations):
            for key in hidden:
                possible[key].append(known[key])
    return {k: (min(v), max(v)) for k, v in possible.items()}


def test_primary_suppression_alone_leaves_the_small_count_recoverable_from_its_row_total():
    values, equations = two_way(TABLE, ROWS, COLUMNS)
    only_primary = {("a", "y")}
    assert audit_range(values, equations, only_primary, ("a", "y")) == (3.0, 3.0)  # 38 − 20 − 15


def test_secondary_suppression_protects_every_hidden_count():
    values, equations = two_way(TABLE, ROWS, COLUMNS)
    protection = protect(values, equations, min_count=5)
    assert protection.hidden[("a", "y")] == PRIMARY
    assert protection.count(SECONDARY) >= 3, "a row, a column and their crossing need a partner each"
    for key in protection.hidden:
        low, high = audit_range(values, equations, set(protection.hidden), key)
        assert high - low >= 1, key
        assert not (low >= 1 and high <= 4), key
    assert protection.shown(("a", "y"), values) == HIDDEN
    assert protection.shown(("b", "z"), values) == 30 or ("b", "z") in protection.hidden


def test_the_linear_programme_agrees_with_trying_every_value():
    small = {("a", "x"): 2, ("a", "y"): 7, ("b", "x"): 6, ("b", "y"): 9}
    values, equations = two_way(small, ("a", "b"), ("x", "y"))
    hidden = {("a", "x"), ("a", "y"), ("b", "x"), ("b", "y")}
    expected = _brute_force_ranges(values, equations, hidden, top=16)
    assert {key: audit_range(values, equations, hidden, key) for key in hidden} == expected


def test_a_count_that_the_margins_narrow_to_one_to_four_is_protected_further():
    # Row a: 2 + 2 = 4 with both hidden: each is 0…4, never exact, yet the pair is 1–4 children
    # in total, and each could be worked out to lie in 0…4 — the audit must not accept a range
    # inside 1 … 4 for a non-zero count.
    table = {("a", "x"): 2, ("a", "y"): 2, ("b", "x"): 40, ("b", "y"): 50}
    values, equations = two_way(table, ("a", "b"), ("x", "y"))
    protection = protect(values, equations, min_count=5)
    assert ("a", TOTAL) in protection.hidden, "the row total 4 is itself small"
    for key in protection.hidden:
        low, high = audit_range(values, equations, set(protection.hidden), key)
        assert not (low >= 1 and high <= 4) and high > low


def test_zero_and_large_counts_are_shown_and_a_table_without_small_counts_is_untouched():
    table = {("a", "x"): 0, ("a", "y"): 12, ("b", "x"): 7, ("b", "y"): 9}
    values, equations = two_way(table, ("a", "b"), ("x", "y"))
    protection = protect(values, equations, min_count=5)
    assert not protection.hidden
    assert protection.shown(("a", "x"), values) == 0


@pytest.mark.parametrize("min_count", [3, 5, 10])
def test_the_threshold_is_configurable(min_count: int):
    values, equations = two_way(TABLE, ROWS, COLUMNS)
    protection = protect(values, equations, min_count=min_count)
    small = {k for k, v in values.items() if 1 <= v < min_count}
    assert {k for k, r in protection.hidden.items() if r == PRIMARY} == small


def test_a_hidden_count_narrowed_to_one_to_four_is_not_protected_though_it_is_not_exact():
    # p + q = 7, p + s = 3, q + t = 6, s + t = 2: p can be 1, 2 or 3 — never 0, never 5.
    table = {("r1", "c1"): 3, ("r1", "c2"): 4, ("r2", "c1"): 0, ("r2", "c2"): 2}
    values, equations = two_way(table, ("r1", "r2"), ("c1", "c2"))
    hidden = set(table)
    assert protected(values, equations, hidden, ("r1", "c1"), 5) == (False, (1.0, 3.0))
    assert protected(values, equations, hidden, ("r1", "c2"), 5) == (True, (4.0, 6.0))
    protection = protect(values, equations, min_count=5)
    for key in protection.hidden:
        assert protected(values, equations, set(protection.hidden), key, 5)[0], key
