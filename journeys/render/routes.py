"""Arrows that go round words: the shortest path of straight, upright and level segments from
one point to another that crosses none of the given boxes.

The path runs on a grid made of the boxes' own edges (just outside them) and the two end
points, so it threads the channels between rows of labels; among paths of nearly equal length
it takes the one with the fewest bends. Pure geometry: the same boxes give the same path.
"""

from __future__ import annotations

import heapq
from typing import Sequence

from journeys.render.geometry import Box

Point = tuple[float, float]
BEND_COST = 24.0  # a bend costs as much as this many points of length


def _crosses(a: Point, b: Point, box: Box, clear: float) -> bool:
    """Whether the upright or level segment a–b comes closer than ``clear`` to the inside of ``box``."""
    x0, x1 = sorted((a[0], b[0]))
    y0, y1 = sorted((a[1], b[1]))
    return (x0 < box.right + clear and box.x - clear < x1 and y0 < box.bottom + clear and box.y - clear < y1)


def segment_clear(a: Point, b: Point, boxes: Sequence[Box], clear: float = 0.0) -> bool:
    """Whether the segment a–b stays out of every box (straight segments of any slope are sampled
    densely enough for boxes of text)."""
    if a[0] == b[0] or a[1] == b[1]:
        return not any(_crosses(a, b, box, clear) for box in boxes)
    steps = max(2, int(max(abs(b[0] - a[0]), abs(b[1] - a[1]))))
    points = [(a[0] + (b[0] - a[0]) * i / steps, a[1] + (b[1] - a[1]) * i / steps) for i in range(steps + 1)]
    return not any(_crosses(p, p, box, clear) for p in points for box in boxes)


def route(start: Point, end: Point, boxes: Sequence[Box], bounds: Box, clear: float = 1.0, channel: float = 2.0,
          start_run: float = 0.0, end_run: float = 0.0) -> list[Point] | None:
    """The corner points of a path from ``start`` to ``end`` inside ``bounds`` that keeps ``clear``
    points away from every box, with turns ``channel`` points outside the boxes' edges; the first
    segment is at least ``start_run`` long and the last at least ``end_run`` (room for an
    arrowhead). ``None`` when there is no such path."""
    xs = sorted({start[0], end[0]} | {v for b in boxes for v in (b.x - channel, b.right + channel)})
    ys = sorted({start[1], end[1]} | {v for b in boxes for v in (b.y - channel, b.bottom + channel)})
    xs = [x for x in xs if bounds.x <= x <= bounds.right and (x in (start[0], end[0]) or abs(x - start[0]) >= start_run)]
    ys = [y for y in ys if bounds.y <= y <= bounds.bottom and (y in (start[1], end[1]) or abs(y - start[1]) >= start_run)]
    inside = [[any(_crosses((x, y), (x, y), b, clear) for b in boxes) for y in ys] for x in xs]
    goal = (xs.index(end[0]), ys.index(end[1]))
    first = (xs.index(start[0]), ys.index(start[1]))
    # state: (cost, column, row, direction); direction 0 = level, 1 = upright, -1 = at the start
    queue: list[tuple[float, int, int, int]] = [(0.0, first[0], first[1], -1)]
    best: dict[tuple[int, int, int], float] = {}
    came: dict[tuple[int, int, int], tuple[int, int, int] | None] = {(first[0], first[1], -1): None}
    while queue:
        cost, i, j, heading = heapq.heappop(queue)
        if (i, j) == goal:
            return _unwind(came, (i, j, heading), xs, ys)
        if best.get((i, j, heading), float("inf")) < cost:
            continue
        for di, dj, direction in ((1, 0, 0), (-1, 0, 0), (0, 1, 1), (0, -1, 1)):
            ni, nj = i + di, j + dj
            if not (0 <= ni < len(xs) and 0 <= nj < len(ys)) or inside[ni][nj] and (ni, nj) != goal:
                continue
            a, b = (xs[i], ys[j]), (xs[ni], ys[nj])
            if not segment_clear(a, b, boxes, clear):
                continue
            if (ni, nj) == goal and _last_run(came, (i, j, heading), direction, xs, ys, end) < end_run:
                continue
            step = abs(b[0] - a[0]) + abs(b[1] - a[1]) + (BEND_COST if heading not in (-1, direction) else 0.0)
            state = (ni, nj, direction)
            if cost + step < best.get(state, float("inf")):
                best[state] = cost + step
                came[state] = (i, j, heading)
                heapq.heappush(queue, (cost + step, ni, nj, direction))
    return None


def _last_run(came: dict, state: tuple[int, int, int], direction: int, xs: list[float], ys: list[float],
              end: Point) -> float:
    """How long the straight run into ``end`` is when the path so far ends in ``state``."""
    current = state
    while current[2] == direction and came[current] is not None:
        current = came[current]
    return abs(end[0] - xs[current[0]]) + abs(end[1] - ys[current[1]])


def _unwind(came: dict, state: tuple[int, int, int], xs: list[float], ys: list[float]) -> list[Point]:
    points: list[Point] = []
    current: tuple[int, int, int] | None = state
    while current is not None:
        points.append((xs[current[0]], ys[current[1]]))
        current = came[current]
    points.reverse()
    return corners(points)


def corners(points: Sequence[Point]) -> list[Point]:
    """The path with the points in the middle of straight runs left out."""
    kept = [points[0]]
    for before, here, after in zip(points, points[1:], points[2:]):
        if not ((before[0] == here[0] == after[0]) or (before[1] == here[1] == after[1])):
            kept.append(here)
    if len(points) > 1:
        kept.append(points[-1])
    return kept
