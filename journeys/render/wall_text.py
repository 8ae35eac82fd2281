"""Text on the wall poster: lines set with the project's own wrapping and real font metrics,
each with its box in page points (y from the top of the page)."""

from __future__ import annotations

from collections.abc import Sequence

from journeys.render.fonts import text_width, wrap
from journeys.render.geometry import Box
from journeys.render.summary_poster import Line
from journeys.render.wall_sizes import LEADING

__all__ = ["Line", "set_text", "moved", "text_height"]


def set_text(words: str, x: float, top: float, width: float, size: float, weight: str = "regular",
             colour: str = "#000000", max_lines: int = 0) -> list[Line]:
    """``words`` wrapped to ``width`` at ``size``, one :class:`Line` per line from ``top`` down."""
    height = size * LEADING
    return [Line(Box(x, top + i * height, text_width(line, size, weight), height), line, size, weight, colour)
            for i, line in enumerate(wrap(words, width, size, weight, max_lines))]


def moved(lines: Sequence[Line], dx: float = 0.0, dy: float = 0.0) -> list[Line]:
    return [Line(line.box.moved(dx, dy), line.text, line.size, line.weight, line.colour) for line in lines]


def text_height(lines: Sequence[Line]) -> float:
    """From the top of the first line to the bottom of the last (0 for no lines)."""
    return (lines[-1].box.bottom - lines[0].box.y) if lines else 0.0


def block_right(lines: Sequence[Line]) -> float:
    return max((line.box.right for line in lines), default=0.0)
