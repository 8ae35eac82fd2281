"""Boxes and row packing: the arithmetic that keeps labels from overlapping."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

EPSILON = 0.01


@dataclass(frozen=True)
class Box:
    """A rectangle with its top-left corner at (x, y); y grows downwards."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y + self.h / 2)

    def overlaps(self, other: "Box") -> bool:
        """Whether the two boxes share any area (touching edges do not count)."""
        return (self.x < other.right - EPSILON and other.x < self.right - EPSILON
                and self.y < other.bottom - EPSILON and other.y < self.bottom - EPSILON)

    def moved(self, dx: float = 0.0, dy: float = 0.0) -> "Box":
        return Box(self.x + dx, self.y + dy, self.w, self.h)

    def union(self, other: "Box") -> "Box":
        x, y = min(self.x, other.x), min(self.y, other.y)
        return Box(x, y, max(self.right, other.right) - x, max(self.bottom, other.bottom) - y)


def pack_rows(extents: Sequence[tuple[float, float]], gap: float) -> list[int]:
    """First-fit rows for horizontal extents (left, right), taken in the order given: each
    goes into the first row where it starts at least ``gap`` after that row's last extent."""
    ends: list[float] = []
    rows: list[int] = []
    for left, right in extents:
        row = next((r for r, end in enumerate(ends) if end + gap <= left), len(ends))
        if row == len(ends):
            ends.append(right)
        else:
            ends[row] = right
        rows.append(row)
    return rows


def overlapping_pairs(boxes: Sequence[Box]) -> list[tuple[int, int]]:
    """Indexes of every pair of boxes that overlap (a sweep over x)."""
    order = sorted(range(len(boxes)), key=lambda i: boxes[i].x)
    active: list[int] = []
    pairs: list[tuple[int, int]] = []
    for index in order:
        box = boxes[index]
        active = [a for a in active if boxes[a].right - EPSILON > box.x]
        pairs += [(min(a, index), max(a, index)) for a in active if boxes[a].overlaps(box)]
        active.append(index)
    return sorted(pairs)
