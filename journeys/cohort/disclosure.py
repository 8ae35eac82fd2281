"""Disclosure control: which counts may be published, and proof that the hidden ones stay hidden.

Figures are counts of distinct children, each with a key; equations say which published figure
is the sum of which others (a row's total is the sum of its cells). A count from 1 to
``min_count − 1`` is hidden (primary suppression). Then, so that no hidden count can be worked
out from the rest, more counts are hidden (secondary suppression) until an audit by linear
programming shows, for every hidden count, that the published figures and equations allow it
to be anything in a range that is neither a single number nor inside 1 … ``min_count − 1``.
Hiding more never narrows a range, so each round audits only what it has not yet cleared.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Hashable, Mapping, Sequence

Key = Hashable
Equation = tuple[Key, tuple[Key, ...]]  # total, parts
HIDDEN = ".."
PRIMARY = "primary"
SECONDARY = "secondary"
MAX_ROUNDS = 200
TOTAL = "*"  # the key part of a total (a row's, a column's, the grand total)


@dataclass(frozen=True)
class Protection:
    """What is hidden and why, and the range the audit found for each hidden count."""

    hidden: Mapping[Key, str]
    ranges: Mapping[Key, tuple[float, float]]
    min_count: int

    def shown(self, key: Key, values: Mapping[Key, int]) -> int | str:
        return HIDDEN if key in self.hidden else values[key]

    def count(self, reason: str) -> int:
        return sum(1 for r in self.hidden.values() if r == reason)


@dataclass
class _Problem:
    values: Mapping[Key, int]
    equations: Sequence[Equation]
    min_count: int
    hidden: dict[Key, str] = field(default_factory=dict)
    ranges: dict[Key, tuple[float, float]] = field(default_factory=dict)

    def members(self, equation: Equation) -> tuple[Key, ...]:
        return (equation[0],) + equation[1]


def protect(values: Mapping[Key, int], equations: Sequence[Equation], min_count: int) -> Protection:
    """Hide what must be hidden (see the module) and audit it; raises if it cannot be protected."""
    problem = _Problem(values, equations, min_count)
    problem.hidden.update({k: PRIMARY for k, v in values.items() if 1 <= v < min_count})
    _hide_lone_cells(problem)
    unchecked = set(problem.hidden)
    for _ in range(MAX_ROUNDS):
        failing = [k for k in sorted(unchecked, key=repr) if not _safe(problem, k)]
        if not failing:
            return Protection(dict(problem.hidden), dict(problem.ranges), min_count)
        before = set(problem.hidden)
        for key in failing:
            _hide_partner(problem, key)
        _hide_lone_cells(problem)
        added = set(problem.hidden) - before
        if not added:
            raise DisclosureFailed(failing)
        unchecked = set(failing) | added
    raise DisclosureFailed(sorted(unchecked, key=repr))


class DisclosureFailed(RuntimeError):
    """No suppression pattern could be found that protects every hidden count."""


def _hide_lone_cells(problem: _Problem) -> None:
    """An equation with one hidden member gives it away: hide one more member, until none has."""
    changed = True
    while changed:
        changed = False
        for equation in problem.equations:
            members = problem.members(equation)
            hidden = [k for k in members if k in problem.hidden]
            if len(hidden) == 1 and _hide_partner(problem, hidden[0], members):
                changed = True


def _hide_partner(problem: _Problem, key: Key, members: Sequence[Key] | None = None) -> bool:
    """Hide the smallest visible count that shares an equation with ``key`` (non-zero first)."""
    pool = members if members is not None else [m for e in problem.equations if key in problem.members(e)
                                                 for m in problem.members(e)]
    visible = [m for m in dict.fromkeys(pool) if m not in problem.hidden]
    if not visible:
        return False
    partner = min(visible, key=lambda m: (_is_total(m), problem.values[m] == 0, problem.values[m], repr(m)))
    problem.hidden[partner] = SECONDARY
    return True


def _is_total(key: Key) -> bool:
    """Totals are hidden last: a table whose totals are hidden says little."""
    return isinstance(key, tuple) and (TOTAL in key or key[:1] == ("R",))


def _safe(problem: _Problem, key: Key) -> bool:
    safe, found = protected(problem.values, problem.equations, set(problem.hidden), key, problem.min_count)
    problem.ranges[key] = found
    return safe


def protected(values: Mapping[Key, int], equations: Sequence[Equation], hidden: set[Key], key: Key,
              min_count: int) -> tuple[bool, tuple[float, float]]:
    """Whether the published figures leave a hidden count a range that is neither one number nor
    inside 1 … ``min_count − 1`` (a hidden zero gives nothing away), and that range."""
    low, high = audit_range(values, equations, hidden, key)
    if values[key] == 0:
        return True, (low, high)
    least, most = math.ceil(low - 1e-6), math.floor(high + 1e-6)
    return least < most and not (least >= 1 and most <= min_count - 1), (low, high)


def audit_range(values: Mapping[Key, int], equations: Sequence[Equation], hidden: set[Key],
                key: Key) -> tuple[float, float]:
    """The smallest and largest value ``key`` can take given every published figure and equation
    (linear programming over the hidden counts, each at least 0)."""
    from scipy.optimize import linprog

    rows, rhs, index = _system(values, equations, hidden, key)
    target = index[key]
    found = []
    for sign in (1.0, -1.0):
        cost = [0.0] * len(index)
        cost[target] = sign
        result = linprog(cost, A_eq=rows or None, b_eq=rhs or None, bounds=[(0, None)] * len(index), method="highs")
        if result.status == 3:  # unbounded
            found.append(math.inf if sign < 0 else 0.0)
        else:
            found.append(sign * float(result.fun))
    return found[0], found[1]


def _system(values: Mapping[Key, int], equations: Sequence[Equation], hidden: set[Key],
            key: Key) -> tuple[list[list[float]], list[float], dict[Key, int]]:
    """The equations that bind ``key``'s component of hidden counts, as ``A x = b``."""
    component = _component(equations, hidden, key)
    index = {k: i for i, k in enumerate(sorted(component, key=repr))}
    rows, rhs = [], []
    for total, parts in equations:
        members = [(total, -1.0)] + [(p, 1.0) for p in parts]
        if not any(k in component for k, _ in members):
            continue
        row = [0.0] * len(index)
        constant = 0.0
        for member, sign in members:
            if member in component:
                row[index[member]] += sign
            else:
                constant += sign * values[member]
        rows.append(row)
        rhs.append(-constant)
    return rows, rhs, index


def _component(equations: Sequence[Equation], hidden: set[Key], key: Key) -> set[Key]:
    """The hidden counts linked to ``key`` through equations."""
    by_member: dict[Key, list[int]] = {}
    for number, (total, parts) in enumerate(equations):
        for member in (total, *parts):
            if member in hidden:
                by_member.setdefault(member, []).append(number)
    found, stack = {key}, [key]
    while stack:
        for number in by_member.get(stack.pop(), ()):
            total, parts = equations[number]
            for member in (total, *parts):
                if member in hidden and member not in found:
                    found.add(member)
                    stack.append(member)
    return found


# --- tables ----------------------------------------------------------------------------------


def two_way(counts: Mapping[tuple[str, str], int], rows: Sequence[str],
            columns: Sequence[str]) -> tuple[dict[Key, int], list[Equation]]:
    """A table of rows × columns with every cell (zeros too), row and column totals and the
    grand total, and the equations between them. Keys: ``(row, column)``, ``TOTAL`` for a total."""
    values: dict[Key, int] = {}
    for row in rows:
        for column in columns:
            values[(row, column)] = counts.get((row, column), 0)
        values[(row, TOTAL)] = sum(values[(row, c)] for c in columns)
    for column in columns:
        values[(TOTAL, column)] = sum(values[(r, column)] for r in rows)
    values[(TOTAL, TOTAL)] = sum(values[(r, TOTAL)] for r in rows)
    equations: list[Equation] = [((r, TOTAL), tuple((r, c) for c in columns)) for r in rows]
    equations += [((TOTAL, c), tuple((r, c) for r in rows)) for c in columns]
    equations.append(((TOTAL, TOTAL), tuple((r, TOTAL) for r in rows)))
    equations.append(((TOTAL, TOTAL), tuple((TOTAL, c) for c in columns)))
    return values, equations
